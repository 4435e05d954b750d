"""A WhatsApp chat exported as text ("Export chat", without media), as a peer-support or outreach group keeps it.

Two shapes, one per phone:

* iPhone: ``[12/03/2025, 14:02:11] Name: text``; the app's own notices and attachments are written as messages
  whose text starts with a left-to-right mark (U+200E): "Messages and calls are end-to-end encrypted", "<attached:
  00000012-PHOTO-….jpg>", "This message was deleted.".
* Android: ``12/03/2025, 14:02 - Name: text``; the app's notices have no sender (``12/03/2025, 19:02 - Jordan
  created group "…"``), and a member's media or deleted message is written as "<Media omitted>" or "This message
  was deleted".

A member the exporting phone has not saved is named by the phone number (``+44 7700 900123``): that number is the
member's speaker name, as a manifest alias can say. A message goes on over the lines below it until the next
dated line, so a message of several lines is one turn, never a turn of no speaker.

Notices, attachments' file names and deleted or omitted media are no speech: they are left out, since each
would be a turn a coder has to read past and the notices name the members ("Jordan added +44 7700 900781")
outside any turn's speaker. Times are seconds since the first dated line, read day first (as a UK phone writes
them) unless a first field over 12 shows a month-first export.
"""

from __future__ import annotations

import re
from datetime import datetime

from .limits import check_turns
from .normalise import clean_name, squash
from .utterance import ParseError, Utterance

_DATE = r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{2,4})"
_CLOCK = r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:[ \u202f\u00a0]?([AaPp])\.?[Mm]\.?)?"
_IOS_RE = re.compile(r"^\u200e?\[" + _DATE + r",? " + _CLOCK + r"\] (.*)$")
_ANDROID_RE = re.compile(r"^\u200e?" + _DATE + r",? " + _CLOCK + r" [-–] (.*)$")
#: The sender before the first ": " of a dated line; a notice of the app has none ("Jordan created group …").
_SENDER_RE = re.compile(r"^([^:\n]{1,80}?): (.*)$")
_LRM = "\u200e"
#: What a member's message says when the export holds no speech of it.
_NO_SPEECH = re.compile(r"^(?:<Media omitted>|<attached: [^>\n]*>|This message was deleted\.?|You deleted this "
                        r"message\.?|(?:image|video|audio|sticker|GIF|document) omitted|null|Waiting for this "
                        r"message\.? .*|<This message was edited>)$", re.IGNORECASE)


def _dated(line: str) -> re.Match[str] | None:
    return _IOS_RE.match(line) or _ANDROID_RE.match(line)


def looks_like_whatsapp(head: list[str]) -> bool:
    """Whether the first non-blank lines are a chat export's: the first line dated, and another line dated in the
    same shape (iPhone's or Android's).

    How many of the lines are dated does not count: a chat whose messages run over several lines (a pasted
    letter, a list) has more lines of speech than dated ones, and such a chat was read as a plain transcript, its
    senders lost and its dated lines made one turn of no one."""
    if not head or _dated(head[0]) is None:
        return False
    shape = _IOS_RE if _IOS_RE.match(head[0]) else _ANDROID_RE
    return sum(1 for line in head if shape.match(line)) >= 2


def _month_first(matches: list[re.Match[str]]) -> bool:
    """Whether the export writes the month first (a phone set to the US): only where no first field is over 12
    and some second field is."""
    return not any(int(m.group(1)) > 12 for m in matches) and any(int(m.group(2)) > 12 for m in matches)


def _when(m: re.Match[str], month_first: bool) -> datetime | None:
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day, month = (b, a) if month_first else (a, b)
    hour, minute, second = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
    if m.group(7):
        hour = hour % 12 + (12 if m.group(7).lower() == "p" else 0)
    try:
        return datetime(year + 2000 if year < 100 else year, month, day, hour, minute, second)
    except ValueError:
        return None


def read(text: str, source: str) -> list[Utterance]:
    lines = text.split("\n")
    dated = [m for line in lines if (m := _dated(line.rstrip("\r")))]
    month_first = _month_first(dated)
    first: datetime | None = None
    result: list[Utterance] = []
    cur: Utterance | None = None
    body: list[str] = []

    def flush() -> None:
        if cur is not None:
            said = "\n".join(line for line in (squash(part).strip() for part in body) if line)
            if said and not _NO_SPEECH.match(said):
                cur.text = said
                result.append(cur)
                check_turns(len(result), source, cur.where)

    for ln, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        m = _dated(line)
        if m is None:
            if cur is not None and line.strip():
                body.append(line)
            continue
        flush()
        cur, body = None, []
        when = _when(m, month_first)
        if when is None:
            raise ParseError(f"{source}: line {ln}: bad date or time in {line[:40]!r}")
        first = first or when
        sent = _SENDER_RE.match(m.group(8))
        if sent is None or sent.group(2).startswith(_LRM):
            continue  # a notice of the app (Android: no sender; iPhone: marked), or an attachment's file name
        name = clean_name(sent.group(1).replace(_LRM, ""))
        cur = Utterance(speaker=name, text="", start_time=float((when - first).total_seconds()), where=f"line {ln}")
        body = [sent.group(2)]
    flush()
    if not result:
        raise ParseError(f"{source}: a WhatsApp chat export with no message of a member")
    return result
