"""Commands of the ingest stage: ``import``, ``transcripts``, ``show``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CmoError, NotFound
from ..ingest import import_files
from ..ingest.importer import DEFAULT_MAX_BYTES
from ..ingest.views import TranscriptList, TranscriptListItem, TranscriptView, TurnView
from ..model import Transcript
from ..store import Project
from ..store.secure import SecureFolder
from .options import json_option, open_project, project_argument, secure_option
from .output import emit_json, info, is_tty, warn


@click.command("import")
@project_argument
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@secure_option
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Participants manifest CSV: name,aliases,role,site,label[,attributes...].")
@click.option("--replace", is_flag=True, help="Re-import a changed source file (refused if it has codings).")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=DEFAULT_MAX_BYTES / 1024 / 1024,
              show_default=True, help="Refuse files larger than this.")
@click.option("--infer-speakers", is_flag=True,
              help="Zoom: give cues without a speaker the previous speaker (flagged 'inferred_speaker').")
@click.option("--transcription-marker", "markers", multiple=True, metavar="REGEX",
              help="Teams DOCX: a line to drop such as '.* started transcription' (replaces the built-in "
                   "English, German and French markers; repeatable).")
@json_option
def import_cmd(project: Path, files: tuple[Path, ...], secure: Path, manifest: Path | None, replace: bool,
               max_mb: float, infer_speakers: bool, markers: tuple[str, ...], as_json: bool) -> None:
    """Import transcripts (Teams, Zoom, Otter, SRT, DOCX, plain text) as pending anonymisation.

    The identifiable text goes to the secure folder; the project records only the id,
    format and checksum until anonymisation signs the transcript off.
    """
    with open_project(project) as p:
        report = import_files(p, files, secure, manifest=manifest, replace=replace,
                              max_bytes=int(max_mb * 1024 * 1024), infer_speakers=infer_speakers,
                              progress=is_tty() and not as_json, transcription_markers=markers or None)
    if as_json:
        emit_json(report.model_dump(mode="json"))
    else:
        for f in report.files:
            if f.status == "failed":
                click.echo(f"FAILED    {f.error}", err=True)
                continue
            detail = f" {f.source_format}, {f.turns} turns, {f.characters} chars" if f.turns is not None else ""
            click.echo(f"{f.status:<10}{f.transcript_id}  ({f.path}){detail}  speakers: {', '.join(f.speakers)}")
            for w in f.warnings:
                warn(f"{f.path}: {w}")
        if report.provisional_speakers:
            info("speakers not in the manifest (provisional labels; add these lines to the manifest):")
            for s in report.provisional_speakers:
                info(f"  {s.label:<6} {s.suggested_manifest_line}   # in {', '.join(s.transcripts)}")
    if report.failed:
        info(f"{len(report.failed)} of {len(report.files)} file(s) failed")
        raise click.exceptions.Exit(1)


@click.command()
@project_argument
@json_option
def transcripts(project: Path, as_json: bool) -> None:
    """List the project's transcripts with their status (pending or signed off)."""
    with open_project(project) as p:
        rows = [TranscriptListItem(**s.as_dict()) for s in p.transcript_summaries()]
    if as_json:
        emit_json(TranscriptList(transcripts=rows).model_dump(mode="json"))
        return
    for r in rows:
        click.echo(f"{r.id:<32} {r.status:<11} {r.source_format:<14} {r.turns:>5} turns {r.codings:>5} codings")


def transcript_view(p: Project, transcript_id: str, secure: Path | None, preview: bool = False) -> TranscriptView:
    summary = next((s for s in p.transcript_summaries() if s.id == transcript_id), None)
    if summary is None:
        raise NotFound(f"no transcript {transcript_id!r} in the project")
    parts = {x.label: x for x in p.participants()}
    base = {"id": summary.id, "title": summary.title, "source_format": summary.source_format,
            "kind": summary.kind, "status": summary.status, "source_sha256": summary.source_sha256,
            "normaliser_version": summary.normaliser_version}
    t: Transcript | None
    if secure is not None:
        folder = SecureFolder.open(secure, project_path=p.path)
        raw_path = folder.raw / f"{transcript_id}.json"
        if not raw_path.exists():
            raise NotFound(f"{raw_path}: no raw copy of {transcript_id} in the secure folder")
        try:
            t = Transcript.model_validate_json(raw_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise CmoError(f"{raw_path}: corrupt raw transcript: {exc}") from None
        base["source_sha256"], base["normaliser_version"] = t.source_sha256, t.normaliser_version
        if preview:
            return _preview_view(p, folder, transcript_id, base)
    elif summary.status == "signed_off":
        t = p.transcript(transcript_id)
    else:
        t = None
    if t is None:
        return TranscriptView(secure=False, **base)
    turns = []
    for turn in t.turns:
        who = parts.get(turn.speaker)
        turns.append(TurnView(
            speaker=turn.speaker, role=who.role.value if who else None, site=who.site if who else None,
            start=turn.start, end=turn.end,
            start_time=float(turn.start_time) if turn.start_time is not None else None,
            end_time=float(turn.end_time) if turn.end_time is not None else None,
            flags=list(turn.flags), speaker_name=turn.speaker_name if secure is not None else None,
        ))
    return TranscriptView(secure=secure is not None, text=t.text, turns=turns, warnings=list(t.warnings), **base)


def _preview_view(p: Project, folder: SecureFolder, transcript_id: str, base: dict[str, str]) -> TranscriptView:
    """The text as sign-off would store it with today's decisions; undecided items show as ``⟦?surface⟧``."""
    from ..anonymise.review import preview

    if p.transcript_status(transcript_id) != "pending":
        raise CmoError(f"transcript {transcript_id} is already signed off: show it without --preview")
    t, open_n = preview(folder, transcript_id)
    parts = {x.label: x for x in p.participants()}
    turns = [TurnView(speaker=turn.speaker, role=parts[turn.speaker].role.value if turn.speaker in parts else None,
                      site=parts[turn.speaker].site if turn.speaker in parts else None, start=turn.start, end=turn.end,
                      start_time=float(turn.start_time) if turn.start_time is not None else None,
                      end_time=float(turn.end_time) if turn.end_time is not None else None, flags=list(turn.flags))
             for turn in t.turns]
    note = (f"PREVIEW before sign-off: {open_n} undecided item(s) shown as ⟦?…⟧, which quote the original"
            if open_n else "PREVIEW before sign-off: every item is decided; this is the text sign-off will store")
    return TranscriptView(secure=True, text=t.text, turns=turns, warnings=[note], **base)


@click.command()
@project_argument
@click.argument("transcript_id", metavar="TRANSCRIPT")
@json_option
@click.option("--secure", "secure", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Show the raw identifiable copy from this secure folder (names beside labels).")
@click.option("--preview", is_flag=True,
              help="With --secure: the text as sign-off would store it with the review decisions made so far.")
def show(project: Path, transcript_id: str, as_json: bool, secure: Path | None, preview: bool) -> None:
    """Print a transcript: the anonymised text, or with --secure the raw identifiable one (--preview: as it will be
    signed off)."""
    if preview and secure is None:
        raise CmoError("--preview needs --secure DIR: the preview is built from the secure raw copy and decisions")
    with open_project(project) as p:
        view = transcript_view(p, transcript_id, secure, preview)
    if as_json:
        emit_json(view.model_dump(mode="json"))
        return
    kind = ", SECURE preview" if preview else (", SECURE raw copy" if view.secure else "")
    click.echo(f"{view.id}  [{view.source_format}, {view.status}{kind}]")
    if preview:
        click.echo(view.warnings[0])
    if view.text is None:
        click.echo("(pending anonymisation: the project holds no text yet; use --secure to see the raw copy)")
        return
    for turn in view.turns:
        who = turn.speaker + (f" ({turn.speaker_name})" if turn.speaker_name else "")
        click.echo(f"\n{who}:")
        click.echo(view.text[turn.start : turn.end])


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""
    cli.add_command(import_cmd)
    cli.add_command(transcripts)
    cli.add_command(show)
