"""A parser for untrusted QDE/QDC files: no DTDs, no entities, no network, UTF-8 only.

Exchange files arrive from other people's machines. A DOCTYPE is the door for XXE and
billion-laughs attacks, and REFI documents never need one, so any DOCTYPE or ENTITY
declaration is refused before lxml sees the bytes; the parser is configured to resolve
nothing anyway. REFI mandates UTF-8, and a UTF-16 file is refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from ..errors import CmoError

_DECL_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_DANGEROUS = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
PROLOGUE_BYTES = 65536


def check_prologue(head: bytes, where: str) -> None:
    """Refuse non-UTF-8 encodings and any DTD in the bytes before the root element."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        raise CmoError(f"{where}: the XML is UTF-16; REFI-QDA files must be UTF-8")
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    m = _DECL_ENCODING.match(body)
    if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise CmoError(f"{where}: the XML declares encoding {m.group(1).decode(errors='replace')}; "
                       "REFI-QDA files must be UTF-8")
    # everything before the first element that is not a declaration, comment or PI
    root = re.search(rb"<[A-Za-z_]", body)
    prologue = body[: root.start()] if root else body
    if _DANGEROUS.search(prologue):
        raise CmoError(f"{where}: the XML has a DOCTYPE or ENTITY declaration; refused (REFI-QDA needs none, "
                       "and they are how XXE and billion-laughs attacks work)")


def _parser_kwargs() -> dict[str, bool]:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False,
            "huge_tree": False, "remove_blank_text": False}


def parse_bytes(data: bytes, where: str) -> etree._Element:
    """Parse a whole (small) document, e.g. a QDC codebook."""
    check_prologue(data[:PROLOGUE_BYTES], where)
    parser = etree.XMLParser(**_parser_kwargs())
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise CmoError(f"{where}:{line}:{col}: not well-formed XML: {exc.msg}") from None


def iterparse(stream: IO[bytes] | Any, where: str) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs (``start``/``end``) from a large project file."""
    head = stream.read(PROLOGUE_BYTES)
    check_prologue(head, where)

    class _Rewound:
        """Feed lxml the prologue we already read, then the rest of the stream."""

        def __init__(self) -> None:
            self.first = head

        def read(self, n: int = -1) -> bytes:
            if self.first:
                out, self.first = self.first, b""
                return out
            return stream.read(n if n and n > 0 else 1 << 20)

    try:
        yield from etree.iterparse(_Rewound(), events=("start", "end"), **_parser_kwargs())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise CmoError(f"{where}:{line}:{col}: not well-formed XML: {exc.msg}") from None


def local(tag: object) -> str:
    """Local name of a tag: ATLAS.ti and NVivo disagree on namespaces, the names agree."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def xml_text(value: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _ILLEGAL_XML.sub("", value)
