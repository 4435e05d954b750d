"""Stored text on a page is isolated and its bidirectional controls are shown (cmo_coder/web/bidi.py)."""

from __future__ import annotations

import re

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
