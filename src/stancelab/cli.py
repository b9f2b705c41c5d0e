"""The ``stancelab`` command line: a thin layer over the public API.

Subcommands:

* ``stancelab extract ARTICLES -o QUOTES.jsonl`` - quotes with speakers;
* ``stancelab score QUOTES.jsonl -o SCORED.jsonl`` - add stance scores;
* ``stancelab train CONFIG`` - rebuild the shipped stance head;
* ``stancelab run EXPERIMENT.yaml`` - an experiment: a run folder with tables,
  charts and reports;
* ``stancelab demo`` - the demo experiment on the bundled demo corpus.
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
    from stancelab.corpus import CorpusError, load_corpus, write_jsonl
    from stancelab.quotes import extract_corpus

    t0 = time.perf_counter()
    problems: list[CorpusError] = []
    if args.on_error == "skip":
        articles = load_corpus(args.articles, format=args.format, on_error="skip", errors=problems)
    else:
        articles = load_corpus(args.articles, format=args.format)
    aliases = load_alias_table(args.aliases) if args.aliases else None
    quotes = extract_corpus(
        articles, aliases=aliases, progress=len(articles) > 200 and not args.quiet
    )
    write_jsonl((q.to_dict() for q in quotes), args.output)
    errors_path = args.output.with_name(args.output.name + ".errors.jsonl")
    if problems:
        write_jsonl(
            ({"file": e.path, "line": e.line, "row": e.row, "error": e.problem} for e in problems),
            errors_path,
        )
    else:
        errors_path.unlink(missing_ok=True)
    if not args.quiet:
        n_spk = len({q.speaker for q in quotes if q.speaker})
        with_quotes = len({q.article_id for q in quotes})
        total = len(articles) + len(problems)
        print(
            f"{len(quotes)} quotes, {n_spk} speakers from {total} articles "
            f"({with_quotes} with quotes, {len(articles) - with_quotes} without, "
            f"{len(problems)} failed) in {time.perf_counter() - t0:.2f}s -> {args.output}",
            file=sys.stderr,
        )
        if problems:
            print(f"failed records: {errors_path}", file=sys.stderr)
    return 0


def _options(items: Sequence[str]) -> dict:
    """``KEY=VALUE`` items (values parsed as YAML) as a dict of scorer options."""
    import yaml

    out = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--option {item!r}: write KEY=VALUE, e.g. precision=fp32")
        out[key.strip()] = yaml.safe_load(raw)
    return out


def _cmd_score(args: argparse.Namespace) -> int:
    from stancelab.scoring import score_file

    counts = score_file(
        args.quotes,
        args.output,
        scorer=args.scorer,
        model=args.model,
        batch_size=args.batch_size,
        progress=not args.quiet,
        on_error=args.on_error,
        **_options(args.option),
    )
    if not args.quiet:
        st = ", ".join(f"{k} {v}" for k, v in counts["stance_counts"].items())
        resumed = f", {counts['resumed']} kept from an interrupted run" if counts["resumed"] else ""
        print(
            f"scored {counts['n']} quotes ({st}) with {counts['scorer']} in "
            f"{counts['seconds']}s{resumed} -> {args.output}",
            file=sys.stderr,
        )
        if counts["failed"]:
            print(
                f"{counts['failed']} bad lines left out: {args.output}.errors.jsonl",
                file=sys.stderr,
            )
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from stancelab.training import train_from_config

    metrics = train_from_config(args.config)
    for k, v in metrics.items():
        print(f"{k}: {v}")
    return 0


def _run_and_report(cfg: object, args: argparse.Namespace) -> int:
    from stancelab.experiments import run_experiment, save_run

    t0 = time.perf_counter()
    results = run_experiment(cfg, progress=not args.quiet)  # type: ignore[arg-type]
    run_dir = save_run(results, args.run_dir, figures=not args.no_figures, progress=False)
    s = results.metrics["summary"]
    print(
        f"{results.config.name}: {s['articles']} articles, {s['quotes']} quotes, "
        f"{s['actors']} speakers, in {time.perf_counter() - t0:.1f}s\n"
    )
    print(_actors_table(results, width=args.width))
    ev = results.metrics.get("evaluation")
    if ev:
        att = ev["attribution"][f"overlap>={results.config.evaluation.overlap}"]
        print(
            f"\ngold: quote F1 {att['quote']['f1']:.3f}, quote+speaker F1 "
            f"{att['quote+speaker']['f1']:.3f}, affiliation {att['affiliation_accuracy'] or 0:.3f}"
        )
        for label, m in ev["stance"].items():
            kind = " (baseline)" if m.get("baseline") else ""
            ece = f", ECE {m['ece']:.3f}" if m.get("ece") is not None else ""
            if m.get("ece_if_calibrated_p95") is not None:
                ece += f" (up to {m['ece_if_calibrated_p95']:.3f} if perfectly calibrated)"
            ci = m.get("macro_f1_ci95")
            ci = f" (95% CI {ci[0]:.3f}-{ci[1]:.3f})" if ci else ""
            print(
                f"stance {label}{kind}: macro-F1 {m['macro_f1']:.3f}{ci}{ece}, "
                f"speaker Spearman {m['spearman_speaker_means']:.3f}"
            )
    print(f"\nrun folder: {run_dir}")
    print(f"report:     {run_dir / 'report.html'}")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from stancelab.config import load_config

    overrides = list(args.set) + ([f"engine.name={args.engine}"] if args.engine else [])
    cfg = load_config(args.config, overrides)
    return _run_and_report(cfg, args)


def _cmd_demo(args: argparse.Namespace) -> int:
    if args.no_scores:
        return _demo_extraction_only(args)
    from stancelab.config import merge
    from stancelab.experiments import demo_config

    changes: dict = {}
    for item in args.set:
        from stancelab.config import _parse_override, _set

        parts, value = _parse_override(item)
        _set(changes, parts, value, item)
    return _run_and_report(demo_config(**merge({}, changes)), args)


def _demo_extraction_only(args: argparse.Namespace) -> int:
    from stancelab.corpus import load_demo_corpus
    from stancelab.quotes import actors_of, extract_corpus

    articles = load_demo_corpus()
    t0 = time.perf_counter()
    quotes = extract_corpus(articles)
    dt = time.perf_counter() - t0
    print(f"Demo corpus: {len(articles)} articles, {len(quotes)} quotes, extracted in {dt:.2f}s\n")
    print(_speaker_table(quotes, actors_of(quotes), width=args.width))
    return 0


def _actors_table(results: object, width: int = 60) -> str:
    """Per-speaker table of a run: affiliation, quotes, mean score [interval], an example."""
    actors = results.actors  # type: ignore[attr-defined]
    if actors.empty:
        return "(no attributed quotes)"
    label = results.scorer_labels[0]  # type: ignore[attr-defined]
    quotes = results.quotes  # type: ignore[attr-defined]
    examples: dict[str, str] = {}
    for spk, text, kind in zip(quotes["speaker"], quotes["quote"], quotes["kind"], strict=True):
        if isinstance(spk, str) and spk not in examples and kind == "direct":
            examples[spk] = text
    rows = [("speaker", "affiliation", "quotes", f"escalation [{label}, 95% CI]", "example")]
    for r in actors.to_dict("records"):
        ex = examples.get(r["actor"], "")
        if len(ex) > width:
            ex = ex[: width - 1].rstrip() + "…"
        score = (
            f"{r[f'{label}_mean']:+.2f} [{r[f'{label}_ci_low']:+.2f}, {r[f'{label}_ci_high']:+.2f}]"
        )
        aff = r["affiliation"] if isinstance(r["affiliation"], str) else "-"
        rows.append((r["actor"], aff, str(r["quotes"]), score, ex))
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:>{w[2]}}  {r[3]:>{w[3]}}  {r[4]}" for r in rows
    ]
    lines.insert(1, "-" * max(len(x) for x in lines))
    unattributed = int(quotes["speaker"].isna().sum())
    if unattributed:
        lines.append(f"(no speaker found for {unattributed} quotes)")
    return "\n".join(lines)


def _speaker_table(quotes: Sequence, actors: Sequence, width: int = 60) -> str:
    """Per-speaker table of extracted quotes (no scores): affiliation, quotes, an example."""
    examples: dict[str, str] = {}
    for q in quotes:
        if q.speaker and q.speaker not in examples and q.kind == "direct":
            examples[q.speaker] = q.quote
    rows = [("speaker", "affiliation", "quotes", "example")]
    for a in actors:
        ex = examples.get(a.name, "")
        if len(ex) > width:
            ex = ex[: width - 1].rstrip() + "…"
        rows.append((a.name, a.affiliation or "-", str(a.n_quotes), ex))
    w = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:>{w[2]}}  {r[3]}" for r in rows]
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
    e.add_argument(
        "--on-error",
        choices=["raise", "skip"],
        default="raise",
        help="skip: leave malformed records out, list them in OUTPUT.errors.jsonl and count them",
    )
    e.add_argument("-q", "--quiet", action="store_true")
    e.set_defaults(func=_cmd_extract)

    s = sub.add_parser("score", help="score quotes on the escalation axis")
    s.add_argument("quotes", type=Path, help="JSONL records with a 'quote' field")
    s.add_argument("-o", "--output", type=Path, required=True, help="output SCORED.jsonl")
    s.add_argument(
        "--scorer",
        default="default",
        help="default, nli, classifier, vader, prototypes, or a registered plugin",
    )
    s.add_argument("--model", default=None, help="hub name or local path (nli / classifier)")
    s.add_argument("--batch-size", type=int, default=64)
    s.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a scorer option, e.g. --option precision=fp32 or "
        "--option 'label_map={POSITIVE: de-escalation, NEGATIVE: escalation}' (repeatable)",
    )
    s.add_argument(
        "--on-error",
        choices=["raise", "skip"],
        default="raise",
        help="skip: leave bad lines out and list them in OUTPUT.errors.jsonl",
    )
    s.add_argument("-q", "--quiet", action="store_true")
    s.set_defaults(func=_cmd_score)

    t = sub.add_parser("train", help="rebuild the shipped stance head")
    t.add_argument("config", type=Path, nargs="?", default=Path("configs/train.yaml"))
    t.set_defaults(func=_cmd_train)

    r = sub.add_parser(
        "run", help="run an experiment config (a run folder with charts and reports)"
    )
    r.add_argument("config", type=Path, help="configs/experiments/NAME.yaml")
    r.add_argument(
        "--engine",
        choices=["local", "ray"],
        default=None,
        help="run on this engine (overrides engine.name; ray needs stancelab[ray])",
    )
    d = sub.add_parser("demo", help="run the demo experiment on the bundled demo corpus")
    d.add_argument(
        "--no-scores", action="store_true", help="extraction only (no model, no run folder)"
    )
    for sp in (r, d):
        sp.add_argument(
            "--set",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="override a config field, e.g. --set scorers.0.name=vader (repeatable)",
        )
        sp.add_argument("--run-dir", type=Path, default=None, help="write the run here instead")
        sp.add_argument("--no-figures", action="store_true", help="skip the charts")
        sp.add_argument("--width", type=int, default=60, help="width of the example column")
        sp.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    r.set_defaults(func=_cmd_run)
    d.set_defaults(func=_cmd_demo)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except Exception as exc:
        from stancelab.corpus import CorpusError

        known: tuple[type[BaseException], ...] = (
            ValueError,
            FileNotFoundError,
            FileExistsError,
            CorpusError,
        )
        if "stancelab.scoring" in sys.modules:
            known += (sys.modules["stancelab.scoring"].ScoringError,)
        missing_extra = isinstance(exc, ImportError) and "stancelab[" in str(exc)
        if not isinstance(exc, known) and not missing_extra:
            raise
        print(f"stancelab {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
