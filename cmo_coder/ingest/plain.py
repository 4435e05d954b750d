"""Plain text (and generic DOCX): ``Name: text``, ``Interviewer:`` / ``Respondent:`` / ``I:`` / ``R:``.

A labelled line starts a turn; unlabelled lines continue it. Within a block, line wraps
become spaces; blank lines (or, in DOCX, paragraphs) are paragraph breaks that stay.
"""

from __future__ import annotations

import re
from collections import Counter

from .limits import check_turns
from .normalise import clean, clean_name, squash
from .utterance import ParseError, Utterance, colon_in_time, speakerish

#: Possessive ``*+``: a line of ten thousand spaces must not be tried at every split (that was quadratic).
_LABEL_RE = re.compile(r"^\s*+([^:\n]{1,60}?)\s*+:[ \t]*+(?=\S|$)")


def _label(line: str, counts: Counter[str]) -> tuple[str, str] | None:
    m = _LABEL_RE.match(line)
    if not m or colon_in_time(line, line.index(":", m.end(1))):
        return None
    name = clean_name(m.group(1))
    if not speakerish(name, counts[name] > 1):
        return None
    return name, line[m.end():]


def read_lines(lines: list[tuple[str, str]], source: str, break_lines: bool = False) -> list[Utterance]:
    cleaned = [(clean(line), where) for line, where in lines]
    counts: Counter[str] = Counter(
        clean_name(m.group(1)) for line, _ in cleaned if (m := _LABEL_RE.match(line))
    )
    result: list[Utterance] = []
    cur: Utterance | None = None
    paras: list[list[str]] = []
    new_para = False

    def flush() -> None:
        if cur is not None:
            cur.text = "\n".join(s for s in (squash(" ".join(p)) for p in paras) if s)
            result.append(cur)
            check_turns(len(result), source, cur.where)

    for line, where in cleaned:
        if not line.strip():
            new_para = True
            continue
        lab = _label(line, counts)
        if lab is not None:
            flush()
            cur = Utterance(speaker=lab[0], text="", where=where)
            paras = [[lab[1]]]
        elif cur is None:
            cur = Utterance(speaker=None, text="", flags=["no_speaker"], where=where)
            paras = [[line]]
        elif new_para or break_lines:
            paras.append([line])
        else:
            paras[-1].append(line)
        new_para = False
    flush()
    result = [u for u in result if u.text or u.speaker]
    if not any(u.text for u in result):
        raise ParseError(f"{source}: no speech found")
    return result


def read(text: str, source: str) -> list[Utterance]:
    return read_lines([(line, f"line {i}") for i, line in enumerate(text.split("\n"), 1)], source)
