"""Layer 3d: a word said where only a person can stand, whatever list it is on or off.

Short and unusual given names (Jo, Al, Ade, Kai, Bo, Eun, Tiago) escape the other layers: the
lexicon trusts only names longer than three letters that no dictionary holds, and the model
misses or mistypes them ("Tiago's mum" as an organisation). The sentence often leaves no doubt:
"my friend Jo", "thanks Bo", "I told Ade", "Al said", "Kai and I", "me and Kai", "Tiago's mum",
"Eun Kim". Those cues (see :func:`..context.person_cue`) make a person of a word that is a listed
given name, or no dictionary word at all. A cue outranks the model's type, so "Tiago's mum"
reads ``[name removed]'s mum`` rather than ``[organisation name]'s mum``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_ALPHA, IS_STOP, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from ..namelists import census_given, faker_names, plain, uk_given
from ..placeholders import RELATIONS
from .caption_names import ENDEARMENTS, common_given, plain_familiar
from .company_people import company_people
from .context import (
    POSSESSIONS,
    REPORTING_VERBS,
    called_at,
    person_cue,
    strong_person_cue,
    word_after,
    word_before,
)
from .frame_people import frame_people
from .modal_names import modal_names
from .name_lists import listed_names
from .opening_owners import opening_owners
from .paired_surnames import paired_surnames
from .said_names import said_names
from .set_off_names import set_off_names
from .short_people import short_people
from .state import NEVER_NAME_POS, candidates, caseless_doc, text_of
from .surnames import surnames_after
from .turn_view import turn_view
from .unheard_words import unheard_words
from .word_names import add_word_names
from .word_people import word_people
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    NOT_VOCATIVE,
    PEOPLES,
    SELDOM_LOWER,
    TITLE_WORDS,
    in_dictionary,
    is_everyday,
    known_surnames,
    lowercase_usage,
    place_names,
)

_NEVER = {*FILLERS, *NOT_VOCATIVE, *CALENDAR, *PEOPLES, *KINSHIP, *TITLE_WORDS, *RELATIONS, "mum", "dad", "i", "me",
          "lad", "lads", "girls", "boys", "kids", "someone", "somebody", "anyone", "anybody", "nobody", "who", "one",
          "people", "staff", "everyone", "they", "he", "she", "it", "we", "you", "fella", "fellow", "bloke", "guy",
          "chap", "lass", "missus", "hubby", "bro", "sis", "sir", "madam", "love", "pet", "duck", "hun",
          # benefits a participant talks about as much as people ("pip", "esa" are also given names somewhere)
          "pip", "esa", "dla", "jsa", "uc"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_COMMON_WORD = 20_000
"""Lower-case uses (film subtitles, :func:`..words.lowercase_usage`) above which a word is a word first."""
# a word no list holds is a person on the cues only people take; in captions not "ring X" or "X and I"
# either (said of services and drugs: "ring sertraline"); in cased text its capital speaks too
_CASELESS_CUES = frozenset({"before", "owns", "speaks"})
_PEOPLE_CUES = frozenset({"before", "owns", "speaks", "addressed", "with me"})
_ANY = _PEOPLE_CUES | {"does"}
_NONE: frozenset[str] = frozenset()
_UNREAD = "(not read)"
"""What the cues' loop holds for a word's strong cue (:func:`..context.strong_person_cue`) until it needs it: no
kind of that cue."""
_BEFORE_KINDS = frozenset({"kin title", "person noun", "called", "talks to", "addressed"})
"""Kinds of :func:`..context.strong_person_cue` said before the word: they outrank a longer entity."""
_CALL_PARTICLES = frozenset({"round", "around", "over", "by", "back", "in", "out", "up", "off", "away", "on", "for",
                             "to", "at", "about", "after", "upon", "through", "down", "across", "home", "names"})
"""After "called" these make a verb of it: "a lad called round", "she was called back", "he was called names"."""
_NOT_NAMED_POS = frozenset({"ADP", "PART", "ADV", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "NUM", "PUNCT"})
_NAMING_KINDS = frozenset({"kin title", "person noun", "called"})
"""Kinds only a person's name follows; the others are said of a body too ("it was barnardos who"), or of
a thing ("talking to banks"): those take no everyday word."""


def _plural_like(low: str) -> bool:
    """ "barnardos", "samaritans", "sainsburys": a body's name, written without its apostrophe in
    captions, ends in a plural or possessive "s"; a given name nobody listed seldom does."""
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))
_TYPED_BY = {"register", "rules", "ner", "caseless"}
_MODAL = {"will", "may", "can", "must", "might", "shall", "would", "could", "should"}


@cache
def listed_given() -> frozenset[str]:
    """Every given name on the census, Faker and UK lists, short ones too ("jo", "al", "bo", "kai")."""
    given, _ = faker_names()
    return frozenset(set(census_given()) | given | uk_given()) - KINSHIP


def _may_be_names(doc: Doc, caseless: bool) -> Iterator[Token]:
    """The words :meth:`CuesComponent._word_ok` may let through, in order: :func:`.state.letter_words` less those
    its first tests turn away by the word alone (its length, a word that is never a name, a modal, a listed
    place), read from one array per turn. In captions every word of letters came through before, and a
    ``Token`` was made of each for those tests to turn most of them away."""
    if not len(doc):
        return
    text, strings, known = text_of(doc), doc.vocab.strings, _CUE_WORDS
    if len(known) >= 100_000:
        known.clear()  # a long-running process with an open vocabulary must not grow this without end
    for i, (idx, low_id, alpha, stop) in enumerate(doc.to_array([IDX, LOWER, IS_ALPHA, IS_STOP]).tolist()):
        if not alpha or stop or (not caseless and not text[idx:idx + 1].isupper()):
            continue
        ok = known.get(low_id)
        if ok is None:
            low = strings[low_id]
            ok = known[low_id] = not (len(low) < 2 or len(low) > 15 or low in _NEVER or low in _MODAL
                                      or low in place_names())
        if ok:
            yield doc[i]


_CUE_WORDS: dict[int, bool] = {}
"""A word's lower case (string id) → whether :func:`_may_be_names` lets it through by the word alone: judged once
per word, as the lists do not change and a study says the same words again and again."""


def _kept_words(doc: Doc, caseless: bool) -> list[int]:
    """Indices of the words that :func:`_may_be_names` yields and :meth:`CuesComponent._word_ok` lets through, in
    order, read from the turn view's lists (and the entity arrays, only once a word gets that far): the cues' loop
    then makes a ``Token`` only of these, and asks no test twice. The two it replaces stay as its reference."""
    view = turn_view(doc)
    texts, lows, alpha, stop = view.texts, view.lowers, view.alpha, view.stop
    places, known = place_names(), _CUE_LOWS
    if len(known) >= 100_000:
        known.clear()  # as _CUE_WORDS: an open vocabulary must not grow this without end
    n = len(lows)
    ents: list[list[int]] | None = None
    out: list[int] = []
    for i in range(n):
        if not alpha[i] or stop[i]:
            continue
        text = texts[i]
        if not caseless and not (text[:1].isupper() and (len(text) <= 2 or not text.isupper())):
            continue  # cased text writes a name with its capital, and an acronym is no name
        low = lows[i]
        ok = known.get(low)
        if ok is None:
            ok = known[low] = not (len(low) < 2 or len(low) > 15 or low in _NEVER or low in _MODAL or low in places)
        if not ok or (i + 1 < n and f"{low} {lows[i + 1]}" in places):
            continue  # "Hebden Bridge"
        if ents is None:
            ents = doc.to_array([ENT_IOB, ENT_TYPE]).tolist()
        iob, label = ents[i]
        if iob == _INSIDE and doc.vocab.strings[label] in _PLACE_ENTS:
            continue  # inside "North Carolina"
        out.append(i)
    return out


_CUE_LOWS: dict[str, bool] = {}
""":data:`_CUE_WORDS` for :func:`_kept_words`, by the word's lower case itself."""
_INSIDE = 1
"""``Token.ent_iob`` of a word inside an entity, not its first (``ent_iob_ == "I"``; spaCy's ``IOB_STRINGS``)."""


_NO_CUE: dict[tuple[str, bool], bool] = {}
""":func:`_no_cue_takes`'s answers, by the word's lower case and the turn's casing."""


def _no_cue_takes(low: str, caseless: bool) -> bool:
    """Whether :meth:`CuesComponent._cues_for` answers no cue and :func:`_word_name` no for the word ``low``,
    whatever its part of speech: then only "called" before it (asked first) makes a person of it.

    Why: in captions nearly every word passes :func:`_kept_words` (no capital to ask for), and most are everyday
    words no given-name list holds; the cues' loop made a ``Token`` of each and asked the same list questions
    again at every occurrence. Both questions depend on the word and the casing alone but for the part of
    speech, which only a listed given name's reading or a word name's asks: those answer False here and take
    the full path. Judged once per word and casing."""
    key = (low, caseless)
    known = _NO_CUE.get(key)
    if known is not None:
        return known
    if len(_NO_CUE) >= 100_000:
        _NO_CUE.clear()  # an open vocabulary must not grow this without end
    word = plain(low)
    if not is_everyday(word):
        none = not (word in listed_given() or word in plain_familiar()) and caseless and \
            lowercase_usage().get(word, 0) >= SELDOM_LOWER
    else:
        none = word not in listed_given()
    if none and caseless:  # :func:`_word_name`'s tests of the word itself; only captions ask it
        none = not (is_everyday(low) and low in common_given() and low not in ENDEARMENTS and low not in _NEVER
                    and low not in _MODAL)
    _NO_CUE[key] = none
    return none


class CuesComponent:
    """Layer 3d: a person cue around a listed given name or a word no dictionary holds."""

    def _word_ok(self, tok: Token, caseless: bool) -> bool:
        if not caseless and not (tok.text[:1].isupper() and (len(tok) <= 2 or not tok.text.isupper())):
            return False  # cased text writes a name with its capital (the test that turns most words away)
        low = tok.lower_
        if (not tok.is_alpha or len(low) < 2 or len(low) > 15 or tok.is_stop or low in _NEVER or low in _MODAL
                or low in place_names()):
            return False
        if tok.ent_type_ in _PLACE_ENTS and tok.ent_iob_ == "I":
            return False  # inside "North Carolina"
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is None or f"{low} {nxt.lower_}" not in place_names()  # "Hebden Bridge"

    @staticmethod
    def _cues_for(tok: Token, caseless: bool) -> frozenset[str]:
        """The cues (kinds of :func:`..context.person_cue`) that make a person of this word.

        A listed given name no dictionary holds ("Tiago", "Kai"): any cue. A listed name that is
        also a word ("Jo", "Bo") or a word no list or dictionary holds ("Eun"): the cues only
        people take (see ``_CASELESS_CUES``). An everyday word ("mind", "release", "fella"): none.
        """
        low = plain(tok.lower_)  # "seán", "mairéad": the lists hold names without their accents too
        if tok.is_stop:
            return _NONE
        if not is_everyday(low):
            if low in listed_given() or low in plain_familiar():  # "kel" (Kelly), "stevo": a name's shape
                return _ANY
            if caseless and lowercase_usage().get(low, 0) >= SELDOM_LOWER:
                return _NONE  # "your commentary earlier answered": a word subtitles write in lower case
            return _CASELESS_CUES if caseless else _PEOPLE_CUES
        if low not in listed_given():
            return _NONE
        usage = lowercase_usage().get(low, 0)
        if caseless and usage < SELDOM_LOWER:
            return _PEOPLE_CUES  # "thanks bo": the tagger reads a caption's rare word as anything
        if tok.pos_ not in NEVER_NAME_POS and not caseless:
            return _PEOPLE_CUES
        if tok.pos_ not in NEVER_NAME_POS and usage < _COMMON_WORD:
            return _CASELESS_CUES  # "talk to banks": in captions, only the cues no plural noun takes
        return _NONE

    def __call__(self, doc: Doc) -> Doc:
        caseless = caseless_doc(doc)
        out = candidates(doc)
        # a person the lexicon or consistency alone proposed may lose its type to the model's ORG: a cue keeps it
        persons = Intervals((c.start, c.end) for c in out if c.category == "person" and c.layer in _TYPED_BY)
        people = [(c.start, c.end) for c in out if c.category == "person"]
        view = turn_view(doc)
        for i in _kept_words(doc, caseless):  # the words _may_be_names yields and _word_ok lets through
            start = view.starts[i]
            end = start + view.lengths[i]
            if persons.covers(start, end):  # asked of every kept word: a sorted index, not a scan of the spans
                continue
            called = called_at(doc, i)
            if not called and _no_cue_takes(view.lowers[i], caseless):
                continue  # most caption words: no cue makes a person of the word, told before a Token is made
            tok = doc[i]
            # the words around are read only where "called" can be said, or a caption's cue below asks for them
            strong_cue = strong_person_cue(tok) if called else _UNREAD
            if strong_cue == "called" and tok.lower_ not in _CALL_PARTICLES \
                    and tok.pos_ not in _NOT_NAMED_POS:
                # "a carer called precious", "her name was hope": only a name is said there, so even an
                # everyday word is one (a stop word, filler or kin word never: "she was called back")
                out.append(Candidate(start, end, "person", "rules", 0.8, "said where only a name stands (called)"))
                continue
            cues = self._cues_for(tok, caseless)
            word_name = caseless and _word_name(tok)
            if not cues and not word_name:
                continue
            cue = person_cue(tok)
            if word_name and cue is not None and cue not in cues and _word_name_cue(tok, cue):
                cues = cues | {cue}  # "summer's mum", "me and trace we", "i rang mo and he": a name, said so
            if cue is None and cues is _ANY and _our_family(tok):
                cue = "before"  # "our Kayleigh, that's Gary's wife": a Northern "our" before a relative's name
            if cue == "with me" and cue not in cues and _opens_clause(tok):
                cues = cues | {cue}  # "femi and i went": the clause opens on it, no "on sertraline and i"
            if cue is None and (not is_everyday(tok.lower_) or tok.lower_ in listed_given()) \
                    and _our_family(tok, speech_only=True):
                cue = "before"  # "our tesni said", "our mo said" (not "our gaap and", "our rfid and")
            if cue is None and caseless and cues and _beside_a_person(tok, people) and not _plural_like(tok.lower_):
                cue = "before"  # "ahmed and saira they both came": joined by "and" to a person already found
            if cue in cues and self._not_a_body(tok, cue) and not self._modified(tok, cue):
                out.append(Candidate(start, end, "person", "rules", 0.75, "said where a name stands"))
                continue
            # a weaker cue that failed ("this woman X rang": a noun before X) leaves the stronger one to speak
            if caseless and strong_cue is _UNREAD:
                strong_cue = strong_person_cue(tok)
            strong = strong_cue if caseless else None
            if (strong is not None and self._not_a_body(tok, "before" if strong in _BEFORE_KINDS else "speaks")
                  and (strong in _NAMING_KINDS or (word_name and strong in _WORD_NAME_KINDS)
                       or (not is_everyday(tok.lower_) and (
                      tok.lower_ in listed_given() or tok.lower_ in plain_familiar()
                      or not _plural_like(tok.lower_))))):  # ("kevs turned round and said", "debs was like")
                kin = word_before(tok)
                if strong == "kin title" and kin is not None and _low(word_before(kin)) not in _OWNERS:
                    start = kin.idx  # "auntie marcia": the kin title goes with the name, as "Auntie Marcia" does
                out.append(Candidate(start, end, "person", "rules", 0.75, f"said where a name stands ({strong})"))
            elif (len(tok) <= 4 or caseless) and self._before_surname(tok, caseless):
                nxt = tok.doc[tok.i + 1]
                out.append(Candidate(start, nxt.idx + len(nxt), "person", "rules", 0.75, "given name + surname"))
        if not caseless:  # "Carol's review of my care plan was late": whose it was, at a sentence's start
            out.extend(opening_owners(doc, listed_given(), [(c.start, c.end) for c in out if c.category == "person"]))
        out.extend(surnames_after(doc, out, caseless))
        out.extend(listed_names(doc))  # "me mags and rose", "pearl lily and daisy"
        if caseless:  # "siobhan and frost came": a surname word joined to someone found
            out.extend(paired_surnames(doc, [(c.start, c.end) for c in out if c.category == "person"]))
        out.extend(word_people(doc))  # "storm and her brother came", "i rang marigold and she said"
        out.extend(said_names(doc))  # "his name was will", "we call her mags"
        set_off_names(doc)  # cased: "a worker there, Sky, she came out", "the nurse, Faith, was lovely"
        add_word_names(doc)  # captions: "i told baker about it", "booth's brother", "father donnelly"
        # captions, last: what no list-led layer read ("her son chance was", "i rang sheer on and she said")
        out.extend(frame_people(doc))
        out.extend(company_people(doc))  # "went with shannagh to", "nazrul's wedding", "known fenella for years"
        out.extend(unheard_words(doc, out))  # "and ashcombry sorted it", "oh trevannick he was", "dunmorrick is where"
        out.extend(short_people(doc))  # "b-r-y-o-n-y", "mr j", "my mate jo said": names in one or two letters
        out.extend(modal_names(doc, out))  # captions, after every person layer: "did will [surname] ring"
        return doc

    @staticmethod
    def _modified(tok: Token, cue: str) -> bool:
        """ "credit suisse asked", "the big banks said": a noun or adjective before the word makes it the
        head of a longer name or phrase, unless that word is a given name ("rose tiago said")."""
        prev = word_before(tok)
        if cue not in {"speaks", "owns", "does"} or prev is None:
            return False
        return prev.pos_ in {"NOUN", "ADJ"} and prev.lower_ not in listed_given()

    @staticmethod
    def _not_a_body(tok: Token, cue: str) -> bool:
        """The model's organisation or place of several words ("Morgan Stanley said", "Credit Suisse
        has") stays one, but for a cue before it; one it read in one word ("Tiago" ORG) yields to any
        cue but "does", which bodies do too ("Delta has")."""
        if not tok.ent_type_ or tok.ent_type_ == "PERSON" or (cue == "owns" and tok.ent_type_ in {"DATE", "TIME"}):
            return True  # ("summer's mum": the model's "summer's" DATE has no mum)
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and sum(t.is_alpha for t in ent) > 1:  # ("wal 's" ORG is one word and its 's)
            # a quoted sentence the model took in whole as a WORK_OF_ART ('"Tell Yusra Haddad I said hi"') is
            # no body: a cue there speaks as it does anywhere
            return cue == "before" or (ent.label_ not in {"ORG", "GPE", "LOC", "FAC"} and cue != "does")
        return cue != "does"

    @staticmethod
    def _before_surname(tok: Token, caseless: bool) -> bool:
        """"Eun Kim", "Jo Pickles": a short given name right before a known surname."""
        doc = tok.doc
        if tok.i + 1 >= len(doc) or not tok.whitespace_:
            return False
        nxt = doc[tok.i + 1]
        if (not nxt.is_alpha or nxt.is_stop or nxt.lower_ not in known_surnames() or nxt.lower_ in _NEVER
                or tok.text.isupper() or tok.ent_type_ not in {"", "PERSON"}):
            return False  # "JP Morgan", "MD Anderson": initials and a company
        if caseless:
            usage = lowercase_usage()
            return (not is_everyday(tok.lower_) and not is_everyday(nxt.lower_) and not in_dictionary(nxt.lower_)
                    and usage.get(nxt.lower_, 0) < SELDOM_LOWER and usage.get(tok.lower_, 0) < SELDOM_LOWER)
        return nxt.text[:1].isupper() and not nxt.text.isupper()


_OWNERS = frozenset({"my", "his", "her", "their", "our", "your", "me", "the", "a"})

_WORD_NAME_KINDS = frozenset({"apposition", "quotes", "deed", "cleft", "keeps company", "works at", "addressed"})
"""Kinds of :func:`..context.strong_person_cue` that make a person of a caption word that is also an
everyday word, when it is a given name people bear or the familiar form of one ("so dawn my support
worker", "then mags turned round and said", "it was rocky who"). Not "talks to" or "asked": "talking
to frank", "i told summer" can be a helpline or a season as well; nor "nicknamed": "we call him lazy"."""
_KIN = frozenset(POSSESSIONS - {"house", "flat", "birthday", "funeral"})
"""Whom a person has ("summer's mum"); a season or a thing has a birthday or a house in no caption."""
_NOT_BEFORE_OWNER = frozenset({"last", "next", "this", "that", "every", "the", "a", "an", "one", "whole", "each",
                               "all", "of", "in", "since", "till", "until", "before", "after", "during"})
_HE_SHE = frozenset({"he", "she", "he's", "she's", "he'd", "she'd"})


def _beside_a_person(tok: Token, persons: list[tuple[int, int]]) -> bool:
    """ "ahmed and saira", "saira and ahmed": "and" joins the word to a word another layer read as a person."""
    for joint, other in ((word_before(tok), word_before(tok, 2)), (word_after(tok), word_after(tok, 2))):
        if _low(joint) in {"and", "&"} and other is not None and any(
                a <= other.idx and other.idx + len(other) <= b for a, b in persons):
            return True
    return False


def _word_name(tok: Token) -> bool:
    """A caption word that is also an everyday word and a given name real people bear or a familiar form
    of one ("dawn", "summer", "mags", "trace"), and no word said to someone ("sunshine", "chuck")."""
    low = tok.lower_
    return is_everyday(low) and low in common_given() and low not in ENDEARMENTS and low not in _NEVER \
        and low not in _MODAL and tok.pos_ not in _NOT_NAMED_POS


def _word_name_cue(tok: Token, cue: str) -> bool:
    """Whether ``cue`` (of :func:`..context.person_cue`) leaves only a person's reading for a word name:
    someone's relative after it ("summer's mum", not "last summer's"), "me and" at a clause's opening with
    someone doing something after ("me and trace we go"), or someone rung, told or seen who is then "he"
    or "she" ("i rang mo and he came")."""
    prev, nxt = word_before(tok), word_after(tok)
    if cue == "owns":
        return _low(word_after(tok, 2)) in _KIN and _low(prev) not in _NOT_BEFORE_OWNER
    if cue == "with me":
        return _low(prev) == "and" and _low(word_before(tok, 2)) == "me" and (
            _low(nxt) in {"we", "were", "went", "used", "both", "had", "have", "got", "was", "are", "did"})
    if cue == "addressed":
        after = _low(word_after(tok, 2)) if _low(nxt) in {"and", "but", "cos", "so"} else _low(nxt)
        return after in _HE_SHE
    return False


def _low(tok: Token | None) -> str:
    return tok.lower_ if tok is not None else ""


def _our_family(tok: Token, speech_only: bool = False) -> bool:
    """ "our Kayleigh," / "our Dwayne said": "our" names a relative; the word after must end the phrase.
    ``speech_only``: for a name that is also a word ("our mo said", not "our ivy is"), only speech after it."""
    prev, nxt = word_before(tok), word_after(tok)
    if prev is None or prev.lower_ != "our" or nxt is None:
        return False
    if speech_only:
        return nxt.lower_ in _SPEECH
    if nxt.lower_ in _HE_SHE:
        return True  # "our kel he was the one": a caption's "our X, he..." without its comma
    if lowercase_usage().get(tok.lower_, 0) >= SELDOM_LOWER:
        return False  # "our French,": a word people write in lower case too
    return nxt.is_punct or nxt.lower_ in REPORTING_VERBS or nxt.lower_ in {"'s", "’s", "and", "was", "is", "has"}


_SPEECH = frozenset({"said", "says", "told", "tells", "rang", "reckons", "reckoned", "texted", "asked", "goes"})


def _opens_clause(tok: Token) -> bool:
    """Nothing but punctuation or a linking word before ``tok``: it is the subject of what follows."""
    prev = word_before(tok)
    if prev is None:
        return True
    return prev.is_punct or prev.lower_ in {"so", "then", "and", "but", "yeah", "well", "um", "erm", "because"}


@Language.factory("cmo_person_cues")
def make_cues(nlp: Language, name: str) -> CuesComponent:
    return CuesComponent()
