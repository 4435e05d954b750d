"""People nobody registered, fourth round: names that are also dictionary words ("baker", "frost", "mags",
"midge"), said alone in lower-cased captions where only a person stands; titles and kin words before a
name; familiar forms written with a capital mid-sentence in cased text. Every name here is invented for
these tests; the negatives are the everyday words said in the same places ("the baker", "up the hill",
"me and money", "then post came").
"""

from __future__ import annotations

import re

import pytest
from anon_support import transcript_of
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Suspicion
from cmo_coder.anonymise.layers.word_names import SUSPECT, name_words
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.model import Transcript

PAD_BEFORE = "yeah so um it was a funny old time really and i don't know where to start but anyway "
PAD_AFTER = " and that was that really you know what i mean it's just how it was in there back then"


def _groups(anon: Anonymiser, text: str, caseless: bool) -> list[tuple[int, int, set[str]]]:
    groups, _, _ = anon.find(text, caseless=caseless)
    return [(min(c.start for c in g), max(c.end for c in g), {c.category for c in g}) for g in groups]


def _removed(anon: Anonymiser, text: str, word: str, caseless: bool = True) -> bool:
    """The first ``word`` of ``text`` lies wholly inside a redaction."""
    m = re.search(rf"(?<![\w']){re.escape(word)}(?!\w)", text)
    assert m is not None, word
    return any(s <= m.start() and m.end() <= e for s, e, _ in _groups(anon, text, caseless))


def _touched(anon: Anonymiser, text: str, word: str, caseless: bool = True) -> bool:
    return any(s < m.end() and m.start() < e for m in re.finditer(rf"(?<![\w']){re.escape(word)}(?!\w)", text)
               for s, e, _ in _groups(anon, text, caseless))


# ------------------------------------------------------------------------- 1. name words in a person's place
WORD_NAMES = [
    ("i told cooper about the meds and he just laughed", "cooper"),  # told X about
    ("so i rang shepherd and she never picked up", "shepherd"),  # rang X and she
    ("i texted frost and she came straight round", "frost"),
    ("i went to see pike about my parole", "pike"),
    ("me and bishop went over to the unit after tea", "bishop"),  # me and X
    ("it was just me and swan left on the landing by then", "swan"),
    ("wren and me used to do the gardening", "wren"),  # X and me
    ("then lamb said you're not going anywhere", "lamb"),  # X said, opening a clause
    ("finch told me to keep my head down", "finch"),
    ("and crane goes to me what are you doing", "crane"),
    ("holt's missus used to visit on sundays", "holt"),  # X's + whom a person has
    ("we were waiting for booth's brother to come", "booth"),
    ("ta knight see you tomorrow", "knight"),  # addressed
    ("so i says to gaunt i says you're having a laugh", "gaunt"),  # said to X
    ("so mags and her sister came in with the shopping", "mags"),  # X and her sister
    ("then dot came round with the tea trolley", "dot"),  # a given name's form doing something
    ("so i'm on the landing right and pat turns up and she goes", "pat"),
    ("that was the week when cliff retired", "cliff"),
    ("i told midge all about it", "midge"),
    ("me and reg used to play dominoes", "reg"),
    ("i rang\nbrenda's sister", "brenda"),  # cut across a caption line
    ("me and\nturnbull were on the same spur", "turnbull"),
    ("you'd have to ask\nbarber she knows", "barber"),
]


@pytest.mark.parametrize(("text", "name"), WORD_NAMES)
def test_a_name_that_is_a_word_is_removed_where_a_person_stands(anon: Anonymiser, text: str, name: str) -> None:
    assert _removed(anon, text, name), text  # a one-sentence caption
    assert _removed(anon, PAD_BEFORE + text + PAD_AFTER, name), text  # inside a long caption turn


EVERYDAY = [
    ("the baker on the corner shut down", "baker"),
    ("we walked up the hill to the shop", "hill"),
    ("she went to see the bishop about it", "bishop"),
    ("there was a lot of frost on the car", "frost"),
    ("i rang the bell and waited", "bell"),
    ("with wood floors it was always cold", "wood"),
    ("the steel doors slam all night", "steel"),
    ("we had lamb and mint sauce", "lamb"),
    ("my dad was a crane driver", "crane"),
    ("the pike in the canal were massive", "pike"),
    ("me and money never got on", "money"),  # "me and" before a word subtitles write all the time
    ("then winter came and the heating broke", "winter"),
    ("then lunch came round", "lunch"),
    ("then security came in", "security"),
    ("the barber cut it too short", "barber"),
    ("pip was like a ghost town", "pip"),  # a benefit, said as a name is
    ("we went to the baker's for bread", "baker"),
    ("i asked around and nobody knew", "around"),
    ("i told people about it", "people"),
    ("i saw red and she left", "red"),  # two weak cues on a word subtitles write all the time
    ("me and les went to the club", "went"),
    ("and then frost turns up on the windows", "frost"),  # a surname alone: only speech makes it a person
    ("then the price turns up again", "price"),  # "X to the club" is no byname frame after a verb
]


@pytest.mark.parametrize(("text", "word"), EVERYDAY)
def test_the_everyday_reading_of_a_name_word_stays(anon: Anonymiser, text: str, word: str) -> None:
    assert not _touched(anon, text, word), text
    assert not _touched(anon, PAD_BEFORE + text + PAD_AFTER, word), text


@pytest.mark.parametrize("word", ["frost", "shepherd"])
def test_one_weak_cue_is_a_suspicion_for_the_reviewer_not_a_removal(anon: Anonymiser, word: str) -> None:
    """Where the model and the lower-case tagger also both read a person ("i'll ring marsh"), the word goes:
    ``tests/test_anonymise_surname_readings.py``."""
    text = PAD_BEFORE + f"i'll ring {word}" + PAD_AFTER
    groups, sus, _ = anon.find(text, caseless=True)
    at = text.index(word, len(PAD_BEFORE))
    assert not any(min(c.start for c in g) <= at < max(c.end for c in g) for g in groups)
    assert Suspicion(at, at + len(word), SUSPECT) in sus


def test_name_words_are_words_of_a_name_list() -> None:
    words = name_words()
    assert {"baker", "frost", "shepherd", "mags", "midge"} <= words
    assert not {"mum", "love", "will", "the", "pip", "church", "kel"} & words  # kin, modal, body, no word


# ------------------------------------------------------------------------- 2. titles and kin words
TITLED = [
    ("father donnelly said mass on the wing", "donnelly", "father"),
    ("doctor abiodun said no straight away", "abiodun", "doctor"),
    ("auntie parveen rang on the sunday", "parveen", "auntie"),
    ("councillor wetherby came to the meeting", "wetherby", "councillor"),
    ("imam qureshi led the prayers", "qureshi", "imam"),
    ("guv hardcastle said i could go", "hardcastle", "guv"),
    ("doctor\nsokolova said it was nothing", "sokolova", "doctor"),
    ("nan pearl made the best scones", "pearl", "nan"),
]


@pytest.mark.parametrize(("text", "name", "title"), TITLED)
def test_a_name_after_a_title_goes_in_captions(anon: Anonymiser, text: str, name: str, title: str) -> None:
    assert _removed(anon, text, name)
    assert _removed(anon, PAD_BEFORE + text + PAD_AFTER, name)


def test_the_word_after_a_titled_name_stays(anon: Anonymiser) -> None:
    """ "councillor wetherby came to the meeting": "came to the" is no byname's frame ("Hammer to his mates")."""
    assert not _touched(anon, "councillor wetherby came to the meeting", "came")


@pytest.mark.parametrize("text", ["the doctor said no", "the nurse came in with the tablets", "my nan came round",
                                  "father said we had to go", "sister came round after", "uncle was in the navy",
                                  "the governor said no"])
def test_a_title_alone_stays(anon: Anonymiser, text: str) -> None:
    assert not _groups(anon, text, True), text


# ------------------------------------------------------------------------- 3. cased text: familiar forms
@pytest.mark.parametrize(("text", "name"), [
    ("We had a quiet morning. Then Mags came in with the post and sat down.", "Mags"),
    ("It was fine until Dot turned up with her shopping.", "Dot"),
    ("I was at Reg's house all day.", "Reg"),  # a familiar form's house, after "at"
    ("Then Vi came in and sat down.", "Vi"),
    ("I rang Bunny and she came.", "Bunny"),
])
def test_a_capitalised_familiar_form_mid_sentence_is_a_person(anon: Anonymiser, text: str, name: str) -> None:
    assert _removed(anon, text, name, caseless=False)


@pytest.mark.parametrize(("text", "word"), [("Then Security came in.", "Security"), ("Then Housing rang.", "Housing"),
                                            ("I was at Boots for ages.", "Boots")])
def test_a_capitalised_body_stays(anon: Anonymiser, text: str, word: str) -> None:
    assert not _touched(anon, text, word, caseless=False)


# ------------------------------------------------------------------------- 5. full names wholly removed
@pytest.mark.parametrize(("text", "words"), [
    ("Her friend Zoë Akinyemi-Hart stayed over.", ["Zoë", "Akinyemi-Hart"]),
    ("My key worker Kwabena O'Dowd was brilliant.", ["Kwabena", "O'Dowd"]),
    ("My mate Dónal O’Sullivan rang.", ["Dónal", "O’Sullivan"]),
    ("We met Łukasz Wójcik there.", ["Łukasz", "Wójcik"]),
    ("Her friend Aoife Ní\nChonaill came.", ["Aoife", "Ní", "Chonaill"]),
    ('"Tell Yusra Haddad I said hi," she said.', ["Yusra", "Haddad"]),  # a quote the model reads as a work
    ('She goes, "Ask Tendai Moyo, he knows."', ["Tendai", "Moyo"]),
])
def test_every_word_of_a_full_name_goes(anon: Anonymiser, text: str, words: list[str]) -> None:
    for w in words:
        assert _removed(anon, text, w, caseless=False), w


# ------------------------------------------------------------------------- offsets
@pytest.mark.fuzz
@fuzz_settings(20)
@given(st.sampled_from(WORD_NAMES), st.sampled_from(["", "um ", "yeah\n", "so like "]),
       st.sampled_from(["", " innit", "\nand then we went", " you know"]))
def test_spans_slice_exactly_to_their_words(anon: Anonymiser, case: tuple[str, str], lead: str, tail: str) -> None:
    text = lead + case[0] + tail
    groups, _, _ = anon.find(text, caseless=True)
    for g in groups:
        for c in g:
            piece = text[c.start:c.end]
            assert piece == piece.strip() and piece, (text, c)
            assert (c.start == 0 or not text[c.start - 1].isalnum()) and (
                c.end == len(text) or not text[c.end].isalnum()), (text, c)


# ------------------------------------------------------------------------- relatives named by a word
@pytest.mark.parametrize(("text", "name", "caseless"), [
    ("i only went for help cause i had me daughter summer and the social got involved", "summer", True),
    ("my nephew river came with me", "river", True),
    ("Me mum's got Summer at the minute, while I'm getting better.", "Summer", False),  # no season has a capital
    ("I had no one to have Autumn for the day.", "Autumn", False),
])
def test_a_relative_named_by_a_word_is_removed(anon: Anonymiser, text: str, name: str, caseless: bool) -> None:
    assert _removed(anon, text, name, caseless)


@pytest.mark.parametrize(("text", "word", "caseless"), [
    ("my sister summer holidays were always in wales", "summer", True),
    ("my son will be there", "will", True),
    ("We went in Summer 2019.", "Summer", False),
    ("Last Summer was hot.", "Summer", False),
    ("It was the Summer Fair.", "Summer", False),
])
def test_a_season_or_a_verb_after_a_relation_stays(anon: Anonymiser, text: str, word: str, caseless: bool) -> None:
    assert not _touched(anon, text, word, caseless)


@pytest.mark.parametrize(("text", "title"), [
    ("And then one day, the pastor's wife, Mama Folasade, she smell it on me.", "Mama"),
    ("there was one nurse sister ramsbottom she's long retired now", "sister"),
])
def test_a_kin_or_role_title_goes_with_the_name_it_leads(anon: Anonymiser, text: str, title: str) -> None:
    """An elder's title of another language ("Mama Folasade") and a role's ("sister ramsbottom") are how the person is
    called, and go with the name (an English aunt's or uncle's word is cut: test_anonymise_kin_leads.py)."""
    assert _removed(anon, text, title, caseless=not text[:1].isupper())


# ------------------------------------------------------------------------- a short lower-case turn, typed speaker
def _typed_transcript(said: str) -> Transcript:
    turns = [("A", "So how was the day room that week?"), ("B", "Quiet, mostly. We sat and watched the telly."),
             ("A", "And who came to see you?"), ("B", said), ("A", "Right. And after that?"),
             ("B", "Nothing much, to be honest.")]
    return transcript_of("t1", [(speaker, speaker, text) for speaker, text in turns])


@pytest.mark.parametrize(("said", "name"), [("then mags came in", "mags"), ("auntie sunita rang", "sunita"),
                                            ("father keane said mass", "keane"), ("i told baker after", "baker")])
def test_a_short_turn_without_a_capital_in_a_typed_transcript(anon: Anonymiser, said: str, name: str) -> None:
    """The turn takes its typed speaker's casing, but with no capital anywhere it wrote no name with one."""
    proposals = anon.analyse(_typed_transcript(said)).proposals
    assert any(name in p.surface for p in proposals), [p.surface for p in proposals]


@pytest.mark.parametrize(("said", "name"), [
    ("she's at orchard grange now, the care home, and we moved her just before Diwali so it was a rush for all of "
     "us and nobody had the forms ready", "orchard grange"),
    ("then mags came in with the tea every morning and we watched Countdown with her most days after dinner and "
     "then she went home on the bus", "mags"),
])
def test_a_lower_case_turn_with_one_capitalised_word_reads_as_captions(anon: Anonymiser, said: str,
                                                                       name: str) -> None:
    """A typist capitalises a turn's first word; a turn begun in lower case with one capital in a hundred
    letters is lower-cased speech, and its names are read as in captions."""
    proposals = anon.analyse(_typed_transcript(said)).proposals
    assert any(name in p.surface for p in proposals), [p.surface for p in proposals]


@pytest.mark.parametrize("said", ["ok", "yeah that was it", "then the tea came in", "me and the lads"])
def test_a_short_everyday_turn_in_a_typed_transcript_stays(anon: Anonymiser, said: str) -> None:
    assert not anon.analyse(_typed_transcript(said)).proposals
