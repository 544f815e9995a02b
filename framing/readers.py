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
import stat
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from framing.articles import Article, Meta, build_article, normalise_date
from framing.errors import InputError
from framing.languages import DEFAULT as DEFAULT_LANGUAGE
from framing.languages import UNDETERMINED, Language, default_language, get_language

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
    input_format: str | None = None  # csv, tsv, jsonl, html or txt for every input; None: by name and content
    language: str = DEFAULT_LANGUAGE  # the language of the run (framing.languages): other text is read, not scored


@dataclass(frozen=True, slots=True)
class Problem:
    source: str  # "file", "file:line" or "file:row"
    message: str
    skipped: bool = True  # False for a note about a record that was still read (a repaired line, a dropped date)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(slots=True)
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped)

    def summary(self, count: int | None = None) -> str:
        """`count`: the articles read when they were streamed rather than kept in `articles`."""
        n = len(self.articles) if count is None else count
        s = "" if n == 1 else "s"
        f = "" if self.files == 1 else "s"
        return f"read {n} article{s} from {self.files} file{f}; skipped {self.skipped}"


# --- decoding -----------------------------------------------------------------------------


class BinaryInput(InputError):
    pass


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes (see `decode_input`, whose notes this drops)."""
    text, enc, _ = decode_input(data)
    return text, enc


def decode_input(data: bytes) -> tuple[str, str, list[tuple[int, str]]]:
    """Decode the bytes of one input, deciding per file with evidence, and say what was repaired.

    BOMs first (UTF-8, UTF-16 LE/BE, UTF-32), then UTF-16 without BOM (NUL bytes at every other
    position), then UTF-8; a file that is not UTF-8 at all is cp1252 (before latin-1: German
    Windows files use 0x84/0x93 for „ and “, which latin-1 turns into control characters). A
    UTF-8 file with a few invalid bytes is not re-decoded as a whole: only the lines holding
    them are read as cp1252, each with a note. Stray NUL bytes are removed with a note.
    Returns (text, encoding, notes) where notes are (line number, message); raises BinaryInput
    for data that is not text.
    """
    notes: list[tuple[int, str]] = []
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[3:], notes), "utf-8-sig", notes
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            if "\ufffd" in text:
                notes.append((1, f"bytes that are not valid {enc.upper()} replaced by �"))
            return _checked(text), enc, notes
    if b"\x00" in data[:4096]:
        head = data[:4096]
        even, odd, half = head[0::2].count(0), head[1::2].count(0), len(head) / 2
        if odd > 0.3 * half and even < 0.05 * half:
            return _checked(data.decode("utf-16-le", errors="replace")), "utf-16-le", notes
        if even > 0.3 * half and odd < 0.05 * half:
            return _checked(data.decode("utf-16-be", errors="replace")), "utf-16-be", notes
        nuls = data.count(0)
        if nuls > BINARY_CONTROL_SHARE * len(data):
            raise BinaryInput("binary data, not text; give a .txt, .csv, .jsonl or .html file")
        first = data[: data.index(0)].count(b"\n") + 1
        notes.append((first, f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed"))
        data = data.replace(b"\x00", b"")
    try:
        return _checked(data.decode("utf-8")), "utf-8", notes
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="surrogateescape")
    escaped = sum(1 for c in loose if "\udc80" <= c <= "\udcff")
    valid = sum(1 for c in loose if c >= "\x80" and not "\udc80" <= c <= "\udcff")
    if valid >= escaped:  # UTF-8 with a few bad bytes: repair only their lines
        return _checked(_decode_utf8(data, notes)), "utf-8", notes
    return _checked(data.decode("cp1252", errors="replace")), "cp1252", notes


def _decode_utf8(data: bytes, notes: list[tuple[int, str]]) -> str:
    """UTF-8, where a line with invalid bytes is read as cp1252 (noted)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            notes.append((i + 1, "bytes that are not valid UTF-8; this line was read as cp1252"))
            lines[i] = line.decode("cp1252", errors="replace").encode("utf-8")
    return b"\n".join(lines).decode("utf-8")


# C0 control characters other than tab, line feed, vertical tab, form feed and carriage return
_CONTROLS = frozenset(chr(c) for c in range(32)) - set("\t\n\v\f\r")
# a text with fewer control characters than this is never taken for binary data
MIN_BINARY_CONTROLS = 8


def _checked(text: str) -> str:
    controls = sum(1 for c in text if c in _CONTROLS)
    if controls >= MIN_BINARY_CONTROLS and controls > BINARY_CONTROL_SHARE * len(text):
        raise BinaryInput("binary data, not text; give a .txt, .csv, .jsonl or .html file")
    return text


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
        if r.get("date") and normalise_date(r["date"]) is None:
            problems.append(Problem(f"{path}:{reader.line_num}", f"date '{r['date'][:40]}' is not a valid date; "
                                    "read without a date", skipped=False))
            r["date"] = ""
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


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# metadata fields a table row may give; ids may be numbers, the rest must be text
_META_FIELDS = ("id", "outlet", "date", "title", "url", "event")


def _clean_value(value: object) -> str | None:
    """A table or JSON value as text: strings as they are (lone surrogates, which no file can
    hold, replaced by U+FFFD), whole numbers as digits; None for anything else."""
    if isinstance(value, str):
        return _SURROGATE_RE.sub("\ufffd", value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _meta_from_record(rec: dict, opts: ReadOptions, where: str, problems: list[Problem]) -> Meta:
    cols = dict(zip(_META_FIELDS, (opts.id_column, opts.outlet_column, opts.date_column, opts.title_column,
                                   opts.url_column, opts.event_column), strict=True))
    got: dict[str, str | None] = {}
    for key, col in cols.items():
        raw = rec.get(col)
        v = _clean_value(raw) if raw is not None else None
        if raw is not None and v is None:
            problems.append(Problem(where, f"'{col}' is {_json_kind(raw)}, not text; ignored", skipped=False))
        v = (v or "").strip() or None
        if key == "date" and v is not None and normalise_date(v) is None:
            problems.append(Problem(where, f"date '{v[:40]}' is not a valid date (YYYY, YYYY-MM, YYYY-MM-DD or "
                                    "DD.MM.YYYY); read without a date", skipped=False))
            v = None
        got[key] = v
    return Meta(id=got["id"], outlet=got["outlet"], date=got["date"], title=got["title"], url=got["url"],
                event=got["event"])


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a JSON object"
    if isinstance(value, list):
        return "a JSON list"
    return type(value).__name__


def _record_article(rec: dict, where: str, fallback_id: str, opts: ReadOptions,
                    extra: Meta | None) -> Iterator[Article | Problem]:
    raw = rec.get(opts.text_column)
    if raw is not None and not isinstance(raw, str):
        yield Problem(where, f"'{opts.text_column}' is {_json_kind(raw)}, not text; row skipped")
        return
    text = _clean_value(raw)
    if text is None or not text.strip():
        yield Problem(where, f"empty '{opts.text_column}'; row skipped")
        return
    if text != raw:
        yield Problem(where, "unpaired surrogate escapes in the text replaced by �", skipped=False)
    problems: list[Problem] = []
    meta = _meta_from_record(rec, opts, where, problems)
    yield from problems
    if extra:
        meta = meta.merged(extra)
    yield build_article(text, id=meta.id or fallback_id, source=where, meta=meta, parse_header=False,
                        language=run_language(opts))


def guess_delimiter(text: str, default: str = ",") -> str:
    """The column separator of a table from its header line: comma, semicolon (German
    spreadsheet exports) or tab, whichever the header holds most often; else `default`."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == default))
    return best if counts[best] else default


# the csv module's field limit (131,072 characters by default) would split a long article
# into invented rows; articles are never longer than this
csv.field_size_limit(2**31 - 1)
_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def read_csv(text: str, name: str, opts: ReadOptions, delimiter: str = ",") -> Iterator[Article | Problem]:
    """Rows of a CSV/TSV table as articles (the rules are `csv_records`')."""
    if "\r" in text:  # CR-only line ends (old Mac files) become LF; a lone CR inside a line (written
        # unquoted by Python's own csv writer, which then cannot read it back) becomes a space
        text = text.replace("\r\n", "\n").replace("\r", "\n" if "\n" not in text else " ")
    # lines found as they are read: the table is held once (its text), not twice
    yield from csv_records((m.group() for m in _LINE_RE.finditer(text)), name, opts, delimiter)


class _Lines:
    """Physical lines of a table, numbered, with a way back: the lines a failed record swallowed
    after its first are read again (`csv_records`)."""

    def __init__(self, source: Iterator[str]) -> None:
        self.source = source
        self.again: deque[str] = deque()
        self.taken = 0  # lines consumed so far (the header is line 1)

    def feed(self, used: list[str]) -> Iterator[str]:
        """Lines for one record; each one handed out is appended to `used`."""
        while True:
            if self.again:
                line = self.again.popleft()
            else:
                got = next(self.source, None)
                if got is None:
                    return
                line = got
            used.append(line)
            yield line

    def give_back(self, used: list[str]) -> None:
        """A record failed: only its first line counts as read, the others come again."""
        self.again.extendleft(reversed(used[1:]))
        self.taken += 1


def csv_records(lines: Iterator[str], name: str, opts: ReadOptions, delimiter: str = ",",
                max_chars: int | None = None) -> Iterator[Article | Problem]:
    """Rows of a CSV/TSV table as articles, from its physical lines (split at LF only, CRs
    already dealt with): the one set of row rules for tables read whole (`read_csv`) and
    streamed (`stream_table`), so every command reads a table alike.

    The header is the first line. A row the parser cannot read (an unclosed quotation mark, a
    quote inside an unquoted field) or with a wrong number of fields is reported with its line
    and skipped, and reading goes on at the next line: an unclosed quotation mark can never
    turn the rest of the file into invented rows (strict parsing fails at the next quotation
    mark it swallows, and the line after the bad row starts afresh). A row is named by its
    first line; with `max_chars`, a row whose text is longer is skipped with a problem."""
    first = next(lines, None)
    if first is None:
        yield Problem(name, "empty CSV file; skipped")
        return
    try:
        header = [h.strip() for h in next(csv.reader([first], delimiter=delimiter, strict=True))]
    except (csv.Error, StopIteration) as e:
        yield Problem(f"{name}:1", f"unreadable CSV header ({e}); file skipped")
        return
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:].strip()
    if opts.text_column not in header:
        cols = ", ".join(header[:8])
        yield Problem(f"{name}:1", f"no '{opts.text_column}' column (found: {cols}); "
                      "name the text column with --text-column; file skipped")
        return
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        yield Problem(f"{name}:1", f"duplicate column{'s' if len(dupes) > 1 else ''} {', '.join(dupes)}; "
                      "the first of each is read", skipped=False)
    stem = Path(name).stem
    text_at = header.index(opts.text_column)
    src = _Lines(lines)
    src.taken = 1
    while True:
        start = src.taken + 1  # the record's first line
        used: list[str] = []
        reader = csv.reader(src.feed(used), delimiter=delimiter, strict=True)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            what = "unclosed quotation mark" if "EOF" in str(e) or "expected" in str(e) else str(e)
            yield Problem(f"{name}:{start}", f"unreadable row ({what}); row skipped, reading goes on "
                          "at the next line (check the quoting)")
            src.give_back(used)
            continue
        src.taken += len(used)
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield Problem(f"{name}:{start}", f"{len(row)} fields where the header has "
                          f"{len(header)}; row skipped (check the quoting of commas and quotes)")
            if len(used) > 1:  # a multi-line misfit may have swallowed rows
                src.taken -= len(used)
                src.give_back(used)
            continue
        if n := _too_long(row[text_at], max_chars):
            yield _long_problem(f"{name}:{start}", n, max_chars)
            continue
        rec: dict[str, str] = {}
        for h, v in zip(header, row, strict=True):
            rec.setdefault(h, v)
        yield from _record_article(rec, f"{name}:{start}", f"{stem}-{start}", opts, None)


def read_jsonl(text: str, name: str, opts: ReadOptions) -> Iterator[Article | Problem]:
    stem = Path(name).stem
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of records
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            yield Problem(f"{name}:{e.lineno}", f"not valid JSON ({e.msg}); file skipped")
            return
        except RecursionError:
            yield Problem(name, "JSON nested too deeply to read; file skipped")
            return
        if not isinstance(data, list):
            data = [data]
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
                    except RecursionError:
                        yield n, json.JSONDecodeError("nested too deeply", line, 0)
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
            yield from _record_article(rec, where, f"{stem}-{n}", opts, None)


def run_language(opts: ReadOptions) -> Language | None:
    """The run's language, whose boilerplate rules `build_article` applies (None: German, also
    for a code no language module knows; `admit` reports that case)."""
    try:
        return get_language(opts.language)
    except KeyError:
        return None


def read_html(text: str, name: str, meta: Meta | None, language: Language | None = None) -> Article | Problem:
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
    return build_article(raw, id=Path(name).stem, source=name, meta=full, parse_header=not title,
                         language=language)


def _kind_of(name: str, text: str, opts: ReadOptions) -> str:
    """The input's format: from the file name's suffix, else sniffed from the content (stdin,
    unknown suffixes): JSON starts with { or [, HTML with a doctype or <html>, and a table's
    first line names the text column between separators."""
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
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    for d in (",", ";", "\t"):
        if opts.text_column in (c.strip().strip('"') for c in first.split(d)) and first.count(d):
            return "tsv" if d == "\t" else "csv"
    return "txt"


def read_text_input(text: str, name: str, opts: ReadOptions, meta: Meta | None = None,
                    kind: str | None = None) -> Iterator[Article | Problem]:
    """Articles from the decoded content of one input (file or stdin); `kind` (csv, tsv,
    jsonl, html, txt) overrides the format found from the name and content."""
    if not text.strip():
        yield Problem(name, "empty file; skipped")
        return
    kind = kind or opts.input_format or _kind_of(name, text, opts)
    if kind in ("csv", "tsv"):
        yield from read_csv(text, name, opts, guess_delimiter(text, "\t" if kind == "tsv" else ","))
    elif kind == "jsonl":
        items = list(read_jsonl(text, name, opts))
        if Path(name).suffix.lower() not in JSON_SUFFIXES and not any(isinstance(i, Article) for i in items):
            # sniffed as JSON, but it is text starting with [ or {
            yield from _read_txt(text, name, meta, run_language(opts))
        else:
            yield from items
    elif kind == "html":
        yield read_html(text, name, meta, run_language(opts))
    else:
        yield from _read_txt(text, name, meta, run_language(opts))


def _read_txt(text: str, name: str, meta: Meta | None, language: Language | None = None
              ) -> Iterator[Article | Problem]:
    first = next((ln for ln in text.split("\n", 5) if ln.strip()), "")
    hm = _HEADER_DATE_RE.match(first)
    if hm and normalise_date(hm.group(1)) is None:
        yield Problem(f"{name}:1", f"date '{hm.group(1)}' is not a valid date; read without a date", skipped=False)
    yield build_article(text, id=Path(name).stem, source=name, meta=meta, language=language)


_HEADER_DATE_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b")


# deepest folder nesting that is read; deeper folders are reported, not followed
MAX_DEPTH = 64
# largest input file read (bytes); larger files are reported and skipped
MAX_INPUT_BYTES = 2 * 1024**3


def _expand(path: Path, problems: list[Problem]) -> Iterator[Path]:
    """Files under a folder, recursive and sorted; hidden files and folders skipped.

    Symlinked folders are followed once (a link back into a folder already read is reported);
    unreadable folders and folders nested deeper than MAX_DEPTH are reported, not lost in
    silence. Iterative, so deep nesting cannot exhaust the stack.
    """
    seen = {path.resolve()}
    stack: list[tuple[Path, int]] = [(path, 0)]
    found: list[Path] = []
    while stack:
        folder, depth = stack.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError as e:
            problems.append(Problem(str(folder), f"cannot read folder ({e.strerror}); skipped"))
            continue
        for p in entries:
            if p.name.startswith("."):
                continue
            if p.is_dir():
                real = p.resolve()
                if real in seen:
                    problems.append(Problem(str(p), f"link to {real}, which is read already; skipped"))
                elif depth + 1 > MAX_DEPTH:
                    problems.append(Problem(str(p), f"folders nested deeper than {MAX_DEPTH}; skipped"))
                else:
                    seen.add(real)
                    stack.append((p, depth + 1))
            elif p.suffix.lower() in READABLE and p.name != MANIFEST_NAME:
                found.append(p)
    yield from sorted(found)


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; special files (pipes, devices, sockets) and files larger
    than MAX_INPUT_BYTES are refused with an InputError saying so."""
    try:
        st = path.stat()
    except OSError as e:
        raise InputError(f"cannot read ({e.strerror}); skipped") from e
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file (a pipe, device or socket); give a file or use - for stdin; skipped")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(f"{st.st_size:,} bytes, larger than the {MAX_INPUT_BYTES:,} read; split the file; skipped")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read ({e.strerror}); skipped") from e


def admit(art: Article, seen: dict[str, str], language: Language | None = None, *,
          checked: bool = False) -> Iterator[Article | Problem]:
    """An article as it enters a run: its id made unique among the ids `seen` so far ("a",
    "a-2"; `seen` maps id to source and is updated), and a text that does not look like the
    run's `language` (default German) marked as undetermined (read, not scored). Notes come
    first, as Problems that skip nothing; the article last. `checked`: the article was admitted
    to a run in this language before (read from a path): its language is not checked again."""
    if art.id in seen:
        n = 2
        while f"{art.id}-{n}" in seen:
            n += 1
        new_id = f"{art.id}-{n}"
        yield Problem(art.source, f"duplicate id '{art.id}' (first at {seen[art.id]}); read as '{new_id}'",
                      skipped=False)
        art = replace(art, id=new_id)
    seen[art.id] = art.source
    if checked:
        yield art
        return
    lang = language or default_language()
    ok, share = lang.looks_like(art.text)
    if not ok:
        yield Problem(art.source, f"does not look like {lang.name} ({share:.0%} {lang.name} function words); "
                      "read but not scored", skipped=False)
        art = replace(art, language=UNDETERMINED)
    elif art.language != lang.code:
        art = replace(art, language=lang.code)
    yield art


class Admitted:
    """Articles that have entered a run already (`admit`: ids unique, language checked), as
    `iter_articles` yields them (the command line's stream): `framing.api.read` passes them on
    as they are instead of checking each one a second time."""

    __slots__ = ("_articles",)

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles = articles

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)


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
                  max_chars: int | None = None, stream_min_bytes: int = 0) -> Iterator[Article | Problem]:
    """Articles and problems one by one, in input order (what `read_articles` collects).

    `stats.files` counts the files opened. With `stream_tables`, CSV/TSV/JSONL files (of at
    least `stream_min_bytes`) are read row by row (`stream_table`) instead of whole, so memory
    does not grow with the file; rows whose text has more than `max_chars` characters are then
    skipped with a problem.
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
            else:
                yield from admit(item, seen, get_language(opts.language))

    for arg in paths:
        if arg == "-":
            stats.files += 1
            if stdin is None:
                yield Problem("<stdin>", "no input on stdin; skipped")
                continue
            try:
                text, _, notes = decode_input(stdin)
            except InputError as e:
                yield Problem("<stdin>", f"{e}; skipped")
                continue
            yield from (Problem(f"<stdin>:{line}", note, skipped=False) for line, note in notes)
            yield from consume(read_text_input(text, "<stdin>", opts))
            continue
        if not arg.strip():
            yield Problem(repr(arg), "empty path; give a file or folder")
            continue
        path = Path(arg)
        if not path.exists():
            yield Problem(arg, "no such file or folder; check the path")
            continue
        if path.is_dir():
            found: list[Problem] = []
            files = list(_expand(path, found))
            yield from found
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
            if stream_tables and f.suffix.lower() in STREAMED_SUFFIXES and _size(f) >= stream_min_bytes:
                yield from consume(stream_table(f, opts, max_chars))
                continue
            try:
                data = _read_bytes(f)
            except InputError as e:
                yield Problem(name, str(e))
                continue
            if not data.strip():
                yield Problem(name, "empty file; skipped")
                continue
            try:
                text, enc, notes = decode_input(data)
            except InputError as e:
                yield Problem(name, f"{e}; skipped")
                continue
            data = b""  # the bytes are not kept while the articles of the text stream out
            yield from (Problem(f"{name}:{line}", note, skipped=False) for line, note in notes)
            log.debug("%s: decoded as %s", name, enc)
            yield from consume(read_text_input(text, name, opts, meta))


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0


# --- streaming tables (framing export) -------------------------------------------------------

STREAMED_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson"})
_HEAD_BYTES = 1 << 16
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
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
        if len(_CONTROL_RE.findall(sample)) > BINARY_CONTROL_SHARE * len(sample):
            yield Problem(name, "binary data, not text; give a .txt, .csv, .jsonl or .html file; skipped")
            return
        raw = io.BufferedReader(_Prefixed(head, f))  # no seek: pipes and FIFOs stream too
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            stream = io.TextIOWrapper(raw, encoding=enc, errors="replace", newline="")
            yield from _stream_jsonl(stream, name, opts, max_chars)
        else:
            # lines end at LF only, as read_csv splits them; a file with CRs and no LF ends at CR
            cr_only = "\r" in sample and "\n" not in sample
            stream = io.TextIOWrapper(raw, encoding=enc, errors="replace", newline="\r" if cr_only else "\n")
            default = "\t" if path.suffix.lower() == ".tsv" else ","
            yield from _stream_csv(stream, name, opts, guess_delimiter(sample, default), max_chars, cr_only)


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


def _stream_lines(stream: Iterable[str], cr_only: bool) -> Iterator[str]:
    """Physical lines of a streamed table as `read_csv` sees them: CRLF read as LF; a lone CR
    inside a line as a space; in a file with CR line ends only (old Mac files, told from its
    first 64 KiB) each CR as LF."""
    for line in stream:
        if "\r" in line:
            line = line.replace("\r", "\n") if cr_only else line.replace("\r\n", "\n").replace("\r", " ")
        yield line


def _stream_csv(stream: Iterable[str], name: str, opts: ReadOptions, delimiter: str,
                max_chars: int | None, cr_only: bool = False) -> Iterator[Article | Problem]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    yield from csv_records(_stream_lines(stream, cr_only), name, opts, delimiter, max_chars)


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
            yield from _record_article(rec, where, f"{stem}-{n}", opts, None)
