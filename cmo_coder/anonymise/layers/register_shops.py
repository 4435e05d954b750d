"""A familiar form the register made by rule that is a listed shop's or chain's name, said where a shop stands.

The register derives familiar forms from every registered name ("Greggs" of a Greggson, "Boots" of a Bootham), and
a registered form wins over every list, so "a sausage roll from Greggs" lost the bakery as "[name removed]" though
the brands list holds it: the same mechanism that keeps sound-alikes off public words (:mod:`.sound_alike`) did not
reach forms made by rule. Such a form is the team's guess at what the person is called; the shop is what the
speaker said when the word stands where one goes to or buys from ("from Greggs", "at Boots", "down to Greggs").

So a form made by rule (not the registered name, an alias, or one of their words) that is one listed brand's name
whole, after a word of going or buying from and with no possessive or name after it, is no silent removal but a
per-occurrence review item whose reason names the shop: the reviewer decides it. It is not simply kept, and it
carries no word reading (``review --keep-word-readings`` does not keep it), since the same slot holds a person ("a
lift from Greggs", "shouted at Greggs"); ``--accept-all`` removes it, as every open item. The form the team wrote
("Greggs" as an alias), and the person said in any other slot ("Greggs said he'd come"), still go as registered. A
brand that ends in a possessive ("Nando's") is never read this way: "went to Nando's" may be the person's home.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from ..register import RegisterItem
from .public_names import public_names

SHOP_REASON = "registered person's form made by rule, said as a listed shop?"
"""The review reason: the reviewer reads the slot, as for a registered word-name said as a public body."""

SHOP_SLOT = frozenset({"from", "at", "to", "into", "outside", "near", "round", "in"})
"""Words after which a shop's name stands: where one goes, buys from or waits outside."""


@cache
def _brand_words() -> frozenset[str]:
    """One-word listed brands in lower case, those written with a possessive left out."""
    return frozenset(b.lower() for b in public_names("brands")
                     if len(b.split()) == 1 and "'" not in b and "’" not in b)


def made_by_rule(item: RegisterItem, variant: str) -> bool:
    """Whether ``variant`` is a form the register derived, not one the team wrote (the name, an alias) or a word
    of one of those."""
    low = variant.lower()
    written = {w.lower() for form in (item.surface, *item.aliases) for w in (form, *form.split())}
    return low not in written


def a_shop_said(span: Span, item: RegisterItem, variant: str) -> bool:
    """Whether the one-word registered match ``span`` is a listed brand said in a shop's slot, by a form made by
    rule: "a sausage roll from Greggs" for a registered Greggson's "Greggs"."""
    if len(span) != 1 or item.category != "person" or span[0].lower_ not in _brand_words():
        return False
    if not made_by_rule(item, variant):
        return False
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in SHOP_SLOT:
        return False
    if span.end < len(doc):
        after = doc[span.end]
        if after.lower_ in {"'s", "’s", "s"} or after.pos_ == "PROPN":
            return False  # "from Greggs's mum", "from Greggs Hall": a person or a name goes on
    return True
