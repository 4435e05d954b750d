"""Names and places nobody registered, read in a file's name before the name becomes a transcript's id.

Teams name files after the person interviewed and the place ("Interview with Sarah Pennington Ryde.docx",
"P07_Gorleston_carer.vtt"). The id made of the stem reaches the project's tables, the audit log, a QDPX
export's source names and case descriptions, and reports; :mod:`.stem_register` looks only for what the
register and the manifest hold, so a name nobody wrote down left the secure folder in the id alone. This
module reads a stem with the anonymiser's own lists and cheap layers, word by word:

- a given name or surname of the name lexicon that is no everyday word ("sarah", "pennington", "okonkwo");
- a UK place of the place lists, one word or two ("gorleston", "merthyr tydfil");
- a word written capitalised ("Thornbury") that no dictionary and no study word holds: a name the lists
  lack, as the anonymiser reads a capitalised unknown word;
- a word of five letters or more in lower case that no dictionary holds and that is no two dictionary words
  run together ("newlyn" is held; "heldout", "selfadvocacy" and "dropin" are not): file names are often all
  lower case, and a village the lists lack is such a word;
- a town, region or given name that is also a word, or a given name of two letters, where the words around it
  say it stands in a name's slot ("Hull carers FG 2", "Interview Grace 14-03"; not "reading group notes"):
  :mod:`.stem_words_as_names`.

Study words, codes and dates name nobody and are left alone: "siteA_staff_focus_group", "interview_03" and
"SP12_2024-05-02" keep their ids. Words of two letters are read only as given names in a name's slot
("Int_Jo_12-04"; codes: "fg", "sp", "pt" are not), nor are words in
capitals (site and study codes: "SOT", "BSR"). A word wrongly held costs only a less telling id; a name
missed is a leak, so a doubt falls on the side of the neutral id.
"""

from __future__ import annotations

import re
from functools import cache

from .stem_fold import skeleton
from .stem_words_as_names import MONTHS_AND_DAYS, word_read_as_name

#: Words of file names that are no names, though a name list or the capitalised rule would take them:
#: the kinds of session, roles, file states and transcription tools teams write in a file's name.
STUDY_WORDS = frozenset({
    "interview", "interviews", "interviewee", "interviewer", "int", "focus", "group", "groups", "fg", "staff",
    "site", "sites", "carer", "carers", "patient", "patients", "participant", "participants", "service", "user",
    "users", "transcript", "transcripts", "transcription", "notes", "final", "draft", "clean", "cleaned",
    "followup", "follow", "pilot", "session", "round", "wave", "phase", "part", "call", "phone", "zoom", "teams",
    "webex", "otter", "descript", "trint", "rev", "whisper", "nvivo", "audio", "video", "recording", "verbatim",
    "redacted", "anon", "anonymised", "anonymized", "copy", "version", "manager", "nurse", "doctor", "lead",
    "practice", "parents", "parent", "young", "family", "families", "clinic", "ward", "team", "meeting", "visit",
    "with", "and", "the", "for", "of", "on", "at", "in", "by", "to", "from", "new", "old", "main", "extra",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    # roles, services and tools written as one word, that no dictionary holds
    "physio", "physios", "whatsapp", "maxqda", "atlasti", "dedoose", "quirkos", "camhs", "chemsex", "otranscribe",
    "happyscribe", "assemblyai", "noscribe", "transcribe", "youtube", "webvtt",
    # how a file was saved, and care words written as one, that the dictionary lacks
    "unicode", "utf", "ansi", "healthcare",
})
#: The UK's and Ireland's nations: a place list holds them, and they place nobody ("NHS_England_staff").
NATIONS = frozenset({"england", "wales", "scotland", "ireland", "britain", "uk", "cymru", "ulster"})

_SPLIT_RE = re.compile(r"[^\w]+|_+")
#: camelCase and digit boundaries, case kept: ``KwameAsante2`` → Kwame, Asante, 2
_CAMEL_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\W\d_]+")
_SHORTEST = 3
#: The shortest lower-case word no dictionary holds that is read as a name (shorter ones are codes: "cldt", "hius").
_UNKNOWN_LOWER = 5


def stem_words(stem: str) -> list[str]:
    """The words of ``stem`` as written (case kept), split at separators, camelCase and digits, read as the eye
    reads them (:func:`.stem_fold.skeleton`: accents, look-alike letters and invisible characters folded)."""
    out: list[str] = []
    for part in _SPLIT_RE.split(skeleton(stem)):
        out.extend(_CAMEL_RE.findall(part))
    return out


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """The name lexicon (given names and frequent surnames, no everyday words) and the UK place lists."""
    from ..anonymise.layers.words import name_lexicon, place_names

    return name_lexicon("all"), place_names()


def stem_holds_name(stem: str, words_as_names: bool = True) -> str | None:
    """What kind of name ``stem`` holds ("a given name or surname", "a place", "a capitalised word no dictionary
    holds"), or None. The word itself is not returned: the answer is printed where the file name may not be.

    ``words_as_names``: also read an everyday word that is a name or town in a label's slot ("Hull carers FG",
    "Interview Grace", :mod:`.stem_words_as_names`). The import does, since there a doubt costs only a less
    telling id; the leak check does not, since there a doubt is a false alarm ("long-interview" read as the given
    name Long) and a check that cries wolf stops being read."""
    words = stem_words(stem)
    lows = [w.casefold() for w in words]
    if not any(w.isalpha() and (w.casefold() not in STUDY_WORDS or w.casefold() in MONTHS_AND_DAYS)
               and (len(w) >= _SHORTEST or (len(w) == 2 and not w.isupper())) for w in words):
        return None  # "interview_03", "SP12_2024-05-02": the anonymiser's lists need not load
    from ..anonymise.layers.words import in_dictionary, is_everyday

    names, places = _lists()
    for a, b in zip(lows, lows[1:], strict=False):
        if a.isalpha() and b.isalpha() and f"{a} {b}" in places and not {a, b} <= STUDY_WORDS:
            return "a place"
    for word, low in zip(words, lows, strict=True):
        if len(low) < _SHORTEST or not low.isalpha() or low in STUDY_WORDS or low in NATIONS:
            continue
        if low in names and not is_everyday(low):
            return "a given name or surname"
        if low in places:
            return "a place"
        if word[0].isupper() and word[1:].islower() and len(low) > _SHORTEST and not in_dictionary(low):
            return "a capitalised word no dictionary holds"
        if word.islower() and len(low) >= _UNKNOWN_LOWER and not _a_word(low) and not _two_words(low):
            return "a word no dictionary holds"
    return word_read_as_name(words, STUDY_WORDS | NATIONS) if words_as_names else None


def _a_word(low: str) -> bool:
    """``low`` is a word: a dictionary holds it, or English often writes it in lower case ("held", which the
    dictionary lists only as "hold")."""
    from ..anonymise.layers.words import SELDOM_LOWER, in_dictionary, lowercase_usage

    return in_dictionary(low) or lowercase_usage().get(low, 0) >= SELDOM_LOWER


def _two_words(low: str) -> bool:
    """``low`` is two words run together ("heldout", "dropin", "selfadvocacy"), each of two letters or more."""
    return any(_a_word(low[:i]) and _a_word(low[i:]) for i in range(2, len(low) - 1))
