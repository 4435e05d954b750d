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

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..lookup import NameGate, by_first_letter
from ..placeholders import RELATIONS
from .state import tokens_among

PUBLIC_WORK = {"review", "reviews", "report", "reports", "inquiry", "enquiry", "recommendations", "recommendation",
               "stocktake", "principles", "reforms", "reform", "paper", "papers", "plan", "act", "strategy",
               "commission", "guidelines", "guidance", "study", "studies", "research", "scale", "model",
               "framework", "agenda", "speech", "findings", "government", "administration"}
BROAD_WORK = {"work", "book", "books", "article", "articles", "speeches", "announcement", "announcements", "policy",
              "policies", "budget", "cuts", "era", "lecture", "lectures", "ideas", "theory"}
"""Work words a local person's name may come before too ("Black's work van", "Smith's cuts" at the
barber's): public only after a distinctive surname ("Marmot's work", "Javid's announcement")."""
"""What a public figure's surname names when it comes before these: their published work."""
PUBLIC_SETTING = {"news", "telly", "tv", "television", "radio", "bbc", "itv", "newspaper", "newspapers", "press",
                  "parliament", "commons", "lords", "government", "minister", "ministers", "secretary", "chancellor",
                  "prime", "pm", "mp", "mps", "cabinet", "downing", "briefing", "briefings", "podium", "election",
                  "tories", "tory", "labour", "conservative", "conservatives", "cmo", "review", "report", "inquiry",
                  "published", "announced", "podcast", "documentary", "lecture", "holyrood", "stormont", "senedd",
                  "westminster", "msp", "msps", "mla", "mlas", "politician", "politicians", "mayor",
                  "lockdown", "lockdowns", "pandemic", "covid", "coronavirus", "brexit", "austerity", "policy",
                  "policies", "budget", "speech", "tweeted", "twitter", "wrote", "book", "conference",
                  "dame", "sir", "baroness", "officer", "inequalities", "announcement",
                  "interviewed", "youtube", "headlines"}
"""A sentence holding one of these talks about public life."""
_PRIVATE = set(RELATIONS) | {"my", "our", "your", "his", "her", "their", "mate", "friend", "neighbour", "nan",
                             "gran", "uncle", "auntie", "cousin", "keyworker", "worker", "counsellor"}
PRIVATE_WORDS = frozenset(_PRIVATE)
"""Words of kinship, friendship or care before a name: the person after them is private."""
_TITLES = {"professor", "prof", "dame", "sir", "lord", "lady", "baroness", "baron", "dr", "doctor", "mr", "mrs",
           "ms", "miss", "the", "minister", "secretary", "rt", "hon"}
_WINDOW = 12
_PLACE_HEADS = frozenset({"street", "hall", "road", "lane", "green", "park", "hill", "field", "wood", "gate", "way",
                          "bridge", "cross", "church", "court", "house", "day", "may", "major"})
"""Listed surnames that end a place's name or are an everyday word of time ("High Street", "Village Hall",
"in May"): never kept alone, only in the full name ("Andy Street", "Theresa May")."""
_IN_OFFICE = {"under"}
"""A word before a bare surname that says a term of office: "under Thatcher", "under Blair"; "under
Dr Black" (a consultant's patient) has a title between and is not read so."""


@cache
def public_figures() -> tuple[str, ...]:
    text = resources.files("cmo_coder.data").joinpath("public_figures.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def public_surnames() -> frozenset[str]:
    """Last words of the listed full names ("whitty", "black", "van-tam")."""
    return frozenset(name.split()[-1].lower() for name in public_figures())


@cache
def _surnames_kept_alone() -> frozenset[str]:
    """The listed surnames that may be kept said alone (a place's head word never is), made once."""
    return public_surnames() - _PLACE_HEADS


def _name_regex(name: str) -> str:
    """A full name as speech and captions write it: any casing and spacing, a hyphen as a hyphen, a space
    or nothing ("Van-Tam", "van tam", "vantam"), either apostrophe ("O'Brien", "o’brien")."""
    words = []
    for word in name.split():
        parts = [re.escape(p).replace("'", "['’]?") for p in word.split("-")]
        words.append(r"[-\s]?".join(parts))
    return r"\s+".join(words)


@cache
def _full_name_pattern() -> re.Pattern[str]:

    body = by_first_letter((_name_regex(n) for n in _full_names()), ignore_case=True)  # the same match, faster
    return re.compile(r"(?<![\w'’-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


@cache
def _full_names() -> list[str]:
    from .public_names import everyday_figures

    return sorted({n for n in (*public_figures(), *everyday_figures()) if " " in n}, key=lambda n: (-len(n), n))


@cache
def _full_name_gate() -> NameGate:
    """Turns that cannot hold a listed full name, told apart before :func:`_full_name_pattern` runs."""
    return NameGate(_full_names())


def full_name_spans(text: str) -> list[tuple[int, int]]:
    """Where a listed public figure's full name (health policy, or everyday public people of
    ``data/public_names/people.txt``) or a listed body's several-word name ("the Nuffield Trust",
    :mod:`.public_named_bodies`) stands in ``text`` (plain text, no model): the register and review
    use it to tell "Carol Black" from a participant registered as "Mark Black", and "the Nuffield Trust"
    from a participant registered as "Ronan Nuffield"."""
    from .public_named_bodies import listed_body_spans

    figures = figure_spans(text)
    bodies = [(a, b) for a, b in listed_body_spans(text) if not any(s < b and a < e for s, e in figures)]
    return sorted(figures + bodies)  # a figure listed among the bodies too ("Dame Carol Black") once


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Where a listed public figure's full name stands in ``text`` (plain text, no model), bodies apart: a
    registered word inside a figure's name is that figure's, inside a body's name it is the reviewer's
    (:mod:`.register_eponyms`)."""
    return [m.span() for m in _full_name_pattern().finditer(text)] if _full_name_gate().may_hold(text) else []


def names_this_figure(variants: Iterable[str], text: str, start: int, end: int) -> bool:
    """Whether a registered person with ``variants`` could be the one named by the full public name
    ``text[start:end]``: only when the register holds that very full name (a participant who shares
    a minister's name is that participant, wherever it is said)."""
    said = " ".join(re.findall(r"[^\W\d_]+", text[start:end].lower().replace("’", "'")))
    return any(" ".join(re.findall(r"[^\W\d_]+", v.lower())) == said for v in variants)


def yields_to_public(category: str, key: str) -> bool:
    """Whether a registered form of this category and register key, inside a listed public name said there, is
    that name's word and not the registered item's (:func:`inside_public_full_name` then decides where). A
    person's word is ("Carol Black" is not the registered Mark Black), and so is a site the manifest's site column
    holds ("he plays for Wigan Warriors" in a study sited in Wigan names the club, as "Radio Cornwall" names the
    broadcaster). A place or body the team registered is not: the register wins, and "Wigan Warriors" loses
    "Wigan" where Wigan is registered, as the team chose to remove that place wherever it is said."""
    return category == "person" or key.startswith("site:")


def inside_public_full_name(text: str, start: int, end: int, variants: Iterable[str],
                            spans: list[tuple[int, int]] | None = None) -> bool:
    """``text[start:end]`` (a registered form) is part of a listed public figure's full name said there,
    and is not the whole of it, and that registered person does not bear the full name: "Black" in
    "Dame Carol Black's review" when "Mark Black" is registered, "Chris" in "Chris Whitty" when a
    participant is registered as "Chris Jones". Only a full name decides it: a surname alone ("Black's
    review") stays the registered person's, as any registered name wins."""
    forms = list(variants)
    for a, b in spans if spans is not None else full_name_spans(text):
        if a <= start and end <= b and (a, b) != (start, end) and not names_this_figure(forms, text, a, b):
            return True
    return False


@cache
def distinctive_surnames() -> frozenset[str]:
    """Listed surnames few people bear ("marmot", "javid", "streeting", "whitty"): neither a given name
    nor among the 3,000 commonest surnames, with or without its apostrophe ("black", "brown", "hunt",
    "may", "francis", "o'brien" are out)."""
    from .words import census_surnames, name_lexicon

    common = census_surnames(3000) | name_lexicon("first")
    return frozenset(s for s in public_surnames() if s not in common and s.replace("'", "") not in common)


def said_publicly(text: str, public: Iterable[tuple[int, int]]) -> set[str]:
    """Distinctive listed surnames that stand inside a public phrase of ``text`` ("Sajid Javid",
    "the Marmot review", "Professor Whitty on the news")."""
    names = distinctive_surnames()
    out: set[str] = set()
    for a, b in public:
        out.update(w for w in re.findall(r"[^\W\d_][\w'’-]*", text[a:b].lower()) if w in names)
    return out


def echo_spans(doc: Doc, said: set[str]) -> list[tuple[int, int]]:
    """Character spans of a distinctive surname said alone where the same transcript said it of the
    public person ("Sajid Javid ... then Javid said the figures were fine"), a title and a possessive
    with it; never where a word of kinship or friendship is near ("my mate Javid")."""
    out = []
    for tok in tokens_among(doc, frozenset(said)):
        start = tok.i
        while start > 0 and doc[start - 1].lower_.rstrip(".") in _TITLES:
            start -= 1
        if (any(t.lower_ in _PRIVATE for t in doc[max(0, start - 3) : min(len(doc), tok.i + 4)])
                or _another_given_name(doc, start, tok)):
            continue
        end = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"'s", "’s"} else tok.i
        out.append((doc[start].idx, doc[end].idx + len(doc[end])))
    return out


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
    if j < len(doc) and (doc[j].lower_ in PUBLIC_WORK
                         or (doc[j].lower_ in BROAD_WORK and doc[i].lower_ in distinctive_surnames())):
        return j
    return None


@cache
def _full_names_lower() -> frozenset[str]:
    return frozenset(" ".join(n.lower().split()) for n in public_figures())


def _another_given_name(doc: Doc, start: int, tok: Token) -> bool:
    """A given name right before the surname that makes no listed full name: "Mark Black" is not Carol
    Black, whatever follows; the listed full names themselves are kept by the allow-list's matcher."""
    from .words import name_lexicon

    if start != tok.i or start == 0:
        return False
    prev = doc[start - 1]
    return (prev.lower_ in name_lexicon("first") and prev.is_alpha and prev.lower_ not in _JOINING_WORDS
            and f"{prev.lower_} {tok.lower_}" not in _full_names_lower())


_JOINING_WORDS = frozenset({"or", "and", "but", "so", "then", "if", "as", "like", "even", "only", "just", "not",
                            "yes", "no", "well", "oh", "say", "see", "said"})
"""Words some name list holds as a given name ("Or", "Said", "Even") that speech puts before a surname as words:
"Or Sturgeon, she said…" is the First Minister, not a person called Or."""


def _local_work_after(doc: Doc, work: int) -> bool:
    """The words after the work at token ``work`` make it a local one (:func:`.public_media.local_work`)."""
    from .public_bodies import _lows
    from .public_media import local_work  # it reads this module's words of kinship

    return local_work(_lows(doc), work + 1)


HIGH_TITLES = frozenset({"professor", "prof", "sir", "dame", "lord", "baroness", "baron"})
"""Titles of the honours list and the chair: said before a surname few people bear, they name the public figure
("Professor Whitty", "Lord Darzi"); "Dr" and "Mr" are every consultant's and are not here."""


def _high_title_before(doc: Doc, start: int, tok: Token) -> bool:
    """A title of :data:`HIGH_TITLES` right before a distinctive listed surname, and no word of kin, friendship
    or ownership within three words ("my mate Professor Marmot" stays private)."""
    if start == tok.i or doc[tok.i - 1].lower_.rstrip(".") not in HIGH_TITLES:
        return False
    if tok.lower_ not in distinctive_surnames():
        return False
    return not any(doc[k].lower_ in _PRIVATE for k in range(max(0, start - 3), min(len(doc), tok.i + 4)) if k != tok.i)


def surname_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of listed surnames said of the public person (see the module doc), a title and
    a possessive with them."""
    names = _surnames_kept_alone()
    out = []
    for tok in tokens_among(doc, names):  # the turn's listed surnames only (a Token costs to make)
        start = tok.i
        while start > 0 and doc[start - 1].lower_.rstrip(".") in _TITLES:
            start -= 1
        prev = doc[start - 1].lower_ if start > 0 else ""
        if prev in _PRIVATE or _another_given_name(doc, start, tok):
            continue  # "my mate Whitty", "our Hancock", "Mark Black's review of my care plan"
        end = _work_after(doc, tok.i)
        if end is not None and _local_work_after(doc, end):
            continue  # "Mrs Ashworth's report for the school", "the Black review we did": a local one
        if end is None and start == tok.i and prev in _IN_OFFICE:
            end = tok.i  # "under Thatcher", "since Cameron": a term of office (a doctor's patient has a title)
        if end is None and _high_title_before(doc, start, tok):
            end = tok.i  # "Professor Whitty said to stay in": a peer's or professor's title on a rare surname
        if end is None:
            sentence = _sentence(tok)
            if prev == "with" or any(t.lower_ in _PRIVATE for t in sentence if abs(t.i - tok.i) <= 3):
                continue  # "I went with Black and Smith": company, not a public figure
            if not any(t.lower_ in PUBLIC_SETTING for t in sentence if t.i != tok.i):
                continue
            end = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"'s", "’s"} else tok.i
        out.append((doc[start].idx, doc[end].idx + len(doc[end])))
    return out + _joined_to(doc, out, names)


def _joined_to(doc: Doc, kept: list[tuple[int, int]], names: frozenset[str]) -> list[tuple[int, int]]:
    """A listed surname joined by "and" to one kept as public: "under Cameron and Osborne", "Hancock and
    Javid on the news"; not after "with" or a word of kinship ("I went with Black and Smith")."""
    starts = {e: s for s, e in kept}
    out = []
    for tok in tokens_among(doc, names):
        if tok.i < 2 or doc[tok.i - 1].lower_ != "and":
            continue
        left = doc[tok.i - 2]
        start = starts.get(left.idx + len(left))
        if start is None or any(s <= tok.idx < e for s, e in kept):
            continue
        before = doc.char_span(start, start + 1, alignment_mode="expand")
        if before is not None and before.start > 0 and doc[before.start - 1].lower_ in _PRIVATE | {"with"}:
            continue  # "I went with Black and Smith": people who came along
        if not _another_given_name(doc, tok.i, tok):
            end = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"'s", "’s"} else tok.i
            out.append((tok.idx, doc[end].idx + len(doc[end])))
    return out
