"""People said in words of one or two letters: names spelled out, initials, short given names (issue 13).

The name layers read words of three letters or more, and the frames for people nobody registered
(:mod:`.frame_people`) do too. What they leave is how people say a name in letters:

* **a name spelled out** ("her name's bryony, b-r-y-o-n-y", "it's t a n s y", "his surname is spelled m o r r o
  w"): a run of three or more single letters, joined, spells something; where a frame of spelling stands
  before it ("spelled", "spelt", "spell it", "that's", "it's", "name's", "surname is"), or the word it spells was
  just said, or the letters spell a listed name, the run goes, and so does every word of the turn it spells.
  Letters that spell an abbreviation said aloud ("the n h s app", "o c d", "the c a b") stay, as do runs with
  no vowel of four letters or fewer and no spelling frame;
* **an initial standing for a person**: after a title ("mr j", "dr k", "Miss R") or in a person's frame ("my
  key worker s said", "i told t and she sorted it", "me and j went", "k from the team rang"); "a" and "i" are
  never read (they are words), nor is a letter in a run of letters;
* **a short given name in a person's frame**: "my mate jo said", "i asked mo what she thought", "me and ed
  used to", "thanks cy", "our jo had"; the two-letter names are :data:`SHORT_GIVEN` (written for the project
  from the short forms British people go by), never one after "a" ("in a mo").

All of these are sure enough to remove (layer ``rules``): letters and two-letter names in these frames are
no everyday words. Offsets are the turn's own; every span slices to the letters or word it names.
"""

from __future__ import annotations

import re
import string
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..candidates import Candidate
from .state import candidates, caseless_doc, text_of
from .words import given_names, in_dictionary, known_surnames, name_lexicon

_INITIAL_THEN_WORD = re.compile(r" ([A-Za-z])\.? ([A-Za-z'’]+)")

_NUMBER_AFTER = re.compile(r"(?i)\s+(?:[0-9]|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"nought|oh)\b")
"""A number said right after a run of letters: the run is a label's or a code's letters, not a spelt name."""
REASON_SPELLED = "a name spelled out letter by letter"
REASON_SPELLED_WORD = "the word a name spelled out letter by letter spells"
REASON_INITIAL = "an initial standing for a person ({frame})"
REASON_SHORT = "a short given name said where a person stands ({frame})"
REASON_REST = "an initial said straight after a name another layer removed"
REASON_NAMED_INITIAL = "a given name and an initial said where a person stands"

SHORT_GIVEN = frozenset({"jo", "al", "ed", "di", "mo", "bo", "vi", "cy", "ty", "su", "fi", "lu", "ez", "oz",
                         "jj", "kt", "cj", "aj", "pj", "tj", "rj", "bj", "mj"})
"""Given names and their short forms of one or two syllables written in two letters ("Jo", "Al", "Ed", "Di",
"Mo", "Vi", "Cy", "Fi", "Lu", "Oz") and initials said as a name ("JJ", "CJ"). Written for the project."""

ABBREVIATIONS = frozenset({
    "nhs", "gp", "gps", "ae", "ane", "ocd", "adhd", "add", "asd", "camhs", "cab", "cpn", "cpns", "ptsd", "copd",
    "hiv", "std", "sti", "stis", "icu", "itu", "hdu", "mri", "ecg", "ect", "cbt", "dbt", "emdr", "abc", "diy",
    "asap", "rsvp", "bbc", "itv", "dvd", "cd", "pc", "tv", "ppe", "dwp", "pip", "esa", "jsa", "uc", "dla", "pcso",
    "cps", "mp", "mps", "snp", "ukip", "un", "usa", "uk", "eu", "pals", "mash", "sen", "send", "sendco",
    "senco", "ehcp", "iep", "aa", "na", "ca", "gpa", "rn", "hca", "hcas", "ot", "ots", "slt", "salt", "ld",
    "lda", "bpd", "eupd", "gad", "mdt", "mdts", "gmc", "nmc", "cqc", "hse", "dbs", "crb", "nvq", "gcse", "gcses",
    "btec", "ucas", "phd", "msc", "bsc", "ma", "ba", "ok", "aka", "asbo", "dna", "ivf", "iud", "ssri", "ssris",
    "bmi", "bp", "ekg", "eeg", "ct", "pet", "ent", "obgyn", "scbu", "nicu", "picu", "gum", "sh", "ms",
    "mnd", "ckd", "aki", "uti", "utis", "ibs", "ibd", "me", "cfs", "tb", "mrsa", "hpv", "smear", "dnr", "dnacpr",
    "lpa", "poa", "dols", "amhp", "imha", "imca", "s2", "cpa", "cmht", "cmhts", "ipu", "pdu", "bme", "bame",
    "lgbt", "lgbtq", "lgbtqia", "fgm", "dv", "dva", "idva", "marac", "mappa", "yot", "cid", "rspca", "nspcc",
    "rnli", "raf", "ymca", "ywca", "sos", "ftse", "qr", "id", "ip", "a", "i",
})
"""Abbreviations said letter by letter in the talk of health, care, benefits and school ("the n h s", "c a m h s",
"o c d", "the c a b"): a run of letters that spells one is the abbreviation, never a name. Written for the
project."""

_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mister", "missus", "mx", "prof"})
_NOT_INITIAL = frozenset({"a", "i"})
"""Letters that are words: never read as an initial."""

_LETTER_RUN = re.compile(
    r"(?<![\w'’])[A-Za-z](?:(?:\.?\s*-\s*|\.?\s+|\.)(?:(?:double|Double|DOUBLE)\s+)?[A-Za-z](?![\w'’]))+\.?")
"""Single letters one after another, split by spaces, hyphens or dots ("k a t i e", "K-A-T-E", "k. a. t."),
"double l" inside."""
_SPELL_FRAME = re.compile(
    r"(?i)(?:\bspell(?:s|ed|t|ing)?\b(?:\s+(?:it|that|her|his|my|their|the|name|surname|them))*"
    r"|\b(?:that|it|she|he|her\s+name|his\s+name|my\s+name|name|surname)(?:'s|’s|\s+is|\s+was|s)\b"
    r"|\bas\s+in\b|\bletters?\b|\bwith\s+an?\b)[\s,:-]*$")
"""A frame of spelling just before a run of letters: "spelled", "spell it", "that's", "her name's", "surname is"."""
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@cache
def _names() -> frozenset[str]:
    return given_names() | known_surnames()


def _letters(run: str) -> str:
    """The letters a run spells, "double l" as "ll"."""
    out = []
    double = False
    for w in re.findall(r"[A-Za-z]+", run):
        if w.lower() == "double":
            double = True
            continue
        out.append(w.lower() * (2 if double else 1))
        double = False
    return "".join(out)


def _words_before(text: str, start: int, n: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, max(0, start - 60), start))[-n:]


_WITH_A = re.compile(r"(?i)a[\s.-]+(?:double\s+)?[a-z](?![a-z])[\s.,-]*")
"""What "with a k", "with a double r" put before a spelling: the letter said about the name, not the name."""


def _runs(text: str) -> list[tuple[int, int]]:
    """Each run of single letters, without the "a k" of "with a k" before it."""
    out = []
    for m in _LETTER_RUN.finditer(text):
        start = m.start()
        if re.search(r"(?i)\bwith\s+$", text[max(0, start - 8):start]):
            lead = _WITH_A.match(text, start, m.end())
            start = lead.end() if lead else start
        if start < m.end() and text[start].isalpha():
            out.append((start, m.end()))
    return out


def spelled_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` of each name spelled out in ``text`` and of each word of the turn it spells.

    Why a frame or a list: runs of letters are also abbreviations said aloud ("the n h s", "c a m h s"), grades
    ("a b in maths") and postcodes; a spelling is told from them by what is said before it, by the word it
    repeats, or by spelling a name the lists hold."""
    out: list[tuple[int, int, str]] = []
    for start, end in _runs(text):
        run = text[start:end]
        spelled = _letters(run)
        letters = len(re.findall(r"(?i)(?<![a-z])[a-z](?![a-z])", run))
        if letters < 3 or spelled in ABBREVIATIONS:
            continue
        if letters <= 3 and re.match(r"\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|zero|nought|oh)\b",
                                     text[end:end + 8], re.I):
            continue  # "l s six": a postcode's letters
        framed = bool(_SPELL_FRAME.search(text[max(0, start - 40):start]))
        if not framed and _NUMBER_AFTER.match(text, end):
            continue  # "the study s u n f g two", "l e i zero nine": a label or a code said, letters then its number
        before = [w for w in _words_before(text, start, 3) if len(w.group(0)) > 1]
        said = [w for w in before if w.group(0).lower().replace("’", "'").removesuffix("'s") == spelled]
        vowel = bool(re.search(r"[aeiouy]", spelled))
        listed = spelled in _names() and not in_dictionary(spelled)
        if not (framed or said or listed or (len(spelled) >= 5 and vowel and not in_dictionary(spelled))):
            continue
        if not vowel and len(spelled) <= 4 and not framed:
            continue
        out.append((start, end if text[end - 1] != "." else end - 1, REASON_SPELLED))
        for w in _WORD.finditer(text):
            low = w.group(0).lower().replace("’", "'")
            if low.removesuffix("'s") == spelled and not (start <= w.start() < end):
                out.append((w.start(), w.end() - 2 if low.endswith("'s") else w.end(), REASON_SPELLED_WORD))
    return sorted(set(out))


# ------------------------------------------------------------------ initials and short names in a person's frame

_OWNERS = frozenset({"my", "his", "her", "their", "our", "your", "me"})
_WHO = frozenset({"mum", "mam", "dad", "son", "daughter", "sister", "brother", "partner", "husband", "wife",
                  "mate", "friend", "pal", "nan", "gran", "cousin", "aunt", "auntie", "uncle", "niece", "nephew",
                  "worker", "nurse", "doctor", "midwife", "visitor", "carer", "counsellor", "therapist", "officer",
                  "neighbour", "boyfriend", "girlfriend", "fella", "lad", "girl", "boss", "manager", "teacher",
                  "key", "support", "social", "grandson", "granddaughter", "stepdad", "stepmum", "ex"})
"""Relations and workers said with their owner before a name ("my mate jo", "her key worker s")."""
_DOES = frozenset({"said", "says", "say", "told", "tells", "rang", "rings", "phoned", "texted", "reckons",
                   "reckoned", "thinks", "thought", "was", "is", "had", "has", "came", "comes", "went", "goes",
                   "drove", "did", "does", "would", "will", "could", "can", "used", "got", "gets", "sorted",
                   "helped", "asked", "wanted", "wants", "knows", "knew", "works", "worked", "lives", "lived",
                   "picked", "brought", "took", "takes", "she", "he", "she's", "he's", "and", "from", "who",
                   "never", "always", "just", "popped", "stayed", "left", "gave", "booked", "sent",
                   "mentioned", "explained", "agreed", "suggested", "keeps", "kept", "tried", "found"})
"""What a person named just before does ("jo said", "s said they'd", "k from the team rang")."""
_SPEAKS = frozenset({"said", "says", "told", "tells", "rang", "rings", "phoned", "texted", "reckons", "reckoned",
                     "thinks", "asked", "mentioned", "explained", "agreed", "suggested", "sorted", "helped"})
_CONTACT = frozenset({"rang", "ring", "phoned", "asked", "ask", "told", "tell", "texted", "messaged", "emailed",
                      "met", "called", "thanked", "saw", "seen"})
_AFTER_CONTACT = frozenset({"and", "about", "if", "what", "whether", "that", "she", "he", "back", "again",
                            "yesterday", "straight", "on", "first", "cos", "because", "but", "so", "when"})
_CLAUSE = frozenset({"and", "then", "so", "but", "cos", "because", "when", "well", "oh", "yeah", "um", "er", "erm",
                     "like", "anyway", "actually", "though", "that", "where", "if", "until"})
"""Words after which a clause starts: its subject may be a name ("and then k said")."""
_GREET = frozenset({"thanks", "cheers", "hiya", "hi", "hello", "morning", "bye", "ta", "night"})
_WE_DID = frozenset({"went", "were", "used", "go", "got", "had", "did", "was", "both", "stayed", "sat", "drove",
                     "walked", "met", "started", "would", "always", "never"})
_OUR_DID = frozenset({"had", "has", "was", "is", "said", "says", "came", "went", "rang", "told", "got", "used"})
_FROM_PLACE = frozenset({"team", "office", "council", "housing", "surgery", "ward", "school", "group", "centre",
                         "clinic", "hostel", "practice", "charity", "project", "service", "unit", "church",
                         "jobcentre", "college", "home", "hospital", "desk", "reception"})


def _short_name(low: str) -> bool:
    return low in SHORT_GIVEN


_MAY_BE_SHORT = SHORT_GIVEN | (frozenset(string.ascii_lowercase) - _NOT_INITIAL)
"""Every word of :data:`_WORDS`, lower-cased, that :func:`_initial` or :func:`_short_name` takes (such a word begins
with an ASCII letter, so one of one letter is one): :func:`short_people_spans` reads the frame of these alone, from
one set test per word instead of two calls."""


def _initial(low: str) -> bool:
    return len(low) == 1 and low.isalpha() and low not in _NOT_INITIAL


def _frame(lows: list[str], i: int, initial: bool) -> str | None:
    """The person's frame ``lows[i]`` stands in, or None. ``initial``: a single letter (titles read it too)."""
    prev = lows[i - 1] if i else ""
    prev2 = lows[i - 2] if i >= 2 else ""
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    nxt2 = lows[i + 2] if i + 2 < len(lows) else ""
    if initial and (len(prev) == 1 or len(nxt) == 1):
        return None  # a run of letters: an abbreviation or a spelling, read elsewhere
    if prev in {"a", "the", "plan", "vitamin", "type", "grade", "category", "part", "section",
                                "class", "block", "ward", "bay", "room", "level", "tier", "stage", "step"}:
        return None  # "in a mo", "plan b", "vitamin d", "ward c", "section s"
    if prev in _TITLES and (initial or _short_name(lows[i])):
        return "a title before it"
    if prev in _WHO and (prev2 in _OWNERS or (i >= 3 and lows[i - 3] in _OWNERS)) and (nxt in _DOES or not nxt):
        return "a relative or worker before it"
    if prev in _WHO and prev2 in _ARTICLES and nxt in _SPEAKS:
        return "a worker before it"  # "the nurse k said", "this lady j rang"
    if prev in _SAYS_THAT and prev2 in _SUBJECTS and nxt in _THEN_DID:
        return "reported"  # "she said k was coming", "he reckons jo would know"
    if prev in _SAY and prev2 in _SUBJECTS and nxt in _SAID_TO:
        return "spoken to"  # "i said jo you can't", "she goes k come here"
    if prev in _CONTACT and (nxt in _AFTER_CONTACT or not nxt) and (nxt != "and" or nxt2 in {"she", "he"}):
        return "someone contacted"
    if prev == "and" and prev2 == "me" and nxt in _WE_DID:
        return "me and"
    if prev == "our" and nxt in _OUR_DID and not initial:
        return "a familiar form after our"
    if prev in _GREET and (not nxt or nxt in {"that's", "thats", "for", "you", "love", "i", "so", "bye"}):
        return "a greeting"
    if nxt == "from" and nxt2 == "the" and i + 3 < len(lows) and lows[i + 3] in _FROM_PLACE \
            and (not prev or prev in _CLAUSE or prev in _CONTACT or prev in {"with", "to"}):
        return "someone from a service"
    if (not prev or prev in _CLAUSE) and nxt in _SPEAKS:
        return "someone who speaks"
    return None


_ARTICLES = frozenset({"the", "this", "that", "a", "one", "another"})
_SAYS_THAT = frozenset({"said", "says", "reckons", "reckoned", "thinks", "thought", "told", "goes"})
_SAY = frozenset({"said", "says", "goes", "went", "go"})
_SUBJECTS = frozenset({"i", "she", "he", "they", "we", "and", "so", "then"})
_THEN_DID = frozenset({"was", "is", "had", "has", "would", "could", "should", "will", "came", "comes", "wanted",
                       "wants", "needed", "needs", "rang", "phoned", "told", "said", "knew", "knows", "did", "does",
                       "went", "goes", "might", "can"})
_SAID_TO = frozenset({"you", "you're", "you've", "you'll", "your", "come", "listen", "don't", "stop", "please",
                      "what", "are", "can", "have", "do", "will", "we", "leave", "calm", "get"})
_REST_SHORT = frozenset({"on", "an", "en", "ee", "ay"})
"""Short words that end a name heard as a letter and a word ("d on" for Deon, "i an" is never read: "i" is no
initial)."""

_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SHORT_WORD = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]['’])[A-Za-z]{1,2}(?![A-Za-z'’])")
"""One or two letters that may be a whole word of :data:`_WORDS`: not after a letter, nor after a letter and an
apostrophe (the "s" of "it's" is inside the word "it's"), and before no letter or apostrophe. Every word of
:data:`_WORDS` whose lower case is in :data:`_MAY_BE_SHORT` (one or two ASCII letters, no apostrophe) is one of
these, since a word begins where no run of letters and apostrophes holding a letter runs into it."""


def _may_hold_short(text: str) -> bool:
    """Whether a word of :data:`_WORDS` in ``text`` may be in :data:`_MAY_BE_SHORT`: a superset of the words the
    loop of :func:`short_people_spans` reads. Why: that loop read every word of every turn into a list and
    lower-cased it (a tenth of a millisecond a turn), to find the one- and two-letter words most turns lack."""
    return any(w.lower() in _MAY_BE_SHORT for w in _SHORT_WORD.findall(text))


def short_people_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """``(start, end, reason)``: initials and two-letter given names in a person's frame (module doc). In cased
    text an initial must be a capital and a short name must have its capital ("Mr J", "Her brother Al")."""
    if not _may_hold_short(text):
        return []  # no initial nor short given name said: the loop below would find nothing to read
    words = list(_WORDS.finditer(text))
    lows = [w.group(0).lower().replace("’", "'") for w in words]
    out: list[tuple[int, int, str]] = []
    for i in [k for k, low in enumerate(lows) if low in _MAY_BE_SHORT]:  # most turns: none
        w, low = words[i], lows[i]
        if not (_initial(low) or _short_name(low)):
            continue
        if not caseless and not (w.group(0)[:1].isupper()):
            continue
        if i + 1 < len(words) and text[w.end():words[i + 1].start()].strip(" ") not in ("", ".", ","):
            continue  # a question, a dash or a quote between: the frame is broken
        frame, end = None, w.end()
        named = _named_initial(text, words, lows, i, caseless) if _initial(low) else None
        if named is not None:
            out.append((named, w.end(), REASON_NAMED_INITIAL))
            continue
        if _initial(low) and i + 1 < len(words) and _rest_word(lows[i + 1]) \
                and text[w.end():words[i + 1].start()] == " ":
            # "my sister k lee said", "i rang j on and she said": a name heard as a letter and a word
            frame = _frame([*lows[:i + 1], *lows[i + 2:]], i, True)
            if lows[i + 1] in _REST_SHORT and (frame == "a title before it" or (
                    i + 2 < len(lows) and lows[i + 2] in STOP_WORDS and lows[i + 2] not in _DOES)):
                frame = None  # "dr k on the monday": "on" begins a phrase there, no name
            end = words[i + 1].end() if frame else end
        if frame is None:
            frame = _frame(lows, i, _initial(low))
        if frame is None:
            continue
        reason = REASON_INITIAL if _initial(low) else REASON_SHORT
        out.append((w.start(), end, reason.format(frame=frame)))
    return out


_NOT_BEFORE_INITIAL = frozenset({"ward", "page", "lane", "bay", "bed", "room", "block", "plan", "vitamin", "hep",
                                  "type", "grade", "class", "level", "stage", "tier", "band", "option", "section",
                                  "part", "step", "row", "gate", "wing", "zone", "platform", "terminal", "channel",
                                  "generation", "brand", "malcolm", "jay", "march", "may", "april", "june", "august"})
"""Words before a letter that name a thing by its letter ("ward b", "page c", "plan b", "vitamin d"), months before
a letter, and the public names made so ("Malcolm X", "Jay Z"): never a person and an initial."""
_INITIAL_TAKES = frozenset({"'s", "s"})
_BEFORE_NAME = frozenset({"to", "with", "from", "by", "and", "for", "asked", "told", "rang", "phoned", "met",
                          "called", "texted", "saw", "seen", "thanks", "cheers", "see"})
"""Words after which a person and an initial stand as one who is spoken to or of ("to Will K about it")."""
_NOT_NAME_INITIAL = _NOT_INITIAL | frozenset({"x", "z", "u", "o"})
"""Letters that after a given name are no initial: a public byname ("Malcolm X"), or a caption's word ("u", "o")."""


@cache
def _given_for_initial() -> frozenset[str]:
    return ((name_lexicon("first") | SHORT_GIVEN) - STOP_WORDS - _NOT_BEFORE_INITIAL - _TITLES) | {"will"}


def _named_initial(text: str, words: list[re.Match[str]], lows: list[str], i: int, caseless: bool) -> int | None:
    """Where the initial ``words[i]`` follows a given name as one person ("Dawn P rang me", "then mo t was the one",
    "I spoke to Will K about it"), the name's start; else None.

    Why: a given name that is also a word ("Dawn", "Will", "Mark", "Rose") is read as a person by the frames it
    stands in ("Dawn rang me"), and an initial after it broke every one of them, so the pair was left whole. The
    pair needs a person's frame too: what a person does after it ("rang", "said", "was", "'s"), or a word that
    speaks to or of someone before it ("to", "with", "asked"); a letter run ("j k l"), an article before the name
    ("a mark b") and the words that name a thing by a letter ("ward b", "plan b") never."""
    if i == 0 or lows[i] in _NOT_NAME_INITIAL:
        return None
    name = words[i - 1]
    if text[name.end():words[i].start()] != " " or lows[i - 1] in _NOT_BEFORE_INITIAL:
        return None
    if not caseless and not (words[i].group(0).isupper() and name.group(0)[:1].isupper()
                             and name.group(0)[1:].islower()):
        return None
    prev = lows[i - 2] if i >= 2 else ""
    if prev in _ARTICLES or prev in _NOT_BEFORE_INITIAL or len(prev) == 1:
        return None
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if len(nxt) == 1:
        return None  # a run of letters
    if lows[i - 1] not in _given_for_initial():
        # a word no name list holds ("Sky B", "Storm T"): in typed text, its capital, and only where the pair
        # speaks or is someone's ("Storm T said she'd ring", "Sky B was my nurse"); a thing by its letter does neither
        nxt2 = lows[i + 2] if i + 2 < len(lows) else ""
        if caseless or len(lows[i - 1]) < 3 or lows[i - 1] in STOP_WORDS or not (
                nxt in _SPEAKS or (nxt in {"was", "is", "'s"} and nxt2 in _OWNERS - {"me"})):
            return None
        return name.start()
    gap = text[words[i].end():words[i + 1].start()] if i + 1 < len(words) else text[words[i].end():]
    ends = not nxt or (not caseless and gap.strip(" .")[:1] in {",", "?", "!"}) or (
        not caseless and gap.strip() in {".", ","})
    if nxt in _DOES or nxt in _INITIAL_TAKES or nxt in _SPEAKS or ends or prev in _BEFORE_NAME:
        return name.start()
    return None


def _rest_word(low: str) -> bool:
    """A word that may be the rest of a name heard as a letter and a word ("k lee", "j mal"): letters, not a stop
    word, no verb or word of a person's frame, no adverb."""
    if low in _REST_SHORT:
        return True
    return (low.isalpha() and len(low) >= 2 and low not in STOP_WORDS and low not in _DOES and low not in _SPEAKS
            and low not in _AFTER_CONTACT and low not in _WE_DID and low not in _CLAUSE and not low.endswith("ly")
            and low not in _WHO and low not in _TITLES)


def rest_of_name(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """ "the nurse tamsin o said", "gemma o she was lovely": a single letter straight after a name another layer
    reads as a person, then what a person does, is the initial of the name's surname, and goes with it."""
    out = []
    for _, end in people:
        m = _INITIAL_THEN_WORD.match(text[end:end + 40])
        if m is None or m.group(1).lower() in _NOT_INITIAL:
            continue
        if m.group(2).lower() in _DOES or m.group(2).lower() in {"she", "he", "she's", "he's"}:
            out.append((end + 1, end + 2, REASON_REST))
    return out


def short_people(doc: Doc) -> list[Candidate]:
    """Person candidates for spelled-out names, initials and short given names in one turn (module doc); a
    stretch another layer already reads as a person is left to it."""
    text = text_of(doc)
    if not text:
        return []
    caseless = caseless_doc(doc)
    people = [(c.start, c.end) for c in candidates(doc) if c.category == "person"]
    out: list[Candidate] = []
    for s, e, reason in [*spelled_spans(text), *short_people_spans(text, caseless), *rest_of_name(text, people)]:
        if any(a <= s and e <= b for a, b in people) or any(c.start < e and s < c.end for c in out):
            continue
        out.append(Candidate(s, e, "person", "rules", 0.75, reason))
    return out
