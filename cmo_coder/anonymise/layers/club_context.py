"""A football club said by its town's name, known by the words around it: "he supports Barnsley",
"the Leeds game", "a Newcastle shirt", "Liverpool were playing".

Many clubs are named after a town or a district ("Leeds United", "Everton", "Chelsea"). The club list
(``cmo_coder/data/public_names/clubs.txt``) holds them in their full club form only, because the town
alone is a place that says where a participant lives and is removed. Talk about football says the club
all the same, and a reader loses the sense of "he supports [place]" for nothing. This module keeps the
town's word (and the club word after it, if any) in a club frame only:

* a verb of supporting before it ("supports", "supported", "a supporter of"), "the" between allowed,
  and nothing but the end of the phrase after it ("supports Barnsley residents" is a council's work);
* a word after it that only a club has: "fan", "fans", "supporters", "game", "match", "score", "shirt",
  "top", "kit", "manager", "season ticket";
* a match result or fixture after it: "beat", "drew", "thrashed", "were playing", "lost to", "won the
  league", "v", "vs";
* "v", "vs" or "versus" between it and another club;
* a verb of watching before it and, after it, the end of the phrase or what a side does on the day ("we watched
  Everton lose again", "watching Yorkshire bat all afternoon", "we watched Leeds on the telly"): a town is not
  watched, its side is.

Which words these are: a one-word club entry that is also a UK place ("Everton", "Chelsea"), the
town before a club word in a listed club ("Leeds" of "Leeds United", "Sheffield" of "Sheffield
Wednesday", "Liverpool" of "Liverpool FC"), and the county or city before the word that ends a listed
cricket or rugby club ("Yorkshire" of "Yorkshire County Cricket Club", "Lancashire" of "Lancashire CCC",
"Glasgow" of "Glasgow Warriors"): a county is said as its side as a town is. A word of kinship before it ("my
mate Chelsea") is never a club, and registered names and places always win, as everywhere in the allow-list.

A club is also said by the word that ends its name, after "the": "the Albion", "the Villa", "the Rovers"
(:data:`SHORT_NAMES`). Such a word is no town, but a pub or a street may bear it ("a pint at the Albion"), so it
is kept only in the frames above, after a verb of watching ("we watched the Albion on Saturday"), after one of
playing for where the word is the fans' name of a professional club ("he wanted to play for the Toon"; "he plays for
the rovers" is a local side, a place), or before "on the telly"; the same goes for a few names fans give their
club ("the Toon", "the Baggies"), which "going down the toon" (the town centre, in the North East) does not take.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from .context import word_after, word_before
from .public_figures import PRIVATE_WORDS
from .public_names import public_names
from .state import tokens_among
from .words import place_names

CLUB_WORDS = frozenset({"united", "utd", "city", "town", "rovers", "wanderers", "athletic", "albion", "county",
                        "wednesday", "forest", "villa", "fc", "afc", "argyle", "hotspur", "rangers", "thistle",
                        "palace", "alexandra", "orient", "stanley", "vale"})
"""Words that end a club's name after its town ("Leeds United", "Hull City", "Barnsley FC")."""
SIDE_ENDINGS = ("county cricket club", "cricket club", "ccc", "rugby", "rugby club", "warriors", "rhinos")
"""What ends a listed cricket or rugby club after its county or city ("Yorkshire County Cricket Club", "Lancashire
CCC", "Glasgow Warriors"): the place before it is said as the side in a club frame, as a football town is."""
SUPPORT = frozenset({"supports", "support", "supported", "supporting", "supporter", "supporters", "follows",
                     "followed"})
"""Verbs and nouns before a club ("he supports Barnsley", "a supporter of Leeds")."""
CLUB_THINGS = frozenset({"fan", "fans", "supporter", "supporters", "game", "games", "match", "matches", "shirt",
                         "shirts", "top", "tops", "kit", "manager", "striker", "goalie", "keeper", "mad", "nil",
                         "score", "scores", "result", "results"})
"""What only a club has after its name ("the Leeds game", "a Newcastle shirt", "Barnsley mad")."""
RESULTS = frozenset({"beat", "beats", "drew", "thrashed", "hammered", "battered", "v", "vs", "versus"})
_RESULT_LINKS = {"lost": {"to", "at", "on", "again", "away"}, "won": {"the", "at", "on", "again", "away"},
                 "were": {"playing"}, "are": {"playing"}, "was": {"playing"}, "is": {"playing"},
                 "got": {"relegated", "promoted", "beat", "battered"}}
"""A result or a fixture after the club ("Leeds lost to", "Barnsley won the league", "Hull were playing")."""
_PHRASE_END = frozenset({"and", "but", "so", "through", "too", "now", "still", "like", "because", "cos", "though",
                         "all", "since", "mate", "yeah", "i", "he", "she", "we", "they", "you", "me", "him", "her",
                         "us", "them", "as", "really", "properly", "not", "then", "innit", "even", "or"})
"""Words that may follow "supports X" when X ends its phrase ("he supports Barnsley and all")."""
FANS_NAMES = frozenset({"toon", "baggies", "magpies", "seagulls", "hammers", "gunners", "toffees", "blades", "owls",
                        "canaries", "potters", "hatters", "tykes", "terriers", "mackems", "gers", "hoops", "dons"})
"""Names fans give a professional club ("the Toon", "the Baggies"), written for the project."""
SHORT_NAMES = frozenset({"albion", "villa", "rovers", "wanderers", "argyle", "hotspur", "spurs", "orient", "vale",
                         "palace", "wednesday", "athletic", "rangers", "thistle", "hibs", "jags"}) | FANS_NAMES
"""Last words of a club's name, or its fans' name for it, said alone after "the" for the club ("the Albion", "the
Villa", "the Toon")."""
WATCH = frozenset({"watch", "watched", "watching", "watches", "follow", "follows", "followed", "following"})
"""Verbs before "the" + a club's short name that make it the club ("we watched the Albion")."""
PLAY = frozenset({"play", "played", "plays", "playing", "signed", "signs", "sign"})
"""Verbs before "for the" + a fans' name for a club ("he wanted to play for the Toon"); a club word after them is a
local side someone plays in ("he plays for the rovers on a saturday"), a place that goes."""
WATCHED_DOING = frozenset({"lose", "lost", "losing", "win", "won", "winning", "draw", "drew", "play", "played",
                           "playing", "beat", "beaten", "bat", "batting", "bowl", "bowling", "score", "scored",
                           "scoring", "get", "got", "getting", "on", "at", "away", "last", "every", "again", "twice",
                           "week", "lads", "girls", "women", "men"})
"""What a side does, or when it is watched, after a verb of watching and its town ("we watched Everton lose", "watching
Yorkshire bat", "we watched Leeds on the telly", "watched Barnsley every week"): the side, not the town."""
ON_AIR = frozenset({"telly", "tv", "radio", "box"})
"""Where a match is shown after "on the" ("a pint and the Toon on the telly")."""


@cache
def club_towns() -> frozenset[str]:
    """Words (lower-case, one or two tokens) that name a club by its town: one-word club entries that are
    UK places, the place before a club word in a listed club, and any name before "FC" ("Chelsea FC":
    Chelsea is a given name too, so the list may not hold it alone)."""
    places = place_names()
    out = set()
    for entry in public_names("clubs"):
        words = entry.lower().split()
        side = _side_place(words)
        if side is not None and side in places:
            out.add(side)  # "Yorkshire" of "Yorkshire County Cricket Club"
        elif len(words) == 1 and words[0] in places:
            out.add(words[0])
        elif len(words) >= 2 and words[-1] in CLUB_WORDS:
            town = " ".join(words[:-1])
            if town in places or words[-1] in {"fc", "afc"}:  # "Chelsea FC": a given name is listed so
                out.add(town)
    return frozenset(out)


def _side_place(words: list[str]) -> str | None:
    """The place (one or two words) before a cricket or rugby club's ending (:data:`SIDE_ENDINGS`), or None."""
    name = " ".join(words)
    for ending in SIDE_ENDINGS:
        if name.endswith(" " + ending):
            place = name[: -len(ending) - 1]
            return place if 1 <= len(place.split()) <= 2 else None
    return None


@cache
def _first_words() -> frozenset[str]:
    """The first word of every club town: a town's name can begin nowhere else."""
    return frozenset(town.split(" ")[0] for town in club_towns())


def club_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of a town's name said as its football club (see the module doc)."""
    towns = club_towns()
    out = []
    for tok in tokens_among(doc, _first_words()):  # only where a club town's first word stands
        for width in (2, 1):
            if tok.i + width > len(doc):
                continue
            words = doc[tok.i : tok.i + width]
            if " ".join(t.lower_ for t in words) not in towns or any(not t.is_alpha for t in words):
                continue
            last = doc[tok.i + width - 1]
            end_tok = last
            nxt = word_after(last)
            if nxt is not None and nxt.lower_ in CLUB_WORDS:
                end_tok = nxt  # "Leeds United" is listed; "Barnsley Town" and the like kept with it
            if _club_frame(tok, end_tok):
                out.append((tok.idx, end_tok.idx + len(end_tok)))
            break
    for tok in tokens_among(doc, SHORT_NAMES):  # "the Albion" in a club frame
        the = word_before(tok)
        if the is None or the.lower_ != "the":
            continue
        if _club_frame(tok, tok) or _short_name_frame(the, tok):
            out.append((the.idx, tok.idx + len(tok)))
    return out


def _short_name_frame(the: Token, tok: Token) -> bool:
    """ "watched the Albion", "play for the Toon", "the Toon on the telly": a club, not a pub or a town centre."""
    verb = word_before(the)
    if verb is not None and verb.lower_ == "for":  # "he plays for the rovers": a local side he plays in, a place
        verb = word_before(verb)
        return verb is not None and verb.lower_ in PLAY and tok.lower_ in FANS_NAMES
    if verb is not None and verb.lower_ in WATCH:
        return True
    after = [word_after(tok, k) for k in (1, 2, 3)]
    return [t.lower_ if t is not None else "" for t in after[:2]] == ["on", "the"] and after[2] is not None \
        and after[2].lower_ in ON_AIR


def _club_frame(first: Token, last: Token) -> bool:
    prev = direct = word_before(first)
    if prev is not None and prev.lower_ in PRIVATE_WORDS:
        return False  # "my mate Chelsea": a person
    if prev is not None and prev.lower_ == "the":
        prev = word_before(prev)
    if prev is not None and prev.lower_ == "of" and word_before(prev) is not None:
        prev = word_before(prev)  # "a supporter of Leeds"
    nxt = word_after(last)
    nxt2 = word_after(last, 2)
    low1 = nxt.lower_ if nxt is not None else ""
    low2 = nxt2.lower_ if nxt2 is not None else ""
    if prev is not None and prev.lower_ in SUPPORT:
        return nxt is None or nxt.is_punct or low1 in _PHRASE_END
    if direct is not None and direct.lower_ in WATCH:  # "we watched Everton lose"; not "watched the Leeds lights"
        return nxt is None or nxt.is_punct or low1 in _PHRASE_END or low1 in WATCHED_DOING
    if low1 in CLUB_THINGS or low1 in RESULTS:
        return not (low1 == "top" and low2 in {"of", "end"})  # "Leeds top end" is a part of town
    if low1 == "season" and low2 in {"ticket", "tickets"}:
        return True
    if low1 in _RESULT_LINKS and low2 in _RESULT_LINKS[low1]:
        return low1 != "won" or (nxt2 is not None and _won_what(nxt2))
    return prev is not None and prev.lower_ in {"v", "vs", "versus"}


def club_things_only(rest: str) -> bool:
    """Whether what a proposal holds after a kept club is only what a club has ("fan", "game", "season ticket"): the
    caseless model reads "an everton fan" as one organisation, and with the club kept, "fan" alone names nobody."""
    words = [w.strip(".,'’").lower() for w in rest.split()]
    return bool(words) and all(w in CLUB_THINGS or w in {"season", "ticket", "tickets"} for w in words)


def _won_what(tok: Token) -> bool:
    """ "won the league", "won the cup", "won at home": a result; "won the bid" is a town's."""
    if tok.lower_ != "the":
        return True
    what = word_after(tok)
    return what is not None and what.lower_ in {"league", "cup", "game", "match", "derby", "title", "final",
                                                 "championship", "play-off", "playoffs", "premiership"}
