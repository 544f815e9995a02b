"""Reading articles as users have them: .txt, folders, CSV, JSONL/JSON, saved HTML, stdin.

`read_articles` never stops at one bad input: every problem becomes a `Problem` naming the
file (and line or row) and what to do, and every readable article is still returned.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from framing.articles import Article, Meta, build_article
from framing.errors import InputError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
JSON_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
READABLE = TEXT_SUFFIXES | TABLE_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ("file", "outlet", "date", "title", "url", "origin", "evidence", "confirmed")
# share of control characters above which decoded text is taken for binary data
BINARY_CONTROL_SHARE = 0.01
# fewer words than this extracted from a page means navigation or a consent wall, not an article
MIN_HTML_WORDS = 20


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How table inputs (CSV/JSONL) name their columns."""

    text_column: str = "text"
    id_column: str = "id"
    outlet_column: str = "outlet"
    date_column: str = "date"
    title_column: str = "title"
    url_column: str = "url"
    event_column: str = "event"


@dataclass(frozen=True, slots=True)
class Problem:
    source: str  # "file", "file:line" or "file:row"
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(slots=True)
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def skipped(self) -> int:
        return len(self.problems)

    def summary(self) -> str:
        s = "" if len(self.articles) == 1 else "s"
        f = "" if self.files == 1 else "s"
        return f"read {len(self.articles)} article{s} from {self.files} file{f}; skipped {self.skipped}"


# --- decoding -----------------------------------------------------------------------------


class BinaryInput(InputError):
    pass


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: BOMs first, then UTF-16 without BOM, UTF-8, else cp1252.

    cp1252 before latin-1 because German Windows files use 0x84/0x93 for „ and “, which
    latin-1 turns into control characters. Raises BinaryInput for data that is not text.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    head = data[:4096]
    if b"\x00" in head:
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        half = len(head) / 2
        if odd > 0.3 * half and even < 0.05 * half:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if even > 0.3 * half and odd < 0.05 * half:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
        raise BinaryInput("binary data, not text; give a .txt, .csv, .jsonl or .html file")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if text and controls / len(text) > BINARY_CONTROL_SHARE:
        raise BinaryInput("binary data, not text; give a .txt, .csv, .jsonl or .html file")
    return text, enc


# --- manifests ----------------------------------------------------------------------------


def read_manifest(path: Path) -> tuple[dict[str, Meta], list[Problem]]:
    """A folder's manifest.csv: metadata per file name (columns MANIFEST_FIELDS, `file` required)."""
    problems: list[Problem] = []
    try:
        text, _ = decode_bytes(path.read_bytes())
    except (OSError, InputError) as e:
        return {}, [Problem(str(path), f"cannot read manifest ({e}); metadata not merged")]
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    if "file" not in header:
        return {}, [Problem(f"{path}:1", "manifest has no 'file' column; metadata not merged")]
    out: dict[str, Meta] = {}
    for row in reader:
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(f"{path}:{reader.line_num}",
                                    f"{len(row)} fields where the header has {len(header)}; "
                                    "row ignored (check the quoting)"))
            continue
        r = dict(zip(header, (c.strip() for c in row), strict=True))
        confirmed = set(r.get("confirmed", "").replace(",", " ").split())
        present = {k for k in ("outlet", "date", "title", "url") if r.get(k)}
        out[r["file"]] = Meta(
            outlet=r.get("outlet") or None,
            date=r.get("date") or None,
            title=r.get("title") or None,
            url=r.get("url") or None,
            origin=r.get("origin") or None,
            evidence=r.get("evidence", ""),
            inferred=frozenset(present - confirmed) if "confirmed" in header else frozenset(),
        )
    return out, problems


# --- readers ------------------------------------------------------------------------------


def _meta_from_record(rec: dict[str, str], opts: ReadOptions) -> Meta:
    def get(col: str) -> str | None:
        v = rec.get(col)
        v = "" if v is None else str(v).strip()
        return v or None

    return Meta(
        id=get(opts.id_column),
        outlet=get(opts.outlet_column),
        date=get(opts.date_column),
        title=get(opts.title_column),
        url=get(opts.url_column),
        event=get(opts.event_column),
    )


def _record_article(rec: dict, where: str, fallback_id: str, opts: ReadOptions,
                    extra: Meta | None) -> Article | Problem:
    raw = rec.get(opts.text_column)
    if raw is None or not str(raw).strip():
        return Problem(where, f"empty '{opts.text_column}'; row skipped")
    meta = _meta_from_record(rec, opts)
    if extra:
        meta = meta.merged(extra)
    return build_article(str(raw), id=meta.id or fallback_id, source=where, meta=meta,
                         parse_header=False)


def guess_delimiter(text: str, default: str = ",") -> str:
    """The column separator of a table from its header line: comma, semicolon (German
    spreadsheet exports) or tab, whichever the header holds most often; else `default`."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == default))
    return best if counts[best] else default


def read_csv(text: str, name: str, opts: ReadOptions, delimiter: str = ",") -> Iterator[Article | Problem]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield Problem(name, "empty CSV file; skipped")
        return
    except csv.Error as e:
        yield Problem(f"{name}:1", f"unreadable CSV header ({e}); file skipped")
        return
    if opts.text_column not in header:
        cols = ", ".join(header[:8])
        yield Problem(f"{name}:1", f"no '{opts.text_column}' column (found: {cols}); "
                      "name the text column with --text-column; file skipped")
        return
    stem = Path(name).stem
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Problem(f"{name}:{reader.line_num}", f"unreadable row ({e}); row skipped")
            continue
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield Problem(f"{name}:{line}", f"{len(row)} fields where the header has "
                          f"{len(header)}; row skipped (check the quoting of commas and quotes)")
            continue
        rec = dict(zip(header, row, strict=True))
        yield _record_article(rec, f"{name}:{line}", f"{stem}-{line}", opts, None)


def read_jsonl(text: str, name: str, opts: ReadOptions) -> Iterator[Article | Problem]:
    stem = Path(name).stem
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of records
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            yield Problem(f"{name}:{e.lineno}", f"not valid JSON ({e.msg}); file skipped")
            return
        items: Iterable[tuple[int, object]] = enumerate(data, start=1)
        where_fmt = "{name}:record {n}"
    else:
        def parsed() -> Iterator[tuple[int, object]]:
            for n, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    try:
                        yield n, json.loads(line)
                    except json.JSONDecodeError as e:
                        yield n, e
        items = parsed()
        where_fmt = "{name}:{n}"
    for n, rec in items:
        where = where_fmt.format(name=name, n=n)
        if isinstance(rec, json.JSONDecodeError):
            yield Problem(where, f"not valid JSON ({rec.msg}); line skipped")
        elif not isinstance(rec, dict):
            yield Problem(where, "not a JSON object; line skipped")
        elif opts.text_column not in rec:
            yield Problem(where, f"no '{opts.text_column}' field; name it with --text-column; "
                          "line skipped")
        else:
            yield _record_article(rec, where, f"{stem}-{n}", opts, None)


def read_html(text: str, name: str, meta: Meta | None) -> Article | Problem:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(text, include_comments=False, with_metadata=True,
                                      favor_precision=True)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_HTML_WORDS:
        return Problem(name, "no article text found in the page; save the article page itself "
                       "(not an index or consent page); skipped")
    page = Meta(
        outlet=getattr(doc, "sitename", None) or None,
        date=getattr(doc, "date", None) or None,
        title=getattr(doc, "title", None) or None,
        url=getattr(doc, "url", None) or None,
    )
    full = page if meta is None else meta.merged(page)  # a manifest beside the page wins
    title = full.title
    raw = (title + "\n\n" + body) if title else body
    return build_article(raw, id=Path(name).stem, source=name, meta=full, parse_header=not title)


def _kind_of(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return "tsv" if suffix == ".tsv" else "csv"
    if suffix in JSON_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    head = text.lstrip()[:200].lower()
    if head.startswith(("{", "[")):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html")) or "<body" in text[:5000].lower():
        return "html"
    return "txt"


def read_text_input(text: str, name: str, opts: ReadOptions, meta: Meta | None = None) -> Iterator[Article | Problem]:
    """Articles from the decoded content of one input (file or stdin)."""
    if not text.strip():
        yield Problem(name, "empty file; skipped")
        return
    kind = _kind_of(name, text)
    if kind in ("csv", "tsv"):
        yield from read_csv(text, name, opts, guess_delimiter(text, "\t" if kind == "tsv" else ","))
    elif kind == "jsonl":
        yield from read_jsonl(text, name, opts)
    elif kind == "html":
        yield read_html(text, name, meta)
    else:
        yield build_article(text, id=Path(name).stem, source=name, meta=meta)


def _expand(path: Path) -> Iterator[Path]:
    """Files under a folder, recursive and sorted; hidden files and folders skipped."""
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and p.suffix.lower() in READABLE and p.name != MANIFEST_NAME:
            yield p


def read_articles(paths: Iterable[str], opts: ReadOptions | None = None,
                  stdin: bytes | None = None) -> ReadResult:
    """Read every article from the given paths ('-' is stdin); see the module docstring."""
    result = ReadResult()
    for item in iter_articles(paths, opts, stdin, result):
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            result.articles.append(item)
    return result


def iter_articles(paths: Iterable[str], opts: ReadOptions | None = None, stdin: bytes | None = None,
                  stats: ReadResult | None = None, *, stream_tables: bool = False,
                  max_chars: int | None = None) -> Iterator[Article | Problem]:
    """Articles and problems one by one, in input order (what `read_articles` collects).

    `stats.files` counts the files opened. With `stream_tables`, CSV/TSV/JSONL files are read
    row by row (`stream_table`) instead of whole, so memory does not grow with the file; rows
    whose text has more than `max_chars` characters are then skipped with a problem.
    """
    opts = opts or ReadOptions()
    stats = stats if stats is not None else ReadResult()
    seen: dict[str, str] = {}
    manifests: dict[Path, dict[str, Meta]] = {}
    pending: list[Problem] = []

    def manifest_for(file: Path) -> Meta | None:
        folder = file.parent
        if folder not in manifests:
            mpath = folder / MANIFEST_NAME
            manifests[folder] = {}
            if mpath.is_file():
                entries, probs = read_manifest(mpath)
                manifests[folder] = entries
                pending.extend(probs)
        return manifests[folder].get(file.name)

    def consume(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
        for item in items:
            if isinstance(item, Problem):
                yield item
                continue
            art = item
            if art.id in seen:
                n = 2
                while f"{art.id}-{n}" in seen:
                    n += 1
                new_id = f"{art.id}-{n}"
                yield Problem(art.source, f"duplicate id '{art.id}' (first at {seen[art.id]}); read as '{new_id}'")
                art = replace(art, id=new_id)
            seen[art.id] = art.source
            yield art

    for arg in paths:
        if arg == "-":
            stats.files += 1
            if stdin is None:
                yield Problem("<stdin>", "no input on stdin; skipped")
                continue
            try:
                text, _ = decode_bytes(stdin)
            except InputError as e:
                yield Problem("<stdin>", f"{e}; skipped")
                continue
            yield from consume(read_text_input(text, "<stdin>", opts))
            continue
        path = Path(arg)
        if not path.exists():
            yield Problem(arg, "no such file or folder; check the path")
            continue
        if path.is_dir():
            files = list(_expand(path))
            if not files:
                yield Problem(arg, "folder holds no readable file (.txt, .csv, .jsonl, .json, .html); skipped")
                continue
        else:
            files = [path]
        for f in files:
            stats.files += 1
            name = str(f)
            meta = manifest_for(f)
            yield from pending
            pending.clear()
            if stream_tables and f.suffix.lower() in STREAMED_SUFFIXES:
                yield from consume(stream_table(f, opts, max_chars))
                continue
            try:
                data = f.read_bytes()
            except OSError as e:
                yield Problem(name, f"cannot read ({e.strerror}); skipped")
                continue
            if not data.strip():
                yield Problem(name, "empty file; skipped")
                continue
            try:
                text, enc = decode_bytes(data)
            except InputError as e:
                yield Problem(name, f"{e}; skipped")
                continue
            log.debug("%s: decoded as %s", name, enc)
            yield from consume(read_text_input(text, name, opts, meta))


# --- streaming tables (framing export) -------------------------------------------------------

STREAMED_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson"})
_HEAD_BYTES = 1 << 16
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# a CSV field may hold a long article; the csv module's default limit (128 KiB) would reject it
_FIELD_LIMIT = 1 << 30


def _stream_encoding(head: bytes) -> str | None:
    """The encoding to stream a file in, from its first bytes; None when only reading it whole
    can tell (UTF-16/32, NUL bytes: `decode_bytes` decides)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if b"\x00" in head:
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _too_long(raw: object, max_chars: int | None) -> int:
    n = len(raw) if isinstance(raw, str) else 0
    return n if max_chars is not None and n > max_chars else 0


def stream_table(path: Path, opts: ReadOptions, max_chars: int | None = None) -> Iterator[Article | Problem]:
    """Articles of a CSV/TSV/JSONL file read row by row: memory holds one row, not the file.

    Rows are read as `read_csv`/`read_jsonl` read them (same header rules, same problems with
    file:line); the encoding is told from the first 64 KiB (UTF-8, else cp1252; bytes that do
    not decode later become U+FFFD). Files that only reading whole can decode (UTF-16 without
    BOM) and JSON arrays are read whole.
    """
    name = str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        yield Problem(name, f"cannot read ({e.strerror}); skipped")
        return
    with f:
        head = f.read(_HEAD_BYTES)
        enc = _stream_encoding(head)
        if not head.strip():
            yield Problem(name, "empty file; skipped")
            return
        sample = head.decode(enc or "utf-8", errors="replace")
        if enc is None or sample.lstrip().startswith("[") or path.suffix.lower() == ".json":
            try:
                text, _ = decode_bytes(head + f.read())
            except InputError as e:
                yield Problem(name, f"{e}; skipped")
                return
            yield from read_text_input(text, name, opts)
            return
        if len(_CONTROLS.findall(sample)) > BINARY_CONTROL_SHARE * len(sample):
            yield Problem(name, "binary data, not text; give a .txt, .csv, .jsonl or .html file; skipped")
            return
        raw = io.BufferedReader(_Prefixed(head, f))  # no seek: pipes and FIFOs stream too
        stream = io.TextIOWrapper(raw, encoding=enc, errors="replace", newline="")
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _stream_jsonl(stream, name, opts, max_chars)
        else:
            default = "\t" if path.suffix.lower() == ".tsv" else ","
            yield from _stream_csv(stream, name, opts, guess_delimiter(sample, default), max_chars)


class _Prefixed(io.RawIOBase):
    """A binary stream: `head` (bytes already read), then the rest of `rest`."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase) -> None:
        self.head = head
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        return self.rest.readinto(b)


def _long_problem(where: str, n: int, max_chars: int | None) -> Problem:
    return Problem(where, f"article of {n:,} characters, more than the limit of {max_chars:,} "
                   "(--max-chars); row skipped (split the article or raise the limit)")


def _stream_csv(stream: Iterable[str], name: str, opts: ReadOptions, delimiter: str,
                max_chars: int | None) -> Iterator[Article | Problem]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield Problem(name, "empty CSV file; skipped")
        return
    except csv.Error as e:
        yield Problem(f"{name}:1", f"unreadable CSV header ({e}); file skipped")
        return
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    if opts.text_column not in header:
        cols = ", ".join(header[:8])
        yield Problem(f"{name}:1", f"no '{opts.text_column}' column (found: {cols}); "
                      "name the text column with --text-column; file skipped")
        return
    stem = Path(name).stem
    text_at = header.index(opts.text_column)
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Problem(f"{name}:{first}", f"unreadable row ({e}); row skipped")
            continue
        except UnicodeDecodeError as e:
            yield Problem(f"{name}:{first}", f"cannot decode ({e.reason}); rest of the file skipped")
            return
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield Problem(f"{name}:{line}", f"{len(row)} fields where the header has "
                          f"{len(header)}; row skipped (check the quoting of commas and quotes)")
            continue
        if n := _too_long(row[text_at], max_chars):
            yield _long_problem(f"{name}:{line}", n, max_chars)
            continue
        rec = dict(zip(header, row, strict=True))
        yield _record_article(rec, f"{name}:{line}", f"{stem}-{line}", opts, None)


def _stream_jsonl(stream: Iterable[str], name: str, opts: ReadOptions,
                  max_chars: int | None) -> Iterator[Article | Problem]:
    stem = Path(name).stem
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(where, f"not valid JSON ({e.msg}); line skipped")
            continue
        if not isinstance(rec, dict):
            yield Problem(where, "not a JSON object; line skipped")
        elif opts.text_column not in rec:
            yield Problem(where, f"no '{opts.text_column}' field; name it with --text-column; line skipped")
        elif k := _too_long(rec[opts.text_column], max_chars):
            yield _long_problem(where, k, max_chars)
        else:
            yield _record_article(rec, where, f"{stem}-{n}", opts, None)
