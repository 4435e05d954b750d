"""A damaged or hostile word-list cache only costs time: it never crashes, hangs or hands back wrong lists.

``stored_lists`` keeps the derived word lists as :mod:`marshal` files in ``$CMO_CODER_CACHE/lists``. marshal is not
made for damaged data: before the checksum, a flipped byte could load as a list of other words (a name list missing
a name is a leak), a length field flipped upwards asked for gigabytes, and a FIFO in a list's place made every run
wait for ever. Each kind of damage here is done to a real stored file and the list must come back equal to its
plain build, and be written whole again where it can be; the fuzz target at the end mixes the damages.
"""

from __future__ import annotations

import hashlib
import marshal
import multiprocessing
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise import stored_lists
from cmo_coder.anonymise.stored_check import fits
from tests.fuzzing import fuzz_settings

VALUE = {"given": frozenset({"aoife", "siobhán", "zoë", "kwame"}), "count": 3}


def _probe(calls: list[int]) -> Callable[[int], dict[str, object]]:
    @stored_lists.stored("probe")
    def build(n: int) -> dict[str, object]:
        calls.append(n)
        return {**VALUE, "count": n}

    return build


@stored_lists.stored("names_probe")
def _names(n: int) -> frozenset[str]:
    return frozenset({"aoife", "siobhán", "zoë", "kwame", f"name{n}"})


@stored_lists.stored("counts_probe")
def _counts() -> dict[str, int]:
    return {"mark": 50334, "peter": 1934, "dawn": 4112}


@stored_lists.stored("pair_probe")
def _pair() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset({"aoife"}), frozenset({"okafor"})


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CMO_CODER_CACHE", str(tmp_path))
    monkeypatch.setenv(stored_lists.OFF_ENV, "1")
    monkeypatch.setattr(stored_lists, "code_digest", lambda: "this")
    return tmp_path / "lists"


def _kept(cache: Path) -> Path:
    (path,) = [p for p in cache.iterdir() if p.suffix == ".marshal"]
    return path


def _damaged(cache: Path, damage: Callable[[Path], None]) -> tuple[list[int], dict[str, object]]:
    """The probe's list made and kept, ``damage`` done to its file, then asked for again."""
    calls: list[int] = []
    build = _probe(calls)
    assert build(3) == {**VALUE, "count": 3}
    damage(_kept(cache))
    return calls, build(3)


def _healthy(cache: Path) -> None:
    ok, value = stored_lists._read(_kept(cache))
    assert ok and value == {**VALUE, "count": 3}


def test_the_file_holds_a_header_a_checksum_and_the_payload(cache: Path) -> None:
    _probe([])(3)
    data = _kept(cache).read_bytes()
    assert data.startswith(stored_lists.MAGIC)
    payload = data[len(stored_lists.MAGIC) + 32:]
    assert marshal.loads(payload) == {**VALUE, "count": 3}
    assert data[len(stored_lists.MAGIC):len(stored_lists.MAGIC) + 32] == hashlib.sha256(
        _kept(cache).name.encode() + b"\0" + payload).digest()


def test_an_untouched_file_is_read_not_made_again(cache: Path) -> None:
    calls, value = _damaged(cache, lambda p: None)
    assert calls == [3] and value == {**VALUE, "count": 3}


@pytest.mark.parametrize("keep", [0, 1, 10, len(stored_lists.MAGIC), len(stored_lists.MAGIC) + 31,
                                  len(stored_lists.MAGIC) + 32, -1])
def test_a_truncated_file_is_made_again(cache: Path, keep: int) -> None:
    calls, value = _damaged(cache, lambda p: p.write_bytes(p.read_bytes()[:keep]))
    assert calls == [3, 3] and value == {**VALUE, "count": 3}
    _healthy(cache)


def test_every_flipped_byte_is_caught(cache: Path) -> None:
    calls: list[int] = []
    build = _probe(calls)
    build(3)
    path = _kept(cache)
    good = path.read_bytes()
    for at in range(len(good)):
        for bit in (0x01, 0x80):
            bad = bytearray(good)
            bad[at] ^= bit
            path.write_bytes(bytes(bad))
            assert stored_lists._read(path) == (False, None), (at, bit)
    path.write_bytes(good)
    assert build(3) == {**VALUE, "count": 3} and calls == [3]


def test_a_flipped_payload_that_marshal_would_have_read_as_other_words_is_refused(cache: Path) -> None:
    """The danger the checksum is for: a damaged payload that is still valid marshal, of other names."""
    calls: list[int] = []

    def build() -> frozenset[str]:
        calls.append(1)
        return frozenset({"aoife"})

    names = stored_lists.stored("words")(build)
    names()
    path = _kept(cache)
    data = path.read_bytes()
    other = data.replace(b"aoife", b"aoifa")
    assert marshal.loads(other[len(stored_lists.MAGIC) + 32:]) == frozenset({"aoifa"})  # marshal alone takes it
    path.write_bytes(other)
    assert names() == frozenset({"aoife"}) and calls == [1, 1]


def test_an_emptied_file_is_made_again(cache: Path) -> None:
    calls, value = _damaged(cache, lambda p: p.write_bytes(b""))
    assert calls == [3, 3] and value == {**VALUE, "count": 3}
    _healthy(cache)


def test_a_file_of_the_old_layout_plain_marshal_is_made_again(cache: Path) -> None:
    calls, value = _damaged(cache, lambda p: p.write_bytes(marshal.dumps({**VALUE, "count": 99})))
    assert calls == [3, 3] and value == {**VALUE, "count": 3}


def test_another_versions_file_under_this_name_is_refused(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file copied from another version's (or another list's) name: whole, checksum and all, but not this list."""
    calls: list[int] = []
    build = _probe(calls)
    monkeypatch.setattr(stored_lists, "code_digest", lambda: "older")
    build(99)  # another version of the code made another list
    older = _kept(cache)
    monkeypatch.setattr(stored_lists, "code_digest", lambda: "this")
    build(3)
    (this,) = [p for p in cache.iterdir() if p.suffix == ".marshal" and p != older]
    this.write_bytes(older.read_bytes())  # swapped in: the payload of count 99 under this version's name
    assert build(3) == {**VALUE, "count": 3} and calls == [99, 3, 3]
    build(4)  # the same list of other arguments, swapped likewise
    (four,) = [p for p in cache.iterdir() if p.suffix == ".marshal" and p not in (older, this)]
    four.write_bytes(this.read_bytes())
    assert build(4)["count"] == 4


def test_a_file_with_a_forged_checksum_of_the_wrong_types_is_refused(cache: Path) -> None:
    """A whole file, checksum right, whose value is not what the build promises: made anew, never used."""
    def forge(path: Path, value: object) -> None:
        payload = marshal.dumps(value)
        path.write_bytes(stored_lists.MAGIC + stored_lists._checksum(path, payload) + payload)

    _names(1)
    for wrong in (frozenset({b"aoife"}), frozenset({"aoife", 3}), {"aoife": 1}, ("aoife",), "aoife", None,
                  frozenset({("aoife",)})):
        forge(_kept(cache), wrong)
        assert stored_lists._read(_kept(cache))[0]  # marshal reads it …
        assert _names(1) == frozenset({"aoife", "siobhán", "zoë", "kwame", "name1"})  # … and it is not used
    for path in list(cache.iterdir()):
        path.unlink()
    _counts()
    for wrong in ({"mark": "50334"}, {"mark": 1.5}, {b"mark": 1}, frozenset({"mark"}), {"mark": None}):
        forge(_kept(cache), wrong)
        assert _counts() == {"mark": 50334, "peter": 1934, "dawn": 4112}
    for path in list(cache.iterdir()):
        path.unlink()
    _pair()
    for wrong in ((frozenset({"aoife"}),), (frozenset({"aoife"}), frozenset({"okafor"}), frozenset()),
                  [frozenset({"aoife"}), frozenset({"okafor"})], (frozenset({"aoife"}), {"okafor": 1})):
        forge(_kept(cache), wrong)
        assert _pair() == (frozenset({"aoife"}), frozenset({"okafor"}))


def test_the_shape_check_understands_the_stored_lists_annotations() -> None:
    assert fits(frozenset({"a", "b"}), frozenset[str]) and fits(frozenset(), frozenset[str])
    assert not fits({"a"}, frozenset[str]) and not fits(frozenset({"a", 1}), frozenset[str])
    assert fits({"a": 1, "b": 2}, dict[str, int]) and not fits({"a": True + 0.5}, dict[str, int])
    assert not fits({"a": "1"}, dict[str, int]) and not fits({1: 1}, dict[str, int])
    assert fits((frozenset({"a"}), frozenset()), tuple[frozenset[str], frozenset[str]])
    assert not fits((frozenset({"a"}),), tuple[frozenset[str], frozenset[str]])
    assert fits(("a", "b"), tuple[str, ...]) and not fits(("a", 2), tuple[str, ...])
    assert fits({"n": 1, "w": frozenset()}, dict[str, object]) and fits(3, object)
    assert fits(1, int) and not fits(True, int) and not fits("1", int) and fits(2, float)


def test_a_folder_in_the_files_place_costs_time_only(cache: Path) -> None:
    def to_folder(p: Path) -> None:
        p.unlink()
        (p / "inner").mkdir(parents=True)

    calls, value = _damaged(cache, to_folder)
    assert value == {**VALUE, "count": 3}
    assert _probe(calls)(3) == {**VALUE, "count": 3} and calls == [3, 3, 3]  # made each time; the folder stays
    assert (_kept(cache) / "inner").is_dir()


def test_a_fifo_in_the_files_place_does_not_hang(cache: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")

    def to_fifo(p: Path) -> None:
        p.unlink()
        os.mkfifo(p)

    calls, value = _damaged(cache, to_fifo)  # a plain read would wait for a writer for ever
    assert calls == [3, 3] and value == {**VALUE, "count": 3}
    _healthy(cache)  # replaced by a whole file


def test_a_link_to_an_endless_device_is_not_read(cache: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")

    def to_zero(p: Path) -> None:
        p.unlink()
        p.symlink_to("/dev/zero")

    calls, value = _damaged(cache, to_zero)
    assert calls == [3, 3] and value == {**VALUE, "count": 3}


def test_a_file_far_too_big_is_not_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored_lists, "MAX_BYTES", 64)
    calls, value = _damaged(cache, lambda p: p.write_bytes(p.read_bytes() + b"\0" * 200))
    assert calls == [3, 3] and value == {**VALUE, "count": 3}


def test_an_unreadable_file_costs_time_only(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied (simulated as well, since a test run as root reads a file of mode 000)."""
    def unreadable(p: Path) -> None:
        p.chmod(0)

    calls, value = _damaged(cache, unreadable)
    assert value == {**VALUE, "count": 3}
    real_open = os.open

    def refuse(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".marshal"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stored_lists.os, "open", refuse)
    before = len(calls)
    assert _probe(calls)(3) == {**VALUE, "count": 3} and len(calls) == before + 1


def test_a_read_only_cache_folder_costs_time_only(cache: Path) -> None:
    calls: list[int] = []
    _probe(calls)(3)
    _kept(cache).unlink()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert _probe(calls)(3) == {**VALUE, "count": 3}
    finally:
        cache.chmod(0o755)


def test_a_file_in_the_cache_folders_place_costs_time_only(cache: Path) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"not a folder")
    calls: list[int] = []
    assert _probe(calls)(3) == {**VALUE, "count": 3} and calls == [3]
    assert cache.read_bytes() == b"not a folder"


def _writer(folder: str, rounds: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    os.environ["CMO_CODER_CACHE"] = folder
    os.environ[stored_lists.OFF_ENV] = "1"
    stored_lists.code_digest = lambda: "this"  # type: ignore[assignment]
    bad = 0
    for i in range(rounds):
        path = stored_lists.folder() / "race-x-this.marshal"
        value = {f"word{j}": j for j in range(2000 + i % 7)}
        stored_lists._write(path, value)
        ok, back = stored_lists._read(path)
        if not ok or not isinstance(back, dict) or any(back[k] != int(k[4:]) for k in back):
            bad += 1
    out.put(bad)


def test_two_processes_writing_at_once_leave_a_whole_file(tmp_path: Path) -> None:
    """Each write is a whole file renamed into place: a reader sees one writer's list or the other's, whole."""
    ctx = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), 60, out)) for _ in range(2)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
    assert all(proc.exitcode == 0 for proc in procs)
    assert [out.get(timeout=5), out.get(timeout=5)] == [0, 0]
    (path,) = (tmp_path / "lists").iterdir()  # no temporary file left behind
    assert stored_lists._read(path)[0]


_DAMAGES = st.sampled_from(["truncate", "flip", "empty", "append", "insert", "delete", "swap", "zero", "old"])


@pytest.mark.fuzz
@fuzz_settings(60)
@given(damages=st.lists(st.tuples(_DAMAGES, st.integers(0, 10**6), st.integers(1, 255)), min_size=1, max_size=4),
       n=st.integers(0, 5))
def test_fuzz_damaged_cache_files(tmp_path_factory: pytest.TempPathFactory, damages: list[tuple[str, int, int]],
                                  n: int) -> None:
    """Any mix of damages: the list asked for is its plain build, in value and type, and nothing raises."""
    folder = tmp_path_factory.mktemp("cache")
    old_env = {k: os.environ.get(k) for k in ("CMO_CODER_CACHE", stored_lists.OFF_ENV)}
    os.environ["CMO_CODER_CACHE"] = str(folder)
    os.environ[stored_lists.OFF_ENV] = "1"
    try:
        plain = _names.__wrapped__(n)  # type: ignore[attr-defined]
        assert _names(n) == plain
        path = _kept(folder / "lists")
        other = _names(n + 1)  # another list's file, for swapping in
        other_path = next(p for p in (folder / "lists").iterdir() if p != path)
        for kind, at, byte in damages:
            data = bytearray(path.read_bytes())
            where = at % (len(data) + 1)
            if kind == "truncate":
                data = data[:where]
            elif kind == "flip" and data:
                data[where % len(data)] ^= byte
            elif kind == "empty":
                data = bytearray()
            elif kind == "append":
                data += bytes([byte]) * (1 + at % 64)
            elif kind == "insert":
                data[where:where] = bytes([byte])
            elif kind == "delete":
                del data[where:where + 1 + at % 8]
            elif kind == "swap":
                data = bytearray(other_path.read_bytes())
            elif kind == "zero":
                data[where:where + 16] = bytes(len(data[where:where + 16]))
            elif kind == "old":
                data = bytearray(marshal.dumps(frozenset({"aoife"})))
            path.write_bytes(bytes(data))
        got = _names(n)
        assert got == plain and type(got) is frozenset
        assert _names(n + 1) == other
        ok, value = stored_lists._read(path)
        assert ok and value == plain  # whatever was there, a whole list is there now
    finally:
        for k, v in old_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
