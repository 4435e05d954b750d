"""Whether the words around a token say it is a name: "thanks Will", "Will's mum", "going to mark the"."""

from __future__ import annotations

from spacy.tokens import Token

from ..placeholders import RELATIONS
from ..register import common_word_names
from .state import FUNCTION_POS
from .words import TITLE_WORDS


def name_context(token: Token) -> bool:
    """A title, relation word or greeting right before: then an everyday word is being used as a name."""
    doc = token.doc
    if token.i == 0:
        return False
    prev = doc[token.i - 1]
    if prev.is_punct and token.i >= 2:
        prev = doc[token.i - 2]
    low = prev.lower_.rstrip(".")
    if low in TITLE_WORDS or low in RELATIONS or low in {"thanks", "hi", "hello", "cheers", "bye", "hiya", "hey"}:
        return True
    if low == "you" and token.i >= 2 and doc[token.i - 2].lower_ == "thank":
        return True
    if low in _ADDRESSEE_VERBS:
        return True
    return low in {"to", "with"} and token.i >= 2 and doc[token.i - 2].lower_ in _TALK_VERBS


_ADDRESSEE_VERBS = {"told", "asked", "met", "saw", "called", "rang", "phoned", "texted", "messaged", "visited",
                    "thanked", "tell", "ask", "meet", "see", "ring", "phone", "text", "visit", "thank", "named",
                    "introduced", "emailed", "email"}
_TALK_VERBS = {"spoke", "speak", "speaking", "talk", "talked", "talking", "chat", "chatted", "chatting", "said",
               "say", "went", "go", "going", "stay", "stayed", "lived", "live", "living", "sat", "wrote", "write",
               "married", "engaged", "came", "come", "over", "along", "back", "out"}


def looks_like_name(token: Token, caseless: bool) -> bool:
    """Whether a one-word registered form (``Will``, ``White``) is, here, a name rather than a word.

    Errs towards "name": over-redacting an everyday word costs a reader a word, a leak costs a person.
    """
    if name_context(token):
        return True
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ in {"'s", "’s", "was", "is", "has", "had", "said", "says", "and"}
                            or nxt.tag_ in {"VBD", "VBZ", "MD"}):
        return True  # "will's mum", "will was", "will can come": the word cannot be the verb here
    if nxt is not None and nxt.lower_ == "from" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ in {
            "the", "my", "our", "her", "his", "their"}:
        return True  # "hope from the team"
    common = token.lower_ in common_word_names()
    if not common:
        # a surname that is also a word ("White") written in lower case inside cased text is the word
        return caseless or token.text[:1].isupper() or token.pos_ not in FUNCTION_POS
    if not caseless and token.text[:1].isupper():
        sent_start = token.i == 0 or doc[token.i - 1].text in {".", "?", "!", "\n", ":"}
        if not sent_start:
            return True
        return not (token.pos_ in FUNCTION_POS and _ends_in_question(token))
    return token.pos_ == "PROPN"


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
               "funeral", "grandad", "grandma", "nana", "stepdad", "stepmum"}
"""What a person has: "Tiago's mum", "Eun's flat"; an organisation has none of these."""


def person_cue(token: Token) -> str | None:
    """What in the words around ``token`` says a person stands there, whatever the word is; None if nothing.

    ``"before"``: a title, relation word or greeting ("my friend Jo", "Mrs Cruse", "thanks Bo");
    ``"addressed"``: a verb people are the object of ("I told Ade", "ring X": also said of services);
    ``"owns"``: a person's possession after it ("Tiago's mum"); ``"speaks"``: a verb of speech after it
    ("Al said"); ``"with me"``: "Kai and I", "me and Kai" (also said of a drug: "X and I felt better");
    ``"does"``: any other verb people do after it ("Kai rang", "Kai was"): bodies and things do those too.
    """
    doc = token.doc
    i = token.i
    prev = doc[i - 1].lower_ if i else ""
    if prev in {"the", "a", "an", "this", "that", "our", "their", "its"} and not name_context(token):
        return None  # "the mind said", "our dean": a word after a determiner
    if name_context(token) and not _goes_to(token) and not (i and doc[i - 1].text in {".", "?", "!"}):
        before = doc[i - 2] if doc[i - 1].is_punct and i >= 2 else doc[i - 1]
        low = before.lower_.rstrip(".")
        if low in RELATIONS and not (before.i and doc[before.i - 1].lower_ in _OWNERS):
            return None  # "ex BioPharma", "worker X": a relation word is a cue after "my", "her", "our"...
        return "addressed" if low in _ADDRESSEE_VERBS or low in {"to", "with"} else "before"
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    nxt2 = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    if nxt in {"'s", "’s"} and nxt2 in POSSESSIONS:
        return "owns"
    if (nxt == "and" and nxt2 in {"i", "me", "myself"}) or (prev == "and" and i >= 2
                                                           and doc[i - 2].lower_ in {"me", "i", "myself"}):
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
    doc = token.doc
    return (token.i >= 2 and doc[token.i - 1].lower_ == "to" and doc[token.i - 2].lower_ in _MOVING)
