"""Clubs, pubs, churches and care homes named with ordinary words (issue #13, lower-cased captions): a place
said by its kind and then its name, care homes named like houses in a transcript about care homes, pubs known
by pub talk, saints' places by their possessive in captions, chapels by their biblical names. Every name
here is invented for these tests; the negatives are the same kinds said without a name ("the care home staff",
"a park view", "a pint at the match", "St Patrick's Day") and public places.
"""

from __future__ import annotations

import re

import pytest
from anon_support import as_captions
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.house_names import house_names
from cmo_coder.anonymise.layers.club_names import club_name_spans
from cmo_coder.anonymise.layers.kind_first import kind_first_spans
from cmo_coder.anonymise.layers.pub_talk import pub_talk_spans
from cmo_coder.anonymise.pipeline import Anonymiser


def _find(anon: Anonymiser, turns: list[str], caseless: bool) -> tuple[str, list[tuple[int, int]]]:
    text, segments = "", []
    for t in turns:
        if text:
            text += "\n\n"
        segments.append((len(text), len(text) + len(t)))
        text += t
    groups, _, _ = anon.find(text, segments, caseless=caseless)
    return text, [(min(c.start for c in g), max(c.end for c in g)) for g in groups]


def _uses(text: str, phrase: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\w']){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)]


def _all_removed(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> bool:
    """Every use of ``phrase`` lies wholly inside a redaction."""
    said = [as_captions(t) for t in turns] if caseless else turns
    text, spans = _find(anon, said, caseless)
    uses = _uses(text, as_captions(phrase) if caseless else phrase)
    assert uses, "the phrase must be said"
    return all(any(s <= a and b <= e for s, e in spans) for a, b in uses)


def _untouched(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> bool:
    said = [as_captions(t) for t in turns] if caseless else turns
    text, spans = _find(anon, said, caseless)
    uses = _uses(text, as_captions(phrase) if caseless else phrase)
    assert uses, "the phrase must be said"
    return not any(s < b and a < e for a, b in uses for s, e in spans)


# ------------------------------------------------------------------------- 1. the kind first, then the name
KIND_FIRST = [
    (["The care home, Hazel Mead, rang to say she'd had a fall."], "Hazel Mead"),
    (["Grandma's home, Quarry View, were good about visiting."], "Quarry View"),
    (["Our church, Sacred Heart, does a lunch on Fridays."], "Sacred Heart"),
    (["The chapel, Bethesda, was where they married."], "Bethesda"),
    (["The club, the Veterans, puts on a dance at New Year."], "Veterans"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "name"), KIND_FIRST)
def test_a_place_said_by_its_kind_then_its_name_is_removed(anon: Anonymiser, turns: list[str], name: str,
                                                            caseless: bool) -> None:
    assert _all_removed(anon, turns, name, caseless)


KIND_ALONE = [
    (["The care home staff were kind to her."], "care home staff"),
    (["My home town has changed a lot."], "home town"),
    (["The club the lads go to is shut now."], "the club the lads"),
    (["Our church roof needs fixing."], "church roof"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "phrase"), KIND_ALONE)
def test_a_kind_said_without_a_name_stays(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> None:
    assert _untouched(anon, turns, phrase, caseless)


def test_kind_first_spans_slice_to_the_name() -> None:
    text = "the care home hazel mead rang to say"
    assert [text[s:e] for s, e, _ in kind_first_spans(text, True)] == ["hazel mead"]
    assert kind_first_spans("the care home staff were kind", True) == []


# --------------------------------------------------------------- 2. care homes named like houses, said again
HOUSES = [
    (["Mum's been in a care home since May.", "Sorrel Court were brilliant when she fell.",
      "I ring Sorrel Court every night."], "Sorrel Court"),
    (["We looked round four nursing homes.", "In the end we picked Aspen Lodge because it was near."],
     "Aspen Lodge"),
    (["The residents had a singer in.", "Kingfisher House put it on their page."], "Kingfisher House"),
    (["We looked at care homes for months.", "The Gables were the kindest, so she went there."], "Gables"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "name"), HOUSES)
def test_a_house_shaped_name_in_a_transcript_about_care_homes_is_removed(anon: Anonymiser, turns: list[str],
                                                                         name: str, caseless: bool) -> None:
    assert _all_removed(anon, turns, name, caseless)


NOT_HOUSES = [
    (["She's in a care home now.", "He always wanted a house with a park view."], "a park view"),
    (["The residents love it.", "Grandad played on the tennis court there every summer."], "tennis court"),
    (["We talked about the nursing homes.", "Mum said kingfisher house music was too loud."], "music"),
    (["We talked about respite.", "The new house is lovely."], "new house"),
    (["She went in for respite.", "We sat under the willows by the river."], "willows"),
    (["He's in a nursing home.", "The limes along the avenue are coming down."], "limes"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "phrase"), NOT_HOUSES)
def test_a_kind_of_house_or_court_stays(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> None:
    assert _untouched(anon, turns, phrase, caseless)


def test_without_talk_of_care_homes_a_house_shaped_name_is_left_to_the_other_layers() -> None:
    text = "sorrel court were brilliant"
    assert house_names(text, [(0, len(text))], [True], [], []) == []
    text = "the residents said sorrel court were brilliant"
    assert [text[c.start:c.end] for c in house_names(text, [(0, len(text))], [True], [], [])] == ["sorrel court"]


# ----------------------------------------------------------------------------------- 3. pubs by pub talk
PUBS = [
    (["We always had a pint at the Ferryman after work."], "Ferryman"),
    (["The darts at the Ropemaker were on a Monday."], "Ropemaker"),
    (["The landlord of the Hare of Dunmore barred him."], "Hare of Dunmore"),
    (["I liked the Brackenwell, best pint round here."], "Brackenwell"),
    (["The Lockkeeper does a quiz on a Wednesday."], "Lockkeeper"),
    (["The Tumbler was our local when we lived there."], "Tumbler"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "name"), PUBS)
def test_a_pub_named_with_ordinary_words_beside_pub_talk_is_removed(anon: Anonymiser, turns: list[str], name: str,
                                                                     caseless: bool) -> None:
    assert _all_removed(anon, turns, name, caseless)


NOT_PUBS = [
    (["We'd have a pint at the match then walk back."], "the match"),
    (["Drinks at the weekend were his thing."], "the weekend"),
    (["The lads had a pint after the funeral."], "The lads"),
    (["The postman had a pint with us at Christmas."], "The postman"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "phrase"), NOT_PUBS)
def test_pub_talk_without_a_pub_name_stays(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> None:
    assert _untouched(anon, turns, phrase, caseless)


# ------------------------------------------------------------------------- 4. local clubs named after a place
CLUBS = [
    (["Grandad played snooker at the Holly Bank Club for years."], "Holly Bank"),
    (["She goes to the Tanner Lane Bowls Club on a Tuesday."], "Tanner Lane"),
    (["He plays for Sedge Rangers on a Sunday morning."], "Sedge"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "name"), CLUBS)
def test_a_local_club_named_after_a_place_is_removed(anon: Anonymiser, turns: list[str], name: str,
                                                     caseless: bool) -> None:
    assert _all_removed(anon, turns, name, caseless)


NOT_CLUBS = [
    (["The book club meets on a Monday."], "book club"),
    (["He joined the local bowls club when he retired."], "local bowls club"),
    (["She goes to the over sixties club at the hall."], "over sixties club"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "phrase"), NOT_CLUBS)
def test_a_club_said_by_its_kind_stays(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> None:
    assert _untouched(anon, turns, phrase, caseless)


# --------------------------------------------------------------- 5. saints' places and chapels in captions
CHURCHES = [
    (["St Illtyd's was packed for the funeral."], "St Illtyd's"),
    (["Her christening was St Gwens, same as mine."], "St Gwens"),
    (["They run a toddler group at Rehoboth Chapel."], "Rehoboth"),
    (["Dad sang in the choir at Salem Methodist Church."], "Salem"),
    (["They go to Hope Fellside Church every week."], "Hope Fellside"),
]


@pytest.mark.parametrize(("turns", "name"), CHURCHES)
def test_a_saints_place_or_a_chapel_in_captions_is_removed(anon: Anonymiser, turns: list[str], name: str) -> None:
    assert _all_removed(anon, turns, name, True)


NOT_CHURCHES = [
    (["We go out for St Patrick's Day every year."], "St Patrick's Day"),
    (["There's still hope for him, the chapel said a prayer."], "hope"),
    (["She took St John's wort for a while."], "St John's wort"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "phrase"), NOT_CHURCHES)
def test_saints_days_herbs_and_hope_stay(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> None:
    assert _untouched(anon, turns, phrase, caseless)


PUBLIC = [
    (["The Salvation Army band played carols outside the care home."], "Salvation Army"),
    (["He's supported Manchester United since he was five."], "Manchester United"),
]


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize(("turns", "phrase"), PUBLIC)
def test_public_churches_and_clubs_stay(anon: Anonymiser, turns: list[str], phrase: str, caseless: bool) -> None:
    assert _untouched(anon, turns, phrase, caseless)


# ------------------------------------------------------------------------------------------ 6. offsets
_FRAMES = ["the care home {} were lovely", "our church {} had a fete", "a pint at the {} on friday",
           "the {} bowls club", "plays for {} rangers",
           "the residents at {} court", "{} house rang me", "the {} does a quiz", "st {}'s was full"]
_NAMES = ["hazel", "quarrybank", "ferryman", "holy trinity", "ash", "oak lea", "brackenwell", "the", "x"]


@fuzz_settings(25)
@given(st.lists(st.tuples(st.sampled_from(_FRAMES), st.sampled_from(_NAMES)), min_size=1, max_size=4),
       st.sampled_from(["", " ", "yeah "]), st.booleans())
def test_every_span_slices_to_its_own_words(turns: list[tuple[str, str]], pad: str, cased: bool) -> None:
    said = [pad + (frame.format(name).title() if cased else frame.format(name)) for frame, name in turns]
    text = "\n".join(said)
    segments, pos = [], 0
    for t in said:
        segments.append((pos, pos + len(t)))
        pos += len(t) + 1
    for s, e, _ in kind_first_spans(text, not cased):
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip() and "\n" not in text[s:e]
    for s, e in club_name_spans(text, not cased):
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip() and "\n" not in text[s:e]
    for s, e in pub_talk_spans(text, not cased):
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip() and "\n" not in text[s:e]
    found = house_names(text, segments, [not cased] * len(said), [], [])
    for c in found:
        assert 0 <= c.start < c.end <= len(text) and "\n" not in text[c.start:c.end]
        assert text[c.start:c.end].split()[-1].lower() in {"court", "house", "lea", "lodge", "view", "mead"}
    assert house_names(text, segments, [not cased] * len(said), [], []) == found  # deterministic
