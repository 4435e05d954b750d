"""People named with ordinary words, known by what the sentence has them do: "storm and her brother came",
"i rang marigold and she said she'd pop in", "i asked precious if she'd come".

A name that is also a word ("Storm", "Marigold", "Honey", "Gift") is on no list the name layers trust in
captions, and in cased text its capital at a sentence's start says nothing. Two shapes of speech leave only a
person's reading, whatever the word:

* **someone and their relative** at the opening of a clause: "X and her husband", "X and his mum", "X and her
  lot"; a thing has no husband (the word before X must open the clause, so "the storm and her brother" or "bread
  and her mum's jam" are not read);
* **someone contacted who is then "she" or "he"**: "rang", "asked", "told", "phoned", "texted" and the like, then
  one word, then "she" or "he" within three words ("i rang marigold and she said", "i asked precious if she'd").
  What is rung or asked and is no one ("rang work and she", "asked round"), a kin or role word ("rang mum"), a
  place's word after "at" or "the": never.

Cased text asks the capital of the word as well. The word is one token; its span slices to it exactly.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from .caption_names import ENDEARMENTS
from .context import PERSON_NOUNS
from .naming import KIND_WORDS
from .state import caseless_doc
from .words import CALENDAR, FILLERS, KINSHIP, TITLE_WORDS

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
                      "saw", "see", "visited", "thanked", "warned", "reminded", "begged"})
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


def word_people(doc: Doc) -> list[Candidate]:
    """Person candidates for words said where only a person stands (module doc)."""
    low_text = doc.text.lower()
    if " and " not in low_text and not any(f" {v} " in f" {low_text} " for v in _CONTACT):
        return []
    caseless = caseless_doc(doc)
    out: list[Candidate] = []
    for i, tok in enumerate(doc):
        if not _plain(tok) or (not caseless and not tok.text[:1].isupper()):
            continue
        if _with_relative(doc, i) or _contacted(doc, i):
            out.append(Candidate(tok.idx, tok.idx + len(tok), "person", LAYER, 0.75, REASON))
    return out
