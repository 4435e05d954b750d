"""Famous people no list holds, known by the kinds of public life talk names them by: the trade of fame in all
its kinds, their work said straight after their name, music heard on air, a side they played for.

:mod:`.public_fame` reads the commonest frames of fame ("X the footballer", "X's new album", "watching X on the
telly"). People in health-services interviews name the public world in more ways than those, and the names they
use are on no list: the runner who spoke about her mental health, "Gemma Collins the reality star", "my daughter
plays Robbie Williams songs all day", "one of those Jimmy McGovern dramas", "a Pam Ayres poem on the fridge",
"Mum sings along to Tom Jones on the radio", "Paul Merson played for Arsenal". Each frame here reads a *kind* of
public life, not a name, so it carries to names nobody listed:

* a trade of public life after "the", beyond :data:`.public_fame.TRADES` (:data:`MORE_TRADES`: sport, writing,
  science, the weather on air), and a star of a medium ("the reality star", "that soap star",
  :data:`STAR_KINDS`);
* published or performed work said straight after a full name with no possessive, in the plural ("Robbie
  Williams songs", "those Jimmy McGovern dramas") or after an article in the singular ("a Pam Ayres poem", "the
  Paul Weller gig") (:data:`NAMED_WORKS`): a private person's song or poem is "her song", "a poem by our Kim";
* heard on air through music: "sings along to X on the radio", "dancing to X on the telly" (a verb of music,
  "to", the name, and the media after it in its clause);
* "X was all over the news" (the papers, the telly, the magazines); "X did a documentary on it" (a
  documentary, a podcast or a series, or a programme with "on" or "about" after it);
* a side of public sport: "X played for Arsenal", "he signed for Celtic", "she ran for England": the words after
  "for" must be a club on the public clubs list (``data/public_names/clubs.txt``) or a nation's side; "played for
  our pub team" and "played for Thornbury Town" are anybody's.

Every frame holds only for a full name (never a given name alone) and under every guard of
:func:`.public_fame.fame_frame`'s callers: a title beside the name, a word of kinship, friendship or care near it,
the speaker's own marks ("my", "our"), an event of private life in the sentence, a private mention of the name
elsewhere in the transcript and a registered name each undo it (``public_context.public_by_context``,
``AllowListComponent.echo``). A word of kinship that is the subject of a verb of liking, hearing or having
(:data:`ENJOYED`) is the subject's, not the name's ("my daughter plays X songs", :func:`near_before`). A name
kept so is on the review's residual list with its reason.

Source of the word sets below: written for the project from the kinds of public life (no name is listed here).
"""

from __future__ import annotations

from functools import cache

from .public_names import public_names

MORE_TRADES = frozenset({
    "runner", "athlete", "sprinter", "swimmer", "cyclist", "tennis", "rower", "skater", "gymnast", "paralympian",
    "marathon", "writer", "author", "playwright", "columnist", "journalist", "scientist", "physicist", "astronaut",
    "explorer", "mountaineer", "adventurer", "weatherman", "weathergirl", "weatherwoman", "forecaster", "magician",
    "ventriloquist", "crooner", "songstress", "soprano", "tenor", "film-maker", "filmmaker", "supermodel"})
"""Trades of public life said with "the" beside a full name ("X the runner", "the writer X"); a full name with
"the nurse" or "the plumber" is local, and the trades :data:`.public_fame.TRADES` holds are read there."""
_NOT_ALONE = frozenset({"tennis", "marathon"})
"""Words of :data:`MORE_TRADES` that are a trade only with another word after them ("the tennis player", "the
marathon runner"): see :func:`_more_trade`."""
_TRADE_SECOND = frozenset({"player", "runner", "star", "champion", "legend"})
STAR_KINDS = frozenset({"reality", "soap", "pop", "film", "movie", "rock", "tv", "telly", "sports", "football",
                        "rugby", "cricket", "boxing", "darts", "snooker", "hollywood", "country", "jazz", "opera",
                        "disco", "radio", "youtube", "tiktok", "instagram", "olympic", "paralympic"})
"""A medium or a sport before "star", "legend" or "icon" ("the reality star", "that soap legend")."""
STAR_HEADS = frozenset({"star", "stars", "legend", "icon", "idol"})
NAMED_WORKS_PLURAL = frozenset({"songs", "albums", "records", "poems", "novels", "dramas", "films", "movies",
                                "documentaries", "programmes", "shows", "sitcoms", "concerts", "gigs", "books",
                                "tracks", "tunes", "cds", "videos", "plays", "musicals"})
"""Works after a full name with no possessive, in the plural ("plays Robbie Williams songs", "those Jimmy
McGovern dramas"): the public person's catalogue."""
NAMED_WORKS_SINGULAR = frozenset({"poem", "song", "drama", "gig", "concert", "record", "track", "tune", "musical",
                                  "sitcom", "novel", "documentary", "biography", "tour", "cd", "lp"})
"""Works after an article and a full name ("a Pam Ayres poem", "the Paul Weller gig"); "a Kerry Nolan film at the
school festival" is anybody's, so a film, a book and a show are left to :mod:`.public_fame`'s narrower reading."""
_ARTICLES = frozenset({"a", "an", "the", "that", "this", "those", "these", "his", "her", "their", "new", "old",
                       "latest", "last", "first", "favourite", "one"})
_LOCAL_AFTER = frozenset({"at", "in", "for", "from", "by"})
"""A word after the work that may make it a local one ("a Kerry Nolan poem at the school", "for the
assembly"): the work frame holds only where the next word is none of these, or the clause ends."""
_LOCAL_HEADS = frozenset({"school", "college", "church", "club", "assembly", "group", "class", "nursery", "ward",
                          "home", "hospice", "centre", "pub", "festival", "fete", "party", "wedding", "funeral",
                          "service", "concert"})
MUSIC_VERBS = frozenset({"sings", "sing", "singing", "sang", "along", "dancing", "dance", "danced", "dances",
                         "bopping", "humming", "hums"})
"""Verbs before "to" and a name whose media follow it ("sings along to X on the radio")."""
PLAYED = frozenset({"played", "plays", "playing", "play", "signed", "signs", "managed", "manages", "captained",
                    "ran", "runs", "boxed", "rode", "swam", "raced", "bowled", "batted", "capped"})
NATION_SIDES = frozenset({"england", "scotland", "wales", "ireland", "britain", "gb", "lions", "barbarians"})
"""A nation's side after "played for" ("played for England", "ran for Great Britain", "the Lions")."""
MEDIA = frozenset({"telly", "tv", "television", "radio", "iplayer", "youtube", "spotify", "bbc", "itv"})
_CLAUSE_ENDS = frozenset({".", "?", "!", ";", "but", "because", "cos", "so", "when", "while"})


ENJOYED = frozenset({"plays", "played", "loves", "loved", "likes", "liked", "adores", "adored", "listens",
                     "listened", "watches", "watched", "reads", "read", "had", "has", "follows", "followed", "sings",
                     "sang", "fancies", "fancied", "idolises", "worships"})
"""Verbs of liking, hearing, watching or having a work: a word of kinship before one is its subject, not a word
about the name after it ("my daughter plays X songs", "my nan had a X poem", "my son loves X, the singer")."""


def _low(lows: list[str], i: int) -> str:
    return lows[i] if 0 <= i < len(lows) else ""


def near_before(lows: list[str], start: int, reach: int = 3) -> int:
    """Where the words before a name that may make it private begin (``reach`` words back at most): after the
    last verb of :data:`ENJOYED` among them, whose subject the words before it are ("my daughter plays X")."""
    lo = max(0, start - reach)
    for k in range(start - 1, lo - 1, -1):
        if lows[k] in ENJOYED:
            return k + 1
    return lo


def _more_trade(lows: list[str], k: int) -> bool:
    """Token ``k`` starts a trade of :data:`MORE_TRADES` or a star of :data:`STAR_KINDS`."""
    low, nxt = _low(lows, k), _low(lows, k + 1)
    if low in STAR_KINDS and nxt in STAR_HEADS:
        return True
    if low in _NOT_ALONE:
        return nxt in _TRADE_SECOND
    return low in MORE_TRADES


def trade_beside(lows: list[str], start: int, end: int) -> bool:
    """ "X the runner", "X, the reality star" (after); "the writer X", "that soap star X" (before)."""
    k = end + (_low(lows, end) == ",")
    if _low(lows, k) == "the" and _more_trade(lows, k + 1):
        return True
    for width in (1, 2):
        k = start - width
        if _low(lows, k - 1) in {"the", "that", "this", "a", "famous"} and _more_trade(lows, k) and (
                width == 1 or _low(lows, k + 1) in STAR_HEADS | _TRADE_SECOND):
            return True
    return False


def works_after(lows: list[str], start: int, end: int) -> bool:
    """ "Robbie Williams songs", "those Jimmy McGovern dramas", "a Pam Ayres poem" (see the module doc)."""
    work = _low(lows, end)
    if not (work in NAMED_WORKS_PLURAL or (work in NAMED_WORKS_SINGULAR and _low(lows, start - 1) in _ARTICLES)):
        return False
    # "a Kerry Nolan poem at the school", "the Joe Platt gig at the club": a local work
    return not (_low(lows, end + 1) in _LOCAL_AFTER
                and (_low(lows, end + 2) in _LOCAL_HEADS or _low(lows, end + 3) in _LOCAL_HEADS))


def heard_through_music(lows: list[str], start: int, end: int) -> bool:
    """ "sings along to X on the radio", "dancing to X on the telly": the media within five words after."""
    if _low(lows, start - 1) != "to" or _low(lows, start - 2) not in MUSIC_VERBS:
        return False
    for k in range(end, min(len(lows), end + 5)):
        if lows[k] in _CLAUSE_ENDS:
            return False
        if lows[k] in MEDIA and _low(lows, k - 1) in {"on", "the"}:
            return True
    return False


@cache
def _club_names() -> frozenset[str]:
    """The public clubs' names in lower case, each also without a closing "fc" ("Everton FC" said "Everton")."""
    out: set[str] = set()
    for name in public_names("clubs"):
        low = name.lower()
        out.add(low)
        if low.endswith(" fc"):
            out.add(low[:-3])
    return frozenset(out)


def played_for(lows: list[str], end: int) -> bool:
    """ "X played for Arsenal", "X signed for Celtic", "X ran for Great Britain" (``end``: after the name;
    "was" or "has" may stand between, and "once" or "years ago" may not)."""
    k = end + (_low(lows, end) in {"was", "has", "had", "once", "who", "that"})
    k += _low(lows, k) == "once"
    if _low(lows, k) not in PLAYED or _low(lows, k + 1) != "for":
        return False
    k += 2
    k += _low(lows, k) == "the"
    if _low(lows, k) in NATION_SIDES or (_low(lows, k) in {"great", "team"} and _low(lows, k + 1) in NATION_SIDES):
        return True
    clubs = _club_names()
    return any(" ".join(lows[k:k + n]) in clubs for n in (1, 2, 3) if k + n <= len(lows))


OVER = frozenset({"news", "papers", "paper", "telly", "tv", "magazines", "headlines", "internet", "socials"})
BROADCAST_WORKS = frozenset({"documentary", "podcast", "series", "programme"})
_MADE = frozenset({"did", "made", "presented", "fronted", "does", "makes", "presents", "fronts", "narrated"})


def all_over(lows: list[str], end: int) -> bool:
    """ "X was all over the news", "X is all over the papers" (``end``: after the name)."""
    k = end + (_low(lows, end) in {"was", "is", "'s", "were", "has", "been"})
    k += _low(lows, k) == "been"
    return (_low(lows, k) == "all" and _low(lows, k + 1) == "over" and _low(lows, k + 2) == "the"
            and _low(lows, k + 3) in OVER)


def made_for_air(lows: list[str], end: int) -> bool:
    """ "X did a documentary on it", "X made a series about it", "X did a programme on it": within the name's
    clause, a verb of making, an article and a broadcast work (a programme only with "on" or "about" after it:
    "did a programme" alone may be a course)."""
    for k in range(end, min(len(lows), end + 8)):
        if lows[k] in _CLAUSE_ENDS:
            return False
        if lows[k] in _MADE and _low(lows, k + 1) in {"a", "the", "her", "his", "their"}:
            work = _low(lows, k + 2)
            return work in BROADCAST_WORKS - {"programme"} or (
                work == "programme" and _low(lows, k + 3) in {"on", "about"})
    return False


def said_in_public_life(lows: list[str], start: int, end: int) -> bool:
    """The full name at tokens ``start``..``end`` is said by one of this module's kinds of public life."""
    return (trade_beside(lows, start, end) or works_after(lows, start, end)
            or heard_through_music(lows, start, end) or played_for(lows, end) or all_over(lows, end)
            or made_for_air(lows, end))


TRIGGERS = (MORE_TRADES | STAR_HEADS | NAMED_WORKS_PLURAL | NAMED_WORKS_SINGULAR | MUSIC_VERBS | PLAYED
            | BROADCAST_WORKS | frozenset({"over"}))
"""Words one of the frames needs in the turn (``public_context._context_triggers``): a trade, a star, a work, a
verb of music or of playing for a side, a broadcast work, "all over"."""
