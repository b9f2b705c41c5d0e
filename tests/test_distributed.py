"""The Ray Data engine: the same quotes and scores as the local engine; Ray only when asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from stancelab.config import EngineConfig, ExperimentConfig
from stancelab.distributed import plan_actors

ROOT = Path(__file__).resolve().parents[1]


def test_local_engine_never_imports_ray(tmp_path: Path) -> None:
    code = (
        "import sys, stancelab\n"
        "from stancelab.experiments import run_experiment\n"
        "cfg = stancelab.ExperimentConfig(name='x', corpus={'path': 'bundled:demo'},\n"
        f"    scorers=[{{'name': 'vader'}}], cache={{'dir': {str(tmp_path)!r}}})\n"
        "run_experiment(cfg)\n"
        "assert 'ray' not in sys.modules, 'ray was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("cpus", "actors", "expected"),
    [(2, None, (1, 1.0)), (4, None, (3, 1.0)), (1, None, (1, 0.5)), (8, 3, (3, 1.0))],
)
def test_actor_pool_leaves_a_cpu_for_reading(cpus, actors, expected) -> None:
    n, cpa = plan_actors(EngineConfig(name="ray", actors=actors), cpus)
    assert (n, cpa) == expected
    assert n * cpa <= max(cpus - 1, cpus / 2)


def test_a_pool_that_claims_every_cpu_is_refused() -> None:
    from stancelab.config import ConfigError

    with pytest.raises(ConfigError, match="ray issue 44687"):
        plan_actors(EngineConfig(name="ray", actors=2, cpus_per_actor=1), 2)


def test_missing_extra_gives_the_install_command(monkeypatch) -> None:
    from stancelab import distributed

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ImportError, match=r"pip install 'stancelab\[ray\]'"):
        distributed._import_ray()


@pytest.mark.slow
def test_ray_engine_gives_the_local_results(tmp_path: Path) -> None:
    """A local Ray with 2 CPUs runs the demo experiment: identical quotes and scores."""
    pytest.importorskip("ray.data", reason="the ray extra is not installed (make install-ray)")
    from stancelab.experiments import load_run, run_experiment

    cfg = ExperimentConfig(
        name="demo-engines",
        corpus={"path": "bundled:demo"},
        scorers=[{"name": "default"}, {"name": "vader"}],
        cache={"enabled": False},
        engine={"name": "local", "articles_per_task": 5},
    )
    local = run_experiment(cfg)
    yaml_path = tmp_path / "ray.yaml"
    yaml_path.write_text(
        cfg.model_copy(
            update={"engine": EngineConfig(name="ray", num_cpus=2, articles_per_task=5)}
        ).to_yaml()
    )
    # a hard timeout: a deadlocked Ray must fail the test, not hang CI
    subprocess.run(
        [
            sys.executable,
            "-m",
            "stancelab.cli",
            "run",
            str(yaml_path),
            "-q",
            "--run-dir",
            str(tmp_path / "run"),
            "--no-figures",
        ],
        check=True,
        timeout=600,
        capture_output=True,
        cwd=tmp_path,
    )
    ray_quotes = load_run(tmp_path / "run")["quotes"]
    pd.testing.assert_frame_equal(
        local.quotes.reset_index(drop=True), ray_quotes, check_dtype=False
    )


@pytest.mark.slow
def test_ray_engine_resumes_from_its_shards(tmp_path: Path) -> None:
    """Extraction blocks and score chunks are Parquet shards; a re-run skips them."""
    pytest.importorskip("ray.data", reason="the ray extra is not installed (make install-ray)")
    yaml_path = tmp_path / "ray.yaml"
    cfg = ExperimentConfig(
        name="shards",
        corpus={"path": "bundled:demo"},
        scorers=[{"name": "vader"}],
        cache={"dir": str(tmp_path / "cache")},
        engine={"name": "ray", "num_cpus": 2, "articles_per_task": 4},
    )
    yaml_path.write_text(cfg.to_yaml())
    run = [sys.executable, "-m", "stancelab.cli", "run", str(yaml_path), "-q", "--no-figures"]
    subprocess.run(
        [*run, "--run-dir", str(tmp_path / "a")],
        check=True,
        timeout=600,
        capture_output=True,
        cwd=tmp_path,
    )
    extract_shards = sorted((tmp_path / "cache" / "extract").rglob("*.parquet"))
    assert len(extract_shards) >= 5  # 18 articles in blocks of at most 4
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.joinpath("cache").rglob("*.parquet")}
    subprocess.run(
        [*run, "--run-dir", str(tmp_path / "b")],
        check=True,
        timeout=600,
        capture_output=True,
        cwd=tmp_path,
    )
    assert {
        p: p.stat().st_mtime_ns for p in tmp_path.joinpath("cache").rglob("*.parquet")
    } == stamps
    a = pd.read_parquet(tmp_path / "a" / "quotes.parquet")
    pd.testing.assert_frame_equal(a, pd.read_parquet(tmp_path / "b" / "quotes.parquet"))
