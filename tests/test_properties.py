"""Property tests: hostile text never breaks extraction, offsets are always exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancelab.quotes import extract_corpus, extract_quotes, find_quote_spans

MARKS = list("\"'“”‘’«»„‚‹›")
PIECES = [
    *MARKS,
    " ",
    "\n\n",
    "\n",
    ", she said",
    " said Ana Ruiz",
    "He told reporters:",
    " don't ",
    "students’ ",
    "’90s",
    "the ministry's",
    "We will talk.",
    "Minister Ivo Dane",
    "so-called ",
    "é",
    "ß",
    "Ω",
    "\u200f",
    "\u202e",
    "ش",
    "中",
    "\x00",
    "\t",
    ":",
    ".",
    "—",
    "they",
    "it",
    "The Army said",
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_raises_and_offsets_hold(text: str) -> None:
    for q in extract_quotes(text, "x"):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.quote
    for sp in find_quote_spans(text):
        assert 0 <= sp.start < sp.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_corpus_extraction_never_raises(bodies: list[str]) -> None:
    arts = [{"id": str(i), "text": t} for i, t in enumerate(bodies)]
    for q in extract_corpus(arts):
        assert arts[int(q.article_id)]["text"][q.start : q.end] == q.quote
