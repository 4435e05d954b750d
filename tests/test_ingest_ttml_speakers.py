"""TTML and DFXP files that say who speaks otherwise than by a paragraph's ``ttm:agent``: two agents' spans in one
paragraph (two speakers sharing a caption), and broadcast subtitles that mark each speaker by the text's colour and
write a name in the text only now and then."""

from __future__ import annotations

import html

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.ingest import canonical, detect
from cmo_coder.model import SourceFormat

_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" '
         'xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xml:lang="en">\n')


def _turns(data: str) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data.encode(), "t.ttml")
    assert parsed.format is SourceFormat.ttml
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]


def _p(i: int, body: str, attrs: str = "") -> str:
    return f'<p begin="00:00:{i:02d}.000" end="00:00:{i:02d}.900"{attrs}>{body}</p>\n'


def _colours(rows: list[tuple[str, str]], styled: bool = False) -> str:
    """Captions of (colour, text); ``styled`` gives each colour by a style in the head, not on the span."""
    styles = "".join(f'<style xml:id="{c}" tts:color="{c}"/>' for c in sorted({c for c, _ in rows}))
    ps = "".join(_p(i, f'<span style="{c}">{html.escape(t, quote=False)}</span>' if styled else
                    f'<span tts:color="{c}">{html.escape(t, quote=False)}</span>') for i, (c, t) in enumerate(rows))
    return (_HEAD + f"<head><styling>{styles}</styling></head>\n<body><div>\n{ps}</div></body></tt>\n")


def test_two_agents_in_one_paragraph_are_two_turns() -> None:
    agents = ('<head><metadata><ttm:agent xml:id="a1" type="person"><ttm:name type="full">Jordan Reyes</ttm:name>'
              '</ttm:agent><ttm:agent xml:id="a2" type="person"><ttm:name type="full">Priya Shah</ttm:name>'
              "</ttm:agent></metadata></head>\n")
    body = ('<span ttm:agent="a1">- Are you coming tonight?</span><br/><span ttm:agent="a2">- Yes, after work.</span>')
    data = _HEAD + agents + "<body><div>\n" + _p(0, body) + _p(1, "see you", ' ttm:agent="a1"') + "</div></body></tt>"
    assert _turns(data) == [("Jordan Reyes", "- Are you coming tonight?"), ("Priya Shah", "- Yes, after work."),
                            ("Jordan Reyes", "see you")]


def test_a_colour_named_once_names_its_later_captions() -> None:
    rows = [("white", "JORDAN REYES: Welcome to the meeting."), ("yellow", "PRIYA SHAH: Thanks for having me."),
            ("white", "Let's start with the bins."), ("yellow", "They were not collected again."),
            ("yellow", "Three weeks now."), ("white", "Noted.")]
    assert _turns(_colours(rows)) == [
        ("JORDAN REYES", "Welcome to the meeting."), ("PRIYA SHAH", "Thanks for having me."),
        ("JORDAN REYES", "Let's start with the bins."),
        ("PRIYA SHAH", "They were not collected again. Three weeks now."), ("JORDAN REYES", "Noted.")]


def test_colours_given_by_styles_read_the_same() -> None:
    rows = [("white", "JORDAN REYES: Welcome."), ("cyan", "PRIYA SHAH: Thanks."), ("white", "Go on."),
            ("cyan", "Right.")]
    assert _turns(_colours(rows, styled=True)) == _turns(_colours(rows)) == [
        ("JORDAN REYES", "Welcome."), ("PRIYA SHAH", "Thanks."), ("JORDAN REYES", "Go on."), ("PRIYA SHAH", "Right.")]


def test_a_colour_of_no_name_or_of_several_is_no_speaker_never_the_one_before() -> None:
    rows = [("white", "JORDAN REYES: Welcome."), ("white", "PRIYA SHAH: Thanks."), ("yellow", "Hello from the back."),
            ("white", "Who said that?")]
    assert _turns(_colours(rows)) == [("JORDAN REYES", "Welcome."), ("PRIYA SHAH", "Thanks."),
                                      (None, "Hello from the back. Who said that?")]


def test_one_colour_throughout_keeps_the_subrip_rules() -> None:
    rows = [("white", "JORDAN REYES: Welcome."), ("white", "Go on."), ("white", "PRIYA SHAH: Thanks.")]
    assert _turns(_colours(rows)) == [("JORDAN REYES", "Welcome. Go on."), ("PRIYA SHAH", "Thanks.")]


def test_agents_win_over_colours() -> None:
    agents = ('<head><metadata><ttm:agent xml:id="a1" type="person"><ttm:name type="full">Jordan Reyes</ttm:name>'
              "</ttm:agent></metadata></head>\n")
    body = (_p(0, '<span tts:color="white">hello</span>', ' ttm:agent="a1"')
            + _p(1, '<span tts:color="yellow">and more</span>', ' ttm:agent="a1"'))
    assert _turns(_HEAD + agents + "<body><div>\n" + body + "</div></body></tt>") == [("Jordan Reyes",
                                                                                        "hello and more")]


def test_a_label_opening_a_captions_second_line_is_a_second_turn() -> None:
    """Two speakers sharing a caption a line each: the second speaker's name was read as speech, into the text."""
    body = (_p(0, "JORDAN REYES: Are you coming tonight?<br/>PRIYA SHAH: Yes, after work.")
            + _p(1, "&gt;&gt; JORDAN REYES: Good.<br/>&gt;&gt; Priya Shah: See you."))
    assert _turns(_HEAD + "<body><div>\n" + body + "</div></body></tt>") == [
        ("JORDAN REYES", "Are you coming tonight?"), ("PRIYA SHAH", "Yes, after work."), ("JORDAN REYES", "Good."),
        ("Priya Shah", "See you.")]


def test_a_second_line_that_is_no_label_goes_on() -> None:
    body = (_p(0, "JORDAN REYES: We meet at<br/>10:30 on Monday<br/>so: bring the forms")
            + _p(1, "PRIYA SHAH: Fine."))
    assert _turns(_HEAD + "<body><div>\n" + body + "</div></body></tt>") == [
        ("JORDAN REYES", "We meet at 10:30 on Monday so: bring the forms"), ("PRIYA SHAH", "Fine.")]


_SAID = st.lists(st.sampled_from(["so", "we", "went", "to", "the", "clinic", "&", "a<b", "Zoë", "10:30"]),
                 min_size=1, max_size=6).map(lambda ws: " ".join(["so", *ws]))
_ROW = st.tuples(st.sampled_from(["white", "yellow", "cyan"]),
                 st.sampled_from([None, "JORDAN REYES", "PRIYA SHAH"]), _SAID)


@given(rows=st.lists(_ROW, min_size=1, max_size=12), styled=st.booleans())
@fuzz_settings(60)
@pytest.mark.fuzz
def test_fuzz_colour_marked_captions_keep_every_word_and_name_only_a_colours_one_name(
        rows: list[tuple[str, str | None, str]], styled: bool) -> None:
    data = _colours([(c, f"{who}: {said}" if who else said) for c, who, said in rows], styled=styled)
    turns = _turns(data)
    assert " ".join(s for _, s in turns).split() == " ".join(said for _, _, said in rows).split()
    named = {who for _, who, _ in rows if who}
    assert {who for who, _ in turns} <= named | {None}
