"""A team's own word for a kind of person or place, read by the word that names the kind.

Every new study's register brought categories no list held ("café owner", "shed member", "pharmacy technician",
"prisoner", "fell", "wing"), and each was refused line by line until someone added the word. Most of them name a
person by a job or a part in a group, and English says so in the word's last part: an agent noun of a trade
("pharmacist", "technician", "optician") or a head noun that is only ever a person ("owner", "member", "leader",
"prisoner"). The places are the land a farm or a walk names (a fell, a valley), a prison's parts and a prison
itself. A word that could be either (a "cleaner" is a person, a "shelter" a place) is listed by hand, never guessed
from its ending alone; a word no rule reads is still refused with the list, as before.
"""

from __future__ import annotations

from ..model.vocab import is_trade

#: Last words that only ever name a person: a role in a group, a trade, a place in a family business or a prison.
PERSON_HEADS = frozenset({
    "owner", "member", "organiser", "organizer", "leader", "keeper", "farmer", "prisoner", "inmate", "offender",
    "contractor", "labourer", "laborer", "picker", "packer", "colleague", "boss", "supervisor", "coordinator",
    "co-ordinator", "assistant", "apprentice", "landlord", "landlady", "lodger", "employee", "trainee", "student",
    "pupil", "teacher", "tutor", "coach", "cleaner", "cook", "chef", "shopkeeper", "physio", "prescriber",
    "navigator", "connector", "champion", "counsellor", "counselor", "administrator", "secretary", "fisherman",
    "shepherd", "gamekeeper", "lad", "lass", "fella", "man", "woman", "boy", "girl", "walker", "runner", "guest",
    "visitor", "caller", "buddy", "listener", "mate",
    # who a domestic abuse service's register names: the survivor, the man she names, the widow a lost boat left,
    # and the service's workers by the letters every such service uses for them (an IDVA, an ISVA, an IRIS
    # advocate); a register lists them so that they go, and "the IDVA" in speech is a job, never a name
    "survivor", "victim", "perpetrator", "abuser", "ex-partner", "ex", "ex-husband", "ex-wife", "widow", "widower",
    "stepfather", "stepmother", "stepdad", "stepmum", "idva", "isva", "crewman", "deckhand", "skipper",
    # a coalfield's men by their work, a person a suicide left (written "deceased" by a team), a man on the streets,
    # and the family by marriage a bereaved family's register names
    "miner", "ex-miner", "collier", "pitman", "deceased", "bereaved", "sleeper", "son-in-law", "daughter-in-law",
    "mother-in-law", "father-in-law", "brother-in-law", "sister-in-law",
})
#: Last words that name a place of land or of a prison, and the category each stands for.
PLACE_HEADS = {
    "fell": "place", "fells": "place", "mountain": "place", "hill": "place", "valley": "place", "moor": "place",
    "lake": "place", "tarn": "place", "river": "place", "beach": "place", "wood": "place", "forest": "place",
    "prison": "place", "jail": "place", "gaol": "place", "wing": "ward", "landing": "ward", "block": "ward",
    "shopping centre": "place", "retail park": "place", "industrial estate": "estate", "gangmaster": "workplace",
    "labour provider": "workplace", "shed": "service", "men's shed": "service",
    # where a survivor is housed and a fisherman works: a refuge is a service whose address is the most
    # dangerous thing a transcript can hold; a boat has a port and a crew of three, as a ship has its crew;
    # a takeaway and a restaurant are a family's shop
    "refuge": "service", "safe house": "service", "boat": "workplace", "vessel": "workplace",
    "trawler": "workplace", "fishing boat": "workplace", "yacht": "workplace", "takeaway": "shop",
    "restaurant": "cafe",
    # a pit has a village and a few hundred men; a bookmaker's shop and an arcade are a high street's, known by
    # a local name
    "colliery": "workplace", "pit": "workplace", "coal mine": "workplace", "mine": "workplace",
    "bookmaker": "shop", "bookmakers": "shop", "bookmaker's": "shop", "bookies": "shop", "betting shop": "shop",
    "arcade": "shop", "amusement arcade": "shop",
    # a works known by its trade: the Potteries' potbanks, a port's yards, a town's foundry or brewery; like a pit,
    # each had a few hundred hands from the streets round it
    "potbank": "workplace", "pot bank": "workplace", "pottery": "workplace", "dockyard": "workplace",
    "shipyard": "workplace", "boatyard": "workplace", "foundry": "workplace", "steelworks": "workplace",
    "ironworks": "workplace", "brickworks": "workplace", "brewery": "workplace", "quarry": "workplace",
}


def head_category(category: str) -> str | None:
    """The category a team's phrase stands for by its last word (or last two), or None where no rule reads it.

    ``category`` is lower-cased and single-spaced."""
    words = category.split(" ")
    for n in range(len(words)):  # the longest kind at the end first: "men's shed" before "shed"
        head = " ".join(words[n:])
        if head in PLACE_HEADS:
            return PLACE_HEADS[head]
    last = words[-1]
    if last in PERSON_HEADS or is_trade(last):  # no kind of place ends as a trade's agent noun does
        return "person"
    return None
