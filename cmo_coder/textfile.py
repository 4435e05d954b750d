"""Read a user's text file (tables, marked-up notes) with errors that say what is wrong with it.

Transcripts have their own decoder (``ingest.normalise``) with a recorded cp1252 fallback;
files that users edit by hand are expected to be UTF-8 and are refused otherwise.
"""

from __future__ import annotations

from pathlib import Path

from .errors import CmoError


def read_user_text(path: Path, what: str) -> tuple[str, bytes]:
    """The decoded text (BOM stripped) and the raw bytes; ``what`` names the expected kind of file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CmoError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in data[:4096]:
        raise CmoError(f"{path}: looks like a binary file, not {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CmoError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from None
    if not text.strip():
        raise CmoError(f"{path}: the file is empty")
    return text, data
