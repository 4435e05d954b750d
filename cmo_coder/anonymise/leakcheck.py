"""Leak check: search the project and any export for every registered or accepted name.

This is the last line of defence and is deliberately dumb: no model, just plain patterns,
in every text file, every text member of a ZIP (.qdpx, .docx) and every text value in the
project database. It reads text by where it came from, because a check that cries wolf
stops being read:

- text that came from a transcript (transcripts, codings, memos, notes, suggestions, the
  sources of an export) is checked for every registered variant and every accepted surface
  in every casing. An everyday-word name ("will", "hope") a reviewer kept, occurrence by
  occurrence, is recognised by the words around it and not reported. A registered name that is no
  everyday word is found however it was typed (:mod:`.renderings`: "Zoe" for a registered Zoë,
  "oneill" for O'Neill, "saint helens" for St Helens), as the sign-off proof finds it: a coder's memo
  or note typed without the accents or the apostrophe is no safer than the transcript;
- text that never came from a transcript (the codebook's theory statements, a REFI-QDA
  ``CodeBook``, a ``.qdc`` file) is checked only for exact, cased full names: "foster" in
  "foster a culture" is a verb there, "Tom Whitfield" never is;
- word statistics (the suggester's model) cannot tell the name "Will" from the verb: there
  everyday-word forms count only when capitalised; every other form in every casing;
- the team's own names (the coder, actor and author names the project records: "megan" for the
  interviewer who codes her own interviews) are no transcript's text: a whole field that is exactly
  such a one-word name (a database value, a report's table cell, a JSON or XML attribute value) is
  not reported. A team name of several words is checked like any other text.

Every hit is printed with its context.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import CmoError
from ..store.db import Database, DbError
from ..store.rows import damaged, json_cell
from ..store.secure import REGISTER_COPY, SecureFolder
from .audit_tallies import tally_key_spans
from .id_check import project_ids, qde_names, spaced
from .layers.labels import study_label_spans
from .occurrences import everyday_form, form_pattern, norm, only_a_number
from .register import RegisterItem, build_register, load_register_csv
from .renderings import key as rendering_key
from .renderings import plain_letters, renderings_pattern

TEXT_SUFFIXES = {".txt", ".json", ".jsonl", ".csv", ".tsv", ".xml", ".html", ".htm", ".md", ".qdc", ".qde", ".vtt",
                 ".srt", ".yaml", ".yml", ".gexf", ".graphml", ".dot", ".svg", ".rtf", ".log"}
ZIP_SUFFIXES = {".qdpx", ".docx", ".zip", ".xlsx", ".odt"}
MAX_MEMBER = 256 * 1024 * 1024
DECISIONS = "decisions.json"
KEPT = "kept-occurrences.json"
# Project tables whose text never came from a transcript: the codebook, and the manifest's participants.
REFERENCE_TABLES = {"programme_theories", "elements", "meta", "participants"}
# Audit rows about those (the participant a manifest line described) are reference text too.
REFERENCE_AUDIT_ENTITIES = {"participant", "project", "codebook"}
_CODEBOOK_RE = re.compile(r"<(?:[\w.-]+:)?CodeBook\b.*?</(?:[\w.-]+:)?CodeBook\s*>", re.DOTALL)
_WORDS = re.compile(r"[\w'’]+")
_WORD_START = re.compile(r"(?<!\w)\w+")
# embedded images (reports): base64 spells "Jo" by chance
_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+")

Mode = str  # "derived" | "reference" | "wordlist"


@dataclass(frozen=True)
class LeakHit:
    path: Path
    member: str | None
    line: int
    column: int
    surface: str
    category: str
    context: str = ""

    def place(self) -> str:
        inner = f"!{self.member}" if self.member else ""
        return f"{self.path}{inner}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Kept:
    """An everyday-word occurrence of a registered name a reviewer kept, or an accepted surface review left
    inside a public name ("Chris" in "Chris Whitty"), by the words around it."""

    form: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    def explains(self, before: list[str], after: list[str]) -> bool:
        """The same words on either side, outward from the word, two at least (or all the text has)."""
        same = 0
        for a, b in zip(reversed(before), reversed(self.before), strict=False):
            if a != b:
                break
            same += 1
        for a, b in zip(after, self.after, strict=False):
            if a != b:
                break
            same += 1
        return same >= min(2, len(before) + len(after))


@dataclass
class Matcher:
    """Patterns for each kind of text, and what each form stands for."""

    strict: re.Pattern[str] | None  # non-everyday forms, every casing
    everyday: re.Pattern[str] | None  # everyday-word registered forms, every casing
    capitalised: re.Pattern[str] | None  # accepted everyday words: capitalised only
    full_names: re.Pattern[str] | None  # exact, cased full names
    category: dict[str, str]
    kept: dict[str, list[Kept]] = field(default_factory=dict)
    reference: tuple[str, ...] = ()  # codebook text: reports and exports quote it
    _reference_words: str | None = None
    firsts: dict[str, frozenset[str]] = field(default_factory=dict)  # pattern text → first words of its forms
    team: frozenset[str] = frozenset()  # one-word coder and author names the project records
    placeholders: tuple[str, ...] = ()  # the register's own placeholders, as written ("[Highland town]")
    rendered: re.Pattern[str] | None = None  # every rendering of the registered non-everyday forms (plain letters)
    rendered_category: dict[str, str] = field(default_factory=dict)  # rendering key → category
    accepted_only: frozenset[str] = frozenset()  # accepted surfaces no register form holds (normalised)

    def finditer(self, text: str, mode: Mode = "derived") -> Iterator[tuple[int, str, str]]:
        """Each registered or accepted form in ``text``: (offset, the text's own surface, category). An underscore
        joins the words of the names files and ids are given ("maerdy_miners_descript", a transcript named after
        its village, which a QDPX carries as its source's name): it is read as a space, of the same length, so
        the village is found there and every hit keeps the text's own offsets and surface."""
        for start, surface, category in self._finditer(text.replace("_", " "), mode):
            yield start, text[start:start + len(surface)], category

    def _finditer(self, text: str, mode: Mode) -> Iterator[tuple[int, str, str]]:
        if mode == "reference":
            passes = [(self.full_names, False, False)]
        elif mode == "wordlist":
            passes = [(self.strict, False, False), (self.everyday, True, True), (self.capitalised, True, True)]
        else:
            text = _DATA_URI.sub(lambda m: " " * len(m.group(0)), text)
            # strict forms too: an accepted "Javid" left inside "Sajid Javid" on the news was kept there by review
            passes = [(self.strict, False, True), (self.everyday, False, True), (self.capitalised, True, True)]
        taken: list[tuple[int, int]] = []  # one report per stretch: "Mrs Foster", not also "Foster"
        inside = placeholder_spans(text, self.placeholders) if mode == "derived" else []
        for pattern, capital_only, may_be_kept in passes:
            if pattern is self.everyday and mode == "derived" and self.rendered is not None:
                # after the exact forms, before the everyday words: "Grace smithjones" is one stretch, not "Grace"
                yield from self._renderings(text, taken)
            if pattern is None:
                continue
            for m in _matches(pattern, self.firsts.get(pattern.pattern, frozenset()), text):
                surface = m.group(0)
                if any(a < m.end() and m.start() < b for a, b in taken) or (
                        capital_only and not surface[:1].isupper()):
                    continue
                if _ET_AL.search(text, max(0, m.start() - 4), m.start()) and norm(surface) == "al":
                    continue  # "Harris J, Ainscough T, et al." in a reference the codebook quotes: Latin, no Al
                if mode == "reference" and " " not in surface and self.category.get(norm(surface)) not in (
                        None, "person") and _AUTHOR_INITIALS.match(text, m.end()):
                    continue  # "Harris J," in the codebook's citation: an author, not the registered Isle of Harris
                if pattern is not self.strict and any(a <= m.start() and m.end() <= b for a, b in inside):
                    continue  # "[Highland town]": an accepted "Highland" inside the team's own placeholder
                if self.team and mode != "reference" and _whole_field(text, m.start(), m.end()) in self.team:
                    continue  # "megan" as a coding's coder, a report's "Coder" cell, a QDPX user's name
                if mode == "derived" and norm(surface) in self.accepted_only and (
                        _in_study_label(text, m.span()) or (self.category.get(norm(surface)) == "accepted"
                                                            and _in_public_name(text, m.span()))):
                    continue  # "the HOMEWARD study", "Plymouth Argyle": sign-off keeps a study label or a longer
                    # public name an accepted surface reaches
                if may_be_kept and mode == "derived" and (
                        self._kept(text, m.start(), m.end(), norm(surface))
                        or self.in_reference_title(text, m.start(), m.end())
                        or (pattern is not self.strict
                            and self.quotes_reference(text, m.start(), m.end(), norm(surface)))):
                    continue  # a strict form is excused only by an occurrence review kept or a whole title of
                    # the codebook around it ("Tiny test codebook", a QDPX's project name), never by a quote
                taken.append(m.span())
                yield m.start(), surface, self.category.get(norm(surface), "person")

    def _renderings(self, text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, str, str]]:
        """Registered names as typed or captioned otherwise ("Zoe", "oneill"): read over a same-length copy
        of the text, so each hit's offsets are the text's own; a stretch already reported is not reported
        again, and an occurrence review kept or the codebook's own text written out whole is excused as the exact
        form is."""
        assert self.rendered is not None
        for m in self.rendered.finditer(plain_letters(text)):
            start, end = m.span()
            surface = text[start:end]
            if any(a < end and start < b for a, b in taken):
                continue
            if self.team and _whole_field(text, start, end) in self.team:
                continue
            if self._kept(text, start, end, norm(surface)) or self.in_reference_title(text, start, end):
                continue
            taken.append((start, end))
            yield start, surface, self.rendered_category.get(rendering_key(surface), "person")

    def _kept(self, text: str, start: int, end: int, form: str) -> bool:
        entries = self.kept.get(form)
        if not entries:
            return False
        before = [w.lower() for w in _WORDS.findall(text[max(0, start - 80) : start])][-3:]
        after = [w.lower() for w in _WORDS.findall(text[end : end + 80])][:3]
        return any(k.explains(before, after) for k in entries)

    def quotes_reference(self, text: str, start: int, end: int, form: str) -> bool:
        """The occurrence sits in a quotation of the codebook ("PT7 This will lead to increased …"), even a
        truncated one: the form with the words on either side of it occurs in a theory statement."""
        if not self.reference:
            return False
        before = [w.lower() for w in _WORDS.findall(text[max(0, start - 80) : start])][-3:]
        after = [w.lower() for w in _WORDS.findall(text[end : end + 80])][:3]
        for seq in (before + [form], [form] + after):
            if len(seq) >= 3 and " " + " ".join(seq) + " " in self.reference_words:
                return True
        return False

    def in_reference_title(self, text: str, start: int, end: int) -> bool:
        """The occurrence lies inside a whole title of the codebook, written out as the codebook writes it (its name,
        a theory's title or tag: at most :data:`_TITLE_WORDS` words): "Tiny test codebook", which a QDPX writes as
        its project's name, is the codebook's, not a registered "Tiny". A quotation cut short does not count, nor
        does a title of one word: a theory called "Hope" must not excuse every registered Hope. A longer reference
        text (a statement, the codebook's citation) written out whole is the codebook's too, and excuses what is
        no full name there, as the codebook itself is checked: "Codebook source: Hughes E, Harris J, …", which a
        QDPX writes into its project's description, is not the registered Joanne Harris."""
        for title in self.reference:
            words = len(title.split())
            if words < 2 or (words > _TITLE_WORDS and self.full_names is not None
                             and self.full_names.fullmatch(text, start, end)):
                continue
            at = text.find(title, max(0, end - len(title)), start + len(title))
            while at != -1 and at <= start:
                if at + len(title) >= end:
                    return True
                at = text.find(title, at + 1, start + len(title))
        return False

    @property
    def reference_words(self) -> str:
        if self._reference_words is None:
            self._reference_words = "\n".join(
                " " + " ".join(w.lower() for w in _WORDS.findall(r)) + " " for r in self.reference)
        return self._reference_words


_TITLE_WORDS = 12
"""The longest reference text read as a title (the codebook's name, a theory's title, an element's tag) by
:meth:`Matcher.in_reference_title`; statements are longer and are matched as quotations instead."""

_AUTHOR_INITIALS = re.compile(r" [A-Z]{1,3}(?:[,.;]| and\b| et al\b)")
"""A surname's initials in a citation ("Harris J,", "Harris JA."): right after a one-word registered place or
body in the codebook's text, that word is an author's name, not the place."""
_ET_AL = re.compile(r"(?i)(?<![\w'’])et\s+$")
""""et" right before a match: the match is the "al" of a citation's "et al.", which a registered Alan's "Al" made
a leak in every export of a codebook that cites its evidence."""


def placeholder_spans(text: str, placeholders: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the register's own placeholders stand in ``text``: a team writes words into them ("[Highland
    town]", "[Cornish village]") that review may have accepted as names elsewhere, and an export refused for
    its own placeholders could not be made at all. Only everyday and accepted forms are excused there; a
    registered name that is no word ("[Dr Okafor's ward]") is still reported wherever it stands."""
    out: list[tuple[int, int]] = []
    for p in placeholders:
        start = text.find(p)
        while start >= 0:
            out.append((start, start + len(p)))
            start = text.find(p, start + len(p))
    return out


_FIELD_EDGES = frozenset('|<>"\t\n,')
_MAX_FIELD = 80


def _whole_field(text: str, start: int, end: int) -> str | None:
    """The field a match fills, when it is a short one: the text between the nearest table, tag, quote, tab,
    comma or line edges, stripped (Markdown's escapes too), or None when the field runs on longer."""
    a = start
    while a > 0 and text[a - 1] not in _FIELD_EDGES:
        a -= 1
        if start - a > _MAX_FIELD:
            return None
    b = end
    while b < len(text) and text[b] not in _FIELD_EDGES:
        b += 1
        if b - end > _MAX_FIELD:
            return None
    return text[a:b].replace("\\", "").strip()


def team_names(conn: sqlite3.Connection | Database) -> frozenset[str]:
    """The one-word names the project records as its team's (coders, actors, authors, users): never a
    transcript's text, so never a leak where one fills a field of its own."""
    columns = {"codings": "coder", "configurations": "coder", "audit": "actor", "suggestions": "decided_by",
               "notes": "author", "pt_versions": "author", "users": "name"}
    if isinstance(conn, Database):
        tables = set(conn.table_names())
    else:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    names: set[str] = set()
    for table, column in columns.items():
        if table in tables:
            names |= {v for (v,) in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}"')
                      if isinstance(v, str) and v.strip() and not any(c.isspace() for c in v.strip())}
    return frozenset(v.strip() for v in names)


def _matches(pattern: re.Pattern[str], firsts: frozenset[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` tried only where a word starts that begins one of its forms: one pass of a
    simple word pattern and a set look-up, instead of the whole alternation at every character."""
    for w in _WORD_START.finditer(text):
        if w.group(0).lower() in firsts:
            m = pattern.match(text, w.start())
            if m is not None:
                yield m


def first_words(forms: set[str]) -> frozenset[str]:
    """The lower-cased first word of each form: where a match can start."""
    return frozenset(m.group(0).lower() for f in forms if (m := re.match(r"\w+", f)) is not None)


def registered_items(secure: SecureFolder) -> list[RegisterItem]:
    """Every registered thing: the key's speakers and the register the anonymiser was last given."""
    extra = load_register_csv(secure.path / REGISTER_COPY) if (secure.path / REGISTER_COPY).exists() else []
    return build_register(secure.load_participant_key(), extra, set()).items


def accepted_surfaces(secure: SecureFolder) -> dict[str, str]:
    """Surfaces a reviewer accepted or added (normalised) → their category."""
    raw = secure.read_json(DECISIONS, {})
    if not isinstance(raw, dict) or not isinstance(raw.get("surfaces", {}), dict):
        raise CmoError(f"{secure.path / DECISIONS}: corrupt decisions file")
    out = {}
    for surface, d in (raw.get("surfaces") or {}).items():
        if isinstance(d, dict) and d.get("decision") in {"accept", "edit"} and not only_a_number(surface):
            out[norm(surface)] = str(d.get("category") or "accepted")
    return out


def kept_occurrences(secure: SecureFolder) -> dict[str, list[Kept]]:
    out: dict[str, list[Kept]] = {}
    try:
        for entries in secure.read_json(KEPT, {}).values():
            for e in entries:
                out.setdefault(e["form"], []).append(Kept(e["form"], tuple(e["before"]), tuple(e["after"])))
    except (AttributeError, KeyError, TypeError):
        raise CmoError(f"{secure.path / KEPT}: corrupt file (expected transcript → kept occurrences)") from None
    return out


def _full_names(items: list[RegisterItem]) -> set[str]:
    """Forms that are a name in any text: several words, or one word that is no everyday word. A person's one
    word counts only where the person was registered by it alone ("Zebedee"): a surname cut from a registered
    full name is no full name, and the shipped codebook's citation "Hughes E, Harris J, …" names a public
    author, not the registered Joanne Harris (the reference text of a codebook is checked for full names only,
    and a study with a participant called Harris could not export)."""
    out = set()
    for item in items:
        forms = item.variants if item.category == "person" else (item.surface, *item.variants)
        whole = len(item.surface.split()) > 1
        for v in forms:
            v = " ".join(v.split())
            if len(v) < 2:
                continue
            if " " in v or (not everyday_form(v) and not (item.category == "person" and whole)):
                out.add(v)
    return out


def build_matcher(items: list[RegisterItem], accepted: dict[str, str] | None = None,
                  kept: dict[str, list[Kept]] | None = None, reference: list[str] | None = None) -> Matcher:
    accepted = accepted or {}
    strict: set[str] = set()
    everyday: set[str] = set()
    capitalised: set[str] = set()
    category: dict[str, str] = {}
    for item in items:
        for v in item.variants:
            if len(norm(v)) < 2:
                continue
            category.setdefault(norm(v), item.category)
            (everyday if everyday_form(v) else strict).add(v)
    for surface, cat in accepted.items():
        if len(surface) < 2:
            continue
        category.setdefault(surface, cat)
        (capitalised if everyday_form(surface) else strict).add(surface)
    full = _full_names(items)
    full_re = None
    if full:
        body = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in f.split())
                        for f in sorted(full, key=lambda f: (-len(f), f)))
        full_re = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")
    refs = tuple(sorted({r for r in (reference or []) if r.strip()}))
    firsts: dict[str, frozenset[str]] = {}
    patterns = []
    for forms, pattern in ((strict, form_pattern(strict)), (everyday, form_pattern(everyday)),
                           (capitalised, form_pattern(capitalised)), (full, full_re)):
        if pattern is not None:
            firsts[pattern.pattern] = first_words({norm(f) for f in forms})
        patterns.append(pattern)
    own = tuple(sorted({i.placeholder for i in items if i.placeholder and len(i.placeholder) > 2}))
    # registered names only: an accepted surface is matched as the reviewer saw it
    rendered_forms = {v for item in items for v in item.variants if len(norm(v)) >= 2 and not everyday_form(v)}
    rendered_category = {rendering_key(v): category.get(norm(v), "person") for v in sorted(rendered_forms)}
    registered = {norm(v) for item in items for v in item.variants}
    return Matcher(strict=patterns[0], everyday=patterns[1], capitalised=patterns[2], full_names=patterns[3],
                   category=category, kept=kept or {}, reference=refs, firsts=firsts, placeholders=own,
                   rendered=renderings_pattern(rendered_forms), rendered_category=rendered_category,
                   accepted_only=frozenset(s for s in accepted if s not in registered))


def _in_study_label(text: str, span: tuple[int, int]) -> bool:
    """Whether ``span`` lies inside one of the study's own labels in ``text`` ("the HOMEWARD study", "SP9"),
    read by the rule sign-off reads them with (:func:`.layers.labels.study_label_spans`): a reviewer who
    accepted "HOMEWARD" said alone in one transcript removed it there, and sign-off kept the label elsewhere, so
    the check must not call the kept label a leak (a team shown false alarms stops reading them)."""
    return any(a <= span[0] and span[1] <= b for a, b in study_label_spans(text))


@cache
def _public_phrases() -> frozenset[str]:
    """The shipped allow-list's phrases of two words or more, lower-cased with their spaces folded."""
    from .layers.allowlist import default_allowlist

    return frozenset(p for p in (" ".join(x.lower().split()) for x in default_allowlist()) if " " in p)


@cache
def _public_compounds() -> frozenset[str]:
    """The shipped allow-list's one-word names joined by a hyphen or an apostrophe ("al-anon", "o'neill's"),
    lower-cased: a sound-alike check that splits them sees only a part ("Anon" of "Al-Anon")."""
    from .layers.allowlist import default_allowlist

    return frozenset(p.lower() for p in default_allowlist() if " " not in p.strip() and re.search(r"['’-]", p))


_WORD = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*")
_POSSESSIVE_END = re.compile(r"['’]s$")


def _in_public_name(text: str, span: tuple[int, int]) -> bool:
    """Whether ``span`` is part of a longer public name the allow-list keeps, said whole around it ("Argyle" in
    "Plymouth Argyle", "Legion" in "the Royal British Legion"): sign-off does not reach an accepted surface
    there (:func:`.review.find_all`), so the check must not call the kept name a leak either. A surface added by
    hand (``review --redact``) reaches everywhere, and is checked everywhere (the caller asks only for others)."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    line_end = len(text) if line_end < 0 else line_end
    words = [m for m in _WORD.finditer(text, line_start, line_end)]
    at = [i for i, m in enumerate(words) if m.start() <= span[0] < m.end() or span[0] <= m.start() < span[1]]
    if not at:
        return False
    first, last = at[0], at[-1]
    whole = words[first]
    if first == last and (whole.start(), whole.end()) != span and whole.group(0).lower() in _public_compounds():
        return True  # "Anon" of "Al-Anon": a part of a listed name written as one hyphenated word
    phrases = _public_phrases()
    for i in range(max(0, first - 5), first + 1):
        for j in range(last, min(len(words), i + 7)):
            said = " ".join(w.group(0).lower() for w in words[i:j + 1])
            if (i, j) != (first, last) and (said in phrases or _POSSESSIVE_END.sub("", said) in phrases):
                return True  # "Plymouth Argyle's the one thing": the name with its possessive
    return False


def project_matcher(secure: SecureFolder, reference: list[str] | None = None,
                    team: frozenset[str] = frozenset()) -> Matcher:
    """The matcher for one study: its register, its review decisions, the occurrences it kept, its team."""
    matcher = build_matcher(registered_items(secure), accepted_surfaces(secure), kept_occurrences(secure), reference)
    return replace(matcher, team=team)


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}⟦{text[start:end]}⟧{right}…"


def scan_text(text: str, matcher: Matcher, path: Path, member: str | None, mode: Mode = "derived",
              excused: list[tuple[int, int]] | None = None) -> list[LeakHit]:
    """Every registered or accepted form in ``text``, with its line, column and context; a match lying wholly in
    one of the ``excused`` spans (words the program itself wrote there) is not reported."""
    hits = []
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    from bisect import bisect_right

    for pos, surface, category in matcher.finditer(text, mode):
        if excused and any(a <= pos and pos + len(surface) <= b for a, b in excused):
            continue
        line = bisect_right(line_starts, pos)
        hits.append(LeakHit(path, member, line, pos - line_starts[line - 1] + 1, surface, category,
                            _context(text, pos, pos + len(surface))))
    return hits


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        for enc in ("utf-16",):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _xml_text(data: bytes) -> str | None:
    """Word splits a name across runs (``<w:t>Dan</w:t><w:t>iel</w:t>``): also scan the joined text
    (outside a REFI-QDA ``CodeBook``, which is reference text)."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
    paragraphs = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.rsplit("}", 1)[-1] not in {"p", "PlainTextContent", "Description"}:
            continue
        if any(isinstance(a.tag, str) and a.tag.rsplit("}", 1)[-1] == "CodeBook" for a in el.iterancestors()):
            continue
        paragraphs.append("".join(el.itertext()))
    return "\n".join(paragraphs) if paragraphs else None


def _split_codebook(text: str) -> tuple[str, str]:
    """(text outside any ``CodeBook`` element, text inside), both with the original offsets."""
    inside = [" "] * len(text)
    outside = list(text)
    for m in _CODEBOOK_RE.finditer(text):
        for i in range(m.start(), m.end()):
            inside[i] = text[i]
            outside[i] = " " if text[i] != "\n" else "\n"
    return "".join(outside), "".join(inside)


def _scan_bytes(data: bytes, name: str, matcher: Matcher, path: Path, member: str | None,
                mode: Mode = "derived") -> list[LeakHit]:
    text = _decode(data)
    if text is None:
        return []
    xml = name.lower().endswith((".xml", ".qde", ".qdc", ".rels")) or text.lstrip().startswith("<?xml")
    if xml and mode == "derived" and "CodeBook" in text:
        outside, inside = _split_codebook(text)
        hits = scan_text(inside, matcher, path, member, "reference")
        # the file's own graphs and notes quote its codebook: that is reference text too
        matcher = replace(matcher, reference=(*matcher.reference, html.unescape(inside)), _reference_words=None)
        hits += scan_text(outside, matcher, path, member)
    else:
        hits = scan_text(text, matcher, path, member, mode)
    if xml:
        joined = _xml_text(data)
        if joined:
            found = {h.surface.lower() for h in hits}
            extra = [h for h in scan_text(joined, matcher, path, (member or "") + "#text", mode)
                     if h.surface.lower() not in found]
            hits += extra
    return hits


def _scan_zip(path: Path, matcher: Matcher, data: bytes | None = None, prefix: str = "") -> list[LeakHit]:
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CmoError(f"{path}{'!' + prefix if prefix else ''}: not a readable ZIP archive ({exc})") from None
    hits: list[LeakHit] = []
    with zf:
        total = 0
        for info in zf.infolist():
            if info.is_dir():
                continue
            if info.file_size > MAX_MEMBER:
                raise CmoError(f"{path}!{info.filename}: member too large to scan ({info.file_size} bytes)")
            total += info.file_size
            if total > 4 * MAX_MEMBER:
                raise CmoError(f"{path}: archive expands beyond {4 * MAX_MEMBER} bytes; refusing to scan it")
            name = prefix + info.filename
            try:
                content = zf.read(info)
            except (zipfile.BadZipFile, RuntimeError, OSError) as exc:
                raise CmoError(f"{path}!{name}: cannot read ZIP member ({exc})") from None
            if Path(info.filename).suffix.lower() in ZIP_SUFFIXES and not prefix:
                hits += _scan_zip(path, matcher, content, name + "!")
                continue
            hits += _scan_bytes(content, info.filename, matcher, path, name)
            if info.filename.lower().endswith(".qde"):
                hits += _qde_id_hits(content, matcher, path, name)
    return hits


def scan_id(value: str, matcher: Matcher, path: Path, member: str) -> list[LeakHit]:
    """An id or a source's name read as a file name is (:mod:`.id_check`): the register's and review's forms
    across its separators, where the plain reading found none, and else a name or place the import's lists
    find in it. The whole value is the hit's context: it is what must be mended."""
    hits = [LeakHit(path, member, 1, pos + 1, value[pos:pos + len(surface)], category, value)
            for pos, surface, category in matcher.finditer(spaced(value))]
    if hits:
        return [] if any(True for _ in matcher.finditer(value)) else hits  # the plain reading reported it
    from ..ingest.stem_lexicon import stem_holds_name

    kind = stem_holds_name(value, words_as_names=False)  # an everyday word in an id is no evidence of a leak
    return [] if kind is None else [LeakHit(path, member, 1, 1, value, f"file name ({kind})", value)]


def _qde_id_hits(data: bytes, matcher: Matcher, path: Path, member: str) -> list[LeakHit]:
    hits: list[LeakHit] = []
    for where, value in qde_names(data, f"{path}!{member}"):
        hits += scan_id(value, matcher, path, f"{member}:{where}")
    return hits


def _scan_files(files: list[Path], matcher: Matcher, wordlists: set[Path] | None = None) -> list[LeakHit]:
    hits: list[LeakHit] = []
    for f in files:
        suffix = f.suffix.lower()
        if suffix in ZIP_SUFFIXES or (suffix not in TEXT_SUFFIXES and zipfile.is_zipfile(f)):
            hits += _scan_zip(f, matcher)
        elif suffix in {".sqlite", ".db", ".sqlite3"}:
            hits += _scan_db(f, matcher)
        elif suffix in TEXT_SUFFIXES or not suffix:
            mode = "wordlist" if wordlists and f in wordlists else "derived"
            data = f.read_bytes()
            hits += _scan_bytes(data, f.name, matcher, f, None, mode)
            if suffix == ".qde":
                hits += _qde_id_hits(data, matcher, f, f.name)
    return hits


def scan_paths(paths: list[Path], secure: SecureFolder, reference: list[str] | None = None,
               team: frozenset[str] = frozenset()) -> list[LeakHit]:
    """Every place a registered or accepted name occurs in ``paths`` (files or folders, recursively).

    ``reference``: the codebook's statements, set aside wherever a report or export quotes them;
    ``team``: the project's :func:`team_names`.
    """
    matcher = project_matcher(secure, reference, team)
    files: list[Path] = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise CmoError(f"{root}: no such file or folder to scan")
        files += sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    return _scan_files(files, matcher)


def _is_reference_row(table: str, values: dict[str, object]) -> bool:
    """Rows of otherwise derived tables that hold codebook text: audit entries about the codebook, and
    the initial version of each programme theory. Revised versions, their rationales and every memo
    were written by people who read the transcripts, so they are scanned as derived text."""
    if table == "audit":
        return values.get("entity") in REFERENCE_AUDIT_ENTITIES
    return table == "pt_versions" and values.get("change") == "initial"


def _program_words(table: str, col: str, value: str) -> list[tuple[int, int]]:
    """Spans of a database value that the program wrote and no one said: an audit row's tally keys
    (:mod:`.audit_tallies`)."""
    return tally_key_spans(value) if table == "audit" and col == "detail" else []


def _scan_db(db: Path, matcher: Matcher, conn: sqlite3.Connection | Database | None = None) -> list[LeakHit]:
    """Every text value of every table; the member names table, column and row. Codebook tables are
    reference text, every other table came from transcripts or from people reading them."""
    if isinstance(conn, Database) and conn.is_postgres:
        return _scan_pg(db, matcher, conn)
    own = conn is None
    if conn is None:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    hits: list[LeakHit] = []
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            mode: Mode = "reference" if table in REFERENCE_TABLES else "derived"
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            try:
                rows = conn.execute(f'SELECT rowid, * FROM "{table}"').fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID tables
                rows = conn.execute(f'SELECT NULL, * FROM "{table}"').fetchall()
            for row in rows:
                values = dict(zip(cols, tuple(row)[1:], strict=True))
                row_mode = "reference" if _is_reference_row(table, values) else mode
                for col, value in values.items():
                    if isinstance(value, str):
                        hits += scan_text(value, matcher, db, f"{table}.{col}#{row[0]}", row_mode,
                                          _program_words(table, col, value))
    except (sqlite3.DatabaseError, DbError) as exc:
        raise CmoError(f"{db}: cannot read database ({exc})") from None
    finally:
        if own:
            conn.close()
    return hits


def _scan_pg(where: Path, matcher: Matcher, conn: Database) -> list[LeakHit]:
    """:func:`_scan_db` on PostgreSQL: every table of the project's schema, rows numbered in key order."""
    hits: list[LeakHit] = []
    try:
        for table in conn.table_names():
            mode: Mode = "reference" if table in REFERENCE_TABLES else "derived"
            cur = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            for n, row in enumerate(cur.fetchall(), start=1):
                values = dict(zip(row.keys(), tuple(row), strict=True))
                row_mode = "reference" if _is_reference_row(table, values) else mode
                for col, value in values.items():
                    if isinstance(value, str):
                        hits += scan_text(value, matcher, where, f"{table}.{col}#{n}", row_mode,
                                          _program_words(table, col, value))
    except DbError as exc:
        raise CmoError(f"{where}: cannot read database ({exc})") from None
    return hits


def codebook_text(conn: sqlite3.Connection | Database) -> list[str]:
    """The project's theory statements, titles and tags, and the codebook's name: reference text wherever it is
    quoted (a QDPX names its project after the codebook: "Tiny test codebook" was a registered "Tiny")."""
    if isinstance(conn, Database):
        tables = set(conn.table_names())
    else:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    out: list[str] = _codebook_name(conn) if "meta" in tables else []
    if "pt_versions" in tables:
        # the codebook as loaded: a revised statement or element was written after reading the transcripts,
        # so a name in it must not pass as a quotation of the codebook
        for title, statement, elements in conn.execute(
                "SELECT title, statement, elements FROM pt_versions WHERE change = 'initial'"):
            out += [title, statement]
            for e in json_cell(elements, list, where="the project database", table="pt_versions", row=title,
                               column="elements"):
                if not isinstance(e, dict):
                    raise damaged("the project database", "pt_versions", title, "an element that is not an object")
                out += [v for v in (e.get("statement"), e.get("tag")) if isinstance(v, str)]
        return [v for v in out if isinstance(v, str) and v.strip()]
    for sql in ("SELECT title, statement FROM programme_theories", "SELECT statement, tag FROM elements"):
        for row in conn.execute(sql):
            out += [v for v in row if isinstance(v, str) and v.strip()]
    return out


def _codebook_name(conn: sqlite3.Connection | Database) -> list[str]:
    """The name of the codebook the project was made with and the citation of its source, as its file wrote them
    (never text of a transcript; a QDPX's project description quotes both)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'codebook'").fetchone()
    if row is None or not isinstance(row[0], str):
        return []
    try:
        data = json.loads(row[0])
        texts = [data.get("name"), data.get("citation")]
    except (ValueError, AttributeError):
        return []  # a damaged codebook is the store's to report; the leak check reads what it can
    return [t for t in texts if isinstance(t, str) and t.strip()]


def scan_project(project: object, secure: SecureFolder) -> list[LeakHit]:
    """The whole project database (texts, titles, codings, memos, audit) and its other files."""
    from ..store.project import Project

    assert isinstance(project, Project)
    matcher = project_matcher(secure, codebook_text(project.conn), team_names(project.conn))
    db = Path(project.location.display) if project.location.is_postgres else project.path / "project.sqlite"
    hits = _scan_db(db, matcher, project.conn)
    # the ids read as file names are: "Interview-with-Sarah-Pennington-Ryde" is no registered form's spelling
    for where, value in project_ids(project.conn):
        hits += scan_id(value, matcher, db, where)
    others = sorted(p for p in project.path.rglob("*") if p.is_file() and not p.name.startswith("project.sqlite"))
    # word statistics: a bag of lower-cased words cannot tell "will" the name from "will" the verb
    wordlists = {p for p in others if "suggester" in p.relative_to(project.path).parts}
    return hits + _scan_files(others, matcher, wordlists)


# -- words that sound like a registered name: warnings, not leaks -----------------------------------
_SPOKEN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CLITIC = re.compile(r"(?:['’](?:s|ll|d|re|ve|m)|n['’]t)$")


@dataclass(frozen=True)
class SoundAlikeHit:
    """A word in signed-off text that sounds like a registered name ("shavonne" for Siobhan). A warning:
    speech recognition spells names by sound, and so does English ("owen", "reece" may be someone
    else). It names the registered part it sounds like, so it is shown only to the secure side."""

    transcript: str
    line: int
    column: int
    surface: str
    sounds_like: str
    context: str


@dataclass(frozen=True)
class SoundAlikeGroup:
    """One word (in any casing) that sounds like one registered part, with every place it is said: a reviewer reads
    it once and decides once, rather than reading the same line in every file (a study's word said in eight files
    was eight warnings)."""

    surface: str  # as first said
    sounds_like: str
    hits: tuple[SoundAlikeHit, ...]

    def places(self) -> str:
        return ", ".join(f"{h.transcript}:{h.line}:{h.column}" for h in self.hits)


def group_sound_alikes(hits: list[SoundAlikeHit]) -> list[SoundAlikeGroup]:
    """The hits by word (case folded) and registered part: the most said first, then by the word; each group's
    places in transcript and line order, whatever order the hits came in."""
    by: dict[tuple[str, str], list[SoundAlikeHit]] = {}
    for h in sorted(hits, key=lambda h: (h.transcript, h.line, h.column)):
        by.setdefault((h.surface.casefold(), h.sounds_like), []).append(h)
    groups = [SoundAlikeGroup(found[0].surface, part, tuple(found)) for (_, part), found in by.items()]
    return sorted(groups, key=lambda g: (-len(g.hits), g.surface.casefold(), g.sounds_like))


_BRACKETED = re.compile(r"\[[^\[\]\n]{1,80}\]")
"""A placeholder or a transcriber's mark in signed-off text ("[imam's name]", "[inaudible 00:12:31]"): the words
inside are the project's own, so none of them is a name that sounds like a registered one (the placeholder
"[imam's name]" sounded like a registered Imran's "Immy" and was shown as a warning on every signed-off copy)."""


def sound_alikes(text: str, index: object) -> list[tuple[int, int, str]]:
    """``(start, end, registered part)`` for each word (or "mc"/"mac" and the next word) in ``text`` that
    sounds like a registered name part, by the rules of the sound-alike layer without its parser: a
    word no dictionary holds, or a dictionary word the pronunciation table lists or that is a name
    seldom written in lower case; a registered spelling is a leak, not a sound-alike, and is left out."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .layers.scots_speech import scots_negative
    from .layers.sound_alike import everyday_word, name_like_word, public_word
    from .layers.words import CALENDAR, FILLERS, KINSHIP, PEOPLES
    from .pronunciation import SoundIndex

    assert isinstance(index, SoundIndex)
    from .layers.world_places import world_places

    bracketed = [m.span() for m in _BRACKETED.finditer(text)] if "[" in text else []
    words = [w for w in _SPOKEN_WORD.finditer(text)
             if not any(a < w.start() and w.end() < b for a, b in bracketed)]
    abroad = world_places()
    caseless = not any(map(str.isupper, text))
    labels: list[tuple[int, int]] | None = None  # the study's own labels, read once a text and only when asked
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        w = words[i]
        low = w.group(0).lower()
        if low in {"mc", "mac"} and i + 1 < len(words) and text[w.end():words[i + 1].start()].isspace():
            nxt = words[i + 1]
            pair = index.match(low + nxt.group(0), joined=True)
            if pair is not None:
                out.append((w.start(), nxt.end(), pair.part))
                i += 2
                continue
        i += 1
        base = _CLITIC.sub("", low)  # "she's", "we'll", "who'd", "else's": a function word and its clitic
        if (low in STOP_WORDS or base in STOP_WORDS or low in FILLERS or len(low) < 2 or low in CALENDAR
                or base in KINSHIP or base.removesuffix("s") in KINSHIP or base in CALENDAR
                or base.removesuffix("s") in CALENDAR  # "takes me Sundays": a registered Sandy's "Sandys"
                # a people, a language or a one-word public name ("Romanian", "Romany", "Mears" for a registered
                # Rahman or Mersey), as the sound-alike layer never proposes them: no warning to read past
                or base in PEOPLES or public_word(base) or base in abroad
                # a Scots negative ("didnae" for a registered Catriona's "Tina"), as the layer never proposes it
                or scots_negative(base)):
            continue
        match = index.match(low)
        if match is None or (everyday_word(low) and not name_like_word(low, match)) or low in _public_words():
            continue
        if _in_public_name(text, w.span()):
            continue  # "Terrence" of the Terrence Higgins Trust: a word of a listed public name, no person's
        if labels is None:
            labels = study_label_spans(text)
        if any(a <= w.start() and w.end() <= b for a, b in labels):
            continue  # "the LLINYN study": the study's own label, which sign-off keeps, sounded like a "Lian"
        if _the_word_not_the_person(text, words[i - 2] if i >= 2 else None, w, match, caseless):
            continue
        if _listed_body_said_as_one(text, words[i - 2] if i >= 2 else None, w, caseless):
            continue
        out.append((w.start(), w.end(), match.part))
    return out


def _the_word_not_the_person(text: str, before: re.Match[str] | None, w: re.Match[str], match: object,
                             caseless: bool) -> bool:
    """By how it is said, the word and not the person, as the sound-alike layer reads it when it proposes
    (:func:`.layers.sound_alike.not_that_person`), so the check does not warn of what the layer rightly left:

    - in cased text, a dictionary word in lower case ("a right fine lassie" for a registered Leslie's "Lessie");
    - in lower case after an article or a quantifier ("on the fridge", "wi' the telly"), a word that sounds only
      like a form the register made by rule ("Fergie" of a registered Fergal, "Dolly" of a Dorothy), never like a
      word of a name as the team wrote it; in captions only a word English writes in lower case often enough.

    A word spelt by sound with a capital ("Dollie came round"), or after "the" in captions ("the tizz came"), is
    still a reviewer's to read."""
    from .layers.sound_alike import _DETERMINERS
    from .layers.words import SELDOM_LOWER, is_everyday, lowercase_usage
    from .pronunciation import SoundMatch, fold

    assert isinstance(match, SoundMatch)
    said = w.group(0)
    if not said.islower():
        return False
    if not caseless and is_everyday(said):
        return True
    if before is None or not text[before.end():w.start()].isspace() or before.group(0).lower() not in _DETERMINERS:
        return False
    if caseless and lowercase_usage().get(said, 0) < SELDOM_LOWER:
        return False
    written = {fold(x) for item in match.items for form in (item.surface, *item.aliases) for x in form.split()}
    return fold(match.part) not in written


_SAID_AS_A_PERSON = frozenset({"said", "says", "told", "asked", "rang", "came", "phoned"})
"""Words after a listed one-word public name that say a person ("Cruse said", "Tilley rang"): such a word is a
reviewer's to read, as the allow-list keeps such a name only where nothing says a person."""


def _listed_body_said_as_one(text: str, before: re.Match[str] | None, w: re.Match[str], caseless: bool) -> bool:
    """A one-word public name of the shipped allow-list that a name list also holds ("Cruse", "Sova", "Tilley"),
    written with its capital in cased text and with nothing around it saying a person: the allow-list keeps it
    there (``data/allowlist.txt``: "not kept where the words around it say a person"), so sign-off kept it, and a
    warning that "Cruse" sounds like a registered Carys is one no reviewer can act on. A title, a kin word or
    speech around it ("Mrs Cruse", "my nan Tilley", "Cruse said") leaves the warning."""
    from .layers.allowlist import default_allowlist
    from .layers.words import KINSHIP, TITLE_WORDS

    said = w.group(0)
    if caseless or not said[:1].isupper() or said.isupper() or said.lower() not in _one_word_entries(
            default_allowlist()):
        return False
    if before is not None and before.group(0).lower().rstrip(".") in {*TITLE_WORDS, *KINSHIP}:
        return False
    after = _SPOKEN_WORD.search(text, w.end(), min(len(text), w.end() + 40))
    return after is None or after.group(0).lower() not in _SAID_AS_A_PERSON


@cache
def _one_word_entries(entries: tuple[str, ...]) -> frozenset[str]:
    """The allow-list's one-word entries, lower-cased."""
    return frozenset(e.strip().lower() for e in entries if e.strip() and " " not in e.strip())


@cache
def _public_words() -> frozenset[str]:
    """One-word public names of the shipped lists that no name list holds ("Wales", "NVivo"): a country or a tool
    said in signed-off text is no name heard by sound ("Wales" was shown as sounding like a registered Wall's
    "Wals" in every transcript that named the country)."""
    from .layers.allowlist import default_allowlist
    from .layers.words import listed_names

    names = listed_names()
    listed = {low for p in default_allowlist() if " " not in (low := p.strip().lower()) and low not in names}
    return frozenset(listed | _NATIONS)


_NATIONS = frozenset({"wales", "welsh", "cymru", "england", "english", "scotland", "scottish", "ireland", "irish",
                      "britain", "british", "ulster"})
"""The UK's and Ireland's nations and their words, said in every transcript of a study there: a surname list holds
some ("Wales", "English"), and a warning on each would be read by nobody."""


def scan_sound_alikes(project: object, secure: SecureFolder) -> list[SoundAlikeHit]:
    """Words in the project's signed-off transcripts that sound like a registered person's name."""
    from bisect import bisect_right

    from ..store.project import Project
    from .pronunciation import SoundIndex

    assert isinstance(project, Project)
    index = SoundIndex.from_register(registered_items(secure))
    if not index:
        return []
    hits: list[SoundAlikeHit] = []
    rows = project.conn.execute("SELECT id, text FROM transcripts WHERE text IS NOT NULL ORDER BY position, id")
    for tid, text in rows:
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        for start, end, part in sound_alikes(text, index):
            line = bisect_right(line_starts, start)
            hits.append(SoundAlikeHit(tid, line, start - line_starts[line - 1] + 1, text[start:end], part,
                                      _context(text, start, end)))
    return hits
