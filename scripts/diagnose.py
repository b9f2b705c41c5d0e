"""Print every attribution error of stancelab on a gold corpus (for development).

python scripts/diagnose.py GOLD_DIR [--errors]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from stancelab.corpus import load_corpus, read_jsonl
from stancelab.evaluation import attribution_errors, attribution_metrics
from stancelab.quotes import extract_corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--errors", action="store_true", help="list every error")
    a = ap.parse_args()
    arts = load_corpus(a.gold_dir / "articles.jsonl")
    gold = list(read_jsonl(a.gold_dir / "quotes.jsonl"))
    pred = [q.to_dict() for q in extract_corpus(arts)]
    m = attribution_metrics(gold, pred)["overlap>=0.8"]
    print(
        f"quote F1 {m['quote']['f1']:.3f}  quote+speaker F1 {m['quote+speaker']['f1']:.3f}  "
        f"one name {m['one_name_per_speaker']:.3f}  affiliation {m['affiliation_accuracy']}"
    )
    print("recall by tag:", m["recall_by_tag"])
    if m["speakers_with_several_names"]:
        print("several names:", m["speakers_with_several_names"])
    if a.errors:
        text = {x.id: x.text for x in arts}
        for e in attribution_errors(gold, pred):
            ctx = text[e["article_id"]][max(0, e["start"] - 90) : e["end"] + 60].replace("\n", " ")
            e = {k: v for k, v in e.items() if k not in ("quote",)}
            print(json.dumps(e, ensure_ascii=False))
            print("    ...", ctx)


if __name__ == "__main__":
    main()
