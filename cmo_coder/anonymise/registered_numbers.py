"""A participant a team knows by a phone number: the number in the ways chats and transcripts write it.

A WhatsApp member whom the exporting phone had not saved appears under the number ("+44 7700 900123"), and a
team copies it into the manifest as the member's name or as an alias. A number finds a person as surely as a
name, so it is registered like one: the register layer proposes it and the sign-off proof refuses to store it,
in the renderings speech and chat give a number — international or national, in the groups people write UK
numbers in, or run together (spaces and hyphens between groups are read by :mod:`.renderings`). A form with no
letters yields no name forms, which is why a number needs forms of its own.
"""

from __future__ import annotations

import re

_SHAPE = re.compile(r"\+?[\d\s().\-]+")
_PLACEHOLDER = "[phone number]"


def digits_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def is_phone_number(name: str) -> bool:
    """Whether ``name`` is written as a phone number: digits with the separators numbers are written with, 7 to
    15 digits (ITU E.164 allows 15)."""
    s = name.strip()
    return bool(s) and _SHAPE.fullmatch(s) is not None and 7 <= len(digits_of(s)) <= 15


def _groups(national: str) -> list[str]:
    """A national number in the groups UK numbers are written in: 5 + 6 (mobiles, "07700 900123"), 5 + 3 + 3,
    4 + 3 + 4 ("0161 496 0000", "0800 123 4567"), 3 + 4 + 4 ("020 7946 0000")."""
    n = national
    return [n, f"{n[:5]} {n[5:]}", f"{n[:5]} {n[5:8]} {n[8:]}", f"{n[:4]} {n[4:7]} {n[7:]}",
            f"{n[:3]} {n[3:7]} {n[7:]}"]


def number_variants(name: str) -> tuple[str, ...]:
    """The number as written, run together, and for a UK number its national and international forms in the
    usual groups ("+44 7700 900123", "+447700900123", "07700 900123", "07700 900 123", "447700900123")."""
    written = " ".join(name.split())
    digits = digits_of(written)
    forms = [written, digits, f"+{digits}"]
    national = None
    if digits.startswith("44") and len(digits) >= 11:
        national = "0" + digits[2:]
    elif digits.startswith("0") and len(digits) >= 10:
        national = digits
    if national is not None:
        forms += _groups(national)
        forms += [f"+44 {g[1:]}" for g in _groups(national)]
        forms += [f"+44 (0){g[1:]}" for g in _groups(national)[1:]]
        forms += [f"44{national[1:]}", f"+44{national[1:]}"]
    return tuple(dict.fromkeys(f for f in forms if f.strip("+")))


def placeholder_for(name: str) -> str | None:
    """A registered number reads as "[phone number]" where it is removed, not as a person's name."""
    return _PLACEHOLDER if is_phone_number(name) else None
