"""People named with ordinary words, known by what the sentence has them do: "storm and her brother came",
"i rang marigold and she said she'd pop in", "i asked precious if she'd come".

A name that is also a word ("Storm", "Marigold", "Honey", "Gift") is on no list the name layers trust in
captions, and in cased text its capital at a sentence's start says nothing. Two shapes of speech leave only a
person's reading, whatever the word:

* **someone and their relative** at the opening of a clause: "X and her husband", "X and his mum", "X and her
  lot"; a thing has no husband (the word before X must open the clause, so "the storm and her brother" or "bread
  and her mum's jam" are not read);
* **a name picked up by "she" or "he"** in captions, at a clause's opening ("so rose she came round", "price he was
  lovely": a caption's "Rose, she came round" without the comma), where the word is a given name or surname on
  the project's lists and no word that takes a clause ("and hope she gets better");
* **someone contacted who is then "she" or "he"**: "rang", "asked", "told", "phoned", "texted" and the like, then
  one word, then "she" or "he" within three words ("i rang marigold and she said", "i asked precious if she'd").
  What is rung or asked and is no one ("rang work and she", "asked round"), a kin or role word ("rang mum"), a
  place's word after "at" or "the": never.

Cased text asks the capital of the word as well. The word is one token; its span slices to it exactly.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from .caption_names import ENDEARMENTS, common_given
from .context import PERSON_NOUNS
from .naming import KIND_WORDS
from .state import candidates, text_of
from .turn_view import turn_view
from .word_names import reads_as_captions
from .words import CALENDAR, FILLERS, KINSHIP, TITLE_WORDS, known_surnames, name_lexicon

LAYER = "rules"
REASON = "a word said where only a person stands (with a relative, or contacted and then 'she' or 'he')"
_RELATIVES = frozenset({"husband", "wife", "partner", "brother", "sister", "mum", "mam", "mom", "dad", "son",
                        "daughter", "kids", "boyfriend", "girlfriend", "fella", "missus", "lot", "family", "mother",
                        "father", "nan", "gran", "grandson", "granddaughter", "fiance", "fiancée", "fiancé", "twin",
                        "sisters", "brothers", "children", "hubby", "other half", "mother-in-law"})
"""Whom a person has, said right after "X and her / his" ("storm and her brother")."""
_OPENERS = frozenset({"so", "then", "and", "but", "yeah", "well", "um", "erm", "er", "cos", "because", "oh", "like",
                      "when", "once", "while", "if", "anyway", "actually", "apparently", "now"})
"""Words after which a clause opens: the word after them is its subject."""
_CONTACT = frozenset({"rang", "ring", "rings", "phoned", "phone", "phones", "asked", "ask", "asks", "told", "tell",
                      "tells", "texted", "text", "texts", "messaged", "emailed", "called", "call", "calls", "met",
                      "visited", "thanked", "warned", "reminded", "begged"})
"""Verbs of contacting someone; not "saw" or "see", which take colours and sense too ("i saw red and she left")."""
_HE_SHE = frozenset({"she", "he", "she'd", "he'd", "she's", "he's", "she'll", "he'll", "she’d", "he’d", "she’s",
                     "he’s"})
_NOT_PEOPLE = frozenset({"work", "home", "back", "round", "around", "ahead", "again", "later", "today", "tomorrow",
                         "tonight", "yesterday", "twice", "once", "everyone", "everybody", "someone", "somebody",
                         "anyone", "anybody", "nobody", "people", "them", "him", "her", "me", "us", "you", "it",
                         "about", "after", "over", "out", "off", "up", "down", "in", "on", "for", "through",
                         "reception", "switchboard", "control", "dispatch", "triage", "police", "ambulance", "surgery",
                         "school", "college", "uni", "office", "council", "housing", "social", "services", "nhs",
                         "everyone's", "straight", "first", "forward", "security", "help", "helpline"})
"""Words after a verb of contact that are no one ("rang work", "asked around", "told everyone")."""


def _plain(tok: Token) -> bool:
    """A word that may be a name here: alphabetic, no function word, kin, role, title, month or endearment."""
    low = tok.lower_
    return (tok.is_alpha and len(low) >= 3 and not tok.is_stop and low not in KINSHIP and low not in PERSON_NOUNS
            and low not in TITLE_WORDS and low not in CALENDAR and low not in FILLERS and low not in ENDEARMENTS
            and low not in KIND_WORDS and low not in _NOT_PEOPLE and not tok.text.isupper())


def _opens_clause(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return bool(prev.is_punct or prev.is_space or prev.lower_ in _OPENERS)


def _with_relative(doc: Doc, i: int) -> bool:
    """ "X and her husband": X opens its clause, then "and", "her" or "his", a relative."""
    if i + 3 >= len(doc) or not _opens_clause(doc, i):
        return False
    owned = i + 4 < len(doc) and doc[i + 4].lower_ in {"'s", "’s"}  # "bread and her mum's jam": a thing
    return (doc[i + 1].lower_ == "and" and doc[i + 2].lower_ in {"her", "his", "their"}
            and doc[i + 3].lower_ in _RELATIVES and not owned)


def _contacted(doc: Doc, i: int) -> bool:
    """ "i rang X and she", "asked X if she'd": a verb of contact before, "she" or "he" within three words after."""
    if i == 0 or doc[i - 1].lower_ not in _CONTACT:
        return False
    after = [t.lower_ for t in doc[i + 1 : i + 4] if not t.is_punct and not t.is_space]
    if not after or after[0] not in {"and", "if", "but", "so", "cos", "because", "when", "whether", "she", "he",
                                     "she'd", "he'd", "she's", "he's"}:
        return False  # "told X the news": an object after it, the phrase goes on
    return any(w in _HE_SHE for w in after)


_PICKED_UP = frozenset({"was", "were", "had", "has", "is", "did", "does", "came", "come", "comes", "went", "goes",
                        "used", "never", "always", "just", "rang", "phoned", "texted", "brought", "took", "told",
                        "got", "gets", "sorted", "helped", "looked", "turned", "popped", "stayed", "sat", "kept",
                        "gave", "'s", "’s", "'d", "’d", "would", "could", "can", "will", "still"})
"""What the pronoun that picks a name up does next ("rose she came round", "price he was lovely"); no verb of
speech, as "… fine and dandy he said" ends a quotation."""
_CLAUSE_VERBS = frozenset({"hope", "wish", "pray", "think", "know", "say", "bet", "reckon", "guess", "suppose",
                           "mean", "feel", "believe", "doubt", "worry", "trust", "swear", "imagine", "expect",
                           "figure", "notice", "realise", "realize", "remember", "forget", "hear", "see", "find",
                           "found", "knew", "thought", "felt", "heard", "saw", "said", "told", "asked", "ask",
                           "tell", "glad", "sure", "sorry", "shame", "pity", "luckily", "sadly", "mind", "like",
                           "love", "hate", "bless", "god", "course", "true", "right", "okay", "fine", "unless",
                           "till", "until", "since", "whether", "though", "although", "maybe", "perhaps", "summer",
                           "winter", "spring", "autumn", "christmas", "easter", "morning", "evening", "night",
                           "afternoon", "weekend", "today", "tonight", "tomorrow", "yesterday", "once", "twice"})
"""Words that take a clause after them ("and hope she gets better", "so glad he came") or say when ("then summer
he came home"): never the name picked up."""


def _picked_up(doc: Doc, i: int, names: frozenset[str]) -> bool:
    """Captions: "X she came round" at a clause's opening, where X is a given name or surname on the lists and
    the pronoun's verb follows (a caption's "X, she came round" without its comma)."""
    if i + 2 >= len(doc) or not _opens_clause(doc, i) or doc[i].lower_ not in names:
        return False
    given = doc[i].lower_ in _givens()  # "so rose she came": the model's verb there is the name
    if doc[i].lower_ in _CLAUSE_VERBS or (not given and (doc[i].tag_.startswith("VB") or doc[i].pos_ in {
            "ADV", "ADP", "SCONJ"})):
        return False
    return doc[i + 1].lower_ in {"she", "he"} and doc[i + 2].lower_ in _PICKED_UP


@cache
def _givens() -> frozenset[str]:
    """Given names people bear, from the lists the caption layers read."""
    return common_given() | name_lexicon("first")


@cache
def _listed_names() -> frozenset[str]:
    """Given names and surnames: the words a caption's "X she came round" may name someone by."""
    return _givens() | known_surnames()


_OWNERS = frozenset({"her", "his", "their"})


def _may_hold(words: frozenset[str], dislocated: bool) -> bool:
    """The trigger words of the three frames, from the set of the turn's lower-cased words: "and" with "her",
    "his" or "their" and a relative (:func:`_with_relative`); a verb of contact with "she" or "he"
    (:func:`_contacted`); in a caption, "she" or "he" and a verb after it (:func:`_picked_up`). A turn
    holding none of these sets of words cannot hold a finding, and its words are not walked."""
    return bool(("and" in words and not words.isdisjoint(_OWNERS) and not words.isdisjoint(_RELATIVES))
                or (not words.isdisjoint(_CONTACT) and not words.isdisjoint(_HE_SHE))
                or (dislocated and ("she" in words or "he" in words) and not words.isdisjoint(_PICKED_UP)))


_CONTACT_WORDS = frozenset(v for v in _CONTACT if " " not in v)
_CONTACT_PHRASES = tuple(sorted(v for v in _CONTACT if " " in v))


def _says_contact(low_text: str) -> bool:
    """Whether `` {verb} `` of :data:`_CONTACT` is in ``low_text`` (the turn lower-cased, a space either side): a
    one-word verb is so exactly where it is one of the pieces between single spaces, so the turn is split once
    instead of searched once per verb; a verb of several words, if one is added, is searched as before."""
    return not _CONTACT_WORDS.isdisjoint(low_text.split(" ")) or any(f" {v} " in low_text for v in _CONTACT_PHRASES)


def word_people(doc: Doc) -> list[Candidate]:
    """Person candidates for words said where only a person stands (module doc)."""
    low_text = f" {text_of(doc).lower()} "
    caseless = reads_as_captions(doc)
    dislocated = caseless and (" she " in low_text or " he " in low_text)
    if " and " not in low_text and not dislocated and not _says_contact(low_text):
        return []
    if not _may_hold(turn_view(doc).words, dislocated):
        return []
    names = _listed_names() if dislocated else frozenset()
    people = Intervals((c.start, c.end) for c in candidates(doc) if c.category == "person")  # asked of every word
    out: list[Candidate] = []
    for i, tok in enumerate(doc):
        if not _plain(tok) or (not caseless and not tok.text[:1].isupper()):
            continue
        if people.covers(tok.idx, tok.idx + len(tok)):
            continue  # another layer's already: a second reason here would make a seed of a word the model found
        if _with_relative(doc, i) or _contacted(doc, i) or (dislocated and _picked_up(doc, i, names)):
            out.append(Candidate(tok.idx, tok.idx + len(tok), "person", LAYER, 0.75, REASON))
    return out
