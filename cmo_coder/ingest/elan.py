"""ELAN's annotation files (``.eaf``): the XML that ELAN, the annotator of recordings used in conversation analysis
and in health and language research, writes.

An ``.eaf`` holds a ``TIME_ORDER`` of time slots (milliseconds; a slot may have no time yet) and tiers. A tier of
its own (no ``PARENT_REF``) holds time-aligned annotations, usually a speaker's speech: one tier per speaker, the
speaker named by the tier's ``PARTICIPANT`` (else its ``TIER_ID``). A dependent tier (with a ``PARENT_REF``:
referring and symbolic tiers, translations, glosses, words under an utterance) annotates another tier's annotations
and is no speech of its own: it is left out and the import says how many were. Speaker names go to the speaker,
never into the text, so a participant's name in ``PARTICIPANT`` reaches the key only.

The annotations of every independent tier are put in time order (a slot with no time takes the time of the last
slot before it that has one; ties keep the slots' order, then the tiers'), each an utterance with its tier's
speaker; consecutive annotations of one speaker make one turn. The media's URL and the header's properties are not
speech and are never read. Parsed as :mod:`.safe_xml` parses: no DTD, no entities, no network.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from lxml import etree

from . import safe_xml
from .limits import check_turns
from .normalise import clean_name, squash
from .utterance import ParseError, Utterance, excerpt

#: The latest time a slot may hold, in milliseconds (the same ceiling as the other readers' times).
_MAX_MS = 999_999 * 3_600_000


def looks_like_eaf(data: bytes) -> bool:
    """An XML document whose root element is ELAN's ``ANNOTATION_DOCUMENT`` (its head is enough)."""
    head = data[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    return head.startswith("<") and "<ANNOTATION_DOCUMENT" in head


@dataclass(frozen=True)
class _Slot:
    order: int
    ms: int | None


def _slots(root: etree._Element, source: str) -> dict[str, _Slot]:
    out: dict[str, _Slot] = {}
    for i, el in enumerate(root.iterfind("TIME_ORDER/TIME_SLOT")):
        sid = el.get("TIME_SLOT_ID")
        if not sid:
            raise ParseError(f"{source}: line {el.sourceline}: a TIME_SLOT with no TIME_SLOT_ID")
        raw = el.get("TIME_VALUE")
        ms: int | None = None
        if raw is not None:
            v = raw.strip()
            if not v.isascii() or not v.isdigit() or len(v) > 16 or int(v) > _MAX_MS:
                raise ParseError(f"{source}: line {el.sourceline}: TIME_VALUE={excerpt(raw)} is not a time in "
                                 "milliseconds")
            ms = int(v)
        out[sid] = _Slot(i, ms)
    return out


def _filled(slots: dict[str, _Slot]) -> dict[str, int | None]:
    """Each slot's time, a slot with none taking the last time before it in the time order (None before any)."""
    last: int | None = None
    out: dict[str, int | None] = {}
    for sid, slot in sorted(slots.items(), key=lambda kv: kv[1].order):
        if slot.ms is not None:
            last = slot.ms
        out[sid] = last
    return out


def read(data: bytes, source: str) -> tuple[list[Utterance], list[str]]:
    """The utterances of an ELAN file, and notes of what was left out."""
    root = safe_xml.parse(data, source, "annotation files")
    if root.tag != "ANNOTATION_DOCUMENT":
        raise ParseError(f"{source}: an XML file whose root is not ELAN's ANNOTATION_DOCUMENT")
    units = root.find("HEADER")
    if units is not None and units.get("TIME_UNITS", "milliseconds") != "milliseconds":
        raise ParseError(f"{source}: TIME_UNITS={excerpt(units.get('TIME_UNITS', ''))} is not read; save the file "
                         "from ELAN, which writes milliseconds")
    slots = _slots(root, source)
    times = _filled(slots)
    found: list[tuple[tuple[int, int, int, int], Utterance]] = []
    dependent = 0
    for tier_no, tier in enumerate(root.iterfind("TIER")):
        if tier.get("PARENT_REF"):
            dependent += 1
            continue
        who = (tier.get("PARTICIPANT") or "").strip() or (tier.get("TIER_ID") or "").strip()
        speaker = clean_name(html.escape(who, quote=False)) or None
        for pos, ann in enumerate(tier.iterfind("ANNOTATION/ALIGNABLE_ANNOTATION")):
            where = f"line {ann.sourceline}"
            refs = (ann.get("TIME_SLOT_REF1"), ann.get("TIME_SLOT_REF2"))
            if refs[0] not in slots or refs[1] not in slots:
                missing = refs[0] if refs[0] not in slots else refs[1]
                raise ParseError(f"{source}: {where}: the annotation refers to time slot {excerpt(missing or '')}, "
                                 "which the TIME_ORDER does not hold")
            value = ann.find("ANNOTATION_VALUE")
            # lxml decoded the XML's entities: escaped again, cleaning decodes them once ("<b>" said stays speech)
            said = squash(html.escape("".join(value.itertext()), quote=False)) if value is not None else ""
            if not said:
                continue
            start, end = times[str(refs[0])], times[str(refs[1])]
            key = (start if start is not None else -1, slots[str(refs[0])].order, tier_no, pos)
            found.append((key, Utterance(speaker=speaker, text=said,
                                         start_time=None if start is None else start / 1000,
                                         end_time=None if end is None else end / 1000,
                                         flags=[] if speaker else ["no_speaker"], where=where)))
            check_turns(len(found), source, where)
    if not found:
        raise ParseError(f"{source}: an ELAN file with no annotated speech (no time-aligned annotation with text on "
                         "a tier of its own)")
    notes = [f"left out {dependent} dependent tier{'s' if dependent != 1 else ''} (annotations of another tier's "
             "annotations: translations, glosses, notes), which are not speech"] if dependent else []
    return [u for _, u in sorted(found, key=lambda kv: kv[0])], notes
