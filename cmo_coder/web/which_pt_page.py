"""Page 8, Which PT?: paste a quote, get ``which-pt``'s ranked answer with the matching codings highlighted.

A quote is research text, so it never travels in a URL: the page posts it as JSON (with the CSRF
token) to ``/api/which-pt``, which answers with :func:`cmo_coder.query.which_pt.which_pt`'s result
(the same as ``which-pt --json``) plus, for each coding, its text split around the matched part
and the reader address that selects the passage.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from ..errors import CmoError
from ..query.index import QuoteIndex
from ..query.speakers import SpeakerLookup
from ..query.which_pt import QuoteMatch, which_pt
from .api import BadRequest, _body, _route, _str
from .pages import Pages
from .state import Workbench

MAX_QUOTE = 20_000
DEFAULT_LIMIT = 10
MAX_LIMIT = 100


def passage_href(transcript: str, start: int, end: int) -> str:
    """The reader address that opens ``transcript`` with ``start:end`` selected."""
    return f"/transcripts/{transcript}#at-{start}-{end}"


def highlighted(m: QuoteMatch) -> dict[str, Any]:
    """A match with its coding's text cut into before / matched / after (the matched part clipped to it)."""
    lo = min(max(m.matched_start, m.start), m.end) - m.start
    hi = max(min(m.matched_end, m.end), m.start) - m.start
    if hi <= lo:  # a fuzzy or nearest match names no part: the whole quote is the match
        lo, hi = 0, len(m.quote)
    return {**m.model_dump(mode="json"), "before": m.quote[:lo], "match": m.quote[lo:hi], "after": m.quote[hi:],
            "href": passage_href(m.transcript, m.start, m.end), "pt_href": f"/pts/{m.pt}"}


async def ask(request: Request, bench: Workbench) -> dict[str, Any]:
    data = await _body(request)
    quote = _str(data, "quote") or ""
    if not quote.strip():
        raise BadRequest("the quote is empty: paste the words to look for")
    if len(quote) > MAX_QUOTE:
        raise BadRequest(f"the quote is longer than {MAX_QUOTE} characters; paste a passage, not a transcript")
    limit = data.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"'limit' must be a whole number from 1 to {MAX_LIMIT}")
    with bench.project() as p:
        index = QuoteIndex.for_project(p)
        answer = which_pt(index, quote, limit=limit, speakers=SpeakerLookup(p), codebook=p.codebook,
                           project_path=p.path)
    out = answer.model_dump(mode="json")
    out["matches"] = [highlighted(m) for m in answer.matches]
    out["nearest"] = [highlighted(m) for m in answer.nearest]
    out["locations"] = [{**loc.model_dump(mode="json"), "href": passage_href(loc.transcript, loc.start, loc.end)}
                        for loc in answer.locations]
    return out


class WhichPtPage:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages

    async def page(self, request: Request) -> HTMLResponse:
        if request.query_params.get("q") or request.query_params.get("quote"):
            return self.pages.error(request, CmoError(
                "a quote is research text and is not taken from the address: paste it into the box instead"))
        return self.pages.render(request, "which_pt.html", title="Which PT?", max_quote=MAX_QUOTE)


def routes(pages: Pages) -> list[Route]:
    page = WhichPtPage(pages)
    return [
        Route("/which-pt", page.page, methods=["GET"]),
        Route("/api/which-pt", _route(pages.bench, ask), methods=["POST"]),
    ]
