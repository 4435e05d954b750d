"""A third invented anonymisation set: life-story narratives planned as events, then told.

Why a third set: the first invented set (``anonymise.py``, one-sentence templates) is the one the
anonymiser's rules were tuned on, and the second (``focus_groups.py``, a dialogue-act grammar of
short cross-talking turns) has had its per-class figures read. This one is written by a third
method, and **no rule may be tuned on it**: run it to report, not to choose changes.

The method is a small story simulator followed by a narrator:

1. *Plan.* Each participant gets a simulated life course: a family and friends (each with a
   given name, a surname, maybe a diminutive and a spelling that speech recognition writes
   instead), a birthplace, a school, a church, a first job, a local pub, moves between towns and
   estates with house numbers and postcode districts, a crisis in the site's hospital and unit,
   a GP practice and a pharmacy, housing organisations, services, recovery. The events are put in
   the order a life happens.
2. *Tell.* A narrator turns runs of events into paragraph-long turns (three to six events a turn)
   and keeps a discourse state, so a person is introduced once ("my sister Rasa", "a fella called
   Lubos Horvath") and then referred to as people do: by given name, a diminutive ("Cath" for the
   registered Catherine), "our Tobi", a possessive, a title and surname, in lists ("me, Hodan and
   the two boys") and in reported speech ("and she says to me, Beccy, she says, ..."). An
   interviewer probes between turns and picks up what was just said ("And Cwmderwen, was that
   where your mam was from?"). Staff interviews are told in the register of case notes ("Ms
   Prydderch was referred by the Tollgate Practice on the 3rd of May ...").
3. *Write.* Sessions are written in the transcript formats of ``focus_groups.py`` (its writers and
   :func:`focus_groups.locate` are reused, not copied), and again as lower-cased captions without
   punctuation, where long turns are cut into cues and wrapped lines, so names fall across a line
   or cue break.

Everything is drawn from pools of its own: given names of many origins (Welsh, Scottish, Irish,
Somali, Eritrean, Yoruba, Jamaican, Bangladeshi, Gujarati, Tamil, Chinese, Filipino, Syrian,
Kurdish, Lithuanian, Slovak, Hungarian, Portuguese, old and new English names, everyday-word
names such as Heather, Penny, Glen or Miles, and place-like ones such as Paisley or Kendal);
invented Welsh, Scottish, Northern Irish and English new-town places, estates, streets, postcode
districts, hospitals, units, services, health boards and trusts, GP practices, pharmacies,
schools, churches, pubs and workplaces. None of these pools shares a name with the other two sets
(a test checks it). Negatives a study keeps come in another style: public figures and offices
("the First Minister"), NHS and national bodies, charities and fellowships, medicines and shop
brands, platforms and clinical systems, months, weekdays and religious festivals, football clubs
and TV programmes, and study labels in any casing.

Football clubs: a club's fans live anywhere, so a club is not where someone lives and is kept as a
negative; only clubs whose names are not places are used ("Celtic", "Spurs"), because a club
called after its town names the town, which is then a place like any other.

A manifest and register are written as a study team would: participants and interviewers by full
(formal) name in the manifest, with the names a platform shows as aliases, and the site town in
its ``site`` column; the register holds the site's staff by full name (some by given name only,
as teams know them), and the site's hospital, unit, service, health board or trust and GP
practice.

Gold mentions carry exact offsets in each turn's speech and a class (registered or not; person or
a place class; a negative class) and, for people, the form said (full, given, title, diminutive,
misheard). The seed is fixed, so the set is the same on every run. Every name is invented; real
names appear only as public figures and bodies, which are negatives a study keeps. No text comes
from a real transcript, so the set carries no licence restriction beyond the project's own.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

import focus_groups as fg

SEED = 5309

# ---------------------------------------------------------------------------------------- name pools
# (given, gender); "f" and "m" choose pronouns in the telling
GIVEN_F = ["Eluned", "Rhiannon", "Meinir", "Sioned", "Llinos", "Catrin", "Mererid", "Angharad", "Ffion", "Morag",
           "Ailsa", "Mhairi", "Kirsteen", "Catriona", "Shona", "Siobhan", "Orla", "Grainne", "Sinead", "Roisin",
           "Deirdre", "Fionnuala", "Clodagh", "Hodan", "Faduma", "Ayan", "Idil", "Senait", "Luwam", "Beatriz",
           "Rasa", "Egle", "Shahnaz", "Jahanara", "Rumana", "Jing", "Xiaoling", "Marites", "Rhea", "Rasha", "Rana",
           "Shilan", "Avin", "Temitope", "Funmilayo", "Bolanle", "Marcia", "Claudette", "Paulette", "Sonia",
           "Zuzana", "Zsofia", "Hetal", "Bhavna", "Kavitha", "Doreen", "Gwyneth", "Glenys", "Vera", "Elsie",
           "Mavis", "Beryl", "Tayla", "Kayleigh", "Chantelle", "Demi", "Courtney", "Paige", "Paisley", "Chelsea",
           "Brooklyn"]
GIVEN_M = ["Iwan", "Geraint", "Owain", "Huw", "Elfed", "Gruffydd", "Emlyn", "Tudur", "Berwyn", "Alun", "Hamish",
           "Fraser", "Euan", "Lachlan", "Alasdair", "Struan", "Ruaridh", "Padraig", "Eoin", "Cathal", "Oisin",
           "Seamus", "Fergal", "Donal", "Abdirahman", "Liban", "Mahad", "Tesfay", "Yonas", "Joao", "Rui", "Vytautas",
           "Tadas", "Rubel", "Anwar", "Wei", "Jun", "Jomar", "Rodel", "Ahmad", "Bashar", "Khaled", "Rebin",
           "Dilshad", "Babajide", "Oluwatobi", "Adewale", "Delroy", "Winston", "Errol", "Leroy", "Lubos", "Gabor",
           "Nilesh", "Hitesh", "Senthil", "Mervyn", "Clifford", "Stanley", "Norman", "Alwyn", "Cyril", "Dennis",
           "Kayden", "Jaxon", "Tyler", "Brandon", "Reece", "Kieran", "Kendal", "Clyde", "Lincoln"]
# given names that are also everyday words: the hardest case in lower-cased captions
EVERYDAY_F = ["Heather", "Daisy", "Poppy", "Penny", "Pearl", "Ivy", "Violet", "Lily", "Misty", "Coral", "Kitty",
              "Honey", "Storm", "Autumn", "Sandy"]
EVERYDAY_M = ["Glen", "Miles", "Rowan", "Drew", "Lance", "Wade", "Reed", "Sonny", "Gene", "Chase", "Rocky", "Dusty",
              "Cliff", "Carl", "Forest"]
# formal given names with the diminutive people say (registered "Catherine", said "Cath")
FORMAL_F = {"Catherine": "Cath", "Rebecca": "Beccy", "Patricia": "Trish", "Deborah": "Debs", "Jennifer": "Jen",
            "Theresa": "Tess", "Frances": "Fran", "Susan": "Sue", "Samantha": "Sam", "Victoria": "Vicky",
            "Josephine": "Josie", "Eleanor": "Nell", "Dorothy": "Dot", "Alexandra": "Sasha"}
FORMAL_M = {"Anthony": "Tony", "Stephen": "Steve", "Michael": "Mick", "Christopher": "Kit", "William": "Billy",
            "Alexander": "Sandy", "Kenneth": "Kenny", "Nicholas": "Nicky", "Joseph": "Joey", "Leonard": "Len",
            "Gerald": "Gerry", "Timothy": "Tim", "Jonathan": "Jonno", "Oluwatobi": "Tobi", "Babajide": "Jide",
            "Abdirahman": "Abdi", "Gruffydd": "Guto"}
# how automatic speech recognition writes some names (said correctly, written wrongly)
MISHEARD = {"Siobhan": "Shavonne", "Grainne": "Grawnya", "Sinead": "Shinade", "Roisin": "Rosheen", "Mhairi": "Vari",
            "Padraig": "Pawdrig", "Oisin": "Usheen", "Eoin": "Owen", "Rhiannon": "Reanon", "Angharad": "Anharad",
            "Llinos": "Clinos", "Gruffydd": "Griffith", "Ruaridh": "Rory", "Catriona": "Katrina", "Iwan": "Ewan",
            "Huw": "Hugh", "Fionnuala": "Finoola", "Deirdre": "Deedra", "Temitope": "Temmy", "Vytautas": "Vitus",
            "Senait": "Sennait", "Faduma": "Fatuma", "Dilshad": "Dilshard", "Lachlan": "Locklan", "Sioned": "Shonet"}
SURNAMES = ["Prydderch", "Pugh", "Cadwaladr", "Bowen", "Gwilym", "Rees", "Probert", "Meredith", "Parry", "MacIver",
            "Strachan", "Urquhart", "Crombie", "Menzies", "Lamont", "Drummond", "Buchan", "Galbraith", "O'Donoghue",
            "Mulhern", "Carberry", "Devlin", "McGarrigle", "Cullinane", "Donnelly", "O'Rourke", "Threlkeld",
            "Bagshaw", "Cowgill", "Pennock", "Arkwright", "Dimmock", "Hebblethwaite", "Lockwood", "Sykes", "Womack",
            "Kettlewell", "Oxley", "Birtwistle", "Catterall", "Fearnley", "Goodall", "Hinchliffe", "Baker", "Mason",
            "Field", "Wood", "Bell", "Lane", "Hall", "Wells", "Banks", "Sands", "Warsame", "Jama", "Tesfamariam",
            "Gebremedhin", "Ferreira", "Carvalho", "Kazlauskas", "Petrauskaite", "Uddin", "Miah", "Khatun", "Zhao",
            "Liang", "Cheung", "Dela Cruz", "Bautista", "Reyes", "Al-Masri", "Haddad", "Khoury", "Ahmadi", "Rashid",
            "Adeleke", "Ogunleye", "Olaniyan", "Campbell", "Grant", "McKenzie", "Bailey", "Horvath", "Kovac",
            "Nagy", "Szabo", "Patel", "Mistry", "Solanki", "Rajendran", "Subramaniam", "Hughes-Pritchard",
            "Lloyd-Morgan", "Tremlett", "Vosper", "Penhaligon", "Scarth", "Quirk", "Gatenby", "Mountain"]

# ------------------------------------------------------------------------------------ invented places
TOWNS = ["Abercarreg", "Llanfeirion", "Trefwyn", "Cwmderwen", "Glynhafren", "Pontyrhedyn", "Bryncelyn",
         "Cefn Mawrth", "Kilbrannoch", "Auchterbrae", "Strathmorran", "Glenfarroch", "Kirkmuir", "Dunvarrie",
         "Portmaddie", "Drumcarrow", "Lisnabrack", "Carrickmoyle", "Tullanagh", "Killycrean", "Harlowmead",
         "Netherford", "Wexcombe", "Stallingham", "Bramwell Cross", "Upton Crane"]
SITE_TOWNS = ("Trefwyn", "Kirkmuir", "Lisnabrack", "Harlowmead")
ESTATES = ["Gorsebank", "Fernleigh Park", "Bluebell", "Maes y Dderwen", "Penhallow", "Jubilee", "Glebelands",
           "Larks Rise", "Hafod Ucha", "Burnside", "Castle Heights", "Tanyard"]
STREETS = ["Cilgwyn Terrace", "Drovers Close", "Maesglas Court", "Heol Tywod", "Ffordd yr Eglwys", "Cuthbert Wynd",
           "Tolbooth Vennel", "Garnock Brae", "Glenmona Crescent", "Wagtail Close", "Sorrel Way", "Kestrel Rise",
           "Albion Terrace", "Brynteg Avenue", "Rathmore Gardens", "Saltpan Road", "Mafeking Street"]
POSTCODES = ["SA19", "LL42", "CF37", "KY12", "PH33", "BT47", "TD9", "NP23", "ML11", "SY21", "BT78", "KA27",
             "CF37 2QH", "LL42 6TB", "KY12 8PW", "BT47 3DF", "NP23 4XJ"]
HOSPITALS = ["Ysbyty Glanrhyd", "Ysbyty Maes Derw", "Strathmorran Royal", "Kirkmuir Infirmary", "Lisnabrack Hospital",
             "St Brannoc's", "Harlowmead General", "Dunvarrie Cottage Hospital", "Carrickmoyle Area Hospital",
             "Netherford Royal", "Bryn Hyfryd", "Tullanagh Hospital"]
UNITS = ["Hawthorn Unit", "Tegid Ward", "Rowan Suite", "Ward Dyfrdwy", "Campion Unit", "Heather Ward", "Osprey Unit",
         "Ward 9", "ward nine", "Curlew Ward", "Foxglove Unit", "Ward 14", "Lapwing Assessment Unit",
         "Teasel Ward"]
SERVICES = ["Kirkmuir Alcohol Service", "Lisnabrack Step-Down", "Harlowmead Floating Support", "Trefwyn Adferiad Hub",
            "the Brambles", "Auchterbrae Recovery Cafe", "Glynhafren Substance Misuse Team", "Drumcarrow Outreach",
            "Netherford Needle Exchange", "Pontyrhedyn Wellbeing Hub", "Wexcombe Day Centre",
            "Stallingham Dual Diagnosis Team"]
ORGANISATIONS = ["Glynhafren University Health Board", "Strathmorran Health and Social Care Partnership",
                 "Drumcarrow Health and Social Care Trust", "Harlowmead and Fernleigh NHS Foundation Trust",
                 "Kirkmuir Council", "Trefwyn Housing Association", "Cartrefi Derwen", "Lisnabrack Housing Co-op",
                 "Netherford Borough Council", "Abercarreg Credit Union", "Dunvarrie Foodbank",
                 "Stallingham Homes"]
PRACTICES = ["Tollgate Practice", "Bryngolau Medical Centre", "Quarry Surgery", "Drumcarrow Health Centre",
             "Old Forge Surgery", "Kilbrannoch Medical Practice", "Penhallow Surgery", "Wexcombe Health Centre",
             "Gwalia Pharmacy", "Kirkmuir Pharmacy", "Prydain Chemist", "Mulhern's Chemist"]
SCHOOLS = ["Ysgol Bryn Derw", "St Ninian's Primary", "Kirkmuir Academy", "Fernleigh High", "Lisnabrack Integrated",
           "Ysgol Gyfun Cwmderwen", "Netherford Comp", "St Colmcille's", "Auchterbrae Primary", "Harlowmead Academy"]
CHURCHES = ["St Tysilio's", "Capel Salem", "Our Lady of the Wells", "St Moluag's", "Bethania", "Tabernacl",
            "St Brigid's", "Bethel Gospel Hall", "Al-Noor mosque", "Kirkmuir Gurdwara",
            "Harlowmead Elim"]
PUBS = ["Drovers Arms", "Tafarn y Felin", "Black Lion", "Ferryman", "Kirk Inn", "Half Moon", "Mucky Duck",
        "Lisnabrack House", "Railway Tavern", "Glan yr Afon", "Brannoch Bar", "Sloop"]
WORKPLACES = ["Pennant Bakeries", "Dolwen Quarry", "Hafod Mill", "Castlegate Distribution", "Kirkmuir Fish",
              "Lisnabrack Meats", "Tegfryn Care Home", "Harlowmead Logistics", "Strathmorran Distillery",
              "Carrickmoyle Creamery", "Ridgeway Plastics", "Netherford Brickworks"]
PLACE_POOLS = {"town": TOWNS, "estate": ESTATES, "street": STREETS, "postcode": POSTCODES, "hospital": HOSPITALS,
               "unit": UNITS, "service": SERVICES, "organisation": ORGANISATIONS, "practice": PRACTICES,
               "school": SCHOOLS, "church": CHURCHES, "pub": PUBS, "workplace": WORKPLACES}
# Words of these place names that identify nothing on their own (beside anon_table.PLACE_GENERIC): a place
# counts as caught when its other words are removed ("[name] Surgery", "Ysbyty [name]", "[name] Terrace").
PLACE_GENERIC_EXTRA = frozenset({
    "park", "heights", "rise", "terrace", "close", "heol", "ffordd", "yr", "y", "wynd", "vennel", "brae",
    "crescent", "avenue", "gardens", "ysbyty", "cottage", "area", "suite", "assessment", "step", "down", "floating",
    "support", "cafe", "substance", "misuse", "outreach", "needle", "exchange", "day", "dual", "diagnosis",
    "university", "health", "board", "social", "care", "partnership", "trust", "nhs", "foundation", "council",
    "association", "co", "op", "borough", "credit", "union", "foodbank", "homes", "practice", "medical", "surgery",
    "pharmacy", "chemist", "ysgol", "gyfun", "primary", "academy", "high", "integrated", "comp", "capel", "mosque",
    "gurdwara", "our", "lady", "gospel", "hall", "arms", "tafarn", "inn", "bar", "tavern", "bakeries", "quarry",
    "mill", "distribution", "fish", "meats", "home", "logistics", "distillery", "creamery", "plastics", "brickworks",
})
# places said with "the" in front, which stays outside the gold span
_THE = {"estate", "unit", "practice", "pub", "organisation"}

# ----------------------------------------------------------------------------------------- negatives
NEGATIVE_POOLS: dict[str, list[str]] = {
    "public_figure": ["Florence Nightingale", "Mary Seacole", "Marcus Rashford", "David Attenborough", "Gordon Brown",
                      "Nicola Sturgeon", "Mark Drakeford", "Michelle O'Neill", "Esther Rantzen", "Joe Wicks",
                      "the Health Secretary", "the First Minister", "the Prime Minister", "the Chief Medical Officer",
                      "the King"],
    "public_body": ["NHS Wales", "NHS 24", "Public Health Scotland", "the DVLA", "HMRC", "Ofsted",
                    "the Care Inspectorate", "Social Security Scotland", "NHS Inform", "Macmillan", "Barnardo's",
                    "Mencap", "Marie Curie", "Women's Aid", "Refuge", "the Trussell Trust", "the British Red Cross",
                    "St John Ambulance", "Gamblers Anonymous", "Families Anonymous", "Nar-Anon", "Alateen",
                    "StepChange", "Kooth"],
    "medicine_brand": ["mirtazapine", "pregabalin", "Subutex", "diazepam", "Buvidal", "quetiapine", "citalopram",
                       "Espranor", "Librium", "acamprosate", "Antabuse", "Nicorette", "Greggs", "Aldi", "Primark",
                       "Boots", "Lidl", "Iceland", "Poundland", "Argos", "Specsavers", "Wetherspoons", "Costa"],
    "platform": ["TikTok", "Snapchat", "Messenger", "Attend Anywhere", "Facetime", "Skype", "Rightmove", "Vinted",
                 "Lorenzo", "Cerner", "Rio", "Docman", "WCCIS", "Vision"],
    "calendar": ["Monday", "Wednesday", "Friday", "Sunday", "Saturday", "May", "June", "August", "April", "March",
                 "November", "Eid", "Diwali", "Easter", "Christmas", "Hogmanay", "St David's Day", "Ramadan",
                 "Vaisakhi", "Hanukkah", "Lent", "Bonfire Night", "St Patrick's Day"],
    "culture": ["Celtic", "Rangers", "Arsenal", "Spurs", "Hibs", "Hearts", "Wolves", "EastEnders",
                "Coronation Street", "Emmerdale", "Hollyoaks", "Pobol y Cwm", "Question Time", "Strictly",
                "Bargain Hunt", "Homes Under the Hammer", "Match of the Day", "Gavin and Stacey", "Still Game",
                "Derry Girls"],
    "study_label": ["P14", "p9", "SP4", "sp5", "F1", "f2", "Participant 14", "participant nine", "PARTICIPANT 21",
                    "Interviewee C", "interviewee d", "Case Study B", "case study d", "SP 6", "participant 3"],
}
NEGATIVE_SLOTS = {"figure": "public_figure", "body": "public_body", "med": "medicine_brand", "shop": "medicine_brand",
                  "platform": "platform", "system": "platform", "day": "calendar", "month": "calendar",
                  "festival": "calendar", "club": "culture", "tv": "culture", "label": "study_label"}
_WEEKDAYS = ["Monday", "Wednesday", "Friday", "Sunday", "Saturday"]
_MONTHS = ["May", "June", "August", "April", "March", "November"]
_FESTIVALS = ["Eid", "Diwali", "Easter", "Christmas", "Hogmanay", "St David's Day", "Ramadan", "Vaisakhi",
              "Hanukkah", "Lent", "Bonfire Night", "St Patrick's Day"]
_MEDS = NEGATIVE_POOLS["medicine_brand"][:12]
_SHOPS = NEGATIVE_POOLS["medicine_brand"][12:]
_PLATFORMS = NEGATIVE_POOLS["platform"][:8]
_SYSTEMS = NEGATIVE_POOLS["platform"][8:]
_CLUBS = NEGATIVE_POOLS["culture"][:7]
_TV = NEGATIVE_POOLS["culture"][7:]


# ------------------------------------------------------------------------------------------- records
@dataclass
class Character:
    """Someone a story names: ``formal`` is the registered or full given name, ``short`` what people say."""

    given: str
    surname: str
    gender: str  # "f" or "m": pronouns in the telling
    registered: bool
    short: str | None = None  # diminutive
    title: str = ""  # Dr, Nurse, ...: said with the surname
    given_only: bool = False  # registered by given name only: the story never says the surname
    introduced: bool = False

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass
class Story:
    """One participant's world: the people and places a life story names."""

    teller: fg.Person
    teller_char: Character
    people: dict[str, Character]
    places: dict[str, tuple[str, str, bool]]  # role -> (surface, class, registered)


@dataclass
class SiteWorld:
    town: str
    hospital: str
    unit: str
    service: str
    organisation: str
    practice: str
    staff: list[Character]


@dataclass
class NoteSession:
    session: fg.Session
    forms: list[list[str]]  # per turn, per mention: the form said ("" for places and negatives)


@dataclass
class NoteStudy:
    sites: list[SiteWorld]
    people: list[fg.Person]  # every speaker (the manifest)
    sessions: list[NoteSession]


# ------------------------------------------------------------------------------------------- telling
_SLOT = re.compile(r"\{(\w+)(?::(\w+))?(?::(\w+))?\}")


class Teller:
    """Builds one turn's speech, records each mention, and keeps who has been introduced."""

    def __init__(self, rng: random.Random, story: Story, site: SiteWorld) -> None:
        self.rng, self.story, self.site = rng, story, site
        self.parts: list[str] = []
        self.mentions: list[fg.Mention] = []
        self.forms: list[str] = []
        self.size = 0

    def say(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    def entity(self, surface: str, kind: str, registered: bool, negative: bool = False, form: str = "") -> None:
        self.mentions.append(fg.Mention(self.size, self.size + len(surface), kind, registered, negative))
        self.forms.append(form)
        self.say(surface)

    def text(self) -> str:
        return "".join(self.parts)

    def tell(self, template: str) -> None:
        pos = 0
        for m in _SLOT.finditer(template):
            self.say(template[pos:m.start()])
            self.slot(m.group(1), m.group(2) or "", m.group(3) or "")
            pos = m.end()
        self.say(template[pos:])

    # -- people
    def person(self, c: Character, how: str) -> None:
        """A referring expression for ``c``: introduced once, then named as people name people."""
        rng = self.rng
        if c.given_only:
            how = "given"
        if how == "full":
            self.entity(c.full, "person", c.registered, form="full")
            c.introduced = True
            return
        if how == "title" or (c.title and how == "" and rng.random() < 0.5):
            self.say((c.title or rng.choice(["Mrs", "Mr"] if c.gender == "m" else ["Mrs", "Ms"])) + " ")
            self.entity(c.surname, "person", c.registered, form="title")
            c.introduced = True
            return
        if not c.introduced and how != "given":
            c.introduced = True
            if rng.random() < 0.45:
                self.entity(c.full, "person", c.registered, form="full")
                return
        roll = rng.random()
        if c.short and roll < 0.4:
            self.entity(c.short, "person", c.registered, form="diminutive")
        elif c.given in MISHEARD and roll < 0.6:
            self.entity(MISHEARD[c.given], "person", c.registered, form="misheard")
        else:
            self.entity(c.given, "person", c.registered, form="given")

    def slot(self, name: str, arg: str, how: str) -> None:
        rng, story = self.rng, self.story
        if name == "p":  # a person of the story by role
            c = story.people[arg]
            if how == "poss":
                self.person(c, "given" if c.introduced else "")
                self.say("'s")
            else:
                self.person(c, how)
        elif name == "me":  # the teller, as someone else says it (reported speech, address)
            c = story.teller_char
            if c.short and rng.random() < 0.6:
                self.entity(c.short, "person", True, form="diminutive")
            elif c.given in MISHEARD and rng.random() < 0.3:
                self.entity(MISHEARD[c.given], "person", True, form="misheard")
            else:
                self.entity(c.given, "person", True, form="given")
        elif name == "staff":
            self.person(rng.choice(self.site.staff), how)
        elif name == "l":  # a place of the story by role
            surface, kind, registered = story.places[arg]
            if (kind in _THE and not surface.lower().startswith(("the ", "ward ")) and rng.random() < 0.7
                    and not self.text().endswith(("the ", "The "))):
                self.say("the ")
            if surface.startswith("the "):
                self.say("the ")
                surface = surface[4:]
            self.entity(surface, kind, registered)
        elif name in NEGATIVE_SLOTS:
            pool = {"day": _WEEKDAYS, "month": _MONTHS, "festival": _FESTIVALS, "med": _MEDS, "shop": _SHOPS,
                    "platform": _PLATFORMS, "system": _SYSTEMS, "club": _CLUBS,
                    "tv": _TV}.get(name, NEGATIVE_POOLS[NEGATIVE_SLOTS[name]])
            surface = rng.choice(pool)
            if surface.startswith("the "):
                self.say("the " if not self.text().endswith(("the ", "The ")) else "")
                surface = surface[4:]
            self.entity(surface, NEGATIVE_SLOTS[name], False, negative=True)
        elif name == "num":
            self.say(str(rng.choice([2, 3, 7, 11, 14, 19, 23, 31, 42, 58, 106])) + rng.choice(["", "", "", "a", "b"]))
        elif name == "time":
            self.say(rng.choice(["half nine", "ten past eight", "quarter to four", "2 o'clock", "11:30", "7.45",
                                 "twenty past six", "half two"]))
        elif name == "date":
            self.say(rng.choice(["the 3rd", "the 14th", "the 21st", "the 9th", "the 28th", "the 1st"]))
        elif name == "age":
            self.say(rng.choice(["nine", "twelve", "fifteen", "sixteen", "nineteen", "twenty-two", "thirty"]))
        else:
            raise KeyError(name)


# Life events, in the order a life happens. Each variant is one or two sentences of plain speech;
# {p:ROLE[:FORM]} names a person of the story, {l:ROLE} a place, {me} the teller as others say it,
# {staff} one of the site's registered staff, {day} {month} {festival} {med} {shop} {platform}
# {system} {club} {tv} {figure} {body} {label} a negative, {num} {time} {date} {age} plain details.
EVENTS: list[tuple[str, list[str]]] = [
    ("born", ["I was born in {l:birthtown}, up by {l:school}, and we lived at {num} {l:street1} till I was {age}",
              "Mam was from {l:birthtown} originally, {p:mam}, and Dad, {p:dad}, he came over for the work",
              "we grew up on {l:estate1}, me, {p:sib1}, {p:sib2} and {p:nan:full} who lived with us"]),
    ("school", ["I went to {l:school}, and {p:friend1} was in my year, we were thick as thieves",
                "{l:school} was all right, {p:teacher:title} was the only teacher who bothered with me",
                "I left {l:school} at fifteen, no exams, {p:friend1}'s dad said there was work going"]),
    ("church", ["{p:nan:poss} whole life was {l:church}, every {day}, and at {festival} she'd drag us all there",
                "we did {festival} at {l:church} when I was little, {p:mam} doing the food",
                "there was a minister at {l:church}, {p:minister:title}, he used to give us a lift"]),
    ("work", ["I got taken on at {l:work1} on the line, {p:boss} was the gaffer, early shifts, {time} start",
              "I did nine years at {l:work1}, and {p:colleague} got me into the drinking to be fair",
              "after {l:work1} shut I was stacking shelves in {shop}, which I hated"]),
    ("pub", ["we'd all end up in {l:pub} of a {day}, {club} on the telly, {p:colleague} buying",
             "{p:sib1} was barred from {l:pub} after the fight with {p:neighbour:full}",
             "I met {p:partner} in {l:pub}, it was {festival}, I remember because of the lights"]),
    ("move", ["then me and {p:partner} got a flat on {l:estate2}, {num} {l:street2}, {l:postcode} it was",
              "we moved out to {l:town2} in {month}, {p:partner:poss} sister {p:inlaw} had a spare room",
              "{l:org2} found us a place on {l:street2}, up in {l:town2}, the {l:postcode} end"]),
    ("kids", ["{p:child} was born in {month} at {l:hosp2}, seven pound two, and {p:mam} cried her eyes out",
              "our {p:child} started at {l:school2} that {month}, and I was walking her there at {time} every day",
              "me, {p:partner}, {p:child} and {p:sib2:given} all squashed in that flat"]),
    ("crisis", ["it got bad, and I ended up in {l:hosp} on {l:unit}, {staff} was on nights and sat with me",
                "they took me to {l:hosp} in the ambulance, {date} of {month}, and I was on {l:unit} three weeks",
                "there was nothing in {l:home} then, so {p:sib1:given} drove me to {l:hosp} at {time} in the morning",
                "{p:sib1} found me and rang 999, and I woke up on {l:unit} with {staff:x:title} looking at me",
                "they put me on {med} on {l:unit}, and {staff} said I'd feel like a zombie for a week",
                "before that I'd been in {l:hosp2}, on {l:unit2}, and {p:gp_other:title} there just discharged me",
                "they wanted me in {l:hosp2} but there were no beds, so it was {l:unit2} or nothing",
                "{p:sib2:given} was on {l:unit2} the same year, {time} visiting, and {p:mam:given} went every night"]),
    ("gp", ["the doctor at {l:practice}, {p:gp_other:title}, he wasn't interested, but then I got {staff} instead",
            "{l:practice} referred me to {l:service} on {date}, and {staff:x:given} rang me that {day}",
            "I pick my {med} up from {l:pharmacy} every {day} at {time}, the girl there, {p:pharm}, knows me now",
            "I was with {l:practice_other} before, in {l:town2}, and they struck me off over nothing",
            "{l:practice_other} sent me to {l:service2} first, but the wait was five months"]),
    ("service", ["at {l:service} I got {staff}, and honestly {staff:x:given} was the first one who listened",
                 "{l:service} do a group on a {day}, and {p:peer} from there got me going to {body}",
                 "{l:service} is run by {l:org} now, and it's all on {platform} since Covid, which is rubbish",
                 "there's {staff} and {staff:x:given} at {l:service}, and they'll ring you at {time} if you miss",
                 "I tried {l:service2} over in {l:town3}, but {p:peer:given} said {l:service} was better"]),
    ("housing", ["{l:org2} moved me to {l:town3} in {month}, a one-bed on {l:street3}, {l:postcode2}",
                 "I was sofa-surfing at {p:friend2:poss} on {l:estate3} for months, then {l:org2} came through",
                 "I had a letter from {body} and {l:org2} on the same {day}, and I just sat on the step"]),
    ("family", ["{p:sib1} rang me and she says, {me}, you're coming to ours for {festival}, no arguments",
                "{p:mam} still says, {me}, she says, you were always the soft one",
                "{p:child} messages me on {platform} now, and {p:partner:given} lets me see her on a {day}",
                "me, {p:sib2}, {p:child} and {p:inlaw:given} went to {l:town2} for {festival}, first time in years"]),
    ("recovery", ["I go to {body} on a {day} night at {l:church2}, and {p:peer:given} picks me up at {time}",
                  "I watched {figure} on {tv} talking about it and I thought, that's me, that is",
                  "now I'm doing the volunteering at {l:work2}, {p:boss2} took a chance on me",
                  "I'm still on {med}, {staff:x:given} at {l:service} does the scripts, and I walk past {l:pub}",
                  "{figure} came to open {l:service2} and we all had our photo taken, {p:peer:given} framed it"]),
    ("now", ["I'm back on {l:street1} now, near {p:mam}, and {p:nan:given} is in {l:hosp2}, she's ninety",
             "me and {p:partner:given} watch {tv} of a night, and {p:child} comes on {day} for her tea",
             "{p:friend1} still lives in {l:birthtown}, I see him at {l:pub} when I'm home for {festival}",
             "I saw {figure} on {platform} saying the same as me, and {p:sib2:given} sent it round the family",
             "I've been in {l:home} eleven years now, since {p:partner:given} left, and {p:child:given} is in "
             "{l:town3}"]),
]

PROBES = ["And {l:birthtown}, was that where your family was from?", "Who was {p:friend1:given} to you, then?",
          "Can you say a bit more about {l:unit}?", "You mentioned {staff:x:given}; how did that start?",
          "What happened after {month}?", "And {p:partner:given}, were they still around then?",
          "Sorry, for the recording, this is {label}, the second interview.", "Mm. Take your time, {me}.",
          "Thanks, {me}. And {l:service}, how did you first hear about it?", "Was that through {body}?",
          "How long were you at {l:work1}?", "And the move to {l:town2}, how was that?",
          "When you say {p:sib1:given} rang, was that after {l:hosp}?", "Like {label} said last time?",
          "Did {l:practice} know what was going on?", "And was {l:org2} any help?", "Right. Go on.",
          "For the transcript I'll call you {label}, is that OK?", "You said {l:hosp2}; was that before {l:unit}?",
          "And {l:practice_other}, where's that?", "Is it OK if we quote you as {label}?",
          "And {l:unit2}, is that part of {l:hosp2}?", "And you're still in {l:home} now?"]

# a staff interview in the register of case notes: clients named by title and surname, dates and systems
CASE_NOTES = ["so I've got her notes up on {system}. {p:client:title} was referred by {l:practice} on {date} of "
              "{month}",
              "{p:client} was living with her brother, {p:client_sib:full}, at {num} {l:street2}, {l:postcode}",
              "first contact was {date}, {time}, seen with {staff} at {l:service}, plan agreed",
              "admitted to {l:hosp} on {date}, {l:unit} for four nights, then back to {l:service}",
              "{p:client:given} had a relapse at {festival}, her ex, {p:client_ex:full}, came back on the scene",
              "we do a joint visit with {l:org} on a {day}, me and {staff}, and it goes on {system} that afternoon",
              "the school, {l:school2}, flagged it first, {p:client_child:given} was coming in hungry",
              "she was on {med} from {l:pharmacy}, daily pick-up, and {staff:x:given} did the review",
              "{label} in the last round said the same about {l:org}, to be fair",
              "{p:client:given} moved to {l:town3} in {month}, {l:estate3}, so she's out of area for us now",
              "{p:client_sib:given} works at {l:work1}, nights, so he can't always have the kids",
              "honestly {p:client:given} would say {staff:x:given} saved her life, and {staff:x:given} would say "
              "it was {body}",
              "previously known to {l:service2} and {l:hosp2}, {l:unit2}, so there's a history",
              "GP is {l:practice_other} but she's registering with {l:practice} now she's in {l:town2}",
              "{figure} was on about it on {tv} and half my caseload rang me the next day",
              "{label} and {label} in the last round both mentioned {l:service2}",
              "she's {l:home} born and bred, {p:client_sib:given} too, the whole family's on {l:estate1}"]
STAFF_PROBES = ["Can you walk me through a recent case?", "And how does that get recorded?", "What happened next?",
                "Who else was involved, {me}?", "How does {l:org} fit in?", "Mm-hmm. And {l:unit}?",
                "For the tape, you're {label}.", "Thanks, {me}. Anything else?"]


# ------------------------------------------------------------------------------------------ the study
class _Names:
    """Draws people from the pools. A registered person's given name, diminutive and surname are used by
    nobody else; people nobody registered are distinct within a session but may recur across sessions."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.registered: set[str] = set()
        self.session: set[str] = set()

    def draw(self, registered: bool, gender: str | None = None, formal: bool = False) -> Character:
        rng = self.rng
        for _ in range(10_000):
            g = gender or rng.choice("fm")
            formal_pool = FORMAL_F if g == "f" else FORMAL_M
            roll = rng.random()
            if formal or roll < 0.2:
                given = rng.choice(sorted(formal_pool))
            elif roll < 0.45:
                given = rng.choice(EVERYDAY_F if g == "f" else EVERYDAY_M)
            else:
                given = rng.choice(GIVEN_F if g == "f" else GIVEN_M)
            surname = rng.choice(SURNAMES)
            short = formal_pool.get(given)
            words = {x for x in (given, surname, short) if x}
            if words & (self.registered | self.session):
                continue
            (self.registered if registered else self.session).update(words)
            return Character(given, surname, g, registered, short)
        raise ValueError("name pools too small")


_PEOPLE_ROLES = ["mam", "dad", "sib1", "sib2", "nan", "friend1", "friend2", "teacher", "minister", "boss", "boss2",
                 "colleague", "neighbour", "partner", "inlaw", "child", "gp_other", "pharm", "peer", "client",
                 "client_sib", "client_ex", "client_child"]
_GENDER = {"mam": "f", "dad": "m", "nan": "f", "client": "f", "client_sib": "m", "client_ex": "m", "child": "f",
           "friend1": "m", "sib1": "f", "inlaw": "f", "pharm": "f"}


def _places(rng: random.Random, site: SiteWorld, taken: dict[str, list[str]]) -> dict[str, tuple[str, str, bool]]:
    def pick(kind: str) -> tuple[str, str, bool]:
        pool = taken[kind]
        surface = pool[rng.randrange(len(pool))]
        return surface, kind, False

    places = {"birthtown": pick("town"), "town2": pick("town"), "town3": pick("town"), "estate1": pick("estate"),
              "estate2": pick("estate"), "estate3": pick("estate"), "street1": pick("street"),
              "street2": pick("street"), "street3": pick("street"), "postcode": pick("postcode"),
              "postcode2": pick("postcode"), "school": pick("school"), "school2": pick("school"),
              "church": pick("church"), "church2": pick("church"), "pub": pick("pub"), "work1": pick("workplace"),
              "work2": pick("workplace"), "hosp2": pick("hospital"), "org2": pick("organisation"),
              "unit2": pick("unit"), "service2": pick("service"),
              "pharmacy": pick("practice"), "practice_other": pick("practice")}
    places.update({"home": (site.town, "town", True), "hosp": (site.hospital, "hospital", True),
                   "unit": (site.unit, "unit", True), "service": (site.service, "service", True),
                   "org": (site.organisation, "organisation", True), "practice": (site.practice, "practice", True)})
    return places


def _display(rng: random.Random, c: Character, fmt: str) -> tuple[str, list[str]]:
    """How the platform shows a speaker, and the manifest aliases that needs (the manifest has formal names)."""
    said = c.short or c.given
    roll = rng.random()
    if fmt == "teams_vtt" and roll < 0.4:
        return f"{c.surname}, {said}", ([f"{said} {c.surname}"] if said != c.given else [])
    if fmt == "zoom_vtt" and roll < 0.4:
        return f"{said}'s Galaxy", [f"{said}'s Galaxy"]
    if said != c.given:
        return f"{said} {c.surname}", [f"{said} {c.surname}"]
    return c.full, []


def make_study(seed: int = SEED, sessions_per_site: int = 8, events_per_story: int = 26) -> NoteStudy:
    rng = random.Random(seed)
    names = _Names(rng)
    # places: site places are registered; the rest are shared by every story (minus the site's own)
    pools = {k: list(v) for k, v in PLACE_POOLS.items()}
    for k in pools:
        rng.shuffle(pools[k])
    sites = []
    for i, town in enumerate(SITE_TOWNS):
        staff = [names.draw(True) for _ in range(6)]
        for c in staff[:2]:
            c.title = rng.choice(["Dr", "Nurse"])
        for c in staff[4:]:
            c.given_only = True
        sites.append(SiteWorld(town, pools["hospital"][i], pools["unit"][i], pools["service"][i],
                               pools["organisation"][i], pools["practice"][i], staff))
    n_sites = len(SITE_TOWNS)
    shared = {k: [x for x in v[n_sites:] if x not in SITE_TOWNS] if k in ("hospital", "unit", "service",
                                                                             "organisation", "practice")
              else [x for x in v if x not in SITE_TOWNS] for k, v in pools.items()}
    interviewers = [names.draw(True, formal=True) for _ in range(2)]
    # every registered person is drawn before anyone nobody registered, so no one shares a registered name
    tellers = [names.draw(True, formal=rng.random() < 0.5) for _ in range(len(sites) * sessions_per_site)]
    people = [fg.Person(c.given, c.surname, "facilitator", "", c.full) for c in interviewers]
    sessions: list[NoteSession] = []
    n = 0
    for site in sites:
        for k in range(sessions_per_site):
            fmt = fg.FORMATS[n % len(fg.FORMATS)]
            n += 1
            staff_interview = k % 4 == 3
            teller_char = tellers[n - 1]
            disp, aliases = _display(rng, teller_char, fmt)
            role = "staff" if staff_interview else rng.choice(["service_user", "service_user", "carer"])
            stem = f"{site.town.lower()}_{'staff' if staff_interview else 'story'}_{k + 1:02d}"
            teller = fg.Person(teller_char.given, teller_char.surname, role, site.town, disp, aliases)
            if fmt == "otter_txt" and rng.random() < 0.5:  # Otter did not know the voice: a file-scoped alias
                teller.display = "Speaker 2"
                teller.aliases.append(f"Speaker 2@{stem}")
            people.append(teller)
            ic = rng.choice(interviewers)
            lead = fg.Person(ic.given, ic.surname, "facilitator", "", ic.full)
            names.session = set()
            cast = {r: names.draw(False, _GENDER.get(r)) for r in _PEOPLE_ROLES}
            for c in site.staff:
                c.introduced = False
            for r in ("teacher", "minister", "gp_other"):
                cast[r].title = {"teacher": rng.choice(["Mr", "Mrs", "Miss"]), "minister": "Reverend",
                                 "gp_other": "Dr"}[r]
            story = Story(teller, teller_char, cast, _places(rng, site, shared))
            turns, forms = _telling(rng, story, site, lead, staff_interview, events_per_story)
            sessions.append(NoteSession(fg.Session(stem, site.town, fmt, [lead, teller], turns), forms))
    return NoteStudy(sites, people, sessions)


def _turn(rng: random.Random, story: Story, site: SiteWorld, speaker: fg.Person,
          templates: list[str], close: bool = True) -> tuple[fg.Turn, list[str]]:
    t = Teller(rng, story, site)
    for i, template in enumerate(templates):
        if i:
            t.say(rng.choice([". ", ". And ", ", and then ", ". So ", ". Anyway, ", ". I mean ", ", and "]))
        t.tell(template)
    if close:
        t.say(rng.choice([".", ".", "...", ", you know.", ", if that makes sense."]))
    text = re.sub(r"(^|[.?!] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), t.text())
    return fg.Turn(speaker.display, text, t.mentions), t.forms


def _staff_for_x(template: str, story: Story, site: SiteWorld, rng: random.Random) -> str:
    """``{staff:x:...}``: one named staff member for the whole sentence ("Nia ... Nia would say")."""
    if "{staff:x" not in template:
        return template
    role = f"staff{rng.randrange(len(site.staff))}"
    story.people.setdefault(role, site.staff[int(role[5:])])
    return template.replace("{staff:x:", "{p:" + role + ":").replace("{staff:x}", "{p:" + role + "}")


def _telling(rng: random.Random, story: Story, site: SiteWorld, lead: fg.Person, staff_interview: bool,
             n_events: int) -> tuple[list[fg.Turn], list[list[str]]]:
    """Probe, a paragraph of events, probe, ...: the events in life order, three to six a turn."""
    if staff_interview:
        plan = rng.sample(CASE_NOTES, k=len(CASE_NOTES))
        plan += rng.sample(CASE_NOTES, k=min(len(CASE_NOTES), max(0, n_events - len(CASE_NOTES))))
        probes = STAFF_PROBES
    else:
        # every stage of a life once, then further events of any stage (each variant told once), in life order
        first = [(i, rng.choice(v)) for i, (_, v) in enumerate(EVENTS)]
        rest = [(i, x) for i, (_, v) in enumerate(EVENTS) for x in v if (i, x) not in first]
        extra = rng.sample(rest, k=min(len(rest), max(0, n_events - len(first))))
        plan = [x for _, x in sorted(first + extra, key=lambda e: e[0])]
        probes = PROBES
    turns: list[fg.Turn] = []
    forms: list[list[str]] = []
    opener = "Thanks for doing this, {me}. Can you start wherever you like, where you grew up maybe?" \
        if not staff_interview else "Thanks, {me}. Could you tell me about your caseload?"
    i = 0
    probe = opener
    while i < len(plan):
        turn, f = _turn(rng, story, site, lead, [_staff_for_x(probe, story, site, rng)], close=False)
        turns.append(turn)
        forms.append(f)
        k = rng.randint(3, 6)
        run = [_staff_for_x(p, story, site, rng) for p in plan[i:i + k]]
        turn, f = _turn(rng, story, site, story.teller, run)
        turns.append(turn)
        forms.append(f)
        i += k
        probe = rng.choice(probes)
    return turns, forms


# ------------------------------------------------------------------------------------- written files
def write_set(folder: Path, study: NoteStudy, caption: bool,
              seed: int = SEED) -> list[tuple[fg.Session, Path, list[fg.Turn], list[str]]]:
    """Write every session (cased, in its own format, or as lower-cased captions); forms are flattened in
    the order :func:`focus_groups.locate` returns the mentions."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, ns in enumerate(study.sessions):
        s = ns.session
        fmt = fg.CAPTION_FORMATS[i % len(fg.CAPTION_FORMATS)] if caption else s.fmt
        pairs = [(fg.caption_turn(t) if caption else t, f) for t, f in zip(s.turns, ns.forms, strict=True)]
        pairs = [(t, f[:len(t.mentions)]) for t, f in pairs if t.text]
        turns = [t for t, _ in pairs]
        forms = [x for _, f in pairs for x in f]
        out.append((s, fg.write_session(folder, s, fmt, turns, seed), turns, forms))
    return out


def write_manifest(path: Path, study: NoteStudy) -> None:
    """participants.csv: formal full names, platform names as aliases, the site town in ``site``."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "aliases", "role", "site", "label", "interview"])
        for p in study.people:
            w.writerow([p.name, ";".join(p.aliases), p.role, p.site, "",
                        "research team" if p.role == "facilitator" else "life story"])


def write_register(path: Path, study: NoteStudy) -> None:
    """The register: each site's staff (two by given name only, as teams know them) and local places."""
    rows: list[tuple[str, str, str]] = []
    for site in study.sites:
        for k, c in enumerate(site.staff):
            rows.append((c.given if k >= 4 else c.full, "person", ""))
        rows += [(site.hospital, "hospital", "[hospital]"), (site.unit, "ward", "[ward]"),
                 (site.service, "service", "[local service]"), (site.organisation, "trust", "[health body]"),
                 (site.practice, "place", "[GP practice]")]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["surface", "category", "placeholder"])
        w.writerows(rows)
