"""Layer 1b: words that sound like a registered name, as speech recognition spells names it does not know.

Captions of a registered "Siobhan" read "shavonne" or "shiv on", of "Niamh" "neeve", of "McAllister"
"mac allister": no spelling the register holds, so the register layer passes them, and before this
layer six in ten such mentions reached signed-off text. Here every word is related to the registered
name parts by :mod:`..pronunciation`, and so are two words said as one where the first is "mc" or
"mac", or the two spell a listed respelling or the registered name itself; what matches is proposed
as that person:

- a word no dictionary holds ("shavonne", "kathryn" for a registered Catherine) is proposed for
  redaction, with the person's category and placeholder; ``review --accept-all`` accepts it;
- a dictionary word is proposed only when the curated table lists it as a respelling ("owen" for
  Eoin, "shona" for Seonaid) or it is a given name English seldom writes in lower case ("rory",
  "shaun"); where the words around it do not make it a name it becomes a per-occurrence item, like
  the everyday-word readings of registered names, so a person decides it and it is never silently
  "just a word". Everyday words that merely share a key with a name ("seen" for Sean, "well" for
  Will) are not proposed: they would flood review with nothing to find.

Never proposed: a registered spelling (the register has it), a study label, a public name, a
function word, a filler. The allow-list layer, which runs after this one, still removes a proposal
inside a public phrase.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..festival_spellings import a_festival_not_the_person
from ..pronunciation import SoundIndex, SoundMatch, fold
from ..register import Register, RegisterItem, _scope_matches
from .context import looks_like_name, name_context
from .labels import study_label_spans
from .place_frames import GENERIC
from .public_names import all_public_names
from .register import _beside_a_name, word_reading
from .register_halves import halves_candidates
from .register_heard import heard_candidates
from .register_near import NearIndex, near_candidates
from .scots_speech import scots_negative
from .state import candidates, caseless_doc, text_of
from .streets import STREET_HEADS
from .turn_view import TurnView, turn_view
from .venues import CAPTION_VENUE_HEADS, VENUE_HEADS
from .words import (
    ADDRESS_WORDS,
    CALENDAR,
    FILLERS,
    KINSHIP,
    PEOPLES,
    SELDOM_LOWER,
    TITLE_WORDS,
    is_everyday,
    listed_names,
    lowercase_usage,
)

SCORE = 0.8
_MC = {"mc", "mac"}
OFTEN_LOWER = 20_000
"""A word English writes in lower case this often (:func:`.words.lowercase_usage`) is a word wherever the dictionary
lacks it: irregular forms it does not list ("paid" 186,548 was removed as a registered Patsy's "Pattie" from
"the council paid for it")."""


def everyday_word(word: str) -> bool:
    """A dictionary word, or one English writes in lower case very often though the dictionary lacks it."""
    return is_everyday(word) or lowercase_usage().get(word.lower(), 0) >= OFTEN_LOWER


@cache
def _public_words() -> frozenset[str]:
    """One-word public names (medicines, brands, platforms): never a person's name here."""
    return frozenset(fold(n) for n in all_public_names() if " " not in n.strip())


def public_word(word: str) -> bool:
    """Whether ``word`` is a one-word public name (a medicine, a brand, a platform, a company)."""
    return fold(word.lower()) in _public_words()


def _never_a_name(tok: Token) -> bool:
    """A word no sound-alike of a name may be: a function word, a filler, a date, a month or weekday or their
    plurals, a title, a kin word, a public name, a kind of place ("the mandir" for a registered Mandy, "the ward"
    for a Warde), or a people's or a language's name ("Romanian" and "Romany" for a registered Rahman: a study of
    Roma and Traveller health lost the peoples it is about; a registered name that is a people's word is still
    found as written), or a regional word of address ("me marra" for a registered Marsh), or a Scots negative
    ("didnae" for a registered Catriona's "Tina", "dinnae" for a Dinah: :mod:`.scots_speech`)."""
    low = tok.lower_
    return (not tok.is_alpha or tok.is_stop or low in FILLERS or _calendar_word(low) or low in TITLE_WORDS
            or low in KINSHIP or low in GENERIC or low in PEOPLES or low in ADDRESS_WORDS
            or fold(low) in _public_words() or _inflected_verb(tok) or scots_negative(low))



def _calendar_word(low: str) -> bool:
    """A month or weekday, or its plural ("on Mondays", "most Fridays"): a registered Monty or Fraydie sounds like
    the plural, which no calendar list holds, and a study lost its days of the week to them."""
    return low in CALENDAR or (low.endswith("s") and low[:-1] in CALENDAR)


def _inflected_verb(tok: Token) -> bool:
    """A verb said in an inflected form of an everyday verb ("that lad who hangs round" for a registered Hinge's
    "Hingsy"): the dictionary lists the verb, not every form of it, and the form is then no name. The pipeline
    has no lemmatiser, so the form's regular endings are taken off."""
    if tok.pos_ != "VERB":
        return False
    low = tok.lower_
    stems = [low[:-len(end)] + add for end, add in _VERB_ENDINGS if low.endswith(end) and len(low) - len(end) >= 3]
    return any(everyday_word(stem) for stem in stems)


_VERB_ENDINGS = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"))


_PLACE_HEADS = frozenset({*(h.lower() for h in STREET_HEADS), "ward", "house", "hospital", "centre", "unit", "court",
                          "lodge", "surgery", "practice", "school", "estate"})
"""Words after a name that make it a place's ("Rosslyn Street", "Roslin Ward"), in cased text with their capital."""
_CAPTION_PLACE_HEADS = frozenset({"street", "road", "lane", "avenue", "drive", "crescent", "terrace", "ward",
                                  "hospital", "surgery", "estate"})
"""The same in captions, only the heads no person's name is followed by in speech ("rose close to me")."""


def _names_a_place(doc: Doc, end: int, caseless: bool) -> bool:
    """The word at token ``end`` (just after a sound-alike) is a place's head: the whole is a street, a ward or a
    building named after someone or something, whose own layers type it; a registered person's placeholder
    there would read wrongly ("at [support worker's name] on a Tuesday"). So is a possessive before a venue's
    head ("Kenny's Place", "dan's den": a drop-in named after someone, see :mod:`.venues`)."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.lower_ in {"'s", "’s"} and end + 1 < len(doc):
        head = doc[end + 1]
        return head.lower_ in (CAPTION_VENUE_HEADS if caseless else VENUE_HEADS) and (
            caseless or head.text[:1].isupper())
    if caseless:
        return nxt.lower_ in _CAPTION_PLACE_HEADS
    return nxt.text[:1].isupper() and nxt.lower_ in _PLACE_HEADS


_PLACE_SLOT = frozenset({"in", "into"})
_BEING_IN = frozenset({"was", "were", "is", "'s", "been", "be", "being", "are", "'re", "am", "'m", "went", "go", "goes",
                       "going", "gone", "got", "sent", "put", "born", "lived", "lives", "living", "stayed", "staying",
                       "stays", "moved", "back", "up", "down", "out", "over", "still", "then", "now"})


def _in_a_place_slot(tok: Token) -> bool:
    """A word said only by its sound where a place stands, "my brother was in Parc then" (a prison), "moved into
    Garth": it is still removed, by the loose phonetic key alone, but as a place, so it does not read as the
    registered person ("my brother [brother's name] was in [brother's name] then"). A possessive after it keeps
    the person's reading ("was in Shavonne's room")."""
    i = tok.i
    if i < 2 or tok.doc[i - 1].lower_ not in _PLACE_SLOT or tok.doc[i - 2].lower_ not in _BEING_IN:
        return False
    return not (i + 1 < len(tok.doc) and tok.doc[i + 1].lower_ in {"'s", "’s", "s"})


def name_like_word(word: str, match: SoundMatch) -> bool:
    """Whether a dictionary word that sounds like a registered name is worth a reviewer's look: the table
    lists it as that name's respelling ("owen" for Eoin), or it is a given name or surname that English
    seldom writes in lower case ("rory", "shaun"). A common word sharing a key ("seen", "well") is not."""
    low = word.lower()
    return match.how != "key" or (low in listed_names() and lowercase_usage().get(low, 0) < SELDOM_LOWER)


_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "some", "any", "every", "each"})
_SAINT = frozenset({"st", "st.", "saint"})


def not_that_person(tok: Token, item: RegisterItem, match: SoundMatch, caseless: bool) -> bool:
    """A word that sounds like a registered name part but, by how it is said, is not that person: each case a
    wrong placeholder or a word lost in the third new study ("He's doing canny" read as a registered Cian, "on
    the telly" as a Delroy's "Delly", "near St Patrick's" as a Pádraig, "Kenny Doyle" as Cian).

    - cased text writes names with a capital: a dictionary word in lower case there is the word;
    - after an article or quantifier it is a word ("the telly", "a canny lad"), as familiar forms are, where
      it sounds like a form made by rule ("Delly" of Delroy); one that sounds like the registered name itself
      ("a ray of light" for a Rae) stays a reviewer's decision, one occurrence at a time, and so does one with a
      capital in cased text or seldom written in lower case ("in the Glan yr Afon", "the glan yr afon");
    - after "St" or "Saint" it is a saint, whose church, school or surgery the place layers type;
    - beside a name that is none of the registered person's (:func:`_another_name`) it is part of someone
      else's full name, which the name layers propose on their own.
    """
    doc = tok.doc
    everyday = is_everyday(tok.text)
    if everyday and not caseless and tok.text.islower():
        return True
    prev = doc[tok.i - 1].lower_ if tok.i else ""
    written = {fold(w) for form in (item.surface, *item.aliases) for w in form.split()}
    worded = tok.text.islower() and (not caseless or lowercase_usage().get(tok.lower_, 0) >= SELDOM_LOWER)
    if prev in _SAINT or (prev in _DETERMINERS and worded and fold(match.part) not in written):
        return True
    return any(_another_name(doc[j], item, caseless) for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc))


def _a_festival_said(tok: Token, match: SoundMatch) -> bool:
    """A festival, month or weekday written another way, said as a time ("for Dewali", "on Wensday"), and spelt
    nearer the festival than the registered name it sounds like: the time, not the person
    (:mod:`..festival_spellings`). A registered spelling never reaches here (the register layer has it)."""
    return a_festival_not_the_person(tok.doc.text, tok.idx, tok.idx + len(tok), (match.part,))


def _another_name(tok: Token, item: RegisterItem, caseless: bool) -> bool:
    """A name beside the sound-alike that is none of the registered person's: the two are someone else's full
    name ("Kenny Doyle" for a registered Cian or Delroy). Capitalised in cased text; in captions, or opening a
    sentence, a listed name that is no dictionary word."""
    low = tok.lower_
    # the list first: a word beside a sound-alike is seldom a listed name, and the person's words are made per ask
    if not tok.is_alpha or low not in listed_names() or low in item_words(item):
        return False
    if caseless or tok.is_sent_start:
        return not is_everyday(low)
    return tok.text[:1].isupper()


_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "it"})
"""Pronouns that open a clause: after a little word they are grammar, never the end of a name said in two."""


def _cut_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is only the first piece of a word the tokenizer cut ("wo" of "won't", "ca" of "can't",
    "gon" of "gonna"): a letter or a clitic follows it with no space. "he wo" of "he won't" sounded like a
    registered surname's familiar form, and its placeholder left "[name removed]n't". A possessive's "'s" ends
    the word as written ("mc allister's")."""
    if doc[i].whitespace_ or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1].lower_.replace("’", "'")
    return nxt not in {"'s", "'"} and (nxt[:1].isalpha() or nxt.startswith("'") or nxt == "n't")


def _word_and_pronoun(a: Token, b: Token) -> bool:
    """A little word then a subject pronoun ("and I", "so he", "but we"): among the commonest pairs of English, so
    never a name said in two words, even where the two sound like one a register derived ("Andi" of a registered
    Andreea). A name said in two keeps a stressed syllable ("shiv on", "mc allister") that no pronoun is."""
    return a.is_stop and b.lower_ in _SUBJECT_PRONOUNS


def item_words(item: RegisterItem) -> frozenset[str]:
    """Every word of a registered item's surface, variants and aliases, lower-cased."""
    return frozenset(w.lower() for form in (item.surface, *item.variants, *item.aliases) for w in form.split())


def space_after(view: TurnView) -> list[bool]:
    """Whether each word has space after it (``Token.whitespace_``): spaCy's text is each token's text and its
    trailing space, so a word has some where the next word, or the turn's end, starts after it ends."""
    if not view.starts:
        return []
    ends = [*view.starts[1:], len(view.text)]
    return [start + length < end for start, length, end in zip(view.starts, view.lengths, ends, strict=True)]


def _spelled_nothing(letters: list[Token]) -> tuple[None, int] | None:
    """A run of letters that spells no registered name: skipped whole, unless its first letter is a word said
    before a spelling ("i", "a"), which the next step leaves out."""
    if letters[0].text.rstrip(".").lower() in {"i", "a"}:
        return None
    return None, letters[-1].i + 1


class SoundAlikeComponent:
    """Layer 1b: a word (or two words said as one) that sounds like a registered person's name part."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.index = SoundIndex(())
        self.near = NearIndex(())
        self.transcript_id: str | None = None
        self.owner: object = None

    def set_register(self, register: Register) -> None:
        self.index = SoundIndex.from_register(register)
        self.near = NearIndex.from_register(register)

    def _item(self, match: SoundMatch) -> RegisterItem | None:
        """The registered person the name part belongs to in this transcript (an alias may be file-scoped)."""
        for item in match.items:
            if item.scope is None or self.transcript_id is None or _scope_matches(item.scope, self.transcript_id):
                return item
        return None

    def _candidate(self, start: int, end: int, match: SoundMatch, item: RegisterItem, open_case: bool,
                   reading: str | None) -> Candidate:
        reason = match.reason() + (", perhaps an everyday word here" if open_case else "")
        return Candidate(start, end, item.category, "sound_alike", SCORE, reason, item_key=item.key,
                         placeholder=item.placeholder, per_occurrence=open_case,
                         word_reading=reading if open_case else None)

    def _may_pair(self, first: str, second: str, first_lower: str) -> bool:
        """Whether :meth:`_pair` can find anything in two words: the index knows them said as one (and not by
        their sound key alone, but after "mc"). Asked of the words' texts before any ``Token`` is made: nearly
        every two words of a turn are asked, and the index remembers its answers."""
        match = self.index.match(first + second, joined=True)
        return match is not None and (match.how != "key" or first_lower in _MC)

    def _pair(self, doc: Doc, i: int, caseless: bool) -> Candidate | None:
        """Two words said as one: "mc allister", "shiv on", "an harad"."""
        a, b = doc[i], doc[i + 1]
        if not (a.is_alpha and b.is_alpha and a.whitespace_ and b.lower_ not in FILLERS) or _cut_word(doc, i + 1):
            return None
        mc = a.lower_ in _MC
        if _names_a_place(doc, i + 2, caseless) or _word_and_pronoun(a, b):
            return None
        match = self.index.match(a.text + b.text, joined=True)
        if match is None or (match.how == "key" and not mc):
            return None
        item = self._item(match)
        if item is None:
            return None
        words = (b,) if mc else (a, b)
        everyday = all(is_everyday(t.text) or t.is_stop for t in words)
        open_case = everyday and not (name_context(a) or _beside_a_name(a))
        return self._candidate(a.idx, b.idx + len(b), match, item, open_case, None)

    def _hyphened(self, doc: Doc, i: int) -> Candidate | None:
        """A name written as it sounds with a hyphen between its parts: "Roy-sin", "Shiv-awn", "Nee-ev"."""
        if i + 2 >= len(doc):
            return None
        a, dash, b = doc[i], doc[i + 1], doc[i + 2]
        if not (a.is_alpha and b.is_alpha and dash.text == "-" and not a.whitespace_ and not dash.whitespace_):
            return None
        match = self.index.match(a.text + b.text, joined=True)
        if match is None or match.how == "key":
            return None
        item = self._item(match)
        return None if item is None else self._candidate(a.idx, b.idx + len(b), match, item, False, None)

    def _spelled(self, doc: Doc, i: int) -> tuple[Candidate | None, int] | None:
        """A name spelt out letter by letter ("s-i-o-b-h-a-n", "S I O B H A N", "s. i. o." across a caption
        line break), joined and checked against the register and its respellings: a spelling is never a word.
        Returns the candidate and the index after its last letter; the candidate is None where the whole run
        spells no registered name, and then no part of it is one either: "s i o b h a n" spells an unregistered
        Siobhan, and its last letters "h a n" are no registered Han (the rules' spelled-out name takes the
        run). None where fewer than three letters are spelt, and where the first letter is a word of its own
        ("i", "a": "so i s i o b h a n"), so that the spelling after it is tried."""
        letters: list[Token] = []
        j = i
        while j < len(doc):
            tok = doc[j]
            text = tok.text.rstrip(".")
            if len(text) == 1 and text.isalpha():
                letters.append(tok)
                j += 1
                continue
            if letters and (tok.text == "-" or tok.is_space) and j + 1 < len(doc):
                j += 1
                continue
            break
        if len(letters) < 3:
            return None
        word = "".join(t.text.rstrip(".") for t in letters)
        match = self.index.match(word, joined=True)
        if match is None or match.how == "key":
            # "m c a u l a y" for a registered MacAulay: a family spells Mac and Mc either way
            low = word.lower()
            other = "mac" + low[2:] if low.startswith("mc") else "mc" + low[3:] if low.startswith("mac") else None
            match = self.index.match(other, joined=True) if other else None
        last = letters[-1]
        if match is None or match.how == "key":
            return _spelled_nothing(letters)
        item = self._item(match)
        if item is None:
            return _spelled_nothing(letters)
        cand = Candidate(letters[0].idx, last.idx + len(last.text), item.category, "sound_alike", SCORE,
                         f"a registered name spelt out letter by letter ({match.part})", item_key=item.key,
                         placeholder=item.placeholder)
        return cand, last.i + 1

    def _single(self, tok: Token, caseless: bool) -> Candidate | None:
        if _never_a_name(tok) or len(tok) < 2 or _names_a_place(tok.doc, tok.i + 1, caseless):
            return None
        match = self.index.match(tok.text)
        if match is None:
            return None
        item = self._item(match)
        if item is None or not_that_person(tok, item, match, caseless) or _a_festival_said(tok, match):
            return None
        if not everyday_word(tok.text):
            if match.how == "key" and _in_a_place_slot(tok):
                return Candidate(tok.idx, tok.idx + len(tok), "place", "sound_alike", SCORE,
                                 match.reason() + ", said where a place stands")
            return self._candidate(tok.idx, tok.idx + len(tok), match, item, False, None)
        if not name_like_word(tok.text, match):
            return None
        open_case = not (looks_like_name(tok, caseless) or _beside_a_name(tok))
        return self._candidate(tok.idx, tok.idx + len(tok), match, item, open_case,
                               word_reading(tok, caseless) if open_case else None)

    def __call__(self, doc: Doc) -> Doc:
        if not self.index:
            return doc
        out = candidates(doc)
        caseless = caseless_doc(doc)
        registered = [(c.start, c.end) for c in out if c.layer == "register"]
        labels = study_label_spans(text_of(doc))

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in registered + labels)

        found: list[Candidate] = []
        # each word's letters-only, stop-word and trailing-space flags, its text and lower case from the turn
        # view's lists: the tests below that turn a word away need no Token (see the reads they mirror)
        view = turn_view(doc)
        texts, lowers, lengths, alphas, stops = view.texts, view.lowers, view.lengths, view.alpha, view.stop
        n = len(texts)
        spaced = space_after(view)
        i = 0
        while i < n:
            length, alpha, stop, space = lengths[i], alphas[i], stops[i], spaced[i]
            # (``_spelled``: a word of one letter, but for dots)
            spelled = self._spelled(doc, i) if len(texts[i].rstrip(".")) == 1 else None
            if spelled is not None and spelled[0] is None:
                i = spelled[1]  # a spelling of no registered name, and so of no part of one
                continue
            if spelled is not None and spelled[0] is not None and free(spelled[0].start, spelled[0].end):
                found.append(spelled[0])
                i = spelled[1]
                continue
            # (``_hyphened``: letters, a "-" and letters, nothing between)
            hyphened = (self._hyphened(doc, i) if i + 2 < n and alpha and alphas[i + 2] and texts[i + 1] == "-"
                        and not space and not spaced[i + 1] else None)
            if hyphened is not None and free(hyphened.start, hyphened.end):
                found.append(hyphened)
                i += 3
                continue
            # (``_pair``: two words of letters, a space between, the second no filler)
            if (i + 1 < n and alpha and alphas[i + 1] and space and lowers[i + 1] not in FILLERS
                    and self._may_pair(texts[i], texts[i + 1], lowers[i])):
                pair = self._pair(doc, i, caseless)
                if pair is not None and free(pair.start, pair.end):
                    found.append(pair)
                    i += 2
                    continue
            # (``_single``: ``_never_a_name`` turns away a stop word or one not of letters, and one letter)
            # (and ``_single`` asks the index of the word's text: a word it does not know needs no ``Token``)
            single = (self._single(doc[i], caseless) if alpha and not stop and length >= 2
                      and self.index.match(texts[i]) is not None else None)
            if single is not None and free(single.start, single.end):
                found.append(single)
            i += 1
        out.extend(found)
        # close forms and names heard as several words, where nothing registered stands (register_near.py); a
        # run may take in a word found above ("greis" of "greis kowal chick"): the two are one group
        out.extend(near_candidates(doc, self.near, registered + labels, caseless, self._in_scope))
        # the same where the words around say a name stands ("doctor bar bara", "my brother pure tech")
        out.extend(heard_candidates(doc, self.near, labels, registered, self._in_scope))
        # a person's other name heard as words beside the name the register found ("morwenna tree gear")
        # (an open occurrence, "tree" perhaps of a Tregear, is neither a half found nor in the way)
        people = [c for c in out if c.layer == "register" and c.category == "person" and not c.per_occurrence]
        out.extend(halves_candidates(doc, self.near.items, people, labels))
        return doc

    def _in_scope(self, item: RegisterItem) -> bool:
        return item.scope is None or self.transcript_id is None or _scope_matches(item.scope, self.transcript_id)


@Language.factory("cmo_sound_alike")
def make_sound_alike(nlp: Language, name: str) -> SoundAlikeComponent:
    return SoundAlikeComponent(nlp)
