"""Registered people said in ways no variant holds: a name run on into a word the register lacks, a close form, a
name heard as several words.

The register layer and its shapes (:mod:`.register_shapes`) and the sound-alike layer (:mod:`.sound_alike`)
match what the register can spell. Three ways of saying a registered person still slipped past all of them
into signed-off text, and each identifies the person as the register's spelling does:

- **a name run on**: a registered given name and right after it, on the same line or at the start of the
  next (a caption cue or a wrapped line), a second given name or a surname the register does not hold
  ("Nkechi Adaeze", "Nkechi" / "Amadi"). Where no other layer read the second word as a name, it stayed
  beside the placeholder and still pointed at the person;
- **a close form nobody listed**: a familiar form or a misspelling one or two letters from a registered
  name part, that begins as it does and is written as a name or is a word English seldom writes in lower
  case ("baird" said "bard", "Gethin" typed "Gethn"); its sound key may differ, so the sound-alike layer
  cannot relate it;
- **a name heard as several everyday words**: speech recognition writes a long surname or a whole name it
  does not know as two to four words ("mac in tosh", "kill bride"), whose letters joined still spell close
  to it and sound like it.

The first is sure where the word after the name is no dictionary word (a place there is an undecided item).
The other two are guesses a rule cannot settle, so where the words are dictionary words they become undecided
items of their own in the review (sign-off refuses while one is open), never silently kept; a close form no
dictionary holds is removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import overload

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..festival_spellings import a_festival_not_the_person
from ..folding import fold
from ..name_titles import only_words_of_address
from ..pronunciation import sound_key
from ..register import Register, RegisterItem, familiar_shapes
from .context import word_after, word_before
from .name_edges import GREETINGS
from .name_goes_on import public_pairs
from .place_frames import GENERIC
from .scots_speech import scots_negative
from .state import text_of
from .turn_view import TurnView, char_tokens, turn_view
from .words import (
    ADDRESS_WORDS,
    CALENDAR,
    FILLERS,
    KINSHIP,
    TITLE_WORDS,
    in_dictionary,
    is_everyday,
    lowercase_usage,
    name_lexicon,
    place_names,
    place_words,
)

CLOSE_SIMILARITY = 80
"""Least ``rapidfuzz`` ratio between a word and a registered name part for a close form: one letter dropped
from a five-letter name ("bard" of Baird, 89), one changed in a six-letter one (83); "bard" and "bird" (75) or
a word sharing half its letters with a name are not close."""
CLOSE_SELDOM = 1000
"""A word is a close form only below this many lower-case uses (:func:`.words.lowercase_usage`): a word English
seldom writes in lower case is mostly a name ("bard" 481); "hand", "card" or "mic" (3,383, in no dictionary
here) are not."""
MIN_CLOSE = 3
"""Words and name parts shorter than this are too many others' letters."""
HEARD_SIMILARITY = 78
"""Least ratio between several words joined and a registered surname or whole name for the words to be that
name heard by a recogniser: "macintosh"/"mackintosh" (from "mac in tosh") 95, "killbride"/"kilbride" 94."""
HEARD_KEY_SIMILARITY = 75
"""The same between their sound keys, so that letters shared by chance in another order do not count."""
SAME_SOUND_SIMILARITY = 60
"""Where the sound keys are one, of four sounds or more, letters need agree less: vowels are what a recogniser
spells its own way ("done levy" for Dunleavy, 75; "adda yemmy" for Adeyemi, 62)."""
MIN_SAME_KEY = 4
LONG_NAME = 12
"""A whole name this long heard as words ("shevon murphy" for Siobhan Murphy, 72, keys 77) needs less: a chance
run of words seldom spells twelve letters that close."""
LONG_SIMILARITY = 70
LONG_KEY_SIMILARITY = 75
LOOSE_SIMILARITY = 64
"""In captions, words whose letters joined are this close to a registered surname or whole name, whatever their
sound keys, are an undecided item (never removed unseen): a recogniser that hears a long name it does not
know as four everyday words keeps about two letters in three, and may spell none of its sounds alike. Chosen
by the review it costs (undecided items per caption transcript this tier adds, at 60 / 62 / 64 / 66 / 70):
focus groups 2.75 / 1.30 / 0.85 / 0.80 / 0.05, the hand-written set 1.50 / 0.50 / 0.50 / 0.50 / 0, the invented
interviews 0.20 / 0.15 / 0.15 / 0.15 / 0.05; below 64 the focus groups' load doubles for each two points."""
MIN_HEARD = 7
"""A name heard as several words is long: shorter ones are the sound-alike layer's pairs."""
MAX_WORDS = 4


def _part_words(item: RegisterItem) -> set[str]:
    """The one-word forms of a registered person, folded: given names, surnames, familiar forms."""
    return {fold(w) for v in item.variants for w in v.split() if w.isalpha() and len(fold(w)) >= MIN_CLOSE}


class NearIndex:
    """What the three rules compare words with, built once per register."""

    def __init__(self, items: Iterable[RegisterItem]) -> None:
        self.items = [i for i in items if i.category == "person"]
        self.parts: dict[str, list[tuple[str, RegisterItem]]] = {}  # first letter → (part, item)
        self.heard: dict[str, list[tuple[str, str, RegisterItem]]] = {}  # first letter → (whole, key, item)
        self.forms: set[str] = set()  # every registered form, lower case: the register's own
        self.own: set[str] = set()  # every registered one-word form, folded
        for item in self.items:
            self.forms.update(v.lower() for v in item.variants)
            self.own |= _part_words(item)
            for part in sorted(_part_words(item)):
                self.parts.setdefault(part[0], []).append((part, item))
            words = [fold(w) for w in item.surface.split() if fold(w)]
            wholes = {"".join(words)} if len(words) >= 2 else set()
            wholes |= {w for w in words if len(w) >= MIN_HEARD}
            for whole in sorted(wholes):
                if len(whole) >= MIN_HEARD:
                    self.heard.setdefault(whole[0], []).append((whole, sound_key(whole), item))
        # the longest words said as one that :meth:`heard_as` may still take for a heard name of each letter
        self.longest = {letter: max(len(w) + max(2, len(w) // 4) for w, _, _ in rows)
                        for letter, rows in self.heard.items()}
        self._as: dict[str, tuple[tuple[float, RegisterItem], ...]] = {}  # joined → what :meth:`heard_as` may take
        self._loosely: dict[str, tuple[tuple[float, RegisterItem], ...]] = {}  # the same for :meth:`heard_loosely`
        self._close: dict[str, tuple[tuple[float, RegisterItem], ...]] = {}  # the same for :meth:`close`

    @classmethod
    def from_register(cls, register: Register) -> NearIndex:
        return cls(register.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def close(self, word: str, in_scope: Callable[[RegisterItem], bool]) -> RegisterItem | None:
        """The registered person ``word`` is a close form of, or None."""
        low = fold(word)
        if len(low) < MIN_CLOSE or low in self.own:
            return None
        rows = self._close.get(low)
        if rows is None:
            rows = _kept(self._close, low, self._close_rows(low))
        best = _first_best(rows, in_scope)
        return best[1] if best else None

    def _close_rows(self, low: str) -> tuple[tuple[float, RegisterItem], ...]:
        """Every registered name part ``low`` is close to, with its score, in the index's order, whatever its
        scope: the scores depend on the word and the register alone, so a word said again, in this transcript or
        the next, is compared with the parts once, and each transcript asks only the scope of these few."""
        out = []
        for part, item in self.parts.get(low[0], ()):
            score = fuzz.ratio(low, part)
            if score >= CLOSE_SIMILARITY:
                out.append((score, item))
        return tuple(out)

    def heard_loosely(self, joined: str, in_scope: Callable[[RegisterItem], bool],
                      ) -> tuple[float, RegisterItem] | None:
        """The registered person whose surname or whole name ``joined`` spells at least :data:`LOOSE_SIMILARITY`
        close, sound keys aside; for captions, where such a run is only ever an undecided item."""
        if len(joined) < MIN_HEARD:
            return None
        rows = self._loosely.get(joined)
        if rows is None:
            rows = _kept(self._loosely, joined, self._loose_rows(joined))
        return _first_best(rows, in_scope)

    def _loose_rows(self, joined: str) -> tuple[tuple[float, RegisterItem], ...]:
        """Every heard name ``joined`` is loosely close to, with its letters' score, in the index's order,
        whatever its scope: what :meth:`heard_loosely` chooses from, the same for every transcript."""
        out = []
        for whole, _key, item in self.heard.get(joined[0], ()):
            if abs(len(whole) - len(joined)) > max(2, len(whole) // 4):
                continue
            score = fuzz.ratio(joined, whole)
            if score >= LOOSE_SIMILARITY:
                out.append((score, item))
        return tuple(out)

    def heard_as(self, joined: str, in_scope: Callable[[RegisterItem], bool]) -> tuple[float, RegisterItem] | None:
        """The registered person whose surname or whole name ``joined`` (words said as one) spells, with how
        closely, or None."""
        if len(joined) < MIN_HEARD:
            return None
        rows = self._as.get(joined)
        if rows is None:
            rows = _kept(self._as, joined, self._heard_rows(joined))
        return _first_best(rows, in_scope)

    def _heard_rows(self, joined: str) -> tuple[tuple[float, RegisterItem], ...]:
        """Every heard name ``joined`` spells by :meth:`heard_as`'s tests, with its letters' score, in the index's
        order, whatever its scope: the letters and sound keys depend on the words and the register alone, so they
        are compared once per joined form, and each transcript then asks only the scope of these few."""
        key = sound_key(joined)
        out = []
        for whole, whole_key, item in self.heard.get(joined[0], ()):
            if abs(len(whole) - len(joined)) > max(2, len(whole) // 4):
                continue
            score = fuzz.ratio(joined, whole)
            keys = fuzz.ratio(key, whole_key)
            heard = ((score >= HEARD_SIMILARITY and keys >= HEARD_KEY_SIMILARITY)
                     or (key == whole_key and len(key) >= MIN_SAME_KEY and score >= SAME_SOUND_SIMILARITY)
                     or (len(whole) >= LONG_NAME and score >= LONG_SIMILARITY and keys >= LONG_KEY_SIMILARITY))
            if heard:
                out.append((score, item))
        return tuple(out)


def _kept(memo: dict[str, tuple[tuple[float, RegisterItem], ...]], joined: str,
          rows: tuple[tuple[float, RegisterItem], ...]) -> tuple[tuple[float, RegisterItem], ...]:
    """``rows`` remembered for ``joined`` in ``memo``; a long-running process with an open vocabulary clears it
    rather than let it grow without end."""
    if len(memo) >= 100_000:
        memo.clear()
    memo[joined] = rows
    return rows


def _first_best(rows: tuple[tuple[float, RegisterItem], ...], in_scope: Callable[[RegisterItem], bool],
                ) -> tuple[float, RegisterItem] | None:
    """Of ``rows`` in scope, the first with the highest score: what the walk over every heard name chose, since a
    row out of scope or below the tests was passed over there without changing the best so far."""
    best: tuple[float, RegisterItem] | None = None
    for score, item in rows:
        if (best is None or score > best[0]) and in_scope(item):
            best = (score, item)
    return best


def _plain_word(tok: Token) -> bool:
    """A word that could be part of a name: letters, not a function word, filler, title, month or relative, nor a
    kind of place ("the mandir" is no near spelling of a registered Mandy)."""
    low = tok.lower_
    return (tok.is_alpha and not tok.is_stop and low not in FILLERS and low not in CALENDAR and low not in KINSHIP
            and low not in TITLE_WORDS and low not in GENERIC and not scots_negative(low))


def _written_as_a_name(tok: Token) -> bool:
    """A capital in cased text that is not only the sentence's: "Carers came" opens a sentence with a word."""
    prev = word_before(tok)
    opens = prev is None or prev.text in {".", "?", "!", ":", "\"", "“"}
    return tok.text[:1].isupper() and not (opens and in_dictionary(tok.lower_))


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _named_itself(tok: Token) -> bool:
    """A given name, a familiar shape or a place in its own right ("Sharon", "Bazza", "Tyne", a town the model
    reads as one): another person or a place, which the other layers type, never a registered person's form
    (the register's layers name the redaction, so a town would have taken the person's placeholder)."""
    low = fold(tok.text)
    return (low in name_lexicon("first") or low in place_words() or low in familiar_shapes()
            or tok.ent_type_ in _PLACE_ENTITIES)


def _seldom_lower(low: str) -> bool:
    """Written in lower case seldom enough to be a name first, dictionary word or not ("mic", 3,383, is not)."""
    return lowercase_usage().get(low, 0) < CLOSE_SELDOM


LAYER = "sound_alike"
"""Close forms and heard names are relations of spelling and sound: they count as the sound-alike layer's, which
runs them after its own matches (a sure match of its own is never made an open case by one of these)."""


def _candidate(start: int, end: int, item: RegisterItem, reason: str, sure: bool) -> Candidate:
    if sure:
        return Candidate(start, end, item.category, LAYER, 0.8, reason, item_key=item.key,
                         placeholder=item.placeholder)
    return Candidate(start, end, item.category, LAYER, 0.5, reason + ", perhaps everyday words here",
                     item_key=item.key, placeholder=item.placeholder, per_occurrence=True)


def run_on(doc: Doc, found: list[Candidate], caseless: bool) -> list[Candidate]:
    """The word right after a registered person found by the register layer, on the same line or the next,
    where it goes on the name: a second given name or a surname the register lacks ("Nkechi Adaeze" for a
    registered Nkechi Obiora, "Nkechi" / "Amadi" over a caption break). Only a word no dictionary holds and
    written with a capital in cased text: "Nkechi Monday", "Nkechi about", "nkechi said" stay."""
    out: list[Candidate] = []
    for c in found:
        if c.category != "person" or c.per_occurrence or c.score < 1.0:
            continue
        tokens = char_tokens(doc, c.start, c.end, "expand")
        if tokens is None or tokens[0] == tokens[1]:
            continue
        last = doc[tokens[1] - 1]
        nxt = word_after(last)
        if nxt is None or not _plain_word(nxt) or len(nxt) < 2:
            continue
        between = text_of(doc)[last.idx + len(last):nxt.idx]
        if between.count("\n") > 1 or between.strip():
            continue  # a blank line is a new turn; a comma or "and" another person
        if is_everyday(nxt.lower_) or nxt.lower_ in TITLE_WORDS or in_dictionary(fold(nxt.text)):
            continue
        if only_words_of_address(nxt.text):
            continue  # "Khadija Ammi says", "Shabana Baji": how she is spoken to, not a surname
        if not caseless and (not nxt.text[:1].isupper() or nxt.text.isupper()):
            continue  # "NHS", "GP": initials, not a name
        if f"{last.lower_} {nxt.lower_}" in public_pairs():
            continue  # "Jo Malone" for a registered Jo: a brand
        how = "over a line break" if "\n" in between else "with a word the register lacks"
        if fold(nxt.text) in place_names():  # "Nkechi" / "London was too far": a surname, or a new sentence
            out.append(Candidate(nxt.idx, nxt.idx + len(nxt), c.category, "register", 0.5,
                                 f"the registered name perhaps goes on {how}, or a place",
                                 item_key=c.item_key, placeholder=c.placeholder, per_occurrence=True))
            continue
        out.append(Candidate(nxt.idx, nxt.idx + len(nxt), c.category, "register", 1.0,
                             f"the registered name goes on {how}", item_key=c.item_key, placeholder=c.placeholder))
    return out


def near_candidates(doc: Doc, index: NearIndex, taken: list[tuple[int, int]], caseless: bool,
                    in_scope: Callable[[RegisterItem], bool]) -> list[Candidate]:
    """Close forms and names heard as several words, where the register layer holds nothing."""
    out: list[Candidate] = []
    spans = list(taken)

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in spans)

    view = turn_view(doc)
    order = [j for j, space in enumerate(view.space) if not space]
    words = _Words(doc, order)
    pos = view.pos() if index.heard else []
    i = 0
    while i < len(words):
        j = order[i]
        low, s = view.lowers[j], view.starts[j]
        e = s + view.lengths[j]
        if (view.alpha[j] and not view.stop[j] and view.lengths[j] >= MIN_CLOSE and low not in _NOT_PLAIN
                and not scots_negative(low)
                and (caseless or view.texts[j][:1].isupper()) and low not in index.forms and free(s, e)
                and _seldom_lower(low)):
            tok = words[i]  # only a word the cheap tests above let through (a capital, in cased text) is a Token
        else:
            tok = None
        if (tok is not None and _plain_word(tok) and len(tok) >= MIN_CLOSE and tok.lower_ not in index.forms
                and free(s, e) and _seldom_lower(tok.lower_) and (caseless or _written_as_a_name(tok))
                and not _named_itself(tok)):
            item = index.close(tok.text, in_scope)
            if item is not None and a_festival_not_the_person(doc.text, s, e, _part_words(item)):
                item = None  # "for hanukka" with a registered Hanka: the festival (..festival_spellings)
            if item is not None:
                sure = not (in_dictionary(tok.lower_) or is_everyday(tok.lower_))
                out.append(_candidate(s, e, item, "close to a registered name part", sure))
                spans.append((s, e))
                i += 1
                continue
        heard = (_heard_in_view(view, order, pos, i, index, caseless, in_scope, free)
                 if _may_start_heard(view, j, pos, index, caseless) else None)
        if heard is not None and _greeting_to_a_name(view, order, i, end=heard[0]):
            heard = None  # "cheers ian, see you": a greeting and the name it greets, not one name heard
        if heard is not None:
            end, item, loose = heard
            last = order[end - 1]
            e = view.starts[last] + view.lengths[last]
            sure = not loose and not any(in_dictionary(view.lowers[order[k]]) or is_everyday(view.lowers[order[k]])
                                         for k in range(i, end))
            out.append(_candidate(s, e, item, "a registered name heard as several words", sure))
            spans.append((s, e))
            i = end
            continue
        i += 1
    return out


def _greeting_to_a_name(view: TurnView, order: list[int], i: int, end: int) -> bool:
    """The run of words ``i`` … ``end`` starts with a greeting or thanks and goes on with a listed given name
    ("cheers ian", "thanks sue"): said so, the first word is what greets the name after it, as in every
    farewell, and the name after it is proposed by the name layers on its own."""
    if end - i < 2 or view.lowers[order[i]] not in GREETINGS:
        return False
    return view.lowers[order[i + 1]] in name_lexicon("first")


class _Words(Sequence[Token]):
    """The turn's words that are no space, as ``Token`` objects made on first use: the loop of
    :func:`near_candidates` visits every word but makes a ``Token`` only of those its cheap tests let through."""

    def __init__(self, doc: Doc, order: list[int]) -> None:
        self.doc, self.order = doc, order
        self.made: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self.order)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.order)))]
        tok = self.made.get(i)
        if tok is None:
            tok = self.made[i] = self.doc[self.order[i]]
        return tok


_NOT_PLAIN = (frozenset(FILLERS) | frozenset(CALENDAR) | frozenset(KINSHIP) | frozenset(TITLE_WORDS)
              | ADDRESS_WORDS)
"""Words :func:`_plain_word` turns away by their lower form; a regional word of address ("me marra") is no close
form of a registered name either."""


def _may_start_heard(view: TurnView, j: int, pos: list[str], index: NearIndex, caseless: bool) -> bool:
    """Whether :func:`_heard_run` from token ``j`` may find anything, from the turn's lists alone: its own first
    tests, and the index holding a heard name that begins with the word's first folded letter (every run it
    tries is looked up by that letter; a word that folds to nothing leaves the letter to the next word)."""
    if (not index.heard or not view.alpha[j] or view.lowers[j] in FILLERS or pos[j] in _NOT_A_NAME_START
            or (not caseless and not view.texts[j].islower())):
        return False
    first = fold(view.texts[j])
    return not first or first[0] in index.heard


_NOT_A_NAME_START = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
"""Words a name heard as words does not start with: "he carries" is no Harris."""


def _heard_run(words: Sequence[Token], i: int, index: NearIndex, caseless: bool,
               in_scope: Callable[[RegisterItem], bool], free: Callable[[int, int], bool],
               ) -> tuple[int, RegisterItem, bool] | None:
    """The run of two to four words from ``words[i]``, lower case and on one line, whose letters joined spell a
    registered surname or whole name closest; the index after it, the person, and whether only the loose tier
    (:data:`LOOSE_SIMILARITY`, captions) relates them. A run ends on a word that
    could be part of a name: "kowalcyk was" is a close form and a verb, not a name heard in two words."""
    first = words[i]
    text = text_of(first.doc)  # ``Doc.text`` joins every token's text again on each access
    if (not first.is_alpha or first.lower_ in FILLERS or first.pos_ in _NOT_A_NAME_START
            or (not caseless and not first.text.islower())):
        return None
    joined = fold(first.text)
    best: tuple[float, int, RegisterItem, bool] | None = None  # score, end, person, loose only
    for k in range(i + 1, min(i + MAX_WORDS, len(words))):
        tok = words[k]
        if not tok.is_alpha or tok.lower_ in FILLERS or "\n" in text[words[k - 1].idx:tok.idx]:
            break
        if not caseless and not tok.text.islower():
            break
        joined += fold(tok.text)
        if joined and len(joined) > index.longest.get(joined[0], -1):
            break  # longer than any heard name of its letter: the words after only make it longer
        if not _plain_word(tok) or " ".join(t.lower_ for t in words[i:k + 1]) in index.forms:
            continue  # a registered form said in words ("mary kate") is the register's
        found = index.heard_as(joined, in_scope)
        sure_sound = found is not None
        if found is None and caseless:
            found = index.heard_loosely(joined, in_scope)
        if found is not None and free(first.idx, tok.idx + len(tok)) and (
                best is None or (sure_sound, found[0]) >= (not best[3], best[0])):
            best = (found[0], k + 1, found[1], not sure_sound)
    return (best[1], best[2], best[3]) if best else None


def _heard_in_view(view: TurnView, order: list[int], pos: list[str], i: int, index: NearIndex, caseless: bool,
                   in_scope: Callable[[RegisterItem], bool], free: Callable[[int, int], bool],
                   ) -> tuple[int, RegisterItem, bool] | None:
    """:func:`_heard_run` read from the turn's view (``order``: the view's positions of the words that are no
    space, as ``words`` holds them there): the same tests of each word's letters, lower form, text, offset and part
    of speech, from the lists instead of a ``Token`` of every word of every run tried; the words said joined once
    per word added instead of again for each run."""
    texts, lowers, starts, lengths, alpha, stop = (view.texts, view.lowers, view.starts, view.lengths, view.alpha,
                                                   view.stop)
    text = view.text
    j = order[i]
    if (not alpha[j] or lowers[j] in FILLERS or pos[j] in _NOT_A_NAME_START
            or (not caseless and not texts[j].islower())):
        return None
    first_start = starts[j]
    joined = fold(texts[j])
    said = lowers[j]
    best: tuple[float, int, RegisterItem, bool] | None = None  # score, end, person, loose only
    for k in range(i + 1, min(i + MAX_WORDS, len(order))):
        prev, j = j, order[k]
        if not alpha[j] or lowers[j] in FILLERS or "\n" in text[starts[prev]:starts[j]]:
            break
        if not caseless and not texts[j].islower():
            break
        joined += fold(texts[j])
        if joined and len(joined) > index.longest.get(joined[0], -1):
            break  # longer than any heard name of its letter: the words after only make it longer
        said += " " + lowers[j]
        if stop[j] or lowers[j] in _NOT_PLAIN or scots_negative(lowers[j]) or said in index.forms:
            continue  # not a plain word (:func:`_plain_word`: letters, tested above), or a registered form
        found = index.heard_as(joined, in_scope)
        sure_sound = found is not None
        if found is None and caseless:
            found = index.heard_loosely(joined, in_scope)
        if found is not None and free(first_start, starts[j] + lengths[j]) and (
                best is None or (sure_sound, found[0]) >= (not best[3], best[0])):
            best = (found[0], k + 1, found[1], not sure_sound)
    return (best[1], best[2], best[3]) if best else None
