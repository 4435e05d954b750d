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
  the document: a transcriber hides what should not be read;
* hyperlinks and smart tags are read as their shown text; an image's description (``wp:docPr/@descr``, its alt
  text) is an attribute and never read.

The import says that tracked changes, field codes, hidden text and alt text were there, by kind and count (never
by content: a warning is stored outside the secure folder).
"""

from __future__ import annotations

import re

from lxml import etree

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


def para_text(p: etree._Element) -> list[str]:
    """Text of a ``w:p`` as the changes would be accepted, with ``w:br`` and ``w:cr`` as ``\\n`` and tabs as
    ``\\t`` (as python-docx does). The tag filter runs in lxml, so only text, break, tab and field elements reach
    Python; a paragraph with nothing hidden (nearly all) takes one search more."""
    hidden = _hidden(p) if next(p.iter(*_HIDING), None) is not None else set()
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


def notes(document_xml: bytes) -> list[str]:
    """What the document held beyond its reading, by kind and count: tracked changes, field codes, alt text."""
    found = [f"{n} {what}" for what, pattern in _COUNTED.items() if (n := len(pattern.findall(document_xml)))]
    said = []
    if found:
        said.append(f"tracked changes read as accepted: {', '.join(found)}")
    if codes := len(_FIELD_CODES.findall(document_xml)):
        said.append(f"{codes} field code(s) not read as speech (their shown text is)")
    if hidden := len(_VANISHED.findall(document_xml)):
        said.append(f"{hidden} run(s) formatted as hidden text not read")
    if alt := len(_ALT_TEXT.findall(document_xml)):
        said.append(f"the alt text of {alt} image(s) not read")
    return said
