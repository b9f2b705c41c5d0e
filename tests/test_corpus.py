"""Tests for stancelab.corpus: formats, validation errors, skip mode, streaming, helpers."""

from __future__ import annotations

import csv
import gzip
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancelab.corpus import (
    FORMATS,
    Article,
    CorpusError,
    CorpusWarning,
    articles_from_dataset,
    demo_corpus_path,
    iter_corpus,
    load_corpus,
    load_demo_corpus,
    read_jsonl,
    to_dataset,
    write_jsonl,
)

ARTICLES = [
    Article(
        "a1",
        'The minister said: "We will respond, firmly."\n\nTalks, however, continue.',
        title="Minister warns",
        date="2024-03-01",
        source="Wire",
        meta={"lang": "en"},
    ),
    Article(
        "a2", "Les négociations reprennent à Genève — enfin.", title="Reprise", meta={"lang": "fr"}
    ),
    Article(
        "a3", "Shelling resumed overnight.", date="2023-12-31", source="Daily", meta={"lang": "en"}
    ),
]
COLUMNS = ["id", "title", "date", "source", "text", "lang"]


# ---------------------------------------------------------------------------
# fixture writers


def write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]], schema: pa.Schema | None = None) -> Path:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


def write_dir(folder: Path, articles: list[Article]) -> Path:
    folder.mkdir()
    for i, a in enumerate(articles):
        fields = {"title": a.title, "date": a.date, "source": a.source, **a.meta}
        front = "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None)
        suffix = ".md" if i % 2 == 0 else ".txt"
        (folder / f"{a.id}{suffix}").write_text(f"---\n{front}---\n\n{a.text}\n", encoding="utf-8")
    return folder


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def good(i: int) -> str:
    return json.dumps({"id": f"a{i}", "text": f"Text {i}."})


def error_of(path: Path, **kwargs: Any) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        load_corpus(path, **kwargs)
    return info.value


# ---------------------------------------------------------------------------
# formats round-trip


def as_tuples(articles: list[Article]) -> list[tuple[Any, ...]]:
    return [(a.id, a.text, a.title, a.date, a.source, a.meta) for a in articles]


@pytest.mark.parametrize("fmt", ["jsonl", "jsonl.gz", "csv", "csv.gz", "parquet", "dir"])
def test_every_format_round_trips(tmp_path: Path, fmt: str) -> None:
    rows = [a.to_dict() for a in ARTICLES]
    if fmt.startswith("jsonl"):
        path = tmp_path / f"articles.{fmt}"
        write_jsonl(rows, path)
    elif fmt.startswith("csv"):
        path = write_csv(tmp_path / "articles.csv", rows)
        if fmt == "csv.gz":
            gz = tmp_path / "articles.csv.gz"
            gz.write_bytes(gzip.compress(path.read_bytes()))
            path = gz
    elif fmt == "parquet":
        path = write_parquet(tmp_path / "articles.parquet", rows)
    else:
        path = write_dir(tmp_path / "corpus", ARTICLES)
    loaded = load_corpus(path)
    assert as_tuples(loaded) == as_tuples(ARTICLES)
    assert [a.to_dict() for a in loaded] == rows
    assert as_tuples(list(iter_corpus(path))) == as_tuples(ARTICLES)


def test_explicit_format_overrides_suffix(tmp_path: Path) -> None:
    path = tmp_path / "articles.txt"
    write_jsonl(ARTICLES, path)
    assert load_corpus(path, "jsonl") == ARTICLES
    assert set(FORMATS) == {"jsonl", "csv", "parquet", "dir"}


def test_field_coercions(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "a.json",
        [
            json.dumps(
                {"id": 7, "text": "Seven.", "title": "", "date": "2024-03-01T23:30:00-05:00"}
            ),
            json.dumps({"id": "b", "text": "B.", "date": None, "extra": [1, {"x": 2}]}),
        ],
    )
    a, b = load_corpus(path)
    assert (a.id, a.title, a.date, a.source, a.meta) == ("7", None, "2024-03-01", None, {})
    assert (b.id, b.date, b.meta) == ("b", None, {"extra": [1, {"x": 2}]})


def test_parquet_native_dates_and_int_ids(tmp_path: Path) -> None:
    import datetime as dt

    path = write_parquet(
        tmp_path / "a.parquet",
        [{"id": 1, "text": "One.", "date": dt.date(2024, 1, 2), "title": None}],
        schema=pa.schema(
            [("id", pa.int64()), ("text", pa.string()), ("date", pa.date32()), ("title", pa.null())]
        ),
    )
    assert load_corpus(path) == [Article("1", "One.", date="2024-01-02")]


def test_csv_bom_crlf_blank_lines_and_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(
        b'\xef\xbb\xbf id ,text\r\na1,"Para one.\r\n\r\nPara, two."\r\n\r\na2,Plain\r\na3,\r\n'
    )
    err = error_of(path)
    # a1 spans lines 2-4, a blank line 5 is not a record, a3 is data row 3 on line 7
    assert "a.csv, row 3 (line 7): missing required field 'text'" in str(err)
    assert (err.row, err.line) == (3, 7)
    errors: list[CorpusError] = []
    a1, a2 = load_corpus(path, errors=errors)
    assert a1.text == "Para one.\r\n\r\nPara, two." and a2.text == "Plain"


def test_dir_rules(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "b.txt").write_text("  Body of b.  \n\n", encoding="utf-8")
    (folder / "a.md").write_text(
        '---\n# comment\ntitle: "Quoted: title"\nsource: \nauthor: Jo\n---\nBody of a.\r\n',
        encoding="utf-8",
    )
    (folder / "notes.csv").write_text("ignored", encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text("ignored", encoding="utf-8")
    a, b = load_corpus(folder)
    assert (a.id, a.title, a.source, a.meta, a.text) == (
        "a",
        "Quoted: title",
        None,
        {"author": "Jo"},
        "Body of a.",
    )
    assert (b.id, b.title, b.text) == ("b", None, "Body of b.")


# ---------------------------------------------------------------------------
# error messages name the file, the line or row, and the fix


def test_invalid_json_names_line_and_fix(tmp_path: Path) -> None:
    lines = [good(i) for i in range(1, 7)] + ['{"id": "a7" "text": "x"}']
    err = error_of(write_lines(tmp_path / "articles.jsonl", lines))
    assert "articles.jsonl, line 7: invalid JSON (Expecting ',' delimiter: column 13)" in str(err)
    assert "each line must be one JSON object" in str(err)
    assert err.line == 7 and err.path.endswith("articles.jsonl")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[1, 2]", "expected a JSON object, got a list"),
        ('"text"', "expected a JSON object, got str"),
        ("{", "pretty-printed JSON"),
        ('{"text": "x"}', "missing required field 'id'"),
        ('{"id": "x"}', "missing required field 'text'"),
        ('{"id": "x", "text": null}', "missing required field 'text'"),
        ('{"id": "x", "text": "  "}', "field 'text' is empty"),
        ('{"id": "x", "text": 5}', "field 'text' must be a string, got a number"),
        ('{"id": true, "text": "t"}', "field 'id' must be a string or an integer, got a boolean"),
        ('{"id": 1.5, "text": "t"}', "field 'id' must be a string or an integer"),
        ('{"id": " ", "text": "t"}', "field 'id' is blank"),
        ('{"id": "x", "text": "t", "title": 3}', "field 'title' must be a string"),
        (
            '{"id": "x", "text": "t", "date": "03/01/2024"}',
            "not an ISO date; write it as YYYY-MM-DD",
        ),
        ('{"id": "x", "text": "t", "date": "2024-02-30"}', "not an ISO date"),
        ('{"id": "x", "text": "t", "date": 20240101}', "field 'date' must be an ISO date string"),
    ],
)
def test_bad_jsonl_records(tmp_path: Path, line: str, expected: str) -> None:
    err = error_of(write_lines(tmp_path / "bad.jsonl", [good(1), "", line]))
    assert str(err).startswith(f"{tmp_path / 'bad.jsonl'}, line 3: ")
    assert expected in str(err)


def test_csv_missing_text_names_row(tmp_path: Path) -> None:
    rows = [{"id": "a1", "text": "x"}, {"id": "a2", "text": "y"}, {"id": "a3", "text": ""}]
    err = error_of(write_csv(tmp_path / "articles.csv", rows, ["id", "text"]))
    assert "articles.csv, row 3 (line 4): missing required field 'text'" in str(err)
    assert err.row == 3


def test_duplicate_ids(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "dup.jsonl",
        [
            good(0),
            json.dumps({"id": "a001", "text": "x"}),
            good(2),
            json.dumps({"id": "a001", "text": "y"}),
        ],
    )
    err = error_of(path)
    assert (
        "dup.jsonl, line 4: duplicate article id 'a001' (first seen on line 2); ids must be unique"
        in str(err)
    )
    csv_path = write_csv(
        tmp_path / "dup.csv", [{"id": 1, "text": "x"}, {"id": 1, "text": "y"}], ["id", "text"]
    )
    assert "row 2 (line 3): duplicate article id '1' (first seen in row 1)" in str(
        error_of(csv_path)
    )
    pq_path = write_parquet(
        tmp_path / "dup.parquet", [{"id": "z", "text": "x"}, {"id": "z", "text": "y"}]
    )
    assert "dup.parquet, row 2: duplicate article id 'z' (first seen in row 1)" in str(
        error_of(pq_path)
    )
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a001.md").write_text("x", encoding="utf-8")
    (folder / "a001.txt").write_text("y", encoding="utf-8")
    assert "a001.txt: duplicate article id 'a001' (first seen in a001.md)" in str(error_of(folder))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(good(1).encode() + b"\n" + '{"id": "a2", "text": "café"}\n'.encode("latin-1"))
    err = error_of(path)
    assert (
        "latin.jsonl, line 2: not valid UTF-8 (byte 0xe9 at column 26); re-save the file as UTF-8"
        in str(err)
    )
    csv_path = tmp_path / "latin.csv"
    csv_path.write_bytes(b"id,text\na1,ok\na2,caf\xe9\n")
    assert "latin.csv, row 2 (line 3): not valid UTF-8" in str(error_of(csv_path))
    header = tmp_path / "header.csv"
    header.write_bytes(b"id,t\xe9xt\na1,ok\n")
    assert "header.csv, line 1: not valid UTF-8" in str(error_of(header))
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.txt").write_bytes(b"line one\nline caf\xe9\n")
    err = error_of(folder)
    assert "x.txt, line 2: not valid UTF-8 (byte 0xe9 at column 9)" in str(err)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.jsonl", ""),
        ("blank.jsonl", "\n  \n\n"),
        ("header.csv", "id,text\n"),
        ("nothing.csv", ""),
    ],
)
def test_empty_text_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    err = error_of(path)
    assert name in str(err)
    assert "no articles" in str(err) or "the file is empty" in str(err)


def test_empty_parquet_and_folder(tmp_path: Path) -> None:
    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    path = write_parquet(tmp_path / "none.parquet", [], schema=schema)
    assert "none.parquet: the file has no articles (0 rows)" in str(error_of(path))
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "readme.rst").write_text("x", encoding="utf-8")
    assert "the folder has no articles" in str(error_of(folder))


def test_csv_missing_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cols.csv", [{"id": 1, "body": "x"}], ["id", "title", "body"])
    err = str(error_of(path))
    assert (
        "cols.csv, line 1: missing required column 'text' (columns found: 'id', 'title', 'body')"
        in err
    )
    path = write_csv(tmp_path / "cols2.csv", [{"body": "x"}], ["body"])
    assert "missing required columns 'id' and 'text'" in str(error_of(path))
    dup = tmp_path / "dup.csv"
    dup.write_text("id,text,text\n1,a,b\n", encoding="utf-8")
    assert "column 'text' appears more than once" in str(error_of(dup))


def test_csv_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text('id,text\na1,ok\na2,one,two\na3,"bad"quote\n', encoding="utf-8")
    errors: list[CorpusError] = []
    assert [a.id for a in load_corpus(path, errors=errors)] == ["a1"]
    assert [(e.row, e.line) for e in errors] == [(2, 3), (3, 4)]
    assert "the row has 3 fields but the header has 2 columns" in str(errors[0])
    assert "cannot parse the row" in str(errors[1])


def test_parquet_wrong_types(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "ints.parquet", [{"id": "a", "text": 5}])
    err = str(error_of(path))
    assert "ints.parquet: column 'text' has type int64; it must be a string column" in err
    path = write_parquet(tmp_path / "dates.parquet", [{"id": "a", "text": "t", "date": 1.5}])
    assert "column 'date' has type double" in str(error_of(path))
    path = write_parquet(tmp_path / "noid.parquet", [{"key": "a", "text": "t"}])
    assert "missing required column 'id' (columns found: 'key', 'text')" in str(error_of(path))
    path = write_parquet(
        tmp_path / "nulltext.parquet", [{"id": "a", "text": "t"}, {"id": "b", "text": None}]
    )
    assert "nulltext.parquet, row 2: missing required field 'text'" in str(error_of(path))
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet at all")
    assert "junk.parquet: not a readable Parquet file" in str(error_of(junk))


def test_bad_paths_and_formats(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    assert "nope.jsonl: no such file or folder" in str(error_of(missing))
    with pytest.raises(CorpusError, match=r"nope\.jsonl"):
        iter_corpus(missing)  # raised at once, before iterating
    odd = tmp_path / "a.xml"
    odd.write_text("<a/>", encoding="utf-8")
    assert "cannot tell the format" in str(error_of(odd))
    assert "unknown format 'xml'" in str(error_of(odd, format="xml"))
    assert "does not fit: the path is a folder" in str(error_of(tmp_path, format="jsonl"))
    with pytest.raises(ValueError, match="on_error"):
        load_corpus(odd, "jsonl", on_error="ignore")  # type: ignore[arg-type]


def test_unreadable_file_in_folder(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("fine", encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    err = error_of(folder)
    assert "gone.txt: cannot read the file" in str(err)
    assert err.path.endswith("gone.txt")


def test_front_matter_errors(tmp_path: Path) -> None:
    cases = {
        "open.md": (
            "---\ntitle: x\nbody\n",
            "line 1: the front matter opened by '---' is never closed",
        ),
        "noval.md": (
            "---\ntitle: x\njust words\n---\nbody\n",
            "line 3: front matter lines must read 'key: value'",
        ),
        "setid.md": ("---\nid: other\n---\nbody\n", "line 2: front matter cannot set 'id'"),
        "twice.md": (
            "---\ntitle: a\ntitle: b\n---\nbody\n",
            "line 3: front matter sets 'title' twice",
        ),
        "nobody.md": ("---\ntitle: a\n---\n\n", "the file has no text after its front matter"),
        "baddate.md": (
            "---\ndate: yesterday\n---\nbody\n",
            "field 'date' is 'yesterday', not an ISO date",
        ),
    }
    for name, (content, expected) in cases.items():
        folder = tmp_path / name.removesuffix(".md")
        folder.mkdir()
        (folder / name).write_text(content, encoding="utf-8")
        assert f"{name}, {expected}" in str(error_of(folder)) or f"{name}: {expected}" in str(
            error_of(folder)
        )


# ---------------------------------------------------------------------------
# skip mode


def test_skip_mode_collects_errors(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            good(1),
            "{oops",
            good(2),
            json.dumps({"id": "a1", "text": "dup"}),
            '{"id": "a9"}',
            good(3),
        ],
    )
    errors: list[CorpusError] = []
    assert [a.id for a in load_corpus(path, errors=errors)] == ["a1", "a2", "a3"]
    assert [e.line for e in errors] == [2, 4, 5]
    assert all(isinstance(e, CorpusError) and "mixed.jsonl" in str(e) for e in errors)
    # explicit "raise" wins over a list
    with pytest.raises(CorpusError, match="line 2"):
        load_corpus(path, on_error="raise", errors=[])
    # "skip" without a list warns, so nothing is skipped silently
    with pytest.warns(CorpusWarning) as caught:
        assert len(load_corpus(path, on_error="skip")) == 3
    assert [str(w.message).split(": ", 1)[1].split(":")[0] for w in caught] == [
        f"{path}, line {n}" for n in (2, 4, 5)
    ]


def test_skip_mode_all_bad_still_raises(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "bad.jsonl", ["{", "[]"])
    errors: list[CorpusError] = []
    with pytest.raises(CorpusError, match="no valid articles: all 2 records had problems"):
        load_corpus(path, errors=errors)
    assert len(errors) == 2


def test_skip_mode_does_not_skip_file_level_problems(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cols.csv", [{"id": 1, "body": "x"}], ["id", "body"])
    with pytest.raises(CorpusError, match="missing required column 'text'"):
        load_corpus(path, errors=[])


def test_skip_mode_folder(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("fine", encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")
    (folder / "c.txt").symlink_to(tmp_path / "missing.txt")
    errors: list[CorpusError] = []
    assert [a.id for a in load_corpus(folder, errors=errors)] == ["a"]
    assert [Path(e.path).name for e in errors] == ["b.txt", "c.txt"]


# ---------------------------------------------------------------------------
# streaming


def test_iter_corpus_is_lazy_in_every_format(tmp_path: Path) -> None:
    """The first article arrives before a bad record at the end is read."""
    n = 3000  # several Parquet record batches
    rows = [{"id": f"a{i}", "text": f"Text {i}."} for i in range(n)]
    bad = {"id": "a0", "text": "duplicate at the very end"}
    jsonl = tmp_path / "big.jsonl"
    write_jsonl([*rows, bad], jsonl)
    csv_path = write_csv(tmp_path / "big.csv", [*rows, bad], ["id", "text"])
    parquet = write_parquet(tmp_path / "big.parquet", [*rows, bad])
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.txt").write_text("ok", encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")
    for path in (jsonl, csv_path, parquet, folder):
        it = iter_corpus(path)
        assert next(it).id in ("a0", "a")
        with pytest.raises(CorpusError, match=r"duplicate article id 'a0'|has no text"):
            list(it)
    errors: list[CorpusError] = []
    assert sum(1 for _ in iter_corpus(parquet, errors=errors)) == n
    assert errors[0].row == n + 1


def test_iter_corpus_streams_a_generated_file(tmp_path: Path) -> None:
    path = tmp_path / "gen.jsonl.gz"
    count = write_jsonl(({"id": i, "text": "x " * 20} for i in range(20_000)), path)
    assert count == 20_000
    total = 0
    for total, article in enumerate(iter_corpus(path), 1):  # noqa: B007
        assert article.text
    assert total == 20_000 and article.id == "19999"


# ---------------------------------------------------------------------------
# read_jsonl / write_jsonl


def test_read_jsonl(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "r.jsonl", ['{"a": 1}', "", '{"b": "é"}', "nope"])
    it = read_jsonl(path)
    assert next(it) == {"a": 1} and next(it) == {"b": "é"}
    with pytest.raises(CorpusError, match=r"r\.jsonl, line 4: invalid JSON"):
        next(it)
    errors: list[CorpusError] = []
    assert list(read_jsonl(path, errors=errors)) == [{"a": 1}, {"b": "é"}]
    assert errors[0].line == 4
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert list(read_jsonl(empty)) == []
    with pytest.raises(CorpusError, match="no such file"):
        read_jsonl(tmp_path / "absent.jsonl")


def test_write_jsonl_is_atomic_and_utf8(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "out.jsonl"
    assert write_jsonl([{"text": "Київ — «мир»"}, ARTICLES[0]], path) == 2
    raw = path.read_text(encoding="utf-8")
    assert "Київ — «мир»" in raw and "\\u" not in raw
    assert list(read_jsonl(path))[1] == ARTICLES[0].to_dict()
    assert path.stat().st_mode & 0o044  # umask-based mode, not a private 0600 temp file

    def broken() -> Any:
        yield {"ok": 1}
        yield {"bad": object()}

    with pytest.raises(TypeError, match="record 2 cannot be written as JSON"):
        write_jsonl(broken(), path)
    assert next(read_jsonl(path)) == {"text": "Київ — «мир»"}  # old file untouched
    assert sorted(os.listdir(path.parent)) == ["out.jsonl"]  # no temp file left
    with pytest.raises(TypeError, match="record 1 is list"):
        write_jsonl([[1, 2]], path)  # type: ignore[list-item]
    assert write_jsonl([], tmp_path / "empty.jsonl") == 0


# ---------------------------------------------------------------------------
# Hugging Face datasets, demo corpus, import weight


def test_dataset_round_trip() -> None:
    ds = to_dataset(ARTICLES)
    assert ds.num_rows == 3 and ds.column_names == ["id", "text", "title", "date", "source", "lang"]
    back = articles_from_dataset(ds)
    assert as_tuples(back) == as_tuples(ARTICLES)
    assert to_dataset([]).num_rows == 0
    with pytest.raises(TypeError, match="meta field 'n' mixes value types"):
        to_dataset([Article("a", "t", meta={"n": 1}), Article("b", "t", meta={"n": "x"})])
    errors: list[CorpusError] = []
    assert (
        articles_from_dataset([{"id": "a", "text": "t"}, {"id": "b"}], errors=errors)[0].id == "a"
    )
    assert str(errors[0]).startswith("<dataset>, row 2: missing required field 'text'")


def test_demo_corpus() -> None:
    path = demo_corpus_path()
    assert path.name == "articles.jsonl" and path.parent.name == "demo"
    if not path.exists():
        pytest.skip("demo corpus not written yet")
    articles = load_demo_corpus()
    assert articles and len({a.id for a in articles}) == len(articles)


def test_import_stays_light() -> None:
    code = (
        "import stancelab.corpus, sys; "
        "heavy = [m for m in ('torch', 'transformers', 'datasets', 'pandas', 'pyarrow') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------------------
# property: arbitrary text survives JSONL and CSV


texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60).filter(str.strip)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, title=st.none() | texts)
def test_text_survives_jsonl_and_csv(tmp_path: Path, text: str, title: str | None) -> None:
    article = Article('x,"1"', text, title=title)
    jsonl = tmp_path / "p.jsonl"
    write_jsonl([article], jsonl)
    csv_path = write_csv(tmp_path / "p.csv", [article.to_dict()], ["id", "title", "text"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_corpus(jsonl) == [article]
        assert load_corpus(csv_path) == [article]
