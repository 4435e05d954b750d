"""Local sports and members' clubs named after a place, in captions too: "the ivy bank club", "the meadow lane
bowls club", "he plays for marsh rangers", "she's at the holme harriers".

A local club takes its name from where it is, a street, a park, a village or a farm, so the words before its
kind are place words, ordinary ones as often as not ("Ivy Bank", "Meadow Lane", "Marsh"). What says a name
stands there is the kind's shape:

* a sport or a club's kind before "club" ("bowls club", "cricket club", "sports and social club"): the one
  to three words before it that say no kind name the club ("the meadow lane bowls club"; "the local
  bowls club", "the over sixties club" stay);
* "club" after two words that can each name a place (naming nouns, place-shaped or proper words: "the ivy
  bank club"); one word alone is the facility layer's ("the kestrel club"), as a kind ("the book club",
  "the lunch club") is too often one;
* a team word after a word of place or one proper word ("marsh rangers", "the holme harriers",
  "lowfield athletic") after "at", "for" or "with", or after any word that says no kind after a verb of
  playing, joining or coaching ("plays for sedge rangers"): the word before the team word is the name
  (the team word alone, which many listed clubs are, says nothing); a listed club ("Blackburn Rovers")
  is the allow-list's to keep, and a town's club is :mod:`.club_context`'s.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..turn_text import turn_text
from .naming import KIND_WORDS, compound_place, naming_word, norm_word, proper_word, public_words
from .words import CALENDAR, FILLERS, KINSHIP

_WORD = r"[^\W\d_][\w'’-]*"
SPORTS = ("bowls", "bowling", "cricket", "rugby", "football", "golf", "tennis", "hockey", "boxing", "snooker",
          "angling", "running", "cycling", "rowing", "sailing", "swimming", "athletics", "harriers", "sports",
          "sports and social", "social", "working men's", "working mens", "darts", "chess", "bridge", "netball",
          "judo", "karate", "gymnastics", "amateur boxing")
"""What a club is for, said before "club" ("the meadow lane bowls club"), written for the project."""
TEAM_WORDS = frozenset({"rangers", "rovers", "wanderers", "harriers", "athletic", "juniors", "colts", "celtic",
                        "albion", "corinthians", "villa", "tigers", "lions", "panthers", "wolves", "hornets", "saints",
                        "warriors", "eagles", "falcons", "titans", "bulls", "spartans", "dynamos"})
"""Words a grass-roots side's name ends with ("Marsh Rangers", "Holme Harriers"), written for the project."""
_SPORT_CLUB = re.compile(r"(?i)(?<![\w'’-])((?:" + _WORD + r"\s+){1,3}?)(" + "|".join(
    s.replace(" ", r"\s+") for s in sorted(SPORTS, key=len, reverse=True)) + r")\s+club\b")
_PAIR_CLUB = re.compile(r"(?i)(?<![\w'’-])the\s+(" + _WORD + r")\s+(" + _WORD + r")\s+club\b")
_TEAM = re.compile(r"(?i)(?<![\w'’-])(?:(?P<verb>play|plays|played|playing|joined|join|joins|signed\s+for|coach|"
                   r"coaches|coached|coaching|manages|managed|train|trains|trained|training)\s+(?:for|with|at)?\s*|"
                   r"(?:at|for|with|down|to)\s+)(?:the\s+)?(?P<name>" + _WORD + r")\s+(?P<team>"
                   + "|".join(sorted(TEAM_WORDS)) + r")\b")
_CLUB_KINDS = frozenset({"book", "lunch", "youth", "night", "kids", "kids'", "breakfast", "after", "school",
                         "stroke", "dementia", "friendship", "gardening", "knitting", "walking", "film", "slimming",
                         "supper", "homework", "baby", "toddler", "toddlers", "over", "sixties", "sixty", "fifties",
                         "members", "members'", "private", "health", "fitness", "boys", "girls", "lads", "ladies",
                         "men's", "women's", "mens", "womens", "golf", "social", "sports", "cricket", "rugby",
                         "football", "tennis", "bowls", "country", "working", "village", "church", "chapel", "scout",
                         "pub", "local", "our", "their", "his", "her", "my", "your", "same", "old", "new", "other"})
"""Words before "club" that say what kind of club, never which ("the book club", "the over sixties club")."""


def _ordinary(low: str) -> bool:
    return (low in STOP_WORDS or low in KIND_WORDS or low in FILLERS or low in CALENDAR or low in KINSHIP
            or low in _CLUB_KINDS or len(low) < 3 or not low.replace("'", "").replace("-", "").isalpha())


def _place_word(word: str, caseless: bool) -> bool:
    low = norm_word(word)
    return not _ordinary(low) and (naming_word(word, caseless) or compound_place(low))


def club_name_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of local clubs named after a place (module doc), the club's kind left out of the span."""
    low_text = turn_text(text).low
    if "club" not in low_text and not any(w in low_text for w in TEAM_WORDS):
        return []
    out: list[tuple[int, int]] = []
    for m in _SPORT_CLUB.finditer(text):
        words = list(re.finditer(_WORD, m.group(1)))
        keep = []
        for w in reversed(words):  # read back from the sport: the name's words, up to one that says a kind
            if _ordinary(norm_word(w.group(0))) or (not caseless and not w.group(0)[:1].isupper()):
                break
            keep.append(w)
        if not keep:
            continue
        keep.reverse()
        start, end = m.start(1) + keep[0].start(), m.start(1) + keep[-1].end()
        if " ".join(low_text[start:end].split()) not in public_words():
            out.append((start, end))
    for m in _PAIR_CLUB.finditer(text):
        first, second = m.group(1), m.group(2)
        if not (_place_word(first, caseless) and _place_word(second, caseless)):
            continue
        if not caseless and not (first[:1].isupper() and second[:1].isupper()):
            continue
        if " ".join(low_text[m.start(1) : m.end(2)].split()) not in public_words():
            out.append((m.start(1), m.end(2)))
    for m in _TEAM.finditer(text):
        word = m.group("name")
        low = norm_word(word)
        if _ordinary(low) or (not caseless and not (word[:1].isupper() and m.group("team")[:1].isupper())):
            continue
        if not (m.group("verb") or naming_word(word, caseless) or proper_word(word, caseless) or compound_place(low)):
            continue  # after a verb of playing any word names the side; after "at" or "for" only a place's
        if " ".join(low_text[m.start("name") : m.end("team")].split()) in public_words():
            continue
        out.append(m.span("name"))  # the team word stays: "[club name] rangers" says no more than a club
    return sorted(set(out))
