"""A football club named after a town that goes is removed whole, as "[football club]".

"Him and wor kid go to the match, Middlesbrough FC away" where the team registered Middlesbrough (or it is a site):
the club is a public name, but its first word is the registered town, so the town goes; what was left read
"[town] FC away". That placeholder still says a good deal: the speaker's town has a football club of that
shape, which with a site's region narrows it to a few towns. A reader of the quote needs to know a football club
was named, not that its name held a town.

So where a place that goes (a registered town, city or district, or a place a layer read) is followed by the
words that make it a club (``FC``, ``AFC``, ``F.C.``, or the rest of a club the clubs list holds under that town:
"Hartlepool United", "Sunderland AFC"), the proposal takes the whole club name and the placeholder "[football
club]". It keeps the place's layer, score and register key, so a registered town is still removed without a
decision, and the sign-off proof still finds nothing of it. A club no place inside goes ("Ross County",
"Middlesbrough FC" where Middlesbrough is not registered) is a public name and stays, as before. A club opened
by a town removed elsewhere in the transcript ("I live in Grimsby" … "Grimsby Town daft") goes whole too. The step
is the one for every public name holding a town (:mod:`.town_names`); this module reads a club's shape.
"""

from __future__ import annotations

import re
from functools import cache

from .candidates import Candidate
from .layers.club_context import CLUB_WORDS
from .layers.public_names import public_names

PLACEHOLDER = "[football club]"
_PLACES = frozenset({"place", "city", "district"})
_SUFFIX = re.compile(r"(?i)[ \t]+(?:a\.f\.c\.?|f\.c\.?|afc|fc)(?![\w'’-])")


FOOTBALL_ENDINGS = CLUB_WORDS | frozenset({"wed", "dons", "academical", "borough", "harriers", "celtic", "hibernian"})
"""Last words of a football club's name after its town: the club layer's words ("Leeds United", "Barnsley FC")
and a few more that end only a listed club's name here. The clubs list also holds rugby, cricket and netball clubs
and grounds ("Wigan Warriors", "Yorkshire CCC"), whose placeholder this module does not choose."""


@cache
def _club_rests(place: str) -> tuple[str, ...]:
    """The rest of each listed football club whose name begins with ``place`` (lower-cased), longest first
    ("hartlepool" → ("united",))."""
    rests = [c.lower()[len(place) + 1:] for c in public_names("clubs") if c.lower().startswith(place + " ")]
    return tuple(sorted((r for r in rests if r.split()[-1] in FOOTBALL_ENDINGS), key=len, reverse=True))


def club_end(text: str, start: int, end: int) -> int | None:
    """Where the club whose name begins with the place ``text[start:end]`` ends, or None if no club follows."""
    m = _SUFFIX.match(text, end)
    if m:
        return m.end()
    after = text[end:end + 40]
    for rest in _club_rests(" ".join(text[start:end].lower().split())):
        m = re.match(r"[ \t]+" + r"[ \t]+".join(map(re.escape, rest.split())) + r"(?![\w'’-])", after, re.IGNORECASE)
        if m:
            return end + m.end()
    return None


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with each public name holding a town settled, clubs among them (:func:`.town_names.settle`)."""
    from .town_names import settle as settle_names  # that step reads clubs with :func:`club_end`

    return settle_names(text, found)
