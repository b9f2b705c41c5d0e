"""The team's training set: size, labels, and no text from ../shared (dev corpus, PLOVER)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stancelab.scoring import LABELS
from stancelab.training import find_overlaps, load_training_set, normalize_text

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "data" / "train"
EXPERIMENTAL = ROOT / "data" / "experimental"  # team-written, measured, not in the training set


@pytest.fixture(scope="module")
def statements() -> list:
    rows, _ = load_training_set([TRAIN / "*.jsonl", EXPERIMENTAL / "*.jsonl"])
    return rows


def test_size_and_labels(statements: list) -> None:
    assert len(statements) >= 1500
    counts = {label: sum(s.stance == label for s in statements) for label in LABELS}
    for label, n in counts.items():
        assert n >= 0.15 * len(statements), (label, counts)


def test_no_internal_duplicates() -> None:
    seen: dict[str, str] = {}
    dups = []
    for f in sorted([*TRAIN.glob("*.jsonl"), *EXPERIMENTAL.glob("*.jsonl")]):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                key = normalize_text(json.loads(line)["text"])
                if key in seen:
                    dups.append(f"{f.name}:{n} repeats {seen[key]}")
                seen.setdefault(key, f"{f.name}:{n}")
    assert not dups, dups[:20]


def _shared_texts(shared: Path) -> dict[str, list[str]]:
    dev = shared / "data" / "dev"
    quotes = [
        json.loads(x)["quote"] for x in (dev / "quotes.jsonl").read_text("utf-8").splitlines()
    ]
    sentences = []
    for line in (dev / "articles.jsonl").read_text("utf-8").splitlines():
        text = json.loads(line)["text"]
        sentences += [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    plover_file = shared / "data" / "plover" / "sentences.jsonl"
    plover = [json.loads(x)["text"] for x in plover_file.read_text("utf-8").splitlines() if x]
    return {"dev quotes": quotes, "dev article sentences": sentences, "PLOVER": plover}


def test_no_shared_text_in_training_data(statements: list, shared: Path) -> None:
    """Exact or near duplicates (token Jaccard >= 0.8, or containment) of ../shared text."""
    texts = [s.text for s in statements]
    problems = []
    for name, refs in _shared_texts(shared).items():
        for i, j, sim in find_overlaps(texts, refs, threshold=0.8):
            problems.append(
                f"{statements[i].source}: {texts[i][:70]!r} ~ {name}: {refs[j][:70]!r} ({sim})"
            )
    assert not problems, "\n".join(problems)


HELDOUT = ROOT / "data" / "heldout"  # blind team-written test quotes: never trained or tuned on


def _heldout(articles: bool = True) -> list[dict]:
    """The blind quote files, and (``articles``) the quotes of the held-out article corpora."""
    files = sorted(HELDOUT.glob("*.jsonl"))
    if articles:
        files += sorted(HELDOUT.glob("*/quotes.jsonl"))
    rows = []
    for f in files:
        rows += [json.loads(x) for x in f.read_text("utf-8").splitlines() if x.strip()]
    return rows


def test_heldout_quotes_follow_the_gold_fields() -> None:
    rows = _heldout(articles=False)
    assert len(rows) >= 300
    for r in rows:
        assert set(r) == {"quote", "speaker", "kind", "stance"}, r
        assert r["stance"] in LABELS and r["kind"] in {"direct", "partial"}, r


def test_heldout_quotes_are_not_in_the_training_data(statements: list) -> None:
    """No blind test quote is an exact or near copy of a training or experimental statement."""
    quotes = [r["quote"] for r in _heldout()]
    hits = find_overlaps(quotes, [s.text for s in statements], threshold=0.8)
    assert not hits, [(quotes[i], statements[j].text) for i, j, _ in hits[:10]]


def test_no_shared_text_in_heldout_quotes(shared: Path) -> None:
    quotes = [r["quote"] for r in _heldout()]
    problems = []
    for name, refs in _shared_texts(shared).items():
        for i, j, sim in find_overlaps(quotes, refs, threshold=0.8):
            problems.append(f"{quotes[i][:70]!r} ~ {name}: {refs[j][:70]!r} ({sim})")
    assert not problems, "\n".join(problems)
