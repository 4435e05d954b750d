"""Import source files: parse, map speakers, keep the identifiable copy in the secure folder,
register the transcript as ``pending`` in the project.

One file at a time (memory stays bounded on large batches). A failing file is reported
and the batch goes on; nothing of a failed file is written: its project row and its
secure files are written inside one project transaction, after parsing succeeded, and
the transaction is rolled back, and the secure files restored, if any write fails. An
unexpected error in a reader is that file's failure too (with the exception's class), never
the end of the batch.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import CmoError
from ..model import Transcript, TranscriptKind, Turn
from ..model.manifest import is_group
from ..model.transcript import NO_SPEAKER
from ..store import Project
from ..store.atomic import write_bytes, write_text
from ..store.secure import MARKER, REGISTER_COPY, SecureFolder
from . import canonical, speakers
from .group_speakers import label_parts
from .manifest_labels import speakers_named
from .normalise import NORMALISER_VERSION
from .source import read_source
from .stem_lexicon import stem_holds_name
from .stem_register import StemNames, register_items, stem_names
from .views import FileResult, ImportReport, ProvisionalSpeaker

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: secure-folder file: transcript id → source file name and stem (scoped aliases need the stem)
SOURCES_FILE = "sources.json"
NAMED_FILE_WARNING = "the file name contains a participant's name"
REGISTERED_FILE_WARNING = "the file name contains a registered name or a site's town"
#: A name or place nobody registered, read by the anonymiser's lists (:mod:`.stem_lexicon`); the kind follows.
LEXICON_FILE_WARNING = "the file name may hold a name or a place"
NUMBERED_FILE_WARNINGS = (NAMED_FILE_WARNING, REGISTERED_FILE_WARNING, LEXICON_FILE_WARNING)
"""The import's warnings on a transcript imported under a number because of its file name (the review pages read
them, to say why the id is a number)."""


NO_SPEAKER_ADVICE = ("some turns name no speaker (captions without names): re-import with '--replace --speaker "
                     "NAME' to give them to one participant where one person speaks; where two or more speak (a "
                     "focus group's captions, a conversation of two), NAME would be said to say the others' words "
                     "too: add a manifest row '\"FG1\",,group,SITE,FG1' (the group's or the pair's label, never a "
                     "name) and re-import with '--replace --speaker FG1'")
"""The import's advice for a file whose turns name no speaker (captions), which sign-off would refuse. Why the
pair is named: captions of two people without speaker labels (an outreach conversation) were given to one
participant, whose words then held the other person's."""


SILENT_ATTENDEES_WARNING = ("attendee(s) the Google Meet header names never speak: each is in the key as a "
                            "provisional person, so the name is removed wherever it is said; add each to the "
                            "manifest (or the register, for someone no turn of the study is spoken by)")
"""The import's word on attendees of a Meet call who say nothing (a count, never the names: a warning is shown and
stored outside the secure folder). Why: the header that names them is dropped from the text, and before this the
names went with it, so a person of the meeting whom the others talk about was known to nobody."""


def silent_attendees(attendees: list[str], turn_names: list[str]) -> list[str]:
    """The attendees of a Meet header who label no turn (compared as names are: spaces and case folded), each
    once, in the header's order."""
    def fold(name: str) -> str:
        return " ".join(speakers.clean_name(name).split()).casefold()

    spoken = {fold(n) for n in turn_names}
    out: dict[str, str] = {}
    for name in attendees:
        if fold(name) and fold(name) not in spoken:
            out.setdefault(fold(name), name.strip())
    return list(out.values())


def silent_attendees_warning(n: int) -> str:
    return f"{n} {SILENT_ATTENDEES_WARNING}"


def safe_stem(stem: str) -> str:
    return speakers.id_of_stem(stem)


def _next_numbered(taken: set[str]) -> str:
    n = 1
    while f"transcript-{n}" in taken:
        n += 1
    return f"transcript-{n}"


def _suffixed(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[object]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("import", total=total)
        yield lambda: bar.advance(task)


class _SecureUndo:
    """The secure-folder side of one file's import transaction: if anything fails before the
    project commits, the files it wrote are put back as they were (or removed), so a failed
    file leaves neither a raw copy nor key entries behind."""

    def __init__(self, created: Path, paths: list[Path]) -> None:
        # ``created`` is content-addressed: if it exists it already holds these bytes, and stays.
        self.created = None if created.exists() else created
        self.before: list[tuple[Path, bytes | None]] = [
            (p, p.read_bytes() if p.is_file() else None) for p in paths
        ]

    def __enter__(self) -> _SecureUndo:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            return
        if self.created is not None:
            self.created.unlink(missing_ok=True)
        for path, data in reversed(self.before):
            if data is None:
                path.unlink(missing_ok=True)
            elif not path.is_file() or path.read_bytes() != data:
                write_bytes(path, data)


class _Importer:
    def __init__(self, project: Project, secure: SecureFolder, smap: speakers.SpeakerMap, replace: bool,
                 max_bytes: int, infer_speakers: bool, actor: str | None,
                 markers: tuple[str, ...] | None = None, speaker: str | None = None,
                 stem_names: StemNames | None = None) -> None:
        self.stem_names = stem_names
        self.markers = markers
        self.speaker = speaker
        self.project = project
        self.secure = secure
        self.smap = smap
        self.replace = replace
        self.max_bytes = max_bytes
        self.infer = infer_speakers
        self.actor = actor
        self.batch_ids: set[str] = set()
        self.used_provisional: dict[str, list[str]] = {}
        self.spoken: set[str] = set()  # labels that speak a turn of a file of this import
        self.silent: set[str] = set()  # labels of attendees a Meet header names who speak no turn of their file

    def _labels(self, names: list[str | None], stem: str) -> list[str]:
        seen: dict[str, str] = {}
        out = []
        for name in names:
            if name is None:
                out.append(NO_SPEAKER)
                continue
            if name not in seen:  # a group's, a joint or an unplaced voice's line: see SpeakerMap.label_of
                seen[name] = self.smap.label_of(name, stem)
            out.append(seen[name])
        return out

    def _note_provisional(self, labels: list[str], tid: str) -> None:
        prov = {e.label for e in self.smap.key.entries if e.provisional}
        for label in dict.fromkeys(p for lab in labels for p in label_parts(lab)):  # a joint line's members
            if label in prov:
                self.used_provisional.setdefault(label, []).append(tid)

    def _refresh_raw(self, path: Path, tid: str) -> list[str]:
        """An unchanged file: relabel its raw copy if the manifest now covers its speakers."""
        raw_path = self.secure.raw / f"{tid}.json"
        if not raw_path.exists():
            return []
        raw = Transcript.model_validate_json(raw_path.read_text(encoding="utf-8"))
        stem = self.secure.read_json(SOURCES_FILE, {}).get(tid, {}).get("stem", path.stem)
        self.smap.imported_as(stem, tid)
        labels = self._labels([t.speaker_name for t in raw.turns], stem)
        self._note_provisional(labels, tid)
        if labels != [t.speaker for t in raw.turns]:
            turns = [t.model_copy(update={"speaker": lab}) for t, lab in zip(raw.turns, labels, strict=True)]
            write_text(raw_path, raw.model_copy(update={"turns": turns}).model_dump_json(indent=1) + "\n")
            self.secure.save_participant_key(self.smap.key)
        return labels

    def one(self, path: Path) -> FileResult:
        name = str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise CmoError(f"{name}: cannot read: {exc.strerror}") from None
        if not path.is_file():
            raise CmoError(f"{name}: not a file")
        if size > self.max_bytes:
            raise CmoError(
                f"{name}: {size / 1e6:.1f} MB is over the {self.max_bytes / 1e6:.1f} MB limit (raise it with --max-mb)"
            )
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        existing = self.project.transcript_by_sha(sha)
        # --replace on an unchanged, still pending file parses it again (e.g. with --infer-speakers).
        reparse = existing is not None and self.replace and self.project.transcript_status(existing) == "pending"
        if existing is not None and not reparse:
            labels = self._refresh_raw(path, existing)
            return FileResult(path=name, status="unchanged", transcript_id=existing, source_sha256=sha,
                              speakers=list(dict.fromkeys(labels)))
        with speakers_named(n for e in self.smap.key.entries if not is_group(e.attributes)
                            for n in (e.name, *e.aliases)):  # a manifest name said once is a speaker
            read = read_source(data, name, infer_speakers=self.infer, markers=self.markers)
        canon = read.canon
        warnings = read.warnings
        if self.speaker is not None:
            _assign_speaker(canon.turns, self.smap.name_of_label(self.speaker) or self.speaker)
        elif any(t.speaker_name is None for t in canon.turns) and "plain" not in str(read.format):
            warnings.append(NO_SPEAKER_ADVICE)

        # Choose the id. A name in the file name must never reach the project.
        groups = {e.name for e in self.smap.key.entries if is_group(e.attributes)}
        names = list(dict.fromkeys(t.speaker_name for t in canon.turns if t.speaker_name and t.speaker_name
                                   not in groups))  # a group's name is its label or description, no person's
        silent = silent_attendees(read.attendees, names)
        names += silent  # an attendee in the file name is a person's name there, speaking or not
        taken = set(self.project.transcript_ids()) | self.batch_ids
        stem_id = safe_stem(path.stem)
        replacing = False
        if reparse:
            assert existing is not None
            prior: str | None = existing
        else:
            # A file imported before under another id (transcript-<n>) is recognised by its stem.
            prior = next((tid for tid, src in sorted(self.secure.read_json(SOURCES_FILE, {}).items())
                          if src.get("stem") == path.stem and tid in taken and tid not in self.batch_ids), None)
        if prior is not None:
            if not self.replace:
                raise CmoError(
                    f"{name}: transcript {prior} was imported from a different version of this file; "
                    "use --replace to re-import it (refused if it has codings)"
                )
            tid, replacing = prior, True
        elif speakers.stem_mentions_name(path.stem, self.smap.name_tokens(names),
                                         [*names, *(s for e in self.smap.key.entries if not is_group(e.attributes)
                                                    for s in [e.name, *e.aliases])]):
            tid = _next_numbered(taken)
            warnings.append(f"{NAMED_FILE_WARNING}; imported as {tid}")
        elif self.stem_names is not None and self.stem_names.held_by(path.stem):
            tid = _next_numbered(taken)
            warnings.append(f"{REGISTERED_FILE_WARNING}; imported as {tid}")
        elif (held := stem_holds_name(path.stem)) is not None:
            tid = _next_numbered(taken)
            warnings.append(f"{LEXICON_FILE_WARNING} ({held}); imported as {tid}")
        elif stem_id in self.batch_ids:
            tid = _suffixed(stem_id, taken)
        elif stem_id in taken:
            if not self.replace:
                raise CmoError(
                    f"{name}: transcript {stem_id} was imported from a different version of this file; "
                    "use --replace to re-import it (refused if it has codings)"
                )
            tid, replacing = stem_id, True
        else:
            tid = stem_id

        key_before = self.smap.key
        added_before = len(self.smap.added)
        self.smap.imported_as(path.stem, tid)
        try:
            labels = self._labels([t.speaker_name for t in canon.turns], path.stem)
            # an attendee who never speaks is a person of the meeting all the same: in the key (provisional
            # until the manifest names them), so the anonymiser removes their name wherever it is said
            heard = [self.smap.label_of(name, path.stem) for name in silent]
            if silent:
                warnings.append(silent_attendees_warning(len(silent)))
            warnings.extend(speakers.label_clashes(
                [t.speaker_name for t in canon.turns if t.speaker_name], self.smap, path.stem))
            turns = [_turn(t, label) for t, label in zip(canon.turns, labels, strict=True)]
            fmt = read.format
            raw = Transcript(id=tid, title=tid, source_format=fmt, kind=TranscriptKind.transcript, text=canon.text,
                             turns=turns, source_sha256=sha, normaliser_version=NORMALISER_VERSION,
                             warnings=warnings)
            if raw.text != canon.text:  # the invariant, checked once more on the final model
                raise AssertionError(f"{name}: the text changed in the model")
            for i, (t, c) in enumerate(zip(raw.turns, canon.turns, strict=True)):
                if (t.start, t.end) != (c.start, c.end):
                    raise AssertionError(f"{name}: turn {i} offsets drifted")
            # Memory: a turn costs about a kilobyte; only the model's copy is kept from here on.
            canon.turns.clear()
            original = self.secure.originals / f"{sha}{path.suffix.lower()}"
            undo = _SecureUndo(original, [self.secure.raw / f"{tid}.json", self.secure.key_path,
                                          self.secure.path / SOURCES_FILE])
            with undo, self.project.transaction(self.actor) as tx:
                if replacing:
                    tx.replace_pending_transcript(tid, sha, NORMALISER_VERSION)
                else:
                    tx.add_pending_transcript(tid, tid, fmt, TranscriptKind.transcript, sha, NORMALISER_VERSION)
                # Only a count of warnings: their text may quote the source, which stays in the secure folder.
                tx.audit("ingest", "transcript", tid, {"format": fmt.value, "turns": len(turns),
                                                        "characters": len(canon.text), "warnings": len(warnings)})
                write_bytes(original, data)
                # The same bytes as model_dump_json(indent=1), without a str copy of the whole JSON.
                write_bytes(self.secure.raw / f"{tid}.json", Transcript.__pydantic_serializer__.to_json(
                    raw, indent=1) + b"\n")
                self.secure.save_participant_key(self.smap.key)
                sources = self.secure.read_json(SOURCES_FILE, {})
                sources[tid] = {"file": path.name, "stem": path.stem, "sha256": sha,
                                "original": f"originals/{sha}{path.suffix.lower()}"}
                self.secure.write_json(SOURCES_FILE, sources)
        except BaseException:
            self.smap.key = key_before
            del self.smap.added[added_before:]
            self.smap._reindex()
            raise
        self.batch_ids.add(tid)
        self._note_provisional(labels + heard, tid)
        self.spoken.update(p for lab in labels for p in label_parts(lab))
        self.silent.update(heard)
        return FileResult(
            path=name, status="replaced" if replacing else "imported", transcript_id=tid, source_format=fmt.value,
            source_sha256=sha, turns=len(turns), characters=len(canon.text),
            speakers=list(dict.fromkeys(labels)), warnings=warnings,
        )


def import_files(
    project: Project, paths: Iterable[Path | str], secure: SecureFolder | Path | str,
    manifest: Path | str | None = None, replace: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
    infer_speakers: bool = False, actor: str | None = None, progress: bool = False,
    transcription_markers: tuple[str, ...] | None = None, speaker: str | None = None,
    register: Path | str | None = None,
) -> ImportReport:
    """Import every file; failures are reported per file, never raised (except a bad manifest or register).

    ``register``: the study's register (as ``anonymise --register`` takes it; else the copy a run left in
    the secure folder): a file whose name holds a registered name, or a site's town, is imported as
    ``transcript-<n>``, as one named after a participant is.

    ``speaker``: the name every turn without a speaker is given (after ``infer_speakers``).

    ``transcription_markers``: regular expressions for "X started transcription" lines in
    Teams DOCX exports, replacing the English/German/French defaults.
    """
    for pattern in transcription_markers or ():
        try:
            re.compile(pattern)
        except re.error as exc:
            raise CmoError(f"transcription marker {pattern!r} is not a valid regular expression: {exc}") from None
    if speaker is not None and not speaker.strip():
        raise CmoError("--speaker: the name is empty")
    # Everything that can refuse the whole import is read before anything is written: a bad register given
    # with a good manifest wrote the manifest's participants into the project and the key into a new secure
    # folder, then refused.
    rows = speakers.load_manifest(Path(manifest)) if manifest is not None else None
    items = register_items(Path(register)) if register is not None else None
    made_here = not isinstance(secure, SecureFolder) and not Path(secure).exists()
    with _made_if_refused(secure, project.path) as folder:
        smap = speakers.SpeakerMap(folder.load_participant_key())
        if rows is not None:
            smap.apply_manifest(rows, str(manifest))
        kept_register = folder.path / REGISTER_COPY
        register_path = Path(register) if register is not None else kept_register if kept_register.exists() else None
        names = stem_names(register_path, smap.key, items)
    if rows is not None:
        with project.transaction(actor) as tx:
            for p in smap.participants():
                tx.upsert_participant(p)
            folder.save_participant_key(smap.key)
    imp = _Importer(project, folder, smap, replace, max_bytes, infer_speakers, actor, transcription_markers,
                    speaker.strip() if speaker is not None else None, names)
    todo = [Path(p) for p in paths]
    results: list[FileResult] = []
    with _progress(progress and len(todo) > 1, len(todo)) as tick:
        for path in todo:
            try:
                results.append(imp.one(path))
            except CmoError as exc:
                results.append(FileResult(path=str(path), status="failed", error=str(exc)))
            except OSError as exc:
                results.append(FileResult(path=str(path), status="failed", error=f"{path}: {exc}"))
            except Exception as exc:  # noqa: BLE001 - one file's defect must never end the batch
                results.append(FileResult(path=str(path), status="failed", error=_unexpected(path, exc)))
            if tick is not None:
                tick()  # type: ignore[operator]
    if made_here and rows is None and all(r.status == "failed" for r in results):
        _unmade(folder.path)
    by_label = {e.label: e for e in smap.key.entries}
    provisional = [
        ProvisionalSpeaker(label=label, name=by_label[label].name,
                           suggested_manifest_line=speakers.suggested_line(by_label[label], smap.key.entries,
                                                                           list(dict.fromkeys(tids))),
                           transcripts=list(dict.fromkeys(tids)),  # a file given twice is one transcript
                           never_speaks=label in imp.silent and label not in imp.spoken)
        for label, tids in sorted(imp.used_provisional.items(), key=lambda kv: _label_order(kv[0]))
        if label in by_label and by_label[label].provisional
    ]
    return ImportReport(files=results, provisional_speakers=provisional, normaliser_version=NORMALISER_VERSION)


@contextmanager
def _made_if_refused(secure: SecureFolder | Path | str, project_path: Path | str | None) -> Iterator[SecureFolder]:
    """The secure folder, opened (made where it does not exist); made and then refused (a manifest that does not
    fit the key, a kept register that is bad), it is taken away again, so a refused import leaves no folder."""
    if isinstance(secure, SecureFolder):
        yield secure
        return
    path = Path(secure)
    existed = path.exists()
    folder = SecureFolder.open(path, project_path=project_path, create=True)
    try:
        yield folder
    except BaseException:
        if not existed:
            shutil.rmtree(path, ignore_errors=True)
        raise


def _unmade(path: Path) -> None:
    """Take away a secure folder this import made when every file was refused and it holds nothing but its
    marker: a refused import leaves no folder behind (a user who then imports into another folder, or whose
    first file was the wrong one, is not left with an empty secure folder that looks like a study's)."""
    held = [p for p in path.rglob("*") if p.is_file()]
    if [p.relative_to(path).as_posix() for p in held] == [MARKER]:
        shutil.rmtree(path, ignore_errors=True)


#: Shared by every imported turn: a set per pydantic instance is most of a turn's memory (a
#: 700-byte set of 7 names), and a frozen Turn never changes it (copies get their own).
_TURN_FIELDS: set[str] = set(Turn.model_fields)


def _assign_speaker(turns: list[canonical.RawTurn], name: str) -> None:
    """Give every turn without a speaker to ``name``: caption files (SRT, unlabelled Zoom cues)
    of a one-person recording name nobody, and a turn without a speaker cannot be signed off.

    The name is resolved like a name the file itself wrote (manifest, aliases), and the turn is
    flagged ``assigned_speaker`` instead of ``no_speaker`` so the choice stays visible.
    """
    for t in turns:
        if t.speaker_name is None:
            t.speaker_name = name
            t.flags = [f for f in t.flags if f != "no_speaker"] + ["assigned_speaker"]


def _turn(t: canonical.RawTurn, label: str) -> Turn:
    """A Turn built without per-instance overhead; the checks are Turn's own, the Transcript
    validator then checks bounds and order as usual."""
    if not (isinstance(t.start, int) and isinstance(t.end, int) and 0 <= t.start <= t.end):
        raise AssertionError(f"turn offsets {t.start}-{t.end} are not ordered")
    for value in (t.start_time, t.end_time):
        if value is not None and not isinstance(value, float | int):
            raise AssertionError(f"turn time {value!r} is not a number")
    return Turn.model_construct(
        _fields_set=_TURN_FIELDS,
        speaker=label, start=t.start, end=t.end, start_time=t.start_time, end_time=t.end_time,
        speaker_name=t.speaker_name, flags=list(t.flags),
    )


def _unexpected(path: Path, exc: Exception) -> str:
    """The failure line of a file whose reading hit something no rule expected (a bug to report)."""
    if isinstance(exc, MemoryError):
        return f"{path}: refused: out of memory while reading it (is it really a transcript?)"
    detail = " ".join(str(exc).split())[:160]
    return f"{path}: could not be read ({type(exc).__name__}{': ' + detail if detail else ''}); nothing was imported"


def _label_order(label: str) -> tuple[str, int]:
    m = re.match(r"^(\D*)(\d+)$", label)
    return (m.group(1), int(m.group(2))) if m else (label, 0)
