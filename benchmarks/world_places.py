"""Places the public knows, kept; places of a participant's life, removed: the invented list
``tests/data/world_places.tsv`` (and its held-back twin), cased and as captions.

Each line is a sentence and a place in it: ``keep`` (a country, region, world city, holiday island or resort,
said as a trip, a comparison or where family are: the phrase must survive whole) or ``remove`` (a UK town,
village, street or estate: no word of the phrase may survive). Each sentence is read as written and
lower-cased without punctuation, as captions write it.

Run: python benchmarks/world_places.py [--list PATH] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from case_lists import caption, check, rows

REPO = Path(__file__).resolve().parent.parent
LIST = REPO / "tests" / "data" / "world_places.tsv"


@dataclass(frozen=True)
class Item:
    kind: str  # "keep" or "remove"
    sentence: str
    phrase: str


def load(path: Path = LIST) -> list[Item]:
    items = []
    for n, (kind, sentence, phrase) in rows(path, 3):
        check(path, n, kind, phrase, sentence)
        items.append(Item(kind, sentence, phrase))
    return items


def right(item: Item, sentence: str, phrase: str, out: str) -> bool:
    """A kept place survives whole; a removed one leaves none of its words."""
    if item.kind == "keep":
        return phrase in out
    words = {w for w in re.findall(r"[a-z0-9]+", phrase.lower()) if w not in {"the", "estate", "close", "drive"}}
    left = set(re.findall(r"[a-z0-9]+", re.sub(r"\[[^\]]*\]", " ", out).lower()))
    return not (words & left)


def measure(redact: object, items: list[Item]) -> dict[str, dict[str, list[int] | list[str]]]:
    assert callable(redact)
    out: dict[str, dict[str, list[int] | list[str]]] = {}
    for form in ("cased", "captions"):
        counts: dict[str, list[int] | list[str]] = {"keep": [0, 0], "remove": [0, 0], "misses": []}
        for item in items:
            sentence, phrase = (item.sentence, item.phrase) if form == "cased" else (
                caption(item.sentence), caption(item.phrase))
            result = redact(sentence)
            ok = right(item, sentence, phrase, result)
            pair = counts[item.kind]
            assert isinstance(pair[0], int) and isinstance(pair[1], int)
            counts[item.kind] = [pair[0] + ok, pair[1] + 1]  # type: ignore[list-item]
            if not ok:
                misses = counts["misses"]
                assert isinstance(misses, list)
                misses.append(f"{item.kind:6} {result!r}")  # type: ignore[arg-type]
        out[form] = counts
    return out


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
    results = measure(lambda t: redact_text(anon, t, open_items=True), load(args.list))
    print(f"{'form':10} {'public kept':>14} {'private removed':>16}")
    for form, c in results.items():
        k, r = c["keep"], c["remove"]
        print(f"{form:10} {k[0]:>5}/{k[1]:<3} {k[0] / max(1, int(k[1])):5.0%} {r[0]:>6}/{r[1]:<3} "
              f"{r[0] / max(1, int(r[1])):5.0%}")
    if args.misses:
        for form, c in results.items():
            print(f"\n# {form}")
            print("\n".join(str(m) for m in c["misses"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
