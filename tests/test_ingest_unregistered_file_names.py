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
