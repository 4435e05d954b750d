"""A guessed span that cuts a hyphenated word: a placeholder must replace whole words, never glue to one.

The statistical model splits "Ex-Navy" into "Ex", "-" and "Navy" and may read the first two as an
organisation; the signed-off text then says "[organisation name]Navy": a reader is told an organisation stood
where a prefix did, and the word beside it is mangled. In captions the same reading runs on from the word
before ("past bridgwater ex-" as one organisation), so the town's placeholder swallows the prefix as well.

So, for every span no registered item made (the register widens its own forms, and a person is widened by
the pipeline's own whole-word step):

* a span that ends in a prefix of English word-building and its hyphen, with a letter straight after ("Ex-"
  of "Ex-Navy", "… ex-" of "past bridgwater ex-navy"), loses the prefix: a prefix names nothing, and the word
  it is joined to is read by the layers on its own. A span that was only the prefix is dropped;
* a span that begins with such a prefix and its hyphen ("ex-Forces") begins after it, so the placeholder reads
  "ex-[organisation name]": what was replaced, and what the speaker said of it;
* any other span that ends or begins inside a hyphenated word ("Wolverhampton-" of "Wolverhampton-born") is
  widened over the whole word, as a person is: half a word left beside a placeholder still points at it, and
  the placeholder never glues to the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .candidates import Candidate
from .layers.register_shapes import compound_bounds

#: Prefixes English joins to a word with a hyphen ("ex-Army", "non-League", "post-Covid"): none is a name.
#: Not "mid", "pan" or "trans", which open names of regions and routes ("Mid-Atlantic", "Mid-Wales",
#: "Pan-European", "Trans-Pennine"): cut off, half the place's name was left beside its placeholder.
PREFIXES = frozenset({
    "anti", "co", "counter", "de", "ex", "extra", "half", "inter", "multi", "neo", "non", "over",
    "post", "pre", "pro", "pseudo", "quasi", "re", "self", "semi", "sub", "ultra", "un", "under",
})

_HYPHENS = "-‐"


def _word_start(text: str, end: int, lo: int) -> int:
    """Where the letters ending at ``end`` begin."""
    k = end
    while k > lo and text[k - 1].isalpha():
        k -= 1
    return k


def _trimmed(text: str, c: Candidate) -> Candidate | None:
    """``c`` without a prefix at either cut edge, widened over a hyphenated word it cuts otherwise; None when
    nothing but a prefix is left."""
    s, e = c.start, c.end
    if e < len(text) and e - s >= 2 and text[e - 1] in _HYPHENS and text[e].isalpha():
        w = _word_start(text, e - 1, s)
        if text[w:e - 1].lower() in PREFIXES:
            e = w
            while e > s and not text[e - 1].isalnum():
                e -= 1
            if e <= s:
                return None
    if e - s > 2 and text[s:e].count("-") + text[s:e].count("‐"):
        k = s
        while k < e and text[k].isalpha():
            k += 1
        if k < e - 1 and text[k] in _HYPHENS and text[k + 1].isalpha() and text[s:k].lower() in PREFIXES \
                and (s == 0 or not text[s - 1].isalpha()):
            s = k + 1
    cut_end = e < len(text) and text[e - 1] in _HYPHENS and text[e].isalpha()
    cut_start = s >= 2 and text[s - 1] in _HYPHENS and text[s - 2].isalpha() \
        and text[_word_start(text, s - 1, 0):s - 1].lower() not in PREFIXES
    if cut_end or cut_start:
        ws, we = compound_bounds(text, s, e - 1 if cut_end else e)
        s, e = (ws if cut_start else s), (we if cut_end else e)
    return c if (s, e) == (c.start, c.end) else replace(c, start=s, end=e)


def settle(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """Every candidate no registered item made, cut or widened to whole words (see the module's notes)."""
    out: list[Candidate] = []
    for c in found:
        if c.item_key is not None or c.category == "person":
            out.append(c)
            continue
        t = _trimmed(text, c)
        if t is not None:
            out.append(t)
    return out
