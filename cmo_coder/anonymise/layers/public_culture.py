"""Programmes, films, games, bands, brands and football clubs no list holds, known by how they are spoken of.

The culture, brand and club lists (``data/public_names/``) lag behind what participants watch, play, buy
and support, and the statistical model reads an unseen title as a person or a place ("watching Vigil",
"a series of Slow Horses", "playing Stardew Valley"). The frames of talk about culture are few and seldom
hold a private person:

* being watched, played, read or listened to: "watching X", "plays X", "reading X", "listening to X"
  (not before a word of doing: "watching Okafor play", "watching her in the nativity");
* a work or a following after it: "X fan", "a X advert", "the new X film", "X's latest song", "a X
  documentary" (a local show, game or shirt only for a name of dictionary words: "the Elmbury show" is a
  place's);
* where it is shown, and what it is made of: "X on Netflix" (or iPlayer, Prime, Disney+...), "an episode
  of X", "a series of X", and a title in quotation marks in cased text ("we watched "The Repair Shop"");
  these alone keep a title that begins with a given name ("Ted Lasso on Netflix");
* a football club by its form: a name before "Rovers", "Athletic", "Wanderers", "Albion", "FC", "AFC",
  "Argyle", "Hotspur", "Thistle" ("Forest Green Rovers", "Mossley AFC": the town inside is the club's), or
  before "United" or "City" for a UK place or words ("Hull City", not "Hull City Council").

A run that begins with a given name is a person but in the last two frames ("watching Kayleigh in the school
play", "Leanne won the raffle"), and even there when a word after the given name is no dictionary word ("Mia
Okonkwo on Netflix" may be a person, and a name kept in one turn is not spread to the next); a word of
kinship, an owner or a title before it, or a one-word UK place, is never kept ("my son Tyler was on the
telly", "moved to Crawley"); registered names always win, as everywhere in the allow-list.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .public_bodies import _lows
from .public_figures import PRIVATE_WORDS
from .public_runs import (
    OWNERS,
    PLACE_ENDINGS,
    capitalised,
    family_name_risk,
    given_first,
    personal,
    plain,
    span_of,
    unknown,
)
from .words import in_dictionary, name_lexicon, place_names

CONSUME = frozenset({"watching", "watched", "watch", "watches", "binge", "binged", "bingeing", "binging", "playing",
                     "plays", "played", "reading", "reads", "streaming", "streamed", "rewatching", "rewatched"})
"""Verbs whose object is a title ("watching Vigil", "plays Valorant", "reading Wolf Hall")."""
LISTEN = frozenset({"listening", "listen", "listened", "listens"})
DOING = frozenset({"play", "playing", "plays", "dance", "dancing", "sing", "singing", "perform", "performing", "swim",
                   "swimming", "run", "running", "in", "at", "grow", "ride", "riding", "walk", "walking", "do",
                   "doing", "get", "getting", "with", "and", "score", "scoring", "fall", "go", "going", "sleep",
                   "sleeping", "try", "trying", "a", "an", "the", "some", "his", "her", "their", "my", "your", "our",
                   "to", "cry", "crying", "eat", "eating", "work", "working", "for", "'s", "'"})
"""Words after the run that make it a person watched doing something ("watching Kayleigh in the school play",
"reading Marcus a story", "playing Okafor's lad at pool")."""
STREAMING = frozenset({"netflix", "iplayer", "prime", "disney", "disney+", "britbox", "itvx", "all4", "spotify",
                       "audible", "paramount", "paramount+", "e4", "more4", "film4", "cbbc", "cbeebies"})
"""Where a title is shown ("Ted Lasso on Netflix"): no person is put "on Netflix". People are on the radio,
the news, the BBC and YouTube too ("my son was on the radio after the flood"): not here."""
WORKS = frozenset({"fan", "fans", "advert", "adverts", "ad", "ads", "commercial", "album", "albums", "song",
                   "songs", "single", "singles", "film", "films", "movie", "movies", "book", "books", "novel",
                   "novels", "documentary", "documentaries", "podcast", "podcasts", "soundtrack", "episode",
                   "episodes", "boxset", "franchise", "trilogy", "sequel", "prequel", "remake", "musical",
                   "audiobook", "playlist", "merch"})
"""Works and followings only a title, a band or a brand has ("a Wilko advert", "the new Barbie film")."""
LOCAL_WORKS = frozenset({"show", "shows", "series", "game", "games", "tour", "gig", "gigs", "concert", "concerts",
                         "tickets", "shirt", "shirts", "top", "season", "box", "set", "video", "videos", "stuff",
                         "character", "characters", "theme", "tune", "lyrics", "channel", "quiz"})
"""Works a local name has too ("the Elmbury show", "the Thornbury game"): only for a run of dictionary words."""
WORK_ADJECTIVES = frozenset({"new", "latest", "last", "first", "old", "best", "big", "massive", "huge", "christmas",
                             "whole", "live", "next", "early", "favourite", "original", "official"})
_BEFORE_WORK = frozenset({"the", "a", "an", "that", "this", "those", "these", "some", "any", "every", "big",
                          "massive", "huge", "proper", "mad", "diehard", "die-hard", "new", "latest", "old",
                          "first", "last", "whole", "favourite", "same", "no", "'s"})
"""Words before "X fan", "X advert" that make X a title's ("a massive Greggs fan", "the new Barbie film")."""
STRONG_CLUB = frozenset({"rovers", "athletic", "wanderers", "albion", "fc", "afc", "argyle", "hotspur", "thistle",
                         "academicals", "rangers", "harriers", "borough"})
"""Words that end a football club's name whatever comes before them ("Mossley AFC", "Forest Green Rovers")."""
WEAK_CLUB = frozenset({"united", "city"})
"""Words that end a club's name after a UK place or plain words ("Hull City"), not before a place's head."""
PLACE_AFTER = frozenset({"council", "centre", "center", "hall", "hospital", "station", "library", "square", "of",
                         "park", "road", "street", "reformed", "church", "college", "school", "university", "academy",
                         "ward", "surgery", "practice", "trust", "health", "region", "limits", "boundary", "bus",
                         "buses", "housing", "estate", "airport", "farm"})
"""Words after "X United" or "X City" that make it a place or a body ("Hull City Council", "Elmbury United
Reformed Church")."""
_CLUB_RUN = 3


def _title_shaped(doc: Doc, lows: list[str], k: int, caseless: bool) -> bool:
    """A word that may stand in a club's name before its head: capitalised in cased text; in captions a
    word of letters that is no function word."""
    if not any(ch.isalpha() for ch in doc[k].text) or not doc[k].text.replace("-", "").replace("'", "").isalnum():
        return False
    if caseless:
        return not doc[k].is_stop and lows[k] not in {"the", "a", "an"}
    return capitalised(doc, k)


_NEVER_IN_A_CLUB = frozenset({"and", "but", "or", "so", "then", "if", "when", "cos", "because", "a", "an", "at",
                              "to", "from", "with", "for", "of", "in", "on", "by", "i", "we", "you", "he", "she",
                              "they", "it", "yes", "yeah", "no", "oh", "well"})
"""Words that open a sentence with a capital but never a club's name ("And Argyle every other Saturday": the club
is "Argyle", said alone, and the capital is the sentence's)."""

_FOOTBALL = frozenset({"fan", "fans", "supports", "support", "supporter", "supporters", "supporting", "match",
                       "matches", "game", "games", "season", "ticket", "tickets", "football", "footie", "league",
                       "cup", "won", "lost", "beat", "beaten", "draw", "drew", "score", "scored", "goal", "goals",
                       "stadium", "ground", "playing", "played", "relegated", "promoted", "manager", "kit",
                       "shirt", "shirts", "kick", "kickoff", "watch", "watched", "watching", "nil", "derby"})
"""Words of football that make "X city" or "X united" in captions a club."""
_FOOTBALL_WINDOW = 8


def _football_near(lows: list[str], s: int, e: int) -> bool:
    """A word of football within a few words of the club form at ``lows[s:e]``."""
    return any(w in _FOOTBALL for w in lows[max(0, s - _FOOTBALL_WINDOW) : e + _FOOTBALL_WINDOW])


def club_form_spans(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """Character spans of football clubs by the form of their names (see the module doc)."""
    lows = _lows(doc)
    out = []
    for i, low in enumerate(lows):
        strong = low in STRONG_CLUB
        if not (strong or low in WEAK_CLUB) or i == 0 or (not caseless and not capitalised(doc, i)):
            continue
        if i + 1 < len(lows) and lows[i + 1] in PLACE_AFTER:
            continue
        s = i
        while s > 0 and i - s < _CLUB_RUN and _title_shaped(doc, lows, s - 1, caseless) \
                and lows[s - 1] not in STRONG_CLUB | WEAK_CLUB and lows[s - 1] not in _NEVER_IN_A_CLUB:
            s -= 1
        if s == i or (lows[s - 1] if s else "") in PRIVATE_WORDS | OWNERS:
            continue  # "my mate Bolton Wanderers" is no club; a town inside one is the club's ("Mossley AFC")
        if caseless and not strong:
            s = i - 1  # captions: one word before "city" or "united", and only a place or a dictionary word
            if not _football_near(lows, s, i + 1):
                continue  # "we cover perth city": with no capital to tell, the city itself, unless talk of a game
        words = lows[s:i]
        if not strong and not all(w in place_names() or in_dictionary(w) for w in words):
            continue
        if caseless and strong and s < i - 1 and not all(w in place_names() or not unknown(w) for w in words[:-1]):
            s = i - 1  # captions: "we went up to elmbury rovers" keeps "rovers" and the word before only
        if lows[i - 1] in name_lexicon("first") and lows[i - 1] not in place_names():
            continue  # "Sarah Argyle said she'd come", "i saw sarah argyle": a given name before a club's word is
            # a person (a listed club whose town is also a given name, "Burton Albion", is kept by its list)
        if local_team(lows, s, i + 1):
            continue  # "he plays for Parkside Rangers under 11s": a team no list holds, played in, is local
        out.append(span_of(doc, s, i + 1))
    return out


_PLAYS_FOR = frozenset({("plays", "for"), ("playing", "for"), ("play", "for"), ("trains", "at"), ("trains", "with"),
                        ("training", "with"), ("training", "at"),
                        ("coaches", "at"), ("coached", "at"), ("signed", "for"), ("kids", "at"), ("lads", "at"),
                        ("girls", "at"), ("coach", "at"), ("manager", "of"), ("manages", "the")})
_AGE_GROUP = re.compile(r"^(?:under|u\d+s?|juniors|junior|youth|colts|reserves|minis|academy)$")


def local_team(lows: list[str], s: int, e: int) -> bool:
    """A club form no list holds that someone plays in now, trains with or coaches, or that has an age group
    after it ("plays for parkside rangers", "harrowfield athletic under 12s"): a grass-roots team, which places
    a child within a few streets. A supporter's club stays public ("supports Elmbury Rovers"), and so does a
    club someone played for once ("he played for Mossley AFC when he was young")."""
    before = tuple(lows[max(0, s - 2) : s])
    return before in _PLAYS_FOR or (e < len(lows) and bool(_AGE_GROUP.match(lows[e])))


def _doing_after(lows: list[str], e: int) -> bool:
    return e < len(lows) and lows[e] in DOING


def _consumed(lows: list[str], s: int, e: int) -> bool:
    """ "watching X", "plays X", "listening to X", not before a word of doing."""
    before = lows[s - 1] if s > 0 else ""
    heard = before == "to" and s > 1 and lows[s - 2] in LISTEN
    return (before in CONSUME or heard) and not _doing_after(lows, e)


def _work_after(lows: list[str], s: int, e: int, plain_words: bool) -> bool:
    """ "a X advert", "X fan", "the new X film", "X's latest song"."""
    k = e
    possessive = k < len(lows) and lows[k] in {"'s", "'"}
    if possessive:
        k += 1
    while k < len(lows) and k - e < 3 and lows[k] in WORK_ADJECTIVES:
        k += 1
    if k >= len(lows):
        return False
    noun = lows[k]
    if not (noun in WORKS or (plain_words and noun in LOCAL_WORKS)):
        return False
    before = lows[s - 1] if s > 0 else ""
    return possessive or before in _BEFORE_WORK or noun in {"fan", "fans"}


def _shown_on(lows: list[str], e: int) -> bool:
    """ "X on Netflix", "X on the iPlayer"."""
    if e >= len(lows) or lows[e] != "on":
        return False
    k = e + 1
    if k < len(lows) and lows[k] == "the":
        k += 1
    return k < len(lows) and lows[k] in STREAMING


def _part_of(lows: list[str], s: int) -> bool:
    """ "an episode of X", "a series of X", "the box set of X"."""
    return s >= 2 and lows[s - 1] == "of" and lows[s - 2] in {"episode", "episodes", "series", "season", "seasons",
                                                                  "set", "boxset", "finale", "trailer", "sequel"}


def _quoted(doc: Doc, s: int, e: int, caseless: bool) -> bool:
    """A title of two words or more in quotation marks in cased text, every word but the joiners capitalised."""
    if caseless or s == 0 or e >= len(doc) or e - s < 2:
        return False
    if doc[s - 1].lower_ in {"the", "a", "an"} and s > 1:
        s -= 1  # "watched "The Repair Shop"": the run was read without its article
    opened, closed = doc[s - 1].text, doc[e].text
    return opened in {'"', "“", "‘", "'"} and closed in {'"', "”", "’", "'"} and all(
        capitalised(doc, k) or doc[k].lower_ in {"of", "the", "and", "a", "in", "on", "to"} for k in range(s, e))


def _place_ending(doc: Doc, lows: list[str], s: int, e: int) -> bool:
    """A word with a place's ending that no list holds ("playing Thornfield away"): a local team or place."""
    return any(len(lows[k]) >= 6 and lows[k].endswith(PLACE_ENDINGS) and unknown(lows[k]) for k in range(s, e))


def culture_spans(doc: Doc, runs: list[tuple[int, int]], caseless: bool,
                  named: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans of the proposed ``runs`` (token runs) said as titles, bands or brands (see the module doc);
    those that begin with a given name ("Ted Lasso") are also added to ``named``, for a reviewer to check."""
    lows = _lows(doc)
    out = []
    for s, e in runs:
        if personal(lows, s, e):
            continue
        strong = _shown_on(lows, e) or _part_of(lows, s) or _quoted(doc, s, e, caseless)
        if given_first(lows, s):
            if strong and e - s >= 2 and not family_name_risk(doc, lows, s + 1, e):  # "Mia Okonkwo" is hers
                out.append(span_of(doc, s, e))
                if named is not None:
                    named.append(span_of(doc, s, e))
            continue
        if strong or ((_consumed(lows, s, e) or _work_after(lows, s, e, plain(lows, s, e)))
                      and not _place_ending(doc, lows, s, e)):
            out.append(span_of(doc, s, e))
    return out
