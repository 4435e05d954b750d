"""Public names removed and private names caught, broken down by what proposed them and by their shape: counts only.

Runs the real path of ``anonymise.py`` (import, ``anonymise --register``, ``review --accept-all --sign-off``) on one
labelled set, both casings, and reads the proposal files the run left in its secure folder. For every gold public
name, study label or kin term touched by a removal it counts:

* its gold kind (``public``, ``tool``, ``kept_word``, ...);
* what proposed it (:func:`proposer`): the model alone (on the text as written, or on a caption's re-cased copy
  alone), the model with the transcript's spreading of a name it
  read, a list (places, the name lexicon), another layer (a rule, a slot's guess), the register (spelt or heard
  as a registered name), or no proposal at all (removed by a review decision taken on the same surface
  elsewhere);
* for a list's or another layer's, which layers (their code names, joined with ``+``), since "another layer"
  alone does not say which rule to look at;
* for the model's lone proposals, their shape (:func:`shape`): one word or more, how the word stands against the
  word lists (coined of two dictionary words, a dictionary word, a listed name, a word no list holds), its
  casing, the model's category, and the frame around it: a word after that names a thing used (an app, a
  helpline, patches, a course: :data:`THING_AFTER`), a verb before that uses, buys, downloads or watches
  (:data:`THING_BEFORE`), a possessive, a determiner before.

and the same shapes for every unregistered private name caught by the model alone, so a rule's cost in recall can
be read before it is written. It prints no surface, context or per-item line: only counts, and the signed-off
table of ``anonymise.py`` (registered left, unregistered caught, public removed). On a blind set (fresh, sixth)
each run is one of its looks.

Run: python benchmarks/public_removed.py --set handwritten|focus-groups|fresh|sixth|third [--keep-word-readings]
(``--keep-word-readings``: review keeps the word readings of registered names before ``--accept-all``.)
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import anonymise as bench  # noqa: E402
from anon_table import place_caught, print_table  # noqa: E402

from cmo_coder.anonymise.layers.lone_bodies import coined  # noqa: E402
from cmo_coder.anonymise.layers.words import in_dictionary, listed_names, place_names  # noqa: E402
from cmo_coder.anonymise.models import Proposal, ProposalSet  # noqa: E402
from cmo_coder.anonymise.review import PROPOSALS  # noqa: E402

MODEL_LAYERS = frozenset({"ner", "caseless"})
LIST_LAYERS = frozenset({"places", "lexicon"})
REGISTER_LAYERS = frozenset({"register", "sound_alike"})
THING_AFTER = frozenset({
    "app", "apps", "website", "site", "helpline", "line", "patches", "patch", "tablets", "pills", "spray", "gel",
    "inhaler", "course", "courses", "programme", "program", "scheme", "service", "show", "channel",
    "podcast", "page", "account", "card", "voucher", "vouchers", "subscription", "device", "machine", "watch",
    "monitor", "pump", "kit", "band", "test", "tests", "meter", "video", "videos", "group", "forum", "chat",
    "package", "platform", "system", "software", "portal", "login", "text", "texts", "number", "advert", "adverts",
})
"""Words after a name that make it a thing used, bought, downloaded or watched (written for this diagnostic)."""
THING_BEFORE = frozenset({
    "use", "used", "uses", "using", "download", "downloaded", "downloading", "watch", "watched", "watching",
    "bought", "buy", "buying", "ordered", "order", "prescribed", "tried", "try", "installed", "play", "played",
    "playing", "listen", "listened", "listening", "subscribed", "streaming", "stream", "streamed", "on", "via",
    "through", "with", "take", "taking", "took", "takes",
})
"""Words before a name that make it a thing used, bought, downloaded or watched (counted apart from the others)."""
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "my", "our", "their", "his", "her", "your"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


RECASED = "model alone, on the re-cased copy"
"""The model's reading of a caption turn's re-cased copy alone (layer ``caseless``), apart from its reading of the
text as written: the two fail in different ways, so a rule for one may not reach the other."""
LONE = frozenset({"model alone", RECASED})


def proposer(layers: set[str]) -> str:
    """What proposed a stretch, from the layers of the proposals over it (module doc)."""
    if not layers:
        return "no proposal (a decision elsewhere)"
    if layers & REGISTER_LAYERS:
        return "register"
    if layers == {"caseless"}:
        return RECASED
    if layers <= MODEL_LAYERS:
        return "model alone"
    if layers <= MODEL_LAYERS | {"consistency"}:
        return "model, spread" if layers & MODEL_LAYERS else "spread alone"
    if layers & LIST_LAYERS:
        return "a list"
    return "another layer"


def _word_kind(word: str) -> str:
    low = word.lower().strip("'’")
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if low in place_names():
        return "place list"
    if low in listed_names():
        return "name list and dictionary" if in_dictionary(low) else "name list"
    if in_dictionary(low):
        return "dictionary"
    return "coined" if coined(low) else "no list"


def shape(text: str, start: int, end: int, category: str) -> list[str]:
    """The counted features of a stretch the model alone proposed: no surface or context, only classes."""
    words = _WORD.findall(text[start:end])
    out = [f"words {min(len(words), 3)}{'+' if len(words) >= 3 else ''}", f"category {category}"]
    if words:
        out.append(f"first word {_word_kind(words[0])}")
        out.append("capitalised" if words[0][:1].isupper() else "lower case")
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 40):start])]
    after = _WORD.findall(text[end:end + 30])
    prev = before[-1] if before else ""
    nxt = after[0].lower() if after else ""
    out.append("a thing's word after" if nxt in THING_AFTER else "no thing's word after")
    out.append("a using word before" if prev in THING_BEFORE else
               "a determiner before" if prev in DETERMINERS else "other word before")
    if text[end:end + 2] in {"'s", "’s"} or text[start:end].endswith(("'s", "’s")):
        out.append("possessive")
    return out


def _proposals(secure: Path, tid: str) -> list[Proposal]:
    path = secure / PROPOSALS / f"{tid}.json"
    return list(ProposalSet.model_validate_json(path.read_text(encoding="utf-8")).proposals)


Counts = tuple[Counter[str], Counter[str], Counter[str], Counter[str]]


def breakdown(lab: bench.Labelled, generic: frozenset[str]) -> Counts:
    """(public removed by kind × proposer, lone public shapes, private caught by proposer, lone private shapes)."""
    public: Counter[str] = Counter()
    public_shapes: Counter[str] = Counter()
    private: Counter[str] = Counter()
    private_shapes: Counter[str] = Counter()
    for doc, signed in zip(lab.docs, lab.signed, strict=True):
        if signed.signed is None:
            continue
        props = _proposals(lab.secure, signed.transcript_id)
        for g in doc.gold:
            over = [p for p in props if p.start < g.end and g.start < p.end]
            layers = {x for p in over for x in p.layers}
            who = proposer(layers)
            if g.category == "negative":
                if not any(s < g.end and g.start < e for s, e in signed.removed):
                    continue
                public[f"{g.kind} | {who}"] += 1
                public[f"all | {who}"] += 1
                if who in ("another layer", "a list"):
                    named = "+".join(sorted(layers - MODEL_LAYERS - {"consistency"}))
                    public[f"by layer: {g.kind} | {named}"] += 1
                if who in LONE:
                    cat = over[0].category if over else ""
                    feats = shape(doc.text, g.start, g.end, cat)
                    for f in feats:
                        public_shapes[f] += 1
                    public_shapes[f"joint: {g.kind}, " + ", ".join(feats[:1] + feats[2:])] += 1
            elif g.category in ("person_unregistered", "place"):
                caught = (bench.covered(doc.text, g, signed.removed) if g.kind == "person"
                          else place_caught(doc.text, g, signed.removed, generic))
                if not caught:
                    continue
                private[f"{g.kind} | {who}"] += 1
                private[f"all | {who}"] += 1
                if who in LONE:
                    cat = over[0].category if over else ""
                    feats = shape(doc.text, g.start, g.end, cat)
                    for f in feats:
                        private_shapes[f] += 1
                    private_shapes[f"joint: {g.kind}, " + ", ".join(feats[:1] + feats[2:])] += 1
    return public, public_shapes, private, private_shapes


def _generic(name: str) -> frozenset[str]:
    """The place words a set lets stay, as ``anonymise.labelled_set`` passes them."""
    generic = bench.PLACE_GENERIC
    if name == "third":
        return generic | bench.cn.PLACE_GENERIC_EXTRA
    if name == "handwritten":
        return generic | bench.cn.PLACE_GENERIC_EXTRA | bench.hw.PLACE_GENERIC_EXTRA
    if name == "fresh":
        return generic | bench.cn.PLACE_GENERIC_EXTRA | bench.hw.PLACE_GENERIC_EXTRA | bench.fr.PLACE_GENERIC_EXTRA
    if name == "sixth":
        return generic | bench.sx.PLACE_GENERIC_EXTRA
    return generic


def _print(title: str, counts: Counter[str]) -> None:
    print(f"  {title}:")
    for key, n in sorted(counts.items()):
        print(f"    {key}: {n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", dest="which", required=True,
                    choices=["handwritten", "focus-groups", "fresh", "sixth", "third"])
    ap.add_argument("--keep-word-readings", action="store_true",
                    help="review with --keep-word-readings before --accept-all (as anonymise.py's option)")
    args = ap.parse_args()
    bench.realpath.KEEP_WORD_READINGS = args.keep_word_readings
    root = Path(tempfile.mkdtemp(prefix="cmo-public-removed-"))
    try:
        rows = []
        for lower in (False, True):
            casing = "captions" if lower else "cased"
            lab = bench.real_path(args.which, root / casing, lower)
            rows.append(bench.signed_off_row(f"signed off, {casing}", lab, _generic(args.which)))
            public, public_shapes, private, private_shapes = breakdown(lab, _generic(args.which))
            print(f"\n== {args.which}, {casing} (counts only)")
            _print("public names, labels and kin terms removed, gold kind | proposer", public)
            _print("  the model's lone public proposals, by shape", public_shapes)
            _print("unregistered private names caught, gold kind | proposer", private)
            _print("  the model's lone private proposals, by shape", private_shapes)
        print_table("signed off after review --accept-all (the same figures as anonymise.py's signed-off rows)", rows)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
