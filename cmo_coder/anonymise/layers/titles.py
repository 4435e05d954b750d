"""A title before a name: "Dr Okafor", "Mrs O'Neill-Hart", "Sister Mbeki", "PC Dobrev", "Dr van der Merwe".

A title says a person's name follows, whatever the name is: no list holds every surname, and the
ones a list misses are the ones that single a person out. Surnames take shapes a one-word pattern
cuts short ("O'Neill-Hart" as "O'", "McAllister" as "Mc", "Okonkwo-Bright" as "Okonkwo-"), and the
half left behind is a leak; so a name here is read word by word, with its hyphens, apostrophes,
Mc/Mac prefixes and particles ("van der", "de", "al-", "bin", "ap", "Ní").

Titles that are also said alone ("the Sister said", "Uncle was there", "Nurse Practitioner",
"PC World") take a word after them only when it is no everyday word or a name list holds it;
honorifics ("Mr", "Dr") take any capitalised word ("Mr Brown").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from ..lookup import by_first_letter
from .cue_scan import cued_finditer, register_cues
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    SELDOM_LOWER,
    is_everyday,
    lowercase_usage,
    name_lexicon,
    place_names,
)

HONORIFICS = ("dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "mister", "missus", "prof", "professor")
"""Said only before a name: any capitalised word after one is a surname ("Mr Brown", "Dr Bright")."""
ROLE_TITLES = ("nurse", "sister", "matron", "father", "fr", "rev", "revd", "reverend", "pastor", "imam", "rabbi",
               "sheikh", "councillor", "cllr", "judge", "officer", "pc", "dc", "ds", "di", "dci", "sgt", "sergeant",
               "inspector", "constable", "auntie", "aunty", "aunt", "uncle", "nana", "nanna", "nan", "gran",
               "granny", "grandma", "grandad", "mama", "papa")
"""Titles people are also called by alone ("Sister said", "ask the officer"): a word after them must
be of a name's kind (see the module doc)."""
GRANDPARENT_TITLES = frozenset({"nanna", "nan", "gran", "granny", "grandma", "grandad"})
"""Role titles that are kin words only: "Grandma Jean" is the speaker's grandmother, and "Grandma" says no more
than "my grandma" does, so it stays before a given name and only the name goes. "Auntie", "Uncle", "Mama" and
"Papa" are not here: they are also said of elders who are no kin ("the pastor's wife, Mama Folasade"), and go
with the name; nor "Nana", also a given name and a title of Akan families ("Nana Mensah")."""
CASELESS_TITLES = tuple(t for t in (*HONORIFICS, *ROLE_TITLES)
                        if t not in {"dc", "ds", "di", "dci", "fr", "aunt", "nan", "gran", "granny", "grandma",
                                     "grandad", "nana", "nanna", "auntie", "aunty", "uncle", "mama", "papa"})
"""In captions: not the police ranks a caption writes as words ("ds", "di"), nor the kin words,
which :func:`..context.strong_person_cue` reads with their own care ("auntie X")."""
PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "di", "du", "la", "le",
                       "ter", "ten", "ap", "ab", "bin", "ben", "ibn", "bint", "abu", "al", "el", "mac", "ni", "ní",
                       "nic", "ó", "o", "ua", "uí", "st", "an"})
"""Words inside a surname ("van der Merwe", "de Souza", "bin Rashid", "ap Dafydd", "Ní Bhriain", "Mac an tSaoir")."""
_CAPTION_PARTICLES = frozenset({"da", "de", "del", "della", "dos", "das", "di", "du", "van", "von", "ap", "bin", "ibn",
                                "abu", "mac", "ni", "nic"})
"""Particles that in captions, after an honorific, lead a surname whatever word follows ("mr da costa"): no
everyday sentence says "mr van" or "dr da"."""
_PREFIXES = ("al", "el", "ul", "bin", "ibn", "abu", "d", "o")
"""Lower-case prefixes joined to a capitalised surname by a hyphen or apostrophe ("al-Hashimi", "d'Almeida")."""
NOT_TITLED = frozenset({"father christmas", "father time", "doctor who", "uncle sam", "mother nature", "mr men",
                        "pc world", "mr bean", "mr blobby", "mr tumble", "mr motivator", "uncle ben's",
                        "uncle bens", "mr muscle", "mr kipling", "dr martens", "doc martens", "dr pepper",
                        "dr oetker", "judge dredd", "father ted"})
"""Characters and brands a title begins: none names a participant's acquaintance."""

_NEVER = frozenset({*KINSHIP, "mum", "mam", "dad", "christmas", "easter", "eid", "diwali", "ramadan", "xmas"})
"""Words no title makes a name of: "I miss Mum", "we'll miss Christmas"."""
_TITLE = re.compile(r"(?i)\b(" + by_first_letter(sorted((*HONORIFICS, *ROLE_TITLES), key=len, reverse=True), True)
                    + r")(\.?)[ \t]+")  # grouped by first letter: the same match, tried at each word against one group
_TITLE_CUES = register_cues("titles", {*HONORIFICS, *ROLE_TITLES})
"""Every match of :data:`_TITLE` is one of these words (:mod:`.cue_scan`)."""
_OWNED = re.compile(r"(?i)(?:\b(?:my|his|her|their|our|your|me|the|a)"
                    r"|\b(?!(?:it|that|he|she|there|here|what|who|where|how|let|this|everyone|nobody)['’]s)\w+['’]s)"
                    r"(?:\s+(?:little|big|baby|wee|kid|older|elder|younger|eldest|oldest|youngest|twin|half|step|"
                    r"other|middle))?\s+$")
"""A relation or role said of someone ("my sister Mbeki", "the nurse Lhamo", "Ewan's sister Hope"): the word
stays, the name goes, also with a word of age or order between ("his little sister Royal", "my big brother
Kofi"). "That's Sister Jo", "she's Nurse Kay": a contraction of "is" owns nothing, the title is the
name's."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_IRISH_MUTATION = re.compile(r"^[tnh][A-ZÁÉÍÓÚ]")
"""Irish surnames after "Mac an", "Ní", "Ó" may start with a lower-case mutation letter: "tSaoir", "hUallacháin"."""


class TitledName(NamedTuple):
    start: int  # first character of the redaction: the name, or a role title with it (see ``titled_names``)
    first_start: int  # the name's first word that is no particle: a rule may check that word alone
    first_end: int
    end: int


def _capitalised(word: str) -> bool:
    """A word written as a name: a capital first ("McAllister", "O'Neill-Hart"), or a lower-case prefix
    joined to one ("al-Hashimi"), or an Irish mutation ("tSaoir"); never all capitals ("NHS")."""
    if len(word) > 1 and word.isupper():
        return False
    if word[:1].isupper():
        return True
    pieces = re.split(r"['’-]", word)
    return (len(pieces) > 1 and pieces[0] in _PREFIXES and pieces[1][:1].isupper()) or bool(
        _IRISH_MUTATION.match(word))


def _plain(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower().replace("’", "'")


def _name_word(word: str, caseless: bool, strict: bool, verb: bool = False) -> bool:
    """Whether ``word`` can be (part of) a surname here. ``strict``: after a title also said alone, or
    a second word, which must be no everyday word unless a name list holds it. ``verb``: the title was
    written in lower case in cased text, where it may be a verb ("I miss Leeds")."""
    low = _plain(word)
    if not caseless and not _capitalised(word):
        return False
    if len(low) < 2 or low in STOP_WORDS or low in FILLERS or low in CALENDAR or low in _NEVER:
        return False
    listed = low in name_lexicon("all") or all(p in name_lexicon("all") for p in re.split(r"[-']", low) if p)
    if low in place_names() and (verb or not listed):
        return False  # "I miss Leeds"; "Sister Ramsey" stays a name
    if strict and caseless and (is_everyday(low) or lowercase_usage().get(low, 0) >= SELDOM_LOWER):
        return False  # in captions "dr de souza said", whatever list holds "said"
    return not (strict and not listed and is_everyday(low))  # "Nurse Practitioner"


def titled_names(text: str, caseless: bool) -> Iterator[TitledName]:
    """Every name after a title in ``text``: up to three words, with particles between them.

    An honorific stays ("Dr [name]"), and so does a grandparent's title ("Grandma [name]"); a role or kin title
    goes with the name ("Sister Ramsey", "Auntie Marcia", "PC Tait"), which it narrows down to one person, unless
    it is said of someone ("my sister X").

    In cased text the title may be written either way ("Dr", "dr.", "Sister") but the name must be
    capitalised; in captions the first word is any word not ruled out here, for the caller to judge.
    """
    for m in cued_finditer(_TITLE, text, _TITLE_CUES):
        title = m.group(1).lower()
        if caseless and title not in CASELESS_TITLES:
            continue
        if not caseless and len(title) <= 3 and title in {"pc", "dc", "ds", "di", "dci", "sgt", "fr"} \
                and not m.group(1).isupper() and title != "sgt":
            continue  # "my pc crashed": a police rank is written in capitals
        # a title written in lower case in cased text may be a verb ("I miss Leeds"): a name's kind is needed
        strict_title = title in ROLE_TITLES or (not caseless and m.group(1)[:1].islower())
        pos, start, first_start, first_end, end = m.end(), -1, -1, -1, -1
        words = 0
        pending, particle_end = -1, -1  # a run of particles, kept only if a name word follows
        while words < 3:
            w = _WORD.match(text, pos)
            if w is None:
                break
            word = w.group(0)
            if word.lower() in PARTICLES and (caseless or word.islower() or words == 0):
                if pending < 0:
                    pending = w.start()
                particle_end = w.end()
                if text[w.end():w.end() + 1] != " ":
                    break
                pos = w.end() + 1
                continue
            # after an honorific a capitalised particle leads the surname ("Mr Da Costa"); a lower-case one
            # ("de", "van der") or a second word must be of a name's kind
            strict = strict_title or words > 0 or (pending >= 0 and (
                (caseless and text[pending:particle_end].lower().split()[0] not in _CAPTION_PARTICLES)
                or (not caseless and text[pending:pending + 1].islower())))
            if not _name_word(word, caseless, strict, verb=not caseless and m.group(1)[:1].islower()):
                break
            if start < 0:
                start = pending if pending >= 0 else w.start()
            name_end = w.start() + len(re.sub(r"['’]s$", "", word))
            if first_end < 0:
                first_start, first_end = w.start(), name_end
            end, pending, words = name_end, -1, words + 1
            if name_end != w.end() or text[w.end():w.end() + 1] != " ":
                break  # "Okafor's", "Okafor," or the end: the name stops here
            pos = w.end() + 1
        if start < 0 and pending >= 0 and not caseless and text[pending:pending + 1].isupper():
            # "Mrs Le", "Dr Di": a capitalised particle with no name after it is the surname itself
            start = first_start = pending
            first_end = end = particle_end
        if start < 0:
            continue
        phrase = f"{title} {text[start:end].lower()}"
        if any(phrase == p or phrase.startswith(p + " ") for p in NOT_TITLED) or \
                f"{title} {_plain(text[start:first_end])}" in NOT_TITLED:
            continue
        grandparent = title in GRANDPARENT_TITLES and _plain(text[first_start:first_end]) in name_lexicon("first")
        if title in ROLE_TITLES and not grandparent and not _OWNED.search(text[max(0, m.start(1) - 24):m.start(1)]):
            start = m.start(1)  # "Sister Ramsey", "Father Mulcahy", "PC Tait": the role singles them out too
        yield TitledName(start, first_start, first_end, end)
