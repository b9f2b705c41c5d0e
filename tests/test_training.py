"""Training the stance head: config, data loading, calibration, determinism, shipped files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from stancelab.scoring import BASE_MODEL_SHA256, LABELS, file_sha256, load_head
from stancelab.training import (
    TrainConfig,
    TrainingDataError,
    find_overlaps,
    fit_temperature,
    load_config,
    load_training_set,
    normalize_text,
    train,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "stancelab" / "data"


def test_config_rejects_unknown_keys(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        TrainConfig.model_validate({"seed": 1, "learning_rate": 0.1})
    with pytest.raises(ValidationError):
        TrainConfig.model_validate({"finetune": {"enabled": True, "rnak": 4}})
    p = tmp_path / "c.yaml"
    p.write_text("seed: 3\nhead:\n  C: 2.0\n")
    cfg, root = load_config(p)
    assert cfg.seed == 3 and cfg.head.C == [2.0]
    assert root == Path.cwd() or (root / "pyproject.toml").is_file()


def test_shipped_config_is_valid() -> None:
    cfg, root = load_config(ROOT / "configs" / "train.yaml")
    assert root == ROOT
    assert cfg.output_dir == "src/stancelab/data"


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_load_training_set_validates_and_dedups(tmp_path: Path) -> None:
    _jsonl(
        tmp_path / "a.jsonl",
        [
            {"text": "We will strike.", "stance": "escalation", "category": "threat"},
            {"text": "we WILL strike!", "stance": "escalation"},
            {"text": "Let us talk.", "stance": "de-escalation"},
        ],
    )
    _jsonl(tmp_path / "b.jsonl", [{"text": "The vote is on Monday.", "stance": "neutral"}])
    rows, report = load_training_set(["*.jsonl"], root=tmp_path)
    assert [r.stance for r in rows] == ["escalation", "de-escalation", "neutral"]
    assert report["duplicates_dropped"] == 1 and report["n"] == 3
    assert rows[0].category == "threat" and rows[2].source == "b.jsonl"


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"text": "x", "stance": "angry"}', "bad.jsonl:2: stance 'angry'"),
        ('{"text": "", "stance": "neutral"}', "bad.jsonl:2: missing or empty 'text'"),
        ("{oops", "bad.jsonl:2: not valid JSON"),
    ],
)
def test_load_training_set_errors(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "bad.jsonl").write_text('{"text": "ok", "stance": "neutral"}\n' + line + "\n")
    with pytest.raises(TrainingDataError, match=message):
        load_training_set([tmp_path / "bad.jsonl"])


def test_find_overlaps() -> None:
    refs = ["We will never negotiate with them about the islands", "closely monitoring"]
    texts = [
        "We will NEVER negotiate with them about the islands!",  # exact after normalising
        "we will never negotiate with them about these islands",  # near duplicate
        "Closely monitoring.",  # exact short fragment
        "As the minister said, we will never negotiate with them about the islands, ever.",
        "A completely different sentence about fishing quotas.",
    ]
    hits = {(i, j) for i, j, _ in find_overlaps(texts, refs)}
    assert hits == {(0, 0), (1, 0), (2, 1), (3, 0)}
    assert normalize_text("Ça va, “Ilse”?") == "ca va ilse"


def test_fit_temperature_recovers_overconfidence() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, size=600)
    logits = rng.normal(size=(600, 3))
    logits[np.arange(600), y] += 1.0
    t = fit_temperature(logits * 4.0, y)  # logits made 4x too confident
    assert 3.0 < t < 5.5
    assert fit_temperature(logits, y) == pytest.approx(1.0, abs=0.35)


def test_too_few_statements(tmp_path: Path) -> None:
    _jsonl(tmp_path / "t.jsonl", [{"text": "Let us talk.", "stance": "de-escalation"}])
    cfg = {"data": {"paths": ["t.jsonl"], "min_statements": 10}, "report_gold": None}
    with pytest.raises(TrainingDataError, match="at least 10"):
        train(cfg, root=tmp_path)


def _tiny_training_set(folder: Path) -> None:
    subjects = ["the army", "our navy", "the ministry", "the rebels", "the government", "we"]
    rows = []
    for i, s in enumerate(subjects):
        rows += [
            {"text": f"If they attack, {s} will strike back hard ({i}).", "stance": "escalation"},
            {"text": f"{s} accuse them of lying about the attack {i}.", "stance": "escalation"},
            {"text": f"{s} are ready to talk and sign a truce {i}.", "stance": "de-escalation"},
            {"text": f"{s} welcome the ceasefire and urge calm {i}.", "stance": "de-escalation"},
            {"text": f"The meeting with {s} is on day {i} at ten.", "stance": "neutral"},
            {"text": f"{s} published figures for year {2000 + i}.", "stance": "neutral"},
        ]
    _jsonl(folder / "train.jsonl", rows)


@pytest.mark.slow
def test_training_is_deterministic(tmp_path: Path) -> None:
    """Same config twice -> byte-identical head, adapter, lexical head and metadata files."""
    _tiny_training_set(tmp_path)
    outputs = []
    for run in ("a", "b"):
        cfg = {
            "seed": 7,
            "output_dir": f"out_{run}",
            "data": {"paths": ["train.jsonl"], "min_statements": 30},
            "head": {"C": [1.0, 10.0], "lexical": {"enabled": True, "min_df": 1}},
            "calibration": {"heldout_fraction": 0.25},
            "finetune": {"enabled": True, "epochs": 1, "batch_size": 12, "max_length": 24},
            "report_gold": None,
            "report_plover": None,
        }
        metrics = train(cfg, root=tmp_path)
        assert metrics["statements"] == 36 and metrics["finetuned"]
        outputs.append(tmp_path / f"out_{run}")
    names = sorted(p.name for p in outputs[0].iterdir())
    assert names == [
        "stance_adapter.safetensors",
        "stance_head.json",
        "stance_head.safetensors",
        "stance_lexical.safetensors",
    ]
    for name in names:
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes(), name
    head = load_head(outputs[0])
    assert head["weight"].shape == (3, 384) and head["temperature"] > 0
    assert head["adapter"]["type"] == "lora"


@pytest.mark.slow
def test_finetune_paths_keep_the_encoder_and_teach_the_heads(tmp_path: Path) -> None:
    """finetune.paths: the adapter is tuned on those files only (byte-identical to a run
    on them alone), while the heads fit on every file of data.paths."""
    _tiny_training_set(tmp_path)
    extra = [
        {"text": f"We will publish the figures on day {i}.", "stance": "neutral"} for i in range(8)
    ]
    _jsonl(tmp_path / "extra.jsonl", extra)
    common = {
        "seed": 7,
        "head": {"C": [1.0], "lexical": {"enabled": True, "min_df": 1}},
        "calibration": {"heldout_fraction": 0.25},
        "report_gold": None,
        "report_plover": None,
    }
    tune = {"enabled": True, "epochs": 1, "batch_size": 12, "max_length": 24}
    only = train(
        {
            **common,
            "output_dir": "only",
            "data": {"paths": ["train.jsonl"], "min_statements": 30},
            "finetune": tune,
        },
        root=tmp_path,
    )
    both = train(
        {
            **common,
            "output_dir": "both",
            "data": {"paths": ["train.jsonl", "extra.jsonl"], "min_statements": 30},
            "finetune": {**tune, "paths": ["train.jsonl"]},
        },
        root=tmp_path,
    )
    assert (only["statements"], both["statements"]) == (36, 44)
    adapter = "stance_adapter.safetensors"
    assert (tmp_path / "only" / adapter).read_bytes() == (tmp_path / "both" / adapter).read_bytes()
    for name in ("stance_head.safetensors", "stance_lexical.safetensors"):
        assert (tmp_path / "only" / name).read_bytes() != (tmp_path / "both" / name).read_bytes()


@pytest.mark.slow
def test_seed_soup_stored_as_int8(tmp_path: Path) -> None:
    """soup_seeds average adapters of several seeds; int8 storage loads back as trained."""
    from safetensors.torch import load_file

    from stancelab.scoring import get_scorer

    _tiny_training_set(tmp_path)
    cfg = {
        "seed": 7,
        "output_dir": "out",
        "data": {"paths": ["train.jsonl"], "min_statements": 30},
        "head": {"C": [1.0]},
        "calibration": {"heldout_fraction": 0.25},
        "finetune": {
            "enabled": True,
            "rank": 4,
            "alpha": 8,
            "epochs": 1,
            "batch_size": 12,
            "max_length": 24,
            "soup_seeds": [8, 9],
            "storage_dtype": "int8",
        },
        "report_gold": None,
        "report_plover": None,
    }
    train(cfg, root=tmp_path)
    stored = load_file(str(tmp_path / "out" / "stance_adapter.safetensors"))
    factors = {k: v for k, v in stored.items() if not k.endswith(".scale")}
    assert factors and all(v.dtype.is_floating_point is False for v in factors.values())
    assert all(f"{k}.scale" in stored for k in factors)
    head = load_head(tmp_path / "out")
    assert head["adapter"]["rank"] == 4 and head["adapter"]["alpha"] == 4.0
    assert head["meta"]["training"]["config"]["finetune"]["soup_seeds"] == [8, 9]
    # the default scorer loads and merges the int8 adapter
    scores = get_scorer("default", model=tmp_path / "out").score(["They will pay for this."])
    assert scores[0].stance in LABELS


def test_shipped_head_files() -> None:
    head = load_head()
    meta = head["meta"]
    assert tuple(meta["labels"]) == LABELS
    assert meta["base_model"]["sha256"] == BASE_MODEL_SHA256
    assert head["weight"].shape == (3, 384) and head["bias"].shape == (3,)
    assert 0.05 < head["temperature"] < 20
    assert file_sha256(DATA / "stance_head.safetensors") == meta["head_sha256"]
    assert meta["training"]["statements"] >= 1500
    if meta["adapter"]:
        adapter = DATA / meta["adapter"]["file"]
        assert file_sha256(adapter) == meta["adapter"]["sha256"]
    if meta.get("lexical"):
        assert file_sha256(DATA / meta["lexical"]["file"]) == meta["lexical"]["sha256"]
        assert 0.0 <= head["lexical"]["weight"] < 1.0
    shipped = sum(p.stat().st_size for p in DATA.glob("stance_*"))
    assert shipped < 10 * 1024 * 1024
    assert not list(DATA.glob("*.pkl")) and not list(DATA.glob("*.pickle"))


@pytest.mark.slow
@pytest.mark.parametrize("lexical", [False, True])
def test_temperature_fit_on_statements_never_trained_on(tmp_path: Path, lexical: bool) -> None:
    """calibration.temperature_data: T (and the lexical weight) from another held-out set."""
    _tiny_training_set(tmp_path)
    shifted = [
        {
            "text": "Nobody should doubt our resolve, though we prefer quiet.",
            "stance": "escalation",
        },
        {"text": "Let the envoys meet, whatever was said before.", "stance": "de-escalation"},
        {"text": "The count of displaced people rose to nine hundred.", "stance": "neutral"},
        {"text": "They will regret crossing that line.", "stance": "escalation"},
        {"text": "We are studying the proposal in good faith.", "stance": "de-escalation"},
        {"text": "Flights resume on Monday at noon.", "stance": "neutral"},
    ]
    _jsonl(tmp_path / "shift.jsonl", shifted)
    cfg = {
        "seed": 7,
        "output_dir": "out",
        "data": {"paths": ["train.jsonl"], "min_statements": 30},
        "head": {"C": [1.0], "lexical": {"enabled": lexical, "min_df": 1}},
        "calibration": {"heldout_fraction": 0.25, "temperature_data": ["shift.jsonl"]},
        "finetune": {"enabled": False},
        "report_gold": None,
        "report_plover": None,
    }
    metrics = train(cfg, root=tmp_path)
    shift = metrics["temperature_data"]
    assert shift["statements"] == 6
    assert metrics["temperature"] != shift["split_temperature"]
    assert load_head(tmp_path / "out")["temperature"] == metrics["temperature"]
    if lexical:  # the weight is chosen on the shifted set, with the temperature
        assert shift["pooling_weight"] == metrics["lexical_weight"]
        assert (
            min(shift["pooling_nll"].values()) == shift["pooling_nll"][str(shift["pooling_weight"])]
        )
    else:
        assert shift["pooling_weight"] == 0.0 and shift["pooling_nll"] is None
    # the set must be new to the model
    _jsonl(
        tmp_path / "shift.jsonl",
        [*shifted, {"text": "The meeting with we is on day 5 at ten.", "stance": "neutral"}],
    )
    with pytest.raises(TrainingDataError, match="also training statements"):
        train(cfg, root=tmp_path)


def test_lexical_head_is_fit_and_pooled(tmp_path: Path) -> None:
    """head.lexical: a word n-gram head is written beside the head and pooled at a chosen weight."""
    _tiny_training_set(tmp_path)
    cfg = {
        "seed": 7,
        "output_dir": "out",
        "data": {"paths": ["train.jsonl"], "min_statements": 30},
        "head": {"C": [1.0], "lexical": {"enabled": True, "min_df": 1, "C": [1.0, 10.0]}},
        "calibration": {"heldout_fraction": 0.25},
        "finetune": {"enabled": False},
        "report_gold": None,
        "report_plover": None,
    }
    metrics = train(cfg, root=tmp_path)
    out = tmp_path / "out"
    assert (out / "stance_lexical.safetensors").is_file()
    head = load_head(out)
    info = head["meta"]["lexical"]
    assert info["weight"] == metrics["lexical_weight"] == head["lexical"]["weight"]
    assert info["weight"] in TrainConfig().head.lexical.weights
    assert info["C"] in (1.0, 10.0) and info["terms"] == len(head["lexical"]["head"].terms)
    pooling = head["meta"]["training"]["lexical"]["pooling_nll"]
    assert set(pooling) == {str(w) for w in TrainConfig().head.lexical.weights}
    assert min(pooling.values()) == pooling[str(info["weight"])]
    # switching it off removes the stale file, so the folder never mixes two trainings
    cfg["head"]["lexical"]["enabled"] = False
    metrics = train(cfg, root=tmp_path)
    assert metrics["lexical_weight"] is None
    assert not (out / "stance_lexical.safetensors").exists()
    assert load_head(out)["lexical"] is None


def test_lexical_config_is_validated() -> None:
    with pytest.raises(ValueError, match="weights"):
        TrainConfig.model_validate({"head": {"lexical": {"weights": [0.5, 1.0]}}})
    assert TrainConfig.model_validate({"head": {"lexical": {"C": 3}}}).head.lexical.C == [3.0]
