"""Local engine against the Ray Data engine on generated articles (needs stancelab[ray]).

Runs the same experiment (extraction + default scorer, no cache, no figures) on
N generated articles (demo paragraphs, every quote made distinct) with engine: local and engine: ray (a local Ray using every
CPU of this machine), prints the throughput of each, and checks that both give
identical quotes and scores.

    python benchmarks/bench_ray.py [N_ARTICLES]     (default 5000)
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from stancelab.config import ExperimentConfig
from stancelab.corpus import load_demo_corpus
from stancelab.experiments import run_experiment


def _corpus(path: Path, n: int) -> None:
    paras = [p for a in load_demo_corpus() for p in a.text.split("\n\n") if p.strip()]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = "\n\n".join(paras[(i * 5 + k) % len(paras)] for k in range(4))
            # every quote different, as in a real corpus (the scorers score distinct texts once)
            for mark in ("“", "«", "„"):
                text = text.replace(mark, f"{mark}On day {i}, ")
            f.write(
                json.dumps({"id": f"g{i}", "date": f"2024-{1 + i % 12:02d}-15", "text": text})
                + "\n"
            )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))  # all cores for both engines
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "articles.jsonl"
    _corpus(corpus, n)
    base = {
        "name": "bench",
        "corpus": {"path": str(corpus)},
        "scorers": [{"name": "default"}],
        "cache": {"enabled": False},
        "aggregation": {"bootstrap": 100},
    }
    results = {}
    for engine in ("local", "ray"):
        cfg = ExperimentConfig.model_validate({**base, "engine": {"name": engine}})
        t0 = time.perf_counter()
        res = run_experiment(cfg)
        dt = time.perf_counter() - t0
        results[engine] = res
        q = len(res.quotes)
        print(
            f"engine {engine:<5}: {n} articles, {q} quotes in {dt:6.1f} s "
            f"= {n / dt:7.1f} articles/s, {q / dt:7.1f} quotes/s (includes model loading"
            + (" and starting Ray)" if engine == "ray" else ")")
        )
    pd.testing.assert_frame_equal(results["local"].quotes, results["ray"].quotes, check_dtype=False)
    print(f"identical quotes and scores from both engines ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
