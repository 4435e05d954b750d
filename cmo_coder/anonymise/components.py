"""spaCy pipeline components, one per analyzer layer, registered with ``@Language.factory``.

Each layer appends :class:`Candidate` objects to ``doc._.cmo_candidates`` and never edits
the text, so every offset any layer reports indexes the original string. The allow-list
runs last and removes what must stay. Layers are separate components so a project can
swap the statistical model, drop a layer, or add its own (spaCy's registry) without
touching the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, minibatch

from .candidates import Candidate, Suspicion
from .namelists import faker_names
from .placeholders import RELATIONS, placeholder_spans
from .register import Register, RegisterItem, common_word_names

if not Doc.has_extension("cmo_candidates"):
    Doc.set_extension("cmo_candidates", default=None)
if not Doc.has_extension("cmo_suspicions"):
    Doc.set_extension("cmo_suspicions", default=None)
if not Doc.has_extension("cmo_caseless"):
    Doc.set_extension("cmo_caseless", default=None)

FUNCTION_POS = {"AUX", "VERB", "ADJ", "ADP", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "INTJ"}
TITLE_WORDS = ("dr", "doctor", "mr", "mrs", "ms", "miss", "nurse", "sister", "prof", "professor", "matron", "mister",
               "missus")
GREETINGS = ("thanks", "thank you", "cheers", "hi", "hello", "hiya", "bye", "morning", "evening", "afternoon",
             "night", "sorry", "welcome", "ta", "hey")
NOT_VOCATIVE = {
    "everyone", "everybody", "all", "guys", "there", "folks", "team", "again", "so", "very", "much", "for", "lot",
    "you", "both", "ladies", "gentlemen", "doctor", "nurse", "love", "mate", "darling", "dear", "sir", "madam",
    "and", "bye", "now", "then", "too", "though", "anyway", "indeed", "everyone's", "y'all", "god", "goodness",
    "operator", "ma'am", "mr", "mrs", "ms", "dr", "president", "chairman", "morning", "afternoon", "evening",
    "got", "okay", "yes", "yeah", "no", "great", "good", "sure", "thanks", "perfect", "absolutely", "exactly",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}


def candidates(doc: Doc) -> list[Candidate]:
    if doc._.cmo_candidates is None:
        doc._.cmo_candidates = []
    return doc._.cmo_candidates


def suspicions(doc: Doc) -> list[Suspicion]:
    if doc._.cmo_suspicions is None:
        doc._.cmo_suspicions = []
    return doc._.cmo_suspicions


def is_caseless(text: str) -> bool:
    """Automatic captions are often all lower case: then capitals carry no signal at all."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) < 0.005


def _name_context(token: Token) -> bool:
    """A title, relation word or greeting right before: then an everyday word is being used as a name."""
    doc = token.doc
    if token.i == 0:
        return False
    prev = doc[token.i - 1]
    if prev.is_punct and token.i >= 2:
        prev = doc[token.i - 2]
    low = prev.lower_.rstrip(".")
    if low in TITLE_WORDS or low in RELATIONS or low in {"thanks", "hi", "hello", "cheers", "bye", "hiya", "hey"}:
        return True
    if low == "you" and token.i >= 2 and doc[token.i - 2].lower_ == "thank":
        return True
    if low in _ADDRESSEE_VERBS:
        return True
    return low in {"to", "with"} and token.i >= 2 and doc[token.i - 2].lower_ in _TALK_VERBS


_ADDRESSEE_VERBS = {"told", "asked", "met", "saw", "called", "rang", "phoned", "texted", "messaged", "visited",
                    "thanked", "tell", "ask", "meet", "see", "ring", "phone", "text", "visit", "thank", "named",
                    "introduced", "emailed", "email"}
_TALK_VERBS = {"spoke", "speak", "speaking", "talk", "talked", "talking", "chat", "chatted", "chatting", "said",
               "say", "went", "go", "going", "stay", "stayed", "lived", "live", "living", "sat", "wrote", "write",
               "married", "engaged", "came", "come", "over", "along", "back", "out"}


def _looks_like_name(token: Token, caseless: bool) -> bool:
    """Whether a one-word registered form (``Will``, ``White``) is, here, a name rather than a word.

    Errs towards "name": over-redacting an everyday word costs a reader a word, a leak costs a person.
    """
    if _name_context(token):
        return True
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ in {"'s", "’s", "was", "is", "has", "had", "said", "says", "and"}
                            or nxt.tag_ in {"VBD", "VBZ", "MD"}):
        return True  # "will's mum", "will was", "will can come": the word cannot be the verb here
    if nxt is not None and nxt.lower_ == "from" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ in {
            "the", "my", "our", "her", "his", "their"}:
        return True  # "hope from the team"
    common = token.lower_ in common_word_names()
    if not common:
        # a surname that is also a word ("White") written in lower case inside cased text is the word
        return caseless or token.text[:1].isupper() or token.pos_ not in FUNCTION_POS
    if not caseless and token.text[:1].isupper():
        sent_start = token.i == 0 or doc[token.i - 1].text in {".", "?", "!", "\n", ":"}
        if not sent_start:
            return True
        return not (token.pos_ in FUNCTION_POS and _ends_in_question(token))
    return token.pos_ == "PROPN"


def _ends_in_question(token: Token) -> bool:
    for t in token.doc[token.i : token.i + 40]:
        if t.text in {".", "!", "?"}:
            return t.text == "?"
    return False


class RegisterComponent:
    """Layer 1: registered names and their variants, ``PhraseMatcher(attr="LOWER")``."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.items: dict[str, list[RegisterItem]] = {}
        self.transcript_id: str | None = None
        self.owner: object = None

    def set_register(self, register: Register) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.items = {}
        for variant, item in register.all_variants():
            self.items.setdefault(variant.lower(), []).append(item)
        patterns: dict[str, Doc] = {}
        for variant in self.items:
            patterns.setdefault(variant, self.nlp.make_doc(variant))
            # curly apostrophes in speech: "O’Brien" should match a registered "O'Brien"
            if "'" in variant:
                patterns.setdefault(variant.replace("'", "’"), self.nlp.make_doc(variant.replace("'", "’")))
        for variant, pattern in patterns.items():
            self.matcher.add(variant.replace("’", "'"), [pattern])

    def _item(self, variant: str) -> RegisterItem | None:
        for item in self.items.get(variant, []):
            if item.scope is None or self.transcript_id is None:
                return item
            from .register import _scope_matches

            if _scope_matches(item.scope, self.transcript_id):
                return item
        return None

    def __call__(self, doc: Doc) -> Doc:
        out = candidates(doc)
        caseless = bool(doc._.cmo_caseless)
        for match_id, start, end in self.matcher(doc):
            variant = self.nlp.vocab.strings[match_id]
            item = self._item(variant)
            if item is None:
                continue
            span = doc[start:end]
            if end - start == 1 and not _looks_like_name(span[0], caseless):
                suspicions(doc).append(Suspicion(span.start_char, span.end_char,
                                                 "registered name used like an everyday word"))
                continue
            out.append(Candidate(span.start_char, span.end_char, item.category, "register", 1.0,
                                 "registered", item_key=item.key, placeholder=item.placeholder))
        return doc


@Language.factory("cmo_register")
def make_register(nlp: Language, name: str) -> RegisterComponent:
    return RegisterComponent(nlp)


# ---------------------------------------------------------------------------------------------- rules
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r",?\s+(?:\d{4}|'\d{2})"
    r"|" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|(?:in\s+)?(?:19|20)\d{2})"
)
_CAP = r"(?:St\.?\s+|[A-Z][A-Za-z'’&-]+\s+)"
RULES: list[tuple[str, re.Pattern[str], float, int]] = [
    # (category, pattern, score, group to redact)
    ("email", re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"), 0.99, 0),
    ("postcode", re.compile(r"(?i)\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"), 0.9, 0),
    ("phone", re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\w)"),
     0.9, 0),
    ("dob", re.compile(r"(?i)\b(?:born(?:\s+on)?(?:\s+the)?|date of birth(?:\s+is)?|d\.?o\.?b\.?:?"
                       r"|birthday(?:\s+is)?)\s+(" + _DATE + r")"), 0.9, 1),
    ("trust", re.compile(r"((?:" + _CAP + r"){1,6})NHS\s+(?:Foundation\s+)?Trust\b"), 0.95, 0),
    ("hospital", re.compile(r"\bRoyal\s+(?:[A-Z][A-Za-z'’-]+\s+){1,3}(?:Infirmary|Hospital)\b"), 0.95, 0),
    ("hospital", re.compile(r"((?:" + _CAP + r"){1,4})(?:Hospital|Infirmary|Hospice)\b"), 0.9, 0),
    ("ward", re.compile(r"(?i)\bward\s+(\d{1,3}[a-z]?)\b"), 0.85, 1),
    ("ward", re.compile(r"((?:[A-Z][A-Za-z'’-]+\s+){1,2})Ward\b"), 0.85, 0),
    ("practice", re.compile(r"((?:" + _CAP + r"){1,3})(?:Surgery|Medical Practice|Practice|Health Centre|"
                            r"Medical Centre)\b"), 0.85, 0),
]
_TITLE_NAME = re.compile(
    r"\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mister|Missus|Nurse|Sister|Prof|Professor|Matron)\.?\s+"
    r"([A-Z][a-z'’-]+(?:[- ][A-Z][a-z'’-]+)?)"
)
_TITLE_NAME_CASELESS = re.compile(r"(?i)\b(?:dr|doctor|mr|mrs|ms|miss|mister|missus|nurse|sister|prof|professor|"
                                  r"matron)\.?\s+"
                                  r"([a-z][a-z'’-]+)")
_VOCATIVE = re.compile(
    r"(?i)\b(?:" + "|".join(GREETINGS) + r")\s*,?\s+([A-Za-z][a-z'’-]+)(?=\s*(?:[,.!?;]|$|\n)|\s+and\b)"
)
_INTERJECTIONS = {*GREETINGS, "hey", "well", "right", "look", "listen", "please", "anyway", "oh", "ah", "er", "erm",
                  "um", "uh", "alright", "brilliant", "lovely", "fine", "cool", "wow", "gosh", "blimey", "honestly"}
# "Adrian, this will depend…", "Yeah, Adrian, hey": a capitalised word addressed at the start of a turn or sentence
# (the interjection comes first among the alternatives, or "Yeah" itself would take the match)
_ADDRESS = re.compile(
    r"(?m)(?:\b(?:[Yy]eah|[Yy]es|[Ss]ure|[Oo]kay|OK|[Ss]o|[Uu]m|[Uu]h|[Aa]nd|[Ww]ell|[Ss]orry|[Rr]ight|"
    r"know)\s*,?\s+|^|[.!?]\s+)([A-Z][a-z][a-z'’-]*)(?=\s*,)"
)
_ADDRESS_CASELESS = re.compile(
    r"(?m)(?:\b(?:yeah|yes|sure|okay|so|um|uh|and|well|sorry|right|know|hey|hi|thanks|morning)\s*,\s+|^)"
    r"([a-z][a-z'’-]+)(?=\s*,)"
)
# "this is Tomas Restrepo", "my name is…", "over to Rebecca", "next question is from Adrian Puerta",
# "Jorge here": speakers introducing themselves and handing over name someone right after the cue
_INTRODUCTION = re.compile(
    r"(?i)\b(?:this is|my name is|name's|over to|hand(?:ing)? (?:it )?to|pass(?:ing)? (?:it )?to|"
    r"joined by|questions? (?:is |are |comes? |will come |(?:is|are) coming )?(?:from|form)"
    r"(?:\s+(?:the\s+)?line\s+of)?|from (?:the )?line of)"
    r"\s*,?\s+(?:(?:uh|um|er|erm|actually)\s*,?\s+)?"
    r"(?:(?:dr|doctors?|mr|mrs|ms|miss|mister|professor|prof)\.?\s+)?(?=[^\W\d_])"
)
# "mark skonieczny, our chief financial officer", "our cfo, mark lumpkin,": people named beside their job
_JOB = (r"(?:president|chairman|chairwoman|chair|ceo|cfo|coo|cto|cmo|evp|svp|vp|treasurer|secretary|director|"
        r"manager|officer|head|chief|senior|executive|vice|general counsel|founder|partner|analyst|consultant|"
        r"matron|sister|nurse|lead|coordinator|worker)")
_NAME_THEN_JOB = re.compile(r"(?i)(?:^|[,;]\s+|\b(?:and|are|is|be|by|was|we have|with)\s+)((?:[^\W\d_][\w'’-]*\s+){0,2}"
                            r"[^\W\d_][\w'’-]*),\s+(?:(?:our|the|its|their|your|new)\s+){0,2}" + _JOB + r"\b")
_JOB_THEN_NAME = re.compile(r"(?i)\b(?:ceo|cfo|coo|cto|evp|svp|president|chairman|officer|director|manager|"
                            r"treasurer|counsel)\s*,\s+((?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*)(?=\s*[,.;])")
_HERE = re.compile(r"(?im)(?:^|[.,!?]\s+|\b(?:hi|hey|morning|yeah|yes|sure|okay|so)\s*,?\s+)([^\W\d_][\w'’-]*)"
                   r"(?=\s+here\b\s*[.,!?]|\s+here\s*$)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?")
_STUTTER = re.compile(r"([^\W\d_]{1,12})-\s+")
_AFTER_NAME = {"to", "and", "from", "with", "who", "our", "here", "please", "of", "at", "for", "the", "who's", "is",
               "will", "we", "i", "you", "he", "she", "they", "speaking", "on"}
PARTICLES = {"van", "de", "del", "da", "von", "la", "le", "di", "dos", "der", "den"}
FILLERS = {"ceo", "cfo", "coo", "cto", "cmo", "evp", "svp", "vp",
           "kinda", "gonna", "wanna", "gotta", "sorta", "dunno", "lemme", "gimme", "yep", "yeah", "nope", "okay",
           "hmm", "mmm", "uh", "um", "erm", "mhm", "mm", "ah", "oh", "huh", "yup"}
_RELATION_NAME = re.compile(
    r"(?i)\b(?:my|his|her|their|our|your)\s+(?:" + "|".join(RELATIONS) + r")\s*,?\s+([A-Za-z][a-z'’-]+)"
)
_CASELESS_PLACE = re.compile(
    r"(?i)\b((?:[a-z][a-z'’-]+\s+){1,3})(nhs\s+(?:foundation\s+)?trust|hospital|infirmary|surgery|health centre|"
    r"medical centre)\b"
)
_GENERIC = {
    "general", "local", "community", "district", "mental", "psychiatric", "children's", "private", "big", "new",
    "old", "main", "university", "teaching", "acute", "same", "other", "a", "the", "our", "my", "his", "her",
    "their", "your", "that", "this", "at", "in", "to", "from", "of", "and", "nhs", "foundation", "any", "some",
    "go", "went", "going", "into", "out", "each", "every", "whole", "one", "another", "specialist", "day", "gp",
    "doctor's", "doctors", "dentist", "vet", "national", "health", "care", "was", "is", "be", "been", "get",
}
_DESCRIPTORS = {"general", "local", "community", "district", "mental", "psychiatric", "children's", "university",
                "teaching", "acute", "specialist", "royal", "memorial", "infirmary", "county", "city"}


def _chained(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that may share words: in "know, um, jeoff," the "um" found as a name (and then
    refused) must still serve as the interjection before "jeoff"."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = max(m.start(1), pos + 1)


def nhs_number_valid(digits: str) -> bool:
    """NHS numbers carry a modulus-11 check digit; random 10-digit numbers mostly fail it."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


_NHS_NUMBER = re.compile(r"(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")


class RulesComponent:
    """Layer 2: patterns people and services are named by, and direct identifiers (numbers, e-mails)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def _span_ok(self, doc: Doc, start: int, end: int) -> Span | None:
        return doc.char_span(start, end, alignment_mode="expand")

    def _word_is_name(self, doc: Doc, start: int, end: int, caseless: bool, vocative: bool = False) -> bool:
        span = self._span_ok(doc, start, end)
        if span is None or not len(span):
            return False
        tok = span[0]
        if tok.is_stop or tok.lower_ in NOT_VOCATIVE or tok.like_num or tok.lower_ in FILLERS:
            return False
        if span.end < len(doc) and doc[span.end].text == "-" and not tok.whitespace_:
            return False  # "and-": a false start
        if vocative and tok.lower_ in common_word_names():
            return True  # "thank you, mark." / "cheers, will": addressed by name
        if vocative and tok.is_alpha and tok.pos_ not in _NEVER_NAME_POS and not is_everyday(tok.text):
            return True  # "thank you camilo": tagged ADJ, but no English word
        if caseless or tok.text.islower():
            if vocative and is_everyday(tok.text) and tok.lower_ not in name_lexicon("first"):
                return False  # "thank you, speakers": a word, and not one people are named
            return tok.pos_ in {"PROPN", "NOUN", "X"} and tok.lower_ not in common_word_names() | _GENERIC
        return True

    def __call__(self, doc: Doc) -> Doc:
        out = candidates(doc)
        text = doc.text
        caseless = bool(doc._.cmo_caseless)
        for m in _NHS_NUMBER.finditer(text):
            if nhs_number_valid("".join(m.groups())):
                out.append(Candidate(m.start(), m.end(), "nhs_number", "rules", 0.99, "NHS number (mod-11 valid)"))
        for category, pattern, score, group in RULES:
            for m in pattern.finditer(text):
                s, e = m.span(group) if group else m.span()
                if group == 0:
                    while True:  # "The Royal Infirmary": the article is not part of the name
                        lead = re.match(r"\S+\s+", text[s:e])
                        if not lead or lead.group(0).strip().lower() not in self.nlp.Defaults.stop_words:
                            break
                        s += len(lead.group(0))
                if category in {"trust", "hospital", "practice", "ward"} and group == 0:
                    first = m.group(0).split()[0].lower().rstrip(".")
                    if first in _GENERIC and category != "hospital":
                        continue
                out.append(Candidate(s, e, category, "rules", score, f"{category} pattern"))
        for m in _TITLE_NAME.finditer(text):
            out.append(Candidate(m.start(1), m.end(1), "person", "rules", 0.9, "title + name"))
        if caseless:
            for m in _TITLE_NAME_CASELESS.finditer(text):
                if self._word_is_name(doc, m.start(1), m.end(1), True):
                    out.append(Candidate(m.start(1), m.end(1), "person", "rules", 0.7, "title + name"))
            for m in _CASELESS_PLACE.finditer(text):
                words = m.group(1).split()
                keep: list[str] = []
                for w in reversed(words):
                    low = w.lower()
                    if low in self.nlp.Defaults.stop_words or (low in _GENERIC and low not in _DESCRIPTORS):
                        break
                    keep.insert(0, w)
                if any(w.lower() not in _DESCRIPTORS for w in keep):
                    s = m.start(1) + m.group(1).rfind(" ".join(keep))
                    cat = "trust" if "trust" in m.group(2).lower() else (
                        "practice" if m.group(2).lower() in {"surgery", "health centre", "medical centre"}
                        else "hospital")
                    out.append(Candidate(s, m.end(2), cat, "rules", 0.7, f"{cat} pattern"))
        if not caseless:
            for m in _chained(_ADDRESS, text):
                s, e = m.span(1)
                span = self._span_ok(doc, s, e)
                if (span is not None and len(span) == 1 and span[0].pos_ == "PROPN" and not span[0].is_stop
                        and span[0].lower_ not in NOT_VOCATIVE and span[0].lower_ not in _INTERJECTIONS
                        and span[0].ent_type_ not in {"GPE", "LOC", "ORG"}):
                    out.append(Candidate(s, e, "person", "rules", 0.75, "addressed by name"))
        else:
            # "yeah, fransisco, thank you", "um, jeoff, you know": a word no dictionary holds, set off
            # after an interjection, is someone addressed (no capital to go by in captions)
            for m in _chained(_ADDRESS_CASELESS, text):
                s, e = m.span(1)
                span = self._span_ok(doc, s, e)
                if (span is not None and len(span) == 1 and self._is_name_word(m.group(1), True)
                        and span[0].pos_ not in _NEVER_NAME_POS and span[0].ent_type_ not in {"GPE", "LOC", "ORG"}):
                    out.append(Candidate(s, e, "person", "rules", 0.65, "addressed by name"))
        for pattern, reason in ((_VOCATIVE, "vocative"), (_RELATION_NAME, "relation + name")):
            for m in pattern.finditer(text):
                s, e = m.span(1)
                word = m.group(1)
                if word.lower() in NOT_VOCATIVE:
                    continue
                if word[:1].isupper() and not caseless:
                    span = self._span_ok(doc, s, e)
                    if span is not None and len(span) and span[0].pos_ in {"PROPN", "NOUN", "X"}:
                        out.append(Candidate(s, e, "person", "rules", 0.85, reason))
                elif (caseless or reason == "vocative") and self._word_is_name(doc, s, e, True,
                                                                               vocative=reason == "vocative"):
                    out.append(Candidate(s, e, "person", "rules", 0.6, reason))
        self._introductions(text, out, caseless)  # in cased text only capitalised names
        self._job_titles(text, out, caseless)
        return doc

    def _introductions(self, text: str, out: list[Candidate], caseless: bool) -> None:
        for m in _INTRODUCTION.finditer(text):
            found = self._names_after(text, m.end(), caseless)
            if found:
                out.append(Candidate(found[0], found[1], "person", "rules", 0.7, "introduced by name"))
        for m in _HERE.finditer(text):
            if self._is_name_word(m.group(1), caseless):
                out.append(Candidate(m.start(1), m.end(1), "person", "rules", 0.7, "introduced by name"))

    def _job_titles(self, text: str, out: list[Candidate], caseless: bool) -> None:
        for pattern in (_NAME_THEN_JOB, _JOB_THEN_NAME):
            for m in pattern.finditer(text):
                found = self._job_name(text, m.start(1), m.end(1), caseless)
                if found:
                    out.append(Candidate(found[0], found[1], "person", "rules", 0.7, "named beside a job title"))

    def _job_name(self, text: str, start: int, end: int, caseless: bool = True) -> tuple[int, int] | None:
        """The name in "…, angus smith, our new chief financial officer": a given name leads it, or
        every word is one English does not write in lower case."""
        words = list(_NAME_WORD.finditer(text, start, end))
        while words and words[0].group(0).lower() not in name_lexicon("first") and (
                words[0].group(0).lower() in STOP_WORDS or is_everyday(words[0].group(0))):
            words.pop(0)  # "and", "are", "finance" before the name
        if not words or any(w.group(0).lower() in STOP_WORDS or w.group(0).lower() in FILLERS for w in words):
            return None
        if not caseless and not all(w.group(0)[:1].isupper() and not w.group(0).isupper() for w in words):
            return None  # cased text writes names with capitals: "Joc O'Rourke, President and…"
        first = words[0].group(0).lower()
        rest = [w.group(0) for w in words[1:]]
        if first in _CALENDAR or first in NOT_VOCATIVE:
            return None
        leads = first in name_lexicon("first") or all(self._is_name_word(w.group(0), True) for w in words)
        if leads and all(r.lower() in name_lexicon("all") or self._is_name_word(r, True) for r in rest):
            return words[0].start(), words[-1].end()
        return None

    @staticmethod
    def _is_name_word(word: str, caseless: bool) -> bool:
        """No everyday word, stop word or filler; in cased text written with a capital."""
        low = word.lower()
        parts = re.split(r"[-'’]", low)  # "jean-marc", "o'rourke"
        if len(low) < 3 or not all(p.isalpha() for p in parts) or low in FILLERS or low in NOT_VOCATIVE:
            return False
        # cased, the capital is evidence: only an exact dictionary word counts ("Stender" is no "stend" + "er")
        if any(len(p) > 2 and (p in STOP_WORDS or (is_everyday(p) if caseless else p in everyday_words()))
               for p in parts) or low in STOP_WORDS:
            return False
        return caseless or (word[:1].isupper() and not word.isupper())

    @staticmethod
    def _closes_name(text: str, pos: int) -> bool:
        """What follows ``pos`` ends a name: punctuation, the end, or a word such as "to" or "with"."""
        rest = text[pos : pos + 12]
        if not rest.strip() or rest[:1] in ",.;:?!":
            return True
        m = re.match(r"\s+([a-z']+)", rest.lower())
        return m is not None and m.group(1) in _AFTER_NAME

    def _everyday_name(self, text: str, m: re.Match[str], base: str, n: int) -> bool:
        """ "over to mark to review", "comes from sandy cooper with": a name that is also a word,
        trusted only where the cue has just said a name comes and a boundary follows it."""
        low = base.lower()
        if low in STOP_WORDS or low in FILLERS or low in NOT_VOCATIVE or low in _CALENDAR or len(low) < 3:
            return False
        if low not in (name_lexicon("first") if n == 0 else name_lexicon("all")):
            return False
        if self._closes_name(text, m.start() + len(base)):
            return True
        nxt = _NAME_WORD.match(text, m.end() + 1) if n == 0 and text[m.end() : m.end() + 1] == " " else None
        if nxt is None:
            return False
        surname = re.sub(r"['’]s$", "", nxt.group(0))
        low_next = surname.lower()
        return (self._is_name_word(surname, True)  # "bill smith": a surname follows
                or (low_next in name_lexicon("all") and low_next not in STOP_WORDS and low_next not in FILLERS
                    and self._closes_name(text, nxt.start() + len(surname))))

    def _leads_a_surname(self, text: str, m: re.Match[str], base: str, caseless: bool) -> bool:
        """ "question is from raj patel with": after the cue, any word before a surname that ends the name."""
        low = base.lower()
        if (low in STOP_WORDS or low in FILLERS or low in NOT_VOCATIVE or not base.isalpha() or len(base) < 2
                or (not caseless and not base[:1].isupper()) or text[m.end() : m.end() + 1] != " "):
            return False
        nxt = _NAME_WORD.match(text, m.end() + 1)
        if nxt is None:
            return False
        surname = re.sub(r"['’]s$", "", nxt.group(0))
        known = surname.lower() in name_lexicon("all") and surname.lower() not in STOP_WORDS
        return (self._is_name_word(surname, caseless) or known) and self._closes_name(text, nxt.start() + len(surname))

    def _names_after(self, text: str, pos: int, caseless: bool) -> tuple[int, int] | None:
        """Up to four name words right after ``pos`` ("tomas restrepo", "Olivier van Doosselaere")."""
        end, last = pos, None
        for n in range(4):
            stutter = _STUTTER.match(text, end)
            if stutter and text[stutter.end() :].lower().startswith(stutter.group(1).lower()):
                end = stutter.end()  # "richie ci- ciciarelli": the false start goes with the name
            m = _NAME_WORD.match(text, end)
            if m is None:
                break
            word = m.group(0)
            base = re.sub(r"['’]s$", "", word)
            if n and word.lower() in PARTICLES:
                pass  # kept only if a name word follows
            elif (self._is_name_word(base, caseless) or (caseless and self._everyday_name(text, m, base, n))
                  or (n == 0 and self._leads_a_surname(text, m, base, caseless))):
                last = m.start() + len(base)
                if base != word:
                    break  # "tomas's": the name ends at the possessive
            else:
                break
            if text[m.end() : m.end() + 1] != " ":
                break
            end = m.end() + 1
        return (pos, last) if last is not None else None


@Language.factory("cmo_rules")
def make_rules(nlp: Language, name: str) -> RulesComponent:
    return RulesComponent(nlp)


# ------------------------------------------------------------------------------------------ NER layer
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
    return NER_CATEGORIES[label]


_NOT_PEOPLE = {"mm-hmm", "mm-hm", "uh-huh", "uh-uh", "mhm", "yep", "yup", "understood", "okay", "ok", "yeah", "kinda",
               "gotcha", "hmm", "um", "uh", "erm"}


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


def ents_to_candidates(ents: Iterable[Span], layer: str, doc_text: str) -> list[Candidate]:
    """``doc_text`` is passed in: ``Doc.text`` rebuilds the whole string on every access."""
    out = []
    for ent in ents:
        if ent.label_ not in NER_CATEGORIES:
            continue
        start, end = ent.start_char, ent.end_char
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_.rstrip(".") in TITLE_WORDS:
            start = ent[1].idx  # "Dr Obuya" → keep the title, remove the name
        elif len(ent) > 1 and ent[0].lower_ in {"the", "a", "an", "our", "my"}:
            start = ent[1].idx
        text = doc_text[start:end]
        for suffix in ("'s", "’s", "'", "’"):
            if text.endswith(suffix) and len(text) > len(suffix):
                end -= len(suffix)
                text = text[: -len(suffix)]
                break
        if not text.strip() or not any(c.isalpha() for c in text):
            continue
        if ent.label_ == "PERSON" and not plausible_person(text):
            continue
        out.append(Candidate(start, end, ner_category(ent.label_, text), layer, NER_SCORES[ent.label_],
                             f"statistical NER {ent.label_}"))
    return out


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
        inputs = [self.nlp.make_doc(recase(d, self.nlp.Defaults.stop_words)) if d._.cmo_caseless else d
                  for d in docs]
        recased = [x for x, d in zip(inputs, docs, strict=True) if x is not d]
        for _, proc in self.upstream:
            if recased:
                done = iter(list(proc.pipe(recased, batch_size=batch_size)))  # type: ignore[attr-defined]
                inputs = [next(done) if x is not d else x for x, d in zip(inputs, docs, strict=True)]
        outputs = list(self.model_ner.pipe(inputs, batch_size=batch_size))  # type: ignore[attr-defined]
        for doc, out in zip(docs, outputs, strict=True):
            if out is doc:
                candidates(doc).extend(ents_to_candidates([_extend_person(e) for e in doc.ents], "ner", doc.text))
            else:
                self._from_recased(doc, out)

    @staticmethod
    def _from_recased(doc: Doc, again: Doc) -> None:
        """Entities of the re-cased copy become the turn's own (later layers read ``ent_type_``)."""
        spans = []
        for e in again.ents:
            span = doc.char_span(e.start_char, e.end_char, label=e.label_, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        # a PERSON here must contain a known given name, or a surname English does not write in
        # lower case: re-cased proper nouns are there to help places, and "Long Term" or "Strong"
        # (surnames too) alone make false "people"
        ents = [_extend_person(e) for e in again.ents if e.label_ != "PERSON" or _named_person(e)]
        found = ents_to_candidates(ents, "caseless", again.text)
        candidates(doc).extend(found)

    def __call__(self, doc: Doc) -> Doc:
        self._run([doc], 1)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Batched like the model's own pipes: one model call per batch, not per turn."""
        for batch in minibatch(stream, batch_size):
            self._run(batch, batch_size)
            yield from batch


@Language.factory("cmo_ner")
def make_ner(nlp: Language, name: str) -> NerComponent:
    return NerComponent(nlp)


# ------------------------------------------------------------------------------------- caseless layer
@cache
def name_lexicon(kind: str = "all", last_limit: int = 20000) -> frozenset[str]:
    """Given names (``kind="first"``) or given names and frequent surnames (``"all"``), lower-cased.

    From the US Census 1990 lists shipped by the ``names`` package (public domain), widened
    with Faker's lists for some sixty locales (:mod:`.namelists`): the census alone misses
    names a UK study hears (Siobhan, Niamh, Priya, Kwame, Okafor), and a lexicon that knows
    only some people's names protects only those people.
    """
    try:
        import names as names_pkg
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    base = resources.files(names_pkg)
    files: list[tuple[str, int | None]] = [("dist.male.first", None), ("dist.female.first", None)]
    if kind == "all":
        files.append(("dist.all.last", last_limit))
    out: set[str] = set()
    for fname, limit in files:
        lines = base.joinpath(fname).read_text(encoding="ascii").splitlines()[:limit]
        out.update(line.split()[0].lower() for line in lines if line.strip())
    # names from many countries, where they cannot be mistaken for words or abbreviations
    given, family = faker_names()
    out |= {n for n in given if len(n) > 3 and not is_everyday(n)}
    if kind == "all":
        out |= {n for n in family if len(n) > 3 and not is_everyday(n)}
    return frozenset(out)


def _extend_person(ent: Span) -> Span:
    """``Tomas Restrepo`` where NER stopped at ``Tomas``: take following re-cased words along."""
    if ent.label_ != "PERSON":
        return ent
    doc, end = ent.doc, ent.end
    while (end < len(doc) and end - ent.start < 4 and doc[end].is_alpha and doc[end].text[:1].isupper()
           and not doc[end].is_stop and doc[end].whitespace_ is not None and doc[end - 1].whitespace_):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


@cache
def place_names() -> frozenset[str]:
    """The shipped UK place list (``data/uk_places.txt``), lower-cased."""
    text = resources.files("cmo_coder.data").joinpath("uk_places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def place_words() -> frozenset[str]:
    return frozenset(w for name in place_names() for w in name.split())


_NEVER_NAME_POS = {"AUX", "VERB", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM"}


def _takes_object(tok: Token) -> bool:
    """ "going to mark the occasion": a verb with its object, not a name after "going to"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ in {"VERB", "AUX"} and nxt is not None and nxt.pos_ in {"DET", "PRON", "NUM", "ADJ"}


def recase(doc: Doc, stop: Iterable[str]) -> str:
    """The turn with likely names and sentence starts capitalised, for the model to read.

    Only the case of first letters changes, so every offset stays valid.
    """
    lex = name_lexicon("all")
    firsts = name_lexicon("first")
    places = place_words()
    common = common_word_names()
    stop = set(stop)
    chars = list(doc.text)
    previous_first = False
    for tok in doc:
        low = tok.lower_
        sent_start = tok.i == 0 or doc[tok.i - 1].text in {".", "?", "!"}
        plain = low not in stop and low not in common and tok.pos_ not in FUNCTION_POS and tok.is_alpha
        # lower-cased given names are often tagged ADJ or ADV ("brian", "carolina"): allow those too
        given = (low in firsts and low not in stop and low not in common and tok.is_alpha
                 and tok.pos_ not in _NEVER_NAME_POS)
        up = (low == "i" or sent_start
              or given
              or (low in places and tok.is_alpha and not tok.is_stop)
              or (tok.pos_ == "PROPN" and plain)
              or (low in lex and _name_context(tok) and not _takes_object(tok))
              or (low in lex and tok.is_alpha and low not in stop and not is_everyday(low))  # "kamen", "okafor"
              or (previous_first and (plain or (tok.is_alpha and low not in stop and not is_everyday(low)))))
        # "brian nagel", "michael piken/VERB": the word after a given name
        previous_first = given
        if up and tok.text[:1].isalpha():
            chars[tok.idx] = chars[tok.idx].upper()
    return "".join(chars)


class CaselessComponent:
    """Layer 3b: in lower-cased captions, listed UK places, which the model misses even re-cased."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.cmo_caseless:
            return doc
        names = place_names()
        # the list holds no everyday words, so a match is a place wherever it stands
        for i, tok in enumerate(doc):
            pair = f"{tok.lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
            if pair in names:
                candidates(doc).append(Candidate(tok.idx, doc[i + 1].idx + len(doc[i + 1]), "city", "caseless",
                                                 0.75, "UK place list"))
            elif tok.lower_ in names:
                candidates(doc).append(Candidate(tok.idx, tok.idx + len(tok), "city", "caseless", 0.75,
                                                 "UK place list"))
        return doc


@Language.factory("cmo_caseless")
def make_caseless(nlp: Language, name: str) -> CaselessComponent:
    return CaselessComponent()


# --------------------------------------------------------------------------------------- lexicon layer
@cache
def everyday_words() -> frozenset[str]:
    """Words English writes in lower case (Webster's 2nd, public domain, via ``english-words``).

    A given name found here ("Grant", "Dean", "Page") is also an ordinary word, so spelling
    alone cannot say it is a name; one not found here ("Adrian", "Carolina") can be trusted.
    """
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower()) | common_word_names()


def is_everyday(word: str) -> bool:
    """``word`` or a stem of it is an everyday word: the list holds "number", not "numbers"."""
    low = word.lower()
    words = everyday_words()
    if low in words:
        return True
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("er", ""), ("ers", ""), ("ly", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            if stem + repl in words or (suffix in {"ed", "ing"} and stem[-1] == stem[-2] and stem[:-1] in words):
                return True  # "dropped", "planning"
    return False


_INFLECTED_TAGS = {"VBD", "VBN", "JJS", "RBS", "MD"}


def worth_a_look(tok: Token) -> bool:
    """Whether a word in caption text could be a name nobody found: no dictionary word, no
    inflection the tagger recognises ("began", "toughest"), no compound of two words
    ("website", "anymore") unless it is a known name ("Newman")."""
    low = tok.lower_
    if is_everyday(low) or tok.tag_ in _INFLECTED_TAGS:
        return False
    if low in name_lexicon("all"):
        return True
    words = everyday_words()
    return not any(low[:i] in words and is_everyday(low[i:]) for i in range(3, len(low) - 2))


@cache
def given_names() -> frozenset[str]:
    """Given names that are not also everyday words: these mark a person wherever they stand."""
    return frozenset(n for n in name_lexicon("first") if len(n) > 2 and not is_everyday(n))


_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


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
        if not tok.is_alpha or tok.is_stop or tok.lower_ not in given_names() or tok.lower_ in _CALENDAR:
            return False
        if not caseless and not (tok.text[:1].isupper() and not tok.text.isupper()):
            return False  # "carolina" in lower case inside cased text is not written as a name
        if tok.pos_ in _NEVER_NAME_POS:
            return False
        ent = tok.ent_type_
        if ent and ent != "PERSON":
            span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            # one-word "Dominic" NORP or "Jorge" PRODUCT is the model mis-typing a name; "North Carolina" is not.
            # Nor is "Dominic Macklon" as ORG: a given name followed only by words English never writes
            # (surnames) is a person whatever label the model gave it
            if span is not None and len(span) > 1:
                rest = [t for t in span if t.i > tok.i]
                return (ent not in {"GPE", "LOC", "FAC"} and bool(rest) and tok.i >= span.start
                        and all(t.is_alpha and not is_everyday(t.text) for t in rest))
        return True

    @staticmethod
    def _first_and_surname(tok: Token, nxt: Token, caseless: bool) -> bool:
        """"mark conley", "Sandy Cooper": an everyday-word given name is a name when a surname follows."""
        if not (tok.is_alpha and nxt.is_alpha and tok.whitespace_) or tok.lower_ in _CALENDAR:
            return False
        if not caseless and not (tok.text[:1].isupper() and nxt.text[:1].isupper() and not nxt.text.isupper()):
            return False
        if tok.is_stop or nxt.is_stop or tok.lower_ not in name_lexicon("first"):
            return False
        if tok.ent_type_ and tok.ent_type_ != "PERSON" and nxt.ent_type_ == tok.ent_type_ and nxt.ent_iob_ != "B":
            return False  # "Morgan Stanley": the model reads one organisation, and its decision stands
        return nxt.lower_ in name_lexicon("all") and not is_everyday(nxt.text)

    def _is_surname(self, tok: Token, caseless: bool) -> bool:
        # cased, a capital after a given name is evidence enough that "Stender" is not "stend" + "er"
        word = is_everyday(tok.text) if caseless else tok.lower_ in everyday_words()
        if not tok.is_alpha or tok.is_stop or word or tok.lower_ in given_names():
            return False
        if tok.pos_ in _NEVER_NAME_POS and not caseless:
            return False  # lower-cased, an unknown surname is tagged anything ("michael piken/VERB")
        return caseless or tok.text[:1].isupper()

    def __call__(self, doc: Doc) -> Doc:
        caseless = bool(doc._.cmo_caseless)
        out = candidates(doc)
        text = doc.text
        i = 0
        while i < len(doc):
            tok = doc[i]
            if not self._is_given(tok, caseless):
                if i + 1 < len(doc) and self._first_and_surname(tok, doc[i + 1], caseless):
                    nxt = doc[i + 1]
                    out.append(Candidate(tok.idx, nxt.idx + len(nxt), "person", "lexicon", 0.7,
                                         "given name + surname"))
                    i += 2
                    continue
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end - i < 3 and doc[end - 1].whitespace_ and self._is_surname(doc[end], caseless):
                end += 1
            start_char, end_char = tok.idx, doc[end - 1].idx + len(doc[end - 1])
            assert text[start_char:end_char].split()[0] == tok.text
            out.append(Candidate(start_char, end_char, "person", "lexicon", 0.7, "known given name"))
            i = end
        return doc


@Language.factory("cmo_lexicon")
def make_lexicon(nlp: Language, name: str) -> LexiconComponent:
    return LexiconComponent(nlp)


# ---------------------------------------------------------------------------------------- allow-list
LABEL_TOKEN = re.compile(r"^(?:S?P|F)\d{1,4}$")


@cache
def default_allowlist() -> tuple[str, ...]:
    text = resources.files("cmo_coder.data").joinpath("allowlist.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


class AllowListComponent:
    """Layer 4: what must stay (national bodies, reports, eponyms, countries, study labels, placeholders)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.phrases: set[str] = set()
        self.owner: object = None
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.set_phrases(default_allowlist())

    def set_phrases(self, phrases: Iterable[str]) -> None:
        self.phrases = {p.lower() for p in phrases}
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        docs = []
        for p in sorted(self.phrases):
            docs.append(self.nlp.make_doc(p))
            if "'" in p:
                docs.append(self.nlp.make_doc(p.replace("'", "’")))
        self.matcher.add("ALLOW", docs)

    def protected(self, doc: Doc) -> list[tuple[int, int]]:
        spans = [(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in self.matcher(doc)]
        spans += [(t.idx, t.idx + len(t)) for t in doc if LABEL_TOKEN.match(t.text)]
        return spans + placeholder_spans(doc.text)

    def __call__(self, doc: Doc) -> Doc:
        keep = self.protected(doc)
        text = doc.text
        placeholders = placeholder_spans(text)
        out = []
        for c in candidates(doc):
            inside_placeholder = any(s < c.end and c.start < e for s, e in placeholders)
            if inside_placeholder:
                continue
            if c.layer != "register" and any(s <= c.start and c.end <= e for s, e in keep):
                continue
            if c.layer != "register" and text[c.start : c.end].lower().strip() in self.phrases:
                continue
            out.append(c)
        doc._.cmo_candidates = out
        return doc


@Language.factory("cmo_allowlist")
def make_allowlist(nlp: Language, name: str) -> AllowListComponent:
    return AllowListComponent(nlp)


class CaseFlag:
    """Runs first: marks caseless docs so every later layer can adapt.

    ``override`` is set per transcript: one short turn says too little about casing.
    """

    def __init__(self) -> None:
        self.override: bool | None = None

    def __call__(self, doc: Doc) -> Doc:
        doc._.cmo_caseless = is_caseless(doc.text) if self.override is None else self.override
        doc._.cmo_candidates = []
        doc._.cmo_suspicions = []
        return doc


@Language.factory("cmo_caseflag")
def make_caseflag(nlp: Language, name: str) -> CaseFlag:
    return CaseFlag()

