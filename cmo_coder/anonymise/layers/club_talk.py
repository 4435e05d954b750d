"""Members' clubs said by their kind alone, and pubs named by a sign, as the subject or object of what people say
of them: "the legion does a lunch on a thursday", "he was on the committee of the welfare", "we joined the labour
club", "the feathers was heaving on friday night", "they've done the mitre up but the beer's dear".

A town or a village has one Legion, one Welfare, one Comrades, one Labour club, so the kind names the place as
a pub's sign does; :func:`.pubs.kind_clubs` takes them after a word of place ("down the legion"). People as often
make them the subject of what the club does, or the object of joining and sitting on its committee, with no
preposition of place at all, and captions add no capital:

* a members' club's kind after "the" (:data:`CLUB_KINDS`) followed by a verb it is the subject of, or after
  "joined", "member of", "committee of" and the like; a kind that is also a common noun ("welfare", "social")
  only with club talk in the same turn (bingo, a raffle, the committee, a do); "the british legion" is the
  charity, and no word before "the" is read;
* a pub's sign after "the" (a listed emblem, beast, trade or sign: :data:`.pubs.PUB_EMBLEMS` and the rest) with
  pub talk anywhere in the same turn (:data:`PUB_TALK`: a pint, the beer, heaving, live music, our local),
  where the name's phrase ends (a verb, a pause, a preposition); a plural trade ("the miners") only with a
  singular verb after it ("the miners was packed"), as its people are plural; signs said of other things as
  often as of a pub ("the bridge", "the castle", :data:`.pubs._NOT_ALONE`) are left.

Everything here is a local place's name, typed "club" or "pub"; the allow-list keeps what is public.
"""

from __future__ import annotations

import re

from ..turn_text import turn_text
from .cue_scan import cued_search, register_cues
from .naming import norm_word, public_words
from .pub_talk import _trade_word
from .pubs import _BEASTS, _NOT_ALONE, _SIGN_ANIMALS, _TAIL_STOP, _TRADES, PUB_BRANDS, PUB_EMBLEMS, _phrase_ends

_WORD = r"[^\W\d_][\w'’]*"
CLUB_KINDS: dict[str, bool] = {
    "legion": False, "comrades": False, "buffs": False, "oddfellows": False, "cons club": False,
    "con club": False, "conservative club": False, "labour club": False, "liberal club": False,
    "sports and social": False, "welfare": True, "miners welfare": False,
    "miners' welfare": False, "social": True, "social club": False, "harriers": True, "anglers": True,
    "stute": False, "institute": True,
}
"""Kinds of members' club a place has one of (written for the project); True: also a common noun or its
people ("the welfare of the children", "the anglers on the canal"), a club only with club talk in the turn.
"The working men's club" is a kind every town has many of: it is a place only where someone goes
(:func:`.pubs.kind_clubs`), and "the working men's club closed down" stays."""
_KIND_RE = re.compile(r"(?i)(?<![\w'’-])(?P<before>(?:" + _WORD + r"\s+){0,3})the\s+(?P<kind>"
                      + "|".join(k.replace(" ", r"\s+").replace("'", "['’]?") for k in sorted(CLUB_KINDS, key=len,
                                                                                              reverse=True))
                      + r")(?P<poss>['’]s)?(?![\w'’-])")
_JOINING = re.compile(r"(?i)(?:joined|join|joining|joins|member|members|membership|committee|chairman|chair|"
                      r"secretary|treasurer|steward|president|captain|stalwart|regular|regulars)\s+(?:of|at|for|in|"
                      r"with|on)?\s*$")
_JOIN_VERB = re.compile(r"(?i)(?:joined|join|joining|joins)\s+$")
_SUBJECT_AFTER = frozenset({
    "does", "did", "do", "had", "has", "have", "put", "puts", "run", "runs", "ran", "meet", "meets", "met", "were",
    "was", "is", "are", "sent", "send", "sends", "organised", "organises", "organized", "hold", "holds", "held",
    "used", "still", "always", "never", "paid", "pays", "gave", "gives", "raised", "raises", "laid", "lay",
    "closed", "shut", "opened", "won", "lost", "play", "plays", "played", "train", "trains", "trained", "came",
    "helped", "helps", "looked", "look", "looks", "got", "gets", "'ll", "will", "would", "could", "can", "went",
})
"""Verbs a club is the subject of ("the legion does a lunch", "the buffs meet upstairs")."""
_POSSESSED = frozenset({"bingo", "raffle", "committee", "bar", "do", "dinner", "lunch", "party", "quiz", "darts",
                        "team", "trip", "outing", "concert", "dance", "disco", "tombola", "members", "steward",
                        "secretary", "president", "chairman", "treasurer", "function", "room", "hall", "christmas",
                        "annual", "snooker", "dominoes", "pool", "fundraiser", "turn", "turns", "league"})
"""What a club has ("the welfare's bingo", "the legion's christmas do")."""
CLUB_TALK = re.compile(r"(?i)(?<![\w'’-])(?:bingo|raffle|tombola|committee|members?|membership|a\s+do|the\s+do|"
                       r"christmas\s+do|dinner|lunch|party|parties|quiz|darts|dominoes|snooker|pool|concert|"
                       r"turn\s+on|function\s+room|the\s+bar|a\s+pint|pints|club|trip|outing|dance|disco|fundraiser|"
                       r"league|training|trains|meet|meets|race|races|run|runs|fishing|match|competition)(?![\w'’-])")
"""Words of what goes on at a members' club, in the same turn as a kind that is also a common noun."""
PUB_TALK = re.compile(r"(?i)(?<![\w'’-])(?:pints?|beer|beers|ale|ales|lager|bitter|cider|a\s+drink|drinks|drinking|"
                      r"drank|pissed|boozer|landlord|landlady|barman|barmaid|the\s+bar|quiz|darts|karaoke|jukebox|"
                      r"pool\s+table|live\s+music|a\s+band|heaving|packed|rammed|closing\s+time|last\s+orders|"
                      r"lock-?in|beer\s+garden|carvery|sunday\s+dinner|sunday\s+lunch|pub\s+grub|our\s+local|"
                      r"my\s+local|his\s+local|her\s+local|their\s+local|the\s+local|a\s+round|skittles|"
                      r"dominoes|regulars)(?:['’]s)?(?![\w'’-])")
"""Pub talk in the turn: drinking, the bar, what a pub puts on, how full it was (written for the project)."""
_PUB_TALK_CUES = register_cues("club_talk.pub_talk", {
    "pint", "pints", "beer", "beers", "ale", "ales", "lager", "bitter", "cider", "a", "drinks", "drinking", "drank",
    "pissed", "boozer", "landlord", "landlady", "barman", "barmaid", "the", "quiz", "darts", "karaoke", "jukebox",
    "pool", "live", "heaving", "packed", "rammed", "closing", "last", "lock", "lockin", "carvery", "sunday", "pub",
    "our", "my", "his", "her", "their", "skittles", "dominoes", "regulars"})
"""The first word of each way of :data:`PUB_TALK` ("lock-in" and "lockin" both; :mod:`.cue_scan`)."""
_SIGN_WORDS = (PUB_EMBLEMS | _BEASTS | _SIGN_ANIMALS | frozenset(_TRADES)) - _NOT_ALONE - {
    "new", "old", "royal", "white", "black", "red", "golden", "market", "station", "kings", "queens", "lord",
    "lords", "prince", "princes", "bishop", "bishops", "duke", "dukes", "earl", "earls", "boy", "post", "gate",
    "tree", "cross", "rock", "heart", "ball", "bat", "hat", "pan", "pot", "cup", "cups", "key", "keys", "wheel",
    "cart", "pipe", "pipes", "flag", "gun", "bow", "arrow", "shield", "sword", "kid", "seal", "mole", "crow",
    "robin", "wren", "volunteers", "volunteer", "engineers", "painters", "smiths", "hunters", "mill", "tower",
    "drum", "horn", "kettle", "teapot", "hammer", "spade", "axe", "wagon", "coach", "boot", "slipper", "rose",
    "holly", "ivy", "oak", "acorn", "thistle", "sun", "moon", "star", "feather", "dog", "dogs", "cat", "horse",
    "horses", "pig", "cow", "calf", "sheep", "goat", "lamb", "hen", "hens", "duck", "ducks", "rabbit", "pony",
}
"""One-word signs said after "the" of a pub; beasts and things a turn about drink also speaks of as themselves
("the dog", "the horse", "the tree"), trades' people and words of office are left out."""
_PLURAL_PEOPLE = frozenset(w for w in _TRADES if w.endswith("s") and not w.endswith("'s")) | {"cricketers"}
_SINGULAR_AFTER = frozenset({"was", "is", "has", "does", "'s", "’s", "used", "shut", "closed", "opened", "got"})
_SIGN_RE = re.compile(r"(?i)(?<![\w'’-])the\s+(?:(?P<adj>jolly|old|little|flying|laughing|merry|golden|noble)\s+)?"
                      r"(?P<sign>" + _WORD + r")")


_TRADE_DOES = frozenset({"shut", "closed", "opened", "does", "sells", "serves", "served"})
"""What a pub named after a trade does ("the ferryman shut", "the woodman does food"), not what its man does."""


def _next_word(text: str, end: int) -> str:
    nxt = re.match(r"\s*([\w'’]+)", text[end : end + 30])
    return norm_word(nxt.group(1)) if nxt else ""


_KIND_FIRSTS = tuple(dict.fromkeys(kind.split()[0] for kind in CLUB_KINDS))
"""The first word of every club kind, once: a turn that holds none of them as text holds no kind."""


def club_kind_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Members' clubs said by their kind, as the subject or the object of what is said of them (module doc)."""
    low_text = turn_text(text).low
    if not any(first in low_text for first in _KIND_FIRSTS):
        return []
    talk = CLUB_TALK.search(text) is not None
    out = []
    for m in _KIND_RE.finditer(text):
        kind = " ".join(norm_word(m.group("kind")).split())
        needs_talk = CLUB_KINDS.get(kind, CLUB_KINDS.get(kind.replace("'", ""), False))
        before = m.group("before")
        if re.search(r"(?i)(?:british|royal|the)\s+$", before):
            continue  # "the royal british legion", a charity everyone knows
        s, e = m.span("kind")
        nxt = _next_word(text, m.end())
        if m.group("poss"):
            ok = nxt in _POSSESSED
        elif _JOINING.search(before):
            ok = bool(_JOIN_VERB.search(before)) or _phrase_ends(text, e) or nxt in _SUBJECT_AFTER
        else:
            ok = nxt in _SUBJECT_AFTER and not re.search(r"(?i)(?:of|for|on|about|to)\s+$", before)
        if not caseless and not text[s:s + 1].isupper():
            continue  # cased text writes a club's name with its capital ("the Legion")
        if not ok or (needs_talk and not talk) or kind in public_words():
            continue
        out.append((s, e))
    return out


def sign_talk_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Pubs named by a sign in a turn of pub talk, where the name's phrase ends (module doc)."""
    if cued_search(PUB_TALK, text, _PUB_TALK_CUES) is None or "the" not in text.lower():
        return []
    out = []
    for m in _SIGN_RE.finditer(text):
        sign = norm_word(m.group("sign"))
        nxt_word = _next_word(text, m.end("sign"))
        trade = _trade_word(sign) and nxt_word in _TRADE_DOES  # "the ferryman shut", not "the postman had one"
        if sign not in _SIGN_WORDS and not trade and not (m.group("adj") and sign.endswith(("man", "er", "ers"))):
            continue
        s, e = (m.start("adj") if m.group("adj") else m.start("sign")), m.end("sign")
        if not caseless and not all(w[:1].isupper() for w in text[s:e].split()):
            continue  # cased text writes a pub's sign with its capitals ("the Feathers")
        nxt = _next_word(text, e)
        if sign in _PLURAL_PEOPLE and nxt not in _SINGULAR_AFTER:
            continue  # "the miners were on strike": its people; "the miners was packed": the pub
        if nxt and nxt not in _TAIL_STOP and nxt not in _SINGULAR_AFTER and nxt not in {"up", "do", "does"} \
                and not re.match(r"\s*[.,;:!?]", text[e : e + 2]):
            continue  # "the bell tower", "the swan pedalos": the phrase goes on
        if " ".join(text[s:e].lower().split()) in PUB_BRANDS:
            continue
        out.append((s, e))
    return out


_TOPO = frozenset({"park", "heath", "moor", "green", "marsh", "hill", "bank", "brook", "wood", "woods", "field",
                   "fields", "lane", "vale", "dale", "mill", "bridge", "grange", "manor", "priory", "abbey", "lodge",
                   "moss", "fold", "common", "meadow", "meadows", "valley", "cross", "end", "top", "bottom", "hollow",
                   "ridge", "rise", "brow", "edge", "forest", "grove", "glen", "burn", "beck", "carr", "holme",
                   "mount", "nook", "croft", "close", "square", "gate", "hall", "castle", "quay", "dock", "harbour",
                   "shore", "cliff", "sands", "links", "warren", "orchard", "chase"})
"""Words of the land a club takes its name from ("the Heath club", "Moor social"), written for the project."""
_TOPO_CLUB = re.compile(r"(?i)(?<![\w'’-])(?P<lead>the|at|to|from|in|down|up|round)\s+(?P<name>(?P<word>" + _WORD
                        + r")\s+(?:social|sports|club|institute|bowls|cricket|golf|tennis)(?:\s+club)?)(?![\w'’-])")
_PUB_ROLE = re.compile(r"(?i)(?<![\w'’-])the\s+(?P<name>(?:" + _WORD + r"\s+)?(?P<last>" + _WORD
                       + r"))\s+(?:landlord|landlady|landlords|barmaid|barman|bar\s+staff|regulars|quiz\s+night|"
                       r"beer\s+garden|darts\s+team|pool\s+team|dominoes\s+team|skittles\s+team|carvery)(?![\w'’-])")
_NOT_PUB_NAME = frozenset({"young", "old", "new", "nice", "lovely", "friendly", "miserable", "grumpy", "current",
                           "previous", "last", "first", "local", "usual", "regular", "same", "other", "whole", "pub",
                           "club", "bar", "hotel", "village", "town", "inn", "sunday", "friday", "saturday",
                           "monday", "tuesday", "wednesday", "thursday", "weekly", "monthly", "annual", "charity",
                           "christmas", "big", "little", "best", "worst", "good", "bad", "great", "real", "proper",
                           "former", "late", "own", "our", "their", "his", "her", "my", "your", "its", "an", "a",
                           "the", "this", "that", "pub's", "club's", "cheap", "dear", "busy", "quiet", "outdoor",
                           "indoor", "huge", "tiny", "small", "large", "rough", "posh", "polish", "irish",
                           "english", "scottish", "welsh"})
"""Words before "landlord", "barmaid" or "quiz night" that say which kind, not which pub ("the new landlord",
"the sunday carvery")."""


def topo_club_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """A club named after a word of the land and said with its kind ("up the heath club", "at moor social"):
    the land's word and the kind, which together name one club; cased text asks the land word's capital."""
    low_text = turn_text(text).low
    if not any(k in low_text for k in ("social", "sports", "club", "institute", "bowls", "cricket", "golf", "tennis")):
        return []
    out = []
    for m in _TOPO_CLUB.finditer(text):
        word = m.group("word")
        if norm_word(word) not in _TOPO or (not caseless and not word[:1].isupper()):
            continue
        s, e = m.span("name")
        if " ".join(low_text[s:e].split()) in public_words() or not _phrase_ends(text, e):
            continue
        out.append((s, e))
    return out


def pub_role_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """A pub named right before what only a pub has ("the old forge landlord", "the quarryman quiz night"): the
    one or two words between "the" and the pub's landlord, barmaid, regulars or quiz night name the pub."""
    out = []
    for m in _PUB_ROLE.finditer(text):
        words = m.group("name").split()
        lows = [norm_word(w) for w in words]
        if lows[-1] in _NOT_PUB_NAME or lows[-1] in PUB_BRANDS or len(lows[-1]) < 3:
            continue
        if len(words) == 2 and (lows[0] in _NOT_PUB_NAME - {"old", "new", "little", "big"} or len(lows[0]) < 2):
            words, lows = words[1:], lows[1:]  # "the lovely quarryman barmaid": the kind word is no name
        if not caseless and not all(w[:1].isupper() for w in words):
            continue
        s = m.end("name") - len(" ".join(words)) if len(words) == 1 else m.start("name")
        if " ".join(lows) in public_words() or " ".join(lows) in PUB_BRANDS:
            continue
        out.append((s, m.end("name")))
    return out
