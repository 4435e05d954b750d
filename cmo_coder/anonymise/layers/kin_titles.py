"""A kin title before a name stays; only the name goes ("Grandma [name removed]", "Aunty [name removed]").

"Grandma Jean", "Nan Pearl", "me and Grandad Tomasz": the statistical model and the title rules read the kin word
and the name as one person, so an unchecked pass removes "Grandma" too, and a study loses who the person was to
the speaker. A kin word is never a name, and it says no more than "my grandma" does, which every pass keeps. So a
proposal that begins with a grandparent's word and goes on to a given name is cut to the name ("Grandma Okafor"
stays whole: a surname after the word may make the word part of how the person is known). Of the grandparent
words "Nana" is never cut, also a given name and a title of Akan families ("Nana Mensah"). "Mama" and "Papa" are
also said of elders who are no kin ("the pastor's wife, Mama Folasade"), where the title is part of what the
person is called, and go with the name; so do the words for aunts, uncles and elder siblings of other languages
("Khala", "Baji", "Eedo"), said of elders as often as of kin.

The words for a parent or a grandparent in the languages of UK families are kin words only, as the English
grandparent words are: "Hooyo Halima", "Babcia Irena", "Ammi Shabana" say the speaker's mother or grandmother, no
more than "my mum" or "my gran" does, so they are cut the same way (:data:`PARENT_AND_GRANDPARENT_WORDS`).

The English words for an aunt or an uncle ("Aunty Pat", "Uncle Des", "my Auntie Bev") are cut too
(:data:`AUNT_AND_UNCLE_WORDS`), before a given name or before any one word that ends the proposal ("Uncle Des",
"Uncle Mick"). Said of an elder who is no kin, "Auntie" still says no more than the word alone does, which every
pass keeps ("an auntie at the gurdwara"): it is the name after it that narrows a person down, and the name still
goes whole. Removed with the name, the word cost the study who the person was to the speaker, and a kin term
removed is a public word lost in the issue's count. The elders' titles of other languages ("Mama Folasade",
"Khala", "Baji") are part of what the person is called and still go with the name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..candidates import Candidate
from .titles import GRANDPARENT_TITLES
from .words import name_lexicon

KIN_TITLES = GRANDPARENT_TITLES | {"nanny", "grandpa", "granda", "grampa", "grandmother",
                                   "grandfather", "gramps", "nain", "taid"}
"""Grandparent words in every casing (the titles' own, and the Welsh "Nain" and "Taid"); written for the project.
No word here is a given name of the name lists (a test checks)."""
_LEAD = re.compile(r"([^\W\d_]+)[ \t]+(?=[^\W\d_])")
_WORD = re.compile(r"[^\W\d_]+")


_PARENTS_AND_GRANDPARENTS = """
ammi abbu ammiji abbaji amma appa ammu hooyo aabo ayeeyo awoowe nanima dadima naniji dadaji dadiji nanaji bauji beeji
biji pitaji mataji thatha paati ammamma appamma ammachi appachan ajji ajja aaji thakuma thakurma thakurda dadu nanu
popo yeye waipo waigong babcia babunia dziadek dziadzio babushka dedushka bunica bunicul buni yiayia pappou nonna
nonno abuela abuelo abuelita abuelito avó avô vovó teta jiddo sitto sitti jedda anneanne babaanne nagymama nagypapa
bubbe zayde savta halmeoni harabeoji obaachan ojiichan mamó daideó mamgu tadcu bampi mamgi grannie grandmama
grandpapa grampy nanan gangan mummy daddy mammy jajja maame
"""
PARENT_AND_GRANDPARENT_WORDS = frozenset(_PARENTS_AND_GRANDPARENTS.split())
"""Words for a mother, a father or a grandparent that UK families of South Asian, Somali, Chinese, Polish, Russian,
Romanian, Greek, Italian, Spanish, Portuguese, Arabic, Turkish, Hungarian, Jewish, Korean, Japanese, Irish, Welsh,
Ugandan and Ghanaian origin say before a given name, and English forms the titles above do not hold; written for the
project from common usage. Said of the speaker's own family only, never of an elder who is no kin (the words for
aunts, uncles and elder siblings are not here). A word a name list holds is left out by :func:`family_leads`."""


AUNT_AND_UNCLE_WORDS = frozenset({"auntie", "aunty", "aunt", "uncle"})
"""The English words for an aunt or an uncle, cut before a given name like the grandparent words (module doc); kept
apart from :func:`family_leads`, which other steps read as the words only a parent or grandparent is called."""


@cache
def family_leads() -> frozenset[str]:
    """The kin words cut off the start of a proposal: the grandparent titles, and the parent and grandparent words
    of other languages that no name list holds as a given name or a surname ("Amma" is also a given name)."""
    names = name_lexicon("all")
    return KIN_TITLES | frozenset(w for w in PARENT_AND_GRANDPARENT_WORDS if w not in names)


def cut_kin_title(c: Candidate, text: str) -> Candidate:
    """``c`` without a grandparent's, a parent's, an aunt's or an uncle's word at its start, if a given name follows
    inside it; ``c`` itself otherwise.

    Offsets stay exact: the cut starts at the first character of the next word, which is still in ``c``."""
    m = _LEAD.match(text, c.start, c.end)
    if m is None or m.end() >= c.end:
        return c
    lead = m.group(1).lower()
    if lead not in family_leads() and lead not in AUNT_AND_UNCLE_WORDS:
        return c
    name = _WORD.match(text, m.end(), c.end)
    if name is None:
        return c
    low = name.group(0).lower()
    if low not in name_lexicon("first") and not (lead in AUNT_AND_UNCLE_WORDS and _lone_short_form(low, name.end(),
                                                                                                   c.end)):
        return c
    return replace(c, start=m.end())


def _lone_short_form(low: str, end: int, c_end: int) -> bool:
    """The name after an aunt's or an uncle's word is one word, the proposal's last: the short forms kin are called
    by are often on no given-name list ("Uncle Des", "Uncle Tel"), or on the surname list alone ("Uncle Mick"). The
    word is cut whatever that name is, since only the name narrows a person down and it still goes whole; a longer
    run ("Auntie Pat Hollins") is cut only before a given name, as the grandparent words are."""
    return end == c_end and bool(low)
