"""Famous people no list holds, known by how fame is spoken of: their trade, their work, being watched, a
royal title.

Lists of public people always lag: the presenter of this year's programme, the singer a participant's
daughter plays all day. Talk about them has frames private life seldom uses:

* their trade said with "the": "Jermaine Defoe the footballer", "the comedian Russell Howard", "Paddy
  McGuinness the presenter" (a plumber or a nurse is no trade of fame: "Dave the plumber" is a neighbour);
* their published work after a possessive: "Matt Haig's book", "Louis Theroux's documentary", "Dua
  Lipa's new song" (a book club, a photo album or a show at school are anybody's: the name must be a
  full name, and the work one that is published, see :data:`WORKS`);
* being watched or heard on air: "watching Holly Willoughby on the telly", "listening to Zoe Ball on the
  radio", "like Esther Rantzen says on the radio" (being on the news alone is not: a participant's son is
  on the news after a fire, and :mod:`.public_context` keeps that rule);
* a royal title before a given name ("Prince Edward", "Princess Anne", "King Charles"), and "the King"
  or "the Queen" said alone ("when the Queen died", "the King's speech").

Only a full name is kept by the first three frames (a given name alone is anyone's: "I was watching Dave on
the telly with my nan"); a word of kinship or friendship beside the name ("my mate Kieran Boyle the
footballer") undoes every frame, as it does in :mod:`.public_context`; a place after a royal name
("Prince Charles Hospital", "the Queen's Head") or a place said with it ("at the Prince Albert") is a
place; registered names always win (the allow-list never drops the register's proposals).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .public_names import COMMONEST_SURNAMES
from .public_said import said_as_public
from .public_world import said_in_public_life
from .titles import PARTICLES
from .words import census_surnames, is_everyday, name_lexicon

TRADES = frozenset({"footballer", "footballers", "singer", "rapper", "comedian", "comedienne", "presenter",
                    "actor", "actress", "novelist", "poet", "popstar", "boxer", "cricketer", "golfer", "broadcaster",
                    "newsreader", "influencer", "youtuber", "olympian", "celebrity", "darts", "snooker", "jockey",
                    "striker", "goalkeeper", "pundit", "chat-show", "songwriter", "drummer", "guitarist",
                    "frontman", "dj"})
"""Trades of fame said with "the" ("X the footballer", "the singer X"); "darts" and "snooker" as in "the
darts player". A DJ at a wedding is local, but "the DJ" with a full name is the radio's."""
TV_TRADES = frozenset({"doctor", "chef", "gardener", "psychologist", "vet", "presenter", "cook", "judge"})
"""Trades that are famous only after "TV", "telly" or "celebrity" ("the TV doctor Michael Mosley")."""
ON_SCREEN = frozenset({"tv", "telly", "celebrity", "television"})
WORKS = frozenset({"album", "albums", "single", "singles", "song", "songs", "book", "books", "novel", "novels",
                   "autobiography", "memoir", "documentary", "documentaries", "podcast", "podcasts", "sitcom",
                   "lyrics", "film", "films", "movie", "movies"})
"""Published work after a full name and a possessive ("Matt Haig's book", "Dua Lipa's new song")."""
NOT_THE_WORK = frozenset({"club", "clubs", "group", "groups", "shop", "case", "cover", "token", "tokens", "bag",
                          "shelf", "list", "collection"})
"""Words after the work that make it something anybody has ("Karen Holt's book club")."""
ON_AIR_WORKS = frozenset({"show", "shows", "programme", "programmes", "series"})
"""Work anybody may have (a school show, a dog show) unless on air: only after :data:`BROADCAST`."""
BROADCAST = frozenset({"breakfast", "radio", "tv", "telly", "cooking", "chat", "comedy", "talk", "quiz", "cookery",
                       "saturday", "sunday", "morning", "evening", "late", "night"})
WORK_ADJECTIVES = frozenset({"new", "latest", "last", "first", "old", "best", "famous", "big", "christmas"})
"""Words between the possessive and the work ("Dua Lipa's new song", "Zoe Ball's breakfast show")."""
ARTICLED = frozenset({"a", "an", "the", "that", "this", "new", "latest", "last"})
"""Words before a full name and its work with no possessive ("a Stacey Dooley documentary")."""
PUBLISHED = frozenset({"documentary", "documentaries", "album", "albums", "podcast", "podcasts", "single", "novel",
                       "novels", "autobiography", "memoir", "sitcom", "boxset"})
"""Works said after a full name with no possessive only of the famous: a film, a book or a show may be a
school's or a family's ("a Kerry Nolan film at the school festival")."""
WATCH = frozenset({"watching", "watched", "watch", "watches"})
LISTEN = frozenset({"listening", "listened", "listen", "listens"})
AIR = frozenset({"telly", "tv", "television", "radio", "iplayer", "youtube", "netflix", "bbc", "itv", "podcast",
                 "channel", "programme", "show"})
"""Where a person is watched or heard as a public one."""
SAYS = frozenset({"says", "said", "say", "puts", "put"})
ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen"})
MONARCHS = frozenset({"king", "queen"})
ROYAL_PLACE_AFTER = frozenset({"head", "arms", "inn", "hotel", "tavern", "hospital", "infirmary", "school",
                               "college", "academy", "road", "street", "avenue", "square", "park", "ward", "wing",
                               "house", "court", "hall", "centre", "dock", "docks", "bridge", "building",
                               "estate", "oak", "vaults", "lodge", "gardens", "memorial", "primary", "high",
                               "university", "medical", "campus", "barracks", "pub", "surgery", "spaniel",
                               "spaniels", "care", "nursing", "mansions", "close", "drive", "way", "lane"})
"""Words after a royal name that make it a place: "the Queen's Head", "King Edward School", "Prince Street"."""


_TO_A_PLACE = frozenset({"at", "in", "to", "into", "from", "near", "outside", "down", "up", "round", "opposite",
                         "behind", "by", "past"})
"""Words before "the King" or "the Queen" that make it a pub or a place."""


_STAY_IN = frozenset({"in", "into", "at"})
"""Words before a royal's name that make it the hospital named after them, not the royal."""


def _low(lows: list[str], i: int) -> str:
    return lows[i] if 0 <= i < len(lows) else ""


def _trade_after(lows: list[str], end: int) -> bool:
    """ "X the footballer", "X, the singer", "X the TV doctor"."""
    k = end + (_low(lows, end) == ",")
    if _low(lows, k) != "the":
        return False
    k += 1
    return _low(lows, k) in TRADES or (_low(lows, k) in ON_SCREEN and _low(lows, k + 1) in TV_TRADES | TRADES)


def _trade_before(lows: list[str], start: int) -> bool:
    """ "the footballer X", "that comedian X", "the TV doctor X"."""
    k = start - 1
    if _low(lows, k) in TV_TRADES and _low(lows, k - 1) in ON_SCREEN:
        k -= 1
    elif _low(lows, k) not in TRADES:
        return False
    return _low(lows, k - 1) in {"the", "that", "this", "a", "famous"}


def _work_after(lows: list[str], end: int, start: int = -1) -> bool:
    """ "X's book", "X's new album", "X's breakfast show"; with ``start``, also "a X documentary", "the new X
    album": an article before the name and the work right after it."""
    if _low(lows, end) not in {"'s", "'"}:
        return start >= 0 and _low(lows, start - 1) in ARTICLED and _low(lows, end) in PUBLISHED \
            and _low(lows, end + 1) not in NOT_THE_WORK
    k = end + 1
    broadcast = False
    for _ in range(3):
        low = _low(lows, k)
        if low in WORKS or (broadcast and low in ON_AIR_WORKS):
            return _low(lows, k + 1) not in NOT_THE_WORK
        if low in BROADCAST:
            broadcast = True
        elif low not in WORK_ADJECTIVES:
            return False
        k += 1
    return False


def _on_air_after(lows: list[str], end: int) -> bool:
    """ "on the telly", "on the radio", "on TV", "on iPlayer" within a few words after the name."""
    for k in range(end, min(len(lows), end + 5)):
        if lows[k] in {".", "?", "!"}:
            return False
        if lows[k] in AIR and any(lows[j] == "on" for j in range(end, k)):
            return True
    return False


def _watched(lows: list[str], start: int, end: int) -> bool:
    """ "watching X on the telly", "listening to X on the radio", "like X says on the radio"."""
    before = _low(lows, start - 1)
    heard = before in WATCH or (before == "to" and _low(lows, start - 2) in LISTEN)
    quoted = before == "like" and _low(lows, end) in SAYS
    return (heard or quoted) and _on_air_after(lows, end + quoted)


def _full_name(doc: Doc, start: int, end: int, caseless: bool) -> bool:
    """Tokens ``start``..``end`` are a given name and a surname or two, and no word of talk between: in
    captions a run of listed words may hold one ("tracey said jordan": "Said" is a surname too). A word among the
    thousand commonest surnames is a surname there all the same ("kelly holmes", "sheridan smith": the frames of
    fame ask the rest), unless it is a stop word ("may")."""
    lows = doc.user_data["cmo_lows"]
    if not 2 <= end - start <= 3:
        return False
    if not caseless:  # capitals say a name: "Romesh Ranganathan", "Dua Lipa" are on no name list
        return doc[start].text[:1].isupper() and all(doc[k].text[:1].isupper() or lows[k] in PARTICLES
                                                      for k in range(start + 1, end))
    common = census_surnames(1000)  # "kelly holmes the runner": a common surname that is also a word
    return lows[start] in name_lexicon("first") and not any(
        (is_everyday(lows[k]) and lows[k] not in common) or doc[k].is_stop for k in range(start + 1, end))


def fame_frame(doc: Doc, start: int, end: int, caseless: bool) -> bool:
    """The full name at tokens ``start``..``end`` is said as a famous person's (see the module doc)."""
    if not _full_name(doc, start, end, caseless):
        return False
    lows = doc.user_data["cmo_lows"]
    return (_trade_after(lows, end) or _trade_before(lows, start) or _work_after(lows, end, start)
            or _watched(lows, start, end) or said_as_public(lows, start, end)
            or said_in_public_life(lows, start, end))


def royal_spans(doc: Doc, caseless: bool, private: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of royals by title: "Prince Edward", "Princess Anne", "the Queen" (see the module
    doc); none after a word in ``private`` ("my queen") or before a place's head."""
    lows = doc.user_data.get("cmo_lows") or [t.lower_.replace("’", "'") for t in doc]
    firsts = name_lexicon("first")
    out = []
    for i, low in enumerate(lows):
        if low not in ROYAL_TITLES or (not caseless and not doc[i].text[:1].isupper()):
            continue
        if _low(lows, i - 1) in private:
            continue
        nxt = _low(lows, i + 1)
        if (nxt in firsts and nxt not in COMMONEST_SURNAMES and doc[i + 1].is_alpha
                and (caseless or doc[i + 1].text[:1].isupper())):
            end = i + 1
        elif low in MONARCHS and _low(lows, i - 1) == "the" and _low(lows, i - 2) not in _TO_A_PLACE:
            end = i  # "when the Queen died"; "a pint at the Queen" is a pub
        else:
            continue
        after = _low(lows, end + 1)
        if after in ROYAL_PLACE_AFTER or (after in {"'s", "'"} and _low(lows, end + 2) in ROYAL_PLACE_AFTER):
            continue
        if end > i and after not in {"'s", "'"} and (_low(lows, i - 1) in _STAY_IN or (
                _low(lows, i - 1) == "the" and _low(lows, i - 2) in _STAY_IN)):
            continue  # "he was in Prince Philip for nine weeks": a hospital named after a royal (layers.slots)
        out.append((doc[i].idx, doc[end].idx + len(doc[end])))
    return out
