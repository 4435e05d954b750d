"""Names accepted in a typed interview, said in a caption file of the same study: what leaves the captions.

A project holds a typed interview and a caption file of one study. The typed interview spells its names with
apostrophes, hyphens, accents, full stops and "St" ("St Mary's", "Ashby-de-la-Zouch", "Siân"); the caption
file says the same names without them ("st marys", "ashby de la zouch", "sian") or with a possessive's bare
"s" ("the golden lions quiz"). The whole path runs as a team types it (``anonymise``, ``review --accept-all
--sign-off``), and each phrase of the list is looked for, turn by turn, in the signed-off caption file.

    python benchmarks/accepted_renderings.py [--list tests/data/accepted_renderings_heldout.tsv]

The list (:file:`tests/data/accepted_renderings.tsv`) is invented: ``remove`` rows name a phrase of which no
word may survive, ``keep`` rows a phrase that must survive whole.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from anon_support import add_pending, run_cli, secure_folder, signed_text  # noqa: E402

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.model.key import KeyEntry  # noqa: E402
from cmo_coder.store import Project  # noqa: E402

KEY = [KeyEntry(label="P1", name="Tamsin Yardley", role="service_user", site="A")]


def read_list(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def signed_captions(rows: list[dict[str, str]], work: Path) -> list[str]:
    """Run the study path on one typed interview and one caption file; the caption file's turns as signed off."""
    project = Project.create(work / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="tester")
    sf = secure_folder(work, KEY)
    typed = [r["typed"] for r in rows if r["typed"] != "-"]
    add_pending(project, sf, "typed", [("P1", "Tamsin Yardley", s) for s in typed])
    add_pending(project, sf, "captions", [("P1", "Tamsin Yardley", r["captions"]) for r in rows])
    project.close()
    for args in (("anonymise",), ("review", "--accept-all", "--sign-off")):
        done = run_cli(args[0], work / "study", "--secure", sf.path, *args[1:])
        if done.exit_code:
            raise SystemExit(f"{args[0]} failed: {done.output[-1000:]}")
    return signed_text(Project.open(work / "study"), "captions").split("\n\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=Path, default=REPO / "tests" / "data" / "accepted_renderings.tsv")
    args = parser.parse_args()
    rows = read_list(args.list)
    with tempfile.TemporaryDirectory() as tmp:
        turns = signed_captions(rows, Path(tmp))
    removed = kept = 0
    for row, turn in zip(rows, turns, strict=True):
        words = turn.split()
        if row["kind"] == "remove":
            ok = not any(w in words for w in row["phrase"].split())
            removed += ok
        else:
            ok = row["phrase"] in turn
            kept += ok
        print(f"  {'ok  ' if ok else 'MISS'} {row['kind']:6} {row['phrase']!r}: {turn}")
    n_remove = sum(r["kind"] == "remove" for r in rows)
    print(f"{args.list.name}: removed {removed} of {n_remove}; kept {kept} of {len(rows) - n_remove}")


if __name__ == "__main__":
    main()
