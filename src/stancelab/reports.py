"""Evaluation reports of a run: ``report.md`` (figures linked) and ``report.html`` (self-contained).

:func:`build_report` turns a :class:`~stancelab.experiments.Results` into a
list of blocks (headings, paragraphs, tables, figures); :func:`to_markdown`
and :func:`to_html` render the same blocks, so the two reports always say
the same thing. Reports read results; they never score.
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stancelab.experiments import Results

__all__ = ["Block", "build_report", "render", "to_html", "to_markdown"]

LABELS = ("escalation", "de-escalation", "neutral")
FIGURE_CAPTIONS = {
    "actors": "Mean escalation score per actor (speakers with at least `min_quotes` quotes), "
    "with bootstrap intervals, coloured by affiliation.",
    "affiliations": "Mean escalation score per affiliation.",
    "timeline": "Mean escalation score per time bin for the most quoted actors.",
    "distributions": "Every quote's score per actor (dots) over a box plot.",
    "confusion": "Gold stance against the primary scorer's predicted stance.",
    "reliability": "Reliability diagram: accuracy against confidence on the gold quotes.",
    "gold_vs_predicted": "Per-speaker gold mean stance against the predicted mean score.",
}


@dataclass
class Block:
    """One piece of a report.

    Attributes:
        kind: ``h1``, ``h2``, ``h3``, ``p``, ``table``, ``figure`` or ``quote``.
        text: Heading or paragraph text, figure caption, or quoted words.
        rows: Table rows (first row is the header).
        figure: Figure name (file stem under ``figures/``).
        align: Per table column, ``l`` or ``r``.
    """

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    figure: str = ""
    align: str = ""


def _f(x: Any, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def _interval(ci: Sequence[float] | None) -> str:
    if not ci:
        return "–"
    return f"{_f(float(ci[0]))}–{_f(float(ci[1]))}"


def _signed(x: float) -> str:
    return "–" if x is None or math.isnan(x) else f"{x:+.2f}"


def _summary_rows(s: Mapping[str, Any]) -> list[list[str]]:
    dates = f"{s.get('first_date') or '–'} to {s.get('last_date') or '–'}"
    return [
        ["", "count"],
        ["articles", str(s["articles"])],
        ["  with quotes", str(s["articles_with_quotes"])],
        ["  without quotes", str(s["articles_without_quotes"])],
        ["  failed to read", str(s["articles_failed"])],
        ["quotes", str(s["quotes"])],
        ["  with a speaker", str(s["quotes_attributed"])],
        ["actors (speakers)", str(s["actors"])],
        ["affiliations", str(s["affiliations"])],
        ["dates", dates],
    ]


def _group_rows(table: Any, labels: Sequence[str], key: str) -> list[list[str]]:
    head = ["actor", "affiliation" if key == "speaker" else "speakers", "quotes", "articles"]
    head += [f"{lab} mean [interval]" for lab in labels]
    head += ["esc. / de-esc. / neutral"]
    rows = [head]
    for r in table.to_dict("records"):
        second = (r.get("affiliation") or "–") if key == "speaker" else str(r.get("speakers", ""))
        cells = [str(r["actor"]), str(second), str(r["quotes"]), str(r["articles"])]
        for lab in labels:
            cells.append(
                f"{_signed(r[f'{lab}_mean'])} [{_signed(r[f'{lab}_ci_low'])}, {_signed(r[f'{lab}_ci_high'])}]"
            )
        cells.append(" / ".join(f"{r[f'share_{s}']:.0%}" for s in LABELS))
        rows.append(cells)
    return rows


def _extreme_quotes(results: Results, n: int = 2) -> list[Block]:
    cfg = results.config
    q = results.quotes
    blocks: list[Block] = []
    if results.actors.empty:
        return blocks
    charted = results.actors[results.actors["charted"]]["actor"].tolist()
    for actor in charted:
        mine = q[q["speaker"] == actor].sort_values(
            ["escalation_score", "article_id", "start"],
            ascending=[False, True, True],
            kind="mergesort",
        )
        if mine.empty:
            continue
        aff = results.actors.loc[results.actors["actor"] == actor, "affiliation"].iloc[0]
        side = f" ({aff})" if isinstance(aff, str) and aff != actor else ""
        blocks.append(Block("h3", f"{actor}{side}"))
        most = mine.head(n)
        least = mine.tail(n).iloc[::-1]
        least = least[~least.index.isin(most.index)]
        for title, part in (("most escalatory", most), ("most de-escalatory", least)):
            for r in part.to_dict("records"):
                where = f"{r['article_id']}" + (f", {r['title']}" if r.get("title") else "")
                where += f", {r['date']}" if r.get("date") else ""
                blocks.append(
                    Block(
                        "quote",
                        f"{_signed(r['escalation_score'])} ({title}, {r['stance']}) “{r['quote']}” "
                        f"[{where}; characters {r['start']}–{r['end']}]",
                    )
                )
    if blocks:
        blocks.insert(
            0,
            Block(
                "p",
                f"Per actor with at least {cfg.aggregation.min_quotes} quotes, the "
                f"{n} highest and lowest scores of the primary scorer "
                f"({results.scorer_labels[0]}), with the article and the quote's character offsets.",
            ),
        )
    return blocks


def _evaluation_blocks(results: Results) -> list[Block]:
    ev = results.metrics.get("evaluation")
    if not ev:
        return []
    cfg = results.config
    blocks = [
        Block("h2", "Evaluation against gold"),
        Block(
            "p",
            f"Gold: `{ev['gold']}`. Attribution compares the extracted quotes with the gold "
            "quotes (span overlap = Jaccard of character ranges); stance scores the gold "
            "quotes' text with every scorer, as `../shared/tools/goldeval.py` does.",
        ),
        Block("h3", "Attribution"),
    ]
    att = ev["attribution"]
    rows = [
        [
            "overlap",
            "quote P",
            "quote R",
            "quote F1",
            "quote+speaker F1",
            "speaker acc. on found",
            "one name per speaker",
            "affiliation acc.",
        ]
    ]
    for key in sorted(k for k in att if k.startswith("overlap")):
        m = att[key]
        rows.append(
            [
                key.removeprefix("overlap"),
                _f(m["quote"]["precision"]),
                _f(m["quote"]["recall"]),
                _f(m["quote"]["f1"]),
                _f(m["quote+speaker"]["f1"]),
                _f(m["speaker_accuracy_on_found"]),
                _f(m["one_name_per_speaker"]),
                _f(m["affiliation_accuracy"]),
            ]
        )
    blocks.append(Block("table", rows=rows, align="lrrrrrrr"))
    head = att.get(f"overlap>={cfg.evaluation.overlap}", {})
    tags = head.get("recall_by_tag", {})
    if tags:
        trow = [["tag", "found with the right speaker", "recall"]]
        for t, frac in tags.items():
            ok, tot = (int(x) for x in frac.split("/"))
            trow.append([t, frac, _f(ok / tot if tot else float("nan"))])
        blocks += [
            Block("p", f"Recall by gold tag (overlap >= {cfg.evaluation.overlap}):"),
            Block("table", rows=trow, align="lrr"),
        ]
    blocks.append(Block("h3", "Stance"))
    srow = [
        [
            "scorer",
            "",
            "macro-F1",
            "95% CI",
            "F1 esc.",
            "F1 de-esc.",
            "F1 neutral",
            "accuracy",
            "ECE",
            "ECE if calibrated (p95)",
            "Spearman (speaker means)",
        ]
    ]
    for label, m in ev["stance"].items():
        srow.append(
            [
                label,
                "baseline"
                if m.get("baseline")
                else ("primary" if label == results.scorer_labels[0] else "scorer"),
                _f(m["macro_f1"]),
                _interval(m.get("macro_f1_ci95")),
                *(_f(m["f1"][c]) for c in LABELS),
                _f(m["accuracy"]),
                _f(m.get("ece")),
                _f(m.get("ece_if_calibrated_p95")),
                _f(m["spearman_speaker_means"]),
            ]
        )
    blocks.append(Block("table", rows=srow, align="llrrrrrrrrr"))
    blocks.append(
        Block(
            "p",
            "95% CI: percentile bootstrap of macro-F1 over the gold quotes (1,000 resamples): "
            "how much the figure would move on another sample of quotes like these. "
            "ECE if calibrated (p95): the ECE that a perfectly calibrated model with the same "
            "confidences stays under in 95% of simulated samples of this many quotes; a "
            "measured ECE below it is consistent with perfect calibration.",
        )
    )
    primary = results.scorer_labels[0]
    conf = ev["stance"][primary]["confusion_gold_by_pred"]
    crow = [["gold \\ predicted", *LABELS]] + [
        [g, *(str(conf[g][p]) for p in LABELS)] for g in LABELS
    ]
    blocks += [
        Block("p", f"Confusion matrix of {primary} (rows: gold, columns: predicted):"),
        Block("table", rows=crow, align="lrrr"),
        Block("figure", FIGURE_CAPTIONS["confusion"], figure="confusion"),
        Block("figure", FIGURE_CAPTIONS["reliability"], figure="reliability"),
        Block("h3", "Per speaker: gold mean against predicted mean"),
        Block(
            "p",
            f"Speakers with 3 or more gold quotes; Spearman correlation of the means: "
            f"{_f(ev['speakers']['spearman'])} ({primary}).",
        ),
    ]
    prow = [["speaker", "affiliation", "gold quotes", "gold mean", f"{primary} mean"]]
    for r in ev["speakers"]["table"]:
        prow.append(
            [
                r["speaker"],
                r["affiliation"] or "–",
                str(r["quotes"]),
                _signed(r["gold_mean"]),
                _signed(r["predicted_mean"]),
            ]
        )
    blocks += [
        Block("table", rows=prow, align="llrrr"),
        Block("figure", FIGURE_CAPTIONS["gold_vs_predicted"], figure="gold_vs_predicted"),
    ]
    return blocks


def build_report(results: Results, figures: Sequence[str] = ()) -> list[Block]:
    """The report of a run as blocks (figures named in ``figures`` are included).

    Example:
        >>> from stancelab.experiments import run_experiment
        >>> from stancelab.config import ExperimentConfig
        >>> res = run_experiment(ExperimentConfig.model_validate({"name": "doc",
        ...     "corpus": {"path": "bundled:demo"}, "scorers": [{"name": "vader"}],
        ...     "cache": {"enabled": False}}))
        >>> blocks = build_report(res)
        >>> blocks[0].text
        'stancelab report: doc'
    """
    cfg = results.config
    s = results.metrics["summary"]
    have = set(figures)
    blocks = [Block("h1", f"stancelab report: {cfg.name}")]
    if cfg.description:
        blocks.append(Block("p", cfg.description))
    scorers = ", ".join(
        f"{sc.label}"
        + (
            f" ({sc.name}, {sc.model})"
            if sc.model
            else (f" ({sc.name})" if sc.label != sc.name else "")
        )
        for sc in cfg.scorers
    )
    blocks.append(
        Block(
            "p",
            f"Corpus: `{cfg.corpus.path}`. Scorers: {scorers} (the first is primary). "
            f"Intervals: {round(cfg.aggregation.confidence * 100)}% percentile bootstrap of the mean, "
            f"{cfg.aggregation.bootstrap} resamples, seed {cfg.seed}. Time bins: {cfg.aggregation.time_bin}.",
        )
    )
    blocks += [Block("h2", "Corpus"), Block("table", rows=_summary_rows(s), align="lr")]
    counts = s["stance_counts"]
    blocks.append(
        Block(
            "p",
            "Predicted stances of all quotes (primary scorer): "
            + ", ".join(f"{k} {v}" for k, v in counts.items())
            + ".",
        )
    )
    blocks.append(Block("h2", "Actors"))
    for name in ("actors", "affiliations", "timeline", "distributions"):
        if name in have:
            blocks.append(Block("figure", FIGURE_CAPTIONS[name], figure=name))
    labels = results.scorer_labels
    if not results.actors.empty:
        blocks += [
            Block("h3", "Per speaker"),
            Block(
                "table",
                rows=_group_rows(results.actors, labels, "speaker"),
                align="llrr" + "r" * len(labels) + "r",
            ),
        ]
    if not results.affiliations.empty:
        blocks += [
            Block("h3", "Per affiliation"),
            Block(
                "table",
                rows=_group_rows(results.affiliations, labels, "affiliation"),
                align="lrrr" + "r" * len(labels) + "r",
            ),
        ]
    extremes = _extreme_quotes(results)
    if extremes:
        blocks += [Block("h2", "Most escalatory and de-escalatory quotes"), *extremes]
    blocks += [b for b in _evaluation_blocks(results) if b.kind != "figure" or b.figure in have]
    if results.errors:
        blocks.append(Block("h2", "Articles that could not be read"))
        erows = [["file", "line", "error"]] + [
            [e["file"], str(e["line"] or "–"), e["error"]] for e in results.errors
        ]
        blocks.append(Block("table", rows=erows, align="lrl"))
    blocks += [
        Block("h2", "Files in this run"),
        Block(
            "table",
            rows=[
                ["file", "what it holds"],
                ["config.yaml", "the resolved config (base + experiment + overrides)"],
                [
                    "quotes.parquet",
                    "every quote: offsets, speaker, affiliation, evidence, article, every scorer's scores",
                ],
                [
                    "actors.csv / affiliations.csv",
                    "per-actor tables: quotes, means and intervals per scorer, stance shares",
                ],
                ["timeline.csv", "per actor and time bin: quotes, mean and interval"],
                ["metrics.json", "corpus summary and, with gold, every evaluation figure"],
                ["gold.parquet", "with gold: the gold quotes with every scorer's predictions"],
                ["figures/", "the charts (" + ", ".join(cfg.output.formats) + ")"],
                ["report.md / report.html", "this report (HTML: self-contained)"],
            ],
            align="ll",
        ),
    ]
    return blocks


# --------------------------------------------------------------------------- rendering


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(
    blocks: Sequence[Block], figures: Mapping[str, Mapping[str, Path]] | None = None
) -> str:
    """Render blocks as Markdown; figures link to their PNG (else first format)."""
    out: list[str] = []
    for b in blocks:
        if b.kind in ("h1", "h2", "h3"):
            out.append("#" * int(b.kind[1]) + " " + b.text)
        elif b.kind == "p":
            out.append(b.text)
        elif b.kind == "quote":
            out.append("> " + b.text.replace("\n", " "))
        elif b.kind == "table":
            head, *rest = b.rows
            align = b.align or "l" * len(head)
            out.append("| " + " | ".join(_md_cell(c) for c in head) + " |")
            out.append(
                "|" + "|".join("---:" if a == "r" else "---" for a in align[: len(head)]) + "|"
            )
            out += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rest]
        elif b.kind == "figure":
            files = (figures or {}).get(b.figure, {})
            path = files.get("png") or next(iter(files.values()), None)
            if path is not None:
                out.append(f"![{b.figure}]({Path(path).as_posix()})\n\n*{b.text}*")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}
th,td{border-bottom:1px solid #ddd;padding:.25em .6em;vertical-align:top}
th{background:#f4f4f4;text-align:left}
td.r,th.r{text-align:right}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #ccc;color:#333}
figure{margin:1em 0}figure img{max-width:100%;height:auto}figcaption{color:#555;font-size:.9em}
code{background:#f4f4f4;padding:0 .2em}
"""


def _inline(text: str) -> str:
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def to_html(
    blocks: Sequence[Block],
    figures: Mapping[str, Mapping[str, Path]] | None = None,
    root: Path | None = None,
    title: str = "stancelab report",
) -> str:
    """Render blocks as one self-contained HTML page (PNG figures embedded as data URIs)."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
    ]
    for b in blocks:
        if b.kind in ("h1", "h2", "h3"):
            out.append(f"<{b.kind}>{_inline(b.text)}</{b.kind}>")
        elif b.kind == "p":
            out.append(f"<p>{_inline(b.text)}</p>")
        elif b.kind == "quote":
            out.append(f"<blockquote>{html.escape(b.text)}</blockquote>")
        elif b.kind == "table":
            head, *rest = b.rows
            align = b.align or "l" * len(head)
            cls = [' class="r"' if a == "r" else "" for a in align]
            out.append(
                "<table><thead><tr>"
                + "".join(
                    f"<th{cls[i] if i < len(cls) else ''}>{html.escape(c)}</th>"
                    for i, c in enumerate(head)
                )
                + "</tr></thead><tbody>"
            )
            for r in rest:
                out.append(
                    "<tr>"
                    + "".join(
                        f"<td{cls[i] if i < len(cls) else ''}>{html.escape(c)}</td>"
                        for i, c in enumerate(r)
                    )
                    + "</tr>"
                )
            out.append("</tbody></table>")
        elif b.kind == "figure":
            files = (figures or {}).get(b.figure, {})
            png = files.get("png")
            if png is not None:
                data = (Path(root or ".") / png).read_bytes()
                src = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
                out.append(
                    f'<figure><img src="{src}" alt="{html.escape(b.figure)}"><figcaption>{_inline(b.text)}</figcaption></figure>'
                )
            elif files.get("svg") is not None:
                svg = (Path(root or ".") / files["svg"]).read_text(encoding="utf-8")
                svg = svg[svg.find("<svg") :]
                out.append(f"<figure>{svg}<figcaption>{_inline(b.text)}</figcaption></figure>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render(
    results: Results,
    figures: Mapping[str, Mapping[str, Path]] | None = None,
    root: Path | None = None,
) -> tuple[str, str]:
    """The Markdown and HTML reports of a run.

    Args:
        results: The run's results.
        figures: Per figure name, its file per format, relative to ``root``.
        root: The run folder (to embed figures in the HTML).

    Returns:
        ``(markdown, html)``.
    """
    blocks = build_report(results, list(figures or {}))
    title = f"stancelab report: {results.config.name}"
    return to_markdown(blocks, figures), to_html(blocks, figures, root, title)
