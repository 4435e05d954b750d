"""The words for a relative that families in the UK say to or of them in place of a name, in one list.

Three steps read these words: the kin words of address that make a proposal a relative named by relation ("Ba
has no English", "Papa ji's bed": :mod:`.kin_address`), the family words after a possessive ("my Dadi", "our
Oma": :mod:`.kin_said`), and the kin word a team writes before or after a registered name ("Auntie Pushpa",
"Pushpa Masi": :mod:`.registered_kin`). Each had its own copy, and a word added to one was missing from the
others. Here the words are written once; what each step needs is read from them:

* :data:`KIN_OF_ADDRESS`: every word here;
* :func:`kin_also_names`: the words some name list also holds as a given name, which only a possessive before
  them makes a relative (a word on no name list is kept by the kin list, ``data/public_names/kin.txt``, and a
  UK given name after "my" is as often a daughter or a wife, so neither is one);
* :data:`KIN_LEADS` and :data:`KIN_TAILS`: the words said before or after a given name ("Auntie Pushpa", "Pushpa
  Masi").

Written for the project from how British Asian, Somali, Polish, Irish, German, Turkish, Tagalog, Tamil,
Slavic-speaking, Kurdish, Syrian, Roma and Eritrean families speak of their own in English; words that are common
nicknames or given names in the UK ("Didi", "Kaka" alone) are left out of the words of address.
"""

from __future__ import annotations

from functools import cache

KIN_OF_ADDRESS = frozenset({
    # Gujarati, Hindi and Punjabi: parents, grandparents, aunts, uncles and elder siblings
    "ba", "bapa", "bapu", "bapuji", "bauji", "pitaji", "mataji", "maaji", "biji", "bebe", "nani", "nanaji",
    "naniji", "dadi", "dada", "dadaji", "dadiji", "masi", "massi", "masiji", "mami", "mamaji", "bhabhi",
    "bhaiya", "bhaiyya", "behen", "mummy", "mummyji", "papaji", "daddy",
    # Urdu, Punjabi and Pahari (Pakistani and Kashmiri families) and Bengali: mother, father, elder sister and
    # brother, father's and mother's brothers and sisters, grandparents, daughter
    "ammi", "ammiji", "abbu", "abbuji", "abbaji", "baji", "aapa", "appi", "apu", "bhaijaan", "chachi",
    "chachu", "khala", "khalu", "mamu", "mamoo", "phuppo", "phupho", "phuphi", "tayi", "nanu", "dadu", "beti",
    # Persian, Urdu and Bengali; Arabic, Hebrew, Turkish, Swahili and Slavic; Tamil and Malayalam
    "bibi", "babu", "baba", "abba", "nene", "amma",
    # Gujarati father's sister ("Foi", "Fai", "Phoi")
    "foi", "fai", "phoi",
    # Somali and Polish; German and Dutch; Croatian and Serbian; Tagalog. Somali uncles and aunts: "Abti" the
    # mother's brother, "Adeer" the father's brother, "Eedo" the father's sister, "Habaryar" the mother's sister
    "hooyo", "aabo", "abo", "ayeeyo", "awoowe", "abti", "adeer", "eedo", "habaryar", "babcia", "dziadek",
    "mamusia", "tata", "tato", "ciocia", "wujek",
    "oma", "baka", "tito",
    # Slovak and Slovak Roma families
    "mamka", "ocko", "dedko", "starka",
    # Kurdish (Sorani and Kurmanji): mother, father, grandmother, grandfather, mother's brother; Levantine Arabic
    # (Syrian families): grandmother, grandfather, aunts and uncles; Slovak and Czech Roma families' grandfather
    # and grandmother; Tigrinya (Eritrean families): mother. "Ama" (Tigrinya, and an Akan given name) is left out
    "daye", "dayka", "bavo", "bavko", "dapir", "dapîr", "bapir", "bapîr", "xalo", "teta", "tete", "jiddo",
    "jeddo", "sido", "khalto", "ammo", "dedo", "deda", "děda", "babka", "babička", "adey",
    # Northern English speech ("me mam", "me nan")
    "mam", "nan", "gran", "grandad", "grandma",
    # Irish, Ulster and Scots speech
    "mammy", "da", "granda", "nanny", "papa", "mama",
    # Welsh, said in English speech in Wales: grandmother and grandfather in the north, and in the south
    "nain", "taid", "mamgu", "tadcu",
})
"""Words for a parent, grandparent, aunt or elder said to or of them ("Ba has no English", "Papa ji's bed",
"Hooyo asked for her sister", "my Oma"): a relative named by relation, never a name by itself."""

_ELDERS_BY_NAME = frozenset({
    # Urdu, Punjabi and Pahari of Pakistani and Kashmiri families, and Bengali: elders and elder siblings said
    # with a given name ("Chacha Ghafoor", "Baji Shabana", "Shabana Baji", "Tariq Bhaiya")
    "chacha", "chachi", "chachu", "khala", "khalu", "mamu", "phuppo", "baji", "apa", "aapa", "apu", "bhaiya",
})
KIN_LEADS = frozenset({"auntie", "aunty", "uncle", "kaka", "kaki", "ammi", "abbu", "pani", "abo", "abu",
                       # British and Irish families' words before a parent's or grandparent's given name ("Mam
                       # Eira", "Nain Jones", "Taid Huw", "Granny Rose", "Nanny Pat")
                       "mam", "nain", "taid", "mamgu", "tadcu", "granny", "granda", "nanny", "nana"}) | frozenset({
    # English kin words a family says before a name, and the Northern "our" of a sibling or child ("Aunt Patsy",
    # "Nana Joan", "our Tracey", "wor Kev"): a team writes the alias as the family says it, and "Aunt" was made a
    # registered given name, so every "my aunt" was an open item as a person
    "aunt", "nan", "nana", "nanna", "gran", "granny", "grandma", "grandad", "grandpa", "our", "wor"}) | (
    _ELDERS_BY_NAME) | (
    KIN_OF_ADDRESS & {"masi", "massi", "mami", "nani", "dadi", "hooyo", "aabo", "abti", "adeer", "eedo", "habaryar"})
"""Kin words said before a given name ("Auntie Pushpa", "Hooyo Halima", "Masi Kanta", "Abti Yusuf"). "Auntie",
"Uncle", "Kaka" and "Kaki" are said of elders who are no kin too, so they are no relative by themselves; nor is the
Polish "Pani" ("Mrs", said before a woman's given name: "Pani Zofia"), which is here for that place only; nor are
the Arabic "Abo" and "Abu" of a father called after his child ("Abo Yasmin": the child's name goes, the word
stays)."""
KIN_TAILS = (frozenset({"auntie", "aunty", "uncle", "kaka", "kaki", "appi", "bhaiyya", "jaan"}) | _ELDERS_BY_NAME
             | (KIN_OF_ADDRESS & {"masi", "massi", "mami", "ba", "foi", "fai", "phoi"}))
"""Kin words said after a given name ("Pushpa Masi", "Harjit Uncle", "Jayanti Kaka", and in Gujarati families an
elder woman as "Kanta Ba" and a father's sister as "Hansa Foi")."""


@cache
def kin_also_names() -> frozenset[str]:
    """The words of :data:`KIN_OF_ADDRESS` that a name list holds, no UK given name, and not on the kin list
    (which keeps its words wherever they are said): "dadi", "oma", "masi", "granda"."""
    from .layers.public_names import public_names
    from .layers.words import listed_names
    from .namelists import uk_given

    kin = {k.lower() for k in public_names("kin")}
    return frozenset(w for w in KIN_OF_ADDRESS if w in listed_names() and w not in uk_given() and w not in kin)
