"""XML from someone else's machine, parsed so that it can do no harm: the one way the XML readers parse.

No DTD is loaded, no entity is expanded, nothing is fetched, and a file with a ``<!DOCTYPE`` or ``<!ENTITY`` (how
billion-laughs and external-entity attacks work; neither captions nor annotation files need one) is refused before
the parser sees it. libxml2's own limits refuse nesting deeper than 256 elements and text nodes over 10 MB;
comments and processing instructions are dropped. Every refusal names the file (and the line where XML breaks).
"""

from __future__ import annotations

import re

from lxml import etree

from .utterance import ParseError, excerpt

_DTD_RE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def parse(data: bytes, source: str, what: str) -> etree._Element:
    """The root element of ``data``; ``what`` names the kind of file in the refusal of a DTD ("captions")."""
    if _DTD_RE.search(data.replace(b"\x00", b"")):
        raise ParseError(f"{source}: the XML has a DOCTYPE or ENTITY declaration; refused ({what} need none, and "
                         "they are how entity-expansion and external-entity attacks work)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 0
        raise ParseError(f"{source}: line {line}: not well-formed XML: {excerpt(str(exc.msg), 120)}") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise ParseError(f"{source}: the XML has a DOCTYPE; refused")
    return root
