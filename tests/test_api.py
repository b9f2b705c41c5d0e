"""The public API: a small, documented set of names, each with a running example."""

from __future__ import annotations

import inspect
import subprocess
import sys

import stancelab


def test_public_names() -> None:
    assert set(stancelab.__all__) == {
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
    }


def test_every_public_name_has_a_docstring_with_an_example() -> None:
    for name in stancelab.__all__:
        doc = inspect.getdoc(getattr(stancelab, name)) or ""
        assert "Example" in doc and ">>>" in doc, name


def test_public_functions_are_typed() -> None:
    for name in stancelab.__all__:
        obj = getattr(stancelab, name)
        if inspect.isfunction(obj):
            sig = inspect.signature(obj)
            assert sig.return_annotation is not inspect.Signature.empty, name
            for p in sig.parameters.values():
                if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                    assert p.annotation is not inspect.Parameter.empty, (name, p.name)


def test_import_is_light() -> None:
    """`import stancelab` loads neither torch, transformers, pandas nor ray."""
    code = "import sys, stancelab; print(sorted(m for m in ('torch', 'transformers', 'pandas', 'ray') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
