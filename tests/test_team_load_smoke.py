"""The team load benchmark still runs and still finds no lost write (its figures are not asserted).

Three simulated coders for a few seconds against a real ``cmo-coder serve`` subprocess on a small
SQLite project, the server SIGKILLed half-way and restarted: every acknowledged change must be in
the store with its audit entry, nothing half-written visible, ``status`` and ``leakcheck`` fine.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "team_load.py"


def test_team_load_smoke(capsys) -> None:  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_team_load", BENCH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    [report] = mod.main(["--seconds", "3", "--coders", "3", "--words", "3000", "--codings", "60", "--kill",
                         "--timeout", "300"])
    out = capsys.readouterr().out
    assert report.lost_writes == 0, out
    assert not report.verdict.half_written, out
    acknowledged = sum(n for (_kind, outcome), n in report.ledger.outcomes.items() if outcome == "ok")
    assert acknowledged > 0, out  # the coders did code
    assert "nothing half-written visible" in out
    assert "status after the restart: exit 0" in out and "leakcheck after the restart: exit 0" in out
