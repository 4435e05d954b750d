"""The profile difference lines two checkouts up function by function and sorts by the growth.

Why: the speed goal's gap is spread over many functions; the table must name the same function in both
checkouts although they sit in different folders and at different lines, keep each function's best pass on a
shared machine, and add functions up by file without counting any twice.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import anon_profile_diff as diff  # noqa: E402


def test_a_file_is_named_alike_in_both_checkouts() -> None:
    assert diff.where("/tmp/anon-base/cmo_coder/anonymise/lookup.py", "/tmp/anon-base") == \
        "cmo_coder/anonymise/lookup.py"
    assert diff.where("/work/wt/x/cmo_coder/anonymise/lookup.py", "/work/wt/x/") == "cmo_coder/anonymise/lookup.py"
    assert diff.where("/v/.venv/lib/python3.12/site-packages/spacy/tokens/doc.pyx", "/work/wt/x") == \
        "spacy/tokens/doc.pyx"
    assert diff.where("/usr/lib/python3.12/re/__init__.py", "/work/wt/x") == "3.12/re/__init__.py"
    assert diff.where("~", "/work/wt/x") == "~"


def test_rows_add_up_by_file_and_folder() -> None:
    rows = {"cmo_coder/a/x.py:f": (3, 1.0), "cmo_coder/a/x.py:g": (1, 0.5), "cmo_coder/a/y.py:f": (2, 0.25),
            "~:<built-in method len>": (9, 0.125)}
    assert diff.regroup(rows, "function") == rows
    assert diff.regroup(rows, "module") == {"cmo_coder/a/x.py": (4, 1.5), "cmo_coder/a/y.py": (2, 0.25),
                                            "~": (9, 0.125)}
    assert diff.regroup(rows, "package") == {"cmo_coder/a/": (6, 1.75), "~": (9, 0.125)}


def test_two_functions_of_one_name_in_a_file_are_added() -> None:
    stats = {("/t/cmo_coder/m.py", 10, "<genexpr>"): (4, 4, 0.5, 0.5, {}),
             ("/t/cmo_coder/m.py", 20, "<genexpr>"): (2, 2, 0.25, 0.25, {}),
             ("/t/cmo_coder/m.py", 30, "run"): (1, 1, 1.0, 2.0, {})}
    assert diff.rows_of(stats, "/t") == {"cmo_coder/m.py:<genexpr>": (6, 0.75), "cmo_coder/m.py:run": (1, 1.0)}


def test_each_row_keeps_its_least_pass() -> None:
    got = diff.best([{"f": (5, 2.0), "g": (1, 0.1)}, {"f": (5, 1.5), "g": (1, 0.3)}, {"h": (2, 0.2)}])
    assert got == {"f": (5, 1.5), "g": (1, 0.1), "h": (2, 0.2)}


def test_the_table_sorts_by_the_growth_and_shows_functions_one_side_lacks() -> None:
    lines = diff.table({"base": {"a": (1, 1.0), "b": (2, 2.0), "gone": (1, 0.5)},
                        "now": {"a": (1, 1.5), "b": (4, 1.0), "new": (7, 0.75)}}, top=10)
    order = [line.split()[-1] for line in lines[1:5]]
    assert order == ["new", "a", "gone", "b"]
    new = lines[1].split()
    assert new[0] == "+0.750" and new[1:5] == ["0.000", "0", "0.750", "7"]
    assert "base 3.50 s, now 3.25 s; now − base: -0.25 s" in lines[-1]
    assert "rows that grew +1.25 s, rows that shrank -1.50 s, over 4 rows" in lines[-1]
    assert len(diff.table({"base": {"a": (1, 1.0), "b": (1, 1.0)}, "now": {}}, top=1)) == 1 + 1 + 2


def _busy(n: int) -> int:
    return sum(i * i for i in range(n))


def test_a_real_profile_reads_into_rows(tmp_path: Path) -> None:
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(3):
        _busy(20_000)
    profiler.disable()
    target = tmp_path / "p.prof"
    profiler.dump_stats(str(target))
    rows = diff.rows_of(pstats.Stats(str(target)).stats, str(Path(__file__).resolve().parent.parent))  # type: ignore[attr-defined]
    assert rows["tests/test_anon_profile_diff.py:_busy"][0] == 3
    assert rows["tests/test_anon_profile_diff.py:<genexpr>"][0] > 60_000
