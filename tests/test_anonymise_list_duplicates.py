"""No shipped data list holds an entry twice.

A duplicate is harmless to the matcher (each phrase is added once) but it hides what a list holds: a reviewer
who takes an entry out of a list finds it still kept by its twin. Entries are compared as the loaders compare
them: stripped, lower-cased, with a typographic apostrophe read as a plain one (``namelists._listed``); comment
and blank lines are not entries. An accented and a plain spelling ("Siân", "Sian") are two entries, since the
loaders keep each as written. Table files (``.csv``, ``.tsv``) are checked by whole row, since a key may stand
on several rows with different values.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import cmo_coder

DATA = Path(cmo_coder.__file__).parent / "data"
LISTS = sorted([*DATA.glob("*.txt"), *DATA.glob("public_names/*.txt")])
TABLES = sorted([*DATA.glob("*.csv"), *DATA.glob("*.tsv")])


def _key(line: str) -> str:
    """An entry as the loaders read it."""
    return line.strip().lower().replace("’", "'")


def duplicates(text: str) -> list[str]:
    """The entries of a list's text that stand more than once."""
    counts = Counter(_key(line) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return sorted(entry for entry, n in counts.items() if n > 1)


def test_the_lists_are_found() -> None:
    names = {p.relative_to(DATA).as_posix() for p in LISTS}
    assert {"allowlist.txt", "public_names/culture.txt", "world_places.txt", "given_names_uk.txt"} <= names
    assert len(LISTS) >= 25 and TABLES


@pytest.mark.parametrize("path", LISTS + TABLES, ids=lambda p: p.relative_to(DATA).as_posix())
def test_no_list_holds_an_entry_twice(path: Path) -> None:
    assert duplicates(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_duplicate_as_the_loader_reads_it() -> None:
    text = "# a header\nGreggs\n\nSports Direct\n  greggs  \nMrs Brown’s Boys\nmrs brown's boys\n"
    assert duplicates(text) == ["greggs", "mrs brown's boys"]


def test_accented_and_plain_spellings_are_two_entries() -> None:
    assert duplicates("Siân\nSian\nRóisín\nRoisin\n") == []


def test_a_comment_repeated_is_not_an_entry() -> None:
    assert duplicates("# Sources\nBarnardo's\n# Sources\n") == []
