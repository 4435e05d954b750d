"""Captions: the other half of a name already found, and a word-name said beside a role or a service.

Automatic captions drop the capitals and the full stops that tell a name from a word, and two leaks came of it:

* **half a name**: a layer finds one part of a private person's two names and the other part stays ("i told
  [name] baxter at the clinic", "she said danny [name] was there too"). A surname alone, or a given name with its
  context, can still single a person out. Here the word straight after a found given name is its surname when a
  surname list holds it (a word like "king", "mills" or "bishop" among them, provided what follows is what follows a
  person, not a noun it qualifies: "a king size bed" keeps "king") or when no dictionary holds it; and the word
  straight before a found surname is its given name when a given-name list holds it ("danny", "grace").
* **a word-name beside a role or a service**: "frank my sponsor", "joy on the helpline", "penny at the recovery
  cafe", "hazel at the pharmacy". A given name people bear that is also an everyday word ("joy", "penny",
  "hazel", "crystal") followed by "my" or "the" and a word for a worker, or by "at", "on" or "from" and a service,
  is a person when nothing before it makes it the word: captions run one sentence into the next ("a proper
  kitchen jack my probation officer"), so the word before is any word but one that takes the word into its own
  phrase (an article, a possessive, a preposition, "be": "to be frank my mum said", "a penny at the cafe",
  "my joy at the clinic").

Counter-evidence: a word inside a public name the allow-list protects ("frank bruno", "grace jones"), a listed
place, a word of kin, time or the calendar, a stop word, and the words the layers never read into a name
(:mod:`.layers.name_edges`). Each reading is a person (layer ``rules``); the spreading that follows finds the
same name said again elsewhere in the transcript. Word lists here were written for the project.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from .candidates import Candidate
from .layers.caption_names import common_given
from .layers.lexicon import CLOSING_WORDS
from .layers.name_edges import CHAT_WORDS, never_in_a_name
from .layers.words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    SELDOM_LOWER,
    TITLE_WORDS,
    in_dictionary,
    is_everyday,
    known_surnames,
    lowercase_usage,
    name_lexicon,
    place_names,
)

LAYER = "rules"
_WORD = re.compile(r"[a-z][a-z'’]*(?:-[a-z]+)*")

WORKER_WORDS = frozenset({
    "sponsor", "keyworker", "mentor", "advocate", "counsellor", "therapist", "nurse", "midwife", "doctor", "gp",
    "receptionist", "pharmacist", "psychiatrist", "psychologist", "consultant", "caseworker", "befriender",
    "buddy", "coach", "chaplain", "warden", "volunteer", "physio", "dietitian", "paramedic", "worker", "officer",
    "coordinator", "co-ordinator", "practitioner", "visitor", "manager", "lead", "navigator", "champion"})
"""Words for the worker a person is to the speaker, ending the phrase after "my" or "the": "frank my sponsor", "bob
my key worker", "jack my probation officer", "heather the district nurse". Written for the project."""

SERVICE_WORDS = frozenset({
    "helpline", "reception", "pharmacy", "chemist", "foodbank", "hostel", "hub", "surgery", "clinic", "jobcentre",
    "drop-in", "housing", "council", "probation", "exchange", "cafe", "café", "desk", "switchboard", "refuge",
    "shelter", "drop", "practice", "centre", "center", "team", "service", "services", "project", "charity", "office",
    "line", "bank", "unit", "ward", "group", "programme", "meetings"})
"""Where a worker or volunteer is found, said after "at", "on" or "from" ("joy on the helpline", "holly at the food
bank", "mo at the job centre", "daisy from the drop in"): the service's word within three words. Not "home",
"school", "work" or "church", which anybody is at. Written for the project."""

_AT = frozenset({"at", "on", "from"})
_ROLE_OPENERS = frozenset({"my", "our", "the", "his", "her", "their", "your"})
_BINDS = frozenset({
    "a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those", "some",
    "any", "no", "every", "each", "of", "for", "with", "in", "at", "on", "from", "to", "by", "into", "about", "be",
    "being", "been", "is", "was", "are", "were", "am", "i'm", "it's", "so", "very", "quite", "bit", "more",
    "most", "less", "really", "such", "what", "how", "feel", "felt", "look", "looked", "looks", "seem", "seemed",
    "get", "got", "getting", "gone", "went", "turn", "turned", "go", "goes", "light", "dark", "bright", "pale",
    "deep", "all", "big", "little", "wee", "old", "new", "i", "you", "he", "she", "we", "they", "it"})
"""Words that take the word after them into their own phrase, so it is the word there: an article or possessive
("a penny", "my joy", "the hazel"), a preposition ("of amber"), "be" and the verbs of seeming or becoming ("to be
frank", "it went amber"), degree words ("so sunny"), the adjectives of colour and size ("light amber"), and a
subject pronoun, after which the word is a verb ("she rose at the meeting"). Not "too", which ends a clause as often
as it comes before an adjective ("frank bruno too bob my key worker")."""

_AFTER_A_PERSON = frozenset({
    "was", "is", "were", "has", "had", "said", "says", "told", "came", "come", "comes", "rang", "phoned", "from",
    "at", "on", "in", "who", "and", "she", "he", "she's", "he's", "did", "does", "sorted", "got", "gave", "took",
    "helped", "went", "goes", "used", "still", "never", "always", "runs", "ran", "works", "worked",
    "sends", "sent", "drove", "brought", "checks", "would", "will", "could", "can", "keeps", "kept", "knows",
    "the", "my", "about", "to", "for", "with", "too", "as", "there", "then", "but", "so", "because", "cos"})
"""What speech puts after a person's full name ("danny king was there", "sunny mills from the church", "grace
baxter at the clinic"): a verb a person does, a preposition of where they are from, a linking word, a pronoun
that takes the sentence up again. A surname that is an everyday word is read as the surname only before one of
these (or at the turn's end): "a king size bed", "the mills by the river" stay."""


_FULL_NAME_NEXT = frozenset({
    "was", "is", "has", "had", "said", "says", "told", "came", "comes", "rang", "rings", "phoned", "from", "at",
    "who", "she", "he", "she's", "he's", "sorted", "helped", "sends", "sent", "runs", "works", "checks", "drove",
    "gave", "got", "took", "brought", "used", "keeps", "kept", "knows", "does", "did"})
"""What follows a full name that no layer found, both words from the name lists ("sunny mills from the church
group", "hope turner from the carers group", "rose bishop said"): narrower than :data:`_AFTER_A_PERSON`, since
neither word was a person to begin with."""


@cache
def _given() -> frozenset[str]:
    return name_lexicon("first") | common_given()


@cache
def _word_names() -> frozenset[str]:
    """Given names people bear that are also everyday words ("joy", "penny", "frank", "holly", "crystal")."""
    return frozenset(w for w in common_given() if is_everyday(w))


def _never(low: str) -> bool:
    return (low in STOP_WORDS or low in FILLERS or low in CLOSING_WORDS or low in CHAT_WORDS or low in CALENDAR
            or low in KINSHIP or low in TITLE_WORDS or never_in_a_name(low) or len(low) < 2)


def _surname_after(low: str, after: str) -> bool:
    """``low`` reads as the surname of the given name before it (module doc), ``after`` the word that follows."""
    if _never(low) or low in place_names() or low in WORKER_WORDS or low in SERVICE_WORDS:
        return False
    if low in known_surnames() or low in name_lexicon("last"):
        if not is_everyday(low) and lowercase_usage().get(low, 0) < SELDOM_LOWER:
            return True
        return not _inflected(low) and (after == "" or after in _AFTER_A_PERSON)
    return (len(low) >= 4 and not is_everyday(low) and not in_dictionary(low)
            and lowercase_usage().get(low, 0) < SELDOM_LOWER)


def _inflected(low: str) -> bool:
    """An everyday word's verb or plural ending on an everyday stem ("works", "comes", "helped", "going"): "ionut
    works at the car wash" says what he does, though "Works" and "Comes" are surnames. A surname of that shape
    ("mills", "banks") is given up with them: either reading is open there."""
    for end, keep in (("s", 1), ("es", 2), ("ed", 2), ("ed", 1), ("ing", 3)):
        if low.endswith(end) and len(low) - keep >= 3 and is_everyday(low[: len(low) - keep]):
            return True
    return False


def _given_before(low: str, before: str) -> bool:
    """``low`` reads as the given name of the surname after it: a given-name list holds it and nothing before it
    makes it the word ("the grace", "a frank")."""
    return (low in _given() and not _never(low) and low not in place_names() and before not in _BINDS)


def _role_after(lows: list[str], k: int) -> bool:
    """The words after position ``k`` say a worker ("my sponsor", "the district nurse", "my key worker") or a
    service ("on the helpline", "at the recovery cafe", "from the drop in")."""
    nxt = lows[k + 1 : k + 5]
    if not nxt:
        return False
    if nxt[0] in _ROLE_OPENERS:
        return any(w in WORKER_WORDS for w in nxt[1:3])
    if nxt[0] in _AT:
        rest = nxt[1:4]
        return bool(rest) and (rest[0] in SERVICE_WORDS or (
            rest[0] in {"the", "our", "my"} and any(w in SERVICE_WORDS for w in rest[1:])))
    return False


def candidates(text: str, segments: Iterable[tuple[int, int]], found: list[Candidate],
               protected: list[tuple[int, int]]) -> list[Candidate]:
    """Person candidates for the other half of found names and for word-names beside a role or a service, in the
    caption turns ``segments`` of ``text``; no word inside ``protected`` (the allow-list's public names)."""
    people = sorted((c.start, c.end) for c in found if c.category == "person")
    starts = [s for s, _ in people]
    taken = [(c.start, c.end) for c in found]
    out: list[Candidate] = []

    def free(a: int, b: int, beside: tuple[int, int] | None = None) -> bool:
        """Nothing found at ``text[a:b]`` and no public name protects it; for the other half of a name found at
        ``beside``, a public name protects it only where it holds the found half too ("frank bruno"): the
        allow-list also protects a verb with the name after it ("said danny"), which says nothing of the pair."""
        if any(s < b and a < e for s, e in taken):
            return False
        if beside is None:
            return not any(s < b and a < e for s, e in protected)
        return not any(s < b and a < e and s < beside[1] and beside[0] < e for s, e in protected)

    def add(a: int, b: int, reason: str) -> None:
        out.append(Candidate(a, b, "person", LAYER, 0.75, reason))
        taken.append((a, b))

    for base, stop in segments:
        words = [(m.start() + base, m.end() + base) for m in _WORD.finditer(text[base:stop])]
        lows = [text[a:b].replace("’", "'") for a, b in words]
        spans = {w: k for k, w in enumerate(words)}
        for s, e in people[bisect_left(starts, base) : bisect_left(starts, stop)]:  # the turn's people only
            k = spans.get((s, e))
            if k is None:
                continue  # a person of several words, or a part of one: its edges are another layer's
            low = lows[k]
            if low in _given() and k + 1 < len(words) and _single_space(text, words[k], words[k + 1]):
                after = lows[k + 2] if k + 2 < len(words) else ""
                if free(*words[k + 1], (s, e)) and _surname_after(lows[k + 1], after):
                    add(*words[k + 1], "the surname after a given name found")
            if (low in known_surnames() or low in name_lexicon("last")) and k >= 1 \
                    and _single_space(text, words[k - 1], words[k]):
                before = lows[k - 2] if k >= 2 else ""
                if free(*words[k - 1], (s, e)) and _given_before(lows[k - 1], before):
                    add(*words[k - 1], "the given name before a surname found")
        for k in range(len(words) - 1):  # "sunny mills from the church group": a full name nobody found
            first, second = lows[k], lows[k + 1]
            if first not in _given() or second in _given() or not _single_space(text, words[k], words[k + 1]):
                continue
            after = lows[k + 2] if k + 2 < len(words) else ""
            if after not in _FULL_NAME_NEXT or (lows[k - 1] if k else "") in _BINDS or _never(first):
                continue
            if first in place_names() or not _surname_after(second, after) or not free(words[k][0], words[k + 1][1]):
                continue
            add(words[k][0], words[k + 1][1], "a given name and a surname said where a person stands")
        for k, low in enumerate(lows):
            if low not in _word_names() or low in WORKER_WORDS or _never(low) or not free(*words[k]):
                continue
            before = lows[k - 1] if k else ""
            if before in _BINDS or not _role_after(lows, k):
                continue
            add(*words[k], "a name said beside a role or a service")
    return out


def _single_space(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Two words next to each other with only spaces (one line break at most) between them."""
    gap = text[left[1] : right[0]]
    return not gap.strip() and gap.count("\n") <= 1 and len(gap) > 0
