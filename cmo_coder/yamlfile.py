"""Load YAML into a pydantic model with errors that name the file, the line and the field.

PyYAML's composed node tree keeps source positions; pydantic's errors keep the field
path. Walking the tree along the path joins the two, so a researcher editing a
codebook by hand is told ``reco.yaml:41: programme_theories[2].elements[0].component``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ValidationFailed

M = TypeVar("M", bound=BaseModel)


def _node_at(node: yaml.Node, loc: tuple[int | str, ...]) -> yaml.Node:
    """The deepest node reachable along ``loc``; stops where the path leaves the document."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    node = v
                    break
            else:
                return node
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
    return node


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(document)"


#: A codebook or a code map is a few kilobytes; PyYAML reads about a megabyte a second, so a file of tens of
#: megabytes (a transcript given by mistake, one line of 24 MB) held the command for most of a minute.
MAX_YAML_BYTES = 4 * 1024 * 1024


def load_model(path: Path, model: type[M]) -> M:
    """Parse ``path`` as YAML and validate it as ``model``; every problem is reported at once."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ValidationFailed(f"{path}: file not found") from None
    except OSError:
        size = 0  # read_text below says what is wrong
    if size > MAX_YAML_BYTES:
        raise ValidationFailed(f"{path}: {size // (1024 * 1024)} MB is too large for a YAML file of this kind "
                               f"(at most {MAX_YAML_BYTES // (1024 * 1024)} MB)")
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationFailed(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise ValidationFailed(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return loads_model(source, model, name=str(path))


def loads_model(source: str, model: type[M], name: str = "<string>") -> M:
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ValidationFailed(f"{name}{where}: malformed YAML: {problem}") from None
    except RecursionError:  # PyYAML composes nested collections recursively: "[[[[…" ten thousand deep
        raise ValidationFailed(f"{name}: malformed YAML: collections nested too deeply to be a codebook") from None
    if root is None:
        raise ValidationFailed(f"{name}: the file is empty")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            node = _node_at(root, loc)
            line = node.start_mark.line + 1
            problems.append(f"{name}:{line}: {_path(loc)}: {err['msg']}")
        raise ValidationFailed(f"{name}: {len(problems)} problem(s)", problems) from None
