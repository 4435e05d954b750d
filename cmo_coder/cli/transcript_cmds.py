"""Commands that look after imported transcripts: ``transcripts`` (list, remove, rename) and ``show``.

An id that would have carried a participant's name is replaced at import by
``transcript-<n>``; with ``--secure`` both the list and ``show`` name the file it came
from, so the user can still tell which is which on their own machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import CmoError, NotFound
from ..ingest.importer import SOURCES_FILE
from ..ingest.removal import remove_transcript
from ..ingest.views import TranscriptList, TranscriptListItem, TranscriptRemoval, TranscriptView, TurnView
from ..model import Transcript
from ..store import Project
from ..store.secure import SecureFolder
from .options import ProjectRef, coder_option, json_option, open_project, project_argument
from .output import emit_json, info, warn

_secure_view_option = click.option(
    "--secure", "secure", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="The secure folder: name the file each transcript was imported from.",
)


class _ListByDefault(click.Group):
    """``transcripts PROJECT`` lists, as it always did; ``transcripts remove PROJECT T`` removes."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["list", *args]
        return super().parse_args(ctx, args)


def _sources(p: Project, secure: Path | None) -> dict[str, Any]:
    if secure is None:
        return {}
    data = SecureFolder.open(secure, project_path=p.path).read_json(SOURCES_FILE, {})
    return data if isinstance(data, dict) else {}


def _imported_turns(p: Project) -> dict[str, int]:
    """Turn count of each transcript's latest import (a pending transcript has none in the project)."""
    out: dict[str, int] = {}
    for entry in p.audit_log("transcript"):
        detail = entry["detail"]
        if entry["action"] == "ingest" and isinstance(detail, dict) and isinstance(detail.get("turns"), int):
            out[entry["entity_id"]] = detail["turns"]
    return out


@click.group(cls=_ListByDefault, invoke_without_command=False)
def transcripts() -> None:
    """List the project's transcripts (``transcripts PROJECT``), or remove one imported by mistake."""


@transcripts.command("list")
@project_argument
@json_option
@_secure_view_option
def list_cmd(project: ProjectRef, as_json: bool, secure: Path | None) -> None:
    """List the project's transcripts with their status (pending or signed off), turns and codings."""
    with open_project(project) as p:
        sources = _sources(p, secure)
        imported = _imported_turns(p)
        rows = []
        for s in p.transcript_summaries():
            d = s.as_dict()
            if s.status == "pending" and not d["turns"]:
                d["turns"] = imported.get(s.id, 0)
            if secure is not None:
                d["source_file"] = sources.get(s.id, {}).get("file")
            rows.append(TranscriptListItem(**d))
    if as_json:
        emit_json(TranscriptList(transcripts=rows).model_dump(mode="json"))
        return
    width = max([len(r.id) for r in rows] + [10])  # ids are never cut: the column grows instead
    for r in rows:
        line = f"{r.id:<{width}}  {r.status:<11} {r.source_format:<14} {r.turns:>5} turns {r.codings:>5} codings"
        if r.source_file:
            line += f"  from {r.source_file}"
        click.echo(line)


@transcripts.command("remove")
@project_argument
@click.argument("transcript_id", metavar="TRANSCRIPT")
@click.option("--force", is_flag=True, help="Remove it even if it has codings (they go too, in the audit log).")
@click.option("--secure", "secure", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The secure folder of the import: its raw copy, proposals and original go too.")
@coder_option
@json_option
def remove_cmd(project: ProjectRef, transcript_id: str, force: bool, secure: Path | None, coder: str | None,
               as_json: bool) -> None:
    """Remove TRANSCRIPT imported by mistake (pending, or without codings unless --force)."""
    with open_project(project) as p:
        folder = SecureFolder.open(secure, project_path=p.path) if secure is not None else None
        result = remove_transcript(p, transcript_id, force=force, secure=folder, actor=coder)
    if as_json:
        emit_json(TranscriptRemoval(**result.as_dict()).model_dump(mode="json"))
        return
    what = f" with {result.codings} coding(s)" if result.codings else ""
    if result.status == "removed earlier":
        info(f"transcript {result.transcript} was already gone from the project; removing its secure copies")
    else:
        info(f"removed {result.status} transcript {result.transcript}{what}")
    if result.suggestions:
        info(f"  and {result.suggestions} suggestion(s) for it")
    for f in result.secure_files:
        info(f"  secure folder: removed {f}")
    if result.secure_left:
        warn("the secure folder still holds its raw copy and original; rerun with --secure DIR to remove them")


@transcripts.command("rename")
@project_argument
@click.argument("old", metavar="TRANSCRIPT")
@click.argument("new", metavar="[NEW]", required=False)
@click.option("--secure", "secure", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The secure folder of the import: its copies named by the id move too, and it keeps the old id.")
@coder_option
def rename_cmd(project: ProjectRef, old: str, new: str | None, secure: Path, coder: str | None) -> None:
    """Rename TRANSCRIPT to NEW (default: the next free transcript-<n>) in every table that holds its id, in one
    transaction: mends an id made of a file name that holds a name. Earlier audit rows are redacted to the new id
    and one new row records that; the old id is kept only in the secure folder."""
    from ..store.rename import rename_transcript

    with open_project(project) as p:
        folder = SecureFolder.open(secure, project_path=p.path)
        if new is None:
            taken = set(p.transcript_ids())
            new = next(f"transcript-{n}" for n in range(1, len(taken) + 2) if f"transcript-{n}" not in taken)
        redacted = rename_transcript(p, folder, old, new, actor=coder)
    info(f"renamed transcript {old} to {new}; {redacted} earlier audit row(s) now name {new}")


def transcript_view(p: Project, transcript_id: str, secure: Path | None, preview: bool = False) -> TranscriptView:
    summary = next((s for s in p.transcript_summaries() if s.id == transcript_id), None)
    if summary is None:
        raise NotFound(f"no transcript {transcript_id!r} in the project")
    parts = {x.label: x for x in p.participants()}
    base: dict[str, Any] = {
        "id": summary.id, "title": summary.title, "source_format": summary.source_format, "kind": summary.kind,
        "status": summary.status, "source_sha256": summary.source_sha256,
        "normaliser_version": summary.normaliser_version,
    }
    t: Transcript | None
    if secure is not None:
        folder = SecureFolder.open(secure, project_path=p.path)
        base["source_file"] = folder.read_json(SOURCES_FILE, {}).get(transcript_id, {}).get("file")
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


def _preview_view(p: Project, folder: SecureFolder, transcript_id: str, base: dict[str, Any]) -> TranscriptView:
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
def show(project: ProjectRef, transcript_id: str, as_json: bool, secure: Path | None, preview: bool) -> None:
    """Print a transcript: the anonymised text, or with --secure the raw identifiable one (--preview: as it will be
    signed off)."""
    if preview and secure is None:
        raise CmoError("--preview needs --secure DIR: the preview is built from the secure raw copy and decisions")
    with open_project(project) as p:
        view = transcript_view(p, transcript_id, secure, preview)
    if as_json:
        emit_json(view.model_dump(mode="json"))
        return
    origin = f" from {view.source_file}" if view.source_file else ""
    kind = ", SECURE preview" if preview else (", SECURE raw copy" if view.secure else "")
    click.echo(f"{view.id}  [{view.source_format}, {view.status}{kind + origin if view.secure else ''}]")
    if preview:
        click.echo(view.warnings[0])
    if view.text is None:
        click.echo("(pending anonymisation: the project holds no text yet; use --secure to see the raw copy)")
        return
    heading = view.text[: view.turns[0].start if view.turns else len(view.text)].strip()
    if heading:  # a title above the first speaker, signed off as no one's turn
        click.echo(f"\n{heading}")
    for turn in view.turns:
        who = turn.speaker + (f" ({turn.speaker_name})" if turn.speaker_name else "")
        click.echo(f"\n{who}:")
        click.echo(view.text[turn.start : turn.end])


def register(cli: click.Group) -> None:
    cli.add_command(transcripts)
    cli.add_command(show)
