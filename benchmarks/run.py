"""stancelab benchmarks (``make bench``): extraction speed and its growth with length.

Prints quotes-extraction throughput on 500-word articles (one core) and the
time per KB on 10 KB, 100 KB and 1 MB articles (linear growth means a flat
time per KB). Scoring benchmarks are added by benchmarks/bench_scoring.py
when present.
"""

from __future__ import annotations

import contextlib
import os
import platform
import runpy
import sys
import time
from pathlib import Path

from stancelab.corpus import load_demo_corpus
from stancelab.quotes import extract_corpus, extract_quotes


def _paragraphs() -> list[str]:
    paras = []
    for a in load_demo_corpus():
        paras.extend(p for p in a.text.split("\n\n") if p.strip())
    return paras


def _article(paras: list[str], words: int, offset: int) -> str:
    out, n, i = [], 0, offset
    while n < words:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p.split())
        i += 1
    return "\n\n".join(out)


def bench_throughput(n_articles: int = 400) -> dict:
    paras = _paragraphs()
    arts = [{"id": str(i), "text": _article(paras, 500, i * 7)} for i in range(n_articles)]
    words = sum(len(a["text"].split()) for a in arts) / n_articles
    t0 = time.perf_counter()
    quotes = extract_corpus(arts)
    dt = time.perf_counter() - t0
    return {
        "articles": n_articles,
        "mean_words": round(words),
        "quotes": len(quotes),
        "seconds": round(dt, 3),
        "articles_per_s": round(n_articles / dt, 1),
    }


def bench_scaling() -> list[dict]:
    paras = _paragraphs()
    rows = []
    for kb in (10, 100, 1000):
        text = _article(paras, kb * 1024 // 6, 0)[: kb * 1024]
        t0 = time.perf_counter()
        qs = extract_quotes(text)
        dt = time.perf_counter() - t0
        rows.append(
            {
                "kb": kb,
                "quotes": len(qs),
                "seconds": round(dt, 3),
                "ms_per_kb": round(dt * 1000 / kb, 2),
            }
        )
    return rows


def bench_canonical_actors(n_quotes: int = 60_000, n_orgs: int = 3_000) -> dict:
    """Corpus-wide canonical actors for many organisation quotes (grows with the quotes)."""
    import random

    from stancelab.actors import canonicalize
    from stancelab.quotes import Quote

    rng = random.Random(0)
    orgs = [f"Ministry of Affairs {i}" for i in range(n_orgs)]
    quotes = [
        Quote(f"a{i}", 0, 1, "x", speaker=rng.choice(orgs), speaker_kind="organisation")
        for i in range(n_quotes)
    ]
    t0 = time.perf_counter()
    actors = canonicalize(quotes)
    return {
        "quotes": n_quotes,
        "actors": len(actors),
        "seconds": round(time.perf_counter() - t0, 2),
    }


def main() -> None:
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, extraction pinned to one core"
    )
    runs = [bench_throughput() for _ in range(3)]  # the machine is shared: best of 3
    t = max(runs, key=lambda r: r["articles_per_s"])
    rates = sorted(r["articles_per_s"] for r in runs)
    print(
        f"extraction, 500-word articles: {t['articles_per_s']} articles/s best of 3 "
        f"(median {rates[1]}; {t['articles']} articles, {t['quotes']} quotes, {t['seconds']} s)"
    )
    print("extraction time by article length (flat ms/KB = linear):")
    for r in bench_scaling():
        print(
            f"  {r['kb']:>5} KB: {r['seconds']:>7.3f} s  {r['ms_per_kb']:>6.2f} ms/KB  ({r['quotes']} quotes)"
        )
    c = bench_canonical_actors()
    print(
        f"canonical actors: {c['quotes']} organisation quotes -> {c['actors']} actors "
        f"in {c['seconds']} s"
    )
    import subprocess
    from importlib.util import find_spec

    extra = Path(__file__).with_name("bench_scoring.py")
    if extra.exists():
        sys.argv = [str(extra)]
        with contextlib.suppress(SystemExit):
            runpy.run_path(str(extra), run_name="__main__")
    if find_spec("ray") is not None:  # the optional engine: local vs Ray on 5,000 articles
        print("\nlocal engine vs Ray Data engine (all cores):", flush=True)
        subprocess.run([sys.executable, str(Path(__file__).with_name("bench_ray.py"))], check=True)
    else:
        print("\n(Ray benchmark skipped: make install-ray to compare the engines)")


if __name__ == "__main__":
    main()
