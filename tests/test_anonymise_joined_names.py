"""A name found in pieces is one placeholder: "Kemi adebayo" reads "[name removed]", not two side by side.

The pieces stay separate proposals (so a decision on "Kemi" still reaches every "Kemi"); only the stretch
sign-off replaces is joined, and the preview, the redaction key and the leak check read the same text.
"""

from __future__ import annotations

import json
from pathlib import Path

from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.apply import apply_spans
from cmo_coder.anonymise.joining import join_people
from cmo_coder.anonymise.models import Proposal
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project
from tests.fuzzing import fuzz_settings

KEY = [KeyEntry(label="P1", name="Tobias Lindqvist", role="service_user", site="A"),
       KeyEntry(label="SP1", name="Harriet Pask", role="staff", site="A")]


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _prop(start: int, end: int, text: str, category: str = "person") -> Proposal:
    return Proposal(id=f"red-{start}-{end}", start=start, end=end, surface=text[start:end], category=category,
                    layers=["rules"], score=1.0, reason="test", placeholder="[name removed]")


def _entries(text: str, words: list[str], category: str = "person") -> list[tuple[Proposal, tuple[int, int, str]]]:
    out = []
    for w in words:
        s = text.index(w)
        out.append((_prop(s, s + len(w), text, category), (s, s + len(w), "[name removed]")))
    return out


def _joined(text: str, words: list[str], category: str = "person") -> str:
    runs = join_people(text, [(0, len(text))], _entries(text, words, category))
    return apply_spans(text, [span for _, span in runs])[0]


def test_pieces_of_one_name_side_by_side_become_one_placeholder() -> None:
    assert _joined("I spoke to Kemi adebayo yesterday.", ["Kemi", "adebayo"]) == "I spoke to [name removed] yesterday."
    assert _joined("then grainne okafor bright rang", ["grainne", "okafor", "bright"]) == "then [name removed] rang"


def test_people_apart_stay_apart() -> None:
    # a comma, "and", a line break: each may start another person
    assert _joined("Kemi, Tobias and me", ["Kemi", "Tobias"]) == "[name removed], [name removed] and me"
    assert _joined("Kemi and Tobias", ["Kemi", "Tobias"]) == "[name removed] and [name removed]"
    assert _joined("said kemi\ntobias came", ["kemi", "tobias"]) == "said [name removed]\n[name removed] came"


def test_only_people_with_the_same_placeholder_are_joined() -> None:
    text = "Kemi Larchfield"
    entries = _entries(text, ["Kemi"]) + [(_prop(5, 15, text, "place"), (5, 15, "[place name]"))]
    runs = join_people(text, [(0, len(text))], entries)
    assert [span for _, span in runs] == [(0, 4, "[name removed]"), (5, 15, "[place name]")]


def test_an_undecided_item_in_a_preview_is_never_joined() -> None:
    text = "Kemi Kemi"
    entries = [(_prop(0, 4, text), (0, 4, "⟦?Kemi⟧")), (_prop(5, 9, text), (5, 9, "⟦?Kemi⟧"))]
    assert len(join_people(text, [(0, len(text))], entries)) == 2


def test_a_join_never_crosses_a_turn() -> None:
    text = "said Kemi Tobias came"
    entries = _entries(text, ["Kemi", "Tobias"])
    assert len(join_people(text, [(0, 9), (10, len(text))], entries)) == 2


_WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=6)
_GAPS = st.sampled_from([" ", "  ", "\t", ", ", " and ", "\n", ". "])


@fuzz_settings(40)
@given(st.lists(st.tuples(_WORD, _GAPS, st.booleans()), min_size=1, max_size=12))
def test_joined_spans_slice_exactly_and_cover_what_each_piece_covered(parts: list[tuple[str, str, bool]]) -> None:
    text, entries = "", []
    for word, gap, removed in parts:
        if removed:
            entries.append((_prop(len(text), len(text) + len(word), text + word),
                            (len(text), len(text) + len(word), "[name removed]")))
        text += word + gap
    runs = join_people(text, [(0, len(text))], entries)
    spans = [span for _, span in runs]
    assert sorted(p.id for members, _ in runs for p in members) == sorted(p.id for p, _ in entries)
    for members, (s, e, _) in runs:
        assert s == members[0].start and e == members[-1].end
        assert text[s:e].startswith(members[0].surface) and text[s:e].endswith(members[-1].surface)
        between = text[s:e]
        for p in members:
            between = between.replace(p.surface, "", 1)
        assert not between.strip(" \t")  # only spaces were swallowed
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
    # every letter a piece covered is still covered
    assert all(any(s <= p.start and p.end <= e for s, e, _ in spans) for p, _ in entries)


def test_sign_off_preview_key_and_leak_check_agree_on_the_joined_span(tmp_path: Path, project: Project) -> None:
    sf = secure_folder(tmp_path, KEY)
    said = "I spoke to Kemi adebayo yesterday, and Harriet was there."
    raw = add_pending(project, sf, "t1", [("P1", "Tobias Lindqvist", said)])
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s).exit_code == 0
    assert run("review", p, "--secure", s, "--accept-all").exit_code == 0
    preview = json.loads(run("show", p, "t1", "--secure", s, "--preview", "--json").stdout)["text"]
    r = run("review", p, "--secure", s, "--sign-off")
    assert r.exit_code == 0, r.output
    q = Project.open(p)
    try:
        signed = q.transcript("t1").text
    finally:
        q.close()
    assert signed == preview == "I spoke to [name removed] yesterday, and [name removed] was there."
    key = json.loads((sf.path / "redaction-key.json").read_text(encoding="utf-8"))["t1"]
    assert [k["original"] for k in key] == ["Kemi adebayo", "Harriet"]
    for k in key:
        assert raw.text[k["start"]:k["end"]] == k["original"]
    assert apply_spans(raw.text, [(k["start"], k["end"], k["placeholder"]) for k in key])[0] == signed
    assert run("leakcheck", p, "--secure", s).exit_code == 0
