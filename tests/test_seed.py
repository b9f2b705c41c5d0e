"""The seed article the project started from: all 10 quotes, right speakers."""

from __future__ import annotations

from pathlib import Path

from stancelab.quotes import extract_corpus

# Written by the team from reading the article: (start of quote, speaker, kind).
EXPECTED = [
    (
        "We must tell the truth that we will not be able to end the war",
        "Volodymyr Zelenskyy",
        "direct",
    ),
    ("Let's be honest, the war in Donbass has been going on", "Volodymyr Zelenskyy", "direct"),
    (
        "We must talk, knowing that we have a strong and powerful army",
        "Volodymyr Zelenskyy",
        "direct",
    ),
    ("not afraid", "Volodymyr Zelenskyy", "partial"),
    ("We know of attempts to present Russia as a party", "Dmitry Peskov", "direct"),
    ("The war in Donbass can only be stopped through negotiations", "Dmitry Peskov", "direct"),
    ("The Armed Forces of Ukraine are building up", "Maria Zakharova", "direct"),
    ("According to some reports, the number of Ukrainian troops", "Maria Zakharova", "direct"),
    ("Look, they spoke about a possible Russian military intervention", "Vladimir Putin", "direct"),
    ("deterrence package", "Dmytro Kuleba", "partial"),
]
AFFILIATION = {
    "Volodymyr Zelenskyy": "Ukraine",
    "Dmitry Peskov": "Russia",
    "Maria Zakharova": "Russia",
    "Vladimir Putin": "Russia",
    "Dmytro Kuleba": "Ukraine",
}


def test_seed_article(shared: Path) -> None:
    (path,) = sorted((shared / "seeds").glob("*.txt"))
    text = path.read_text(encoding="utf-8")
    quotes = extract_corpus([{"id": path.stem, "text": text}])
    assert len(quotes) == len(EXPECTED)
    for q, (start, speaker, kind) in zip(quotes, EXPECTED, strict=True):
        assert q.quote.startswith(start)
        assert text[q.start : q.end] == q.quote
        assert (q.speaker, q.kind, q.affiliation) == (speaker, kind, AFFILIATION[speaker])
    # Zelenskiy and Zelenskyy are one actor; "People's Republics" is not a quote
    assert not any("People" in q.quote for q in quotes)
    assert len({q.speaker for q in quotes if "Zelensk" in (q.speaker or "")}) == 1
