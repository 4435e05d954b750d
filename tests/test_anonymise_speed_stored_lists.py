"""Word lists kept on disk between runs (``stored_lists``) answer exactly as the lists made anew.

Each stored list is checked against its plain build (the function under the cache) in a fresh process: made and
kept by one run, read back by the next, equal in value, type and (for the word counts) order. The key is checked
to change with the package's files and the source packages' versions; a list that cannot be read or written is
made as before, and the cache can be turned off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cmo_coder.anonymise import namelists, register, stored_lists
from cmo_coder.anonymise.layers import caption_names, name_lists, words

STORED = {
    "faker_names": (namelists.faker_names, ()),
    "name_lexicon_all": (words.name_lexicon, ("all",)),
    "name_lexicon_first": (words.name_lexicon, ("first",)),
    "name_lexicon_last": (words.name_lexicon, ("last",)),
    "everyday_words": (words.everyday_words, ()),
    "lowercase_usage": (words.lowercase_usage, ()),
    "listed_names": (words.listed_names, ()),
    "names_before_words": (words.names_before_words, ()),
    "uk_towns": (words.uk_towns, ()),
    "derived_familiar": (caption_names.derived_familiar, ()),
    "plain_familiar": (caption_names.plain_familiar, ()),
    "common_given": (caption_names.common_given, ()),
    "familiar_shapes": (register.familiar_shapes, ()),
    "givens": (name_lists._givens, ()),
}


def _plain(fn, args):  # type: ignore[no-untyped-def]
    """The function as it was before any cache: under ``functools.cache`` and ``stored``."""
    return fn.__wrapped__.__wrapped__(*args)


def _same(a: object, b: object) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a.items()) == list(b.items())  # type: ignore[union-attr]
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    return a == b


_DUMP = """
import json, sys
from tests.test_anonymise_speed_stored_lists import STORED
out = {}
for label, (fn, args) in STORED.items():
    value = fn(*args)
    out[label] = repr(sorted(value.items()) if isinstance(value, dict) else
                      [sorted(v) for v in value] if isinstance(value, tuple) else sorted(value))
print(json.dumps(out))
"""


def _run(cache: Path, off: bool = False) -> dict[str, str]:
    env = {**os.environ, "CMO_CODER_CACHE": str(cache), stored_lists.OFF_ENV: "0" if off else "1"}
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", _DUMP], cwd=root, env=env, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_every_stored_list_is_its_plain_build_when_made_and_when_read_back(tmp_path: Path) -> None:
    plain = _run(tmp_path / "unused", off=True)
    assert not (tmp_path / "unused").exists()  # turned off: nothing written
    made = _run(tmp_path / "c")
    kept = sorted((tmp_path / "c" / "lists").iterdir())
    assert len(kept) == len(STORED)
    read = _run(tmp_path / "c")
    assert sorted((tmp_path / "c" / "lists").iterdir()) == kept  # read back, not made again
    assert made == plain and read == plain


def test_in_process_the_stored_value_equals_the_plain_one_in_type_and_order(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMO_CODER_CACHE", str(tmp_path))
    for label, (fn, args) in STORED.items():
        stored_get = fn.__wrapped__  # under functools.cache: the disk cache itself
        first = stored_get(*args)  # made (or read, if made by another test of this process's cache)
        second = stored_get(*args)  # read from disk
        plain = _plain(fn, args)
        assert _same(first, plain) and _same(second, plain), label


def _counting(calls: list[int]):  # type: ignore[no-untyped-def]
    @stored_lists.stored("probe")
    def build(n: int) -> dict[str, object]:
        calls.append(n)
        return {"words": frozenset({"alder", "brae"}), "n": n, "pairs": ("a", 1)}

    return build


def test_the_key_holds_the_arguments_and_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMO_CODER_CACHE", str(tmp_path))
    monkeypatch.setattr(stored_lists, "code_digest", lambda: "one")
    calls: list[int] = []
    build = _counting(calls)
    assert build(1) == build(1) == {"words": frozenset({"alder", "brae"}), "n": 1, "pairs": ("a", 1)}
    assert build(2)["n"] == 2
    assert calls == [1, 2]
    monkeypatch.setattr(stored_lists, "code_digest", lambda: "two")  # other code or data: made anew
    build(1)
    assert calls == [1, 2, 1]


def test_the_digest_changes_with_a_file_or_a_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "pkg"
    (tree / "data").mkdir(parents=True)
    (tree / "__pycache__").mkdir()
    (tree / "words.py").write_text("WORDS = 1\n")
    (tree / "data" / "places.txt").write_text("Alderbrae\n")
    first = stored_lists.tree_digest(tree)
    assert stored_lists.tree_digest(tree) == first
    (tree / "__pycache__" / "words.cpython-311.pyc").write_bytes(b"compiled")  # compiled files do not count
    assert stored_lists.tree_digest(tree) == first
    listed = tree / "data" / "places.txt"
    st = listed.stat()
    os.utime(listed, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # an edited list: its time of change moved
    assert stored_lists.tree_digest(tree) != first
    os.utime(listed, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert stored_lists.tree_digest(tree) == first
    listed.write_text("Alderbraes\n")  # another size
    os.utime(listed, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert stored_lists.tree_digest(tree) != first
    listed.write_text("Alderbrae\n")
    os.utime(listed, ns=(st.st_atime_ns, st.st_mtime_ns))
    (tree / "more.py").write_text("")  # a new module
    assert stored_lists.tree_digest(tree) != first
    (tree / "more.py").unlink()
    assert stored_lists.tree_digest(tree) == first
    real = stored_lists.metadata.version
    monkeypatch.setattr(stored_lists.metadata, "version", lambda d: "0.0.1" if d == "faker" else real(d))
    assert stored_lists.tree_digest(tree) != first  # another Faker: its names may differ
    assert len(stored_lists.code_digest()) == 24


def test_a_broken_or_unwritable_store_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored_lists, "code_digest", lambda: "same")
    monkeypatch.setenv("CMO_CODER_CACHE", str(tmp_path))
    calls: list[int] = []
    build = _counting(calls)
    build(3)
    (kept,) = (tmp_path / "lists").iterdir()
    kept.write_bytes(b"\x00garbage")  # a torn or foreign file
    assert build(3)["n"] == 3 and calls == [3, 3]
    assert stored_lists._read(kept)[1]["n"] == 3  # type: ignore[index]  # written whole again
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CMO_CODER_CACHE", str(blocker))  # the cache folder cannot be made
    assert build(4)["n"] == 4 and calls == [3, 3, 4]
    monkeypatch.setenv(stored_lists.OFF_ENV, "off")
    monkeypatch.setenv("CMO_CODER_CACHE", str(tmp_path / "off"))
    assert build(5)["n"] == 5 and not (tmp_path / "off").exists()


def test_only_the_newest_versions_of_a_list_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMO_CODER_CACHE", str(tmp_path))
    calls: list[int] = []
    build = _counting(calls)
    for i in range(stored_lists.KEPT + 3):
        monkeypatch.setattr(stored_lists, "code_digest", lambda i=i: f"v{i}")
        build(1)
        newest = sorted((tmp_path / "lists").iterdir(), key=lambda p: p.stat().st_mtime_ns)[-1]
        os.utime(newest, ns=(i * 10**9, i * 10**9))
    left = sorted(p.name.rsplit("-", 1)[1] for p in (tmp_path / "lists").iterdir())
    assert left == sorted(f"v{i}.marshal" for i in range(3, stored_lists.KEPT + 3))
