"""A small realistic study shared by the graph and query tests.

Three sites (A, B, C); staff (SP…), service users and carers (P…); both PTs of the tiny
codebook; supporting, refuting and refining codings; three CMOCs. The expected counts
in the tests were worked out by hand from the table below, not by running the code.

=====  ==========  =========  =========  ========  ==============================
id     element     stance     speaker    role      note
=====  ==========  =========  =========  ========  ==============================
c1     PT1.C1      supports   SP1        staff A
c2     PT1.MR1     supports   SP1        staff A
c3     PT1.MR1     supports   P1         user A
c4     PT1.MP1     supports   SP2        staff B
c5     PT1.MP1     refutes    P2         carer B   → PT1.MP1 contested
c6     PT1.O1      supports   SP3        staff C
c7     PT1.O1      supports   SP3        staff C   → PT1.O1 one role, one case
c8     PT1.C1      refines    P3         user C
c9     PT1 Mres    refutes    P2         carer B   component only (no element)
c10    PT1.C1      supports   P2         carer B   quote holds <script> and quotes
d1     PT2.MR1     supports   SP2        staff B
d2     PT2.MR1     supports   P1         user A    → PT2.O1 has no evidence
d3     PT2.MR1     refines    SP1        staff A   inside c2: one passage, two PTs
=====  ==========  =========  =========  ========  ==============================

CMOCs: K1 = c1 C, c2 Mres, c4 Mresp, c6 O (confirm); K2 = c3 Mres, c5 Mresp (refute);
K3 = c8 C, c9 Mres (no judgement; refutes wins).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cmo_coder.model import Coding, Configuration, ConfigurationMember, Transcript
from cmo_coder.store import Project

TURNS = {
    "site-a-interview": [
        ("F1", "facilitator", None, "Can you tell me how people first come to your service?"),
        ("SP1", "staff", "A",
         "Everyone here accepts that people who drink and have mental health problems are our job too. "
         "We do a joint assessment with the drug and alcohol team on the first visit, so nobody gets bounced."),
        ("P1", "service_user", "A",
         "The first appointment was the first time somebody asked about both things at once. "
         "It felt like a proper plan, not being passed around. I had a cup of tea and waited a long time."),
    ],
    "site-b-focus-group": [
        ("F1", "facilitator", None, "What changed after the training?"),
        ("SP2", "staff", "B",
         "Once we started doing the joint assessments I felt far more confident taking on people who drink. "
         "The team training made everyone own it rather than leaving it to the specialist."),
        ("P2", "carer", "B",
         "Honestly he did not feel any more hopeful, he still felt judged at every appointment. "
         "Nobody gave us a plan we could follow. "
         'The nurse said <script>alert("x")</script> was "just a phase" & that\'s all we heard.'),
    ],
    "site-c-interview": [
        ("F1", "facilitator", None, "And what difference has it made?"),
        ("SP3", "staff", "C",
         "People stay with us for months now instead of dropping out after two visits. "
         "We rarely see them turn up in crisis at A&E any more."),
        ("P3", "service_user", "C",
         "It only worked because my key worker already knew me from the hostel, the services on paper did not."),
    ],
}

#: (id, transcript, quote, pt, element, component, stance)
CODINGS = [
    ("c1", "site-a-interview", "Everyone here accepts that people who drink and have mental health problems are our "
     "job too.", "PT1", "PT1.C1", None, "supports"),
    ("c2", "site-a-interview", "We do a joint assessment with the drug and alcohol team on the first visit, so nobody "
     "gets bounced.", "PT1", "PT1.MR1", None, "supports"),
    ("c3", "site-a-interview", "It felt like a proper plan, not being passed around.", "PT1", "PT1.MR1", None,
     "supports"),
    ("c4", "site-b-focus-group", "Once we started doing the joint assessments I felt far more confident taking on "
     "people who drink.", "PT1", "PT1.MP1", None, "supports"),
    ("c5", "site-b-focus-group", "Honestly he did not feel any more hopeful, he still felt judged at every "
     "appointment.", "PT1", "PT1.MP1", None, "refutes"),
    ("c6", "site-c-interview", "People stay with us for months now instead of dropping out after two visits.", "PT1",
     "PT1.O1", None, "supports"),
    ("c7", "site-c-interview", "We rarely see them turn up in crisis at A&E any more.", "PT1", "PT1.O1", None,
     "supports"),
    ("c8", "site-c-interview", "It only worked because my key worker already knew me from the hostel", "PT1", "PT1.C1",
     None, "refines"),
    ("c9", "site-b-focus-group", "Nobody gave us a plan we could follow.", "PT1", None, "mechanism_resource",
     "refutes"),
    ("c10", "site-b-focus-group", 'The nurse said <script>alert("x")</script> was "just a phase" & that\'s all we '
     "heard.", "PT1", "PT1.C1", None, "supports"),
    ("d1", "site-b-focus-group", "The team training made everyone own it rather than leaving it to the specialist.",
     "PT2", "PT2.MR1", None, "supports"),
    ("d2", "site-a-interview", "somebody asked about both things at once", "PT2", "PT2.MR1", None, "supports"),
    ("d3", "site-a-interview", "joint assessment with the drug and alcohol team", "PT2", "PT2.MR1", None, "refines"),
]

CONFIGS = [
    ("K1", "PT1", "Joint assessment builds confidence and retention",
     [("c1", "context"), ("c2", "mechanism_resource"), ("c4", "mechanism_response"), ("c6", "outcome")], "confirm"),
    ("K2", "PT1", "No plan, no hope", [("c3", "mechanism_resource"), ("c5", "mechanism_response")], "refute"),
    ("K3", "PT1", "Prior relationship matters", [("c8", "context"), ("c9", "mechanism_resource")], None),
]

UNCODED = "I had a cup of tea and waited a long time."


@dataclass
class Study:
    project: Project
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    codings: dict[str, Coding] = field(default_factory=dict)


def build_study(project: Project, add_transcript) -> Study:  # type: ignore[no-untyped-def]
    study = Study(project)
    for tid, turns in TURNS.items():
        study.transcripts[tid] = add_transcript(tid, turns)
    with project.transaction("tester") as tx:
        for cid, tid, quote, pt, element, component, stance in CODINGS:
            text = study.transcripts[tid].text
            start = text.index(quote)
            coder = "alice" if cid != "c7" else "bob"
            coding = Coding(
                id=cid, transcript_id=tid, start=start, end=start + len(quote), text=quote, pt=pt, element=element,
                component=component, stance=stance, coder=coder, memo="check with team" if cid == "c5" else None,
            )
            study.codings[cid] = tx.add_coding(coding)
        for kid, pt, name, members, judgement in CONFIGS:
            tx.add_configuration(
                Configuration(
                    id=kid, pt=pt, name=name, judgement=judgement, coder="alice",
                    members=[ConfigurationMember(coding_id=c, role=r) for c, r in members],
                    rationale="discussed at analysis meeting" if kid == "K1" else None,
                )
            )
    return study


def add_signed_off(  # type: ignore[no-untyped-def]
    project: Project, transcript_id: str, turns, title: str | None = None
) -> Transcript:
    """Store an already anonymised transcript given as ``[(label, role, site, text), ...]`` turns."""
    import hashlib

    from cmo_coder.model import Participant, Turn

    parts, model_turns, offset = [], [], 0
    for i, (label, _role, _site, said) in enumerate(turns):
        if i:
            parts.append("\n\n")
            offset += 2
        model_turns.append(Turn(speaker=label, start=offset, end=offset + len(said)))
        parts.append(said)
        offset += len(said)
    text = "".join(parts)
    t = Transcript(id=transcript_id, title=title or transcript_id, source_format="plain_txt", text=text,
                   turns=model_turns,
                   source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test")
    with project.transaction("tester") as tx:
        for label, role, site, _ in turns:
            tx.upsert_participant(Participant(label=label, role=role, site=site))
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
        tx.sign_off_transcript(t)
    return t


def make_study(path, codebook) -> Study:  # type: ignore[no-untyped-def]
    """A study in its own project folder (for module-scoped fixtures that render slow outputs once)."""
    project = Project.create(path, codebook, actor="tester")
    return build_study(project, lambda tid, turns: add_signed_off(project, tid, turns))
