"""The fifth part of the named-places set (``named-places-fifth``): local shops, organisations, clubs, pubs and firms
nobody registered, written before any rule for them, in regions no earlier part used. Its sizes, its sites, that
it shares no speaker or site with the earlier parts, that chains stay as public bodies, and that its captions
build the same and every mention slices, so the part cannot quietly shrink into one a rule was tuned on."""

from __future__ import annotations

import sys
from pathlib import Path

from split_set_support import caption_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import handwritten as hw  # noqa: E402
import named_places as npl  # noqa: E402

VENUES = ("shop", "organisation", "club", "pub")


def test_the_fifth_part_holds_a_hundred_venues_and_as_many_everyday_uses_in_real_site_towns() -> None:
    fifth = npl.load_half(npl.FIFTH)
    _, per = hw.counts(fifth)
    assert len(fifth.sessions) >= 12 and all(b.caption for b in fifth.sessions)
    assert sum(per.get(k, 0) for k in VENUES) >= 100 and all(per.get(k, 0) >= 20 for k in VENUES)
    assert per["keep everyday"] >= 100
    assert per.get("keep public_body", 0) >= 5  # chains said beside the local venues, to stay
    assert fifth.register_rows == []  # nobody registered any of it; the sites are in the manifest alone
    towns = {line.strip() for line in (Path(npl.__file__).parent.parent / "cmo_coder" / "data" / "uk_towns.txt")
             .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    sites = {p["site"] for p in fifth.people}
    assert len(sites) >= 12 and sites <= towns


def test_the_fifth_part_shares_no_speaker_or_site_with_the_earlier_parts() -> None:
    fifth = npl.load_half(npl.FIFTH)
    for part in (*npl.HALVES, npl.THIRD, npl.FOURTH):
        other = npl.load_half(part)
        assert not {p["name"] for p in fifth.people} & {p["name"] for p in other.people}
        assert not {p["site"] for p in fifth.people} & {p["site"] for p in other.people}


def test_the_fifth_parts_captions_build_the_same_and_every_mention_slices(tmp_path: Path) -> None:
    mentions = caption_mentions(tmp_path, lambda: npl.load_half(npl.FIFTH))
    assert all(m.negative is (m.kind in {"everyday", "public_body", "calendar"}) for m in mentions)


def test_the_benchmark_runs_the_fifth_part_as_a_set_never_tuned_on(tmp_path: Path) -> None:
    import anonymise

    name = "named-places-fifth"
    assert name in anonymise.SETS and name in anonymise.CAPTIONED
    assert "NEVER tuned on" in anonymise.TUNED[name]
    assert len(anonymise.write_casing(name, tmp_path / name, True).files) == 12
