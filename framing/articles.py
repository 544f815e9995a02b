"""The `Article` record and how a raw text becomes one: header, parts, boilerplate, outlet.

`build_article` is the single place where a text that was read (from a .txt file, a CSV/JSONL
row, an HTML page or stdin) is turned into an `Article`: the scraped boilerplate is removed from
the scored text and kept in `Article.removed`, the headline, lead, body, subheading and caption
parts are marked, and the outlet is taken from metadata or inferred with its evidence.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from framing.languages import DEFAULT as DEFAULT_LANGUAGE
from framing.languages import Language, default_language
from framing.outlets import infer_outlet, outlet_from_url

PART_KINDS = ("headline", "lead", "body", "subheading", "caption")


@dataclass(frozen=True, slots=True)
class Part:
    """A marked stretch of `Article.text`: headline, lead, body, subheading or caption."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of boilerplate removed from the scored text, with where it was and why."""

    line: int  # 1-based line in the source text (0 when unknown)
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str  # the text that is scored: headline, then the cleaned body
    source: str  # path (and row) it was read from
    outlet: str | None = None
    outlet_inferred: bool = False
    outlet_evidence: str = ""
    date: str | None = None
    title: str | None = None
    url: str | None = None
    reprint_of: str | None = None  # whose text this is when it republishes another outlet
    author: str | None = None
    event: str | None = None
    language: str = DEFAULT_LANGUAGE  # "und" when the text is not in the run's language: read, not scored
    parts: tuple[Part, ...] = ()
    removed: tuple[Removed, ...] = field(default=())
    # starts of the parts when they are in text order and do not overlap (then `part_at` bisects)
    _part_starts: tuple[int, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = self.parts
        if all(a.end <= b.start for a, b in pairwise(parts)):
            object.__setattr__(self, "_part_starts", tuple(p.start for p in parts))

    def parts_at(self, offsets: Sequence[int]) -> list[str]:
        """`part_at` of each of many ascending offsets (sentence starts): one merged walk over
        ordered parts instead of a search per offset."""
        starts = self._part_starts
        if starts is None:
            return [self.part_at(o) for o in offsets]
        parts, n = self.parts, len(starts)
        out = []
        k = -1
        for o in offsets:
            while k + 1 < n and starts[k + 1] <= o:
                k += 1
            out.append(parts[k].kind if k >= 0 and o < parts[k].end else "body")
        return out

    def part_at(self, offset: int) -> str:
        """Kind of the part containing a character offset ('body' when none is marked)."""
        starts = self._part_starts
        if starts is not None:  # ordered parts: the only candidate is the last one starting at or before
            k = bisect_right(starts, offset) - 1
            if k >= 0 and offset < self.parts[k].end:
                return self.parts[k].kind
            return "body"
        for p in self.parts:
            if p.start <= offset < p.end:
                return p.kind
        return "body"


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata known from outside the text (manifest, CSV columns, HTML metadata)."""

    id: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str | None = None
    evidence: str = ""
    inferred: frozenset[str] = frozenset()  # fields that are inferred, not confirmed
    event: str | None = None

    def merged(self, other: Meta) -> Meta:
        """Self, with empty fields filled from `other`."""
        return Meta(
            id=self.id or other.id,
            outlet=self.outlet or other.outlet,
            date=self.date or other.date,
            title=self.title or other.title,
            url=self.url or other.url,
            origin=self.origin or other.origin,
            evidence="; ".join(e for e in (self.evidence, other.evidence) if e),
            inferred=self.inferred | other.inferred,
            event=self.event or other.event,
        )


# --- header line --------------------------------------------------------------------------

_HEADER_RE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s*(.*)$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# A title is short and does not read like running text; a lead paragraph has several
# sentences or ends like one. Seed titles are 8-16 words; the seed lead in 003 is 41 words.
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200


def looks_like_title(line: str, language: Language | None = None) -> bool:
    """True if a line reads like a headline rather than a lead paragraph or body text (in
    `language`, German by default)."""
    s = line.strip()
    if not s or len(s) > TITLE_MAX_CHARS or len(s.split()) > TITLE_MAX_WORDS:
        return False
    if len(s.split()) < 2:
        return False
    if _boilerplate(language or default_language()).sentence_end.search(s):
        return False  # two sentences: a lead, not a title
    return not (s.endswith(".") and len(s.split()) > 12)


def normalise_date(value: str | None) -> str | None:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a metadata value, else None: also for dates
    that do not exist (2024-13, 2023-02-30) or years outside 1800-2199."""
    if not value:
        return None
    v = value.strip()
    m = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", v)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        m = re.match(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", v)  # 19.06.2024
        if not m:
            return None
        d, mo, y = m.groups()
    try:
        datetime.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return None
    if not 1800 <= int(y) < 2200:
        return None
    return "-".join([y] + [p.zfill(2) for p in (mo, d) if p])


# --- boilerplate rules --------------------------------------------------------------------

_BREADCRUMB_RE = re.compile(r"^\s*(\d{1,2})\.\s+\S.{0,60}$")
_CREDIT_TAIL_RE = re.compile(r"\s*©\s*\S.*$")
# marks of a photo credit in any language, besides the language's phrases ("Foto:")
_CREDIT_MARKS = ("©", r"\(c\)\s")
# how a phrase of the language's BOILERPLATE_LINES matches a line (see framing/languages/de.py)
_SHAPES: dict[str, Callable[[str], str]] = {
    "line": lambda p: rf"(?:{re.escape(p)})\s*$",
    "glued": lambda p: "(?:" + r"\s*".join(re.escape(w) for w in p.split()) + r")\s*$",
    "prefix": lambda p: re.escape(p),
    "heading": lambda p: rf"{re.escape(p)}\s*[-–—:]",
}


@dataclass(frozen=True, slots=True)
class _Boilerplate:
    """The boilerplate rules of one language, made from its lists once (`_boilerplate`)."""

    lines: tuple[tuple[str, re.Pattern[str]], ...]  # (rule shown to the user, whole-line pattern)
    byline: re.Pattern[str]  # group 1: the authors
    source_line: re.Pattern[str]  # group 1: the label, group 2: the source
    author_code: re.Pattern[str]  # "(dpa/afp)" at the end of a paragraph; group 1: the code
    sentence_end: re.Pattern[str]  # the end of a sentence and the start of the next


@cache
def _boilerplate(lang: Language) -> _Boilerplate:
    alts: dict[str, list[str]] = {}
    for rule, shape, phrases in lang.sequence("boilerplate_lines"):
        alts.setdefault(rule, []).extend(_SHAPES[shape](p) for p in phrases)
    if "photo-credit" in alts:
        alts["photo-credit"].extend(_CREDIT_MARKS)
    upper = "A-Z" + "".join(lang.sequence("upper_letters_beyond_ascii"))
    lower = upper.lower()
    name = rf"[{upper}][\w.'-]+\s*"
    opener = "|".join(re.escape(w) for w in lang.sequence("byline_openers")) or "(?!)"
    joiner = "|".join(re.escape(w) for w in lang.sequence("byline_joiners")) or "(?!)"
    label = "|".join(re.escape(w) for w in lang.sequence("source_line_labels")) or "(?!)"
    return _Boilerplate(
        lines=tuple((rule, re.compile(rf"^\s*(?:{'|'.join(a)})", re.I)) for rule, a in alts.items()),
        byline=re.compile(rf"^\s*(?:{opener})\s+((?:{name}){{1,4}}(?:(?:{joiner})\s+(?:{name}){{1,3}})?)$"),
        source_line=re.compile(rf"^\s*({label})\s*:\s*(.{{2,60}}?)\s*$"),
        author_code=re.compile(rf"\s*\(([{lower}]{{2,8}}(?:/[{lower}]{{2,8}})*)\)\s*$"),
        sentence_end=re.compile(rf"[.!?…][\"'“”»«’)]*\s+[\"„»{upper}]"),
    )


_TERMINAL = tuple(".!?:…\"“”»«’')]")


@dataclass(slots=True)
class _Line:
    no: int  # 1-based source line
    text: str
    kind: str = "body"


def _strip_boilerplate(lines: list[_Line], removed: list[Removed], meta: dict[str, str],
                       rules: _Boilerplate) -> list[_Line]:
    kept: list[_Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        s = ln.text.strip()
        if not s:
            kept.append(ln)
            i += 1
            continue
        # breadcrumbs: a run of numbered short lines starting at 1 ("1. Startseite", "2. Politik")
        bm = _BREADCRUMB_RE.match(ln.text)
        if bm and bm.group(1) == "1":
            j = i
            expected = 1
            while j < len(lines) and (m := _BREADCRUMB_RE.match(lines[j].text)) and int(m.group(1)) == expected:
                j += 1
                expected += 1
            nxt = lines[j].text.strip() if j < len(lines) else ""
            if j - i >= 1 and (j - i >= 2 or not nxt or len(s) < 30):
                for k in range(i, j):
                    removed.append(Removed(lines[k].no, lines[k].text.strip(), "breadcrumb"))
                i = j
                continue
        rule = next((name for name, rx in rules.lines if rx.match(ln.text)), None)
        if rule:
            removed.append(Removed(ln.no, s, rule))
            i += 1
            continue
        if m := rules.source_line.match(ln.text):
            meta.setdefault("source_label", m.group(1))
            meta.setdefault("source_line", m.group(2))
            removed.append(Removed(ln.no, s, "source-line"))
            i += 1
            continue
        if (m := rules.byline.match(ln.text)) and len(s.split()) <= 7:
            meta.setdefault("author", m.group(1).strip())
            removed.append(Removed(ln.no, s, "byline"))
            i += 1
            continue
        if "©" in ln.text and (cm := _CREDIT_TAIL_RE.search(ln.text)):  # (the check first: search costs)
            # "Zwei Diktatoren unter sich: … © IMAGO/…": keep the caption, drop the credit
            removed.append(Removed(ln.no, cm.group().strip(), "photo-credit"))
            ln = _Line(ln.no, ln.text[: cm.start()], "caption")
            # an image description on the line right above belongs to the caption block
            if kept and kept[-1].text.strip() and kept[-1].kind == "body":
                kept[-1].kind = "caption"
        am = rules.author_code.search(ln.text) if ln.text.rstrip().endswith(")") else None
        if am and len(ln.text.strip()) > len(am.group()) + 20:  # at the end of a paragraph
                removed.append(Removed(ln.no, am.group().strip(), "author-code"))
                meta.setdefault("author_code", am.group(1))
                ln = _Line(ln.no, ln.text[: am.start()], ln.kind)
        kept.append(ln)
        i += 1
    return kept


def _mark_subheadings(lines: list[_Line]) -> None:
    """Short lines without closing punctuation, followed by a paragraph, are subheadings."""
    for i, ln in enumerate(lines):
        s = ln.text.strip()
        if ln.kind != "body" or not s or s.endswith(_TERMINAL):
            continue
        words = len(s.split())
        if 2 <= words <= 20 and i + 1 < len(lines):
            ln.kind = "subheading"


def build_article(
    raw: str,
    *,
    id: str,
    source: str,
    meta: Meta | None = None,
    parse_header: bool = True,
    language: Language | None = None,
) -> Article:
    """Turn a raw text into an `Article` (see the module docstring); the boilerplate rules are
    those of `language` (German by default)."""
    meta = meta or Meta()
    lang = language or default_language()
    rules = _boilerplate(lang)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_Line(n, t) for n, t in enumerate(raw.split("\n"), start=1)]
    date = meta.date
    title = meta.title
    removed: list[Removed] = []
    head: list[_Line] = []
    found: dict[str, str] = {}

    # the first non-empty line: " date YYYY-MM <title or lead>", or a bare title, or text
    first = next((ln for ln in lines if ln.text.strip()), None)
    if parse_header and first is not None:
        hm = _HEADER_RE.match(first.text)
        if hm:
            date = date or hm.group(1)
            rest = hm.group(2).strip()
            removed.append(Removed(first.no, f"date {hm.group(1)}", "date-header"))
            first.text = rest
            if rest and looks_like_title(rest, lang):
                title = title or rest
                first.kind = "headline"
            elif rest:
                first.kind = "lead"
        elif looks_like_title(first.text, lang) and _followed_by_blank(lines, first):
            title = title or first.text.strip()
            first.kind = "headline"
        if first.kind == "headline":
            lines.remove(first)
            head = [first]
    elif title and first is not None and first.text.strip() == title.strip():
        lines.remove(first)

    body = _strip_boilerplate(lines, removed, found, rules)
    # a body that repeats the title as its first line (HTML extraction) keeps one copy
    firstbody = next((ln for ln in body if ln.text.strip()), None)
    if title and firstbody is not None and firstbody.text.strip() == title.strip() and firstbody.kind == "body":
        body.remove(firstbody)
    _mark_subheadings(body)
    # the first body paragraph after the headline is the lead
    lead_given = any(ln.kind == "lead" for ln in body)
    if not lead_given:
        for ln in body:
            if ln.text.strip() and ln.kind == "body":
                ln.kind = "lead"
                break
            if ln.text.strip() and ln.kind not in ("subheading",):
                break

    # a title given as metadata (CSV/JSONL column, saved page, manifest) is the headline, as the
    # first line of a .txt file is
    text, parts = _assemble(head[0].text.strip() if head else title.strip() if title else None, body)

    outlet, inferred, evidence = meta.outlet, "outlet" in meta.inferred, meta.evidence
    if not outlet and meta.url:
        guess = outlet_from_url(meta.url)
        if guess:
            outlet, inferred, evidence = guess, True, f"URL domain of {meta.url}"
    reprint_of = None
    if meta.origin and meta.origin.lower().startswith("reprint of "):
        reprint_of = meta.origin[len("reprint of ") :].strip()
    signal = infer_outlet(text, found.get("source_line"), found.get("author_code"), removed, lang,
                          source_label=found.get("source_label", ""))
    if signal is not None:
        if not outlet:
            outlet, inferred, evidence = signal.outlet, True, signal.evidence
        if signal.reprint and not reprint_of:
            reprint_of = signal.outlet
    return Article(
        id=meta.id or id,
        text=text,
        source=source,
        outlet=outlet or None,
        outlet_inferred=inferred if outlet else False,
        outlet_evidence=evidence if outlet else "",
        date=normalise_date(date),
        title=title.strip() if title else None,
        url=meta.url or None,
        reprint_of=reprint_of,
        author=found.get("author"),
        event=meta.event or None,
        parts=parts,
        removed=tuple(removed),
    )


def _followed_by_blank(lines: list[_Line], first: _Line) -> bool:
    i = lines.index(first)
    return i + 1 >= len(lines) or not lines[i + 1].text.strip()


def _assemble(title: str | None, body: list[_Line]) -> tuple[str, tuple[Part, ...]]:
    """Join headline and body lines into the scored text, marking parts; blank runs collapse."""
    chunks: list[str] = []
    parts: list[Part] = []
    pos = 0

    def add(text: str, kind: str, sep: str) -> None:
        nonlocal pos
        if chunks:
            chunks.append(sep)
            pos += len(sep)
        chunks.append(text)
        parts.append(Part(kind, pos, pos + len(text)))
        pos += len(text)

    if title:
        add(title, "headline", "")
    blank = True
    for ln in body:
        s = ln.text.strip()
        if not s:
            blank = True
            continue
        add(s, ln.kind, "\n\n" if blank else "\n")
        blank = False
    merged: list[Part] = []
    for p in parts:  # neighbouring lines of the same kind form one part
        if merged and merged[-1].kind == p.kind and p.kind == "caption":
            merged[-1] = replace(merged[-1], end=p.end)
        else:
            merged.append(p)
    return "".join(chunks), tuple(merged)
