"""The stance scorers side by side: dev gold quotes and PLOVER sentences.

For each scorer (default, vader, prototypes, or those given with
``--scorers``):

* dev (``../shared/data/dev/quotes.jsonl``, goldeval's metrics computed in
  process by ``stancelab.evaluation.stance_metrics``): macro-F1, per-class
  F1, Spearman of speaker means, and expected calibration error (10 bins,
  top-class confidence);
* PLOVER (``../shared/data/plover/sentences.jsonl``): ROC AUC of
  ``escalation_score`` for escalation versus de-escalation, and accuracy of
  the predicted stance.

Both sets are measured only, never trained on.

Usage::

    python benchmarks/bench_baselines.py [--scorers default,vader,prototypes] [--goldeval]

``--goldeval`` also runs ``../shared/tools/goldeval.py stance`` on each
scorer's output, as a cross-check of the in-process figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
PLOVER = SHARED / "data" / "plover" / "sentences.jsonl"


def evaluate(name: str, goldeval: bool = False) -> dict[str, Any]:
    """Dev and PLOVER figures of one scorer."""
    import numpy as np

    from stancelab.evaluation import expected_calibration_error, plover_metrics, stance_metrics
    from stancelab.scoring import LABELS, score_quotes

    out: dict[str, Any] = {"scorer": name}
    if (DEV / "quotes.jsonl").is_file():
        gold = [json.loads(x) for x in (DEV / "quotes.jsonl").read_text("utf-8").splitlines() if x]
        scores = score_quotes([g["quote"] for g in gold], scorer=name)
        scored = [{**g, **s.to_fields()} for g, s in zip(gold, scores, strict=True)]
        m = stance_metrics(gold, scored)
        probs = np.array([[s.probabilities[k] for k in LABELS] for s in scores])
        out["dev"] = {
            "macro_f1": m["macro_f1"],
            "f1": m["f1"],
            "accuracy": m["accuracy"],
            "spearman_speaker_means": m["spearman_speaker_means"],
            "ece": expected_calibration_error(probs, [LABELS.index(g["stance"]) for g in gold]),
        }
        if goldeval:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "scored.jsonl"
                path.write_text("".join(json.dumps(r) + "\n" for r in scored), "utf-8")
                r = subprocess.run(
                    [
                        sys.executable,
                        str(SHARED / "tools" / "goldeval.py"),
                        "stance",
                        str(DEV),
                        str(path),
                        "--json",
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                ge = json.loads(r.stdout)
                out["dev"]["goldeval"] = {
                    k: ge[k] for k in ("macro_f1", "f1", "spearman_speaker_means")
                }
    if PLOVER.is_file():
        recs = [json.loads(x) for x in PLOVER.read_text("utf-8").splitlines() if x]
        scores = score_quotes([r["text"] for r in recs], scorer=name)
        out["plover"] = plover_metrics(recs, scores)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorers", default="default,vader,prototypes")
    ap.add_argument("--goldeval", action="store_true", help="cross-check with goldeval.py")
    a = ap.parse_args(argv)
    if not (DEV / "quotes.jsonl").is_file() and not PLOVER.is_file():
        print(f"nothing to measure: {SHARED} is missing", file=sys.stderr)
        return 1
    rows = [evaluate(n.strip(), a.goldeval) for n in a.scorers.split(",") if n.strip()]
    head = f"{'scorer':<12}{'dev F1':>8}{'F1 esc':>8}{'F1 de':>8}{'F1 neu':>8}{'spk rho':>9}{'ECE':>7}{'PLOVER AUC':>12}{'acc':>7}"
    print(head)
    for r in rows:
        d, p = r.get("dev", {}), r.get("plover", {})
        f1 = d.get("f1", {})
        print(
            f"{r['scorer']:<12}{d.get('macro_f1', float('nan')):>8}{f1.get('escalation', ''):>8}"
            f"{f1.get('de-escalation', ''):>8}{f1.get('neutral', ''):>8}"
            f"{d.get('spearman_speaker_means', ''):>9}{d.get('ece', ''):>7}"
            f"{p.get('roc_auc', ''):>12}{p.get('accuracy', ''):>7}"
        )
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
