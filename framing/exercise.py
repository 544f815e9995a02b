"""Exercise mode: students mark loaded words themselves; their markings are compared with the
tool's and with each other's.

Students' markings come back as a CSV file (comma, semicolon or tab; UTF-8, a BOM is fine) with
a header row and the columns

    term            the word or phrase as it stands in the text (every occurrence counts;
                    inflected forms too: "Autokrat" also marks "Autokraten")
    start,end       instead of term: character offsets into the article text
                    (`framing explain --format json` shows the text the offsets point into)
    reason          why the student thinks the word is loaded (optional but asked for)
    student         who marked it (optional; without it the whole file is one coder, "class")

Agreement is measured word by word: every word of the text is one unit, marked (1) or not (0)
by each coder (each student and the tool). Krippendorff's alpha over all coders and Cohen's
kappa for pairs come from nltk.metrics.agreement (no data is downloaded). Rows that cannot be
used (a term not in the text, offsets that are not numbers or lie outside the text) are
skipped and listed with their row number.
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.classroom import labels
from framing.errors import InputError

TOOL = "framing"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Marking:
    student: str
    start: int
    end: int
    reason: str
    row: int


@dataclass
class Markings:
    marks: list[Marking] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _term_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"\w*", re.IGNORECASE)


def read_markings(path: str | Path, text: str, lang: str = "en") -> Markings:
    """Students' markings from a CSV file (see the module docstring), resolved against `text`.

    Raises InputError (naming the file) when the file cannot be read or has neither a `term`
    nor a `start` and `end` column; single bad rows are skipped and named in `skipped`."""
    p = Path(path)
    try:
        raw = p.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(f"{p}: cannot read the file ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not UTF-8 text (byte {e.start}); save the table as CSV UTF-8") from e
    first = raw.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise InputError(f"{p}: the file is empty; it needs a header row with term (or start,end) and reason") from None
    cols = {h: i for i, h in enumerate(header)}
    if "term" not in cols and not ("start" in cols and "end" in cols):
        raise InputError(f"{p}:1: the header needs a 'term' column or 'start' and 'end' columns "
                         f"(found: {', '.join(header) or 'nothing'})")
    out = Markings()
    L = labels(lang)

    def cell(row: list[str], name: str) -> str:
        i = cols.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    for n, row in enumerate(reader, 2):
        if not any(c.strip() for c in row):
            continue
        student = cell(row, "student") or ("?" if "student" in cols else "class")
        reason = cell(row, "reason")
        term = cell(row, "term")
        if term:
            found = [(m.start(), m.end()) for m in _term_pattern(term).finditer(text)]
            if not found:
                out.skipped.append(L["skip_not_found"].format(where=f"{p.name}:{n}", term=term, student=student))
                continue
            out.marks += [Marking(student, s, e, reason, n) for s, e in found]
            continue
        s_raw, e_raw = cell(row, "start"), cell(row, "end")
        try:
            s, end = int(s_raw), int(e_raw)
        except ValueError:
            out.skipped.append(L["skip_not_numbers"].format(where=f"{p.name}:{n}", start=repr(s_raw), end=repr(e_raw)))
            continue
        if not 0 <= s < end <= len(text):
            out.skipped.append(L["skip_outside"].format(where=f"{p.name}:{n}", start=s, end=end, length=len(text)))
            continue
        out.marks.append(Marking(student, s, end, reason, n))
    return out


def _marked_words(spans: list[tuple[int, int]], words: list[tuple[int, int]]) -> set[int]:
    """Indexes of the words that overlap any span."""
    out: set[int] = set()
    starts = [w[0] for w in words]
    for s, e in spans:
        i = max(0, bisect.bisect_right(starts, s) - 1)
        while i < len(words) and words[i][0] < e:
            if words[i][1] > s:
                out.add(i)
            i += 1
    return out


def _safe(f: Any) -> float | None:
    try:
        v = float(f())
    except (ZeroDivisionError, ValueError):
        return None
    return None if v != v else round(v, 3)  # NaN: undefined (everyone marked nothing, or all)


def check_markings(view: dict[str, Any], markings: Markings) -> dict[str, Any]:
    """Compare students' markings with the tool's flags (all voices) and with each other.

    Returns agreement figures (alpha over all coders; kappa of each student with the tool and
    the mean kappa between students; None where undefined), the words students found that the
    tool did not (candidates for the class word list, with the students and their reasons),
    the tool's words no student marked (with the tool's explanation), those found by both,
    and the skipped rows."""
    from nltk.metrics.agreement import AnnotationTask

    text: str = view["text"]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    by_student: dict[str, list[Marking]] = defaultdict(list)
    for mk in markings.marks:
        by_student[mk.student].append(mk)
    students = sorted(by_student)
    tool_spans = [(f["start"], f["end"]) for f in view["flags"]]
    marked = {TOOL: _marked_words(tool_spans, words)}
    for st in students:
        marked[st] = _marked_words([(m.start, m.end) for m in by_student[st]], words)
    coders = [TOOL, *students]
    agreement: dict[str, Any] = {"units": len(words), "coders": coders, "alpha": None, "kappa_tool": {},
                                 "kappa_students": None}
    if students and words:
        data = [(c, i, int(i in marked[c])) for c in coders for i in range(len(words))]
        task = AnnotationTask(data=data)
        agreement["alpha"] = _safe(task.alpha)
        agreement["kappa_tool"] = {st: _safe(lambda st=st: task.kappa_pairwise(TOOL, st)) for st in students}
        pairs = [_safe(lambda a=a, b=b: task.kappa_pairwise(a, b)) for a, b in itertools.combinations(students, 2)]
        known = [k for k in pairs if k is not None]
        agreement["kappa_students"] = round(sum(known) / len(known), 3) if known else None
    # students' words the tool missed, grouped by the word as written
    tool_words = marked[TOOL]
    missed: dict[str, dict[str, Any]] = {}
    for mk in markings.marks:
        if _marked_words([(mk.start, mk.end)], words) & tool_words:
            continue
        surface = " ".join(text[mk.start : mk.end].split())
        key = surface.lower()
        item = missed.setdefault(key, {"term": surface, "students": [], "reasons": [], "rows": []})
        if mk.student not in item["students"]:
            item["students"].append(mk.student)
        if mk.reason and mk.reason not in item["reasons"]:
            item["reasons"].append(mk.reason)
        if mk.row not in item["rows"]:
            item["rows"].append(mk.row)
    candidates = sorted(missed.values(), key=lambda x: (-len(x["students"]), x["term"].lower()))
    tool_only: list[dict[str, Any]] = []
    both: list[dict[str, Any]] = []
    for f in view["flags"]:
        fw = _marked_words([(f["start"], f["end"])], words)
        who = [st for st in students if fw & marked[st]]
        item = {"n": f["n"], "term": f["term"], "voice": f["voice"], "speaker": f["speaker"],
                "category": f["category"], "sentence_no": f["sentence_no"], "sentence_text": f["sentence_text"],
                "explanation": f["explanation"], "neutral": f["neutral"], "students": who}
        (both if who else tool_only).append(item)
    return {"article": {k: view[k] for k in ("id", "outlet", "date", "title", "words")},
            "students": students, "agreement": agreement, "candidates": candidates,
            "tool_only": tool_only, "both": both, "skipped": markings.skipped,
            "marks": len(markings.marks)}
