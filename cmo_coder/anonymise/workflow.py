"""The ``anonymise`` step end to end: validate every input first, then propose, then write.

Everything that can be wrong (model, register, key, allow-list clashes, transcript ids)
is checked before the first write, so a failed run leaves the secure folder as it was.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import cast

from .. import clock
from ..errors import CmoError, NotFound
from ..model import Transcript
from ..store.project import Project
from ..store.secure import REGISTER_COPY, SecureFolder
from .layers.allowlist import default_allowlist
from .layers.labels import study_names
from .layers.public_figures import public_figures
from .layers.public_names import CALENDAR_OVER_NAME, public_names
from .models import LogEntry, ProposalSet
from .named_attributes import refuse_named_attributes
from .parallel import Progress, analyse_all
from .pipeline import Anonymiser, resolve_model
from .register import RegisterItem, build_register, load_register_csv
from .review import load_numbers, load_raw, log, save_numbers, save_proposals


def _own_phrases(path: Path | None) -> list[str]:
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CmoError(f"cannot read allow-list {path}: {exc}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def load_allowlist(path: Path | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*default_allowlist(), *_own_phrases(path)]))


def clashing_phrases(path: Path | None) -> set[str]:
    """Allow-listed phrases a registered surface may not equal. A participant who bears a listed public
    figure's full name ("Chris Whitty", "Paul Hayes") is registered all the same and always removed:
    registered names win over the shipped lists of figures and public people (a project's own allow-list
    still clashes). So do the calendar words a name list also holds: the town of March, a woman called April or
    Easter is registered as a team writes it, and each occurrence is the reviewer's to judge (a registered word
    name is decided one occurrence at a time), since refusing the line left the town in every transcript."""
    figures = {f.lower() for f in (*public_figures(), *public_names("people"))}
    return ({a.lower() for a in default_allowlist()} - figures - CALENDAR_OVER_NAME) | {
        a.lower() for a in _own_phrases(path)}


def own_study_names(raws: list[Transcript]) -> set[str]:
    """The study's own short names, as the pending transcripts' cased turns say them before "study" (see
    :func:`.layers.labels.study_names`); a registered name never becomes one (registered names win over the
    allow-list)."""
    return set(study_names(raw.text for raw in raws))


def make_anonymiser(secure: SecureFolder, register_csv: Path | None, model: str | None, rules_only: bool,
                    allowlist: Path | None = None, own_names: Iterable[str] = (),
                    ) -> tuple[Anonymiser, list[RegisterItem]]:
    """The anonymiser of a run; ``own_names``: the study's own short names, kept as its labels are."""
    name = resolve_model(model, rules_only)
    source = register_csv or (secure.path / REGISTER_COPY if (secure.path / REGISTER_COPY).exists() else None)
    extra = load_register_csv(source) if source else []
    allow = tuple(dict.fromkeys([*load_allowlist(allowlist), *own_names]))
    register = build_register(secure.load_participant_key(), extra, clashing_phrases(allowlist))
    return Anonymiser(register, name, allow), extra


def anonymise(project: Project, secure: SecureFolder, actor: str, register_csv: Path | None = None,
              model: str | None = None, rules_only: bool = False, numbered: bool = False,
              transcript_ids: list[str] | None = None, allowlist: Path | None = None,
              progress: object | None = None, jobs: int | None = None) -> list[ProposalSet]:
    """Propose redactions for pending transcripts (all of them unless named).

    ``jobs``: worker processes that analyse transcripts side by side, ``None`` to choose by the project's size
    (:func:`.parallel.choose_jobs`); the proposals, files and rows are the same whatever it is. ``progress(done,
    total, transcript id)`` is called as each transcript is analysed (with workers, in the order they finish)."""
    pending = project.transcript_ids(status="pending")
    targets = transcript_ids or pending
    for tid in targets:
        if tid not in pending:
            status = project.transcript_status(tid)  # raises NotFound for unknown ids
            raise CmoError(f"transcript {tid} is {status.replace('_', ' ')}, not pending anonymisation")
    raws = [load_raw(secure, tid) for tid in targets]
    if not raws:
        raise NotFound("no transcripts are pending anonymisation (import some with 'cmo-coder import')")
    # "the HOMEWARD study" in one transcript keeps "the HOMEWARD carers group" in another
    names = own_study_names([load_raw(secure, tid) for tid in pending])
    anonymiser, _ = make_anonymiser(secure, register_csv, model, rules_only, allowlist, sorted(names))
    refuse_named_attributes(project.participants(), anonymiser.register.items)
    numbers = load_numbers(secure)
    sets = analyse_all(anonymiser, raws, numbered, numbers, jobs,
                       cast(Progress, progress) if callable(progress) else None)
    # writes start here
    if register_csv is not None:
        shutil.copyfile(register_csv, secure.path / (REGISTER_COPY + ".tmp"))
        (secure.path / (REGISTER_COPY + ".tmp")).replace(secure.path / REGISTER_COPY)
    if numbered:
        save_numbers(secure, numbers)
    at = clock.now_iso()
    with project.transaction(actor) as tx:
        for ps in sets:
            save_proposals(secure, ps)
            by_layer = Counter(p.layers[0] for p in ps.proposals)
            tx.audit("propose_redactions", "transcript", ps.transcript_id, {
                "proposals": len(ps.proposals), "by_layer": dict(sorted(by_layer.items())),
                "residual": len(ps.residual), "model": ps.model or "rules-only",
            })
            log(secure, LogEntry(at=at, actor=actor, transcript=ps.transcript_id, action="propose",
                                 count=len(ps.proposals)))
    return sets
