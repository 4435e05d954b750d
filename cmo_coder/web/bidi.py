"""Stored text on a page, isolated from what surrounds it, with its bidirectional controls shown.

A memo, a configuration's name, a quote or a surface a reviewer reads can hold Unicode's bidirectional
controls (a right-to-left override, U+202E, among them). Escaping keeps them from being markup, but not
from reordering: an override turns the text after it around, inside its element and, unless the element
is isolated, in the text beside it ("\u202Egnp.exe" reads "exe.png"). A reviewer who must read exact text
cannot then trust what they see. :func:`isolated` writes stored text inside ``<bdi>`` (so nothing inside
reorders what is outside), and each control inside its own isolated ``<span class="bidi-ctl">`` labelled
with its short name by the style sheet: the control stays in the text (a copy is exact) but reorders
nothing, and the reader sees that it is there.
"""

from __future__ import annotations

from markupsafe import Markup, escape

#: every bidirectional formatting character, with the short name the page shows for it
CONTROLS: dict[str, tuple[str, str]] = {
    "\u061c": ("ALM", "arabic letter mark"),
    "\u200e": ("LRM", "left-to-right mark"),
    "\u200f": ("RLM", "right-to-left mark"),
    "\u202a": ("LRE", "left-to-right embedding"),
    "\u202b": ("RLE", "right-to-left embedding"),
    "\u202c": ("PDF", "pop directional formatting"),
    "\u202d": ("LRO", "left-to-right override"),
    "\u202e": ("RLO", "right-to-left override"),
    "\u2066": ("LRI", "left-to-right isolate"),
    "\u2067": ("RLI", "right-to-left isolate"),
    "\u2068": ("FSI", "first strong isolate"),
    "\u2069": ("PDI", "pop directional isolate"),
}


def shown_controls(text: str) -> Markup:
    """``text`` escaped, each bidirectional control in an isolated span the style sheet labels."""
    out: list[str] = []
    for ch in text:
        control = CONTROLS.get(ch)
        if control is None:
            out.append(escape(ch))
        else:
            short, name = control
            out.append(f'<span class="bidi-ctl" data-ctl="{short}" title="U+{ord(ch):04X} {name}">{ch}</span>')
    return Markup("".join(out))


def controls(value: object) -> Markup:
    """The Jinja filter for a piece of one stored text (a context's stretch before a match): controls shown,
    not isolated, since the pieces read as one text; the element around them isolates it."""
    return shown_controls("" if value is None else str(value))


def isolated(value: object) -> Markup:
    """The Jinja filter for stored text shown as text: ``<bdi>`` around it, its controls shown."""
    text = "" if value is None else str(value)
    return Markup("<bdi>") + shown_controls(text) + Markup("</bdi>")
