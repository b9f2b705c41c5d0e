"""Charts: every figure is drawn, labelled, colour-blind safe and free of overlapping labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib.colors as mcolors
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from stancelab import plots
from stancelab.config import ExperimentConfig
from stancelab.experiments import run_experiment


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> Any:
    tmp = tmp_path_factory.mktemp("plots")
    cfg = ExperimentConfig.model_validate(
        {
            "name": "p",
            "corpus": {"path": "bundled:demo"},
            "scorers": [{"name": "vader"}],
            "evaluation": {"gold": "bundled:demo", "baselines": []},
            "aggregation": {"time_bin": "quarter", "bootstrap": 200},
            "cache": {"dir": str(tmp)},
        }
    )
    return run_experiment(cfg)


@pytest.fixture(scope="module")
def figures(results) -> dict:
    figs = plots.make_figures(results)
    for fig in figs.values():
        FigureCanvasAgg(fig).draw()
    return figs


def test_all_charts_are_made(figures) -> None:
    assert set(figures) == {
        "actors",
        "affiliations",
        "timeline",
        "distributions",
        "confusion",
        "reliability",
        "gold_vs_predicted",
    }


def test_axes_are_labelled(figures) -> None:
    for name, fig in figures.items():
        for ax in fig.axes:
            if not ax.axison or ax.get_label() == "<colorbar>":
                continue
            has_x = ax.get_xlabel() or fig.get_supxlabel()
            has_y = (
                ax.get_ylabel()
                or fig.get_supylabel()
                or any(t.get_text() for t in ax.get_yticklabels())
            )
            assert has_x and has_y, name
        assert any(ax.get_title() for ax in fig.axes) or fig.get_suptitle(), name


def test_escalation_axes_have_a_zero_line(figures) -> None:
    for name in ("actors", "affiliations", "distributions", "timeline", "gold_vs_predicted"):
        for ax in figures[name].axes:
            if not ax.axison:
                continue
            zero = [
                ln
                for ln in ax.get_lines()
                if set(ln.get_xdata()) == {0} or set(ln.get_ydata()) == {0}
            ]
            assert zero, name


def test_colours_come_from_the_colour_blind_safe_palette(figures) -> None:
    allowed = {mcolors.to_hex(c) for c in [*plots.PALETTE, plots.GREY]}
    for ax in figures["actors"].axes:
        markers = [ln for ln in ax.get_lines() if ln.get_marker() == "o"]
        assert markers
        assert {mcolors.to_hex(ln.get_color()) for ln in markers} <= allowed


def _overlaps(labels) -> list[tuple[str, str]]:
    boxes = [
        (t.get_text(), t.get_window_extent()) for t in labels if t.get_text() and t.get_visible()
    ]
    out = []
    for i, (a, ba) in enumerate(boxes):
        for b, bb in boxes[i + 1 :]:
            if ba.overlaps(bb):
                out.append((a, b))
    return out


def test_no_overlapping_tick_labels(figures) -> None:
    for name, fig in figures.items():
        for ax in fig.axes:
            assert not _overlaps(ax.get_yticklabels()), name
            assert not _overlaps(ax.get_xticklabels()), name


def test_actor_chart_is_sorted_and_counts_quotes(figures, results) -> None:
    ax = figures["actors"].axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    charted = results.actors[results.actors["charted"]].sort_values("vader_mean")
    assert len(labels) == len(charted)
    assert labels[0].startswith(charted["actor"].iloc[0][:20]) and "(n=" in labels[0]


def test_saved_files_are_reproducible(results, tmp_path: Path) -> None:
    """The same results drawn twice give the same bytes (no dates, fixed SVG ids)."""
    a = plots.save_figure(
        plots.actor_chart(results.actors, "vader"), tmp_path / "a", ["png", "svg", "pdf"]
    )
    b = plots.save_figure(
        plots.actor_chart(results.actors, "vader"), tmp_path / "b", ["png", "svg", "pdf"]
    )
    for fmt in ("png", "svg", "pdf"):
        assert a[fmt].read_bytes() == b[fmt].read_bytes(), fmt


def test_empty_results_give_a_readable_figure(results) -> None:
    fig = plots.actor_chart(results.actors.iloc[0:0], "vader")
    FigureCanvasAgg(fig).draw()
    assert "no actor" in fig.axes[0].texts[0].get_text()
