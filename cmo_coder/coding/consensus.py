"""Two coders, one consensus: agreements merged at once, differences decided one by one by a lead.

Double coding is only useful if it ends in one set of codings the analysis can rest on.
``code consensus`` compares the codings of two coders and writes the result as the
codings of a third, *consensus* coder, so every report can be run on it alone
(``--coder consensus``) and nothing of the two coders' own work is changed.

**Agreement.** Two codings agree when they are of the same code (programme theory,
component and element) with the same stance, and their spans overlap. Overlap is
transitive within one code: all codings of one code that chain together by overlap form
one group. A group holding codings of both coders is an agreement and becomes one
consensus coding at once.

**Span of an agreement: the union.** Each coder judged their whole span to be evidence,
so the consensus quote keeps all of it; an intersection could cut a quote between two
words or drop the clause that made it evidence. Both spans are the coders' own word-aligned
choices, and a union of overlapping spans is one contiguous slice of the text, so the
union needs no snapping and always slices exactly to its text.

**Difference.** Every coding left out of an agreement is part of a difference: codings
(of either coder, any code) that chain together by overlap form one decision for the
lead, e.g. "A: PT3 Mres supports" against "B: PT3 Mres refutes" on the same words, or a
quote only one coder coded. Its id is a hash of the two coders' coding ids and the
consensus coder, the same in whichever order the coders are named, so it survives
reruns. The lead accepts one side (its codings are copied), edits (one coding made from
a side with changed code, stance or span) or drops it; each decision is one transaction
that writes the consensus codings and an audit entry (entity ``consensus``), and a
decided difference is never listed again.

Only transcripts *both* coders coded are compared: in a transcript one coder never coded
there is nothing to agree or differ on, and its codings are not a difference; they are
counted (:attr:`Plan.single_coder`) and left out.

Reruns add nothing: consensus codings have content ids (span, code, stance and coder),
and one that is already there is skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import CmoError, NotFound
from ..ids import stable_id
from ..model import Coding
from ..store import Project, Tx
from .locate import Span, parse_span
from .outputs import ConsensusCoding, ConsensusDifference, ConsensusSide
from .overlap import CodeKey, code_key, overlap_groups
from .service import build_coding, resolve_code

ENTITY = "consensus"
Side = Literal["a", "b"]
Action = Literal["accept", "edit", "drop"]


def code_label(c: Coding) -> str:
    comp = c.component.short if c.component else "PT"
    element = f" [{c.element}]" if c.element else ""
    return f"{c.pt} {comp}{element} {c.stance.value}"


@dataclass(frozen=True)
class Agreement:
    """Codings of both coders, one code, chained by overlap: one consensus coding over their union."""

    transcript: str
    start: int
    end: int
    sources: tuple[Coding, ...]

    @property
    def key(self) -> CodeKey:
        return code_key(self.sources[0])


@dataclass(frozen=True)
class Difference:
    """Codings left out of every agreement, chained by overlap: one decision for the lead."""

    id: str
    transcript: str
    start: int
    end: int
    a: tuple[Coding, ...]
    b: tuple[Coding, ...]
    text: str

    def side(self, side: Side) -> tuple[Coding, ...]:
        return self.a if side == "a" else self.b

    def as_dict(self, coders: tuple[str, str]) -> dict[str, Any]:
        def side(coder: str, codings: tuple[Coding, ...]) -> ConsensusSide:
            return ConsensusSide(coder=coder, codings=[
                ConsensusCoding(id=c.id, start=c.start, end=c.end, code=code_label(c), text=c.text) for c in codings
            ])

        return ConsensusDifference(id=self.id, transcript=self.transcript, start=self.start, end=self.end,
                                   text=self.text, a=side(coders[0], self.a),
                                   b=side(coders[1], self.b)).model_dump(mode="json")


@dataclass
class Plan:
    """What a consensus between ``a`` and ``b`` into ``into`` needs, as the project stands."""

    a: str
    b: str
    into: str
    agreements: list[Agreement] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    transcripts: list[str] = field(default_factory=list)  # coded by both: the ones compared
    single_coder: list[str] = field(default_factory=list)  # coded by one of them only: left out

    def difference(self, decision_id: str) -> Difference:
        for d in self.differences:
            if d.id == decision_id:
                return d
        raise NotFound(f"no difference {decision_id!r} between {self.a} and {self.b} "
                       f"(list them with code consensus … --list)")


def check_coders(project: Project, a: str, b: str, into: str) -> None:
    """Refuse a consensus that cannot mean anything, before anything is read or written."""
    if a == b:
        raise CmoError(f"--from names {a!r} twice; a consensus needs two different coders")
    if into in (a, b):
        raise CmoError(f"--into {into!r} is one of the coders being compared; name a coder of its own, "
                       "e.g. --into consensus")
    known = {r[0] for r in project.conn.execute("SELECT DISTINCT coder FROM codings")}
    for coder in (a, b):
        if coder not in known:
            raise NotFound(f"no coder {coder!r} in this project (coders: {', '.join(sorted(known)) or 'none'})")


def decision_id(into: str, codings: Iterable[Coding]) -> str:
    """The same for the same codings whichever coder is named first."""
    return stable_id("dif", into, *sorted(c.id for c in codings))


def plan(project: Project, a: str, b: str, into: str, transcript: str | None = None) -> Plan:
    """Agreements and differences between coders ``a`` and ``b`` (in one transcript, or all)."""
    check_coders(project, a, b, into)
    if transcript is not None:
        project.transcript_status(transcript)  # NotFound for a typo
    out = Plan(a, b, into)
    per: dict[str, list[Coding]] = defaultdict(list)
    for coder in (a, b):
        for c in project.codings(coder=coder, transcript_id=transcript):
            per[c.transcript_id].append(c)
    order = {t: i for i, t in enumerate(project.transcript_ids())}
    for tid in sorted(per, key=lambda t: order.get(t, len(order))):
        if {c.coder for c in per[tid]} != {a, b}:
            out.single_coder.append(tid)
            continue
        out.transcripts.append(tid)
        text = project.text(tid)
        by_key: dict[CodeKey, list[Coding]] = defaultdict(list)
        for c in per[tid]:
            by_key[code_key(c)].append(c)
        left: list[Coding] = []
        for key in sorted(by_key):
            for group in overlap_groups(by_key[key]):
                if {c.coder for c in group} == {a, b}:
                    start, end = min(c.start for c in group), max(c.end for c in group)
                    out.agreements.append(Agreement(tid, start, end, tuple(group)))
                else:
                    left.extend(group)
        for group in overlap_groups(left):
            start, end = min(c.start for c in group), max(c.end for c in group)
            out.differences.append(Difference(
                decision_id(into, group), tid, start, end, tuple(c for c in group if c.coder == a),
                tuple(c for c in group if c.coder == b), text[start:end],
            ))
    out.agreements.sort(key=lambda g: (order.get(g.transcript, 0), g.start, g.end, g.key))
    return out


def decisions(project: Project, into: str) -> dict[str, dict[str, Any]]:
    """Decisions already made for consensus coder ``into``: difference id → its audit entry's detail."""
    out = {}
    for row in project.audit_log(ENTITY):
        detail = row["detail"]
        if row["action"] != "agree" and detail.get("into") == into and row["entity_id"]:
            out[row["entity_id"]] = detail
    return out


def pending(project: Project, p: Plan) -> list[Difference]:
    done = decisions(project, p.into)
    return [d for d in p.differences if d.id not in done]


def _memo(sources: Iterable[Coding]) -> str | None:
    memos = list(dict.fromkeys(c.memo for c in sources if c.memo))
    return " / ".join(memos) or None


def _consensus_coding(project: Project, transcript: str, start: int, end: int, like: Coding, into: str,
                      memo: str | None) -> Coding:
    text = project.text(transcript)
    return build_coding(project, transcript, Span(start, end, text[start:end]), pt=like.pt,
                        component=like.component, element=like.element, stance=like.stance, memo=memo,
                        coder=into, origin=like.origin)


@dataclass(frozen=True)
class Applied:
    """What one step wrote: consensus codings added, already there, or left to an earlier one covering them."""

    added: list[str]
    present: list[str]
    covered: list[str] = field(default_factory=list)


def _covering(tx: Tx, c: Coding) -> str | None:
    """A consensus coding of the same code already over part of ``c``'s span (e.g. made before a coder
    widened their span): the store would refuse ``c``, and the earlier decision stands."""
    row = tx.conn.execute(
        'SELECT id FROM codings WHERE transcript_id = ? AND start < ? AND "end" > ? AND pt = ? '
        "AND component IS NOT DISTINCT FROM ? AND element IS NOT DISTINCT FROM ? AND stance = ? AND coder = ? "
        "AND id != ?",
        (c.transcript_id, c.end, c.start, c.pt, c.component.value if c.component else None, c.element,
         c.stance.value, c.coder, c.id),
    ).fetchone()
    return str(row[0]) if row else None


def _insert_new(tx: Tx, codings: list[Coding], skip_covered: bool = False) -> Applied:
    """Add the codings not yet there (and, for agreements, not covered by an earlier consensus coding)."""
    out = Applied([], [], [])
    for c in codings:
        if tx.conn.execute("SELECT 1 FROM codings WHERE id = ?", (c.id,)).fetchone():
            out.present.append(c.id)
        elif skip_covered and (earlier := _covering(tx, c)) is not None:
            out.covered.append(earlier)
        else:
            tx.add_coding(c)
            out.added.append(c.id)
    return out


def apply_agreements(project: Project, p: Plan, actor: str | None = None) -> Applied:
    """Write every agreement as a consensus coding, in one transaction; reruns add nothing."""
    made = [_consensus_coding(project, g.transcript, g.start, g.end, g.sources[0], p.into, _memo(g.sources))
            for g in p.agreements]
    with project.transaction(actor) as tx:
        done = _insert_new(tx, made, skip_covered=True)
        if done.added:
            tx.audit("agree", ENTITY, None, {
                "from": [p.a, p.b], "into": p.into, "added": done.added,
                "sources": [[c.id for c in g.sources] for g, m in zip(p.agreements, made, strict=True)
                            if m.id in done.added],
            })
    return done


@dataclass(frozen=True)
class Edit:
    """The lead's own version of a difference: code and stance start from one side's first coding."""

    side: Side
    pt: str | None = None
    component: str | None = None
    element: str | None = None
    stance: str | None = None
    span: str | None = None


def decide(project: Project, p: Plan, difference_id: str, action: Action,
           side: Side | None = None, edit: Edit | None = None, actor: str | None = None) -> Applied:
    """Record one decision on one difference (one transaction); repeating the same decision is a no-op."""
    d = p.difference(difference_id)
    made: list[Coding] = []
    if action == "accept":
        if side is None:
            raise CmoError("--accept needs --side a or --side b")
        made = [_consensus_coding(project, c.transcript_id, c.start, c.end, c, p.into, c.memo) for c in d.side(side)]
    elif action == "edit":
        if edit is None:
            raise CmoError("--edit needs --side a or --side b to start from")
        made = [_edited(project, p, d, edit)]
    earlier = decisions(project, p.into).get(d.id)
    detail = {"from": [p.a, p.b], "into": p.into, "decision": action, "side": side or (edit.side if edit else None),
              "transcript": d.transcript, "sources": sorted(c.id for c in (*d.a, *d.b)),
              "added": sorted(c.id for c in made)}
    if earlier is not None:
        same = {k: earlier.get(k) for k in ("decision", "side", "added")} == \
            {k: detail[k] for k in ("decision", "side", "added")}
        if same:
            return Applied([], [c.id for c in made])
        raise CmoError(f"difference {d.id} was already decided ({earlier.get('decision')}"
                       f"{' ' + str(earlier.get('side')) if earlier.get('side') else ''}); "
                       "decisions are not overwritten")
    with project.transaction(actor) as tx:
        done = _insert_new(tx, made)
        tx.audit(action, ENTITY, d.id, detail)
    return done


def _edited(project: Project, p: Plan, d: Difference, e: Edit) -> Coding:
    base = d.side(e.side)
    if not base:
        coder = p.a if e.side == "a" else p.b
        raise CmoError(f"difference {d.id}: {coder} (side {e.side}) has no coding there to start the edit from")
    like = base[0]
    start, end = parse_span(e.span) if e.span is not None else (d.start, d.end)
    text = project.text(d.transcript)
    if not 0 <= start < end <= len(text):
        raise CmoError(f"--span {start}:{end} is outside transcript {d.transcript} (0:{len(text)})")
    pt = e.pt if e.pt is not None else like.pt
    element = e.element
    component = e.component
    if element is None and e.pt is None and component is None:
        element = like.element
    if component is None and element is None and e.pt is None:
        component = like.component.value if like.component else None
    if element is not None:
        pt, element = resolve_code(project, pt, element)
    return build_coding(project, d.transcript, Span(start, end, text[start:end]), pt=pt, component=component,
                        element=element, stance=e.stance if e.stance is not None else like.stance,
                        memo=_memo(base), coder=p.into, origin=like.origin)


__all__ = ["Action", "Agreement", "Applied", "Difference", "Edit", "Plan", "apply_agreements", "check_coders",
           "decide", "decisions", "pending", "plan"]
