"""A public service said by what it does: "Social Services", "Environmental Health", "the Coroner", "Adult Social Care".

People name the parts of a council, the NHS and the state they deal with by their function, and write them with
capitals as names: "I rang Environmental Health about the mould", "Adult Social Care came out to assess him", "we
took it to Tribunal", "the Coroner wrote to us". Every council has its Social Services and every trust its
Occupational Health: said alone, such a name says nothing of who or where, as "the GP" or "the council" does not.
The model reads them as organisations, and a capital mid-sentence as a name; removed, the study loses which
service a participant dealt with, a public body counted as wrongly removed. The national lists
(``data/public_names/bodies.txt``) hold named bodies ("Child Maintenance Service"), not the functions every area
has, and a list of those phrases would never be whole: they are made of a closed set of words.

So this module reads the shape, not a list: a run of words each of which says who a service is for or what it
does (:data:`FUNCTION_WORDS`: "adult", "children's", "mental", "environmental", "occupational", "welfare"), joined
by "and" at most, ending in a head that says a service of the state (:data:`HEADS`: "services", "health",
"care", "team", "rights", "standards", "maintenance"), at least two words in all; and the offices and hearings
said with "the" or "to" alone ("the Coroner", "the Ombudsman", "to Tribunal": :data:`OFFICES`). A proposal lying
inside such a phrase is dropped (``allowlist``); one that reaches past it keeps going.

What still goes, since a place or a name before the phrase is how a local body is named ("Calderbrook Adult
Social Care", "the Ashgrove Community Mental Health Team", "Leeds Social Services"): the phrase is read only where
the word before it is a word no name can be (:data:`_OPENERS`: a determiner, a preposition, a pronoun, a verb of
contact such as "rang" or "told") or nothing at all (a turn's or a sentence's start). A proposal that runs from a
place into the phrase is then not cut by it: the phrase does not begin there. A registered name always wins, as
for every public phrase. The word lists were written for the project from how UK services are spoken of.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .turn_view import says_any

FUNCTION_WORDS = frozenset({
    # who it is for
    "adult", "adults", "adult's", "adults'", "children", "children's", "childrens", "child", "family", "families",
    "youth", "young", "older", "elderly", "people's", "carers", "carers'", "carer's", "women's", "men's", "veterans",
    # what it does or deals with
    "social", "mental", "health", "environmental", "occupational", "public", "community", "welfare", "housing",
    "learning", "disability", "disabilities", "drug", "drugs", "alcohol", "substance", "misuse", "sexual",
    "special", "educational", "needs", "benefits", "benefit", "pension", "pensions", "debt", "money", "advice",
    "crisis", "home", "treatment", "intervention", "liaison", "early", "help", "protection", "safeguarding",
    "rights", "trading", "offending", "victim", "victims", "employment", "psychiatric", "psychology", "talking",
    "memory", "continuing", "palliative", "emergency", "duty", "district", "school", "nursing", "visiting",
    "child's", "maintenance", "immigration", "probation", "support", "care", "tax", "council", "student", "finance",
})
"""Words that say who a public service is for or what it does (the module doc); none is a place or a name."""

HEADS = frozenset({
    "services", "service", "health", "care", "team", "teams", "rights", "standards", "maintenance", "protection",
    "safeguarding", "support", "therapies", "nursing", "visitors", "benefit", "benefits", "advice", "department",
    "dept", "finance",
})
"""Last words of a public service said by its function ("Social Services", "Crisis Team", "Trading Standards")."""

OFFICES = frozenset({"coroner", "coroner's", "ombudsman", "tribunal", "tribunals"})
"""Offices and hearings every area has, said alone after "the" or "to" ("the Coroner", "went to Tribunal")."""

_OPENERS = frozenset({
    # determiners and possessives
    "the", "a", "an", "our", "their", "your", "my", "his", "her", "its", "this", "that", "these", "those", "local",
    "any", "every", "no", "some", "whole",
    # prepositions and joiners
    "to", "from", "with", "by", "at", "off", "on", "onto", "into", "in", "for", "about", "via", "through", "but",
    "then", "so", "because", "cos", "like", "than", "after", "before", "until", "till", "when", "if", "as",
    # pronouns and verbs of contact, telling, sending and dealing
    "i", "we", "they", "he", "she", "you", "it", "me", "us", "them", "him", "rang", "ring", "rings", "ringing",
    "called", "call", "phoned", "phone", "told", "tell", "contacted", "contact", "asked", "ask", "got", "get",
    "had", "have", "has", "sent", "send", "saw", "see", "seen", "involved", "involve", "informed", "emailed",
    "wrote", "referred", "refer", "said", "says", "was", "were", "is", "are", "be", "been", "did", "do", "does",
    "went", "go", "going", "came", "come", "tried", "try", "complained", "reported", "report", "even",
    "also", "just", "never", "still", "both", "either", "neither", "not", "only", "all",
})
"""Words before the phrase that no name can be (the module doc): only after one of these, or at a start, is the
phrase read. Not "and", "or" and "of", which join the words of a local body's own name ("the Litherwood
Community Drug and Alcohol Team", "Friends of Social Care"): read after them, the phrase would cut the name."""

_WORD = r"[^\W\d_][\w'’]*"
_BEFORE = re.compile(r"([^\W\d_][\w'’]*)[^\S\n]+$")
_START = re.compile(r"(?:^|[.!?:;\n\"“(]\s*|,\s*)$")
_GATE = HEADS | OFFICES
_RUN_WORDS = FUNCTION_WORDS | HEADS | {"and"}
_LOOK_BACK = 40


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _opens(text: str, start: int) -> bool:
    """Whether the word before ``start`` is one no name can be, or no word stands there (a start)."""
    left = text[max(0, start - _LOOK_BACK):start]
    m = _BEFORE.search(left)
    if m is None:
        return _START.search(left) is not None or not left.strip()
    return _norm(m.group(1)) in _OPENERS


def _run_from(words: list[tuple[int, int, str]], k: int, text: str) -> list[tuple[int, int, str]]:
    """The words from ``words[k]`` on that may belong to one service phrase: words of service and "and", with
    nothing but spaces between them, six at most."""
    run = [words[k]]
    j = k + 1
    while j < len(words) and len(run) < 6 and words[j][2] in _RUN_WORDS and (
            not text[run[-1][1]:words[j][0]].strip()):
        run.append(words[j])
        j += 1
    return run


def _longest(words: list[tuple[int, int, str]], text: str) -> tuple[int, int] | None:
    """The longest stretch from the run's first word that is function words ending in a head, two words or more."""
    best = None
    for k in range(1, len(words)):
        low = words[k][2]
        inner = [w for *_, w in words[:k]]
        if any(w not in FUNCTION_WORDS and w != "and" for w in inner) or inner[0] == "and":
            break
        if low in HEADS:
            best = (words[0][0], words[k][1])
    return best


def function_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of public services said by their function, and of offices said alone (module doc)."""
    if not says_any(text, _GATE):
        return []
    out: list[tuple[int, int]] = []
    words = [(m.start(), m.end(), _norm(m.group(0))) for m in re.finditer(_WORD, text)]
    k = 0
    while k < len(words):
        start, end, low = words[k]
        if low in OFFICES and k > 0 and words[k - 1][2] in {"the", "to"} and _opens(text, words[k - 1][0]):
            out.append((start, end))
            k += 1
            continue
        if low not in FUNCTION_WORDS or not _opens(text, start):
            k += 1
            continue
        span = _longest(_run_from(words, k, text), text)
        if span is not None:
            out.append(span)
            k = next(i for i, w in enumerate(words) if w[0] >= span[1]) if span[1] < words[-1][1] else len(words)
        else:
            k += 1
    return out


PLACE_BEFORE_FUNCTION = "a place's word before a public service said by what it does"


def places_before_functions(text: str) -> list[tuple[int, int]]:
    """Spans of a word no dictionary holds said right before a public service's function ("i rang calderbrook
    social services", "Ashby Environmental Health"): the local body's place, which goes.

    Why: the phrase is public only said alone (module doc); the word before it that is no opener is how the
    service is placed, and where that word is no everyday word nor a public name it can only be a place's (in
    captions nothing else says so: "calderbrook social services" was kept whole). An everyday word ("the new
    social services", "weekend care team"), a stop word, an acronym or a listed public name is never read."""
    if not says_any(text, _GATE):
        return []
    from .naming import public_words  # here: the allow-list imports this module, and naming imports the allow-list
    from .words import in_dictionary

    out: list[tuple[int, int]] = []
    words = [(m.start(), m.end(), _norm(m.group(0))) for m in re.finditer(_WORD, text)]
    for k in range(1, len(words)):
        if words[k][2] not in FUNCTION_WORDS or (out and out[-1][1] >= words[k][0]):
            continue
        span = _longest(_run_from(words, k, text), text)
        if span is None or _name_goes_on(text, span[1]):
            continue  # "the Missouri Public Service Commission": a body's own name, the phrase inside it
        start, end, low = words[k - 1]
        if text[end:words[k][0]] != " " or len(low) < 4 or low in _OPENERS or low in _RUN_WORDS \
                or low in STOP_WORDS or low.endswith("'s") or in_dictionary(low) or _public(low, public_words()) \
                or text[start:end].isupper() or not re.search(r"[aeiouy]", low):
            continue  # an acronym ("MHST", "the cmht crisis team") names a team's kind, not its place
        out.append((start, end))
    return out


def _public(low: str, public: frozenset[str]) -> bool:
    """``low`` is a listed public name as written or as captions drop its apostrophe ("barnardos")."""
    return low in public or (low.endswith("s") and f"{low[:-1]}'s" in public)


_BODY_HEADS = frozenset({"commission", "commissions", "committee", "board", "authority", "trust", "agency",
                         "council", "foundation", "association", "society", "union", "company", "corporation",
                         "group", "fund", "institute", "partnership", "network", "alliance", "federation",
                         "commissioner", "inc", "ltd", "limited", "plc", "llc"})
"""Heads a body's own name ends in after words of service ("Public Service Commission", "Social Care Trust")."""


def _name_goes_on(text: str, end: int) -> bool:
    """Whether a name runs on past the service phrase ending at ``end``: a body's head, or in typed text any
    capitalised word, said straight after it."""
    m = re.match(r"[^\S\n]+([^\W\d_][\w'’]*)", text[end:end + 40])
    if m is None:
        return False
    word = m.group(1)
    return _norm(word) in _BODY_HEADS or (word[:1].isupper() and not word.isupper() and word.lower() != "i")
