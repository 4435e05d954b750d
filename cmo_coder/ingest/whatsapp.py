"""A WhatsApp chat exported as text ("Export chat", without media), as a peer-support or outreach group keeps it.

Two shapes, one per phone:

* iPhone: ``[12/03/2025, 14:02:11] Name: text``; the app's own notices and attachments are written as messages
  whose text starts with a left-to-right mark (U+200E): "Messages and calls are end-to-end encrypted", "<attached:
  00000012-PHOTO-….jpg>", "This message was deleted.". The mark alone does not make a notice: a member's text that
  begins with one (pasted from another chat) is speech. A marked message is left out where its words are the app's
  (an attachment, a medium omitted, a call, a location, a notice) or its sender is the chat itself (the group's
  name, which sends nothing but notices, opens the export with one and names members in them).
* Android: ``12/03/2025, 14:02 - Name: text``; the app's notices have no sender (``12/03/2025, 19:02 - Jordan
  created group "…"``), and a member's media or deleted message is written as "<Media omitted>" or "This message
  was deleted". A notice that quotes a name holding ": " is still a notice (its quote is left open before it).

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
from collections import Counter
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
#: The app's notices as iPhone writes them after the mark (English; a notice in another language is known by its
#: sender, the chat itself: see :func:`read`).
_IOS_NOTICE = re.compile(
    r"^(?:Messages and calls are end-to-end encrypted|Missed (?:voice|video|group voice|group video) call|"
    r"(?:Voice|Video) call\b|Location: https?://|Contact card omitted|"
    r"(?=.{0,160}$).{1,80}? (?:created (?:this )?group|added|removed|left$|joined using this group's invite link|"
    r"changed (?:the subject|this group's|the group|their phone number)|deleted this group's|pinned a message|"
    r"turned (?:on|off) disappearing messages|"
    r"is a contact)|You(?:'re| are) now an admin|Your security code with|This chat is with|Waiting for this "
    r"message)", re.IGNORECASE)
#: The words of an Android notice that quotes a name or subject (the part before the quote's ": ").
_NOTICE_WORDS = re.compile(r" (?:created group|changed the (?:subject|group name|group description)|changed this "
                           r"group's) ", re.IGNORECASE)
#: iPhone's mark of an edited message, written after its text.
_EDITED = re.compile(r"\s*\u200e?<This message was edited>$")
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


def _notice_sender(sender: str) -> bool:
    """Whether the text before a dated line's first ": " is a notice of the app, not a member: Android writes its
    notices with no sender, and one that quotes a group's name or subject holding ": " (``Jordan created group
    "Peer support: Leeds"``) looked like a message of a member called ``Jordan created group "Peer support``.
    A quotation mark left open, or the words of such a notice, tell; a contact saved with a nickname in quotes
    (``Jo "JJ" Smith``) closes its quotes."""
    return bool(_NOTICE_WORDS.search(sender)) or sender.count('"') % 2 == 1 or sender.count("\u201c") != sender.count(
        "\u201d")


def _marked_no_speech(said: str) -> bool:
    """Whether a message that begins with the left-to-right mark is the app's, not the member's: an attachment, an
    omitted medium, a deleted message, a shared location, a call or one of the app's notices. iPhone marks those
    so; it marks a member's own text too where the text begins with a mark of its own (a pasted message), and that
    text is speech."""
    body = said.lstrip(_LRM).strip()
    return bool(_NO_SPEECH.match(body) or _IOS_NOTICE.match(body))


def read(text: str, source: str) -> list[Utterance]:
    lines = text.split("\n")
    dated = [m for line in lines if (m := _dated(line.rstrip("\r")))]
    month_first = _month_first(dated)
    # The chat itself sends iPhone's notices, under the group's name and in the phone's language: a sender that
    # writes nothing but marked messages, and opens the export (the encryption notice always does), writes two
    # marked messages or more, or one that is a notice by its words or names a member first, as a notice in any
    # language does ("Jordan a ajouté Sam"). A member whose one message begins with a mark is none of these.
    marked: Counter[str] = Counter()
    unmarked: set[str] = set()
    texts: list[tuple[int, str, str]] = []
    for i, m in enumerate(dated):
        if (sent := _SENDER_RE.match(m.group(8))) is not None:
            if sent.group(2).startswith(_LRM):
                marked[sent.group(1)] += 1
                texts.append((i, sent.group(1), sent.group(2).lstrip(_LRM).strip()))
            else:
                unmarked.add(sent.group(1))
    firsts = {name.split()[0] for name in unmarked if name.split()}
    noticed = {who for i, who, said in texts
               if i == 0 or _IOS_NOTICE.match(said) or said.split(" ", 1)[0] in firsts}
    chat_itself = ({who for who, n in marked.items() if n >= 2} | noticed) - unmarked
    first: datetime | None = None
    result: list[Utterance] = []
    cur: Utterance | None = None
    body: list[str] = []

    def flush() -> None:
        if cur is not None:
            said = "\n".join(line for line in (squash(part).strip() for part in body) if line)
            said = _EDITED.sub("", said)
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
        if sent is None or _notice_sender(sent.group(1)):
            continue  # a notice of the app (Android: no sender, or a quoted name holding ": ")
        if sent.group(2).startswith(_LRM) and (sent.group(1) in chat_itself or _marked_no_speech(sent.group(2))):
            continue  # iPhone: a notice, an attachment's file name, a medium omitted
        name = clean_name(sent.group(1).replace(_LRM, ""))
        cur = Utterance(speaker=name, text="", start_time=float((when - first).total_seconds()), where=f"line {ln}")
        body = [sent.group(2)]
    flush()
    if not result:
        raise ParseError(f"{source}: a WhatsApp chat export with no message of a member")
    return result
