"""Property: any canonical text and any spans survive export → import exactly, in both profiles."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder.exchange import export, importer
from cmo_coder.exchange.offsets import canonical
from cmo_coder.exchange.textprep import Profile
from cmo_coder.model import Coding, Participant, Stance, Transcript, Turn
from cmo_coder.store import Project

pieces = st.sampled_from(["a", "b", " ", "\n", "\r\n", "é", "e\u0301", "😊", "𝄞", "—", "\t", "ß"])
texts = st.lists(pieces, min_size=2, max_size=40).map(lambda xs: canonical("".join(xs)))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), min_size=1, max_size=4),
       st.sampled_from(list(Profile)))
def test_spans_round_trip(tiny_codebook, text: str, raw_spans: list[tuple[int, int]], profile: Profile) -> None:
    spans = sorted({(s % len(text), min(len(text), s % len(text) + n)) for s, n in raw_spans})
    spans = [(s, e) for s, e in spans if e > s]
    with tempfile.TemporaryDirectory() as d:
        src = Project.create(Path(d) / "a", tiny_codebook, actor="t")
        t = Transcript(id="T1", title="t", source_format="plain_txt", text=text,
                       turns=[Turn(speaker="P1", start=0, end=len(text))],
                       source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="t")
        with src.transaction("t") as tx:
            tx.upsert_participant(Participant(label="P1", role="service_user"))
            tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, "t")
            tx.sign_off_transcript(t)
            for i, (s, e) in enumerate(spans):
                tx.add_coding(Coding(id=f"c{i}", transcript_id="T1", start=s, end=e, text=text[s:e], pt="PT1",
                                     element="PT1.C1" if i % 2 else None, stance=list(Stance)[i % 3],
                                     coder=f"coder{i}"))
        export.run(src, Path(d) / "x.qdpx", None, profile)
        dst = Project.create(Path(d) / "b", tiny_codebook, actor="t")
        report = importer.run(dst, Path(d) / "x.qdpx", actor="t")
        assert report.not_placed == []
        assert dst.transcript("T1").text == text
        got = sorted((c.start, c.end, c.text, c.element, c.stance, c.coder) for c in dst.codings())
        want = sorted((c.start, c.end, c.text, c.element, c.stance, c.coder) for c in src.codings())
        assert got == want
        src.close()
        dst.close()
