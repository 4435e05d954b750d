"""Deterministic, versioned text normalisation shared by every reader.

Sources disagree on encodings, line endings, escapes and invisible characters; if
two imports of the same words could give different characters, offsets stored by
later stages would drift. So every reader funnels through these few functions, and
``NORMALISER_VERSION`` is stored with each transcript: bump it whenever output changes.
"""

from __future__ import annotations

import functools
import html
import html.entities
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import CmoError

NORMALISER_VERSION = "2"

#: Characters that carry no speech: zero-width marks, BOMs, soft hyphens, bidi controls, and
#: C0/C1 control characters except \t and \n (\r is folded away before this runs).
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)

#: WebVTT cue tags (<v Name>, <c.yellow>, <lang en>, <i>, </v>, timestamps <00:01.000>) and HTML-ish tags.
_TAG_RE = re.compile(r"</?[A-Za-z0-9_.:]+(?:\s[^<>]*)?>|<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>")


#: Numeric character references long enough to pass Python's int-conversion limit inside
#: ``html.unescape`` (thousands of digits raise ValueError there).
_LONG_CHARREF_RE = re.compile(r"&#(?:([0-9]{8,})|[xX]([0-9a-fA-F]{7,}))(;?)")


#: A character reference as the formats define it (WebVTT, XML, HTML5 outside legacy parsing): it ends in ";".
#: ``html.unescape`` alone also decodes HTML's legacy forms without one ("&lt", "&amp", "&copy"), which turned a
#: transcript's "&lt" or "R&Dcopy" into other text than was written.
_CHARREF_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def _decode_ref(m: re.Match[str]) -> str:
    """A numeric reference as ``html.unescape`` reads it; a named one only when the whole name is an entity's."""
    ref = m.group(0)
    if ref[1] == "#":
        return html.unescape(ref)
    return html.entities.html5.get(ref[1:], ref)


def _short_charref(m: re.Match[str]) -> str:
    """The same reference without leading zeros, or U+FFFD (what unescape gives) beyond U+10FFFF."""
    dec, hexa, semi = m.groups()
    digits = (dec or hexa).lstrip("0") or "0"
    if len(digits) > (7 if dec else 6):
        return "\ufffd"
    return f"&#{digits if dec else 'x' + digits}{semi}"


@dataclass
class Decoded:
    """Text of a source after decoding, with anything worth telling the user."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def looks_binary(data: bytes) -> bool:
    """NUL bytes never occur in the text formats we read (UTF-16 is recognised by its BOM first)."""
    return b"\x00" in data[:65536]


def decode(data: bytes, source: str) -> Decoded:
    """Strict UTF-8 (BOM stripped); UTF-16 with a BOM; cp1252 only as a recorded fallback.

    Line endings are folded to ``\\n`` here so every reader sees one convention.
    """
    warnings: list[str] = []
    if not data.strip():
        raise CmoError(f"{source}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, enc = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise CmoError(f"{source}: not valid UTF-16 at byte {exc.start}") from None
    else:
        if looks_binary(data):
            raise CmoError(f"{source}: binary data (NUL bytes), not a text transcript")
        try:
            text, enc = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError as exc2:
                line2 = data[: exc2.start].count(b"\n") + 1
                raise CmoError(
                    f"{source}: line {line2}: undecodable bytes (neither UTF-8 nor Windows-1252)"
                ) from None
            warnings.append(f"not valid UTF-8 (first bad byte on line {line}); decoded as Windows-1252")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text=text, encoding=enc, warnings=warnings)


def strip_tags(text: str) -> str:
    return _TAG_RE.sub("", text)


def clean(text: str) -> str:
    """Tags stripped, entities decoded, NFC, invisible and control characters dropped.

    Tags go before entities so that an escaped ``&lt;`` in speech is never taken for a tag.
    Newlines are kept: deciding what a newline means is the reader's job. Each step is
    skipped when it cannot apply (this runs once per cue: it is the hot path).
    """
    if "<" in text:
        text = _TAG_RE.sub("", text)
    if "&" in text:
        if "&#" in text:
            text = _LONG_CHARREF_RE.sub(_short_charref, text)
        text = _CHARREF_RE.sub(_decode_ref, text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE_RE.sub("", text)


def squash(text: str) -> str:
    """Cleaned text with caption line wraps (and any run of whitespace) folded to one space."""
    return " ".join(clean(text).split())


@functools.lru_cache(maxsize=4096)
def clean_name(name: str) -> str:
    """A speaker name as the source wrote it, made readable: entities decoded, spaces folded.

    A name that is nothing but an angle-bracketed phrase (``<Interviewer Name>``, a redacted
    speaker) keeps its brackets instead of vanishing as a tag.
    """
    out = squash(name)
    if not out and "<" in name:
        out = squash(name.replace("<", "&lt;"))
    return _unpaired_brackets_off(out)


_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def _unpaired_brackets_off(name: str) -> str:
    """``name`` without an opening bracket at its start that nothing closes, or a closing one at its end that
    nothing opened: a caption cue opening "(Mrs Jenkins: will you…" labels Mrs Jenkins, and the bracket kept in
    the label went into the import's advice and the manifest line a team copies ("(Mrs Jenkins"), a name no
    register entry matches. A bracket that pairs ("Amy Lo (RWT)") is the name's own and stays."""
    while len(name) > 1 and name[0] in _OPENERS and _OPENERS[name[0]] not in name:
        name = name[1:].lstrip()
    while len(name) > 1 and name[-1] in _CLOSERS and _CLOSERS[name[-1]] not in name:
        name = name[:-1].rstrip()
    return name
