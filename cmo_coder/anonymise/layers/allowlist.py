"""Layer 4: what must stay: public names in their public sense, study labels, placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from ..placeholders import DIRECT_IDENTIFIERS, placeholder_spans
from ..public_spellings import said_forms
from ..register import GENERIC_TAILS
from .care_initials import care_initials_spans
from .club_context import club_spans, club_things_only
from .context import person_cue, word_after, word_before
from .event_places import event_place_spans
from .health_boards import REASON as HEALTH_BOARD_REASON
from .kin_titles import KIN_TITLES, cut_kin_title
from .labels import study_label_spans
from .lexicon import WORD_NAME_AND_SURNAME
from .lone_bodies import MODEL_LAYERS, lone_body_spans
from .named_culture import called_title_spans, named_culture_spans
from .nation_branches import nation_end_of_public, with_nation
from .place_events import place_event_spans
from .platform_context import platform_spans
from .public_bodies import body_spans
from .public_charities import branch_places, charity_spans, named_after_spans
from .public_context import echoed_surnames, name_runs, office_spans, public_by_context
from .public_culture import club_form_spans, culture_spans
from .public_echo import spread_public
from .public_eponyms import eponym_spans
from .public_fame import ROYAL_PLACE_AFTER, royal_spans
from .public_figures import (
    BROAD_WORK,
    PRIVATE_WORDS,
    PUBLIC_WORK,
    echo_spans,
    public_figures,
    public_surnames,
    said_publicly,
    surname_spans,
)
from .public_functions import function_spans
from .public_heads import public_then_head
from .public_medicines import medicine_spans
from .public_names import all_public_names, public_names, spaced_platforms
from .public_runs import runs
from .said_as_body import said_as_body_spans
from .service_kinds import service_kind_spans
from .state import candidates, caseless_doc, has_capital, text_of
from .street_words import opens_a_street
from .streets import STREET_HEADS
from .titles import PARTICLES
from .turn_view import turn_view
from .words import CENSUS_RARELY_LOWER, FILLERS, is_everyday, lowercase_usage, name_lexicon, place_names
from .world_places import HOME_CITY_REASON, world_place_spans

if not Doc.has_extension("cmo_protected"):
    Doc.set_extension("cmo_protected", default=None)
if not Doc.has_extension("cmo_public_people"):
    Doc.set_extension("cmo_public_people", default=None)
_PROTECTED_KEY: Any = ("._.", "cmo_protected", None, None)  # a tuple: spaCy types the keys as str
"""Where spaCy keeps ``doc._.cmo_protected`` (see ``state._CANDIDATES_KEY``): read there, as every turn is
asked for it several times."""


@cache
def default_allowlist() -> tuple[str, ...]:
    """The shipped allow-list, the everyday public names by class (calendar, medicines, brands, platforms,
    culture: :mod:`.public_names`) and the full names of listed public figures."""
    text = resources.files("cmo_coder.data").joinpath("allowlist.txt").read_text(encoding="utf-8")
    listed = tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return listed + all_public_names() + spaced_platforms() + public_figures()


_FESTIVE = {"party", "parties", "celebration", "celebrations", "festival", "festivities", "holiday", "holidays",
            "dinner", "meal", "feast", "lunch", "prayers", "service", "break", "weekend", "fast", "fasting",
            "market", "fair", "lights", "card", "cards", "presents", "gifts", "sweets", "time"}
"""Words said after a festival in one of the model's proposals ("the Losar party", "Chuseok holidays")."""
_BESIDE_PUBLIC = {"the", "'s", "’s", "'", "’", "of", "and", *PUBLIC_WORK, *BROAD_WORK, *_FESTIVE,
                  "professor", "prof", "dame", "sir", "lord", "lady", "baroness", "dr", "doctor", "mr", "mrs", "ms"}
"""Words a proposal may hold beside a public phrase and still be that phrase: "the Marmot review",
"Professor Chris Whitty", "Carol Black's report", "the Losar party"."""


def _side_by_side(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Two proposals with one space between, as one: captions hold names no lexicon has ("gaby" read by one
    layer, "roslin" by another), and a frame reads a full name only whole."""
    starts: dict[int, list[int]] = {}
    for a, b in spans:
        starts.setdefault(a, []).append(b)
    out: list[tuple[int, int]] = []
    for a, b in set(spans):
        if text[b : b + 1] == " ":
            out.extend((a, d) for d in starts.get(b + 1, ()) if len(text[a:d].split()) <= 3)
    return sorted(set(out))


def _within_public(c: Candidate, public: list[tuple[int, int]], text: str) -> bool:
    """Whether ``c`` is a public phrase: inside one, or made of public phrases and the words that go with
    them (a title, an article, a possessive, the name of the work)."""
    overlapping = [(s, e) for s, e in public if s < c.end and c.start < e]
    if not overlapping:
        return False
    if any(s <= c.start and c.end <= e for s, e in overlapping):
        return True
    first = min(s for s, _ in overlapping)
    rest = list(text[c.start : c.end])
    for s, e in overlapping:
        for i in range(max(s, c.start), min(e, c.end)):
            rest[i - c.start] = " "
    lead = "".join(rest[: max(0, first - c.start)]).replace("’", "'").split()
    words = "".join(rest[max(0, first - c.start) :]).replace("’", "'").replace("'s", " ").split()
    if len(overlapping) > 1 and all(w.strip(".,").lower() in _LINKS | _BESIDE_PUBLIC for w in (*lead, *words)):
        return True  # "the Grand National at Aintree": public names and the words joining them, nothing else
    if not all(w.strip(".,").lower() in _BESIDE_PUBLIC or not w.strip(".,'") for w in words):
        return False
    cased = bool(lead) and _has_capital(text)  # read only where a word before the phrase asks it
    return all(w.strip(".,").lower() in _BESIDE_PUBLIC or _no_name(w.strip(".,'"), k == 0, cased)
               for k, w in enumerate(lead))


@lru_cache(maxsize=16)
def _has_capital(text: str) -> bool:
    """Whether the turn has a capital anywhere, remembered for the last few turns: every proposal beside a public
    phrase asks it of its whole turn, which in one long caption turn made the work grow with the square of it."""
    return has_capital(text)


def _no_name(word: str, first: bool, cased: bool) -> bool:
    """A word before a public phrase, in one proposal, that names nobody: a function word, a filler or a
    word of talk ("Honestly Public Health England were useless"), or a lower-case word in cased text
    ("So I rang Healthwatch"). "Sally" of "Sally Asda" is a name, and "South" of "South Korea" or
    "Latin" of "Latin America" makes a place with the public name, so those proposals stay whole; a
    place after a public name ("Boots on Station Road") is never dropped with it, as only words before
    one count. In captions only function words and words of talk count: a lower-case word there may
    be part of a place."""
    low = word.lower()
    if not low or low in STOP_WORDS or low in FILLERS or low in _TALK:
        return low not in _PLACE_MAKERS
    if not cased or low in _PLACE_MAKERS or low in name_lexicon("all") or low in place_names():
        return False
    return word.islower() and is_everyday(low)


_TALK = frozenset({"honestly", "basically", "obviously", "apparently", "actually", "personally", "anyway",
                   "yeah", "yes", "no", "well", "so", "then", "also", "plus", "like", "literally", "luckily",
                   "thankfully", "sadly", "unfortunately", "eventually", "now", "maybe", "perhaps", "um", "erm",
                   "uh", "er", "oh", "okay", "ok", "right", "rang", "phoned", "called", "contacted", "emailed",
                   "joined", "tried", "asked", "told", "through", "via"})
"""Words of talk that come before a public name in one of the model's proposals."""
_PLACE_MAKERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "greater", "upper", "lower", "new", "great", "united", "latin", "mid", "inner", "outer",
                           "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
                           "south-east", "south-west", "royal", "old", "little", "saint", "st"})
"""Words that make a place with a public name after them ("South Korea", "Latin America", "Greater
Manchester"): never dropped with it."""


_HEADS = frozenset({*GENERIC_TAILS, *STREET_HEADS, "centre", "center", "house", "court", "lodge", "ward", "road",
                    "street", "building", "rooms", "room", "cafe", "café", "shop", "store", "branch", "office",
                    "garage", "club", "bar", "pub", "inn", "hotel", "hall", "church", "chapel", "school", "college",
                    "manor", "grange",  # care homes and houses ("Kestrel Grange" is a home named after a bird)
                    # the heads of pubs, estates and blocks, practices and workplaces ("Kestrel Arms" is a pub
                    # named after a lager, "Boots Yard" a yard): a local place, whole
                    "arms", "tavern", "vaults", "alehouse", "taphouse", "estate", "flats", "towers", "heights",
                    "mansions", "surgery", "practice", "pharmacy", "chemist", "chemists", "factory", "warehouse",
                    "mill", "mills", "depot", "yard", "works", "plant", "unit"})
"""Words that make a local place's name with the public word before them ("Oasis Centre", "Mind House",
"Shelter Lodge"): no cut there, the whole proposal stays."""

_LINKS = {"in", "at", "on", "from", "near", "by", "of", "and", "the", "to", "round", "up", "down", "off"}
"""Words that join a public name to what follows it in one proposal: "Boots in Kettering"."""
BRANCH_PLACE = "place of a local branch named after a public body"
"""The reason of a place found after a public name ("Age UK Elmbury"): nothing else proposed it."""
PUB_SIGN_AS_PLACE = "pub sign said as a place"
"""The reason of a pub's sign said where a place stands ("behind the bar at the Crown", "down the Plough"):
there the sign is the pub's name, not the title the public lists hold under the same words (:mod:`.pubs`)."""
ROYAL_INSTITUTION = "institution named after a royal"
"""The reason of :mod:`.rules`' hospitals and pubs named after royals ("at the Diana Princess of Wales"): the
royal's public name inside is the institution's, and cutting it out would leave "Diana [hospital] of Wales"."""


def _cut_public_ends(c: Candidate, public: list[tuple[int, int]], text: str) -> Candidate:
    """``c`` without a public phrase at its start or end and the joining words beside it: the model reads
    "the Boots in Kettering" and "Turning Point Elmbury" as one organisation, and the public name stays
    while the town goes. A one-word public name at the end is cut off after a joining word or after a
    word no name list holds ("Elmbury Mind", a local branch, loses only the town; "Sally Asda" stays
    whole: a surname that is also a brand); no listed name begins a person's name, as no one-word entry
    is a given name. A public phrase in the middle changes nothing: the whole proposal
    stays, as nothing may leak around it."""
    start, end = c.start, c.end
    for a, b in sorted(public):
        if a <= start < b < end:
            start = b
    one_word_after = False
    for a, b in sorted(public, reverse=True):
        if start < a < end <= b:
            end = a
            one_word_after = len(text[a:b].split()) == 1
    if (start, end) == (c.start, c.end):
        return c
    words = list(re.finditer(r"[\w'’.-]+", text[start:end]))
    lead = trail = 0
    while words and words[0].group().lower().strip(".") in _LINKS:
        words.pop(0)
        lead += 1
    while words and words[-1].group().lower().strip(".") in _LINKS:
        words.pop()
        trail += 1
    if start > c.start and not lead and words and words[0].group().lower().strip(".'’") in _HEADS:
        return c  # "Oasis Centre", "Mind House": a local place named with the public word, whole
    if end < c.end and not trail and one_word_after and words and (
            words[-1].group().lower().strip(".'’") in name_lexicon("all") | _PLACE_MAKERS | PARTICLES):
        return c  # "Sally Asda": a surname that is also a brand is a person's; "Latin America" a place;
        # "Mr Da Costa": after a surname's particle the brand is the surname's second word
    if not words and (lead or trail) and start < end and c.layer in MODEL_LAYERS:
        # "the Surgeon General in": the model ran a joining word into the office, which names nothing; another
        # layer's reading around a public word ("i rang sheer on") is _within_public's to decide
        return replace(c, start=start, end=end)
    if not words or not any(ch.isalpha() for w in words for ch in w.group()):
        return c  # nothing that names beside the public phrase: _within_public decides
    s, e = start + words[0].start(), start + words[-1].end()
    while e > s and text[e - 1] in ".,":
        e -= 1
    if any(s < b and a < e for a, b in public):
        return c
    return replace(c, start=s, end=e)


_NOT_CUT = frozenset({ROYAL_INSTITUTION, PUB_SIGN_AS_PLACE, HOME_CITY_REASON, HEALTH_BOARD_REASON})
"""Reasons whose proposal no public phrase inside takes back: an institution named after a royal, a pub's sign
said as a place, a country said as where someone lives or comes from ("she's from Jamaica": the allow-list
keeps the country as a trip or a comparison, not as the place of a life), and a territorial health board, which
goes whole however the allow-list reads its words ("NHS Highland" as every other board, never "NHS [trust
name]" or a "health board" left beside its placeholder)."""


def _owned_by_public(rest: str) -> bool:
    """What a proposal leaves after a public body is its possessive and the body's own kind of team or service
    ("NHS Fife's palliative team", "Macmillan's nurses"): the body's, named by the body, so nothing is left to
    remove (a word a name or place list holds, "NHS Fife's Kirkcaldy team", keeps the rest proposed)."""
    if not rest.startswith(("'s ", "’s ")):
        return False
    words = [w.strip(".,").lower() for w in rest[3:].split()]
    names, places, usage = name_lexicon("all"), place_names(), lowercase_usage()
    return bool(words) and all(
        w.isalpha() and (is_everyday(w) or usage.get(w, 0) >= CENSUS_RARELY_LOWER or w in STOP_WORDS or w in _HEADS)
        and w not in names and w not in places and w not in _PLACE_MAKERS for w in words)


def _names_nothing(rest: str) -> bool:
    """What a proposal leaves beside a public phrase is only everyday words that no name or place list holds:
    the model took a verb after a public person in captions ("queen victoria died"), so nothing is left to
    remove. A word either list holds ("Queen Victoria Baker") keeps the rest proposed."""
    words = [w.strip(".,'’").lower() for w in rest.split()]
    names, places, usage = name_lexicon("all"), place_names(), lowercase_usage()
    return bool(words) and all(
        w.isalpha() and (is_everyday(w) or usage.get(w, 0) >= CENSUS_RARELY_LOWER) and w not in names
        and w not in places and w not in _HEADS and w not in _PLACE_MAKERS for w in words)


def _surname_was_public(c: Candidate, cut: Candidate, text: str) -> bool:
    """The lexicon read a given name that is also a word as a name only because the word after it looked like a
    surname, and that word begins a public name the allow-list keeps ("i used to love paul gascoigne", "we'd love
    marcus rashford to come"): the surname was the public figure's, so nothing said the word is a person. A given
    name that is no word ("kieran") is proposed on its own and never comes here."""
    return (c.layer == "lexicon" and c.reason == WORD_NAME_AND_SURNAME and cut.start == c.start
            and cut.end < c.end and text[cut.start : cut.end].isalpha())


def _outside(c: Candidate, spans: list[tuple[int, int]], text: str) -> Candidate | None:
    """``c`` with every study label cut away from its ends; None when nothing that names remains.

    "Participant 2 agreed" read as one entity keeps no redaction; "Jo, Participant 2" keeps "Jo".
    """
    start, end = c.start, c.end
    for a, b in spans:
        if a <= start < b:
            start = b
        if a < end <= b:
            end = a
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "'’.":
        end -= 1
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    if any(start < b and a < end for a, b in spans):
        return None  # a label in the middle: too mixed to cut, and a label must never go
    if (start, end) == (c.start, c.end):
        return c
    return Candidate(start, end, c.category, c.layer, c.score, c.reason, c.item_key, c.placeholder)


def _first_word_of_longer(c: Candidate, public: list[tuple[int, int]], text: str) -> bool:
    """Whether ``c`` begins a longer public name said there and is only its first word ("Florence" of "the
    Florence Nightingale Foundation"): a city read as where someone comes from ("from the Florence ...") is then
    the name's word. A public phrase that is the city alone ("she's from Jamaica") does not count."""
    return any(a == c.start and c.end < b and text[c.end:b].strip() and not text[c.end:b].strip().startswith(",")
               for a, b in public)


def _own_rule_said(doc: Doc, s: int, e: int, firsts: frozenset[str]) -> bool:
    """A listed eponym of a given name and "'s" ("Martha's Rule", "Clare's Law") that cased text writes against the
    entry's own capitals ("Martha's rule at home"): a person's own rule or law degree, not the listed name, so the
    given name is not kept by the list. Captions cannot tell the two and keep the listed reading."""
    from .register_eponyms import against_its_capitals

    return doc[s].lower_ in firsts and doc[s + 1].lower_ in {"'s", "’s"} and against_its_capitals(doc[s:e].text)


class AllowListComponent:
    """Layer 4: what must stay (national bodies, charities, reports, eponyms, countries, tools, study
    labels, placeholders).

    An allow-listed phrase keeps its public sense only: a one-word entry that the name lists hold
    is not kept where the words around it say a person ("Francis said…", "Mrs Cruse"), and
    registered names always win. Study labels are kept against every layer but the register.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.phrases: set[str] = set()
        self.owner: object = None
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.set_phrases(default_allowlist())

    def set_phrases(self, phrases: Iterable[str]) -> None:
        """Match ``phrases`` (and their :func:`spellings`) from now on.

        Why phrases already matched are kept: the component is made with the shipped list, and every run's
        anonymiser then gives it the shipped list again with the study's own phrases and short names, so the
        matcher of some five thousand phrases was built twice at the start of every run. A phrase matcher of one
        key finds the same spans, in the same order (by start, then end), however its phrases were added, so
        where the new phrases hold every phrase matched now only the new ones are added; else it is made anew.
        """
        wanted = {p.lower() for p in phrases}
        if self.phrases and wanted >= self.phrases:
            added, self.phrases = wanted - self.phrases, wanted
        else:
            added, self.phrases = wanted, wanted
            self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        docs = [self.nlp.make_doc(variant) for p in sorted(added) for variant in spellings(p)]
        if docs:
            self.matcher.add("ALLOW", docs)

    def public_phrases(self, doc: Doc) -> list[tuple[int, int]]:
        """Allow-listed phrases used in their public sense, as character spans."""
        names, firsts = name_lexicon("all"), name_lexicon("first")
        out = []
        surnames = public_surnames()
        caseless = caseless_doc(doc)
        for _, s, e in self.matcher(doc):
            if e - s > 2 and not caseless and _own_rule_said(doc, s, e, firsts):
                continue  # "Martha's rule at home was no phones": her rule, not the listed "Martha's Rule"
            if e - s > 1 and (_kin_before(doc, s) or _said_as_place(doc, s, e)) \
                    and _words_of(doc[s:e].text) in _people_full_names():
                continue  # "my mate Harry Kane": a private person; "a job at Prince Charles": a hospital
            if e - s > 2 and _given_names_said_as_people(doc, s, e, firsts):
                continue  # "Gavin and Stacey came round": two people, whatever the programme is called
            if e - s == 1 and self._a_person(doc[s], names, firsts):
                continue  # "Francis said he'd come", "Mrs Cruse": a person, whatever the list holds
            if e - s == 1 and _a_day_that_acts(doc[s]):
                continue  # "Ramadan said he'd meet me": a festival does not speak; someone named for it does
            if e - s == 1 and _lived_in(doc, s) and doc[s].lower_ in _culture_words():
                continue  # "she's lived on Brookside since it was built": the estate, not the programme
            if e - s == 1 and doc[s].lower_ in surnames:
                continue  # a public figure's surname alone is theirs only in a public context: surname_spans
            if opens_a_street(doc, e, caseless):
                continue  # "the Blue Anchor on Lord Street": the street's name, not the public word
            out.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
        out = with_nation(text_of(doc), out)  # "Mencap NI": the body's branch in a nation, kept whole
        proposed = [(c.start, c.end) for c in candidates(doc) if c.layer != "register"] + name_runs(doc, caseless)
        proposed += _side_by_side(proposed, text_of(doc))
        proposed = list(dict.fromkeys(proposed))  # the model's, a layer's and a name run's span are often one:
        # each frame below reads a span once (what they find does not depend on how often it was proposed)
        weak: list[tuple[int, int]] = []
        framed = public_by_context(doc, proposed, caseless, weak) + royal_spans(doc, caseless, PRIVATE_WORDS)
        doc.user_data["cmo_famed_people"] = weak
        people = [(a, b) for a, b in framed if not _place_named_after(doc, a, b) and not _someone_of_ours(doc, a, b)]
        named: list[tuple[int, int]] = []
        kept_by_frame = framed_names(doc, proposed, caseless, named)
        # a title that begins with a given name ("Ted Lasso on Netflix") is on the review's residual-risk list
        # with the full names kept by a frame; only those are echoed across the transcript (see echo)
        doc._.cmo_public_people = people + named
        doc.user_data["cmo_named_titles"] = named
        return (out + surname_spans(doc) + office_spans(doc) + people + platform_spans(doc, caseless)
                + club_spans(doc) + body_spans(doc, caseless) + kept_by_frame + world_place_spans(text_of(doc))
                + said_as_body_spans(doc, caseless) + named_culture_spans(doc) + lone_body_spans(doc, caseless)
                + care_initials_spans(text_of(doc)) + service_kind_spans(text_of(doc)) + function_spans(text_of(doc))
                + place_event_spans(text_of(doc)) + event_place_spans(text_of(doc))
                + eponym_spans(text_of(doc), caseless))

    @staticmethod
    def _a_person(tok: Token, names: frozenset[str], firsts: frozenset[str]) -> bool:
        """A listed name the sentence uses as a person: a title or relation before any listed name;
        speech, a person's possession or a verb people are the object of with a given name ("I told Ai";
        "NICE said" and "I asked AI" stay: acronyms)."""
        low = tok.lower_
        if low not in names or (tok.text.isupper() and len(tok) > 1):
            return False
        cue = person_cue(tok)
        return cue == "before" or (low in firsts and cue in {"speaks", "owns", "with me", "addressed"})

    def protected(self, doc: Doc) -> list[tuple[int, int]]:
        """Public phrases, study labels and placeholders in ``doc``, as character spans (kept from the
        pipeline's own run over ``doc`` when there was one: the matcher is not run twice)."""
        data = doc.user_data  # ``doc._.cmo_protected`` without making a ``doc._`` at each look
        kept = data.get(_PROTECTED_KEY)
        if kept is None:
            text = text_of(doc)
            kept = data[_PROTECTED_KEY] = (self.public_phrases(doc), study_label_spans(text),
                                           placeholder_spans(text))
        public, labels, placeholders = kept
        return public + labels + placeholders

    def echo(self, docs: list[Doc]) -> None:
        """Across one transcript's turns: a distinctive public surname said of the public person in one
        turn ("Sajid Javid was on", "Minister Andrea Leadsom announced it": a listed name or one kept by
        its frame) is that person when said alone in another ("then Javid said"), as the
        consistency pass treats a name said once as a person. Drops what other layers proposed there
        (registered names always win) and protects it from being spread to."""
        claimed_people(docs)
        said: set[str] = set()
        for doc in docs:
            self.protected(doc)
            said |= said_publicly(text_of(doc), doc.user_data[_PROTECTED_KEY][0])
            titles = doc.user_data.get("cmo_named_titles") or ()
            said |= echoed_surnames(doc, [p for p in doc._.cmo_public_people or () if p not in titles])
        spread_public(docs, _within_public, give_back)
        if not said:
            return
        for doc in docs:
            echoes = echo_spans(doc, said)
            if not echoes:
                continue
            public, labels, placeholders = doc._.cmo_protected
            doc._.cmo_protected = (public + echoes, labels, placeholders)
            text = text_of(doc)
            doc._.cmo_candidates = [c for c in candidates(doc)
                                    if c.layer == "register" or not _within_public(c, echoes, text)]

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        doc.user_data[_PROTECTED_KEY] = None
        self.protected(doc)
        public, labels, placeholders = doc.user_data[_PROTECTED_KEY]
        doc.user_data["cmo_before_allow"] = list(candidates(doc))  # given back where a frame's keep is undone
        public_at = Intervals(public)  # a candidate no public phrase overlaps is neither inside one nor cut by one
        out = []
        for c in candidates(doc):
            if any(s < c.end and c.start < e for s, e in placeholders):
                continue
            if c.layer == "register" and c.per_occurrence and c.reason.startswith(DERIVED_FORM) and _within_public(
                    c, public, text):
                continue  # "Sands had a leaflet": the charity, not a familiar form the register made of a Sandhu
            if c.layer == "register" and c.reason.startswith(DERIVED_FORM) and nation_end_of_public(
                    text, c.start, c.end, public):
                continue  # "Autism NI did the Easy Read": the nation's word, not the "Ni" made of a registered Niamh
            if c.layer != "register":
                if c.reason == HOME_CITY_REASON and _first_word_of_longer(c, public, text):
                    continue  # "a scholarship from the Florence Nightingale Foundation": the body, not a home city
                if c.reason not in _NOT_CUT and c.category not in DIRECT_IDENTIFIERS:
                    if public_at.overlaps(c.start, c.end):  # else both tests below leave ``c`` as it is
                        if _within_public(c, public, text) or public_then_head(c.start, c.end, c.reason, public,
                                                                               text):
                            continue  # the second: "the Mind Cymru group", the body's group, no place
                        cut = _cut_public_ends(c, public, text)
                        if cut is not c and all(w.lower() in _LINKS for w in text[cut.start : cut.end].split()):
                            continue  # "the Surgeon General in America" read as one organisation: "in" stays
                        if cut is not c and _names_nothing(text[cut.start : cut.end]):
                            continue  # "queen victoria died" read as one person: the royal stays, and "died"
                        if _surname_was_public(c, cut, text):
                            continue  # "i used to love paul gascoigne": "love" was a name only by its "surname"
                        if cut.start > c.start and _owned_by_public(text[cut.start : cut.end]):
                            continue  # "NHS Fife's palliative team": the body's team, no named service
                        if cut.start > c.start and club_things_only(text[cut.start : cut.end]):
                            continue  # "an everton fan" read as one organisation: the club stays, and "fan"
                        if cut.start > c.start and text[cut.start] in "'’":
                            cut = c  # "the Smiths' yard": a public word's plural possessive is a private place's
                            # owner, and a span never begins at the apostrophe inside a word ("Smiths[...]")
                        # "Auntie Marcia", "Mama Florence": a kin title the kin list keeps goes with the name
                        c = c if c.reason == "title + name" and cut.end == c.end and " " not in text[
                            c.start:cut.start].strip() else cut
                    c = cut_kin_title(c, text)  # "Grandma [name]": a grandparent's word is no name
                if labels:  # study labels win over every layer but the register, identifiers too ("SP12")
                    kept = _outside(c, labels, text)
                    if kept is None:
                        continue
                    c = kept
            out.append(c)
        for a, b in branch_places(doc, public, caseless_doc(doc)):
            if not any(s < b and a < e for s, e in public) and not any(c.start < b and a < c.end for c in out):
                out.append(Candidate(a, b, "city", "places", 0.7, BRANCH_PLACE))
        doc._.cmo_candidates = out
        return doc


DERIVED_FORM = "registered person's familiar form"
"""The reason the register layer gives a familiar form it made by rule (not one the team wrote); where it is
perhaps a word and stands inside a public name, the public name wins (said as the charity, "Sands" of a
registered Sandhu): a form the team wrote, or one said as a name, still wins over every list."""


_CLAIM_TITLES = frozenset({"sir", "dame", "lord", "lady", "baroness", "baron", "professor", "prof", "dr", "doctor",
                           "mr", "mrs", "ms", "miss", "the", "rt", "hon"})


def _private_mentions(docs: list[Doc]) -> set[str]:
    """Names said of someone the speaker knows anywhere in one transcript, lower-cased: each word of a
    person proposed by another layer right after a word of kinship, friendship or care ("my cousin Darren",
    "our Kirsty", "my mate Gavin Tolley"), and its whole."""
    out: set[str] = set()
    for doc in docs:
        text, view = text_of(doc), turn_view(doc)  # each person's first token found in the turn's offsets
        for c in candidates(doc):
            if c.category != "person":
                continue
            found = view.char_tokens(c.start, c.end, "expand")
            if found is None or found[0] == 0 or view.lowers[found[0] - 1] not in PRIVATE_WORDS:
                continue
            words = re.findall(r"[^\W\d_][\w'’-]*", text[c.start : c.end].lower())
            out.update(words)
            out.add(" ".join(words))
    return out


def claimed_people(docs: list[Doc]) -> None:
    """Give back to the other layers, across one transcript, the full names kept as public people only by
    how fame is spoken of (a trade, a published work, the media: ``public_by_context``'s weak frames; an
    office or a peer's title is no frame private people are said in) that a private mention claims: a
    word of the name said elsewhere of
    someone the speaker knows ("my cousin Darren ... Darren Fulbright was on the telly"). A frame reads one
    sentence; the transcript may say who the person is in another, and a leaked name costs more than a
    public one removed. Listed names are not affected; registered names win already."""
    claims = _private_mentions(docs)
    if not claims:
        return
    for doc in docs:
        famed = set(doc.user_data.get("cmo_famed_people") or ())
        if not famed or doc._.cmo_protected is None:
            continue
        text = text_of(doc)
        undone = []
        for a, b in famed:
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[a:b].lower()) if w not in _CLAIM_TITLES]
            if len(words) < 2 or " ".join(words) in _people_full_names():
                continue  # a listed full name is the public person's wherever a friend shares a word of it
            if any(w in claims for w in words) or " ".join(words) in claims:
                undone.append((a, b))
        if undone:
            give_back(doc, undone)


def give_back(doc: Doc, undone: list[tuple[int, int]]) -> None:
    """Undo the keeps ``undone`` (character spans of ``doc``'s kept public people) and give their proposals
    back to the other layers: the transcript says elsewhere that the person is someone the speaker knows."""
    text = text_of(doc)
    public, labels, placeholders = doc._.cmo_protected
    public = [p for p in public if p not in undone]
    doc._.cmo_protected = (public, labels, placeholders)
    doc._.cmo_public_people = [p for p in doc._.cmo_public_people or [] if p not in undone]
    now = list(candidates(doc))
    have = {(c.start, c.end, c.category) for c in now}
    for c in doc.user_data.get("cmo_before_allow") or ():
        if (c.start, c.end, c.category) not in have and any(c.start < b and a < c.end for a, b in undone) \
                and not _within_public(c, public, text):
            now.append(c)
    doc._.cmo_candidates = now


def framed_names(doc: Doc, proposed: list[tuple[int, int]], caseless: bool,
                 named: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Medicines, titles, brands, clubs and charities no list holds, kept for how they are spoken of (see
    :mod:`.public_medicines`, :mod:`.public_culture`, :mod:`.public_charities`): read on the runs other
    layers proposed, as only a proposal can remove a public name. Titles kept that begin with a given name
    are added to ``named``."""
    found = runs(doc, proposed, caseless)
    return (medicine_spans(doc, found) + culture_spans(doc, found, caseless, named)
            + charity_spans(doc, found, caseless) + named_after_spans(doc, caseless) + club_form_spans(doc, caseless)
            + called_title_spans(doc, found))


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", text.lower().replace("’", "'")))


@cache
def _people_full_names() -> frozenset[str]:
    """Listed full names of public people, health-policy figures and everyday ones, as :func:`_words_of`."""
    return frozenset(_words_of(n) for n in (*public_figures(), *public_names("people")) if " " in n.strip())


@cache
def _festivals() -> frozenset[str]:
    """The calendar list's one-word entries, lower-cased: festivals, feasts and named days."""
    return frozenset(e.lower() for e in public_names("calendar") if " " not in e)


_ACTS_AS_A_PERSON = frozenset({"before", "speaks", "owns"})


def _a_day_that_acts(tok: Token) -> bool:
    """A one-word festival or named day said as a person: after a title or relation ("my mate Diwali"), before
    a verb of speech ("Ramadan said", "Eid told me") or a person's possession ("Noel's mum"). People are named
    for days and feasts in many languages (Ramadan, Bayram, Noel, Diwali, Pascal); a festival is spent, never a
    speaker, so these leave the allow-list's protection to the person layers and the review. "Me and Diwali
    went" is a person; "Eid and I" is not read: "we had a lovely Eid and I went to see my aunt" is the festival."""
    if tok.lower_ not in _festivals():
        return False
    cue = person_cue(tok)
    before = word_before(tok)
    return cue in _ACTS_AS_A_PERSON or (cue == "with me" and before is not None and before.lower_ == "and")


def _kin_before(doc: Doc, start: int) -> bool:
    """A word of kinship or friendship right before token ``start`` ("my mate", "our", "her son"): the
    listed full name after it is a private person's who bears it."""
    prev = word_before(doc[start])
    return prev is not None and prev.lower_ in PRIVATE_WORDS


_PAIR_JOINERS = frozenset({"and", "&", "n", "'n'"})
_PEOPLE_AFTER = frozenset({"speaks", "owns", "with me", "does"})


def _given_names_said_as_people(doc: Doc, start: int, end: int, firsts: frozenset[str]) -> bool:
    """A listed title made only of given names and "and" ("Gavin and Stacey") said where people stand:
    a verb people do after it ("Gavin and Stacey came round", "... said"), a person's possession after it,
    "from" after it ("Gavin and Stacey from the ward"), or a word of kinship or friendship before it
    ("my mates Gavin and Stacey"). Two private people of those names must go; the programme is watched,
    not met."""
    words = [t.lower_ for t in doc[start:end] if t.lower_ not in _PAIR_JOINERS]
    if len(words) < 2 or len(words) == end - start or not all(w in firsts for w in words):
        return False
    last, prev = doc[end - 1], word_before(doc[start])
    nxt = word_after(last)
    return (prev is not None and (prev.lower_ in PRIVATE_WORDS or prev.lower_.removesuffix("s") in PRIVATE_WORDS)
            or person_cue(last) in _PEOPLE_AFTER or (nxt is not None and nxt.lower_ == "from"))


_AT_PLACE = frozenset({"at", "into", "in", "near", "outside", "inside", "opposite", "behind"})
_AT_PERSON = frozenset({"look", "looked", "looking", "looks", "laugh", "laughed", "laughing", "laughs", "shout",
                        "shouted", "shouting", "stare", "stared", "staring", "aimed", "pointed", "mad", "angry",
                        "fuming", "annoyed", "swore", "swearing", "dig", "go", "went", "had", "having", "in", "into"})
"""Words before "at"/"in"/"into" that make a person its object ("laughing at", "had a go at", "into
Ed Sheeran": a fan)."""
_NAMED_TITLES = frozenset({"prince", "princess", "king", "queen", "sir", "dame", "lord", "lady", "captain"})
_NAMED_HEADS = frozenset({"university", "health", "uhb", "hospital", "hospitals", "infirmary", "ward", "unit",
                          "centre", "center", "building", "wing", "school", "academy", "airport", "trust"})
"""Heads after a person's full name that make it a place or body named after them."""
_MOVING_TO = frozenset({"went", "go", "going", "goes", "came", "come", "coming", "moved", "transferred", "taken",
                        "admitted", "sent", "back", "drove", "flew", "walked", "got"})


def _said_as_place(doc: Doc, start: int, end: int) -> bool:
    """A listed person's full name used as the name of a place named after them: a hospital, an airport,
    a school ("a job at Prince Charles", "flew into the George Best", "taken to Queen Elizabeth"). The
    words before say a place: "at", "in", "into", "near" (not after "laughing", "had a go", "into" as
    a fan is), "to" after a verb of going, or "the" before a name that ends its phrase ("into the
    George Best, the City airport")."""
    after = word_after(doc[end - 1])
    if after is not None and after.lower_ in _NAMED_HEADS:
        return True  # "the Aneurin Bevan University Health Board", "the Florence Nightingale ward"
    if after is not None and after.lower_ in {"'s", "’s", "'"}:
        work = word_after(after)
        if work is not None and work.lower_ in PUBLIC_WORK | BROAD_WORK:
            return False  # "it all goes back to Lionel Brackenbury's report": the person's work, no place
    prev = word_before(doc[start])
    while prev is not None and prev.lower_ in _NAMED_TITLES:
        prev = word_before(prev)  # "at Princess Diana": the title is part of the place's name
    if prev is None:
        return False
    low = prev.lower_
    before = word_before(prev)
    blow = before.lower_ if before is not None else ""
    if low == "the":
        nxt = word_after(doc[end - 1])
        return nxt is None or nxt.is_punct or nxt.lower_ in _LINKS | {"airport", "hospital", "school"} \
            or (nxt.pos_ in {"ADP", "SCONJ", "CCONJ"} and nxt.lower_ not in {"'s", "’s"})
        # "came off the Prince Charles after a bad overdose": "the" and a word that ends the phrase
    if _owns_a_thing(doc, end):
        return False  # "back in Queen Victoria's time": the person's, not a place's
    if low in _AT_PLACE:
        return blow not in _AT_PERSON and not (low in {"in", "into"} and blow in {"'m", "am", "is", "'s", "are",
                                                                                "'re", "was", "were", "be", "really"})
    return low == "to" and blow in _MOVING_TO


def _owns_a_thing(doc: Doc, end: int) -> bool:
    """The name (ending before token ``end``) is followed by a possessive and a word that is no place's head:
    "in Queen Victoria's time", "at Prince Charles's wedding" ("at Queen Elizabeth's hospital" stays a place)."""
    if end + 1 >= len(doc) or doc[end].lower_.replace("’", "'") not in {"'s", "'"}:
        return False
    after = doc[end + 1]
    return after.is_alpha and after.lower_ not in ROYAL_PLACE_AFTER | {"airport", "unit"}


def _place_named_after(doc: Doc, start: int, end: int) -> bool:
    """A name the public context keeps (``start``, ``end``: characters) said as a place named after the
    person: see :func:`_said_as_place`."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _said_as_place(doc, span.start, span.end)


@cache
def _culture_words() -> frozenset[str]:
    """The culture list's one-word titles, lower-cased ("brookside", "heartbeat")."""
    return frozenset(t.lower() for t in public_names("culture") if " " not in t)


_LIVING = frozenset({"live", "lives", "lived", "living", "grew", "grown", "moved", "move", "moving", "born",
                     "raised", "brought", "settled", "stays", "stayed", "staying"})
"""Verbs of where someone lives: "lived on", "grew up in", "moved to", "born in"."""
_WHERE_PREPS = frozenset({"on", "in", "to", "at", "up", "round", "over", "near", "off"})
_FOLK = frozenset({"lad", "lads", "lass", "lasses", "girl", "girls", "boy", "boys", "kid", "kids", "family",
                   "families", "woman", "women", "man", "men", "bloke", "fella", "people", "folk", "someone",
                   "somebody", "everyone", "everybody", "mate", "mates", "neighbour", "neighbours", "them", "those",
                   "tenant", "tenants", "resident", "residents", "client", "patient", "couple", "youngsters"})
"""People said as coming "from" somewhere ("a lad from", "them kids from"); an actor or a cast "from" a
programme is not among them."""


def _lived_in(doc: Doc, start: int) -> bool:
    """The word at ``start`` is said where someone lives or comes from: a verb of living and a preposition before
    it ("lived on", "grew up in", "moves over to"), "from" after people ("a lad from", "them kids from"), or the
    word before "estate"."""
    after = word_after(doc[start])
    if after is not None and after.lower_ == "estate":
        return True
    words: list[str] = []
    prev = word_before(doc[start])
    while prev is not None and len(words) < 3:
        words.append(prev.lower_)
        prev = word_before(prev)
    if not words:
        return False
    if words[0] == "from":
        return len(words) > 1 and words[1] in _FOLK
    if words[0] not in _WHERE_PREPS:
        return False
    return any(w in _LIVING for w in words[1:])


@cache
def _kin_words() -> frozenset[str]:
    """The kin list's words for relatives, lower-cased ("nai nai", "bauji")."""
    return frozenset(e.lower() for e in public_names("kin"))


_OURS = frozenset({"my", "our", "your"})
"""Possessives that never stand as an object pronoun ("told her Boris said" is no one's Boris)."""
_WHOSE = _OURS | {"her", "his", "their"}


def _someone_of_ours(doc: Doc, start: int, end: int) -> bool:
    """A name the public context would keep (``start``, ``end``: characters) said as the speaker's or someone's
    own: after "my", "our" or "your" ("my Vera was on the telly again"), or after a word of kinship, friendship
    or care that a possessive begins ("her mate Kane was on the news"). A public figure is not "my" anyone;
    "her" and "his" alone are left out, as they are also objects ("I told her Boris Johnson had resigned")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or " ".join(t.lower_ for t in span) in _kin_words() \
            or all(t.lower_ in PRIVATE_WORDS or t.lower_ in KIN_TITLES or is_everyday(t.text) or not t.is_alpha
                   for t in span):
        return False  # "my nai nai", "our bauji", "my nana": a word for a relative or an everyday word, not a name
    first = span[0].lower_
    before = word_before(doc[span.start])
    prev = before.lower_ if before is not None else ""
    whose = word_before(before) if before is not None else None
    if first in _OURS or prev in _OURS:
        return True
    return prev in PRIVATE_WORDS and whose is not None and whose.lower_ in _WHOSE


def spellings(phrase: str) -> list[str]:
    """``phrase`` as people and captions write it: "Al-Anon" also as "al anon" and "alanon",
    "St Mungo's" also with a curly apostrophe and as "St Mungos" (captions and hurried typing drop a
    possessive's apostrophe: "the alzheimers society", "barnardos"), "Change, Grow, Live" also without
    its commas, and the forms speech gives it (:func:`.public_spellings.said_forms`: "Marks and Spencer",
    "radio four", "Alcoholics Anon")."""
    forms = {phrase, *said_forms(phrase, _names_and_places())}
    forms |= {f for form in list(forms) if "-" in form for f in (form.replace("-", " "), form.replace("-", ""))}
    forms |= {" ".join(f.replace(",", " ").split()) for f in list(forms) if "," in f}
    if " " in phrase:  # one word is left as listed: "Foster's" the lager, but "the Fosters" next door
        forms |= {re.sub(r"(?<=\w)'(?=s\b)|(?<=\ws)'(?!\w)", "", f) for f in forms if "'" in f}
    forms |= {f.replace("'", "’") for f in forms if "'" in f}
    return sorted(forms)


@cache
def _names_and_places() -> frozenset[str]:
    """Given names, surnames and places, lower-cased: a one-word possessive whose stem is one of them keeps its
    apostrophe (see :func:`.public_spellings.said_forms`)."""
    return name_lexicon("all") | place_names()


@Language.factory("cmo_allowlist")
def make_allowlist(nlp: Language, name: str) -> AllowListComponent:
    return AllowListComponent(nlp)
