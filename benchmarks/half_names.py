"""A development set for half a name left in lower-cased captions, split before tuning.

Why a set of its own: once captions lose the capital letter, a private person said by two names can lose one
part and keep the other ("i told grace baxter at the clinic" loses "grace", keeps "baxter"), and a person whose
name is an everyday word said beside a role or a service ("frank my sponsor", "joy on the helpline", "hazel at
the pharmacy") can be kept whole. Half a name is a leak: a given name with its context, or a surname alone, can
identify someone. This set is written for these two kinds alone, before any rule for them was written, and split
at once:

- ``half_names/tune/``: the half rules may be tuned on;
- ``half_names/held/``: the held-back third, other names and other roles, measured at the end of each step and
  never read for misses.

Beside the names stand the same words said as words, marked as the negative kind ``everyday`` ("a king size
bed", "to be frank", "a penny for your thoughts", "the hazel tree", "a pike in the canal"), and public people
said by both names, marked ``public_figure`` ("Paul Gascoigne", "Frank Bruno", "Lily Allen"): a removal that
touches one counts as a public word removed. Every session is written cased with a caption format, so
``benchmarks/anonymise.py --set half-names-tune`` (or ``half-names-held``) reports both casings. The source
format, manifest and register are the hand-written set's (``handwritten.py`` builds it). All people and study
sites are invented; the text is the project's own and shares its licence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import caption_people as cpl  # noqa: E402
import handwritten as hw  # noqa: E402

SOURCE = Path(__file__).resolve().parent / "half_names"
HALVES = hw.SPLIT_HALVES


def load_half(half: str) -> hw.Study:
    """One half of the set; an unknown half is refused by name."""
    return hw.load_half("half names", SOURCE, cpl.MARKUP, half)


if __name__ == "__main__":
    for h in HALVES:
        print(f"{h}:")
        hw.describe(load_half(h))
