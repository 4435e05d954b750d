"""Offices named "<office> General": the Attorney General, the Surgeon General, the Auditor General.

In these the second word is the office's rank, not a name and not a hospital's: "the Attorney General" is a
post anyone in the news holds, and "the Western General" a hospital said without its head word. The words
that make the first half an office are a closed set of posts and ranks (law officers, auditors, inspectors,
registrars, military ranks), shared by the hospital rule (``rules.py``, which must not read them as a
hospital) and the office frame (``public_context.office_at``, which keeps them whole as an office).
"""

from __future__ import annotations

OFFICE_HEADS: tuple[str, ...] = (
    "attorney", "secretary", "surgeon", "director", "inspector", "registrar", "auditor", "solicitor", "postmaster",
    "paymaster", "major", "lieutenant", "brigadier", "adjutant", "quartermaster", "accountant", "advocate",
    "comptroller", "governor", "consul", "vicar", "procurator", "receiver", "captain", "commissary", "provost",
)
"""First words of an office "<word> General", lower case."""

OFFICE_HEAD_SET = frozenset(OFFICE_HEADS)


def office_heads_pattern() -> str:
    """A regular expression of the heads, each capitalised as a cased name writes it ("Attorney")."""
    return "(?:" + "|".join(h.capitalize() for h in OFFICE_HEADS) + ")"
