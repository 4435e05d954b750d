"""The parts of the caption development sets written as captions keep speech (``named-places-fourth`` and
``caption-people-third``): written before any rule for hesitations and repairs, each building the same way
every time, every gold mention slicing to its surface in the caption text, the sizes the issue asks for, and
speech that really is disfluent (a filler or a repeated word close before most names), so that a later clean-up
of the text cannot make them the clean sets again."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from split_set_support import caption_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import caption_people as cpl  # noqa: E402
import handwritten as hw  # noqa: E402
import named_places as npl  # noqa: E402

_FILLERS = frozenset({"um", "er", "uh", "erm", "like", "know", "no"})


def _disfluent_before(study: hw.Study, kinds: frozenset[str]) -> tuple[int, int]:
    """Gold mentions of ``kinds``, and how many have a filler or a repeated word within the three words before."""
    near = total = 0
    for b in study.sessions:
        for t in b.session.turns:
            for m in t.mentions:
                if m.kind not in kinds:
                    continue
                total += 1
                before = re.findall(r"[a-z']+", t.text[:m.start].lower())[-4:]
                repeated = any(a == b for a, b in zip(before, before[1:], strict=False))
                near += bool(repeated or _FILLERS & set(before[-3:]))
    return near, total


def test_the_fourth_places_part_names_real_sites_and_many_places_nobody_registered() -> None:
    fourth = npl.load_half(npl.FOURTH)
    _, per = hw.counts(fourth)
    places = sum(n for k, n in per.items() if k in npl.PLACE_KINDS)
    assert len(fourth.sessions) >= 12 and all(b.caption for b in fourth.sessions)
    assert places >= 80 and per["keep everyday"] >= 80
    assert fourth.register_rows == []  # the sites are named in the manifest alone
    towns = {line.strip() for line in (Path(npl.__file__).parent.parent / "cmo_coder" / "data" / "uk_towns.txt")
             .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    sites = {p["site"] for p in fourth.people}
    assert len(sites) >= 12 and sites <= towns


def test_the_fourth_part_shares_no_speaker_or_site_with_the_earlier_parts() -> None:
    fourth = npl.load_half(npl.FOURTH)
    for part in (*npl.HALVES, npl.THIRD):
        other = npl.load_half(part)
        assert not {p["name"] for p in fourth.people} & {p["name"] for p in other.people}
        assert not {p["site"] for p in fourth.people} & {p["site"] for p in other.people}


def test_the_third_people_part_holds_people_and_as_many_everyday_uses() -> None:
    third = cpl.load_half(cpl.THIRD)
    _, per = hw.counts(third)
    assert len(third.sessions) >= 8 and all(b.caption for b in third.sessions)
    assert per["person"] >= 60 and per["keep everyday"] >= 60
    for half in cpl.HALVES:
        other = cpl.load_half(half)
        assert not {p["name"] for p in third.people} & {p["name"] for p in other.people}
        assert not {p["site"] for p in third.people} & {p["site"] for p in other.people}


def test_most_names_in_both_parts_have_a_hesitation_or_a_repeat_just_before() -> None:
    near, total = _disfluent_before(npl.load_half(npl.FOURTH), npl.PLACE_KINDS)
    assert near >= total // 2, (near, total)
    near, total = _disfluent_before(cpl.load_half(cpl.THIRD), frozenset({hw.PERSON}))
    assert near >= total // 3, (near, total)


def test_captions_build_the_same_and_every_mention_slices(tmp_path: Path) -> None:
    for name, load in (("p", lambda: npl.load_half(npl.FOURTH)), ("c", lambda: cpl.load_half(cpl.THIRD))):
        mentions = caption_mentions(tmp_path / name, load)
        assert all(m.negative is (m.kind == "everyday") for m in mentions)


def test_the_benchmark_runs_both_parts_as_sets_never_tuned_on(tmp_path: Path) -> None:
    import anonymise

    for name, files in (("named-places-fourth", 12), ("caption-people-third", 8)):
        assert name in anonymise.SETS and name in anonymise.CAPTIONED
        assert "NEVER tuned on" in anonymise.TUNED[name]
        assert len(anonymise.write_casing(name, tmp_path / name, True).files) == files
