"""Reading a project's rows back into the model, refusing a damaged row by its table, row and project.

Why: a project database is a file a user can open in any SQLite tool, copy half-way or restore from a broken
backup. A JSON cell cut short (``{"team": "res``), a cell of the wrong type (a list where a participant's attributes
are an object, a word where a turn's offset is a number) or a value the model refuses was read with ``json.loads``
or a model's constructor straight into a command, and came out as "internal error: JSONDecodeError" or a bare
"invalid input" naming no table; ``review --sign-off`` stopped that way half-way through its checks. Every such
row is now one :class:`DamagedRow` error that names the project, the table, the row and the column, and since every
change runs in one transaction, a command that meets one writes nothing (a sign-off included).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from ..errors import CmoError

_JSON_NAMES = {dict: "object", list: "list", str: "string", int: "number", float: "number", bool: "true or false",
               type(None): "null"}

ADVICE = "the project database was damaged or edited by hand; restore project.sqlite from a backup"


class DamagedRow(CmoError):
    """A row of the project database that cannot be what the code wrote."""


def _name(row: object) -> str:
    text = str(row)
    return repr(text[:60] + "…") if len(text) > 60 else repr(text)


def damaged(where: object, table: str, row: object, why: str) -> DamagedRow:
    """The error for ``row`` of ``table`` in the project at ``where``, saying ``why``."""
    return DamagedRow(f"{where}: table {table}, row {_name(row)}: {why}; {ADVICE}")


def json_cell(value: object, kind: type, *, where: object, table: str, row: object, column: str) -> Any:
    """The JSON of one cell, which must decode to a ``kind`` (``dict`` or ``list``)."""
    if not isinstance(value, str):
        raise damaged(where, table, row, f"column {column} holds {type(value).__name__}, not JSON text")
    try:
        data = json.loads(value)
    except (ValueError, RecursionError) as exc:
        raise damaged(where, table, row, f"column {column} is not valid JSON ({_short(exc)})") from None
    if not isinstance(data, kind):
        raise damaged(where, table, row, f"column {column} holds a JSON {_JSON_NAMES.get(type(data), 'value')}, "
                                         f"not {'a list' if kind is list else 'an object'}")
    return data


@contextlib.contextmanager
def reading(where: object, table: str, row: object) -> Iterator[None]:
    """Turn a model's refusal of a row's values (or a value no conversion takes) into :class:`DamagedRow`."""
    try:
        yield
    except DamagedRow:
        raise
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc']) or 'value'}: {e['msg']}" for e in exc.errors()[:3])
        raise damaged(where, table, row, f"a value the model refuses ({problems})") from None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise damaged(where, table, row, f"a value that cannot be read ({_short(exc)})") from None


def _short(exc: BaseException) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 160 else text[:159] + "…"
