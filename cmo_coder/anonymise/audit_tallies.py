"""The tallies an audit row holds: words the program wrote, not words anyone said.

Signing a transcript off records, in its audit row, how many redactions each layer made and of which category
(``{"by_category": {"dob": 1, "person": 7}, "by_layer": {"register": 8, "rules": 5}}``). Those keys are the
program's own vocabulary, but the leak check reads every text value of the project, and a registered Robert's
familiar form "Dob" matched the category ``dob`` (a date of birth): every study that registered a Robert and
removed a date of birth failed its leak check on its own audit record, a leak nobody could act on. The keys are
excused only where they stand as keys of those two tallies and are the program's own names (a placeholder
category, or a layer's identifier); any other word of the row is checked as before.
"""

from __future__ import annotations

import re

from .placeholders import BY_CATEGORY

TALLIES = ("by_category", "by_layer")
"""The tallies :func:`.review.sign_off` writes into an ``anonymise`` audit row."""

_TALLY = re.compile(r'"(' + "|".join(TALLIES) + r')"\s*:\s*\{([^{}]*)\}')
_KEY = re.compile(r'"([a-z][a-z_]*)"\s*:')


def _own(tally: str, key: str) -> bool:
    """A category the placeholders name, or (for the layers' tally) an identifier a layer is named by."""
    if tally == "by_category":
        return key in BY_CATEGORY
    return True


def tally_key_spans(text: str) -> list[tuple[int, int]]:
    """Where in an audit row's ``text`` the program's own tally keys stand: the span of each key's word."""
    spans = []
    for tally in _TALLY.finditer(text):
        inner = tally.start(2)
        for key in _KEY.finditer(tally.group(2)):
            if _own(tally.group(1), key.group(1)):
                spans.append((inner + key.start(1), inner + key.end(1)))
    return spans
