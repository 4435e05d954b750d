"""Where a project lives: a folder (SQLite, ``project.sqlite`` inside) or a PostgreSQL URL.

Every command names its project the same way: a folder path, or ``postgresql://user:pw@host/db``
(``postgresql+psycopg://`` and ``postgres://`` are accepted too). A URL's password is never shown:
:attr:`Location.display` masks it in every message.

A project in a database still needs a local folder for what is not shared data: caches (the query
index, embeddings) and, until the team shares one, the trained suggester. That folder is under the
user's cache folder (``$CMO_CODER_CACHE``, else ``$XDG_CACHE_HOME/cmo-coder``, else
``~/.cache/cmo-coder``), named by the database's address without credentials.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CmoError
from .db import mask_url

POSTGRES_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def looks_like_url(text: str) -> bool:
    return _SCHEME.match(text) is not None


@dataclass(frozen=True)
class Location:
    """A project's place: ``folder`` for SQLite, ``url`` for PostgreSQL (exactly one is set)."""

    folder: Path | None = None
    url: str | None = None

    @property
    def is_postgres(self) -> bool:
        return self.url is not None

    @property
    def display(self) -> str:
        """How messages name the project: the folder, or the URL with its password masked."""
        return mask_url(self.url) if self.url is not None else str(self.folder)

    def __str__(self) -> str:
        return self.display

    def __repr__(self) -> str:  # a traceback or log line shows a Location: never with its password
        return f"Location({self.display!r})"

    @property
    def files_folder(self) -> Path:
        """The local folder for the project's files: the project folder itself, or a cache folder."""
        if self.folder is not None:
            return self.folder
        return cache_root() / "projects" / _address_key(self.url or "")


def cache_root() -> Path:
    explicit = os.environ.get("CMO_CODER_CACHE")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "cmo-coder"


def _address_key(url: str) -> str:
    """A folder name for a database: its host, port and name (no user, no password), readable and unique."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    readable = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{u.host or 'local'}_{u.port or 5432}_{u.database or ''}")
    digest = hashlib.sha256(f"{u.host}|{u.port}|{u.database}|{u.query}".encode()).hexdigest()[:12]
    return f"{readable}-{digest}"


def parse(ref: Path | str | Location) -> Location:
    """A folder path or a database URL as a :class:`Location`; an unknown scheme is refused in one line."""
    if isinstance(ref, Location):
        return ref
    if isinstance(ref, Path):
        return Location(folder=ref)
    m = _SCHEME.match(ref)
    if m is None:
        return Location(folder=Path(ref))
    scheme = m.group(1).lower()
    if scheme in POSTGRES_SCHEMES:
        return Location(url=ref)
    if scheme == "sqlite":
        rest = ref[m.end():]
        if not rest.startswith("/"):
            raise CmoError(f"{ref}: a sqlite URL names a project folder: sqlite:///path/to/project")
        return Location(folder=Path(rest[1:]))  # sqlite:///relative, sqlite:////absolute
    raise CmoError(
        f"{mask_url(ref)}: unknown database scheme {scheme!r} (use a project folder or postgresql://user@host/db)"
    )
