"""Commands of the suggest stage: propose codings, review them, retrain the suggester.

``cmo-coder suggest PROJECT`` is short for ``cmo-coder suggest run PROJECT``: the group
runs ``run`` whenever its first argument is not one of its subcommands (a project folder
literally named ``review`` or ``train`` needs the explicit ``run``).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator

import click

from ..errors import CmoError
from ..model import Component, Stance
from ..store.project import current_actor
from ..suggest.records import Suggestion
from .options import ProjectRef, coder_option, json_option, open_project, project_argument
from .output import emit_json, info, is_tty


class _DefaultRun(click.Group):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on stderr (only when it is a terminal), advanced once per transcript."""
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True, disable=not is_tty()) as bar:
        task = bar.add_task("suggesting", total=None)

        def step(i: int, n: int, tid: str) -> None:
            bar.update(task, total=n, completed=i - 1, description=f"suggesting {tid}")

        yield step
        bar.update(task, completed=bar.tasks[0].total or 0)


def _line(s: Suggestion) -> str:
    pts = ", ".join(f"{p} {v:.2f}" for p, v in s.pt_candidates())
    cues = ", ".join(sorted({r.text for r in s.reasons if r.kind == "cue" and r.text}))
    text = s.text if len(s.text) <= 90 else s.text[:87] + "..."
    return (f"{s.id}  {s.transcript} {s.start}:{s.end}  {s.component.short:<5} {s.pt:<5} {s.confidence:.2f}  "
            f"{text!r}\n      PTs: {pts}" + (f"; cues: {cues}" if cues else ""))


def _jsonl(s: Suggestion) -> str:
    return json.dumps(s.model_dump(mode="json", exclude_none=True), ensure_ascii=False, sort_keys=True)


def _span(value: str | None) -> tuple[int, int] | None:
    from ..coding.locate import parse_span

    return None if value is None else parse_span(value)


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""

    @cli.group("suggest", cls=_DefaultRun)
    def suggest() -> None:
        """Propose C / Mres / Mresp / O clauses and their PT for coders to review.

        \b
        cmo-coder suggest PROJECT [TRANSCRIPT...]   (same as 'suggest run')
        cmo-coder suggest review PROJECT --list | --accept ID | --reject ID | --accept-above X
        cmo-coder suggest train PROJECT
        """

    @suggest.command("run")
    @project_argument
    @click.argument("transcripts", nargs=-1)
    @click.option("--pt", default=None, help="Only suggestions for this programme theory (among a clause's top 3).")
    @click.option("--min-confidence", type=float, default=0.0, show_default=True,
                  help="Leave out suggestions less likely than this (0–1).")
    @json_option
    @coder_option
    def run_cmd(project: ProjectRef, transcripts: tuple[str, ...], pt: str | None, min_confidence: float, as_json: bool,
                coder: str | None) -> None:
        """Suggest codings for TRANSCRIPTs (default: every signed-off one) and queue them for review.

        Prints the new suggestions; --json prints JSON Lines (id, transcript, start, end, text,
        component, pt, confidence, reasons). Clauses already coded, already queued or rejected
        before for the same component are not proposed again.
        """
        from ..suggest import run

        with open_project(project) as p, _progress() as step:
            found = run.suggest(p, transcripts, pt, min_confidence, coder or current_actor(), progress=step)
            if as_json:
                for s in found:
                    click.echo(_jsonl(s))
                return
            for s in found:
                click.echo(_line(s))
            from .. import semantic
            from ..suggest import queue

            pending = len(queue.listing(p, "pending"))
            model = run.component_model(p)[1]
            pts_by = semantic.METHOD if semantic.available() else "tf-idf"
            info(f"{len(found)} new suggestion(s) (components by the {model} model, PTs by {pts_by}); {pending} "
                 f"pending in the queue (review: cmo-coder suggest review {project} --list)")

    @suggest.command("review")
    @project_argument
    @click.option("--list", "do_list", is_flag=True, help="List the queue (the default when nothing is decided).")
    @click.option("--status", type=click.Choice(["pending", "accepted", "rejected", "all"]), default="pending",
                  show_default=True, help="Which suggestions --list shows.")
    @click.option("--transcript", default=None, help="Only this transcript (for --list and --accept-above).")
    @click.option("--accept", "accept_ids", multiple=True, help="Accept this suggestion (repeatable).")
    @click.option("--reject", "reject_ids", multiple=True, help="Reject this suggestion (repeatable).")
    @click.option("--accept-above", type=float, default=None, help="Accept every pending suggestion ≥ this confidence.")
    @click.option("--pt", default=None, help="Edit: code the accepted suggestion to this PT instead.")
    @click.option("--component", default=None, help="Edit: C, Mres, Mresp or O instead of the suggested one.")
    @click.option("--stance", default=None, help="Edit: supports (default), refutes or refines.")
    @click.option("--span", default=None, help="Edit: START:END character offsets instead of the suggested clause.")
    @click.option("--element", default=None, help="Edit: this element, e.g. PT2.MP1 (implies its PT and component).")
    @click.option("--memo", default=None, help="A memo for the coding the accepted suggestion becomes.")
    @json_option
    @coder_option
    def review_cmd(project: ProjectRef, do_list: bool, status: str, transcript: str | None, accept_ids: tuple[str, ...],
                   reject_ids: tuple[str, ...], accept_above: float | None, pt: str | None, component: str | None,
                   stance: str | None, span: str | None, element: str | None, memo: str | None, as_json: bool,
                   coder: str | None) -> None:
        """Accept (optionally edited) or reject queued suggestions; accepted ones become codings by --coder."""
        from ..suggest import queue, review

        try:
            edits = review.Edits(
                pt=pt, component=Component.parse(component) if component else None,
                stance=Stance.parse(stance) if stance else None, span=_span(span), element=element, memo=memo,
            )
        except ValueError as exc:
            raise CmoError(str(exc)) from None
        has_edits = any(v is not None for v in edits.__dict__.values())
        if has_edits and len(accept_ids) != 1:
            raise CmoError("--pt, --component, --stance, --span, --element and --memo edit one suggestion: "
                           "give exactly one --accept ID")
        overlap = set(accept_ids) & set(reject_ids)
        if overlap:
            raise CmoError(f"suggestion(s) {', '.join(sorted(overlap))} cannot be both accepted and rejected")
        who = coder or current_actor()
        with open_project(project) as p:
            decided = bool(accept_ids or reject_ids or accept_above is not None)
            result: dict[str, list[str]] = {"accepted": [], "codings": [], "rejected": []}
            if accept_ids or reject_ids:
                with p.transaction(who) as tx:
                    for sid in accept_ids:
                        coding = review.accept_in(tx, sid, edits)
                        result["accepted"].append(sid)
                        result["codings"].append(coding.id)
                    for sid in reject_ids:
                        review.reject_in(tx, sid)
                        result["rejected"].append(sid)
            if accept_above is not None:
                for sid, coding in review.accept_above(p, accept_above, who, transcript):
                    result["accepted"].append(sid)
                    result["codings"].append(coding.id)
            if decided:
                if as_json:
                    emit_json(result)
                else:
                    info(f"accepted {len(result['accepted'])} (codings {', '.join(result['codings']) or '-'}), "
                         f"rejected {len(result['rejected'])}, by {who}")
            if do_list or not decided:
                rows = queue.listing(p, None if status == "all" else status, transcript)
                if as_json:
                    for s in rows:
                        click.echo(_jsonl(s))
                else:
                    for s in rows:
                        click.echo(_line(s) + (f"\n      {s.status} by {s.decided_by}" if s.decided_by else ""))
                    info(f"{len(rows)} {status} suggestion(s)")

    @suggest.command("train")
    @project_argument
    @click.option("--force", is_flag=True,
                  help="Save the project's model even when it does not beat the default one on held-out codings.")
    @json_option
    @coder_option
    def train_cmd(project: ProjectRef, force: bool, as_json: bool, coder: str | None) -> None:
        """Train the component model on the project's codings (manual, imported and accepted).

        Needs at least 20 codings with a component, with 3 or more in each of at least two
        components; below that it refuses and changes nothing (suggestions then come from the
        default model shipped with cmo-coder). Before replacing the default, the project's model
        and the default are scored on a held-out quarter of the codings (macro-F1 over C, Mres,
        Mresp, O); the project's model is saved in PROJECT/suggester/ only when it scores higher
        (or with --force).
        """
        from ..suggest import run

        with open_project(project) as p:
            meta = run.train(p, coder or current_actor(), force=force)
        if as_json:
            emit_json(meta)
            return
        per = ", ".join(f"{Component(c).short} {n}" for c, n in meta["codings_per_component"].items())
        info(f"trained on {meta['codings']} codings ({per}) from {meta['transcripts']} transcript(s), "
             f"{meta['examples']} examples")
        cmp = meta["comparison"]
        if cmp:
            verdict = "beats" if cmp["project_beats_default"] else "does not beat"
            info(f"held out {cmp['held_out_codings']} codings ({cmp['held_out_clauses']} clauses): the project's "
                 f"model {verdict} the default (macro-F1 {cmp['project_macro_f1']:.2f} vs "
                 f"{cmp['default_macro_f1']:.2f})")
        else:
            info("too few held-out codings to compare with the default model")
        if meta["saved"]:
            info(f"saved {meta['path']}; suggestions now use the project's model")
        else:
            info(f"not saved; suggestions keep using the {meta['in_use']} model (--force saves it anyway)")
