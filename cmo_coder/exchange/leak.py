"""The one place the exchange stage calls the anonymise stage's leak check.

Kept tiny and lazy so the wiring is obvious and an absent check is a clear error,
never a silent pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import CmoError, PrivacyError
from ..store.secure import SecureFolder


def scan(paths: list[Path], secure: SecureFolder, reference: list[str] | None = None,
         team: frozenset[str] = frozenset()) -> list[Any]:
    """Scan written files. ``reference`` is the codebook as loaded: an export quotes it outside its
    codebook too (a refined theory's note, or a note written as a text source for QualCoder), and an
    everyday-word name inside such a quotation ("this will lead to") is the codebook's word. ``team``:
    the coder names the project records (a user's name in the export, not a transcript's text)."""
    try:
        from ..anonymise.leakcheck import scan_paths  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise CmoError("the leak check is unavailable in this installation (cmo_coder.anonymise.leakcheck); "
                       "nothing was written") from None
    if reference is None:
        return list(scan_paths(paths, secure))
    return list(scan_paths(paths, secure, reference, team))


def team_names(project: Any) -> frozenset[str]:
    """The project's one-word coder and author names, as the leak check reads them (none where it is
    replaced)."""
    try:
        from ..anonymise.leakcheck import team_names as names  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return frozenset()
    return frozenset(names(project.conn))


def codebook_reference(project: Any) -> list[str] | None:
    """The project's codebook as loaded, as the leak check reads it (None where the check is replaced)."""
    try:
        from ..anonymise.leakcheck import codebook_text  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return list(codebook_text(project.conn))


def scan_texts(texts: dict[str, str], secure: SecureFolder, reference: list[str] | None = None) -> list[Any]:
    """Scan texts held in memory, each under the name to report it by; nothing touches the disk.

    Text arriving in an exchange file has not been through this project's anonymisation, so it
    is never written anywhere (not even to a temporary file a crash could leave behind) before
    it has passed. ``reference`` is the project's codebook as loaded, for texts that quote it (a
    refined theory keeps most of its first statement): an everyday-word name inside such a
    quotation ("this will lead to") is the codebook's word, and accepted surfaces are checked too.
    """
    try:
        from ..anonymise.leakcheck import (  # type: ignore[import-not-found,unused-ignore]
            build_matcher,
            registered_items,
            scan_text,
        )
    except ImportError:
        raise CmoError("the leak check is unavailable in this installation (cmo_coder.anonymise.leakcheck); "
                       "nothing was written") from None
    if reference is None:
        matcher = build_matcher(registered_items(secure))
    else:
        from ..anonymise.leakcheck import project_matcher  # type: ignore[import-not-found,unused-ignore]

        matcher = project_matcher(secure, reference)
    hits: list[Any] = []
    for name, text in texts.items():
        hits += scan_text(text, matcher, Path(name), None)
    return hits


def describe(hits: list[Any], names: dict[str, str] | None = None, limit: int = 20) -> str:
    """One line per hit; ``names`` shows temporary files under the name the user knows."""
    lines = []
    for h in hits[:limit]:
        member = f":{h.member}" if getattr(h, "member", None) else ""
        where = (names or {}).get(str(h.path), str(h.path))
        lines.append(f"  - {where}{member}:{h.line}:{h.column}: {h.category} {h.surface!r}")
    more = f"\n  … and {len(hits) - limit} more" if len(hits) > limit else ""
    return "\n".join(lines) + more


def refuse(hits: list[Any], what: str, names: dict[str, str] | None = None) -> PrivacyError:
    return PrivacyError(f"{what}: the leak check found {len(hits)} identifying string(s); nothing was written\n"
                        + describe(hits, names))
