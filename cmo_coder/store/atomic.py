"""Write files so that a crash or an error never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: When this process started (near enough: when this module was first imported). A temporary
#: artefact last touched before it cannot belong to a write still in progress in this process.
PROCESS_STARTED = time.time()
#: The random part ``tempfile`` puts in its names.
_RANDOM = r"[a-z0-9_]{8}"


def temp_file_pattern(target: Path) -> re.Pattern[str]:
    """The exact names :func:`atomic_writer` (and the QDPX export) give the temporary copy of ``target``."""
    return re.compile(re.escape(f".{target.name}.") + _RANDOM + r"\.tmp")


def _newest_mtime(path: Path) -> float:
    newest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for sub in path.rglob("*"):
            with contextlib.suppress(OSError):
                newest = max(newest, sub.lstat().st_mtime)
    return newest


def sweep_stale(folder: Path, *patterns: re.Pattern[str], started: float | None = None) -> list[Path]:
    """Remove temporary artefacts a killed earlier run left in ``folder``; return what was removed.

    Only names matching one of ``patterns`` exactly are touched (nothing a user could have
    named so by chance: a leading dot, our prefix, tempfile's eight random characters), and
    only when nothing in them changed since this process started, so a write in progress
    (ours, or another process's that is still writing) is left alone.
    """
    cutoff = PROCESS_STARTED if started is None else started
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not any(p.fullmatch(entry.name) for p in patterns):
            continue
        try:
            if _newest_mtime(entry) >= cutoff:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Yield a file in ``path``'s folder; rename it over ``path`` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(path.parent, temp_file_pattern(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        fh: IO = os.fdopen(fd, mode, encoding=encoding, newline="") if "b" not in mode else os.fdopen(fd, mode)
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str) -> None:
    with atomic_writer(path, "w") as fh:
        fh.write(text)


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb", encoding=None) as fh:
        fh.write(data)


def write_text_once(path: Path, text: str) -> bool:
    """Create ``path`` holding ``text`` unless it exists; True if this call made it.

    For a file that must never change once made (a salt): two writers racing to make it both see it
    missing, and ``write_text`` would let the second replace the first's after the first was used.
    The text is written whole to a temporary file first and then linked into place, which fails if
    the name exists, so a reader never sees it half-written and the first writer's file stays.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
