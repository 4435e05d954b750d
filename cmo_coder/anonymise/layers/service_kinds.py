"""A kind of service said by its kind: "the food bank", "the baby bank", "the community fridge", "the dads' group".

Families talk about where they get help by what it is, not by its name: "we got the pram from the baby bank", "she
takes the kids to the warm space at the library", "he's started going to the dads' group". These are common noun
phrases, as "the corner shop" or "the GP" are: they say nothing about who or where. The statistical model reads
"baby bank" or "Baby Bank" as an organisation, and a guess from the slot ("from the X") as a place; once accepted,
the surface is then removed in every transcript of the study, and the analyst loses what the help was.

So this module finds the phrase a determiner opens, then one or more words that say who a service is for ("baby",
"dads'", "families"), what it gives ("food", "clothes", "uniform", "nappy") or what it is ("community", "warm",
"welcome"), then a head that says the service ("bank", "fridge", "pantry", "space", "group", "hub", "café",
"club", "library"). Such a phrase is kept as public, so only a proposal lying inside it is dropped.

What still goes:

* a named service: "Tees Valley Baby Bank", "the Hartside Food Bank": the word before the kind is a name's, not a
  determiner, so the phrase is not read (and the whole name is proposed as before);
* a registered name: the register wins over every kept phrase (a team that registers its baby bank under the
  "baby bank" category still has it removed where its own name is said);
* a kind word alone: at least one word of :data:`KIND_WORDS` must stand before the head, so "the group" or "the
  local club" are not kept by this module (nor were they proposed).

The word lists were written for the project from how UK families and services speak of community help.
"""

from __future__ import annotations

import re

from .cue_scan import cued_finditer, first_runs, register_cues

DETERMINERS = ("the", "a", "an", "our", "their", "your", "my", "his", "her", "its", "this", "that", "these", "those",
               "local", "nearest", "another", "any", "every")
"""Words that open a common noun phrase: after one of these the phrase is a kind, not a name."""

KIND_WORDS = frozenset({
    # who it is for
    "baby", "babies", "toddler", "toddlers", "bump", "mums", "mum's", "mums'", "mams", "mam's", "mams'", "mothers'",
    "dads", "dad's", "dads'", "fathers'", "parents", "parent", "parents'", "family", "families", "kids", "kids'",
    "children's", "childrens", "youth", "teen", "teens", "men's", "mens", "women's", "womens", "carers", "carer's",
    "carers'", "older", "elderly", "veterans", "refugee", "asylum", "new",
    # what it gives
    "food", "clothes", "clothing", "uniform", "school", "nappy", "nappies", "toy", "toys", "book", "books",
    "furniture", "hygiene", "period", "formula", "pram", "soup", "bread", "fuel", "warm", "welcome", "community",
    "breastfeeding", "feeding", "weigh", "weighing", "support", "peer", "chat", "lunch", "breakfast", "coffee",
    "play", "repair", "baby-and-toddler", "stay-and-play", "cost-of-living", "charity", "church", "village",
})
"""Words that say who a service is for, what it gives or what it is (see the module doc)."""

HEADS = frozenset({"bank", "banks", "fridge", "fridges", "pantry", "pantries", "larder", "space", "spaces", "hub",
                   "group", "groups", "café", "cafe", "club", "kitchen", "swap", "library", "clinic", "drop-in",
                   "shop", "box"})
"""Heads that say a service of the community: kept only after words of :data:`KIND_WORDS`."""

_GENERIC = frozenset({"local", "new", "village", "church", "school", "community", "charity"})
"""Kind words that say too little alone: "the new club", "the church group" are kept only with another kind word
or with a head that only a service takes ("the community fridge", "the church food bank")."""
_SERVICE_ONLY = frozenset({"bank", "banks", "fridge", "fridges", "pantry", "pantries", "larder", "swap"})

_WORD = r"[\w][\w'’-]*"
_PHRASE = re.compile(r"(?i)(?<![\w'’-])(" + "|".join(DETERMINERS) + r")((?:\s+" + _WORD + r"){1,3}?)\s+(" +
                     "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True)) + r")(?![\w'’-])")
_PHRASE_CUES = register_cues("service_kinds", first_runs(DETERMINERS))
"""The first word of each way of :data:`_PHRASE` (:mod:`.cue_scan`)."""


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def service_kind_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of kinds of service said by their kind, from the determiner to the head."""
    out: list[tuple[int, int]] = []
    for m in cued_finditer(_PHRASE, text, _PHRASE_CUES):
        words = [_norm(w) for w in m.group(2).split()]
        if not all(w in KIND_WORDS for w in words):
            continue
        head = _norm(m.group(3))
        if all(w in _GENERIC for w in words) and head not in _SERVICE_ONLY:
            continue  # "the church group", "the new club": too little to say a service
        out.append((m.start(), m.end()))
    return out
