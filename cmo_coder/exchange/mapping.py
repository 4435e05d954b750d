"""From REFI codes to programme theory, component, element and stance.

Codes written by cmo-coder map back by their names (``PT3.MR1 …``, ``PT3 Context``,
``PT3 (whole theory)``, ``Stance/Refutes``). Anything else, e.g. a team's own NVivo
nodes, is mapped by a YAML file the analyst writes (``--map codes.yaml``); codes that
neither route can place are reported, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, StrictStr, model_validator

from ..errors import CmoError
from ..model import Codebook, Component, Stance
from ..model.base import Frozen
from ..model.codebook import ELEMENT_ID_RE
from ..yamlfile import load_model
from . import codetree
from .model import QCode


class CodeTarget(Frozen):
    """What coding to one foreign code means. ``element`` implies its PT and component."""

    pt: StrictStr | None = None
    component: Component | None = None
    element: StrictStr | None = None
    stance: Stance | None = Field(default=None, description="Alone: a stance code. With pt: that evidence's stance.")

    @model_validator(mode="after")
    def _something(self) -> CodeTarget:
        if not (self.pt or self.element or self.stance):
            raise ValueError("give at least one of pt, element or stance")
        if self.element:
            m = ELEMENT_ID_RE.match(self.element)
            if not m:
                raise ValueError(f"element id {self.element!r} must look like PT3.MR1")
            if self.pt and self.pt != m["pt"]:
                raise ValueError(f"element {self.element} belongs to {m['pt']}, not {self.pt}")
        if self.component and not (self.pt or self.element):
            raise ValueError("a component needs its pt")
        return self


class CodeMap(Frozen):
    """The ``--map`` file: foreign code name (or ``Parent/Child`` path) → target."""

    codes: dict[StrictStr, CodeTarget] = Field(min_length=1)


@dataclass(frozen=True)
class Target:
    pt: str | None
    component: Component | None
    element: str | None
    stance: Stance | None

    @property
    def is_theory(self) -> bool:
        return self.pt is not None


def load_map(path: Path) -> CodeMap:
    return load_model(Path(path), CodeMap)


def _resolve(raw: dict[str, str] | CodeTarget, codebook: Codebook, what: str) -> Target:
    t = raw if isinstance(raw, CodeTarget) else CodeTarget.model_validate(raw)
    pt, comp, element = t.pt, t.component, t.element
    if element:
        try:
            el = codebook.element(element)
        except KeyError:
            raise CmoError(f"{what}: element {element} is not in the project's codebook") from None
        pt, comp = el.pt, el.component
    if pt and pt not in codebook.pt_ids:
        raise CmoError(f"{what}: programme theory {pt} is not in the project's codebook")
    return Target(pt, comp, element, t.stance)


def build(codes: list[QCode], codebook: Codebook, code_map: CodeMap | None,
          map_name: str = "--map") -> tuple[dict[str, Target], list[str]]:
    """GUID → target for every mappable code, and the paths of codes left unmapped."""
    by_path = {"/".join([*c.path, c.name]): c for c in codes}
    by_name: dict[str, list[QCode]] = {}
    for c in codes:
        by_name.setdefault(c.name, []).append(c)
    out: dict[str, Target] = {}
    if code_map:
        for key, target in code_map.codes.items():
            matches = [by_path[key]] if key in by_path else by_name.get(key, [])
            if not matches:
                continue  # a map may serve several files; unmatched entries are harmless
            if len(matches) > 1:
                raise CmoError(f"{map_name}: code name {key!r} is ambiguous; write its path "
                               + " or ".join(repr("/".join([*m.path, m.name])) for m in matches))
            out[matches[0].guid] = _resolve(target, codebook, f"{map_name}: {key}")
    unmapped: list[str] = []
    for c in codes:
        if c.guid in out:
            continue
        parsed = codetree.parse_name(c.name, c.path)
        if parsed is not None:
            try:
                out[c.guid] = _resolve(parsed, codebook, f"code {c.name!r}")
                continue
            except CmoError:
                pass
        if c.codable and not codetree.is_folder(c.name, c.path):
            unmapped.append("/".join([*c.path, c.name]))
    return out, unmapped
