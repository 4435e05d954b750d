"""Reading and writing codebooks (YAML), the file analysts edit to state their theories."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import Codebook
from .yamlfile import load_model, loads_model

#: Codebooks shipped with the tool, addressable by name (``--codebook reco``).
SHIPPED_DIR = Path(__file__).resolve().parent.parent / "codebooks"


def resolve(name_or_path: str | Path) -> Path:
    path = Path(name_or_path)
    if path.exists() or path.suffix in (".yaml", ".yml"):
        return path
    shipped = SHIPPED_DIR / f"{name_or_path}.yaml"
    return shipped if shipped.exists() else path


def load(name_or_path: str | Path) -> Codebook:
    return load_model(resolve(name_or_path), Codebook)


def loads(source: str, name: str = "<string>") -> Codebook:
    return loads_model(source, Codebook, name=name)


def dumps(codebook: Codebook) -> str:
    """YAML with keys in model order and long statements kept readable."""
    data = codebook.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
