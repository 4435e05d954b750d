"""Whether the words around a token say it is a name: "thanks Will", "Will's mum", "going to mark the"."""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc, Token

from ..placeholders import RELATIONS
from ..register import common_word_names
from .state import FUNCTION_POS
from .turn_view import turn_view
from .words import SELDOM_LOWER, TITLE_WORDS, is_everyday, lowercase_usage


def word_before(token: Token, n: int = 1) -> Token | None:
    """The ``n``-th token before ``token``, line breaks skipped: a caption line or a wrapped line of a
    transcript may end between "me and" and the name ("me and\nkwame went"). The steps are taken in the
    turn's table (:meth:`.turn_view.TurnView.before`): only the token found is made."""
    doc = token.doc
    i = turn_view(doc).before(token.i, n)
    return doc[i] if i >= 0 else None


def word_after(token: Token, n: int = 1) -> Token | None:
    """The ``n``-th token after ``token``, line breaks skipped (see :func:`word_before`)."""
    doc = token.doc
    i = turn_view(doc).after(token.i, n)
    return doc[i] if i >= 0 else None


def _low(tok: Token | None) -> str:
    return tok.lower_ if tok is not None else ""


def name_context(token: Token) -> bool:
    """A title, relation word or greeting right before: then an everyday word is being used as a name."""
    prev = word_before(token)
    if prev is None:
        return False
    if prev.is_punct and word_before(prev) is not None:
        prev = cast(Token, word_before(prev))
    low = prev.lower_.rstrip(".")
    if low in TITLE_WORDS or low in RELATIONS or low in {"thanks", "hi", "hello", "cheers", "bye", "hiya", "hey"}:
        return True
    if low == "you" and _low(word_before(prev)) == "thank":
        return True
    if low in _ADDRESSEE_VERBS:
        return True
    before = _low(word_before(prev))
    return (low == "with" and before in _TALK_VERBS) or (low == "to" and before in _TALK_VERBS - _MOTION_VERBS)


_ADDRESSEE_VERBS = {"told", "asked", "met", "saw", "called", "rang", "phoned", "texted", "messaged", "visited",
                    "thanked", "tell", "ask", "meet", "see", "ring", "phone", "text", "visit", "thank", "named",
                    "introduced", "emailed", "email"}
_TALK_VERBS = {"spoke", "speak", "speaking", "talk", "talked", "talking", "chat", "chatted", "chatting", "said",
               "say", "went", "go", "going", "stay", "stayed", "lived", "live", "living", "sat", "wrote", "write",
               "married", "engaged", "came", "come", "over", "along", "back", "out"}
_MOTION_VERBS = {"went", "go", "going", "stay", "stayed", "lived", "live", "living", "sat", "came", "come", "over",
                 "along", "back", "out"}
"""After these "to" opens a place or a verb ("going to marry", "went to mars", "back to work"), not a person:
"went with Pad" names one, "went to Pad" seldom does."""


SAID_AS_A_WORD = 5000
"""Lower-case uses in the subtitle counts above which a dictionary word is a word of speech first ("river" 55,892,
"storm" 49,562, "justice" 41,055, "king" 129,086, "blessing" 12,993): far above given names that the dictionary
happens to hold ("peter" 1,934, "carol" 1,659)."""


def word_of_speech(low: str) -> bool:
    """A name that is, first of all, a word people say: the curated list of word names (Will, Hope, Grace) cannot
    hold every child named River, Storm, Justice, King or Blessing, so a dictionary word said in lower case this
    often is read like them: where grammar names nobody it is the reviewer's to decide, never removed unseen."""
    return is_everyday(low) and lowercase_usage().get(low, 0) >= SAID_AS_A_WORD


_SUBJECTS = frozenset({"i", "you", "we", "they"})
_ADDRESSING = frozenset({"thank", "thanks", "love", "bless", "see", "hiya", "hi"})


def _before_an_s(token: Token) -> bool:
    """Whether "'s" follows the word: a verb never takes it, a name does ("they ray's the only one" is "Ray is")."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in {"'s", "’s"}


def verb_after_a_subject(token: Token) -> bool:
    """A lower-case registered word read as a verb right after a subject pronoun ("where you fish", "we rock up"):
    no name stands there. "Thank you Will", "love you Hope" address someone, so the pronoun after such a word is
    no subject; a capital in cased text is a name's, and is left to the rules below."""
    if token.i == 0 or token.pos_ != "VERB" or not token.text.islower() or _before_an_s(token):
        return False
    prev = token.doc[token.i - 1]
    before = token.doc[token.i - 2].lower_ if token.i > 1 else ""
    return prev.lower_ in _SUBJECTS and before not in _ADDRESSING


def looks_like_name(token: Token, caseless: bool) -> bool:
    """Whether a one-word registered form (``Will``, ``White``) is, here, a name rather than a word.

    Errs towards "name": over-redacting an everyday word costs a reader a word, a leak costs a person.
    """
    if name_context(token):
        return True
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if verb_after_a_subject(token):
        return False  # "where you fish and who you go with": a registered Fish, but the word is the verb
    if nxt is not None and (nxt.lower_ in {"'s", "’s", "was", "is", "has", "had", "said", "says", "and"}
                            or nxt.tag_ in {"VBD", "VBZ", "MD"}):
        return True  # "will's mum", "will was", "will can come": the word cannot be the verb here
    if nxt is not None and nxt.lower_ == "from" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ in {
            "the", "my", "our", "her", "his", "their"}:
        return True  # "hope from the team"
    low = token.lower_
    # the plural a register derives from an everyday-word name ("Marks" of Mark, "Wills" of Will) is that word's
    # plural too ("full marks", "making wills"): read as the word is, not as a surname that is no word
    common = (low in common_word_names() or (low.endswith("s") and low[:-1] in common_word_names())
              or word_of_speech(low))
    if not common:
        # a surname that is also a word ("White") written in lower case inside cased text is the word
        return caseless or token.text[:1].isupper() or token.pos_ not in FUNCTION_POS
    if not caseless and token.text[:1].isupper():
        sent_start = token.i == 0 or doc[token.i - 1].text in {".", "?", "!", "\n", ":"}
        if not sent_start:
            return True
        return not (token.pos_ in FUNCTION_POS and _ends_in_question(token))
    return token.pos_ == "PROPN"


_NOUN_PHRASE_BEFORE = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS"})


def noun_phrase_head(token: Token) -> bool:
    """A lower-case dictionary word after a determiner, possessive or adjective ("pure bliss", "the dolly", "my
    rocky patch"), in cased text: the word, read as the reviewer's to decide, since cased text gives a name its
    capital and the words before it make it a noun phrase. A word on no dictionary is still a name."""
    prev = word_before(token)
    return (prev is not None and prev.tag_ in _NOUN_PHRASE_BEFORE and is_everyday(token.lower_)
            and lowercase_usage().get(token.lower_, 0) >= SELDOM_LOWER)


def _ends_in_question(token: Token) -> bool:
    for t in token.doc[token.i : token.i + 40]:
        if t.text in {".", "!", "?"}:
            return t.text == "?"
    return False


def takes_object(tok: Token) -> bool:
    """ "going to mark the occasion": a verb with its object, not a name after "going to"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ in {"VERB", "AUX"} and nxt is not None and nxt.pos_ in {"DET", "PRON", "NUM", "ADJ"}


REPORTING_VERBS = {"said", "says", "told", "tells", "asked", "asks", "reckons", "reckoned", "thinks", "thought",
                   "rang", "phoned", "texted", "messaged", "came", "comes", "went", "goes", "knows", "knew", "wanted",
                   "wants", "brought", "drove", "picked", "mentioned", "suggested", "replied", "answered", "laughed",
                   "cried", "lives", "lived", "died", "passed", "sorted"}
"""What people do: "Al said", "Kai rang". Several are also what bodies do ("Mind helped"): a cue is
evidence of a person only for a word that is no everyday word (see ``person_cue``)."""
_SPEECH_VERBS = {"said", "says", "told", "tells", "asked", "asks", "reckons", "reckoned", "thinks", "thought",
                 "rang", "phoned", "texted", "messaged", "laughed", "cried", "replied", "answered", "explained"}
"""What only people do: said by a body ("Mind said") it is a spokesperson."""
POSSESSIONS = {"mum", "dad", "mam", "mother", "father", "wife", "husband", "partner", "missus", "fella", "son",
               "daughter", "brother", "sister", "kids", "children", "baby", "boyfriend", "girlfriend", "nan", "gran",
               "house", "flat", "mate", "mates", "friend", "friends", "auntie", "uncle", "cousin", "birthday",
               "funeral", "grandad", "grandma", "nana", "stepdad", "stepmum", "lad", "lass", "grandson",
               "granddaughter", "niece", "nephew", "fiance", "fiancee"}
"""What a person has: "Tiago's mum", "Eun's flat"; an organisation has none of these."""


def person_cue(token: Token) -> str | None:
    """What in the words around ``token`` says a person stands there, whatever the word is; None if nothing.

    ``"before"``: a title, relation word or greeting ("my friend Jo", "Mrs Cruse", "thanks Bo");
    ``"addressed"``: a verb people are the object of ("I told Ade", "ring X": also said of services);
    ``"owns"``: a person's possession after it ("Tiago's mum"); ``"speaks"``: a verb of speech after it
    ("Al said"); ``"with me"``: "Kai and I", "me and Kai" (also said of a drug: "X and I felt better");
    ``"does"``: any other verb people do after it ("Kai rang", "Kai was"): bodies and things do those too.
    """
    previous = word_before(token)
    prev = _low(previous)
    if prev in {"the", "a", "an", "this", "that", "our", "their", "its"} and not name_context(token):
        return None  # "the mind said", "our dean": a word after a determiner
    if (name_context(token) and not _goes_to(token) and previous is not None
            and previous.text not in {".", "?", "!"}):
        before = word_before(previous) if previous.is_punct else previous
        if before is None:
            return None
        low = before.lower_.rstrip(".")
        if low in RELATIONS and _low(word_before(before)) not in _OWNERS:
            return None  # "ex BioPharma", "worker X": a relation word is a cue after "my", "her", "our"...
        return "addressed" if low in _ADDRESSEE_VERBS or low in {"to", "with"} else "before"
    nxt = _low(word_after(token))
    nxt2 = _low(word_after(token, 2))
    if nxt in {"'s", "’s"} and nxt2 in POSSESSIONS:
        return "owns"
    if (nxt == "and" and nxt2 in {"i", "me", "myself"}) or (prev == "and"
                                                           and _low(word_before(token, 2)) in {"me", "i", "myself"}):
        return "with me"
    if prev in {"the", "a"}:
        return None
    if nxt in _SPEECH_VERBS:
        return "speaks"
    return "does" if nxt in REPORTING_VERBS else None


_OWNERS = {"my", "his", "her", "their", "our", "your", "me", "the", "best", "little", "big", "older", "younger",
           "eldest", "youngest", "old", "new"}
_MOVING = {"went", "go", "going", "stay", "stayed", "lived", "live", "living", "came", "come", "over", "along", "back",
           "out"}


def _goes_to(token: Token) -> bool:
    """ "went to X", "out to X", "back to X": where someone goes is a place far more often than a
    person, so only for a registered name ("went to Will's") is it a name cue."""
    return _low(word_before(token)) == "to" and _low(word_before(token, 2)) in _MOVING


PERSON_NOUNS = frozenset({
    "fella", "feller", "bloke", "lad", "lass", "girl", "boy", "guy", "woman", "man", "lady", "gentleman", "chap",
    "kid", "pal", "bestie", "hubby", "missus", "wife", "husband", "fiance", "fiancee", "ex", "bf", "gf", "geezer",
    "person", "client", "patient", "resident", "tenant", "neighbour", "flatmate", "housemate", "roommate",
    "teacher", "doctor", "nurse", "midwife", "officer", "copper", "social", "support", "key", "care", "link",
})
"""Words for a person ("her fella X", "this woman X"); the last few only before "worker"."""
_ROLE_HEADS = frozenset({"worker", "workers", "nurse", "officer", "doctor", "manager", "coordinator", "lead",
                         "practitioner", "visitor"})
_KIN_TITLES = frozenset({"auntie", "aunty", "aunt", "uncle", "nana", "nanna", "nan", "gran", "granny", "grandma",
                         "grandad", "grandpa", "cousin", "nanny", "grandmother", "grandfather", "mama", "papa"})
"""Kin words said as a title before a name, with no "my" before them ("auntie X looked after us")."""
_DETERMINERS = frozenset({"my", "his", "her", "their", "our", "your", "this", "that", "a", "the", "one", "some",
                          "me", "another", "an", "old", "new", "best", "little", "older", "younger", "eldest"})
_OWNER_WORDS = frozenset({"my", "his", "her", "their", "our", "your"})
_QUOTE_OPENERS = frozenset({"no", "oh", "yeah", "yes", "i", "you", "what", "right", "well", "okay", "ok", "come",
                            "don't", "why", "look", "listen", "mate", "love", "nah", "wow", "seriously", "are", "do",
                            "can", "hey", "babe", "we", "get", "go", "stop", "shut", "just", "please", "ah", "er",
                            "um", "erm", "whoa", "that's", "it's", "i'm", "you're", "we're", "if", "how", "where"})
_ASKS = frozenset({"told", "asked", "met", "thanked", "tell", "ask", "meet", "thank", "introduced", "married",
                   "texted", "messaged", "text", "message", "marry", "dated", "dating", "fancied"})
_TALKS_TO = frozenset({"talking", "talk", "talked", "spoke", "speak", "speaking", "chatting", "chat", "chatted",
                       "married", "engaged", "moaning", "moaned", "confided", "opened"})
"""Verbs whose "to X" is a person ("talking to X"); "moved to X", "went to X" are places."""
_WITH = _TALKS_TO | {"friends", "mates", "seeing", "sleeping", "arguing", "rowing"}
"""Words whose "with X" is a person ("friends with X"); "out", "up" and "in" only after a verb of
falling out, splitting up or moving in (see ``_WITH_AFTER``): "come in with X" is anything."""
_WITH_AFTER = {"out": {"fell", "fall", "falling", "falls", "going", "go", "went", "goes"},
               "up": {"split", "splitting", "broke", "breaking", "hooked", "linked", "teamed", "shacked"},
               "in": {"moved", "move", "moving", "moves"}}
_COMPANY = frozenset({"me", "us", "him", "her", "them", "my", "mine"})
_MOVES_WITH = frozenset({"came", "come", "comes", "went", "go", "goes", "drove", "walked", "sat", "stayed", "stays",
                         "stopped", "moved", "lived", "lives", "sleeps", "slept", "waited", "queued"})
_NOT_PERSON_BEFORE = frozenset({"from", "in", "at", "to", "near", "round", "around", "of", "on", "into", "off",
                                "about", "for", "through", "via", "towards", "outside", "inside"})
_QUESTION_WORDS = frozenset({"what", "how", "why", "when", "where", "can", "could", "would", "do", "did", "have",
                             "are", "tell", "any", "is", "will", "were", "shall"})
_OPENERS = frozenset({"yeah", "yes", "right", "okay", "ok", "so", "and", "well", "thanks", "cheers", "hi", "hello",
                      "hiya", "morning", "um", "erm", "er", "uh", "oh", "sorry", "alright", "now"})
_WORKS_AT = frozenset({"team", "council", "housing", "surgery", "hospital", "service", "services", "office", "church",
                       "school", "group", "centre", "center", "ward", "charity", "practice", "clinic", "project",
                       "agency", "unit", "department", "jobcentre", "hostel", "college", "university", "shelter",
                       "refuge", "mosque", "temple", "gurdwara", "chapel", "drop-in", "pharmacy", "chemist",
                       "job", "probation", "police", "hub", "foodbank", "cafe", "gym", "nursery", "home"})


_STAFF = frozenset({"nurse", "doctor", "midwife", "gp", "receptionist", "counsellor", "therapist", "consultant",
                    "pharmacist", "chaplain", "warden", "caretaker", "psychiatrist", "psychologist", "dentist"})
"""Jobs said after "the" beside a name ("X the nurse said")."""
_FAREWELLS = frozenset({"sorry", "cheers", "thanks", "ta", "hiya", "bye", "alright", "morning", "night"})
"""Words said to someone, right before their name ("sorry X", "ta X")."""
_OBJECTS = frozenset({"me", "us", "him", "her", "them"})


def _does_what_people_do(nxt1: str, nxt2: str, nxt3: str, nxt4: str) -> bool:
    """ "picked me up", "dropped us off", "kept ringing me", "came round", "gave me a lift": things only
    a person does, said after the one who did them."""
    if nxt1 in {"picked", "dropped", "fetched"} and nxt2 in _OBJECTS and nxt3 in {"up", "off"}:
        return True
    if nxt1 in {"kept", "keeps"} and nxt2 in {"ringing", "texting", "calling", "phoning", "messaging", "asking",
                                              "saying", "telling", "nagging", "shouting"}:
        return True
    if nxt1 in {"came", "comes", "come", "popped", "pops", "nipped"} and nxt2 in {"round", "over"}:
        return True
    return nxt1 in {"gave", "gives"} and nxt2 in _OBJECTS and nxt3 == "a" and nxt4 in {"lift", "hug", "ring", "bell"}


_NAMING_NOUNS = PERSON_NOUNS - {"social", "support", "key", "care", "link"}
_HE_SHE = frozenset({"he", "she", "he's", "she's", "he'd", "she'd", "who"})
_NAMED_ROLES = (_NAMING_NOUNS | _STAFF | set(RELATIONS)
                | {"landlord", "landlady", "manager", "boss", "sister", "son", "neighbour", "mam", "mum", "dad",
                   "auntie", "uncle"}) - {"ex"}
"""Words for a person whose name a caption may say straight after, then "he" or "she": "the receptionist X
she's like", "his mam X she said"."""
_PEOPLE = PERSON_NOUNS | _ROLE_HEADS | set(RELATIONS)
_NAME_OWNERS = _OWNER_WORDS | {"the", "whose"}
_NOUNS_BUT_EX = PERSON_NOUNS - {"ex"}
_ROLES_OR_STAFF = _ROLE_HEADS | _STAFF
"""Word sets :func:`strong_person_cue` asks of every caption word, made once."""


def _around(token: Token) -> tuple[list[Token], list[Token]]:
    """Up to three words before ``token`` and four after it, nearest first, as :func:`word_before` and
    :func:`word_after` count them (line breaks skipped): one walk instead of one per word asked for."""
    doc, i = token.doc, token.i
    before: list[Token] = []
    k = i - 1
    while k >= 0 and len(before) < 3:
        if not doc[k].is_space:
            before.append(doc[k])
        k -= 1
    after: list[Token] = []
    k, n = i + 1, len(doc)
    while k < n and len(after) < 4:
        if not doc[k].is_space:
            after.append(doc[k])
        k += 1
    return before, after


def _lows_around(token: Token) -> tuple[list[str], list[str]]:
    """What :func:`_around` finds, as each word's ``lower_``, read from two arrays kept on the doc: the
    caption cues ask it of every word of every caption turn, and a ``Token`` of each word around costs
    more than the questions asked of it."""
    i = token.i
    lows, spaces = _lows_and_spaces(token.doc)
    before: list[str] = []
    k = i - 1
    while k >= 0 and len(before) < 3:
        if not spaces[k]:
            before.append(lows[k])
        k -= 1
    after: list[str] = []
    k, n = i + 1, len(lows)
    while k < n and len(after) < 4:
        if not spaces[k]:
            after.append(lows[k])
        k += 1
    return before, after


def _lows_and_spaces(doc: Doc) -> tuple[list[str], list[bool]]:
    """Each token's ``lower_`` and whether it is a space: the turn's table (:mod:`.turn_view`), which the other
    layers of the turn have read already, not two lists of its own."""
    view = turn_view(doc)
    return view.lowers, view.space


_CALLED_BEFORE = frozenset({"called", "named", "was", "is", "'s", "’s"})
"""The words right before a name that :func:`strong_person_cue`'s "called" needs ("a lad called X", "her name
was X"): both of its answers "called" test that the nearest word before is one of these."""


def may_be_called(token: Token) -> bool:
    """Whether :func:`strong_person_cue` can answer "called" for ``token``: the word before it (line breaks
    skipped) is one of :data:`_CALLED_BEFORE`. Why: the person cues need the strong cue of every word they keep
    only to ask whether it is "called", and reading the seven words around each word costs more than this."""
    return called_at(token.doc, token.i)


def called_at(doc: Doc, i: int) -> bool:
    """:func:`may_be_called` of the token at index ``i``, for a caller that has made no ``Token`` of it."""
    lows, spaces = _lows_and_spaces(doc)
    k = i - 1
    while k >= 0 and spaces[k]:
        k -= 1
    return k >= 0 and lows[k] in _CALLED_BEFORE


def strong_person_cue(token: Token) -> str | None:
    """Words around ``token`` that only a person's name fits, for captions without capitals or
    punctuation; None if none. Kinds:

    ``"kin title"``: "auntie X", "uncle X"; ``"person noun"``: "her fella X", "this woman X", "my
    support worker X"; ``"called"``: "a lad called X", "her name was X"; ``"apposition"``: "X my key
    worker", "X her mum" where X opens a clause; ``"works at"``: "X from the hostel"; ``"quotes"``:
    "X was like no way", "and X goes to me"; ``"keeps company"``: "X came with me"; ``"cleft"``: "it
    was X who"; ``"talks to"``: "I told X", "talking to X"; ``"asked"``: "X what do you think" at a
    turn's start; ``"nicknamed"``: "we call him X"; ``"addressed"``: "sorry X", "ta X"; ``"deed"``: "X
    picked me up", "X came round".
    """
    before, after = _lows_around(token)  # the words on each side, line breaks skipped, walked once
    prev = before[0] if before else None
    low1, low2, low3 = (before[k] if k < len(before) else "" for k in (0, 1, 2))
    nxt1, nxt2, nxt3, nxt4 = (after[k] if k < len(after) else "" for k in (0, 1, 2, 3))
    if low1 in _KIN_TITLES and low2 not in {"the", "a", "an"}:
        return "kin title"
    if low1 == "ex" and low2 not in _OWNER_WORDS:
        return None  # "this ex tnt": an ex- anything; "my ex X" is a person
    if low1 in _NAMING_NOUNS and low2 in _DETERMINERS:
        return "person noun"
    if low1 in _ROLE_HEADS and low2 in PERSON_NOUNS and low3 in _DETERMINERS:
        return "person noun"  # "my support worker X", "her social worker X"
    people = _PEOPLE
    if low1 in {"called", "named"} and (low2 in people or low2 in {"someone", "somebody", "he's", "she's"} or (
            low2 in {"was", "is", "were", "'s", "’s"} and (low3 in people or low3 in {"he", "she", "they", "who"}))):
        return "called"  # "a lad called X", "someone named X", "she was called X" (not "it was called X")
    if low1 in {"was", "is", "'s", "’s"} and low2 == "name" and low3 in _NAME_OWNERS:
        return "called"  # "her name was X"
    if low1 in {"him", "her", "them"} and low2 in {"call", "calls", "called", "calling", "name", "named"}:
        return "nicknamed"  # "i'll call him macca", "we called her shaz" (for no everyday word: "call him lazy")
    if low1 in _ASKS or (low1 == "to" and low2 in _TALKS_TO) or (low1 == "with" and (
            low2 in _WITH or low3 in _WITH_AFTER.get(low2, ()))):
        return "talks to"
    opens = prev is None or low1 in _OPENERS or low1 in {"but", "then", "cos", "because", "like", "with", "when"}
    if opens and nxt1 in _OWNER_WORDS and (nxt2 in RELATIONS or nxt2 in _NOUNS_BUT_EX
                                           or nxt3 in _ROLE_HEADS):
        return "apposition"  # "X my key worker sorted it", "and X her mum came"
    if opens and nxt1 == "the" and (nxt2 in _ROLES_OR_STAFF or nxt3 in _ROLE_HEADS):
        return "apposition"  # "X the social worker came", "X the nurse said"
    if opens and nxt1 in {"was", "is", "'s", "’s"} and nxt2 in _OWNER_WORDS and (
            nxt3 in RELATIONS or nxt3 in _NOUNS_BUT_EX or nxt4 in _ROLE_HEADS):
        return "apposition"  # "X was my support worker", "X is my mate"
    if low1 in _FAREWELLS:
        return "addressed"  # "sorry X i didn't hear", "ta X": a vocative without its commas
    if nxt1 in _HE_SHE and (low1 in _NAMED_ROLES or (low1 in _ROLE_HEADS and low2 in PERSON_NOUNS)) and (
            low2 in _DETERMINERS or low3 in _DETERMINERS):
        return "apposition"  # "the receptionist X she's like", "my probation officer X he was": a role, then its name
    if opens and _does_what_people_do(nxt1, nxt2, nxt3, nxt4):
        return "deed"  # "X picked me up", "X kept ringing me", "X came round"
    if nxt1 == "from" and (nxt2 in _WORKS_AT or (nxt2 in {"the", "my", "our", "his", "her", "their", "your"}
                                                 and (nxt3 in _WORKS_AT or nxt4 in _WORKS_AT))):
        return "works at"
    if low1 in _NOT_PERSON_BEFORE:
        return None  # "lads from X who", "went to X with me": a place
    if nxt1 in {"was", "is", "were", "'s", "’s"} and nxt2 == "like" and nxt3 in _QUOTE_OPENERS:
        return "quotes"
    if nxt1 in {"goes", "went", "turns", "turned", "says"} and nxt2 in {"to", "round", "around"} \
            and nxt3 in {"me", "us", "him", "her", "them", "and"}:
        return "quotes"  # "and X goes to me", "X turned round and said"
    if nxt1 in _MOVES_WITH and nxt2 == "with" and nxt3 in _COMPANY:
        return "keeps company"
    if nxt1 in {"who", "who's", "who'd"} and low1 in {"was", "is", "it's", "and", "but", "only", "just", "like"}:
        return "cleft"  # "it was X who sorted it"
    turn_start = prev is None or (low1 in _OPENERS and (len(before) < 2 or low2 in _OPENERS))
    if turn_start and nxt1 in _QUESTION_WORDS and "you" in {nxt2, nxt3, nxt4}:
        return "asked"  # "X what do you think", "yeah X how are you doing": someone addressed
    return None
