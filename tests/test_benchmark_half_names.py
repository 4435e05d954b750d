"""The half-names development set (``benchmarks/half_names/``): a tuning half and a held-back third written before
any rule for them, building the same way every time, every gold mention slicing to its caption surface, at least 60
people nobody registered and as many uses of the same words that must stay, and both halves run by the
benchmark as sets of their own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from split_set_support import assert_halves_apart, caption_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import half_names as hnm  # noqa: E402
import handwritten as hw  # noqa: E402


def test_the_halves_hold_sixty_people_and_as_many_words_that_stay_a_third_held_back() -> None:
    tune, held = (hw.counts(hnm.load_half(h))[1] for h in hnm.HALVES)
    people = tune["person"] + held["person"]
    assert people >= 60
    assert tune["keep everyday"] + held["keep everyday"] + tune["keep public_figure"] + held["keep public_figure"] \
        >= people
    assert 0.3 <= held["person"] / people <= 0.4


def test_the_halves_share_no_session_or_speaker() -> None:
    assert_halves_apart(hnm.load_half, hnm.HALVES)


@pytest.mark.parametrize("half", hnm.HALVES)
def test_captions_build_the_same_and_every_mention_slices(tmp_path: Path, half: str) -> None:
    mentions = caption_mentions(tmp_path, lambda: hnm.load_half(half))
    assert mentions


def test_the_benchmark_runs_each_half_as_a_set(tmp_path: Path) -> None:
    import anonymise

    for half in hnm.HALVES:
        name = f"half-names-{half}"
        assert name in anonymise.SETS and name in anonymise.CAPTIONED
        written = anonymise.write_casing(name, tmp_path / half, True)
        assert written.register.read_bytes() == (hnm.SOURCE / half / "register.csv").read_bytes()
    assert "NEVER tuned on" in anonymise.TUNED["half-names-held"]
