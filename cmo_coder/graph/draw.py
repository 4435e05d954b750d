"""A figure of one programme theory: the chain left to right, evidence counts on every box and arrow.

Boxes are the C, Mres, Mresp and O elements in four columns; arrows are the chain links
the codebook states. Each box says how many codings support (+), refute (−) or refine
(~) it, from which roles and sites; each arrow how many CMOCs evidence the link.

Colour says what the evidence says, and a text mark in the box says it again so the
figure reads in grey print too: green ``[supported]`` only when the evidence supports and
comes from two or more roles; yellow ``[supported, 1 role]``; orange ``[MIXED]`` when it
both supports and refutes; red ``[REFUTED]`` when it refutes and nothing supports (however
many roles it comes from: refutation is never painted as triangulated support); blue
``[refined only]`` when it only refines; grey dashed ``[no evidence]``. The figure is drawn
with matplotlib's object API (no pyplot, no GUI), and
SVG output is made deterministic (fixed hash salt, no date) so reports are reproducible.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Literal

import matplotlib
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

from ..errors import CmoError
from ..model import CHAIN
from ..store.atomic import write_bytes
from .summary import LinkSummary, PTSummary, StanceEvidence, TargetSummary, balance

matplotlib.rcParams["svg.hashsalt"] = "cmo-coder"
matplotlib.rcParams["svg.fonttype"] = "none"  # keep text as text: searchable, and smaller files

COLUMN_TITLES = ["Context (C)", "Mechanism resource (Mres)", "Mechanism response (Mresp)", "Outcome (O)"]
COL_X = [1.75, 5.95, 10.15, 14.35]  # column centres, inches
BOX_W = 3.0
LINE_H = 0.165
GAP = 0.35
WRAP = 40
MAX_STATEMENT_LINES = 4
FONT = 9.0
#: status → (face, edge, line style); the status is the evidence's balance, "supporting" split by roles
COLOURS: dict[str, tuple[str, str, Literal["solid", "dashed"]]] = {
    "ok": ("#e3f1e3", "#3b7a3b", "solid"),
    "single": ("#fdf3c4", "#a08000", "solid"),
    "contested": ("#fde0c5", "#c05a00", "solid"),
    "refuted": ("#f7d4d4", "#b00020", "solid"),
    "refined": ("#dde8f7", "#2c5aa0", "solid"),
    "none": ("#eeeeee", "#888888", "dashed"),
}
#: status → the text mark printed in the box (and on the arrow), so colour is never the only cue
MARKS = {
    "ok": "[supported]", "single": "[supported, 1 role]", "contested": "[MIXED]",
    "refuted": "[REFUTED]", "refined": "[refined only]", "none": "[no evidence]",
}
LEGEND = {
    "ok": "supported, 2+ roles", "single": "supported, one role only", "contested": "supports and refutes",
    "refuted": "refuted (nothing supports)", "refined": "refined only", "none": "no evidence",
}
ROLE_NAMES = {"staff": "staff", "service_user": "service user", "carer": "carer", "facilitator": "facilitator"}


def _status(t: TargetSummary | LinkSummary) -> str:
    """The box's colour and mark, from the balance of its evidence (never "ok" unless it supports)."""
    b = balance(t.supports.count, t.refutes.count, t.refines.count)
    if b == "supporting":
        return "single" if t.single_role else "ok"
    return {"mixed": "contested", "refuting": "refuted", "refining": "refined"}.get(b, "none")


def _counts(s: StanceEvidence, r: StanceEvidence, f: StanceEvidence) -> str:
    return f"+{s.count}  \u2212{r.count}  ~{f.count}"


def _cases(t: TargetSummary | LinkSummary) -> list[str]:
    people = t.by_role
    if not people:
        return []
    lines = ["cases: " + ", ".join(f"{ROLE_NAMES.get(k, k)} {v}" for k, v in sorted(people.items()))]
    if t.sites:
        lines.append("sites: " + ", ".join(t.sites))
    return lines


def _box_lines(t: TargetSummary) -> tuple[str, list[str]]:
    statement = textwrap.wrap(t.statement, WRAP) or [""]
    if len(statement) > MAX_STATEMENT_LINES:
        statement = statement[:MAX_STATEMENT_LINES]
        statement[-1] = statement[-1][: WRAP - 1].rstrip() + "\u2026"
    doubled = f", {t.double_coded} by 2+ coders" if t.double_coded else ""
    counts = _counts(t.supports, t.refutes, t.refines) + (
        f"   ({t.codings} quote{'s' if t.codings != 1 else ''}{doubled})" if doubled
        else f"   ({t.codings} coding{'s' if t.codings != 1 else ''})")
    title = t.id if t.kind == "element" else f"{t.id.replace(':', ' ')} (no element)"
    return f"{title}  {MARKS[_status(t)]}", [*statement, counts, *_cases(t)]


def draw(g: nx.MultiDiGraph, summary: PTSummary) -> Figure:
    """The figure of ``summary``'s PT (``g`` supplies the chain's column order)."""
    columns: list[list[TargetSummary]] = [[] for _ in CHAIN]
    for t in summary.targets:
        if t.kind in ("element", "component"):
            columns[int(g.nodes[t.id]["column"])].append(t)
    laid: dict[str, tuple[float, float, float]] = {}  # id → (x centre, y top, height)
    heights = []
    for col in columns:
        y, tops = 0.0, []
        for t in col:
            _, lines = _box_lines(t)
            h = 0.16 + 0.24 + LINE_H * len(lines) + 0.12
            tops.append((t, y, h))
            y += h + GAP
        heights.append(y)
        for t, top, h in tops:
            laid[t.id] = (COL_X[CHAIN.index(next(c for c in CHAIN if c.short == t.component))], top, h)
    body = max([*heights, 1.0])
    header, footer = 1.25, 0.9
    height = body + header + footer
    fig = Figure(figsize=(16.1, height), dpi=120)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 16.1)
    ax.set_ylim(height, 0)  # y grows downwards, like reading
    ax.axis("off")
    ax.text(0.25, 0.35, f"{summary.pt}: {summary.title}", fontsize=14, fontweight="bold", va="center")
    whole = next((t for t in summary.targets if t.kind == "theory"), None)
    evidence = (f"{summary.quotes} distinct quotes from {summary.codings} codings "
                f"({summary.double_coded} coded by 2+ coders)" if summary.double_coded
                else f"{summary.codings} codings")
    sub = (
        f"{evidence} (+{summary.stances['supports']} \u2212{summary.stances['refutes']} "
        f"~{summary.stances['refines']}) from {summary.participants} participants at {summary.sites} sites; "
        f"{summary.configurations} CMOCs"
        + (f"; {whole.codings} coded to the theory as a whole" if whole else "")
    )
    ax.text(0.25, 0.7, sub, fontsize=9.5, va="center", color="#333333")
    for x, title in zip(COL_X, COLUMN_TITLES, strict=True):
        ax.text(x, header - 0.2, title, fontsize=10.5, fontweight="bold", ha="center", va="center", color="#1f3b5a")
    for t in summary.targets:
        if t.id not in laid:
            continue
        x, top, h = laid[t.id]
        face, edge, style = COLOURS[_status(t)]
        y0 = header + top
        ax.add_patch(
            FancyBboxPatch((x - BOX_W / 2, y0), BOX_W, h, boxstyle="round,pad=0,rounding_size=0.08",
                           facecolor=face, edgecolor=edge, linestyle=style, linewidth=1.3)
        )
        title, lines = _box_lines(t)
        ax.text(x - BOX_W / 2 + 0.12, y0 + 0.14, title, fontsize=FONT + 1, fontweight="bold", va="top")
        ax.text(x - BOX_W / 2 + 0.12, y0 + 0.16 + 0.24, "\n".join(lines), fontsize=FONT, va="top",
                linespacing=1.2)
    for link in summary.links:
        if link.source not in laid or link.target not in laid:
            continue
        xa, ta, ha = laid[link.source]
        xb, tb, hb = laid[link.target]
        start = (xa + BOX_W / 2, header + ta + ha / 2)
        end = (xb - BOX_W / 2, header + tb + hb / 2)
        face, edge, style = COLOURS[_status(link)]
        ax.add_patch(
            FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=edge, linestyle=style,
                            linewidth=1.4, shrinkA=2, shrinkB=2)
        )
        n = len(link.configurations)
        label = (f"{n} CMOC{'s' if n != 1 else ''}\n{MARKS[_status(link)]}\n"
                 + _counts(link.supports, link.refutes, link.refines) if n else "no CMOC")
        mx, my = start[0] + (end[0] - start[0]) * 0.5, start[1] + (end[1] - start[1]) * 0.5
        ax.text(mx, my, label, fontsize=FONT - 0.5, ha="center", va="center", linespacing=1.1,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": edge, "linewidth": 0.8})
    handles = [
        Patch(facecolor=face, edgecolor=edge, linestyle=style, label=f"{MARKS[status]} {LEGEND[status]}")
        for status, (face, edge, style) in COLOURS.items()
    ]
    ax.legend(handles=handles, loc="lower left", ncol=3, fontsize=8.5, frameon=False,
              title="+ supports   \u2212 refutes   ~ refines   (codings on boxes, CMOCs on arrows)",
              title_fontsize=9, bbox_to_anchor=(0.01, 0.0))
    return fig


def render(fig: Figure, fmt: str) -> bytes:
    """PNG or SVG bytes, the same for the same figure (no timestamps)."""
    if fmt not in ("png", "svg"):
        raise CmoError(f"cannot draw a figure as {fmt!r} (expected png or svg)")
    buf = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    fig.savefig(buf, format=fmt, metadata=metadata)
    return buf.getvalue()


def save(fig: Figure, path: Path) -> None:
    write_bytes(path, render(fig, path.suffix.lstrip(".").lower()))
