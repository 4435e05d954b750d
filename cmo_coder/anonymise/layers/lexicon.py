"""Layer 3c: known given names the model missed."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..namelists import plain
from ..register import familiar_shapes
from .name_edges import CHAT_WORDS
from .peoples import said_as_a_people
from .public_names import public_names
from .said_from import scots_from_before
from .state import NEVER_NAME_POS, candidates, caseless_doc, text_of
from .turn_view import turn_view
from .words import (
    CALENDAR,
    FILLERS,
    SELDOM_LOWER,
    everyday_words,
    given_names,
    is_everyday,
    known_surnames,
    lowercase_usage,
    name_lexicon,
)

_OWNERS = {"the", "my", "our", "his", "her", "their", "your"}
CLOSING_WORDS = frozenset({"ok", "okay", "bye", "byee", "asap", "x", "xx", "xxx"})
"""Words said after a name to close a request, a call or a message ("ring gemma asap", "thanks gemma bye",
"that's dawn ok", "see you soon rose x"): a caption's given name must not take them as its surname, which
removed them with it. Written for the project; no surname list's entry is a reason to read them otherwise."""
WORD_NAME_AND_SURNAME = "given name + surname"
"""The reason given a given name that is also a word ("love", "frank", "mark"), proposed only because a
surname-like word follows it: the allow-list drops it where that word begins a kept public name."""
_WORKPLACES = {"team", "council", "housing", "surgery", "hospital", "service", "services", "office", "church", "school",
               "group", "centre", "center", "ward", "bank", "charity", "practice", "clinic", "trust", "project",
               "agency", "unit", "department", "jobcentre", "hostel", "college", "university"}


@cache
def _medicines() -> frozenset[str]:
    """One-word medicines of the medicines list, lower-cased, that no name list holds: no one's surname follows a
    given name as one of these ("ward mirtazapine" in captions is the ward and the drug); "Rennie" is a surname too."""
    return frozenset(m.lower() for m in public_names("medicines") if " " not in m) - name_lexicon("all")


class LexiconComponent:
    """Layer 3c: a known given name that is no everyday word marks a person even where NER missed it.

    The statistical model misses many names the speech makes plain ("Yeah, Adrian, hey"),
    worse in lower-cased captions. A given name that English never writes in lower case is
    strong evidence on its own; the next word comes along when it too is no everyday word
    (a surname: "adrian puerta"). Names inside a longer place or organisation entity
    ("North Carolina", "Morgan Stanley") stay with that entity's decision.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def _is_given(self, tok: Token, caseless: bool) -> bool:
        if not tok.is_alpha or tok.is_stop or tok.lower_ in CALENDAR or tok.lower_ in FILLERS or (
                plain(tok.lower_) not in given_names() and tok.lower_ not in familiar_shapes()):
            return False  # a familiar shape: "dazza", "jonno", "macca" (:func:`..register.familiar_shapes`)
        if not caseless and not (tok.text[:1].isupper() and not tok.text.isupper()):
            return False  # "carolina" in lower case inside cased text is not written as a name
        if said_as_a_people(tok):
            return False  # "the Roma families", "speak polish and roma": the people, not a person
        if tok.pos_ in NEVER_NAME_POS and not (caseless and lowercase_usage().get(tok.lower_, 0) < SELDOM_LOWER):
            return False  # a caption's rare word is tagged anything ("ahmed/VBN and saira"): the tag cannot say
        ent = tok.ent_type_
        if ent and ent != "PERSON":
            span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            # one-word "Dominic" NORP or "Jorge" PRODUCT is the model mis-typing a name; "North Carolina" is not.
            # Nor is "Dominic Macklon" as ORG: a given name followed only by words English never writes
            # (surnames) is a person whatever label the model gave it
            if span is not None and len(span) > 1:
                rest = [t for t in span if t.i > tok.i]
                if ent not in _BODY_OR_PLACE:
                    # '"Tell Yusra Haddad I said hi"' read as a WORK_OF_ART: only the name's own run of
                    # capitalised words after it counts, not the quote the model took in with it
                    rest = _name_run(rest, caseless)
                # ("Morgan Stanley": two given names read as one organisation stay with the model)
                return (ent not in {"GPE", "LOC", "FAC"} and bool(rest) and tok.i >= span.start
                        and all(t.is_alpha and not is_everyday(t.text) and t.lower_ not in name_lexicon("first")
                                for t in rest))
        return True

    @staticmethod
    def _first_and_surname(tok: Token, nxt: Token, caseless: bool) -> bool:
        """"mark conley", "Sandy Cooper": an everyday-word given name is a name when a surname follows."""
        if not (tok.is_alpha and nxt.is_alpha and tok.whitespace_) or tok.lower_ in CALENDAR:
            return False
        if not caseless and not (tok.text[:1].isupper() and nxt.text[:1].isupper() and not nxt.text.isupper()):
            return False
        if tok.is_stop or nxt.is_stop or tok.lower_ not in name_lexicon("first") or _where_from(nxt):
            return False
        if tok.ent_type_ and tok.ent_type_ != "PERSON" and nxt.ent_type_ == tok.ent_type_ and nxt.ent_iob_ != "B":
            return False  # "Morgan Stanley": the model reads one organisation, and its decision stands
        if nxt.lower_ in _medicines():
            return False  # "from the ward mirtazapine from the gp": a medicine after a word, no surname
        if nxt.lower_ in name_lexicon("all") and not is_everyday(nxt.text):
            return True
        # "grace oyelaran": in captions a word no dictionary or list holds, after a given name
        return caseless and len(nxt) >= 4 and nxt.lower_ not in FILLERS and not is_everyday(nxt.text)

    @staticmethod
    def _from_a_team(tok: Token, caseless: bool) -> bool:
        """"Mark from the housing team", "rose from the council": a given name said with where the
        person works is a person, even when the name is also a word."""
        doc = tok.doc
        if (not tok.is_alpha or tok.is_stop or tok.lower_ in CALENDAR or tok.lower_ not in name_lexicon("first")
                or (not caseless and not tok.text[:1].isupper())):
            return False
        words = [t.lower_ for t in doc[tok.i + 1 : tok.i + 6]]
        if len(words) < 3 or words[0] != "from" or words[1] not in _OWNERS:
            return False
        return any(w in _WORKPLACES for w in words[2:5])

    @staticmethod
    def _is_surname(tok: Token, caseless: bool, first: bool = False) -> bool:
        """``first``: the word right after the given name, where a surname that is also a word
        ("sandy cooper", "peter brown") is still the surname."""
        # cased, a capital after a given name is evidence enough that "Stender" is not "stend" + "er"
        word = is_everyday(tok.text) if caseless else tok.lower_ in everyday_words()
        if word and first and caseless and tok.lower_ in known_surnames() and tok.lower_ not in FILLERS \
                and tok.lower_ not in CALENDAR and tok.pos_ not in NEVER_NAME_POS:
            word = False
        if not tok.is_alpha or tok.is_stop or word or tok.lower_ in given_names() or _where_from(tok):
            return False
        if tok.lower_ in CHAT_WORDS or tok.lower_ in CLOSING_WORDS:
            return False  # "its patsy btw", "thanks dave tbh", "ring gemma asap": a chat word no name holds
        if tok.pos_ in NEVER_NAME_POS and not caseless:
            return False  # lower-cased, an unknown surname is tagged anything ("michael piken/VERB")
        return caseless or tok.text[:1].isupper()

    @staticmethod
    def _coordinated(doc: Doc, caseless: bool) -> list[Candidate]:
        """"goldstein and steve barnes asked": a known surname joined by "and" to a person the model
        found is a person too, though the model read it as nothing."""
        out = []
        lex = name_lexicon("all")
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            for i, joint in ((ent.start - 2, ent.start - 1), (ent.end + 1, ent.end)):
                if not (0 <= i < len(doc)) or doc[joint].lower_ not in {"and", "&"}:
                    continue
                tok = doc[i]
                if (not tok.is_alpha or tok.is_stop or tok.ent_type_ or tok.lower_ not in lex or is_everyday(tok.text)
                        or tok.lower_ in FILLERS or tok.pos_ in NEVER_NAME_POS
                        or (not caseless and not tok.text[:1].isupper())):
                    continue
                out.append(Candidate(tok.idx, tok.idx + len(tok), "person", "lexicon", 0.7, "named beside a person"))
        return out

    def __call__(self, doc: Doc) -> Doc:
        caseless = caseless_doc(doc)
        out = candidates(doc)
        out.extend(self._coordinated(doc, caseless))
        text = text_of(doc)
        i = 0
        for k in _may_be_given(doc):  # every other word fails the three tests below by itself
            if k < i:
                continue  # taken with the name before it
            i = k
            tok = doc[i]
            if not self._is_given(tok, caseless):
                if self._from_a_team(tok, caseless):
                    out.append(Candidate(tok.idx, tok.idx + len(tok), "person", "lexicon", 0.7,
                                         "given name + where they work"))
                    i += 1
                    continue
                if i + 1 < len(doc) and self._first_and_surname(tok, doc[i + 1], caseless):
                    nxt = doc[i + 1]
                    if nxt.lower_ in CLOSING_WORDS or nxt.lower_ in CHAT_WORDS:
                        nxt = tok  # "that's dawn ok": the word after closes the phrase; the name goes alone
                    out.append(Candidate(tok.idx, nxt.idx + len(nxt), "person", "lexicon", 0.7,
                                         WORD_NAME_AND_SURNAME))
                    i += 2
                    continue
                i += 1
                continue
            end = i + 1
            while (end < len(doc) and end - i < 3 and doc[end - 1].whitespace_
                   and self._is_surname(doc[end], caseless, first=end == i + 1)):
                end += 1
            start_char, end_char = tok.idx, doc[end - 1].idx + len(doc[end - 1])
            assert text[start_char:end_char].split()[0] == tok.text
            if end == i + 1 and _after_the_in_a_place_slot(doc, i):
                out.append(Candidate(start_char, end_char, "place", "lexicon", 0.7,
                                     "known given name said where a place stands"))
            else:
                out.append(Candidate(start_char, end_char, "person", "lexicon", 0.7, "known given name"))
            i = end
        return doc


def _where_from(tok: Token) -> bool:
    """"a man fae the church": the Scots "fae" before where someone is from ends a name, though "Fae" is one."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return scots_from_before(tok.text, nxt.text if nxt is not None else None)


_GIVEN_WORDS: dict[str, bool] = {}


def _given_word(low: str) -> bool:
    """What :meth:`LexiconComponent._is_given`, ``_from_a_team`` and ``_first_and_surname`` each ask first of a
    word's lower case: no calendar word, and a given name (of either list) or a familiar shape."""
    return low not in CALENDAR and (plain(low) in given_names() or low in familiar_shapes()
                                    or low in name_lexicon("first"))


def _may_be_given(doc: Doc) -> list[int]:
    """Indices of the words the lexicon's three tests may let through, in order: words of letters, no stop
    word, that :func:`_given_word` holds, judged once per word (the lists do not change). Every other word failed
    all three tests, each after a ``Token`` was made of it. The columns are the turn's shared view's
    (:func:`.turn_view.turn_view`), which the turn's other layers have read already: no array of its own."""
    view = turn_view(doc)
    known = _GIVEN_WORDS
    if len(known) >= 100_000:
        known.clear()  # a long-running process with an open vocabulary must not grow this without end
    out = []
    for i, (low, alpha, stop) in enumerate(zip(view.lowers, view.alpha, view.stop, strict=True)):
        if not alpha or stop:
            continue
        given = known.get(low)
        if given is None:
            given = known[low] = _given_word(low)
        if given:
            out.append(i)
    return out


_BODY_OR_PLACE = frozenset({"ORG", "GPE", "LOC", "FAC"})
"""Entity types the model reads a real body or place by; its other types over several words ("WORK_OF_ART",
"EVENT") are as often a quoted sentence or a title taken in whole, with a name inside."""


def _name_run(rest: list[Token], caseless: bool) -> list[Token]:
    """The words of ``rest`` up to the first that cannot be part of a name: a stop word, a pronoun, a
    punctuation mark, or (in cased text) a word without its capital."""
    run: list[Token] = []
    for t in rest:
        if not t.is_alpha or t.is_stop or t.pos_ == "PRON" or (not caseless and not t.text[:1].isupper()):
            break
        run.append(t)
    return run


@Language.factory("cmo_lexicon")
def make_lexicon(nlp: Language, name: str) -> LexiconComponent:
    return LexiconComponent(nlp)


_PLACE_PREPS = frozenset({"at", "in", "into", "to", "from", "near", "outside", "opposite", "behind"})


def _after_the_in_a_place_slot(doc: Doc, i: int) -> bool:
    """"did my pre-reg at the Heath", "back in the Florence": a given name after "the" in a place's slot is a
    place called by it (a hospital, a pub, a park), removed with a place's placeholder, not a person's."""
    return i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in _PLACE_PREPS
