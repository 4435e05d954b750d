"""Every command that reads a user's file, given a file no one meant to give it.

``import`` (a transcript, and ``--manifest``), ``anonymise --register``, ``review --decisions``,
``init --codebook``, ``import-qdpx`` and ``code import``, each with: an empty file, a binary file, a folder, a
file that does not exist, one that vanishes between the command line's check and the read, a line of tens of
megabytes, and the command's own kind of file in UTF-16 with a BOM, UTF-16 without one and Latin-1. Each
must refuse with ``error:`` naming the file and exit 1, and leave the project and the secure folder byte for
byte as they were; the few encodings a reader is documented to take (a transcript or a manifest in UTF-16
with a BOM, or in Windows-1252) may instead succeed, and then must have read the name right.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli

REPO = Path(__file__).resolve().parent.parent
TRANSCRIPT = REPO / "transcripts_sample" / "siteC_service_user_interview.srt"
OTHER = REPO / "transcripts_sample" / "siteC_carer_interview.vtt"

#: Each command's own kind of file, with a name outside ASCII, so an encoding read wrongly shows.
CONTENT = {
    "transcript": "1\n00:00:01,000 --> 00:00:02,000\nZoë Müller: hello there\n\n"
                  "2\n00:00:03,000 --> 00:00:04,000\nAnn Lee: hello Zoë\n",
    "manifest": "name,aliases,role,site,label\nZoë Müller,,service_user,C,P9\n",
    "register": "surface,category\nZoë Müller,person\n",
    "decisions": "id,transcript,surface,count,category,placeholder,registered,decision,context\n"
                 ",siteC_service_user_interview,Zoë,1,person,[name removed],,accept,\n",
    "codebook": "name: tést\nprogramme_theories: []\n",
    "qdpx": '<?xml version="1.0" encoding="utf-8"?><Project name="Zoë" xmlns="urn:QDA-XML:project:1.0"/>',
    "table": "transcript,start,end,text,pt\nsiteC_service_user_interview,0,3,Zoë,PT1\n",
}
HUGE = 24 << 20  # a single line of 24 MB


def _argv(kind: str, file: Path, study: Path, secure: Path, tmp: Path) -> list[str]:
    return {
        "transcript": ["import", study, file, "--secure", secure],
        "manifest": ["import", study, OTHER, "--secure", secure, "--manifest", file],
        "register": ["anonymise", study, "--secure", secure, "--register", file],
        "decisions": ["review", study, "--secure", secure, "--decisions", file],
        "codebook": ["init", tmp / "new-study", "--codebook", file],
        "qdpx": ["import-qdpx", study, file],
        "table": ["code", "import", study, file],
    }[kind]


def _state(*roots: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for root in roots for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one transcript imported and anonymised (so review has proposals), made once."""
    root = tmp_path_factory.mktemp("hostile-cli")
    run = CliRunner().invoke
    assert run(cli, ["init", str(root / "study"), "--codebook", "tiny"]).exit_code == 0
    assert run(cli, ["import", str(root / "study"), str(TRANSCRIPT), "--secure", str(root / "secure")]).exit_code == 0
    assert run(cli, ["anonymise", str(root / "study"), "--secure", str(root / "secure")]).exit_code == 0
    return root


@pytest.fixture
def study(base: Path, tmp_path: Path) -> tuple[Path, Path]:
    import shutil

    shutil.copytree(base / "study", tmp_path / "study", symlinks=True)
    shutil.copytree(base / "secure", tmp_path / "secure", symlinks=True)
    return tmp_path / "study", tmp_path / "secure"


def _hostile(how: str, kind: str, tmp: Path) -> Path:
    path = tmp / f"given-{kind}.{'qdpx' if kind == 'qdpx' else 'txt' if kind == 'transcript' else 'csv'}"
    text = CONTENT[kind]
    if how == "empty":
        path.write_bytes(b"")
    elif how == "binary":
        path.write_bytes(bytes(range(256)) * 64)
    elif how == "folder":
        path.mkdir()
    elif how in ("missing", "vanishes"):
        path.write_bytes(text.encode())
    elif how == "huge_line":
        path.write_bytes(text.encode().split(b"\n")[0] + b"\n" + b"Zo\xc3\xab " * (HUGE // 4) + b"\n")
    elif how == "utf16_bom":
        path.write_bytes(text.encode("utf-16"))
    elif how == "utf16_no_bom":
        path.write_bytes(text.encode("utf-16-le"))
    elif how == "latin1":
        path.write_bytes(text.encode("latin-1"))
    if how == "missing":
        path.unlink()
    return path


#: (kind, encoding) pairs a reader is documented to read: it may succeed, and must then read "Zoë" right.
READABLE = {("transcript", "utf16_bom"), ("transcript", "latin1"), ("manifest", "utf16_bom"), ("manifest", "latin1")}
HOW = ["empty", "binary", "folder", "missing", "vanishes", "huge_line", "utf16_bom", "utf16_no_bom", "latin1"]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("kind", sorted(CONTENT))
def test_a_hostile_file_is_refused_naming_it_and_nothing_changes(
        kind: str, how: str, study: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project, secure = study
    file = _hostile(how, kind, tmp_path)
    if how == "vanishes":  # gone after the command line checked it, before the command reads it
        convert = click.Path.convert

        def check_then_vanish(self: click.Path, value: object, param: object, ctx: object) -> object:
            out = convert(self, value, param, ctx)  # type: ignore[arg-type]
            if str(value) == str(file) and file.exists():
                file.unlink()
            return out

        monkeypatch.setattr(click.Path, "convert", check_then_vanish)
        if kind in ("codebook",):  # read by name, not checked by the command line: gone before the command
            file.unlink()
    before = _state(project, secure)
    result = CliRunner().invoke(cli, [str(a) for a in _argv(kind, file, project, secure, tmp_path)])
    out = result.output
    assert "Traceback" not in out and "internal error" not in out, out[-2000:]
    assert result.exit_code in (0, 1), (result.exit_code, out[-2000:])
    if result.exit_code == 0:
        assert (kind, how) in READABLE, out[-2000:]
        return
    errors = [line for line in out.splitlines() if line.startswith("error:") or "failed" in line]
    assert errors and len(out) < 5000, out[-2000:]
    assert file.name in out, out[-2000:]  # the file is named
    assert _state(project, secure) == before, f"refused but changed the project: {out[-500:]}"
    assert not (tmp_path / "new-study").exists()


@pytest.mark.parametrize("how", ["utf16_bom", "latin1"])
def test_a_transcript_in_another_encoding_reads_its_names_right(how: str, study: tuple[Path, Path],
                                                                tmp_path: Path) -> None:
    from cmo_coder.model import Transcript

    project, secure = study
    file = _hostile(how, "transcript", tmp_path)
    result = CliRunner().invoke(cli, ["import", str(project), str(file), "--secure", str(secure)])
    assert result.exit_code == 0, result.output
    raw = Transcript.model_validate_json((secure / "raw" / f"{file.stem}.json").read_bytes())
    assert [t.speaker_name for t in raw.turns] == ["Zoë Müller", "Ann Lee"] and "Zoë" in raw.text


@pytest.mark.parametrize("kind", ["register", "manifest"])
def test_a_csv_line_of_megabytes_is_one_error_naming_the_line(kind: str, study: tuple[Path, Path],
                                                             tmp_path: Path) -> None:
    """The csv module's field limit raised ``csv.Error`` through the register and manifest readers, an
    internal error with exit code 2; it is now the file and line, and exit code 1."""
    project, secure = study
    file = _hostile("huge_line", kind, tmp_path)
    result = CliRunner().invoke(cli, [str(a) for a in _argv(kind, file, project, secure, tmp_path)])
    assert result.exit_code == 1, result.output[-500:]
    line = result.output.strip().splitlines()[-1]
    assert line.startswith(f"error: {file}") and "line" in line or f"{file}:" in line, line
    assert "not a readable CSV line" in line


@pytest.mark.parametrize(("kind", "data", "says"), [
    ("codebook", "[" * 10_000, "nested too deeply"),
    ("codebook", "a:\n" + "".join(" " * i + "- \n" for i in range(0, 4000, 2)), "nested too deeply"),
    ("codebook", "programme_theories: " + "{a: " * 3000, "nested too deeply"),
    ("table", "[" * 100_000 + "\n", "JSON nested too deeply"),
    ("table", '{"transcript":' * 100_000 + "\n", "JSON nested too deeply"),
])
def test_input_nested_thousands_deep_is_an_error_not_a_crash(kind: str, data: str, says: str,
                                                            study: tuple[Path, Path], tmp_path: Path) -> None:
    """PyYAML and json recurse once per level of nesting: a codebook or a JSON Lines table of "[[[[…" raised
    RecursionError, an internal error with exit code 2."""
    project, secure = study
    file = tmp_path / ("deep.yaml" if kind == "codebook" else "deep.jsonl")
    file.write_text(data, encoding="utf-8")
    before = _state(project, secure)
    result = CliRunner().invoke(cli, [str(a) for a in _argv(kind, file, project, secure, tmp_path)])
    assert result.exit_code == 1 and "internal error" not in result.output, result.output[-500:]
    assert says in result.output and str(file) in result.output
    assert _state(project, secure) == before and not (tmp_path / "new-study").exists()


def test_a_codebook_of_megabytes_is_refused_before_it_is_parsed(study: tuple[Path, Path], tmp_path: Path) -> None:
    """PyYAML reads about a megabyte a second: a 24 MB file given as the codebook held ``init`` for most of a
    minute before it said anything. A codebook is kilobytes; one of over 4 MB is refused by its size."""
    import time

    file = _hostile("huge_line", "codebook", tmp_path)
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "new-study"), "--codebook", str(file)])
    assert result.exit_code == 1 and "too large for a YAML file" in result.output, result.output[-500:]
    assert time.monotonic() - started < 10 and not (tmp_path / "new-study").exists()
