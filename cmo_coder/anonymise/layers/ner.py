"""Layer 3: the statistical model's entities, read from the turn or its re-cased copy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LENGTH, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from ..candidates import Candidate
from ..name_titles import only_words_of_address
from ..register import common_word_names
from .context import name_context, takes_object
from .name_edges import name_core, without_school_year, without_service_head
from .place_frames import LAND_KINDS
from .scots_speech import scots_negative
from .short_people import ABBREVIATIONS as CLINICAL_INITIALS
from .state import FUNCTION_POS, NEVER_NAME_POS, candidates, doc_of, text_of
from .surname_readings import surname_read_twice
from .words import (
    FILLERS,
    KINSHIP,
    PEOPLES,
    TITLE_WORDS,
    british_words,
    is_everyday,
    name_lexicon,
    place_names,
    said_as_a_laugh,
)

_CASELESS_EXT: Any = ("._.", "cmo_caseless", None, None)
"""Where spaCy keeps ``doc._.cmo_caseless`` (see ``state._CANDIDATES_KEY``); a tuple, though spaCy types keys as str."""

NER_CATEGORIES = {"PERSON": "person", "GPE": "city", "LOC": "place", "FAC": "place", "ORG": "org"}
NER_SCORES = {"PERSON": 0.85, "GPE": 0.8, "LOC": 0.7, "FAC": 0.7, "ORG": 0.6}


def ner_category(label: str, text: str) -> str:
    low = text.lower()
    if label in {"ORG", "FAC"}:
        if "trust" in low:
            return "trust"
        if "hospital" in low or "infirmary" in low:
            return "hospital"
        if "ward" in low.split():
            return "ward"
        if any(w in low for w in ("surgery", "practice", "health centre", "medical centre")):
            return "practice"
        if any(w in low for w in ("service", "project", "team", "recovery", "clinic")):
            return "service"
        words = low.split()
        if len(words) > 1 and words[-1] in _STREET_ENDS:
            return "street"  # "the flat was on Prince of Wales Road": a street, not "[organisation name]"
    return NER_CATEGORIES[label]


_STREET_ENDS = frozenset({"road", "street", "lane", "avenue", "crescent", "terrace", "mews"})
"""Last words that make the model's organisation or facility a street: only the heads no organisation ends in
(a "Grove", "Close", "View" or "Bank" may be a care home, a practice or a bank)."""
_BODY_HEADS = frozenset({
    "surgery", "practice", "clinic", "centre", "center", "school", "primary", "academy", "church", "chapel",
    "mosque", "hospital", "club", "library", "pharmacy", "chemist", "chemists", "health", "medical", "baptist",
    "methodist", "unit", "hub", "hall", "community", "family", "care", "nursing", "home", "day", "project",
    "service", "team", "group", "mission", "gospel", "tabernacle", "pub", "cafe", "café", "shop", "garage"})
"""Words after a street's name that make the whole a body named by its street ("the Talbot Street surgery")."""


def _a_body_after(text: str, end: int) -> bool:
    """The word after ``end`` is a body's kind, on the same line."""
    m = re.match(r"[ \t]+([^\W\d_]+)", text[end : end + 40])
    return m is not None and m.group(1).lower() in _BODY_HEADS


_NOT_PEOPLE = {"mm-hmm", "mm-hm", "uh-huh", "uh-uh", "understood", "ok", "gotcha"}  # beside the FILLERS


def plausible_person(text: str) -> bool:
    """Whether a model PERSON could be someone: not "Q4", "AFM24", "RNA", "mm-hmm" or "Treasurer".

    A one-word everyday word ("Understood", "Euros") counts only when it is also a known name
    ("Hope", "Baker"): a leaked surname costs more than a redacted word.
    """
    low = text.lower()
    if any(c.isdigit() for c in text) or low in _NOT_PEOPLE or low in FILLERS:
        return False
    words = text.split()
    if len(words) == 1:
        if text.isupper() and len(text) >= 3:
            return False  # an acronym; two capitals may be initials ("PJ")
        if is_everyday(text) and low not in name_lexicon("all"):
            return False
    return True


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # "gypsies"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def a_people(text: str) -> bool:
    """Whether ``text`` names a people, a faith or a community, in one word or several, singular or plural: "Sikh",
    "Irish Travellers", "Gypsy Roma Traveller", "Muslims"."""
    low = " ".join(text.lower().split())
    return low in PEOPLES or all(w in PEOPLES or _singular(w) in PEOPLES for w in low.split())


def _opens(ent: Span) -> bool:
    """The entity opens a turn or a sentence (spaces between do not count)."""
    i = ent.start - 1
    while i >= 0 and ent.doc[i].is_space:
        i -= 1
    return i < 0 or ent.doc[i].text in {".", "?", "!"}


_ABBREVIATIONS = frozenset({"corp", "bros", "assoc", "dept", "univ", "govt", "intl"})


def _without_full_stop(text: str, start: int, end: int) -> int:
    """Where an entity ends once a sentence's full stop the model took with it is left out ("said the Mass. He's
    good" read "Mass." as a place): the stop belongs to the sentence, and the allow-list matches the word. A
    word of four letters or more only, and no abbreviation ("St.", "Dr.", "Ltd.", "Corp.")."""
    if end - start < 3 or text[end - 1] != ".":
        return end
    word = text[start:end - 1].rsplit(None, 1)[-1]
    if not word.isalpha() or word.lower() in _ABBREVIATIONS:
        return end
    if len(word) >= 4:
        return end - 1
    # a short name at a sentence's end ("everybody says Mo. It started"): the model read "Mo." as an abbreviation
    # (Missouri) and the sentence lost its stop; a short title or abbreviation before a name keeps its own
    return end - 1 if len(word) >= 2 and word.lower() not in _KEPT_STOPS and _sentence_ends(text, end) else end


def _sentence_ends(text: str, end: int) -> bool:
    """Whether the stop before ``end`` ends a sentence: the text ends there or goes on with a capital."""
    rest = text[end:]
    after = rest.lstrip()
    return not after or (len(after) < len(rest) and after[:1].isupper())


_SHORT_STOPS = frozenset({"st", "dr", "mr", "mrs", "ms", "no", "co", "jr", "sr", "prof", "rev", "fr"})
_KEPT_STOPS = _SHORT_STOPS | {"mt", "ltd", "inc", "rd", "ave", "ft", "vs", "cf", "eg", "ie", "al"}
"""Short words whose stop is their own (a title, an abbreviation), never a sentence's."""


def _by_sentence(ent: Span) -> list[Span]:
    """The entity cut where a sentence ends inside it ("watch S4C. Glyn's a fan" read as one organisation "S4C.
    Glyn"): a name never runs over a full stop, question or exclamation mark followed by a capital, so each side is
    read as an entity of its own. Removed whole, the words before the stop went with the name beside it; each side
    still goes where it is a name. A stop after an initial or a short title ("J. Smith", "St. Helens") is no end."""
    doc = ent.doc
    cuts: list[tuple[int, int]] = []  # (end of the piece before, start of the piece after)
    for k in range(ent.start, ent.end - 1):
        tok, nxt = doc[k], doc[k + 1]
        if not nxt.text[:1].isupper():
            continue
        if k > ent.start and tok.text in {".", "?", "!"} and not (
                len(doc[k - 1].text) == 1 or doc[k - 1].lower_ in _SHORT_STOPS | _ABBREVIATIONS):
            cuts.append((k, k + 1))
        elif len(tok.text) > 2 and tok.text[-1] in ".?!" and tok.text[-2].isalnum() and "." not in tok.text[:-1] \
                and tok.lower_[:-1] not in _SHORT_STOPS | _ABBREVIATIONS:
            cuts.append((k + 1, k + 1))  # "S4C." one token: the stop goes with the words before, as written
    if not cuts:
        return [ent]
    bounds = [ent.start, *(b for _, b in cuts)]
    ends = [*(a for a, _ in cuts), ent.end]
    return [Span(doc, a, b, label=ent.label_) for a, b in zip(bounds, ends, strict=True) if b > a]


#: A saint's title, which names a place only with the saint after it ("St Just", "Saint Day").
SAINT_TITLES = frozenset({"st", "st.", "saint"})


def _with_the_saint(ent: Span, start: int, end: int) -> int:
    """Where a place read as a saint's title alone ends: with the capitalised word after it ("St Just", "St Day",
    "St Agnes"). The model read "St" as the place and left out a saint whose name is an everyday word, so "Just" was
    left beside "[place name]" for anyone who knows the county to read."""
    doc = ent.doc
    if ent.label_ == "PERSON" or doc.text[start:end].lower() not in SAINT_TITLES or ent.end >= len(doc):
        return end
    after = doc[ent.end]
    return after.idx + len(after.text) if after.is_alpha and after.text[:1].isupper() else end


def ents_to_candidates(ents: Iterable[Span], layer: str, doc_text: str, cased: bool = True) -> list[Candidate]:
    """``doc_text`` is passed in: ``Doc.text`` rebuilds the whole string on every access. ``cased``:
    the entities were read from text as written, not from a re-cased copy."""
    out = []
    for ent, cut in ((piece, piece.end < whole.end) for whole in ents for piece in _by_sentence(whole)):
        if ent.label_ not in NER_CATEGORIES:
            continue
        if any(t.is_alpha for t in ent) and all(said_as_a_laugh(t) for t in ent if t.is_alpha):
            continue  # "ho ho very good": a laugh read as a person
        start, end = ent.start_char, ent.end_char
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_.rstrip(".") in TITLE_WORDS:
            start = ent[1].idx  # "Dr Obuya" → keep the title, remove the name
        elif len(ent) > 1 and ent[0].lower_ in {"the", "a", "an", "our", "my"}:
            start = ent[1].idx
        end = _without_full_stop(doc_text, start, end)
        if cut and end - start > 1 and doc_text[end - 1] in ".?!":
            end -= 1  # the stop a sentence ends on, where the entity was cut after it ("S4C.")
        if len(ent) > 1 and ent[0].lower_ in british_words() and ent[0].lower_ not in KINSHIP and ent[1].idx >= start:
            start = ent[1].idx  # "diolch gethin", "croeso siân": a word of British speech no name list holds
        if len(ent) > 1:  # "thank you tyler", "william came round", "lincoln prison so": the name only
            core = name_core(doc_text, start, end, verbs=ent.label_ == "PERSON", cased=cased)
            if core is None:
                continue
            start, end = core
            end = without_school_year(doc_text, start, end)  # "kershaw academy year nine": the school only
        end = _with_the_saint(ent, start, end)
        label = ent.label_
        if label in {"ORG", "GPE", "LOC", "FAC"} and (
                service := without_service_head(doc_text, start, end, place_names())) is not None:
            end, label = service, "GPE"  # "Merseyside Police": the place goes, the police stay
        text = doc_text[start:end]
        if cased and ent.label_ != "PERSON" and not any(c.isupper() for c in text):
            continue  # cased text writes names of places and organisations with capitals: "the bin", "one sec"
        if cased and ent.label_ != "PERSON" and len(ent) == 1 and is_everyday(text) and (
                _opens(ent) or (ent.label_ == "ORG" and not _named_slot(ent))):
            continue  # "Workload. Moral injury…", "oxygen Weighs 16", "to mass, Alright": an everyday word
            # capitalised because it opens a sentence or by the recogniser's whim; "the Hub", "at Bridge"
            # stay, and so do places that are words ("our China business", "Jersey"): the model's GPE is kept
        if cased and ent.label_ == "PERSON" and not any(c.isupper() for c in text) and all(
                is_everyday(t.text) and t.lower_ not in name_lexicon("all") for t in ent if t.is_alpha):
            continue  # "switch to incognito mode", "a cubic millimeter": cased text writes names with capitals
        for suffix in ("'s", "’s", "'", "’"):
            if text.endswith(suffix) and len(text) > len(suffix):
                end -= len(suffix)
                text = text[: -len(suffix)]
                break
        if len(ent) == 1 and (not cased or ent.label_ != "PERSON") and text.lower() in british_words():
            continue  # "yes i am lucky alhamdulillah", "the gurdwara": a British word no name list holds (a
            # typed one-word name that the list spells, "Skint said", is still the model's person)
        if not cased and len(ent) == 1 and ent.label_ != "PERSON" and text.lower() in LAND_KINDS:
            continue  # captions: "out to the croft", "down the towpath": a kind of place, not an organisation's name
        if not text.strip() or not any(c.isalpha() for c in text) or text.lower() in KINSHIP or (
                only_words_of_address(text)):
            continue  # "Nana said…", "Papa ji's bed", "Ba has no English": a relative named by relation
        if ent.label_ == "PERSON" and not plausible_person(text):
            continue
        if not cased and ent.label_ == "PERSON" and _said_of_someone(ent):
            continue  # captions: "we were all young and stupid", "he was so young": a word said of someone
        if a_people(text):
            continue  # "I'm Glaswegian", "a Punjabi family", "Irish Travellers": a people or faith read as a name
        if len(ent) == 1 and (scots_negative(text) or (
                label == "ORG" and text.isupper() and text.lower() in CLINICAL_INITIALS)):
            continue  # "Dinna put that in": a Scots negative; "it was COPD, aye": a condition's initials
        category = ner_category(label, text)
        if category == "street" and _a_body_after(doc_text, end):
            category = "org"  # "The Talbot Street surgery": the practice named by its street, not the street
        out.append(Candidate(start, end, category, layer, NER_SCORES[label], f"statistical NER {label}"))
    return out


_ADJECTIVE_NAMES = frozenset({"young", "long", "short", "little", "small", "brown", "white", "black", "green", "grey",
                              "gray", "rich", "hardy", "strong", "wise", "bright", "sharp", "smart", "bold", "keen",
                              "sweet", "fair", "free", "proud", "swift", "gentle", "wild", "savage", "good", "best",
                              "low", "high", "moody", "jolly", "merry", "daft", "rough", "dear", "ill", "well"})
"""Adjectives that are also surnames ("Young", "Hardy", "Moody"): written for the project."""
_SAID_OF = frozenset({"was", "were", "is", "are", "am", "'m", "be", "been", "being", "so", "very", "too", "all",
                      "quite", "really", "that", "dead", "getting", "got", "get", "looked", "look", "looks",
                      "seemed", "felt", "feel", "stayed", "still", "bit", "pretty", "fairly", "more", "less",
                      "how", "as"})
"""Words after which an adjective is said of someone ("he was young", "so young", "all young")."""


def _said_of_someone(ent: Span) -> bool:
    """A lower-cased one-word PERSON that is an adjective also borne as a surname, after a copula or a word of
    degree: "we were all young and stupid". In captions a surname there is said with a title ("was mr young")."""
    if len(ent) != 1 or ent[0].lower_ not in _ADJECTIVE_NAMES or ent.start == 0:
        return False
    return ent.doc[ent.start - 1].lower_ in _SAID_OF


_NAME_SLOT = frozenset({"the", "a", "an", "at", "in", "from", "to", "with", "for", "by", "on", "into", "near", "called",
                        "named", "like", "and", "or", "of", "via", "through", "round", "around", "outside", "behind",
                        "inside", "towards", "opposite", "off", "up", "down", "over", "under", "about", "than"})
"""Words after which a capitalised everyday word is used as a name ("the Hub", "at Bridge", "from Harbour")."""


def _named_slot(ent: Span) -> bool:
    """The entity stands where a name of a place or organisation stands: after an article or a preposition."""
    i = ent.start - 1
    while i >= 0 and ent.doc[i].is_space:
        i -= 1
    return i >= 0 and ent.doc[i].lower_ in _NAME_SLOT


def _named_person(ent: Span) -> bool:
    """A re-cased PERSON holds evidence of a name: "Kamen", "Mark", "Bill Bullock", not "Long List".

    A known name that is no everyday word is enough; an everyday-word given name ("Mark",
    "Long") alone or with other known names only.
    """
    firsts, lex = name_lexicon("first"), name_lexicon("all")
    words = [t for t in ent if t.is_alpha]
    if any((t.lower_ in firsts or t.lower_ in lex) and not is_everyday(t.text) for t in words):
        return True
    if len(words) == 1:
        return words[0].lower_ in firsts
    # "Bill Bullock", "Mark Skonieczny": a given name with words that are names or no words at all
    return (any(t.lower_ in firsts for t in words)
            and all(t.lower_ in lex or t.lower_ in firsts or not is_everyday(t.text) for t in words))


class NerComponent:
    """Layer 3: the statistical model's entities, with one model run per turn.

    Cased text goes to the model as written. In lower-cased captions the model sees a re-cased
    copy instead (:func:`recase`): its features include each word's shape, so on lower-cased
    text it finds few names, and a second run on the lower-cased text as well would double the
    cost of the slowest layer for little gain. Re-casing changes no character's position, so
    the copy's entity offsets index the original text. The model's ``ner`` pipe is owned here
    rather than left in the pipeline, so that choice can be made per turn.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.model_ner: object | None = None
        self.upstream: list[tuple[str, object]] = []  # e.g. a tok2vec or transformer the model's ner listens to

    def attach(self, nlp: Language) -> None:
        """Take the model's ``ner`` out of the pipeline and run it from here."""
        self.model_ner = nlp.remove_pipe("ner")[1]
        self.upstream = [(name, proc) for name, proc in nlp.pipeline
                         if "ner" in getattr(proc, "listening_components", [])]

    def _run(self, docs: list[Doc], batch_size: int) -> None:
        if self.model_ner is None:
            return
        flags = [bool(d.user_data.get(_CASELESS_EXT)) for d in docs]  # ``doc._.cmo_caseless``, read once
        cased = [d for d, flag in zip(docs, flags, strict=True) if not flag]
        for doc in self.model_ner.pipe(cased, batch_size=_whole(cased)):  # type: ignore[attr-defined]
            candidates(doc).extend(ents_to_candidates([extend_person(e) for e in doc.ents], "ner", text_of(doc)))
        caseless = [d for d, flag in zip(docs, flags, strict=True) if flag]
        copies = self._read_copies([self._recased(d) for d in caseless], batch_size)
        for doc, again in zip(caseless, copies, strict=True):
            self._from_recased(doc, again)

    def _recased(self, doc: Doc) -> str:
        """The turn's re-cased copy (:func:`recase`), made once per turn and kept on the doc.

        Why: a caption turn is re-cased for the model's first reading and again for each later question of it
        (:meth:`persons_once_capitalised`: the everyday-word names, the surnames said again), each time over the
        whole turn, and one caption file is one turn of thousands of words. The copy depends only on the turn's
        words, their parts of speech and flags and the fixed name lists, none of which change after the
        pipeline's model read the turn, so every re-casing of a turn is the same text."""
        data = doc.user_data
        kept = data.get(_RECASED_KEY)
        if kept is None or kept[0] != len(doc):
            kept = data[_RECASED_KEY] = (len(doc), recase(doc, self.nlp.Defaults.stop_words))
        return cast(str, kept[1])

    def _read_copies(self, texts: list[str], batch_size: int = 64) -> list[Doc]:
        """The model's reading of re-cased copies: new docs, so the pipes its ner listens to
        (a tok2vec or transformer of its own) run on them first."""
        if not texts:
            return []
        inputs = [doc_of(self.nlp, t) for t in texts]  # each keeps its text: read below without a join
        for _, proc in self.upstream:
            inputs = list(proc.pipe(inputs, batch_size=batch_size))  # type: ignore[attr-defined]
        return list(self.model_ner.pipe(inputs, batch_size=_whole(inputs)))  # type: ignore[union-attr]

    @staticmethod
    def _from_recased(doc: Doc, again: Doc) -> None:
        """Entities of the re-cased copy become the turn's own (later layers read ``ent_type_``)."""
        spans = []
        for e in again.ents:
            span = doc.char_span(e.start_char, e.end_char, label=e.label_, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        # re-cased proper nouns are there to help places: a PERSON needs name evidence of its own
        ents = [extend_person(e) for e in again.ents
                if e.label_ != "PERSON" or _named_person(e) or surname_read_twice(e, doc)]
        found = ents_to_candidates(ents, "caseless", text_of(again), cased=False)
        candidates(doc).extend(found)

    def __call__(self, doc: Doc) -> Doc:
        self._run([doc], 1)
        return doc

    def persons_once_capitalised(self, docs: list[Doc], words: list[list[tuple[int, int]]]) -> list[list[bool]]:
        """For caption turns: is each word (character offsets in its turn) part of a PERSON the model
        finds when the word is written with a capital in the re-cased copy?

        A given name that is also a word ("rob", "mark", "bill") cannot be told from the word by
        position alone ("what rob described" against "we mark the date"), but the model, given the
        capital a cased transcript would have had, reads the sentence as it does in cased text.
        Only turns holding such words are read again.
        """
        if self.model_ner is None:
            return [[False] * len(w) for w in words]
        texts = []
        for doc, spans in zip(docs, words, strict=True):
            chars = list(self._recased(doc))
            for start, _ in spans:
                chars[start] = capital(chars[start])
            texts.append("".join(chars))
        out = []
        for doc, again, spans in zip(docs, self._read_copies(texts), words, strict=True):
            persons = [(e.start_char, e.end_char) for e in again.ents if e.label_ == "PERSON"]
            out.append([_noun_alone(doc, s, e) and any(a <= s and e <= b for a, b in persons) for s, e in spans])
        return out

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Batched like the model's own pipes: one model call per batch, not per turn."""
        for batch in minibatch(stream, batch_size):
            self._run(batch, batch_size)
            yield from batch


_RECASED_KEY = "cmo_recased"
"""Where :meth:`NerComponent._recased` keeps a turn's re-cased copy, with the turn's token count it was made for."""


def _whole(docs: list[Doc]) -> int:
    """The batch size that makes ``docs`` one step of the model's entity recogniser.

    Why: spaCy's transition-based ``ner`` sorts each batch by length and steps through it in sub-batches
    of a quarter of the batch size, so the pipeline's 64 turns went through in four passes of 16, each
    paying the per-step cost of the state machine. One sub-batch of the whole batch reads each turn
    exactly as before (a turn's entities depend on its own tokens only) in fewer, larger steps.
    """
    return 4 * max(len(docs), 1)


@Language.factory("cmo_ner")
def make_ner(nlp: Language, name: str) -> NerComponent:
    return NerComponent(nlp)


def _noun_alone(doc: Doc, start: int, end: int) -> bool:
    """The tagger, reading the turn as written, saw no verb ("prices rob us", "mark up the
    document") and no word modifying a noun ("the utility bill"): a capital would make a name of
    those in the model's eyes."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.pos_ not in NEVER_NAME_POS and not (tok.i and doc[tok.i - 1].pos_ in {"NOUN", "ADJ", "NUM"})


def extend_person(ent: Span) -> Span:
    """``Tomas Restrepo`` where NER stopped at ``Tomas``: take following re-cased words along."""
    if ent.label_ != "PERSON":
        return ent
    doc, end = ent.doc, ent.end
    while (end < len(doc) and end - ent.start < 4 and doc[end].is_alpha and doc[end].text[:1].isupper()
           and not doc[end].is_stop and doc[end].whitespace_ is not None and doc[end - 1].whitespace_):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


_BEING = frozenset({"is", "was", "were", "are", "am", "be", "been", "being", "seemed", "seems", "looked", "looks",
                    "felt", "feels", "got", "gets", "so", "too", "very", "really", "quite", "pretty", "dead", "that",
                    "bit", "more", "less", "most"})
"""Words before an adjective said of a thing ("was tiny", "so rusty", "a bit dusty"): an everyday word that is also
a given name, tagged an adjective after one of them, is the adjective. After "is" a name still stands as a noun
("my key worker is grace", tagged a noun or proper noun), and "name is" is read by the cue layers."""
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "their", "his", "her", "its",
                "every", "each", "some", "any", "no"}


def recase(doc: Doc, stop: Iterable[str]) -> str:
    """The turn with likely names and sentence starts capitalised, for the model to read.

    Only the case of first letters changes, so every offset stays valid. Each token's words, part of
    speech and flags are read from one array per turn (a ``Token`` is made only for a listed name's
    context): every caption turn goes through here, and making a ``Token`` of each word cost more than
    the tests themselves.
    """
    lex = name_lexicon("all")
    firsts = name_lexicon("first")
    places = place_names()
    common = common_word_names()
    stop = stop if isinstance(stop, (set, frozenset)) else set(stop)  # the model's own set: no copy per turn
    text = text_of(doc)
    chars = list(text)
    if not len(doc):
        return "".join(chars)
    strings = doc.vocab.strings
    rows = doc.to_array([IDX, LENGTH, LOWER, POS, IS_ALPHA, IS_STOP]).tolist()
    lows = [strings[row[2]] for row in rows]
    previous_first = False
    for i, (idx, _, _, pos_id, alpha, is_stop) in enumerate(rows):
        low = lows[i]
        pos = POS_NAMES[pos_id]
        sent_start = i == 0 or text[rows[i - 1][0]:rows[i - 1][0] + rows[i - 1][1]] in {".", "?", "!"}
        plain = low not in stop and low not in common and pos not in FUNCTION_POS and alpha
        # lower-cased given names are often tagged ADJ or ADV ("brian", "carolina"): allow those too
        given = (low in firsts and low not in stop and low not in common and alpha
                 and pos not in NEVER_NAME_POS)
        up = (low == "i" or sent_start
              or given
              or (alpha and not is_stop and _listed_place(lows, i, places))
              or (pos == "PROPN" and plain)
              or (low in lex and name_context(doc[i]) and not takes_object(doc[i]))
              or (low in lex and alpha and low not in stop and not is_everyday(low))  # "kamen", "okafor"
              or (previous_first and (plain or (alpha and low not in stop and not is_everyday(low)))))
        # "brian nagel", "michael piken/VERB": the word after a given name
        if up and not sent_start and low != "i" and low not in places and i \
                and lows[i - 1] in _DETERMINERS and is_everyday(low):
            up = given = False  # "the page", "our mark": a word after a determiner stays a word
        if up and given and not sent_start and pos == "ADJ" and i and lows[i - 1] in _BEING and is_everyday(low):
            up = given = False  # "the kitchen was tiny": an adjective after a verb of being, not a name
        previous_first = given
        if up and text[idx:idx + 1].isalpha():
            chars[idx] = capital(chars[idx])
    return "".join(chars)


def capital(char: str) -> str:
    """``char`` as a capital where that is one character, else as it is.

    The re-cased copy's entity offsets index the turn itself, so no character may change its length:
    "ß" upper-cases to "SS" and "ŉ" to "ʼN", which would shift every offset after them by one.
    """
    up = char.upper()
    return up if len(up) == 1 else char


def _listed_place(lows: list[str], i: int, places: frozenset[str]) -> bool:
    """The word ``lows[i]`` is a listed place or one word of a listed two-word place ("hebden bridge"): not
    any word that begins some place ("great" of "Great Ayton" stays a word in "a great help")."""
    low = lows[i]
    if low in places:
        return True
    return ((i + 1 < len(lows) and f"{low} {lows[i + 1]}" in places)
            or (i > 0 and f"{lows[i - 1]} {low}" in places))
