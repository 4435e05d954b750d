"""The framework matrix as a page to read or paste: self-contained HTML, and Markdown.

CSV is for spreadsheets; a matrix is also read in a browser and pasted into reports and
wikis. The HTML is one file with its style inline (no scripts, no external links), built
as an element tree with ``lxml.html.builder`` so that a PT title or group name holding
``<`` or ``&`` is escaped by the serialiser. Neither form carries a timestamp: the same
project gives the same bytes.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.html import builder as E

from .matrix import Matrix

CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2em auto; max-width: 72em;
       padding: 0 1em; color: #1d1d1d; line-height: 1.45; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #b00; background: #fff4f4; }
tr.total td { font-weight: bold; border-top: 2px solid #888; }
p.note { color: #555; }
"""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#])")


def _heading(m: Matrix) -> str:
    stance = "" if m.stance == "all" else f", {m.stance} only"
    return f"Framework matrix: {m.count} by programme theory and {m.by}{stance}"


def _note(m: Matrix) -> str:
    unit = "distinct participants" if m.count == "participants" else "codings"
    return (f"Cells count {unit}. Totals count distinct items, so they need not be the sum of the cells; "
            "an empty cell is a gap in the evidence, not an error.")


def _column(name: str) -> str:
    return name.replace("_", " ")


def to_html(m: Matrix, project_name: str | None = None) -> str:
    """One self-contained HTML page; empty cells marked, totals in a closing row."""
    title = _heading(m) + (f": {project_name}" if project_name else "")
    head = E.TR(E.TH("PT"), E.TH("Title"), *[E.TH(_column(c)) for c in m.columns], E.TH("total"))
    rows = []
    for r in m.rows:
        cells = [E.TD(str(r.cells[c]), E.CLASS("n zero" if r.cells[c] == 0 else "n")) for c in m.columns]
        rows.append(E.TR(E.TD(r.pt), E.TD(r.title), *cells, E.TD(str(r.total), E.CLASS("n"))))
    rows.append(E.TR(E.TD("total"), E.TD(""), *[E.TD(str(m.totals[c]), E.CLASS("n")) for c in m.columns],
                     E.TD(str(m.total), E.CLASS("n")), E.CLASS("total")))
    doc = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.TITLE(title), E.STYLE(CSS)),
        E.BODY(E.H1(title), E.P(_note(m), E.CLASS("note")), E.TABLE(E.THEAD(head), E.TBODY(*rows))),
        lang="en",
    )
    return lxml.html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def md_cell(text: str) -> str:
    """Text safe in a Markdown table cell: HTML escaped (renderers pass raw HTML through), specials escaped."""
    flat = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def to_markdown(m: Matrix) -> str:
    """A heading, a note and a pipe table (GitHub / Pandoc style)."""
    head = ["PT", "Title", *[_column(c) for c in m.columns], "total"]
    rows = [[r.pt, r.title, *[str(r.cells[c]) for c in m.columns], str(r.total)] for r in m.rows]
    rows.append(["**total**", "", *[str(m.totals[c]) for c in m.columns], str(m.total)])
    align = ["---", "---", *["---:" for _ in m.columns], "---:"]
    lines = [f"# {md_cell(_heading(m))}", "", md_cell(_note(m)), "",
             "| " + " | ".join(md_cell(h) for h in head) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(c if c.startswith("**") else md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


FORMATS = ("csv", "html", "md")
_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".csv": "csv"}


def format_for(out_suffix: str | None, fmt: str | None) -> str:
    """``--format`` when given, else from the ``--out`` suffix, else CSV."""
    if fmt:
        return fmt
    return _SUFFIXES.get((out_suffix or "").lower(), "csv")
