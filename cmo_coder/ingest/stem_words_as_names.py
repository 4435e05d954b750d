"""Names and places that are also words, read in a file's name by the words around them.

:mod:`.stem_lexicon` reads a stem with the anonymiser's lists, which hold no everyday word: a town that is a
word ("Hull", "Reading", "March", "Wells"), a region or area ("Highland", "the Fens", "the Valleys"), a given
name that is a word ("Grace", "Hope", "Will", "Rose") and a name of two letters ("Jo", "Al", "Ed") were read
only when registered. Teams name files "Hull carers FG 2.docx" and "Interview Grace 14-03.vtt", and the id
kept the name; they also write the same words as words ("reading group notes", "march 2024 FG", "grace
period", "will and testament").

A file's name is short and holds no sentence: it is a few labels set side by side (who or where, the kind of
session, a role, a date, a version). A word that could be a name is read as one where it stands in such a
label's slot: every word beside it is a label ("carers", "staff", "interview", "FG", "site", "final"), a date,
a number or a code in capitals, or the stem's edge, and at least one is a label word ("Hull carers FG 2",
"Interview Grace 14-03", "Int_Jo_12-04-24"; "with" before it, as in "Interview with Hope", counts as one), or
the first word past the codes after it is ("highland_pmht_trint"; not for a name of two letters, whose
evidence is weaker: "interview pt 2 ed 2" is an edition).
Used as a word it stands in a phrase, beside a word that is no label ("reading group", "street outreach",
"grace period", "will and testament", "low hope", "new deal"), and so keeps its id. "group", "team",
"notes" and "session" are not labels here: they make phrases with words ("reading group", "street team").
A month beside a number or a day is a date ("march 2024 FG"), whatever stands on its other side; "the"
before a region is skipped ("FG the Valleys staff"). Words in capitals, and words of four letters or fewer
that no dictionary holds ("highland_pmht_trint"), are codes beside it; a candidate in capitals is a code
("ED staff", "AL site"),
as :mod:`.stem_lexicon` reads them. A word wrongly read costs only a less telling id; a name missed is a
leak, so where the slot says name, the word is read as one.

Two given names side by side or joined by "and" ("Ed and Rose interview", "Rose & Ed carers") fill one slot
together: the words beside the pair, not each other, say whether it is a label. A title before a word ("Interview
Mr Fisher") says a person whatever the word. A surname that is a word ("Baker interview", "Shepherd_interview")
is read beside a label that names one person's session or role ("interview", "carer"), never beside a group's
("Baker staff", "Church carers"), since a surname alone is said of one person. A given name that is a word beside
only a group's plural role ("Joy carers", "Hope families FG", "Will staff") names the group, not one person, and
keeps its id; "Interview Joy" and "Joy carer" do not.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

#: Label words of a file's name: people's roles, kinds of session, care settings, file states and the tools
#: transcripts come from. A word beside one stands in a label's slot.
LABELS = frozenset({
    "carer", "carers", "staff", "patient", "patients", "participant", "participants", "nurse", "nurses", "parent",
    "parents", "manager", "managers", "lead", "leads", "gp", "gps", "doctor", "doctors", "young", "family",
    "families", "volunteer", "volunteers", "worker", "workers", "user", "users", "resident", "residents", "person",
    "people",
    "client", "clients", "clinician", "clinicians", "midwife", "midwives", "therapist", "therapists",
    "interview", "interviews", "int", "fg", "fgs", "focus", "recording", "recordings", "transcript", "transcripts",
    "call", "zoom", "teams", "phone", "followup", "site", "practice", "clinic", "ward", "hospital", "hospice",
    "hub", "centre", "center", "surgery", "final", "draft", "clean", "cleaned", "redacted", "anon", "anonymised",
    "anonymized", "copy", "version", "verbatim", "audio", "video",
    # the tool or kind of file a transcript came from
    "otter", "trint", "descript", "rev", "whisper", "webex", "transcribe", "captions", "subtitles", "stream",
})
#: Two-letter words of the given-name list that are words, syllables or codes before they are names.
_TWO_LETTER_WORDS = frozenset({"an", "in", "my", "so", "ok", "un", "ha", "ma", "pa", "le", "na", "nu", "fe", "wm",
                               "jc", "ai", "ta", "mi", "ja", "ka", "tu"})
#: Words that are never names in a file's name, though a given-name list holds some ("will" is kept: it is).
_FUNCTION_WORDS = frozenset({"the", "and", "of", "for", "with", "on", "at", "in", "by", "to", "from", "or", "a",
                             "an", "is", "be", "not", "no", "up", "out", "off", "as", "if", "it", "we", "us"})
#: Group labels: plural roles. A given name beside only these names a group ("Joy carers"), not one person.
GROUP_LABELS = frozenset({
    "carers", "staff", "patients", "participants", "nurses", "parents", "managers", "leads", "gps", "doctors",
    "young", "families", "volunteers", "workers", "users", "residents", "clients", "clinicians", "midwives",
    "therapists",
})
#: Labels of one person's session or role: a surname that is a word is read beside one of these.
PERSON_LABELS = frozenset({
    "interview", "int", "recording", "transcript", "call", "phone", "followup", "carer", "patient", "participant",
    "nurse", "parent", "manager", "lead", "gp", "doctor", "volunteer", "worker", "user", "resident", "client",
    "clinician", "midwife", "therapist",
})
#: Titles: the word after one in a file's name is a person's name, whatever else it is ("Mr Fisher").
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
#: Words that join two names in one slot ("Ed and Rose"); "&" is a separator the stem's words drop.
_JOINERS = frozenset({"and"})
#: Months and days: a town or a given name among them ("March", "June") is a date beside a number or a day.
MONTHS_AND_DAYS = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})


@cache
def _candidates() -> tuple[frozenset[str], frozenset[str]]:
    """Places said by a word (towns of one word as the town lists write them, and the areas' list) and given
    names (every one of the name lexicon, words included, of two letters or more)."""
    from ..anonymise.layers.words import name_lexicon, town_lines

    areas = resources.files("cmo_coder.data").joinpath("uk_areas_said_as_words.txt").read_text(encoding="utf-8")
    places = {line.lower() for line in town_lines() if line.isalpha()}
    places |= {line.strip().lower() for line in areas.splitlines() if line.strip() and not line.startswith("#")}
    given = {n for n in name_lexicon("first") if n.isalpha() and (len(n) > 2 or n not in _TWO_LETTER_WORDS)}
    return frozenset(places), frozenset(given)


#: How many of the commonest census surnames are read as surnames that are words ("baker", "shepherd"): the
#: first five thousand are names many people bear, past them the list reaches words few surnames are.
_SURNAME_RANK = 5000


@cache
def _surnames() -> frozenset[str]:
    """Surnames that are words, read beside a person's label: the commonest census surnames of three letters or
    more, less the label words, months and days, and function words."""
    from ..anonymise.layers.words import census_surnames

    return frozenset(n for n in census_surnames(_SURNAME_RANK) if n.isalpha() and len(n) > 2
                     and n not in LABELS and n not in MONTHS_AND_DAYS and n not in _FUNCTION_WORDS)


#: The longest word no dictionary holds that is read as a code beside a candidate ("pmht", "cmht", "msk").
_CODE_LONGEST = 4


def _is_date_part(word: str) -> bool:
    return any(c.isdigit() for c in word) or word.casefold() in MONTHS_AND_DAYS


def _neighbour(word: str | None, *, left: bool) -> str:
    """How a word beside a candidate reads: "edge" (none), "frame" (a number, a letter, a code in capitals or
    a short one no dictionary holds),
    "label" (a label word, or "with" before the candidate) or "word"."""
    if word is None:
        return "edge"
    low = word.casefold()
    if low in LABELS or (left and low == "with"):
        return "label"
    if any(c.isdigit() for c in word) or len(word) == 1 or (word.isupper() and word.isalpha()):
        return "frame"
    if len(low) <= _CODE_LONGEST and not _a_word(low):
        return "frame"  # a code written in lower case: "highland_pmht", "msk", "hius"
    return "word"


def _a_word(low: str) -> bool:
    from ..anonymise.layers.words import in_dictionary, lowercase_usage

    return in_dictionary(low) or lowercase_usage().get(low, 0) > 0


def _label_past_codes(words: list[str], i: int, but: frozenset[str] = frozenset()) -> bool:
    """A label not in ``but`` stands after the codes and numbers that follow ``words[i]`` ("highland_pmht_trint")."""
    for word in words[i + 1:]:
        kind = _neighbour(word, left=False)
        if kind != "frame":
            return kind == "label" and word.casefold() not in but
    return False


def _given(word: str, given: frozenset[str]) -> bool:
    low = word.casefold()
    return word.isalpha() and not (word.isupper() and len(word) > 1) and low in given and low not in _FUNCTION_WORDS


def _pair_end(words: list[str], i: int, given: frozenset[str]) -> int:
    """The last index of the slot a given name at ``i`` fills: ``i``, or the second of two given names side by
    side or joined by "and" ("Rose Ed", "Ed and Rose")."""
    if i + 1 < len(words) and _given(words[i + 1], given):
        return i + 1
    if i + 2 < len(words) and words[i + 1].casefold() in _JOINERS and _given(words[i + 2], given):
        return i + 2
    return i


def _sides(words: list[str], i: int, end: int) -> tuple[str | None, str | None]:
    """The words beside the slot ``words[i..end]``, "the" before it skipped."""
    j = i - 1
    while j >= 0 and words[j].casefold() == "the":
        j -= 1
    return (words[j] if j >= 0 else None), (words[end + 1] if end + 1 < len(words) else None)


def _says_one_person(before: str | None, after: str | None) -> bool:
    """A label of one person's session or role beside the slot, the other side no word of a phrase."""
    sides = (_neighbour(before, left=True), _neighbour(after, left=False))
    return "word" not in sides and any(w is not None and w.casefold() in PERSON_LABELS | {"with"}
                                       for w in (before, after))


def word_read_as_name(words: list[str], skip: frozenset[str]) -> str | None:
    """The kind of name a word of ``words`` (a stem's words, case kept) is where it stands in a label's slot,
    or None. ``skip`` holds the words never read as names (study words, nations); months are read still (a
    town is "March"), unless they stand beside a number or a day."""
    places, given = _candidates()
    for i, word in enumerate(words):
        low = word.casefold()
        if not word.isalpha() or len(low) < 2 or low in _FUNCTION_WORDS or (word.isupper() and len(word) > 1):
            continue
        if i > 0 and words[i - 1].casefold() in TITLES and len(low) > 2 and low not in LABELS:
            return "a name after a title"  # "Interview Mr Fisher"
        if low in skip and low not in MONTHS_AND_DAYS:
            continue
        kind = "a place that is also a word" if low in places else (
            ("a name of two letters" if len(low) == 2 else "a given name that is also a word") if low in given
            else None)
        if kind is None:
            if low in _surnames() and _says_one_person(*_sides(words, i, i)):
                return "a surname that is also a word"  # "Baker interview", "Shepherd_interview_final"
            continue
        end = _pair_end(words, i, given) if low in given else i
        before, after = _sides(words, i, end)
        if low in MONTHS_AND_DAYS and any(w is not None and _is_date_part(w) for w in (before, after)):
            continue  # "march 2024 FG", "Interview 03 March 2024"
        sides = (_neighbour(before, left=True), _neighbour(after, left=False))
        if "word" in sides:
            continue
        if low not in places and not any(
                w is not None and w.casefold() not in GROUP_LABELS and side == "label"
                for w, side in zip((before, after), sides, strict=True)) and not _label_past_codes(
                    words, end, GROUP_LABELS):
            continue  # "Joy carers", "Will staff 2024": a group's name, not one person's
        if "label" in sides or (len(low) > 2 and _label_past_codes(words, end)):
            return kind
    return None
