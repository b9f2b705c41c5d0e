"""The experiment runner: results, run folders, reproducibility, the score cache, gold metrics."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from stancelab.config import ExperimentConfig, load_config
from stancelab.experiments import (
    ScoreCache,
    bootstrap_ci,
    load_gold,
    load_run,
    run_experiment,
    save_run,
    score_texts,
)
from stancelab.scoring import Scorer, register_scorer, unregister_scorer

ROOT = Path(__file__).resolve().parents[1]


def _cfg(tmp_path: Path, **changes: Any) -> ExperimentConfig:
    data: dict[str, Any] = {
        "name": "t",
        "corpus": {"path": "bundled:demo"},
        "scorers": [{"name": "vader"}],
        "evaluation": {"gold": "bundled:demo", "baselines": []},
        "output": {"dir": str(tmp_path / "runs"), "formats": ["png", "svg"]},
        "cache": {"dir": str(tmp_path / "cache")},
        "aggregation": {"time_bin": "quarter", "bootstrap": 500},
    }
    data.update(changes)
    return ExperimentConfig.model_validate(data)


class Counting(Scorer):
    """A deterministic scorer that counts the texts it scores (and can fail on demand)."""

    name = "counting"
    seen: list[str] = []  # noqa: RUF012
    fail_after: int | None = None

    def predict_proba(self, texts, batch_size: int = 64) -> np.ndarray:
        if Counting.fail_after is not None and len(Counting.seen) >= Counting.fail_after:
            raise KeyboardInterrupt("simulated interruption")
        Counting.seen.extend(texts)
        rows = []
        for t in texts:
            h = sum(map(ord, t)) % 7
            rows.append([h + 1, 7 - h, 3])
        return np.asarray(rows, dtype=float)


@pytest.fixture
def counting() -> Iterator[type[Counting]]:
    Counting.seen = []
    Counting.fail_after = None
    register_scorer("counting", lambda model=None, **kw: Counting())
    yield Counting
    unregister_scorer("counting")


@pytest.fixture(scope="module")
def demo_results(tmp_path_factory) -> Any:
    return run_experiment(_cfg(tmp_path_factory.mktemp("demo")))


def test_quotes_frame_has_guideline_fields_and_scores(demo_results) -> None:
    q = demo_results.quotes
    for col in (
        "article_id",
        "start",
        "end",
        "quote",
        "speaker",
        "affiliation",
        "stance",
        "escalation_score",
    ):
        assert col in q
    assert (q["stance"] == q["vader_stance"]).all()
    assert q["escalation_score"].between(-1, 1).all()
    probs = q[["p_escalation", "p_de-escalation", "p_neutral"]].sum(axis=1)
    assert np.allclose(probs, 1, atol=1e-5)
    assert set(q["date"].str[:2]) == {"20"} and q["bin"].str.contains("Q").all()


def test_actor_tables(demo_results) -> None:
    a = demo_results.actors
    q = demo_results.quotes
    assert a["quotes"].sum() == q["speaker"].notna().sum()
    assert list(a["quotes"]) == sorted(a["quotes"], reverse=True)
    for r in a.to_dict("records"):
        mine = q.loc[q["speaker"] == r["actor"], "vader_escalation_score"]
        assert r["vader_mean"] == pytest.approx(mine.mean(), abs=1e-6)
        assert r["vader_ci_low"] - 1e-9 <= r["vader_mean"] <= r["vader_ci_high"] + 1e-9
        assert r["charted"] == (r["quotes"] >= 3)
    aff = demo_results.affiliations
    assert aff["quotes"].sum() == a["quotes"].sum()
    t = demo_results.timeline
    assert set(t["group_by"]) == {"speaker", "affiliation"}
    assert t[t["group_by"] == "speaker"]["quotes"].sum() == a["quotes"].sum()


def test_summary_counts_every_article(demo_results) -> None:
    s = demo_results.metrics["summary"]
    assert (
        s["articles"]
        == 18
        == s["articles_with_quotes"] + s["articles_without_quotes"] + s["articles_failed"]
    )
    assert s["quotes"] == len(demo_results.quotes)


def test_gold_metrics_are_goldeval_metrics(demo_results) -> None:
    from stancelab.evaluation import attribution_metrics, stance_metrics

    ev = demo_results.metrics["evaluation"]
    gold = load_gold("bundled:demo")
    assert ev["attribution"]["n_gold"] == len(gold) == 157
    g = demo_results.gold
    pred = [
        {"stance": s, "escalation_score": e}
        for s, e in zip(g["vader_stance"], g["vader_escalation_score"], strict=True)
    ]
    want = stance_metrics(gold, pred)
    assert ev["stance"]["vader"]["macro_f1"] == want["macro_f1"]
    assert ev["attribution"] == attribution_metrics(
        gold,
        demo_results.quotes.astype(object)
        .where(demo_results.quotes.notna(), None)
        .to_dict("records"),
    )
    table = ev["speakers"]["table"]
    assert table and all(r["quotes"] >= 3 for r in table)


def test_bootstrap_interval() -> None:
    assert bootstrap_ci([]) != bootstrap_ci([])  # NaN
    assert bootstrap_ci([0.3]) == (0.3, 0.3)
    lo, hi = bootstrap_ci([-1, 1] * 50, seed=3)
    assert -0.3 < lo < 0 < hi < 0.3
    assert bootstrap_ci([1, 2, 3], seed=5) == bootstrap_ci([1, 2, 3], seed=5)


@pytest.mark.slow
def test_run_folder_is_complete_and_reproducible(tmp_path: Path) -> None:
    cfg = _cfg(
        tmp_path,
        evaluation={"gold": "bundled:demo", "baselines": ["vader"]},
        scorers=[{"name": "vader", "label": "lexicon"}],
    )
    first = save_run(run_experiment(cfg), tmp_path / "a")
    second = save_run(run_experiment(cfg), tmp_path / "b")
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert {
        "config.yaml",
        "quotes.parquet",
        "actors.csv",
        "affiliations.csv",
        "timeline.csv",
        "metrics.json",
        "report.md",
        "report.html",
    } <= set(names)
    for fig in (
        "actors",
        "affiliations",
        "timeline",
        "distributions",
        "confusion",
        "reliability",
        "gold_vs_predicted",
    ):
        assert f"figures/{fig}.png" in names and f"figures/{fig}.svg" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    run = load_run(tmp_path / "a")
    assert isinstance(run["quotes"], pd.DataFrame) and len(run["quotes"]) > 100
    assert run["config"]["scorers"][0]["label"] == "lexicon"
    assert run["metrics"]["evaluation"]["stance"]["lexicon"]["n"] == 157


def test_save_run_refuses_an_existing_folder(tmp_path: Path, demo_results) -> None:
    (tmp_path / "x").mkdir()
    with pytest.raises(FileExistsError):
        save_run(demo_results, tmp_path / "x", figures=False)


def test_default_run_folder_is_timestamped(tmp_path: Path, demo_results) -> None:
    cfg = demo_results.config.model_copy(
        update={"output": demo_results.config.output.model_copy(update={"dir": str(tmp_path)})}
    )
    res = type(demo_results)(**{**demo_results.__dict__, "config": cfg})
    a = save_run(res, figures=False)
    b = save_run(res, figures=False)
    assert a.parent == b.parent == tmp_path / "t" and a != b
    assert not list(tmp_path.glob("t/.*"))  # no partial folders left
    assert load_run(tmp_path / "t")["path"] == max(a, b)


def test_scores_are_cached_and_not_recomputed(tmp_path: Path, counting) -> None:
    cfg = _cfg(tmp_path, scorers=[{"name": "counting"}], evaluation={})
    first = run_experiment(cfg)
    n_unique = first.quotes["quote"].nunique()
    assert len(counting.seen) == n_unique
    second = run_experiment(cfg)
    assert len(counting.seen) == n_unique  # nothing scored again
    pd.testing.assert_frame_equal(first.quotes, second.quotes)
    other = _cfg(tmp_path, scorers=[{"name": "counting", "options": {"x": 1}}], evaluation={})
    run_experiment(other)  # options are part of the cache key: scored again
    assert len(counting.seen) == 2 * n_unique


def test_interrupted_scoring_resumes_without_loss_or_duplicates(tmp_path: Path, counting) -> None:
    from stancelab.config import ScorerConfig

    texts = [f"quote number {i}" for i in range(10)]
    spec = ScorerConfig(name="counting")
    counting.fail_after = 4
    with pytest.raises(KeyboardInterrupt):
        score_texts(texts, Counting(), spec, tmp_path, chunk=2)
    assert len(counting.seen) == 4
    counting.fail_after = None
    resumed = score_texts(texts, Counting(), spec, tmp_path, chunk=2)
    assert len(counting.seen) == 10 and len(set(counting.seen)) == 10  # the rest, once each
    fresh = score_texts(texts, Counting(), spec, None, chunk=3)
    assert resumed == fresh


def test_damaged_cache_shard_is_rescored(tmp_path: Path, counting) -> None:
    from stancelab.config import ScorerConfig

    spec = ScorerConfig(name="counting")
    score_texts(["a", "b"], Counting(), spec, tmp_path)
    for shard in tmp_path.rglob("*.parquet"):
        shard.write_bytes(b"not parquet")
    counting.seen = []
    score_texts(["a", "b"], Counting(), spec, tmp_path)
    assert sorted(counting.seen) == ["a", "b"]


def test_cache_keys_texts_exactly(tmp_path: Path) -> None:
    c = ScoreCache(tmp_path, "fp")
    row = {
        "stance": "neutral",
        "escalation_score": 0.0,
        "p_escalation": 0.2,
        "p_de-escalation": 0.2,
        "p_neutral": 0.6,
    }
    c.add({"We will talk.": row})
    assert ScoreCache(tmp_path, "fp").get("We will talk.") == row
    assert ScoreCache(tmp_path, "fp").get("We will talk") is None
    assert ScoreCache(tmp_path, "other").get("We will talk.") is None


def test_gold_articles_must_be_in_the_corpus(tmp_path: Path) -> None:
    from stancelab.config import ConfigError

    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "zz", "text": "“Hello,” she said."}\n')
    cfg = _cfg(tmp_path, corpus={"path": str(corpus)})
    with pytest.raises(ConfigError, match="gold article"):
        run_experiment(cfg)


def test_skipped_articles_are_counted(tmp_path: Path) -> None:
    corpus = tmp_path / "a.jsonl"
    corpus.write_text(
        '{"id": "1", "text": "“We want talks,” said Ana Ruiz."}\n{"id": "2"}\n{"id": "3", "text": "No quotes."}\n'
    )
    res = run_experiment(
        _cfg(tmp_path, corpus={"path": str(corpus), "on_error": "skip"}, evaluation={})
    )
    s = res.metrics["summary"]
    assert (
        s["articles"],
        s["articles_with_quotes"],
        s["articles_without_quotes"],
        s["articles_failed"],
    ) == (3, 1, 1, 1)
    assert res.errors[0]["line"] == 2


@pytest.mark.slow
def test_cli_run_writes_a_run(tmp_path: Path) -> None:
    exp = tmp_path / "configs" / "experiments"
    exp.mkdir(parents=True)
    (tmp_path / "configs" / "base.yaml").write_text((ROOT / "configs" / "base.yaml").read_text())
    (exp / "mini.yaml").write_text(
        "corpus: {path: bundled:demo}\nscorers: [{name: vader}]\noutput: {formats: [png]}\n"
    )
    out = subprocess.run(
        [sys.executable, "-m", "stancelab.cli", "run", str(exp / "mini.yaml"), "-q"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert "Mohammed Azmar" in out and "run folder:" in out
    run = load_run(tmp_path / "experiments" / "runs" / "mini")
    assert json.loads((run["path"] / "metrics.json").read_text())["summary"]["articles"] == 18
    assert (run["path"] / "figures" / "actors.png").is_file()


@pytest.mark.slow
def test_dev_gold_experiment_matches_evaluate_gold(shared: Path, tmp_path: Path) -> None:
    """`make experiment EXP=dev-gold` reports the figures of ../shared/tools/evaluate-gold."""
    cfg = load_config(
        ROOT / "configs" / "experiments" / "dev-gold.yaml",
        [f"cache.dir={tmp_path}", "evaluation.baselines=[]"],
    )
    res = run_experiment(cfg)
    env = {"STANCELAB": str(Path(sys.executable).parent / "stancelab"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [str(shared / "tools" / "evaluate-gold")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    ).stdout
    parts = out.split("== stance on the gold quotes")
    attribution = json.loads(parts[0].split("\n", 1)[1])
    stance = json.loads(parts[1].split("\n", 1)[1])
    ev = res.metrics["evaluation"]
    assert ev["attribution"] == attribution
    mine = ev["stance"]["default"]
    assert set(stance) <= set(mine)
    for key, value in stance.items():  # every figure goldeval prints
        assert mine[key] == value, key


class BatchMates(Scorer):
    """Scores that depend on the batch, as int8 scores do slightly: the batch size shifts them."""

    name = "batchmates"

    def predict_proba(self, texts, batch_size: int = 64) -> np.ndarray:
        return np.asarray([[1.0 + len(texts), 5.0, 3.0] for _ in texts], dtype=float)


def test_a_cached_score_is_never_replaced(tmp_path: Path) -> None:
    """A text keeps the score first reported for it, in this run and every later one.

    The second call's chunk holds cached and new texts; it is scored whole (so the new
    texts get their batch mates), but the cached texts keep their cached scores, on
    disk too: a re-run reports exactly what the first run did.
    """
    from stancelab.config import ScorerConfig

    register_scorer("batchmates", lambda model=None, **kw: BatchMates())
    try:
        spec = ScorerConfig(name="batchmates")
        cache = tmp_path / "cache"
        first = score_texts(["a", "b"], BatchMates(), spec, cache)
        mixed = score_texts(["a", "b", "c"], BatchMates(), spec, cache)
        assert mixed[:2] == first  # not the 3-text batch's scores
        assert mixed[2] != first[0]  # "c" was scored with its chunk of three
        again = score_texts(["a", "b", "c"], BatchMates(), spec, cache)
        assert again == mixed
        reloaded = ScoreCache(cache, next(p.name for p in cache.iterdir()))
        assert len(reloaded) == 3 and reloaded.get("a") == first[0]
    finally:
        unregister_scorer("batchmates")
