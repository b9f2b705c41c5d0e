"""The Ray Data engine: the same pipeline as the local engine, on one machine or a cluster.

``engine: {name: ray}`` in an experiment config (or ``stancelab run --engine
ray``) runs the heavy stages as Ray Data stages:

1. **read**: ``ray.data.read_json`` / ``read_parquet`` / ``read_csv`` stream the
   corpus; each record is validated by the same rules as
   :func:`stancelab.corpus.load_corpus`;
2. **corpus context**: each block of articles yields mergeable counts
   (capitalised words, states, organisations) that the driver sums into the
   context the local engine learns from the whole corpus;
3. **extraction**: a plain batch function, one task per block of articles;
4. **canonical actors**: a second pass over the extracted quotes on the
   driver (it needs every quote of the corpus), so actors equal the local
   engine's;
5. **scoring**: a callable class in an actor pool
   (``map_batches(..., compute=ActorPoolStrategy(size=N))``): each actor loads
   the model once and scores whole chunks of distinct texts, the same chunks
   the local engine scores, so the numbers are the same. Every scored chunk is
   written as a Parquet shard in the score cache as soon as it is done; shards
   already written are skipped when a run is started again. Extracted blocks are
   kept as Parquet shards too (``cache.dir/extract/CONTEXT/``), so a re-run of the
   same corpus extracts only the blocks that were not finished.

Sizing rule (ray issue 44687): on a small machine, an actor pool that
reserves every CPU starves Ray Data's read tasks and the run deadlocks. The
pool therefore reserves at most ``CPUs - 1`` (``actors * cpus_per_actor``), so
reads and extraction always have a CPU; a config that asks for more fails
before any work with the numbers and the fix. This module is the only one
that imports Ray, and only when the ray engine is chosen.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stancelab.config import ConfigError, EngineConfig, ExperimentConfig, ScorerConfig, bundled_path

if TYPE_CHECKING:
    from stancelab.quotes import Quote

__all__ = ["RAY_HINT", "plan_actors", "ray_extract", "ray_score_texts", "ray_session"]

RAY_HINT = "the ray engine needs Ray Data: pip install 'stancelab[ray]' (or set engine.name: local)"


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ImportError(f"{RAY_HINT} ({exc})") from None
    return ray


def plan_actors(engine: EngineConfig, total_cpus: float) -> tuple[int, float]:
    """Scoring actors and CPUs per actor for a cluster of ``total_cpus``.

    The pool reserves at most ``total_cpus - 1`` so that read and extraction
    tasks always find a CPU (on 2 CPUs: one actor); a single-CPU cluster gets
    one actor of half a CPU.

    Raises:
        ConfigError: ``engine.actors`` and ``engine.cpus_per_actor`` ask for every CPU.

    Example:
        >>> plan_actors(EngineConfig(name="ray"), 2)
        (1, 1.0)
        >>> plan_actors(EngineConfig(name="ray"), 16)
        (15, 1.0)
        >>> plan_actors(EngineConfig(name="ray", actors=2), 2)
        Traceback (most recent call last):
        ...
        stancelab.config.ConfigError: engine.actors: 2 actors x 1.0 CPU would reserve 2.0 of the cluster's 2 CPUs and leave none for reading (Ray Data deadlocks, ray issue 44687); use at most 1 actor(s) or lower engine.cpus_per_actor
    """
    cpa = engine.cpus_per_actor
    if total_cpus < 2:
        cpa = min(cpa, total_cpus / 2)
    room = max(total_cpus - 1, total_cpus / 2)
    if engine.actors is not None:
        if engine.actors * cpa > room + 1e-9:
            most = max(1, math.floor(room / cpa))
            raise ConfigError(
                f"engine.actors: {engine.actors} actors x {cpa} CPU would reserve "
                f"{engine.actors * cpa} of the cluster's {total_cpus:g} CPUs and leave none for "
                f"reading (Ray Data deadlocks, ray issue 44687); use at most {most} actor(s) or "
                "lower engine.cpus_per_actor"
            )
        return engine.actors, cpa
    return max(1, math.floor(room / cpa + 1e-9)), cpa


@contextlib.contextmanager
def ray_session(engine: EngineConfig, progress: bool = False) -> Iterator[Any]:
    """Join ``engine.address`` or start a local Ray for the block (shut down after it)."""
    ray = _import_ray()
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": progress,
            "configure_logging": progress,
        }
        if engine.address:
            ray.init(address=engine.address, **kwargs)
        else:
            # a local Ray must be able to import stancelab in its workers
            src = str(Path(__file__).resolve().parents[1])
            env = {
                "env_vars": {
                    "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
                }
            }
            ray.init(num_cpus=engine.num_cpus, runtime_env=env, **kwargs)
        started = True
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # results in corpus order, as the local engine
    ctx.enable_progress_bars = progress
    ctx.print_on_execution_start = progress
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


# --------------------------------------------------------------------------- reading


def _read(cfg: ExperimentConfig) -> Any:
    import ray.data

    folder = bundled_path(cfg.corpus.path)
    path = folder / "articles.jsonl" if folder is not None else Path(cfg.corpus.path)
    fmt = cfg.corpus.format
    if fmt is None:
        name = path.name.lower()
        fmt = (
            "dir"
            if path.is_dir()
            else "parquet"
            if name.endswith(".parquet")
            else "csv"
            if name.endswith((".csv", ".csv.gz"))
            else "jsonl"
        )
    if fmt == "dir":  # small files: read on the driver, as the local engine does
        from stancelab.corpus import load_corpus

        arts = load_corpus(path, "dir", on_error=cfg.corpus.on_error)
        return ray.data.from_items([{**a.to_dict(), "_n": i} for i, a in enumerate(arts)]), str(
            path
        )
    reader = {
        "jsonl": ray.data.read_json,
        "parquet": ray.data.read_parquet,
        "csv": ray.data.read_csv,
    }[fmt]
    kwargs: dict[str, Any] = {"lines": True} if fmt == "jsonl" else {}
    return reader(str(path), **kwargs), str(path)


def _validate_batch(batch: Any, source: str) -> Any:
    """Raw records -> article rows, or error rows (``_error``), with the local engine's rules."""
    import pandas as pd

    from stancelab.corpus import CorpusError, article_from_record

    rows = []
    for rec in batch.to_dict("records"):
        rec = {k: (None if _is_missing(v) else v) for k, v in rec.items() if k != "_n"}
        try:
            a = article_from_record(rec, source)
            rows.append(
                {
                    "id": a.id,
                    "text": a.text,
                    "title": a.title,
                    "date": a.date,
                    "source": a.source,
                    "_error": None,
                }
            )
        except CorpusError as err:
            rows.append(
                {
                    "id": None,
                    "text": None,
                    "title": None,
                    "date": None,
                    "source": None,
                    "_error": str(err),
                }
            )
    return pd.DataFrame(rows, columns=["id", "text", "title", "date", "source", "_error"])


def _is_missing(v: Any) -> bool:
    try:
        return v is None or (isinstance(v, float) and math.isnan(v))
    except TypeError:
        return False


# --------------------------------------------------------------------------- extraction


def _stats_batch(batch: Any) -> Any:
    import pandas as pd

    from stancelab.quotes import corpus_stats

    texts = [t for t in batch["text"] if isinstance(t, str)]
    # JSON keeps the dicts as they are (and their order); Arrow would make them structs
    return pd.DataFrame({"stats": [json.dumps(corpus_stats(texts), ensure_ascii=False)]})


_CONTEXTS: dict[str, Any] = {}


def _extract_batch(batch: Any, context_ref: Any, shard_dir: str | None) -> Any:
    """Quotes of one block of articles; with ``shard_dir``, read from or written to a shard.

    A shard is named by the block's article ids and lives in a folder named by
    the corpus context, so a re-run of the same corpus skips the blocks already
    extracted, and a changed corpus (hence context) never reuses them.
    """
    import hashlib

    import pandas as pd
    import ray

    from stancelab.quotes import extract_articles

    ok = batch[batch["_error"].isna()]
    shard = None
    if shard_dir is not None:
        ids = "\n".join(map(str, ok["id"])).encode("utf-8", "surrogatepass")
        shard = Path(shard_dir) / f"{hashlib.sha256(ids).hexdigest()[:24]}.parquet"
        if shard.is_file():
            with contextlib.suppress(Exception):  # a damaged shard is extracted again
                return pd.read_parquet(shard)
    key = context_ref.hex()
    if key not in _CONTEXTS:  # once per worker process
        _CONTEXTS.clear()
        _CONTEXTS[key] = ray.get(context_ref)
    quotes = extract_articles(list(zip(ok["id"], ok["text"], strict=True)), _CONTEXTS[key])
    frame = (
        pd.DataFrame([q.to_dict() for q in quotes])
        if quotes
        else pd.DataFrame({"article_id": pd.Series(dtype=object)})
    )
    if shard is not None:
        shard.parent.mkdir(parents=True, exist_ok=True)
        tmp = shard.with_suffix(f".tmp{os.getpid()}")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, shard)
    return frame


def ray_extract(
    cfg: ExperimentConfig, aliases: Any = None
) -> tuple[list[Quote], dict[str, tuple[Any, Any, Any]], int, list[dict[str, Any]]]:
    """Read, validate and extract a corpus on Ray (inside :func:`ray_session`).

    Returns:
        ``(quotes, meta, n_articles, errors)``: the canonicalised quotes in
        corpus order, ``{article_id: (title, date, source)}``, the number of
        valid articles, and the failed records (``on_error: skip``).

    Raises:
        CorpusError: A bad record (``on_error: raise``), duplicate ids, or no articles.
    """
    import ray

    from stancelab.actors import canonicalize
    from stancelab.corpus import CorpusError
    from stancelab.quotes import Quote, context_from_stats

    ds, source = _read(cfg)
    per_task = cfg.engine.articles_per_task
    articles = ds.map_batches(
        _validate_batch, fn_kwargs={"source": source}, batch_format="pandas", batch_size=per_task
    ).materialize()
    meta_rows = articles.select_columns(["id", "title", "date", "source", "_error"]).to_pandas()
    bad = meta_rows[meta_rows["_error"].notna()]
    errors = [{"file": source, "line": None, "error": e} for e in bad["_error"]]
    if errors and cfg.corpus.on_error == "raise":
        raise CorpusError(source, errors[0]["error"].split(": ", 1)[-1])
    good = meta_rows[meta_rows["_error"].isna()]
    if good.empty:
        raise CorpusError(
            source,
            "no valid articles" + (f" (first problem: {errors[0]['error']})" if errors else ""),
        )
    dups = good["id"][good["id"].duplicated()]
    if len(dups):
        raise CorpusError(source, f"duplicate article id {dups.iloc[0]!r}; ids must be unique")
    meta = {r.id: (r.title, r.date, r.source) for r in good.itertuples()}

    stats = articles.map_batches(
        _stats_batch, batch_format="pandas", batch_size=per_task
    ).take_all()
    parts = [json.loads(r["stats"]) for r in stats]
    context_ref = ray.put(context_from_stats(parts))
    shard_dir = None
    if cfg.cache.enabled:  # extracted blocks as Parquet shards, skipped on a re-run
        import hashlib

        from stancelab import __version__

        # named by the merged context, which does not depend on where blocks were cut
        merged: dict[str, Any] = {"words": {}, "orgs": {}, "states": set(), "adjectival": set()}
        for p in parts:
            for key in ("words", "orgs"):
                for w, n in p[key].items():
                    merged[key][w] = merged[key].get(w, 0) + n
            merged["states"].update(p["states"])
            merged["adjectival"].update(p["adjectival"])
        canon = {
            k: sorted(v.items()) if isinstance(v, dict) else sorted(v) for k, v in merged.items()
        }
        digest = hashlib.sha256(json.dumps([__version__, canon]).encode("utf-8", "surrogatepass"))
        shard_dir = str(Path(cfg.cache.dir) / "extract" / digest.hexdigest()[:16])
    extracted = articles.map_batches(
        _extract_batch,
        fn_kwargs={"context_ref": context_ref, "shard_dir": shard_dir},
        batch_format="pandas",
        batch_size=per_task,
    ).to_pandas()
    fields = set(Quote.__dataclass_fields__)
    quotes = [
        Quote(**{k: (None if _is_missing(v) else v) for k, v in rec.items() if k in fields})
        for rec in extracted.to_dict("records")
        if isinstance(rec.get("article_id"), str)
    ]
    for q in quotes:
        q.start, q.end = int(q.start), int(q.end)
        if q.mention_start is not None:
            q.mention_start, q.mention_end = int(q.mention_start), int(q.mention_end)
    canonicalize(quotes, aliases)
    return quotes, meta, len(good), errors


# --------------------------------------------------------------------------- scoring


class _ChunkScorer:
    """An actor: loads the scorer once, scores whole chunks, writes each as a cache shard."""

    def __init__(self, spec: dict[str, Any], cache_dir: str | None) -> None:
        from stancelab.scoring import get_scorer, scorer_fingerprint

        self.spec = ScorerConfig.model_validate(spec)
        self.scorer = get_scorer(self.spec.name, model=self.spec.model, **self.spec.options)
        self.cache_dir = cache_dir
        self.fingerprint = scorer_fingerprint(self.spec.name, self.spec.model, **self.spec.options)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import json

        from stancelab.experiments import ScoreCache, _score_fields

        out = []
        for texts_json in batch["texts"]:
            texts = json.loads(texts_json)
            results = self.scorer.score(texts, batch_size=self.spec.batch_size)
            scored = {t: _score_fields(s) for t, s in zip(texts, results, strict=True)}
            if self.cache_dir is not None:
                ScoreCache(self.cache_dir, self.fingerprint).add(scored)
            out.append(json.dumps([scored[t] for t in texts]))
        return {"scores": out}


def ray_score_texts(
    texts: Sequence[str],
    spec: ScorerConfig,
    cache_dir: str | None,
    engine: EngineConfig,
    *,
    chunk: int = 512,
) -> list[dict[str, Any]]:
    """Score texts on a Ray actor pool, chunk for chunk as the local engine (inside :func:`ray_session`)."""
    import json

    import ray
    import ray.data

    from stancelab.experiments import plan_chunks

    known, todo, _ = plan_chunks(texts, spec, cache_dir, chunk)
    if todo:
        n_actors, cpa = plan_actors(engine, ray.cluster_resources().get("CPU", 1))
        ds = ray.data.from_items([{"texts": json.dumps(p)} for p in todo])
        scored = ds.map_batches(
            _ChunkScorer,
            fn_constructor_kwargs={"spec": spec.model_dump(), "cache_dir": cache_dir},
            compute=ray.data.ActorPoolStrategy(size=min(n_actors, len(todo))),
            num_cpus=cpa,
            batch_size=1,
        ).take_all()
        for part, row in zip(todo, scored, strict=True):
            for t, fields in zip(part, json.loads(row["scores"]), strict=True):
                known.setdefault(t, fields)  # cached texts keep their cached scores
    return [known[t] for t in texts]
