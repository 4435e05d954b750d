"""The evidence graph of each programme theory, its summary, its figure and its report."""

from .build import build
from .summary import PTSummary, summarise

__all__ = ["PTSummary", "build", "summarise"]
