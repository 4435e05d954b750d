"""Speaker names → study labels, through the participants manifest and the key.

The manifest (CSV, kept in the secure folder by the user) says who is who; the key
(``participants-key.json`` in the secure folder) remembers every label ever given, so
a participant keeps their label across imports and manifest edits. Speakers the
manifest does not cover get provisional ``U<n>`` labels: they are reported with a
suggested manifest line and never reach the project until the manifest covers them.

Names are compared after normalisation, because the same person is written
``Adams, Jennifer (She/Her)`` by Teams, ``Jennifer Adams`` in the manifest and
``Jennifer Adams (Guest)`` when they dial in from outside the organisation.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import CmoError, ValidationFailed
from ..model import Participant, Role, Transcript
from ..model.key import KeyEntry, ParticipantKey
from ..model.manifest import GROUP_ATTRIBUTE, ManifestEntry, is_group
from . import group_speakers
from .normalise import clean_name, decode
from .stem_fold import skeleton
from .utterance import GENERIC_SPEAKERS, is_voice_code, role_label

PROVISIONAL_TEMPLATE = "U{n}"
_PAREN_RE = re.compile(r"\s*\([^()]*\)\s*$")
#: An organisation a meeting's display name carries after a bar or in square brackets ("Dr Lee | UHP", "Helen
#: Lee [UHP]"), as NHS and university accounts show it: the person is the name before it.
_ORG_RE = re.compile(r"\s*(?:\|[^|]*|\[[^\[\]]*\])$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_TOKEN_RE = re.compile(r"[^0-9a-z]+")
_SERVICE_LETTER_RE = re.compile(r"speaker ([a-z])")
MANIFEST_COLUMNS = ("name", "aliases", "role", "site", "label")


def name_key(name: str) -> str:
    """Comparable form of a name: entities decoded, ``(She/Her)`` / ``(Guest)`` and an organisation after a bar
    or in square brackets (``| UHP``, ``[UHP]``) dropped, ``Surname, Firstname`` turned round, case, spacing and
    accents folded. Accents are folded because a team writes a name one way and a meeting or a transcriber
    another: the manifest's "Siân Lloyd" joins Zoom as "Sian Lloyd" and a caption file labels "Oisín" as
    ``oisin:``; kept apart, each became a provisional speaker whose advice made a second participant of her."""
    n = person_of_label(name)
    if n.count(",") == 1:
        last, first = (p.strip() for p in n.split(","))
        if last and first:
            n = f"{first} {last}"
    return " ".join(_without_accents(n).casefold().split())


def _without_accents(text: str) -> str:
    """``text`` with its combining marks taken off ("Siân" → "Sian", "Zoë" → "Zoe"); letters without a
    decomposition ("ø", "ł") stay as written."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)))


def person_of_label(name: str) -> str:
    """The person a meeting label names, as written: pronouns and an organisation after a bar or in square
    brackets dropped ("Dr Lee | UHP" → "Dr Lee", "Amira Patel (she/her)" → "Amira Patel"). The import's advice
    offers this for the manifest, since the organisation is no part of anyone's name and the next meeting may
    show another."""
    n = clean_name(name)
    while True:
        stripped = _ORG_RE.sub("", _PAREN_RE.sub("", n)).strip()
        if stripped == n or not stripped:
            return n
        n = stripped


def without_organisation(name: str) -> str:
    """The name before an organisation or a job title that a meeting's display name carries after a bar or in square
    brackets ("Rhys Pritchard | Crisis Team Lead" → "Rhys Pritchard"), pronouns and nicknames in round brackets
    kept for the caller: the words after the bar are nobody's name, and taken as name forms they removed "crisis
    team" and "nurse practitioner" wherever said, and made a file called "Crisis team debrief" look named after
    someone."""
    n = name
    while (stripped := _ORG_RE.sub("", n).strip()) and stripped != n:
        n = stripped
    return n


def is_email(alias: str) -> bool:
    """Whether a name or alias is an e-mail address (a guest who joined a meeting by e-mail is shown so)."""
    return _EMAIL_RE.match(alias.strip()) is not None


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def id_of_stem(stem: str) -> str:
    """The transcript id the import gives a file of this stem: every character but letters, digits, ``_ . -``
    made ``-``, leading marks dropped, at most 72 characters ("Carers interview SOT-C01 final" →
    "Carers-interview-SOT-C01-final")."""
    return _ID_UNSAFE.sub("-", stem).lstrip("-_.")[:72] or "transcript"


def stem_key(stem: str) -> str:
    """How a scope (``Alias@stem``) is compared with a file: as the id the import makes of it, case-folded. Why:
    a team writes the file's name as it sees it, with its spaces ("Sharon@Carers interview SOT-C01 final"), while
    the import's own advice writes the id ("Sharon@Carers-interview-SOT-C01-final"); before, only the first
    matched at import and only the second in the anonymiser, so neither worked whole."""
    return id_of_stem(stem.strip()).casefold()


def split_scope(alias: str) -> tuple[str, str | None]:
    """``Respondent@siteB_staff_interview`` → (``Respondent``, ``siteB_staff_interview``); e-mails stay whole."""
    if "@" in alias and not is_email(alias):
        name, _, stem = alias.rpartition("@")
        return name.strip(), stem.strip()
    return alias.strip(), None


def is_generic(name: str) -> bool:
    return GENERIC_SPEAKERS.match(clean_name(name)) is not None


@dataclass
class ManifestRow:
    entry: ManifestEntry
    line: int


_GROUP_ROLE = re.compile(r"(?i)^\s*(.*?)[\s_-]*(?:focus[\s_-]*)?group\s*$")


def group_role(text: str) -> tuple[str, bool]:
    """A manifest role that says a group without speaker labels ("group", "focus group", "staff group", "carers'
    group"): the role of its members (service users unless said) and True; any other role as written and False.
    Why: a focus group's captions often name no speaker; the team gives the whole file to the group's row
    (``import --speaker LABEL``), and the row's name must not become a person's name to decide."""
    m = _GROUP_ROLE.match(text)
    if m is None:
        return text, False
    members = m.group(1).strip().rstrip("'’").strip()
    if members.lower().endswith("s") and members.lower() not in {"staff"}:
        members = members[:-1]  # "carers" → "carer", "parents" → "parent"
    return members or "service_user", True


def load_manifest(path: Path) -> list[ManifestRow]:
    """Read and validate the manifest CSV; every problem is reported with its line."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CmoError(f"{path}: cannot read the manifest: {exc.strerror}") from None
    text = decode(data, str(path)).text
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _manifest_rows(path, reader)
    except csv.Error as exc:  # a field past the csv module's limit (a line of megabytes)
        raise CmoError(f"{path}: line {max(reader.line_num, 1)}: not a readable CSV line ({exc})") from None


def _manifest_rows(path: Path, reader: csv.DictReader[str]) -> list[ManifestRow]:
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "name" not in fields or "role" not in fields:
        raise CmoError(f"{path}: line 1: the manifest needs at least the columns 'name' and 'role' (got {fields})")
    reader.fieldnames = fields
    rows: list[ManifestRow] = []
    problems: list[str] = []
    seen_names: dict[tuple[str, str | None], int] = {}
    seen_labels: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        if None in raw:
            problems.append(f"line {line}: more values than columns")
            continue
        name = clean_name(raw.get("name") or "")
        if not name:
            problems.append(f"line {line}: empty name")
            continue
        role_text, group = group_role(raw.get("role") or "")
        try:
            role = Role.parse(role_text)
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
            continue
        aliases = [a.strip() for a in (raw.get("aliases") or "").split(";") if a.strip()]
        label = (raw.get("label") or "").strip() or None
        attributes = {
            k: (v or "").strip() for k, v in raw.items() if k not in MANIFEST_COLUMNS and k and (v or "").strip()
        }
        if group:
            attributes[GROUP_ATTRIBUTE[0]] = GROUP_ATTRIBUTE[1]
        try:
            entry = ManifestEntry(name=name, aliases=aliases, role=role, site=(raw.get("site") or "").strip() or None,
                                  label=label, attributes=attributes)
        except ValidationError as exc:
            # pydantic's own text runs over three lines with a link; the row's problem is its first error's message
            problems.extend(f"line {line}: {err['msg'].removeprefix('Value error, ')}" for err in exc.errors())
            continue
        for spelling in [name, *aliases]:
            bare, stem = split_scope(spelling)
            k = (name_key(bare), stem_key(stem) if stem else None)
            if k in seen_names and seen_names[k] != line:  # a row may spell its own name several ways
                problems.append(f"line {line}: name or alias {spelling!r} already used on line {seen_names[k]}")
            else:
                seen_names[k] = line
        if label:
            if label in seen_labels:
                problems.append(f"line {line}: label {label!r} already used on line {seen_labels[label]}")
            seen_labels[label] = line
        rows.append(ManifestRow(entry, line))
    problems += _labels_that_are_names(rows)
    problems += _labels_that_hold_sites(rows)
    if problems:
        raise ValidationFailed(f"{path}: invalid participants manifest", problems)
    return rows


_LABEL_PARTS = re.compile(r"[-_\s.]+")


def _labels_that_hold_sites(rows: list[ManifestRow]) -> list[str]:
    """A label holding a site as the manifest writes it ("IOW-P03" where a site is "IoW" or "Portsmouth & IoW").

    Why here: the project shows a named site as a letter, and the leak check looks for the site's name in
    everything shared, so a label holding it is reported wherever the label stands and ``export --qdpx`` refuses
    to write anything; labels never change once given, so the import, where they are first given, is the one
    place the team can still choose others (or write the site in full)."""
    from ..anonymise.sitenames import site_items

    key = ParticipantKey(entries=[KeyEntry(label=r.entry.label or "X", name=r.entry.name, site=r.entry.site)
                                  for r in rows if r.entry.site])
    sites = {v.casefold(): i.surface for i in site_items(key) for v in i.variants if " " not in v.strip()}
    problems = []
    for r in rows:
        label = r.entry.label
        held = [sites[p] for p in _LABEL_PARTS.split(label.casefold()) if p in sites] if label else []
        if held:
            problems.append(f"line {r.line}: label {label!r} holds the site {held[0]!r}: the project shows a site "
                            "as a letter, but a label reaches every export as written and the leak check refuses "
                            "the export; choose a label without it, or write the site in full")
    return problems


def _labels_that_are_names(rows: list[ManifestRow]) -> list[str]:
    """Rows whose label is a word of a person's name or alias in the manifest.

    Why: the label is what the project shows for the speaker, outside the secure folder, and no layer of the
    anonymiser reads it. "Jordan" as the label of Jordan Reyes, or "Sam" as the label of a group where Sam
    Okafor is a participant, put a registered name into every turn's speaker and every export. A generic
    speaker word ("Interviewer", "S00") is a label whatever a row is called."""
    words: dict[str, int] = {}
    for row in rows:
        if is_group(row.entry.attributes):
            continue  # a group's name ("Carers group") is no person's
        for spelling in [row.entry.name, *row.entry.aliases]:
            if is_voice_code(split_scope(spelling)[0]):
                continue  # a file's voice code ("F1@group") names nobody: the project may label someone F1
            for word in re.findall(r"[^\W\d_][\w'’-]*", split_scope(spelling)[0]):
                if not GENERIC_SPEAKERS.match(word) and not role_label(word):
                    words.setdefault(word.casefold(), row.line)
    out = []
    for row in rows:
        label = row.entry.label
        if label and (owner := words.get(label.casefold())) is not None:
            whose = "this row's person" if owner == row.line else f"the person on line {owner}"
            out.append(f"line {row.line}: label {label!r} is a name of {whose}; a label is shown in the "
                       "project for every turn, so give one that names nobody (P1, Staff2, FG1)")
    return out


def _label_re(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(template).replace(re.escape("{n}"), r"(\d+)") + "$")


def next_label(entries: list[KeyEntry], template: str) -> str:
    pat = _label_re(template)
    used = [int(m.group(1)) for e in entries if (m := pat.match(e.label))]
    return template.replace("{n}", str(max(used, default=0) + 1))


def with_site_codes(key: ParticipantKey) -> ParticipantKey:
    """The key with a case-study letter for every site the manifest names by its place.

    A town in the manifest's ``site`` column ("Bradford") would reach the project with every
    attribution ("Case Study Bradford") and locate the participant; the project shows a letter
    instead and the key, in the secure folder, keeps which town it stands for. Letters are given
    in manifest order, skip those the manifest already uses, and never change once given.
    """
    from ..anonymise.sitenames import named_site

    codes = dict(key.site_codes)
    used = set(codes.values()) | {e.site for e in key.entries if e.site and not named_site(e.site)}
    for e in key.entries:
        if not e.site or e.site in codes or not named_site(e.site):
            continue
        n = 0
        while True:
            letter, rest = "", n
            while True:
                letter = chr(ord("A") + rest % 26) + letter
                rest = rest // 26 - 1
                if rest < 0:
                    break
            if letter not in used:
                break
            n += 1
        codes[e.site] = letter
        used.add(letter)
    return key if codes == key.site_codes else key.model_copy(update={"site_codes": codes})


class SpeakerMap:
    """The key plus lookups; ``resolve`` adds provisional entries for unknown speakers."""

    def __init__(self, key: ParticipantKey) -> None:
        self.key = key
        self.added: list[KeyEntry] = []
        self._ids: dict[str, str] = {}
        self._reindex()

    def imported_as(self, stem: str, tid: str) -> None:
        """The file of ``stem`` is imported under the id ``tid``: a scope written with the id (``S1@transcript-5``)
        finds its speakers as one written with the stem does. Why: a file whose name holds a name or a town gets a
        neutral id, and the import's advice for its speakers names that id (never the name-holding stem); before,
        a team that pasted the advice still had the speaker provisional, since scopes were read by stem only."""
        self._ids[stem_key(stem)] = stem_key(tid)

    def _reindex(self) -> None:
        self._global: dict[str, KeyEntry] = {}
        self._scoped: dict[tuple[str, str], KeyEntry] = {}
        for e in self.key.entries:
            for spelling in [e.name, *e.aliases]:
                bare, stem = split_scope(spelling)
                if stem is None:
                    self._global.setdefault(name_key(bare), e)
                else:
                    self._scoped.setdefault((name_key(bare), stem_key(stem)), e)

    def apply_manifest(self, rows: list[ManifestRow], source: str) -> None:
        """Bring the key in line with the manifest, keeping every label already given."""
        entries = list(self.key.entries)
        # Fixed labels first, so a number the manifest reserves is never handed out to someone else.
        for row in sorted(rows, key=lambda r: r.entry.label is None):
            m = row.entry
            spellings = {split_scope(s) for s in [m.name, *m.aliases]}
            keys = {(name_key(b), stem_key(s) if s else "") for b, s in spellings}

            def matches(e: KeyEntry, keys: set[tuple[str, str]] = keys) -> bool:
                for spelling in [e.name, *e.aliases]:
                    b, s = split_scope(spelling)
                    if (name_key(b), stem_key(s) if s else "") in keys:
                        return True
                return False

            old = [e for e in entries if matches(e)]
            confirmed = [e for e in old if not e.provisional]
            if m.label:
                label = m.label
                if confirmed and confirmed[0].label != label:
                    raise CmoError(
                        f"{source}: line {row.line}: {m.name!r} already has label {confirmed[0].label} in the key; "
                        f"labels never change (remove the label {label!r} or make it {confirmed[0].label})"
                    )
            elif confirmed:
                label = confirmed[0].label
            else:
                template = self.key.label_formats.get(m.role.value)
                if not template:
                    raise CmoError(f"{source}: line {row.line}: no label template for role {m.role.value}")
                label = next_label([e for e in entries if e not in old], template)
            clash = [e for e in entries if e.label == label and e not in old]
            if clash:
                raise CmoError(
                    f"{source}: line {row.line}: label {label} is already held by another participant in the key"
                )
            new = KeyEntry(label=label, name=m.name, aliases=list(m.aliases), role=m.role, site=m.site,
                           attributes=dict(m.attributes), provisional=False)
            idx = entries.index(old[0]) if old else len(entries)
            entries = [e for e in entries if e not in old]
            entries.insert(min(idx, len(entries)), new)
        self.key = with_site_codes(self.key.model_copy(update={"entries": entries}))
        self._reindex()

    def lookup(self, name: str, stem: str) -> KeyEntry | None:
        """File-scoped spellings first (``Respondent@stem``), then global names and aliases."""
        k = name_key(name)
        scopes = [stem_key(stem)]
        if (tid := self._ids.get(scopes[0])) is not None and tid != scopes[0]:
            scopes.append(tid)
        found = next((f for s in scopes if (f := self._scoped.get((k, s))) is not None), None) or self._global.get(k)
        if found is None and (letter := _SERVICE_LETTER_RE.fullmatch(k)):
            # AssemblyAI's JSON writes "speaker": "A", read as "Speaker A": a team copies the letter from the JSON
            found = next((f for s in scopes if (f := self._scoped.get((letter.group(1), s))) is not None), None)
        return found

    def label_of(self, name: str, stem: str) -> str:
        """The study label of a turn's speaker as written: the key's, else a fixed label for the group
        (``ALL``) or a voice nobody placed (``UNPLACED``), else for members speaking together their labels
        joined (``P2 & P4`` → ``NOR-G02 & NOR-G04``), each resolved as a name of its own (a member the key
        does not cover gets a provisional label, never the name written), else :meth:`resolve`'s.

        Why: a joint label given one provisional entry asked the team for a manifest row naming two people as
        one, and a group's label asked for a person called "ALL"; a name in a joint label ("Mary and Jo") must
        become labels like any speaker's."""
        found = self.lookup(name, stem)
        if found is not None:
            return found.label
        if (fixed := group_speakers.fixed_label(name)) is not None:
            return fixed
        members = group_speakers.joint_members(name)
        if members is not None:
            return group_speakers.JOINT_SEPARATOR.join(dict.fromkeys(self.label_of(m, stem) for m in members))
        return self.resolve(name, stem).label

    def known_label(self, name: str, stem: str) -> str | None:
        """:meth:`label_of` from the key as it stands, or None where it does not cover the speaker (or one
        member of a joint line): nothing is added."""
        found = self.lookup(name, stem)
        if found is not None:
            return found.label
        if (fixed := group_speakers.fixed_label(name)) is not None:
            return fixed
        members = group_speakers.joint_members(name)
        if members is None:
            return None
        labels = [self.known_label(m, stem) for m in members]
        if any(lab is None for lab in labels):
            return None
        return group_speakers.JOINT_SEPARATOR.join(dict.fromkeys(lab for lab in labels if lab is not None))

    def persons(self, name: str, stem: str) -> list[str]:
        """The names the key must cover for a turn's speaker as written: the name itself where the key has it,
        none for the group or an unplaced voice, each member of a joint line."""
        if self.lookup(name, stem) is not None:
            return [name]
        if group_speakers.is_group_label(name) or group_speakers.is_unplaced(name):
            return []
        members = group_speakers.joint_members(name)
        return [p for m in members for p in self.persons(m, stem)] if members is not None else [name]

    def name_of_label(self, label: str) -> str | None:
        """The name of the manifest row whose study label is ``label`` ("SUN-FG1"), or None: ``import --speaker``
        takes a label as well as a name, since a group recorded without speaker labels is known by its label."""
        wanted = label.strip().casefold()
        return next((e.name for e in self.key.entries if not e.provisional and e.label.casefold() == wanted), None)

    def resolve(self, name: str, stem: str) -> KeyEntry:
        found = self.lookup(name, stem)
        if found is not None:
            return found
        # Role words ("Respondent", "I", "Speaker 1") name a different person in every file.
        key_name = f"{clean_name(name)}@{stem}" if is_generic(name) else clean_name(name)
        template = self.key.label_formats.get("provisional", PROVISIONAL_TEMPLATE)
        entry = KeyEntry(label=next_label(self.key.entries, template), name=key_name, provisional=True)
        self.key = self.key.model_copy(update={"entries": [*self.key.entries, entry]})
        self.added.append(entry)
        self._reindex()
        return entry

    def participants(self) -> list[Participant]:
        """Manifest-covered participants as the project may know them: label, role, site, attributes."""
        return [
            Participant(label=e.label, role=e.role, site=self.key.project_site(e.site),
                        attributes=dict(e.attributes))
            for e in self.key.entries if not e.provisional and e.role is not None
        ]

    def name_tokens(self, extra: Iterable[str] = ()) -> set[str]:
        """Lower-case tokens of every known name and alias (role words and 1-letter tokens left out)."""
        tokens: set[str] = set()
        spellings = [s for e in self.key.entries if not is_group(e.attributes) for s in [e.name, *e.aliases]]
        spellings += list(extra)
        for spelling in spellings:
            bare, _ = split_scope(spelling)
            bare = without_organisation(bare)
            if role_label(clean_name(bare)):
                continue
            for tok in _TOKEN_RE.split(skeleton(clean_name(bare)).casefold()):
                if len(tok) >= 2 and not tok.isdigit() and not GENERIC_SPEAKERS.match(tok):
                    tokens.add(tok)
        return tokens


def suggested_line(entry: KeyEntry, known: Iterable[KeyEntry] = (), stems: Iterable[str] = ()) -> str:
    """A manifest line the user can paste and complete (role and site to fill in); for a first name that one
    person of the manifest has ("Imogen" beside "Imogen Hartley"), that person's own line with the name as an
    alias for the files it was said in (``stems``), since a new line would make a second participant of her. A
    transcriber's voice code ("F2") is the name of a voice in the files it was said in only, so its line names it
    with those files' scope."""
    bare, stem = split_scope(entry.name)
    bare = person_of_label(bare)
    if stem is not None:
        return f'"REAL NAME","{bare}@{stem}",ROLE,SITE,'
    stems = list(stems)
    if is_voice_code(bare) and stems:  # "F2" is this file's voice, not the F2 of every file (nor the project's)
        return '"REAL NAME","' + ";".join(f"{bare}@{s}" for s in stems) + '",ROLE,SITE,'
    owner = alias_owner(bare, known)
    if owner is not None:
        aliases = [*owner.aliases, *(f"{bare}@{s}" for s in stems)] if stems else [*owner.aliases, bare]
        return f'"{owner.name}","{";".join(aliases)}",{owner.role or "ROLE"},{owner.site or ""},'
    return f'"{bare}",,ROLE,SITE,'


def alias_owner(name: str, known: Iterable[KeyEntry]) -> KeyEntry | None:
    """The one manifest person whose given name ``name`` (a single word) is, or None where none or several are; for
    a name of more words, the one person it spells with a slip (:func:`spelt_otherwise`).

    Failing the given name itself, a listed nickname or familiar form of it ("Shug" of a Hugh, "Rab" or "Bob" of
    a Robert, as the register reads them): a speaker label of a short form is that person far more often than a second
    one, and advice to add a manifest line for it would make two participants of one person. Ambiguous forms
    (two manifest people it could be) name nobody."""
    from ..anonymise.register import listed_nicknames

    words = clean_name(name).split()
    if len(words) != 1:
        return spelt_otherwise(words, known)
    first = words[0].casefold()
    people = [e for e in known if not e.provisional and len(clean_name(e.name).split()) >= 2]
    owners = [e for e in people if clean_name(e.name).split()[0].casefold() == first]
    if not owners:
        owners = [e for e in people if first in listed_nicknames(clean_name(e.name).split()[0])]
    return owners[0] if len(owners) == 1 else None


def spelt_otherwise(words: list[str], known: Iterable[KeyEntry]) -> KeyEntry | None:
    """The one manifest person whose full name ``words`` spell with one word written another way ("Nadia Rehman"
    for "Nadia Rahman", "Mhari" for "Mhairi", an accent dropped), or None where none or several are.

    A name spelt two ways across files is most often one person (a Zoom name typed by its owner, a manifest typed
    by a colleague), and a new manifest line for the label would make a second participant of her. The other
    words must be the same, and the word that differs must keep its first letter, have four letters or more and be
    one change away (two for a word of seven letters or more): "Tim" is not "Tom", nor "Rashid" "Rahman"."""
    said = [skeleton(w).casefold() for w in words]
    owners = []
    for e in known:
        if e.provisional:
            continue
        theirs = [skeleton(w).casefold() for w in clean_name(e.name).split()]
        if len(theirs) != len(said) or theirs == said:
            continue
        differ = [(a, b) for a, b in zip(said, theirs, strict=True) if a != b]
        if len(differ) == 1 and _one_slip(*differ[0]):
            owners.append(e)
    return owners[0] if len(owners) == 1 else None


def _one_slip(a: str, b: str) -> bool:
    """Whether two spellings of a name's word are a slip apart: the same first letter, four letters or more, and an
    edit distance of one (two for seven letters or more)."""
    if a[:1] != b[:1] or min(len(a), len(b)) < 4:
        return False
    most = 2 if max(len(a), len(b)) >= 7 else 1
    if abs(len(a) - len(b)) > most:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1] <= most


_STEM_SPLIT_RE = re.compile(r"[\s_.\-]+")
#: camelCase and digit boundaries: ``JaneAdams2024`` → Jane, Adams, 2024; ``BSRInterview`` → BSR, Interview
_CAMEL_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\W\d_]+")


def stem_tokens(stem: str) -> list[str]:
    """A file stem's words, case-folded: split on ``_ - . space`` and at camelCase and digit boundaries, read as
    the eye reads them (:func:`.stem_fold.skeleton`: "Siobhán", "SIOBHAN" and "Ｓiobhan" are one word)."""
    out: list[str] = []
    for part in _STEM_SPLIT_RE.split(skeleton(stem)):
        out.extend(w.casefold() for w in _CAMEL_RE.findall(part))
    return out


def stem_mentions_name(stem: str, tokens: set[str], names: Iterable[str] = ()) -> bool:
    """Whether a file stem holds a name: a whole name token (``lowe`` in ``ann_lowe``, not in
    ``…_lower``), or a full name run together (``annlowe``, ``loweann``) inside one word."""
    words = stem_tokens(stem)
    if any(w in tokens for w in words):
        return True
    runs = set()
    for name in names:
        parts = [t for t in _TOKEN_RE.split(skeleton(clean_name(split_scope(name)[0])).casefold()) if t]
        if len(parts) >= 2:
            runs.add("".join(parts))
            runs.add("".join(reversed(parts)))
    squashed = [w for w in _STEM_SPLIT_RE.split(skeleton(stem).casefold()) if w]
    return any(run in w for run in runs for w in squashed)


def uncovered_speakers(turn_names: list[str | None], key: ParticipantKey, stem: str) -> list[str]:
    """Names in a raw transcript that no manifest line covers yet (in order, once each).

    Anonymisation calls this before signing a transcript off: a provisional or unknown
    speaker has no role or site, so their quotes could not be attributed.
    """
    smap = SpeakerMap(key)
    out: list[str] = []
    for written in turn_names:
        if written is None:
            continue
        for name in smap.persons(written, stem):  # a joint line's members each; the group's line none
            entry = smap.lookup(name, stem)
            if (entry is None or entry.provisional) and name not in out:
                out.append(name)
    return out


def label_clashes(names: Iterable[str], smap: SpeakerMap, stem: str) -> list[str]:
    """What to say where a file's own speaker code is also one of the project's labels held by someone else.

    A focus group typed with voice codes ``F1``, ``F2``, ``M1`` in a project that labels its facilitators F1
    and F2: the file's codes are scoped to the file, as an alias ``F1@file`` is, so the file's F1 is never the
    project's F1 and its turns go to whoever the manifest says (or a provisional label). The speech is right
    either way, but an analyst reading the file's "F1" beside the project's F1 is misled; the import says which
    is which, so the team can tell the two apart or give the file's codes manifest lines."""
    held = {e.label.casefold(): e for e in smap.key.entries}
    out: list[str] = []
    for name in dict.fromkeys(names):
        other = held.get(clean_name(name).casefold())
        entry = smap.lookup(name, stem)
        if other is None or entry is None or entry.label == other.label:
            continue
        role = f" ({other.role.value})" if other.role is not None else ""
        out.append(f"the file's speaker code {clean_name(name)!r} is the file's own, not the project's "
                   f"{other.label}{role}: its turns are labelled {entry.label}"
                   + (" (provisional: give it a manifest line as " + f"{clean_name(name)}@{stem})"
                      if entry.provisional else ""))
    return out


def relabel(raw: Transcript, key: ParticipantKey, stem: str, unknown: str = "UNKNOWN") -> Transcript:
    """The raw transcript with every turn's label taken afresh from the key (by the name as written).

    Labels in a raw copy are those of its import; when the manifest has since covered a
    provisional speaker, this gives the labels to sign off with. Names not in the key keep
    their label; turns without a name get ``unknown``.
    """
    smap = SpeakerMap(key)
    turns = []
    for t in raw.turns:
        found = smap.known_label(t.speaker_name, stem) if t.speaker_name else None
        label = found if found is not None else (t.speaker if t.speaker_name else unknown)
        turns.append(t if label == t.speaker else t.model_copy(update={"speaker": label}))
    return raw.model_copy(update={"turns": turns})
