"""Which caption words can be somebody's given name or the familiar form of one, nobody registering them.

Captions have no capitals: "then mags turned round and said", "our kel he was the one", "me and trace
we go way back". The name lists hold "margaret", "kelly" and "tracey", not what speech makes of them.
The register makes a registered person's familiar forms by rule (:mod:`..familiar`: clipping, silent
e, "-o/-y/-s/-zza", r→l); here the same rules run over the common given names of the UK and census
lists and the English nickname lists, so that a form nobody registered is known as a name's shape:
"kel" ← Kelly, "stevo" ← Steven, "mags" ← Maggie, "trace" ← Tracey, "shell" ← Shelley.

Two kinds come out, used by :mod:`.cues`:

* :func:`plain_familiar`: forms that are no everyday word, no dictionary word, no place and seldom
  written in lower case ("kel", "tez", "stevo"): in a person's position they are a person, as a listed
  given name is;
* :func:`common_given`: given names real people bear (census, UK and nickname lists; not Faker's
  many-locale lists, which also hold "governor", "angle" and "math") together with the derived forms
  English seldom writes in lower case, words among them ("dawn", "summer", "mags", "trace"): an
  everyday word among these is a person only
  where the words around it leave no other reading (:func:`..context.strong_person_cue`, "X's mum").
"""

from __future__ import annotations

from functools import cache

from ..familiar import clipped_forms, nickname_stems, silent_e_forms, suffix_forms
from ..namelists import census_given, uk_given
from ..register import curated_nicknames, nickname_groups
from ..stored_lists import stored
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    PEOPLES,
    SELDOM_LOWER,
    in_dictionary,
    is_everyday,
    lowercase_usage,
    place_names,
)

_COMMON_CENSUS_SHARE = 0.005
"""Census given names at least this common (per cent of people; about the 1,500 most common of each
list): the names whose familiar forms speech makes. Rare census names ("agatha", "ardell") clip to
shapes that are seldom anyone's form and often some other language's word."""


ENDEARMENTS = frozenset({
    "sunshine", "darling", "duck", "ducky", "chuck", "flower", "petal", "sweetheart", "sweetie", "babe", "baby",
    "boss", "chief", "pal", "bud", "buddy", "kid", "son", "lad", "cock", "cocker", "hen", "doll", "princess",
    "treasure", "angel", "honey", "sugar", "love", "lovey", "pet", "hun", "mate", "bro", "sis", "dear", "dearie",
    "poppet", "mush", "blossom", "sweet", "bab", "babs", "queen", "king", "boy", "girl", "lady", "madam",
    "captain", "skip", "gaffer", "guv", "guvnor", "mister", "missus", "sir", "fella", "lass", "lassie"})
"""Words said to someone as a name is ("cheers chuck", "ta sunshine", "thanks petal"): no one's name
here, though some are given names on a list."""


@cache
def real_given() -> frozenset[str]:
    """Given names real people bear: the UK list, the census lists and the English nickname lists."""
    return frozenset(uk_given() | set(census_given()) | set(nickname_groups()) | set(curated_nicknames())) - KINSHIP


@cache
def _sources() -> frozenset[str]:
    """The common given names familiar forms are made from (see :data:`_COMMON_CENSUS_SHARE`)."""
    census = {n for n, share in census_given().items() if share >= _COMMON_CENSUS_SHARE}
    return frozenset(n for n in census | uk_given() | set(nickname_groups()) if len(n) >= 4 and n.isalpha())


@cache
@stored("derived_familiar")
def derived_familiar() -> frozenset[str]:
    """Every familiar form the register's rules make of a common given name, words among them."""
    forms: set[str] = set()
    for name in _sources():
        forms.update(clipped_forms(name))
        forms.update(silent_e_forms(name))
        forms.update(suffix_forms(name))
        forms.update(nickname_stems(name))
        stem = clipped_forms(name)[:1]
        if stem and stem[0][-1] in "rn" and len(stem[0]) >= 3:  # "kaz" (Karen), "shaz" (Sharon), "gaz" (Gary)
            forms.add(stem[0][:-1] + "z")
    never = FILLERS | CALENDAR | PEOPLES | KINSHIP
    return frozenset(f for f in forms if len(f) >= 3 and f.isalpha() and f not in never)


@cache
@stored("plain_familiar")
def plain_familiar() -> frozenset[str]:
    """Derived forms that spell no word and no place and that English seldom writes in lower case ("kel",
    "tez", "stevo"): a person wherever a person's cue stands beside one."""
    usage, places = lowercase_usage(), place_names()
    return frozenset(f for f in derived_familiar() if not is_everyday(f) and not in_dictionary(f)
                     and usage.get(f, 0) < SELDOM_LOWER and f not in places)


@cache
@stored("common_given")
def common_given() -> frozenset[str]:
    """Names real people bear and the derived familiar forms English seldom writes in lower case, words
    among them ("dawn", "mags"): a derived form that is a common word ("lazy" of Lazarus, "bart") is the
    word far more often than anybody's name."""
    usage = lowercase_usage()
    return real_given() | frozenset(f for f in derived_familiar() if usage.get(f, 0) < SELDOM_LOWER)
