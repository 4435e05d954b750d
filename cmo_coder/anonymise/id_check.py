"""Transcript ids and source names read as file names are: for names and places nobody registered.

A transcript's id is made from its file's name, and a QDPX export writes it as a source's ``name`` and in the
source's ``Description``. The leak check reads every text for registered and accepted names; an id is no
speech, though: "Interview-with-Sarah-Pennington-Ryde" joins its words with hyphens the name patterns do not
cross, and a name nobody registered or accepted is in no pattern at all. So the leak check reads each id and
source name a second way: its separators read as spaces, for the register's and review's forms, and word by
word with the import's own reading of a file name (:func:`..ingest.stem_lexicon.stem_holds_name`: the name
lexicon, the place lists, a capitalised word no dictionary holds). Every hit names its place (the table and
row, or the QDPX member and the element), so the id can be mended (``cmo-coder transcripts rename``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SEPARATORS = re.compile(r"[_.\-]+")
_SOURCE_TAGS = ("TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource")


def spaced(name: str) -> str:
    """``name`` with its separators read as spaces (same length, so offsets hold): "Sarah-Pennington"."""
    return _SEPARATORS.sub(lambda m: " " * len(m.group(0)), name)


def project_ids(conn: object) -> Iterator[tuple[str, str]]:
    """``(where, value)`` for every transcript id and title in the project, in id order."""
    rows = conn.execute("SELECT id, title FROM transcripts ORDER BY id")  # type: ignore[attr-defined]
    for tid, title in rows:
        yield f"transcripts.id#{tid}", tid
        if isinstance(title, str) and title != tid:
            yield f"transcripts.title#{tid}", title


def qde_names(data: bytes, member: str) -> Iterator[tuple[str, str]]:
    """``(where, value)`` for each source's ``name`` and each transcript id a source's ``Description`` carries,
    in a QDPX's ``project.qde``; ``where`` names the element by its guid."""
    from ..exchange.qde_write import CMO_SOURCE_MARK  # the mark the export writes: one definition of it
    from ..ingest.safe_xml import parse

    root = parse(data, member, "a REFI-QDA project")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = el.tag.rsplit("}", 1)[-1]
        if local not in _SOURCE_TAGS:
            continue
        guid = el.get("guid") or "?"
        name = el.get("name")
        if name:
            yield f"{local}[{guid}]@name", name
        for child in el:
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "Description":
                text = child.text or ""
                if text.startswith(CMO_SOURCE_MARK):
                    yield f"{local}[{guid}]/Description", text[len(CMO_SOURCE_MARK):].split(";", 1)[0]
