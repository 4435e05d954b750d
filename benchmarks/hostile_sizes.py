"""Large and slow input through the readers: each case read within the limits ``ingest/limits.py`` and the readers
set, or refused early with a clear message; and no reader quadratic on one long line.

Each case is built in a temporary folder and read in a fresh process of its own (``detect.parse``, the import's
reader, as if ``--max-mb`` let the file through), so the peak memory printed is the case's alone: the child's
resident high-water mark (``VmHWM``), under an address-space limit of 3 GB set with ``resource`` (``RLIMIT_AS``), so
a reader that ran away would fail there with a ``MemoryError``. Times are the child's CPU seconds (comparable on a
shared, loaded machine). The cases:

- a caption file of ``--caption-mb`` MB (200 by default: a recording's captions pasted into one file many times);
  the import's own size check (``--max-mb``, 50 MB by default) refuses it first, and is timed too;
- a WebVTT of 50,000 turns; a DOCX of 100,000 paragraphs;
- a zip bomb inside a DOCX (a document part of ``--bomb-mb`` MB of spaces, deflated to a few hundred kilobytes) and
  inside a QDPX (``project.qde`` the same), each read through the reader that takes such a file;
- a JSON array nested 10,000 deep;
- one line of ``--line-mb`` MB without a break, as a typed ``Name: text`` file, an SRT cue, a WebVTT cue and an
  email's quoted-printable body, each also at a half, a quarter and an eighth of the size: the times' growth says
  whether the reader is linear (twice the size, about twice the time) or quadratic (four times);
- an email body of 50,000 short lines (its signature search was quadratic in the body's lines).

    python benchmarks/hostile_sizes.py [--caption-mb 200] [--line-mb 10] [--bomb-mb 1024] [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_SPEECH = "so we went down to the clinic and the nurse said it was fine "


def _stamp(t: float, sep: str) -> str:
    h, rem = divmod(int(t * 1000), 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _srt_cues(n: int, start: int = 0) -> str:
    return "".join(f"{i}\n{_stamp(i, ',')} --> {_stamp(i + 0.9, ',')}\nAmy Lo: {_SPEECH}\n\n"
                   for i in range(start + 1, start + n + 1))


def caption_file(folder: Path, mb: int) -> Path:
    """An SRT of ``mb`` megabytes, written a block at a time (a thousand cues), never held whole."""
    path = folder / "captions.srt"
    block_cues = 1000
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        k = 0
        while written < mb * 1024 * 1024:
            block = _srt_cues(block_cues, k * block_cues)
            fh.write(block)
            written += len(block)
            k += 1
    return path


def vtt_turns(folder: Path, turns: int) -> Path:
    path = folder / "turns.vtt"
    speakers = ["Amy Lo", "Ben Roe", "Cat Ng"]
    with path.open("w", encoding="utf-8") as fh:
        fh.write("WEBVTT\n\n")
        for i in range(turns):
            fh.write(f"{_stamp(i, '.')} --> {_stamp(i + 0.9, '.')}\n<v {speakers[i % 3]}>{_SPEECH}\n\n")
    return path


def _docx_with(document_xml_writer: Callable[[zipfile.ZipFile], None], path: Path) -> Path:
    """A Word file: python-docx's own parts, with ``word/document.xml`` written by ``document_xml_writer``."""
    import io

    import docx

    base = io.BytesIO()
    docx.Document().save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info))
        document_xml_writer(dst)
    return path


def docx_paragraphs(folder: Path, paragraphs: int) -> Path:
    """A DOCX of ``paragraphs`` paragraphs, ``Name: text`` each, built as an element tree (never by strings)."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = etree.Element(f"{{{w}}}document", nsmap={"w": w})
    body = etree.SubElement(document, f"{{{w}}}body")
    speakers = ["Amy Lo", "Ben Roe"]
    for i in range(paragraphs):
        run = etree.SubElement(etree.SubElement(body, f"{{{w}}}p"), f"{{{w}}}r")
        etree.SubElement(run, f"{{{w}}}t").text = f"{speakers[i % 2]}: {_SPEECH.strip()}"
    data = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _docx_with(lambda z: z.writestr("word/document.xml", data), folder / "paragraphs.docx")


def _bomb_into(z: zipfile.ZipFile, name: str, mb: int) -> None:
    """``name`` in ``z``: an XML declaration, then ``mb`` megabytes of spaces, streamed in (deflate makes it tiny)."""
    chunk = b" " * (1024 * 1024)
    with z.open(name, "w", force_zip64=True) as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>')
        for _ in range(mb):
            out.write(chunk)


def docx_bomb(folder: Path, mb: int) -> Path:
    return _docx_with(lambda z: _bomb_into(z, "word/document.xml", mb), folder / "bomb.docx")


def qdpx_bomb(folder: Path, mb: int) -> Path:
    path = folder / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _bomb_into(z, "project.qde", mb)
    return path


def deep_json(folder: Path, depth: int) -> Path:
    path = folder / "deep.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    return path


def long_line(folder: Path, kind: str, size: int) -> Path:
    """One line of ``size`` bytes without a break, in the shape ``kind`` names."""
    words = (_SPEECH * (size // len(_SPEECH) + 1))[:size]
    if kind == "typed":
        path = folder / f"line_{size}.txt"
        path.write_text(f"Amy Lo: {words}\nBen Roe: right\n", encoding="utf-8")
    elif kind == "srt":
        path = folder / f"line_{size}.srt"
        path.write_text(f"1\n00:00:01,000 --> 00:00:02,000\nAmy Lo: {words}\n\n", encoding="utf-8")
    elif kind == "vtt":
        path = folder / f"line_{size}.vtt"
        path.write_text(f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Amy Lo>{words}\n\n", encoding="utf-8")
    else:
        path = folder / f"line_{size}.eml"
        path.write_bytes(_email(f"Amy Lo: {words}\nBen Roe: right\n"))
    return path


def _email(body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Typist <desk@typing.example>"
    msg["To"] = "Team <team@uni.example>"
    msg["Subject"] = "transcript"
    msg["Date"] = "Mon, 16 Nov 2026 10:02:00 +0000"
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    return msg.as_bytes()


def email_lines(folder: Path, lines: int) -> Path:
    path = folder / f"lines_{lines}.eml"
    path.write_bytes(_email("".join(f"{'Amy Lo' if i % 2 else 'Ben Roe'}: right, aye\n" for i in range(lines))))
    return path


_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
path, how, cap = sys.argv[2], sys.argv[3], int(sys.argv[4])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))  # a runaway is a MemoryError here, not a machine's swap
began = time.process_time()
out = {}
try:
    if how == "import-size":  # as the import checks it: the file's size, before a byte is read
        import os
        from cmo_coder.ingest.importer import DEFAULT_MAX_BYTES
        size = os.path.getsize(path)
        out["result"] = "refused by size" if size > DEFAULT_MAX_BYTES else "under the size limit"
    elif how == "qdpx":
        from pathlib import Path
        from cmo_coder.exchange.archive import SafeZip
        with SafeZip(Path(path)) as z:
            z.read(z.project_file())
        out["result"] = "read"
    else:
        from cmo_coder.ingest import canonical, detect
        data = open(path, "rb").read()
        parsed = detect.parse(data, path.rsplit("/", 1)[-1])
        canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
        out["result"] = f"read: {len(canon.turns)} turns, {len(canon.text)} characters"
        out["warnings"] = len(parsed.warnings)
except Exception as exc:
    out["result"] = f"refused ({type(exc).__name__}): {str(exc)[:160]}"
out["cpu_s"] = round(time.process_time() - began, 3)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec from the parent that forked the child
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
out["peak_mb"] = round(int(hwm.split()[1]) / 1024, 1)
print(json.dumps(out))
"""


#: The address space a reading child may take (``resource.RLIMIT_AS``): a reader past it fails with MemoryError.
CHILD_ADDRESS_SPACE = 3 * 1024 * 1024 * 1024


def read_in_child(path: Path, how: str = "parse") -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(path), how, str(CHILD_ADDRESS_SPACE)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"result": f"the child failed: {proc.stderr.strip().splitlines()[-1:]}", "cpu_s": None}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _row(name: str, size: int, got: dict[str, object]) -> None:
    print(f"{name:<34} {size / 1e6:>9.2f} MB  {str(got.get('cpu_s')):>8} s  {str(got.get('peak_mb')):>8} MB peak  "
          f"{got['result']}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--caption-mb", type=int, default=200)
    ap.add_argument("--line-mb", type=float, default=10.0)
    ap.add_argument("--bomb-mb", type=int, default=1024)
    ap.add_argument("--only", default="", help="run only the cases whose name holds this word")
    args = ap.parse_args(argv)
    from cmo_coder.ingest.limits import MAX_LINES, MAX_TURNS

    print(f"limits: {MAX_LINES} lines and {MAX_TURNS} turns a transcript (ingest/limits.py); "
          "the import's --max-mb 50 by default; a DOCX part at most 64 MB; a QDPX entry at most 512 MB and 200:1")
    print(f"each case read in a child limited to {CHILD_ADDRESS_SPACE >> 20} MB of address space (RLIMIT_AS); "
          "peak is the child's resident high-water mark (VmHWM)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases: list[tuple[str, Callable[[], Path], str]] = [
            (f"caption file {args.caption_mb} MB, import size check", lambda: caption_file(folder, args.caption_mb),
             "import-size"),
            (f"caption file {args.caption_mb} MB, reader", lambda: folder / "captions.srt", "parse"),
            ("webvtt of 50,000 turns", lambda: vtt_turns(folder, 50_000), "parse"),
            ("docx of 100,000 paragraphs", lambda: docx_paragraphs(folder, 100_000), "parse"),
            (f"docx zip bomb {args.bomb_mb} MB", lambda: docx_bomb(folder, args.bomb_mb), "parse"),
            (f"qdpx zip bomb {args.bomb_mb} MB", lambda: qdpx_bomb(folder, args.bomb_mb), "qdpx"),
            ("json nested 10,000 deep", lambda: deep_json(folder, 10_000), "parse"),
            ("email of 50,000 lines", lambda: email_lines(folder, 50_000), "parse"),
        ]
        full = int(args.line_mb * 1024 * 1024)
        for kind in ("typed", "srt", "vtt", "email"):
            for part in (8, 4, 2, 1):
                size = full // part
                cases.append((f"one line, {kind}, 1/{part}", lambda k=kind, s=size: long_line(folder, k, s),
                              "parse"))
        for name, build, how in cases:
            if args.only and args.only not in name:
                continue
            began = time.perf_counter()
            path = build()
            built = time.perf_counter() - began
            got = read_in_child(path, how)
            _row(name, path.stat().st_size, got)
            if built > 5:
                print(f"{'':<34} (built in {built:.0f} s)", flush=True)
            if name.startswith("caption file") and how == "parse":
                path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
