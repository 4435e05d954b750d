"""The coding page (the reader) on a long transcript: its size, the turns it draws, and the server's time.

A two-hour focus group is 2,000 turns or more. The script stores one, signed off (invented: four participants,
one line each turn), serves the workbench in-process (Starlette's test client) and opens the transcript's coding
page, printing its HTML size, the turns drawn and the median of ``--runs`` answers after a first one.

Run it with the checkout to measure first on ``PYTHONPATH`` (``PYTHONPATH=. python benchmarks/reader_page.py``;
the base's figures come from the same script with the base's package). It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.append(str(REPO))  # the tests' study helpers; the package comes from PYTHONPATH first

LINE = "Turn {i}: the evening group listened to me at last, and it took months before anybody rang me back."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--turns", type=int, default=2000, help="turns of the stored transcript (default 2000)")
    ap.add_argument("--runs", type=int, default=3, help="page loads measured; the median is printed (default 3)")
    args = ap.parse_args()
    import cmo_coder
    from cmo_coder import codebook as codebook_io
    from cmo_coder.store import Project
    from cmo_coder.web.state import Workbench
    from tests.study import add_signed_off
    from tests.web_support import client_for

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "project"
        project = Project.create(path, codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="bench")
        add_signed_off(project, "long-group", [(f"P{i % 4 + 1}", "service_user", "A", LINE.format(i=i))
                                               for i in range(args.turns)])
        project.close()
        client = client_for(Workbench(path, "bench"))
        client.get("/transcripts/long-group")
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            reply = client.get("/transcripts/long-group")
            times.append(time.perf_counter() - started)
    print(f"package: {Path(cmo_coder.__file__).parent}")
    drawn = reply.text.count('<div class="turn"')
    answer = statistics.median(times) * 1000
    print(f"coding page of {args.turns} turns: {len(reply.content) / 1024:.0f} KiB of HTML, {drawn} turns drawn; "
          f"server answer {answer:.0f} ms (median of {args.runs})")


if __name__ == "__main__":
    main()
