"""Intermediate objects read from a QDE/QDC file, before they meet the project.

Readers fill these; the importer maps them. Keeping them apart from the domain model
means a foreign file is fully read and checked (every GUID reference resolved) before a
single row is written. They are slotted dataclasses, not pydantic models: a large
project has hundreds of thousands of selections, and validation happens in the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class QCode:
    guid: str
    name: str
    codable: bool = True
    description: str | None = None
    parent: str | None = None
    path: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QCodeRef:
    code: str
    user: str | None = None
    created: str | None = None


@dataclass(slots=True)
class QSelection:
    guid: str
    start: int
    end: int
    name: str | None = None
    user: str | None = None
    created: str | None = None
    modified: str | None = None
    description: str | None = None
    codings: list[QCodeRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QSource:
    guid: str
    name: str
    kind: str = "TextSource"
    description: str | None = None
    plain_text_path: str | None = None
    content: str | None = None
    selections: list[QSelection] = field(default_factory=list)


@dataclass(slots=True)
class QCase:
    guid: str
    name: str
    variables: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    selections: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QNote:
    guid: str
    name: str | None = None
    description: str | None = None
    content: str | None = None
    user: str | None = None
    created: str | None = None
    modified: str | None = None
    plain_text_path: str | None = None  # NVivo and QualCoder keep a note's text in a file


@dataclass(slots=True)
class QLink:
    guid: str
    name: str | None = None
    direction: str | None = None
    origin: str | None = None
    target: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QProject:
    name: str = ""
    origin: str | None = None
    users: dict[str, str] = field(default_factory=dict)
    codes: list[QCode] = field(default_factory=list)
    cases: list[QCase] = field(default_factory=list)
    sources: list[QSource] = field(default_factory=list)
    notes: list[QNote] = field(default_factory=list)
    links: list[QLink] = field(default_factory=list)
    project_notes: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
