"""A transcript is one canonical text plus speaker turns that index into it exactly.

Offsets are Python string indices (code points), end exclusive. Every turn must slice
the text inside bounds, in order, without overlap: the model refuses anything else, so
no later stage ever has to wonder whether an offset is trustworthy.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictFloat, StrictInt, StrictStr, model_validator

from .base import Frozen


class SourceFormat(StrEnum):
    teams_vtt = "teams_vtt"
    teams_docx = "teams_docx"
    zoom_vtt = "zoom_vtt"
    zoom_captions = "zoom_captions"
    otter_txt = "otter_txt"
    otter_docx = "otter_docx"
    srt = "srt"
    sbv = "sbv"
    youtube_vtt = "youtube_vtt"
    ttml = "ttml"
    otranscribe = "otranscribe"
    elan_eaf = "elan_eaf"
    chat_cha = "chat_cha"
    whatsapp_txt = "whatsapp_txt"
    plain_txt = "plain_txt"
    plain_docx = "plain_docx"
    plain_odt = "plain_odt"
    plain_rtf = "plain_rtf"
    plain_eml = "plain_eml"
    plain_pdf = "plain_pdf"
    otter_pdf = "otter_pdf"
    csv_table = "csv_table"
    xlsx_table = "xlsx_table"
    plain_html = "plain_html"
    plain_md = "plain_md"
    whisper_json = "whisper_json"
    whisper_tsv = "whisper_tsv"
    speech_json = "speech_json"
    markup = "markup"
    refi_qda = "refi_qda"


class TranscriptKind(StrEnum):
    """Interviews and focus groups have speakers; reports and literature are sources of their own."""

    transcript = "transcript"
    document = "document"


#: ``Turn.speaker`` of speech whose speaker the source does not name
NO_SPEAKER = "UNKNOWN"


class Turn(Frozen):
    speaker: StrictStr = Field(description="Study label (or, in the secure raw copy, the provisional label).")
    start: StrictInt = Field(ge=0, description="Start character offset in the canonical text (inclusive).")
    end: StrictInt = Field(ge=0, description="End character offset (exclusive).")
    start_time: StrictFloat | StrictInt | None = Field(default=None, description="Seconds from the start, if known.")
    end_time: StrictFloat | StrictInt | None = Field(default=None)
    speaker_name: StrictStr | None = Field(
        default=None, description="The name as the source wrote it. Only ever set in the secure folder."
    )
    flags: list[StrictStr] = Field(default_factory=list, description="e.g. 'no_speaker', 'inferred_speaker'.")

    @model_validator(mode="after")
    def _ordered(self) -> Turn:
        if self.end < self.start:
            raise ValueError(f"turn end {self.end} is before its start {self.start}")
        return self


class Transcript(Frozen):
    id: StrictStr = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
    title: StrictStr
    source_format: SourceFormat
    kind: TranscriptKind = TranscriptKind.transcript
    text: StrictStr
    turns: list[Turn] = Field(default_factory=list)
    source_sha256: StrictStr = Field(pattern=r"^[0-9a-f]{64}$")
    normaliser_version: StrictStr
    warnings: list[StrictStr] = Field(default_factory=list)

    @model_validator(mode="after")
    def _turns_index_text(self) -> Transcript:
        previous_end = 0
        n = len(self.text)
        for i, turn in enumerate(self.turns):
            if turn.end > n:
                raise ValueError(f"turn {i} ends at {turn.end}, beyond the text's {n} characters")
            if turn.start < previous_end:
                raise ValueError(f"turn {i} starts at {turn.start}, inside the previous turn (ends {previous_end})")
            previous_end = turn.end
        return self

    def turn_text(self, index: int) -> str:
        turn = self.turns[index]
        return self.text[turn.start : turn.end]

    def turn_at(self, offset: int) -> int | None:
        """Index of the turn containing ``offset``, by bisection (turns are sorted)."""
        lo, hi = 0, len(self.turns)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.turns[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.turns) and self.turns[lo].start <= offset < self.turns[lo].end:
            return lo
        return None
