"""Given names said in a list with other names: "me mags and rose", "pearl lily and daisy".

People list who was there, and a list of names is a strong cue for each of them even where every name
is also a word ("pearl", "lily", "daisy", "dawn", "faith"): things are seldom listed with "me", and
three given names in a row joined by "and" are a list of people. In captions there is neither a
capital nor a comma, so the list is read from the words: members are given names or their familiar
forms (:func:`.caption_names.common_given`), "me" or "i", or a word another layer already took as a
person; they stand side by side or joined by "and" (a comma is allowed where one was typed), and the
last is joined by "and". A list is taken when it holds three members (one may be "me") or two and a
person another layer found; not after a determiner or a preposition of place ("the rose and crown",
"a bunch of rose lily and daisy"), and not where a noun follows that makes the names its modifiers
("rose lily and daisy bulbs").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from ..stored_lists import stored
from .caption_names import common_given
from .state import candidates, lower_ids, word_ids
from .word_names import _NEVER, _PLACE_BEFORE, reads_as_captions

LAYER = "rules"
REASON = "a given name said in a list with other names or with 'me'"
_ME = frozenset({"me", "i", "myself"})
_JOIN = frozenset({"and", "&", ","})
_MIN_MEMBERS = 3


def _member(tok: Token, people: Intervals, caseless: bool) -> str | None:
    """'me', 'name', 'person' (another layer's), or None: what ``tok`` can be in a list of people. In typed
    text a name is written with its capital ("me, Mags and Rose")."""
    low = tok.lower_
    if low in _ME:
        return "me"
    if people.covers(tok.idx, tok.idx + len(tok)):
        return "person"
    if len(low) >= 3 and low.isalpha() and low in common_given() and low not in _NEVER \
            and (caseless or tok.text[:1].isupper()):
        return "name"
    return None


def _runs(doc: Doc, people: Intervals, caseless: bool) -> list[list[tuple[Token, str]]]:
    """Runs of list members, side by side or joined by "and" or a comma, whose last member follows "and"."""
    words = [t for t in doc if not t.is_space]
    out: list[list[tuple[Token, str]]] = []
    i = 0
    while i < len(words):
        kind = _member(words[i], people, caseless)
        if kind is None:
            i += 1
            continue
        run, last_joined, j = [(words[i], kind)], False, i + 1
        while j < len(words):
            joined = False
            while j < len(words) and words[j].lower_ in _JOIN:
                joined = joined or words[j].lower_ in {"and", "&"}
                j += 1
            if j >= len(words):
                break
            nxt = _member(words[j], people, caseless)
            if nxt is None:
                break
            run.append((words[j], nxt))
            last_joined = joined
            j += 1
        if len(run) >= 2 and last_joined:
            out.append(run)
        i = max(i + 1, j if len(run) >= 2 else i + 1)
    return out


@cache
@stored("givens")
def _givens() -> frozenset[str]:
    """Every word :func:`_member` can read as a name: only a turn that says one of them can hold a list here."""
    return frozenset(w for w in common_given() if len(w) >= 3 and w.isalpha() and w not in _NEVER)


def _may_list(doc: Doc) -> bool:
    """Whether the turn says "and" (or "&") and a given name: a list is taken only where its last member follows
    "and" and one member is a given name (:func:`listed_names`), so a turn without both holds none, and its
    words need not be walked (most turns)."""
    said = set(lower_ids(doc))
    return not (said.isdisjoint(word_ids(_AND)) or said.isdisjoint(word_ids(_givens())))


_AND = frozenset({"and", "&"})


def listed_names(doc: Doc) -> list[Candidate]:
    """Given names said in a list of people (module doc); in typed text, written with their capitals."""
    if not _may_list(doc):
        return []
    caseless = reads_as_captions(doc)
    people = Intervals((c.start, c.end) for c in candidates(doc) if c.category == "person")  # asked of every word
    out: list[Candidate] = []
    for run in _runs(doc, people, caseless):
        kinds = [k for _, k in run]
        first, last = run[0][0], run[-1][0]
        before = doc[first.i - 1] if first.i > 0 else None
        after = next((t for t in doc[last.i + 1 :] if not t.is_space), None)
        if before is not None and before.lower_ in _PLACE_BEFORE:
            continue  # "the rose and crown", "a bunch of rose lily and daisy"
        if after is not None and after.pos_ == "NOUN" and after.lower_ not in {"came", "went"}:
            continue  # "rose lily and daisy bulbs"
        if not (len(run) >= _MIN_MEMBERS or "person" in kinds) or kinds.count("me") > 1 or "name" not in kinds:
            continue
        out.extend(Candidate(t.idx, t.idx + len(t), "person", LAYER, 0.7, REASON) for t, k in run if k == "name")
    return out
