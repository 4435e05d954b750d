"""Layer 3b: listed UK places (the model misses many, above all in captions)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate
from .allowlist import PUB_SIGN_AS_PLACE, ROYAL_INSTITUTION
from .care_agencies import REASON as CARE_AGENCY_REASON
from .care_agencies import care_agency_spans
from .care_homes import care_home_spans
from .club_names import club_name_spans
from .club_talk import club_kind_spans, pub_role_spans, sign_talk_spans, topo_club_spans
from .estates import estate_spans
from .facilities import facility_spans, pos_by_offset
from .friends_groups import REASON as FRIENDS_REASON
from .friends_groups import friends_place_spans
from .health_boards import REASON as HEALTH_BOARD_REASON
from .health_boards import area_body_spans, health_board_spans
from .kind_first import kind_first_spans
from .named_plurals import OPEN_REASON as PLURAL_OPEN_REASON
from .named_plurals import SURE_REASON as PLURAL_SURE_REASON
from .named_plurals import plural_place_spans
from .naming import apposition_spans, called_spans
from .place_frames import frame_place_spans
from .postcodes import postcode_spans
from .practices import practice_spans
from .pub_talk import pub_talk_spans
from .public_fame import ROYAL_TITLES
from .public_functions import PLACE_BEFORE_FUNCTION, places_before_functions
from .pubs import pub_spans, signs_as_places
from .slots import SLOT_REASON, slot_spans, where_someone_is
from .spoken_places import spoken_place_spans
from .state import candidates, caseless_doc, text_of
from .towns import town_spans
from .turn_view import turn_view
from .venue_acts import VENUE_REASON, act_venue_spans
from .venues import venue_spans
from .word_towns import CAPTION_REASON as CAPTION_WORD_TOWN_REASON
from .word_towns import REASON as WORD_TOWN_REASON
from .word_towns import caption_word_town_spans, word_town_spans
from .words import place_names, place_words
from .workplaces import workplace_spans
from .world_places import HOME_CITY_REASON, home_city_spans
from .worship import worship_spans

_WORDS_RE = re.compile(r"[^\W\d_]+")
_POSSESSIVE = frozenset({"'s", "’s"})
_OWNERS = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "your", "this", "that"})


HOSPITAL_WORD_REASON = "a hospital's everyday name said where a place goes"


def _royal_name(surface: str) -> bool:
    """A slot's hospital named after a royal ("prince philip"): the allow-list keeps royals, not their hospitals."""
    return surface.split(" ", 1)[0].lower() in ROYAL_TITLES


class PlacesComponent:
    """Layer 3b: listed UK places, which the model misses often in captions and sometimes in cased
    text ("We moved to Barnsley"). The list holds no everyday words, so a match is a place wherever
    it stands: in captions any match, in cased text a match written with its capital."""

    def __call__(self, doc: Doc) -> Doc:
        caseless = caseless_doc(doc)
        names, starts = place_names(), place_words()
        self._unlisted(doc, caseless)
        self._local(doc, caseless)
        self._facilities(doc, caseless)
        if starts.isdisjoint(_WORDS_RE.findall(text_of(doc).lower())):
            return doc  # most turns name no listed place: one regex pass instead of a look at every token
        candidates(doc).extend(self._listed(doc, caseless, names, starts))
        return doc

    @staticmethod
    def _listed(doc: Doc, caseless: bool, names: frozenset[str], starts: frozenset[str]) -> list[Candidate]:
        """Listed places of one or two words, from the turn view's texts and offsets: no ``Token`` is made, of
        the words that begin no listed place nor of those that do."""
        view = turn_view(doc)
        words, offsets, lengths = view.texts, view.starts, view.lengths
        lows = [w.lower() for w in words]
        out: list[Candidate] = []
        for i, low in enumerate(lows):
            if low not in starts or (not caseless and not words[i][:1].isupper()):
                continue  # one set lookup for the many words that begin no listed place
            if (i + 2 < len(lows) and lows[i + 1] in _POSSESSIVE
                    and (f"{low}'s {lows[i + 2]}" in names or f"{low}s {lows[i + 2]}" in names)
                    and offsets[i + 1] == offsets[i] + lengths[i] and (caseless or words[i + 2][:1].isupper())
                    and not (i and lows[i - 1] in _OWNERS)):  # "the bishop's castle": whose, no town
                # "Bishop's Castle", "bishop's stortford": the tokens split the "'s" the list writes in the name
                out.append(Candidate(offsets[i], offsets[i + 2] + lengths[i + 2], "city", "places", 0.75,
                                     "UK place list"))
            elif (i + 1 < len(lows) and f"{low} {lows[i + 1]}" in names
                    and (caseless or words[i + 1][:1].isupper())):
                out.append(Candidate(offsets[i], offsets[i + 1] + lengths[i + 1], "city", "places", 0.75,
                                     "UK place list"))
            elif low in names:
                out.append(Candidate(offsets[i], offsets[i] + lengths[i], "city", "places", 0.75, "UK place list"))
        return out

    @staticmethod
    def _local(doc: Doc, caseless: bool) -> None:
        """Local places a participant's life is told by: postcode districts, pubs and clubs, estates and
        blocks, GP practices and pharmacies, named wards and ward numbers, workplaces, places of worship
        and places named after a saint. Typed as the rules
        layer types what it finds, so the placeholder says what was there ("down the [pub name]")."""
        text = text_of(doc)
        out = candidates(doc)
        for s, e in postcode_spans(text):
            out.append(Candidate(s, e, "postcode", "rules", 0.9, "postcode district"))
        if "called" in text or "named" in text or "known" in text:
            for s, e, kind in called_spans(text, caseless):
                out.append(Candidate(s, e, kind, "rules", 0.8, f"{kind} named after its kind and 'called'"))
        for s, e, kind in apposition_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.8, f"{kind} named beside what kind of place it is"))
        for s, e, kind in pub_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.8, f"{kind} named by its sign or its head"))
        for s, e in signs_as_places(text, caseless):
            out.append(Candidate(s, e, "pub", "rules", 0.8, PUB_SIGN_AS_PLACE))
        for s, e in pub_talk_spans(text, caseless):
            out.append(Candidate(s, e, "pub", "rules", 0.8, "pub named with ordinary words, said with pub talk"))
        for s, e in places_before_functions(text):
            out.append(Candidate(s, e, "place", "rules", 0.8, PLACE_BEFORE_FUNCTION))
        for s, e, kind in act_venue_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.75, VENUE_REASON[kind]))
        for s, e in club_name_spans(text, caseless):
            out.append(Candidate(s, e, "club", "rules", 0.8, "local club named after a place"))
        for s, e in club_kind_spans(text, caseless):
            out.append(Candidate(s, e, "club", "rules", 0.8, "members' club said by its kind, of what it does"))
        for s, e in sign_talk_spans(text, caseless):
            out.append(Candidate(s, e, "pub", "rules", 0.8, "pub named by its sign in a turn of pub talk"))
        for s, e in topo_club_spans(text, caseless):
            out.append(Candidate(s, e, "club", "rules", 0.8, "club named after a word of the land, with its kind"))
        for s, e in pub_role_spans(text, caseless):
            out.append(Candidate(s, e, "pub", "rules", 0.8, "pub named right before its landlord or quiz night"))
        for s, e in estate_spans(text, caseless):
            out.append(Candidate(s, e, "estate", "rules", 0.8, "estate or block named where someone lives"))
        for s, e, kind in practice_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.8, f"{kind.replace('_', ' ')} named by its head"))
        for s, e in workplace_spans(text, caseless):
            out.append(Candidate(s, e, "workplace", "rules", 0.8, "workplace named after its owner or place"))
        for s, e, kind in worship_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.8, "place of worship or place named after a saint"))
        for s, e, kind in care_home_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.8, "home named where someone is placed or visited"))
        for s, e in care_agency_spans(text, caseless):
            out.append(Candidate(s, e, "org", "rules", 0.8, CARE_AGENCY_REASON))
        for s, e in friends_place_spans(text, caseless):
            out.append(Candidate(s, e, "place", "rules", 0.8, FRIENDS_REASON))
        for s, e in health_board_spans(text, caseless) + area_body_spans(text, caseless):
            out.append(Candidate(s, e, "trust", "rules", 0.85, HEALTH_BOARD_REASON))
        for s, e, kind in kind_first_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.8, f"{kind.replace('_', ' ')} named after its kind"))
        for s, e, kind in venue_spans(text, caseless):
            out.append(Candidate(s, e, kind, "rules", 0.8, "drop-in or café named after a person"))

    @staticmethod
    def _facilities(doc: Doc, caseless: bool) -> None:
        """Day centres, care homes, clubs, cafés, shops, schools, churches, agencies and suffix-less streets
        named by the shape of the phrase (see :mod:`.facilities`); typed by their head, and scored above the
        other local layers so the head's type ("[day centre name]") is the placeholder."""
        text = text_of(doc)
        out = candidates(doc)
        for f in facility_spans(text, caseless, pos_by_offset(doc)):
            out.append(Candidate(f.start, f.end, f.category, "rules", f.score, f.reason))

    @staticmethod
    def _unlisted(doc: Doc, caseless: bool) -> None:
        """Towns no list holds, by their shape and a word of place around them (see :mod:`.towns`).
        A word the model typed as an organisation (in captions, on the re-cased copy) stays one:
        it is proposed either way, and "from Earthstone", "at Honeywell" are companies."""
        text = text_of(doc)
        people = [(c.start, c.end) for c in candidates(doc) if c.category == "person"]
        for s, e, kind in slot_spans(text, caseless):
            if kind == "place" and any(a < e and s < b for a, b in people) and not where_someone_is(text, s):
                continue  # "got it from shaz": the person layers' word; "I was in Pinderfields": no person's slot
            # where someone is, layer "rules" outranks the model's person ("in Pinderfields"); after "to", "from"
            # the model's reading stands and a given name still types a person ("down to Dezza": layer "slot"
            # ranks below the model and, unlike "places", leaves pipeline._by_evidence to judge)
            layer = "rules" if where_someone_is(text, s) else "slot"
            hospital_reason = ROYAL_INSTITUTION if _royal_name(text[s:e]) else HOSPITAL_WORD_REASON
            candidates(doc).append(Candidate(s, e, kind, layer, 0.7, SLOT_REASON) if kind == "place" else Candidate(
                s, e, kind, "rules", 0.8, hospital_reason))
        for s, e, kind in home_city_spans(text):
            candidates(doc).append(Candidate(s, e, kind, "places", 0.7, HOME_CITY_REASON))
        if not caseless:
            for s, e in word_town_spans(text):
                candidates(doc).append(Candidate(s, e, "city", "rules", 0.8, WORD_TOWN_REASON))
        else:
            for s, e in caption_word_town_spans(text):
                candidates(doc).append(Candidate(s, e, "city", "rules", 0.8, CAPTION_WORD_TOWN_REASON))
        for s, e, kind, reason in spoken_place_spans(text, caseless):  # places named with ordinary words
            candidates(doc).append(Candidate(s, e, kind, "rules", 0.8, reason))
        for s, e, kind, reason in frame_place_spans(text, caseless):  # read by the frame of speech around them
            candidates(doc).append(Candidate(s, e, kind, "rules", 0.7, reason))
        for s, e, sure in plural_place_spans(text, caseless):  # "stayed at the gables", "on the limes inpatient"
            candidates(doc).append(Candidate(s, e, "place", "rules", 0.75, PLURAL_SURE_REASON) if sure else
                                   Candidate(s, e, "place", "frames", 0.6, PLURAL_OPEN_REASON, per_occurrence=True))
        spans = town_spans(text, caseless)
        if not spans:
            return  # most turns: no entity need be read
        typed = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
        for s, e in spans:
            if text[s:e].lower() in place_names() or any(a <= s and e <= b for a, b in typed):
                continue
            candidates(doc).append(Candidate(s, e, "place", "places", 0.7, "a place-shaped word said as a place"))


@Language.factory("cmo_places")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
