"""Shared fixtures: paths to the bundled and shared gold corpora; tiny Hugging Face models.

There is no hub here, so the hub-loading code paths of ``stancelab.scoring``
are exercised with two-layer BERTs built on the spot from a hand-written
WordPiece vocabulary (no downloads).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
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


_WORDS_TEXT = (
    "the a an and or of to in on at for with by from is are was were be been it this that "
    "we you they he she our your their us them will would must not no never can cannot "
    "talk talks dialogue peace ceasefire agree agreement welcome calm restraint cooperate "
    "attack war threat threaten army troops force forces strike retaliate warn demand "
    "reject accuse blame enemy border sea ship ships minister said meeting tomorrow "
    "thank thanks victims families condolences ready now today next week"
)


def _vocab() -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    return (
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        + _WORDS_TEXT.split()
        + list(letters)
        + [f"##{c}" for c in letters]
        + list(".,;:!?'\"-()")
    )


def _save_tiny(
    folder: Path, id2label: dict[int, str] | None, *, encoder_only: bool = False, seed: int = 0
) -> Path:
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertModel, BertTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    vocab = _vocab()
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = BertTokenizer(vocab=str(folder / "vocab.txt"))
    kwargs = {}
    if id2label is not None:
        kwargs = {"id2label": id2label, "label2id": {v: k for k, v in id2label.items()}}
    cfg = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=128,
        **kwargs,
    )
    torch.manual_seed(seed)
    model = BertModel(cfg) if encoder_only else BertForSequenceClassification(cfg)
    model.eval()
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Folders of tiny random BERTs: sentiment / stance / odd-label classifiers, NLI, encoder."""
    base = tmp_path_factory.mktemp("tiny-hf")
    return {
        "sentiment": _save_tiny(base / "sentiment", {0: "negative", 1: "neutral", 2: "positive"}),
        "stance": _save_tiny(
            base / "stance", {0: "escalation", 1: "de-escalation", 2: "neutral"}, seed=1
        ),
        "odd": _save_tiny(base / "odd", {0: "LABEL_0", 1: "LABEL_1"}, seed=2),
        "nli": _save_tiny(
            base / "nli", {0: "entailment", 1: "neutral", 2: "contradiction"}, seed=3
        ),
        "encoder": _save_tiny(base / "encoder", None, encoder_only=True, seed=4),
    }


@pytest.fixture
def hub_offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make any hub access fail at once (no 50 s of retries)."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    yield


os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
