"""Reading and writing PT versions, and keeping the current codebook in step with them.

The latest non-retired version of each PT *is* the codebook: after a change the
``programme_theories`` and ``elements`` rows and the codebook the project serves are
rewritten from the versions, inside the change's transaction. Retired PTs and elements
keep their rows (marked retired) so old codings and audit entries still name real things.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import NotFound
from ..model.codebook import Codebook, Element, ProgrammeTheory
from ..store import Project, Tx
from ..store.db import Row
from ..store.rows import json_cell, reading
from .model import PTVersion


def _version(r: Row, where: object) -> PTVersion:
    row = f"{r['pt']} version {r['version']}"

    def cell(column: str, kind: type) -> Any:
        return json_cell(r[column], kind, where=where, table="pt_versions", row=row, column=column)

    elements, evidence, moves = cell("elements", list), cell("evidence", list), cell("moves", dict)
    with reading(where, "pt_versions", row):
        return PTVersion(
            pt=r["pt"], version=r["version"], title=r["title"], statement=r["statement"],
            elements=[Element.model_validate(e) for e in elements], retired=bool(r["retired"]),
            change=r["change"], rationale=r["rationale"], evidence=evidence, moves=moves, author=r["author"],
            at=r["at"],
        )


def all_versions(project: Project) -> list[PTVersion]:
    """Every version of every PT, in the order they were made."""
    rows = project.conn.execute("SELECT * FROM pt_versions ORDER BY rowid")  # the order they were stored
    return [_version(r, project.location) for r in rows]


def history(project: Project, pt: str) -> list[PTVersion]:
    rows = project.conn.execute("SELECT * FROM pt_versions WHERE pt = ? ORDER BY version", (pt,)).fetchall()
    if not rows:
        raise NotFound(f"unknown programme theory {pt} (the codebook has {', '.join(project.codebook.pt_ids)})")
    return [_version(r, project.location) for r in rows]


def latest(project: Project) -> dict[str, PTVersion]:
    """The latest version of every PT ever made, retired ones included."""
    rows = project.conn.execute(
        "SELECT v.* FROM pt_versions v JOIN programme_theories p ON p.id = v.pt AND p.version = v.version "
        "ORDER BY p.position"
    )
    return {r["pt"]: _version(r, project.location) for r in rows}


def current_version(project: Project, pt: str) -> int:
    r = project.conn.execute("SELECT version FROM programme_theories WHERE id = ?", (pt,)).fetchone()
    if r is None:
        raise NotFound(f"unknown programme theory {pt}")
    return int(r[0])


def store_versions(tx: Tx, versions: list[PTVersion]) -> None:
    """Insert new versions and make the latest of each PT the current codebook."""
    conn = tx.conn
    for v in versions:
        position = conn.execute(
            "SELECT COALESCE((SELECT position FROM programme_theories WHERE id = ?), "
            "(SELECT COALESCE(MAX(position), -1) + 1 FROM programme_theories))", (v.pt,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO programme_theories (id, title, statement, position, version, retired) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
            "statement = excluded.statement, version = excluded.version, retired = excluded.retired",
            (v.pt, v.title, v.statement, position, v.version, int(v.retired)),
        )
        conn.execute(
            "INSERT INTO pt_versions (pt, version, title, statement, elements, retired, change, rationale, evidence, "
            "moves, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (v.pt, v.version, v.title, v.statement,
             json.dumps([e.model_dump(mode="json") for e in v.elements], ensure_ascii=False), int(v.retired),
             v.change.value, v.rationale, json.dumps(v.evidence), json.dumps(v.moves, sort_keys=True), v.author,
             v.at),
        )
        conn.execute("UPDATE elements SET retired = 1 WHERE pt = ?", (v.pt,))
        for j, e in enumerate(v.elements):
            conn.execute(
                "INSERT INTO elements (id, pt, component, statement, tag, position, retired) "
                "VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO UPDATE SET component = excluded.component, "
                "statement = excluded.statement, tag = excluded.tag, position = excluded.position, retired = 0",
                (e.id, v.pt, e.component.value, e.statement, e.tag, j),
            )
    sync_codebook(tx)


def sync_codebook(tx: Tx) -> None:
    """Rewrite the project's codebook from the latest live version of each PT."""
    project = tx.project
    old = project.codebook
    live = [v for v in latest(project).values() if not v.retired]
    codebook = Codebook(
        name=old.name, version=old.version, description=old.description, citation=old.citation,
        licence=old.licence,
        programme_theories=[ProgrammeTheory(id=v.pt, title=v.title, statement=v.statement, elements=v.elements)
                            for v in live],
    )
    tx.set_meta("codebook", codebook.model_dump_json())
    project.forget_codebook()
