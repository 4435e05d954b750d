"""Layer 1: registered names and every variant of them, matched case-insensitively."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..candidates import Candidate
from ..register import Register, RegisterItem, written_whole
from .article_surnames import surname_after_article
from .clipped_forms import addressed_mid_line, open_in_captions
from .clipped_places import ClipTables, bare_street_candidates, clipped_candidates
from .context import PERSON_NOUNS, looks_like_name, noun_phrase_head, verb_after_a_subject, word_before
from .familiar import ADJECTIVES, named_here, needs_review, split_compound
from .name_goes_on import goes_on
from .noun_idioms import said_as_the_noun
from .own_names import names_someone_else
from .placeholder_choice import choose
from .public_figures import full_name_spans, inside_public_full_name, yields_to_public
from .register_eponyms import REASON as EPONYM_REASON
from .register_eponyms import against_its_capitals, eponym_around, reading_of
from .register_joined import put_to_review
from .register_near import run_on
from .register_public import inside_public_name
from .register_shapes import ShapeIndex, shape_candidates, widen
from .register_shops import SHOP_REASON, a_shop_said
from .state import candidates, caseless_doc, text_of
from .words import CALENDAR, KINSHIP, is_everyday, said_as_a_laugh

# Words after which a following given name is a person, not a verb or a noun: "Jo and Will came",
# "I went with Dawn". Speech verbs after the name are judged by ``looks_like_name``.
_JOINS = {"and", "with", "&"}
_SPEECH_AFTER = {"says", "said", "mentioned", "told", "asked", "reckons", "thinks", "thought", "explained"}


_OPENERS = {"", ",", ".", "?", "!", "so", "ok", "okay", "right", "yes", "yeah", "well", "now", "and", "oh"}


def _beside_a_name(token: Token) -> bool:
    """The clear cases ``looks_like_name`` leaves open: after "and"/"with", the subject of a speech verb,
    or addressed: "will, what do you think?" at the start of a sentence, "what do you think, will?" at its end."""
    doc = token.doc
    prev = doc[token.i - 1].lower_ if token.i else ""
    nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    addressed = (nxt == "," and prev in _OPENERS) or (prev == "," and nxt in {"?", "!", ""})
    return (prev in _JOINS and not _modifies_next(token)) or nxt in _SPEECH_AFTER or addressed


def _lower_noun(token: Token, caseless: bool) -> bool:
    """ "pure bliss", "a real dolly", "the call bell": in cased text a lower-case dictionary word after a
    determiner, possessive or adjective, or closing a noun compound after one ("the call bell", "a church bell"),
    is the word's noun phrase, since cased text gives a name its capital. Such an occurrence of a registered name is
    the reviewer's to decide, never removed unseen (``--accept-all`` still removes it)."""
    return not caseless and token.text.islower() and (noun_phrase_head(token) or _compound_head(token))


def _the_everyday_word(span: Span, caseless: bool) -> bool:
    """ "the city", "the royal": a registered place said as "the" and one everyday word, in captions or in lower
    case in cased text (where "the City" would have its capital): as likely the word as the place."""
    first, word = span[0], span[1]
    return first.lower_ == "the" and (caseless or word.text.islower()) and is_everyday(word.lower_)


def _compound_head(token: Token) -> bool:
    """ "the call bell", "my door bell": a lower-case word after a lower-case noun that a determiner or possessive
    opens, in cased text (a name there keeps its capital: "the nurse, Bell" has its comma)."""
    doc = token.doc
    if token.i < 2:
        return False
    noun, det = doc[token.i - 1], doc[token.i - 2]
    return (noun.tag_ in {"NN", "NNS"} and noun.text.islower() and det.tag_ in {"DT", "PRP$"}
            and noun.lower_ not in _PEOPLE_BEFORE and is_everyday(token.lower_))


_PEOPLE_BEFORE = PERSON_NOUNS | KINSHIP | {"mate", "mates", "friend", "friends", "pal", "boss", "colleague"}
"""Words for a person before a name ("my mate storm", "my brother dewi", "the nurse bell"): a name in apposition,
no noun compound."""


def _modifies_next(token: Token) -> bool:
    """ "work with faith communities", "and hope chests": in cased text a lower-case noun straight before a common
    noun modifies it, and is that noun's word, not a name joined by "and" or "with" (a name keeps its capital
    there: "with Faith Shepherd"). Not before a word of time ("with will yesterday"), and never in captions,
    which give no case to go by. Such an occurrence is the reviewer's, not removed unseen."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (not doc._.cmo_caseless and token.text.islower() and token.tag_ in {"NN", "JJ"} and nxt is not None
            and nxt.tag_ in {"NN", "NNS"} and nxt.text.islower() and nxt.lower_ not in _TIME_NOUNS)


_TIME_NOUNS = frozenset({"yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night",
                         "week", "weekend", "year", "month", "time", "day", "lunchtime"})


def _before_a_name(token: Token) -> bool:
    """ "Big Al", "little Mo", "young Kev", "auld Tam": an adjective said as part of the name, not after a
    determiner ("the big will")."""
    prev, prev2 = word_before(token), word_before(token, 2)
    return prev is not None and prev.lower_ in ADJECTIVES and (prev2 is None or prev2.lower_ not in {
        "the", "a", "an", "this", "that", "my", "your", "his", "her", "our", "their", "its", "no", "some"})


def _in_compound(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return bool((after is not None and after.text in {"-", "–"} and not span[-1].whitespace_)
                or (before is not None and before.text in {"-", "–"} and not before.whitespace_))


def _name_start(span: Span) -> int:
    """Where a one-word name starts once an adjective said as part of it is counted: "Big Al" is the
    nickname, and "Big [name removed]" still tells a reader who. Not across a line break."""
    prev = word_before(span[0])
    if _before_a_name(span[0]) and prev is not None and "\n" not in text_of(span.doc)[prev.idx:span.start_char]:
        return prev.idx
    return span.start_char


# Words before a name that address or thank someone: "thank you will bye" is Will, whatever the tagger says.
_ADDRESS_BEFORE = {"you", "thanks", "cheers", "hi", "hello", "hey", "bye", "morning", "dear", "ask", "to"}
_SENTENCE_END = {".", "?", "!", "…"}


def word_reading(token: Token, caseless: bool, place: bool = False) -> str | None:
    """Why this occurrence of a registered everyday-word name reads as the word, or None.

    Only grammar that leaves no room for a person counts; everything else stays for a person to
    decide. A reviewer applies these in bulk with ``review --keep-word-readings``; they are never
    applied silently. For a registered ``place`` (the town of March) "in" and "on" before a month leave
    all the room a town needs ("the pharmacy in March"), so only a cue no town takes reads the date.
    """
    doc = token.doc
    prev = doc[token.i - 1] if token.i else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and verb_after_a_subject(token):  # "where you fish" of a registered Fish; "thank you
        # Will" is address, which the test leaves out
        return f"verb after a subject pronoun ('{prev.lower_} {token.lower_}')"
    if prev is not None and prev.lower_ in _ADDRESS_BEFORE:
        return None
    if not caseless and token.text.islower() and prev is not None and prev.text not in _SENTENCE_END:
        return "lower case mid-sentence in cased text"
    if nxt is not None and token.tag_ == "MD" and nxt.tag_ == "VB":
        return f"modal verb before a verb ('{token.lower_} {nxt.lower_}')"
    if (prev is not None and prev.lower_ in {"i", "we", "they"} and token.pos_ in {"VERB", "AUX"}
            and not (nxt is not None and nxt.lower_ in {"'s", "’s"})):  # "they ray's": a name, never a verb
        return f"verb after a subject pronoun ('{prev.lower_} {token.lower_}')"
    low = token.lower_
    if prev is not None and low in KINSHIP and prev.lower_ in _POSSESSIVES:
        return f"a relative, after a possessive ('{prev.lower_} {low}')"  # "my nan" for a registered Nancy
    if low in CALENDAR or low.removesuffix("s") in CALENDAR:
        if prev is not None and prev.lower_ in (_BEFORE_A_DATE - _BEFORE_A_PLACE if place else _BEFORE_A_DATE):
            return f"a month or a day, after '{prev.lower_}' ('{prev.lower_} {low}')"  # "in june" for Junior
        if prev is not None and (prev.like_num or _ORDINAL_DAY.fullmatch(prev.lower_)):
            return f"a month or a day, after a day's number ('{prev.lower_} {low}')"  # "on 12 March"
        if nxt is not None and (nxt.like_num or nxt.lower_ in _AFTER_A_DATE):
            return f"a month or a day, before '{nxt.lower_}' ('{low} {nxt.lower_}')"
    return None


def _reads_as_a_date(token: Token, caseless: bool, place: bool = False) -> bool:
    """A registered name that is a month or a weekday, said where only the date fits ("in June last year" for
    a participant called June): a capital proves nothing there, so the occurrence is the reviewer's to decide,
    never removed as the person nor kept unseen."""
    if token.lower_ not in CALENDAR:
        return False
    reason = word_reading(token, caseless, place)
    return reason is not None and reason.startswith("a month or a day")


_POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their", "me", "yer", "ur"})
"""Possessives before a word for a relative: "me nan" is said as often as "my nan"."""
_BEFORE_A_DATE = frozenset({"in", "on", "last", "next", "this", "since", "until", "till", "every", "early", "late",
                            "mid", "each"})
"""Words before a month or weekday that leave no room for a person ("in june", "last sunday"); not "of",
"from", "by", "through": "a text from April" is a person."""
_BEFORE_A_PLACE = frozenset({"in", "on"})
_ORDINAL_DAY = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)")
"""Of those, the words a town is said after as often as a month ("the surgery in March")."""
_AFTER_A_DATE = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                           "tenth", "eleventh", "twelfth", "twentieth", "thirtieth", "morning", "night",
                           "afternoon", "evening"})
"""Words after a month or weekday that say a date or a time ("june the fifth", "sunday morning")."""


BROADCASTER_WORDS = frozenset({"radio", "bbc", "itv", "stv"})
"""Words before a region's name that make it a public broadcaster's ("Radio Cornwall", "BBC Scotland", "STV
North"); only a site the manifest names is so read: a place the team registered is theirs to keep or remove."""



def _open_word(span: Span, item: RegisterItem, reading: str | None, placeholder: str | None) -> Candidate:
    """This occurrence of a registered name as the reviewer's to decide: the name may be an everyday word here, and
    ``reading`` says which (for ``--keep-word-readings``); the three ways the layer finds such an occurrence make
    the same item."""
    return Candidate(span.start_char, span.end_char, item.category, "register", 0.5,
                     "registered name, perhaps an everyday word here", item_key=item.key, placeholder=placeholder,
                     per_occurrence=True, word_reading=reading)

def _initialism(span: Span, form: str, items: list[RegisterItem]) -> bool:
    """Whether a familiar form the register made of a person's name is written here as an initialism: a clipped
    given name in capitals ("NI" for Niamh, "ED" for Edward) inside text written in mixed case. People write a
    clipped name as a name ("Ni", "Ed"); capitals of two to four letters are a body's or a place's letters
    ("Dementia NI", "waited in ED"). A person's own initials ("NK" for Niamh Kearney) are written in capitals, so
    they still go, and so do forms that are no clipping ("KT" of a Katie, written in capitals as people write it)
    and any form the team wrote itself (the callers check :func:`written_whole`)."""
    text = span.text
    if len(span) != 1 or not (2 <= len(text) <= 4 and text.isalpha() and text.isupper()):
        return False
    if any(form == "".join(w[:1] for w in i.surface.lower().split()) for i in items):
        return False
    if not any(w.startswith(form) and w != form for i in items for w in i.surface.lower().split()):
        return False  # "KT" of a Katie is a name spelt by its sounds, written so by people: not a clipping
    sentence = span[0].sent if span.doc.has_annotation("SENT_START") else span.doc
    return any(any(c.islower() for c in t.text) for t in sentence if t.is_alpha)


def _surnames(items: list[RegisterItem]) -> frozenset[str]:
    """The lower-cased surnames of the registered people whose form a word is (for :func:`.familiar.named_here`)."""
    return frozenset(i.surface.split()[-1].lower() for i in items if len(i.surface.split()) > 1)


class RegisterComponent:
    """Layer 1: registered names and their variants, ``PhraseMatcher(attr="LOWER")``."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.word_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.items: dict[str, list[RegisterItem]] = {}
        self.by_key: dict[str, RegisterItem] = {}
        self.word_items: dict[str, list[RegisterItem]] = {}
        self.shapes = ShapeIndex(())
        self.transcript_id: str | None = None
        self.owner: object = None
        self.clips = ClipTables()  # the clip heads and bare streets, kept per register and transcript

    def set_register(self, register: Register) -> None:
        self.shapes = ShapeIndex.from_register(register)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.items = {}
        self.by_key = {item.key: item for item in register.items}
        for variant, item in register.all_variants():
            self.items.setdefault(variant.lower(), []).append(item)
        patterns: dict[str, Doc] = {}
        for variant in self.items:
            patterns.setdefault(variant, self.nlp.make_doc(variant))
            # curly apostrophes in speech: "O’Brien" should match a registered "O'Brien"
            if "'" in variant:
                patterns.setdefault(variant.replace("'", "’"), self.nlp.make_doc(variant.replace("'", "’")))
        for variant, pattern in patterns.items():
            self.matcher.add(variant.replace("’", "'"), [pattern])
        self.word_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.word_items = {}
        for item in register.items:
            for form in item.word_forms:
                if form not in self.items:
                    self.word_items.setdefault(form, []).append(item)
        for form in self.word_items:
            self.word_matcher.add(form, [self.nlp.make_doc(form)])

    def _in_scope(self, items: list[RegisterItem]) -> list[RegisterItem]:
        from ..register import _scope_matches

        return [i for i in items if i.scope is None or self.transcript_id is None
                or _scope_matches(i.scope, self.transcript_id)]

    def _one_in_scope(self, item: RegisterItem) -> bool:
        return bool(self._in_scope([item]))

    def _is_name(self, tok: Token) -> bool:
        """A neighbouring word that is a name: a registered form, or a proper noun."""
        return tok.lower_ in self.items or tok.lower_ in self.word_items or tok.pos_ == "PROPN"

    def _word_forms(self, doc: Doc, taken: list[tuple[int, int]], caseless: bool) -> list[Candidate]:
        """Registered people's everyday-word familiar forms: redacted where named, reviewed where unsure."""
        out: list[Candidate] = []
        for match_id, start, end in self.word_matcher(doc):
            span = doc[start:end]
            if any(s < span.end_char and span.start_char < e for s, e in taken):
                continue
            if _in_compound(span) or split_compound(span[0]):
                continue  # "Al-Anon", "pad-thai", "wi fi": a part of a word is no familiar form
            form = self.nlp.vocab.strings[match_id]
            items = self._in_scope(self.word_items.get(form, []))
            if not items:
                continue
            item = items[0]
            why = named_here(span[0], _surnames(items), self._is_name)
            if why is None and not caseless and _initialism(span, form, items):
                # "Dementia NI", "waited in ED": a clipped "Niamh" or "Edward" written as an initialism; where the
                # sentence names a person ("KAYO said she'd ring"), capitals are how this line was typed
                continue
            if why is None and caseless:
                why = addressed_mid_line(span[0])  # "it's not fair pad it was": the commas captions drop
            if why is not None:
                out.append(Candidate(_name_start(span), span.end_char, item.category, "register", 1.0,
                                     f"registered person's familiar form ({why})", item_key=item.key,
                                     placeholder=item.placeholder))
            elif needs_review(span[0], form, caseless) or (caseless and open_in_captions(span[0])):
                out.append(Candidate(span.start_char, span.end_char, item.category, "register", 0.5,
                                     "registered person's familiar form, perhaps an everyday word here",
                                     item_key=item.key, placeholder=item.placeholder, per_occurrence=True,
                                     word_reading=word_reading(span[0], caseless)))
        return out

    def _item(self, variant: str) -> RegisterItem | None:
        for item in self.items.get(variant, []):
            if item.scope is None or self.transcript_id is None:
                return item
            from ..register import _scope_matches

            if _scope_matches(item.scope, self.transcript_id):
                return item
        return None

    def __call__(self, doc: Doc) -> Doc:
        out = candidates(doc)
        caseless = caseless_doc(doc)
        public: list[tuple[int, int]] | None = None  # listed full names, searched at the first registered match
        taken: list[tuple[int, int]] = []  # every registered match, decided or open: word forms yield to them
        first = len(out)
        for match_id, start, end in self.matcher(doc):
            variant = self.nlp.vocab.strings[match_id]
            item = self._item(variant)
            if item is None:
                continue
            span = doc[start:end]
            # "my brother Mark" with a Mark Okafor and a Mark Hocking registered: the one said to be the brother
            item = choose(self._in_scope(self.items.get(variant, [])), span) or item
            if public is None:  # most turns hold no registered name: the public names' search is not needed there
                public = full_name_spans(text_of(doc))
            if public and yields_to_public(item.category, item.key) and inside_public_full_name(
                    text_of(doc), span.start_char, span.end_char, item.variants, public):
                listed = eponym_around(text_of(doc), span.start_char, span.end_char, item.variants) \
                    if item.category == "person" else None
                if listed is None:
                    continue  # "Carol Black" is not the registered Mark Black
                if caseless or not against_its_capitals(listed):
                    # "Martha's Rule" with a Martha registered: never kept unasked, the reviewer decides
                    out.append(Candidate(span.start_char, span.end_char, item.category, "register", 0.5,
                                         EPONYM_REASON, item_key=item.key, placeholder=item.placeholder,
                                         per_occurrence=True, word_reading=reading_of(listed)))
                    taken.append((span.start_char, span.end_char))
                    continue
                # "Martha's rule at home": the listed words, not the listed name; the person, as anywhere
            if end - start <= 2 and not written_whole(item, variant) and inside_public_name(
                    span, item.category, item.key):
                taken.append((span.start_char, span.end_char))
                continue  # "Royal Mail", "an Ulster Fry": a registered "the Royal" or "the Ulster" is not said here
            if end - start == 1 and not caseless and not written_whole(item, variant) and _initialism(
                    span, variant.lower(), [item]) and named_here(span[0], _surnames([item]), self._is_name) is None:
                # where the sentence names a person ("KAYO said she'd ring"), capitals are how the line was typed
                taken.append((span.start_char, span.end_char))
                continue  # "waited in ED": the "Ed" the register made of a registered Edward, written as an initialism
            if end - start == 1 and a_shop_said(span, item, variant):
                # "a sausage roll from Greggs": the bakery, or the "Greggs" made of a registered Greggson ("a lift
                # from Greggs"); only a person can tell, so this occurrence is theirs to decide (no word reading:
                # the slot leaves room for the person, so --keep-word-readings does not keep it)
                out.append(Candidate(span.start_char, span.end_char, item.category, "register", 0.5,
                                     f"{SHOP_REASON} ('{doc[start - 1].text} {span.text}')",
                                     item_key=item.key, placeholder=item.placeholder, per_occurrence=True))
                taken.append((span.start_char, span.end_char))
                continue
            if end - start == 2 and item.category != "person" and _the_everyday_word(span, caseless):
                # "we went into the city" with a hospital registered as "the City": the reviewer decides
                out.append(_open_word(span, item, f"a word after 'the' ('{span.text}')", item.placeholder))
                taken.append((span.start_char, span.end_char))
                continue
            if item.key.startswith("site:") and start > 0 and doc[start - 1].lower_ in BROADCASTER_WORDS:
                taken.append((span.start_char, span.end_char))
                continue  # "BBC Radio Cornwall": a broadcaster named after the region the manifest's site column holds
            article = surname_after_article(span[0], item) if end - start == 1 else None
            if article is not None and (caseless or span[0].text.islower()):  # "on the ward": a Patsy Ward
                taken.append((span.start_char, span.end_char))
                if caseless:
                    out.append(Candidate(span.start_char, span.end_char, item.category, "register", 0.5,
                                         "registered surname, perhaps the word here", item_key=item.key,
                                         placeholder=item.placeholder, per_occurrence=True, word_reading=article))
                continue
            if end - start == 1 and said_as_a_laugh(span[0]):
                # "ho ho, very good" with a Mr Ho registered: a laugh; the reviewer decides, and the word reading
                # lets --keep-word-readings keep it
                out.append(_open_word(span, item, f"a laugh, the syllable said twice ('{span.text}')",
                                      item.placeholder))
                taken.append((span.start_char, span.end_char))
                continue
            if end - start == 1 and said_as_the_noun(span[0]):
                taken.append((span.start_char, span.end_char))
                continue  # "there's always hope" for a registered Hope: only the noun fits (.noun_idioms)
            place = item.category != "person"
            if end - start == 1 and (_reads_as_a_date(span[0], caseless, place) or _lower_noun(span[0], caseless)
                                     or not (looks_like_name(span[0], caseless) or _beside_a_name(span[0])
                                             or _before_a_name(span[0]))):
                # never silently "just a word": the reviewer decides this occurrence
                out.append(_open_word(span, item, word_reading(span[0], caseless, place),
                                      None if names_someone_else(variant, item) else item.placeholder))
                taken.append((span.start_char, span.end_char))
                continue
            start_char = _name_start(span) if end - start == 1 else span.start_char
            placeholder = None if names_someone_else(variant, item) else item.placeholder  # "Sunny" of a Sunil
            out.append(Candidate(start_char, span.end_char, item.category, "register", 1.0,
                                 "registered", item_key=item.key, placeholder=placeholder))
            taken.append((start_char, span.end_char))
        # a registered name inside a hyphen- or apostrophe-joined word takes the whole word ("Anne-Marie")
        unwidened = out[first:]
        out[first:] = widen(text_of(doc), unwidened)
        # ... unless the joined word is a listed public name ("Al-Anon" of a registered Al): the reviewer's
        out[first:] = put_to_review(text_of(doc), unwidened, out[first:])
        matched = out[first:]
        out.extend(run_on(doc, matched, caseless))  # "Nkechi" / "Amadi" over a caption line break
        # "Dawn Hill came in", "Gethin prys", "i spoke to priya oak": a surname the register lacks that is a word
        out.extend(goes_on(doc, matched, caseless, self.by_key, [(c.start, c.end) for c in out[first:]]))
        taken = [(c.start, c.end) for c in out[first:]]
        if self.shapes:
            out.extend(shape_candidates(doc, self.shapes, taken, caseless, lambda i: bool(self._in_scope([i])),
                                        self.items))
        out.extend(self._word_forms(doc, taken, caseless))
        # "the Altna" of a registered Altnagelvin: a place clipped to its first syllables
        found = [(c.start, c.end) for c in out[first:]]
        in_scope = self._one_in_scope
        clips = self.clips.tables(self.by_key, self.transcript_id, self.by_key.values(), in_scope)
        out.extend(clipped_candidates(doc, self.by_key.values(), found, in_scope, heads=clips.heads))
        # "he lives on Cranhill" of a registered Cranhill Road
        out.extend(bare_street_candidates(doc, self.by_key.values(), found, in_scope, streets=clips.streets()))
        return doc


@Language.factory("cmo_register")
def make_register(nlp: Language, name: str) -> RegisterComponent:
    return RegisterComponent(nlp)
