"""Coverage of the public-name lists by category: check lists of public names of UK life, written from general
knowledge (``tests/data/public_coverage/<check>/<category>.txt``), each name read two ways.

* held: some list that keeps a public name holds it in some form (as listed, or as people and captions write a
  listed name: :func:`cmo_coder.anonymise.layers.allowlist.spellings`), or, for kin words, a word of address or a
  grandparent's title;
* kept: said in a plain sentence with nobody registered, cased and as captions write it, the name survives the
  anonymiser whole. A kin word is said as people call a relative ("Nanima said ..."); every other name in a
  sentence of talk about it.

The check lists are written apart from the lists they measure, so a check says what the lists know of names
their writers did not type into them.

Run: python benchmarks/public_coverage.py [--check before] [--check after] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHECKS = REPO / "tests" / "data" / "public_coverage"
CATEGORIES = ("culture", "third_sector", "public_bodies", "public_figures", "tools_companies", "kin")


def names(check: str, category: str) -> list[str]:
    """The names of one category of one check list, comments and blank lines left out."""
    path = CHECKS / check / f"{category}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _norm(text: str) -> str:
    text = " ".join(text.replace("’", "'").lower().split())
    return text.removeprefix("the ")


@cache
def _held_forms() -> frozenset[str]:
    from cmo_coder.anonymise.kin_words import KIN_OF_ADDRESS
    from cmo_coder.anonymise.layers.allowlist import default_allowlist, spellings
    from cmo_coder.anonymise.layers.kin_titles import KIN_TITLES

    forms = {_norm(f) for entry in default_allowlist() for f in spellings(entry)}
    return frozenset(forms | {_norm(k) for k in KIN_OF_ADDRESS | KIN_TITLES})


def held(name: str) -> bool:
    """Whether a list that keeps public names (or the words of address) holds ``name`` in some form."""
    return _norm(name) in _held_forms()


def said(name: str, category: str) -> str:
    """``name`` as the sentence writes it: a kin word begins the sentence, with a capital."""
    return f"{name[:1].upper()}{name[1:]}" if category == "kin" else name


def sentence(name: str, category: str) -> str:
    """A plain sentence that says ``name`` as people say a thing of its kind."""
    if category == "kin":
        return f"{said(name, category)} said we could stay for our tea and then we went home."
    return f"Last week we were talking about {name} for ages and then we went home."


def caption(text: str) -> str:
    """Lower case, no punctuation before a space or the end, as automatic captions write speech."""
    return re.sub(r"\s+", " ", re.sub(r"[,.?!;:](?=\s|$)", "", text.lower())).strip()


def kept(anon: object, name: str, category: str) -> tuple[bool, bool]:
    """Whether ``name`` survives whole, cased and as captions."""
    from cmo_coder.anonymise.pipeline import redact_text

    text = sentence(name, category)
    cased = said(name, category) in redact_text(anon, text, open_items=True)  # type: ignore[arg-type]
    lower = caption(name) in redact_text(anon, caption(text), open_items=True)  # type: ignore[arg-type]
    return cased, lower


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="append", help="check list folder(s) under tests/data/public_coverage")
    ap.add_argument("--misses", action="store_true", help="print the names not held or not kept")
    ap.add_argument("--held-only", action="store_true", help="skip the anonymiser (fast)")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from cmo_coder.anonymise.pipeline import DEFAULT_MODEL, Anonymiser
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.model.key import ParticipantKey

    anon = None if args.held_only else Anonymiser(build_register(ParticipantKey(), [], set()), DEFAULT_MODEL)
    print("| check | category | names | held | kept, cased | kept, captions |")
    print("|---|---|---:|---:|---:|---:|")
    for check in args.check or ["before", "after"]:
        for category in CATEGORIES:
            listed = names(check, category)
            got_held = [n for n in listed if held(n)]
            got = [kept(anon, n, category) for n in listed] if anon else []
            cased = sum(c for c, _ in got)
            lower = sum(low for _, low in got)
            n = len(listed)
            ks = f"{cased / n:.2f}" if anon else "-"
            kl = f"{lower / n:.2f}" if anon else "-"
            print(f"| {check} | {category} | {n} | {len(got_held) / n:.2f} | {ks} | {kl} |")
            if args.misses:
                for i, name in enumerate(listed):
                    flags = ["not held"] if name not in got_held else []
                    if got and not got[i][0]:
                        flags.append("removed cased")
                    if got and not got[i][1]:
                        flags.append("removed captions")
                    if flags:
                        print(f"    {name}: {', '.join(flags)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
