"""Why the local venues and bodies nobody registered are missed in lower-cased captions: counts by kind and cause.

The named-places parts report shops, organisations, clubs and pubs caught at 0.1–0.5 in captions, but a recall
says nothing of where the miss happens, and a rule written for the wrong cause moves nothing. This script runs the
anonymiser's finder over each caption session of a hand-written set (the turns as the benchmark writes them,
lower-cased without punctuation, the register built from the set's own manifest and register files) and sorts
every gold mention of the kinds asked (``--kinds``) into one cause:

- ``caught``: a final proposal covers the whole mention;
- ``part``: a final proposal covers only part of it ("the [place] arms" where "the red lion arms" was said);
- ``dropped by NAME``: some layer proposed a span overlapping it, and the settling step ``NAME`` of
  :meth:`Anonymiser._find` took it away;
- ``dropped in the turn``: the model read an entity there (``doc.ents``) but no candidate came out of the turn's
  own pipeline (the allow-list, or a layer's filter, dropped it);
- ``no proposal``: nothing read it at all.

It reads only text that is not blind: ``--set`` takes the named-places parts and the hand-written set; the
blind sets are refused. ``--items`` also prints each miss with its turn (only for a set rules may be tuned on:
``named-places-tune`` or ``handwritten``). The figures come from the finder, not the whole path (no review, no
spreading at sign-off), so they explain the benchmark's misses without equalling its recall.

Run: python benchmarks/venue_misses.py --set named-places-tune [--kinds shop,organisation,club,pub] [--items]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import focus_groups as fg  # noqa: E402
import handwritten as hw  # noqa: E402
import named_places as npl  # noqa: E402

from cmo_coder.anonymise import pipeline  # noqa: E402
from cmo_coder.anonymise.candidates import Candidate  # noqa: E402
from cmo_coder.anonymise.pipeline import Anonymiser, resolve_model  # noqa: E402
from cmo_coder.anonymise.register import build_register, load_register_csv  # noqa: E402
from cmo_coder.model.key import KeyEntry, ParticipantKey  # noqa: E402

PARTS = {f"named-places-{h}": h for h in ("tune", "held", "third", "fourth", "fifth")}
ITEMS_ALLOWED = {"named-places-tune", "handwritten"}
BLIND = {"fresh", "sixth"}


def load(name: str) -> hw.Study:
    """The set by its benchmark name; a blind set is refused by name."""
    if name in BLIND:
        raise SystemExit(f"{name}: a blind set; this script never reads it")
    if name == "handwritten":
        return hw.load_study()
    if name not in PARTS:
        raise SystemExit(f"{name}: not a set this script reads ({', '.join([*PARTS, 'handwritten'])})")
    return npl.load_half(PARTS[name])


def anonymiser(study: hw.Study) -> Anonymiser:
    """The study's anonymiser: its manifest as the key (labels as written, sites kept), its register file."""
    entries = [KeyEntry(label=p.get("label") or f"X{i}", name=p["name"], role=p.get("role") or "staff",
                        site=p.get("site") or None,
                        aliases=[a.strip() for a in (p.get("aliases") or "").split(";") if a.strip()])
               for i, p in enumerate(study.people)]
    register = build_register(ParticipantKey(entries=entries), load_register_csv(study.register), set())
    return Anonymiser(register, resolve_model(None, False), ())


class Watch:
    """Wraps the settling steps :meth:`Anonymiser._find` calls, keeping which one took each candidate away."""

    def __init__(self) -> None:
        self.dropped: list[tuple[Candidate, str]] = []
        self._undo: list[tuple[object, object]] = []

    def __enter__(self) -> Watch:
        for name in dir(pipeline):
            mod = getattr(pipeline, name)
            fn = getattr(mod, "settle", None)
            if callable(fn) and getattr(mod, "__name__", "").startswith("cmo_coder.anonymise."):
                self._undo.append((mod, fn))
                mod.settle = self._wrap(fn, name)  # type: ignore[attr-defined]
        return self

    def _wrap(self, fn, name):  # type: ignore[no-untyped-def]
        def settle(text, found, *a, **k):  # type: ignore[no-untyped-def]
            out = fn(text, found, *a, **k)
            kept = {id(c) for c in out}
            self.dropped.extend((c, name) for c in found if id(c) not in kept)
            return out
        return settle

    def __exit__(self, *exc: object) -> None:
        for mod, fn in self._undo:
            mod.settle = fn  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", required=True)
    ap.add_argument("--kinds", default="shop,organisation,club,pub")
    ap.add_argument("--items", action="store_true")
    args = ap.parse_args()
    if args.items and args.set not in ITEMS_ALLOWED:
        raise SystemExit(f"--items only for a set rules may be tuned on ({', '.join(sorted(ITEMS_ALLOWED))})")
    kinds = args.kinds.split(",")
    study = load(args.set)
    anon = anonymiser(study)
    causes: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    for b in study.sessions:
        if b.caption is None:
            continue
        turns = [fg.caption_turn(t) for t in b.session.turns if t.text]
        text, segments, at = "", [], 0
        for t in turns:
            segments.append((at, at + len(t.text)))
            text += t.text + "\n"
            at = len(text)
        with Watch() as watch:
            groups, _, docs, fluent = anon.find_fluent(text, segments, b.stem, True, [True] * len(segments), segments)
        final = [(c.start, c.end) for g in groups for c in g]
        ents = [(fluent.span_back(s + e.start_char, s + e.end_char)) for (s, _), d in
                zip(fluent.segments(segments), docs, strict=True) for e in d.ents]
        for (s, _), t in zip(segments, turns, strict=True):
            for m in t.mentions:
                if m.negative or m.registered or m.kind not in kinds:
                    continue
                a, z = m.start + s, m.end + s
                if any(x <= a and z <= y for x, y in final):
                    cause = "caught"
                elif any(x < z and a < y for x, y in final):
                    cause = "part"
                else:
                    by = sorted({n for c, n in watch.dropped if c.start < z and a < c.end})
                    cause = (f"dropped by {by[0]}" if by else
                             "dropped in the turn" if any(x < z and a < y for x, y in ents) else "no proposal")
                causes[m.kind][cause] += 1
                if args.items and cause != "caught":
                    print(f"  {m.kind:<13} {cause:<28} {text[a:z]!r:<24} | {t.text[max(0, m.start - 60):m.end + 40]}")
    for k in kinds:
        c = causes[k]
        print(f"{k:<13} n={sum(c.values()):<3} " + ", ".join(f"{n} {v}" for n, v in sorted(c.items())))


if __name__ == "__main__":
    main()
