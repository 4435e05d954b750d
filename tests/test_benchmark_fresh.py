"""The fifth anonymisation set (``benchmarks/fresh/``): it builds the same way every time, every gold mention
slices exactly to its surface in the text the import makes (cased and as captions), registered names and places
are all marked, and the shared builder refuses a source that breaks these rules, naming the file and line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.ingest import import_files
from cmo_coder.model import Transcript
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import focus_groups as fg  # noqa: E402
import fresh  # noqa: E402
import handwritten as hw  # noqa: E402


@pytest.fixture(scope="module")
def study() -> hw.Study:
    return fresh.load_study()


def _file_text(path: Path) -> str:
    if path.suffix == ".docx":
        from docx import Document

        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("caption", [False, True], ids=["cased", "captions"])
def test_building_is_deterministic(tmp_path: Path, study: hw.Study, caption: bool) -> None:
    again = fresh.load_study()
    assert [b.session.turns for b in again.sessions] == [b.session.turns for b in study.sessions]
    assert [b.forms for b in again.sessions] == [b.forms for b in study.sessions]
    a = fresh.write_set(tmp_path / "a", study, caption)
    b = fresh.write_set(tmp_path / "b", again, caption)
    assert [p.name for _, p, _, _ in a] == [p.name for _, p, _, _ in b]
    for (_, pa, _, fa), (_, pb, _, fb) in zip(a, b, strict=True):
        assert _file_text(pa) == _file_text(pb), pa.name
        assert fa == fb


def test_the_set_is_the_size_and_spread_the_docs_give(study: hw.Study) -> None:
    words, per = hw.counts(study)
    assert len(study.sessions) >= 10 and words >= 10_000
    assert {b.fmt for b in study.sessions} == set(fg.FORMATS)
    assert 4 <= sum(b.caption is not None for b in study.sessions) <= 5
    assert per["person registered"] >= 150 and per["person"] >= 150
    kinds = {m.kind for b in study.sessions for t in b.session.turns for m in t.mentions}
    assert kinds >= fresh.MARKUP.place_kinds - {"pharmacy"}  # every class this set adds is said at least once
    assert {"kin_term", "study_label", "public_figure"} <= kinds
    for b in study.sessions:
        for t, forms in zip(b.session.turns, b.forms, strict=True):
            assert len(forms) == len(t.mentions)
            for m in t.mentions:
                assert 0 <= m.start < m.end <= len(t.text)


# The register categories ``cmo-coder anonymise --register`` accepts (its error message lists them).
REGISTER_CATEGORIES = {"person", "place", "hospital", "ward", "trust", "service", "other"}


def test_the_team_files_are_what_the_commands_read(study: hw.Study) -> None:
    assert {r["category"] for r in study.register_rows} <= REGISTER_CATEGORIES
    assert all(r["surface"] == r["surface"].strip() and r["surface"] for r in study.register_rows)
    assert {"name", "aliases", "role", "site", "label"} <= set(study.people[0])
    sites = {p["site"] for p in study.people if p["role"] != "facilitator"}
    assert len(sites) == 5 and "" not in sites


def test_registered_names_and_places_are_all_marked(study: hw.Study) -> None:
    """Checked from the built text, independently of the builder's own check: every capitalised word that is a
    registered person's name lies inside a gold mention, and every register place said verbatim is a registered
    place mention."""
    names = hw.registered_names(study.people, study.register_rows, fresh.MARKUP.titles)
    places = sorted({r["surface"].removeprefix("the ") for r in study.register_rows if r["category"] != "person"},
                    key=len, reverse=True)
    for b in study.sessions:
        for t in b.session.turns:
            inside = [(m.start, m.end, m) for m in t.mentions]
            for w in re.finditer(r"\b[A-Z][\w'’-]*", t.text):
                if re.sub(r"['’]s$", "", w.group(0)).casefold() in names:
                    assert any(s <= w.start() < e for s, e, _ in inside), (b.stem, w.group(0))
            for place in places:
                for hit in re.finditer(rf"\b{re.escape(place)}\b", t.text):
                    covering = [m for s, e, m in inside if s <= hit.start() < e]
                    assert covering, (b.stem, place)
                    if covering[0].end - covering[0].start <= len(place) + 4:  # the place itself, not a longer name
                        assert covering[0].registered, (b.stem, place)


@pytest.mark.parametrize("caption", [False, True], ids=["cased", "captions"])
def test_gold_slices_to_its_surface_in_the_imported_text(tmp_path: Path, study: hw.Study, caption: bool) -> None:
    written = fresh.write_set(tmp_path / "files", study, caption)
    manifest, _ = hw.copy_team_files(tmp_path, study)
    project = Project.create(tmp_path / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"))
    try:
        report = import_files(project, [p for _, p, _, _ in written], tmp_path / "secure", manifest=manifest,
                              infer_speakers=True)
    finally:
        project.close()
    assert not report.provisional_speakers, report.provisional_speakers
    by_path = {Path(f.path).resolve(): f for f in report.files}
    assert len(by_path) == len(written)
    located = 0
    for _, path, turns, forms in written:
        f = by_path[path.resolve()]
        assert f.status == "imported", f.error
        raw = Transcript.model_validate_json((tmp_path / "secure" / "raw" / f"{f.transcript_id}.json")
                                             .read_text(encoding="utf-8"))
        gold = fg.locate(raw.text, turns, path.name)  # raises unless every mention slices to its surface
        assert len(gold) == len(forms)
        for g in gold:
            assert raw.text[g.start:g.end] and not raw.text[g.start:g.end][0].isspace()
        located += len(gold)
    assert located > (900 if not caption else 300)


def _team(folder: Path) -> None:
    (folder / "participants.csv").write_text("name,aliases,role,site,label\nAnn Mole,,facilitator,,\n"
                                             "Tam Rudge,,service_user,Oxley,\n", encoding="utf-8")
    (folder / "register.csv").write_text("surface,category,placeholder\nDr Ebbs,person,\nOxley Ward,ward,\n",
                                         encoding="utf-8")


@pytest.mark.parametrize(("line", "says"), [
    ("Tam Rudge: I saw Dr Ebbs on Monday.", "'Ebbs' is a registered name left unmarked"),
    ("Tam Rudge: I saw {{Dr Ebbs|person}} on Monday.", "is a registered name but not marked reg"),
    ("Tam Rudge: I went to {{the Oxley|care_home}}.", "unknown kind or flag"),
    ("Nobody Here: hello", "is not in the manifest"),
    ("Tam Rudge: it was at ten: thirty", "stray markup or a character"),
])
def test_the_shared_builder_refuses_a_bad_source_naming_file_and_line(tmp_path: Path, line: str, says: str) -> None:
    _team(tmp_path)
    (tmp_path / "01_x.txt").write_text(f"# format: plain_txt\nAnn Mole: Hello.\n{line}\n", encoding="utf-8")
    with pytest.raises(hw.SourceError, match="01_x.txt:3") as err:
        hw.load_study(tmp_path)  # the fourth set's markup: no care_home class
    assert says in str(err.value)


def test_this_sets_markup_accepts_its_own_classes(tmp_path: Path) -> None:
    _team(tmp_path)
    (tmp_path / "01_x.txt").write_text("# format: plain_txt\nTam Rudge: I went to {{the Ferns|care_home}} and "
                                       "{{Oxley Ward|unit}}, and {{Nani|kin_term}} came.\n", encoding="utf-8")
    s = hw.load_study(tmp_path, fresh.MARKUP)
    (t,) = s.sessions[0].session.turns
    assert [(t.text[m.start:m.end], m.kind, m.registered, m.negative) for m in t.mentions] == [
        ("the Ferns", "care_home", False, False), ("Oxley Ward", "unit", True, False),
        ("Nani", "kin_term", False, True)]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_the_benchmark_runs_the_set_as_its_own_blind_table(tmp_path: Path, lower: bool) -> None:
    import anonymise

    assert "fresh" in anonymise.SETS and "NOBODY tunes" in anonymise.TUNED["fresh"]
    files, manifest, register, forms = anonymise._fresh_files(tmp_path, lower)
    assert manifest.read_bytes() == (fresh.SOURCE / "participants.csv").read_bytes()
    assert register.read_bytes() == (fresh.SOURCE / "register.csv").read_bytes()
    assert len(files) == (5 if lower else 12)
    for path, turns in files:
        assert len(forms[path]) == sum(len(t.mentions) for t in turns)
