"""Review: proposals grouped by surface, decisions saved and reused, and sign-off.

Decisions are made per surface form ("Daniel", "St James's") and saved in the secure
folder, so once a reviewer accepts or edits a form, every later transcript that says it
is handled the same way: the consistency UK Data Service guidance asks of pseudonyms.
Sign-off is the only door into the project and it refuses while anything is undecided,
while a speaker is provisional, or while a registered name survives in the result.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import clock
from ..errors import CmoError, NotFound
from ..model import Participant, Transcript
from ..model.transcript import NO_SPEAKER
from ..store.atomic import write_text
from ..store.project import Project
from ..store.secure import SecureFolder
from .apply import apply_to_transcript
from .leakcheck import build_matcher, registered_items, scan_text
from .models import Decision, Decisions, LogEntry, Proposal, ProposalSet

PROPOSALS = "proposals"
NUMBERS = "placeholder-numbers.json"
REDACTION_KEY = "redaction-key.json"


def norm(surface: str) -> str:
    return " ".join(surface.lower().replace("’", "'").split())


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
    p = secure.path / ".log-salt"
    if not p.exists():
        write_text(p, secrets.token_hex(16) + "\n")
    return p.read_text(encoding="utf-8").strip()


def surface_hash(secure: SecureFolder, surface: str) -> str:
    """The log names what was removed only by salted hash: linkable across lines, unreadable alone."""
    return hashlib.sha256((salt(secure) + norm(surface)).encode("utf-8")).hexdigest()[:16]


def log(secure: SecureFolder, entry: LogEntry) -> None:
    secure.append_log(entry.model_dump(mode="json", exclude_none=True))


# -- decisions -------------------------------------------------------------------------------------
def decision_for(p: Proposal, decisions: Decisions) -> Decision | None:
    """Occurrence decision first, then the surface decision; registered items are accepted by default."""
    d = decisions.occurrences.get(p.id) or decisions.surfaces.get(norm(p.surface))
    if d is None and p.auto:
        return Decision(decision="accept", by="register", at="")
    return d


def resolved(ps: ProposalSet, decisions: Decisions) -> list[tuple[Proposal, Decision | None]]:
    return [(p, decision_for(p, decisions)) for p in ps.proposals]


def undecided(ps: ProposalSet, decisions: Decisions) -> list[Proposal]:
    return [p for p, d in resolved(ps, decisions) if d is None]


def decide(decisions: Decisions, registered: set[str], surface: str, decision: str, actor: str,
           placeholder: str | None = None) -> Decisions:
    """A surface decision applying to every transcript; rejecting a registered name is refused."""
    key = norm(surface)
    if decision == "reject" and key in registered:
        raise CmoError(f"{surface!r} is a registered name: it is always redacted. Remove it from the register "
                       "or manifest instead of rejecting it")
    if decision == "edit" and not (placeholder and placeholder.startswith("[") and placeholder.endswith("]")):
        raise CmoError(f"edit for {surface!r}: the placeholder must be written in brackets, like [ward name]")
    surfaces = dict(decisions.surfaces)
    surfaces[key] = Decision(decision=decision, placeholder=placeholder, by=actor, at=clock.now_iso())
    return decisions.model_copy(update={"surfaces": surfaces})


@dataclass
class SurfaceGroup:
    surface: str
    count: int = 0
    layers: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    placeholders: Counter[str] = field(default_factory=Counter)
    contexts: list[str] = field(default_factory=list)
    transcripts: set[str] = field(default_factory=set)
    decision: str | None = None
    auto: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "surface": self.surface, "count": self.count, "layers": dict(self.layers),
            "categories": dict(self.categories), "placeholder": self.placeholders.most_common(1)[0][0],
            "contexts": self.contexts, "transcripts": sorted(self.transcripts), "decision": self.decision,
            "registered": self.auto,
        }


def group_by_surface(sets: list[ProposalSet], decisions: Decisions) -> list[SurfaceGroup]:
    groups: dict[str, SurfaceGroup] = {}
    for ps in sets:
        for p, d in resolved(ps, decisions):
            g = groups.setdefault(norm(p.surface), SurfaceGroup(surface=p.surface))
            g.count += 1
            g.layers.update(p.layers)
            g.categories[p.category] += 1
            g.placeholders[d.placeholder if d and d.decision == "edit" and d.placeholder else p.placeholder] += 1
            if len(g.contexts) < 3:
                g.contexts.append(p.context)
            g.transcripts.add(ps.transcript_id)
            g.auto = g.auto or p.auto
            if d is not None:
                g.decision = d.decision if d.by != "register" else "accept (registered)"
    return sorted(groups.values(), key=lambda g: (g.decision is not None, -g.count, norm(g.surface)))


def accept_all(sets: list[ProposalSet], decisions: Decisions, actor: str) -> Decisions:
    surfaces = dict(decisions.surfaces)
    for ps in sets:
        for p in undecided(ps, decisions):
            surfaces.setdefault(norm(p.surface), Decision(decision="accept", by=actor, at=clock.now_iso()))
    return decisions.model_copy(update={"surfaces": surfaces})


# -- sign-off --------------------------------------------------------------------------------------
def load_raw(secure: SecureFolder, transcript_id: str) -> Transcript:
    p = secure.raw / f"{transcript_id}.json"
    if not p.exists():
        raise NotFound(f"{p}: no raw transcript for {transcript_id} in the secure folder")
    try:
        return Transcript.model_validate_json(p.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise CmoError(f"{p}: corrupt raw transcript: {exc}") from None


def _speakers(secure: SecureFolder, raw: Transcript) -> list[Participant]:
    """The transcript's speakers as project participants; refuses while any is provisional."""
    key = {e.label: e for e in secure.load_participant_key().entries}
    problems = []
    out = []
    for label in dict.fromkeys(t.speaker for t in raw.turns):
        e = key.get(label)
        if e is None:
            if label == NO_SPEAKER:
                n = sum(1 for t in raw.turns if t.speaker == label)
                problems.append(
                    f"{n} turn(s) have no speaker (caption cues without a name): re-import the file with "
                    "'cmo-coder import … --replace --infer-speakers' to give them to the previous speaker"
                )
            else:
                problems.append(f"speaker {label} is not in the participants key")
            continue
        if e.provisional or e.role is None:
            problems.append(
                f"speaker {label} ({e.name}) is provisional: add a manifest line such as "
                f"'{e.name},,service_user,,{label}' (name,aliases,role,site,label) and re-run 'cmo-coder import'"
            )
            continue
        out.append(Participant(label=e.label, role=e.role, site=e.site, attributes=e.attributes))
    if problems:
        raise CmoError(f"transcript {raw.id} cannot be signed off:\n" + "\n".join(f"  - {p}" for p in problems))
    return out


def sign_off(project: Project, secure: SecureFolder, transcript_id: str, actor: str) -> Transcript:
    """Apply accepted redactions and store the result in the project; the key and log stay secure."""
    if project.transcript_status(transcript_id) != "pending":
        raise CmoError(f"transcript {transcript_id} is already signed off")
    raw = load_raw(secure, transcript_id)
    ps = load_proposals(secure, transcript_id)
    # The same bytes re-imported with other options (--infer-speakers) give another text: check the spans too.
    stale = any(raw.text[p.start : p.end] != p.surface for p in ps.proposals)
    if ps.source_sha256 != raw.source_sha256 or stale:
        raise CmoError(f"transcript {transcript_id} changed since its proposals were made: run 'cmo-coder anonymise'")
    speakers = _speakers(secure, raw)
    decisions = load_decisions(secure)
    open_items = undecided(ps, decisions)
    if open_items:
        forms = sorted({norm(p.surface) for p in open_items})
        raise CmoError(
            f"transcript {transcript_id} has {len(open_items)} undecided proposal(s) ({len(forms)} form(s)); "
            "decide them with 'cmo-coder review' (--accept-all, --reject SURFACE, --edit SURFACE=PLACEHOLDER)"
        )
    chosen = [(p, d) for p, d in resolved(ps, decisions) if d is not None and d.decision != "reject"]
    spans = [(p.start, p.end, d.placeholder if d.decision == "edit" and d.placeholder else p.placeholder)
             for p, d in chosen]
    anonymised = apply_to_transcript(raw, spans)
    anonymised = anonymised.model_copy(update={"warnings": [], "title": raw.title})
    leaks = scan_text(anonymised.text + "\n" + anonymised.title, build_matcher(registered_items(secure)),
                      secure.raw / f"{transcript_id}.json", None)
    if leaks:
        where = ", ".join(f"line {h.line} column {h.column}" for h in leaks[:10])
        raise CmoError(f"transcript {transcript_id}: {len(leaks)} registered name(s) would survive anonymisation "
                       f"({where}); a rejected or edited decision let them through")
    by_layer = Counter(p.layers[0] for p, _ in chosen)
    by_category = Counter(p.category for p, _ in chosen)
    with project.transaction(actor) as tx:
        for sp in speakers:
            tx.upsert_participant(sp)
        tx.sign_off_transcript(anonymised)
        tx.audit("anonymise", "transcript", transcript_id, {
            "redactions": len(chosen), "rejected": len(ps.proposals) - len(chosen),
            "by_layer": dict(sorted(by_layer.items())), "by_category": dict(sorted(by_category.items())),
            "model": ps.model or "rules-only",
        })
    key = secure.read_json(REDACTION_KEY, {})
    key[transcript_id] = [
        {"start": p.start, "end": p.end, "original": p.surface, "placeholder": rep, "category": p.category}
        for (p, _), (_, _, rep) in zip(chosen, spans, strict=True)
    ]
    secure.write_json(REDACTION_KEY, key)
    at = clock.now_iso()
    for p, d in resolved(ps, decisions):
        assert d is not None
        log(secure, LogEntry(at=at, actor=actor, transcript=transcript_id, action="redaction", layer=p.layers[0],
                             category=p.category, decision=d.decision if d.by != "register" else "accept (registered)",
                             placeholder=(d.placeholder if d.decision == "edit" else p.placeholder)
                             if d.decision != "reject" else None,
                             surface_hash=surface_hash(secure, p.surface)))
    log(secure, LogEntry(at=at, actor=actor, transcript=transcript_id, action="sign_off", count=len(chosen)))
    return anonymised

