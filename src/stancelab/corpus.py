"""Corpus loading: every input format becomes a list of :class:`Article`.

Supported inputs (chosen by suffix, or ``format=``):

* ``.jsonl`` / ``.json`` / ``.ndjson`` - the annotation guidelines'
  ``articles.jsonl``: one JSON object per line with ``id``, ``text`` and
  optional ``title``, ``date``, ``source``. Blank lines are allowed and are
  not records;
* ``.csv`` and ``.parquet`` - the same fields as columns (a header row for
  CSV); an empty CSV cell is a missing value;
* a folder (``format="dir"``) of ``.txt`` / ``.md`` files - id = file stem,
  text = the file body, with optional front matter for title, date, source
  (see :func:`iter_corpus`).

JSONL and CSV files may be gzip-compressed (``articles.jsonl.gz``).

Field rules, the same for every format:

* ``id`` is required; strings are kept, integers become strings
  (``7`` -> ``"7"``); ids must be unique within the corpus;
* ``text`` is required and must be a non-empty string;
* ``title`` and ``source`` are optional strings; a missing, null or empty
  value becomes ``None``;
* ``date`` is optional and must be ISO ``YYYY-MM-DD``; a full ISO datetime
  (``2024-03-01T14:05:00+02:00``) is accepted and only its date part, as
  written, is kept (no time-zone conversion);
* any other field is kept unchanged in :attr:`Article.meta`.

A malformed record raises :class:`CorpusError` naming the file, the line
(JSONL, 1-based) or data row (CSV / Parquet, 1-based, not counting the
header), what is wrong and how to fix it; nothing is skipped silently. To
load what can be loaded instead, pass a list as ``errors=``: bad records are
then skipped and their errors appended to it (see :func:`load_corpus`).
Problems with the file as a whole (it does not exist, cannot be read, lacks
an ``id`` or ``text`` column, has no articles) always raise.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "articles.jsonl"
    >>> _ = path.write_text('{"id": 1, "text": "Talks resumed.", "lang": "en"}\\n')
    >>> [(a.id, a.text, a.meta) for a in load_corpus(path)]
    [('1', 'Talks resumed.', {'lang': 'en'})]
"""

from __future__ import annotations

import csv
import datetime as _dt
import gzip
import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover - typing only; ``datasets`` is imported lazily
    import datasets

__all__ = [
    "FORMATS",
    "Article",
    "CorpusError",
    "CorpusWarning",
    "article_from_record",
    "articles_from_dataset",
    "demo_corpus_path",
    "in_context",
    "iter_corpus",
    "load_corpus",
    "load_demo_corpus",
    "read_jsonl",
    "to_dataset",
    "write_jsonl",
]

#: The values accepted by ``format=``.
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "dir")

OnError = Literal["raise", "skip"]

_CORE_FIELDS = ("id", "text", "title", "date", "source")
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_DIR_SUFFIXES = (".txt", ".md")
_BOM = b"\xef\xbb\xbf"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]")
_PARQUET_BATCH_ROWS = 1024
_CSV_FIELD_LIMIT = 1 << 28  # 256 MiB: a long article must not hit csv's 128 KiB default

_EMPTY_MESSAGES = {
    "jsonl": "the file has no articles (it is empty or only has blank lines); "
    "write one JSON object per line",
    "csv": "the file has no articles (a header row but no data rows); add one row per article",
    "parquet": "the file has no articles (0 rows)",
    "dir": "the folder has no articles: no .txt or .md files directly inside it "
    "(subfolders are not searched)",
}


@dataclass(frozen=True)
class Article:
    """One news article.

    Attributes:
        id: Unique identifier within the corpus.
        text: Full body, paragraphs separated by a blank line.
        title: Headline, if known.
        date: ISO date (``YYYY-MM-DD``), if known.
        source: Outlet, if known.
        meta: Any further fields of the input record, kept as they were.

    Example:
        >>> a = Article("a1", "“We stay,” she said.", date="2024-03-01")
        >>> a.to_dict()["date"]
        '2024-03-01'
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the article as a plain dict in the guidelines' field names."""
        d = asdict(self)
        meta = d.pop("meta")
        return {**d, **meta}


class CorpusError(ValueError):
    """A corpus file that cannot be read, with its location and the fix.

    The message reads ``"<path>, line <n>: <problem>"`` (JSONL),
    ``"<path>, row <n> (line <m>): <problem>"`` (CSV) or
    ``"<path>, row <n>: <problem>"`` (Parquet).

    Attributes:
        path: The file (for a folder corpus: the article's file).
        line: 1-based line in the file, if known.
        row: 1-based data row (header not counted), if known.
        problem: The message without the location.

    Example:
        >>> str(CorpusError("a.csv", "missing required field 'text'", row=3))
        "a.csv, row 3: missing required field 'text'"
    """

    def __init__(
        self, path: object, message: str, *, line: int | None = None, row: int | None = None
    ):
        where = str(path)
        if row is not None:
            where += f", row {row}"
            if line is not None:
                where += f" (line {line})"
        elif line is not None:
            where += f", line {line}"
        self.path, self.line, self.row = str(path), line, row
        self.problem = message
        super().__init__(f"{where}: {message}")


class CorpusWarning(UserWarning):
    """A bad record skipped with ``on_error="skip"`` and no ``errors`` list."""


# ---------------------------------------------------------------------------
# locations and record validation


@dataclass(frozen=True)
class _Loc:
    """Where a record came from, for error messages."""

    path: Path | str
    line: int | None = None
    row: int | None = None
    name_only: bool = False  # folder corpora: the record is the whole file

    def error(self, message: str, *, line: int | None = None) -> CorpusError:
        return CorpusError(
            self.path, message, line=self.line if line is None else line, row=self.row
        )

    def describe(self) -> str:
        if self.row is not None:
            return f"in row {self.row}"
        if self.line is not None:
            return f"on line {self.line}"
        return f"in {Path(self.path).name}" if self.name_only else f"in {self.path}"


def _type_name(value: object) -> str:
    names = {
        dict: "an object",
        list: "a list",
        bool: "a boolean",
        float: "a number",
        int: "a number",
    }
    return names.get(type(value), type(value).__name__)


def _optional_str(record: Mapping[str, Any], key: str, loc: _Loc) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise loc.error(f"field '{key}' must be a string, got {_type_name(value)} ({value!r})")
    return value


def _date(value: Any, loc: _Loc) -> str | None:
    """Normalise a date value to ``YYYY-MM-DD`` (or ``None``)."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime | _dt.date):  # datetime is a date subclass
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise loc.error(
            f"field 'date' must be an ISO date string (YYYY-MM-DD), got {_type_name(value)} ({value!r})"
        )
    s = value.strip()
    try:
        if _ISO_DATE.fullmatch(s):
            return _dt.date.fromisoformat(s).isoformat()
        if _ISO_DATETIME.match(s):
            return _dt.datetime.fromisoformat(s).date().isoformat()
    except ValueError:
        pass
    raise loc.error(
        f"field 'date' is {value!r}, not an ISO date; write it as YYYY-MM-DD (e.g. 2024-03-01)"
    )


def _to_article(record: Mapping[str, Any], loc: _Loc) -> Article:
    """Validate one raw record; raise :class:`CorpusError` at ``loc`` if it is bad."""
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        raise loc.error("missing required field 'id'; every article needs a unique id")
    if isinstance(raw_id, str):
        if not raw_id.strip():
            raise loc.error("field 'id' is blank; every article needs a unique id")
        art_id = raw_id
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        art_id = str(raw_id)
    else:
        raise loc.error(
            f"field 'id' must be a string or an integer, got {_type_name(raw_id)} ({raw_id!r})"
        )
    text = record.get("text")
    if text is None:
        raise loc.error("missing required field 'text'; every article needs its body text")
    if not isinstance(text, str):
        raise loc.error(f"field 'text' must be a string, got {_type_name(text)}")
    if not text.strip():
        raise loc.error("field 'text' is empty; every article needs its body text")
    return Article(
        id=art_id,
        text=text,
        title=_optional_str(record, "title", loc),
        date=_date(record.get("date"), loc),
        source=_optional_str(record, "source", loc),
        meta={k: v for k, v in record.items() if k not in _CORE_FIELDS},
    )


def article_from_record(
    record: Mapping[str, Any], source: str | os.PathLike[str] = "<record>"
) -> Article:
    """Validate one raw record (a dict with the guidelines' fields) into an :class:`Article`.

    The rules of :func:`load_corpus`, for records that come from elsewhere (a
    Ray dataset, a database).

    Raises:
        CorpusError: Naming ``source`` and the record's id.

    Example:
        >>> article_from_record({"id": 7, "text": "Talks resumed."}).id
        '7'
        >>> article_from_record({"id": "x"}, "feed")
        Traceback (most recent call last):
        ...
        stancelab.corpus.CorpusError: feed (record 'x'): missing required field 'text'; every article needs its body text
    """
    rid = record.get("id")
    where = f"{source} (record {rid!r})" if rid not in (None, "") else str(source)
    return _to_article(record, _Loc(where))


# ---------------------------------------------------------------------------
# error policy


def _policy(on_error: OnError | None, errors: list[CorpusError] | None) -> OnError:
    if on_error is None:
        return "skip" if errors is not None else "raise"
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    return on_error


def _report(err: CorpusError, policy: OnError, errors: list[CorpusError] | None) -> None:
    """Raise ``err``, or record it as skipped."""
    if policy == "raise":
        raise err
    if errors is not None:
        errors.append(err)
    else:
        warnings.warn(f"skipped: {err}", CorpusWarning, stacklevel=4)


_Item = tuple[_Loc, dict[str, Any] | CorpusError]


def _articles(
    items: Iterable[_Item],
    where: Path | str,
    empty_message: str,
    policy: OnError,
    errors: list[CorpusError] | None,
) -> Iterator[Article]:
    """Validate raw records, check ids are unique, apply the error policy."""
    seen: dict[str, _Loc] = {}
    n_ok = n_bad = 0
    first_bad: CorpusError | None = None
    for loc, item in items:
        try:
            if isinstance(item, CorpusError):
                raise item
            article = _to_article(item, loc)
            if article.id in seen:
                raise loc.error(
                    f"duplicate article id {article.id!r} (first seen {seen[article.id].describe()}); "
                    "ids must be unique"
                )
        except CorpusError as err:
            n_bad += 1
            first_bad = first_bad or err
            _report(err, policy, errors)
            continue
        seen[article.id] = loc
        n_ok += 1
        yield article
    if n_ok == 0:
        if first_bad is not None:
            raise CorpusError(
                where,
                f"no valid articles: all {n_bad} records had problems (first: {first_bad})",
            )
        raise CorpusError(where, empty_message)


# ---------------------------------------------------------------------------
# readers: each yields (location, raw record dict | record-level CorpusError)
# and raises CorpusError for problems with the file as a whole.


def _open_binary(path: Path) -> Any:
    try:
        if path.name.lower().endswith(".gz"):
            return gzip.open(path, "rb")
        return path.open("rb")
    except OSError as e:
        raise CorpusError(
            path, f"cannot open the file ({e.strerror or e}); check that it exists and is readable"
        ) from e


def _binary_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line number, raw line)``; the first line loses any UTF-8 BOM."""
    with _open_binary(path) as fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline()
            except (OSError, EOFError) as e:
                raise CorpusError(
                    path, f"cannot read the file ({e}); check that it is not truncated or corrupt"
                ) from e
            if not raw:
                return
            lineno += 1
            if lineno == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            yield lineno, raw


def _utf8_problem(raw: bytes, err: UnicodeDecodeError) -> str:
    return (
        f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1}); "
        "re-save the file as UTF-8"
    )


def _json_records(path: Path) -> Iterator[_Item]:
    for lineno, raw in _binary_lines(path):
        if not raw.strip():
            continue
        loc = _Loc(path, line=lineno)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield loc, loc.error(_utf8_problem(raw, e))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            hint = "each line must be one JSON object"
            if line.strip() in ("[", "{"):
                hint += (
                    " (the file looks like pretty-printed JSON; write one compact object per line)"
                )
            yield loc, loc.error(f"invalid JSON ({e.msg}: column {e.colno}); {hint}")
            continue
        if not isinstance(obj, dict):
            hint = "each line must be one JSON object ({...})"
            if isinstance(obj, list):
                hint += "; if the file is a JSON array, write each element on its own line"
            yield loc, loc.error(f"expected a JSON object, got {_type_name(obj)}; {hint}")
            continue
        yield loc, obj


def _csv_records(path: Path) -> Iterator[_Item]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    bad_lines: list[tuple[int, str]] = []  # UTF-8 problems met while reading the current row

    def text_lines() -> Iterator[str]:
        for lineno, raw in _binary_lines(path):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as e:
                bad_lines.append((lineno, _utf8_problem(raw, e)))
                yield raw.decode("utf-8", errors="replace")

    reader = csv.reader(text_lines(), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        raise CorpusError(path, f"cannot parse the header row ({e})", line=1) from e
    if bad_lines:
        raise CorpusError(path, bad_lines[0][1], line=bad_lines[0][0])
    if header is None:
        raise CorpusError(
            path, "the file is empty; expected a header row naming at least 'id' and 'text'"
        )
    columns = [c.strip() for c in header]
    dupes = sorted({c for c in columns if columns.count(c) > 1})
    if dupes:
        raise CorpusError(
            path, f"column {dupes[0]!r} appears more than once in the header; rename one", line=1
        )
    missing = [c for c in ("id", "text") if c not in columns]
    if missing:
        names = " and ".join(repr(c) for c in missing)
        found = ", ".join(repr(c) for c in columns)
        raise CorpusError(
            path,
            f"missing required column{'s' if len(missing) > 1 else ''} {names} "
            f"(columns found: {found}); the header row must name at least 'id' and 'text'",
            line=1,
        )

    row = 0
    last_line = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            row += 1
            loc = _Loc(path, line=last_line + 1, row=row)
            last_line = reader.line_num
            bad_lines.clear()
            yield loc, loc.error(f"cannot parse the row ({e}); check its quotes")
            continue
        start, last_line = last_line + 1, reader.line_num
        if not values and not bad_lines:  # a blank line is not a record
            continue
        row += 1
        loc = _Loc(path, line=start, row=row)
        if bad_lines:
            lineno, problem = bad_lines[0]
            bad_lines.clear()
            yield loc, loc.error(problem, line=lineno)
            continue
        if len(values) != len(columns):
            yield (
                loc,
                loc.error(
                    f"the row has {len(values)} fields but the header has {len(columns)} columns; "
                    "quote fields that contain commas"
                ),
            )
            continue
        yield loc, {c: (v if v != "" else None) for c, v in zip(columns, values, strict=True)}


def _parquet_records(path: Path) -> Iterator[_Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as e:
        raise CorpusError(path, f"not a readable Parquet file ({e})") from e
    try:
        schema = pf.schema_arrow

        def stringish(t: pa.DataType) -> bool:
            if pa.types.is_dictionary(t):
                t = t.value_type
            is_view = getattr(pa.types, "is_string_view", lambda _t: False)
            return pa.types.is_string(t) or pa.types.is_large_string(t) or is_view(t)

        missing = [c for c in ("id", "text") if c not in schema.names]
        if missing:
            names = " and ".join(repr(c) for c in missing)
            found = ", ".join(repr(c) for c in schema.names)
            raise CorpusError(
                path,
                f"missing required column{'s' if len(missing) > 1 else ''} {names} "
                f"(columns found: {found}); the file must have at least 'id' and 'text' columns",
            )
        allowed: dict[str, tuple[str, Any]] = {
            "id": ("a string or integer", lambda t: stringish(t) or pa.types.is_integer(t)),
            "text": ("a string", stringish),
            "title": ("a string", lambda t: stringish(t) or pa.types.is_null(t)),
            "source": ("a string", lambda t: stringish(t) or pa.types.is_null(t)),
            "date": (
                "a string, date or timestamp",
                lambda t: (
                    stringish(t)
                    or pa.types.is_date(t)
                    or pa.types.is_timestamp(t)
                    or pa.types.is_null(t)
                ),
            ),
        }
        for name, (want, ok) in allowed.items():
            if name in schema.names and not ok(schema.field(name).type):
                raise CorpusError(
                    path,
                    f"column '{name}' has type {schema.field(name).type}; it must be {want} column",
                )
        row = 0
        try:
            for batch in pf.iter_batches(batch_size=_PARQUET_BATCH_ROWS):
                for record in batch.to_pylist():
                    row += 1
                    yield _Loc(path, row=row), record
        except (pa.ArrowException, OSError) as e:
            raise CorpusError(path, f"cannot read the Parquet data ({e})", row=row + 1) from e
    finally:
        pf.close()


def _parse_front_matter(lines: list[str], file: Path, loc: _Loc) -> tuple[dict[str, Any], int]:
    """Parse ``---`` front matter; return the fields and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise loc.error(
            "the front matter opened by '---' is never closed; "
            "add a line '---' after its last 'key: value' line",
            line=1,
        ) from None
    fields: dict[str, Any] = {}
    for i in range(1, end):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise loc.error(f"front matter lines must read 'key: value', got {line!r}", line=i + 1)
        if key in ("id", "text"):
            raise loc.error(
                f"front matter cannot set {key!r}: the id is the file name ({file.stem!r}) "
                "and the text is the body after the front matter",
                line=i + 1,
            )
        if key in fields:
            raise loc.error(f"front matter sets {key!r} twice", line=i + 1)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        fields[key] = value or None
    return fields, end + 1


def _dir_records(folder: Path) -> Iterator[_Item]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        raise CorpusError(folder, f"cannot list the folder ({e.strerror or e})") from e
    for file in entries:
        if file.name.startswith(".") or file.suffix.lower() not in _DIR_SUFFIXES or file.is_dir():
            continue
        loc = _Loc(file, name_only=True)
        try:
            data = file.read_bytes()
        except OSError as e:
            yield (
                loc,
                loc.error(
                    f"cannot read the file ({e.strerror or e}); check that it exists and is readable"
                ),
            )
            continue
        data = data.removeprefix(_BOM)
        try:
            content = data.decode("utf-8")
        except UnicodeDecodeError as e:
            line_start = data.rfind(b"\n", 0, e.start) + 1
            yield (
                loc,
                loc.error(
                    f"not valid UTF-8 (byte 0x{data[e.start]:02x} at column {e.start - line_start + 1}); "
                    "re-save the file as UTF-8",
                    line=data.count(b"\n", 0, e.start) + 1,
                ),
            )
            continue
        lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        try:
            fields, body_start = _parse_front_matter(lines, file, loc)
        except CorpusError as err:
            yield loc, err
            continue
        text = "\n".join(lines[body_start:]).strip()
        if not text:
            yield (
                loc,
                loc.error(
                    "the file has no text" + (" after its front matter" if body_start else "")
                ),
            )
            continue
        yield loc, {"id": file.stem, "text": text, **fields}


# ---------------------------------------------------------------------------
# public API


def _resolve(path: str | os.PathLike[str], format: str | None) -> tuple[Path, str]:
    p = Path(path)
    if not p.exists():
        raise CorpusError(p, "no such file or folder; check the path")
    if format is None:
        if p.is_dir():
            return p, "dir"
        name = p.name.lower().removesuffix(".gz")
        fmt = _SUFFIX_FORMATS.get(Path(name).suffix)
        if fmt is None:
            raise CorpusError(
                p,
                f"cannot tell the format from the suffix {p.suffix!r}; "
                f"use .jsonl, .csv or .parquet, or pass format= one of {', '.join(FORMATS)}",
            )
        return p, fmt
    if format not in FORMATS:
        raise CorpusError(p, f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if (format == "dir") != p.is_dir():
        kind = "a folder" if p.is_dir() else "a file"
        raise CorpusError(p, f"format={format!r} does not fit: the path is {kind}")
    return p, format


_READERS = {
    "jsonl": _json_records,
    "csv": _csv_records,
    "parquet": _parquet_records,
    "dir": _dir_records,
}


def iter_corpus(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    on_error: OnError | None = None,
    errors: list[CorpusError] | None = None,
) -> Iterator[Article]:
    """Stream the articles of a corpus, validating each as it is read.

    Memory stays flat for large corpora: JSONL and CSV are read line by line,
    Parquet by record batches, a folder file by file. Only the ids seen so
    far are kept, to reject duplicates.

    A folder corpus reads the ``.txt`` and ``.md`` files directly inside it,
    in file-name order; subfolders and hidden files (``.name``) are not
    read. Each file is one article: its id is the file stem, its text the
    body with surrounding whitespace removed. It may start with front matter,
    ``key: value`` lines between two ``---`` lines (values may be quoted;
    ``#`` lines are comments); ``title``, ``date`` and ``source`` fill those
    fields and other keys go to :attr:`Article.meta` as strings. Front matter
    may not set ``id`` or ``text``.

    Args:
        path: A ``.jsonl``/``.json``/``.ndjson``, ``.csv`` or ``.parquet``
            file (JSONL and CSV optionally ``.gz``), or a folder.
        format: One of :data:`FORMATS`; by default chosen from the suffix
            (a folder is ``"dir"``).
        on_error: ``"raise"`` (the default without ``errors``) raises the
            first bad record's :class:`CorpusError`. ``"skip"`` (the default
            when ``errors`` is a list) skips bad records, appending their
            errors to ``errors``, or, without a list, reporting each as a
            :class:`CorpusWarning`.
        errors: A list that collects the errors of skipped records.

    Returns:
        An iterator of :class:`Article`, in file order.

    Raises:
        CorpusError: At once if the path does not exist or its format is
            unknown; while iterating, for a bad record (unless skipping), for
            problems with the file as a whole (unreadable, no ``id``/``text``
            column, wrong Parquet column types), and at the end if no article
            was read.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "a1.md").write_text("---\\ntitle: Truce\\ndate: 2024-03-01\\n---\\nGuns fell silent.\\n")
        >>> _ = (folder / "a2.txt").write_text("Shelling resumed.\\n")
        >>> [(a.id, a.title, a.date, a.text) for a in iter_corpus(folder)]
        [('a1', 'Truce', '2024-03-01', 'Guns fell silent.'), ('a2', None, None, 'Shelling resumed.')]
    """
    p, fmt = _resolve(path, format)
    policy = _policy(on_error, errors)
    return _articles(_READERS[fmt](p), p, _EMPTY_MESSAGES[fmt], policy, errors)


def load_corpus(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    on_error: OnError | None = None,
    errors: list[CorpusError] | None = None,
) -> list[Article]:
    """Load every article of a corpus file or folder.

    Same formats, rules and arguments as :func:`iter_corpus`, which this
    wraps.

    Args:
        path: The corpus file or folder.
        format: One of :data:`FORMATS`, or ``None`` to go by the suffix.
        on_error: ``"raise"`` or ``"skip"``; see :func:`iter_corpus`.
        errors: If a list, bad records are skipped and their
            :class:`CorpusError` appended to it.

    Returns:
        The articles, in file order.

    Raises:
        CorpusError: For the first bad record (unless skipping), for a file
            that cannot be read as a whole, or if there are no articles.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> path = Path(tempfile.mkdtemp()) / "articles.jsonl"
        >>> _ = path.write_text('{"id": "a", "text": "Ok."}\\n{"id": "b"}\\n')
        >>> problems = []
        >>> [a.id for a in load_corpus(path, errors=problems)]
        ['a']
        >>> problems[0].line, problems[0].problem
        (2, "missing required field 'text'; every article needs its body text")
    """
    return list(iter_corpus(path, format, on_error=on_error, errors=errors))


def read_jsonl(
    path: str | os.PathLike[str],
    *,
    on_error: OnError | None = None,
    errors: list[CorpusError] | None = None,
) -> Iterator[dict[str, Any]]:
    """Stream the JSON objects of a JSON Lines file (optionally ``.gz``).

    Blank lines are skipped; every other line must be one JSON object. An
    empty file yields nothing.

    Args:
        path: The file.
        on_error: ``"raise"`` or ``"skip"``, as in :func:`iter_corpus`.
        errors: If a list, bad lines are skipped and their errors appended.

    Returns:
        An iterator of dicts, in file order.

    Raises:
        CorpusError: At once if the file does not exist; while iterating, for
            a line that is not UTF-8 or not a JSON object (unless skipping).

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> path = Path(tempfile.mkdtemp()) / "x.jsonl"
        >>> _ = path.write_text('{"a": 1}\\n\\n[2]\\n')
        >>> list(read_jsonl(path))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        stancelab.corpus.CorpusError: ...x.jsonl, line 3: expected a JSON object, got a list; ...
    """
    p = Path(path)
    if not p.is_file():
        raise CorpusError(p, "no such file; check the path")
    policy = _policy(on_error, errors)

    def gen() -> Iterator[dict[str, Any]]:
        for _loc, item in _json_records(p):
            if isinstance(item, CorpusError):
                _report(item, policy, errors)
            else:
                yield item

    return gen()


def write_jsonl(
    records: Iterable[Mapping[str, Any] | Article], path: str | os.PathLike[str]
) -> int:
    """Write records as JSON Lines, atomically.

    The records go to a temporary file in the same folder, which then
    replaces ``path`` (``os.replace``): readers never see a half-written
    file, and on error the old file is left as it was. Text is written as
    UTF-8 (``ensure_ascii=False``); a path ending in ``.gz`` is
    gzip-compressed. Missing parent folders are created.

    Args:
        records: Dicts, or :class:`Article` objects (written with
            :meth:`Article.to_dict`).
        path: The file to write.

    Returns:
        The number of records written.

    Raises:
        TypeError: If a record is not a mapping or holds a value JSON cannot
            represent.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> path = Path(tempfile.mkdtemp()) / "out.jsonl"
        >>> write_jsonl([{"id": "a1", "text": "Café talks"}, Article("a2", "More.")], path)
        2
        >>> path.read_text(encoding="utf-8").splitlines()[0]
        '{"id": "a1", "text": "Café talks"}'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
    n = 0
    try:
        with os.fdopen(fd, "wb") as raw:
            out: Any = gzip.GzipFile(fileobj=raw, mode="wb") if target.name.endswith(".gz") else raw
            try:
                for n, record in enumerate(records, 1):
                    obj = record.to_dict() if isinstance(record, Article) else record
                    if not isinstance(obj, Mapping):
                        raise TypeError(f"record {n} is {type(obj).__name__}, not a dict")
                    try:
                        line = json.dumps(dict(obj), ensure_ascii=False)
                    except (TypeError, ValueError) as e:
                        raise TypeError(f"record {n} cannot be written as JSON: {e}") from e
                    out.write(line.encode("utf-8") + b"\n")
            finally:
                if out is not raw:
                    out.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def to_dataset(articles: Iterable[Article]) -> datasets.Dataset:
    """Convert articles to a Hugging Face :class:`datasets.Dataset`.

    Columns are ``id``, ``text``, ``title``, ``date``, ``source`` (all
    strings, possibly null), then one column per :attr:`Article.meta` key
    across all articles (null where an article lacks it).

    Args:
        articles: The articles.

    Returns:
        A dataset with one row per article.

    Raises:
        TypeError: If one meta key holds values of incompatible types.
        ValueError: If a meta key reuses a core field name.

    Example:
        >>> ds = to_dataset([Article("a1", "Talks.", meta={"lang": "en"}), Article("a2", "More.")])
        >>> ds.column_names, ds[1]["lang"]
        (['id', 'text', 'title', 'date', 'source', 'lang'], None)
        >>> articles_from_dataset(ds)[0].meta
        {'lang': 'en'}
    """
    import datasets
    import pyarrow as pa

    arts = list(articles)
    meta_keys: dict[str, None] = {}
    for a in arts:
        for key in a.meta:
            if key in _CORE_FIELDS:
                raise ValueError(f"article {a.id!r}: meta key {key!r} clashes with a core field")
            meta_keys.setdefault(key)
    columns: dict[str, pa.Array] = {
        name: pa.array([getattr(a, name) for a in arts], type=pa.string()) for name in _CORE_FIELDS
    }
    for key in meta_keys:
        try:
            columns[key] = pa.array([a.meta.get(key) for a in arts])
        except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
            raise TypeError(
                f"meta field {key!r} mixes value types ({e}); give it one type in every article"
            ) from e
    return datasets.Dataset(pa.table(columns))


def articles_from_dataset(
    ds: Iterable[Mapping[str, Any]],
    *,
    on_error: OnError | None = None,
    errors: list[CorpusError] | None = None,
) -> list[Article]:
    """Convert a Hugging Face dataset (or any iterable of dicts) to articles.

    Rows are validated like corpus records (errors name ``row N`` of
    ``<dataset>``); columns other than the core fields go to
    :attr:`Article.meta`, leaving out null values, so
    ``articles_from_dataset(to_dataset(arts))`` gives back ``arts``.

    Args:
        ds: A :class:`datasets.Dataset`, or an iterable of dicts.
        on_error: ``"raise"`` or ``"skip"``, as in :func:`iter_corpus`.
        errors: If a list, bad rows are skipped and their errors appended.

    Returns:
        The articles, in row order.

    Raises:
        CorpusError: For a bad row (unless skipping) or if there are no rows.

    Example:
        >>> [a.id for a in articles_from_dataset([{"id": 3, "text": "Ok.", "title": None}])]
        ['3']
    """

    def items() -> Iterator[_Item]:
        for row, record in enumerate(ds, 1):
            clean = {k: v for k, v in record.items() if k in _CORE_FIELDS or v is not None}
            yield _Loc("<dataset>", row=row), clean

    policy = _policy(on_error, errors)
    return list(_articles(items(), "<dataset>", "the dataset has no rows", policy, errors))


def in_context(text: str, start: int, end: int, width: int = 150, mark: str = "**") -> str:
    """A quote inside its surrounding text, marked, for reading.

    Args:
        text: The article text.
        start: Offset of the quote.
        end: End offset of the quote.
        width: Characters of context on each side (cut at word boundaries).
        mark: Put before and after the quote (``**`` is bold in Markdown).

    Example:
        >>> in_context("The minister said: We will not yield. Talks resume Monday.", 19, 37, width=12)
        '… said: **We will not yield.** Talks …'
    """
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    if start - width > 0 and " " in left:
        left = "…" + left[left.index(" ") :]
    if end + width < len(text) and " " in right:
        right = right[: right.rindex(" ")] + " …"
    return " ".join(f"{left}{mark}{text[start:end]}{mark}{right}".split())


def demo_corpus_path() -> Path:
    """Return the path of the demo corpus bundled with stancelab.

    It is ``stancelab/data/demo/articles.jsonl`` inside the installed
    package. The path is returned even if a broken install lacks the file;
    :func:`load_demo_corpus` then raises :class:`CorpusError`.

    Returns:
        The path of the demo ``articles.jsonl``.

    Example:
        >>> demo_corpus_path().name
        'articles.jsonl'
    """
    from importlib import resources

    demo = resources.files("stancelab").joinpath("data").joinpath("demo")
    return Path(str(demo.joinpath("articles.jsonl")))


def load_demo_corpus() -> list[Article]:
    """Load the bundled demo corpus (see :func:`demo_corpus_path`).

    Returns:
        The demo articles.

    Raises:
        CorpusError: If the demo file is missing or malformed.

    Example:
        >>> articles = load_demo_corpus() if demo_corpus_path().exists() else [Article("x", "y")]
        >>> all(a.id and a.text for a in articles)
        True
    """
    return load_corpus(demo_corpus_path(), "jsonl")
