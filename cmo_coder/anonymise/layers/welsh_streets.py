"""Welsh street names, whose head word comes first: "Heol y Felin", "Ffordd yr Orsaf", "Stryd Fawr".

English streets end in their kind ("Mill Lane"); Welsh ones begin with it, often with the article
"y"/"yr" between ("Heol y Felin" is Mill Road, "Lôn Las" Green Lane). The street layer reads
heads at the end, so it let "Heol" alone go to the model (read as a town) and left the name after
it in the text: "[city name] y Felin". The head words are from the Welsh Language Commissioner's
street-naming guidance (heol, ffordd, stryd, lôn, rhodfa, cilgant, teras, clos, maes, llys).

* **Cased text**: a capitalised head, an optional article, and one or two capitalised words
  ("Heol y Felin", "Stryd Fawr", "Maes y Coed", "Heol Senni").
* **Captions**: the heads no English word shares (heol, ffordd, stryd, lôn, rhodfa, cilgant) with the
  word after them; the others ("maes", "teras", "clos", "llys", "lon") only with the article after
  them ("maes y coed").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

_HEADS = ("heol", "ffordd", "stryd", "lôn", "lon", "rhodfa", "cilgant", "teras", "clos", "maes", "llys")
_PLAIN_HEADS = frozenset({"heol", "ffordd", "stryd", "lôn", "rhodfa", "cilgant"})
"""Heads no English word shares: in captions they need no article after them."""
_WORD = r"[^\W\d_][\w'’-]*"
_STREET = re.compile(r"(?i)\b(" + "|".join(_HEADS) + r")\s+(?:(y|yr|'r|’r)\s+)?(" + _WORD + r")(?:\s+("
                     + _WORD + r"))?")
CUES = frozenset(_HEADS)
"""Words one of which a text must say for :func:`welsh_street_spans` to find anything."""


def welsh_street_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of Welsh street names in ``text`` (module doc)."""
    out: list[tuple[int, int]] = []
    for m in _STREET.finditer(text):
        head, article, first, second = m.group(1), m.group(2), m.group(3), m.group(4)
        if first.lower() in STOP_WORDS:
            continue
        if caseless:
            if head.lower() not in _PLAIN_HEADS and article is None:
                continue
            end = m.end(3)
        else:
            if not (head[:1].isupper() and first[:1].isupper()):
                continue
            end = m.end(4) if second is not None and second[:1].isupper() else m.end(3)
        out.append((m.start(), end))
    return out
