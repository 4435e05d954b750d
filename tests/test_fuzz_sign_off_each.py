"""Fuzz target: ``review --sign-off`` deciding each transcript on its own (``cli/anonymise_cmds.py``,
``anonymise/review.sign_off``), on projects drawn at random.

Each example is a small project of two to four pending transcripts whose turns are spoken by manifest people, a
facilitator, a provisional speaker ("Shug"), members together (``SP1 & P1``), the group (``ALL``) or a voice
nobody placed, and whose speech holds registered names and a surface a reviewer added by hand (``--redact``) in
random casings, wrapped in odd punctuation (an ellipsis, a possessive, quotes, a dash, a line break, a no-break
space). Before the run under test, some transcripts are decided (``--accept-all`` on them alone), some are left
undecided, and some are signed off already. The contract of ``review --sign-off --json``:

- every pending transcript is either signed off, with no registered or accepted surface left in its stored text
  in any casing, its turns inside the text in order, and its text the raw text with exactly the redaction key's
  spans replaced (each span slicing its original exactly); or refused, listed under ``refused`` with the
  transcript named and what to do, still pending, with no redaction-key entry;
- a transcript signed off before is untouched; no decision is lost;
- the exit code is 1 exactly when one was refused;
- a second run changes nothing (no text, status, decision or key entry) and refuses the same transcripts.

Naming a transcript that is already signed off is refused whole, naming it, with nothing changed.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from fuzzing import fuzz_settings
from hypothesis import event, given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.apply import apply_spans
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
KEY = [
    KeyEntry(label="SP1", name="Margaret Okafor", role="staff", site="A"),
    KeyEntry(label="P1", name="Will Jenkins", role="service_user", site="A"),
    KeyEntry(label="P2", name="Dawn Foster", role="carer", site="B"),
    KeyEntry(label="F1", name="Kay Ibbotson", role="facilitator", site="A"),
    KeyEntry(label="U9", name="Shug", provisional=True),
]
SPEAKERS = ["SP1", "P1", "P2", "F1", "U9", "SP1 & P1", "P1 & P2", "ALL", "UNPLACED"]
REGISTER = [("Jo", "person"), ("Grace", "person"), ("Hope", "person"), ("Tarleton", "place"),
            ("Attercliffe Road", "street")]
ADDED = "Brackley"  # a surface the tool never proposed, added by the reviewer with --redact
SAID = ["Margaret", "Okafor", "Mrs Okafor", "Will", "Jenkins", "Dawn", "Foster", "Dawn Foster", "Kay", "Ibbotson",
        "Shug", "Jo", "Grace", "Hope", "Tarleton", "Attercliffe Road", ADDED, ADDED]
FILLER = ["the", "we", "went", "said", "and", "with", "ok", "so", "that", "really", "I", "will", "hope", "to",
          "it", "was", "my", "our", "she", "told", "thanks", "um", "business", "over", "in"]
GAPS = [" ", " ", "  ", "\n", "\u00a0", " \n ", "\t"]
BEFORE = ["", "", "(", "'", '"', "\u201c", "…", "\n", "-", "\u00a0"]
AFTER = ["", "", ",", ".", "…", "'s", "\u2019s", "?", ")", "'", "!", "\n", "\u201d", "\u2014", ":", "..."]


def recase(word: str, how: int) -> str:
    return [word, word.lower(), word.upper(), word.title(), word.swapcase()][how]


@st.composite
def speech(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(2, 10))):
        if draw(st.booleans()):
            word = recase(draw(st.sampled_from(SAID)), draw(st.integers(0, 4)))
            word = word.replace(" ", draw(st.sampled_from(GAPS)))  # a two-word name across a line, a wide gap
            parts.append(draw(st.sampled_from(BEFORE)) + word + draw(st.sampled_from(AFTER)))
        else:
            parts.append(draw(st.sampled_from(FILLER)))
    return " ".join(parts).strip() or "ok"


@st.composite
def projects(draw: st.DrawFn) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """``[(id, plan, turns)]``: plan is ``decide``, ``leave`` or ``signed`` (decided and signed off before)."""
    out = []
    for n in range(draw(st.integers(2, 4))):
        lower = draw(st.booleans())  # captions: the whole transcript lower-cased
        turns = []
        for _ in range(draw(st.integers(1, 4))):
            label = draw(st.sampled_from(SPEAKERS))
            said = draw(speech())
            turns.append((label, label, said.lower() if lower else said))
        label, name, said = turns[0]
        turns[0] = (label, name, f"{said} (part {n})")  # two files of the same bytes are one file to the import
        out.append((f"t{n}", draw(st.sampled_from(["decide", "decide", "leave", "signed"])), turns))
    return out


def _forms() -> re.Pattern[str]:
    from cmo_coder.anonymise.register import person_variants, plain_variants

    forms = {f for e in KEY for f in person_variants(e.name)}
    forms |= {f for s, c in REGISTER for f in (person_variants(s) if c == "person" else plain_variants(s))}
    forms.add(ADDED)
    body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


FORMS = _forms()


def _state(root: Path, sf: Path) -> dict[str, object]:
    """Everything sign-off may change: statuses, stored texts and turns, the redaction key, the decisions."""
    project = Project.open(root / "study")
    try:
        status = {t: project.transcript_status(t) for t in sorted(project.transcript_ids())}
        texts = {t: project.transcript(t).model_dump_json() for t, s in status.items() if s == "signed_off"}
    finally:
        project.close()
    files = {name: (sf / name).read_text(encoding="utf-8") if (sf / name).exists() else None
             for name in ("redaction-key.json", "decisions.json")}
    return {"status": status, "texts": texts, **files}


def _run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [str(a) for a in args])


def _check_signed(root: Path, sf: Path, tid: str, raw_text: str) -> None:
    project = Project.open(root / "study")
    try:
        signed = project.transcript(tid)
    finally:
        project.close()
    left = [m.group(0) for m in FORMS.finditer(signed.text)]
    assert left == [], (tid, left, signed.text)
    ends = 0
    for t in signed.turns:
        assert ends <= t.start <= t.end <= len(signed.text), (tid, t)
        ends = t.end
    key = json.loads((sf / "redaction-key.json").read_text(encoding="utf-8"))[tid]
    for k in key:
        assert raw_text[k["start"]:k["end"]] == k["original"]
    expected, _ = apply_spans(raw_text, [(k["start"], k["end"], k["placeholder"]) for k in key])
    assert signed.text == expected


@pytest.mark.fuzz
@fuzz_settings(6)
@given(case=projects())
def test_sign_off_decides_each_transcript_and_a_second_run_changes_nothing(
        case: list[tuple[str, str, list[tuple[str, str, str]]]]) -> None:
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook, actor="tester")
        secure = secure_folder(root, KEY)
        sf = secure.path
        raws = {tid: add_pending(project, secure, tid, turns).text for tid, _, turns in case}
        project.close()
        reg = root / "register.csv"
        reg.write_text("surface,category\n" + "".join(f"{s},{c}\n" for s, c in REGISTER), encoding="utf-8")
        study = root / "study"
        r = _run("anonymise", study, "--secure", sf, "--register", reg)
        assert r.exit_code == 0, r.output
        r = _run("review", study, "--secure", sf, "--redact", ADDED, "--category", "place")
        assert r.exit_code == 0, r.output
        decided = [tid for tid, plan, _ in case if plan != "leave"]
        if decided:
            r = _run("review", study, "--secure", sf, "--accept-all", *decided)
            assert r.exit_code == 0, r.output
        early = [tid for tid, plan, _ in case if plan == "signed"]
        if early:
            r = _run("review", study, "--secure", sf, "--sign-off", *early)
            assert r.exit_code in (0, 1) and r.exception is None or isinstance(r.exception, SystemExit), r.output
        before = _state(root, sf)
        pending = sorted(t for t, s in before["status"].items() if s == "pending")  # type: ignore[union-attr]
        if not pending:
            return
        signed_before = [t for t in raws if t not in pending]
        if signed_before:  # naming a signed-off transcript refuses the whole command and changes nothing
            r = _run("review", study, "--secure", sf, "--sign-off", signed_before[0], *pending)
            assert r.exit_code == 1 and f"transcript {signed_before[0]} is not pending" in r.output, r.output
            assert _state(root, sf) == before

        r = _run("review", study, "--secure", sf, "--sign-off", "--json")
        assert r.exception is None or isinstance(r.exception, SystemExit), r.output
        out = json.loads(r.stdout)
        refused = {x["transcript"]: x["reason"] for x in out["refused"]}
        assert r.exit_code == (1 if refused else 0), r.output
        event(f"{len(refused)} of {len(pending)} refused")
        for why in refused.values():
            event("refused: " + ("undecided" if "undecided" in why else "provisional" if "provisional" in why
                                 else "group" if "group" in why else "other"))
        assert sorted([*out["signed_off"], *refused]) == pending and not set(out["signed_off"]) & set(refused)
        after = _state(root, sf)
        for tid, why in refused.items():
            assert why.startswith(f"transcript {tid}") and "cmo-coder" in why, why
            assert f"transcript {tid}" in r.stderr
            assert after["status"][tid] == "pending"  # type: ignore[index]
            assert tid not in json.loads(after["redaction-key.json"] or "{}")  # type: ignore[arg-type]
        if refused:
            assert f"{len(refused)} of {len(pending)} transcript(s) not signed off" in r.stderr
        for tid in out["signed_off"]:
            assert after["status"][tid] == "signed_off"  # type: ignore[index]
        for tid in [*signed_before, *out["signed_off"]]:
            _check_signed(root, sf, tid, raws[tid])
        for tid in signed_before:  # signed off before: untouched
            assert after["texts"][tid] == before["texts"][tid]  # type: ignore[index]
        kept = json.loads(before["decisions.json"] or "{}")  # type: ignore[arg-type]
        now = json.loads(after["decisions.json"] or "{}")  # type: ignore[arg-type]
        for part, decided_before in kept.items():  # no decision lost
            if isinstance(decided_before, dict):
                assert set(decided_before) <= set(now.get(part, {})), part

        again = _run("review", study, "--secure", sf, "--sign-off", "--json")
        assert again.exit_code == r.exit_code, again.output
        out2 = json.loads(again.stdout)
        assert out2["signed_off"] == [] and {x["transcript"] for x in out2["refused"]} == set(refused)
        assert _state(root, sf) == after
