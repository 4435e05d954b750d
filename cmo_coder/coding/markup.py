"""Parse the inline realist markup of reports and analysts' notes into exact spans.

Realist reports label a clause by putting its component in parentheses right after it
("staff felt empowered (mechanism – resource) leading to reduced exclusion (outcome)"),
and attribute a block quote with a line of its own ("SP10, Case Study C") or an inline
quote with a parenthesis ("‘responsiveness’ (SP22, Case Study C)").

Design decision, fixed for every caller: the parser returns ONE canonical text from
which the labels are **removed**: component tags (with the space before them),
attribution lines (with their line break) and inline attribution parentheses. What is
left is clean prose that reads like any unlabelled source, so a tagger trained on the
output sees the same kind of text it will meet in the wild, and every offset of a clause
or quote indexes that canonical text exactly. Nothing is lost: each removal is kept in
:attr:`MarkupDocument.removed` with its position in both texts, and
:meth:`MarkupDocument.restore` rebuilds the input (line breaks normalised to ``\\n``).

The parser is a pure function of the text: no project, no codebook, no I/O.
Clause boundaries are a documented heuristic (see :func:`_clause_start`): a clause runs
back from its tag to the nearest sentence start, previous tag or attribution,
semicolon, ellipsis or line start (and, for square-bracket tags inside quotes, the
opening quote mark).
"""

from __future__ import annotations

import bisect
import re
from enum import StrEnum

from pydantic import Field, StrictInt, StrictStr, model_validator

from ..model.base import Frozen
from ..model.vocab import Component, Role
from .attribution import looks_like_attribution, parse_attribution, strip_dash

# -- vocabulary ----------------------------------------------------------------------------------

#: words that qualify a component without changing it: "(proximal outcomes)", "(intermediary outcome)".
#: Any one or two lower-case words are accepted before the component word (reports coin their own,
#: e.g. "(service outcomes)"); these are the ones seen in realist reports, listed for readers.
QUALIFIERS = (
    "proximal", "distal", "intermediate", "intermediary", "interim", "short term", "long term", "final",
    "initial", "immediate", "key", "unintended", "intended", "additional", "further", "negative", "positive",
)
_NOT_QUALIFIERS = frozenset((
    "see", "a", "an", "the", "this", "that", "these", "those", "and", "or", "of", "for", "in", "on", "to",
    "with", "by", "as", "at", "from", "no", "not", "cf", "eg", "ie", "e.g.", "i.e.", "our", "their", "its",
    "his", "her", "my", "your",
    # component words are never qualifiers: "(Mres outcome)" is two labels, not a kind of outcome
    "context", "contexts", "mechanism", "mechanisms", "resource", "resources", "response", "responses",
    "outcome", "outcomes", "mres", "mresp", "c", "o", "m", "res", "resp",
))
#: the core of a component tag, after dashes and case are folded
_COMPONENT_CORE_RE = re.compile(
    r"^(?P<qual>(?:(?:" + "|".join(QUALIFIERS) + r")\s+)*(?:[a-z]+\s+){0,2}?)"
    r"(?P<core>contexts?|mechanisms?\s*resources?|mechanisms?\s*responses?|outcomes?|"
    r"m\s*res|m\s*resp|mres|mresp|c|o)"
    r"(?:\s+(?P<num>\d{1,3}))?$"
)
#: short forms must be written with their usual capitals to count: "(C)", "(O)", "(Mres)"
_SHORT_FORMS = {"C", "O", "Mres", "Mresp", "M-res", "M-resp", "M res", "M resp", "MRes", "MResp"}

#: a bracketed group, round or square, with at most one inner pair: "(P36, (Carer) Case Study B)"
_GROUP_RE = re.compile(
    r"\((?P<round>(?:[^()\n]|\([^()\n]*\)){1,160})\)|\[(?P<square>(?:[^\[\]\n]|\([^()\n]*\)){1,160})\]"
)
_HEADING_RE = re.compile(
    r"^\s*(?:(?:refined|revised|initial|final|candidate)\s+)?(?:programme|program)\s+theory\s+(?P<n>\d{1,3})"
    r"\s*(?:[:.–—-]|$)|^\s*PT\s?(?P<n2>\d{1,3})\s*(?:[:.–—-]|$)",
    re.IGNORECASE,
)
_OPEN_QUOTES = {"’": "‘", "”": "“", "'": "'", '"': '"'}
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "p.", "pp.", "dr.", "vs.", "al.", "cf.", "no.", "fig.")
_MAX_INLINE_QUOTE = 1500


class TagBracket(StrEnum):
    round = "round"
    square = "square"


class RemovalKind(StrEnum):
    tag = "tag"
    attribution_line = "attribution_line"
    inline_attribution = "inline_attribution"


class QuoteKind(StrEnum):
    block = "block"
    inline = "inline"


# -- output model --------------------------------------------------------------------------------


class Removal(Frozen):
    """A piece of the input left out of the canonical text (a tag or an attribution)."""

    kind: RemovalKind
    source_start: StrictInt = Field(ge=0, description="Offset in the input (line breaks normalised).")
    source_end: StrictInt = Field(ge=0)
    at: StrictInt = Field(ge=0, description="Offset in the canonical text where it was removed.")
    text: StrictStr = Field(description="What was removed, including the white space before it.")


class TaggedClause(Frozen):
    """A clause labelled with a component, e.g. 'staff felt empowered' (mechanism – resource)."""

    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    text: StrictStr
    component: Component
    tag: StrictStr = Field(description="The tag as written, without brackets: 'mechanism – resource 2'.")
    bracket: TagBracket = TagBracket.round
    number: StrictInt | None = Field(default=None, description="'(mechanism – resource 2)' → 2.")
    qualifier: StrictStr | None = Field(default=None, description="'(proximal outcomes)' → 'proximal'.")
    note: StrictStr | None = Field(default=None, description="'(mechanism – resource; as described above)'.")
    pt: StrictStr | None = None
    source_start: StrictInt = Field(ge=0, description="Where the clause starts in the input.")


class AttributedQuote(Frozen):
    """A quotation attributed to a study participant, with role and site from the attribution."""

    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    text: StrictStr
    label: StrictStr
    role: Role
    site: StrictStr | None = None
    attribution: StrictStr = Field(description="The attribution as written: 'P36, (Carer) Case Study B'.")
    kind: QuoteKind
    pt: StrictStr | None = None
    source_start: StrictInt = Field(ge=0)


class PtHeading(Frozen):
    """A heading that switches the current programme theory ('Refined programme theory 3: …')."""

    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    text: StrictStr
    pt: StrictStr


class MarkupDocument(Frozen):
    """The parse: canonical text (labels removed) and every labelled span in it."""

    text: StrictStr = Field(description="Canonical text: the input without tags and attributions.")
    clauses: list[TaggedClause] = Field(default_factory=list)
    quotes: list[AttributedQuote] = Field(default_factory=list)
    headings: list[PtHeading] = Field(default_factory=list)
    removed: list[Removal] = Field(default_factory=list)
    problems: list[StrictStr] = Field(
        default_factory=list, description="Tags or attributions found but not turned into a span, with their place."
    )

    @model_validator(mode="after")
    def _spans_slice(self) -> MarkupDocument:
        n = len(self.text)
        for kind, items in (("clause", self.clauses), ("quote", self.quotes), ("heading", self.headings)):
            for item in items:
                if not (0 <= item.start < item.end <= n) or self.text[item.start : item.end] != item.text:
                    raise ValueError(f"{kind} [{item.start}, {item.end}) does not slice to its text {item.text[:40]!r}")
        return self

    def restore(self) -> str:
        """The input again (line breaks normalised): proof that nothing was lost."""
        parts, pos = [], 0
        for r in self.removed:
            parts.append(self.text[pos : r.at])
            parts.append(r.text)
            pos = r.at
        parts.append(self.text[pos:])
        return "".join(parts)


# -- parsing -------------------------------------------------------------------------------------


def normalise_newlines(text: str) -> str:
    """Strip a byte-order mark and fold CR LF / CR to LF: the input all offsets refer to."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_component_tag(inner: str) -> tuple[Component, int | None, str | None, str | None] | None:
    """``'mechanism – resource 2; as above'`` → (component, number, qualifier, note), or None if not a tag."""
    head, _, note = inner.partition(";")
    note_text = note.strip() or None
    raw = head.strip()
    if raw in _SHORT_FORMS:
        return Component.parse(raw.replace("-", "").replace(" ", "")), None, None, note_text
    key = raw.lower()
    for dash in ("–", "—", "‒", "‐", "‑", "-"):
        key = key.replace(dash, " ")
    key = " ".join(key.split())
    m = _COMPONENT_CORE_RE.match(key)
    if not m or m["core"] in ("c", "o", "m res", "m resp", "mres", "mresp"):
        return None  # short forms only count in their written capitals (handled above)
    qualifier_words = set(m["qual"].split())
    if qualifier_words & _NOT_QUALIFIERS:
        return None  # "(see outcome)", "(the context)": prose, not a label
    core = m["core"].replace(" ", "")
    if core.startswith("mechanism"):
        component = Component.mechanism_resource if "resource" in core else Component.mechanism_response
    elif core.startswith("context"):
        component = Component.context
    else:
        component = Component.outcome
    qualifier = m["qual"].strip() or None
    return component, int(m["num"]) if m["num"] else None, qualifier, note_text


_TAG_JOIN_RE = re.compile(r"\s*(?:/|&|,|\band\b)\s*")


def parse_component_tags(inner: str) -> list[tuple[Component, int | None, str | None, str | None]]:
    """One tag, or several joined by 'and', '/', '&' or ',' ("context and outcome"); [] if not all are tags."""
    one = parse_component_tag(inner)
    if one:
        return [one]
    head, sep, note = inner.partition(";")
    parts = [p for p in _TAG_JOIN_RE.split(head) if p.strip()]
    if len(parts) < 2:
        return []
    parsed = [parse_component_tag(p + (sep + note if sep else "")) for p in parts]
    if any(p is None for p in parsed):
        return []
    return [p for p in parsed if p is not None]


def _pt_of_heading(line: str) -> str | None:
    if len(line) > 200:
        return None
    m = _HEADING_RE.match(line)
    if not m:
        return None
    return f"PT{int(m['n'] or m['n2'])}"


class _Finding:
    """A removal found in the input, with what it means; kept apart until the text is rebuilt."""

    __slots__ = ("attributions", "bracket", "dash", "end", "inner", "kind", "start", "tags")

    def __init__(self, kind: RemovalKind, start: int, end: int, inner: str, bracket: TagBracket,
                 tags: list[tuple[Component, int | None, str | None, str | None]] | None = None,
                 attributions: list[tuple[str, Role, str | None, str]] | None = None, dash: bool = False) -> None:
        self.kind, self.start, self.end, self.inner, self.bracket = kind, start, end, inner, bracket
        self.tags, self.attributions = tags or [], attributions or []
        self.dash = dash  # written after a dash at the end of a line, not in brackets


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_TRAILING_DASH_RE = re.compile(r"(?P<dash>[ \t]+[–—][ \t]*)(?P<attr>[^–—\n]{1,100})$")


def _unread(n: int, written: str) -> str:
    return (f"line {n}: {written.strip()!r} looks like an attribution but fits no form the parser reads "
            "(e.g. 'P16, Case Study C'); the quote before it is not attributed")


def _find(source: str, site_pattern: str | None = None) -> tuple[list[_Finding], list[tuple[int, str]], list[str]]:
    """Every tag and attribution in the input, every PT heading (line start, PT), and the
    would-be attributions that could not be read (as problems naming their line)."""
    findings: list[_Finding] = []
    headings: list[tuple[int, str]] = []
    problems: list[str] = []
    for n, (start, end) in enumerate(_line_spans(source), 1):
        line = source[start:end]
        pt = _pt_of_heading(line)
        if pt:
            headings.append((start, pt))
            continue
        stripped = strip_dash(line.strip())
        bare = stripped[1:-1] if stripped[:1] in "[(" and stripped[-1:] in "])" else stripped
        attributions = parse_attribution(bare, site_pattern) if stripped else []
        if attributions:
            # the whole line goes, with the line break before it (or after it, on the first line)
            if start > 0:
                r_start, r_end = start - 1, end
            else:
                r_start, r_end = start, min(end + 1, len(source))
            findings.append(_Finding(RemovalKind.attribution_line, r_start, r_end, bare, TagBracket.round,
                                     attributions=attributions))
            continue
        found_before = len(findings)
        for m in _GROUP_RE.finditer(line):
            inner = m["round"] if m["round"] is not None else m["square"]
            bracket = TagBracket.round if m["round"] is not None else TagBracket.square
            g_start, g_end = start + m.start(), start + m.end()
            tags = parse_component_tags(inner)
            if tags and bracket is TagBracket.square and inner.strip() in _SHORT_FORMS:
                tags = []  # "[O]ur", "[I]t": square brackets around a letter are editorial, not tags
            attributions = [] if tags else parse_attribution(inner, site_pattern)
            if not tags and not attributions:
                if looks_like_attribution(inner):
                    problems.append(_unread(n, f"({inner})"))
                continue
            # take the white space before the group with it, so "needs (context)." becomes "needs."
            r_start = g_start
            skip = " \t" if tags else " \t–—"  # "‘…’ — (P16, Case Study C)": the dash goes with its attribution
            while r_start > start and source[r_start - 1] in skip:
                r_start -= 1
            if r_start == start:  # a group opening the line takes the space after it instead
                while g_end < end and source[g_end] in " \t":
                    g_end += 1
            kind = RemovalKind.tag if tags else RemovalKind.inline_attribution
            findings.append(_Finding(kind, r_start, g_end, inner, bracket, tags=tags, attributions=attributions))
        if any(f.kind is not RemovalKind.tag for f in findings[found_before:]):
            continue
        dash = _TRAILING_DASH_RE.search(line)
        trailing = parse_attribution(dash["attr"], site_pattern) if dash else []
        if dash and trailing and dash.start() > 0:
            # "‘…’ — P16, Case Study C" at the end of a line: an inline attribution after a dash
            findings.append(_Finding(RemovalKind.inline_attribution, start + dash.start(), end, dash["attr"],
                                     TagBracket.round, attributions=trailing, dash=True))
        elif len(findings) == found_before and stripped and looks_like_attribution(bare):
            problems.append(_unread(n, stripped))
    return findings, headings, problems


def _is_sentence_end(text: str, i: int) -> bool:
    """Whether the full stop / ! / ? at ``i`` ends a sentence (not 'e.g.' or 'p.')."""
    if text[i] in "!?":
        return True
    word_start = i
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(‘“":
        word_start -= 1
    word = text[word_start : i + 1].lower()
    return word not in _ABBREVIATIONS and not (len(word) == 2 and word[0].isalpha())


def _clause_start(text: str, end: int, floor: int, bracket: TagBracket) -> int:
    """Where the clause ending at ``end`` begins: the last boundary after ``floor``.

    Boundaries: ``floor`` (line start or the previous removed tag/attribution), a sentence
    end, a semicolon, an ellipsis or a colon; for a square-bracket tag, which sits inside a
    quotation, also the opening quote mark.
    """
    start = floor
    for i in range(end - 1, floor - 1, -1):
        ch = text[i]
        if ch in ".!?" and i + 1 < end and text[i + 1].isspace() and _is_sentence_end(text, i):
            start = i + 1
            break
        if ch in ";…:" or (bracket is TagBracket.square and ch in "‘“"):
            start = i + 1
            break
    # skip white space, list punctuation and dangling closing quote marks at the clause start
    while start < end and (text[start].isspace() or text[start] in ",;:…’”.)"):
        start += 1
    return start


def parse_markup(text: str, default_pt: str | None = None, site_pattern: str | None = None) -> MarkupDocument:
    """Parse inline realist markup; every span indexes the returned canonical ``text``.

    ``default_pt`` is the PT of anything before the first PT heading (or of everything,
    when the text has none). Headings such as "Refined programme theory 3: …" switch it.
    """
    source = normalise_newlines(text)
    findings, heading_lines, unread = _find(source, site_pattern)
    findings.sort(key=lambda f: f.start)

    # rebuild the text without the removals, remembering where each went
    parts: list[str] = []
    removed: list[Removal] = []
    pos = 0
    canon_len = 0
    for f in findings:
        f.start = max(f.start, pos)  # two attribution lines in a row must not both take the same line break
        f.end = max(f.end, f.start)
        parts.append(source[pos : f.start])
        canon_len += f.start - pos
        removed.append(Removal(kind=f.kind, source_start=f.start, source_end=f.end, at=canon_len,
                               text=source[f.start : f.end]))
        pos = f.end
    parts.append(source[pos:])
    canon = "".join(parts)
    removal_ends = [r.source_end for r in removed]
    removal_starts = [r.source_start for r in removed]
    shift = [0]
    for r in removed:
        shift.append(shift[-1] + r.source_end - r.source_start)

    def to_canon(src: int) -> int:
        k = bisect.bisect_right(removal_ends, src)  # removals wholly before src
        j = bisect.bisect_right(removal_starts, src) - 1
        if j >= k and j >= 0 and removal_starts[j] < src:  # inside removal j
            return removed[j].at
        return src - shift[k]

    removal_ats = [r.at for r in removed]

    def to_source(canon_offset: int) -> int:
        """The input offset of the canonical character at ``canon_offset`` (after any removal there)."""
        return canon_offset + shift[bisect.bisect_right(removal_ats, canon_offset)]

    heading_starts = [s for s, _ in heading_lines]

    def pt_at(src: int) -> str | None:
        k = bisect.bisect_right(heading_starts, src) - 1
        return heading_lines[k][1] if k >= 0 else default_pt

    headings = []
    for s, pt in heading_lines:
        line_end = source.find("\n", s)
        line_end = len(source) if line_end == -1 else line_end
        c_start, c_end = to_canon(s), to_canon(line_end)
        while c_end > c_start and canon[c_end - 1].isspace():
            c_end -= 1
        if c_end > c_start:
            headings.append(PtHeading(start=c_start, end=c_end, text=canon[c_start:c_end], pt=pt))

    line_starts = [0] + [m.end() for m in re.finditer("\n", canon)]

    def line_start_of(c: int) -> int:
        return line_starts[bisect.bisect_right(line_starts, c) - 1]

    clauses: list[TaggedClause] = []
    quotes: list[AttributedQuote] = []
    problems: list[str] = list(unread)
    previous_at = before_previous_at = -1
    previous_kind: RemovalKind | None = None
    last_clause: tuple[int, int] | None = None
    for f, r in zip(findings, removed, strict=True):
        place = f"line {source.count(chr(10), 0, f.start) + 1 + (f.kind is RemovalKind.attribution_line)}"
        if f.kind is RemovalKind.tag:
            end = r.at
            while end > 0 and (canon[end - 1].isspace() or canon[end - 1] in ",;:"):
                end -= 1
            floor = max(line_start_of(r.at), previous_at if previous_at <= r.at else 0)
            start = _clause_start(canon, end, min(floor, end), f.bracket)
            if end <= start and previous_kind is RemovalKind.tag and previous_at >= end and last_clause:
                # "(mechanism – response) (mechanism – resource)": one clause with two labels
                start, end = last_clause
            elif end <= start and previous_kind is RemovalKind.inline_attribution and previous_at >= end:
                # "‘…’ (SP92, Case Study B) (context)": the tag labels what came before the attribution
                end = previous_at
                while end > 0 and (canon[end - 1].isspace() or canon[end - 1] in ",;:"):
                    end -= 1
                floor = max(line_start_of(end), min(before_previous_at, end))
                start = _clause_start(canon, end, floor, f.bracket)
            if end <= start:
                problems.append(f"{place}: tag ({f.inner}) follows no clause")
            else:
                src_start = to_source(start)
                last_clause = (start, end)
                for component, number, qualifier, note in f.tags:  # "(context and outcome)": one clause each
                    clauses.append(TaggedClause(
                        start=start, end=end, text=canon[start:end], component=component, tag=f.inner.strip(),
                        bracket=f.bracket, number=number, qualifier=qualifier, note=note, pt=pt_at(f.start),
                        source_start=src_start,
                    ))
        elif f.kind is RemovalKind.attribution_line:
            span = _block_quote(canon, r.at, line_starts)
            if span is None:
                problems.append(f"{place}: attribution {f.inner.strip()!r} follows no quotation")
            else:
                q_start, q_end = span
                for label, role, site, written in f.attributions:
                    quotes.append(AttributedQuote(
                        start=q_start, end=q_end, text=canon[q_start:q_end], label=label, role=role, site=site,
                        attribution=written, kind=QuoteKind.block, pt=pt_at(f.start),
                        source_start=to_source(q_start),
                    ))
        else:
            span = _inline_quote(canon, r.at, line_start_of(r.at))
            if span is None and f.dash:  # "I think you need both. — SP5": the line before the dash
                span = _block_quote(canon, r.at, line_starts)
            if span is None:
                problems.append(f"{place}: attribution ({f.inner.strip()}) follows no quotation")
            else:
                q_start, q_end = span
                for label, role, site, written in f.attributions:
                    quotes.append(AttributedQuote(
                        start=q_start, end=q_end, text=canon[q_start:q_end], label=label, role=role, site=site,
                        attribution=written, kind=QuoteKind.inline, pt=pt_at(f.start),
                        source_start=to_source(q_start),
                    ))
        before_previous_at, previous_at, previous_kind = previous_at, r.at, f.kind
    return MarkupDocument(text=canon, clauses=clauses, quotes=quotes, headings=headings, removed=removed,
                          problems=problems)


def _block_quote(canon: str, at: int, line_starts: list[int]) -> tuple[int, int] | None:
    """The paragraph just before a removed attribution line (which took its own line break)."""
    # ``at`` is the end of the quote's line (the attribution took the "\n" before it)
    end = at
    k = bisect.bisect_right(line_starts, max(at - 1, 0)) - 1
    start = line_starts[k] if k >= 0 else 0
    if at == 0:
        return None
    while start < end and canon[start].isspace():
        start += 1
    while end > start and canon[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _inline_quote(canon: str, at: int, floor: int) -> tuple[int, int] | None:
    """The quotation closing just before an inline attribution: from its opening mark to its closing one."""
    end = at
    while end > floor and canon[end - 1].isspace():
        end -= 1
    # allow punctuation between the closing mark and the attribution: "…done’. (P6, Case Study C)"
    close = end
    while close > floor and canon[close - 1] in ".,;:":
        close -= 1
    if close <= floor or canon[close - 1] not in _OPEN_QUOTES:
        return None
    closing = canon[close - 1]
    opening = _OPEN_QUOTES[closing]
    lo = max(floor, close - 1 - _MAX_INLINE_QUOTE)
    open_at = canon.rfind(opening, lo, close - 1)
    if closing == "’":
        # an apostrophe is also ’; the opening ‘ is unambiguous, so search for it alone
        open_at = canon.rfind("‘", lo, close - 1)
    if open_at == -1:
        return None
    start, stop = open_at + 1, close - 1
    while start < stop and canon[start].isspace():
        start += 1
    while stop > start and canon[stop - 1].isspace():
        stop -= 1
    return (start, stop) if stop > start else None


def census(text: str) -> dict[str, int]:
    """Count tags and attributions with deliberately simple patterns, independent of the parser.

    The import reports these beside what the parser recovered, so a reader can see at a
    glance whether markup was missed (parser count below census) or over-read (above).
    """
    t = normalise_newlines(text)
    tags = re.findall(
        r"[(\[]\s*(?:(?:proximal|distal|intermediate|intermediary|interim|final|key|short-term|long-term)\s+)?"
        r"(?:context|contexts|mechanism\s*[–—-]?\s*res\w*|outcomes?)\s*\d*\s*(?:;[^)\]]*)?[)\]]",
        t, flags=re.IGNORECASE,
    )
    attribution_lines = re.findall(
        r"(?m)^\s*(?:[–—-]\s*)?[\[(]?\s*(?:(?:carer|staff|patient|service user)\s*,?\s*)?(?:SP|P)\d+"
        r"(?:\s*[,;]|\s+\(?(?:carer|staff|case study|site)|\s*[\])]?\s*$)[^\n]{0,60}$",
        t, flags=re.IGNORECASE,
    )
    inline = re.findall(
        r"(?<![\w])(?:SP|P)\d+\s*,?\s*(?:\(Carer\)\s*|male,\s*|female,\s*)?(?:Case Stud|site\s)", t,
        flags=re.IGNORECASE,
    )
    return {
        "tags": len(tags),
        "attribution_lines": len(attribution_lines),
        "attributions": len(re.findall(r"\b(?:SP|P)\d+\b(?=\s*(?:[,;)\]]|\(|case study|site\s))", t,
                                       flags=re.IGNORECASE)),
        "inline_attributions": max(0, len(inline) - len(attribution_lines)),
    }


__all__ = [
    "AttributedQuote", "MarkupDocument", "PtHeading", "QuoteKind", "Removal", "RemovalKind", "TagBracket",
    "TaggedClause", "census", "parse_attribution", "parse_component_tag", "parse_component_tags", "parse_markup",
]
