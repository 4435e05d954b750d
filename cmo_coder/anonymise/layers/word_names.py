"""Caption names that are also words: "i told baker about it", "then lamb said", "booth's brother", "me and swan".

Staff and prisoners call each other by surname, families by a clipped given name, and many of those
are dictionary words ("baker", "frost", "pike", "mags", "midge"). In captions there is no capital to
tell "baker" the person from "the baker", so the other layers leave a word a dictionary holds unless
a name list holds it as a given name and a cue stands beside it. Here a word that a surname list or
a given-name list holds, or a familiar form made of a common given name, counts as a person where the
words around it leave a person's reading and no other:

* said to, of or with: "told X about", "rang X and she", "see X about" (the object of a verb people
  are the object of, with a person-ish continuation);
* "me and X", "X and me", "X and her sister";
* "then X said", "so X goes to me", "X told me" (the subject of a verb of speech, opening a clause);
* "X's brother", "X's missus" (whom a person has; not "the baker's shop");
* "ta X see you", "cheers X", and a given name at a call's close: "love you X bye", "see you tuesday X",
  "take care X" (addressed);
* a caller saying who they are: "it's X here from the surgery", "this is X speaking" (introduced);
* the stronger cues of :func:`.context.strong_person_cue` ("X came round", "it was X who").

How sure a reading is decides what happens: two cues that agree remove the word; one strong cue does
too, for a word that is seldom written in lower case otherwise; one weak cue (or one cue on a word
subtitles write in lower case all the time, "price", "church") only raises a suspicion, listed for the
reviewer with its context. Whatever a determiner or a preposition of place stands before ("the baker",
"up the hill", "a walker") stays a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..candidates import Candidate, Suspicion
from ..lookup import Intervals
from ..placeholders import RELATIONS
from .caption_names import ENDEARMENTS, common_given
from .context import POSSESSIONS, strong_person_cue, word_after, word_before
from .state import candidates, caseless_doc, suspicions, text_of, tokens_among
from .titles import titled_names
from .turn_view import turn_view
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    NOT_VOCATIVE,
    PEOPLES,
    SELDOM_LOWER,
    TITLE_WORDS,
    in_dictionary,
    is_everyday,
    known_surnames,
    lowercase_usage,
    place_names,
)

LAYER = "rules"
TWO_CUES = "a name said alone where a person stands, perhaps also a word (two cues agree)"
ONE_CUE = "a name said alone where a person stands, perhaps also a word (one strong cue; check it)"
SUSPECT = "perhaps a name that is also a word: said where a person may stand (check it)"

_VERY_COMMON = 20_000
"""Lower-case uses (film subtitles) above which a word ("price", "church", "cross") needs two cues."""

_TOLD = frozenset({"told", "tell", "tells", "telling", "ask", "asked", "asking", "rang", "ring", "ringing", "phoned",
                   "phone", "phoning", "texted", "text", "texting", "messaged", "message", "messaging", "saw", "see",
                   "seen", "seeing", "met", "meet", "thanked", "thank", "warned", "reminded", "begged", "bell",
                   "belled", "emailed", "pestered", "nagged", "visited", "visit", "visiting"})
"""Verbs a person is the object of ("i told X", "i'll ring X")."""
_AFTER_OBJECT = frozenset({"about", "that", "what", "if", "whether", "how", "why", "when", "where", "everything",
                           "all", "straight", "again", "back", "later", "yesterday", "tonight", "tomorrow", "first",
                           "cos", "because", "but", "i", "i'd", "i'll", "i'm", "we", "to"})
"""Words after an object that close it as a person's ("told X about", "asked X if", "rang X straight back")."""
_HE_SHE = frozenset({"he", "she", "he's", "she's", "he'd", "she'd", "he'll", "she'll", "who", "who's"})
_JOINS = frozenset({"and", "but", "cos", "so", "then", "because"})
_OPENERS = frozenset({"so", "then", "and", "but", "cos", "because", "yeah", "well", "um", "erm", "er", "uh", "like",
                      "when", "until", "till", "til", "if", "while", "and then", "anyway", "oh", "no", "yes", "now",
                      "after", "before", "once"})
"""Words after which a clause opens: the word after them is its subject ("then lamb said")."""
_SAYS = frozenset({"said", "says", "goes", "told", "tells", "reckons", "reckoned", "asked", "asks", "rang", "phoned",
                   "turns", "shows", "showed", "stepped", "steps", "rocked", "rolled", "waltzed", "marched", "stormed",
                   "burst", "barged", "wandered", "strolled", "pops", "nips", "retired", "died",
                   "texted", "messaged", "shouted", "screamed", "laughed", "replied", "answered", "whispered",
                   "moaned", "kicked", "knocked", "popped", "nipped", "used", "came", "come", "comes", "turned",
                   "walked", "looked", "grabbed", "gave", "got", "was", "were", "had", "would", "wouldn't", "did",
                   "didn't", "never", "always", "just", "kept", "started", "sat", "stood", "jumped"})
"""What a person does, said after their name at a clause's opening ("then lamb said", "so mags came in")."""
_DEEDS = frozenset({"came", "come", "comes", "popped", "nipped", "turned", "walked", "grabbed", "gave", "kicked",
                    "knocked", "shouted", "sat", "stood", "jumped", "kept", "started", "brought", "fetched", "picked",
                    "retired", "died", "turns", "shows", "showed", "stepped", "steps", "rocked", "rolled", "waltzed",
                    "marched", "stormed", "burst", "barged", "wandered", "strolled", "pops", "nips"})
"""What a person does, not a thing or a season ("then mags came in"; not "pip was like a ghost town")."""
_SAYS_TOO = frozenset({"said", "says", "told", "tells", "reckons", "reckoned", "asked", "asks", "rang", "phoned",
                       "texted", "messaged", "shouted", "screamed", "laughed", "replied", "answered", "whispered",
                       "moaned"})
"""What only people do: a verb of speech after the word is a cue of its own."""
_SAYS_TO = frozenset({"says", "said", "say", "saying", "goes", "whispered", "shouted", "screamed", "moaned",
                      "complained", "lied", "lying", "explained", "mentioned", "admitted", "confessed", "wrote",
                      "writes", "writing", "apologised", "apologized", "gobbed", "mouthed"})
"""Verbs whose "to X" is someone spoken to ("i says to gaunt"); "went to X", "moved to X" are places."""
_AT_HOME = frozenset({"at", "round", "to", "from", "over"})
_HOME = frozenset({"house", "flat", "place", "for", "with", "again", "later", "tonight", "yesterday", "last",
                   "every", "all", "till", "until", "since", "after", "before", "on", "cell", "pad", "room", "bungalow",
                   "caravan"})
_WHEN = frozenset({"that", "this", "one", "most", "every", "sometimes", "now"})
"""After "round at X's": a person's home, then its time or company ("at marsh's for tea", "at hill's house")."""
_TURNS_UP = frozenset({"turns", "turned", "shows", "showed", "rocked", "rolled", "pops", "popped", "nips", "nipped"})
"""Verbs whose "up", "round" or "in" after says someone arrived ("and pat turns up and she goes")."""
_NOT_SUBJECT_AFTER = frozenset({"up", "down", "off", "out", "away", "on", "over", "through", "by"})
"""After "goes", "came", "got": the word is a thing or weather ("price goes up", "frost came down")."""
_ADDRESS = frozenset({"ta", "cheers", "thanks", "sorry", "bye", "hiya", "hello", "hi", "alright", "oi", "ey", "hey"})
_ME = frozenset({"me", "i", "myself"})
_IS_DOING = frozenset({"been", "gone", "got", "coming", "going", "doing", "off", "back", "always", "never", "still",
                       "just", "really", "lovely", "alright", "brilliant", "great", "amazing", "started", "moved",
                       "left", "had", "not", "on", "at", "with", "over", "told", "said", "asked", "rung", "rang",
                       "texted", "sorted", "took", "taken", "bringing", "picking", "working", "living", "staying"})
"""After a given name's "'s" opening a clause: "'s" is "is" or "has", and the name its subject ("dot's been
brilliant", "mags's gone back to work"); not "'s" of owning, which :data:`_KIN` reads."""
_QUOTING = frozenset({"goes", "went", "was", "is"})
"""Verbs that open a quotation in speech ("so robin goes you can't", "and dawn was like no")."""
_SPEECH_OPENS = frozenset({"you", "i", "oh", "no", "yeah", "yes", "well", "right", "like", "what", "listen", "look",
                           "er", "um", "erm", "hang", "hiya", "hello", "hi", "ooh", "eh", "don't", "you're", "i'm",
                           "i'll", "we're", "we'll", "come"})
"""Words that open quoted speech after a verb of quoting; "goes up", "goes out", "was a", "was the" are not."""
_ME_HIM_HER = frozenset({"me", "him", "her", "them", "us"})
_VOCATIVE_CLOSE = frozenset({"mean", "thanks", "cheers", "ta", "sorry", "bye", "night", "morning", "afternoon",
                             "evening", "alright", "okay", "ok", "yeah", "right", "please", "hiya", "hello", "hi"})
"""Words that close a turn before a name said to its hearer ("you know what i mean holly", "night pearl")."""
_YOU_CLOSE = frozenset({"thank", "see", "love", "bless", "miss", "tell", "told", "promise"})
"""Before "you" and a turn's last word that is a name: "thank you pearl", "love you rose"."""
_ASKS = frozenset({"can", "could", "would", "do", "did", "are", "have", "were", "will", "should", "don't"})
"""A turn opened by a name and a question to "you": "rose can you pass that", "holly do you want one"."""
_SURE = frozenset({"turns up", "quotes speech", "addressed", "introduced"})
"""Cues strong enough alone even for a word subtitles write in lower case all the time ("rose", "dawn")."""


def _vocative_close(prev: Token | None, prev2: Token | None) -> bool:
    """The words before a turn's last word end a clause said to someone: "i know what you mean X",
    "thank you X", "night X"."""
    low, low2 = _low(prev), _low(prev2)
    return low in _VOCATIVE_CLOSE or (low == "you" and low2 in _YOU_CLOSE)
_CALL_CLOSES = frozenset({"bye", "byee", "x", "xx", "xxx", "take", "see", "speak", "talk", "love", "night",
                          "cheers", "thanks", "ta"})
"""Words that open the next closing words of a call or a message after a name said to its hearer ("love you
amber bye", "thank you pearl see you soon", "night rose x")."""
_SEE_YOU_WHEN = frozenset({"soon", "later", "tomorrow", "tonight", "then", "monday", "tuesday", "wednesday",
                           "thursday", "friday", "saturday", "sunday", "after"})
"""When "see you" is said for at the end of a call ("see you tuesday X", "see you later X")."""
_INTRODUCES = frozenset({"speaking", "calling", "ringing", "phoning"})
_HERE_FOR = frozenset({"from", "calling", "ringing", "phoning", "returning", "again"})
"""After "it's X here": what a caller says next ("it's dawn here from the surgery", "it's rose here again");
not "it's dawn here now", "it's summer here", which say the time."""


def _closes_a_call(nxt: Token | None, n1: str, n2: str) -> bool:
    """The name is a turn's last word, or the closing words of a call or a message follow it."""
    return nxt is None or n1 in _CALL_CLOSES


def _leave_taking(low1: str, low2: str, low3: str) -> bool:
    """The words before end a call: "see you soon X", "see you tuesday X", "take care X", "speak soon X"."""
    return ((low1 in _SEE_YOU_WHEN and low2 == "you" and low3 in {"see", "catch"})
            or (low1 == "care" and low2 == "take") or (low1 == "soon" and low2 in {"speak", "talk"}))


def _introduced(low1: str, low2: str, n1: str, n2: str) -> bool:
    """A caller saying who they are: "it's X speaking", "this is X calling", "it's X here from the surgery"."""
    says_who = (low1 in {"'s", "’s", "is"} and low2 in {"it", "this"}) or low1 == "its"
    return says_who and (n1 in _INTRODUCES or (n1 == "here" and n2 in _HERE_FOR))


_PLACE_BEFORE = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "any", "no", "every", "each",
                           "my", "your", "his", "her", "its", "our", "their", "up", "down", "in", "into", "on", "at",
                           "of", "near", "over", "under", "across", "through", "round", "around", "by", "very",
                           "too", "more", "most", "less", "quite", "pretty", "bit", "lot", "same", "other",
                           "first", "last", "next", "old", "new", "big", "little", "good", "bad", "real", "proper"})
"""Words before a word that make a thing of it ("the baker", "up the hill", "a bit of frost")."""
_KIN = frozenset(POSSESSIONS - {"house", "flat", "birthday", "funeral"}) | {"missus", "mrs", "wife", "bird", "pad",
                                                                         "cell", "room", "kids", "lot"}
"""Whom or what a person has ("booth's brother", "holt's cell"): a thing has none of these."""
_NEVER = frozenset({*FILLERS, *NOT_VOCATIVE, *CALENDAR, *PEOPLES, *KINSHIP, *TITLE_WORDS, *RELATIONS, *ENDEARMENTS,
                    "mum", "dad", "mam", "god", "lord", "jesus", "christ", "heaven", "hell", "love", "will", "may",
                    "can", "must", "might", "shall", "would", "could", "should", "mark", "well", "long", "young",
                    "rich", "white", "black", "brown", "green", "grey", "gray", "little", "small", "short", "sharp",
                    "early", "late", "summer", "winter", "spring", "autumn", "march", "june", "august", "story", "law",
                    "court", "officer", "staff", "gate", "house", "home", "work", "school", "church", "chapel",
                    "town", "city", "street", "road", "hall", "bank", "office", "police", "council",
                    "pip", "esa", "dla", "jsa", "people", "person", "folk", "folks", "everyone", "everybody",
                    # verbs of speech that lists also hold as surnames ("Said"): "my mum said she'd come"
                    "said", "says", "told", "tells", "asked", "asks"})
"""Words whose everyday reading wins even in a person's position ("me and god", "i told will", "ring the
council"): modal verbs, colours and sizes, seasons, bodies and buildings, benefits ("pip" said with "was"
and "came" as much as anybody)."""
_CLOSED_POS = frozenset({"ADP", "PART", "ADV", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "NUM", "PUNCT", "INTJ"})
_WEAK = frozenset({"object", "closed", "he or she", "with", "does", "talks to", "asked", "works at"})
"""Cues a word subtitles write in lower case all the time takes as often as a name: two of these are not enough."""
_STRONG_KINDS = frozenset({"quotes", "deed", "cleft", "apposition", "keeps company", "asked", "works at",
                           "person noun", "kin title", "called", "talks to", "addressed", "introduced"})


@cache
def name_words() -> frozenset[str]:
    """Words a dictionary holds (or subtitles write in lower case: "del", "les") that a surname or given-name
    list also holds, or that speech makes of a common given name ("baker", "frost", "mags", "midge"): a person
    only where the words around say so."""
    usage = lowercase_usage()
    return frozenset(w for w in (known_surnames() | common_given()) if len(w) >= 3 and w.isalpha() and w not in _NEVER
                     and (is_everyday(w) or in_dictionary(w) or usage.get(w, 0) >= SELDOM_LOWER))


def reads_as_captions(doc: Doc) -> bool:
    """A caption turn, or a turn judged typed that has no capital at all: a short one-sentence turn of a typed
    speaker ("then mags came in") takes its speaker's casing (:func:`.state.lower_cased_speakers`), but
    with no capital anywhere it cannot have written a name with one, so the name words are read as in
    captions."""
    return caseless_doc(doc) or not any(map(str.isupper, text_of(doc)))


def _low(tok: Token | None) -> str:
    return tok.lower_ if tok is not None else ""


def cues(tok: Token) -> tuple[set[str], bool]:
    """The cues around ``tok`` that put a person there, and whether one of them is strong alone."""
    prev, prev2 = word_before(tok), word_before(tok, 2)
    nxt, nxt2, nxt3 = word_after(tok), word_after(tok, 2), word_after(tok, 3)
    low1, low2 = _low(prev), _low(prev2)
    n1, n2, n3 = _low(nxt), _low(nxt2), _low(nxt3)
    found: set[str] = set()
    strong = False
    if low1 in _AT_HOME and n1 in {"'s", "’s"} and (n2 in _HOME or nxt2 is None or n2 in _JOINS or n2 in _WHEN):
        return {"at home"}, True  # "round at booth's for tea", "stayed at marsh's": a person's home
    if low1 in _PLACE_BEFORE:
        return found, False  # "the baker", "up the hill": a thing
    if n1 in {"'s", "’s"} and n2 in _KIN:
        found.add("owns")
        strong = True
    if low1 == "and" and low2 in _ME or n1 == "and" and n2 in _ME:
        found.add("me and")
        strong = True
    if n1 == "and" and n2 in {"his", "her", "their"} and (n3 in RELATIONS or n3 in _KIN):
        found.add("and kin")
        strong = True
    opens = prev is None or low1 in _OPENERS or prev.is_punct
    if opens and n1 in _SAYS and (n2 not in _NOT_SUBJECT_AFTER or n1 in _TURNS_UP and n2 in {"up", "round", "in"}):
        found.add("does")
        if n1 in _SAYS_TOO:
            found.add("speaks")
            strong = True
        elif tok.lower_ in common_given() and n1 in _DEEDS:
            strong = True  # "then mags came in": a given name's form opening a clause, doing something
    if low1 in _TOLD and low2 not in {"the", "a"}:
        found.add("object")
        if n1 in _AFTER_OBJECT or nxt is None:
            found.add("closed")
    if low1 == "to" and low2 in _SAYS_TO:
        found.add("said to")  # "i says to gaunt i says", "she whispered to lark"
        strong = True
    if low1 in {"with", "for", "to"} and (n1 in _JOINS or n1 in _HE_SHE):
        found.add("with")
    if n1 in _HE_SHE or (n1 in _JOINS and n2 in _HE_SHE):
        found.add("he or she")
    if low1 in _ADDRESS and (nxt is None or n1 in {"see", "you", "i", "for", "how", "what", "mate", "love", "thanks",
                                                   "ta", "bye", "catch"}):
        found.add("addressed")
        strong = True
    given = tok.lower_ in common_given()
    if given and opens and n1 in {"'s", "’s"} and n2 in _IS_DOING:
        found.add("is doing")  # "and dot's been brilliant", "so mags's gone back": a clause's subject
        strong = True
    if given and opens and n1 in _TURNS_UP and n2 in {"up", "round", "in"}:
        found.add("turns up")  # "rose turns up about nine": only a person turns up at a clause's opening
        strong = True
    if given and opens and n1 in _QUOTING and (n2 in _SPEECH_OPENS or n2 == "to" and n3 in _ME_HIM_HER):
        found.add("quotes speech")  # "so robin goes you can't do that", "and dawn goes to me"
        strong = True
    if given and ((nxt is None and _vocative_close(prev, prev2)) or (
            prev is None and n1 in _ASKS and n2 == "you")):
        found.add("addressed")  # "you know what i mean holly", "thank you pearl"; "rose can you pass that"
        strong = True
    elif given and _closes_a_call(nxt, n1, n2) and (
            _vocative_close(prev, prev2) or _leave_taking(low1, low2, _low(word_before(tok, 3)))):
        found.add("addressed")  # "love you amber bye", "see you tuesday hope", "take care dawn x"
        strong = True
    if given and _introduced(low1, low2, n1, n2):
        found.add("introduced")  # "hiya it's dawn here from the surgery", "this is rose speaking"
        strong = True
    strong_kind = strong_person_cue(tok)
    if strong_kind in _STRONG_KINDS:
        found.add(strong_kind)
        strong = strong or strong_kind not in {"talks to", "works at", "asked"}
    return found, strong


@cache
def _looked_at() -> frozenset[str]:
    """The words :func:`word_names` looks at: the name words and the common given names and their forms."""
    return name_words() | common_given()


def _eligible(tok: Token, taken: Intervals, any_pos: bool = False) -> bool:
    """A name word no other layer took, which the tagger reads as a content word (``any_pos``: whatever it
    reads: a lower-case name at a turn's edge is often tagged an adverb or an interjection, "mean holly")."""
    low = tok.lower_
    if (low not in name_words() and (low not in common_given() or low in _NEVER or len(low) < 3)) \
            or low in place_names() or (tok.pos_ in _CLOSED_POS and not any_pos):
        return False
    if tok.ent_type_ in {"GPE", "LOC", "FAC"}:
        return False
    return not taken.holds(tok.idx)


CUES_KEY = "cmo_name_word_cues"
"""Where :func:`word_names` leaves, in ``doc.user_data``, every cue it heard (see :class:`CueRecord`)."""


@dataclass(frozen=True)
class CueRecord:
    """One place a name word was said where a person may stand, with the cues heard there (offsets in the turn).

    Kept whether or not the word was proposed: a word subtitles write in lower case all the time ("price",
    "cross") needs two cues at one place, but a transcript that says it three times where a person stands
    has given two cues all the same (:mod:`..recurring_names`)."""

    start: int
    end: int
    word: str
    kinds: frozenset[str]
    strong: bool


def word_names(doc: Doc) -> tuple[list[Candidate], list[Suspicion]]:
    """Captions: the name words (:func:`name_words`) this turn says where a person stands."""
    if not reads_as_captions(doc):
        return [], []
    taken = Intervals((c.start, c.end) for c in candidates(doc))  # asked of every name word in the turn
    found: list[Candidate] = []
    suspected: list[Suspicion] = []
    heard: list[CueRecord] = doc.user_data.setdefault(CUES_KEY, [])
    for tok in tokens_among(doc, _looked_at()):  # a Token made only for a word of the lists, not for every word
        if tok.is_stop or not _eligible(tok, taken, any_pos=tok.lower_ in common_given()):
            continue
        kinds, strong = cues(tok)
        if not kinds or (tok.pos_ in _CLOSED_POS and not kinds & _SURE):
            continue
        heard.append(CueRecord(tok.idx, tok.idx + len(tok), tok.lower_, frozenset(kinds), strong))
        n = len(kinds - {"does"})  # "me and money never got on": doing something adds nothing to "me and"
        common = lowercase_usage().get(tok.lower_, 0) >= _VERY_COMMON
        start, end = tok.idx, tok.idx + len(tok)
        if n >= 2 and (not common or kinds - _WEAK):  # "i told people about it", "i saw red and she left"
            found.append(Candidate(start, end, "person", LAYER, 0.7, TWO_CUES))
        elif strong and (not common or kinds & _SURE):
            found.append(Candidate(start, end, "person", LAYER, 0.6, ONE_CUE))
        elif kinds != {"does"} and not common:  # ("i told people", "me and money"): no review item either
            suspected.append(Suspicion(start, end, SUSPECT))
    return found, suspected


TITLED = "a title or kin word + a name no dictionary holds"


def titled_words(doc: Doc) -> list[Candidate]:
    """Captions: "father donnelly said mass", "matron fairley": after a title a word no dictionary holds and
    subtitles seldom write in lower case is a name, whatever the tagger makes of it in a short caption (the
    rules layer asks it for a noun). An honorific stays ("doctor [name]"); a role or kin title goes with the
    name, as :func:`.titles.titled_names` reads it ("sister ramsey", but "my sister [name]"), also where
    another layer took the name alone."""
    if not reads_as_captions(doc):
        return []
    text = text_of(doc)
    taken = Intervals((c.start, c.end) for c in candidates(doc) if c.category == "person")
    usage = lowercase_usage()
    out: list[Candidate] = []
    for t in titled_names(text, True):
        word = text[t.first_start:t.first_end].lower()
        if (is_everyday(word) or in_dictionary(word) or usage.get(word, 0) >= SELDOM_LOWER or word in _NEVER
                or (word in place_names() and word not in known_surnames() and word not in common_given())
                or taken.covers(t.start, t.end)):
            continue
        out.append(Candidate(t.start, t.end, "person", LAYER, 0.7, TITLED))
    return out


_SEASONS = frozenset({"summer", "autumn", "winter", "spring"})
_TIME_BEFORE = frozenset({"the", "a", "in", "during", "since", "until", "till", "by", "for", "over", "through", "of",
                          "this", "last", "next", "every", "all", "early", "late", "mid", "that", "each", "one",
                          "from", "to", "before", "after", "around", "whole", "entire", "past"})
_OWNERS = frozenset({"my", "me", "our", "his", "her", "their", "your"})
_NOT_NAMED_AFTER = frozenset({"holiday", "holidays", "term", "time", "break", "clothes", "coat", "fair", "camp",
                              "school", "job", "jobs"})
RELATION_NAME = "a given name that is also a word, said after a relation ('me daughter summer')"
SEASON_NAME = "a season's word written with a capital mid-sentence: a given name ('she's got Summer')"


def named_relations(doc: Doc) -> list[Candidate]:
    """ "me daughter summer", "my niece autumn", "his son river": after a relation word and its owner, a given
    name that is also an everyday word (seasons too, which no other layer takes) is that relative's name. In
    cased text a season written with a capital inside a sentence is a name: English writes seasons in lower
    case ("she's got Summer at the minute")."""
    caseless = reads_as_captions(doc)
    if not may_name_relations(turn_view(doc).words, caseless):
        return []
    taken = Intervals((c.start, c.end) for c in candidates(doc))
    given = common_given()
    out: list[Candidate] = []
    for tok in tokens_among(doc, given):
        low = tok.lower_
        if tok.is_stop or (not caseless and not tok.text[:1].isupper()) or not is_everyday(low) \
                or low in ENDEARMENTS or tok.pos_ in _CLOSED_POS or taken.holds(tok.idx):
            continue
        prev, nxt = word_before(tok), word_after(tok)
        if low in _SEASONS and not caseless:
            if (prev is not None and not prev.is_punct and _low(prev) not in _TIME_BEFORE
                    and not (nxt is not None and (nxt.text[:1].isupper() or nxt.like_num))):
                out.append(Candidate(tok.idx, tok.idx + len(tok), "person", LAYER, 0.7, SEASON_NAME))
            continue
        if caseless and _low(prev) in RELATIONS and _low(word_before(tok, 2)) in _OWNERS \
                and _low(nxt) not in _NOT_NAMED_AFTER and tok.pos_ in {"NOUN", "PROPN", "ADJ", "X"}:
            out.append(Candidate(tok.idx, tok.idx + len(tok), "person", LAYER, 0.7, RELATION_NAME))
    return out


def may_name_relations(words: frozenset[str], caseless: bool) -> bool:
    """Whether :func:`named_relations` can find anything in a turn whose words (lower forms) are ``words``: in
    cased text only a season's word is read, in captions only a word after an owner and a relation, so a turn
    without them (most turns) is turned away by a set test before any word of it is made a ``Token``."""
    if not caseless:
        return not words.isdisjoint(_SEASONS)
    return not (words.isdisjoint(RELATIONS) or words.isdisjoint(_OWNERS))


def add_word_names(doc: Doc) -> None:
    """Add this turn's name words and titled names to its candidates and suspicions."""
    candidates(doc).extend(titled_words(doc))
    candidates(doc).extend(named_relations(doc))
    found, suspected = word_names(doc)
    candidates(doc).extend(found)
    suspicions(doc).extend(suspected)
