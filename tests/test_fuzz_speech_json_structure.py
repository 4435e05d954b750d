"""Fuzz targets: the speech services' JSON (Rev.ai, Amazon Transcribe, AssemblyAI: ``ingest/speech_json.py``), group
and joint speaker lines (``ingest/group_speakers.py``) and words in file names (``ingest/stem_words_as_names.py``),
each mutated in its structure, and ``cmo-coder import`` as a user runs it on such files one by one and on a folder.

Each target starts from a valid file of its shape and changes its structure, not only its bytes: a key taken away,
a value typed over (NaN, infinity, ``1e400``, a number of 5,000 digits, a negative or reversed time, a speaker that
is a number, a list, an object, empty or invisible, text holding NUL, bidi marks, a lone surrogate or a megabyte),
an array nested ten thousand deep, a key written twice, then sometimes damaged at the byte level too. The contract
is the project's: a transcript whose every turn slices exactly to its text, or a refusal with one line naming the
file (``ParseError``, a ``CmoError``); never another exception, and within generous bounds of time and memory.
Through the command line: exit 0 with every file imported, or exit 1 with ``error:`` lines naming each refused
file, and a refused file leaves the project and the secure folder byte for byte as they were.

The regular tests at the top are the defects these targets found, kept as ordinary cases.
"""

from __future__ import annotations

import copy
import json
import time
import tracemalloc
from typing import Any

import pytest
from fuzzing import fuzz_settings, mutated, read_or_refused, read_turns
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.errors import CmoError
from cmo_coder.ingest import detect
from cmo_coder.ingest.utterance import ParseError

# -- the defects found, as ordinary cases -------------------------------------------------------------------------

_REV = {"monologues": [{"speaker": 0, "elements": [
    {"type": "text", "value": "Hello", "ts": 0.5, "end_ts": 1.0}, {"type": "punct", "value": " "},
    {"type": "text", "value": "there", "ts": 1.0, "end_ts": 1.5}, {"type": "punct", "value": "."}]}]}
_TRANSCRIBE = {"jobName": "j", "results": {"transcripts": [{"transcript": "Hello there."}], "items": [
    {"type": "pronunciation", "start_time": "0.5", "end_time": "1.0", "speaker_label": "spk_0",
     "alternatives": [{"content": "Hello"}]},
    {"type": "pronunciation", "start_time": "1.0", "end_time": "1.5", "speaker_label": "spk_1",
     "alternatives": [{"content": "there"}]},
    {"type": "punctuation", "alternatives": [{"content": "."}]}]}}
_ASSEMBLYAI = {"audio_url": "https://example.org/a.mp3", "text": "Hello there.", "utterances": [
    {"speaker": "A", "text": "Hello", "start": 500, "end": 1000},
    {"speaker": "B", "text": "there.", "start": 1000, "end": 1500}]}
_DIGITS = "9" * 5000


@pytest.mark.parametrize(("name", "text"), [
    ("r.json", json.dumps(_REV).replace('"speaker": 0', f'"speaker": {_DIGITS}')),
    ("r.json", json.dumps(_REV).replace("0.5", _DIGITS)),
    ("t.json", json.dumps(_TRANSCRIBE).replace('"0.5"', _DIGITS)),
    ("a.json", json.dumps(_ASSEMBLYAI).replace("500", _DIGITS, 1)),
    ("w.json", '{"segments": [{"text": "hi", "start": ' + _DIGITS + "}]}"),
    ("o.otr", '{"text": "hi", "media": "x.mp3", "media-time": ' + _DIGITS + "}"),
])
def test_a_number_of_thousands_of_digits_is_a_refusal_not_an_internal_error(name: str, text: str) -> None:
    """Python reads no integer of more than 4,300 digits and says so with a ``ValueError`` that is no
    ``JSONDecodeError``: the JSON readers let it through as an internal error (found at once)."""
    with pytest.raises(ParseError, match=rf"^{name}: "):
        detect.parse(text.encode(), name)


@pytest.mark.parametrize("kind", ["[]", "{}", '["text"]'])
def test_a_rev_element_whose_type_is_no_text_is_refused(kind: str) -> None:
    """A Rev.ai element whose ``type`` is a list or an object was looked up in a set: ``TypeError: unhashable``."""
    text = json.dumps(_REV).replace('"type": "text"', f'"type": {kind}', 1)
    with pytest.raises(ParseError, match=r"^r\.json: monologue 1, element 1: not a text, punct or unknown"):
        detect.parse(text.encode(), "r.json")


# -- structure-aware mutation of a service's JSON ---------------------------------------------------------------------

#: Placeholders put in the tree and swapped for text no ``json.dumps`` writes (a number of 5,000 digits, nesting
#: ten thousand deep, a key written twice).
_BIG, _DEEP, _TWICE = "\ue000big", "\ue000deep", "\ue000twice"

HOSTILE_VALUES: list[Any] = [
    None, True, 0, -1, -0.5, 1.5, 10**30, float("nan"), float("inf"), -float("inf"), 1e300, "", " ", "0", "-1",
    "1e400", "NaN", "spk_0", "Speaker 1", "A", "\u200b", "\u202e\u2066", "\x00", "Zo\u00eb\x00M\u00fcller",
    "\ud800", "Jo\nSmith:", "\x1b[31m", "<b>Jo</b>", "&amp;", "=1+1", "x" * 100_000, [], {}, [1, 2], {"a": None},
    [[[[[[[[]]]]]]]], _BIG, _DEEP, _TWICE,
]


def _paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the tree (keys and indices from the root), the root last."""
    out: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*at, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*at, i))
    return [*out, at]


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def _hostile(draw: st.DrawFn) -> Any:
    """A hostile value, copied: a list or an object drawn twice must not be one object edited twice."""
    return copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))


def _mutate_tree(draw: st.DrawFn, tree: Any) -> Any:
    """One to four structural edits: a value typed over, a key taken away, a list emptied, doubled, reversed or
    given a foreign element, an object given an unknown key."""
    tree = json.loads(json.dumps(tree))
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(tree)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["retype", "retype", "retype", "drop", "list", "extra"]))
        if not path:
            if op == "retype":
                tree = _hostile(draw)
            continue
        parent, key = _get(tree, path[:-1]), path[-1]
        if op == "retype":
            parent[key] = _hostile(draw)
        elif op == "drop":
            del parent[key]
        elif op == "list" and isinstance(parent, list):
            how = draw(st.sampled_from(["empty", "double", "reverse", "foreign"]))
            if how == "empty":
                parent.clear()
            elif how == "double":
                parent.extend(json.loads(json.dumps(parent)))
            elif how == "reverse":
                parent.reverse()
            else:
                parent.insert(draw(st.integers(0, len(parent))), _hostile(draw))
        elif op == "extra" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["speaker", "speaker_name", "type", "ts", "end_ts", "start_time",
                                         "speaker_label", "x", ""]))] = _hostile(draw)
        if not isinstance(tree, dict | list):
            break
    return tree


def _dumped(tree: Any, draw: st.DrawFn) -> bytes:
    """The tree as a JSON file: indented or not, ASCII-escaped or not, NaN and infinity as Python writes them, the
    placeholders swapped for what they stand for; sometimes damaged byte by byte afterwards."""
    text = json.dumps(tree, indent=draw(st.sampled_from([None, 2])), ensure_ascii=draw(st.booleans()))
    for mark, real in ((_BIG, _DIGITS), (_DEEP, "[" * 10_000 + "]" * 10_000), (_TWICE, '{"k": 1, "k": [2]}')):
        quoted = json.dumps(mark, ensure_ascii=False)
        text = text.replace(quoted, real).replace(json.dumps(mark), real)
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 4)) == 0:
        raw = mutated(_Drawer(draw), raw, [b"\x00", b"\xff\xfe", b'"', b"}", b"]", b",", b"\\ud800",
                                           "\u202e".encode()])  # type: ignore[arg-type]
    return raw


class _Drawer:
    """``mutated`` takes hypothesis's ``data`` object; this gives it the composite's ``draw``."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw


def _bounded(call: Any, size: int) -> None:
    """``call()`` finishes within 20 seconds and with at most 200 bytes allocated a byte of input over 32 MB: no
    hang and no growth out of proportion to the file."""
    tracemalloc.start()
    began = time.perf_counter()
    try:
        call()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.perf_counter() - began < 20
    assert peak < 32 * 1024 * 1024 + 200 * size, (peak, size)


def _reads_or_refuses(raw: bytes, name: str) -> None:
    """A turn of the transcript read slices to its text (``read_turns`` checks it), or a one-line refusal names the
    file; nothing else."""
    try:
        read_turns(raw, name)
    except ParseError as exc:
        assert str(exc).startswith(f"{name}: ") or str(exc).startswith(name), str(exc)
        assert "\n" not in str(exc), str(exc)
    except CmoError as exc:
        assert name in str(exc), str(exc)


SEEDS = {"r.json": _REV, "t.json": _TRANSCRIBE, "a.json": _ASSEMBLYAI}


@st.composite
def _service_file(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    return name, _dumped(_mutate_tree(draw, SEEDS[name]), draw)


@pytest.mark.fuzz
@fuzz_settings(120)
@given(_service_file())
def test_fuzz_speech_service_json_structure(file: tuple[str, bytes]) -> None:
    """Rev.ai's, Transcribe's and AssemblyAI's JSON with its structure changed: read, every turn slicing to its
    text, or refused naming the file; within the time and memory bounds."""
    name, raw = file
    _bounded(lambda: _reads_or_refuses(raw, name), len(raw))


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.sampled_from(sorted(SEEDS)), st.data())
def test_fuzz_speech_service_json_raw_bytes(name: str, data: st.DataObject) -> None:
    """The same files damaged only at the byte level (cut, NUL, a BOM, quotes and brackets put in)."""
    raw = json.dumps(SEEDS[name]).encode()
    raw = mutated(data, raw, [b"\x00", b"\xef\xbb\xbf", b'"', b"{", b"]", b"\\u", b"\xc3", b"NaN", b"1e999"])
    _bounded(lambda: read_or_refused(raw, name), len(raw))

