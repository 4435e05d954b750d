"""Property: the graph summary agrees with counting the stored codings directly, for any coding pattern."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.graph import build, summarise
from cmo_coder.model import Coding
from cmo_coder.store import Project
from tests.study import TURNS, add_signed_off

ELEMENTS = ["PT1.C1", "PT1.MR1", "PT1.MP1", "PT1.O1"]
STANCES = ["supports", "refutes", "refines"]
_counter = itertools.count()


def _slots(project: Project) -> list[tuple[str, int, int]]:
    """Every sentence of every participant turn: the spans codings may take."""
    out = []
    for tid in project.transcript_ids():
        text = project.text(tid)
        for m in re.finditer(r"[^.?!\n]+[.?!]", text):
            out.append((tid, m.start(), m.end()))
    return out


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.sampled_from(ELEMENTS), st.sampled_from(STANCES)), max_size=25))
def test_summary_matches_direct_counts(tmp_path_factory, tiny_codebook, picks):
    project = Project.create(tmp_path_factory.mktemp(f"prop{next(_counter)}") / "s", tiny_codebook, actor="t")
    try:
        for tid, turns in TURNS.items():
            add_signed_off(project, tid, turns)
        slots = _slots(project)
        with project.transaction("t") as tx:
            for n, (slot, element, stance) in enumerate(picks):
                tid, a, b = slots[slot % len(slots)]
                tx.add_coding(Coding(id=f"x{n}", transcript_id=tid, start=a, end=b, text=project.text(tid)[a:b],
                                     pt="PT1", element=element, stance=stance, coder=f"coder{n}"))
        s = summarise(build(project, "PT1"))
        codings = project.codings(pt="PT1")
        for el in ELEMENTS:
            t = next(x for x in s.targets if x.id == el)
            mine = [c for c in codings if c.element == el]
            roles = set()
            for stance in STANCES:
                these = [c for c in mine if c.stance.value == stance]
                people = {p.label: p for c in these if (p := project.speaker_at(c.transcript_id, c.start))}
                ev = getattr(t, stance)
                # each coding has a coder of its own, so one sentence picked twice for one code is
                # double coding: one distinct quote (sentences never overlap, so overlap means the same span)
                assert ev.count == len({(c.transcript_id, c.start, c.end) for c in these})
                assert ev.participants == len(people)
                assert sum(ev.by_role.values()) == len(people)
                assert ev.sites == len({p.site for p in people.values() if p.site})
                roles |= {p.role.value for p in people.values()}
            assert t.no_evidence == (not mine)
            assert t.contested == (t.supports.count > 0 and t.refutes.count > 0)
            assert t.single_role == (bool(mine) and len(roles) < 2)
            assert (el in s.no_evidence, el in s.contested, el in s.single_role) == (
                t.no_evidence, t.contested, t.single_role)
        assert s.codings == len(codings) == len(picks)
        spans = [(c.transcript_id, c.start, c.end, c.element, c.stance.value) for c in codings]
        assert s.quotes == len(set(spans))
        assert s.double_coded == sum(1 for k in set(spans) if spans.count(k) > 1)
        assert sum(s.stances.values()) == s.quotes
    finally:
        project.close()
