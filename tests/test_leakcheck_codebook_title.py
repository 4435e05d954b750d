"""The codebook's own titles are not leaks: a QDPX names its project after the codebook ("Tiny test codebook"), and
a registered nickname "Tiny" made every export of a project on the shipped codebook fail the leak check. The same
nickname said in a transcript, or a title cut short around it, is still reported."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from cmo_coder.anonymise.leakcheck import build_matcher, codebook_text, scan_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey

TITLE = "Tiny test codebook"


def _matcher(reference: list[str], tmp_path: Path):  # type: ignore[no-untyped-def]
    register = tmp_path / "register.csv"  # as the fifteenth study's team wrote its fisherman
    register.write_text('surface,category,placeholder,aliases\n"HOCKING, Dean",fisherman,,Tiny\n', encoding="utf-8")
    return build_matcher(list(build_register(ParticipantKey(entries=[]), load_register_csv(register), set()).items),
                         reference=list(reference))


def _hits(text: str, reference: list[str], tmp_path: Path) -> list[str]:
    return [h.surface for h in scan_text(text, _matcher(reference, tmp_path), Path("project.qde"), None)]


def test_the_codebooks_name_written_whole_is_no_leak(tmp_path: Path) -> None:
    assert _hits(f'<Project name="{TITLE}" origin="cmo-coder">', [TITLE], tmp_path) == []
    assert _hits(f"<Description>{TITLE} (codebook version 1), exported.</Description>", [TITLE], tmp_path) == []


def test_the_nickname_elsewhere_is_still_a_leak(tmp_path: Path) -> None:
    assert _hits(f'<Project name="{TITLE}"><Note>Tiny said he would come back.</Note>', [TITLE], tmp_path) == ["Tiny"]
    assert _hits("Tiny test results came back", [TITLE], tmp_path) == ["Tiny"]  # the title cut short
    assert _hits(f'<Project name="{TITLE}">', [], tmp_path) == ["Tiny"]  # no codebook text: nothing is excused


def test_a_reference_written_out_whole_is_the_codebooks(tmp_path: Path) -> None:
    """A statement or a citation written out whole is the codebook's own text and excuses what is no full name
    there, as the codebook itself is checked; cut short, it is a quotation, which excuses no such form."""
    statement = ("Tiny and every other service accepts people with co-occurring needs so joint assessment makes staff "
                 "feel confident")
    text = f'<Project name="{statement}">'
    start = text.index("Tiny")
    assert _matcher([statement], tmp_path).in_reference_title(text, start, start + 4)
    cut = text.replace("feel confident", "feel")
    assert not _matcher([statement], tmp_path).in_reference_title(cut, start, start + 4)
    assert _matcher([TITLE], tmp_path).in_reference_title(TITLE, 0, 4)
    assert not _matcher([TITLE], tmp_path).in_reference_title("Tiny test", 0, 4)
    assert not _matcher(["Tiny"], tmp_path).in_reference_title("Tiny came", 0, 4)  # a title of one word: no title


def test_a_one_word_title_excuses_nothing(tmp_path: Path) -> None:
    assert _hits("<Note>Tiny said he would come back.</Note>", ["Tiny"], tmp_path) == ["Tiny"]


def test_the_codebook_text_holds_the_codebooks_name(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "p.sqlite")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("CREATE TABLE programme_theories (title TEXT, statement TEXT)")
    conn.execute("CREATE TABLE elements (statement TEXT, tag TEXT)")
    conn.execute("INSERT INTO meta VALUES ('codebook', ?)", (json.dumps({"name": TITLE, "version": "1"}),))
    assert TITLE in codebook_text(conn)
    conn.execute("UPDATE meta SET value = 'not json' WHERE key = 'codebook'")
    assert codebook_text(conn) == []
