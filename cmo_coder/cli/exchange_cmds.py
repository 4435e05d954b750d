"""Commands of the exchange stage: ``export`` (QDPX/QDC) and ``import-qdpx``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from ..exchange import export as export_mod
from ..exchange import importer
from ..exchange.mapping import load_map
from ..exchange.textprep import Profile
from ..store import current_actor
from ..store.secure import SecureFolder
from .options import ProjectRef, coder_option, json_option, open_project, project_argument
from .output import emit_json, info, is_tty, warn

optional_secure = click.option(
    "--secure", "secure", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="The secure folder; when given, the leak check runs on what is written or read.",
)


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr when a person is watching; nothing in scripts and tests."""
    if not is_tty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(n: int, total: int) -> None:
            bar.update(task, completed=n, total=total)

        yield update


@click.command("export")
@project_argument
@click.option("--qdpx", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write a REFI-QDA project archive (NVivo, ATLAS.ti, MAXQDA, QualCoder).")
@click.option("--qdc", "qdc_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the codebook alone as a REFI-QDA codebook.")
@click.option("--profile", type=click.Choice([p.value for p in Profile]), default=Profile.refi.value,
              show_default=True,
              help="refi: code-point offsets, LF (the standard); nvivo: UTF-16 offsets and CR LF, as NVivo counts; "
                   "qualcoder: as refi, without the uncoded turn selections QualCoder turns into empty "
                   "annotations, and with note texts in files so they arrive as journals.")
@click.option("--signed-off-only", is_flag=True, help="Skip transcripts still awaiting anonymisation.")
@optional_secure
@json_option
def export_cmd(project: ProjectRef, qdpx: Path | None, qdc_path: Path | None, profile: str, signed_off_only: bool,
               secure: Path | None, as_json: bool) -> None:
    """Export PROJECT's anonymised transcripts, codes, codings, cases, memos and CMOCs as REFI-QDA."""
    with open_project(project, read_only=True) as p:
        folder = SecureFolder.open(secure, project_path=project) if secure else None
        with _progress("exporting sources") as progress:
            report = export_mod.run(p, qdpx, qdc_path, Profile(profile), folder, signed_off_only, progress)
    for w in report.warnings:
        warn(w)
    if as_json:
        emit_json(report.model_dump(mode="json"))
        return
    if report.qdpx:
        c = report.counts
        click.echo(f"wrote {report.qdpx}: {c.sources} source(s), {c.selections} selection(s), {c.codings} coding(s), "
                   f"{c.cases} case(s), {c.notes} note(s), {c.links} link(s), {c.graphs} graph(s) "
                   f"[profile {report.profile.value}, leak check {report.leak_check}]")
        tools = ", ".join(loss.target for loss in report.data_loss)
        info(f"expected losses when importing into {tools}:")
        for loss in report.data_loss:
            for line in loss.losses:
                info(f"  {loss.target}: {line}")
    if report.qdc:
        click.echo(f"wrote {report.qdc}")


@click.command("import-qdpx")
@project_argument
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--map", "map_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="YAML file mapping foreign code names (or Parent/Child paths) to PT, component, element, stance.")
@click.option("--offsets", type=click.Choice(["auto", "codepoints", "utf16"]), default="auto", show_default=True,
              help="How the file counts selection offsets; auto: UTF-16 for NVivo, code points otherwise.")
@optional_secure
@coder_option
@json_option
def import_cmd(project: ProjectRef, file: Path, map_path: Path | None, offsets: str, secure: Path | None,
               coder: str | None, as_json: bool) -> None:
    """Import a REFI-QDA project (.qdpx, or a .qde with its sources/ folder) or check a .qdc codebook."""
    code_map = load_map(map_path) if map_path else None
    with open_project(project) as p:
        folder = SecureFolder.open(secure, project_path=project) if secure else None
        with _progress("importing sources") as progress:
            report = importer.run(p, file, code_map, folder, coder=coder, offsets=offsets,
                                  actor=coder or current_actor(), progress=progress)
    for w in report.warnings:
        warn(w)
    if as_json:
        emit_json(report.model_dump(mode="json"))
        return
    click.echo(f"imported {file} ({report.origin or 'unknown origin'}, offsets {report.offsets}): "
               f"{len(report.transcripts_added)} new transcript(s), {len(report.transcripts_unchanged)} unchanged, "
               f"{len(report.participants)} participant(s), {report.codings_added} coding(s) added, "
               f"{report.codings_unchanged} unchanged, {report.configurations_added} configuration(s)")
    if report.unmapped_codes:
        info(f"{len(report.unmapped_codes)} code(s) not mapped to the codebook (write a --map file):")
        for path, n in report.unmapped_codes.items():
            info(f"  {path} ({n} coding(s))")
    for line in report.not_placed:
        warn(f"not placed: {line}")


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""
    cli.add_command(export_cmd)
    cli.add_command(import_cmd)
