"""Work moved to where it is needed, or done once instead of again, answers exactly as the plain code it replaces.

- the birth cue's patterns (``said_dates._birth``): compiled on the first turn that says a birth cue, not at
  import; every date of birth is found as by the patterns compiled at import;
- a kin word beside a registered name (``registered_kin._beside_name``): each side is read only for a word that
  can stand there;
- a given name's clipped forms (``familiar.clipped_forms``): kept per name, since the familiar forms of the common
  given names ask it of the same name three times;
- the register's forms as the sign-off proof reads them (``occurrences._form_table_of``): kept for the same item
  objects, since review asks them of every transcript and every placeholder.

Each is checked against a copy of the plain code on generated input drawn from the module's own words and
invented names. Every name, place and sentence here is invented for the project.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise import familiar, occurrences, registered_kin, review
from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.kin_words import KIN_LEADS, KIN_TAILS
from cmo_coder.anonymise.layers import caption_names, said_dates
from cmo_coder.anonymise.leakcheck import registered_items
from cmo_coder.anonymise.register import RegisterItem
from cmo_coder.anonymise.renderings import key as rendering_key
from cmo_coder.anonymise.renderings import plain_letters, renderings_pattern
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder
from tests.fuzzing import fuzz_settings


# ------------------------------------------------------------------------------ the birth cue's patterns
def _plain_dates_of_birth(text: str) -> list[tuple[int, int]]:
    """``dates_of_birth`` as it read with every pattern compiled at import (a copy of the plain code)."""
    m_ = said_dates
    patterns = [re.compile(p) for p in m_._PATTERNS]
    dob_ahead, extend = re.compile(m_._DOB_AHEAD), re.compile(m_._EXTEND)
    before_cue, born_in_place = re.compile(m_._BEFORE_CUE), re.compile(m_._BORN_IN_PLACE)
    said_again = re.compile(m_._SAID_AGAIN)

    def again_start(start: int) -> int:
        again = said_again.search(text[max(0, start - 90): start])
        return max(0, start - 90) + again.start("again") if again else start

    if not m_._ANY_CUE.search(text):
        return [m.span("age_on") for m in m_._AGE_ON.finditer(text)] if m_._AGE_CUE.search(text) else []
    out = [m_._date_span(m) for pattern in patterns for m in pattern.finditer(text)]
    for m in dob_ahead.finditer(text):
        if m.group("between").count("?") <= 1:
            out.append(m_._date_span(m))
    for m in before_cue.finditer(text):
        if not re.search(r"(?i)\b(?:and|again|to|into|with|early|late|abroad)\b", text[m.end(): m.end() + 12]):
            out.append((m_._date_span(m)[0], m.start("tail")))
    out.extend(m.span("age_on") for m in m_._AGE_ON.finditer(text))
    for m in born_in_place.finditer(text):
        if not any(w.lower() in m_._NOT_A_PLACE for w in m.group("place").split()):
            out.append((m.start("year"), m.end("year")))
    for i, (a, b) in enumerate(out):
        more = extend.match(text, b)
        if more and b > a:
            out[i] = (a, more.end())
    out = [(m_.weekday_start(text, again_start(a)), b) for a, b in out if b > a]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(set(out)):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


_DATE_WORDS = st.sampled_from([
    "born", "on", "in", "the", "third", "of", "march", "nineteen", "eighty-one", "eighty", "one", "erm", "date",
    "birth", "dob", "d", "o", "b", "birthday's", "my", "is", "was", "a", "ninety-one", "baby", "twelfth", "august",
    "no,", "sorry,", "twenty-first", "tuesday,", "she'll", "be", "ninety", "first", "december", "1962", "12/04/1960",
    "leeds", "at", "home", "and", "bred", "oh", "four", "two", "thousand", "sixty-two", "may", "well", ",", "?"])


@fuzz_settings(300)
@given(st.lists(_DATE_WORDS, max_size=18))
@example(["I", "was", "born", "on", "the", "third", "of", "March", "nineteen", "eighty-one"])
@example(["my", "date", "of", "birth", "is", "the", "twelfth", "of", "August,", "erm,", "eighty"])
@example(["born", "on", "the", "twenty-first,", "no,", "sorry,", "the", "twenty-first", "of", "March"])
@example(["she'll", "be", "ninety", "on", "the", "first", "of", "December"])
@example(["born", "in", "Leeds", "in", "1962", "and", "bred"])
def test_dates_of_birth_are_found_as_with_the_patterns_compiled_at_import(words: list[str]) -> None:
    text = " ".join(words)
    assert said_dates.dates_of_birth(text) == _plain_dates_of_birth(text)
    for a, b in said_dates.dates_of_birth(text):
        assert 0 <= a < b <= len(text)
    for start in range(0, len(text) + 1, 7):
        plain = re.compile(said_dates._SAID_AGAIN).search(text[max(0, start - 90): start])
        expected = max(0, start - 90) + plain.start("again") if plain else start
        assert said_dates.said_again_start(text, start) == expected


def test_a_turn_with_no_birth_cue_compiles_no_birth_pattern() -> None:
    code = ("from cmo_coder.anonymise.layers import said_dates as d\n"
            "assert d._birth.cache_info().currsize == 0\n"
            "assert d.dates_of_birth('we met on the third of March, we got there at ten') == []\n"
            "assert d.dates_of_birth('she will be ninety on the first of December') != []\n"
            "assert d._birth.cache_info().currsize == 0\n"
            "assert d.dates_of_birth('I was born on the third of March 1981') != []\n"
            "assert d._birth.cache_info().currsize == 1\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_birth_patterns_are_the_module_sources_with_their_flags() -> None:
    birth = said_dates._birth()
    assert [p.pattern for p in birth.dates] == list(said_dates._PATTERNS)
    assert [p.pattern for p in birth[1:]] == [said_dates._DOB_AHEAD, said_dates._EXTEND, said_dates._BEFORE_CUE,
                                              said_dates._BORN_IN_PLACE, said_dates._BORN_AT_PLACE_ON,
                                              said_dates._SAID_AGAIN]
    assert all(p.flags & re.IGNORECASE for p in (*birth.dates, *birth[1:]))


def test_invented_dates_of_birth_are_found_and_other_dates_stay() -> None:
    text = "Ottoline was born on the ninth of June nineteen seventy-four, and we met on the third of May."
    spans = said_dates.dates_of_birth(text)
    assert [text[a:b] for a, b in spans] == ["ninth of June nineteen seventy-four"]
    assert said_dates.dates_of_birth("we met on the third of May in Dunholme") == []


# ------------------------------------------------------------------------------ kin words beside a registered name
def _plain_beside_name(text: str, c: Candidate, names: set[tuple[int, int]]) -> bool:
    word = text[c.start:c.end].lower()
    gap = re.compile(r"[^\S\n]+")
    after = any((m := gap.match(text, e)) is not None and m.end() == c.start for _, e in names)
    before = any((m := gap.match(text, c.end)) is not None and m.end() == s for s, _ in names)
    return (word in KIN_TAILS and after) or (word in KIN_LEADS and before)


_KIN_TEXT_WORDS = st.sampled_from(["Auntie", "auntie", "Masi", "uncle", "Kaka", "Jaan", "Pushpa", "Ottoline",
                                   "Brannagh", "went", "home", "and", "the", "\n", "  ", "Bhaiyya", "Ammi"])


@fuzz_settings(300)
@given(st.lists(_KIN_TEXT_WORDS, min_size=1, max_size=10), st.data())
@example(["Pushpa", "Masi"], None)
@example(["Auntie", "Pushpa"], None)
def test_a_kin_word_beside_a_registered_name_is_told_as_by_the_plain_walk(words: list[str], data) -> None:
    text = " ".join(words)
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if data is None:
        names = {spans[1]} if words[0] == "Auntie" else {spans[0]}
    else:
        names = set(data.draw(st.lists(st.sampled_from(spans), max_size=4))) if spans else set()
    for a, b in spans:
        c = Candidate(a, b, "person", "ner", 0.8, "invented")
        assert registered_kin._beside_name(text, c, names) is _plain_beside_name(text, c, names)


def test_a_kin_word_beside_a_registered_name_is_left_and_a_kin_word_alone_goes() -> None:
    text = "Pushpa Masi came round, and Masi Ottoline too"
    name = Candidate(0, 6, "person", "register", 1.0, "registered")
    kin = Candidate(7, 11, "person", "ner", 0.8, "model")
    other = Candidate(27, 31, "person", "ner", 0.8, "model")
    kept = registered_kin.settle(text, [name, kin, other])
    assert [(c.start, c.end) for c in kept] == [(0, 6), (27, 31)]


# ------------------------------------------------------------------------------ clipped forms kept per name
_NAMES = st.text(alphabet="abcdefghijklmnoprstuvwyzéøł'-", min_size=0, max_size=12)


@fuzz_settings(300)
@given(_NAMES)
@example("Derek")
@example("Sanjay")
@example("Małgorzata")
def test_a_names_clipped_forms_kept_are_the_plain_ones(name: str) -> None:
    assert familiar.clipped_forms(name) == familiar.clipped_forms.__wrapped__(name)
    assert familiar.clipped_forms(name) == familiar.clipped_forms.__wrapped__(name)  # asked again: the same


def test_the_familiar_forms_of_common_names_are_the_plain_ones() -> None:
    plain = familiar.clipped_forms.__wrapped__
    forms: set[str] = set()
    for name in caption_names._sources():
        forms.update(plain(name))
        forms.update(familiar.silent_e_forms(name))
        forms.update(familiar.suffix_forms(name))
        low = familiar.fold(name)
        stems = [f for f in plain(low) if not (f[-1] == f[-2] and f[-1] not in "aeiouyl")]
        for f in list(stems):
            stems.append(f + "s")
            if f.endswith("ck"):
                stems.append(f[:-2] + "x")
            elif f.endswith(("k", "c")):
                stems.append(f[:-1] + "x")
        forms.update(f for f in dict.fromkeys(stems) if f != low and len(f) >= 3)
        stem = plain(name)[:1]
        if stem and stem[0][-1] in "rn" and len(stem[0]) >= 3:
            forms.add(stem[0][:-1] + "z")
    never = caption_names.FILLERS | caption_names.CALENDAR | caption_names.PEOPLES | caption_names.KINSHIP
    expected = frozenset(f for f in forms if len(f) >= 3 and f.isalpha() and f not in never)
    assert caption_names.derived_familiar() == expected
    assert {"kev", "del", "kaz"} <= caption_names.derived_familiar()


# ------------------------------------------------------------------------------ the register's forms, kept
def _plain_registered_occurrences(text: str, segments: list[tuple[int, int]], items: list[RegisterItem],
                                  caseless: bool) -> list[occurrences.Occurrence]:
    """``registered_occurrences`` as it read with every table made anew at each call (a copy of the plain code)."""
    occ, norm = occurrences, occurrences.norm
    by_form: dict[str, RegisterItem] = {}
    for item in items:
        for v in item.variants:
            if len(form := norm(v)) >= 2:
                by_form.setdefault(form, item)
    by_key: dict[str, str] = {}
    for form in by_form:
        by_key.setdefault(rendering_key(form), form)
    pattern = renderings_pattern(by_form, [f for f in by_form if occ._takes_bare_s(f)] if caseless else [])
    if pattern is None:
        return []
    out = []
    for m in occ._overlapping(pattern, plain_letters(text), segments):
        k = rendering_key(m.group(0))
        if k in by_key:
            form = by_key[k]
            out.append(occ.Occurrence(m.start(), m.end(), form, by_form[form], occ.everyday_form(form)))
        else:
            form = by_key[k[:-1]]
            out.append(occ.Occurrence(m.start(), m.end(), form, by_form[form], True))
    out = occ._outermost(out)
    return out + [o for o in occ.cut_prefixes(text, segments, by_form.values())
                  if not any(x.start <= o.start and o.end <= x.end for x in out)]


_PEOPLE = [("Ottoline Brannagh", ("Ottoline Brannagh", "Ottoline", "Brannagh", "Otty")),
           ("Zoë Kershaw", ("Zoë Kershaw", "Zoë", "Kershaw", "Zo")),
           ("Marek Dunholme", ("Marek Dunholme", "Marek", "Mark")),
           ("Bishop's Stortby", ("Bishop's Stortby", "Stortby"))]
_TEXT_WORDS = st.sampled_from(["Ottoline", "ottoline", "Brannagh", "brannaghs", "Otty", "Zoe", "Zoë", "kershaw",
                               "Kershaw's", "Marek", "Mar-", "market", "Mark", "mark", "bishop's", "stortby", "the",
                               "nurse", "Bishop", "went", "\n", "Otto-", "and", "said"])


def _items(chosen: list[int], scoped: bool) -> list[RegisterItem]:
    out = []
    for i in chosen:
        surface, variants = _PEOPLE[i]
        category = "town" if "Stortby" in surface else "person"
        out.append(RegisterItem(f"register:{category}:{surface.lower()}", surface, category, None, variants,
                                scope="t1" if scoped and i == 0 else None))
    return out


@fuzz_settings(200)
@given(st.lists(st.integers(0, len(_PEOPLE) - 1), min_size=0, max_size=5), st.lists(_TEXT_WORDS, max_size=16),
       st.booleans(), st.booleans())
def test_registered_occurrences_with_the_table_kept_are_the_plain_ones(chosen: list[int], words: list[str],
                                                                       caseless: bool, scoped: bool) -> None:
    items = _items(chosen, scoped)
    text = " ".join(words)
    segments = [(0, len(text))]
    plain = _plain_registered_occurrences(text, segments, items, caseless)
    for _ in range(2):  # asked again with the same register: the kept table
        found = occurrences.registered_occurrences(text, segments, list(items), caseless)
        assert found == plain
        assert [id(o.item) for o in found] == [id(o.item) for o in plain]  # the caller's own items
    other = _items(chosen, scoped)  # equal items, other objects: answered with these, not the kept ones
    again = occurrences.registered_occurrences(text, segments, other, caseless)
    assert again == plain
    assert all(any(o.item is x for x in other) for o in again)
    for o in found:
        assert text[o.start:o.end]  # every span slices to text


def test_registered_names_are_found_and_a_false_start_of_another_word_stays() -> None:
    items = _items([0, 2], False)
    text = "I saw Ottoline Brannagh and Mar- market then Otty"
    found = occurrences.registered_occurrences(text, [(0, len(text))], items)
    assert [text[o.start:o.end] for o in found] == ["Ottoline Brannagh", "Otty"]
    text = "then Mar- sorry, Marek came"
    found = occurrences.registered_occurrences(text, [(0, len(text))], items)
    assert [text[o.start:o.end] for o in found] == ["Marek", "Mar"]


# ------------------------------------------------------------------------------ sign-off with the register read once
_KEY = [KeyEntry(label="P1", name="Ottoline Brannagh", role="service_user", site="A"),
        KeyEntry(label="P2", name="Marek Dunholme", role="carer", site="B")]
_TURNS = [("P1", "Ottoline Brannagh", "Marek came round. Otty said Mar- Marek was late, and Brannagh's dog barked."),
          ("P2", "Marek Dunholme", "I will try. Ottoline rang from Dunholme, Ottoline and Marek, will see.")]


def _study(tmp_path: Path, name: str, tiny_codebook) -> tuple[Path, SecureFolder]:  # type: ignore[no-untyped-def]
    project = Project.create(tmp_path / name / "study", tiny_codebook, actor="tester")
    sf = secure_folder(tmp_path / name, _KEY)
    add_pending(project, sf, "t1", _TURNS)
    add_pending(project, sf, "t2", [(a, b, c.lower()) for a, b, c in _TURNS])
    project.close()
    return tmp_path / name / "study", sf


def test_signing_off_with_the_register_read_once_gives_what_reading_it_each_time_gives(
        tmp_path: Path, tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    texts, keys = [], []
    for name, given_items in (("read-each-time", False), ("read-once", True)):
        path, sf = _study(tmp_path, name, tiny_codebook)
        runner = CliRunner()
        assert runner.invoke(cli, ["anonymise", str(path), "--secure", str(sf.path)],
                             catch_exceptions=False).exit_code == 0
        assert runner.invoke(cli, ["review", str(path), "--secure", str(sf.path), "--accept-all"],
                             catch_exceptions=False).exit_code == 0
        project = Project.open(path)
        items = registered_items(sf) if given_items else None
        for tid in ("t1", "t2"):
            review.sign_off(project, sf, tid, "tester", items)
        texts.append([project.transcript(tid).text for tid in ("t1", "t2")])
        project.close()
        keys.append(sf.read_json(review.REDACTION_KEY, {}))
    assert texts[0] == texts[1]
    assert keys[0] == keys[1]
    for text in texts[1]:
        assert "Ottoline" not in text and "Brannagh" not in text and "Marek" not in text
        assert "ottoline" not in text and "marek" not in text


def test_the_name_lexicon_is_built_once_per_process() -> None:
    """Every layer asks for the lexicon, often once per token: built again at each call (its cache lost to a
    function defined between it and its decorators), one long caption turn took fourteen times as long."""
    from cmo_coder.anonymise.layers import words

    assert words.name_lexicon("first") is words.name_lexicon("first")
    assert words.name_lexicon() is words.name_lexicon()
    assert words.familiar_names() is words.familiar_names()
