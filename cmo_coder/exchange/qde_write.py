"""Write ``project.qde`` for a project, streaming with ``lxml.etree.xmlfile``.

Only one transcript's text, turns and codings are in memory at a time, so the peak stays
bounded as studies grow; source texts are written to a staging folder as they are
visited and zipped afterwards. Children are written in schema order, containers only
when they have members, and every GUID is derived from a stable key (see ``guids``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from lxml import etree

from .. import __version__
from ..model import CHAIN, Coding, Configuration, Participant, Stance
from ..model.note import ProjectNote
from ..store import Project
from ..store.project import TURN_PARTICIPANT
from ..theory.model import ChangeKind, PTVersion
from ..theory.store import all_versions
from . import codetree, theory_notes
from .codetree import CodeNode, CodeTree, first_words
from .guids import guid
from .offsets import nfc
from .textprep import PreparedText, Profile, prepare
from .xmlsafe import xml_text

NS = "urn:QDA-XML:project:1.0"
CMO_SOURCE_MARK = "cmo-coder transcript id: "
CMO_CMOC_MARK = "cmo-coder configuration"
#: lxml writes the declaration with single quotes; some importers only accept the usual double-quoted form,
#: so this fixed line is written as bytes (it carries no data).
XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def new_el(tag: str, attrib: dict[str, str] | None = None, **kw: str) -> etree._Element:
    """A top-level element in the default namespace (no ``ns0:`` prefixes when streamed)."""
    return etree.Element(tag, {**(attrib or {}), **kw}, nsmap={None: NS})


def sub(parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
    return etree.SubElement(parent, q(tag), {k: v for k, v in attrib.items() if v is not None})


def text_el(parent: etree._Element, tag: str, value: str) -> etree._Element:
    el = sub(parent, tag)
    el.text = xml_text(value)
    return el


def iso(value: datetime | None) -> str:
    assert value is not None, "stored codings and configurations always carry their dates"
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class WriteStats:
    sources: int = 0
    selections: int = 0
    turn_selections: int = 0  # uncoded, one per speaker turn, for the Cases' SelectionRefs
    codings: int = 0
    notes: int = 0
    links: int = 0
    cases: int = 0
    graphs: int = 0
    astral_sources: list[str] = field(default_factory=list)
    nfc_changed: list[str] = field(default_factory=list)


class QdeWriter:
    """One export run: the project, the transcripts to export, and where the texts go."""

    def __init__(self, project: Project, transcript_ids: list[str], profile: Profile, text_dir: Path,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.project = project
        self.ids = transcript_ids
        self.id_set = set(transcript_ids)
        self.profile = profile
        self.text_dir = text_dir
        self.tree: CodeTree = codetree.build(project.codebook)
        self.code_index = self.tree.by_target()
        self.stance_codes = {st: self.tree.stance_code(st) for st in Stance}
        self.stats = WriteStats()
        self.progress = progress
        self.meta = {
            r["id"]: dict(r) for r in project.conn.execute(
                "SELECT id, title, kind, source_sha256, created_at, updated_at FROM transcripts "
                "WHERE status = 'signed_off'"
            ) if r["id"] in self.id_set
        }
        self.configs: list[Configuration] = [
            c for c in project.configurations()
            if all(self._coding_transcript(m.coding_id) in self.id_set for m in c.members)
        ]
        self.configs_of: dict[str, list[Configuration]] = defaultdict(list)
        for c in self.configs:
            for m in c.members:
                self.configs_of[m.coding_id].append(c)
        self.text_files: list[tuple[str, Path]] = []  # (archive name, staged file)
        self.project_notes: list[ProjectNote] = project.notes()
        self.note_names: set[str] = set()  # names of notes written as files (QualCoder journals)
        live = set(project.codebook.pt_ids)
        # every refinement of a live PT: its statement and rationale travel as notes on the PT's code
        self.versions: list[PTVersion] = [v for v in all_versions(project)
                                          if v.change is not ChangeKind.initial and v.pt in live]
        self.memo_refs: dict[tuple[str, str], list[str]] = defaultdict(list)  # (kind, target) → note GUIDs
        for pn in self.project_notes:
            if pn.target_kind is not None and pn.target_id is not None:
                self.memo_refs[(pn.target_kind.value, pn.target_id)].append(guid("note", pn.id))

    def _coding_transcript(self, coding_id: str) -> str | None:
        r = self.project.conn.execute("SELECT transcript_id FROM codings WHERE id = ?", (coding_id,)).fetchone()
        return r[0] if r else None

    # -- identities ---------------------------------------------------------------------------
    def source_guid(self, tid: str) -> str:
        return guid("source", tid, self.meta[tid]["source_sha256"])

    def selection_guid(self, coding_id: str) -> str:
        return guid("selection", coding_id)

    def turn_guid(self, tid: str, position: int) -> str:
        return guid("turn", tid, self.meta[tid]["source_sha256"], position)

    @staticmethod
    @functools.lru_cache(maxsize=1024)
    def user_guid(name: str) -> str:
        return guid("user", name)

    # -- the document -------------------------------------------------------------------------
    def write(self, fh: IO[bytes]) -> WriteStats:
        users = self._users()
        created = self.project.meta("created_at") or "1980-01-01T00:00:00Z"
        last = self.project.conn.execute("SELECT MAX(at) FROM audit").fetchone()[0] or created
        attrib = {"name": xml_text(self.project.codebook.name), "origin": self.origin()}
        if users:
            attrib["creatingUserGUID"] = self.user_guid(users[0])
        attrib["creationDateTime"] = created
        if users:
            attrib["modifyingUserGUID"] = self.user_guid(users[0])
        attrib["modifiedDateTime"] = last
        fh.write(XML_DECLARATION)
        with etree.xmlfile(fh, encoding="utf-8") as xf, xf.element(q("Project"), attrib, nsmap={None: NS}):
            xf.write("\n")
            if users:
                el = new_el(q("Users"))
                for u in users:
                    sub(el, "User", guid=self.user_guid(u), name=xml_text(u))
                self._put(xf, el)
            cb = new_el(q("CodeBook"))
            codes = sub(cb, "Codes")
            for root in self.tree.roots:
                codes.append(self._with_pt_notes(code_element(root, q), root))
            self._put(xf, cb)
            participants = self.project.participants()
            if participants:
                self._put(xf, self._variables(participants))
                with xf.element(q("Cases")):
                    for p in participants:
                        self._put(xf, self._case(p))
                        self.stats.cases += 1
            if self.ids:
                with xf.element(q("Sources")):
                    for n, tid in enumerate(self.ids, 1):
                        self._put(xf, self._source(tid))
                        if self.progress:
                            self.progress(n, len(self.ids))
            if self._has_notes():
                with xf.element(q("Notes")):
                    for note in self._notes():
                        self._put(xf, note)
                        self.stats.notes += 1
            links = [lk for c in self.configs for lk in self._links(c)]
            if links:
                el = new_el(q("Links"))
                for lk in links:
                    el.append(lk)
                self.stats.links = len(links)
                self._put(xf, el)
            self._put(xf, self._sets())
            graphs = new_el(q("Graphs"))
            for pt in self.project.codebook.programme_theories:
                graphs.append(self._graph(pt.id))
            self.stats.graphs = len(graphs)
            self._put(xf, graphs)
            cb_model = self.project.codebook
            desc = f"{cb_model.name} (codebook version {cb_model.version}), exported by cmo-coder {__version__}."
            if cb_model.citation:
                desc += f" Codebook source: {cb_model.citation}"
            self._put(xf, _text_only("Description", desc))
            for pn in self.project_notes:
                if pn.target_kind is None:  # memos hang off what they are about
                    self._put(xf, new_el(q("NoteRef"), targetGUID=guid("note", pn.id)))
        return self.stats

    def _with_pt_notes(self, el: etree._Element, root: CodeNode) -> etree._Element:
        """A PT folder code gains NoteRefs to its versions and memos (schema: after Description, before Codes)."""
        pt = next((p for p in self.project.codebook.pt_ids if root.guid == guid("code", p)), None)
        if pt is None:
            return el
        refs = [guid("theory-version", v.pt, v.version) for v in self.versions if v.pt == pt]
        refs += self.memo_refs.get(("pt", pt), [])
        at = 1 if len(el) and el[0].tag == q("Description") else 0
        for i, target in enumerate(refs):
            el.insert(at + i, etree.Element(q("NoteRef"), targetGUID=target))
        return el

    def origin(self) -> str:
        suffix = "; offsets=utf16-crlf" if self.profile is Profile.nvivo else ""
        return f"cmo-coder {__version__}{suffix}"

    @staticmethod
    def _put(xf: etree.xmlfile, el: etree._Element) -> None:
        xf.write(el, pretty_print=True)

    def _users(self) -> list[str]:
        rows = self.project.conn.execute(
            "SELECT coder FROM codings UNION SELECT coder FROM configurations "
            "UNION SELECT author FROM notes WHERE author IS NOT NULL "
            "UNION SELECT author FROM pt_versions WHERE change != 'initial' ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]

    # -- cases ----------------------------------------------------------------------------------
    def _variable_names(self, participants: list[Participant]) -> list[str]:
        extra = sorted({k for p in participants for k in p.attributes} - {"Role", "Site"})
        return ["Role", "Site", *extra]

    def _variables(self, participants: list[Participant]) -> etree._Element:
        el = new_el(q("Variables"))
        for name in self._variable_names(participants):
            v = sub(el, "Variable", guid=guid("variable", name), name=xml_text(name), typeOfVariable="Text")
            if name in ("Role", "Site"):
                text_el(v, "Description", "Study role of the participant." if name == "Role" else "Case study site.")
        return el

    def _case(self, p: Participant) -> etree._Element:
        el = new_el(q("Case"), guid=guid("case", p.label), name=p.label)
        values = {"Role": p.role.value, "Site": p.site, **p.attributes}
        for name in sorted(values, key=lambda k: (k not in ("Role", "Site"), k)):
            value = values[name]
            if value is None:
                continue
            vv = sub(el, "VariableValue")
            sub(vv, "VariableRef", targetGUID=guid("variable", name))
            text_el(vv, "TextValue", value)
        rows = [
            (r[0], r[1]) for r in self.project.conn.execute(
                "SELECT u.transcript_id, u.position FROM turns u JOIN transcripts t ON t.id = u.transcript_id "
                # a joint turn ("NOR-G02 & NOR-G04") is in each member's case, so NVivo finds it under both
                "JOIN participants p ON " + TURN_PARTICIPANT + " "
                "WHERE p.label = ? AND u.\"end\" > u.start ORDER BY t.position, u.position", (p.label,)
            ) if r[0] in self.id_set
        ]
        seen: list[str] = []
        for tid, _ in rows:
            if tid not in seen:
                seen.append(tid)
        for tid in seen:
            sub(el, "SourceRef", targetGUID=self.source_guid(tid))
        if self.profile.turn_selections:
            for tid, pos in rows:
                sub(el, "SelectionRef", targetGUID=self.turn_guid(tid, pos))
        return el

    # -- sources --------------------------------------------------------------------------------
    def _source(self, tid: str) -> etree._Element:
        t = self.project.transcript(tid)
        codings = self.project.codings(transcript_id=tid)
        bounds = [b for turn in t.turns for b in (turn.start, turn.end)]
        bounds += [b for c in codings for b in (c.start, c.end)]
        prepared = prepare(t.text, bounds, self.profile)
        if prepared.astral:
            self.stats.astral_sources.append(tid)
        if prepared.lf_text != t.text:
            self.stats.nfc_changed.append(tid)
        sguid = self.source_guid(tid)
        name = f"{sguid}.txt"
        staged = self.text_dir / name
        with open(staged, "w", encoding="utf-8", newline="") as out:
            out.write(prepared.written)
        self.text_files.append((f"sources/{name}", staged))
        meta = self.meta[tid]
        el = new_el(q("TextSource"), guid=sguid, name=xml_text(t.title), plainTextPath=f"internal://{name}",
                           creationDateTime=meta["created_at"], modifiedDateTime=meta["updated_at"])
        text_el(el, "Description", f"{CMO_SOURCE_MARK}{t.id}; kind: {t.kind.value}")
        selections: list[tuple[int, int, str, etree._Element]] = []
        for i, turn in enumerate(t.turns if self.profile.turn_selections else []):
            if turn.end <= turn.start:
                continue
            s, e = prepared.check(turn.start, turn.end, t.text[turn.start:turn.end], f"transcript {tid} turn {i}")
            g = self.turn_guid(tid, i)
            sel = new_el(q("PlainTextSelection"), guid=g, name=f"{turn.speaker} turn {i + 1}",
                                startPosition=str(s), endPosition=str(e))
            selections.append((s, e, g, sel))
            self.stats.turn_selections += 1
        for c in codings:
            selections.append(self._selection(c, prepared))
        for _, _, _, sel in sorted(selections, key=lambda x: (x[0], x[1], x[2])):
            el.append(sel)
        for target in self.memo_refs.get(("transcript", tid), []):
            sub(el, "NoteRef", targetGUID=target)
        self.stats.sources += 1
        self.stats.selections += len(selections)
        return el

    def _selection(self, c: Coding, prepared: PreparedText) -> tuple[int, int, str, etree._Element]:
        s, e = prepared.check(c.start, c.end, c.text, f"transcript {c.transcript_id} coding {c.id}")
        g = self.selection_guid(c.id)
        user = self.user_guid(c.coder)
        created, modified = iso(c.created_at), iso(c.updated_at)
        sel = new_el(q("PlainTextSelection"), guid=g, name=xml_text(first_words(c.text)) or "selection",
                            startPosition=str(s), endPosition=str(e), creatingUser=user, creationDateTime=created,
                            modifyingUser=user, modifiedDateTime=modified)
        if c.memo and xml_text(c.memo):
            # The memo also travels as the selection's Description (schema: first child), because
            # QualCoder reads a coding memo only from there and ignores NoteRefs on a selection;
            # the Note below stays for NVivo, ATLAS.ti and cmo-coder's own importer.
            text_el(sel, "Description", c.memo)
        code = codetree.code_for(self.code_index, c.pt, c.component, c.element)
        for key, node in (("code", code), ("stance", self.stance_codes[c.stance])):
            coding = sub(sel, "Coding", guid=guid("coding", c.id, key), creatingUser=user, creationDateTime=created)
            sub(coding, "CodeRef", targetGUID=node.guid)
            self.stats.codings += 1
        if c.memo:
            sub(sel, "NoteRef", targetGUID=guid("memo", c.id))
        for cfg in self.configs_of.get(c.id, []):
            sub(sel, "NoteRef", targetGUID=guid("cmoc", cfg.id))
        for target in self.memo_refs.get(("coding", c.id), []):
            sub(sel, "NoteRef", targetGUID=target)
        return s, e, g, sel

    # -- notes ----------------------------------------------------------------------------------
    def _has_notes(self) -> bool:
        if self.configs or self.project_notes or self.versions:
            return True
        placeholders = ",".join("?" * len(self.ids))
        return bool(self.ids) and self.project.conn.execute(
            "SELECT 1 FROM codings WHERE memo IS NOT NULL AND memo != '' "
            f"AND transcript_id IN ({placeholders}) LIMIT 1",
            self.ids,
        ).fetchone() is not None

    def _notes(self) -> list[etree._Element] | _NoteStream:
        return _NoteStream(self)

    def memo_note(self, c: Coding) -> etree._Element:
        user = self.user_guid(c.coder)
        el = new_el(q("Note"), guid=guid("memo", c.id), name=xml_text(f"Memo: {first_words(c.text, 6)}"),
                           creatingUser=user, creationDateTime=iso(c.created_at), modifyingUser=user,
                           modifiedDateTime=iso(c.updated_at))
        text_el(el, "Description", f"cmo-coder memo on a {c.pt} coding")
        text_el(el, "PlainTextContent", c.memo or "")
        return el

    def cmoc_note(self, cfg: Configuration) -> etree._Element:
        user = self.user_guid(cfg.coder)
        el = new_el(q("Note"), guid=guid("cmoc", cfg.id), name=xml_text(f"CMOC {cfg.pt}: {cfg.name}"),
                           creatingUser=user, creationDateTime=iso(cfg.created_at), modifyingUser=user,
                           modifiedDateTime=iso(cfg.updated_at))
        judgement = cfg.judgement.value if cfg.judgement else "none"
        text_el(el, "Description", f"{CMO_CMOC_MARK}; pt: {cfg.pt}; judgement: {judgement}; name: {cfg.name}")
        roles = " → ".join(m.role.short for m in sorted(cfg.members, key=lambda m: CHAIN.index(m.role)))
        body = f"Configuration {cfg.name} ({cfg.pt}, {roles})."
        if cfg.judgement:
            body += f"\nJudgement: {cfg.judgement.value}."
        if cfg.rationale:
            body += f"\nRationale: {cfg.rationale}"
        self._note_text(el, body)
        return el

    def _note_text(self, el: etree._Element, body: str) -> None:
        """The note's text: inline, or (QualCoder profile) in its own file under a unique name."""
        if not self.profile.note_files:
            text_el(el, "PlainTextContent", body)
            return
        base = el.get("name") or "Note"
        name, k = base, 1
        while name in self.note_names:
            k += 1
            name = f"{base} ({k})"
        self.note_names.add(name)
        el.set("name", name)
        file = f"{el.get('guid')}.txt"
        staged = self.text_dir / file
        with open(staged, "w", encoding="utf-8", newline="") as out:
            out.write(nfc(xml_text(body)))
        self.text_files.append((f"sources/{file}", staged))
        el.set("plainTextPath", f"internal://{file}")

    def project_note(self, pn: ProjectNote) -> etree._Element:
        user = self.user_guid(pn.author) if pn.author else None
        el = new_el(q("Note"), guid=guid("note", pn.id), name=xml_text(pn.title))
        if user:
            el.set("creatingUser", user)
        el.set("creationDateTime", iso(pn.created_at))
        if user:
            el.set("modifyingUser", user)
        el.set("modifiedDateTime", iso(pn.updated_at))
        description = theory_notes.memo_description(pn)
        if description:
            text_el(el, "Description", description)
        self._note_text(el, pn.body)
        return el

    def version_note(self, v: PTVersion) -> etree._Element:
        """One refinement of a PT: its statement, elements, rationale and evidence, on the PT's code."""
        user = self.user_guid(v.author)
        el = new_el(q("Note"), guid=guid("theory-version", v.pt, v.version),
                    name=xml_text(theory_notes.version_title(v)), creatingUser=user, creationDateTime=v.at,
                    modifyingUser=user, modifiedDateTime=v.at)
        text_el(el, "Description", theory_notes.version_description(v))
        self._note_text(el, theory_notes.version_body(v))
        return el

    # -- links, sets, graphs --------------------------------------------------------------------
    def _ordered_pairs(self, cfg: Configuration) -> list[tuple[str, str, str]]:
        groups = [[m for m in cfg.members if m.role is comp] for comp in CHAIN]
        groups = [g for g in groups if g]
        out = []
        for left, right in zip(groups, groups[1:], strict=False):
            for a in sorted(left, key=lambda m: m.coding_id):
                for b in sorted(right, key=lambda m: m.coding_id):
                    out.append((a.coding_id, b.coding_id, f"{a.role.short}→{b.role.short}"))
        return out

    def _links(self, cfg: Configuration) -> list[etree._Element]:
        out = []
        for a, b, name in self._ordered_pairs(cfg):
            lk = new_el(q("Link"), guid=guid("link", cfg.id, a, b), name=name, direction="OneWay",
                               color="#000000", originGUID=self.selection_guid(a), targetGUID=self.selection_guid(b))
            sub(lk, "NoteRef", targetGUID=guid("cmoc", cfg.id))
            for target in self.memo_refs.get(("cmoc", cfg.id), []):
                sub(lk, "NoteRef", targetGUID=target)
            out.append(lk)
        return out

    def _sets(self) -> etree._Element:
        el = new_el(q("Sets"))
        for pt in self.project.codebook.programme_theories:
            s = sub(el, "Set", guid=guid("set", pt.id), name=xml_text(f"{pt.id} codes"))
            text_el(s, "Description", f"Codes of programme theory {pt.id}: {pt.title}")
            for g in self.tree.pt_sets[pt.id]:
                sub(s, "MemberCode", targetGUID=g)
            for cfg in self.configs:
                if cfg.pt == pt.id:
                    sub(s, "MemberNote", targetGUID=guid("cmoc", cfg.id))
        return el

    def _graph(self, pt_id: str) -> etree._Element:
        """Columns C → Mres → Mresp → O: component codes on top, element codes below, then CMOC selections."""
        el = new_el(q("Graph"), guid=guid("graph", pt_id), name=f"{pt_id} programme theory")
        folder = next(r for r in self.tree.roots if r.pt is None and r.guid == guid("code", pt_id))
        comps = [c for c in folder.children if c.component is not None]
        vertex_of: dict[str, str] = {}
        width, col, row = 220, 260, 70
        vertices: list[etree._Element] = []
        edges: list[etree._Element] = []

        def vertex(node_guid: str, name: str, x: int, y: int, colour: str, shape: str) -> str:
            vg = guid("vertex", pt_id, node_guid)
            vertices.append(new_el(q("Vertex"), guid=vg, representedGUID=node_guid, name=xml_text(name),
                                          firstX=str(x), firstY=str(y), secondX=str(x + width), secondY=str(y + 50),
                                          shape=shape, color=colour))
            vertex_of[node_guid] = vg
            return vg

        element_rows = 0
        for i, comp in enumerate(comps):
            x = 40 + i * col
            vertex(comp.guid, comp.name, x, 40, comp.colour, "RoundedRectangle")
            for j, child in enumerate(comp.children):
                vertex(child.guid, child.name, x, 40 + (j + 1) * row, child.colour, "Rectangle")
                element_rows = max(element_rows, j + 1)
        for left, right in zip(comps, comps[1:], strict=False):
            edges.append(new_el(q("Edge"), guid=guid("edge", pt_id, left.guid, right.guid),
                                       name=f"{left.name} → {right.name}",
                                       sourceVertex=vertex_of[left.guid], targetVertex=vertex_of[right.guid],
                                       direction="OneWay", lineStyle="solid"))
        top = 40 + (element_rows + 2) * row
        per_column: dict[int, int] = defaultdict(int)
        members = sorted({m.coding_id: m.role for c in self.configs if c.pt == pt_id for m in c.members}.items())
        for coding_id, role in members:
            c = self.project.coding(coding_id)
            i = CHAIN.index(role)
            y = top + per_column[i] * row
            per_column[i] += 1
            sg = self.selection_guid(coding_id)
            vertex(sg, first_words(c.text, 6), 40 + i * col, y, "#FFFFFF", "Note")
            code = codetree.code_for(self.code_index, c.pt, c.component, c.element)
            if code.guid in vertex_of:
                edges.append(new_el(q("Edge"), guid=guid("edge", pt_id, sg, code.guid), name="coded as",
                                           sourceVertex=vertex_of[sg], targetVertex=vertex_of[code.guid],
                                           direction="Associative", lineStyle="dotted"))
        for cfg in self.configs:
            if cfg.pt != pt_id:
                continue
            for a, b, name in self._ordered_pairs(cfg):
                edges.append(new_el(q("Edge"), guid=guid("edge", pt_id, cfg.id, a, b),
                                           representedGUID=guid("link", cfg.id, a, b), name=name,
                                           sourceVertex=vertex_of[self.selection_guid(a)],
                                           targetVertex=vertex_of[self.selection_guid(b)], color="#000000",
                                           direction="OneWay", lineStyle="solid"))
        for v in vertices:
            el.append(v)
        for e in edges:
            el.append(e)
        return el


class _NoteStream:
    """Memo notes transcript by transcript, then one note per configuration: never all at once."""

    def __init__(self, writer: QdeWriter) -> None:
        self.w = writer

    def __iter__(self) -> Iterator[etree._Element]:
        for tid in self.w.ids:
            for c in self.w.project.codings(transcript_id=tid):
                if c.memo:
                    yield self.w.memo_note(c)
        for cfg in self.w.configs:
            yield self.w.cmoc_note(cfg)
        for pn in self.w.project_notes:
            yield self.w.project_note(pn)
        for v in self.w.versions:
            yield self.w.version_note(v)


def code_element(node: CodeNode, qname: Callable[[str], str]) -> etree._Element:
    """A ``Code`` with its description and children, in either the project or codebook namespace."""
    el = etree.Element(qname("Code"), guid=node.guid, name=xml_text(node.name),
                       isCodable="true" if node.codable else "false", color=node.colour)
    if node.description:
        d = etree.SubElement(el, qname("Description"))
        d.text = xml_text(node.description)
    for child in node.children:
        el.append(code_element(child, qname))
    return el


def _text_only(tag: str, value: str) -> etree._Element:
    el = new_el(q(tag))
    el.text = xml_text(value)
    return el


__all__ = ["CMO_CMOC_MARK", "CMO_SOURCE_MARK", "NS", "Profile", "QdeWriter", "code_element"]
