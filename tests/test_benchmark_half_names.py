"""The half-names development set (``benchmarks/half_names/``): a tuning half and a held-back third written before
any rule for them, building the same way every time, every gold mention slicing to its caption surface, at least 60
people nobody registered and as many uses of the same words that must stay, and both halves run by the
benchmark as sets of their own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

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
    tune, held = (hnm.load_half(h) for h in hnm.HALVES)
    assert not {b.stem for b in tune.sessions} & {b.stem for b in held.sessions}
    assert not {p["name"] for p in tune.people} & {p["name"] for p in held.people}


@pytest.mark.parametrize("half", hnm.HALVES)
def test_captions_build_the_same_and_every_mention_slices(tmp_path: Path, half: str) -> None:
    a = hw.write_set(tmp_path / "a", hnm.load_half(half), caption=True)
    b = hw.write_set(tmp_path / "b", hnm.load_half(half), caption=True)
    assert [p.read_bytes() for _, p, _, _ in a] == [p.read_bytes() for _, p, _, _ in b]
    for _, path, turns, _ in a:
        for t in turns:
            assert t.text == t.text.lower(), path.name
            for m in t.mentions:
                said = t.text[m.start:m.end]
                assert said and said == said.strip(), (path.name, said)


def test_the_benchmark_runs_each_half_as_a_set(tmp_path: Path) -> None:
    import anonymise

    for half in hnm.HALVES:
        name = f"half-names-{half}"
        assert name in anonymise.SETS and name in anonymise.CAPTIONED
        written = anonymise.write_casing(name, tmp_path / half, True)
        assert written.register.read_bytes() == (hnm.SOURCE / half / "register.csv").read_bytes()
    assert "NEVER tuned on" in anonymise.TUNED["half-names-held"]
