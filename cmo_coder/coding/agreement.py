"""Inter-coder agreement the way NVivo's coding comparison computes it, plus Krippendorff's alpha.

Units are **characters**, compared **per code and per source** (a code is a programme
theory and component, e.g. ``PT3.Mres``; PT-level codings form the code ``PT3``; stance
is not part of the code). For one code in one source of N characters, with coder A
coding ``a`` characters, coder B ``b``, both ``both`` and neither ``neither``:

    agreement % = (both + neither) / N
    Po          = (both + neither) / N
    Pe          = (a / N) × (b / N)  +  ((N − a) / N) × ((N − b) / N)      ← the two terms are ADDED
    kappa       = (Po − Pe) / (1 − Pe)          (1 when Pe = 1: both coded all or nothing alike)

QualCoder multiplies the two chance terms instead of adding them, which understates
chance agreement and inflates kappa; we follow Cohen and NVivo. Worked example (checked
by hand in the tests and shown in the README): N = 100, A codes [0, 40), B codes
[20, 50): both = 20, neither = 50, Po = 0.70, Pe = 0.4 × 0.3 + 0.6 × 0.7 = 0.54,
kappa = 0.16 / 0.46 = 0.348.

Krippendorff's alpha (nominal, any number of coders, no missing values) treats every
character of every (code, source) pair as a unit valued 1 (coded) or 0 by each coder:
alpha = 1 − (n − 1) × o₀₁ / (n₀ × n₁), with o₀₁ = Σ_units n₀ᵤ n₁ᵤ / (m − 1) the coincidences
of disagreeing values, n₀ and n₁ the totals of each value and n = n₀ + n₁. For the
example above: alpha = 1 − 199 × 30 / (130 × 70) = 0.344.

Only (code, source) pairs where at least one compared coder used the code are counted:
pairs nobody coded would add perfect "agreement" on nothing.

With ``with_stance`` the stance is part of the code (``PT3.Mres supports``), so one coder's
"supports" against another's "refutes" on the same words is a disagreement rather than
agreement on the code. The list of disagreements leaves out *slivers*: passages holding
no whole word (a trailing comma, the last letter of a word one coder stopped short of).
Their characters still count in the figures above, which follow NVivo's method; only the
list for discussion skips them, and says how many it skipped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ..errors import CmoError
from ..model import Coding
from ..store import Project
from .outputs import AgreementReport

Interval = tuple[int, int]


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Union of half-open intervals: a coder coding the same characters twice codes them once."""
    out: list[list[int]] = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def segments(by_coder: dict[str, list[Interval]], n: int) -> list[tuple[int, int, frozenset[str]]]:
    """Split ``[0, n)`` into maximal runs covered by the same set of coders."""
    events: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for coder, intervals in by_coder.items():
        for s, e in merge(intervals):
            events[max(0, s)].append((coder, +1))
            events[min(n, e)].append((coder, -1))
    points = sorted({0, n, *events})
    active: Counter[str] = Counter()
    out: list[tuple[int, int, frozenset[str]]] = []
    for here, nxt in zip(points, points[1:], strict=False):
        for coder, delta in events.get(here, []):
            active[coder] += delta
        cover = frozenset(c for c, k in active.items() if k > 0)
        if nxt <= here:
            continue
        if out and out[-1][2] == cover and out[-1][1] == here:
            out[-1] = (out[-1][0], nxt, cover)
        else:
            out.append((here, nxt, cover))
    return out


@dataclass(frozen=True)
class PairCounts:
    """Character counts for two coders on one code (in one source, or pooled)."""

    n: int
    both: int
    a_only: int
    b_only: int

    @property
    def neither(self) -> int:
        return self.n - self.both - self.a_only - self.b_only

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(self.n + other.n, self.both + other.both, self.a_only + other.a_only,
                          self.b_only + other.b_only)

    @property
    def agreement(self) -> float:
        return (self.both + self.neither) / self.n if self.n else 1.0

    @property
    def kappa(self) -> float:
        return cohen_kappa(self.n, self.both + self.a_only, self.both + self.b_only, self.both)


def cohen_kappa(n: int, a_coded: int, b_coded: int, both: int) -> float:
    """NVivo's kappa on character units; see the module docstring for the formula."""
    if n <= 0:
        raise ValueError("kappa needs at least one unit")
    neither = n - a_coded - b_coded + both
    po = (both + neither) / n
    pe = (a_coded / n) * (b_coded / n) + ((n - a_coded) / n) * ((n - b_coded) / n)
    if pe >= 1.0:
        return 1.0
    return (po - pe) / (1 - pe)


def krippendorff_alpha_binary(histogram: dict[int, int], coders: int) -> float | None:
    """Nominal alpha from ``{number of coders who coded the unit: number of units}``.

    None when every value is the same (alpha is undefined without variation).
    """
    if coders < 2:
        raise ValueError("alpha needs at least two coders")
    n1 = sum(k * units for k, units in histogram.items())
    n0 = sum((coders - k) * units for k, units in histogram.items())
    n = n0 + n1
    if n0 == 0 or n1 == 0:
        return None
    o01 = sum(units * k * (coders - k) for k, units in histogram.items()) / (coders - 1)
    return 1 - (n - 1) * o01 / (n0 * n1)


def code_of(c: Coding, with_stance: bool = False) -> str:
    code = f"{c.pt}.{c.component.short}" if c.component else c.pt
    return f"{code} {c.stance.value}" if with_stance else code


_WORD_RE = re.compile(r"\w+")


def has_whole_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds at least one whole word of ``text`` (a run of word characters
    that does not go on past either end)."""
    for m in _WORD_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        if (s > start or s == 0 or not text[s - 1].isalnum() and text[s - 1] != "_") and \
                (e < end or e == len(text) or not (text[e].isalnum() or text[e] == "_")):
            return True
    return False


@dataclass
class Row:
    """One code in one source."""

    transcript: str
    code: str
    n: int
    coded: dict[str, int]
    pairs: dict[tuple[str, str], PairCounts]
    histogram: dict[int, int]

    @property
    def pt(self) -> str:
        return self.code.split(" ")[0].split(".")[0]

    @property
    def component(self) -> str:
        base = self.code.split(" ")[0]
        return base.split(".")[1] if "." in base else "PT-level"


@dataclass(frozen=True)
class Disagreement:
    transcript: str
    code: str
    start: int
    end: int
    coded_by: tuple[str, ...]
    text: str


@dataclass
class Summary:
    """Pooled figures for a group of rows (or for everything)."""

    group: str
    rows: int
    characters: int
    agreement: float
    kappa: float
    alpha: float | None
    pairs: dict[str, dict[str, float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"group": self.group, "rows": self.rows, "characters": self.characters,
                "agreement": round(self.agreement, 6), "kappa": round(self.kappa, 6),
                "alpha": None if self.alpha is None else round(self.alpha, 6), "pairs": self.pairs}


@dataclass
class Comparison:
    coders: list[str]
    rows: list[Row]
    disagreements: list[Disagreement]
    overall: Summary
    groups: list[Summary]
    by: str | None
    transcripts: int
    with_stance: bool = False
    slivers: int = 0

    def as_dict(self) -> dict[str, Any]:
        report = AgreementReport(
            coders=self.coders, by=self.by, transcripts=self.transcripts, overall=self.overall.as_dict(),
            groups=[g.as_dict() for g in self.groups],
            rows=[
                {"transcript": r.transcript, "code": r.code, "characters": r.n, "coded": r.coded,
                 "agreement": round(_mean(p.agreement for p in r.pairs.values()), 6),
                 "kappa": round(_mean(p.kappa for p in r.pairs.values()), 6),
                 "alpha": _round(krippendorff_alpha_binary(r.histogram, len(self.coders)))}
                for r in self.rows
            ],
            disagreements=[d.__dict__ | {"coded_by": list(d.coded_by)} for d in self.disagreements],
            with_stance=self.with_stance, slivers=self.slivers,
            methods=methods_paragraph(self),
        )
        return report.model_dump(mode="json")


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 6)


def _mean(values: Iterable[float]) -> float:
    vs = list(values)
    return sum(vs) / len(vs) if vs else float("nan")


def _summarise(group: str, rows: list[Row], coders: list[str]) -> Summary:
    pooled: dict[tuple[str, str], PairCounts] = {}
    hist: Counter[int] = Counter()
    for r in rows:
        for pair, counts in r.pairs.items():
            pooled[pair] = pooled[pair] + counts if pair in pooled else counts
        hist.update(r.histogram)
    pair_figures = {f"{a}~{b}": {"agreement": round(c.agreement, 6), "kappa": round(c.kappa, 6)}
                    for (a, b), c in pooled.items()}
    return Summary(
        group=group, rows=len(rows), characters=sum(r.n for r in rows),
        agreement=_mean(c.agreement for c in pooled.values()), kappa=_mean(c.kappa for c in pooled.values()),
        alpha=krippendorff_alpha_binary(dict(hist), len(coders)), pairs=pair_figures,
    )


def compare(project: Project, coders: list[str], by: str | None = None,
            transcripts: list[str] | None = None, pts: list[str] | None = None,
            with_stance: bool = False) -> Comparison:
    """Compare the codings of two or more coders over the transcripts any of them coded.

    ``with_stance`` makes the stance part of the code (see the module docstring).
    """
    if len(coders) < 2 or len(set(coders)) != len(coders):
        raise CmoError("agreement needs two or more different coders (--coders A B)")
    if by not in (None, "pt", "component", "transcript"):
        raise CmoError(f"--by {by!r}: expected pt, component or transcript")
    per: dict[str, list[Coding]] = {c: project.codings(coder=c) for c in coders}
    for coder, codings in per.items():
        if not codings:
            raise CmoError(f"coder {coder!r} has no codings in this project")
    if pts:
        known = [project.codebook.find_pt(p) for p in pts]
        unknown = [p for p, k in zip(pts, known, strict=True) if k is None]
        if unknown:
            raise CmoError(f"unknown programme theory {', '.join(unknown)} "
                           f"(the codebook has {', '.join(project.codebook.pt_ids)})")
        pts = [k for k in known if k is not None]
    wanted = set(transcripts) if transcripts else None
    if wanted:
        for t in wanted:
            project.transcript_status(t)
    keyed: dict[tuple[str, str], dict[str, list[Interval]]] = defaultdict(lambda: {c: [] for c in coders})
    for coder, codings in per.items():
        for c in codings:
            if (wanted and c.transcript_id not in wanted) or (pts and c.pt not in pts):
                continue
            keyed[(c.transcript_id, code_of(c, with_stance))][coder].append((c.start, c.end))
    order = {t: i for i, t in enumerate(project.transcript_ids())}
    rows: list[Row] = []
    disagreements: list[Disagreement] = []
    slivers = 0
    for (tid, code) in sorted(keyed, key=lambda k: (order.get(k[0], 0), k[1])):
        text = project.text(tid)
        n = len(text)
        segs = segments(keyed[(tid, code)], n)
        hist: Counter[int] = Counter()
        for s, e, cover in segs:
            hist[len(cover)] += e - s
            if cover and len(cover) < len(coders):
                if not has_whole_word(text, s, e):
                    slivers += 1
                    continue
                disagreements.append(Disagreement(tid, code, s, e, tuple(c for c in coders if c in cover),
                                                  " ".join(text[s:e].split())))
        pairs = {}
        for a, b in combinations(coders, 2):
            both = sum(e - s for s, e, cv in segs if a in cv and b in cv)
            a_only = sum(e - s for s, e, cv in segs if a in cv and b not in cv)
            b_only = sum(e - s for s, e, cv in segs if b in cv and a not in cv)
            pairs[(a, b)] = PairCounts(n, both, a_only, b_only)
        coded = {c: sum(e - s for s, e, cv in segs if c in cv) for c in coders}
        rows.append(Row(tid, code, n, coded, pairs, dict(hist)))
    if not rows:
        raise CmoError("the coders have no codings in common transcripts to compare")
    groups: list[Summary] = []
    if by:
        keyfn = {"pt": lambda r: r.pt, "component": lambda r: r.component, "transcript": lambda r: r.transcript}[by]
        grouped: dict[str, list[Row]] = defaultdict(list)
        for r in rows:
            grouped[keyfn(r)].append(r)
        groups = [_summarise(g, rs, coders) for g, rs in sorted(grouped.items())]
    return Comparison(coders=list(coders), rows=rows, disagreements=disagreements,
                      overall=_summarise("all", rows, coders), groups=groups, by=by,
                      transcripts=len({r.transcript for r in rows}), with_stance=with_stance, slivers=slivers)


def methods_paragraph(cmp: Comparison) -> str:
    """A paragraph ready to paste into a methods section."""
    o = cmp.overall
    names = ", ".join(cmp.coders[:-1]) + f" and {cmp.coders[-1]}"
    alpha = "undefined (no variation)" if o.alpha is None else f"{o.alpha:.2f}"
    pair_note = "" if len(cmp.coders) == 2 else " (averaged over coder pairs)"
    worst = ""
    if cmp.groups:
        low = min(cmp.groups, key=lambda g: g.kappa)
        worst = f" Agreement was lowest for {low.group} (kappa {low.kappa:.2f})."
    dis_chars = sum(d.end - d.start for d in cmp.disagreements)
    stance = (" Stance (supports, refutes, refines) was part of the code, so opposite stances on the same "
              "passage counted as disagreement." if cmp.with_stance else "")
    slivers = (f" {cmp.slivers} sliver(s) shorter than a word (e.g. a trailing comma) were left out of that list."
               if cmp.slivers else "")
    return (
        f"Inter-coder agreement was assessed on {cmp.transcripts} source(s) coded independently by {names}. "
        f"Following the coding comparison procedure of NVivo, agreement was computed on character units for each "
        f"code (programme theory and component) in each source, over {len(cmp.rows)} code–source pair(s) "
        f"({o.characters:,} character units). Percentage agreement was {100 * o.agreement:.1f}% and Cohen's kappa "
        f"was {o.kappa:.2f}{pair_note}, with kappa = (Po − Pe)/(1 − Pe) and chance agreement "
        f"Pe = (a/N × b/N) + ((N − a)/N × (N − b)/N).{stance} Krippendorff's alpha (nominal) was {alpha}.{worst} "
        f"The {len(cmp.disagreements)} passage(s) ({dis_chars:,} characters) coded by one coder but not the "
        f"other are listed for discussion between the coders.{slivers}"
    )
