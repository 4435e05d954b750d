"""Titles of office, faith and respect, and kin words of address, that a team writes around a name in a register
row ("Staff Nurse Magee", "Fr Rooney", "Giani Harbhajan Singh", "Sheikh Abdirahman", "Auntie Pushpa", "Pushpa
Masi", "Giani ji"). They say how the person is spoken to, and are no part of the name: taken as name forms they
made "nurse", "staff", "auntie" or the honorific "ji" a registered person everywhere ("the district nurse" →
"the district [nurse's name]", "Papa ji" → "Papa [granthi's name]"). The name's forms are made from what is
left; the whole row, title and all, stays a form of its own, so "Giani ji" said as written still goes.

Written for the project from how people in the UK address clergy, nurses and elders: English and Irish church
titles, ward titles, and the Punjabi, Gujarati, Hindi, Urdu, Arabic and Somali words of respect and kinship said
before or after a given name (``-ji``, ``-ben``, ``-bhai``, "Masi", "Hooyo").
"""

from __future__ import annotations

from .kin_words import KIN_LEADS, KIN_OF_ADDRESS, KIN_TAILS

LEAD_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "nurse", "sister", "matron", "father",
    "fr", "rev", "revd", "reverend", "canon", "pastor", "vicar", "bishop", "deacon", "councillor", "cllr",
    "imam", "sheikh", "shaykh", "sheikha", "maulana", "moulana", "mufti", "ustadh", "giani", "gyani", "granthi",
    "pandit", "pundit", "swami", "rabbi",
    # a man of religious learning ("Hafiz Bilal")
    "hafiz", "qari", "molvi", "moulvi",
}) | KIN_LEADS | frozenset({
    # ranks of the Navy, the Royal Marines, the Army and the RAF, and of the police, as a team writes a serving
    # or former member's row ("Chief Drake", "Sergeant Major Nolan", "Capt Okafor", "Cpl Moyo", "DS Kaur"): said
    # alone ("the Chief", "the Major") they name an office, not the person. Ranks that are also given names
    # ("Lance", "Wing", "Col", "Di", "Marine") are titles only before another rank (:data:`RANK_PAIRS`).
    "chief", "captain", "capt", "major", "sergeant", "serjeant", "sgt", "corporal", "cpl", "bombardier", "bdr",
    "lieutenant", "lt", "colonel", "brigadier", "commander", "cdr", "commodore", "admiral", "mne", "private",
    "pte", "sapper", "trooper", "rifleman", "seaman", "airman", "inspector", "constable", "pc", "ds", "dc", "cpo",
    "rsm", "csm", "officer",
})
"""Words said before a name that title or address the person ("Fr Rooney", "Giani Harbhajan", "Auntie Pushpa",
"Hooyo Halima"). Lower-cased, without a full stop."""

WARD_TITLES = frozenset({"staff", "charge", "ward"})
"""Words that make a nursing title with the one after them ("Staff Nurse", "Charge Nurse", "Ward Sister"): a
title only there, since "Staff" or "Ward" alone may be a surname."""

TAIL_HONORIFICS = frozenset({"ji", "jee", "sahib", "saheb"}) | KIN_TAILS
"""Words of respect or kinship said after a given name ("Giani ji", "Pushpa Masi", "Harjit Uncle", and in
Pakistani, Kashmiri and Bangladeshi families "Shabana Baji", "Tariq Bhaiya", "Ghafoor Chacha")."""

TAIL_LOWER_ONLY = frozenset({"ben", "bhai", "behn"})
"""Gujarati "sister" and "brother" said after a given name ("Hansa ben", "Jayanti bhai"): a title only when written
in lower case, since "Ben" is a given name and a surname too."""


RANK_PAIRS = frozenset({"lance", "wing", "flight", "squadron", "group", "petty", "warrant", "colour", "color",
                        "staff", "leading", "able", "rear", "vice", "air", "sergeant", "chief", "lieutenant",
                        "major", "detective"})
"""First words of a rank of two words ("Lance Corporal", "Wing Commander", "Petty Officer", "Colour Sergeant",
"Leading Hand", "Sergeant Major"): a title only with the rank word after them, since "Lance" and "Wing" are given
names too."""
_RANK_SECONDS = frozenset({"corporal", "bombardier", "commander", "leader", "lieutenant", "officer", "sergeant",
                           "major", "hand", "seaman", "admiral", "captain", "marshal", "commodore", "inspector",
                           "constable", "sgt", "cpl"})


def _lead_title(tokens: list[str]) -> int:
    """How many tokens at the start are a title (0, 1 or 2)."""
    word = tokens[0].lower().rstrip(".")
    if word in WARD_TITLES and len(tokens) > 1 and tokens[1].lower() in {"nurse", "sister"}:
        return 2
    if word in RANK_PAIRS and len(tokens) > 1 and tokens[1].lower().rstrip(".") in _RANK_SECONDS:
        return 2
    return 1 if word in LEAD_TITLES else 0


def _tail_title(token: str) -> bool:
    word = token.lower().lstrip("-")
    return word in TAIL_HONORIFICS or (token.islower() and word in TAIL_LOWER_ONLY)


FAMILY_TAILS = frozenset({"family", "families", "household"})
"""Words a team writes after a surname for a whole family ("D'Souza family"): the surname is the name; taken as a
form, "family" was a registered person in every sentence that spoke of a family."""


def without_titles(tokens: list[str]) -> list[str]:
    """``tokens`` without the titles and words of address before and after the name, and a family's word after a
    surname ("D'Souza family"). Unlike :func:`.name_leads.drop_name_leads` it may leave nothing: a row that is
    only a title and an honorific ("Giani ji", "Auntie") names nobody by any one of its words, and only the
    whole is a form."""
    start, end = 0, len(tokens)
    while start < end and (step := _lead_title(tokens[start:end])):
        start += step
    while end > start and (_tail_title(tokens[end - 1]) or (end - start > 1 and tokens[end - 1].lower() in
                                                             FAMILY_TAILS)):
        end -= 1
    return tokens[start:end]


JOINED_HONORIFICS = ("ben", "bhai", "ji")
"""Gujarati "sister" and "brother" and the Hindi and Punjabi "ji", written joined to a given name as one word
("Hansaben", "Jayantibhai", "Harjitji"): the one word is the person, and no form made by splitting at spaces
holds it."""


def joined_honorific_forms(given: str) -> list[str]:
    """A given name with each honorific joined to it, as one word and hyphenated ("Hansaben", "Hansa-ben")."""
    if len(given) < 2 or not given.isalpha():
        return []
    return [form for tail in JOINED_HONORIFICS for form in (f"{given}{tail}", f"{given}-{tail}")]


_ADDRESS_WORDS = KIN_OF_ADDRESS | TAIL_HONORIFICS


def only_words_of_address(text: str) -> bool:
    """Whether ``text`` is kin words and honorifics only ("Papa ji", "Ba", "Dadi-ji", "Masi"): what a model reads
    as a PERSON there is a relative named by relation. "ben" and "bhai" count in lower case only ("Ben" is a
    name)."""
    words = text.replace("-", " ").split()
    return bool(words) and all(w.lower() in _ADDRESS_WORDS or (w.islower() and w in TAIL_LOWER_ONLY) for w in words)
