"""The speed harness measures every pass by wall and CPU time and by the CPU time spent off the main thread.

Why: CPU time counts every thread of a process, so a thread pool (OpenBLAS under numpy, a thinc helper) that
spins or splits small matrices costs CPU time per word without showing where; the harness says how much.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import anon_speed  # noqa: E402


def _spin(seconds: float) -> None:
    """Burn ``seconds`` of this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_work_on_another_thread_is_counted_off_the_main_thread() -> None:
    def work() -> None:
        helper = threading.Thread(target=_spin, args=(0.3,))
        helper.start()
        helper.join()

    got = anon_speed.clocks(work)
    assert set(got) == set(anon_speed.CLOCKS)
    assert got["off_main"] >= 0.25
    assert got["cpu"] >= got["off_main"]


def test_work_on_the_main_thread_is_not_counted_off_it() -> None:
    got = anon_speed.clocks(lambda: _spin(0.3))
    assert got["cpu"] >= 0.25
    assert got["off_main"] < 0.1
    assert got["seconds"] >= 0.25


def test_tables_print_the_chosen_clock_first_then_the_other_then_the_threads() -> None:
    best = {}
    for label, cpu, wall, off in (("base", 2.0, 4.0, 0.0), ("now", 1.0, 5.0, 0.125)):
        for name, words in (("interviews-cased", 1000), ("sample-lower", 3000)):
            scale = words / 1000
            best[label, name, "cpu"] = cpu * scale
            best[label, name, "seconds"] = wall * scale
            best[label, name, "off_main"] = off
    words = {"interviews-cased": 1000, "sample-lower": 3000}
    lines = anon_speed.tables(best, words, ["base", "now"], "cpu")
    text = "\n".join(lines)
    assert text.index("words/s by CPU time") < text.index("words/s by wall clock") < text.index("other than the main")
    cpu_rows = lines[2:4]
    assert cpu_rows[0].split() == ["interviews-cased", "1,000", "500", "1,000", "2.00"]
    assert cpu_rows[1].split() == ["sample-lower", "3,000", "500", "1,000", "2.00"]
    wall_rows = lines[7:9]
    assert wall_rows[0].split() == ["interviews-cased", "1,000", "250", "200", "0.80"]
    assert lines[-2].split() == ["interviews-cased", "1,000", "0.000", "0.125"]
    by_wall = anon_speed.tables(best, words, ["base", "now"], "seconds")
    assert by_wall[0] == "words/s by wall clock" and by_wall[5] == "words/s by CPU time"
