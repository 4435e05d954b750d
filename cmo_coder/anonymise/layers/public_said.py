"""Public people said as such: "the famous X", what they wrote, the talks they gave, the law named after them,
the national body they chair.

The frames of :mod:`.public_fame` read a trade, a published work or being on air. People also speak of a
public figure by what the public knows them for, in frames private life seldom uses:

* "the famous X" ("the famous Bernard Quillfeather was at the hospice do"), unless a word of the street or the
  neighbourhood says where the speaker knows them from ("the famous Shaun Whitworth from down our street");
* "X wrote a book" ("X has written a book about dementia", "X writes books on grief");
* "X gave a talk at the conference" (a talk, a lecture, a keynote or a speech at a conference, summit,
  congress or festival; "gave a talk at the school" is anybody's);
* "X's law" (a law called after a person: "they call it Saskia Verhoef's law now");
* "X, the chair of the royal college" (the chair of a body with a national mark: "royal", "national",
  "British", "NHS", a nation, "inquiry", "commission"; the chair of the residents' group is local).

Each frame is one of fame's (:func:`.public_fame.fame_frame`), so the rules every such frame keeps hold here
too: only a full name is kept, never a given name alone; a title or a word of kinship or friendship beside the
name undoes it ("my brother Darren Oakshott wrote a book"); a private mention of a word of the name elsewhere
in the transcript gives it back to the layers (``allowlist.claimed_people``); registered names always win; a
full name kept so is on the review's residual list with its reason. A name on no list and in no frame stays
proposed.

Source of the word sets below: written for the project.
"""

from __future__ import annotations

FAMOUS = frozenset({"famous", "well-known", "legendary", "celebrated", "renowned"})
"""Words before a full name after "the" that say the public knows the person ("the famous X")."""
KNOWN_LOCALLY = frozenset({"street", "road", "estate", "close", "avenue", "neighbour", "neighbours", "village",
                           "pub", "school", "club", "church", "ward", "work", "our", "my", "next", "door", "corner",
                           "round", "local"})
"""Words after "the famous X from" that say the speaker knows X from round here ("from down our street")."""
WROTE = frozenset({"wrote", "written", "writes", "write", "writing", "published", "publishes"})
BOOKS = frozenset({"book", "books", "memoir", "memoirs", "autobiography", "novel", "novels", "bestseller"})
GAVE = frozenset({"gave", "give", "gives", "giving", "did", "delivered"})
TALKS = frozenset({"talk", "talks", "lecture", "lectures", "keynote", "speech", "speeches", "address", "paper"})
GATHERINGS = frozenset({"conference", "conferences", "summit", "congress", "festival", "symposium", "convention",
                        "parliament", "fringe", "ted"})
"""Where a public person gives a talk; a school, a club or a church hall is anybody's."""
LAWS = frozenset({"law", "laws"})
CHAIRS = frozenset({"chair", "chairman", "chairwoman", "chairperson", "president", "patron"})
NATIONAL = frozenset({"royal", "national", "british", "nhs", "uk", "england", "scotland", "wales", "cymru",
                      "inquiry", "enquiry", "commission", "government", "parliamentary", "select", "bma"})
"""Words of a body whose chair is a public person (the chair of "the royal college", "the BMA")."""
LOCAL_BODY = frozenset({"residents", "tenants", "allotment", "parish", "governors", "school", "pta", "club",
                        "committee", "group", "local", "village", "street", "estate", "church", "friends", "branch"})
"""Words that make the body someone chairs a local one, whatever else is in its name."""
_STOPS = frozenset({".", "?", "!", ";"})


def _low(lows: list[str], i: int) -> str:
    return lows[i] if 0 <= i < len(lows) else ""


def _the_famous(lows: list[str], start: int) -> bool:
    """ "the famous X", "that well-known X" (``start``: the name's first token)."""
    return _low(lows, start - 1) in FAMOUS and _low(lows, start - 2) in {"the", "that", "this"}


def _known_locally(lows: list[str], end: int) -> bool:
    """ "from down our street", "from the estate", "from round the corner" within five words after the name."""
    if _low(lows, end) != "from":
        return False
    return any(_low(lows, k) in KNOWN_LOCALLY for k in range(end + 1, end + 6))


def _wrote_a_book(lows: list[str], end: int) -> bool:
    """ "X wrote a book", "X has written a book about", "X writes books on grief"."""
    k = end
    while _low(lows, k) in {"has", "had", "'s", "'d", "also", "even", "just", "once", "then"}:
        k += 1
    if _low(lows, k) not in WROTE:
        return False
    k += 1
    while _low(lows, k) in {"a", "an", "the", "his", "her", "their", "two", "three", "some", "new", "whole"}:
        k += 1
    return _low(lows, k) in BOOKS


def _gave_a_talk(lows: list[str], end: int) -> bool:
    """ "X gave a talk at the conference", "X did the keynote at the dementia summit"."""
    k = end
    while _low(lows, k) in {"has", "had", "'s", "'d", "once", "then", "also"}:
        k += 1
    if _low(lows, k) not in GAVE:
        return False
    k += 1
    while _low(lows, k) in {"a", "an", "the", "this", "that", "big", "great", "brilliant", "lovely", "main"}:
        k += 1
    if _low(lows, k) not in TALKS:
        return False
    for j in range(k + 1, k + 8):
        if _low(lows, j) in _STOPS or not _low(lows, j):
            return False
        if _low(lows, j) in GATHERINGS:
            return True
    return False


def _named_law(lows: list[str], end: int) -> bool:
    """ "X's law" (``end``: the possessive's token)."""
    return _low(lows, end) in {"'s", "'"} and _low(lows, end + 1) in LAWS


def _chairs_a_national_body(lows: list[str], start: int, end: int) -> bool:
    """ "X, the chair of the royal college", "the chair of the BMA X", "X who chairs the national inquiry"."""
    k = end + (_low(lows, end) == ",")
    after = _low(lows, k) == "the" and _low(lows, k + 1) in CHAIRS and _low(lows, k + 2) == "of"
    if after:
        body = k + 3
    elif _low(lows, k) in {"chairs", "chaired"} or (_low(lows, k) == "who" and _low(lows, k + 1) in {"chairs",
                                                                                                     "chaired"}):
        body = k + 1 + (_low(lows, k) == "who")
    else:
        j = start - 1 - (_low(lows, start - 1) == ",")
        words: list[str] = []
        while j >= 0 and len(words) < 6 and _low(lows, j) not in _STOPS and _low(lows, j) not in CHAIRS:
            words.append(_low(lows, j))
            j -= 1
        if not (_low(lows, j) in CHAIRS and _low(lows, j + 1) == "of" and _low(lows, j - 1) == "the"):
            return False
        found = set(words)
        return bool(found & NATIONAL) and not found & LOCAL_BODY
    words = []
    for j in range(body, body + 6):
        low = _low(lows, j)
        if not low or low in _STOPS or low == ",":
            break
        words.append(low)
    found = set(words)
    return bool(found & NATIONAL) and not found & LOCAL_BODY


def said_as_public(lows: list[str], start: int, end: int) -> bool:
    """The full name at tokens ``start``..``end`` is said as a public person's by one of this module's frames
    (the caller has checked that it is a full name and that no title stands before it)."""
    if _the_famous(lows, start):
        return not _known_locally(lows, end)
    return (_wrote_a_book(lows, end) or _gave_a_talk(lows, end) or _named_law(lows, end)
            or _chairs_a_national_body(lows, start, end))
