"""Quote extraction and speaker attribution, pure Python, with offsets.

How a text becomes :class:`Quote` records (see ``docs/attribution.md``):

1. **Marks.** Every quote mark is classified by its neighbours as an
   opener, a closer, or an apostrophe (``don't``, ``students’ union``,
   ``’90s``). Double marks (" “ ” „ « ») and single marks (' ‘ ’ ‚ ‹ ›) are
   paired per paragraph; a quote inside another quote is part of it. A
   paragraph that opens a quote and never closes it is a quote to the end
   of the paragraph when the next paragraph reopens one (news convention).
2. **Names and roles.** The narrative outside the quotes is scanned for
   people ("Foreign Minister Ana Ruiz", "Ruiz, the spokeswoman for
   President Dario Velasco,"), organisations ("the foreign ministry",
   "Norland's navy") and their roles, gender cues and affiliations.
3. **Attribution.** For each quote, in order: a reporting clause after it
   (``," she said``; ``," said Ruiz``), a lead-in before it (``Ruiz
   said:``), the other half of a split quote, the reporting verb of the
   sentence a fragment sits in (called it "reckless"), a colon lead-in
   closing the previous paragraph, or the previous paragraph's speaker (a
   paragraph that is only a quote). Pronouns go to the most recent person
   of the right gender in subject position, roles to the person
   introduced with that role.
4. **Not quotes.** Names, titles and scare quotes (so-called "Green
   Line", two "People's Republics") and quoted words no one is said to
   have said give no record.

Nothing here imports torch or transformers.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from stancelab.actors import (
    NAME_PARTICLES,
    Actor,
    AliasTable,
    canonicalize,
    fold_token,
    name_tokens,
    sound_key,
    strip_accents,
    surname_matches,
    tokens_match,
)

__all__ = [
    "Quote",
    "context_from_stats",
    "corpus_stats",
    "extract_articles",
    "extract_corpus",
    "extract_quotes",
    "find_quote_spans",
]


@dataclass
class Quote:
    """One quote with its speaker and the evidence for the attribution.

    The first seven fields use the annotation guidelines' names; the rest
    let a researcher audit each attribution.

    Attributes:
        article_id: Id of the article the quote is from.
        start: Offset of the first quoted character (marks excluded).
        end: Offset after the last quoted character: ``text[start:end] == quote``.
        quote: The quoted words.
        speaker: Canonical speaker name, or None when no speaker was found.
        affiliation: The side the speaker speaks for, or None when unknown.
        kind: ``"direct"`` (a sentence or more) or ``"partial"`` (a fragment
            inside reported speech).
        mention: The words that named the speaker for this quote
            ("she", "the Kremlin spokesman", "Zelenskiy").
        mention_start: Offset of ``mention`` in the text (None if inherited).
        mention_end: End offset of ``mention``.
        cue: The reporting verb or lead-in ("said", "told", ":").
        method: How the speaker was found: ``after``, ``before``,
            ``split``, ``partial``, ``colon-lead-in``, ``continuation``,
            ``paragraph``.
        speaker_kind: ``"person"`` or ``"organisation"``.
        affiliation_source: Where the affiliation comes from: ``article``
            (stated with the speaker's name or role), ``context`` (the country
            named around a state office such as "Prime Minister X"),
            ``corpus`` (stated in another article about the same actor) or
            ``alias`` (the alias table).

    Example:
        >>> text = "“We will not yield,” said Defence Minister Ana Ruiz of Lorvania."
        >>> q = extract_quotes(text, "a1")[0]
        >>> (q.quote, q.speaker, q.affiliation, q.cue, q.method)
        ('We will not yield,', 'Ana Ruiz', 'Lorvania', 'said', 'after')
        >>> text[q.start : q.end] == q.quote
        True
    """

    article_id: str
    start: int
    end: int
    quote: str
    speaker: str | None = None
    affiliation: str | None = None
    kind: str = "direct"
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    method: str | None = None
    speaker_kind: str | None = None
    affiliation_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the quote as a plain dict (JSON-ready)."""
        return asdict(self)


# ---------------------------------------------------------------------------
# lexicon: general English news vocabulary (no people, places or sentences)

_SPEECH_VERBS = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "insisted",
    "insists",
    "stressed",
    "stresses",
    "argued",
    "argues",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "posted",
    "posts",
    "declared",
    "declares",
    "announced",
    "announces",
    "stated",
    "states",
    "noted",
    "notes",
    "claimed",
    "claims",
    "explained",
    "explains",
    "continued",
    "concluded",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "answers",
    "asked",
    "asks",
    "urged",
    "urges",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "threatened",
    "threatens",
    "cautioned",
    "cautions",
    "predicted",
    "predicts",
    "recalled",
    "recalls",
    "reiterated",
    "reiterates",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "observed",
    "observes",
    "remarked",
    "remarks",
    "commented",
    "comments",
    "maintained",
    "maintains",
    "asserted",
    "asserts",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "countered",
    "counters",
    "retorted",
    "retorts",
    "complained",
    "complains",
    "charged",
    "charges",
    "boasted",
    "boasts",
    "insisted",
    "told",
    "declared",
    "shouted",
    "cried",
    "pleaded",
    "appealed",
    "proclaimed",
    "lamented",
    "demanded",
    "demands",
    "confirmed",
    "confirms",
    "suggested",
    "suggests",
    "affirmed",
    "affirms",
    "underlined",
    "underlines",
    "wrote",
    "read",
    "reads",
    "quipped",
    "joked",
    "scoffed",
    "snapped",
    "conceded",
    "agreed",
    "agrees",
    "alleged",
    "alleges",
    "accused",
    "accuses",
    "denied",
    "denies",
    "spoke",  # "Opposition leader X spoke after the vote." before a paragraph of quote
    "speaks",
]
SPEECH_VERBS = frozenset(_SPEECH_VERBS)
_PARTICIPLES = frozenset(
    "saying adding warning urging accusing insisting vowing pledging promising describing calling demanding branding dismissing denouncing condemning welcoming praising stressing arguing claiming noting threatening telling assuring reminding concluding thanking posting tweeting".split()
)
# verbs that introduce a quoted fragment inside reported speech
_PARTIAL_VERBS = (
    SPEECH_VERBS
    | _PARTICIPLES
    | frozenset(
        "called calls described describes termed terms branded brands labelled labeled dismissed dismisses condemned condemns denounced denounces rejected rejects welcomed welcomes praised praises hailed hails characterised characterized criticised criticized expressed expresses spoke speaks referred refers likened likens compared was were is are be being been sees saw seeing thanked thanks concluded concludes posted tweeted".split()
    )
)
_NAMING_CUES = re.compile(
    r"(?:so[- ]called|dubbed|known\s+as|named|nicknamed|titled|entitled|code[- ]?named|"
    r"headlined|slogan|motto|banner|operation|exercise|campaign|programme|program|plan|"
    r"the\s+word|the\s+words|the\s+term|the\s+phrase|the\s+label)\s*$",
    re.I,
)


def _ends_with_naming_cue(lead: str) -> bool:
    """Whether ``lead`` ends with a naming cue ("so-called", "known as").

    The same as ``_NAMING_CUES.search(lead.rstrip())``, but searched from the
    last two words only: a cue has at most two words and ends the text, and a
    search from the start of a long sentence tries every cue at every position.
    """
    lead = lead.rstrip()
    words = lead.rsplit(None, 2)
    start = len(words[0]) if len(words) == 3 else 0
    return _NAMING_CUES.search(lead, start) is not None


# capitalised words that are titles or roles, never part of a personal name
_TITLE_WORDS = frozenset(
    [
        "commodore",
        "president",
        "vice",
        "prime",
        "minister",
        "ministers",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "trade",
        "economy",
        "deputy",
        "secretary",
        "general",
        "gen",
        "gen.",
        "lt",
        "lt.",
        "col",
        "col.",
        "colonel",
        "major",
        "maj",
        "maj.",
        "captain",
        "capt",
        "capt.",
        "admiral",
        "adm",
        "adm.",
        "rear",
        "commander",
        "cmdr",
        "chief",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "sultan",
        "senator",
        "sen",
        "sen.",
        "governor",
        "gov",
        "gov.",
        "mayor",
        "ambassador",
        "envoy",
        "special",
        "representative",
        "commissioner",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "leader",
        "speaker",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "justice",
        "judge",
        "marshal",
        "field",
        "sergeant",
        "sgt",
        "corporal",
        "private",
        "brigadier",
        "lieutenant",
        "pope",
        "cardinal",
        "bishop",
        "rev",
        "rev.",
        "father",
        "imam",
        "rabbi",
        "ayatollah",
        "state",
        "home",
        "attorney",
        "acting",
        "former",
        "interim",
        "opposition",
        "top",
        "senior",
        "chairperson",
        "executive",
        "officer",
        "ceo",
        "cfo",
        "presidential",
        "ministerial",
        "regional",
        "national",
        "federal",
        "parliamentary",
        "party",
        "security",
        "national-security",
        "army",
        "navy",
        "naval",
        "air",
        "force",
        "police",
        "border",
        "coast",
        "guard",
        "spokesperson’s",
        "secretary-general",
        "under-secretary",
        "undersecretary",
        "high",
    ]
)
_PERSON_ROLE_NOUNS = frozenset(
    [
        "president",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "general",
        "admiral",
        "colonel",
        "commander",
        "chief",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "sultan",
        "senator",
        "governor",
        "mayor",
        "ambassador",
        "envoy",
        "representative",
        "commissioner",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "leader",
        "diplomat",
        "negotiator",
        "counterpart",
        "colleague",
        "successor",
        "predecessor",
        "mediator",
        "analyst",
        "expert",
        "researcher",
        "economist",
        "official",
        "officer",
        "adviser",
        "advisor",
        "aide",
        "lawmaker",
        "legislator",
        "mp",
        "deputy",
        "captain",
        "lieutenant",
        "major",
        "marshal",
        "sergeant",
        "pope",
        "bishop",
        "imam",
        "rabbi",
        "cleric",
        "professor",
        "judge",
        "prosecutor",
        "activist",
        "organiser",
        "organizer",
        "journalist",
        "correspondent",
        "editor",
        "founder",
        "ceo",
        "executive",
        "manager",
        "strategist",
        "fellow",
        "scholar",
        "historian",
        "lawyer",
        "attorney",
        "candidate",
        "member",
        "delegate",
        "observer",
        "monitor",
        "coordinator",
        "administrator",
        "ruler",
        "monarch",
        "dictator",
        "strongman",
        "general-secretary",
        "secretary-general",
        "veteran",
        "pilot",
        "soldier",
        "fisherman",
        "worker",
        "resident",
        "farmer",
        # people in the news who speak for themselves: "Jonas Eide, a nurse with X, said"
        "nurse",
        "doctor",
        "physician",
        "surgeon",
        "engineer",
        "scientist",
        "geologist",
        "teacher",
        "student",
        "driver",
        "trucker",
        "mechanic",
        "sailor",
        "seaman",
        "miner",
        "herder",
        "shepherd",
        "shopkeeper",
        "trader",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "mother",
        "father",
        "grandmother",
        "grandfather",
        "widow",
        "survivor",
        "hostage",
        "refugee",
        "villager",
        "protester",
        "demonstrator",
        "priest",
        "nun",
        "monk",
        "reporter",
        "photographer",
        "writer",
        "novelist",
        "poet",
        "artist",
        "musician",
        "singer",
        "athlete",
        "coach",
    ]
)
_ORG_NOUNS = frozenset(
    [
        "pact",
        "compact",
        "consortium",
        "bloc",
        "tribunal",
        "caucus",
        "airline",
        "carrier",
        "charity",
        "ngo",
        "association",
        "chamber",
        "ministry",
        "government",
        "army",
        "navy",
        "military",
        "forces",
        "force",
        "alliance",
        "office",
        "council",
        "commission",
        "agency",
        "company",
        "union",
        "cooperative",
        "co-operative",
        "federation",
        "party",
        "coalition",
        "service",
        "guard",
        "command",
        "embassy",
        "cabinet",
        "presidency",
        "parliament",
        "secretariat",
        "authority",
        "authorities",
        "federation",
        "organisation",
        "organization",
        "institute",
        "international",
        "group",
        "bank",
        "court",
        "police",
        "committee",
        "mission",
        "kremlin",
        "administration",
        "regime",
        "junta",
        "board",
        "directorate",
        "department",
        "bureau",
        "staff",
        "headquarters",
        "consulate",
        "association",
        "network",
        "movement",
        "front",
        "corporation",
        "firm",
        "operator",
        "fund",
        "foundation",
        "centre",
        "center",
        "forum",
        "university",
        "league",
        "community",
        "assembly",
        "senate",
        "congress",
        "delegation",
        "team",
        "unit",
        "brigade",
        "battalion",
        "corps",
        "fleet",
        "garrison",
        "statement",
        "spokesperson’s",
    ]
)
_PLACE_WORDS = frozenset(
    [
        "strait",
        "sea",
        "ocean",
        "island",
        "islands",
        "river",
        "lake",
        "mountain",
        "mountains",
        "peninsula",
        "gulf",
        "bay",
        "valley",
        "province",
        "region",
        "street",
        "square",
        "palace",
        "bridge",
        "corridor",
        "line",
        "border",
        "city",
        "town",
        "village",
        "district",
        "county",
        "state",
        "republic",
        "republics",
        "kingdom",
        "airport",
        "port",
        "harbour",
        "harbor",
        "canal",
        "pass",
        "desert",
        "coast",
        "plateau",
        "basin",
        "highway",
        "road",
        "highlands",
        "lowlands",
        "hills",
        "heights",
        "plains",
        "valleys",
        "shoal",
        "shoals",
        "reef",
        "flats",
    ]
)
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
    ]
)
_FEMALE = frozenset(
    [
        "she",
        "her",
        "hers",
        "herself",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "madam",
        "madame",
        "queen",
        "princess",
        "lady",
        "dame",
        "spokeswoman",
        "chairwoman",
        "businesswoman",
        "congresswoman",
        "countrywoman",
        "sister",
        "mother",
        "daughter",
        "wife",
        "widow",
        "grandmother",
        "stateswoman",
        "policewoman",
    ]
)
_MALE = frozenset(
    [
        "he",
        "him",
        "his",
        "himself",
        "mr",
        "mr.",
        "sir",
        "king",
        "prince",
        "lord",
        "spokesman",
        "chairman",
        "businessman",
        "congressman",
        "countryman",
        "brother",
        "father",
        "son",
        "husband",
        "widower",
        "grandfather",
        "statesman",
        "policeman",
    ]
)
_PRONOUN_FORMS = frozenset("he him his himself she her hers herself".split())
_PRONOUNS = {"he": "m", "she": "f", "they": "pl", "it": "n", "we": "pl", "i": "s"}
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "capt",
        "adm",
        "sgt",
        "maj",
        "cmdr",
        "brig",
        "rev",
        "fr",
        "prof",
        "sen",
        "rep",
        "gov",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "u.s",
        "u.k",
        "e.u",
        "u.n",
        "a.m",
        "p.m",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_DEMONYM_SUFFIX = re.compile(r"(?:an|ian|ean|ese|ish|i|ic|ite)$")

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĸĺļľŀłńņňŉŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
# Latin Extended-B and Additional: Vietnamese (Lương Tiến Đạt), Romanian ș ț, Azeri ə
_EXTENDED = [chr(i) for i in (*range(0x180, 0x250), *range(0x1E00, 0x1F00))]
_UPPER += "".join(c for c in _EXTENDED if c.isupper())
_LOWER += "".join(c for c in _EXTENDED if c.islower())
# a capitalised token: its first letter, then the rest (_CAP_REST)
_CAP_REST = rf"[{_LOWER}{_UPPER}'’.]*(?:-[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}'’]*)*"
_CAP_TOKEN = rf"[{_UPPER}]{_CAP_REST}"
_PARTICLES = (
    "al el ad as ash bin ibn bint abu van von der den de da di du del della dos das do la le ter ten zu"
).split()
_PARTICLE = "(?:" + "|".join(_PARTICLES) + ")"
# The run scanners below (names, organisations, states) must not start inside
# a word. Written as a lookbehind before the run, "(?<![\w…])Run", the regex
# engine tries that lookbehind at every position of the text. They are written
# instead as "[first letters](?<![\w…].)rest-of-run": the pattern opens with a
# character class, so the engine skips straight to the letters a run can start
# with, and the two-character lookbehind after that letter checks the character
# before it. The matches are the same (each alternative below keeps the
# original order of the alternatives it replaces).
_NOT_AFTER_WORD = rf"(?<![\w{_UPPER}{_LOWER}].)"
# a particle run start, first letter already consumed: "(?<=a)l|(?<=e)l|…"
_PARTICLE_REST = "|".join(f"(?<={p[0]}){p[1:]}" for p in _PARTICLES)
_PARTICLE_INITIALS = "".join(sorted({p[0] for p in _PARTICLES}))
# ≡ (?<![\w…])(?:{_PARTICLE}[- ])?{_CAP_TOKEN}(?:…)*
_NAME_RUN = re.compile(
    rf"[{_UPPER}{_PARTICLE_INITIALS}]{_NOT_AFTER_WORD}"
    rf"(?:(?<=[{_UPPER}]){_CAP_REST}|(?:{_PARTICLE_REST})[- ]{_CAP_TOKEN})"
    rf"(?:[ \t\u00a0]+(?:{_PARTICLE}[- \t]+)*(?:{_PARTICLE}-)?{_CAP_TOKEN})*"
)
_WORD = re.compile(rf"[{_UPPER}{_LOWER}0-9][{_UPPER}{_LOWER}0-9'’\-.]*")

_MASK = "\x00"
_CONNECTOR = r"(?:of|for|and)"
# ≡ (?<![\w…])(?:The[ \t]+)?{_CAP_TOKEN}(?:…)* (see _NOT_AFTER_WORD)
_ORG_RUN = re.compile(
    rf"[{_UPPER}]{_NOT_AFTER_WORD}(?:(?<=T)he[ \t]+{_CAP_TOKEN}|{_CAP_REST})(?:[ \t]+{_CAP_TOKEN})*"
    rf"(?:[ \t]+{_CONNECTOR}[ \t]+(?:the[ \t]+)?{_CAP_TOKEN}(?:[ \t]+{_CAP_TOKEN})*)+"
)
_NOT_NAMES = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "the",
        "a",
        "an",
        "some",
        "many",
        "most",
        "several",
        "both",
        "all",
        "each",
        "every",
        "no",
        "none",
        "one",
        "two",
        "three",
    ]
)


# ---------------------------------------------------------------------------
# 1. quote marks


@dataclass
class _Mark:
    pos: int
    char: str
    family: str  # "d" double, "s" single
    role: str  # "open", "close", "either"
    strong: bool = True  # for single closers: not a likely possessive


@dataclass
class Span:
    """A stretch of text between quote marks (content offsets, marks excluded)."""

    start: int
    end: int
    open_pos: int
    close_pos: int | None
    family: str
    para: int
    closed: bool = True
    reopened_next: bool = False

    @property
    def text_range(self) -> tuple[int, int]:
        return self.start, self.end


_DOUBLE_MARKS = '"“”„«»‟'
_SINGLE_MARKS = "'‘’‚‹›‛"
_OPEN_CONTEXT = set(" \t\n([{—–-/…:;,") | {""}
_CLOSE_FOLLOW = set(" \t\n.,;:!?)]}—–-…") | {""}


def _is_letter(c: str) -> bool:
    return c.isalpha()


def _classify(text: str, i: int) -> _Mark | None:
    c = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev_space = prev == "" or prev.isspace() or prev in "([{—–/"
    next_space = nxt == "" or nxt.isspace()
    if c in _DOUBLE_MARKS:
        if c in "“‟":
            role = "open" if (prev_space or prev in _OPEN_CONTEXT or not next_space) else "close"
            if not prev_space and (next_space or nxt in _CLOSE_FOLLOW):
                role = "close"  # „...“ style closer
            return _Mark(i, c, "d", role)
        if c == "”":
            if prev_space and not next_space:
                return _Mark(i, c, "d", "either")
            return _Mark(i, c, "d", "close")
        if c == "„":
            return _Mark(i, c, "d", "open")
        if c == "«":
            if not prev_space and next_space:
                return _Mark(i, c, "d", "close")
            return _Mark(i, c, "d", "open")
        if c == "»":
            if prev_space and not next_space:
                return _Mark(i, c, "d", "either")
            return _Mark(i, c, "d", "close")
        # straight double quote
        if prev_space or prev in _OPEN_CONTEXT:
            return _Mark(i, c, "d", "open" if not next_space else "either")
        if next_space or nxt in _CLOSE_FOLLOW:
            return _Mark(i, c, "d", "close")
        return _Mark(i, c, "d", "either")
    if c in _SINGLE_MARKS:
        if c in "’'‛":
            if _is_letter(prev) and _is_letter(nxt):
                return None  # don't, O’Neill
            if nxt.isdigit() and (prev_space or prev == ""):
                return None  # ’90s
            if prev.isdigit() and nxt == "s":
                return None  # 1990's
            if (prev_space or prev in _OPEN_CONTEXT) and not next_space:
                if c == "’" and re.match(r"(?:tis|twas|em|n\b|cause\b)", text[i + 1 : i + 6]):
                    return None  # ’tis, rock ’n’ roll
                return _Mark(i, c, "s", "open")
            if not prev_space:
                strong = not _is_letter(prev) or (nxt != "" and not nxt.isspace())
                if _is_letter(prev) and (nxt == "" or nxt in "\n"):
                    strong = True
                if prev in "sSzZ" and next_space and nxt != "\n":
                    strong = False  # students’ union: possibly a possessive
                elif _is_letter(prev) and next_space:
                    strong = False
                return _Mark(i, c, "s", "close", strong)
            return None
        if c in "‘‚‹":
            if c == "‘" and not prev_space and prev not in _OPEN_CONTEXT:
                if _is_letter(prev) and _is_letter(nxt):
                    return None
                return _Mark(i, c, "s", "close")  # ‚...‘ style closer
            if nxt.isdigit():
                return None  # ‘90s typed with the wrong mark
            return _Mark(i, c, "s", "open")
        if c == "›":
            return _Mark(i, c, "s", "close")
    return None


_ANY_MARK = re.compile("[" + re.escape(_DOUBLE_MARKS + _SINGLE_MARKS) + "]")

_PAIRS_D = {
    '"': '"”',
    "“": '”"“',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "”": '”"',
    "‟": '”"',
}
_PAIRS_S = {"'": "'’", "‘": "’'", "‚": "‘’", "‹": "›", "’": "’'"}


def _pair(marks: list[_Mark], pairs: dict[str, str]) -> list[tuple[_Mark, _Mark | None]]:
    """Pair openers and closers of one family in one paragraph."""
    out: list[tuple[_Mark, _Mark | None]] = []
    opener: _Mark | None = None
    outer: list[_Mark] = []  # «… „nested“ …»: openers waiting for their own closer
    for k, m in enumerate(marks):
        if opener is None:
            if m.role in ("open", "either"):
                opener = m
            continue
        ok_char = m.char in pairs.get(opener.char, "")
        if (
            m.family == "d"
            and m.role == "open"
            and m.char != opener.char
            and not ok_char
            and not outer
        ):
            outer.append(opener)  # a quote of another style opens inside this one
            opener = m
            continue
        if m.role in ("close", "either") and ok_char:
            if m.family == "s" and not m.strong:
                # a weak closer (students’ union) is skipped when a strong
                # closer follows before the next opener
                later = marks[k + 1 :]
                for m2 in later:
                    if m2.role == "open":
                        break
                    if m2.role in ("close", "either") and m2.strong:
                        break
                else:
                    m2 = None
                if m2 is not None and m2.role != "open":
                    continue
            out.append((opener, m))
            opener = outer.pop() if outer else None
        elif m.role == "open":
            if m.family == "s":
                continue  # an opener inside a single quote: keep the first
            out.append((opener, None))
            opener = m
    if opener is not None:
        out.append((opener, None))
    out.extend((o, None) for o in outer)
    return sorted(out, key=lambda p: p[0].pos)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, trimmed."""
    paras = []
    pos = 0
    for m in re.finditer(r"\n[ \t\r]*\n\s*", text):
        paras.append((pos, m.start()))
        pos = m.end()
    paras.append((pos, len(text)))
    out = []
    for s, e in paras:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def find_quote_spans(text: str) -> list[Span]:
    """Find every stretch of text inside quote marks.

    Returns spans of the quoted words (marks excluded), in text order,
    including names and scare quotes: deciding which spans are speech is
    :func:`extract_quotes`' job.

    Example:
        >>> t = "“We don’t want war,” she said. The students’ union called it ‘absurd’."
        >>> [t[s.start:s.end] for s in find_quote_spans(t)]
        ['We don’t want war,', 'absurd']
    """
    paras = _paragraphs(text)
    spans: list[Span] = []
    for pi, (ps, pe) in enumerate(paras):
        marks = [
            m
            for mm in _ANY_MARK.finditer(text, ps, pe)
            for m in [_classify(text, mm.start())]
            if m is not None
        ]
        doubles = [m for m in marks if m.family == "d"]
        pairs_d = _pair(doubles, _PAIRS_D)
        dspans = []
        for o, c in pairs_d:
            dspans.append((o.pos, c.pos if c else None))
        closed_ranges = [(o, c if c is not None else pe) for o, c in dspans]

        def inside(pos: int, ranges: Sequence[tuple[int, int]] = closed_ranges) -> bool:
            return any(o < pos < c for o, c in ranges)

        singles = [m for m in marks if m.family == "s" and not inside(m.pos)]
        pairs_s = _pair(singles, _PAIRS_S)
        sspans = [(o.pos, c.pos if c else None) for o, c in pairs_s]
        # a double span inside a closed single or double span is nested in it
        s_closed = [(o, c) for o, c in sspans if c is not None]
        d_closed = [(o, c) for o, c in dspans if c is not None]
        dspans = [
            (o, c) for o, c in dspans if not any(so < o < sc for so, sc in s_closed + d_closed)
        ]
        for fam, lst in (("d", dspans), ("s", sspans)):
            for o, c in lst:
                if c is None:
                    end = pe
                    start = o + 1
                    # trim and keep only the unclosed spans worth a look
                    sp = Span(start, end, o, None, fam, pi, closed=False)
                else:
                    sp = Span(o + 1, c, o, c, fam, pi)
                while sp.start < sp.end and text[sp.start].isspace():
                    sp.start += 1
                while sp.end > sp.start and text[sp.end - 1].isspace():
                    sp.end -= 1
                if sp.end > sp.start:
                    spans.append(sp)
    spans.sort(key=lambda s: s.open_pos)
    # unclosed spans: keep when the next paragraph reopens a quote (news
    # convention) or the span starts its paragraph and holds a sentence
    kept = []
    last_open: dict[int, int] = {}  # the last opening mark of each paragraph
    for sp in spans:
        last_open[sp.para] = max(last_open.get(sp.para, -1), sp.open_pos)
    for sp in spans:
        if not sp.closed:
            nxt = sp.para + 1
            reopen = nxt < len(paras) and text[paras[nxt][0]] in (
                _DOUBLE_MARKS if sp.family == "d" else _SINGLE_MARKS
            )
            at_para_start = sp.open_pos == paras[sp.para][0]
            if reopen:
                sp.reopened_next = True
            elif not (at_para_start and re.search(r"[.!?]\W*$", text[sp.start : sp.end])):
                continue
            # an unclosed span must not swallow other quotes
            if last_open[sp.para] > sp.open_pos:
                continue
        kept.append(sp)
    return kept


# ---------------------------------------------------------------------------
# 2. the narrative: masked text, sentences, mentions


@dataclass(eq=False)
class _Entity:
    name: str  # as introduced in the article (full form)
    kind: str  # person / organisation
    tokens: list[str]
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    aff_person: str | None = None  # "Putin's spokesman": side of that person
    gender_votes: Counter = field(default_factory=Counter)


@dataclass
class _Mention:
    start: int
    end: int
    entity: _Entity
    subject: bool


@dataclass
class _Resolution:
    entity: _Entity | None
    mention: str
    start: int | None
    end: int | None
    cue: str | None
    method: str


_RUN_LEAD_WORDS = frozenset(
    "the a an in on at by but and as after before when while if for with from to of since until "
    "during throughout".split()
    # a sentence-initial pronoun coordinated with a name: "She and Eirik Solvang briefed"
    + "he she they we i".split()
)


@dataclass(frozen=True)
class _RunShape:
    """What the words of a capitalised run say without their context.

    ``kind`` is ``"skip"`` (a pronoun, day, role, place: never a mention),
    ``"org"`` (ends with an organisation noun) or ``"name"`` (a name after
    optional title words).
    """

    kind: str
    single: str | None = None  # a one-word run: the word, checked against its context
    name: str = ""  # the organisation's or the person's name
    org_modifiers: tuple[str, ...] = ()  # words before the organisation noun
    name_words: tuple[str, ...] = ()
    title_words: tuple[str, ...] = ()
    possessive: bool = False  # "Putin's": a mention but not a speaker


_SKIP_RUN = _RunShape("skip")
_COMPANY_ENDINGS = frozenset(
    "air airways airlines shipping hydro energy petroleum resources mining minerals metals holdings "
    "industries logistics".split()
)


_ADJECTIVE_COMPOUND = re.compile(rf"[{_UPPER}][{_LOWER}]+-[{_LOWER}]{{3,}}")


@functools.lru_cache(maxsize=32768)
def _run_shape(words: tuple[str, ...]) -> _RunShape:
    """Classify a run's words (cached: the same runs recur across articles)."""
    lw = [w.lower().rstrip(".,") for w in words]
    low_all = [w.lower().strip(".,’'") for w in words]
    single = None
    if len(words) == 1:
        single = _POSSESSIVE_END.sub("", words[0]).strip(".")
        if single.lower() in _NOT_NAMES or single.lower() in _TIME_WORDS:
            return _SKIP_RUN  # pronouns, days and months, countries: never a person
        if _ADJECTIVE_COMPOUND.fullmatch(single):
            return _SKIP_RUN  # "the English-language service", "a Moscow-based analyst"
    if all(w.strip("’'s") in _ROLE_LIKE for w in lw):
        return _SKIP_RUN  # "Ministry", "The Army": a common noun at the start of a sentence
    if any(w in _TIME_WORDS for w in low_all) and len(words) == 1:
        return _SKIP_RUN
    # organisations: a run containing an organisation noun
    org_idx = [i for i, w in enumerate(lw) if w.strip("’'s") in _ORG_NOUNS or w in _ORG_NOUNS]
    if org_idx and lw[org_idx[-1]] not in ("spokesperson’s",):
        last = org_idx[-1]
        # "Russian Foreign Ministry spokeswoman Maria Zakharova": the org is a role here
        tail = words[last + 1 :]
        if tail and any(x.lower() in _TITLE_WORDS for x in tail):
            pass  # handled as a person with a role below
        elif not tail:
            name = _POSSESSIVE_END.sub("", " ".join(words))
            return _RunShape("org", single, name, org_modifiers=words[:last])
    if any(w in _PLACE_WORDS for w in low_all):
        return _SKIP_RUN
    if len(words) >= 2 and _POSSESSIVE_END.sub("", lw[-1]) in _COMPANY_ENDINGS:
        # "Halvik Air", "Tasman Airways": a company, not a title before a name
        return _RunShape("org", single, _POSSESSIVE_END.sub("", " ".join(words)))
    # split off titles: the name is what follows the last title word
    last_title = -1
    for i, w in enumerate(lw):
        if (
            w in _TITLE_WORDS
            or w.rstrip(".") in _TITLE_WORDS
            or w in _ORG_NOUNS
            or w in _PERSON_ROLE_NOUNS
            # "Lorvania's Ana Ruiz": a possessive before the name is a lead-in, not the name
            or (i < len(words) - 1 and _POSSESSIVE_END.search(words[i]))
        ):
            last_title = i
    name_words = list(words[last_title + 1 :])
    if not name_words:
        return _SKIP_RUN
    # possessive names are mentions but not speakers ("Putin's spokesman")
    possessive = bool(_POSSESSIVE_END.search(name_words[-1]))
    if possessive:
        name_words[-1] = _POSSESSIVE_END.sub("", name_words[-1])
    name = " ".join(name_words).strip(".,")
    if not name_tokens(name):
        return _SKIP_RUN
    return _RunShape(
        "name",
        single,
        name,
        name_words=tuple(name_words),
        title_words=words[: last_title + 1],
        possessive=possessive,
    )


_LEAD_IN_WORDS = (
    _TITLE_WORDS
    | _ORG_NOUNS
    | _PERSON_ROLE_NOUNS
    | frozenset(["the", "a", "an", "of", "for", "and", "de", "la", "al"])
)
# a short opening clause, with a relative clause on it ("Across the line in Tolvec,
# where most residents are Pelmari, Hasan Yildirimer, 71, tends …")
_LEAD_CLAUSE = re.compile(
    r"^(?:[^,\x00]{0,60},\s*)(?:(?:where|when|which|whose)\b[^,\x00]{0,60},\s*)?"
)


@functools.lru_cache(maxsize=16384)
def _only_lead_in(before: str) -> bool:
    """Whether the sentence text before a name is only a lead-in: titles, roles,
    names and determiners after an optional short clause ("On Monday, the
    foreign minister"). Cached: the same sentence openings recur."""
    if "," in before:
        m = _LEAD_CLAUSE.match(before)
        if m and not _VERB_WORD.search(m.group(0)):  # not "The minister said she …, X"
            before = before[m.end() :]
    for w in before.split():
        w = w.strip(".,")
        if not (w.lower() in _LEAD_IN_WORDS or w[:1].isupper() or w.endswith(("’s", "'s"))):
            return False
    return True


_FEMALE_PRONOUN = re.compile(r"\b(?:she|her|herself)\b")
# (not "him": "Kallweit pressed him on …" is about someone else)
_MALE_PRONOUN = re.compile(r"\b(?:he|his|himself)\b")
_FEMALE_POSSESSIVE = re.compile(r"\bher\b")
_MALE_POSSESSIVE = re.compile(r"\bhis\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b")
_RSTRIP_PUNCT = operator.methodcaller("rstrip", ".,;:!?")


def _verb_subject_tokens(t: str) -> dict[str, list[int]]:
    """Offsets of each token that comes right before a speech verb ("Ruiz said,"),
    by token (whitespace-separated, the verb's trailing punctuation ignored).

    Tokens are tested without building a match object for each (map and
    compress run in C); only the verb tokens are then located in the text.
    """
    words = t.split()
    verbs = itertools.compress(
        range(len(words)), map(SPEECH_VERBS.__contains__, map(_RSTRIP_PUNCT, words))
    )
    out: dict[str, list[int]] = {}
    n, pos = len(t), 0
    for i in verbs:
        # the first whole-token occurrence past the previous verb token is this
        # one: the tokens in between are not verbs, so none is the same text
        w = words[i]
        q = t.find(w, pos)
        while (q > 0 and not t[q - 1].isspace()) or (
            q + len(w) < n and not t[q + len(w)].isspace()
        ):
            q = t.find(w, q + 1)
        pos = q + len(w)
        if i == 0:
            continue
        j = q  # back over the whitespace to the end of the token before
        while t[j - 1].isspace():
            j -= 1
        prev = words[i - 1]
        out.setdefault(prev, []).append(j - len(prev))
    return out


class _Article:
    """Everything extraction knows about one article."""

    def __init__(self, text: str, article_id: str, gazetteer: _Gazetteer | None = None):
        self.text = text
        self.id = article_id
        self.paras = _paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.spans = find_quote_spans(text)
        # the narrative: quoted words blanked out (their final punctuation kept,
        # so sentence ends survive), same length as the text
        pieces, pos = [], 0
        for sp in sorted(self.spans, key=lambda x: x.start):
            if sp.start < pos:
                continue
            last = text[sp.end - 1]
            keep = last if last in ".!?,;:" else _MASK
            pieces += [text[pos : sp.start], _MASK * (sp.end - sp.start - 1), keep]
            pos = sp.end
        pieces.append(text[pos:])
        self.masked = "".join(pieces)
        self.gaz = gazetteer or _Gazetteer.from_texts([text])
        self.entities: list[_Entity] = []
        self._person_index: dict[str, list[_Entity]] = {}
        self._org_first: dict[str, list[_Entity]] = {}  # organisations by first word
        self._aff_cache: dict[int, tuple[str | None, str | None]] = {}
        self.mentions: list[_Mention] = []
        self.boundaries = self._sentence_boundaries()
        self.boundary_set = set(self.boundaries)
        self.verb_subject_tokens = _verb_subject_tokens(self.masked)
        self._scan_entities()

    # -- sentences -------------------------------------------------------
    def _sentence_boundaries(self) -> list[int]:
        t = self.masked
        out = set(self.para_starts)
        # a live blog's "13:12 GMT - " or a dateline opens the entry, not its sentence
        for ps in self.para_starts:
            m = _ENTRY_MARK.match(t, ps)
            if m:
                out.add(m.end())
        for m in _SENTENCE_GAP.finditer(t):
            # the word before the full stop must not be an abbreviation
            before = t[max(0, m.start() - 12) : m.start() + 1]
            w = _WORD_BEFORE_STOP.search(before)
            # ... nor an initial ("J."); a number may end a sentence ("since March 3.")
            if w and (
                w.group(1).lower().rstrip(".") in _ABBREV
                or (len(w.group(1)) == 1 and not w.group(1).isdigit())
            ):
                continue
            out.add(m.end())
        return sorted(out)

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.boundaries, pos) - 1
        return self.boundaries[i] if i >= 0 else 0

    def sentence_end(self, pos: int) -> int:
        i = bisect.bisect_right(self.boundaries, pos)
        pe = self.para_of(pos)[1]
        return min(self.boundaries[i], pe) if i < len(self.boundaries) else pe

    def para_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def para_of(self, pos: int) -> tuple[int, int]:
        return self.paras[self.para_index(pos)]

    # -- entities --------------------------------------------------------
    def _scan_entities(self) -> None:
        t = self.masked
        starts = self.boundary_set
        # capitalised words seen inside a sentence (each distinct one cleaned once)
        inside: set[str] = set()
        for m in _CAP_TOKEN_RE.finditer(t):
            st = m.start()
            if st not in starts and not t[max(0, st - 2) : st].rstrip().endswith(_OPENERS):
                inside.add(m.group(0))
        self.midcaps = {_POSSESSIVE_END.sub("", w).strip(".") for w in inside}
        consumed: list[tuple[int, int]] = []
        # names are read with live-blog stamps, datelines and section headings blanked
        # ("TOLVARIA. The Tolvarian Foreign Ministry said" names no "TOLVARIA. The …")
        pieces, pos = [], 0
        for ps in self.para_starts:
            mark = _ENTRY_MARK.match(t, ps)
            if mark:
                pieces += [t[pos : mark.start()], " " * (mark.end() - mark.start())]
                pos = mark.end()
        scan = "".join([*pieces, t[pos:]])
        for m in _ORG_RUN.finditer(scan):
            if _LOWER_STOP.search(m.group(0)):
                continue  # crosses a sentence end
            words = m.group(0).split()
            if words[0].lower() in _TITLE_WORDS or words[0].lower() in _PERSON_ROLE_NOUNS:
                continue
            if words[0].lower() in _PRONOUNS:
                continue  # "She and Defence Minister X": a pronoun and a name, no organisation
            if (_AND_ONLY.search(m.group(0)) or " and " in m.group(0)) and not any(
                w.lower().strip("’',") in _ORG_NOUNS for w in words
            ):
                # "Foreign Minister X and Energy Minister Y", "Renata Zolvey of Kravenna
                # and Yusra Delacombe of Quellmar": names joined, no organisation
                self._people_of_countries(m.start(), m.group(0))
                continue
            if any(w.lower() in _PLACE_WORDS for w in words) and not any(
                w.lower() in _ORG_NOUNS for w in words
            ):
                continue
            name = _LEADING_THE.sub("", m.group(0))
            name = _POSSESSIVE_END.sub("", name)
            parts = _CONNECTOR_SPLIT.split(name, maxsplit=1)
            head, rest = parts[0], (parts[1] if len(parts) > 1 else "")
            hw = head.split()
            if (
                len(hw) >= 2
                and not any(w.lower() in _ORG_NOUNS | _TITLE_WORDS | _PLACE_WORDS for w in hw)
                and rest
            ):
                # a person followed by their organisation: the org is the rest
                org_start = m.start() + m.group(0).find(rest)
                org = self._entity(_LEADING_LOWER_THE.sub("", rest), "organisation")
                org.affiliation = org.affiliation or self._country_in(rest.split()) or org.name
                self.mentions.append(_Mention(org_start, m.end(), org, False))
                consumed.append((org_start, m.end()))
                self._consider_run(
                    m.start(),
                    m.start() + len(head) + (len(m.group(0)) - len(name)),
                    force_person=True,
                )
                person = (
                    self.mentions[-1].entity
                    if self.mentions and self.mentions[-1].entity.kind == "person"
                    else None
                )
                if person is not None and person.affiliation is None:
                    person.affiliation = org.affiliation
                consumed.append((m.start(), org_start))
                continue
            ent = self._entity(name, "organisation")
            country = self._country_in(words)
            ent.affiliation = ent.affiliation or country or name
            head_m = _HEAD_AFTER.match(t[m.end() : m.end() + 40])
            if head_m and head_m.group(1) in _ORG_NOUNS:
                ent.roles.append(head_m.group(1))
            self.mentions.append(_Mention(m.start(), m.end(), ent, self._is_subject(m.start())))
            consumed.append((m.start(), m.end()))
        consumed.sort()
        c_starts = [a for a, _ in consumed]
        for m in _NAME_RUN.finditer(scan):
            i = bisect.bisect_right(c_starts, m.start()) - 1
            if i >= 0 and consumed[i][0] <= m.start() < consumed[i][1]:
                continue
            self._consider_run(m.start(), m.end())
        # possessive organisations: "Norland's foreign ministry", "Norland's navy",
        # and demonym-led ones: "The Norlandic defence ministry said"
        for m in itertools.chain(_POSSESSIVE_ORG.finditer(t), _DEMONYM_ORG.finditer(t)):
            country = self.gaz.country_of(m.group(1))
            if country is None:
                continue
            name = self.gaz.org_name(country, (m.group(2) + m.group(3)).strip())
            ent = self._entity(name, "organisation")
            ent.affiliation = ent.affiliation or country
            self.mentions.append(_Mention(m.start(), m.end(), ent, self._is_subject(m.start())))
        self.mentions.sort(key=lambda x: x.start)
        self.mention_starts = [x.start for x in self.mentions]
        self._gender_from_pronouns()

    def mentions_between(self, a: int, b: int) -> list[_Mention]:
        """Mentions starting in [a, b), in text order (bisect, not a scan)."""
        i = bisect.bisect_left(self.mention_starts, a)
        j = bisect.bisect_left(self.mention_starts, b)
        return self.mentions[i:j]

    def _consider_run(self, s: int, e: int, force_person: bool = False) -> None:
        t = self.masked
        raw = t[s:e]
        # a run must not cross a sentence end ("Vladimir Putin. In Moscow"); the first
        # sentence's part goes first ("Minister Ha Thu Trang. Ms Ha told")
        cut = _SENTENCE_CUT.search(raw) if "." in raw else None
        if cut is not None:
            last = raw[: cut.start()].split()[-1].lower().rstrip(".")
            if last not in _ABBREV:
                self._consider_words(s, s + cut.start(), force_person)
                self._consider_run(s + cut.end(), e)
                return
        self._consider_words(s, e, force_person)

    def _consider_words(self, s: int, e: int, force_person: bool = False) -> None:
        t = self.masked
        raw = t[s:e]
        words = raw.split()
        # strip a leading sentence-initial determiner or function word
        while words and words[0].lower() in _RUN_LEAD_WORDS:
            s = t.index(words[0], s) + len(words[0])
            while s < e and t[s].isspace():
                s += 1
            words = words[1:]
        if not words:
            return
        if len(words) == 1 and _ACRONYM.fullmatch(_POSSESSIVE_END.sub("", words[0])):
            # "The SLF, which has fought …": an organisation this article named in full
            acr = _POSSESSIVE_END.sub("", words[0])
            ent = next(
                (x for x in self.entities if x.kind == "organisation" and _initials(x.name) == acr),
                None,
            )
            if ent is not None:
                self.mentions.append(_Mention(s, e, ent, self._is_subject(s)))
                return
        if len(words) == 1:
            # a company's short name: "Cardow" after "Cardow Resources"
            word = _POSSESSIVE_END.sub("", words[0])
            owners = {
                id(x): x
                for x in self._org_first.get(word, ())
                if len(x.name.split()) > 1 and x.name.split()[0] == word
            }
            if len(owners) == 1 and not self._match_entity(name_tokens(word)):
                (owner,) = owners.values()
                self.mentions.append(_Mention(s, e, owner, self._is_subject(s)))
                return
        nxt = _NEXT_LOWER_WORD.match(t, e)
        if nxt and nxt.group(1) in _GROUP_HEADS and not self.gaz.is_country(words[-1]):
            # "the opposition National Hearth party": an organisation, not a person "Hearth"
            name = f"{' '.join(words)} {nxt.group(1).capitalize()}"
            ent = self._entity(_POSSESSIVE_END.sub("", name), "organisation")
            ent.affiliation = ent.affiliation or ent.name
            self.mentions.append(_Mention(s, nxt.end(), ent, self._is_subject(s)))
            return
        shape = _run_shape(tuple(words))
        if shape.kind == "skip":
            # a name of place words that an appositive makes an organisation:
            # "Mountain Rivers Watch, an environmental group, said"
            if len(words) >= 2 and not all(w.lower() in _ROLE_LIKE for w in words):
                self._org_by_appositive(" ".join(words), s, e)
            return
        if (
            shape.single is not None
            and s in self.boundary_set
            and shape.single not in self.midcaps
            and not self.gaz.is_country(shape.single)
        ):
            return  # a capitalised word opening a sentence, never seen inside one
        if shape.kind == "org":
            country = self._country_in(shape.org_modifiers)
            ent = self._entity(self.gaz.normalize_org(shape.name), "organisation")
            if country and not ent.affiliation:
                ent.affiliation = country
            elif not ent.affiliation and not country:
                ent.affiliation = ent.name
            self.mentions.append(_Mention(s, e, ent, self._is_subject(s)))
            return
        name, name_words, title_words = shape.name, shape.name_words, shape.title_words
        possessive = shape.possessive
        toks = name_tokens(name)
        rest = t[s:e]  # after any leading words stripped above
        name_start = s + rest.find(name_words[0]) if name_words[0] in rest else s
        role_before = self._role_before(s, title_words)
        is_person = bool(role_before) or bool(title_words) or force_person
        if not is_person:
            # sentence-initial single words are often not names
            is_person = self._looks_like_person(s, e, toks)
        if not is_person:
            if not self.gaz.is_country(name) and self._org_by_appositive(name, name_start, e):
                return
            if len(toks) == 1:
                ent = self._match_entity(toks)
                if ent is not None:
                    self.mentions.append(
                        _Mention(name_start, e, ent, self._is_subject(s) and not possessive)
                    )
            return
        ent = self._match_entity(toks)
        if ent is None:
            ent = self._entity(name, "person")
        # roles, gender and affiliation from the words around the name
        role_text = " ".join([role_before, " ".join(title_words)]).strip()
        appos = self._appositive(e)
        m_age = _AGE_APPOSITIVE.match(t, e)
        if m_age and not appos:  # "Marta Zelicka, 63, a retired teacher": an age is a role
            appos = f"{m_age.group(0).strip(' ,')}-year-old"
        if title_words and ent.affiliation is None:
            m_of = _OF_NAME.match(t[e : e + 60])
            if m_of:
                place = _clean_place(m_of.group(1))
                ent.affiliation = self.gaz.country_of(place) or place
        for r in (role_text, appos):
            if r and r.lower() not in ent.roles:  # each role is learned from once
                ent.roles.append(r.lower())
                self._learn_from_role(ent, r)
        self.mentions.append(_Mention(name_start, e, ent, self._is_subject(s) and not possessive))

    def _org_by_appositive(self, name: str, s: int, e: int) -> bool:
        """Record ``name`` as an organisation when an appositive says it is one
        ("Halvik Shipping, a company that …"); whether it did."""
        app = _ORG_APPOSITIVE.match(self.masked, e)
        if not app:
            return False
        ent = self._entity(name, "organisation")
        ent.affiliation = ent.affiliation or name
        ent.roles.append(app.group(1).lower())
        self.mentions.append(_Mention(s, e, ent, self._is_subject(s)))
        return True

    def _looks_like_person(self, s: int, e: int, toks: list[str]) -> bool:
        t = self.masked
        if self.gaz.is_country(t[s:e]) or _ACRONYM.fullmatch(t[s:e].strip()):
            return False
        after = t[e : e + 60]
        before = t[max(0, s - 20) : s]
        if before.split()[-1:] == ["of"]:
            return False  # "Foreign Minister Ana Ruiz of Norland spoke": a place
        if t[s:e].isupper():
            return False  # a dateline: "SANTA INÉS DEL TAMBUL – Rosa Tapia measures …"
        if len(toks) == 1 and (
            t[s:e] in self.gaz.places or self.gaz.country_of(_POSSESSIVE_END.sub("", t[s:e]))
        ):
            # a place the corpus names as one ("reporters in Mirelle", "MIRELLE -"), so
            # "urged Mirelle to accept" is its government; a demonym ("said Oshkaran
            # investigators")
            return False
        if before[-1:].isspace() and before.split()[-1:] and before.split()[-1] in SPEECH_VERBS:
            return True
        if _AGE_APPOSITIVE.match(after) or (
            len(toks) >= 2 and _ROLE_APPOSITIVE.match(after) is not None
        ):
            return True  # "Tapia, 52, grows rice"; "X, secretary-general of the Union, said"
        m_app = _APPOSITIVE_START.match(after)
        if m_app:
            words_app = [w.strip(".,").lower() for w in m_app.group(1).split()]
            if _WHO_START.match(after):
                return len(toks) >= 2
            if len(toks) >= 2 and (
                any(w in _PERSON_ROLE_NOUNS or w.endswith("ist") for w in words_app)
                or _AGE_WORD.search(m_app.group(1)) is not None
                or "who" in words_app  # "Hana Kostrova, an independent who represents …"
            ):
                return True
            if len(toks) < 2 or any(
                w in _PLACE_WORDS | _ORG_NOUNS | _SETTLEMENTS for w in words_app
            ):
                return False  # "Sabrin, a town of 20,000"; "Halvik Shipping, a company"
            # an appositive noun we do not know ("Goran Pelc, a carpenter,"): the other
            # evidence below decides
        if _VERB_AFTER.match(after):
            return True
        if len(toks) >= 2:
            # later used alone as the subject of a reporting verb: the last word, or
            # the first of a surname-first name ("Gil Hyun-joo ... Gil asked") or the
            # first surname of a Spanish one ("Lucía Ferrán Olmedo ... Ferrán said")
            words = t[s:e].split()
            for w in (words[-1], words[0], words[1]) if len(words) == 3 else words[::-1]:
                if any(p > e for p in self.verb_subject_tokens.get(w, ())):
                    return True
            if (
                len(words) <= 3
                and given_name_gender(t[s:e]) is not None
                and words[-1].lower() not in _PLACE_WORDS
                and not before.rstrip().lower().endswith((" in", " at", " near", "the"))
                and not after.lstrip()[:1].isdigit()  # "the Hoa Binh 27": a vessel
            ):
                return True  # "Lucía Ferrán Olmedo spent an hour ...": a given name leads
            se = self.sentence_end(e)
            if _PERSON_PRONOUN.search(t[e:se]):
                return True  # "Fermín Huanca runs a small hotel, and his sister works …"
            # "Rosa Tapia measures the river. Every morning she walks …"
            if se < len(t) and _HE_SHE.search(t[se : self.sentence_end(se + 1)]):
                return True
        return False

    def _role_before(self, s: int, title_words: list[str]) -> str:
        """Lower-case role words right before a name: 'alliance spokeswoman'."""
        t = self.masked
        before = t[max(self.sentence_start(s), s - 160) : s]
        # the role noun must end the text before the name (commas allowed)
        tail = before.rstrip(" ,\t\n")
        last = tail[tail.rfind(" ") + 1 :].lower() if tail else ""
        if not _ends_with_role(last):
            return ""
        # the role noun and up to four words before it (plus a possessive owner)
        words = tail.split()
        i = len(words) - 1
        while i > 0 and len(words) - i < 5 and _ROLE_WORD.fullmatch(words[i - 1]):
            i -= 1
        if i > 0 and _POSSESSIVE_END.search(words[i - 1]):
            i -= 1
        return " ".join(words[i:])

    def _appositive(self, e: int) -> str:
        t = self.masked
        m = _APPOSITIVE.match(t[e : e + 160])
        if not m:
            return ""
        if m.group(0)[-1:].isalpha() and _OPENING_CLAUSE.match(t[self.sentence_start(e) : e]):
            return ""  # "After meeting President X, the envoy told": the envoy is the subject
        text = m.group(1)
        words = [w.strip(".,").lower() for w in text.split()]
        if not words or not (
            words[0] in ("the", "a", "an", "who", "head", "chief")
            or words[0].endswith(("’s", "'s"))
            or words[0] in _PERSON_ROLE_NOUNS
            or words[0] in _TITLE_WORDS
        ):
            return ""
        if not (any(w in _PERSON_ROLE_NOUNS for w in words) or words[0] == "who"):
            return ""
        return text

    def _learn_from_role(self, ent: _Entity, role: str) -> None:
        words = [w.lower().strip(".,") for w in role.split()]
        for w in words:  # titles and gendered nouns, not pronouns ("her counterpart")
            if w in _PRONOUN_FORMS:
                continue
            if w in _FEMALE:
                ent.gender_votes["f"] += 3
            elif w in _MALE:
                ent.gender_votes["m"] += 3
        # affiliation: a country or demonym, an organisation, or a person's side
        if ent.affiliation is None:
            country = self._country_in(role.split())
            if country:
                ent.affiliation = country
        m = _ROLE_OWNER.search(role) if ("’s" in role or "'s" in role) else None
        if m and ent.affiliation is None:
            owner = m.group(1)
            if self.gaz.country_of(owner) is None:
                ent.aff_person = owner
        if ent.affiliation is None:
            # an organisation named in the role ("Concord envoy", "at Harwick Research")
            for org in self.entities:
                if org.kind == "organisation" and org.name and org.name in role:
                    ent.affiliation = org.affiliation or org.name
                    break
        if ent.affiliation is None:
            for acr in _ACRONYM_WORD.findall(role):
                org = self.gaz.acronym(acr)
                if org:
                    ent.affiliation = org
                    break
        if ent.affiliation is None and ent.aff_person is None:
            m = _ROLE_TARGET.search(role)
            if m:
                target = _POSSESSIVE_END.sub("", m.group(1))
                twords = target.split()
                if twords[0].lower() in _TITLE_WORDS or (
                    len(twords) >= 2
                    and self._match_entity(name_tokens(twords[-1])) is not None
                    and not any(w.lower() in _ORG_NOUNS for w in twords)
                ):
                    ent.aff_person = " ".join(w for w in twords if w.lower() not in _TITLE_WORDS)
                elif self.gaz.is_country(target):
                    ent.affiliation = self.gaz.country_of(target)
                elif not any(w.lower() in _PLACE_WORDS for w in twords):
                    ent.affiliation = target
        if ent.affiliation is None:
            # "an alliance spokeswoman": an organisation of the article by its head noun
            for w in words:
                w = _POSSESSIVE_END.sub("", w)
                if w in _ORG_NOUNS and w not in ("statement",):
                    org = self._org_by_head(w)
                    if org is not None:
                        ent.affiliation = org.affiliation or org.name
                        break

    def _people_of_countries(self, start: int, run: str) -> None:
        """Each "Name of Country" in a run joined by "and" is a person of that country."""
        pos = 0
        for part in run.split(" and "):
            name, sep, place = part.partition(" of ")
            country = self.gaz.country_of(place.strip()) if sep else None
            if country and len(name.split()) >= 2:
                s0 = start + run.find(name, pos)
                n = len(self.mentions)
                self._consider_run(s0, s0 + len(name), force_person=True)
                if len(self.mentions) > n and self.mentions[-1].entity.kind == "person":
                    ent = self.mentions[-1].entity
                    ent.affiliation = ent.affiliation or country
            pos += len(part) + len(" and ")

    def _country_in(self, words: Iterable[str]) -> str | None:
        for w in words:
            w = w.strip(".,")
            c = self.gaz.country_of(_POSSESSIVE_END.sub("", w))
            if c:
                return c
        return None

    def _org_by_head(self, head: str) -> _Entity | None:
        for ent in reversed(self.entities):
            if ent.kind == "organisation" and (
                head in ent.name.lower().split() or head in ent.roles
            ):
                return ent
        return None

    def _entity(self, name: str, kind: str) -> _Entity:
        toks = name_tokens(name)
        pool = (
            self._person_index.get(sound_key(toks[-1]), ())
            if kind == "person" and toks
            else self.entities
        )
        for ent in pool:
            if ent.kind == kind and (
                ent.tokens == toks or (kind == "person" and _same(ent.tokens, toks))
            ):
                if len(toks) > len(ent.tokens):
                    ent.name, ent.tokens = name, toks
                    if kind == "organisation":
                        self._org_first.setdefault(name.split()[0], []).append(ent)
                return ent
        ent = _Entity(name, kind, toks)
        self.entities.append(ent)
        if kind == "person" and toks:
            self._person_index.setdefault(sound_key(toks[-1]), []).append(ent)
        elif kind == "organisation" and name.strip():
            self._org_first.setdefault(name.split()[0], []).append(ent)
        return ent

    def _match_entity(self, toks: list[str], before: int | None = None) -> _Entity | None:
        """A person of the article whose name ends with ``toks`` (surname)."""
        if not toks:
            return None
        pool = self._person_index.get(sound_key(toks[-1]), ())  # same surname sound
        cands = [e for e in pool if len(e.tokens) > len(toks) and surname_matches(toks, e.tokens)]
        if not cands:
            cands = [e for e in pool if _same(e.tokens, toks)]
        if not cands and len(toks) == 1:
            # surname-first names (Zhao Lanying -> "Ms Zhao", Bui Dinh Phong -> "Colonel
            # Bui"): the first token; Spanish names keep the first of two surnames
            # (Rodrigo Ibarrola Seoane -> "Ibarrola"): the middle one of three
            cands = [
                e
                for e in self.entities
                if e.kind == "person"
                and len(e.tokens) in (2, 3)
                and (
                    tokens_match(e.tokens[0], toks[0])
                    or (len(e.tokens) == 3 and tokens_match(e.tokens[1], toks[0]))
                )
            ]
        if not cands:
            return None
        if len(cands) == 1 or before is None:
            return cands[-1]
        # same surname, different people: the most recently mentioned
        for mention in reversed(self.mentions):
            if mention.start < before and mention.entity in cands:
                return mention.entity
        return cands[-1]

    def _is_subject(self, s: int) -> bool:
        """Whether the words before ``s`` in its sentence are only a lead-in."""
        t = self.masked
        se = self.sentence_end(s)
        # ", who said": the slice to the sentence end only when "who" is near
        if "who" in t[s : min(se, s + 170)] and _WHO_SAID.match(t[s:se]):
            return True
        return _only_lead_in(t[self.sentence_start(s) : s])

    def _gender_from_pronouns(self) -> None:
        """Vote on gender with he/she in sentences about a single person."""
        t = self.masked
        by_sentence: dict[int, set[int]] = {}
        first: dict[int, int] = {}
        for mn in self.mentions:
            if mn.entity.kind == "person":
                ss = self.sentence_start(mn.start)
                by_sentence.setdefault(ss, set()).add(id(mn.entity))
                first.setdefault(ss, mn.start)
        ents = {id(e): e for e in self.entities}
        for ss, ids in by_sentence.items():
            if len(ids) != 1:
                continue
            ent = ents[next(iter(ids))]
            se = self.sentence_end(ss)
            # a subject pronoun before the name is someone else ("She and Defence
            # Minister X briefed reporters"); a possessive may point ahead ("In his
            # speech, X said")
            ms = first[ss]
            seg, lead = t[ms:se].lower(), t[ss:ms].lower()
            if _SUBJECT_PRONOUN.search(lead):
                continue  # "she sat two chairs from Basuki, who did not look at her"
            f = bool(_FEMALE_PRONOUN.search(seg) or _FEMALE_POSSESSIVE.search(lead))
            m = bool(_MALE_PRONOUN.search(seg) or _MALE_POSSESSIVE.search(lead))
            if f and not m:
                ent.gender_votes["f"] += 1
            elif m and not f:
                ent.gender_votes["m"] += 1

    def gender(self, ent: _Entity) -> str | None:
        f, m = ent.gender_votes["f"], ent.gender_votes["m"]
        # a usual given name outweighs one pronoun, not a title ("Ms")
        given = given_name_gender(ent.name) if ent.kind == "person" else None
        f, m = f + 2 * (given == "f"), m + 2 * (given == "m")
        if f > m:
            return "f"
        if m > f:
            return "m"
        return None

    def affiliation_with_source(self, ent: _Entity) -> tuple[str | None, str | None]:
        if id(ent) in self._aff_cache:
            return self._aff_cache[id(ent)]
        stated = self.affiliation(ent, context=False)
        if stated:
            out: tuple[str | None, str | None] = (stated, "article")
        else:
            guess = self.affiliation(ent)
            out = (guess, "context" if guess else None)
        self._aff_cache[id(ent)] = out
        return out

    def affiliation(self, ent: _Entity, depth: int = 0, context: bool = True) -> str | None:
        if ent.affiliation:
            return ent.affiliation
        if ent.aff_person and depth < 3:
            owner = self._match_entity(name_tokens(ent.aff_person)) or next(
                (e for e in self.entities if _same(e.tokens, name_tokens(ent.aff_person))), None
            )
            if owner is not None and owner is not ent:
                return self.affiliation(owner, depth + 1, context)
        if (
            context
            and ent.kind == "person"
            and (
                any(w in _STATE_OFFICES for r in ent.roles for w in r.split())
                or _local_civilian(ent.roles)
            )
        ):
            # a state office ("Prime Minister X") serves the country the article
            # names around the person's introduction; so does a local civilian ("Marta
            # Zelicka, 63, a retired teacher")
            first = next((m.start for m in self.mentions if m.entity is ent), None)
            if first is not None:
                return self.country_near(first)
        return None

    def country_near(self, pos: int) -> str | None:
        """The country named nearest ``pos``: earlier in its sentence, then earlier in
        its paragraph ("Oshkara has responded. Spokesman X told reporters that the
        Tavrossan boat …"), then later in the sentence, then in the previous paragraph;
        None when none is named."""
        ss = self.sentence_start(pos)
        ps = self.para_of(pos)[0]
        prev_ps = self.paras[max(0, self.para_index(pos) - 1)][0]
        for a, b in ((ss, pos), (ps, ss), (pos, self.sentence_end(pos)), (prev_ps, ps)):
            if a not in (ss, pos):
                # a sentence about a state outranks a country it names later
                # ("Lusharia's most senior soldier acknowledged … the clash with
                # Zhetvara. General X told …")
                i, j = (
                    bisect.bisect_left(self.boundaries, a),
                    bisect.bisect_left(self.boundaries, b),
                )
                for start in reversed(self.boundaries[i:j]):
                    m = _CAP_TOKEN_RE.match(self.masked, start)
                    c = m and self.gaz.country_of(_POSSESSIVE_END.sub("", m.group(0)))
                    if c:
                        return c
            words = _CAP_TOKEN_RE.findall(self.masked[a:b])
            for w in words if a == pos else reversed(words):  # after the name: in order
                c = self.gaz.country_of(_POSSESSIVE_END.sub("", w))
                if c:
                    return c
        return None

    # -- resolving a mention ----------------------------------------------
    def resolve(self, phrase: str, start: int, cue: str | None, method: str) -> _Resolution | None:
        """Resolve the subject phrase of a reporting clause to an entity."""
        raw = phrase
        phrase = phrase.strip(" ,\x00—–-")
        if not phrase:
            return None
        offset = start + raw.find(phrase)
        low = phrase.lower()
        words = low.split()
        if low in _PRONOUNS:
            ent = self.resolve_pronoun(low, offset)
            return _Resolution(ent, phrase, offset, offset + len(phrase), cue, method)
        m_role = _ROLE_OF.match(low)
        named = any(
            mn.entity.kind == "person"
            for mn in self.mentions_between(offset, offset + len(phrase) + 1)
        )
        if m_role and m_role.group(1) in _PERSON_ROLE_NOUNS and not named:
            # "The commander of Lormenia's coast guard told …" is a person, not the guard
            ent = self.resolve_role(low[: m_role.end(1)].split(), m_role.group(1), offset)
            if ent is not None:
                return _Resolution(ent, phrase, offset, offset + len(phrase), cue, method)
        if len(words) <= 3 and words[0] in ("the", "a") and words[-1] in _LETTERS:
            # "…,” the letter said": whoever the article says the letter is from
            ent = self.document_author(words[-1], offset)
            if ent is not None:
                return _Resolution(ent, phrase, offset, offset + len(phrase), cue, method)
        # a name inside the phrase (the last name-like run; appositive names win:
        # "An alliance spokeswoman, Claire Osterhagen,"), also in a long appositive
        # ("The force commander, General X, an officer who has led two missions,")
        best = None
        for mn in self.mentions_between(offset, offset + len(phrase) + 1):
            if offset <= mn.start and mn.end <= offset + len(phrase) + 1:
                if mn.entity.kind == "person" and _possessive_at(self.text, mn.end):
                    continue
                nxt_word = _NEXT_LOWER_WORD.match(self.masked[mn.end : mn.end + 30])
                if (
                    mn.entity.kind == "person"
                    and nxt_word
                    and nxt_word.group(1) in _PERSON_ROLE_NOUNS
                ):
                    continue
                if best is None or (mn.entity.kind == "person" and best.entity.kind != "person"):
                    best = mn
        if best is not None:
            ent = best.entity
            if len(ent.tokens) == 1 and ent.kind == "person":
                ent = self._match_entity(ent.tokens, offset) or ent
            return _Resolution(
                ent, self.text[best.start : best.end], best.start, best.end, cue, method
            )
        if len(words) > 16:
            return None
        # a capitalised surname that the scan did not see as a name
        runs = [m.group(0) for m in _NAME_RUN.finditer(phrase)]
        caps = []
        if runs:
            caps = [
                " ".join(
                    w
                    for w in runs[0].split()
                    if w.lower().rstrip(".") not in _TITLE_WORDS
                    and w.lower() not in _PERSON_ROLE_NOUNS
                )
            ]
            country_subject = (
                caps[0] if caps and caps[0] == phrase.strip() and len(words) <= 2 else None
            )
            caps = [c for c in caps if c and not self.gaz.is_country(c)]
            if not caps and country_subject and self.gaz.is_country(country_subject):
                # a country speaks ("Norland said in a statement"): the state is the speaker
                name = self.gaz.country_of(country_subject) or country_subject
                ent = self._entity(name, "organisation")
                ent.affiliation = ent.affiliation or name
                i = phrase.find(country_subject)
                return _Resolution(
                    ent, country_subject, offset + i, offset + i + len(country_subject), cue, method
                )
        all_caps = all(
            w[:1].isupper() or w.lower() in NAME_PARTICLES or _PARTICLE_HYPHEN.match(w)
            for w in phrase.replace(",", " ").split()
        )
        for acr in _ACRONYM_WORD.findall(phrase):
            org_name = self.gaz.acronym(acr)
            i = phrase.find(acr)
            # "The CSF's envoy" is the envoy: a possessive acronym owns the subject
            if org_name and len(words) <= 3 and not _possessive_at(phrase, i + len(acr)):
                ent = self._entity(org_name, "organisation")
                ent.affiliation = ent.affiliation or self._country_in(org_name.split()) or org_name
                return _Resolution(ent, acr, offset + i, offset + i + len(acr), cue, method)
        if caps and all_caps:
            toks = name_tokens(caps[-1])
            ent = self._match_entity(toks, offset) if len(toks) == 1 else None
            if ent is None and toks and toks[0] not in _TIME_WORDS:
                ent = self._entity(_POSSESSIVE_END.sub("", caps[-1]), "person")
            if ent is not None:
                i = phrase.rfind(caps[-1])
                return _Resolution(
                    ent, caps[-1], offset + i, offset + i + len(caps[-1]), cue, method
                )
        # "the 62-year-old": the person the article gave that age
        age = _AGE_WORD.search(low) if len(words) <= 3 else None
        if age is not None:
            people = [m for m in self.mentions_between(0, offset) if m.entity.kind == "person"]
            aged = [m for m in people if any(age.group(0) in r for r in m.entity.roles)]
            # else the person the text is about: the latest subject, this paragraph or the last
            near = self.paras[max(0, self.para_index(offset) - 1)][0]
            recent = [m for m in people if m.start >= near]
            recent = [m for m in recent if m.subject] or recent
            pick = (aged or recent)[-1:] if aged or recent else []
            if pick:
                return _Resolution(
                    pick[0].entity, phrase, offset, offset + len(phrase), cue, method
                )
        # a role or an organisation by its head noun
        head = _head_noun(words)
        if head is None:
            return None
        if head in _ORG_NOUNS:
            ent = self.resolve_org(words, head, offset)
            return _Resolution(ent, phrase, offset, offset + len(phrase), cue, method)
        if head in _PERSON_ROLE_NOUNS or head in _TITLE_WORDS:
            ent = self.resolve_role(words, head, offset)
            return _Resolution(ent, phrase, offset, offset + len(phrase), cue, method)
        return None

    def resolve_pronoun(self, pron: str, pos: int) -> _Entity | None:
        want = _PRONOUNS[pron]
        window_start = self.paras[max(0, self.para_index(pos) - 3)][0]
        cands = self.mentions_between(window_start, pos)
        if want in ("m", "f"):
            persons = [m for m in cands if m.entity.kind == "person"]
            if not persons:
                # no one named for three paragraphs (an interview's "he said"): the last
                # person of that gender named before
                persons = [
                    m
                    for m in self.mentions_between(0, window_start)
                    if m.entity.kind == "person" and self.gender(m.entity) in (want, None)
                ][-1:]
            ok = [m for m in persons if self.gender(m.entity) in (want, None)]
            if persons and not ok:
                # no one of that gender nearby: the nearest further back (the subject of a
                # profile is often named paragraphs before "she is blunt:")
                ok = [
                    m
                    for m in self.mentions_between(0, window_start)
                    if m.entity.kind == "person" and self.gender(m.entity) == want
                ][-1:]
            mn = self._nearest_antecedent(ok or persons)
            # a later sentence whose subject is a role ("The foreign minister later
            # told reporters …. “…,” he said") points past the last name; so does the
            # name's own sentence when the name is not its subject ("The minister said
            # she had called her counterpart, Vesna Kordai. “…,” she said")
            role = self._role_subject_between(
                self.sentence_start(mn.start) + (1 if mn.subject else 0)
                if mn is not None
                else window_start,
                pos,
            )
            if role is not None and self.gender(role) in (want, None):
                return role
            if mn is None:
                return None
            ent = mn.entity
            if self.gender(ent) is None and mn.start >= self.sentence_start(
                self.sentence_start(pos) - 1
            ):
                ent.gender_votes[want] += 1  # the pronoun teaches the antecedent's gender
            return ent
        if want in ("n", "pl"):
            mn = self._nearest_antecedent([m for m in cands if m.entity.kind == "organisation"])
            if mn is not None:
                return mn.entity
        return None

    def document_author(self, noun: str, pos: int) -> _Entity | None:
        """Who a letter (memo, cable, release) before ``pos`` is from: "a two-page letter
        from its commander, Colonel Ruhan Talgat,", "the company said in a press release",
        "Talgat's letter" or "a Ganzarian Interior Ministry memo"."""
        window = self.paras[max(0, self.para_index(pos) - 3)][0]
        seg = self.masked[window:pos]
        for m in reversed(list(re.finditer(rf"\b{noun}s?\s+(?:from|by|signed\s+by)\b", seg))):
            a = window + m.end()
            after = [
                x for x in self.mentions_between(a, a + 90) if not _possessive_at(self.text, x.end)
            ]
            if after:
                return after[0].entity
        said_in = rf"\b(?:said|announced|stated|wrote)\s+in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){{0,2}}{noun}\b"
        for m in reversed(list(re.finditer(said_in, seg))):
            ss = self.sentence_start(window + m.start())
            # the subject after any quote in the sentence ("“…,” the company said in …")
            subj = _clean_subject(_QUOTE_CHARS.split(self.masked[ss : window + m.start()])[-1])
            if _valid_subject(subj):
                r = self.resolve(subj, ss + self.masked[ss:pos].find(subj), None, "document")
                if r is not None and r.entity is not None:
                    return r.entity
        for mn in reversed(self.mentions_between(window, pos)):
            if re.match(
                rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}{noun}\b", self.masked[mn.end : mn.end + 40]
            ):
                return mn.entity
        return None

    def _role_subject_between(self, a: int, pos: int) -> _Entity | None:
        """The person a sentence in [a, pos) names by a role as its subject."""
        i = bisect.bisect_left(self.boundaries, a)
        j = bisect.bisect_left(self.boundaries, self.sentence_start(pos))
        for b in reversed(self.boundaries[i:j]):
            m = _ROLE_SUBJECT.match(self.masked, b)
            if m is None or m.group("head").lower() not in _PERSON_ROLE_NOUNS:
                continue
            words = m.group("role").lower().split()
            ent = self.resolve_role(words, words[-1], b)
            if ent is not None:
                return ent
        return None

    def _nearest_antecedent(self, cands: list[_Mention]) -> _Mention | None:
        """The antecedent among ``cands`` (text order): the latest sentence that has
        one, and in it the subject, else the mention nearest the pronoun."""
        if not cands:
            return None
        ss = self.sentence_start(cands[-1].start)
        last = [m for m in cands if m.start >= ss]
        subj = [m for m in last if m.subject]
        return (subj or last)[-1]

    def resolve_org(self, words: list[str], head: str, pos: int) -> _Entity | None:
        if head == "statement":
            # the organisation that issued one ("X said in a statement"), else the last one
            orgs = [m for m in self.mentions if m.start < pos and m.entity.kind == "organisation"]
            for mn in reversed(orgs):
                if "statement" in self.masked[mn.end : self.sentence_end(mn.start)]:
                    return mn.entity
            return orgs[-1].entity if orgs else None
        mods = [w for w in words if w not in ("the", "a", "an") and w != head]
        # an organisation already named in the article
        window = self.paras[max(0, self.para_index(pos) - 6)][0]
        for mn in reversed(self.mentions_between(window, pos)):
            ent = mn.entity
            if ent.kind != "organisation":
                continue
            ename = ent.name.lower().split() + ent.roles
            heads = _ORG_SYNONYMS.get(head, {head})
            if any(h in ename for h in heads) and all(
                m in ename or self.gaz.country_of(m.capitalize()) is not None for m in mods
            ):
                return ent
        for ent in reversed(self.entities):
            if ent.kind == "organisation" and head in ent.name.lower().split():
                if all(m in ent.name.lower().split() for m in mods):
                    return ent
        if head not in _STATE_ORGANS:
            # "the company", "the airline", "the group": the organisation the
            # paragraph (or the one before) is about
            ps = self.paras[max(0, self.para_index(pos) - 1)][0]
            recent = [m for m in self.mentions_between(ps, pos) if m.entity.kind == "organisation"]
            subj = [m for m in recent if m.subject]
            return (subj or recent)[-1].entity if (subj or recent) else None
        # "the foreign ministry": name it after the country in its phrase or context
        country = self._country_in(w.capitalize() for w in words)
        if country is None:
            country = self.context_country(pos)
        if country is None:
            return None
        name = self.gaz.org_name(country, " ".join([*mods, head]))
        ent = self._entity(name, "organisation")
        ent.affiliation = ent.affiliation or country
        return ent

    def lead_in_subject(self, ss: int, end: int) -> _Resolution | None:
        """The subject of a lead-in sentence ending with a colon."""
        subj = [m for m in self.mentions_between(ss, end) if m.subject]
        if subj:
            mn = subj[0]
            return _Resolution(
                mn.entity, self.text[mn.start : mn.end], mn.start, mn.end, ":", "colon-lead-in"
            )
        m = _LEAD_PRONOUN.match(self.masked[ss:end])
        if m:
            g = 1 if m.group(1) else 2
            return self.resolve(m.group(g).capitalize(), ss + m.start(g), ":", "colon-lead-in")
        # "Oszkar's advice to the envoy is blunt:", "Her answer was simple:"
        m = _POSSESSOR_SPEECH.match(self.masked[ss:end])
        if m:
            owner = m.group("owner")
            if owner.lower() in _SUBJECT_OF_POSSESSIVE:
                pron = _SUBJECT_OF_POSSESSIVE[owner.lower()]
                return self.resolve(pron, ss + m.start("owner"), ":", "colon-lead-in")
            for mn in self.mentions_between(ss + m.start("owner"), ss + m.end("owner")):
                if mn.entity.kind == "person":
                    return _Resolution(
                        mn.entity,
                        self.text[mn.start : mn.end],
                        mn.start,
                        mn.end,
                        ":",
                        "colon-lead-in",
                    )
        return None

    def context_country(self, pos: int) -> str | None:
        """The last country or demonym named before ``pos`` in this paragraph or the previous."""
        ps = self.paras[max(0, self.para_index(pos) - 1)][0]
        seg = self.masked[ps:pos]
        for w in reversed(_CAP_TOKEN_RE.findall(seg)):
            c = self.gaz.country_of(_POSSESSIVE_END.sub("", w))
            if c:
                return c
        return None

    def resolve_role(self, words: list[str], head: str, pos: int) -> _Entity | None:
        mods = [w.strip(",.") for w in words if w not in ("the", "a", "an") and w != head]
        synonyms = _ROLE_SYNONYMS.get(head, {head})
        best, best_score = None, 0.0
        seen = []
        window = self.paras[max(0, self.para_index(pos) - 6)][0]
        for mn in reversed(self.mentions_between(window, pos)):
            ent = mn.entity
            if ent.kind != "person" or ent in seen:
                continue
            seen.append(ent)
            roles = " ".join(ent.roles)
            score = 0.0
            if any(s in roles for s in synonyms):
                score += 2
                if not _LESSER_OFFICE_RE.search(" ".join(words)) and not any(
                    s in _LESSER_OFFICE_RE.sub("", roles) for s in synonyms
                ):
                    # only as a prime minister or vice president: "the minister" is more
                    # likely someone else with that plain role
                    score -= 0.5
            score += sum(0.5 for m in mods if m in roles)
            country = self._country_in(m.capitalize() for m in mods)
            if country and self.affiliation(ent) == country:
                score += 1
            g = self.gender(ent)
            if (head.endswith("woman") and g == "m") or (
                head.endswith("man") and not head.endswith("woman") and g == "f"
            ):
                score -= 3
            score -= 0.01 * len(seen)
            if score > best_score:
                best, best_score = ent, score
        if best is None or best_score < 1:
            # the role may be introduced after the quote ("X's foreign minister ... said.
            # Speaking on Monday, Ana Ruiz ...")
            for mn in [m for m in self.mentions if m.start >= pos and m.entity.kind == "person"]:
                roles = " ".join(mn.entity.roles)
                if any(s_ in roles for s_ in synonyms):
                    return mn.entity
            if best is None:
                # someone recent, but not someone the article gives another role
                # ("After meeting President X, the envoy told reporters")
                recent = [
                    m
                    for m in self.mentions
                    if m.start < pos
                    and m.subject
                    and m.entity.kind == "person"
                    and self.para_index(m.start) >= self.para_index(pos) - 1
                    and not _other_role(m.entity.roles, synonyms)
                ]
                if recent:
                    return recent[-1].entity
                nxt = next(
                    (m for m in self.mentions if m.start >= pos and m.entity.kind == "person"), None
                )
                if nxt is not None and self.para_index(nxt.start) <= self.para_index(pos) + 1:
                    return nxt.entity
        return best


_LESSER_OFFICE_RE = re.compile(r"\b(?:prime|vice)[\s-]+\w+")

_CIVILIAN_NOUNS = frozenset(
    "resident residents villager farmer fisherman fishermen teacher student pupil nurse "
    "driver shopkeeper mother father grandmother grandfather widow pensioner worker "
    "labourer mechanic baker trader vendor owner operator miner herder shepherd refugee "
    "veteran soldier sergeant volunteer housewife retiree".split()
)
_OUTSIDE_VOICE = frozenset(
    "analyst analysts professor researcher expert fellow economist lecturer consultant "
    "correspondent journalist reporter editor scholar historian specialist".split()
)


def _local_civilian(roles: list[str]) -> bool:
    """Whether a person's roles describe an ordinary local ("63", "a retired teacher"),
    not an outside voice (an analyst, a professor, a correspondent)."""
    words = {w.strip(",.’'") for r in roles for w in r.split()}
    if words & _OUTSIDE_VOICE:
        return False
    return bool(words & _CIVILIAN_NOUNS) or any(_AGE_ROLE.fullmatch(r.strip()) for r in roles)


_AGE_ROLE = re.compile(r"(?:(?:a|an)\s+)?\d{1,3}-year-old(?:\s+\w+)?")

_OFFICES = frozenset(
    "president premier chancellor king queen prince emir sultan monarch pope mayor governor".split()
)


def _other_role(roles: list[str], synonyms: set[str]) -> bool:
    """Whether ``roles`` name an office (a president, a king: not a rank such as
    colonel, who may well be the army spokesman) and none of ``synonyms``."""
    words = {w.strip(",.’'") for r in roles for w in r.split()}
    return bool(words & _OFFICES) and not any(s in " ".join(roles) for s in synonyms)


_STATE_ORGANS = frozenset(
    "ministry government army navy military forces force air guard police cabinet presidency "
    "parliament embassy consulate command kremlin administration regime junta".split()
)
_ORG_SYNONYMS = {
    "army": {"army", "forces", "military", "defence"},
    "military": {"army", "forces", "military", "defence"},
    "forces": {"army", "forces", "military", "defence"},
    "company": {
        "company",
        "firm",
        "corporation",
        "operator",
        "carrier",
        "airline",
        "group",
        "exporter",
    },
    "firm": {"company", "firm", "corporation", "operator", "group"},
    "airline": {"airline", "carrier", "company"},
    "carrier": {"airline", "carrier", "company"},
    "group": {"group", "front", "movement", "organisation", "organization", "militia", "rebels"},
    "alliance": {"alliance", "pact", "bloc", "organisation", "organization", "league", "union"},
    "bloc": {"alliance", "pact", "bloc", "union", "community"},
    "union": {"union", "association", "federation"},
}

_STATE_OFFICES = frozenset(
    "president prime premier minister secretary chancellor king queen emir sultan "
    "ambassador envoy general admiral colonel commander spokesman spokeswoman spokesperson "
    "presidential ministerial defence defense foreign interior army navy naval coast".split()
)

_ROLE_SYNONYMS = {
    "leader": {"president", "prime minister", "premier", "king", "chancellor", "leader", "emir"},
    "diplomat": {"foreign minister", "ambassador", "envoy", "diplomat", "secretary of state"},
    "spokesman": {"spokesman", "spokesperson"},
    "spokeswoman": {"spokeswoman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
    "minister": {"minister"},
    "president": {"president"},
    "premier": {"prime minister", "premier"},
    "envoy": {"envoy", "ambassador", "representative", "mediator"},
    "mediator": {"mediator", "envoy", "facilitator"},
    "general": {"general", "commander", "chief of staff"},
    "admiral": {"admiral", "commander", "navy"},
    "officer": {"officer", "general", "colonel", "commander", "admiral"},
    "official": {"official", "minister", "spokes"},
    "commander": {"commander", "general", "admiral", "chief"},
}


def _initials(name: str) -> str:
    """The capitals' initials of an organisation's name: "Sesenga Liberation Front" -> "SLF"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _same(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b):
        return False
    return all(tokens_match(x, y) for x, y in zip(a, b, strict=True))


def _possessive_states(text: str) -> set[str]:
    """Names used like a state ("Estravia's army", "Norland's envoy"), but not an
    organisation's short name ("the Forum's envoy", "the Alliance's envoy")."""
    return {
        m.group(1)
        for m in _STATE_POSSESSIVE.finditer(text)
        if m.group(1).split()[-1].lower() not in _ORG_NOUNS
    }


def _possessive_at(text: str, end: int) -> bool:
    return bool(_POSSESSIVE_START.match(text[end : end + 3]))


def _head_noun(words: list[str]) -> str | None:
    for w in reversed(words):
        w = w.strip(",.’'")
        if w.endswith(("’s", "'s")):
            continue
        if w in _ORG_NOUNS or w in _PERSON_ROLE_NOUNS or w in _TITLE_WORDS:
            return w
    return None


def _fold_possessives(c: Counter) -> Counter:
    """Possessives and trailing full stops fold into the word (Estravia's -> Estravia)."""
    for w in list(c):
        base = _POSSESSIVE_END.sub("", w).strip(".")
        if base != w:
            n = c.pop(w)
            if base:
                c[base] += n
    return c


def _org_counts(text: str) -> Counter:
    """Organisation names of one text, with their counts (in order of appearance)."""
    orgs: Counter = Counter()
    for m in _ORG_RUN.finditer(text):
        orgs[_LEADING_THE.sub("", m.group(0))] += 1
    for m in _CAP_MULTI_RUN.finditer(text):
        name = _POSSESSIVE_END.sub("", m.group(1))  # "the Continental Security Forum's envoy"
        if any(w.lower() in _ORG_NOUNS for w in name.split()[1:]):
            orgs[_LEADING_THE.sub("", name)] += 1
    return orgs


class _Gazetteer:
    """Countries and demonyms of a corpus, learned from its own text.

    A capitalised word is a demonym of a country named in the corpus when it
    extends the country's name with a demonym ending (Norland -> Norlandic,
    Estravia -> Estravian, Ukraine -> Ukrainian).
    """

    def __init__(self, words: Counter):
        self.words = words
        self.states: set[str] = set()
        self.places: set[str] = set()  # single words the corpus writes as places
        self.adjectival: set[str] | None = None
        self._orgs: Counter | None = Counter()
        # organisation counts are only needed to resolve acronyms, which most
        # corpora never ask for: from_texts leaves them to be counted on first use
        self._org_texts: list[str] = []
        self._by_initials: dict[str, list[str]] | None = None
        self._cache: dict[str, str | None] = {}
        self._demonym_cache: dict[str, str | None] = {}
        self._by_prefix: dict[str, list[str]] = {}
        # candidates most frequent first, then alphabetical: country_of takes the first
        # that fits, so the order must not depend on set iteration (PYTHONHASHSEED)
        for w in sorted(words, key=lambda w: (-words[w], w)):
            if len(w) >= 4:
                self._by_prefix.setdefault(w[:4].lower(), []).append(w)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> _Gazetteer:
        texts = list(texts)
        c: Counter = Counter()
        states: set[str] = set()
        adjectival: set[str] = set()
        places: set[str] = set()
        for t in texts:
            c.update(set(_CAP_TOKEN_RE.findall(t)))
            states.update(_possessive_states(t))
            places.update(_place_words(t, [p[0] for p in _paragraphs(t)]))
            for m in _CAP_THEN_WORD.finditer(t):
                if m.group(2) not in _NON_NOUN_FOLLOWERS:
                    adjectival.add(m.group(1))
        g = cls(_fold_possessives(c))
        g.states = states
        g.places = places
        g.adjectival = adjectival
        g._orgs = None  # counted from the texts by the orgs property
        g._org_texts = texts
        return g

    @property
    def orgs(self) -> Counter:
        """How often each organisation name occurs in the corpus."""
        if self._orgs is None:
            orgs: Counter = Counter()
            for t in self._org_texts:
                orgs.update(_org_counts(t))
            self._orgs, self._org_texts = orgs, []
        return self._orgs

    def with_acronym(self, name: str | None) -> str | None:
        """An organisation's name with the acronym the corpus writes for it.

        "United Assembly of Nations (UAN)" where the corpus also writes "UAN": a
        reader sees both forms, and so does a gold standard that writes either.
        """
        if not name or " " not in name:
            return name
        acr = _initials(name)
        # the organisations are counted only when the corpus writes these initials
        if 2 <= len(acr) <= 6 and acr in self.words and self.acronym(acr) == name:
            return f"{name} ({acr})"
        return name

    def acronym(self, acr: str) -> str | None:
        """The corpus organisation whose initials are ``acr`` (MDF, CEC)."""
        if self._by_initials is None:
            # names by initials, in count order: one pass, not one per acronym
            self._by_initials = {}
            for name in self.orgs:
                self._by_initials.setdefault(_initials(name), []).append(name)
        names = self._by_initials.get(acr)
        # the most frequent; the first counted among equals
        return max(names, key=self.orgs.__getitem__) if names else None

    def is_country(self, word: str) -> bool:
        w = _POSSESSIVE_END.sub("", word.strip(" .,"))
        return w in self.states or (self._demonym_of(w) is not None)

    def country_of(self, word: str) -> str | None:
        """The country a demonym or a country name stands for, if the corpus names it."""
        word = word.strip(".,’'")
        if word in self._cache:
            return self._cache[word]
        res = word if word in self.states else None
        if (
            res is None
            and len(word) >= 4
            and word[:1].isupper()
            and word.lower() not in _TITLE_WORDS | _ORG_NOUNS | _TIME_WORDS
        ):
            if _DEMONYM_SUFFIX.search(word) and (
                self.adjectival is None or word in self.adjectival
            ):
                for cand in self._by_prefix.get(word[:4].lower(), []):
                    if _land_demonym(cand, word):  # Sorvland / Sorvish, Norland / Norlandic
                        res = cand
                        break
                    if cand == word or len(cand) > len(word) or cand.lower() in _TITLE_WORDS:
                        continue
                    if _DEMONYM_SUFFIX.search(cand) and len(cand) == len(word):
                        if cand[-1] in "n":
                            continue
                    k = _common_prefix(cand.lower(), word.lower())
                    if k >= max(4, len(cand) - 2) and (
                        len(cand) < len(word) or cand[-1] != word[-1]
                    ):
                        if cand[-1] in "aeiouy" or len(cand) < len(word):
                            res = cand
                            break
            if res is None and self._demonym_of(word) is not None:
                res = word
        self._cache[word] = res
        return res

    def _demonym_of(self, country: str) -> str | None:
        if country in self._demonym_cache:
            return self._demonym_cache[country]
        res = None
        for cand in self._by_prefix.get(country[:4].lower(), []):
            if cand == country or not _DEMONYM_SUFFIX.search(cand):
                continue
            if self.adjectival is not None and cand not in self.adjectival:
                continue
            k = _common_prefix(cand.lower(), country.lower())
            if (
                k >= max(4, len(country) - 2)
                and len(cand) >= len(country)
                and cand[-1] != country[-1]
            ):
                if cand.lower().endswith(("ns", "is")):
                    continue
                res = cand
                break
            if _land_demonym(country, cand):
                res = cand
                break
        self._demonym_cache[country] = res
        return res

    def org_name(self, country: str, noun_phrase: str) -> str:
        """'Norland' + 'foreign ministry' -> 'Norlandic Foreign Ministry'."""
        dem = self._demonym_of(country) or country
        words = [w for w in noun_phrase.split() if w not in ("the", "a", "an")]
        return " ".join([dem, *(w.capitalize() for w in words)])

    def normalize_org(self, name: str) -> str:
        name = _LEADING_THE.sub("", name.strip())
        return name


# ≡ (?<![\w.])([{_UPPER}][{_LOWER}]{{2,}}…) (see _NOT_AFTER_WORD)
_STATE_POSSESSIVE = re.compile(
    rf"([{_UPPER}](?<![\w.].)[{_LOWER}]{{2,}}(?:\s+[{_UPPER}][{_LOWER}]+)?)['’]s\s+(?:(?:foreign|defence|defense|"
    r"interior|finance|trade|prime|deputy|top|new|own|chief|national|armed|state|military|security)\s+){0,2}"
    r"(?:ministry|government|army|navy|air\s+force|president|parliament|ambassador|embassy|military|"
    r"forces|minister|coast\s+guard|border|capital|leader|cabinet|envoy|diplomat|troops|prime\s+minister)\b"
)


_NON_NOUN_FOLLOWERS = SPEECH_VERBS | frozenset(
    [
        "was",
        "is",
        "has",
        "had",
        "will",
        "would",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "who",
        "which",
        "that",
        "as",
        "by",
        "with",
        "from",
        "but",
        "were",
        "are",
        "have",
        "could",
        "should",
        "can",
        "may",
        "might",
        "did",
        "does",
        "do",
        "also",
        "then",
        "later",
        "again",
    ]
)


def _land_demonym(country: str, demonym: str) -> bool:
    """'-land' countries take '-ish' or '-ic' demonyms (Sorvland / Sorvish)."""
    if not country.lower().endswith("land") or len(country) < 7:
        return False
    stem = country[:-4].lower()
    d = demonym.lower()
    return d.startswith(stem) and d.endswith(("ish", "ic", "er")) and d != country.lower()


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# ---------------------------------------------------------------------------
# 3. attribution

_VERB_RE = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_VERB_AFTER = re.compile(rf"\s*,?\s+(?:\w+ly\s+)?(?:{_VERB_RE})\b")
_WHO_SAID = re.compile(rf"[^.;\x00]{{0,140}}?,\s*who\s+(?:\w+\s+)?(?:{_VERB_RE})\b")
_CAP_TOKEN_RE = re.compile(_CAP_TOKEN)
_POSSESSIVE_END = re.compile(r"['’]s$")
_OPENERS = tuple("\"“‘'«„(")
_ROLE_LIKE = _ORG_NOUNS | _TITLE_WORDS | _PERSON_ROLE_NOUNS
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,6}\b")
_ORG_APPOSITIVE = re.compile(
    r",\s*(?:the|a|an|its)\s+(?:[\w’'-]+\s+){0,4}?(company|firm|carrier|airline|exporter|importer|"
    r"operator|producer|manufacturer|group|bank|insurer|charity|union|association|party|militia|"
    r"movement|front|organisation|organization|agency|network|coalition|broadcaster|newspaper|"
    r"alliance|bloc|body|council|commission|institute|think\s+tank|ngo)\b"
)
_SENTENCE_CUT = re.compile(rf"(?<=[a-z{_LOWER[3:]}]{{2}})\.\s+")
_ROLE_OWNER = re.compile(rf"({_CAP_TOKEN}(?:\s+{_CAP_TOKEN})*)['’]s\s+\w+")
_ROLE_TARGET = re.compile(
    rf"\b(?:at|of|with|from|for|to)\s+(?:the\s+)?((?:{_CAP_TOKEN})(?:\s+(?:{_CONNECTOR}\s+(?:the\s+)?)?{_CAP_TOKEN})*)"
)
_POSSESSIVE_ORG = re.compile(
    rf"({_CAP_TOKEN})['’]s\s+((?:[a-z]+\s+){{0,2}}?)({'|'.join(sorted(_ORG_NOUNS - {'statement'}))})\b"
)
_DEMONYM_ORG = re.compile(
    rf"\b[Tt]he\s+({_CAP_TOKEN}(?:an|ese|ish|i|ic))\s+((?:[a-z]+\s+){{0,2}}?)"
    rf"({'|'.join(sorted(_STATE_ORGANS - {'air', 'guard'}))})\b"
)
_CAP_THEN_WORD = re.compile(rf"([{_UPPER}][{_LOWER}]+(?:an|ese|ish|i|ic|ite))\s+([a-z]+)")
_CAP_MULTI_RUN = re.compile(rf"({_CAP_TOKEN}(?:\s+{_CAP_TOKEN})+)")
_LEADING_THE = re.compile(r"^(?:The|the)\s+")
_PERSON_ROLE_SUFFIXES = tuple(_PERSON_ROLE_NOUNS)


@functools.lru_cache(maxsize=16384)
def _ends_with_role(word: str) -> bool:
    """Whether a word ends with a person's role noun ("spokeswoman", "ex-minister")."""
    return word.endswith(_PERSON_ROLE_SUFFIXES)


_ROLE_WORD = re.compile(r"[\w’'.-]+")
_SUBJ = r"(?P<subj>(?:[^\x00.!?;“”\"«»„]{1,140}?))"
_AFTER_SV = re.compile(
    rf"^\s*[,—–-]?\s*{_SUBJ}\s+(?:(?:also|then|later|once|again|further|quickly|simply|firmly|"
    rf"flatly|only|even|\w+ly)\s+)?(?P<verb>{_VERB_RE})\b"
)
_AFTER_VS = re.compile(
    rf"^\s*[,—–-]?\s*(?P<verb>{_VERB_RE})\s+(?P<subj>(?!that\b|the\s+(?:statement|report)\b)[^\x00.!?;:“”\"]{{1,140}}?)"
    r"(?=\s*(?:[,.;!?]|\bon\b|\bin\b|\bat\b|\bduring\b|\bafter\b|\bbefore\b|\bwhile\b|\bwhen\b|\bto\b|$))"
)
_DASH_NAME = re.compile(
    rf"^\s*[–—-]\s*(?P<subj>(?:{_PARTICLE}-)?{_CAP_TOKEN}(?:\s+(?:{_PARTICLE}[-\s])?{_CAP_TOKEN})+)(?P<verb>)"
)
_ACCORDING = re.compile(r"^\s*[,—–-]?\s*according\s+to\s+(?P<subj>[^\x00.!?;:,]{1,100})", re.I)
_BEFORE = re.compile(
    rf"(?P<subj>[^\x00.!?;“”\"«»„]{{1,160}}?)\s+(?:(?:also|then|later|\w+ly)\s+)?"
    rf"(?P<verb>{_VERB_RE})\b(?P<rest>[^\x00.!?;“”\"]{{0,80}}?)\s*(?P<punct>[:,]|\bthat|—)?\s*$"
)
_BAD_SUBJ_START = re.compile(
    r"^(?:and|but|or|so|because|which|that|who|when|while|as|if|to|it\s+is|there)\b", re.I
)

# Patterns used once per quote, name or sentence, compiled here rather than
# looked up (or, for those built from _VERB_RE, rebuilt) at every call.
# the time stamp or bullet that opens a live-blog or list entry: "13:12 - ", "09.41 GMT – ",
# "09:45 ", "[10:30] ", "• "
_ENTRY_MARK = re.compile(
    r"(?:\[?\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|local time))?"
    r"\]?(?:\s*[-–—|:])?|[-–—•*]"
    # a dateline: "SULVI, April 11 (NPA) -", "BAYT NASR (APC) –"
    rf"|[{_UPPER}][{_UPPER}'’. -]+(?:,[^()\n\-–—]{{1,30}})?(?:\s*\([^()\n]{{1,40}}\))?\s*[-–—]"
    # a roundup's section heading: "TOLVARIA. The foreign ministry said …"
    rf"|[{_UPPER}]{{3,}}(?:\s+[{_UPPER}]{{2,}}){{0,3}}\.(?=[ \t]+[{_UPPER}]))[ \t]+"
)
_SENTENCE_GAP = re.compile(r"[.!?…][\"”’'»\x00]?(\s+)(?=[\"“‘'«„(\[A-Z" + _UPPER[3:] + r"0-9])")
_WORD_BEFORE_STOP = re.compile(r"(\w[\w.]*)\.$")
_LOWER_STOP = re.compile(r"[a-z]\.[ \t]")
_CONNECTOR_SPLIT = re.compile(rf"\s+{_CONNECTOR}\s+")
_AND_ONLY = re.compile(r"^(?!.*\s(?:of|for)\s).*\sand\s")
_LEADING_LOWER_THE = re.compile(r"^(?:the)\s+")
_HEAD_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}?\s+([a-z]+)")
_OF_NAME = re.compile(rf"\s+of\s+(?:the\s+)?({_CAP_TOKEN}(?:\s+{_CAP_TOKEN})*)")
_APPOSITIVE_START = re.compile(r"\s*,\s*(?:the|a|an|who|whose)\b([^,.;]{0,80})")
_WHO_START = re.compile(r"\s*,\s*(?:who|whose)\b")
# "The foreign minister later told reporters": a role as a sentence's subject
_ROLE_SUBJECT = re.compile(
    rf"(?P<role>[Tt]he\s+(?:[a-z’'-]+\s+){{0,3}}?(?P<head>[a-z-]+))\s+(?:\w+ly\s+|later\s+|also\s+)?"
    rf"(?:{_VERB_RE})\b"
)
_LEAD_CONJUNCTION = re.compile(r"^(?:But|And|Yet|So|Still)\s+(?=\S)")  # "But the envoy also said"
_AGE_WORD = re.compile(r"\b\d{1,3}-year-old\b")  # "a 34-year-old nurse": a person
_HE_SHE = re.compile(r"\b(?:he|she)\b")
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b")
_AGE_APPOSITIVE = re.compile(r"\s*,\s*\d{1,3}\s*,")  # "Tapia, 52, said"
_ROLE_APPOSITIVE = re.compile(
    rf"\s*,\s*(?:{'|'.join(sorted(_PERSON_ROLE_NOUNS - {'member', 'head'}, key=len, reverse=True))})"
    r"\s+(?:of|for|at|to)\b"
)  # ", secretary-general of the Union,"
_APPOSITIVE = re.compile(r",\s*([^,.;:\x00]{2,120}?)(?:,|\.|;|$|\s+(?:said|told|says))")
# a sentence opening with an adverbial clause that a name ends ("After meeting X")
_OPENING_CLAUSE = re.compile(
    r"\s*(?:After|Before|Following|During|When|While|As|Since|Upon|On|In|At|Despite|Unlike|"
    r"Like|With|Without|Alongside|Asked|Speaking|Meeting|Addressing)\b[^,\x00]*$"
)
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)")
_PARTICLE_HYPHEN = re.compile(rf"{_PARTICLE}-[{_UPPER}]")
# "She is blunt:", "On the heights themselves, she is blunt:"
_LEAD_PRONOUN = re.compile(r"\s*(?:(He|She|They|It)|[^,\x00]{0,40},\s*([Hh]e|[Ss]he|[Tt]hey))\b")
# a speaker's words announced by their owner: "Oszkar's advice to the envoy is blunt:"
_POSSESSOR_SPEECH = re.compile(
    r"\s*(?P<owner>His|Her|Their|(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}['’]s)"
    r"\s+(?:\w+\s+){0,2}(?:advice|message|answer|reply|verdict|view|response|warning|plea|argument|words|"
    r"point|conclusion|assessment|diagnosis|prescription|request|demand|appeal|instruction)s?\b"
    r"[^:\x00]{0,60}:\s*$"
)
_OPENING_PRONOUN = re.compile(r"\s*(?:[^,]{0,40},\s*)?(He|She|They|It)\b")
_POSSESSIVE_START = re.compile(r"['’]s\b")
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:In|On|At|During|After|Before|Speaking|Asked|Earlier|Later|Meanwhile|"
    r"However|But|And|Separately|Elsewhere|Instead|Still|Yet|Then|Now|Today|Also|"
    r"Addressing|Writing|Responding|Answering|Interviewed|Since|From|For|With|Under|"
    r"Following|Despite|Last|This|Next|When|While|As|Once|Inside|Outside|Back)\b[^,]{0,140},\s*"
    # any participle opening a clause: "Arriving at the Forum building, X told"
    r"|[A-Z][a-z]{2,}ing\s+[a-z][^,]{0,140},\s*)"
)
# a second adverbial, lower case ("Speaking from his office, with a map behind him, Mr Dao")
_NEXT_ADVERBIAL = re.compile(
    r"^(?:(?:in|on|at|during|after|before|with|without|from|under|behind|beside|surrounded|"
    r"flanked|standing|sitting|speaking|holding|wearing)\b[^,]{0,80},\s*)"
)
_FINITE_VERB = re.compile(
    r"\b(?:is|was|were|are|has|had|have|will|would|could|should|can|may|might|did|does|do)\b"
)
# a relative clause, also "that" in an appositive ("X, the regional bloc that has tried …,")
_RELATIVE_PRONOUN = re.compile(r"\b(?:who|which|whose)\b|,\s*(?:the|a|an)\s+[^,]*?\bthat\b")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|where)\b")
_RELATIVE_CLAUSE_ANY = re.compile(r",\s*(?:who|which|whose|where|of\s+which|in\s+which)\b")
_APPOSITIVE_NAME = re.compile(
    rf",\s*((?:{_PARTICLE}[-\s])?{_CAP_TOKEN}(?:\s+(?:{_PARTICLE}[-\s])?{_CAP_TOKEN})+)"
)
_ACCORDING_END = re.compile(r"according\s+to\s+([^,\x00]{1,80}),\s*$", re.I)
_MAIN_VERB_OR_DAY = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|[a-z]{3,}ed\b)"
)
_ACCORDING_START = re.compile(r"\s*According\s+to\s+([^,\x00]{1,80}),")
# "For Nadia Boukhari, a specialist in maritime law, the risk is «real and growing»"
_FOR_NAME_START = re.compile(r"\s*For\s+([A-Z][^,\x00]{1,60}),")
_VERB_WORD = re.compile(rf"\b(?:{_VERB_RE})\b")
# a reporting verb's form used as a noun: "his first remarks", "the comments"
_VERB_AS_NOUN = re.compile(
    rf"\b(?:his|her|their|its|the|a|an|our|my)\s+(?:[\w'’-]+\s+)?(?:{_VERB_RE})\b"
    # … and a passive "when asked about …" that names no new speaker
    r"|\b(?:when|if|once|after|before|as)\s+(?:asked|pressed|questioned)\b"
)
_SUBJECT_OF_POSSESSIVE = {"his": "He", "her": "She", "their": "They"}
_IN_THEIR_VIEW = re.compile(
    rf"\s*(?:In|To|For)\s+(his|her|their|{_CAP_TOKEN}(?:\s+{_CAP_TOKEN})?['’]s)\s+"
    r"(?:view|reading|words|opinion|assessment|mind|account|estimation|judgement|judgment|telling)\b"
)
# a single capitalised word after a preposition of place: "reporters in Mirelle"
_LOCATIVE_WORD = re.compile(
    rf"\b(?:in|from|near|outside|inside)\s+({_CAP_TOKEN})(?![\w'’-]|\s+[{_UPPER}])"
)

# a dateline's place when it is one word: "MIRELLE - ", "MIRELLE, April 3 (NPA) - "
_DATELINE_WORD = re.compile(rf"([{_UPPER}]+)\s*[,(\-–—]")


def _place_words(text: str, para_starts: Sequence[int]) -> set[str]:
    """Single words a text uses as places: after "in", "from", "near" …, or as a
    paragraph's dateline ("MIRELLE - ": Mirelle)."""
    out = {m.group(1).rstrip(".") for m in _LOCATIVE_WORD.finditer(text)}
    for ps in para_starts:
        m = _ENTRY_MARK.match(text, ps)
        place = m and _DATELINE_WORD.match(m.group(0))
        if place:
            out.add(place.group(1).capitalize())
    return out


_SETTLEMENTS = frozenset(
    "town city village port district settlement hamlet suburb neighbourhood neighborhood "
    "country state capital quarter enclave outpost base camp crossing checkpoint".split()
)
_AND_END = re.compile(r"\band\s*$")
_VERB_COMMA_END = re.compile(rf"\b(?:{_VERB_RE})\s*,$")
_COLON_COMMA_END = re.compile(r"[:,]\s*$")
_STOP_END = re.compile(r"[.!?]$")
_CLAUSE_PUNCT_END = re.compile(r"[.!?,;:]$")
_PUNCT_END = re.compile(r"[,.:;—–-]\s*$")
_COMMA_START = re.compile(r"^\s*,")
_COORDINATION = re.compile(r"[\W_]+|\b(?:and|but|then|also|later|however|\w+ly)\b")
_WORD_TOKEN = re.compile(r"[\w’'-]+")
_CLAUSE_THEN_SUBJECT_VERB = re.compile(rf"^[^\x00.!?;]*?,\s*{_SUBJ}\s+(?P<verb>{_VERB_RE})\b")
_CLAUSE_CUT = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s*|\x00[^\w]*?(?:and|but)\s+")
_DOCUMENT = re.compile(
    r"\b(?:cables?|documents?|reports?|memos?|memorandum|letters?|minutes|transcripts?|records?|"
    r"e-?mails?|messages?|notes|papers|files|filings?|recordings?|summar(?:y|ies)|readouts?|"
    r"cop(?:y|ies))\b"
)
_INFINITIVE_VERBS = frozenset(
    "accuse describe call warn denounce condemn dismiss brand demand urge insist promise vow "
    "pledge threaten reject praise welcome criticise criticize blame".split()
)
_SPEAKER_LABEL = re.compile(
    rf"\s*([{_UPPER}][{_UPPER}'’-]{{2,}}(?:\s+[{_UPPER}][{_UPPER}'’-]{{2,}})?)\s*:\s*$"
)
_QUOTE_CHARS = re.compile('[\x00"“”«»„]')
_QUOTED_WHO = rf"\bquoted\s+(him|her|them|{_CAP_TOKEN}(?:\s+{_CAP_TOKEN}){{0,2}})\s+as\s+saying"
_QUOTED_AS_SAYING = re.compile(_QUOTED_WHO + r"\s*[:,]?\s*$")  # "… quoted him as saying: “…”"
_QUOTED_AS_SAYING_THAT = re.compile(_QUOTED_WHO + r"\b")  # "… as saying that it was “…”"
_OBJECT_TO_SUBJECT = {"him": "he", "her": "she", "them": "they"}
_ROLE_OF = re.compile(r"(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\s+of\s+")
_LETTERS = frozenset("letter memo memorandum cable note message email e-mail release".split())
_GROUP_HEADS = frozenset("party movement alliance coalition front bloc militia".split())
_COPULAS = frozenset("was were is are be being been".split())
_PREPOSITION_END = re.compile(r"\b(?:of|for|at|from|with)(?:\s+the)?\s*$")
_WHAT_THEN = re.compile(r"\bwhat\s+(?P<subj>[^;\x00]{1,140}?)[\s,]*$")
# "what he called «…»", "which she described as «…»": the verb's own subject
_WHAT_SUBJECT = re.compile(r"\b(?:what|which)\s+(?P<subj>[^,;\x00]{1,60}?)\s*$")
_WHO_END = re.compile(r",?\s*who\s*(?:\w+\s+)?$")
_AUXILIARY_END = re.compile(r"\s+(?:has|had|have|also|then|later|on\s+\w+day|\w+ly)\s*$")
_PRONOUN_END = re.compile(r"\b(he|she|they|it)\s*$", re.I)
# the subject of an action beat: "he shrugged", "the minister did not hesitate"
_BEAT_SUBJECT = re.compile(
    rf"((?:[Hh]e|[Ss]he)|[Tt]he\s+(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(sorted(_PERSON_ROLE_NOUNS, key=len, reverse=True))}))"
    r"\s+(?:\w+ly\s+)?[a-z]+"
)
_PHRASE_THEN_PRONOUN = re.compile(
    r"(?:(?:In|At|On|During|After|Before|From|With|Without|Through|Via|Later|Earlier)\b"
    r"[^,\x00]{0,100}?|[A-Z][^,\x00]{0,40}?\s(?:later|earlier|afterwards|ago))\s(he|she|they)$"
)
_PARENTHETICAL_PRONOUN = re.compile(r"\w,\s+(he|she|they)$")
_REPORTING_SENTENCE = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<subj>[^\x00.!?;]{{1,120}}?)\s+(?:\w+ly\s+)?(?P<verb>{_VERB_RE})\b"
)


def _clean_subject(subj: str) -> str:
    subj = _LEAD_CONJUNCTION.sub("", subj.strip())
    m = _PARENTHETICAL_PRONOUN.search(subj) or _PHRASE_THEN_PRONOUN.match(subj)
    if m:  # "The agreement last month, he argues, was ...": the speaker is "he"
        return m.group(1)  # also "In a short video statement he said:"
    # drop leading adverbials: "In Moscow, ", "On Monday, ", "Speaking in X, "
    first = True
    while True:
        m = _LEAD_ADVERBIAL.match(subj) or (None if first else _NEXT_ADVERBIAL.match(subj))
        if not m:
            break
        subj, first = subj[m.end() :], False
    return subj


def _valid_subject(subj: str) -> bool:
    s = subj.strip(" ,")
    if not s:
        return False
    if s.lower() in _PRONOUNS:
        return True
    if _BAD_SUBJ_START.match(s):
        return False
    words = s.split()
    if len(words) > 18:
        return False
    first = words[0]
    role_led = first.lower().strip(",") in _PERSON_ROLE_NOUNS | _ORG_NOUNS | _TITLE_WORDS or (
        len(words) >= 2 and words[1].lower().strip(",") in _PERSON_ROLE_NOUNS and len(words) <= 8
    )
    if (
        first[:1].isupper()
        or role_led
        or _PARTICLE_HYPHEN.match(first)
        or first.lower()
        in (
            "the",
            "a",
            "an",
            "its",
            "his",
            "her",
            "their",
            "our",
            "one",
            "two",
            "three",
            "both",
            "several",
            "another",
        )
    ):
        # reject subjects that contain a finite verb (a clause, not a noun phrase)
        if _FINITE_VERB.search(s):
            if not _RELATIVE_PRONOUN.search(s):
                return False
        return True
    return False


class _Extractor:
    def __init__(self, art: _Article):
        self.art = art
        self.text = art.text

    def run(self) -> list[tuple[Span, _Resolution | None, str]]:
        art = self.art
        out: list[tuple[Span, _Resolution | None, str]] = []
        prev_res_by_para: dict[int, _Resolution] = {}
        results: list[tuple[Span, _Resolution | None, str] | None] = []
        spans = art.spans
        for k, sp in enumerate(spans):
            res, kind = self.attribute(sp, k, results, prev_res_by_para)
            if (
                kind == "skip"
                and sp.reopened_next
                and not _is_name_like(self.text[sp.start : sp.end])
            ):
                kind = "direct"  # speaker filled in from the next paragraph below
            results.append((sp, res, kind) if kind != "skip" else None)
            if res is not None and res.entity is not None:
                prev_res_by_para[sp.para] = res
        # an unclosed quote that the next paragraph reopens takes the speaker
        # named in that paragraph (the attribution often comes later)
        for i in range(len(spans) - 1, -1, -1):
            sp = spans[i]
            if not sp.reopened_next or (results[i] is not None and results[i][1] is not None):
                continue
            nxt = next(
                (r for r in results[i + 1 :] if r is not None and r[0].para == sp.para + 1), None
            )
            if nxt is not None and nxt[1] is not None and nxt[1].entity is not None:
                r = nxt[1]
                results[i] = (
                    sp,
                    _Resolution(r.entity, r.mention, r.start, r.end, r.cue, "continuation"),
                    "direct",
                )
        for r in results:
            if r is not None:
                out.append(r)
        return out

    # the pieces of narrative around a span, within its paragraph
    def _right(self, k: int, sp: Span) -> str:
        art = self.art
        pe = art.paras[sp.para][1]
        nxt = (
            art.spans[k + 1].open_pos
            if k + 1 < len(art.spans) and art.spans[k + 1].para == sp.para
            else pe
        )
        start = (sp.close_pos + 1) if sp.close_pos is not None else sp.end
        return art.masked[start:nxt]

    def _left(self, k: int, sp: Span) -> tuple[int, str]:
        art = self.art
        ps = art.paras[sp.para][0]
        if k > 0 and art.spans[k - 1].para == sp.para:
            prev = art.spans[k - 1]
            ps = (prev.close_pos + 1) if prev.close_pos is not None else prev.end
        return ps, art.masked[ps : sp.open_pos]

    def after_attribution(
        self, k: int, sp: Span, keep_unresolved: bool = False
    ) -> _Resolution | None:
        """The reporting clause right after a quote (", she said"), resolved to a speaker.

        With ``keep_unresolved`` a clause whose subject names no one known
        ("a senior official said", a pronoun with no antecedent) is returned
        too, with ``entity`` None: the words are still attributed speech.
        """
        art = self.art
        unresolved: _Resolution | None = None
        right = self._right(k, sp)
        rstart = (sp.close_pos + 1) if sp.close_pos is not None else sp.end
        # the reporting clause must follow at once (", she said"), not a new sentence
        # unless the quote itself ends a sentence and the clause is a bare "X said."
        for rx in (_DASH_NAME, _AFTER_VS, _ACCORDING, _AFTER_SV):
            m = rx.match(right)
            if not m:
                continue
            subj = m.group("subj")
            if rx is _AFTER_SV:
                if not _valid_subject(subj) or len(subj.split()) > 14:
                    continue
                if _SENTENCE_INSIDE.search(subj):
                    continue
            elif rx is _AFTER_VS:
                subj = _RELATIVE_CLAUSE.split(subj)[0]
                app = _APPOSITIVE_NAME.match(right[m.end("subj") :])
                if (
                    app
                    and subj.split()
                    and subj.split()[-1].lower().strip(",") in _PERSON_ROLE_NOUNS
                ):
                    subj = right[m.start("subj") : m.end("subj") + app.end()]
                if not _valid_subject(subj):
                    continue
                if subj.strip().lower() in ("that",) or _BAD_SUBJ_START.match(subj.strip()):
                    continue
            verb = m.groupdict().get("verb") or ("–" if rx is _DASH_NAME else "according to")
            s0 = rstart + m.start("subj")
            res = art.resolve(subj, s0, verb, "after")
            if res is not None and res.entity is not None:
                return res
            if res is not None and unresolved is None and rx is not _ACCORDING:
                unresolved = res
        return unresolved if keep_unresolved else None

    def before_attribution(self, k: int, sp: Span) -> _Resolution | None:
        art = self.art
        ls, _left = self._left(k, sp)
        ss = max(ls, art.sentence_start(sp.open_pos))
        seg = art.masked[ss : sp.open_pos]
        if not seg.strip():
            return None
        # a transcript's speaker label: "MEREL: “Nobody fired at close range.”"
        m_label = _SPEAKER_LABEL.match(seg)
        if m_label:
            ent = art._match_entity(name_tokens(m_label.group(1).title()), ss)
            if ent is not None:
                a = ss + m_label.start(1)
                return _Resolution(
                    ent, self.text[a : ss + m_label.end(1)], a, ss + m_label.end(1), ":", "before"
                )
        m_quoted = _QUOTED_AS_SAYING.search(seg)
        if m_quoted:  # "the agency later quoted him as saying:" is his quote
            who = _OBJECT_TO_SUBJECT.get(m_quoted.group(1), m_quoted.group(1))
            return art.resolve(who, ss + m_quoted.start(1), "quoted as saying", "before")
        m = _BEFORE.search(seg)
        if not m and seg.rstrip().endswith(":"):
            r = art.lead_in_subject(ss, sp.open_pos)
            if r is not None and r.entity is not None:
                return r
        if not m:
            # "According to X, “...”"
            m2 = _ACCORDING_END.search(seg)
            if m2:
                return art.resolve(m2.group(1), ss + m2.start(1), "according to", "before")
            return None
        punct = m.group("punct")
        rest = m.group("rest") or ""
        if punct is None and rest.strip():
            return None
        if punct is None and sp.family and self.text[sp.start : sp.start + 1].islower():
            return None
        # "What I hear most is what Nadja Korvell, a teacher …, told me:" is her quote
        m_what = _WHAT_THEN.search(m.group("subj"))
        if m_what and _valid_subject(m_what.group("subj")):
            return art.resolve(
                m_what.group("subj"),
                ss + m.start("subj") + m_what.start("subj"),
                m.group("verb") + (punct or ""),
                "before",
            )
        subj = _clean_subject(m.group("subj"))
        if not _valid_subject(subj):
            # an opening clause with commas of its own: "Asked by the presenter, Dana
            # Kallweit, whether he would …, Venholdt said:" is Venholdt's
            tail = subj.rsplit(",", 1)[-1].strip()
            if "," not in subj or len(tail.split()) > 4 or not _valid_subject(tail):
                return None
            subj = tail
        s0 = (
            ss
            + m.start("subj")
            + (len(m.group("subj")) - len(m.group("subj").lstrip()))
            + (len(m.group("subj").strip()) - len(subj))
        )
        return art.resolve(subj, s0, m.group("verb") + (punct or ""), "before")

    def is_embedded(self, k: int, sp: Span) -> bool:
        """Whether the span sits inside a sentence of narrative (a fragment)."""
        art = self.art
        ss = art.sentence_start(sp.open_pos)
        ls, _ = self._left(k, sp)
        lead = art.masked[max(ss, ls) : sp.open_pos]
        lead_s = lead.strip()
        if not lead_s:
            return False
        if lead_s.endswith((":", "—")):
            return False
        return not (
            _VERB_COMMA_END.search(lead_s)
            or (lead_s.endswith(",") and k > 0 and art.spans[k - 1].para == sp.para)
        )

    def attribute(
        self,
        sp: Span,
        k: int,
        results: list[tuple[Span, _Resolution | None, str] | None],
        prev_by_para: dict[int, _Resolution],
    ) -> tuple[_Resolution | None, str]:
        art = self.art
        text = self.text
        content = text[sp.start : sp.end]
        embedded = self.is_embedded(k, sp)
        ss = art.sentence_start(sp.open_pos)
        lead = art.masked[ss : sp.open_pos]
        if embedded:
            if _ends_with_naming_cue(lead):
                return None, "skip"
            if _is_name_like(content):
                return None, "skip"
        elif (
            _is_name_like(content)
            and not _COLON_COMMA_END.search(lead)
            and not _STOP_END.search(content)
        ):
            # a title or name standing alone in quote marks
            if not self.after_attribution(k, sp):
                return None, "skip"

        # split quote: the narrative between the previous span and this one
        # is exactly the previous span's reporting clause
        prev = results[-1] if results else None
        if (
            prev is not None
            and prev[0].para == sp.para
            and prev[1] is not None
            and prev[1].method in ("after", "split", "before", "partial")
            and prev[1].entity is not None
        ):
            between = art.masked[(prev[0].close_pos or prev[0].end) + 1 : sp.open_pos]
            pres = prev[1]
            if (
                pres.method in ("after", "split")
                and pres.start is not None
                and (prev[0].close_pos or 0) < pres.start < sp.open_pos
            ):
                tail = (
                    between[between.find(text[pres.start : pres.end]) + (pres.end - pres.start) :]
                    if text[pres.start : pres.end] in between
                    else between
                )
                if pres.cue and pres.cue in tail:
                    tail = tail[tail.find(pres.cue) + len(pres.cue) :]
                elif pres.cue and pres.method == "split":
                    tail = _VERB_WORD.sub("", tail, count=1)
                own = self.after_attribution(k, sp)
                tail = _VERB_AS_NOUN.sub(" ", tail)  # "…, his first remarks since …"
                if own is None and not _VERB_WORD.search(tail) and len(tail) < 160:
                    kind = (
                        "partial"
                        if embedded
                        and not _PUNCT_END.search(between.strip() + " ")
                        and not between.rstrip().endswith((",", ".", ":"))
                        else "direct"
                    )
                    return _Resolution(
                        pres.entity, pres.mention, None, None, pres.cue, "split"
                    ), kind

        res = (
            self.after_attribution(k, sp)
            if not embedded or self._after_allows_embedded(k, sp)
            else None
        )
        if res is not None:
            return res, ("partial" if embedded else "direct")
        if not embedded:
            res = self.before_attribution(k, sp)
            if res is not None:
                return res, "direct"
        else:
            res = self.partial_attribution(k, sp, results)
            if res is None:
                return None, "skip"
            return res, "partial"

        # colon lead-in at the end of the previous paragraph, or continuation
        para_start = art.paras[sp.para][0]
        if sp.open_pos == para_start and sp.para > 0:
            prev_para = art.paras[sp.para - 1]
            ptxt = art.masked[prev_para[0] : prev_para[1]]
            if ptxt.rstrip().endswith(":"):
                ps = art.sentence_start(prev_para[1] - 1)
                seg = art.masked[ps : prev_para[1]]
                m = _BEFORE.search(seg)
                if m:
                    subj = _clean_subject(m.group("subj"))
                    if _valid_subject(subj):
                        r = art.resolve(
                            subj,
                            ps + m.start("subj") + len(m.group("subj").rstrip()) - len(subj),
                            m.group("verb") + ":",
                            "colon-lead-in",
                        )
                        if r is not None and r.entity is not None:
                            return r, "direct"
                # a lead-in without a reporting verb ("X went further in a speech:")
                r = art.lead_in_subject(ps, prev_para[1])
                if r is not None:
                    return r, "direct"
            last = prev_by_para.get(sp.para - 1)
            if last is not None:
                if k > 0 and art.spans[k - 1].para == sp.para - 1:
                    return _Resolution(
                        last.entity, last.mention, None, None, last.cue, "continuation"
                    ), "direct"
            # a paragraph that is only a quote after a paragraph about a speaker
            r = self.paragraph_speaker(sp.para - 1, before=prev_para[1])
            if r is None and art.paras[sp.para][1] - (sp.close_pos or sp.end) <= 1:
                # … with no reporting verb: "Back home, Suarta walked to the jetty."
                last = art.sentence_start(prev_para[1] - 1)
                subj = [
                    m
                    for m in art.mentions_between(last, prev_para[1])
                    if m.subject and m.entity.kind == "person"
                ]
                if subj:
                    mn = subj[0]
                    r = _Resolution(mn.entity, text[mn.start : mn.end], mn.start, mn.end, None, "")
            if r is not None:
                return _Resolution(
                    r.entity, r.mention, r.start, r.end, r.cue, "continuation"
                ), "direct"
        # a reporting sentence elsewhere in the same paragraph
        r = self.paragraph_speaker(sp.para, exclude=sp)
        if r is not None:
            return r, "direct"
        # an action beat: the sentence before the quote, in its paragraph, is about a
        # person ("Mrs Marchukova waves a hand. ‘Let them sign …’")
        ss = art.sentence_start(sp.open_pos)
        if not embedded and not art.masked[ss : sp.open_pos].strip() and ss > art.paras[sp.para][0]:
            prev_ss = art.sentence_start(ss - 1)
            subj = [
                m
                for m in art.mentions_between(prev_ss, ss)
                if m.subject and m.entity.kind == "person"
            ]
            if subj:
                mn = subj[0]
                return _Resolution(
                    mn.entity, text[mn.start : mn.end], mn.start, mn.end, None, "beat"
                ), "direct"
            # … or a pronoun or a role after an opening clause ("Asked whether the
            # crossing could reopen, he shrugged. “…”")
            sentence = art.masked[prev_ss:ss]
            head = _clean_subject(sentence)
            off = prev_ss + len(sentence) - len(sentence.lstrip()) + sentence.strip().find(head)
            named = [m for m in art.mentions_between(off, off + 1) if m.entity.kind == "person"]
            if named:  # "Asked whether …, Varkaro paused. “…”"
                mn = named[0]
                return _Resolution(
                    mn.entity, text[mn.start : mn.end], mn.start, mn.end, None, "beat"
                ), "direct"
            m_beat = _BEAT_SUBJECT.match(head)
            if m_beat:
                r = art.resolve(m_beat.group(1), off, None, "beat")
                if r is not None and r.entity is not None and r.entity.kind == "person":
                    return r, "direct"
        # speech attributed to someone the article does not name ("a senior official
        # said"): a quote all the same, with no speaker
        if not embedded and not _is_name_like(content):
            r = self.after_attribution(k, sp, keep_unresolved=True)
            if r is not None:
                return r, "direct"
        return None, "skip"

    def _after_allows_embedded(self, k: int, sp: Span) -> bool:
        # "called the move “reckless”, the minister said" style is rare; allow the
        # reporting clause when the fragment ends the sentence's first clause
        right = self._right(k, sp)
        return bool(_COMMA_START.match(right)) and self.text[sp.start : sp.start + 1].isupper()

    def partial_attribution(
        self, k: int, sp: Span, results: list[tuple[Span, _Resolution | None, str] | None]
    ) -> _Resolution | None:
        art = self.art
        ss = art.sentence_start(sp.open_pos)
        seg = art.masked[ss : sp.open_pos]
        # a partial quote inherits the previous quote's speaker when it sits in
        # that quote's reporting clause ("…,” he added, saying he was “not afraid”)
        if k > 0:
            prev = art.spans[k - 1]
            between = art.masked[(prev.close_pos or prev.end) + 1 : sp.open_pos]
            new_verb = _VERB_WORD.search(between)
            if new_verb is not None:
                # a coordinated verb ("…”, but warned that …") keeps the subject
                lead = _COORDINATION.sub("", between[: new_verb.start()])
                if not lead:
                    new_verb = None
            if prev.para == sp.para and (prev.close_pos or prev.end) >= ss and not new_verb:
                last = next((r for r in reversed(results) if r is not None and r[0] is prev), None)
                if last is not None and last[1] is not None and last[1].entity is not None:
                    r = last[1]
                    return _Resolution(r.entity, r.mention, r.start, r.end, r.cue, "partial")
                if last is not None:
                    return None
                # the span before was no quote (a name: its so-called “Supreme Council”)
        # "According to the ministry, the ship ignored “repeated warnings”"
        m_acc = _ACCORDING_START.match(seg)
        if m_acc:
            return art.resolve(m_acc.group(1), ss + m_acc.start(1), "according to", "partial")
        m_for = _FOR_NAME_START.match(seg)
        if m_for and not _VERB_WORD.search(seg):
            r = art.resolve(m_for.group(1), ss + m_for.start(1), "for", "partial")
            if r is not None and r.entity is not None and r.entity.kind == "person":
                return r
        # "In her reading, the deal was “…”": the owner of the view
        m_view = _IN_THEIR_VIEW.match(seg)
        if m_view:
            owner = m_view.group(1)  # "In her view", "In Vadrin's view"
            pron = _SUBJECT_OF_POSSESSIVE.get(owner.lower()) or _POSSESSIVE_END.sub("", owner)
            r = art.resolve(pron, ss + m_view.start(1), "in " + owner, "partial")
            if r is not None and r.entity is not None:
                return r
        # "The broadcaster later quoted him as saying that his country “…”": his words
        m_quoted = _QUOTED_AS_SAYING_THAT.search(seg)
        if m_quoted:
            who = _OBJECT_TO_SUBJECT.get(m_quoted.group(1), m_quoted.group(1))
            return art.resolve(who, ss + m_quoted.start(1), "quoted as saying", "partial")
        # "X's position is that the island “…”, according to Minister Y"
        m_acc = _ACCORDING.match(self._right(k, sp))
        if m_acc:
            rstart = (sp.close_pos + 1) if sp.close_pos is not None else sp.end
            r = art.resolve(
                m_acc.group("subj"), rstart + m_acc.start("subj"), "according to", "partial"
            )
            # "… were “…”, according to diplomatic cables": a document only carries the
            # words of the sentence's subject
            if (r is not None and r.entity is not None) or not _DOCUMENT.search(
                m_acc.group("subj")
            ):
                return r
        words = list(_WORD_TOKEN.finditer(seg))
        verb_m = None
        for i, w in reversed(list(enumerate(words))):
            lw = w.group(0).lower()
            if lw in _PARTIAL_VERBS or (
                lw in _INFINITIVE_VERBS and i > 0 and words[i - 1].group(0).lower() == "to"
            ):  # "used a televised address to accuse the opposition of «…»"
                verb_m = w
                break
        if verb_m is None:
            # "the strike was “disproportionate”, the ministry said"
            right = self._right(k, sp)
            m = _CLAUSE_THEN_SUBJECT_VERB.match(right)
            if m and _valid_subject(m.group("subj")):
                rstart = (sp.close_pos + 1) if sp.close_pos is not None else sp.end
                return art.resolve(
                    m.group("subj"), rstart + m.start("subj"), m.group("verb"), "partial"
                )
            return None
        verb = verb_m.group(0).lower()
        prefix = seg[: verb_m.start()]
        # "…, a gesture Pelisar called “…”": a name right before the verb is its subject
        right_before = [
            x
            for x in art.mentions_between(ss, ss + verb_m.start())
            if not art.masked[x.end : ss + verb_m.start()].strip()
            and not _possessive_at(art.text, x.end)
            # not the organisation of "Salma Tazi of the Institute called"
            and not _PREPOSITION_END.search(art.masked[ss : x.start])
        ]
        if right_before and verb not in _COPULAS:
            mn = right_before[-1]
            return _Resolution(
                mn.entity, self.text[mn.start : mn.end], mn.start, mn.end, verb, "partial"
            )
        # "… for evidence of what he called “planned espionage”": the verb's own subject
        m_what = _WHAT_SUBJECT.search(prefix)
        if m_what and _valid_subject(m_what.group("subj")):
            return art.resolve(m_what.group("subj"), ss + m_what.start("subj"), verb, "partial")
        if verb not in _PARTICIPLES:
            # the clause the verb heads: "X called it “…”, and his spokesman, Y, said"
            cuts = list(_CLAUSE_CUT.finditer(prefix))
            if cuts:
                tail = prefix[cuts[-1].end() :]
                if tail.strip() and _valid_subject(_clean_subject(tail).strip(" ,")):
                    prefix = tail
            # a verb coordinated with the clause's first one keeps its subject: "The
            # ministry accused Quellmar of shelling villages and warned that …"
            first = _VERB_WORD.search(prefix)
            if first is not None and first.start() > 0 and _AND_END.search(prefix):
                prefix = prefix[: first.start()]
        if verb in _PARTICIPLES or verb in _COPULAS:
            # subject of the main clause: the first reporting verb's subject
            first = _VERB_WORD.search(prefix)
            if first is not None:
                prefix = prefix[: first.start()]
                # "…, and its chief negotiator, X, said the two could be “…”"
                cuts = list(_CLAUSE_CUT.finditer(prefix))
                tail = prefix[cuts[-1].end() :] if cuts else ""
                if tail.strip() and _valid_subject(_clean_subject(tail).strip(" ,")):
                    prefix = tail
            elif verb in _COPULAS:
                # "… defended it, telling reporters the escorts were “…”": the subject
                # of the clause the participle hangs from
                part = next(
                    (w for w in _WORD_TOKEN.finditer(prefix) if w.group(0).lower() in _PARTICIPLES),
                    None,
                )
                if part is None:
                    return None  # "… said it was “…”": the verb before 'was'
                prefix = prefix[: part.start()]
                # the subject ends where its verb or a day begins ("X's foreign minister
                # on Tuesday defended the decision to …,")
                cut = _MAIN_VERB_OR_DAY.search(prefix)
                if cut is not None and cut.start() > 0:
                    prefix = prefix[: cut.start()]
        if _WHO_END.search(prefix):
            before_who = [
                m for m in art.mentions_between(ss, ss + len(prefix)) if m.entity.kind == "person"
            ]
            if before_who:
                mn = before_who[-1]
                return _Resolution(
                    mn.entity, self.text[mn.start : mn.end], mn.start, mn.end, verb, "partial"
                )
        subj = _clean_subject(prefix)
        # the subject is the first noun phrase: cut at a relative clause or comma + lower word
        subj_c = _RELATIVE_CLAUSE_ANY.split(subj)[0]
        subj_c = _AUXILIARY_END.sub("", subj_c.strip())
        # a pronoun subject inside "… said it was"
        if not subj_c.strip():
            return None
        if not _valid_subject(subj_c) and subj_c.strip().lower().split()[0] not in _PRONOUNS:
            m = _PRONOUN_END.search(subj_c.strip())
            if not m:
                # the sentence's subject: a name or pronoun opening the sentence
                subj_mentions = [  # not an owner: "The CSF's envoy, X, ... urged"
                    x
                    for x in art.mentions_between(ss, ss + verb_m.start())
                    if x.subject
                    and not _possessive_at(art.text, x.end)
                    and not _POSSESSIVE_END.search(art.text[x.start : x.end])
                ]
                if subj_mentions:
                    mn = subj_mentions[0]
                    return _Resolution(
                        mn.entity, self.text[mn.start : mn.end], mn.start, mn.end, verb, "partial"
                    )
                m0 = _OPENING_PRONOUN.match(seg)
                if m0:
                    return art.resolve(m0.group(1), ss + m0.start(1), verb, "partial")
                return None
            subj_c = m.group(1)
        offs = ss + seg.find(subj_c.strip()) if subj_c.strip() in seg else ss
        return art.resolve(subj_c, offs, verb, "partial")

    def paragraph_speaker(
        self, para: int, before: int | None = None, exclude: Span | None = None
    ) -> _Resolution | None:
        """A reporting sentence in the paragraph ("Zavarzin said Drovsk …")."""
        art = self.art
        ps, pe = art.paras[para]
        if before is not None:
            pe = min(pe, before)
        seg = art.masked[ps:pe]
        for m in _REPORTING_SENTENCE.finditer(seg):
            subj = _clean_subject(m.group("subj"))
            if not _valid_subject(subj):
                continue
            off = (
                ps + m.start("subj") + m.group("subj").rfind(subj)
                if subj in m.group("subj")
                else ps + m.start("subj")
            )
            r = art.resolve(subj, off, m.group("verb"), "paragraph")
            if r is not None and r.entity is not None:
                return r
        return None


def _is_name_like(content: str) -> bool:
    """Title Case words without sentence punctuation: a name or a title."""
    c = content.strip()
    if not c or _CLAUSE_PUNCT_END.search(c):
        return False
    words = _WORD_TOKEN.findall(c)
    if not words or len(words) > 10:
        return False
    small = {
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "a",
        "an",
        "de",
        "la",
        "del",
        "with",
        "by",
        "or",
    }
    caps = [w for w in words if w.lower() not in small]
    if not caps:
        return False
    if all(w[:1].isupper() or w[:1].isdigit() for w in caps):
        return not (len(words) == 1 and words[0].lower() in {"i", "no", "yes"})
    return False


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name -> ``"f"`` / ``"m"`` from ``data/given_names.tsv`` (names of one usual
    gender only; accents kept and stripped)."""
    path = Path(__file__).parent / "data" / "given_names.tsv"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, g = line.partition("\t")
        if g in ("f", "m"):
            out.setdefault(name, g)
            out.setdefault(strip_accents(name), g)
    return out


def given_name_gender(name: str) -> str | None:
    """The usual gender of a person's given name, when the name has a surname too.

    Example:
        >>> given_name_gender("Astrid Hovland-Berg"), given_name_gender("Eirik Solvang")
        ('f', 'm')
        >>> given_name_gender("Solvang") is None
        True
    """
    words = name.split()
    if len(words) < 2:
        return None
    return _given_names().get(words[0].lower().strip(".,"))


# ---------------------------------------------------------------------------
# public API


def _quotes_of_article(text: str, article_id: str, gaz: _Gazetteer | None) -> list[Quote]:
    art = _Article(text, article_id, gaz)
    found = _Extractor(art).run()
    quotes: list[Quote] = []
    for sp, res, kind in found:
        q = Quote(
            article_id=article_id,
            start=sp.start,
            end=sp.end,
            quote=text[sp.start : sp.end],
            kind=kind,
        )
        if res is not None and res.entity is not None:
            ent = res.entity
            if ent.kind == "person" and len(ent.tokens) == 1:
                ent = art._match_entity(ent.tokens) or ent
            q.speaker = ent.name
            q.speaker_kind = ent.kind
            q.affiliation, q.affiliation_source = art.affiliation_with_source(ent)
            if gaz is not None:
                q.affiliation = gaz.with_acronym(q.affiliation)
        if res is not None:
            mention, end = res.mention, res.end
            if mention and _SENTENCE_FULL_STOP.search(mention):  # "said Petra Danilenko."
                mention = mention[:-1]
                end = end - 1 if end is not None else None
            q.mention, q.mention_start, q.mention_end = mention, res.start, end
            q.cue, q.method = res.cue, res.method
        quotes.append(q)
    return quotes


# a full stop ending a sentence, not an abbreviation ("U.S.", "J.", "Jr.", "St.")
_SENTENCE_FULL_STOP = re.compile(r"(?<![A-Z])(?<!\.[A-Za-z])(?<!\b(?:Jr|Sr|St|Dr|Mr|Ms))\.$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr|St|Dr|Mr|Ms|Mrs)\.$")


def _clean_place(name: str) -> str:
    """A place named after "of": without the sentence's full stop (Lorvania. -> Lorvania)."""
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        return name[:-1]
    return name


def extract_quotes(
    text: str, article_id: str = "", *, aliases: AliasTable | None = None
) -> list[Quote]:
    """Find the quotes of one text and attribute each to its speaker.

    Names are resolved within the text; use :func:`extract_corpus` to get
    one canonical actor across many articles.

    Args:
        text: Article body, paragraphs separated by blank lines.
        article_id: Id copied into each quote.
        aliases: Optional alias table that overrides names and affiliations.

    Returns:
        The quotes in text order.

    Example:
        >>> text = ('Foreign Minister Ana Ruiz of Norland spoke on Monday. '
        ...         '“We are ready to talk,” she said, “but not under threat.”')
        >>> for q in extract_quotes(text, "n1"):
        ...     print(q.quote, "|", q.speaker, "|", q.affiliation, "|", q.method)
        We are ready to talk, | Ana Ruiz | Norland | after
        but not under threat. | Ana Ruiz | Norland | split
    """
    quotes = _quotes_of_article(text, article_id, None)
    if aliases is not None and len(aliases):
        canonicalize(quotes, aliases)
    return quotes


def extract_corpus(
    articles: Iterable[Any],
    *,
    aliases: AliasTable | None = None,
    progress: bool = False,
) -> list[Quote]:
    """Extract the quotes of a corpus with one canonical actor per speaker.

    Args:
        articles: :class:`stancelab.corpus.Article` objects, or dicts with
            ``id`` and ``text``.
        aliases: Optional alias table (canonical name, aliases, affiliation).
        progress: Show a progress bar.

    Returns:
        Every quote of every article, articles in input order.

    Example:
        >>> arts = [{"id": "a", "text": 'President Arkadiy Morozov of Estravia said: “We will not yield.”'},
        ...         {"id": "b", "text": '“Talks are possible,” said Arkady Morozov.'}]
        >>> [(q.article_id, q.speaker) for q in extract_corpus(arts)]
        [('a', 'Arkadiy Morozov'), ('b', 'Arkadiy Morozov')]
    """
    arts = [(a["id"], a["text"]) if isinstance(a, dict) else (a.id, a.text) for a in articles]
    gaz = _Gazetteer.from_texts(t for _, t in arts)
    it: Iterable[tuple[str, str]] = arts
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(arts, desc="extracting", unit="article")
    quotes: list[Quote] = []
    for aid, text in it:
        quotes.extend(_quotes_of_article(text, aid, gaz))
    canonicalize(quotes, aliases)
    return quotes


def actors_of(quotes: Sequence[Quote]) -> list[Actor]:
    """Summarise quotes per speaker (name, affiliation, count), most quoted first."""
    counts: Counter = Counter()
    aff: dict[str, Counter] = {}
    arts: dict[str, set] = {}
    kinds: dict[str, str] = {}
    for q in quotes:
        if not q.speaker:
            continue
        counts[q.speaker] += 1
        aff.setdefault(q.speaker, Counter())[q.affiliation] += 1 if q.affiliation else 0
        arts.setdefault(q.speaker, set()).add(q.article_id)
        kinds[q.speaker] = q.speaker_kind or "person"
    out = []
    for name, n in counts.most_common():
        a = aff[name].most_common(1)
        out.append(
            Actor(
                name=name,
                affiliation=a[0][0] if a and a[0][1] else None,
                kind=kinds[name],
                n_quotes=n,
                articles=sorted(arts[name]),
            )
        )
    return out


_ = fold_token  # re-exported helper used by docs


# ---------------------------------------------------------------------------
# corpus context in parts (the Ray engine learns it block by block)


def corpus_stats(texts: Iterable[str]) -> dict[str, Any]:
    """Mergeable counts of a block of articles, from which the corpus context is learned.

    :func:`context_from_stats` over the stats of every block gives the same
    context as :func:`extract_corpus` learns from the whole corpus at once
    (counts are sums, sets are unions), so a corpus can be processed in
    parallel blocks with the same result.

    Example:
        >>> s = corpus_stats(["Estravia's army said so.", "The Estravian envoy left."])
        >>> s["words"]["Estravian"], s["states"]
        (1, ['Estravia'])
    """
    words: Counter = Counter()
    states: set[str] = set()
    adjectival: set[str] = set()
    orgs: Counter = Counter()
    for t in texts:
        words.update(set(_CAP_TOKEN_RE.findall(t)))
        states.update(_possessive_states(t))
        for m in _CAP_THEN_WORD.finditer(t):
            if m.group(2) not in _NON_NOUN_FOLLOWERS:
                adjectival.add(m.group(1))
        orgs.update(_org_counts(t))
    return {
        "words": dict(words),
        "states": sorted(states),
        "adjectival": sorted(adjectival),
        "orgs": dict(orgs),
    }


def context_from_stats(parts: Iterable[dict[str, Any]]) -> _Gazetteer:
    """The corpus context from the :func:`corpus_stats` of all its blocks."""
    words: Counter = Counter()
    states: set[str] = set()
    adjectival: set[str] = set()
    orgs: Counter = Counter()
    for p in parts:
        words.update(p["words"])
        states.update(p["states"])
        adjectival.update(p["adjectival"])
        orgs.update(p["orgs"])
    g = _Gazetteer(_fold_possessives(words))
    g.states = states
    g.adjectival = adjectival
    g._orgs = orgs
    return g


def extract_articles(articles: Iterable[tuple[str, str]], context: _Gazetteer) -> list[Quote]:
    """Quotes of ``(article_id, text)`` pairs with a given corpus context, before canonical actors.

    :func:`extract_corpus` is this over the whole corpus followed by
    :func:`stancelab.actors.canonicalize`.
    """
    return [q for aid, text in articles for q in _quotes_of_article(text, aid, context)]
