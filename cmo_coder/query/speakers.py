"""Who said a coded quote: the turn a coding starts in, and that turn's participant.

Graphs, evidence tables, matrices and the quote index all need the speaker of many
codings; asking the database once per coding is slow, so turns are loaded once per
transcript and searched by bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..coding.attribution_style import DEFAULT_STYLE, AttributionStyle, style_of
from ..ingest.group_speakers import JOINT_SEPARATOR, label_parts
from ..model import Coding, Participant
from ..store import Project


@dataclass(frozen=True)
class Speaker:
    """Where a coding sits: its turn (index in the transcript, or -1) and the participant, if known; for a turn
    members spoke together (``NOR-G02 & NOR-G04``), the members, each shown as a participant is and joined with
    " & ", so an evidence table says "Carer, Case Study A & Carer, Case Study A" rather than no one."""

    turn: int
    participant: Participant | None
    style: AttributionStyle = DEFAULT_STYLE
    members: tuple[Participant, ...] = ()

    def _each(self) -> tuple[Participant, ...]:
        return (self.participant,) if self.participant else self.members

    @property
    def label(self) -> str:
        return JOINT_SEPARATOR.join(p.label for p in self._each())

    @property
    def role(self) -> str:
        return JOINT_SEPARATOR.join(dict.fromkeys(p.role.value for p in self._each()))

    @property
    def site(self) -> str:
        return JOINT_SEPARATOR.join(dict.fromkeys(p.site for p in self._each() if p.site))

    @property
    def attribution(self) -> str:
        return JOINT_SEPARATOR.join(self.style.attribution(p) for p in self._each())


class SpeakerLookup:
    """Caches turns per transcript and all participants of one open project."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._participants = {p.label: p for p in project.participants()}
        self.style = style_of(project)
        self._turns: dict[str, tuple[list[int], list[int], list[str]]] = {}

    def _load(self, transcript_id: str) -> tuple[list[int], list[int], list[str]]:
        if transcript_id not in self._turns:
            rows = self.project.conn.execute(
                'SELECT start, "end", speaker FROM turns WHERE transcript_id = ? ORDER BY position', (transcript_id,)
            ).fetchall()
            self._turns[transcript_id] = ([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
        return self._turns[transcript_id]

    def at(self, transcript_id: str, offset: int) -> Speaker:
        """The turn containing ``offset`` (same rule as :meth:`Project.speaker_at`)."""
        starts, ends, speakers = self._load(transcript_id)
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset >= ends[i]:
            return Speaker(-1, None, self.style)
        found = self._participants.get(speakers[i])
        if JOINT_SEPARATOR in speakers[i]:
            members = tuple(p for lab in label_parts(speakers[i]) if (p := self._participants.get(lab)) is not None)
            return Speaker(i, None, self.style, members)
        return Speaker(i, found, self.style)

    def of(self, coding: Coding) -> Speaker:
        return self.at(coding.transcript_id, coding.start)

    def participant(self, label: str) -> Participant | None:
        return self._participants.get(label)
