"""Charities and third-sector bodies no list holds, known by the form of their names and how they are spoken of.

There are some 170,000 registered charities, and the bodies list (``data/public_names/bodies.txt``) holds the
national ones people mention most. Participants name others all the time ("I rang Headway", "the Papyrus
helpline", "the Hearing Dogs Association sent someone round"), and the statistical model reads them as people
or places. This module keeps:

* a name before a charity's service: "X helpline", "X hopeline", "X charity", "X (the charity)", "X, the
  charity", or after "a charity called": these hold whatever the name's words are, a given name or a
  UK place aside;
* a name of dictionary words before a charity's material or people: "X's website", "a X leaflet", "the X
  forum", "X volunteers" (a name no dictionary holds may be a place nobody listed: "the Elmbury website"
  is removed);
* a name of dictionary words after a verb of getting in touch: "rang Headway", "phoned Refuge", "emailed
  Shelter" (not "rang Dave", nor a word a name list holds: "rang Sands" may be a friend);
* a name of dictionary words before a charity's head: "Foundation", "Society", "Association", "Alliance",
  "Federation", "Institute", "Charity", "Network", "Coalition", "Collective" ("the Brain Tumour Charity").

Every word of the last three frames must be one a dictionary holds, and none a given name, a UK place or
one of the commonest surnames, so "the Okafor Foundation", "the Thornbury Society" and "Kerry's website" stay
removed; a local branch is named with its place ("Mind in Barnsley", "Age UK Elmbury"), and the place is
removed. Registered names always win, as everywhere in the allow-list.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from .public_bodies import _lows
from .public_branches import branch_before
from .public_figures import PRIVATE_WORDS
from .public_names import COMMONEST_SURNAMES
from .public_runs import PLACE_ENDINGS, capitalised, given_first, local_risk, personal, place_shaped, plain, span_of
from .words import in_dictionary, name_lexicon, place_names

SERVICE = frozenset({"helpline", "helplines", "hopeline", "charity", "charities", "textline", "webchat"})
"""What only a charity has after its name ("the Papyrus helpline")."""
MATERIAL = frozenset({"website", "leaflet", "leaflets", "booklet", "booklets", "factsheet", "factsheets", "forum",
                      "forums", "volunteer", "volunteers", "campaign", "appeal", "fundraiser", "fundraising",
                      "newsletter", "magazine", "advocate", "advocates", "befriender", "befrienders", "befriending",
                      "counsellor", "counsellors", "advisor", "adviser", "advisors", "advisers", "pack", "grant"})
"""What a charity has after its name, and so may a local place or business ("the Elmbury website")."""
CONTACT = frozenset({"rang", "ring", "ringing", "rung", "phoned", "phone", "phoning", "emailed", "email", "contacted",
                     "contact", "contacting", "texted", "referred", "signposted", "through", "via", "joined"})
"""Verbs of getting in touch before a charity ("rang Headway", "referred to Refuge" with "to" between)."""
HEADS = frozenset({"foundation", "society", "association", "alliance", "federation", "institute", "charity",
                   "network", "coalition", "collective", "board", "army", "brigade", "guild", "union", "league",
                   "bureau"})
"""Heads of charities' and public bodies' names ("the Hearing Dogs Association", "the Parole Board")."""
NAMED_NURSES = frozenset({"nurse", "nurses"})
"""After "a"/"the" and a name, a charity's nurse ("a Marie Curie nurse", "the Macmillan nurse"): a nurse is
called by her own name, not "the X nurse", so a charity named after its founder is kept here too."""
_RUN = 5


def _service_after(lows: list[str], e: int) -> bool:
    """ "X helpline", "X's helpline", "X (the charity)", "X, the charity", "X the charity", "X support line"."""
    k = e
    if k < len(lows) and lows[k] in {"'s", "'", "(", ","}:
        k += 1
    if k < len(lows) and lows[k] == "the":
        k += 1
    if k < len(lows) and lows[k] in SERVICE:
        return True
    return k + 1 < len(lows) and lows[k] in {"support", "advice", "crisis"} and lows[k + 1] in {"line", "lines"}


def _charity_nurse(lows: list[str], s: int, e: int) -> bool:
    """ "a Marie Curie nurse", "the Macmillan nurses", not "my nurse" nor "Nurse Jones"."""
    return (s > 0 and lows[s - 1] in {"a", "the"} and e < len(lows) and lows[e] in NAMED_NURSES
            and e - s <= 2)


def _helpline_after(lows: list[str], e: int) -> bool:
    """ "X helpline", "X hopeline": no family or place has one ("the Okonkwo charity" may be a family's)."""
    k = e + (e < len(lows) and lows[e] in {"'s", "'"})
    return k < len(lows) and lows[k] in {"helpline", "helplines", "hopeline", "textline"}


def _material_after(lows: list[str], e: int) -> bool:
    k = e + (e < len(lows) and lows[e] in {"'s", "'"})
    return k < len(lows) and lows[k] in MATERIAL


def _contacted(lows: list[str], s: int) -> bool:
    before = lows[s - 1] if s > 0 else ""
    if before in {"to", "up"} and s > 1:
        before = lows[s - 2]
    return before in CONTACT


def _called(lows: list[str], s: int) -> bool:
    """ "a charity called X", "the charity X"."""
    return (s >= 2 and lows[s - 1] in {"called", "named"} and lows[s - 2] in {"charity", "organisation"}) or (
        s >= 1 and lows[s - 1] == "charity" and s >= 2 and lows[s - 2] == "the")


def _head_word(low: str) -> bool:
    """A word of a charity's name before its head: a dictionary word, no UK place, none of the commonest
    surnames; a given name that is also a word counts only in a name of two words or more ("Brain")."""
    return low in {"and", "of", "for"} or (in_dictionary(low) and low not in place_names()
                                            and low not in COMMONEST_SURNAMES)


def charity_spans(doc: Doc, runs: list[tuple[int, int]], caseless: bool) -> list[tuple[int, int]]:
    """Character spans of the proposed ``runs`` (token runs) said as charities, and of charities' names by
    their heads anywhere in ``doc`` (see the module doc)."""
    lows = _lows(doc)
    names = name_lexicon("all")
    out = []
    for s, e in runs:
        if _charity_nurse(lows, s, e):
            out.append(span_of(doc, s, e))
            continue
        if given_first(lows, s) or personal(lows, s, e):
            continue
        words = plain(lows, s, e)
        if local_risk(doc, lows, s, e) and not _helpline_after(lows, e):
            continue  # "the Thornfield leaflet", "the Okonkwo charity": a place's or a family's
        if (_service_after(lows, e)
                or _called(lows, s)
                or (words and _material_after(lows, e))
                or (words and _contacted(lows, s) and not any(lows[k] in names for k in range(s, e)))):
            out.append(span_of(doc, s, e))
    for i in [k for k, low in enumerate(lows) if low in HEADS] if not HEADS.isdisjoint(lows) else ():
        if i == 0 or (not caseless and not capitalised(doc, i)):
            continue  # (most turns say no head: one set test passes them by)
        s = i
        while s > 0 and i - s < _RUN and (caseless or capitalised(doc, s - 1) or lows[s - 1] in {"and", "of", "for"}) \
                and _head_word(lows[s - 1]) and lows[s - 1] not in {"the", "a", "an"}:
            s -= 1
        while s < i and lows[s] in {"and", "of", "for"}:
            s += 1
        if s < i and not personal(lows, s, i) and (i - s >= 2 or plain(lows, s, i)):
            out.append(span_of(doc, s, i + 1))  # "the Brain Tumour Charity"; "the Grace Foundation" is hers
    return out


NAMED_HEADS = frozenset({"foundation", "trust", "fund", "charity", "society", "institute"})
"""Heads of a charity named after a person ("the Jo Cox Foundation", "the Stephen Lawrence Trust"). An
appeal is left out: a family's appeal for their child's treatment is named so too ("the Callum appeal")."""
IN_MEMORY = frozenset({"set", "setting", "started", "start", "starting", "founded", "founding", "memory", "memorial",
                       "lost", "late", "named", "tribute", "remember", "remembering", "remembrance", "honour",
                       "honor", "legacy", "passed", "died", "funeral", "grave", "family's", "our", "my", "we've"})
"""Words that make a charity named after a person a family's own ("we set up the Callum Brierley Foundation
after we lost him", "the Ellie Marsden Trust in her memory"): the name is the one a study must remove."""
_NAMED_LOCAL = frozenset({"nhs", "hospital", "hospitals", "healthcare", "school", "academy", "church", "housing",
                          "community", "parish", "village", "estate", "sports", "club"})
"""Words of a local body's name: a trust or fund with one of these is a place's."""


def named_after_spans(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """Character spans of charities named after a person by a charity's head: a given name, a surname and
    perhaps words a dictionary holds, then :data:`NAMED_HEADS`, after "the" ("the Jo Cox Foundation",
    "the Roy Castle Lung Cancer Foundation"). A charity named so is a public one unless a place is in its
    name ("the Ashcombe Foundation", "the Elmbury Trust": no given name, or a place), the sentence says it
    is a family's own (:data:`IN_MEMORY`) or a word of kinship or care is near; registered names always win."""
    lows = _lows(doc)
    firsts = name_lexicon("first")
    places = place_names()
    out = []
    for i, low in enumerate(lows):
        if low not in NAMED_HEADS or i < 3 or (not caseless and not capitalised(doc, i)):
            continue
        s = i
        while s > 0 and i - s < _RUN and lows[s - 1] not in {"the", "a", "an"} \
                and (caseless or capitalised(doc, s - 1)) and doc[s - 1].is_alpha:
            s -= 1
        if s == 0 or lows[s - 1] != "the" or i - s < 2 or lows[s] not in firsts:
            continue
        words = lows[s:i]
        surname = words[1]
        if (any(w in places or w in _NAMED_LOCAL or w in PRIVATE_WORDS for w in words)
                or (place_shaped(surname) and surname.endswith(PLACE_ENDINGS))
                or any(not in_dictionary(w) and w not in name_lexicon("all") for w in words[2:])):
            continue  # "the Kate Elmbury Trust", "the Joan Oakfield Hospital Fund": a place's or a local one
        lo, hi = max(0, s - 12), min(len(lows), i + 12)
        if any(lows[k] in IN_MEMORY for k in range(lo, hi)) or personal(lows, s, i):
            continue
        out.append(span_of(doc, s, i + 1))
    return out


BRANCH_LINKS = frozenset({"in", "at", "of", "for"})
"""Words between a body and the place of its local branch ("Mind in Elmbury", "Age UK Elmbury")."""


def branch_places(doc: Doc, public: list[tuple[int, int]], caseless: bool) -> list[tuple[int, int]]:
    """Character spans of the place of a local branch named after a public name: a word right after it (or
    after "in", "at", "of", "for") that no dictionary and no name list holds, capitalised in cased text
    ("Age UK Elmbury", "Mind in Thornfield", "Citizens Advice Kelderby"). No list holds an invented or
    small place, and kept beside the body it was kept by nothing; a town the lists hold is the place
    layers' already."""
    if not public:
        return []
    rows = doc.to_array([IDX, LENGTH]).tolist()  # no Token made for a word that is no public name's end
    ends = {idx + length: i for i, (idx, length) in enumerate(rows)}
    lows = _lows(doc)
    out = []
    for _, b in public:
        end = ends.get(b)
        if end is None:
            continue
        k = end + 1
        if k < len(doc) and lows[k] in BRANCH_LINKS:
            k += 1
        if k >= len(doc):
            continue
        tok = doc[k]
        if not tok.is_alpha or len(tok) < 4 or (not caseless and not tok.text[:1].isupper()):
            continue
        if place_shaped(lows[k]):
            out.append((tok.idx, tok.idx + len(tok)))
    return out + branch_before(doc, public, caseless)
