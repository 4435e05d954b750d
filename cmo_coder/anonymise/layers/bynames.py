"""Layer 3e: people said by a byname, a nickname that is no form of their name ("Ginger", "Tiny", "the Major").

No rule or list the register applies derives "Badger" from Gerald Ashcombe, and the other layers
turn an everyday word away as a name. What gives a byname away is how it is said:

1. **Introduced** by a naming frame: "Gerald, Badger we all called him", "everyone knows her as
   Pebble", "Marcus, Hammer to his mates", "nicknamed the Colonel", "we call him Big Stanley". The
   frame ties the word to a person, so it is a name wherever the transcript says it again
   (:func:`said_again`, run by the consistency pass); tied to a registered person named just
   before the frame, it carries that person's identity, so an accepted decision reaches every
   transcript of the study.
2. **Capitalised mid-sentence** in cased text, where only a person stands ("Me and Sparrow had a
   brew", "I rang Noodle", "Noodle's wife"): a capital inside a sentence on an everyday word says a
   name, whatever the dictionary says. Words capitalised for other reasons (kin and role words,
   days, God, departments, titles of works written as runs of capitals, a sentence's or quote's
   first word) are left alone.
3. **In captions**, a word of the curated byname list (``data/bynames.txt``) said where only a
   person stands ("then ginger said", "me and tiny went"), never after a determiner ("the gaffer").
4. **A letter or a title-like word with a name**: "Big T", "Little J", "Uncle Gerald", "Coach
   Dan": the whole form goes, tied to the registered person whose initial or form it holds.

How sure a reading is decides its score and reason: two cues that agree (a person position and a
second sign: the model reads a person, the word is a listed name or byname, another position cue)
give a removal; one cue alone gives a proposal whose reason asks the reviewer to check it. Every
proposal here is a review item (``--accept-all`` removes it; sign-off refuses while it is open);
none is accepted silently.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..placeholders import RELATIONS
from ..register import RegisterItem
from .caption_names import common_given
from .context import PERSON_NOUNS, person_cue, strong_person_cue, word_after, word_before
from .familiar import ADJECTIVES
from .public_figures import public_surnames
from .public_names import public_names
from .register import RegisterComponent
from .state import candidates, caseless_doc, indices_among, letter_words, text_of
from .titled_runs import opens_a_joined_name
from .turn_view import char_tokens, turn_view
from .words import (
    CALENDAR,
    FILLERS,
    GREETINGS,
    KINSHIP,
    NOT_VOCATIVE,
    PEOPLES,
    TITLE_WORDS,
    is_everyday,
    known_surnames,
)

LAYER = "bynames"
INTRODUCED = "a byname, introduced as one"
"""The reason of a byname a naming frame introduces: :func:`said_again` looks for these."""
AGAIN = "a byname this transcript introduces, said again"
CUED_TWICE = "a capitalised everyday word said where a person stands (two cues agree)"
CUED_ONCE = "perhaps a byname: an everyday word said where a person stands (one cue; check it)"
LISTED_TWICE = "a byname said where a person stands (two cues agree)"
LISTED_ONCE = "perhaps a byname: a listed byname said where a person stands (one cue; check it)"
LETTER_FORM = "a registered person's initial said with a title or size word"
TITLED_FORM = "a registered name with the title-like word said as part of it"


@cache
def byname_list() -> frozenset[str]:
    """The curated bynames (``data/bynames.txt``), lower case."""
    text = resources.files("cmo_coder.data").joinpath("bynames.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _listed_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The listed bynames of one word, and those of two by their last word (→ the first words said before it)."""
    pairs: dict[str, set[str]] = {}
    for entry in byname_list():
        words = entry.split()
        if len(words) == 2:
            pairs.setdefault(words[1], set()).add(words[0])
    return (frozenset(w for w in byname_list() if " " not in w),
            {last: frozenset(firsts) for last, firsts in pairs.items()})


ROLE_WORDS = frozenset({
    "boss", "gaffer", "guv", "guvnor", "sarge", "sergeant", "skip", "skipper", "doc", "prof", "chief", "major",
    "colonel", "captain", "admiral", "general", "padre", "coach", "officer", "constable", "inspector", "matron",
    "vicar", "father", "reverend", "imam", "rabbi", "pastor", "judge", "mayor", "councillor", "minister",
    "president", "king", "queen", "prince", "princess", "lord", "lady", "dame", "saint", "sir", "madam", "chef",
    "duke", "teacher", "head", "headteacher", "miss", "sister", "brother", "nurse", "doctor", "manager",
})
"""Ranks and roles: capitalised as titles, said of whoever holds them. Bare, without a determiner, they may
be a byname ("then sarge said"), but never surely so: at most one cue, a proposal to check."""

_BODIES = frozenset({
    "team", "council", "housing", "surgery", "hospital", "service", "services", "office", "church", "school",
    "group", "centre", "center", "ward", "charity", "practice", "clinic", "project", "agency", "unit", "department",
    "jobcentre", "hostel", "college", "university", "shelter", "refuge", "pharmacy", "chemist", "probation",
    "police", "hub", "foodbank", "nursery", "social", "benefits", "reception", "security", "safeguarding",
    "admin", "management", "ambulance", "paramedics", "triage", "maternity", "physio", "psychology",
    "psychiatry", "outpatients", "records", "accounts", "finance", "legal", "estates", "catering", "transport",
    "facilities", "governance", "research", "ethics", "nursing", "medical", "surgical", "dental", "government",
    "parliament", "court", "courts", "bank", "army", "navy", "forces", "union", "company", "firm", "work",
    "works", "board", "trust", "commission", "committee", "panel", "tribunal", "appeals", "pensions",
    "immigration", "customs", "welfare", "education", "health", "care", "support", "recovery", "treatment",
})
"""Departments and bodies said as agents with a capital ("Housing rang me", "Probation said"): no person."""

_NEVER = frozenset({
    *FILLERS, *NOT_VOCATIVE, *CALENDAR, *PEOPLES, *KINSHIP, *TITLE_WORDS, *RELATIONS, *PERSON_NOUNS, *GREETINGS,
    "god", "jesus", "christ", "lord", "allah", "heaven", "hell", "christmas", "easter", "bless", "blimey", "crikey",
    "mum", "dad", "mam", "mummy", "daddy", "mate", "mates", "love", "darling", "sweetheart", "honey", "babe",
    "someone", "somebody", "anyone", "anybody", "nobody", "everyone", "everybody", "people", "person", "names",
    "everything", "anything", "something", "nothing", "one", "ones", "myself", "yourself", "himself", "herself",
    "internet", "web", "covid", "corona", "lockdown", "english", "maths", "science",
})
"""Words that are no one's byname whatever their capital: kin, titles, greetings, days, God, pronouns."""


@cache
def _listed_kin_and_calendar() -> frozenset[str]:
    """The kin words of many languages and the calendar's festivals, as listed (``data/public_names``), lower
    case: "Nani Ji", "Poh Poh", "Babcia", "Vaisakhi" name a relative or a time, never a byname."""
    return frozenset(e.lower() for kind in ("kin", "calendar") for e in public_names(kind))

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "any", "no", "every", "each",
                          "my", "your", "his", "her", "its", "our", "their"})
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "any", "no", "every", "each"})
"""Determiners before a thing; "her" and "his" are as often a pronoun before a name ("called her pickle")."""
_PLACE_BEFORE = frozenset({"from", "at", "in", "of", "for", "on", "into", "via", "near", "to", "by", "with"})
"""Words before a body or place far more often than before a person's byname."""
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "(", "[", "—", "–", "-", "…", ".", "?", "!", ":", ";"})
_POSITIONS = frozenset({"before", "addressed", "owns", "speaks", "with me"})
"""Kinds of :func:`..context.person_cue` that put a person there; "does" (a verb bodies do too) is weak."""
_OTHER_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP", "LANGUAGE"})
_CLOSED_POS = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "AUX", "PUNCT", "SPACE"})
"""Word classes no byname is, whatever the tagger makes of a caption ("known as marrow" reads a verb)."""
_CAPTION_POS = frozenset({"NOUN", "PROPN", "X", ""})
"""Parts of speech a byname a frame introduces in captions may have: "we called him lazy" is no name."""

_JOB_TITLES = frozenset({
    "nurse", "sister", "brother", "father", "matron", "doctor", "dr", "prof", "professor", "officer", "pc", "dc",
    "sgt", "sergeant", "cllr", "councillor", "pastor", "reverend", "rev", "imam", "mr", "mrs", "ms", "miss",
    "mister", "uncle", "auntie", "aunty", "aunt", "nan", "nana", "nanna", "granny", "grandad", "grandma", "gran",
})
"""Titles said before a name that a reader needs and a placeholder keeps ("Nurse [name]", "Dr [name]",
"Nan [nan's name]"): a letter after one is the name ("Dr K"), the title stays."""
_BYNAME_TITLES = frozenset({"coach", "sarge", "skip", "skipper", "doc", "boss", "gaffer", "chief", "mac", "mc",
                            "captain", "major"} | ADJECTIVES)
"""Words said before a name as part of a byname ("Coach Dan", "Doc Ray", "Big T", "Mac J"): they go with it."""
_W = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_MOD = r"(?:big|little|young|old|wee|lil|nan|nana|nanna|auntie|aunty|uncle|granny|grandad|grandma|gran)"
_B = rf"(?P<b>(?P<art>the\s+)?(?:{_MOD}\s+)?{_W})"
_BA = _B.replace("(?P<b>", "(?P<b2>").replace("(?P<art>", "(?P<art2>")
_WHO = (r"(?:we|they|everyone|everybody|people|folk|folks|i|the\s+lads|the\s+girls|the\s+kids|the\s+boys|"
        r"his\s+mates|her\s+mates|his\s+friends|her\s+friends|the\s+family)")
_FRAMES = re.compile(
    rf"\b(?:call|calls|called|calling|nicknamed|dubbed|christened)\s+(?:him|her|me)\s+(?:just\s+)?{_B}"
    rf"|\b(?:knows|know|knew|known)\s+(?:him|her|them)\s+as\s+{_BA}"
    rf"|\b(?:he|she|who|they|he['’]s|she['’]s|who['’]s|was|is|were|better|also|always|just|locally|"
    rf"affectionately|fondly|everyone|everybody|universally)\s+known\s+(?:to\s+(?:\w+\s+){{1,2}})?as\s+"
    rf"(?P<b3>(?P<art3>the\s+)?(?:{_MOD}\s+)?{_W})"
    rf"|\bnickname\s+(?:was|is|['’]s|of|being)\s+(?P<b4>(?P<art4>the\s+)?(?:{_MOD}\s+)?{_W})"
    rf"|\bnicknamed\s+(?P<b5>(?P<art5>the\s+)?(?:{_MOD}\s+)?{_W})"
    rf"|\b(?:goes|go|went|going)\s+by\s+(?P<named>the\s+name\s+(?:of\s+)?)?(?P<b6>(?P<art6>the\s+)?(?:{_MOD}\s+)?{_W})",
    re.IGNORECASE)
_AFTER = re.compile(
    rf"(?P<b>(?:{_MOD}\s+)?{_W}),?\s+(?:as\s+)?{_WHO}\s+(?:(?:all|always|used\s+to|would|['’]d|just)\s+)*"
    r"call(?:ed|s)?\s+(?:him|her|them)\b"
    rf"|(?P<b7>(?:{_MOD}\s+)?{_W})\s+to\s+(?:all\s+)?(?:his|her|their|the|everyone|everybody|us)\s+(?:whole\s+)?"
    r"(?:mates|friends|pals|family|lads|girls|boys|kids|grandkids|regulars|team|crew|colleagues|workmates|street|"
    r"estate|village|ward|school|club|pub|lot)?\b"
    rf"|(?P<b8>(?:{_MOD}\s+)?{_W}),?\s+(?:that['’]?s|that\s+is|is|was)\s+what\s+{_WHO}\s+"
    r"(?:(?:all|always|used\s+to|would|['’]d|just)\s+)*call(?:ed|s)?\b(?!\s+(?:it|that|this|these|those)\b)",
    # "Lofty, that's what we all call him / the handyman"; not "busy, that's what we call it"
    re.IGNORECASE)
_FRAME_CUES = re.compile(r"(?i)call|known?|knew|nicknam|dubbed|christened|\bby\b")
"""What every match of :data:`_FRAMES` holds: a turn without any is not scanned for one."""
_AFTER_CUES = re.compile(r"(?i)call|\bto\s+(?:all\s+)?(?:his|her|their|the|everyone|everybody|us)\s")
"""What every match of :data:`_AFTER` holds ("call", or "to" before whose people): most turns say "to",
far fewer "to his", "to the", and the long pattern is tried at every word of those only."""


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    articled: bool
    tied: Candidate | None


def _head(doc: Doc, start: int, end: int) -> Token | None:
    found = char_tokens(doc, start, end, "contract")
    return doc[found[1] - 1] if found is not None and found[0] < found[1] else None


def _says_an_initial(doc: Doc, initials: Collection[str]) -> bool:
    """Whether a word of the turn, lower-cased, is one of ``initials``' letters: a letter alone is read as a
    registered person's only where it is (``initials.get(tok.lower_)``), and most turns say none, so their words
    need not be walked for one. One set test on the turn view's words."""
    return bool(initials) and not turn_view(doc).words.isdisjoint(initials)


_WORDS_OF_A_LETTER = frozenset({"i", "a"})
"""Letters that are words: in captions (no capital to tell "I" from an initial) never read as an initial."""
_ALONE: tuple[object, frozenset[str]] | None = None


def _letters_alone(initials: dict[str, list[RegisterItem]]) -> frozenset[str]:
    """``initials``' letters but "i" and "a", which a caption's letter forms never read: the caption gate.

    Why: "i" and "a" are in nearly every caption turn, and with a registered person whose name begins with one
    (an Aisha, an Imran) the plain gate let every such turn through to a walk over its words that could find
    nothing. Kept for the last ``initials`` table (made once per register and transcript)."""
    global _ALONE
    if _ALONE is None or _ALONE[0] is not initials:
        _ALONE = (initials, frozenset(initials) - _WORDS_OF_A_LETTER)
    return _ALONE[1]


class BynamesComponent:
    """Layer 3e: bynames introduced, capitalised where a person stands, listed in captions, or a letter form."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    # ----------------------------------------------------------------------------- 1. introduced
    def _acceptable(self, doc: Doc, start: int, end: int, caseless: bool, apposition: bool,
                    naming: bool = False) -> bool:
        """A stretch a frame names is a byname: no pronoun, kin or filler word, written as a name in cased
        text; in captions a noun (or a listed byname), and after another name where the frame needs one."""
        text = text_of(doc)
        words = text[start:end].split()
        head_word = words[-1]
        low = head_word.lower()
        phrase = " ".join(w.lower() for w in words)
        listed = low in byname_list() or phrase in byname_list()
        if low in _NEVER or len(low) < 2 or (low in ROLE_WORDS and not listed and caseless):
            return False
        if low in _listed_kin_and_calendar() or phrase in _listed_kin_and_calendar():
            return False
        head = _head(doc, start, end)
        if head is None or head.is_stop or head.like_num:
            return False
        if not caseless:
            return head_word[:1].isupper() and not head_word.isupper()
        if apposition and not listed:  # "gerald badger we all called him": after the name it stands beside
            prev = word_before(doc[head.i - len(words) + 1])
            if prev is None or not self._is_name(prev):
                return False
            naming = True
        nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None  # on the same line
        if nxt is not None and nxt.pos_ == "NOUN" and not listed and not naming and nxt.lower_ != low:
            return False  # "we call him proof-of-concept projects": a word before its noun
        pos_ok = head.pos_ in _CAPTION_POS or (naming and head.pos_ not in _CLOSED_POS)
        return listed or (pos_ok and (not low.endswith("s") or low.endswith("ss")))

    def _is_name(self, tok: Token) -> bool:
        from .cues import listed_given  # the cues layer's list, read once there

        return any(c.category == "person" and c.start <= tok.idx < c.end for c in candidates(tok.doc)) or (
            tok.lower_ in listed_given() and not is_everyday(tok.lower_))

    def introduced(self, doc: Doc) -> list[_Found]:
        """Bynames a naming frame introduces in this turn."""
        text = text_of(doc)
        frames, after = _FRAME_CUES.search(text) is not None, _AFTER_CUES.search(text) is not None
        if not (frames or after):
            return []
        caseless = caseless_doc(doc)
        found: list[_Found] = []
        for m in _FRAMES.finditer(text) if frames else ():
            key = next(k for k in ("b", "b2", "b3", "b4", "b5", "b6") if m.group(k) is not None)
            start, end = m.span(key)
            art = m.group("art" + key[1:])
            if art:
                start += len(art)
            if key == "b6" and not m.group("named") and caseless and text[start:end].lower() not in byname_list():
                continue  # "time goes by quickly": only "goes by the name of X", a listed byname, or a capital
            naming = key in {"b2", "b3", "b4"} or (key == "b6" and bool(m.group("named")))
            if self._acceptable(doc, start, end, caseless, apposition=False, naming=naming):
                found.append(_Found(start, end, bool(art), self._tie(doc, m.start())))
        for m in _AFTER.finditer(text) if after else ():
            key = next(k for k in ("b", "b7", "b8") if m.group(k) is not None)
            start, end = m.span(key)
            before = text[:start].rstrip()
            if key == "b7" and not caseless and not before.endswith((",", "—", "–", "-", "(")):
                continue  # "Marcus, Hammer to his mates": set off as an aside
            if key == "b7" and caseless and m.group(key).split()[-1].lower() not in byname_list() and (
                    text[m.end(key):m.end()].split()[-1].lower() in {"the", "his", "her", "their", "us"}
                    or _head(doc, start, end) is None or cast(Token, _head(doc, start, end)).pos_ in {"VERB", "AUX"}):
                continue  # "wetherby came to the meeting", "les went to the club": a verb's "to the", no byname
            if self._acceptable(doc, start, end, caseless, apposition=caseless):
                found.append(_Found(start, end, False, self._tie(doc, start)))
        return found

    @staticmethod
    def _tie(doc: Doc, at: int) -> Candidate | None:
        """The registered person named just before a frame ("my brother Gerald, Badger we all called him"),
        in the same sentence, or None."""
        text = text_of(doc)
        best: Candidate | None = None
        for c in candidates(doc):
            if (c.layer != "register" or c.category != "person" or c.per_occurrence or not c.item_key
                    or c.end > at or at - c.end > 60 or re.search(r"[.?!\n]", text[c.end:at])):
                continue
            if best is None or c.end > best.end:
                best = c
        return best

    # ----------------------------------------------------------------------- 2./3. said as a person
    def _sentence_start(self, tok: Token) -> bool:
        prev = tok.doc[tok.i - 1] if tok.i else None
        while prev is not None and prev.is_space and "\n" not in prev.text:
            prev = tok.doc[prev.i - 1] if prev.i else None
        return prev is None or prev.is_space or prev.text in _QUOTES or prev.text.endswith(("\n", ":"))

    @staticmethod
    def _support(tok: Token) -> int:
        """Signs besides its position that a word is someone's name: the model reads a person, a name list
        or the byname list holds it."""
        low = tok.lower_
        return int(tok.ent_type_ == "PERSON") + int(low in known_surnames() or low in byname_list()
                                                    or low in common_given())

    @staticmethod
    def _positions(tok: Token) -> int:
        """How many cues around ``tok`` put a person there (1 or 2), -1 for a weak one only, 0 for none."""
        cue = person_cue(tok)
        strong = strong_person_cue(tok)
        n = int(cue in _POSITIONS) + int(strong is not None and strong != "works at")
        if n == 0 and cue == "does":
            return -1  # "X came": a verb bodies and things do too
        return n

    def capitalised(self, doc: Doc, taken: list[tuple[int, int]]) -> list[Candidate]:
        """Cased text: an everyday word written with a capital inside a sentence, where a person stands."""
        out: list[Candidate] = []
        for tok in letter_words(doc, capitalised=True):
            low = tok.lower_
            if (len(low) < 3 or tok.text.isupper() or low in _NEVER or low in _BODIES or not is_everyday(low)
                    or low in _listed_kin_and_calendar()):
                continue
            if self._sentence_start(tok) or any(a <= tok.idx < b for a, b in taken):
                continue
            if low in public_surnames():
                continue  # "it's like Marmot said": a public figure's surname is the public layers' to judge
            prev, nxt = word_before(tok), word_after(tok)
            familiar = low in common_given() and low not in ROLE_WORDS  # "Reg", "Mags", "Dot": a given name's form
            if prev is not None and (prev.lower_ in _DETERMINERS or (prev.lower_ in _PLACE_BEFORE and not (
                    familiar and person_cue(tok) == "owns"))):
                continue  # "the Boss", "from Scotia asked"; but "at Reg's house": a familiar form has a house
            if (prev is not None and prev.text[:1].isupper() and prev.is_alpha and not self._sentence_start(prev)
                    and prev.lower_ not in _BYNAME_TITLES and prev.lower_ not in _JOB_TITLES) or (
                    nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.text != "I"):
                continue  # a run of capitals: a title, a body, a place ("Major Trauma Centre", "Great Expectations")
            if opens_a_joined_name(tok):
                continue  # "I rang Voices of Hope": a body's or a programme's first word, no byname
            if tok.ent_type_ in _OTHER_TYPES and any(e.start <= tok.i < e.end and len(e) > 1 for e in doc.ents):
                continue
            positions = self._positions(tok)
            if positions == 0:
                continue
            support = self._support(tok)
            sure = positions + support - (positions < 0) * 2  # a weak cue needs two other signs
            if positions < 0 and support < 1:
                continue
            if tok.ent_type_ in _OTHER_TYPES and person_cue(tok) in {"owns", "addressed", "does"}:
                sure -= 1  # "thank Spire's employees": a company has and is thanked, so one cue is not enough
                if sure < 1:
                    continue
            if low in ROLE_WORDS:
                sure = min(sure, 1)
            out.append(Candidate(tok.idx, tok.idx + len(tok), "person", LAYER, 0.8 if sure >= 2 else 0.55,
                                 CUED_TWICE if sure >= 2 else CUED_ONCE))
        return out

    def listed(self, doc: Doc, taken: list[tuple[int, int]]) -> list[Candidate]:
        """Captions: a listed byname said where only a person stands, never after a determiner; a listed
        byname of two words ("big man") by its last word, with the first right before it."""
        out: list[Candidate] = []
        singles, pairs = _listed_words()
        for i in indices_among(doc, singles | frozenset(pairs)):
            tok = doc[i]
            if any(a <= tok.idx < b for a, b in taken):
                continue
            prev = word_before(tok)
            first = tok
            if tok.lower_ not in singles:  # the last word of a pair: the first must be right before it
                if prev is None or prev.lower_ not in pairs[tok.lower_] or "\n" in text_of(doc)[prev.idx:tok.idx]:
                    continue
                first, prev = prev, word_before(prev)
            if prev is not None and (prev.lower_ in _DETERMINERS or prev.lower_ in {"very", "so", "too", "bit"}):
                continue
            nxt = word_after(tok)
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in RELATIONS:
                continue  # "ginger biscuits", "tiny flat": a word before its noun
            positions = self._positions(first)
            if positions <= 0 and first is not tok:
                positions = self._positions(tok)
            if positions <= 0:
                continue
            sure = positions + int(tok.ent_type_ == "PERSON")
            if tok.lower_ in ROLE_WORDS:
                sure = min(sure, 1)
            start = first.idx
            if prev is not None and prev.lower_ in ADJECTIVES and "\n" not in text_of(doc)[prev.idx:start]:
                start = prev.idx  # "big tank said": the size word is part of it
            out.append(Candidate(start, tok.idx + len(tok), "person", LAYER, 0.8 if sure >= 2 else 0.55,
                                 LISTED_TWICE if sure >= 2 else LISTED_ONCE))
        return out

    # ------------------------------------------------------------------------ 4. letter and title forms
    def _register(self) -> RegisterComponent | None:
        """The register layer, asked for once per turn: ``get_pipe`` alone (``has_pipe`` first built the list of
        every pipe's name; the project disables no pipe, so the two find the same)."""
        try:
            return cast(RegisterComponent, self.nlp.get_pipe("cmo_register"))
        except KeyError:
            return None

    def letter_forms(self, doc: Doc) -> list[Candidate]:
        """ "Big T", "Little J", "Dr K" for a registered Terence, Josephine, Kowalski; and "Coach Dan",
        "Uncle Gerald": the title-like word goes with a registered one-word name it is said as part of."""
        reg = self._register()
        if reg is None or not reg.items:
            return []
        caseless = caseless_doc(doc)
        text = text_of(doc)
        out: list[Candidate] = []
        registered = [c for c in candidates(doc) if c.layer == "register" and c.category == "person"
                      and not c.per_occurrence and c.item_key]
        for c in registered:  # a title-like word before a registered one-word name
            tok = _head(doc, c.start, c.end)
            if tok is None or " " in text[c.start:c.end]:
                continue
            prev = word_before(tok)
            if prev is None or prev.lower_ not in _BYNAME_TITLES or "\n" in text[prev.idx:c.start]:
                continue
            owner = word_before(prev)
            if caseless and owner is not None and owner.lower_ in _DETERMINERS:
                continue  # "my uncle gerald": a relation word, kept as the reader's clue
            if not caseless and not prev.text[:1].isupper():
                continue
            out.append(Candidate(prev.idx, c.end, "person", LAYER, 1.0, TITLED_FORM, item_key=c.item_key,
                                 placeholder=c.placeholder))
        initials = self._initials(reg)  # kept per register and transcript
        if not _says_an_initial(doc, _letters_alone(initials) if caseless else initials):
            return out  # no word of the turn is the initial of a registered person: no letter alone reads as one
        view = turn_view(doc)  # a Token only for a letter alone that is a registered person's initial
        lows, texts, lengths, alpha = view.lowers, view.texts, view.lengths, view.alpha
        letters = [doc[i] for i, low in enumerate(lows) if lengths[i] == 1 and alpha[i] and low in initials
                   and not (caseless and low in _WORDS_OF_A_LETTER) and (caseless or texts[i].isupper())]
        for tok in letters:
            owners = initials.get(tok.lower_)
            prev = doc[tok.i - 1] if tok.i and doc[tok.i - 1].whitespace_ else None
            if not owners or prev is None or not prev.is_alpha or (not caseless and not prev.text[:1].isupper()):
                continue
            before = word_before(prev)
            if before is not None and before.lower_ in _DETERMINERS:
                continue  # "the Big C", "a big A"
            titled = prev.lower_ in _BYNAME_TITLES or prev.lower_ in _JOB_TITLES
            if titled:  # one registered person with that initial is who "Big T" is; of several, nobody says which
                item = owners[0] if len(owners) == 1 else None
            else:
                item = next((x for x in reg.items.get(prev.lower_, []) if x in owners), None)
                if item is None:
                    continue
            start = tok.idx if prev.lower_ in _JOB_TITLES else prev.idx  # "Dr [name]", but not "Big [name]"
            out.append(Candidate(start, tok.idx + 1, "person", LAYER, 0.9, LETTER_FORM,
                                 item_key=item.key if item else None, placeholder=item.placeholder if item else None))
        return out

    _cache: tuple[object, dict[str, list[RegisterItem]]] | None = None
    _people: tuple[object, list[RegisterItem]] | None = None

    def _initials(self, reg: RegisterComponent) -> dict[str, list[RegisterItem]]:
        """Registered people in this transcript's scope by the initial of each word of their registered
        surface, kept while the register and transcript stay the same."""
        key = (id(reg.items), reg.transcript_id)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        out: dict[str, list[RegisterItem]] = {}
        for item in reg._in_scope(self._registered_people(reg)):
            for letter in dict.fromkeys(word[0].lower() for word in item.surface.split() if word[:1].isalpha()):
                out.setdefault(letter, []).append(item)
        self._cache = (key, out)
        return out

    def _registered_people(self, reg: RegisterComponent) -> list[RegisterItem]:
        """Every registered person once, by identity (not by field equality), in the order of the register's
        forms: the same for every transcript of a register, so read once per register rather than per
        transcript (a register's forms are thousands, its people a few hundred). The register's table of forms
        is replaced, never changed, when another register is set, and is kept here with the list it gave."""
        if self._people is None or self._people[0] is not reg.items:
            people = {id(item): item for group in reg.items.values() for item in group if item.category == "person"}
            self._people = (reg.items, list(people.values()))
        return self._people[1]

    # ------------------------------------------------------------------------------------- run
    def __call__(self, doc: Doc) -> Doc:
        out = candidates(doc)
        caseless = caseless_doc(doc)
        new: list[Candidate] = []
        for f in self.introduced(doc):
            tied = f.tied
            new.append(Candidate(f.start, f.end, "person", LAYER, 0.9,
                                 INTRODUCED + (" (the)" if f.articled else ""),
                                 item_key=tied.item_key if tied else None,
                                 placeholder=tied.placeholder if tied else None))
        taken = [(c.start, c.end) for c in out if c.category == "person"] + [(c.start, c.end) for c in new]
        new.extend(self.listed(doc, taken) if caseless else self.capitalised(doc, taken))
        new.extend(self.letter_forms(doc))
        out.extend(new)
        return doc


def said_again(text: str, segments: list[tuple[int, int]], found: Iterable[Candidate], caseless: bool,
               protected: list[tuple[int, int]]) -> list[Candidate]:
    """Every other occurrence, in ``segments``, of a byname a frame introduced somewhere in the transcript.

    Cased text: where written with its capital ("Badger", not "a badger"). Captions: every occurrence,
    but after a determiner when the byname was introduced without one ("the badger" is the animal;
    "the colonel" of a man nicknamed "the Colonel" is him).
    """
    from ..occurrences import form_pattern, norm  # (occurrences imports the layers package)
    from ..word_readings import said_as_the_word

    forms: dict[str, Candidate] = {}
    articled: set[str] = set()
    for c in found:
        if c.layer == LAYER and c.reason.startswith(INTRODUCED):
            form = norm(text[c.start:c.end])
            if c.item_key or form not in forms:
                forms[form] = c
            if c.reason.endswith("(the)"):
                articled.add(form)
    pattern = form_pattern(forms)
    if pattern is None:
        return []
    taken = sorted((c.start, c.end) for c in found if c.category == "person")
    out: list[Candidate] = []
    for seg_start, seg_end in segments:
        for m in pattern.finditer(text, seg_start, seg_end):
            s, e = m.span()
            if not caseless and not m.group(0)[:1].isupper():
                continue
            form = norm(m.group(0))
            source = forms[form]
            if any(a < e and s < b for a, b in protected) or (
                    not source.item_key and any(a <= s and e <= b for a, b in taken)):
                continue  # (covered, it still takes the registered person's identity where it has one)
            before = text[max(seg_start, s - 12):s].lower().split()
            if caseless and form not in articled and before and before[-1] in _ARTICLES:
                continue
            if caseless and said_as_the_word(text, s, e):
                continue  # "bear with me", "when it's sunny": the word, not the byname
            out.append(Candidate(s, e, "person", LAYER, 0.8, AGAIN, item_key=source.item_key,
                                 placeholder=source.placeholder))
    return out


@Language.factory("cmo_bynames")
def make_bynames(nlp: Language, name: str) -> BynamesComponent:
    return BynamesComponent(nlp)
