"""Shared fixtures: paths to the bundled and shared gold corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data" / "dev" / "articles.jsonl").exists():
        pytest.skip("../shared is not present")
    return SHARED
