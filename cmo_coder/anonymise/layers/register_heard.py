"""Registered people heard as other words where the words around say a name stands there.

Speech recognition that does not know a name writes what it hears, and it fails in regular ways: it splits the
name into words ("doctor bar bara", "miss ann o leary"), runs it into the word before or after ("thankskatie",
"declansaid"), hears a surname as a phrase with the same sounds ("pure tech" for a Pertek), or drops or doubles
a letter. :mod:`.register_near` relates such words to the register anywhere in a turn, and so must ask them to
spell the name closely. Where the words around already say a name stands, much less is needed, and nothing
else then weighs against it. This module reads those places:

- after a title ("doctor", "mrs", "miss": :data:`.words.TITLE_WORDS`), and the title with what follows when
  the recogniser took a name's first sounds for a title ("miss tree" for a Mistry);
- after a naming word ("called", "named", "name is", "known as");
- after a possessive and a relative ("my brother", "her son": :data:`..placeholders.RELATIONS`);
- after a greeting that addresses someone ("thanks", "cheers", "hiya");
- as the subject of a speech verb at the start of a clause ("bar bara said");
- before a correction to a registered name ("pure tech sorry piotr").

From such a place, one to four words (a determiner may stand inside them, never first or last) are joined and
compared with every registered person's one-word forms and whole name, by letters (``rapidfuzz``) and by a
sound key of consonant classes (:func:`heard_key`). A close match is removed; a looser one is an undecided
item of its own in the review, with its context, never kept unseen. Everything else stays.

A name run into a neighbouring word is read anywhere: a word no dictionary or name list holds that is a
registered form with a dictionary word before or after it, nothing else, is removed whole.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..folding import fold
from ..name_titles import only_words_of_address
from ..placeholders import RELATIONS
from ..register import RegisterItem, familiar_shapes
from .public_figures import distinctive_surnames
from .public_names import all_public_names
from .register_near import CLOSE_SELDOM, LOOSE_SIMILARITY, NearIndex
from .state import text_of
from .turn_view import turn_view
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    TITLE_WORDS,
    in_dictionary,
    lowercase_usage,
    name_lexicon,
    place_words,
)

LAYER = "sound_alike"
"""Heard names are relations of sound to a registered person, as :mod:`.register_near`'s are."""

SURE_LETTERS = 90
"""Joined words at least this close to a registered form, after a cue, are that person: "bar bara" (100)."""
SURE_PLAIN_LETTERS = 82
"""The same where no word of the run is a dictionary word ("quenel" for Quennell, 92)."""
LIKELY_LETTERS = LOOSE_SIMILARITY
"""After a cue, this close by letters alone is an undecided item ("oluwa shay un" for Oluwaseun 80): the
letters the loose tier of :mod:`.register_near` asks of words anywhere in captions, here in both casings and
over a wider length window, since the cue already says a name stands."""
LIKELY_SAME_KEY_LETTERS = 50
"""With the same sound key, letters need agree only this much: a recogniser spells vowels its own way."""
LIKELY_KEY = 80
LIKELY_KEY_LETTERS = 55
"""Keys this close and letters this close together are an undecided item."""
CORRECTED_KEY = 50
CORRECTED_LETTERS = 40
"""Words the speaker corrects to a registered name ("pure tech sorry piotr"), after a cue, need only this."""
MIN_TARGET = 4
"""Registered forms shorter than this are the register's and the sound-alike layer's: too many words are
three letters away from "Ann"."""
MAX_RUN = 4
SEEN_USAGE = 100
"""A run-in word is read only where English almost never writes it in lower case (the subtitle counts)."""

NAMING = frozenset({"called", "named", "calls", "call"})
"""Words after which a name is said ("a lad called peer tech"). Written for the project."""
NAMING_PAIRS = frozenset({("name", "is"), ("known", "as"), ("name", "was"), ("names", "are")})
ADDRESS = frozenset({"thanks", "cheers", "hi", "hello", "hiya", "bye", "ta", "hey", "morning", "evening"})
"""Greetings that address the person after them ("thanks bar bara"): from :data:`.words.GREETINGS`, less the
words that start other things ("sorry", "night", "welcome")."""
POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your", "me"})
SPEECH = frozenset({"said", "says", "told", "asked", "rang", "phoned", "texted", "reckons", "reckoned", "replied",
                    "shouted", "goes", "went", "tells", "asks", "rings"})
"""Verbs whose subject at a clause's start is often a person named ("bar bara said"). Written for the project."""
CLAUSE_OPENERS = frozenset({"and", "but", "so", "then", "cos", "because", "when", "well", "like", "and then", "if"})
CORRECTIONS = frozenset({"sorry", "mean", "no"})
_AFTER_CUES = SPEECH | frozenset({"sorry", "no", "i"})
"""The words one of which must stand within a run's reach after a word for a cue after it (a speech verb, or a
correction: "sorry", "no", "i mean") to be possible there."""
GATED = True
"""Skip a word with no cue before it, no title and none of :data:`_AFTER_CUES` in reach; off only in the test that
shows the skip changes nothing."""
"""Words a speaker corrects a misheard name with ("pure tech sorry piotr", "i mean piotr")."""
NOT_IN_RUN = frozenset(FILLERS) | frozenset(CALENDAR) | KINSHIP | frozenset(TITLE_WORDS) | SPEECH | CORRECTIONS
"""Words that end a run: a name heard as words holds none of these."""
NOT_A_NAME_START = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM"})
_NOT_INSIDE = frozenset({"AUX", "VERB", "PRON", "CCONJ", "SCONJ", "PART"})
"""Stop words that end a run where they stand: a verb, a pronoun or a conjunction starts the clause's next part."""

_CLASSES = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"), "l": "4",
            **dict.fromkeys("mn", "5"), "r": "6"}
"""Consonant classes of Soundex (public, Russell and Odell 1918): sounds a recogniser confuses share one."""


def heard_key(word: str) -> str:
    """The consonant classes of ``word`` in order, vowels, "h", "w" and "y" dropped and repeats merged: "pure tech"
    and "pertek" are both 1632, "fairy weather" and "fairweather" 1636. Unlike Soundex, no first letter is kept
    and the key is not cut to four: a recogniser that splits a name keeps its consonants, not its spelling."""
    out: list[str] = []
    for ch in fold(word):
        c = _CLASSES.get(ch)
        if c is not None and (not out or out[-1] != c):
            out.append(c)
        elif c is None and ch in "aeiou" and out and out[-1] != "-":
            out.append("-")  # a vowel between two like sounds keeps them apart ("papa" 11)
    return "".join(out).replace("-", "")


@dataclass(frozen=True)
class Target:
    """A registered person's one-word form or whole name, folded, with its sound key."""

    form: str
    key: str
    item: RegisterItem


def _targets(items: Iterable[RegisterItem]) -> list[Target]:
    out: dict[tuple[str, str], Target] = {}
    for item in items:
        # never a title or relative a variant holds ("Doctor" of "Doctor Oyelaran")
        forms = {fold(w) for v in item.variants for w in v.split()
                 if w.isalpha() and w.lower() not in TITLE_WORDS and w.lower() not in KINSHIP}
        words = [fold(w) for w in item.surface.split() if fold(w)]
        if len(words) >= 2:
            forms.add("".join(words))
        for form in sorted(forms):
            if len(form) >= MIN_TARGET:
                out.setdefault((form, item.key), Target(form, heard_key(form), item))
    return list(out.values())


_TARGETS: weakref.WeakKeyDictionary[NearIndex, list[Target]] = weakref.WeakKeyDictionary()


def targets_of(index: NearIndex) -> list[Target]:
    """The targets of a register's people, built once per :class:`.register_near.NearIndex`."""
    found = _TARGETS.get(index)
    if found is None:
        found = _TARGETS[index] = _targets(index.items)
    return found


@dataclass(frozen=True)
class Heard:
    item: RegisterItem
    form: str
    letters: float
    keys: float
    same_key: bool


def best_match(joined: str, targets: Iterable[Target], in_scope: Callable[[RegisterItem], bool]) -> Heard | None:
    """The registered form ``joined`` comes closest to, within a length window, by letters then sound."""
    if len(joined) < MIN_TARGET:
        return None
    key = heard_key(joined)
    size = len(joined)
    best: Target | None = None
    best_scores = (0.0, 0.0)
    for t in targets:  # the first target with the highest (letters, keys); a Heard made only of that one
        form = t.form
        if abs(len(form) - size) > max(3, len(form) // 2) or not in_scope(t.item):
            continue
        scores = (fuzz.ratio(joined, form), fuzz.ratio(key, t.key) if key and t.key else 0.0)
        if best is None or scores > best_scores:
            best, best_scores = t, scores
    if best is None:
        return None
    return Heard(best.item, best.form, best_scores[0], best_scores[1], key == best.key and len(key) >= 3)


class _Table:
    """A register's targets as plain lists, with the targets a joined run of each length may be compared with
    (:func:`best_match`'s window), made once per register: a turn with a cue compares a run with every target,
    and the window and the letters of each were read one target at a time."""

    def __init__(self, targets: Iterable[Target]) -> None:
        self.targets = list(targets)
        self._windows: dict[int, tuple[list[int], list[str]]] = {}

    def window(self, size: int) -> tuple[list[int], list[str]]:
        """The positions and forms of the targets whose length window admits a joined run of ``size``."""
        found = self._windows.get(size)
        if found is None:
            rows = [(k, t.form) for k, t in enumerate(self.targets)
                    if abs(len(t.form) - size) <= max(3, len(t.form) // 2)]
            found = self._windows[size] = ([k for k, _ in rows], [f for _, f in rows])
        return found


_TABLES: weakref.WeakKeyDictionary[NearIndex, tuple[_Table, _Table]] = weakref.WeakKeyDictionary()


def _tables(index: NearIndex) -> tuple[_Table, _Table]:
    """The register's targets, and those of six letters or more (:func:`_title_heard`'s), as tables."""
    found = _TABLES.get(index)
    if found is None:
        targets = targets_of(index)
        found = _TABLES[index] = (_Table(targets), _Table([t for t in targets if len(t.form) >= 6]))
    return found


def _best(joined: str, table: _Table, in_scope: Callable[[RegisterItem], bool]) -> Heard | None:
    """:func:`best_match` over a table: the letters of every target in the window in one batch, then the scope
    and the sound keys asked only of the targets with the most letters, best first. The same answer: the first
    target in order with the highest (letters, keys) among those in scope."""
    if len(joined) < MIN_TARGET:
        return None
    positions, forms = table.window(len(joined))
    if not positions:
        return None
    letters = process.cdist([joined], forms, scorer=fuzz.ratio, dtype=np.float64)[0]
    for value in np.unique(letters)[::-1]:
        tied = [table.targets[positions[k]] for k in np.flatnonzero(letters == value).tolist()]
        tied = [t for t in tied if in_scope(t.item)]
        if not tied:
            continue
        key = heard_key(joined)
        best, best_keys = tied[0], -1.0
        for t in tied:  # in the targets' order: the first with the most keys wins
            keys = fuzz.ratio(key, t.key) if key and t.key else 0.0
            if keys > best_keys:
                best, best_keys = t, keys
        return Heard(best.item, best.form, float(value), best_keys, key == best.key and len(key) >= 3)
    return None


def likely(h: Heard, corrected: bool) -> bool:
    """Close enough, after a cue, to put before a reviewer."""
    return (h.letters >= LIKELY_LETTERS or (h.same_key and h.letters >= LIKELY_SAME_KEY_LETTERS)
            or (h.keys >= LIKELY_KEY and h.letters >= LIKELY_KEY_LETTERS)
            or (corrected and (h.keys >= CORRECTED_KEY or h.letters >= CORRECTED_LETTERS)))


def sure(h: Heard, words: list[Token]) -> bool:
    """Close enough, after a cue, to remove: the letters of a registered form, or nearly, and its sounds."""
    if h.keys < 75 and not h.same_key:
        return False
    plain = not any(in_dictionary(w.lower_) for w in words)
    return h.letters >= SURE_LETTERS or (plain and h.letters >= SURE_PLAIN_LETTERS)


def _alpha(tok: Token) -> bool:
    return tok.is_alpha and tok.lower_ not in NOT_IN_RUN


def _cue_before(lowers: list[str], i: int) -> str | None:
    """What before token ``i`` says a name follows, or None; ``lowers``: the turn's lower forms (its view's),
    so that no ``Token`` is made for the words before every word."""
    if i == 0:
        return None
    prev = lowers[i - 1]
    if prev in TITLE_WORDS:
        return "after a title"
    if prev in NAMING or (i >= 2 and (lowers[i - 2], prev) in NAMING_PAIRS):
        return "after a naming word"
    if prev in RELATIONS and i >= 2 and lowers[i - 2] in POSSESSIVES:
        return "after a relative"
    if prev in ADDRESS or (prev == "you" and i >= 2 and lowers[i - 2] == "thank"):
        return "addressed"
    return None


def _clause_start(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return (not prev.is_alpha or prev.lower_ in CLAUSE_OPENERS or "\n" in prev.whitespace_
            or "\n" in text_of(doc)[prev.idx + len(prev):doc[i].idx])


def _corrected(doc: Doc, end: int, registered_starts: set[int]) -> bool:
    """Whether ``doc[end:]`` corrects the run to a registered name: "sorry piotr", "i mean piotr", "no piotr"."""
    k = end
    if k < len(doc) and doc[k].is_punct:
        k += 1
    if k < len(doc) and doc[k].lower_ in {"sorry", "no"}:
        k += 1
    elif k + 1 < len(doc) and doc[k].lower_ == "i" and doc[k + 1].lower_ == "mean":
        k += 2
    else:
        return False
    if k < len(doc) and doc[k].is_punct:
        k += 1
    return k < len(doc) and doc[k].idx in registered_starts


def _runs(doc: Doc, i: int, taken: Callable[[int, int], bool]) -> list[int]:
    """The ends (exclusive) of the runs of one to :data:`MAX_RUN` words from token ``i`` on one line that a
    heard name may be: letters only, none of :data:`NOT_IN_RUN`, not first a determiner or pronoun, not last
    a stop word, none taken by the register."""
    first = doc[i]
    if not _alpha(first) or first.is_stop or first.pos_ in NOT_A_NAME_START:
        return []
    if first.pos_ in {"VERB", "ADV"} and _common(first.lower_):
        return []  # "my nan took me", "her cousin works there": what a relative does, not their name
    ends: list[int] = []
    for k in range(i, min(i + MAX_RUN, len(doc))):
        tok = doc[k]
        if not _alpha(tok) or taken(tok.idx, tok.idx + len(tok)):
            break
        if k > i and "\n" in text_of(doc)[doc[k - 1].idx + len(doc[k - 1]):tok.idx]:
            break
        if tok.is_stop and (len(tok) > 3 or tok.pos_ in _NOT_INSIDE):
            break  # "daniel was worried": a clause goes on; only a short particle may sit inside ("o", "a", "de")
        if not tok.is_stop:
            ends.append(k + 1)
    return ends


def _own_name(words: list[Token], index: NearIndex) -> bool:
    """One word that names someone or somewhere else in its own right (an unregistered "Peter" after "my
    brother", a town), or words that are a registered form already (the register's)."""
    said = " ".join(w.lower_ for w in words)
    if said in index.forms:
        return True
    if len(words) != 1:
        return False
    low = fold(words[0].text)
    return (low in name_lexicon("first") or low in familiar_shapes() or low in place_words()
            or low in public_words() or _common(words[0].lower_))


def _common(low: str) -> bool:
    """A word English often writes in lower case ("better", "comes"): one such word after a cue is that word
    (as :data:`.register_near.CLOSE_SELDOM` reads close forms)."""
    return lowercase_usage().get(low, 0) >= CLOSE_SELDOM


@cache
def public_words() -> frozenset[str]:
    """One-word public names and the last word of public people's and bodies' names ("Marmot" of a public
    health researcher): "like Marmot said" cites the public person, whom the public layers keep."""
    return frozenset(fold(e.split()[-1]) for e in all_public_names() if e.split()) | distinctive_surnames()


def _propose(doc: Doc, i: int, ends: list[int], index: NearIndex, table: _Table,
             in_scope: Callable[[RegisterItem], bool], cue: str, registered_starts: set[int],
             ) -> tuple[Candidate, int] | None:
    found: tuple[Heard, int, bool] | None = None  # match, end, sure
    for end in ends:
        words = list(doc[i:end])
        if _own_name(words, index):
            continue
        h = _best("".join(fold(w.text) for w in words), table, in_scope)
        if h is None:
            continue
        corrected = _corrected(doc, end, registered_starts)
        if not likely(h, corrected) or not _adds_to_the_register(words, h, registered_starts):
            continue
        is_sure = sure(h, words)
        if found is None or (is_sure, h.same_key, h.letters) > (found[2], found[0].same_key, found[0].letters):
            found = (h, end, is_sure)
    if found is None:
        return None
    h, end, is_sure = found
    s, e = doc[i].idx, doc[end - 1].idx + len(doc[end - 1])
    item = h.item
    reason = f"a registered name heard as other words, {cue}"
    if is_sure:
        return Candidate(s, e, item.category, LAYER, 0.8, reason, item_key=item.key,
                         placeholder=item.placeholder), end
    return Candidate(s, e, item.category, LAYER, 0.5, reason + ", perhaps everyday words here", item_key=item.key,
                     placeholder=item.placeholder, per_occurrence=True), end


def _adds_to_the_register(words: list[Token], h: Heard, registered_starts: set[int]) -> bool:
    """A run that takes in words the register found must spell the form closer than those words alone: "miss
    ferry day" (a registered "ferry" of Ferriday, 77, with "day" 88) is one name; "my son Daniel came" is a
    registered Daniel and a verb (100 alone, 75 with it), and a registered word with only verbs after it is never
    one: "his sister hope knows" joined comes closer to a registered Hope Angwin than "hope" alone."""
    own = "".join(fold(w.text) for w in words if w.idx in registered_starts)
    if not own:
        return True
    extra = [w for w in words if w.idx not in registered_starts]
    if extra and all(w.pos_ in {"VERB", "AUX"} for w in extra):
        return False  # "sister Hope knows": a registered name and what the person does, nothing heard between
    if extra and all(only_words_of_address(w.text) or w.pos_ in {"VERB", "AUX"} for w in extra):
        return False  # "Khadija Ammi says", "raju bhai took me": a registered name, the kin word she or he is
        # spoken to by, and what the person does
    if extra and words[0].idx in registered_starts and extra[0].lower_ in _ARTICLES:
        return False  # "thank you craig the health visitor came": "the" after a registered name opens the next
        # noun phrase, so "the health" was never heard for a surname ("a" and "an" are heard in names: "rhi an on")
    return fuzz.ratio("".join(fold(w.text) for w in words), h.form) > fuzz.ratio(own, h.form)


_ARTICLES = frozenset({"the"})


def _cue_after(doc: Doc, i: int, ends: list[int], registered_starts: set[int]) -> tuple[list[int], str | None]:
    """Runs from ``i`` that a speech verb or a correction follows, at a clause's start for a speech verb."""
    out: list[int] = []
    cue: str | None = None
    for end in ends:
        if end < len(doc) and doc[end].lower_ in SPEECH and _clause_start(doc, i) and end - i <= 3:
            out.append(end)
            cue = cue or "as a speech verb's subject"
        elif _corrected(doc, end, registered_starts):
            out.append(end)
            cue = "corrected to the registered name"
    return out, cue


def heard_candidates(doc: Doc, index: NearIndex, taken: list[tuple[int, int]],
                     registered: list[tuple[int, int]], in_scope: Callable[[RegisterItem], bool]) -> list[Candidate]:
    """Registered people heard as other words where a cue says a name stands, and names run into a word.
    ``taken``: stretches no run may enter (study labels); ``registered``: the register layer's, which a run may
    take in ("miss ferry day", where "ferry" is a registered familiar form: the two are one redaction)."""
    if not index or not len(doc):
        return []
    table, long_table = _tables(index)
    spans = list(taken)
    starts = {s for s, _ in registered}
    found_spans = list(registered)

    def busy(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in spans)

    out: list[Candidate] = []
    view = turn_view(doc)
    lowers, alpha = view.lowers, view.alpha
    n = len(lowers)
    reach = _next_after_cue(lowers)
    i = 0
    while i < n:
        low = lowers[i]
        if not GATED or (alpha[i] and len(low) >= MIN_TARGET + 2 and _rare_word(low, index)):  # else no run-in word
            # (:func:`_run_in`'s own tests of the word, asked of its lower form before a ``Token`` is made)
            tok = doc[i]
            run_in = (_run_in(tok, index, in_scope)
                      if not busy(tok.idx, tok.idx + len(tok)) and not _inside(found_spans, tok) else None)
            if run_in is not None:
                out.append(run_in)
                spans.append((run_in.start, run_in.end))
                i += 1
                continue
        if GATED and reach[i + 1] > i + MAX_RUN + 1 and low not in TITLE_WORDS and (
                i == 0 or lowers[i - 1] not in _CUE_LEADS):
            i += 1  # no cue before, no title, and no speech verb or correction where a run could end
            continue
        cue = _cue_before(lowers, i)
        if GATED and cue is None and low not in TITLE_WORDS and reach[i + 1] > i + MAX_RUN + 1:
            i += 1
            continue
        ends = _runs(doc, i, busy)
        found = None
        if ends and cue is not None:
            found = _propose(doc, i, ends, index, table, in_scope, cue, starts)
        if found is None and ends:
            after, why = _cue_after(doc, i, ends, starts)
            if after and why is not None:
                found = _propose(doc, i, after, index, table, in_scope, why, starts)
        if found is None and low in TITLE_WORDS and i + 1 < len(doc):
            found = _title_heard(doc, i, long_table, in_scope, busy)
        if found is not None:
            cand, end = found
            out.append(cand)
            spans.append((cand.start, cand.end))
            i = end
            continue
        i += 1
    return out


_CUE_LEADS = (frozenset(TITLE_WORDS) | NAMING | frozenset(b for _, b in NAMING_PAIRS) | frozenset(RELATIONS)
              | ADDRESS | {"you"})
"""Every word :func:`_cue_before` reads a cue from as the word before: a word after none of them has no cue."""


def _next_after_cue(lowers: list[str]) -> list[int]:
    """For each position ``k`` (and one past the end), the first position at or after it that says one of
    :data:`_AFTER_CUES`, or a position past any run's reach where none does; read once per turn.

    Why: :func:`heard_candidates` asked of every word whether the words within a run's reach after it hold such a
    cue, slicing the turn's list again at each word; with this list, "none in ``lowers[i + 1:i + MAX_RUN + 2]``" is
    ``reach[i + 1] > i + MAX_RUN + 1``, the same answer."""
    none = len(lowers) + MAX_RUN + 2
    reach = [none] * (len(lowers) + 1)
    for k in range(len(lowers) - 1, -1, -1):
        reach[k] = k if lowers[k] in _AFTER_CUES else reach[k + 1]
    return reach


def _inside(spans: list[tuple[int, int]], tok: Token) -> bool:
    return any(a < tok.idx + len(tok) and tok.idx < b for a, b in spans)


def _title_heard(doc: Doc, i: int, long_table: _Table, in_scope: Callable[[RegisterItem], bool],
                 busy: Callable[[int, int], bool]) -> tuple[Candidate, int] | None:
    """A title with the words after it, where the recogniser took a name's first sounds for the title ("miss
    tree" for a Mistry): only ever an undecided item, and only for a registered form of six letters or more."""
    ends = _runs(doc, i + 1, busy)
    if not ends:
        return None
    best: tuple[Heard, int] | None = None
    for end in ends:
        words = list(doc[i:end])
        h = _best("".join(fold(w.text) for w in words), long_table, in_scope)
        if h is not None and h.letters >= LIKELY_LETTERS and (
                best is None or h.letters > best[0].letters):
            best = (h, end)
    if best is None:
        return None
    h, end = best
    s, e = doc[i].idx, doc[end - 1].idx + len(doc[end - 1])
    return Candidate(s, e, h.item.category, LAYER, 0.5,
                     "a registered name heard as a title and words, perhaps everyday words here",
                     item_key=h.item.key, placeholder=h.item.placeholder, per_occurrence=True), end


def _rare_word(low: str, index: NearIndex) -> bool:
    """:func:`_run_in`'s tests of a word's lower form: no registered form, in no dictionary or name list, and
    almost never written in lower case. Most long words of a turn are dictionary words, turned away here."""
    return (low not in index.forms and not in_dictionary(low) and low not in name_lexicon("all")
            and lowercase_usage().get(low, 0) < SEEN_USAGE)


def _run_in(tok: Token, index: NearIndex, in_scope: Callable[[RegisterItem], bool]) -> Candidate | None:
    """A registered form run into a dictionary word before or after it ("thankskatie", "declansaid"): a word
    no dictionary or name list holds and English never writes in lower case, so nothing else it can be."""
    low = tok.lower_
    if len(low) < MIN_TARGET + 2 or not tok.is_alpha or low in index.forms:
        return None
    if in_dictionary(low) or low in name_lexicon("all") or lowercase_usage().get(low, 0) >= SEEN_USAGE:
        return None
    for t in _run_into(index, fold(tok.text)):
        if in_scope(t.item):
            return Candidate(tok.idx, tok.idx + len(tok), t.item.category, LAYER, 0.8,
                             "a registered name run into the word beside it", item_key=t.item.key,
                             placeholder=t.item.placeholder)
    return None


_RUN_INTO: weakref.WeakKeyDictionary[NearIndex, dict[str, tuple[Target, ...]]] = weakref.WeakKeyDictionary()


def _run_into(index: NearIndex, folded: str) -> tuple[Target, ...]:
    """The one-word targets ``folded`` begins or ends with, a dictionary word or a short joined word the rest, in
    the targets' order: what :func:`_run_in` tries, less the scope, which depends on the transcript. Remembered
    per register and word, since every turn asks it of every long rare word and the targets are many."""
    known = _RUN_INTO.setdefault(index, {})
    found = known.get(folded)
    if found is None:
        if len(known) >= 100_000:
            known.clear()  # a long-running process with an open vocabulary must not grow this without end
        hits = []
        for t in targets_of(index):
            if " " in t.form or len(t.form) > len(folded) - 2:
                continue
            if folded.startswith(t.form):
                rest = folded[len(t.form):]
            elif folded.endswith(t.form):
                rest = folded[:-len(t.form)]
            else:
                continue
            if in_dictionary(rest) or rest in _SHORT_JOINED:
                hits.append(t)
        found = known[folded] = tuple(hits)
    return found


_SHORT_JOINED = frozenset({"to", "and", "an", "as", "at", "by", "for", "with", "my", "mr", "mrs", "ms", "dr", "is",
                           "was", "says", "said", "hi", "ta", "oh", "so", "me", "no", "thanks", "cheers", "miss"})
"""Short words a recogniser runs a name into, whatever the dictionary holds of them. Written for the project."""
