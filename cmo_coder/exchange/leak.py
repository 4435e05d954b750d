"""The one place the exchange stage calls the anonymise stage's leak check.

Kept tiny and lazy so the wiring is obvious and an absent check is a clear error,
never a silent pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import CmoError, PrivacyError
from ..store.secure import SecureFolder


def scan(paths: list[Path], secure: SecureFolder) -> list[Any]:
    try:
        from ..anonymise.leakcheck import scan_paths  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise CmoError("the leak check is unavailable in this installation (cmo_coder.anonymise.leakcheck); "
                       "nothing was written") from None
    return list(scan_paths(paths, secure))


def describe(hits: list[Any], limit: int = 20) -> str:
    lines = []
    for h in hits[:limit]:
        member = f":{h.member}" if getattr(h, "member", None) else ""
        lines.append(f"  - {h.path}{member}:{h.line}:{h.column}: {h.category} {h.surface!r}")
    more = f"\n  … and {len(hits) - limit} more" if len(hits) > limit else ""
    return "\n".join(lines) + more


def refuse(hits: list[Any], what: str) -> PrivacyError:
    return PrivacyError(f"{what}: the leak check found {len(hits)} identifying string(s); nothing was written\n"
                        + describe(hits))
