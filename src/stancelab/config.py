"""Experiment configs: YAML files validated at load, with errors that say where and how to fix.

An experiment is one YAML file under ``configs/experiments/`` that holds only
what differs from ``configs/base.yaml`` (the defaults, merged key by key;
lists replace). :func:`load_config` merges the two, validates the result
against :class:`ExperimentConfig` (unknown fields are refused), resolves
relative paths against the project root (the folder holding ``configs/``)
and checks that every file it names exists, so a bad config fails before any
work with a message such as::

    configs/experiments/x.yaml: scorers[0].name: unknown scorer 'bert';
    use one of: classifier, default, nli, prototypes, vader

The special path ``bundled:demo`` names the demo corpus shipped inside the
package (for ``corpus.path`` and ``evaluation.gold``).

Example:
    >>> cfg = ExperimentConfig.model_validate(
    ...     {"name": "x", "corpus": {"path": "bundled:demo"}, "scorers": [{"name": "vader"}]})
    >>> cfg.scorers[0].label, cfg.aggregation.time_bin
    ('vader', 'month')
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

__all__ = [
    "AggregationConfig",
    "CacheConfig",
    "ConfigError",
    "CorpusConfig",
    "EngineConfig",
    "EvaluationConfig",
    "ExperimentConfig",
    "ExtractionConfig",
    "OutputConfig",
    "ScorerConfig",
    "bundled_path",
    "load_config",
    "merge",
]

BUNDLED = "bundled:"
TIME_BINS = ("none", "day", "week", "month", "quarter", "year")


class ConfigError(ValueError):
    """A config that cannot be used; the message names the file, the field and the fix."""


def bundled_path(value: str | os.PathLike[str]) -> Path | None:
    """The folder of a ``bundled:NAME`` data set shipped in the package, else None.

    Example:
        >>> bundled_path("bundled:demo").name
        'demo'
        >>> bundled_path("data/articles.jsonl") is None
        True
    """
    text = str(value)
    if not text.startswith(BUNDLED):
        return None
    name = text[len(BUNDLED) :]
    if name != "demo":
        raise ValueError(f"unknown bundled data set {name!r}; the only one is 'bundled:demo'")
    from stancelab.corpus import demo_corpus_path

    return demo_corpus_path().parent


def _check_scorer(name: str) -> str:
    # the registry of stancelab.scoring (light: torch is imported only when a model loads),
    # so scorers registered with stancelab.scoring.register_scorer work in configs too
    from stancelab.scoring import available_scorers

    names = available_scorers()
    if name not in names:
        raise ValueError(f"unknown scorer {name!r}; use one of: {', '.join(names)}")
    return name


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CorpusConfig(_Strict):
    """Where the articles come from.

    Attributes:
        path: A JSONL, CSV or Parquet file, a folder of ``.txt``/``.md`` files,
            or ``bundled:demo``.
        format: ``jsonl``, ``csv``, ``parquet`` or ``dir``; None guesses from the path.
        on_error: ``raise`` stops at the first malformed record; ``skip`` leaves
            it out and counts it in the run summary.
    """

    path: str
    format: Literal["jsonl", "csv", "parquet", "dir"] | None = None
    on_error: Literal["raise", "skip"] = "raise"


class ExtractionConfig(_Strict):
    """Quote extraction options.

    Attributes:
        aliases: Alias table (YAML) that fixes canonical names and affiliations.
    """

    aliases: str | None = None


class ScorerConfig(_Strict):
    """One stance scorer to run on every quote.

    Attributes:
        name: A scorer of :func:`stancelab.scoring.available_scorers`.
        label: Column prefix in the outputs; defaults to ``name``. Two scorers
            with the same name (e.g. two NLI models) need different labels.
        model: Hub name or local path (``nli``, ``classifier``, ``prototypes``;
            a trained head folder for ``default``).
        batch_size: Texts per forward pass.
        options: Backend options (``hypotheses``, ``label_map``, ...).
    """

    name: str
    label: str | None = None
    model: str | None = None
    batch_size: int = Field(default=64, ge=1, le=4096)
    options: dict[str, Any] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _known(cls, v: str) -> str:
        return _check_scorer(v)

    @model_validator(mode="after")
    def _default_label(self) -> ScorerConfig:
        if self.label is None:
            object.__setattr__(self, "label", self.name)
        elif not self.label.replace("-", "_").isidentifier():
            raise ValueError(
                f"label {self.label!r} must be a simple name (letters, digits, _ or -), "
                "since it prefixes output columns"
            )
        return self


class AggregationConfig(_Strict):
    """How quotes are grouped into per-actor figures.

    Attributes:
        group_by: ``speaker`` and/or ``affiliation``.
        min_quotes: Actors with fewer quotes are left out of the charts (kept in the tables).
        time_bin: Bin of the time charts: none, day, week, month, quarter or year.
        bootstrap: Bootstrap resamples for the confidence intervals.
        confidence: Width of the intervals (0.95 = 95%).
        top_actors: Most-quoted actors drawn in the time and distribution charts.
    """

    group_by: list[Literal["speaker", "affiliation"]] = Field(
        default_factory=lambda: ["speaker", "affiliation"], min_length=1
    )
    min_quotes: int = Field(default=3, ge=1)
    time_bin: Literal["none", "day", "week", "month", "quarter", "year"] = "month"
    bootstrap: int = Field(default=2000, ge=100, le=100_000)
    confidence: float = Field(default=0.95, gt=0.5, lt=1.0)
    top_actors: int = Field(default=8, ge=1, le=30)


class EvaluationConfig(_Strict):
    """Evaluation against gold annotations (optional).

    Attributes:
        gold: Folder with the guidelines' ``quotes.jsonl`` (and ``articles.jsonl``),
            a ``quotes.jsonl`` file, or ``bundled:demo``; None for no evaluation.
        overlap: Span-overlap (Jaccard) threshold of the headline attribution figures.
        baselines: Scorers run beside the configured ones on the gold quotes.
        calibration_bins: Bins of the calibration error and the reliability diagram.
    """

    gold: str | None = None
    overlap: Literal[0.5, 0.8] = 0.8
    baselines: list[str] = Field(default_factory=lambda: ["vader", "prototypes"])
    calibration_bins: int = Field(default=10, ge=2, le=50)

    @field_validator("baselines")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        return [_check_scorer(name) for name in v]


class OutputConfig(_Strict):
    """Where runs are written.

    Attributes:
        dir: Runs go to ``dir/NAME/TIMESTAMP/``.
        formats: Figure formats (png, svg, pdf).
    """

    dir: str = "experiments/runs"
    formats: list[Literal["png", "svg", "pdf"]] = Field(
        default_factory=lambda: ["png", "svg"], min_length=1
    )


class CacheConfig(_Strict):
    """The score cache: scores are kept per (scorer, model, text) so re-runs do not score again.

    Attributes:
        enabled: Use the cache.
        dir: Cache folder (Parquet shards, one folder per scorer fingerprint).
    """

    enabled: bool = True
    dir: str = "experiments/cache"


class EngineConfig(_Strict):
    """Where the pipeline runs.

    Attributes:
        name: ``local`` (in this process) or ``ray`` (Ray Data: reading,
            extraction and scoring as distributed stages; needs ``stancelab[ray]``).
        address: Ray only: the cluster to join (``auto``, ``ray://HOST:10001``);
            None starts a local Ray for the run.
        num_cpus: Ray only, local Ray: CPUs to give it (default: all).
        actors: Ray only: scoring actors, each loading the model once
            (default: CPUs - 1, at least 1, so reads always have a CPU).
        cpus_per_actor: Ray only: CPUs reserved by each scoring actor.
        articles_per_task: Ray only: articles per extraction task.
    """

    name: Literal["local", "ray"] = "local"
    address: str | None = None
    num_cpus: int | None = Field(default=None, ge=1)
    actors: int | None = Field(default=None, ge=1)
    cpus_per_actor: float = Field(default=1.0, gt=0)
    articles_per_task: int = Field(default=500, ge=1)


class ExperimentConfig(_Strict):
    """A whole experiment (the merged base config and experiment file).

    Attributes:
        name: Experiment name (a file's stem when loaded from YAML); runs go to
            ``output.dir/NAME/``.
        description: One line for the report.
        seed: Seed of everything random (bootstrap intervals).
        corpus: See :class:`CorpusConfig`.
        extraction: See :class:`ExtractionConfig`.
        scorers: One or more scorers to compare (default: the ``default`` scorer);
            the first is the primary one (its columns are also written as plain
            ``stance`` / ``escalation_score``).
        aggregation: See :class:`AggregationConfig`.
        evaluation: See :class:`EvaluationConfig`.
        output: See :class:`OutputConfig`.
        cache: See :class:`CacheConfig`.
        engine: See :class:`EngineConfig`.

    Example:
        >>> cfg = ExperimentConfig(name="mine", corpus={"path": "articles.jsonl"})
        >>> cfg.scorers[0].name, cfg.aggregation.min_quotes, cfg.engine.name
        ('default', 3, 'local')
        >>> ExperimentConfig(corpus={"path": "a.jsonl"}, colour="red")
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for ExperimentConfig
        colour
          Extra inputs are not permitted ...
    """

    name: str = Field(default="experiment", pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    description: str = ""
    seed: int = 0
    corpus: CorpusConfig
    extraction: ExtractionConfig = Field(default_factory=ExtractionConfig)
    scorers: list[ScorerConfig] = Field(
        default_factory=lambda: [ScorerConfig(name="default")], min_length=1
    )
    aggregation: AggregationConfig = Field(default_factory=AggregationConfig)
    evaluation: EvaluationConfig = Field(default_factory=EvaluationConfig)
    output: OutputConfig = Field(default_factory=OutputConfig)
    cache: CacheConfig = Field(default_factory=CacheConfig)
    engine: EngineConfig = Field(default_factory=EngineConfig)

    @model_validator(mode="after")
    def _unique_labels(self) -> ExperimentConfig:
        seen: set[str] = set()
        for i, s in enumerate(self.scorers):
            if s.label in seen:
                raise ValueError(
                    f"scorers[{i}]: label {s.label!r} is used twice; give each scorer "
                    "its own `label:`"
                )
            seen.add(s.label or s.name)
        return self

    @property
    def primary(self) -> ScorerConfig:
        """The first scorer: the one the charts and the plain ``stance`` columns use."""
        return self.scorers[0]

    def to_yaml(self) -> str:
        """The resolved config as YAML (written as ``config.yaml`` in each run folder)."""
        return yaml.safe_dump(self.model_dump(mode="json"), sort_keys=False, allow_unicode=True)


# --------------------------------------------------------------------------- loading


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``override`` into ``base``: mappings key by key, everything else replaced.

    Example:
        >>> merge({"a": {"x": 1, "y": 2}, "l": [1]}, {"a": {"y": 3}, "l": [2]})
        {'a': {'x': 1, 'y': 3}, 'l': [2]}
    """
    out = copy.deepcopy(dict(base))
    for k, v in override.items():
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = merge(out[k], v)
        else:
            out[k] = copy.deepcopy(v)
    return out


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}: {where}invalid YAML ({problem}); fix the syntax") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: the top level must be a mapping of fields (name:, corpus:, scorers: ...), "
            f"not a {type(data).__name__}"
        )
    return data


def _loc(parts: Sequence[Any]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _has(data: Any, parts: Sequence[Any]) -> bool:
    for p in parts:
        if (isinstance(p, int) and isinstance(data, list) and p < len(data)) or (
            isinstance(data, Mapping) and p in data
        ):
            data = data[p]
        else:
            return False
    return True


def _model_at(parts: Sequence[Any]) -> type[BaseModel] | None:
    model: Any = ExperimentConfig
    for p in parts:
        if isinstance(p, int):
            continue
        field = model.model_fields.get(p) if isinstance(model, type) else None
        if field is None:
            return model if isinstance(model, type) else None
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        candidates = [ann, *args]
        model = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
        if model is None:
            return None
    return model


_MISSING_HINTS = {
    ("corpus", "path"): "a JSONL/CSV/Parquet file, a folder of .txt/.md files, or bundled:demo",
    ("corpus",): "corpus: {path: ...}",
    ("scorers",): "e.g. scorers: [{name: default}]",
    ("scorers", "name"): "one of the available scorers, e.g. default",
}


def _fix(err: Mapping[str, Any]) -> str:
    kind = err["type"]
    loc = [p for p in err["loc"]]
    if kind == "extra_forbidden":
        parent = _model_at(loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent else ""
        return f"unknown field; remove it or use one of: {allowed}"
    if kind == "missing":
        hint = _MISSING_HINTS.get(tuple(p for p in loc if not isinstance(p, int)), "")
        return "required field is missing; add it" + (f" ({hint})" if hint else "")
    msg = err["msg"].removeprefix("Value error, ")
    if kind.startswith("literal"):
        return msg.replace("Input should be", "use")
    return msg


def _format_errors(exc: ValidationError, files: Sequence[tuple[Path, dict[str, Any]]]) -> str:
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        # name the file that set the field (the experiment file wins over the base)
        where = files[-1][0]
        for path, data in reversed(files):
            if _has(data, loc):
                where = path
                break
        lines.append(f"{where}: {_loc(loc)}: {_fix(err)}")
    return "\n".join(lines)


def find_base(path: Path) -> Path | None:
    """The base config of an experiment file: ``base.yaml`` in its folder or the one above.

    Example:
        >>> find_base(Path("/nowhere/configs/experiments/x.yaml")) is None
        True
    """
    for folder in (path.parent, path.parent.parent):
        candidate = folder / "base.yaml"
        if candidate.is_file() and candidate.resolve() != path.resolve():
            return candidate
    return None


def _project_root(config_path: Path) -> Path:
    for parent in config_path.resolve().parents:
        if parent.name == "configs":
            return parent.parent
    return config_path.resolve().parent


def _parse_override(item: str) -> tuple[list[Any], Any]:
    key, sep, raw = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"override {item!r}: write KEY=VALUE, e.g. scorers.0.name=vader")
    parts: list[Any] = [int(p) if p.isdigit() else p for p in key.strip().split(".")]
    return parts, yaml.safe_load(raw)


def _set(data: dict[str, Any], parts: list[Any], value: Any, item: str) -> None:
    cur: Any = data
    for i, p in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(p, int):
            if not isinstance(cur, list) or p >= len(cur):
                raise ConfigError(f"override {item!r}: {_loc(parts[: i + 1])} does not exist")
            if last:
                cur[p] = value
            else:
                cur = cur[p]
        else:
            if not isinstance(cur, dict):
                raise ConfigError(f"override {item!r}: {_loc(parts[:i])} is not a mapping")
            if last:
                cur[p] = value
            else:
                cur = cur.setdefault(p, {})


def _resolve(value: str | None, root: Path) -> str | None:
    if value is None or value.startswith(BUNDLED):
        return value
    p = Path(value).expanduser()
    return str(p if p.is_absolute() else (root / p))


def load_config(
    path: str | os.PathLike[str],
    overrides: Iterable[str] = (),
    *,
    base: str | os.PathLike[str] | None = None,
    check_paths: bool = True,
) -> ExperimentConfig:
    """Load, merge and validate an experiment config.

    Args:
        path: The experiment YAML file (``configs/experiments/NAME.yaml``).
        overrides: ``KEY=VALUE`` items applied last (``scorers.0.name=vader``,
            ``aggregation.min_quotes=2``); values are parsed as YAML.
        base: The base config; by default ``base.yaml`` next to the file or in
            the folder above (``configs/base.yaml``), if any.
        check_paths: Check that the corpus, gold and alias files exist.

    Returns:
        The validated config, with relative paths resolved against the project
        root (the folder that holds ``configs/``) and ``name`` defaulting to
        the file stem.

    Raises:
        ConfigError: The message names the file, the field and the fix.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "x.yaml").write_text("corpus: {path: bundled:demo}\\nscorers: [{name: vadr}]\\n")
        >>> load_config(d / "x.yaml")
        Traceback (most recent call last):
        ...
        stancelab.config.ConfigError: .../x.yaml: scorers[0].name: unknown scorer 'vadr'; use one of: classifier, default, nli, prototypes, vader
    """
    path = Path(path)
    base_path = Path(base) if base is not None else find_base(path)
    files: list[tuple[Path, dict[str, Any]]] = []
    if base_path is not None:
        files.append((base_path, _read_yaml(base_path)))
    files.append((path, _read_yaml(path)))
    data: dict[str, Any] = {}
    for _, d in files:
        data = merge(data, d)
    if data.get("name") is None:
        data["name"] = path.stem
    for item in overrides:
        parts, value = _parse_override(item)
        _set(data, parts, value, item)
    try:
        cfg = ExperimentConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_errors(exc, files)) from None

    root = _project_root(path)
    cfg = cfg.model_copy(
        update={
            "corpus": cfg.corpus.model_copy(update={"path": _resolve(cfg.corpus.path, root)}),
            "extraction": cfg.extraction.model_copy(
                update={"aliases": _resolve(cfg.extraction.aliases, root)}
            ),
            "evaluation": cfg.evaluation.model_copy(
                update={"gold": _resolve(cfg.evaluation.gold, root)}
            ),
            "output": cfg.output.model_copy(update={"dir": _resolve(cfg.output.dir, root)}),
            "cache": cfg.cache.model_copy(update={"dir": _resolve(cfg.cache.dir, root)}),
            "scorers": [
                s.model_copy(update={"model": _resolve(s.model, root)})
                if s.model and s.model.startswith((".", "/", "~"))
                else s
                for s in cfg.scorers
            ],
        }
    )
    if check_paths:
        check_config_paths(cfg, files, root)
    return cfg


def _where(files: Sequence[tuple[Path, dict[str, Any]]], parts: Sequence[Any]) -> Path:
    for path, data in reversed(files):
        if _has(data, parts):
            return path
    return files[-1][0] if files else Path("<config>")


def check_config_paths(
    cfg: ExperimentConfig,
    files: Sequence[tuple[Path, dict[str, Any]]] = (),
    root: Path | None = None,
) -> None:
    """Check that the files a config names exist (before any work starts).

    Raises:
        ConfigError: Naming the file, the field, the resolved path and the fix.
    """
    hint = f" (relative paths are resolved against {root})" if root else ""
    checks: list[tuple[list[Any], str | None, str]] = [
        (
            ["corpus", "path"],
            cfg.corpus.path,
            "point it at a JSONL/CSV/Parquet file or a folder of .txt/.md files, "
            "or use bundled:demo",
        ),
        (["extraction", "aliases"], cfg.extraction.aliases, "point it at an alias YAML file"),
        (
            ["evaluation", "gold"],
            cfg.evaluation.gold,
            "point it at a gold folder with quotes.jsonl, or use bundled:demo",
        ),
    ]
    for parts, value, fix in checks:
        if value is None:
            continue
        where = _where(files, parts)
        try:
            bundled = bundled_path(value)
        except ValueError as exc:
            raise ConfigError(f"{where}: {_loc(parts)}: {exc}") from None
        if bundled is not None:
            continue
        if not Path(value).exists():
            raise ConfigError(f"{where}: {_loc(parts)}: {value} does not exist{hint}; {fix}")
    gold = cfg.evaluation.gold
    if gold and bundled_path(gold) is None:
        g = Path(gold)
        if g.is_dir() and not (g / "quotes.jsonl").is_file():
            raise ConfigError(
                f"{_where(files, ['evaluation', 'gold'])}: evaluation.gold: {g} has no "
                "quotes.jsonl; point it at a gold folder in the annotation guidelines' format"
            )
    for i, s in enumerate(cfg.scorers):
        if s.model and s.model.startswith("/") and not Path(s.model).exists():
            raise ConfigError(
                f"{_where(files, ['scorers', i, 'model'])}: scorers[{i}].model: {s.model} does "
                "not exist; give a local model folder or a hub name"
            )
