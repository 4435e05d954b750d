"""Whether two checkouts' anonymisers propose the same, byte for byte, on every readable set in both casings.

Why: a change made only for speed must leave every proposal as it was. ``anon_speed.py --compare`` checks the three
sets it times; this check reads every set that is not blind: the invented interviews and focus groups, the sample
study, the hand-written set, each test study in ``tests/data/*_study/`` and the development half of Earnings-21,
each cased and lower-cased. The texts are written and imported once with *this* checkout's code (so both sides
read the same raw transcripts, participant keys and registers); then each checkout (``label=path``) gets its own
worker process (``anon_harness``) that imports its own ``cmo_coder`` and writes every transcript's proposal set as
``anonymise`` saves it. The files are compared byte for byte and each set's count of identical transcripts is
printed; any difference makes the exit status 1. What differs is said by set and transcript id only, never by
content.

The workers run with a fixed ``PYTHONHASHSEED`` (``--hash-seed``, 0 by default), so that a difference is the
code's, not the order of a set; run once more with another seed to see whether either checkout depends on it.

Run: python benchmarks/anon_same.py main=/tmp/anon-main now=. [--work DIR] [--earnings-files 4]
     [--sets handwritten,studies] [--hash-seed 0]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import anon_harness  # noqa: E402  (one worker per checkout, each importing its own code)

STUDIES = REPO / "tests" / "data"
SETS = ("interviews", "focus-groups", "sample", "handwritten", "studies", "earnings")


# ------------------------------------------------------------------------------------------ the texts
def _lowered_copy(secure: Path, target: Path) -> Path:
    """A copy of an imported secure folder whose raw texts are lower-cased character by character (turn offsets
    kept), as ``anon_speed.py`` makes its lower-cased sample."""
    import anon_speed

    shutil.copytree(secure, target)
    for raw in sorted((target / "raw").glob("*.json")):
        data = json.loads(raw.read_text(encoding="utf-8"))
        data["text"] = anon_speed._lower_keeping_offsets(data["text"])
        raw.write_text(json.dumps(data), encoding="utf-8")
    return target


def _import_readable(folder: Path, files: list[Path], manifest: Path) -> Path:
    """``cmo-coder init`` + ``import`` of ``files`` with this checkout, the files it refuses left out (a test study
    holds damaged files on purpose); the secure folder written."""
    import subprocess

    from realpath import cmo

    cmo("init", folder / "study", "--codebook", REPO / "codebooks" / "tiny.yaml")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "cmo_coder", "import", str(folder / "study"), *map(str, files),
                           "--secure", str(folder / "secure"), "--manifest", str(manifest), "--infer-speakers",
                           "--json"], capture_output=True, text=True, env=env, check=False)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        raise RuntimeError(f"import into {folder} failed ({done.returncode}): {done.stderr.strip()[-2000:]}") from None
    if not any(f["status"] == "imported" for f in report["files"]):
        raise RuntimeError(f"import into {folder}: no file imported")
    return folder / "secure"


def _study(folder: Path, study: Path) -> dict[str, dict[str, str]]:
    """A test study's transcripts imported with its manifest and register, and a lower-cased copy."""
    files = sorted(p for p in (study / "transcripts").iterdir() if p.is_file())
    cased = _import_readable(folder / "cased", files, study / "secure" / "participants.csv")
    lowered = _lowered_copy(cased, folder / "lower" / "secure")
    register = str(study / "secure" / "register.csv")
    return {f"{study.name}-cased": {"secure": str(cased), "register": register},
            f"{study.name}-lower": {"secure": str(lowered), "register": register}}


def _handwritten(folder: Path) -> dict[str, dict[str, str]]:
    """The hand-written set as its team receives it, cased and as lower-cased captions."""
    import anon_speed
    import anonymise as bench

    out = {}
    for lower in (False, True):
        casing = anon_harness.CASINGS[lower]
        files, manifest, register, _ = bench._handwritten_files(folder / casing, lower)
        secure = anon_speed._import(folder / casing, [p for p, _ in files], manifest)
        out[f"handwritten-{casing}"] = {"secure": str(secure), "register": str(register)}
    return out


def _earnings(folder: Path, files: int) -> dict[str, dict[str, str]]:
    """The first ``files`` calls of Earnings-21's development half as raw transcripts (one turn a speaker's
    stretch, no register), cased and lower-cased, as ``anonymise.py --set earnings --split dev`` reads them."""
    import anonymise as bench

    from cmo_coder.ingest import NORMALISER_VERSION
    from cmo_coder.model import Transcript
    from cmo_coder.store.secure import SecureFolder

    if not bench.EARNINGS.is_dir():
        print(f"Earnings-21 not found at {bench.EARNINGS}: not compared", flush=True)
        return {}
    out = {}
    docs = bench.earnings_docs("dev", files)
    for lower in (False, True):
        casing = anon_harness.CASINGS[lower]
        secure = SecureFolder.open(folder / casing / "secure", create=True)
        for n, doc in enumerate(docs):
            text = doc.text.lower() if lower else doc.text
            turns = [{"speaker": f"S{k % 2 + 1}", "start": s, "end": e} for k, (s, e) in enumerate(doc.segments)]
            raw = Transcript.model_validate({
                "id": f"earnings-{n:02d}", "title": f"call {n}", "source_format": "plain_txt", "text": text,
                "turns": turns, "source_sha256": "0" * 64, "normaliser_version": NORMALISER_VERSION})
            (secure.raw / f"{raw.id}.json").write_text(raw.model_dump_json(), encoding="utf-8")
        out[f"earnings-{casing}"] = {"secure": str(secure.path), "register": ""}
    return out


def prepare(work: Path, sets: list[str], earnings_files: int) -> dict[str, dict[str, str]]:
    """Write and import the chosen sets under ``work``: set-casing → secure folder and register."""
    import anon_speed

    out: dict[str, dict[str, str]] = {}
    if {"interviews", "focus-groups", "sample"} & set(sets):
        timed = anon_speed.prepare(work / "timed")
        out.update({k: v for k, v in timed.items() if k.rsplit("-", 1)[0] in sets})
    if "handwritten" in sets:
        out.update(_handwritten(work / "handwritten"))
    if "studies" in sets:
        for study in sorted(STUDIES.glob("*_study")):
            out.update(_study(work / study.name, study))
    if "earnings" in sets:
        out.update(_earnings(work / "earnings", earnings_files))
    return out


# ------------------------------------------------------------------------------------------ a worker
def worker(tree: Path, prepared: Path, target: Path) -> None:
    """Write every transcript's proposal set with ``tree``'s own code: ``target/SET/ID.json``."""
    sys.path.insert(0, str(tree))
    import cmo_coder
    from cmo_coder.anonymise.workflow import make_anonymiser
    from cmo_coder.model import Transcript
    from cmo_coder.store.secure import SecureFolder

    if Path(cmo_coder.__file__).resolve().parent.parent != tree.resolve():
        raise RuntimeError(f"worker for {tree} imported {cmo_coder.__file__}")
    for name, where in json.loads(prepared.read_text(encoding="utf-8")).items():
        secure = SecureFolder(Path(where["secure"]))
        anon, _ = make_anonymiser(secure, Path(where["register"]) if where["register"] else None,
                                  anon_harness.MODEL, False)
        (target / name).mkdir(parents=True, exist_ok=True)
        for path in sorted((secure.path / "raw").glob("*.json")):
            raw = Transcript.model_validate_json(path.read_text(encoding="utf-8"))
            (target / name / path.name).write_text(anon.analyse(raw).model_dump_json(indent=2), encoding="utf-8")
        print(json.dumps({"set": name}), flush=True)


def compare(a: Path, b: Path) -> dict[str, tuple[int, int, list[str]]]:
    """Set → (identical transcripts, transcripts, ids that differ or are on one side only)."""
    out = {}
    for folder in sorted(p for p in a.iterdir() if p.is_dir()):
        names = sorted({p.name for p in folder.glob("*.json")} | {p.name for p in (b / folder.name).glob("*.json")})
        differ = [n for n in names if not (folder / n).is_file() or not (b / folder.name / n).is_file()
                  or (folder / n).read_bytes() != (b / folder.name / n).read_bytes()]
        out[folder.name] = (len(names) - len(differ), len(names), [n.removesuffix(".json") for n in differ])
    return out


def run_worker(label: str, tree: Path, prepared: Path, target: Path, seed: str) -> None:
    """One checkout's proposals, written by a process that imports only that checkout's code."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONHASHSEED"] = seed
    done = subprocess.run([sys.executable, __file__, "--worker", str(tree), str(prepared), str(target)],
                          env=env, cwd=str(tree), capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"worker {label} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs=2, help="label=path of two checkouts, e.g. main=/tmp/anon-main now=.")
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {', '.join(SETS)}")
    ap.add_argument("--earnings-files", type=int, default=4, help="calls of Earnings-21's development half")
    ap.add_argument("--work", type=Path, default=None, help="keep the texts and proposals here (default: temp)")
    ap.add_argument("--hash-seed", default="0", help="PYTHONHASHSEED of both workers")
    args = ap.parse_args()
    sets = args.sets.split(",")
    unknown = sorted(set(sets) - set(SETS))
    if unknown:
        ap.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    work = args.work or Path(tempfile.mkdtemp(prefix="cmo-anon-same-"))
    prepared = work / f"sets-{'-'.join(sets)}-{args.earnings_files}.json"
    if not prepared.exists():
        prepared.write_text(json.dumps(prepare(work / "texts", sets, args.earnings_files), indent=1), encoding="utf-8")
    trees = anon_harness.trees_of(args)
    outs = []
    for label, path in trees.items():
        target = work / f"proposals-{label}"
        shutil.rmtree(target, ignore_errors=True)
        run_worker(label, Path(path).resolve(), prepared, target, args.hash_seed)
        outs.append(target)
    a, b = trees
    result = compare(*outs)
    for name, (same, total, differ) in result.items():
        print(f"{name:<28}{same:>4}/{total:<4} identical" + (f"   differ: {', '.join(differ)}" if differ else ""))
    changed = sum(total - same for same, total, _ in result.values())
    print(f"{a} vs {b}: {sum(t for _, t, _ in result.values()) - changed} of {sum(t for _, t, _ in result.values())} "
          f"proposal sets byte-identical in {len(result)} set-casings", flush=True)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
