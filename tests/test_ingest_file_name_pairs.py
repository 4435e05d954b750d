"""Two names in one slot of a file's name, surnames that are words, and a given name naming a group.

"Ed and Rose interview 2024" kept its id (each name stood beside "and", read as a phrase); "Baker interview" and
"Interview Mr Fisher" kept theirs (a surname that is a word was read by no list); "Joy carers" got a neutral id
(a given name beside a role). The held-back lists were written before the rules and are not tuned on; the
misses among them are strict expected failures.
"""

from __future__ import annotations

import pytest

from cmo_coder.ingest.stem_lexicon import NATIONS, STUDY_WORDS, stem_holds_name
from cmo_coder.ingest.stem_words_as_names import word_read_as_name

#: Held back: two given names side by side or joined by "and" (and "&", which the stem's words drop).
JOINED = ["Grace and Will FG 2", "interview_hope_and_jo_v2", "Rose & Ed carers interview", "Int Faith and Joy 03",
          "Al and Grace interview final", "carers_FG_will_and_hope"]
#: Held back: the same words joined by "and" as words.
JOINED_WORDS = ["Faith and hope group", "bread and butter FG", "rose and crown staff interview",
                "hope and will notes", "grace_and_favour_pilot_FG", "Will and testament interview"]
#: Held back: surnames that are words, after a title or beside one person's label.
SURNAMES = ["Baker interview 2024", "Interview Mr Fisher v2", "Int_Cooper_03", "Mrs Hill carer interview",
            "Interview with Dr Fletcher", "Shepherd_interview_final", "Carpenter FG recording"]
#: Held back: the same words as words.
SURNAME_WORDS = ["bakery staff interview", "fisher folk FG", "hill walking group FG", "cooper street outreach",
                 "interview_shepherds_pie_notes", "Carpenter ants pilot notes"]
#: Held back: a given name that is a word beside only a group's plural role.
GROUP_WORDS = ["Joy carers", "Hope families FG", "Will staff 2024", "Faith volunteers interview",
               "Grace patients session", "Patience carers FG 3"]
#: Held back: the same given names where one person stands; still read.
PERSON_STILL = ["Interview Joy 14-03", "Joy carer interview", "Hope_interview_final", "Int_Will_v2"]

MISSED = {
    "Rose & Ed carers interview": "the pair stands beside a group's role only ('carers'); the interview is past it",
    "Carpenter FG recording": "a surname beside a kind of group session, not one person's label",
    "Hope families FG": "Hope is a town too, and a town beside any role is a site",
}


def _marked(stems: list[str]) -> list[object]:
    return [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=MISSED[s])) if s in MISSED else s
            for s in stems]


@pytest.mark.parametrize("stem", _marked(JOINED + SURNAMES + PERSON_STILL))
def test_held_back_names_are_read(stem: str) -> None:
    assert stem_holds_name(stem) is not None


@pytest.mark.parametrize("stem", _marked(JOINED_WORDS + SURNAME_WORDS + GROUP_WORDS))
def test_held_back_words_keep_their_id(stem: str) -> None:
    assert stem_holds_name(stem) is None


def test_the_kind_is_said_not_the_word() -> None:
    assert stem_holds_name("Baker interview 2024") == "a surname that is also a word"
    assert stem_holds_name("Interview Mr Fisher v2") == "a name after a title"


@pytest.mark.parametrize(("words", "read"), [
    (["Ed", "and", "Rose", "interview"], True), (["interview", "Rose", "Ed"], True),
    (["Ed", "and", "breakfast", "interview"], False), (["Joy", "carers"], False), (["Joy", "carer"], True),
    (["young", "person", "interview"], False), (["Mr", "Fisher"], True), (["Mr", "interview"], False)])
def test_the_slot_rules(words: list[str], read: bool) -> None:
    assert (word_read_as_name(words, STUDY_WORDS | NATIONS) is not None) is read
