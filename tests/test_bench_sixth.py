"""The sixth anonymisation set (``benchmarks/sixth.py``): its files import as a team's would, and its stand-off
gold lands on the imported text, every span slicing to its surface. No anonymiser runs here.

The locator's own cases are invented for these tests (people and places that exist nowhere)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.ingest import import_files
from cmo_coder.model import Transcript
from cmo_coder.store import Project

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import sixth as sx  # noqa: E402


@pytest.fixture(scope="module")
def study() -> sx.Study:
    return sx.load_study()


def _row(surface: str, where: str = "1", cls: str = "person_unregistered", kind: str = "person",
         form: str = "given", note: str = "", line: int = 2) -> sx.GoldRow:
    return sx.GoldRow(surface, where, cls, kind, form, note, line)


# ------------------------------------------------------------------------------------------- the set itself
@pytest.mark.parametrize("caption", [False, True])
def test_every_session_imports_and_its_gold_slices_to_its_surface(tmp_path: Path, study: sx.Study,
                                                                  caption: bool) -> None:
    written = sx.write_set(tmp_path / "files", study, caption)
    project = Project.create(tmp_path / "study", codebook_io.load("tiny"), actor="t")
    report = import_files(project, [p for _, p in written], tmp_path / "secure", manifest=study.manifest,
                          infer_speakers=True)
    project.close()
    by_path = {Path(f.path).resolve(): f for f in report.files}
    formats = set()
    for session, path in written:
        f = by_path[path.resolve()]
        assert f.status == "imported", f.error
        assert not [sp for sp in f.speakers if sp.startswith("U")], f"{path.name}: a speaker the manifest lacks"
        formats.add(f.source_format)
        raw = Transcript.model_validate_json((tmp_path / "secure" / "raw" / f"{f.transcript_id}.json").read_text())
        spans = sx.locate(raw.text, session.gold, path.name)
        assert len(spans) == len(session.gold)
        for x in spans:
            assert " ".join(raw.text[x.start:x.end].split()) == x.row.surface
        sx.check_registered(spans, raw.text, study, path.name)
        assert (raw.text == raw.text.lower()) == caption
    assert formats == ({"srt", "zoom_vtt", "teams_vtt"} if caption else
                       {"teams_vtt", "zoom_vtt", "otter_txt", "teams_docx", "srt", "plain_txt"})


def test_the_set_has_the_promised_shape(study: sx.Study) -> None:
    captions = [s for s in study.sessions if s.caption]
    assert 10 <= len(study.sessions) <= 12 and 4 <= len(captions) <= 5
    stems = {s.file.split(".")[0] for s in study.sessions}
    assert {p.name.removesuffix(".gold.tsv") for p in sx.SOURCE.glob("*.gold.tsv")} == stems
    classes = {r.cls for s in study.sessions for r in s.gold}
    assert classes == sx.CLASSES
    assert not list(sx.SOURCE.glob("*.docx")), "a DOCX is built from its text source, never committed"


def test_the_team_files_are_what_the_commands_read(study: sx.Study) -> None:
    with study.register.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["category"] for r in rows} <= {"person", "place", "hospital", "ward", "trust", "service"}
    assert all(r["surface"] and r["surface"] == r["surface"].strip() for r in rows)
    with study.manifest.open(encoding="utf-8", newline="") as fh:
        people = list(csv.DictReader(fh))
    assert {"name", "aliases", "role", "site", "label"} <= set(people[0])
    assert {p["role"] for p in people} == {"facilitator", "staff", "service_user", "carer"}
    assert "" not in {p["site"] for p in people if p["role"] != "facilitator"}


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_the_benchmark_runs_the_set_as_its_own_blind_table(tmp_path: Path, lower: bool) -> None:
    import anonymise

    assert "sixth" in anonymise.SETS and "NOBODY tunes" in anonymise.TUNED["sixth"]
    files, manifest, register, standoff = anonymise._sixth_files(tmp_path, lower)
    assert manifest.read_bytes() == (sx.SOURCE / "participants.csv").read_bytes()
    assert register.read_bytes() == (sx.SOURCE / "register.csv").read_bytes()
    assert len(files) == (5 if lower else 7) and set(standoff) == {p for p, _ in files}


def test_writing_the_set_twice_gives_the_same_bytes(tmp_path: Path, study: sx.Study) -> None:
    for caption in (False, True):
        a = sx.write_set(tmp_path / "a", study, caption)
        b = sx.write_set(tmp_path / "b", study, caption)
        assert [p.read_bytes() for _, p in a] == [p.read_bytes() for _, p in b]


# ------------------------------------------------------------------------------------------------ the locator
def test_an_occurrence_counts_whole_words_only() -> None:
    text = "Anna rang, then Ann came.\n\nann said Ann's fine"
    spans = sx.locate(text, (_row("Ann", "1"), _row("Ann's", "1", form="possessive")), "t")
    assert [text[x.start:x.end] for x in spans] == ["Ann", "Ann's"]
    assert spans[0].start == text.index("Ann came")


def test_a_surface_matches_across_a_caption_join() -> None:
    text = "we went to the royal\nmarrowfield on the bus"
    [x] = sx.locate(text, (_row("royal marrowfield", "1", "place", "hospital", ""),), "t")
    assert text[x.start:x.end] == "royal\nmarrowfield"


def test_a_left_context_picks_the_next_occurrence() -> None:
    text = "Tobiah came. Then I told Tobiah it was fine, and Tobiah left."
    spans = sx.locate(text, (_row("Tobiah", "1"), _row("Tobiah", "after:Then I told"), _row("Tobiah", "3")), "t")
    assert spans[1].start == text.index("Tobiah it")
    assert [text[x.start:x.end] for x in spans] == ["Tobiah"] * 3


@pytest.mark.parametrize("rows, message", [
    ((_row("Quennell", "3"),), "occurs 2 times, not 3"),
    ((_row("Quennell", "after:rang"),), "occurs 2 times"),
    ((_row("Quennell", "after:nobody"),), "occurs 0 times"),
    ((_row("Quennell", "1"),), "also occurs"),
    ((_row("Quennell", "1"), _row("Mrs Quennell", "1", form="title_surname")), "overlap"),
])
def test_a_gold_file_that_does_not_fit_is_refused(rows: tuple[sx.GoldRow, ...], message: str) -> None:
    text = "Mrs Quennell rang. Quennell rang again."
    with pytest.raises(sx.GoldError, match=message):
        sx.locate(text, rows, "t")


@pytest.mark.parametrize("line, message", [
    ("Quennell\t1\tperson\tperson\tgiven", "unknown class"),
    ("Quennell\t1\tperson_registered\ttown\tgiven", "kind"),
    ("Quennell\t1\tperson_registered\tperson\t", "form"),
    ("Upper Skelby\t1\tplace\ttown\tgiven", "form"),
    ("Upper Skelby\tfirst\tplace\ttown", "occurrence"),
    ("Upper Skelby \t1\tplace\ttown", "space"),
    ("sp nine\t1\tnegative\tstudy_label\t\tmaybe", "unknown note"),
])
def test_a_malformed_gold_line_names_its_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.gold.tsv"
    path.write_text("surface\twhere\tclass\tkind\tform\tnote\n" + line + "\n", encoding="utf-8")
    with pytest.raises(sx.GoldError, match=rf"x\.gold\.tsv:2: .*{message}"):
        sx.read_gold(path)


def _mini_study(tmp_path: Path) -> sx.Study:
    (tmp_path / "participants.csv").write_text(
        "name,aliases,role,site,label\nPerpetua Ikwuemesi,Pet Ik,service_user,Skelby,\n", encoding="utf-8")
    (tmp_path / "register.csv").write_text(
        "surface,category,placeholder,aliases\nOswin Trebarwith,person,,\nHawksmoor Lodge,service,,\n",
        encoding="utf-8")
    words, places = sx.registered(tmp_path / "participants.csv", tmp_path / "register.csv")
    return sx.Study([], tmp_path / "participants.csv", tmp_path / "register.csv", words, places)


@pytest.mark.parametrize("text", ["Oswin rang from Skelby about Hawksmoor Lodge.",
                                  "oswin rang from skelby about hawksmoor lodge"])
def test_registered_classes_agree_with_the_team_files(tmp_path: Path, text: str) -> None:
    s = _mini_study(tmp_path)
    cased = text[0].isupper()
    rows = (_row("Oswin" if cased else "oswin", cls="person_registered"),
            _row("Skelby" if cased else "skelby", cls="place_registered", kind="town", form=""),
            _row("Hawksmoor Lodge" if cased else "hawksmoor lodge", cls="place_registered", kind="service", form=""))
    sx.check_registered(sx.locate(text, rows, "t"), text, s, "t")  # no error: every class fits
    wrong = (rows[0], rows[1], _row(rows[2].surface, cls="place", kind="service", form=""))
    with pytest.raises(sx.GoldError, match="is not named|named by"):
        sx.check_registered(sx.locate(text, wrong, "t"), text, s, "t")
    unreg = (_row(rows[0].surface), rows[1], rows[2])
    with pytest.raises(sx.GoldError, match="bears a registered name"):
        sx.check_registered(sx.locate(text, unreg, "t"), text, s, "t")
    other = (_row(rows[0].surface, note="other"), rows[1], rows[2])
    sx.check_registered(sx.locate(text, other, "t"), text, s, "t")  # someone else of the same name
    with pytest.raises(sx.GoldError, match="has no gold row"):
        sx.check_registered(sx.locate(text, rows[1:], "t"), text, s, "t")


@pytest.mark.parametrize("text", ["We passed the Pet Shop in Skelby.", "we passed the pet shop in skelby"])
def test_a_registered_name_word_said_as_a_word_needs_its_own_row(tmp_path: Path, text: str) -> None:
    """"Pet" is a registered alias: said as a word it must still be labelled (a negative the study keeps)."""
    s = _mini_study(tmp_path)
    town = _row(text.split()[-1].rstrip("."), cls="place_registered", kind="town", form="")
    with pytest.raises(sx.GoldError, match="has no gold row"):
        sx.check_registered(sx.locate(text, (town,), "t"), text, s, "t")
    word = _row(text.split()[3], cls="negative", kind="everyday_word", form="")
    sx.check_registered(sx.locate(text, (town, word), "t"), text, s, "t")


# ------------------------------------------------------------------------------------------------- property
_FILLER = st.sampled_from(["and", "then", "we", "went", "to", "the", "clinic", "on", "tuesday", "she", "said"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_FILLER, max_size=6), min_size=2, max_size=6),
       st.sampled_from(["Zebedee Quarmby", "zebedee quarmby", "Dr Quarmby's", "Quarmby"]),
       st.lists(st.sampled_from([" ", "\n", "  ", "\n\n"]), min_size=40, max_size=40), st.data())
def test_every_occurrence_is_found_where_it_was_put(chunks: list[list[str]], surface: str, gaps: list[str],
                                                    data: st.DataObject) -> None:
    """Text of filler words with the surface between chunks (any whitespace inside it): the n-th row finds the
    n-th placement, and each span slices to the surface with its whitespace collapsed."""
    words: list[str] = []
    starts_at: list[int] = []  # word index where each placement starts
    for i, chunk in enumerate(chunks):
        words += chunk
        if i < len(chunks) - 1:
            starts_at.append(len(words))
            words += surface.split()
    text, where = "", []
    for i, w in enumerate(words):
        if i:
            text += gaps[i % len(gaps)]
        if i in starts_at:
            where.append(len(text))
        text += w
    k = data.draw(st.integers(min_value=1, max_value=len(where)))
    rows = tuple(_row(surface, str(n)) for n in range(1, len(where) + 1))
    spans = sx.locate(text, rows, "t")
    assert [x.start for x in spans] == where
    assert " ".join(text[spans[k - 1].start:spans[k - 1].end].split()) == surface
