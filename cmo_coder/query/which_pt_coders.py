"""``which-pt --coder``: the answer restricted to some coders' codings.

Kept apart from the matching in :mod:`.which_pt`: the answer is computed as always, with
every match, and only then narrowed, so the filter cannot change how quotes are found.
"""

from __future__ import annotations

from collections.abc import Collection

from .which_pt import PTHit, QuoteMatch, WhichPtAnswer


def _pt_order(pt: str) -> tuple[int, str]:
    digits = "".join(ch for ch in pt if ch.isdigit())
    return (int(digits) if digits else 0, pt)


def _hits(matches: list[QuoteMatch]) -> list[PTHit]:
    groups: dict[str, list[QuoteMatch]] = {}
    for m in matches:
        groups.setdefault(m.pt, []).append(m)
    return [
        PTHit(pt=pt, components=list(dict.fromkeys(m.component for m in ms if m.component)),
              elements=list(dict.fromkeys(m.element for m in ms if m.element)),
              stances=list(dict.fromkeys(m.stance for m in ms)), codings=len(ms))
        for pt, ms in sorted(groups.items(), key=lambda kv: _pt_order(kv[0]))
    ]


def only_coders(answer: WhichPtAnswer, coding_ids: Collection[str], limit: int) -> WhichPtAnswer:
    """``answer`` (computed with no limit) keeping only the codings in ``coding_ids``, then cut to ``limit``."""
    kept = [m for m in answer.matches if m.coding_id in coding_ids]
    nearest = [m for m in answer.nearest if m.coding_id in coding_ids][:limit]
    return answer.model_copy(update={
        "coded": bool(kept), "total_matches": len(kept), "pts": _hits(kept), "matches": kept[:limit],
        "nearest": nearest,
    })
