"""Leak check: search the project and any export for every registered name and its variants.

This is the last line of defence and is deliberately dumb: no model, no context, just
every manifest and register surface and variant, case-insensitively on word boundaries,
in every text file, every text member of a ZIP (.qdpx, .docx) and every text value in the
project database. Everyday-word forms of names (``Will``, ``Hope``) would hit every
sentence in lower case, so they count only when written capitalised mid-sentence.
"""

from __future__ import annotations

import re
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import CmoError
from ..store.secure import SecureFolder
from .register import RegisterItem, build_register, common_word_names, load_register_csv

TEXT_SUFFIXES = {".txt", ".json", ".jsonl", ".csv", ".tsv", ".xml", ".html", ".htm", ".md", ".qdc", ".qde", ".vtt",
                 ".srt", ".yaml", ".yml", ".gexf", ".graphml", ".dot", ".svg", ".rtf", ".log"}
ZIP_SUFFIXES = {".qdpx", ".docx", ".zip", ".xlsx", ".odt"}
MAX_MEMBER = 256 * 1024 * 1024
REGISTER_COPY = "register.csv"


@dataclass(frozen=True)
class LeakHit:
    path: Path
    member: str | None
    line: int
    column: int
    surface: str
    category: str

    def place(self) -> str:
        inner = f"!{self.member}" if self.member else ""
        return f"{self.path}{inner}:{self.line}:{self.column}"


@dataclass
class Matcher:
    anywhere: re.Pattern[str] | None
    capitalised: re.Pattern[str] | None
    category: dict[str, str]

    def finditer(self, text: str) -> Iterator[tuple[int, str, str]]:
        seen: set[int] = set()
        for pattern in (self.anywhere, self.capitalised):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                if m.start() in seen:
                    continue
                seen.add(m.start())
                surface = m.group(0)
                yield m.start(), surface, self.category.get(surface.lower(), "person")


def registered_items(secure: SecureFolder) -> list[RegisterItem]:
    """Every registered thing: the key's speakers and the register the anonymiser was last given."""
    extra = load_register_csv(secure.path / REGISTER_COPY) if (secure.path / REGISTER_COPY).exists() else []
    return build_register(secure.load_participant_key(), extra, set()).items


def build_matcher(items: list[RegisterItem]) -> Matcher:
    common = common_word_names()
    anywhere: set[str] = set()
    capitalised: set[str] = set()
    category: dict[str, str] = {}
    for item in items:
        for v in item.variants:
            v = v.strip()
            if len(v) < 2:
                continue
            category.setdefault(v.lower(), item.category)
            (capitalised if v.lower() in common else anywhere).add(v)
    def alt(forms: set[str]) -> str:
        parts = []
        for f in sorted(forms, key=lambda f: (-len(f), f)):
            parts.append(r"\s+".join(re.escape(w).replace("'", "['’]") for w in f.split()))
        return "|".join(parts)
    any_re = re.compile(r"(?<!\w)(?:" + alt(anywhere) + r")(?!\w)", re.IGNORECASE) if anywhere else None
    cap_re = None
    if capitalised:
        forms = {f[:1].upper() + f[1:] for f in capitalised}
        cap_re = re.compile(r"(?<=[\w,;] )(?:" + alt(forms) + r")(?!\w)")
    return Matcher(any_re, cap_re, category)


def scan_text(text: str, matcher: Matcher, path: Path, member: str | None) -> list[LeakHit]:
    hits = []
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    from bisect import bisect_right

    for pos, surface, category in matcher.finditer(text):
        line = bisect_right(line_starts, pos)
        hits.append(LeakHit(path, member, line, pos - line_starts[line - 1] + 1, surface, category))
    return hits


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        for enc in ("utf-16",):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _xml_text(data: bytes) -> str | None:
    """Word splits a name across runs (``<w:t>Dan</w:t><w:t>iel</w:t>``): also scan the joined text."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
    paragraphs = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in {"p", "PlainTextContent", "Description"}:
            paragraphs.append("".join(el.itertext()))
    return "\n".join(paragraphs) if paragraphs else None


def _scan_bytes(data: bytes, name: str, matcher: Matcher, path: Path, member: str | None) -> list[LeakHit]:
    text = _decode(data)
    if text is None:
        return []
    hits = scan_text(text, matcher, path, member)
    if name.lower().endswith((".xml", ".qde", ".qdc", ".rels")) or text.lstrip().startswith("<?xml"):
        joined = _xml_text(data)
        if joined:
            found = {h.surface.lower() for h in hits}
            extra = [h for h in scan_text(joined, matcher, path, (member or "") + "#text")
                     if h.surface.lower() not in found]
            hits += extra
    return hits


def _scan_zip(path: Path, matcher: Matcher, data: bytes | None = None, prefix: str = "") -> list[LeakHit]:
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CmoError(f"{path}{'!' + prefix if prefix else ''}: not a readable ZIP archive ({exc})") from None
    hits: list[LeakHit] = []
    with zf:
        total = 0
        for info in zf.infolist():
            if info.is_dir():
                continue
            if info.file_size > MAX_MEMBER:
                raise CmoError(f"{path}!{info.filename}: member too large to scan ({info.file_size} bytes)")
            total += info.file_size
            if total > 4 * MAX_MEMBER:
                raise CmoError(f"{path}: archive expands beyond {4 * MAX_MEMBER} bytes; refusing to scan it")
            name = prefix + info.filename
            try:
                content = zf.read(info)
            except (zipfile.BadZipFile, RuntimeError, OSError) as exc:
                raise CmoError(f"{path}!{name}: cannot read ZIP member ({exc})") from None
            if Path(info.filename).suffix.lower() in ZIP_SUFFIXES and not prefix:
                hits += _scan_zip(path, matcher, content, name + "!")
                continue
            hits += _scan_bytes(content, info.filename, matcher, path, name)
    return hits


def scan_paths(paths: list[Path], secure: SecureFolder) -> list[LeakHit]:
    """Every place a registered name or variant occurs in ``paths`` (files or folders, recursively)."""
    matcher = build_matcher(registered_items(secure))
    hits: list[LeakHit] = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise CmoError(f"{root}: no such file or folder to scan")
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for f in files:
            suffix = f.suffix.lower()
            if suffix in ZIP_SUFFIXES or (suffix not in TEXT_SUFFIXES and zipfile.is_zipfile(f)):
                hits += _scan_zip(f, matcher)
            elif suffix in {".sqlite", ".db", ".sqlite3"}:
                hits += _scan_db(f, matcher)
            elif suffix in TEXT_SUFFIXES or not suffix:
                hits += _scan_bytes(f.read_bytes(), f.name, matcher, f, None)
    return hits


def _scan_db(db: Path, matcher: Matcher, conn: sqlite3.Connection | None = None) -> list[LeakHit]:
    """Every text value of every table; the member names table, column and row."""
    own = conn is None
    if conn is None:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    hits: list[LeakHit] = []
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            try:
                rows = conn.execute(f'SELECT rowid, * FROM "{table}"').fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID tables
                rows = conn.execute(f'SELECT NULL, * FROM "{table}"').fetchall()
            for row in rows:
                for col, value in zip(cols, tuple(row)[1:], strict=True):
                    if isinstance(value, str):
                        hits += scan_text(value, matcher, db, f"{table}.{col}#{row[0]}")
    except sqlite3.DatabaseError as exc:
        raise CmoError(f"{db}: cannot read database ({exc})") from None
    finally:
        if own:
            conn.close()
    return hits


def scan_project(project: object, secure: SecureFolder) -> list[LeakHit]:
    """The whole project database (texts, titles, codings, memos, audit) and its other files."""
    from ..store.project import Project

    assert isinstance(project, Project)
    matcher = build_matcher(registered_items(secure))
    db = project.path / "project.sqlite"
    hits = _scan_db(db, matcher, project.conn)
    others = [p for p in project.path.rglob("*") if p.is_file() and not p.name.startswith("project.sqlite")]
    for f in sorted(others):
        suffix = f.suffix.lower()
        if suffix in ZIP_SUFFIXES:
            hits += _scan_zip(f, matcher)
        elif suffix in TEXT_SUFFIXES or not suffix:
            hits += _scan_bytes(f.read_bytes(), f.name, matcher, f, None)
    return hits
