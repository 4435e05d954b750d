"""The third invented anonymisation set (life stories, ``benchmarks/case_notes.py``): deterministic, its gold
slices exactly to its surfaces in the imported text, and its pools share no name with the other two sets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.ingest import import_files
from cmo_coder.model import Transcript
from cmo_coder.store import Project

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import anonymise as interviews  # noqa: E402
import case_notes as cn  # noqa: E402
import focus_groups as fg  # noqa: E402
from anon_table import PLACE_GENERIC, place_caught  # noqa: E402


def _tiny(seed: int = cn.SEED) -> cn.NoteStudy:
    """Two sessions a site (eight, every format once) of fourteen events: fast, and every stage of a life told."""
    return cn.make_study(seed=seed, sessions_per_site=2, events_per_story=14)


@pytest.fixture(scope="module")
def study() -> cn.NoteStudy:
    return _tiny()


def _speech(s: cn.NoteStudy) -> list[tuple[str, str, list[fg.Mention], list[str]]]:
    return [(t.speaker, t.text, t.mentions, f) for ns in s.sessions for t, f in zip(ns.session.turns, ns.forms,
                                                                                      strict=True)]


def test_generation_is_deterministic(study: cn.NoteStudy) -> None:
    assert _speech(study) == _speech(_tiny())
    assert _speech(_tiny(seed=1)) != _speech(study)


def test_every_mention_has_a_form_and_a_class(study: cn.NoteStudy) -> None:
    kinds = set()
    for ns in study.sessions:
        for t, forms in zip(ns.session.turns, ns.forms, strict=True):
            assert len(forms) == len(t.mentions)
            for m, form in zip(t.mentions, forms, strict=True):
                kinds.add(m.kind)
                assert bool(form) == (m.kind == "person"), (t.text[m.start:m.end], m.kind, form)
    assert kinds == {"person", *cn.PLACE_POOLS, *cn.NEGATIVE_POOLS}


def test_registered_people_are_named_as_registered(study: cn.NoteStudy) -> None:
    """A registered mention is a name the manifest or register gives, or its diminutive or misheard spelling;
    nobody else shares any of those words."""
    people = [(p.given, p.surname) for p in study.people] + [(c.given, c.surname) for s in study.sites
                                                             for c in s.staff]
    said = {w for given, surname in people for w in (given, surname, f"{given} {surname}")}
    for formal in (cn.FORMAL_F, cn.FORMAL_M):
        said |= {short for given, short in formal.items() if given in said}
    said |= {cn.MISHEARD[g] for g in said if g in cn.MISHEARD}
    n = 0
    for _, text, mentions, _ in _speech(study):
        for m in mentions:
            if m.kind == "person":
                surface = text[m.start:m.end]
                assert (surface in said) == m.registered, surface
                if not m.registered:
                    assert not said & {surface, *surface.split()}, surface
                n += m.registered
    assert n > 20


@pytest.mark.parametrize("caption", [False, True])
def test_gold_slices_to_its_surface_in_the_imported_text(tmp_path: Path, study: cn.NoteStudy, caption: bool) -> None:
    written = cn.write_set(tmp_path / "files", study, caption)
    cn.write_manifest(tmp_path / "participants.csv", study)
    project = Project.create(tmp_path / "study", codebook_io.load("tiny"), actor="t")
    report = import_files(project, [p for _, p, _, _ in written], tmp_path / "secure",
                          manifest=tmp_path / "participants.csv", infer_speakers=True)
    project.close()
    by_path = {Path(f.path).resolve(): f for f in report.files}
    formats = set()
    for _, path, turns, forms in written:
        f = by_path[path.resolve()]
        assert f.status == "imported", f.error
        assert not [sp for sp in f.speakers if sp.startswith("U")], f"{path.name}: speaker not in the manifest"
        formats.add(f.source_format)
        raw = Transcript.model_validate_json((tmp_path / "secure" / "raw" / f"{f.transcript_id}.json").read_text())
        located = fg.locate(raw.text, turns, path.name)  # raises unless every mention slices to its surface
        assert len(located) == len(forms) == sum(len(t.mentions) for t in turns)
        for x, turn_mention in zip(located, [m for t in turns for m in t.mentions], strict=True):
            assert x.mention == turn_mention
    assert len(formats) == (5 if caption else 7)


def test_register_is_accepted_and_names_site_places(tmp_path: Path, study: cn.NoteStudy) -> None:
    from cmo_coder.anonymise.register import load_register_csv

    cn.write_register(tmp_path / "register.csv", study)
    items = load_register_csv(tmp_path / "register.csv")
    assert {i.category for i in items} == {"person", "place", "hospital", "ward", "service", "trust"}
    assert any(" " not in i.surface for i in items if i.category == "person")  # some staff by given name only


def test_pools_share_no_name_with_the_other_two_sets() -> None:
    ours = {*cn.GIVEN_F, *cn.GIVEN_M, *cn.EVERYDAY_F, *cn.EVERYDAY_M, *cn.FORMAL_F, *cn.FORMAL_F.values(),
            *cn.FORMAL_M, *cn.FORMAL_M.values(), *cn.MISHEARD.values(), *cn.SURNAMES}
    ours |= {x.removeprefix("the ") for pool in [*cn.PLACE_POOLS.values(), *cn.NEGATIVE_POOLS.values()] for x in pool}
    theirs = {*fg.EVERYDAY_GIVEN, *fg.SHORT_GIVEN, *fg.OTHER_GIVEN, *fg.SURNAMES, *fg.TOWNS, *fg.HOSPITALS,
              *fg.SERVICES, *fg.STREETS, *(x for pool in fg.NEGATIVE_POOLS.values() for x in pool)}
    theirs |= {w for name in interviews.REGISTERED + interviews.UNREGISTERED + interviews.UNREGISTERED_WORDLIKE
               for w in name.split()}
    theirs |= {*interviews.CITIES, *interviews.HOSPITALS, *interviews.NEGATIVES, *interviews.KEEP_WORDS,
               *(p for p, _ in interviews.REG_PLACES), *(n for v in interviews.NICK.values() for n in v)}
    theirs = {x.removeprefix("the ").lower() for x in theirs}
    assert not sorted({x.lower() for x in ours} & theirs)


def test_place_names_generic_words_may_stay_only_for_this_set() -> None:
    text = "at the Old Forge Surgery"
    g = interviews.Gold(7, 24, "place", kind="practice")
    assert place_caught(text, g, [(7, 16)], PLACE_GENERIC | cn.PLACE_GENERIC_EXTRA)  # "[place] Surgery"
    assert not place_caught(text, g, [(7, 16)])  # the other sets keep their own list
    assert not place_caught(text, g, [(17, 24)], PLACE_GENERIC | cn.PLACE_GENERIC_EXTRA)


def test_deny_list_holds_the_named_sites_of_the_manifest(tmp_path: Path, study: cn.NoteStudy) -> None:
    from anon_table import deny_lists

    cn.write_manifest(tmp_path / "participants.csv", study)
    cn.write_register(tmp_path / "register.csv", study)
    _, places = deny_lists(tmp_path / "participants.csv", tmp_path / "register.csv")
    assert set(cn.SITE_TOWNS) <= set(places)
    assert not [p for p in places if len(p) < 3]


def test_a_kept_grandparent_word_before_a_removed_name_is_no_miss() -> None:
    """The benchmark scores what the anonymiser is meant to do: a grandparent's word it keeps ("Grandpa [name]")
    may stay; the name itself may not."""
    from cmo_coder.anonymise.layers.kin_titles import KIN_TITLES

    assert KIN_TITLES <= interviews._MAY_STAY
    text = "me and Grandpa Jim went"
    g = interviews.Gold(7, 18, "person_unregistered")
    assert interviews.covered(text, g, [(15, 18)])
    assert not interviews.covered(text, g, [(7, 14)])
