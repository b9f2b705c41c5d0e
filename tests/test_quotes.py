"""Quote extraction and attribution: one small text per phenomenon."""

from __future__ import annotations

import pytest

from stancelab.quotes import Quote, _Gazetteer, extract_corpus, extract_quotes, find_quote_spans


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def rows(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.quote, q.speaker, q.kind) for q in extract_quotes(text, "t")]


# --- marks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will talk," he said.', ["We will talk,"]),
        ("“We will talk,” he said.", ["We will talk,"]),
        ("‘We will talk,’ he said.", ["We will talk,"]),
        ("'We will talk,' he said.", ["We will talk,"]),
        ("«We will talk», he said.", ["We will talk"]),
        ("„We will talk“, he said.", ["We will talk"]),
        ("‚We will talk‘, he said.", ["We will talk"]),
    ],
)
def test_every_mark_style(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_apostrophes_are_not_marks() -> None:
    text = (
        "The students’ union, formed in the ’90s, said it didn't agree. "
        "‘We don’t accept the ministry’s plan,’ its leader said."
    )
    assert spans(text) == ["We don’t accept the ministry’s plan,"]


def test_straight_single_quotes_with_possessives() -> None:
    text = "'The workers' demands are fair,' said Lena Ortiz, the union's head."
    assert spans(text) == ["The workers' demands are fair,"]


def test_unmatched_mark_never_raises() -> None:
    for text in ['He said "no', "“Open", "”", "'", "«»", 'a " b " c "', "‘’‘’"]:
        for q in extract_quotes(text):
            assert text[q.start : q.end] == q.quote


def test_nested_quote_belongs_to_outer() -> None:
    text = "“They keep saying ‘we want peace’ while shelling us,” said Minister Ana Ruiz."
    qs = extract_quotes(text)
    assert [q.quote for q in qs] == ["They keep saying ‘we want peace’ while shelling us,"]
    assert qs[0].speaker == "Ana Ruiz"


def test_quote_running_on_to_next_paragraph() -> None:
    text = (
        "Defence Minister Pavel Orlov spoke at length. “We have been patient for a year.\n\n"
        "“Our patience is not endless,” he said."
    )
    qs = extract_quotes(text)
    assert [q.quote for q in qs] == [
        "We have been patient for a year.",
        "Our patience is not endless,",
    ]
    assert {q.speaker for q in qs} == {"Pavel Orlov"}


# --- where the speaker is ----------------------------------------------------


def test_speaker_after_name_and_inverted() -> None:
    text = (
        "Foreign Minister Ana Ruiz met the envoy.\n\n"
        "“The border stays closed,” Ruiz told reporters.\n\n"
        "“We will not move,” said Ruiz."
    )
    assert [s for _, s, _ in rows(text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_speaker_before_with_colon() -> None:
    text = "Interior Minister Karel Dusek said: “Order has been restored.”"
    assert rows(text) == [("Order has been restored.", "Karel Dusek", "direct")]


def test_colon_lead_in_across_paragraphs() -> None:
    text = "Prime Minister Iva Novak told parliament:\n\n“We will sign the accord tomorrow.”"
    assert rows(text) == [("We will sign the accord tomorrow.", "Iva Novak", "direct")]


def test_split_quote_two_records_one_speaker() -> None:
    text = "“We must talk,” Admiral Jonas Berg said, “but not under fire.”"
    assert rows(text) == [
        ("We must talk,", "Jonas Berg", "direct"),
        ("but not under fire.", "Jonas Berg", "direct"),
    ]


def test_split_at_sentence_boundary() -> None:
    text = "General Tomas Weir inspected the line. “We are ready,” Weir said. “Nobody should doubt it.”"
    assert [s for _, s, _ in rows(text)] == ["Tomas Weir", "Tomas Weir"]


def test_pronoun_uses_gender() -> None:
    text = (
        "Foreign Minister Ana Ruiz met Defence Minister Mr Pavel Orlov on Monday.\n\n"
        "“We agreed on a hotline,” she said.\n\n"
        "“The hotline will work around the clock,” he added."
    )
    assert [s for _, s, _ in rows(text)] == ["Ana Ruiz", "Pavel Orlov"]


def test_role_descriptor_resolves_to_person() -> None:
    text = (
        "Presidential spokesman Ivo Markan said the talks would go ahead.\n\n"
        "Later, the presidential spokesman added: “Nothing has changed.”"
    )
    assert rows(text)[-1][1] == "Ivo Markan"


def test_organisation_speaker() -> None:
    text = (
        "Norland accused its neighbour of a border violation.\n\n"
        "“The incursion will not go unanswered,” Norland’s foreign ministry said in a statement."
    )
    q = extract_quotes(text)[0]
    assert q.speaker_kind == "organisation"
    assert "Foreign Ministry" in q.speaker
    assert q.affiliation == "Norland"


def test_continuation_paragraph() -> None:
    text = (
        "“We are not afraid,” said Colonel Rui Matos.\n\n"
        "“We have defended this valley before and we will do it again.”"
    )
    assert [s for _, s, _ in rows(text)] == ["Rui Matos", "Rui Matos"]


def test_partial_quote_in_reported_speech() -> None:
    text = "Opposition leader Maria Lind called the decision “a reckless provocation” on Tuesday."
    assert rows(text) == [("a reckless provocation", "Maria Lind", "partial")]


def test_scare_quotes_and_names_are_not_quotes() -> None:
    text = (
        "Rebels hold two so-called “People’s Republics” and call the front the “Green Line”. "
        "The exercise, code-named “Northern Shield”, begins today."
    )
    assert extract_quotes(text) == []


def test_offsets_are_exact() -> None:
    text = "Intro.\n\n  “Ça va,” dit-il, said Jean Moreau. «Très bien», he added."
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.quote


# --- actors across a corpus --------------------------------------------------


def test_transliteration_variants_are_one_actor() -> None:
    arts = [
        {"id": "1", "text": "President Volodymyr Zelenskyy of Ukraine said: “We want peace.”"},
        {"id": "2", "text": "“We are ready,” said Volodymyr Zelenskiy."},
        {"id": "3", "text": "“We will defend ourselves,” Zelensky said."},
    ]
    qs = extract_corpus(arts)
    assert {q.speaker for q in qs} == {"Volodymyr Zelenskyy"}
    assert {q.affiliation for q in qs} == {"Ukraine"}


def test_accent_variants_are_one_actor() -> None:
    arts = [
        {"id": "1", "text": "“No,” said Minister José Ordóñez."},
        {"id": "2", "text": "“No again,” said Minister José Ordóñez."},
        {"id": "3", "text": "“Never,” said Minister Jose Ordonez."},
    ]
    assert {q.speaker for q in extract_corpus(arts)} == {"José Ordóñez"}


def test_shared_surname_is_not_merged() -> None:
    text = (
        "Foreign Minister Anna Petrova spoke first. “We will not negotiate,” Petrova said.\n\n"
        "Analyst Igor Petrov disagreed. “They will have to talk eventually,” Petrov said."
    )
    assert [s for _, s, _ in rows(text)] == ["Anna Petrova", "Igor Petrov"]


def test_alias_table_overrides(tmp_path) -> None:
    from stancelab.actors import load_alias_table

    p = tmp_path / "aliases.yaml"
    p.write_text("- name: Olena Kravets\n  aliases: [Kravetz]\n  affiliation: Norland\n")
    qs = extract_corpus(
        [{"id": "1", "text": "“Enough,” said Kravetz."}], aliases=load_alias_table(p)
    )
    assert (qs[0].speaker, qs[0].affiliation) == ("Olena Kravets", "Norland")


def test_affiliation_unknown_is_none() -> None:
    q = extract_quotes("“We shall see,” said Ivo Dane.")[0]
    assert q.speaker == "Ivo Dane"
    assert q.affiliation is None


def test_no_torch_on_import() -> None:
    import subprocess
    import sys

    code = "import stancelab.quotes, sys; assert 'torch' not in sys.modules and 'transformers' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_pronouns_follow_the_subject_not_a_possessive() -> None:
    """'her counterpart' says nothing about the counterpart's gender."""
    text = (
        "Norland’s foreign minister, Ana Ruiz, met her Estravian counterpart, Pavel Orlov, on Monday.\n\n"
        "The host, President Luis Marra, welcomed the outcome. “Today two neighbours chose to talk,” he said.\n\n"
        "Ruiz was more cautious. “One meeting solves nothing,” she told reporters.\n\n"
        "Orlov, a career diplomat who became foreign minister last year, struck a conciliatory tone. "
        "“We did not come to score points,” he said, “but to make the sea safer.”\n\n"
        "Grace Wanji, whose nephew was killed in the fighting, spoke briefly. “I signed with a heavy heart,” she said."
    )
    assert [s for _, s, _ in rows(text)] == [
        "Luis Marra",
        "Ana Ruiz",
        "Pavel Orlov",
        "Pavel Orlov",
        "Grace Wanji",
    ]


def test_person_introduced_after_organisation_role_is_the_subject() -> None:
    text = (
        "In Tarsk, Foreign Minister Omar Haddou denied involvement. “We did nothing,” Haddou wrote.\n\n"
        "He warned that Tarsk would respond. “If attacked, we respond,” Tarsk’s top diplomat wrote.\n\n"
        "League of Ports envoy Mara Holt called for calm. “Cool heads are needed,” she said.\n\n"
        "“I urge both governments to refrain from any step.”"
    )
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Omar Haddou", "Omar Haddou", "Mara Holt", "Mara Holt"]
    assert qs[-1].affiliation == "League of Ports"


def test_dash_attribution_with_particle_name() -> None:
    text = (
        "Other voices from the debate:\n\n"
        "“Dialogue under sanctions is not dialogue. It is dictation.” – Omar al-Haddou, foreign minister\n\n"
        "“Our monitors have completed 1,400 patrols.” – Mara Holt, League of Ports special envoy"
    )
    assert [s for _, s, _ in rows(text)] == ["Omar al-Haddou", "Mara Holt"]


def test_company_named_by_appositive_and_generic_head() -> None:
    text = (
        "Cobre Norte, the country’s largest copper exporter, said it feared retaliation. "
        "“We urge both governments to keep talking,” the company said."
    )
    q = extract_quotes(text)[0]
    assert (q.speaker, q.speaker_kind) == ("Cobre Norte", "organisation")


def test_colon_lead_in_without_reporting_verb() -> None:
    text = (
        "Defence Minister Lina Okoro went further in a speech to parliament:\n\n"
        "“If they withdraw, we withdraw.”"
    )
    assert rows(text)[0][1] == "Lina Okoro"


def test_surname_first_names() -> None:
    text = (
        "Spokeswoman Zhao Lanying accused the crew of spying. "
        "“If the flights stop, the encounters stop,” Ms Zhao told a briefing."
    )
    assert rows(text)[0][1] == "Zhao Lanying"


def test_subject_with_relative_clause() -> None:
    text = (
        "Rui Sá de Melo, an officer who has led two missions, said: “We stand between the armies.”"
    )
    assert rows(text)[0][1] == "Rui Sá de Melo"


def test_land_countries_and_ish_demonyms() -> None:
    text = (
        "Sorvish fishermen were detained near the islands. Sorvland protested.\n\n"
        "“Our crews did nothing wrong,” the Sorvish Coast Guard said."
    )
    q = extract_quotes(text)[0]
    assert (q.speaker, q.affiliation) == ("Sorvish Coast Guard", "Sorvland")


def test_extraction_does_not_depend_on_the_hash_seed() -> None:
    """Runs must be reproducible across processes: no set-order decides an attribution."""
    import os
    import subprocess
    import sys

    code = (
        "import json, hashlib\n"
        "from stancelab.corpus import load_demo_corpus\n"
        "from stancelab.quotes import extract_quotes\n"
        "qs = [q.to_dict() for a in load_demo_corpus() for q in extract_quotes(a.text, a.id)]\n"
        "print(hashlib.sha1(json.dumps(qs, sort_keys=True).encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2", "3")  # seeds 1 and 3 once gave 'Estrava' for 'Estravia'
    }
    assert len(digests) == 1


def test_corpus_context_learned_in_blocks_equals_the_whole() -> None:
    """The Ray engine learns the corpus context block by block; it must equal the whole."""
    from stancelab.actors import canonicalize
    from stancelab.corpus import load_demo_corpus
    from stancelab.quotes import context_from_stats, corpus_stats, extract_articles

    arts = load_demo_corpus()
    blocks = [arts[i : i + 5] for i in range(0, len(arts), 5)]
    context = context_from_stats([corpus_stats(a.text for a in b) for b in blocks])
    quotes = [q for b in blocks for q in extract_articles([(a.id, a.text) for a in b], context)]
    canonicalize(quotes)
    assert [q.to_dict() for q in quotes] == [q.to_dict() for q in extract_corpus(arts)]
    whole = _Gazetteer.from_texts(a.text for a in arts)
    assert context.words == whole.words and context.states == whole.states
    assert context.adjectival == whole.adjectival and context.orgs == whole.orgs
    assert list(context.orgs) == list(whole.orgs)  # same order: acronyms break ties by it


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation", "mention"),
    [
        # the sentence's full stop belongs to neither the place nor the mention
        (
            "“We will not yield,” said Defence Minister Ana Ruiz of Lorvania.",
            "Ana Ruiz",
            "Lorvania",
            "Ana Ruiz",
        ),
        ("“We will not yield,” said Petra Danilenko.", "Petra Danilenko", None, "Petra Danilenko"),
        # a country's possessive before the name is a lead-in, not part of the name
        (
            "Lorvania's army moved.\n\n“Fine,” said Lorvania's Ana Ruiz.",
            "Ana Ruiz",
            "Lorvania",
            "Ana Ruiz",
        ),
    ],
)
def test_trailing_full_stops_and_possessive_lead_ins(text, speaker, affiliation, mention) -> None:
    (q,) = extract_quotes(text, "a")
    assert (q.speaker, q.affiliation, q.mention) == (speaker, affiliation, mention)
    assert text[q.mention_start : q.mention_end] == q.mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("“We will not yield. Never,” a senior official said.", "a senior official"),
        ("“We will not yield,” said the envoy.", "the envoy"),
        ("“We will not yield,” he said.", "he"),
    ],
)
def test_speech_by_someone_unnamed_is_still_a_quote(text: str, mention: str) -> None:
    """Attributed to someone the article does not name: a quote, with no speaker."""
    (q,) = extract_quotes(text, "a")
    assert (q.speaker, q.mention, q.cue, q.kind) == (None, mention, "said", "direct")


# --- subjects, appositives and antecedents ------------------------------------


def test_long_appositive_before_a_colon() -> None:
    text = (
        "The mission commander, General Tomas Reyes, a veteran Lorvenian officer who has "
        "served on three earlier peace missions, said: “We are here to keep the armies apart.”"
    )
    assert rows(text) == [("We are here to keep the armies apart.", "Tomas Reyes", "direct")]


def test_age_appositive_makes_a_person_not_their_charity() -> None:
    text = (
        "Marta Kell, a 41-year-old nurse with Northbridge Relief, told reporters in Arvik:\n\n"
        "“The clinics must open again.”\n\n"
        "“The families are waiting for us.”"
    )
    assert [r[1] for r in rows(text)] == ["Marta Kell", "Marta Kell"]


def test_a_pronoun_and_a_name_are_not_an_organisation() -> None:
    text = (
        "Interior Minister Lena Vask spoke first. She and Defence Minister Karl Oberg "
        "briefed reporters together. “Two patrol boats are on their way,” Oberg said."
    )
    assert rows(text)[0][1] == "Karl Oberg"


def test_pronoun_takes_the_latest_sentence_with_a_candidate() -> None:
    text = (
        "The Dockers' Union said the strike would go on. According to the Lorvenian "
        "Trade Ministry, the ban is “a necessary response”. “The door to talks remains "
        "open,” it said."
    )
    assert rows(text)[-1][1] == "Lorvenian Trade Ministry"


def test_role_descriptor_skips_a_person_with_another_office() -> None:
    text = (
        "Youssef Amrani, who has negotiated the release of hostages across the region, "
        "said he had brought patience.\n\n"
        "After meeting President Samuel Okoth, the envoy told reporters:\n\n"
        "“The president has promised a pause while we talk.”"
    )
    assert rows(text)[-1][1] == "Youssef Amrani"


def test_a_colonel_can_be_the_army_spokesman() -> None:
    text = (
        "Colonel Karim Idris gave a different account. “Our patrol never crossed the "
        "river,” the army spokesman told reporters."
    )
    assert rows(text)[0][1] == "Karim Idris"


def test_an_acronym_is_a_mention_of_its_organisation() -> None:
    text = (
        "The Tarnland Interior Ministry said gunmen from the Tarn Liberation Front had "
        "seized two drivers.\n\n"
        "The TLF, which has fought the government for a decade, said the hostages were "
        "“safe and well”. “They will be released when our comrades are freed,” they said."
    )
    assert rows(text)[-1][1] == "Tarn Liberation Front"


def test_a_demonym_led_ministry_is_a_mention() -> None:
    text = (
        "Lorvenia and Tarnland traded blame. The Lorvenian defence ministry said the shells "
        "came from Tarnish positions. “This is a deliberate provocation,” the ministry "
        "said in a statement."
    )
    assert rows(text)[0][1] == "Lorvenian Defence Ministry"


def test_spoke_introduces_the_next_paragraph() -> None:
    text = (
        "Opposition leader Oskar Brandt spoke after the vote.\n\n"
        "“This parliament has chosen tanks over talks.”"
    )
    assert rows(text) == [
        ("This parliament has chosen tanks over talks.", "Oskar Brandt", "direct")
    ]


def test_the_n_year_old_is_the_person_of_that_age() -> None:
    text = (
        "Duresh named Timur Valkov, a 62-year-old former army chief, as its negotiator. "
        "Lena Brook, the other side's envoy, said nothing. "
        "‘We will come to listen,’ the 62-year-old said."
    )
    assert rows(text)[-1][1] == "Timur Valkov"


def test_two_titled_names_joined_by_and_are_two_people() -> None:
    text = (
        "Foreign Minister Nadia Farouk and Energy Minister Tolga Reshit met ambassadors. "
        "“The dam is not a weapon,” Energy Minister Reshit said."
    )
    assert rows(text)[0][1] == "Tolga Reshit"


def test_a_quote_of_another_style_nests_inside_a_guillemet_quote() -> None:
    text = "«They keep repeating „we want good relations“ while their ships circle us,» Ivan Orlov said."
    assert rows(text) == [
        (
            "They keep repeating „we want good relations“ while their ships circle us,",
            "Ivan Orlov",
            "direct",
        )
    ]


def test_partial_after_a_copula_takes_the_subject_after_and() -> None:
    text = (
        "IKHTAN, May 3 (Tidewire) – Duresh on Friday freed two of the four crew members it "
        "has held since April, and its chief negotiator, Timur Valkov, said the "
        "other two could be home 'within days' if the talks went well."
    )
    assert rows(text) == [("within days", "Timur Valkov", "partial")]


@pytest.mark.parametrize("airline", ["Halvik Air", "Tasman Airways"])
def test_a_name_ending_in_air_is_an_airline(airline: str) -> None:
    text = (
        f"{airline} said the crew would land on Wednesday. “They are tired but well,” the "
        "airline said."
    )
    assert rows(text)[0][1] == airline


def test_a_pronoun_after_a_role_subject_takes_that_role() -> None:
    text = (
        "Foreign Minister Samir Haddad opened the talks on Monday.\n\n"
        "Karim Lahlou, who leads the other delegation, said the first day had been useful.\n\n"
        "The foreign minister later told reporters that a second round would follow. "
        "“Nobody leaves this table until there is a deal,” he said."
    )
    assert rows(text)[-1][1] == "Samir Haddad"


def test_given_names_decide_he_and_she() -> None:
    text = (
        "In Ikhtan, Foreign Minister Nadia Farouk and Energy Minister Tolga Reshit met "
        "ambassadors. “We are ready to share every figure,” she said. “The dam is not a "
        "weapon,” he added."
    )
    assert [r[1] for r in rows(text)] == ["Nadia Farouk", "Tolga Reshit"]


def test_the_name_lexicon_is_clean() -> None:
    from pathlib import Path

    import stancelab.quotes

    path = Path(stancelab.quotes.__file__).parent / "data" / "given_names.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    names = [line.split("\t")[0] for line in lines]
    assert all(line.count("\t") == 1 and line.split("\t")[1] in ("f", "m") for line in lines)
    assert len(set(names)) == len(names) > 1000
    assert all(n == n.lower().strip() for n in names)


def test_a_partial_after_a_scare_quote_in_the_same_sentence() -> None:
    text = (
        "The Tarn Front, which held the hostages, said in a statement signed by its "
        "so-called “Supreme Council” that the release was “a gesture of goodwill”."
    )
    assert rows(text) == [("a gesture of goodwill", "Tarn Front", "partial")]


def test_a_subject_after_but_without_a_comma() -> None:
    text = (
        "Trade envoy Wen Zhao said his country preferred dialogue. But the envoy also said "
        "the ban was “a matter of consumer safety that is not on the table”."
    )
    assert rows(text)[-1][1:] == ("Wen Zhao", "partial")


def test_vietnamese_names_surname_first() -> None:
    text = (
        "Colonel Bùi Đình Phương, a spokesman for the defence ministry, spoke in Hà Liên. "
        "“The responsibility lies with the other side,” Colonel Bùi told reporters."
    )
    assert rows(text)[0][1] == "Bùi Đình Phương"


def test_a_name_run_across_a_sentence_end_keeps_the_full_name() -> None:
    text = (
        "The delegation is led by Foreign Minister Ha Thu Trang. Ms Ha told state radio "
        "that she would not accept “any text that treats our fishermen as guests”."
    )
    assert rows(text)[0][1] == "Ha Thu Trang"


def test_two_adverbials_before_a_colon_lead_in() -> None:
    text = (
        "Prime Minister Dao Quang Tuan spoke on Wednesday.\n\n"
        "Speaking from his office, with a large map behind him, Mr Dao told the nation:\n\n"
        "“Our patience is not endless.”"
    )
    assert rows(text)[0][1] == "Dao Quang Tuan"


def test_the_cooperative_and_the_mediator() -> None:
    text = (
        "Made Suarta heads the Tanjung Fishermen's Cooperative. In a letter, the cooperative "
        "said its members had been ‘harassed and rammed’.\n\n"
        "The draft was prepared by the council's envoy Rafael Mansala. President Ratna Dewi "
        "read it first. „This draft is fair,“ the mediator said."
    )
    assert [r[1] for r in rows(text)] == ["Tanjung Fishermen's Cooperative", "Rafael Mansala"]


def test_a_quote_paragraph_after_a_paragraph_about_someone() -> None:
    text = (
        "Suarta Wibowo, who heads the cooperative, said the boats were idle.\n\n"
        "Back in Tanjung, Wibowo walked to the end of the empty jetty.\n\n"
        "‘We have to fish. We cannot sit at home and wait.’"
    )
    assert rows(text) == [
        ("We have to fish. We cannot sit at home and wait.", "Suarta Wibowo", "direct")
    ]


def test_people_known_by_age_role_and_the_next_sentence() -> None:
    text = (
        "SANTA ROSA – Elena Quispe measures the river with a broom handle. Every morning "
        "she walks to the jetty.\n\n"
        "‘Last March the water came up to here,’ she says.\n\n"
        "Quispe, 52, grows rice. “The canal is half empty,” Quispe said.\n\n"
        "“The delegations meet on Wednesday,” Marta Aranda, secretary-general of the "
        "Cordillera Union, said."
    )
    assert [r[1] for r in rows(text)] == ["Elena Quispe", "Elena Quispe", "Marta Aranda"]


def test_a_partial_quote_with_according_to_after_it() -> None:
    text = (
        "Peranca's position is that the island “is not part of this negotiation”, "
        "according to Foreign Minister Tomás Echevarne."
    )
    assert rows(text) == [("is not part of this negotiation", "Tomás Echevarne", "partial")]


def test_spanish_names_keep_the_first_of_two_surnames() -> None:
    text = (
        "President Andrés Beltrán Ocaña spoke after a cabinet meeting.\n\n"
        "“Our navy will escort every boat,” Beltrán said.\n\n"
        "Irene Salcedo Prieto answered questions for an hour. “We are calm,” Salcedo said."
    )
    assert [r[1] for r in rows(text)] == ["Andrés Beltrán Ocaña", "Irene Salcedo Prieto"]


def test_a_surname_first_name_known_from_its_later_use() -> None:
    text = (
        "The last question came from Yoon Mi-rae of the weekly Harbour Trade. "
        "“Will ships be searched?” Yoon asked."
    )
    assert rows(text)[0][1] == "Yoon Mi-rae"


def test_a_given_name_makes_a_person_but_not_a_vessel() -> None:
    text = (
        "Lucía Márquez spent an hour with reporters on Tuesday.\n\n"
        "“Nobody fired first,” the minister said.\n\n"
        "Teodor Brun, captain of the Hoa Binh 12, was freed on Thursday. "
        "“They fed us well,” the 47-year-old said."
    )
    assert [r[1] for r in rows(text)] == ["Lucía Márquez", "Teodor Brun"]


def test_a_pronoun_inside_commas_is_the_subject() -> None:
    text = (
        "Marek Halvorsen advised the delegation in 2019. The deal last month to open a "
        "hotline, he argues, was far more than a gesture.\n\n"
        "“In 2019 it took eleven weeks to get a telephone line.”"
    )
    assert rows(text)[0][1] == "Marek Halvorsen"


def test_a_participle_clause_before_the_subject() -> None:
    text = (
        "The Continental Trade Forum opened on Monday.\n\n"
        "Arriving at the Forum building, Tervania’s foreign minister, Dana Orlić, told reporters "
        "she had come “with an open mind”."
    )
    assert rows(text)[0][1] == "Dana Orlić"


def test_the_minister_is_not_the_prime_minister() -> None:
    text = (
        "Foreign Minister Samira Haddad met the envoy on Monday. The frigates were sent on "
        "the orders of Prime Minister Karim Nasser.\n\n"
        "The minister said the frigates would leave “step by step, ship for ship”."
    )
    assert rows(text)[0][1] == "Samira Haddad"


def test_for_name_comma_owns_the_partial_quote() -> None:
    text = (
        "The strait carries a fifth of the region's trade.\n\n"
        "For Nadia Farouk, a specialist in maritime law at the University of Lisk, the risk "
        "of a wider clash is «real and growing»."
    )
    assert rows(text) == [("real and growing", "Nadia Farouk", "partial")]


def test_a_partial_after_a_participle_and_a_copula() -> None:
    text = (
        "Tervania's foreign minister on Tuesday defended the decision to send navy ships to "
        "escort fishing boats near the islands, telling a news conference that the escorts "
        'were "purely protective".\n\n'
        "Ana Ruiz Ortega spent almost an hour taking questions."
    )
    assert rows(text) == [("purely protective", "Ana Ruiz Ortega", "partial")]


def test_a_subject_after_a_place_clause_with_a_relative_clause() -> None:
    text = (
        "Across the river in Dolna, where most people are Tervanian, Petar Vukov, 64, mends "
        "nets on the jetty his father built.\n\n"
        "“They are not my enemies,” the fisherman said.\n\n"
        "The deputy minister, Ana Horvat, told reporters that troops had been told to "
        "“keep their heads down”."
    )
    assert [r[1] for r in rows(text)] == ["Petar Vukov", "Ana Horvat"]


def test_a_lone_name_quoted_twice_is_one_actor_with_that_name() -> None:
    from stancelab.actors import canonicalize

    qs = [
        Quote("a1", 0, 1, "x", speaker="Kourela"),
        Quote("a1", 5, 6, "y", speaker="Kourela"),
        Quote("a2", 0, 1, "z", speaker="Kourela"),
    ]
    actors = canonicalize(qs)
    assert [(a.name, a.n_quotes) for a in actors] == [("Kourela", 3)]
    assert {q.speaker for q in qs} == {"Kourela"}


def test_a_pronoun_after_an_adverbial_opens_a_colon_lead_in() -> None:
    text = (
        "Mira Castell spoke at length about the talks.\n\n"
        "On the border itself, she is blunt: “Nobody will get everything they want.”"
    )
    assert rows(text)[0][1] == "Mira Castell"


def test_she_skips_nearby_men_for_the_woman_named_further_back() -> None:
    text = (
        "Ms Mira Castell has led the mediation since December.\n\n"
        "The talks began in May.\n\n"
        "Colleagues describe a patient negotiator.\n\n"
        "Her deputy, Ambassador Omar Haddad, says the method is simple. He calls it "
        "listening.\n\n"
        "On the heights themselves, she is blunt: “Nobody will get everything.”"
    )
    assert rows(text)[0][1] == "Mira Castell"


def test_an_action_beat_before_a_quote_names_its_speaker() -> None:
    text = (
        "Vera Lind has lived in the village for sixty years.\n\n"
        "Asked about the peace talks planned for next month, Mrs Lind waves a hand. "
        "‘Let them sign whatever they want to sign.’"
    )
    assert rows(text) == [("Let them sign whatever they want to sign.", "Vera Lind", "direct")]


def test_a_local_civilian_takes_the_country_around_them_an_analyst_does_not() -> None:
    text = (
        "Norland's army shelled the border town of Brel on Monday.\n\n"
        "“We are afraid,” said Tomas Ek, a retired teacher.\n\n"
        "“Both sides want a way out,” said Ola Berg, a security analyst.\n\n"
        "In Norland's border town of Vik, Marta Lind, 63, lives near the market. "
        "“The windows shook,” she said."
    )
    out = [(q.speaker, q.affiliation, q.affiliation_source) for q in extract_quotes(text)]
    assert out == [
        ("Tomas Ek", "Norland", "context"),
        ("Ola Berg", None, None),
        ("Marta Lind", "Norland", "context"),
    ]


def test_a_country_can_be_the_speaker() -> None:
    text = (
        "Norland's army moved north on Monday.\n\n"
        "“We will defend every metre,” Norland said in a statement. Norland also said the "
        "move was “purely defensive”."
    )
    out = [(q.speaker, q.affiliation) for q in extract_quotes(text)]
    assert out == [("Norland", "Norland"), ("Norland", "Norland")]


def test_an_organisation_affiliation_keeps_the_acronym_the_corpus_writes() -> None:
    intro = {
        "id": "a",
        "text": 'The Northern Grain Council met on Monday. "We will keep the ports open," '
        "said Anna Kiel, a spokeswoman for the Northern Grain Council.",
    }
    later = {
        "id": "b",
        "text": 'The NGC said exports would resume at 09.00 GMT. "Ships are moving again," '
        "said Anna Kiel.",
    }
    assert [q.affiliation for q in extract_corpus([intro])] == ["Northern Grain Council"]
    both = extract_corpus([intro, later])
    assert [q.affiliation for q in both] == ["Northern Grain Council (NGC)"] * 2


def test_an_organisations_short_name_is_neither_a_country_nor_the_speaker() -> None:
    # "the Forum's envoy" once taught the corpus that "Forum" is a country, and a
    # possessive acronym ("The NGF's envoy, X, ... urged") took the fragment from X
    arts = [
        {
            "id": "a",
            "text": "Delegations met at the Northern Grain Forum's offices in Tallis. "
            'The Forum\'s envoy, Anna Kiel, said the talks were "useful".',
        },
        {
            "id": "b",
            "text": "The NGF's envoy, Anna Kiel, said on Monday that she had invited both "
            'sides back, and urged them to avoid "words that close doors".',
        },
    ]
    got = [(q.speaker, q.affiliation) for q in extract_corpus(arts)]
    assert got == [("Anna Kiel", "Northern Grain Forum (NGF)")] * 2


@pytest.mark.parametrize("mark", ["13:12 -", "09.41 GMT –", "09:45", "[10:30]", "•"])
def test_a_live_blog_time_stamp_does_not_make_the_quote_a_fragment(mark: str) -> None:
    text = (
        "The envoy, Odalys Venterra, arrived at noon.\n\n"
        f'{mark} "Nobody leaves this bridge until everybody leaves. I have asked both '
        'delegations for patience," the envoy said.'
    )
    assert [(q.speaker, q.kind) for q in extract_quotes(text)] == [("Odalys Venterra", "direct")]


def test_a_number_can_end_a_sentence_before_a_quote() -> None:
    text = (
        "Mayor Goran Teslik counted the damage: two residents killed since March 3. "
        "„They are shelling pensioners, not soldiers,“ he said."
    )
    assert [(q.speaker, q.kind) for q in extract_quotes(text)] == [("Goran Teslik", "direct")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Rainer Oszkar led the monitoring mission for two years.\n\n"
            "Oszkar's advice to the current envoy is blunt: "
            '"Stop waiting for trust. Build a mechanism that works without it."',
            "Rainer Oszkar",
            id="possessor-colon-lead-in",
        ),
        pytest.param(
            "Rainer Oszkar led the monitoring mission for two years.\n\n"
            'His answer was simple: "Stop waiting for trust. Build a mechanism that works."',
            "Rainer Oszkar",
            id="pronoun-possessor-colon-lead-in",
        ),
        pytest.param(
            "The Quellmari Foreign Ministry said in a statement that its units had come under "
            "fire from positions held by the Siltmere Liberation Front, an armed group.\n\n"
            '"We remain ready to talk, at any level and without preconditions," the statement said.',
            "Quellmari Foreign Ministry",
            id="the-statement-is-its-issuer",
        ),
        pytest.param(
            "SULVI, April 11 (NPA) - The Kravennan Defence Ministry accused Quellmar on Thursday "
            'of shelling villages overnight and warned that the army would "respond at a time of '
            'its choosing" if the attacks continued.',
            "Kravennan Defence Ministry",
            id="dateline-opens-the-article",
        ),
        pytest.param(
            "The Kravennan Defence Ministry accused Quellmar on Thursday of shelling villages "
            'overnight and warned that the army would "respond at a time of its choosing".',
            "Kravennan Defence Ministry",
            id="coordinated-verb-keeps-the-subject",
        ),
        pytest.param(
            "Fenna Olvarsen heads the corridor programme at the Brightwater Institute.\n\n"
            'In her reading, the deal was "a pause, never a settlement", and both sides rearmed.',
            "Fenna Olvarsen",
            id="in-her-reading",
        ),
        pytest.param(
            "In the Tannery quarter, Goran Pelc, a retired schoolteacher, has repaired his roof "
            'three times.\n\n"Every time someone tells me this is the last ceasefire, I buy '
            'more nails," he said.',
            "Goran Pelc",
            id="an-appositive-noun-we-do-not-know",
        ),
    ],
)
def test_who_speaks_in_real_news_constructions(text: str, speaker: str) -> None:
    # each construction lost or misattributed a quote of data/heldout/attribution_f or _g
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            '"Our sailors were in open water," President Anton Velk of Marisca said in a '
            'televised address, his first remarks since the seizure. "Teshlin will answer for '
            'this."',
            ["Anton Velk", "Anton Velk"],
            id="remarks-is-a-noun",
        ),
        pytest.param(
            "Ilka Brandt, the council's secretary-general, urged Teshlin to accept \"a joint "
            'survey".\n\nMarisca\'s foreign minister, Karina Solt, declined to comment. "I will '
            'not discuss stolen paper," she told reporters in Teshlin. But she said Marisca '
            'remained "ready to talk tomorrow".',
            ["Ilka Brandt", "Karina Solt", "Karina Solt"],
            id="a-city-is-no-person",
        ),
        pytest.param(
            "Marisca and Teshlin traded accusations on Friday. Government spokesman Omid "
            "Tarek said the documents proved Marisca right.\n\nHe said Marisci investigators "
            'would examine the files for evidence of what he called "planned espionage".',
            ["Omid Tarek"],
            id="what-he-called",
        ),
        pytest.param(
            "Foreign Minister Leyla Amsel of Marisca spoke for an hour.\n\nAsked by a reporter "
            "whether Marisca would accept an offer to host talks in the capital early next "
            'month, the minister said her government would not send a delegation "while their '
            'guns are pointed at our coast".',
            ["Leyla Amsel"],
            id="long-opening-clause",
        ),
        pytest.param(
            "Foreign Minister Ilse Varga gave a long interview on Sunday.\n\nThe minister said "
            'she had spoken twice with her counterpart, Vesna Kolar, since the shooting.\n\n"I '
            'told Minister Kolar that we grieve for her guards," she said.',
            ["Ilse Varga"],
            id="role-subject-before-an-appositive-name",
        ),
        pytest.param(
            "Valley Lakes Watch, an environmental group that monitors the basin, said in a "
            'statement: "The fighting could not have come at a worse moment."',
            ["Valley Lakes Watch"],
            id="place-words-named-organisation",
        ),
        pytest.param(
            "KESTRA - Marisca's ambassador in Teshlin warned last autumn that coast guard "
            'commanders were "looking for a boat to make an example of", according to '
            "diplomatic cables.\n\nThe ambassador, Jonas Ferrant, wrote most of them.",
            ["Jonas Ferrant"],
            id="according-to-documents",
        ),
        pytest.param(
            "The Lakeland Compact, the regional bloc that has tried to mediate since the "
            'vote, said in a statement last week: "Our envoy will visit the crossing as soon '
            'as both capitals agree."',
            ["Lakeland Compact"],
            id="an-appositive-bloc-that",
        ),
        pytest.param(
            "Ilse Varn ran a pharmacy for fourteen years. This month, after a drone was "
            "downed over the Ashgrove Highlands, her nickname came back.\n\nShe said the "
            'incursions had convinced her that the country needed "a layered defence".',
            ["Ilse Varn"],
            id="highlands-are-a-place",
        ),
        pytest.param(
            "Hana Kostel, an independent who represents the border constituency, said the "
            'mood was grim. "My constituents are sleeping in their cellars," Kostel said.',
            ["Hana Kostel"],
            id="a-relative-clause-appositive-is-a-person",
        ),
        pytest.param(
            "The air force commander, General Pavol Hradec, has confirmed the incursion. In a "
            'short video statement he said: "Several drones have already been engaged."',
            ["Pavol Hradec"],
            id="a-phrase-then-a-pronoun",
        ),
        pytest.param(
            "Secretary-General Henrika Vaal told ambassadors on Thursday that the alliance's "
            'posture remained "defensive by design", according to a summary released by her '
            "office.",
            ["Henrika Vaal"],
            id="according-to-a-summary",
        ),
        pytest.param(
            "I met the envoy, Teodor Amsen, in the camp on Sunday. Mr. Amsen's last words to "
            'me were: "Tell the families the two governments are finally talking."',
            ["Teodor Amsen"],
            id="last-words-were",
        ),
        pytest.param(
            "Petr Ulvik, 23, a conscript, walked along the fence line. Asked whether the "
            'crossing could reopen before winter, he shrugged. "That is for the capital to '
            'decide, not for me."',
            ["Petr Ulvik"],
            id="an-action-beat-after-an-opening-clause",
        ),
        pytest.param(
            "What I hear most is what Nadja Korel, a teacher who has been in the camp since "
            'the first week, told me on my last visit: "My son asks me every night which '
            'country we live in now."',
            ["Nadja Korel"],
            id="what-she-told-me",
        ),
        pytest.param(
            "I invited the minister, Benedek Sorel, to see the camp. Three days later he "
            'answered me on social media: "A minister does not tour a settlement at the '
            'invitation of a clerk."',
            ["Benedek Sorel"],
            id="days-later-he",
        ),
        pytest.param(
            "President Ilario Venk used a televised address on Friday to accuse the "
            'opposition of "staging a humanitarian drama for foreign cameras."',
            ["Ilario Venk"],
            id="to-accuse-of",
        ),
        pytest.param(
            "The Lakeside Basin Energy Consortium said on Wednesday it had suspended "
            'production.\n\n"We have no safe way to operate the field," the consortium said in '
            "a statement.",
            ["Lakeside Basin Energy Consortium"],
            id="the-consortium-said",
        ),
        pytest.param(
            "Reactions came quickly from abroad.\n\nVELDORIA. The Veldorian Foreign Ministry "
            'said the shooting was a tragedy. "Responsibility lies with the guards," the '
            "ministry said.",
            ["Veldorian Foreign Ministry"],
            id="a-section-heading",
        ),
        pytest.param(
            "President Nikandros Vaelin and Oztan Merek spoke to reporters after the "
            'meeting.\n\nVAELIN: "Let me be clear. We want every crossing open, day and '
            'night."\n\nMEREK: "Nobody fired at close range."',
            ["Nikandros Vaelin", "Oztan Merek"],
            id="a-transcript-label",
        ),
        pytest.param(
            "Energy Minister Ilse Varkan spoke in her office on Monday.\n\nAsked whether the "
            'country would consider retaking the platform by force, Varkan paused. "I am the '
            'energy minister, not the defence minister."',
            ["Ilse Varkan"],
            id="a-named-beat-after-an-opening-clause",
        ),
        pytest.param(
            "The border guard sent no representative. A two-page letter from its commander, "
            'Colonel Ruhan Talgan, was read into the record.\n\n"The officers followed the '
            'procedure in force," the letter said.',
            ["Ruhan Talgan"],
            id="the-letter-said",
        ),
        pytest.param(
            "Ilkar Venhold, who heads the movement, spoke by phone from the city.\n\nDana "
            "Kallwen pressed him on the claim. 'Is the blockade not the price of the arms?' "
            "she asked.\n\n'The monitors have been on those ships,' he replied.",
            ["Dana Kallwen", "Ilkar Venhold"],
            id="him-is-someone-else",
        ),
        pytest.param(
            "Ilkar Venhold, who heads the movement, spoke by phone.\n\nAsked by the presenter, "
            "Dana Kallwen, whether he would accept a fourth round of talks, Venhold said: 'We "
            "have been there three times.'",
            ["Ilkar Venhold"],
            id="an-opening-clause-with-an-appositive",
        ),
        pytest.param(
            "Anton Pelis, the union's secretary, spoke on Monday.\n\nThe union has proposed "
            'that a single grain ship be allowed to unload, a gesture Pelis called "small '
            'enough that nobody has to lose face".',
            ["Anton Pelis"],
            id="a-name-right-before-the-verb",
        ),
        pytest.param(
            'Foreign Minister Carla Venid thanked "the brothers of the monastery and our '
            'neighbours" in a post on Saturday.',
            ["Carla Venid"],
            id="thanked",
        ),
        pytest.param(
            "The sharpest attack came from Gianpaolo Ruvesi of the opposition National Hearth "
            'party, who accused the government of "negotiating our map with men holding '
            'rifles".',
            ["Gianpaolo Ruvesi"],
            id="a-party-named-with-a-lower-case-noun",
        ),
        pytest.param(
            "The parliamentary Security Affairs Committee on Wednesday published its report, "
            'concluding that the government had "acted lawfully but late".',
            ["Security Affairs Committee"],
            id="concluding-that",
        ),
        pytest.param(
            "BASTREL - Tarrow Resources, the operator of the copper mine, said on Friday it "
            'would pay for a treatment plant.\n\n"We accept our responsibility in full," the '
            "company said in a press release issued before the market opened.\n\nChief "
            'executive Damian Rusk was quoted in the release as promising openness. "I owe '
            'the people there more than a statement," Rusk said.\n\n"A claim of that size '
            'cannot be the basis of a settlement," the release said.',
            ["Tarrow Resources", "Damian Rusk", "Tarrow Resources"],
            id="the-release-said",
        ),
        pytest.param(
            "A confidential Ganzian Interior Ministry memo was leaked on Monday.\n\nIn its most "
            'striking passage, the memo tells regional police chiefs: "The public explanation '
            'will be foreign interference."',
            ["Ganzian Interior Ministry"],
            id="the-memo-tells",
        ),
        pytest.param(
            "Foreign Minister Radu Ferenc told reporters the resolution was worthless.\n\nThe "
            'state news agency later quoted him as saying: "If the Union chooses sanctions, '
            'it will find that we have choices too."',
            ["Radu Ferenc"],
            id="quoted-him-as-saying",
        ),
        pytest.param(
            'Tarrow Resources, the operator of the mine, opened its records on Friday.\n\n"The '
            'data will be public, and anyone who doubts it is welcome to check," Tarrow said.',
            ["Tarrow Resources"],
            id="a-company-by-its-first-name",
        ),
        pytest.param(
            "Jonas Quar, 61, has fished the strait since he was fifteen. Since March he has "
            'needed a navy permit to reach his old grounds. "They tell me it is for my own '
            'safety," he said.',
            ["Jonas Quar"],
            id="a-month-after-since",
        ),
        pytest.param(
            'Commodore Signe Arntz commands the squadron. "We sail at dawn," Arntz said.',
            ["Signe Arntz"],
            id="a-commodore",
        ),
        pytest.param(
            "Captain Elin Marek, the base commander, spoke on Monday.\n\nMarek said her sailors "
            "knew the fishermen by name. But she was blunt about the exercises off the far "
            "shore, which she described as 'deliberately provocative'.",
            ["Elin Marek"],
            id="which-she-described-as",
        ),
        pytest.param(
            "Stepan Vadrov spent six years as deputy foreign minister.\n\nIn Vadrov's view, the "
            'decision to display the seized missiles was "a deliberate humiliation".',
            ["Stepan Vadrov"],
            id="in-x-s-view",
        ),
        pytest.param(
            "The commander of Lormena's coast guard told an inquiry on Tuesday that the crew "
            'had "followed every rule we have".\n\nThe commander, Bruno Salustri, has led the '
            "service since 2019.",
            ["Bruno Salustri"],
            id="the-commander-of-an-organisation",
        ),
        pytest.param(
            '"Let them come and try," said Lucan Ferday, a spokesman for the council, when '
            "asked about the general's remarks. \"Any soldier who lands here will be treated "
            'as an invader."',
            ["Lucan Ferday", "Lucan Ferday"],
            id="when-asked-about-the-remarks",
        ),
        pytest.param(
            "Foreign Minister Daniyar Kolt softened his tone on Thursday, posting that his "
            'country would "support any arrangement that gets civilians out safely".',
            ["Daniyar Kolt"],
            id="posting-that",
        ),
        pytest.param(
            "Lucan Ferday, the council's spokesman, received us in a hangar.\n\nThe airport has "
            "been closed for a week.\n\nFlights to the capital were cancelled.\n\nFuel is running "
            'low.\n\n"We are not afraid of negotiations," he said. "We are afraid of a '
            'surrender with a handshake."',
            ["Lucan Ferday", "Lucan Ferday"],
            id="he-after-three-paragraphs-without-a-name",
        ),
        pytest.param(
            "SEDH AMAR - Mirela Santo has run Brightwell International for nine years. Four "
            "days after two of the agency's drivers were killed, she sat down with the Ledger."
            '\n\n"We are not leaving," Santo said.\n\nHer conditions are specific. Brightwell '
            "wants written guarantees of safe passage from both governments. Without them, she "
            'said, the convoys will stop "on the first of March".',
            ["Mirela Santo", "Mirela Santo"],
            id="an-organisation-named-international",
        ),
        pytest.param(
            '"Our gas and our ports are not unlimited," President Dzhamal Orezov said.\n\nThe '
            "state broadcaster later quoted him as saying that his country "
            '"has never used a keyboard as a weapon".',
            ["Dzhamal Orezov", "Dzhamal Orezov"],
            id="quoted-him-as-saying-that",
        ),
        pytest.param(
            '"Our gas and our ports are not unlimited," President Dzhamal Orezov said.\n\nThe '
            "English-language service of the state broadcaster later quoted him as saying that "
            'his country "has never used a keyboard as a weapon".',
            ["Dzhamal Orezov", "Dzhamal Orezov"],
            id="an-adjective-compound-is-no-name",
        ),
    ],
)
def test_who_speaks_in_each_quote(text: str, speakers: list[str]) -> None:
    # each construction lost or misattributed a quote of data/heldout/attribution_h to _r
    assert [q.speaker for q in extract_quotes(text)] == speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Marisca's navy and Teshlin's coast guard both patrol the shoal.\n\n09:05 - Marisca "
            "has responded. Government spokesman Omid Tarek told reporters that the Teshlini "
            'boat had entered without permission.\n\n"Nobody here wants a confrontation," Tarek '
            "said.",
            [("Omid Tarek", "Marisca")],
            id="country-earlier-in-the-paragraph",
        ),
        pytest.param(
            "Marisca's government ordered an inquiry last week. Marisca's most senior soldier "
            "admitted on Wednesday that the guards waited forty minutes, as the committee "
            "opened its hearing into the clash with Teshlin's army.\n\nGeneral Boran Elk, chief "
            'of the general staff, told the committee the road was blocked.\n\n"I will not '
            'pretend that forty minutes is acceptable," Elk said.',
            [("Boran Elk", "Marisca")],
            id="a-sentence-about-a-state",
        ),
        pytest.param(
            "Luvenia and Teshmar traded fire again. Monitors from the Tri-Lake Compact visit "
            "the town twice a week.\n\nThe Compact's special envoy, Odalys Venter, who arrived "
            'in Dorvan on Monday, appealed to both capitals to pull back.\n\n"Nobody wins an '
            'artillery duel," Venter said.',
            [("Odalys Venter", "Tri-Lake Compact")],
            id="a-compact-is-an-organisation",
        ),
    ],
)
def test_the_side_of_a_speaker_named_by_office(text: str, expected: list[tuple[str, str]]) -> None:
    # the country nearest the name: earlier in its paragraph before later in its sentence,
    # and a sentence about a state before a country it names in passing (attribution_h)
    assert [(q.speaker, q.affiliation) for q in extract_quotes(text)] == expected


def test_a_name_after_a_leading_word_keeps_its_offsets() -> None:
    text = 'Officials met on Monday. But Ana Ruiz said: "We will stay."'
    q = extract_quotes(text)[0]
    assert (q.speaker, text[q.mention_start : q.mention_end]) == ("Ana Ruiz", "Ana Ruiz")


def test_a_word_the_corpus_writes_as_a_place_is_no_person_in_another_article() -> None:
    briefing = {
        "id": "a",
        "text": 'The spokeswoman Anka Belits said at a briefing in Lomask: "The crew is safe."',
    }
    warning = {
        "id": "b",
        "text": "Prime Minister Edrik Morland spoke to reporters.\n\nBut he warned Lomask against "
        'sending warships. "If a frigate tries to drag that cable, we will stop it," he said.',
    }
    got = [q.speaker for q in extract_corpus([briefing, warning])]
    assert got == ["Anka Belits", "Edrik Morland"]


def test_names_joined_by_and_are_people_of_their_countries() -> None:
    text = (
        "Norland's navy and Estravia's army stood down on Sunday.\n\n"
        "Ilse Brandvold of Norland and Yevgeny Rastorguyev of Estravia agreed to meet again, "
        "according to a joint statement.\n\n"
        '"We will meet again in April," Rastorguyev said.'
    )
    got = [(q.speaker, q.affiliation) for q in extract_quotes(text)]
    assert got == [("Yevgeny Rastorguyev", "Estravia")]
