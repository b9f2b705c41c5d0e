"""Robustness: interrupted runs resume to identical outputs; nothing unsafe is ever loaded."""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STANCELAB = [sys.executable, "-m", "stancelab.cli"]

_SPEAKERS = [
    ("Defence Minister Ana Ruiz of Lorvania", "Ruiz", "she"),
    ("Foreign Minister Tomas Oberg of Kestria", "Oberg", "he"),
    ("the mediator Ines Calloway", "Calloway", "she"),
]
_VERBS = ["resume", "reject", "welcome", "postpone", "condemn", "prepare", "extend"]
_THINGS = ["talks", "ceasefire", "exercises", "sanctions", "border patrols", "aid convoys"]


def _corpus(path: Path, n_articles: int, per_article: int, seed: int = 0) -> Path:
    """Articles whose quotes are all different (so nothing is deduplicated away)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n_articles):
            full, surname, pron = _SPEAKERS[i % 3]
            paras = [f"{full} spoke on day {i}."]
            for j in range(per_article):
                verb, thing = rng.choice(_VERBS), rng.choice(_THINGS)
                who = surname if j % 2 else pron
                paras.append(f"“We {verb} the {thing} of week {i}-{j},” {who} said.")
            rec = {"id": f"a{i}", "date": f"2024-{1 + i % 12:02d}-01", "text": "\n\n".join(paras)}
            f.write(json.dumps(rec) + "\n")
    return path


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 120) -> None:
    t0 = time.time()
    while not ready():
        if proc.poll() is not None:
            pytest.fail(f"finished before it could be interrupted: {proc.stderr.read()}")
        if time.time() - t0 > timeout:
            proc.kill()
            pytest.fail("never reached the point to interrupt")
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# --------------------------------------------------------------------------- interrupted runs


@pytest.mark.slow
def test_killed_score_resumes_to_identical_output(tmp_path: Path) -> None:
    quotes = tmp_path / "quotes.jsonl"
    with open(quotes, "w", encoding="utf-8") as f:
        for i in range(40_000):
            verb, thing = _VERBS[i % 7], _THINGS[i % 6]
            f.write(json.dumps({"id": i, "quote": f"We {verb} the {thing}, number {i}."}) + "\n")
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    cmd = [*STANCELAB, "score", str(quotes), "--scorer", "vader", "-q"]
    subprocess.run([*cmd, "-o", str(whole)], check=True, cwd=tmp_path)

    partial = tmp_path / ".resumed.jsonl.partial"
    proc = subprocess.Popen(
        [*cmd, "-o", str(resumed)], cwd=tmp_path, stderr=subprocess.PIPE, text=True
    )
    _kill_when(proc, lambda: partial.is_file() and partial.stat().st_size > 2_000_000)
    assert not resumed.exists()  # nothing half-written under the real name
    subprocess.run(
        [*cmd, "-o", str(resumed)], check=True, cwd=tmp_path, capture_output=True, text=True
    )
    assert resumed.read_bytes() == whole.read_bytes()
    assert not partial.exists() and not list(tmp_path.glob(".resumed*"))
    lines = resumed.read_text().splitlines()
    assert [json.loads(x)["id"] for x in lines] == list(range(40_000))  # none lost or doubled


@pytest.mark.slow
def test_killed_experiment_resumes_to_identical_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 300, 8)
    exp = tmp_path / "configs" / "experiments"
    exp.mkdir(parents=True)
    (tmp_path / "configs" / "base.yaml").write_text((ROOT / "configs" / "base.yaml").read_text())
    cfg = exp / "big.yaml"
    cfg.write_text(f"corpus: {{path: {corpus}}}\noutput: {{formats: [png]}}\n")
    run = [*STANCELAB, "run", str(cfg), "-q"]

    subprocess.run(
        [*run, "--run-dir", str(tmp_path / "whole"), "--set", "cache.dir=cache-a"],
        check=True,
        cwd=tmp_path,
        capture_output=True,
    )

    shards = tmp_path / "cache-b"
    proc = subprocess.Popen(
        [*run, "--run-dir", str(tmp_path / "resumed"), "--set", "cache.dir=cache-b"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    _kill_when(proc, lambda: len(list(shards.rglob("*.parquet"))) >= 1)
    n_before = len(list(shards.rglob("*.parquet")))
    assert not (tmp_path / "resumed").exists()
    subprocess.run(
        [*run, "--run-dir", str(tmp_path / "resumed"), "--set", "cache.dir=cache-b"],
        check=True,
        cwd=tmp_path,
        capture_output=True,
    )
    whole, resumed = _tree(tmp_path / "whole"), _tree(tmp_path / "resumed")
    assert whole.keys() == resumed.keys()
    for name in whole:
        if name == "config.yaml":  # differs only in the cache folder
            continue
        assert whole[name] == resumed[name], name
    assert len(list(shards.rglob("*.parquet"))) > n_before  # it resumed, and only scored the rest
    assert not list((tmp_path).glob(".resumed*"))


# --------------------------------------------------------------------------- what is loaded


def test_no_pickle_anywhere_in_the_package() -> None:
    pattern = re.compile(
        r"\bimport pickle\b|\bjoblib\b|torch\.load\(|allow_pickle=True|cloudpickle|\bdill\b"
    )
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (ROOT / "src" / "stancelab").rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not offenders


def test_pickle_only_model_is_refused(tmp_path: Path, tiny_models) -> None:
    import torch
    from transformers import AutoModelForSequenceClassification

    from stancelab.scoring import ModelNotFoundError, get_scorer

    folder = tmp_path / "pickled"
    model = AutoModelForSequenceClassification.from_pretrained(tiny_models["stance"])
    model.config.save_pretrained(folder)
    torch.save(model.state_dict(), folder / "pytorch_model.bin")  # the old, pickle-based format
    for f in tiny_models["stance"].iterdir():
        if f.name.startswith(("vocab", "tokenizer", "special")):
            (folder / f.name).write_bytes(f.read_bytes())
    assert (folder / "pytorch_model.bin").is_file()
    assert not list(folder.glob("*.safetensors"))
    with pytest.raises(ModelNotFoundError, match=r"no \.safetensors weights.*never from pickle"):
        get_scorer("classifier", model=str(folder))


def test_run_folders_hold_only_plain_data(tmp_path: Path) -> None:
    from stancelab.config import ExperimentConfig
    from stancelab.experiments import run_experiment, save_run

    cfg = ExperimentConfig(
        name="plain",
        corpus={"path": "bundled:demo"},
        scorers=[{"name": "vader"}],
        cache={"dir": str(tmp_path / "c")},
    )
    folder = save_run(run_experiment(cfg), tmp_path / "run", figures=False)
    suffixes = {p.suffix for p in folder.rglob("*") if p.is_file()}
    assert suffixes <= {".yaml", ".parquet", ".csv", ".json", ".md", ".html"}
    cache_files = {p.suffix for p in (tmp_path / "c").rglob("*") if p.is_file()}
    assert cache_files == {".parquet"}
