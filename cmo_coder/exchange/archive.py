"""ZIP in and out: refuse hostile archives on read, write byte-identical archives.

Reading never extracts to disk: members are streamed with a running byte count, so a
member that lies about its size cannot exceed the limits either. Writing sorts entries,
pins timestamps and permissions, and deflates, so the same project gives the same bytes.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO

from ..errors import CmoError


@dataclass(frozen=True)
class Limits:
    """Generous for real studies (hundreds of transcripts), fatal for bombs."""

    max_entries: int = 20_000
    max_entry_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 1024 * 1024  # small entries may compress well without being bombs


#: What zipfile raises on a damaged archive or entry (bad headers, bad CRC, truncated data,
#: an unsupported compression method): all are a bad file, never a bug of ours.
_CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError, RuntimeError)


class _Counted:
    """A member stream that stops at the limit whatever the header claimed."""

    def __init__(self, raw: IO[bytes], limit: int, where: str) -> None:
        self.raw, self.limit, self.where, self.count = raw, limit, where, 0

    def read(self, n: int = -1) -> bytes:
        try:
            chunk = self.raw.read(n if n and n > 0 else 1 << 20)
        except _CORRUPT as exc:
            raise CmoError(f"{self.where}: corrupt archive entry ({exc})") from None
        self.count += len(chunk)
        if self.count > self.limit:
            raise CmoError(f"{self.where}: expands beyond its size limit ({self.limit} bytes); refused as a zip bomb")
        return chunk


class SafeZip:
    """A validated archive. Names are looked up case-insensitively (NVivo writes ``Sources/``)."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        if not zipfile.is_zipfile(self.path):
            raise CmoError(f"{self.path}: not a ZIP archive (a .qdpx file is a ZIP holding project.qde and sources/)")
        try:
            self.zf = zipfile.ZipFile(self.path)
        except _CORRUPT as exc:
            raise CmoError(f"{self.path}: unreadable ZIP archive ({exc})") from None
        self._by_name: dict[str, zipfile.ZipInfo] = {}
        self._check()

    def _check(self) -> None:
        infos = self.zf.infolist()
        lim = self.limits
        if len(infos) > lim.max_entries:
            raise CmoError(f"{self.path}: {len(infos)} entries, more than the limit of {lim.max_entries}")
        total = 0
        for info in infos:
            name = info.filename
            where = f"{self.path}:{name}"
            p = PurePosixPath(name.replace("\\", "/"))
            if p.is_absolute() or ".." in p.parts or (p.parts and ":" in p.parts[0]) or "\x00" in name:
                raise CmoError(f"{where}: entry path escapes the archive folder (zip-slip); refused")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise CmoError(f"{where}: symbolic link inside the archive; refused")
            if info.flag_bits & 0x1:
                raise CmoError(f"{where}: encrypted entry; REFI-QDA archives are not encrypted")
            if info.file_size > lim.max_entry_bytes:
                raise CmoError(f"{where}: {info.file_size} bytes, beyond the per-entry limit of {lim.max_entry_bytes}")
            if info.file_size > lim.ratio_floor_bytes and info.file_size > lim.max_ratio * max(info.compress_size, 1):
                raise CmoError(
                    f"{where}: compression ratio {info.file_size / max(info.compress_size, 1):.0f}:1 "
                    f"exceeds {lim.max_ratio:.0f}:1; refused as a zip bomb"
                )
            total += info.file_size
            if total > lim.max_total_bytes:
                raise CmoError(f"{self.path}: contents exceed {lim.max_total_bytes} bytes in total; refused")
            if not info.is_dir():
                self._by_name[str(p).lower()] = info

    def close(self) -> None:
        self.zf.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return sorted(i.filename for i in self._by_name.values())

    def find(self, name: str) -> str | None:
        info = self._by_name.get(str(PurePosixPath(name.replace("\\", "/"))).lower())
        return info.filename if info else None

    def open(self, name: str) -> _Counted:
        info = self._by_name[str(PurePosixPath(name.replace("\\", "/"))).lower()]
        where = f"{self.path}:{name}"
        try:
            raw = self.zf.open(info)
        except _CORRUPT as exc:
            raise CmoError(f"{where}: corrupt archive entry ({exc})") from None
        return _Counted(raw, min(info.file_size, self.limits.max_entry_bytes), where)

    def read(self, name: str) -> bytes:
        stream = self.open(name)
        parts = []
        while chunk := stream.read(1 << 20):
            parts.append(chunk)
        return b"".join(parts)

    def project_file(self) -> str:
        """``project.qde``, or the one ``*.qde`` at the top (ATLAS.ti names it after the project)."""
        exact = self.find("project.qde")
        if exact:
            return exact
        top = [n for n in self.names() if "/" not in n and n.lower().endswith(".qde")]
        if len(top) == 1:
            return top[0]
        raise CmoError(f"{self.path}: no project.qde in the archive" + (f" (found {', '.join(top)})" if top else ""))


def zip_datetime(when: datetime) -> tuple[int, int, int, int, int, int]:
    """ZIP cannot store dates before 1980; clamp rather than fail."""
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


class DeterministicZip:
    """Write entries in the order given (callers sort), with fixed metadata."""

    def __init__(self, fh: IO[bytes], when: datetime) -> None:
        self.zf = zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self.date_time = zip_datetime(when)

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        return info

    def write_bytes(self, name: str, data: bytes) -> None:
        self.zf.writestr(self._info(name), data)

    def write_file(self, name: str, source: Path) -> None:
        """Stream a (large) file into the archive without holding it in memory."""
        info = self._info(name)
        info.file_size = source.stat().st_size  # lets zipfile decide on ZIP64 only when needed
        with open(source, "rb") as src, self.zf.open(info, "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)

    def close(self) -> None:
        self.zf.close()

