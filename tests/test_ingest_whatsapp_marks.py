"""WhatsApp exports (``ingest/whatsapp.py``): what the left-to-right mark means on an iPhone, and an Android notice
that quotes a name holding ": ".

iPhone writes the app's own lines (attachments, omitted media, calls, notices) as messages whose text begins with
U+200E; a member's own text that begins with the mark (pasted from another chat) is speech and was dropped. An Android
notice has no sender, but one that quotes a group's name or subject holding ": " was read as a message of a member
named after the notice's first words."""

from __future__ import annotations

import pytest

from cmo_coder.ingest import detect
from cmo_coder.ingest.utterance import ParseError

LRM = "\u200e"
SECRET = "Zenobia Quartermaine"


def _ios(*messages: str) -> bytes:
    return "".join(f"[12/03/2025, 14:0{i}:11] {m}\n" for i, m in enumerate(messages)).encode()


def _android(*messages: str) -> bytes:
    return "".join(f"12/03/2025, 14:0{i} - {m}\n" for i, m in enumerate(messages)).encode()


def _turns(data: bytes) -> list[tuple[str | None, str]]:
    return [(u.speaker, u.text) for u in detect.parse(data, "chat.txt").utterances]


def test_a_members_text_that_begins_with_the_mark_is_speech() -> None:
    turns = _turns(_ios("Marcus Hale: see you there", f"Biddy Ward: {LRM}I'll bring the flask", "Marcus Hale: ok"))
    assert turns == [("Marcus Hale", "see you there"), ("Biddy Ward", "I'll bring the flask"), ("Marcus Hale", "ok")]


@pytest.mark.parametrize("said", [
    f"{LRM}<attached: 00000012-PHOTO-2025-03-12-14-02-11.jpg>", f"{LRM}image omitted", f"{LRM}audio omitted",
    f"{LRM}This message was deleted.", f"{LRM}Missed voice call", f"{LRM}Location: https://maps.google.com/?q=51.3,1.4",
    f"{LRM}Contact card omitted", f"{LRM}{SECRET} joined using this group's invite link",
])
def test_the_apps_own_lines_marked_on_a_members_message_are_left_out(said: str) -> None:
    turns = _turns(_ios("Marcus Hale: morning", f"Biddy Ward: {said}", "Biddy Ward: hiya"))
    assert turns == [("Marcus Hale", "morning"), ("Biddy Ward", "hiya")]


def test_the_chats_own_notices_in_any_language_are_left_out_by_their_sender() -> None:
    turns = _turns(_ios(f"Thanet Peers: {LRM}Les messages et les appels sont chiffrés de bout en bout.",
                        f"Thanet Peers: {LRM}Marcus a ajouté {SECRET}", "Marcus Hale: welcome all",
                        "Biddy Ward: hello"))
    assert turns == [("Marcus Hale", "welcome all"), ("Biddy Ward", "hello")]


def test_an_edited_messages_mark_is_taken_off_its_text() -> None:
    turns = _turns(_ios("Marcus Hale: see you at ten", f"Biddy Ward: at the café {LRM}<This message was edited>"))
    assert turns[-1] == ("Biddy Ward", "at the café")


@pytest.mark.parametrize("notice", [
    f'Jordan Reeve created group "Peer support: {SECRET}"',
    f'Jordan Reeve changed the subject from "PrEP group" to "PrEP: {SECRET}"',
    f'Jordan Reeve changed the group name from "x" to "Brighton: {SECRET}"',
    f"Ali Hinge changed the subject from \u201cold\u201d to \u201cnew: {SECRET}\u201d",
])
def test_an_android_notice_quoting_a_name_with_a_colon_is_no_message(notice: str) -> None:
    turns = _turns(_android(notice, "Jordan Reeve: hi all", "Ali Hinge: hiya"))
    assert turns == [("Jordan Reeve", "hi all"), ("Ali Hinge", "hiya")]
    assert all(SECRET not in said for _, said in turns)


def test_a_contact_saved_with_a_nickname_in_quotes_still_speaks() -> None:
    turns = _turns(_android('Jo "JJ" Smith: on my way', "Ali Hinge: great"))
    assert turns == [('Jo "JJ" Smith', "on my way"), ("Ali Hinge", "great")]


def test_a_chat_of_a_quoted_notice_alone_has_no_message() -> None:
    with pytest.raises(ParseError, match="no message of a member"):
        detect.parse(_android('Jordan created group "a: b"', "Jordan added Sam"), "chat.txt")


def test_a_notice_of_the_chat_in_another_language_is_known_by_the_member_it_names_first() -> None:
    """Found by the WhatsApp fuzz target: the chat's one notice, in French, where the export's opening notice was
    cut, was read as speech of a sender called by the group's name."""
    turns = _turns(_ios("Jordan: so", f"Group: {LRM}Jordan a ajouté {SECRET}", "Jordan: right"))
    assert turns == [("Jordan", "so"), ("Jordan", "right")]


def test_one_marked_message_of_a_sender_known_by_nothing_else_is_read_as_speech() -> None:
    """The case no mark decides: one marked message in another language, from a sender who writes nothing else, in
    an export whose opening notice was cut. It is read, as a turn of that sender: a member's speech lost would go
    unseen, while a notice read as a turn is seen in review and its words are anonymised as speech is."""
    turns = _turns(_ios("Zoë Müller: so", f"Thanet Peers: {LRM}Sam a ajouté Jordan", "Zoë Müller: right"))
    assert ("Thanet Peers", "Sam a ajouté Jordan") in turns
