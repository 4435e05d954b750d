"""Transcript ids (names in file names, the list and show) and removing a bad import."""

from __future__ import annotations

import json
from pathlib import Path

import ingest_fixtures as fx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.ingest.speakers import stem_mentions_name, stem_tokens
from cmo_coder.ingest.views import TranscriptList
from cmo_coder.model import Coding, Component
from cmo_coder.store import Project
from tests.fuzzing import fuzz_settings

MANIFEST = "name,aliases,role,site,label\nAnn Lowe,,facilitator,,\nPriya Shah,,service_user,B,\nTom Baker,,staff,B,\n"


def test_stem_tokens_split_separators_and_camel_case() -> None:
    assert stem_tokens("siteA_staff-interview.final lower") == ["site", "a", "staff", "interview", "final", "lower"]
    assert stem_tokens("AnnLowe2024BSRInterview") == ["ann", "lowe", "2024", "bsr", "interview"]


@pytest.mark.parametrize(("stem", "named"), [
    ("siteA_staff_interview_lower", False), ("flowers_annex", False), ("ward_review_lowest", False),
    ("ann_lowe_interview", True), ("Interview-Lowe", True), ("AnnLowe", True), ("annlowe_2024", True),
    ("loweann", True), ("interview.lowe.final", True),
])
def test_whole_name_tokens_only(stem: str, named: bool) -> None:
    assert stem_mentions_name(stem, {"ann", "lowe"}, ["Ann Lowe"]) is named


@pytest.mark.fuzz
@fuzz_settings(60)
@given(word=st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8),
       sep=st.sampled_from(["_", "-", ".", " "]), name=st.sampled_from(["Lowe", "Shah", "Baker"]),
       glued=st.booleans())
def test_a_name_inside_an_ordinary_word_is_not_a_name(word: str, sep: str, name: str, glued: bool) -> None:
    token = name.casefold()
    stem = f"interview{sep}{word}{token}{word}" if glued else f"interview{sep}{name}{sep}{word}"
    expected = not glued or f"{word}{token}{word}" == token
    assert stem_mentions_name(stem, {token}, [name]) is expected


def _import(tmp_path: Path, *files: tuple[str, str]) -> tuple[Path, Path, CliRunner]:
    runner = CliRunner()
    proj, secure = tmp_path / "study", tmp_path / "secure"
    assert runner.invoke(cli, ["init", str(proj), "--codebook", "tiny"]).exit_code == 0
    (tmp_path / "m.csv").write_text(MANIFEST, encoding="utf-8")
    paths = []
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    res = runner.invoke(cli, ["import", str(proj), *paths, "--secure", str(secure), "--manifest",
                              str(tmp_path / "m.csv")])
    assert res.exit_code == 0, res.output
    return proj, secure, runner


def test_list_names_source_files_of_hidden_ids_and_counts_pending_turns(tmp_path: Path) -> None:
    long_id = "a_very_long_transcript_identifier_from_site_b_2024_interview"
    proj, secure, runner = _import(tmp_path, ("tom_baker_interview.txt", fx.OTTER_TXT),
                                   (f"{long_id}.txt", fx.OTTER_TXT.replace("nice touch", "kind touch")),
                                   ("staff_interview_lower.txt", fx.OTTER_TXT.replace("nice", "fine")))
    res = runner.invoke(cli, ["transcripts", str(proj)])
    lines = res.output.splitlines()
    assert [line.split()[0] for line in lines] == ["transcript-1", long_id, "staff_interview_lower"]
    assert len({line.index("pending") for line in lines}) == 1  # one column, however long the ids
    assert all("3 turns" in line for line in lines)  # pending: the turns of their import
    assert "tom_baker" not in res.output

    res = runner.invoke(cli, ["transcripts", "list", str(proj), "--secure", str(secure), "--json"])
    listing = TranscriptList.model_validate_json(res.stdout)
    assert [(t.id, t.source_file, t.turns) for t in listing.transcripts][0] == (
        "transcript-1", "tom_baker_interview.txt", 3)
    res = runner.invoke(cli, ["show", str(proj), "transcript-1", "--secure", str(secure)])
    assert "SECURE raw copy from tom_baker_interview.txt" in res.output.splitlines()[0]


def _code(proj: Path, tid: str) -> None:
    p = Project.open(proj)
    text = p.text(tid)
    with p.transaction("t") as tx:
        tx.add_coding(Coding(id="cod-1", transcript_id=tid, start=0, end=5, text=text[0:5], pt="PT1",
                             component=Component.context, coder="t"))
    p.close()


def test_remove_pending_with_secure_copies(tmp_path: Path) -> None:
    proj, secure, runner = _import(tmp_path, ("otter_fg.txt", fx.OTTER_TXT), ("other.txt", fx.PLAIN))
    res = runner.invoke(cli, ["transcripts", "remove", str(proj), "otter_fg", "--secure", str(secure)])
    assert res.exit_code == 0, res.output
    assert Project.open(proj).transcript_ids() == ["other"]
    assert not (secure / "raw" / "otter_fg.json").exists() and (secure / "raw" / "other.json").exists()
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    assert list(sources) == ["other"]
    assert len(list((secure / "originals").iterdir())) == 1
    assert not [p for p in secure.iterdir() if p.name.startswith(".removing")]
    # the same file can be imported again afterwards
    res = runner.invoke(cli, ["import", str(proj), str(tmp_path / "otter_fg.txt"), "--secure", str(secure)])
    assert res.exit_code == 0 and "imported" in res.output


def test_remove_without_secure_warns_and_a_later_secure_run_cleans_up(tmp_path: Path) -> None:
    proj, secure, runner = _import(tmp_path, ("otter_fg.txt", fx.OTTER_TXT))
    res = runner.invoke(cli, ["transcripts", "remove", str(proj), "otter_fg"])
    assert res.exit_code == 0 and "--secure DIR" in res.output
    assert (secure / "raw" / "otter_fg.json").exists()
    res = runner.invoke(cli, ["transcripts", "remove", str(proj), "otter_fg", "--secure", str(secure)])
    assert res.exit_code == 0, res.output
    assert not (secure / "raw" / "otter_fg.json").exists()


def test_remove_with_codings_needs_force_and_is_audited(tmp_path: Path) -> None:
    proj, secure, runner = _import(tmp_path, ("otter_fg.txt", fx.OTTER_TXT))
    p = Project.open(proj)
    raw = json.loads((secure / "raw" / "otter_fg.json").read_text(encoding="utf-8"))
    from cmo_coder.model import Transcript
    with p.transaction("t") as tx:
        t = Transcript.model_validate(raw)
        tx.sign_off_transcript(t.model_copy(update={"turns": [u.model_copy(update={"speaker_name": None})
                                                              for u in t.turns]}))
    p.close()
    _code(proj, "otter_fg")
    res = runner.invoke(cli, ["transcripts", "remove", str(proj), "otter_fg", "--secure", str(secure)])
    assert res.exit_code == 1 and "1 coding(s)" in res.output and "--force" in res.output
    assert (secure / "raw" / "otter_fg.json").exists()  # nothing touched
    res = runner.invoke(cli, ["transcripts", "remove", str(proj), "otter_fg", "--secure", str(secure), "--force"])
    assert res.exit_code == 0, res.output
    p = Project.open(proj)
    assert p.transcript_ids() == [] and p.codings() == []
    entry = [a for a in p.audit_log("transcript") if a["action"] == "remove"][-1]
    assert entry["detail"]["forced"] is True and entry["detail"]["codings"] == 1


def test_remove_unknown_id_is_a_clear_error(tmp_path: Path) -> None:
    proj, _, runner = _import(tmp_path, ("otter_fg.txt", fx.OTTER_TXT))
    res = runner.invoke(cli, ["transcripts", "remove", str(proj), "nope"])
    assert res.exit_code == 1
    assert res.output.strip().splitlines()[-1] == "error: no transcript 'nope' in the project (transcripts: otter_fg)"


def test_failed_secure_cleanup_rolls_everything_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    proj, secure, _ = _import(tmp_path, ("otter_fg.txt", fx.OTTER_TXT))
    from cmo_coder.ingest import removal
    from cmo_coder.store.secure import SecureFolder

    def boom(self: SecureFolder, name: str, data: object) -> None:
        raise OSError("disk full")
    monkeypatch.setattr(SecureFolder, "write_json", boom)
    with pytest.raises(OSError):
        removal.remove_transcript(Project.open(proj), "otter_fg", secure=SecureFolder.open(secure))
    monkeypatch.undo()
    assert Project.open(proj).transcript_ids() == ["otter_fg"]
    assert (secure / "raw" / "otter_fg.json").exists()
    assert len(list((secure / "originals").iterdir())) == 1
    assert not [p for p in secure.iterdir() if p.name.startswith(".removing")]


def test_remove_takes_anonymisation_files_and_keeps_shared_originals(tmp_path: Path) -> None:
    proj, secure, runner = _import(tmp_path, ("a.txt", fx.OTTER_TXT), ("b.txt", fx.PLAIN))
    (secure / "proposals").mkdir()
    (secure / "proposals" / "a.json").write_text("{}", encoding="utf-8")
    (secure / "proposals" / "b.json").write_text("{}", encoding="utf-8")
    (secure / "redaction-key.json").write_text(json.dumps({"a": [], "b": []}), encoding="utf-8")
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    sources["b"]["original"] = sources["a"]["original"]  # one original shared by two transcripts
    (secure / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    res = runner.invoke(cli, ["transcripts", "remove", str(proj), "a", "--secure", str(secure), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["secure_files"] == ["raw/a.json", "proposals/a.json"]
    assert not (secure / "proposals" / "a.json").exists() and (secure / "proposals" / "b.json").exists()
    assert list(json.loads((secure / "redaction-key.json").read_text(encoding="utf-8"))) == ["b"]
    assert (secure / sources["a"]["original"]).exists()  # b still needs it
