"""A second invented anonymisation set, made by a different method from the interview templates.

The first invented set (``benchmarks/anonymise.py``) fills one-sentence templates, one speaker,
tidy punctuation; the anonymiser's rules were tuned on it. This one is a small dialogue-act
grammar that writes multi-speaker focus groups and interviews at four invented sites: questions,
answers built from nested clause rules, back-channels and cross-talk (overlapping cue times),
interruptions and false starts, fillers, addressing each other by name, and turns split across
caption cues and wrapped lines. It has its own name pools (given names of many origins, short
ones, everyday-word ones such as Will, Dawn, Jo, Grace, Hope, Sky), its own invented towns,
hospitals ("the Ashgrove", "Royal Elmbury"), units, services named after places, and streets,
and its own negatives: public figures and bodies of UK health and drug policy, mutual-aid and
third-sector bodies, tools and platforms, and study labels in several casings.

Every session is written in one of the supported transcript formats (Teams VTT, Zoom VTT, SRT,
Otter TXT, Teams DOCX, plain ``Name: text``, Zoom saved captions), and again as lower-cased
captions without punctuation (Teams VTT, Zoom VTT, SRT, Otter TXT, Zoom saved captions). A
study-team manifest (``participants.csv``) and register (``register.csv``) are written beside
them. Gold mentions carry exact offsets in each turn's speech; :func:`locate` maps them onto the
text the import builds and checks that every one slices to its surface.

The seed is fixed, so the set is the same on every run. No real person's name is used except
public figures, which are negatives (a study keeps them).
"""

from __future__ import annotations

import csv
import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

SEED = 2026
FORMATS = ("teams_vtt", "zoom_vtt", "srt", "otter_txt", "teams_docx", "plain_txt", "zoom_captions")
CAPTION_FORMATS = ("teams_vtt", "zoom_vtt", "srt", "otter_txt", "zoom_captions")
_EXT = {"teams_vtt": ".vtt", "zoom_vtt": ".vtt", "srt": ".srt", "otter_txt": ".txt", "teams_docx": ".docx",
        "plain_txt": ".txt", "zoom_captions": ".txt"}

# ---------------------------------------------------------------------------------------- name pools
EVERYDAY_GIVEN = ["Will", "Dawn", "Jo", "Grace", "Hope", "Rose", "Faith", "Sky", "Joy", "Holly", "Robin", "Ray",
                  "Pat", "Amber", "Hazel", "Iris", "Summer", "Bill", "Jade", "Crystal"]
SHORT_GIVEN = ["Al", "Bo", "Ed", "Kai", "Abi", "Dev", "Ife", "Lin", "Mo", "Ros", "Tam", "Viv", "Zak", "Eve", "Ola",
               "Uma", "Jas", "Kez"]
OTHER_GIVEN = ["Oluwaseun", "Chidi", "Ngozi", "Adaeze", "Tariq", "Yusuf", "Farah", "Shabana", "Imran", "Nasreen",
               "Rajinder", "Harpreet", "Gurdeep", "Anwen", "Rhys", "Bronwen", "Eilidh", "Callum", "Ciaran",
               "Aoife", "Zofia", "Tomasz", "Agnieszka", "Dorota", "Mihai", "Ioana", "Mehmet", "Elif", "Arjun",
               "Deepa", "Kofi", "Abena", "Kwabena", "Thandiwe", "Mei", "Linh", "Aroha", "Yasmin", "Leanne",
               "Kirsty", "Shaun", "Wayne", "Terry", "Shirley", "Brenda", "Maureen", "Trevor", "Lorna", "Declan",
               "Precious", "Blessing", "Shanice", "Tyrone", "Marcin", "Bogdan", "Nkechi", "Hamza", "Sadia",
               "Aaliyah", "Bartek", "Caoimhe", "Dafydd", "Efua", "Femi", "Gethin", "Halima", "Idris", "Jolanta",
               "Kasia", "Lowri", "Magda", "Nuala", "Obi", "Parveen", "Qasim", "Rashida", "Seren", "Tegan", "Usman",
               "Vikram", "Wiktoria", "Xin", "Yaw", "Zainab", "Aled", "Beata", "Cerys", "Dariusz", "Emeka", "Fatima",
               "Gwen", "Ishaan", "Jamal", "Lamar", "Mirela", "Nabil"]
SURNAMES = ["Pengelly", "Trevithick", "Nwachukwu", "Kowalczyk", "Hollis", "Tranter", "Blackwood", "Begum",
            "Chaudhry", "Quigley", "McTavish", "Ashdown", "Rimmer", "Fairclough", "Haworth", "Entwistle",
            "Grimshaw", "Okonkwo", "Adeyinka", "Osei", "Boateng", "Asante", "Szymanski", "Popescu", "Yilmaz",
            "Demir", "Sandhu", "Dhillon", "Iqbal", "Hussain", "Rehman", "Nguyen", "Lamb", "Fox", "Bird", "Moss",
            "Hart", "Stone", "Marsh", "Brook", "Frost", "Rowe", "Dyer", "Eccles", "Sowden", "Lumley", "Pybus",
            "Cresswell", "Thwaite", "Gaunt", "McGuinness", "Docherty", "Gallacher", "Kilbride", "Oyediran",
            "Mahmood", "Wainwright", "Sugden", "Threlfall", "Gill", "Ainsworth", "Battersby", "Duckworth",
            "Earnshaw", "Fawcett", "Greenhalgh", "Holroyd", "Jagger", "Kershaw", "Lister", "Mellor", "Nuttall",
            "Ormerod", "Pickup", "Ramsbottom", "Tattersall", "Uttley", "Varley", "Whiteley", "Yeadon", "Adebola",
            "Bankole", "Chukwu", "Danjuma", "Eze", "Gyamfi", "Hamid", "Ilyas", "Jaswal", "Kapoor", "Lodhi",
            "Malik", "Nazir", "Ozturk", "Petrov", "Rusu", "Sokolowski", "Tkachenko", "Vu", "Wojcik", "Zielinski",
            "Lam", "Ng", "Doyle", "Flanagan", "Keane", "Lynch", "Rafferty", "Shields", "Tierney", "Akhtar",
            "Bhatti", "Chowdhury", "Dlamini", "Edozie", "Fitzpatrick", "Gorski", "Hegarty", "Ibekwe", "Jankowski",
            "Kaczmarek", "Lindqvist", "Mwale", "Nowicka", "Odhiambo", "Pryor", "Quayle", "Rosser", "Scanlon",
            "Tomlin", "Umeh", "Vickers", "Walmsley", "Yates", "Zaman", "Barraclough", "Crowther", "Dobson", "Fenwick",
            "Gledhill", "Hirst", "Jowett", "Kitching", "Longbottom", "Mitchinson", "Naylor", "Oldroyd", "Priestley"]
TITLES = ["Dr", "Mrs", "Mr", "Ms", "Nurse"]

# invented places: towns, hospitals and units, services (often named after a place), streets
TOWNS = ["Elmbury", "Kelderby", "Brackenholme", "Wyndford", "Stavesey", "Cawthwaite", "Marrowby", "Dunholt",
         "Pellington", "Ravensby", "Silverdyke", "Hobmoor", "Thornwick", "Larchfield", "Ashgrove", "Coldwell Bridge",
         "Upper Marrowby", "Fennick", "Oakenshaw Vale", "Brindleford"]
HOSPITALS = ["Royal Elmbury Infirmary", "Royal Elmbury", "Ashgrove", "Larchfield Unit", "Thornwick General",
             "Kelderby Community Hospital", "Dunholt Memorial", "Pellington House", "Marrowby Centre",
             "Ravensby General", "Royal Stavesey", "Fennick Lodge", "Hobmoor Ward", "Brindleford Clinic"]
SERVICES = ["Wyndford Recovery Hub", "Stavesey Wellbeing", "Brackenholme Project",
            "Cawthwaite Drug and Alcohol Service", "Silverdyke Drop-in", "Kelderby Crisis Team", "Marrowby Moves",
            "Dunholt Way", "Elmbury Housing First", "Thornwick Talking Therapies"]
STREETS = ["Tanners Lane", "Cobden Row", "Millrace Street", "Quarry Hill Road", "Gasworks Lane", "Kiln Court",
           "Heron Walk", "Spinners Yard", "Fleece Street", "Pottery Bank", "Wharf End", "Chapel Fold"]

# negatives a study keeps: public figures and bodies of UK health and drug policy, mutual aid and the
# third sector, tools and platforms, and study labels in several casings
PUBLIC_FIGURES = ["Chris Whitty", "Wes Streeting", "Matt Hancock", "Nye Bevan", "Jeremy Hunt", "Sajid Javid",
                  "Carol Black", "Michael Marmot", "David Nutt"]
PUBLIC_BODIES = ["NHS England", "the Home Office", "OHID", "UKHSA", "Healthwatch", "the ACMD", "the King's Fund",
                 "the DWP", "NHS 111", "the Department of Health", "the GMC", "the ICB"]
THIRD_SECTOR = ["Narcotics Anonymous", "NA", "AA", "SMART Recovery", "Cocaine Anonymous", "Al-Anon",
                "the Salvation Army", "Shelter", "Turning Point", "Change Grow Live", "CGL", "We Are With You",
                "Cranstoun", "Adfam", "Age UK", "Crisis"]
TOOLS = ["Zoom", "Teams", "WhatsApp", "Facebook", "SystmOne", "EMIS", "Google Maps", "YouTube", "Instagram",
         "Microsoft Teams"]
STUDY_LABELS = ["SP12", "P7", "Participant 2", "Interviewee A", "sp12", "p7", "participant 2", "interviewee a",
                "PARTICIPANT 4", "Sp3", "INTERVIEWEE B", "P11"]
NEGATIVE_POOLS = {"public_figure": PUBLIC_FIGURES, "public_body": PUBLIC_BODIES, "third_sector": THIRD_SECTOR,
                  "tool": TOOLS, "study_label": STUDY_LABELS}
SITES = ("A", "B", "C", "D")


# ------------------------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Mention:
    """One gold mention in a turn's speech: ``kind`` is person, town, hospital, service, street or a negative pool."""

    start: int
    end: int
    kind: str
    registered: bool
    negative: bool = False


@dataclass
class Turn:
    speaker: str  # the name as the platform writes it (a manifest name or alias)
    text: str
    mentions: list[Mention] = field(default_factory=list)
    overlaps: bool = False  # cross-talk: starts before the previous turn ends


@dataclass
class Person:
    given: str
    surname: str
    role: str
    site: str
    display: str  # as the platform shows it
    aliases: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass
class Session:
    stem: str
    site: str
    fmt: str
    speakers: list[Person]
    turns: list[Turn]


@dataclass
class Site:
    code: str
    town: str  # registered
    hospital: str  # registered
    unit: str  # registered (a ward or unit)
    service: str  # registered, named after a place
    staff: list[Person]  # registered by the study team: people participants talk about


@dataclass
class Study:
    sites: list[Site]
    sessions: list[Session]
    people: list[Person]  # every speaker (the manifest)
    unregistered: list[tuple[str, str]]  # people nobody registered
    other_towns: list[str]
    other_hospitals: list[str]
    other_services: list[str]


# ------------------------------------------------------------------------------------------ the study
def _names(rng: random.Random, n: int, used: set[str]) -> list[tuple[str, str]]:
    """``n`` new (given, surname) pairs; everyday-word and short given names are drawn often on purpose."""
    out: list[tuple[str, str]] = []
    for _ in range(100_000):
        if len(out) == n:
            return out
        pool = rng.choices([EVERYDAY_GIVEN, SHORT_GIVEN, OTHER_GIVEN], weights=[3, 2, 5])[0]
        given, surname = rng.choice(pool), rng.choice(SURNAMES)
        if given in used or surname in used:
            continue  # one person per given name and per surname: a mention names exactly one person
        used.update((given, surname))
        out.append((given, surname))
    raise ValueError(f"name pools too small for {n} more people")


def _display(rng: random.Random, given: str, surname: str, fmt: str) -> tuple[str, list[str]]:
    """How the platform writes the speaker, and the manifest aliases that spelling needs."""
    roll = rng.random()
    if fmt == "teams_vtt" and roll < 0.3:
        return f"{surname}, {given}", []  # matched by the import as "Surname, Given"
    if fmt == "teams_vtt" and roll < 0.45:
        return f"{given} {surname} (Guest)", []
    if fmt == "zoom_vtt" and roll < 0.3:
        return f"{given}'s iPhone", [f"{given}'s iPhone"]
    if fmt in ("zoom_vtt", "srt") and roll < 0.45:
        return given.upper() + " " + surname.upper(), []
    return f"{given} {surname}", []


def make_study(seed: int = SEED, sessions_per_site: int = 5) -> Study:
    rng = random.Random(seed)
    used: set[str] = set()
    towns, hospitals, services = TOWNS[:], [h for h in HOSPITALS if h != "Royal Elmbury"], SERVICES[:]
    rng.shuffle(towns)
    rng.shuffle(hospitals)
    rng.shuffle(services)
    sites = []
    for i, code in enumerate(SITES):
        staff = [Person(g, s, "staff", code, f"{g} {s}") for g, s in _names(rng, 4, used)]
        sites.append(Site(code, towns[i], hospitals[2 * i], hospitals[2 * i + 1], services[i], staff))
    facilitators = [Person(g, s, "facilitator", "", f"{g} {s}") for g, s in _names(rng, 2, used)]
    people = list(facilitators)
    sessions = []
    n = 0
    for site in sites:
        for k in range(sessions_per_site):
            fmt = FORMATS[n % len(FORMATS)]
            n += 1
            focus = k % 3 != 2
            role = rng.choice(["service_user", "carer", "staff"]) if focus else rng.choice(["service_user", "carer"])
            speakers = []
            for g, s in _names(rng, rng.randint(3, 4) if focus else 1, used):
                disp, aliases = _display(rng, g, s, fmt)
                speakers.append(Person(g, s, role, site.code, disp, aliases))
            people += speakers
            fac = rng.choice(facilitators)
            stem = f"site{site.code}_{'focus_group' if focus else 'interview'}_{k + 1}"
            lead = Person(fac.given, fac.surname, fac.role, fac.site, f"{fac.given} {fac.surname}")
            if fmt == "otter_txt" and rng.random() < 0.5:  # Otter did not know one voice: a file-scoped alias
                who = speakers[-1]
                who.display = f"Speaker {len(speakers) + 1}"
                who.aliases.append(f"{who.display}@{stem}")
            sessions.append(Session(stem, site.code, fmt, [lead, *speakers], []))
    unregistered = _names(rng, 30, used)
    study = Study(sites, sessions, people, unregistered, towns[len(SITES):], hospitals[2 * len(SITES):],
                  services[len(SITES):])
    for s in sessions:
        s.turns = _dialogue(rng, study, s)
    return study


# ------------------------------------------------------------------------------------------- grammar
# Productions: <nonterminal> expands by GRAMMAR, {SLOT} is an entity (see _Builder.slot); "|" is
# never used, alternatives are list items. Different speech from the interview templates: chains
# of clauses, reported speech, hedges, and entities in the middle of long turns.
GRAMMAR: dict[str, list[str]] = {
    "answer": ["<open><clause>. <more>", "<open><clause>, <tag>. <more>", "<false><clause>. <more>",
               "<clause>, <clause2>. <more>", "<open><story>. <more>"],
    "more": ["", "", "<clause2>.", "<clause>, and <clause2>.", "<story>.", "<hedge>, <clause2>."],
    "open": ["", "", "Um, ", "Yeah, ", "See, ", "Honestly, ", "I mean, ", "So, er, ", "Well ", "Like, ", "Right, so "],
    "false": ["I- I think ", "we we ", "it's- ", "So the- ", "They, they ", "I was gonna- "],
    "tag": ["you know", "if that makes sense", "sort of thing", "or whatever", "innit", "to be fair"],
    "hedge": ["I don't know", "to be honest", "I suppose", "from what I've seen", "if I'm honest"],
    "clause": ["{PREG} got me into {SERVICE_REG}", "my worker at {SERVICE_REG} was {PREG_GIVEN}",
               "I ended up at {HOSP_REG} for three weeks", "they sent me over to {HOSP} in the end",
               "{PUN} from {TOWN} used to run the group", "I was living on {STREET} at the time",
               "we moved out to {TOWN} after that", "there's a lad called {PUN_GIVEN} who comes in",
               "it was {PUN} that rang the ambulance", "{PREG_TITLE} on {UNIT_REG} was brilliant",
               "I went to {NEG_THIRD} meetings in {TOWN_REG}", "they do it all on {NEG_TOOL} now",
               "the waiting list at {SERVICE} is massive", "{PUN_TITLE} wouldn't even look at me",
               "my nan took me to {HOSP}", "you get the bus from {TOWN_REG} to {HOSP_REG}",
               "{PREG_GIVEN} from the outreach team found me a room", "I still see {PUN_GIVEN} at the hub",
               "nobody at {HOSP} had heard of {NEG_THIRD}", "I saw {NEG_FIGURE} on the telly about it",
               "{PREG}'s the only one who rings back", "the flat was off {STREET} near {SERVICE}",
               "I got put on {UNIT_REG} and then {HOSP_REG}", "the lot from {NEG_BODY} came round",
               "{PUN} sorted my meds", "I used to drink round {TOWN}"],
    "clause2": ["that's when {PUN_GIVEN} stepped in", "I rang {NEG_THIRD} instead",
                "{PREG_GIVEN} said I could come back any time", "it's like what {NEG_FIGURE} keeps saying",
                "we do the check-ins on {NEG_TOOL}", "the {SERVICE} lot were useless", "I never went back to {HOSP}",
                "she was from {TOWN} as well", "{PUN_GIVEN}'s still there I think", "it was all through {NEG_BODY}",
                "I kept going to {NEG_THIRD}", "{PREG} came to the house", "that's how I ended up on {STREET}"],
    "story": ["so I'm on {STREET}, right, and {PUN_GIVEN} turns up, and she goes, you need to ring {SERVICE_REG}",
              "and {PREG_GIVEN} goes, I'll drive you to {HOSP_REG} myself, and she did",
              "my mate {PUN_GIVEN} said {NEG_THIRD} saved her life, so I went, in {TOWN}",
              "first week at {UNIT_REG}, {PREG_TITLE} sat with me the whole night"],
    "question": ["So what helped, {ADDR}?", "{ADDR}, what about you?", "Can I come to you, {ADDR}?",
                 "How did you first hear about {SERVICE_REG}?", "And was that through {NEG_BODY} or local?",
                 "What was it like at {HOSP_REG}?", "{ADDR}, you mentioned {TOWN_REG} earlier?",
                 "For the recording, that was {NEG_LABEL} speaking.", "Like {NEG_LABEL} said in the last group.",
                 "Did anyone use {NEG_TOOL} for the sessions?", "Sorry, go on, {ADDR}.",
                 "Thanks, {ADDR}. Anyone else?", "What about {NEG_THIRD}, did that fit in?"],
    "back": ["Mm.", "Yeah.", "Mm-hmm.", "Right.", "Yeah, yeah.", "Exactly.", "Same.", "God, yeah.", "No way.",
             "Oh, {ADDR}, I know."],
    "reply_to": ["Yeah, like {ADDR} said, <clause>.", "I'm with {ADDR} on that.", "{ADDR}'s right, <clause>.",
                 "Same as {ADDR} really, <clause2>."],
}

_TOKEN = re.compile(r"(<\w+>|\{\w+\})")


class _Builder:
    """Writes one turn's speech and records where each entity lands."""

    def __init__(self, rng: random.Random, study: Study, session: Session, speaker: Person) -> None:
        self.rng, self.study, self.session, self.speaker = rng, study, session, speaker
        self.site = next(s for s in study.sites if s.code == session.site)
        self.parts: list[str] = []
        self.mentions: list[Mention] = []
        self.size = 0

    def text(self) -> str:
        return "".join(self.parts)

    def say(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    def entity(self, surface: str, kind: str, registered: bool, negative: bool = False) -> None:
        self.mentions.append(Mention(self.size, self.size + len(surface), kind, registered, negative))
        self.say(surface)

    def expand(self, symbol: str) -> None:
        for tok in _TOKEN.split(self.rng.choice(GRAMMAR[symbol])):
            if tok.startswith("<"):
                self.expand(tok[1:-1])
            elif tok.startswith("{"):
                self.slot(tok[1:-1])
            elif tok:
                self.say(tok)

    def slot(self, name: str) -> None:
        rng, site, study = self.rng, self.site, self.study
        if name.startswith("PREG"):
            p = rng.choice(site.staff)
            form = name.removeprefix("PREG")
            if form == "_GIVEN":
                self.entity(p.given, "person", True)
            elif form == "_TITLE":
                self.say(rng.choice(TITLES) + " ")
                self.entity(p.surname, "person", True)
            else:
                self.entity(p.name if rng.random() < 0.5 else p.given, "person", True)
        elif name.startswith("PUN"):
            given, surname = rng.choice(study.unregistered)
            form = name.removeprefix("PUN")
            if form == "_GIVEN":
                self.entity(given, "person", False)
            elif form == "_TITLE":
                self.say(rng.choice(TITLES) + " ")
                self.entity(surname, "person", False)
            else:
                self.entity(f"{given} {surname}", "person", False)
        elif name == "ADDR":
            others = [p for p in self.session.speakers if p is not self.speaker]
            self.entity(rng.choice(others).given, "person", True)
        elif name in ("TOWN", "TOWN_REG"):
            reg = name == "TOWN_REG"
            self.entity(site.town if reg else rng.choice(study.other_towns), "town", reg)
        elif name in ("HOSP", "HOSP_REG"):
            reg = name == "HOSP_REG"
            surface = site.hospital if reg else rng.choice(study.other_hospitals)
            if surface == "Royal Elmbury Infirmary" and rng.random() < 0.5:
                surface = "Royal Elmbury"  # as people say it; the register lists both
            if surface.split()[0] in TOWNS and rng.random() < 0.6 and not self.text().endswith("the "):
                self.say("the ")  # "the Ashgrove", "the Larchfield Unit"
            self.entity(surface, "hospital", reg)
        elif name == "UNIT_REG":
            self.entity(site.unit, "hospital", True)
        elif name in ("SERVICE", "SERVICE_REG"):
            reg = name == "SERVICE_REG"
            surface = site.service if reg else rng.choice(study.other_services)
            if rng.random() < 0.4 and not self.text().endswith("the "):
                self.say("the ")
            self.entity(surface, "service", reg)
        elif name == "STREET":
            self.entity(rng.choice(STREETS), "street", False)
        elif name.startswith("NEG_"):
            kind = {"NEG_FIGURE": "public_figure", "NEG_BODY": "public_body", "NEG_THIRD": "third_sector",
                    "NEG_TOOL": "tool", "NEG_LABEL": "study_label"}[name]
            surface = rng.choice(NEGATIVE_POOLS[kind])
            if surface.startswith("the ") and rng.random() < 0.5:
                self.say("the ")
                surface = surface[4:]
            self.entity(surface, kind, False, negative=True)
        else:
            raise KeyError(name)


def _turn(rng: random.Random, study: Study, session: Session, speaker: Person, symbol: str) -> Turn:
    b = _Builder(rng, study, session, speaker)
    b.expand(symbol)
    text = b.text()
    # a capital to start each sentence; same length, so the mentions keep their offsets
    text = re.sub(r"(^|[.?!] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text).rstrip()
    return Turn(speaker.display, text, [m for m in b.mentions if m.end <= len(text)])


def _dialogue(rng: random.Random, study: Study, session: Session) -> list[Turn]:
    """Question, answers, back-channels over the speaker, interruptions and replies to each other."""
    lead, members = session.speakers[0], session.speakers[1:]
    turns: list[Turn] = [_turn(rng, study, session, lead, "question")]
    last = lead
    for _ in range(rng.randint(26, 40)):
        act = rng.random()
        if act < 0.18 and last is not lead:
            who, symbol = lead, "question"
        elif act < 0.33 and len(members) > 1 and last in members:
            who, symbol = rng.choice([m for m in members if m is not last]), "back"
        elif act < 0.45 and len(members) > 1:
            who, symbol = rng.choice([m for m in members if m is not last]), "reply_to"
        else:
            who, symbol = rng.choice([m for m in members if m is not last] or members), "answer"
        if who is last:
            continue
        turn = _turn(rng, study, session, who, symbol)
        if symbol == "back":
            turn.overlaps = True  # said over the speaker
        if symbol == "answer" and rng.random() < 0.15 and turns[-1].speaker != lead.display:
            # an interruption: the previous turn is cut off mid-word, without its end
            prev = turns[-1]
            cut = prev.text.rfind(" ", 0, max(1, len(prev.text) * 2 // 3))
            if cut > 0 and all(m.end <= cut for m in prev.mentions):
                prev.text = prev.text[:cut].rstrip(",.?!") + "-"
        turns.append(turn)
        last = who
    return [t for t in turns if t.text.strip()]


# ------------------------------------------------------------------------------------------ captions
_CAPTION_DROP = re.compile(r"[.,?!;:]")


def caption_turn(turn: Turn) -> Turn:
    """Lower-cased speech without punctuation, as automatic captions write it; offsets follow."""
    keep = [not _CAPTION_DROP.match(c) for c in turn.text]
    out: list[str] = []
    index: list[int] = []  # old position -> new position
    for c, k in zip(turn.text, keep, strict=True):
        index.append(len(out))
        if k and not (c == " " and (not out or out[-1] == " ")):
            out.append(c.lower())
    index.append(len(out))
    text = "".join(out)
    mentions = [Mention(index[m.start], index[m.end], m.kind, m.registered, m.negative) for m in turn.mentions]
    stripped = text.rstrip()
    for m, old in zip(mentions, turn.mentions, strict=True):
        surface = _CAPTION_DROP.sub("", turn.text[old.start:old.end]).lower()
        assert text[m.start:m.end] == surface, (text[m.start:m.end], surface)
    return Turn(turn.speaker, stripped, [m for m in mentions if m.end <= len(stripped)], turn.overlaps)


# ------------------------------------------------------------------------------------------- writers
def _stamp(t: float, sep: str = ".") -> str:
    ms = int(round(t * 1000))
    h, rem = divmod(ms, 3600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _chunks(rng: random.Random, text: str) -> list[str]:
    """Caption cues of 5-14 words; a name may be split across two cues, as captioning does."""
    words = text.split(" ")
    out, i = [], 0
    while i < len(words):
        k = rng.randint(5, 14)
        out.append(" ".join(words[i:i + k]))
        i += k
    return out


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, 42, break_on_hyphens=False, break_long_words=False)) or text


def _timed(rng: random.Random, turns: list[Turn]) -> list[tuple[float, float, str, list[str]]]:
    """(start, end, speaker, cue texts) per turn; back-channels start inside the turn they answer."""
    out: list[tuple[float, float, str, list[str]]] = []
    t = 1.0 + rng.random()
    for turn in turns:
        cues = _chunks(rng, turn.text)
        dur = 0.35 * len(turn.text.split()) + 0.6
        if turn.overlaps and out:
            ps, pe, _, _ = out[-1]
            start = ps + (pe - ps) * 0.7  # cross-talk: after the turn began, before it ends
        else:
            start = t
        out.append((start, start + dur, turn.speaker, cues))
        t = max(t, start + dur) + 0.3 + rng.random()
    return out


def write_session(folder: Path, session: Session, fmt: str, turns: list[Turn], seed: int) -> Path:
    rng = random.Random(f"{seed}:{session.stem}:{fmt}")
    path = folder / (session.stem + _EXT[fmt])
    timed = _timed(rng, turns)
    lines: list[str] = []
    if fmt == "teams_docx":
        from docx import Document

        doc = Document()
        doc.add_paragraph(session.stem.replace("_", " ").title())
        doc.add_paragraph("3 December 2026, 10:02AM")
        for (start, _, who, _), turn in zip(timed, turns, strict=True):
            p = doc.add_paragraph()
            p.add_run(f"{who}   {int(start) // 60}:{int(start) % 60:02d}").add_break()
            p.add_run(turn.text)
        doc.save(path)
        return path
    if fmt == "teams_vtt":
        lines.append("WEBVTT\n")
        guid = "-".join(f"{rng.getrandbits(bits):0{bits // 4}x}" for bits in (32, 16, 16, 16, 48))
        for n, (start, end, who, cues) in enumerate(timed, start=1):
            step = (end - start) / len(cues)
            for m, cue in enumerate(cues):
                lines.append(f"{guid}/{n}-{m}\n{_stamp(start + m * step)} --> {_stamp(start + (m + 1) * step)}\n"
                             f"<v {who}>{_wrap(cue)}</v>\n")
    elif fmt in ("zoom_vtt", "srt"):
        if fmt == "zoom_vtt":
            lines.append("WEBVTT\n")
        sep = "." if fmt == "zoom_vtt" else ","
        k = 0
        previous = None
        for start, end, who, cues in timed:
            step = (end - start) / len(cues)
            for m, cue in enumerate(cues):
                k += 1
                label = f"{who}: " if fmt == "zoom_vtt" or who != previous else ""
                previous = who
                lines.append(f"{k}\n{_stamp(start + m * step, sep)} --> {_stamp(start + (m + 1) * step, sep)}\n"
                             f"{_wrap(label + cue)}\n")
    elif fmt == "otter_txt":
        keywords = "recovery, hub, meetings, housing, waiting list"
        names = ", ".join(dict.fromkeys(p.display for p in session.speakers))
        lines.append(f"SUMMARY KEYWORDS\n{keywords}\n\nSPEAKERS\n{names}\n")
        for (start, _, who, _), turn in zip(timed, turns, strict=True):
            lines.append(f"{who}  {int(start) // 60:02d}:{int(start) % 60:02d}\n{turn.text}\n")
        lines.append("Transcribed by https://otter.ai\n")
    elif fmt == "zoom_captions":  # saved captions: [Name] wall-clock time, one block per cue
        for start, _, who, cues in timed:
            for m, cue in enumerate(cues):
                lines.append(f"[{who}] {_stamp(36_000 + start + m * 1.5)[:8]}\n{cue}\n")
    else:
        for turn in turns:
            lines.append(f"{turn.speaker}: {turn.text}\n")
    path.write_text("\n".join(lines), encoding="utf-8", newline="\r\n" if fmt == "zoom_vtt" else "\n")
    return path


def write_manifest(path: Path, study: Study) -> None:
    """participants.csv as the import's ``--manifest`` reads it: name,aliases,role,site,label + a column."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "aliases", "role", "site", "label", "group"])
        for p in study.people:
            w.writerow([p.name, ";".join(p.aliases), p.role, p.site, "", "focus group" if p.role != "facilitator"
                        else "research team"])


def write_register(path: Path, study: Study) -> None:
    """The register a study team writes: the people participants will name, and local places and services."""
    rows: list[tuple[str, str, str]] = []
    for site in study.sites:
        for p in site.staff:
            rows.append((p.name, "person", ""))
        rows.append((site.town, "place", "[town]"))
        rows.append((site.hospital, "hospital", "[hospital name]"))
        if site.hospital == "Royal Elmbury Infirmary":
            rows.append(("Royal Elmbury", "hospital", "[hospital name]"))
        rows.append((site.unit, "ward" if site.unit.endswith(("Unit", "Ward", "Lodge")) else "hospital", ""))
        rows.append((f"the {site.service}", "service", "[local service]"))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["surface", "category", "placeholder"])
        w.writerows(rows)


def register_surfaces(study: Study) -> list[str]:
    """What a Presidio user would put in a deny list from the same register and manifest."""
    out: list[str] = []
    for site in study.sites:
        for p in site.staff:
            out += [p.name, p.given, p.surname]
        out += [site.town, site.hospital, site.unit, site.service]
    out.append("Royal Elmbury")
    for p in study.people:
        out += [p.name, p.given, p.surname]
    return sorted(set(out))


def write_set(folder: Path, study: Study, caption: bool, seed: int = SEED) -> list[tuple[Session, Path, list[Turn]]]:
    """Write every session (cased in its own format, or as lower-cased captions) plus manifest and register."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, s in enumerate(study.sessions):
        fmt = CAPTION_FORMATS[i % len(CAPTION_FORMATS)] if caption else s.fmt
        turns = [caption_turn(t) for t in s.turns] if caption else s.turns
        turns = [t for t in turns if t.text]
        out.append((s, write_session(folder, s, fmt, turns, seed), turns))
    return out


# ------------------------------------------------------------------------------------- gold location
@dataclass(frozen=True)
class Located:
    start: int
    end: int
    mention: Mention


def locate(text: str, turns: list[Turn], where: str) -> list[Located]:
    """Map each turn's mentions onto the imported text, which differs from the speech only in whitespace.

    The non-space characters of the turns, in order, must be exactly those of the imported text
    (else the import dropped or changed speech: an error naming ``where``); every located mention
    must slice to its surface with its whitespace collapsed.
    """
    spoken = "".join(t.text for t in turns)
    ours = [i for i, c in enumerate(spoken) if not c.isspace()]
    theirs = [i for i, c in enumerate(text) if not c.isspace()]
    a = "".join(spoken[i] for i in ours)
    b = "".join(text[i] for i in theirs)
    if a != b:
        k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        raise AssertionError(f"{where}: imported text differs from the generated speech near "
                             f"{b[max(0, k - 30):k + 30]!r} (expected {a[max(0, k - 30):k + 30]!r})")
    rank = {}  # position in ``spoken`` of a non-space character -> its rank
    for r, i in enumerate(ours):
        rank[i] = r
    out: list[Located] = []
    base = 0
    for t in turns:
        for m in t.mentions:
            surface = t.text[m.start:m.end]
            s = theirs[rank[base + m.start]]
            e = theirs[rank[base + m.end - 1]] + 1
            if " ".join(text[s:e].split()) != " ".join(surface.split()):
                raise AssertionError(f"{where}: gold {surface!r} slices to {text[s:e]!r}")
            out.append(Located(s, e, m))
        base += len(t.text)
    return out
