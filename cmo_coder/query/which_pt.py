"""Answer "which programme theory does this quote support?" from the quote index.

The answer always says how the quote was found (exact, normalised, fragments, fuzzy,
overlapping a coding, or a paraphrase of one) with a score, so an analyst can tell a sure
match from a guess. A passage nobody coded is reported as such, with where it sits in the
transcripts (if it does) and the nearest coded quotes, because "not coded" is itself
an analytic finding: evidence the coders passed over. Given the codebook, an uncoded quote
also gets the theories it is most similar to, said to be *by similarity*, with the
best-matching element and coded quote of each as the reason (see ``similarity``); when the
quote was found uncoded in a transcript, the text around it is scored with it (below it)
and shown as ``context``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ..model import Codebook
from ..model.base import Frozen
from .index import Hit, HitKind, QuoteIndex
from .speakers import SpeakerLookup

#: below this fuzzy score a coding is shown as "nearest", not as a match
FUZZY_MIN = 85
OVERLAP_CAP = 96


class QuoteMatch(Frozen):
    """One coding the quote was found in (or near)."""

    coding_id: str
    pt: str
    component: str = Field(description="C, Mres, Mresp or O; empty when coded to the PT as a whole.")
    element: str
    stance: str
    quote: str = Field(description="The coding's full text.")
    attribution: str = Field(description="e.g. 'SP10, Case Study C'; empty when no speaker is known.")
    speaker: str
    role: str
    site: str
    transcript: str
    start: int = Field(description="Coding span in the transcript, end exclusive.")
    end: int
    matched_start: int = Field(description="The part of the transcript the query matched.")
    matched_end: int
    kind: str = Field(description="exact, normalised, fragments, fuzzy, overlap or placeholders (a quote with the "
                                  "names the anonymised text replaced)")
    score: int = Field(ge=0, le=100)


class PTHit(Frozen):
    """The matches grouped by programme theory: the short answer."""

    pt: str
    components: list[str]
    elements: list[str]
    stances: list[str]
    codings: int


class Location(Frozen):
    """Where an uncoded query sits in a transcript."""

    transcript: str
    start: int
    end: int
    kind: str
    text: str
    attribution: str


class PTSimilarity(Frozen):
    """A programme theory ranked by similarity to a quote no coding contains, with its reasons."""

    pt: str
    title: str
    score: float = Field(description="Similarity 0–1: the mean of statement-and-element and best coded-quote "
                         "evidence (statement-and-element alone for a theory with no coded quote).")
    element: str = Field(description="The theory's best-matching element ('' when none shares a word).")
    element_statement: str
    element_score: float
    coding_id: str = Field(description="The theory's best-matching coded quote ('' when none shares a word).")
    quote: str
    quote_score: float
    attribution: str
    context_score: float = Field(default=0.0, description="The surroundings' own similarity to the theory's statement "
                                 "and elements (0 when the quote was not found in a transcript).")


class WhichPtAnswer(Frozen):
    """The JSON printed by ``cmo-coder which-pt --json``."""

    query: str
    coded: bool = Field(description="True when the quote was found in (or overlapping) at least one coding.")
    total_matches: int = Field(description="Codings matched; 'matches' lists the best of them, up to --limit.")
    pts: list[PTHit] = Field(description="Every PT among all the matches, not only the listed ones.")
    matches: list[QuoteMatch]
    locations: list[Location] = Field(description="For an uncoded quote: where it occurs in the transcripts.")
    nearest: list[QuoteMatch] = Field(description="For an uncoded quote: the most similar coded quotes.")
    answered_by: str = Field(
        default="quote", description="quote (a coding contains it), paraphrase (one coded quote is the closest by a "
        "clear margin), similarity (no coding contains it: 'similar' ranks the theories) or none")
    by_similarity: bool = Field(default=False, description="True when the PTs come from similarity, not codings.")
    similarity_method: str = Field(default="", description="How similarity was measured, e.g. tf-idf.")
    similar: list[PTSimilarity] = Field(
        default_factory=list, description="For a quote no coding contains: theories by similarity, best first.")
    reason: str = Field(default="", description="For a paraphrase or a similarity answer: why, in words.")
    context: Location | None = Field(
        default=None, description="For a similarity answer to a quote found in a transcript: the window around it "
        "(text is the transcript from start to end, the quote included); the parts before and after the quote are "
        "scored with it, at a lower weight.")


def which_pt(
    index: QuoteIndex, query: str, limit: int = 10, speakers: SpeakerLookup | None = None,
    codebook: Codebook | None = None, project_path: Path | None = None,
) -> WhichPtAnswer:
    """Find ``query`` among the coded quotes; say which PTs, components and stances it is coded to.

    With ``codebook``, a quote no coding contains is also checked as a paraphrase of a coded
    quote, and else answered by similarity to each theory (see :mod:`.similarity`); sentence
    embeddings are used for that when the semantic extra is installed, cached under ``project_path``.
    """
    hits = index.find(query)
    similar: list[Hit] = []
    # a quote copied from the original transcript: its names stand as placeholders in the coded text
    named = index.placeholder_places(query) if not hits else []
    if not hits and not named:
        similar = index.fuzzy(query, limit=max(limit, 5))
        hits = [h for h in similar if h.score >= FUZZY_MIN]
    locations: list[Location] = []
    nearest: list[Hit] = []
    if not hits:
        for place in named or index.places(query):
            text = index.transcripts[place.transcript_id]
            for k in index.covering(place.transcript_id, place.start, place.end):
                rec = index.records[k]
                lo, hi = max(rec.start, place.start), min(rec.end, place.end)
                score = min(OVERLAP_CAP, round(100 * (hi - lo) / (place.end - place.start)))
                kind = HitKind.placeholders if place.kind == HitKind.placeholders.value else HitKind.overlap
                hits.append(Hit(rec, index.texts[k], kind, score, lo, hi, k))
            if not hits:
                who = speakers.at(place.transcript_id, place.start).attribution if speakers else ""
                locations.append(
                    Location(transcript=place.transcript_id, start=place.start, end=place.end, kind=place.kind,
                             text=text[place.start : place.end], attribution=who)
                )
    answered_by, reason, method = ("quote", "", "") if hits else ("none", "", "")
    ranked: list[PTSimilarity] = []
    context: Location | None = None
    if not hits and codebook is not None and (len(index) or any(pt.elements for pt in codebook.programme_theories)):
        from .similarity import METHOD, for_index

        sim = for_index(index, codebook, project_path)
        method = METHOD
        para = sim.paraphrase(query) if not locations else None  # a passage found uncoded is not a retelling
        if para is not None:
            rec = index.records[para.index]
            score = min(FUZZY_MIN - 1, round(100 * para.score))
            # the retold passage: the closest coding and every coding overlapping it (nested or coded twice)
            for k in [para.index, *(k for k in index.covering(rec.transcript_id, rec.start, rec.end)
                                    if k != para.index)]:
                other = index.records[k]
                hits.append(Hit(other, index.texts[k], HitKind.paraphrase, score if k == para.index else score - 1,
                                other.start, other.end, k))
            answered_by = "paraphrase"
            reason = (f"paraphrase: coding {rec.id} is the closest coded quote ({METHOD} similarity "
                      f"{para.score:.2f}, next {para.runner_up:.2f})")
        else:
            context, around = _context(index, locations[0], speakers) if locations else (None, "")
            ranked = [_similarity(index, codebook, t) for t in sim.rank(query, around)[:limit] if t.score > 0]
            method = sim.method
            if ranked:
                answered_by = "similarity"
                best = ranked[0]
                why = [f"element {best.element}" if best.element else "",
                       f"coded quote {best.coding_id}" if best.coding_id else ""]
                reason = (f"by similarity ({method}): {best.pt} is closest"
                          + (f", best matching {' and '.join(w for w in why if w)}" if any(why) else "")
                          + (f"; with the surrounding text in {context.transcript} [{context.start}:{context.end}]"
                             if context else ""))
    if not hits:
        nearest = similar[:limit]
    hits.sort(key=lambda h: (-h.score, h.order))
    every = [_match(h) for h in _unique(hits)]
    return WhichPtAnswer(
        query=query, coded=bool(every), total_matches=len(every), pts=_by_pt(every), matches=every[:limit],
        locations=locations,
        nearest=[_match(h) for h in nearest if h.score > 0],
        answered_by=answered_by, by_similarity=bool(ranked), similarity_method=method if answered_by != "none" else "",
        similar=ranked, reason=reason, context=context if ranked else None,
    )


def _context(index: QuoteIndex, place: Location, speakers: SpeakerLookup | None) -> tuple[Location | None, str]:
    """Where an uncoded quote was found, widened to its surroundings, and the surrounding words themselves."""
    from ..theory_text import window

    transcript = index.transcripts[place.transcript]
    lo, hi, around = window(transcript, place.start, place.end)
    if not around:
        return None, ""
    who = speakers.at(place.transcript, lo).attribution if speakers else ""
    return Location(transcript=place.transcript, start=lo, end=hi, kind="context", text=transcript[lo:hi],
                    attribution=who), around


def _similarity(index: QuoteIndex, codebook: Codebook, t: object) -> PTSimilarity:
    from .similarity import TheoryScore

    assert isinstance(t, TheoryScore)
    pt = codebook.programme_theories[codebook.pt_ids.index(t.pt)]
    rec = index.records[t.quote_index] if t.quote_index >= 0 else None
    return PTSimilarity(
        pt=t.pt, title=pt.title, score=round(t.score, 4), element=t.element,
        element_statement=codebook.element(t.element).statement if t.element else "",
        element_score=round(t.element_score, 4), coding_id=rec.id if rec else "",
        quote=index.texts[t.quote_index] if rec else "", quote_score=round(t.quote_score, 4),
        attribution=rec.attribution if rec else "", context_score=round(t.context_score, 4),
    )


def _unique(hits: list[Hit]) -> list[Hit]:
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.coding.id not in seen:
            seen.add(h.coding.id)
            out.append(h)
    return out


def _match(h: Hit) -> QuoteMatch:
    r = h.coding
    return QuoteMatch(
        coding_id=r.id, pt=r.pt, component=r.component, element=r.element, stance=r.stance, quote=h.text,
        attribution=r.attribution, speaker=r.speaker, role=r.role, site=r.site, transcript=r.transcript_id,
        start=r.start, end=r.end, matched_start=h.start, matched_end=h.end, kind=h.kind.value, score=h.score,
    )


def _by_pt(matches: list[QuoteMatch]) -> list[PTHit]:
    groups: dict[str, list[QuoteMatch]] = {}
    for m in matches:
        groups.setdefault(m.pt, []).append(m)
    return [
        PTHit(
            pt=pt, components=_ordered(m.component for m in ms if m.component),
            elements=_ordered(m.element for m in ms if m.element), stances=_ordered(m.stance for m in ms),
            codings=len(ms),
        )
        for pt, ms in sorted(groups.items(), key=lambda kv: _pt_key(kv[0]))
    ]


def _ordered(values: object) -> list[str]:
    return list(dict.fromkeys(values))  # type: ignore[call-overload]


def _pt_key(pt: str) -> tuple[int, str]:
    digits = "".join(ch for ch in pt if ch.isdigit())
    return (int(digits) if digits else 0, pt)


def describe(answer: WhichPtAnswer) -> list[str]:
    """Plain lines for people (the CLI without ``--json``)."""
    lines: list[str] = []
    if answer.coded:
        if answer.answered_by == "paraphrase":
            lines.append(f"not found verbatim; {answer.reason}")
        for p in answer.pts:
            parts = ", ".join(p.elements or p.components) or "the theory as a whole"
            lines.append(f"{p.pt}: {parts} ({'/'.join(p.stances)}; {p.codings} coding(s))")
        for m in answer.matches:
            where = m.element or (f"{m.pt} {m.component}" if m.component else m.pt)
            who = m.attribution or "no speaker"
            lines.append(
                f"  [{m.score:3d} {m.kind}] {where} {m.stance} | {who} | {m.transcript} "
                f"[{m.start}:{m.end}] {m.coding_id}"
            )
            lines.append(f"        \u201c{_clip(m.quote)}\u201d")
        if answer.total_matches > len(answer.matches):
            lines.append(f"  … and {answer.total_matches - len(answer.matches)} more (raise --limit to see them)")
        return lines
    lines.append("not coded: no coding contains this quote")
    for loc in answer.locations:
        who = loc.attribution or "no speaker"
        lines.append(f"  found uncoded in {loc.transcript} [{loc.start}:{loc.end}] ({who}, {loc.kind} match)")
    if not answer.locations:
        lines.append("  not found in any signed-off transcript either")
    if answer.similar:
        lines.append(f"by similarity ({answer.similarity_method}) to the theories' statements, elements and coded "
                     "quotes, the closest theories:")
        for t in answer.similar:
            lines.append(f"  {t.pt} {t.score:.2f}  {t.title}")
            if t.element:
                statement = _clip(t.element_statement)
                lines.append(f"        element {t.element} ({t.element_score:.2f}): \u201c{statement}\u201d")
            if t.coding_id:
                who = t.attribution or "no speaker"
                lines.append(f"        quote {t.coding_id} ({t.quote_score:.2f}, {who}): \u201c{_clip(t.quote)}\u201d")
            if answer.context is not None:
                lines.append(f"        surrounding text ({t.context_score:.2f})")
    if answer.similar and answer.context is not None:
        c = answer.context
        lines.append(f"surrounding text scored with the quote (weighted below it), {c.transcript} [{c.start}:{c.end}]:")
        lines.append(f"  \u201c{_clip(c.text, 240)}\u201d")
    if answer.nearest:
        lines.append("nearest coded quotes:")
        for m in answer.nearest:
            where = m.element or (f"{m.pt} {m.component}" if m.component else m.pt)
            lines.append(f"  [{m.score:3d}] {where} {m.stance} | {m.attribution or 'no speaker'} | {m.coding_id}")
            lines.append(f"        \u201c{_clip(m.quote)}\u201d")
    return lines


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
