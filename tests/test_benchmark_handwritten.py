"""The hand-written anonymisation set (``benchmarks/handwritten/``): it builds the same way every time, every
gold mention slices exactly to its surface in the text the import makes (cased and as captions), the
manifest covers every speaker, and a malformed source is refused with its file and line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.ingest import import_files
from cmo_coder.model import Transcript
from cmo_coder.store import Project

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import focus_groups as fg  # noqa: E402
import handwritten as hw  # noqa: E402


@pytest.fixture(scope="module")
def study() -> hw.Study:
    return hw.load_study()


def _speech(s: hw.Study) -> list[tuple[str, str, str, list[fg.Mention], list[str]]]:
    return [(b.stem, t.speaker, t.text, t.mentions, f) for b in s.sessions
            for t, f in zip(b.session.turns, b.forms, strict=True)]


def test_building_is_deterministic(tmp_path: Path, study: hw.Study) -> None:
    assert _speech(study) == _speech(hw.load_study())
    for caption in (False, True):
        a = hw.write_set(tmp_path / f"a{caption}", study, caption)
        b = hw.write_set(tmp_path / f"b{caption}", hw.load_study(), caption)
        assert [_content(p) for _, p, _, _ in a] == [_content(p) for _, p, _, _ in b]


def _content(path: Path) -> bytes | list[str]:
    """A file's bytes; a DOCX's paragraphs (its zip carries the time it was written)."""
    if path.suffix == ".docx":
        from docx import Document

        return [p.text for p in Document(str(path)).paragraphs]
    return path.read_bytes()


def test_the_set_is_what_its_documentation_says(study: hw.Study) -> None:
    words, per = hw.counts(study)
    assert 10 <= len(study.sessions) <= 12 and words >= 12_000
    assert {b.fmt for b in study.sessions} >= {"teams_vtt", "zoom_vtt", "srt", "otter_txt", "teams_docx",
                                                 "plain_txt"}
    assert sum(b.caption is not None for b in study.sessions) == 4
    assert {b.session.site for b in study.sessions} == {p["site"] for p in study.people}  # five site towns
    assert sum(len(b.session.speakers) >= 5 for b in study.sessions) >= 3  # focus groups: 4-7 voices
    for b in study.sessions:
        n = sum(len(t.text.split()) for t in b.session.turns)
        assert 1_000 <= n <= 2_100, (b.stem, n)
    assert per["person registered"] > 50 and per["person"] > 50
    assert {k for k in per if k.startswith("keep ")} == {f"keep {k}" for k in hw.NEGATIVE_KINDS}


def test_every_mention_slices_to_its_surface_and_has_a_form(study: hw.Study) -> None:
    for stem, _, text, mentions, forms in _speech(study):
        assert len(forms) == len(mentions)
        for m, form in zip(mentions, forms, strict=True):
            surface = text[m.start:m.end]
            assert surface and surface == surface.strip(), (stem, surface)
            assert bool(form) == (m.kind == "person"), (stem, surface, form)
            assert "{" not in text and "|" not in surface


def test_places_are_registered_exactly_when_the_register_or_manifest_names_them(study: hw.Study) -> None:
    places = hw.registered_places(study.people, study.register_rows)
    seen = set()
    for _, _, text, mentions, _ in _speech(study):
        for m in mentions:
            if m.kind in hw.PLACE_KINDS:
                said = " ".join(text[m.start:m.end].split()).casefold().removeprefix("the ")
                assert m.registered == (said in places), said
                seen.add(m.kind if not m.registered else f"{m.kind} registered")
    assert {"town registered", "hospital registered", "unit registered", "service registered",
            "practice registered", "organisation registered"} <= seen


@pytest.mark.parametrize("caption", [False, True])
def test_gold_slices_to_its_surface_in_the_imported_text(tmp_path: Path, study: hw.Study, caption: bool) -> None:
    written = hw.write_set(tmp_path / "files", study, caption)
    manifest, _ = hw.copy_team_files(tmp_path, study)
    project = Project.create(tmp_path / "study", codebook_io.load("tiny"), actor="t")
    report = import_files(project, [p for _, p, _, _ in written], tmp_path / "secure", manifest=manifest,
                          infer_speakers=True)
    project.close()
    by_path = {Path(f.path).resolve(): f for f in report.files}
    formats = set()
    for _, path, turns, forms in written:
        f = by_path[path.resolve()]
        assert f.status == "imported", f.error
        assert not [sp for sp in f.speakers if sp.startswith("U")], f"{path.name}: speaker not in the manifest"
        formats.add(f.source_format)
        raw = Transcript.model_validate_json((tmp_path / "secure" / "raw" / f"{f.transcript_id}.json").read_text())
        located = fg.locate(raw.text, turns, path.name)  # raises unless every mention slices to its surface
        assert len(located) == len(forms) == sum(len(t.mentions) for t in turns)
        for x, m in zip(located, [m for t in turns for m in t.mentions], strict=True):
            assert x.mention == m
    assert len(written) == (4 if caption else len(study.sessions))
    assert len(formats) >= (3 if caption else 6)


def test_register_is_accepted_with_staff_by_given_name_only(study: hw.Study) -> None:
    from cmo_coder.anonymise.register import load_register_csv

    items = load_register_csv(study.register)
    assert {i.category for i in items} == {"person", "place", "hospital", "ward", "service", "trust"}
    assert any(" " not in i.surface for i in items if i.category == "person")


@pytest.mark.parametrize(("line", "error"), [
    ("no speaker here", "Speaker: speech"),
    ("Helen MO: we met {{Sandra Kowalczyk|person}} there", "registered name but not marked reg"),
    ("Helen MO: in {{Leeds|city}}", "unknown kind"),
    ("Helen MO: in {{Leeds|town|reg}}", "only a person takes flags"),
    ("Helen MO: at half nine: {{Leeds|town}}", "cannot carry"),
    ("Helen MO: in {{ Leeds|town}}", "space at an end"),
])
def test_a_malformed_turn_is_refused_with_file_and_line(study: hw.Study, line: str, error: str) -> None:
    names = hw.registered_names(study.people, study.register_rows)
    places = hw.registered_places(study.people, study.register_rows)
    with pytest.raises(hw.SourceError, match=error) as exc:
        hw.parse_turn(line, "x.txt:3", names, places)
    assert str(exc.value).startswith("x.txt:3: ")


def test_a_shared_name_marked_other_is_not_registered(study: hw.Study) -> None:
    names = hw.registered_names(study.people, study.register_rows)
    turn, forms = hw.parse_turn("Helen MO: my son {{Gary|person|other}} came", "x.txt:1", names, set())
    assert turn.text == "my son Gary came" and not turn.mentions[0].registered and forms == ["single"]


@pytest.mark.parametrize("lower", [False, True])
def test_the_benchmark_reads_the_set_with_a_form_per_mention(tmp_path: Path, study: hw.Study, lower: bool) -> None:
    import anonymise

    assert "handwritten" in anonymise.SETS and "NO LONGER BLIND" in anonymise.TUNED["handwritten"]
    files, manifest, register, forms = anonymise._handwritten_files(tmp_path, lower)
    assert len(files) == (4 if lower else len(study.sessions))
    assert manifest.read_bytes() == study.manifest.read_bytes()
    assert register.read_bytes() == study.register.read_bytes()
    for path, turns in files:
        assert len(forms[path]) == sum(len(t.mentions) for t in turns)
        if lower:
            assert all(t.text == t.text.lower() for t in turns), path.name
