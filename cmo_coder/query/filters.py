"""Resolve the role and site names analysts type into the values the project stores."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..errors import CmoError, NotFound
from ..model import Coding, Role
from ..store import Project


def resolve_role(text: str | None) -> str | None:
    """The stored role a filter names ("staff", "service user", "patient"); a job title is refused, since it
    would stand for every member of staff, not those with that job."""
    if text is None:
        return None
    try:
        return Role.parse(text, job_titles=False).value
    except ValueError as exc:
        raise CmoError(str(exc)) from None


def resolve_site(project: Project, text: str | None) -> str | None:
    """``B``, ``b``, ``Case Study B`` and the project's own form (``Trust B``) all name site B; an unknown
    site is an error, not an empty table."""
    if text is None:
        return None
    from ..coding.attribution_style import style_of

    sites = sorted({p.site for p in project.participants() if p.site})
    style = style_of(project)
    key = style.strip_site(text).lower()
    for site in sites:  # a manifest may write the site in full ("Case Study B") or by its letter
        if site.lower() in (key, text.strip().lower()) or style.strip_site(site).lower() == key:
            return site
    raise NotFound(f"no site {text!r} among the participants (sites: {', '.join(sites) or 'none'})")


def resolve_pt(project: Project, pt: str) -> str:
    for known in project.codebook.pt_ids:
        if known.lower() == pt.strip().lower():
            return known
    raise NotFound(f"unknown programme theory {pt!r} (the codebook has {', '.join(project.codebook.pt_ids)})")


def resolve_coders(project: Project, names: Iterable[str] | None) -> frozenset[str] | None:
    """The coders named by ``--coder`` (repeatable), or None for everyone; an unknown coder is an error.

    One filter for every query, so ``--coder consensus`` means the same in ``evidence``,
    ``matrix``, ``graph``, ``report``, ``which-pt`` and ``code summary``.
    """
    wanted = [n.strip() for n in names or () if n.strip()]
    if not wanted:
        return None
    known = {r[0] for r in project.conn.execute("SELECT DISTINCT coder FROM codings")}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise NotFound(f"no coder {', '.join(repr(n) for n in unknown)} in this project "
                       f"(coders: {', '.join(sorted(known)) or 'none'})")
    return frozenset(wanted)


def by_coder(codings: Iterable[Coding], coders: Collection[str] | None) -> list[Coding]:
    """The codings made by one of ``coders`` (all of them when ``coders`` is None)."""
    return list(codings) if coders is None else [c for c in codings if c.coder in coders]
