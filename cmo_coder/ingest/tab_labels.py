"""Speaker labels set apart from the speech by a tab, with no colon (``RO<tab>So, could you start...``).

Transcription services and typists lay a Word or text transcript out as a label, often in bold initials, then a
tab, then the speech: the plain reader read only ``Name:`` labels, so such a file became one turn of whatever
``Name:`` line stood first ("Interviewer: RO   Interviewee: GP", a header of fields), every speaker's words
given to the interviewer, and sign-off asked the team to name "Interviewer" as a person. A label here is a short
run of words (at most four) before a tab at the start of a line, said on two lines or more: a tab inside a line of
speech, or a word before a tab said once, is left as written. The line is rewritten as ``Label:<tab>speech``,
same characters but the colon, so the reader's label rules (known speakers, roles, voices) apply unchanged.
"""

from __future__ import annotations

import re
from collections import Counter

_TAB_LABEL = re.compile(r"^[ ]{0,3}([^\W\d_][\w.'’()-]{0,30}(?: [\w.'’()-]{1,30}){0,3})\t++(?=\S)")
"""A short label before a tab at a line's start; it opens with a letter and holds no colon."""


def tab_labels(lines: list[str]) -> frozenset[str]:
    """The labels that open two lines or more with a tab (the rule the module's docstring gives)."""
    said = Counter(m.group(1) for line in lines if (m := _TAB_LABEL.match(line)))
    return frozenset(label for label, n in said.items() if n >= 2)


def with_colons(line: str, labels: frozenset[str]) -> str:
    """``line`` with a colon after its label where the label is one of ``labels``; else as written."""
    m = _TAB_LABEL.match(line)
    if m is None or m.group(1) not in labels:
        return line
    return line[:m.end(1)] + ":" + line[m.end(1):]
