"""``code consensus``: merge two coders' agreements into a consensus coder, and let a lead decide the rest."""

from __future__ import annotations

import click

from ..coding import consensus as cons
from ..coding.outputs import ConsensusOutcome
from ..errors import CmoError
from .options import ProjectRef, coder_option, json_option, open_project, project_argument
from .output import emit_json, info


def _show(d: cons.Difference, coders: tuple[str, str]) -> list[str]:
    text = " ".join(d.text.split())
    lines = [f"{d.id}  {d.transcript} {d.start}:{d.end}  “{text[:90]}{'…' if len(text) > 90 else ''}”"]
    for side, coder, codings in (("a", coders[0], d.a), ("b", coders[1], d.b)):
        if not codings:
            lines.append(f"    {side} ({coder}): not coded")
        for c in codings:
            lines.append(f"    {side} ({coder}): {c.id} {c.start}:{c.end} {cons.code_label(c)}")
    return lines


@click.command("consensus")
@project_argument
@click.option("--from", "sources", nargs=2, required=True, metavar="CODER_A CODER_B",
              help="The two coders to merge (side a, side b).")
@click.option("--into", required=True, help="The consensus coder that receives the merged codings, e.g. consensus.")
@click.option("--transcript", default=None, help="Only this transcript.")
@click.option("--list", "list_only", is_flag=True, help="List the differences still to decide; change nothing.")
@click.option("--accept", "accept_id", default=None, metavar="ID", help="Accept one side of difference ID (--side).")
@click.option("--edit", "edit_id", default=None, metavar="ID",
              help="Replace difference ID by one coding: --side's code, changed by --pt/--component/--element/"
                   "--stance/--span.")
@click.option("--drop", "drop_id", default=None, metavar="ID", help="Drop difference ID: no consensus coding.")
@click.option("--side", type=click.Choice(["a", "b"]), default=None, help="Which coder's version (a: first --from).")
@click.option("--pt", default=None, help="With --edit: the programme theory.")
@click.option("--component", default=None, help="With --edit: the component.")
@click.option("--element", default=None, help="With --edit: the element (implies PT and component).")
@click.option("--stance", default=None, help="With --edit: supports, refutes or refines.")
@click.option("--span", default=None, help="With --edit: START:END (default: the whole difference).")
@coder_option
@json_option
def consensus(project: ProjectRef, sources: tuple[str, str], into: str, transcript: str | None, list_only: bool,
              accept_id: str | None, edit_id: str | None, drop_id: str | None, side: str | None, pt: str | None,
              component: str | None, element: str | None, stance: str | None, span: str | None,
              coder: str | None, as_json: bool) -> None:
    """Merge coders A and B into a consensus coder: agreements at once, differences one decision at a time.

    Without --list/--accept/--edit/--drop, every agreement (same PT, component, element and
    stance on overlapping spans) becomes a consensus coding over the union of the spans, and the
    differences left are counted. Each decision is one transaction, recorded in the audit log.
    """
    actions = [a for a in (list_only, accept_id, edit_id, drop_id) if a]
    if len(actions) > 1:
        raise CmoError("give at most one of --list, --accept, --edit, --drop")
    edit_fields = (pt, component, element, stance, span)
    if edit_id is None and any(v is not None for v in edit_fields):
        raise CmoError("--pt, --component, --element, --stance and --span go with --edit")
    a, b = sources
    with open_project(project) as p:
        plan = cons.plan(p, a, b, into, transcript=transcript)
        if list_only:
            todo = cons.pending(p, plan)
            if as_json:
                emit_json([d.as_dict((a, b)) for d in todo])
                return
            for d in todo:
                click.echo("\n".join(_show(d, (a, b))))
            info(f"{len(todo)} difference(s) to decide of {len(plan.differences)}")
            _note_single(plan)
            return
        if accept_id or drop_id or edit_id:
            did = accept_id or drop_id or edit_id
            assert did is not None
            chosen: cons.Side | None = "a" if side == "a" else "b" if side == "b" else None
            if chosen is None and not drop_id:
                raise CmoError(f"--{'accept' if accept_id else 'edit'} needs --side a or --side b")
            action: cons.Action = "accept" if accept_id else "drop" if drop_id else "edit"
            edit = cons.Edit(chosen, pt, component, element, stance, span) if edit_id and chosen else None
            done = cons.decide(p, plan, did, action, side=chosen if not drop_id else None, edit=edit, actor=coder)
            left = len(cons.pending(p, plan))
            if as_json:
                emit_json(ConsensusOutcome(
                    coders=[a, b], into=into, decision=did, action=action, added=done.added,
                    already_present=done.present, differences=len(plan.differences), pending=left,
                ).model_dump(mode="json"))
                return
            what = f"{len(done.added)} consensus coding(s) added" + (
                f", {len(done.present)} already there" if done.present else "")
            click.echo(f"{action} {did}: {what}; {left} difference(s) left to decide")
            return
        applied = cons.apply_agreements(p, plan, actor=coder)
        left = len(cons.pending(p, plan))
    if as_json:
        emit_json(ConsensusOutcome(
            coders=[a, b], into=into, action="merge", agreements=len(plan.agreements), added=applied.added,
            already_present=applied.present, covered=applied.covered, differences=len(plan.differences),
            pending=left, transcripts=plan.transcripts, single_coder=plan.single_coder,
        ).model_dump(mode="json"))
        return
    covered = (f", {len(applied.covered)} left to the earlier consensus coding(s) over the same words"
               if applied.covered else "")
    click.echo(f"{len(plan.agreements)} agreement(s) between {a} and {b}: {len(applied.added)} consensus coding(s) "
               f"added to {into}, {len(applied.present)} already there{covered}")
    click.echo(f"{len(plan.differences)} difference(s), {left} still to decide"
               + (" (list them with --list)" if left else ""))
    _note_single(plan)


def _note_single(plan: cons.Plan) -> None:
    if plan.single_coder:
        info(f"compared {len(plan.transcripts)} transcript(s) both coders coded; left out "
             f"{len(plan.single_coder)} coded by one of them only ({', '.join(plan.single_coder)})")
