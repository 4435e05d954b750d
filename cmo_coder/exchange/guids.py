"""Deterministic REFI GUIDs: the same project exported twice gives the same identities.

Importers use GUIDs to recognise objects they already hold, so a re-export must not
mint new ones. uuid5 over a readable key (``code/PT3.MR1``) is stable across machines
and runs; the upper-case 8-4-4-4-12 form is what NVivo and ATLAS.ti write.
"""

from __future__ import annotations

import re
import uuid

#: Fixed namespace for every GUID this tool writes.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/cmo-coder/cmo-coder/refi-qda")
GUID_RE = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")


def guid(kind: str, *parts: object) -> str:
    """``kind`` keeps kinds apart (a code and a source never share a key by accident)."""
    key = "\x1f".join([kind, *(str(p) for p in parts)])
    return str(uuid.uuid5(NAMESPACE, key)).upper()


def normalise(value: str) -> str:
    """GUIDs compare case-insensitively and may come braced (``{…}``); fold to one form."""
    return value.strip().strip("{}").upper()


def is_guid(value: str) -> bool:
    return bool(GUID_RE.match(value.strip()))
