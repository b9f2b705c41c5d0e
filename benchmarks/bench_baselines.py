"""The stance scorers side by side: dev gold quotes, held-out quotes and PLOVER sentences.

For each scorer (default, vader, prototypes, or those given with
``--scorers``):

* dev (``../shared/data/dev/quotes.jsonl``, goldeval's metrics computed in
  process by ``stancelab.evaluation.stance_metrics``): macro-F1, per-class
  F1, Spearman of speaker means, and expected calibration error (10 bins,
  top-class confidence);
* held out (``data/heldout/blind_*.jsonl``: ``blind_g``, 476 team-written
  news-style quotes in three fictional conflicts, never trained or tuned on; the
  older ``blind_a`` to ``_f`` became training data in part o): the same
  figures pooled, and macro-F1 and ECE per file; ``ece_if_calibrated_p95`` is
  the ECE a perfectly calibrated model with the same confidences stays under
  in 95% of samples of that size;
* PLOVER (``../shared/data/plover/sentences.jsonl``): ROC AUC of
  ``escalation_score`` for escalation versus de-escalation, and accuracy of
  the predicted stance.

Every set is measured only, never trained on.

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
HELDOUT = ROOT / "data" / "heldout"


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def _score(name: str, gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``gold`` quote records with scorer ``name``'s fields added."""
    from stancelab.scoring import score_quotes

    scores = score_quotes([g["quote"] for g in gold], scorer=name)
    return [{**g, **s.to_fields()} for g, s in zip(gold, scores, strict=True)]


def _figures(gold: list[dict[str, Any]], scored: list[dict[str, Any]]) -> dict[str, Any]:
    from stancelab.evaluation import stance_metrics

    m = stance_metrics(gold, scored)
    keys = ("n", "macro_f1", "f1", "accuracy", "spearman_speaker_means", "ece")
    return {k: m[k] for k in (*keys, "ece_if_calibrated_p95") if k in m}


def evaluate(name: str, goldeval: bool = False) -> dict[str, Any]:
    """Dev, held-out and PLOVER figures of one scorer."""
    from stancelab.evaluation import plover_metrics
    from stancelab.scoring import score_quotes

    out: dict[str, Any] = {"scorer": name}
    if (DEV / "quotes.jsonl").is_file():
        gold = _read(DEV / "quotes.jsonl")
        scored = _score(name, gold)
        out["dev"] = _figures(gold, scored)
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
    files = sorted(HELDOUT.glob("blind_*.jsonl"))
    if files:
        golds = {f.stem: _read(f) for f in files}
        gold = [g for rows in golds.values() for g in rows]
        scored = _score(name, gold)  # one pass: int8 scores move slightly with batch mates
        out["heldout"] = {**_figures(gold, scored), "files": {}}
        start = 0
        for stem, rows in golds.items():
            fig = _figures(rows, scored[start : start + len(rows)])
            out["heldout"]["files"][stem] = {k: fig.get(k) for k in ("n", "macro_f1", "ece")}
            start += len(rows)
    if PLOVER.is_file():
        recs = _read(PLOVER)
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
    head = (
        f"{'scorer':<12}{'dev F1':>8}{'F1 esc':>8}{'F1 de':>8}{'F1 neu':>8}{'spk rho':>9}{'ECE':>7}"
        f"{'held F1':>9}{'held ECE':>9}{'PLOVER AUC':>12}{'acc':>7}"
    )
    print(head)
    for r in rows:
        d, h, p = r.get("dev", {}), r.get("heldout", {}), r.get("plover", {})
        f1 = d.get("f1", {})
        print(
            f"{r['scorer']:<12}{d.get('macro_f1', float('nan')):>8}{f1.get('escalation', ''):>8}"
            f"{f1.get('de-escalation', ''):>8}{f1.get('neutral', ''):>8}"
            f"{d.get('spearman_speaker_means', ''):>9}{d.get('ece', ''):>7}"
            f"{h.get('macro_f1', ''):>9}{h.get('ece', ''):>9}"
            f"{p.get('roc_auc', ''):>12}{p.get('accuracy', ''):>7}"
        )
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
