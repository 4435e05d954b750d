"""Shared settings for the fuzz targets: a short run in ``make test``, a long one in ``make fuzz``.

Every fuzz target is a hypothesis test marked ``@pytest.mark.fuzz`` and decorated with
``fuzz_settings(n)``: ``n`` examples in the ordinary suite, ``n * CMO_FUZZ_SCALE`` when the
long campaign runs (``make fuzz`` sets the scale). Seed inputs come from ``transcripts_sample/``
through ``seed_corpus()`` so mutations start from files shaped like the real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from cmo_coder.ingest import canonical, detect
from cmo_coder.model import SourceFormat

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "transcripts_sample"


def fuzz_scale() -> int:
    """How many times the ordinary example count the current run uses (``CMO_FUZZ_SCALE``, default 1)."""
    raw = os.environ.get("CMO_FUZZ_SCALE", "1")
    try:
        return max(1, int(raw))
    except ValueError:
        return 1


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings for a fuzz target: no deadline, no health checks, scaled example count."""
    return settings(
        max_examples=examples * fuzz_scale(),
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=fuzz_scale() == 1,
    )


def seed_corpus(*suffixes: str) -> list[tuple[str, bytes]]:
    """The sample transcripts (name, bytes) whose suffix is one of ``suffixes`` (all when none given)."""
    files = sorted(p for p in SAMPLE.iterdir() if p.is_file())
    return [(p.name, p.read_bytes()) for p in files if not suffixes or p.suffix in suffixes]


def mutated(data: st.DataObject, base: bytes, junk: list[bytes]) -> bytes:
    """``base`` with one to four bytes' edits drawn from ``data``: cut short, ``junk`` put in, five bytes dropped,
    or forty doubled, each anywhere: how a file is damaged in transfer or by hand."""
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(base)))
        how = data.draw(st.sampled_from(["cut", "insert", "drop", "double"]))
        piece = data.draw(st.sampled_from(junk))
        if how == "cut":
            base = base[:at]
        elif how == "insert":
            base = base[:at] + piece + base[at:]
        elif how == "drop":
            base = base[:at] + base[at + 5:]
        else:
            base = base[:at] + base[at:at + 40] + base[at:]
    return base


def read_turns(data: bytes | str, name: str, fmt: SourceFormat | None = None) -> list[tuple[str | None, str]]:
    """The file's turns as (speaker, text) through detection and the canonical text, read as ``fmt`` where given,
    with every turn checked to slice exactly from the text and the text to be the turns joined."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parsed = detect.parse(raw, name)
    if fmt is not None:
        assert parsed.format is fmt
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    out = [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]
    for said, t in zip(out, canon.turns, strict=True):
        assert said[1] == canon.text[t.start:t.end] and said[1].strip() == said[1]
    assert canon.text == "\n\n".join(s for _, s in out)
    return out


def read_or_refused(data: bytes, name: str) -> None:
    """A damaged file is read (its turns checked as :func:`read_turns` checks them) or refused with the project's
    input error naming the file; any other error fails the test. A reader's refusal starts with the name; the
    decoder's (binary, not text) names it too."""
    from cmo_coder.errors import CmoError
    from cmo_coder.ingest.utterance import ParseError

    try:
        read_turns(data, name)
    except ParseError as exc:
        assert str(exc).startswith(name)
    except CmoError as exc:
        assert name in str(exc)

