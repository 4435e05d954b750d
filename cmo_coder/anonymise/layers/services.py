"""Services named by an everyday word of shelter, light, journey or nature: "the harbour service".

UK drug, alcohol, housing and mental-health services are often named by a hopeful image rather
than a place: a harbour, a lighthouse, a beacon, a bridge, a phoenix, a tree or a bird. The word
is an everyday one, so neither its form nor a dictionary tells it is a name; its head does
("service", "project", "house", "team"), once the word is one services are named by and not a
kind of service ("the housing service", "the outreach team"). These images are few and stable;
the list below is drawn from the names such services give themselves in the Charity Commission
register and NHS service directories (as kinds of word, not as the names of any one service).
A charity a whole country knows by such a word ("Phoenix Futures", "Turning Point") stays on the
allow-list.
"""

from __future__ import annotations

import re

SERVICE_IMAGES = {
    # shelter and arrival
    "harbour", "harbor", "haven", "anchor", "anchorage", "sanctuary", "shelter", "refuge", "oasis", "island",
    "ark", "nest", "hearth", "lodge", "cove", "bay", "port", "mooring",
    # light and guidance
    "lighthouse", "beacon", "lantern", "candle", "spark", "compass", "northstar", "polaris", "horizon",
    "horizons", "sunrise", "sunshine", "daybreak", "rainbow", "prism", "aurora", "lightship",
    # journey and change
    "bridge", "bridges", "gateway", "pathway", "pathways", "journey", "journeys", "crossroads", "junction",
    "threshold", "doorway", "stepping", "steppingstones", "milestone", "milestones", "summit", "ascent",
    "ladder", "phoenix", "keystone", "cornerstone", "footprints", "waymark", "signpost", "trailblazer",
    "springboard", "launchpad", "kaleidoscope", "jigsaw", "mosaic", "tapestry", "lotus", "chrysalis",
    # trees, plants and water
    "willow", "willows", "oak", "oaks", "cedar", "cedars", "rowan", "birch", "elm", "elms", "hawthorn", "holly",
    "ivy", "laurel", "laurels", "maple", "hazel", "heather", "bluebell", "primrose", "lavender", "juniper",
    "acorn", "acorns", "sycamore", "beech", "aspen", "poplar", "magnolia", "sunflower", "snowdrop", "daisy",
    "orchard", "meadow", "meadows", "riverside", "waterside", "fountain", "spring", "springs", "brook",
    "stream", "river", "tide", "lagoon",
    # birds and animals
    "kestrel", "robin", "wren", "swallow", "swan", "heron", "kingfisher", "falcon", "eagle", "owl", "lark",
    "skylark", "dove", "peregrine", "starling", "nightingale", "butterfly", "dragonfly", "seahorse", "otter",
    "badger", "hedgehog", "hive", "beehive", "honeycomb", "kite",
    "evergreen", "woodland", "hillside", "cairn", "harbourside", "wayfinder", "voyager", "odyssey",
    # qualities
    "serenity", "harmony", "unity", "solace", "clarity", "freedom", "liberty", "renewal", "tranquillity",
    "resilience", "inspire", "aspire", "thrive", "flourish", "blossom", "evolve", "emerge", "revive",
}
"""Everyday words services are named by (see the module doc)."""
SERVICE_PHRASES = {"new leaf", "open door", "open doors", "fresh start", "new beginnings", "new horizons",
                   "stepping stones", "safe haven", "safe harbour", "second chance", "bright futures",
                   "new dawn", "north star", "turning tide", "next step", "next steps", "first step"}
"""Two-word images ("the new leaf project", "the stepping stones team")."""
SERVICE_HEADS = ("service", "services", "project", "house", "lodge", "centre", "center", "hub", "unit", "clinic",
                 "team", "programme", "program", "trust", "foundation", "partnership", "recovery", "café", "cafe",
                 "network", "collective", "community", "kitchen", "pantry", "club", "group", "alliance", "college",
                 "academy", "initiative", "works", "space", "ward", "wing", "suite")
QUALIFIERS = ("recovery", "drug", "drugs", "alcohol", "drug and alcohol", "mental health", "wellbeing", "support",
              "outreach", "treatment", "housing", "family", "families", "community", "peer", "day", "crisis",
              "addiction", "addictions", "detox", "rehab", "young people's", "carers", "counselling", "homeless")
"""What a service does, said between its name and its head ("the harbour drug service")."""
_WORD = r"[^\W\d_][\w'’-]*"
_QUAL = r"(?:" + "|".join(q.replace(" ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")"
_SERVICE = re.compile(r"(?i)\b(the|to|at|from|into|with|by|via|called|through|on)\s+(" + _WORD + r"(?:\s+(?!" + _QUAL
                      + r"\b)" + _WORD + r")?)\s+((?:" + _QUAL + r"\s+){0,2}(?:" + "|".join(SERVICE_HEADS) + r"))\b")


def image_services(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans ("harbour service", "new leaf project") of services named by an image (module doc). In cased
    text the name and the head both carry capitals ("the Harbour Service")."""
    out = []
    for m in _SERVICE.finditer(text):
        words = m.group(2).split()
        low = [w.lower().replace("’", "'") for w in words]
        if " ".join(low) in SERVICE_PHRASES:
            start = m.start(2)
        elif low[-1] in SERVICE_IMAGES and (len(low) == 1 or low[-1] == low[0] or low[0] in {"the", "a"}):
            start = m.start(2) + m.group(2).rfind(words[-1])
        else:
            continue
        if low[-1] == m.group(3).split()[-1].lower():
            continue  # "the lodge lodge": nothing named
        if not caseless and not all(w[:1].isupper() for w in text[start : m.end(3)].split()):
            continue
        out.append((start, m.end(3)))
    return out
