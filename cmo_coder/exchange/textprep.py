"""The text written for a source and the offset function that points into it.

The project stores code points over LF text. The REFI profile writes that text NFC and
counts code points; the NVivo profile writes CR LF and counts UTF-16 units, which is what
NVivo itself does. Every span is re-read from the written text and compared before a
single offset reaches the XML, so a wrong offset fails the export instead of shipping.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..errors import CmoError
from .offsets import CrlfIndex, Utf16Index, astral_count, nfc, rewrite_segments, to_crlf


class Profile(StrEnum):
    """``refi``: code points, LF (the standard). ``nvivo``: UTF-16 units, CR LF (what NVivo counts).
    ``qualcoder``: the text and offsets of ``refi``; the writer leaves out what QualCoder misreads
    (see ``Profile.turn_selections``)."""

    refi = "refi"
    nvivo = "nvivo"
    qualcoder = "qualcoder"

    @property
    def code_points(self) -> bool:
        return self is not Profile.nvivo

    @property
    def turn_selections(self) -> bool:
        """Whether each turn is written as an uncoded selection for its Case's SelectionRef.

        QualCoder ignores a named Case's SelectionRefs and imports every uncoded selection as an
        empty annotation (observed: 396 on the sample study), so its profile leaves them out.
        """
        return self is not Profile.qualcoder

    @property
    def note_files(self) -> bool:
        """Whether configuration and project notes keep their text in ``sources/<GUID>.txt``.

        QualCoder imports a Note (as a journal) only from such a file, never from
        PlainTextContent, and aborts the whole import on two journals of the same name.
        """
        return self is Profile.qualcoder


@dataclass
class PreparedText:
    written: str  # exactly the characters of the .txt file
    profile: Profile
    lf_text: str
    boundary_map: dict[int, int]
    astral: int
    _crlf: CrlfIndex | None = None
    _u16: Utf16Index | None = None
    _u16_bytes: bytes | None = None

    def position(self, cp: int) -> int:
        """Offset in the profile's unit of a code-point offset of the stored text."""
        lf = self.boundary_map[cp]
        if self.profile.code_points:
            return lf
        assert self._crlf is not None and self._u16 is not None
        return self._u16.to_utf16(self._crlf.to_crlf(lf))

    def check(self, start: int, end: int, quote: str, where: str) -> tuple[int, int]:
        """Positions of a span, after proving they slice the written text to the quote."""
        s, e = self.position(start), self.position(end)
        if self.profile.code_points:
            got = self.written[s:e]
            want = nfc(quote)
        else:
            assert self._u16_bytes is not None
            got = self._u16_bytes[2 * s : 2 * e].decode("utf-16-le")
            want = to_crlf(nfc(quote))
        if unicodedata.normalize("NFC", got) != want:
            raise CmoError(f"{where}: offsets [{s}, {e}) read {got[:40]!r} in the written text, not {want[:40]!r}; "
                           "export stopped")
        return s, e


def prepare(text: str, boundaries: Iterable[int], profile: Profile) -> PreparedText:
    lf_text, mapping = rewrite_segments(text, boundaries, nfc)
    prepared = PreparedText(written=lf_text, profile=profile, lf_text=lf_text, boundary_map=mapping,
                            astral=astral_count(lf_text))
    if profile is Profile.nvivo:
        crlf = to_crlf(lf_text)
        prepared.written = crlf
        prepared._crlf = CrlfIndex(lf_text)
        prepared._u16 = Utf16Index(crlf)
        prepared._u16_bytes = crlf.encode("utf-16-le")
    return prepared
