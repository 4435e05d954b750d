"""How fast does which-pt answer on a large study? Index once, then time queries.

Synthesises transcripts totalling ``--chars`` characters with ``--codings`` coded
spans (English-like words drawn from a Zipf distribution, so common words are really
common), builds the quote index straight from the generated codings, then times
``which_pt`` on five kinds of query, each taken from a random coding: exact substring,
case/white-space/quote-mark changes, elided (``first … last``), two typos, and a
passage that is nowhere in the corpus. Side by side: a plain rapidfuzz scan over all
codings (``process.extractOne`` with ``fuzz.partial_ratio``), the obvious way to write it.

    python benchmarks/query.py                       # 10M characters, 100,000 codings
    python benchmarks/query.py --codings 5000 --chars 500000 --queries 20   # a quick look
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process  # noqa: E402

from cmo_coder.query.index import IndexedCoding, QuoteIndex  # noqa: E402
from cmo_coder.query.which_pt import which_pt  # noqa: E402
from cmo_coder.textmatch import normalise  # noqa: E402

KINDS = ("exact", "case/space/quotes", "elided", "typos", "absent")


def vocabulary(rng: random.Random, n: int) -> list[str]:
    syllables = [a + b for a in "bcdfghklmnprstvw" for b in "aeiou"] + ["th", "st", "er", "an", "ing"]
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    return sorted(words)


def sentence(rng: random.Random, words: list[str], cum_weights: list[float]) -> str:
    ws = rng.choices(words, cum_weights=cum_weights, k=rng.randint(6, 22))
    s = " ".join(ws)
    if rng.random() < 0.15:
        s = s.replace(" ", " 'and' ", 1)  # quote marks inside speech
    return s[0].upper() + s[1:] + rng.choice(".!?")


def synthesise(chars: int, codings: int, seed: int) -> tuple[list[IndexedCoding], list[str], dict[str, str]]:
    """Transcripts of ~``chars`` characters; ``codings`` spans, each a whole sentence of one transcript."""
    rng = random.Random(seed)
    words = vocabulary(rng, 30000)
    cum_weights = list(itertools.accumulate(1 / (r + 1) for r in range(len(words))))  # Zipf
    n_transcripts = max(1, chars // 20000)
    per = chars // n_transcripts
    transcripts: dict[str, str] = {}
    spans: list[tuple[str, int, int]] = []
    for t in range(n_transcripts):
        parts, pos = [], 0
        while pos < per:
            s = sentence(rng, words, cum_weights)
            spans.append((f"T{t:05d}", pos, pos + len(s)))
            parts.append(s)
            pos += len(s) + 1
        transcripts[f"T{t:05d}"] = " ".join(parts)
    chosen = sorted(rng.sample(range(len(spans)), min(codings, len(spans))))
    pts = [f"PT{i}" for i in range(1, 12)]
    comps = ["C", "Mres", "Mresp", "O"]
    records, texts = [], []
    for n, k in enumerate(chosen):
        tid, a, b = spans[k]
        pt, comp = rng.choice(pts), rng.choice(comps)
        records.append(IndexedCoding(
            id=f"cod-{n:06d}", transcript_id=tid, start=a, end=b, pt=pt, component=comp, element="",
            stance=rng.choice(("supports", "supports", "refutes", "refines")), speaker=f"P{n % 300}", role="staff",
            site="ABC"[n % 3], attribution=f"P{n % 300}, Case Study {'ABC'[n % 3]}",
        ))
        texts.append(transcripts[tid][a:b])
    return records, texts, transcripts


def make_query(kind: str, rng: random.Random, text: str, words: list[str]) -> str:
    if kind == "absent":
        return " ".join(rng.choice(words) + rng.choice(string.ascii_lowercase) for _ in range(10))
    if len(text) > 90:
        i = rng.randint(0, len(text) - 80)
        text = text[i : i + rng.randint(50, 80)]
    if kind == "exact":
        return text
    if kind == "case/space/quotes":
        return text.upper().replace(" ", "  ").replace("'", "\u2019")
    if kind == "elided":
        return text[: len(text) // 3] + " \u2026 " + text[-len(text) // 3 :]
    chars = list(text)
    for _ in range(2):
        j = rng.randrange(len(chars))
        if chars[j].isalpha():
            chars[j] = "x" if chars[j] != "x" else "q"
    return "".join(chars)


def rss_mb() -> float:
    """Current resident memory (Linux /proc), else the peak getrusage reports."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(args: argparse.Namespace) -> dict[str, dict[str, float]]:
    t0 = time.perf_counter()
    records, texts, transcripts = synthesise(args.chars, args.codings, args.seed)
    t1 = time.perf_counter()
    rss0 = rss_mb()
    index = QuoteIndex(records, texts, transcripts=transcripts)
    t2 = time.perf_counter()
    rss1 = rss_mb()
    corpus = sum(len(t) for t in transcripts.values())
    print(f"corpus: {corpus:,} characters in {len(transcripts):,} transcripts; {len(records):,} codings "
          f"({sum(map(len, texts)):,} coded characters); synthesised in {t1 - t0:.1f} s")
    print(f"index built once in {t2 - t1:.1f} s (resident memory +{rss1 - rss0:.0f} MB)")
    rng = random.Random(args.seed + 1)
    words = sorted({w for t in texts[:2000] for w in normalise(t).text.split()})
    norm_texts = index.norm_texts
    results: dict[str, dict[str, float]] = {}
    print()
    print(f"{'query kind':<20}{'cmo-coder mean':>15}{'median':>9}{'p95':>9}{'found':>8}"
          f"{'rapidfuzz scan':>16}{'found':>8}")
    for kind in KINDS:
        samples = [rng.randrange(len(records)) for _ in range(args.queries)]
        queries = [make_query(kind, rng, texts[k], words) for k in samples]
        times, found = [], 0
        for k, q in zip(samples, queries, strict=True):
            s = time.perf_counter()
            answer = which_pt(index, q, limit=5)
            times.append(time.perf_counter() - s)
            ids = {m.coding_id for m in answer.matches}
            found += (records[k].id in ids) if kind != "absent" else (not answer.coded)
        base_times, base_found = [], 0
        for k, q in list(zip(samples, queries, strict=True))[: args.baseline_queries]:
            s = time.perf_counter()
            best = process.extractOne(normalise(q).text, norm_texts, scorer=fuzz.partial_ratio)
            base_times.append(time.perf_counter() - s)
            if kind == "absent":
                base_found += bool(best is None or best[1] < 85)
            else:
                base_found += bool(best and norm_texts[best[2]] == norm_texts[k])
        times.sort()
        row = {
            "mean_ms": 1000 * statistics.fmean(times), "median_ms": 1000 * statistics.median(times),
            "p95_ms": 1000 * times[min(len(times) - 1, int(0.95 * len(times)))], "found": found / len(times),
            "scan_mean_ms": 1000 * statistics.fmean(base_times) if base_times else float("nan"),
            "scan_found": base_found / len(base_times) if base_times else float("nan"),
        }
        results[kind] = row
        print(f"{kind:<20}{row['mean_ms']:>12.2f} ms{row['median_ms']:>6.2f} ms{row['p95_ms']:>6.2f} ms"
              f"{row['found']:>8.0%}{row['scan_mean_ms']:>13.0f} ms{row['scan_found']:>8.0%}")
    print(f"\n({args.queries} queries per kind for cmo-coder, {args.baseline_queries} for the scan; "
          "'found' = the source coding among the answers, or 'not coded' for absent passages)")
    return results


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=10_000_000, help="Transcript characters to synthesise.")
    ap.add_argument("--codings", type=int, default=100_000, help="Codings to index.")
    ap.add_argument("--queries", type=int, default=200, help="Timed which-pt queries per kind.")
    ap.add_argument("--baseline-queries", type=int, default=5, help="Timed rapidfuzz scans per kind (slow).")
    ap.add_argument("--seed", type=int, default=7)
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    main()
