"""Rich Text Format (``.rtf``): a transcript as transcription services send it.

Transcription services deliver RTF as often as Word: speaker labels in bold before a tab, ``\\par`` paragraphs, and a
page header holding the interviewee's name, the role, the town and the date. The import refused every RTF file. This
reader takes the document's body text in order and hands its paragraphs to the plain reader, which finds the
``Name:`` labels; what is no speech is left out and counted, never read into a turn: the page header and footer,
footnotes, comments (annotations), shapes and text boxes, pictures and embedded objects, field instructions, and every
destination RTF marks as ignorable (``{\\*\\...}``). So the header's name is neither joined into speech (a leak past
the reader's notice) nor dropped without a word (the import says it was there).

Characters: ``\\'hh`` is a byte of the document's code page (``\\ansicpg``, Windows-1252 by default), ``\\uN`` a Unicode
character followed by the ``\\ucN`` fallback characters, which are skipped; the named characters (``\\emdash``,
``\\rquote``, ``\\~``) are what they name. Hostile input is bounded: groups nest at most :data:`MAX_DEPTH` deep, a
``\\bin`` skips its bytes, and a file that ends inside a group (a truncated file) is refused, not read in part.
"""

from __future__ import annotations

import re

from . import plain
from .limits import check_lines
from .utterance import ParseError, Utterance

#: Groups nest deeper than this only in a file built to exhaust the reader.
MAX_DEPTH = 500
_CONTROL = re.compile(rb"\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?|\\([^a-zA-Z])|([{}])|([\r\n]+)|([^\\{}\r\n]+)")
#: Destinations whose text is no speech, and how the import names them when they held text.
_LEFT_OUT = {
    "header": "the page header", "headerl": "the page header", "headerr": "the page header",
    "headerf": "the page header", "footer": "the page footer", "footerl": "the page footer",
    "footerr": "the page footer", "footerf": "the page footer", "footnote": "footnote(s)",
    "annotation": "comment(s)", "shp": "text box(es) or shape(s)", "shptxt": "text box(es) or shape(s)",
}
#: Destinations that hold no text a reader shows.
_SKIP = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "fldinst", "themedata", "colorschememapping",
    "latentstyles", "datastore", "xmlnstbl", "listtable", "listoverridetable", "rsidtbl", "generator", "mmathPr",
    "pgdsctbl", "nonshppict", "shppict", "atnid", "atnauthor", "atndate", "atnref", "bkmkstart", "bkmkend",
    "filetbl", "revtbl", "userprops", "docvar", "template", "xe", "tc", "txe", "private", "sp", "sn", "sv",
    "blipuid", "wgrffmtfilter", "fchars", "lchars", "operator", "author", "title", "subject", "keywords",
    "comment", "company", "category", "doccomm", "hlinkbase", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc",
})
_NAMED = {b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n", b"cell": "\t", b"tab": "\t",
          b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019",
          b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"bullet": "\u2022", b"emspace": " ", b"enspace": " ",
          b"qmspace": " "}
_SYMBOLS = {b"~": "\u00a0", b"-": "", b"_": "\u2011", b"\\": "\\", b"{": "{", b"}": "}", b"|": "", b":": ""}


def is_rtf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf")


def text_of(data: bytes, source: str) -> tuple[str, dict[str, int]]:
    """The document's shown text (paragraphs as lines) and what was left out, by kind and count."""
    data = data.lstrip(b"\xef\xbb\xbf \r\n\t")
    codepage = "cp1252"
    out: list[str] = []
    left_out: dict[str, int] = {}
    # a group's state: skipping (None, or the name of the destination being skipped), and \ucN
    stack: list[tuple[str | None, int]] = []
    skip: str | None = None
    uc = 1
    pending_skip = 0  # fallback characters still to skip after a \uN
    first_in_group = False
    i = 0
    n = len(data)
    while i < n:
        m = _CONTROL.match(data, i)
        if m is None:  # a lone backslash at the very end
            break
        i = m.end()
        word, arg, symbol, brace, newline, chunk = m.groups()
        if newline:
            continue  # line breaks in the file are not in the text
        if brace == b"{":
            if len(stack) >= MAX_DEPTH:
                raise ParseError(f"{source}: groups nest over {MAX_DEPTH} deep; not a document a word processor "
                                 "writes")
            stack.append((skip, uc))
            first_in_group = True
            continue
        if brace == b"}":
            if not stack:
                raise ParseError(f"{source}: a '}}' closes no group (byte {m.start()}); not a whole RTF file")
            skip, uc = stack.pop()
            first_in_group = False
            pending_skip = 0
            if not stack:
                i = n  # the document's last brace: nothing after it is text
            continue
        starts_group, first_in_group = first_in_group, False
        if symbol is not None:
            if symbol == b"*" and starts_group:
                skip = skip or "*"
                first_in_group = True  # the destination's name follows: counted if it is one left out
            elif symbol == b"'":
                hexa = data[i:i + 2]
                i += 2
                if pending_skip:
                    pending_skip -= 1
                elif skip is None:
                    try:
                        out.append(bytes([int(hexa, 16)]).decode(codepage, "replace"))
                    except ValueError:
                        out.append("\ufffd")
            elif skip is None:
                if pending_skip:
                    pending_skip -= 1
                else:
                    out.append(_SYMBOLS.get(symbol, ""))
            continue
        if word is not None:
            name = word.decode("ascii")
            value = int(arg) if arg is not None else None
            if name == "bin" and value:
                i += max(0, value)  # binary data: skipped whole
                continue
            if name == "ansicpg" and value:
                codepage = f"cp{value}" if _known_codepage(f"cp{value}") else codepage
                continue
            if name == "uc" and value is not None:
                uc = max(0, min(value, 10))
                continue
            if starts_group and (name in _LEFT_OUT or name in _SKIP or skip == "*"):
                if name in _LEFT_OUT and stack and stack[-1][0] is None:  # not inside another skipped group
                    what = _LEFT_OUT[name]
                    left_out[what] = left_out.get(what, 0) + 1
                skip = skip or name
                continue
            if skip is not None:
                continue
            if name == "u" and value is not None:
                out.append(chr(value % 65536) if value % 65536 not in range(0xD800, 0xE000) else "\ufffd")
                pending_skip = uc
                continue
            said = _NAMED.get(word)
            if said is not None:
                out.append(said)
            continue
        if chunk is not None and skip is None:
            text = chunk.decode("latin-1")
            if pending_skip:
                cut = min(pending_skip, len(text))
                text, pending_skip = text[cut:], pending_skip - cut
            if any(ord(c) > 127 for c in text):  # a raw byte of the code page (writers that do not escape)
                text = text.encode("latin-1").decode(codepage, "replace")
            out.append(text)
    if stack:
        raise ParseError(f"{source}: the file ends inside a group ({len(stack)} left open): a truncated RTF file")
    counted = {what: n for what, n in left_out.items() if what in ("footnote(s)", "comment(s)",
                                                                   "text box(es) or shape(s)")}
    counted.update({what: 1 for what in left_out if what not in counted})
    return "".join(out), counted


def _known_codepage(name: str) -> bool:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def read(data: bytes, source: str) -> tuple[list[Utterance], list[str]]:
    """The utterances of an RTF transcript, and the import's note on what was left out as no speech."""
    text, left_out = text_of(data, source)
    check_lines(text.count("\n") + 1, source)
    if not text.strip():
        raise ParseError(f"{source}: the document has no text")
    said = [f"{n} {what}" if what.endswith("(s)") else what for what, n in left_out.items()]
    notes = [f"left out as no speech: {', '.join(said)} (check them in the original for anything the transcript "
             "needs)"] if said else []
    lines = [(line, f"paragraph {i}") for i, line in enumerate(text.split("\n"), 1)]
    return plain.read_lines(lines, source), notes
