"""Medicines no list holds, known by their shape and by how they are spoken of.

The medicines list (``data/public_names/medicines.txt``) can never hold every generic and brand a
participant is prescribed, and the statistical model reads an unseen one ("Tapentadol", "Nebivolol") as a
person. Two things say a medicine where no list does:

* its shape: international non-proprietary names are built from published stems ("-azepam", "-prazole",
  "-statin", "-olol", "-pril", "-sartan", "-mab", "-triptan", "-oxetine", "-codone"...). A word of seven
  letters or more that ends in one, that no dictionary and no name list holds and that is no UK place, is
  kept wherever it stands ("withdrawal from Lormetazepam", "prescribed Nebivolol");
* how it is spoken of: a word before "tablets", "capsules", "injection", "patch", "inhaler", "mg", "dose"
  ("the Buccolam syringe", "Ozempic injection"), or after "prescribed", "withdrawal from", "weaned off",
  "mg of", "dose of" ("prescribed Buccolam").

A given name is never a medicine ("they started Keeley on the new tablets", "Pam said take two
tablets"), nor a word after a possessive or a title ("Roxanne's tablets", "Dr Okoro's injection"), and
registered names always win, as everywhere in the allow-list. Stems: the WHO's "The use of stems in the
selection of International Nonproprietary Names" (INN stem book) and the BNF's drug monographs.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .public_bodies import _lows
from .public_runs import given_first, personal, span_of, unknown
from .words import place_names

STEMS = ("azepam", "zepam", "zolam", "pine", "prazole", "statin", "cillin", "mycin", "cycline", "floxacin", "olol",
         "pril", "sartan", "glutide", "gliptin", "gliflozin", "mab", "idone", "adone", "codone", "morphine",
         "morphone", "codeine", "tadol", "triptan", "oxetine", "apine", "afil", "parin", "xaban", "ovir", "avir",
         "azole", "olone", "isone", "asone", "semide", "thiazide", "dipine", "tadine", "mazine", "peridol",
         "zodone", "pramine", "triptyline", "profen", "fenac", "dronate", "fenacin", "lukast", "setron",
         "tropium", "terol", "oxamine", "etamol", "caine", "barbital", "bital", "tinib", "platin", "rubicin",
         "vastatin", "lamide", "loxacin", "tidine", "conazole", "olamine", "dopa", "lactone", "tirome", "zosin",
         "ridone", "xetine", "ipramine")
"""Stems that end international non-proprietary names (WHO INN stem book)."""
_MIN_LEN = 7
NOUNS = frozenset({"tablet", "tablets", "capsule", "capsules", "injection", "injections", "jab", "jabs", "patch",
                   "patches", "inhaler", "inhalers", "mg", "milligram", "milligrams", "mcg", "microgram",
                   "micrograms", "ml", "dose", "doses", "dosage", "pill", "pills", "liquid", "syrup", "prescription",
                   "prescriptions", "withdrawal", "withdrawals", "suppository", "suppositories", "sachet", "sachets",
                   "lozenges", "drops", "pessary", "pessaries", "implant", "infusion", "infusions", "syringe"})
"""What only medicines have after their name ("Tapentadol 50mg", "the Buccolam syringe")."""
SERVICES = frozenset({"clinic", "clinics", "service", "services", "team", "unit", "centre", "center", "hub", "room",
                      "bus", "van", "hospital", "ward", "project", "programme", "group"})
"""Words after the medicine's noun that make the name a local service's ("the Elmbury injection clinic")."""
BEFORE = ("prescribed", "prescribing", "prescribe", ("withdrawal", "from"), ("withdrawing", "from"),
          ("weaned", "off"), ("weaning", "off"), ("mg", "of"), ("milligrams", "of"), ("dose", "of"),
          ("doses", "of"), ("overdosed", "on"), ("overdose", "of"), ("course", "of"), ("script", "for"),
          ("prescription", "for"))
"""Words before a medicine's name ("prescribed Buccolam", "withdrawal from Zimovane")."""


def drug_shaped(low: str) -> bool:
    """A word built like a medicine's non-proprietary name (see the module doc)."""
    return (len(low) >= _MIN_LEN and low.endswith(STEMS) and low.replace("-", "").isalpha()
            and unknown(low) and low not in place_names())


def _rows_by_last_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    rows: dict[str, list[tuple[str, ...]]] = {}
    for row in BEFORE:
        words = (row,) if isinstance(row, str) else row
        rows.setdefault(words[-1], []).append(words)
    return {last: tuple(found) for last, found in rows.items()}


_BEFORE_BY_LAST = _rows_by_last_word()
""":data:`BEFORE` by each row's last word: every proposed run asks, and only the rows that end in the word
right before it can match (the others were sliced and compared one by one)."""


def _before(lows: list[str], i: int) -> bool:
    if i <= 0:
        return False  # nothing before the run's first word
    for words in _BEFORE_BY_LAST.get(lows[i - 1], ()):
        if i >= len(words) and tuple(lows[i - len(words) : i]) == words:
            return True
    return False


def _noun_after(lows: list[str], e: int) -> bool:
    k = e
    if k < len(lows) and lows[k].replace(".", "").isdigit():
        k += 1  # "Tapentadol 50 mg"
    return k < len(lows) and lows[k] in NOUNS and (k + 1 >= len(lows) or lows[k + 1] not in SERVICES)


def medicine_spans(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of medicines by shape anywhere in ``doc``, and of the proposed ``runs`` (token runs)
    said as medicines (see the module doc)."""
    lows = _lows(doc)
    out = []
    for s, e in runs:
        if given_first(lows, s) or personal(lows, s, e, owners=False) or (e < len(lows) and lows[e] in {"'s", "'"}):
            continue
        if (e - s == 1 and drug_shaped(lows[s])) or (e - s <= 2 and (
                _noun_after(lows, e) or (_before(lows, s) and all(unknown(lows[k]) for k in range(s, e))))):
            out.append(span_of(doc, s, e))
    return out
