"""Ranking programme theories by the codebook's own words and by the text around a clause or quote.

Covers :mod:`cmo_coder.theory_text` (stemming, weights learnt from the codebook, the context
window), the suggester's PT scorer with surroundings, and which-pt's similarity answer for a
quote found uncoded in a transcript.
"""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.model import Codebook, Coding
from cmo_coder.query.index import QuoteIndex
from cmo_coder.query.similarity import TheorySimilarity
from cmo_coder.query.speakers import SpeakerLookup
from cmo_coder.query.which_pt import describe, which_pt
from cmo_coder.suggest.model import PtScorer
from cmo_coder.theory_text import CONTEXT_WEIGHT, CodebookSimilarity, TheoryTerms, stem, terms, window
from tests.fuzzing import fuzz_settings

AMBIGUOUS = "It was different after that, everyone was on the same page."
QUESTION = "What changed once the whole team went through the team-wide training together?"


# -- words ------------------------------------------------------------------------------------------
def test_forms_of_a_word_count_as_one() -> None:
    for forms in (["assessment", "assessments"], ["refer", "referred", "referring"], ["service", "services"],
                  ["empathy", "empathies"], ["train", "trained", "training"],
                  ["involve", "involved", "involving", "involves"], ["approach", "approaches"]):
        assert len({stem(w) for w in forms}) == 1, forms
    assert stem("process") == "process" and stem("focus") == "focus" and stem("analysis") == "analysis"
    assert stem("is") == "is" and stem("uses") == "uses" and stem("staff") == "staff"


@fuzz_settings(200)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=20))
def test_stemming_never_cuts_a_word_below_four_letters(word: str) -> None:
    out = stem(word)
    assert len(out) >= min(len(word.removesuffix("'s")), 4) - 1  # "ies" → "y" keeps four letters, "-ing" four
    assert word.startswith(out[:3]) or len(word) < 4


def test_terms_drop_stop_words_and_short_words() -> None:
    assert terms("It was the staff who assessed us") == ["staff", "assess"]
    assert terms("team-wide, co-occurring") == ["team", "wide", "occur"]


def test_words_every_theory_uses_carry_little_weight() -> None:
    """The codebook teaches its own stop words: a word in all theories weighs little, one theory's word most."""
    book = _book(("PT1", "services help people stay in treatment", "retention"),
                 ("PT2", "services train staff together", "training"),
                 ("PT3", "services share records across teams", "records"))
    tt = TheoryTerms(book)
    assert tt.idf[tt.vocab[stem("services")]] < tt.idf[tt.vocab[stem("records")]] / 5
    sim = CodebookSimilarity(book)
    shared, own = sim.match(["the services", "the records"], [None, None]).scores
    assert shared.max() < 0.1 and own.argmax() == 2 and own.max() > 5 * shared.max()


def _book(*pts: tuple[str, str, str]) -> Codebook:
    return Codebook.model_validate({
        "name": "two", "version": "1",
        "programme_theories": [
            {"id": pid, "title": title, "statement": statement,
             "elements": [{"id": f"{pid}.O1", "component": "outcome", "statement": statement}]}
            for pid, statement, title in pts
        ],
    })


# -- the context window --------------------------------------------------------------------------------
@fuzz_settings(300)
@given(st.data())
def test_the_window_is_exact_and_never_holds_the_passage(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="ab \n.,’", min_size=1, max_size=300))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    chars = data.draw(st.integers(0, 120))
    lo, hi, around = window(text, start, end, chars)
    assert 0 <= lo <= start <= end <= hi <= len(text)
    assert start - lo <= chars and hi - end <= chars
    before, after = text[lo:start].strip(), text[end:hi].strip()
    assert around == " … ".join(p for p in (before, after) if p)
    assert lo == 0 or text[lo - 1] == " " or lo == start, "cut at a word boundary"
    assert hi == len(text) or text[hi] == " " or hi == end


def test_the_window_crosses_lines_to_the_question_before() -> None:
    text = f"{QUESTION}\n\n{AMBIGUOUS}\n\nThanks."
    start = text.index(AMBIGUOUS)
    lo, hi, around = window(text, start, start + len(AMBIGUOUS))
    assert lo == 0 and hi == len(text) and around == f"{QUESTION} … Thanks."


# -- the suggester's PT scorer ---------------------------------------------------------------------------
def test_surroundings_decide_a_clause_that_says_little_by_itself(tiny_codebook: Codebook) -> None:
    scorer = PtScorer(tiny_codebook)
    alone = scorer.score([AMBIGUOUS], ["outcome"])[0]
    assert alone.scores["PT1"] == alone.scores["PT2"] and not alone.with_context
    with_context = scorer.score([AMBIGUOUS], ["outcome"], [QUESTION])[0]
    assert with_context.with_context and with_context.scores["PT2"] > with_context.scores["PT1"]
    assert abs(sum(with_context.scores.values()) - 1) < 1e-9


def test_the_clause_outweighs_its_surroundings(tiny_codebook: Codebook) -> None:
    clause = "Team-wide training builds empathy"  # PT2 in its own words
    around = "Every service accepts people with co-occurring needs, and people stay in treatment"  # PT1's words
    ev = PtScorer(tiny_codebook).score([clause], [None], [around])[0]
    assert CONTEXT_WEIGHT < 1 and ev.scores["PT2"] > ev.scores["PT1"] > 0


def test_an_empty_context_changes_nothing(tiny_codebook: Codebook) -> None:
    scorer = PtScorer(tiny_codebook)
    texts = ["joint assessment made staff feel confident", "team-wide training"]
    a = scorer.score(texts, [None, "mechanism_resource"])
    b = scorer.score(texts, [None, "mechanism_resource"], ["", "   "])
    assert [e.scores for e in a] == [e.scores for e in b] and not any(e.with_context for e in b)


def test_suggestions_say_the_surroundings_were_used(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest import run

    add_transcript("t1", [("F1", "facilitator", None, QUESTION),
                          ("SP1", "staff", "A", "Because of the training, I felt much more confident with them.")])
    found = run.suggest(project, ["t1"], actor="t")
    assert found
    for s in found:
        pts = [r for r in s.reasons if r.kind == "pt"]
        assert pts and all(r.text == "by tf-idf, with the surrounding text" for r in pts)
        assert project.transcript("t1").text[s.start : s.end] == s.text


# -- which-pt ------------------------------------------------------------------------------------------
CODED = "People stay with us for months now instead of dropping out."


def _interview(project, add_transcript, coded_next: bool = False):  # type: ignore[no-untyped-def]
    """An uncoded answer after a question about training; a coded PT1 passage nearby or in another interview."""
    later = [("F1", "facilitator", None, "And did people stay in treatment with you?"), ("SP1", "staff", "A", CODED)]
    t = add_transcript("t1", [("F1", "facilitator", None, QUESTION), ("SP1", "staff", "A", AMBIGUOUS),
                              ("F1", "facilitator", None, "Thank you, that is helpful."),
                              *(later if coded_next else [])])
    if not coded_next:
        add_transcript("t2", later)
    tid = "t1" if coded_next else "t2"
    coded = CODED
    start = project.text(tid).index(coded)
    with project.transaction("tester") as tx:
        tx.add_coding(Coding(id="k1", transcript_id=tid, start=start, end=start + len(coded), text=coded, pt="PT1",
                             element="PT1.O1", stance="supports", coder="alice"))
    return t


def test_a_quote_found_uncoded_is_ranked_with_its_surroundings(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    t = _interview(project, add_transcript)
    index = QuoteIndex.for_project(project)
    answer = which_pt(index, AMBIGUOUS, speakers=SpeakerLookup(project), codebook=project.codebook)
    assert answer.answered_by == "similarity" and answer.similar[0].pt == "PT2"
    ctx = answer.context
    assert ctx is not None and ctx.kind == "context" and ctx.transcript == "t1"
    assert t.text[ctx.start : ctx.end] == ctx.text and AMBIGUOUS in ctx.text and QUESTION in ctx.text
    assert "surrounding text in t1" in answer.reason
    assert answer.similar[0].context_score > 0
    lines = "\n".join(describe(answer))
    assert "surrounding text scored with the quote" in lines
    out = json.loads(answer.model_dump_json())
    old = {"query", "coded", "total_matches", "pts", "matches", "locations", "nearest", "answered_by",
           "by_similarity", "similarity_method", "similar", "reason"}
    assert old <= set(out) and "context" in out
    assert {"pt", "title", "score", "element", "element_statement", "element_score", "coding_id", "quote",
            "quote_score", "attribution", "context_score"} <= set(out["similar"][0])


def test_a_quote_not_found_anywhere_has_no_context(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    _interview(project, add_transcript)
    index = QuoteIndex.for_project(project)
    answer = which_pt(index, "the team-wide training built real empathy", codebook=project.codebook)
    assert answer.answered_by == "similarity" and answer.context is None and "surrounding" not in answer.reason
    assert all(s.context_score == 0 for s in answer.similar)


def test_coded_neighbours_are_not_compared_with_the_surroundings(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    """The surroundings often are coded; their codings must not answer for the quote (a layout signal)."""
    t = _interview(project, add_transcript, coded_next=True)
    index = QuoteIndex.for_project(project)
    sim = TheorySimilarity(project.codebook, index)
    start = t.text.index(AMBIGUOUS)
    around = window(t.text, start, start + len(AMBIGUOUS))[2]
    assert "People stay with us" in around
    alone = {s.pt: (s.quote_index, s.quote_score) for s in sim.rank(AMBIGUOUS)}
    shipped = {s.pt: (s.quote_index, s.quote_score) for s in sim.rank(AMBIGUOUS, around)}
    assert shipped == alone
    flattered = {s.pt: s.quote_score for s in sim.rank(AMBIGUOUS, around, context_quotes=True)}
    assert flattered["PT1"] > alone["PT1"][1]


def test_fused_scores_are_the_mean_of_each_way_of_comparing(tiny_codebook: Codebook) -> None:
    """With a second way of comparing (the extra's embeddings; here a stand-in), every score is the mean of both."""
    texts, contexts = ["joint assessment made staff confident", AMBIGUOUS], ["", QUESTION]
    tfidf = CodebookSimilarity(tiny_codebook)
    other = CodebookSimilarity(tiny_codebook)
    other.channels = []
    flat = lambda ts: np.full((len(ts), 3), 1 / np.sqrt(3), dtype=np.float32)  # noqa: E731  everything alike
    profiles = [f"{pt.title} {pt.statement}" for pt in tiny_codebook.programme_theories]
    elements = [e.statement for pt in tiny_codebook.programme_theories for e in pt.elements]
    other.add_channel(flat, profiles, elements)
    fused = CodebookSimilarity(tiny_codebook)
    fused.add_channel(flat, profiles, elements)
    a, b, f = (sim.match(texts, [None, None]) for sim in (tfidf, other, fused))
    np.testing.assert_allclose(f.scores, (a.scores + b.scores) / 2, rtol=1e-5)
    np.testing.assert_allclose(f.element, (a.element + b.element) / 2, rtol=1e-5)
    assert 0 < float(f.scores.max()) <= 1
    # the surroundings are compared by words alone (embedding every window cost minutes per transcript)
    a, f = (sim.match(texts, [None, None], contexts) for sim in (tfidf, fused))
    np.testing.assert_allclose(f.context, a.context, rtol=1e-5)
    np.testing.assert_allclose(f.own, (a.own + b.own) / 2, rtol=1e-5)
