"""Care agencies by their trading names: "carewell home care", "Brightside Homecare", "Oakleaf Care Services",
"Meadow Nursing Agency".

The agency that sends carers into a home is named in nearly every interview about care at home, by one or two
words and what it does: it identifies the area and, with the visits described, the person. Captions give the
model no capital to read it by, so the name went unread, or only its first word went ("[place] homecare").

The head is one of the words such agencies trade under (:data:`_HEAD`); the words before it must be able to name
a local body (:func:`.naming.name_before`: a word of proper-name kind or a naming noun, never a kind, a stop word
or an ordinary adjective), so "council home care", "private home care", "lovely home care", "the care services"
and "social care services" say what kind of care it was and stay. Heads and rules written for the project.
"""

from __future__ import annotations

import re

from .naming import name_before

_HEAD = re.compile(r"(?i)(?<![\w'’-])(?:home[ \t]?care|domiciliary[ \t]+care|care[ \t]+(?:services|agency|ltd|limited)|"
                   r"nursing[ \t]+agency)(?![\w'’-])")
"""What a care agency trades as, after its name."""
_WORDS_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’]*)(?:[ \t]+([A-Za-z][A-Za-z'’]*))?[ \t]+$")
"""The one or two words straight before the head, on the same line."""
REASON = "a care agency named by its trading name and what it does"


def care_agency_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of care agencies named before their head (module doc), the name and the head together."""
    if "care" not in text.lower() and "agency" not in text.lower():
        return []
    out: list[tuple[int, int]] = []
    for m in _HEAD.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        words = [w for w in before.groups() if w]
        n = name_before(words, caseless)
        if n == 0:
            continue
        first = before.start(2) if n == 1 and before.group(2) else before.start(1)
        out.append((first, m.end()))
    return out
