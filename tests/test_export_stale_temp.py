"""A killed export leaves temporary artefacts; the next run removes them, and only them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from exchange_helpers import build_rich

from cmo_coder.exchange.export import STAGING_PATTERN
from cmo_coder.store.atomic import sweep_stale, temp_file_pattern

REPO = Path(__file__).resolve().parent.parent

KILLED_EXPORT = """
import os, signal, sys
from cmo_coder.exchange import archive
from cmo_coder.cli.main import cli

real = archive.DeterministicZip.write_file
def write_then_die(self, name, source):
    real(self, name, source)
    if name.startswith("sources/"):
        self.zf.fp.flush()
        os.kill(os.getpid(), signal.SIGKILL)
archive.DeterministicZip.write_file = write_then_die
cli(["export", sys.argv[1], "--qdpx", sys.argv[2]])
"""


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=120)


def test_rerun_after_kill_removes_stale_artefacts_which_held_only_anonymised_text(project, add_transcript, tmp_path):
    build_rich(project, add_transcript)
    texts = [project.text(t) for t in project.transcript_ids()]
    project.close()
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "study.qdpx"
    killed = _python("-c", KILLED_EXPORT, str(project.path), str(dest))
    assert killed.returncode == -9, killed.stderr
    left = sorted(p.name for p in out.iterdir())
    assert any(STAGING_PATTERN.fullmatch(n) for n in left) and any(temp_file_pattern(dest).fullmatch(n) for n in left)
    staged = [p for p in out.rglob("*.txt")]
    assert staged, left
    for p in staged:  # the staging folder holds exported (signed-off, anonymised) text and nothing else
        assert p.read_text(encoding="utf-8").replace("\r\n", "\n") in texts
    mine = out / ".cmo-export-notours"  # a name outside the exact pattern is never touched
    mine.mkdir()
    time.sleep(0.05)
    rerun = _python("-m", "cmo_coder.cli.main", "export", str(project.path), "--qdpx", str(dest))
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in out.iterdir()) == [".cmo-export-notours", "study.qdpx"]


def test_sweep_leaves_fresh_and_foreign_names_alone(tmp_path):
    target = tmp_path / "codings.csv"
    old = tmp_path / ".codings.csv.abcd1234.tmp"
    old.write_text("x", encoding="utf-8")
    os.utime(old, (1, 1))
    fresh = tmp_path / ".codings.csv.zzzz9999.tmp"
    fresh.write_text("x", encoding="utf-8")
    other = tmp_path / ".codings.csv.abcd1234.tmp.keep"
    other.write_text("x", encoding="utf-8")
    os.utime(other, (1, 1))
    removed = sweep_stale(tmp_path, temp_file_pattern(target), started=time.time() - 60)
    assert removed == [old]
    assert fresh.exists() and other.exists()
