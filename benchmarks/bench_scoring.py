"""Speed and memory of the default stance scorer.

Measures, in one process and on the same texts:

* throughput of ``stancelab.score_quotes(..., scorer="default")`` (int8 fast
  path, the whole pipeline: tokenise, encode, head; and the same scorer with
  ``precision="int8-token"``) versus
  ``SentenceTransformer(all-MiniLM-L6-v2).encode`` of the same fp32 model
  (embeddings only) on 2,000 quotes built by cycling the dev quotes;
* macro-F1 on the dev gold quotes of the fast path versus the same head on
  fp32 sentence-transformers embeddings (the allowed loss is 0.01);
* peak memory (max RSS) of streaming N quotes (default 100,000) from a JSONL
  file through ``score_jsonl`` in a fresh subprocess.

Usage::

    python benchmarks/bench_scoring.py [--n 2000] [--stream-n 100000] [--repeats 3] [--json]

Prints a table and, last, one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev" / "quotes.jsonl"
FALLBACK = ROOT / "src" / "stancelab" / "data" / "demo"


def machine() -> dict[str, Any]:
    """CPU model, logical cores and torch threads of this machine."""
    import torch

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "logical_cores": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "python": platform.python_version(),
    }


def load_texts() -> tuple[list[dict[str, Any]], str]:
    """Gold dev quotes if ../shared is present, else the bundled demo quotes (no gold)."""
    if DEV.is_file():
        return [json.loads(x) for x in DEV.read_text("utf-8").splitlines() if x.strip()], str(DEV)
    recs = []
    for f in sorted(FALLBACK.glob("*quotes*.jsonl")):
        recs += [json.loads(x) for x in f.read_text("utf-8").splitlines() if x.strip()]
    return recs, str(FALLBACK)


def cycle(texts: list[str], n: int) -> list[str]:
    return [texts[i % len(texts)] for i in range(n)]


def throughput(texts: list[str], repeats: int, batch_size: int) -> dict[str, Any]:
    """Best-of-``repeats`` quotes/s of both pipelines, runs interleaved."""
    from sentence_transformers import SentenceTransformer

    import stancelab
    from stancelab.scoring import base_model_dir, get_scorer

    st = SentenceTransformer(str(base_model_dir()), device="cpu")
    scorer = get_scorer("default")
    per_token = get_scorer("default", precision="int8-token")
    st.encode(texts[:64], batch_size=32)
    for sc in (scorer, per_token):
        stancelab.score_quotes(texts[:64], scorer=sc, batch_size=batch_size)
    st_times, ours_times, token_times = [], [], []
    for _ in range(repeats):
        t = time.perf_counter()
        st.encode(texts, batch_size=32)
        st_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        stancelab.score_quotes(texts, scorer=scorer, batch_size=batch_size)
        ours_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        stancelab.score_quotes(texts, scorer=per_token, batch_size=batch_size)
        token_times.append(time.perf_counter() - t)
    st_qps = len(texts) / min(st_times)
    ours_qps = len(texts) / min(ours_times)
    token_qps = len(texts) / min(token_times)
    return {
        "n": len(texts),
        "sentence_transformers_fp32_qps": round(st_qps, 1),
        "stancelab_default_qps": round(ours_qps, 1),
        "ratio": round(ours_qps / st_qps, 2),
        "stancelab_int8_token_qps": round(token_qps, 1),
        "int8_token_ratio": round(token_qps / st_qps, 2),
        "batch_size": batch_size,
        "repeats": repeats,
    }


def fast_vs_fp32(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Dev macro-F1 of the int8 pipeline versus the same head on fp32 ST embeddings."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from stancelab.evaluation import expected_calibration_error, stance_metrics
    from stancelab.scoring import (
        LABELS,
        StanceScore,
        base_model_dir,
        get_scorer,
        head_probabilities,
    )

    texts = [r["quote"] for r in records]
    scorer = get_scorer("default")
    fast = scorer.predict_proba(texts)
    if scorer.head["adapter"] is not None:  # the tuned encoder: fp32 through our own loader
        exact = get_scorer("default", precision="fp32").predict_proba(texts)
        reference = "stancelab fp32 (adapter merged)"
    else:
        st = SentenceTransformer(str(base_model_dir()), device="cpu")
        emb = st.encode(texts, batch_size=32, normalize_embeddings=True)
        exact = head_probabilities(scorer.head, np.asarray(emb, dtype=np.float32), texts)
        reference = "sentence-transformers fp32"
    out: dict[str, Any] = {"fp32_reference": reference}
    gold = [LABELS.index(r["stance"]) for r in records]
    for name, probs in (("int8_fast_path", fast), ("fp32_head", exact)):
        pred = [StanceScore.from_probabilities(p).to_fields() for p in probs.tolist()]
        m = stance_metrics(records, pred)
        out[name] = {
            "macro_f1": m["macro_f1"],
            "spearman_speaker_means": m["spearman_speaker_means"],
            "ece": expected_calibration_error(probs, gold),
        }
    out["macro_f1_loss"] = round(
        out["fp32_head"]["macro_f1"] - out["int8_fast_path"]["macro_f1"], 4
    )
    out["label_agreement"] = round(float((fast.argmax(1) == exact.argmax(1)).mean()), 4)
    return out


_STREAM_CHILD = """
import json, resource, sys, time
from stancelab.scoring import score_jsonl
t = time.perf_counter()
counts = score_jsonl(sys.argv[1], sys.argv[2], "default", progress=False)
counts["seconds"] = round(time.perf_counter() - t, 2)
counts["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(counts))
"""


def streaming(texts: list[str], n: int) -> dict[str, Any]:
    """Score ``n`` quotes from a JSONL file in a fresh process; its peak RSS and time."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps({"id": i, "quote": texts[i % len(texts)]}) + "\n")
        r = subprocess.run(
            [sys.executable, "-c", _STREAM_CHILD, str(src), str(dst)],
            capture_output=True,
            text=True,
            check=True,
        )
        res = json.loads(r.stdout.strip().splitlines()[-1])
        with open(dst, encoding="utf-8") as f:
            lines = sum(1 for _ in f)
    return {
        "n": n,
        "written": lines,
        "seconds": res["seconds"],
        "qps": round(n / res["seconds"], 1),
        "max_rss_mb": res["max_rss_mb"],
        "limit_mb": 1536,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="quotes for the throughput test")
    ap.add_argument("--stream-n", type=int, default=100_000, help="quotes to stream (0: skip)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", action="store_true", help="print only the JSON line")
    a = ap.parse_args(argv)
    # benchmarks/run.py pins extraction to one core; scoring is measured on every core
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))

    records, source = load_texts()
    texts = [r["quote"] for r in records]
    res: dict[str, Any] = {"machine": machine(), "texts_from": source}
    res["throughput"] = throughput(cycle(texts, a.n), a.repeats, a.batch_size)
    if records and all("stance" in r for r in records):
        res["dev_fast_vs_fp32"] = fast_vs_fp32(records)
    if a.stream_n:
        res["streaming"] = streaming(texts, a.stream_n)
    res["bench_process_max_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    if not a.json:
        m, t = res["machine"], res["throughput"]
        print(f"machine: {m['cpu']}, {m['logical_cores']} logical cores, torch {m['torch']}")
        print(f"{'pipeline':<44}{'quotes/s':>10}")
        print(f"{'SentenceTransformer.encode (fp32)':<44}{t['sentence_transformers_fp32_qps']:>10}")
        print(f"{'stancelab.score_quotes (default, int8)':<44}{t['stancelab_default_qps']:>10}")
        print(f"ratio: {t['ratio']}x on {t['n']} quotes (target >= 3x)")
        print(
            f"{'  precision=int8-token (batch-independent)':<44}"
            f"{t['stancelab_int8_token_qps']:>10}  ({t['int8_token_ratio']}x)"
        )
        if "dev_fast_vs_fp32" in res:
            d = res["dev_fast_vs_fp32"]
            print(
                f"dev macro-F1: int8 {d['int8_fast_path']['macro_f1']} vs fp32 head "
                f"{d['fp32_head']['macro_f1']} (loss {d['macro_f1_loss']}, allowed 0.01; "
                f"label agreement {d['label_agreement']})"
            )
        if "streaming" in res:
            s = res["streaming"]
            print(
                f"streaming {s['n']} quotes: {s['seconds']}s ({s['qps']} quotes/s), "
                f"peak RSS {s['max_rss_mb']} MB (limit {s['limit_mb']} MB)"
            )
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
