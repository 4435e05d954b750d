"""One placeholder for one person: removals of a name said in parts are joined where they touch.

The layers find a name in pieces when it is typed unevenly: "Kemi adebayo" gives the given name to
the model and the lower-case surname to the rule that takes the word after a found name, and each
piece is its own proposal (so that accepting "Kemi" still reaches every other "Kemi" in the
study). Applied one by one they read "[name removed] [name removed]", which tells a reader that
two words of a name stood there and looks like two people. Here, only when the text is put
together (sign-off and its preview), removals of people that stand side by side, with nothing but
spaces between them on one line of one turn and the same placeholder, become one removal.

The decisions stay on the proposals; only the stretch that is replaced changes, so the redaction
key records the joined original and the leak check reads the same text sign-off wrote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Proposal

Span = tuple[int, int, str]
_GAP = re.compile(r"[ \t\u00a0]+")
"""What may lie between two pieces of one name: spaces on one line. Not a line break (a new caption
line or paragraph may start a new person), a comma ("Kemi, Will") or "and"."""


def _same_turn(segments: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return not segments or any(s <= start and end <= e for s, e in segments)


def join_people(text: str, segments: Sequence[tuple[int, int]],
                entries: Sequence[tuple[Proposal, Span]]) -> list[tuple[list[Proposal], Span]]:
    """``entries`` (proposal, its replacement span) as runs: each run is replaced as one span.

    A run grows while the next entry is a person with the same placeholder, the text between is
    spaces only, and both lie in one turn. An undecided item shown in a preview (``⟦?…⟧``) is never
    joined: it is decided on its own. Spans are returned in text order and never overlap.
    """
    runs: list[tuple[list[Proposal], Span]] = []
    for p, (s, e, rep) in sorted(entries, key=lambda x: (x[1][0], x[1][1])):
        if runs:
            members, (rs, re_, rrep) = runs[-1]
            last = members[-1]
            if (p.category == "person" and last.category == "person" and rep == rrep
                    and not rep.startswith("⟦") and re_ < s and _GAP.fullmatch(text, re_, s)
                    and _same_turn(segments, rs, e)):
                runs[-1] = ([*members, p], (rs, e, rep))
                continue
        runs.append(([p], (s, e, rep)))
    return runs
