"""The team load benchmark still runs and still finds no lost write (its figures are not asserted).

Three simulated coders for a few seconds against a real ``cmo-coder serve`` subprocess on a small
project, the server SIGKILLed half-way and restarted: every acknowledged change must be in the
store with its audit entry, nothing half-written visible, ``status`` and ``leakcheck`` fine. Once
on SQLite with the shared token session, once on PostgreSQL with one signed-in user per coder
(skipped without PostgreSQL's binaries, except under ``CI=true``, like the store tests).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.pg_cluster import PgCluster

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "team_load.py"
SMALL = ["--seconds", "3", "--coders", "3", "--words", "3000", "--codings", "60", "--kill", "--timeout", "300"]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_team_load", BENCH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _check(report: Any, out: str) -> None:
    assert report.lost_writes == 0, out
    assert not report.verdict.half_written, out
    acknowledged = sum(n for (_kind, outcome), n in report.ledger.outcomes.items() if outcome == "ok")
    assert acknowledged > 0, out  # the coders did code
    assert "nothing half-written visible" in out
    assert "status after the restart: exit 0" in out and "leakcheck after the restart: exit 0" in out


def test_team_load_smoke(capsys) -> None:  # type: ignore[no-untyped-def]
    [report] = _bench().main(["--engine", "sqlite", *SMALL])
    out = capsys.readouterr().out
    _check(report, out)
    assert not report.accounts and "token mode" in out


def test_team_load_smoke_on_postgresql(capsys, pg_cluster: PgCluster) -> None:  # type: ignore[no-untyped-def]
    [report] = _bench().main(["--engine", "postgresql", *SMALL], cluster=pg_cluster)
    out = capsys.readouterr().out
    _check(report, out)
    assert report.engine == "PostgreSQL" and report.accounts and "each coder signed in as its own user" in out
    # a coder's memo on another coder's coding: refused by role (or a 409 if it changed first), never written
    assert report.ledger.outcomes["shared edit", "ok"] == 0, out


def test_the_check_follows_a_coding_through_delete_and_re_add(tmp_path: Path) -> None:
    """Coding ids are content hashes: deleting a coding and coding the same span the same way again gives the
    same id back. Stored after its re-add is right; stored after a delete with no re-add is a lost delete."""
    import random

    from cmo_coder.coding import service

    mod = _bench()
    project = mod.build(tmp_path / "study", 800, 10, random.Random(1))
    project.close()
    base = mod.baseline(tmp_path / "study")
    with mod.Project.open(tmp_path / "study") as p:
        element = next(e for pt in p.codebook.programme_theories for e in pt.elements if e.component is not None)
        span = (p.transcript(mod.TID).text.index(" ") + 1, p.transcript(mod.TID).text.index(" ") + 6)

        def add() -> Any:
            return service.add_coding(p, mod.TID, pt=None, span=span, element=element.id, stance="supports",
                                      memo="a note", coder="team")

        first = add()
        service.remove_codings(p, [first.id], actor="team")
        again = add()
    assert again.id == first.id
    v = mod.coding_version(again)
    ledger = mod.Ledger()
    ledger.acks += [mod.Ack("add", "coding", first.id, None, v), mod.Ack("delete", "coding", first.id, v),
                    mod.Ack("add", "coding", first.id, None, v)]
    assert mod.verify(tmp_path / "study", base, ledger).ok
    ledger.acks.append(mod.Ack("delete", "coding", first.id, v))  # acknowledged, yet the coding is stored
    assert any("acknowledged delete" in lost for lost in mod.verify(tmp_path / "study", base, ledger).lost)
