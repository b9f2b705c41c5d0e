"""Charts of an experiment's results (matplotlib; PNG, SVG, PDF).

Every function reads a :class:`~stancelab.experiments.Results` (frames and
dicts) and returns a :class:`matplotlib.figure.Figure`; nothing here scores
or writes, except :func:`save_figure`. Figures are built without pyplot
(no global state, safe in scripts, tests and Jupyter), use the Okabe-Ito
colour-blind-safe palette, label both axes and draw a zero line on the
escalation axis. Saved files are byte-identical for identical results (no
dates in the metadata, fixed SVG ids).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
import numpy as np
from matplotlib.figure import Figure

if TYPE_CHECKING:
    import pandas as pd

    from stancelab.experiments import Results

__all__ = [
    "PALETTE",
    "actor_chart",
    "affiliation_colors",
    "confusion_chart",
    "distribution_chart",
    "gold_vs_predicted_chart",
    "make_figures",
    "reliability_chart",
    "save_figure",
    "timeline_chart",
]

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
"""Okabe-Ito colours (colour-blind safe), most distinct first."""
GREY = "#999999"
AXIS_LABEL = "escalation score (−1 de-escalatory … +1 escalatory)"
LABELS = ("escalation", "de-escalation", "neutral")
_RC = {
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "stancelab",
    "svg.fonttype": "path",
}


def affiliation_colors(affiliations: Iterable[Any]) -> dict[Any, str]:
    """One palette colour per affiliation (most frequent first); unknown is grey.

    Example:
        >>> affiliation_colors(["B", "A", "B", None])
        {'B': '#0072B2', 'A': '#D55E00', None: '#999999'}
    """
    counts: dict[Any, int] = {}
    for a in affiliations:
        counts[a] = counts.get(a, 0) + 1
    known = sorted(
        (a for a in counts if isinstance(a, str) and a != "(unknown)"),
        key=lambda a: (-counts[a], a),
    )
    out: dict[Any, str] = {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(known)}
    for a in counts:
        out.setdefault(a, GREY)
    return out


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, height), layout="constrained", dpi=100)
    return fig


def _empty(title: str, message: str) -> Figure:
    fig = _figure(6, 2)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", color="#555555")
    return fig


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def actor_chart(
    table: pd.DataFrame,
    label: str | None = None,
    *,
    title: str = "Mean escalation score per actor",
    color_by: str | None = "affiliation",
    confidence: float = 0.95,
) -> Figure:
    """Mean score per actor with its bootstrap interval and number of quotes, sorted.

    Args:
        table: ``Results.actors`` or ``Results.affiliations`` (rows with
            ``charted`` true are drawn).
        label: The scorer whose ``LABEL_mean``/``LABEL_ci_*`` columns to draw
            (default: the first scorer in the table).
        title: Figure title.
        color_by: Column to colour by (``affiliation``), or None (one colour each).
        confidence: The interval width, for the legend.
    """
    if label is None:
        label = next((c[: -len("_mean")] for c in table.columns if c.endswith("_mean")), "")
    rows = table[table["charted"]] if "charted" in table else table
    if rows.empty:
        return _empty(title, "no actor has enough quotes (see aggregation.min_quotes)")
    rows = rows.sort_values([f"{label}_mean", "actor"], ascending=[True, False], kind="mergesort")
    n = len(rows)
    with matplotlib.rc_context(_RC):
        fig = _figure(7.5, 1.2 + 0.32 * n)
        ax = fig.add_subplot()
        y = np.arange(n)
        means = rows[f"{label}_mean"].to_numpy(float)
        lo = rows[f"{label}_ci_low"].to_numpy(float)
        hi = rows[f"{label}_ci_high"].to_numpy(float)
        groups = rows[color_by].tolist() if color_by and color_by in rows else list(rows["actor"])
        colors = affiliation_colors(groups) if color_by else {g: PALETTE[0] for g in groups}
        ax.axvline(0, color="#444444", lw=0.8, zorder=1)
        for i, (m, a, b, g) in enumerate(zip(means, lo, hi, groups, strict=True)):
            c = colors[g]
            ax.plot([a, b], [i, i], color=c, lw=2.2, alpha=0.55, solid_capstyle="round", zorder=2)
            ax.plot(
                [m], [i], "o", color=c, ms=6, zorder=3, markeredgecolor="white", markeredgewidth=0.6
            )
        names = [
            f"{_short(str(a))}  (n={q})" for a, q in zip(rows["actor"], rows["quotes"], strict=True)
        ]
        ax.set_yticks(y, names)
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel(AXIS_LABEL)
        ax.set_title(f"{title} ({label}; {round(confidence * 100)}% bootstrap intervals)")
        ax.grid(axis="x", color="#e5e5e5", lw=0.6, zorder=0)
        if color_by and color_by in rows:
            seen = []
            for g in groups:
                if g not in seen:
                    seen.append(g)
            handles = [
                matplotlib.lines.Line2D(
                    [],
                    [],
                    marker="o",
                    ls="",
                    color=colors[g],
                    label=_short(str(g) if g else "unknown", 32),
                )
                for g in seen
            ]
            ax.legend(handles=handles, title=color_by, loc="lower right", fontsize=8, frameon=False)
    return fig


def timeline_chart(
    timeline: pd.DataFrame,
    actors: Sequence[str],
    *,
    group_by: str = "speaker",
    colors: Mapping[Any, str] | None = None,
    title: str = "Escalation score over time",
) -> Figure:
    """Mean score per time bin with its interval, one small panel per actor (shared axes).

    Args:
        timeline: ``Results.timeline``.
        actors: Actors to draw, in panel order.
        group_by: ``speaker`` or ``affiliation`` rows of the timeline.
        colors: Colour per actor.
        title: Figure title.
    """
    data = timeline[(timeline["group_by"] == group_by) & timeline["actor"].isin(list(actors))]
    if data.empty:
        return _empty(title, "no dated quotes (articles need a date for time charts)")
    dated = data["bin_start"].notna().all() if "bin_start" in data else False
    if dated:
        import pandas as pd

        data = data.assign(x=pd.to_datetime(data["bin_start"]))
    else:  # no calendar (time_bin: none): bins in sorted order
        order = {b: i for i, b in enumerate(sorted(data["bin"].astype(str).unique()))}
        data = data.assign(x=data["bin"].astype(str).map(order))
    actors = [a for a in actors if a in set(data["actor"])]
    ncols = min(3, len(actors))
    nrows = math.ceil(len(actors) / ncols)
    with matplotlib.rc_context(_RC):
        fig = _figure(3.2 * ncols + 0.6, 2.3 * nrows + 0.8)
        axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)
        for k, ax in enumerate(axes.flat):
            if k >= len(actors):
                ax.set_axis_off()
                continue
            name = actors[k]
            d = data[data["actor"] == name].sort_values("x")
            c = (colors or {}).get(name, PALETTE[k % len(PALETTE)])
            ax.axhline(0, color="#444444", lw=0.8)
            ax.fill_between(d["x"], d["ci_low"], d["ci_high"], color=c, alpha=0.18, lw=0)
            ax.plot(d["x"], d["mean"], "-o", color=c, ms=3.5, lw=1.4)
            ax.set_title(f"{_short(str(name), 30)} (n={int(d['quotes'].sum())})", fontsize=9)
            ax.set_ylim(-1.05, 1.05)
            ax.tick_params(axis="x", labelrotation=45, labelsize=7)
            ax.grid(axis="y", color="#e5e5e5", lw=0.6)
        if dated:
            import matplotlib.dates as mdates

            loc = mdates.AutoDateLocator(minticks=3, maxticks=7)
            # shared x axes share one locator and formatter: set them once
            axes.flat[0].xaxis.set_major_locator(loc)
            axes.flat[0].xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
        fig.supylabel("mean escalation score (−1 … +1)", fontsize=9)
        fig.supxlabel("start of the time bin" if dated else "time bin", fontsize=9)
        fig.suptitle(f"{title} (bands: bootstrap intervals)", fontsize=10)
    return fig


def distribution_chart(
    quotes: pd.DataFrame,
    actors: Sequence[str],
    label: str,
    *,
    colors: Mapping[Any, str] | None = None,
    title: str = "Distribution of escalation scores per actor",
) -> Figure:
    """Box plot and every quote's score (jittered dots) per actor."""
    data = [
        quotes.loc[quotes["speaker"] == a, f"{label}_escalation_score"].to_numpy(float)
        for a in actors
    ]
    keep = [(a, d) for a, d in zip(actors, data, strict=True) if d.size]
    if not keep:
        return _empty(title, "no scored quotes")
    keep = keep[::-1]  # most quoted on top
    with matplotlib.rc_context(_RC):
        fig = _figure(7.5, 1.2 + 0.42 * len(keep))
        ax = fig.add_subplot()
        ax.axvline(0, color="#444444", lw=0.8)
        ax.boxplot(
            [d for _, d in keep],
            orientation="horizontal",
            widths=0.55,
            showfliers=False,
            medianprops={"color": "#222222"},
            boxprops={"color": "#777777"},
            whiskerprops={"color": "#777777"},
            capprops={"color": "#777777"},
        )
        rng = np.random.default_rng(0)
        for i, (a, d) in enumerate(keep, start=1):
            c = (colors or {}).get(a, PALETTE[0])
            ax.scatter(
                d, i + rng.uniform(-0.18, 0.18, d.size), s=11, color=c, alpha=0.75, lw=0, zorder=3
            )
        ax.set_yticks(range(1, len(keep) + 1), [f"{_short(str(a))}  (n={d.size})" for a, d in keep])
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel(AXIS_LABEL)
        ax.set_title(f"{title} ({label})")
        ax.grid(axis="x", color="#e5e5e5", lw=0.6)
    return fig


def confusion_chart(confusion: Mapping[str, Mapping[str, int]], label: str) -> Figure:
    """Gold-by-predicted confusion matrix (row-normalised colours, counts written in)."""
    m = np.array([[confusion[g][p] for p in LABELS] for g in LABELS], dtype=float)
    share = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
    with matplotlib.rc_context(_RC):
        fig = _figure(4.6, 3.9)
        ax = fig.add_subplot()
        im = ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
        for i in range(3):
            for j in range(3):
                ax.text(
                    j,
                    i,
                    f"{int(m[i, j])}\n{share[i, j]:.0%}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if share[i, j] > 0.55 else "#222222",
                )
        ax.set_xticks(range(3), LABELS)
        ax.set_yticks(range(3), LABELS)
        ax.set_xlabel("predicted stance")
        ax.set_ylabel("gold stance")
        ax.set_title(f"Confusion matrix ({label})")
        ax.spines[:].set_visible(False)
        fig.colorbar(im, ax=ax, shrink=0.8, label="share of the gold row")
    return fig


def reliability_points(
    probs: np.ndarray, gold: Sequence[str], bins: int = 10
) -> list[dict[str, float]]:
    """Per confidence bin: mean confidence, accuracy and count (the reliability diagram's points).

    Example:
        >>> import numpy as np
        >>> reliability_points(np.array([[0.9, 0.05, 0.05], [0.6, 0.3, 0.1]]), ["escalation", "neutral"], bins=2)
        [{'confidence': 0.75, 'accuracy': 0.5, 'n': 2}]
    """
    conf = probs.max(axis=1)
    pred = probs.argmax(axis=1)
    ok = np.array([LABELS[p] == g for p, g in zip(pred, gold, strict=True)], dtype=float)
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    out = []
    for b in range(bins):
        sel = idx == b
        if sel.any():
            out.append(
                {
                    "confidence": round(float(conf[sel].mean()), 4),
                    "accuracy": round(float(ok[sel].mean()), 4),
                    "n": int(sel.sum()),
                }
            )
    return out


def reliability_chart(
    gold: pd.DataFrame,
    labels: Sequence[str],
    bins: int = 10,
    ece: Mapping[str, float] | None = None,
) -> Figure:
    """Reliability diagram: accuracy against confidence per bin, one line per scorer."""
    with matplotlib.rc_context(_RC):
        fig = _figure(5.2, 4.4)
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], ls="--", color="#777777", lw=0.9, label="perfect calibration")
        markers = "osD^v<>p"
        for k, label in enumerate(labels):
            probs = gold[[f"{label}_p_{c}" for c in LABELS]].to_numpy(float)
            pts = reliability_points(probs, gold["stance"].tolist(), bins)
            extra = f", ECE {ece[label]:.3f}" if ece and label in ece else ""
            ax.plot(
                [p["confidence"] for p in pts],
                [p["accuracy"] for p in pts],
                marker=markers[k % len(markers)],
                ms=4,
                lw=1.3,
                color=PALETTE[k % len(PALETTE)],
                label=f"{label}{extra}",
            )
        ax.set_xlim(0.3, 1.0)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("confidence (probability of the predicted stance)")
        ax.set_ylabel("accuracy on gold quotes")
        ax.set_title("Reliability diagram (gold quotes)")
        ax.grid(color="#e5e5e5", lw=0.6)
        ax.legend(fontsize=8, loc="upper left", frameon=False)
    return fig


def gold_vs_predicted_chart(
    speakers: Sequence[Mapping[str, Any]], label: str, spearman: float | None = None
) -> Figure:
    """Per speaker (3+ gold quotes): gold mean stance against the predicted mean score."""
    if not speakers:
        return _empty("Per-speaker means", "no gold speaker has 3 or more quotes")
    colors = affiliation_colors(s.get("affiliation") for s in speakers)
    with matplotlib.rc_context(_RC):
        fig = _figure(5.4, 4.6)
        ax = fig.add_subplot()
        ax.axhline(0, color="#444444", lw=0.8)
        ax.axvline(0, color="#444444", lw=0.8)
        ax.plot([-1, 1], [-1, 1], ls="--", color="#aaaaaa", lw=0.8)
        for s in speakers:
            ax.scatter(
                s["gold_mean"],
                s["predicted_mean"],
                s=14 + 4 * s["quotes"],
                color=colors[s.get("affiliation")],
                alpha=0.8,
                lw=0.5,
                edgecolor="white",
            )
        ax.set_xlim(-1.05, 1.05)
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlabel("gold mean stance (+1 escalation, −1 de-escalation)")
        ax.set_ylabel(f"predicted mean escalation score ({label})")
        rho = f" (Spearman {spearman:.2f})" if spearman is not None else ""
        ax.set_title(f"Per-speaker means, gold vs predicted{rho}")
        ax.grid(color="#e5e5e5", lw=0.6)
        seen = [a for a in colors if a is not None][:8]
        handles = [
            matplotlib.lines.Line2D(
                [], [], marker="o", ls="", color=colors[a], label=_short(str(a), 30)
            )
            for a in seen
        ]
        if handles:
            ax.legend(
                handles=handles,
                fontsize=7,
                loc="upper left",
                frameon=False,
                title="affiliation",
                title_fontsize=7,
            )
    return fig


def make_figures(results: Results) -> dict[str, Figure]:
    """Every chart of a run, by file stem (``actors``, ``affiliations``, ``timeline``, ...)."""
    cfg = results.config
    label = results.scorer_labels[0]
    figs: dict[str, Figure] = {}
    colors: dict[Any, str] = {}
    top: list[str] = []
    if not results.actors.empty:
        colors_aff = affiliation_colors(results.actors["affiliation"])
        colors = {
            a: colors_aff[f]
            for a, f in zip(results.actors["actor"], results.actors["affiliation"], strict=True)
        }
        figs["actors"] = actor_chart(results.actors, label, confidence=cfg.aggregation.confidence)
        charted = results.actors[results.actors["charted"]]
        top = charted["actor"].head(cfg.aggregation.top_actors).tolist()
        figs["timeline"] = timeline_chart(results.timeline, top, group_by="speaker", colors=colors)
        figs["distributions"] = distribution_chart(results.quotes, top, label, colors=colors)
    if not results.affiliations.empty:
        figs["affiliations"] = actor_chart(
            results.affiliations,
            label,
            title="Mean escalation score per affiliation",
            color_by=None,
            confidence=cfg.aggregation.confidence,
        )
        if results.actors.empty:
            aff = (
                results.affiliations[results.affiliations["charted"]]["actor"]
                .head(cfg.aggregation.top_actors)
                .tolist()
            )
            figs["timeline"] = timeline_chart(results.timeline, aff, group_by="affiliation")
    ev = results.metrics.get("evaluation")
    if ev and results.gold is not None:
        figs["confusion"] = confusion_chart(ev["stance"][label]["confusion_gold_by_pred"], label)
        labels = list(ev["stance"])
        ece = {k: v.get("ece") for k, v in ev["stance"].items() if v.get("ece") is not None}
        figs["reliability"] = reliability_chart(
            results.gold, labels, cfg.evaluation.calibration_bins, ece
        )
        figs["gold_vs_predicted"] = gold_vs_predicted_chart(
            ev["speakers"]["table"], label, ev["speakers"]["spearman"]
        )
    return figs


def save_figure(
    fig: Figure, stem: str | Path, formats: Sequence[str] = ("png", "svg")
) -> dict[str, Path]:
    """Save a figure once per format, without dates in the metadata (reproducible bytes).

    Returns:
        Path per format.
    """
    out = {}
    stem = Path(stem)
    meta = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    }
    with matplotlib.rc_context(_RC):
        for fmt in formats:
            path = stem.with_suffix(f".{fmt}")
            fig.savefig(path, format=fmt, dpi=130 if fmt == "png" else None, metadata=meta.get(fmt))
            out[fmt] = path
    return out
