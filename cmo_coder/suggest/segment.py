"""Speech → candidate clauses with exact character offsets.

Coders tag clauses, not whole sentences: "When no one would take him [context], he ended up
in A&E [outcome]". So sentences from spaCy are cut again at clause boundaries (subordinators,
"which" after a comma, "leading to", ";", a fronted "when …," clause), but only where both
sides keep enough words to be codable. Candidates never cross a turn or a line break: a
speaker change is always a boundary, and a clause spanning two speakers could never be
one coding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..anonymise.placeholders import PLACEHOLDER_RE, placeholder_spans
from ..model import Transcript
from .cues import SPAN_KEY
from .grammar import clause_features, context_features

#: longest stretch handed to spaCy at once (its limit is 1,000,000 characters; parsing cost grows with length)
MAX_REGION = 20_000
#: a candidate needs this many words to be worth a coder's attention
MIN_WORDS = 3
#: ... of which this many content words (not stop words): "and it was so" says nothing codable
MIN_CONTENT_WORDS = 1
#: parts of speech that count as the verb a clause needs (an auxiliary only when something follows it)
VERB_POS = frozenset({"VERB"})
#: a clause ending on one of these parts of speech is cut off mid-phrase ("Those three days, that's")
DANGLING_POS = frozenset({"DET", "CCONJ", "SCONJ"})
#: contracted auxiliaries cannot end an English clause ("that's", "we're", "they've")
CLITICS = frozenset({"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"})
#: words before which a new clause starts (mid-sentence)
SPLIT_BEFORE = frozenset(
    {"because", "whereas", "although", "though", "whilst", "while", "unless", "until", "but", "thus",
     "therefore", "hence", "when", "if", "where", "so", "cause", "'cause", "’cause"}
)
#: relative words that start a clause only after a comma ("…, which meant …")
SPLIT_AFTER_COMMA = frozenset({"which", "who", "then", "and", "or", "as", "meaning", "making"})
#: participles that start a consequence clause when followed by the preposition
CONSEQUENCE = {"leading": "to", "resulting": "in", "resulted": "in", "meaning": "that"}
#: finite causal verbs: report prose chains components through them ("training [Mres] led to confidence
#: [Mresp]", "which would lead to staff feeling supported"), so the effect starts a clause of its own,
#: together with the modal, auxiliary or relative word just before the verb
CAUSAL_VERBS = {"lead": "to", "leads": "to", "led": "to", "result": "in", "results": "in",
                "contribute": "to", "contributes": "to", "contributed": "to"}
CAUSAL_LEAD_IN = frozenset({"which", "that", "this", "and", "then", "thus", "in", "turn", "also", "not", "n't",
                            "would", "could", "will", "can", "may", "might", "should", "must", "has", "have", "had",
                            "does", "did", "do", "ultimately", "often", "eventually", "subsequently"})
#: fronted subordinate clauses end at their first comma
FRONTED = frozenset(
    {"when", "if", "because", "although", "though", "where", "once", "as", "since", "while", "whilst",
     "unless", "given", "without", "after", "before", "until"}
)
#: dashes separate clauses only when spaced ("co-occurring" is one word)
DASHES = frozenset({"–", "—", "-"})
SEPARATORS = frozenset({";", ":", "–", "—", "-", "…", "(", ")"})
_TRIM = frozenset({",", ";", ":", "–", "—", "-", "…", "(", ")", "[", "]", "'", '"', "‘", "’", "“", "”"})


@dataclass(frozen=True)
class Clause:
    """One candidate: ``text == transcript.text[start:end]`` always."""

    start: int
    end: int
    text: str
    speaker: str | None
    cues: tuple[tuple[str, str], ...]  # (component value, cue phrase as written)
    #: grammar of the clause in its sentence (:func:`grammar.clause_features`), read from the same parse
    features: tuple[str, ...] = ()


def regions(transcript: Transcript, skip_speakers: Iterable[str] = ()) -> list[tuple[int, int, str | None]]:
    """The stretches clauses may come from: each line of each turn (or of the whole text without turns)."""
    skip = set(skip_speakers)
    spans: list[tuple[int, int, str | None]] = (
        [(t.start, t.end, t.speaker) for t in transcript.turns if t.speaker not in skip]
        if transcript.turns
        else [(0, len(transcript.text), None)]
    )
    out = []
    for start, end, speaker in spans:
        pos = start
        for line in transcript.text[start:end].split("\n"):
            if line.strip():
                out += [(a, b, speaker) for a, b in _chunks(transcript.text, pos, pos + len(line))]
            pos += len(line) + 1
    return out


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A line longer than ``MAX_REGION`` (an unpunctuated caption dump) is cut at spaces, keeping parsing linear."""
    out = []
    while end - start > MAX_REGION:
        cut = text.rfind(" ", start + 1, start + MAX_REGION)
        cut = cut if cut > start else start + MAX_REGION
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def segment(
    transcript: Transcript, nlp: Language, skip_speakers: Iterable[str] = (), batch_size: int = 64
) -> list[Clause]:
    """Candidate clauses of a transcript in document order."""
    text = transcript.text
    regs = regions(transcript, skip_speakers)
    clauses: list[Clause] = []
    docs = nlp.pipe((text[s:e] for s, e, _ in regs), batch_size=batch_size)
    for (offset, _end, speaker), doc in zip(regs, docs, strict=True):
        line: list[Clause] = []
        for span, index, count in sentence_clauses(doc):
            start = offset + span.start_char
            end = offset + span.end_char
            clause_text = text[start:end]
            assert clause_text == span.text, (start, end)
            cues = tuple(
                (c.label_, c.text) for c in doc.spans.get(SPAN_KEY, ()) if c.start >= span.start and c.end <= span.end
            )
            line.append(Clause(start, end, clause_text, speaker, cues, clause_features(span, index, count)))
        clauses += with_context(line)
    return clauses


def with_context(line: Sequence[Clause]) -> list[Clause]:
    """The clauses of one line of text, each given the features of its neighbours (:func:`context_features`)."""
    return [
        replace(c, features=c.features + context_features(
            (line[k - 1].features, line[k - 1].cues) if k else None,
            (line[k + 1].features, line[k + 1].cues) if k + 1 < len(line) else None,
        ))
        for k, c in enumerate(line)
    ]


def clause_spans(doc: Doc) -> Iterator[Span]:
    """Clauses of every sentence of ``doc``, trimmed of edge punctuation and spaces."""
    for span, _, _ in sentence_clauses(doc):
        yield span


def sentence_clauses(doc: Doc) -> Iterator[tuple[Span, int, int]]:
    """Each clause with its place among its sentence's clauses: (span, index, count)."""
    for sent in doc.sents:
        cuts = _cuts(sent)
        bounds = [sent.start, *cuts, sent.end]
        spans = [span for a, b in zip(bounds, bounds[1:], strict=False)
                 if (span := _trim(doc, a, b)) is not None and is_clause(span)]
        for i, span in enumerate(spans):
            yield span, i, len(spans)


def _words(tokens: Iterable) -> int:
    return sum(1 for t in tokens if t.is_alpha or t.like_num)


def is_clause(span: Span) -> bool:
    """Whether a stretch is a meaningful clause: enough words, enough content, a verb, and a proper ending.

    Without a tagger (the fallback pipeline) only the word counts can be checked. A verb is a
    VERB, or an auxiliary with a word after it ("it was awful"), so "the three days" and
    "Those three days, that's" are not clauses, while "I felt safe" is.
    """
    if _words(span) < MIN_WORDS or sum(1 for t in span if t.is_alpha and not t.is_stop) < MIN_CONTENT_WORDS:
        return False
    if not _tagged(span.doc):
        return True
    last = span[-1]
    if last.pos_ in DANGLING_POS or last.lower_ in CLITICS or (last.pos_ == "PART" and last.lower_ == "to"):
        return False
    return any(t.pos_ in VERB_POS or (t.pos_ == "AUX" and t.i < span.end - 1) for t in span)


def _tagged(doc: Doc) -> bool:
    return doc.has_annotation("POS")


def _candidates(sent: Span) -> list[int]:
    """Token indices (doc-level) where a new clause could begin."""
    doc = sent.doc
    out: list[int] = []
    first = sent[0]
    if first.lower_ in FRONTED:
        for tok in sent[1:]:
            if tok.text == ",":
                out.append(tok.i + 1)
                break
    for tok in sent[1:]:
        low = tok.lower_
        prev = doc[tok.i - 1]
        nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if low in SPLIT_BEFORE or (low in SPLIT_AFTER_COMMA and prev.text == ","):
            if low == "so" and nxt is not None and nxt.lower_ in {"much", "many", "far", "long", "that"}:
                continue
            out.append(tok.i)
        elif low in CONSEQUENCE and nxt is not None and nxt.lower_ == CONSEQUENCE[low]:
            out.append(tok.i)
        elif (low in CAUSAL_VERBS and nxt is not None and nxt.lower_ == CAUSAL_VERBS[low]
              and (not _tagged(doc) or tok.pos_ == "VERB")):
            start = tok.i
            while start - 1 > sent.start and doc[start - 1].lower_ in CAUSAL_LEAD_IN:
                start -= 1
            out.append(start)
        elif tok.text in SEPARATORS and tok.i + 1 < sent.end and (tok.text not in DASHES or prev.whitespace_):
            out.append(tok.i + 1)
        elif low == "and" and tok.dep_ == "cc" and tok.head.pos_ in {"VERB", "AUX"} and any(
            c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i > tok.i for c in tok.head.children
        ):
            out.append(tok.i)
    return sorted(i for i in set(out) if i >= sent.end or not _inside_placeholder(doc, i))


def _cuts(sent: Span) -> list[int]:
    """Accepted boundaries: greedy, keeping a whole clause (:func:`is_clause`) on both sides of every cut."""
    doc = sent.doc
    cuts: list[int] = []
    last = sent.start
    for c in _candidates(sent):
        if c <= last or c >= sent.end:
            continue
        before, after = _trim(doc, last, c), _trim(doc, c, sent.end)
        if before is not None and after is not None and is_clause(before) and is_clause(after):
            cuts.append(c)
            last = c
    return cuts


def _trim(doc: Doc, a: int, b: int) -> Span | None:
    """The stretch without edge punctuation; the brackets of an anonymisation placeholder are words here,
    so a clause begins "[name removed] stayed", never "name removed] stayed"."""
    while a < b and (doc[a].is_space or (doc[a].text in _TRIM and not _opens_placeholder(doc, a))):
        a += 1
    while b > a and (doc[b - 1].is_space or (doc[b - 1].text in _TRIM and not _closes_placeholder(doc, b - 1))):
        b -= 1
    return doc[a:b] if b > a else None


def _opens_placeholder(doc: Doc, i: int) -> bool:
    return doc[i].text == "[" and PLACEHOLDER_RE.match(doc.text, doc[i].idx) is not None


def _closes_placeholder(doc: Doc, i: int) -> bool:
    if doc[i].text != "]":
        return False
    opening = doc.text.rfind("[", 0, doc[i].idx)
    return opening >= 0 and PLACEHOLDER_RE.fullmatch(doc.text, opening, doc[i].idx + 1) is not None


def _inside_placeholder(doc: Doc, i: int) -> bool:
    """Whether token ``i`` begins strictly inside a placeholder: no clause may start there."""
    return any(s < doc[i].idx < e for s, e in placeholder_spans(doc.text))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def label_clauses(
    clauses: Sequence[Clause], spans: Sequence[tuple[int, int, str]], min_share: float = 0.5
) -> list[str | None]:
    """Give each clause the label of the coded span covering most of it (None when none covers ``min_share``).

    Used to turn a project's codings into training examples: uncoded clauses of coded
    transcripts are what "none" looks like.
    """
    out: list[str | None] = []
    ordered = sorted(spans)
    for c in clauses:
        best, best_share = None, 0.0
        for s, e, label in ordered:
            if s >= c.end:
                break
            ov = overlap((c.start, c.end), (s, e))
            if ov:
                share = max(ov / (c.end - c.start), ov / (e - s))
                if share > best_share:
                    best, best_share = label, share
        out.append(best if best_share >= min_share else None)
    return out
