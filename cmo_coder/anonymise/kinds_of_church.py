"""A church or a club said by whose it is, not by its name: "the Ghanaian church in Govan", "the Irish club".

A people's or a faith's word before a place of worship ("the Nigerian church", "the Polish chapel", "the
Catholic church") says which community worships there, as "the Irish club" does: it is no church's own name,
and removing it removed what the study needs to read (who the speaker turns to). The place that follows
("in Govan") is still a place, and so is someone said to be from the church ("chidi fae the church" is a
man, not a church's name). A church named by its own words ("the Redeemed church", "St Columba's") is left
to the layers that propose it. A community's club, centre or shop said by its people's word ("the Irish club", "the
Polish shop", "the Somali community centre") is read the same way; a denomination before a club names no kind.

A denomination said the same way is a kind too: "the Free Church hall", "the Baptist chapel", "the Quaker meeting
house", "the United Reformed church". There are thousands of Baptist churches; only a place or a saint with the
denomination ("Govan Free Church", "St Mary's Baptist Church") names one, and then the whole stays a proposal.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.said_from import from_the, said_from
from .layers.words import PEOPLES

_WORSHIP = frozenset({"church", "churches", "chapel", "mosque", "gurdwara", "temple", "synagogue", "mission",
                      "fellowship", "congregation", "parish", "kirk", "mandir", "masjid"})
"""Heads of a place of worship said after a people's or faith's word (written for the project)."""
DENOMINATIONS = frozenset({
    "baptist", "free", "wee free", "free presbyterian", "presbyterian", "evangelical", "elim", "elim pentecostal",
    "quaker", "quakers", "friends", "orthodox", "greek orthodox", "russian orthodox", "romanian orthodox", "coptic",
    "reformed", "united reformed", "episcopal", "scottish episcopal", "episcopalian", "congregational", "brethren",
    "apostolic", "adventist", "seventh-day adventist", "seventh day adventist", "lutheran", "unitarian",
    "spiritualist", "christadelphian", "wesleyan", "free methodist", "primitive methodist", "roman catholic",
    "church of scotland", "church of england", "church in wales", "nonconformist", "non-denominational",
    "independent", "gospel", "evangelical free", "redeemed christian", "mormon", "latter-day saints",
})
"""Christian denominations of the four nations as their members say them before a church, a chapel or a hall
(written for the project from the member churches of Churches Together in Britain and Ireland and the national
churches): each names thousands of congregations, none of them one."""
_COMMUNITY = frozenset({"club", "clubs", "centre", "center", "centres", "association", "society", "shop", "shops",
                        "deli", "bakery", "supermarket", "restaurant", "cafe", "café", "takeaway", "school",
                        "community"})
"""Heads of a community's own places said after a people's word ("the Irish club", "the Polish shop", "the Somali
community centre"): a kind, as "the Polish church" is, never after a denomination (written for the project)."""
_COMMUNITY_QUALIFIERS = frozenset({"community", "social", "cultural", "sports", "youth", "saturday", "welfare"})
"""Words between the people's word and the head that keep the phrase a kind ("the Irish social club")."""
_HALLS = frozenset({"hall", "halls", "house"})
"""What a church's building is said as after its head ("the Free Church hall", "the Quaker meeting house")."""
_HEAD = re.compile(r"(?i)(?:" + "|".join(sorted(_WORSHIP)) + r")\b")
_WORD_BEFORE = re.compile(r"(\s|^)([A-Za-z-]+)\s+$")
_ARTICLE = re.compile(r"(?i)\b(?:the|a|an|their|our|his|her|my|your)\s+$")


def _kind_only(text: str, c: Candidate) -> bool:
    words = text[c.start:c.end].lower().replace("’", "'").split()
    if words and said_from(words[-1]) and from_the(text, c.end, _HEAD):
        return True  # "chidi fae | the church": the name and "fae" read as the church's name
    if len(words) >= 3 and words[-1] in _HALLS and (words[-2] in _WORSHIP or words[-2] == "meeting"):
        words = words[:-1]  # "the Free Church hall", "the Quaker meeting house": the church's own building
    if len(words) >= 3 and words[-1] in _COMMUNITY and words[-2] in _COMMUNITY_QUALIFIERS:
        words = words[:-2] + words[-1:]  # "the Somali community centre": the centre of a people
    if len(words) < 2 or (words[-1] not in _WORSHIP and words[-1] not in _COMMUNITY and words[-1] != "meeting"):
        return False
    if len(words) >= 3 and words[-2] == "the" and said_from(words[-3]):
        return True  # "a guy called chidi fae the church": someone from a church, not its name
    people = " ".join(words[:-1]).removeprefix("the ")
    return _said_by_kind(text, c, words, people, words[-1])


def _said_by_kind(text: str, c: Candidate, words: list[str], people: str, head: str) -> bool:
    """``people`` before ``head`` is a kind, opened by an article; or the word before the proposal and
    ``people`` are one ("the United | Reformed church": a layer took the second word on)."""
    if _by_kind(people, head) and _opened(text, c, words):
        return True
    m = _WORD_BEFORE.search(text, max(0, c.start - 40), c.start)
    return (m is not None and words[0] != "the" and _by_kind(f"{m.group(2).lower()} {people}", head)
            and _ARTICLE.search(text, max(0, m.start(2) - 12), m.start(2)) is not None)


def _by_kind(people: str, head: str) -> bool:
    """ "Nigerian" before "church", "Baptist" before "chapel", "Quaker" before "meeting", "Irish" before "club"."""
    if head == "meeting":
        return people in {"quaker", "quakers", "friends"}
    if head in _COMMUNITY:
        return people in PEOPLES
    return people in PEOPLES or people in DENOMINATIONS


def _opened(text: str, c: Candidate, words: list[str]) -> bool:
    """An article or a possessive opens the phrase: inside the proposal or right before it."""
    return words[0] == "the" or _ARTICLE.search(text, max(0, c.start - 12), c.start) is not None


_HEAD_AFTER = re.compile(r"(?i)\s+(?:(?:" + "|".join(sorted(_COMMUNITY_QUALIFIERS)) + r")\s+(?="
                         + "|".join(sorted(_COMMUNITY)) + r"))?(" + "|".join(sorted(_WORSHIP | _COMMUNITY))
                         + r"|meeting\s+house)\b")


def _word_before_head(text: str, c: Candidate) -> bool:
    """A proposal of the denomination's word alone, the head after it: "the [Baptist] church", "the [Quaker]
    meeting house" (a layer read the word as a place or a body of its own)."""
    m = _HEAD_AFTER.match(text, c.end)
    if not m:
        return False
    words = text[c.start:c.end].lower().replace("’", "'").split()
    if not words or said_from(words[-1]):
        return False
    head = "meeting" if m.group(1).lower().startswith("meeting") else m.group(1).lower()
    if head in _COMMUNITY and len(words) >= 2 and words[-1] in _COMMUNITY_QUALIFIERS:
        words = words[:-1]  # "the [bengali social] club": the model took the qualifier, not the head
    return _said_by_kind(text, c, words, " ".join(words).removeprefix("the "), head)


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without places of worship said only by a people's or faith's word (module doc)."""
    return [c for c in found
            if c.category == "person" or c.item_key is not None  # the register's own entry always stands
            or not (_kind_only(text, c) or _word_before_head(text, c))]
