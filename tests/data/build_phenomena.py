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
COVERAGE_TABLE
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
    "split", "continuation", "pronoun", "alias", "descriptor", "speaker-before",
    "nonstandard-marks", "multi-sentence", "rejects-talks", "conditional-threat",
    "reassurance", "mixed",
)
DERIVED_TAGS = {"nonstandard-marks", "multi-sentence"}
MANUAL_TAGS = set(TAG_ORDER) - DERIVED_TAGS
TAG_STANCE = {
    "rejects-talks": "escalation",
    "conditional-threat": "escalation",
    "reassurance": "de-escalation",
}

PHENOMENA = {
    1: "speaker after", 2: "speaker before", 3: "split", 4: "pronoun", 5: "alias",
    6: "descriptor", 7: "organisation", 8: "continuation", 9: "partial",
    10: "distractor", 11: "marks", 12: "variants/surnames", 13: "affiliation",
    14: "unattributed",
}

# Opening mark -> closing mark.  Low-high marks close with the high mark.
MARK_PAIRS = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'", "„": "“", "‚": "‘"}
MARK_STYLE = {
    '"': 'straight double "…"', "“": "curly double “…”", "'": "straight single '…'",
    "‘": "curly single ‘…’", "«": "guillemets «…»", "„": "low-high „…“", "‚": "low-high single ‚…‘",
}
APOSTROPHES = "'’"

# ---------------------------------------------------------------------------
# Speakers: canonical name -> affiliation
# ---------------------------------------------------------------------------

PERSON, ORG = "person", "organisation"
SPEAKERS: dict[str, dict] = {}

STATES = {"Sorvland", "Velichia", "Ishima", "Meirong", "Nuriya", "Tazrit",
          "Estrelada", "Ndamba", "Sakwera"}


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
speaker("Bohdan Verbytskyy", "Velichia", "Defence Minister",
        variants=["Bohdan Verbytskiy", "Bohdan Verbytsky"])
speaker("Dmitriy Zhuravkin", "Velichia", "presidential spokesman",
        variants=["Dmitry Zhuravkin", "Dmitri Zhuravkin"])
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
speaker("Mohammed al-Nahrawi", "Nuriya", "Energy Minister",
        variants=["Mohamed al-Nahrawi", "Muhammad al-Nahrawi"])
speaker("Samir al-Tahan", "Nuriya", "Foreign Minister")
speaker("Yusuf Hadj-Amar", "Nuriya", "special envoy, mediator", variants=["Youssef Hadj-Amar"])
speaker("Rania al-Tahan", "Warm Homes Nuriya", "campaigner (not the minister)")
# --- Tazrit (capital Amzaourou) -------------------------------------------------
speaker("Amina Oubella", "Tazrit", "Prime Minister")
speaker("Karim Ait-Lhaj", "Tazrit", "Energy Minister")
speaker("Tazriti Energy Ministry", "Tazrit", "ministry", ORG)
# --- Pipeline operator and energy analysts ---------------------------------------
speaker("Transarid Pipeline Company", "Transarid Pipeline Company", "pipeline operator", ORG)
speaker("Katrin Müller-Osterwald", "Transarid Pipeline Company", "chief executive",
        variants=["Katrin Mueller-Osterwald"])
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
speaker("League of Sovereign Nations", "League of Sovereign Nations", "international organisation", ORG)
speaker("Rodrigo Sá de Menezes", "League of Sovereign Nations", "General, LSN force commander",
        variants=["Rodrigo Sa de Menezes"])
speaker("Ingeborg van der Linde", "League of Sovereign Nations", "special representative")
speaker("Ingvild Eide", "League of Sovereign Nations", "peacekeeper (not the nurse)")

# Different people who share a surname: they must stay different speakers.
SHARED_SURNAMES = [
    ("Yelena Dobrovskaya", "Pavel Dobrovsky"),      # same article (p005)
    ("Eirik Solvang", "Marit Solvang"),             # same article (p008), across articles
    ("Kenta Arakawa", "Yoko Arakawa"),              # same article (p012)
    ("Samir al-Tahan", "Rania al-Tahan"),           # same article (p016)
    ("Sebastião Rocha", "Beatriz Rocha"),           # same article (p022), across articles
    ("Jonas Eide", "Ingvild Eide"),                 # across articles (p027, p029)
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
    return dict(quote=quote, speaker=speaker, stance=stance, kind=kind, tags=tags.split(), anchor=anchor)


def article(id, date, source, title, body, quotes, covers, distractors=(), nested=(), apostrophes=()):
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
    ARTICLES.append(dict(id=id, date=date, source=source, title=title, paragraphs=paragraphs,
                         quotes=quotes, covers=sorted(covers), distractors=list(distractors),
                         nested=list(nested), apostrophes=list(apostrophes)))


