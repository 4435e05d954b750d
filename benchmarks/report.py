"""How long do the graph stage's commands take on a realistic study? Prints seconds per command.

Builds a project with the 11 RECO programme theories, ``--transcripts`` interviews at
three sites (staff, service users, carers) and ``--codings`` codings spread over every
element with mixed stances, plus a CMOC per five codings; then times, through the
command line in-process: ``report``, ``graph --format graphml``, ``evidence``, ``matrix``
and ``which-pt`` (cold: index built and cached; warm: cache loaded).

    python benchmarks/report.py                      # 40 interviews, 3,000 codings
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.cli.main import cli  # noqa: E402
from cmo_coder.model import CHAIN, Coding, Configuration, ConfigurationMember  # noqa: E402
from cmo_coder.store import Project  # noqa: E402

WORDS = [
    "service", "team", "worker", "assessment", "drink", "support", "people", "plan", "hostel", "nurse", "appointment",
    "family", "trust", "training", "confident", "judged", "crisis", "months", "together", "referral", "waiting",
    "listen", "safe", "stay", "help",
]


def make_project(path: Path, transcripts: int, codings: int, seed: int) -> tuple[Project, str]:
    sys.path.insert(0, str(ROOT))
    from tests.study import add_signed_off

    rng = random.Random(seed)
    project = Project.create(path, codebook_io.load(ROOT / "codebooks" / "reco.yaml"), actor="bench")
    sentences: list[tuple[str, int, int]] = []
    roles = [("SP", "staff"), ("P", "service_user"), ("P", "carer")]
    for t in range(transcripts):
        site = "ABC"[t % 3]
        prefix, role = roles[t % 3]
        label = f"{prefix}{t + 1}"
        turns = [("F1", "facilitator", None, "Can you tell me about that?")]
        for _ in range(30):
            said = " ".join(
                " ".join(rng.choices(WORDS, k=rng.randint(8, 20))).capitalize() + "." for _ in range(3)
            )
            turns.append((label, role, site, said))
            turns.append(("F1", "facilitator", None, "And then?"))
        tr = add_signed_off(project, f"interview-{t:03d}", turns)
        for turn in tr.turns:
            if turn.speaker != "F1":
                for m in re.finditer(r"[^ .][^.]*\.", tr.text[turn.start : turn.end]):
                    sentences.append((tr.id, turn.start + m.start(), turn.start + m.end()))
    cb = project.codebook
    picked = rng.sample(sentences, min(codings, len(sentences)))
    with project.transaction("bench") as tx:
        made: dict[str, list[Coding]] = {}
        for n, (tid, a, b) in enumerate(picked):
            pt = rng.choice(cb.programme_theories)
            el = rng.choice(pt.elements)
            c = tx.add_coding(Coding(
                id=f"cod-{n:05d}", transcript_id=tid, start=a, end=b, text=project.text(tid)[a:b], pt=pt.id,
                element=el.id, stance=rng.choice(("supports", "supports", "refutes", "refines")), coder="bench",
            ))
            made.setdefault(pt.id, []).append(c)
        for pt, cs in made.items():
            for k in range(0, len(cs) - 4, 5):
                chosen = {c.component: c for c in cs[k : k + 5] if c.component}
                if len(chosen) >= 2:
                    tx.add_configuration(Configuration(
                        id=f"{pt}-K{k // 5}", pt=pt, name=f"CMOC {k // 5}", coder="bench",
                        judgement=rng.choice(("confirm", "refute", "refine", None)),
                        members=[ConfigurationMember(coding_id=chosen[comp].id, role=comp) for comp in CHAIN
                                 if comp in chosen],
                    ))
    quote = picked[0]
    return project, project.text(quote[0])[quote[1] : quote[2]]


def timed(label: str, *args: str) -> float:
    s = time.perf_counter()
    r = CliRunner().invoke(cli, list(args))
    elapsed = time.perf_counter() - s
    if r.exit_code:
        raise SystemExit(f"{label} failed: {r.output}")
    print(f"{label:<34}{elapsed:>8.2f} s")
    return elapsed


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--transcripts", type=int, default=40)
    ap.add_argument("--codings", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        s = time.perf_counter()
        project, quote = make_project(Path(tmp) / "study", args.transcripts, args.codings, args.seed)
        st = project.status()
        path = str(project.path)
        project.close()
        print(f"study: {st['transcripts']['total']} transcripts, {st['codings']} codings, "
              f"{st['configurations']} CMOCs, 11 PTs (set up in {time.perf_counter() - s:.1f} s)\n")
        timed("report (11 pages, PNG figures)", "report", path, "--out", str(Path(tmp) / "report"))
        timed("report --figure svg", "report", path, "--out", str(Path(tmp) / "report-svg"), "--figure", "svg")
        timed("graph --pt PT3 --format graphml", "graph", path, "--pt", "PT3", "--out", str(Path(tmp) / "g.graphml"))
        timed("evidence PT3 --refuting", "evidence", path, "PT3", "--refuting", "--json")
        timed("matrix --by participant", "matrix", path, "--by", "participant")
        timed("which-pt (cold: builds the index)", "which-pt", path, quote)
        timed("which-pt (warm: cached index)", "which-pt", path, quote[5:60].upper())


if __name__ == "__main__":
    main()
