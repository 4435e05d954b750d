"""The QDC codebook file (``urn:QDA-XML:codebook:1.0``), both directions.

Written from the same code tree as the project file, so a codebook shared alone and a
project exported later carry the same code GUIDs and importers can match them.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .. import __version__
from ..errors import CmoError
from ..model import Codebook
from ..store.atomic import write_bytes
from . import codetree
from .guids import guid, is_guid, normalise
from .model import QCode
from .qde_write import XML_DECLARATION, code_element
from .xmlsafe import local, parse_bytes

NS = "urn:QDA-XML:codebook:1.0"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def to_bytes(codebook: Codebook) -> bytes:
    tree = codetree.build(codebook)
    root = etree.Element(_q("CodeBook"), nsmap={None: NS}, origin=f"cmo-coder {__version__}")
    codes = etree.SubElement(root, _q("Codes"))
    for node in tree.roots:
        codes.append(code_element(node, _q))
    sets = etree.SubElement(root, _q("Sets"))
    for pt in codebook.programme_theories:
        s = etree.SubElement(sets, _q("Set"), guid=guid("set", pt.id), name=f"{pt.id} codes")
        d = etree.SubElement(s, _q("Description"))
        d.text = f"Codes of programme theory {pt.id}: {pt.title}"
        for g in tree.pt_sets[pt.id]:
            etree.SubElement(s, _q("MemberCode"), guid=g)
    return XML_DECLARATION + bytes(etree.tostring(root, xml_declaration=False, encoding="utf-8", pretty_print=True))


def write(codebook: Codebook, path: Path) -> None:
    write_bytes(Path(path), to_bytes(codebook))


def read_codes(root: etree._Element, where: str) -> list[QCode]:
    """Codes under a ``Codes`` element (QDC or QDE), flattened with their ancestors' names."""
    codes_el = next((c for c in root if local(c.tag) == "Codes"), None)
    if codes_el is None:
        raise CmoError(f"{where}: no Codes element in the codebook")
    out: list[QCode] = []

    def visit(el: etree._Element, parent: QCode | None) -> None:
        g, name = el.get("guid"), el.get("name")
        if not g or name is None:
            raise CmoError(f"{where}:{el.sourceline}: a Code without guid or name")
        if not is_guid(g):
            raise CmoError(f"{where}:{el.sourceline}: Code {name!r} has guid={g!r}, which is not a GUID")
        desc = next((c.text for c in el if local(c.tag) == "Description"), None)
        code = QCode(guid=normalise(g), name=name, codable=(el.get("isCodable", "true").lower() in ("true", "1")),
                     description=desc, parent=parent.guid if parent else None,
                     path=[*parent.path, parent.name] if parent else [])
        out.append(code)
        for child in el:
            if local(child.tag) == "Code":
                visit(child, code)

    for el in codes_el:
        if local(el.tag) == "Code":
            visit(el, None)
    return out


def read(path: Path) -> list[QCode]:
    data = Path(path).read_bytes()
    root = parse_bytes(data, str(path))
    if local(root.tag) != "CodeBook":
        raise CmoError(f"{path}: the root element is {local(root.tag)}, not CodeBook")
    return read_codes(root, str(path))
