"""Stance metrics: the bootstrap interval of macro-F1 and the fields it adds."""

from __future__ import annotations

import random

import pytest

from stancelab.evaluation import LABELS, macro_f1_interval, stance_metrics


def _sample(n: int, accuracy: float, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    gold = [rng.choice(LABELS) for _ in range(n)]
    pred = [g if rng.random() < accuracy else rng.choice(LABELS) for g in gold]
    return gold, pred


def _records(gold: list[str], pred: list[str]) -> tuple[list[dict], list[dict]]:
    g = [{"stance": s, "speaker": f"s{i % 5}"} for i, s in enumerate(gold)]
    p = [{"stance": s, "escalation_score": {"escalation": 1.0}.get(s, 0.0)} for s in pred]
    return g, p


def test_interval_brackets_the_point_estimate_and_is_reproducible() -> None:
    gold, pred = _sample(168, 0.75, seed=3)
    m = stance_metrics(*_records(gold, pred))
    lo, hi = m["macro_f1_ci95"]
    assert lo < m["macro_f1"] < hi
    assert macro_f1_interval(gold, pred) == (lo, hi)
    assert macro_f1_interval(gold, pred, seed=1) != (lo, hi)


def test_interval_narrows_with_more_quotes() -> None:
    small = macro_f1_interval(*_sample(100, 0.75, seed=4))
    large = macro_f1_interval(*_sample(4000, 0.75, seed=4))
    assert large[1] - large[0] < (small[1] - small[0]) / 3


def test_interval_of_perfect_predictions_is_a_point() -> None:
    gold = list(LABELS) * 10
    assert macro_f1_interval(gold, gold) == (1.0, 1.0)


def test_interval_errors() -> None:
    with pytest.raises(ValueError, match="2 predictions, gold has 1"):
        macro_f1_interval(["neutral"], ["neutral", "neutral"])
    lo, hi = macro_f1_interval([], [])
    assert lo != lo and hi != hi  # NaN
