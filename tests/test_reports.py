"""Reports: Markdown and self-contained HTML say the same thing, with the run's own numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from stancelab.config import ExperimentConfig
from stancelab.experiments import run_experiment, save_run
from stancelab.reports import build_report, to_markdown


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[Any, Path]:
    tmp = tmp_path_factory.mktemp("reports")
    cfg = ExperimentConfig.model_validate(
        {
            "name": "r",
            "corpus": {"path": "bundled:demo"},
            "scorers": [{"name": "vader"}],
            "evaluation": {"gold": "bundled:demo", "baselines": []},
            "aggregation": {"bootstrap": 200},
            "output": {"formats": ["png"]},
            "cache": {"dir": str(tmp / "cache")},
        }
    )
    res = run_experiment(cfg)
    return res, save_run(res, tmp / "run")


def test_markdown_report_sections_and_numbers(run) -> None:
    res, folder = run
    md = (folder / "report.md").read_text()
    for heading in (
        "# stancelab report: r",
        "## Corpus",
        "## Actors",
        "### Per speaker",
        "## Most escalatory and de-escalatory quotes",
        "## Evaluation against gold",
        "### Attribution",
        "### Stance",
        "## Files in this run",
    ):
        assert heading in md
    ev = res.metrics["evaluation"]
    assert f"{ev['stance']['vader']['macro_f1']:.3f}" in md
    assert f"{ev['attribution']['overlap>=0.8']['quote+speaker']['f1']:.3f}" in md
    for fig in re.findall(r"\]\((figures/[^)]+)\)", md):
        assert (folder / fig).is_file()
    top = res.actors.iloc[0]
    assert f"| {top['actor']} | {top['affiliation']} | {top['quotes']} |" in md


def test_extreme_quotes_cite_article_and_offsets(run) -> None:
    res, folder = run
    md = (folder / "report.md").read_text()
    q = res.quotes
    cited = re.findall(r"“(.+?)” \[(\w+),.*?characters (\d+)–(\d+)\]", md)
    assert cited
    for text, art, start, end in cited:
        row = q[(q["article_id"] == art) & (q["start"] == int(start)) & (q["end"] == int(end))]
        assert row["quote"].iloc[0] == text


def test_html_report_is_self_contained(run) -> None:
    _, folder = run
    html = (folder / "report.html").read_text()
    assert html.startswith("<!DOCTYPE html>")
    srcs = re.findall(r'src="([^"]+)"', html)
    assert srcs and all(s.startswith("data:image/png;base64,") for s in srcs)
    assert "<link" not in html and "<script" not in html
    assert html.count("<figure>") == len(list((folder / "figures").glob("*.png")))


def test_reports_escape_quotes_text() -> None:
    from stancelab.reports import Block, to_html

    blocks = [Block("table", rows=[["a", "b"], ["x | y", "<script>"]])]
    assert "x \\| y" in to_markdown(blocks)
    assert "&lt;script&gt;" in to_html(blocks)


def test_report_without_gold_has_no_evaluation(run) -> None:
    res, _ = run
    bare = type(res)(
        **{
            **res.__dict__,
            "metrics": {k: v for k, v in res.metrics.items() if k != "evaluation"},
            "gold": None,
        }
    )
    text = to_markdown(build_report(bare))
    assert "Evaluation against gold" not in text and "## Corpus" in text
