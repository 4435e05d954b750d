"""Stable identifiers: the same input gives the same id on every machine and run."""

from __future__ import annotations

import hashlib
import re

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def stable_id(prefix: str, *parts: object, length: int = 10) -> str:
    """A short content hash with a readable prefix, e.g. ``cod-3f9a1c2b7e``.

    Parts are joined with a separator that cannot occur in their ``str`` forms'
    boundaries ambiguously (the unit separator), so ("a", "bc") and ("ab", "c") differ.
    """
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"


def slugify(text: str, fallback: str = "item") -> str:
    slug = _SLUG_RE.sub("-", text.lower()).strip("-")
    return slug or fallback
