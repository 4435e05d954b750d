"""which-pt's ranking of theories for a quote found nowhere: the codebook's words, coded quotes, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.query.index import IndexedCoding, QuoteIndex
from cmo_coder.query.similarity import TheorySimilarity, coded_quote_join
from cmo_coder.query.which_pt import which_pt
from cmo_coder.theory_text import terms

RECO = codebook_io.load(Path(__file__).resolve().parent.parent / "codebooks" / "reco.yaml")

#: coded quotes of other theories (PT7, the theory the invented quote is about, has none)
CODED = [
    ("q1", "PT1", "It's everyone's job to assess and refer people who drink, not just the drug service."),
    ("q2", "PT2", "The training changed how the team talked about people, less judgemental, more empathy."),
    ("q3", "PT3", "We have a shared care plan now and a protocol for who co-ordinates what."),
    ("q4", "PT5", "The role play sessions taught me the skills and confidence to ask about alcohol."),
    ("q5", "PT11", "They kept their experienced staff because the posts were funded properly."),
]
#: an invented quote whose content words belong to PT7's elements alone
INVENTED = "Meeting peers across the patch gave everyone a multidisciplinary ethos"


def index_of(codings: list[tuple[str, str, str]]) -> QuoteIndex:
    records = [IndexedCoding(cid, "t1", 0, len(text), pt, "", "", "supports", "", "", "", "")
               for cid, pt, text in codings]
    return QuoteIndex(records, [text for _, _, text in codings])


def test_the_invented_quote_shares_words_with_one_theory_only():
    words = set(terms(INVENTED))
    sharing = {pt.id for pt in RECO.programme_theories
               if words & set(terms(" ".join([pt.title, pt.statement, *(e.statement for e in pt.elements)])))}
    assert sharing == {"PT7"}
    assert not words & {t for _, _, text in CODED for t in terms(text)}


def test_a_quote_matching_one_theorys_elements_ranks_it_first_though_nobody_coded_it():
    answer = which_pt(index_of(CODED), INVENTED, codebook=RECO)
    assert answer.answered_by == "similarity" and not answer.coded and not answer.locations
    best = answer.similar[0]
    assert best.pt == "PT7" and best.element.startswith("PT7.") and best.coding_id == ""
    assert [s.pt for s in answer.similar] == ["PT7"]  # no other theory shares a word with it
    assert 0 < best.score <= 1 and "PT7 is closest" in answer.reason and f"element {best.element}" in answer.reason


def test_a_coded_quote_counts_beside_the_codebook():
    # shares "training" and "empathy" with PT2's statement and with its coded quote q2: both kinds of evidence count
    answer = which_pt(index_of(CODED), "training gave the nurses more empathy", codebook=RECO)
    best = answer.similar[0]
    assert best.pt == "PT2" and best.coding_id == "q2" and best.quote_score > 0 and best.element_score > 0


def test_the_answer_is_deterministic():
    first = which_pt(index_of(CODED), INVENTED, codebook=RECO).model_dump()
    again = which_pt(index_of(CODED), INVENTED, codebook=RECO).model_dump()  # a fresh index and similarity model
    assert first == again
    sim = TheorySimilarity(RECO, index_of(list(reversed(CODED))))
    assert [(t.pt, t.score) for t in sim.rank(INVENTED)] == [(t.pt, t.score) for t in sim.rank(INVENTED)]


@pytest.mark.parametrize(("codebook_score", "quote", "has_quotes", "expected"), [
    (0.4, 0.2, True, 0.3),  # the mean of the two kinds of evidence
    (0.4, 0.0, True, 0.2),  # coded quotes that share no word with it: the codebook's word counts half
    (0.4, 0.0, False, 0.4),  # a theory nobody has coded yet: the codebook alone, not halved
    (0.0, 0.6, True, 0.3),
])
def test_coded_quote_join(codebook_score, quote, has_quotes, expected):
    assert coded_quote_join(codebook_score, quote, has_quotes) == pytest.approx(expected)


def test_a_close_coded_quote_is_not_outweighed_by_a_few_codebook_words():
    # "role play sessions taught me" retells most of q4 (PT5); "first contact … structured" is PT1's element
    # wording. Both theories have codings, so each is the mean of its two kinds of evidence: before, the
    # codebook's larger cosines decided (PT1 0.48 against PT5 0.32) and the quote evidence barely counted
    ranked = TheorySimilarity(RECO, index_of(CODED)).rank(
        "the role play sessions taught me, now first contact is more structured")
    assert [t.pt for t in ranked[:2]] == ["PT5", "PT1"]
    assert ranked[0].quote_index == 3 and ranked[1].element.startswith("PT1.")
