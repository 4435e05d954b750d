"""A speaker the manifest does not name is kept as a provisional line whose name is the file's label scoped to
the file ("RESEARCHER@Annual health check Hereford HER-P09 typed by support worker"). Its name was registered
whole: every word of the file's name became a form of a person's name, for every transcript ("health", "check",
"by", "support", "worker", "works", and "HER" taking each "her"), and the transcripts that could be signed off
were signed off without them. A role's label there is nobody's name; a person's name is registered alone."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey


def _forms(name: str) -> dict[str, str | None]:
    key = ParticipantKey(entries=[KeyEntry(label="U1", name=name, role="service_user", site="")])
    register = build_register(key, [], set())
    return {v.lower(): i.scope for i in register.items for v in (*i.variants, *i.word_forms)}


@pytest.mark.parametrize("name", [
    "RESEARCHER@Annual health check Hereford HER-P09 typed by support worker",
    "Interviewer@Interview with the link worker",
    "Facilitator@Carers group notes by the team v2",
])
def test_a_provisional_label_lends_no_word_of_its_file_name(name: str) -> None:
    forms = _forms(name)
    for word in ("health", "check", "by", "support", "worker", "works", "her", "with", "the", "link", "notes",
                 "group", "team", "v2", "interview"):
        assert word not in forms, word


def test_a_provisional_name_is_a_name_everywhere_without_its_file_name() -> None:
    """The person a provisional speaker is in one file is spoken of by name in another: the name is registered
    for every transcript, as a manifest's name is; the words of its file's name are not."""
    forms = _forms("pyotr@fish docks oh captions")
    assert "pyotr" in forms and forms["pyotr"] is None
    assert "docks" not in forms and "captions" not in forms
