"""Registered names and site towns in a file's name, checked before the name becomes a transcript's id.

A transcript's id is made from its file's name, and the id reaches everything shareable: the project,
the QDPX export's source names, reports. Teams name files after what the interview was about
("maerdy_miners_descript.txt", "hucknall_gambling_int_pt1.docx"), and a village, a club or a person the
study registers for redaction would then leave the secure folder in the id alone. The participant
manifest is checked already (``speakers.stem_mentions_name``); this module adds the register the team
wrote for ``anonymise --register`` and the manifest's sites named by their town, so that such a file is
imported as ``transcript-<n>`` instead. A word wrongly matched costs only a less telling id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.key import ParticipantKey
from .speakers import stem_tokens

if TYPE_CHECKING:
    from ..anonymise.register import RegisterItem

#: Words of a person's name that name nobody alone (a stem "dr_visit" holds no name).
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "nurse", "sister", "nan",
                     "auntie", "aunty", "uncle", "the"})
#: The shortest registered word looked for inside a stem's letters run together (as runs of six letters are).
_SPELT_OUT = 5


@dataclass(frozen=True)
class StemNames:
    """What a file stem must not hold: single words, and runs of words said together."""

    words: frozenset[str]
    runs: tuple[tuple[str, ...], ...]

    def held_by(self, stem: str) -> bool:
        """Whether ``stem`` holds one of the words, or one of the runs in order (also run together); a word
        of five letters or more is also found with separators put inside it. Both sides are read as the eye
        reads them (:func:`.speakers.stem_tokens`): accents, case, look-alike letters and invisible
        characters do not hide a name."""
        tokens = stem_tokens(stem)
        if any(t in self.words for t in tokens):
            return True
        squashed = "".join(tokens)
        # a word spelt out with separators ("m-a-e-r-d-y", "Mae.rdy"); a short word would match by chance
        if any(len(w) >= _SPELT_OUT and w in squashed for w in self.words):
            return True
        for run in self.runs:
            n = len(run)
            if any(tuple(tokens[i:i + n]) == run for i in range(len(tokens) - n + 1)):
                return True
            if len("".join(run)) >= 6 and "".join(run) in squashed:
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.words or self.runs)


def register_items(register_csv: Path) -> list[RegisterItem]:
    """The register read as ``anonymise --register`` reads it, so a bad register is refused here with the same
    message, naming its line. The import reads it before it writes anything, so a refusal leaves no trace."""
    from ..anonymise.register import load_register_csv

    return load_register_csv(register_csv)


def stem_names(register_csv: Path | None, key: ParticipantKey,
               items: list[RegisterItem] | None = None) -> StemNames:
    """The register's surfaces and aliases (a person's each name word; any other thing's whole name) and
    the manifest's sites named by a town.

    ``register_csv`` is read by :func:`register_items` unless its ``items`` are given, already read.
    """
    if register_csv is None and items is None and not any(e.site for e in key.entries):
        return StemNames(frozenset(), ())  # nothing to check: the anonymiser's modules need not load
    from ..anonymise.sitenames import site_items

    words: set[str] = set()
    runs: set[tuple[str, ...]] = set()
    if items is None:
        items = register_items(register_csv) if register_csv is not None else []
    for item in [*items, *site_items(key)]:
        for form in (item.surface, *item.aliases):
            tokens = tuple(t for t in stem_tokens(form) if t)
            if not tokens:
                continue
            if item.category == "person":  # each name word; a byname's trade after "the" names nobody alone
                named = tokens[:tokens.index("the")] if "the" in tokens else tokens
                words.update(t for t in named if t not in _TITLES and len(t) > 1)
            _add(tokens, words, runs)
    return StemNames(frozenset(words), tuple(sorted(runs)))


def _add(tokens: tuple[str, ...], words: set[str], runs: set[tuple[str, ...]]) -> None:
    if len(tokens) == 1:
        if len(tokens[0]) > 1:
            words.add(tokens[0])
    else:
        runs.add(tokens)
