"""One source file's bytes → its canonical text and turns, or a ``ParseError`` naming the file.

This is the whole reading half of ``import`` (format detection, the reader, merging into
turns) behind one call, so the fuzz targets exercise exactly what an import runs. The
limits that keep memory bounded on hostile input are stated in :mod:`.limits`; the readers
check them as they go, and the utterance count is checked once more here for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import SourceFormat
from . import canonical, detect, limits
from .utterance import ParseError


@dataclass
class SourceText:
    format: SourceFormat
    canon: canonical.Canonical
    warnings: list[str] = field(default_factory=list)
    #: The attendees a Google Meet header names, speakers or not (see :class:`.detect.Parsed`).
    attendees: list[str] = field(default_factory=list)


def read_source(data: bytes, name: str | Path, infer_speakers: bool = False,
                markers: tuple[str, ...] | None = None) -> SourceText:
    """Detect, read and merge ``data`` (the bytes of file ``name``); every turn slices the text exactly."""
    source = str(name)
    parsed = detect.parse(data, source, infer_speakers=infer_speakers, markers=markers)
    limits.check_turns(len(parsed.utterances), source)  # the readers check as they go; this covers them all
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    del parsed.utterances[:]
    if not canon.turns:
        raise ParseError(f"{source}: no speech found")
    warnings = list(parsed.warnings)
    if canon.empty:
        warnings.append(empty_turns_warning(canon.empty))
    return SourceText(format=SourceFormat(parsed.format), canon=canon, warnings=warnings,
                      attendees=list(parsed.attendees))


def empty_turns_warning(where: list[str]) -> str:
    """The import's word on labelled turns left out for having no speech: places only, never the label,
    since a warning is shown and stored outside the secure folder and a label may be a name."""
    shown = ", ".join(where[:5]) + (f" and {len(where) - 5} more" if len(where) > 5 else "")
    return f"{len(where)} speaker label(s) with no speech after them left out ({shown})"
