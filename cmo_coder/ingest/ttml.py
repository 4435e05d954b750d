"""TTML and DFXP captions: the XML that Microsoft Stream, the BBC and broadcast subtitling tools write.

Each ``<p begin end>`` is a cue; its text is that of its ``<span>`` elements in order, a ``<br/>`` a line wrap.
A speaker is the ``ttm:agent`` of the paragraph (or of a ``<div>`` or ``<body>`` around it, or of its first
span), named by the agent's ``<ttm:name>`` in the head where there is one, else by the agent's id; a paragraph
whose spans name two agents or more (two speakers sharing a caption, as broadcast subtitles and EBU-TT put them)
is a cue per agent's run of spans, and a caption whose later line opens with a speaker's label (``JORDAN REYES:
hi<br/>PRIYA SHAH: yes``) is a cue per labelled line. A ``Name:``
prefix in the text names a speaker as in SubRip; the cues then go through the SubRip reader's speaker rules
(:func:`.srt.utterances`), so a TTML file and its SRT make the same turns. ``ttm:role`` says what kind of text
a paragraph is (dialogue, narration, a sound), never who speaks, and is not read as a speaker. Styles, regions,
``<metadata>`` and ``<set>`` are presentation and never text; the head's text (a title, a copyright line) is not
read as speech.

Broadcast subtitles name nobody's agent: they mark who speaks by the text's colour (``tts:color`` on the paragraph
or its first span, or on a style it refers to), a name written in the text (``JOHN: ...``) only now and then. In a
file with no agents and text in two colours or more, a caption whose colour is not the one before is a change of
speaker: it takes the name that captions of its colour are labelled with, where they are labelled with one name
only, and no speaker where none or several (white often serves several people); it never goes on as the speaker
before, whom the colour says it is not.

It is XML from someone else's machine: no DTD is loaded, no entity is expanded, nothing is fetched, and a file
with a ``<!DOCTYPE`` or ``<!ENTITY`` (how billion-laughs and external-entity attacks work; captions never need
one) is refused before the parser sees it. libxml2's own limits refuse nesting deeper than 256 elements and text
nodes over 10 MB; every refusal names the file.

Times: clock times (``00:00:01.500``, ``00:00:01:12`` with frames at ``ttp:frameRate``) and offsets (``1.5s``,
``1500ms``, ``2m``, ``1h``, ``45f``, ``15000000t`` at ``ttp:tickRate``). A paragraph with no time of its own takes
the previous cue's end; a ``<div>``'s begin is added to its paragraphs' (TTML times nest).
"""

from __future__ import annotations

import html
import re
from collections import Counter

from lxml import etree

from . import safe_xml
from .cues import Cue
from .limits import check_turns
from .normalise import clean_name, squash
from .srt import utterances
from .utterance import ParseError, Utterance, colon_in_time, excerpt, label_key, speakerish

_TTML_NS = ("http://www.w3.org/ns/ttml", "http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1")
_TTP = ("http://www.w3.org/ns/ttml#parameter", "http://www.w3.org/2006/10/ttaf1#parameter")
_TTM = ("http://www.w3.org/ns/ttml#metadata", "http://www.w3.org/2006/10/ttaf1#metadata")
_TTS = ("http://www.w3.org/ns/ttml#styling", "http://www.w3.org/2006/10/ttaf1#styling",
        "http://www.w3.org/2006/04/ttaf1#styling")
_CHEVRON_RE = re.compile(r"^>>\s*")
_LINE_LABEL_RE = re.compile(r"^(?:>>\s*)?([^:\n]{1,48}?)\s*:\s+\S")
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ROOT_RE = re.compile(r"<(?:[A-Za-z_][\w.-]{0,40}:)?tt[\s>]")
_CLOCK_RE = re.compile(r"^([0-9]{1,6}):([0-9]{2}):([0-9]{2})(?:(\.[0-9]{1,9})|:([0-9]{1,4})(?:\.[0-9]{1,4})?)?$",
                       re.ASCII)
_OFFSET_RE = re.compile(r"^([0-9]{1,12}(?:\.[0-9]{1,9})?)(h|m|s|ms|f|t)$", re.ASCII)
#: Elements whose content is presentation or data, never speech.
_NOT_TEXT = frozenset({"metadata", "set", "image", "animation", "audio", "chunk", "data", "source"})
MAX_DEPTH = 256


def _sniff(data: bytes) -> str:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore")


def looks_like_ttml(data: bytes) -> bool:
    """An XML document whose root is ``<tt>`` in a TTML or DFXP namespace (its head is enough)."""
    head = _sniff(data).lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    m = _ROOT_RE.search(head)
    return m is not None and any(ns in head[m.start():] for ns in ("/ns/ttml", "/ttaf1"))


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _attr(el: etree._Element, name: str, spaces: tuple[str, ...]) -> str | None:
    for ns in spaces:
        v = el.get(f"{{{ns}}}{name}")
        if v is not None:
            return v
    return el.get(name)


class _Clock:
    """The document's frame and tick rates, which give frames and ticks their length."""

    def __init__(self, root: etree._Element) -> None:
        self.frame_rate = _positive(_attr(root, "frameRate", _TTP), 30.0)
        sub = _positive(_attr(root, "subFrameRate", _TTP), 1.0)
        self.tick_rate = _positive(_attr(root, "tickRate", _TTP), self.frame_rate * sub if
                                   _attr(root, "frameRate", _TTP) else 1.0)

    def seconds(self, value: str | None) -> float | None:
        if value is None:
            return None
        v = value.strip()
        m = _CLOCK_RE.match(v)
        if m:
            h, mnt, s, frac, frames = m.groups()
            if int(mnt) >= 60 or int(s) >= 61:
                return None
            secs = int(h) * 3600 + int(mnt) * 60 + int(s) + (float(frac) if frac else 0.0)
            return round(secs + (int(frames) / self.frame_rate if frames else 0.0), 3)
        m = _OFFSET_RE.match(v)
        if not m:
            return None
        n, unit = float(m.group(1)), m.group(2)
        scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, "f": 1 / self.frame_rate, "t": 1 / self.tick_rate}
        return round(n * scale[unit], 3)


def _positive(value: str | None, default: float) -> float:
    try:
        f = float(value.split()[0]) if value else default
    except ValueError:
        return default
    return f if 0 < f < 1e9 else default


def _parse(data: bytes, source: str) -> etree._Element:
    root = safe_xml.parse(data, source, "captions")
    if _local(root.tag) != "tt" or etree.QName(root).namespace not in _TTML_NS:
        raise ParseError(f"{source}: an XML file whose root is not TTML's <tt>; not captions this reader knows")
    return root


def _agents(root: etree._Element) -> dict[str, str]:
    """Agent id → the agent's name as the head gives it (its id where it gives none)."""
    out: dict[str, str] = {}
    for el in root.iter("{*}agent"):
        aid = el.get(_XML_ID)
        if not aid:
            continue
        names = [" ".join("".join(n.itertext()).split()) for n in el.iter("{*}name")]
        full = [n for n, el2 in zip(names, el.iter("{*}name"), strict=True) if el2.get("type") == "full" and n]
        out[aid] = (full or [n for n in names if n] or [aid])[0]
    return out


def _text(el: etree._Element, depth: int, source: str) -> str:
    """The speech of ``el`` with ``<br/>`` as a line break, escaped again for the SubRip reader, which decodes
    once (the parser already decoded the XML's own entities)."""
    if depth > MAX_DEPTH:
        raise ParseError(f"{source}: elements nested over {MAX_DEPTH} deep; refused")
    parts = [html.escape(el.text, quote=False) if el.text else ""]
    for child in el:
        name = _local(child.tag)
        if name == "br":
            parts.append("\n")
        elif name and name not in _NOT_TEXT:
            parts.append(_text(child, depth + 1, source))
        if child.tail:
            parts.append(html.escape(child.tail, quote=False))
    return "".join(parts)


def _speaker(p: etree._Element, agents: dict[str, str]) -> str | None:
    node: etree._Element | None = p
    while node is not None:
        ref = _attr(node, "agent", _TTM)
        if ref and ref.split():
            return agents.get(ref.split()[0], ref.split()[0])
        node = node.getparent()
    for span in p.iter("{*}span"):
        ref = _attr(span, "agent", _TTM)
        if ref and ref.split():
            return agents.get(ref.split()[0], ref.split()[0])
    return None


def _agent_of(el: etree._Element, agents: dict[str, str]) -> str | None:
    ref = _attr(el, "agent", _TTM)
    return agents.get(ref.split()[0], ref.split()[0]) if ref and ref.split() else None


def _runs(p: etree._Element, agents: dict[str, str], source: str) -> list[tuple[str | None, str]]:
    """The paragraph's text as runs of one agent each, where its spans name two agents or more; else one run of no
    agent of its own (the paragraph's speaker is then found as before)."""
    named = {a for c in p if _local(c.tag) == "span" and (a := _agent_of(c, agents)) is not None}
    if len(named) < 2:
        return [(None, _text(p, 0, source))]
    runs: list[tuple[str | None, list[str]]] = [(None, [html.escape(p.text, quote=False) if p.text else ""])]
    for child in p:
        name = _local(child.tag)
        agent = _agent_of(child, agents) if name == "span" else None
        if agent is not None and agent != runs[-1][0]:
            runs.append((agent, []))
        if name == "br":
            runs[-1][1].append("\n")
        elif name and name not in _NOT_TEXT:
            runs[-1][1].append(_text(child, 1, source))
        if child.tail:
            runs[-1][1].append(html.escape(child.tail, quote=False))
    return [(agent, "".join(parts)) for agent, parts in runs if "".join(parts).strip()]


def _styles(root: etree._Element) -> dict[str, str]:
    """Style id → the text colour it gives (itself, or through the styles it refers to)."""
    own: dict[str, tuple[str | None, list[str]]] = {}
    for el in root.iter("{*}style"):
        sid = el.get(_XML_ID)
        if sid:
            own[sid] = (_attr(el, "color", _TTS), (el.get("style") or "").split())
    out: dict[str, str] = {}
    for sid in sorted(own):
        seen: set[str] = set()
        todo = [sid]
        while todo and sid not in out:
            cur = todo.pop(0)
            if cur in seen or cur not in own:
                continue
            seen.add(cur)
            colour, refs = own[cur]
            if colour:
                out[sid] = colour
            todo.extend(refs)
    return out


def _colour_of(el: etree._Element, styles: dict[str, str]) -> str | None:
    own = _attr(el, "color", _TTS)
    if own:
        return " ".join(own.lower().split())
    for ref in (el.get("style") or "").split():
        if ref in styles:
            return " ".join(styles[ref].lower().split())
    return None


def _colour(p: etree._Element, styles: dict[str, str]) -> str | None:
    """The colour a caption's text is shown in: its first span's with text, else its own or its container's."""
    for span in p.iter("{*}span"):
        if "".join(span.itertext()).strip() and (c := _colour_of(span, styles)) is not None:
            return c
    node: etree._Element | None = p
    while node is not None:
        if (c := _colour_of(node, styles)) is not None:
            return c
        node = node.getparent()
    return None


def by_colour(utts: list[Utterance], cues: list[Cue], colours: list[str | None]) -> None:
    """Speakers marked by colour (see the module's notes), set in place. A caption labelled in its text keeps its
    label; one whose colour changes takes its colour's one name, or no speaker."""
    labelled = [u.text != _CHEVRON_RE.sub("", squash("\n".join(c.lines))) and u.speaker is not None
                for u, c in zip(utts, cues, strict=True)]
    names: dict[str | None, set[str]] = {}
    for u, colour, lab in zip(utts, colours, labelled, strict=True):
        if lab and u.speaker is not None:
            names.setdefault(colour, set()).add(u.speaker)
    current: str | None = None
    for i, (u, colour, lab) in enumerate(zip(utts, colours, labelled, strict=True)):
        if lab:
            current = u.speaker
        elif i and colour != colours[i - 1]:
            named = names.get(colour, set())
            current = next(iter(named)) if len(named) == 1 else None
        u.speaker = current
        u.flags = [f for f in u.flags if f != "no_speaker"] + ([] if current is not None else ["no_speaker"])


def _line_label(line: str, counts: Counter[str] | None = None) -> str | None:
    """The speaker's label opening a caption's line (``PRIYA SHAH: yes``, ``>> Priya: yes``), or None: a label as
    a cue's would be one, the file's own count of it saying whether it recurs."""
    m = _LINE_LABEL_RE.match(squash(line))
    if m is None or colon_in_time(m.group(0), m.end(1)):
        return None
    if counts is None:
        return m.group(1)
    return m.group(1) if speakerish(m.group(1), counts[label_key(m.group(1))] >= 2) else None


def _split_at_labels(cues: list[Cue], labelled: list[str | None], colours: list[str | None]
                     ) -> tuple[list[Cue], list[str | None], list[str | None]]:
    """Captions cut where a line after the first opens with a speaker's label: two speakers share a caption, a line
    each (``JORDAN REYES: hi<br/>PRIYA SHAH: yes``). Why: the speaker rules read a label at a caption's start only,
    so the second speaker's name was read as speech, into the text. Each piece keeps the caption's times."""
    counts: Counter[str] = Counter(label_key(lab) for c in cues for line in c.lines
                                   if (lab := _line_label(line)) is not None)
    out: tuple[list[Cue], list[str | None], list[str | None]] = ([], [], [])
    for cue, agent, colour in zip(cues, labelled, colours, strict=True):
        pieces = [[cue.lines[0]]] if cue.lines else [[]]
        for line in cue.lines[1:]:
            if _line_label(line, counts) is not None:
                pieces.append([line])
            else:
                pieces[-1].append(line)
        for lines in pieces:
            out[0].append(Cue(id=cue.id, start=cue.start, end=cue.end, lines=lines, line_no=cue.line_no))
            out[1].append(agent)
            out[2].append(colour)
    return out


def _offset(p: etree._Element, clock: _Clock) -> float:
    """The sum of the begins of the containers around ``p`` (TTML times are relative to their parent's)."""
    total = 0.0
    node = p.getparent()
    while node is not None:
        total += clock.seconds(node.get("begin")) or 0.0
        node = node.getparent()
    return total


def read(data: bytes, source: str) -> list[Utterance]:
    """The utterances of a TTML or DFXP file."""
    root = _parse(data, source)
    clock = _Clock(root)
    agents = _agents(root)
    body = next(root.iter("{*}body"), None)
    if body is None:
        raise ParseError(f"{source}: a TTML file with no <body>: no captions")
    styles = _styles(root)
    cues: list[Cue] = []
    labelled: list[str | None] = []
    colours: list[str | None] = []
    previous_end = 0.0
    for p in body.iter("{*}p"):
        line = p.sourceline or 0
        base = _offset(p, clock)
        begin = clock.seconds(p.get("begin"))
        end = clock.seconds(p.get("end"))
        dur = clock.seconds(p.get("dur"))
        for what, raw, val in (("begin", p.get("begin"), begin), ("end", p.get("end"), end), ("dur", p.get("dur"),
                                                                                                  dur)):
            if raw is not None and val is None:
                raise ParseError(f"{source}: line {line}: {what}={excerpt(raw)} is not a TTML time")
        start = base + begin if begin is not None else previous_end
        stop = base + end if end is not None else start + dur if dur is not None else start
        previous_end = stop
        colour = _colour(p, styles)
        for agent, text in _runs(p, agents, source):
            cues.append(Cue(id=None, start=round(start, 3), end=round(stop, 3), lines=text.split("\n"),
                            line_no=line))
            labelled.append(agent if agent is not None else _speaker(p, agents))
            colours.append(colour)
            check_turns(len(cues), source, f"line {line}")
    if not cues:
        raise ParseError(f"{source}: no captions found (no <p> in the <body>)")
    cues, labelled, colours = _split_at_labels(cues, labelled, colours)
    utts = utterances(cues)
    if any(labelled):
        # The agent names the speaker; a "Name:" prefix in a cue with no agent still does, as in SubRip.
        for u, agent in zip(utts, labelled, strict=True):
            if agent is not None:
                u.speaker = clean_name(html.escape(agent, quote=False))  # invisibles out, decoded once
                u.flags = [f for f in u.flags if f != "no_speaker"]
    elif len({c for c in colours if c is not None}) >= 2:
        by_colour(utts, cues, colours)
    return utts
