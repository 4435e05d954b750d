"""Study labels: the names a study gives its own people and sites, which no layer may remove.

Attributions and speech name participants by label (``SP12``, ``P7``, ``F2``, ``BK-S01``) or by a role and a
number, letter or code ("Participant 2", "Interviewee A", "Speaker 3", "Case Study C", "Participant P7"); captions write
them in lower case and spell numbers out ("sp12", "participant two"). They are the study's own
pseudonyms, so removing one destroys the very information anonymisation keeps. The statistical
model often reads them as people or organisations; the allow-list layer drops every proposal
inside a label, whatever layer made it (registered names aside: they always win).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .cue_scan import cued_finditer, first_runs, register_cues

_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SPOKEN = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_NUMBER_WORDS[:9]) + r"))?|"
           + "|".join(_NUMBER_WORDS) + r")")
"""A number as captions spell it: "seven", "twelve", "twenty-one", "thirty two"."""
_ROLES = ("participant", "participants", "interviewee", "interviewer", "respondent", "speaker", "service user",
          "carer", "staff member", "member of staff", "case study", "case", "site", "focus group", "group",
          "patient", "client", "person", "practitioner", "stakeholder", "informant", "int", "hcp", "parent",
          "clinician", "professional", "family member")
_ID = r"(?:(?:no\.?|number|num\.?|#)\s*)?(?:(?:sp|p|f|fg|su)[- ]?\d{1,4}\b|\d{1,4}[a-z]?\b|" + _SPOKEN + r"|[A-Z])"
_END = r"(?=['’]s\b|(?![\w'’-]))"
"""Where a label ends: a word boundary, or a possessive ("Participant 2's mum" keeps "Participant 2")."""
_CODE = re.compile(r"(?i)(?<![\w'’-])(?:(?:sp|p|f|fg|su)[- ]?\d{1,4}|(?<!\b[a-z] )(?:sp|p|fg|su)[- ]" + _SPOKEN
                   + r")" + _END)
"""A code and its number ("SP12", "P7", "FG2"), or a spoken number after a code ("p seven"), not after a lone
letter: "W F one" is a postcode read out."""
_ROLE_ID = re.compile(r"(?i)\b(?:" + "|".join(r.replace(" ", r"\s+") for r in _ROLES) + r")\s+(" + _ID
                      + r")" + _END)
_ROLE_CUES = register_cues("labels.role", first_runs(_ROLES))
"""The first word of each way of :data:`_ROLE_ID` (:mod:`.cue_scan`)."""


_SITE_CODE = re.compile(r"(?<![\w'’-])[A-Z]{1,4}-[A-Z]{0,3}\d{1,4}" + _END)
"""A study's code with a site or group prefix before a hyphen ("BK-S01", "EY-C07", "LDN-P03", "HW-12"): how teams
with several sites label participants, whatever letters they chose. Capitals only (in captions, letters and
digits as they come): a lower-case word before a hyphen and a number ("covid-19" aside) is no code."""
_SITE_CODE_CASELESS = re.compile(r"(?<![\w'’-])[a-z]{1,4}-[a-z]{0,3}\d{1,4}" + _END)


_SAYS = ("said", "says", "say", "felt", "feels", "thought", "thinks", "agreed", "agrees", "disagreed", "mentioned",
         "described", "describes", "reported", "reports", "explained", "explains", "added", "adds", "laughed",
         "replied", "answered", "asked", "continued", "commented", "noted", "stated", "talked", "spoke")
_SAID_CODE = re.compile(r"(?<![\w'’-])([A-Za-z]{2,4}\d{1,3})(?=\s+(?:" + "|".join(_SAYS) + r")\b)")
"""A study's own code of letters and a number said as a speaker ("HCP4 said", "CM12 felt"), whatever letters a
study chose; a postcode district ("LS12") never speaks (a possessive is no sign: "LS12's a rough area")."""


_STUDY_WORD = re.compile(r"(?i)\b(?:study|project|trial|evaluation|research)\b")
_STUDY_NAME = re.compile(r"(?i)(?<![\w'’-])([a-z]{2,12})(?=\s+(?:study|project|trial|evaluation|research)\b)")
"""A study's own short name before the word for it ("the CHYP study", "the RECO project", "the BLUELIGHT study"): a
name the study gave itself, so as much its own label as "Participant 2". Up to twelve letters: a study's acronym
is often a word of nine or ten ("BLUELIGHT", "HOMEWARDS")."""


_NOT_STUDY_NAMES = frozenset({"NHS", "GP", "A&E", "BBC", "ITV", "UK", "USA", "EU", "COVID", "PPI", "CEO", "OK"})
"""Acronyms of public life a speaker may say before a code; never taken as the study's name."""
_NAME_BEFORE_CODE = re.compile(r"(?<![\w'’-])([A-Z]{3,12})(?=[,:]?\s+(?:(?:interview|session|recording|focus\s+group)"
                               r"\s+)?[A-Z]{1,4}-[A-Z]{0,3}\d{1,4}(?![\w'’-]))")
"""A study's acronym right before a participant's site code, as a recording is opened ("this is LINKUP, CUM-S02",
"LINKUP interview FEN-S01"): the name and the code are the study's own, said together. Capitals of three letters or
more only, so an organisation said before a code in passing ("NHS, BK-S01 said") is no study name."""


def _study_name(word: str, caseless: bool) -> bool:
    """An acronym as the study's name: capitals of two letters or more in cased text; in captions a word no
    dictionary and no name list holds (so "the pilot study", "the smith study" keep their readings)."""
    if not caseless:
        return word.isupper() and len(word) >= 2
    from .words import in_dictionary, listed_names  # words.py reads the public lists, which read this module

    low = word.lower()
    return len(low) >= 3 and not in_dictionary(low) and low not in listed_names()


def study_names(texts: Iterable[str]) -> tuple[str, ...]:
    """The short names the transcripts of one run give their study before the word for it ("the CHYP study",
    "for the chyp study") or before a participant's site code ("LINKUP, CUM-S02"), as written, each once.

    Why across transcripts: a team names its study in the recording's opening ("this is the CHYP study,
    session two") and then by the name alone ("we're doing CHYP with the schools", "for CHYP"), in that
    transcript or another of the same study. Said before "study" it is the study's own label, as much as
    "Participant 2"; said alone it is the same name, and the model reads it as an organisation."""
    names: dict[str, str] = {}
    for text in texts:
        if "-" in text:
            for m in _NAME_BEFORE_CODE.finditer(text):
                if m.group(1) not in _NOT_STUDY_NAMES:
                    names.setdefault(m.group(1).lower(), m.group(1))
        if not _STUDY_WORD.search(text):
            continue
        caseless = not any(map(str.isupper, text))
        for m in _STUDY_NAME.finditer(text):
            if _study_name(m.group(1), caseless):
                names.setdefault(m.group(1).lower(), m.group(1))
    return tuple(names.values())


def study_label_spans(text: str) -> list[tuple[int, int]]:
    """Where study labels stand in ``text``: ``(start, end)`` character offsets, in order.

    A role word followed by a single letter counts only for a capital letter or, in text with no
    capitals at all, a lone letter other than "a" and "i" (which are words there: "speaker a lot").
    """
    return list(_label_spans(text))


@lru_cache(maxsize=64)
def _label_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`study_label_spans`, remembered for the last few texts: the allow-list and the sound-alike
    layer ask it of every turn."""
    caseless = not any(map(str.isupper, text))
    spans = [m.span() for m in _CODE.finditer(text)]
    if "-" in text:
        spans += [m.span() for m in (_SITE_CODE_CASELESS if caseless else _SITE_CODE).finditer(text)
                  if m.span() not in spans]
    for m in _SAID_CODE.finditer(text):
        code = m.group(1)
        if (caseless or code.rstrip("0123456789").isupper()) and m.span() not in spans:
            spans.append(m.span())
    if _STUDY_WORD.search(text):  # most turns name no study: the word is looked for before every name
        spans += [m.span(1) for m in _STUDY_NAME.finditer(text) if _study_name(m.group(1), caseless)]
    for m in cued_finditer(_ROLE_ID, text, _ROLE_CUES):
        ident = m.group(1)
        if len(ident) == 1 and ident.isalpha() and ident.islower() and not (caseless and ident not in {"a", "i"}):
            continue
        spans.append(m.span())
    # A role word before a code ("Participant P7") makes one label holding the code's own span: keep the widest.
    return tuple(sorted(s for s in set(spans) if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)))


def is_study_label(surface: str) -> bool:
    """The whole of ``surface`` is one study label ("SP12", "participant two")."""
    s = surface.strip()
    return any(a == 0 and b == len(s) for a, b in study_label_spans(s))
