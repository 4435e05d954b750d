"""The path a study team follows, run through the command line, and what survived it.

``import`` with a manifest, ``anonymise --register``, ``review --accept-all --sign-off``: each
step runs as its own ``cmo-coder`` process, exactly as a team would type it, so the figures
include whatever the commands add around the anonymiser (speaker names from the key, the
register file, review decisions, sign-off checks). The raw text comes from the secure folder;
the signed-off text from the project.

What was removed is read back from the two texts alone (see :func:`removed_spans`): the
signed-off text is the raw text with stretches replaced by bracketed placeholders, and the
stretches are recovered from that. This needs nothing from the anonymiser's own records, so it measures the
text that leaves the secure folder, whatever the internals do.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
JOBS = "1"
KEEP_WORD_READINGS = False
"""Whether review also runs ``--keep-word-readings`` before ``--accept-all``: a team that asks for it keeps the
occurrences of a registered name whose grammar reads as the everyday word ("in april", "al-anon"), one by one;
every other registered occurrence is still accepted, so none passes unseen."""
"""``anonymise --jobs``: one process unless a harness asks otherwise, so the path's time reads as it always has
(the proposals are the same whatever it is)."""


@dataclass
class Signed:
    transcript_id: str
    raw: str  # the imported text, identifiable
    segments: list[tuple[int, int]]  # turn boundaries in ``raw``
    signed: str | None  # the signed-off text in the project; None: sign-off refused
    refusal: str | None  # why sign-off refused this transcript
    removed: list[tuple[int, int]]  # spans of ``raw`` that did not survive into ``signed``


def cmo(*args: str | Path) -> str:
    """Run one ``cmo-coder`` command from this checkout; a failure stops the benchmark with its message."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "cmo_coder", *map(str, args)], capture_output=True, text=True,
                          env=env, check=False)
    if done.returncode:
        raise RuntimeError(f"cmo-coder {' '.join(map(str, args[:1]))} failed ({done.returncode}): "
                           f"{done.stderr.strip()[-2000:]}")
    return done.stdout


def run(work: Path, files: list[Path], manifest: Path, register: Path, model: str) -> dict[str, Signed]:
    """Import, anonymise, accept everything proposed and sign off; keyed by source file path."""
    from cmo_coder.model import Transcript
    from cmo_coder.store import Project

    project, secure = work / "study", work / "secure"
    cmo("init", project, "--codebook", REPO / "codebooks" / "tiny.yaml")
    report = json.loads(cmo("import", project, *files, "--secure", secure, "--manifest", manifest,
                            "--infer-speakers", "--json"))
    failed = [f for f in report["files"] if f["status"] != "imported"]
    if failed:
        raise RuntimeError(f"import failed: {failed[0]['path']}: {failed[0]['error']}")
    provisional = [f["path"] for f in report["files"] if any(s.startswith("U") for s in f["speakers"])]
    if provisional:
        raise RuntimeError(f"speakers the manifest does not cover in {provisional[0]}")
    cmo("anonymise", project, "--secure", secure, "--register", register, "--model", model, "--jobs", JOBS, "--json")
    refused = sign_off_all(project, secure, [f["transcript_id"] for f in report["files"]])
    out: dict[str, Signed] = {}
    p = Project.open(project)
    try:
        for f in report["files"]:
            tid = f["transcript_id"]
            raw = Transcript.model_validate_json((secure / "raw" / f"{tid}.json").read_text(encoding="utf-8"))
            signed = None if tid in refused else p.transcript(tid).text
            out[str(Path(f["path"]).resolve())] = Signed(
                tid, raw.text, [(t.start, t.end) for t in raw.turns], signed, refused.get(tid),
                removed_spans(raw.text, signed) if signed is not None else [])
    finally:
        p.close()
    return out


_REFUSED = re.compile(r"error: transcript (\S+): (.*)")


def sign_off_all(project: Path, secure: Path, ids: list[str]) -> dict[str, str]:
    """``review --accept-all --sign-off``; a transcript whose sign-off is refused is left out and the rest retried.

    Sign-off stops at the first refusal (a registered name would survive), so the
    transcripts after it are signed off in a further run, as a team would do.
    """
    refused: dict[str, str] = {}
    while True:
        todo = [t for t in ids if t not in refused]
        if not todo:  # without ids, review would sign off every pending transcript, the refused ones too
            return refused
        try:
            keep = ("--keep-word-readings",) if KEEP_WORD_READINGS else ()
            cmo("review", project, "--secure", secure, *keep, "--accept-all", "--sign-off", *todo, "--json")
            return refused
        except RuntimeError as exc:
            m = _REFUSED.search(str(exc))
            if not m or m.group(1) in refused:
                raise
            refused[m.group(1)] = m.group(2)
            status = {x["id"]: x["status"] for x in json.loads(cmo("transcripts", project, "--json"))["transcripts"]}
            ids = [t for t in ids if t in refused or status.get(t) != "signed_off"]


_PLACEHOLDER = re.compile(r"\[[^\[\]\n]*\]")
# a bracketed placeholder is one token, so "[local service]" never aligns with a raw "service"
_TOKEN = re.compile(r"\[[^\[\]\n]*\]|\w+|[^\w\s]")


def removed_spans(raw: str, signed: str) -> list[tuple[int, int]]:
    """The spans of ``raw`` that the signed-off text replaced with bracketed placeholders.

    The signed-off text is the raw text with spans replaced, so it is read left to right: its
    text between placeholders must recur in the raw text, and each placeholder stands for the
    raw text up to where the next such stretch starts (or for itself, where the raw text held
    that bracket already). "Will will" → "[name removed] will" is read the right way round.
    Text changed in any other way falls back to a word alignment.
    """
    pieces: list[tuple[str, bool]] = []  # (text, is a placeholder)
    pos = 0
    for m in _PLACEHOLDER.finditer(signed):
        pieces += [(signed[pos:m.start()], False), (m.group(0), True)]
        pos = m.end()
    pieces.append((signed[pos:], False))
    spans: list[tuple[int, int]] = []
    i = 0
    for k, (piece, placeholder) in enumerate(pieces):
        if not placeholder:
            if not raw.startswith(piece, i):
                return aligned_removals(raw, signed)
            i += len(piece)
        elif raw.startswith(piece, i):
            i += len(piece)  # the raw text held this bracket already
        else:
            following = pieces[k + 1][0]  # literal text, maybe empty
            last = k + 2 == len(pieces)
            end = len(raw) - len(following) if last else raw.find(following, i + 1) if following else i + 1
            if end <= i:
                return aligned_removals(raw, signed)
            spans.append((i, end))
            i = end
    return spans if i == len(raw) else aligned_removals(raw, signed)


def aligned_removals(raw: str, signed: str) -> list[tuple[int, int]]:
    """Runs of raw tokens with no unchanged counterpart in the signed-off text, as character spans."""
    a = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(raw)]
    b = [m.group(0) for m in _TOKEN.finditer(signed)]
    kept = [False] * len(a)
    matcher = difflib.SequenceMatcher(None, [t for _, _, t in a], b, autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            kept[i] = True
    spans: list[tuple[int, int]] = []
    for (s, e, _), k in zip(a, kept, strict=True):
        if k:
            continue
        if spans and not raw[spans[-1][1]:s].strip():
            spans[-1] = (spans[-1][0], e)  # one run across the spaces between its words
        else:
            spans.append((s, e))
    return spans
