"""A quote index over every coding of a project: built once, then answers in milliseconds.

Analysts paste quotes from drafts and slides, so a lookup must survive case changes,
re-flowed white space, curly quotes, ``…`` joining kept fragments and small
transcription differences. The index keeps every coding's text twice, verbatim and
normalised by :func:`cmo_coder.textmatch.normalise`, each concatenated into one string
with a separator no needle contains; ``str.find`` on those strings is a fast substring
scan (the same idea as a suffix structure, without its memory), and a position maps
back to its coding by bisection. For typos, an inverted index of words gives a
shortlist of codings sharing the query's rarest words, and only that shortlist is
scored with rapidfuzz. Exact character offsets are always recovered by
:func:`cmo_coder.textmatch.locate` on the one coding (or transcript) that matched.

The built index is cached in the project folder (``.cache/quote-index.json``) under a
fingerprint of the audit log: any change to the project makes a new fingerprint, and
the index is rebuilt on the next query. The cache holds only what the project database
already holds (anonymised text), and is plain JSON, never pickle, since projects are shared.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import CmoError
from ..store import Project
from ..store.atomic import write_text
from ..textmatch import MatchKind, find_with_placeholders, locate, normalise, split_fragments
from .speakers import SpeakerLookup

INDEX_VERSION = "2"  # 2: a site written in full in the manifest is not named twice
CACHE_PATH = Path(".cache") / "quote-index.json"
SEP = "\x1e"  # record separator: never part of a needle (stripped from queries)
_WORD_RE = re.compile(r"\w+")
#: most codings a substring hit list reports; beyond this the query is too common to be a quote
MAX_HITS = 500
#: how many shortlisted codings are scored with rapidfuzz
SHORTLIST = 64
#: how many of the query's rarest words vote for the shortlist
VOTING_WORDS = 12
#: most postings read per shortlist; keeps a query made of common words fast
VOTE_BUDGET = 20_000


class HitKind(StrEnum):
    exact = "exact"
    normalised = "normalised"
    fragments = "fragments"
    fuzzy = "fuzzy"
    overlap = "overlap"
    placeholders = "placeholders"
    paraphrase = "paraphrase"


#: scores of the substring strategies; fuzzy scores are rapidfuzz's, capped below them
KIND_SCORE = {HitKind.exact: 100, HitKind.normalised: 99, HitKind.fragments: 98}
FUZZY_CAP = 97


@dataclass(frozen=True)
class IndexedCoding:
    """What a lookup needs to answer without touching the database."""

    id: str
    transcript_id: str
    start: int
    end: int
    pt: str
    component: str
    element: str
    stance: str
    speaker: str
    role: str
    site: str
    attribution: str


@dataclass(frozen=True)
class Hit:
    """A coding the query was found in; ``start``/``end`` are transcript offsets of the matched part."""

    coding: IndexedCoding
    text: str
    kind: HitKind
    score: int
    start: int
    end: int
    order: int = 0  # the coding's position in the project's document order, for stable sorting


@dataclass(frozen=True)
class Place:
    """Where a query occurs in a transcript (whether or not any coding covers it)."""

    transcript_id: str
    start: int
    end: int
    kind: str


class QuoteIndex:
    """Look quotes up among codings (and, for uncoded passages, among transcripts)."""

    def __init__(
        self, records: list[IndexedCoding], texts: list[str], norm_texts: list[str] | None = None,
        transcripts: dict[str, str] | None = None, norm_transcripts: dict[str, str] | None = None,
    ) -> None:
        if len(records) != len(texts):
            raise ValueError("one text per indexed coding is required")
        self.records = records
        self.texts = texts
        self.norm_texts = norm_texts if norm_texts is not None else [normalise(t).text for t in texts]
        for text, rec in zip(texts, records, strict=True):
            if len(text) != rec.end - rec.start:
                raise ValueError(f"coding {rec.id}: text length does not match its span")
        self.raw = SEP.join(texts)
        self.norm = SEP.join(self.norm_texts)
        self._raw_starts = _starts(texts)
        self._norm_starts = _starts(self.norm_texts)
        self.transcripts = transcripts or {}
        self.norm_transcripts = norm_transcripts if norm_transcripts is not None else {
            tid: normalise(text).text for tid, text in self.transcripts.items()
        }
        self._doc_ids = list(self.norm_transcripts)
        self._docs = SEP.join(self.norm_transcripts[t] for t in self._doc_ids)
        self._doc_starts = _starts([self.norm_transcripts[t] for t in self._doc_ids])
        self.postings = _postings(self.norm_texts)

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, project: Project) -> QuoteIndex:
        """Index every coding and every signed-off transcript of ``project``."""
        speakers = SpeakerLookup(project)
        records, texts = [], []
        for c in project.codings():
            try:  # offsets answered later must slice the transcript to this very text
                c.check_against(project.text(c.transcript_id))
            except ValueError as exc:
                raise CmoError(f"coding {c.id} in transcript {c.transcript_id}: {exc}") from None
            who = speakers.of(c)
            records.append(
                IndexedCoding(
                    id=c.id, transcript_id=c.transcript_id, start=c.start, end=c.end, pt=c.pt,
                    component=c.component.short if c.component else "", element=c.element or "",
                    stance=c.stance.value, speaker=who.label, role=who.role, site=who.site,
                    attribution=who.attribution,
                )
            )
            texts.append(c.text)
        transcripts = {tid: project.text(tid) for tid in project.transcript_ids("signed_off")}
        return cls(records, texts, transcripts=transcripts)

    @classmethod
    def for_project(cls, project: Project, use_cache: bool = True) -> QuoteIndex:
        """The project's index, from the cache when the project has not changed since it was written."""
        fingerprint = project_fingerprint(project)
        path = project.path / CACHE_PATH
        if use_cache and path.is_file():
            index = cls._read_cache(path, fingerprint)
            if index is not None:
                return index
        index = cls.build(project)
        if use_cache:
            # a read-only project still answers; it just rebuilds next time
            with contextlib.suppress(OSError):
                write_text(path, json.dumps(index._cache_payload(fingerprint), ensure_ascii=False))
        return index

    @staticmethod
    def is_cached(project: Project) -> bool:
        """Whether a cache file exists (it may still be stale; :meth:`for_project` checks)."""
        return (project.path / CACHE_PATH).is_file()

    def _cache_payload(self, fingerprint: str) -> dict[str, object]:
        return {
            "version": INDEX_VERSION, "fingerprint": fingerprint,
            "records": [list(asdict(r).values()) for r in self.records], "texts": self.texts,
            "norm_texts": self.norm_texts, "transcripts": self.transcripts, "norm_transcripts": self.norm_transcripts,
        }

    @classmethod
    def _read_cache(cls, path: Path, fingerprint: str) -> QuoteIndex | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != INDEX_VERSION or data.get("fingerprint") != fingerprint:
                return None
            names = [f.name for f in fields(IndexedCoding)]
            records = [IndexedCoding(**dict(zip(names, r, strict=True))) for r in data["records"]]
            return cls(records, data["texts"], data["norm_texts"], data["transcripts"], data["norm_transcripts"])
        except (OSError, ValueError, TypeError, KeyError):
            return None  # a damaged cache is rebuilt, never trusted

    def __len__(self) -> int:
        return len(self.records)

    # -- substring strategies ---------------------------------------------------------------------
    def find(self, query: str) -> list[Hit]:
        """Codings containing the query: verbatim, else normalised, else as elided fragments."""
        query = query.replace(SEP, " ")
        if not query.strip():
            return []
        hits = self._substring(self.raw, self._raw_starts, query, HitKind.exact)
        if hits:
            return hits
        fragments = split_fragments(query)
        if len(fragments) <= 1:
            needle = normalise(fragments[0] if fragments else query).text
            return self._substring(self.norm, self._norm_starts, needle, HitKind.normalised, original=query)
        return self._fragments([normalise(f).text for f in fragments], query)

    def _substring(self, corpus: str, starts: list[int], needle: str, kind: HitKind,
                   original: str | None = None) -> list[Hit]:
        if not needle:
            return []
        seen: dict[int, None] = {}
        i = corpus.find(needle)
        while i != -1 and len(seen) < MAX_HITS:
            seen[bisect_right(starts, i) - 1] = None
            i = corpus.find(needle, i + 1)
        return [h for k in seen for h in self._spans(k, original or needle, kind)]

    def _fragments(self, needles: list[str], query: str) -> list[Hit]:
        seen: dict[int, None] = {}
        i = self.norm.find(needles[0])
        while i != -1 and len(seen) < MAX_HITS:
            k = bisect_right(self._norm_starts, i) - 1
            stop = self._norm_starts[k] + len(self.norm_texts[k])
            pos = i + len(needles[0])
            for needle in needles[1:]:
                pos = self.norm.find(needle, pos, stop)
                if pos == -1:
                    break
                pos += len(needle)
            else:
                seen[k] = None
            i = self.norm.find(needles[0], i + 1)
        return [h for k in seen for h in self._spans(k, query, HitKind.fragments)]

    def _spans(self, k: int, query: str, kind: HitKind) -> list[Hit]:
        """Exact transcript offsets of the query inside coding ``k`` (via textmatch, on that coding only)."""
        rec, text = self.records[k], self.texts[k]
        out = []
        for m in locate(text, query)[:1]:
            assert 0 <= m.start < m.end <= len(text), f"coding {rec.id}: match outside its text"
            out.append(Hit(rec, text, kind, KIND_SCORE[kind], rec.start + m.start, rec.start + m.end, k))
        return out

    # -- tolerant strategy ------------------------------------------------------------------------
    def shortlist(self, query: str, size: int = SHORTLIST) -> list[int]:
        """Codings sharing the most of the query's rarest words: the only ones worth fuzzy scoring."""
        words = set(_WORD_RE.findall(normalise(query).text))
        # ties broken by the word itself: set order varies between runs, and answers must not
        lists = [self.postings[w] for w in sorted((w for w in words if w in self.postings),
                                                  key=lambda w: (len(self.postings[w]), w))]
        if not lists:
            return []
        votes: Counter[int] = Counter()
        budget = VOTE_BUDGET
        for n, posting in enumerate(lists[:VOTING_WORDS]):
            if n and len(posting) > budget:
                break  # common words say little and cost the most: stop once the rare ones have voted
            votes.update(posting)
            budget -= len(posting)
        # most_common is a C-level partial sort; ties keep posting (document) order, so answers are stable
        return [k for k, _ in votes.most_common(size)]

    def fuzzy(self, query: str, limit: int = 5, candidates: Iterable[int] | None = None) -> list[Hit]:
        """The best-scoring codings for a quote with small differences, best first (scores 0–97)."""
        needle = " ".join(split_fragments(normalise(query).text)) or normalise(query).text
        if not needle:
            return []
        scored = []
        for k in candidates if candidates is not None else self.shortlist(query):
            text = self.norm_texts[k]
            score = fuzz.partial_ratio(needle, text)
            if len(text) < len(needle):  # the coding covers only part of the query
                score *= len(text) / len(needle)
            scored.append((min(FUZZY_CAP, round(score)), k))
        scored.sort(key=lambda sk: (-sk[0], sk[1]))
        out = []
        for score, k in scored[:limit]:
            rec = self.records[k]
            out.append(Hit(rec, self.texts[k], HitKind.fuzzy, score, rec.start, rec.end, k))
        return out

    # -- transcripts ------------------------------------------------------------------------------
    def places(self, query: str, limit: int = 5) -> list[Place]:
        """Where the query occurs in the indexed transcripts, exact offsets, coded or not."""
        query = query.replace(SEP, " ")
        needles = [normalise(f).text for f in split_fragments(query)] or [normalise(query).text]
        out: list[Place] = []
        if not needles[0]:
            return out
        i, seen = self._docs.find(needles[0]), set()
        while i != -1 and len(out) < limit:
            tid = self._doc_ids[bisect_right(self._doc_starts, i) - 1]
            if tid not in seen:  # textmatch finds every occurrence (and checks the other fragments) in it
                seen.add(tid)
                out.extend(Place(tid, m.start, m.end, m.kind.value) for m in locate(self.transcripts[tid], query))
            i = self._docs.find(needles[0], i + 1)
        return out[:limit]

    def placeholder_places(self, query: str, limit: int = 5) -> list[Place]:
        """Where a quote copied from an original transcript (names and all) stands in the anonymised
        ones: each placeholder matches the name it replaced (see :func:`locate_with_placeholders`)."""
        needle = normalise(query.replace(SEP, " ")).text
        out: list[Place] = []
        for tid in self._doc_ids:
            spans = find_with_placeholders(self.norm_transcripts[tid], needle)  # on the index's own copy
            if spans:
                norm = normalise(self.transcripts[tid])  # offsets back to the text, for the hits only
                out.extend(Place(tid, *norm.span(s, e), MatchKind.placeholders.value) for s, e in spans)
            if len(out) >= limit:
                break
        return out[:limit]

    def covering(self, transcript_id: str, start: int, end: int) -> list[int]:
        """Indices of codings overlapping ``[start, end)`` of a transcript."""
        return [
            k for k, r in enumerate(self.records)
            if r.transcript_id == transcript_id and r.start < end and start < r.end
        ]


def _starts(texts: list[str]) -> list[int]:
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(SEP)
    return starts


def _postings(norm_texts: list[str]) -> dict[str, array[int]]:
    postings: dict[str, array[int]] = {}
    for k, text in enumerate(norm_texts):
        for w in set(_WORD_RE.findall(text)):
            p = postings.get(w)
            if p is None:
                postings[w] = p = array("i")
            p.append(k)
    return postings


def project_fingerprint(project: Project) -> str:
    """Changes whenever the project does: every write adds an audit entry in the same transaction."""
    try:
        seq, n = project.conn.execute("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM audit").fetchone()
        codings = project.conn.execute("SELECT COUNT(*) FROM codings").fetchone()[0]
    except Exception as exc:  # pragma: no cover - a broken database is reported by Project.open first
        raise CmoError(f"{project.path}: cannot read the audit log ({exc})") from None
    raw = f"{INDEX_VERSION}|{project.schema_version}|{seq}|{n}|{codings}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]
