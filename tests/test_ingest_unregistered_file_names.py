"""A file's name holding a name or a place nobody registered never becomes a transcript's id.

Teams name files after the person interviewed and the place ("Interview with Sarah Pennington Ryde.docx",
"P07_Gorleston_carer.vtt"); only the register's and the manifest's names were looked for, so such a name
reached the project's tables, the QDPX export's source names and case descriptions, and reports. The
held-back stems below were written before the rule and are not tuned on.
"""

from __future__ import annotations

from pathlib import Path

import ingest_fixtures as fx
import pytest

from cmo_coder.ingest import import_files
from cmo_coder.ingest.importer import LEXICON_FILE_WARNING
from cmo_coder.ingest.stem_lexicon import stem_holds_name
from cmo_coder.store import Project

#: Written before the rule: each holds a person's name or a place (cased as teams write them, and lower-cased).
HELD_BACK_NAMED = [
    "Interview with Sarah Pennington Ryde", "P07_Gorleston_carer", "margaret_hollis_followup",
    "FG2 Skegness parents", "Int_Okonkwo_2024-03-11", "nurse interview - Bridlington", "transcript_deirdre",
    "Siobhan-Keane-session2", "Haverfordwest_staff_fg", "call with Priya 14 May", "KwameAsante_int2",
    "interview_with_gwen_pryce", "Mrs Thornbury carer interview", "loughborough_site_visit",
    "Follow-up - Deepak (phone)",
]
#: Written before the rule: study words, codes and dates that name nobody; each stays its own id.
HELD_BACK_PLAIN = [
    "siteA_staff_focus_group", "interview_03", "SP12_2024-05-02", "FG1_carers_site_b", "P14_followup_final",
    "pilot interview 2 (clean)", "staff_fg_site_b", "Carers interview SOT-C01 final",
    "participant_07_transcript_v2", "manager interview round 2", "zoom_recording_2023-11-09",
    "service_user_interview_3", "transcript_notes", "GP_practice_lead_int", "young_carers_group_session1",
]


@pytest.mark.parametrize("stem", HELD_BACK_NAMED)
def test_a_stem_holding_a_name_or_place_nobody_registered_is_found(stem: str) -> None:
    assert stem_holds_name(stem) is not None


@pytest.mark.parametrize("stem", HELD_BACK_PLAIN)
def test_study_words_codes_and_dates_are_no_names(stem: str) -> None:
    assert stem_holds_name(stem) is None


def test_import_gives_a_neutral_id_and_says_so_in_one_line(project: Project, tmp_path: Path) -> None:
    d = tmp_path / "Cowes"
    d.mkdir()
    (d / "Interview with Sarah Pennington Ryde.txt").write_text(fx.PLAIN, encoding="utf-8")
    (d / "interview_03.txt").write_text(fx.PLAIN + "R: Another day.\n", encoding="utf-8")
    report = import_files(project, sorted(d.iterdir()), tmp_path / "secure")
    assert [f.transcript_id for f in report.files] == ["transcript-1", "interview_03"], report
    said = [w for w in report.files[0].warnings if LEXICON_FILE_WARNING in w]
    assert len(said) == 1 and said[0].endswith("; imported as transcript-1")
    rows = project.conn.execute("SELECT id, title FROM transcripts").fetchall()
    assert not any(w in (r[0] + r[1]).lower() for r in rows for w in ("sarah", "pennington", "ryde", "cowes"))


_WORDS = ("sarah", "pennington", "ryde", "cowes")
_TRANSCRIPT = ("Amy Cole: How did you find the service?\nJoan Hardy: It was fine, the nurse came on Tuesdays.\n"
               "Amy Cole: Thank you.\nJoan Hardy: No bother.\n")
_MANIFEST = "name,aliases,role,site,label\nJoan Hardy,,service_user,A,SU-01\nAmy Cole,,staff,A,ST-01\n"
_REGISTER = "surface,category,placeholder,aliases\nJoan Hardy,person,,\nAmy Cole,person,,\n"


def _leaks(root: Path) -> list[str]:
    """Every file under ``root`` (ZIP members too) that holds a word of the file's name (a report's embedded
    images are base64, which spells any short word by chance, and are left out)."""
    import re
    import zipfile

    out: list[str] = []
    for f in sorted(p for p in root.rglob("*") if p.is_file()):
        blobs = [f.read_bytes()]
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                blobs += [z.read(i) for i in z.infolist()]
        blobs = [re.sub(rb"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+", b"", b) for b in blobs]
        out += [f"{f}: {w}" for b in blobs for w in _WORDS if w.encode() in b.lower()]
    return out


def test_the_whole_path_keeps_a_name_in_a_file_name_out(tmp_path: Path) -> None:
    from anon_support import run_cli

    folder = tmp_path / "in" / "Cowes"
    folder.mkdir(parents=True)
    (folder / "Interview with Sarah Pennington Ryde.txt").write_text(_TRANSCRIPT, encoding="utf-8")
    (tmp_path / "m.csv").write_text(_MANIFEST, encoding="utf-8")
    (tmp_path / "r.csv").write_text(_REGISTER, encoding="utf-8")
    proj, secure, out = tmp_path / "proj", tmp_path / "secure", tmp_path / "out"
    out.mkdir()
    for step in [("init", proj, "--codebook", "tiny"),
                 ("import", proj, folder / "Interview with Sarah Pennington Ryde.txt", "--secure", secure,
                  "--manifest", tmp_path / "m.csv", "--register", tmp_path / "r.csv"),
                 ("anonymise", proj, "--secure", secure, "--register", tmp_path / "r.csv"),
                 ("review", proj, "--secure", secure, "--accept-all", "--sign-off"),
                 ("export", proj, "--qdpx", out / "study.qdpx", "--secure", secure),
                 ("report", proj, "--out", out / "report"),
                 ("leakcheck", proj, out / "study.qdpx", out / "report", "--secure", secure)]:
        result = run_cli(*step)
        assert result.exit_code == 0, (step[0], result.output)
    assert _leaks(proj) == [] and _leaks(out) == []
    # the real file name is kept only in the secure folder
    assert "Interview with Sarah Pennington Ryde.txt" in (secure / "sources.json").read_text(encoding="utf-8")


def test_leakcheck_names_an_id_that_holds_a_name_nobody_registered(project: Project, tmp_path: Path) -> None:
    from cmo_coder.anonymise.leakcheck import scan_project
    from cmo_coder.model.transcript import SourceFormat, TranscriptKind
    from cmo_coder.store.secure import SecureFolder

    with project.transaction("t") as tx:  # what an import before this rule made of the file's name
        tx.add_pending_transcript("Interview-with-Sarah-Pennington-Ryde", "Interview-with-Sarah-Pennington-Ryde",
                                  SourceFormat.plain_txt, TranscriptKind.transcript, "0" * 64, "1")
        tx.add_pending_transcript("siteA_staff_focus_group", "siteA_staff_focus_group", SourceFormat.plain_txt,
                                  TranscriptKind.transcript, "1" * 64, "1")
    secure = SecureFolder.open(tmp_path / "secure", create=True)
    hits = scan_project(project, secure)
    places = sorted({h.member for h in hits})
    assert places == ["transcripts.id#Interview-with-Sarah-Pennington-Ryde"], places
    assert hits[0].category.startswith("file name")


def test_leakcheck_reads_a_qdpx_source_name_and_its_id(tmp_path: Path) -> None:
    import zipfile

    from cmo_coder.anonymise.leakcheck import scan_paths
    from cmo_coder.store.secure import SecureFolder

    qde = ('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">'
           '<Sources><TextSource guid="g1" name="P07_Gorleston_carer" plainTextPath="internal://a.txt">'
           '<Description>cmo-coder transcript id: P07_Gorleston_carer; kind: transcript</Description>'
           '</TextSource><TextSource guid="g2" name="interview_03" plainTextPath="internal://b.txt"/>'
           '</Sources></Project>')
    path = tmp_path / "x.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde)
    hits = scan_paths([path], SecureFolder.open(tmp_path / "secure", create=True))
    assert sorted(h.member or "" for h in hits) == [
        "project.qde:TextSource[g1]/Description", "project.qde:TextSource[g1]@name"], hits


def _named_project(tmp_path: Path) -> tuple[Path, Path]:
    """A project as an import before this rule left it: the id is the file's name, signed off, with a coding."""
    import shutil

    from anon_support import run_cli

    src = tmp_path / "interview_03.txt"
    src.write_text(_TRANSCRIPT, encoding="utf-8")
    (tmp_path / "m.csv").write_text(_MANIFEST, encoding="utf-8")
    (tmp_path / "r.csv").write_text(_REGISTER, encoding="utf-8")
    proj, secure = tmp_path / "proj", tmp_path / "secure"
    for step in [("init", proj, "--codebook", "tiny"),
                 ("import", proj, src, "--secure", secure, "--manifest", tmp_path / "m.csv"),
                 ("anonymise", proj, "--secure", secure, "--register", tmp_path / "r.csv"),
                 ("review", proj, "--secure", secure, "--accept-all", "--sign-off")]:
        assert run_cli(*step).exit_code == 0, step
    # the id an older import made of "Interview with Sarah Pennington Ryde.txt", put back as it was
    p = Project.open(proj)
    try:
        with p.transaction("t"):
            p.conn.execute("PRAGMA defer_foreign_keys = ON")
            p.conn.execute("UPDATE transcripts SET id = ?, title = ? WHERE id = 'interview_03'", (_OLD, _OLD))
            p.conn.execute("UPDATE turns SET transcript_id = ? WHERE transcript_id = 'interview_03'", (_OLD,))
            p.conn.execute("DROP TRIGGER audit_no_update")
            p.conn.execute("UPDATE audit SET entity_id = ? WHERE entity_id = 'interview_03'", (_OLD,))
            p.conn.execute("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                           "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    finally:
        p.close()
    for folder in ("raw", "proposals"):
        shutil.move(secure / folder / "interview_03.json", secure / folder / f"{_OLD}.json")
    for name in ("sources.json", "kept-occurrences.json", "redaction-key.json"):
        f = secure / name
        f.write_text(f.read_text(encoding="utf-8").replace('"interview_03"', f'"{_OLD}"'), encoding="utf-8")
    return proj, secure


_OLD = "Interview-with-Sarah-Pennington-Ryde"


def test_rename_mends_every_table_and_redacts_the_audit_log(tmp_path: Path) -> None:
    import json

    from anon_support import run_cli

    proj, secure = _named_project(tmp_path)
    before = run_cli("leakcheck", proj, "--secure", secure)
    assert before.exit_code == 1 and "transcripts.id#" in before.output, before.output
    p = Project.open(proj)
    try:
        seqs = [r[0] for r in p.conn.execute("SELECT seq FROM audit ORDER BY seq")]
    finally:
        p.close()
    result = run_cli("transcripts", "rename", proj, _OLD, "--secure", secure)
    assert result.exit_code == 0, result.output
    assert "renamed transcript" in result.output and "transcript-1" in result.output
    assert _leaks(proj) == []
    p = Project.open(proj)
    try:
        assert p.transcript_ids() == ["transcript-1"] and p.transcript_status("transcript-1") == "signed_off"
        rows = p.conn.execute("SELECT seq, action, entity_id, detail FROM audit ORDER BY seq").fetchall()
        assert [r[0] for r in rows][:-1] == seqs  # no row lost or reordered: one added
        assert rows[-1][1] == "rename" and json.loads(rows[-1][3])["earlier_rows_redacted"] >= 2
        with pytest.raises(Exception, match="append-only"), p.transaction("t"):  # the log is append-only again
            p.conn.execute("UPDATE audit SET actor = 'x' WHERE seq = 1")
    finally:
        p.close()
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    assert sources["transcript-1"]["renamed_from"] == _OLD  # the old id is kept on the secure side only
    assert (secure / "raw" / "transcript-1.json").exists() and not (secure / "raw" / f"{_OLD}.json").exists()
    assert run_cli("leakcheck", proj, "--secure", secure).exit_code == 0
    shown = run_cli("show", proj, "transcript-1", "--secure", secure)
    assert shown.exit_code == 0, shown.output


@pytest.mark.parametrize(("new", "says"), [("Sarah-Pennington", "may hold"), ("a b/c", "is not an id"),
                                            ("transcript-1", "no transcript")])
def test_rename_refuses_a_new_id_that_names_someone_or_is_no_id(tmp_path: Path, new: str, says: str) -> None:
    from anon_support import run_cli

    proj, secure = _named_project(tmp_path)
    old = "transcript-9" if says == "no transcript" else _OLD
    result = run_cli("transcripts", "rename", proj, old, new, "--secure", secure)
    assert result.exit_code != 0 and says in result.output, result.output


def _with_metadata(folder: Path) -> list[Path]:
    """Files whose metadata names someone: a DOCX's core properties, an HTML title, a VTT note, an oTranscribe
    media file's name. Each reader takes only the speech."""
    import json

    import docx

    lines = _TRANSCRIPT.splitlines()
    doc = docx.Document()
    doc.core_properties.title = "Interview with Sarah Pennington"
    doc.core_properties.author = doc.core_properties.last_modified_by = "Sarah Pennington"
    doc.core_properties.subject = "Ryde carers"
    for line in lines:
        doc.add_paragraph(line)
    doc.save(folder / "a.docx")
    (folder / "b.html").write_text("<html><head><title>Sarah Pennington, Ryde</title></head><body>"
                                   + "".join(f"<p>{x}</p>" for x in lines) + "</body></html>", encoding="utf-8")
    cues = "".join(f"\n\n{i}\n00:00:0{i}.000 --> 00:00:0{i}.900\n<v {x.split(': ')[0]}>{x.split(': ')[1]}"
                   for i, x in enumerate(lines, start=1))
    (folder / "c.vtt").write_text(f"WEBVTT\n\nNOTE Meeting: Sarah Pennington, Ryde{cues}\n", encoding="utf-8")
    (folder / "d.otr").write_text(json.dumps({"text": "".join(f"<p>{x}</p>" for x in lines),
                                              "media": "Sarah_Pennington_Ryde.mp3", "media-time": 1.5}),
                                  encoding="utf-8")
    return sorted(folder.iterdir())


def test_metadata_inside_a_file_reaches_neither_the_text_nor_the_project(project: Project, tmp_path: Path) -> None:
    from cmo_coder.ingest.source import read_source

    folder = tmp_path / "in"
    folder.mkdir()
    files = _with_metadata(folder)
    for f in files:  # the text the anonymiser reads holds none of it, so nothing downstream can
        text = read_source(f.read_bytes(), f.name).canon.text
        assert not any(w in text.lower() for w in _WORDS), (f.name, text)
    report = import_files(project, files, tmp_path / "secure")
    assert [r.status for r in report.files] == ["imported"] * 4, report
    assert _leaks(project.path) == []


@pytest.mark.parametrize(("stem", "held"), [
    ("newlyn_fishermen", True),  # a village the place lists lack, in a file name written in lower case
    ("accepted_renderings_heldout", False), ("selfadvocacy_group", False), ("dropin_notes", False),
    ("hiv_peer_group_descript", False), ("physio_interview_2", False),
])
def test_a_lower_case_word_no_dictionary_holds_is_read_as_a_name(stem: str, held: bool) -> None:
    assert (stem_holds_name(stem) is not None) is held
