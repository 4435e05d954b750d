"""Public people no list holds, known by the words around them: an office, a peer's title, a public setting.

Lists of figures never cover the minister of the year a participant remembers ("the health secretary at
the time, whatshisname, Edward Argar"), a devolved leader ("Paul Givan the first minister"), or the chair
of an inquiry ("Baroness Hallett said at the inquiry"). What makes those public is how they are said, so
this module reads the frame, not the name (offices from ``cmo_coder/data/public_offices.txt``):

* an office is never a name: "the First Minister", "the Chief Medical Officer" (offices of more than one
  word only: "King", "Chancellor" and "Queen" are also surnames, pubs and hospitals);
* a name right after an office ("Minister Andrea Leadsom", "the prime minister Rishi", "our MP Caroline
  Lucas", "the health secretary at the time, whatshisname, Edward Argar"), or right before one ("Alex
  Salmond the first minister", "when Raab was deputy prime minister", "Humza was health secretary");
* a peer's title ("Sir", "Dame", "Lord", "Baroness") before a name, no kin or friend beside it;
  "Professor" with a public setting in the sentence;
* a full name with a strong public setting in its sentence (parliament, the government, an inquiry,
  announced) and no kin or friend beside it. Being on the news or the telly is no such setting, nor is a
  doctor on air: a participant's son or the local GP is on the news too ("Dave Smith was on the news
  after the fire" stays removed), and a leaked name costs more than a public one removed;
* a name with its public work: "the Hallett inquiry", "the Hancock years", "Dido Harding's reforms";
* a full name said as a famous person's: a trade of fame, published work, being watched on air
  (:mod:`.public_fame`: "Jermaine Defoe the footballer", "Matt Haig's book").

Recall comes first. A name is kept only in these frames, never by itself; a word of kinship or
friendship next to it ("my mate", "our neighbour") undoes every frame; a name with a place's head after
it ("Queen Elizabeth Hospital", "Lansley Ward") is a place; registered names always win (the allow-list
never drops the register's proposals).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span

from ..placeholders import RELATIONS
from ..register import GENERIC_TAILS
from . import public_fame, public_media, public_said, public_world
from .context import person_cue
from .general_offices import OFFICE_HEAD_SET
from .public_fame import fame_frame
from .public_media import known_to_speaker, local_work, media_frame, own_review
from .public_world import near_before
from .state import lower_ids, text_of, word_ids
from .streets import STREET_HEADS
from .turn_view import char_span, holds_any, turn_view
from .words import name_lexicon, place_names

PEERS = frozenset({"sir", "dame", "lord", "baroness", "baron"})
"""Titles the Crown gives: public people by the title itself."""
ACADEMICS = frozenset({"professor", "prof"})
DOCTORS = frozenset({"dr", "doctor"})
_TITLES = PEERS | ACADEMICS | DOCTORS | {"rt", "hon", "the"}

STRONG_SETTING = frozenset({
    "parliament", "commons", "government", "downing", "election", "elections", "tories", "tory", "conservatives",
    "snp", "holyrood", "stormont", "senedd", "westminster", "msp", "msps", "mla", "mlas", "mp", "mps", "inquiry",
    "enquiry", "announced", "briefing", "briefings", "podium", "politician", "politicians", "manifesto",
    "government's", "parliament's", "ministers", "cabinet", "news", "telly", "tv", "television", "radio", "bbc",
    "itv", "newspaper", "newspapers", "headlines", "documentary", "podcast", "interviewed", "tweeted"})
"""Words that put a sentence in public life, none of them also a word of private life ("minister" has a
church, "secretary" a club, "labour" a birth, "policy" an insurer, "press" a button: left out)."""
LOCAL_ROLES = frozenset({"council", "councillor", "from", "works", "worked", "working", "job", "boss", "manager",
                         "staff", "office", "officer", "local", "church", "club", "school", "ward", "estate"})
"""Words that make a full name in a political sentence someone local ("Kevin Doyle from the council said
the government won't pay"): the political setting does not count then."""
ON_AIR = frozenset({"news", "telly", "tv", "television", "radio", "bbc", "itv", "newspaper", "newspapers", "papers",
                    "headlines", "documentary", "podcast", "press", "interviewed", "tweeted"})
"""Setting words that also come up in private talk ("I told Kevin about the news"): they count for a full
name only where the name is the one on air (:func:`_on_air`)."""
MEDIA = frozenset({"news", "telly", "tv", "television", "radio", "bbc", "itv", "documentary", "podcast", "headlines",
                   "interviewed", "programme"})
"""Where a doctor becomes a public one: on air."""
WORKS = frozenset({"inquiry", "enquiry", "review", "report", "commission", "reforms", "reform", "act", "years", "era",
                   "government", "administration", "recommendations", "stocktake", "white", "strategy"})
"""What follows "the X" when X is the public person behind it ("the Hallett inquiry", "the Blair years")."""
OWN_WORKS = frozenset({"inquiry", "enquiry", "reforms", "government", "administration", "cabinet", "policies",
                       "strategy", "commission", "white", "act", "manifesto"})
"""What follows "X's" when X is a full name and the public person's ("Dido Harding's reforms"): works no
private person has. A care worker has a review and a report ("Mark Black's review of my care plan"), a
barber cuts, a best man makes a speech: those count only after a peer's or a professor's title."""
TITLED_WORKS = OWN_WORKS | {"review", "report", "recommendations", "cuts", "speech", "announcement", "years", "era",
                            "budget", "research", "findings"}
PRIVATE = frozenset({*RELATIONS, "mates", "friends", "neighbours", "bloke", "fella", "lad", "lass",
                     "girl", "boy", "hostel", "group", "meeting", "landlord", "landlady"})
"""Words that make the person beside them someone the speaker knows."""
OWNERS = frozenset({"my", "our", "me", "your"})
"""Right before a name ("our Wes", "me and Wes"), not before an office ("our MP Caroline Lucas")."""
_PLACE_HEADS = frozenset({*GENERIC_TAILS, *STREET_HEADS, "ward", "school", "academy", "college", "university",
                          "house", "court", "hall", "centre", "park", "estate", "surgery", "medical", "health",
                          "infirmary", "pub", "arms", "inn", "hotel", "church", "chapel", "building", "wing",
                          "library", "bridge", "station", "hospice", "gardens", "memorial", "primary", "high"})
_GAP = frozenset({",", "the", "then", "former", "ex", "at", "time", "whatshisname", "whatsername", "whatsisname",
                  "whatshername", "what", "'s", "his", "her", "name", "um", "erm", "er", "uh", "like", "-", "—", "–",
                  "called", "was", "is", "who", "current", "new", "now", "later", "still", "deputy", "as", "became",
                  "become", "being", "when", "he", "she", "of", "you", "know", "our", "your", "old"})
"""Words that may stand between a name and its office: "the health secretary at the time, whatshisname,
Edward Argar", "Humza, who was health secretary"."""
_PARTICLES = frozenset({"van", "von", "de", "du", "da", "der", "den", "le", "la", "bin", "al", "el", "st", "mc", "o"})
_WINDOW = 14
_OFFICE_WORDS = frozenset({"minister", "ministers", "secretary", "mp", "msp", "mla", "mep", "officer", "leader",
                           "mayor", "president"})
"""Words of an office that never start or end a name here ("Minister Rishi" is the office and the name)."""


@cache
def offices() -> tuple[tuple[str, ...], ...]:
    """The listed offices as lower-case word tuples, longest first."""
    text = resources.files("cmo_coder.data").joinpath("public_offices.txt").read_text(encoding="utf-8")
    rows = {tuple(line.split()) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")}
    return tuple(sorted(rows, key=lambda r: (-len(r), r)))


@cache
def _by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Offices by their first word, longest first: a token that starts none is passed at once."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in offices():
        out.setdefault(row[0], []).append(row)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _by_last() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in offices():
        out.setdefault(row[-1], []).append(row)
    return {k: tuple(v) for k, v in out.items()}


def _lows(doc: Doc) -> list[str]:
    """The doc's words in lower case, straight apostrophes, made once per doc (a Token costs to make)."""
    lows = doc.user_data.get("cmo_lows")
    if lows is None or len(lows) != len(doc):
        strings = doc.vocab.strings  # each token's ``lower_``, read from its string id: no Token made
        lows = [strings[h].replace("’", "'") for h in lower_ids(doc)]
        doc.user_data["cmo_lows"] = lows
    return lows


def _low(doc: Doc, i: int) -> str:
    lows = doc.user_data.get("cmo_lows")  # :func:`_lows` inlined: the frames ask tens of thousands of times
    if lows is None or len(lows) != len(doc):
        lows = _lows(doc)
    return lows[i] if 0 <= i < len(lows) else ""


def office_at(doc: Doc, i: int) -> int:
    """Tokens of the longest listed office starting at token ``i`` (0 if none). A bare "minister" counts
    only before "for"/"of" (``office_before`` also takes it right before a name)."""
    low = _low(doc, i)  # read once: the name runs ask this of every capitalised word, and few begin an office
    for row in _by_first().get(low, ()):
        if tuple(_low(doc, i + k) for k in range(len(row))) == row:
            return len(row)
    if low == "minister" and _low(doc, i + 1) in {"for", "of"}:
        return 1
    if low in OFFICE_HEAD_SET and _low(doc, i + 1) == "general":
        return 2  # "the Attorney General", "the surgeon general": an office of a rank, never a name
    return 0


def office_ending_at(doc: Doc, end: int) -> int:
    """Start token of a listed office that ends just before token ``end``, or -1."""
    for row in _by_last().get(_low(doc, end - 1), ()):
        start = end - len(row)
        if start >= 0 and tuple(_low(doc, start + k) for k in range(len(row))) == row:
            return start
    return -1


def office_spans(doc: Doc) -> list[tuple[int, int]]:
    """Every office of more than one word, as character spans: never a name."""
    out = []
    lows, firsts = _lows(doc), _by_first()
    i = 0
    while i < len(doc):
        n = office_at(doc, i) if lows[i] in firsts or lows[i] in OFFICE_HEAD_SET else 0
        if n > 1:
            out.append((doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])))
            i += n
        else:
            i += 1
    return out


@cache
def _office_words() -> frozenset[str]:
    """Every word an office found by :func:`office_at` or :func:`office_ending_at` begins or ends with, and
    "minister" (:func:`_office_before` reads it alone)."""
    return frozenset({*_by_first(), *_by_last(), "minister", *OFFICE_HEAD_SET, "general"})


def _may_hold_office(lows: list[str]) -> bool:
    """Whether a turn says any word an office begins or ends with: a turn that says none has no office
    before or after any name in it (most turns), and its names need not be walked for one."""
    return not _office_words().isdisjoint(lows)


_WORD_SHAPE = re.compile(r"[^\W\d_][\w'’-]*")


def _name_shaped(doc: Doc, i: int, caseless: bool) -> bool:
    """Whether token ``i`` may be a word of a name (see :func:`_shaped_now`), answered once per token and
    casing: the name runs ask it of every capitalised word, then the frames again of each word of every
    proposal, most of them the same words."""
    memo: dict[tuple[int, bool], bool] | None = doc.user_data.get(_SHAPED_KEY)
    if memo is None:
        memo = doc.user_data[_SHAPED_KEY] = {}
    got = memo.get((i, caseless))
    if got is None:
        got = memo[i, caseless] = _shaped_now(doc, i, caseless)
    return got


_SHAPED_KEY = "cmo_name_shaped"


def _shaped_now(doc: Doc, i: int, caseless: bool) -> bool:
    view = turn_view(doc)  # the word's text, lower form and stop flag from the turn's lists: no Token made
    text, low = view.texts[i], view.lowers[i]
    if (not _WORD_SHAPE.fullmatch(text) or low in _TITLES or low in _OFFICE_WORDS
            or low in _PLACE_HEADS or office_at(doc, i)):
        return False
    if caseless:
        return low in name_lexicon("all") or not view.stop[i]
    return text[:1].isupper() or low in _PARTICLES


_WITH = frozenset({"and", "&", "n", "with"})
_SPEAKER = frozenset({"me", "i", "us", "we", "myself"})
"""The speaker beside a name ("me and X", "X and I", "us with X"): someone the speaker was with, never the
public person a frame of fame reads."""


def _private_near(doc: Doc, start: int, end: int) -> bool:
    """A word of kinship or friendship within three words of the name ("my mate Wes", "Wes from the group"),
    or the speaker joined to it ("me and Wes"); before the name, not the subject of a verb of liking or hearing
    ("my daughter plays X songs": :func:`.public_world.near_before`)."""
    lows = _lows(doc)
    lo, hi = max(0, start - 3), min(len(lows), end + 3)
    if (_low(doc, start - 1) in _WITH and _low(doc, start - 2) in _SPEAKER) or (
            _low(doc, end) in _WITH and _low(doc, end + 1) in _SPEAKER):
        return True  # "me and Kelvin Broadbent were on the news", "Kelvin Broadbent and me": the speaker's company
    lo = near_before(lows, start)  # "my daughter plays X songs": the daughter is the verb's subject
    return _low(doc, start - 1) in OWNERS or not (PRIVATE.isdisjoint(lows[lo:start])
                                                  and PRIVATE.isdisjoint(lows[max(end, lo):hi]))


def _sentence(doc: Doc, start: int, end: int) -> list[str]:
    lo = start
    while lo > 0 and start - lo < _WINDOW and doc[lo - 1].text not in {".", "?", "!"}:
        lo -= 1
    hi = end
    while hi < len(doc) and hi - end < _WINDOW and doc[hi - 1].text not in {".", "?", "!"}:
        hi += 1
    return [_low(doc, k) for k in range(lo, hi) if not start <= k < end]


def _office_before(doc: Doc, start: int) -> bool:
    """An office just before the name, perhaps across a few words of talk (see :data:`_GAP`)."""
    if _low(doc, start - 1) == "minister" or (_low(doc, start - 1) in {","} and _low(doc, start - 2) == "minister"):
        return True  # "Minister Andrea Leadsom"; a church's minister has "at our church" between
    k = start
    for _ in range(7):
        if office_ending_at(doc, k) >= 0:
            return _low(doc, k) not in {"'s", "'"}  # "the prime minister's wife Carrie" is not in office
        if k == 0 or _low(doc, k - 1) not in _GAP:
            return False
        k -= 1
    return False


def _office_after(doc: Doc, end: int) -> bool:
    """An office just after the name: "Alex Salmond the first minister", "Raab was deputy prime minister"."""
    k = end
    for _ in range(5):
        n = office_at(doc, k)
        if n:
            return _low(doc, k + n) not in {"'s", "'"}  # "Dave, the prime minister's driver" is not in office
        if _low(doc, k) not in _GAP - {"'s"}:
            return False
        k += 1
    return False


_AIR_VERBS = frozenset({"was", "is", "were", "'s", "said", "says", "saying", "talking", "speaking", "announced",
                        "announcing", "explained", "being", "interviewed", "always", "again", "on", "in", "the",
                        "every", "last", "night", "all", "over", "appeared", "came", "went", "been", "has", "had", "it",
                        "that", "this", "about"})


def _on_air(doc: Doc, end: int) -> bool:
    """The name is the one heard on air: "X said on the news", "X was on the telly", "X on the radio"."""
    k = end
    while k < len(doc) and k - end < 6 and _low(doc, k) in _AIR_VERBS:
        k += 1
    return _low(doc, k) in ON_AIR and any(_low(doc, j) in {"on", "in"} for j in range(end, k))


_NOT_A_TITLE = frozenset({"oh", "yes", "no", "yeah", "good", "dear", "thank", "thanks", "you", "o", "my", "please",
                          "sorry", ",", "okay", "ok", "cheers", "ta", "right"})
"""Words before "sir" or "lord" that make it an address or an oath ("yes sir", "oh lord"), not a peer's title."""


def _spoken_of(doc: Doc, name_start: int) -> bool:
    """The name is talked about, not talked to or gone about with: no cue that it is someone the speaker
    deals with ("I told Kevin Doyle", "with Jenny Marsh", "Mrs ...")."""
    cue = person_cue(doc[name_start])
    return cue not in {"before", "addressed", "with me"} and _low(doc, name_start - 1) not in {"with", "and", "to"}


def _place_after(doc: Doc, end: int) -> bool:
    return _low(doc, end) in _PLACE_HEADS or (_low(doc, end) in {"'s", "'"} and _low(doc, end + 1) in _PLACE_HEADS)


def _hyphen_joined(doc: Doc, span: Span) -> Span:
    """``span`` with the rest of a hyphenated name it cuts ("-Mogg" of "Rees-Mogg", "Rees" of it)."""
    start, end = span.start, span.end
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start].text == "-" or doc[start - 1].text == "-"):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text == "-" or doc[end - 1].text == "-"):
        end += 1
    return doc[start:end]


def _expand(doc: Doc, span: Span, caseless: bool) -> tuple[int, int, int]:
    """(first title token, first name token, end) of the name run holding ``span``: a given name before a
    lone surname ("Professor Neil Ferguson" proposed as "Ferguson"), a surname after a lone given name
    (cased text only), and the titles before both."""
    start, end = span.start, span.end
    firsts = name_lexicon("first")
    if end - start == 1 and start > 0 and _low(doc, start - 1) in firsts and _name_shaped(doc, start - 1, caseless):
        start -= 1
    elif (end - start == 1 and not caseless and _low(doc, start) in firsts and end < len(doc)
          and _name_shaped(doc, end, caseless) and not doc[end].is_stop):
        end += 1
    name_start = start
    while start > 0 and _low(doc, start - 1).rstrip(".") in _TITLES - {"the"}:
        start -= 1
    return start, name_start, end


def name_runs(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """Character spans of runs of one to three name-shaped words (capitalised; in captions, words the name
    lists hold): the names no layer proposed here but that review may reach from elsewhere."""
    view = turn_view(doc)  # the turn's plain lists: no Token made for a run's ends
    if caseless:  # whether each word may start or go on a run
        listed = word_ids(name_lexicon("all"))
        may = [h in listed for h in lower_ids(doc)]
    else:
        may = [t[:1].isupper() for t in view.texts]
    starts, lengths = view.starts, view.lengths
    n = len(may)
    out = []
    i = 0
    while i < n:
        j = i
        while j < n and j - i < 3 and may[j] and _name_shaped(doc, j, caseless):
            j += 1
        if j > i:
            out.append((starts[i], starts[j - 1] + lengths[j - 1]))
            i = j
        else:
            i += 1
    return out


def public_by_context(doc: Doc, names: Iterable[tuple[int, int]], caseless: bool,
                      weak: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans of the names among ``names`` (character spans of proposed names) that the words
    around them make public (see the module doc), titles included; those kept only by how fame is spoken
    of (a trade, a work, the media) are also added to ``weak``."""
    out: list[tuple[int, int]] = []
    office = _may_hold_office(_lows(doc))
    if not office and not _may_frame(doc):
        return out  # most turns: no word any frame below needs, so no name in them is made public
    hyphens = "-" in text_of(doc)
    for a, b in sorted(set(names)):
        span = char_span(doc, a, b, "expand")
        if span is None or not len(span) or len(span) > 5:
            continue
        while len(span) and span[0].lower_ in {"the", "a"}:
            span = doc[span.start + 1 : span.end]
        if not len(span):
            continue  # "one A A": only an article was proposed
        if any(_low(doc, k) in OWNERS or _low(doc, k) in PRIVATE for k in range(span.start, span.end)):
            continue  # "Our Kelvin said on telly": at a sentence's start the owner is capitalised into the run
        span = _hyphen_joined(doc, span) if hyphens else span  # no "-" in the turn: nothing to join
        if not len(span) or not all(_name_shaped(doc, t.i, caseless) or t.lower_.rstrip(".") in _TITLES
                                    or t.text == "-" for t in span):
            continue
        start, name_start, end = _expand(doc, span, caseless)
        if end <= name_start or _private_near(doc, start, end) or _place_after(doc, end):
            continue
        words = [_low(doc, k) for k in range(name_start, end)]
        if any(w in place_names() for w in words) and len(words) == 1:
            continue  # a town is never a person here: the place layers decide it
        titles = {_low(doc, k).rstrip(".") for k in range(start, name_start)}
        if _low(doc, start - 1) in _NOT_A_TITLE or (not caseless and any(
                doc[k].text.islower() for k in range(start, name_start))):
            titles = set()  # "yes sir Dave said", "oh lord Sharon was furious": an address, not a title
        full = end - name_start >= 2
        possessive = _low(doc, end) in {"'s", "'"}
        academic = bool(titles & ACADEMICS)
        spoken_of = full and not titles & DOCTORS and _spoken_of(doc, name_start)
        # the words of the sentence are read only where a clause below asks for them
        setting = set(_sentence(doc, start, end)) if academic or spoken_of else set()
        lows = _lows(doc)
        strong = ((office and (_office_before(doc, start) or _office_after(doc, end)))
                  or (bool(titles & PEERS) and (full or not _nicknamed(lows, start, end)))
                  or (academic and bool(setting & STRONG_SETTING))
                  or (spoken_of and bool(setting & (STRONG_SETTING - ON_AIR)) and not setting & LOCAL_ROLES)
                  or (possessive and full and _low(doc, end + 1) in OWN_WORKS and not local_work(lows, end + 2))
                  or (possessive and bool(titles & (PEERS | ACADEMICS)) and _low(doc, end + 1) in TITLED_WORKS
                      and not local_work(lows, end + 2))
                  or (_low(doc, start - 1) == "the" and not titles and _low(doc, end) in WORKS
                      and not local_work(lows, end + 1)))
        # a trade of fame, a published work, being on air or in the papers: frames private people are
        # said in too, so a private mention elsewhere in the transcript undoes them (AllowListComponent.echo)
        famed = not strong and (
            (full and not titles and fame_frame(doc, name_start, end, caseless)
             and not known_to_speaker(lows, name_start, end))
            or (full and not titles and _said_in_media(doc, lows, name_start, end)))
        if strong or famed:
            out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
        if famed and weak is not None:
            weak.append(out[-1])
    return out


@cache
def _context_triggers() -> frozenset[str]:
    """Every word one of :func:`public_by_context`'s frames needs in the turn, apart from an office's (asked
    first): each clause below holds a word of one of these lists, read from the lists themselves so a word
    added to one is a trigger too. A new clause must add its list here (``tests/test_anonymise_speed_tenth``
    checks the gate against the frames with it open).

    Strong: a peer's or an academic's title (:data:`PEERS`, :data:`ACADEMICS`: also what a titled work needs),
    a setting of public life (:data:`STRONG_SETTING` less :data:`ON_AIR`), "X's" work (:data:`OWN_WORKS`),
    "the X inquiry" (:data:`WORKS`). Fame (:func:`.public_fame.fame_frame`): a trade, a published or broadcast
    work, being watched or heard on air, or :func:`.public_said.said_as_public`'s famous, wrote, gave (a talk),
    law and chair, and :mod:`.public_world`'s kinds of public life (:data:`.public_world.TRIGGERS`). Media
    (:func:`.public_media.media_frame`, :func:`.public_media.own_review`): a medium or a
    reviewed work."""
    words = (PEERS | ACADEMICS | (STRONG_SETTING - ON_AIR) | OWN_WORKS | WORKS
             | public_fame.TRADES | public_fame.TV_TRADES | public_fame.PUBLISHED | public_fame.WORKS
             | public_fame.ON_AIR_WORKS | public_fame.AIR
             | public_said.FAMOUS | public_said.WROTE | public_said.GAVE | public_said.LAWS | public_said.CHAIRS
             | {"chairs", "chaired"} | public_media.MEDIA | public_media.REVIEW_WORKS | public_world.TRIGGERS)
    return words | {w.replace("'", "’") for w in words}  # the view's words keep a curly apostrophe


def _may_frame(doc: Doc) -> bool:
    """Whether the turn says a word of :func:`_context_triggers`, or a peer's or academic's title with dots
    after it ("Prof.": the frames read a title without them)."""
    return holds_any(doc, _context_triggers()) or any(
        w[-1:] == "." and w.rstrip(".") in PEERS | ACADEMICS for w in turn_view(doc).words)


_NICKNAMING = frozenset({"call", "called", "calls", "calling", "nickname", "nicknamed", "known"})


def _nicknamed(lows: list[str], start: int, end: int) -> bool:
    """A peer's title before a given name alone that the sentence says is a nickname or someone the speaker
    knows ("Sir Colin, we used to call our old headteacher that"): no title of honour."""
    return known_to_speaker(lows, start, end) or any(
        lows[k] in _NICKNAMING for k in range(max(0, start - 8), min(len(lows), end + 8)))


def _said_in_media(doc: Doc, lows: list[str], name_start: int, end: int) -> bool:
    """A full name with no title said as a person in the media or with their own published review (see
    :mod:`.public_media`); a doctor on the news may be the local GP ("Dr Priya Nair was on the telly about
    the clinic"), so a title undoes it as it does the other frames of fame."""
    if not all(doc[k].is_alpha or doc[k].text == "-" for k in range(name_start, end)):
        return False
    return media_frame(lows, name_start, end) or own_review(lows, end)


@cache
def _common_names() -> frozenset[str]:
    from .words import census_surnames

    return census_surnames(3000) | name_lexicon("first")


def echoed_surnames(doc: Doc, spans: Iterable[tuple[int, int]]) -> set[str]:
    """Surnames of full names kept here by their frame that few people bear ("raab", "leadsom", "hallett"):
    said alone in another turn of the same transcript, they are that public person (see
    ``AllowListComponent.echo``). Common surnames, given names, places and dictionary words are left out:
    "Jones" of "Carwyn Jones" said alone later may well be a neighbour."""
    from .words import in_dictionary

    common = _common_names()
    out: set[str] = set()
    spans = list(spans)
    text = doc.text if spans else ""  # built from the tokens at each call: once
    for a, b in spans:
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[a:b].lower()) if w not in _TITLES]
        if len(words) < 2:
            continue
        last = words[-1].replace("’", "'")
        if last not in common and last not in place_names() and not in_dictionary(last) and len(last) > 2:
            out.add(last)
    return out
