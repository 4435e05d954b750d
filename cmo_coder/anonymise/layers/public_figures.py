"""Public figures of health and drug policy: kept by full name, or by surname where the words say the public person.

Interviews about services talk of the people who shaped them: "the Black review", "Marmot's
report", "Professor Whitty said on the news", "when Hancock was health secretary". Those are
public and redacting them makes a quote unreadable. But a participant may share a public
figure's surname or given name, and a leaked participant costs far more than a redacted
minister. So (``cmo_coder/data/public_figures.txt``, full names with their sources):

* a listed full name is a public phrase wherever it stands, a title before it included;
* a listed surname alone is public only where its public work follows it ("review",
  "report", "inquiry", "recommendations", with or without a possessive) or where the same
  sentence holds a public setting (the news, television, parliament, government, a minister's
  office) and no word of kinship or friendship marks a private person ("my mate Whitty");
* a given name alone is never kept.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..placeholders import RELATIONS

PUBLIC_WORK = {"review", "reviews", "report", "reports", "inquiry", "enquiry", "recommendations", "recommendation",
               "stocktake", "principles", "reforms", "reform", "paper", "papers", "plan", "act", "strategy",
               "commission", "guidelines", "guidance", "study", "studies", "research", "scale", "model",
               "framework", "agenda", "speech", "findings"}
"""What a public figure's surname names when it comes before these: their published work."""
PUBLIC_SETTING = {"news", "telly", "tv", "television", "radio", "bbc", "itv", "newspaper", "newspapers", "press",
                  "parliament", "commons", "lords", "government", "minister", "ministers", "secretary", "chancellor",
                  "prime", "pm", "mp", "mps", "cabinet", "downing", "briefing", "briefings", "podium", "election",
                  "tories", "tory", "labour", "conservative", "conservatives", "cmo", "review", "report", "inquiry",
                  "published", "announced", "podcast", "documentary", "lecture", "holyrood", "stormont", "senedd",
                  "westminster", "msp", "msps", "mla", "mlas", "politician", "politicians", "mayor"}
"""A sentence holding one of these talks about public life."""
_PRIVATE = set(RELATIONS) | {"my", "our", "your", "his", "her", "their", "mate", "friend", "neighbour", "nan",
                             "gran", "uncle", "auntie", "cousin", "keyworker", "worker", "counsellor"}
_TITLES = {"professor", "prof", "dame", "sir", "lord", "lady", "baroness", "baron", "dr", "doctor", "mr", "mrs",
           "ms", "miss", "the", "minister", "secretary", "rt", "hon"}
_WINDOW = 12


@cache
def public_figures() -> tuple[str, ...]:
    text = resources.files("cmo_coder.data").joinpath("public_figures.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def public_surnames() -> frozenset[str]:
    """Last words of the listed full names ("whitty", "black", "van-tam")."""
    return frozenset(name.split()[-1].lower() for name in public_figures())


def _sentence(token: Token) -> list[Token]:
    """The tokens of ``token``'s sentence within a window: punctuation that ends a sentence stops it."""
    doc = token.doc
    lo = token.i
    while lo > 0 and token.i - lo < _WINDOW and doc[lo - 1].text not in {".", "?", "!"}:
        lo -= 1
    hi = token.i
    while hi + 1 < len(doc) and hi - token.i < _WINDOW and doc[hi].text not in {".", "?", "!"}:
        hi += 1
    return list(doc[lo : hi + 1])


def _work_after(doc: Doc, i: int) -> int | None:
    """End token index of "Black review", "Marmot's report", "Francis inquiry"; None when no work follows."""
    j = i + 1
    if j < len(doc) and doc[j].lower_ in {"'s", "’s", "'", "’"}:
        j += 1
    if j < len(doc) and doc[j].lower_ in PUBLIC_WORK:
        return j
    return None


def surname_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of listed surnames said of the public person (see the module doc), a title and
    a possessive with them."""
    names = public_surnames()
    out = []
    for tok in doc:
        low = tok.lower_
        if low not in names:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].lower_.rstrip(".") in _TITLES:
            start -= 1
        prev = doc[start - 1].lower_ if start > 0 else ""
        if prev in _PRIVATE:
            continue  # "my mate Whitty", "our Hancock"
        end = _work_after(doc, tok.i)
        if end is None:
            sentence = _sentence(tok)
            if any(t.lower_ in _PRIVATE for t in sentence if abs(t.i - tok.i) <= 3):
                continue
            if not any(t.lower_ in PUBLIC_SETTING for t in sentence if t.i != tok.i):
                continue
            end = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"'s", "’s"} else tok.i
        out.append((doc[start].idx, doc[end].idx + len(doc[end])))
    return out
