"""Word lists the layers consult: names, everyday English, places, titles, greetings, fillers."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Token

from ..namelists import faker_names
from ..register import common_word_names

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


FILLERS = {"ceo", "cfo", "coo", "cto", "cmo", "evp", "svp", "vp",
           "kinda", "gonna", "wanna", "gotta", "sorta", "dunno", "lemme", "gimme", "yep", "yeah", "nope", "okay",
           "hmm", "mmm", "uh", "um", "erm", "mhm", "mm", "ah", "oh", "huh", "yup", "nah", "naw", "aye", "eh", "ooh",
           "oops", "whoa", "wow", "innit", "ta", "alright", "ay", "oi"}


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


@cache
def place_names() -> frozenset[str]:
    """The shipped UK place list (``data/uk_places.txt``), lower-cased."""
    text = resources.files("cmo_coder.data").joinpath("uk_places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def place_words() -> frozenset[str]:
    return frozenset(w for name in place_names() for w in name.split())


@cache
def everyday_words() -> frozenset[str]:
    """Words English writes in lower case (Webster's 2nd, public domain, via ``english-words``).

    A given name found here ("Grant", "Dean", "Page") is also an ordinary word, so spelling
    alone cannot say it is a name; one not found here ("Adrian", "Carolina") can be trusted.
    """
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower()) | common_word_names()


@lru_cache(maxsize=200_000)
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


CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
