"""The review's index, *Proposals by surface*, as a reviewer works from it: filtered, sorted and in pages.

Why: the index listed every surface with every occurrence of it. A focus group with hundreds of surfaces made a
wall a reviewer scrolled through to find the few still open, and could not ask for "the places still undecided" or
"what the sound-alike layer proposed". Here the index is cut by what is asked for, each surface row saying how
many occurrences it has (in how many transcripts) and showing its first contexts before it can be decided
everywhere, and at most :data:`SHOWN_OCCURRENCES` occurrences listed to decide one at a time.

What is asked for travels in the address only where it quotes nothing: whether decided, a category and a layer
(the project's own vocabularies, checked), the order and the page. Text to find is identifying (a name typed),
so it is never put in an address: the page posts it, and it is held with the reviewer's session in the server's
memory (:attr:`.security.Session.review_text`) until it is cleared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..anonymise.occurrences import norm
from ..errors import NotFound

#: Surfaces on one page of the index.
PER_PAGE = 50
#: Occurrences of one surface listed on the index to decide one at a time (the transcript's pages show the rest).
SHOWN_OCCURRENCES = 25
#: The longest text to find a reviewer may set (longer is cut).
MAX_TEXT = 200

SHOWS = ("all", "undecided", "decided")
SORTS = ("count", "first")


@dataclass(frozen=True)
class IndexQuery:
    """What the reviewer asked of the index: ``show`` (all, undecided, decided), ``category`` and ``layer`` (None:
    any), ``sort`` (count: undecided first, most occurrences first; first: where each is first said, transcript by
    transcript), ``page`` (from 1), ``text`` to find in the surface (any case; "" finds every surface), and the
    page (``singles``) of the occurrences decided one at a time, which the same filter cuts."""

    show: str = "all"
    category: str | None = None
    layer: str | None = None
    sort: str = "count"
    page: int = 1
    text: str = ""
    singles: int = 1

    def address(self, **change: Any) -> str:
        """The query string of this query with ``change`` made (never the text: see the module's note)."""
        values = {"show": self.show, "category": self.category, "layer": self.layer, "sort": self.sort,
                  "page": self.page, "singles": self.singles, **change}
        defaults = {"show": "all", "category": None, "layer": None, "sort": "count", "page": 1, "singles": 1}
        from urllib.parse import urlencode

        kept = [(k, str(v)) for k, v in values.items() if v != defaults[k]]
        return "?" + urlencode(kept) if kept else "?"


def parse(params: Mapping[str, str], text: str, categories: Sequence[str], layers: Sequence[str]) -> IndexQuery:
    """The query the address asks for, with the session's ``text``; an unknown value is refused by name (404,
    as an address that names nothing is), listing what it may be."""
    def one(key: str, allowed: Sequence[str], default: str | None) -> str | None:
        value = params.get(key)
        if value is None or value == "":
            return default
        if value not in allowed:
            raise NotFound(f"the review's index has no {key} {value!r}: it may be {', '.join(allowed) or 'none'}")
        return value

    numbers = []
    for key in ("page", "singles"):
        page = params.get(key, "1")
        if not page.isdigit() or int(page) < 1:
            raise NotFound(f"the review's index has no {key} page {page!r} (pages are numbered from 1)")
        numbers.append(int(page))
    return IndexQuery(show=one("show", SHOWS, "all") or "all", category=one("category", categories, None),
                      layer=one("layer", layers, None), sort=one("sort", SORTS, "count") or "count",
                      page=numbers[0], text=text[:MAX_TEXT], singles=numbers[1])


@dataclass(frozen=True)
class IndexPage:
    """The rows of one page of the index and the counts a reviewer reads around them."""

    rows: list[dict[str, Any]]
    matching: int
    matching_open: int
    total: int
    page: int
    pages: int
    first: int
    categories: list[str]
    layers: list[str]


def layers_of(groups: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every layer that proposed a surface on the index, in order of name."""
    return sorted({layer for g in groups for layer in g["layers"]})


def categories_of(groups: Sequence[Mapping[str, Any]], known: Sequence[str]) -> list[str]:
    """The categories the index's surfaces are of: the known ones in their order, then any other."""
    seen = {g["category"] for g in groups}
    return [c for c in known if c in seen] + sorted(seen - set(known))


def _first_place(g: Mapping[str, Any], order: Mapping[str, int]) -> tuple[int, int]:
    places = [(order.get(o["transcript"], len(order)), o["start"]) for o in g["occurrences"]]
    return min(places) if places else (len(order), 0)


def _wanted(rows: Sequence[dict[str, Any]], query: IndexQuery) -> list[dict[str, Any]]:
    """The rows (surfaces, or occurrences decided one at a time) that ``query``'s filter keeps, in order."""
    wanted = norm(query.text) if query.text.strip() else ""
    return [g for g in rows
            if (query.show == "all" or (g["decision"] is None) == (query.show == "undecided"))
            and (query.category is None or g["category"] == query.category)
            and (query.layer is None or query.layer in g["layers"])
            and (not wanted or wanted in norm(g["surface"]))]


@dataclass(frozen=True)
class SinglesPage:
    """One page of the occurrences decided one at a time (registered names that may be everyday words), under the
    index's filter: a focus group's captions hold hundreds of them."""

    rows: list[dict[str, Any]]
    matching: int
    matching_open: int
    page: int
    pages: int
    first: int


def select_singles(singles: Sequence[dict[str, Any]], query: IndexQuery, page: int) -> SinglesPage:
    """The page ``page`` of ``singles`` that the index's filter keeps (in transcript order); past the last: 404."""
    found = _wanted(singles, query)
    pages = max(1, -(-len(found) // PER_PAGE))
    if not 1 <= page <= pages:
        raise NotFound(f"the review's index has no page {page} of occurrences for this filter (it has {pages})")
    first = (page - 1) * PER_PAGE
    return SinglesPage(found[first:first + PER_PAGE], len(found), sum(1 for o in found if o["decision"] is None),
                       page, pages, first)


def select(groups: Sequence[dict[str, Any]], query: IndexQuery, transcript_order: Sequence[str],
           known_categories: Sequence[str]) -> IndexPage:
    """The page of ``groups`` (the index's rows, as :func:`.anonymisation.review_view` makes them) that ``query``
    asks for; a page past the last is refused (404)."""
    found = _wanted(groups, query)
    if query.sort == "first":
        order = {t: n for n, t in enumerate(transcript_order)}
        found.sort(key=lambda g: (_first_place(g, order), norm(g["surface"])))
    pages = max(1, -(-len(found) // PER_PAGE))
    if query.page > pages:
        raise NotFound(f"the review's index has no page {query.page} for this filter (it has {pages})")
    first = (query.page - 1) * PER_PAGE
    rows = []
    for g in found[first:first + PER_PAGE]:
        shown = g["occurrences"][:SHOWN_OCCURRENCES]
        rows.append({**g, "shown_occurrences": shown, "more_occurrences": len(g["occurrences"]) - len(shown)})
    return IndexPage(rows=rows, matching=len(found), matching_open=sum(1 for g in found if g["decision"] is None),
                     total=len(groups), page=query.page, pages=pages, first=first,
                     categories=categories_of(groups, known_categories), layers=layers_of(groups))
