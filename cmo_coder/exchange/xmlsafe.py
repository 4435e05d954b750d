"""A parser for untrusted QDE/QDC files: no DTDs, no entities, no network, UTF-8 only.

Exchange files arrive from other people's machines. A DOCTYPE is the door for XXE and
billion-laughs attacks, and REFI documents never need one, so any DOCTYPE or ENTITY
declaration is refused before lxml sees the bytes (the whole prologue is scanned, however
long), and the parsed tree is checked to carry no DTD; the parser loads no DTD and uses no
network. (lxml still expands *internal* entities with ``resolve_entities=False``, which is
why the refusal must come first.) REFI mandates UTF-8, and a UTF-16 file is refused rather than guessed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

from lxml import etree

from ..errors import CmoError

_DECL_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
PROLOGUE_BYTES = 65536
#: Comments before the root element may be long, but not endless.
MAX_PROLOGUE_BYTES = 16 * 1024 * 1024


def check_prologue(head: bytes, where: str) -> None:
    """Refuse non-UTF-8 encodings and any DTD in the bytes before the root element."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        raise CmoError(f"{where}: the XML is UTF-16; REFI-QDA files must be UTF-8")
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    m = _DECL_ENCODING.match(body)
    if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise CmoError(f"{where}: the XML declares encoding {m.group(1).decode(errors='replace')}; "
                       "REFI-QDA files must be UTF-8")


_REFUSED_DTD = ("the XML has a DOCTYPE or ENTITY declaration; refused (REFI-QDA needs none, "
                "and they are how XXE and billion-laughs attacks work)")


def read_prologue(read: Callable[[int], bytes], where: str) -> bytes:
    """Read up to the root element's ``<``, refusing any markup declaration on the way.

    Before the root element XML allows only the declaration, comments, processing
    instructions and white space; anything starting ``<!`` that is not a comment is a
    DOCTYPE (or worse). The whole prologue is scanned, however long its comments, so a
    DOCTYPE cannot hide behind one; lxml is given nothing until the prologue is known safe.
    """
    buf = b""
    pos = 0
    eof = False

    def more() -> bool:
        nonlocal buf, eof
        if eof:
            return False
        chunk = read(1 << 16)
        if not chunk:
            eof = True
            return False
        buf += chunk
        if len(buf) > MAX_PROLOGUE_BYTES:
            raise CmoError(f"{where}: more than {MAX_PROLOGUE_BYTES} bytes before the root element; refused")
        return True

    if not buf:
        more()
    if buf.startswith(b"\xef\xbb\xbf"):
        pos = 3
    while True:
        while pos < len(buf) and buf[pos] in b" \t\r\n":
            pos += 1
        if len(buf) - pos < 4 and more():
            continue
        rest = buf[pos:]
        if rest.startswith(b"<?") or rest.startswith(b"<!--"):
            closer = b"?>" if rest.startswith(b"<?") else b"-->"
            end = buf.find(closer, pos + 2)
            while end < 0:
                if not more():
                    return buf  # unterminated: lxml reports it with a line number
                end = buf.find(closer, pos + 2)
            pos = end + len(closer)
            continue
        if rest.startswith(b"<!"):
            raise CmoError(f"{where}: {_REFUSED_DTD}")
        return buf


def _no_doctype(tree: etree._ElementTree, where: str) -> None:
    """Belt and braces after parsing: the document must carry no DTD at all."""
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.system_url or info.public_id:
        raise CmoError(f"{where}: {_REFUSED_DTD}")


def _parser_kwargs() -> dict[str, bool]:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False,
            "huge_tree": False, "remove_blank_text": False}


def parse_bytes(data: bytes, where: str) -> etree._Element:
    """Parse a whole (small) document, e.g. a QDC codebook."""
    check_prologue(data[:PROLOGUE_BYTES], where)
    read_prologue(io.BytesIO(data).read, where)
    parser = etree.XMLParser(**_parser_kwargs())
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise CmoError(f"{where}:{line}:{col}: not well-formed XML: {exc.msg}") from None
    _no_doctype(root.getroottree(), where)
    return root


def iterparse(stream: IO[bytes] | Any, where: str) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs (``start``/``end``) from a large project file."""
    head = read_prologue(stream.read, where)
    check_prologue(head[:PROLOGUE_BYTES], where)

    class _Rewound:
        """Feed lxml the prologue we already read, then the rest of the stream."""

        def __init__(self) -> None:
            self.first = head

        def read(self, n: int = -1) -> bytes:
            if self.first:
                out, self.first = self.first, b""
                return out
            return bytes(stream.read(n if n and n > 0 else 1 << 20))

    checked = False
    try:
        for event, el in etree.iterparse(_Rewound(), events=("start", "end"), **_parser_kwargs()):
            if not checked:
                _no_doctype(el.getroottree(), where)
                checked = True
            yield event, el
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise CmoError(f"{where}:{line}:{col}: not well-formed XML: {exc.msg}") from None


def local(tag: object) -> str:
    """Local name of a tag: ATLAS.ti and NVivo disagree on namespaces, the names agree.

    An element whose prefix no ``xmlns`` declares (``<w:p>`` pasted into a QDE) reaches us as the tag
    ``w:p``, which ``etree.QName`` refuses with a ValueError that escaped the import; its local name is the
    part after the colon, as for any other prefix."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2] if tag.startswith("{") else tag.rpartition(":")[2]


def xml_text(value: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _ILLEGAL_XML.sub("", value)
