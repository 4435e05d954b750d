"""Ingest throughput: a generated 500-transcript study (~5 million words) across the formats.

Times are CPU seconds of this process (the figures stay comparable on a shared, loaded
machine). Prints files/s and MB/s per format for parsing (detection + reader + canonical text),
the cost of simply reading the bytes for comparison (from the page cache, so
reading is nearly free: the ratio shows what parsing costs beyond I/O), the
same VTT files parsed by webvtt-py alone side by side, the full ``import_files`` run
(secure copies, key, project rows), and the peak RSS to show memory stays bounded
(files are handled one at a time).

    python benchmarks/ingest.py [--files 500] [--words 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.ingest import canonical, detect, import_files  # noqa: E402
from cmo_coder.store import Project  # noqa: E402

_VOCAB = ("the a support worker said that recovery college course peer trainer helped me feel safe and "
          "listened to because nobody judged you there which made all difference when I was unwell "
          "café naïve coördinator &")
WORDS = _VOCAB.split(" ")
NAMES = ["Jennifer Adams", "Lucía Farías", "Sam Okafor", "Priya Shah", "Tom Baker", "Chen Wei"]
FORMATS = ["teams_vtt", "zoom_vtt", "srt", "zoom_captions", "otter_txt", "plain_txt", "teams_docx"]


def _stamp(t: float, sep: str = ".") -> str:
    h, rem = divmod(int(t * 1000), 3600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _cues(rnd: random.Random, words: int) -> list[tuple[str, str]]:
    out, n = [], 0
    speakers = rnd.sample(NAMES, 3)
    while n < words:
        k = rnd.randint(6, 18)
        out.append((rnd.choice(speakers), " ".join(rnd.choice(WORDS) for _ in range(k))))
        n += k
    return out


def write_file(folder: Path, i: int, fmt: str, rnd: random.Random, words: int) -> Path:
    cues = _cues(rnd, words)
    if fmt == "teams_docx":
        from docx import Document

        doc = Document()
        doc.add_paragraph("Interview")
        for j, (name, text) in enumerate(cues):
            p = doc.add_paragraph()
            run = p.add_run(f"{name}   {j // 60}:{j % 60:02d}")
            run.add_break()
            p.add_run(text)
        path = folder / f"s{i:03d}.docx"
        doc.save(path)
        return path
    lines: list[str] = []
    if fmt == "teams_vtt":
        lines.append("WEBVTT\n")
        for j, (name, text) in enumerate(cues):
            lines.append(f"ab12cd/{j}-0\n{_stamp(j * 3.0)} --> {_stamp(j * 3.0 + 2.5)}\n"
                         f"<v {name.replace('í', '&#237;')}>{text.replace('&', '&amp;')}</v>\n")
        ext = ".vtt"
    elif fmt == "zoom_vtt":
        lines.append("WEBVTT\n")
        for j, (name, text) in enumerate(cues):
            said = text.replace("&", "&amp;")
            lines.append(f"{j + 1}\n{_stamp(j * 3.0)} --> {_stamp(j * 3.0 + 2.5)}\n{name}: {said}\n")
        ext = ".vtt"
    elif fmt == "srt":
        for j, (name, text) in enumerate(cues):
            lines.append(f"{j + 1}\n{_stamp(j * 3.0, ',')} --> {_stamp(j * 3.0 + 2.5, ',')}\n{name}: {text}\n")
        ext = ".srt"
    elif fmt == "zoom_captions":
        for j, (name, text) in enumerate(cues):
            lines.append(f"[{name}] {_stamp(36000 + j * 3.0)[:8]}\n{text}\n")
        ext = ".txt"
    elif fmt == "otter_txt":
        lines.append("SUMMARY KEYWORDS\nrecovery, college\n\nSPEAKERS\n" + ", ".join(NAMES) + "\n")
        for j, (name, text) in enumerate(cues):
            lines.append(f"{name}  {j // 60}:{j % 60:02d}\n{text}\n")
        lines.append("Transcribed by https://otter.ai\n")
        ext = ".txt"
    else:
        for name, text in cues:
            lines.append(f"{name}: {text}\n")
        ext = ".txt"
    path = folder / f"s{i:03d}{ext}"
    path.write_text("\n".join(lines), encoding="utf-8", newline="\r\n" if fmt == "zoom_vtt" else "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--words", type=int, default=10_000, help="words per transcript")
    ap.add_argument("--keep", type=Path, default=None, help="generate into this folder and keep it")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="cmo-ingest-bench-")) if args.keep is None else args.keep
    src = root / "sources"
    src.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(42)
    t0 = time.process_time()
    files: dict[str, list[Path]] = defaultdict(list)
    for i in range(args.files):
        fmt = FORMATS[i % len(FORMATS)]
        files[fmt].append(write_file(src, i, fmt, rnd, args.words))
    total_mb = sum(p.stat().st_size for ps in files.values() for p in ps) / 1e6
    print(f"generated {args.files} transcripts, {args.files * args.words / 1e6:.1f}M words, {total_mb:.1f} MB "
          f"in {time.process_time() - t0:.1f}s ({root})")
    print(f"\n{'format':<15}{'files':>6}{'MB':>8}{'read s':>8}{'parse s':>9}{'files/s':>9}{'MB/s':>8}"
          f"{'parse/read':>11}")
    for fmt in FORMATS:
        ps = files[fmt]
        mb = sum(p.stat().st_size for p in ps) / 1e6
        t = time.process_time()
        for p in ps:
            p.read_bytes()
        read_s = time.process_time() - t
        t = time.process_time()
        for p in ps:
            parsed = detect.parse(p.read_bytes(), p.name)
            canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
        parse_s = time.process_time() - t
        print(f"{fmt:<15}{len(ps):>6}{mb:>8.1f}{read_s:>8.2f}{parse_s:>9.2f}{len(ps) / parse_s:>9.1f}"
              f"{mb / parse_s:>8.1f}{parse_s / max(read_s, 1e-9):>10.0f}x")
    try:
        import webvtt
    except ImportError:
        print("\nwebvtt-py not installed (pip install '.[bench]'): no side-by-side figures")
    else:
        print(f"\n{'VTT files':<15}{'files':>6}{'cmo-coder s':>13}{'webvtt-py s':>13}")
        for fmt in ("teams_vtt", "zoom_vtt"):
            ps = files[fmt]
            t = time.process_time()
            for p in ps:
                parsed = detect.parse(p.read_bytes(), p.name)
                canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
            ours = time.process_time() - t
            t = time.process_time()
            for p in ps:
                for c in webvtt.read(str(p)):
                    _ = c.text  # webvtt-py alone: cues only; no merging, speakers, offsets or names
            theirs = time.process_time() - t
            print(f"{fmt:<15}{len(ps):>6}{ours:>13.2f}{theirs:>13.2f}")
    proj = root / "project"
    if proj.exists():
        shutil.rmtree(proj)
    if (root / "secure").exists():
        shutil.rmtree(root / "secure")
    project = Project.create(proj, codebook_io.load("tiny"), actor="bench")
    all_files = [p for fmt in FORMATS for p in files[fmt]]
    t, wall = time.process_time(), time.perf_counter()
    report = import_files(project, all_files, root / "secure", progress=sys.stderr.isatty())
    full, wall = time.process_time() - t, time.perf_counter() - wall
    project.close()
    failed = [f for f in report.files if f.status == "failed"]
    print(f"\nfull import (parse, fsynced secure copies, key, project rows): {len(all_files)} files, "
          f"{full:.1f}s CPU = {len(all_files) / full:.1f} files/s, {total_mb / full:.1f} MB/s "
          f"({wall:.1f}s wall); {len(failed)} failed")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB (one file at a time: bounded by the largest file, not the batch)")
    if args.keep is None:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
