"""The counts-by-cause script for venues missed in captions (``benchmarks/venue_misses.py``) never reads a blind
set, and prints items only for a set rules may be tuned on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import venue_misses  # noqa: E402


@pytest.mark.parametrize("name", ["fresh", "sixth", "earnings"])
def test_a_blind_or_unknown_set_is_refused_by_name(name: str) -> None:
    with pytest.raises(SystemExit, match=name):
        venue_misses.load(name)


def test_items_are_printed_only_for_a_set_rules_may_be_tuned_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["venue_misses.py", "--set", "named-places-fifth", "--items"])
    with pytest.raises(SystemExit, match="--items only"):
        venue_misses.main()
    assert set(venue_misses.ITEMS_ALLOWED) == {"named-places-tune", "handwritten"}
