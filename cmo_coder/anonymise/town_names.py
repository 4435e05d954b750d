"""A public name holding a town: kept whole while the town stays, removed whole while the town goes.

Events, football clubs, dishes and charities' local branches are named after towns: "Brighton Pride", "Grimsby
Town", "Eccles cakes", "Rotherham Mind"; and public bodies after their county ("Cumbria County Council",
"Merseyside Police", :mod:`.layers.county_bodies`). A county's body is the one kind that does not go whole where
its county goes: its kind is a public service every resident of the county has, so only the county goes ("[place
name] Police", "[place name] County Council"), as the service heads have it (:mod:`.layers.name_edges`). Each is a
public name, and the studies' own rules keep public names (READMEs: "Brighton Pride", "Middlesbrough FC", "Mind",
"Merseyside Police" stay). But the town in it is the town's own word:

* **the town goes** (a registered town or a site, or a town a layer removed elsewhere in the same transcript,
  "I grew up in Eccles" … "Eccles cakes"): removing the town alone leaves "[town] FC", "[place name] Pride",
  "[place name] cakes", which tell a reader that the speaker's town has a club, a Pride or a cake of that shape
  and so narrow it to a few towns; leaving the name whole gives back the town removed. So the whole name goes,
  with the placeholder of its kind (:data:`PLACEHOLDERS`). A candidate on the town keeps its layer, score and
  register key, so a registered town is still removed without a decision and the sign-off proof still finds
  nothing of it.
* **the town stays** (on no register, not a site, and said nowhere else in the transcript but inside public
  names): the name is the public body's, event's or dish's and stays whole. A reading of the town alone, or of
  the whole name, by the model or the place lists is dropped inside it: "[city name] Mind" told nobody anything
  a reader needed, and lost the body. A registered or sound-alike reading, or a per-occurrence one, is never
  dropped: a registered person whose name is in a public name still goes ("Kendal" in "Kendal mint cake" where a
  Kendal is registered).

A club is read as before (:func:`.club_towns.club_end`, the clubs list and the words that end a club): its town
decides only the club's widening, since a club a town does not open is kept or removed by the club layers. The
shapes of the other names are :func:`.layers.place_events.named_after_place` (events and dishes),
:func:`.layers.place_branches.branch_names` (charities' local branches) and :func:`.layers.county_bodies.county_bodies`
(a county's bodies). A territorial health board is not read
here: it goes whole as "[trust name]" wherever it is said (:mod:`.layers.health_boards`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .candidates import Candidate
from .club_towns import club_end
from .layers.club_context import CLUB_THINGS, SUPPORT, WATCH, WATCHED_DOING
from .layers.county_bodies import county_bodies
from .layers.place_branches import branch_names
from .layers.place_events import EVENT_HEADS, named_after_place

EVENT = "[event]"
CLUB = "[football club]"
DISH = "[dish]"
BRANCH = "[service name]"
PLACEHOLDERS = {"event": EVENT, "club": CLUB, "dish": DISH, "branch": BRANCH}
"""The placeholder of each kind of public name, where its town goes."""

REASON = "a public name holding a town removed elsewhere in this transcript"
_PLACES = frozenset({"place", "city", "district"})
_REGISTER_LAYERS = frozenset({"register", "sound_alike"})


@dataclass(frozen=True)
class Named:
    """A public name holding a town: the whole name's span, where its town may lie, and its kind."""

    start: int
    end: int
    town_start: int  # a reading of the town lies within [town_start, town_end)
    town_end: int
    kind: str

    def holds(self, c: Candidate) -> bool:
        return self.town_start <= c.start and c.end <= self.town_end

    def within(self, text: str, c: Candidate) -> bool:
        """``c`` lies inside the name ("the" before it allowed)."""
        lead = text[c.start:self.start].lower()
        return (c.start >= self.start or lead in ("the ", "the\t")) and c.end <= self.end


def _norm(s: str) -> str:
    return " ".join(re.findall(r"[\w'’-]+", s.lower().replace("’", "'")))


def public_names(text: str) -> list[Named]:
    """Every event, dish and local branch named after a listed UK place in ``text`` (lines read one by one, a line
    without a capital as captions)."""
    out: list[Named] = []
    for line in re.finditer(r"[^\n]+", text):
        s = line.start()
        for a, b, head in named_after_place(line.group(0)):
            town_end = a + len(line.group(0)[a:b - len(head)].rstrip())  # the words before the head
            out.append(Named(a + s, b + s, a + s, town_end + s, "event" if head in EVENT_HEADS else "dish"))
    out += [Named(a, b, ta, tb, "branch") for a, b, ta, tb in branch_names(text)]
    out += [Named(a, b, ta, tb, "body") for a, b, ta, tb in county_bodies(text)]
    return out


_CLUB_WORD_AFTER = re.compile(r"[\s'’s]*([\w-]+)")
_CLUB_WORD_BEFORE = re.compile(r"([\w-]+)\s+$")


def said_as_club(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a town, is said as its club ("a Leeds fan", "he supports Barnsley", "we watched
    Everton lose"): the words of :mod:`.layers.club_context`'s frames, read on the text."""
    after = _CLUB_WORD_AFTER.match(text[end:end + 30])
    before = _CLUB_WORD_BEFORE.search(text[max(0, start - 30):start])
    word_after = after.group(1).lower() if after else ""
    word_before = before.group(1).lower() if before else ""
    if word_before in WATCH:
        return not word_after or word_after in WATCHED_DOING or bool(re.match(r"\s*[.,;!?]", text[end:end + 3]))
    return word_after in CLUB_THINGS or word_before in SUPPORT


def _said_as_club(text: str, c: Candidate) -> bool:
    """A town read where it is said as its club: whether or not the reading is right, it says nothing of the town
    as a place, so it makes no other name go."""
    return said_as_club(text, c.start, c.end)


def _going(text: str, found: list[Candidate], names: list[Named]) -> set[str]:
    """Towns that go in this transcript: registered or site readings anywhere, and any other place reading that no
    public name holds and that is not said as its club."""
    out = set()
    for c in found:
        if c.category in _PLACES and not c.per_occurrence and (c.layer in _REGISTER_LAYERS or (
                not any(n.within(text, c) for n in names) and not _said_as_club(text, c))):
            out.add(_norm(text[c.start:c.end]))
    out.discard("")
    return out


def _holds_town(text: str, n: Named, going: set[str]) -> bool:
    words = f" {_norm(text[n.town_start:n.town_end])} "
    return any(f" {t} " in words for t in going)


def _kept_reading(text: str, c: Candidate, n: Named) -> bool:
    """A reading the model or the lists made of the town or of the whole name: a kept name drops it, and a name
    whose town goes is removed whole in its place, with the placeholder of its kind."""
    if c.layer in _REGISTER_LAYERS or c.per_occurrence or not n.within(text, c):
        return False
    if n.kind == "body" and n.holds(c):
        return True  # "Devon and Cornwall Police": "Devon" read as a given name is the county's word here
    return c.category in _PLACES or (c.start <= n.town_start and c.end >= n.town_end)


def _clubs_again(text: str, found: list[Candidate], going: set[str]) -> list[Candidate]:
    """A football club opened by a town that goes, said where nothing covers it ("I live in Grimsby" … "Grimsby
    Town daft"), and the town itself said as its club ("I grew up in Leeds" … "a Leeds fan", "he supports Leeds"):
    the club frame kept the town as the club, but the transcript removes it as the place it is, and a reader would
    have it back from the club."""
    out: list[Candidate] = []
    for town in going:
        pattern = r"(?<![\w'’-])" + r"\s+".join(map(re.escape, town.split())) + r"(?![\w'’-])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            end = club_end(text, m.start(), m.end())
            if end is None and said_as_club(text, m.start(), m.end()):
                end = m.end()
            if end is None or any(c.start < end and m.start() < c.end for c in found + out):
                continue
            out.append(Candidate(m.start(), end, "club", "consistency", 0.6, REASON, placeholder=CLUB))
    return out


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with each public name holding a town widened to the whole name where the town goes, and kept
    whole where it stays (module doc)."""
    names = public_names(text) if found else []
    going = _going(text, found, names)
    out: list[Candidate] = []
    for c in found:
        if c.category in _PLACES and not c.per_occurrence:
            end = club_end(text, c.start, c.end)
            if end is not None:
                out.append(replace(c, end=end, category="club", placeholder=CLUB))
                continue
        holder = next((n for n in names if n.holds(c)), None) if c.category in _PLACES else None
        if holder is not None and not c.per_occurrence and _holds_town(text, holder, going):
            if holder.kind != "body":  # a county's body keeps its kind: "[place name] Police"
                c = replace(c, start=min(c.start, holder.start), end=max(c.end, holder.end),
                            placeholder=PLACEHOLDERS[holder.kind])
        elif any(_kept_reading(text, c, n) for n in names):
            continue  # the name stays whole, or goes whole below with its own placeholder
        out.append(c)
    for n in names:
        if _holds_town(text, n, going) and not any(c.start < n.end and n.start < c.end for c in out):
            if n.kind == "body":
                out.append(Candidate(n.town_start, n.town_end, "place", "consistency", 0.6, REASON))
            else:
                out.append(Candidate(n.start, n.end, "place", "consistency", 0.6, REASON,
                                     placeholder=PLACEHOLDERS[n.kind]))
    return out + _clubs_again(text, out, going)
