"""Build the state the import stage leaves behind: a pending transcript plus its secure raw copy and key."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cmo_coder.model import Transcript, Turn
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project
from cmo_coder.store.atomic import write_text
from cmo_coder.store.secure import SecureFolder

if TYPE_CHECKING:
    from cmo_coder.anonymise.pipeline import Anonymiser

KEY = [
    KeyEntry(label="SP1", name="Margaret Okafor", aliases=["Maggie"], role="staff", site="A"),
    KeyEntry(label="P1", name="Will Jenkins", role="service_user", site="A"),
    KeyEntry(label="P2", name="Elizabeth Harrow", role="carer", site="B"),
]


def secure_folder(tmp_path: Path, entries: list[KeyEntry] | None = None) -> SecureFolder:
    sf = SecureFolder.open(tmp_path / "secure", create=True)
    sf.save_participant_key(ParticipantKey(entries=list(KEY if entries is None else entries)))
    return sf


def transcript_of(tid: str, turns: list[tuple[str, str, str]]) -> Transcript:
    """``turns`` = [(label, name as written, speech)]; the text holds speech only, turns joined by blank lines."""
    parts, model_turns, offset = [], [], 0
    for i, (label, name, said) in enumerate(turns):
        if i:
            parts.append("\n\n")
            offset += 2
        model_turns.append(Turn(speaker=label, speaker_name=name, start=offset, end=offset + len(said)))
        parts.append(said)
        offset += len(said)
    text = "".join(parts)
    return Transcript(id=tid, title=f"Interview {tid}", source_format="plain_txt", text=text, turns=model_turns,
                      source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test")


def add_pending(project: Project, secure: SecureFolder, tid: str, turns: list[tuple[str, str, str]]) -> Transcript:
    """A transcript of ``turns`` (see ``transcript_of``) written to the secure folder, awaiting anonymisation."""
    t = transcript_of(tid, turns)
    write_text(secure.raw / f"{tid}.json", t.model_dump_json())
    with project.transaction("tester") as tx:
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
    return t


def allow_without(*kinds: str) -> tuple[str, ...]:
    """The shipped allow-list less some classes' lists: what keeps a name then is how it is spoken of."""
    from cmo_coder.anonymise.layers.allowlist import default_allowlist
    from cmo_coder.anonymise.layers.public_names import public_names

    listed = {p.lower() for kind in kinds for p in public_names(kind)}
    return tuple(p for p in default_allowlist() if p.lower() not in listed)


def as_captions(text: str) -> str:
    """Text as captions write it: lower case, no punctuation."""
    import re

    return re.sub(r"[.,!?;:\"“”]", "", text.lower())


def caption(text: str) -> str:
    """Lower case, no punctuation before a space or the end: how automatic captions write speech (words like
    "Dr." or "10.30" keep what is inside them)."""
    import re

    return re.sub(r"\s+", " ", re.sub(r"[,.?!;:](?=\s|$)", "", text.lower())).strip()


def redacted_both(anon: Anonymiser, text: str) -> tuple[str, str]:
    """``text`` redacted with open items shown, as written and as captions write it (:func:`caption`): the two
    readings every new study's cases compare."""
    from cmo_coder.anonymise.pipeline import redact_text

    return redact_text(anon, text, open_items=True), redact_text(anon, caption(text), open_items=True)


BREW = " and after that we sat down and had a brew and talked it all through for a bit."


def both_casings(text: str, captions: bool = True) -> list[tuple[str, str]]:
    """The sentence with a neutral tail, cased and (unless ``captions`` is false) as captions write it."""
    out = [("cased", text + BREW)]
    return out + [("captions", as_captions(text + BREW))] if captions else out


def assert_kept(anon: Anonymiser, text: str, name: str, captions: bool = True) -> None:
    """``name`` survives redaction (open items shown) in each casing."""
    from cmo_coder.anonymise.pipeline import redact_text

    for casing, variant in both_casings(text, captions):
        target = name if casing == "cased" else as_captions(name)
        out = redact_text(anon, variant, open_items=True)
        assert target in out, f"{casing}: {out}"


def assert_removed(anon: Anonymiser, text: str, name: str, captions: bool = True) -> None:
    """No word of ``name`` survives redaction (open items shown) in each casing."""
    import re

    from cmo_coder.anonymise.pipeline import redact_text

    for casing, variant in both_casings(text, captions):
        out = redact_text(anon, variant, open_items=True)
        for word in re.findall(r"\w+", name.lower()):
            assert not re.search(rf"\b{word}\b", out.lower()), f"{casing}: {out}"


def redact_turns(anon: Anonymiser, turns: list[str], lower: bool) -> str:
    """Turns joined one per line and redacted with open items shown, as captions when ``lower``."""
    from cmo_coder.anonymise.pipeline import redact_text

    turns = [caption(t) for t in turns] if lower else turns
    segments, pos = [], 0
    for t in turns:
        segments.append((pos, pos + len(t)))
        pos += len(t) + 1
    return redact_text(anon, "\n".join(turns), open_items=True, segments=segments)


def case_rows(path: Path) -> list[tuple[str, str, str]]:
    """The (kind, name, sentence) rows of a tab-separated case list, comments and blank lines skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, name, sentence = line.split("\t")
            rows.append((kind, name, sentence))
    return rows


def cased_and_caption_params(path: Path, missed: dict[tuple[str, str], str]) -> list[object]:
    """Each (kind, word, sentence) row of a case list as two pytest params, the sentence cased and as captions,
    ``missed`` (casing, text → why) marking the readings known to fail as strict expected failures."""
    import pytest

    out: list[object] = []
    for kind, word, sentence in case_rows(path):
        for casing, text in (("cased", sentence), ("captions", as_captions(sentence))):
            reason = missed.get((casing, text))
            out.append(pytest.param(kind, word, text, id=f"{casing}-{kind}-{word}",
                                    marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else []))
    return out


def assert_word_reading(anon: Anonymiser, kind: str, word: str, text: str) -> None:
    """A case's word is left in the redacted text when its kind is "stay", and gone otherwise."""
    import re

    from cmo_coder.anonymise.pipeline import redact_text

    out = redact_text(anon, text, open_items=True)
    assert (re.search(rf"(?i)(?<![\w'’]){re.escape(word)}(?![\w-])", out) is not None) is (kind == "stay"), out


def sentence_turns(sentence: str, captions: bool, ending: str) -> tuple[str, list[tuple[int, int]]]:
    """A case written as turns split by " || ", each padded with ``ending`` so the model reads a whole sentence,
    joined one per line, with each turn's span; as captions when ``captions``."""
    turns = [t + ending for t in sentence.split(" || ")]
    if captions:
        turns = [as_captions(t) for t in turns]
    segments, pos = [], 0
    for t in turns:
        segments.append((pos, pos + len(t)))
        pos += len(t) + 1
    return "\n".join(turns), segments


def redact_found(anon: Anonymiser, text: str, segments: list[tuple[int, int]], trimmed: bool = False) -> str:
    """``text`` with every group the anonymiser finds replaced by its best candidate's placeholder, as sign-off
    writes it; with ``trimmed``, each candidate is also asserted to start and end on a non-space."""
    from cmo_coder.anonymise.apply import apply_spans
    from cmo_coder.anonymise.pipeline import _best
    from cmo_coder.anonymise.placeholders import placeholder_for

    groups, _, _ = anon.find(text, segments)
    spans = []
    for g in groups:
        best = _best(g, text)
        s, e = min(c.start for c in g), max(c.end for c in g)
        if trimmed:
            assert all(text[c.start:c.end] == text[c.start:c.end].strip() for c in g)
        spans.append((s, e, best.placeholder or placeholder_for(best.category, text[s:e], text, s)))
    return apply_spans(text, spans)[0]


# Outcomes a case may expect, for ``verdict``.
WANTED = {"remove": {"removed"}, "review_or_remove": {"removed", "review"}, "keep_or_review": {"kept", "review"},
          "keep": {"kept"}}


def proposals(anon: tuple[Anonymiser, list], text: str) -> list:
    """The review's proposals for ``text`` as one turn of one transcript, registered items included."""
    from cmo_coder.anonymise.models import Decisions
    from cmo_coder.anonymise.review import complete

    a, items = anon
    t = Transcript(id="t", title="t", source_format="plain_txt", text=text,
                   turns=[Turn(speaker="SP9", speaker_name="x", start=0, end=len(text))],
                   source_sha256="0" * 64, normaliser_version="test")
    return complete([a.analyse(t)], {"t": t}, Decisions(), items)[0].proposals


def verdict(anon: tuple[Anonymiser, list], text: str, target: str) -> str:
    """'removed', 'review' (an undecided item of its own), 'partial' or 'kept' for ``target`` in ``text``."""
    s = text.index(target)
    e = s + len(target)
    over = [p for p in proposals(anon, text) if p.start < e and s < p.end]
    letters = [i for i in range(s, e) if text[i].isalnum()]
    if not over:
        return "kept"
    if not all(any(p.start <= i < p.end for p in over) for i in letters):
        return "partial"
    return "review" if any(p.per_occurrence for p in over) else "removed"


def run_cli(*args: object):  # type: ignore[no-untyped-def]
    """One ``cmo-coder`` command in-process, exceptions raised rather than hidden in the result."""
    from click.testing import CliRunner

    from cmo_coder.cli.main import cli

    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def signed_text(project: Project, tid: str) -> str:
    """A signed-off transcript's text, read from a fresh handle on the project."""
    p = Project.open(project.path)
    try:
        return p.transcript(tid).text
    finally:
        p.close()


def signed_after_readings(tmp_path: Path, project: Project, key: list[KeyEntry], person: str, text: str,
                          keep_words: bool) -> tuple[str, list[dict[str, object]]]:
    """``text`` said by a member of staff after ``person`` (registered by ``key``) said hello, through
    ``anonymise``, ``review --json`` (the occurrences put to the reviewer, returned), optionally
    ``--keep-word-readings``, then ``--accept-all --sign-off``: the signed-off text, lower-cased."""
    import json

    sf = secure_folder(tmp_path, key)
    add_pending(project, sf, "t1", [("P1", person, "Hello, thanks for having me."), ("SP1", "Margaret Okafor", text)])
    p, s = project.path, sf.path
    assert run_cli("anonymise", p, "--secure", s).exit_code == 0
    items = json.loads(run_cli("review", p, "--secure", s, "--json").stdout)["occurrences"]
    if keep_words:
        assert run_cli("review", p, "--secure", s, "--keep-word-readings").exit_code == 0
    r = run_cli("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    return signed_text(project, "t1").lower(), items


CASE_ENDING = " and after that we sat down and had a brew and talked it all through for a bit."
"""What the public-name rounds pad each case's turns with, so the model reads a whole sentence."""


def case_out(anon: Anonymiser, sentence: str, captions: bool, ending: str = CASE_ENDING) -> tuple[str, str]:
    """A case's text (turns split by " || ", each padded with ``ending``) and that text redacted."""
    text, segments = sentence_turns(sentence, captions, ending)
    return text, redact_found(anon, text, segments, trimmed=False)


def case_kept(anon: Anonymiser, sentence: str, name: str, captions: bool) -> bool:
    """Every mention of ``name`` (as captions write it, when ``captions``) survives redaction."""
    text, out = case_out(anon, sentence, captions)
    target = as_captions(name) if captions else name
    return out.count(target) == text.count(target)


def case_gone(anon: Anonymiser, sentence: str, name: str, captions: bool) -> bool:
    """No word of ``name`` is left anywhere in the redacted case."""
    import re

    _, out = case_out(anon, sentence, captions)
    return not any(re.search(rf"\b{re.escape(w)}\b", out.lower()) for w in re.findall(r"\w+", name.lower()))


def assert_study_lists_whole(study: Path, sized: bool = True) -> None:
    """A new study's lists, written with it: every row must go or stay, every transcript has rows and every row a
    transcript, at least 12 held-out sentences; ``sized`` (the studies read sentence by sentence) also asks for at
    most 16 of them and a register of 50–80 rows as a team writes one."""
    import csv

    rows = list(csv.DictReader((study / "expected.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert {r["must"] for r in rows} == {"go", "stay"}
    names = {p.name for p in (study / "transcripts").iterdir()}
    assert {r["transcript"] for r in rows} == {n.rsplit(".", 1)[0] for n in names}
    heldout = list(csv.DictReader((study / "heldout.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert len(heldout) >= 12
    if sized:
        assert len(heldout) <= 16
        register = list(csv.DictReader((study / "secure" / "register.csv").open(encoding="utf-8")))
        assert 50 <= len(register) <= 80


def files_holding(root: Path, words: Iterable[str]) -> list[str]:
    """Every file under ``root`` (ZIP members too) that holds one of ``words``, in any casing, as ``"path: word"``.
    A report's embedded images are base64, which spells any short word by chance, and are left out."""
    import re
    import zipfile

    out: list[str] = []
    for f in sorted(p for p in root.rglob("*") if p.is_file()):
        blobs = [f.read_bytes()]
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                blobs += [z.read(i) for i in z.infolist()]
        blobs = [re.sub(rb"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+", b"", b) for b in blobs]
        out += [f"{f}: {w}" for b in blobs for w in words if w.lower().encode() in b.lower()]
    return out


def run_study_path(root: Path, files: list[Path], manifest: Path, register: Path, codebook: Path,
                   no_provisional: bool = False) -> tuple[Path, Path, list[str]]:
    """A new study's whole CLI path as a team runs it: ``init``, ``import`` of ``files`` with the manifest and
    register (speakers inferred), ``anonymise --register``, ``review --accept-all --sign-off``; each step must
    exit 0 (and, with ``no_provisional``, name no provisional speaker) and every transcript be signed off. The
    project, the secure folder and the transcript ids."""
    project, secure = root / "study", root / "secure"
    steps = [
        ("init", project, "--codebook", codebook),
        ("import", project, *files, "--secure", secure, "--manifest", manifest, "--register", register,
         "--infer-speakers"),
        ("anonymise", project, "--secure", secure, "--register", register),
        ("review", project, "--secure", secure, "--accept-all", "--sign-off"),
    ]
    for step in steps:
        result = run_cli(*step)
        assert result.exit_code == 0, (step[0], result.output)
        if no_provisional:
            assert "provisional" not in result.output, (step[0], result.output)
    p = Project.open(project)
    try:
        ids = p.transcript_ids()
        assert all(p.transcript_status(t) == "signed_off" for t in ids)
    finally:
        p.close()
    return project, secure, ids


def run_study_folder(root: Path, study: Path, codebook: Path) -> tuple[Path, Path, dict[str, str]]:
    """A study folder of ``tests/data`` (``transcripts/``, ``secure/participants.csv``, ``secure/register.csv``)
    copied under ``root`` and taken through :func:`run_study_path`: the project, its secure folder and file stem →
    signed-off text."""
    import shutil

    files = root / "transcripts"
    files.mkdir()
    for f in sorted((study / "transcripts").iterdir()):
        shutil.copy(f, files / f.name)
    project, secure, ids = run_study_path(root, sorted(files.iterdir()), study / "secure" / "participants.csv",
                                          study / "secure" / "register.csv", codebook)
    return project, secure, signed_by_stem(project, secure, ids)


def signed_by_stem(project: Path, secure: Path, ids: list[str]) -> dict[str, str]:
    """File stem → signed-off text, the stems read from the secure folder's ``sources.json`` (a file whose name
    held a name or place gets a neutral id, so its id is no stem)."""
    import json

    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    return {sources[t]["stem"]: signed_text(Project.open(project), t) for t in ids}


def study_rows(study: Path) -> list[dict[str, str]]:
    """A study's gold (``expected.tsv``): what must go and what must stay, by transcript."""
    import csv

    return list(csv.DictReader((study / "expected.tsv").open(encoding="utf-8"), delimiter="\t"))


def said_count(surface: str, text: str) -> int:
    """How often ``surface`` stands in ``text`` as whole words, in any casing."""
    import re

    return len(re.findall(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text, flags=re.IGNORECASE))


def registered_left(study: Path, signed: dict[str, str], not_names: str) -> list[tuple[str, str]]:
    """Every form the study's register and manifest give a person or place (names, aliases, a scoped alias's
    name) that stands, as written, in a signed-off text; forms matching ``not_names`` (labels and roles the
    manifest writes as aliases: "P1", "Interviewer") are left out."""
    import csv
    import re

    from cmo_coder.anonymise.register import load_register_csv

    register = load_register_csv(study / "secure" / "register.csv")
    people = list(csv.DictReader((study / "secure" / "participants.csv").open(encoding="utf-8")))
    forms = {i.surface for i in register} | {a for i in register for a in i.aliases}
    forms |= {r["name"] for r in people} | {a.split("@")[0] for r in people for a in r["aliases"].split(";") if a}
    forms = {f for f in forms if not re.fullmatch(not_names, f)}
    return sorted((f, t) for f in forms for t, text in signed.items()
                  if re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text))



# -- a new study's path test: its gold and its pins ------------------------------------------------------------------

StudyPath = tuple[Path, Path, dict[str, str]]
"""The project, its secure folder and file stem (or transcript id) → signed-off text, after the whole CLI path."""


def study_path_fixture(study: Path, codebook: Path):  # type: ignore[no-untyped-def]
    """A module-scoped ``path`` fixture for ``study``: :func:`run_study_folder` once for every test of the module
    (the whole CLI path takes a minute; each test reads what it signed off)."""
    import pytest

    @pytest.fixture(scope="module")
    def path(tmp_path_factory: pytest.TempPathFactory) -> StudyPath:
        return run_study_folder(tmp_path_factory.mktemp(study.name), study, codebook)

    return path


class StudyPathChecks:
    """The checks every new study's path test makes, read from the pins its module's subclass sets: a new study's
    test is ``class TestStudyPath(StudyPathChecks)`` with its gold (``STUDY``) and its pins, and a ``path`` fixture
    (:func:`study_path_fixture`, or one of its own that returns a :data:`StudyPath`). Not named ``Test…``, so pytest
    collects it only through a study's subclass.

    ``FILES`` files read and signed off; no register or manifest form left but those matching ``NOT_NAMES`` (labels
    and roles the manifest writes as aliases); the gold's must-go items left exactly ``LEFT``; at most
    ``MOST_REMOVED`` must-stay items removed and every one of ``KEPT`` said somewhere. :class:`StudyLeakChecks`
    adds the leak check on the project and its export."""

    STUDY: Path
    FILES = 8
    NOT_NAMES = r"(?i)(P\d|Interviewer)"
    LEFT: list[tuple[str, str]] = []
    MOST_REMOVED = 0
    KEPT: tuple[str, ...] = ()
    CURLY_AS_STRAIGHT = True
    """Whether a curly apostrophe in the signed text ("Alzheimer’s", as an RTF or Word writes it) is read as a
    straight one when the gold is counted."""

    @classmethod
    def said(cls, surface: str, text: str) -> int:
        return said_count(surface, text.replace("’", "'") if cls.CURLY_AS_STRAIGHT else text)

    @classmethod
    def signed_for(cls, signed: dict[str, str], transcript: str) -> str:
        """The signed-off text of the gold's ``transcript`` (its file's stem); a study that renamed its files
        maps the stem to what it imported."""
        return signed[transcript]

    def test_the_studys_lists_are_whole(self) -> None:
        assert_study_lists_whole(self.STUDY, sized=False)

    def test_every_file_is_read_and_signed_off(self, path: StudyPath) -> None:
        assert len(path[2]) == self.FILES

    def test_nothing_registered_is_left(self, path: StudyPath) -> None:
        assert registered_left(self.STUDY, path[2], self.NOT_NAMES) == []

    def test_the_golds_must_go_items_are_gone(self, path: StudyPath) -> None:
        left = sorted((r["transcript"], r["surface"]) for r in study_rows(self.STUDY)
                      if r["must"] == "go" and self.said(r["surface"], self.signed_for(path[2], r["transcript"])))
        assert left == sorted(self.LEFT)

    def test_must_stay_words_removed_do_not_grow(self, path: StudyPath) -> None:
        removed = [(r["transcript"], r["surface"]) for r in study_rows(self.STUDY)
                   if r["must"] == "stay" and not self.said(r["surface"], self.signed_for(path[2], r["transcript"]))]
        assert len(removed) <= self.MOST_REMOVED, removed
        for kept in self.KEPT:
            assert any(self.said(kept, text) for text in path[2].values()), kept


class StudyLeakChecks(StudyPathChecks):
    """:class:`StudyPathChecks` and ``leakcheck`` on the project and its QDPX export: exit 0 (and, with
    ``LEAKCHECK_QUIET``, no sound-alike warning)."""

    LEAKCHECK_QUIET = False

    def test_leakcheck_finds_nothing_in_the_project_or_its_export(self, path: StudyPath, tmp_path: Path) -> None:
        project, secure, _ = path
        out = tmp_path / "study.qdpx"
        result = run_cli("export", project, "--qdpx", out)
        assert result.exit_code == 0, result.output
        result = run_cli("leakcheck", project, "--secure", secure, out)
        assert result.exit_code == 0, result.output
        if self.LEAKCHECK_QUIET:
            assert "sound like a registered name" not in result.stderr, result.stderr
