"""A registered person's name inside a listed public name that holds a person's name (issue 13: a registered name is
never kept silently; public names wrongly removed).

"Martha's Rule", "Clare's Law", "the Sue Ryder hospice", "the Francis report", "a Marie Curie nurse": eponyms hold
a person's name, and a study's participant may bear it. The register used to yield to the listed name silently, so
a registered Martha was kept in "Martha's Rule" with nobody asked, and in "Martha's rule at home", where the words
are the participant's own. Now each such occurrence is the reviewer's, with the reading that it is part of the
listed name: ``review --keep-word-readings`` keeps it, ``--accept-all`` alone removes it, and the person said
anywhere else is removed without a decision. In cased text, the listed words written against the entry's capitals
("Martha's rule") are the person's, removed as anywhere. A public figure's own full name ("Dame Carol Black" beside
a registered Mark Black) is the figure's, as before. The held-back cases (``HELD_BACK``) were written before the
rule and not tuned on. Every person here is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import assert_kept, assert_removed, signed_after_readings

from cmo_coder.anonymise.layers.register_eponyms import against_its_capitals, eponym_around, reading_of
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

KEY = [
    KeyEntry(label="SP1", name="Margaret Okafor", role="staff", site="A"),
    KeyEntry(label="P1", name="Martha Lewis", role="service_user", site="A"),
    KeyEntry(label="P2", name="Sue Parry", role="carer", site="B"),
    KeyEntry(label="P3", name="Dylan Francis", role="service_user", site="B"),
    KeyEntry(label="P4", name="Clare Dunn", role="carer", site="A"),
    KeyEntry(label="P5", name="Marie Okoro", role="service_user", site="A"),
    KeyEntry(label="P6", name="Mark Black", role="service_user", site="B"),
]
OWN = [
    # (sentence, kept by --keep-word-readings, removed in every review)
    ("I asked for a second opinion under Martha's Rule and they listened.", "martha's rule", ""),
    ("They moved her to the Sue Ryder hospice, and Sue came every day.", "the sue ryder hospice", "sue came"),
    ("After the Francis report everything was about candour.", "the francis report", ""),
]
HELD_BACK = [
    ("The police told me about Clare's Law, so I made a request.", "clare's law", ""),
    ("A Marie Curie nurse sat with him, and Marie said she was lovely.", "a marie curie nurse", "marie said"),
    ("Clare rang me about Clare's Law after the meeting.", "about clare's law", "clare rang"),
    ("The Francis report came out, and Francis told me to read it.", "the francis report came",
     "francis told"),
]
CASES = [*OWN, *HELD_BACK]


def _signed(tmp_path: Path, project: Project, text: str, keep_words: bool) -> tuple[str, list[dict[str, object]]]:
    return signed_after_readings(tmp_path, project, KEY, "Martha Lewis", text, keep_words)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
@pytest.mark.parametrize(("text", "kept", "gone"), CASES)
def test_a_registered_name_inside_a_listed_eponym_is_the_reviewers(
        tmp_path: Path, project: Project, text: str, kept: str, gone: str, lower: bool) -> None:
    said = text.lower() if lower else text
    with_keep, items = _signed(tmp_path, project, said, keep_words=True)
    assert kept in with_keep, with_keep
    # put to the reviewer with the listed name as its reading, never decided on its own
    assert any(o["word_reading"] and "listed public name" in str(o["word_reading"]) for o in items), items
    assert all(o["decision"] is None for o in items)
    if gone:
        assert gone not in with_keep, with_keep


@pytest.mark.parametrize(("text", "kept", "gone"), [OWN[0], HELD_BACK[0]])
def test_accept_all_alone_removes_it(tmp_path: Path, project: Project, text: str, kept: str, gone: str) -> None:
    out, _ = _signed(tmp_path, project, text, keep_words=False)
    assert kept not in out, out


@pytest.mark.parametrize(("text", "name"), [
    ("Martha's rule at home was no phones at the table.", "martha"),
    # held back
    ("Clare's law degree took her six years part time.", "clare"),
])
def test_the_listed_words_against_their_capitals_are_the_person(tmp_path: Path, project: Project, text: str,
                                                                name: str) -> None:
    """Cased text that writes the listed "Rule" as "rule" says the words of the participant, not the law: the
    register removes her with no reading offered, so even ``--keep-word-readings`` removes it."""
    out, _ = _signed(tmp_path, project, text, keep_words=True)
    assert name not in out, out


def test_a_figures_own_full_name_stays_the_figures(tmp_path: Path, project: Project) -> None:
    out, items = _signed(tmp_path, project, "Dame Carol Black's review changed how we work.", keep_words=False)
    assert "carol black's review" in out, out
    assert not any("listed public name" in str(o["word_reading"]) for o in items)


def test_the_reading_names_the_listed_entry() -> None:
    text = "under marthas rule they came"
    at = text.index("marthas")
    listed = eponym_around(text, at, at + 6, ["Martha Lewis", "Martha"])
    assert listed == "marthas rule"
    assert reading_of(listed) == "part of the listed public name 'Martha's Rule'"
    assert eponym_around("Martha's Rule", 0, 13, ["Martha's Rule"]) is None  # the whole phrase: the person's
    assert against_its_capitals("Martha's rule") and not against_its_capitals("Martha's Rule")
    assert not against_its_capitals("Francis report")  # the entry writes "report" so
    assert not against_its_capitals("Marie Curie nurses")  # a body's words are written either way


@pytest.mark.parametrize(("text", "name"), [
    ("Martha's rule at home was no phones at the table.", "Martha"),
    # held back (the piece's held-back list)
    ("Helen's rule was always that we ate together.", "Helen"),
])
def test_an_unregistered_name_before_the_listed_words_against_their_capitals_is_removed(
        plain: Anonymiser, text: str, name: str) -> None:
    """Cased text that writes a listed law's capital in lower case says a person's own rule: the list no longer
    keeps the given name there (captions cannot tell, and keep the listed reading)."""
    assert_removed(plain, text, name, captions=False)


@pytest.mark.parametrize(("text", "name"), [
    ("I asked for a second opinion under Martha's Rule and they listened.", "Martha's Rule"),
    ("Helen's Law means they can't get parole without saying where she is.", "Helen's Law"),
])
def test_the_listed_law_written_as_listed_is_kept(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)
