"""Typed placeholders in the style qualitative reports print: ``[name removed]``, ``my son [son's name]``.

A reader of a quote should still know what kind of thing was removed (a person, a ward,
a hospital) and, where the speaker said so, whose name it was. Placeholders already in a
text are recognised and never touched again, which is what makes anonymising idempotent.
"""

from __future__ import annotations

import re

from .place_kinds import a_district, a_hospital_by_its_short_name, a_person_named_place, a_street_by_its_head

PLACEHOLDER_RE = re.compile(r"\[[^\[\]\n]{1,60}\]")

RELATIONS = (
    "son", "daughter", "husband", "wife", "partner", "mum", "mother", "dad", "father", "brother", "sister",
    "nan", "nanna", "gran", "grandma", "grandad", "grandson", "granddaughter", "nephew", "niece", "cousin",
    "uncle", "aunt", "auntie", "boyfriend", "girlfriend", "fiance", "fiancee", "friend", "carer", "neighbour",
    "stepson", "stepdaughter", "stepdad", "stepmum", "child", "baby", "sibling", "ex", "mate", "colleague",
    "manager", "boss", "keyworker", "worker", "gp", "consultant", "counsellor", "therapist",
    # as Scottish and Northern English speech says them ("my pal Dougie", "her granny Isa")
    "pal", "hubby", "missus", "granny", "grandmother", "grandfather", "grandpa", "flatmate", "housemate",
)
_REL_BEFORE = re.compile(
    r"\b(?:my|his|her|their|our|your|the|me)\s+(?:little\s+|older\s+|younger\s+|eldest\s+|youngest\s+|best\s+|ex[- ]?)?"
    r"(" + "|".join(RELATIONS) + r")(?:[- ]in[- ]law)?\s*,?\s*$",
    re.IGNORECASE,
)

BY_CATEGORY = {
    "person": "[name removed]",
    "place": "[place name]",
    "city": "[city name]",
    "hospital": "[hospital name]",
    "ward": "[ward name]",
    "ward_number": "[ward number]",
    "unit_number": "[unit number]",
    "street": "[street name]",
    "trust": "[trust name]",
    "service": "[service name]",
    "practice": "[GP practice name]",
    "pharmacy": "[pharmacy name]",
    "pub": "[pub name]",
    "club": "[club name]",
    "day_centre": "[day centre name]",
    "care_home": "[care home name]",
    "shop": "[shop name]",
    "cafe": "[café name]",
    "estate": "[estate name]",
    "workplace": "[workplace name]",
    "church": "[church name]",
    "mosque": "[mosque name]",
    "gurdwara": "[gurdwara name]",
    "temple": "[temple name]",
    "synagogue": "[synagogue name]",
    "school": "[school name]",
    "substance_service": "[name of substance use service]",
    "org": "[organisation name]",
    "postcode": "[postcode]",
    "phone": "[phone number]",
    "email": "[email address]",
    "nhs_number": "[NHS number]",
    "dob": "[date of birth]",
    "date": "[date]",
    "hospital_number": "[hospital number]",
    "national_insurance": "[national insurance number]",
    "car_registration": "[car registration]",
    "handle": "[handle]",
    "call_sign": "[call sign]",
    "house_number": "[house number]",
    "bank": "[bank details]",
    "other": "[removed]",
}

HEALTH_BOARD = "[health board name]"
ICB = "[ICB name]"
CCG = "[CCG name]"

_ICB_TAIL = re.compile(r"(?i)(?:\bic[bs]|integrated\s+care\s+(?:board|system|partnership))$")
_CCG_TAIL = re.compile(r"(?i)(?:\bccg|clinical\s+commissioning\s+group)$")
_BOARD = re.compile(r"(?i)^(?:the\s+)?nhs\s|(?:\bboard|\buhb|\blhb)$")


def area_body_placeholder(surface: str) -> str | None:
    """The placeholder of a public body named for the area it covers, by the kind its own words say: a
    territorial health board ("NHS Tayside", "the Hywel Dda UHB", "Betsi Cadwaladr") is "[health board name]",
    an integrated care board or system "[ICB name]", a clinical commissioning group "[CCG name]". The privacy
    notes remove such a body whole (its name says the site); a reader still needs to know which kind of body
    acted, where "[trust name]" told them a hospital trust did. None for a trust, and for anything else."""
    words = " ".join(surface.replace("’s", "").replace("'s", "").split())
    if _ICB_TAIL.search(words):
        return ICB
    if _CCG_TAIL.search(words):
        return CCG
    if _BOARD.search(words):
        return HEALTH_BOARD
    from .layers.health_boards import welsh_board_alone

    return HEALTH_BOARD if welsh_board_alone(words) else None


AREA = "[area name]"
"""A district or part of a city ("Splott", "Grangetown"): a place smaller than a town, said as where someone lives."""

PLACES_NAMED_AS_PEOPLE = frozenset({
    "florence", "paris", "sydney", "austin", "chelsea", "georgia", "adelaide", "victoria", "lincoln", "jackson",
    "madison", "phoenix", "savannah", "charlotte", "regina", "florida", "india", "kenya", "jordan", "israel",
    "asia", "africa", "america", "china", "chad", "dallas", "denver", "houston", "vienna", "siena", "valencia",
    "verona", "lourdes", "milan", "jersey", "holland", "brooklyn", "carolina", "virginia", "dakota", "montana",
    "cheyenne", "nevada", "ireland", "tyrone", "kerry", "derry", "antrim", "chester", "preston", "kendal",
    "darwin", "orlando", "memphis", "cairo", "alexandria", "kingston",
})
"""Given names that are also places people go to or come from (cities, countries, counties, towns): after
"to", "in", "from" the model's city reading of one stands. Any other given name is a person whatever the
preposition before it ("got it from Shaz", "down to Dezza")."""

DIRECT_IDENTIFIERS = frozenset({"dob", "date", "phone", "email", "nhs_number", "hospital_number", "national_insurance",
                                "car_registration", "postcode", "handle", "house_number", "bank", "call_sign"})
"""Categories that name one person by a number, a date or an address, never by a public name: a month in
"born third of March" or a word in "dean dot smith at gmail dot com" is no public phrase to keep. A full date
("the 3rd of March 2020") is one too, birth or not (see :mod:`.layers.said_full_dates`)."""

_OWNER = re.compile(r"['’]s$")
_SUBSTANCE = re.compile(r"drug|alcohol|substance|recovery|addiction|detox|rehab", re.IGNORECASE)


_HEAD_WORDS = {"side room": "side room", "room": "room", "ward": "ward", "wd": "ward", "bay": "bay", "bed": "bed",
               "cell": "cell", "pod": "pod", "landing": "landing", "spur": "spur", "houseblock": "houseblock",
               "house block": "houseblock", "wing": "wing", "block": "block", "level": "level"}
_HEAD_IN = re.compile(r"(?i)(?<![\w'’-])(side\s+room|house\s?block|room|ward|wd|bay|bed|cell|pod|landing|spur|wing|"
                      r"block|level)(?![\w'’-])")
"""Head words of a numbered unit (:mod:`.layers.said_units`), and the word each is named by in its placeholder."""


_NUMBER_IN = re.compile(r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
                        r"thirty|forty|fifty|sixty|seventy|eighty|ninety)\b")


def unit_placeholder(surface: str) -> str | None:
    """ "[bay number]", "[bay and bed number]", "[wing name]" for a removed unit phrase; None where the surface
    holds no head word (a ward's number alone, as older decisions kept it)."""
    heads: list[str] = []
    for m in _HEAD_IN.finditer(surface):
        head = _HEAD_WORDS[" ".join(m.group(1).lower().split())]
        if head not in heads:
            heads.append(head)
    if not heads:
        return None
    named = heads == ["wing"] or heads == ["block"]
    if named and not _NUMBER_IN.search(surface):
        return f"[{heads[0]} name]"  # "B wing": a letter names it
    return "[" + " and ".join(heads) + " number]"


_GONE_TO_THE = re.compile(r"(?i)(?:^|[^\w'’])(?:down|up|over|round|across|along|to|in|into|at|from|near|by|past|"
                          r"outside|behind|opposite)\s+the\s+$")
"""A word of going or of being somewhere, then "the", right before a removed word: "down the Heath", "in the
Grange", "up the Royal": a place or a building called by its name, as a valleys hospital or a district is."""


def said_as_a_place(text: str, start: int, surface: str) -> bool:
    """Whether a one-word name removed as a person is said where only a place stands ("we send people down the
    Heath"): people are not gone "down the" or found "in the" by a given name, so the placeholder says a place,
    and an analyst reading "down the [place name]" is not sent looking for a person. The word goes either way;
    only what stands in its place changes."""
    return len(surface.split()) == 1 and _GONE_TO_THE.search(text[max(0, start - 30):start]) is not None


_LIVED_ON_THE = re.compile(r"(?i)(?:^|[^\w'’])(?:on|along|off)\s+the\s+$")
"""Where a street or a seafront stands: "a flat on the Esplanade", "along the Parade", "just off the Strand"."""

_BUILDINGS = frozenset({"practice", "pharmacy", "pub", "club", "day_centre", "care_home", "shop", "cafe",
                        "workplace", "church", "mosque", "gurdwara", "temple", "synagogue", "school", "hospital",
                        "service", "substance_service", "org", "trust"})
"""Kinds of building or body whose registered name's first word may also name the street it stands on."""


def a_buildings_word_said_as_a_street(category: str, text: str, start: int, surface: str) -> bool:
    """Whether one word of a registered building's or body's name ("Esplanade" of the registered "Esplanade
    Surgery") is said where a street stands ("a flat on the Esplanade in Ryde"): the word goes, and its placeholder
    says a street, not "a flat on the [GP practice name]", which sends a reader looking for a surgery."""
    return (category in _BUILDINGS and len(surface.split()) == 1
            and _LIVED_ON_THE.search(text[max(0, start - 20):start]) is not None)


def relation_before(text: str, start: int) -> str | None:
    """``my son Daniel``: the relation word right before ``start``, lower-cased, else None."""
    m = _REL_BEFORE.search(text[max(0, start - 40) : start])
    if not m:
        return None
    word = m.group(1).lower()
    return "GP" if word == "gp" else word


def placeholder_for(category: str, surface: str, text: str, start: int, number: int | None = None,
                    chosen: bool = False) -> str:
    """The placeholder for one redaction; ``number`` gives ``[name 3]`` for a person in numbered mode. ``chosen``:
    a reviewer or the register gave the category, so a street's head does not overrule it."""
    if not chosen and a_street_by_its_head(category, surface):
        return BY_CATEGORY["street"]
    if category == "person":
        whose = _OWNER.search(surface)  # "round to Bev's": someone's home; the "'s" stays to say so
        tail = whose.group(0) if whose else ""
        if number is not None:
            return f"[name {number}]{tail}"
        rel = relation_before(text, start)
        if rel:
            return f"[{rel}'s name]{tail}"
        if not tail and said_as_a_place(text, start, surface) and a_hospital_by_its_short_name(text, start, surface):
            return BY_CATEGORY["hospital"]
        if not tail and (said_as_a_place(text, start, surface) or a_person_named_place(text, start, surface)):
            return BY_CATEGORY["place"]
        return BY_CATEGORY["person"] + tail
    if category == "city" and a_district(surface):
        return AREA
    if category == "trust":
        return area_body_placeholder(surface) or BY_CATEGORY["trust"]
    if category == "place" and a_hospital_by_its_short_name(text, start, surface):
        return BY_CATEGORY["hospital"]
    if category in {"ward_number", "unit_number"}:
        return unit_placeholder(surface) or BY_CATEGORY[category]
    if category == "service" and _SUBSTANCE.search(surface):
        return BY_CATEGORY["substance_service"]
    return BY_CATEGORY.get(category, BY_CATEGORY["other"])


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where placeholders already stand in ``text``; nothing inside them is ever redacted."""
    return [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
