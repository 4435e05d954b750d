"""What every layer shares on a ``Doc``: its candidates, its suspicions and whether it is caption text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LOWER
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]  # (not in its stubs)
from spacy.tokens import Doc, Token

from ..candidates import Candidate, Suspicion

if not Doc.has_extension("cmo_candidates"):
    Doc.set_extension("cmo_candidates", default=None)
if not Doc.has_extension("cmo_suspicions"):
    Doc.set_extension("cmo_suspicions", default=None)
if not Doc.has_extension("cmo_text"):
    Doc.set_extension("cmo_text", default=None)
if not Doc.has_extension("cmo_caseless"):
    Doc.set_extension("cmo_caseless", default=None)

FUNCTION_POS = {"AUX", "VERB", "ADJ", "ADP", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "INTJ"}


_CANDIDATES_KEY = ("._.", "cmo_candidates", None, None)
_TEXT_KEY = ("._.", "cmo_text", None, None)
_SUSPICIONS_KEY = ("._.", "cmo_suspicions", None, None)
"""Where spaCy keeps a doc's extension values (``doc.user_data``): read there directly, as every layer
asks for a turn's text and candidates several times, and each ``doc._`` makes an object of its own."""


def candidates(doc: Doc) -> list[Candidate]:
    data: dict[Any, Any] = doc.user_data  # spaCy types its keys as str; extensions use tuples
    found: list[Candidate] | None = data.get(_CANDIDATES_KEY)
    if found is not None:
        return found
    if doc._.cmo_candidates is None:
        doc._.cmo_candidates = []
    return doc._.cmo_candidates


def suspicions(doc: Doc) -> list[Suspicion]:
    data: dict[Any, Any] = doc.user_data  # as :func:`candidates`: no ``doc._`` object where the list is there
    found: list[Suspicion] | None = data.get(_SUSPICIONS_KEY)
    if found is not None:
        return found
    if doc._.cmo_suspicions is None:
        doc._.cmo_suspicions = []
    return doc._.cmo_suspicions


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins every token's text again on each access."""
    data: dict[Any, Any] = doc.user_data
    text = data.get(_TEXT_KEY)
    if text is not None:
        return str(text)
    if doc._.cmo_text is None:
        doc._.cmo_text = doc.text
    return str(doc._.cmo_text)


_CASELESS_DOC_KEY = ("._.", "cmo_caseless", None, None)


def caseless_doc(doc: Doc) -> bool:
    """``bool(doc._.cmo_caseless)``, read from the doc's data: each layer asks it once per turn, and each
    ``doc._`` makes an object of its own (see ``_CANDIDATES_KEY``)."""
    data: dict[Any, Any] = doc.user_data
    return bool(data.get(_CASELESS_DOC_KEY))


def lower_ids(doc: Doc) -> list[int]:
    """Each token's ``lower_`` as its string id, read in one call and kept on the doc.

    Why: many layers look for a few listed words in a turn (``for tok in doc: if tok.lower_ in names``),
    and making a ``Token`` of every word for that costs more than the rest of such a layer. The ids
    answer the same question as a set look-up; a ``Token`` is then made only where a listed word is.
    """
    ids: list[int] | None = doc.user_data.get("cmo_lower_ids")
    if ids is None or len(ids) != len(doc):
        ids = doc.to_array(LOWER).tolist() if len(doc) else []
        doc.user_data["cmo_lower_ids"] = ids
    return ids


_WORD_IDS: dict[frozenset[str], frozenset[int]] = {}


def word_ids(words: frozenset[str]) -> frozenset[int]:
    """The string ids of ``words`` (what ``LOWER`` holds for a token whose ``lower_`` is the word),
    remembered per word list: the lists are made once per process."""
    got = _WORD_IDS.get(words)
    if got is None:
        if len(_WORD_IDS) > 256:  # a caller building a new set each time must not grow this without end
            _WORD_IDS.clear()
        got = _WORD_IDS[words] = frozenset(hash_string(w) for w in words)
    return got


def indices_among(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose ``lower_`` is one of ``words``, in order."""
    wanted = word_ids(words)
    return [i for i, h in enumerate(lower_ids(doc)) if h in wanted]


def tokens_among(doc: Doc, words: frozenset[str]) -> Iterator[Token]:
    """The tokens whose ``lower_`` is one of ``words``, in order: exactly those that
    ``for tok in doc: if tok.lower_ in words`` would visit, without making a ``Token`` of every word."""
    for i in indices_among(doc, words):
        yield doc[i]


def letter_words(doc: Doc, capitalised: bool) -> Iterator[Token]:
    """The tokens made of letters that are no stop word (and, when ``capitalised``, begin with a capital),
    in order: a layer that turns every other word away visits these only, from one array per turn."""
    if not len(doc):
        return
    text = text_of(doc)
    for i, (idx, alpha, stop) in enumerate(doc.to_array([IDX, IS_ALPHA, IS_STOP]).tolist()):
        if alpha and not stop and (not capitalised or text[idx:idx + 1].isupper()):
            yield doc[i]


def doc_of(nlp: Language, text: str, caseless: bool | None = None) -> Doc:
    """``nlp.make_doc(text)`` with ``text`` kept as the doc's text: the tokenizer keeps every character,
    so ``doc.text == text``, and the first layer need not join every token's text again to get it.
    ``caseless``: this turn's own casing, where it differs from its transcript's (:class:`CaseFlag`)."""
    doc = nlp.make_doc(text)
    data: dict[Any, Any] = doc.user_data
    data[_TEXT_KEY] = text
    if caseless is not None:
        data[_CASELESS_KEY] = caseless
    return doc


_CASELESS_KEY = "cmo_turn_caseless"


def lower_cased_speakers(text: str, turns: list[tuple[str | None, int, int]]) -> list[bool]:
    """For each turn, whether it is lower-cased captions.

    A transcript may mix the two: the interviewer's questions typed, the answers left as speech
    recognition wrote them; and one speaker may mix them too (an interview typed in part, an Otter
    transcript corrected in part). Capitals then say nothing in the lower-cased turns, and a name there
    ("a lass called shaz") must be read as captions are, while the same speaker's typed turns keep their
    capitals' meaning. So casing is decided per turn where the turn says enough (a capital, or
    :data:`_DECISIVE_LETTERS` letters or more without one). A short turn without a capital ("yeah", "ok",
    "mm", "thanks bev", a turn of numbers) says too little: it takes the casing of its speaker's nearest
    turns that say enough (either side, so one caption stretch reaches its short turns), and, where the
    speaker has none, of all their speech together."""
    said: dict[str | None, list[str]] = {}
    for speaker, start, end in turns:
        said.setdefault(speaker, []).append(text[start:end])
    overall = {speaker: is_caseless("\n".join(parts)) for speaker, parts in said.items()}
    own: list[bool | None] = [_turn_casing(text[start:end]) for _, start, end in turns]
    out: list[bool] = []
    for i, (speaker, _, _) in enumerate(turns):
        verdict = own[i]
        if verdict is None:
            near = [_nearest(own, turns, i, speaker, step) for step in (-1, 1)]
            decided = [v for v in near if v is not None]
            verdict = any(decided) if decided else overall[speaker]
        out.append(verdict)
    return out


_SENTENCE = re.compile(r"\S[^\n]*?(?:[.?!]+(?=\s)|(?=\n)|$)")
"""A line, or a sentence of one: where a speaker's typed sentence and a caption run meet inside one cue."""


def casing_stretches(text: str, turns: list[tuple[str | None, int, int]]) -> list[tuple[int, int, bool]]:
    """The turns as (start, end, lower-cased) stretches: a turn is one stretch with its casing
    (:func:`lower_cased_speakers`), unless its lines or sentences differ (one speaker's typed line, then a
    caption line the format joined to it, as Teams DOCX, Otter and VTT cues join a speaker's consecutive
    turns): then each run of lines or sentences of one casing is a stretch of its own. A short one without a
    capital goes with those before it (else after it) in its turn."""
    out: list[tuple[int, int, bool]] = []
    for (_, start, end), lower in zip(turns, lower_cased_speakers(text, turns), strict=True):
        lines = [(start + m.start(), start + m.end()) for m in _SENTENCE.finditer(text[start:end])]
        verdicts = [_turn_casing(text[a:b]) for a, b in lines]
        if len({v for v in verdicts if v is not None}) < 2:
            out.append((start, end, lower))
            continue
        known = [v for v in verdicts if v is not None]
        last = known[0]
        filled = []
        for v in verdicts:
            last = v if v is not None else last
            filled.append(last)
        for (a, b), v in zip(lines, filled, strict=True):
            if out and out[-1][2] is v and out[-1][1] >= start and not text[out[-1][1]:a].strip():
                out[-1] = (out[-1][0], b, v)  # the next line or sentence of one stretch
            else:
                out.append((a, b, v))
    return out


_DECISIVE_LETTERS = 20
"""Letters a turn without a capital needs for its own casing to count (four or five words; what
:func:`is_caseless` asks of a whole text): below that, "yeah" or "ok" typed without a capital would make a typed
speaker's turn read as captions. A typed turn shows itself by its first capital, however short."""


def _turn_casing(turn: str) -> bool | None:
    """True (lower-cased captions), False (typed) or None (too short to say, and no capital in it)."""
    if capitals := _capitals(turn):
        if is_caseless(turn):
            return True  # one capital in two hundred letters or more: captions still
        # A typist capitalises a turn's first word; a turn that begins in lower case with a capital in a
        # hundred letters or fewer ("she's at orchard grange now … it was Diwali") is lower-cased speech
        # with a word a speller or a tool capitalised, and its names are read as in captions.
        first = next(filter(str.isalpha, turn), "")
        return first.islower() and _letters(turn) >= _DECISIVE_LETTERS and capitals / _letters(turn) < 0.01
    return True if _letters(turn) >= _DECISIVE_LETTERS else None


def _nearest(own: list[bool | None], turns: list[tuple[str | None, int, int]], i: int, speaker: str | None,
             step: int) -> bool | None:
    """The casing of ``speaker``'s nearest turn from ``i`` in direction ``step`` that says enough."""
    j = i + step
    while 0 <= j < len(turns):
        if turns[j][0] == speaker and own[j] is not None:
            return own[j]
        j += step
    return None


def has_capital(text: str) -> bool:
    """Whether some character of ``text`` is upper case: ``any(ch.isupper() for ch in text)``.

    Why: layers ask it of every turn, and the generator tests every character in Python. In ASCII text the only
    upper-case characters are A to Z, exactly the ones lower-casing changes, so the text differs from its lower
    case where one stands; outside ASCII ("Ⅷ" is upper case and no letter; a title-case letter is neither) each
    character is asked as before."""
    if text.isascii():
        return text.lower() != text
    return any(ch.isupper() for ch in text)


def is_caseless(text: str) -> bool:
    """Automatic captions are often all lower case: then capitals carry no signal at all."""
    letters = _letters(text)
    if letters < 20:
        return False
    return _capitals(text) / letters < 0.005


def _letters(text: str) -> int:
    """How many letters ``text`` holds. Counted by ``map`` over the string's own test, not by a list of them:
    every turn's casing is asked of each turn and line of a transcript, and again of the whole."""
    return sum(map(str.isalpha, text))


def _capitals(text: str) -> int:
    """How many capital letters ``text`` holds (a character may be upper case and no letter: "Ⅷ")."""
    if text.islower() or not any(map(str.isupper, text)):
        return 0  # most caption turns and lines: no capital at all
    return sum(map(str.isupper, filter(str.isalpha, text)))


NEVER_NAME_POS = {"AUX", "VERB", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM"}


class CaseFlag:
    """Runs first: marks caseless docs so every later layer can adapt.

    ``override`` is set per transcript: one short turn says too little about casing.
    """

    def __init__(self) -> None:
        self.override: bool | None = None

    def __call__(self, doc: Doc) -> Doc:
        data: dict[Any, Any] = doc.user_data
        given: str | None = data.get(_TEXT_KEY)  # given with the doc (:func:`doc_of`), or built here
        text = doc.text if given is None else given
        # the four extensions, set where ``doc._.X = ...`` sets them (they have no setter): one ``doc._`` each
        data[_TEXT_KEY] = text
        own: bool | None = data.get(_CASELESS_KEY)  # this turn's own casing (:func:`lower_cased_speakers`)
        data[_CASELESS_DOC_KEY] = (own if own is not None else is_caseless(text) if self.override is None
                                   else self.override)
        data[_CANDIDATES_KEY] = []
        data[_SUSPICIONS_KEY] = []
        return doc


@Language.factory("cmo_caseflag")
def make_caseflag(nlp: Language, name: str) -> CaseFlag:
    return CaseFlag()
