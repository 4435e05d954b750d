"""The invented case lists of the anonymiser's list benchmarks (``tests/data/*.tsv``): one reader and one
caption form for all of them.

Each list is a TSV file, one case a line ("keep" or "remove", then the case's own columns), ``#`` starting a
comment; the phrase a case is about must be in its sentence. A bad line is an error naming the file and the
line, so a list cannot quietly measure less than it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

KINDS = frozenset({"keep", "remove"})


def rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """``(line number, columns)`` of each case of ``path``; every case has ``width`` tab-separated columns."""
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        columns = raw.split("\t")
        if len(columns) != width:
            raise ValueError(f"{path}:{n}: {width} tab-separated columns expected, found {len(columns)}")
        yield n, columns


def check(path: Path, line: int, kind: str, phrase: str, said: str) -> None:
    """A case says whether its phrase stays or goes, and its phrase is in what is said."""
    if kind not in KINDS:
        raise ValueError(f"{path}:{line}: the kind is {kind!r}, not keep or remove")
    if phrase not in said:
        raise ValueError(f"{path}:{line}: the phrase {phrase!r} is not in its sentence")


def caption(text: str) -> str:
    """Lower case, no punctuation, hyphens between words as spaces: how automatic captions write speech."""
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text.lower())
    return re.sub(r"\s+", " ", re.sub(r"[,.?!;:](?=\s|$)", "", text)).strip()


def join_turns(turns: list[str] | tuple[str, ...]) -> tuple[str, list[tuple[int, int]]]:
    """Turns joined by new lines, as a transcript holds them, and each turn's offsets in the joined text."""
    segments, pos = [], 0
    for t in turns:
        segments.append((pos, pos + len(t)))
        pos += len(t) + 1
    return "\n".join(turns), segments


class Case(Protocol):
    """A list's case: its class, its label, the turns it is said in and the phrase it is about."""

    @property
    def kind(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def turns(self) -> tuple[str, ...]: ...
    @property
    def phrase(self) -> str: ...


C = TypeVar("C", bound=Case)


def tally(items: Sequence[C], judge: Callable[[C, tuple[str, ...], str], bool]) -> dict[str, dict[str, list[int]]]:
    """Per casing and per class (and class with label): [right, total]. ``judge`` gets a case, its turns and its
    phrase as that casing writes them (captions: lower case, no punctuation) and says whether it came out right."""
    out: dict[str, dict[str, list[int]]] = {}
    for form in ("cased", "captions"):
        counts: dict[str, list[int]] = {}
        for item in items:
            turns = item.turns if form == "cased" else tuple(caption(t) for t in item.turns)
            phrase = item.phrase if form == "cased" else caption(item.phrase)
            ok = judge(item, turns, phrase)
            for key in (item.kind, f"{item.kind} {item.label}"):
                pair = counts.setdefault(key, [0, 0])
                pair[0] += ok
                pair[1] += 1
        out[form] = counts
    return out
