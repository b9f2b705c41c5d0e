"""Evaluation against a gold corpus written to the annotation guidelines.

The metrics are the ones ``../shared/tools/goldeval.py`` computes (the
project is judged by them), reimplemented here so that experiments and
reports can compute them in-process: span matching by Jaccard overlap,
quote and quote+speaker precision/recall/F1, one name per speaker,
affiliation accuracy, recall per tag; and for stance macro-F1 (with a
bootstrap interval), per-class F1, the confusion matrix, Spearman
correlations and calibration error.

:func:`attribution_errors` lists every miss, false alarm and wrong
speaker, so a researcher can read what went wrong.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np

__all__ = [
    "LABELS",
    "agreement",
    "attribution_errors",
    "attribution_metrics",
    "calibration_noise",
    "cohen_kappa",
    "expected_calibration_error",
    "macro_f1_interval",
    "plover_metrics",
    "roc_auc",
    "same_speaker",
    "stance_metrics",
]

LABELS = ("escalation", "de-escalation", "neutral")
NUMERIC = {"escalation": 1.0, "neutral": 0.0, "de-escalation": -1.0}
NO_SPEAKER_TAGS = frozenset({"unresolved-pronoun"})


def _get(r: Any, k: str, default: Any = None) -> Any:
    return r.get(k, default) if isinstance(r, Mapping) else getattr(r, k, default)


def name_tokens(name: str | None) -> list[str]:
    """Fold a name the way the gold scorer does.

    Example:
        >>> name_tokens("the Kremlin's Zelenskiy")
        ['kremlin', 'zelensky']
    """
    if not name:
        return []
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’]s\b", "", s)
    toks = [t for t in re.findall(r"[a-z0-9]+", s) if t != "the"]
    return [re.sub(r"(iy|yy|ij|ii|yi)$", "y", t) for t in toks]


def same_speaker(pred: str | None, gold: str) -> bool:
    """Whether a predicted speaker name counts as the gold one.

    Example:
        >>> same_speaker("Zelenskiy", "Volodymyr Zelenskyy")
        True
        >>> same_speaker("Anna Petrova", "Igor Petrov")
        False
    """
    p, g = name_tokens(pred), name_tokens(gold)
    if not p or not g:
        return False
    ps, gs = set(p), set(g)
    return gs <= ps or (ps <= gs and g[-1] in ps)


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def _match(preds: Sequence[Any], golds: Sequence[Any], threshold: float) -> list[tuple[int, int]]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            o = _jaccard((_get(p, "start"), _get(p, "end")), (_get(g, "start"), _get(g, "end")))
            if o >= threshold:
                pairs.append((o, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _by_article(records: Sequence[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for r in records:
        out[_get(r, "article_id")].append(r)
    return out


def attribution_metrics(
    gold: Sequence[Any], pred: Sequence[Any], thresholds: Sequence[float] = (0.5, 0.8)
) -> dict[str, Any]:
    """Quote and speaker metrics of predicted quotes against gold quotes.

    Args:
        gold: Gold quote records (dicts or objects with ``article_id``,
            ``start``, ``end``, ``speaker``, ``affiliation``, ``tags``).
        pred: Predicted quotes (dicts or :class:`stancelab.quotes.Quote`).
        thresholds: Span-overlap (Jaccard) thresholds to report.

    Returns:
        The same structure as ``goldeval.py attribution``.

    Example:
        >>> g = [{"article_id": "a", "start": 0, "end": 10, "speaker": "Ana Ruiz", "tags": ["alias"]}]
        >>> p = [{"article_id": "a", "start": 0, "end": 10, "speaker": "Ruiz"}]
        >>> attribution_metrics(g, p)["overlap>=0.8"]["quote+speaker"]["f1"]
        1.0
    """
    by_g, by_p = _by_article(gold), _by_article(pred)
    n_unscored = sum(bool(NO_SPEAKER_TAGS & set(_get(g, "tags") or [])) for g in gold)
    out: dict[str, Any] = {
        "n_gold": len(gold),
        "n_pred": len(pred),
        "n_gold_speaker_unscored": n_unscored,
    }
    for thr in thresholds:
        tp_span = tp_both = tp_known = pred_unscored = 0
        tag_tot: dict[str, int] = defaultdict(int)
        tag_ok: dict[str, int] = defaultdict(int)
        names: dict[str, set] = defaultdict(set)
        aff_ok = aff_n = 0
        for art, golds in by_g.items():
            preds = by_p.get(art, [])
            matched = {j: i for i, j in _match(preds, golds, thr)}
            for j, g in enumerate(golds):
                ok = False
                tags = _get(g, "tags") or []
                unknown = bool(NO_SPEAKER_TAGS & set(tags))
                if j in matched and unknown:
                    tp_span += 1
                    pred_unscored += 1
                    ok = True
                elif j in matched:
                    tp_span += 1
                    tp_known += 1
                    p = preds[matched[j]]
                    if same_speaker(_get(p, "speaker"), _get(g, "speaker")):
                        ok = True
                        tp_both += 1
                        names[_get(g, "speaker")].add(" ".join(name_tokens(_get(p, "speaker"))))
                        if _get(g, "affiliation"):
                            aff_n += 1
                            pa = " ".join(name_tokens(_get(p, "affiliation")))
                            ga = " ".join(name_tokens(_get(g, "affiliation")))
                            aff_ok += bool(pa) and (pa in ga or ga in pa)
                for t in tags:
                    tag_tot[t] += 1
                    tag_ok[t] += ok
        multi = [s for s, v in names.items() if len(v) > 1]
        out[f"overlap>={thr}"] = {
            "quote": _prf(tp_span, len(pred), len(gold)),
            "quote+speaker": _prf(tp_both, len(pred) - pred_unscored, len(gold) - n_unscored),
            "speaker_accuracy_on_found": round(tp_both / tp_known, 4) if tp_known else 0.0,
            "one_name_per_speaker": round(1 - len(multi) / len(names), 4) if names else 0.0,
            "speakers_with_several_names": {s: sorted(names[s]) for s in multi},
            "affiliation_accuracy": round(aff_ok / aff_n, 4) if aff_n else None,
            "recall_by_tag": {t: f"{tag_ok[t]}/{tag_tot[t]}" for t in sorted(tag_tot)},
        }
    return out


def attribution_errors(
    gold: Sequence[Any], pred: Sequence[Any], threshold: float = 0.8
) -> list[dict[str, Any]]:
    """Every disagreement between predicted and gold quotes, for reading.

    Returns:
        Dicts with ``error`` (``missed``, ``spurious``, ``wrong-speaker``,
        ``wrong-affiliation``), ``article_id``, offsets, the quote, and the
        gold and predicted speaker / affiliation.

    Example:
        >>> g = [{"article_id": "a", "start": 0, "end": 5, "quote": "Hello", "speaker": "Ana Ruiz"}]
        >>> [e["error"] for e in attribution_errors(g, [])]
        ['missed']
    """
    by_g, by_p = _by_article(gold), _by_article(pred)
    errors: list[dict[str, Any]] = []
    for art in sorted(set(by_g) | set(by_p)):
        golds, preds = by_g.get(art, []), by_p.get(art, [])
        pairs = _match(preds, golds, threshold)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        for j, g in enumerate(golds):
            if j not in mg:
                errors.append(_err("missed", art, g, None))
        for i, p in enumerate(preds):
            if i not in mp:
                errors.append(_err("spurious", art, p, None, pred_side=True))
        for i, j in pairs:
            p, g = preds[i], golds[j]
            if NO_SPEAKER_TAGS & set(_get(g, "tags") or []):
                continue  # the gold speaker is unknown: the metrics do not score it either
            if not same_speaker(_get(p, "speaker"), _get(g, "speaker")):
                errors.append(_err("wrong-speaker", art, g, p))
            elif _get(g, "affiliation"):
                pa = " ".join(name_tokens(_get(p, "affiliation")))
                ga = " ".join(name_tokens(_get(g, "affiliation")))
                if not (pa and (pa in ga or ga in pa)):
                    errors.append(_err("wrong-affiliation", art, g, p))
    return errors


def _err(kind: str, art: str, g: Any, p: Any, pred_side: bool = False) -> dict[str, Any]:
    src = g
    d = {
        "error": kind,
        "article_id": art,
        "start": _get(src, "start"),
        "end": _get(src, "end"),
        "quote": _get(src, "quote"),
        "tags": _get(src, "tags") or [],
    }
    if pred_side:
        d.update(pred_speaker=_get(g, "speaker"), pred_affiliation=_get(g, "affiliation"))
    else:
        d.update(gold_speaker=_get(g, "speaker"), gold_affiliation=_get(g, "affiliation"))
        if p is not None:
            d.update(
                pred_speaker=_get(p, "speaker"),
                pred_affiliation=_get(p, "affiliation"),
                mention=_get(p, "mention"),
                method=_get(p, "method"),
            )
    return d


def _ranks(v: Sequence[float]) -> list[float]:
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman rank correlation (average ranks for ties); NaN when undefined.

    Example:
        >>> spearman([1, 2, 3, 4], [10, 20, 30, 45])
        1.0
    """
    if len(xs) < 3:
        return float("nan")
    try:
        return statistics.correlation(_ranks(xs), _ranks(ys))
    except statistics.StatisticsError:
        return float("nan")


def expected_calibration_error(
    probabilities: Sequence[Mapping[str, float]] | np.ndarray,
    gold: Sequence[str] | Sequence[int],
    bins: int = 10,
) -> float:
    """Expected calibration error of the top-class confidence (equal-width bins).

    Bins are ``(0, 1/bins], ..., (1 - 1/bins, 1]``; each adds the gap between
    its mean confidence and its accuracy, weighted by its share of the quotes.

    Args:
        probabilities: Per-quote class probabilities: mappings ``label -> p``, or
            an array of shape ``(n, classes)``.
        gold: Gold labels: stance names for mappings, class indices for an array.
        bins: Confidence bins.

    Returns:
        The ECE rounded to 4 places; NaN for no quotes.

    Example:
        >>> expected_calibration_error([{"escalation": 1.0, "neutral": 0.0, "de-escalation": 0.0}],
        ...                            ["escalation"])
        0.0
        >>> import numpy as np
        >>> expected_calibration_error(np.array([[0.9, 0.05, 0.05], [0.6, 0.3, 0.1]]), [0, 1])
        0.35
    """
    import numpy as np

    if len(gold) == 0:
        return float("nan")
    if isinstance(probabilities, np.ndarray):
        conf = probabilities.max(axis=1).astype(np.float64)
        correct = (probabilities.argmax(axis=1) == np.asarray(gold)).astype(np.float64)
    else:
        top = [max(p, key=lambda k: p[k]) for p in probabilities]
        conf = np.array([float(p[t]) for p, t in zip(probabilities, top, strict=True)])
        correct = np.array([t == g for t, g in zip(top, gold, strict=True)], dtype=np.float64)
    return round(float(_binned_calibration_error(conf, correct, bins)), 4)


def _binned_calibration_error(conf: np.ndarray, correct: np.ndarray, bins: int) -> Any:
    """ECE for top-class confidences ``conf`` (n,) and 0/1 ``correct`` (..., n), per row.

    Bins are ``(0, 1/bins], ..., (1 - 1/bins, 1]``, a confidence of exactly 0 in the first.
    """
    import numpy as np

    total = np.zeros(correct.shape[:-1])
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = ((conf > lo) & (conf <= hi)) | ((b == 0) & (conf == 0))
        if sel.any():
            gap = np.abs(conf[sel].mean() - correct[..., sel].mean(axis=-1))
            total = total + gap * sel.sum() / conf.size
    return total


def calibration_noise(
    probabilities: Sequence[Mapping[str, float]],
    bins: int = 10,
    n_draws: int = 1000,
    quantile: float = 0.95,
    seed: int = 0,
) -> float:
    """The ECE a perfectly calibrated model with these confidences stays under, at ``quantile``.

    Perfect calibration means each top-class prediction is right with probability
    equal to its confidence. Each draw makes every prediction right or wrong that
    way and measures :func:`expected_calibration_error` (same bins); on a few
    hundred quotes the result is far from 0. A measured ECE below the returned
    value is consistent with perfect calibration on a sample of this size.

    Args:
        probabilities: Per-quote class probabilities, as for
            :func:`expected_calibration_error`.
        bins: Confidence bins.
        n_draws: Simulated samples.
        quantile: Which quantile of the simulated ECEs to return.
        seed: Seed of the simulation; the same seed gives the same value.

    Returns:
        The quantile, rounded to 4 places; NaN for no quotes.

    Example:
        >>> p = [{"escalation": 0.7, "de-escalation": 0.2, "neutral": 0.1}] * 150
        >>> 0.03 < calibration_noise(p) < 0.15
        True
        >>> calibration_noise(p * 100) < calibration_noise(p)  # more quotes, less noise
        True
    """
    import numpy as np

    if not probabilities:
        return float("nan")
    conf = np.array([max(float(v) for v in p.values()) for p in probabilities])
    correct = np.random.default_rng(seed).random((n_draws, conf.size)) < conf
    ece = _binned_calibration_error(conf, correct.astype(np.float64), bins)
    return round(float(np.quantile(ece, quantile)), 4)


def macro_f1_interval(
    gold: Sequence[str],
    pred: Sequence[str],
    n_boot: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of stance macro-F1, resampling quotes.

    On a gold set of a few hundred quotes, macro-F1 moves by several points
    with the sample: read two systems' figures with this interval in mind.

    Args:
        gold: Gold stance labels.
        pred: Predicted stance labels, in the same order.
        n_boot: Resamples.
        confidence: Interval width.
        seed: Seed of the resampling; the same seed gives the same interval.

    Returns:
        ``(low, high)``, rounded to 4 places; NaN for an empty sample.

    Example:
        >>> g = ["escalation", "neutral", "de-escalation"] * 20
        >>> p = ["escalation", "neutral", "neutral"] * 20
        >>> lo, hi = macro_f1_interval(g, p)
        >>> lo < 0.5556 < hi
        True
    """
    import numpy as np

    if len(gold) != len(pred):
        raise ValueError(f"{len(pred)} predictions, gold has {len(gold)}")
    if not gold:
        return (float("nan"), float("nan"))
    index = {c: i for i, c in enumerate(LABELS)}
    cells = np.array([index[g] * 3 + index[p] for g, p in zip(gold, pred, strict=True)])
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, cells.size, size=(n_boot, cells.size))
    conf = np.stack([np.bincount(row, minlength=9) for row in cells[draws]]).reshape(-1, 3, 3)
    tp = conf[:, np.arange(3), np.arange(3)].astype(float)
    n_pred, n_gold = conf.sum(axis=1), conf.sum(axis=2)
    denom = n_pred + n_gold
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    macro = f1.mean(axis=1)
    alpha = (1 - confidence) / 2
    lo, hi = np.quantile(macro, [alpha, 1 - alpha])
    return (round(float(lo), 4), round(float(hi), 4))


def stance_metrics(gold: Sequence[Any], pred: Sequence[Any], bins: int = 10) -> dict[str, Any]:
    """Stance metrics of scored records against gold, as ``goldeval.py stance``.

    Args:
        gold: Gold quote records with ``stance`` and ``speaker``.
        pred: Scored records in the same order, with ``stance`` and
            ``escalation_score`` (and optionally per-class probabilities
            ``p_escalation``, ``p_de-escalation``, ``p_neutral``).
        bins: Confidence bins of the calibration error (``ece``).

    Raises:
        ValueError: Different lengths, an unknown label, or a scored record
            whose ``quote`` differs from its gold record's (not in gold order).

    Example:
        >>> g = [{"stance": s, "speaker": "x"} for s in ["escalation", "neutral", "de-escalation"]]
        >>> p = [{"stance": s, "escalation_score": v} for s, v in
        ...      [("escalation", 0.9), ("neutral", 0.0), ("de-escalation", -0.8)]]
        >>> stance_metrics(g, p)["macro_f1"]
        1.0
    """
    if len(pred) != len(gold):
        raise ValueError(f"{len(pred)} scored records, gold has {len(gold)}")
    conf = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    tag_tot: dict[str, int] = defaultdict(int)
    tag_ok: dict[str, int] = defaultdict(int)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        pq, gq = _get(p, "quote"), _get(g, "quote")
        if pq is not None and gq is not None and pq != gq:
            raise ValueError(
                f"scored record {i} is not gold record {i}: records must be in gold order"
            )
        label = _get(p, "stance")
        if label not in LABELS:
            raise ValueError(f"unknown stance label {label!r}")
        conf[_get(g, "stance")][label] += 1
        for t in _get(g, "tags") or []:
            tag_tot[t] += 1
            tag_ok[t] += label == _get(g, "stance")
    f1s = {}
    for c in LABELS:
        tp = conf[c][c]
        f1s[c] = _prf(tp, sum(conf[g][c] for g in LABELS), sum(conf[c].values()))["f1"]
    scores = [float(_get(p, "escalation_score")) for p in pred]
    golds = [NUMERIC[_get(g, "stance")] for g in gold]
    by_spk: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for g, s in zip(gold, scores, strict=True):
        by_spk[_get(g, "speaker")][0].append(NUMERIC[_get(g, "stance")])
        by_spk[_get(g, "speaker")][1].append(s)
    spk = {k: v for k, v in by_spk.items() if len(v[0]) >= 3}
    out: dict[str, Any] = {
        "n": len(gold),
        "macro_f1": round(sum(f1s.values()) / 3, 4),
        "macro_f1_ci95": list(
            macro_f1_interval([_get(g, "stance") for g in gold], [_get(p, "stance") for p in pred])
        ),
        "f1": f1s,
        "accuracy": round(sum(conf[c][c] for c in LABELS) / len(gold), 4) if gold else 0.0,
        "spearman_score_vs_gold": round(spearman(scores, golds), 4),
        "speakers_with_3plus": len(spk),
        "spearman_speaker_means": round(
            spearman(
                [statistics.mean(v[0]) for v in spk.values()],
                [statistics.mean(v[1]) for v in spk.values()],
            ),
            4,
        ),
        "confusion_gold_by_pred": conf,
        "accuracy_by_tag": {t: f"{tag_ok[t]}/{tag_tot[t]}" for t in sorted(tag_tot)},
    }
    probs = [{c: _get(p, f"p_{c}") for c in LABELS} for p in pred]
    if all(all(v is not None and not math.isnan(float(v)) for v in pr.values()) for pr in probs):
        out["ece"] = expected_calibration_error(probs, [_get(g, "stance") for g in gold], bins)
        out["ece_if_calibrated_p95"] = calibration_noise(probs, bins)
    return out


def roc_auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """Mann-Whitney ROC AUC of scores for positives against negatives (ties count half).

    Example:
        >>> roc_auc([0.9, 0.8], [0.1, 0.8])
        0.875
    """
    if not pos or not neg:
        return float("nan")
    ranks = _ranks([*pos, *neg])
    r_pos = sum(ranks[: len(pos)]) + len(pos)  # _ranks is 0-based
    return (r_pos - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def plover_metrics(records: Sequence[Any], scores: Sequence[Any]) -> dict[str, Any]:
    """ROC AUC of ``escalation_score`` (escalation vs de-escalation) and accuracy.

    Args:
        records: PLOVER-style records with ``stance``.
        scores: Scored results in the same order (``escalation_score``, ``stance``).

    Example:
        >>> recs = [{"stance": "escalation"}, {"stance": "de-escalation"}]
        >>> plover_metrics(recs, [{"escalation_score": 0.7, "stance": "escalation"},
        ...                       {"escalation_score": -0.2, "stance": "neutral"}])
        {'n': 2, 'roc_auc': 1.0, 'accuracy': 0.5}
    """
    pairs = list(zip(records, scores, strict=True))
    pos = [
        float(_get(s, "escalation_score")) for r, s in pairs if _get(r, "stance") == "escalation"
    ]
    neg = [
        float(_get(s, "escalation_score")) for r, s in pairs if _get(r, "stance") == "de-escalation"
    ]
    acc = (
        sum(_get(s, "stance") == _get(r, "stance") for r, s in pairs) / len(pairs) if pairs else 0.0
    )
    return {"n": len(pairs), "roc_auc": round(roc_auc(pos, neg), 4), "accuracy": round(acc, 4)}


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa: agreement of two labelings beyond chance (1 = identical, 0 = chance).

    Example:
        >>> cohen_kappa(["x", "y", "x", "y"], ["x", "y", "x", "x"])
        0.5
    """
    if len(a) != len(b):
        raise ValueError(f"{len(a)} labels against {len(b)}")
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if expected == 1 else round((observed - expected) / (1 - expected), 4)


def agreement(
    stances: Mapping[str, Sequence[str]], scores: Mapping[str, Sequence[float]] | None = None
) -> dict[str, dict[str, dict[str, float]]]:
    """Pairwise agreement of scorers on the same quotes.

    Args:
        stances: Per scorer, its stance labels (same quotes, same order).
        scores: Per scorer, its escalation scores (optional).

    Returns:
        ``{"kappa": {a: {b: ...}}, "spearman": {a: {b: ...}}}`` (Cohen's kappa
        of the labels; Spearman correlation of the scores).

    Example:
        >>> agreement({"m": ["escalation", "neutral"], "v": ["escalation", "neutral"]})["kappa"]["m"]["v"]
        1.0
    """
    names = list(stances)
    out: dict[str, dict[str, dict[str, float]]] = {
        "kappa": {a: {b: cohen_kappa(stances[a], stances[b]) for b in names} for a in names}
    }
    if scores:
        sn = list(scores)
        out["spearman"] = {
            a: {b: round(spearman(list(scores[a]), list(scores[b])), 4) for b in sn} for a in sn
        }
    return out
