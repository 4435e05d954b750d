"""Every place a registered or accepted surface occurs, whatever surrounds it.

The layers read text token by token and can miss an occurrence that punctuation, an
ellipsis, a line break or a possessive wraps ("…business and… Tarleton."). A decision,
though, is about a surface, so it must reach every occurrence. These plain patterns find
them all: word-bounded, any run of white space between words, either apostrophe, and
(for registered names) every casing. Review adds what they find as proposals, and
sign-off uses them to prove that nothing registered or accepted survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .candidates import Candidate
from .kin_words import KIN_LEADS
from .layers.labels import study_label_spans
from .layers.naming import bare_place, everyday_place, recurs_as_place, said_as_place
from .layers.words import is_everyday
from .lookup import Intervals, by_first_letter
from .register import RegisterItem, common_word_names
from .renderings import key as rendering_key
from .renderings import plain_letters, renderings_pattern


def norm(surface: str) -> str:
    """The key a surface decision is saved under: lower case, one space, straight apostrophe."""
    return " ".join(surface.lower().replace("’", "'").split())


_NUMBER_WORDS = frozenset({
    "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "and", "a", "number", "no", "no."})


def only_a_number(surface: str) -> bool:
    """A surface that is a number and nothing else ("32", "One", "thirty two", "12b").

    A ward, house or flat number identifies only beside what it numbers ("ward [ward number]"), so
    accepting one such occurrence says nothing about the same number elsewhere: it is never spread to
    every occurrence as an accepted name is, and never reported as a leak on its own ("One page per
    programme theory")."""
    words = norm(surface).replace("-", " ").split()
    return bool(words) and all(w in _NUMBER_WORDS or re.fullmatch(r"\d+[a-z]?", w) for w in words)


def everyday_form(form: str) -> bool:
    """A one-word form English also writes as a word ("Will", "Hope", "Foster"): context decides it."""
    low = norm(form)
    return " " not in low and (low in common_word_names() or is_everyday(low))


def _form_regex(form: str) -> str:
    words = [re.escape(w).replace("'", "['’]") for w in norm(form).split()]
    return r"\s+".join(words)


@lru_cache(maxsize=256)
def _compiled(forms: tuple[str, ...], ignore_case: bool) -> re.Pattern[str] | None:
    if not forms:
        return None
    body = by_first_letter((_form_regex(f) for f in sorted(forms, key=lambda f: (-len(f), f))), ignore_case)
    # a form before "'t" is the head of a contraction ("don't", "won't", "can't"), never a name: a registered
    # Donald's "Don" made every "don't" an occurrence to decide, and accepting them all read "[name]'t"
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)(?!['’]t(?!\w))", re.IGNORECASE if ignore_case else 0)


def form_pattern(forms: Iterable[str], ignore_case: bool = True) -> re.Pattern[str] | None:
    """One pattern for many surfaces, longest first, word-bounded; a possessive ``'s`` still matches."""
    return _compiled(tuple(sorted({norm(f) for f in forms if norm(f)})), ignore_case)


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    form: str  # the normalised registered variant or accepted surface it matched
    item: RegisterItem | None  # the registered item, or None for an accepted surface
    everyday: bool  # the form is also an everyday word: decide per occurrence


def _in_segments(pattern: re.Pattern[str], text: str, segments: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for s, e in segments:
        yield from pattern.finditer(text, s, e)


def said_again(forms: Iterable[str], text: str, segments: list[tuple[int, int]], caseless: bool,
               taken: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Where one of ``forms`` is said in ``segments``, written with a capital unless ``caseless``, and not inside a
    span already ``taken``: the first step every pass that spreads a found name to its other mentions shares."""
    pattern = form_pattern(forms)
    if pattern is None:
        return
    inside = Intervals(taken)  # a long caption turn says a name hundreds of times: no scan of every span each time
    for m in _in_segments(pattern, text, segments):
        s, e = m.span()
        if (not caseless and not m.group(0)[:1].isupper()) or inside.covers(s, e):
            continue
        yield m


def places_said_again(forms: dict[str, str], text: str, segments: list[tuple[int, int]], caseless: bool,
                      taken: list[tuple[int, int]], reason: str) -> list[Candidate]:
    """Candidates where a place's name in ``forms`` (name to category) is said again (:func:`said_again`), with or
    without a possessive: a name with a word no dictionary holds wherever it recurs, one of everyday words only
    where the words around it say a place. The step the passes that spread a hospital's, a town's or a framed
    place's name share."""
    out = []
    for m in said_again(forms, text, segments, caseless, taken):
        s, e = m.span()
        form = norm(m.group(0))
        if form not in forms:
            form = form.removesuffix("'s").removesuffix("’s")
            if form not in forms:
                continue
        if everyday_place(form) and not said_as_place(text, s, e):
            continue
        out.append(Candidate(s, e, forms[form], "consistency", 0.65, reason))
    return out


@dataclass(frozen=True)
class _FormTable:
    """What :func:`registered_occurrences` reads from the register, whatever the text: each variant's normal form
    and item, each rendering key's form, and the person words a cut-off name may begin (:func:`cut_prefixes`)."""

    items: tuple[RegisterItem, ...]
    by_form: dict[str, RegisterItem]
    by_key: dict[str, str]
    persons: dict[str, RegisterItem]
    patterns: dict[bool, re.Pattern[str] | None]
    """The renderings' pattern, in cased text and in captions, made on first use."""

    def pattern(self, caseless: bool) -> re.Pattern[str] | None:
        if caseless not in self.patterns:
            self.patterns[caseless] = renderings_pattern(
                self.by_form, [f for f in self.by_form if _takes_bare_s(f)] if caseless else [])
        return self.patterns[caseless]


def _form_table(items: tuple[RegisterItem, ...]) -> _FormTable:
    by_form: dict[str, RegisterItem] = {}
    for item in items:
        for v in item.variants:
            if len(form := norm(v)) >= 2:
                by_form.setdefault(form, item)
    by_key: dict[str, str] = {}
    for form in by_form:
        by_key.setdefault(rendering_key(form), form)
    return _FormTable(items, by_form, by_key, _person_words(by_form.values()), {})


_TABLES: dict[tuple[RegisterItem, ...], _FormTable] = {}


def _form_table_of(items: Iterable[RegisterItem]) -> _FormTable:
    """:func:`_form_table` of ``items``, kept for the last few registers asked.

    Why: review and sign-off ask it of every transcript and of every distinct placeholder, with the same
    register each time, and normalising each of its variants again was most of their cost (a register with a
    few hundred people holds thousands of variants). The table is given back only for the very same item
    objects (an equal but other item would be answered with the kept one's identity)."""
    key = tuple(items)
    kept = _TABLES.get(key)
    if kept is not None and all(a is b for a, b in zip(kept.items, key, strict=True)):
        return kept
    table = _form_table(key)
    if len(_TABLES) >= 8:
        _TABLES.clear()  # a long-running process that reads many registers keeps only the latest
    _TABLES[key] = table
    return table


def registered_occurrences(text: str, segments: list[tuple[int, int]],
                           items: Iterable[RegisterItem], caseless: bool = False) -> list[Occurrence]:
    """Every occurrence of every registered variant, in every casing and every rendering
    (:mod:`.renderings`). In a caption file (``caseless``) a name with a bare "s" is one too ("oneills mum",
    "bishops car"), decided one occurrence at a time: it may be a possessive the captions wrote without its
    apostrophe, or a plural ("the granges"). A typed transcript writes the apostrophe; the shape layer
    (:mod:`.layers.register_shapes`) judges its "Kershaws car"."""
    table = _form_table_of(items)
    by_form, by_key = table.by_form, table.by_key
    pattern = table.pattern(caseless)
    if pattern is None:
        return []
    out = []
    plain = plain_letters(text)  # "Zoe" for a registered Zoë: one character for one, so offsets hold
    for m in _overlapping(pattern, plain, segments):
        k = rendering_key(m.group(0))
        if k in by_key:
            form = by_key[k]
            out.append(Occurrence(m.start(), m.end(), form, by_form[form], everyday_form(form)))
        else:  # a caption's bare possessive ("oneills mum") or a plural ("the granges"): the reviewer's, one by one
            form = by_key[k[:-1]]
            out.append(Occurrence(m.start(), m.end(), form, by_form[form], True))
    out = [_without_kin_lead(text, o, by_key, by_form) for o in _outermost(out)]
    return out + [o for o in _cut_prefixes(text, segments, table.persons)
                  if not any(x.start <= o.start and o.end <= x.end for x in out)]


_KIN_LEAD = re.compile(r"([^\W\d_]+)[^\S\n]+")


def _without_kin_lead(text: str, o: Occurrence, by_key: dict[str, str],
                      by_form: dict[str, RegisterItem]) -> Occurrence:
    """``o`` without a kin word that opens it where the rest is a form of the same person ("Aunt Patsy", "our
    Tracey" written as aliases) and the rest is a registered form too: the name goes and the word stays, in review
    and sign-off as in the proposals (:mod:`.registered_kin`), since "Aunt" names nobody and says who she is to
    the speaker."""
    lead = _KIN_LEAD.match(text, o.start, o.end)
    if lead is None or lead.group(1).lower() not in KIN_LEADS or o.item is None:
        return o
    form = by_key.get(rendering_key(text[lead.end():o.end]))
    if form is None or form not in by_form:
        return o
    return Occurrence(lead.end(), o.end, form, o.item, everyday_form(form))


def _overlapping(pattern: re.Pattern[str], text: str, segments: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Every match in ``segments``, those that overlap an earlier one too: "nurse bishop's stortford" with a
    Zoë Bishop and Bishop's Stortford registered holds "nurse bishop" and "bishop's stortford", and a scan that
    resumes after the first would never see the second, whose "stortford" then survived sign-off."""
    for s, e in segments:
        pos = s
        while (m := pattern.search(text, pos, e)) is not None:
            yield m
            pos = m.start() + 1


def _outermost(found: list[Occurrence]) -> list[Occurrence]:
    """The occurrences no other one contains ("okafor" inside "margaret okafor" is no occurrence of its own)."""
    out: list[Occurrence] = []
    reach = -1
    for o in sorted(found, key=lambda o: (o.start, -o.end)):
        if o.end > reach:
            out.append(o)
            reach = o.end
    return out


def _takes_bare_s(form: str) -> bool:
    """A form a caption may write with a bare possessive "s" ("oneills mum", "bishops car", "st austells")."""
    last = form.split()[-1]
    return len(last) >= (2 if " " in form else 3) and last[-1].isalpha()


_CUT = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})[-–—](?=[\s,.;:!?)\]\"']|$)")
_NEXT_WORD = re.compile(r"[\s,.;:!?…]*([^\W\d_][\w'’-]*)")


def cut_prefixes(text: str, segments: list[tuple[int, int]],
                 items: Iterable[RegisterItem]) -> list[Occurrence]:
    """A registered name cut off by an interruption or a false start: "I'm with Dev-", "Marg— sorry".

    Verbatim speech keeps the first letters of a name a speaker did not finish; they identify as the
    name does, so they are occurrences of it. Not when the next word is the word they begin and
    that word is not the name ("Mar- market": the false start of another word).
    """
    return _cut_prefixes(text, segments, _person_words(items))


def _person_words(items: Iterable[RegisterItem]) -> dict[str, RegisterItem]:
    """Each word of three letters or more of a registered person's variants, and the first person saying it."""
    persons: dict[str, RegisterItem] = {}
    seen: set[int] = set()
    for item in items:
        # callers pass one item per registered form: each item's words are read once, not once a form
        if item.category != "person" or id(item) in seen:
            continue
        seen.add(id(item))
        for v in item.variants:
            for word in norm(v).split():
                if len(word) > 2 and word.isalpha():
                    persons.setdefault(word, item)
    return persons


def _cut_prefixes(text: str, segments: list[tuple[int, int]], persons: dict[str, RegisterItem]) -> list[Occurrence]:
    if not persons:
        return []
    out = []
    for s, e in segments:
        for m in _CUT.finditer(text, s, e):
            cut = m.group(1).lower()
            if len(cut) < 2:
                continue
            whole = next((w for w in persons if w != cut and w.startswith(cut)), None)
            if whole is None:
                continue
            nxt = _NEXT_WORD.match(text, m.end(), e)
            if nxt is not None:
                following = re.sub(r"'s$", "", norm(nxt.group(1)))
                if following.startswith(cut) and following not in persons:
                    continue  # "mar- market": the start of the word said next
            out.append(Occurrence(m.start(1), m.end(1), norm(whole), persons[whole],
                                  everyday_form(cut) or len(cut) <= 2))
    return out


def accepted_occurrences(text: str, segments: list[tuple[int, int]], surfaces: Iterable[str],
                         caseless: bool) -> list[Occurrence]:
    """Every occurrence of surfaces a reviewer accepted. In cased text an everyday word counts only
    where it is capitalised ("Mark", not "mark the date"); any other surface in every casing. Never one inside a
    study label ("the CHYP study" after "CHYP" alone was accepted in another transcript): labels are the study's
    own words, which no layer removes, and a decision on a surface elsewhere does not reach into them."""
    forms = {norm(s) for s in surfaces if norm(s) and not only_a_number(s)}
    plain = {f for f in forms if caseless or not everyday_form(f)}
    words = forms - plain
    out: list[Occurrence] = []
    pattern = form_pattern(plain)
    if pattern is not None:
        out += [Occurrence(m.start(), m.end(), norm(m.group(0)), None, everyday_form(m.group(0)))
                for m in _in_segments(pattern, text, segments)]
    pattern = form_pattern(words)
    if pattern is not None:
        out += [Occurrence(m.start(), m.end(), norm(m.group(0)), None, True)
                for m in _in_segments(pattern, text, segments) if m.group(0)[:1].isupper()]
    found = Intervals((o.start, o.end) for o in out)  # a long caption turn says a name hundreds of times
    out += [o for o in rendered_occurrences(text, segments, plain, caseless) if not found.covers(o.start, o.end)]
    found = Intervals((o.start, o.end) for o in out)
    out += [o for o in bare_occurrences(text, segments, forms, caseless) if not found.covers(o.start, o.end)]
    labels = Intervals(study_label_spans(text) if out else [])
    out = [o for o in out if not labels.covers(o.start, o.end)]
    return sorted(out, key=lambda o: (o.start, -o.end))


_MARKS = re.compile(r"['’‘`ʼ\-‐‑–—.]|(?<![a-z])(?:st|saint)(?![a-z])|[^\x00-\x7f]")


_SAINT_WORDS = frozenset({"st", "saint"})


def _written_otherwise(form: str) -> bool:
    """A form another transcript may spell differently: it holds an apostrophe, a hyphen, a full stop, an
    accent or "St"/"Saint" ("St Mary's", "Ashby-de-la-Zouch", "Zoë's café")."""
    return bool(_MARKS.search(form))


def rendered_occurrences(text: str, segments: list[tuple[int, int]], forms: Iterable[str],
                         caseless: bool) -> list[Occurrence]:
    """Every rendering (:mod:`.renderings`) of accepted surfaces that the plain pattern cannot see.

    A project holds typed interviews and caption files of the same study: a place or person accepted where
    a typist wrote "St Mary's", "Ashby-de-la-Zouch" or "Zoë's" is said in a caption file as "st marys",
    "ashby de la zouch" or "zoes", and a decision about a surface must reach every occurrence in every
    transcript. So the forms that hold an apostrophe, a hyphen, a full stop, an accent or "St" are looked
    for as captions and typists render them, as registered names are; and in a caption file a form with a
    bare "s" after it ("golden lions quiz") is the reviewer's, one occurrence at a time, as for the register
    (it may be a plural). A rendering that is one everyday word ("wills" for an accepted "Will's") is no
    occurrence; one of everyday words only ("wood smith" for "Wood-Smith") is decided one at a time.
    ``forms``: normalised surfaces matched in every casing here (not the everyday words cased text
    needs capitalised)."""
    marked = {f for f in forms if _written_otherwise(f)}
    with_s = {f for f in forms if caseless and _takes_bare_s(f) and not everyday_form(f)}
    pattern = renderings_pattern(marked | with_s, with_s)
    if pattern is None:
        return []
    by_key: dict[str, str] = {}
    for form in sorted(marked | with_s):
        by_key.setdefault(rendering_key(form), form)
    plain = plain_letters(text)
    out = []
    for m in _overlapping(pattern, plain, segments):
        said = m.group(0)
        k = rendering_key(said)
        exact = k in by_key
        accepted = by_key.get(k) or by_key.get(k[:-1])
        if accepted is None or (accepted not in marked and exact):
            continue  # the plain pattern's own match
        words = said.replace("-", " ").split()
        if len(words) == 1 and is_everyday(said.replace("'", "").replace("’", "")) and norm(said) != accepted:
            continue  # "wills" is no rendering of an accepted "Will's"
        bare = [w.strip("'’.") for w in words]
        everyday = not exact or everyday_form(accepted) or (
            not _SAINT_WORDS.intersection(bare) and all(is_everyday(w) for w in bare))
        out.append(Occurrence(m.start(), m.end(), accepted, None, everyday))
    return _outermost(out)


def bare_occurrences(text: str, segments: list[tuple[int, int]], forms: Iterable[str],
                     caseless: bool) -> list[Occurrence]:
    """An accepted local place said again without its kind: "thornfield estate" accepted, "back on
    thornfield" is the same place, and so is "the meadowbank" of "the meadowbank surgery". Such an
    occurrence carries the accepted surface as its form, so it takes that surface's decision and
    placeholder. A bare name that is also an everyday word ("grange" of "the grange estate") counts
    only where the words around it say a place ("up the grange", not "the grange farm"), never when it
    names a kind of place as often ("station" of "station road"; :func:`.layers.naming.recurs_as_place`),
    and is decided one occurrence at a time; in cased text it needs its capital."""
    bare: dict[str, str] = {}
    for form in sorted(forms):
        name = bare_place(form)
        if name and name not in forms:
            bare.setdefault(name, form)
    pattern = form_pattern(bare)
    if pattern is None:
        return []
    out = []
    for m in _in_segments(pattern, text, segments):
        name = norm(m.group(0))
        if (not caseless and not m.group(0)[:1].isupper()) or not recurs_as_place(name, text, m.start(), m.end()):
            continue
        out.append(Occurrence(m.start(), m.end(), bare[name], None, everyday_place(name)))
    found = Intervals((o.start, o.end) for o in out)
    return out + [o for o in _rendered_bare(text, segments, bare, caseless) if not found.covers(o.start, o.end)]


def _rendered_bare(text: str, segments: list[tuple[int, int]], bare: dict[str, str],
                   caseless: bool) -> list[Occurrence]:
    """A bare name written another way (:func:`rendered_occurrences`): "thornley banks" for the "thornley-banks"
    of an accepted "Thornley-Banks estate". A bare name whose words as said are all everyday ("hill top" of
    "Hill-Top House") is none: without its kind and its hyphen it is the words ("she climbed to the hill top")."""
    marked = {name: form for name, form in bare.items() if _written_otherwise(name)}
    pattern = renderings_pattern(marked)
    if pattern is None:
        return []
    by_key = {rendering_key(name): name for name in sorted(marked)}
    out = []
    for m in _in_segments(pattern, plain_letters(text), segments):
        said = text[m.start() : m.end()]
        name = by_key.get(rendering_key(said))
        spaced = norm(re.sub(r"[-‐‑–—]", " ", said))
        if name is None or (not caseless and not said[:1].isupper()) or everyday_place(spaced):
            continue
        out.append(Occurrence(m.start(), m.end(), marked[name], None, False))
    return out
