"""An email saved as a file (``.eml``): a transcript pasted into a message, as a transcription service or a
colleague sends it.

A team that receives a transcript in the body of an email saves the message (Outlook's and Thunderbird's "Save as",
a webmail's "Download message") and imports that file. Read as plain text, such a file gave the message's headers as
speech (the sender's and recipient's names and addresses, a subject naming the island the interview was held on),
and its body still in its transfer encoding: quoted-printable's soft line breaks split words in two ("B=" and "rae",
a phone number's last digits cut off from the rest), so neither half was found as a name or a number, and
``=E2=80=99`` stood for every apostrophe. This reader parses the message with the standard library's ``email``
package: the body's text part (plain text first, else HTML) is decoded from its transfer encoding and charset and
handed to the text readers, so a pasted ``Name: text`` transcript, an Otter export or captions give their turns as the
file of their own would. What is no speech is left out and said by the import, never read into a turn: the message's
header, attachments (import an attached transcript file on its own), and the header block of a forwarded or quoted
message inside the body ("---------- Forwarded message ---------" and its ``From:``, ``Date:``, ``Subject:``,
``To:`` lines), whose names would otherwise open turns of speakers called "From" and "To".
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from .normalise import decode
from .utterance import ParseError

#: Header fields a mail program writes; a file is a message when its first lines are such fields and among them
#: are the sender and a field no transcript's speaker is called ("Subject", "Date", "MIME-Version" …).
_MAIL_FIELDS = frozenset({
    "from", "to", "cc", "bcc", "subject", "date", "sent", "reply-to", "sender", "message-id", "mime-version",
    "content-type", "content-transfer-encoding", "received", "return-path", "in-reply-to", "references",
    "thread-topic", "thread-index", "importance", "delivered-to", "user-agent", "x-mailer",
})
#: Families of fields servers and mail programs add ("X-MS-Has-Attach", "DKIM-Signature", "Content-Language").
_MAIL_PREFIXES = ("x-", "arc-", "dkim-", "authentication-", "content-", "accept-", "list-", "thread-", "resent-")
_NOT_SPEAKERS = frozenset({"subject", "date", "sent", "message-id", "mime-version", "content-type", "received",
                           "return-path", "thread-topic", "thread-index", "delivered-to", "x-mailer"})
_FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,40}):(?:[ \t]|$)")
#: The line a mail program writes above a forwarded or quoted message's own header block in the body.
_FORWARD_RE = re.compile(r"^\s*-{2,}\s*(?:Forwarded message|Original Message|Begin forwarded message)\s*-*\s*$"
                         r"|^\s*Begin forwarded message:\s*$", re.IGNORECASE)
_BODY_FIELDS = frozenset({"from", "to", "cc", "bcc", "subject", "date", "sent", "reply-to"})
#: A sign-off that closes the sender's own message ("Kind regards," then a name, a firm, a phone number): the
#: sender's words, never the last speaker's, so the lines from it to the body's end are no speech.
_SIGN_OFF_RE = re.compile(r"^\s*(?:(?:kind|best|warm|many)\s+(?:regards|wishes|thanks)|regards|best|thanks|"
                          r"thank you|many thanks|cheers|all the best|yours(?:\s+sincerely|\s+faithfully)?)"
                          r"\s*[,.!]?\s*$", re.IGNORECASE)
_LABEL_RE = re.compile(r"^\s*([^:\s][^:]{0,40}):\s")
#: At most this many lines after a sign-off: a longer tail is more of the transcript, kept as it stands.
_SIGNATURE_LINES = 8
#: Header lines read before deciding: a message's header is rarely longer, and a transcript never opens so.
_HEAD_LINES = 60


def looks_like_email(data: bytes) -> bool:
    """Whether ``data`` opens with a mail header: lines of ``Field: value`` (or their folded continuations) up to
    the first blank line, a sender (``From:``) and a field only a mail program writes among them, and at least
    seven in ten of the fields a mail program's (so ``Subject:`` and ``From:`` above a file's first turns, "Jo:"
    and "Sam:", are no header)."""
    head = data.lstrip(b"\xef\xbb\xbf\r\n \t")[:16384].decode("utf-8", errors="replace").replace("\r\n", "\n")
    if head.startswith("From "):  # an mbox's separator line above the header
        head = head.split("\n", 1)[1] if "\n" in head else ""
    fields: list[str] = []
    for line in head.split("\n")[:_HEAD_LINES]:
        if not line.strip():
            break
        if line[0] in " \t" and fields:
            continue  # a folded header line
        m = _FIELD_RE.match(line)
        if m is None:
            return False
        fields.append(m.group(1).lower())
    else:
        return False  # no blank line ends the header: not a message
    known = [f for f in fields if f in _MAIL_FIELDS or f.startswith(_MAIL_PREFIXES)]
    return ("from" in fields and len(known) >= 2 and 10 * len(known) >= 7 * len(fields)
            and any(f in _NOT_SPEAKERS for f in fields))


def _text_part(message: EmailMessage, source: str) -> EmailMessage:
    body = message.get_body(preferencelist=("plain", "html"))
    if not isinstance(body, EmailMessage):
        raise ParseError(f"{source}: an email with no text in its body (the transcript may be an attachment: "
                         "save the attached file and import it)")
    return body


def _decoded(part: EmailMessage, source: str) -> str:
    """The part's text, decoded from its transfer encoding and charset; a charset the message names wrongly or
    one Python does not know falls back to the import's own decoding (UTF-8, else Windows-1252, said)."""
    try:
        text = part.get_content()
    except (LookupError, UnicodeDecodeError):
        raw = part.get_payload(decode=True)
        text = decode(raw if isinstance(raw, bytes) else b"", source).text
    if not isinstance(text, str):
        raise ParseError(f"{source}: the email's text part could not be read as text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _without_forwarded_headers(lines: list[str]) -> tuple[list[str], int]:
    """The body's lines without the header block of each forwarded or quoted message (the marker line and the
    ``From:``/``Date:``/``Subject:``/``To:`` lines under it), and how many such blocks there were."""
    out: list[str] = []
    blocks = 0
    i = 0
    while i < len(lines):
        if _FORWARD_RE.match(lines[i]):
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            k = j
            while k < len(lines) and (m := _FIELD_RE.match(lines[k].strip())) and m.group(1).lower() in _BODY_FIELDS:
                k += 1
            blocks += 1
            out.extend("" for _ in range(k - i))  # keep the line count, so a later error's line number holds
            i = k
            continue
        out.append(lines[i])
        i += 1
    return out, blocks


#: A reply's quote marks at a line's start: ">" and a space, once per level ("> ", "> > ", ">> ").
_QUOTE_RE = re.compile(r"^(?:[ \t]*>)+[ \t]?")
#: The line a mail program writes above the text it quotes ("On Mon, 16 Nov 2026 at 09:41, Typing Desk
#: <desk@typing.example> wrote:"): the quoted sender's name and address, no one's speech.
_ATTRIBUTION_RE = re.compile(r"^\s*On\b.{0,400}\bwrote:\s*$", re.IGNORECASE)


def _without_reply_quoting(lines: list[str]) -> tuple[list[str], int, int]:
    """The body's lines with a reply's quote marks taken off, and each attribution line above quoted text left out
    (blank, so line numbers hold); how many lines were quoted and how many attributions there were.

    Why: a transcript a colleague replied to arrives quoted ("> Anna Reid: Where do you go?"), and read as it stood
    every speaker was "> Anna Reid", a name no manifest line matches (so a provisional speaker, and the advice's
    manifest line kept the mark), and the attribution line ("On Mon …, Typing Desk <desk@…> wrote:") was the
    speech of nobody with the typist's name and address in it."""
    out: list[str] = []
    quoted = attributions = 0
    for i, line in enumerate(lines):
        m = _QUOTE_RE.match(line)
        if m is not None:
            out.append(line[m.end():])
            quoted += 1
            continue
        if _ATTRIBUTION_RE.match(line):
            after = next((x for x in lines[i + 1:i + 4] if x.strip()), "")
            if _QUOTE_RE.match(after):
                out.append("")
                attributions += 1
                continue
        out.append(line)
    return out, quoted, attributions


def _without_signature(lines: list[str]) -> tuple[list[str], bool]:
    """The body's lines without the sender's signature: from the delimiter ``-- `` (RFC 3676), or from a sign-off
    line with at most :data:`_SIGNATURE_LINES` lines after it, to the end; whether there was one."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for n, i in enumerate(filled):
        # the lines after are counted, not gathered, for every line: gathering them made a body of 50,000 lines
        # take minutes (a list of the rest built at each line), where a sign-off can only close the last few
        if lines[i] == "-- " or (len(filled) - n - 1 <= _SIGNATURE_LINES and _SIGN_OFF_RE.match(lines[i])
                                 and not _turns_after(lines[:i], [lines[j] for j in filled[n + 1:]])):
            return lines[:i] + ["" for _ in lines[i:]], True
    return lines, False


def _turns_after(before: list[str], after: list[str]) -> bool:
    """Whether a line after a "Thanks." opens with a label that opens a turn before it: the transcript goes on
    (a speaker's "Thanks." on a line of its own), so it is no sign-off."""
    labels = {m.group(1).lower() for line in before if (m := _LABEL_RE.match(line))}
    return any((m := _LABEL_RE.match(line)) and m.group(1).lower() in labels for line in after)


def body_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """The message's body as text for the text readers, and the import's notes on what was left out."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):  # pragma: no cover - the default policy always gives one
        raise ParseError(f"{source}: not read as an email")
    part = _text_part(message, source)
    text = _decoded(part, source)
    if part.get_content_subtype() == "html":
        from .html_transcript import page_lines

        text = "\n".join(page_lines(text, source))
    lines, quoted, attributions = _without_reply_quoting(text.split("\n"))
    lines, forwarded = _without_forwarded_headers(lines)
    lines, signed = _without_signature(lines)
    text = "\n".join(lines)
    if not text.strip():
        raise ParseError(f"{source}: the email's body has no text")
    attachments = sum(1 for _ in message.iter_attachments())
    said = ["the email's header (sender, recipients, subject and date)"]
    if signed:
        said.append("the sender's sign-off and signature")
    if forwarded:
        said.append(f"{forwarded} forwarded or quoted message header(s) in the body")
    if attributions:
        said.append(f"{attributions} reply attribution line(s) ('On … wrote:')")
    notes = [f"left out as no speech: {', '.join(said)} (check them in the original for anything the transcript "
             "needs)"]
    if quoted:
        notes.append(f"{quoted} line(s) quoted in a reply read without their '>' marks")
    if attachments:
        notes.append(f"{attachments} attachment(s) of the email not read: save an attached transcript and import "
                     "that file on its own")
    return text, notes
