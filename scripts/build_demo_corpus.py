#!/usr/bin/env python3
"""Build and validate the stancelab demo corpus (the Kelvra dispute).

The demo corpus is a small, fully constructed gold corpus bundled with the
package: 18 wire-style articles (2023-2025) on one running dispute between
two fictional states, the Republic of Estravia and the Republic of Velmora,
over the Ashkel Dam on the Kelvra River, an air-exclusion zone around the
dam, the Kastel Bridge border crossing and sanctions, with the (fictional)
Assembly of Inland States as mediator. Every country, organisation, person
and outlet is invented. Annotation follows the project's gold annotation
guidelines (quotes, speakers, escalation stance).

The articles and gold annotations are held below as Python data. Offsets
are never typed by hand: each quote is located with str.find (optionally
after an anchor string, or as the n-th occurrence) and checked against the
quote marks of its article. `nonstandard-marks` and `multi-sentence` are
computed; every other tag is assigned by hand and cross-checked where the
text allows it.

Usage (stdlib only, Python 3.11+):
    python3 scripts/build_demo_corpus.py            # validate, write files, print counts
    python3 scripts/build_demo_corpus.py --check    # validate; fail if the files on disk are stale
    python3 scripts/build_demo_corpus.py --review   # also print every gold quote in context

Outputs (under src/stancelab/data/demo/):
    articles.jsonl   one article per line: id, title, date, source, text
    quotes.jsonl     one gold quote per line: article_id, start, end, quote,
                     speaker, affiliation, kind, stance, tags
    README.md        summary and counts, generated
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "src" / "stancelab" / "data" / "demo"

# ---------------------------------------------------------------------------
# Label sets (from the annotation guidelines)
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
COMPUTED_TAGS = {"nonstandard-marks", "multi-sentence"}
MANUAL_TAGS = set(TAG_ORDER) - COMPUTED_TAGS
TAG_STANCE = {  # tags that imply one stance
    "rejects-talks": "escalation",
    "conditional-threat": "escalation",
    "reassurance": "de-escalation",
}

# Quote-mark styles: opening mark, closing mark, description.
STYLES = {
    "curly-double": ("“", "”", "curly double “…”"),
    "straight-double": ('"', '"', 'straight double "…"'),
    "curly-single": ("‘", "’", "curly single ‘…’"),
    "guillemets": ("«", "»", "guillemets «…»"),
    "low-high": ("„", "“", "low-high „…“"),
}
# Every character that can open or close a quote (apostrophes ’ and ' are
# excluded: they are checked per style below).
ALL_MARKS = set('“”‘«»„"')

# Names used by the development corpus (and therefore banned here), and a
# few real-world names that must not appear.
FORBIDDEN = (
    "Varnia",
    "Kessaria",
    "Almadena",
    "Harun",
    "Qadira",
    "Mazinda",
    "Kutara",
    "Kaledon",
    "Sarwan",
    "Dhaltar",
    "Northern Maritime Alliance",
    "Concord of Nations",
    "Coastal Economic Community",
    "Brandvold",
    "Volkhonsky",
    "Zavarzin",
    "Haddad-Sorensen",
    "al-Hakimi",
    "Okonkwo",
    "Ferreira",
    "Moriyama",
    "Mwangura",
    "Kashyapi",
    "Skarre",
    "Drovsk",
    "Helmstad",
)

# ---------------------------------------------------------------------------
# Speakers: canonical name -> affiliation, role, other spellings
# ---------------------------------------------------------------------------

PERSON, ORG = "person", "organisation"
SPEAKERS: dict[str, dict] = {}


def speaker(name, affiliation, role, kind=PERSON, variants=(), mentions=()):
    """Register a canonical speaker.

    variants: other spellings of a person's full name used by some articles.
    mentions: for organisations, the forms in which an article may name it
        (at least one must occur in every article quoting it).
    """
    assert name not in SPEAKERS, name
    SPEAKERS[name] = dict(
        affiliation=affiliation,
        role=role,
        type=kind,
        variants=list(variants),
        mentions=list(mentions) or [name],
    )


# Republic of Estravia (capital Belvask; downstream on the Kelvra)
speaker("Aleksandr Dubrava", "Estravia", "President of Estravia", variants=["Alexander Dubrava"])
speaker("Irina Seletskaya", "Estravia", "Foreign Minister of Estravia")
speaker(
    "Vasily Korenev",
    "Estravia",
    "Defence Minister of Estravia, a retired general",
    variants=["Vasiliy Korenev"],
)
speaker("Oksana Hrabets", "Estravia", "presidential spokeswoman")
speaker(
    "Estravian Foreign Ministry",
    "Estravia",
    "ministry",
    ORG,
    mentions=["Estravian Foreign Ministry", "foreign ministry"],
)
speaker(
    "Estravian Defence Ministry",
    "Estravia",
    "ministry",
    ORG,
    mentions=["Estravian Defence Ministry"],
)
speaker("Bogdan Lesko", "Estravian Farmers’ Union", "head of the farmers’ union")
speaker("Roman Sheremet", "Estravian National Front", "opposition party leader")
speaker("Petra Danilenko", "Estrava Air", "airline chief executive")
speaker("Halyna Petryk", "Estravia", "mayor of the village of Dobrin")

# Republic of Velmora (capital Amrazi; upstream, builder of the Ashkel Dam)
speaker("Mohammed Azmar", "Velmora", "President of Velmora", variants=["Muhammad Azmar"])
speaker("Leila Benyamna", "Velmora", "Foreign Minister of Velmora")
speaker("Karim Tazi", "Velmora", "army spokesman, a colonel")
speaker("Nabil Sefrioui", "Velmora", "presidential spokesman")
speaker(
    "Velmoran Foreign Ministry",
    "Velmora",
    "ministry",
    ORG,
    mentions=["Velmoran Foreign Ministry", "Velmora’s foreign ministry"],
)
speaker(
    "Rachid Bennour", "Velmoran Road Hauliers’ Association", "head of the hauliers’ association"
)

# Mediator
speaker(
    "José Ignacio Barrueta",
    "Assembly of Inland States",
    "special envoy",
    variants=["Jose Ignacio Barrueta"],
)
speaker("Assembly of Inland States", "Assembly of Inland States", "international organisation", ORG)
speaker("Lena Hartigan", "Assembly of Inland States", "chair of the joint river commission")

# Analysts (speak for their own organisations)
speaker("Salma Tazi", "Institute for Water and Security", "analyst, no relation to Karim Tazi")
speaker("Tobin Ashgrove", "Caldera Risk Advisory", "analyst")

# Different people who share a surname: must never be merged.
SAME_SURNAME = [("Karim Tazi", "Salma Tazi")]

# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------

ARTICLES: list[dict] = []


def Q(quote, speaker, stance, kind="direct", tags="", after=None, nth=1, note=""):
    """One gold quote, in text order.

    quote: the exact words between the marks.
    tags: space-separated hand-assigned tags (the computed ones are added).
    after: optional anchor string; the quote is searched after its (unique)
        occurrence. nth: take the n-th occurrence (after the anchor, if any).
        Without either, the quote must occur exactly once in the article.
    note: why an untagged quote is a hard case (listed in README.md only).
    """
    return dict(
        quote=quote,
        speaker=speaker,
        stance=stance,
        kind=kind,
        tags=tags.split(),
        after=after,
        nth=nth,
        note=note,
    )


def article(id, date, source, marks, title, body, quotes, distractors=(), nested=()):
    """Register an article.

    marks: the quote-mark style of the article (a key of STYLES).
    body: paragraphs separated by blank lines.
    distractors: strings in quote marks that are NOT gold quotes (scare
        quotes, names of operations and documents, titles).
    nested: quoted strings inside a gold quote (part of the outer quote, no
        record of their own).
    """
    paragraphs = [p.strip() for p in body.strip().split("\n\n")]
    ARTICLES.append(
        dict(
            id=id,
            date=date,
            source=source,
            marks=marks,
            title=title,
            paragraphs=paragraphs,
            quotes=quotes,
            distractors=list(distractors),
            nested=list(nested),
        )
    )


# ===========================================================================
# 2023: the dam is filled, the dispute escalates
# ===========================================================================

article(
    "d01",
    "2023-02-08",
    "Riverline News Service",
    "curly-double",
    "Velmora starts filling Ashkel reservoir as Estravia protests",
    """
AMRAZI, Feb 8 (Riverline) – Velmora began filling the reservoir behind the Ashkel Dam on Wednesday, cutting the flow of the Kelvra River into neighbouring Estravia and drawing an angry protest from Belvask, which called the move a threat to millions of people downstream.

The 190-metre dam, built over nine years by the state-owned Kelvra Hydro Authority, is the largest construction project in Velmora’s history. Officials in Amrazi say it will double the country’s electricity output and end the power cuts that have plagued the capital since the ’90s.

President Mohammed Azmar opened the sluice gates at a ceremony attended by several thousand people. “Today Velmora takes its future into its own hands,” Azmar said. “This river rises in our mountains, and nobody abroad will tell us how to use it.”

In Belvask, Foreign Minister Irina Seletskaya summoned Velmora’s ambassador. “Velmora has chosen to act alone on a river that belongs to two nations,” she told reporters afterwards. “Estravia will not accept a fait accompli.”

Seletskaya said her government had asked for the filling to be postponed until a joint technical study was complete, and accused Amrazi of “gambling with the water of six million people”.

Velmora’s foreign ministry said in a statement that the reservoir would be filled gradually over five rainy seasons. “The filling schedule has been designed to cause no significant harm to downstream countries,” the statement said.

Farmers along the lower Kelvra, who rely on the river to irrigate wheat and sunflower fields, fear the flow will fall sharply in the dry summer months. Estravian newspapers have taken to calling the dam the “water tap”, a reference to Velmora’s ability to turn the river off at will.

Independent experts say both sides have a point. “The dam can be run in a way that harms no one, or in a way that harms a great many people. Nothing in the concrete decides which,” said Salma Tazi, who directs the water programme at the Institute for Water and Security.

Defence Minister Vasily Korenev, a retired army general, said in the evening that the armed forces were following events on the river “very closely”. Asked whether military action was possible, the general said: “We are not going to discuss options in public. But nobody should doubt that we have them.”

The Kelvra rises in the Velmoran highlands and flows for some 600 kilometres through Estravia before reaching the sea. A 1961 treaty on the river’s use expired in 2009 and was never renewed.
""",
    [
        Q(
            "Today Velmora takes its future into its own hands,",
            "Mohammed Azmar",
            "neutral",
            tags="split alias",
            note="national pride about the dam, no push either way",
        ),
        Q(
            "This river rises in our mountains, and nobody abroad will tell us how to use it.",
            "Mohammed Azmar",
            "escalation",
            tags="split alias",
        ),
        Q(
            "Velmora has chosen to act alone on a river that belongs to two nations,",
            "Irina Seletskaya",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "Estravia will not accept a fait accompli.",
            "Irina Seletskaya",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "gambling with the water of six million people",
            "Irina Seletskaya",
            "escalation",
            "partial",
            tags="alias speaker-before",
        ),
        Q(
            "The filling schedule has been designed to cause no significant harm to downstream countries,",
            "Velmoran Foreign Ministry",
            "de-escalation",
            tags="reassurance",
        ),
        Q(
            "The dam can be run in a way that harms no one, or in a way that harms a great many people. "
            "Nothing in the concrete decides which,",
            "Salma Tazi",
            "neutral",
        ),
        Q(
            "very closely",
            "Vasily Korenev",
            "neutral",
            "partial",
            tags="speaker-before",
            note="monitoring language, no threat in the quoted words",
        ),
        Q(
            "We are not going to discuss options in public. But nobody should doubt that we have them.",
            "Vasily Korenev",
            "escalation",
            tags="alias speaker-before",
            note="veiled threat without an explicit condition",
        ),
    ],
    distractors=["water tap"],
)

article(
    "d02",
    "2023-03-21",
    "Global Dispatch Wire",
    "straight-double",
    "Estravian farmers march on capital as Kelvra flow drops",
    """
BELVASK, March 21 (GDW) - Thousands of Estravian farmers drove tractors into the centre of Belvask on Tuesday to demand government action over the falling level of the Kelvra River, six weeks after Velmora began filling the reservoir of its Ashkel Dam upstream.

Police put the crowd at 15,000. Many marchers carried the green banners of the "Not One Drop Less" campaign, which the Estravian Farmers' Union launched last month, and the students' union of Belvask University sent a column of its own.

"Our wells are lower now than they usually are in August. If nothing changes, we don't plant this spring," said Bogdan Lesko, the head of the farmers' union, speaking from a trailer outside parliament.

He added: "Someone in Amrazi has decided that our children can go thirsty. We want our government to make them pay for that decision."

President Aleksandr Dubrava met a delegation of farmers and promised emergency payments to those whose harvests fail. "I have heard you, and the state will not leave you alone with this," Dubrava said in a televised address in the evening.

"But let me be clear to our neighbours: the Kelvra is not a tap that Amrazi can turn on and off as it pleases."

Presidential spokeswoman Oksana Hrabets later told reporters that Estravia had asked the Assembly of Inland States to put the dam on the agenda of its spring session. "We want this dispute settled by law and by diplomacy," she said, "and the Assembly is the right place to begin."

Velmoran officials dismissed the protest. Nabil Sefrioui, spokesman for President Mohammed Azmar, said the figures quoted by the farmers were invented and that the flow at the border remained within normal seasonal limits.

"Estravia's government is using its farmers to hide its own failure to repair its irrigation canals," Sefrioui said. "Velmora is not responsible for leaking pipes in Estravia."

Hydrologists at the Estravian weather service said the river's flow at the Kastel Bridge border crossing had fallen by about 18 per cent compared with the March average, although a dry winter could explain part of the drop.
""",
    [
        Q(
            "Our wells are lower now than they usually are in August. If nothing changes, we don't plant this spring,",
            "Bogdan Lesko",
            "neutral",
            note="describes hardship without blaming anyone",
        ),
        Q(
            "Someone in Amrazi has decided that our children can go thirsty. We want our government to make them pay for that decision.",
            "Bogdan Lesko",
            "escalation",
            tags="pronoun speaker-before",
        ),
        Q(
            "I have heard you, and the state will not leave you alone with this,",
            "Aleksandr Dubrava",
            "neutral",
            tags="alias",
            note="domestic reassurance to farmers, not about the conflict",
        ),
        Q(
            "But let me be clear to our neighbours: the Kelvra is not a tap that Amrazi can turn on and off as it pleases.",
            "Aleksandr Dubrava",
            "escalation",
            tags="continuation",
        ),
        Q(
            "We want this dispute settled by law and by diplomacy,",
            "Oksana Hrabets",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "and the Assembly is the right place to begin.",
            "Oksana Hrabets",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "Estravia's government is using its farmers to hide its own failure to repair its irrigation canals,",
            "Nabil Sefrioui",
            "escalation",
            tags="split alias",
        ),
        Q(
            "Velmora is not responsible for leaking pipes in Estravia.",
            "Nabil Sefrioui",
            "escalation",
            tags="split alias",
        ),
    ],
    distractors=["Not One Drop Less"],
)

article(
    "d03",
    "2023-05-04",
    "Riverline News Service",
    "curly-double",
    "Velmora declares no-fly zone around Ashkel Dam after drone sighting",
    """
AMRAZI, May 4 (Riverline) – Velmora on Thursday declared a 40-kilometre restricted air zone around the Ashkel Dam after what it said was a night-time flight by an unidentified drone over the site, and warned that aircraft entering the area without permission would be shot down.

The zone, which Velmoran officials have named the “Kelvra Protection Zone”, reaches across the border into Estravian airspace in two places, according to a map published by Velmora’s civil aviation authority.

“Our air defence units have been placed on the highest state of readiness,” Colonel Karim Tazi, the army spokesman, told a news conference in Amrazi. “If any aircraft enters the zone without authorisation, it will be treated as hostile.”

Tazi said the drone had been tracked for 20 minutes before it disappeared towards the border. He did not say who had operated it.

Estravia denied any involvement and called the zone illegal. Foreign Minister Irina Seletskaya said: “Velmora cannot close our sky by drawing a line on a map. Estravian aircraft will continue to fly wherever Estravian law allows them to fly.”

Defence Minister Vasily Korenev sounded more cautious. “We have no interest in an incident in the air,” he said, adding that military flights near the border would be kept to a minimum for now.

Estrava Air, the national carrier, said it was rerouting two daily flights to avoid the zone. “We will not put our passengers at any risk, however small,” said its chief executive, Petra Danilenko.

The Assembly of Inland States urged both governments to show restraint. “Unilateral measures in shared airspace carry an obvious risk of miscalculation,” the assembly said in a statement. “We call on both parties to use existing channels to establish the facts.”

Salma Tazi of the Institute for Water and Security, who is not related to the army spokesman, said the zone reflected a deep anxiety in Amrazi about the safety of the dam. “For Velmora the dam is the crown jewel. They will protect it as if it were the capital itself,” she said.
""",
    [
        Q(
            "Our air defence units have been placed on the highest state of readiness,",
            "Karim Tazi",
            "escalation",
            tags="split",
        ),
        Q(
            "If any aircraft enters the zone without authorisation, it will be treated as hostile.",
            "Karim Tazi",
            "escalation",
            tags="split conditional-threat",
        ),
        Q(
            "Velmora cannot close our sky by drawing a line on a map. Estravian aircraft will continue to fly wherever Estravian law allows them to fly.",
            "Irina Seletskaya",
            "escalation",
            tags="speaker-before",
        ),
        Q(
            "We have no interest in an incident in the air,",
            "Vasily Korenev",
            "de-escalation",
            tags="pronoun reassurance",
        ),
        Q(
            "We will not put our passengers at any risk, however small,",
            "Petra Danilenko",
            "neutral",
        ),
        Q(
            "Unilateral measures in shared airspace carry an obvious risk of miscalculation,",
            "Assembly of Inland States",
            "neutral",
            tags="split alias",
            note="mediator's risk warning, no call yet",
        ),
        Q(
            "We call on both parties to use existing channels to establish the facts.",
            "Assembly of Inland States",
            "de-escalation",
            tags="split alias",
        ),
        Q(
            "For Velmora the dam is the crown jewel. They will protect it as if it were the capital itself,",
            "Salma Tazi",
            "neutral",
            tags="pronoun",
            note="analyst's assessment",
        ),
    ],
    distractors=["Kelvra Protection Zone"],
)

article(
    "d04",
    "2023-06-19",
    "Southern Basin Times",
    "curly-double",
    "Estravia shuts Kastel crossing to Velmoran lorries",
    """
BELVASK, June 19 (Southern Basin Times) – Estravia closed the Kastel Bridge border crossing to Velmoran freight lorries on Monday, widening a dispute over the Ashkel Dam that has already brought farmers onto the streets and led to a standoff over airspace.

Some 400 lorries were stranded on the Velmoran side by the afternoon, according to the Velmoran Road Hauliers’ Association. The crossing handles about 60 per cent of trade between the two countries, most of it Velmoran fruit and cement bound for Estravia’s ports.

Presidential spokeswoman Oksana Hrabets said the closure was a response to repeated violations of Estravia’s rights on the Kelvra. “We did not choose this path. Velmora chose it for us when it turned the river into a weapon,” she said.

Hrabets said the crossing would stay open to cars and humanitarian goods. “This is not a blockade,” the presidential spokeswoman said. “The moment Velmora agrees to a fair schedule for the reservoir, the bridge will reopen.”

Velmora reacted angrily. President Mohammed Azmar, speaking at a cement works near the border, called the closure “an act of economic aggression” and promised a response.

“Those who close bridges should not be surprised to find other doors closed too,” Azmar said.

“Velmora has always been a good neighbour. But a good neighbour is not a doormat.”

Hours later the Velmoran Foreign Ministry suspended a 2015 arrangement that allows Estravian herders to graze sheep on Velmoran pastures along the border. “The arrangement cannot function when one side acts in bad faith,” the ministry said in a statement.

Hauliers on both sides said they were paying for a quarrel between governments. “My drivers have nothing to do with the dam. They sleep in their cabs and they wait,” said Rachid Bennour, the head of the hauliers’ association.

Tobin Ashgrove, a senior analyst at Caldera Risk Advisory, said both governments were “climbing a ladder that has very few rungs left”, and that neither appeared to have a plan for coming down.
""",
    [
        Q(
            "We did not choose this path. Velmora chose it for us when it turned the river into a weapon,",
            "Oksana Hrabets",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "This is not a blockade,",
            "Oksana Hrabets",
            "de-escalation",
            tags="split descriptor reassurance",
        ),
        Q(
            "The moment Velmora agrees to a fair schedule for the reservoir, the bridge will reopen.",
            "Oksana Hrabets",
            "escalation",
            tags="split descriptor",
            note="polite ultimatum: reopening offered only on the other side's concession",
        ),
        Q(
            "an act of economic aggression",
            "Mohammed Azmar",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Those who close bridges should not be surprised to find other doors closed too,",
            "Mohammed Azmar",
            "escalation",
            tags="alias conditional-threat",
        ),
        Q(
            "Velmora has always been a good neighbour. But a good neighbour is not a doormat.",
            "Mohammed Azmar",
            "escalation",
            tags="continuation mixed",
        ),
        Q(
            "The arrangement cannot function when one side acts in bad faith,",
            "Velmoran Foreign Ministry",
            "escalation",
            tags="alias",
        ),
        Q(
            "My drivers have nothing to do with the dam. They sleep in their cabs and they wait,",
            "Rachid Bennour",
            "neutral",
        ),
        Q(
            "climbing a ladder that has very few rungs left",
            "Tobin Ashgrove",
            "neutral",
            "partial",
            tags="speaker-before",
            note="analyst's risk assessment",
        ),
    ],
)

article(
    "d05",
    "2023-08-10",
    "Inland Press Agency",
    "guillemets",
    "Estravia sanctions Velmoran dam operator and officials",
    """
BELVASK, Aug 10 (IPA) – Estravia on Thursday imposed sanctions on the state company that operates Velmora’s Ashkel Dam and on eleven Velmoran officials, including the commander of the army’s air defence forces, in a further escalation of the dispute over the Kelvra River.

The measures, adopted under the «Law on Protective Economic Measures» passed by parliament in July, freeze any assets that the Kelvra Hydro Authority and the officials hold in Estravia and bar the officials from entering the country.

Foreign Minister Irina Seletskaya announced the sanctions at a news conference. «Velmora has ignored every letter, every proposal and every warning we have sent since February,» she said. «Those who decided to dry out our valleys will now feel the cost of that decision.»

Asked whether Estravia would go further, the minister said: «Everything depends on Amrazi. If the reservoir keeps filling at this rate through the summer, the list will grow.»

The response from Amrazi came within hours. «Estravia is punishing engineers for building a dam on Velmoran soil. That tells you everything about who is the aggressor in this dispute,» President Muhammad Azmar told parliament in a speech broadcast live.

He said Velmora would study all options, but that it had «no wish to punish ordinary Estravians» and would not impose counter-sanctions for the time being.

The president’s spokesman, Nabil Sefrioui, later told reporters: «The president’s hand remains extended. But nobody should mistake patience for weakness.»

Salma Tazi of the Institute for Water and Security said the sanctions were largely symbolic, since few of the officials held assets in Estravia. «The real message is political: Belvask wants the Assembly to take this dispute seriously,» she said.

The Assembly of Inland States said in a statement that it «regretted» the new measures and urged both governments to «return to the technical committee without preconditions». The assembly has offered since April to host a meeting of water experts from both countries.
""",
    [
        Q(
            "Velmora has ignored every letter, every proposal and every warning we have sent since February,",
            "Irina Seletskaya",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "Those who decided to dry out our valleys will now feel the cost of that decision.",
            "Irina Seletskaya",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "Everything depends on Amrazi. If the reservoir keeps filling at this rate through the summer, the list will grow.",
            "Irina Seletskaya",
            "escalation",
            tags="alias speaker-before conditional-threat",
        ),
        Q(
            "Estravia is punishing engineers for building a dam on Velmoran soil. That tells you everything about who is the aggressor in this dispute,",
            "Mohammed Azmar",
            "escalation",
            tags="alias",
        ),
        Q(
            "no wish to punish ordinary Estravians",
            "Mohammed Azmar",
            "de-escalation",
            "partial",
            tags="pronoun alias speaker-before reassurance",
        ),
        Q(
            "The president’s hand remains extended. But nobody should mistake patience for weakness.",
            "Nabil Sefrioui",
            "escalation",
            tags="speaker-before mixed",
        ),
        Q(
            "The real message is political: Belvask wants the Assembly to take this dispute seriously,",
            "Salma Tazi",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "regretted",
            "Assembly of Inland States",
            "neutral",
            "partial",
            tags="speaker-before",
            note="regret without accusation",
        ),
        Q(
            "return to the technical committee without preconditions",
            "Assembly of Inland States",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
    ],
    distractors=["Law on Protective Economic Measures"],
)

article(
    "d06",
    "2023-09-27",
    "Riverline News Service",
    "curly-double",
    "Estravian soldier killed in exchange of fire near Kastel crossing",
    """
BELVASK, Sept 27 (Riverline) – An Estravian soldier was killed and two Velmoran border guards were wounded in an exchange of fire near the Kastel Bridge crossing late on Tuesday, the most serious incident since the dispute over the Ashkel Dam began this year.

Each side accused the other of firing first. The Estravian Defence Ministry said a Velmoran patrol had opened fire on an observation post on the Estravian bank of the Kelvra. “Our soldiers returned fire in accordance with their orders,” the ministry said.

The dead soldier, 22-year-old Private Marko Ilchenko, came from the village of Dobrin near the river town of Zhelna. “He wanted to be a mechanic, like his father. He joined the army to pay for his training,” said Dobrin’s mayor, Halyna Petryk.

President Aleksandr Dubrava declared a day of mourning. “I share the grief of Marko’s parents and of everyone who knew him. He was serving his country, and his country will remember him,” Dubrava said in a statement.

Defence Minister Vasily Korenev, who visited the post on Wednesday, said: “I have seen the men and women who guard this river. They are the finest soldiers this country has ever had, and they have everything they need.”

In Amrazi, Colonel Karim Tazi gave a different account. “Belvask speaks of ‘defending the riverbank’. Our patrol was on our side of the river when an Estravian unit opened fire without warning,” the army spokesman told reporters.

“We regret any loss of life. But the responsibility for this death lies entirely in Belvask.”

Velmora’s foreign minister, Leila Benyamna, called for an independent investigation in a telephone call with the Assembly of Inland States. “We are ready to open every record we have to impartial investigators,” she said. “But Estravia must also pull back the troops it has massed on the riverbank.”

Salma Tazi, the Institute for Water and Security analyst who has studied the river for a decade, said the shooting showed how quickly a quarrel over water could become a quarrel over lives. “Tuesday night was the scenario everyone feared. Neither army has a telephone line to the other, and every rumour travels faster than the facts,” she said.

Her institute had warned in a report titled “Flashpoints on the Kelvra”, published in July, that the crossing was the most likely site of a clash.
""",
    [
        Q(
            "Our soldiers returned fire in accordance with their orders,",
            "Estravian Defence Ministry",
            "escalation",
            tags="alias",
            note="justifies the use of force",
        ),
        Q(
            "He wanted to be a mechanic, like his father. He joined the army to pay for his training,",
            "Halyna Petryk",
            "neutral",
            note="grief, no accusation",
        ),
        Q(
            "I share the grief of Marko’s parents and of everyone who knew him. He was serving his country, and his country will remember him,",
            "Aleksandr Dubrava",
            "neutral",
            tags="alias",
            note="condolences",
        ),
        Q(
            "I have seen the men and women who guard this river. They are the finest soldiers this country has ever had, and they have everything they need.",
            "Vasily Korenev",
            "escalation",
            tags="speaker-before",
            note="praise of own army",
        ),
        Q(
            "Belvask speaks of ‘defending the riverbank’. Our patrol was on our side of the river when an Estravian unit opened fire without warning,",
            "Karim Tazi",
            "escalation",
            tags="descriptor",
        ),
        Q(
            "We regret any loss of life. But the responsibility for this death lies entirely in Belvask.",
            "Karim Tazi",
            "escalation",
            tags="continuation mixed",
        ),
        Q(
            "We are ready to open every record we have to impartial investigators,",
            "Leila Benyamna",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "But Estravia must also pull back the troops it has massed on the riverbank.",
            "Leila Benyamna",
            "escalation",
            tags="split pronoun",
        ),
        Q(
            "Tuesday night was the scenario everyone feared. Neither army has a telephone line to the other, and every rumour travels faster than the facts,",
            "Salma Tazi",
            "neutral",
            tags="pronoun",
            note="analyst's risk assessment",
        ),
    ],
    distractors=["Flashpoints on the Kelvra"],
    nested=["defending the riverbank"],
)

article(
    "d07",
    "2023-11-15",
    "The Inland Observer",
    "curly-single",
    "Assembly names envoy for Kelvra dispute; both capitals wary",
    """
MIRAVEL, Nov 15 (Inland Observer) – The Assembly of Inland States on Wednesday appointed José Ignacio Barrueta, a veteran mediator, as its special envoy for the dispute between Estravia and Velmora, seven weeks after a deadly shooting on their shared border.

Barrueta, 64, brokered the end of the ’90s fishing war on Lake Sorvane and served two terms as the assembly’s deputy secretary-general. He said he would visit both capitals before the end of the month.

‘I am not bringing a plan in my suitcase. I am bringing a pair of ears,’ Barrueta told reporters at the assembly’s headquarters. ‘The people who live along the Kelvra don’t need another speech. They need their two governments in the same room.’

Both governments welcomed the appointment, but neither signalled any readiness to compromise. In Belvask, Foreign Minister Irina Seletskaya said: ‘Estravia has always been on the side of dialogue. But dialogue cannot mean that we sit and talk while the reservoir fills and our fields turn to dust.’

‘There is nothing to negotiate until the filling stops,’ she said.

Velmora’s presidential spokesman, Nabil Sefrioui, said Amrazi would receive the envoy ‘with respect and with an open mind’. But he added that Velmora’s sovereignty over the dam was ‘not on the table, today or ever’, and that the first item on any agenda must be ‘the lifting of Estravia’s illegal sanctions’.

Colonel Karim Tazi, the army spokesman, said two artillery batteries had been pulled back from the border ahead of the envoy’s visit, in what he called a gesture of goodwill.

Barrueta’s mandate rests on the assembly’s 2019 guidelines for shared rivers, known as the ‘Sorvane Principles’, which neither Estravia nor Velmora has formally adopted. Estravia’s farmers’ union has urged the government to sign up to them.

Tobin Ashgrove of Caldera Risk Advisory said the envoy’s first goal should be modest. ‘If he can get the two armies talking on the telephone, that alone would be worth the trip,’ he said.
""",
    [
        Q(
            "I am not bringing a plan in my suitcase. I am bringing a pair of ears,",
            "José Ignacio Barrueta",
            "neutral",
            tags="split alias",
            note="describes the mediator's approach; the call for talks follows",
        ),
        Q(
            "The people who live along the Kelvra don’t need another speech. They need their two governments in the same room.",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="split alias",
        ),
        Q(
            "Estravia has always been on the side of dialogue. But dialogue cannot mean that we sit and talk while the reservoir fills and our fields turn to dust.",
            "Irina Seletskaya",
            "escalation",
            tags="speaker-before rejects-talks mixed",
        ),
        Q(
            "There is nothing to negotiate until the filling stops,",
            "Irina Seletskaya",
            "escalation",
            tags="pronoun rejects-talks",
        ),
        Q(
            "with respect and with an open mind",
            "Nabil Sefrioui",
            "de-escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "not on the table, today or ever",
            "Nabil Sefrioui",
            "escalation",
            "partial",
            tags="pronoun speaker-before rejects-talks",
        ),
        Q(
            "the lifting of Estravia’s illegal sanctions",
            "Nabil Sefrioui",
            "escalation",
            "partial",
            tags="pronoun speaker-before",
        ),
        Q(
            "If he can get the two armies talking on the telephone, that alone would be worth the trip,",
            "Tobin Ashgrove",
            "neutral",
            tags="pronoun",
        ),
    ],
    distractors=["Sorvane Principles"],
)

# ===========================================================================
# 2024: build-up, then talks, a ceasefire and an accord
# ===========================================================================

article(
    "d08",
    "2024-01-23",
    "Amrazi Daily Star",
    "curly-double",
    "Rival drills on the Kelvra as envoy's shuttle diplomacy stalls",
    """
AMRAZI, Jan 23 (Daily Star) – Estravia began its largest military exercise in a decade on Tuesday along the lower Kelvra, and Velmora answered by moving air defence units closer to the Ashkel Dam, as two months of shuttle diplomacy by an international envoy failed to bring the two sides together.

The Estravian drills, code-named “Iron Current”, involve some 12,000 troops as well as tanks and river-crossing equipment, according to the Estravian Defence Ministry, which said the exercise had been planned long in advance. “The exercise is defensive in nature and is not directed against any country,” it said in a statement.

But President Alexander Dubrava, watching tanks cross a pontoon bridge near Zhelna, struck a different tone. “Let everyone see what our army can do,” he said. “We have the best-trained river troops on the continent, and we are proud of every one of them.”

“If anyone threatens the life of our river, these soldiers will know what to do.”

In Amrazi, President Mohammed Azmar condemned the drills and ordered the air force to hold an exercise of its own over the reservoir, code-named “Clear Sky”.

Colonel Karim Tazi, the army spokesman, said: “Our units are in position and our pilots are ready. Velmora threatens no one, but we will not sit and watch while tanks practise river crossings twenty kilometres from our border.”

The envoy of the Assembly of Inland States, José Ignacio Barrueta, has visited both capitals three times since November. “Exercises are not a crime. But holding them now, on both banks of the same river, sends exactly the wrong message,” Barrueta said on Tuesday.

He said he had proposed a hotline between the two armies and a meeting of technical experts, and was still waiting for an answer from both governments.

In Belvask, presidential spokeswoman Oksana Hrabets said the proposals were being studied. “We are not against a hotline. We are against pretending that a telephone can replace water,” she said.

Tobin Ashgrove of Caldera Risk Advisory said neither side wanted war but both wanted to look ready for one. “That is a dangerous combination, because looking ready requires real soldiers in real places,” he said.
""",
    [
        Q(
            "The exercise is defensive in nature and is not directed against any country,",
            "Estravian Defence Ministry",
            "de-escalation",
            tags="pronoun reassurance",
        ),
        Q(
            "Let everyone see what our army can do,",
            "Aleksandr Dubrava",
            "escalation",
            tags="split pronoun alias",
        ),
        Q(
            "We have the best-trained river troops on the continent, and we are proud of every one of them.",
            "Aleksandr Dubrava",
            "escalation",
            tags="split pronoun alias",
            note="praise of own army",
        ),
        Q(
            "If anyone threatens the life of our river, these soldiers will know what to do.",
            "Aleksandr Dubrava",
            "escalation",
            tags="continuation alias conditional-threat",
        ),
        Q(
            "Our units are in position and our pilots are ready. Velmora threatens no one, but we will not sit and watch while tanks practise river crossings twenty kilometres from our border.",
            "Karim Tazi",
            "escalation",
            tags="speaker-before mixed",
        ),
        Q(
            "Exercises are not a crime. But holding them now, on both banks of the same river, sends exactly the wrong message,",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "We are not against a hotline. We are against pretending that a telephone can replace water,",
            "Oksana Hrabets",
            "escalation",
            tags="pronoun rejects-talks",
        ),
        Q(
            "That is a dangerous combination, because looking ready requires real soldiers in real places,",
            "Tobin Ashgrove",
            "neutral",
            tags="pronoun",
            note="analyst's risk assessment",
        ),
    ],
    distractors=["Iron Current", "Clear Sky"],
)

article(
    "d09",
    "2024-03-12",
    "Global Dispatch Wire",
    "straight-double",
    "Estravia and Velmora agree to proximity talks in Miravel",
    """
MIRAVEL, March 12 (GDW) - Estravia and Velmora have agreed to send delegations to indirect talks in Miravel next month, the Assembly of Inland States said on Tuesday, the first sign of movement in a year-long dispute over the Ashkel Dam on the Kelvra River.

Under a four-page plan titled "Steps Towards a Shared River", the two delegations will sit in separate rooms while the assembly's special envoy, Jose Ignacio Barrueta, carries messages between them.

"Both governments have told me they are ready to talk without preconditions. That is not yet peace, but it is the first step towards it," Barrueta told reporters.

He declined to discuss the agenda. "If I tell you the agenda today, there will be no agenda tomorrow," he said.

Estravian Foreign Minister Irina Seletskaya confirmed that her government would attend. "We go to Miravel in good faith, and we expect Velmora to do the same," she said, adding that Estravia would suspend new sanctions while the talks lasted.

Not everyone in Belvask was enthusiastic. Defence Minister Vasily Korenev told a parliamentary committee: "Talks are welcome. But our troops stay where they are until the water comes back."

Velmora's presidential spokesman, Nabil Sefrioui, said President Mohammed Azmar had personally approved the decision to attend. "The president believes the river can unite our two peoples rather than divide them," Sefrioui said.

Bogdan Lesko, the leader of the farmers' union, was blunter. "We have waited a year. We can wait one more month, but not one more summer," he said.

Salma Tazi, of the Institute for Water and Security, said the talks would succeed only if both leaders were willing to disappoint their own supporters. "The hydrology is not the hard part. The hard part is that each government has promised its public a total victory," she said.

The Estravian foreign ministry's press office said the country's delegation would be named next week and would include hydrologists as well as diplomats.
""",
    [
        Q(
            "Both governments have told me they are ready to talk without preconditions. That is not yet peace, but it is the first step towards it,",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "If I tell you the agenda today, there will be no agenda tomorrow,",
            "José Ignacio Barrueta",
            "neutral",
            tags="pronoun alias",
            note="procedural",
        ),
        Q(
            "We go to Miravel in good faith, and we expect Velmora to do the same,",
            "Irina Seletskaya",
            "de-escalation",
            tags="pronoun",
        ),
        Q(
            "Talks are welcome. But our troops stay where they are until the water comes back.",
            "Vasily Korenev",
            "escalation",
            tags="speaker-before mixed",
        ),
        Q(
            "The president believes the river can unite our two peoples rather than divide them,",
            "Nabil Sefrioui",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "We have waited a year. We can wait one more month, but not one more summer,",
            "Bogdan Lesko",
            "escalation",
            tags="pronoun mixed",
        ),
        Q(
            "The hydrology is not the hard part. The hard part is that each government has promised its public a total victory,",
            "Salma Tazi",
            "neutral",
            tags="pronoun",
            note="analyst's assessment",
        ),
    ],
    distractors=["Steps Towards a Shared River"],
)

article(
    "d10",
    "2024-04-30",
    "Riverline News Service",
    "curly-double",
    "First round of Kelvra talks ends with agreement on hotline",
    """
MIRAVEL, April 30 (Riverline) – Estravia and Velmora agreed on Tuesday to set up a military hotline and a joint commission to share data on the flow of the Kelvra River, at the end of three days of indirect talks hosted by the Assembly of Inland States.

The envoy, José Ignacio Barrueta, read out a short joint text at the close of the round. “The two delegations have agreed to establish a direct line between their general staffs within thirty days, and to exchange daily flow measurements from the Ashkel and Kastel gauging stations,” he said.

Barrueta said the next round would take place in June. “Nobody should expect miracles,” the envoy said, “but for the first time in a year the two sides have built something together instead of tearing something down.”

The Estravian delegation was led by Foreign Minister Irina Seletskaya, who described the talks as “difficult but honest”. Speaking to reporters outside the assembly’s headquarters, she said:

“We came here to talk about water, and we have not yet talked enough about water. Estravia’s position has not changed: the filling must slow down in the dry months.

“But I want to recognise that the Velmoran delegation listened, and so did we. That is more than we could have said a year ago.”

The Velmoran delegation, led by Foreign Minister Leila Benyamna, did not speak to the press. In a statement issued in Amrazi, the Velmoran Foreign Ministry called the round constructive and said Velmora remained committed to a fair solution.

Velmora’s army said it had appointed a liaison officer for the hotline, and Estravia’s defence ministry said it would do the same within a week.

Tobin Ashgrove of Caldera Risk Advisory said the choice of first steps was no accident. “A hotline is the cheapest thing either side could give, which is exactly why it came first,” he said. “The water will cost a great deal more.”
""",
    [
        Q(
            "The two delegations have agreed to establish a direct line between their general staffs within thirty days, and to exchange daily flow measurements from the Ashkel and Kastel gauging stations,",
            "José Ignacio Barrueta",
            "neutral",
            tags="pronoun",
            note="mediator reading out an agreed text",
        ),
        Q(
            "Nobody should expect miracles,",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="split alias",
            note="first half of a split sentence takes the act of the whole sentence",
        ),
        Q(
            "but for the first time in a year the two sides have built something together instead of tearing something down.",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="split alias",
        ),
        Q("difficult but honest", "Irina Seletskaya", "neutral", "partial", tags="speaker-before"),
        Q(
            "We came here to talk about water, and we have not yet talked enough about water. Estravia’s position has not changed: the filling must slow down in the dry months.",
            "Irina Seletskaya",
            "escalation",
            tags="pronoun speaker-before",
            note="restates a demand; the quote runs on into the next paragraph",
        ),
        Q(
            "But I want to recognise that the Velmoran delegation listened, and so did we. That is more than we could have said a year ago.",
            "Irina Seletskaya",
            "de-escalation",
            tags="continuation",
        ),
        Q(
            "A hotline is the cheapest thing either side could give, which is exactly why it came first,",
            "Tobin Ashgrove",
            "neutral",
            tags="split pronoun",
        ),
        Q(
            "The water will cost a great deal more.",
            "Tobin Ashgrove",
            "neutral",
            tags="split pronoun",
        ),
    ],
)

article(
    "d11",
    "2024-06-18",
    "Falkenau Gazette",
    "low-high",
    "Kelvra talks stall over dry-season releases",
    """
MIRAVEL, June 18 (Falkenau Gazette) – The second round of talks between Estravia and Velmora ended on Monday without agreement on how much water the Ashkel Dam should release in the dry season, with each side accusing the other of backtracking.

The Estravian delegation asked for a guaranteed minimum flow of 300 cubic metres per second at the border between June and September. Velmora offered 180, and said any higher figure would leave the reservoir too low to generate power in a dry year.

„Velmora came to Miravel with a calculator, not with a proposal,“ Estravian Foreign Minister Irina Seletskaya said after the final session. „We cannot sign a deal that leaves our valleys dry for three months of every year.“

Her Velmoran counterpart, Leila Benyamna, said her side had already moved further than Estravia. „We offered more water than our own engineers advised. Estravia answered with a figure that no dam in the world could deliver,“ she said.

Benyamna said Velmora remained committed to the process and would attend the next round.

The envoy, José Ignacio Barrueta, said the gap between the two positions was „large but not impossible“. „I have seen bigger gaps closed in smaller rooms,“ he said. „My advice to both capitals is simple: lower the volume at home, and raise the ambition here.“

Tobin Ashgrove, whose firm Caldera Risk Advisory this month published a study of the dispute under the title „The Kelvra Equation“, said both governments had painted themselves into a corner. „The numbers are negotiable. The speeches the two presidents have given at home are not,“ Ashgrove said.

Back in Estravia, President Aleksandr Dubrava told a rally of farmers in Zhelna that his country would not trade its rivers for promises.

In Amrazi, the presidential spokesman Nabil Sefrioui said Velmora would not be „pushed into an agreement by street rallies in another country“.

A third round of talks is expected in Miravel in August, diplomats said.
""",
    [
        Q(
            "Velmora came to Miravel with a calculator, not with a proposal,",
            "Irina Seletskaya",
            "escalation",
            tags="split",
        ),
        Q(
            "We cannot sign a deal that leaves our valleys dry for three months of every year.",
            "Irina Seletskaya",
            "escalation",
            tags="split rejects-talks",
        ),
        Q(
            "We offered more water than our own engineers advised. Estravia answered with a figure that no dam in the world could deliver,",
            "Leila Benyamna",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "large but not impossible",
            "José Ignacio Barrueta",
            "neutral",
            "partial",
            tags="speaker-before",
            note="mediator's assessment of the gap",
        ),
        Q(
            "I have seen bigger gaps closed in smaller rooms,",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "My advice to both capitals is simple: lower the volume at home, and raise the ambition here.",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "The numbers are negotiable. The speeches the two presidents have given at home are not,",
            "Tobin Ashgrove",
            "neutral",
            tags="alias",
            note="analyst's assessment",
        ),
        Q(
            "pushed into an agreement by street rallies in another country",
            "Nabil Sefrioui",
            "escalation",
            "partial",
            tags="speaker-before rejects-talks",
        ),
    ],
    distractors=["The Kelvra Equation"],
)

article(
    "d12",
    "2024-08-06",
    "Riverline News Service",
    "curly-double",
    "Estravia and Velmora agree border ceasefire, reopen Kastel crossing",
    """
MIRAVEL, Aug 6 (Riverline) – Estravia and Velmora agreed on Tuesday to a ceasefire along their border and to reopen the Kastel Bridge crossing to freight, the biggest step towards ending their dispute since it began early last year.

Under the deal, both armies will pull heavy weapons back at least 15 kilometres from the Kelvra near Kastel, and observers from the Assembly of Inland States will patrol the area from a former customs post known locally as the “Stone House”. The crossing reopens to lorries next Monday.

Announcing the agreement, the envoy José Ignacio Barrueta said: “Today the guns along the Kelvra fall silent, and they must stay silent. This is the work of two delegations that chose courage over comfort.”

He also thanked the host city and the assembly’s monitors. “I want to thank the people of Miravel, who lent us their patience, and our observers, who will now lend us their summer,” he said.

In a televised address, Estravian President Aleksandr Dubrava welcomed the deal. “This agreement protects our soldiers and our farmers,” he said, “and Estravia will honour every line of it.”

But he warned: “If a single Velmoran shell lands on Estravian soil, this ceasefire will end the same day.”

In Amrazi, Nabil Sefrioui, the spokesman for President Mohammed Azmar, said the president had approved the deal personally. “Velmora never wanted this conflict. We are glad that Belvask has finally understood that nobody wins a war over water,” Sefrioui said.

Defence Minister Vasily Korenev said the pullback would begin at dawn on Wednesday. “We will withdraw exactly as agreed, and we will watch exactly as closely,” he said.

“Our liaison officer will speak to the observers every six hours,” said Colonel Karim Tazi, the Velmoran army spokesman.

Rachid Bennour of the Velmoran Road Hauliers’ Association said his members were ready. “The drivers have waited fourteen months. Most of them will be at the bridge on Sunday night,” he said.

Some Estravian farmers complained that the deal said nothing about the river itself. Talks on water releases are due to resume in September.
""",
    [
        Q(
            "Today the guns along the Kelvra fall silent, and they must stay silent. This is the work of two delegations that chose courage over comfort.",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="speaker-before",
        ),
        Q(
            "I want to thank the people of Miravel, who lent us their patience, and our observers, who will now lend us their summer,",
            "José Ignacio Barrueta",
            "neutral",
            tags="pronoun",
            note="thanks",
        ),
        Q(
            "This agreement protects our soldiers and our farmers,",
            "Aleksandr Dubrava",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "and Estravia will honour every line of it.",
            "Aleksandr Dubrava",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "If a single Velmoran shell lands on Estravian soil, this ceasefire will end the same day.",
            "Aleksandr Dubrava",
            "escalation",
            tags="pronoun speaker-before conditional-threat",
        ),
        Q(
            "Velmora never wanted this conflict. We are glad that Belvask has finally understood that nobody wins a war over water,",
            "Nabil Sefrioui",
            "de-escalation",
            tags="alias mixed",
        ),
        Q(
            "We will withdraw exactly as agreed, and we will watch exactly as closely,",
            "Vasily Korenev",
            "de-escalation",
            tags="pronoun mixed",
        ),
        Q(
            "Our liaison officer will speak to the observers every six hours,",
            "Karim Tazi",
            "neutral",
            note="procedural",
        ),
        Q(
            "The drivers have waited fourteen months. Most of them will be at the bridge on Sunday night,",
            "Rachid Bennour",
            "neutral",
            tags="pronoun",
        ),
    ],
    distractors=["Stone House"],
)

article(
    "d13",
    "2024-10-02",
    "The Belvask Courier",
    "curly-double",
    "Kelvra water-sharing accord signed in Miravel",
    """
MIRAVEL, Oct 2 (Belvask Courier) – The presidents of Estravia and Velmora signed an agreement on Wednesday that guarantees a minimum flow of the Kelvra River across their border, ending a twenty-month dispute over the Ashkel Dam that brought the two neighbours to the edge of war.

The document, formally titled the “Agreement on the Equitable Use of the Kelvra River” but already known in both capitals as the “Miravel Accord”, sets a minimum dry-season flow of 240 cubic metres per second, creates a joint commission to manage the reservoir in drought years and commits Estravia to lift its sanctions within ninety days.

President Aleksandr Dubrava and President Mohammed Azmar signed the text at the assembly’s headquarters in front of about 200 guests. “I did not come here to win. I came here so that my country does not lose another summer,” Dubrava said afterwards.

Azmar struck a similar note. “The river is ours and it is yours,” he said, turning to Dubrava. “From today it will be managed by both of us.”

Azmar also remembered the victims of last year’s shooting at Kastel. “Our thoughts today are with the family of the young Estravian soldier who died, and with our own border guards who were wounded,” the Velmoran leader said.

Defence Minister Vasiliy Korenev, who had argued against earlier concessions, said the army would respect the accord. “The army serves the president, and the president has signed,” he said.

Not everyone celebrated. Roman Sheremet, leader of the opposition Estravian National Front, which wants a referendum on the deal, said: “Dubrava has signed away our river for a handshake and a photograph.”

In Zhelna, the farmers’ leader Bogdan Lesko said 240 cubic metres was “less than we need and more than we had”.

Salma Tazi of the Institute for Water and Security called the accord “the most detailed water agreement the region has seen”. But she cautioned: “Agreements like this one are tested in the first drought, not at the signing ceremony.”

The Estravian Foreign Ministry said in a statement that the first sanctions would be lifted within days. “The joint commission will hold its first meeting in Zhelna on November 12,” said the assembly’s envoy, José Ignacio Barrueta, who chaired the final round.
""",
    [
        Q(
            "I did not come here to win. I came here so that my country does not lose another summer,",
            "Aleksandr Dubrava",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "The river is ours and it is yours,",
            "Mohammed Azmar",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "From today it will be managed by both of us.",
            "Mohammed Azmar",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "Our thoughts today are with the family of the young Estravian soldier who died, and with our own border guards who were wounded,",
            "Mohammed Azmar",
            "neutral",
            tags="descriptor",
            note="condolences",
        ),
        Q(
            "The army serves the president, and the president has signed,",
            "Vasily Korenev",
            "de-escalation",
            tags="pronoun alias",
        ),
        Q(
            "Dubrava has signed away our river for a handshake and a photograph.",
            "Roman Sheremet",
            "escalation",
            tags="speaker-before",
            note="rejects the deal; the name inside the quote is not the speaker",
        ),
        Q(
            "less than we need and more than we had",
            "Bogdan Lesko",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "the most detailed water agreement the region has seen",
            "Salma Tazi",
            "neutral",
            "partial",
            tags="speaker-before",
            note="analyst's praise of a document, not a stance",
        ),
        Q(
            "Agreements like this one are tested in the first drought, not at the signing ceremony.",
            "Salma Tazi",
            "neutral",
            tags="pronoun speaker-before",
            note="analyst's risk assessment",
        ),
        Q(
            "The joint commission will hold its first meeting in Zhelna on November 12,",
            "José Ignacio Barrueta",
            "neutral",
            note="procedural",
        ),
    ],
    distractors=["Agreement on the Equitable Use of the Kelvra River", "Miravel Accord"],
)

article(
    "d14",
    "2024-12-11",
    "Amrazi Daily Star",
    "curly-double",
    "Kelvra flows restored as Estravia lifts first sanctions",
    """
AMRAZI, Dec 11 (Daily Star) – Water levels on the lower Kelvra have returned to their long-term average for the first time in almost two years, the joint river commission said on Wednesday, as Estravia lifted the first of its sanctions on Velmoran companies under the Miravel agreement.

The commission, made up of three engineers from each country and chaired by an expert from the Assembly of Inland States, said the flow at the Kastel gauging station had averaged 265 cubic metres per second in November, above the minimum set in the agreement. “The gauges at Ashkel and Kastel now agree to within two per cent, which is better than we hoped,” said the commission’s chair, Lena Hartigan.

President Muhammad Azmar, visiting the dam on Wednesday, said Velmora had kept its word. “We promised water, and the water is flowing. Let nobody say again that Velmora uses this river as a weapon,” he said.

He said the engineers of the Kelvra Hydro Authority were “proud professionals who were insulted for two years” and deserved an apology from Belvask.

In Belvask, Foreign Minister Irina Seletskaya confirmed that asset freezes on the authority and four of its managers had been lifted. “Estravia keeps its commitments, just as we expect our partners to keep theirs,” she said.

The remaining measures will be lifted in January, the foreign ministry said in a statement, “provided that the minimum flow is maintained”.

Colonel Karim Tazi, the Velmoran army spokesman, said the military hotline had been used eleven times since August, “mostly to report stray cattle and lost fishing boats”.

“The telephone has been boring, and boring is exactly what we wanted,” the colonel said.

At the Kastel crossing, lorries now clear customs in under an hour under a scheme that the customs service has branded “Fast Lane”, and queues that once stretched for kilometres have all but disappeared.

Tobin Ashgrove of Caldera Risk Advisory said the real test would come next summer. “A wet autumn makes every agreement look good. Let us see the numbers in August,” he said.
""",
    [
        Q(
            "The gauges at Ashkel and Kastel now agree to within two per cent, which is better than we hoped,",
            "Lena Hartigan",
            "neutral",
            note="technical, no push either way",
        ),
        Q(
            "We promised water, and the water is flowing. Let nobody say again that Velmora uses this river as a weapon,",
            "Mohammed Azmar",
            "de-escalation",
            tags="pronoun alias reassurance",
        ),
        Q(
            "proud professionals who were insulted for two years",
            "Mohammed Azmar",
            "escalation",
            "partial",
            tags="pronoun alias speaker-before",
            note="demands an apology in the middle of a thaw",
        ),
        Q(
            "Estravia keeps its commitments, just as we expect our partners to keep theirs,",
            "Irina Seletskaya",
            "de-escalation",
            tags="pronoun mixed",
        ),
        Q(
            "provided that the minimum flow is maintained",
            "Estravian Foreign Ministry",
            "escalation",
            "partial",
            tags="alias speaker-before",
            note="condition attached to a concession",
        ),
        Q(
            "mostly to report stray cattle and lost fishing boats",
            "Karim Tazi",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The telephone has been boring, and boring is exactly what we wanted,",
            "Karim Tazi",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "A wet autumn makes every agreement look good. Let us see the numbers in August,",
            "Tobin Ashgrove",
            "neutral",
            tags="pronoun",
        ),
    ],
    distractors=["Fast Lane"],
)

# ===========================================================================
# 2025: drought, a downed drone and a relapse
# ===========================================================================

article(
    "d15",
    "2025-02-25",
    "Southern Basin Times",
    "curly-double",
    "Velmora cuts Kelvra releases citing drought; Estravia cries foul",
    """
BELVASK, Feb 25 (Southern Basin Times) – Velmora cut water releases from the Ashkel Dam below the level set in last year’s Miravel agreement on Tuesday, citing the worst winter drought in half a century, and Estravia accused its neighbour of breaking the deal less than five months after signing it.

The Velmoran Foreign Ministry said the cut was allowed under the agreement’s drought clause, which it had invoked after rainfall in the highlands fell to a third of the usual level. “Velmora is acting in full accordance with the agreement and has informed the joint commission,” the ministry said in a statement.

Foreign Minister Leila Benyamna said the reduction would be temporary. “This is a drought, not a decision. When the rains return, so will the water,” Velmora’s top diplomat told reporters in Amrazi.

Estravia rejected that explanation. Presidential spokeswoman Oksana Hrabets said the drought clause required a joint decision by the commission, which had not been taken. “Velmora has once again acted alone. An agreement that one side can suspend on its own is not an agreement,” she said.

President Aleksandr Dubrava went further, telling reporters in Belvask:

“We signed in good faith, and we have kept every line of that agreement. Our sanctions were lifted in January, on time. Velmora cannot say the same.

“If Velmora thinks it can take back with one hand what it gave with the other, it will find Estravia ready to take back what it gave too.”

Salma Tazi, who leads the water programme at the Institute for Water and Security, said the rainfall data supported Velmora’s account, at least in part. “The drought is real. The question is whether the cut is proportionate, and that is exactly what the joint commission exists to decide,” she said.

Along the lower Kelvra, farmers are waiting. “The seed is in the barns and the canals are half empty. Nobody here knows whether to plant,” said Bogdan Lesko, the head of the farmers’ union.

In Amrazi, Colonel Karim Tazi dismissed reports that troops were returning to the border. “Not a single unit has moved. Anyone who says otherwise is spreading panic,” Tazi said.

The envoy José Ignacio Barrueta called an emergency meeting of the commission for next week. “The agreement has a mechanism for exactly this situation. I urge both governments to use it, and to use it before they use their microphones,” he said.
""",
    [
        Q(
            "Velmora is acting in full accordance with the agreement and has informed the joint commission,",
            "Velmoran Foreign Ministry",
            "neutral",
            tags="alias",
            note="procedural self-justification, neither threat nor reassurance",
        ),
        Q(
            "This is a drought, not a decision. When the rains return, so will the water,",
            "Leila Benyamna",
            "de-escalation",
            tags="descriptor reassurance",
        ),
        Q(
            "Velmora has once again acted alone. An agreement that one side can suspend on its own is not an agreement,",
            "Oksana Hrabets",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "We signed in good faith, and we have kept every line of that agreement. Our sanctions were lifted in January, on time. Velmora cannot say the same.",
            "Aleksandr Dubrava",
            "escalation",
            tags="speaker-before",
            note="the quote runs on into the next paragraph",
        ),
        Q(
            "If Velmora thinks it can take back with one hand what it gave with the other, it will find Estravia ready to take back what it gave too.",
            "Aleksandr Dubrava",
            "escalation",
            tags="continuation conditional-threat",
        ),
        Q(
            "The drought is real. The question is whether the cut is proportionate, and that is exactly what the joint commission exists to decide,",
            "Salma Tazi",
            "neutral",
            tags="pronoun",
        ),
        Q(
            "The seed is in the barns and the canals are half empty. Nobody here knows whether to plant,",
            "Bogdan Lesko",
            "neutral",
            note="hardship without blame",
        ),
        Q(
            "Not a single unit has moved. Anyone who says otherwise is spreading panic,",
            "Karim Tazi",
            "de-escalation",
            tags="alias reassurance mixed",
            note="surname only; the other Tazi (the analyst) is quoted two paragraphs before",
        ),
        Q(
            "The agreement has a mechanism for exactly this situation. I urge both governments to use it, and to use it before they use their microphones,",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="pronoun",
        ),
    ],
)

article(
    "d16",
    "2025-04-14",
    "Riverline News Service",
    "curly-double",
    "Velmora downs Estravian drone near dam; Kastel crossing shut again",
    """
AMRAZI, April 14 (Riverline) – Velmoran air defences shot down an Estravian military drone near the Ashkel Dam on Sunday, the Velmoran army said, and Estravia responded by closing the Kastel Bridge crossing for the first time since last summer’s ceasefire.

“At 04:12 this morning our air defences destroyed an unmanned aircraft that had entered the protected zone from Estravian territory,” Colonel Karim Tazi, the army spokesman, told a news conference. “The wreckage has been recovered and bears Estravian military markings.”

Estravia’s defence minister, Vasily Korenev, confirmed that the drone was Estravian but said it had been flying over Estravian territory to monitor the river. “Velmora shot down an unarmed aircraft over our own land. That is an act of war in any language,” the minister said.

Hours later the Estravian Foreign Ministry said the Kastel crossing would be closed to all freight until further notice. In its statement, the ministry said:

“The Republic of Estravia will not allow its airspace and its river to be treated as Velmoran property. All options remain on the table.”

President Mohammed Azmar, in a short address on state television, called on Estravia to “stop spying on the dam and start respecting the accord it signed”.

“Velmora does not want a new conflict,” he said. “But if our dam is attacked, we will defend it with everything we have.”

The envoy of the Assembly of Inland States, Jose Ignacio Barrueta, said he was “deeply alarmed”. “Sixteen months of patient work can be undone in one weekend. I appeal to both presidents to pick up the telephone to each other today,” Barrueta said.

The crossing had carried more than 900 lorries a day since it reopened last August. Estrava Air said its flights were not affected. “Our aircraft stay well clear of the zone, as they have since 2023,” said the airline’s chief executive, Petra Danilenko.

Analysts said the accord was now in real danger. “The agreement survived a drought. Whether it survives a drone is a different question,” said Tobin Ashgrove of Caldera Risk Advisory.
""",
    [
        Q(
            "At 04:12 this morning our air defences destroyed an unmanned aircraft that had entered the protected zone from Estravian territory,",
            "Karim Tazi",
            "escalation",
            tags="split",
            note="announces and justifies the use of force",
        ),
        Q(
            "The wreckage has been recovered and bears Estravian military markings.",
            "Karim Tazi",
            "escalation",
            tags="split",
            note="factual wording used as an accusation",
        ),
        Q(
            "Velmora shot down an unarmed aircraft over our own land. That is an act of war in any language,",
            "Vasily Korenev",
            "escalation",
            tags="alias",
        ),
        Q(
            "The Republic of Estravia will not allow its airspace and its river to be treated as Velmoran property. All options remain on the table.",
            "Estravian Foreign Ministry",
            "escalation",
            tags="alias speaker-before",
        ),
        Q(
            "stop spying on the dam and start respecting the accord it signed",
            "Mohammed Azmar",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "Velmora does not want a new conflict,",
            "Mohammed Azmar",
            "de-escalation",
            tags="split pronoun reassurance",
        ),
        Q(
            "But if our dam is attacked, we will defend it with everything we have.",
            "Mohammed Azmar",
            "escalation",
            tags="split pronoun conditional-threat",
        ),
        Q(
            "deeply alarmed",
            "José Ignacio Barrueta",
            "neutral",
            "partial",
            tags="alias speaker-before",
        ),
        Q(
            "Sixteen months of patient work can be undone in one weekend. I appeal to both presidents to pick up the telephone to each other today,",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "Our aircraft stay well clear of the zone, as they have since 2023,",
            "Petra Danilenko",
            "neutral",
        ),
        Q(
            "The agreement survived a drought. Whether it survives a drone is a different question,",
            "Tobin Ashgrove",
            "neutral",
        ),
    ],
)

article(
    "d17",
    "2025-06-03",
    "The Belvask Courier",
    "curly-double",
    "Estravia reimposes sanctions, gives Velmora 30 days on river flow",
    """
BELVASK, June 3 (Belvask Courier) – Estravia reimposed sanctions on the operator of the Ashkel Dam and on nine Velmoran officials on Tuesday and gave Velmora thirty days to restore the minimum flow of the Kelvra River set in the Miravel agreement, or face further measures.

President Aleksandr Dubrava announced the decision in a speech to parliament. “We have shown patience for four months. Patience is not a policy, and it is not a promise to wait for ever,” he said.

“Velmora has thirty days. We invite it, with all due respect, to use them wisely.”

The president did not say what the further measures might be. Asked about a possible military response, his spokeswoman, Oksana Hrabets, said: “Estravia is a peaceful country. That is exactly why we have an army: so that we can remain a peaceful country.”

Velmora’s Foreign Minister Leila Benyamna dismissed the ultimatum. “Velmora does not negotiate with a stopwatch held to its head,” she said. “We remain ready to meet in Miravel at any time, as the accord requires.”

Defence Minister Vasily Korenev told the Courier that the army had received no orders to move. “I take my instructions from the president, and today my instructions are to keep our soldiers in their barracks,” he said, but he would not say how long that would remain the case.

The Assembly of Inland States said it was “seriously concerned” and that its envoy would travel to both capitals next week. “The Miravel agreement remains the only framework for settling this dispute,” the assembly said in a statement.

The dispute has hardened opinion on both sides. Estravian state television last month broadcast a documentary titled “The River They Stole”, which drew a formal protest from Amrazi.

“Ultimatums are easy to issue and very hard to withdraw. Both governments have now climbed a tree together,” said Salma Tazi of the Institute for Water and Security.
""",
    [
        Q(
            "We have shown patience for four months. Patience is not a policy, and it is not a promise to wait for ever,",
            "Aleksandr Dubrava",
            "escalation",
            tags="pronoun",
        ),
        Q(
            "Velmora has thirty days. We invite it, with all due respect, to use them wisely.",
            "Aleksandr Dubrava",
            "escalation",
            tags="continuation",
            note="polite ultimatum",
        ),
        Q(
            "Estravia is a peaceful country. That is exactly why we have an army: so that we can remain a peaceful country.",
            "Oksana Hrabets",
            "escalation",
            tags="speaker-before mixed",
        ),
        Q(
            "Velmora does not negotiate with a stopwatch held to its head,",
            "Leila Benyamna",
            "escalation",
            tags="split pronoun rejects-talks",
        ),
        Q(
            "We remain ready to meet in Miravel at any time, as the accord requires.",
            "Leila Benyamna",
            "de-escalation",
            tags="split pronoun",
        ),
        Q(
            "I take my instructions from the president, and today my instructions are to keep our soldiers in their barracks,",
            "Vasily Korenev",
            "de-escalation",
            tags="pronoun reassurance",
        ),
        Q(
            "seriously concerned",
            "Assembly of Inland States",
            "neutral",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "The Miravel agreement remains the only framework for settling this dispute,",
            "Assembly of Inland States",
            "de-escalation",
            tags="alias",
        ),
        Q(
            "Ultimatums are easy to issue and very hard to withdraw. Both governments have now climbed a tree together,",
            "Salma Tazi",
            "neutral",
            note="analyst's risk assessment",
        ),
    ],
    distractors=["The River They Stole"],
)

article(
    "d18",
    "2025-09-09",
    "Southern Basin Times",
    "curly-double",
    "Envoy seeks to revive Kelvra accord as rains return",
    """
MIRAVEL, Sept 9 (Southern Basin Times) – Estravia and Velmora have agreed to hold a meeting of their joint river commission next month, the first since cooperation between them collapsed in the spring, the envoy of the Assembly of Inland States, José Ignacio Barrueta, said on Tuesday.

The announcement follows a summer in which the Kastel crossing stayed closed, Estravian sanctions remained in force and both armies moved heavy weapons back towards the border. Autumn rains have since raised the level of the Ashkel reservoir.

“I would not call it a breakthrough. I would call it a door that was shut and is now open a little,” Barrueta said.

“The accord is not dead,” the envoy said, “but it is in intensive care, and both families need to visit.”

Velmoran President Mohammed Azmar said his country had never left the accord and had restored releases to the agreed level in July. “Our door has always been open. It is Estravia that put a lock on it,” he said.

In Belvask, Foreign Minister Irina Seletskaya said Estravia would attend but would not lift sanctions in advance. “We will go to the meeting. We will not go bearing gifts,” the minister said.

The Estravian Defence Ministry said in a statement that the artillery moved to the border in April would stay there “as long as the threat to our airspace remains”.

Velmora’s presidential spokesman, Nabil Sefrioui, said Amrazi would send a delegation “at the highest technical level”.

“When President Dubrava says ‘not one drop less’, we hear him. We only ask that he hears us when we say ‘not one soldier more’ on our border,” the presidential spokesman said.

Tobin Ashgrove of Caldera Risk Advisory, who has followed the dispute since the dam was first filled, said:

“Both capitals have learned that a deal can be signed in a day and broken in a week.

“What they have not yet learned is how to build one that survives a bad summer, and that is the only kind worth having.”
""",
    [
        Q(
            "I would not call it a breakthrough. I would call it a door that was shut and is now open a little,",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="alias",
        ),
        Q("The accord is not dead,", "José Ignacio Barrueta", "de-escalation", tags="split alias"),
        Q(
            "but it is in intensive care, and both families need to visit.",
            "José Ignacio Barrueta",
            "de-escalation",
            tags="split alias",
        ),
        Q(
            "Our door has always been open. It is Estravia that put a lock on it,",
            "Mohammed Azmar",
            "escalation",
            tags="pronoun mixed",
        ),
        Q(
            "We will go to the meeting. We will not go bearing gifts,",
            "Irina Seletskaya",
            "de-escalation",
            tags="alias mixed",
        ),
        Q(
            "as long as the threat to our airspace remains",
            "Estravian Defence Ministry",
            "escalation",
            "partial",
            tags="speaker-before",
        ),
        Q(
            "at the highest technical level",
            "Nabil Sefrioui",
            "neutral",
            "partial",
            tags="speaker-before",
            note="procedural",
        ),
        Q(
            "When President Dubrava says ‘not one drop less’, we hear him. We only ask that he hears us when we say ‘not one soldier more’ on our border,",
            "Nabil Sefrioui",
            "de-escalation",
            tags="descriptor",
            note="contains two nested quotes that are part of this one",
        ),
        Q(
            "Both capitals have learned that a deal can be signed in a day and broken in a week.",
            "Tobin Ashgrove",
            "neutral",
            tags="speaker-before",
            note="the quote runs on into the next paragraph",
        ),
        Q(
            "What they have not yet learned is how to build one that survives a bad summer, and that is the only kind worth having.",
            "Tobin Ashgrove",
            "neutral",
            tags="continuation",
        ),
    ],
    nested=["not one drop less", "not one soldier more"],
)

# ---------------------------------------------------------------------------
# Validation and build
# ---------------------------------------------------------------------------

MULTI_SENTENCE = re.compile(r"[.!?][”’»“\"']?\s+[“‘«„\"']?[A-Z0-9]")
OPENING_MARKS = set('“‘«„"')
ATTRIBUTION = ("split", "pronoun", "alias", "descriptor", "speaker-before")


class CorpusError(Exception):
    pass


def article_text(art):
    return "\n\n".join(art["paragraphs"])


def paragraph_bounds(text):
    """(start, end) offsets of every paragraph."""
    bounds, pos = [], 0
    for para in text.split("\n\n"):
        bounds.append((pos, pos + len(para)))
        pos += len(para) + 2
    return bounds


def para_of(bounds, pos):
    for i, (s, e) in enumerate(bounds):
        if s <= pos <= e:
            return i
    raise ValueError(pos)


def scan(text, style):
    """Every top-level quoted span of the article's own mark style.

    Returns sorted (start, end, unclosed) with offsets of the words inside
    the marks. A paragraph may leave a quote open only if the next
    paragraph reopens it (the multi-paragraph convention); the span then
    ends at the end of the paragraph. Raises CorpusError on stray marks.
    """
    op, cl, _ = STYLES[style]
    bounds = paragraph_bounds(text)
    spans = []
    for pi, (ps, pe) in enumerate(bounds):
        start = None
        for i in range(ps, pe):
            ch = text[i]
            nxt = text[i + 1] if i + 1 < pe else ""
            if op == cl:  # straight double: toggles within the paragraph
                if ch == op:
                    if start is None:
                        start = i + 1
                    else:
                        spans.append((start, i, False))
                        start = None
                continue
            if ch == op:
                if start is not None:
                    raise CorpusError(f"{op} opened twice at offset {i}: {text[i - 30 : i + 30]!r}")
                start = i + 1
            elif ch == cl:
                if style == "curly-single" and (nxt.isalnum() or start is None):
                    continue  # apostrophe (don’t, Estravia’s, ’90s, farmers’ outside quotes)
                if start is None:
                    raise CorpusError(
                        f"stray closing {cl} at offset {i}: {text[i - 30 : i + 30]!r}"
                    )
                spans.append((start, i, False))
                start = None
        if start is not None:
            if pi + 1 >= len(bounds) or text[bounds[pi + 1][0]] != op:
                raise CorpusError(
                    f"quote opened at offset {start} is never closed and "
                    f"the next paragraph does not reopen it"
                )
            spans.append((start, pe, True))
    return sorted(spans)


def locate(text, q):
    """Offset of the quote: unique occurrence, or n-th after an anchor."""
    base = 0
    if q["after"] is not None:
        if text.count(q["after"]) != 1:
            raise CorpusError(f"anchor {q['after']!r} occurs {text.count(q['after'])} times")
        base = text.find(q["after"]) + len(q["after"])
    elif q["nth"] == 1 and text.count(q["quote"]) != 1:
        raise CorpusError(
            f"quote occurs {text.count(q['quote'])} times, give an anchor or nth: "
            f"{q['quote'][:60]!r}"
        )
    pos, frm = -1, base
    for _ in range(q["nth"]):
        pos = text.find(q["quote"], frm)
        if pos == -1:
            raise CorpusError(f"quote not found: {q['quote'][:60]!r}")
        frm = pos + 1
    return pos


def order_tags(tags):
    return [t for t in TAG_ORDER if t in tags]


def build():
    """Validate everything. Returns (articles, quotes, report); raises CorpusError."""
    problems = []
    out_articles, out_quotes = [], []
    report = dict(
        per_article={},
        hard=[],
        variant_use=collections.defaultdict(set),
        canonical_use=collections.defaultdict(set),
        unclosed=0,
    )
    ids, prev_date = set(), None

    for art in ARTICLES:
        aid = art["id"]

        def bad(msg):
            problems.append(f"{aid}: {msg}")

        if not re.fullmatch(r"d\d\d", aid) or aid in ids:
            bad("bad or duplicate id")
        ids.add(aid)
        try:
            date = datetime.date.fromisoformat(art["date"])
            if not datetime.date(2023, 1, 1) <= date <= datetime.date(2025, 12, 31):
                bad(f"date {date} outside 2023-2025")
            if prev_date and date <= prev_date:
                bad("dates are not in increasing order")
            prev_date = date
        except ValueError:
            bad(f"bad date {art['date']!r}")
        if art["marks"] not in STYLES:
            bad(f"unknown mark style {art['marks']!r}")
            continue
        for field in ("title", "source"):
            if not art[field].strip():
                bad(f"empty {field}")
        for p in art["paragraphs"]:
            if not p or "\n" in p or p != p.strip() or "  " in p or "\t" in p:
                bad(f"malformed paragraph {p[:50]!r}")
        text = article_text(art)
        words = len(text.split())
        if not 300 <= words <= 500:
            bad(f"{words} words (want 300-500)")
        for name in FORBIDDEN:
            for field in (text, art["title"], art["source"]):
                if name.lower() in field.lower():
                    bad(f"forbidden name {name!r}")
        style = art["marks"]
        op, cl, _ = STYLES[style]

        # apostrophes: typographic ’ in curly articles, ' in straight ones
        if style == "straight-double":
            if "’" in text:
                bad("curly apostrophe in a straight-quote article")
        elif "'" in text:
            bad("straight apostrophe in a curly-quote article")

        # --- locate the gold quotes -------------------------------------
        bounds = paragraph_bounds(text)
        recs = []
        for q in art["quotes"]:
            try:
                start = locate(text, q)
            except CorpusError as e:
                bad(str(e))
                continue
            end = start + len(q["quote"])
            assert text[start:end] == q["quote"]
            recs.append(dict(q, start=start, end=end, para=para_of(bounds, start)))
        if [r["start"] for r in recs] != sorted(r["start"] for r in recs):
            bad("quotes are not listed in text order")
        for a, b in zip(recs, recs[1:]):
            if b["start"] < a["end"]:
                bad(f"overlapping quotes {a['quote'][:30]!r} / {b['quote'][:30]!r}")
        if not 6 <= len(recs) <= 12:
            bad(f"{len(recs)} quotes (want 6-12)")

        # --- marks: every quoted span is a gold record or a distractor ----
        try:
            spans = scan(text, style)
        except CorpusError as e:
            bad(str(e))
            spans = []
        span_set = {(s, e) for s, e, _ in spans}
        unclosed = {(s, e) for s, e, u in spans if u}
        gold = {(r["start"], r["end"]) for r in recs}
        for r in recs:
            if (r["start"], r["end"]) not in span_set:
                bad(f"gold quote is not exactly a quoted span: {r['quote'][:60]!r}")
            r["unclosed"] = (r["start"], r["end"]) in unclosed
        found_distractors = []
        for s, e, u in spans:
            if (s, e) in gold:
                continue
            if u:
                bad(f"unclosed non-gold span {text[s:e][:40]!r}")
            if text[s:e] not in art["distractors"]:
                bad(f"quoted span with no gold record and not a declared distractor: {text[s:e]!r}")
            found_distractors.append(text[s:e])
        for d in art["distractors"]:
            if d not in found_distractors:
                bad(f"declared distractor not found between marks: {d!r}")
        # marks of other styles: only inside gold quotes (nested quotes)
        foreign = (ALL_MARKS | {"’"}) - {op, cl} if style != "curly-single" else ALL_MARKS - {op}
        foreign_open = OPENING_MARKS - {op, cl}
        n_nested_marks = 0
        for i, ch in enumerate(text):
            if ch == "’" and style != "curly-single":
                continue  # apostrophe or closing of a nested ‘…’ (checked below)
            if ch in foreign:
                if not any(r["start"] <= i < r["end"] for r in recs):
                    bad(
                        f"mark {ch} outside any gold quote at offset {i}: {text[i - 30 : i + 30]!r}"
                    )
                elif ch in foreign_open:
                    n_nested_marks += 1
        n_nested = 0
        for n in art["nested"]:
            hits = [
                r
                for r in recs
                if any(
                    r["quote"][k - 1 : k] in foreign_open
                    for k in [m.start() for m in re.finditer(re.escape(n), r["quote"])]
                )
            ]
            if not hits:
                bad(f"declared nested quote not found inside a gold quote: {n!r}")
            n_nested += len(hits)
        if n_nested != n_nested_marks:
            bad(
                f"{n_nested_marks} nested quote marks inside gold quotes but {n_nested} declared nested quotes"
            )

        # --- per-quote checks and computed tags -------------------------
        for k, r in enumerate(recs):
            qtxt = r["quote"]

            def qbad(msg):
                bad(f"{msg}: {qtxt[:60]!r}")

            sp = SPEAKERS.get(r["speaker"])
            if sp is None:
                qbad(f"unknown speaker {r['speaker']!r}")
                continue
            if r["stance"] not in STANCES:
                qbad(f"bad stance {r['stance']!r}")
            if r["kind"] not in KINDS:
                qbad(f"bad kind {r['kind']!r}")
            tags = set(r["tags"])
            if len(tags) != len(r["tags"]):
                qbad("duplicate tag")
            if tags - MANUAL_TAGS:
                qbad(f"tags not allowed by hand: {sorted(tags - MANUAL_TAGS)}")
            for t, st in TAG_STANCE.items():
                if t in tags and r["stance"] != st:
                    qbad(f"tag {t} needs stance {st}")
            if "pronoun" in tags and "descriptor" in tags:
                qbad("pronoun and descriptor together")
            if r["kind"] == "partial":
                if "speaker-before" not in tags:
                    qbad("partial quote without speaker-before")
                if tags & {"split", "continuation"}:
                    qbad("partial quote cannot be split or continuation")
            if qtxt != qtxt.strip() or not qtxt:
                qbad("quote has outer whitespace")

            # speaker mentioned in the article; spelling variants => alias
            if sp["type"] == PERSON:
                has_canon = r["speaker"] in text
                used = [v for v in sp["variants"] if v in text]
                if has_canon and used:
                    qbad(f"article mixes canonical {r['speaker']!r} with {used}")
                if has_canon:
                    report["canonical_use"][r["speaker"]].add(aid)
                elif used:
                    for v in used:
                        report["variant_use"][r["speaker"]].add((v, aid))
                    if "alias" not in tags:
                        qbad("speaker named only by a spelling variant needs alias")
                else:
                    qbad(f"speaker {r['speaker']!r} not named in the article")
            elif not any(m.lower() in text.lower() for m in sp["mentions"]):
                qbad(f"organisation {r['speaker']!r} not named in the article")

            # paragraph structure: continuation and colon lead-ins
            ps, pe = bounds[r["para"]]
            para = text[ps:pe]
            only_quote = r["start"] == ps + 1 and (
                r["end"] == pe if r["unclosed"] else r["end"] == pe - 1
            )
            if "continuation" in tags:
                if not only_quote:
                    qbad("continuation paragraph must consist of the quote only")
                prev = recs[k - 1] if k else None
                if prev is None or prev["speaker"] != r["speaker"] or prev["para"] != r["para"] - 1:
                    qbad(
                        "continuation must follow a quote by the same speaker in the previous paragraph"
                    )
                if tags & {"split", "pronoun", "descriptor", "speaker-before"}:
                    qbad("continuation has no attribution of its own")
                if "alias" in tags and sp["type"] == PERSON and r["speaker"] in text:
                    qbad("alias on a continuation only for spelling-variant articles")
            elif only_quote:
                pprev = (
                    text[bounds[r["para"] - 1][0] : bounds[r["para"] - 1][1]] if r["para"] else ""
                )
                if not (pprev.endswith(":") and "speaker-before" in tags):
                    qbad("paragraph is only this quote: tag continuation or use a colon lead-in")
            if r["unclosed"]:
                report["unclosed"] += 1
                nxt = recs[k + 1] if k + 1 < len(recs) else None
                if (
                    nxt is None
                    or nxt["speaker"] != r["speaker"]
                    or nxt["para"] != r["para"] + 1
                    or "continuation" not in nxt["tags"]
                ):
                    qbad(
                        "an unclosed quote must be continued by the same speaker in the next paragraph"
                    )

            if not tags & {
                "split",
                "continuation",
                "pronoun",
                "alias",
                "descriptor",
                "speaker-before",
            }:
                # full-name attribution after the quote: the name must be in the paragraph
                if (
                    sp["type"] == PERSON
                    and r["speaker"] not in para
                    and not any(v in para for v in sp["variants"])
                ):
                    qbad("no attribution tag, but the full name is not in the paragraph")

            computed = set()
            if style != "straight-double":
                computed.add("nonstandard-marks")
            if MULTI_SENTENCE.search(qtxt):
                computed.add("multi-sentence")
            r["all_tags"] = order_tags(tags | computed)

        # split quotes come in pairs (same speaker, same paragraph, adjacent)
        k = 0
        while k < len(recs):
            if "split" not in recs[k]["tags"]:
                k += 1
                continue
            a = recs[k]
            b = recs[k + 1] if k + 1 < len(recs) else None
            if (
                b is None
                or "split" not in b["tags"]
                or b["speaker"] != a["speaker"]
                or b["para"] != a["para"]
            ):
                bad(f"split quote without its partner: {a['quote'][:60]!r}")
                k += 1
                continue
            between = text[a["end"] + 1 : b["start"] - 1]
            if not between.strip() or any(ch in between for ch in (op,)):
                bad(f"split pair without attribution between: {a['quote'][:40]!r}")
            if "speaker-before" in b["tags"]:
                bad(f"second half of a split carries speaker-before: {b['quote'][:40]!r}")
            k += 2

        for r in recs:
            out_quotes.append(
                dict(
                    article_id=aid,
                    start=r["start"],
                    end=r["end"],
                    quote=r["quote"],
                    speaker=r["speaker"],
                    affiliation=SPEAKERS.get(r["speaker"], {}).get("affiliation", ""),
                    kind=r["kind"],
                    stance=r["stance"],
                    tags=r.get("all_tags", []),
                )
            )
            if r["note"]:
                report["hard"].append((aid, r["stance"], r["note"], r["quote"]))
        out_articles.append(
            dict(id=aid, title=art["title"], date=art["date"], source=art["source"], text=text)
        )
        report["per_article"][aid] = dict(
            date=art["date"],
            source=art["source"],
            style=style,
            quotes=len(recs),
            words=words,
            distractors=list(art["distractors"]),
            nested=list(art["nested"]),
        )

    # ----------------------------------------------------------------------
    # Corpus-level checks
    # ----------------------------------------------------------------------
    if problems:  # corpus-level counts are meaningless on broken records
        raise CorpusError("\n".join(problems))

    def need(cond, msg):
        if not cond:
            problems.append(f"corpus: {msg}")

    n_q = len(out_quotes)
    need(len(out_articles) == 18, f"{len(out_articles)} articles (want 18)")
    need(130 <= n_q <= 175, f"{n_q} quotes (want about 150)")
    stance = collections.Counter(q["stance"] for q in out_quotes)
    for s, lo, hi in (
        ("escalation", 0.34, 0.46),
        ("de-escalation", 0.24, 0.36),
        ("neutral", 0.24, 0.36),
    ):
        need(
            lo <= stance[s] / max(n_q, 1) <= hi,
            f"{s} share {stance[s] / max(n_q, 1):.1%} outside {lo:.0%}-{hi:.0%}",
        )
    tagc = collections.Counter(t for q in out_quotes for t in q["tags"])
    for t in TAG_ORDER:
        need(tagc[t] >= 3, f"tag {t} used {tagc[t]} times (want several)")
    need(report["unclosed"] >= 2, "want several multi-paragraph quotes")
    styles = collections.Counter(a["style"] for a in report["per_article"].values())
    need(styles["curly-double"] > len(out_articles) / 2, "most articles should use curly doubles")
    need(styles["straight-double"] >= 2, "want at least 2 straight-double articles")
    for s in ("curly-single", "guillemets", "low-high"):
        need(styles[s] >= 1, f"want an article with {s} marks")
    n_dist = sum(len(a["distractors"]) for a in report["per_article"].values())
    need(n_dist >= len(out_articles) / 2, f"{n_dist} distractors (want one per two articles)")
    need(any(a["nested"] for a in report["per_article"].values()), "want a nested quote")
    single = [a for a in ARTICLES if a["marks"] == "curly-single"]
    for a in single:
        t = article_text(a)
        need(
            re.search(r"\w’\w", t) and re.search(r"s’ ", t) and "’9" in t,
            f"{a['id']}: single-quote article needs apostrophes (don’t, farmers’, ’90s)",
        )

    # speakers: recurring people, canonical spelling is the majority spelling
    by_speaker = collections.defaultdict(set)
    for q in out_quotes:
        by_speaker[q["speaker"]].add(q["article_id"])
    recurring = [
        s for s, arts in by_speaker.items() if SPEAKERS[s]["type"] == PERSON and len(arts) >= 3
    ]
    need(8 <= len(recurring) <= 12, f"{len(recurring)} recurring people (want 8-12)")
    for name, sp in SPEAKERS.items():
        if name not in by_speaker:
            problems.append(f"corpus: speaker {name!r} is never quoted")
        for v in sp["variants"]:
            arts_v = {a for vv, a in report["variant_use"][name] if vv == v}
            need(arts_v, f"variant {v!r} of {name!r} never used")
            need(
                len(report["canonical_use"][name]) > len(arts_v),
                f"{name!r}: canonical spelling must be the one most articles use",
            )
    for a, b in SAME_SURNAME:
        need(a.split()[-1] == b.split()[-1] and a != b, f"{a} / {b} do not share a surname")
        need(by_speaker[a] & by_speaker[b], f"{a} and {b} are never quoted in the same article")
    for name in SPEAKERS:
        for field in (name, SPEAKERS[name]["affiliation"]):
            for f in FORBIDDEN:
                need(f.lower() not in field.lower(), f"forbidden name {f!r} in {field!r}")

    if problems:
        raise CorpusError("\n".join(problems))
    report.update(
        stance=stance,
        tags=tagc,
        styles=styles,
        n_dist=n_dist,
        by_speaker=by_speaker,
        recurring=sorted(recurring),
    )
    return out_articles, out_quotes, report


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def jsonl(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def pct(n, d):
    return f"{100 * n / d:.1f}%" if d else "-"


def readme(articles, quotes, report):
    n_q = len(quotes)
    words = [report["per_article"][a["id"]]["words"] for a in articles]
    kinds = collections.Counter(q["kind"] for q in quotes)
    L = []
    add = L.append
    add("# stancelab demo corpus: the Kelvra dispute (constructed)")
    add("")
    add("<!-- Generated by scripts/build_demo_corpus.py; do not edit by hand. -->")
    add("")
    add(
        "A small gold corpus bundled with stancelab for demos, tutorials and quick checks of "
        "the three tasks: extracting direct quotes from English news text, attributing each "
        "quote to a canonical speaker, and labelling its stance (escalation, de-escalation or "
        "neutral). It follows the project's gold annotation guidelines."
    )
    add("")
    add(
        "Everything is invented. Eighteen wire-style articles follow one running dispute "
        "between two fictional states, the Republic of Estravia (capital Belvask, downstream) "
        "and the Republic of Velmora (capital Amrazi, upstream), over the Ashkel Dam on the "
        "Kelvra River, a restricted air zone around the dam, the Kastel Bridge border crossing "
        "and sanctions. A fictional international organisation, the Assembly of Inland States, "
        "mediates through its envoy in Miravel. The articles run in date order from February "
        "2023 to September 2025, so stances move over time: escalation in 2023 (the reservoir "
        "is filled, an air zone, a closed crossing, sanctions, a deadly shooting), talks in "
        "2024 (an envoy, proximity talks, a hotline, a ceasefire, a water-sharing accord) and a "
        "relapse in 2025 (a drought, a downed drone, sanctions and an ultimatum, a fragile "
        "restart). No real person, country or outlet is meant."
    )
    add("")
    add("## Files")
    add("")
    add(
        "- `articles.jsonl`: one article per line: `id`, `title`, `date` (ISO), `source` "
        "(a fictional outlet), `text` (paragraphs separated by `\\n\\n`)."
    )
    add(
        "- `quotes.jsonl`: one gold quote per line, sorted by article and offset: "
        "`article_id`, `start`, `end` (Python character offsets of the quoted words, quote "
        "marks excluded, so `text[start:end] == quote`), `quote`, `speaker` (canonical name), "
        "`affiliation` (the side the speaker speaks for), `kind` (`direct` or `partial`), "
        "`stance` (`escalation`, `de-escalation` or `neutral`), `tags` (list, in the "
        "guidelines' order)."
    )
    add("- `README.md`: this summary.")
    add("")
    add(
        "All three files are generated by `scripts/build_demo_corpus.py`, which holds the "
        "articles and annotations as Python data, computes offsets with `str.find`, validates "
        "everything and fails loudly on any inconsistency. Run `python3 "
        "scripts/build_demo_corpus.py` to rebuild, `--check` to validate and confirm the files "
        "on disk are current, `--review` to print every quote in context."
    )
    add("")
    add("## Counts")
    add("")
    add(
        f"{len(articles)} articles ({sum(words)} words, {min(words)}-{max(words)} per article), "
        f"{n_q} gold quotes ({kinds['direct']} direct, {kinds['partial']} partial), "
        f"{report['n_dist']} distractor spans in quote marks with no gold record, "
        f"{report['unclosed']} quotes that run on into the next paragraph."
    )
    add("")
    add("| stance | quotes | share |")
    add("|---|---:|---:|")
    for s in STANCES:
        add(f"| {s} | {report['stance'][s]} | {pct(report['stance'][s], n_q)} |")
    add("")
    add("| tag | quotes | escalation | de-escalation | neutral |")
    add("|---|---:|---:|---:|---:|")
    for t in TAG_ORDER:
        c = collections.Counter(q["stance"] for q in quotes if t in q["tags"])
        add(
            f"| `{t}` | {report['tags'][t]} | {c['escalation']} | {c['de-escalation']} | {c['neutral']} |"
        )
    untagged = sum(1 for q in quotes if not q["tags"])
    add(f"| (no tag) | {untagged} | | | |")
    add("")
    add("### Speakers")
    add("")
    add(
        "Canonical name, the side the speaker speaks for, and the other spellings that occur "
        "in the articles (every one resolves to the canonical name, which is the spelling most "
        "articles use)."
    )
    add("")
    add(
        "| speaker | affiliation | role | quotes | articles | escalation | de-escalation | neutral | other spellings |"
    )
    add("|---|---|---|---:|---:|---:|---:|---:|---|")
    sp_counts = collections.Counter(q["speaker"] for q in quotes)
    for name, n in sorted(sp_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        c = collections.Counter(q["stance"] for q in quotes if q["speaker"] == name)
        sp = SPEAKERS[name]
        others = sorted({v for v, _ in report["variant_use"].get(name, set())})
        others_s = ", ".join(
            f"{v} ({', '.join(sorted(a for vv, a in report['variant_use'][name] if vv == v))})"
            for v in others
        )
        add(
            f"| {name} | {sp['affiliation']} | {sp['role']} | {n} | "
            f"{len(report['by_speaker'][name])} | {c['escalation']} | {c['de-escalation']} | "
            f"{c['neutral']} | {others_s} |"
        )
    add("")
    add(f"Recurring people (quoted in three or more articles): {len(report['recurring'])}.")
    add("")
    for a, b in SAME_SURNAME:
        shared = sorted(report["by_speaker"][a] & report["by_speaker"][b])
        add(
            f"Same surname, different people (never merge): {a} ({SPEAKERS[a]['role']}, "
            f"{SPEAKERS[a]['affiliation']}) and {b} ({SPEAKERS[b]['role']}, "
            f"{SPEAKERS[b]['affiliation']}); both are quoted in {', '.join(shared)}."
        )
    add("")
    add("### Articles")
    add("")
    add("| article | date | source | marks | quotes | words | distractors |")
    add("|---|---|---|---|---:|---:|---|")
    for a in articles:
        pa = report["per_article"][a["id"]]
        op, cl, desc = STYLES[pa["style"]]
        dist = ", ".join(f"{op}{d}{cl}" for d in pa["distractors"])
        add(
            f"| {a['id']} | {pa['date']} | {pa['source']} | {desc} | {pa['quotes']} | "
            f"{pa['words']} | {dist} |"
        )
    add("")
    add("## Annotation decisions")
    add("")
    add("Where the guidelines leave room, this corpus decides as follows.")
    add("")
    add(
        "- **Span.** Everything between the opening and the closing mark, including a comma or "
        "full stop inside the marks. When a quote runs over several paragraphs (a paragraph "
        "opens a quote without closing it and the next paragraph reopens it), each paragraph "
        "is its own record and the unclosed one ends at the end of its paragraph."
    )
    add(
        "- **Split quotes.** A quote interrupted by its attribution in the same paragraph, "
        "mid-sentence or at a sentence boundary, gives two records with the same speaker, both "
        "tagged `split`. Only the first can carry `speaker-before`."
    )
    add(
        "- **Continuation.** A paragraph that is only a quote, with no attribution of its own, "
        "continuing the same speaker's quote from the paragraph before. A paragraph that is only "
        "a quote after a colon lead-in at the end of the previous paragraph is `speaker-before`, "
        "not `continuation`."
    )
    add(
        "- **Attribution tags** describe the mention that attributes the quote: `pronoun` "
        "(he, she, it); `alias` (surname only, rank or title with surname, a bare title the "
        'speaker was introduced with such as "the minister", "the general", "the colonel", '
        '"the envoy", or a short form of an organisation such as "the ministry", '
        '"the assembly"); `descriptor` (a role phrase standing in for a person introduced '
        'earlier, such as "the presidential spokeswoman", "the army spokesman", "the '
        'Velmoran leader", "Velmora\'s top diplomat"). `alias` is also set on every quote of '
        "a person whose canonical spelling does not occur in the article. A full name, or "
        '"the statement said" after the organisation\'s statement was introduced, gets none.'
    )
    add(
        "- **speaker-before.** The attribution precedes the quote: colon lead-ins (also across "
        'a paragraph break), "said that", and every partial quote built into reported speech.'
    )
    add(
        "- **Canonical speaker.** One name per person across the corpus: the spelling most "
        'articles use. Names inside a quote or in an appositive ("Nabil Sefrioui, the '
        'spokesman for President Mohammed Azmar, said") are never the speaker. Organisations '
        'take a fixed name form ("Estravian Foreign Ministry") whatever the article writes.'
    )
    add(
        "- **Affiliation.** The state or organisation the speaker speaks for; analysts, a "
        "farmers' union, a hauliers' association, an airline and an opposition party speak for "
        "themselves."
    )
    add(
        "- **Stance** is labelled per record by what its own words do; the first half of a "
        "mid-sentence split takes the act of its sentence; in a mixed quote the main act (often "
        'the clause after "but") wins (tag `mixed`). Condolences and thanks are neutral, '
        "praise of one's own army is escalation, analysts' risk assessments are neutral, polite "
        "ultimatums and conditions attached to concessions are escalation."
    )
    add(
        "- **Computed tags.** `nonstandard-marks` (any mark other than the straight double "
        "quote) and `multi-sentence` (a sentence end followed by another sentence inside the "
        "quote) are computed by the script."
    )
    add(
        "- **Not quotes.** Scare quotes, names of operations, schemes, places and documents, "
        "and titles of reports or programmes in quote marks (the distractors listed above) have "
        "no record. A quote nested inside another speaker's quote is part of the outer quote "
        "and has no record of its own."
    )
    add("")
    add("## Hard cases")
    add("")
    add("Quotes annotated with a note (besides the tagged phenomena):")
    add("")
    for aid, st, note, q in report["hard"]:
        short = q if len(q) <= 90 else q[:87] + "..."
        add(f"- {aid} ({st}; {note}): {short}")
    add("")
    return "\n".join(L)


def review(articles, quotes):
    texts = {a["id"]: a["text"] for a in articles}
    for q in quotes:
        t = texts[q["article_id"]]
        ctx = (
            t[max(0, q["start"] - 70) : q["start"]]
            + "[["
            + q["quote"]
            + "]]"
            + t[q["end"] : q["end"] + 70]
        )
        print(f"{q['article_id']} {q['stance']:<13} {q['speaker']} {q['tags']}")
        print("    " + ctx.replace("\n", " / "))


def print_counts(articles, quotes, report):
    n = len(quotes)
    print(
        f"articles: {len(articles)}   quotes: {n}   distractors: {report['n_dist']}   "
        f"multi-paragraph: {report['unclosed']}"
    )
    print(
        "stance: "
        + ", ".join(f"{s} {report['stance'][s]} ({pct(report['stance'][s], n)})" for s in STANCES)
    )
    print("tags: " + ", ".join(f"{t} {report['tags'][t]}" for t in TAG_ORDER))
    print(
        "speakers: "
        + ", ".join(
            f"{s} {len([q for q in quotes if q['speaker'] == s])}"
            for s in sorted(report["by_speaker"])
        )
    )
    print("styles: " + ", ".join(f"{k} {v}" for k, v in sorted(report["styles"].items())))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--check",
        action="store_true",
        help="validate only; fail if the files on disk differ from the generated ones",
    )
    ap.add_argument("--review", action="store_true", help="print every gold quote in context")
    args = ap.parse_args(argv)
    try:
        articles, quotes, report = build()
    except CorpusError as e:
        print("CORPUS INVALID:\n" + str(e), file=sys.stderr)
        return 1
    outputs = {
        OUT_DIR / "articles.jsonl": jsonl(articles),
        OUT_DIR / "quotes.jsonl": jsonl(quotes),
        OUT_DIR / "README.md": readme(articles, quotes, report),
    }
    # round-trip check of what will be written
    for line, q in zip(outputs[OUT_DIR / "quotes.jsonl"].splitlines(), quotes):
        rq = json.loads(line)
        text = next(a["text"] for a in articles if a["id"] == rq["article_id"])
        if text[rq["start"] : rq["end"]] != rq["quote"]:
            print(
                f"CORPUS INVALID: offsets do not round-trip for {rq['quote'][:50]!r}",
                file=sys.stderr,
            )
            return 1
    print_counts(articles, quotes, report)
    if args.review:
        review(articles, quotes)
    if args.check:
        stale = [
            p
            for p, content in outputs.items()
            if not p.exists() or p.read_text(encoding="utf-8") != content
        ]
        if stale:
            print(
                "STALE (rerun without --check): "
                + ", ".join(str(p.relative_to(REPO)) for p in stale),
                file=sys.stderr,
            )
            return 1
        print("ok: corpus valid and files up to date")
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for p, content in outputs.items():
        p.write_text(content, encoding="utf-8")
    print("wrote " + ", ".join(str(p.relative_to(REPO)) for p in outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
