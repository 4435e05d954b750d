"""Captions: people nobody registered, known only by the frame of speech around them.

A name the captions misheard is on no list: it comes out as an everyday word or two ("i rang sheer on and she
said", "her son chance was"), a word no dictionary holds, or a familiar form ("big tam", "baz s flat"). The name
layers trust a word by its lists; here only the frame says a person stands there, so the frame is read first and
the word decides how sure the reading is:

* **a relative or worker, then the word, then what a person does**: "her son chance was", "me mam sheer said",
  "my partner steady works nights", "her social worker carry said" (the word after a relation must be followed by
  a verb a person is the subject of, "she" or "he", "and", or the turn's end: "my son never rang", "my daughter
  basically runs", "her sister still lives" stay, their word is no name);
* **someone contacted, heard as one or two words, then "she" or "he"**: "i rang sheer on and she said", "so i
  asked carry what she thought", "i was talking to kestle and she said" ("rang work and she", "asked her what she"
  stay: no one, or a pronoun);
* **someone's things, the apostrophe dropped**: "baz s flat", "shaz s mum" ("my mum s house", "last year s"
  stay);
* **someone with the speaker**: "me and brisket went", "me and sheer on used to" ("me and him", "me and mum"
  stay);
* **a familiar form after "our", "big", "wee", "little", "old"**: "our stace had the baby", "big tam used to",
  "wee jimmy from the hostel" (a word no dictionary holds, or a given name or its familiar shape; after "our" an
  everyday word only before a verb of speech or "she" / "he": "our house was" stays);
* **someone met or talked with**: "a long chat with oriel about", "met up with pardew at the cafe".

How sure: a word no dictionary holds and subtitles seldom write in lower case is a person there, and is removed
(layer ``rules``). An everyday word in the same frame ("carry", "chance", "sheer on") may still be the word, so it
becomes an undecided item, one occurrence at a time (layer ``frames``, ``per_occurrence``): a reviewer decides it,
``review --accept-all`` redacts it, and it is never silently kept. A word another layer already reads as a person
is left to that layer. The word lists here were written for the project.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from ..placeholders import RELATIONS
from .caption_names import ENDEARMENTS, common_given, plain_familiar
from .context import PERSON_NOUNS, POSSESSIONS
from .name_edges import CHAT_WORDS
from .naming import KIND_WORDS
from .state import candidates, caseless_doc
from .turn_view import turn_view
from .word_names import _NEVER as WORD_NEVER
from .word_people import _NOT_PEOPLE
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    NOT_VOCATIVE,
    SELDOM_LOWER,
    TITLE_WORDS,
    in_dictionary,
    lowercase_usage,
    place_names,
    worth_a_look,
)

SURE_LAYER = "rules"
OPEN_LAYER = "frames"
"""The layer of an undecided person: an everyday word in a person's frame (see :func:`..pipeline.open_case`)."""
SURE = "a word no dictionary holds, said where only a person stands ({frame})"
OPEN = "perhaps a name heard as an everyday word, said where a person stands ({frame}; check it)"

_OWNERS = frozenset({"my", "his", "her", "their", "our", "your", "me", "mi"})
_BETWEEN = frozenset({"little", "big", "older", "younger", "eldest", "youngest", "oldest", "baby", "best", "new",
                      "old", "step", "key", "social", "support", "care", "link", "family", "health", "community",
                      "mental", "drugs", "drug", "housing", "probation", "youth", "school", "district", "practice"})
"""Words between an owner and a relation or worker ("my little sister", "her social worker")."""
_WHO = (frozenset(RELATIONS) | KINSHIP | {"mam", "mum", "mom", "dad", "nurse", "midwife", "visitor", "officer",
                                         "worker", "lady", "woman", "man", "lad", "girl", "boy", "fella", "bloke",
                                         "neighbour", "pal", "mate", "friend", "doctor", "sister", "brother"})
"""Relations and workers whose name a caption may say straight after them."""
_GOES_ON = frozenset({"was", "is", "has", "had", "came", "comes", "come", "went", "goes", "said", "says", "told",
                      "tells", "rang", "rings", "phoned", "texted", "works", "worked", "lives", "lived", "used", "does",
                      "did", "got", "gets", "would", "will", "could", "can", "she", "he", "she's", "he's", "she'd",
                      "he'd", "and", "who", "'s", "’s", "reckons", "picked", "drove", "takes", "took", "brought",
                      "sorted", "helped", "looks", "looked", "stays", "stayed", "moved", "passed", "died", "left",
                      "knows", "knew", "wanted", "wants", "gave", "keeps", "kept", "turned", "popped", "sat"})
"""What follows a person's name as its subject ("her son chance was", "my mate dusty picked me up")."""
_CONTACT = frozenset({"rang", "ring", "rung", "phoned", "asked", "ask", "told", "tell", "texted", "messaged",
                      "emailed", "met", "called"})
_TALK_TO = frozenset({"spoke", "speak", "speaking", "talk", "talked", "talking", "chatting", "chatted", "chat",
                      "moaned", "moaning", "complained", "explained", "said", "says", "went", "goes"})
"""Verbs whose "to X" is someone talked to; "went to" and "goes to" only as "goes to X and she"."""
_THEN_SHE = frozenset({"and", "if", "but", "cos", "so", "what", "whether", "how", "when", "because", "who"})
_HE_SHE = frozenset({"she", "he", "she'd", "he'd", "she's", "he's", "she'll", "he'll"})
_WITH_BEFORE = frozenset({"chat", "word", "natter", "catch", "chatting", "talking", "spoke", "speaking"})
_UP_WITH = frozenset({"met", "meet", "meeting", "catch", "caught", "catching", "meets"})
_AFTER_WITH = frozenset({"about", "at", "and", "on", "she", "he", "who", "last", "yesterday", "the", "in", "over",
                         "after", "before", "today", "this", "that", "because", "cos", "but", "once", "when"})
_WE_DID = frozenset({"went", "were", "used", "go", "both", "got", "had", "did", "was", "are", "we", "have", "get",
                     "never", "always", "would", "sat", "stayed", "walked", "drove", "lived", "moved", "met",
                     "started", "ended", "shared", "do", "spent", "stopped"})
_FAMILIAR = frozenset({"our", "big", "wee", "little", "old", "young", "auld"})
_OUR_DID = frozenset({"was", "is", "had", "has", "came", "went", "used", "would", "never", "always", "got"})
"""What a relative called "our X" did ("our stace had the baby"); a body's "our X" is followed by "at", "and"."""
_PART_OF_NAME = frozenset({"big", "wee", "little", "old", "young", "auld"})
"""Words said before a familiar form as part of it ("Big Col", "Wee Jimmy"); not "our", which says whose."""
_THINKS = frozenset({"thinks", "thought", "reckons", "reckoned", "say", "knows", "wants", "needs", "needed"})
_AFTER_OBJECT = frozenset({"about", "that", "what", "if", "whether", "how", "why", "when", "where", "everything",
                           "straight", "again", "back", "later", "yesterday", "tonight", "tomorrow", "first", "cos",
                           "because", "i", "i'd", "i'll", "i'm", "we", "to", "afterwards", "after"})
"""Words after an object that close it as a person's ("told X about", "asked X if", "rang X straight back")."""
_SAYS_THAT = frozenset({"said", "says", "reckons", "reckoned", "thinks", "thought", "told", "goes"})
_SUBJECTS = frozenset({"i", "she", "he", "they", "we", "and", "so", "then"})
_THEN_DID = frozenset({"was", "is", "had", "has", "would", "could", "should", "will", "came", "comes", "come",
                       "wanted", "wants", "needed", "needs", "rang", "phoned", "told", "said", "knew", "knows",
                       "did", "does", "went", "goes", "might", "can", "'d", "’d", "'ll", "’ll"})
_SAID_TO = frozenset({"you", "you're", "you've", "you'll", "your", "come", "listen", "don't", "stop", "get",
                      "please", "what", "are", "can", "have", "do", "will", "we", "leave", "calm"})
_FAMILIAR_ON = _GOES_ON | {"from", "at", "down", "up", "over", "round", "there", "here", "that", "next"}
_NOT_BEFORE_FAMILIAR = frozenset({"a", "an", "the", "this", "that", "my", "your", "his", "her", "their", "its",
                                  "such", "so", "too", "very", "quite", "really", "pretty", "bit", "one", "some",
                                  "our", "what", "how", "any", "no", "these", "those"})
_OUR_SPEAKS = frozenset({"she", "he", "she's", "he's", "said", "says", "rang", "told", "reckons", "'s", "’s"})
_NOT_BEFORE_OWNER = frozenset({"last", "next", "this", "that", "every", "the", "a", "an", "one", "whole", "each",
                               "all", "of", "in", "since", "till", "until", "before", "after", "during", "my", "his",
                               "her", "their", "our", "your", "me", "today", "yesterday", "tomorrow", "week",
                               "year", "month"})
_SECOND_NOT = frozenset({"it", "them", "him", "her", "me", "us", "you", "up", "back", "round", "out", "off", "again",
                         "now", "then", "there", "here", "today", "first", "all", "and", "but", "if", "so", "about",
                         "too", "yesterday", "tomorrow", "tonight", "later", "straight", "twice", "once", "the", "a",
                         "an", "my", "his", "our", "their", "your", "this", "that", "what", "she", "he", "i", "we",
                         "they", "to", "for", "at", "in", "with", "from", "by", "of", "anyway", "though", "as",
                         "well", "like", "or", "because", "cos", "when", "yeah", "no", "not", "just", "already"})
"""Words that cannot be the second half of a name heard as two words ("rang her back and she")."""
_NOT_NAMES = frozenset({
    "still", "also", "now", "then", "proper", "properly", "just", "even", "ever", "already", "too", "though",
    "right", "sure", "fine", "great", "lovely", "brilliant", "alright", "okay", "ok", "yeah", "yes", "no", "nah",
    "look", "listen", "come", "stop", "please", "oh", "ah", "god", "christ", "jesus", "mind", "wait", "hang", "hold",
    "bit", "lot", "lots", "kind", "sort", "thing", "things", "stuff", "time", "day", "days", "week", "weeks",
    "year", "years", "night", "morning", "afternoon", "evening", "money", "advice", "help", "support", "care",
    "appointment", "appointments", "letter", "letters", "form", "forms", "number", "phone", "car", "bus", "taxi",
    "house", "flat", "room", "bed", "door", "dog", "cat", "kids", "baby", "family", "friends", "mates", "people",
    "ones", "lads", "girls", "guys", "everyone", "everybody", "someone", "somebody", "anyone", "nobody", "round",
    "around", "nicely", "again", "first", "last", "next", "later", "soon", "once", "twice", "each", "both", "either",
    "being", "getting", "going", "doing", "having", "saying", "telling", "asking", "trying", "got", "said", "says",
    "told", "asked", "rang", "went", "goes", "came", "comes", "had", "has", "did", "does", "was", "were", "is",
    "are", "gets", "works", "lives", "used", "put", "made", "make", "take", "took", "gave", "give", "left", "let",
    "plus", "like", "about", "home", "work", "school", "hospital", "ward", "surgery", "gp", "doctors", "nurses",
    "staff", "team", "service", "services", "council", "housing", "police", "ambulance", "reception", "office",
    "hostel", "group", "centre", "clinic", "unit", "online", "back", "over", "down", "up", "out", "off",
    "sadly", "basically", "actually", "honestly", "literally", "obviously", "apparently", "eventually", "finally"})
"""Words said after a relation, a verb of contact or "me and" that are what they say, never a name heard."""


@cache
def _never() -> frozenset[str]:
    """Every word this layer never reads as a name: kin and role words, titles, months, fillers, endearments,
    kinds of place, what is rung or asked and is no one, chat's abbreviations ("omg", "tbh"), and the words above."""
    return frozenset(KINSHIP | set(PERSON_NOUNS) | set(TITLE_WORDS) | CALENDAR | FILLERS | NOT_VOCATIVE
                     | ENDEARMENTS | KIND_WORDS | _NOT_PEOPLE | WORD_NEVER | set(RELATIONS) | _NOT_NAMES
                     | _OWNERS | _HE_SHE | _WHO | CHAT_WORDS)


_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "MD"})


def _plain(tok: Token) -> bool:
    """A word that may be a name heard here: letters, three or more, no stop word, none of :func:`_never`, no
    listed place, no adverb in -ly, and no inflected verb the tagger is sure of for a dictionary word."""
    low = tok.lower_
    if not tok.is_alpha or len(low) < 3 or tok.is_stop or low in _never() or low in place_names():
        return False
    dictionary = in_dictionary(low)
    if not dictionary and not worth_a_look(tok):
        return False  # "website", "webcasts": two dictionary words run together, no name
    if dictionary and low.endswith("ly") and len(low) >= 6 and low not in common_given():
        return False  # "basically", "honestly": an adverb (not "beverly")
    return not (dictionary and tok.tag_ in _VERB_TAGS and low not in common_given())


def _sure(words: list[Token]) -> bool:
    """Some word of the name is one no dictionary holds and subtitles seldom write in lower case ("kestle")."""
    usage = lowercase_usage()
    return any(not in_dictionary(t.lower_) and usage.get(t.lower_, 0) < SELDOM_LOWER for t in words)


def _given_shape(tok: Token) -> bool:
    """A given name people bear or its familiar shape ("jimmy", "kel", "stace"), or no dictionary word."""
    low = tok.lower_
    return low in common_given() or low in plain_familiar() or not in_dictionary(low)


def _owner_before(ws: list[Token], k: int) -> bool:
    """``ws[k]`` is a relation or worker said with its owner: "my son", "her little sister", "her social worker",
    "me mam"."""
    if k < 1 or ws[k].lower_ not in _WHO:
        return False
    for back in (1, 2, 3):
        j = k - back
        if j < 0:
            return False
        low = ws[j].lower_
        if low in _OWNERS:
            return True
        if low not in _BETWEEN and low not in _WHO:
            return False
    return False


def _continues(ws: list[Token], j: int) -> bool:
    """What follows the name is what a person does, "she" or "he", "and", or the turn's end."""
    if j >= len(ws):
        return True
    low = ws[j].lower_
    if low == "s":  # "chance s mum": a possessive with its apostrophe dropped
        return j + 1 < len(ws) and ws[j + 1].lower_ in POSSESSIONS
    return low in _GOES_ON or low in _THINKS or (ws[j].tag_ in {"VBD", "VBZ", "MD"} and not ws[j].is_stop)


def _name_at(ws: list[Token], i: int, two: bool) -> list[Token] | None:
    """The one or two words of a name heard at ``ws[i]`` (the second one only where ``two``)."""
    if not _plain(ws[i]):
        return None
    if two and i + 1 < len(ws) and ws[i + 1].is_alpha and ws[i + 1].lower_ not in _SECOND_NOT \
            and ws[i + 1].lower_ not in _HE_SHE and ws[i + 1].lower_ not in _WHO and ws[i + 1].lower_ not in CHAT_WORDS:
        return [ws[i], ws[i + 1]]
    return [ws[i]]


def _she_after(ws: list[Token], j: int) -> bool:
    """ "and she", "if he'd", "what she", "she said": someone picked up as "she" or "he" right after."""
    if j >= len(ws):
        return False
    low = ws[j].lower_
    if low in _HE_SHE:
        return True
    if low == "about":  # "i spoke to sheer on about it and she said": what was talked of, then "she"
        return any(t.lower_ in _HE_SHE for t in ws[j + 1 : j + 5]) and any(
            t.lower_ in _THEN_SHE for t in ws[j + 1 : j + 4])
    return low in _THEN_SHE and j + 1 < len(ws) and ws[j + 1].lower_ in _HE_SHE


def _name_then(ws: list[Token], i: int, follows: Callable[[int, list[Token]], bool]) -> list[Token] | None:
    """The name of one word at ``i``, else of two, that ``follows`` accepts (given the index after the name and
    the name): the frames that read what comes after a name share this; a two-word reading is tried only where
    :func:`_name_at` gives two words."""
    for two in (False, True):
        name = _name_at(ws, i, two)
        if name is None or (two and len(name) == 1):
            return None
        if follows(i + len(name), name):
            return name
    return None


def _contacted(ws: list[Token], i: int) -> list[Token] | None:
    """ "i rang sheer on and she said", "asked carry what she thought", "talking to kestle and she said"."""
    prev = ws[i - 1].lower_ if i else ""
    reached = prev in _CONTACT or (prev == "to" and i >= 2 and ws[i - 2].lower_ in _TALK_TO)
    if not reached:
        return None
    return _name_then(ws, i, lambda j, name: _she_after(ws, j))


def _with_someone(ws: list[Token], i: int) -> list[Token] | None:
    """ "a long chat with oriel about", "met up with pardew at the cafe", "a word with tully and she"."""
    if i < 2 or ws[i - 1].lower_ != "with":
        return None
    before = ws[i - 2].lower_
    if not (before in _WITH_BEFORE or (before == "up" and i >= 3 and ws[i - 3].lower_ in _UP_WITH)):
        return None
    name = _name_at(ws, i, False)
    if name is None:
        return None
    nxt = ws[i + 1].lower_ if i + 1 < len(ws) else ""
    return name if nxt in _AFTER_WITH or not nxt else None


def _with_me(ws: list[Token], i: int) -> list[Token] | None:
    """ "me and brisket went", "me and sheer on used to go"."""
    if i < 2 or ws[i - 1].lower_ != "and" or ws[i - 2].lower_ != "me":
        return None
    return _name_then(ws, i, lambda j, name: j < len(ws) and ws[j].lower_ in _WE_DID)


def _owns(ws: list[Token], i: int) -> list[Token] | None:
    """ "baz s flat", "shaz s mum": the apostrophe of a possessive dropped, then whom or what a person has."""
    if i + 2 >= len(ws) or ws[i + 1].lower_ != "s" or ws[i + 2].lower_ not in POSSESSIONS:
        return None
    if i and ws[i - 1].lower_ in _NOT_BEFORE_OWNER:
        return None
    return _name_at(ws, i, False)


def _familiar(ws: list[Token], i: int) -> list[Token] | None:
    """ "our stace had the baby", "big tam used to", "wee jimmy from the hostel"."""
    if i < 1 or ws[i - 1].lower_ not in _FAMILIAR:
        return None
    if i >= 2 and ws[i - 2].lower_ in _NOT_BEFORE_FAMILIAR:
        return None  # "a big deal", "the old man", "so little time"
    name = _name_at(ws, i, False)
    if name is None:
        return None
    nxt = ws[i + 1].lower_ if i + 1 < len(ws) else ""
    if ws[i - 1].lower_ == "our" and in_dictionary(ws[i].lower_):
        return name if nxt in _OUR_SPEAKS else None  # "our ivy said", not "our house was", "our ivy is growing"
    if ws[i - 1].lower_ == "our":  # "our stace had", not "our website at", "our martinsburg and newbury plants"
        return name if nxt in _OUR_SPEAKS or nxt in _OUR_DID else None
    if not _given_shape(ws[i]):
        return None  # "big deal", "old school": an everyday word after an adjective
    return name if (nxt in _FAMILIAR_ON or not nxt) else None


def _related(ws: list[Token], i: int) -> list[Token] | None:
    """ "her son chance was", "me mam sheer said", "my partner steady works nights", "my friend sheer on
    thinks"."""
    if not _owner_before(ws, i - 1):
        return None
    return _name_then(ws, i, lambda j, name: _continues(ws, j) and not _plural(name[-1]))


def _plural(tok: Token) -> bool:
    """A plural of a dictionary word ("questions", "lies"): a thing asked or told, no one's name."""
    low = tok.lower_
    return low.endswith("s") and not low.endswith("ss") and in_dictionary(low) and (
        in_dictionary(low[:-1]) or (low.endswith("es") and in_dictionary(low[:-2])))


def _told(ws: list[Token], i: int) -> list[Token] | None:
    """ "i told sheer on straight away", "i asked carry whether", "rang bright back": someone contacted, then
    what closes the object of the verb."""
    if not i or ws[i - 1].lower_ not in _CONTACT:
        return None
    return _name_then(ws, i, lambda j, name: j < len(ws) and ws[j].lower_ in _AFTER_OBJECT and not _plural(name[-1]))


def _reported(ws: list[Token], i: int) -> list[Token] | None:
    """ "she said carry was coming", "he reckons sheer on would know": someone said to do or be something, in
    reported speech after a pronoun and a verb of saying or thinking."""
    if i < 2 or ws[i - 1].lower_ not in _SAYS_THAT or ws[i - 2].lower_ not in _SUBJECTS:
        return None
    return _name_then(ws, i, lambda j, name: j < len(ws) and ws[j].lower_ in _THEN_DID and not _plural(name[-1]))


def _addressed(ws: list[Token], i: int) -> list[Token] | None:
    """ "i said sheer you can't", "she goes carry come here": someone spoken to, quoted after a verb of saying."""
    if i < 2 or ws[i - 1].lower_ not in {"said", "says", "goes", "went", "go"} or ws[i - 2].lower_ not in _SUBJECTS:
        return None
    name = _name_at(ws, i, False)
    if name is None or i + 1 >= len(ws) or ws[i + 1].lower_ not in _SAID_TO:
        return None
    return name


_FRAMES = (("a relative or worker", _related), ("contacted, then she or he", _contacted),
           ("a possessive", _owns), ("me and", _with_me), ("a familiar form", _familiar),
           ("talked with", _with_someone), ("told, then what closes the object", _told),
           ("reported", _reported), ("spoken to", _addressed))
_TRIGGERS = frozenset(_WHO | _CONTACT | {"to", "and", "s", "with"} | _FAMILIAR | _SAYS_THAT | {"go", "went"})


def _worth_reading(doc: Doc) -> bool:
    """Whether some word of the turn stands where a frame may begin, read from the shared view's lists without
    making a ``Token`` of any word: most caption turns hold none, and are turned away here."""
    view = turn_view(doc)
    if view.words.isdisjoint(_TRIGGERS):
        return False
    lows = [low for low, space in zip(view.lowers, view.space, strict=True)
            if not space and any(ch.isalnum() for ch in low)]  # as the frames read the turn: no punctuation
    for k in range(1, len(lows)):
        prev, prev2 = lows[k - 1], lows[k - 2] if k >= 2 else ""
        if prev in _STRONG_BEFORE or (prev == "and" and prev2 == "me") or (prev == "to" and prev2 in _TALK_TO) \
                or (prev == "with" and (prev2 in _WITH_BEFORE or prev2 == "up")) \
                or (k + 1 < len(lows) and lows[k + 1] == "s"):
            return True
    return False


_STRONG_BEFORE = frozenset(_WHO | _CONTACT | _FAMILIAR | _SAYS_THAT | {"go", "went"})
"""Words right before a name in the frames that need no second word before them."""


def frame_people(doc: Doc) -> list[Candidate]:
    """Person candidates for words a caption says where only a person stands (module doc)."""
    if not caseless_doc(doc) or not len(doc) or not _worth_reading(doc):
        return []
    ws = [t for t in doc if not t.is_space and not t.is_punct]
    people = Intervals((c.start, c.end) for c in candidates(doc) if c.category == "person")  # asked at every frame
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for i, tok in enumerate(ws):
        if not tok.is_alpha or tok.is_stop:
            continue
        for frame, read in _FRAMES:
            name = read(ws, i)
            if not name:
                continue
            start, end = name[0].idx, name[-1].idx + len(name[-1])
            if read is _familiar and ws[i - 1].lower_ in _PART_OF_NAME:
                start = ws[i - 1].idx  # "big tam", "wee jimmy": the word is how everyone knows them, with the name
            if people.covers(start, end) or any(a < end and start < b for a, b in taken):
                break  # another layer's person already, or this layer's
            taken.append((start, end))
            if _sure(name):
                out.append(Candidate(start, end, "person", SURE_LAYER, 0.75, SURE.format(frame=frame)))
            else:
                out.append(Candidate(start, end, "person", OPEN_LAYER, 0.6, OPEN.format(frame=frame),
                                     per_occurrence=True))
            break
    return out


def heard_in_a_frame(group: list[Candidate]) -> bool:
    """A redaction that only this layer's undecided reading proposes: a person decides it, one occurrence at a
    time (see :func:`..pipeline.open_case`). Where any other layer reads the stretch too, that reading decides."""
    return bool(group) and all(c.layer == OPEN_LAYER and c.per_occurrence for c in group)
