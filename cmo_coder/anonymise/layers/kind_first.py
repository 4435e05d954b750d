"""A care home, church, club or pub said by its kind first and its name after: "the care home, Meadow View,
rang", "our church holy trinity had a collection", "dad's home bramble court were lovely", "the club the
comrades does a christmas dinner".

People introduce the place they mean by what it is and then name it, as an afterthought or to be clear:
"the care home, Meadow View". Cased text has a comma and capitals to show where the name is; captions have
neither, so the shape of the name has to show it:

* after "care home", "nursing home", "residential home" or "home" (the last only after "the" or a
  possessive: "dad's home", "her home", never "at home"): a house name, one or two words that say no kind
  and a word houses are named by ("bramble court", "quarry view", :data:`HOUSE_HEADS`), or one
  word of proper-name kind ("rosedene");
* after "church", "chapel" or "parish": a dedication ("holy trinity", :data:`.worship.DEDICATIONS`), a
  saint's name ("st anne's", "saint johns"), or one word of proper-name kind or a listed name ("bethesda");
* after "club", "social club", "pub" or "local": "the" and one or two words of proper-name kind, a plural
  noun ("the comrades", "the veterans") or a pub's emblem.

The name's phrase must end where the name does: at a pause or the end of the turn, or before a verb, a
preposition or a conjunction ("the care home meadow view were really good", "the club the comrades does a
dinner"); "the care home staff were kind" names nobody, as the word after "home" says a kind of person.
Public names are the allow-list's to keep, as everywhere.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..turn_text import turn_text
from .care_homes import HOUSE_HEADS as _CARE_HOME_HEADS
from .naming import KIND_WORDS, naming_word, norm_word, proper_word, public_words
from .pubs import PUB_EMBLEMS
from .words import CALENDAR, FILLERS, KINSHIP, in_dictionary, name_lexicon
from .worship import DEDICATIONS

_WORD = r"[^\W\d_][\w'’-]*"
_OWNER = (r"(?:the|our|my|his|her|their|your|mum['’]s|mam['’]s|dad['’]s|nan['’]s|gran['’]s|grandad['’]s|"
          r"grandma['’]s|mother['’]s|father['’]s|husband['’]s|wife['’]s|sister['’]s|brother['’]s)")
_KINDS: dict[str, str] = {
    "care home": "care_home", "nursing home": "care_home", "residential home": "care_home", "home": "care_home",
    "church": "church", "chapel": "church", "parish": "church",
    "club": "club", "social club": "club", "pub": "pub", "local": "pub",
}
_KIND_RE = re.compile(
    r"(?i)(?<![\w'’-])" + _OWNER + r"\s+(" + "|".join(k.replace(" ", r"\s+") for k in sorted(_KINDS, key=len,
                                                                                              reverse=True))
    + r")(\s*,)?\s+((?:the\s+)?" + _WORD + r"(?:\s+" + _WORD + r"){0,2})")
HOUSE_HEADS = _CARE_HOME_HEADS | frozenset({"mead", "lea", "croft", "bank", "rise", "hill", "lodge"})
"""Last words of care homes' names as of houses' ("X Court", "X Lodge", "X View", "X Lea", "X Mead"): the care
home layer's heads and the few more English house names end in (written for the project)."""
_SAINT = frozenset({"st", "st.", "saint"})
_VERB_AFTER = frozenset({
    "were", "was", "is", "are", "have", "has", "had", "do", "does", "did", "rang", "rings", "ring", "phoned",
    "called", "said", "says", "told", "tells", "sent", "let", "put", "got", "gave", "gives", "run", "runs", "ran",
    "kept", "keep", "keeps", "looked", "look", "looks", "knew", "know", "knows", "closed", "shut", "opened",
    "holds", "held", "puts", "lets", "wouldn't", "won't", "can't", "couldn't", "didn't", "doesn't", "don't",
    "haven't", "hasn't", "wasn't", "weren't", "isn't", "aren't", "will", "would", "could", "can", "should",
    "just", "always", "never", "still", "really", "only", "also", "even", "used", "'s", "’s",
})
"""Words that may follow a name said after its kind: a verb of which the place is the subject."""
_ENDS = frozenset({
    "and", "but", "so", "then", "when", "with", "for", "in", "at", "on", "near", "till", "until", "where",
    "which", "that", "since", "from", "as", "because", "cos", "now", "every", "each", "there", "before",
    "after", "though", "yeah", "like", "um", "er", "erm", "uh", "again", "or", "to", "by", "up", "down", "over",
    "out", "i", "we", "he", "she", "they", "you", "it", "this", "last", "too", "either", "anyway", "mind",
})
"""Words that end the name's phrase ("our church holy trinity in town", "the home oak lodge and")."""


def _phrase_ends(text: str, end: int) -> bool:
    rest = text[end : end + 30]
    if not rest.strip() or rest[:1] in ".,;:!?)…-" or rest.lstrip()[:1] in ".,;:!?)…":
        return True
    if rest[:2] in {"'s", "’s"}:
        return True
    nxt = norm_word(rest.split()[0]).strip(".,;:!?")
    return nxt in _VERB_AFTER or nxt in _ENDS or (nxt.endswith("ed") and len(nxt) > 4)


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() for w in words if norm_word(w) not in {"the", "of", "and"})


_COMPOUNDS = frozenset({
    "hall", "halls", "yard", "roof", "warden", "council", "school", "group", "groups", "room", "rooms", "army",
    "porch", "steps", "door", "doors", "tower", "bells", "choir", "service", "services", "members", "committee",
    "bar", "night", "team", "fees", "staff", "manager", "garden", "gardens", "grounds", "kitchen", "lunch",
    "dinner", "trip", "quiz", "meeting", "leader", "leaders", "minister", "car", "bus", "van", "secretary",
})
"""Words that make one noun with the kind before them, "the church hall", "the club secretary", "the home
manager": what follows is that thing, not the place's name, even where a word is also a surname ("Hall")."""


def _ordinary(low: str) -> bool:
    """A word that says nothing of which place: a function word, a kind, a filler, a day, a kin word, or a noun
    the kind joins ("church hall")."""
    return (low in STOP_WORDS or low in KIND_WORDS or low in FILLERS or low in CALENDAR or low in KINSHIP
            or low in _KINDS or low in _COMPOUNDS)


def _house_name(words: list[str], caseless: bool) -> int:
    """How many of ``words`` name a care home: a house name ("bramble court"), or one proper word."""
    lows = [norm_word(w) for w in words]
    for n in (3, 2):  # naming words and a house head
        if len(lows) >= n and lows[n - 1] in HOUSE_HEADS and all(
                (naming_word(w, caseless) or norm_word(w).isalpha()) and not _ordinary(norm_word(w))
                for w in words[:n - 1]):  # after the kind any noun names before a house head ("quarry view")
            return n
    if lows and not _ordinary(lows[0]) and proper_word(words[0], caseless) and lows[0] not in name_lexicon("first"):
        return 1
    return 0


def _church_name(words: list[str], caseless: bool) -> int:
    """How many of ``words`` name a church: a dedication, a saint's name, or a proper word or listed name."""
    lows = [norm_word(w) for w in words]
    for n in (3, 2):
        if len(lows) >= n and " ".join(lows[:n]) in DEDICATIONS:
            return n
    if len(lows) >= 2 and lows[0] in _SAINT and not _ordinary(lows[1].removesuffix("'s")):
        return 2
    if lows and not _ordinary(lows[0]) and (proper_word(words[0], caseless) or lows[0] in name_lexicon("all")):
        return 1
    return 0


def _club_name(words: list[str], caseless: bool) -> int:
    """How many of ``words`` (after "the") name a club or a pub: proper words, a plural noun, an emblem."""
    lows = [norm_word(w) for w in words]
    n = 0
    for w, low in zip(words, lows, strict=False):
        if n == 2 or _ordinary(low):
            break
        if proper_word(w, caseless) or low in PUB_EMBLEMS or (low.endswith("s") and in_dictionary(low[:-1])
                                                              and len(low) > 4):
            n += 1
        else:
            break
    return n


def kind_first_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Spans of places named right after their kind (module doc), typed by the kind."""
    low_text = turn_text(text).low
    if not any(k in low_text for k in ("home", "church", "chapel", "parish", "club", "pub", "local")):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _KIND_RE.finditer(text):
        kind_said = " ".join(m.group(1).lower().split())
        kind = _KINDS[kind_said]
        owner = norm_word(text[m.start() : m.start(1)].strip())
        if kind_said == "home" and owner in {"the", "my", "our", "your"} and not m.group(2):
            continue  # "the home" alone, "my home town": only a comma or someone else's home puts a name there
        chunk = m.group(3)
        found = list(re.finditer(_WORD, chunk))
        article = bool(found) and norm_word(found[0].group(0)) == "the"
        words = [f.group(0) for f in found[1:]] if article else [f.group(0) for f in found]
        if kind == "care_home":
            n = 0 if article else _house_name(words, caseless)
        elif kind == "church":
            n = 0 if article else _church_name(words, caseless)
        else:
            n = _club_name(words, caseless) if article else 0
        if not n:
            continue
        first = found[1] if article else found[0]
        last = found[n] if article else found[n - 1]
        start, end = m.start(3) + first.start(), m.start(3) + last.end()
        if not caseless and not _capitalised(words[:n]):
            continue
        if not _phrase_ends(text, end) or " ".join(low_text[start:end].split()) in public_words():
            continue
        out.append((start, end, kind))
    return out
