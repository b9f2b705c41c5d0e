"""The ``stancelab`` command line: a thin layer over the public API.

Subcommands:

* ``stancelab extract ARTICLES -o QUOTES.jsonl`` - quotes with speakers;
* ``stancelab score QUOTES.jsonl -o SCORED.jsonl`` - add stance scores;
* ``stancelab train CONFIG`` - rebuild the shipped stance head;
* ``stancelab demo`` - the main job on the bundled demo corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _cmd_extract(args: argparse.Namespace) -> int:
    from stancelab.actors import load_alias_table
    from stancelab.corpus import load_corpus, write_jsonl
    from stancelab.quotes import extract_corpus

    t0 = time.perf_counter()
    articles = load_corpus(args.articles, format=args.format)
    aliases = load_alias_table(args.aliases) if args.aliases else None
    quotes = extract_corpus(
        articles, aliases=aliases, progress=len(articles) > 200 and not args.quiet
    )
    write_jsonl((q.to_dict() for q in quotes), args.output)
    if not args.quiet:
        n_spk = len({q.speaker for q in quotes if q.speaker})
        print(
            f"{len(quotes)} quotes, {n_spk} speakers from {len(articles)} articles "
            f"in {time.perf_counter() - t0:.2f}s -> {args.output}",
            file=sys.stderr,
        )
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    from stancelab.scoring import score_file

    counts = score_file(
        args.quotes,
        args.output,
        scorer=args.scorer,
        model=args.model,
        batch_size=args.batch_size,
        progress=not args.quiet,
    )
    if not args.quiet:
        print(f"scored {counts} -> {args.output}", file=sys.stderr)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from stancelab.training import train_from_config

    metrics = train_from_config(args.config)
    for k, v in metrics.items():
        print(f"{k}: {v}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from stancelab.corpus import load_demo_corpus
    from stancelab.quotes import actors_of, extract_corpus

    articles = load_demo_corpus()
    t0 = time.perf_counter()
    quotes = extract_corpus(articles)
    dt = time.perf_counter() - t0
    scores = None
    line = f"Demo corpus: {len(articles)} articles, {len(quotes)} quotes, extracted in {dt:.2f}s"
    if not args.no_scores:
        from stancelab.scoring import score_quotes

        t0 = time.perf_counter()
        scores = score_quotes(quotes)
        line += f", scored in {time.perf_counter() - t0:.1f}s (default scorer)"
    print(line + "\n")
    print(_speaker_table(quotes, actors_of(quotes), width=args.width, scores=scores))
    if scores is not None:
        print(
            "\nescalation: mean escalation_score of the speaker's quotes (+1 escalatory, -1 de-escalatory)"
        )
    return 0


def _speaker_table(
    quotes: Sequence, actors: Sequence, width: int = 60, scores: Sequence | None = None
) -> str:
    examples: dict[str, str] = {}
    sums: dict[str, list[float]] = {}
    for i, q in enumerate(quotes):
        if q.speaker and q.speaker not in examples and q.kind == "direct":
            examples[q.speaker] = q.quote
        if q.speaker and scores is not None:
            sums.setdefault(q.speaker, []).append(scores[i].escalation_score)
    head = ["speaker", "affiliation", "quotes"] + (["escalation"] if scores is not None else [])
    rows = [(*head, "example")]
    for a in actors:
        ex = examples.get(a.name, "")
        if len(ex) > width:
            ex = ex[: width - 1].rstrip() + "…"
        cells = [a.name, a.affiliation or "-", str(a.n_quotes)]
        if scores is not None:
            v = sums.get(a.name, [])
            cells.append(f"{sum(v) / len(v):+.2f}" if v else "")
        rows.append((*cells, ex))
    n = len(head)
    w = [max(len(r[i]) for r in rows) for i in range(n)]
    lines = []
    for r in rows:
        cells = [f"{r[0]:<{w[0]}}", f"{r[1]:<{w[1]}}"] + [
            f"{c:>{w[i + 2]}}" for i, c in enumerate(r[2:n])
        ]
        lines.append("  ".join([*cells, r[n]]))
    lines.insert(1, "-" * max(len(x) for x in lines))
    unattributed = sum(1 for q in quotes if not q.speaker)
    if unattributed:
        lines.append(f"(no speaker found for {unattributed} quotes)")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``stancelab`` command."""
    p = argparse.ArgumentParser(prog="stancelab", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract quotes and speakers from a corpus")
    e.add_argument("articles", type=Path, help="JSONL, CSV, Parquet, or a folder of .txt/.md")
    e.add_argument("-o", "--output", type=Path, required=True, help="output QUOTES.jsonl")
    e.add_argument("--format", choices=["jsonl", "csv", "parquet", "dir"], default=None)
    e.add_argument("--aliases", type=Path, default=None, help="alias table (YAML)")
    e.add_argument("-q", "--quiet", action="store_true")
    e.set_defaults(func=_cmd_extract)

    s = sub.add_parser("score", help="score quotes on the escalation axis")
    s.add_argument("quotes", type=Path, help="JSONL records with a 'quote' field")
    s.add_argument("-o", "--output", type=Path, required=True, help="output SCORED.jsonl")
    s.add_argument(
        "--scorer", default="default", help="default, nli, classifier, vader, prototypes"
    )
    s.add_argument("--model", default=None, help="hub name or local path (nli / classifier)")
    s.add_argument("--batch-size", type=int, default=64)
    s.add_argument("-q", "--quiet", action="store_true")
    s.set_defaults(func=_cmd_score)

    t = sub.add_parser("train", help="rebuild the shipped stance head")
    t.add_argument("config", type=Path, nargs="?", default=Path("configs/train.yaml"))
    t.set_defaults(func=_cmd_train)

    d = sub.add_parser("demo", help="run the main job on the bundled demo corpus")
    d.add_argument("--width", type=int, default=60, help="width of the example column")
    d.add_argument("--no-scores", action="store_true", help="extraction only (no model)")
    d.set_defaults(func=_cmd_demo)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except Exception as exc:
        from stancelab.corpus import CorpusError

        known: tuple[type[BaseException], ...] = (ValueError, FileNotFoundError, CorpusError)
        if "stancelab.scoring" in sys.modules:
            known += (sys.modules["stancelab.scoring"].ScoringError,)
        if not isinstance(exc, known):
            raise
        print(f"stancelab {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
