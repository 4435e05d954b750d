"""Page 7, Programme theory: the PT's figure, its evidence with filters, its CMOCs and memos.

The figure is the one ``cmo-coder graph`` and ``report`` draw (:mod:`cmo_coder.graph.draw`), as SVG
sanitised with lxml and embedded as a ``data:`` image: an image cannot run script, needs no inline
style in the page, and its text (codebook statements) was escaped by the SVG writer. Every quote
links to its passage in the reader, selected.
"""

from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from typing import Any

from lxml import etree
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from ..coding import service
from ..errors import CmoError
from ..graph.build import build
from ..graph.draw import draw, render
from ..graph.summary import summarise
from ..model.vocab import Role, Stance
from ..query.evidence import evidence
from ..query.filters import resolve_pt
from ..query.index import project_fingerprint
from ..query.speakers import SpeakerLookup
from ..store import Project
from .configurations import config_json
from .pages import Pages
from .views import STANCE_MARKS

FIGURE_CACHE_SIZE = 16
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
#: elements an SVG image never needs and that could carry script or fetch something
UNSAFE_SVG_TAGS = {"script", "foreignObject", "iframe", "object", "embed", "audio", "video"}


def safe_svg(svg: bytes) -> bytes:
    """``svg`` without script, event handlers, foreign content or links leaving the document.

    The figure is shown as an image (which never runs script); this is the second fence, so that
    no later change to how it is shown can turn codebook text into active content.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(svg, parser)
    except etree.XMLSyntaxError as exc:
        raise CmoError(f"the figure could not be drawn as SVG ({exc})") from None
    for el in list(root.iter()):
        parent = el.getparent()
        if not isinstance(el.tag, str) or etree.QName(el).localname in UNSAFE_SVG_TAGS:
            if parent is not None:  # comments, processing instructions and the tags above go
                parent.remove(el)
            continue
        for name in list(el.attrib):
            local = etree.QName(name).localname.lower()
            value = el.attrib[name].strip().lower()
            if local.startswith("on") or (local == "href" and not value.startswith("#")):
                del el.attrib[name]
    return etree.tostring(root, encoding="utf-8", xml_declaration=False)


class FigureCache:
    """Drawn figures by (PT, project fingerprint): drawing takes a while, and the project changes rarely."""

    def __init__(self, size: int = FIGURE_CACHE_SIZE) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._figures: OrderedDict[tuple[str, str], str] = OrderedDict()

    def data_uri(self, project: Project, pt: str, speakers: SpeakerLookup) -> str:
        key = (pt, project_fingerprint(project))
        with self._lock:
            if key in self._figures:
                self._figures.move_to_end(key)
                return self._figures[key]
        g = build(project, pt, speakers)
        svg = safe_svg(render(draw(g, summarise(g)), "svg"))
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        with self._lock:
            self._figures[key] = uri
            while len(self._figures) > self.size:
                self._figures.popitem(last=False)
        return uri


def _value(request: Request, key: str) -> str | None:
    return request.query_params.get(key, "").strip() or None


class TheoryPages:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.bench = pages.bench
        self.figures = FigureCache()

    async def index(self, request: Request) -> HTMLResponse:
        with self.bench.project() as p:
            rows = service.summary(p)
        return self.pages.render(request, "theories.html", title="Programme theories", rows=rows)

    async def theory(self, request: Request) -> HTMLResponse:
        stance, role, site, coder = (_value(request, k) for k in ("stance", "role", "site", "coder"))
        try:
            if stance is not None and stance not in {s.value for s in Stance}:
                raise CmoError(f"unknown stance {stance!r} in the filter (supports, refutes or refines)")
            with self.bench.project() as p:
                pt = resolve_pt(p, request.path_params["pt"])
                speakers = SpeakerLookup(p)
                theory = p.codebook.pt(pt)
                every = evidence(p, pt, speakers=speakers)
                rows = evidence(p, pt, stance=stance, role=role, site=site, speakers=speakers)
                coders = sorted({r.coder for r in every})
                if coder is not None and coder not in coders:
                    raise CmoError(f"no coder {coder!r} has coded {pt} (coders: {', '.join(coders) or 'none'})")
                rows = [r for r in rows if coder is None or r.coder == coder]
                configs = [config_json(p, c, speakers) for c in p.configurations(pt)]
                figure = self.figures.data_uri(p, pt, speakers)
                sites = sorted({x.site for x in p.participants() if x.site})
        except CmoError as exc:
            return self.pages.error(request, exc)
        names = {c["id"]: c["name"] for c in configs}
        evidence_rows: list[dict[str, Any]] = [
            {**r.model_dump(), "mark": STANCE_MARKS[r.stance],
             "cmocs": [(i, names.get(i, i)) for i in r.configurations]}
            for r in rows
        ]
        counts = {s.value: sum(r.stance == s.value for r in rows) for s in Stance}
        return self.pages.render(
            request, "theory.html", title=f"{pt}: {theory.title}", theory=theory, figure=figure, rows=evidence_rows,
            total=len(every), counts=counts, configs=configs, memos=[r for r in evidence_rows if r["memo"]],
            filters={"stance": stance, "role": role, "site": site, "coder": coder}, coders=coders, sites=sites,
            roles=[(r.value, r.value.replace("_", " ")) for r in Role], stances=[s.value for s in Stance],
        )


def routes(pages: Pages) -> list[Route]:
    theory = TheoryPages(pages)
    return [
        Route("/pts", theory.index, methods=["GET"]),
        Route("/pts/{pt}", theory.theory, methods=["GET"]),
    ]
