"""What a transcript's review needs, kept between requests and checked against the files it was read from.

Why: every review page loaded the whole secure folder again and completed every transcript's proposals with every
registered or accepted occurrence (about a second for a focus group of 2,200 turns), then loaded and completed the
transcript a second time for its preview: a page of 60 turns cost what the whole transcript costs, at every page
turned and after every decision.

Two levels, each keyed by what it is made from, so that a page is never older than the files:

* the review's state (:class:`~cmo_coder.web.anonymisation.ReviewState`) is kept with a stamp of every file it
  was read from (each file's inode, size and modification time; the decisions file by its bytes) and of the
  project's pending and signed-off transcripts. A page whose stamp differs reloads it: a decision made by another
  reviewer on this server, by another server on the same folders, or by ``cmo-coder review`` is seen at the next
  page. A decision made here stores the state it has just saved (:func:`keep`), so the page it reloads to costs
  no second load;
* what one transcript's pages need (its items as the page shows them, its pages' counts, its preview) is kept
  under a digest of that transcript's completed proposals and of the decisions that reach them: a decision on
  a surface said in one transcript leaves another transcript's pages as they were kept.

Nothing here is written to disk: what is kept is identifying text and stays in the server's memory.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from ..anonymise.models import Decisions, ProposalSet
from ..anonymise.occurrences import norm
from ..anonymise.sheet_versions import decision_version

T = TypeVar("T")

#: Transcripts whose page data are kept at once (the oldest goes first): a team reviews a few at a time.
KEPT_TRANSCRIPTS = 8
#: Review states kept at once (one per project and secure folder a server reads; tests make many).
KEPT_STATES = 4

#: Files of the secure folder the review's state is not read from: the log, written at every redaction added.
#: Hidden files (the log's salt, made at the first page) are not read for the state either.
UNREAD = frozenset({"anonymisation-log.jsonl"})

_LOCK = threading.Lock()
_STATES: OrderedDict[str, tuple[str, Any]] = OrderedDict()
_VIEWS: OrderedDict[str, Any] = OrderedDict()


#: A file changed this recently (seconds) is stamped by its bytes too: a file system's clock can be coarser than
#: two writes, and an inode freed by one atomic write can be the next one's (git's "racily clean" files).
RECENT = 2.0


def _file(path: Path) -> str:
    try:
        st = path.stat()
    except FileNotFoundError:
        return f"{path.name}:none"
    stamp = f"{path.name}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"
    if time.time() - st.st_mtime < RECENT:
        stamp += ":" + hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    return stamp


def stamp(secure: Path, pending: Iterable[str], signed_off: Iterable[str]) -> str:
    """What the review's state was read from, as one string: every file of the secure folder's top level and of
    its proposals and raw folders but the log and hidden files, which no page reads from (by inode, size and
    modification time, and by its bytes when changed in the last :data:`RECENT` seconds; the decisions file always
    by its bytes too, since two decisions written in the same instant can be of the same size), and the project's
    pending and signed-off transcripts."""
    parts = [f"pending:{','.join(pending)}", f"signed-off:{','.join(signed_off)}"]
    for folder in (secure, secure / "proposals", secure / "raw"):
        if folder.is_dir():
            parts.extend(_file(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name not in UNREAD
                         and not p.name.startswith("."))
    decisions = secure / "decisions.json"
    if decisions.exists():
        parts.append(hashlib.sha256(decisions.read_bytes()).hexdigest())
    return "\n".join(parts)


def stamp_of_files(folder: Path, names: Iterable[str]) -> list[str]:
    """The stamps of the files ``names`` in ``folder`` (absent ones said so)."""
    return [_file(folder / name) for name in names]


def state(key: str, current: str, load: Callable[[], T]) -> T:
    """The state kept under ``key`` if it was read from files stamped ``current``, else ``load()`` kept anew."""
    with _LOCK:
        held = _STATES.get(key)
    if held is not None and held[0] == current:
        return held[1]
    loaded = load()
    keep(key, current, loaded)
    return loaded


def keep(key: str, current: str, value: Any) -> None:
    """Keep ``value`` as the state read from files stamped ``current`` (a decision's own save: what it wrote)."""
    with _LOCK:
        _STATES[key] = (current, value)
        _STATES.move_to_end(key)
        while len(_STATES) > KEPT_STATES:
            _STATES.popitem(last=False)


def forget(key: str) -> None:
    """Drop the state kept under ``key`` (a change whose result is not known here: the next page reloads)."""
    with _LOCK:
        _STATES.pop(key, None)


def transcript_key(ps: ProposalSet, decisions: Decisions, extra: str = "") -> str:
    """A digest of what one transcript's pages are made from: its completed proposals, the decision of each
    proposal's surface and of each proposal itself, and ``extra`` (the raw text's and register's stamp)."""
    h = hashlib.sha256()
    h.update(extra.encode())
    h.update(ps.model_dump_json().encode())
    for p in ps.proposals:
        h.update(f"\n{p.id}:{decision_version(decisions.occurrences.get(p.id))}:"
                 f"{decision_version(decisions.surfaces.get(norm(p.surface)))}".encode())
    return h.hexdigest()


def view(key: str, build: Callable[[], T]) -> T:
    """The transcript view kept under ``key``, else ``build()`` kept (at most :data:`KEPT_TRANSCRIPTS`)."""
    with _LOCK:
        if key in _VIEWS:
            _VIEWS.move_to_end(key)
            return _VIEWS[key]
    built = build()
    with _LOCK:
        _VIEWS[key] = built
        while len(_VIEWS) > KEPT_TRANSCRIPTS:
            _VIEWS.popitem(last=False)
    return built


def clear() -> None:
    """Forget everything kept (tests, and a server told its folders were replaced)."""
    with _LOCK:
        _STATES.clear()
        _VIEWS.clear()
