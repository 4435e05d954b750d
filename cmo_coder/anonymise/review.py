"""Review: proposals grouped by surface, decisions saved and reused, and sign-off.

Decisions are made per surface form ("Daniel", "St James's") and saved in the secure
folder, so once a reviewer accepts or edits a form, every later transcript that says it
is handled the same way: the consistency UK Data Service guidance asks of pseudonyms.
A decision reaches every occurrence, not only the ones the layers proposed: review adds a
proposal wherever a registered or accepted surface occurs (:func:`complete`).

A registered name that may be an everyday word at one place ("I will", "the dawn walks")
is decided there alone: it is listed by occurrence id, a surface "reject" never reaches it,
and ``--accept-all`` redacts it (a word redacted wrongly costs less than a leaked name).

Sign-off is the only door into the project and it refuses while anything is undecided,
while a speaker is provisional, or while any occurrence of a registered or accepted surface
would survive without a decision on that very occurrence.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import clock
from ..errors import CmoError, NotFound
from ..ids import stable_id
from ..model import Participant, Transcript
from ..model.transcript import NO_SPEAKER
from ..store.atomic import write_text, write_text_once
from ..store.project import Project
from ..store.secure import SecureFolder
from . import overlaps
from .apply import apply_spans, apply_to_transcript
from .headings import heading_turns, without_heading_turns
from .joining import join_people
from .joint_turns import with_joint_speakers
from .layers.public_figures import full_name_spans, inside_public_full_name, yields_to_public
from .layers.register_shops import SHOP_REASON
from .layers.words import CALENDAR, TITLE_WORDS
from .leakcheck import KEPT, registered_items
from .models import Decision, Decisions, LogEntry, Proposal, ProposalSet, Residual
from .occurrences import Occurrence, accepted_occurrences, everyday_form, norm, registered_occurrences
from .pipeline import context_of
from .placeholders import placeholder_for
from .register import TITLES, RegisterItem
from .register import _scope_matches as scope_matches
from .registered_bodies import REASON as BODY_REASON

PROPOSALS = "proposals"
NUMBERS = "placeholder-numbers.json"
REDACTION_KEY = "redaction-key.json"


# -- secure-folder state ---------------------------------------------------------------------------
def save_proposals(secure: SecureFolder, ps: ProposalSet) -> None:
    write_text(secure.path / PROPOSALS / f"{ps.transcript_id}.json", ps.model_dump_json(indent=2) + "\n")


def load_proposals(secure: SecureFolder, transcript_id: str) -> ProposalSet:
    p = secure.path / PROPOSALS / f"{transcript_id}.json"
    if not p.exists():
        raise NotFound(f"no proposals for transcript {transcript_id}: run 'cmo-coder anonymise' first")
    try:
        return ProposalSet.model_validate_json(p.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise CmoError(f"{p}: corrupt proposals file: {exc}") from None


def proposal_ids(secure: SecureFolder) -> list[str]:
    folder = secure.path / PROPOSALS
    return sorted(p.stem for p in folder.glob("*.json")) if folder.exists() else []


def load_decisions(secure: SecureFolder) -> Decisions:
    try:
        return Decisions.model_validate(secure.read_json(secure.decisions_path.name, {}))
    except ValueError as exc:
        raise CmoError(f"{secure.decisions_path}: corrupt decisions file: {exc}") from None


def save_decisions(secure: SecureFolder, decisions: Decisions) -> None:
    secure.write_json(secure.decisions_path.name, decisions.model_dump(mode="json"))


def load_numbers(secure: SecureFolder) -> dict[str, int]:
    return {str(k): int(v) for k, v in secure.read_json(NUMBERS, {}).items()}


def save_numbers(secure: SecureFolder, numbers: dict[str, int]) -> None:
    secure.write_json(NUMBERS, numbers)


def salt(secure: SecureFolder) -> str:
    """The secure folder's salt for surface hashes, made on first use and never replaced: the review
    page's ids and the log's hashes of one surface must stay the same whichever request made it."""
    p = secure.path / ".log-salt"
    if not p.exists():
        write_text_once(p, secrets.token_hex(16) + "\n")
    return p.read_text(encoding="utf-8").strip()


def surface_hash(secure: SecureFolder, surface: str) -> str:
    """The log names what was removed only by salted hash: linkable across lines, unreadable alone."""
    return hashlib.sha256((salt(secure) + norm(surface)).encode("utf-8")).hexdigest()[:16]


def log(secure: SecureFolder, entry: LogEntry) -> None:
    secure.append_log(entry.model_dump(mode="json", exclude_none=True))


# -- decisions -------------------------------------------------------------------------------------
def decision_for(p: Proposal, decisions: Decisions) -> Decision | None:
    """Occurrence decision first, then the surface decision; registered items are accepted by default.

    A surface "reject" never reaches a per-occurrence item: keeping a registered name is decided
    one occurrence at a time, by someone who read that occurrence.
    """
    d = decisions.occurrences.get(p.id)
    if d is None and p.part_of is not None:  # part of an accepted surface that another proposal overlaps
        whole = decisions.surfaces.get(p.part_of)
        d = whole if whole is not None and whole.decision != "reject" else None
    if d is None:
        d = decisions.surfaces.get(norm(p.surface))
        if d is not None and d.decision == "reject" and p.per_occurrence:
            d = None
    if d is None and p.auto:
        return Decision(decision="accept", by="register", at="")
    return d


def resolved(ps: ProposalSet, decisions: Decisions) -> list[tuple[Proposal, Decision | None]]:
    return [(p, decision_for(p, decisions)) for p in ps.proposals]


def undecided(ps: ProposalSet, decisions: Decisions) -> list[Proposal]:
    return [p for p, d in resolved(ps, decisions) if d is None]


def _check_placeholder(what: str, placeholder: str | None) -> None:
    if not (placeholder and placeholder.startswith("[") and placeholder.endswith("]")):
        raise CmoError(f"edit for {what!r}: the placeholder must be written in brackets, like [ward name]")


def decide(decisions: Decisions, registered: set[str], surface: str, decision: str, actor: str,
           placeholder: str | None = None, category: str | None = None) -> Decisions:
    """A surface decision applying to every transcript; rejecting a registered name is refused."""
    key = norm(surface)
    if not key:
        raise CmoError("an empty surface cannot be decided")
    if decision == "reject" and key in registered:
        raise CmoError(f"{surface!r} is a registered name: it is always redacted. Remove it from the register "
                       "or manifest instead of rejecting it, or keep single occurrences by their id")
    if decision == "edit":
        _check_placeholder(surface, placeholder)
    surfaces = dict(decisions.surfaces)
    surfaces[key] = Decision(decision=decision, placeholder=placeholder, category=category, by=actor,
                             at=clock.now_iso())
    return decisions.model_copy(update={"surfaces": surfaces})


def decide_occurrence(decisions: Decisions, p: Proposal, decision: str, actor: str,
                      placeholder: str | None = None) -> Decisions:
    """One occurrence only. A registered name the layers judged a name in context cannot be kept."""
    if decision == "reject" and p.auto:
        raise CmoError(f"occurrence {p.id} ({p.surface!r}) is a registered name used as a name: it is always redacted")
    if decision == "edit":
        _check_placeholder(p.id, placeholder)
    occurrences = dict(decisions.occurrences)
    occurrences[p.id] = Decision(decision=decision, placeholder=placeholder, by=actor,
                                 at=clock.now_iso())
    return decisions.model_copy(update={"occurrences": occurrences})


@dataclass
class SurfaceGroup:
    surface: str
    count: int = 0
    layers: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    placeholders: Counter[str] = field(default_factory=Counter)
    contexts: list[str] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)
    transcripts: set[str] = field(default_factory=set)
    decision: str | None = None
    auto: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "surface": self.surface, "count": self.count, "layers": dict(self.layers),
            "categories": dict(self.categories), "placeholder": self.placeholders.most_common(1)[0][0],
            "placeholders": sorted(self.placeholders), "contexts": self.contexts,
            "transcripts": sorted(self.transcripts), "decision": self.decision, "registered": self.auto,
            "reason": self.reasons.most_common(1)[0][0] if self.reasons else "",
        }

    def sounds_like(self) -> str | None:
        """Why a surface spelt unlike any registered name is proposed as one ("sounds like a registered name
        (a spoken respelling of Siobhan)"): a reviewer must see which person, to judge it."""
        return next((s for r, _ in self.reasons.most_common() if (s := sounds_like(r))), None)


def sounds_like(reason: str) -> str | None:
    """The sound-alike layer's reason without its everyday-word note, or None for any other reason."""
    return reason.split(", perhaps")[0] if reason.startswith("sounds like") else None


_WORD_BEFORE = re.compile(r"(?i)(?:^|[^\w'’])(the|a|an|this|that|my|our|your|his|her|their|some|no|what|such)\s*⟦")


def occurrence_hint(p: Proposal) -> str | None:
    """What a reviewer should ask of an open occurrence of a registered name, or None where nothing more is known.

    Why: "the ⟦ferry⟧", "a ⟦joy⟧" or "the charity ⟦Bliss⟧" were listed with their context alone, and a team had to
    read each to see that a registered Ferry, Joy or Bliss was said as a word or a body there. The hint names the
    frame, so the word readings are rejected in a glance (and all at once with ``--reject SURFACE --where``).
    A grammar's word reading and a sound-alike already say theirs."""
    if p.reason.startswith(BODY_REASON):
        return f"{p.reason}: keep it here if the speaker means the body"
    if p.reason.startswith(SHOP_REASON):
        return f"{p.reason}: keep it here if the speaker means the shop"
    if not p.per_occurrence or p.word_reading or sounds_like(p.reason):
        return None
    m = _WORD_BEFORE.search(p.context)
    if m:
        return (f"a registered name said as a word? ('{m.group(1).lower()} {p.surface.lower()}'): keep it here if "
                "it is the word")
    return None


_PERSON_PLACEHOLDER = re.compile(r"\[(?:name\b[^\]]*|[^\]]*['’]s name)\]")


def names_a_person(placeholder: str) -> bool:
    """Whether a placeholder stands for a person: "[name removed]", "[name 3]", "[mother's name]"."""
    return _PERSON_PLACEHOLDER.match(placeholder) is not None


PERSON_FRAMES = frozenset({"a new person introduced by name", "a name said after whose relative it is",
                           "a name then whose relative it is", "a name then the team it is on",
                           "a place's name said of a person"})
"""Reasons of proposals whose words say a person beyond doubt ("a pal of mine kerry", "her partner Florin",
"then Skye said"): such an occurrence keeps a person's placeholder whatever the surface's other readings."""


def _placeholder(p: Proposal, d: Decision | None) -> str:
    """An edit's own placeholder, or the one an accepted surface gives all its occurrences
    (:func:`one_placeholder`); a reviewer's category (--redact … --category) over the layers' guess.

    An accepted surface's shared placeholder gives way where it names a place or a thing and this occurrence
    was read as a person by a frame that says so beyond doubt (:data:`PERSON_FRAMES`): "a pal of mine kerry" in
    one transcript reads as a person, though "my granny was from Kerry" in others made the surface's commonest
    placeholder "[place name]". Elsewhere one decision is one placeholder ("the Prince Charles", a hospital
    read once as the figure), and a reviewer's own edit and the register always are."""
    if d and d.decision == "accept" and d.placeholder:
        if (d.by != "register" and p.reason in PERSON_FRAMES and p.category == "person"
                and names_a_person(p.placeholder) and not names_a_person(d.placeholder)):
            return p.placeholder
        return d.placeholder
    if d and d.decision == "edit" and d.placeholder:
        return d.placeholder
    if d and d.category and d.category != p.category:
        return placeholder_for(d.category, p.surface, p.surface, 0, chosen=True)
    return p.placeholder


def group_by_surface(sets: list[ProposalSet], decisions: Decisions) -> list[SurfaceGroup]:
    """Surface forms with counts; per-occurrence items (registered names that may be words) are
    left out here and listed one by one by :func:`open_occurrences`."""
    groups: dict[str, SurfaceGroup] = {}
    for ps in sets:
        for p, d in resolved(ps, decisions):
            if p.per_occurrence:
                continue
            g = groups.setdefault(norm(p.surface), SurfaceGroup(surface=p.surface))
            g.count += 1
            g.layers.update(p.layers)
            g.reasons[p.reason] += 1
            g.categories[p.category] += 1
            g.placeholders[_placeholder(p, d)] += 1
            if len(g.contexts) < 3:
                g.contexts.append(p.context)
            g.transcripts.add(ps.transcript_id)
            g.auto = g.auto or p.auto
            if d is not None:
                g.decision = d.decision if d.by != "register" else "accept (registered)"
    return sorted(groups.values(), key=lambda g: (g.decision is not None, -g.count, norm(g.surface)))


def occurrence_items(sets: list[ProposalSet], decisions: Decisions) -> list[tuple[str, Proposal, Decision | None]]:
    """Every per-occurrence item with its transcript and decision, in transcript order."""
    return [(ps.transcript_id, p, d) for ps in sets for p, d in resolved(ps, decisions) if p.per_occurrence]


def accept_all(sets: list[ProposalSet], decisions: Decisions, actor: str) -> Decisions:
    """Accept every undecided proposal. Surface proposals are accepted per surface (and so reach later
    transcripts); per-occurrence items are redacted one by one: a registered name redacted where it was
    a word costs a reader one word, a leak costs a person.

    In captions, a proposal of one everyday word that nobody registered ("frank", "dawn", typed a person
    by the model in one sentence) is accepted where it was proposed, not as a surface: there a surface
    decision reaches every occurrence of the word in every casing ("he was frank with me", "at dawn"),
    which nobody asked for. Where the layers saw the name again they proposed it again; a reviewer who
    wants every occurrence gone says so with ``--accept SURFACE``. In cased text an accepted everyday
    word reaches only its capitalised occurrences, so it is accepted as a surface there."""
    surfaces = dict(decisions.surfaces)
    occurrences = dict(decisions.occurrences)
    at = clock.now_iso()
    shared = one_placeholder(sets, decisions)
    for ps in sets:
        for p in undecided(ps, decisions):
            if p.per_occurrence or (ps.caseless and not p.auto and p.item_key is None and everyday_form(p.surface)):
                occurrences[p.id] = Decision(decision="accept", by=actor, at=at)
            else:
                key = norm(p.surface)
                surfaces.setdefault(key, Decision(decision="accept", placeholder=shared.get(key), by=actor, at=at))
    return decisions.model_copy(update={"surfaces": surfaces, "occurrences": occurrences})


def one_placeholder(sets: list[ProposalSet], decisions: Decisions) -> dict[str, str]:
    """For each undecided surface whose proposals carry different placeholders in different transcripts ("the
    Prince Charles" a hospital where it was said as one, the model's "[city name]" where it was said again), the
    one placeholder a surface decision gives every occurrence: the commonest; on a tie one that says more than
    "[name removed]", then the first seen (``max`` keeps the first of equals). One
    decision is one placeholder, everywhere, now and later; surfaces whose proposals agree are left to their
    own (so a reviewer's category or a later transcript's numbering is untouched)."""
    seen: dict[str, Counter[str]] = {}
    for ps in sets:
        for p in undecided(ps, decisions):
            if not p.per_occurrence:
                seen.setdefault(norm(p.surface), Counter())[p.placeholder] += 1
    return {key: max(c, key=lambda ph: (c[ph], ph != "[name removed]")) for key, c in seen.items() if len(c) > 1}


def keep_word_readings(sets: list[ProposalSet], decisions: Decisions,
                       actor: str) -> tuple[Decisions, dict[str, int]]:
    """Keep, one occurrence at a time, every undecided occurrence of a registered name whose grammar
    reads as the everyday word ("the transcript will be", "i hope so"). A reviewer asks for this by
    name; the anonymiser never does it on its own. Returns the decisions and how many were kept in
    each transcript."""
    occurrences = dict(decisions.occurrences)
    at = clock.now_iso()
    kept: dict[str, int] = {}
    for ps in sets:
        for p in undecided(ps, decisions):
            if p.per_occurrence and p.word_reading and not p.auto:
                occurrences[p.id] = Decision(decision="reject", by=actor, at=at)
                kept[ps.transcript_id] = kept.get(ps.transcript_id, 0) + 1
    return decisions.model_copy(update={"occurrences": occurrences}), kept


def where_pattern(surface: str, phrase: str) -> re.Pattern[str]:
    """The words of ``phrase`` as a whole-word pattern whatever the casing, spacing and apostrophes, with the place
    of ``surface`` (a word of the phrase) as its group 1; refused where the phrase does not hold the surface."""
    words = phrase.replace("’", "'").split()
    at = [i for i, w in enumerate(words) if norm(w) == norm(surface)]
    if not at or " " in surface.strip():
        raise CmoError(f"--where {phrase!r} must hold the word {surface!r} (e.g. --reject Ferry --where 'the ferry')")
    parts = [re.escape(w).replace("'", "['’]") for w in words]
    parts[at[0]] = f"({parts[at[0]]})"
    return re.compile(r"(?i)(?<![\w'’-])" + r"\s+".join(parts) + r"(?![\w'’-])")


def reject_where(sets: list[ProposalSet], raws: dict[str, Transcript], decisions: Decisions, surface: str,
                 phrase: str, actor: str) -> tuple[Decisions, dict[str, int]]:
    """Keep, one occurrence at a time, every undecided occurrence of the registered name ``surface`` said inside
    ``phrase`` ("the ferry", "a joy"): a team that reads "the ferry" as the boat everywhere rejects them all at
    once, where the register's rule would otherwise have it decide each. Only open items are kept, so an
    occurrence the layers read as the person ("Ferry said") is never touched, and the decisions are the
    occurrences' own, as if each was rejected by id. Returns the decisions and how many were kept by transcript."""
    pattern = where_pattern(surface, phrase)
    occurrences = dict(decisions.occurrences)
    at = clock.now_iso()
    kept: dict[str, int] = {}
    for ps in sets:
        text = raws[ps.transcript_id].text if ps.transcript_id in raws else ""
        starts = {m.start(1) for m in pattern.finditer(text)}
        for p in undecided(ps, decisions):
            if p.per_occurrence and not p.auto and norm(p.surface) == norm(surface) and p.start in starts:
                occurrences[p.id] = Decision(decision="reject", by=actor, at=at)
                kept[ps.transcript_id] = kept.get(ps.transcript_id, 0) + 1
    return decisions.model_copy(update={"occurrences": occurrences}), kept


def keep_dates(sets: list[ProposalSet], decisions: Decisions, actor: str) -> tuple[Decisions, dict[str, int]]:
    """Keep, one occurrence at a time, every undecided full date that is no date of birth (category ``date``,
    "[date]"): for a study whose questions need event dates ("the ward closed on the 3rd of March 2020"). Full
    dates are removed by default (every element of a date more specific than the year is an identifier); a
    reviewer asks for this by name, and the anonymisation log records how many were kept. Dates of birth are
    never kept this way. Returns the decisions and how many were kept in each transcript."""
    occurrences = dict(decisions.occurrences)
    at = clock.now_iso()
    kept: dict[str, int] = {}
    for ps in sets:
        for p in undecided(ps, decisions):
            if p.category == "date" and not p.auto:
                occurrences[p.id] = Decision(decision="reject", by=actor, at=at)
                kept[ps.transcript_id] = kept.get(ps.transcript_id, 0) + 1
    return decisions.model_copy(update={"occurrences": occurrences}), kept


def reject_rest(sets: list[ProposalSet], decisions: Decisions, actor: str) -> tuple[Decisions, int]:
    """Keep every undecided surface form. Per-occurrence items of registered names are not touched:
    each must be decided by occurrence (or redacted by --accept-all). Returns the decisions and how
    many occurrences stay open for that reason."""
    surfaces = dict(decisions.surfaces)
    at = clock.now_iso()
    left = 0
    for ps in sets:
        for p in undecided(ps, decisions):
            if p.per_occurrence:
                left += 1
            else:
                surfaces.setdefault(norm(p.surface), Decision(decision="reject", by=actor, at=at))
    return decisions.model_copy(update={"surfaces": surfaces}), left


def find_proposal(sets: list[ProposalSet], proposal_id: str) -> tuple[ProposalSet, Proposal] | None:
    for ps in sets:
        for p in ps.proposals:
            if p.id == proposal_id:
                return ps, p
    return None


# -- every occurrence of what is registered or accepted --------------------------------------------
def _segments(raw: Transcript) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in raw.turns] or [(0, len(raw.text))]


def _items_for(items: list[RegisterItem], transcript_id: str) -> list[RegisterItem]:
    return [i for i in items if i.scope is None or scope_matches(i.scope, transcript_id)]


def accepted_surfaces(decisions: Decisions) -> list[str]:
    return sorted(k for k, d in decisions.surfaces.items() if d.decision != "reject")


def find_all(raw: Transcript, caseless: bool, decisions: Decisions, items: list[RegisterItem],
             public: Sequence[tuple[int, int]] = ()) -> list[Occurrence]:
    """Every occurrence of a registered or accepted surface, but an accepted one inside ``public``.

    ``public`` holds the stretches the allow-list kept in their public sense in this transcript
    (:attr:`ProposalSet.public`). A surface accepted because it named someone in one place ("Chris came
    round", "Then Javid said") is not that person inside "Chris Whitty was on telly" or "Sajid Javid's
    announcement", so it does not reach there. A registered name reaches everywhere, and so does a
    surface a reviewer added by hand (``--redact``): both are a person's word that it is a name.
    """
    segments = _segments(raw)
    accepted = accepted_occurrences(raw.text, segments, accepted_surfaces(decisions), caseless)
    if public:
        accepted = [o for o in accepted if not _in_public(o, public, decisions)]
    figures = full_name_spans(raw.text)
    return [o for o in registered_occurrences(raw.text, segments, _items_for(items, raw.id), caseless)
            if not _in_public_figure(raw.text, o, figures)] + accepted


def _in_public_figure(text: str, o: Occurrence, figures: list[tuple[int, int]]) -> bool:
    """A registered form that is part of a listed public figure's full name the register does not hold
    ("Black" of a registered Mark Black, in "Carol Black's review"): the register layer left it too.
    ``figures``: :func:`full_name_spans` of ``text``."""
    return bool(figures) and o.item is not None and yields_to_public(o.item.category, o.item.key) \
        and inside_public_full_name(text, o.start, o.end, o.item.variants, figures)


def _in_public(o: Occurrence, public: Sequence[tuple[int, int]], decisions: Decisions) -> bool:
    """Whether an accepted occurrence is part of a longer name kept public here ("Chris" in "Chris Whitty").

    An occurrence that is the whole kept stretch is the very name the study decided to remove elsewhere
    ("went to the Prince Charles" accepted as a hospital, then "came off the Prince Charles" kept as the
    prince): the decision is about this surface, so it reaches there too, as the issue's rule of one
    decision for every occurrence asks."""
    d = decisions.surfaces.get(o.form)
    added_by_hand = d is not None and d.category is not None
    return not added_by_hand and any(a <= o.start and o.end <= b and (a, b) != (o.start, o.end)
                                     for a, b in public)


def complete(sets: list[ProposalSet], raws: dict[str, Transcript], decisions: Decisions,
             items: list[RegisterItem]) -> list[ProposalSet]:
    """Each set with a proposal for every occurrence of a registered or accepted surface no layer proposed.

    A registered everyday-word form becomes a per-occurrence item; other registered forms are
    accepted as registered; an accepted surface takes its surface decision (and, for an everyday
    word, can still be kept one occurrence at a time). Where proposals overlap an occurrence
    without matching it, :func:`overlaps.plan` decides what is added, so that every letter of it
    is redacted unless a reviewer kept that very occurrence.
    """
    kinds: dict[str, tuple[str, str]] = {}
    for ps in sets:
        for p in ps.proposals:
            kinds.setdefault(norm(p.surface), (p.category, p.placeholder))
    out = []
    for ps in sets:
        raw = raws[ps.transcript_id]
        proposals = list(ps.proposals)
        by_key = {p.item_key: p.placeholder for p in ps.proposals if p.item_key and p.category == "person"}
        changed = False
        found = sorted(find_all(raw, ps.caseless, decisions, items, ps.public), key=lambda o: (o.start, -o.end, o.form))
        nearby = _Nearby(proposals)
        for o in found:
            step = overlaps.plan(raw.text, o.start, o.end, o.form, nearby.near(o.start, o.end), decisions,
                                 lambda p: decision_for(p, decisions))
            if step is None:
                continue
            dropped = {id(p) for p in step.drop}
            proposals = [p for p in proposals if id(p) not in dropped]
            nearby.drop(step.drop)
            for start, end in step.stretches:
                proposals.append(_occurrence_proposal(raw, o, start, end, decisions, kinds, by_key))
                nearby.add(proposals[-1])
            changed = True
        if changed:
            ps = ps.model_copy(update={"proposals": sorted(proposals, key=lambda p: (p.start, p.end, p.id))})
        out.append(ps)
    return out


class _Nearby:
    """A transcript's proposals by where they start, as :func:`complete` changes them: each occurrence it finds
    is planned against the proposals that could overlap it (every one starting within the longest proposal's
    length before it), not all of them. :func:`overlaps.plan` keeps only the overlapping ones and orders them
    itself, so the plan is the same; a focus group of 2,000 turns had each of its occurrences look at every
    proposal."""

    SIZE = 512

    def __init__(self, proposals: list[Proposal]) -> None:
        self.buckets: dict[int, list[Proposal]] = {}
        self.longest = 0
        for p in proposals:
            self.add(p)

    def add(self, p: Proposal) -> None:
        self.buckets.setdefault(p.start // self.SIZE, []).append(p)
        self.longest = max(self.longest, p.end - p.start)

    def drop(self, gone: Iterable[Proposal]) -> None:
        for p in gone:
            bucket = self.buckets.get(p.start // self.SIZE, [])
            bucket[:] = [q for q in bucket if q is not p]

    def near(self, start: int, end: int) -> list[Proposal]:
        out: list[Proposal] = []
        for b in range(max(0, start - self.longest) // self.SIZE, end // self.SIZE + 1):
            out.extend(self.buckets.get(b, ()))
        return out


def _occurrence_proposal(raw: Transcript, o: Occurrence, start: int, end: int, decisions: Decisions,
                         kinds: dict[str, tuple[str, str]], by_key: dict[str, str]) -> Proposal:
    """The proposal for an occurrence, or for the part ``start``-``end`` of it that nothing else covers."""
    surface = raw.text[start:end]
    part = (start, end) != (o.start, o.end)
    if o.item is not None:
        category, reason = o.item.category, "registered (found by its spelling)"
        placeholder = o.item.placeholder or by_key.get(o.item.key) or placeholder_for(
            category, surface, raw.text, start, chosen=True)
        layer = "register"
    else:
        d = decisions.surfaces[o.form]
        category, known = kinds.get(o.form, (d.category or "other", ""))
        category = d.category or category
        placeholder = known or placeholder_for(category, surface, raw.text, start, chosen=d.category is not None)
        reason, layer = "an accepted surface, found again", "review" if d.category else "decision"
    if part:
        reason += "; part of it, another proposal covers the rest"
    return Proposal(
        id=stable_id("red", raw.id, start, end), start=start, end=end, surface=surface,
        category=category, layers=[layer], score=1.0, reason=reason, placeholder=placeholder,
        item_key=o.item.key if o.item else None, auto=o.item is not None and not o.everyday,
        context=context_of(raw.text, start, end), per_occurrence=o.everyday,
        part_of=o.form if part and o.item is None else None,
    )


def redaction_spans(ps: ProposalSet, decisions: Decisions,
                    open_marker: bool = False) -> list[tuple[Proposal, Decision | None, tuple[int, int, str]]]:
    """What sign-off replaces: every accepted or edited proposal. ``open_marker`` (preview only) shows an
    undecided one as ``⟦?surface⟧`` so a reader sees what is still open."""
    out: list[tuple[Proposal, Decision | None, tuple[int, int, str]]] = []
    for p, d in resolved(ps, decisions):
        if d is None:
            if open_marker:
                out.append((p, d, (p.start, p.end, f"⟦?{p.surface}⟧")))
            continue
        if d.decision != "reject":
            out.append((p, d, (p.start, p.end, _placeholder(p, d))))
    return out


def survivors(raw: Transcript, ps: ProposalSet, decisions: Decisions, items: list[RegisterItem],
              spans: list[tuple[int, int, str]]) -> list[Occurrence]:
    """Registered or accepted occurrences neither redacted nor kept by a decision on that very occurrence."""
    kept = [(p.start, p.end) for p in ps.proposals if overlaps.kept_here(p, decisions)]
    redacted = [(s, e) for s, e, _ in spans]
    return [o for o in find_all(raw, ps.caseless, decisions, items, ps.public)
            if not overlaps.covered(raw.text, o.start, o.end, redacted, kept)]


# -- sign-off --------------------------------------------------------------------------------------
def load_raw(secure: SecureFolder, transcript_id: str) -> Transcript:
    p = secure.raw / f"{transcript_id}.json"
    if not p.exists():
        raise NotFound(f"{p}: no raw transcript for {transcript_id} in the secure folder")
    try:
        return Transcript.model_validate_json(p.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise CmoError(f"{p}: corrupt raw transcript: {exc}") from None


def _no_speaker_problem(n: int, source_format: str, before_any_speaker: bool = False) -> str:
    """What to do about turns without a speaker, said for the kind of file they came from: in captions they are
    cues without a name; in a ``Name: text`` file they are lines after the first speaker that no label starts (lines
    above it are a heading, :mod:`.headings`), where giving them to the previous or one speaker would be wrong.

    ``before_any_speaker``: no named turn comes before any of them (a caption file of one cue, or cues that open
    it), so ``--infer-speakers``, which gives a cue to the speaker before it, gives them to nobody: advice to
    re-import with it, to a team that had, was advice nobody could act on."""
    if "plain" in source_format:
        return (f"{n} turn(s) after the first speaker have no speaker: lines that no 'Name:' label starts, "
                "most often a line of speech broken by a stray line break, or a note between turns (a title or "
                "a note above the first speaker is read as a heading); join such lines to the turn they belong "
                "to (or start them with the speaker's name) and re-import the file with 'cmo-coder import … "
                "--replace'")
    if before_any_speaker:
        return (f"{n} turn(s) have no speaker (caption cues without a name) and no named speaker before them, so "
                "'--infer-speakers' gives them to nobody: re-import the file with 'cmo-coder import … --replace "
                "--speaker NAME' to give them to one participant of the manifest where one person speaks; for a "
                "group or two people recorded without speaker labels (a focus group's captions, a conversation of "
                "two), add a manifest "
                "row of role 'group' with the group's or the pair's label ('\"FG1\",,group,SITE,FG1') and "
                "re-import with '--replace --speaker FG1'")
    return (f"{n} turn(s) have no speaker (caption cues without a name): re-import the file with "
            "'cmo-coder import … --replace --infer-speakers' to give them to the previous speaker, "
            "or with '--replace --speaker NAME' to give them all to one participant of the manifest where one "
            "person speaks; for a group or two people recorded without speaker labels (a focus group's captions, "
            "a conversation of two), add a manifest row of role 'group' with the group's or the pair's label "
            "('\"FG1\",,group,SITE,FG1') and re-import with '--replace --speaker FG1'")


def _role_named(name: str) -> str:
    """The role a provisional speaker's label names ("Interviewer@file" is the facilitator's, "Carer" a carer's),
    else ``service_user``: an interpreted interview's unscoped "Interviewer" was advised a service user's line."""
    from ..model import Role

    try:
        return Role.parse(name.split("@")[0], job_titles=False).value
    except ValueError:
        return Role.service_user.value


def _provisional_advice(label: str, name: str, tid: str) -> str:
    """What to do about a provisional speaker no manifest person owns. A name of one word ("Shug", "Bunny") is
    most often someone the manifest already names otherwise, so the first advice is the import's own: add it to
    that person's aliases; a new line (which makes a second participant) comes only after it. A transcriber's or a
    service's voice code ("S1", "F2", "spk_0") names someone else in every file, so its advice is scoped to this
    transcript ("S1@transcript-5"), as the import's is: unscoped, "S1" would be that person in every file."""
    from ..ingest.utterance import is_voice_code

    if is_voice_code(name):
        return (f"speaker {label} ({name}) is provisional: {name} is a voice of this file only; add "
                f"'{name}@{tid}' to the aliases of the manifest line of the person it is, or else add a manifest "
                f"line such as '\"REAL NAME\",\"{name}@{tid}\",ROLE,SITE,', and re-run 'cmo-coder import'")
    line = f"'{name},,{_role_named(name)},,{label}' (name,aliases,role,site,label)"
    if len(name.split()) == 1:
        return (f"speaker {label} ({name}) is provisional: {name} is one name alone; if the manifest names this "
                f"person otherwise, add {name} to that line's aliases, or else add a manifest line such as "
                f"{line}, and re-run 'cmo-coder import'")
    return f"speaker {label} ({name}) is provisional: add a manifest line such as {line} and re-run 'cmo-coder import'"


def _speakers(secure: SecureFolder, raw: Transcript) -> list[Participant]:
    """The transcript's speakers as project participants; refuses while any is provisional."""
    from ..ingest.group_speakers import label_parts
    from ..ingest.speakers import alias_owner, with_site_codes

    stored = secure.load_participant_key()
    whole = with_site_codes(stored)
    if whole is not stored:  # a key written before sites named by towns were given letters
        secure.save_participant_key(whole)
    key = {e.label: e for e in whole.entries}
    problems = []
    out = []
    heading = heading_turns(raw)  # a title above the first speaker of a plain file is no one's speech
    # a joint line's label is its members' (each must be covered); the group's and an unplaced voice's name
    # nobody and need no manifest row (see ingest.group_speakers)
    for label in dict.fromkeys(p for t in raw.turns[heading:]
                               for p in label_parts(t.speaker)):
        e = key.get(label)
        if e is None:
            if label == NO_SPEAKER:
                n = sum(1 for t in raw.turns[heading:] if t.speaker == label)
                named = next((i for i, t in enumerate(raw.turns[heading:]) if t.speaker != label), None)
                last = max(i for i, t in enumerate(raw.turns[heading:]) if t.speaker == label)
                problems.append(_no_speaker_problem(n, str(raw.source_format),
                                                    before_any_speaker=named is None or last < named))
            else:
                problems.append(f"speaker {label} is not in the participants key")
            continue
        if e.provisional or e.role is None:
            owner = alias_owner(e.name, whole.entries)
            if owner is not None:  # "Imogen" beside "Imogen Hartley": her alias, not a second participant
                problems.append(
                    f"speaker {label} ({e.name}) is provisional: add '{e.name}@{raw.id}' to the aliases of "
                    f"{owner.name}'s manifest line and re-run 'cmo-coder import'")
                continue
            problems.append(_provisional_advice(label, e.name, raw.id))
            continue
        out.append(Participant(label=e.label, role=e.role, site=whole.project_site(e.site), attributes=e.attributes))
    if problems:
        raise CmoError(f"transcript {raw.id} cannot be signed off:\n" + "\n".join(f"  - {p}" for p in problems))
    return out


def _window(text: str, start: int, end: int, words: int = 3) -> tuple[list[str], list[str]]:
    before = re.findall(r"[\w'’]+", text[max(0, start - 80) : start])[-words:]
    after = re.findall(r"[\w'’]+", text[end : end + 80])[:words]
    return [w.lower() for w in before], [w.lower() for w in after]


def load_for_sign_off(secure: SecureFolder, transcript_id: str, decisions: Decisions,
                      items: list[RegisterItem]) -> tuple[Transcript, ProposalSet]:
    """The raw transcript and its proposals, completed with every registered or accepted occurrence."""
    raw = load_raw(secure, transcript_id)
    ps = load_proposals(secure, transcript_id)
    # The same bytes re-imported with other options (--infer-speakers) give another text: check the spans too.
    stale = any(raw.text[p.start : p.end] != p.surface for p in ps.proposals)
    if ps.source_sha256 != raw.source_sha256 or stale:
        raise CmoError(f"transcript {transcript_id} changed since its proposals were made: run 'cmo-coder anonymise'")
    return raw, complete([ps], {raw.id: raw}, decisions, items)[0]


def preview(secure: SecureFolder, transcript_id: str, decisions: Decisions | None = None,
            items: list[RegisterItem] | None = None) -> tuple[Transcript, int]:
    """The text as sign-off would store it now, with each undecided item shown as ``⟦?surface⟧``.

    ``decisions`` and ``items``: the decisions and register as already read from ``secure`` by the caller (read
    here when not given): the review's pages keep them between requests."""
    decisions = load_decisions(secure) if decisions is None else decisions
    items = registered_items(secure) if items is None else items
    raw, ps = load_for_sign_off(secure, transcript_id, decisions, items)
    entries = [(p, span) for p, _, span in redaction_spans(ps, decisions, open_marker=True)]
    spans = [span for _, span in join_people(raw.text, _segments(raw), entries)]
    return apply_to_transcript(raw, spans), len(undecided(ps, decisions))


def _names_registered(placeholder: str, items: list[RegisterItem], seen: dict[str, bool]) -> bool:
    """Whether a placeholder's own text holds a registered name (not as an everyday word), answered once per
    distinct placeholder: a transcript repeats "[name removed]" at every name it removes."""
    if placeholder not in seen:
        seen[placeholder] = any(not o.everyday
                                for o in registered_occurrences(placeholder, [(0, len(placeholder))], items))
    return seen[placeholder]


def sign_off(project: Project, secure: SecureFolder, transcript_id: str, actor: str,
             items: list[RegisterItem] | None = None) -> Transcript:
    """Apply accepted redactions and store the result in the project; the key and log stay secure.

    Refuses while anything is undecided and, as a last proof, when any occurrence of a registered
    or accepted surface (any casing, any punctuation around it) would survive unredacted without a
    decision on that very occurrence.

    ``items``: the register as :func:`.leakcheck.registered_items` read it from ``secure`` in this same command
    (read here when not given). Why: a command that signs off many transcripts built the whole register, every
    person's familiar forms included, again for each one, from files nothing in the command writes.
    """
    if project.transcript_status(transcript_id) != "pending":
        raise CmoError(f"transcript {transcript_id} is already signed off")
    decisions = load_decisions(secure)
    items = registered_items(secure) if items is None else items
    raw, ps = load_for_sign_off(secure, transcript_id, decisions, items)
    speakers = _speakers(secure, raw)
    open_items = undecided(ps, decisions)
    if open_items:
        forms = sorted({norm(p.surface) for p in open_items})
        raise CmoError(
            f"transcript {transcript_id} has {len(open_items)} undecided proposal(s) ({len(forms)} form(s)); "
            "decide them with 'cmo-coder review' (--accept-all, --reject SURFACE, --edit SURFACE=PLACEHOLDER, "
            "or by occurrence id; see --undecided)"
        )
    chosen_full = redaction_spans(ps, decisions)
    chosen = [(p, d) for p, d, _ in chosen_full]
    # one person's name found in pieces ("Kemi adebayo") is one placeholder, not two side by side
    runs = join_people(raw.text, _segments(raw), [(p, span) for p, _, span in chosen_full])
    spans = [span for _, span in runs]
    left = survivors(raw, ps, decisions, items, spans)
    named: dict[str, bool] = {}
    left_in_title = find_all(raw.model_copy(update={"text": raw.title, "turns": []}), ps.caseless, decisions,
                             [i for i in items if i.scope is None])
    left_in_title = [o for o in left_in_title if not o.everyday]
    in_placeholders = [rep for _, _, rep in spans if _names_registered(rep, items, named)]
    if left or left_in_title or in_placeholders:
        places = [f"character {o.start} ({o.form!r})" for o in left[:10]]
        places += [f"title ({o.form!r})" for o in left_in_title[:3]] + [f"placeholder {r}" for r in in_placeholders[:3]]
        raise CmoError(f"transcript {transcript_id}: {len(left) + len(left_in_title) + len(in_placeholders)} "
                       f"registered or accepted surface(s) would survive anonymisation ({', '.join(places)}); "
                       + overlaps.why_left(ps, decisions, left, bool(left_in_title), bool(in_placeholders)))
    anonymised, joint = with_joint_speakers(apply_to_transcript(raw, spans), speakers)
    anonymised = anonymised.model_copy(update={"warnings": [], "title": raw.title})
    anonymised = without_heading_turns(anonymised, heading_turns(raw))  # anonymised, shown, no one's turn
    by_layer = Counter(p.layers[0] for p, _ in chosen)
    by_category = Counter(p.category for p, _ in chosen)
    # The secure folder's key comes first: a failure after it leaves the transcript pending and the key's entry
    # is written again at the next sign-off; a failure after the project's commit would leave a signed-off
    # transcript that 'show --secure' could not map back to what was said.
    save_proposals(secure, ps)
    key = secure.read_json(REDACTION_KEY, {})
    key[transcript_id] = [
        {"start": s, "end": e, "original": raw.text[s:e], "placeholder": rep, "category": members[0].category}
        for members, (s, e, rep) in runs
    ]
    secure.write_json(REDACTION_KEY, key)
    _record_kept(secure, raw, ps, decisions, spans, items)
    with project.transaction(actor) as tx:
        for sp in [*speakers, *joint]:  # a joint line's speakers are the members' joint label (joint_turns)
            tx.upsert_participant(sp)
        tx.sign_off_transcript(anonymised)
        tx.audit("anonymise", "transcript", transcript_id, {
            "redactions": len(chosen), "rejected": len(ps.proposals) - len(chosen),
            "by_layer": dict(sorted(by_layer.items())), "by_category": dict(sorted(by_category.items())),
            "model": ps.model or "rules-only",
        })
    at = clock.now_iso()
    for p, d in resolved(ps, decisions):
        assert d is not None
        log(secure, LogEntry(at=at, actor=actor, transcript=transcript_id, action="redaction", layer=p.layers[0],
                             category=p.category, decision=d.decision if d.by != "register" else "accept (registered)",
                             placeholder=_placeholder(p, d) if d.decision != "reject" else None,
                             surface_hash=surface_hash(secure, p.surface)))
    log(secure, LogEntry(at=at, actor=actor, transcript=transcript_id, action="sign_off", count=len(chosen)))
    return anonymised


def public_kept(raw: Transcript, ps: ProposalSet, decisions: Decisions) -> list[Occurrence]:
    """Occurrences of accepted surfaces left as said because they stand inside a public name here."""
    if not ps.public:
        return []
    segments = _segments(raw)
    return [o for o in accepted_occurrences(raw.text, segments, accepted_surfaces(decisions), ps.caseless)
            if _in_public(o, ps.public, decisions)]


def _record_kept(secure: SecureFolder, raw: Transcript, ps: ProposalSet, decisions: Decisions,
                 spans: list[tuple[int, int, str]], items: list[RegisterItem]) -> None:
    """Registered everyday words a reviewer kept, and accepted surfaces kept inside a public name ("Chris"
    in "Chris Whitty"), each with the words around it in the signed-off text, so the leak check can tell
    that reviewed "will" or that public figure from a name that slipped through."""
    new_text, remap = apply_spans(raw.text, spans)
    kept = []
    for p in ps.proposals:
        d = decisions.occurrences.get(p.id)
        if p.per_occurrence and d is not None and d.decision == "reject":
            s = remap(p.start)
            before, after = _window(new_text, s, s + (p.end - p.start))
            kept.append({"form": norm(p.surface), "before": before, "after": after})
    redacted = [(a, b) for a, b, _ in spans]
    figures = full_name_spans(raw.text)
    in_figures = [o for o in registered_occurrences(raw.text, _segments(raw), _items_for(items, raw.id))
                  if _in_public_figure(raw.text, o, figures)]
    for o in public_kept(raw, ps, decisions) + in_figures:
        if not any(a < o.end and o.start < b for a, b in redacted):
            s = remap(o.start)
            before, after = _window(new_text, s, s + (o.end - o.start))
            kept.append({"form": o.form, "before": before, "after": after})
    data = secure.read_json(KEPT, {})
    data[raw.id] = kept
    secure.write_json(KEPT, data)


# -- residual risk ---------------------------------------------------------------------------------
_NOT_WORTH_A_LOOK = {"close to a registered name"}


def worth_a_look(residual: list[Residual], decisions: Decisions, registered: set[str]) -> list[Residual]:
    """The residual-risk items a reviewer should still read: capitalised words nobody decided, numbers,
    phrases that single someone out. Dropped: months and weekdays ("Tuesdays" too), a title alone, single letters, words
    merely spelled close to a registered name, and anything already decided or registered."""
    out = []
    for r in residual:
        key = norm(r.surface).strip(".")
        if (r.reason in _NOT_WORTH_A_LOOK or len(key.replace(" ", "")) <= 1 or key in CALENDAR
                or key.removesuffix("s") in CALENDAR  # "Tuesdays"
                or key in TITLES or key in TITLE_WORDS or key in decisions.surfaces or key in registered):
            continue
        out.append(r)
    return out
