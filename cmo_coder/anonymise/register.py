"""The project register: every name the study knows about, expanded into the forms speech uses.

Registered items take precedence over every other layer because they are the one thing
we can promise: a name someone wrote down is never let through. The key (manifest
speakers) and the user's register CSV (relatives, staff, places, services) are merged
here and expanded into variants: first name, surname, title + surname, nicknames both
ways. Possessives need no variant: the tokenizer splits ``'s`` off, so the bare form
matches. Lower-casing is done by the matcher (``attr="LOWER"``), not here.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import CmoError, ValidationFailed
from ..ingest.speakers import is_email, stem_key, without_organisation
from ..ingest.utterance import is_voice_code, role_label
from ..model.key import ParticipantKey
from ..model.manifest import is_group
from .category_heads import PERSON_HEADS, head_category
from .familiar import (
    clipped_forms,
    compound_forms,
    curated_forms,
    given_initials,
    initials,
    letter_forms,
    mac_forms,
    nickname_stems,
    open_clip,
    silent_e_forms,
    suffix_forms,
    syllable_end,
    tail_forms,
    vowel_clip,
)
from .folding import fold
from .name_leads import byname_head, drop_name_leads
from .name_titles import joined_honorific_forms, without_titles
from .place_spellings import place_spellings
from .registered_numbers import is_phone_number, number_variants, placeholder_for
from .stored_lists import stored

CATEGORIES = ("person", "place", "hospital", "ward", "trust", "service", "practice", "pharmacy", "street", "estate",
              "city", "school", "church", "mosque", "gurdwara", "temple", "synagogue", "pub", "club", "day_centre",
              "care_home", "shop", "cafe", "workplace", "org", "postcode", "handle", "other")
"""What a register line or a reviewer's ``--redact`` may call a thing; each has its placeholder
(:data:`.placeholders.BY_CATEGORY`): a GP practice reads "[GP practice name]", not "[removed]"."""
CATEGORY_ALIASES = {"gp practice": "practice", "gp surgery": "practice", "surgery": "practice", "gp": "practice",
                    "chemist": "pharmacy", "road": "street", "organisation": "org", "organization": "org",
                    "charity": "org", "company": "org", "employer": "workplace", "town": "place", "village": "place",
                    "area": "place", "neighbourhood": "place", "housing estate": "estate", "college": "school",
                    "university": "school", "chapel": "church", "nhs trust": "trust", "health board": "trust",
                    "unit": "ward", "team": "service", "name": "person", "people": "person", "staff": "person",
                    "day centre": "day_centre", "care home": "care_home", "nursing home": "care_home",
                    "café": "cafe", "username": "handle", **{
                        # a drug and alcohol study's register (the sixth new study): where people stay, get
                        # clean and go; what a team writes for a person's other names, and a pet's
                        "address": "street", "street name": "street", "hostel": "service", "detox unit": "service",
                        "detox": "service", "rehab": "service", "recovery café": "cafe", "foodbank": "service",
                        "food bank": "service", "island": "place", "harbour": "place", "market": "place",
                        "county": "place", "region": "place", "hall": "other", "nickname": "person",
                        "surname": "person", "family": "person", "dog": "person", **{
                            # a children's and young people's study (the seventh new study): where young
                            # people go and their parents work, and a pet that is not a dog
                            "pet": "person", "cat": "person", "youth centre": "service", "youth club": "service",
                            "community centre": "service", "academy": "school", "primary school": "school",
                            "secondary school": "school", "nursery": "school", "sixth form": "school",
                            "academy trust": "org", "multi-academy trust": "org", "packhouse": "workplace",
                            "factory": "workplace", "warehouse": "workplace", "farm": "workplace",
                            "caravan park": "place", "holiday park": "place", "campsite": "place",
                            "traveller site": "place", **{
                                # a palliative care study (the eighth new study): who comes to the bedside
                                # by a title of faith, where people die and are mourned, and the app the
                                # family reads
                                "priest": "person", "vicar": "person", "minister": "person",
                                "chaplain": "person", "rabbi": "person", "imam": "person", "granthi": "person",
                                "pandit": "person", "district": "place", "suburb": "place",
                                "townland": "place", "parish": "church", "gaa club": "club",
                                "orange hall": "other", "lodge": "other", "hospice": "service",
                                "mandir": "temple", "funeral director": "workplace",
                                "funeral home": "workplace", "app": "org", **{
                                    # a dementia care study (the ninth new study): where older people are
                                    # diagnosed, cared for and worked, and who looks after them
                                    "clinic": "service", "memory clinic": "service", "agency": "workplace",
                                    "care agency": "workplace", "home care agency": "workplace",
                                    "mill": "workplace", "madrasa": "school", "madrassa": "school",
                                    "madrasah": "school", "resident": "person", "carer": "person",
                                    "care worker": "person", "consultant": "person", "nurse": "person", **{
                                        # an urgent care and veterans' study (the tenth new study): the
                                        # crew, the children and neighbours, and where a sailor or soldier
                                        # served, by ship, base, regiment or the crew's call-sign
                                        "paramedic": "person", "officer": "person", "child": "person",
                                        "neighbour": "person", "neighbor": "person", "landmark": "place",
                                        "ship": "workplace", "base": "workplace", "barracks": "workplace",
                                        "regiment": "org", "call-sign": "other", "call sign": "other",
                                        "callsign": "other", **{
                                            # a maternity and perinatal mental health study (the eleventh
                                            # new study): a family is written by its kin (the mother, the
                                            # baby, the grandmother), the staff by their roles (a doula, a
                                            # health visitor, a team manager), and island places by the
                                            # township and the croft
                                            **dict.fromkeys(("mother", "father", "mum", "dad", "parent",
                                                             "baby", "son", "daughter", "partner",
                                                             "husband", "wife", "brother", "grandmother",
                                                             "grandfather", "grandparent", "aunt", "uncle",
                                                             "cousin", "relative", "friend", "elder",
                                                             "midwife", "doula", "health visitor",
                                                             "visitor", "manager", "volunteer",
                                                             "interpreter", "worker"), "person"),
                                            "baby bank": "service", "township": "place",
                                            "croft": "place", "park": "place", **{
                                                # a learning disability, autism and Deaf services
                                                # study (the twelfth new study): the people a team
                                                # writes by their part in a life of support (a tenant,
                                                # a self-advocate, a therapist, the postman), and the
                                                # house of a supported-living service
                                                **dict.fromkeys((
                                                    "service user", "patient", "client", "tenant",
                                                    "housemate", "advocate", "self-advocate",
                                                    "therapist", "postman", "postwoman", "sister",
                                                    "niece", "nephew", "grandson", "granddaughter",
                                                    "befriender", "personal assistant"), "person"),
                                                "supported living": "service",
                                                "supported accommodation": "service",
                                                "respite": "service", "group home": "care_home",
                                                "group": "service",
                                                # a sexual health and inclusion health study (the thirteenth
                                                # new study): the clinic's staff by their jobs, the people
                                                # it sees as patients or service users, a sister and a
                                                # driver, and where people seeking asylum are housed
                                                **dict.fromkeys(("patient", "service user", "client",
                                                                 "doctor", "receptionist", "adviser",
                                                                 "advisor", "health adviser", "mentor",
                                                                 "peer mentor", "peer supporter", "peer",
                                                                 "sister", "driver"), "person"),
                                                "hotel": "place", "site": "place", "yard": "place"}}}}}}}}
"""How study teams write categories in their own registers ("GP practice", "town", "organisation")."""
def category_of(written: str) -> str:
    """The category a team's own word for it stands for ("GP practice" → ``practice``, "town" → ``place``),
    read the same way in a register line and in ``review --redact --category``; an unknown word comes back
    as written (lower-cased), for the caller to refuse with the list.

    A team qualifies a kind with words of its own ("Polish club", "working men's club", "dementia café",
    "respite care home"), so a phrase no list holds is read by its last word, the kind it names, when that
    word is a category or a team's word for one; a phrase whose last word is no kind is still refused."""
    category = " ".join(written.lower().split())
    if category in CATEGORIES or category in CATEGORY_ALIASES:
        return CATEGORY_ALIASES.get(category, category)
    words = category.split(" ")
    for n in range(1, len(words)):  # the longest kind at the end first: "respite care home" is a care home
        head = " ".join(words[n:])
        if head in CATEGORIES or head in CATEGORY_ALIASES:
            return CATEGORY_ALIASES.get(head, head)
    return head_category(category) or _compound_person(category) or category


def _compound_person(category: str) -> str | None:
    """``person`` for one word that closes on a person's kind of five letters or more after a part of three or
    more ("keyworker", "caseworker", "stepdaughter", "girlfriend"), else None.

    A drug and alcohol service writes its staff as keyworkers and a family writes a godmother or a stepbrother:
    English joins the qualifier to the kind, so no space tells the phrase rule its last word. Only a person's kind
    is read so: a place joined to a word ("supermarket", "schoolhouse") is often another kind of place."""
    if " " in category or "-" in category:
        return None
    for cut in range(3, len(category) - 4):
        tail = category[cut:]
        if CATEGORY_ALIASES.get(tail) == "person" or tail in PERSON_HEADS:
            return "person"
    return None




TITLES = ("mr", "mrs", "ms", "miss", "dr", "doctor", "nurse", "sister", "prof", "professor", "matron", "father")


@dataclass(frozen=True)
class RegisterItem:
    """One thing to redact: a canonical surface, its category and the forms that stand for it."""

    key: str  # stable identity, e.g. "label:P3" or "register:person:daniel smith"
    surface: str
    category: str
    placeholder: str | None = None
    variants: tuple[str, ...] = ()
    scope: str | None = None  # transcript stem a file-scoped alias applies to, else everywhere
    label: str | None = None
    word_forms: tuple[str, ...] = ()  # familiar forms made by rule that are everyday words ("pad", "smithy"):
    # redacted where the words around them name a person (``layers.familiar``), never in the sign-off proof
    aliases: tuple[str, ...] = ()  # what the team wrote down the thing is also called ("Gazza", "the Royal")


@dataclass
class Register:
    items: list[RegisterItem] = field(default_factory=list)
    _ordered: tuple[tuple[int, ...], list[tuple[str, RegisterItem]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def variant_table(self, transcript_id: str | None = None) -> dict[str, RegisterItem]:
        """Lower-cased variant → item; an item that registers the form itself wins over one that derived it, then
        the earliest registration (manifest first)."""
        table: dict[str, RegisterItem] = {}
        for v, item in self.all_variants():
            if item.scope is not None and transcript_id is not None and not _scope_matches(item.scope, transcript_id):
                continue
            table.setdefault(v.lower(), item)
        return table

    def all_variants(self) -> list[tuple[str, RegisterItem]]:
        """Every (variant, item), those an item registers itself (its surface or an alias) first: "Dewsbury"
        registered as a town is the town, not the head of a registered "Dewsbury District Hospital"."""
        key = tuple(map(id, self.items))
        if self._ordered is None or self._ordered[0] != key:  # one order per register, not per transcript
            pairs = [(v, item) for item in self.items for v in item.variants]
            self._ordered = (key, sorted(pairs, key=lambda pair: not _registers_itself(pair[1], pair[0])))
        return list(self._ordered[1])


def written_whole(item: RegisterItem, variant: str) -> bool:
    """Whether the team wrote ``variant`` itself as the item's surface or an alias ("Yorkshire", "Wigan"), other than
    as "the" and one everyday word ("the Royal"): such a form wins inside a listed public name ("Yorkshire Water"
    loses "Yorkshire"), while a form the register derived ("Ulster" of "Ulster Hospital") yields to one."""
    return _registers_itself(item, variant) and not _the_word(variant)


def _registers_itself(item: RegisterItem, variant: str) -> bool:
    low = variant.lower()
    return low == item.surface.lower() or any(low == a.lower() for a in item.aliases)


def scope_matches(scope: str, transcript_id: str) -> bool:
    """Whether an alias scoped to a file (``Alias@stem``) holds in this transcript: the scope is read as the id the
    import makes of a file's name (:func:`.stem_key`), so the file's name with its spaces and the id both work."""
    s, t = stem_key(scope), transcript_id.casefold()
    return t == s or t.startswith(s + ".") or t.startswith(s + "-") or t.startswith(s + "_") or s.startswith(t)


_scope_matches = scope_matches


@cache
def nickname_groups() -> dict[str, frozenset[str]]:
    """name (lower) → the forms the shipped ``data/nicknames.csv`` gives it (itself included): a row's name has
    every form of its row, and a form has the row's name and only those other forms of its row that share its
    stem (:func:`own_forms`): "Billy" for a Bill, "Lizzie" for a Liz, "Katie" for a Kate.

    Why not the whole row: a row holds forms that are each the name's, not each other's. Liam is a form of
    William and Will is another; nobody registered as Liam is called Will or Bill, and deriving those made
    every "I will start" a review item for a registered Liam. A registered Will still has William (the row's
    name), Willie (his own stem) and what the curated lists give him (:func:`curated_nicknames`)."""
    text = resources.files("cmo_coder.data").joinpath("nicknames.csv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    groups: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        name = row["name"].strip().lower()
        forms = [n.strip().lower() for n in row["nicknames"].split(";") if n.strip()]
        groups.setdefault(name, {name}).update(forms)
        for f in forms:
            groups.setdefault(f, {f}).update({name, *own_forms(f, forms)})
    return {k: frozenset(v) for k, v in groups.items()}


def name_stem(form: str) -> str:
    """A familiar form less its familiar ending and a doubled last consonant: "billy", "billie" and "bill" are
    "bil"; "lizzie" and "liz" "liz"; "kate", "katie" and "kat" "kat"; "kath" stays "kath"."""
    low = form.lower()
    for ending in ("ie", "ey", "y", "i", "o", "e"):
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            low = low[: -len(ending)]
            break
    if len(low) >= 3 and low[-1] == low[-2] and low[-1] not in "aeiou":
        low = low[:-1]
    return low


def own_forms(form: str, siblings: list[str]) -> set[str]:
    """The ``siblings`` (other forms of one row of the nickname table) that are ``form``'s own: the same stem,
    one made from the other by a familiar ending ("Bill" and "Billy", "Kate" and "Katie"). "Will" and
    "Liam", "Chris" and "Kit", "Liz" and "Beth" are forms of one name, not of each other."""
    stem = name_stem(form)
    return {s for s in siblings if s != form and len(stem) >= 2 and name_stem(s) == stem}


@cache
def curated_nicknames() -> dict[str, frozenset[str]]:
    """name (lower) → its familiar forms, and a familiar form → the names it is short for, one hop each
    way, from the hand-curated English names and nicknames of the ``nicknames`` package (Carlton
    Northern and Nick Crews, Apache-2.0; about 1,100 given names). One hop only: a registered "Sandy"
    matches "Sandra" and "Alexandra", not every other familiar form of Alexandra."""
    text = resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    links: dict[str, set[str]] = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) != 3 or row[1] != "has_nickname":
            continue
        name, nick = row[0].strip().lower(), row[2].strip().lower()
        if name and nick and name != nick:
            links.setdefault(name, set()).add(nick)
            links.setdefault(nick, set()).add(name)
    return {k: frozenset(v) for k, v in links.items()}


@cache
def surname_bynames() -> dict[str, tuple[str, ...]]:
    """Folded surname → the customary nicknames anybody with it is given ("chalky" for White, "spud" for
    Murphy), from ``data/surname_nicknames.csv``."""
    text = resources.files("cmo_coder.data").joinpath("surname_nicknames.csv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out: dict[str, tuple[str, ...]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        forms = tuple(f.strip().lower() for f in row["nicknames"].split(";") if f.strip())
        out[fold(row["surname"])] = tuple(dict.fromkeys(out.get(fold(row["surname"]), ()) + forms))
    return out


def diminutives(given: str) -> tuple[str, ...]:
    """Familiar forms English speakers make of any given name, listed or not, in three shapes only:
    a long name cut to its first four or five letters ("Temi" for Temitope, "Abdi" for Abdirahman,
    "Funmi" for Funmilayo); the first syllable with its consonant doubled and "-ie", "-y" or "-o"
    ("Debbie" for Deborah, "Jonno" for Jonathan); and, where that syllable ends in r or n, the British
    "-z" and "-zza" forms ("Gaz", "Gazza" for Gary, "Shaz" for Sharon, "Kaz" for Karen), also after an s
    ("Roz" for Rosalind); and the further suffixes of :func:`.familiar.suffix_forms` ("Stevo", "Debs").

    A form that speech often writes in lower case is left out here (:func:`.layers.words.lowercase_usage`,
    and the dictionary): "dan" is a name but "abs" and "anno" are not, and a registered form is
    matched in every casing, so a word-like form would put every such word in the review. Those word
    forms are not dropped from the register: :func:`person_word_forms` keeps them for context to decide.
    """
    low = given.lower()
    return _split_name_like(_given_forms(low), low)[0]


def _given_forms(low: str) -> list[str]:
    if len(low) < 4 or not low.isalpha():
        return []
    forms: list[str] = [low[:k] for k in (4, 5) if len(low) >= 7 and k < len(low) - 1]
    stem = _first_syllable(low)
    if stem:
        forms += [stem + stem[-1] + e for e in ("ie", "y", "o")]
        if stem[-1] in "rns":  # "Gaz" for Gary, "Shaz" for Sharon, "Roz" for Rosalind
            forms += [stem[:-1] + e for e in ("z", "zza")]
    forms += suffix_forms(low)
    return forms


def _first_syllable(low: str) -> str | None:
    """The first syllable closed by its consonant ("deb" of deborah, "jon", "shar", "mol" of molyneux), or
    None when the name opens with a lone vowel ("andrew", "achterberg") or has no closing consonant."""
    end = syllable_end(low)
    return low[: end + 1] if end is not None and end >= 2 else None


def _name_like(forms: list[str], low: str) -> tuple[str, ...]:
    """The generated ``forms`` worth registering: a given name in its own right ("Molly", "Ellie"), or a
    form no dictionary holds that speech seldom writes in lower case."""
    return _split_name_like(forms, low)[0]


def _split_name_like(forms: list[str], low: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The generated ``forms`` as (name-like, word-like): the second are everyday words ("smithy",
    "paddy", "pad"), kept as word forms that context decides rather than dropped unseen."""
    from .layers.words import CALENDAR, KINSHIP, SELDOM_LOWER, in_dictionary, lowercase_usage, name_lexicon

    usage, firsts = lowercase_usage(), name_lexicon("first")
    names: list[str] = []
    words: list[str] = []
    for f in dict.fromkeys(forms):
        if len(f) < 3 or f == low:
            continue
        if f in KINSHIP or f in CALENDAR or f.removesuffix("s") in CALENDAR:
            words.append(f)  # "nan" of Nancy, "june" of Junior: mostly a relative and a month, never unseen
        elif (f in firsts and not (usage.get(f, 0) >= COMMON_WORD_USE and in_dictionary(f))) or (
                not in_dictionary(f) and usage.get(f, 0) < SELDOM_LOWER):
            names.append(f)
        else:
            words.append(f)
    return tuple(names), tuple(words)


COMMON_WORD_USE = 30_000
"""Lower-case uses (:func:`.layers.words.lowercase_usage`) from which a shape made by rule is an everyday word
first, even where some name list holds it: "marry" of Marsden (190,557), "carry" of Caroline (150,291), "tiny",
"major" are words whose every use would otherwise be removed; "molly" (5,564), "harry" (3,045) and "robbie"
stay names. Such a shape is a word form: removed where the words around it name a person, reviewed where it
is written as a name."""


def surname_diminutives(surname: str) -> tuple[str, ...]:
    """What colleagues and mates make of a surname: its first syllable doubled with "-y", "-ie" or "-o"
    ("Molly" for Molyneux, "Robbo" for Robson, "Gibbo" for Gibson) and the surname with "-y" or "-sy"
    ("Jonesy", "Whitey"); the same filter as :func:`diminutives`."""
    low = surname.lower()
    return _split_name_like(_surname_forms(low), low)[0]


def _surname_forms(low: str) -> list[str]:
    if len(low) < 4 or not low.isalpha():
        return []
    forms = [low + "y", low + "sy", low + "ie"]
    stem = _first_syllable(low)
    if stem:
        forms += [stem + stem[-1] + e for e in ("ie", "y", "o")]
    forms += suffix_forms(low)  # "Wilko", "Fitzy", "Richo"
    forms += mac_forms(low)  # "Macca" for McCarthy
    return forms


@cache
@stored("familiar_shapes")
def familiar_shapes() -> frozenset[str]:
    """Familiar forms British speech makes of common given names and surnames, whoever is registered:
    "dazza", "jonno", "stevo", "shazza", "robbo", "macca", "hendo", "jonesy". For the names nobody
    registered: a word here that no dictionary or name list holds and that English practically never
    writes in lower case is somebody's name wherever it stands ("then dazza turned up"), as a given name
    is (:class:`.layers.lexicon.LexiconComponent`).

    Made by the same rules as a registered person's forms (:func:`_given_forms`, :func:`_surname_forms`)
    from the given names of the nickname lists and the common UK surnames, less the whole surname with
    "-y/-sy/-ie" on a surname of more than five letters ("robertsonie" is nobody's), and less every shape
    that is a word, a name of its own (the name layers know those), a place, or seldom as rare as a name
    in the subtitle counts (:data:`.layers.words.RARELY_LOWER`: "bevvy", "ciggy" and "brekkie" are said)."""
    from .layers.words import RARELY_LOWER, in_dictionary, lowercase_usage, name_lexicon, place_names, uk_surnames

    usage, names, places = lowercase_usage(), name_lexicon("all"), place_names()
    shapes: set[str] = set()
    for given in set(nickname_groups()) | set(curated_nicknames()):
        if len(given) >= 4 and given.isalpha():
            shapes.update(_given_forms(given))
    for surname in uk_surnames():
        if len(surname) >= 4 and surname.isalpha():
            whole = {surname + e for e in ("y", "sy", "ie")} if len(surname) > 5 else set()
            shapes.update(set(_surname_forms(surname)) - whole)
    return frozenset(f for f in shapes if len(f) >= 4 and f.endswith(NAME_SHAPE_ENDINGS) and f not in SLANG_CLIPS
                     and f not in names and f not in places and usage.get(f, 0) < RARELY_LOWER
                     and not in_dictionary(f))


NAME_SHAPE_ENDINGS = ("zza", "o", "sy", "zy")
"""The endings British speech puts on names and seldom on words: "Gazza", "Jonno", "Robbo", "Jonesy",
"Fitzy". Not "-ie/-y" ("hubbie", "brekkie") nor "-s" ("meds", "obs"), which English puts on words as
often, nor a long name cut short ("merce", "migue"), which spells words of other languages."""

SLANG_CLIPS = frozenset({"virgo", "leccy", "lecky", "bezza", "bezzie", "lezza", "lezzer", "cozzie", "mozzie", "trackie",
                         "hozzy", "sozza", "preggo", "ciggie", "ciggy", "bevvy", "bevvie", "brekkie", "sarnie",
                         "scally", "chippy", "cuppa", "footy", "telly", "hanky", "lippy", "kiddo", "nebby"})
"""Everyday words British speech clips the way it clips names ("leccy" electricity, "bezza" best friend,
"cozzie" swimming costume), and the star sign "virgo": no familiar shape of anybody's name, though a
dictionary lacks them."""


@cache
def common_word_names() -> frozenset[str]:
    text = resources.files("cmo_coder.data").joinpath("common_word_names.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


GENERIC_SPEAKERS = {"i", "r", "p", "q", "a", "interviewer", "interviewee", "speaker", "guest", "host", "moderator",
                    "facilitator", "participant", "respondent", "unknown", "researcher", "me", "you", "chair",
                    # an interpreter's or a note-taker's label, written as their alias so a file's "Interpreter:"
                    # finds them: made a name, every "the interpreter" in speech became one to decide
                    "interpreter", "translator", "observer", "note-taker", "notetaker",
                    # the short forms typists write for the two sides of an interview ("Int:", "Resp:", "IV:",
                    # "IE:"), written as aliases so a file's labels find the interviewer: no name anybody says
                    "int", "resp", "iv", "ie"}


_DISPLAY_TITLES = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "rev", "revd", "cllr",
                             "sir", "dame"})
"""Titles an NHS or university directory writes after the given name in a display name ("Qureshi, Imran Dr"):
read in place, the title became a form of the person, and every "Dr" said in a study went as that person's name."""


def clean_name(name: str) -> str:
    """Device and caption spellings to a spoken name: ``Adams, Jennifer (She/Her)`` → ``Jennifer Adams``."""
    name = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", name)
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        given = first.split()
        if len(given) > 1 and given[-1].lower().rstrip(".") in _DISPLAY_TITLES:
            given = given[-1:] + given[:-1]  # "Kowalczyk, Agnieszka Dr": the title before the name, never a name
        name = f"{' '.join(given)} {last}"
    tokens = [t for t in name.replace(",", " ").split() if any(c.isalpha() for c in t)]
    return " ".join(tokens)


_QUOTED_NICKNAME = re.compile(r"(?<!\w)[\"“”‘'](?P<nick>[^\W\d_][^\"“”‘’()]{0,29}?)[\"“”’'](?!\w)")
_BRACKETED = re.compile(r"\((?P<inside>[^()]{1,40})\)")
_FORMER = re.compile(r"(?i)^(?:n[ée]e|formerly|was|previously|maiden name)\s+")
_FORMER_BEFORE = re.compile(r"(?i)\((?:n[ée]e|formerly|was|previously|maiden name)\s+$")
_NOT_NICKNAMES = frozenset({
    "guest", "guests", "external", "host", "co-host", "cohost", "organiser", "organizer", "presenter", "panellist",
    "he", "him", "his", "she", "her", "hers", "they", "them", "theirs", "ze", "zir", "xe", "any", "pronouns",
    "interviewer", "interviewee", "facilitator", "participant", "observer", "note-taker", "notetaker", "chair",
    "staff", "carer", "parent", "mum", "dad", "nurse", "doctor", "dr", "jr", "jnr", "sr", "snr", "mr", "mrs", "ms",
    "miss", "mx", "prof", "nhs", "uk", "admin", "unverified", "deceased", "senior", "junior", "the", "and", "or"})
"""Words written in brackets after a name that are no name: device tags ("Adams, Jennifer (Guest)"), pronouns,
roles and titles. A bracketed word that is none of these is a name the person also goes by."""
_ORGANISATION_WORDS = frozenset({
    "council", "university", "college", "school", "academy", "trust", "nhs", "police", "constabulary", "service",
    "services", "hospital", "hospitals", "practice", "surgery", "clinic", "centre", "center", "department", "dept",
    "team", "group", "foundation", "charity", "society", "association", "authority", "board", "partnership",
    "agency", "ministry", "office", "ltd", "limited", "plc", "llp", "cic", "inc", "icb", "ccg", "gov", "county",
    "borough", "city", "of", "for", "and", "&", "project", "projects", "programme", "program", "network",
    "alliance", "collective", "consortium", "federation", "institute", "unit", "ward", "pharmacy", "healthcare",
    "health", "care", "recovery", "drugs", "alcohol", "housing", "hub", "forum", "directorate", "division",
    "company", "co", "hscp", "nhsft"})
"""Words that make a bracket after a display name an organisation, as Teams and Zoom show an account's ("Pascoe,
Tamsin (Cornwall Council)", "Piran Curnow (University of Exeter)"): no name the person goes by. Read as one, the
organisation became a name of the person, and "Cornwall Council" and "Cornwall" were removed wherever said; so
"(Bristol Drugs Project)" made "Drugs" hers, and "the Scottish Drugs Forum" lost it."""
_ACRONYM = re.compile(r"[A-Z]{3,}|[A-Z0-9&]*\d[A-Z0-9&]*")
"""A bracket of one word in three capitals or more, or with a digit ("(NBT)", "(AWP)", "(NHSGGC)", "(UHB2)"): an
organisation's initials, as accounts show them; a nickname in capitals is two letters ("(PJ)", "(KK)")."""


def _initials_word(word: str, fewest: int) -> bool:
    """Whether ``word`` is an organisation's initials as an account shows them, in capitals or mixed case: at least
    ``fewest`` capitals, and capitals at least half its letters ("OH", "NLaG", "RDaSH"; not "McDonald", "DeeDee").
    Alone in brackets it needs three ("(PJ)" is a nickname); beside another word two ("(Works OH)")."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= fewest and 2 * capitals >= len(letters)


def written_nicknames(name: str) -> tuple[str, list[str]]:
    """The name without the names written inside it, and those names.

    Teams write the name a person goes by inside the full name: ``Thomas "Tosh" Brown``, ``Kwame 'KK' Mensah``,
    ``Priya (PJ) Jones``, ``Jane Brown (née Smith)``. Each is a name people say, so it must be registered as one:
    read as written, ``"Tosh"`` would match only with its quotes, and :func:`clean_name` drops a bracket as a
    device tag ("(She/Her)"). A bracket holding a tag, a pronoun, a role, a title, digits or a slash is no name.
    An apostrophe inside a word ("O'Neill", "D'Souza") is no quote.
    """
    found: list[str] = []

    def bracket(m: re.Match[str]) -> str:
        inside = _FORMER.sub("", " ".join(m.group("inside").split()))
        words = inside.split()
        if any(w.lower().strip(".") in _ORGANISATION_WORDS for w in words) or (
                len(words) == 1 and (_ACRONYM.fullmatch(words[0]) or _initials_word(words[0], 3))) or (
                len(words) > 1 and any(_initials_word(w, 2) for w in words)):
            return " "  # an account's organisation: dropped as a device tag is, never a name
        if 1 <= len(words) <= 3 and all(re.fullmatch(r"[^\W\d_][^\W\d_'’.-]*", w) for w in words) \
                and not any(w.lower().strip(".") in _NOT_NICKNAMES for w in words):
            found.append(inside)
            return " "
        return m.group(0)

    def quoted(m: re.Match[str]) -> str:
        found.append(" ".join(m.group("nick").split()))
        return " "

    rest = _QUOTED_NICKNAME.sub(quoted, _BRACKETED.sub(bracket, name))
    if not found:
        return name, []
    return " ".join(rest.split()), list(dict.fromkeys(found))


_PREFIXED = re.compile(r"(Mc|Mac|M['’]|O['’]|D['’])([A-Z][^\W\d_]{2,})")


def prefix_split(word: str) -> list[str]:
    """A surname with a prefix as speech recognition splits it: "McAllister" → "Mc Allister",
    "MacDonald" → "Mac Donald", "O'Brien" → "O Brien", "D'Souza" → "D Souza". Only where a capital
    marks the join, so "Macey" and "Mackie" stay whole; spellings run together another way ("mac
    allister" for McAllister, "obrien") are the sound-alike layer's."""
    m = _PREFIXED.fullmatch(word)
    if not m:
        return []
    return [f"{m.group(1).rstrip(chr(39) + '’')} {m.group(2)}"]


def particle_start(tokens: list[str]) -> int:
    """Where a family name led by particles starts ("Pieter van der Berg" → 1, "Siobhán Ní Bhriain" → 1, "Ahmad
    bin Hassan" → 1); the last token's index when no particle leads it. The first token is always a given name."""
    from .layers.titles import PARTICLES

    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].lower().strip(".") in PARTICLES:
        i -= 1
    return max(i, 0)


def person_variants(name: str, surname: bool = False) -> tuple[str, ...]:
    """Full name, each given name and the surname (also split after Mc/Mac), title + surname, the
    nicknames of the first name (shipped list and the ``nicknames`` package) and the familiar forms
    any given name makes (:func:`diminutives`).

    Generic speaker tags (``Interviewer``, ``I``) are aliases for the transcript's speaker
    column, not names anybody says, so they yield no variants.
    """
    if is_phone_number(name):  # a chat member known by the number: no name forms, the number's own
        return number_variants(name)
    if is_email(name):  # a guest shown by the address: the address is its one form (the manifest gives the name)
        return (name.strip(),)
    name = without_organisation(name)  # "Rhys Pritchard | Crisis Team Lead": the job title is nobody's name
    bare, nicknames = written_nicknames(name)
    if nicknames:
        return _with_written_nicknames(name, bare, nicknames)
    name = clean_name(name)
    if len(name) < 2 or name.lower() in GENERIC_SPEAKERS or role_label(name) or re.fullmatch(
            r"(?i)speaker\s*\d+|b\d{1,2}|s\d{2}|speaker_\d{2}", name):
        # "B1", "B2": f4transkript's labels for the first and second person interviewed; "S00": noScribe's;
        # "BSL Interpreter": a role written as an alias to match a file's label
        return ()
    if surname:
        return _surname_variants(name)
    tokens = name.split()
    forms: list[str] = [name]
    # "Staff Nurse Magee", "Giani ji", "Auntie Pushpa": the whole is a form, the titles alone are not
    tokens = without_titles(tokens)
    tokens = drop_name_leads(tokens) if tokens else tokens  # "our Declan", "Big Mags": "our", "big" are no name
    if len(tokens) > 1:
        forms.append(" ".join(tokens))
    tokens = byname_head(tokens)  # "Jones the Post": "Jones", never "the" nor "Post"
    lead = particle_start(tokens)
    for i, t in enumerate(tokens):
        if lead <= i < len(tokens) - 1:
            continue  # "van", "de", "bin", "Ní" alone are no name: "de la Cruz" is, and "Cruz"
        if len(t.strip(".")) >= 2 and t.lower() not in GENERIC_SPEAKERS:
            forms.append(t)
            forms.extend(prefix_split(t))
            forms.extend(hyphen_parts(t))
    if lead < len(tokens) - 1:
        whole = " ".join(tokens[lead:])  # "van der Berg", "bin Hassan", "Mac an tSaoir", "Ó Súilleabháin"
        forms.append(whole)
        forms += [f"{title} {whole}" for title in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Doctor", "Nurse", "Sister")]
    if len(tokens) >= 2:
        last = tokens[-1]
        forms += [f"{title} {last}" for title in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Doctor", "Nurse", "Sister")]
        forms += [f"{title}. {last}" for title in ("Mr", "Mrs", "Ms", "Dr")]
        if last[:1].isalpha():  # "Dr A, we call her, we cannot say it"; "Mrs H was lovely": a person by initial
            forms += [f"{title} {last[0].upper()}" for title in ("Dr", "Mr", "Mrs", "Ms", "Miss")]
        forms += [d.capitalize() for d in surname_diminutives(last)]
    if tokens:
        first = tokens[0].lower()
        familiar = _nicknames_of(first)
        familiar -= _kin_or_calendar(familiar)  # "nan" of Nancy, "june" of Junior: word forms, not variants
        for nick in sorted(familiar):
            forms.append(_capitalise(nick))
            if len(tokens) >= 2:
                forms.append(f"{_capitalise(nick)} {tokens[-1]}")
        forms += [d.capitalize() for d in _person_word_split(name)[0] if d not in familiar]
        for other in _other_given_names(tokens):  # "Liz" for Mary Elizabeth, "Marie" for Anne-Marie
            others = _nicknames_of(other.lower())
            forms += [_capitalise(n) for n in sorted(others - _kin_or_calendar(others))]
            forms += [d.capitalize() for d in diminutives(other)]
        forms += [f"{f.capitalize()}s" for f in sorted({first, *familiar})
                  if not f.endswith("s") and " " not in f]  # "two Sandys"
        forms += joined_honorific_forms(tokens[0])  # "Hansaben", "Jayantibhai": one word, the person
    seen: dict[str, str] = {}
    for f in forms:
        seen.setdefault(f.lower(), f)
    return tuple(seen.values())


def _surname_variants(name: str) -> tuple[str, ...]:
    """A title and a surname ("Dr Nance"): the written form, the surname alone and with every title, and what
    colleagues make of a surname ("Robbo"); never a given name's nicknames ("Nancy" of Nance)."""
    surname = without_titles(name.split())[-1]
    forms = [name, surname, *(f"{title} {surname}" for title in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Doctor", "Nurse",
                                                                 "Sister")),
             *(f"{title}. {surname}" for title in ("Mr", "Mrs", "Ms", "Dr")),
             *(d.capitalize() for d in surname_diminutives(surname))]
    seen: dict[str, str] = {}
    for f in forms:
        seen.setdefault(f.lower(), f)
    return tuple(seen.values())


def _surname_word_forms(name: str) -> tuple[str, ...]:
    """The everyday-word forms of a title and a surname: the surname's made by rule ("smithy") and its bynames
    ("chalky" of White), as :func:`_person_word_split` makes them for the last of two names."""
    low = without_titles(name.split())[-1].lower()
    words = [*_split_name_like(_surname_forms(low), low)[1], *surname_bynames().get(fold(low), ())]
    if mac_forms(low):
        words.append("mac")
    return tuple(dict.fromkeys(words))


def _with_written_nicknames(name: str, bare: str, nicknames: list[str]) -> tuple[str, ...]:
    """``Thomas "Tosh" Brown``: the forms of "Thomas Brown", of each nickname, and "Tosh Brown"; a former surname
    ("Jane Brown (née Smith)") goes with the given name instead: "Jane Smith"."""
    tokens = _name_tokens(bare)
    forms = list(person_variants(bare))
    for nick in nicknames:
        forms += person_variants(nick)
        if len(tokens) >= 2 and len(nick.split()) == 1:
            former = _FORMER_BEFORE.search(name, 0, name.find(nick)) is not None
            forms.append(f"{tokens[0]} {nick}" if former else f"{nick} {tokens[-1]}")
    once: dict[str, str] = {}
    for f in forms:
        once.setdefault(f.lower(), f)
    return tuple(once.values())


def hyphen_parts(token: str) -> list[str]:
    """A hyphenated name's parts, said alone ("Marie" of Anne-Marie, "Jones" of Smith-Jones), and the whole
    written without its hyphen, as captions write it ("anne marie"); not a particle ("al" of Al-Hassan)."""
    from .layers.titles import PARTICLES

    parts = [p for p in re.split(r"[-‐–]", token) if p]
    if len(parts) < 2:
        return []
    return [*(p for p in parts if len(p) >= 3 and p.lower() not in PARTICLES), " ".join(parts)]


def _other_given_names(tokens: list[str]) -> list[str]:
    """The given names after the first (a middle name a person goes by) and the parts of a hyphenated first
    name: their listed nicknames and familiar forms are the person's too."""
    given = tokens[:-1] if len(tokens) >= 2 else tokens
    parts = [p for p in hyphen_parts(given[0])[:-1]] if given else []
    return [t for t in [*parts, *given[1:]] if len(t) >= 3 and t.isalpha()]


def _nicknames_of(first: str) -> set[str]:
    """Listed nicknames of a given name: the shipped list, the ``nicknames`` package, curated forms, and those
    of the listed spellings of the same name (:func:`listed_spellings`: "Kitty" of Catherine for a
    registered Katherine, whose own row does not give it)."""
    familiar = set(nickname_groups().get(first, ())) | set(curated_nicknames().get(first, ()))
    familiar |= set(curated_forms().get(fold(first), ()))
    for name in listed_spellings(first):
        # another spelling's forms of four letters or more: "Al" of Alastair is a word form the rules make
        # for an Alistair, to be judged in context ("al fresco"), never a sure variant
        forms = {name, *nickname_groups().get(name, ()), *curated_nicknames().get(name, ())}
        familiar |= {f for f in forms if len(f) >= 4}
    return familiar


def listed_nicknames(given: str) -> frozenset[str]:
    """Lower-cased listed nicknames and familiar forms of a given name (any casing): what
    :func:`_nicknames_of` gives the register, for a speaker label read against the manifest."""
    return frozenset(_nicknames_of(given.lower()))


SPELLING_SIMILARITY = 75
"""Least ``rapidfuzz`` ratio between two listed given names of one sound key for them to be spellings of one
name: "katherine"/"catherine" 89, "stephen"/"steven" 77, "philippa"/"phillipa" 93; "louise"/"lewis" (55)
and "stefan"/"steven" (67) are not."""


@cache
def _listed_by_key() -> dict[str, tuple[str, ...]]:
    """Metaphone key → the given names the nickname lists hold under it (four letters or more)."""
    import jellyfish

    out: dict[str, list[str]] = {}
    for name in sorted(set(nickname_groups()) | set(curated_nicknames())):
        if len(name) >= 4 and name.isalpha():
            out.setdefault(jellyfish.metaphone(name), []).append(name)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def listed_spellings(first: str) -> tuple[str, ...]:
    """Other spellings of a given name that the nickname lists hold (same Metaphone key, spelt close):
    "catherine" for "katherine", "steven" for "stephen". A registered name takes their familiar forms."""
    import jellyfish
    from rapidfuzz import fuzz

    low = fold(first)
    if len(low) < 4:
        return ()
    return tuple(n for n in _listed_by_key().get(jellyfish.metaphone(low), ())
                 if n != low and fuzz.ratio(n, low) >= SPELLING_SIMILARITY and _ending(n) == _ending(low)
                 and (min(len(n), len(low)) > SHORT_NAME or _vowels_said(n) == _vowels_said(low)))


SHORT_NAME = 5
"""Longest given name whose vowels alone tell it from another name of the same consonants."""


def _vowels_said(name: str) -> str:
    """The vowels of a short given name as its spellings share them: doubled letters as one, "y" as "i", "w"
    after a vowel as "u" ("Shawn", "Shaun"), "ai" as "a" ("Kait", "Kate") and a familiar or silent ending
    dropped ("Abbie", "Abby").

    Why: Metaphone keeps only consonants, and in a name of four or five letters one changed vowel is a whole
    edit of the ratio's budget, so "Sian" and "Sion", "Jane", "Jean", "Joan" and "June", "Neil" and "Noel",
    "Danny" and "Donny", "Molly" and "Milly" all passed as spellings of one name: a registered Siân took
    Simon and Simeon (the forms of the Welsh Siôn), and a registered Jane every form of Joan and June. In a
    long name the unstressed vowels are where spellings differ ("Jonathan", "Jonathon"), so there they are
    not compared."""
    low = re.sub(r"(.)\1+", r"\1", name).replace("y", "i")
    low = re.sub(r"([aeiou])w", r"\1u", low).replace("ai", "a")
    if len(low) >= 3:
        low = re.sub(r"(?:ie|ee|ei|i|e)$", "", low)
    return re.sub(r"[^aeiou]", "", low)


def _ending(name: str) -> str:
    """How a given name ends, which in English often tells one name from another of the same sound: "Philippa"
    and "Philip", "Stephanie" and "Stephen", "Willie" (a familiar form) and "Will" are other names."""
    if name.endswith("a"):
        return "a"
    return "i" if name.endswith(("ie", "y", "i", "ee")) else "-"


def _kin_or_calendar(forms: set[str]) -> set[str]:
    """The forms that are words for a relative or a month or day ("nan", "nanny", "june", "august"): as a
    name they are rare beside the word, so they are word forms that grammar or a reviewer decides."""
    from .layers.words import CALENDAR, KINSHIP

    return {f for f in forms if f in KINSHIP or f in CALENDAR or f.removesuffix("s") in CALENDAR}


def _capitalise(form: str) -> str:
    return "-".join(p.capitalize() for p in form.split("-"))


def _name_tokens(name: str) -> list[str]:
    name = clean_name(name)
    return without_titles(name.split())


_COMMONEST_WORD_USES = 500_000
"""Lower-case uses above which a clipped syllable that some name list holds is the word first ("man" of Mandy,
"guy" of Guyon): registered as a name, every "a man called…" of a study would be a review item of its own, so it
is a word form, which the register layer takes where the words around it name a person ("Man said")."""


@lru_cache(maxsize=4096)
def _person_word_split(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The given name's forms made by rule (English diminutives, clips, compound openings dropped) and the
    surname's (``Jonesy``), as (name-like, word-like); initials are always word-like."""
    tokens = _name_tokens(name)
    if not tokens or name.lower() in GENERIC_SPEAKERS:
        return (), ()
    from .layers.words import SELDOM_LOWER, in_dictionary, lowercase_usage, name_lexicon

    first = tokens[0].lower()
    firsts = name_lexicon("first")
    names, words = _split_name_like(_given_forms(first) + list(compound_forms(first)), first)
    # a clipped syllable is a guess: a variant only when it is a given name in its own right ("kev", "del",
    # "bart"); otherwise a word form ("sus", "jus", "pres" are slang, "tone" and "pad" words)
    clips = [*clipped_forms(first), *(f for f in silent_e_forms(first) if f in firsts or in_dictionary(f))]
    usage = lowercase_usage()
    named = [f for f in clips if f in firsts and usage.get(f, 0) < _COMMONEST_WORD_USES]
    names += tuple(f for f in named if f not in names and f != first and len(f) >= 3)
    words += tuple(f for f in clips if f not in named and f not in words and f != first and len(f) >= 3)
    words += tuple(f for f in vowel_clip(first) + open_clip(first) if f not in names)  # "Big Al", "Fi" for Fiona
    stem_names, stem_words = _split_name_like([s for n in _shorter_nicknames(first) for s in nickname_stems(n)],
                                              first)  # "Mags" of Maggie, "Xan" of Xander
    names += tuple(f for f in stem_names if f not in names)
    names += tuple(f for f in tail_forms(first) if f in firsts and not in_dictionary(f) and f not in names
                   and usage.get(f, 0) < SELDOM_LOWER)  # "tina" of Valentina, "bert" of Albert; never "ward"
    spelt = [f for n in (first, *_shorter_nicknames(first)) for f in letter_forms(n)]  # "kt" for Katie
    words += tuple(f for f in dict.fromkeys(spelt) if f not in words and not in_dictionary(f)
                   and usage.get(f, 0) < SELDOM_LOWER)
    words += tuple(f for f in stem_words if f not in words  # not "mad" of Madge, "mid" of Midge: a guess that
                   and (len(f) >= 4 or usage.get(f, 0) < SELDOM_LOWER))  # common and short is no one's name
    if len(tokens) >= 2:
        surname = tokens[-1].lower()
        words = words + _split_name_like(_surname_forms(surname), surname)[1]
        words = words + tuple(f for f in surname_bynames().get(fold(surname), ()) if f not in words)  # "chalky"
        if mac_forms(surname):
            words = words + ("mac",)  # "Mac" for McTavish, but also a raincoat and a computer: context decides
        words = words + tuple(i for i in (*initials(tokens), *given_initials(tokens))  # "jb", "jj"; not "an", "md"
                              if not in_dictionary(i) and usage.get(i, 0) < SELDOM_LOWER)
    moved = _kin_or_calendar(set(names))  # "june" of Junior is mostly the month: a word form
    return tuple(f for f in names if f not in moved), words + tuple(sorted(moved - set(words)))


def _shorter_nicknames(first: str) -> list[str]:
    """The listed familiar forms of a given name that are shorter than it: what the name is cut to
    ("maggie" for Margaret), not the longer names a short one stands for ("shirley" for Lee), whose
    clips would spread to unrelated names."""
    listed = (set(nickname_groups().get(first, ())) | set(curated_nicknames().get(first, ()))
              | set(curated_forms().get(fold(first), ())))
    return sorted(n for n in listed if len(n) < len(first) and " " not in n)


_OATHS = frozenset({"christ", "god", "jesus", "lord", "hell", "bless", "gosh", "golly", "blimey", "hello", "hallo",
                    "cor", "crikey", "gawd", "dear", "heck"})
"""Exclamations a clipped name can spell ("Christ" of Christopher, "hello" of Helen): said as oaths and
greetings, where the name contexts ("oh X", "X!") would read them as someone addressed."""


def person_word_forms(name: str, surname: bool = False) -> tuple[str, ...]:
    """Familiar forms made by rule that are everyday words ("pad" for Padraig, "del" for Derek, "smithy"
    for Smith) and initials ("jb"): the register layer redacts them only in a name context and, below
    :data:`.layers.familiar.REVIEW_BELOW` lower-case uses, puts the rest in the review."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .layers.words import FILLERS, GREETINGS, KINSHIP, NOT_VOCATIVE, TITLE_WORDS

    if role_label(clean_name(name)) or is_email(name):
        return ()  # "BSL Interpreter", "Caernarfon self-advocacy group": a role or a group, nobody's name
    name = without_organisation(name)  # "Rhys Pritchard | Crisis Team Lead": the title makes no familiar forms
    bare, nicknames = written_nicknames(name)
    if nicknames:  # ``Thomas "Tosh" Brown``: the word forms of the name and of each name written in it
        return tuple(dict.fromkeys(w for form in (bare, *nicknames) for w in person_word_forms(form)))
    if surname:
        return _surname_word_forms(name)
    variants = {v.lower() for v in person_variants(name)}
    name = " ".join(drop_name_leads(name.split()))  # "our Declan" makes Declan's forms, never "our"'s
    # a relative's word made from the name ("nan" of Nancy) stays: grammar reads "my nan" as the word
    skip = (variants | FILLERS | (KINSHIP - set(_person_word_split(name)[1])) | set(TITLE_WORDS) | GENERIC_SPEAKERS
            | set(STOP_WORDS) | NOT_VOCATIVE | set(GREETINGS) | _OATHS)
    tokens = _name_tokens(name)
    listed = sorted(_kin_or_calendar(_nicknames_of(tokens[0].lower()))) if tokens else []
    return tuple(w for w in dict.fromkeys([*_person_word_split(name)[1], *listed])
                 if len(w) >= 2 and (w not in skip or w in listed))


GENERIC_TAILS = {"service", "services", "recovery", "centre", "center", "team", "project", "trust", "hospital",
                 "clinic", "unit", "practice", "surgery", "nhs", "foundation", "partnership", "hub", "group",
                 "pharmacy", "pharmacies", "chemist", "chemists", "infirmary", "medical", "health", "day", "care",
                 "home", "nursing", "residential", "school", "primary", "academy", "college", "nursery", "church",
                 "chapel", "mosque", "club", "cafe", "café", "shop", "stores", "ward", "district", "general",
                 "community", "memorial", "maternity", "neonatal", "masjid", "jamia", "jame", "gurdwara", "mandir"}
"""Kinds of place said after a name: "Hollins Pharmacy" is "Hollins" in speech, "the Oaks Care Home" "the Oaks",
"Hollybank Maternity Unit" "Hollybank", "the Wren Neonatal Unit" "the Wren", "Ashcombe Jamia Masjid" "the
Ashcombe mosque" or "the ashcombe one"."""
_JOINERS = {"and", "&", "of", "the", "for", "on", "upon", "in"}
GENERIC_LEADS = {"ysbyty", "canolfan", "meddygfa", "uned", "clinig", "gwasanaeth", "cartref", "tîm", "tim"}
"""Welsh names put the kind first ("Ysbyty Glan Ceri" is Glan Ceri Hospital): people say "Glan Ceri"."""


def plain_variants(surface: str) -> tuple[str, ...]:
    """Places and services: the surface, without a leading 'the', and its distinctive head.

    People say "Harbour" for "the Harbour Recovery Service", so the name minus its generic
    tail words is registered too.
    """
    forms = [surface.strip()]
    if surface.lower().startswith("the ") and not _the_word(surface):
        forms.append(surface[4:].strip())
    words = forms[-1].split()
    while len(words) > 1 and words[-1].lower() in GENERIC_TAILS and words[-2].lower() not in _JOINERS:
        words = words[:-1]  # "Elmfield and District" is the name, not "Elmfield and"
    while len(words) > 1 and words[0].lower() in GENERIC_LEADS:
        words = words[1:]
    head = " ".join(words)
    if head.lower() != forms[-1].lower() and len(head) >= 3 and head.lower() not in GENERIC_TAILS:
        forms.append(head)
    return tuple(dict.fromkeys(s for form in forms for s in place_spellings(form)))  # "Saint Brigids"


def _the_word(surface: str) -> bool:
    """ "the City", "the Royal", "the Ulster": a place a team writes as "the" and one everyday word (a hospital said
    so in Belfast). The word alone is no form of it: "city" in "the city centre" or "Royal" in "Royal Mail" is the
    word's, and "the City" itself is read where it is said (``layers.register``)."""
    from .layers.words import is_everyday

    words = surface.split()
    return len(words) == 2 and words[0].lower() == "the" and is_everyday(words[1].lower())


def split_alias(alias: str) -> tuple[str, str | None]:
    """``Alias@filestem`` is an alias valid in one transcript only; an e-mail address stays whole. The file's stem
    may hold spaces, as files are named ("P1@Long covid group Cowes FINAL"): before, such an alias was read as one
    name whose words ("covid", "group", "FINAL") were the person's. An "@" with a space beside it ("Sam @ the
    Hub") scopes nothing."""
    if "@" in alias and not is_email(alias):
        name, _, scope = alias.rpartition("@")
        if name and scope and not name[-1].isspace() and not scope[0].isspace():
            return name, scope
    return alias, None


_SURNAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor"})


def surname_of(name: str) -> str | None:
    """The surname a person's row writes: before the comma of "NANCE, Elowen", else the last of two or more
    names ("Elowen Nance"); None for one name, which may be a given name."""
    if _SURNAME_GIVEN.match(name):
        return name.split(",", 1)[0].strip() or None
    tokens = without_titles(name.split())
    return tokens[-1] if len(tokens) >= 2 else None


def said_as_surname(alias: str, full_name: str) -> bool:
    """An alias that is an honorific and the row's own surname ("Dr Nance" of "NANCE, Elowen", "Mrs Ho" of
    "Ho Wai Ling"): the word is the surname, so it takes no given name's familiar forms. "Nance" is also a
    given name, and read as one it gave the doctor "Nancy" and the kin word "nan", so "me nan" was an item of
    the doctor's; "Dr Sarah", a given name after the title, keeps its forms."""
    words = alias.split()
    surname = surname_of(full_name)
    return (len(words) == 2 and words[0].lower().rstrip(".") in _SURNAME_TITLES and surname is not None
            and words[1].casefold() == surname.casefold())


def from_key(key: ParticipantKey) -> list[RegisterItem]:
    """Register items for every speaker in the key; refuses duplicate labels or names."""
    problems: list[str] = []
    labels: dict[str, int] = {}
    names: dict[str, str] = {}
    items: list[RegisterItem] = []
    for i, e in enumerate(key.entries):
        if is_group(e.attributes):
            continue  # a group recorded without speaker labels: its name is its label or description, no person's
        if e.label in labels:
            problems.append(f"entry {i + 1}: label {e.label} is used twice (also entry {labels[e.label] + 1})")
        labels.setdefault(e.label, i)
        n = " ".join(e.name.lower().split())
        if n in names and names[n] != e.label:
            problems.append(f"entry {i + 1}: the name of {e.label} is also the name of {names[n]}")
        names.setdefault(n, e.label)
        # A provisional speaker's name is written with the file it was heard in ("pyotr@<file stem>",
        # "RESEARCHER@<file stem>"): read whole, every word of the file's name was a name everywhere. The name
        # alone is registered, and for every transcript, as a manifest's name is: the person a speaker is in one
        # file is spoken of by name in another. A role's label there ("RESEARCHER") is nobody's name.
        own, own_scope = split_alias(e.name)
        if not is_voice_code(own) and not (own_scope and role_label(clean_name(own))):  # "F1": a voice, no name
            items.append(RegisterItem(key=f"label:{e.label}", surface=own, category="person",
                                      placeholder=placeholder_for(own), variants=person_variants(own),
                                      label=e.label, word_forms=person_word_forms(own)))
        for alias in e.aliases:
            name, scope = split_alias(alias)
            if role_label(clean_name(name)) or is_voice_code(name):
                continue  # "BSL Interpreter", "M2": a role or a voice's code written to match a file's label
            name = device_owner(name)
            surname = said_as_surname(name, e.name)
            items.append(RegisterItem(key=f"label:{e.label}", surface=name, category="person",
                                      placeholder=placeholder_for(name), variants=person_variants(name, surname),
                                      scope=scope, label=e.label, word_forms=person_word_forms(name, surname)))
    if problems:
        raise ValidationFailed("participants key: duplicate labels or names", problems)
    return items


_DEVICE_NAME = re.compile(
    r"(?i)^(?P<owner>[^\W\d_][\w'’ .-]*?)['’]s\s+(?:i(?:phone|pad|mac)|macbook|mac|galaxy|pixel|android|surface|"
    r"chromebook|kindle|phone|mobile|laptop|tablet|computer|pc)(?:\s+[\w-]+){0,2}(?:\s*\(\d+\))?$")
"""A device's name as Zoom or Teams shows a speaker who joined from it ("Kirsty's iPad", "Dave's MacBook Pro",
"Priya's Galaxy S21 (2)"), written by a team as the speaker's alias so the file's label finds them."""


def device_owner(alias: str) -> str:
    """The owner's name in a device's name ("Kirsty's iPad" → "Kirsty"), or ``alias`` as written. Registered whole,
    the device became a name of the person: "I'm on the iPad" lost its iPad as "[name removed]". The file's label
    is still matched by the alias as written (the speaker map reads the manifest, not the register)."""
    m = _DEVICE_NAME.match(alias.strip())
    return m.group("owner").strip() if m else alias


_SURNAME_GIVEN = re.compile(r"^[^\W\d_][^,]*,\s*[^\W\d_][^,]*$")


def _a_doctor_written_as_gp(written: str, surface: str, aliases: list[str]) -> bool:
    """A register line of category "GP" that names a doctor, not the practice: its surface written as a person's
    ("NANCE, Elowen") or an alias with a doctor's title ("Dr Nance"). Teams write "GP" for both, and read as the
    practice, the doctor's name got "[GP practice name]" wherever said."""
    if " ".join(written.lower().split()) != "gp":
        return False
    return bool(_SURNAME_GIVEN.match(surface)) or any(
        a.split()[0].lower().rstrip(".") in {"dr", "doctor"} for a in aliases if len(a.split()) > 1)


REGISTER_COLUMNS = ("surface", "category", "placeholder", "aliases")
"""The register CSV's columns: ``surface`` and ``category`` first, then ``placeholder`` and ``aliases`` (the
names a team knows a person or place is also called, ';'-separated: "Gazza; Gaz") in either order."""


def _register_header(path: Path, header: list[str], raw: list[str]) -> dict[str, int]:
    if header[:2] != ["surface", "category"] or len(set(header)) != len(header) or not set(header) <= set(
            REGISTER_COLUMNS):
        raise CmoError(f"{path}:1: header must be 'surface,category[,placeholder][,aliases]', "
                       f"found {','.join(raw)!r}")
    return {name: i for i, name in enumerate(header)}


def split_aliases(cell: str) -> list[str]:
    """The ';'-separated aliases of a register line, spaces tidied, each once."""
    return list(dict.fromkeys(" ".join(a.split()) for a in cell.split(";") if a.strip()))


def load_register_csv(path: Path) -> list[RegisterItem]:
    """Read ``surface,category[,placeholder][,aliases]``; every bad line is reported with its number, and
    an alias that is another line's surface or alias (it would silently stand for the wrong person) is
    refused."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CmoError(f"cannot read register {path}: {exc.strerror}") from None
    if b"\x00" in raw:
        raise CmoError(f"{path}: not a text CSV file (binary content)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CmoError(f"{path}: not UTF-8 (byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text))
    try:
        rows = list(reader)
    except csv.Error as exc:  # a field past the csv module's limit (a line of megabytes), a stray NUL
        raise CmoError(f"{path}:{max(reader.line_num, 1)}: not a readable CSV line ({exc})") from None
    if not rows:
        raise CmoError(f"{path}: empty register (expected a header 'surface,category[,placeholder][,aliases]')")
    columns = _register_header(path, [h.strip().lower() for h in rows[0]], rows[0])
    problems: list[str] = []
    items: list[RegisterItem] = []
    seen: dict[str, int] = {}
    alias_lines: dict[str, tuple[int, str, str]] = {}  # alias (lower) → line, surface, alias as written
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 2 or len(row) > len(columns):
            problems.append(f"{path}:{lineno}: expected 2 to {len(columns)} columns, found {len(row)}")
            continue
        cell = {name: (row[i].strip() if i < len(row) else "") for name, i in columns.items()}
        surface, category = cell["surface"], category_of(cell["category"])
        placeholder = cell.get("placeholder") or None
        aliases = split_aliases(cell.get("aliases", ""))
        if _a_doctor_written_as_gp(cell["category"], surface, aliases):
            category = "person"
        if not surface:
            problems.append(f"{path}:{lineno}: empty surface")
            continue
        if category not in CATEGORIES:
            problems.append(f"{path}:{lineno}: unknown category {category!r}")
            continue
        if placeholder and not (placeholder.startswith("[") and placeholder.endswith("]")):
            problems.append(f"{path}:{lineno}: placeholder must be written in brackets, like [ward name]")
            continue
        k = surface.lower()
        if k in seen:
            problems.append(f"{path}:{lineno}: {surface!r} is registered twice (also line {seen[k]})")
            continue
        seen[k] = lineno
        for alias in aliases:
            earlier = alias_lines.setdefault(alias.lower(), (lineno, surface, alias))
            if earlier[0] != lineno:
                problems.append(f"{path}:{lineno}: alias {alias!r} of {surface!r} is also an alias of "
                                f"{earlier[1]!r} (line {earlier[0]}); an alias must stand for one person or place")
        variants = tuple(dict.fromkeys(v for form in (surface, *aliases) for v in (
            person_variants(form, said_as_surname(form, surface)) if category == "person" else plain_variants(form))))
        if not variants:
            problems.append(f"{path}:{lineno}: {surface!r} gives no name to look for (a person's line needs the "
                            "name as people say it, in letters)")
            continue
        word_forms = tuple(dict.fromkeys(w for form in (surface, *aliases)
                                         for w in person_word_forms(form, said_as_surname(form, surface))
                                         if w not in {v.lower() for v in variants})) if category == "person" else ()
        items.append(RegisterItem(key=f"register:{category}:{k}", surface=surface, category=category,
                                  placeholder=placeholder, variants=variants, word_forms=word_forms,
                                  aliases=tuple(aliases)))
    for low_alias, (lineno, owner, alias) in alias_lines.items():
        if low_alias in seen and seen[low_alias] != lineno:
            problems.append(f"{path}:{lineno}: alias {alias!r} of {owner!r} is the surface of line {seen[low_alias]}; "
                            "an alias must stand for one person or place")
    if problems:
        count = len(problems)
        if any("unknown category" in p for p in problems):  # the list once, not on every line
            problems.append(f"a category is one of {', '.join(CATEGORIES)}, or as teams write them: "
                            f"{', '.join(sorted(CATEGORY_ALIASES))}")
        raise ValidationFailed(f"register {path} has {count} problem(s)", problems)
    return items


def build_register(key: ParticipantKey, extra: list[RegisterItem], allow: set[str]) -> Register:
    """Merge key and register; a registered surface that is also allow-listed is a contradiction."""
    from .sitenames import site_items  # the key's named sites are registered places too

    items = [i for i in from_key(key) if not _kept_initials(i, allow)] + site_items(key, allow) + extra
    _refuse_shadowing_aliases(key, extra)
    clashes = sorted({i.surface for i in items if i.surface.lower() in allow})
    if clashes:
        raise ValidationFailed(
            "register entries collide with the allow-list (a phrase cannot be both redacted and kept)",
            [f"{c!r}: remove it from the register or from the allow-list" for c in clashes],
        )
    return Register(items)


_INITIALS = re.compile(r"[A-Z]{2,3}")


def _kept_initials(item: RegisterItem, allow: set[str]) -> bool:
    """A participant's alias that is initials written in capitals ("GP", "OT", "PC") and a word the allow-list
    keeps: a transcriber's turn label, matched to its speaker from the manifest, never how anyone is spoken of.
    Searched for in the text it collided with the allow-list and refused the whole anonymisation, even scoped to
    one file; searched for anyway it would take every "GP" and "OT" the study says. The shipped allow-list counts
    too, for the callers that build the register with none (review's and leakcheck's search for registered forms,
    where "my GP" was still found as her name and redacted with ``--accept-all``)."""
    return (item.key.startswith("label:") and bool(_INITIALS.fullmatch(item.surface))
            and (item.surface.lower() in allow or item.surface.lower() in _shipped_kept()))


@cache
def _shipped_kept() -> frozenset[str]:
    """The shipped allow-list, lower-cased (imported here: the allow-list's layer imports this module)."""
    from .layers.allowlist import default_allowlist

    return frozenset(a.lower() for a in default_allowlist())


def _refuse_shadowing_aliases(key: ParticipantKey, extra: list[RegisterItem]) -> None:
    """A register alias that is a participant's name or alias would make the participant's mentions stand
    for someone else (placeholder, label, numbering): refused, naming both."""
    known: dict[str, str] = {}
    for e in key.entries:
        for name in (e.name, *(split_alias(a)[0] for a in e.aliases)):
            known.setdefault(" ".join(clean_name(name).lower().split()), e.label)
    clashes = [f"register alias {alias!r} of {item.surface!r} is also participant {known[alias.lower()]}'s "
               "name or alias: remove it from one of them"
               for item in extra for alias in item.aliases if alias.lower() in known]
    if clashes:
        raise ValidationFailed("register aliases collide with the participants key", clashes)
