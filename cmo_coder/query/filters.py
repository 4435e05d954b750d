"""Resolve the role and site names analysts type into the values the project stores."""

from __future__ import annotations

from ..errors import CmoError, NotFound
from ..model import Role
from ..store import Project


def resolve_role(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return Role.parse(text).value
    except ValueError as exc:
        raise CmoError(str(exc)) from None


def resolve_site(project: Project, text: str | None) -> str | None:
    """``B``, ``b`` and ``Case Study B`` all name site B; an unknown site is an error, not an empty table."""
    if text is None:
        return None
    sites = sorted({p.site for p in project.participants() if p.site})
    key = text.strip().lower().removeprefix("case study").strip()
    for site in sites:
        if site.lower() == key:
            return site
    raise NotFound(f"no site {text!r} among the participants (sites: {', '.join(sites) or 'none'})")


def resolve_pt(project: Project, pt: str) -> str:
    for known in project.codebook.pt_ids:
        if known.lower() == pt.strip().lower():
            return known
    raise NotFound(f"unknown programme theory {pt!r} (the codebook has {', '.join(project.codebook.pt_ids)})")
