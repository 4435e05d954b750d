"""Transcript-wide consistency: a word found once as a person's name is that name everywhere.

Speakers name each other dozens of times; the layers catch most mentions, the rest leak
("thank you camilo" is caught, "as camilo mentioned" is not). Layers see one turn at a
time, so this step runs over the whole transcript after them: every name word that some
layer proposed as a person, and that is no everyday word, is proposed again wherever else
it occurs. It adds candidates and never removes one; the allow-list is honoured. The same
holds for types: a bare "Beech" takes the type of "Beech Ward" said elsewhere in the transcript.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from .candidates import Candidate
from .frames_again import frames_again
from .hospitals_again import hospitals_again
from .layers import bynames
from .layers.facility_cues import said_as_facility
from .layers.naming import bare_place, recurs_as_place
from .layers.set_off_names import REASON as SET_OFF_REASON
from .layers.slots import SLOT_REASON
from .layers.towns import district_prefix, district_tail, town_shaped
from .layers.words import FILLERS, NOT_VOCATIVE, is_everyday, name_lexicon, place_names
from .lookup import Intervals
from .namelists import uk_given
from .occurrences import norm, said_again
from .word_readings import said_as_the_word

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE_ENDS = ("'s", "’s")
"""A possessive's ending: a word of :data:`_WORD` holds no newline, so ``endswith`` answers as ``['’]s$`` did."""
_MIN_LEN = 3




def name_words(text: str, found: Iterable[Candidate]) -> set[str]:
    """Lower-cased words of person candidates that can only be names (not "season", not "numbers").

    Only words with independent evidence seed: a known given name or surname, or a word a
    rule saw used as a name ("thank you, camilo"). The model alone also calls products and
    companies people ("AFM", "Enagas"), and repeating its mistakes would multiply them.
    """
    known = name_lexicon("all")
    firsts = name_lexicon("first")
    articled = _articled(text)
    out: set[str] = set()
    for c in found:
        if c.category != "person" or c.layer in ("register", "sound_alike"):
            continue  # the register already matches every variant of its names everywhere
        for m in _WORD.finditer(text[c.start : c.end]):
            word = m.group(0)
            low = word.lower()
            short = len(low) == 2 and c.layer == "rules" and low in uk_given()  # "me and li went": a cue said so
            if ((len(low) < _MIN_LEN and not short) or low in NOT_VOCATIVE or low in FILLERS or low in STOP_WORDS
                    or not low.isalpha() or word.isupper() or is_everyday(low)):
                continue
            # "uh, Halloween, I'm curious": a word merely set off by commas is too weak to repeat;
            # a surname-list word alone ("boe", "loe": also abbreviations) only as part of a full name
            full_name = len(_WORD.findall(text[c.start : c.end])) > 1
            if low in firsts or (low in known and full_name):
                out.add(low)
            elif c.layer == "rules" and c.reason != "addressed by name" and (
                    low not in articled or not c.reason.startswith(_CUED)):
                # a word no list holds, seen once where a name stands; not when the transcript also says
                # "the nextera", "an rfid": a thing's name, which a caption cue read as a person's
                out.add(low)
    return out


_CUED = "said where a name stands"
_ARTICLE = re.compile(r"(?i)(?:the|a|an)\s+([^\W\d_]+)")


def _articled(text: str) -> set[str]:
    """Lower-cased words said after "the", "a" or "an" somewhere in ``text``."""
    return {m.group(1).lower() for m in _ARTICLE.finditer(text)}


def propagate(text: str, segments: list[tuple[int, int]], found: list[Candidate], caseless: bool,
              protected: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates for every other occurrence of a name word inside ``segments`` (the turns the layers read).

    In cased text only capitalised occurrences: "Mark" the name, not "mark" the verb.
    """
    words = name_words(text, found)
    out = [Candidate(s, e, "person", "consistency", 0.65, "named as a person elsewhere in this transcript")
           for s, e in _free_occurrences(text, segments, words, caseless, found, protected)
           if not (caseless and said_as_the_word(text, s, e))]
    places = place_words_of(text, found) - words
    out.extend(Candidate(s, e, "place", "consistency", 0.65, "named as a place elsewhere in this transcript")
               for s, e in _free_occurrences(text, segments, places, caseless, found + out, protected))
    out.extend(local_recurrences(text, segments, found + out, caseless, protected))
    out.extend(hospitals_again(text, segments, found + out, caseless, protected))  # "stepping hill" again
    out.extend(frames_again(text, segments, found + out, caseless, protected))  # "the foxglove" again
    out.extend(bynames.said_again(text, segments, found + out, caseless, protected))  # everyday words too
    return out


_LOCAL = {"street", "estate", "pub", "club", "practice", "pharmacy", "workplace", "day_centre", "care_home", "shop",
          "cafe", "org", "service"}


def local_recurrences(text: str, segments: list[tuple[int, int]], found: list[Candidate], caseless: bool,
                      protected: list[tuple[int, int]]) -> list[Candidate]:
    """A local place a layer found, said again with or without its kind: "the thornfield estate" ...
    "back on thornfield", "the fitzroy arms" ... "the fitzroy". A form whose every word is also an
    everyday word ("the grange", "the crown", "station") only where the words around it say a place
    (:func:`.layers.naming.said_as_place`)."""
    forms: dict[str, str] = {}
    for c in found:
        if c.category in _LOCAL and c.layer == "rules":
            surface = norm(text[c.start : c.end]).removeprefix("the ")
            for form in (surface, bare_place(surface)):
                if form and len(form) >= 3:
                    forms.setdefault(form, c.category)
    taken = [(c.start, c.end) for c in found] + protected
    out = []
    for m in said_again(forms, text, segments, caseless, taken):
        s, e = m.span()
        form = norm(m.group(0))
        if not recurs_as_place(form, text, s, e) and not said_as_facility(form, text, s, e):
            continue
        out.append(Candidate(s, e, forms[form], "consistency", 0.65,
                             "a local place this transcript names, said again"))
    return out


_PLACE_CATEGORIES = {"city", "place"}
_PLACE_EVIDENCE = {"places", "rules", "transcript", "slot"}


def place_words_of(text: str, found: Iterable[Candidate]) -> set[str]:
    """Lower-cased one-word places some layer proposed on evidence of its own ("lives in
    wendlebury", a listed UK town): "wendlebury" said again later ("wendlebury's changed") is
    the same place. The model's places seed only when the word has a place's shape or is on the
    UK list, so its mistakes ("Jordan" as a country) are not multiplied; no everyday word seeds."""
    out: set[str] = set()
    for c in found:
        if c.category not in _PLACE_CATEGORIES:
            continue
        words = _WORD.findall(text[c.start : c.end])
        if len(words) != 1:
            continue
        low = words[0].lower()
        if (len(low) < 4 or not low.isalpha() or low in STOP_WORDS or low in FILLERS or words[0].isupper()
                or is_everyday(low)):
            continue
        if c.layer in _PLACE_EVIDENCE or low in place_names() or town_shaped(low):
            out.add(low)
    return out


def _free_occurrences(text: str, segments: list[tuple[int, int]], words: set[str], caseless: bool,
                      found: list[Candidate], protected: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Where ``words`` occur in the turns and nothing covers or protects them yet; in cased text
    only capitalised occurrences: "Mark" the name, not "mark" the verb."""
    if not words:
        return
    # asked of every occurrence in the transcript: sorted indexes, not scans of every span found
    taken, kept = Intervals((c.start, c.end) for c in found), Intervals(protected)
    for s, e, word in _words_in(text, segments):
        if not caseless and not word[:1].isupper():
            continue  # (the capital first: in cased text most words have none, and need no look-up)
        low = word.lower()
        if low not in words:
            if not low.endswith(_POSSESSIVE_ENDS):
                continue  # (most words: no pattern asked of each)
            stem = low[:-2]  # "Sky's great": the name without its possessive or "is"
            if stem not in words:
                continue
            e = s + len(stem)
        if taken.covers(s, e) or kept.covers(s, e):
            continue
        yield s, e


_WORDS_IN: list[tuple[str, tuple[tuple[int, int], ...], list[tuple[int, int, str]]]] = []


def _words_in(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Every word of the turns, ``(start, end, word)`` in order, found once per transcript: the repeats of names,
    of places and of everyday-word names each walked every word of the transcript with the same pattern."""
    key = tuple(segments)
    if _WORDS_IN and _WORDS_IN[0][1] == key and _WORDS_IN[0][0] == text:
        return _WORDS_IN[0][2]
    found = [(m.start(), m.end(), m.group(0)) for a, b in segments for m in _WORD.finditer(text, a, b)]
    _WORDS_IN[:] = [(text, key, found)]
    return found


# A given name that is also a word ("bill", "mark", "rob", "frank") is repeated only where the
# words around it leave no room for the everyday sense: not after an article, possessive,
# modal or subject pronoun ("the bill", "we bill"), not before an object ("mark the date").
_BEFORE_WORD = {"a", "an", "the", "this", "that", "these", "those", "our", "my", "your", "his", "her", "their", "its",
                "will", "would", "can", "could", "should", "must", "may", "might", "shall", "not", "no", "every",
                "each", "any", "some", "one", "first", "last", "next", "we", "they", "i", "he", "she", "it",
                "don't", "didn't", "doesn't", "won't", "or", "of", "per", "big", "new", "high", "low",
                # a linking or degree word makes an adjective of it: "to be frank", "so frank", "being earnest"
                "be", "been", "being", "so", "too", "very"}
_AFTER_WORD = {"the", "a", "an", "this", "that", "these", "those", "our", "my", "your", "his", "her", "their", "its",
               "it", "them", "him", "us", "me", "of", "up", "out", "down", "off", "in", "on", "into", "for", "from",
               "at", "by", "over", "as", "is", "was", "are", "were"}
_NAME_FOLLOWS = {",", ".", "?", "!", ";", ":", "to", "and", "who", "here", "has", "had", "will", "just", "can", "would",
                 "could", "'s", "’s", "also",
                 # what people do with words: "what rob described", "as mark referred to"
                 "said", "says", "mentioned", "talked", "asked", "noted", "spoke", "described", "referred",
                 "explained", "discussed", "highlighted", "indicated", "pointed", "commented", "answered", "suggested",
                 "alluded", "outlined", "told", "tells", "thinks", "thought", "knows", "knew", "wants", "wanted",
                 "feels", "felt", "agreed", "replied", "emailed", "rang", "phoned", "called"}
_NAME_PRECEDES = {",", ".", "?", "!", ":", ";", "thanks", "thank", "you", "hi", "hey", "morning", "invite", "ask",
                  "let", "with", "as", "yeah", "yes", "and", "so", "over", ""}
_GRAMMATICAL = {"will", "may", "can", "june", "april", "august", "sue", "pat", "guy", "bob"}


def _context(text: str, s: int, e: int) -> tuple[str, str]:
    before = re.findall(r"[\w'’]+|[^\w\s]", text[max(0, s - 30) : s])
    after = re.findall(r"[\w'’]+|[^\w\s]", text[e : e + 30])
    return (before[-1].lower() if before else ""), (after[0].lower() if after else ".")


@cache
def _given_names() -> frozenset[str]:
    """The name lexicon's given names and the UK list's, joined once (tens of thousands of names)."""
    return name_lexicon("first") | uk_given()


def everyday_seeds(text: str, found: Iterable[Candidate]) -> set[str]:
    """Given names that are also words, seen used as a name in this transcript.

    Only strong uses count: someone addressed or introduced by the rules, or the given name
    of a full name ("mark lumpkin"). The UK list's given names count too ("raj", "mo", "blessing"), and
    so does any word cased text sets off by commas as a person (:mod:`.layers.set_off_names`: "Sky").
    """
    firsts = _given_names()
    out: set[str] = set()
    for c in found:
        if c.category != "person" or c.layer in ("register", "sound_alike"):
            continue
        words = _WORD.findall(text[c.start : c.end])
        if not words:
            continue
        low = words[0].lower()
        if c.reason == SET_OFF_REASON and len(words) == 1 and low not in _GRAMMATICAL and low not in STOP_WORDS:
            out.add(low)  # "a worker there, Sky, she came out": a word no list names, set off as a person
            continue
        if low not in firsts or not is_everyday(low) or low in _GRAMMATICAL or low in STOP_WORDS:
            continue
        if c.layer == "rules" or (len(words) > 1 and not is_everyday(words[1])):
            out.add(low)
    return out


def propagate_everyday(text: str, segments: list[tuple[int, int]], found: list[Candidate], caseless: bool,
                       protected: list[tuple[int, int]],
                       reread: Callable[[list[tuple[int, int]]], list[bool]] | None = None) -> list[Candidate]:
    """Candidates for the other uses of an everyday-word given name the transcript uses as a name.

    Where the neighbouring words leave both readings open, ``reread`` (captions only) decides:
    it says, for each of those places, whether the model reads a person there once the word
    has its capital.
    """
    out = []
    open_places = []
    for s, e in _free_occurrences(text, segments, everyday_seeds(text, found), caseless, found, protected):
        before, after = _context(text, s, e)
        if before in _BEFORE_WORD or (caseless and said_as_the_word(text, s, e)):
            continue
        if after in _AFTER_WORD or (before not in _NAME_PRECEDES and after not in _NAME_FOLLOWS):
            open_places.append((s, e))
            continue
        out.append(Candidate(s, e, "person", "consistency", 0.6, "a given name this transcript uses as a name"))
    if reread is not None and open_places:
        for (s, e), person in zip(open_places, reread(open_places), strict=True):
            if person:
                out.append(Candidate(s, e, "person", "consistency", 0.6,
                                     "a given name this transcript uses as a name, read as a name in context"))
    return out


_TYPED = {"ward", "hospital", "service", "trust", "practice"}
_VAGUE = {"city", "place", "org"}
_NOT_A_HEAD = {"royal", "st", "saint", "the", "north", "south", "east", "west", "new", "general", "city", "county",
               "district", "central", "old", "upper", "lower", "great", "little"}


def retype_heads(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """"on Beech" where the transcript also says "Beech Ward": the bare name is the ward.

    The model types a bare ward, hospital or service name as a city, an organisation or even a
    person, and "[city name]" for a ward misleads a reader of the report. Where the same
    transcript names it in full, the full name's type is proposed for the bare one too. A known
    place stays a place ("Leeds" beside "Leeds General Infirmary").
    """
    found = list(found)
    heads: dict[str, str] = {}
    for c in found:
        if c.category in _TYPED:
            words = _WORD.findall(text[c.start : c.end])
            if len(words) > 1 and words[0].lower() not in _NOT_A_HEAD:
                heads.setdefault(words[0].lower(), c.category)
    out = []
    for c in found:
        surface = text[c.start : c.end].lower()
        vague = c.category in _VAGUE or (c.category == "person" and c.layer in {"ner", "caseless"})
        if vague and surface in heads and surface not in place_names():
            category = heads[surface]
            out.append(Candidate(c.start, c.end, category, "transcript", 0.8,
                                 f"named as a {category} elsewhere in this transcript"))
    return out


_LOCATIVE = {"in", "to", "from", "near", "at", "around", "round", "outside", "towards", "toward", "via", "through",
             "of", "into", "moved", "visit", "visited", "left", "leave", "live", "lived", "lives", "born", "grew",
             "past", "beyond", "outwith"}
"""Words before a listed place that say it is the place: "past Thornton on the bus", "out beyond Kirkham" (a route's
words too: the village is passed, as a town is travelled to)."""
_GUESSED = {"ner", "caseless", "lexicon", "consistency"}


_WORD_RUN = re.compile(r"[\w'’]+")
"""A word with its apostrophes: what the words before a place are read as."""


SHORT_NAME_REASON = "a building said by its short name"
"""The model's town after "the" retyped as a place: still the model's reading alone, so the steps that settle the
model's lone proposals ("he joined the Youthlink") read it as the model's (:func:`.named_by_use.settle`)."""


def retype_places(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """"out to Hebden Bridge", "lives in Otley": a listed UK place after a word of place is the town,
    though the model or a name list called it a person or an organisation; ``[name removed]`` or
    ``[organisation name]`` for a town misleads a reader. So is a word said where someone is ("I was in
    Pinderfields"): said again elsewhere ("Pinderfields was alright"), the model's person there is that place."""
    found = list(found)
    out = []
    firsts = name_lexicon("first")
    slotted = {text[c.start : c.end].lower() for c in found if c.layer == "rules" and c.reason == SLOT_REASON}
    for c in found:
        if c.category not in {"person", "org", "place", "city"} or c.layer not in _GUESSED:
            continue
        if c.category == "person" and text[c.start : c.end].lower() in slotted:
            out.append(Candidate(c.start, c.end, "place", "transcript", 0.8, "said where someone is elsewhere"))
            continue
        surface = " ".join(text[c.start : c.end].lower().split())
        before = [w.lower() for w in _WORD_RUN.findall(text[max(0, c.start - 30) : c.start])]
        if c.category == "city" and c.layer in {"ner", "caseless"} and before and before[-1] == "the" \
                and " " not in surface and surface not in place_names():
            # "not at the Victoria": a town takes no article; a building said by its short name does
            out.append(Candidate(c.start, c.end, "place", "transcript", 0.8, SHORT_NAME_REASON))
            continue
        if c.category == "city":
            continue
        if surface in place_names():
            if before and before[-1] in _LOCATIVE:
                out.append(Candidate(c.start, c.end, "city", "transcript", 0.8, "a UK place, said as a place"))
        elif (c.category == "person" and c.layer in {"ner", "caseless"} and " " not in surface
              and surface not in firsts and _moved_to(before) and not text.startswith(("'s", "’s"), c.end)):
            # "we moved to Crossflatts", "she lives in Wrose": the model's person where only a place can stand
            out.append(Candidate(c.start, c.end, "place", "transcript", 0.75, "a place, said as a place"))
    return out


_MOVES = {"moved", "move", "moving", "lives", "live", "lived", "living", "grew", "born", "raised", "stay", "stays",
          "stayed", "staying", "drove", "driving", "travel", "travelled", "relocated", "emigrated", "settled"}


def _moved_to(before: list[str]) -> bool:
    """The words before say where: "moved to", "lives in", "grew up in", "born and bred in", "came from"."""
    if len(before) < 2 or before[-1] not in {"to", "in", "from", "near", "outside"}:
        return False
    verb = before[-3] if before[-2] in {"up", "out", "back", "over", "down", "here", "there"} and len(before) > 2 \
        else before[-2]
    return verb in _MOVES or (before[-1] == "from" and verb in {"originally", "came", "come", "comes", "i'm", "am"})


_DISTRICT_OF = {"city", "place"}


def whole_districts(text: str, found: Iterable[Candidate], lower: list[tuple[int, int]]) -> list[Candidate]:
    """A town and the word that makes a district of it, as one place: "Thornhill Lees", "batley carr",
    "Upper Hopton". Whichever layer found the town (a list, the model, a place-shaped word), the part said
    with it is part of the name, and a placeholder for the town alone ("[city name] lees") leaves the
    district to be found by its part. A town the model typed as an organisation is taken when a word of
    place stands before it ("out at earlsheaton top"). ``lower``: the turns written without capitals."""
    found = list(found)
    out = []
    for c in found:
        caseless = any(a <= c.start < b for a, b in lower)
        if c.category not in _DISTRICT_OF and not (
                c.category == "org" and c.layer in _GUESSED and _moved_or_at(text, c.start)):
            continue
        if " " in text[c.start : c.end].strip() and c.category == "org":
            continue
        end = district_tail(text, c.end, caseless)
        start = district_prefix(text, c.start, caseless)
        if end is None and start is None:
            continue
        s, e = c.start if start is None else start, c.end if end is None else end
        if any(o.start <= s and e <= o.end and o.category not in _DISTRICT_OF | {"org", "person"} for o in found):
            continue  # "Larkhill Bank" read whole as a street: that layer's type stands
        out.append(Candidate(s, e, "city" if c.category == "city" else "place", "transcript", 0.7,
                             "a district: a town and a word of its parts"))
    return out


def _moved_or_at(text: str, start: int) -> bool:
    before = [w.lower() for w in _WORD_RUN.findall(text[max(0, start - 30) : start])]
    return bool(before) and before[-1] in _LOCATIVE


_HEADS_AFTER: dict[str, str] = {
    "general": "hospital", "infirmary": "hospital", "general hospital": "hospital", "royal infirmary": "hospital",
    "general infirmary": "hospital", "district hospital": "hospital", "hospital": "hospital", "hospice": "hospital",
    "primary": "school", "primary school": "school", "juniors": "school", "junior school": "school",
    "infants": "school", "infant school": "school", "academy": "school", "high": "school", "high school": "school",
    "school": "school", "college": "school", "comprehensive": "school", "grammar school": "school",
    "church": "church", "chapel": "church", "parish church": "church", "methodist church": "church",
    "mosque": "mosque", "gurdwara": "gurdwara", "care home": "care_home", "nursing home": "care_home",
    "surgery": "practice", "medical centre": "practice", "health centre": "practice", "prison": "place",
    "road": "street", "street": "street", "lane": "street", "avenue": "street", "crescent": "street",
    "terrace": "street", "grove": "street", "gardens": "street", "mews": "street", "estate": "estate",
    "working men's club": "club", "social club": "club", "club": "club", "arms": "pub", "inn": "pub",
}
"""Heads said right after a place's name: the name and its head are one place ("[city name] primary" left the
school's kind beside the town it is in, "[place name] general" the hospital's)."""
_HEAD_AFTER_RE = re.compile(r"(?i)\s+(" + "|".join(sorted((h.replace(" ", r"\s+") for h in _HEADS_AFTER),
                                                          key=len, reverse=True)) + r")(?![\w'’-])")
_NOT_A_HEAD_AFTER = re.compile(r"(?i)\s+(?:care|street|st|road|rd|level|levels|school|election|elections|public|"
                               r"practice|manager|secretary|knowledge|idea|rule|sense|anaesthetic|surgery|"
                               r"to|from|by|as|enough|up|hours?|time|fees?|run|holidays?|dinners?|uniform|bus)\b")
"""Words after a head that make it a word of its own ("primary care", "high street", "general public")."""
_EXTENDED = {"city", "place", "org", "hospital", "estate", "service", "workplace"}


def heads_after(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """A place's name found by any layer, then its head: the whole is that kind of place, as one redaction
    ("hollins park primary", "kelderby\\ngeneral" across a caption break, "Pennock Road"). A head left beside
    a placeholder says what kind of place was there and, with the town, which one."""
    out = []
    for c in found:
        if c.category not in _EXTENDED:
            continue
        m = _HEAD_AFTER_RE.match(text, c.end)
        if m is None or _NOT_A_HEAD_AFTER.match(text, m.end()):
            continue
        if "\n\n" in text[c.end : m.start(1)]:
            continue  # the next turn's first word ("…st helens" / "church, …"): no turn holds a blank line
        head = " ".join(m.group(1).lower().split())
        out.append(Candidate(c.start, m.end(), _HEADS_AFTER[head], "rules", 0.85,
                             f"a place's name and its head ({head})"))
    return out
