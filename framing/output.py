"""Writing output safely: atomically, and with spreadsheet-safe CSV cells.

Atomic: an output file is written to a temporary file in the same folder and renamed over the
target only when everything was written, so an interrupted run (Ctrl-C, a full disk, an error)
leaves no half file and never clobbers an older complete one.

Spreadsheet-safe: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return as a formula (OWASP, "CSV Injection"). Text cells that start so get a leading
apostrophe, which spreadsheets show as text and do not display; numbers stay numbers, so
`-0.25` is left alone while `-Putin` or `=HYPERLINK(…)` are neutralised.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from framing.errors import InputError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?")


def csv_safe(text: str) -> str:
    """`text` as a CSV cell a spreadsheet shows as text: cells that would start a formula get a
    leading `'`; numbers (also signed ones) are left as they are."""
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_line(cells: Iterable[str], delimiter: str = ",") -> str:
    """One CSV record ending in "\n" (RFC 4180 quoting): a cell is quoted when it holds the
    delimiter, a quotation mark, LF or CR. Python's csv writer with a "\n" line terminator
    leaves a lone CR unquoted, and its own reader then rejects the file."""
    special = (delimiter, '"', "\n", "\r")
    out = []
    for cell in cells:
        if any(ch in cell for ch in special):
            cell = '"' + cell.replace('"', '""') + '"'
        out.append(cell)
    return delimiter.join(out) + "\n"


# C0 controls but tab and line feed, DEL and the C1 controls: a terminal acts on them (ANSI
# escape sequences start with ESC), so text from articles never reaches it raw
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` for a terminal or a Markdown page: control characters shown as visible symbols
    (ESC as ␛, C1 controls as �), so input cannot move the cursor, recolour or retitle the
    terminal."""
    return _CONTROL_RE.sub(_visible, text)


def _visible(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # the Unicode control pictures: ␀ … ␟
    return "\u2421" if c == 0x7F else "\ufffd"


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], *, encoding: str = "utf-8",
                  newline: str | None = None) -> Iterator[IO[str]]:
    """Open `path` for writing text atomically: a temporary file beside it, renamed over `path`
    when the block ends without an exception, removed otherwise (KeyboardInterrupt included).

    Raises InputError with the path and what to do when the folder is missing or not writable.
    """
    target = Path(path)
    if target.exists() and not target.is_file():  # /dev/stdout, /dev/null, a pipe: write to it as it is
        if target.is_dir():
            raise InputError(f"{target}: is a folder; give a file name")
        try:
            with open(target, "w", encoding=encoding, newline=newline) as f:
                yield f
        except OSError as e:
            raise InputError(f"{target}: cannot write ({e.strerror})") from e
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: the folder {folder} does not exist; create it or choose another path")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise InputError(f"{target}: cannot write in {folder} ({e.strerror}); choose another path") from e
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private (0600); a new file gets the usual mode
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"{target}: cannot write ({e.strerror}); nothing written") from e
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
