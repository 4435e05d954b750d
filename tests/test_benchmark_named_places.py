"""The named-places development set (``benchmarks/named_places/``): two halves written before any rule for them,
each building the same way every time, with every gold place and every everyday use slicing to its surface in the
caption text, every kind said often enough in each half, and both halves run by the benchmark as sets of their own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from split_set_support import assert_halves_apart, caption_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import handwritten as hw  # noqa: E402
import named_places as npl  # noqa: E402

KINDS = ("club", "organisation", "pub", "shop", "school", "care_home", "estate", "street", "church", "town")


@pytest.mark.parametrize("half", npl.HALVES)
def test_each_half_holds_every_kind_and_as_many_everyday_uses(half: str) -> None:
    study = npl.load_half(half)
    _, per = hw.counts(study)
    assert len(study.sessions) == 8 and all(b.caption for b in study.sessions)
    for kind in KINDS:
        assert per.get(kind, 0) >= 8, (half, kind)
    assert per["keep everyday"] >= 60


def test_the_halves_share_no_session_or_speaker() -> None:
    assert_halves_apart(npl.load_half, npl.HALVES)


@pytest.mark.parametrize("half", npl.HALVES)
def test_captions_build_the_same_and_every_mention_slices(tmp_path: Path, half: str) -> None:
    mentions = caption_mentions(tmp_path, lambda: npl.load_half(half))
    for m in mentions:
        assert m.negative is (m.kind == npl.EVERYDAY)
    assert sum(m.kind == npl.EVERYDAY for m in mentions) >= 60


def test_an_unknown_half_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no half 'blind'"):
        npl.load_half("blind")


def test_the_benchmark_runs_each_half_as_a_set(tmp_path: Path) -> None:
    import anonymise

    for half in npl.HALVES:
        name = f"named-places-{half}"
        assert name in anonymise.SETS and name in anonymise.CAPTIONED
        written = anonymise.write_casing(name, tmp_path / half, True)
        assert len(written.files) == 8
        assert written.register.read_bytes() == (npl.SOURCE / half / "register.csv").read_bytes()
    assert "NEVER tuned on" in anonymise.TUNED["named-places-held"]


def test_the_third_part_names_real_sites_and_many_places_nobody_registered() -> None:
    third = npl.load_half(npl.THIRD)
    _, per = hw.counts(third)
    places = sum(n for k, n in per.items() if k in npl.PLACE_KINDS)
    assert len(third.sessions) >= 12 and all(b.caption for b in third.sessions)
    assert places >= 80 and per["keep everyday"] >= 80
    assert third.register_rows == []  # the sites are named in the manifest alone
    towns = {line.strip() for line in (Path(npl.__file__).parent.parent / "cmo_coder" / "data" / "uk_towns.txt")
             .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    sites = {p["site"] for p in third.people}
    assert len(sites) >= 12 and sites <= towns


def test_the_third_part_shares_no_speaker_or_site_with_the_halves() -> None:
    third = npl.load_half(npl.THIRD)
    for half in npl.HALVES:
        other = npl.load_half(half)
        assert not {p["name"] for p in third.people} & {p["name"] for p in other.people}
        assert not {p["site"] for p in third.people} & {p["site"] for p in other.people}


def test_the_benchmark_runs_the_third_part_as_a_set(tmp_path: Path) -> None:
    import anonymise

    assert "named-places-third" in anonymise.SETS and "named-places-third" in anonymise.CAPTIONED
    written = anonymise.write_casing("named-places-third", tmp_path, True)
    assert len(written.files) == 12
    a = hw.write_set(tmp_path / "a", npl.load_half(npl.THIRD), caption=True)
    b = hw.write_set(tmp_path / "b", npl.load_half(npl.THIRD), caption=True)
    assert [p.read_bytes() for _, p, _, _ in a] == [p.read_bytes() for _, p, _, _ in b]
    assert "NEVER tuned on" in anonymise.TUNED["named-places-third"]
