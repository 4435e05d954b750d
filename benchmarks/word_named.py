"""People, clubs, pubs and towns named with ordinary words: the invented list ``tests/data/word_named.tsv``
(and its held-back twin), cased and as captions.

Each line is a small transcript (turns split by " / "), a phrase in it and the people a study team registered
for it: ``remove`` (a person or local place of a participant's life: every word of the phrase must go, but a
word of its kind, "club", may stay beside the placeholder) or ``keep`` (a word, a public name or a place said
by its kind alone: the phrase must survive whole). Each transcript is read as written and lower-cased without
punctuation, as captions write it, by the anonymiser with the line's register, every proposal accepted as
``review --accept-all`` does.

Run: python benchmarks/word_named.py [--list PATH] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from case_lists import caption, check, join_turns, rows, tally
from local_place_names import right

REPO = Path(__file__).resolve().parent.parent
LIST = REPO / "tests" / "data" / "word_named.tsv"


@dataclass(frozen=True)
class Item:
    kind: str  # "keep" or "remove"
    label: str  # the class: person, club, pub, town; public, kind or word for what stays
    turns: tuple[str, ...]
    phrase: str
    register: tuple[str, ...]  # people the team registered for this transcript


def load(path: Path = LIST) -> list[Item]:
    items = []
    for n, (kind, label, said, phrase, register) in rows(path, 5):
        check(path, n, kind, phrase, said)
        people = () if register.strip() == "-" else tuple(p.strip() for p in register.split(";") if p.strip())
        items.append(Item(kind, label, tuple(said.split(" / ")), phrase, people))
    return items


def measure(redact: Callable[[Item, tuple[str, ...]], str], items: list[Item]) -> dict[str, dict[str, list[int]]]:
    """Per casing and per class: [right, total]; ``redact`` takes an item and its turns, returns them redacted."""
    return tally(items, lambda item, turns, phrase: right(item, phrase, redact(item, turns)))  # type: ignore[arg-type]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", type=Path, default=LIST)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from cmo_coder.anonymise.pipeline import DEFAULT_MODEL, Anonymiser, redact_text
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.model.key import KeyEntry, ParticipantKey

    anons: dict[tuple[str, ...], Anonymiser] = {}

    def anonymiser(people: tuple[str, ...]) -> Anonymiser:
        if people not in anons:
            key = ParticipantKey(entries=[KeyEntry(label=f"SP{i + 1}", name=p, role="staff", site="A")
                                          for i, p in enumerate(people)])
            anons[people] = Anonymiser(build_register(key, [], set()), DEFAULT_MODEL)
        return anons[people]

    def redact(item: Item, turns: tuple[str, ...]) -> str:
        text, segments = join_turns(turns)
        return redact_text(anonymiser(item.register), text, open_items=True, segments=segments)

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
                out = redact(item, turns)
                if not right(item, phrase, out):  # type: ignore[arg-type]
                    print(f"{item.kind:6} {item.label:7} {out!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
