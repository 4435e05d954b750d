"""Codings tables (CSV and JSON Lines) in and out: the format coders edit in a spreadsheet.

Import validates every row against the codebook and the signed-off text, and collects
*every* problem with its row and column before deciding: the whole file is refused
(nothing written) unless ``skip_invalid`` is set. Rows with empty ``start``/``end`` have
their quote located; rows with offsets must slice exactly to their quote. The ``cmoc``
column groups codings into configurations (several names separated by ``;``); an
optional ``configurations.csv`` (``name,pt,judgement,rationale``) adds judgements.

Export writes the same columns back in document order, with offsets filled in, so an
exported file imports into a project holding the same transcripts unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import CmoError, NotFound, ValidationFailed
from ..model import Coding, Configuration, ConfigurationMember, Transcript
from ..model.coding import CodingOrigin
from ..model.coding_table import CODING_COLUMNS, CONFIGURATION_COLUMNS, CodingRow
from ..model.vocab import Component, Stance
from ..store import Project
from ..store.atomic import write_text
from ..store.project import current_actor
from ..textfile import read_user_text
from .locate import Span, locate_quote, span_from_offsets
from .outputs import TableImportReport
from .service import build_coding, configuration_id, insert_coding, parse_judgement

Format = Literal["csv", "jsonl"]
REQUIRED_COLUMNS = ("transcript", "quote", "pt")
CONFIG_COLUMNS = CONFIGURATION_COLUMNS


@dataclass
class ImportReport:
    rows: int = 0
    codings: int = 0
    configurations: int = 0
    already_present: int = 0
    configurations_already_present: int = 0
    skipped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return TableImportReport(rows=self.rows, codings=self.codings, configurations=self.configurations,
                                 already_present=self.already_present,
                                 configurations_already_present=self.configurations_already_present,
                                 skipped=self.skipped).model_dump(mode="json")


@dataclass(frozen=True)
class _Raw:
    """One row as read: its place in the file and its cells as text (or JSON values)."""

    where: str  # "row 3" (CSV, header is row 1) or "line 3" (JSON Lines)
    cells: dict[str, Any]


def detect_format(path: Path, fmt: str | None) -> Format:
    if fmt in ("csv", "jsonl"):
        return fmt  # type: ignore[return-value]
    if fmt not in (None, "auto"):
        raise CmoError(f"unknown table format {fmt!r} (expected csv or jsonl)")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    return "csv"


def _read_text(path: Path) -> str:
    return read_user_text(path, "a CSV or JSON Lines table")[0]


def _read_csv(path: Path, text: str, columns: tuple[str, ...], required: tuple[str, ...]) -> list[_Raw]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise CmoError(f"{path}: row 1: no header ({exc})") from None
    missing = [c for c in required if c not in header]
    unknown = [h for h in header if h not in columns]
    dupes = sorted({h for h in header if header.count(h) > 1})
    problems = []
    if missing:
        problems.append(f"row 1: missing column(s) {', '.join(missing)}")
    if unknown:
        problems.append(f"row 1: unknown column(s) {', '.join(unknown)} (expected {', '.join(columns)})")
    if dupes:
        problems.append(f"row 1: column(s) {', '.join(dupes)} appear twice")
    if problems:
        raise ValidationFailed(f"{path}: bad header", problems)
    rows = []
    try:
        for i, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                problems.append(f"row {i}: has {len(cells)} cells, the header has {len(header)}")
                continue
            rows.append(_Raw(f"row {i}", dict(zip(header, cells, strict=True))))
    except csv.Error as exc:
        raise CmoError(f"{path}: line {reader.line_num}: malformed CSV ({exc})") from None
    if problems:
        raise ValidationFailed(f"{path}: malformed rows", problems)
    return rows


def _read_jsonl(path: Path, text: str, columns: tuple[str, ...], required: tuple[str, ...]) -> list[_Raw]:
    rows, problems = [], []
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {i}: not JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:  # "[[[[…" a hundred thousand deep: json recurses per level
            problems.append(f"line {i}: not a coding (JSON nested too deeply)")
            continue
        if not isinstance(obj, dict):
            problems.append(f"line {i}: expected an object with keys {', '.join(columns)}")
            continue
        unknown = [k for k in obj if k not in columns]
        missing = [k for k in required if k not in obj]
        if unknown:
            problems.append(f"line {i}: unknown key(s) {', '.join(unknown)}")
        if missing:
            problems.append(f"line {i}: missing key(s) {', '.join(missing)}")
        if not unknown and not missing:
            rows.append(_Raw(f"line {i}", obj))
    if problems:
        raise ValidationFailed(f"{path}: malformed lines", problems)
    return rows


def read_rows(path: Path, fmt: str | None = None) -> list[_Raw]:
    text = _read_text(path)
    if detect_format(path, fmt) == "jsonl":
        return _read_jsonl(path, text, CODING_COLUMNS, REQUIRED_COLUMNS)
    return _read_csv(path, text, CODING_COLUMNS, REQUIRED_COLUMNS)


# -- cell parsing ------------------------------------------------------------------------------------


class _CellError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"column {column}: {message}")


def _text(cells: dict[str, Any], column: str) -> str | None:
    v = cells.get(column)
    if v is None:
        return None
    if not isinstance(v, str):
        raise _CellError(column, f"expected text, got {json.dumps(v)}")
    return v if v.strip() else None


def _int(cells: dict[str, Any], column: str) -> int | None:
    v = cells.get(column)
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool | float):
        raise _CellError(column, f"{v!r} is not a whole number")
    if isinstance(v, int):
        value = v
    else:
        try:
            value = int(str(v).strip())
        except ValueError:
            raise _CellError(column, f"{v!r} is not a whole number") from None
    if value < 0:
        raise _CellError(column, f"{value} is negative")
    return value


def parse_row(raw: _Raw, default_coder: str) -> CodingRow:
    """Cells → a typed row, every cell error named by its column."""
    cells = raw.cells
    errors = []

    def grab(fn: Any, column: str) -> Any:
        try:
            return fn(cells, column)
        except _CellError as exc:
            errors.append(str(exc))
            return None

    values = {c: grab(_int if c in ("start", "end") else _text, c) for c in CODING_COLUMNS}
    quote = cells.get("quote")
    if isinstance(quote, str) and quote:
        values["quote"] = quote  # quotes keep their white space: it is part of the witness
    for column in REQUIRED_COLUMNS:
        if values[column] is None and not any(e.startswith(f"column {column}:") for e in errors):
            errors.append(f"column {column}: empty")
    component = None
    if values["component"] is not None:
        try:
            component = Component.parse(values["component"])
        except ValueError as exc:
            errors.append(f"column component: {exc}")
    stance = Stance.supports
    if values["stance"] is not None:
        try:
            stance = Stance.parse(values["stance"])
        except ValueError as exc:
            errors.append(f"column stance: {exc}")
    offsets_readable = not any(e.startswith(("column start:", "column end:")) for e in errors)
    if offsets_readable and (values["start"] is None) != (values["end"] is None):
        errors.append("column start/end: give both offsets or neither")
    if errors:
        raise ValidationFailed(raw.where, errors)
    return CodingRow(
        transcript=values["transcript"].strip(), start=values["start"], end=values["end"], quote=values["quote"],
        pt=values["pt"].strip(), component=component, element=(values["element"] or "").strip() or None,
        stance=stance, coder=(values["coder"] or "").strip() or default_coder, memo=values["memo"],
        cmoc=values["cmoc"],
    )


def _split_cmoc(value: str | None) -> list[str]:
    return [n.strip() for n in (value or "").split(";") if n.strip()]


# -- import ------------------------------------------------------------------------------------------


def read_configurations(path: Path) -> dict[str, dict[str, Any]]:
    """``configurations.csv`` → {name: {pt, judgement, rationale}}, all problems listed at once."""
    text = _read_text(path)
    rows = _read_csv(path, text, CONFIG_COLUMNS, ("name", "pt"))
    out: dict[str, dict[str, Any]] = {}
    problems = []
    for raw in rows:
        name = (raw.cells.get("name") or "").strip()
        pt = (raw.cells.get("pt") or "").strip()
        judgement_text = (raw.cells.get("judgement") or "").strip().lower()
        if not name:
            problems.append(f"{raw.where}, column name: empty")
            continue
        if name in out:
            problems.append(f"{raw.where}, column name: {name!r} appears twice")
        judgement = None
        try:
            judgement = parse_judgement(judgement_text)
        except CmoError as exc:
            problems.append(f"{raw.where}, column judgement: {exc}")
        out[name] = {"pt": pt, "judgement": judgement,
                     "rationale": (raw.cells.get("rationale") or "").strip() or None, "where": raw.where}
    if problems:
        raise ValidationFailed(f"{path}: invalid configurations", problems)
    return out


def _span_for(row: CodingRow, transcript: Transcript, allow_cross_turn: bool) -> Span:
    if row.start is not None and row.end is not None:
        span = span_from_offsets(transcript, row.start, row.end, allow_cross_turn)
        if span.text != row.quote:
            raise CmoError(
                f"column start/end: {row.start}:{row.end} reads {span.text[:60]!r}, not the quote {row.quote[:60]!r}"
            )
        return span
    try:
        return locate_quote(transcript, row.quote, allow_cross_turn=allow_cross_turn)
    except CmoError as exc:
        raise CmoError(f"column quote: {exc}") from None


def import_table(
    project: Project, path: Path, *, fmt: str | None = None, configurations: Path | None = None,
    skip_invalid: bool = False, allow_cross_turn: bool = False, coder: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import a codings table in one transaction; refuse the whole file on any error unless skipping."""
    default_coder = coder or current_actor()
    raws = read_rows(path, fmt)
    config_meta = read_configurations(configurations) if configurations else {}
    report = ImportReport(rows=len(raws))
    problems: list[str] = []
    transcripts: dict[str, Transcript | CmoError] = {}
    # configuration name → [(where, coding, pt)]
    groups: dict[str, list[tuple[str, Coding]]] = {}
    added_by: dict[str, str] = {}  # coding id → the row that added it in this run
    with project.transaction(default_coder) as tx:
        for done, raw in enumerate(raws, start=1):
            if progress is not None:
                progress(done, len(raws))
            try:
                row = parse_row(raw, default_coder)
                if row.transcript not in transcripts:
                    try:
                        transcripts[row.transcript] = project.transcript(row.transcript)
                    except CmoError as exc:
                        transcripts[row.transcript] = exc
                t = transcripts[row.transcript]
                if isinstance(t, CmoError):
                    raise CmoError(f"column transcript: {t}")
                if project.codebook.find_pt(row.pt) is None:
                    raise CmoError(
                        f"column pt: unknown programme theory {row.pt} (the codebook has "
                        f"{', '.join(project.codebook.pt_ids)})"
                    )
                span = _span_for(row, t, allow_cross_turn)
                coding = build_coding(project, row.transcript, span, pt=row.pt, component=row.component,
                                      element=row.element, stance=row.stance, memo=row.memo, coder=row.coder,
                                      origin=CodingOrigin.table)
                held = _already_held(project, coding)
                if held is None:
                    insert_coding(tx, coding)
                    added_by[coding.id] = raw.where
                elif held.id in added_by:
                    raise CmoError(f"repeats {added_by[held.id]} (same span, code, stance and coder)")
                else:
                    coding = held
            except ValidationFailed as exc:
                lines = exc.problems or [str(exc)]
                problems.extend(f"{raw.where}: {p}" for p in lines)
                continue
            except CmoError as exc:
                problems.append(f"{raw.where}: {exc}")
                continue
            if held is None:
                report.codings += 1
            else:
                report.already_present += 1
            for name in _split_cmoc(row.cmoc):
                groups.setdefault(name, []).append((raw.where, coding))
        for name, meta in config_meta.items():
            if name not in groups:
                problems.append(f"{configurations}: {meta['where']}: configuration {name!r} has no codings in {path}")
        for name, members in groups.items():
            meta = config_meta.get(name, {})
            where = ", ".join(w for w, _ in members)
            pts = {c.pt for _, c in members}
            if len(pts) > 1:
                problems.append(f"{where}: configuration {name!r} mixes programme theories {', '.join(sorted(pts))}")
                continue
            pt = pts.pop()
            if meta.get("pt") and project.codebook.find_pt(meta["pt"]) != pt:
                problems.append(f"{configurations}: {meta['where']}: configuration {name!r} is for {meta['pt']}, "
                                f"but its codings ({where}) are coded to {pt}")
                continue
            no_role = [w for w, c in members if c.component is None]
            if no_role:
                problems.append(f"{', '.join(no_role)}: a coding in configuration {name!r} needs a component "
                                "(its role in the configuration)")
                continue
            member_ids = [c.id for _, c in members]
            held_config = _held_configuration(project, configuration_id(pt, name))
            if held_config is not None:
                if sorted(m.coding_id for m in held_config.members) == sorted(member_ids):
                    report.configurations_already_present += 1
                else:
                    problems.append(f"{where}: configuration {name!r} is already in the project with other "
                                    "codings; edit it there (cmo-coder cmoc) or name this one differently")
                continue
            try:
                config = Configuration(
                    id=configuration_id(pt, name), pt=pt, name=name,
                    members=[ConfigurationMember(coding_id=c.id, role=c.component) for _, c in members
                             if c.component is not None],
                    judgement=meta.get("judgement"), rationale=meta.get("rationale"), coder=members[0][1].coder,
                )
                tx.add_configuration(config)
            except ValidationFailed as exc:
                problems.extend(f"{where}: {p}" for p in (exc.problems or [str(exc)]))
                continue
            except (CmoError, ValueError) as exc:
                problems.append(f"{where}: configuration {name!r}: {_msg(exc)}")
                continue
            report.configurations += 1
        if problems and not skip_invalid:
            raise ValidationFailed(f"{path}: {len(problems)} problem(s); nothing was imported", problems)
        report.skipped = problems
        tx.audit("import", "codings_table", str(path.name), report.as_dict())
    return report


def _already_held(project: Project, coding: Coding) -> Coding | None:
    """The project's identical coding when this row is one it already holds (a rerun), else None.

    A coding's id is derived from its span, code, stance and coder, so the same row imported
    twice has the same id. If the stored one says something else (another memo), that is a
    genuine conflict, reported on the row rather than silently kept or overwritten.
    """
    try:
        held = project.coding(coding.id)
    except NotFound:
        return None
    if (held.memo or None) != (coding.memo or None):
        raise CmoError(f"already in the project as coding {held.id} with a different memo; change it with "
                       "'cmo-coder code edit' rather than importing it again")
    return held


def _held_configuration(project: Project, config_id: str) -> Configuration | None:
    try:
        return project.configuration(config_id)
    except NotFound:
        return None


def _msg(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return "; ".join(str(e.get("msg", e)).removeprefix("Value error, ") for e in errors())
    return str(exc)


# -- export ------------------------------------------------------------------------------------------


def _unknown_pt(project: Project, pt: str) -> str:
    raise CmoError(f"unknown programme theory {pt} (the codebook has {', '.join(project.codebook.pt_ids)})")


def export_rows(project: Project, **filters: Any) -> Iterator[dict[str, Any]]:
    """Codings in document order as table rows (offsets filled in, cmoc names joined by ';')."""
    names: dict[str, list[str]] = {}
    for config in project.configurations():
        for m in config.members:
            names.setdefault(m.coding_id, []).append(config.name)
    if filters.get("pt") is not None:  # "pt3" means PT3; an unknown PT is an error, not an empty table
        filters["pt"] = project.codebook.find_pt(filters["pt"]) or _unknown_pt(project, filters["pt"])
    for c in project.codings(**filters):
        yield {
            "transcript": c.transcript_id, "start": c.start, "end": c.end, "quote": c.text, "pt": c.pt,
            "component": c.component.value if c.component else None, "element": c.element,
            "stance": c.stance.value, "coder": c.coder, "memo": c.memo,
            "cmoc": ";".join(sorted(names.get(c.id, []))) or None,
        }


def render_table(rows: list[dict[str, Any]], fmt: Format) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps({k: r[k] for k in CODING_COLUMNS}, ensure_ascii=False) + "\n" for r in rows)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CODING_COLUMNS)
    for r in rows:
        w.writerow(["" if r[k] is None else r[k] for k in CODING_COLUMNS])
    return buf.getvalue()


def render_configurations(project: Project) -> str:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CONFIG_COLUMNS)
    for c in project.configurations():
        w.writerow([c.name, c.pt, c.judgement.value if c.judgement else "", c.rationale or ""])
    return buf.getvalue()


def export_table(project: Project, fmt: Format, out: Path | None = None, configurations: Path | None = None,
                 **filters: Any) -> str:
    """Render (and, given ``out``, write atomically) the codings table; returns the text."""
    text = render_table(list(export_rows(project, **filters)), fmt)
    if out is not None:
        write_text(out, text)
    if configurations is not None:
        write_text(configurations, render_configurations(project))
    return text
