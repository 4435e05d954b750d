"""Famous people no list holds, known by being in the media, and the reports local people write.

A participant tells of the people the country watches and reads about: "I saw Ruby Wax on the telly
talking about her depression", "that Adrian Chiles off the radio", "Rachel Clarke wrote in the papers",
"Hilary Cass's review". No list keeps up with them, but the frames do:

* on air or in print beside the name: "X was on the telly", "saw X on the radio", "X wrote in the papers",
  "read about X in the papers", "X on the news said";
* "off" the media before or after it: "that X off the telly", "X off the news";
* the name's own published review: "X's review", "X's report", "X's inquiry".

Private people are in the media too ("my cousin Darren was on the telly after the flood") and write
reviews ("Kelly Morton's review of my care plan"), and a leaked name costs more than a public one removed.
So these frames hold only a full name (a given name and a surname: never a given name or a surname
alone) with no title (a doctor on the news may be the local GP), and never where the sentence says the person is
someone the speaker knows ("she's my sister's girl", "my brother"), that they were in the news for
something that happened to them (a fire, a crash, a court case, the crowd at a match), or that the work
is a local one (:func:`local_work`: "the Gilmartin review the practice did", "X's report for the school").
Registered names always win, and a name claimed elsewhere in the transcript by a private mention is given
back to the other layers (``AllowListComponent.echo``).
"""

from __future__ import annotations

from .public_figures import PRIVATE_WORDS
from .public_world import near_before

MEDIA = frozenset({"telly", "tv", "television", "radio", "news", "papers", "paper", "newspaper", "newspapers",
                   "press", "box", "iplayer", "bbc", "itv", "youtube", "podcast", "headlines"})
"""Where the country sees, hears and reads about its public people."""
_MEDIA_LINKS = frozenset({"on", "in", "off"})
"""Words before :data:`MEDIA` (with "the" between or not): "on the telly", "in the papers", "off the news"."""
_CLAUSE_ENDS = frozenset({".", "?", "!", ";", "but", "because", "cos", "so", "when", "while", "although"})
_NEAR = 7
"""Words after the name within which its media may stand ("Roman Kemp did a thing on the telly")."""
_BEFORE_READ = frozenset({"about", "saw", "seen", "see", "watched", "watching", "heard", "hear", "like", "that",
                          "this", "with", "had", "love", "loves", "follow", "follows", "followed"})
"""Words right before a name whose media come after it ("read about X in the papers", "saw X on the
telly"): anything else between a subject and the name makes the media someone else's."""
EVENTS = frozenset({"fire", "crash", "accident", "flood", "flooding", "floods", "stabbing", "stabbed", "attack",
                    "attacked", "murder", "murdered", "killed", "missing", "court", "trial", "jailed", "arrested",
                    "sentenced", "inquest", "crowd", "audience", "filmed", "filming", "fundraising", "fundraiser",
                    "raffle", "together", "local", "appeal", "rescued", "robbery", "burglary", "explosion",
                    "collapse"})
"""What puts a private person in the news ("Tracey was on the news after the fire", "in the crowd at the
match", "we were at school together"): with one of these in the sentence the media frame does not hold."""
OWN_MARKS = frozenset({"my", "our", "me", "mine"})
KIN = PRIVATE_WORDS - {"my", "our", "your", "his", "her", "their"}
"""Words of kinship, friendship or care (no pronoun: "talking about her husband" is the public person's)."""
"""With a word of kinship or care after them anywhere in the sentence ("she's my sister's girl", "he's my
consultant") the person is the speaker's own."""
REVIEW_WORKS = frozenset({"review", "reviews", "report", "inquiry", "enquiry", "recommendations", "stocktake",
                          "findings"})
"""A full name's own published work after its possessive ("Hilary Cass's review")."""
LOCAL_AUTHORING = frozenset({"wrote", "written", "write", "writes", "did", "done", "do", "does", "made", "make",
                             "typed", "drafted", "sent", "filled", "put", "gave", "give"})
"""Verbs after a work that make it a local one somebody here wrote ("the Hendry report we wrote")."""
LOCAL_FROM = frozenset({"care", "nursing", "home", "gp", "doctor", "doctors", "school", "hospital", "clinic", "ward",
                        "council", "social", "surgery", "practice", "hospice", "unit", "team", "college", "nursery",
                        "hostel", "day", "centre", "police", "job", "jobcentre", "work", "psychiatrist", "consultant"})
"""Words after "from (the)" that make a report or a review a local one sent to the speaker ("X's report from
the care home", "X's review from the GP"); written for the project."""
LOCAL_FOR = frozenset({"trust", "school", "board", "panel", "team", "ward", "unit", "practice", "council", "service",
                       "manager", "court", "governors", "hospital", "clinic", "department", "committee", "tribunal",
                       "surgery", "home", "hostel", "college", "nursery", "family", "social", "housing", "meeting",
                       "care", "plan", "case", "file", "assessment", "referral", "appeal", "hearing", "benefits",
                       "pip", "dla", "esa", "job", "work", "boss", "landlord", "mum", "dad", "son", "daughter"})
"""What a local work is for after "for"/"for the" ("X's report for the school"); a national review is of a
trust or on housing ("the Ockenden review of the trust's maternity services"), so only "for" counts."""


def _low(lows: list[str], i: int) -> str:
    return lows[i] if 0 <= i < len(lows) else ""


def _sentence(lows: list[str], start: int, end: int, reach: int = 14) -> list[str]:
    """The words of the sentence around tokens ``start``..``end`` (within ``reach`` words each side)."""
    lo = start
    while lo > 0 and start - lo < reach and lows[lo - 1] not in {".", "?", "!"}:
        lo -= 1
    hi = end
    while hi < len(lows) and hi - end < reach and lows[hi - 1] not in {".", "?", "!"}:
        hi += 1
    return [lows[k] for k in range(lo, hi) if not start <= k < end]


_IS = frozenset({"'s", "is", "was", "were", "are", "'re", "be", "been", "being"})


_PLACED = frozenset({"from", "at", "on", "down", "near", "round"})
"""Prepositions that place a person in the speaker's own world after their name: "X the singer from our church
choir", "X the footballer, lives on our street"."""


def _ours_after(lows: list[str], end: int) -> bool:
    """ "from our …", "on my …" after the name, in its sentence, and not a medium ("on my radio", "in our
    papers"): the person belongs to the speaker's place, so a trade or a work said with them is theirs locally."""
    for k in range(end, min(len(lows), end + 12)):
        if lows[k] in {".", "?", "!"}:
            return False
        if lows[k] in _PLACED and _low(lows, k + 1) in {"our", "my"} and _low(lows, k + 2) not in MEDIA \
                and _low(lows, k + 2) not in {"phone", "playlist", "spotify", "ipad", "laptop", "screen", "wall"}:
            return True
    return False


def known_to_speaker(lows: list[str], start: int, end: int) -> bool:
    """The sentence says the person is someone the speaker knows or was in the news for what happened to
    them: a word of kinship or care after "is my"/"was our" ("he's my consultant", "she's my sister's girl";
    "watching X on the telly with my nan" is the nan's company), a
    word of kinship or friendship within three words of the name ("my mate X", "X, our neighbour"; before it, not
    the subject of a verb of liking or hearing: "my daughter plays X songs"), or an
    event of private life (:data:`EVENTS`)."""
    words = _sentence(lows, start, end)
    for k, w in enumerate(words):
        if w in OWN_MARKS and k and words[k - 1] in _IS and any(x in KIN for x in words[k + 1 : k + 4]):
            return True
        if w in EVENTS:
            return True
    if _ours_after(lows, end):
        return True
    near = [_low(lows, k) for k in range(near_before(lows, start), min(len(lows), end + 3)) if not start <= k < end]
    return _low(lows, start - 1) in OWN_MARKS | {"your"} or any(w in KIN for w in near)


def _media_after(lows: list[str], end: int) -> bool:
    """ "on the telly", "in the papers", "off the news" within a few words after the name, in its clause."""
    for k in range(end, min(len(lows), end + _NEAR)):
        low = lows[k]
        if low in _CLAUSE_ENDS:
            return False
        if low in MEDIA and (_low(lows, k - 1) in _MEDIA_LINKS
                             or (_low(lows, k - 1) in {"the", "morning", "local", "national"}
                                 and _low(lows, k - 2) in _MEDIA_LINKS | {"the"})):
            return _low(lows, k - 1) != "local" and _low(lows, k - 2) != "local"  # "the local news": anyone's
    return False


def media_frame(lows: list[str], start: int, end: int) -> bool:
    """The full name at tokens ``start``..``end`` (titles before it excluded) is said as a person in the
    media: their media right after the name when the name starts its clause or follows a word of seeing,
    hearing or reading ("Ruby Wax was on the radio", "saw Ruby Wax on the telly"), or "off the telly"
    right after it ("that Frankie Bridge off the telly")."""
    if known_to_speaker(lows, start, end):
        return False
    before = _low(lows, start - 1)
    if _low(lows, end) == "off" or (_low(lows, end) == "," and _low(lows, end + 1) == "off"):
        k = end + 1 + (_low(lows, end) == ",")
        k += _low(lows, k) == "the"
        k += _low(lows, k) in {"morning", "breakfast", "evening"}
        return _low(lows, k) in MEDIA
    starts_clause = before in {"", ".", "?", "!", ",", "and", "then", "like", "yeah", "well", "so", "oh", "um",
                               "erm", "because", "cos", "but", "when", "that", "this", "how"}
    return ((starts_clause or before in _BEFORE_READ) and _media_after(lows, end)) or _media_before(lows, start, end)


SPEAKS = frozenset({"said", "says", "saying", "talking", "talked", "explaining", "explained", "announced",
                    "announcing", "warned", "warning", "telling", "told", "reckons", "reckoned", "admitted",
                    "claimed", "claiming", "promised", "promising", "insisted", "insisting", "apologised"})
"""What a person does on air after "on the news" before their name: speaks to the country."""
_BRIDGE = frozenset({",", "there", "was", "were", "they", "had", "it", "'s", "is", "this", "that", "and"})
"""Words between the media and the name ("on the news, there was Kath Ledger saying")."""


def _media_before(lows: list[str], start: int, end: int) -> bool:
    """ "on the news X said", "on the telly last night, X was saying" (``start``..``end``: the full name):
    the media opens the clause and the name speaks in it. A local person speaks on the news too (after a
    fire, at a trial): :func:`known_to_speaker`'s events and kin undo it, as they do every media frame, and
    "the local news" is anyone's."""
    k = start - 1
    for _ in range(3):
        if _low(lows, k) not in _BRIDGE:
            break
        k -= 1
    if _low(lows, k) in {"night", "morning", "week"} and _low(lows, k - 1) in {"last", "this"}:
        k -= 2  # "on the news last night X said"
    elif _low(lows, k) in {"yesterday", "tonight"}:
        k -= 1
    if _low(lows, k) not in MEDIA:
        return False
    prev = _low(lows, k - 1)
    if prev == "local" or _low(lows, k - 2) == "local":
        return False
    if not (prev in _MEDIA_LINKS or (prev in {"the", "morning", "national"} and _low(lows, k - 2) in _MEDIA_LINKS)):
        return False
    after = _low(lows, end)
    if after in {"was", "is", "were", "'s", "kept", "keeps"}:
        after = _low(lows, end + 1)
    return after in SPEAKS


def own_review(lows: list[str], end: int) -> bool:
    """ "X's review", "X's report" (``end``: the possessive's token) said as a published work, not a local
    one (see :func:`local_work`)."""
    if _low(lows, end) not in {"'s", "'"}:
        return False
    k = end + 1
    k += _low(lows, k) in {"new", "latest", "last", "first", "big", "famous", "independent", "national"}
    return _low(lows, k) in REVIEW_WORKS and not local_work(lows, k + 1)


def local_work(lows: list[str], after: int) -> bool:
    """The words after a work (from token ``after``, in its clause) make it a local one: somebody here wrote
    or did it ("the Hendry report we wrote", "the Gilmartin review the practice did", "the report the social
    worker wrote"), it is for a local body ("for the trust", "for the school") or of a person's own case
    ("of my care plan", "about our son")."""
    k = after
    for _ in range(6):
        low = _low(lows, k)
        if low in {"", ".", "?", "!", ";", ",", "and", "but", "then", "or"}:
            return False
        if low in LOCAL_AUTHORING:
            return True
        if low in {"for", "of", "about"} and _low(lows, k + 1) in OWN_MARKS | {"his", "her", "their", "your"}:
            return True  # "of my care plan", "about our son"
        if low == "from" and (_low(lows, k + 1) in LOCAL_FROM
                              or (_low(lows, k + 1) == "the" and _low(lows, k + 2) in LOCAL_FROM)):
            return True  # "X's report from the care home": a report somebody local sent
        if low == "for" and (_low(lows, k + 1) in LOCAL_FOR
                             or (_low(lows, k + 1) == "the" and _low(lows, k + 2) in LOCAL_FOR)):
            return True  # "for the school", "for court"
        k += 1
    return False
