"""Word lists the extraction rules consult: general English news usage, nothing of one article."""
from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property, lru_cache
from importlib import resources


class _DataMapping(Mapping):
    """A read-only dict built from a kg/data table on first use, so importing kg reads no file."""

    def __init__(self, build):
        self._build = build

    @cached_property
    def _table(self) -> dict[str, str]:
        return self._build()

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def __iter__(self):
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def data_rows(filename: str, *, separator: str | None = "\t", header: bool = True) -> list[list[str]]:
    """The rows of a table shipped in kg/data: its lines without ``#`` comments and blank lines, split
    on ``separator`` (None: on whitespace), the first (a header) left out where ``header``."""
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    rows = [line.split(separator) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:] if header else rows


def _cue_verbs() -> dict[str, str]:
    """Reporting verb lemma -> speech act (kg.model.SPEECH_ACTS): "say" -> "say", "slam" -> "criticize"."""
    return {lemma: act for lemma, act in data_rows("cue-verbs.tsv")}


# reporting verb lemma -> speech act (kg.model.SPEECH_ACTS)
CUE_VERBS: Mapping[str, str] = _DataMapping(_cue_verbs)

# cues that report only a quotation beside them ("“...,” he continued."): "prices will continue to
# rise" and "the deal will continue not to play well" say nothing of anyone's speech
QUOTE_ONLY_CUES = {"continue"}

# cues whose object alone can be what was said ("accused China of ...", "urged the council to ...",
# "rejected any claims"); every other cue needs a that-clause or a quotation, so "attacked a police
# station", "questioned three men" or "slammed the door" are not statements
OBJECT_CUES = {"accuse", "blame", "urge", "implore", "demand", "deny", "dispute", "reject", "refute", "rebut",
               "recommend", "propose", "advise", "criticize", "criticise", "condemn", "denounce", "decry",
               "lambaste", "reiterate", "repeat", "pledge", "vow", "allege"}

# cues that report speech only when aimed at people: "attacked critics", "slammed the media",
# "questioned Carson's biography" — but not "attacked a police station", "slammed the door"
TARGETED_CUES = {"attack", "slam", "blast", "mock", "question", "charge", "dismiss", "counter", "describe",
                 "lament", "complain"}
PEOPLE_NOUNS = {"critic", "media", "press", "reporter", "journalist", "opponent", "rival", "administration",
                "government", "party", "campaign", "leader", "official", "hopeful", "candidate", "politician",
                "biography", "record", "claim", "report", "story", "comment", "remark", "policy", "plan",
                "proposal", "decision", "idea", "statement", "speech", "call"}

# cues whose to-infinitive is what they report: "wants to end the program", "vowed to fight"
INFINITIVE_CUES = {"want", "plan", "intend", "promise", "pledge", "vow", "urge", "call", "ask", "tell",
                   "warn", "threaten", "hope", "agree", "decide", "refuse", "expect", "demand"}

# who-did-what-to-whom verbs kept as schema:Action (lemma -> itself); conservative on purpose
ACTION_VERBS = {
    "accuse", "blame", "detain", "arrest", "imprison", "jail", "release", "visit", "urge", "reject",
    "criticize", "criticise", "denounce", "condemn", "attack", "sanction", "sue", "charge", "praise",
    "support", "oppose", "invade", "threaten", "meet", "recommend", "fire", "appoint", "elect",
    "defeat", "endorse", "investigate", "kill", "ban", "punish", "deport", "expel", "welcome", "demand",
}

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "sen", "rep", "gov", "gen",
          "president", "senator", "governor", "secretary", "minister", "judge", "rev", "lord"}
# words that stand before a name as a rank or an office ("Ambassador Hamdullah Mohib",
# "General Suleiman al-Amr"): part of how a person is addressed, never a given name
HONORIFICS = TITLES | {"ambassador", "general", "colonel", "captain", "lieutenant", "major", "commander",
                       "chief", "justice", "mayor", "chancellor", "premier", "pope", "king", "queen", "prince",
                       "princess", "sheikh", "imam", "rabbi", "father", "bishop", "cardinal", "archbishop",
                       "representative", "congressman", "congresswoman", "councillor", "councilor",
                       "detective", "officer", "sergeant", "inspector", "coach", "doctor", "prime", "deputy",
                       "vice", "speaker", "lady", "emeritus", "veteran", "agent", "admiral", "marshal",
                       "ayatollah", "emir", "sultan", "crown", "first", "acting", "former", "late"}
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "madam"}
MALE_TITLES = {"mr", "sir", "lord"}

# object and possessive personal pronouns: "told him", "their rights"
PERSONAL_PRONOUNS = {"him", "her", "them", "us", "me", "you", "his", "their", "our", "my", "your"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# pronouns of quantity that can head a described group: "All of the candidates", "some of them"
QUANTIFIER_PRONOUNS = {"all", "some", "many", "most", "both", "several", "few", "others", "none"}

# tokens spaCy splits off a possessive: "China's", "the Uyghurs'"
POSSESSIVE_MARKERS = {"'s", "’s", "'", "’"}
ARTICLES = {"the", "a", "an"}
# prefixes hyphenated to a name: "pro-Beijing", "anti-Trump", "ex-Soviet"
NAME_PREFIXES = {"pro", "anti", "non", "pan", "ex", "post", "pre"}
# words an acronym leaves out of its letters: "Committee for the Protection of Journalists" -> CPJ
ACRONYM_STOP_WORDS = {"of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "&"}
# prepositions whose object is where something is or comes from: "from Herat", "in Irving"
LOCATIVE_PREPOSITIONS = {"in", "from", "to", "near", "outside", "inside", "across", "throughout", "around"}
# prepositions that tie a role to its organisation: "director of", "correspondent for", "officer at"
AFFILIATION_PREPOSITIONS = {"of", "for", "at", "with", "from"}
# apposition heads that are no role: "Smith, one of ...", "Jones, part of ..."
NOT_ROLE_WORDS = {"one", "part", "member", "some", "who", "which", "time", "year", "day"}
# verb lemma -> the role it gives its subject in its object: "leads the party" -> leader
LEADING_VERBS = {"lead": "leader", "head": "head", "chair": "chair", "run": "head", "direct": "director",
                 "found": "founder", "co-found": "co-founder", "own": "owner", "manage": "manager"}
# cues whose "about" phrase is their topic: "spoke out about abuses", "talked about security"
TOPIC_CUES = {"speak", "talk"}
# nouns for a journey whose "to" phrase is a visit: "her trip to Xinjiang"
VISIT_NOUNS = {"visit", "trip", "tour"}
# action verbs whose target, with no object, is the subject of their clause: "recommended that China release"
DIRECTIVE_VERBS = {"recommend", "urge", "demand"}
# spelled-out numbers, so that "Channel Four" and "Channel 4" are one name
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "first": "1st",
                "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th"}

FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}

# nouns for a document whose statements belong to the organisation that issued it
DOCUMENT_NOUNS = {"report", "assessment", "document", "study", "findings", "statement", "review",
                  "investigation", "analysis", "survey", "paper"}

# religions, which NER tags as organisations: a faith is not an actor of the article
RELIGIONS = {"islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism", "jainism", "catholicism",
             "protestantism", "taoism", "shinto", "zoroastrianism"}

# heads of noun phrases that stand for the government of the place that modifies them
GOVERNMENT_NOUNS = {"government", "authorities", "authority", "officials", "regime", "administration",
                    "ministry", "state", "leadership", "cabinet"}

def _demonyms() -> dict[str, str]:
    """Nationality adjective or people's plural -> country ("chinese" -> "China", "britons" -> "United
    Kingdom"), from kg/data/demonyms.tsv."""
    table: dict[str, str] = {}
    for adjective, people, country in data_rows("demonyms.tsv"):
        table.setdefault(adjective, country)
        if people:
            table.setdefault(people, country)
    return table


# nationality adjective -> country name, for "the Chinese government" -> China
DEMONYMS: Mapping[str, str] = _DataMapping(_demonyms)

# well-known alternative names of countries, folded -> canonical
PLACE_ALIASES = {
    "america": "United States", "us": "United States", "usa": "United States",
    "united states of america": "United States", "uk": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "prc": "China", "people's republic of china": "China",
}

# capitals that, as the agent of a verb, stand for their country's government ("Beijing rejects")
CAPITALS = {
    "beijing": "China", "moscow": "Russia", "washington": "United States", "london": "United Kingdom",
    "paris": "France", "berlin": "Germany", "tokyo": "Japan", "tehran": "Iran", "kyiv": "Ukraine",
    "kiev": "Ukraine", "ankara": "Turkey", "ottawa": "Canada", "delhi": "India", "new delhi": "India",
    "jerusalem": "Israel", "damascus": "Syria", "baghdad": "Iraq", "kabul": "Afghanistan",
    "islamabad": "Pakistan", "cairo": "Egypt", "riyadh": "Saudi Arabia", "pyongyang": "North Korea",
    "seoul": "South Korea", "havana": "Cuba", "caracas": "Venezuela", "brussels": "European Union",
}

# heads of noun phrases that name an organisation by its kind: "the U.N. agency", "the Geneva office"
ORGANIZATION_NOUNS = {"agency", "office", "body", "organization", "organisation", "watchdog", "department",
                      "ministry", "commission", "committee", "council", "bureau", "panel", "mission"}


def third_person_cue(word: str) -> str | None:
    """"Claims" -> "claim", "Denies" -> "deny", "Blasts" -> "blast"; None for anything else."""
    lower = word.lower()
    if not lower.endswith("s"):
        return None
    for candidate in (lower[:-1], lower[:-2], lower[:-3] + "y"):
        if candidate in CUE_VERBS:
            return candidate
    return None


def data_words(filename: str) -> frozenset[str]:
    """The words of a word list shipped in kg/data (one a line, ``#`` comments): reviewed data, not code."""
    return _data_words(filename)


@lru_cache(maxsize=None)
def _data_words(filename: str) -> frozenset[str]:
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def role_title(word: str) -> bool:
    """ "Lt.", "Major", "Academician", "Sprinter": a word written before a name as its title or rank
    (kg/data/role-titles.txt)."""
    return word.rstrip(".").lower() in data_words("role-titles.txt")


def title_word(word: str) -> str:
    """The role word an abbreviated title stands for: "Sen." -> "senator"; any other word lower-cased."""
    word = word.rstrip(".").lower()
    return _title_words().get(word, word)


@lru_cache(maxsize=1)
def _title_words() -> dict[str, str]:
    return {short: long for short, long in data_rows("title-abbreviations.txt", separator=None, header=False)}
