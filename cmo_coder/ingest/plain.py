"""Plain text (and generic DOCX): ``Name: text``, ``Interviewer:`` / ``Respondent:`` / ``I:`` / ``R:``.

A labelled line starts a turn; unlabelled lines continue it. Within a block, line wraps
become spaces; blank lines (or, in DOCX, paragraphs) are paragraph breaks that stay.
"""

from __future__ import annotations

import re
from collections import Counter

from .group_speakers import bracketed_label, joint_of, speakers_said
from .header_fields import is_header_field, opens_with_field
from .limits import check_turns
from .manifest_labels import named_speakers
from .normalise import clean, clean_name
from .tab_labels import tab_labels, with_colons
from .time_marks import TIMED_LABEL_RE, opens_with_f4_mark, time_header, time_line, without_f4_marks
from .utterance import (
    GENERIC_SPEAKERS,
    ParseError,
    Utterance,
    colon_in_time,
    is_voice_code,
    label_key,
    parse_timestamp,
    speakerish,
)

#: Possessive ``*+``: a line of ten thousand spaces must not be tried at every split (that was quadratic).
_LABEL_RE = re.compile(r"^\s*+([^:\n]{1,60}?)\s*+:[ \t]*+(?=\S|$)")


#: A time stamp opening a line, as transcription services and typists write it before the speaker
#: (``[00:03:12] Name: text``, ``(3:12) Name:``, ``00:03:12 Name:``).
_LEADING_TIME_RE = re.compile(r"^\s*+(?:\[([0-9:.,]{4,12})\]|\(([0-9:.,]{4,12})\)|([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?))"
                              r"[ \t]++(?=\S)")
#: A bracketed time just after a label, before the speech (``Name: [00:00:03] text``, as Sonix's and Descript's
#: text exports can write a turn): left in, every turn opened with a number a coder quotes and the turn had no time.
_LABEL_TIME_RE = re.compile(r"^(\s*+[^:\n\[\]]{1,60}?\s*+:)[ \t]++"
                            r"\[([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?)\](?:[ \t]++|$)")


def _time_headers(lines: list[str]) -> bool:
    """Whether the file is written as time-and-speaker lines above the speech (Word's "Transcribe"): two such
    lines or more, and a speaker named on two of them, as each speaker of a conversation is."""
    names = Counter(head[0] for line in lines if (head := time_header(line)) is not None)
    return sum(names.values()) >= 2 and max(names.values()) >= 2


def _label_times(lines: list[str]) -> bool:
    """Whether the file writes its turns' times in brackets after the labels (``Name: [00:00:03] text``): two such
    lines or more. One alone is a time said ("S00: [10:30:00] See you then" on a page of one mark), and stays."""
    return sum(1 for line in lines if _LABEL_TIME_RE.match(line)) >= 2


def _without_time(line: str, headers: bool = False, label_times: bool = False) -> tuple[str, float | None]:
    """The line without a leading time stamp, and the time: a ``[00:03:12] Name: text`` file is a ``Name:
    text`` file whose labels the time would hide. A bracketed time is never speech, so it goes from any line;
    a bare one ("10:30 we went out") only where a ``Name:`` label follows it. A time after the name
    (``Name (00:01:02):``) and, in a file written so (``headers``), a line of a time and a speaker alone are
    labels too, as is a bracketed time right after a label where the file writes its turns so (``label_times``)."""
    timed = TIMED_LABEL_RE.match(line)
    if timed and (at := parse_timestamp(timed.group(2))) is not None:
        return f"{timed.group(1)}: {line[timed.end():]}", at
    if headers and (head := time_header(line)) is not None:
        return f"{head[0]}:", head[1]
    m = _LEADING_TIME_RE.match(line)
    if not m:
        after = _LABEL_TIME_RE.match(line) if label_times else None
        if after is not None and (at := parse_timestamp(after.group(2))) is not None:
            return f"{after.group(1)} {line[after.end():]}", at
        return line, None
    at = parse_timestamp(m.group(1) or m.group(2) or m.group(3))
    if at is None:
        return line, None
    rest = line[m.end():]
    if m.group(3) is not None and not _LABEL_RE.match(rest):
        return line, None
    return rest, at


def with_voice_codes(counts: Counter[str], names: list[str]) -> Counter[str]:
    """The labels' counts with every voice code counted as recurring where the file labels two codes or more and one
    of them recurs: a focus group's member who speaks once ("M3: Everyone knows me as ...") is a speaker like the
    others, and read as speech the turn went to the voice before and the words after the code were read as the
    previous speaker's. A code alone in a file ("A1: ...") is still judged as any label said once."""
    codes = {label_key(n) for n in names if is_voice_code(n)}
    if len(codes) < 2 or not any(counts[c] > 1 for c in codes):
        return counts
    return counts + Counter({c: 1 for c in codes if counts[c] == 1})


#: Role words a typist may misspell in a label said once ("Facilitaor:"), beside the file's own spelling of them.
_ROLE_WORDS = frozenset({"facilitator", "moderator", "interviewer", "interviewee", "researcher", "respondent",
                         "participant", "note-taker", "notetaker", "observer", "co-facilitator"})


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


def role_typos(names: list[str], counts: Counter[str]) -> dict[str, str]:
    """Labels said once that misspell a role the file labels turns with ("Facilitaor" beside "Facilitator"
    said throughout), each with the file's spelling. Why: said once and one word, the misspelt label read as
    speech and the facilitator's question joined the member's turn before it. Only role words: two people's
    names one letter apart ("Jon", "Joan") are two people."""
    roles = {label_key(n): n for n in names if counts[label_key(n)] > 1 and not _numbered(n)
             and (label_key(n) in _ROLE_WORDS or GENERIC_SPEAKERS.match(n) is not None) and len(n) >= 6}
    out: dict[str, str] = {}
    for name in names:
        k = label_key(name)
        if counts[k] == 1 and k not in roles and not _numbered(name):
            near = sorted(r for r in roles if _one_edit(k, r))
            if len(near) == 1:
                out[name] = roles[near[0]]
    return out


def _numbered(label: str) -> bool:
    """Whether a label holds a digit: "Speaker 2" said once beside "Speaker 1" said throughout is another
    speaker, not a typo of the first (one changed character is a whole other person's number)."""
    return any(c.isdigit() for c in label)


def _group_line(line: str) -> str:
    """A line of the group written with a bracketed label or as the group's sound alone (``[All] Yeah.``,
    ``(laughter from group)``) as a ``Name: text`` line (:func:`.group_speakers.bracketed_label`)."""
    found = bracketed_label(line) if line[:1] in "[( \t" else None
    return line if found is None else f"{found[0]}: {found[1]}"


def _label(line: str, counts: Counter[str], known: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    m = _LABEL_RE.match(line)
    if not m or colon_in_time(line, line.index(":", m.end(1))):
        return None
    name = clean_name(m.group(1))
    if name not in known and not speakerish(name, counts[label_key(name)] > 1):
        return None
    return name, line[m.end():]


#: Where a second speaker may cut in on a line: after a dash of interruption or a sentence's end, then a
#: ``Name:`` with speech after it. Whether ``Name`` is a speaker is decided by the file (see :func:`_cross_talk`).
_CUT_IN_RE = re.compile(r"(?:(?<=\s)(?:—|–|--|-)|(?<=\S)(?:—|–|--)|(?<=[.?!…]))[ \t]++"
                        r"(?=([^\s:—–][^:\n—–.?!]{0,58}?)[ \t]*+:[ \t]++\S)")


def _cross_talk(line: str, speakers: frozenset[str]) -> list[str]:
    """A labelled line cut into one line per speaker where another speaker of this file cuts in mid-line
    ("Kingy: it's not — Blessing: it is though").

    Only a name that starts a line somewhere in the same file as its speaker label counts, so a colon
    that is only a colon ("Time: 5pm, place: the park", "Note: the NSPCC came in") never starts a turn;
    and only after a dash or the end of a sentence, so "I said Kingy: stop" stays one turn."""
    cuts = [m.end() for m in _CUT_IN_RE.finditer(line) if clean_name(m.group(1)) in speakers]
    if not cuts:
        return [line]
    starts = [0, *cuts]
    return [line[a:b].rstrip() for a, b in zip(starts, [*cuts, len(line)], strict=True)]


def _respelt(line: str, typos: dict[str, str]) -> str:
    """The line with a misspelt label written as the file spells it elsewhere."""
    m = _LABEL_RE.match(line)
    if m is None or (right := typos.get(clean_name(m.group(1)))) is None:
        return line
    return line[:m.start(1)] + right + line[m.end(1):]


def _without_marks(lines: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], dict[str, float]]:
    """The lines without f4's end-of-paragraph time marks, and each mark's time given to the next line that has
    text: the mark says when the next paragraph starts."""
    out: list[tuple[str, str]] = []
    times: dict[str, float] = {}
    pending: float | None = None
    for line, where in lines:
        bare, at = without_f4_marks(line)
        if at is not None and bare.strip() and opens_with_f4_mark(line):
            times[where] = at  # MAXQDA: the mark opens its paragraph
            pending = None
            out.append((bare, where))
            continue
        if pending is not None and bare.strip():
            times[where] = pending
            pending = None
        if at is not None:
            pending = at
        out.append((bare, where))
    return out, times


def _without_time_lines(lines: list[tuple[str, str]], counts: Counter[str], known: frozenset[str],
                        times: dict[str, float]) -> list[tuple[str, str]]:
    """The lines with each line of only a time that stands before a labelled line (Google Meet's ``00:05:00``
    between turns) made blank, its time given to that label. A time alone inside a turn, with speech after it,
    stays speech."""
    found: list[tuple[int, int, float]] = []
    first_label = next((i for i, (line, _) in enumerate(lines) if line.strip() and _label(line, counts, known)),
                       len(lines))
    for i, (line, _) in enumerate(lines):
        at = time_line(line)
        if at is None:
            continue
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j][0].strip()), None)
        if nxt is not None and _label(lines[nxt][0], counts, known) is not None:
            found.append((i, nxt, at))
    out = list(lines)
    for i, nxt, at in found:
        # one time alone at a turn's end is speech a line happened to break before ("we met at / 10:30" in a
        # PDF's wrapped lines); Meet writes them between turns throughout, or at least above the first
        if len(found) >= 2 or i < first_label:
            out[i] = ("", lines[i][1])
            times.setdefault(lines[nxt][1], at)
    return out


def _header_lines(lines: list[tuple[str, str]], counts: Counter[str], known: frozenset[str],
                  stated: frozenset[str] | None = None) -> frozenset[str]:
    """Where the labelled lines of a header of fields above the first turn stand (``Interviewer: ST   Date:
    14/10``): a heading, read as no speaker's (see :mod:`cmo_coder.ingest.header_fields`). None where no turn
    follows them."""
    found: set[str] = set()
    for i, (line, where) in enumerate(lines):
        lab = _label(line, counts, known) if line.strip() else None
        if lab is None:
            continue
        below = next((other for other, _ in lines[i + 1:] if other.strip()), "")
        value = lab[1]
        run_on = lines[i + 1][0] if i + 1 < len(lines) else ""
        if run_on.strip() and not opens_with_field(run_on) and _label(run_on, counts, known) is None:
            # the value goes on to the next line: speech a page or a window wrapped, as long as it is whole
            # (a PDF's text layer breaks "Interviewer: so we went … " where the text file runs on)
            value = f"{value} {run_on.strip()}"
        if lab[0] in (known if stated is None else stated) or not is_header_field(
                line, lab[0], value, counts[label_key(lab[0])] <= 1, opens_with_field(below)):
            return frozenset(found)
        found.add(where)
    return frozenset()


def joined_paragraphs(paras: list[list[str]]) -> str:
    """A turn's text from its paragraphs' lines: each paragraph one line with its spaces folded, empty ones dropped
    (the plain and Markdown readers keep a speaker's paragraphs as the transcript wrote them)."""
    return "\n".join(s for s in (" ".join(" ".join(p).split()) for p in paras) if s)


class TurnBuilder:
    """Turns built line by line, as the plain and Markdown readers read them: a label starts a turn, speech before
    the first label is a turn of nobody, a line joins its paragraph or opens a new one. The lines given are
    cleaned already; only their spaces are folded here."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.turns: list[Utterance] = []
        self.cur: Utterance | None = None
        self.paras: list[list[str]] = []

    def start(self, turn: Utterance, first: str) -> None:
        """A new speaker's turn, with the speech on the label's own line (``first``, perhaps empty)."""
        self._flush()
        self.cur = turn
        self.paras = [[first]] if first.strip() else []

    def add(self, line: str, where: str, new_paragraph: bool) -> None:
        """A line of speech: in the current turn's last paragraph, or a paragraph of its own."""
        if self.cur is None:
            self.cur = Utterance(speaker=None, text="", flags=["no_speaker"], where=where)
            self.paras = [[line]]
        elif new_paragraph or not self.paras:
            self.paras.append([line])
        else:
            self.paras[-1].append(line)

    def finish(self) -> list[Utterance]:
        """The turns that hold speech or a speaker."""
        self._flush()
        return [u for u in self.turns if u.text or u.speaker]

    def _flush(self) -> None:
        if self.cur is not None:
            self.cur.text = joined_paragraphs(self.paras)
            self.turns.append(self.cur)
            check_turns(len(self.turns), self.source, self.cur.where)


def read_lines(lines: list[tuple[str, str]], source: str, break_lines: bool = False,
               known: frozenset[str] = frozenset()) -> list[Utterance]:
    """Utterances of ``(line, where)`` pairs. ``known``: names the source states are speakers (a table's
    speaker column), labels wherever they start a line, whatever they look like; the manifest's names are known
    too while an import reads the file (:mod:`.manifest_labels`)."""
    labels = tab_labels([line for line, _ in lines])  # "RO<tab>speech": a label set apart by a tab, no colon
    if labels:
        lines = [(with_colons(line, labels), where) for line, where in lines]
    clean_lines, marks = _without_marks([(_group_line(clean(line)), where) for line, where in lines])
    headers = _time_headers([line for line, _ in clean_lines])
    label_times = _label_times([line for line, _ in clean_lines])
    timed = [(*_without_time(line, headers, label_times), where) for line, where in clean_lines]
    names = [clean_name(m.group(1)) for line, _, _ in timed if (m := _LABEL_RE.match(line))]
    counts = with_voice_codes(Counter(label_key(name) for name in names), names)
    if typos := role_typos(names, counts):  # "Facilitaor:" said once is the facilitator, as the file spells it
        timed = [(_respelt(line, typos), at, where) for line, at, where in timed]
        counts = counts + Counter({label_key(right): 1 for right in typos.values()})
    known = frozenset(clean_name(name) for name in known)
    stated = known  # what the source says: a manifest's "Interviewer" must not make "Interviewer: ST" a turn
    known |= named_speakers()
    # members named together said once ("Mary and Jo:") where each speaks in the file or the manifest names them
    distinct = list(dict.fromkeys(names))
    speaking = speakers_said([n for n in distinct if speakerish(n, counts[label_key(n)] > 1)] + sorted(known))
    known |= frozenset(n for n in distinct if " " in n and joint_of(n, speaking))
    if headers:  # in a file written in header lines, a speaker named on one of them once is a speaker too
        known |= frozenset(head[0] for line, _ in clean_lines if (head := time_header(line)) is not None)
    # a line rewritten as a label ("Tom (1:02:03):" → "Tom:") that is no label after all is speech as written
    timed = [(line, at, where) if at is None or line == orig or _label(line, counts, known) is not None
             else (orig, None, where) for (line, at, where), (orig, _) in zip(timed, clean_lines, strict=True)]
    times = {where: at for _, at, where in timed if at is not None}
    cleaned = [(line, where) for line, _, where in timed]
    cleaned = _without_time_lines(cleaned, counts, known, times)
    header = _header_lines(cleaned, counts, known, stated)
    for where, at in marks.items():
        times.setdefault(where, at)
    speakers = frozenset(lab[0] for line, where in cleaned
                         if where not in header and (lab := _label(line, counts, known)) is not None)
    cleaned = [(part, where) for line, where in cleaned
               for part in (_cross_talk(line, speakers)
                            if where not in header and _label(line, counts, known) is not None else [line])]
    # the lines were cleaned once above: cleaning again would take an "&lt;b&gt;" decoded to "<b>" for a tag and
    # drop it, and "&lt;Name&gt;" said in speech with it; the builder only folds spaces
    turns = TurnBuilder(source)
    new_para = False
    for line, where in cleaned:
        if not line.strip():
            new_para = True
            continue
        lab = None if where in header else _label(line, counts, known)
        if lab is not None:
            turns.start(Utterance(speaker=lab[0], text="", where=where, start_time=times.get(where)), lab[1])
        else:
            turns.add(line, where, new_para or break_lines)
        new_para = False
    result = turns.finish()
    if not any(u.text for u in result):
        raise ParseError(f"{source}: no speech found")
    return result


def read(text: str, source: str) -> list[Utterance]:
    return read_with_attendees(text, source)[0]


def read_with_attendees(text: str, source: str) -> tuple[list[Utterance], list[str]]:
    """The file's utterances, and the attendees a Google Meet header names (none for any other file).

    Why the attendees go on: the header is dropped from the text, and an attendee who never speaks labels no
    turn, so without them the import would never learn of a person who was in the meeting and whose name the
    others may say (see :mod:`.meet_header`)."""
    from .meet_header import meet_header

    lines = [(line, f"line {i}") for i, line in enumerate(text.split("\n"), 1)]
    meet = meet_header([line for line, _ in lines])
    if meet is not None:  # Google Meet's title, attendees and "Transcript": the file's header, no one's speech
        return read_lines(lines[meet[0]:], source, known=frozenset(meet[1])), list(meet[1])
    return read_lines(lines, source), []
