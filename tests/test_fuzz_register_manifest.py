"""Fuzz targets: the register and the participants manifest, as teams write and damage them.

A register (``surface,category[,placeholder][,aliases]``) and a manifest (``name,aliases,role,site,label``)
written by hand, then mutated: cells typed over with hostile values (quotes, separators, brackets, a name
of thousands of characters, control and bidi characters), rows doubled or cut, columns added or lost, the
file saved in another encoding or with other line ends, bytes flipped, truncated. Each must read, or fail
with the project's error naming the file: never another exception. A register that reads gives every
person something to look for.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.register import load_register_csv
from cmo_coder.errors import CmoError
from cmo_coder.ingest.speakers import load_manifest

pytestmark = pytest.mark.fuzz

REGISTER = [["surface", "category", "placeholder", "aliases"], ["Zoë Müller", "person", "", "Zo;Mrs Müller"],
            ["Seán O'Neill", "person", "", ""], ["Cedar Ward", "ward", "[ward name]", ""],
            ["Bishop's Stortford", "place", "", ""], ["St Anne's", "school", "", ""]]
MANIFEST = [["name", "aliases", "role", "site", "label"], ["Zoë Müller", "Zo;R@t1", "service_user", "C", "P9"],
            ["Seán O'Neill", "", "staff", "B", ""], ["Dr Chidi Okafor", "Chidi", "staff", "A", "SP3"]]
VALUES = ["", " ", '"', '""', ",", ";", ";;", "[", "[x]", "[ward name]", "person", "Person ", "place", "carer",
          "staff", "x" * 5000, "Zoë Müller", "zoë müller", "\u202eXX", "\x01", "\t", "=HYPERLINK(\"x\")", "R",
          "@t1", "Zo@", "(Jr.)", "Mr", "de la", "O'", "-", "…", "\ufeff", "\u00ad"]


@st.composite
def edited(draw: st.DrawFn, seed: list[list[str]]) -> bytes:
    rows = [list(r) for r in seed]
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["cell", "cell", "cell", "double", "cut", "wider", "narrower", "header"]))
        i = draw(st.integers(0, len(rows) - 1))
        if op == "cell" and rows[i]:
            rows[i][draw(st.integers(0, len(rows[i]) - 1))] = draw(st.sampled_from(VALUES))
        elif op == "double":
            rows.insert(i, list(rows[i]))
        elif op == "cut" and len(rows) > 1:
            del rows[i]
        elif op == "wider":
            rows[i].append(draw(st.sampled_from(VALUES)))
        elif op == "narrower" and rows[i]:
            rows[i].pop()
        elif op == "header":
            rows[0] = [draw(st.sampled_from([c, c.upper(), f" {c} ", ""])) for c in rows[0]]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    data = out.getvalue().encode("utf-8")
    how = draw(st.sampled_from(["utf8", "utf8", "bom", "utf16", "latin1", "cr", "flip", "truncate", "quote"]))
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "utf16":
        return data.decode().encode("utf-16")
    if how == "latin1":
        return data.decode().encode("latin-1", errors="replace")
    if how == "cr":
        return data.replace(b"\r\n", b"\r")
    if how == "flip" and data:
        buf = bytearray(data)
        buf[draw(st.integers(0, len(buf) - 1))] ^= 1 << draw(st.integers(0, 7))
        return bytes(buf)
    if how == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if how == "quote":
        i = draw(st.integers(0, len(data)))
        return data[:i] + b'"' + data[i:]
    return data


def _refused_naming(exc: CmoError, path: Path) -> None:
    assert str(path) in str(exc), str(exc)[:300]


@fuzz_settings(60)
@given(data=edited(REGISTER))
def test_fuzz_register(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "register.csv"
        path.write_bytes(data)
        try:
            items = load_register_csv(path)
        except CmoError as exc:
            _refused_naming(exc, path)
            return
        for item in items:
            assert item.surface and item.variants, item  # every line read gives something to look for


@fuzz_settings(60)
@given(data=edited(MANIFEST))
def test_fuzz_manifest(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "manifest.csv"
        path.write_bytes(data)
        try:
            rows = load_manifest(path)
        except CmoError as exc:
            _refused_naming(exc, path)
            return
        for row in rows:
            assert row.entry.name.strip(), row
