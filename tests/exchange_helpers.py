"""Helpers for the exchange tests: a realistic small project and schema validation."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

from lxml import etree

from cmo_coder.model import Coding, Component, Configuration, ConfigurationMember, Judgement, Participant, Stance
from cmo_coder.model.note import ProjectNote
from cmo_coder.store import Project

T1 = [
    ("SP1", "staff", "B", "We assess everyone together now, the nurse and the drug worker in one room."),
    ("P3", "service_user", "B", "Honestly I felt listened to for once 😊 and I kept coming back."),
    ("SP1", "staff", "B", "Training helped the whole team see the person, not the diagnosis."),
]
T2 = [
    ("P4", "carer", "C", "My son was turned away twice.\nNobody owned his care — café staff were kinder."),
    ("SP2", "staff", "C", "Without joint assessment we just pass people on."),
]


def span(text: str, quote: str) -> tuple[int, int]:
    i = text.index(quote)
    return i, i + len(quote)


def build_rich(project: Project, add_transcript) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Two transcripts (one with an emoji and an em dash), 6 codings, memos, one CMOC."""
    t1 = add_transcript("T01", T1, title="Interview site B staff and service user")
    t2 = add_transcript("T02", T2, title="Carer interview, site C")
    specs = [
        (t1, "We assess everyone together now", "PT1", None, "PT1.MR1", Stance.supports, "alice", "joint working"),
        (t1, "I felt listened to for once 😊", "PT1", Component.mechanism_response, None, Stance.supports, "alice",
         None),
        (t1, "I kept coming back", "PT1", Component.outcome, "PT1.O1", Stance.supports, "alice", None),
        (t1, "Training helped the whole team see the person", "PT2", None, "PT2.MR1", Stance.refines, "bob",
         "training, not\nstructure"),
        (t2, "My son was turned away twice.\nNobody owned his care", "PT1", None, "PT1.C1", Stance.refutes, "bob",
         None),
        (t2, "café staff were kinder", "PT2", None, None, Stance.supports, "bob", None),
    ]
    ids = []
    with project.transaction("tester") as tx:
        tx.upsert_participant(Participant(label="SP1", role="staff", site="B", attributes={"team": "CMHT"}))
        for i, (t, quote, pt, comp, el, stance, coder, memo) in enumerate(specs):
            s, e = span(t.text, quote)
            c = tx.add_coding(Coding(id=f"cod-{i}", transcript_id=t.id, start=s, end=e, text=quote, pt=pt,
                                     component=comp, element=el, stance=stance, coder=coder, memo=memo))
            ids.append(c.id)
        tx.add_configuration(Configuration(
            id="cmoc-1", pt="PT1", name="joint assessment keeps people in care",
            members=[ConfigurationMember(coding_id="cod-0", role=Component.mechanism_resource),
                     ConfigurationMember(coding_id="cod-1", role=Component.mechanism_response),
                     ConfigurationMember(coding_id="cod-2", role=Component.outcome)],
            judgement=Judgement.confirm, rationale="Both staff and service user describe it.", coder="alice"))
        tx.add_note(ProjectNote(id="note-1", title="Analysis diary", description="week 3",
                                body="PT2 looks refined by site C.\nCheck with the team.", author="carol"))
    return {"codings": ids}


@functools.lru_cache(maxsize=4)
def _schemas(xsd: Path) -> tuple[etree.XMLSchema, object]:
    import xmlschema

    return etree.XMLSchema(etree.parse(str(xsd))), xmlschema.XMLSchema(str(xsd))


def validate_both(xml: bytes, xsd: Path) -> None:
    """lxml alone accepts #RRGGBBAA colours; xmlschema does not, so both must pass."""
    lxml_schema, xs = _schemas(xsd)
    doc = etree.fromstring(xml)
    if not lxml_schema.validate(doc):
        raise AssertionError(f"lxml: {lxml_schema.error_log}")
    xs.validate(xml.decode("utf-8"))  # type: ignore[attr-defined]


def qde_of(qdpx: Path) -> bytes:
    with zipfile.ZipFile(qdpx) as z:
        return z.read("project.qde")
