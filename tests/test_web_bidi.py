"""Stored text on a page is isolated and its bidirectional controls are shown (cmo_coder/web/bidi.py)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from cmo_coder.web.bidi import CONTROLS, controls, isolated
from cmo_coder.web.pages import environment
from tests.fuzzing import fuzz_settings


def _text_of(html: str) -> str:
    """What a browser's text of the markup would be (tags gone, the five escapes read back)."""
    plain = re.sub(r"<[^>]*>", "", html)
    for escaped, char in (("&lt;", "<"), ("&gt;", ">"), ("&#34;", '"'), ("&#39;", "'"), ("&amp;", "&")):
        plain = plain.replace(escaped, char)
    return plain


def test_an_override_is_shown_and_isolated_alone_and_the_text_around_it_escaped() -> None:
    out = isolated('<b>x</b> & \u202egnp.exe')
    assert isinstance(out, Markup)
    assert out == ('<bdi>&lt;b&gt;x&lt;/b&gt; &amp; <span class="bidi-ctl" data-ctl="RLO" '
                   'title="U+202E right-to-left override">\u202e</span>gnp.exe</bdi>')
    assert controls("a\u2066b\u2069") == ('a<span class="bidi-ctl" data-ctl="LRI" title="U+2066 left-to-right isolate">'
                                         '\u2066</span>b<span class="bidi-ctl" data-ctl="PDI" '
                                         'title="U+2069 pop directional isolate">\u2069</span>')
    assert isolated(None) == "<bdi></bdi>"


def test_every_bidirectional_formatting_character_is_listed() -> None:
    """Unicode's Bidi_Class values of the explicit formatting characters (and the three marks)."""
    import unicodedata

    explicit = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
    found = {chr(c) for c in range(0x110000) if unicodedata.bidirectional(chr(c)) in explicit}
    marks = {"\u200e", "\u200f", "\u061c"}
    assert found | marks == set(CONTROLS)


@fuzz_settings(200)
@given(st.text())
def test_any_text_reads_back_exactly_and_holds_no_markup_of_its_own(text: str) -> None:
    out = str(isolated(text))
    assert _text_of(out) == text
    tags = re.findall(r"<[^>]*>", out)
    assert all(t in ("<bdi>", "</bdi>", "</span>") or t.startswith('<span class="bidi-ctl" data-ctl=')
               for t in tags)
    assert len([t for t in tags if t.startswith("<span")]) == sum(ch in CONTROLS for ch in text)


def test_the_templates_show_a_memo_and_a_surface_isolated() -> None:
    env = environment()
    page = env.from_string('<span class="memo">{{ memo|isolated }}</span> {{ kwic|controls }}').render(
        memo="<i>\u202egnp.exe", kwic="a\u202eb")
    rlo = '<span class="bidi-ctl" data-ctl="RLO" title="U+202E right-to-left override">\u202e</span>'
    assert page == f'<span class="memo"><bdi>&lt;i&gt;{rlo}gnp.exe</bdi></span> a{rlo}b'


def test_a_control_in_the_review_text_is_a_labelled_segment_of_its_own(tmp_path: Path) -> None:
    """On the review's transcript page the raw text is cut into segments that must keep their offsets: a control
    becomes a segment of its own, isolated and labelled, and the segments still tile the text exactly."""
    from cmo_coder.store import Project
    from tests.anon_support import add_pending, secure_folder
    from tests.web_review_support import KEY
    from tests.web_support import client_for, study_project, workbench_at

    path = study_project(tmp_path / "study")
    speech = [("SP9", "Margaret Okafor", "The file was called \u202egnp.exe and Maggie opened it.")]
    with Project.open(path) as p:
        sf = secure_folder(tmp_path, KEY)
        raw = add_pending(p, sf, "rlo-int", speech)
    from click.testing import CliRunner

    from cmo_coder.cli.main import cli

    assert CliRunner().invoke(cli, ["anonymise", str(path), "--secure", str(sf.path), "--rules-only"]).exit_code == 0
    page = client_for(workbench_at(path, "carol", sf.path)).get("/secure/review/rlo-int").text
    at = raw.text.index("\u202e")
    assert (f'<span class="seg bidi-ctl" data-s="{at}" data-e="{at + 1}" data-ctl="RLO">\u202e</span>') in page
    import html

    segs = re.findall(r'<span class="seg[^"]*" data-s="(\d+)" data-e="(\d+)"[^>]*>([^<]*)</span>', page)
    assert len(segs) > 3
    for s, e, shown in segs:  # every segment (plain, control or proposal) slices the raw text to what it shows
        assert raw.text[int(s):int(e)] == html.unescape(shown), (s, e, shown)
    spans = sorted((int(s), int(e)) for s, e, _ in segs if s != e)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no two overlap


def test_with_controls_tiles_the_text() -> None:
    from cmo_coder.web.long_turns import Piece, with_controls

    text = "a\u202ebc\u2066d"
    pieces = with_controls([Piece(10, 10 + len(text), text, None)], CONTROLS)
    assert [(p.start, p.end, p.text, p.control) for p in pieces] == [
        (10, 11, "a", None), (11, 12, "\u202e", "RLO"), (12, 14, "bc", None), (14, 15, "\u2066", "LRI"),
        (15, 16, "d", None)]
    marked = [Piece(0, 2, "x\u202e", {"id": "red-1"})]
    assert with_controls(marked, CONTROLS) == marked  # a control inside a proposal's mark stays in the mark
