"""The second invented anonymisation set and the benchmark's read-back: gold offsets are exact, the
files import as generated, the manifest covers every speaker, and removal is read back correctly."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.ingest import import_files
from cmo_coder.model import Transcript
from cmo_coder.store import Project
from tests.fuzzing import fuzz_settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import focus_groups as fg  # noqa: E402
from anon_table import deny_lists, measure, place_caught  # noqa: E402
from realpath import removed_spans  # noqa: E402


@pytest.fixture(scope="module")
def study() -> fg.Study:
    return fg.make_study()


def _pool(kind: str) -> set[str]:
    pools = {"town": fg.TOWNS, "hospital": fg.HOSPITALS, "service": fg.SERVICES, "street": fg.STREETS,
             **fg.NEGATIVE_POOLS}
    return {s.removeprefix("the ") for s in pools[kind]} | set(pools[kind])


def test_generation_is_deterministic_and_fast(study: fg.Study) -> None:
    again = fg.make_study()
    assert [(t.speaker, t.text) for s in study.sessions for t in s.turns] == \
           [(t.speaker, t.text) for s in again.sessions for t in s.turns]
    assert fg.make_study(seed=1).sessions[0].turns != study.sessions[0].turns


def test_every_gold_mention_slices_to_a_name_of_its_kind(study: fg.Study) -> None:
    registered_people = {n for site in study.sites for p in site.staff for n in (p.given, p.surname, p.name)}
    registered_people |= {p.given for p in study.people}
    kinds = set()
    for s in study.sessions:
        for t in s.turns:
            for m in t.mentions:
                surface = t.text[m.start:m.end]
                kinds.add(m.kind)
                if m.kind == "person":
                    assert (surface in registered_people) == m.registered, surface
                else:
                    assert surface in _pool(m.kind), (m.kind, surface)
    assert kinds == {"person", "town", "hospital", "service", "street", *fg.NEGATIVE_POOLS}


def test_unregistered_people_share_no_name_with_anyone_registered(study: fg.Study) -> None:
    registered = {w for site in study.sites for p in site.staff for w in (p.given, p.surname)}
    registered |= {w for p in study.people for w in (p.given, p.surname)}
    assert not registered & {w for pair in study.unregistered for w in pair}


def test_captions_are_lower_case_without_punctuation_and_keep_offsets(study: fg.Study) -> None:
    for s in study.sessions:
        for t in s.turns:
            c = fg.caption_turn(t)
            assert c.text == c.text.lower() and not re.search(r"[.,?!;:]", c.text)
            for m, old in zip(c.mentions, t.mentions, strict=True):
                assert c.text[m.start:m.end] == re.sub(r"[.,?!;:]", "", t.text[old.start:old.end]).lower()


@pytest.mark.parametrize("caption", [False, True])
def test_files_import_as_generated_with_the_manifest(tmp_path: Path, study: fg.Study, caption: bool) -> None:
    written = fg.write_set(tmp_path / "files", study, caption)
    fg.write_manifest(tmp_path / "participants.csv", study)
    formats = {p.suffix for _, p, _ in written}
    assert formats == ({".vtt", ".srt", ".txt"} if caption else {".vtt", ".srt", ".txt", ".docx"})
    project = Project.create(tmp_path / "study", codebook_io.load("tiny"), actor="t")
    report = import_files(project, [p for _, p, _ in written], tmp_path / "secure",
                          manifest=tmp_path / "participants.csv", infer_speakers=True)
    project.close()
    by_path = {Path(f.path).resolve(): f for f in report.files}
    seen_formats = set()
    for _, path, turns in written:
        f = by_path[path.resolve()]
        assert f.status == "imported", f.error
        assert not [sp for sp in f.speakers if sp.startswith("U")], f"{path.name}: speaker not in the manifest"
        seen_formats.add(f.source_format)
        raw = Transcript.model_validate_json((tmp_path / "secure" / "raw" / f"{f.transcript_id}.json").read_text())
        located = fg.locate(raw.text, turns, path.name)  # raises unless every mention slices to its surface
        assert len(located) == sum(len(t.mentions) for t in turns)
    assert len(seen_formats) == (5 if caption else 7)


def test_register_is_accepted_by_the_anonymiser(tmp_path: Path, study: fg.Study) -> None:
    from cmo_coder.anonymise.register import load_register_csv

    fg.write_register(tmp_path / "register.csv", study)
    items = load_register_csv(tmp_path / "register.csv")
    assert {i.category for i in items} >= {"person", "place", "hospital", "service"}


def test_locate_refuses_text_that_differs_beyond_whitespace() -> None:
    turns = [fg.Turn("A", "I saw Dawn", [fg.Mention(6, 10, "person", True)])]
    assert [(x.start, x.end) for x in fg.locate("I  saw\nDawn", turns, "f")] == [(7, 11)]
    with pytest.raises(AssertionError, match="f: imported text differs"):
        fg.locate("I saw Don", turns, "f")


_WORDS = st.lists(st.sampled_from(["i", "saw", "Dawn", "at", "the", "Ashgrove", "service", "name", "-", ",", "'s"]),
                  min_size=1, max_size=30)


@given(words=_WORDS, gaps=st.lists(st.sampled_from([" ", "  ", "\n", " \n "]), min_size=30, max_size=30),
       data=st.data())
@fuzz_settings(150)
@pytest.mark.fuzz
def test_locate_maps_offsets_through_any_whitespace(words: list[str], gaps: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    i = data.draw(st.integers(0, len(starts) - 1))
    j = data.draw(st.integers(i, len(starts) - 1))
    end = starts[j] + len(words[j])
    turn = fg.Turn("A", text, [fg.Mention(starts[i], end, "person", False)])
    imported = "".join(w + gaps[k] for k, w in enumerate(words))
    (loc,) = fg.locate(imported, [turn], "f")
    assert " ".join(imported[loc.start:loc.end].split()) == text[starts[i]:end]


@given(words=_WORDS, data=st.data())
@fuzz_settings(150)
@pytest.mark.fuzz
def test_removed_spans_finds_exactly_the_replaced_words(words: list[str], data: st.DataObject) -> None:
    replaced = data.draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    raw = " ".join(words)
    signed = " ".join("[name removed]" if r else w for w, r in zip(words, replaced, strict=True))
    spans = removed_spans(raw, signed)
    pos = 0
    for w, r in zip(words, replaced, strict=True):
        start = raw.index(w, pos)
        pos = start + len(w)
        inside = any(s <= start and start + len(w) <= e for s, e in spans)
        assert inside == r, (raw, signed, spans, w)


class _G:
    def __init__(self, start: int, end: int, category: str, kind: str) -> None:
        self.start, self.end, self.category, self.kind = start, end, category, kind


class _D:
    def __init__(self, text: str, gold: list[_G]) -> None:
        self.text, self.gold = text, gold


def _all_words(text: str, g: _G, spans: list[tuple[int, int]]) -> bool:
    return all(any(s <= m.start() + g.start and m.end() + g.start <= e for s, e in spans)
               for m in re.finditer(r"\w+", text[g.start:g.end]))


def test_measure_counts_the_three_figures() -> None:
    text = "Dawn met Jo at the Larchfield Unit and saw NHS England"
    gold = [_G(0, 4, "person_registered", "person"), _G(9, 11, "person_unregistered", "person"),
            _G(19, 34, "place", "hospital"), _G(43, 54, "negative", "public_body")]
    row = measure("t", [_D(text, gold)], [[(9, 11), (19, 29), (47, 54)]], 10.0, _all_words)
    assert row.registered == (1, 1)  # Dawn left
    assert row.caught["all"] == (2, 2) and row.caught["hospital"] == (1, 1)  # "Unit" may stay
    assert row.removed["public_body"] == (1, 1)


def test_place_caught_needs_every_distinctive_word() -> None:
    text = "off Quarry Hill Road"
    g = _G(4, 20, "place", "street")
    assert place_caught(text, g, [(4, 10)])
    assert not place_caught(text, g, [(11, 20)])
    assert not place_caught(text, g, [])
    text = "in Ravensby's pubs"
    assert place_caught(text, _G(3, 14, "place", "town"), [(3, 11)])  # a possessive s may stay


def test_deny_lists_read_manifest_and_register(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("name,aliases,role,site,label\nDawn Hollis,Dawn's iPhone;Speaker 3@f,carer,A,\n")
    (tmp_path / "r.csv").write_text("surface,category\nDr Jo Pengelly,person\nthe Wyndford Hub,service\n")
    people, places = deny_lists(tmp_path / "m.csv", tmp_path / "r.csv")
    assert {"Dawn Hollis", "Dawn", "Hollis", "Dawn's iPhone", "Jo", "Pengelly"} <= set(people)
    assert not any(p.lower().startswith("speaker") or p == "Dr" for p in people)
    assert places == ["Wyndford Hub", "the Wyndford Hub"]
