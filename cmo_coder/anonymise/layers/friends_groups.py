"""The place a "Friends of" group is named after: "the Friends of Wellbrook Park", "friends of hollins wood", "the
friends of moorside library".

Volunteers who look after a local park, wood, library or cemetery call themselves its friends, and people who go
to a social prescriber's groups name them so. The group's name is the place's: "Friends of" opens a body's name,
which the layers keep as a body, and no frame of going or being stands before the place, so the place went unread
in both casings. Here a place named by one or two naming words (:func:`.naming.name_before`) and a head of the
places such groups look after (:data:`_HEADS`) goes after "friends of"; the words "friends of" stay, so the text
still says what kind of group it was. A national body of the same shape ("Friends of the Earth", "Friends of the
Elderly") has no such head and stays. Heads written for the project.
"""

from __future__ import annotations

import re

from .naming import name_before

_FRIENDS = re.compile(r"(?i)(?<![\w'’-])friends[ \t]+of[ \t]+(?:the[ \t]+)?")
_HEADS = frozenset({"park", "wood", "woods", "cemetery", "library", "common", "meadows", "meadow", "gardens", "lake",
                    "reservoir", "green", "rec", "valley", "moor", "beck", "brook", "canal", "station", "chapel",
                    "church", "churchyard", "hospital", "school", "fields", "field", "nature", "country", "hall",
                    "museum", "lido", "baths", "pool", "allotments"})
"""Heads of the places volunteers' "Friends of" groups look after ("nature" and "country" open "nature reserve"
and "country park", taken with their second word)."""
_SECOND = {"nature": "reserve", "country": "park"}
_NAME = re.compile(r"([A-Za-z][A-Za-z'’]*)(?:[ \t]+([A-Za-z][A-Za-z'’]*))?(?:[ \t]+([A-Za-z][A-Za-z'’]*))?"
                   r"(?:[ \t]+([A-Za-z][A-Za-z'’]*))?")
REASON = "the place a 'Friends of' group is named after"


def friends_place_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of the places named after "friends of" (module doc): the name and its head, not "friends of"."""
    if "riends" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _FRIENDS.finditer(text):
        words = _NAME.match(text, m.end())
        if words is None:
            continue
        said = [(words.group(k), words.start(k), words.end(k)) for k in (1, 2, 3, 4) if words.group(k)]
        for k in (1, 2):  # the head after one or two naming words
            if len(said) <= k or said[k][0].lower() not in _HEADS:
                continue
            end = said[k][2]
            second = _SECOND.get(said[k][0].lower())
            if second is not None:
                if len(said) <= k + 1 or said[k + 1][0].lower() != second:
                    continue
                end = said[k + 1][2]
            n = name_before([w for w, _, _ in said[:k]], caseless)
            if n:
                out.append((said[k - n][1], end))
            break
    return out
