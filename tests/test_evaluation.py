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


def _calibrated_sample(n: int, seed: int) -> tuple[list[dict], list[str]]:
    """Probabilities and gold labels drawn from them: calibrated by construction."""
    rng = random.Random(seed)
    probs, gold = [], []
    for _ in range(n):
        w = [rng.random() ** 3 for _ in LABELS]
        p = {c: v / sum(w) for c, v in zip(LABELS, w, strict=True)}
        probs.append(p)
        gold.append(rng.choices(LABELS, weights=[p[c] for c in LABELS])[0])
    return probs, gold


def test_calibration_noise_bounds_the_ece_of_calibrated_models() -> None:
    """About 95% of perfectly calibrated samples stay under the returned ECE."""
    from stancelab.evaluation import calibration_noise, expected_calibration_error

    probs, _ = _calibrated_sample(168, seed=0)
    bound = calibration_noise(probs)
    assert calibration_noise(probs) == bound  # seeded
    inside = 0
    for seed in range(200):
        # same confidences, new gold drawn from them
        rng = random.Random(1000 + seed)
        gold = [rng.choices(LABELS, weights=[p[c] for c in LABELS])[0] for p in probs]
        inside += expected_calibration_error(probs, gold) <= bound
    assert 0.88 <= inside / 200 <= 0.995
    # a badly overconfident model is far above it
    sharp = [{c: (0.98 if c == "escalation" else 0.01) for c in LABELS} for _ in probs]
    assert expected_calibration_error(sharp, ["neutral"] * 84 + ["escalation"] * 84) > bound


def test_calibration_noise_shrinks_with_more_quotes_and_is_in_the_metrics() -> None:
    from stancelab.evaluation import calibration_noise

    probs, gold = _calibrated_sample(2000, seed=5)
    assert calibration_noise(probs) < calibration_noise(probs[:150]) / 2
    assert calibration_noise([]) != calibration_noise([])  # NaN
    g = [{"stance": s, "speaker": "x"} for s in gold[:150]]
    p = [
        {
            "stance": max(pr, key=pr.get),
            "escalation_score": pr["escalation"] - pr["de-escalation"],
            **{f"p_{c}": pr[c] for c in LABELS},
        }
        for pr in probs[:150]
    ]
    m = stance_metrics(g, p)
    assert m["ece_if_calibrated_p95"] == calibration_noise(probs[:150])
