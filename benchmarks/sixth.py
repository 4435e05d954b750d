"""A sixth anonymisation set: export files as a study team receives them, with stand-off gold, written blind.

Why a sixth set: the five before it were generated from pools or typed as marked-up turns and then written
out by the project's own writers, and the rules have been tuned on, or have read the misses of, most of
them. This set is made by a different method: each session is typed directly as the file a meeting
platform or captioning service hands over (Teams and Zoom VTT, Otter TXT, a Teams DOCX, SRT, plain
``Name: text``), so cue cuts, speaker labels, wraps and layout are the author's, not a writer's; four or
five sessions are automatic captions (lower case, no punctuation, names as speech recognition hears them,
cues that cut sentences at odd places). Gold is not inline: a TSV beside each session names each mention
by its surface and where it stands, and the loader turns that into character spans on the *imported*
text, asserting that every span slices to its surface.

What it is about: services the other sets do not centre on (sexual health and HIV, maternity and
neonatal care, eating disorders, ambulance and NHS 111 staff, homeless health, Gypsy, Roma and
Traveller health, community pharmacy, hospice at home, asylum seekers' health), in all four UK nations.

Method and blindness: the author read only the benchmark's plumbing (this harness, the real path, the
earlier sets' loaders and markup classes, ``focus_groups.Turn``/``locate``), the README and the import
documentation, never the anonymiser's code, word lists, tests or privacy page, nor the other sets'
texts or generators' templates. The anonymiser was not run on the text while it was written. Keep it
blind: read a miss in the printed counts, never in the sessions, and never copy a surface from here
into a rule or its test.

Every private name is invented (any likeness to a real person is chance); real names appear only for
public figures and bodies spoken of as public, charities, tools, and for real towns and hospitals,
which are places to remove. It is no record of any real interview.

Files (``benchmarks/sixth/``):

* ``sessions.tsv``: ``file``, ``format`` (for the record: the import works the format out itself),
  ``casing`` (``cased`` or ``captions``) and a note. A Teams DOCX is kept as a text source
  (``NAME.docx.txt``: paragraphs separated by a blank line, line breaks within one) and built with
  python-docx when the set is written, so no binary file is committed.
* ``NAME.gold.tsv`` per session: ``surface``, ``where``, ``class``, ``kind``, ``form``, ``note``.
  ``where`` is the occurrence of the surface in the imported speech (``1`` the first, counted as whole
  words, case-sensitive, spaces matching any whitespace) or ``after:`` and a left context that occurs
  once in the speech, the surface being its first occurrence after that context. ``class`` is what the
  harness scores (:data:`CLASSES`); ``kind`` the type it is reported under; ``form`` how a person is
  said (:data:`FORMS`); ``note`` ``other`` marks someone nobody registered who shares a registered name.
* ``participants.csv`` and ``register.csv``: the study team's manifest and register.

Run: python benchmarks/sixth.py (sessions, words and gold per class); python benchmarks/anonymise.py
--set sixth (the figures).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "sixth"

CLASSES = frozenset({"person_registered", "person_unregistered", "place_registered", "place", "negative"})
PLACE_KINDS = frozenset({
    "town", "village", "area", "estate", "street", "address", "postcode", "hospital", "ward", "unit", "clinic",
    "service", "trust", "practice", "pharmacy", "school", "church", "mosque", "gurdwara", "pub", "club",
    "care_home", "hostel", "workplace", "site", "phone", "email", "handle", "date_of_birth", "nhs_number"})
NEGATIVE_KINDS = frozenset({"public_figure", "public_body", "third_sector", "tool", "study_label", "kin_term",
                            "everyday_word", "culture", "company"})
FORMS = frozenset({"full", "given", "surname", "title_surname", "title_given", "nickname", "possessive",
                   "misheard", "spelled"})
# Words that say who someone is, not who they are: left out when a surface is compared with the register.
TITLES = frozenset({"dr", "doctor", "mr", "mrs", "ms", "miss", "nurse", "sister", "auntie", "aunty", "uncle",
                    "nan", "nana", "father", "pastor", "imam", "councillor", "prof", "professor", "bibi", "baba"})
# Words of this set's place names that identify nothing alone ("[name] Surgery", "the [name] Trust", "the
# [name] Methodist"), beside anon_table.PLACE_GENERIC: written for the project from the generic words the set's
# unregistered place names use, and no others.
PLACE_GENERIC_EXTRA = frozenset({"surgery", "practice", "park", "trust", "pass", "methodist", "arms", "church",
                                 "academy", "avenue"})
_TEXT_FORMATS = {"teams_vtt", "zoom_vtt", "otter_txt", "srt", "plain_txt"}
FORMATS = frozenset({*_TEXT_FORMATS, "teams_docx"})


class GoldError(ValueError):
    """A gold file that does not fit its session: names the file and line."""


@dataclass(frozen=True)
class GoldRow:
    surface: str
    where: str
    cls: str
    kind: str
    form: str
    note: str
    line: int  # in its gold file, for error messages


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    row: GoldRow


@dataclass(frozen=True)
class Session:
    file: str  # as the team received it (a .docx is built from ``file + '.txt'``)
    fmt: str
    caption: bool
    note: str
    gold: tuple[GoldRow, ...]


@dataclass
class Study:
    sessions: list[Session]
    manifest: Path
    register: Path
    person_words: frozenset[str]  # casefolded names and name words of registered people
    places: frozenset[str]  # normalised registered place surfaces, aliases and named sites


def _norm(s: str) -> str:
    s = " ".join(s.replace("’", "'").split()).casefold()
    return s[4:] if s.startswith("the ") else s


def _read_tsv(path: Path) -> list[tuple[int, list[str]]]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if n == 1 or not line.strip() or line.startswith("#"):
                continue
            out.append((n, line.split("\t")))
    return out


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def registered(manifest: Path, register: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(person names and name words, place surfaces) the team's two files cover, case-folded."""
    people = _read_csv(manifest)
    rows = _read_csv(register)
    names: list[str] = []
    for p in people:
        names.append(p["name"])
        names += [a.split("@")[0] for a in (p.get("aliases") or "").split(";") if a.strip()]
    places: set[str] = set()
    for r in rows:
        spelled = [r["surface"], *[a for a in (r.get("aliases") or "").split(";") if a.strip()]]
        if r["category"].strip() == "person":
            names += spelled
        else:
            places.update(_norm(s) for s in spelled)
    places.update(_norm(p["site"]) for p in people if len(p["site"].strip()) >= 3)
    words: set[str] = set()
    for n in names:
        n = re.sub(r"\(.*?\)|['’]s (?:iPad|iPhone)$", "", n).replace(",", " ")
        if re.fullmatch(r"(?i)\s*(speaker|interviewer|respondent)\b.*", n):
            continue  # a role word the platform wrote, not a name anyone says
        words.add(_norm(n))
        words.update(w.casefold() for w in n.split() if len(w) > 1 and w.casefold().rstrip(".") not in TITLES)
    return frozenset(words), frozenset(places)


def read_gold(path: Path) -> tuple[GoldRow, ...]:
    """One session's stand-off gold; a malformed line is an error naming the file and line."""
    out = []
    for n, cols in _read_tsv(path):
        where = f"{path.name}:{n}"
        if len(cols) < 4 or len(cols) > 6:
            raise GoldError(f"{where}: expected surface, where, class, kind[, form[, note]]")
        surface, at, cls, kind, form, note = [*cols, "", ""][:6]
        if not surface or surface != surface.strip():
            raise GoldError(f"{where}: empty surface or space at an end: {surface!r}")
        if cls not in CLASSES:
            raise GoldError(f"{where}: unknown class {cls!r}")
        person = cls.startswith("person")
        if person != (kind == "person"):
            raise GoldError(f"{where}: a person's kind is 'person', and only a person's: {kind!r}")
        if cls == "negative" and kind not in NEGATIVE_KINDS or cls.startswith("place") and kind not in PLACE_KINDS:
            raise GoldError(f"{where}: kind {kind!r} does not fit class {cls!r}")
        if person != (form in FORMS) or (not person and form):
            raise GoldError(f"{where}: a person takes a form ({', '.join(sorted(FORMS))}), nothing else does")
        if note not in ("", "other"):
            raise GoldError(f"{where}: unknown note {note!r}")
        if not (at.isdigit() and int(at) >= 1) and not (at.startswith("after:") and at[6:].strip()):
            raise GoldError(f"{where}: 'where' is an occurrence (1, 2, ...) or 'after:' and a left context")
        out.append(GoldRow(surface, at, cls, kind, form, note, n))
    return tuple(out)


def _pattern(surface: str) -> re.Pattern[str]:
    """The surface as whole words, any whitespace between its words (caption wraps and cue joins)."""
    body = r"\s+".join(re.escape(w) for w in surface.split())
    head = r"(?<!\w)" if re.match(r"\w", surface) else ""
    tail = r"(?!\w)" if re.search(r"\w$", surface) else ""
    return re.compile(head + body + tail)


def _one_span(text: str, row: GoldRow, where: str) -> tuple[int, int]:
    pat = _pattern(row.surface)
    if row.where.isdigit():
        hits = list(pat.finditer(text))
        k = int(row.where)
        if k > len(hits):
            raise GoldError(f"{where}: {row.surface!r} occurs {len(hits)} times, not {k}")
        m = hits[k - 1]
        return m.start(), m.end()
    context = row.where[6:].strip()
    found = list(_pattern(context).finditer(text))
    if len(found) != 1:
        raise GoldError(f"{where}: left context {context!r} occurs {len(found)} times (must be once)")
    after = pat.search(text, found[0].end())
    if after is None or after.start() - found[0].end() > 80:
        raise GoldError(f"{where}: {row.surface!r} does not follow {context!r}")
    return after.start(), after.end()


def locate(text: str, gold: tuple[GoldRow, ...], name: str) -> list[Span]:
    """Each gold row as a span of the imported ``text``, in text order; every span slices to its surface.

    Errors (naming the gold file and line): a surface or context not found, two rows on one span or on
    overlapping spans, or an occurrence of a labelled surface that no row covers (a forgotten repeat).
    """
    spans = []
    for row in gold:
        s, e = _one_span(text, row, f"{name}:{row.line}")
        if " ".join(text[s:e].split()) != row.surface:
            raise GoldError(f"{name}:{row.line}: span slices to {text[s:e]!r}, not {row.surface!r}")
        spans.append(Span(s, e, row))
    spans.sort(key=lambda x: (x.start, x.end))
    for a, b in zip(spans, spans[1:], strict=False):
        if b.start < a.end:
            raise GoldError(f"{name}: lines {a.row.line} and {b.row.line} overlap "
                            f"({a.row.surface!r}, {b.row.surface!r})")
    for row in gold:
        for m in _pattern(row.surface).finditer(text):
            if not any(x.start <= m.start() and m.end() <= x.end for x in spans):
                raise GoldError(f"{name}:{row.line}: {row.surface!r} also occurs at {m.start()} with no gold row")
    return spans


def check_registered(spans: list[Span], text: str, study: Study, name: str) -> None:
    """The classes agree with the team's files: a registered place is one the register or a site names as
    said; an unregistered person bears no registered name (unless noted ``other``); and every word of the
    speech that is a registered name lies inside some gold span (so none is left out of the count)."""
    for x in spans:
        r = x.row
        where = f"{name}:{r.line}"
        named = _norm(r.surface) in study.places
        if r.cls.startswith("place") and (r.cls == "place_registered") != named:
            raise GoldError(f"{where}: {r.surface!r} is {'not ' if r.cls == 'place_registered' else ''}"
                            "named by the register or a site as said")
        if r.cls == "person_unregistered" and r.note != "other":
            bare = _norm(re.sub(r"['’]s$", "", r.surface))
            words = [w for w in bare.split() if w.rstrip(".") not in TITLES]
            if bare in study.person_words or " ".join(words) in study.person_words or \
                    any(w in study.person_words for w in words):
                raise GoldError(f"{where}: {r.surface!r} bears a registered name: class or note is wrong")
    for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text):
        word = re.sub(r"['’]s$", "", m.group(0)).casefold()
        if len(word) >= 3 and word in study.person_words and \
                not any(x.start <= m.start() and m.end() <= x.end for x in spans):
            raise GoldError(f"{name}: registered name {m.group(0)!r} at {m.start()} has no gold row")


def load_study(source: Path = SOURCE) -> Study:
    """The session list, every session's gold, and the team's manifest and register."""
    manifest, register = source / "participants.csv", source / "register.csv"
    words, places = registered(manifest, register)
    sessions = []
    for n, cols in _read_tsv(source / "sessions.tsv"):
        if len(cols) != 4 or cols[1] not in FORMATS or cols[2] not in ("cased", "captions"):
            raise GoldError(f"sessions.tsv:{n}: expected file, format, cased|captions, note")
        file, fmt, casing, note = cols
        stem = file.split(".")[0]
        src = source / (file + ".txt" if fmt == "teams_docx" else file)
        if not src.is_file():
            raise GoldError(f"sessions.tsv:{n}: {src.name} is missing")
        sessions.append(Session(file, fmt, casing == "captions", note, read_gold(source / f"{stem}.gold.tsv")))
    return Study(sessions, manifest, register, words, places)


def build_docx(source: Path, out: Path) -> None:
    """A Teams DOCX from its text source: each blank-line block a paragraph, its lines joined by breaks."""
    from docx import Document

    doc = Document()
    for block in re.split(r"\n\s*\n", source.read_text(encoding="utf-8").strip("\n")):
        p = doc.add_paragraph()
        for i, line in enumerate(block.split("\n")):
            run = p.add_run(line)
            if i < block.count("\n"):
                run.add_break()
    doc.core_properties.created = datetime(2026, 11, 20, 14, 31)  # a fixed date: the same bytes every run
    doc.core_properties.modified = datetime(2026, 11, 20, 14, 31)
    buffer = io.BytesIO()
    doc.save(buffer)
    # python-docx stamps each part in the archive with the time of writing: repack with one fixed stamp
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 14, 31, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))


def write_set(folder: Path, study: Study, caption: bool) -> list[tuple[Session, Path]]:
    """The cased sessions (``caption`` false) or the caption sessions, as files, with the team's files."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for s in study.sessions:
        if s.caption != caption:
            continue
        path = folder / s.file
        if s.fmt == "teams_docx":
            build_docx(SOURCE / (s.file + ".txt"), path)
        else:
            shutil.copyfile(SOURCE / s.file, path)
        out.append((s, path))
    return out


def imported(path: Path) -> tuple[str, list[str | None]]:
    """The speech the import makes of one file (the reader only: no project, no anonymiser) and its speakers."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from cmo_coder.ingest.source import read_source

    canon = read_source(path.read_bytes(), path.name, infer_speakers=True).canon
    return canon.text, [t.speaker_name for t in canon.turns]


def uncovered(study: Study, speakers: list[str | None], stem: str) -> list[str]:
    """Speakers of a session the manifest does not cover, as the import resolves them."""
    from cmo_coder.ingest.speakers import SpeakerMap, load_manifest
    from cmo_coder.model.key import ParticipantKey

    smap = SpeakerMap(ParticipantKey())
    smap.apply_manifest(load_manifest(study.manifest), study.manifest.name)
    return sorted({s or "(none)" for s in speakers if s is None or smap.lookup(s, stem) is None})


def validate(study: Study, folder: Path) -> dict[str, list[Span]]:
    """Write every session, read it as the import does, and place and check its gold; spans per file."""
    out: dict[str, list[Span]] = {}
    for caption in (False, True):
        for s, path in write_set(folder / ("captions" if caption else "cased"), study, caption):
            text, speakers = imported(path)
            missing = uncovered(study, speakers, path.stem)
            if missing:
                raise GoldError(f"{s.file}: speakers the manifest does not cover: {missing}")
            spans = locate(text, s.gold, s.file)
            check_registered(spans, text, study, s.file)
            if caption and text != text.lower():
                raise GoldError(f"{s.file}: a caption session holds capitals")
            out[s.file] = spans
    return out


def describe(study: Study) -> None:
    """Sessions and gold per class (``python benchmarks/sixth.py``); reads no text, so it shows no surface."""
    per: Counter[str] = Counter()
    for s in study.sessions:
        print(f"  {s.file}: {s.fmt}, {'captions' if s.caption else 'cased'}, {len(s.gold)} gold")
        for r in s.gold:
            per[f"{r.cls} {r.kind}" + (f" {r.form}" if r.form else "")] += 1
    print(f"{len(study.sessions)} sessions, {sum(per.values())} gold mentions")
    for k, v in sorted(per.items()):
        print(f"  {k}: {v}")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        validate(load_study(), Path(tmp))
    describe(load_study())
