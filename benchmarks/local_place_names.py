"""Clubs, pubs, churches and care homes named with ordinary words: the invented list
``tests/data/local_place_names.tsv`` (and its held-back twin), cased and as captions.

Each line is a small transcript (turns split by " / ") and a phrase in it: ``remove`` (a local place of a
participant's life: every word of every occurrence of the phrase must go, but a word of its kind, "club",
"church", "care home", may stay beside the placeholder) or ``keep`` (a public place or a place said by its
kind alone: the phrase must survive whole). Each transcript is read as written and lower-cased without
punctuation, as captions write it, by the anonymiser alone with an empty register.

Run: python benchmarks/local_place_names.py [--list PATH] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from case_lists import caption, check, join_turns, rows, tally

REPO = Path(__file__).resolve().parent.parent
LIST = REPO / "tests" / "data" / "local_place_names.tsv"
KIND_WORDS = frozenset({"the", "of", "and", "club", "church", "chapel", "care", "home", "nursing", "social",
                        "working", "men's", "mens", "s", "men", "bowls", "rugby"})
"""Words that say a place's kind and may stay beside its placeholder ("[club name] Social Club")."""


@dataclass(frozen=True)
class Item:
    kind: str  # "keep" or "remove"
    label: str  # the class: care_home, church, pub, club; public or kind for what stays
    turns: tuple[str, ...]
    phrase: str


def load(path: Path = LIST) -> list[Item]:
    items = []
    for n, (kind, label, said, phrase) in rows(path, 4):
        check(path, n, kind, phrase, said)
        items.append(Item(kind, label, tuple(said.split(" / ")), phrase))
    return items


def right(item: Item, phrase: str, out: str) -> bool:
    """A kept phrase survives whole; a removed one leaves none of its words but words of its kind."""
    if item.kind == "keep":
        return phrase in out
    words = {w for w in re.findall(r"[a-z0-9']+", phrase.lower().replace("’", "'"))} - KIND_WORDS
    left = set(re.findall(r"[a-z0-9']+", re.sub(r"\[[^\]]*\]", " ", out).lower().replace("’", "'")))
    return not (words & left)


def measure(redact: object, items: list[Item]) -> dict[str, dict[str, list[int]]]:
    """Per casing and per class: [right, total]; ``redact`` takes the turns and returns the text redacted."""
    assert callable(redact)
    return tally(items, lambda item, turns, phrase: right(item, phrase, redact(turns)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", type=Path, default=LIST)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from cmo_coder.anonymise.pipeline import DEFAULT_MODEL, Anonymiser, redact_text
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.model.key import ParticipantKey

    anon = Anonymiser(build_register(ParticipantKey(), [], set()), DEFAULT_MODEL)

    def redact(turns: tuple[str, ...]) -> str:
        text, segments = join_turns(turns)
        return redact_text(anon, text, open_items=True, segments=segments)  # as review --accept-all does

    items = load(args.list)
    results = measure(redact, items)
    for form, c in results.items():
        print(f"{form}: " + ", ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(c.items())))
    if args.misses:
        for form in ("cased", "captions"):
            print(f"\n# {form}")
            for item in items:
                turns = item.turns if form == "cased" else tuple(caption(t) for t in item.turns)
                phrase = item.phrase if form == "cased" else caption(item.phrase)
                out = redact(turns)
                if not right(item, phrase, out):
                    print(f"{item.kind:6} {item.label:9} {out!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
