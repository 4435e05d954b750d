"""A participant the team knows by a phone number (a chat member the exporting phone had not saved) is registered
like a name: the number goes in every rendering, reads "[phone number]", and a blanket keep cannot leave it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.occurrences import registered_occurrences
from cmo_coder.anonymise.register import RegisterItem, person_variants
from cmo_coder.anonymise.registered_numbers import is_phone_number, number_variants
from cmo_coder.anonymise.renderings import key
from cmo_coder.cli.main import cli

NUMBER = "+44 7700 900123"


def _item(name: str = NUMBER) -> RegisterItem:
    return RegisterItem(key="label:P1", surface=name, category="person", variants=person_variants(name), label="P1",
                        placeholder="[phone number]")


def _found(text: str, name: str = NUMBER) -> list[str]:
    return [text[o.start:o.end] for o in registered_occurrences(text, [(0, len(text))], [_item(name)])]


@pytest.mark.parametrize("name", ["+44 7700 900123", "07700 900123", "07700900123", "+44 (0)161 496 0000",
                                  "0161-496-0000", "+353 85 123 4567"])
def test_numbers_are_numbers(name: str) -> None:
    assert is_phone_number(name)
    assert person_variants(name)[0] == " ".join(name.split())


@pytest.mark.parametrize("name", ["Shiloh Price", "P12", "Speaker 1", "2024", "12/03", "+44", "Ward 7", ""])
def test_names_and_short_numbers_are_not(name: str) -> None:
    assert not is_phone_number(name)


@pytest.mark.parametrize("said", ["text me on 07700 900123 if late", "ring 07700900123?", "or +44 7700 900123.",
                                  "call +447700900123 now", "it's 07700-900-123", "07700 900 123 that is",
                                  "+44 (0)7700 900123 works", "447700900123"])
def test_every_rendering_of_a_registered_number_is_found(said: str) -> None:
    found = _found(said)
    assert len(found) == 1 and any(c.isdigit() for c in found[0])
    assert "".join(c for c in found[0] if c.isdigit()).endswith("7700900123")


@pytest.mark.parametrize("said", ["my number 07700 900124 is new", "room 900123", "7700 people came",
                                  "zero seven seven double oh", "07700 9001234"])
def test_other_numbers_are_not_the_registered_one(said: str) -> None:
    assert _found(said) == []


def test_digits_are_part_of_a_forms_key() -> None:
    assert key("Ward 7") != key("Ward 8")
    assert key("07700 900123") == key("07700-900123") == key("07700900123")
    assert key("O'Neill") == key("o neill") == key("oneill")


@given(st.text(alphabet="0123456789 -", min_size=0, max_size=30))
def test_found_spans_slice_to_text(filler: str) -> None:
    text = f"{filler} ring 07700 900123 {filler}"
    for o in registered_occurrences(text, [(0, len(text))], [_item()]):
        assert text[o.start:o.end].strip() == text[o.start:o.end]
        assert "7700" in text[o.start:o.end]


def test_uk_forms_of_a_national_number() -> None:
    forms = number_variants("07700 900123")
    assert {"07700 900123", "07700900123", "+447700900123", "+44 7700 900123", "447700900123"} <= set(forms)


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("as_name", [False, True])
def test_a_chat_member_known_by_number_is_removed_even_after_a_blanket_keep(tmp_path: Path, as_name: bool) -> None:
    """``review --reject-rest`` keeps what nobody decided; a number the team registered is not that: it goes, as
    "[phone number]", before sign-off stores the text."""
    chat = tmp_path / "chat.txt"
    chat.write_text("12/03/2025, 14:02 - Jordan Reyes: hi all, the drop in moved\n"
                    "12/03/2025, 14:03 - +44 7700 900123: hello there, text me on 07700 900123 if the bus is late\n"
                    "12/03/2025, 14:04 - Jordan Reyes: ok will do, or ring 07700900123?\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    row = "+44 7700 900123,,service_user,A,P1" if as_name else "Shiloh Price,+44 7700 900123,service_user,A,P1"
    manifest.write_text(f"name,aliases,role,site,label\nJordan Reyes,,staff,A,SP1\n{row}\n", encoding="utf-8")
    study, secure = tmp_path / "study", tmp_path / "secure"
    runner = CliRunner()
    _run(runner, "init", str(study), "--codebook", "tiny")
    _run(runner, "import", str(study), str(chat), "--secure", str(secure), "--manifest", str(manifest))
    _run(runner, "anonymise", str(study), "--secure", str(secure))
    _run(runner, "review", str(study), "--secure", str(secure), "--reject-rest", "--sign-off")
    held = b"".join(p.read_bytes() for p in study.rglob("*") if p.is_file())
    assert b"900123" not in held and b"900 123" not in held
    text = _run(runner, "show", str(study), "chat")
    assert text.count("[phone number]") == 2, text
    assert "Jordan" not in text
