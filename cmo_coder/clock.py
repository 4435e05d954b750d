"""Timestamps that can be pinned, so that demo outputs and exports are byte-reproducible.

``SOURCE_DATE_EPOCH`` is the reproducible-builds convention: when it is set, every
timestamp the tool writes is that instant.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime


def now() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


def now_iso() -> str:
    """UTC time as ``YYYY-MM-DDThh:mm:ssZ``, the form REFI-QDA and the audit log use."""
    return now().strftime("%Y-%m-%dT%H:%M:%SZ")
