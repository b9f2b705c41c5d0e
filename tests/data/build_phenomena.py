#!/usr/bin/env python3
"""Build and validate the stancelab *phenomena* gold corpus.

A constructed test corpus of 30 short news articles, each concentrating on a
few quote-attribution phenomena, with gold annotations in the format of
../../../shared/annotation-guidelines.md (see also the "Annotation decisions"
of the dev corpus README, which this corpus follows).  Everything is fiction:
the states (Sorvland, Velichia, Ishima, Meirong, Nuriya, Tazrit, Estrelada,
Ndamba, Sakwera), the organisations (Boreal Defence Pact, League of Sovereign
Nations, Global Trade Tribunal, Sesenga Liberation Front, ...), the people
and the news outlets.

The articles and annotations are held below as Python data.  Offsets are
never typed: each gold quote is located with str.find (searching from the end
of the previous gold quote, or from an explicit `anchor` string) and must sit
between a matching pair of quote marks.  A scanner finds every quoted span in
every article; each top-level span must be either a gold quote or a declared
distractor, and each span nested inside another quote must be declared as
nested.  `nonstandard-marks` and `multi-sentence` are computed here, as is
`alias` for quotes of a person whose canonical name does not occur in the
article (spelling variant).

Usage (stdlib only):
    python3 build_phenomena.py           # validate, write phenomena/*.jsonl, print counts
    python3 build_phenomena.py --check   # validate and print counts, write nothing
    python3 build_phenomena.py --review  # also print every quote in its paragraph
    python3 build_phenomena.py --table   # print the coverage table below from the data

Phenomena (numbers used in the table):
     1 speaker after the quote            8 continuation / multi-paragraph quote
     2 speaker before (colon, according)  9 partial quote in reported speech
     3 split quote (mid / sentence break) 10 distractors: names, titles, nested quotes
     4 pronoun (he/she/it/they)           11 mark styles and apostrophes
     5 alias (surname, title, acronym)    12 spelling variants / shared surnames
     6 role descriptor                    13 affiliation stated in the article
     7 organisation as speaker            14 unattributed quoted text (banners, signs)

Coverage table (checked against the `covers` of each article; "x" = covered):

    article  1  2  3  4  5  6  7  8  9 10 11 12 13 14  marks
    -------  -- -- -- -- -- -- -- -- -- -- -- -- -- --  -----
    p001     x  .  .  x  x  .  .  .  x  x  .  .  .  .  “…”
    p002     .  x  .  .  .  x  .  .  .  x  x  x  x  .  «…» „…“
    p003     .  .  x  .  .  .  .  x  x  .  x  x  x  .  ‘…’
    p004     .  .  x  x  x  .  x  .  x  .  .  .  x  .  "…"
    p005     .  .  .  x  .  x  .  x  .  .  x  x  .  .  '…'
    p006     .  x  x  .  x  .  .  x  x  x  .  .  x  .  “…”
    p007     .  .  x  .  .  .  .  .  x  .  x  x  .  x  „…“ ‚…‘
    p008     .  .  .  .  .  .  x  .  x  .  .  x  x  .  “…”
    p009     x  .  x  x  x  x  .  .  .  .  .  .  .  .  “…”
    p010     .  .  .  x  .  .  x  .  x  x  .  .  x  .  "…"
    p011     .  .  x  .  x  .  .  x  .  x  x  .  .  .  “…” ‘…’
    p012     .  x  .  x  .  x  .  .  .  .  .  x  x  .  "…"
    p013     .  .  .  x  x  .  x  .  .  x  x  .  x  .  “…” «…»
    p014     x  .  .  .  x  .  x  .  x  .  .  x  x  .  "…"
    p015     .  .  .  x  .  .  .  x  .  x  x  x  .  .  «…»
    p016     x  x  .  x  .  .  x  .  .  .  .  x  x  .  “…”
    p017     .  .  .  x  .  .  .  .  x  x  x  x  x  .  „…“ ‚…‘
    p018     .  x  x  .  x  .  .  x  .  .  .  x  .  .  "…"
    p019     x  .  .  .  x  .  x  .  x  .  .  x  x  .  “…”
    p020     .  x  .  x  .  .  x  .  .  x  x  x  .  .  '…'
    p021     .  .  x  .  x  x  .  .  x  x  .  .  .  .  “…”
    p022     .  x  .  x  .  .  x  .  .  .  .  x  x  x  “…”
    p023     .  x  x  .  x  .  x  x  .  .  .  .  .  .  "…"
    p024     .  x  .  x  x  .  x  .  x  .  .  .  x  .  “…”
    p025     .  x  .  .  x  .  .  x  .  .  x  x  .  .  ‘…’
    p026     .  .  x  x  x  .  .  .  x  x  .  .  .  .  "…"
    p027     .  x  .  x  .  .  .  x  .  .  .  x  x  x  “…”
    p028     .  x  .  x  x  .  x  .  x  .  .  .  x  .  “…”
    p029     .  .  .  .  x  .  x  x  .  x  x  x  .  .  "…" '…'
    p030     .  x  x  .  .  x  .  x  x  .  .  x  .  .  “…”
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "phenomena"

# ---------------------------------------------------------------------------
# Label sets
# ---------------------------------------------------------------------------

STANCES = ("escalation", "de-escalation", "neutral")
KINDS = ("direct", "partial")
TAG_ORDER = (
    "split",
    "continuation",
    "pronoun",
    "alias",
    "descriptor",
    "speaker-before",
    "nonstandard-marks",
    "multi-sentence",
    "rejects-talks",
    "conditional-threat",
    "reassurance",
    "mixed",
)
DERIVED_TAGS = {"nonstandard-marks", "multi-sentence"}
MANUAL_TAGS = set(TAG_ORDER) - DERIVED_TAGS
TAG_STANCE = {
    "rejects-talks": "escalation",
    "conditional-threat": "escalation",
    "reassurance": "de-escalation",
}

PHENOMENA = {
    1: "speaker after",
    2: "speaker before",
    3: "split",
    4: "pronoun",
    5: "alias",
    6: "descriptor",
    7: "organisation",
    8: "continuation",
    9: "partial",
    10: "distractor",
    11: "marks",
    12: "variants/surnames",
    13: "affiliation",
    14: "unattributed",
}

# Opening mark -> closing mark.  Low-high marks close with the high mark.
MARK_PAIRS = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'", "„": "“", "‚": "‘"}
MARK_STYLE = {
    '"': 'straight double "…"',
    "“": "curly double “…”",
    "'": "straight single '…'",
    "‘": "curly single ‘…’",
    "«": "guillemets «…»",
    "„": "low-high „…“",
    "‚": "low-high single ‚…‘",
}
APOSTROPHES = "'’"

# ---------------------------------------------------------------------------
# Speakers: canonical name -> affiliation
# ---------------------------------------------------------------------------

PERSON, ORG = "person", "organisation"
SPEAKERS: dict[str, dict] = {}

STATES = {
    "Sorvland",
    "Velichia",
    "Ishima",
    "Meirong",
    "Nuriya",
    "Tazrit",
    "Estrelada",
    "Ndamba",
    "Sakwera",
}


def speaker(name, affiliation, role, kind=PERSON, variants=()):
    assert name not in SPEAKERS, name
    SPEAKERS[name] = dict(affiliation=affiliation, role=role, type=kind, variants=list(variants))


# --- Kingdom of Sorvland (capital Lindvik) ---------------------------------
speaker("Astrid Hovland-Berg", "Sorvland", "Foreign Minister")
speaker("Eirik Solvang", "Sorvland", "Defence Minister")
speaker("Ragnhild Aasen", "Sorvland", "Prime Minister")
speaker("Tor Vennesland", "Sorvland", "Rear Admiral, commander of the navy")
speaker("Liv Tangen-Okafor", "Sorvland", "Foreign Ministry spokeswoman")
speaker("Halvard Strøm", "Sorvland", "Energy Minister")
speaker("Sorvish Coast Guard", "Sorvland", "coast guard", ORG)
speaker("Kristin Aalberg", "Lindvik Institute for Security Studies", "analyst")
speaker("Sunniva Lie", "Storholm Students’ Union", "student leader")
speaker("Marit Solvang", "Sorvish Fishermen’s Association", "fishermen's leader (not the minister)")
speaker("Henrik Brattli", "Centre Party", "opposition leader")
speaker("Marte Haugland", "Northlight Aid", "charity director")
speaker("Jonas Eide", "Northlight Aid", "nurse, freed hostage")
# --- Republic of Velichia (capital Zarobrod) --------------------------------
speaker("Aleksandr Kovrigin", "Velichia", "President", variants=["Alexander Kovrigin"])
speaker("Yelena Dobrovskaya", "Velichia", "Foreign Minister")
speaker(
    "Bohdan Verbytskyy",
    "Velichia",
    "Defence Minister",
    variants=["Bohdan Verbytskiy", "Bohdan Verbytsky"],
)
speaker(
    "Dmitriy Zhuravkin",
    "Velichia",
    "presidential spokesman",
    variants=["Dmitry Zhuravkin", "Dmitri Zhuravkin"],
)
speaker("Velichian Defence Ministry", "Velichia", "ministry", ORG)
speaker("Velichian Border Service", "Velichia", "border guard", ORG)
speaker("Velichian Democratic Union", "Velichian Democratic Union", "opposition party", ORG)
speaker("Pavel Dobrovsky", "Zarobrod Centre for Strategic Research", "analyst (not the minister)")
# --- Boreal Defence Pact ----------------------------------------------------
speaker("Boreal Defence Pact", "Boreal Defence Pact", "alliance", ORG)
speaker("Joost van der Meulen", "Boreal Defence Pact", "Secretary General")
# --- Ishima (capital Takahara) ------------------------------------------------
speaker("Kenta Arakawa", "Ishima", "Defence Minister")
speaker("Mariko Sonoda", "Ishima", "Chief Cabinet Secretary")
speaker("Yoko Arakawa", "Ishima Progressive Party", "opposition lawmaker (not the minister)")
speaker("Ishiman Foreign Ministry", "Ishima", "ministry", ORG)
speaker("Sorami Security Caucus", "Sorami Security Caucus", "group of lawmakers", ORG)
speaker("Ishima Air", "Ishima Air", "airline", ORG)
speaker("Ishiman Airline Pilots’ Association", "Ishiman Airline Pilots’ Association", "union", ORG)
speaker("Ayaka Tsuruta", "Takahara University", "aviation safety expert")
speaker("Kwon Ha-eun", "Centre for Airspace Studies", "analyst")
# --- Meirong (capital Jinhai) -------------------------------------------------
speaker("Zhao Lanying", "Meirong", "Foreign Ministry spokeswoman")
speaker("Han Weidong", "Meirong", "General, air force commander")
speaker("Qiao Mingyu", "Meirong", "Commerce Minister")
speaker("Wen Zhaolin", "Meirong", "special trade envoy")
speaker("Meirongese Foreign Ministry", "Meirong", "ministry", ORG)
speaker("Meirongese Defence Ministry", "Meirong", "ministry", ORG)
speaker("Meirongese Air Force", "Meirong", "air force", ORG)
speaker("Meirongese Commerce Ministry", "Meirong", "ministry", ORG)
# --- Nuriya (capital Bayt Nura) -----------------------------------------------
speaker(
    "Mohammed al-Nahrawi",
    "Nuriya",
    "Energy Minister",
    variants=["Mohamed al-Nahrawi", "Muhammad al-Nahrawi"],
)
speaker("Samir al-Tahan", "Nuriya", "Foreign Minister")
speaker("Yusuf Hadj-Amar", "Nuriya", "special envoy, mediator", variants=["Youssef Hadj-Amar"])
speaker("Rania al-Tahan", "Warm Homes Nuriya", "campaigner (not the minister)")
# --- Tazrit (capital Amzaourou) -------------------------------------------------
speaker("Amina Oubella", "Tazrit", "Prime Minister")
speaker("Karim Ait-Lhaj", "Tazrit", "Energy Minister")
speaker("Tazriti Energy Ministry", "Tazrit", "ministry", ORG)
# --- Pipeline operator and energy analysts ---------------------------------------
speaker("Transarid Pipeline Company", "Transarid Pipeline Company", "pipeline operator", ORG)
speaker(
    "Katrin Müller-Osterwald",
    "Transarid Pipeline Company",
    "chief executive",
    variants=["Katrin Mueller-Osterwald"],
)
speaker("Farouk Idrissi-Lund", "Cobalt Ridge Analytics", "analyst")
speaker("Nadia Kerrouche-Vidal", "Amzaourou University", "economist")
# --- Estrelada (capital Porto Salinas) ----------------------------------------
speaker("José Ángel Barranco", "Estrelada", "Trade Minister", variants=["Jose Angel Barranco"])
speaker("María Fernanda Quiroga-Lessa", "Estrelada", "President")
speaker("Inés de la Fuente-Rivas", "Estrelada", "Deputy Trade Minister, chief negotiator")
speaker("Carla Meireles", "Estrelada", "trade ministry spokeswoman")
speaker("Sebastião Rocha", "National Dockworkers’ Union", "union president")
speaker("Beatriz Rocha", "Banco Atlântico do Sul", "economist (not the union leader)")
speaker("National Dockworkers’ Union", "National Dockworkers’ Union", "union", ORG)
speaker("Cobre Austral", "Cobre Austral", "copper exporter", ORG)
speaker("Ciarán O'Neill-Barros", "Estreladan Winegrowers' Association", "winegrowers' leader")
# --- Global Trade Tribunal -------------------------------------------------------
speaker("Global Trade Tribunal", "Global Trade Tribunal", "tribunal", ORG)
speaker("Heike Brandner-Osei", "Haldorf Institute for Trade Law", "professor")
# --- Ndamba (capital Kitengo) and the Sesenga Liberation Front -----------------
speaker("Samuel Oduor-Kimani", "Ndamba", "President")
speaker("Winnie Achola-Mensah", "Ndamba", "Interior Minister")
speaker("Ndamban Army", "Ndamba", "army", ORG)
speaker("Ndamban Foreign Ministry", "Ndamba", "ministry", ORG)
speaker("Sesenga Liberation Front", "Sesenga Liberation Front", "armed group", ORG)
# --- Sakwera (capital Kanyaro) --------------------------------------------------
speaker("Thandiwe Mokoena-Diallo", "Sakwera", "Defence Minister")
speaker("Ibrahim Sow-Kanté", "Sakwera", "Colonel, army spokesman")
speaker("Sakweran Armed Forces", "Sakwera", "army", ORG)
# --- League of Sovereign Nations ------------------------------------------------
speaker(
    "League of Sovereign Nations", "League of Sovereign Nations", "international organisation", ORG
)
speaker(
    "Rodrigo Sá de Menezes",
    "League of Sovereign Nations",
    "General, LSN force commander",
    variants=["Rodrigo Sa de Menezes"],
)
speaker("Ingeborg van der Linde", "League of Sovereign Nations", "special representative")
speaker("Ingvild Eide", "League of Sovereign Nations", "peacekeeper (not the nurse)")

# Different people who share a surname: they must stay different speakers.
SHARED_SURNAMES = [
    ("Yelena Dobrovskaya", "Pavel Dobrovsky"),  # same article (p005)
    ("Eirik Solvang", "Marit Solvang"),  # same article (p008), across articles
    ("Kenta Arakawa", "Yoko Arakawa"),  # same article (p012)
    ("Samir al-Tahan", "Rania al-Tahan"),  # same article (p016)
    ("Sebastião Rocha", "Beatriz Rocha"),  # same article (p022), across articles
    ("Jonas Eide", "Ingvild Eide"),  # across articles (p027, p029)
]

# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------

ARTICLES: list[dict] = []


def Q(quote, speaker, stance, kind="direct", tags="", anchor=None):
    """One gold quote: exact text between the marks, canonical speaker, stance.

    tags: space-separated hand-assigned tags (nonstandard-marks, multi-sentence
        and the alias of a spelling variant are computed).
    anchor: optional text before the quote; the search starts after it.
    """
    return dict(
        quote=quote, speaker=speaker, stance=stance, kind=kind, tags=tags.split(), anchor=anchor
    )


def article(
    id, date, source, title, body, quotes, covers, distractors=(), nested=(), apostrophes=()
):
    """Register an article.

    body: paragraphs separated by blank lines.
    quotes: Q(...) records in text order.
    covers: the phenomena (numbers, see the module docstring) the article concentrates on.
    distractors: top-level quoted strings that are NOT gold quotes.
    nested: quoted strings inside another speaker's quote (part of the outer quote).
    apostrophes: substrings whose ' or ’ is an apostrophe, not a quote mark
        (plural possessives, elisions); the scanner skips those characters.
    """
    paragraphs = [p.strip() for p in body.strip().split("\n\n")]
    ARTICLES.append(
        dict(
            id=id,
            date=date,
            source=source,
            title=title,
            paragraphs=paragraphs,
            quotes=quotes,
            covers=sorted(covers),
            distractors=list(distractors),
            nested=list(nested),
            apostrophes=list(apostrophes),
        )
    )


# ===========================================================================
# Thread I: the Hvitskjær (Beloskal) Islands, Sorvland v Velichia
# ===========================================================================

article(
    "p001",
    "2022-02-08",
    "Boreal Press Agency",
    "Sorvland accuses Velichia of landing survey team on disputed islet",
    """
LINDVIK, Feb 8 (Boreal Press Agency) – Sorvland accused Velichia on Tuesday of landing a survey team on Lille Hvitskjær, an uninhabited islet in the northern archipelago that both countries claim.

“A team of Velichian personnel went ashore without permission and planted a marker on Sorvish soil,” said Foreign Minister Astrid Hovland-Berg.

She and Defence Minister Eirik Solvang briefed reporters together at the foreign ministry. “This is Sorvish territory, and it will remain Sorvish territory,” she said. “Two coast guard cutters are already on their way, and they will stay for as long as necessary,” he added.

In Zarobrod, Velichian Foreign Minister Yelena Dobrovskaya said the team had been doing “routine scientific work” and posed no threat to anyone.

“Nobody should be surprised that Velichian scientists work on Velichian islands,” the minister said in an interview with state television.

Ms Dobrovskaya added that Zarobrod remained “open to a conversation about fishing” but would not discuss sovereignty.

The archipelago became a flashpoint after a 2019 study by the Lindvik Institute for Security Studies, titled “Granite and Gas”, suggested that the surrounding seabed may hold gas. Fishermen in the area call the islets “the Teeth”.

Kristin Aalberg, a senior researcher at the institute, said the landing had been carefully measured. “It is small enough to deny and big enough to be noticed,” she said. “That is the point.”
""",
    [
        Q(
            "A team of Velichian personnel went ashore without permission and planted a marker on Sorvish soil,",
            "Astrid Hovland-Berg",
            "escalation",
        ),
        Q(
            "This is Sorvish territory, and it will remain Sorvish territory,",
            "Astrid Hovland-Berg",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "Two coast guard cutters are already on their way, and they will stay for as long as necessary,",
            "Eirik Solvang",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "routine scientific work",
            "Yelena Dobrovskaya",
            "de-escalation",
            "partial",
            tags="speaker-before reassurance",
        ),
        Q(
            "Nobody should be surprised that Velichian scientists work on Velichian islands,",
            "Yelena Dobrovskaya",
            "escalation",
            tags="alias",
        ),
        Q(
            "open to a conversation about fishing",
            "Yelena Dobrovskaya",
            "de-escalation",
            "partial",
            tags="alias speaker-before",
        ),
        Q(
            "It is small enough to deny and big enough to be noticed,",
            "Kristin Aalberg",
            "neutral",
            tags="split pronoun",
        ),
        Q("That is the point.", "Kristin Aalberg", "neutral", tags="split pronoun"),
    ],
    covers=[1, 4, 5, 9, 10],
    distractors=["Granite and Gas", "the Teeth"],
)

article(
    "p002",
    "2022-02-15",
    "Velichian Telegraph Agency",
    "Kovrigin accuses Lindvik of turning island quarrel into naval standoff",
    """
ZAROBROD, Feb 15 (Velichian Telegraph Agency) – President Aleksandr Kovrigin on Tuesday accused Sorvland of turning a quarrel over a few rocks into a naval confrontation, a week after Sorvish coast guard cutters arrived off the disputed Beloskal Islands, which Sorvland calls Hvitskjær.

Addressing the Federal Assembly, Kovrigin told deputies: «Lindvik sends warships to answer a team of geologists. Let them explain to the world who is escalating.»

«They keep repeating „we want good neighbourly relations“ while their cutters circle our islands,» the Velichian leader said.

The state newspaper «Vechernii Vestnik» printed a map of the islands on its front page under the headline «Ours Since 1911».

Presidential spokesman Dmitry Zhuravkin later told reporters that the survey team had left the islet on Sunday «as planned, not because anyone asked them to».

Asked whether Velichia would send its own warships, the presidential spokesman said: «The president has given no such order. We are not looking for a fight at sea.»

Defence Minister Bohdan Verbytskyy was less conciliatory. Speaking at a naval academy graduation, he said: «Our fleet is ready to defend every Velichian island, large or small.»

The opposition Velichian Democratic Union said in a statement: «The president is using a few rocks to distract attention from empty shelves at home.»
""",
    [
        Q(
            "Lindvik sends warships to answer a team of geologists. Let them explain to the world who is escalating.",
            "Aleksandr Kovrigin",
            "escalation",
            tags="alias speaker-before",
        ),
        Q(
            "They keep repeating „we want good neighbourly relations“ while their cutters circle our islands,",
            "Aleksandr Kovrigin",
            "escalation",
            tags="descriptor",
        ),
        Q(
            "as planned, not because anyone asked them to",
            "Dmitriy Zhuravkin",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The president has given no such order. We are not looking for a fight at sea.",
            "Dmitriy Zhuravkin",
            "de-escalation",
            tags="alias speaker-before reassurance",
        ),
        Q(
            "Our fleet is ready to defend every Velichian island, large or small.",
            "Bohdan Verbytskyy",
            "escalation",
            tags="pronoun speaker-before",
        ),
        Q(
            "The president is using a few rocks to distract attention from empty shelves at home.",
            "Velichian Democratic Union",
            "neutral",
            tags="speaker-before",
        ),
    ],
    covers=[2, 6, 10, 11, 12, 13],
    distractors=["Vechernii Vestnik", "Ours Since 1911"],
    nested=["we want good neighbourly relations"],
)

article(
    "p003",
    "2022-03-02",
    "The Northern Ledger",
    "Prime minister promises harbour and coast guard station on disputed island",
    """
STORHOLM, March 2 (The Northern Ledger) – Prime Minister Ragnhild Aasen flew to Storholm on Wednesday, the only inhabited island in the Hvitskjær group, in the first visit by a Sorvish head of government since the ’90s.

Speaking in the school gymnasium, which also hosts the island’s summer rock ’n’ roll festival, Aasen promised residents a new harbour and a permanent coast guard station. ‘We don’t abandon our people, and we don’t hand our islands to anyone,’ she said. ‘Storholm will get its harbour, its station and its ferry.’

Aasen insisted the station was purely defensive. ‘It is not aimed at any neighbour, and it will not carry weapons that can threaten anyone,’ the prime minister told islanders.

‘Our door to Zarobrod is open. If President Kovrigin’s government wants to talk about fishing zones, our diplomats are ready tomorrow.’

Not everyone on the island was convinced. Sunniva Lie, who leads the Storholm students’ union, said young people were ‘tired of being a bargaining chip’.

‘Politicians fly in, make speeches and fly out again, like the bands at the rock ’n’ roll festival. The students’ union stays here with the cutters and the cameras,’ she said.

In Zarobrod, Dmitri Zhuravkin, the Velichian president’s spokesman, called the visit ‘a provocation dressed up as a holiday’ and said Sorvland should stop pretending that the islands belonged to it.
""",
    [
        Q(
            "We don’t abandon our people, and we don’t hand our islands to anyone,",
            "Ragnhild Aasen",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "Storholm will get its harbour, its station and its ferry.",
            "Ragnhild Aasen",
            "neutral",
            tags="split pronoun",
        ),
        Q(
            "It is not aimed at any neighbour, and it will not carry weapons that can threaten anyone,",
            "Ragnhild Aasen",
            "de-escalation",
            tags="alias reassurance",
        ),
        Q(
            "Our door to Zarobrod is open. If President Kovrigin’s government wants to talk about fishing zones, our diplomats are ready tomorrow.",
            "Ragnhild Aasen",
            "de-escalation",
            tags="continuation",
        ),
        Q(
            "tired of being a bargaining chip",
            "Sunniva Lie",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Politicians fly in, make speeches and fly out again, like the bands at the rock ’n’ roll festival. The students’ union stays here with the cutters and the cameras,",
            "Sunniva Lie",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "a provocation dressed up as a holiday",
            "Dmitriy Zhuravkin",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
    ],
    covers=[3, 8, 9, 11, 12, 13],
    apostrophes=["’90s", "rock ’n’ roll", "students’ union"],
)

article(
    "p004",
    "2022-06-20",
    "Nordic Wire Service",
    "Velichian patrol boat and Sorvish trawler collide near disputed islands",
    """
LINDVIK, June 20 (Nordic Wire Service) - A Velichian patrol boat and a Sorvish fishing trawler collided near the disputed Hvitskjær Islands early on Sunday, damaging the trawler's hull but causing no injuries, officials on both sides said.

The Sorvish Coast Guard said the patrol boat had "deliberately cut across the trawler's bow" at a distance of less than 50 metres.

"The crew of the Havbris did nothing wrong. It was the patrol boat that changed course," the coast guard said in a statement. "Two cutters are escorting the damaged trawler to Storholm."

Sorvish Foreign Ministry spokeswoman Liv Tangen-Okafor said Velichia's ambassador had been summoned. "We expect a full explanation and an apology," she tweeted.

The Velichian Defence Ministry gave a different account. It said the trawler had been "fishing illegally in Velichian waters" and had ignored three radio warnings.

"Velichian border ships will continue to enforce the law around the Beloskal Islands, today and every day," the ministry said.

Defence Minister Bohdan Verbytskyy told state television that the patrol boat's captain had "nothing to apologise for".

The Boreal Defence Pact, of which Sorvland is a member, urged restraint. "The BDP calls on both sides to avoid any step that could lead to a dangerous escalation," the alliance said.
""",
    [
        Q(
            "deliberately cut across the trawler's bow",
            "Sorvish Coast Guard",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The crew of the Havbris did nothing wrong. It was the patrol boat that changed course,",
            "Sorvish Coast Guard",
            "escalation",
            tags="split alias",
        ),
        Q(
            "Two cutters are escorting the damaged trawler to Storholm.",
            "Sorvish Coast Guard",
            "neutral",
            tags="split alias",
        ),
        Q(
            "We expect a full explanation and an apology,",
            "Liv Tangen-Okafor",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "fishing illegally in Velichian waters",
            "Velichian Defence Ministry",
            "escalation",
            "partial",
            tags="pronoun speaker-before",
        ),
        Q(
            "Velichian border ships will continue to enforce the law around the Beloskal Islands, today and every day,",
            "Velichian Defence Ministry",
            "escalation",
            tags="alias",
        ),
        Q(
            "nothing to apologise for",
            "Bohdan Verbytskyy",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The BDP calls on both sides to avoid any step that could lead to a dangerous escalation,",
            "Boreal Defence Pact",
            "de-escalation",
            tags="alias",
        ),
    ],
    covers=[3, 4, 5, 7, 9, 13],
)

article(
    "p005",
    "2023-01-12",
    "Velichian Telegraph Agency",
    "Velichia to hold live-fire drills near Beloskal Islands",
    """
ZAROBROD, Jan 12 (Velichian Telegraph Agency) - Velichia's defence minister said on Thursday that the navy would hold live-fire exercises near the Beloskal Islands next month, dismissing Sorvish objections as 'noise from people who don't live here'.

'We have exercised in these waters since the '90s, and we will exercise there next month and the month after,' Bohdan Verbytskiy, a former submarine commander who has run the ministry since 2020, told parliament's defence committee.

'If Lindvik sends its cutters into the firing zone, that is Lindvik's responsibility, not ours.'

Foreign Minister Yelena Dobrovskaya, speaking in the same building an hour later, struck a softer tone. 'The exercises are not a message to anybody. We remain ready to discuss a hotline between our coast guards,' she said.

'Our sailors know these waters better than anyone,' the 58-year-old former submariner said after her speech. 'They will not be intimidated by anybody's cutters.'

Pavel Dobrovsky, a naval analyst at the Zarobrod Centre for Strategic Research who is not related to the foreign minister, said the two messages were coordinated. 'The defence ministry's job is to sound tough, and the foreign ministry's job is to keep the door ajar,' Dobrovsky said.

'Neither of them wants a shooting incident near the islands,' he said.

Sorvland's defence ministry said it had taken note of the announcement and would keep shipping informed.
""",
    [
        Q(
            "noise from people who don't live here",
            "Bohdan Verbytskyy",
            "escalation",
            "partial",
            tags="descriptor speaker-before",
        ),
        Q(
            "We have exercised in these waters since the '90s, and we will exercise there next month and the month after,",
            "Bohdan Verbytskyy",
            "escalation",
        ),
        Q(
            "If Lindvik sends its cutters into the firing zone, that is Lindvik's responsibility, not ours.",
            "Bohdan Verbytskyy",
            "escalation",
            tags="continuation conditional-threat",
        ),
        Q(
            "The exercises are not a message to anybody. We remain ready to discuss a hotline between our coast guards,",
            "Yelena Dobrovskaya",
            "de-escalation",
            tags="pronoun reassurance",
        ),
        Q(
            "Our sailors know these waters better than anyone,",
            "Bohdan Verbytskyy",
            "escalation",
            tags="split descriptor",
        ),
        Q(
            "They will not be intimidated by anybody's cutters.",
            "Bohdan Verbytskyy",
            "escalation",
            tags="split descriptor",
        ),
        Q(
            "The defence ministry's job is to sound tough, and the foreign ministry's job is to keep the door ajar,",
            "Pavel Dobrovsky",
            "neutral",
            tags="alias",
        ),
        Q(
            "Neither of them wants a shooting incident near the islands,",
            "Pavel Dobrovsky",
            "neutral",
            tags="pronoun",
        ),
    ],
    covers=[4, 6, 8, 11, 12],
    apostrophes=["'90s"],
)

article(
    "p006",
    "2023-09-05",
    "Nordic Wire Service",
    "Allied warships begin largest drill off Hvitskjær Islands",
    """
LINDVIK, Sept 5 (Nordic Wire Service) – Warships from five Boreal Defence Pact countries began a ten-day exercise off the Hvitskjær Islands on Tuesday, the largest allied drill in the area since the dispute with Velichia flared last year. The exercise has been code-named “Granite Shield”.

Rear Admiral Tor Vennesland, the commander of the Sorvish navy, addressed crews on the deck of the frigate Ulvøy. “We train so that we never have to fight,” the admiral said. “But if we ever have to, we will be ready.

“No one should mistake our restraint for weakness.”

Defence Minister Eirik Solvang, who watched from the bridge, later released a written statement. Mr Solvang wrote:

“This exercise is defensive, transparent and was announced months in advance. Velichian observers were invited, and the invitation still stands.”

BDP Secretary General Joost van der Meulen said the alliance was “not looking for a confrontation with anyone”. “Our message to Zarobrod is simple: talk to Lindvik, not at Lindvik,” Mr van der Meulen told reporters.

Velichia reacted angrily. President Aleksandr Kovrigin called the drill “a rehearsal for the seizure of our islands”, and his spokesman, Dmitriy Zhuravkin, said Velichia would “respond accordingly”.
""",
    [
        Q(
            "We train so that we never have to fight,",
            "Tor Vennesland",
            "de-escalation",
            tags="split alias reassurance",
        ),
        Q(
            "But if we ever have to, we will be ready.",
            "Tor Vennesland",
            "escalation",
            tags="split alias",
        ),
        Q(
            "No one should mistake our restraint for weakness.",
            "Tor Vennesland",
            "escalation",
            tags="continuation",
        ),
        Q(
            "This exercise is defensive, transparent and was announced months in advance. Velichian observers were invited, and the invitation still stands.",
            "Eirik Solvang",
            "de-escalation",
            tags="alias speaker-before reassurance",
        ),
        Q(
            "not looking for a confrontation with anyone",
            "Joost van der Meulen",
            "de-escalation",
            "partial",
            tags="speaker-before reassurance",
        ),
        Q(
            "Our message to Zarobrod is simple: talk to Lindvik, not at Lindvik,",
            "Joost van der Meulen",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "a rehearsal for the seizure of our islands",
            "Aleksandr Kovrigin",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "respond accordingly",
            "Dmitriy Zhuravkin",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
    ],
    covers=[2, 3, 5, 8, 9, 10, 13],
    distractors=["Granite Shield"],
)

article(
    "p007",
    "2024-02-27",
    "Nordpresse Agentur",
    "Sorvland and Velichia agree fishing commission, not island talks",
    """
PORTO SALINAS (Nordpresse Agentur) – The leaders of Sorvland and Velichia met on Tuesday for the first time in three years and agreed to set up a joint commission on fishing in the waters around the disputed Hvitskjær Islands.

„We will talk about fish,“ President Alexander Kovrigin said after the four-hour meeting, „but we will not talk about the islands.“

Prime Minister Ragnhild Aasen called the commission ‚a modest but real step‘. „I did not come here expecting miracles,“ she said. „I came here to stop the next collision at sea, and today we did that.“

Outside the conference centre, a few dozen Velichian expatriates waved flags and a banner reading „Beloskal is Velichia“. Across the street, Sorvish students held up a sign with the words ‚Fish, not frigates‘.

Defence Minister Bohdan Verbytsky, who travelled with the Velichian delegation, told Velichian television that the navy would keep „a permanent presence“ near the islands.

Kovrigin later told reporters: „The commission is a test. If Lindvik uses it to raise the question of sovereignty, it will be the shortest-lived commission in history.“
""",
    [
        Q("We will talk about fish,", "Aleksandr Kovrigin", "de-escalation", tags="split"),
        Q(
            "but we will not talk about the islands.",
            "Aleksandr Kovrigin",
            "escalation",
            tags="split rejects-talks",
        ),
        Q(
            "a modest but real step",
            "Ragnhild Aasen",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "I did not come here expecting miracles,",
            "Ragnhild Aasen",
            "neutral",
            tags="split pronoun",
        ),
        Q(
            "I came here to stop the next collision at sea, and today we did that.",
            "Ragnhild Aasen",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "a permanent presence",
            "Bohdan Verbytskyy",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The commission is a test. If Lindvik uses it to raise the question of sovereignty, it will be the shortest-lived commission in history.",
            "Aleksandr Kovrigin",
            "escalation",
            tags="alias speaker-before conditional-threat",
        ),
    ],
    covers=[3, 9, 11, 12, 14],
    distractors=["Beloskal is Velichia", "Fish, not frigates"],
)

article(
    "p008",
    "2024-08-14",
    "Boreal Press Agency",
    "Velichian border guards detain Sorvish trawler crew",
    """
LINDVIK, Aug 14 (Boreal Press Agency) – Velichian border guards detained the seven-member crew of a Sorvish trawler near the Hvitskjær Islands on Wednesday, the first detention since the two countries set up a joint fishing commission in February.

Foreign Minister Astrid Hovland-Berg called the detention a breach of the spirit of Porto Salinas and demanded the crew’s “immediate and unconditional release”.

Defence Minister Eirik Solvang said the navy had been placed on heightened alert but stressed that Sorvland would “exhaust every diplomatic channel first”.

Marit Solvang, who heads the Sorvish Fishermen’s Association and is not related to the minister, said her members were “scared and angry”. “Our boats fish where their grandfathers fished. Nobody in Zarobrod has the right to arrest them for it,” Ms Solvang said.

In Zarobrod, the Velichian Border Service said the trawler had been “caught red-handed” inside a closed zone. Presidential spokesman Dmitriy Zhuravkin said the crew would be treated “in accordance with the law”. “There is no political dimension to this case,” Zhuravkin said.

Henrik Brattli, leader of the opposition Centre Party, said the government had been naive. “We warned that Zarobrod would use the commission as cover for exactly this,” Brattli wrote on social media.
""",
    [
        Q(
            "immediate and unconditional release",
            "Astrid Hovland-Berg",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "exhaust every diplomatic channel first",
            "Eirik Solvang",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
        Q("scared and angry", "Marit Solvang", "neutral", "partial", tags="speaker-before"),
        Q(
            "Our boats fish where their grandfathers fished. Nobody in Zarobrod has the right to arrest them for it,",
            "Marit Solvang",
            "escalation",
            tags="alias",
        ),
        Q(
            "caught red-handed",
            "Velichian Border Service",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "in accordance with the law",
            "Dmitriy Zhuravkin",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "There is no political dimension to this case,",
            "Dmitriy Zhuravkin",
            "de-escalation",
            tags="alias reassurance",
        ),
        Q(
            "We warned that Zarobrod would use the commission as cover for exactly this,",
            "Henrik Brattli",
            "escalation",
            tags="alias",
        ),
    ],
    covers=[7, 9, 12, 13],
)

# ===========================================================================
# Thread II: airspace over the Sorami Strait, Ishima v Meirong
# ===========================================================================

article(
    "p009",
    "2022-04-11",
    "East Strait Wire",
    "Ishima scrambles jets 14 times as Meirongese aircraft probe strait",
    """
TAKAHARA, April 11 (East Strait Wire) – Ishima scrambled fighter jets 14 times over the weekend after Meirongese military aircraft flew close to its airspace above the Sorami Strait, the Ishiman Defence Ministry said on Monday.

“Two of the aircraft came within 12 kilometres of our coastline, closer than at any time this year,” said Defence Minister Kenta Arakawa.

“This is a deliberate pattern of intimidation, and we will respond to every single intrusion,” Arakawa told reporters on Monday.

Chief Cabinet Secretary Mariko Sonoda said the government had lodged a protest through diplomatic channels. “We urge Meirong to return to the hotline talks that it suspended last year,” she said.

In Jinhai, General Han Weidong, the commander of the Meirongese air force, said the flights were routine training over international waters. “Our pilots fly where international law allows them to fly, and they will keep doing so,” he said.

“Ishima will have to get used to it,” the 61-year-old general added in an interview with state television.

“The number of scrambles has tripled since 2020,” said Kwon Ha-eun, a researcher at the Centre for Airspace Studies in Takahara. “Sooner or later, somebody will misjudge a distance.”
""",
    [
        Q(
            "Two of the aircraft came within 12 kilometres of our coastline, closer than at any time this year,",
            "Kenta Arakawa",
            "neutral",
        ),
        Q(
            "This is a deliberate pattern of intimidation, and we will respond to every single intrusion,",
            "Kenta Arakawa",
            "escalation",
            tags="alias",
        ),
        Q(
            "We urge Meirong to return to the hotline talks that it suspended last year,",
            "Mariko Sonoda",
            "de-escalation",
            tags="pronoun",
        ),
        Q(
            "Our pilots fly where international law allows them to fly, and they will keep doing so,",
            "Han Weidong",
            "escalation",
            tags="pronoun",
        ),
        Q("Ishima will have to get used to it,", "Han Weidong", "escalation", tags="descriptor"),
        Q(
            "The number of scrambles has tripled since 2020,",
            "Kwon Ha-eun",
            "neutral",
            tags="split",
        ),
        Q(
            "Sooner or later, somebody will misjudge a distance.",
            "Kwon Ha-eun",
            "neutral",
            tags="split",
        ),
    ],
    covers=[1, 3, 4, 5, 6],
)

article(
    "p010",
    "2022-10-03",
    "Jinhai Daily Report",
    "Meirong extends air defence zone over Sorami Strait",
    """
JINHAI, Oct 3 (Jinhai Daily Report) - Meirong on Monday extended its air defence identification zone to cover most of the Sorami Strait, requiring all foreign aircraft to file flight plans with its military before entering.

"The adjustment is a normal measure to safeguard national sovereignty and the security of our airspace," the Meirongese Foreign Ministry said in a statement.

"Aircraft that do not comply will face defensive emergency measures," the statement said.

The Meirongese Air Force said it had begun "regular combat patrols" of the zone under an operation it has named "Azure Shield".

Ishima rejected the zone. Ishima's foreign ministry said the government "neither recognises nor accepts" the new rules. "Ishiman civil and military aircraft will continue to operate exactly as before," it said.

A cross-party group of 40 Ishiman lawmakers, the Sorami Security Caucus, whose members are nicknamed the "strait hawks", demanded a tougher response. "Every concession to Jinhai invites a new demand," they wrote in an open letter.

Ishima Air, the country's largest carrier, said its pilots would not file flight plans with the Meirongese military. "Our flights follow Ishiman instructions only," the airline said.
""",
    [
        Q(
            "The adjustment is a normal measure to safeguard national sovereignty and the security of our airspace,",
            "Meirongese Foreign Ministry",
            "escalation",
        ),
        Q(
            "Aircraft that do not comply will face defensive emergency measures,",
            "Meirongese Foreign Ministry",
            "escalation",
            tags="conditional-threat",
        ),
        Q(
            "regular combat patrols",
            "Meirongese Air Force",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "neither recognises nor accepts",
            "Ishiman Foreign Ministry",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Ishiman civil and military aircraft will continue to operate exactly as before,",
            "Ishiman Foreign Ministry",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "Every concession to Jinhai invites a new demand,",
            "Sorami Security Caucus",
            "escalation",
            tags="pronoun",
        ),
        Q("Our flights follow Ishiman instructions only,", "Ishima Air", "neutral", tags="alias"),
    ],
    covers=[4, 7, 9, 10, 13],
    distractors=["Azure Shield", "strait hawks"],
)

article(
    "p011",
    "2023-03-19",
    "The Takahara Times",
    "Meirongese fighter passes 20 metres from Ishiman patrol plane",
    """
TAKAHARA, March 19 (The Takahara Times) – A Meirongese fighter jet passed within 20 metres of an Ishiman maritime patrol aircraft over the Sorami Strait on Saturday, in what Ishima’s government called the most dangerous encounter in the area this decade.

Chief Cabinet Secretary Mariko Sonoda released cockpit video showing the fighter crossing the patrol plane’s nose. ‘Our crew kept calm and stayed in international airspace,’ she told a news conference. ‘The other pilot did neither.’

‘Jinhai keeps telling us “these are safe and professional interceptions”. I invite Meirong’s leaders to watch this video.’

In Jinhai, foreign ministry spokeswoman Zhao Lanying accused the Ishiman crew of ‘close-in reconnaissance’ and said the fighter pilot had acted lawfully.

‘If Ishima stops sending spy planes to our doorstep, there will be no more encounters,’ Ms Zhao told a regular briefing.

Dr Ayaka Tsuruta, a former air traffic controller who now teaches at Takahara University, said the video showed ‘a margin of error measured in fractions of a second’. The pilots’ union has long demanded clearer rules.

‘Both governments need a military hotline that actually works, and they need it now,’ Dr Tsuruta posted on social media.
""",
    [
        Q(
            "Our crew kept calm and stayed in international airspace,",
            "Mariko Sonoda",
            "neutral",
            tags="split pronoun",
        ),
        Q("The other pilot did neither.", "Mariko Sonoda", "escalation", tags="split pronoun"),
        Q(
            "Jinhai keeps telling us “these are safe and professional interceptions”. I invite Meirong’s leaders to watch this video.",
            "Mariko Sonoda",
            "escalation",
            tags="continuation",
        ),
        Q(
            "close-in reconnaissance",
            "Zhao Lanying",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "If Ishima stops sending spy planes to our doorstep, there will be no more encounters,",
            "Zhao Lanying",
            "escalation",
            tags="alias",
        ),
        Q(
            "a margin of error measured in fractions of a second",
            "Ayaka Tsuruta",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Both governments need a military hotline that actually works, and they need it now,",
            "Ayaka Tsuruta",
            "de-escalation",
            tags="alias",
        ),
    ],
    covers=[3, 5, 8, 10, 11],
    nested=["these are safe and professional interceptions"],
    apostrophes=["pilots’ union"],
)

article(
    "p012",
    "2023-11-22",
    "East Strait Wire",
    "Ishiman parliament approves record defence budget",
    """
TAKAHARA, Nov 22 (East Strait Wire) - Ishima's parliament on Wednesday approved a record defence budget that includes 40 new fighter jets, after a year of near-daily encounters with Meirongese aircraft over the Sorami Strait.

Defence Minister Kenta Arakawa told the assembly: "Every yen in this budget is a yen for peace, because a strong air force is what stops others from testing us."

Yoko Arakawa, a lawmaker of the opposition Ishima Progressive Party who is not related to the minister, voted against the budget. "We are buying planes when we should be buying time for diplomacy," she argued.

"The minister talks about peace, but this budget will only push Jinhai to buy more planes. We should be calling them, not racing them," Ms Arakawa added.

Mr Arakawa rejected the criticism. He said: "Nobody in this government has stopped calling Jinhai. It is Jinhai that stopped answering."

In Jinhai, the Meirongese Defence Ministry called the budget "a dangerous militarisation of the region".

General Han Weidong, who commands Meirong's air force, was dismissive. "Forty new jets will change nothing in the strait," the former fighter pilot said.
""",
    [
        Q(
            "Every yen in this budget is a yen for peace, because a strong air force is what stops others from testing us.",
            "Kenta Arakawa",
            "escalation",
            tags="speaker-before mixed",
        ),
        Q(
            "We are buying planes when we should be buying time for diplomacy,",
            "Yoko Arakawa",
            "de-escalation",
            tags="pronoun",
        ),
        Q(
            "The minister talks about peace, but this budget will only push Jinhai to buy more planes. We should be calling them, not racing them,",
            "Yoko Arakawa",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "Nobody in this government has stopped calling Jinhai. It is Jinhai that stopped answering.",
            "Kenta Arakawa",
            "escalation",
            tags="pronoun speaker-before",
        ),
        Q(
            "a dangerous militarisation of the region",
            "Meirongese Defence Ministry",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Forty new jets will change nothing in the strait,",
            "Han Weidong",
            "escalation",
            tags="descriptor",
        ),
    ],
    covers=[2, 4, 6, 12, 13],
)

article(
    "p013",
    "2024-05-30",
    "Meirong Evening Post",
    "Ishima and Meirong reopen air force hotline",
    """
JINHAI, May 30 (Meirong Evening Post) – Ishima and Meirong agreed on Thursday to reopen a military hotline between their air forces, suspended for two years, after talks between their defence ministers in the Estreladan capital, Porto Salinas.

«Both sides have agreed that the line will be staffed around the clock, starting on June 1,» the Meirongese Defence Ministry said in a statement.

«It will reduce the risk of misunderstanding in the air,» it added.

Ishiman Defence Minister Kenta Arakawa called the agreement «a small door that we must keep open». «I told General Han that our pilots will always pick up the phone,» Arakawa said.

General Han Weidong said the hotline did not change Meirong’s position on the strait. «Some people are already calling this “a new chapter”. It is a telephone line, nothing more, and our patrols will continue as before,» the general said.

The Ishiman Airline Pilots’ Association, which represents about 3,000 pilots, welcomed the deal. «Our members cross the strait every day. They deserve every safety net there is,» they said in a statement.
""",
    [
        Q(
            "Both sides have agreed that the line will be staffed around the clock, starting on June 1,",
            "Meirongese Defence Ministry",
            "neutral",
        ),
        Q(
            "It will reduce the risk of misunderstanding in the air,",
            "Meirongese Defence Ministry",
            "de-escalation",
            tags="pronoun",
        ),
        Q(
            "a small door that we must keep open",
            "Kenta Arakawa",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "I told General Han that our pilots will always pick up the phone,",
            "Kenta Arakawa",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "Some people are already calling this “a new chapter”. It is a telephone line, nothing more, and our patrols will continue as before,",
            "Han Weidong",
            "escalation",
            tags="alias",
        ),
        Q(
            "Our members cross the strait every day. They deserve every safety net there is,",
            "Ishiman Airline Pilots’ Association",
            "de-escalation",
            tags="pronoun",
        ),
    ],
    covers=[4, 5, 7, 10, 11, 13],
    nested=["a new chapter"],
)

# ===========================================================================
# Thread III: the Transarid gas pipeline, Nuriya v Tazrit
# ===========================================================================

article(
    "p014",
    "2022-01-18",
    "Gulf Energy Wire",
    "Nuriya halves gas flows in transit fee dispute with Tazrit",
    """
BAYT NURA, Jan 18 (Gulf Energy Wire) - Nuriya halved gas flows through the Transarid pipeline on Tuesday, escalating a dispute with neighbouring Tazrit over transit fees that has threatened supplies to the region for months.

"Tazrit wants to double the fees overnight, and Nuriya will not pay a ransom for its own gas," Energy Minister Mohammed al-Nahrawi told reporters in Bayt Nura.

"When they return to the 2019 contract, the flows will return too," al-Nahrawi warned.

In Amzaourou, Tazriti Energy Minister Karim Ait-Lhaj called the cut "a political weapon dressed up as a commercial dispute".

"Our fees have not changed since 2019, while the cost of maintaining the line has tripled. Even so, we are ready to sit down tomorrow," he said.

The Transarid Pipeline Company, which operates the line, said it was "complying with the instructions of the shipper". "The technical integrity of the pipeline is not affected," the company said.

Chief executive Katrin Müller-Osterwald said the company was caught between two governments. "We are a pipe, not a party to this dispute," she said.
""",
    [
        Q(
            "Tazrit wants to double the fees overnight, and Nuriya will not pay a ransom for its own gas,",
            "Mohammed al-Nahrawi",
            "escalation",
        ),
        Q(
            "When they return to the 2019 contract, the flows will return too,",
            "Mohammed al-Nahrawi",
            "escalation",
            tags="alias conditional-threat",
        ),
        Q(
            "a political weapon dressed up as a commercial dispute",
            "Karim Ait-Lhaj",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Our fees have not changed since 2019, while the cost of maintaining the line has tripled. Even so, we are ready to sit down tomorrow,",
            "Karim Ait-Lhaj",
            "de-escalation",
            tags="pronoun mixed",
        ),
        Q(
            "complying with the instructions of the shipper",
            "Transarid Pipeline Company",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The technical integrity of the pipeline is not affected,",
            "Transarid Pipeline Company",
            "neutral",
            tags="alias",
        ),
        Q(
            "We are a pipe, not a party to this dispute,",
            "Katrin Müller-Osterwald",
            "neutral",
            tags="pronoun",
        ),
    ],
    covers=[1, 5, 7, 9, 12, 13],
)

article(
    "p015",
    "2022-07-07",
    "Tazrit Press Service",
    "Blast halts Transarid gas flows, Tazrit speaks of sabotage",
    """
AMZAOUROU, July 7 (Tazrit Press Service) – An explosion tore through a section of the Transarid pipeline in southern Tazrit on Wednesday night, halting all gas flows to the coast. Nobody was injured, officials said.

Prime Minister Amina Oubella, who visited the site on Thursday, said investigators had found «traces of military-grade explosives». «This was not an accident. Someone wanted to punish Tazrit for defending its interests,» she said.

Oubella was accompanied by Energy Minister Karim Ait-Lhaj. «Our engineers are already working day and night, and gas will flow again within three weeks,» he said.

«We will not point fingers before the investigation is complete.»

In Bayt Nura, Energy Minister Mohamed al-Nahrawi rejected any suggestion of Nuriyan involvement. «Nuriya does not blow up its own pipeline. It is absurd even to ask the question,» he said.

«We are ready to help with the repairs, and we are ready to resume talks on the fees.»

A previously unknown group calling itself the «Sons of the Sand» claimed responsibility in a message posted online, but officials in both capitals said they doubted it was genuine.
""",
    [
        Q(
            "traces of military-grade explosives",
            "Amina Oubella",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "This was not an accident. Someone wanted to punish Tazrit for defending its interests,",
            "Amina Oubella",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "Our engineers are already working day and night, and gas will flow again within three weeks,",
            "Karim Ait-Lhaj",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "We will not point fingers before the investigation is complete.",
            "Karim Ait-Lhaj",
            "de-escalation",
            tags="continuation",
        ),
        Q(
            "Nuriya does not blow up its own pipeline. It is absurd even to ask the question,",
            "Mohammed al-Nahrawi",
            "de-escalation",
            tags="pronoun reassurance",
        ),
        Q(
            "We are ready to help with the repairs, and we are ready to resume talks on the fees.",
            "Mohammed al-Nahrawi",
            "de-escalation",
            tags="continuation",
        ),
    ],
    covers=[4, 8, 10, 11, 12],
    distractors=["Sons of the Sand"],
)

article(
    "p016",
    "2023-02-14",
    "Gulf Energy Wire",
    "Nuriya and Tazrit open first formal pipeline talks since blast",
    """
BAYT NURA, Feb 14 (Gulf Energy Wire) – Negotiators from Nuriya and Tazrit met on Tuesday for the first formal talks on the Transarid pipeline since last summer’s explosion, which halted gas flows for almost a month.

Nuriyan Foreign Minister Samir al-Tahan, who hosted the talks, said: “We have come with a serious offer and with the patience to listen.”

Tazriti Energy Minister Karim Ait-Lhaj called the first session “frank but useful”.

Outside the building, activists from Warm Homes Nuriya, a group that campaigns against fuel poverty, held a candlelit vigil. Its director, Rania al-Tahan, who is not related to the minister, said families on both sides of the border were paying for a quarrel they did not start.

“Both governments must find a compromise before the winter,” Ms al-Tahan argued.

The foreign minister later told reporters that a second round would take place next week. “Nobody leaves this table until there is a deal,” he said.

Tazrit’s energy ministry said in a statement issued after the session:

“Tazrit will not give up the principle that transit must be paid for fairly. But it is ready to discuss a gradual increase in fees over five years.”

“Both sides need the gas to flow more than they need to win,” said Farouk Idrissi-Lund, an energy analyst at Cobalt Ridge Analytics.
""",
    [
        Q(
            "We have come with a serious offer and with the patience to listen.",
            "Samir al-Tahan",
            "de-escalation",
            tags="speaker-before",
        ),
        Q("frank but useful", "Karim Ait-Lhaj", "de-escalation", "partial", tags="speaker-before"),
        Q(
            "Both governments must find a compromise before the winter,",
            "Rania al-Tahan",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "Nobody leaves this table until there is a deal,",
            "Samir al-Tahan",
            "de-escalation",
            tags="pronoun",
        ),
        Q(
            "Tazrit will not give up the principle that transit must be paid for fairly. But it is ready to discuss a gradual increase in fees over five years.",
            "Tazriti Energy Ministry",
            "de-escalation",
            tags="speaker-before mixed",
        ),
        Q(
            "Both sides need the gas to flow more than they need to win,",
            "Farouk Idrissi-Lund",
            "neutral",
        ),
    ],
    covers=[1, 2, 4, 7, 12, 13],
)

article(
    "p017",
    "2023-10-09",
    "Nordpresse Agentur",
    "Pipeline operator warns of new winter gas interruptions",
    """
LINDVIK, Oct 9 (Nordpresse Agentur) – The operator of the Transarid pipeline warned on Monday that gas deliveries to Sorvland could be interrupted again this winter unless Nuriya and Tazrit settle their dispute over transit fees for good.

„We have done everything an operator can do. The rest is politics,“ chief executive Katrin Müller-Osterwald told an energy conference in Lindvik.

„Both governments keep telling me ‚the gas will flow‘. I would like to see that in writing,“ she said.

The company’s annual report, published under the title ‚Pipes Under Pressure‘, shows that repair and security costs rose by 40 percent last year.

Sorvland’s energy minister, Halvard Strøm, told the conference that his government had ‚no intention of taking sides‘. „Our storage is 90 percent full. Nobody in Sorvland will freeze because of a quarrel between two other countries,“ Strøm said.

Nuriyan Energy Minister Mohammed al-Nahrawi, speaking by video link, described Nuriya as a ‚reliable supplier‘ and blamed Tazrit for the delays. „The problem is not in Bayt Nura. It is in Amzaourou,“ he said.
""",
    [
        Q(
            "We have done everything an operator can do. The rest is politics,",
            "Katrin Müller-Osterwald",
            "neutral",
        ),
        Q(
            "Both governments keep telling me ‚the gas will flow‘. I would like to see that in writing,",
            "Katrin Müller-Osterwald",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "no intention of taking sides",
            "Halvard Strøm",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Our storage is 90 percent full. Nobody in Sorvland will freeze because of a quarrel between two other countries,",
            "Halvard Strøm",
            "neutral",
            tags="alias",
        ),
        Q(
            "reliable supplier",
            "Mohammed al-Nahrawi",
            "de-escalation",
            "partial",
            tags="speaker-before reassurance",
        ),
        Q(
            "The problem is not in Bayt Nura. It is in Amzaourou,",
            "Mohammed al-Nahrawi",
            "escalation",
            tags="pronoun",
        ),
    ],
    covers=[4, 9, 10, 11, 12, 13],
    distractors=["Pipes Under Pressure"],
    nested=["the gas will flow"],
)

article(
    "p018",
    "2024-03-06",
    "Coastal Business Daily",
    "Nuriya and Tazrit sign ten-year pipeline transit deal",
    """
AMZAOUROU, March 6 (Coastal Business Daily) - Nuriya and Tazrit signed a ten-year transit agreement for the Transarid pipeline on Wednesday, ending a dispute that twice cut gas supplies to the region.

"Today we close a painful chapter," Energy Minister Muhammad al-Nahrawi said at the signing ceremony, "and we open one in which both our peoples profit from the same pipe."

His Tazriti counterpart, Karim Ait-Lhaj, said: "Nobody won everything. That is exactly why this agreement will last.

"Tazrit will be a reliable partner, and we expect Nuriya to be one too."

Katrin Mueller-Osterwald, chief executive of the Transarid Pipeline Company, said flows would return to full capacity "within 48 hours". "For the first time in three years, I can tell our customers to plan for the winter without fear," Mueller-Osterwald said.

Dr Nadia Kerrouche-Vidal, an energy economist at Amzaourou University, called the deal fragile but real. "The fee formula is clever," Dr Kerrouche-Vidal said, "but it only works as long as gas prices stay where they are."
""",
    [
        Q(
            "Today we close a painful chapter,",
            "Mohammed al-Nahrawi",
            "de-escalation",
            tags="split",
        ),
        Q(
            "and we open one in which both our peoples profit from the same pipe.",
            "Mohammed al-Nahrawi",
            "de-escalation",
            tags="split",
        ),
        Q(
            "Nobody won everything. That is exactly why this agreement will last.",
            "Karim Ait-Lhaj",
            "de-escalation",
            tags="speaker-before",
        ),
        Q(
            "Tazrit will be a reliable partner, and we expect Nuriya to be one too.",
            "Karim Ait-Lhaj",
            "de-escalation",
            tags="continuation",
        ),
        Q(
            "within 48 hours",
            "Katrin Müller-Osterwald",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "For the first time in three years, I can tell our customers to plan for the winter without fear,",
            "Katrin Müller-Osterwald",
            "neutral",
        ),
        Q("The fee formula is clever,", "Nadia Kerrouche-Vidal", "neutral", tags="split alias"),
        Q(
            "but it only works as long as gas prices stay where they are.",
            "Nadia Kerrouche-Vidal",
            "neutral",
            tags="split alias",
        ),
    ],
    covers=[2, 3, 5, 8, 12],
)

# ===========================================================================
# Thread IV: the steel, wine and copper trade war, Estrelada v Meirong
# ===========================================================================

article(
    "p019",
    "2022-05-24",
    "Porto Salinas Herald",
    "Estrelada slaps 35 percent tariffs on Meirongese steel",
    """
PORTO SALINAS, May 24 (Porto Salinas Herald) – Estrelada imposed tariffs of 35 percent on Meirongese steel and solar panels on Monday, accusing Jinhai of flooding its market with subsidised goods.

“For years we have watched our factories close one by one while Meirongese steel arrived at prices nobody can explain,” Trade Minister José Ángel Barranco told a news conference.

“This is not protectionism. It is self-defence,” Barranco insisted.

In Jinhai, Commerce Minister Qiao Mingyu called the tariffs “a reckless provocation” and said Meirong would take all necessary measures to protect its companies.

Sebastião Rocha, president of the National Dockworkers’ Union, warned that the tariffs could cost “thousands of jobs in the ports”. “Half the containers we unload come from Meirong. Our members will pay for this war,” Rocha said.

Cobre Austral, the country’s largest copper exporter, said it feared retaliation. “Meirong buys 40 percent of our copper. We urge both governments to keep talking,” the company said.
""",
    [
        Q(
            "For years we have watched our factories close one by one while Meirongese steel arrived at prices nobody can explain,",
            "José Ángel Barranco",
            "escalation",
        ),
        Q(
            "This is not protectionism. It is self-defence,",
            "José Ángel Barranco",
            "escalation",
            tags="alias",
        ),
        Q("a reckless provocation", "Qiao Mingyu", "escalation", "partial", tags="speaker-before"),
        Q(
            "thousands of jobs in the ports",
            "Sebastião Rocha",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Half the containers we unload come from Meirong. Our members will pay for this war,",
            "Sebastião Rocha",
            "neutral",
            tags="alias",
        ),
        Q(
            "Meirong buys 40 percent of our copper. We urge both governments to keep talking,",
            "Cobre Austral",
            "de-escalation",
            tags="alias",
        ),
    ],
    covers=[1, 5, 7, 9, 12, 13],
)

article(
    "p020",
    "2022-09-13",
    "Jinhai Daily Report",
    "Meirong bans Estreladan wine, tightens copper checks",
    """
JINHAI, Sept 13 (Jinhai Daily Report) - Meirong on Tuesday suspended imports of Estreladan wine and ordered extra inspections of copper shipments, widening a trade dispute that began with Estrelada's steel tariffs in May.

'Imports will resume once the safety problems identified by our inspectors have been resolved,' the Meirongese Commerce Ministry said in a statement.

The ministry said samples of Estreladan wine contained 'excessive residues' of a pesticide, but did not name it. Fourteen products now appear on the ministry's so-called 'watch list'.

It added: 'Meirong will not accept discrimination against its companies, and it will answer every unfair measure in kind.'

'Our wine is tested more often than any wine in the world. This has nothing to do with pesticides,' said Ciarán O'Neill-Barros, president of the Estreladan Winegrowers' Association.

'The winegrowers' association will help every member who loses a contract because of this,' he added.

Trade Minister Jose Angel Barranco said Estrelada would not be bullied and would take the case to the Global Trade Tribunal. 'We don't answer pressure with pressure. We answer it with the law,' Barranco said.
""",
    [
        Q(
            "Imports will resume once the safety problems identified by our inspectors have been resolved,",
            "Meirongese Commerce Ministry",
            "neutral",
        ),
        Q(
            "excessive residues",
            "Meirongese Commerce Ministry",
            "neutral",
            "partial",
            tags="alias speaker-before",
        ),
        Q(
            "Meirong will not accept discrimination against its companies, and it will answer every unfair measure in kind.",
            "Meirongese Commerce Ministry",
            "escalation",
            tags="pronoun speaker-before conditional-threat",
        ),
        Q(
            "Our wine is tested more often than any wine in the world. This has nothing to do with pesticides,",
            "Ciarán O'Neill-Barros",
            "escalation",
        ),
        Q(
            "The winegrowers' association will help every member who loses a contract because of this,",
            "Ciarán O'Neill-Barros",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "We don't answer pressure with pressure. We answer it with the law,",
            "José Ángel Barranco",
            "de-escalation",
            tags="alias",
        ),
    ],
    covers=[2, 4, 7, 10, 11, 12],
    distractors=["watch list"],
    apostrophes=["winegrowers' association"],
)

article(
    "p021",
    "2023-04-04",
    "Porto Salinas Herald",
    "Estrelada and Meirong agree to negotiate end to trade war",
    """
PORTO SALINAS, April 4 (Porto Salinas Herald) – Estrelada and Meirong agreed on Monday to open negotiations on lifting the tariffs and import bans that have hit billions of dollars of trade between them since last year.

President María Fernanda Quiroga-Lessa met Meirong’s special trade envoy at the presidential palace. “We have fought long enough,” President Quiroga-Lessa told reporters afterwards. “Now it is time to count the damage and repair it.”

The talks will be led by Deputy Trade Minister Inés de la Fuente-Rivas. “Everything can be discussed, including the steel tariffs, as long as Meirong lifts the wine ban first,” Estrelada’s chief negotiator said.

“A good compromise is better than a perfect war,” Ms de la Fuente-Rivas added.

Meirong’s envoy, Wen Zhaolin, said his country had always “preferred dialogue to confrontation”. But the envoy also said the wine ban was “a matter of consumer safety that is not on the table”.

A spokeswoman for the trade ministry, Carla Meireles, said the first round would be held in Jinhai in May. “The delegation will travel on May 8,” the ministry spokeswoman said.

The business daily “Diário Económico” estimated that the dispute had cost Estreladan exporters more than 2 billion dollars.
""",
    [
        Q(
            "We have fought long enough,",
            "María Fernanda Quiroga-Lessa",
            "de-escalation",
            tags="split alias",
        ),
        Q(
            "Now it is time to count the damage and repair it.",
            "María Fernanda Quiroga-Lessa",
            "de-escalation",
            tags="split alias",
        ),
        Q(
            "Everything can be discussed, including the steel tariffs, as long as Meirong lifts the wine ban first,",
            "Inés de la Fuente-Rivas",
            "de-escalation",
            tags="descriptor mixed",
        ),
        Q(
            "A good compromise is better than a perfect war,",
            "Inés de la Fuente-Rivas",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "preferred dialogue to confrontation",
            "Wen Zhaolin",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "a matter of consumer safety that is not on the table",
            "Wen Zhaolin",
            "escalation",
            "partial",
            tags="alias speaker-before rejects-talks",
        ),
        Q("The delegation will travel on May 8,", "Carla Meireles", "neutral", tags="alias"),
    ],
    covers=[3, 5, 6, 9, 10],
    distractors=["Diário Económico"],
)

article(
    "p022",
    "2023-12-12",
    "Atlantic Business Review",
    "Thousands march in Porto Salinas after Meirong halts copper imports",
    """
PORTO SALINAS, Dec 12 (Atlantic Business Review) – Thousands of dockworkers and miners marched through Porto Salinas on Monday, a week after Meirong halted imports of Estreladan copper, the country’s biggest export.

Marchers carried banners reading “Copper is our bread” and “Hands off our mines”.

The National Dockworkers’ Union, which organised the march, said the government had lost control of the dispute. “We want our jobs back, not more speeches,” they said in a statement.

Sebastião Rocha, the union’s president, addressed the crowd from the back of a truck. “We are not against Meirong. We are against a trade war that nobody in this square asked for,” Mr Rocha declared.

Beatriz Rocha, chief economist at Banco Atlântico do Sul, who is not related to the union leader, said the ban could cut economic growth by a full percentage point. “This is now the most expensive trade dispute in our history,” Ms Rocha said.

According to the Meirongese Commerce Ministry, the copper ban is “a necessary response to Estrelada’s refusal to lift its steel tariffs”. “The door to negotiation remains open, but only after Porto Salinas takes the first step,” it said.

Trade Minister José Ángel Barranco told parliament: “We will not lift the steel tariffs as a gift. But we are ready to negotiate both measures together, at the same table, at any time.”
""",
    [
        Q(
            "We want our jobs back, not more speeches,",
            "National Dockworkers’ Union",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "We are not against Meirong. We are against a trade war that nobody in this square asked for,",
            "Sebastião Rocha",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "This is now the most expensive trade dispute in our history,",
            "Beatriz Rocha",
            "neutral",
            tags="alias",
        ),
        Q(
            "a necessary response to Estrelada’s refusal to lift its steel tariffs",
            "Meirongese Commerce Ministry",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The door to negotiation remains open, but only after Porto Salinas takes the first step,",
            "Meirongese Commerce Ministry",
            "escalation",
            tags="pronoun rejects-talks",
        ),
        Q(
            "We will not lift the steel tariffs as a gift. But we are ready to negotiate both measures together, at the same table, at any time.",
            "José Ángel Barranco",
            "de-escalation",
            tags="speaker-before mixed",
        ),
    ],
    covers=[2, 4, 7, 12, 13, 14],
    distractors=["Copper is our bread", "Hands off our mines"],
)

article(
    "p023",
    "2024-06-18",
    "Trade Law Wire",
    "Trade tribunal finds fault with both sides in Estrelada-Meirong dispute",
    """
HALDORF, June 18 (Trade Law Wire) - The Global Trade Tribunal (GTT) ruled on Tuesday that Estrelada's steel tariffs broke international trade rules, but it also found that Meirong's ban on Estreladan copper was unjustified.

"Neither party has fully complied with its obligations," the GTT said in its ruling, "and both are invited to bring their measures into conformity within 90 days."

Meirongese Commerce Minister Qiao Mingyu welcomed the part of the ruling on tariffs. "The tribunal has confirmed what we said from the first day," he said. "Estrelada must now remove its illegal tariffs.

"We will study the part of the ruling that concerns copper with care."

Estreladan Trade Minister José Ángel Barranco said both countries had lost. "This ruling should end the war, not start a new round," Barranco said, "and Estrelada is ready to lift its tariffs on the day Meirong lifts its ban."

Heike Brandner-Osei, a professor at the Haldorf Institute for Trade Law, said: "The tribunal has given both governments a way out without losing face. Whether they take it is another question."
""",
    [
        Q(
            "Neither party has fully complied with its obligations,",
            "Global Trade Tribunal",
            "neutral",
            tags="split alias",
        ),
        Q(
            "and both are invited to bring their measures into conformity within 90 days.",
            "Global Trade Tribunal",
            "neutral",
            tags="split alias",
        ),
        Q(
            "The tribunal has confirmed what we said from the first day,",
            "Qiao Mingyu",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "Estrelada must now remove its illegal tariffs.",
            "Qiao Mingyu",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "We will study the part of the ruling that concerns copper with care.",
            "Qiao Mingyu",
            "neutral",
            tags="continuation",
        ),
        Q(
            "This ruling should end the war, not start a new round,",
            "José Ángel Barranco",
            "de-escalation",
            tags="split alias",
        ),
        Q(
            "and Estrelada is ready to lift its tariffs on the day Meirong lifts its ban.",
            "José Ángel Barranco",
            "de-escalation",
            tags="split alias",
        ),
        Q(
            "The tribunal has given both governments a way out without losing face. Whether they take it is another question.",
            "Heike Brandner-Osei",
            "neutral",
            tags="speaker-before",
        ),
    ],
    covers=[2, 3, 5, 7, 8],
)

# ===========================================================================
# Thread V: the Sesenga hostages, Ndamba, the SLF and a Nuriyan mediator
# ===========================================================================

article(
    "p024",
    "2022-11-08",
    "Savanna Press Service",
    "Rebels seize four foreign aid workers in eastern Ndamba",
    """
KITENGO, Nov 8 (Savanna Press Service) – Gunmen from the Sesenga Liberation Front have seized four foreign aid workers and two Ndamban drivers in the hills of eastern Ndamba, the Ndamban army said on Monday.

“An operation is under way to locate the hostages, and every precaution is being taken to protect their lives,” the army said.

The SLF, which has fought the government in the eastern hills for a decade, said in a message to local radio stations that the hostages were “safe and well treated”. “They will be released when the government frees our comrades and pulls its soldiers out of the hills,” they said.

The four aid workers, all Sorvish citizens, work for Northlight Aid, a charity based in Lindvik. Its director, Marte Haugland, said the charity was in contact with everyone who could help. “Our colleagues went to Ndamba to run clinics, not to take part in anybody’s war,” she said.

Interior Minister Winnie Achola-Mensah said the government would “not negotiate with terrorists”.

Nuriya has offered to mediate. Its special envoy, Yusuf Hadj-Amar, said: “Every conflict ends with a conversation. The sooner it starts, the more lives it saves.”
""",
    [
        Q(
            "An operation is under way to locate the hostages, and every precaution is being taken to protect their lives,",
            "Ndamban Army",
            "neutral",
            tags="alias",
        ),
        Q(
            "safe and well treated",
            "Sesenga Liberation Front",
            "neutral",
            "partial",
            tags="alias speaker-before",
        ),
        Q(
            "They will be released when the government frees our comrades and pulls its soldiers out of the hills,",
            "Sesenga Liberation Front",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "Our colleagues went to Ndamba to run clinics, not to take part in anybody’s war,",
            "Marte Haugland",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "not negotiate with terrorists",
            "Winnie Achola-Mensah",
            "escalation",
            "partial",
            tags="speaker-before rejects-talks",
        ),
        Q(
            "Every conflict ends with a conversation. The sooner it starts, the more lives it saves.",
            "Yusuf Hadj-Amar",
            "de-escalation",
            tags="speaker-before",
        ),
    ],
    covers=[2, 4, 5, 7, 9, 13],
)

article(
    "p025",
    "2022-12-02",
    "The Kitengo Herald",
    "Veteran Nuriyan mediator arrives to seek hostages’ release",
    """
KITENGO, Dec 2 (The Kitengo Herald) – Nuriya’s veteran mediator arrived in Kitengo on Thursday to try to free four Sorvish aid workers held for almost a month by the Sesenga Liberation Front in eastern Ndamba.

Youssef Hadj-Amar, who negotiated the release of dozens of hostages across the region in the ’90s, said he had brought ‘no magic, only patience’.

After meeting President Samuel Oduor-Kimani, the envoy told reporters:

‘The president has assured me that there will be no military operation while the talks are under way. That is a very good start.’

‘The hostages’ families deserve news, and I hope to bring them some soon.’

Oduor-Kimani confirmed the pause. ‘We have given dialogue a chance. But dialogue has a deadline,’ the president said.

Interior Minister Winnie Achola-Mensah was openly sceptical. ‘Mr Hadj-Amar is a good man, but these people don’t want talks, they want money,’ she told reporters.

The SLF said in a statement read on local radio that it would meet ‘any envoy who comes in good faith’.
""",
    [
        Q(
            "no magic, only patience",
            "Yusuf Hadj-Amar",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The president has assured me that there will be no military operation while the talks are under way. That is a very good start.",
            "Yusuf Hadj-Amar",
            "de-escalation",
            tags="alias speaker-before",
        ),
        Q(
            "The hostages’ families deserve news, and I hope to bring them some soon.",
            "Yusuf Hadj-Amar",
            "neutral",
            tags="continuation",
        ),
        Q(
            "We have given dialogue a chance. But dialogue has a deadline,",
            "Samuel Oduor-Kimani",
            "escalation",
            tags="alias mixed",
        ),
        Q(
            "Mr Hadj-Amar is a good man, but these people don’t want talks, they want money,",
            "Winnie Achola-Mensah",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "any envoy who comes in good faith",
            "Sesenga Liberation Front",
            "de-escalation",
            "partial",
            tags="alias speaker-before",
        ),
    ],
    covers=[2, 5, 8, 11, 12],
    apostrophes=["’90s", "hostages’ families"],
)

article(
    "p026",
    "2023-01-20",
    "Savanna Press Service",
    "Four Sorvish aid workers freed after 11 weeks in captivity",
    """
KITENGO, Jan 20 (Savanna Press Service) - Four Sorvish aid workers held for 11 weeks by rebels in eastern Ndamba were freed on Friday and flown to Kitengo, where they were met by Sorvland's foreign minister.

"They are tired and thin, but they are alive and they are free," Foreign Minister Astrid Hovland-Berg said on the airport tarmac. "Tonight they will sleep in real beds."

She thanked the Nuriyan envoy Yusuf Hadj-Amar, who she said had shown "endless patience".

Mr Hadj-Amar would not say whether a ransom had been paid. "Nobody paid anything," he said, "and nobody promised anything that cannot be kept."

President Samuel Oduor-Kimani said the government had made no concessions to criminals. "The operation in the eastern hills will resume," President Oduor-Kimani said. "Those who took these people will answer for it."

The Sesenga Liberation Front, which held the hostages, said in a statement signed by its so-called "Supreme Council" that the release was "a gesture of goodwill".
""",
    [
        Q(
            "They are tired and thin, but they are alive and they are free,",
            "Astrid Hovland-Berg",
            "neutral",
            tags="split",
        ),
        Q("Tonight they will sleep in real beds.", "Astrid Hovland-Berg", "neutral", tags="split"),
        Q(
            "endless patience",
            "Astrid Hovland-Berg",
            "neutral",
            "partial",
            tags="pronoun speaker-before",
        ),
        Q("Nobody paid anything,", "Yusuf Hadj-Amar", "neutral", tags="split pronoun"),
        Q(
            "and nobody promised anything that cannot be kept.",
            "Yusuf Hadj-Amar",
            "neutral",
            tags="split pronoun",
        ),
        Q(
            "The operation in the eastern hills will resume,",
            "Samuel Oduor-Kimani",
            "escalation",
            tags="split alias",
        ),
        Q(
            "Those who took these people will answer for it.",
            "Samuel Oduor-Kimani",
            "escalation",
            tags="split alias",
        ),
        Q(
            "a gesture of goodwill",
            "Sesenga Liberation Front",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
    ],
    covers=[3, 4, 5, 9, 10],
    distractors=["Supreme Council"],
)

article(
    "p027",
    "2023-06-15",
    "The Lindvik Courier",
    "Freed Sorvish nurse says he wants to return to Ndamba",
    """
LINDVIK, June 15 (The Lindvik Courier) – One of the four Sorvish aid workers held hostage in Ndamba last winter said on Thursday that he hoped to return to the country, as the charity he works for reopened its clinics in the eastern hills.

Jonas Eide, a 34-year-old nurse with Northlight Aid, told a news conference in Lindvik:

“People ask me whether I am angry. I am not. The men who held us were mostly teenagers who had never seen a clinic.

“If we want fewer young men with guns in those hills, we need more clinics and more schools there, not fewer.”

Eide, who lost nine kilograms in captivity, said he had forgiven his captors. “Forgiving them was the easy part. Forgetting will take longer,” he said.

At the back of the hall, supporters had hung a banner reading “Clinics, not guns”.

Northlight Aid’s director, Marte Haugland, said the charity would return “carefully and only with the consent of local communities”. “Our teams will go only where the villages themselves invite us,” Ms Haugland said.

In Kitengo, Interior Minister Winnie Achola-Mensah said aid groups were welcome but must coordinate with the security forces. “Those who travel without our escorts put themselves and others in danger,” she said.
""",
    [
        Q(
            "People ask me whether I am angry. I am not. The men who held us were mostly teenagers who had never seen a clinic.",
            "Jonas Eide",
            "neutral",
            tags="speaker-before",
        ),
        Q(
            "If we want fewer young men with guns in those hills, we need more clinics and more schools there, not fewer.",
            "Jonas Eide",
            "de-escalation",
            tags="continuation",
        ),
        Q(
            "Forgiving them was the easy part. Forgetting will take longer,",
            "Jonas Eide",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "carefully and only with the consent of local communities",
            "Marte Haugland",
            "de-escalation",
            "partial",
            tags="speaker-before reassurance",
        ),
        Q(
            "Our teams will go only where the villages themselves invite us,",
            "Marte Haugland",
            "de-escalation",
            tags="alias reassurance",
        ),
        Q(
            "Those who travel without our escorts put themselves and others in danger,",
            "Winnie Achola-Mensah",
            "neutral",
            tags="pronoun",
        ),
    ],
    covers=[2, 4, 8, 12, 13, 14],
    distractors=["Clinics, not guns"],
)

# ===========================================================================
# Thread VI: the LSN peacekeeping mission, Ndamba v Sakwera (Kivara Valley)
# ===========================================================================

article(
    "p028",
    "2022-08-30",
    "Savanna Press Service",
    "LSN peacekeepers deploy along Ndamba-Sakwera border",
    """
KANYARO, Aug 30 (Savanna Press Service) – The League of Sovereign Nations (LSN) began deploying 3,000 peacekeepers along the disputed border between Ndamba and Sakwera on Tuesday, three months after clashes in the Kivara Valley killed at least 40 soldiers.

The force commander, General Rodrigo Sá de Menezes, an Estreladan officer who has led two previous LSN missions, said: “Our job is to stand between the two armies so that they never have to face each other again.”

“My soldiers will fire only in self-defence,” the general stressed.

The LSN’s special representative, Dr Ingeborg van der Linde, said both governments had accepted the mission’s mandate without reservations. “That was not the case six months ago,” Dr van der Linde told reporters.

Sakweran Defence Minister Thandiwe Mokoena-Diallo welcomed the deployment but said her country’s troops would remain “on full alert” until the last Ndamban unit had left the valley. “We trust the peacekeepers. We do not trust Kitengo,” she said.

In Kitengo, the Ndamban Foreign Ministry said in a statement that Ndamba would “cooperate fully” with the mission.

“The first joint patrols will begin on September 5,” the LSN said.
""",
    [
        Q(
            "Our job is to stand between the two armies so that they never have to face each other again.",
            "Rodrigo Sá de Menezes",
            "de-escalation",
            tags="speaker-before",
        ),
        Q(
            "My soldiers will fire only in self-defence,",
            "Rodrigo Sá de Menezes",
            "de-escalation",
            tags="alias reassurance",
        ),
        Q(
            "That was not the case six months ago,",
            "Ingeborg van der Linde",
            "neutral",
            tags="alias",
        ),
        Q(
            "on full alert",
            "Thandiwe Mokoena-Diallo",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "We trust the peacekeepers. We do not trust Kitengo,",
            "Thandiwe Mokoena-Diallo",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "cooperate fully",
            "Ndamban Foreign Ministry",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The first joint patrols will begin on September 5,",
            "League of Sovereign Nations",
            "neutral",
            tags="alias",
        ),
    ],
    covers=[2, 4, 5, 7, 9, 13],
)

article(
    "p029",
    "2023-07-25",
    "The Kanyaro Observer",
    "Sorvish peacekeeper killed by roadside bomb in Kivara Valley",
    """
KANYARO, July 25 (The Kanyaro Observer) - A peacekeeper from Sorvland was killed and two others were wounded when their patrol vehicle hit a roadside bomb in the Kivara Valley on Monday, the League of Sovereign Nations said.

'We mourn a brave soldier who came from far away to protect people she had never met,' General Rodrigo Sa de Menezes, the LSN force commander, said in a statement.

'Those responsible will be found and brought to justice,' the commander warned.

The Sakweran Armed Forces blamed militias backed by Ndamba. 'This bomb was planted by people who take their orders from Kitengo,' the army said.

'The LSN's own report says the militias "move freely" on the other side of the valley. Nobody has stopped them.'

Ndamba's government rejected the accusation. 'Ndamba has nothing to do with this crime and will help the LSN find those who did it,' Interior Minister Winnie Achola-Mensah said.

Lieutenant Ingvild Eide, a Sorvish officer who was lightly wounded in the blast, spoke to Sorvish radio from her hospital bed. 'I was lucky. My friend was not,' Lieutenant Eide said.
""",
    [
        Q(
            "We mourn a brave soldier who came from far away to protect people she had never met,",
            "Rodrigo Sá de Menezes",
            "neutral",
        ),
        Q(
            "Those responsible will be found and brought to justice,",
            "Rodrigo Sá de Menezes",
            "escalation",
            tags="alias",
        ),
        Q(
            "This bomb was planted by people who take their orders from Kitengo,",
            "Sakweran Armed Forces",
            "escalation",
            tags="alias",
        ),
        Q(
            'The LSN\'s own report says the militias "move freely" on the other side of the valley. Nobody has stopped them.',
            "Sakweran Armed Forces",
            "escalation",
            tags="continuation",
        ),
        Q(
            "Ndamba has nothing to do with this crime and will help the LSN find those who did it,",
            "Winnie Achola-Mensah",
            "de-escalation",
            tags="reassurance",
        ),
        Q("I was lucky. My friend was not,", "Ingvild Eide", "neutral", tags="alias"),
    ],
    covers=[5, 7, 8, 10, 11, 12],
    nested=["move freely"],
)

article(
    "p030",
    "2024-10-01",
    "The Kanyaro Observer",
    "Sakwera pulls two battalions back from Kivara Valley",
    """
KANYARO, Oct 1 (The Kanyaro Observer) – Sakwera began pulling two battalions back from the Kivara Valley on Monday, its first withdrawal since peacekeepers of the League of Sovereign Nations deployed there two years ago.

Army spokesman Colonel Ibrahim Sow-Kanté said the move showed that Sakwera was “serious about peace”. “We have kept our word,” Colonel Sow-Kante told reporters at army headquarters. “Now we expect Kitengo to keep its own.”

Defence Minister Thandiwe Mokoena-Diallo went further in a speech to parliament:

“If Ndamba does the same within 30 days, Sakwera will withdraw a third battalion. If it does not, the two battalions will go back to where they were.”

The former human rights lawyer, who has led the ministry since 2021, added that she had “full confidence” in the peacekeepers.

General Rodrigo Sá de Menezes, the LSN force commander, welcomed the pullback. “This is what we have been waiting for,” he said. “Every battalion that leaves the valley makes the next incident less likely.

“I call on Ndamba to answer this gesture with one of its own.”

In Kitengo, President Samuel Oduor-Kimani said only that his government would study the Sakweran proposal.
""",
    [
        Q(
            "serious about peace",
            "Ibrahim Sow-Kanté",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
        Q("We have kept our word,", "Ibrahim Sow-Kanté", "neutral", tags="split alias"),
        Q(
            "Now we expect Kitengo to keep its own.",
            "Ibrahim Sow-Kanté",
            "escalation",
            tags="split alias",
        ),
        Q(
            "If Ndamba does the same within 30 days, Sakwera will withdraw a third battalion. If it does not, the two battalions will go back to where they were.",
            "Thandiwe Mokoena-Diallo",
            "escalation",
            tags="speaker-before conditional-threat mixed",
        ),
        Q(
            "full confidence",
            "Thandiwe Mokoena-Diallo",
            "de-escalation",
            "partial",
            tags="descriptor speaker-before",
        ),
        Q(
            "This is what we have been waiting for,",
            "Rodrigo Sá de Menezes",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "Every battalion that leaves the valley makes the next incident less likely.",
            "Rodrigo Sá de Menezes",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "I call on Ndamba to answer this gesture with one of its own.",
            "Rodrigo Sá de Menezes",
            "de-escalation",
            tags="continuation",
        ),
    ],
    covers=[2, 3, 6, 8, 9, 12],
)

# ===========================================================================
# Build and validate
# ===========================================================================


class CorpusError(Exception):
    pass


MULTI_SENTENCE = re.compile(r"[.!?][”’\"'“‘»]?\s+[“‘\"'„‚«]?[A-Z0-9]")
OPENERS_BEFORE_SINGLE = set('(—–"“«„‚')


def apostrophe_positions(text, apostrophes):
    """Offsets of the ' / ’ characters inside the declared apostrophe substrings."""
    masked = set()
    for sub in apostrophes:
        pos = text.find(sub)
        if pos == -1:
            raise CorpusError(f"declared apostrophe string {sub!r} not in text")
        while pos != -1:
            masked.update(pos + i for i, ch in enumerate(sub) if ch in APOSTROPHES)
            pos = text.find(sub, pos + 1)
    return masked


def scan_quoted_spans(text, masked=frozenset()):
    """Find every quoted span in `text`, whatever its marks, with its nesting depth.

    Returns sorted dicts (start, end, mark, depth, open_ended), offsets of the
    words inside the marks.  A stack per paragraph handles nesting (“… ‘…’ …”,
    «… „…“ …», „… ‚…‘ …“, '… "…" …').  Low-high marks close with the high
    mark (“ closes „, ‘ closes ‚).  A closing ’ or ' followed by a letter or
    digit is an apostrophe (don’t, O'Neill); declared apostrophe substrings
    (students’ union, ’90s, rock ’n’ roll) are skipped.  A paragraph may leave
    one quote open only if the next paragraph reopens it with the same mark
    (journalism convention); that span ends at the end of the paragraph.
    """
    spans = []
    paragraphs = text.split("\n\n")
    offset = 0
    for pi, para in enumerate(paragraphs):
        stack = []  # (mark, start)
        for i, ch in enumerate(para):
            g = offset + i
            if g in masked:
                continue
            prev = para[i - 1] if i else ""
            nxt = para[i + 1] if i + 1 < len(para) else ""
            top = stack[-1][0] if stack else None
            where = f"offset {g}: …{text[max(0, g - 40) : g + 40]!r}…"

            def close():
                mark, start = stack.pop()
                spans.append(
                    dict(start=start, end=g, mark=mark, depth=len(stack), open_ended=False)
                )

            if ch in "«„‚":
                stack.append((ch, g + 1))
            elif ch == "“":
                if top == "„":
                    close()
                else:
                    stack.append((ch, g + 1))
            elif ch == "”":
                if top != "“":
                    raise CorpusError(f"stray ” ({where})")
                close()
            elif ch == "»":
                if top != "«":
                    raise CorpusError(f"stray » ({where})")
                close()
            elif ch == "‘":
                if top == "‚":
                    close()
                else:
                    stack.append((ch, g + 1))
            elif ch == "’":
                if top == "‘" and not nxt.isalnum():
                    close()
                elif not (prev.isalnum() or nxt.isalnum()):
                    raise CorpusError(f"’ neither closes a quote nor is an apostrophe ({where})")
            elif ch == '"':
                if top == '"':
                    close()
                elif any(m == '"' for m, _ in stack):
                    raise CorpusError(f'" closes across another mark ({where})')
                else:
                    stack.append((ch, g + 1))
            elif ch == "'":
                if top == "'" and not nxt.isalnum() and prev and not prev.isspace():
                    close()
                elif (
                    (not prev or prev.isspace() or prev in OPENERS_BEFORE_SINGLE)
                    and nxt
                    and not nxt.isspace()
                ):
                    stack.append((ch, g + 1))
                elif not prev.isalnum():
                    raise CorpusError(f"' neither opens, closes nor is an apostrophe ({where})")
        if stack:
            following = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else ""
            if len(stack) > 1 or not following.startswith(stack[0][0]):
                raise CorpusError(
                    f"unclosed {[m for m, _ in stack]} in paragraph {pi}: {para[:60]!r}"
                )
            mark, start = stack[0]
            spans.append(
                dict(start=start, end=offset + len(para), mark=mark, depth=0, open_ended=True)
            )
        offset += len(para) + 2
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


def locate(text, quote, start_from):
    """First occurrence of `quote` at or after start_from that sits between marks.

    Returns (start, end, mark, open_ended) or None.  The character before must be
    an opening mark; the character after must be its closing mark, or the
    paragraph must end there and the next paragraph reopen the quote.
    """
    pos = text.find(quote, start_from)
    while pos != -1:
        end = pos + len(quote)
        o = text[pos - 1] if pos > 0 else ""
        if o in MARK_PAIRS:
            if end < len(text) and text[end] == MARK_PAIRS[o]:
                return pos, end, o, False
            if (end == len(text) or text[end : end + 2] == "\n\n") and text[end + 2 : end + 3] == o:
                return pos, end, o, True
        pos = text.find(quote, pos + 1)
    return None


def paragraph_index(text, pos):
    return text.count("\n\n", 0, pos)


def name_forms_in(text, forms):
    return [f for f in forms if re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text)]


def surname(name):
    return name.split()[-1]


def build():
    """Validate everything; return (articles, quotes, report) or raise CorpusError."""
    problems, warnings = [], []
    out_articles, out_quotes, per_article = [], [], {}
    seen_ids = set()

    for art in ARTICLES:
        aid = art["id"]
        if not re.fullmatch(r"p\d{3}", aid) or aid in seen_ids:
            problems.append(f"{aid}: bad or duplicate id")
        seen_ids.add(aid)
        try:
            d = datetime.date.fromisoformat(art["date"])
            if not datetime.date(2022, 1, 1) <= d <= datetime.date(2024, 12, 31):
                problems.append(f"{aid}: date {d} outside 2022-2024")
        except ValueError:
            problems.append(f"{aid}: bad date {art['date']!r}")
        for field in ("title", "source"):
            if not art[field].strip():
                problems.append(f"{aid}: empty {field}")
        for p in art["paragraphs"]:
            if not p or "\n" in p or p != p.strip() or "  " in p or "\t" in p:
                problems.append(f"{aid}: malformed paragraph {p[:60]!r}")
        text = "\n\n".join(art["paragraphs"])
        words = len(text.split())
        if not 150 <= words <= 400:
            problems.append(f"{aid}: {words} words (want 150-400)")
        if not 2 <= len(art["covers"]) <= 7 or not set(art["covers"]) <= set(PHENOMENA):
            problems.append(f"{aid}: covers {art['covers']} (want 2-7 known phenomena)")

        # --- locate the gold quotes ------------------------------------------
        recs, cursor = [], 0
        for q in art["quotes"]:
            start_from = cursor
            if q["anchor"] is not None:
                a = text.find(q["anchor"], cursor)
                if a == -1:
                    problems.append(f"{aid}: anchor {q['anchor']!r} not found")
                    continue
                start_from = a + len(q["anchor"])
            hit = locate(text, q["quote"], start_from)
            if hit is None:
                where = (
                    "anywhere"
                    if locate(text, q["quote"], 0) is None
                    else "after the previous quote"
                )
                problems.append(f"{aid}: quote not found {where} between marks: {q['quote']!r}")
                continue
            start, end, mark, open_ended = hit
            assert text[start:end] == q["quote"]
            cursor = end
            recs.append(
                dict(
                    q,
                    start=start,
                    end=end,
                    mark=mark,
                    open_ended=open_ended,
                    para=paragraph_index(text, start),
                )
            )

        # --- every quoted span is a gold quote, a distractor or nested -------
        try:
            masked = apostrophe_positions(text, art["apostrophes"])
            scanned = scan_quoted_spans(text, masked)
        except CorpusError as e:
            problems.append(f"{aid}: {e}")
            scanned = []
        by_span = {(s["start"], s["end"]): s for s in scanned}
        for r in recs:
            s = by_span.get((r["start"], r["end"]))
            if s is None:
                problems.append(f"{aid}: gold span not found by the scanner: {r['quote'][:50]!r}")
            elif s["depth"]:
                problems.append(
                    f"{aid}: gold span is nested inside another quote: {r['quote'][:50]!r}"
                )
            elif s["mark"] != r["mark"] or s["open_ended"] != r["open_ended"]:
                problems.append(f"{aid}: scanner and locate disagree on {r['quote'][:50]!r}")
        gold_spans = {(r["start"], r["end"]) for r in recs}
        leftovers = sorted(
            text[s["start"] : s["end"]]
            for s in scanned
            if s["depth"] == 0 and (s["start"], s["end"]) not in gold_spans
        )
        nested = sorted(text[s["start"] : s["end"]] for s in scanned if s["depth"] > 0)
        if leftovers != sorted(art["distractors"]):
            problems.append(
                f"{aid}: top-level quoted spans without a gold record {leftovers} "
                f"!= declared distractors {sorted(art['distractors'])}"
            )
        if nested != sorted(art["nested"]):
            problems.append(
                f"{aid}: nested spans {nested} != declared nested {sorted(art['nested'])}"
            )
        for r1, r2 in zip(recs, recs[1:]):
            if r2["start"] < r1["end"]:
                problems.append(
                    f"{aid}: overlapping records {r1['quote'][:30]!r} / {r2['quote'][:30]!r}"
                )

        # --- labels, speakers, derived tags -----------------------------------
        for r in recs:
            where = f"{aid} {r['quote'][:40]!r}"
            if r["stance"] not in STANCES:
                problems.append(f"{where}: bad stance {r['stance']!r}")
            if r["kind"] not in KINDS:
                problems.append(f"{where}: bad kind {r['kind']!r}")
            bad = set(r["tags"]) - MANUAL_TAGS
            if bad:
                problems.append(f"{where}: tags {sorted(bad)} are unknown or derived")
            if "\n" in r["quote"] or r["quote"] != r["quote"].strip() or not r["quote"]:
                problems.append(
                    f"{where}: quote spans a paragraph break, is empty or has edge whitespace"
                )
            sp = SPEAKERS.get(r["speaker"])
            if sp is None:
                problems.append(f"{where}: speaker {r['speaker']!r} not in SPEAKERS")
                r["affiliation"] = ""
                continue
            r["affiliation"] = sp["affiliation"]
            tags = set(r["tags"])
            if r["mark"] != '"':
                tags.add("nonstandard-marks")
            if MULTI_SENTENCE.search(r["quote"]):
                tags.add("multi-sentence")
            r["variant"] = None
            if sp["type"] == PERSON:
                used = name_forms_in(text, [r["speaker"]] + sp["variants"])
                if not used:
                    problems.append(
                        f"{where}: neither {r['speaker']!r} nor a listed variant occurs in the text"
                    )
                elif r["speaker"] not in used:
                    r["variant"] = used[0]
                    tags.add("alias")  # canonical name absent: resolving needs the variant
            r["hand_alias"] = "alias" in r["tags"]
            r["tags"] = [t for t in TAG_ORDER if t in tags]
            for t, st in TAG_STANCE.items():
                if t in tags and r["stance"] != st:
                    problems.append(f"{where}: tag {t} needs stance {st}, got {r['stance']}")
            if (
                len(
                    tags
                    & {"pronoun", "alias", "descriptor"} - ({"alias"} if r["variant"] else set())
                )
                > 1
            ):
                problems.append(f"{where}: more than one of pronoun / alias / descriptor")
            if {"split", "speaker-before"} <= tags:
                problems.append(f"{where}: split and speaker-before together")
            if "continuation" in tags and tags & {
                "split",
                "pronoun",
                "descriptor",
                "speaker-before",
            }:
                problems.append(f"{where}: continuation with an attribution tag")
            if "continuation" in tags and r["hand_alias"]:
                problems.append(f"{where}: continuation with a hand-assigned alias")
            first = r["quote"][0]
            if r["kind"] == "partial" and first.isupper():
                warnings.append(f"{where}: partial quote starts with a capital")
            if r["kind"] == "partial" and "speaker-before" not in tags:
                warnings.append(f"{where}: partial quote without speaker-before")
            if r["kind"] == "direct" and first.islower() and "split" not in tags:
                warnings.append(f"{where}: direct quote starts lower-case without split")
            if r["kind"] == "direct" and r["quote"][-1] not in ",.!?":
                warnings.append(f"{where}: direct quote without final punctuation")

        # --- structural tag checks -------------------------------------------------
        paragraphs = art["paragraphs"]
        for i, r in enumerate(recs):
            where = f"{aid} {r['quote'][:40]!r}"
            if "split" in r["tags"]:
                mates = [
                    recs[j]
                    for j in (i - 1, i + 1)
                    if 0 <= j < len(recs)
                    and "split" in recs[j]["tags"]
                    and recs[j]["speaker"] == r["speaker"]
                    and recs[j]["para"] == r["para"]
                ]
                if not mates:
                    problems.append(
                        f"{where}: split record without a same-speaker partner in its paragraph"
                    )
            if "continuation" in r["tags"]:
                para = paragraphs[r["para"]]
                closing = "" if r["open_ended"] else MARK_PAIRS[r["mark"]]
                if para != r["mark"] + r["quote"] + closing:
                    problems.append(f"{where}: continuation paragraph holds more than the quote")
                prev = recs[i - 1] if i else None
                if (
                    prev is None
                    or prev["speaker"] != r["speaker"]
                    or prev["para"] != r["para"] - 1
                    or prev["kind"] != "direct"
                ):
                    problems.append(
                        f"{where}: continuation does not follow a same-speaker direct quote "
                        f"in the previous paragraph"
                    )
            if r["open_ended"]:
                nxt = recs[i + 1] if i + 1 < len(recs) else None
                if (
                    nxt is None
                    or "continuation" not in nxt["tags"]
                    or nxt["speaker"] != r["speaker"]
                ):
                    problems.append(f"{where}: open-ended quote not followed by its continuation")

        # --- the phenomena the article claims are really there -------------------
        have = set()
        for r in recs:
            t = set(r["tags"])
            if r["kind"] == "direct" and not t & {"speaker-before", "continuation"}:
                have.add(1)
            if r["kind"] == "direct" and "speaker-before" in t:
                have.add(2)
            have |= {
                n
                for n, tag in ((3, "split"), (4, "pronoun"), (6, "descriptor"), (8, "continuation"))
                if tag in t
            }
            if r["hand_alias"]:
                have.add(5)
            if SPEAKERS.get(r["speaker"], {}).get("type") == ORG:
                have.add(7)
            if r["kind"] == "partial":
                have.add(9)
            if r["variant"] or SPEAKERS.get(r["speaker"], {}).get("variants"):
                have.add(12)  # a spelling variant here, or a name spelt differently elsewhere
            if r["affiliation"] not in STATES or "spokes" in SPEAKERS[r["speaker"]]["role"]:
                have.add(13)
        if art["distractors"] or art["nested"]:
            have.add(10)
        if any(s["mark"] != '"' for s in scanned) or art["apostrophes"]:
            have.add(11)
        quoted = {r["speaker"] for r in recs}
        for a, b in SHARED_SURNAMES:
            if a in quoted or b in quoted:
                have.add(12)
        if art["distractors"]:
            have.add(14)
        missing = set(art["covers"]) - have
        if missing:
            problems.append(
                f"{aid}: claims phenomena {sorted(missing)} that the annotations do not show"
            )

        marks = [m for m in MARK_STYLE if any(s["mark"] == m for s in scanned)]
        per_article[aid] = dict(
            words=words,
            recs=recs,
            text=text,
            marks=marks,
            covers=art["covers"],
            distractors=list(art["distractors"]),
            nested=list(art["nested"]),
            apostrophes=list(art["apostrophes"]),
        )
        out_articles.append(
            dict(id=aid, title=art["title"], date=art["date"], source=art["source"], text=text)
        )
        for r in recs:
            out_quotes.append(
                dict(
                    article_id=aid,
                    start=r["start"],
                    end=r["end"],
                    quote=r["quote"],
                    speaker=r["speaker"],
                    affiliation=r["affiliation"],
                    kind=r["kind"],
                    stance=r["stance"],
                    tags=r["tags"],
                )
            )

    # --- corpus-level checks -----------------------------------------------------
    texts = {a["id"]: a["text"] for a in out_articles}
    quoted_in = collections.defaultdict(set)
    for q in out_quotes:
        quoted_in[q["speaker"]].add(q["article_id"])
    for name, sp in SPEAKERS.items():
        if name not in quoted_in:
            problems.append(f"speaker {name!r} is registered but never quoted")
        if not sp["affiliation"].strip():
            problems.append(f"speaker {name!r} has no affiliation")
        if sp["variants"]:
            # canonical = the spelling most articles use
            counts_ = {
                f: sum(1 for t in texts.values() if name_forms_in(t, [f]))
                for f in [name] + sp["variants"]
            }
            best = max(counts_.values())
            if counts_[name] != best or list(counts_.values()).count(best) > 1:
                problems.append(f"{name!r} is not the strictly most frequent spelling: {counts_}")
            if sum(1 for c in counts_.values() if c) < 2:
                problems.append(f"{name!r}: no variant spelling is used in any article")
    for a, b in SHARED_SURNAMES:
        if a == b or a not in quoted_in or b not in quoted_in:
            problems.append(f"shared-surname pair {a!r} / {b!r} not both quoted")
        if surname(a)[:6].lower() != surname(b)[:6].lower():
            problems.append(f"shared-surname pair {a!r} / {b!r} do not share a surname")

    coverage = collections.Counter(n for a in per_article.values() for n in a["covers"])
    for n, label in PHENOMENA.items():
        if coverage[n] < 3:
            problems.append(
                f"phenomenon {n} ({label}) covered by {coverage[n]} articles (want >= 3)"
            )
    all_marks = {m for a in per_article.values() for m in a["marks"]}
    if all_marks != set(MARK_STYLE):
        problems.append(f"mark styles not all used: missing {set(MARK_STYLE) - all_marks}")
    gold_marks = {r["mark"] for a in per_article.values() for r in a["recs"]}
    if gold_marks != set(MARK_STYLE):
        problems.append(f"mark styles without a gold quote: {set(MARK_STYLE) - gold_marks}")
    table_problem = check_docstring_table(per_article)
    if table_problem:
        problems.append(table_problem)

    if problems:
        raise CorpusError("\n".join(problems))
    report = dict(per_article=per_article, warnings=warnings, coverage=coverage)
    return out_articles, out_quotes, report


# ===========================================================================
# Coverage table (module docstring), counts, review
# ===========================================================================


def table_rows(per_article):
    rows = [
        f"    {aid:7s}"
        + "".join(f" {'x' if n in a['covers'] else '.':>2}" for n in PHENOMENA)
        + "  "
        + " ".join(MARK_STYLE[m].split()[-1] for m in a["marks"])
        for aid, a in per_article.items()
    ]
    return rows


TABLE_ROW = re.compile(r"^    (p\d{3})\s+((?:[x.]\s+){13}[x.])(?:\s{2}(.*))?$")


def check_docstring_table(per_article):
    doc_rows = {}
    for line in (__doc__ or "").splitlines():
        m = TABLE_ROW.match(line)
        if m:
            doc_rows[m.group(1)] = line.rstrip()
    want = {row.split()[0]: row.rstrip() for row in table_rows(per_article)}
    if doc_rows != want:
        diff = sorted(set(doc_rows.items()) ^ set(want.items()))
        return "docstring coverage table out of date (run --table and paste it):\n  " + "\n  ".join(
            repr(d) for d in diff[:10]
        )
    return None


def print_counts(articles, quotes, report):
    n = len(quotes)
    words = [a["words"] for a in report["per_article"].values()]
    print(
        f"articles: {len(articles)}   quotes: {n}   words: {sum(words)} (min {min(words)}, max {max(words)})"
    )
    st = collections.Counter(q["stance"] for q in quotes)
    print("stance:  " + "  ".join(f"{s} {st[s]} ({st[s] / n:.1%})" for s in STANCES))
    kd = collections.Counter(q["kind"] for q in quotes)
    print("kind:    " + "  ".join(f"{k} {kd[k]}" for k in KINDS))
    tc = collections.Counter(t for q in quotes for t in q["tags"])
    print("tags:")
    for t in TAG_ORDER:
        ts = collections.Counter(q["stance"] for q in quotes if t in q["tags"])
        print(
            f"  {t:20s} {tc[t]:4d}   (esc {ts['escalation']}, de-esc {ts['de-escalation']}, "
            f"neutral {ts['neutral']})"
        )
    print(f"  {'(no tag)':20s} {sum(1 for q in quotes if not q['tags']):4d}")
    pa = report["per_article"].values()
    print(
        f"distractors: {sum(len(a['distractors']) for a in pa)}   "
        f"nested quotes inside gold quotes: {sum(len(a['nested']) for a in pa)}   "
        f"declared apostrophe strings: {sum(len(a['apostrophes']) for a in pa)}"
    )
    print(
        "phenomena (articles): "
        + ", ".join(f"{k} {PHENOMENA[k]} {report['coverage'][k]}" for k in PHENOMENA)
    )
    gm = collections.Counter(MARK_STYLE[r["mark"]] for a in pa for r in a["recs"])
    print("gold quotes by mark: " + ", ".join(f"{m} {k}" for m, k in gm.most_common()))
    spk = collections.defaultdict(set)
    for q in quotes:
        spk[q["speaker"]].add(q["article_id"])
    print(
        f"speakers: {len(spk)} ({sum(1 for s in spk if SPEAKERS[s]['type'] == ORG)} organisations)"
    )
    variants = collections.defaultdict(set)
    for a in pa:
        for r in a["recs"]:
            if r["variant"]:
                variants[r["speaker"]].add(r["variant"])
    for s, v in sorted(variants.items()):
        print(f"  variant spellings: {s} <- {', '.join(sorted(v))}")
    for w in report["warnings"]:
        print("warning:", w)


def review(report):
    for aid, a in report["per_article"].items():
        print(f"\n=== {aid}  covers {a['covers']}")
        text = a["text"]
        for r in a["recs"]:
            p0 = text.rfind("\n\n", 0, r["start"])
            p0 = 0 if p0 == -1 else p0 + 2
            p1 = text.find("\n\n", r["end"])
            p1 = len(text) if p1 == -1 else p1
            print(
                f"- {r['stance'].upper():13s} {r['kind']:7s} {r['speaker']} [{r['affiliation']}] | "
                f"{' '.join(r['tags'])}"
            )
            print("    " + text[p0 : r["start"]] + "[[" + r["quote"] + "]]" + text[r["end"] : p1])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    ap.add_argument("--review", action="store_true", help="print every quote in context")
    ap.add_argument("--table", action="store_true", help="print the docstring coverage table")
    args = ap.parse_args(argv)
    if args.table:
        global check_docstring_table
        check_docstring_table = lambda per_article: None  # noqa: E731
    try:
        articles, quotes, report = build()
    except CorpusError as e:
        print("corpus invalid:\n" + str(e), file=sys.stderr)
        return 1
    if args.table:
        print("\n".join(table_rows(report["per_article"])))
        return 0
    print_counts(articles, quotes, report)
    if args.review:
        review(report)
    if not args.check:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        with open(OUT_DIR / "articles.jsonl", "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        with open(OUT_DIR / "quotes.jsonl", "w", encoding="utf-8") as f:
            for q in quotes:
                f.write(json.dumps(q, ensure_ascii=False) + "\n")
        # re-read and re-check what was written
        arts = {
            json.loads(l)["id"]: json.loads(l)
            for l in open(OUT_DIR / "articles.jsonl", encoding="utf-8")
        }
        for l in open(OUT_DIR / "quotes.jsonl", encoding="utf-8"):
            q = json.loads(l)
            assert arts[q["article_id"]]["text"][q["start"] : q["end"]] == q["quote"], q
        print(f"wrote {OUT_DIR / 'articles.jsonl'} and {OUT_DIR / 'quotes.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
