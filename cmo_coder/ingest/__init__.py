"""Load transcripts as they really arrive (Teams, Zoom, Otter, SRT, DOCX, plain text).

Each reader turns a source into raw utterances; :mod:`.canonical` builds one text with
exact turn offsets; :mod:`.speakers` maps names to study labels; :mod:`.importer`
writes the identifiable copy to the secure folder and registers it in the project.
"""

from .importer import FileResult, ImportReport, import_files
from .normalise import NORMALISER_VERSION

__all__ = ["NORMALISER_VERSION", "FileResult", "ImportReport", "import_files"]
