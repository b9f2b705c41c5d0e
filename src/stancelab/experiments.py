"""Experiments: corpus -> quotes and actors -> scores -> per-actor tables, metrics and a run folder.

:func:`run_experiment` computes everything a config asks for and returns a
:class:`Results` (pandas frames and plain dicts); it writes nothing except
the score cache. :func:`save_run` writes a run folder from a
:class:`Results`::

    experiments/runs/NAME/TIMESTAMP/
        config.yaml        the resolved config
        quotes.parquet     every quote: speaker, affiliation, article, scores of every scorer
        gold.parquet       with gold: the gold quotes with every scorer's predictions
        actors.csv         per speaker: quotes, mean score with bootstrap interval per scorer
        affiliations.csv   the same per affiliation
        timeline.csv       per actor and time bin
        metrics.json       corpus summary (+ attribution and stance metrics with gold)
        figures/           PNG and SVG charts
        report.md          the evaluation report (figures linked)
        report.html        the same, self-contained (figures embedded)

Scores are cached per (scorer fingerprint, text) as Parquet shards under
``cache.dir``, written after every chunk, so a re-run, a second experiment
on the same corpus, or a run started again after an interruption scores only
what is missing. The same config on the same input gives byte-identical
files (apart from the folder name).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from stancelab.config import ConfigError, ExperimentConfig, ScorerConfig, bundled_path, load_config

if TYPE_CHECKING:
    from stancelab.scoring import Scorer

__all__ = [
    "Results",
    "ScoreCache",
    "bootstrap_ci",
    "demo_config",
    "load_gold",
    "load_run",
    "run_experiment",
    "save_run",
]

LABELS = ("escalation", "de-escalation", "neutral")
NUMERIC = {"escalation": 1.0, "de-escalation": -1.0, "neutral": 0.0}
UNKNOWN = "(unknown)"
QUOTE_FIELDS = (
    "article_id",
    "start",
    "end",
    "quote",
    "speaker",
    "affiliation",
    "kind",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "method",
    "speaker_kind",
    "affiliation_source",
)


# --------------------------------------------------------------------------- results


@dataclass
class Results:
    """Everything one experiment computed (plain frames and dicts; nothing written).

    Attributes:
        config: The resolved config.
        quotes: One row per quote: the guidelines' fields, the attribution
            evidence, the article's ``title``/``date``/``source``, the time
            ``bin``, and per scorer ``LABEL_stance``, ``LABEL_escalation_score``
            and ``LABEL_p_*``; the primary scorer's are also plain
            ``stance``/``escalation_score``/``p_*``.
        actors: Per speaker: affiliation, kind, quotes, articles, dates, and per
            scorer ``LABEL_mean``/``LABEL_ci_low``/``LABEL_ci_high``.
        affiliations: The same per affiliation.
        timeline: Per (group, actor, time bin): quotes and the primary score's
            mean and interval.
        metrics: ``summary`` (counts), and with gold ``attribution``, ``stance``
            (per scorer and baseline) and ``speakers`` (gold vs predicted means).
        gold: With gold: the gold quotes with every scorer's predictions.
        errors: Articles that could not be read (with ``on_error: skip``).

    Example:
        >>> from stancelab.config import ExperimentConfig
        >>> res = run_experiment(ExperimentConfig(corpus={"path": "bundled:demo"},
        ...     scorers=[{"name": "vader"}], cache={"enabled": False}))
        >>> res.scorer_labels, res.metrics["summary"]["articles"]
        (['vader'], 18)
        >>> res.quotes[["speaker", "vader_stance"]].iloc[0].tolist()
        ['Mohammed Azmar', 'neutral']
    """

    config: ExperimentConfig
    quotes: pd.DataFrame
    actors: pd.DataFrame
    affiliations: pd.DataFrame
    timeline: pd.DataFrame
    metrics: dict[str, Any]
    gold: pd.DataFrame | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def scorer_labels(self) -> list[str]:
        """Labels of the configured scorers, primary first."""
        return [s.label or s.name for s in self.config.scorers]

    @property
    def evaluated_labels(self) -> list[str]:
        """Labels scored on the gold quotes: the scorers, then the baselines."""
        return list(self.metrics.get("stance", {}))


# --------------------------------------------------------------------------- score cache


class ScoreCache:
    """Scores kept per (scorer fingerprint, text) in Parquet shards, written atomically.

    Args:
        folder: The cache root; each scorer fingerprint gets a sub-folder.
        fingerprint: See :func:`stancelab.scoring.scorer_fingerprint`.

    Example:
        >>> import tempfile
        >>> c = ScoreCache(tempfile.mkdtemp(), "abc")
        >>> c.add({"t": {"stance": "neutral", "escalation_score": 0.0, "p_escalation": 0.1,
        ...            "p_de-escalation": 0.1, "p_neutral": 0.8}})
        >>> ScoreCache(c.folder.parent, "abc").get("t")["stance"]
        'neutral'
    """

    COLUMNS = ("key", "stance", "escalation_score", "p_escalation", "p_de-escalation", "p_neutral")

    def __init__(self, folder: str | os.PathLike[str], fingerprint: str) -> None:
        self.folder = Path(folder) / fingerprint
        self._rows: dict[str, dict[str, Any]] = {}
        if self.folder.is_dir():
            # oldest shard first, and a text keeps the first score written for it
            shards = sorted(
                self.folder.glob("*.parquet"), key=lambda f: (f.stat().st_mtime_ns, f.name)
            )
            for shard in shards:
                try:
                    frame = pd.read_parquet(shard)
                except Exception:  # a damaged shard is rescored, never trusted
                    continue
                for row in frame.to_dict("records"):
                    self._rows.setdefault(row.pop("key"), row)

    @staticmethod
    def key(text: str) -> str:
        """The cache key of a text."""
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, text: str) -> dict[str, Any] | None:
        """The cached score fields of ``text``, or None."""
        return self._rows.get(self.key(text))

    def add(self, scored: Mapping[str, Mapping[str, Any]]) -> None:
        """Store scores (text -> fields) as one new shard (temporary file, then rename).

        A text already in the cache keeps its first score: the cache never changes
        a score a run has reported (int8 scores move slightly with batch mates).
        """
        rows = [
            {"key": k, **{c: v[c] for c in self.COLUMNS[1:]}}
            for t, v in scored.items()
            if (k := self.key(t)) not in self._rows
        ]
        if not rows:
            return
        frame = pd.DataFrame(rows, columns=list(self.COLUMNS))
        self.folder.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256("".join(r["key"] for r in rows).encode()).hexdigest()[:20]
        target = self.folder / f"{name}.parquet"
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, target)
        for r in rows:
            k = r.pop("key")
            self._rows[k] = r


def _score_fields(s: Any) -> dict[str, Any]:
    fields = s.to_fields()
    return {c: fields[c] for c in ScoreCache.COLUMNS[1:]}


def plan_chunks(
    texts: Sequence[str], spec: ScorerConfig, cache_dir: str | os.PathLike[str] | None, chunk: int
) -> tuple[dict[str, dict[str, Any]], list[list[str]], ScoreCache | None]:
    """Cut the distinct texts into fixed chunks and split them into cached and to-score.

    Both engines score through this, so they score the same chunks.

    Returns:
        ``(known, todo, cache)``: every cached score (a chunk with any text
        missing is scored whole, but its cached texts keep their cached scores),
        the chunks still to score, and the cache (None without ``cache_dir``).
    """
    from stancelab.scoring import scorer_fingerprint

    unique = list(dict.fromkeys(texts))
    cache = None
    if cache_dir is not None:
        cache = ScoreCache(cache_dir, scorer_fingerprint(spec.name, spec.model, **spec.options))
    known: dict[str, dict[str, Any]] = {}
    todo = []
    for part in (unique[i : i + chunk] for i in range(0, len(unique), chunk)):
        hits = [cache.get(t) for t in part] if cache is not None else [None] * len(part)
        # cached texts keep their cached scores, also inside a chunk that is scored again
        known.update((t, h) for t, h in zip(part, hits, strict=True) if h is not None)
        if not all(h is not None for h in hits):
            todo.append(part)
    return known, todo, cache


def score_texts(
    texts: Sequence[str],
    scorer: Scorer,
    spec: ScorerConfig,
    cache_dir: str | os.PathLike[str] | None,
    *,
    chunk: int = 512,
    progress: bool = False,
) -> list[dict[str, Any]]:
    """Score texts through the cache, chunk by chunk; chunks already cached are skipped.

    The distinct texts are cut into fixed chunks (in first-seen order) and a
    chunk is scored whole or not at all, so the batches a scorer sees, and
    hence its floating-point results, are the same whether a run went
    through in one go or was interrupted and resumed. Each chunk is written
    to the cache as soon as it is scored: an interrupted run loses at most
    one chunk.

    Returns:
        Per text: ``stance``, ``escalation_score`` and ``p_*``.
    """
    known, todo, cache = plan_chunks(texts, spec, cache_dir, chunk)
    bar = None
    if progress and todo:
        from tqdm.auto import tqdm

        total = sum(len(p) for p in todo)
        bar = tqdm(total=total, unit="quote", desc=f"scoring ({spec.label})", file=sys.stderr)
    for part in todo:
        results = scorer.score(part, batch_size=spec.batch_size)
        scored = {t: _score_fields(s) for t, s in zip(part, results, strict=True)}
        if cache is not None:
            cache.add(scored)
        for t, fields in scored.items():
            known.setdefault(t, fields)
        if bar is not None:
            bar.update(len(part))
    if bar is not None:
        bar.close()
    return [known[t] for t in texts]


# --------------------------------------------------------------------------- aggregation


def _group_seed(seed: int, name: str) -> list[int]:
    # one seed per group, so a group's interval does not depend on the other groups
    return [seed, zlib.crc32(name.encode("utf-8", "surrogatepass"))]


def bootstrap_ci(
    values: Sequence[float],
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int | Sequence[int] = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean.

    Args:
        values: The sample.
        n_boot: Resamples.
        confidence: Interval width.
        seed: Seed of the resampling (an int or a sequence of ints, as
            :func:`numpy.random.default_rng` takes); the same seed gives the same interval.

    Returns:
        ``(low, high)``; NaN for an empty sample, the value itself for one value.

    Example:
        >>> lo, hi = bootstrap_ci([0.1, 0.5, 0.9, 0.4], seed=1)
        >>> lo < 0.475 < hi
        True
    """
    v = np.asarray(values, dtype=float)
    if v.size == 0:
        return (float("nan"), float("nan"))
    if v.size == 1:
        return (float(v[0]), float(v[0]))
    rng = np.random.default_rng(seed)
    means = v[rng.integers(0, v.size, size=(n_boot, v.size))].mean(axis=1)
    alpha = (1 - confidence) / 2
    lo, hi = np.quantile(means, [alpha, 1 - alpha])
    return (round(float(lo), 6), round(float(hi), 6))


def _interval(values: Sequence[float], cfg: ExperimentConfig, name: str) -> tuple[float, float]:
    agg = cfg.aggregation
    return bootstrap_ci(values, agg.bootstrap, agg.confidence, seed=_group_seed(cfg.seed, name))


def _time_bin(dates: pd.Series, how: str) -> tuple[pd.Series, pd.Series]:
    """Per date: the bin label (``2024-03``, ``2024Q1``, ...) and the bin's first day."""
    if how == "none":
        return (
            pd.Series(["all"] * len(dates), index=dates.index, dtype=object),
            pd.Series([None] * len(dates), index=dates.index, dtype=object),
        )
    parsed = pd.to_datetime(dates, errors="coerce", format="mixed")
    freq = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}[how]
    periods = parsed.dt.to_period(freq)
    label = periods.astype(str).where(parsed.notna(), None).astype(object)
    start = periods.dt.start_time.dt.strftime("%Y-%m-%d").where(parsed.notna(), None).astype(object)
    return label, start


def _group_table(
    quotes: pd.DataFrame, key: str, labels: Sequence[str], cfg: ExperimentConfig
) -> pd.DataFrame:
    rows = []
    data = quotes[quotes["speaker"].notna()]
    if key == "affiliation":
        data = data.assign(affiliation=data["affiliation"].fillna(UNKNOWN))
    for name, grp in data.groupby(key, sort=False):
        row: dict[str, Any] = {"actor": name}
        if key == "speaker":
            affs = Counter(a for a in grp["affiliation"] if isinstance(a, str))
            row["affiliation"] = affs.most_common(1)[0][0] if affs else None
            row["kind"] = Counter(grp["speaker_kind"].fillna("person")).most_common(1)[0][0]
        else:
            row["speakers"] = grp["speaker"].nunique()
        row["quotes"] = len(grp)
        row["articles"] = grp["article_id"].nunique()
        dates = grp["date"].dropna()
        row["first_date"] = dates.min() if len(dates) else None
        row["last_date"] = dates.max() if len(dates) else None
        row["charted"] = len(grp) >= cfg.aggregation.min_quotes and name != UNKNOWN
        for label in labels:
            vals = grp[f"{label}_escalation_score"].to_numpy(dtype=float)
            lo, hi = _interval(vals, cfg, f"{key}:{name}:{label}")
            row[f"{label}_mean"] = round(float(vals.mean()), 6)
            row[f"{label}_ci_low"] = lo
            row[f"{label}_ci_high"] = hi
        for stance in LABELS:
            row[f"share_{stance}"] = round(float((grp["stance"] == stance).mean()), 4)
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    primary = f"{labels[0]}_mean"
    return frame.sort_values(
        ["quotes", primary, "actor"], ascending=[False, False, True], kind="mergesort"
    ).reset_index(drop=True)


def _timeline(quotes: pd.DataFrame, cfg: ExperimentConfig, label: str) -> pd.DataFrame:
    rows = []
    for key in cfg.aggregation.group_by:
        data = quotes[quotes["speaker"].notna() & quotes["bin"].notna()]
        if key == "affiliation":
            data = data[data["affiliation"].notna()]
        for (name, tbin, start), grp in data.groupby(
            [key, "bin", "bin_start"], sort=True, dropna=False
        ):
            vals = grp[f"{label}_escalation_score"].to_numpy(dtype=float)
            lo, hi = _interval(vals, cfg, f"time:{key}:{name}:{tbin}")
            rows.append(
                {
                    "group_by": key,
                    "actor": name,
                    "bin": tbin,
                    "bin_start": start if isinstance(start, str) else None,
                    "quotes": len(grp),
                    "mean": round(float(vals.mean()), 6),
                    "ci_low": lo,
                    "ci_high": hi,
                }
            )
    return pd.DataFrame(
        rows,
        columns=["group_by", "actor", "bin", "bin_start", "quotes", "mean", "ci_low", "ci_high"],
    )


# --------------------------------------------------------------------------- gold


def load_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Gold quote records (the guidelines' ``quotes.jsonl``) from a folder, a file or ``bundled:demo``.

    Example:
        >>> len(load_gold("bundled:demo")) > 100
        True
    """
    from stancelab.corpus import read_jsonl

    folder = bundled_path(path)
    p = folder if folder is not None else Path(path)
    if p.is_dir():
        p = p / "quotes.jsonl"
    return list(read_jsonl(p))


def _evaluate(
    cfg: ExperimentConfig,
    quotes: pd.DataFrame,
    scorers: Mapping[str, tuple[ScorerConfig, Scorer]],
    cache_dir: str | None,
    progress: bool,
) -> tuple[dict[str, Any], pd.DataFrame]:
    from stancelab.evaluation import attribution_metrics, spearman, stance_metrics

    gold = load_gold(cfg.evaluation.gold or "")
    cols = ["article_id", "start", "end", "speaker", "affiliation"]
    sub = quotes[cols].astype(object)
    pred = sub.where(sub.notna(), None).to_dict("records")
    attribution = attribution_metrics(gold, pred)
    gold_frame = pd.DataFrame(gold)
    texts = [g["quote"] for g in gold]
    stance: dict[str, Any] = {}
    for label, (spec, scorer) in scorers.items():
        scored = score_texts(texts, scorer, spec, cache_dir, progress=progress)
        stance[label] = stance_metrics(gold, scored, bins=cfg.evaluation.calibration_bins)
        stance[label]["scorer"] = spec.name
        stance[label]["baseline"] = label not in {s.label for s in cfg.scorers}
        for col in ScoreCache.COLUMNS[1:]:
            gold_frame[f"{label}_{col}"] = [s[col] for s in scored]
    primary = cfg.primary.label
    speakers = []
    for name, grp in gold_frame.groupby("speaker", sort=True):
        if len(grp) < 3:
            continue
        speakers.append(
            {
                "speaker": name,
                "affiliation": Counter(grp["affiliation"].dropna()).most_common(1)[0][0]
                if grp["affiliation"].notna().any()
                else None,
                "quotes": len(grp),
                "gold_mean": round(float(grp["stance"].map(NUMERIC).mean()), 4),
                "predicted_mean": round(float(grp[f"{primary}_escalation_score"].mean()), 4),
            }
        )
    speakers.sort(key=lambda r: (-r["quotes"], r["speaker"]))
    rho = spearman([r["gold_mean"] for r in speakers], [r["predicted_mean"] for r in speakers])
    metrics = {
        "gold": str(cfg.evaluation.gold),
        "attribution": attribution,
        "stance": stance,
        "speakers": {"spearman": round(rho, 4), "table": speakers},
    }
    return metrics, gold_frame


# --------------------------------------------------------------------------- running


def _load_articles(cfg: ExperimentConfig) -> tuple[list[Any], list[dict[str, Any]]]:
    from stancelab.corpus import CorpusError, load_corpus

    folder = bundled_path(cfg.corpus.path)
    path = folder / "articles.jsonl" if folder is not None else Path(cfg.corpus.path)
    problems: list[CorpusError] = []
    if cfg.corpus.on_error == "skip":
        articles = load_corpus(path, cfg.corpus.format, on_error="skip", errors=problems)
    else:
        articles = load_corpus(path, cfg.corpus.format)
    errors = [{"file": str(e.path), "line": e.line, "error": str(e)} for e in problems]
    return articles, errors


def _check_gold_articles(gold_ids: set[str], meta: Mapping[str, Any]) -> None:
    missing = sorted(gold_ids - set(meta))
    if missing:
        raise ConfigError(
            f"evaluation.gold: {len(missing)} gold article(s) are not in the corpus "
            f"(e.g. {missing[0]!r}); point corpus.path at the gold's articles.jsonl"
        )


def _build_scorers(
    specs: Iterable[ScorerConfig],
) -> dict[str, tuple[ScorerConfig, Scorer]]:
    from stancelab.scoring import get_scorer

    out = {}
    for spec in specs:
        out[spec.label or spec.name] = (
            spec,
            get_scorer(spec.name, model=spec.model, **spec.options),
        )
    return out


def _log(progress: bool, message: str) -> None:
    if progress:
        print(message, file=sys.stderr, flush=True)


def run_experiment(
    config: ExperimentConfig | str | os.PathLike[str], *, progress: bool = False
) -> Results:
    """Run an experiment: extract, attribute, score, aggregate and (with gold) evaluate.

    Models are loaded first, so a model that cannot be loaded fails before any
    other work. Nothing is written except the score cache (``cache.dir``);
    :func:`save_run` writes the run folder.

    Args:
        config: An :class:`~stancelab.config.ExperimentConfig` or the path of
            an experiment YAML file (see :func:`stancelab.config.load_config`).
        progress: Print stage messages and progress bars to stderr.

    Returns:
        The :class:`Results`.

    Example:
        >>> from stancelab.config import ExperimentConfig
        >>> cfg = ExperimentConfig.model_validate({
        ...     "name": "doc", "corpus": {"path": "bundled:demo"},
        ...     "scorers": [{"name": "vader"}], "cache": {"enabled": False}})
        >>> res = run_experiment(cfg)
        >>> res.metrics["summary"]["articles"], len(res.quotes) > 100
        (18, True)
        >>> res.actors.loc[0, ["actor", "affiliation"]].tolist()
        ['Mohammed Azmar', 'Velmora']
    """
    from stancelab.actors import load_alias_table
    from stancelab.quotes import extract_corpus

    cfg = load_config(config) if not isinstance(config, ExperimentConfig) else config
    t0 = time.perf_counter()
    labels = [s.label or s.name for s in cfg.scorers]
    # 1. models first: a bad model name fails before any work
    _log(progress, f"[{cfg.name}] loading scorers: {', '.join(labels)}")
    scorers = _build_scorers(cfg.scorers)
    baselines: dict[str, tuple[ScorerConfig, Scorer]] = {}
    if cfg.evaluation.gold:
        extra = [ScorerConfig(name=b) for b in cfg.evaluation.baselines if b not in labels]
        baselines = _build_scorers(extra)
    # 2. corpus and extraction (3. scoring below) on the configured engine
    aliases = load_alias_table(cfg.extraction.aliases) if cfg.extraction.aliases else None
    gold_ids = (
        {g["article_id"] for g in load_gold(cfg.evaluation.gold)} if cfg.evaluation.gold else set()
    )
    cache_dir = cfg.cache.dir if cfg.cache.enabled else None
    with contextlib.ExitStack() as stack:
        if cfg.engine.name == "ray":
            from stancelab import distributed

            stack.enter_context(distributed.ray_session(cfg.engine, progress))
            _log(progress, f"[{cfg.name}] reading and extracting on Ray")
            quotes, meta, n_articles, errors = distributed.ray_extract(cfg, aliases)
            _check_gold_articles(gold_ids, meta)
        else:
            articles, errors = _load_articles(cfg)
            meta = {a.id: (a.title, a.date, a.source) for a in articles}
            n_articles = len(articles)
            _check_gold_articles(gold_ids, meta)
            _log(progress, f"[{cfg.name}] extracting quotes from {n_articles} articles")
            quotes = extract_corpus(
                articles, aliases=aliases, progress=progress and n_articles > 200
            )
            del articles
        frame = pd.DataFrame([q.to_dict() for q in quotes], columns=list(QUOTE_FIELDS))
        frame["title"] = [meta[a][0] for a in frame["article_id"]]
        frame["date"] = [meta[a][1] for a in frame["article_id"]]
        frame["source"] = [meta[a][2] for a in frame["article_id"]]
        frame["bin"], frame["bin_start"] = _time_bin(frame["date"], cfg.aggregation.time_bin)
        # 3. scores (cached)
        texts = frame["quote"].tolist()
        for label, (spec, scorer) in scorers.items():
            _log(progress, f"[{cfg.name}] scoring {len(texts)} quotes with {label}")
            if cfg.engine.name == "ray":
                scored = distributed.ray_score_texts(texts, spec, cache_dir, cfg.engine)
            else:
                scored = score_texts(texts, scorer, spec, cache_dir, progress=progress)
            for col in ScoreCache.COLUMNS[1:]:
                frame[f"{label}_{col}"] = [s[col] for s in scored]
    for col in ScoreCache.COLUMNS[1:]:
        frame[col] = frame[f"{labels[0]}_{col}"]
    # 4. aggregation
    actors = (
        _group_table(frame, "speaker", labels, cfg)
        if "speaker" in cfg.aggregation.group_by
        else pd.DataFrame()
    )
    affiliations = (
        _group_table(frame, "affiliation", labels, cfg)
        if "affiliation" in cfg.aggregation.group_by
        else pd.DataFrame()
    )
    timeline = _timeline(frame, cfg, labels[0])
    with_quotes = frame["article_id"].nunique()
    summary = {
        "articles": n_articles + len(errors),
        "articles_with_quotes": with_quotes,
        "articles_without_quotes": n_articles - with_quotes,
        "articles_failed": len(errors),
        "quotes": len(frame),
        "quotes_attributed": int(frame["speaker"].notna().sum()),
        "actors": int(frame["speaker"].nunique()),
        "affiliations": int(frame["affiliation"].nunique()),
        "first_date": frame["date"].dropna().min() if frame["date"].notna().any() else None,
        "last_date": frame["date"].dropna().max() if frame["date"].notna().any() else None,
        "scorers": labels,
        "stance_counts": {s: int((frame["stance"] == s).sum()) for s in LABELS},
    }
    metrics: dict[str, Any] = {"experiment": cfg.name, "summary": summary}
    gold_frame = None
    # 5. evaluation against gold
    if cfg.evaluation.gold:
        _log(progress, f"[{cfg.name}] evaluating against {cfg.evaluation.gold}")
        evaluation, gold_frame = _evaluate(
            cfg, frame, {**scorers, **baselines}, cache_dir, progress
        )
        metrics["evaluation"] = evaluation
    _log(progress, f"[{cfg.name}] done in {time.perf_counter() - t0:.1f}s")
    return Results(
        config=cfg,
        quotes=frame,
        actors=actors,
        affiliations=affiliations,
        timeline=timeline,
        metrics=metrics,
        gold=gold_frame,
        errors=errors,
    )


def demo_config(**changes: Any) -> ExperimentConfig:
    """The demo experiment (``stancelab demo``): the bundled corpus with its gold.

    The same as ``configs/experiments/demo.yaml`` (a test checks it), but usable
    without the repository; runs go to ``experiments/runs`` under the current folder.

    Example:
        >>> demo_config().corpus.path
        'bundled:demo'
    """
    data: dict[str, Any] = {
        "name": "demo",
        "description": "Demo corpus (the Kelvra river dispute, 18 team-written articles) "
        "with gold evaluation",
        "corpus": {"path": "bundled:demo"},
        "scorers": [{"name": "default"}],
        "aggregation": {"time_bin": "quarter"},
        "evaluation": {"gold": "bundled:demo"},
    }
    from stancelab.config import merge

    return ExperimentConfig.model_validate(merge(data, changes))


# --------------------------------------------------------------------------- writing


def _json_default(o: Any) -> Any:
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, np.floating):
        return float(o)
    raise TypeError(f"{type(o).__name__} is not JSON serialisable")


def _write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def new_run_dir(root: str | os.PathLike[str], name: str, now: datetime | None = None) -> Path:
    """A fresh ``root/NAME/TIMESTAMP`` folder name (not created); a suffix avoids clashes."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = Path(root) / name
    candidate, n = base / stamp, 1
    while candidate.exists() or (base / f".{candidate.name}.partial").exists():
        n += 1
        candidate = base / f"{stamp}-{n}"
    return candidate


def save_run(
    results: Results,
    run_dir: str | os.PathLike[str] | None = None,
    *,
    figures: bool = True,
    progress: bool = False,
) -> Path:
    """Write a run folder (see the module docs) and return its path.

    The folder is assembled under a hidden temporary name and renamed at the
    end, so a run folder is either complete or absent.

    Args:
        results: What :func:`run_experiment` returned.
        run_dir: The folder to write; by default ``output.dir/NAME/TIMESTAMP``.
        figures: Draw the charts (and embed them in the reports).
        progress: Print what is written to stderr.
    """
    from stancelab import plots, reports

    cfg = results.config
    final = Path(run_dir) if run_dir is not None else new_run_dir(cfg.output.dir, cfg.name)
    if final.exists():
        raise FileExistsError(f"{final} already exists; choose another run folder")
    tmp = final.parent / f".{final.name}.partial"
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "figures").mkdir(parents=True)
    _write_bytes(tmp / "config.yaml", cfg.to_yaml().encode("utf-8"))
    results.quotes.to_parquet(tmp / "quotes.parquet", index=False)
    if results.gold is not None:
        results.gold.to_parquet(tmp / "gold.parquet", index=False)
    for name in ("actors", "affiliations", "timeline"):
        getattr(results, name).to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n")
    metrics = dict(results.metrics)
    if results.errors:
        metrics["errors"] = results.errors
    _write_bytes(
        tmp / "metrics.json",
        (json.dumps(metrics, indent=2, ensure_ascii=False, default=_json_default) + "\n").encode(),
    )
    files: dict[str, dict[str, Path]] = {}
    if figures:
        for name, fig in plots.make_figures(results).items():
            files[name] = plots.save_figure(fig, tmp / "figures" / name, cfg.output.formats)
    md, html = reports.render(
        results,
        {k: {f: p.relative_to(tmp) for f, p in v.items()} for k, v in files.items()},
        root=tmp,
    )
    _write_bytes(tmp / "report.md", md.encode("utf-8"))
    _write_bytes(tmp / "report.html", html.encode("utf-8"))
    os.replace(tmp, final)
    _log(progress, f"[{cfg.name}] wrote {final}")
    return final


def load_run(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Load a run folder into pandas frames and plain dicts (nothing executable is read).

    Args:
        path: A run folder (``experiments/runs/NAME/TIMESTAMP``) or an
            experiment folder (``experiments/runs/NAME``: its latest run).

    Returns:
        ``{"path", "config", "quotes", "actors", "affiliations", "timeline",
        "metrics", "gold"}``; ``gold`` (the gold quotes with every scorer's
        predictions) is None for a run without gold.

    Example:
        >>> load_run("/nonexistent")
        Traceback (most recent call last):
        ...
        FileNotFoundError: /nonexistent is not a run folder (no metrics.json); ...
    """
    import yaml

    p = Path(path)
    if not (p / "metrics.json").is_file() and p.is_dir():
        runs = sorted(d for d in p.iterdir() if d.is_dir() and (d / "metrics.json").is_file())
        if runs:
            p = runs[-1]
    if not (p / "metrics.json").is_file():
        raise FileNotFoundError(
            f"{p} is not a run folder (no metrics.json); give experiments/runs/NAME/TIMESTAMP "
            "or experiments/runs/NAME"
        )
    return {
        "path": p,
        "config": yaml.safe_load((p / "config.yaml").read_text(encoding="utf-8")),
        "quotes": pd.read_parquet(p / "quotes.parquet"),
        "actors": _read_csv(p / "actors.csv"),
        "affiliations": _read_csv(p / "affiliations.csv"),
        "timeline": _read_csv(p / "timeline.csv"),
        "metrics": json.loads((p / "metrics.json").read_text(encoding="utf-8")),
        "gold": pd.read_parquet(p / "gold.parquet") if (p / "gold.parquet").is_file() else None,
    }


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()


ProgressFn = Callable[[str], None]
