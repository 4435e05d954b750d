"""The secure folder's JSON, written with each top-level entry's text kept (``store/json_text.py``), is byte for
byte what ``json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)`` writes, write after write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.store.json_text import EntryTexts, plain
from cmo_coder.store.secure import SecureFolder
from tests.fuzzing import fuzz_settings

_SCALARS = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
            | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12))
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20)
_TOP = st.dictionaries(st.text(max_size=8), _VALUES, max_size=6)


@fuzz_settings(200)
@given(st.lists(_TOP, min_size=1, max_size=5))
def test_every_write_is_the_plain_text(writes: list[dict[str, object]]) -> None:
    texts = EntryTexts()
    for data in writes:
        assert texts.dumps(data) == plain(data)


@fuzz_settings(200)
@given(_TOP, st.text(max_size=8), _VALUES, _VALUES)
def test_an_entry_changed_or_kept_between_writes(data: dict[str, object], key: str, first: object,
                                                 second: object) -> None:
    texts = EntryTexts()
    for value in (first, second, first, first):
        data = {**data, key: value}
        assert texts.dumps(data) == plain(data)
    data.pop(key)
    assert texts.dumps(data) == plain(data)


def test_values_that_look_alike_are_written_as_themselves() -> None:
    """1, 1.0 and True are equal in Python and written differently: a kept text is never reused across them."""
    texts = EntryTexts()
    for value in (1, 1.0, True, 1, [1], [True], [1.0], -0.0, 0.0, 0, False, "1", {"a": 1}, {"a": True}):
        data = {"t": value, "u": [value, {"v": value}]}
        assert texts.dumps(data) == plain(data)


def test_what_marshal_cannot_take_and_keys_that_are_not_strings() -> None:
    class Label(str):
        pass

    texts = EntryTexts()
    for data in ({"a": Label("x")}, {"a": (1, 2)}, {1: "x", 2: "y"}, {}, [], "x", {"a": {3: [1]}}):
        assert texts.dumps(data) == plain(data)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plain({1: "x", "2": "y"})  # keys that cannot be sorted: refused as before
    with pytest.raises(TypeError):
        texts.dumps({1: "x", "2": "y"})


def test_the_redaction_key_written_at_each_sign_off_reads_as_before(tmp_path: Path) -> None:
    secure = SecureFolder(tmp_path / "secure")
    (tmp_path / "secure").mkdir()
    key: dict[str, object] = {}
    for i in range(6):
        key[f"t{i}"] = [{"start": j, "end": j + 4, "original": f"Ölwen{j}\n\"x\"", "placeholder": "[name]",
                         "category": "person"} for j in range(i)]
        secure.write_json("redaction-key.json", key)
        text = (tmp_path / "secure" / "redaction-key.json").read_text(encoding="utf-8")
        assert text == plain(key) + "\n"
        assert json.loads(text) == key
