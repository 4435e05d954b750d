"""Pubs and clubs: "down the red lion", "the fitzroy arms", "a pint in the nag's head", "the beck social club".

A participant's local pub places them within a street or two, and in a village names it. Pub names
follow few patterns, which a recogniser writes in lower case as it writes anything:

* a name and a pub head: "the X arms / inn / tavern / vaults / hotel / alehouse" ("the fitzroy arms",
  "the miners arms", "the railway inn"), and local clubs: "the X social club / working men's club /
  labour club / con club / british legion / miners welfare";
* the traditional names, which are everyday words: a colour and a beast or an emblem ("the red
  lion", "the white hart", "the black bull"), a head ("the kings head", "the nag's head"), a pair
  ("the rose and crown", "the fox and hounds", "the coach and horses"), an emblem alone ("the crown",
  "the plough", "the swan");
* any name after words only a pub takes: "a pint in the X", "quiz at the X", "landlord of the X",
  "the X pub".

The commonest names come from the two surveys Wikipedia's "Pub names" cites (British Beer and Pub
Association and CAMRA, 2007: Red Lion, Royal Oak, White Hart, Rose and Crown, Kings Head, Kings Arms,
Queens Head, Crown, Swan, Railway, Plough, White Horse, Bell, New Inn), and the patterns from the same
article (heraldic colours and beasts, trades' arms, pairs). Names of several words that nothing but a
pub is called (:data:`PUB_NAMES`) need only their article; one-word emblems and the names that are
also phrases ("the rising sun", "the black dog", "the crown") need a word of drinking near them.

Chains that are brands everywhere ("Wetherspoons", "Harvester", "Toby Carvery", "Slug and Lettuce",
"Premier Inn") identify nobody: they are public names and stay (:data:`PUB_BRANDS`).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .naming import KIND_WORDS, naming_word, norm_word, proper_word, said_words

PUB_NAMES = frozenset({
    "red lion", "royal oak", "white hart", "rose and crown", "kings head", "king's head", "kings arms", "king's arms",
    "queens head", "queen's head", "queens arms", "new inn", "white lion", "golden lion", "black lion", "red cow",
    "black bull", "white bull", "fox and hounds", "coach and horses", "george and dragon", "nags head", "nag's head",
    "three horseshoes", "cross keys", "dog and duck", "horse and groom", "hare and hounds", "lamb and flag",
    "wagon and horses", "waggon and horses", "boars head", "boar's head", "saracens head", "saracen's head",
    "turks head", "turk's head", "marquis of granby", "blue boar", "bay horse", "barley mow", "three tuns",
    "travellers rest", "traveller's rest", "jolly sailor", "jolly farmer", "eight bells", "spread eagle",
    "white swan", "black swan", "white bear", "blue bell", "plough and harrow", "bell and anchor", "crown and anchor",
    "shoulder of mutton", "pack horse", "packhorse", "wheatsheaf", "woolpack", "old bell", "blue anchor",
    "bull and butcher", "cat and fiddle", "bat and ball", "fleece", "three crowns", "two brewers", "royal standard",
    "grey horse", "white heart", "green dragon", "red house", "black horse", "white horse", "green man", "rising sun",
    "half moon", "prince of wales", "duke of wellington", "duke of york", "masons arms", "miners arms",
    "farmers arms", "bricklayers arms", "carpenters arms", "butchers arms", "blacksmiths arms", "gardeners arms",
    "railway inn", "railway tavern", "station hotel", "royal hotel", "crown inn", "swan inn", "plough inn",
    "ship inn", "star inn", "bell inn", "black dog", "red lion inn",
})
"""The commonest UK pub names (module doc), as said; "X arms" and "X inn" are caught by their head too."""
_NEED_CUE = frozenset({"rising sun", "half moon", "black dog", "green man", "white horse", "black horse",
                       "prince of wales", "duke of york", "duke of wellington", "red house", "fleece",
                       "royal standard", "green dragon", "blue bell"})
"""Listed names that are also phrases, figures or badges ("land of the rising sun", "the black dog" of
depression, "the prince of wales"): a pub only with a word of drinking near."""
PUB_EMBLEMS = frozenset({
    "crown", "swan", "plough", "bell", "ship", "bull", "fox", "star", "anchor", "globe", "victoria", "angel",
    "george", "chequers", "feathers", "mitre", "greyhound", "railway", "lamb", "albion", "volunteer", "grapes",
    "vine", "eagle", "falcon", "unicorn", "castle", "mermaid", "harp", "stag", "hind", "cock", "pheasant",
    "woolpack", "wheatsheaf", "beehive", "compasses", "sun", "moon", "roebuck", "buck", "hare", "ram", "talbot",
    "sloop", "lighthouse", "windmill", "oak", "elms", "cricketers", "navigation", "canal", "junction",
    "locomotive", "engine", "tram", "coach", "wagon", "bridge", "ferry", "boat", "crossways",
})
"""One-word names of pubs (emblems, beasts, trades' signs); everyday words, so a pub only beside drink."""
_COLOURS = ("red", "white", "black", "golden", "gold", "blue", "green", "grey", "silver", "old", "royal", "jolly",
            "three", "two", "four", "five", "seven", "eight", "nine", "twelve", "dun", "bay", "brown", "spotted",
            "pied", "speckled", "flying", "fighting", "laughing", "merry", "yellow", "little", "noble", "ancient")
_BEASTS = frozenset({"lion", "hart", "horse", "bull", "swan", "boar", "bear", "cow", "dragon", "eagle", "hind", "stag",
                     "lamb", "cock", "bell", "bells", "anchor", "cross", "oak", "heart", "dog", "cat", "fox",
                     "horseshoes", "crowns", "tuns", "kings", "keys", "cups", "pigeons", "swans", "magpies",
                     "crown", "ship", "tree", "post", "gate", "sailor", "farmer", "falcon", "griffin", "unicorn",
                     "ram", "talbot", "greyhound", "pheasant", "partridge", "hound", "hounds", "star", "feathers",
                     "mariners", "sailors", "fishermen", "jockey", "huntsman", "friar", "monk", "nun", "abbot",
                     "fleece", "boy", "barrel", "grapes", "bull's", "rock"})
"""Second words of "colour/number + beast or emblem" names ("the white hart", "the three horseshoes")."""
_PAIR_WORDS = frozenset({"rose", "crown", "fox", "hounds", "coach", "horses", "dog", "duck", "horse", "groom", "hare",
                         "lamb", "flag", "cat", "fiddle", "bat", "ball", "bell", "anchor", "plough", "harrow",
                         "george", "dragon", "wagon", "waggon", "pheasant", "partridge", "hawk", "buck", "bull",
                         "butcher", "castle", "ship", "shovel", "pig", "whistle", "goat", "compasses", "sceptre",
                         "cushion", "mitre", "keys", "sun", "moon", "stars", "feathers", "hope", "boot",
                         "slipper", "hen", "chickens", "stag", "hunter", "hunters", "gate", "gun", "drum", "monkey",
                         "pelican", "cross", "bear", "ragged", "staff", "punchbowl", "punch", "bowl", "jug", "bottle",
                         "barrel", "tun", "grapes", "vine", "oak", "ivy", "thistle", "shamrock", "leek"})
_TRADES = frozenset({"miners", "masons", "bricklayers", "carpenters", "farmers", "gardeners", "butchers", "bakers",
                     "blacksmiths", "weavers", "foresters", "fishermen's", "fishermans", "sailors", "drovers",
                     "shepherds", "ploughmen", "coopers", "joiners", "plasterers", "painters", "wheelwrights",
                     "colliers", "boilermakers", "railwaymen", "engineers", "cricketers", "bowlers", "anglers",
                     "huntsman", "hunters", "volunteers", "oddfellows", "freemasons", "lifeboat", "waggoners",
                     "brewers", "maltsters", "millers", "tanners", "saddlers", "smiths", "shipwrights", "dyers",
                     "kings", "queens", "dukes", "duke", "earl", "earls", "lord", "lords", "bishops", "bishop",
                     "prince", "princes", "marquis", "squires", "squire", "travellers", "carters", "ferrymen",
                     "railway", "station", "canal", "bridge", "market", "new", "old", "royal", "feathers", "crown",
                     "swan", "plough", "bell", "ship", "star", "anchor", "globe", "angel", "george", "victoria",
                     "albert", "wellington", "nelson", "marlborough", "white", "black", "red", "golden"})
"""Words before "arms" / "inn" that are no proper name but name a pub ("the miners arms", "the new inn")."""
_SIGN_ANIMALS = frozenset({
    "badger", "badgers", "otter", "otters", "trout", "salmon", "pike", "heron", "kingfisher", "owl", "owls", "wren",
    "robin", "magpie", "crow", "crows", "raven", "rook", "rooks", "peacock", "pigeon", "dove", "doves", "goose",
    "geese", "gander", "drake", "duck", "ducks", "hen", "hens", "cockerel", "partridge", "pheasant", "grouse",
    "hound", "hounds", "hare", "hares", "rabbit", "ferret", "weasel", "stoat", "squirrel", "hedgehog", "mole",
    "wolf", "wolves", "bear", "bears", "lion", "lions", "tiger", "elephant", "camel", "dolphin", "whale", "seal",
    "pig", "piglet", "ox", "oxen", "bull", "cow", "calf", "goat", "kid", "sheep", "ram", "ewe", "lamb", "horse",
    "horses", "mare", "pony", "donkey", "mule", "stag", "hind", "hart", "deer", "fox", "foxes", "cat", "dog",
    "dogs", "kestrel", "hawk", "falcon", "eagle", "swan", "swans", "gull", "lark", "thrush", "blackbird",
    "nightingale", "sparrow", "woodpecker", "pelican", "griffin", "dragon", "unicorn", "mermaid", "wyvern",
    "anchor", "barrel", "bottle", "jug", "tankard", "tun", "bell", "bells", "crown", "mitre", "key", "keys",
    "compass", "plough", "harrow", "sickle", "scythe", "spade", "axe", "hammer", "anvil", "wheel", "cart",
    "wagon", "coach", "boot", "slipper", "hat", "feather", "feathers", "thistle", "rose", "oak", "acorn", "holly",
    "ivy", "vine", "grapes", "wheatsheaf", "sheaf", "star", "sun", "moon", "castle", "tower", "mill", "ship",
    "boat", "oar", "ferry", "drum", "fiddle", "harp", "horn", "bugle", "pipe", "pipes", "flag", "shield",
    "sword", "gun", "arrow", "bow", "ball", "bat", "hoop", "kettle", "pan", "pot", "teapot", "cup", "cups",
})
"""Beasts, birds and tools that hang on a pub's sign, written for the project from the sign-naming patterns of
Wikipedia's "Pub names" (pairs of beasts and things: "the fox and badger", "the otter and trout"). Two of
them joined by "and" after "the" are a pub only where drinking is said near or a word of place comes before
("drank at the fox and badger"), not "the hunter and the fox"."""
_SIGN_WORDS = _SIGN_ANIMALS | _PAIR_WORDS | _BEASTS | PUB_EMBLEMS
PUB_BRANDS = frozenset({"wetherspoons", "wetherspoon", "wetherspoon's", "spoons", "harvester", "toby carvery",
                        "slug and lettuce", "premier inn", "holiday inn", "travelodge", "beefeater", "brewers fayre",
                        "hungry horse", "all bar one", "yates", "yates's", "o'neills", "walkabout", "revolution",
                        "vintage inns", "greene king", "marston's", "sam smith's", "sam smiths", "be at one",
                        "nicholson's", "nicholsons", "ember inns", "chef and brewer", "crown carveries",
                        "marriott", "hilton", "hyatt", "sheraton", "radisson", "novotel", "ibis", "ritz", "savoy",
                        "intercontinental", "westin", "best western", "crowne plaza", "doubletree", "hampton inn",
                        "comfort inn", "days inn", "red roof inn", "mercure", "malmaison", "hotel du vin",
                        "stonehouse pizza and carvery", "miller and carter", "browns", "frankie and benny's"})
"""Pub and hotel chains known everywhere: public names, never removed (module doc)."""

_HEADS = (r"arms|inn|tavern|vaults|hotel|alehouse|ale\s+house|free\s+house|brewery\s+tap|taphouse|tap\s+house|"
          r"social\s+club|working\s+men'?s\s+club|workingmen'?s\s+club|working\s+mens\s+club|wmc|labour\s+club|"
          r"con\s+club|cons\s+club|conservative\s+club|liberal\s+club|british\s+legion|legion|miners'?\s+welfare|"
          r"welfare\s+club|sports\s+and\s+social(?:\s+club)?|ex-?servicemen'?s\s+club|comrades\s+club|snooker\s+(?:hall|club)|"
          r"social(?![\w'’-]|\s+(?:work|workers?|services?|care|housing|media|security|life|skills|class|"
          r"distanc\w*|isolation|anxiety|prescrib\w*|side|enterprise|mobility|worker's|workers'))|rest|pub|bar")
_HEAD_WORDS = frozenset({"arms", "inn", "tavern", "vaults", "hotel", "alehouse", "house", "tap", "taphouse", "club",
                         "wmc", "legion", "welfare", "social", "pub", "bar", "hall", "rest"})
_CLUB = re.compile(r"(?i)club|legion|welfare|social|wmc|snooker")
_WORD = r"[^\W\d_][\w'’]*"
_HEADED = re.compile(r"(?i)\b(the|at|in|down|from|to|behind)\s+((?:" + _WORD + r"\s+){0,2}" + _WORD + r")\s+(" + _HEADS
                     + r")\b")
_LISTED = re.compile(r"(?i)\bthe\s+(?=((?:" + _WORD + r"\s+){0,3}" + _WORD + r"))")
"""After each "the", up to four words (a lookahead, so "landlord of the black bull" is read at both "the"s)."""
_DRINK = re.compile(r"(?i)\b(?:pints?|pub|pubs|boozer|a\s+drink|for\s+drinks|drinking|drank|"
                    r"(?:drink|drinks)\s+(?:at|in|down|up)|bevvy|bevvies|landlord|landlady|barman|barmaid|"
                    r"bar\s+staff|behind\s+the\s+bar|quiz|darts|pool\s+(?:table|team|league)|dominoes|karaoke|"
                    r"lock-?in|last\s+orders|our\s+local|my\s+local|his\s+local|her\s+local|their\s+local|"
                    r"the\s+local|pissed|jukebox|beer\s+garden|tap\s+room|taproom|lounge\s+bar|the\s+snug|"
                    r"happy\s+hour|round\s+of\s+drinks|on\s+the\s+lash)\b")
"""Words of going to the pub; not "drinks" or "beer" alone, which beverage firms' calls are full of."""
_PUB_CUE = re.compile(r"(?i)\b(?:(?:pints?|drinks?|drinking|drank|a\s+drink|a\s+half|quiz(?:\s+night)?|darts|karaoke|"
                      r"lock-?in|pool|dinner|lunch)\s+(?:at|in|down|up|round)|(?:landlord|landlady|barman|barmaid|"
                      r"manager|regulars?)\s+(?:of|at|in|down)|(?:our|my|his|her|their)\s+local\s+(?:was|is|were)|"
                      r"pub\s+called|(?:worked|working|works)\s+behind\s+the\s+bar\s+(?:at|of|in)|"
                      r"(?:barred|banned|kicked\s+out)\s+(?:from|of))\s+$")
_TAIL_STOP = frozenset({"pub", "inn", "for", "and", "on", "in", "at", "with", "every", "near", "by", "last",
                        "that", "which", "where", "when", "was", "is", "had", "has", "we", "i", "he", "she", "they",
                        "you", "it", "then", "but", "or", "so", "because", "cos", "til", "till", "until", "after",
                        "before", "to", "most", "a", "the", "like", "all", "there", "round", "down", "up", "did",
                        "does", "do", "were", "are", "used", "shut", "closed", "closes", "opened", "got", "went",
                        "would", "will", "could", "became", "now", "again", "as", "nearly", "yeah", "um", "er", "erm",
                        "uh", "right", "though", "anyway", "since", "if", "what", "who", "you'd", "we'd", "i'd", "he'd",
                        "she'd", "they'd", "not", "never", "always",
                        "about", "over", "off", "from", "each", "this", "too", "instead", "mostly"})


_LISTED_WORDS = frozenset(w for name in PUB_NAMES for w in name.split()) | PUB_EMBLEMS
"""Words of any listed name or emblem: a turn holding none names no listed pub."""
_SAID_GATE = _LISTED_WORDS | _SIGN_ANIMALS
"""A turn holding none of these names no listed pub and no pair of signs."""


_DRINK_WINDOW = 120
"""Characters either side of a pub's name a word of drinking may stand in: a sentence or two of speech."""


def _drink_near(text: str, start: int, end: int) -> bool:
    return bool(_DRINK.search(text[max(0, start - _DRINK_WINDOW) : min(len(text), end + _DRINK_WINDOW)]))


def _name_words(words: list[str], head: str, caseless: bool) -> int:
    """How many of the words before a pub head name the pub (0: none; "the big pub", "a wine bar")."""
    lows = [norm_word(w) for w in words]
    if not lows or lows[-1] in KIND_WORDS - {"royal", "new", "old"}:
        return 0
    if head == "rest":  # "the ploughmans rest", "the travellers rest"; never "the weekend rest"
        return 1 if lows[-1] in _RESTERS else 0
    # "the park hotel", "the village pub", "the church social": kinds as often as names
    weak_head = head in {"hotel", "pub", "bar", "social", "snooker hall", "snooker club"}
    for n in (3, 2):  # "the rose and crown inn", "the red lion pub"
        if len(lows) >= n and " ".join(lows[-n:]) in PUB_NAMES:
            return n
    if not weak_head and lows[-1] in _TRADES:
        return 1  # "the miners arms", "the new inn"
    if not weak_head and _sign_word(lows[-1]):
        return 1  # "the kestrel arms", "the anchor inn": before "arms" or "inn" any noun is a sign
    if head == "pub" and lows[-1] in PUB_EMBLEMS:
        return 1  # "the plough pub"
    if not naming_word(words[-1], caseless) or (weak_head and not proper_word(words[-1], caseless)
                                                 and lows[-1] not in {"station", "railway", "royal"}):
        return 0  # a hotel, bar or club by a naming noun alone is a kind ("the park hotel" stays open)
    if len(words) >= 2 and naming_word(words[-2], caseless) and lows[-2] not in KIND_WORDS:
        return 2
    return 1


_RESTERS = frozenset({"ploughmans", "ploughman's", "travellers", "traveller's", "drovers", "drover's", "pilgrims",
                      "pilgrim's", "sailors", "sailor's", "miners", "shepherds", "shepherd's", "woodmans", "woodman's",
                      "sportsmans", "sportsman's", "farmers", "farmer's", "anglers", "angler's", "cyclists",
                      "walkers", "hikers", "carters", "bargemans", "bargeman's", "boatmans", "boatman's", "keelmans",
                      "waggoners", "colliers", "quarrymans", "quarryman's", "huntsmans", "huntsman's", "wayfarers"})
"""Who rests at a "... rest" pub ("the travellers rest", "the ploughmans rest")."""

_NOT_SIGNS = frozenset({"open", "strong", "warm", "loving", "bare", "both", "two", "tired", "weak", "little", "big",
                        "long", "short", "thin", "fat", "baby's", "mum's", "dad's", "own", "other", "same", "coat",
                        "fire", "small", "nuclear", "chemical", "conventional", "heavy", "light", "side", "broken"})
"""Words before "arms" that say whose or what arms ("with open arms", "the nuclear arms"), not a pub's sign."""


def _sign_word(low: str) -> bool:
    """A noun that can be a pub's sign before "arms" or "inn" ("kestrel", "anchor"), not an adjective or
    a participle ("open", "folded", "outstretched")."""
    return (len(low) >= 3 and low.isalpha() and low not in STOP_WORDS and low not in KIND_WORDS
            and low not in _NOT_SIGNS and not low.endswith(("ed", "ing", "ful", "ous", "ive", "less", "est", "ly")))


def pub_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Spans of pubs ("pub") and local clubs ("club") named in ``text`` (module doc); the article stays out."""
    out: list[tuple[int, int, str]] = []
    low_text = text.lower()
    said = said_words(text)
    if "the" not in said and not said & _HEAD_WORDS:
        return out
    for m in _HEADED.finditer(text) if said & _HEAD_WORDS else ():
        head = " ".join(m.group(3).lower().split())
        if head == "bar" and m.group(1).lower() != "the":
            continue
        words = m.group(2).split()
        n = _name_words(words, head, caseless)
        if not n:
            continue
        start = m.start(2) + m.group(2).rfind(" ".join(words[-n:]))
        end = m.end(3) if head not in {"pub", "bar"} else m.end(2)
        if not caseless and not all(w[:1].isupper() or w.lower() in {"and", "of"}
                                    for w in text[start:m.end(2)].split()):
            continue
        surface = " ".join(low_text[start:end].split())
        if surface in PUB_BRANDS or " ".join(low_text[start : m.end(2)].split()) in PUB_BRANDS:
            continue
        out.append((start, end, "club" if _CLUB.search(head) and head not in {"pub", "bar"} else "pub"))
    for m in _LISTED.finditer(text) if said & _SAID_GATE else ():
        found = list(re.finditer(_WORD, m.group(1)))
        for n in (4, 3, 2, 1):
            if len(found) < n:
                continue
            s, e = m.start(1) + found[0].start(), m.start(1) + found[n - 1].end()
            name = " ".join(low_text[s:e].replace("’", "'").split())
            listed = name in PUB_NAMES
            emblem = n == 1 and name in PUB_EMBLEMS
            shaped = n == 2 and found[0].group(0).lower() in _COLOURS and found[1].group(0).lower() in _BEASTS
            paired = (n == 3 and found[1].group(0).lower() == "and" and found[0].group(0).lower() in _PAIR_WORDS
                      and found[2].group(0).lower() in _PAIR_WORDS)
            wide = (n == 3 and not paired and found[1].group(0).lower() == "and"
                    and all(norm_word(found[k].group(0)) in _SIGN_WORDS for k in (0, 2))
                    and (_drink_near(text, s, e) or bool(_LOCATIVE_THE.search(text, max(0, m.start() - 20),
                                                                               m.start() + 4))))
            paired = paired or wide  # "drank at the fox and badger", "down the otter and trout"
            if not (listed or emblem or shaped or paired) or name in PUB_BRANDS:
                continue
            if not caseless and not all(w[:1].isupper() or w in {"and", "of"} for w in text[s:e].split()):
                break
            after = low_text[e : e + 12].split()
            if after and after[0].strip(".,;:!?") not in _TAIL_STOP and not re.match(r"[.,;:!?]", low_text[e:e + 1]):
                break  # "the crown court", "the white horse vale": the phrase goes on
            needs_drink = name in _NEED_CUE if listed else emblem or shaped
            if needs_drink and not _drink_near(text, s, e):
                break
            out.append((s, e, "pub"))
            break
    for word_start, word_end in _cue_matches(text):
        words = text[word_start:word_end].split()
        if not all(_cue_word(w, caseless) for w in words):
            if not proper_word(words[0], caseless):
                continue  # "lunch at the post office": a sign word, and the phrase goes on
            words = words[:1]  # "a pint in the fitzroy tonight"
            word_end = word_start + len(words[0])
        if all(_cue_word(w, caseless) for w in words) and " ".join(w.lower() for w in words) not in PUB_BRANDS:
            out.append((word_start, word_end, "pub"))
    if "head" in said:
        out.extend(_heads(text, caseless))
    if said & _KIND_CLUB_WORDS:
        out.extend(kind_clubs(text, caseless))
    return sorted(set(out))



_KIND_CLUB = re.compile(r"(?i)(?<![\w'’-])(?:at|in|into|down|up|round|from|to|outside|behind|near|opposite|past|by|"
                        r"for)\s+the\s+((?:working\s*men['’]?s|workingmen['’]?s|working\s+mans)\s+club|wmc|"
                        r"miners['’]?\s+welfare|legion|con\s+club|cons\s+club|conservative\s+club|labour\s+club|"
                        r"liberal\s+club|ex-?servicemen['’]?s\s+club|comrades(?:\s+club)?|"
                        r"(?<=for\sthe\s)(?:rovers|rangers|wanderers|harriers|juniors|colts|athletic))\b")
"""A members' club said by its kind alone after a word of place ("down the legion", "at the working men's
club", "in the miners welfare"): a town or a village has one, so the kind names it as a pub's sign does;
and a local side played for now ("he plays for the rovers"). Not "the british legion", the charity."""
_KIND_CLUB_WORDS = frozenset({"club", "wmc", "welfare", "legion", "comrades", "rovers", "rangers", "wanderers",
                              "harriers", "juniors", "colts", "athletic"})
_PLAYED = re.compile(r"(?i)(?:play|plays|playing|coach|coaches|coaching|manage|manages|managing|turns\s+out)\s+$")
"""Playing for a side now: a grass-roots team; one played for once may be a professional's club, and stays (as
:func:`.public_culture.local_team` reads a club's name)."""


def kind_clubs(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Members' clubs said by their kind alone, and a local side played for (:data:`_KIND_CLUB`)."""
    out = []
    for m in _KIND_CLUB.finditer(text):
        s, e = m.span(1)
        if (not caseless and not text[s:s + 1].isupper()) or not _phrase_ends(text, e):
            continue
        if text[m.start():m.start() + 3].lower() == "for" and not _PLAYED.search(text, max(0, m.start() - 30),
                                                                              m.start()):
            continue  # "a raffle for the legion", "supports the rovers": a team played for only
        out.append((s, e, "club"))
    return out


_HEAD_SIGNS = frozenset({"nag", "king", "queen", "duke", "bishop", "saracen", "turk", "boar", "ram", "stag", "buck",
                         "hart", "roebuck", "admiral", "lord", "marquis", "shepherd", "fox", "dog", "bull", "cock",
                         "goat", "swan", "bear", "lion", "horse", "wolf", "hound", "moor", "boy", "pope",
                         "abbot", "friar", "monk", "sailor", "farmer", "miller", "angel", "dolphin", "eagle", "hawk"})
"""Whose head names a pub: "the bull's head", "the rams head", "the black boy's head"."""
_HEAD_RE = re.compile(r"(?i)\bthe\s+((?:black\s+)?(" + _WORD + r"?)(?:['’]s|s)\s+head)\b")


def _heads(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """ "the bull's head", "the rams head": a sign's head, a pub where drinking is said near or the phrase
    ends after it (not "the bull's head was lowered")."""
    out = []
    for m in _HEAD_RE.finditer(text):
        sign = norm_word(m.group(2))
        if sign not in _HEAD_SIGNS or (not caseless and not m.group(1)[:1].isupper()):
            continue
        s, e = m.span(1)
        if " ".join(text[s:e].lower().replace("’", "'").split()) in PUB_NAMES or _drink_near(text, s, e) \
                or (_LOCATIVE_THE.search(text, max(0, m.start() - 20), m.start() + 4) and _phrase_ends(text, e)):
            out.append((s, e, "pub"))
    return out


_LOCATIVE_THE = re.compile(r"(?i)(?<![\w'’-])(?:at|in|into|down|up|round|from|to|outside|behind|near|opposite|"
                           r"past|by|pub|club|local|boozer)\s*,?\s+the\s+$")
"""A word of place right before "the" and a sign ("down the bull's head", "outside the plough"), or the kind
said before the name ("he goes to the club, the stag's head")."""
_PHRASE_ENDS = frozenset({"and", "or", "but", "for", "on", "in", "at", "with", "every", "near", "by", "last", "then",
                          "now", "again", "most", "all", "when", "where", "because", "cos", "till", "until", "after",
                          "before", "yeah", "um", "er", "erm", "uh", "i", "we", "he", "she", "they",
                          "you", "it", "each", "once", "twice", "since", "like", "a"})
"""Words that may follow a pub said as a place ("down the plough with his mates"); never a verb or a noun
that would make the phrase go on ("the bull's head was lowered", "the crown court")."""


def _phrase_ends(text: str, end: int) -> bool:
    rest = text[end : end + 20]
    if not rest.strip() or rest[:1] in ".,;:!?)" or rest.lstrip()[:1] in ".,;:!?)":
        return True
    return rest.split()[0].lower().strip(".,;:!?") in _PHRASE_ENDS


_NOT_ALONE = frozenset({"bridge", "canal", "castle", "ferry", "junction", "boat", "lighthouse", "windmill", "sun",
                        "moon", "star", "engine", "coach", "tram", "wagon", "crossways", "navigation", "oak", "elms",
                        "ship", "victoria", "george", "albion", "angel", "railway", "locomotive", "vine", "harp",
                        "hare", "lamb", "fox", "ram", "buck", "cock", "bull", "swan", "eagle", "falcon", "stag"})
"""Emblems said after "up the" or "down the" of other things as often as of a pub ("down the bridge", "up the
castle", "down the railway"), or people and beasts: these need a word of drinking."""


def signs_as_places(text: str, caseless: bool) -> list[tuple[int, int]]:
    """A listed pub name or a sign after "up the", "down the", "round the" or a pub's cue, where its phrase
    ends: "he was up the plough with his mates", "down the wheatsheaf", "behind the bar at the crown". What
    only a pub is said to be "up" or "down" in ("up the castle" is a walk; :data:`_NOT_ALONE`)."""
    out: list[tuple[int, int]] = []
    said = said_words(text)
    if "the" not in said or not said & (_LISTED_WORDS | {"pub", "local", "boozer"}):
        return out  # most turns name no sign and say no pub
    for m in re.finditer(r"(?i)(?<![\w'’-])(?:(up|down|round)|(at|in|from|to|outside))\s+the\s+(" + _WORD
                         + r"(?:\s+(?:and\s+)?" + _WORD + r"){0,2})", text):
        found = list(re.finditer(_WORD, m.group(3)))
        for n in (3, 2, 1):
            if len(found) < n:
                continue
            s, e = m.start(3) + found[0].start(), m.start(3) + found[n - 1].end()
            name = " ".join(text[s:e].lower().replace("’", "'").split())
            if name in PUB_BRANDS or not (name in PUB_NAMES or (n == 1 and name in PUB_EMBLEMS)):
                continue
            if not caseless and not all(w[:1].isupper() or w in {"and", "of"} for w in text[s:e].split()):
                break
            before = re.sub(r"(?i)the\s+$", "", text[max(0, m.start(3) - 60) : m.start(3)])
            cued = bool(_PUB_CUE.search(before))
            alone = m.group(1) is not None and name not in _NOT_ALONE and name not in _NEED_CUE
            if (cued or alone or _drink_near(text, s, e)) and _phrase_ends(text, e):
                out.append((s, e))
            break
    for m in re.finditer(r"(?i)(?<![\w'’-])(?:pub|local|boozer)\s*,?\s+the\s+(" + _WORD + r")", text):
        word = m.group(1)
        low = norm_word(word)
        if low in PUB_BRANDS or low in _TAIL_STOP or low in KIND_WORDS:
            continue
        if (low in PUB_EMBLEMS and (caseless or word[:1].isupper()) and _phrase_ends(text, m.end(1))) \
                or proper_word(word, caseless):
            out.append(m.span(1))  # "his local, the tollgate": the kind, then its name
    return out


def _cue_word(word: str, caseless: bool) -> bool:
    """A word of a pub's name after words only a pub takes: a proper name, or a sign ("drank in the lion")."""
    low = norm_word(word)
    return proper_word(word, caseless) or ((low in PUB_EMBLEMS or low in _BEASTS)
                                           and (caseless or word[:1].isupper()))


def _cue_matches(text: str) -> list[tuple[int, int]]:
    """ "a pint in the fitzroy", "landlord of the beckside": the name right after words only a pub takes."""
    out = []
    for m in re.finditer(r"(?i)\bthe\s+(" + _WORD + r")(?:\s+(" + _WORD + r"))?", text):
        if not _PUB_CUE.search(text[max(0, m.start() - 50) : m.start()]):
            continue
        end = m.end(1)
        if m.group(2) and m.group(2).lower() not in _TAIL_STOP:
            end = m.end(2)
        out.append((m.start(1), end))
    return out
