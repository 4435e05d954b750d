"""Codings tables: import validated row by row (all errors, nothing written), export, exact round trip."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder.coding import service
from cmo_coder.coding.table import export_table, import_table
from cmo_coder.errors import CmoError, ValidationFailed
from cmo_coder.model import Codebook, Participant, Transcript, Turn
from cmo_coder.store import Project

TURNS = [
    ("SP10", "staff", "C",
     "I would like them to be met at where they’re at. They’re not going to feel judged, are they? "
     "So, you’re optimising engagement. Joint assessment helps, it really does."),
    ("P36", "carer", "B",
     "The only way we could get help was to continuously ring the police. Nobody listened, so we gave up."),
]

# the sample study's format: start/end empty, quotes located; cmoc names link rows
CODINGS_CSV = """transcript,start,end,quote,pt,component,element,stance,coder,memo,cmoc
int01,,,they’re not going to feel judged,PT1,mechanism_response,,supports,alice,"staff view, first contact",cmoc-a
int01,,,met at where they’re at,PT1,context,PT1.C1,supports,alice,,cmoc-a
int01,,,optimising engagement,PT1,outcome,,supports,alice,,cmoc-a
int01,,,Joint assessment helps,PT1,Mres,,supports,alice,,
int01,,,Nobody listened,PT2,outcome,,refutes,alice,,
"""
CONFIGS_CSV = """name,pt,judgement,rationale
cmoc-a,PT1,confirm,"Staff describe the whole chain"
"""


def _snapshot(project: Project) -> tuple[int, int, int]:
    q = project.conn.execute
    return tuple(q(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("codings", "configurations", "audit"))  # type: ignore[return-value]


@pytest.fixture
def study(project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("int01", TURNS)
    return project


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_import_locates_quotes_and_builds_configurations(study, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int]] = []
    report = import_table(study, _write(tmp_path, "codings.csv", CODINGS_CSV),
                          configurations=_write(tmp_path, "configurations.csv", CONFIGS_CSV),
                          progress=lambda done, total: seen.append((done, total)))
    assert (report.rows, report.codings, report.configurations, report.skipped) == (5, 5, 1, [])
    assert seen == [(i, 5) for i in range(1, 6)]
    codings = study.codings()
    assert all(study.text("int01")[c.start : c.end] == c.text for c in codings)
    assert {c.origin.value for c in codings} == {"table"}
    [cfg] = study.configurations()
    assert (cfg.name, cfg.pt, cfg.judgement.value, cfg.rationale) == (  # type: ignore[union-attr]
        "cmoc-a", "PT1", "confirm", "Staff describe the whole chain")
    assert sorted(m.role.value for m in cfg.members) == ["context", "mechanism_response", "outcome"]
    assert study.coding(cfg.members[0].coding_id).memo == "staff view, first contact"
    assert study.audit_log("codings_table")[-1]["detail"]["codings"] == 5


def test_export_then_import_is_exact_both_formats(study, tmp_path, tiny_codebook, add_transcript) -> None:  # type: ignore[no-untyped-def]
    import_table(study, _write(tmp_path, "codings.csv", CODINGS_CSV),
                 configurations=_write(tmp_path, "configurations.csv", CONFIGS_CSV))
    for fmt in ("csv", "jsonl"):
        out = tmp_path / f"out.{fmt}"
        cfg_out = tmp_path / f"cfg-{fmt}.csv"
        first = export_table(study, fmt, out=out, configurations=cfg_out)  # type: ignore[arg-type]
        assert out.read_text(encoding="utf-8") == first
        fresh = _fresh_project(tmp_path / f"fresh-{fmt}", tiny_codebook)
        import_table(fresh, out, configurations=cfg_out)
        assert export_table(fresh, fmt) == first  # type: ignore[arg-type]
        assert [c.id for c in fresh.codings()] == [c.id for c in study.codings()]
        fresh.close()


def _fresh_project(path: Path, codebook: Codebook) -> Project:
    p = Project.create(path, codebook, actor="tester")
    text_parts, turns, offset = [], [], 0
    for i, (label, _role, _site, said) in enumerate(TURNS):
        if i:
            text_parts.append("\n\n")
            offset += 2
        turns.append(Turn(speaker=label, start=offset, end=offset + len(said)))
        text_parts.append(said)
        offset += len(said)
    text = "".join(text_parts)
    t = Transcript(id="int01", title="int01", source_format="plain_txt", text=text, turns=turns,
                   source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test")
    with p.transaction("tester") as tx:
        for label, role, site, _ in TURNS:
            tx.upsert_participant(Participant(label=label, role=role, site=site))
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
        tx.sign_off_transcript(t)
    return p


BAD_CSV = """transcript,start,end,quote,pt,component,element,stance,coder,memo,cmoc
int01,,,they’re not going to feel judged,PT1,mechanism_response,,supports,alice,,
nope,,,anything,PT1,outcome,,supports,alice,,
int01,,,Nobody listened,PT9,outcome,,supports,alice,,
int01,,,Nobody listened,PT1,outcome,PT1.O7,supports,alice,,
int01,,,Nobody listened,PT1,outcome,,suports,alice,,
int01,abc,12,Nobody listened,PT1,outcome,,supports,alice,,
int01,0,6,Nobody,PT1,outcome,,supports,alice,,
int01,5,99999,Nobody,PT1,outcome,,supports,alice,,
int01,,,not going to feel judged,PT1,mechanism_response,,supports,alice,,
int01,,,words nobody ever said,PT1,outcome,,supports,alice,,
int01,,,Nobody listened,PT1,mechanisms,,supports,alice,,
int01,,,optimising engagement,PT1,outcome,,supports,alice,,mixed
int01,,,Nobody listened,PT2,outcome,,supports,alice,,mixed
"""


def test_bad_rows_are_all_listed_with_row_and_column_and_nothing_written(study, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(study)
    with pytest.raises(ValidationFailed) as exc:
        import_table(study, _write(tmp_path, "bad.csv", BAD_CSV))
    problems = exc.value.problems
    text = "\n".join(problems)
    expected = [
        "row 3: column transcript: no transcript 'nope'",
        "row 4: column pt: unknown programme theory PT9",
        "row 5: unknown element PT1.O7",
        "row 6: column stance: unknown stance 'suports'",
        "row 7: column start: 'abc' is not a whole number",
        "row 8: column start/end: 0:6 reads 'I woul', not the quote 'Nobody'",
        "row 9: transcript int01: span 5:99999 is outside its text",
        "row 10: overlaps coding",
        "row 11: column quote: transcript int01: quote not found",
        "row 12: column component: unknown component 'mechanisms'",
        "row 13, row 14: configuration 'mixed' mixes programme theories PT1, PT2",
    ]
    for e in expected:
        assert e in text, f"{e!r} not in:\n{text}"
    assert len(problems) == len(expected)
    assert "nothing was imported" in str(exc.value)
    assert _snapshot(study) == before


def test_skip_invalid_imports_the_rest(study, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = import_table(study, _write(tmp_path, "bad.csv", BAD_CSV), skip_invalid=True)
    assert report.codings == 3 and report.configurations == 0 and len(report.skipped) == 11
    assert len(study.codings()) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("transcript,quote,pt\nint01,caf\xe9,PT1\n".encode("latin-1"), "not UTF-8"),
        (b"transcript,quote\nint01,x\n", "missing column(s) pt"),
        (b"transcript,quote,pt,colour\nint01,x,PT1,red\n", "unknown column(s) colour"),
        (b"transcript,quote,pt\nint01,x\n", "row 2: has 2 cells, the header has 3"),
        (b'transcript,quote,pt\nint01,"never closed,PT1\nint01,x,PT1\n', "malformed CSV"),
    ],
)
def test_malformed_files(study, tmp_path, content, message) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(study)
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(CmoError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_table(study, path)
    assert _snapshot(study) == before


def test_jsonl_errors_name_lines(study, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "t.jsonl", '{"transcript": "int01", "quote": "Nobody listened", "pt": "PT1"}\n'
                  '{"transcript": "int01", "quote": "x", "pt": "PT1", "start": "7", "end": true}\nnot json\n')
    with pytest.raises(ValidationFailed, match="line 3: not JSON"):
        import_table(study, path)
    path = _write(tmp_path, "t.jsonl", '{"transcript": "int01", "quote": "x", "pt": "PT1", "start": 1.5, "end": 3}\n')
    with pytest.raises(ValidationFailed, match="line 1: column start: 1.5 is not a whole number"):
        import_table(study, path)


def test_configurations_file_problems(study, tmp_path) -> None:  # type: ignore[no-untyped-def]
    codings = _write(tmp_path, "codings.csv", CODINGS_CSV)
    cases = {
        "name,pt,judgement,rationale\ncmoc-a,PT2,confirm,\n": "is for PT2, but its codings",
        "name,pt,judgement,rationale\ncmoc-a,PT1,maybe,\n": "column judgement: unknown judgement 'maybe'",
        "name,pt,judgement,rationale\ncmoc-a,PT1,,\nghost,PT1,,\n": "configuration 'ghost' has no codings",
    }
    for content, message in cases.items():
        before = _snapshot(study)
        with pytest.raises(ValidationFailed, match=message):
            import_table(study, codings, configurations=_write(tmp_path, "configurations.csv", content))
        assert _snapshot(study) == before


_memo = st.one_of(st.none(), st.text(alphabet=st.sampled_from(list('ab ,"\n;é’')), min_size=1, max_size=12))


@pytest.fixture(scope="module")
def project_pair(tmp_path_factory, tiny_codebook):  # type: ignore[no-untyped-def]
    """Two projects with the same transcript, made once: each example clears their codings first."""
    root = tmp_path_factory.mktemp("pair")
    a, b = _fresh_project(root / "a", tiny_codebook), _fresh_project(root / "b", tiny_codebook)
    yield a, b
    a.close()
    b.close()


def _clear(p: Project) -> None:
    with p.transaction("tester") as tx:
        for c in p.codings():
            tx.remove_coding(c.id)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_round_trip_property(project_pair, tmp_path_factory, data) -> None:  # type: ignore[no-untyped-def]
    a, b = project_pair
    _clear(a)
    _clear(b)
    text = a.text("int01")
    turns = a.transcript("int01").turns
    n = data.draw(st.integers(1, 6))
    for _ in range(n):
        turn = data.draw(st.sampled_from(turns))
        s = data.draw(st.integers(turn.start, turn.end - 1))
        e = data.draw(st.integers(s + 1, turn.end))
        pt = data.draw(st.sampled_from(["PT1", "PT2"]))
        comp = data.draw(st.sampled_from([None, "context", "outcome", "mechanism_resource"]))
        try:
            service.add_coding(a, "int01", span=(s, e), pt=pt, component=comp,
                               stance=data.draw(st.sampled_from(["supports", "refutes", "refines"])),
                               memo=data.draw(_memo), coder=data.draw(st.sampled_from(["ann", "bo"])))
        except CmoError:
            continue  # a duplicate or overlapping duplicate drawn by chance
    assert all(text[c.start : c.end] == c.text for c in a.codings())
    fmt = data.draw(st.sampled_from(["csv", "jsonl"]))
    out = tmp_path_factory.mktemp("rt") / f"x.{fmt}"
    first = export_table(a, fmt, out=out)
    import_table(b, out)
    assert export_table(b, fmt) == first
