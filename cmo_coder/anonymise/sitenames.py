"""Sites named in the participants key: a site's town is a place every transcript may say.

The manifest's ``site`` column holds a case-study letter ("C") or the name of the place the
study works in ("Bradford", "North Kirklees"). A named site is as identifying as a registered
place: people say where they are treated and live, in captions without a capital. Each named
site becomes a registered place, so it is redacted in any casing like every registered name.
"""

from __future__ import annotations

import re

from ..model.key import ParticipantKey
from .layers.labels import is_study_label
from .register import RegisterItem, plain_variants

_PARTS = re.compile(r"\s*(?:/|&|,|;|\band\b)\s*", re.IGNORECASE)


def named_site(site: str) -> bool:
    """A site value that names a place: a word of three letters or more, not a code ("C", "Site A")."""
    s = " ".join(site.split())
    if not s or is_study_label(s) or is_study_label(f"site {s}"):
        return False
    return any(len(w) >= 3 and w.isalpha() for w in re.split(r"[\s'’-]+", s))


def site_items(key: ParticipantKey, allow: set[str] | None = None) -> list[RegisterItem]:
    """One registered place per distinct named site (and per part of "Harrogate & Ripon"), in key order."""
    allow = allow or set()
    seen: dict[str, RegisterItem] = {}
    for entry in key.entries:
        if not entry.site or not named_site(entry.site):
            continue
        whole = " ".join(entry.site.split())
        for surface in dict.fromkeys([whole, *(p for p in _PARTS.split(whole) if p)]):
            low = surface.lower()
            if low in seen or low in allow or not named_site(surface):
                continue
            seen[low] = RegisterItem(key=f"site:{low}", surface=surface, category="place",
                                     variants=plain_variants(surface))
    return list(seen.values())
