"""What changed between two versions of a programme theory, word by word.

Statements are compared as word tokens (``difflib`` on whitespace-split words), so a
reworded theory shows which words went and which came, not a wall of characters.
Elements are matched by id: added, retired, reworded, or moved to or from another PT
(a split or merge gives an element a new id in its new PT; the change's ``moves`` says so).
"""

from __future__ import annotations

import difflib
import re

from pydantic import Field, StrictInt, StrictStr

from ..model.base import Frozen
from .model import PTVersion

_TOKEN = re.compile(r"\S+")


class WordChange(Frozen):
    op: StrictStr = Field(description="equal, delete or insert")
    text: StrictStr


class ElementChange(Frozen):
    element: StrictStr
    change: StrictStr = Field(description="added, retired, reworded, moved_in or moved_out")
    component: StrictStr
    statement: StrictStr
    other: StrictStr | None = Field(default=None, description="moved: the element id in the other PT")
    words: list[WordChange] = Field(default_factory=list)


class TheoryDiff(Frozen):
    """``theory diff --json``."""

    pt: StrictStr
    old: StrictInt
    new: StrictInt
    title: list[WordChange]
    statement: list[WordChange]
    elements: list[ElementChange]


def word_diff(old: str, new: str) -> list[WordChange]:
    """Runs of equal, deleted and inserted words turning ``old`` into ``new``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[WordChange] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            out.append(WordChange(op="equal" if op == "equal" else "delete", text=" ".join(a[i1:i2])))
        if op in ("insert", "replace") and j2 > j1:
            out.append(WordChange(op="insert", text=" ".join(b[j1:j2])))
    return out


def diff_versions(old: PTVersion, new: PTVersion, between: list[PTVersion]) -> TheoryDiff:
    """``old`` → ``new`` of one PT; ``between`` are the versions after ``old`` up to ``new`` (their moves)."""
    moves: dict[str, str] = {}
    for v in between:
        moves.update(v.moves)
    arrived = {dst: src for src, dst in moves.items()}
    before = {e.id: e for e in old.elements}
    after = {e.id: e for e in new.elements}
    changes: list[ElementChange] = []
    for eid, e in before.items():
        if eid not in after:
            dst = moves.get(eid)
            moved = dst is not None and dst.split(".", 1)[0] != new.pt
            changes.append(ElementChange(element=eid, change="moved_out" if moved else "retired",
                                         component=e.component.value, statement=e.statement,
                                         other=dst if moved or dst else None))
        elif after[eid].statement != e.statement or after[eid].tag != e.tag:
            changes.append(ElementChange(element=eid, change="reworded", component=e.component.value,
                                         statement=after[eid].statement,
                                         words=word_diff(e.statement, after[eid].statement)))
    for eid, e in after.items():
        if eid not in before:
            src = arrived.get(eid)
            # codings moved here from a retired element of the same PT do not make this element "moved in"
            moved = src is not None and src.split(".", 1)[0] != new.pt
            changes.append(ElementChange(element=eid, change="moved_in" if moved else "added",
                                         component=e.component.value, statement=e.statement,
                                         other=src if moved else None))
    return TheoryDiff(pt=new.pt, old=old.version, new=new.version, title=word_diff(old.title, new.title),
                      statement=word_diff(old.statement, new.statement), elements=changes)


def render_words(words: list[WordChange]) -> str:
    """``[-gone-]{+new+}`` marks, as ``git diff --word-diff`` prints them; plain when nothing changed."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[w.op].format(w.text) for w in words)
