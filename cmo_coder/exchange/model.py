"""Intermediate objects read from a QDE/QDC file, before they meet the project.

Readers fill these; the importer maps them. Keeping them apart from the domain model
means a foreign file is fully read and checked (every GUID reference resolved) before a
single row is written.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class QCode(BaseModel):
    guid: str
    name: str
    codable: bool = True
    description: str | None = None
    parent: str | None = None
    path: list[str] = Field(default_factory=list, description="Names of the ancestors, outermost first.")


class QCodeRef(BaseModel):
    code: str
    user: str | None = None
    created: str | None = None


class QSelection(BaseModel):
    guid: str
    name: str | None = None
    start: int
    end: int
    user: str | None = None
    created: str | None = None
    modified: str | None = None
    description: str | None = None
    codings: list[QCodeRef] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class QSource(BaseModel):
    guid: str
    name: str
    kind: str = "TextSource"
    description: str | None = None
    plain_text_path: str | None = None
    content: str | None = None
    selections: list[QSelection] = Field(default_factory=list)


class QCase(BaseModel):
    guid: str
    name: str
    variables: dict[str, str] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)
    selections: list[str] = Field(default_factory=list)


class QNote(BaseModel):
    guid: str
    name: str | None = None
    description: str | None = None
    content: str | None = None
    user: str | None = None
    created: str | None = None
    modified: str | None = None


class QLink(BaseModel):
    guid: str
    name: str | None = None
    direction: str | None = None
    origin: str | None = None
    target: str | None = None
    notes: list[str] = Field(default_factory=list)


class QProject(BaseModel):
    name: str = ""
    origin: str | None = None
    users: dict[str, str] = Field(default_factory=dict)
    codes: list[QCode] = Field(default_factory=list)
    cases: list[QCase] = Field(default_factory=list)
    sources: list[QSource] = Field(default_factory=list)
    notes: list[QNote] = Field(default_factory=list)
    links: list[QLink] = Field(default_factory=list)
    project_notes: list[str] = Field(default_factory=list)
    skipped: dict[str, int] = Field(default_factory=dict, description="Elements read but not importable, by kind.")
