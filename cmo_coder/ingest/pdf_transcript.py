"""PDF transcripts: the text layer of a transcript printed to PDF, read as the text it was printed from.

Transcription services and researchers send PDF: Otter's and Rev's PDF exports, Word's "Save as PDF" of a ``Name:
text`` transcript, NVivo's printed transcript. A PDF places words on pages; it keeps no turns or paragraphs. So
this module only gives back the lines a reader of the page sees, in order, and the text readers (Otter, Rev,
``Name: text``, time stamps) read them as they read a TXT of the same transcript: the turns and speakers are the
same wherever the transcript came from.

What the page adds and the transcript does not hold is taken off, and the import says how much (never what: a
warning is stored outside the secure folder): a line repeated at the top or the foot of every page (a running
header or footer, often the interviewee's name and the date) and page numbers. A turn cut by a page break goes on
over it, and a word hyphenated at a line's end is joined; a paragraph that ends at a page break (its last line
ends a sentence short of the margin, and the next page opens as a paragraph does) ends there, as in the TXT. A page
laid out in two columns is refused with advice: read in layout order, its lines would run across both columns.

Text is read with pypdf (pure Python, no compiled parts, kept up to date with a security policy and stated
resource limits), in its layout mode: lines are ordered by where they stand on the page, not by the order the
producer wrote them, and a paragraph's space above gives a blank line, as a TXT's paragraphs have.

Refused, naming the file and saying what to do: a PDF with no text layer (a scan: run OCR first), an encrypted
PDF, text whose letters stand one by one or are no characters (no readable order, or fonts with no Unicode
mapping), and past the limits: pages, decompressed content, nesting of objects.
"""

from __future__ import annotations

import functools
import io
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from .limits import check_lines
from .utterance import ParseError

#: Pages in one transcript: a three-hour focus group prints to about a hundred.
MAX_PAGES = 2_000
#: Decompressed page content (all pages' content streams together), counted as pages are read.
MAX_CONTENT_BYTES = 128 * 1024 * 1024
#: Nesting of arrays and dictionaries in the file's own bytes: a page needs a handful, a hostile file thousands.
MAX_DEPTH = 64
#: Characters of text taken from one PDF (about 20,000 pages of speech).
MAX_TEXT_CHARS = 50_000_000
#: A stream's bytes (compressed data holds any byte), left out of the nesting count.
_STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)
_NESTING = re.compile(rb"<<|>>|\[|\]|endobj")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$|^[-–—]\s*#\s*[-–—]$", re.IGNORECASE)
#: Typographic ligatures a font may hold as one glyph ("ﬁ" in "ofﬁce"): read as their letters.
_LIGATURES = re.compile("[\ufb00-\ufb06]")
#: A word broken at the line's end: a letter, then a hyphen (or a soft hyphen), at the end of the line.
_BROKEN = re.compile(r"(?<=[^\W\d_])([-\u00ad\u2010])$")
_WORD_START = re.compile(r"[^\W\d_]+")
#: The lines at each end of a page looked at for running headers, footers and page numbers.
_EDGE = 3
#: A line that opens with a speaker's label (``Name:``, ``Speaker 1 (00:03):``, Otter's ``Name  0:03``).
_LABEL = re.compile(r"^[^:\n]{1,60}:(?:\s|$)|^\S.{0,79}?(?:\s{2,}|\t)\d{1,2}:\d{2}(?::\d{2})?\s*$")
_ADVICE = ("export the transcript from the program that wrote it as .docx, .odt or .txt and import that")
#: A line of a layout page with a wide gap inside it: two pieces of text side by side.
_GAP = re.compile(r"^(\s*)(\S.*?\S)(\s{4,})(\S.*\S)\s*$")
_TIME_ONLY = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?$")
#: A line ending that closes a paragraph: sentence punctuation, perhaps inside a closing quote or bracket.
_PARA_END = re.compile(r"[.?!…:][\"'”’)\]]*$")


def is_pdf(data: bytes) -> bool:
    """A PDF by its content: ``%PDF-`` at the start (after white space, as some mail programs leave it)."""
    return data[:1024].lstrip(b" \t\r\n\x00\xef\xbb\xbf").startswith(b"%PDF-")


def _depth(data: bytes) -> int:
    """How deep arrays and dictionaries nest in the file's own objects (streams' bytes aside), counted before
    the parser recurses into them: pypdf reads nesting by recursion, and ten thousand levels cost seconds."""
    deepest = depth = 0
    for m in _NESTING.finditer(_STREAM.sub(b"", data)):
        token = m.group()
        if token in (b"<<", b"["):
            depth += 1
            deepest = max(deepest, depth)
        elif token == b"endobj":
            depth = 0
        else:
            depth = max(0, depth - 1)
    return deepest


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs what it repairs in a damaged file, and a log line may quote the file's own bytes: none of the
    file's text may reach a log (the secure folder is the only place for it), so its logger is off meanwhile."""
    log = logging.getLogger("pypdf")
    level, log.level = log.level, logging.CRITICAL + 1
    try:
        yield
    finally:
        log.level = level


def _refuse(source: str, why: str) -> ParseError:
    return ParseError(f"{source}: not read: {why}")


def pages_text(data: bytes, source: str) -> list[str]:
    """Each page's text in layout order, after the file's checks (encryption, pages, nesting, content size)."""
    if _depth(data) > MAX_DEPTH:
        raise _refuse(source, f"a PDF whose objects nest more than {MAX_DEPTH} deep (a damaged or hostile file); "
                              + _ADVICE)
    from pypdf import PdfReader  # imported here: only a PDF import pays for it

    out: list[str] = []
    with _quiet():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise _refuse(source, "an encrypted PDF (a password or restrictions on copying); save an "
                                      "unprotected copy, or " + _ADVICE)
            count = len(reader.pages)
            if count == 0:
                raise _refuse(source, "a PDF with no pages; " + _ADVICE)
            if count > MAX_PAGES:
                raise _refuse(source, f"a PDF of {count} pages, over the limit of {MAX_PAGES} pages per "
                                      "transcript; split the file (is it really one transcript?)")
            seen = chars = 0
            for page in reader.pages:
                contents = page.get_contents()
                seen += len(contents.get_data()) if contents is not None else 0
                if seen > MAX_CONTENT_BYTES:
                    raise _refuse(source, f"a PDF whose pages unpack to more than {MAX_CONTENT_BYTES // 2**20} MB; "
                                          "refusing a compression bomb (a transcript's pages are a few MB)")
                try:
                    text = page.extract_text(extraction_mode="layout")
                except (ValueError, KeyError, TypeError, ZeroDivisionError, IndexError, AttributeError):
                    text = page.extract_text()  # a page whose fonts' widths cannot be laid out: stream order
                chars += len(text)
                if chars > MAX_TEXT_CHARS:
                    raise _refuse(source, "a PDF with more text than one transcript holds; split the file")
                out.append(text)
        except ParseError:
            raise
        except RecursionError:
            raise _refuse(source, "a PDF whose objects refer to themselves or nest without end (a damaged or "
                                  "hostile file); " + _ADVICE) from None
        except MemoryError:
            raise _refuse(source, "a PDF too large to read; " + _ADVICE) from None
        except Exception as exc:  # pypdf raises many kinds on a damaged file; each is a refusal of this file
            raise _refuse(source, f"a damaged PDF ({type(exc).__name__}); {_ADVICE}") from None
    return out


def columns_at(page: str) -> int | None:
    """Where a second column starts on a layout page (characters from the left), or None for one column.

    Two columns read in layout order give lines that run across both: line 1 of the left column, then line 1 of
    the right, on one line. Such a page shows a wide gap (four spaces or more) in most of its lines, with words on
    both sides, and the right side starting at the same place on every line. A time stamp beside speech (a table
    of times and turns, Otter's ``Name  0:03``) and the ragged gaps of justified text are no second column."""
    starts: list[int] = []
    filled = 0
    for line in page.split("\n"):
        if not line.strip():
            continue
        filled += 1
        m = _GAP.match(line)
        if m is None:
            continue
        left, right = m.group(2), m.group(4)
        if len(left.split()) < 2 or len(right.split()) < 2 or _TIME_ONLY.match(left.split()[-1]) or \
                _TIME_ONLY.match(right.split()[0]):
            continue
        starts.append(m.start(4))
    if len(starts) < 3 or len(starts) < 0.4 * filled:
        return None
    common, _ = Counter(starts).most_common(1)[0]
    near = sum(1 for at in starts if abs(at - common) <= 2)
    return common if near >= max(3, 0.8 * len(starts)) else None


def _lines(page: str) -> list[str]:
    """A page's lines as a reader sees them: spaces of layout folded, ligatures as letters, blank runs as one
    blank line, no blank line at either end."""
    out: list[str] = []
    for raw in page.split("\n"):
        line = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), raw)
        line = re.sub(r"(?<=\S) {2,}(?=\d{1,2}:\d{2}(?::\d{2})?\s*$)", "\0", line.strip())  # Otter's "Name  0:03"
        line = " ".join(line.split()).replace("\0", "  ")
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _keys(page: list[str], i: int, edges: list[int], number: int) -> tuple[str, str]:
    """A line as compared across pages: where it stands (first, second, last, last but one), then its words,
    case and spacing aside; as it is, and with the page's own number as ``#`` (a header "Interview 12, page 3"
    is alike on every page either way, whatever page number its other digits happen to be). Where it stands
    counts: a short reply ("Yeah.") may well stand at some edge of most pages of a chatty focus group, never at
    the same one."""
    at = edges.index(i)
    where = at if at < _EDGE else at - len(edges)
    folded = " ".join(page[i].lower().split())
    return f"{where}|{folded}", f"{where}|" + re.sub(rf"(?<!\d){number}(?!\d)", "#", folded)


def _inner(page: list[str], edges: list[int], top: bool) -> str | None:
    """The first non-blank line inward of a page's top lines looked at (``top``), or the last one inward of its
    foot lines; None on a page with no line between them."""
    filled = [i for i, line in enumerate(page) if line and i not in edges]
    if not filled:
        return None
    return page[filled[0]] if top else page[filled[-1]]


def _edges(lines: list[str]) -> list[int]:
    """Indices of the first and last non-blank lines of a page (at most :data:`_EDGE` at each end)."""
    filled = [i for i, line in enumerate(lines) if line]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def _edge_of_every_page(key: str, on_pages: Counter[str], pages: list[list[str]]) -> bool:
    """Where a line's pages are short (nothing inward of their edges tells a header's changing body from a passage
    said again), it is running only as a header or footer is: on every page, as its very first or very last line.
    A short reply ("Yes.") said at the same place on some short pages is speech."""
    return on_pages[key] >= len(pages) and key.split("|", 1)[0] in ("0", "-1")


def without_page_furniture(pages: list[list[str]]) -> tuple[list[list[str]], dict[str, int]]:
    """Pages without their running header and footer lines and page numbers, and how many of each were taken.

    A running line stands at the same place at a page's top or foot on at least half the pages (two at least), its
    digits aside only where they are the page's own number ("Interview 7, page 3"): a title on the first page
    alone stays, as it is in a TXT, and speech labels that differ by their times ("Speaker 1 (00:03:12):") are
    never alike. A line that opens with a label ("Site: West Cumbria", or a reply, "R: Yes.") needs three pages at
    least: on two, a short reply may well stand at the top of both. On pages of a few lines a running line must
    be the first or last of every page (:func:`_edge_of_every_page`). A page number is a line there of a number
    alone ("7", "Page 7", "7 of 12", "- 7 -"): on a page of its own number, or on two pages or more. A line whose
    pages all have the same line next to it inward is not running: that is one passage printed twice."""
    edges = [_edges(page) for page in pages]
    keys = [{k for i in idx for k in _keys(page, i, idx, n)}
            for n, (page, idx) in enumerate(zip(pages, edges, strict=True), 1)]
    on_pages = Counter(k for page_keys in keys for k in page_keys)
    # The body next to each key's line: a running header stands above text that changes from page to page; the
    # same lines at the same places above the same text are the same passage printed again, which is speech.
    beside: dict[str, set[str | None]] = {}
    for n, (page, idx) in enumerate(zip(pages, edges, strict=True), 1):
        for i in idx:
            for k in _keys(page, i, idx, n):
                beside.setdefault(k, set()).add(_inner(page, idx, top=_keys(page, i, idx, n)[0][0] != "-"))
    need = max(2, (len(pages) + 1) // 2)
    need_label = max(3, need)
    numbered = sum(1 for page, idx in zip(pages, edges, strict=True) if any(_PAGE_NUMBER.match(
        _DIGITS.sub("#", page[i].lower())) for i in idx))
    taken: Counter[str] = Counter()
    out: list[list[str]] = []
    for n, (page, idx) in enumerate(zip(pages, edges, strict=True), 1):
        drop: set[int] = set()
        for i in idx:
            k = max(_keys(page, i, idx, n), key=lambda key: on_pages[key])
            number = _PAGE_NUMBER.match(_DIGITS.sub("#", page[i].lower().strip()))
            if number and (numbered >= 2 or _DIGITS.findall(page[i])[:1] == [str(n)]):
                drop.add(i)
                taken["page number(s)"] += 1
            elif len(pages) >= 2 and on_pages[k] >= (need_label if _LABEL.match(page[i]) else need) and (
                    len(beside[k] - {None}) > 1 or (None in beside[k] and _edge_of_every_page(k, on_pages, pages))):
                drop.add(i)
                taken["running header or footer line(s)"] += 1
        kept = [line for i, line in enumerate(page) if i not in drop]
        while kept and not kept[0]:
            kept.pop(0)
        while kept and not kept[-1]:
            kept.pop()
        out.append(kept)
    return out, dict(taken)


@functools.cache
def _dictionary() -> frozenset[str]:
    """English words in lower case (Webster's 2nd, public domain, via ``english-words``), loaded on the first word
    broken at a line's end."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


def _keeps_hyphen(head: str, tail: str) -> bool:
    """Whether a word broken at a line's end after a hyphen ("self-" + "referral") is a hyphenated compound, not
    one word cut by the margin ("hos-" + "pital", "Okon-" + "kwo"): where both parts are words and the two together
    are not. A name cut so ("Okonkwo") must come back whole to be recognised, and it is in no dictionary."""
    first = head.rsplit(" ", 1)[-1].lower()
    second = _WORD_START.match(tail)
    rest = second.group().lower() if second else ""
    words = _dictionary()
    return bool(first and rest) and first + rest not in words and first in words and rest in words


def _join_broken_words(lines: list[str]) -> list[str]:
    """A word hyphenated at a line's end joined with its end on the next line (which opens in lower case): a soft
    hyphen goes, a hyphen stays only in a compound (:func:`_keeps_hyphen`)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        while i + 1 < len(lines) and lines[i + 1][:1].islower() and (m := _BROKEN.search(line)):
            head, rest = line[: m.start()], lines[i + 1]
            keep = m.group(1) != "\u00ad" and _keeps_hyphen(head, rest)
            line = head + ("-" if keep else "") + rest
            i += 1
        out.append(line)
        i += 1
    return out


def _check_readable(text: str, source: str) -> None:
    glyphs = [ch for ch in text if not ch.isspace()]
    if not any(ch.isalpha() for ch in glyphs):
        raise _refuse(source, "a PDF with no text layer (a scanned document, or pages printed as pictures); run "
                              "OCR first (for example ocrmypdf, or the scanner's own software) or " + _ADVICE)
    unmapped = sum(1 for ch in glyphs if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or ord(ch) < 32)
    if unmapped > 0.2 * len(glyphs):
        raise _refuse(source, "a PDF whose fonts give no readable characters (copying its text gives symbols); "
                              "run OCR on it or " + _ADVICE)
    words = text.split()
    single = sum(1 for w in words if len(w) == 1 and w.isalpha() and w not in ("a", "A", "I"))
    if len(words) >= 30 and single > 0.5 * len(words):
        raise _refuse(source, "a PDF whose text has no readable order (its letters are placed one by one, not "
                              "as words and lines); " + _ADVICE)


def _page_break_ends_paragraph(before: list[str], after: list[str], measure: int) -> bool:
    """Whether a page break falls between two paragraphs, which the page's space above no longer shows: the last
    line of the page ends a sentence well short of the margin (``measure``, :func:`_measure`), and the next page
    opens as a paragraph does (not in lower case, where a wrapped sentence goes on)."""
    if not before or not after or not before[-1] or not after[0]:
        return False
    last, first = before[-1], after[0]
    return bool(_PARA_END.search(last)) and len(last) < 0.8 * measure and not first[:1].islower()


def _measure(pages: list[list[str]]) -> int:
    """The width of the body's text in characters: where the lines a paragraph wraps stop, not the longest line.

    Why: the longest line was the measure, and a page whose longest line is a heading or a title set wider than the
    body, or a line of a table, made every body line look short of the margin, so a page break inside a paragraph
    after a full line ending a sentence was read as the paragraph's end.

    The lines a paragraph wraps are those with a line of the same paragraph after them on the page; they stop within
    a word's length of the margin, so many of them end near it, and a wide heading or table line stands alone. The
    measure is the longest wrapped line that has at least two others (and a tenth of them all) within four
    characters below it. With fewer than four wrapped lines, or none so joined, nothing says where the margin is
    and the longest line is the measure, as before."""
    longest = max((len(line) for page in pages for line in page), default=0)
    wrapped = sorted((len(page[i]) for page in pages for i in range(len(page) - 1) if page[i] and page[i + 1]),
                     reverse=True)
    if len(wrapped) < 4:
        return longest
    enough = max(3, len(wrapped) // 10)
    near = 0  # the lengths fall, so the end of each one's window only moves on: one pass
    for at, n in enumerate(wrapped):
        near = max(near, at)
        while near < len(wrapped) and wrapped[near] >= n - 4:
            near += 1
        if near - at >= enough:
            return n
    return longest


def _joined(pages: list[list[str]]) -> list[str]:
    """The pages' lines in order, with a blank line where a page break falls between paragraphs
    (:func:`_page_break_ends_paragraph`) and none where a paragraph goes on over it."""
    measure = _measure(pages)
    out: list[str] = []
    previous: list[str] = []
    for page in pages:
        if not page:
            continue
        if out and _page_break_ends_paragraph(previous, page, measure):
            out.append("")
        out.extend(page)
        previous = page
    return out


def read_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """The transcript's text as its pages show it, and the import's notes (what was left out, by kind and
    count). Pages follow one another: a turn cut by a page break goes on, and a paragraph that ends at it ends
    there. A page in two columns is refused: read in layout order, its lines would mix the columns."""
    raw = pages_text(data, source)
    for n, page in enumerate(raw, 1):
        if columns_at(page) is not None:
            raise _refuse(source, f"page {n} is laid out in two columns, and its lines would be read across both "
                                  "(each column's speech mixed line by line); " + _ADVICE)
    pages, taken = without_page_furniture([_lines(p) for p in raw])
    lines = _join_broken_words(_joined(pages))
    check_lines(len(lines), source)
    text = "\n".join(lines)
    _check_readable(text, source)
    notes = [f"read from the text layer of a PDF of {len(raw)} page(s)"]
    if taken:
        said = ", ".join(f"{n} {what}" for what, n in taken.items())
        notes.append(f"left out as no speech: {said} (check them in the original for anything the transcript "
                     "needs)")
    return text + "\n", notes
