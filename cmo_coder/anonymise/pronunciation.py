"""Which words sound like a registered name: the spellings speech recognition gives names it does not know.

A recogniser that has never seen "Siobhan" writes what it hears: "shavonne", "chevonne", "shiv on".
Nothing spelt like the register matches those, so the register layer cannot see them. This module
relates a word to a registered name part (given name, surname, diminutive) by sound, two ways:

- a phonetic key (Metaphone, from ``jellyfish``): regular spelling variants share one
  (Catherine/Kathryn/Katharine, Steven/Stephen, Mohammed/Muhammad, Rebekah/Rebecca), guarded by an
  edit-distance check so that a word merely sharing a short key ("nave" for "Neve") does not count;
- a curated table (``data/name_pronunciations.csv``) of names whose spelling does not follow English
  sound rules, with their spoken respellings (Niamh → neeve, Dafydd → davith, Wojciech → voytek,
  Featherstonehaugh → fanshaw), and of names too short for a key to be safe (Jon → john, Zoe → zoey).

It knows nothing of spaCy: the analyzer layer (:mod:`.layers.sound_alike`) and the leak check use it alike.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import jellyfish
from rapidfuzz import fuzz

from .folding import fold
from .register import Register, RegisterItem

__all__ = ["fold", "SoundIndex", "SoundMatch", "sound_key", "pronunciation_groups", "person_parts"]

KEY_SIMILARITY = 60
"""Least ``rapidfuzz`` ratio (0-100) between a word and the closest spelling of a registered name for a
shared key to count: "kathryn"/"catherine" 62, "muhammad"/"mohamed" 67, "jakub"/"jacob" 60, "steven"/
"stephen" 77. Words that share a key by chance mostly score lower ("sin"/"cian" 57, "louise"/"lewis" 55);
the dictionary words among those that pass ("nave" for "Neve") are left to the layer's word rules."""
PAIR_SIMILARITY = 75
"""The same for two words said as one ("shiv on"): two everyday words join into many strings."""
MIN_KEYED_LENGTH = 4
"""Names (and respellings) shorter than this are matched by the table's exact respellings only: the key of
"Jon" (JN) or "Amy" (AM) is shared by too many words."""
MIN_KEY = 2
"""A key of one sound ("S" for "Zoe") relates nothing."""

@lru_cache(maxsize=200_000)
def sound_key(word: str) -> str:
    """The Metaphone key of ``word`` with repeated sounds merged ("rebecca" RBKK → RBK, like "rebekah")."""
    folded = fold(word)
    if not folded:
        return ""
    key = jellyfish.metaphone(folded)
    return "".join(c for i, c in enumerate(key) if i == 0 or key[i - 1] != c)


@cache
def pronunciation_groups() -> dict[str, frozenset[str]]:
    """Folded form → every folded form of its row(s) in ``data/name_pronunciations.csv``, itself included.

    A two-word respelling ("an harad") is stored joined ("anharad"): the layer joins the two words it reads.
    """
    text = resources.files("cmo_coder.data").joinpath("name_pronunciations.csv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    groups: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        forms = {fold(row["name"]), *(fold(r) for r in row["respellings"].split(";"))} - {""}
        for f in forms:
            groups.setdefault(f, set()).update(forms)
    return {k: frozenset(v) for k, v in groups.items()}


@dataclass(frozen=True)
class SoundMatch:
    """A word that sounds like a registered name part."""

    part: str  # the registered name part, as registered ("Siobhan")
    items: tuple[RegisterItem, ...]  # the registered people it belongs to (several may share a part)
    how: str  # "respelling" (the curated table), "key" (the phonetic key), "split" (the name in two words),
    # "letters" (its letters without the accents or apostrophe: "obrien", "siobhán" for a registered Siobhan)

    def reason(self) -> str:
        how = {"respelling": "a spoken respelling of", "key": "spelt by sound like",
               "split": "said in two words:", "letters": "the letters of"}[self.how]
        return f"sounds like a registered name ({how} {self.part})"


@dataclass(frozen=True)
class _Entry:
    part: str
    forms: frozenset[str]  # the folded part and its table respellings, for the similarity guard


def person_parts(items: Iterable[RegisterItem]) -> list[tuple[str, RegisterItem]]:
    """Every one-word form of every registered person: given names, surnames, diminutives (from the
    register, the participants key and ``data/nicknames.csv``), each with its item."""
    out = []
    for item in items:
        if item.category != "person":
            continue
        for v in item.variants:
            words = v.split()
            if len(words) == 1 and len(fold(v)) >= 2:
                out.append((v, item))
    return out


_REMEMBERED = 200_000
"""Answers a :class:`SoundIndex` keeps (words and pairs of words) before it starts again."""


class SoundIndex:
    """Registered name parts by their respellings and keys; answers "does this word sound like one?"."""

    def __init__(self, parts: Iterable[tuple[str, RegisterItem]]) -> None:
        self.registered: dict[str, str] = {}  # folded part → part as registered
        self.spellings: set[str] = set()  # each part as registered, lower-cased: the register's own matches
        self.items: dict[str, list[RegisterItem]] = {}  # folded part → its items
        self.exact: dict[str, str] = {}  # folded respelling → folded part
        self.by_key: dict[str, list[_Entry]] = {}
        self._answers: dict[tuple[str, bool], SoundMatch | None] = {}  # see :meth:`match`
        groups = pronunciation_groups()
        for part, item in parts:
            folded = fold(part)
            self.registered.setdefault(folded, part)
            self.spellings.add(part.lower().replace("’", "'"))
            bucket = self.items.setdefault(folded, [])
            if item not in bucket:
                bucket.append(item)
        for folded, part in self.registered.items():
            forms = groups.get(folded, frozenset()) | {folded}
            for f in forms - {folded}:
                self.exact.setdefault(f, folded)
            if len(folded) < MIN_KEYED_LENGTH:
                continue  # "Jon", "Amy": their table respellings only
            entry = _Entry(part, frozenset(forms))
            for f in sorted(forms):
                key = sound_key(f)
                if len(f) >= MIN_KEYED_LENGTH and len(key) >= MIN_KEY:
                    entries = self.by_key.setdefault(key, [])
                    if entry not in entries:
                        entries.append(entry)

    @classmethod
    def from_register(cls, register: Register | Iterable[RegisterItem]) -> SoundIndex:
        items = register.items if isinstance(register, Register) else list(register)
        return cls(person_parts(items))

    def __bool__(self) -> bool:
        return bool(self.registered)

    def is_registered(self, word: str) -> bool:
        return fold(word) in self.registered

    def match(self, word: str, joined: bool = False) -> SoundMatch | None:
        """How ``word`` (or, ``joined``, two words said as one) sounds like a registered name part, or None.

        A word spelt as the registered part is no sound-alike (the register finds it), unless it was
        said in two words ("mc allister") or lost its accents or apostrophe ("obrien" for O'Brien,
        "siobhán" for a registered Siobhan), which the register's spellings do not hold.

        Remembered per word: the layer asks it of every word and every pair of words of every turn,
        and a study's transcripts say the same words again and again (the index does not change).
        """
        key = (word, joined)
        if key in self._answers:
            return self._answers[key]
        if len(self._answers) >= _REMEMBERED:
            self._answers.clear()
        answer = self._answers[key] = self._match(word, joined)
        return answer

    def _match(self, word: str, joined: bool) -> SoundMatch | None:
        folded = fold(word)
        if len(folded) < 2:
            return None
        if folded in self.registered:
            if joined:
                return SoundMatch(self.registered[folded], tuple(self.items[folded]), "split")
            if word.lower().replace("’", "'") in self.spellings:
                return None  # the registered spelling: the register layer's
            return SoundMatch(self.registered[folded], tuple(self.items[folded]), "letters")
        part = self.exact.get(folded)
        if part is not None:
            return SoundMatch(self.registered[part], tuple(self.items[part]), "respelling")
        if len(folded) < MIN_KEYED_LENGTH:
            return None
        least = PAIR_SIMILARITY if joined else KEY_SIMILARITY
        best: tuple[float, str] | None = None
        for entry in self.by_key.get(sound_key(folded), ()):
            score = max(fuzz.ratio(folded, f) for f in entry.forms)
            if score >= least and (best is None or score > best[0]):
                best = (score, fold(entry.part))
        if best is None:
            return None
        return SoundMatch(self.registered[best[1]], tuple(self.items[best[1]]), "key")
