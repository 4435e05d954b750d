"""Shared by the tests of the suggestion and anonymisation review pages: a queue and a secure study."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from click.testing import CliRunner
from starlette.testclient import TestClient

from cmo_coder.cli.main import cli
from cmo_coder.model import Component
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project
from cmo_coder.suggest import queue
from cmo_coder.suggest.records import Reason, Suggestion
from tests.anon_support import add_pending, secure_folder

A, B, C = "site-a-interview", "site-b-focus-group", "site-c-interview"
HOSTILE = '"><img src=x onerror=alert(1)>'

#: (id, transcript, clause, component, PT)
QUEUE = [
    ("sug-a1", A, "The first appointment was the first time somebody asked about both things at once.",
     Component.mechanism_resource, "PT1"),
    ("sug-b1", B, "The team training made everyone own it rather than leaving it to the specialist.",
     Component.mechanism_resource, "PT2"),
    ("sug-c1", C, "It only worked because my key worker already knew me from the hostel",
     Component.context, "PT1"),
]


def queue_suggestions(project_path: Path) -> dict[str, Suggestion]:
    """Three pending suggestions with every kind of reason (one quoting hostile markup), as ``suggest`` queues them."""
    made = {}
    with Project.open(project_path) as p, p.transaction("suggester") as tx:
        for sid, tid, clause, component, pt in QUEUE:
            text = p.transcript(tid).text
            start = text.index(clause)
            made[sid] = Suggestion(
                id=sid, transcript=tid, start=start, end=start + len(clause), text=clause, component=component,
                pt=pt, confidence=0.72,
                reasons=[Reason(kind="pt", pt=pt, score=0.61), Reason(kind="pt", pt="PT2", score=0.2),
                         Reason(kind="cue", text="first time", component=component),
                         Reason(kind="element", element=f"{pt}.O1", text="people stay in treatment", score=0.4),
                         Reason(kind="example", coding_id="c1", text=HOSTILE, score=0.3)],
            )
        queue.add(tx, list(made.values()))
    return made


KEY = [
    KeyEntry(label="SP9", name="Margaret Okafor", aliases=["Maggie"], role="staff", site="A"),
    KeyEntry(label="P9", name="Will Jenkins", role="service_user", site="A"),
]
SECRET = "sec-int"
SPEECH = [
    ("SP9", "Margaret Okafor", "Thanks Will. I work with Dr Quennell at Ravensholme ward, "
                               "and Maggie runs the group <script>alert(1)</script>."),
    ("P9", "Will Jenkins", "Maggie was kind. Dr Quennell said I will be fine. "
                           'The ward rang "><img src=x onerror=alert(2)> twice.'),
]
#: what the review must never let out of its pages: registered names and surfaces found by review
IDENTIFYING = ["Margaret", "Okafor", "Maggie", "Jenkins", "Quennell", "Ravensholme"]


def add_secure_transcript(project_path: Path, secure_parent: Path) -> Path:
    """A pending transcript naming people and places, with its raw copy and key in a secure folder,
    and the anonymiser's proposals (rules only, so no model is needed)."""
    with Project.open(project_path) as p:
        sf = secure_folder(secure_parent, KEY)
        add_pending(p, sf, SECRET, SPEECH)
    r = CliRunner().invoke(cli, ["anonymise", str(project_path), "--secure", str(sf.path), "--rules-only"])
    assert r.exit_code == 0, r.output
    return sf.path


# -- what a review page carries, read as a test reads it ----------------------------------------------


def decidable_rows(page: str, kind: str) -> dict[str, dict[str, str]]:
    """data-id → the row's data attributes and text, for every decidable row of ``kind`` (an occurrence's
    ``group_version``: its surface's decision as the page showed it)."""
    out = {}
    tag = "tr" if kind == "surface" else "li"
    for m in re.finditer(rf'<{tag} class="decidable" data-kind="{kind}" data-id="([^"]+)" data-version="([^"]+)"'
                         rf'(?: data-group-version="([^"]+)")?(?: data-category="([^"]+)")?>(.*?)</{tag}>',
                         page, re.S):
        out[m[1]] = {"version": m[2], "group_version": m[3] or "", "category": m[4] or "", "html": m[5]}
    return out


def occurrence_body(oid: str, row: dict[str, str], decision: str = "accept") -> dict[str, str]:
    """What the page posts to decide one occurrence: both versions it showed."""
    return {"kind": "occurrence", "id": oid, "decision": decision, "version": row["version"],
            "group_version": row["group_version"]}


#: the version of an empty set of undecided items, as a page with nothing left would send it
NOTHING_OPEN = hashlib.sha256(b"").hexdigest()[:16]


def open_version(client: TestClient) -> str:
    found = re.search(r'data-action="accept-all" data-undecided="([0-9a-f]+)"', client.get("/secure/review").text)
    assert found, "no 'Redact everything undecided' button"
    return found[1]
