"""Renaming a transcript: mending a project whose id holds a name (an id made, before the import read file names
with the anonymiser's lists, of "Interview with Sarah Pennington Ryde.txt").

Every table that holds the id is changed in one transaction: the transcript (and its title, where the title is
the id), its turns, codings and suggestions, the notes on it, and the audit log. The audit log is append-only,
and its earlier rows name the old id in ``entity_id`` and in their details. Leaving them would leave the leak;
deleting them would break the chain of events. So those rows are *redacted*: inside the same transaction the
append-only trigger is lifted, the old id in each earlier row is replaced by the new one (every row keeps its
place, time, actor and action), the trigger is put back as it was, and one new row records the rename and how
many earlier rows were redacted, without the old id. That is honest: nothing that happened is hidden or
reordered, the log says that it was mended, when and by whom, and the only thing removed is the identifying
text that should never have been there. The old id is written where identifying material belongs: the
secure folder's ``sources.json`` entry of the transcript keeps it as ``renamed_from``, beside the real file name.

The secure folder's files named by the id move with it (``raw/``, ``proposals/``, and the entries of
``sources.json``, ``kept-occurrences.json`` and ``redaction-key.json``); they are written before the project's
transaction commits and put back if it does not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import CmoError
from .project import Project
from .secure import SecureFolder

#: Columns that hold a transcript's id, beside ``transcripts.id`` (``notes.target_id`` only for a transcript).
ID_COLUMNS = (("turns", "transcript_id"), ("codings", "transcript_id"), ("suggestions", "transcript_id"))
#: Secure-folder files whose top-level keys are transcript ids.
KEYED_FILES = ("sources.json", "kept-occurrences.json", "redaction-key.json")
#: Secure-folder folders holding one ``<id>.json`` per transcript.
PER_TRANSCRIPT = ("raw", "proposals")
_APPEND_ONLY = "audit_no_update"


def check_new_id(project: Project, old: str, new: str) -> None:
    """Refuse a rename that cannot be done, naming why: no such transcript, the new id taken or not an id the
    import could make, or the new id itself holding a name."""
    from ..ingest.speakers import id_of_stem
    from ..ingest.stem_lexicon import stem_holds_name

    ids = set(project.transcript_ids())
    if old not in ids:
        raise CmoError(f"{project.location}: no transcript {old!r} to rename")
    if new in ids:
        raise CmoError(f"{project.location}: transcript {new!r} exists already; choose another id")
    if not new or id_of_stem(new) != new:
        raise CmoError(f"{new!r} is not an id: use letters, digits, '_', '.' and '-' (e.g. transcript-7)")
    if (kind := stem_holds_name(new)) is not None:
        raise CmoError(f"the new id {new!r} may hold {kind}: choose a neutral one (e.g. transcript-7)")


def rename_transcript(project: Project, secure: SecureFolder, old: str, new: str,
                      actor: str | None = None) -> int:
    """Rename transcript ``old`` to ``new`` everywhere; the number of earlier audit rows redacted."""
    if project.conn.is_postgres:
        raise CmoError(f"{project.location}: renaming a transcript is done on a project in a folder (SQLite); "
                       "copy the project to a folder, rename there, and copy it back")
    check_new_id(project, old, new)
    with _secure_moved(secure, old, new), project.transaction(actor) as tx:
        conn = project.conn
        conn.execute("PRAGMA defer_foreign_keys = ON")  # the children follow the transcript before commit
        conn.execute("UPDATE transcripts SET id = ?, title = CASE WHEN title = ? THEN ? ELSE title END "
                     "WHERE id = ?", (new, old, new, old))
        for table, column in ID_COLUMNS:
            conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE "{column}" = ?', (new, old))
        conn.execute("UPDATE notes SET target_id = ? WHERE target_kind = 'transcript' AND target_id = ?", (new, old))
        redacted = _redact_audit(conn, old, new)
        tx.audit("rename", "transcript", new, {"earlier_rows_redacted": redacted})
        _nothing_left(conn, old, new)
    return redacted


def _redact_audit(conn: Any, old: str, new: str) -> int:
    """The old id replaced by the new one in earlier audit rows, the append-only trigger lifted only meanwhile."""
    rows = conn.execute("SELECT seq, entity_id, detail FROM audit WHERE entity_id = ? OR instr(detail, ?) > 0",
                        (old, old)).fetchall()
    changed = [(new if entity == old else entity, json.dumps(_swap(json.loads(detail), old, new), sort_keys=True),
                seq) for seq, entity, detail in rows]
    if not changed:
        return 0
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                           (_APPEND_ONLY,)).fetchone()
    if trigger is None:
        raise CmoError("the project's audit log has lost its append-only trigger; refusing to change it")
    conn.execute(f"DROP TRIGGER {_APPEND_ONLY}")
    conn.executemany("UPDATE audit SET entity_id = ?, detail = ? WHERE seq = ?", changed)
    conn.execute(trigger[0])
    return len(changed)


def _swap(value: Any, old: str, new: str) -> Any:
    """``value`` (a row's detail) with each string that is the old id replaced, keys too (only whole strings:
    "transcript-1" must not change "transcript-10")."""
    if isinstance(value, str):
        return new if value == old else value
    if isinstance(value, list):
        return [_swap(v, old, new) for v in value]
    if isinstance(value, dict):
        return {_swap(k, old, new): _swap(v, old, new) for k, v in value.items()}
    return value


def _nothing_left(conn: Any, old: str, new: str) -> None:
    """Every text value of every table is read for the old id once more: a table added later that holds it must
    stop the rename, not be left holding the name."""
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]
        for col in cols:
            hit = conn.execute(f'SELECT 1 FROM "{table}" WHERE "{col}" = ? LIMIT 1', (old,)).fetchone()
            if hit is None and (table, col) == ("audit", "detail"):
                hit = next((1 for (d,) in conn.execute("SELECT detail FROM audit WHERE instr(detail, ?) > 0", (old,))
                            if _swap(json.loads(d), old, new) != json.loads(d)), None)
            if hit is not None:
                raise CmoError(f"the project's {table}.{col} still holds the old id after renaming; nothing was "
                               "changed (please report this)")


@contextmanager
def _secure_moved(secure: SecureFolder, old: str, new: str) -> Iterator[None]:
    """The secure folder's files of ``old`` copied to ``new`` and its keyed entries renamed; undone if the block
    fails (the project's transaction did not commit), the old files removed once it ended without error."""
    saved: dict[str, Any] = {}
    made: list[Path] = []
    gone: list[Path] = []
    try:
        for folder in PER_TRANSCRIPT:
            src, dst = secure.path / folder / f"{old}.json", secure.path / folder / f"{new}.json"
            if src.exists():
                data = json.loads(src.read_text(encoding="utf-8"))
                for key in ("id", "title", "transcript_id"):
                    if data.get(key) == old:
                        data[key] = new
                dst.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
                made.append(dst)
                gone.append(src)
        for name in KEYED_FILES:
            data = secure.read_json(name, None)
            if isinstance(data, dict) and old in data:
                saved[name] = json.loads(json.dumps(data))
                entry = data.pop(old)
                if name == "sources.json" and isinstance(entry, dict):
                    entry = {**entry, "renamed_from": old}
                data[new] = entry
                secure.write_json(name, data)
        yield
    except BaseException:
        for p in made:
            p.unlink(missing_ok=True)
        for name, data in saved.items():
            secure.write_json(name, data)
        raise
    for p in gone:
        p.unlink(missing_ok=True)
