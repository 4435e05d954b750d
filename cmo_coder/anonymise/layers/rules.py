"""Layer 2: patterns people, places and services are named by, and direct identifiers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..candidates import Candidate
from ..fragments import begins_word
from ..lookup import by_first_letter
from ..placeholders import RELATIONS
from ..register import common_word_names
from .allowlist import ROYAL_INSTITUTION
from .call_signs import call_sign_spans
from .cue_scan import cued_finditer, first_runs, register_cues
from .general_offices import office_heads_pattern
from .handles import handle_spans
from .neighbour_titles import said_of_a_neighbour
from .practices import PRACTICE_KINDS
from .said_dates import dates_of_birth, said_again_start
from .said_full_dates import full_dates
from .said_identifiers import said_identifiers
from .said_numbers import nhs_number_valid
from .said_units import unit_spans
from .state import NEVER_NAME_POS, candidates, caseless_doc, text_of
from .titles import titled_names
from .turn_view import char_span
from .words import (
    CALENDAR,
    FILLERS,
    GREETINGS,
    NOT_VOCATIVE,
    PEOPLES,
    SELDOM_LOWER,
    everyday_words,
    is_everyday,
    lowercase_usage,
    name_lexicon,
    place_names,
    seldom_lower,
)

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r",?\s+(?:\d{4}|'\d{2})"
    r"|" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|(?:in\s+)?(?:19|20)\d{2})"
)
_CAP = r"(?:St\.?\s+|[A-Z][A-Za-z'’&-]+\s+)"
_OFFICES = office_heads_pattern()
"""Offices named "the … General" ("the Attorney General", "the Major General"): a person's post, no hospital.
Any other capitalised word or two before "General" after "the" is a hospital said without its head word, as
people name their general hospital ("the Western General", "the Leeds General"); in captions only a compass
word is read so ("the northern general"), as no case tells a name there."""
_ENDS_PHRASE = (r"(?:with|for|to|in|on|at|after|before|when|and|but|so|then|because|until|till|was|were|is|are|"
                r"did|does|had|has|have|said|says|rang|phoned|sent|kept|took|again|now|last|yesterday|today)")
"""Words after which "the northern general" has ended its phrase, as a hospital's name does ("up the southern
general with him", "the northern general did his bypass"); before any other word it may be a phrase going on
("the northern general manager", "the western general election"), and stays."""
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
    ("ward", re.compile(r"((?:[A-Z][A-Za-z'’-]+\s+){1,2})Ward\b"), 0.85, 0),
    ("practice", re.compile(r"((?:" + _CAP + r"){1,3})(?:Surgery|Medical Practice|Practice|Health Centre|"
                            r"Medical Centre)\b"), 0.85, 0),
    ("hospital", re.compile(r"\b[Tt]he\s+(?!" + _OFFICES + r"\s)((?:[A-Z][a-z'’-]+\s+){1,2})General\b"
                            r"(?!\s+(?:[A-Z]|[Ee]lection|[Pp]ublic|[Pp]ractice|of\b))"), 0.85, 0),
    ("hospital", re.compile(r"(?i)\bthe\s+((?:north|south|east|west)(?:ern)?\s+general)(?=\s*[.,;!?]|\s*$|\s+"
                            + _ENDS_PHRASE + r"\b)"), 0.85, 1),
]
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {pattern: needs for pattern, needs in zip(
    [p for _, p, _, _ in RULES],
    [("@",), (), (), (), ("NHS",), ("Royal",), ("Hospital", "Infirmary", "Hospice"), ("Ward",),
     ("Surgery", "Practice", "Health Centre", "Medical Centre"), ("General",), ()], strict=True) if needs}
"""What a case-sensitive rule's every match holds (its e-mail's "@", the word its name ends in): a turn without
any of it is passed without running the pattern, which tries every capitalised word of the turn."""
_NEEDS_DIGIT = frozenset(p for c, p, _, _ in RULES if c in {"postcode", "phone", "dob"})
"""Rules whose every match holds a digit (``\\d``: a postcode's, a phone number's, a date of birth's day or year): a
turn without one is passed without running them, as the NHS number is."""
_DIGIT = re.compile(r"\d")
_COMMA = ","
_VOCATIVE = re.compile(
    r"(?i)\b(?:" + by_first_letter(GREETINGS, True) + r")\s*,?\s+([A-Za-z][a-z'’-]+)(?=\s*(?:[,.!?;]|$|\n)|\s+and\b)"
)
#: Words before a noun that a greeting's word can also be ("the night van", "every morning shift", "one evening
#: class"): after them the word is the noun's, not a greeting.
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "every", "each", "last", "next", "one",
                          "per", "our", "their", "his", "her", "my", "your"})
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _determined(text: str, start: int) -> bool:
    """Whether the word before ``start`` (on the same line) is a determiner: "the night van", not "night, Van"."""
    m = _LAST_WORD.search(text, max(0, start - 20), start)
    return m is not None and "\n" not in text[m.start():start] and m.group(1).lower() in _DETERMINERS


# after "thank you" a word no dictionary holds is no verb, whatever the tagger says of a lower-cased one
_NO_ADDRESS_POS = NEVER_NAME_POS - {"VERB"}
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
# "So I'm Segun, I've been…", "i'm marsha i look after me mum", "everyone calls me Baz": a speaker saying
# their own name. "I'm" is followed by anything ("I'm Polish", "i'm knackered"), so the word must be one
# English does not write (no dictionary word, in captions one subtitles seldom write in lower case), and no
# people, faith, place or nationality the model or the list below knows.
_SELF_INTRODUCTION = re.compile(
    r"(?i)\b(?:i['’]m|i am|im|they call me|everyone calls me|people call me|call me|known as)\s*,?\s+"
    r"(?:(?:uh|um|er|erm)\s*,?\s+)?(?=[^\W\d_])"
)
# "I was at the Diana Princess of Wales", "in the Queen Elizabeth", "to the King George", "at the Prince of
# Wales": hospitals (and pubs) named after royals, said without their head word. A person is not "at the"
# anyone, so after a preposition and "the" a royal title with a given name, "of" and a place, or "Royal",
# is an institution; "the Queen said", "Prince Charles" and "the Queen's speech" stay.
_ROYAL_INSTITUTION = re.compile(
    r"(?i)\b(?:at|in|into|from|to|outside|round|near|opposite|up|down)\s+the\s+"
    r"((?:diana,?\s+)?(?:queen|king|prince|princess|duchess|duke|lady)(?:['’]s)?\s+"
    r"(?:of\s+[^\W\d_][\w'’-]*|royal|[^\W\d_][\w'’-]*))"
)
_CLINICAL = re.compile(r"(?i)\b(?:ward|wards|bay|nurse|nurses|doctor|doctors|consultant|admitted|discharged|born|"
                       r"a\s*&\s*e|a and e|maternity|operation|scan|clinic|unit|detox|sectioned|hospital|"
                       r"trained|training|midwife|theatre|surgeon|inpatient|outpatients?)\b")
_NAME_THEN_JOB = re.compile(r"(?i)(?:^|[,;]\s+|\b(?:and|are|is|be|by|was|we have|with)\s+)((?:[^\W\d_][\w'’-]*\s+){0,2}"
                            r"[^\W\d_][\w'’-]*),\s+(?:(?:our|the|its|their|your|new)\s+){0,2}" + _JOB + r"\b")
_JOB_AFTER_COMMA = re.compile(r"(?i),\s+(?:(?:our|the|its|their|your|new)\s+){0,2}" + _JOB + r"\b")
"""The end of :data:`_NAME_THEN_JOB` alone: a turn without it holds no match, and it is found in one quick pass
(the whole pattern tries a name of up to three words at every word of the turn)."""
_JOB_THEN_NAME = re.compile(r"(?i)\b(?:ceo|cfo|coo|cto|evp|svp|president|chairman|officer|director|manager|"
                            r"treasurer|counsel)\s*,\s+((?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*)(?=\s*[,.;])")
_HERE = re.compile(r"(?im)(?:^|[.,!?]\s+|\b(?:hi|hey|morning|yeah|yes|sure|okay|so)\s*,?\s+)([^\W\d_][\w'’-]*)"
                   r"(?=\s+here\b\s*[.,!?]|\s+here\s*$)")
_HERE_WORD = re.compile(r"(?i)\s+here\b")
"""What every match of :data:`_HERE` holds: a turn without it is passed at once."""
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?")
_STUTTER = re.compile(r"([^\W\d_]{1,12})-\s+")
_AFTER_NAME = {"to", "and", "from", "with", "who", "our", "here", "please", "of", "at", "for", "the", "who's", "is",
               "will", "we", "i", "you", "he", "she", "they", "speaking", "on"}
PARTICLES = {"van", "de", "del", "da", "von", "la", "le", "di", "dos", "der", "den"}


_RELATION_NAME = re.compile(
    r"(?i)\b(?:my|his|her|their|our|your)\s+(?:" + "|".join(RELATIONS) + r")\s*,?\s+([A-Za-z][a-z'’-]+)"
)
_OWNER = re.compile(r"['’]s?$")
_VOCATIVE_CUES = register_cues("rules.vocative", first_runs(GREETINGS))
_RELATION_CUES = register_cues("rules.relation", {"my", "his", "her", "their", "our", "your"})
_INTRODUCTION_CUES = register_cues("rules.introduction", {
    "this", "my", "name", "over", "hand", "handing", "pass", "passing", "joined", "question", "questions", "from"})
_SELF_INTRODUCTION_CUES = register_cues("rules.self_introduction", {
    "i", "im", "they", "everyone", "people", "call", "known"})
_ROYAL_CUES = register_cues("rules.royal", {
    "at", "in", "into", "from", "to", "outside", "round", "near", "opposite", "up", "down"})
"""The first word of each way of :data:`_VOCATIVE`, :data:`_RELATION_NAME`, :data:`_INTRODUCTION`,
:data:`_SELF_INTRODUCTION` and :data:`_ROYAL_INSTITUTION` (:mod:`.cue_scan`)."""
"""A possessive's ending on a word caught after a relation: the person is the word before it."""
_CASELESS_PLACE = re.compile(
    r"(?i)\b((?:[a-z][a-z'’-]+\s+){1,3})(nhs\s+(?:foundation\s+)?trust|hospital|infirmary|surgery|health centre|"
    r"medical centre)\b"
)
_CASELESS_HEAD = re.compile(r"(?i)(?:nhs\s+(?:foundation\s+)?trust|hospital|infirmary|surgery|health centre|"
                            r"medical centre)\b")
"""The head of :data:`_CASELESS_PLACE` alone: a turn without one holds no match."""
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


_SAID_SCORE = {"phone": 0.9, "nhs_number": 0.97, "hospital_number": 0.95, "national_insurance": 0.95,
               "car_registration": 0.95, "email": 0.95, "bank": 0.95, "house_number": 0.85, "street": 0.8}
"""Identifiers said aloud (``said_identifiers``): a shape read from words outranks a postcode district inside it."""
_NHS_NUMBER = re.compile(r"(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")


class RulesComponent:
    """Layer 2: patterns people and services are named by, and direct identifiers (numbers, e-mails)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def _span_ok(self, doc: Doc, start: int, end: int) -> Span | None:
        return char_span(doc, start, end, "expand")

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
        if (vocative and tok.is_alpha and tok.pos_ not in _NO_ADDRESS_POS
                and (not is_everyday(tok.text) or seldom_lower(tok.text))):
            # "thank you camilo", "thank you relland" (tagged ADJ or VERB, but no English word), "thank you,
            # franco" (a word in Webster's, but a name people write with a capital)
            return True
        if caseless or tok.text.islower():
            if vocative and is_everyday(tok.text) and tok.lower_ not in name_lexicon("first"):
                return False  # "thank you, speakers": a word, and not one people are named
            return tok.pos_ in {"PROPN", "NOUN", "X"} and tok.lower_ not in common_word_names() | _GENERIC
        return True

    def __call__(self, doc: Doc) -> Doc:
        out = candidates(doc)
        text = text_of(doc)
        caseless = caseless_doc(doc)
        digits = _DIGIT.search(text) is not None
        for m in _NHS_NUMBER.finditer(text) if digits else ():
            if nhs_number_valid("".join(m.groups())):
                out.append(Candidate(m.start(), m.end(), "nhs_number", "rules", 0.99, "NHS number (mod-11 valid)"))
        for s, e, category, reason in said_identifiers(text):
            out.append(Candidate(s, e, category, "rules", _SAID_SCORE[category], reason))
        for s, e in handle_spans(text):
            out.append(Candidate(s, e, "handle", "rules", 0.95, "social-media handle or username"))
        for s, e in call_sign_spans(text):
            out.append(Candidate(s, e, "call_sign", "rules", 0.9, "a crew's radio call-sign (a phonetic word and a "
                                 "number)"))
        for s, e, category in unit_spans(text):
            out.append(Candidate(s, e, category, "rules", 0.9, "a numbered ward, bay, room or wing, removed whole"))
        for s, e in dates_of_birth(text):
            out.append(Candidate(s, e, "dob", "rules", 0.9, "date of birth after a birth cue"))
        for d in full_dates(text):
            if d.birth:
                out.append(Candidate(said_again_start(text, d.start), d.end, "dob", "rules", 0.9,
                                     "a full date, with a birth cue or an age"))
            else:
                out.append(Candidate(d.start, d.end, "date", "rules", 0.85, "a full date (day, month and year)"))
        for category, pattern, score, group in RULES:
            needs = _NEEDS.get(pattern)
            if needs is not None and not any(word in text for word in needs):
                continue
            if not digits and pattern in _NEEDS_DIGIT:
                continue
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
        for t in titled_names(text, caseless):
            if not caseless:
                out.append(Candidate(t.start, t.end, "person", "rules", 0.9, "title + name"))
                continue
            word = text[t.first_start:t.first_end].lower()
            neighbour = said_of_a_neighbour(text, t.start, t.end)
            if is_everyday(word) and word not in name_lexicon("all") and not neighbour:
                continue  # "miss appointments", "sister ward": the title word is a word here too
            if self._word_is_name(doc, t.first_start, t.first_end, True):
                out.append(Candidate(t.start, t.end, "person", "rules", 0.7, "title + name"))
        if caseless and _CASELESS_HEAD.search(text):
            for m in _CASELESS_PLACE.finditer(text):
                words = m.group(1).split()
                keep: list[str] = []
                for w in reversed(words):
                    low = w.lower()
                    if low in self.nlp.Defaults.stop_words or (low in _GENERIC and low not in _DESCRIPTORS):
                        break
                    keep.insert(0, w)
                if (m.group(2).lower() == "surgery" and keep
                        and keep[-1].lower().replace("’", "'") in PRACTICE_KINDS - _DESCRIPTORS):
                    continue  # "had heart surgery", "good practice": a kind of operation or practice, no name
                if any(w.lower() not in _DESCRIPTORS for w in keep):
                    s = m.start(1) + m.group(1).rfind(" ".join(keep))
                    cat = "trust" if "trust" in m.group(2).lower() else (
                        "practice" if m.group(2).lower() in {"surgery", "health centre", "medical centre"}
                        else "hospital")
                    out.append(Candidate(s, m.end(2), cat, "rules", 0.7, f"{cat} pattern"))
        comma = _COMMA in text  # what every match of the two addresses and a job before a name holds
        if not caseless:
            for m in _chained(_ADDRESS, text) if comma else ():
                s, e = m.span(1)
                span = self._span_ok(doc, s, e)
                if (span is not None and len(span) == 1 and span[0].pos_ == "PROPN" and not span[0].is_stop
                        and span[0].lower_ not in NOT_VOCATIVE and span[0].lower_ not in _INTERJECTIONS
                        and span[0].lower_ not in FILLERS and span[0].ent_type_ not in {"GPE", "LOC", "ORG"}
                        # "mostly Eritrean and Sudanese, some Afghan": a people in a list, nobody addressed
                        and span[0].lower_ not in PEOPLES
                        # "Supervision, I think.", "Spice, for a while": a word that opens a sentence
                        and (not is_everyday(span[0].text) or span[0].lower_ in name_lexicon("first"))):
                    out.append(Candidate(s, e, "person", "rules", 0.75, "addressed by name"))
        else:
            # "yeah, fransisco, thank you", "um, jeoff, you know": a word no dictionary holds, set off
            # after an interjection, is someone addressed (no capital to go by in captions)
            for m in _chained(_ADDRESS_CASELESS, text) if comma else ():
                s, e = m.span(1)
                span = self._span_ok(doc, s, e)
                if (span is not None and len(span) == 1 and self._is_name_word(m.group(1), True)
                        and span[0].pos_ not in NEVER_NAME_POS and span[0].ent_type_ not in {"GPE", "LOC", "ORG"}
                        and span[0].lower_ not in PEOPLES):
                    out.append(Candidate(s, e, "person", "rules", 0.65, "addressed by name"))
        for pattern, cues, reason in ((_VOCATIVE, _VOCATIVE_CUES, "vocative"),
                                     (_RELATION_NAME, _RELATION_CUES, "relation + name")):
            for m in cued_finditer(pattern, text, cues):
                if reason == "vocative" and _determined(text, m.start()):
                    continue  # "they cut the night van": a greeting's word after "the" is a noun, and no one
                    # is addressed
                s, e = m.span(1)
                word = m.group(1)
                owner = _OWNER.search(word)
                if owner is not None and owner.start() > 0:  # "my cousin Mikey's kids": the name, not its "'s"
                    word, e = word[:owner.start()], s + owner.start()
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
        self._self_introductions(doc, text, out, caseless)
        self._royal_institutions(text, out, caseless)
        self._job_titles(text, out, caseless)
        return doc

    def _introductions(self, text: str, out: list[Candidate], caseless: bool) -> None:
        for m in cued_finditer(_INTRODUCTION, text, _INTRODUCTION_CUES):
            found = self._names_after(text, m.end(), caseless)
            if found:
                out.append(Candidate(found[0], found[1], "person", "rules", 0.7, "introduced by name"))
        for m in _HERE.finditer(text) if _HERE_WORD.search(text) else ():
            if m.group(1).lower().replace("’", "'").split("'")[0] in STOP_WORDS:
                continue  # "Sorry sorry, I'm here": the speaker, not a name
            if self._is_name_word(m.group(1), caseless):
                out.append(Candidate(m.start(1), m.end(1), "person", "rules", 0.7, "introduced by name"))

    def _self_introductions(self, doc: Doc, text: str, out: list[Candidate], caseless: bool) -> None:
        for m in cued_finditer(_SELF_INTRODUCTION, text, _SELF_INTRODUCTION_CUES):
            word = _NAME_WORD.match(text, m.end())
            if word is None:
                continue
            base = re.sub(r"['’]s$", "", word.group(0))
            low = base.lower()
            if low.replace("’", "'").split("'")[0] in STOP_WORDS:
                continue  # "so I'm, um, I'm sort of": the speaker starting again, no name
            if (low in PEOPLES or low in place_names() or not self._is_name_word(base, caseless)
                    or (caseless and lowercase_usage().get(low, 0) >= SELDOM_LOWER)):
                continue
            span = doc.char_span(word.start(), word.start() + len(base), alignment_mode="expand")
            if span is not None and any(t.ent_type_ in {"NORP", "GPE", "LOC", "FAC", "LANGUAGE"} for t in span):
                continue
            found = self._names_after(text, word.start(), caseless)
            if found:
                out.append(Candidate(found[0], found[1], "person", "rules", 0.75, "says their own name"))

    @staticmethod
    def _royal_institutions(text: str, out: list[Candidate], caseless: bool) -> None:
        for m in cued_finditer(_ROYAL_INSTITUTION, text, _ROYAL_CUES):
            words = m.group(1).replace(",", " ").split()
            last = words[-1].lower()
            if not caseless and not all(w[:1].isupper() for w in words if w.lower() != "of"):
                continue  # cased text writes the name with capitals: "in the Queen's speech" is no place
            if last not in {"royal"} and words[-2].lower() != "of" and last.rstrip("'’s") not in name_lexicon("first"):
                continue  # "the queen's speech", "the king himself": a royal title and a word
            sentence = text[max(0, m.start() - 200): m.end() + 200]
            category = "hospital" if _CLINICAL.search(sentence) else "place"
            out.append(Candidate(m.start(1), m.end(1), category, "rules", 0.8, ROYAL_INSTITUTION))

    def _job_titles(self, text: str, out: list[Candidate], caseless: bool) -> None:
        if _COMMA not in text:
            return  # both patterns set the name and the job apart with a comma: captions seldom write one
        for pattern in (_NAME_THEN_JOB, _JOB_THEN_NAME):
            if pattern is _NAME_THEN_JOB and not _JOB_AFTER_COMMA.search(text):
                continue  # most turns: no job title after a comma
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
        if first in CALENDAR or first in NOT_VOCATIVE:
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
        if low in STOP_WORDS or low in FILLERS or low in NOT_VOCATIVE or low in CALENDAR or len(low) < 3:
            return False
        if low not in (name_lexicon("first") if n == 0 else name_lexicon("all")):
            return False
        if self._closes_name(text, m.start() + len(base)):
            return True
        following = self._word_after(text, m) if n == 0 else None
        if following is None:
            return False
        surname, start = following
        return (self._is_name_word(surname, True)  # "bill smith": a surname follows
                or (self._known_surname(surname) and surname.lower() not in FILLERS
                    and self._closes_name(text, start + len(surname))))

    @staticmethod
    def _word_after(text: str, m: re.Match[str]) -> tuple[str, int] | None:
        """The word after match ``m`` (one space between), without a possessive 's, and where it starts."""
        if text[m.end() : m.end() + 1] != " ":
            return None
        nxt = _NAME_WORD.match(text, m.end() + 1)
        return None if nxt is None else (re.sub(r"['’]s$", "", nxt.group(0)), nxt.start())

    @staticmethod
    def _known_surname(word: str) -> bool:
        return word.lower() in name_lexicon("all") and word.lower() not in STOP_WORDS

    def _leads_a_surname(self, text: str, m: re.Match[str], base: str, caseless: bool) -> bool:
        """ "question is from raj patel with": after the cue, any word before a surname that ends the name."""
        low = base.lower()
        if (low in STOP_WORDS or low in FILLERS or low in NOT_VOCATIVE or not base.isalpha() or len(base) < 2
                or (not caseless and not base[:1].isupper())):
            return False
        following = self._word_after(text, m)
        if following is None:
            return False
        surname, start = following
        return ((self._is_name_word(surname, caseless) or self._known_surname(surname))
                and self._closes_name(text, start + len(surname)))

    def _names_after(self, text: str, pos: int, caseless: bool) -> tuple[int, int] | None:
        """Up to four name words right after ``pos`` ("tomas restrepo", "Olivier van Doosselaere")."""
        end, last = pos, None
        for n in range(4):
            stutter = _STUTTER.match(text, end)
            if stutter and begins_word(stutter.group(1), text, stutter.end()):
                end = stutter.end()  # "richie ci- ciciarelli": the false start goes with the name
            m = _NAME_WORD.match(text, end)
            if m is None:
                break
            word = m.group(0)
            base = re.sub(r"['’]s$", "", word)
            if n and _PRONOUN_CLITIC.match(word):
                break  # "this is kizzy we've got": a pronoun and its clitic start the next clause
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


_PRONOUN_CLITIC = re.compile(r"(?i)(?:i|you|we|they|he|she|it|that|there|here|what|who|where)['’](?:s|m|re|ve|ll|d)$")
"""A pronoun with its clitic ("we've", "she's"): never a word of a name after an introduction, as captions run the
introduction into the next clause without a comma."""


@Language.factory("cmo_rules")
def make_rules(nlp: Language, name: str) -> RulesComponent:
    return RulesComponent(nlp)
