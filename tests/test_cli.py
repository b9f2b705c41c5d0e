"""The command line: extract writes the guidelines' fields; demo runs the demo experiment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancelab.cli import main


def test_extract_writes_guideline_fields(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps({"id": "n1", "text": "“We stay,” said Defence Minister Ana Ruiz."}) + "\n"
    )
    out = tmp_path / "q.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    (rec,) = [json.loads(line) for line in out.read_text().splitlines()]
    for field in ("article_id", "start", "end", "quote", "speaker", "affiliation", "kind"):
        assert field in rec
    assert (rec["quote"], rec["speaker"], rec["cue"]) == ("We stay,", "Ana Ruiz", "said")


def test_extract_reports_located_errors(tmp_path: Path, capsys) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "1", "text": "ok"}\n{not json}\n')
    assert main(["extract", str(src), "-o", str(tmp_path / "q.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl" in err and "line 2" in err


def test_demo_prints_per_speaker_summary(capsys) -> None:
    assert main(["demo", "--no-scores"]) == 0
    out = capsys.readouterr().out
    assert "speaker" in out and "affiliation" in out
    assert "Demo corpus: 18 articles" in out


@pytest.mark.slow
def test_demo_with_scores(capsys, tmp_path: Path) -> None:
    run = tmp_path / "run"
    assert main(["demo", "-q", "--run-dir", str(run), "--set", f"cache.dir={tmp_path}"]) == 0
    out = capsys.readouterr().out
    assert (run / "report.html").is_file() and (run / "figures" / "actors.png").is_file()
    assert "stance default: macro-F1" in out and f"run folder: {run}" in out
    header = next(line for line in out.splitlines() if line.startswith("speaker"))
    assert "escalation" in header
    values = [
        float(tok.strip("[],"))
        for line in out.splitlines()
        for tok in line.split()
        if tok[:1] in "+-" and tok[1:2].isdigit()
    ]
    assert values and all(-1 <= v <= 1 for v in values)


def test_extract_skip_records_every_failed_article(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(
        '{"id": "1", "text": "“We stay,” said Ana Ruiz."}\n{"id": "2"}\nnot json\n'
        '{"id": "3", "text": "No quotes here."}\n'
    )
    out = tmp_path / "q.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--on-error", "skip"]) == 0
    err = capsys.readouterr().err
    assert "from 4 articles (1 with quotes, 1 without, 2 failed)" in err
    failed = [json.loads(x) for x in (tmp_path / "q.jsonl.errors.jsonl").read_text().splitlines()]
    assert [f["line"] for f in failed] == [2, 3]
    assert "text" in failed[0]["error"]
    assert len(out.read_text().splitlines()) == 1


def test_score_skip_lists_bad_lines(tmp_path: Path, capsys) -> None:
    src = tmp_path / "q.jsonl"
    src.write_bytes(
        b'{"quote": "We welcome the talks."}\n{broken\n{"text": "no quote"}\n'
        b'{"quote": "bad \xff byte"}\n{"quote": "They will pay."}\n'
    )
    out = tmp_path / "s.jsonl"
    assert main(["score", str(src), "-o", str(out), "--scorer", "vader"]) == 2
    assert "q.jsonl:2" in capsys.readouterr().err and not out.exists()
    assert main(["score", str(src), "-o", str(out), "--scorer", "vader", "--on-error", "skip"]) == 0
    err = capsys.readouterr().err
    assert "scored 2 quotes" in err and "3 bad lines left out" in err
    bad = [json.loads(x) for x in (tmp_path / "s.jsonl.errors.jsonl").read_text().splitlines()]
    assert [b["line"] for b in bad] == [2, 3, 4]
    assert "UTF-8" in bad[2]["error"]
    assert [json.loads(x)["quote"] for x in out.read_text().splitlines()] == [
        "We welcome the talks.",
        "They will pay.",
    ]
