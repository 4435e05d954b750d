"""Other spellings of a registered place that people and captions write: "St Brigid's" said "Saint Brigid's", typed
"St. Brigid's" or "St Brigids", captioned "saint brigids". A register holds the team's one spelling; the saint's
title in its three written forms and a possessive without its apostrophe name the same parish, care home or
school, and no one spelling may let the others through.

Written for the project from how UK place names after saints are written (the Ordnance Survey writes "St", Royal
Mail "St", churches and schools often "Saint"), and from caption files, which drop apostrophes.
"""

from __future__ import annotations

import re

_SAINT = re.compile(r"^(?:St\.?|Saint)\s+(?=\S)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


def place_spellings(form: str) -> list[str]:
    """``form`` and its other written forms: the saint's title as "St", "St." and "Saint", and each
    possessive with and without its apostrophe."""
    m = _SAINT.match(form)
    bases = [form] if m is None else [f"{title} {form[m.end():]}" for title in ("St", "St.", "Saint")]
    out = [form]
    for base in bases:
        out += [base, _POSSESSIVE.sub("s", base)]
    return list(dict.fromkeys(out))
