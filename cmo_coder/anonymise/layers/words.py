"""Word lists the layers consult: names, everyday English, places, titles, greetings, fillers."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Token

from ..familiar import curated_forms
from ..namelists import census_given, census_names, faker_names, uk_given, uk_surnames
from ..placeholders import RELATIONS
from ..register import common_word_names
from ..stored_lists import stored
from .public_names import all_public_names

TITLE_WORDS = ("dr", "doctor", "mr", "mrs", "ms", "miss", "nurse", "sister", "prof", "professor", "matron", "mister",
               "missus")
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
GREETINGS = ("thanks", "thank you", "cheers", "hi", "hello", "hiya", "bye", "morning", "evening", "afternoon",
             "night", "sorry", "welcome", "ta", "hey")
NOT_VOCATIVE = {
    "everyone", "everybody", "all", "guys", "there", "folks", "team", "again", "so", "very", "much", "for", "lot",
    "you", "both", "ladies", "gentlemen", "doctor", "nurse", "love", "mate", "darling", "dear", "sir", "madam",
    "and", "bye", "now", "then", "too", "though", "anyway", "indeed", "everyone's", "y'all", "god", "goodness",
    "operator", "ma'am", "mr", "mrs", "ms", "dr", "president", "chairman", "morning", "afternoon", "evening",
    "got", "okay", "yes", "yeah", "no", "great", "good", "sure", "thanks", "perfect", "absolutely", "exactly",
    "pal", "buddy", "bud", "chief", "pet", "hun", "babe", "bro", "lads", "girls", "hinny", "hen", "marra",
} | CALENDAR
ADDRESS_WORDS = frozenset({"marra", "marras", "bor", "hinny", "hen", "pet", "mate", "pal", "duck", "chuck", "butty",
                           "kidda", "bruv", "hun"})
"""Regional words a speaker calls someone by ("me marra", "all right, bor", "ta, hen"): a word of address, never a
name heard by sound (Cumbrian "marra" for a registered Mara or Marsh)."""


FILLERS = {"ceo", "cfo", "coo", "cto", "cmo", "evp", "svp", "vp",
           "kinda", "gonna", "wanna", "gotta", "sorta", "dunno", "lemme", "gimme", "yep", "yeah", "nope", "okay",
           "hmm", "mmm", "uh", "um", "erm", "mhm", "mm", "ah", "oh", "huh", "yup", "nah", "naw", "aye", "eh", "ooh",
           "oops", "whoa", "wow", "innit", "ta", "alright", "ay", "oi"}
PEOPLES = frozenset({
    "british", "english", "scottish", "scots", "welsh", "irish", "cornish", "manx", "geordie", "scouse", "scouser",
    "brummie", "mancunian", "glaswegian", "cockney", "european", "mackem", "mackems", "smoggie", "smoggies",
    "smoggy", "teessider", "teessiders", "wearsider", "wearsiders", "sandancer", "sandancers", "monkey hanger",
    "monkey hangers", "highlander", "highlanders", "islander", "islanders", "leodhasach", "hearach", "sgitheanach",
    "gaelic", "arabic", "tigrinya", "amharic", "sorani", "kurmanji",
    "african", "asian", "caribbean", "american", "canadian", "australian", "polish", "romanian", "bulgarian",
    "lithuanian", "latvian", "estonian", "czech", "slovak", "hungarian", "ukrainian", "russian", "portuguese",
    "spanish", "italian", "french", "german", "dutch", "greek", "cypriot", "turkish", "kurdish", "albanian",
    "nigerian", "ghanaian", "somali", "somalian", "eritrean", "ethiopian", "sudanese", "kenyan", "ugandan",
    "zimbabwean", "congolese", "jamaican", "barbadian", "trinidadian", "pakistani", "indian", "bangladeshi",
    "sri lankan", "tamil", "punjabi", "gujarati", "nepali", "afghan", "iranian", "iraqi", "syrian", "yemeni",
    "chinese", "vietnamese", "filipino", "filipina", "thai", "malaysian", "japanese", "korean", "brazilian",
    "bengali", "sylheti", "mirpuri", "kashmiri", "goan", "arab", "moroccan", "egyptian", "lebanese", "palestinian",
    "cameroonian", "zambian", "malawian", "gambian", "colombian", "serbian", "croatian", "bosnian", "kosovan",
    "muslim", "christian", "catholic", "protestant", "sikh", "hindu", "jewish", "buddhist", "rasta",
    "rastafarian", "pentecostal", "methodist", "anglican", "traveller", "gypsy", "roma", "romany", "romani", "deaf",
    "autistic",
    # a study of migrant workers' families in the Fens: Timor-Leste's people and its languages, said as Portuguese
    # passports bring them ("a big Timorese community", "she interprets in Tetum")
    "timorese", "tetum", "tetun", "bulgarians", "romanians", "lithuanians", "latvians",
    # the languages a service's letters and interpreters come in, which the model reads as places ("letters in Urdu
    # for my wife"): a language names no one ("Shona" is left out: a given name as well)
    "urdu", "hindi", "pashto", "dari", "farsi", "persian", "swahili", "oromo", "yoruba", "igbo", "twi",
    "ndebele", "hausa", "lingala", "mandarin", "cantonese", "hakka", "hebrew", "yiddish", "makaton", "bsl",
    "malayalam", "telugu", "marathi", "sinhala", "sinhalese", "pahari", "hindko", "gujerati"})
"""Peoples, faiths and communities a speaker says they are ("I'm Nigerian", "I'm Sikh"): never their name."""
BARE_CONTRACTIONS = frozenset({
    "ive", "im", "youre", "theyre", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent",
    "havent", "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "thats", "whats", "wheres", "theres", "heres",
    "hes", "shes", "weve", "youve", "theyve", "youd", "theyd", "itll", "youll", "theyll", "thatll", "aint"})
"""Contractions as captions write them, without the apostrophe ("so im segun ive been"): never a name,
though a few are surnames somewhere ("Im", "Ive")."""
FILLERS |= BARE_CONTRACTIONS
SAID_RUN_TOGETHER = frozenset({
    "gizza", "gissa", "gizzit", "gizzus", "giz", "gerroff", "gerrout", "gerrup", "gerrin", "lerrus",
    "y'know", "y'see", "ya'know", "c'mon", "c'mere", "d'you", "d'ya", "d'ye", "s'pose", "s'posed", "t'other",
    "'cause", "'cos", "wassup", "whassup", "wotcha", "watcha", "y'all", "ya'll", "dunnit", "innit", "ennit"})
"""Words run together as they are said and written so by typists ("Gizza fag", "Y'know it was hard", "C'mon"):
a verb and a pronoun in one word, never a name, though a sentence's capital makes them look like one (and a name
list somewhere holds "Gizza")."""
INTERJECTIONS = frozenset({
    "ach", "och", "ach-y-fi", "ach y fi", "ach-a-fi", "ych-a-fi", "ych a fi", "ych-y-fi", "ychafi", "achyfi", "duw",
    "jiw", "iesgob", "jeez", "jeeze", "blimey", "crikey", "cor", "phew", "yikes", "ugh", "urgh", "eugh", "meh",
    "pfft", "aww", "ahh", "eee", "ee", "howay", "haway", "jings", "crivvens", "ey", "ey up",
    "ay up", "eh up", "ayup", "ey-up", "ay-up"})
"""Interjections of speech, some of them regional ("Ach-y-fi, it was horrible" and "Duw, it was cold" in the
valleys, "Jings" in Scotland, "Ey up" in the East Midlands): a cry, never a name."""
FILLERS |= SAID_RUN_TOGETHER | INTERJECTIONS


#: Syllables of laughter and of Father Christmas, written as words ("ho ho", "ha ha ha", "hee hee").
LAUGH_SYLLABLES = frozenset({"ha", "ho", "he", "hee", "heh", "hah", "har", "hoho", "haha"})


def said_as_a_laugh(token: Token) -> bool:
    """A laugh's syllable said twice or more in a row ("ho ho, very good"): a laugh, not the registered Mr Ho or the
    recogniser's person, since nobody's name is said twice without a pause. Written for the project."""
    low = token.lower_
    if low not in LAUGH_SYLLABLES:
        return False
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].lower_ == low
    return before or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == low)


@cache
def shipped_nicknames() -> frozenset[str]:
    """Every name and familiar form of ``data/nicknames.csv`` ("michael", "mike", "mikey"), lower-cased: the forms
    a registered name is matched by are forms people are called by whether or not anyone registered them."""
    import csv
    import io

    text = resources.files("cmo_coder.data").joinpath("nicknames.csv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out: set[str] = set()
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        out.add(row["name"].strip().lower())
        out.update(n.strip().lower() for n in row["nicknames"].split(";") if n.strip())
    return frozenset(out)


@cache
def familiar_names() -> frozenset[str]:
    """Every name and familiar form of ``data/familiar_forms.csv`` ("hugh", "shug", "shuggie"), lower-cased."""
    forms = curated_forms()
    return frozenset(forms).union(*forms.values())


@cache
@stored("name_lexicon")
def name_lexicon(kind: str = "all", last_limit: int = 20000) -> frozenset[str]:
    """Given names (``kind="first"``) or given names and frequent surnames (``"all"``), lower-cased.

    From the US Census 1990 lists shipped by the ``names`` package (public domain), widened
    with Faker's lists for some sixty locales (:mod:`..namelists`): the census alone misses
    names a UK study hears (Siobhan, Niamh, Priya, Kwame, Okafor), and a lexicon that knows
    only some people's names protects only those people.
    """
    out: set[str] = set(census_given())
    if kind == "all":
        out.update(census_surnames(last_limit))
    # names from many countries, where they cannot be mistaken for words or abbreviations: no word
    # Webster's holds, and seldom written in lower case (Webster's lacks "french", "fella", "telly",
    # "metro" and "salami" in lower case, and some locale lists each as a name)
    given, family = faker_names()
    usage = lowercase_usage()
    # a public one-word name ("emis", "november": a Turkish and an Icelandic given name without accents)
    # stays what the public lists say it is
    public = {e.lower() for e in all_public_names() if " " not in e}
    given, family = given - public, family - public
    out |= {n for n in given if len(n) > 3 and not is_everyday(n) and usage.get(n, 0) < SELDOM_LOWER}
    # the UK lists are names people here bear, so three letters will do ("ife", "xin", "ade"): a name
    # the dictionary also holds ("raj", "blessing") is left to the cues (layers/cues.py)
    out |= {n for n in uk_given() - public if len(n) > 2 and not is_everyday(n) and usage.get(n, 0) < SELDOM_LOWER}
    # the familiar forms a team registers a person by ("Shug" of a Hugh, "Eck" of an Alexander) are names people
    # are called by whether or not anyone registered them: "Shug said he'd never touch it" is somebody. A form an
    # old dictionary also holds ("shug", "podge") but that subtitles never write in lower case is a name too
    out |= {n for n in familiar_names() - public if len(n) > 2 and n.isalpha() and (
        (not is_everyday(n) and usage.get(n, 0) < SELDOM_LOWER) or usage.get(n, 0) == 0)}
    # so are the familiar forms a registered name is matched by ("Mikey" of a Michael): "and mikey and a polish
    # lad" in captions is somebody, registered or not; a form that is a word ("pat", "sue") stays the cues' case
    out |= {n for n in shipped_nicknames() - public if len(n) > 2 and n.isalpha() and not is_everyday(n)
            and usage.get(n, 0) < SELDOM_LOWER}
    if kind == "all":
        out |= {n for n in family if len(n) > 3 and not is_everyday(n) and usage.get(n, 0) < SELDOM_LOWER}
        out |= {n for n in uk_surnames() - public
                if len(n) > 2 and not is_everyday(n) and usage.get(n, 0) < SELDOM_LOWER}
    return frozenset(out - KINSHIP)  # "son", "nan": census and Faker list them as names too


@cache
def census_surnames(limit: int = 20000) -> frozenset[str]:
    """The most frequent US surnames, everyday words among them ("cooper", "brown", "price")."""
    return frozenset(census_names("dist.all.last", limit))


@cache
def known_surnames() -> frozenset[str]:
    """Surnames a word after a given name is checked against: the US census and the UK lists
    ("jo pickles", "eun kim", "hodan warsame"), everyday words among them."""
    return census_surnames() | uk_surnames()


def _data_lines(name: str) -> list[str]:
    text = resources.files("cmo_coder.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def place_names() -> frozenset[str]:
    """UK places, lower-cased: the curated ``data/uk_places.txt`` and :func:`uk_towns`."""
    return frozenset(line.lower() for line in _data_lines("uk_places.txt")) | uk_towns()


TOWN_FILES = ("uk_towns.txt", "uk_districts.txt")
"""The town lists as published: GeoNames' towns and villages, and the districts and parts of cities it lacks."""


@cache
def town_lines() -> tuple[str, ...]:
    """Every line of :data:`TOWN_FILES`, as written: the one source each reader of the town lists filters its own way
    (a listed town, a town that is also a word, a pair of words, a name captions split), so a district added to
    the lists reaches every reading of a town."""
    return tuple(line for name in TOWN_FILES for line in _data_lines(name))


@cache
@stored("uk_towns")
def uk_towns() -> frozenset[str]:
    """GeoNames' UK towns and villages of 1,000 people or more (``data/uk_towns.txt``) and the districts and
    parts of cities it lacks (``data/uk_districts.txt``), lower-cased, less those a transcript says as words or
    names.

    The curated list held a hundred cities; a participant names the small town they live in, and
    in captions nothing else catches it. A place list must hold no everyday word (it matches
    wherever it stands), so a one-word name is dropped when a dictionary holds it or English
    often writes it in lower case ("Street", "March", "Bury"), or when it is a given name
    ("Stanley", "Ashley": the name layers decide those); a two-word name when both words are
    words ("New Mills"). Names of three words or with hyphens are left to the model, but each part of a
    twin town's name ("Blairgowrie and Rattray") is read as a name of its own.
    """
    usage = lowercase_usage()
    firsts = set(census_given())
    out = set()
    names = list(town_lines())
    # a twin town's official name ("Blairgowrie and Rattray") is said by one part: each part is a name too
    names = [*names, *(part for name in names if " and " in name for part in name.split(" and ")),
             *(form for name in names for form in said_forms(name))]
    for name in names:
        low = name.lower().replace("’", "'")
        words = low.split()
        if len(words) > 2 or not all(w.replace("'", "").isalpha() for w in words):
            continue  # a possessive town is a town ("King's Lynn", "Bishop's Castle")
        if len(words) == 1 and (len(low) < 4 or (in_dictionary(low) and not town_before_word(low, usage))
                                or low in firsts or usage.get(low, 0) >= SELDOM_LOWER):
            continue
        if len(words) == 2 and all(in_dictionary(w) or usage.get(w, 0) >= SELDOM_LOWER for w in words) \
                and not pair_before_words(words, usage):
            continue
        out.add(low)
    return frozenset(out)


_JOINED = re.compile(r"(?i)^([a-z']+)-(?:upon|on|under|le|by|in)-")


def said_forms(name: str) -> list[str]:
    """The shorter forms speech gives a town whose published name it rarely says in full: "Saint Neots" as "St
    Neots" (captions write "st" as often as "saint"), "Berwick-upon-Tweed" and "Stockton-on-Tees" by their first
    part ("she's in berwick now"), and a possessive town without its apostrophe, as captions write it ("kings
    lynn"). Each form is read through the same filter as a listed name."""
    out = []
    rest = name[len("Saint "):]
    if name.startswith("Saint ") and "-" not in name and not _saints_day(rest.lower()):
        out.append("St " + rest)
    m = _JOINED.match(name)
    if m:
        out.append(m.group(1))
    if "'" in name or "’" in name:
        out.append(name.replace("'", "").replace("’", ""))  # captions drop the apostrophe: "kings lynn"
    return out


def _saints_day(rest: str) -> bool:
    """"st davids", "st andrews", "st peters": a saint named by a given name is a day, a church or a saint as often
    as a town ("st davids day", "st peters in rome"), so only the published "Saint" form stays listed."""
    firsts = census_given()
    return rest in firsts or rest.removesuffix("s") in firsts or rest.split(" ")[0].removesuffix("s") in firsts


def pair_before_words(words: list[str], usage: dict[str, int]) -> bool:
    """A two-word town of dictionary words of which one is a town before it is a word (:func:`town_before_word`:
    "st albans", "haywards heath", "leighton buzzard", "herne bay"), with no stop word ("crawley down" would take
    "down" from "we drove from crawley down to the coast") and not a public name ("notting hill", "grange hill":
    the public lists decide those)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if any(w in STOP_WORDS for w in words) or " ".join(words) in _public_lows():
        return False
    return any(in_dictionary(w) and town_before_word(w, usage) for w in words)


@cache
def _public_lows() -> frozenset[str]:
    return frozenset(e.lower() for e in all_public_names())


NEVER_LOWER = 50
"""The fewest lower-case uses the subtitle counts give a word they hold at all: a word counted no more often than
this, or not at all, is one speech never writes in lower case."""
TOWN_WORDS_SAID = frozenset({"abridge", "camber", "hurst", "busby", "belvedere", "sandbank", "hassocks", "gurnard",
                             "limekilns", "mullion", "sleights", "duns", "corse", "barbican", "pinchbeck", "raglan",
                             "horning", "redding", "pinner", "woodside", "oakwood", "charing", "winterbourne",
                             "bowes", "liss", "undy", "croy", "shap", "outwell", "upwell", "greenhead", "lauder",
                             "capel", "halling", "melling", "weeting", "thorner", "streetly", "chesterfield"})
"""Towns of the floor of the subtitle counts whose name is still an English word a speaker may say or a caption
may write for one ("abridge", "camber", "a busby", "the woodside", "horning in", "pinner", "a chesterfield"), or a
well-known public venue ("barbican"): written for the project from general knowledge of English words."""


def town_before_word(low: str, usage: dict[str, int]) -> bool:
    """A one-word town the dictionary also holds that is a town before it is a word: the subtitle counts write it in
    lower case no more than :data:`NEVER_LOWER` times (Webster's holds "croydon", "telford", "worthing", "wigan" and
    "woking" as words of trade or dialect no one says), and it is not one of :data:`TOWN_WORDS_SAID`.

    Why: the dictionary alone dropped large towns from the list ("we had a day out in woking" left the town in
    captions), where only the model's guess could take them."""
    return usage.get(low, 0) <= NEVER_LOWER and low not in TOWN_WORDS_SAID


@cache
def place_words() -> frozenset[str]:
    return frozenset(w for name in place_names() for w in name.split())


@cache
@stored("everyday_words")
def everyday_words() -> frozenset[str]:
    """Words English writes in lower case (Webster's 2nd, public domain, via ``english-words``).

    A given name found here ("Grant", "Dean", "Page") is also an ordinary word, so spelling
    alone cannot say it is a name; one not found here ("Adrian", "Carolina") can be trusted.
    """
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower()) | common_word_names() | british_words() | modern_words()


@cache
def british_words() -> frozenset[str]:
    """Everyday British words the American dictionary lacks ("skint", "mardy", "clucking"), less any
    word a name list holds (``data/british_words.txt``: "charlie" and "mandy" stay names)."""
    text = resources.files("cmo_coder.data").joinpath("british_words.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words - listed_names())


@cache
def modern_words() -> frozenset[str]:
    """Everyday words newer than the dictionary ("helpline", "website", "app", "email"), less any word a name list
    holds (``data/modern_words.txt``): in captions they were read as surnames beside a word-name ("the frank
    helpline") and as what was left of a public name's proposal ("the marie curie helpline")."""
    text = resources.files("cmo_coder.data").joinpath("modern_words.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words - listed_names())


@lru_cache(maxsize=200_000)
def is_everyday(word: str) -> bool:
    """``word`` or a stem of it is a word English writes in lower case, and no name that modern
    English hardly ever writes so ("rainer", "peter": see :func:`names_before_words`)."""
    low = word.lower()
    return in_dictionary(low) and low not in names_before_words()


@lru_cache(maxsize=200_000)
def in_dictionary(low: str) -> bool:
    """``low`` or a stem of it is in the dictionary: the list holds "number", not "numbers"."""
    words = everyday_words()
    if low in words:
        return True
    if _british_word(low):
        return True
    return _inflected_word(low)


# British spellings of words Webster's writes the American way: "neighbour", "organise", "centre",
# "programme", "travelled", "defence", "anaemia" (the dictionary and the subtitle counts are American,
# so captions of British speech had these proposed as names nobody found).
_BRITISH_SPELLINGS = tuple((re.compile(pattern), repl) for pattern, repl in (
    (r"our(s|ed|ing|ite|ites|able|er|ers|hood|hoods)?$", r"or\1"), (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"), (r"tre(s)?$", r"ter\1"), (r"ogue(s)?$", r"og\1"), (r"ence(s)?$", r"ense\1"),
    (r"ll(ed|ing)$", r"l\1"), (r"mme(s)?$", r"m\1"), (r"aemia$", "emia")))


def _british_word(low: str) -> bool:
    """``low`` is the British spelling of a dictionary word, and no listed name ("Annalise", "Sylvestre",
    "Achour" keep their reading as names)."""
    if len(low) < 6 or low in listed_names():
        return False
    for pattern, repl in _BRITISH_SPELLINGS:
        american = pattern.sub(repl, low)
        if american != low and len(american) >= 5 and (american in everyday_words() or _inflected_word(american)):
            return True
    return False


def _inflected_word(low: str) -> bool:
    """A stem of ``low`` is in the dictionary: the list holds "number", not "numbers"."""
    words = everyday_words()
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("er", ""), ("ers", ""), ("ly", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            if stem + repl in words or (suffix in {"ed", "ing"} and stem[-1] == stem[-2] and stem[:-1] in words):
                return True  # "dropped", "planning"
    return False


@cache
@stored("lowercase_usage")
def lowercase_usage() -> dict[str, int]:
    """How often each word occurs in lower case in pyspellchecker's English list (film and TV
    subtitles, MIT). Names are counted there as written, so "mark" is frequent (50,334) and
    "peter" rare (1,934): the one signal at hand that tells a name from a word of the same
    spelling, which a dictionary cannot ("rainer", "peter" and "steven" are all in Webster's)."""
    from spellchecker import SpellChecker

    usage = dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)
    for word in british_words():  # said in lower case in UK speech, though American subtitles seldom write them
        usage[word] = max(usage.get(word, 0), BRITISH_WORD_USE)
    return usage


BRITISH_WORD_USE = 20000
"""The lower-case count given to a word of ``british_words.txt`` ("skint", "gurdwara", "madrasa") that the
subtitle counts hold seldom or never: a word a UK speaker says every day, as common as the frames' commonest
nouns (a word there is never a listed name: :func:`british_words`)."""


RARELY_LOWER = 100
"""Fewer lower-case uses than this (about one in 16 million words): practically never a word."""
CENSUS_RARELY_LOWER = 3000
"""The same for a US Census given name, with more room (about two in a million words): "peter",
"steven", "laura", "pam" and "kim", not "mark", "bill" or "frank". The census lists hold only names
real people bear; Faker's many-locale lists also hold "corona" and "unnamed". Some words pass too
("sherry", "walker", "easter", "tory"): in captions they are proposed as names, and a reviewer
rejects a surface once for every transcript. A stricter rule (census share against lower-case
count) kept those words but lost "Pam" and "Kim", and a leaked name costs more than a redacted word."""


@cache
@stored("listed_names")
def listed_names() -> frozenset[str]:
    """Every given name and surname on any list (census and all of Faker's), words among them."""
    given, family = faker_names()
    return frozenset(given | family | set(census_given()) | census_surnames() | uk_given() | uk_surnames())


SELDOM_LOWER = 1000
"""Fewer lower-case uses than this (about one in 1.6 million words): seldom a word."""
KINSHIP = frozenset(RELATIONS) | {"nana", "nanna", "nanny", "mam", "mammy", "mama", "papa", "granny", "grandpa",
                                  "gramps", "grandmother", "grandfather", "bro", "sis"}
"""How people name a relative without naming them ("my nan", "nana said"): never a name here."""


def seldom_lower(word: str) -> bool:
    """A listed name that English seldom writes in lower case ("franco", "peter"), though a
    dictionary may hold it. Weaker than :func:`names_before_words`: it serves where the
    sentence already says a name may stand ("thank you, franco,")."""
    low = word.lower()
    return low in listed_names() and lowercase_usage().get(low, 0) < SELDOM_LOWER


@cache
@stored("names_before_words")
def names_before_words() -> frozenset[str]:
    """Listed names that a dictionary also holds, but that are practically never written in lower case.

    Webster's 2nd, the dictionary behind :func:`everyday_words`, lists archaic and rare senses
    ("rainer": one who rains; "peter": to peter out). Treating those as everyday words kept
    "rainer" and "peter" from marking a person in lower-cased captions, where nothing else can.
    """
    usage = lowercase_usage()
    census = census_given()
    out = {n for n in listed_names() if usage.get(n, 0) < RARELY_LOWER and in_dictionary(n)}
    out |= {n for n in census if usage.get(n, 0) < CENSUS_RARELY_LOWER and in_dictionary(n)}
    return frozenset(n for n in out if n not in common_word_names() and n not in KINSHIP and len(n) > 2)


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
    """Given names that are not also everyday words: these mark a person wherever they stand. A familiar form
    subtitles never write in lower case is one, though an old dictionary holds it ("shug", "podge")."""
    usage, familiar = lowercase_usage(), familiar_names()
    return frozenset(n for n in name_lexicon("first") if len(n) > 2 and (
        not is_everyday(n) or (n in familiar and usage.get(n, 0) == 0)))

