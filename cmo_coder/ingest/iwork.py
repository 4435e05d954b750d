"""Apple's iWork files (Pages, Numbers, Keynote): known, and refused with advice.

A transcript typed on a Mac is often saved by Pages. Its ``.pages`` file is a ZIP whose text is in Apple's private,
undocumented IWA format (Snappy-compressed protocol buffers) under ``Index/``; it was read as a broken Word document
("no word/document.xml in the archive"), which told the user nothing. A reader of a private format guessed from
its bytes could drop or invent words, which is a leak or a loss, so the file is named for what it is and the
export that Pages itself offers is advised.
"""

from __future__ import annotations

import io
import zipfile

#: Members only an iWork archive holds: the IWA index of Pages, Numbers and Keynote since 2013, and the XML of
#: Pages '09.
_IWORK_MEMBERS = ("Index/Document.iwa", "Index.zip", "index.xml")


def is_iwork(data: bytes) -> bool:
    """Whether ``data`` is an iWork document (a ZIP holding Apple's index); a damaged ZIP is no iWork file."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return any(m in names for m in _IWORK_MEMBERS) and "word/document.xml" not in names


ADVICE = ("an Apple Pages, Numbers or Keynote file, which is not read (its text is in Apple's private format); open it "
          "in Pages and choose File > Export To > Word (or Plain Text), then import the .docx or .txt")
