"""Wards, units and homes named "the" and a plural of trees, birds or flowers, read in one turn (issue 13).

In the UK houses, hospital wards, units and care homes are named from trees, birds, flowers and old features
of a house, in the plural with "the": "the Willows", "the Limes", "the Beeches", "the Larches", "the Gables".
Captions write them as everyday words, and the place layers leave plurals of dictionary words alone after "in
the" (a meeting's "in the rulings"); :mod:`..house_names` reads them only where the transcript speaks of care
homes. Here the turn itself says a place is named:

* **sure** (removed): a preposition of place and "the" before the plural, and either a verb of staying, care
  or moving someone a little before it ("stayed at the gables", "got moved to the paddocks", "ended up in the
  willows", "they sent him to the kestrels") or a word of time or treatment after it ("in the larches for six
  weeks", "on the limes inpatient", "the beeches overnight", "at the cedars for respite");
* **undecided** (an item of its own a reviewer decides; ``review --accept-all`` removes it): the same frame
  with neither, for the plurals seldom said as ordinary places ("we went to see her at the kestrels"); a
  plural of trees there is :func:`.facilities.tree_spans`' already ("went to the hollies"), removed;
* **kept**: plurals people walk in or look at ("in the meadows", "to the woods", "in the fields"), unless the
  turn's evidence above says a place; a plural that is trees or birds by what follows ("the willows by the
  river", "the swallows nesting"); a preposition not of place ("under the willows"); in cased text a plural
  without its capital.

The word lists were written for the project from the names of UK houses, wards, units and homes.
"""

from __future__ import annotations

import re

from ..house_names import PLURAL_NAMES
from .cue_scan import cued_finditer, register_cues
from .facilities import TREE_PLURALS

SURE_REASON = "a ward, unit or home named 'the' and a plural, said with a stay or a time of care (a frame of place)"
OPEN_REASON = "perhaps a ward, unit or home named 'the' and a plural, said where a place goes (check it)"

NAMES = PLURAL_NAMES | frozenset({
    "kestrels", "herons", "larks", "wrens", "robins", "swallows", "martins", "kingfishers", "swifts", "finches",
    "ravens", "rooks", "owls", "falcons", "bluebells", "poppies", "primroses", "foxgloves", "junipers",
    "magnolias", "lavenders", "brambles", "ferns", "daisies", "snowdrops", "cowslips", "harebells", "mulberries",
    "hazels", "alders", "aspens", "conifers", "evergreens", "cypresses", "myrtles", "beacons", "coppices",
})
"""Plurals wards, units and homes are named by: :data:`..house_names.PLURAL_NAMES` and birds and flowers."""
ORDINARY = frozenset({"meadows", "woods", "fields", "gardens", "hills", "downs", "dales", "fells", "moors",
                      "paddocks", "orchards", "trees", "hedges", "swallows", "ravens", "rooks", "owls"})
"""Plurals also said of where people walk or what they see ("in the meadows", "to the woods", "the swallows"):
read only with the turn's evidence, never as an undecided item on their own."""

_PREP = re.compile(r"(?i)(?<![\w'’-])(in|at|to|from|into|on|onto)\s+the\s+$")
_STAY = re.compile(
    r"(?i)(?<![\w'’-])(?:stay(?:ed|ing|s)?|admitted|readmitted|re-admitted|transferred|moved|moving|move|sent|"
    r"placed|put|discharged|ended\s+up|end\s+up|respite|sectioned|kept|lives?|lived|living|resident|rehoused|"
    r"booked|went\s+into|go\s+into|gone\s+into|taken|took\s+(?:him|her|me|them|us))\b[\w\s'’]{0,24}$")
"""A verb of staying, care or moving someone, a few words before the preposition."""
_AFTER = re.compile(
    r"(?i)^[\s,]+(?:(?:for|about|nearly|almost|over)\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a\s+few|a\s+couple\s+of|\d+|some|"
    r"several)\s+(?:\w+\s+)?(?:days?|nights?|weeks?|months?|years?|bit|while|stint|spell)"
    r"|for\s+respite|inpatient|in-patient|overnight|respite|as\s+an\s+inpatient|on\s+the\s+ward|ward\b|unit\b|"
    r"for\s+(?:treatment|rehab|assessment|detox|recovery)|(?:and|but)\s+the\s+(?:staff|nurses|carers))")
"""A word of time or of treatment after the name ("for six weeks", "inpatient", "for respite")."""
_THINGS_AFTER = re.compile(r"(?i)^\s+(?:tree|trees|wood|woods|forest|avenue|road|lane|drive|close|estate|by|near|"
                           r"along|outside|nesting|flying|singing|in\s+(?:blossom|bloom|leaf|flower)|were\s+in)\b")
"""After a plural: what makes trees, birds or a street of it ("the willows by the river")."""
_ENDED = re.compile(r"(?i)^(?:\s*$|\s*[.,;:!?)…-]|\s+(?:and|but|so|then|when|for|in|at|on|till|until|where|which|"
                    r"that|was|is|had|has|since|as|because|cos|now|there|i|we|he|she|they|you|it|after|before|"
                    r"over|overnight|inpatient|respite|first|again|last|yeah|um|er|erm|instead|anyway|most|every|"
                    r"this|with)\b)")
_PLURAL_WORD = re.compile(r"(?i)(?<![\w'’-])(" + "|".join(sorted(NAMES | ORDINARY)) + r")(?![\w'’-])")
_PLURAL_CUES = register_cues("named_plurals", NAMES | ORDINARY)
"""Every match of :data:`_PLURAL_WORD` is one of these words (:mod:`.cue_scan`)."""


def plural_place_spans(text: str, caseless: bool = True) -> list[tuple[int, int, bool]]:
    """``(start, end, sure)`` of every ward, unit or home named by a plural in one turn (module doc)."""
    out: list[tuple[int, int, bool]] = []
    for m in cued_finditer(_PLURAL_WORD, text, _PLURAL_CUES):
        word = m.group(1)
        if not caseless and not (word[:1].isupper() and not word.isupper()):
            continue
        before = text[max(0, m.start() - 60):m.start()]
        prep = _PREP.search(before)
        if prep is None:
            continue
        rest = text[m.end():m.end() + 60]
        if _THINGS_AFTER.match(rest) or not _ENDED.match(rest):
            continue
        evidence = bool(_AFTER.match(rest) or _STAY.search(before[:prep.start()]))
        low = word.lower()
        if evidence:
            out.append((m.start(), m.end(), True))
        elif low not in ORDINARY and low not in TREE_PLURALS and prep.group(1).lower() not in {"on", "onto"}:
            out.append((m.start(), m.end(), False))
    return out
