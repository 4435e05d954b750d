"""The committed JSON Schemas must be exactly what the models generate."""

from __future__ import annotations

import json
from pathlib import Path

from cmo_coder.schemas import SCHEMAS, render

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def test_committed_schemas_match_the_models():
    stale = []
    for name, model in SCHEMAS.items():
        path = SCHEMA_DIR / f"{name}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render(model, name):
            stale.append(path.name)
    assert not stale, f"regenerate with `make schemas`: {stale}"
    extra = {p.name for p in SCHEMA_DIR.glob("*.schema.json")} - {f"{n}.schema.json" for n in SCHEMAS}
    assert not extra, f"schemas with no model: {extra}"


def test_schemas_are_valid_json_schema_documents():
    for path in SCHEMA_DIR.glob("*.schema.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["$schema"].endswith("2020-12/schema")
        assert doc.get("properties"), path.name
