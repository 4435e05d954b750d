"""The domain model: every object that crosses a module or file boundary, validated by pydantic."""

from .codebook import Codebook, Element, ProgrammeTheory
from .coding import Coding, CodingOrigin, Configuration, ConfigurationMember
from .participant import Participant
from .transcript import SourceFormat, Transcript, TranscriptKind, Turn
from .vocab import CHAIN, Component, Judgement, Role, Stance

__all__ = [
    "CHAIN",
    "Codebook",
    "Coding",
    "CodingOrigin",
    "Component",
    "Configuration",
    "ConfigurationMember",
    "Element",
    "Judgement",
    "Participant",
    "ProgrammeTheory",
    "Role",
    "SourceFormat",
    "Stance",
    "Transcript",
    "TranscriptKind",
    "Turn",
]
