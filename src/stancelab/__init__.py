"""stancelab: who says what about conflict, and how escalatory it is.

The public API is small; everything else is importable from its module
(``stancelab.quotes``, ``stancelab.actors``, ...) but not promised.

Example:
    >>> import stancelab
    >>> text = 'Defence Minister Ana Ruiz said: “We will not be intimidated.”'
    >>> [(q.speaker, q.quote) for q in stancelab.extract_quotes(text)]
    [('Ana Ruiz', 'We will not be intimidated.')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stancelab.actors import Actor, AliasTable, load_alias_table
from stancelab.corpus import Article, CorpusError, load_corpus
from stancelab.quotes import Quote, extract_corpus, extract_quotes

if TYPE_CHECKING:  # loaded on first use; keep `import stancelab` light
    from stancelab.config import ExperimentConfig, load_config
    from stancelab.experiments import Results, load_run, run_experiment
    from stancelab.scoring import StanceScore, score_quotes

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "AliasTable",
    "Article",
    "CorpusError",
    "ExperimentConfig",
    "Quote",
    "Results",
    "StanceScore",
    "extract_corpus",
    "extract_quotes",
    "load_alias_table",
    "load_config",
    "load_corpus",
    "load_run",
    "run_experiment",
    "score_quotes",
]

_LAZY = {
    "score_quotes": "stancelab.scoring",
    "StanceScore": "stancelab.scoring",
    "ExperimentConfig": "stancelab.config",
    "load_config": "stancelab.config",
    "Results": "stancelab.experiments",
    "load_run": "stancelab.experiments",
    "run_experiment": "stancelab.experiments",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'stancelab' has no attribute {name!r}")
