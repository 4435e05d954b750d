"""Public names kept by a body's shape, by how a public figure is said, and across a transcript; private names
said in the same frames removed: the invented list ``tests/data/public_shapes.tsv`` (and its held-back twin),
cased and as captions.

Each line is ``keep`` or ``remove``, a name, and a sentence; " || " in a sentence separates turns of one
transcript. A kept name must survive at every mention; a removed one may leave none of its words. Each turn
gets the same plain ending so that the model reads a sentence of ordinary length, and is read as written and
as captions write it (lower case, no punctuation).

Run: python benchmarks/public_shapes.py [--list PATH] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from case_lists import check, join_turns, rows

REPO = Path(__file__).resolve().parent.parent
LIST = REPO / "tests" / "data" / "public_shapes.tsv"
ENDING = " and after that we sat down and had a brew and talked it all through for a bit."
TURNS = " || "


@dataclass(frozen=True)
class Case:
    kind: str  # "keep" or "remove"
    name: str
    sentence: str


def load(path: Path = LIST) -> list[Case]:
    out = []
    for n, (kind, name, sentence) in rows(path, 3):
        check(path, n, kind, name, sentence)
        out.append(Case(kind, name, sentence))
    return out


def caption(text: str) -> str:
    """Lower case, no punctuation: how automatic captions write speech."""
    return re.sub(r"[.,!?;:\"“”]", "", text.lower())


def transcript(case: Case, captions: bool) -> tuple[str, list[tuple[int, int]], str]:
    """The case's turns joined by new lines, their offsets, and the name as that form writes it."""
    turns = [t + ENDING for t in case.sentence.split(TURNS)]
    if captions:
        turns = [caption(t) for t in turns]
    text, segments = join_turns(turns)
    return text, segments, caption(case.name) if captions else case.name


def right(case: Case, text: str, name: str, out: str) -> bool:
    """A kept name survives at every mention; a removed one leaves none of its words."""
    if case.kind == "keep":  # a placeholder's own words ("my auntie [auntie's name]") are no mention kept
        return re.sub(r"\[[^\]\n]*\]", "", out).count(name) == text.count(name)
    return not any(re.search(rf"\b{re.escape(w)}\b", out.lower()) for w in re.findall(r"\w+", name.lower()))


def redact(anon: object, text: str, segments: list[tuple[int, int]]) -> str:
    """Every proposal accepted and applied, as ``review --accept-all`` does."""
    from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

    assert isinstance(anon, Anonymiser)
    return redact_text(anon, text, open_items=True, segments=segments)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", type=Path, default=LIST)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from cmo_coder.anonymise.pipeline import DEFAULT_MODEL, Anonymiser
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.model.key import ParticipantKey

    anon = Anonymiser(build_register(ParticipantKey(), [], set()), DEFAULT_MODEL)
    cases = load(args.list)
    misses = []
    print(f"{'form':10} {'public kept':>14} {'private removed':>16}")
    for captions in (False, True):
        got = {"keep": 0, "remove": 0}
        for case in cases:
            text, segments, name = transcript(case, captions)
            out = redact(anon, text, segments)
            ok = right(case, text, name, out)
            got[case.kind] += ok
            if not ok:
                misses.append(f"{'captions' if captions else 'cased':9} {case.kind:6} {out.replace(chr(10), TURNS)!r}")
        n = {k: sum(c.kind == k for c in cases) for k in got}
        print(f"{'captions' if captions else 'cased':10} {got['keep']:>5}/{n['keep']:<3} "
              f"{got['keep'] / max(1, n['keep']):5.0%} {got['remove']:>6}/{n['remove']:<3} "
              f"{got['remove'] / max(1, n['remove']):5.0%}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
