"""JSON Schemas for every file format and JSON output, generated from the pydantic models.

``python -m cmo_coder.schemas schemas`` rewrites ``schemas/``; a test fails when the
committed files drift from the models, so the documentation cannot go stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .accounts.service import User
from .anonymise.models import Decisions, LogEntry, ProposalSet
from .coding.markup import MarkupDocument
from .coding.outputs import (
    AgreementReport,
    CodingListItem,
    ConfigurationView,
    ConsensusDifference,
    ConsensusOutcome,
    MarkupImportReport,
    PtSummaryRow,
    TableImportReport,
)
from .exchange.export import RefiExportReport
from .exchange.importer import RefiImportReport
from .exchange.mapping import CodeMap
from .graph.summary import PTSummary
from .ingest.views import ImportReport, TranscriptList, TranscriptRemoval, TranscriptView
from .model import Codebook, Participant, Transcript
from .model.coding_table import CodingRow, ConfigurationRow
from .model.key import ParticipantKey
from .model.manifest import Manifest
from .query.evidence import EvidenceRow
from .query.matrix import Matrix
from .query.which_pt import WhichPtAnswer
from .suggest.corpus import RealistCorpus
from .suggest.records import Suggestion
from .theory.diff import TheoryDiff
from .theory.model import PTVersion, TheoryHistory

#: file name (without .schema.json) → model. Stages add their own output shapes here.
SCHEMAS: dict[str, type[BaseModel]] = {
    "anonymisation-decisions": Decisions,
    "anonymisation-log-entry": LogEntry,
    "anonymisation-proposals": ProposalSet,
    "codebook": Codebook,
    "coding-row": CodingRow,
    "configuration-row": ConfigurationRow,
    "agreement-report": AgreementReport,
    "coding-list-item": CodingListItem,
    "configuration-view": ConfigurationView,
    "codings-table-import-report": TableImportReport,
    "markup-import-report": MarkupImportReport,
    "pt-summary-row": PtSummaryRow,
    "markup-document": MarkupDocument,
    "participants-manifest": Manifest,
    "participant": Participant,
    "suggestion": Suggestion,
    "realist-corpus": RealistCorpus,
    "refi-code-map": CodeMap,
    "refi-export-report": RefiExportReport,
    "refi-import-report": RefiImportReport,
    "transcript": Transcript,
    "pt-summary": PTSummary,
    "evidence-row": EvidenceRow,
    "matrix": Matrix,
    "which-pt-answer": WhichPtAnswer,
    "import-report": ImportReport,
    "transcript-list": TranscriptList,
    "transcript-removal": TranscriptRemoval,
    "transcript-view": TranscriptView,
    "participants-key": ParticipantKey,
    "pt-version": PTVersion,
    "theory-history": TheoryHistory,
    "theory-diff": TheoryDiff,
    "consensus-difference": ConsensusDifference,
    "consensus-outcome": ConsensusOutcome,
    "user": User,
}


def render(model: type[BaseModel], name: str) -> str:
    schema = model.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def generate(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in sorted(SCHEMAS.items()):
        path = folder / f"{name}.schema.json"
        path.write_text(render(model, name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for p in generate(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(p)
