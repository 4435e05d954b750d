"""The coding API the CLI mirrors: add, edit, remove and list codings; configurations (CMOCs).

Every function that changes the project does so in one transaction, so each change is
one audit entry group that lands completely or not at all. Codings only ever point into
the signed-off (anonymised) text: :meth:`Project.transcript` refuses anything else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from ..errors import CmoError, Conflict, NotFound, ValidationFailed
from ..ids import stable_id
from ..model import Coding, Configuration, ConfigurationMember, Participant
from ..model.coding import CodingOrigin
from ..model.vocab import Component, Judgement, Stance
from ..store import Project, Tx
from ..store.project import current_actor
from .attribution_style import DEFAULT_STYLE, AttributionStyle, style_of
from .locate import Span, locate_quote, parse_span, snippet
from .outputs import CodingListItem, ConfigurationMemberView, ConfigurationView, PtSummaryRow


def coding_id(transcript: str, start: int, end: int, pt: str, component: Component | None, element: str | None,
              stance: Stance, coder: str) -> str:
    """The content id of a coding: the same coding gets the same id in every project."""
    return stable_id(
        "cod", transcript, start, end, pt, component.value if component else "", element or "", stance.value, coder
    )


def chain_order(members: list[ConfigurationMember]) -> list[ConfigurationMember]:
    """Members as a configuration reads: C → Mres → Mresp → O, keeping their order within a role."""
    from ..model.vocab import CHAIN

    return sorted(members, key=lambda m: CHAIN.index(m.role) if m.role in CHAIN else len(CHAIN))


def configuration_id(pt: str, name: str) -> str:
    return stable_id("cmoc", pt, name)


def content_version(item: Coding | Configuration) -> str:
    """A short fingerprint of a coding's or configuration's content (span, code, stance, memo…), not its times.

    Content is what a lost update would lose: a coding changed and changed back holds nothing to
    lose, while an undo (which stamps a new ``updated_at``) must still match what it restored. The
    workbench sends it with every change; ``code edit --expect-version`` checks it from the command line.
    """
    content = item.model_dump_json(exclude={"created_at", "updated_at"})
    return hashlib.sha256(content.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class CodingView:
    """A coding with who said it: what ``code list`` prints and ``--json`` emits."""

    coding: Coding
    speaker: Participant | None
    style: AttributionStyle = DEFAULT_STYLE

    @classmethod
    def of(cls, project: Project, coding: Coding) -> CodingView:
        """The coding with its speaker, attributed in the project's style."""
        return cls(coding, project.speaker_at(coding.transcript_id, coding.start), style_of(project))

    @property
    def attribution(self) -> str | None:
        return self.style.attribution(self.speaker) if self.speaker else None

    def item(self) -> CodingListItem:
        return CodingListItem(
            **self.coding.model_dump(),
            label=self.speaker.label if self.speaker else None,
            role=self.speaker.role if self.speaker else None,
            site=self.speaker.site if self.speaker else None,
            attribution=self.attribution,
            version=content_version(self.coding),
        )

    def as_dict(self) -> dict[str, Any]:
        return self.item().model_dump(mode="json")


def resolve_span(
    project: Project, transcript_id: str, *, quote: str | None = None, span: str | tuple[int, int] | None = None,
    occurrence: int | None = None, allow_cross_turn: bool = False,
) -> Span:
    """A quote or an explicit ``START:END`` → one exact span of the signed-off text."""
    if (quote is None) == (span is None):
        raise CmoError("give exactly one of --quote or --span")
    if span is not None:
        start, end = parse_span(span) if isinstance(span, str) else span
        return span_from_store(project, transcript_id, start, end, allow_cross_turn)
    transcript = project.transcript(transcript_id)
    assert quote is not None
    return locate_quote(transcript, quote, occurrence=occurrence, allow_cross_turn=allow_cross_turn)


def span_from_store(project: Project, transcript_id: str, start: int, end: int, allow_cross_turn: bool = False) -> Span:
    """:func:`span_from_offsets` (same checks, same messages) reading only the text and the turns at the
    span's two ends: a coding made in the workbench must not wait for every turn of a long interview."""
    text = project.signed_off_text(transcript_id)
    n = len(text)
    if not (0 <= start < end <= n):
        raise CmoError(f"transcript {transcript_id}: span {start}:{end} is outside its text (0:{n}) or empty")
    if not allow_cross_turn and project.has_turns(transcript_id):
        first = project.turn_index_at(transcript_id, start)
        last = project.turn_index_at(transcript_id, end - 1)
        if first is None or last is None or first != last:
            raise CmoError(
                f"transcript {transcript_id}: span {start}:{end} crosses speaker turns "
                f"({snippet(text, start, end)}); pass --allow-cross-turn if that is intended"
            )
    return Span(start, end, text[start:end])


def _component(value: Component | str | None) -> Component | None:
    if value is None or isinstance(value, Component):
        return value
    try:
        return Component.parse(value)
    except ValueError as exc:
        raise CmoError(str(exc)) from None


def _stance(value: Stance | str | None) -> Stance:
    if value is None:
        return Stance.supports
    if isinstance(value, Stance):
        return value
    try:
        return Stance.parse(value)
    except ValueError as exc:
        raise CmoError(str(exc)) from None


def parse_judgement(value: Judgement | str | None) -> Judgement | None:
    """``confirm``, ``confirmed``, ``Refutes``… → a :class:`Judgement`; empty → None."""
    if value is None or isinstance(value, Judgement):
        return value
    key = value.strip().lower()
    if not key:
        return None
    for j in Judgement:
        if key in (j.value, j.value + "s", j.value + "d", j.value + "ed", j.value[:-1] + "ing", j.value + "ing"):
            return j
    raise CmoError(f"unknown judgement {value!r} (expected confirm, refute or refine)")


def _check_pt(project: Project, pt: str) -> str:
    """The codebook's spelling of ``pt`` (``pt3`` → ``PT3``), or NotFound."""
    found = project.codebook.find_pt(pt)
    if found is None:
        raise NotFound(f"unknown programme theory {pt} (the codebook has {', '.join(project.codebook.pt_ids)})")
    return found


def resolve_code(project: Project, pt: str | None, element: str | None) -> tuple[str, str | None]:
    """(PT, element) in the codebook's spelling. An element implies its PT, so ``--element PT2.MP1``
    needs no ``--pt``; a bare ``MP1`` is read within ``--pt`` (or any PT, if only one has it)."""
    pt_id = _check_pt(project, pt) if pt is not None else None
    if element is None:
        if pt_id is None:
            raise CmoError("give a programme theory (--pt PT3) or an element (--element PT3.MR1), which implies it")
        return pt_id, None
    found = project.codebook.find_elements(element, pt_id)
    if not found and pt_id is not None and project.codebook.find_elements(element):
        other = project.codebook.find_elements(element)
        raise CmoError(f"element {element} belongs to {', '.join(sorted({e.split('.')[0] for e in other}))}, "
                       f"not {pt_id}")
    if not found:
        if pt_id is None:
            raise ValidationFailed(f"unknown element {element} (element ids look like PT3.MR1)")
        known = ", ".join(e.id for e in project.codebook.pt(pt_id).elements) or "none"
        raise ValidationFailed(f"unknown element {element} (elements of {pt_id}: {known})")
    if len(found) > 1:
        raise ValidationFailed(f"element {element} is ambiguous ({', '.join(found)}): give the full id or --pt")
    element_id = found[0]
    element_pt = element_id.split(".", 1)[0]
    if pt_id is not None and element_pt != pt_id:
        raise ValidationFailed(f"element {element_id} belongs to {element_pt}, not {pt_id}")
    return element_pt, element_id


def build_coding(
    project: Project, transcript_id: str, span: Span, *, pt: str | None, component: Component | str | None = None,
    element: str | None = None, stance: Stance | str | None = None, memo: str | None = None,
    coder: str | None = None, origin: CodingOrigin = CodingOrigin.manual,
) -> Coding:
    """A validated-in-shape coding (the store checks it against codebook and text when added)."""
    pt, element = resolve_code(project, pt, element)
    comp = _component(component)
    st = _stance(stance)
    who = coder or current_actor()
    if element is not None and comp is None:
        comp = _component(_element_component(element))
    try:
        return Coding(
            id=coding_id(transcript_id, span.start, span.end, pt, comp, element, st, who),
            transcript_id=transcript_id, start=span.start, end=span.end, text=span.text, pt=pt, component=comp,
            element=element, stance=st, coder=who, memo=memo if memo and memo.strip() else None, origin=origin,
        )
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise CmoError(f"transcript {transcript_id} [{span.start}:{span.end}]: {_first_error(exc)}") from None


def _element_component(element: str) -> Component | None:
    from ..model.codebook import ELEMENT_ID_RE
    from ..model.vocab import CODE_TO_COMPONENT

    m = ELEMENT_ID_RE.match(element)
    return CODE_TO_COMPONENT[m["code"]] if m else None


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return "; ".join(str(e.get("msg", e)).removeprefix("Value error, ") for e in errors())
    return str(exc)


def insert_coding(tx: Tx, coding: Coding) -> Coding:
    """Add through the store, saying plainly when this very coding is already there."""
    if tx.conn.execute("SELECT 1 FROM codings WHERE id = ?", (coding.id,)).fetchone():
        raise CmoError(
            f"coding {coding.id} already exists (same span, code, stance and coder) in {coding.transcript_id} "
            f"[{coding.start}:{coding.end}]"
        )
    return tx.add_coding(coding)


def add_coding(
    project: Project, transcript_id: str, *, pt: str | None, quote: str | None = None,
    span: str | tuple[int, int] | None = None, component: Component | str | None = None,
    element: str | None = None, stance: Stance | str | None = None,
    memo: str | None = None, coder: str | None = None, occurrence: int | None = None,
    allow_cross_turn: bool = False, actor: str | None = None,
) -> Coding:
    located = resolve_span(project, transcript_id, quote=quote, span=span, occurrence=occurrence,
                           allow_cross_turn=allow_cross_turn)
    coding = build_coding(project, transcript_id, located, pt=pt, component=component, element=element,
                          stance=stance, memo=memo, coder=coder)
    with project.transaction(actor or coding.coder) as tx:
        return insert_coding(tx, coding)


def edit_coding(
    project: Project, coding_id_: str, *, pt: str | None = None, component: Component | str | None = None,
    element: str | None = None, stance: Stance | str | None = None, memo: str | None = None,
    quote: str | None = None, span: str | tuple[int, int] | None = None, occurrence: int | None = None,
    allow_cross_turn: bool = False, clear_element: bool = False, actor: str | None = None,
    expect_version: str | None = None,
) -> Coding:
    """Change a coding in place. Its id stays the same so configurations and exports keep pointing at it.

    ``expect_version`` (the ``version`` that ``code list --json`` showed) refuses the change if the
    coding changed since, as the workbench refuses a save from a page showing an older version.
    """
    old = project.coding(coding_id_)
    check_expected_version(old, expect_version)
    located = (
        resolve_span(project, old.transcript_id, quote=quote, span=span, occurrence=occurrence,
                     allow_cross_turn=allow_cross_turn)
        if quote is not None or span is not None
        else Span(old.start, old.end, old.text)
    )
    if element is not None:  # the element implies its PT
        pt, element = resolve_code(project, pt, element)
    new_pt = _check_pt(project, pt) if pt is not None else old.pt
    new_component = _component(component) if component is not None else old.component
    if element is not None:
        new_element: str | None = element
    elif clear_element or new_pt != old.pt or new_component is not old.component:
        new_element = None  # a changed code drops an element that no longer fits it
    else:
        new_element = old.element
    if new_pt != old.pt or new_component is not old.component:
        used = [c.name for c in project.configurations() if any(m.coding_id == old.id for m in c.members)]
        if used:
            raise CmoError(
                f"coding {old.id} is part of configuration(s) {', '.join(used)}; changing its programme theory "
                "or component would break them. Remove it from those first."
            )
    rebuilt = build_coding(project, old.transcript_id, located, pt=new_pt, component=new_component,
                           element=new_element, stance=stance if stance is not None else old.stance,
                           memo=memo if memo is not None else old.memo, coder=old.coder, origin=old.origin)
    updated = rebuilt.model_copy(update={"id": old.id})
    if updated.model_dump(exclude={"created_at", "updated_at"}) == old.model_dump(exclude={"created_at", "updated_at"}):
        raise CmoError(f"coding {old.id}: nothing to change")
    with project.transaction(actor) as tx:
        unchanged_since_read(project, old)
        return tx.update_coding(updated)


def unchanged_since_read(project: Project, old: Coding) -> None:
    """Inside the change's transaction: the coding is still what the change was built from.

    An edit rewrites the whole row from what it read; had a coder in the browser (or another
    command) saved the coding in between, writing now would silently undo their change.
    """
    try:
        now = project.coding(old.id)
    except NotFound:
        raise Conflict(f"coding {old.id} was removed while this change was being made; nothing was changed") \
            from None
    if now.model_dump(exclude={"created_at", "updated_at"}) != old.model_dump(exclude={"created_at", "updated_at"}):
        raise Conflict(f"coding {old.id} was changed while this change was being made (another coder or the "
                       "workbench saved it); nothing was changed: look at it again, then edit it")


def check_expected_version(coding: Coding, expected: str | None) -> None:
    if expected is not None and content_version(coding) != expected:
        raise Conflict(f"coding {coding.id} was changed since version {expected} (it is now version "
                       f"{content_version(coding)}); nothing was changed: look at it again (code list --json), "
                       "then change it")


def remove_codings(project: Project, ids: list[str], actor: str | None = None,
                   expect_versions: dict[str, str] | None = None) -> int:
    """Remove codings, all or none; ``expect_versions`` (id → version) refuses if any changed since."""
    with project.transaction(actor) as tx:
        for i in ids:
            if expect_versions and i in expect_versions:
                check_expected_version(project.coding(i), expect_versions[i])
            tx.remove_coding(i)
    return len(ids)


def list_codings(
    project: Project, *, transcript: str | None = None, pt: str | None = None, component: str | None = None,
    stance: str | None = None, participant: str | None = None, role: str | None = None, site: str | None = None,
    coder: str | None = None, element: str | None = None,
) -> list[CodingView]:
    """Codings in document order with their speakers; filter values are checked, not silently empty."""
    if pt is not None or element is not None:
        resolved_pt, element = resolve_code(project, pt, element)
        pt = resolved_pt if pt is not None else None
    comp = _component(component)
    st = _stance(stance) if stance is not None else None
    role_value = None
    if role is not None:
        from ..model.vocab import Role

        try:
            role_value = Role.parse(role, job_titles=False).value  # a filter: "manager" is no role
        except ValueError as exc:
            raise CmoError(str(exc)) from None
    style = style_of(project)
    if site is not None:
        site = style.strip_site(site)
    if transcript is not None:
        project.transcript_status(transcript)  # NotFound for a typo
    codings = project.codings(
        transcript_id=transcript, pt=pt, component=comp.value if comp else None, stance=st.value if st else None,
        coder=coder, element=element, speaker=participant, role=role_value, site=site,
    )
    starts: dict[str, set[int]] = {}
    for c in codings:
        starts.setdefault(c.transcript_id, set()).add(c.start)
    speakers = {tid: project.speakers_at(tid, offsets) for tid, offsets in starts.items()}
    return [CodingView(c, speakers[c.transcript_id][c.start], style) for c in codings]


# -- configurations ---------------------------------------------------------------------------------


def add_configuration(
    project: Project, *, pt: str, members: list[tuple[str, Component | str]], name: str | None = None,
    judgement: Judgement | str | None = None, rationale: str | None = None, coder: str | None = None,
) -> Configuration:
    """Link two or more codings of one PT into a CMOC (dyad, triad or full chain)."""
    pt = _check_pt(project, pt)
    parsed = [ConfigurationMember(coding_id=cid, role=_component(role) or Component.context) for cid, role in members]
    if len(parsed) < 2:
        raise CmoError("a configuration links at least two codings (e.g. --context ID --outcome ID)")
    if name is None:
        name = f"{pt}-{len(project.configurations(pt)) + 1}"
        while any(c.name == name for c in project.configurations(pt)):
            name += "'"
    if ";" in name:
        raise CmoError(f"configuration name {name!r} must not contain ';' (tables use it to list several)")
    jd = parse_judgement(judgement)
    try:
        config = Configuration(
            id=configuration_id(pt, name), pt=pt, name=name, members=parsed, judgement=jd,
            rationale=rationale or None, coder=coder or current_actor(),
        )
    except ValueError as exc:
        raise CmoError(_first_error(exc)) from None
    with project.transaction(coder) as tx:
        return tx.add_configuration(config)


def edit_configuration(
    project: Project, ref: str, *, members: list[tuple[str, Component | str]] | None = None,
    name: str | None = None, judgement: Judgement | str | None = None, clear_judgement: bool = False,
    rationale: str | None = None, actor: str | None = None,
) -> Configuration:
    """Change a CMOC's name, judgement, rationale or members in one transaction.

    A configuration's id is derived from its PT and name, so a rename gives it a new id; the change
    is recorded as the old configuration removed and the new one added (audited together; its first
    coder and creation time are kept). The same rules as :func:`add_configuration` apply to the result.
    """
    old = find_configuration(project, ref)
    new_name = old.name if name is None else name.strip()
    if not new_name:
        raise CmoError("a configuration needs a name")
    if ";" in new_name:
        raise CmoError(f"configuration name {new_name!r} must not contain ';' (tables use it to list several)")
    parsed = old.members if members is None else [
        ConfigurationMember(coding_id=cid, role=_component(role) or Component.context) for cid, role in members
    ]
    if len(parsed) < 2:
        raise CmoError("a configuration links at least two codings")
    jd = None if clear_judgement else (parse_judgement(judgement) if judgement is not None else old.judgement)
    new_rationale = old.rationale if rationale is None else (rationale.strip() or None)
    new_id = old.id if new_name == old.name else configuration_id(old.pt, new_name)
    try:
        config = Configuration(
            id=new_id, pt=old.pt, name=new_name, members=parsed, judgement=jd,
            rationale=new_rationale, coder=old.coder, created_at=old.created_at,
        )
    except ValueError as exc:
        raise CmoError(_first_error(exc)) from None
    if any(c.id != old.id and (c.id == config.id or c.name == new_name) for c in project.configurations(old.pt)):
        raise CmoError(f"{old.pt} already has a configuration named {new_name!r}")
    with project.transaction(actor) as tx:
        try:
            unchanged = content_version(project.configuration(old.id)) == content_version(old)
        except NotFound:
            unchanged = False
        if not unchanged:
            raise Conflict(f"configuration {old.name!r} was changed or removed while this change was being made; "
                           "nothing was changed: look at it again, then edit it")
        tx.remove_configuration(old.id)
        return tx.add_configuration(config)


def find_configuration(project: Project, ref: str) -> Configuration:
    """By id, or by name when it is unique."""
    try:
        return project.configuration(ref)
    except NotFound:
        named = [c for c in project.configurations() if c.name == ref]
        if len(named) == 1:
            return named[0]
        if named:
            raise CmoError(f"{len(named)} configurations are named {ref!r}; use the id") from None
        raise


def remove_configuration(project: Project, ref: str, actor: str | None = None) -> Configuration:
    config = find_configuration(project, ref)
    with project.transaction(actor) as tx:
        tx.remove_configuration(config.id)
    return config


def show_configuration(project: Project, ref: str) -> dict[str, Any]:
    """A configuration with each member coding and its attribution, ready to print or emit."""
    config = find_configuration(project, ref)
    members = []
    for m in chain_order(config.members):
        c = project.coding(m.coding_id)
        speaker = project.speaker_at(c.transcript_id, c.start)
        members.append(ConfigurationMemberView(role=m.role, coding=CodingView(c, speaker, style_of(project)).item()))
    view = ConfigurationView(**config.model_dump(mode="json", exclude={"members"}), members=members)
    return view.model_dump(mode="json")


def summary(project: Project, coders: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """Per-PT counts for the demo and for a quick look: codings by component and stance, CMOCs.

    With ``coders``, only their codings, and only the CMOCs all of whose members are theirs.
    """
    rows = []
    codings = [c for c in project.codings() if coders is None or c.coder in coders]
    kept = {c.id for c in codings}
    configs = [c for c in project.configurations() if all(m.coding_id in kept for m in c.members)]
    for pt in project.codebook.programme_theories:
        mine = [c for c in codings if c.pt == pt.id]
        row: dict[str, Any] = {"pt": pt.id, "title": pt.title, "codings": len(mine)}
        for comp in Component:
            row[comp.value] = sum(c.component is comp for c in mine)
        row["pt_level"] = sum(c.component is None for c in mine)
        for st in Stance:
            row[st.value] = sum(c.stance is st for c in mine)
        row["transcripts"] = len({c.transcript_id for c in mine})
        row["configurations"] = sum(c.pt == pt.id for c in configs)
        rows.append(PtSummaryRow(**row).model_dump(mode="json"))
    return rows


__all__ = [
    "CodingView", "ValidationFailed", "add_coding", "add_configuration", "build_coding", "coding_id",
    "configuration_id", "edit_coding", "edit_configuration", "find_configuration", "list_codings", "remove_codings",
    "remove_configuration", "resolve_span", "show_configuration", "summary",
]
