"""Import a REFI-QDA project (QDPX archive or bare QDE) into a cmo-coder project.

Everything is read, placed and checked before the one transaction that writes: a file
that cannot be imported leaves the project as it was. Imported text is taken as already
anonymised (it comes from a team's QDA project), and with ``--secure`` it is leak-checked
first, in memory. Sources already present (same sha256 of the canonical text) are not
duplicated, two sources of one file with the same text become one transcript, and codings
already present are counted as unchanged, so re-importing is a no-op. Each selection is
checked against the quote its name gives (:mod:`.anchor`): re-anchored when that is
unambiguous, refused otherwise. A file none of whose sources can be read is refused.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, Field

from ..errors import CmoError, NotFound, ValidationFailed
from ..ids import slugify, stable_id
from ..model import (
    Coding,
    CodingOrigin,
    Component,
    Configuration,
    ConfigurationMember,
    Judgement,
    Participant,
    Role,
    SourceFormat,
    Stance,
    Transcript,
    TranscriptKind,
    Turn,
)
from ..model.note import MemoTarget, NoteOrigin, ProjectNote
from ..model.participant import LABEL_RE
from ..store import Project
from ..store.secure import SecureFolder
from . import leak, mapping, qdc, qde_read, theory_notes
from .anchor import anchor
from .archive import Limits, SafeZip
from .mapping import CodeMap, Target
from .model import QNote, QProject, QSource
from .offsets import Utf16Index, canonical, rewrite_segments
from .qde_write import CMO_CMOC_MARK, CMO_SOURCE_MARK

NORMALISER = "refi-qda-import-1"
_SOURCE_MARK = re.compile(re.escape(CMO_SOURCE_MARK) + r"([A-Za-z0-9][A-Za-z0-9_.-]{0,79})(?:; kind: (\w+))?")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CMOC = re.compile(re.escape(CMO_CMOC_MARK) + r"; pt: (\S+); judgement: (\w+); name: (.*)$", re.S)


class RefiImportReport(BaseModel):
    """What ``cmo-coder import-qdpx --json`` prints."""

    file: str
    origin: str | None = None
    offsets: str = Field(description="'codepoints' or 'utf16' (NVivo)")
    transcripts_added: list[str] = Field(default_factory=list)
    transcripts_unchanged: list[str] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    codings_added: int = 0
    codings_unchanged: int = 0
    memos: int = 0
    configurations_added: int = 0
    notes_added: int = Field(default=0, description="notes and memos not folded into a coding's memo: project-level "
                                                  "notes, and cmo-coder memos and theory versions")
    unmapped_codes: dict[str, int] = Field(default_factory=dict, description="code path → codings not imported")
    not_placed: list[str] = Field(default_factory=list, description="selections or codings that could not be placed")
    skipped: dict[str, int] = Field(default_factory=dict, description="elements with no home in cmo-coder, by kind")
    leak_check: str = "not run"
    warnings: list[str] = Field(default_factory=list)


@dataclass
class _Placed:
    transcript: Transcript
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # selection guid → canonical span
    new: bool = True


class _Texts:
    """Where source texts come from: the archive, or a ``sources`` folder beside a bare .qde."""

    def __init__(self, zf: SafeZip | None, folder: Path | None, origin: Path) -> None:
        self.zf, self.folder, self.origin = zf, folder, origin

    def load(self, src: QSource | QNote) -> tuple[str | None, str]:
        if src.plain_text_path:
            path = src.plain_text_path
            if not path.lower().startswith("internal://"):
                return None, f"text at {path!r} is outside the archive; only internal:// sources are read"
            name = path[len("internal://"):]
            if "/" in name or "\\" in name or name in ("", ".", ".."):
                return None, f"text path {path!r} is not a plain file name; refused"
            data = self._read(name)
            if data is None:
                return None, f"text file sources/{name} is missing"
            where = f"sources/{name}"
            if data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            try:
                return data.decode("utf-8"), where
            except UnicodeDecodeError as exc:
                # the file the user named comes first: "sources/…" alone did not say which import it was
                raise CmoError(f"{self.origin}: {where}: not UTF-8 text (byte {exc.start}); refused") from None
        if src.content is not None:
            return src.content, "PlainTextContent"
        return None, "no text (neither plainTextPath nor PlainTextContent)"

    def _read(self, name: str) -> bytes | None:
        if self.zf is not None:
            member = self.zf.find(f"sources/{name}")
            return self.zf.read(member) if member else None
        if self.folder is not None:
            for sub in self.folder.iterdir():
                if sub.is_dir() and sub.name.lower() == "sources":
                    for f in sub.iterdir():
                        if f.name.lower() == name.lower() and f.is_file():
                            return f.read_bytes()
        return None


def _dt(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _offsets_mode(origin: str | None, override: str) -> str:
    if override != "auto":
        return override
    o = (origin or "").lower()
    return "utf16" if ("nvivo" in o or "offsets=utf16" in o) else "codepoints"


def read_project(path: Path, stack: ExitStack) -> tuple[QProject, _Texts]:
    path = Path(path)
    if not path.exists():
        raise NotFound(f"{path}: file not found")
    if zipfile.is_zipfile(path):
        zf = stack.enter_context(SafeZip(path, Limits()))
        name = zf.project_file()
        qp = qde_read.read(zf.open(name), f"{path}:{name}")
        return qp, _Texts(zf, None, path)
    with open(path, "rb") as fh:
        head = fh.read(4)
    if path.suffix.lower() == ".qdpx" or head.startswith(b"PK"):
        raise CmoError(f"{path}: not a readable ZIP archive (a .qdpx file is a ZIP holding project.qde and sources/)")
    with open(path, "rb") as fh:
        qp = qde_read.read(fh, str(path))
    return qp, _Texts(None, path.parent, path)


def run(project: Project, path: Path, code_map: CodeMap | None = None, secure: SecureFolder | None = None,
        coder: str | None = None, offsets: str = "auto", actor: str | None = None,
        progress: Callable[[int, int], None] | None = None) -> RefiImportReport:
    path = Path(path)
    if path.suffix.lower() == ".qdc":
        return _codebook_only(project, path, code_map)
    with ExitStack() as stack:
        qp, texts = read_project(path, stack)
        mode = _offsets_mode(qp.origin, offsets)
        report = RefiImportReport(file=str(path), origin=qp.origin, offsets=mode, skipped=dict(qp.skipped))
        report.warnings.append("imported text is assumed to be anonymised already"
                               + ("" if secure else "; pass --secure DIR to leak-check it"))
        _note_texts(qp, texts, report)
        targets, unmapped = mapping.build(qp.codes, project.codebook, code_map)
        code_path = {c.guid: "/".join([*c.path, c.name]) for c in qp.codes}
        people = {p.label: p for case in qp.cases if (p := _participant(case.name, case.variables, report))}
        placed = _place_sources(project, qp, texts, mode, report, set(people))
        if qp.sources and not placed:
            reasons = "; ".join(report.not_placed[:3]) + (" …" if len(report.not_placed) > 3 else "")
            raise CmoError(f"{path}: none of its {len(qp.sources)} text source(s) could be imported, so nothing "
                           f"was: {reasons}")
        if secure is not None:
            _leak_check(placed, qp, secure, report, leak.codebook_reference(project) or [])
        default_coder = coder or actor or "imported"
        with project.transaction(actor) as tx:
            for person in people.values():
                tx.upsert_participant(person)
                report.participants.append(person.label)
            for pl in placed.values():
                if pl.new:
                    tx.add_document(pl.transcript)
                    report.transcripts_added.append(pl.transcript.id)
                else:
                    report.transcripts_unchanged.append(pl.transcript.id)
            notes = {n.guid: n for n in qp.notes}
            codings_of = _codings(tx, qp, placed, targets, code_path, notes, qp.users, default_coder, report,
                                  progress)
            configs_of = _configurations(tx, qp, notes, codings_of, qp.users, default_coder, report)
            _project_notes(tx, qp, report, codings_of, configs_of)
        foreign_links = [lk for lk in qp.links if not any(_is_cmoc(notes[n]) for n in lk.notes if n in notes)]
        if foreign_links:
            report.skipped["Link"] = len(foreign_links)
        report.unmapped_codes = {k: v for k, v in sorted(report.unmapped_codes.items())}
        for u in unmapped:
            report.unmapped_codes.setdefault(u, 0)
        return report


def _note_texts(qp: QProject, texts: _Texts, report: RefiImportReport) -> None:
    """A note whose text sits in a file (NVivo, cmo-coder's QualCoder profile) gets it as content."""
    for n in qp.notes:
        if n.content is None and n.plain_text_path:
            text, where = texts.load(n)
            if text is None:
                report.warnings.append(f"note {n.name or n.guid!r}: {where}; its text is not imported")
            n.content = text


def _codebook_only(project: Project, path: Path, code_map: CodeMap | None) -> RefiImportReport:
    codes = qdc.read(path)
    _, unmapped = mapping.build(codes, project.codebook, code_map)
    report = RefiImportReport(file=str(path), offsets="codepoints")
    report.unmapped_codes = {u: 0 for u in unmapped}
    report.warnings.append("a QDC file holds a codebook only; the project's codebook is fixed, so only the mapping "
                           "of its codes was checked")
    return report


def _referenced_notes(qp: QProject) -> set[str]:
    return {n for s in qp.sources for sel in s.selections for n in sel.notes}


def _is_cmoc(note: QNote) -> bool:
    return bool(note.description and note.description.startswith(CMO_CMOC_MARK))


def _snap(raw: str, i: int) -> int:
    """Never cut a CR LF pair: move the offset past the LF."""
    return i + 1 if 0 < i < len(raw) and raw[i - 1] == "\r" and raw[i] == "\n" else i


def _place_sources(project: Project, qp: QProject, texts: _Texts, mode: str, report: RefiImportReport,
                   labels: set[str]) -> dict[str, _Placed]:
    turn_refs: dict[str, list[tuple[str, str]]] = {}  # selection guid → [(case name, ...)]
    for case in qp.cases:
        for ref in case.selections:
            turn_refs.setdefault(ref, []).append((case.name, case.guid))
    out: dict[str, _Placed] = {}
    same_text: dict[str, _Placed] = {}  # sha256 of the stored text → the new transcript placed for it
    used_ids: set[str] = set()
    for src in qp.sources:
        raw, where = texts.load(src)
        if raw is None:
            report.not_placed.append(f"source {src.name!r}: {where}; {len(src.selections)} selection(s) not placed")
            continue
        if raw.startswith("\ufeff"):
            raw = raw[1:]
        u16 = Utf16Index(raw)
        raw_spans: dict[str, tuple[int, int]] = {}
        for sel in src.selections:
            try:
                if mode == "utf16":
                    s, e = u16.to_codepoint(sel.start), u16.to_codepoint(sel.end)
                else:
                    s, e = sel.start, sel.end
                if not 0 <= s < e <= len(raw):
                    raise ValueError(f"[{sel.start}, {sel.end}) is outside the text ({len(raw)} characters) or empty")
                placed_at = anchor(raw, s, e, sel.name, u16, from_utf16=mode == "utf16")
            except ValueError as exc:
                report.not_placed.append(f"source {src.name!r} selection {sel.guid}: {exc}")
                continue
            if placed_at.note:
                report.warnings.append(f"source {src.name!r} selection {sel.guid}: {placed_at.note}")
            raw_spans[sel.guid] = (_snap(raw, placed_at.start), _snap(raw, placed_at.end))
        text, m = rewrite_segments(raw, [b for span in raw_spans.values() for b in span], _stored)
        if text != _stored(raw):
            report.warnings.append(f"source {src.name!r}: Unicode normalisation across a selection boundary; "
                                   "spans kept, text normalised piecewise")
        dropped = len(_XML_ILLEGAL.findall(raw))
        if dropped:
            report.warnings.append(f"source {src.name!r}: {dropped} control character(s) XML cannot carry "
                                   "(NUL and the like) removed from its text; selections kept on their words")
        spans = {g: (m[s], m[e]) for g, (s, e) in raw_spans.items()}
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        mark = _SOURCE_MARK.search(src.description or "")
        tid = mark[1] if mark else (slugify(src.name, "source")[:80].strip("-.") or "source")
        if not re.match(r"^[A-Za-z0-9]", tid):
            tid = f"s{tid}"[:80]
        twin = same_text.get(sha)
        if twin is not None:
            # Two sources with the same text are one transcript: the project keys transcripts by
            # their text (source_sha256 is unique), and a second copy would double every count.
            report.warnings.append(f"source {src.name!r} has the same text as source {twin.transcript.title!r}; "
                                   f"imported as one transcript ({twin.transcript.id}), with the selections of both")
            out[src.guid] = _Placed(twin.transcript, spans, new=False)
            continue
        existing = project.transcript_by_sha(sha)
        turns = _turns(src, spans, turn_refs, labels, report)
        kind = TranscriptKind(mark[2]) if mark and mark[2] in ("transcript", "document") else (
            TranscriptKind.transcript if turns else TranscriptKind.document)
        if existing is not None:
            if project.transcript_status(existing) != "signed_off":
                report.not_placed.append(f"source {src.name!r}: matches transcript {existing}, which is pending "
                                         "anonymisation; not imported")
                continue
            out[src.guid] = _Placed(project.transcript(existing), spans, new=False)
            continue
        base, n = tid, 2
        while tid in used_ids or _exists(project, tid):
            tid = f"{base[:76]}-{n}"
            n += 1
        if tid != base:
            report.warnings.append(f"source {src.name!r}: transcript id {base} is taken by different text; "
                                   f"imported as {tid}")
        used_ids.add(tid)
        transcript = Transcript(id=tid, title=src.name, source_format=SourceFormat.refi_qda, kind=kind, text=text,
                                turns=turns, source_sha256=sha, normaliser_version=NORMALISER)
        out[src.guid] = same_text[sha] = _Placed(transcript, spans, new=True)
    return out


def _stored(raw: str) -> str:
    """What the project keeps of a source's text: canonical, without characters XML cannot carry."""
    return canonical(_XML_ILLEGAL.sub("", raw))


def _exists(project: Project, tid: str) -> bool:
    try:
        project.transcript_status(tid)
        return True
    except NotFound:
        return False


def _turns(src: QSource, spans: dict[str, tuple[int, int]], refs: dict[str, list[tuple[str, str]]],
           labels: set[str], report: RefiImportReport) -> list[Turn]:
    """Speaker turns from case selections; only for cases that become participants (turns name them)."""
    turns = []
    for g, (s, e) in spans.items():
        for case_name, _ in refs.get(g, []):
            if case_name in labels:
                turns.append(Turn(speaker=case_name, start=s, end=e))
    turns.sort(key=lambda t: (t.start, t.end))
    for a, b in zip(turns, turns[1:], strict=False):
        if b.start < a.end:
            report.warnings.append(f"source {src.name!r}: case selections overlap ({a.speaker}, {b.speaker}); "
                                   "speaker turns not reconstructed")
            return []
    return turns


def _participant(name: str, variables: dict[str, str], report: RefiImportReport) -> Participant | None:
    if not LABEL_RE.match(name):
        report.warnings.append(f"case {name!r}: not a study label (letter, then letters, digits, - or _); "
                               "not imported as a participant")
        return None
    vals = {k.strip(): v for k, v in variables.items()}
    role_text = next((v for k, v in vals.items() if k.lower() == "role"), None)
    if role_text is None:
        report.warnings.append(f"case {name!r}: no Role variable; not imported as a participant")
        return None
    try:
        role = Role.parse(role_text)
    except ValueError as exc:
        report.warnings.append(f"case {name!r}: {exc}; not imported as a participant")
        return None
    site = next((v for k, v in vals.items() if k.lower() == "site"), None)
    attrs = {k: v for k, v in vals.items() if k.lower() not in ("role", "site")}
    return Participant(label=name, role=role, site=site or None, attributes=attrs)


def _codings(tx: object, qp: QProject, placed: dict[str, _Placed], targets: dict[str, Target],
             code_path: dict[str, str], notes: dict[str, QNote], users: dict[str, str], default_coder: str,
             report: RefiImportReport, progress: Callable[[int, int], None] | None = None) -> dict[str, list[Coding]]:
    from ..store.project import Tx

    assert isinstance(tx, Tx)
    project = tx.project
    out: dict[str, list[Coding]] = {}
    for n, src in enumerate(qp.sources, 1):
        if progress:
            progress(n, len(qp.sources))
        pl = placed.get(src.guid)
        if pl is None:
            continue
        text = pl.transcript.text
        for sel in src.selections:
            if sel.guid not in pl.spans or not sel.codings:
                continue
            s, e = pl.spans[sel.guid]
            theory = []
            stances = []
            for ref in sel.codings:
                t = targets.get(ref.code)
                if t is None:
                    path = code_path.get(ref.code, ref.code)
                    report.unmapped_codes[path] = report.unmapped_codes.get(path, 0) + 1
                elif t.is_theory:
                    theory.append((t, ref))
                elif t.stance is not None:
                    stances.append(t.stance)
            if len(set(stances)) > 1:
                report.warnings.append(f"selection {sel.guid} carries several stances; using {stances[0].value}")
            keep = any(n in notes and _is_cmoc(notes[n]) for n in sel.notes)  # only CMOC members are needed later
            memo_parts = [notes[n].content or "" for n in sel.notes
                          if n in notes and not _is_cmoc(notes[n]) and not _is_targeted(notes[n])]
            memo = "\n\n".join(p for p in memo_parts if p) or None
            for t, ref in theory:
                stance = stances[0] if stances else (t.stance or Stance.supports)
                who = users.get(ref.user or "") or users.get(sel.user or "") or default_coder
                assert t.pt is not None
                cid = stable_id("cod", pl.transcript.id, s, e, t.pt, t.component.value if t.component else "",
                                t.element or "", stance.value, who)
                coding = Coding(id=cid, transcript_id=pl.transcript.id, start=s, end=e, text=text[s:e], pt=t.pt,
                                component=t.component, element=t.element, stance=stance, coder=who, memo=memo,
                                origin=CodingOrigin.refi_qda, created_at=_dt(ref.created or sel.created),
                                updated_at=_dt(sel.modified or ref.created or sel.created))
                try:
                    project.coding(cid)
                    report.codings_unchanged += 1
                    if keep:
                        out.setdefault(sel.guid, []).append(project.coding(cid))
                    continue
                except NotFound:
                    pass
                try:
                    tx.add_coding(coding)
                except ValidationFailed as exc:
                    report.not_placed.append(f"source {src.name!r} selection {sel.guid}: {exc}".replace("\n", " "))
                    continue
                report.codings_added += 1
                report.memos += 1 if memo else 0
                if keep:
                    out.setdefault(sel.guid, []).append(coding)
    return out


def _configurations(tx: object, qp: QProject, notes: dict[str, QNote], codings_of: dict[str, list[Coding]],
                    users: dict[str, str], default_coder: str, report: RefiImportReport) -> dict[str, str]:
    """Add the CMOCs the file's configuration notes describe; returns note GUID → configuration id."""
    from ..store.project import Tx

    assert isinstance(tx, Tx)
    made: dict[str, str] = {}
    members_of: dict[str, list[str]] = {}
    for src in qp.sources:
        for sel in src.selections:
            for n in sel.notes:
                members_of.setdefault(n, []).append(sel.guid)
    for note in qp.notes:
        if not _is_cmoc(note):
            continue
        m = _CMOC.match(note.description or "")
        if not m:
            report.warnings.append(f"note {note.name!r}: configuration description not understood; skipped")
            continue
        pt, judgement, name = m[1], m[2], m[3].strip()
        members: dict[str, Component] = {}
        for g in members_of.get(note.guid, []):
            for c in codings_of.get(g, []):
                if c.pt == pt and c.component is not None:
                    members.setdefault(c.id, c.component)
        rationale = None
        if note.content and "Rationale: " in note.content:
            rationale = note.content.split("Rationale: ", 1)[1]
        cid = stable_id("cmoc", pt, name, *sorted(members))
        try:
            tx.project.configuration(cid)
            made[note.guid] = cid
            continue
        except NotFound:
            pass
        try:
            cfg = Configuration(
                id=cid, pt=pt, name=name,
                members=[ConfigurationMember(coding_id=k, role=v) for k, v in members.items()],
                judgement=Judgement(judgement) if judgement in Judgement.__members__ else None,
                rationale=rationale, coder=users.get(note.user or "") or default_coder,
                created_at=_dt(note.created), updated_at=_dt(note.modified),
            )
            tx.add_configuration(cfg)
            made[note.guid] = cid
            report.configurations_added += 1
        except (ValueError, ValidationFailed) as exc:
            report.not_placed.append(f"configuration {name!r}: {exc}".replace("\n", " "))
    return made


def _is_targeted(note: QNote) -> bool:
    """A cmo-coder memo or theory-version note: kept as a memo of its own, not folded into a coding's memo."""
    return bool(theory_notes.read_memo_mark(note.description) or theory_notes.read_theory_mark(note.description))


def _memo_target(tx: object, note: QNote, qp: QProject, codings_of: dict[str, list[Coding]],
                 configs_of: dict[str, str]) -> tuple[MemoTarget | None, str | None]:
    """What an exported memo or theory version was about, if this project has it too; else (None, None)."""
    from ..store.project import Tx

    assert isinstance(tx, Tx)
    project = tx.project
    if (version := theory_notes.read_theory_mark(note.description)) is not None:
        return (MemoTarget.pt, version[0]) if version[0] in project.codebook.pt_ids else (None, None)
    marked = theory_notes.read_memo_mark(note.description)
    if marked is None:
        return None, None
    kind, target = marked
    if kind is MemoTarget.coding:
        for src in qp.sources:
            for sel in src.selections:
                if note.guid in sel.notes and codings_of.get(sel.guid):
                    return kind, codings_of[sel.guid][0].id
    if kind is MemoTarget.cmoc:  # on the CMOC's links, beside the CMOC's own note
        for lk in qp.links:
            made = [configs_of[n] for n in lk.notes if n in configs_of]
            if note.guid in lk.notes and made:
                return kind, made[0]
    table = {MemoTarget.coding: "codings", MemoTarget.transcript: "transcripts", MemoTarget.cmoc: "configurations"}
    if kind is MemoTarget.pt:
        found = target in project.codebook.pt_ids
    else:
        found = project.conn.execute(f"SELECT 1 FROM {table[kind]} WHERE id = ?", (target,)).fetchone() is not None
    return (kind, target) if found else (None, None)


def _project_notes(tx: object, qp: QProject, report: RefiImportReport,
                   codings_of: dict[str, list[Coding]] | None = None, configs_of: dict[str, str] | None = None) -> None:
    """Notes attached to no selection (research diaries, project memos) become project notes; cmo-coder's
    memos and theory versions become memos on what they were about, when this project has it."""
    from ..store.project import Tx

    assert isinstance(tx, Tx)
    referenced = _referenced_notes(qp)
    for n in qp.notes:
        if _is_cmoc(n) or (n.guid in referenced and not _is_targeted(n)):
            continue
        nid = stable_id("note", n.guid)
        if tx.project.note(nid) is not None:
            continue
        kind, target = _memo_target(tx, n, qp, codings_of or {}, configs_of or {})
        description = None if kind is not None and theory_notes.read_memo_mark(n.description) else n.description
        tx.add_note(ProjectNote(id=nid, title=(n.name or "").strip() or "Note", description=description or None,
                                body=n.content or "", author=qp.users.get(n.user or ""), origin=NoteOrigin.refi_qda,
                                created_at=_dt(n.created), updated_at=_dt(n.modified or n.created),
                                target_kind=kind, target_id=target))
        report.notes_added += 1


def _leak_check(placed: dict[str, _Placed], qp: QProject, secure: SecureFolder, report: RefiImportReport,
                reference: list[str]) -> None:
    """Scan every text that would enter the project (new transcripts, memos and notes), in memory, as the
    study's own exports are scanned: every registered form and accepted surface, an occurrence the study's
    review kept ("in June last year" of a participant called June) recognised by the words around it, and
    the codebook quoted in a note recognised as the codebook. An archive this study exported (to NVivo and
    back) then imports as it left; a name it never held is still refused."""
    texts = {f"{report.file}: source {pl.transcript.title!r}": pl.transcript.text
             for pl in placed.values() if pl.new}
    notes = [n for n in qp.notes if (n.content or n.description or n.name)]
    if notes:
        texts[f"{report.file}: notes"] = "\n\n".join(
            "\n".join(x for x in (n.name, n.description, n.content) if x) for n in notes)
    hits = leak.scan_texts(texts, secure, reference) if texts else []
    if hits:
        raise leak.refuse(hits, "import")
    report.leak_check = "passed"
