"""The caption-people development set (``benchmarks/caption_people/``): two halves written before any rule for
them, each building the same way every time, with every gold person and every everyday use slicing to its surface
in the caption text, at least 120 people nobody registered over both halves, and both halves run by the benchmark
as sets of their own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from split_set_support import assert_halves_apart, caption_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import caption_people as cpl  # noqa: E402
import handwritten as hw  # noqa: E402


@pytest.mark.parametrize("half", cpl.HALVES)
def test_each_half_holds_people_nobody_registered_and_everyday_uses(half: str) -> None:
    study = cpl.load_half(half)
    _, per = hw.counts(study)
    assert len(study.sessions) == 8 and all(b.caption for b in study.sessions)
    assert per["person"] >= 60 and per["keep everyday"] >= 35


def test_both_halves_hold_at_least_120_people_nobody_registered() -> None:
    assert sum(hw.counts(cpl.load_half(h))[1]["person"] for h in cpl.HALVES) >= 120


def test_the_halves_share_no_session_or_speaker() -> None:
    assert_halves_apart(cpl.load_half, cpl.HALVES)


@pytest.mark.parametrize("half", cpl.HALVES)
def test_captions_build_the_same_and_every_mention_slices(tmp_path: Path, half: str) -> None:
    mentions = caption_mentions(tmp_path, lambda: cpl.load_half(half))
    for m in mentions:
        assert m.negative is (m.kind == cpl.EVERYDAY)
    assert sum(m.kind == hw.PERSON and not m.registered for m in mentions) >= 60


def test_an_unknown_half_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no half 'blind'"):
        cpl.load_half("blind")


def test_the_benchmark_runs_each_half_as_a_set(tmp_path: Path) -> None:
    import anonymise

    for half in cpl.HALVES:
        name = f"caption-people-{half}"
        assert name in anonymise.SETS and name in anonymise.CAPTIONED
        written = anonymise.write_casing(name, tmp_path / half, True)
        assert len(written.files) == 8
        assert written.register.read_bytes() == (cpl.SOURCE / half / "register.csv").read_bytes()
    assert "NEVER tuned on" in anonymise.TUNED["caption-people-held"]
