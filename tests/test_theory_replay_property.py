"""Property: replaying the audit log's theory changes over the initial versions rebuilds every version exactly.

Random sequences of changes (revise, add, add/edit/retire elements, split, merge of PTs and of
elements) go through the service, which refuses some of them; whatever was accepted must be
rebuilt, version for version, from the audit log alone, and the codebook must be the latest
live version of each PT.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.errors import CmoError
from cmo_coder.model.vocab import Component
from cmo_coder.store import Project
from cmo_coder.theory import replay, service
from cmo_coder.theory.model import TheoryChange
from cmo_coder.theory.store import all_versions

CODEBOOK = codebook_io.load(Path(__file__).resolve().parent.parent / "codebooks" / "tiny.yaml")
WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).filter(str.strip)

op = st.one_of(
    st.tuples(st.just("revise"), st.integers(0, 4), WORDS),
    st.tuples(st.just("add"), st.integers(3, 6), WORDS),
    st.tuples(st.just("add_element"), st.integers(0, 4), st.sampled_from(list(Component)), WORDS),
    st.tuples(st.just("edit_element"), st.integers(0, 20), WORDS),
    st.tuples(st.just("retire_element"), st.integers(0, 20)),
    st.tuples(st.just("split"), st.integers(0, 4), st.integers(7, 9), st.integers(0, 20)),
    st.tuples(st.just("merge"), st.integers(0, 4), st.integers(0, 4)),
    st.tuples(st.just("merge_elements"), st.integers(0, 20), st.integers(0, 20)),
)


def _pt(p: Project, i: int) -> str:
    ids = p.codebook.pt_ids
    return ids[i % len(ids)]


def _element(p: Project, i: int) -> str | None:
    ids = [e.id for pt in p.codebook.programme_theories for e in pt.elements]
    return ids[i % len(ids)] if ids else None


def _do(p: Project, step: tuple) -> None:  # type: ignore[type-arg]
    kind = step[0]
    if kind == "revise":
        service.revise(p, _pt(p, step[1]), statement=step[2], because="r")
    elif kind == "add":
        service.add_pt(p, f"PT{step[1]}", title=step[2], statement=step[2], because="a")
    elif kind == "add_element":
        service.add_element(p, _pt(p, step[1]), component=step[2], statement=step[3], because="e")
    elif kind in ("edit_element", "retire_element", "split", "merge_elements"):
        el = _element(p, step[3] if kind == "split" else step[1])
        if el is None:
            return
        if kind == "edit_element":
            service.edit_element(p, el, statement=step[2], because="w")
        elif kind == "retire_element":
            service.retire_element(p, el, because="t")
        elif kind == "split":
            service.split(p, el.split(".")[0], new_pt=f"PT{step[2]}", elements=[el], title="s", statement="s",
                          because="s")
        else:
            target = _element(p, step[2])
            assert target is not None
            service.merge(p, [el], into=target, because="m")
    elif kind == "merge":
        service.merge(p, [_pt(p, step[1])], into=_pt(p, step[2]), because="m")


@settings(max_examples=15, deadline=None)
@given(st.lists(op, max_size=8))
def test_replaying_the_audit_log_rebuilds_every_version(steps: list) -> None:  # type: ignore[type-arg]
    with TemporaryDirectory() as tmp:
        p = Project.create(Path(tmp) / "s", CODEBOOK, actor="ann")
        try:
            for step in steps:
                with contextlib.suppress(CmoError):  # a refusal: nothing changed, nothing logged
                    _do(p, step)
            stored = all_versions(p)
            initial = [v for v in stored if v.change.value == "initial"]
            changes = [TheoryChange.model_validate(e["detail"]["change"]) for e in p.audit_log("theory")]
            assert replay(initial, changes) == stored
            live = {v.pt: v for v in stored}
            assert [(pt.id, pt.statement, pt.elements) for pt in p.codebook.programme_theories] == [
                (v.pt, v.statement, v.elements) for v in live.values() if not v.retired]
        finally:
            p.close()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c\n", max_size=30), st.text(alphabet="ab c\n", max_size=30))
def test_word_diff_rebuilds_both_statements(old: str, new: str) -> None:
    from cmo_coder.theory.diff import word_diff

    words = word_diff(old, new)
    assert " ".join(w.text for w in words if w.op != "insert").split() == old.split()
    assert " ".join(w.text for w in words if w.op != "delete").split() == new.split()
    assert all(w.text for w in words)


@settings(max_examples=10, deadline=None)
@given(st.lists(op, max_size=6))
def test_codings_and_cmocs_stay_consistent_with_the_codebook(steps: list) -> None:  # type: ignore[type-arg]
    """Whatever changes are accepted, every coding names a live PT and element, and every CMOC's members
    are codings of its own PT in the roles their components say."""
    from tests.study import make_study

    with TemporaryDirectory() as tmp:
        p = make_study(Path(tmp) / "s", CODEBOOK).project
        try:
            n = len(p.codings())
            for step in steps:
                with contextlib.suppress(CmoError):
                    _do(p, step)
            cb = p.codebook
            live_elements = {e.id for pt in cb.programme_theories for e in pt.elements}
            codings = {c.id: c for c in p.codings()}
            assert len(codings) == n  # theory changes move codings, never lose them
            for c in codings.values():
                assert c.pt in cb.pt_ids and (c.element is None or c.element in live_elements)
                assert c.element is None or c.element.split(".")[0] == c.pt
            for k in p.configurations():
                assert k.pt in cb.pt_ids
                for m in k.members:
                    assert codings[m.coding_id].pt == k.pt
                    assert codings[m.coding_id].component in (None, m.role)
        finally:
            p.close()
