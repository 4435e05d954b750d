"""The importer: secure copies, project rows, speakers → labels, re-imports and failures."""

from __future__ import annotations

import json
from pathlib import Path

import ingest_fixtures as fx
import pytest

from cmo_coder.errors import CmoError, ValidationFailed
from cmo_coder.ingest import import_files
from cmo_coder.ingest.speakers import load_manifest, name_key
from cmo_coder.model import Coding, Transcript
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder

MANIFEST = """name,aliases,role,site,label,team
Jennifer Adams,Jen Adams,facilitator,,,research
Lucía Farías,Lucia Farias,service_user,B,,
Priya Shah,,carer,B,P7,
Tom Baker,,facilitator,,,
Dr Sam Okafor,Sam Okafor,staff,A,,ward 3
Kim Lee,Respondent@siteB_staff_interview;R@notes,staff,B,,
"""


@pytest.fixture
def files(tmp_path: Path) -> Path:
    d = tmp_path / "incoming"
    d.mkdir()
    (d / "teams_meeting.vtt").write_text(fx.TEAMS_VTT, encoding="utf-8")
    (d / "zoom_call.vtt").write_bytes(fx.ZOOM_VTT.encode())
    (d / "otter_fg.txt").write_text(fx.OTTER_TXT, encoding="utf-8")
    (d / "siteB_staff_interview.srt").write_text(fx.SRT, encoding="utf-8")
    (d / "notes.txt").write_text(fx.PLAIN, encoding="utf-8")
    fx.teams_docx(d / "teams_doc.docx")
    return d


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    p = tmp_path / "participants.csv"
    p.write_text(MANIFEST, encoding="utf-8")
    return p


def raw(secure: Path, tid: str) -> Transcript:
    return Transcript.model_validate_json((secure / "raw" / f"{tid}.json").read_text(encoding="utf-8"))


def test_import_maps_speakers_and_keeps_names_out_of_the_project(
    project: Project, files: Path, manifest: Path, tmp_path: Path
) -> None:
    secure = tmp_path / "secure"
    report = import_files(project, sorted(files.iterdir()), secure, manifest=manifest)
    assert [f.status for f in report.files] == ["imported"] * 6, report
    assert set(project.transcript_ids(status="pending")) == {
        "notes", "otter_fg", "siteB_staff_interview", "teams_doc", "teams_meeting", "zoom_call"
    }
    key = SecureFolder.open(secure).load_participant_key()
    labels = {e.name: e.label for e in key.entries}
    assert labels["Jennifer Adams"] == "F1" and labels["Tom Baker"] == "F2"
    assert labels["Lucía Farías"] == "P8"  # P7 is taken by the manifest; service users and carers share P<n>
    assert labels["Priya Shah"] == "P7" and labels["Dr Sam Okafor"] == "SP1" and labels["Kim Lee"] == "SP2"

    teams = raw(secure, "teams_meeting")
    assert [(t.speaker, t.speaker_name) for t in teams.turns] == [
        ("F1", "Adams, Jennifer (She/Her)"), ("P8", "Lucía Farías (Guest)"), ("F1", "Adams, Jennifer (She/Her)")
    ]
    for t in teams.turns:
        assert teams.text[t.start : t.end]
    # file-scoped alias: "Respondent" is Kim Lee only in siteB_staff_interview; the interviewer is unknown
    srt = raw(secure, "siteB_staff_interview")
    assert [t.speaker for t in srt.turns][1] == "SP2"
    assert srt.turns[0].speaker.startswith("U")
    # "R" is Kim Lee in notes.txt (scoped alias), "I" provisional and scoped to that file
    notes = raw(secure, "notes")
    assert [t.speaker for t in notes.turns][2] == "SP2"
    assert notes.turns[0].speaker == "UNKNOWN" and notes.turns[0].flags == ["no_speaker"]
    prov = {p.name: p for p in report.provisional_speakers}
    assert set(prov) == {"Interviewer@siteB_staff_interview", "I@notes", "Galaxy S21"}
    assert prov["I@notes"].suggested_manifest_line == '"REAL NAME","I@notes",ROLE,SITE,'
    assert prov["Galaxy S21"].transcripts == ["zoom_call"]

    # the project holds labels, roles, sites, attributes: never a name
    parts = {p.label: p for p in project.participants()}
    assert parts["SP1"].attributes == {"team": "ward 3"} and parts["P8"].site == "B"
    assert not any(p.startswith("U") for p in parts)
    dump = b"".join(f.read_bytes() for f in Path(project.path).rglob("*") if f.is_file())
    for name in (b"Adams", b"Far", b"Okafor", b"Priya", b"Kim Lee", b"Galaxy"):
        assert name not in dump, name
    # originals kept by sha256
    assert len(list((secure / "originals").iterdir())) == 6


def test_reimport_is_a_noop_and_manifest_later_relabels(project: Project, files: Path, manifest: Path,
                                                        tmp_path: Path) -> None:
    secure = tmp_path / "secure"
    first = import_files(project, [files / "otter_fg.txt"], secure)
    assert first.files[0].speakers == ["U1", "U2"]
    audit_n = len(project.audit_log())
    again = import_files(project, [files / "otter_fg.txt"], secure)
    assert again.files[0].status == "unchanged" and len(project.audit_log()) == audit_n
    # the manifest arrives: provisional labels become study labels in the raw copy, the key keeps them stable
    later = import_files(project, [files / "otter_fg.txt"], secure, manifest=manifest)
    assert later.files[0].status == "unchanged" and later.files[0].speakers == ["F2", "P7"]
    assert [t.speaker for t in raw(secure, "otter_fg").turns] == ["F2", "P7", "F2"]
    assert later.provisional_speakers == []
    key1 = (secure / "participants-key.json").read_bytes()
    import_files(project, [files / "otter_fg.txt"], secure, manifest=manifest)
    assert (secure / "participants-key.json").read_bytes() == key1


def test_labels_are_stable_when_the_manifest_is_reordered(project: Project, tmp_path: Path, files: Path) -> None:
    secure = tmp_path / "secure"
    m1 = tmp_path / "m1.csv"
    m1.write_text("name,role\nAnn One,staff\nBob Two,staff\n", encoding="utf-8")
    import_files(project, [], secure, manifest=m1)
    m2 = tmp_path / "m2.csv"
    m2.write_text("name,role\nCat Three,staff\nBob Two,staff\nAnn One,staff\n", encoding="utf-8")
    import_files(project, [], secure, manifest=m2)
    key = SecureFolder.open(secure).load_participant_key()
    assert {e.name: e.label for e in key.entries} == {"Ann One": "SP1", "Bob Two": "SP2", "Cat Three": "SP3"}


def test_changed_file_needs_replace_and_replace_refuses_codings(
    project: Project, files: Path, manifest: Path, tmp_path: Path
) -> None:
    secure = tmp_path / "secure"
    src = files / "otter_fg.txt"
    import_files(project, [src], secure, manifest=manifest)
    src.write_text(fx.OTTER_TXT.replace("nice touch", "kind touch"), encoding="utf-8")
    refused = import_files(project, [src], secure)
    assert refused.files[0].status == "failed" and "--replace" in (refused.files[0].error or "")
    assert "nice touch" in raw(secure, "otter_fg").text  # nothing changed
    ok = import_files(project, [src], secure, replace=True)
    assert ok.files[0].status == "replaced" and "kind touch" in raw(secure, "otter_fg").text
    assert project.transcript_ids() == ["otter_fg"]

    # sign it off and code it: a further replace must be refused and leave everything as it was
    t = raw(secure, "otter_fg")
    anon = t.model_copy(update={"turns": [u.model_copy(update={"speaker_name": None}) for u in t.turns]})
    with project.transaction("tester") as tx:
        tx.sign_off_transcript(anon)
        tx.add_coding(Coding(id="cod-1", transcript_id="otter_fg", start=0, end=5, text=anon.text[0:5], pt="PT1",
                             component="context", stance="supports", coder="tester"))
    src.write_text(fx.OTTER_TXT.replace("nice touch", "good touch"), encoding="utf-8")
    blocked = import_files(project, [src], secure, replace=True)
    assert blocked.files[0].status == "failed" and "coding" in (blocked.files[0].error or "")
    assert "kind touch" in raw(secure, "otter_fg").text
    assert project.transcript_status("otter_fg") == "signed_off"


def test_name_in_file_name_never_reaches_the_project(project: Project, manifest: Path, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "Interview_JENNIFER_2024.txt").write_text(fx.PLAIN, encoding="utf-8")
    (d / "okafor-followup.txt").write_text(fx.PLAIN + "R: Later.\n", encoding="utf-8")
    # a speaker named in the file itself counts even without a manifest line
    (d / "chat with Galaxy.vtt").write_bytes(fx.ZOOM_VTT.encode())
    report = import_files(project, sorted(d.iterdir()), tmp_path / "secure", manifest=manifest)
    ids = [f.transcript_id for f in report.files]
    assert ids == ["transcript-1", "transcript-2", "transcript-3"], report
    assert all("name" in f.warnings[-1] for f in report.files)
    rows = project.conn.execute("SELECT id, title FROM transcripts").fetchall()
    assert not any("jennifer" in (r[0] + r[1]).lower() or "okafor" in (r[0] + r[1]).lower() for r in rows)


def test_same_stem_in_one_batch_gets_a_suffix(project: Project, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "int 1.txt").write_text(fx.PLAIN, encoding="utf-8")
    (b / "int 1.txt").write_text(fx.PLAIN + "I: Bye.\n", encoding="utf-8")
    report = import_files(project, [a / "int 1.txt", b / "int 1.txt"], tmp_path / "secure")
    assert [f.transcript_id for f in report.files] == ["int-1", "int-1-2"]


def test_batch_goes_on_past_bad_files_and_writes_nothing_for_them(
    project: Project, files: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.vtt").write_bytes(b"")
    (bad / "broken.docx").write_bytes(b"this is not a zip")
    (bad / "chat.txt").write_text(fx.ZOOM_CHAT, encoding="utf-8")
    (bad / "cut.vtt").write_text(fx.TEAMS_VTT[:200], encoding="utf-8")
    (bad / "big.txt").write_text("R: " + "word " * 5000, encoding="utf-8")
    secure = tmp_path / "secure"
    paths = [bad / "empty.vtt", files / "notes.txt", bad / "broken.docx", bad / "chat.txt", bad / "cut.vtt",
             bad / "big.txt", bad / "missing.txt"]
    report = import_files(project, paths, secure, max_bytes=20_000)
    status = {Path(f.path).name: f for f in report.files}
    assert status["notes.txt"].status == "imported"
    for name, msg in [("empty.vtt", "empty"), ("broken.docx", "not a valid .docx"), ("chat.txt", "chat log"),
                      ("cut.vtt", "line"), ("big.txt", "limit"), ("missing.txt", "cannot read")]:
        assert status[name].status == "failed" and msg in (status[name].error or ""), status[name]
        assert name in (status[name].error or "")
    assert project.transcript_ids() == ["notes"]
    assert [p.name for p in (secure / "raw").iterdir()] == ["notes.json"]
    assert len(list((secure / "originals").iterdir())) == 1


def test_manifest_validation_names_lines(tmp_path: Path) -> None:
    p = tmp_path / "m.csv"
    p.write_text("name,aliases,role,site,label\nAnn One,Annie,staff,A,SP1\nBob Two,annie,staff,A,\n"
                 "Cat Three,,bystander,A,\nDee Four,,staff,A,SP1\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        load_manifest(p)
    msg = str(info.value)
    assert "line 3: name or alias 'annie' already used on line 2" in msg
    assert "line 4: unknown role 'bystander'" in msg  # a job title ("nurse") is staff
    assert "line 5: label 'SP1' already used on line 2" in msg
    p.write_text("who,role\nx,staff\n", encoding="utf-8")
    with pytest.raises(CmoError, match="line 1"):
        load_manifest(p)


def test_manifest_label_may_not_change_an_existing_label(project: Project, tmp_path: Path) -> None:
    m = tmp_path / "m.csv"
    m.write_text("name,role\nAnn One,staff\n", encoding="utf-8")
    import_files(project, [], tmp_path / "secure", manifest=m)
    m.write_text("name,role,label\nAnn One,staff,SP9\n", encoding="utf-8")
    with pytest.raises(CmoError, match="line 2: 'Ann One' already has label SP1"):
        import_files(project, [], tmp_path / "secure", manifest=m)


@pytest.mark.parametrize(
    ("written", "key"),
    [("Adams, Jennifer (She/Her)", "jennifer adams"), ("Jennifer  Adams (Guest)", "jennifer adams"),
     ("Far&#237;as, Luc&#237;a", "lucia farias"), ("JENNIFER ADAMS", "jennifer adams")],
)
def test_name_forms(written: str, key: str) -> None:
    assert name_key(written) == key


def test_real_zoom_exports(project: Project, shared_dir: Path, tmp_path: Path) -> None:
    real = shared_dir / "transcripts_real"
    vtt = next(real.glob("zoom_vtt__*.vtt"))
    captions = next(real.glob("zoom_saved_captions*.txt"))
    secure = tmp_path / "secure"
    report = import_files(project, [vtt, captions], secure)
    assert [f.status for f in report.files] == ["imported", "imported"], report
    v, c = report.files
    assert v.source_format == "zoom_vtt" and c.source_format == "zoom_captions"
    assert v.transcript_id == "transcript-1"  # the file name carries the speaker's name
    rv = raw(secure, v.transcript_id)
    assert len(rv.turns) == 1 and rv.turns[0].speaker_name == "Caleob King"
    assert rv.turns[0].start_time == 4.16 and rv.turns[0].end_time == 1874.72
    assert rv.text.startswith("Hello, everybody, I hope") and rv.text.endswith("It's good to see ya. Yep, bye.")
    assert "Caleob King:" not in rv.text
    rc = raw(secure, c.transcript_id)
    names = [t.speaker_name for t in rc.turns]
    assert set(names) == {"Experimenter", "G3P1", "G3P2"}
    assert all(a != b for a, b in zip(names, names[1:], strict=False))  # consecutive turns merged
    assert len(rc.turns) == 289
    assert "\r" not in rc.text and "[Experimenter]" not in rc.text
    assert rc.text.startswith("Hello! Um, so… We're supposed to have one more participant")
    for t in rv.turns + rc.turns:
        assert t.end > t.start
    assert json.loads((secure / "participants-key.json").read_text())["entries"][0]["provisional"] is True


def test_sources_and_uncovered_speakers(project: Project, files: Path, manifest: Path, tmp_path: Path) -> None:
    from cmo_coder.ingest.speakers import uncovered_speakers

    secure = tmp_path / "secure"
    import_files(project, [files / "siteB_staff_interview.srt"], secure)
    folder = SecureFolder.open(secure)
    sources = folder.read_json("sources.json", {})
    assert sources["siteB_staff_interview"]["stem"] == "siteB_staff_interview"
    assert (secure / sources["siteB_staff_interview"]["original"]).read_bytes() == \
        (files / "siteB_staff_interview.srt").read_bytes()
    names = [t.speaker_name for t in raw(secure, "siteB_staff_interview").turns]
    assert uncovered_speakers(names, folder.load_participant_key(), "siteB_staff_interview") == [
        "Interviewer", "Respondent"
    ]
    import_files(project, [], secure, manifest=manifest)
    assert uncovered_speakers(names, folder.load_participant_key(), "siteB_staff_interview") == ["Interviewer"]


def test_custom_transcription_markers(project: Project, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Ana Ruiz ha iniciado la transcripción")
    p = doc.add_paragraph()
    p.add_run("Ana Ruiz   0:03").add_break()
    p.add_run("Hola a todos.")
    doc.add_paragraph("Ana Ruiz ha detenido la transcripción")
    doc.save(tmp_path / "es.docx")
    report = import_files(project, [tmp_path / "es.docx"], tmp_path / "secure",
                          transcription_markers=(r"^.+ ha (?:iniciado|detenido) la transcripción$",))
    assert report.files[0].status == "imported", report
    assert raw(tmp_path / "secure", "es").text == "Hola a todos."
    with pytest.raises(CmoError, match="not a valid regular expression"):
        import_files(project, [], tmp_path / "secure", transcription_markers=("(",))


def test_changed_file_with_a_name_in_its_name_keeps_its_id(project: Project, manifest: Path, tmp_path: Path) -> None:
    src = tmp_path / "okafor_interview.txt"
    src.write_text(fx.PLAIN, encoding="utf-8")
    secure = tmp_path / "secure"
    assert import_files(project, [src], secure, manifest=manifest).files[0].transcript_id == "transcript-1"
    src.write_text(fx.PLAIN + "R: One more thing.\n", encoding="utf-8")
    refused = import_files(project, [src], secure).files[0]
    assert refused.status == "failed"
    assert "transcript-1" in (refused.error or "") and "--replace" in (refused.error or "")
    replaced = import_files(project, [src], secure, replace=True).files[0]
    assert (replaced.status, replaced.transcript_id) == ("replaced", "transcript-1")
    assert project.transcript_ids() == ["transcript-1"]


def test_relabel_after_the_manifest_covers_a_speaker(project: Project, files: Path, manifest: Path,
                                                     tmp_path: Path) -> None:
    from cmo_coder.ingest.speakers import relabel

    secure = tmp_path / "secure"
    import_files(project, [files / "otter_fg.txt"], secure)
    before = raw(secure, "otter_fg")
    assert {t.speaker for t in before.turns} == {"U1", "U2"}
    import_files(project, [], secure, manifest=manifest)  # manifest only: the raw copy is not rewritten
    after = relabel(before, SecureFolder.open(secure).load_participant_key(), "otter_fg")
    assert [t.speaker for t in after.turns] == ["F2", "P7", "F2"]
    assert [(t.start, t.end) for t in after.turns] == [(t.start, t.end) for t in before.turns]


def test_progress_bar_runs_on_batches(project: Project, files: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    report = import_files(project, [files / "notes.txt", files / "otter_fg.txt"], tmp_path / "secure", progress=True)
    assert [f.status for f in report.files] == ["imported", "imported"]
    assert capsys.readouterr().out == ""  # progress goes to stderr, never stdout
