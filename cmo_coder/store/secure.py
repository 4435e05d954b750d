"""The secure folder: the only place identifying material is ever written.

Following UK Data Service guidance and QualiAnon's separate identification folder,
originals, raw canonical transcripts, the key (real name ↔ label, original ↔
placeholder), review decisions and the anonymisation log live here, apart from the
project. A marker file makes the folder recognisable, and the two folders may not
nest, so a project shared with colleagues can never carry the key with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CmoError, PrivacyError
from ..model.key import ParticipantKey
from .atomic import write_text
from .json_text import EntryTexts

if TYPE_CHECKING:
    from .location import Location

MARKER = ".cmo-coder-secure"
REGISTER_COPY = "register.csv"  # the register an anonymise run was given, kept for later runs and checks
_ENTRY_TEXTS: dict[str, EntryTexts] = {}
"""Per file of a secure folder, the texts of its top-level entries as last written by this process."""
PROJECT_DB = "project.sqlite"


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


TEAM_TABLES = frozenset({".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods"})
"""Files a study team keeps beside the key before the first import (the manifest, the register, notes)."""


def _a_teams_own_file(entry: Path) -> bool:
    """``entry`` is a table a team keeps in its secure folder before the first import ("participants.csv",
    "register.csv"), or a file the system leaves (".DS_Store"): a folder holding only these is the team's secure
    folder, and a folder holding anything else (a subfolder, documents, a project) is not one to write into."""
    if entry.name.startswith("."):
        return entry.is_file()
    return entry.is_file() and not entry.is_symlink() and entry.suffix.lower() in TEAM_TABLES


class SecureFolder:
    """Layout: ``originals/`` source bytes by sha256, ``raw/`` canonical raw transcripts (JSON),
    ``participants-key.json``, ``register.csv``, ``proposals/``, ``decisions.json``, ``redaction-key.json``,
    ``kept-occurrences.json`` (everyday words a reviewer kept, for the leak check), ``anonymisation-log.jsonl``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def open(cls, path: Path | str, project_path: Path | str | Location | None = None,
             create: bool = False) -> SecureFolder:
        """The secure folder at ``path``. A project in a folder may not nest with it; a project in a database
        has no folder to nest with (its secure folder is on the lead's own disk)."""
        path = Path(path)
        project_folder = (project_path if isinstance(project_path, (Path, str))
                          else getattr(project_path, "folder", None))
        if project_folder is not None:
            project = Path(project_folder)
            if _inside(path, project) or _inside(project, path):
                raise PrivacyError(
                    f"the secure folder {path} and the project {project} must not be inside one another: "
                    "the project is shared, the secure folder never is"
                )
        if (path / PROJECT_DB).exists():
            raise PrivacyError(f"{path} is a project folder, not a secure folder")
        if not path.exists():
            if not create:
                raise CmoError(f"secure folder {path} does not exist (it is created by 'cmo-coder import')")
            path.mkdir(parents=True)
        elif not (path / MARKER).exists():
            if not create:
                raise CmoError(f"{path} is not a cmo-coder secure folder (no {MARKER} marker)")
            foreign = sum(1 for p in path.iterdir() if not _a_teams_own_file(p))  # counted, never named: a file
            if foreign:  # name may be a participant's, and errors are shown and logged outside the folder
                raise CmoError(f"{path} is not empty and not a cmo-coder secure folder ({foreign} folder(s) or "
                               "file(s) other than tables in it); "
                               "name a new or empty folder, or one that holds only the study's manifest, register "
                               "and other tables (.csv, .tsv, .txt, .xlsx, .ods)")
        marker = path / MARKER
        if not marker.exists():
            write_text(marker, "Identifying data for a cmo-coder project. Never share or commit this folder.\n")
        folder = cls(path)
        for sub in ("originals", "raw"):
            (path / sub).mkdir(exist_ok=True)
        return folder

    @property
    def originals(self) -> Path:
        return self.path / "originals"

    @property
    def raw(self) -> Path:
        return self.path / "raw"

    @property
    def key_path(self) -> Path:
        """Real name ↔ study label (see :class:`ParticipantKey`)."""
        return self.path / "participants-key.json"

    def load_participant_key(self) -> ParticipantKey:
        if not self.key_path.exists():
            return ParticipantKey()
        try:
            return ParticipantKey.model_validate_json(self.key_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise CmoError(f"{self.key_path}: corrupt participants key: {exc}") from None

    def save_participant_key(self, key: ParticipantKey) -> None:
        write_text(self.key_path, key.model_dump_json(indent=2) + "\n")

    @property
    def decisions_path(self) -> Path:
        return self.path / "decisions.json"

    @property
    def log_path(self) -> Path:
        return self.path / "anonymisation-log.jsonl"

    def read_json(self, name: str, default: Any) -> Any:
        p = self.path / name
        if not p.exists():
            return default
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CmoError(f"{p}: corrupt JSON at line {exc.lineno}: {exc.msg}") from None

    def write_json(self, name: str, data: Any) -> None:
        """Write ``data`` as indented JSON with sorted keys; each top-level entry's text is kept for the next write
        of the same file in this process (:class:`.json_text.EntryTexts`: the redaction key is written whole at
        every sign-off)."""
        path = self.path / name
        texts = _ENTRY_TEXTS.setdefault(str(path.resolve()), EntryTexts())
        write_text(path, texts.dumps(data) + "\n")

    def append_log(self, entry: dict[str, Any]) -> None:
        with open(self.log_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
