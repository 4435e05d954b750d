"""The issue-13 figures for one labelled set, and the table that prints them side by side.

Per row (a tool on cased text or on lower-cased captions):
1. registered mentions left: gold mentions of registered people and places not wholly removed
   (goal 0); for cmo-coder also counted in the signed-off text of the real command path;
2. mentions nobody registered, caught: the share wholly removed, overall and per type (a place
   name's generic words, "Unit", "Recovery Hub", "Lane", may stay: see PLACE_GENERIC);
3. public names and study labels wrongly removed: the share of gold negatives touched by any
   removal (goal ≤ 1%);
and words per second.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class GoldLike(Protocol):
    start: int
    end: int
    category: str
    kind: str


class DocLike(Protocol):
    text: str

    @property
    def gold(self) -> list[GoldLike]: ...


Spans = list[tuple[int, int]]

# Words of a place name that say nothing on their own: "[town] Recovery Hub" or "the [hospital] Unit"
# identifies nobody, so a place counts as caught when every other word is removed.
PLACE_GENERIC = frozenset({
    "the", "of", "and", "royal", "general", "community", "district", "hospital", "infirmary", "memorial", "house",
    "centre", "center", "clinic", "lodge", "unit", "ward", "service", "services", "team", "crisis", "hub",
    "project", "recovery", "wellbeing", "housing", "first", "talking", "therapies", "drug", "alcohol", "drop",
    "in", "lane", "street", "road", "row", "court", "walk", "yard", "bank", "end", "fold", "way", "upper", "lower",
    "vale", "bridge", "moor", "st", "saint", "hill", "north", "south", "east", "west", "new"
})
_WORD = re.compile(r"[A-Za-z0-9]+")


def place_caught(text: str, g: GoldLike, spans: Spans, generic: frozenset[str] = PLACE_GENERIC) -> bool:
    """Every distinctive word of a place mention lies inside a removal, and at least one word does.

    ``generic``: the words that may stay; a set whose place names use other such words ("Surgery",
    "Terrace", "Ysbyty") passes its own superset, so the other sets' figures do not move."""
    words = [(g.start + m.start(), g.start + m.end()) for m in _WORD.finditer(text[g.start:g.end])]
    words = [(a, b) for a, b in words if not (b - a == 1 and text[a - 1:a] in "'’")]  # the s of "Leeds's"
    inside = [any(s <= a and b <= e for s, e in spans) for a, b in words]
    return any(inside) and all(ok or text[a:b].lower() in generic for (a, b), ok in zip(words, inside,
                                                                                               strict=True))


@dataclass
class Row:
    """One tool on one casing of one set."""

    name: str
    registered: tuple[int, int] | None  # (left, gold mentions); None: the set has no register
    caught: dict[str, tuple[int, int]]  # type -> (caught, gold), "all" included
    removed: dict[str, tuple[int, int]]  # negative type -> (removed, gold), "all" included
    words_per_s: float
    notes: list[str] = field(default_factory=list)


def measure(name: str, docs: list[DocLike], spans: list[Spans], words_per_s: float, covered,  # type: ignore[no-untyped-def]
            generic: frozenset[str] = PLACE_GENERIC) -> Row:
    """Count the three figures; ``covered(text, gold, spans)`` is the benchmark's "wholly removed" test."""
    reg = [0, 0]
    caught: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    removed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, sp in zip(docs, spans, strict=True):
        for g in doc.gold:
            if g.category.endswith("_registered"):
                reg[0] += not covered(doc.text, g, sp)
                reg[1] += 1
            elif g.category == "negative":
                hit = any(s < g.end and g.start < e for s, e in sp)
                for key in ("all", g.kind):
                    removed[key][0] += hit
                    removed[key][1] += 1
            elif g.category in ("person_unregistered", "place"):
                hit = covered(doc.text, g, sp) if g.kind == "person" else place_caught(doc.text, g, sp, generic)
                for key in ("all", g.kind):
                    caught[key][0] += hit
                    caught[key][1] += 1
    return Row(name, (reg[0], reg[1]) if reg[1] else None, {k: (v[0], v[1]) for k, v in caught.items()},
               {k: (v[0], v[1]) for k, v in removed.items()}, words_per_s)


def _share(pair: tuple[int, int] | None) -> str:
    if not pair or not pair[1]:
        return "—"
    return f"{pair[0] / pair[1]:.3f}"


def print_table(title: str, rows: list[Row]) -> None:
    kinds = sorted({k for r in rows for k in r.caught if k != "all"})
    negs = sorted({k for r in rows for k in r.removed if k != "all"})
    n_caught = {k: max((r.caught.get(k, (0, 0))[1] for r in rows), default=0) for k in ["all", *kinds]}
    n_neg = {k: max((r.removed.get(k, (0, 0))[1] for r in rows), default=0) for k in ["all", *negs]}
    head = ["", "registered left", f"unregistered caught (n={n_caught['all']})",
            *[f"{k} ({n_caught[k]})" for k in kinds], f"public/labels removed (n={n_neg['all']})",
            *[f"{k} ({n_neg[k]})" for k in negs], "words/s"]
    body = []
    for r in rows:
        left = "—" if r.registered is None else f"{r.registered[0]} of {r.registered[1]}"
        words = "—" if math.isnan(r.words_per_s) else f"{r.words_per_s:,.0f}"
        body.append([r.name, left, _share(r.caught.get("all")), *[_share(r.caught.get(k)) for k in kinds],
                     _share(r.removed.get("all")), *[_share(r.removed.get(k)) for k in negs], words])
    widths = [max(len(str(x[i])) for x in [head, *body]) for i in range(len(head))]
    print(f"\n{title}")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for b in body:
        print("| " + " | ".join(str(x).ljust(w) for x, w in zip(b, widths, strict=True)) + " |")
    for r in rows:
        for note in r.notes:
            print(f"  {r.name}: {note}")


def deny_lists(manifest: Path | None, register: Path) -> tuple[list[str], list[str]]:
    """What a Presidio user would deny-list from the same manifest and register: (people, places).

    People: every name and alias, and each given name and surname alone (the register's
    variants do the same for cmo-coder); places: every register surface, with and without "the",
    and every site the manifest names (cmo-coder registers a named site too; a site letter is no place).
    """
    people: set[str] = set()
    places: set[str] = set()

    def person(name: str) -> None:
        name = name.split("@")[0].strip()
        if not name or name.lower().startswith("speaker "):
            return
        people.add(name)
        titles = {"dr", "mr", "mrs", "ms"}
        words = [w for w in name.replace(",", " ").split() if w[:1].isalpha() and w.lower() not in titles]
        people.update(w for w in words if len(w) > 1 and "'" not in w)

    if manifest is not None:
        with manifest.open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                person(rec["name"])
                for alias in (rec.get("aliases") or "").split(";"):
                    person(alias)
                site = " ".join((rec.get("site") or "").split())
                if len(site) >= 3 and any(c.isalpha() for c in site):  # a named site ("Trefwyn"), not a letter
                    places.add(site)
    with register.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            surface = rec["surface"].strip()
            if rec["category"].strip().lower() == "person":
                person(surface)
            else:
                places.add(surface)
                if surface.lower().startswith("the "):
                    places.add(surface[4:])
    return sorted(people), sorted(places)
