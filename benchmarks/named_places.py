"""A development set for named places whose names are everyday words, said in speech and read as captions.

Why a set of its own: lower-cased captions lose the capital letter that tells "the Swan" (a pub) from "a swan"
(a bird), and the kinds of place that suffer most are the local ones a study's register never lists: pubs,
clubs, shops, churches, schools, care homes, estates, streets, local charities, small towns with everyday
names ("Reading", "Sale", "Bury"). Rules written against the hand-written set for these moved the blind sets
little, because they fitted the frames they were read from. This set is written for these kinds alone, by
the author of the rules that use it, before any rule was written, and split in two halves at once:

- ``named_places/tune/``: the half rules may be tuned on (read its misses, write a rule, measure again);
- ``named_places/held/``: the held-back half, measured once at the end of each step and never read for misses.

Each half has eight short one-to-one sessions (carers, service users, staff; Yorkshire, Nottingham, Antrim,
the Welsh valleys, Tyneside, the Black Country, Glasgow, Cornwall in the first; Lancashire, Merseyside, south
London, Fife, north Wales, Bradford, Hull, Suffolk in the second), each name said once or twice, every kind
above at least eight times a half. Beside the names stand just as many everyday uses of the same words, marked
as a negative kind ``everyday`` that must stay ("a swan went for my sister", "willows hanging over the pond",
"a second chance", "rugby"): a removal that touches one counts as a public word removed, so a rule that
catches a name by catching the word everywhere shows up at once.

Every session is written cased with a caption format, so ``benchmarks/anonymise.py --set named-places-tune``
(or ``named-places-held``) reports both casings, the captions being the row this set is for. The source
format, manifest and register are the hand-written set's (``handwritten.py`` builds it, with this set's
:data:`MARKUP`). All names but real towns are invented; the text is the project's own and shares its licence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import handwritten as hw  # noqa: E402

SOURCE = Path(__file__).resolve().parent / "named_places"
HALVES = hw.SPLIT_HALVES
EVERYDAY = "everyday"
PLACE_KINDS = hw.PLACE_KINDS | {"club", "shop", "care_home"}
MARKUP = hw.Markup(place_kinds=PLACE_KINDS, negative_kinds=hw.NEGATIVE_KINDS | {EVERYDAY})
# Heads that say what kind of place a name is ("Ysgol Glan Afon", "Hawthorn House", "Trowel and Hammer" keep
# their distinctive words); the benchmark lets these stay beside the other sets' generic words.
PLACE_GENERIC_EXTRA = frozenset({"club", "shop", "stores", "home", "court", "grange", "lodge", "arms", "bar",
                                 "primary", "high", "ysgol", "heol", "plas", "chy", "an", "y", "park", "drive",
                                 "square", "village"})


THIRD = "third"
"""A third part written after the two halves by another method, never tuned on: see :func:`load_half`."""
FOURTH = "fourth"
"""A fourth part written as captions keep speech (hesitations, repeats, restarts), never tuned on: see
:func:`load_half`."""
FIFTH = "fifth"
"""A fifth part of local venues and bodies alone (shops, organisations, clubs, pubs, firms), never tuned on: see
:func:`load_half`."""


def load_half(half: str) -> hw.Study:
    """One half of the set, or :data:`THIRD`; an unknown half is refused by name.

    The third part (``named_places/third/``) was written after a scored reader tuned on the first half gained
    +0.22 there and +0.04 on the held-back half, to measure what carries to text no rule saw. It differs in
    method, not only in names: its twelve sessions stand in twelve real site towns of regions the halves did
    not use (the fens, east Kent, Somerset, Cumbria, Lincolnshire, west Norfolk, north Devon, Shropshire, the
    High Peak, Tynedale, Dumfries and Galloway, Pembrokeshire), each named in the manifest's ``site`` column
    and not in the register; each is told as a route, a round or a week (the towns and villages near the site
    said in passing, as people say where they go), and each closes on a turn of everyday uses of the same
    words. Sites, towns and many streets, districts, schools and pubs are real places of those towns, written
    from general knowledge; the organisations, care homes, practices and most shops are invented. It is run only
    to measure, never read for misses.

    The fourth part (``named_places/fourth/``) was written before any rule for disfluent speech: the earlier
    parts are clean prose, while automatic captions keep the hesitations and repairs of speech ("we went to the
    um the Anchor", "along er along Ashey Road", "the the Sunflower", "on Queen Street, no, er, on Prince
    Street", "like", "you know"), and each frame a layer reads ("the" and words, a preposition of place, a kind
    word after the name) can break when one sits inside it. Its twelve sessions stand in twelve real site towns
    of regions no earlier part used (the Isle of Wight, Teesside, west Wiltshire, Derry, Aberdeenshire, north
    Herefordshire, west Dorset, Northamptonshire, Ceredigion, County Durham, the Essex coast, the Scottish
    Borders), each named in the manifest's ``site`` column and not in the register, with the same kinds as the
    halves (pubs, clubs, shops, organisations, schools, streets, estates, care homes) and beside them as many
    everyday uses of the same words. Districts, streets and some schools and pubs are real, from general
    knowledge; the organisations, clubs, care homes and most shops are invented. It is run only to measure,
    never read for misses.

    The fifth part (``named_places/fifth/``) was written before any rule for the kinds the fourth part still
    missed most in captions: shops, organisations, clubs and pubs (with the firms people work at). Its twelve
    sessions stand in twelve real site towns of regions no earlier part used (Oldham, the Potteries, Luton,
    Hastings, Southampton, Ayrshire, Inverness, Newry, Llanelli, Leicester, Gloucester, Falkirk), named in the
    manifest's ``site`` column only, with over a hundred venues and bodies nobody registered (a chippy, a bookies,
    a café by its owner's name, boxing, bowls, shinty and football clubs, a working men's club, pubs by their
    signs, food banks, peer and church groups), some said with hesitations, beside as many everyday uses of the
    same words ("a star bar", "the crown on his tooth", "bowls of soup") and a few chains and national bodies
    that must stay (marked ``public_body``). All venues are invented; towns and districts are real. It is run
    only to measure, never read for misses.
    """
    if half in (THIRD, FOURTH, FIFTH):
        return hw.load_study(SOURCE / half, MARKUP)
    return hw.load_half("named places", SOURCE, MARKUP, half)


if __name__ == "__main__":
    for h in (*HALVES, THIRD, FOURTH, FIFTH):
        print(f"{h}:")
        hw.describe(load_half(h))
