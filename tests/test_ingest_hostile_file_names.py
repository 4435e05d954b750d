"""Hostile file names and registers at import: a registered name never reaches the project through a file name.

A transcript's id is made from its file's name, and the id reaches the project, its exports and reports. A file
named after a registered person or place is imported as ``transcript-<n>``; these tests write the name as files
really arrive and as a careless or hostile hand writes it: with its accents dropped or added, in capitals, with
Cyrillic or Greek letters that look Latin, full-width or mathematical letters, zero-width and bidi characters
inside, separators between its letters, decomposed accents, ``..`` and backslashes around it, padded to the file
system's longest name. The register itself arrives with a BOM, blank rows, quoted commas, a formula-looking cell
or a name written twice: it is read, or the import is refused naming the file and line with nothing written.

The regular tests at the top are the defects found, kept as ordinary cases.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import ingest_fixtures as fx
import pytest
from fuzzing import REPO, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.folding import fold
from cmo_coder.errors import CmoError
from cmo_coder.ingest import import_files
from cmo_coder.ingest.speakers import SpeakerMap, load_manifest, stem_mentions_name
from cmo_coder.ingest.stem_register import stem_names
from cmo_coder.model.key import ParticipantKey
from cmo_coder.store import Project

REGISTER = """surface,category,placeholder,aliases
Siobhán Kelly,person,,
María Núñez,person,,Mari
Maerdy,place,,
Ynys Môn,place,,
Łukasz Wójcik,person,,
Søren Østergaard,person,,
"""
#: Each registered word a stem may hold alone (a place's words only together).
WORDS = ["siobhan", "kelly", "maria", "nunez", "maerdy", "lukasz", "wojcik", "soren", "ostergaard"]
RUNS = ["ynys mon"]


def _names(tmp: Path, register: str = REGISTER) -> object:
    p = tmp / "register.csv"
    p.write_text(register, encoding="utf-8")
    return stem_names(p, ParticipantKey())


def _held(tmp: Path, stem: str) -> bool:
    return bool(_names(tmp).held_by(stem))  # type: ignore[attr-defined]


# -- what was found, kept as regular tests ----------------------------------------------------------------------------
@pytest.mark.parametrize("stem", [
    "siobhan_interview", "SIOBHAN", "maria_int", "MARIA_NUNEZ", "Kélly-notes", "lukasz", "wojcik_fg",
    "soren_2024", "ostergaard", "ynys_mon_carers",
])
def test_a_registered_name_with_its_accents_changed_is_held(tmp_path: Path, stem: str) -> None:
    """"Siobhán" was registered as the words "siobh" and "án" (split at the accented letter), so "siobhan_interview"
    held no registered word and became the transcript's id; "Kélly" (an accent added) the same."""
    assert _held(tmp_path, stem)


@pytest.mark.parametrize("stem", [
    "M\u0430erdy_fg",  # a Cyrillic а
    "\uff2daerdy",  # a full-width M
    "\U0001d40c\U0001d41a\U0001d41e\U0001d42b\U0001d41d\U0001d432",  # mathematical bold letters
    "mae\u200brdy", "mae\u200drdy", "\u202emaerdy", "ma\u00aderdy",  # zero-width, bidi, a soft hyphen inside
    "\u039c\u0391\u0395RDY",  # Greek capitals Μ Α Ε
    "K\u0435lly",  # a Cyrillic е
    "mai\u0301ra".replace("i\u0301r", "r\u0131\u0301"),  # a decomposed accent on a dotless i
    "m-a-e-r-d-y", "Mae.rdy", "siob_han",
])
def test_a_registered_name_disguised_is_held(tmp_path: Path, stem: str) -> None:
    """Look-alike letters, compatibility forms, invisible characters and separators inside hid a name: each such
    stem became the id, and the id kept the name's Latin letters ("Ｍaerdy" → "aerdy", "mae\\u200brdy" →
    "mae-rdy")."""
    assert _held(tmp_path, stem)


@pytest.mark.parametrize("stem", ["interview_03", "staff_fg_site_b", "marine_notes", "kellogg", "mon_tue",
                                  "ynys", "\u041c\u0430\u0440\u0438\u044f"])
def test_words_that_are_not_registered_names_stay_ids(tmp_path: Path, stem: str) -> None:
    # a part of a place's name alone is not the place; a word of another script spelling no registered name is kept
    assert not _held(tmp_path, stem)


def test_a_manifest_name_with_its_accents_dropped_in_the_file_name_is_found(tmp_path: Path) -> None:
    """The participants manifest's check split "Siobhán" the same way: "siobhan_notes.txt" became the id."""
    p = tmp_path / "m.csv"
    p.write_text("name,aliases,role,site,label\nSiobhán Kelly,,staff,A,\n", encoding="utf-8")
    smap = SpeakerMap(ParticipantKey())
    smap.apply_manifest(load_manifest(p), str(p))
    tokens = smap.name_tokens()
    assert stem_mentions_name("siobhan_notes", tokens, ["Siobhán Kelly"])
    assert stem_mentions_name("SIOBHÁN", tokens, ["Siobhán Kelly"])
    assert stem_mentions_name("siobhankelly", tokens, ["Siobhán Kelly"])


def _tree(*roots: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() if p.is_file() else b"" for root in roots if root.exists()
            for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize("register", [
    "surface,category\nMaerdy\n",  # a row cut short
    "surface,category\nMaerdy,place\nmaerdy,place\n",  # the same name twice
    "surface,category\nMaerdy,planet\n",  # an unknown category
    "surface,category,placeholder\nMaerdy,place,ward name\n",  # a placeholder without brackets
])
def test_a_register_refused_with_a_good_manifest_writes_nothing(project: Project, tmp_path: Path,
                                                                register: str) -> None:
    """A bad register given with a good manifest wrote the manifest's participants into the project and the key
    into a new secure folder, then refused the import: a half import holding a participant's name."""
    reg = tmp_path / "register.csv"
    reg.write_text(register, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,aliases,role,site,label\nSiobhán Kelly,,staff,A,\n", encoding="utf-8")
    src = tmp_path / "notes.txt"
    src.write_text(fx.PLAIN, encoding="utf-8")
    before = _tree(project.path)
    with pytest.raises(CmoError, match=r"register\.csv:[23]"):
        import_files(project, [src], tmp_path / "secure", manifest=manifest, register=reg)
    assert not (tmp_path / "secure").exists()
    assert project.conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
    assert _tree(project.path).keys() == before.keys()


def test_a_manifest_that_does_not_fit_leaves_no_new_secure_folder(project: Project, tmp_path: Path) -> None:
    """A manifest refused against the key (two people with one label) left the secure folder it had just made."""
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,aliases,role,site,label\nAnn Lowe,,staff,A,SP1\nDai Price,,staff,A,SP1\n",
                        encoding="utf-8")
    src = tmp_path / "notes.txt"
    src.write_text(fx.PLAIN, encoding="utf-8")
    with pytest.raises(CmoError):
        import_files(project, [src], tmp_path / "secure", manifest=manifest)
    assert not (tmp_path / "secure").exists()
    assert project.conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 0


# -- registers as teams write them -------------------------------------------------------------------------------------
@pytest.mark.parametrize("register", [
    "\ufeffsurface,category\nMaerdy,place\n",  # a BOM
    "surface,category\n\n,\nMaerdy,place\n\n",  # blank rows
    'surface,category,placeholder,aliases\n"Kelly, Siobhán",person,,"Shiv; Siobh"\n',  # quoted commas
    "surface,category,placeholder,aliases\n=Maerdy,place,,\n'Siobhán Kelly,person,,\"=HYPERLINK(\"\"x\"\")\"\n",
])
def test_a_register_as_teams_write_it_still_holds_its_names(project: Project, tmp_path: Path,
                                                           register: str) -> None:
    reg = tmp_path / "register.csv"
    reg.write_text(register, encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    stem = "maerdy_interview" if "Maerdy" in register else "siobhan_interview"
    (d / f"{stem}.txt").write_text(fx.PLAIN, encoding="utf-8")
    report = import_files(project, [d / f"{stem}.txt"], tmp_path / "secure", register=reg)
    assert report.files[0].transcript_id == "transcript-1", report
    held = b"".join(_tree(project.path).values()).lower()
    assert b"maerdy" not in held and b"siobh" not in held


# -- the fuzz targets -------------------------------------------------------------------------------------------------
_CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "y": "\u0443",
             "x": "\u0445", "i": "\u0456", "s": "\u0455", "j": "\u0458", "K": "\u041a", "M": "\u041c",
             "A": "\u0410", "E": "\u0415", "O": "\u041e", "l": "\u04cf"}
_GREEK = {"o": "\u03bf", "i": "\u03b9", "v": "\u03bd", "M": "\u039c", "A": "\u0391", "K": "\u039a",
          "N": "\u039d", "Y": "\u03a5"}
_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202e", "\u2066", "\u00ad"]
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü", "n": "ñ", "c": "ç", "s": "š", "y": "ý"}
_OTHER = ["interview", "notes", "fg", "2024", "final", "v2", "transcript", "pt1", "descript", "otter", "copy"]


@st.composite
def _disguised(draw: st.DrawFn) -> tuple[str, str]:
    """A registered word or run in one hostile shape (or several), and the folded word it must be found as."""
    target = draw(st.sampled_from(WORDS + RUNS))
    written = {"siobhan": "Siobhán", "maria": "María", "nunez": "Núñez", "lukasz": "Łukasz", "wojcik": "Wójcik",
               "soren": "Søren", "ostergaard": "Østergaard", "ynys mon": "Ynys Môn"}.get(target, target.title())
    name = draw(st.sampled_from([written, target, fold(written)]))
    # case first: a look-alike changes case into another letter (Greek capital Ν lower-cased is ν, a "v")
    hows = sorted(draw(st.lists(st.sampled_from(["upper", "lower", "swap", "accent", "nfd", "camel", "cyrillic",
                                                 "greek", "wide", "invisible", "separators"]), min_size=1,
                                max_size=4)), key=lambda h: h not in ("upper", "lower", "swap", "camel"))
    for how in hows:
        if how == "upper":
            name = name.upper()
        elif how == "lower":
            name = name.lower()
        elif how == "swap":
            name = name.swapcase()
        elif how == "accent":
            name = "".join(_ACCENTED.get(c, c) if draw(st.integers(0, 2)) == 0 else c for c in name)
        elif how == "nfd":
            name = unicodedata.normalize("NFD", name)
        elif how in ("cyrillic", "greek"):
            table = _CYRILLIC if how == "cyrillic" else _GREEK
            name = "".join(table.get(c, c) if draw(st.booleans()) else c for c in name)
        elif how == "wide":
            name = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and draw(st.booleans()) else c for c in name)
        elif how == "invisible":
            at = draw(st.integers(0, len(name)))
            name = name[:at] + draw(st.sampled_from(_INVISIBLE)) + name[at:]
        elif how == "separators" and len(fold(name)) >= 5:
            at = draw(st.integers(1, len(name) - 1))
            name = name[:at] + draw(st.sampled_from(["-", ".", "_", " ", "--"])) + name[at:]
        elif how == "camel":
            name = "".join(w[:1].upper() + w[1:] for w in name.split(" "))
    return name, target


@st.composite
def _stem(draw: st.DrawFn) -> tuple[str, str]:
    name, target = draw(_disguised())
    before = draw(st.lists(st.sampled_from(_OTHER), max_size=3))
    after = draw(st.lists(st.sampled_from(_OTHER), max_size=3))
    sep = draw(st.sampled_from(["_", "-", " ", ".", "__", "..", "\\", " - "]))
    stem = sep.join([*before, name, *after])
    stem = draw(st.sampled_from(["", "..", "..\\", "...", "~", "'", "("])) + stem
    if draw(st.integers(0, 4)) == 0:  # padded to the longest name a file system takes (255 bytes with ".txt")
        pad = draw(st.sampled_from(_OTHER)) + "_"
        while len((pad + stem).encode()) + len(pad) < 250:
            pad += draw(st.sampled_from(_OTHER)) + "_"
        stem = (pad + stem)[-(250 - len(stem.encode()) + len(stem)):]
    return stem, target


@pytest.mark.fuzz
@fuzz_settings(200)
@given(_stem())
def test_fuzz_a_registered_name_in_any_shape_is_held(stem_target: tuple[str, str]) -> None:
    stem, _ = stem_target
    names = _NAMES_FOR_FUZZ
    assert names.held_by(stem), ascii(stem)  # type: ignore[attr-defined]


def _make_names() -> object:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return _names(Path(d))


_NAMES_FOR_FUZZ = _make_names()


@pytest.mark.fuzz
@fuzz_settings(8)
@given(_stem())
def test_fuzz_import_keeps_the_name_out_of_the_project(stem_target: tuple[str, str]) -> None:
    """The whole import: the transcript's id, and every byte of the project, hold no registered word."""
    import tempfile

    stem, target = stem_target
    if "\\" in stem or len(stem.encode()) > 250:
        stem = stem.replace("\\", "_")[-120:]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        reg = tmp / "register.csv"
        reg.write_text(REGISTER, encoding="utf-8")
        src = tmp / f"{stem}.txt"
        src.write_text(fx.PLAIN, encoding="utf-8")
        project = Project.create(tmp / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"))
        try:
            report = import_files(project, [src], tmp / "secure", register=reg)
        finally:
            project.close()
        assert report.files[0].status == "imported", report
        assert report.files[0].transcript_id == "transcript-1", ascii(stem)
        held = fold(b"".join(p.read_bytes() for p in sorted((tmp / "study").rglob("*")) if p.is_file())
                    .decode("utf-8", "replace"))
        assert fold(target) not in held
