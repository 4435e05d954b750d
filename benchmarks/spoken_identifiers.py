"""Identifiers said aloud: recall and false alarms on the invented list ``tests/data/spoken_identifiers.tsv``.

Transcripts are speech: a date of birth arrives as "born third of March eighty-one", a phone number as
"oh seven seven nine double four…", a postcode as "l s nine seven t f", an e-mail as "dean dot smith at
gmail dot com". The list holds sentences with such identifiers (to remove) and sentences with dates,
counts, ages, doses and road names that must stay. It was written before the rules it measures.

Each sentence is read three ways: as written (cased, punctuated); lower-cased without punctuation, as
captions write it; and lower-cased with a caption line break inside the identifier (or before it).

* An identifier counts as caught when every number word, digit, month and letter of it is gone from
  the anonymised sentence and its category's placeholder stands there.
* A sentence to keep raises a false alarm when its phrase is changed or any identifier placeholder
  appears.

``tests/data/spoken_identifiers_second.tsv`` is a second list written after the rules, in other words,
to see how they carry to sentences they were not shaped on.

Run: python benchmarks/spoken_identifiers.py [--misses] [--rules-only] [--list PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from case_lists import caption, check, rows

LIST = Path(__file__).resolve().parent.parent / "tests" / "data" / "spoken_identifiers.tsv"
PLACEHOLDER = {
    "dob": "[date of birth]",
    "date": "[date]",
    "phone": "[phone number]",
    "postcode": "[postcode]",
    "nhs_number": "[NHS number]",
    "hospital_number": "[hospital number]",
    "national_insurance": "[national insurance number]",
    "car_registration": "[car registration]",
    "email": "[email address]",
    "street": "[street name]",
    "handle": "[handle]",
    "address": "[house number]",
    "bank": "[bank details]",
    "unit": "[ward number]",
}
ALSO = {"handle": ("[name removed]", "[email address]"), "address": ("[street name]",), "email": ("[handle]",),
        "unit": ("[bay number]", "[room number]", "[bed number]", "[bed and bay number]", "[bay and bed number]")}
"""Other placeholders that remove the same thing: a handle that is a name ("on Facebook as Kaz Marie"), a house
number the street layer took with its street ("[street name]" for "42 Elm Grove"), a numbered unit named by its
head word ("[bed and bay number]" for "Bed eleven, bay two")."""
IDENTIFIER_PLACEHOLDERS = tuple(v for k, v in PLACEHOLDER.items() if k != "street")
_GLUE = {"the", "of", "and", "at", "dot", "um", "erm", "on", "in", "is", "s", "underscore"}
"""Words of a phrase that may stay: they say nothing about whom the identifier belongs to."""
FORMS = ("written", "captions", "wrapped")


@dataclass(frozen=True)
class Item:
    line: int
    kind: str  # "remove" or "keep"
    category: str
    sentence: str
    phrase: str


def load(path: Path = LIST) -> list[Item]:
    items = []
    for n, (kind, category, sentence, phrase) in rows(path, 4):
        check(path, n, kind, phrase, sentence)
        items.append(Item(n, kind, category, sentence, phrase))
    return items


def variant(item: Item, form: str) -> tuple[str, str]:
    """The sentence and its phrase in one of :data:`FORMS`."""
    if form == "written":
        return item.sentence, item.phrase
    sentence, phrase = caption(item.sentence), caption(item.phrase)
    if form == "captions":
        return sentence, phrase
    at = sentence.index(phrase)
    gaps = [m.start() for m in re.finditer(" ", phrase)]
    # the line break nearest the middle of the phrase, or before a one-word phrase
    cut = at + min(gaps, key=lambda g: abs(g - len(phrase) / 2)) if gaps else at - 1
    if cut < 0:
        return sentence, phrase
    wrapped = sentence[:cut] + "\n" + sentence[cut + 1 :]
    return wrapped, wrapped[at : at + len(phrase)]


def _words(text: str) -> Counter[str]:
    """Words that could tell whose the identifier is, placeholders left out ("[street name]" says no street)."""
    text = re.sub(r"\[[^\[\]]*\]", " ", text)
    return Counter(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _GLUE)


def caught(item: Item, sentence: str, phrase: str, out: str) -> bool:
    before, gone, after = _words(sentence), _words(phrase), _words(out)
    placed = any(p in out for p in (PLACEHOLDER[item.category], *ALSO.get(item.category, ())))
    return placed and all(after[w] <= before[w] - n for w, n in gone.items())


def kept(sentence: str, phrase: str, out: str) -> bool:
    return phrase in out and not any(p in out for p in IDENTIFIER_PLACEHOLDERS)


@dataclass
class Result:
    form: str
    found: int
    identifiers: int
    alarms: int
    keeps: int
    misses: list[str]


def measure(redact: object, items: list[Item] | None = None) -> list[Result]:
    """Recall and false alarms per form; ``redact`` maps a text to its anonymised text."""
    assert callable(redact)
    items = load() if items is None else items
    results = []
    for form in FORMS:
        res = Result(form, 0, 0, 0, 0, [])
        for item in items:
            sentence, phrase = variant(item, form)
            out = redact(sentence)
            if item.kind == "remove":
                res.identifiers += 1
                if caught(item, sentence, phrase, out):
                    res.found += 1
                else:
                    res.misses.append(f"miss  {item.category:18} {out!r}")
            else:
                res.keeps += 1
                if not kept(sentence, phrase, out):
                    res.alarms += 1
                    res.misses.append(f"alarm {'':18} {out!r}")
        results.append(res)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print every miss and false alarm")
    ap.add_argument("--rules-only", action="store_true", help="no statistical model")
    ap.add_argument("--list", type=Path, default=LIST, help="the list to measure (default: the first list)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from cmo_coder.anonymise.pipeline import DEFAULT_MODEL, Anonymiser, redact_text
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.model.key import ParticipantKey

    anon = Anonymiser(build_register(ParticipantKey(), [], set()), None if args.rules_only else DEFAULT_MODEL)
    results = measure(lambda t: redact_text(anon, t), load(args.list))
    print(f"{'form':10} {'recall':>14} {'false alarms':>14}")
    for r in results:
        print(f"{r.form:10} {r.found:>4}/{r.identifiers:<3} {r.found / r.identifiers:5.0%} "
              f"{r.alarms:>4}/{r.keeps:<3} {r.alarms / r.keeps:5.0%}")
    if args.misses:
        for r in results:
            print(f"\n# {r.form}")
            print("\n".join(r.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
