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

if TYPE_CHECKING:  # scoring imports torch lazily; keep `import stancelab` light
    from stancelab.scoring import StanceScore, score_quotes

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "AliasTable",
    "Article",
    "CorpusError",
    "Quote",
    "StanceScore",
    "extract_corpus",
    "extract_quotes",
    "load_alias_table",
    "load_corpus",
    "score_quotes",
]

_LAZY = {"score_quotes": "stancelab.scoring", "StanceScore": "stancelab.scoring"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'stancelab' has no attribute {name!r}")
