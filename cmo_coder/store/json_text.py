"""The secure folder's JSON files as text, each top-level entry written once while it stays the same.

Why: the redaction key and the kept occurrences are one JSON object of every signed-off transcript, read, given
one more entry and written whole, indented, at each sign-off. Python writes indented JSON with its pure-Python
encoder, so ``review --sign-off`` of n transcripts wrote some n²/2 transcripts' entries. Here the text of each
top-level entry is kept with a :mod:`marshal` snapshot of its value, and reused while a new value's snapshot is
byte for byte the same (equal values of the same types, in the same order: the same text). The file's text is
exactly ``json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)``; ``tests/test_store_json_text.py``
checks that on generated data. Anything else (keys that are not all strings, values marshal cannot take) is
written by ``json.dumps`` itself.
"""

from __future__ import annotations

import json
import marshal
from typing import Any


def plain(data: Any) -> str:
    """The text the secure folder has always written."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)


class EntryTexts:
    """Kept texts of one file's top-level entries: key → (marshal snapshot of the value, its indented text)."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[bytes, str]] = {}

    def dumps(self, data: Any) -> str:
        """:func:`plain` of ``data``, reusing each top-level entry's text while its value is unchanged."""
        if not isinstance(data, dict) or not data or not all(type(k) is str for k in data):
            return plain(data)
        parts = []
        kept: dict[str, tuple[bytes, str]] = {}
        for key in sorted(data):
            value = data[key]
            try:
                snapshot = marshal.dumps(value)
            except ValueError:  # a type marshal cannot take: no reuse for this entry
                parts.append(f"  {json.dumps(key, ensure_ascii=False)}: {_nested(plain(value))}")
                continue
            old = self._kept.get(key)
            text = old[1] if old is not None and old[0] == snapshot else _nested(plain(value))
            kept[key] = (snapshot, text)
            parts.append(f"  {json.dumps(key, ensure_ascii=False)}: {text}")
        self._kept = kept  # only what this text holds: an entry dropped from the file is dropped here too
        return "{\n" + ",\n".join(parts) + "\n}"


def _nested(text: str) -> str:
    """A value's indented text one level deeper: JSON text holds a line break only between its tokens (a string's
    own line breaks are written ``\\n``), so each break is followed by two more spaces."""
    return text.replace("\n", "\n  ")
