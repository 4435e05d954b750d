"""How many of a focus group's turns the readers give as the team typed them: group, joint and unplaced lines.

Reads every file of ``tests/data/focus_group_lines`` (``tuning/`` was written against, ``heldout/`` never tuned
on) and counts, per file and per half, the expected turns (``X.turns``: the speaker as written and the first words)
found among the turns read. Run with another copy of the package first on ``PYTHONPATH`` to measure it instead:
``PYTHONPATH=<export of a commit> python benchmarks/focus_group_lines.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from cmo_coder.ingest.source import read_source
from cmo_coder.ingest.utterance import ParseError

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "focus_group_lines"


def expected(path: Path) -> list[tuple[str | None, str]]:
    rows = [line.split("\t", 1) for line in Path(f"{path}.turns").read_text(encoding="utf-8").splitlines()]
    return [(None if who == "-" else who, start) for who, start in rows]


def found(path: Path) -> tuple[int, int, int]:
    """(expected turns found, expected turns, turns read)."""
    want = expected(path)
    try:
        canon = read_source(path.read_bytes(), path.name).canon
    except ParseError:
        return 0, len(want), 0
    got = [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]
    hits = sum(1 for who, start in want if any(g == who and text.startswith(start) for g, text in got))
    return hits, len(want), len(got)


def main() -> int:
    totals: Counter[str] = Counter()
    for path in sorted(p for p in DATA.glob("*/*") if p.suffix != ".turns" and p.name != "README.md"):
        hits, want, read = found(path)
        half = path.parent.name
        totals[f"{half} found"] += hits
        totals[f"{half} expected"] += want
        print(f"{half}/{path.name}: {hits} of {want} expected turns ({read} turns read)")
    for half in ("tuning", "heldout"):
        print(f"{half}: {totals[f'{half} found']} of {totals[f'{half} expected']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
