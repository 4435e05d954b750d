"""Checks every development set split before tuning shares (named places, caption people, half names): the halves
apart, and the captions built twice the same, each gold mention slicing to its surface."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import handwritten as hw  # noqa: E402


def assert_halves_apart(load_half: Callable[[str], Any], halves: tuple[str, ...]) -> None:
    """No session stem or speaker's name is in two halves: a rule tuned on one half never met the other's text."""
    tune, held = (load_half(h) for h in halves)
    assert not {b.stem for b in tune.sessions} & {b.stem for b in held.sessions}
    assert not {p["name"] for p in tune.people} & {p["name"] for p in held.people}


def caption_mentions(tmp_path: Path, study: Callable[[], Any]) -> list[Any]:
    """The gold mentions of a half built as captions, after checking that two builds give the same bytes, that
    every turn is lower-cased and that every mention slices to a surface without edge spaces."""
    a = hw.write_set(tmp_path / "a", study(), caption=True)
    b = hw.write_set(tmp_path / "b", study(), caption=True)
    assert [p.read_bytes() for _, p, _, _ in a] == [p.read_bytes() for _, p, _, _ in b]
    out = []
    for _, path, turns, _ in a:
        for t in turns:
            assert t.text == t.text.lower(), path.name
            for m in t.mentions:
                said = t.text[m.start:m.end]
                assert said and said == said.strip(), (path.name, said)
                out.append(m)
    return out
