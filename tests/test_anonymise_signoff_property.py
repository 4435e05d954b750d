"""Property: after anonymise → review --accept-all → sign-off, no registered surface survives in any casing.

Transcripts mix registered names (everyday-word ones among them: Will, Dawn, Jo, Grace, Hope,
Rose, Mark, Faith, Sky) with filler, in random casings and wrapped in random punctuation,
ellipses, line breaks and possessives. Offsets must still hold: every redaction slices its
original exactly and the signed-off text is the raw text with exactly those redactions.
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
from hypothesis import given
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
]
REGISTER = ["Jo", "Grace", "Hope", "Rose", "Mark", "Faith", "Sky", "Tarleton", "Attercliffe Road"]
NAMES = ["Margaret", "Okafor", "Margaret Okafor", "Mrs Okafor", "Will", "Jenkins", "Will Jenkins", "Dawn", "Foster",
         "Dawn Foster", *REGISTER]
FILLER = ["the", "we", "went", "said", "and", "with", "ok", "so", "that", "really", "I", "will", "hope", "to",
          "it", "was", "mark", "my", "our", "she", "told", "thanks", "um", "business"]
BEFORE = ["", "", "(", "'", '"', "…", "\n"]
AFTER = ["", "", ",", ".", "…", "'s", "’s", "?", ")", "'", "!", "\n"]


def recase(word: str, how: int) -> str:
    return [word, word.lower(), word.upper(), word.title(), word.swapcase()][how]


@st.composite
def speech(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(3, 14))):
        if draw(st.booleans()):
            word = recase(draw(st.sampled_from(NAMES)), draw(st.integers(0, 4)))
            parts.append(draw(st.sampled_from(BEFORE)) + word + draw(st.sampled_from(AFTER)))
        else:
            parts.append(draw(st.sampled_from(FILLER)))
    text = " ".join(parts).strip()
    return text or "ok"


@st.composite
def transcripts(draw: st.DrawFn) -> tuple[list[tuple[str, str, str]], bool]:
    lower = draw(st.booleans())  # the whole transcript lower-cased, as captions are
    turns = []
    for i in range(draw(st.integers(1, 3))):
        said = draw(speech())
        turns.append((KEY[i % 3].label, KEY[i % 3].name, said.lower() if lower else said))
    return turns, lower


def registered_forms() -> list[str]:
    from cmo_coder.anonymise.register import person_variants, plain_variants

    forms = {f for e in KEY for f in person_variants(e.name)}
    forms |= {f for s in REGISTER for f in (person_variants(s) if " " not in s else plain_variants(s))}
    return sorted(forms, key=len, reverse=True)


FORMS = registered_forms()
PATTERN = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in FORMS)
                     + r")(?!\w)", re.IGNORECASE)


@pytest.mark.fuzz
@fuzz_settings(6)
@given(case=transcripts())
def test_no_registered_surface_survives_sign_off(case: tuple[list[tuple[str, str, str]], bool]) -> None:
    turns, _ = case
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook, actor="tester")
        sf = secure_folder(root, KEY)
        raw = add_pending(project, sf, "t1", turns)
        project.close()
        reg = root / "register.csv"
        reg.write_text("surface,category\n" + "".join(
            f"{s},{'place' if ' ' in s else 'person'}\n" for s in REGISTER), encoding="utf-8")
        runner = CliRunner()
        r = runner.invoke(cli, ["anonymise", str(root / "study"), "--secure", str(sf.path), "--register", str(reg)])
        assert r.exit_code == 0, r.output
        r = runner.invoke(cli, ["review", str(root / "study"), "--secure", str(sf.path), "--accept-all",
                                "--sign-off"])
        assert r.exit_code == 0, r.output
        project = Project.open(root / "study")
        try:
            signed = project.transcript("t1")
        finally:
            project.close()
        left = [m.group(0) for m in PATTERN.finditer(signed.text)]
        assert left == [], (left, signed.text)
        # offsets hold: each redaction slices its original, and the text is exactly the raw text redacted
        key = json.loads((sf.path / "redaction-key.json").read_text(encoding="utf-8"))["t1"]
        for k in key:
            assert raw.text[k["start"] : k["end"]] == k["original"]
        expected, remap = apply_spans(raw.text, [(k["start"], k["end"], k["placeholder"]) for k in key])
        assert signed.text == expected
        for old, new in zip(raw.turns, signed.turns, strict=True):
            assert (new.start, new.end) == (remap(old.start), remap(old.end))
