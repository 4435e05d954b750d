"""The shared checks of the studies' path tests fail where a study's pins do not hold: run on a "signed-off" text
that still says every gold item, they find the must-go items left and no must-stay item removed, and a pin that
says otherwise fails. No CLI path is run: the texts are built from the eighteenth study's gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import StudyPathChecks, study_rows

STUDY = Path(__file__).parent / "data" / "eighteenth_study"


class _Checks(StudyPathChecks):
    STUDY = STUDY
    CURLY_AS_STRAIGHT = False


def _nothing_removed() -> tuple[Path, Path, dict[str, str]]:
    said: dict[str, list[str]] = {}
    for r in study_rows(STUDY):
        said.setdefault(r["transcript"], []).append(r["surface"])
    return Path("p"), Path("s"), {t: " . ".join(words) for t, words in said.items()}


def test_every_must_go_item_left_fails_a_pin_of_fewer() -> None:
    path = _nothing_removed()
    with pytest.raises(AssertionError):
        _Checks().test_the_golds_must_go_items_are_gone(path)
    every = sorted((r["transcript"], r["surface"]) for r in study_rows(STUDY) if r["must"] == "go")

    class _AllLeft(_Checks):
        LEFT = every

    _AllLeft().test_the_golds_must_go_items_are_gone(path)


def test_a_kept_word_nowhere_said_fails() -> None:
    path = _nothing_removed()

    class _Kept(_Checks):
        KEPT = ("a word no transcript says",)

    with pytest.raises(AssertionError):
        _Kept().test_must_stay_words_removed_do_not_grow(path)
    _Checks().test_must_stay_words_removed_do_not_grow(path)  # nothing removed: within any bound


def test_a_file_count_that_differs_fails() -> None:
    path = _nothing_removed()

    class _Files(_Checks):
        FILES = len(path[2]) + 1

    with pytest.raises(AssertionError):
        _Files().test_every_file_is_read_and_signed_off(path)
