"""Word lists derived at the start of a run, kept on disk between runs and rebuilt whenever what made them changes.

Why: every ``anonymise`` and ``review`` built the same lists again from the packages' raw data before doing
anything else: Faker's names of some sixty locales, the subtitle word counts, the dictionary with its stems, the
names a dictionary also holds, the name lexicons. That was about a second of CPU time a run, more than the base's
whole start. The lists hold public words and names only, never a transcript's text or a register's entry, so they
may live in the user's cache folder beside the project caches (``$CMO_CODER_CACHE``, else
``$XDG_CACHE_HOME/cmo-coder``, else ``~/.cache/cmo-coder``: :func:`..store.location.cache_root`).

A stored list is used only when it was made by the very same code and data: its file name holds a digest of every
source and data file of the installed ``cmo_coder`` (path, size and time of last change), of the versions of the
packages the lists are read from and of Python's, so any change to any of them makes the list anew. Lists are
written with :mod:`marshal` (plain strings, numbers, sets, tuples and dicts; loading one runs no code), to a
temporary file renamed into place, so a run that stops half-way or two runs at once leave either a whole list or
none. A list that cannot be read or written is made as before: the cache only ever saves time.
``CMO_CODER_LIST_CACHE=0`` turns it off.

Why every file is checked before it is used: :mod:`marshal` is not made for damaged or hostile data, and a wrong
list is worse than a slow start, since a name missing from a name list is a name left in a transcript. A file
holds a header, a SHA-256 of its own name and its payload, and the payload; it is used only when it is a regular
file of sensible size, its checksum matches (so a torn, flipped, emptied or truncated file, or another version's
file copied under this name, is refused before marshal reads a byte) and the value has the shape the build
function's return annotation promises (:mod:`.stored_check`). Anything else is made anew and written over it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
import tempfile
import typing
from collections.abc import Callable
from functools import cache, wraps
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from .stored_check import fits

T = TypeVar("T")

SOURCES = ("faker", "names", "english-words", "pyspellchecker", "nicknames", "jellyfish", "spacy")
"""The distributions the stored lists are read from, or that could change how they are read: their versions are
part of every list's key."""

OFF_ENV = "CMO_CODER_LIST_CACHE"


def enabled() -> bool:
    return os.environ.get(OFF_ENV, "1").strip().lower() not in {"0", "off", "no", "false"}


@cache
def code_digest() -> str:
    """:func:`tree_digest` of the installed package, once a process."""
    return tree_digest(Path(__file__).resolve().parent.parent)


def tree_digest(root: Path) -> str:
    """A digest of everything a stored list may depend on: each source and data file under ``root`` (by path, size
    and time of last change, as Python tells a stale compiled module), the source distributions' versions and
    Python's own."""
    h = hashlib.sha256()
    h.update(sys.version.encode())
    for dist in SOURCES:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"\0{dist}={version}".encode())
    files = []
    for top, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        files += [os.path.join(top, n) for n in names if not n.endswith((".pyc", ".pyo"))]
    for path in sorted(files):
        st = os.stat(path)
        h.update(f"\0{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()[:24]


def folder() -> Path:
    from ..store.location import cache_root

    return cache_root() / "lists"


MAGIC = b"cmo-coder stored list 2\n"
"""The first bytes of every stored list: a file without them (an older layout, another program's) is not read."""

MAX_BYTES = 256 * 1024 * 1024
"""No stored list comes near this size (all of them together are about 7 MB): a bigger file is not one of ours."""


def _checksum(path: Path, payload: bytes) -> bytes:
    """SHA-256 of the file's name and its payload: a payload moved under another list's or version's name fails."""
    return hashlib.sha256(path.name.encode() + b"\0" + payload).digest()


def _read(path: Path) -> tuple[bool, object]:
    """``(True, value)`` of a whole, untouched stored list at ``path``, else ``(False, None)``; never raises.

    The file is opened without blocking and read only when it is a regular file (a FIFO or a device put in its
    place would hang or never end), and marshal reads the payload only when its checksum matches."""
    try:
        data = _read_regular(path)
        if data is None or not data.startswith(MAGIC):
            return False, None
        digest, payload = data[len(MAGIC):len(MAGIC) + 32], data[len(MAGIC) + 32:]
        if len(digest) != 32 or digest != _checksum(path, payload):
            return False, None
        return True, marshal.loads(payload)
    except Exception:  # noqa: BLE001 (a damaged store must only cost time: MemoryError, RecursionError and all)
        return False, None


def _read_regular(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most :data:`MAX_BYTES`, else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        return data if len(data) <= MAX_BYTES else None
    finally:
        os.close(fd)


def _write(path: Path, value: Any) -> None:
    try:
        payload = marshal.dumps(value)
        data = MAGIC + _checksum(path, payload) + payload
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)  # atomic: a reader sees the old file or this one, never a part
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path)
    except (OSError, ValueError):
        return  # a full disk or a folder we may not write: the list was made, only not kept


KEPT = 4
"""Versions of one list kept (the newest by time of writing): two checkouts or installs used in turn each keep
theirs, and the lists of code long gone do not pile up."""


def _prune(path: Path) -> None:
    stem = path.name.rsplit("-", 1)[0]
    others = [(p.stat().st_mtime_ns, p) for p in path.parent.glob(f"{stem}-*.marshal") if p != path]
    for _, old in sorted(others, reverse=True)[KEPT - 1:]:
        old.unlink(missing_ok=True)


@cache
def _returns(build: Callable[..., object]) -> object:
    """The return annotation of ``build``, resolved (``typing.Any`` where it has none or it cannot be resolved)."""
    try:
        return typing.get_type_hints(build).get("return", Any)
    except Exception:  # noqa: BLE001 (an annotation that names something gone: check nothing but marshal's types)
        return Any


def stored(name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Keep what ``build(*args)`` returns on disk under ``name``, its arguments and :func:`code_digest`.

    ``build`` must return plain data (:mod:`marshal`'s types) and depend on nothing but the package's own files,
    the :data:`SOURCES` packages and its arguments (which must have a stable ``repr``)."""

    def wrap(build: Callable[..., T]) -> Callable[..., T]:
        @wraps(build)
        def get(*args: object) -> T:
            if not enabled():
                return build(*args)
            tag = hashlib.sha256(repr(args).encode()).hexdigest()[:12]
            path = folder() / f"{name}-{tag}-{code_digest()}.marshal"
            ok, value = _read(path)
            if ok and fits(value, _returns(build)):
                return value  # type: ignore[return-value]
            made = build(*args)
            _write(path, made)
            return made

        return get

    return wrap
