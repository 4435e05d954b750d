"""The benchmark script still runs and its index still finds what it is asked (no timing asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "query.py"


def test_benchmark_smoke(capsys):
    spec = importlib.util.spec_from_file_location("bench_query", BENCH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    results = mod.main(["--chars", "60000", "--codings", "400", "--queries", "15", "--baseline-queries", "1"])
    assert set(results) == set(mod.KINDS)
    for kind in ("exact", "case/space/quotes", "elided", "absent"):
        assert results[kind]["found"] == 1.0, kind
    assert results["typos"]["found"] >= 0.9
    assert "rapidfuzz scan" in capsys.readouterr().out
