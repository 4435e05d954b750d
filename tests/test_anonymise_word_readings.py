"""review --keep-word-readings: a reviewer keeps, in one step, the occurrences of registered
everyday-word names whose grammar reads as the word, and nothing the grammar leaves open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

KEY = [
    KeyEntry(label="SP1", name="Margaret Okafor", role="staff", site="A"),
    KeyEntry(label="P1", name="Will Jenkins", role="service_user", site="A"),
    KeyEntry(label="P2", name="Hope Brennan", role="carer", site="B"),
]

TURNS = [
    ("SP1", "Margaret Okafor", "The transcript will be anonymised. Thank you Will, over to you. Will?"),
    ("P1", "Will Jenkins", "I hope it helps. We will see how it goes, and Hope came with me."),
    ("P2", "Hope Brennan", "Yes, I will try. Will said the same."),
]


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _readings(tmp_path: Path, project: Project, key: list[KeyEntry], tid: str,
              turns: list[tuple[str, str, str]], lower: bool) -> tuple[Path, Path, dict[str, str | None]]:
    """Anonymise one pending transcript: (project, secure folder, review context → word reading)."""
    sf = secure_folder(tmp_path, key)
    add_pending(project, sf, tid, [(a, b, c.lower() if lower else c) for a, b, c in turns])
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s).exit_code == 0
    items = json.loads(run("review", p, "--secure", s, "--json").stdout)["occurrences"]
    return p, s, {o["context"].lower(): o["word_reading"] for o in items}


def _kept_and_signed_off(p: Path, s: Path, tid: str) -> str:
    """Keep the word readings, accept the rest, sign off: the transcript's text, lower-cased."""
    assert run("review", p, "--secure", s, "--keep-word-readings").exit_code == 0
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    proj = Project.open(p)
    try:
        return proj.transcript(tid).text.lower()
    finally:
        proj.close()


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_word_readings_are_kept_only_when_asked_and_names_never(tmp_path: Path, project: Project,
                                                               lower: bool) -> None:
    sf = secure_folder(tmp_path, KEY)
    add_pending(project, sf, "wr", [(a, b, c.lower() if lower else c) for a, b, c in TURNS])
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s).exit_code == 0
    items = json.loads(run("review", p, "--secure", s, "--json").stdout)["occurrences"]
    readings = {o["context"]: o["word_reading"] for o in items}
    # the modal before a verb and the verb after "I"/"we" read as words, with the reason shown
    assert any("⟦will⟧ be" in c and r for c, r in readings.items())
    assert any("⟦hope⟧ it" in c.lower() and r for c, r in readings.items())
    # nothing is decided until a reviewer asks
    assert all(o["decision"] is None for o in items)
    r = run("review", p, "--secure", s, "--keep-word-readings", "--json")
    assert r.exit_code == 0, r.output
    after = json.loads(r.stdout)["occurrences"]
    kept = [o for o in after if o["decision"] == "reject"]
    assert kept and all(o["word_reading"] for o in kept)
    assert all(o["decision"] is None for o in after if not o["word_reading"])
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    proj = Project.open(p)
    try:
        text = proj.transcript("wr").text.lower()
    finally:
        proj.close()
    assert "will be anonymised" in text
    # addressed, thanked, subject of a speech verb, after "and": still redacted in every casing
    assert "thank you will" not in text and "will said" not in text and "hope came" not in text
    log = (sf.path / "anonymisation-log.jsonl").read_text(encoding="utf-8")
    assert "keep_word_readings" in log



KIN_KEY = [
    KeyEntry(label="SP1", name="Margaret Okafor", role="staff", site="A"),
    KeyEntry(label="P1", name="Nancy Bello", role="service_user", site="A"),
    KeyEntry(label="P2", name="Junior Adeyemi", role="carer", site="B"),
]
KIN_TURNS = [
    ("SP1", "Margaret Okafor", "How was the summer for you all?"),
    ("P1", "Nancy Bello", "My nan came round in June and last June too, it was her birthday."),
    ("P2", "Junior Adeyemi", "Thanks June. Nan said it was fine, and me nan agreed."),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_a_relative_or_a_month_made_from_a_name_reads_as_the_word(tmp_path: Path, project: Project,
                                                                  lower: bool) -> None:
    """"nan" of Nancy and "june" of Junior are familiar forms that are mostly a relative and a month:
    word forms, removed where a name stands ("Nan said", "Thanks June"), never registered variants that
    remove "my nan" and "in June" everywhere. Where such a form is left for review, grammar reads "me nan"
    and "last June" as the relative and the month, which a reviewer keeps in bulk."""
    p, s, readings = _readings(tmp_path, project, KIN_KEY, "kin", KIN_TURNS, lower)
    assert all(readings.values()), readings  # what is left for review reads as the word by grammar
    text = _kept_and_signed_off(p, s, "kin")
    assert "my nan came round in june and last june too" in text
    assert "me nan agreed" in text
    assert "thanks june" not in text and "nan said" not in text


MONTH_KEY = [
    KeyEntry(label="F1", name="Megan Lloyd", role="facilitator", site="A"),
    KeyEntry(label="P1", name="June Barraclough", role="carer", site="A"),
    KeyEntry(label="P2", name="April Nwosu", role="carer", site="A"),
]
MONTH_TURNS = [
    ("F1", "Megan Lloyd", "So June, you collected a kit? And April, you too?"),
    ("P1", "June Barraclough", "I did, in June last year. April said the same, she went since April."),
    ("P2", "April Nwosu", "Yes, every June we go back. June knows."),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_a_participant_named_for_a_month_is_reviewed_where_the_month_fits(tmp_path: Path, project: Project,
                                                                         lower: bool) -> None:
    """A participant called June: "in June last year" is a month, whatever its capital; the occurrence is
    put in the review with the reading (never removed as her, never kept unseen), and the accepted name
    "June" stays removed where she is addressed or speaks."""
    p, s, month_items = _readings(tmp_path, project, MONTH_KEY, "months", MONTH_TURNS, lower)
    assert any("in ⟦june⟧ last" in c and r for c, r in month_items.items()), month_items
    assert any("since ⟦april⟧" in c and r for c, r in month_items.items()), month_items
    assert any("every ⟦june⟧" in c and r for c, r in month_items.items()), month_items
    assert run("review", p, "--secure", s, "--sign-off").exit_code != 0  # nothing of a name passes unseen
    text = _kept_and_signed_off(p, s, "months")
    assert "in june last year" in text and "since april" in text and "every june" in text
    assert "so june" not in text and "april said" not in text and "june knows" not in text
    assert run("leakcheck", p, "--secure", s).exit_code == 0
