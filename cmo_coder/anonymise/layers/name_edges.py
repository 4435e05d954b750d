"""Words that are never part of a person's name, so a name found beside them stops before them.

A redaction that takes a word along with a name makes the quote wrong for analysts even when nothing leaks:
"thank you [name]" read as "thank [name]", "my mate [name] moved" losing the "he" that said who moved, "[name]
rang" losing the verb. Layers that read a name as running on (the model's entities, a heard surname, a surname
after a given name) stop at the words English never puts inside a name: pronouns, the forms of "be", "have" and
"do", modal verbs that are no given name, linking words, greetings, and verbs in their past forms. Those are closed or
near-closed classes of how people speak, listed here for the project; a verb form that is also a given name or
a surname on the name lists ("Drew", "Hung", "Sang", "Will", "May") is never on them, and a registered name is
always found by the register whatever these lists say.
"""

from __future__ import annotations

import re
from functools import cache

from ..name_titles import only_words_of_address
from .said_from import FROM_WORDS, scots_from_before

_NEXT_WORD = re.compile(r"\s+(\S+)")

PRONOUNS = frozenset({
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "myself", "yourself", "himself",
    "herself", "itself", "ourselves", "themselves", "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd",
    "you'll", "he's", "he'd", "he'll", "she's", "she'd", "she'll", "it's", "we're", "we've", "we'd", "we'll",
    "they're", "they've", "they'd", "they'll", "ya", "yous", "youse"})
"""Personal pronouns and their contractions: "thank you", "kayden he moved". ("Her" and "his" are
possessives, which the layers read as what they own; they are not listed.)"""

AUXILIARIES = frozenset({
    "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't", "has", "have",
    "had", "hasn't", "haven't", "hadn't", "does", "did", "doesn't", "didn't", "don't", "can", "could", "would",
    "should", "must", "might", "shall", "can't", "couldn't", "wouldn't", "shouldn't", "won't", "gonna", "gotta",
    "innit", "init"})
"""Forms of "be", "have" and "do" (with the tag "innit", "isn't it"), and the modal verbs that name nobody
("Will" and "May" do, and are left out). "Do" itself is :data:`DO`'s."""

DO = "do"
"""The verb "do", said between a body and the area it serves ("Turning Point do Lincolnshire", "we do Skipton on a
Monday"), where the model read it into the name beside it. It is no part of a place's or a body's name. A person's
can hold it ("Do" is a Vietnamese family name, first in "Do Thi Lan"), so in a person's name only a "do" that cased
text writes in lower case is the verb; captions, which write every name in lower case, keep it in the name."""

LINKS = frozenset({"and", "but", "or", "so", "because", "cos", "then", "if", "that", "when", "while", "though"})
"""Linking words, which end a name's run ("lincoln prison so tyler"); inside a body's name ("Marks and
Spencer") they are never at an edge."""

GREETINGS = frozenset({"cheers", "thanks", "thank", "ta", "hi", "hiya", "hello", "hey", "bye", "goodbye", "alright"})
"""Greetings and thanks said to someone by name ("Cheers Ian, see you next week", "thanks Tom"): the model reads
the pair as one PERSON."""

CHAT_WORDS = frozenset({
    "aw", "aww", "awww", "awwww", "omg", "omfg", "lol", "lmao", "rofl", "btw", "tbh", "ngl", "fyi", "imo", "imho",
    "idk", "smh", "haha", "hahaha", "hehe", "xx", "xxx", "pls", "plz", "thx", "asap", "ttyl", "brb"})
"""Interjections and the abbreviations of chat and texting, which a message puts straight before or after a name
("Aww Shiloh they've got so big", "its Patsy btw", "thanks Dave tbh"): no name holds them, and a name read as
running on took them along, so a peer group's chat lost its "btw" and "aww". Written for the project; a word a
name list holds is never one of them."""

PAST_FORMS = frozenset({
    "said", "told", "asked", "rang", "called", "came", "went", "got", "gave", "took", "saw", "made", "knew",
    "thought", "brought", "bought", "caught", "taught", "found", "left", "felt", "kept", "slept", "sent", "spent",
    "built", "lent", "meant", "met", "sat", "stood", "heard", "held", "began", "drank", "wrote", "rode", "drove",
    "spoke", "broke", "chose", "froze", "woke", "wore", "tore", "swore", "threw", "grew", "flew", "blew",
    "shook", "forgot", "hid", "fell", "fed", "paid", "laid", "sold", "stuck", "lost", "dug", "fought",
    "done", "gone", "seen", "given", "taken", "eaten", "written", "spoken", "broken", "driven", "fallen",
    "forgotten", "known", "shown", "thrown", "moved", "phoned", "texted", "emailed", "messaged", "started",
    "stopped", "tried", "wanted", "needed", "helped", "looked", "turned", "passed", "died", "lived", "worked",
    "stayed", "visited", "arrived", "answered", "replied", "explained", "mentioned", "suggested", "reckoned",
    "says", "goes", "reckons", "rings", "ringing", "saying", "going", "coming", "talking",
    # more irregular past forms a story of what someone (or their dog) did puts after a name ("bruno bit
    # someone", "kayden ran off", "she won")
    "bit", "bitten", "ran", "won", "hit", "hurt", "beat", "ate", "led", "fled", "bled", "swam", "shot", "stole",
    "struck", "slid", "spat", "sank", "stung", "swung", "wept", "dealt", "let", "put", "cut", "shut", "quit",
    "split", "spread", "bent", "sought"})
"""Verbs in the forms speech puts straight after a subject ("jade rang", "william came round", "tyler moved"):
the past forms of English's common irregular verbs and of the verbs of telling, calling, going and helping
that interviews are full of, and a few present forms of the same verbs. Written for the project."""


QUANTIFIERS = frozenset({"most", "all", "some", "many", "much", "more", "less", "least", "few", "fewer", "several",
                         "both", "each", "every", "any", "enough", "half", "lots", "plenty"})
"""Words of how many or how much, said straight after a place ("down the Bay most nights", "in Splott all
summer"), which the model read into the place's name, so the quote lost "most". No name ends on one of them; a
name can begin with one ("All Saints", "Most Holy Trinity"), so they are cut only at a name's end. Written for
the project; a word the name lists hold is never cut."""

_NEVER_LAST = QUANTIFIERS | {"of", "the", "a", "an", "to", "for", "with", "on", "in", "at", "by"}
"""Words no name ends on: a quantifier, and the small words that join a name to what follows ("the Bay most of
the summer")."""

_FROM = FROM_WORDS - {"of", "in", "at", "o'"}
"""Words saying where someone is from that no name holds inside it ("from", "frae"; "of" and "at" stand inside the
names of bodies and places, and "Fae" is a given name, which the name lists keep)."""


@cache
def _names() -> frozenset[str]:
    from .words import name_lexicon

    return name_lexicon("first") | name_lexicon("last")


def never_in_a_name(word: str, verbs: bool = True, cased: bool = False) -> bool:
    """``word`` cannot be part of anybody's name: a pronoun, an auxiliary, a linking word, or (with ``verbs``) a
    listed verb form that no name list holds ("rang", "moved"; not "drew", "sang", "will"). Without ``verbs``
    for the names of bodies and places, which verbs do begin ("Made in Chelsea"). With ``cased`` (text that
    writes names with capitals) a verb form written with a capital may be a name all the same ("Said Ahmed")."""
    low = word.lower().replace("’", "'")
    if low in PRONOUNS or low in AUXILIARIES or low in LINKS or low in GREETINGS:
        return True
    if low == DO:
        return not verbs or (cased and word == DO)
    if low in CHAT_WORDS and low not in _names():
        return True
    if low in _FROM and low not in _names():
        return True  # "morag frae the club": where she is from, no part of her name (.said_from)
    return verbs and low in PAST_FORMS and low not in _names() and not (cased and word[:1].isupper())


def _quantifier_after_name(word: str, before: str, cased: bool) -> bool:
    """``word`` says how many or how much after a name's word ("Bay most"), not inside a name ("of All Saints",
    "the Many Hands"; cased text writes a name's quantifier with a capital)."""
    low = word.lower()
    return (low in QUANTIFIERS and low not in _names() and before.lower() not in {"of", "the", "and", "&"}
            and not (cased and word[:1].isupper()))


def name_core(text: str, start: int, end: int, verbs: bool = True, cased: bool = False) -> tuple[int, int] | None:
    """``text[start:end]`` without the words at its edges that are never part of a name ("you tyler" →
    "tyler", "lincoln prison so" → "lincoln prison"), and, with ``verbs`` (a person's name), cut before the
    first pronoun, auxiliary or verb after a name word ("william came round" → "william") and without a kin
    word or honorific said after it ("Khadija Ammi" → "Khadija", "Pushpa Masi" → "Pushpa"); None when no word
    may be a name. A linking word inside is never a cut ("Sarah and Tom", "Dhaliwal and Sons": both sides are
    names). Offsets stay offsets into ``text``: every returned span slices to words of the original. ``verbs``
    and ``cased`` as for :func:`never_in_a_name`."""
    words: list[tuple[int, int]] = []
    i = start
    while i < end:
        while i < end and text[i].isspace():
            i += 1
        j = i
        while j < end and not text[j].isspace():
            j += 1
        if j > i:
            words.append((i, j))
        i = j
    never = [never_in_a_name(_bare(text[a:b]), verbs, cased) for a, b in words]
    for k, (a, b) in enumerate(words):  # "mark fae the church": where he is from, though "Fae" is a name
        if not never[k] and scots_from_before(_bare(text[a:b]), _word_after(text, words, k, end)):
            never[k] = True
    first = next((k for k, n in enumerate(never) if not n), None)
    if first is None:
        return None
    last = len(words) - 1
    if verbs:
        for k in range(first + 1, len(words)):
            if never[k] and _bare(text[words[k][0]:words[k][1]]).lower() not in LINKS:
                last = k - 1
                break
    for k in range(first + 1, last + 1):  # "the Bay most nights": how often ends the name, "of All Saints" does not
        word = _bare(text[words[k][0]:words[k][1]])
        if _quantifier_after_name(word, _bare(text[words[k - 1][0]:words[k - 1][1]]), cased):
            last = k - 1
            break
    while never[last]:
        last -= 1
    while last > first and _bare(text[words[last][0]:words[last][1]]).lower() in _NEVER_LAST and _bare(
            text[words[last][0]:words[last][1]]).lower() not in _names():
        last -= 1  # "the Bay most of": how often, not the place's name
    if verbs:  # "Khadija Ammi says", "Pushpa Masi": a kin word or honorific after a name is how she is spoken to
        while last > first and only_words_of_address(_bare(text[words[last][0]:words[last][1]])):
            last -= 1
    a, b = words[first][0], words[last][1]
    if last + 1 < len(words) or first:  # cut: no punctuation left hanging at the new edge ("william, he")
        while b > a + 1 and text[b - 1] in ",;:—–-":
            b -= 1
    return a, b


_SCHOOL_YEAR = re.compile(
    r"(?i)[\s,]+(?:year|yr)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)"
    r"[\s,.]*$")
"""A school year said after the school ("kershaw academy year nine", "at hollins park school, year 7"): captions
leave no comma between them, and the model read the year into the school's name, so the quote lost which year."""


def without_school_year(text: str, start: int, end: int) -> int:
    """``end`` moved back before a school year said at the end of ``text[start:end]`` (:data:`_SCHOOL_YEAR`), where a
    name is left before it; ``end`` as it was otherwise."""
    m = _SCHOOL_YEAR.search(text, start, end)
    if m is None or m.end() != end or not text[start : m.start()].strip():
        return end
    return m.start()


_SERVICE_HEAD = re.compile(
    r"(?i)\s+(?:police|constabulary|fire\s+and\s+rescue(?:\s+service)?|fire\s+service|ambulance\s+service|"
    r"(?:city|county|borough|district|town|parish)\s+council|council)(?:['’]s)?")
"""The head of a public service named after the area it serves ("Merseyside Police", "Liverpool City Council",
"Lancashire Constabulary", "Merseyside Fire and Rescue"), as the model reads it into one organisation."""


def without_service_head(text: str, start: int, end: int, places: frozenset[str]) -> int | None:
    """The end of the place in ``text[start:end]`` where the rest is a public service's head (:data:`_SERVICE_HEAD`)
    and the place is on ``places`` (lower-cased names); None otherwise. The model reads "Merseyside Police" as one
    organisation, and where the place goes (a site, a town on the lists) the whole went with it: "[place name] came
    round" lost that it was the police, which a quote about policing needs; only the place identifies."""
    for m in _SERVICE_HEAD.finditer(text, start, end):
        if m.end() != end:
            continue
        place = " ".join(text[start : m.start()].split())
        if place.lower() in places:
            return m.start()
    return None


def _word_after(text: str, words: list[tuple[int, int]], k: int, end: int) -> str | None:
    """The word after the ``k``-th of ``words``: the next in the span, or the first after its ``end`` in ``text``."""
    if k + 1 < len(words):
        a, b = words[k + 1]
        return _bare(text[a:b])
    m = _NEXT_WORD.match(text, end)
    return _bare(m.group(1)) if m else None


def _bare(word: str) -> str:
    """A word without the punctuation captions and typing leave at its edges ("you,", "(he")."""
    return word.strip(".,;:!?\"“”()[]—–-")
