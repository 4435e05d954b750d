"""Commands of the ingest stage: ``import`` (``transcripts`` and ``show`` are in :mod:`.transcript_cmds`)."""

from __future__ import annotations

from pathlib import Path

import click

from ..ingest import import_files
from ..ingest.importer import DEFAULT_MAX_BYTES
from ..ingest.speakers import person_of_label
from . import transcript_cmds
from .options import ProjectRef, json_option, open_project, project_argument, secure_option
from .output import emit_json, info, is_tty, warn


@click.command("import")
@project_argument
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@secure_option
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Participants manifest CSV: name,aliases,role,site,label[,attributes...].")
@click.option("--register", "register_csv", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None,
              help="The study's register (as anonymise takes it): a file whose name holds a registered name or a "
                   "site's town is imported as transcript-<n>. Default: the copy an earlier anonymise run left in "
                   "the secure folder.")
@click.option("--replace", is_flag=True, help="Re-import a changed source file (refused if it has codings).")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=DEFAULT_MAX_BYTES / 1024 / 1024,
              show_default=True, help="Refuse files larger than this.")
@click.option("--infer-speakers", is_flag=True,
              help="Zoom: give cues without a speaker the previous speaker (flagged 'inferred_speaker').")
@click.option("--speaker", default=None, metavar="NAME",
              help="Give every turn without a speaker (SRT and other captions of one person) to NAME, a name, "
                   "alias or label of the manifest (flagged 'assigned_speaker'); for a group recorded without "
                   "speaker labels, the label of a manifest row of role 'group'.")
@click.option("--transcription-marker", "markers", multiple=True, metavar="REGEX",
              help="Teams DOCX: a line to drop such as '.* started transcription' (replaces the built-in "
                   "English, German and French markers; repeatable).")
@json_option
def import_cmd(project: ProjectRef, files: tuple[Path, ...], secure: Path, manifest: Path | None,
               register_csv: Path | None, replace: bool,
               max_mb: float, infer_speakers: bool, speaker: str | None, markers: tuple[str, ...],
               as_json: bool) -> None:
    """Import transcripts (Teams, Zoom, Otter, SRT, DOCX, ODT, RTF, PDF, plain text) as pending anonymisation.

    The identifiable text goes to the secure folder; the project records only the id,
    format and checksum until anonymisation signs the transcript off.
    """
    with open_project(project) as p:
        report = import_files(p, files, secure, manifest=manifest, replace=replace,
                              max_bytes=int(max_mb * 1024 * 1024), infer_speakers=infer_speakers,
                              progress=is_tty() and not as_json, transcription_markers=markers or None,
                              speaker=speaker, register=register_csv)
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
                line = s.suggested_manifest_line
                person = person_of_label(s.name)
                alias = not line.startswith(('"REAL NAME"', f'"{person}"'))
                what = f"{s.name}: an alias on this person's existing line, " if alias else ""
                if not alias and person != s.name:
                    what = f"{s.name}: the name without the label's pronouns or organisation, "
                elif not alias and len(person.split()) == 1 and not line.startswith('"REAL NAME"'):
                    # a Zoom member shown by a nickname ("Bunny") is often someone the manifest names in full
                    what = (f"{person} is one name alone: if the manifest names this person otherwise, add "
                            f"{person} to that line's aliases instead; ")
                if line.startswith('"REAL NAME","') and "@" in line:
                    # "I:" and "R:" name someone else in every file: the person may have a line already
                    scoped = line.split(",")[1].strip('"')
                    what = f"{scoped} names one person in this file only: or add it to that person's aliases, "
                if s.never_speaks:  # named by a Meet header only: a person of the meeting, no speaker
                    what = "an attendee who never speaks (the name is removed wherever said): " + what
                info(f"  {s.label:<6} {line}   # {what}in {', '.join(s.transcripts)}")
    if report.failed:
        info(f"{len(report.failed)} of {len(report.files)} file(s) failed")
        raise click.exceptions.Exit(1)


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""
    cli.add_command(import_cmd)
    transcript_cmds.register(cli)
