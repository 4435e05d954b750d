"""Listed bodies, charities, faiths and clubs whose names hold a word that is also a person's name.

"The Nuffield Trust", "the Paul Hamlyn Foundation", "the Terrence Higgins Trust", "the Howard League",
"Crewe Alexandra": a registered participant may share a word of such a name (a Ronan Nuffield, an Ede
Hamlyn), and the register layer and review, where registered names always win, used to take that word out
of the body's name and leave "the [name] Trust" where a reader needs the body. These names join the listed
public figures' full names of :func:`.public_figures.full_name_spans`, which both read.

The decision (see docs/privacy.md): a registered form that stands strictly inside one of these listed
names, said whole, may be the body's word there, but such a name holds a person's name and a registered name is
never judged "not the person" unasked: the occurrence is the reviewer's, with the listed name as its word reading
(:mod:`.register_eponyms`), where a registered "Gary" inside a public figure's "Gary Lineker" stays the figure's.
The person is still removed wherever the name is said on its own or as more than the listed phrase ("Nuffield rang
me back", "Kezia Rowntree from the food bank"), and a registered form that IS the whole listed phrase stays the
person's.

Only the lists of bodies, faiths, clubs and the shipped allow-list are read: titles of programmes and the
people list are not, as a title made of given names ("Gavin and Stacey") is too often a pair of people.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ..lookup import NameGate, by_first_letter
from .public_figures import _name_regex
from .public_names import public_names

_CLASSES = ("bodies", "faith", "clubs")
"""The public-name lists whose several-word entries are names of bodies, not of people or works."""


@cache
def listed_body_names() -> tuple[str, ...]:
    """The several-word names of listed bodies, charities, faiths and clubs, longest first."""
    text = resources.files("cmo_coder.data").joinpath("allowlist.txt").read_text(encoding="utf-8")
    allowed = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    names = {n for n in (*allowed, *(e for kind in _CLASSES for e in public_names(kind))) if " " in n.strip()}
    return tuple(sorted(names, key=lambda n: (-len(n), n.lower())))


@cache
def _pattern() -> re.Pattern[str]:
    body = by_first_letter((_name_regex(n) for n in listed_body_names()), ignore_case=True)
    return re.compile(r"(?<![\w'’-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


@cache
def _gate() -> NameGate:
    """Turns that cannot hold a listed body's name, told apart before :func:`_pattern` runs."""
    return NameGate(listed_body_names())


def listed_body_spans(text: str) -> list[tuple[int, int]]:
    """Where a listed several-word body's name stands in ``text`` (plain text: cased or captions)."""
    return [m.span() for m in _pattern().finditer(text)] if _gate().may_hold(text) else []
