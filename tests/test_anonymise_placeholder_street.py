"""One word of a registered building's name said where a street stands gets a street's placeholder: the seventeenth
study registered "Esplanade Surgery", and "a flat on the Esplanade in Ryde" became "a flat on the [GP practice name]
in …", which sends a reader looking for a surgery (:func:`cmo_coder.anonymise.placeholders.
a_buildings_word_said_as_a_street`)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.anonymise.placeholders import a_buildings_word_said_as_a_street
from cmo_coder.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("before", "said"), [
    ("a flat on the ", True), ("we walked along the ", True), ("just off the ", True),
    ("I go to the ", False), ("she's at the ", False), ("up the ", False), ("the ", False),
])
def test_only_where_a_street_stands(before: str, said: bool) -> None:
    text = before + "Esplanade in Ryde"
    assert a_buildings_word_said_as_a_street("practice", text, len(before), "Esplanade") is said


def test_a_place_or_a_whole_name_keeps_its_placeholder() -> None:
    text = "a flat on the Esplanade Surgery"
    assert not a_buildings_word_said_as_a_street("practice", text, 14, "Esplanade Surgery")  # two words
    assert not a_buildings_word_said_as_a_street("person", "a flat on the Esplanade", 14, "Esplanade")


def test_the_whole_path_words_the_street_as_a_street(tmp_path: Path) -> None:
    (tmp_path / "reg.csv").write_text("surface,category,placeholder,aliases\nEsplanade Surgery,GP practice,,\n",
                                      encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "Interviewer: Where did you live?\nP5: Moved to a flat on the Esplanade in Ryde. Then COVID.\n"
        "Interviewer: And your GP?\nP5: The Esplanade Surgery, on the corner.\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("name,aliases,role,site,label\nInterviewer,,facilitator,,F1\n"
                                    "P5,,service_user,,P5\n", encoding="utf-8")
    p, s = str(tmp_path / "p"), str(tmp_path / "s")
    run = CliRunner().invoke
    for args in (["init", p, "--codebook", str(ROOT / "codebooks" / "reco.yaml")],
                 ["import", p, str(tmp_path / "c.txt"), "--secure", s, "--manifest", str(tmp_path / "m.csv"),
                  "--register", str(tmp_path / "reg.csv")],
                 ["anonymise", p, "--secure", s, "--register", str(tmp_path / "reg.csv")]):
        result = run(cli, args)
        assert result.exit_code == 0, result.output
    proposals = json.loads((tmp_path / "s" / "proposals" / "c.json").read_text(encoding="utf-8"))["proposals"]
    by_surface = {x["surface"]: x["placeholder"] for x in proposals}
    assert by_surface["Esplanade"] == "[street name]"
    assert by_surface["Esplanade Surgery"] == "[GP practice name]"
