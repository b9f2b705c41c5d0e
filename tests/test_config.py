"""Experiment configs: every shipped config validates; bad ones fail with file, field and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from stancelab.config import ConfigError, ExperimentConfig, load_config, merge
from stancelab.experiments import demo_config

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT / "configs"
EXPERIMENTS = sorted((CONFIGS / "experiments").glob("*.yaml"))


def _write(folder: Path, text: str, name: str = "x.yaml") -> Path:
    """An experiment file in a throwaway configs/experiments/ next to a copy of the base."""
    exp = folder / "configs" / "experiments"
    exp.mkdir(parents=True, exist_ok=True)
    (folder / "configs" / "base.yaml").write_text((CONFIGS / "base.yaml").read_text())
    path = exp / name
    path.write_text(text)
    return path


def test_there_are_experiments() -> None:
    assert {p.stem for p in EXPERIMENTS} >= {"demo", "dev-gold"}


@pytest.mark.parametrize("path", EXPERIMENTS, ids=lambda p: p.stem)
def test_every_shipped_config_validates(path: Path) -> None:
    needs_shared = "../shared" in path.read_text()
    shared_here = (ROOT.parent / "shared" / "data" / "dev").is_dir()
    cfg = load_config(path, check_paths=shared_here or not needs_shared)
    assert cfg.name == path.stem
    assert Path(cfg.output.dir).is_absolute()


@pytest.mark.parametrize("path", EXPERIMENTS, ids=lambda p: p.stem)
def test_experiment_files_hold_only_what_differs(path: Path) -> None:
    base = yaml.safe_load((CONFIGS / "base.yaml").read_text())
    exp = yaml.safe_load(path.read_text())

    def same(a: object, b: object, where: str) -> list[str]:
        if isinstance(a, dict) and isinstance(b, dict):
            return [x for k in a if k in b for x in same(a[k], b[k], f"{where}.{k}")]
        return [where] if a == b else []

    assert same(exp, base, path.stem) == []


def test_base_yaml_states_the_schema_defaults() -> None:
    """configs/base.yaml documents the defaults; it must not drift from the schema."""
    base = yaml.safe_load((CONFIGS / "base.yaml").read_text())
    minimal = {"name": "x", "corpus": {"path": "p"}, "scorers": [{"name": "default"}]}
    from_base = ExperimentConfig.model_validate(merge(base, minimal))
    from_schema = ExperimentConfig.model_validate(minimal)
    assert from_base == from_schema


def test_demo_yaml_is_the_packaged_demo() -> None:
    cfg = load_config(CONFIGS / "experiments" / "demo.yaml").model_dump()
    packaged = demo_config().model_dump()
    for d in (cfg, packaged):
        d.pop("output")
        d.pop("cache")
    assert cfg == packaged


def test_unknown_field_names_file_field_and_allowed_fields(tmp_path: Path) -> None:
    path = _write(tmp_path, "corpus: {path: bundled:demo}\naggregation: {min_quote: 2}\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}: aggregation.min_quote: unknown field")
    assert "min_quotes" in msg  # the fix: the allowed names


def test_unknown_scorer_is_located(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "corpus: {path: bundled:demo}\nscorers: [{name: vader}, {name: bert}]\n"
    )
    with pytest.raises(
        ConfigError,
        match=r"x\.yaml: scorers\[1\]\.name: unknown scorer 'bert'; use one of: .*vader",
    ):
        load_config(path)


def test_missing_corpus_is_located(tmp_path: Path) -> None:
    path = _write(tmp_path, "corpus: {path: data/nowhere.jsonl}\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    msg = str(err.value)
    assert msg.startswith(
        f"{path}: corpus.path: {tmp_path / 'data' / 'nowhere.jsonl'} does not exist"
    )
    assert "resolved against" in msg and "bundled:demo" in msg


def test_missing_required_corpus(tmp_path: Path) -> None:
    path = _write(tmp_path, "description: no corpus\n")
    with pytest.raises(
        ConfigError,
        match=r"x\.yaml: corpus\.path: required field is missing; add it \(a JSONL/CSV/Parquet file, .*bundled:demo\)",
    ):
        load_config(path)


def test_wrong_type_and_bad_choice(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "corpus: {path: bundled:demo}\naggregation: {min_quotes: many, time_bin: fortnight}\n",
    )
    with pytest.raises(ConfigError) as err:
        load_config(path)
    lines = str(err.value).splitlines()
    assert any("aggregation.min_quotes: Input should be a valid integer" in x for x in lines)
    assert any("aggregation.time_bin: use 'none', 'day', 'week', 'month'" in x for x in lines)


def test_error_in_base_names_the_base(tmp_path: Path) -> None:
    path = _write(tmp_path, "corpus: {path: bundled:demo}\n")
    base = tmp_path / "configs" / "base.yaml"
    base.write_text(base.read_text().replace("seed: 0", "seed: zero"))
    with pytest.raises(ConfigError, match=rf"^{base}: seed: "):
        load_config(path)


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "corpus:\n  path: [unclosed\n")
    with pytest.raises(ConfigError, match=r"x\.yaml: line \d+, column \d+: invalid YAML"):
        load_config(path)


def test_duplicate_scorer_labels(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "corpus: {path: bundled:demo}\nscorers: [{name: vader}, {name: vader}]\n"
    )
    with pytest.raises(
        ConfigError, match=r"label 'vader' is used twice; give each scorer its own `label:`"
    ):
        load_config(path)


def test_overrides_and_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.jsonl").write_text('{"id": "1", "text": "x"}\n')
    path = _write(tmp_path, "corpus: {path: data/a.jsonl}\n")
    cfg = load_config(path, ["scorers.0.name=vader", "aggregation.min_quotes=2"])
    assert cfg.corpus.path == str(tmp_path / "data" / "a.jsonl")
    assert cfg.output.dir == str(tmp_path / "experiments" / "runs")
    assert (cfg.scorers[0].name, cfg.aggregation.min_quotes) == ("vader", 2)
    with pytest.raises(ConfigError, match="write KEY=VALUE"):
        load_config(path, ["scorers.0.name"])


def test_gold_folder_without_quotes(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    path = _write(tmp_path, "corpus: {path: bundled:demo}\nevaluation: {gold: gold}\n")
    with pytest.raises(ConfigError, match=r"evaluation\.gold: .*gold has no quotes\.jsonl"):
        load_config(path)


def test_scorer_names_follow_the_registry() -> None:
    from stancelab.scoring import register_scorer, unregister_scorer

    cfg = {"name": "x", "corpus": {"path": "p"}, "scorers": [{"name": "mine"}]}
    with pytest.raises(ValueError, match="unknown scorer 'mine'"):
        ExperimentConfig.model_validate(cfg)
    register_scorer("mine", lambda model=None, **kw: None)
    try:
        assert ExperimentConfig.model_validate(cfg).scorers[0].label == "mine"
    finally:
        unregister_scorer("mine")


def test_cli_run_fails_before_any_work(tmp_path: Path, capsys) -> None:
    from stancelab.cli import main

    path = _write(tmp_path, "corpus: {path: missing.jsonl}\noutput: {dir: runs}\n")
    assert main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert "corpus.path" in err and "does not exist" in err
    assert not (tmp_path / "runs").exists()
