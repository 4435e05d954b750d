"""Whether a registered person's everyday-word familiar form ("pad", "tone", "smithy") names them here.

The register keeps familiar forms made by rule that are also words apart from its variants
(:attr:`..register.RegisterItem.word_forms`): matched everywhere, "pad" for a registered Padraig
would redact every notepad and put every "tone" in the review. Instead:

- where the words around it name a person (:func:`named_here`: greeted or thanked, addressed at the
  start or end of a clause, "big/little/young/old/auld/wee X", a possessive, the subject of a speech
  verb, beside the person's surname, "X and <name>") it is redacted;
- in cased text, written with a capital inside a sentence ("we asked if Tone could"), or opening one as
  the subject of a verb ("Tone turned up late"), it is a review item;
- otherwise, where English seldom writes it in lower case (fewer than :data:`REVIEW_BELOW` uses in
  the subtitle word counts: "smithy", "paddy", "shiv", "jb"), it is a review item too; a common word
  ("pad", "tone", "del", "mic") with no name context is left as the word, which would otherwise flood
  the review (see the measured counts in the README).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .context import POSSESSIONS, name_context, word_after, word_before
from .words import lowercase_usage

REVIEW_BELOW = 3000
"""Lower-case uses (pyspellchecker's subtitle counts, :func:`.words.lowercase_usage`) below which a
word form with no name context still goes to the review: "smithy" 179, "paddy" 1,508, "shiv" 961,
"sal" 695 go; "pad" 7,289, "tone" 18,596, "del" 7,113, "ton" 17,115 stay words."""

ADJECTIVES = frozenset({"big", "little", "young", "old", "auld", "wee", "lil", "la'l", "owd", "young'un"})
"""Said before a familiar form as part of the name: "Big Al", "little Mo", "young Kev", "auld Tam"."""
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "our",
                          "their", "its", "some", "any", "no", "every", "each", "one"})
_GREETINGS = frozenset({"cheers", "thanks", "ta", "alright", "hiya", "hi", "hello", "hey", "bye", "night", "morning",
                        "evening", "afternoon", "welcome", "sorry", "mate", "oi", "ey", "aye", "ah", "oh"})
"""Words after which a clause-final form is someone addressed: "you alright Tone", "night Pad"."""
_SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "asked", "asks", "reckons", "reckoned", "goes", "went",
                           "replied", "answered", "laughed", "shouted", "texted", "rang", "phoned", "messaged",
                           "explained", "mentioned", "thinks", "thought", "was", "is", "and"})
_CLAUSE_END = frozenset({".", "?", "!", ",", "…", ";", ":"})
_AFTER_CONTRACTED = frozenset({"been", "got", "gone", "had", "done", "said", "told", "always", "never", "just",
                               "already", "know", "be", "have", "not", "still", "come", "left", "started"})
"""Words after "X's", "X'd" or "X'll" that make the ending has, had or will, not a possessive: "Cat's been great"."""


def _low(tok: Token | None) -> str:
    return tok.lower_ if tok is not None else ""


def _clause_end(tok: Token | None) -> bool:
    return tok is None or tok.text in _CLAUSE_END or tok.text.startswith("\n")


def named_here(token: Token, surnames: frozenset[str], is_name: Callable[[Token], bool]) -> str | None:
    """Why the words around ``token`` say it names a person, or None. ``surnames``: the lower-cased
    surnames of the people whose form it is; ``is_name``: whether a neighbouring word is a name (a
    registered form or a proper noun), for "Pad and Siobhan came"."""
    prev, prev2 = word_before(token), word_before(token, 2)
    nxt, nxt2 = word_after(token), word_after(token, 2)
    low_prev, low_next = _low(prev), _low(nxt)
    after_word = low_prev not in _DETERMINERS
    if name_context(token):
        return "after a title, relation word or greeting"
    if low_prev == "our" and lowercase_usage().get(token.lower_, 0) < REVIEW_BELOW:
        return "'our X', a relative named"  # "our Kel", "our Shaz"; not "our pad", which is a flat
    if low_prev in ADJECTIVES and _low(prev2) not in _DETERMINERS:
        return f"'{low_prev} X', said as a name"
    if low_next in surnames:
        return "beside the surname"
    if low_prev in _GREETINGS and _clause_end(nxt):
        return "addressed at the end of a greeting"
    if (prev is None or prev.text in {".", "?", "!"} or (prev.text.startswith("\n"))) and low_next == ",":
        return "addressed at the start of a sentence"
    raw_next = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if low_prev == "," and (raw_next is None or raw_next.text in {"?", "!", "."}):
        return "addressed at the end of a sentence"  # "It's not a joke, Pad."
    if _clause_end(nxt) and low_prev not in _DETERMINERS | {"you", "to", "of", "in", "on", "at", "for", "with"} and (
            "you" in {_low(word_before(token, k)) for k in (2, 3, 4)}):
        return "addressed at the end of a question"  # "what do you reckon pad", "you alright there tone"
    if after_word and low_next in {"'s", "’s"} and _low(nxt2) in POSSESSIONS:
        return "a person's possessive"
    if after_word and low_next in _SPEECH_VERBS - {"was", "is", "and"} and (prev is None or not prev.is_alpha
                                                                            or low_prev in {"and", "but", "then",
                                                                                            "so", "cos", "like"}):
        return "the subject of a speech verb"
    if low_prev == "and" and prev2 is not None and is_name(prev2):
        return "after 'and' beside a name"
    if low_next == "and" and nxt2 is not None and is_name(nxt2):
        return "before 'and' beside a name"
    if low_prev == "with" and prev2 is not None and is_name(prev2):
        return "after 'with' beside a name"
    return None


SPLIT_COMPOUNDS = frozenset({("hi", "fi"), ("wi", "fi"), ("sci", "fi"), ("lo", "fi")})
"""Words speech writes in two halves ("wi fi", "hi fi", "sci fi"): the second half is no familiar form
("Fi" for Fiona), and the first half's greeting ("hi") no name context."""


def split_compound(token: Token) -> bool:
    """Whether ``token`` is the second half of a word written in two (:data:`SPLIT_COMPOUNDS`)."""
    prev = token.doc[token.i - 1] if token.i else None
    return prev is not None and (prev.lower_, token.lower_) in SPLIT_COMPOUNDS


def needs_review(token: Token, form: str, caseless: bool) -> bool:
    """A word form with no name context: a review item when written as a name inside a cased sentence, or
    when English seldom writes it in lower case; otherwise the word."""
    if not caseless:
        prev = word_before(token)
        sentence_start = prev is None or prev.text in {".", "?", "!", ":", "\"", "“"}
        if token.text[:1].isupper() and not sentence_start:
            return True
        nxt = word_after(token)
        if token.text[:1].isupper() and nxt is not None and nxt.tag_ in {"VBD", "VBZ", "MD"}:
            return True  # "Tone turned up late": a capital opening a sentence, then a verb it is the subject of
        if (token.text[:1].isupper() and nxt is not None and nxt.lower_ in {"'s", "’s", "'d", "’d", "'ll", "’ll"}
                and _low(word_after(token, 2)) in _AFTER_CONTRACTED):
            return True  # "Cat's been brilliant", "Mo'll know": a capital opening a sentence, then has/had/will
        if token.text.islower():
            return False
    prev = word_before(token)
    if token.text.islower() and prev is not None and prev.lower_ in _DETERMINERS - {"our"}:
        return False  # "the mags on the table", "a shell": after a determiner, the word ("our Mags" is a name)
    if caseless and turn_final(token):
        return True  # "by a country mile pad" closing a caption turn: perhaps someone addressed
    return lowercase_usage().get(form, 0) < REVIEW_BELOW


_NOT_BEFORE_VOCATIVE = _DETERMINERS | {"to", "of", "in", "on", "at", "for", "with", "from", "by", "into", "about",
                                       "is", "was", "be", "been", "very", "too", "so", "more", "less", "and", "or"}


def turn_final(token: Token) -> bool:
    """The last word of a turn or paragraph, after a word a noun of its own cannot follow ("mile pad", not
    "a pad", "to pad")."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if not (nxt is None or (nxt.is_space and "\n\n" in nxt.text)):
        return False
    prev = word_before(token)
    if prev is None or prev.lower_ in _NOT_BEFORE_VOCATIVE or prev.pos_ == "ADJ":
        return False  # "a new pad", "to pad"
    return _low(word_before(token, 2)) not in _DETERMINERS  # "the note pad"
