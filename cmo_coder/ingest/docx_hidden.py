"""Text a Word document holds beyond its plain reading, and what a transcript takes of it.

A transcript edited with Track Changes, a field, a content control or an image with a description holds text that
is not what the page shows. A transcript here is the text as the changes would be accepted:

* deleted text (``w:del``, ``w:delText``) and text moved away (``w:moveFrom``) are left out: a name a transcriber
  struck out must never reach the project; inserted and moved-to text (``w:ins``, ``w:moveTo``) is read, so speech
  typed in by the reviewer is never lost;
* a field's code (``w:instrText``, or any text between a field's ``begin`` and ``separate``) is no speech:
  "HYPERLINK mailto:…" is an instruction to Word; the field's result, what the page shows, is read
  (``w:fldSimple`` holds only its result as text);
* alternate content (``mc:AlternateContent``) is read once, by its ``mc:Fallback`` (the branch meant for a
  reader that understands none of the extensions, which is what a text reader is), or its first ``mc:Choice``
  where it has no fallback: Word writes the same text in both;
* a content control (``w:sdt``) is read as the text it shows, at a paragraph's level or around paragraphs, except
  its placeholder ("Click or tap here to enter text.") and a generated table of contents;
* text formatted as hidden (``w:vanish`` on a run: Word neither shows nor prints it) is left out, as a page shows
  the document: a transcriber hides what should not be read; so is text hidden by its style (``w:vanish`` set on
  a character or paragraph style in ``word/styles.xml``, or on a style it is based on), with Word's precedence:
  the run's own formatting, then its character style, then its paragraph's style (:class:`StyleHiding`);
* a deleted paragraph mark (``w:del`` in the paragraph mark's properties, ``w:pPr/w:rPr``) joins its paragraph to
  the next, as accepting the change does: the two are read as one paragraph, with nothing put between them;
* hyperlinks and smart tags are read as their shown text; an image's description (``wp:docPr/@descr``, its alt
  text) is an attribute and never read.

The import says that tracked changes, field codes, hidden text and alt text were there, by kind and count (never
by content: a warning is stored outside the secure folder).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .utterance import ParseError

RUN_CONTENT = ("{*}t", "{*}br", "{*}cr", "{*}tab", "{*}noBreakHyphen")
_AS_TEXT = {"br": "\n", "cr": "\n", "tab": "\t", "noBreakHyphen": "-"}
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: What a paragraph may hold whose text is not read (nearly every paragraph holds none: one search tells).
_HIDING = ("{*}txbxContent", "{*}del", "{*}moveFrom", f"{{{_MC_NS}}}AlternateContent", "{*}fldChar", "{*}sdt",
           "{*}vanish")
_OFF = ("0", "false", "off")
#: Containers a body paragraph may stand in (a content control around paragraphs, custom XML) and still be body.
BLOCK_WRAPPERS = {"sdt", "sdtContent", "customXml"}
_COUNTED = {
    "deletion(s) left out": re.compile(rb"<w:del\b[^>]*>\s*<w:r\b"),
    "insertion(s) kept": re.compile(rb"<w:ins\b[^>]*>\s*<w:r\b"),
    "move(s) read at their new place": re.compile(rb"<w:moveTo\b[^>]*>\s*<w:r\b"),
}
_FIELD_CODES = re.compile(rb"<w:instrText\b|<w:fldSimple\b")
_VANISHED = re.compile(rb"<w:r\b[^>]*>\s*<w:rPr>(?:(?!</w:rPr>).)*<w:vanish\s*/>", re.DOTALL)
_ALT_TEXT = re.compile(rb"<wp:docPr\b[^>]*\bdescr=\"[^\"]*\S[^\"]*\"")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _val(el: etree._Element, name: str) -> str:
    """A ``w:`` attribute by its local name (Word's transitional or strict namespace)."""
    for key, value in el.attrib.items():
        if _local(key) == name:
            return str(value)
    return ""


def placeholder(sdt: etree._Element) -> bool:
    """Whether a content control shows its placeholder (no one typed into it) or is a generated table of
    contents: its text is no speech."""
    props = next((child for child in sdt if _local(child.tag) == "sdtPr"), None)
    if props is None:
        return False
    if any(_local(el.tag) == "showingPlcHdr" for el in props.iter()):
        return True
    return any(_local(el.tag) == "docPartGallery" and "contents" in _val(el, "val").lower() for el in props.iter())


@dataclass(frozen=True)
class StyleHiding:
    """Which styles of a document hide their text: style id → hidden (True) or shown (False, a style that sets
    ``w:vanish w:val="0"`` over a hidden one it is based on); styles that say nothing are absent."""

    vanish: dict[str, bool] = field(default_factory=dict)
    default_paragraph: str | None = None

    def hides_anything(self) -> bool:
        return any(self.vanish.values())


NO_STYLES = StyleHiding()
_STYLE_DEPTH = 64  # basedOn chains in real documents are a few deep; a longer one (or a loop) is cut here


def style_hiding(styles_xml: bytes, source: str) -> StyleHiding:
    """The styles of ``word/styles.xml`` that hide text, through ``w:basedOn`` (cut at a loop). Parsed with no
    entities, DTD or network; a DOCTYPE is refused as in the document part."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(styles_xml, parser)
    except etree.XMLSyntaxError:
        return NO_STYLES  # a damaged styles part hides nothing we can know of; the text is read
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise ParseError(f"{source}: word/styles.xml declares a DOCTYPE (entities); Word never writes one, refusing")
    own: dict[str, bool] = {}
    based: dict[str, str] = {}
    default = None
    for style in root.iter("{*}style"):
        sid = _val(style, "styleId")
        if not sid:
            continue
        if _val(style, "type") == "paragraph" and _val(style, "default").lower() in ("1", "true", "on"):
            default = sid
        for child in style:
            name = _local(child.tag)
            if name == "basedOn":
                based[sid] = _val(child, "val")
            elif name == "rPr":
                v = next((el for el in child if _local(el.tag) == "vanish"), None)
                if v is not None:
                    own[sid] = _val(v, "val").lower() not in _OFF
    resolved: dict[str, bool] = {}
    for sid in set(own) | set(based):
        node: str | None = sid
        for _ in range(_STYLE_DEPTH):
            if node is None or node in own:
                break
            node = based.get(node)
        if node is not None and node in own:
            resolved[sid] = own[node]
    return StyleHiding(resolved, default)


def _style_hidden_runs(p: etree._Element, styles: StyleHiding) -> set[etree._Element]:
    """The run content of ``p`` its styles hide: a run's own ``w:vanish`` decides first (handled with the
    other hidden runs), then its character style, then the paragraph's style."""
    para_style = styles.default_paragraph
    props = next((c for c in p if _local(c.tag) == "pPr"), None)
    if props is not None:
        ps = next((c for c in props if _local(c.tag) == "pStyle"), None)
        if ps is not None:
            para_style = _val(ps, "val")
    para_hidden = styles.vanish.get(para_style or "", False)
    out: set[etree._Element] = set()
    for run in p.iter("{*}r"):
        rpr = next((c for c in run if _local(c.tag) == "rPr"), None)
        hidden = para_hidden
        if rpr is not None:
            if any(_local(c.tag) == "vanish" for c in rpr):
                continue  # the run's own formatting decides (:func:`_hidden`)
            rs = next((c for c in rpr if _local(c.tag) == "rStyle"), None)
            if rs is not None and _val(rs, "val") in styles.vanish:
                hidden = styles.vanish[_val(rs, "val")]
        if hidden:
            out.update(run.iter(*RUN_CONTENT))
    return out


def mark_deleted(p: etree._Element) -> bool:
    """Whether the paragraph's mark is a tracked deletion (``w:pPr/w:rPr/w:del``): accepted, the paragraph joins
    the next one."""
    props = next((c for c in p if _local(c.tag) == "pPr"), None)
    rpr = next((c for c in props if _local(c.tag) == "rPr"), None) if props is not None else None
    return rpr is not None and any(_local(c.tag) == "del" for c in rpr)


def _hidden(p: etree._Element) -> set[etree._Element]:
    """The run content of ``p`` that is not read: in text boxes, deletions and moves away, placeholders, and
    every branch of alternate content but the one read."""
    out: set[etree._Element] = set()
    for el in p.iter(*_HIDING):
        name = _local(el.tag)
        if name in ("txbxContent", "del", "moveFrom") or (name == "sdt" and placeholder(el)):
            out.update(el.iter(*RUN_CONTENT))
        elif name == "vanish":  # a run formatted as hidden text (its properties' parent is the run)
            props = el.getparent()
            run = props.getparent() if props is not None else None
            if run is not None and _local(run.tag) == "r" and _val(el, "val").lower() not in _OFF:
                out.update(run.iter(*RUN_CONTENT))
        elif name == "AlternateContent":
            branches = [b for b in el if _local(b.tag) in ("Choice", "Fallback")]
            fallback = [b for b in branches if _local(b.tag) == "Fallback"]
            read = fallback[0] if fallback else (branches[0] if branches else None)
            for b in branches:
                if b is not read:
                    out.update(b.iter(*RUN_CONTENT))
    return out


def para_text(p: etree._Element, styles: StyleHiding = NO_STYLES) -> list[str]:
    """Text of a ``w:p`` as the changes would be accepted, with ``w:br`` and ``w:cr`` as ``\\n`` and tabs as
    ``\\t`` (as python-docx does). The tag filter runs in lxml, so only text, break, tab and field elements reach
    Python; a paragraph with nothing hidden (nearly all) takes one search more."""
    hidden = _hidden(p) if next(p.iter(*_HIDING), None) is not None else set()
    if styles.hides_anything():
        hidden |= _style_hidden_runs(p, styles)
    parts: list[str] = []
    fields: list[bool] = []  # per open field: still in its code (before "separate")
    for el in p.iter(*RUN_CONTENT, "{*}fldChar", "{*}instrText"):
        name = _local(el.tag)
        if name == "fldChar":
            kind = _val(el, "fldCharType")
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = False
            elif kind == "end" and fields:
                fields.pop()
            continue
        if name == "instrText" or el in hidden or any(fields):
            continue
        if name == "t":
            if el.text:
                parts.append(el.text)
        else:
            parts.append(_AS_TEXT[name])
    return parts


_MARK_DELETED = re.compile(rb"<w:pPr>(?:(?!</w:pPr>).){0,4000}?<w:rPr>(?:(?!</w:rPr>).){0,1000}?<w:del\b", re.DOTALL)
_STYLE_REF = re.compile(rb"<w:(rStyle|pStyle) w:val=\"([^\"]{1,253})\"")


def notes(document_xml: bytes, styles: StyleHiding = NO_STYLES) -> list[str]:
    """What the document held beyond its reading, by kind and count: tracked changes, field codes, hidden text,
    alt text."""
    found = [f"{n} {what}" for what, pattern in _COUNTED.items() if (n := len(pattern.findall(document_xml)))]
    if joined := len(_MARK_DELETED.findall(document_xml)):
        found.append(f"{joined} deleted paragraph mark(s) (the paragraphs joined)")
    said = []
    if found:
        said.append(f"tracked changes read as accepted: {', '.join(found)}")
    if codes := len(_FIELD_CODES.findall(document_xml)):
        said.append(f"{codes} field code(s) not read as speech (their shown text is)")
    if hidden := len(_VANISHED.findall(document_xml)):
        said.append(f"{hidden} run(s) formatted as hidden text not read")
    if styles.hides_anything():
        refs = [(kind, sid.decode("utf-8", "replace")) for kind, sid in _STYLE_REF.findall(document_xml)]
        runs = sum(1 for kind, sid in refs if kind == b"rStyle" and styles.vanish.get(sid))
        paras = sum(1 for kind, sid in refs if kind == b"pStyle" and styles.vanish.get(sid))
        if runs or paras:
            said.append(f"text hidden by its style not read: {runs} run(s) of a hidden character style, {paras} "
                        "paragraph(s) of a hidden paragraph style")
    if alt := len(_ALT_TEXT.findall(document_xml)):
        said.append(f"the alt text of {alt} image(s) not read")
    return said
