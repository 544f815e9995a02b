"""Lexicons of loaded wording: loading, validation (errors as FILE:LINE) and the shipped default.

A lexicon folder holds `manifest.toml` (version, axis, allowed categories, weight range) and a
CSV with one entry per row. A user's extra list (`--lexicon FILE`) is a CSV with the same
columns, validated against the shipped manifest; `--lexicon-dir DIR` replaces the shipped
folder. The version string of what was loaded goes into every machine-readable output.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from framing.errors import LexiconError
from framing.resources import lexicon_root
from framing.text import lemmatise, token_norm

REQUIRED_COLUMNS = ("id", "term", "match", "category", "leaning", "weight", "neutral", "explanation")
OPTIONAL_COLUMNS = ("contested", "target_note", "source")
MATCH_TYPES = ("lemma", "compound", "compound-head", "compound-modifier", "phrase", "split", "pattern")
GENERIC_LEANINGS = ("none", "target")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    term: str
    match: str
    category: str
    leaning: str
    weight: float
    neutral: tuple[str, ...]
    explanation: str
    contested: bool
    target_note: str
    source: str
    origin: str  # FILE:LINE the entry was read from
    lemmas: tuple[str, ...]  # lower-cased lemmas of the term's words (phrase/split)
    key: str  # lower-cased normal form of a one-word term


@dataclass(frozen=True, slots=True)
class Lexicon:
    name: str
    version: str
    axis: str
    poles: tuple[str, str]
    categories: dict[str, str]
    entries: tuple[Entry, ...]
    axis_def: Axis | None = None  # the axis with its camps (None only for ad-hoc lexicons)

    @property
    def camps(self) -> dict[str, float]:
        """Actor camp -> direction of a word aimed against it, on this lexicon's axis."""
        if self.axis_def is not None:
            return self.axis_def.camps
        return read_axis(self.axis).camps if self.axis else {}

    def by_id(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def find(self, term: str) -> list[Entry]:
        """Entries whose term, normal form or lemma equals a word or phrase (case-insensitive)."""
        low = term.strip().lower()
        lem = " ".join(lemmatise(token_norm(w)).lower() for w in term.split())
        return [e for e in self.entries if low in (e.term.lower(), e.key) or lem == " ".join(e.lemmas)]


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str
    version: str
    axis: str
    file: str
    weight_min: float
    weight_max: float
    categories: dict[str, str]


def _read_text(node: Traversable | Path, shown: str) -> str:
    try:
        data = node.read_bytes()
    except OSError as e:
        raise LexiconError(f"{shown}: cannot read ({e.strerror or e}); check the path") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise LexiconError(f"{shown}:{line}: not UTF-8; save the file as UTF-8") from None


def read_manifest(folder: Traversable | Path, shown: str) -> Manifest:
    text = _read_text(folder / "manifest.toml", f"{shown}/manifest.toml")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LexiconError(f"{shown}/manifest.toml: {e}") from None
    try:
        return Manifest(
            name=str(data["name"]), version=str(data["version"]), axis=str(data["axis"]),
            file=str(data.get("file", "loaded.csv")), weight_min=float(data["weight_min"]),
            weight_max=float(data["weight_max"]), categories=dict(data["categories"]),
        )
    except KeyError as e:
        raise LexiconError(f"{shown}/manifest.toml: missing key {e.args[0]}") from None


@dataclass(frozen=True, slots=True)
class Axis:
    name: str
    description: str
    negative: str
    positive: str
    camps: dict[str, float]  # actor camp -> sign of a word aimed against that camp


def parse_axes(text: str, shown: str) -> dict[str, Axis]:
    """Axes from an axes.toml: each a table with `negative` and `positive` pole names, an
    optional `description` and optional `camps` (actor camp -> number in -1 … 1)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LexiconError(f"{shown}: not valid TOML ({e})") from None
    axes = {}
    for name, v in data.items():
        if not isinstance(v, dict) or not isinstance(v.get("negative"), str) or not isinstance(v.get("positive"), str):
            raise LexiconError(f"{shown}: axis '{name}' needs text values 'negative' and 'positive' (pole names)")
        camps: dict[str, float] = {}
        for camp, x in (v.get("camps") or {}).items():
            if not isinstance(x, int | float) or not -1 <= x <= 1:
                raise LexiconError(f"{shown}: [{name}.camps] {camp} must be a number from -1 to 1")
            camps[str(camp)] = float(x)
        axes[str(name)] = Axis(str(name), str(v.get("description", "")), v["negative"], v["positive"], camps)
    return axes


@cache
def shipped_axes() -> dict[str, Axis]:
    return parse_axes((lexicon_root() / "axes.toml").read_text(encoding="utf-8"), "lexicons/axes.toml")


def read_axis(name: str) -> Axis:
    """A stance axis shipped in lexicons/axes.toml (a lexicon folder may add its own, see
    load_lexicon)."""
    axes = shipped_axes()
    if name not in axes:
        raise LexiconError(f"lexicons/axes.toml: no axis '{name}'; defined: {', '.join(axes)}")
    return axes[name]


def parse_entries(text: str, shown: str, manifest: Manifest, poles: tuple[str, str]) -> list[Entry]:
    """Validate and parse a lexicon CSV; the first problem raises LexiconError(FILE:LINE: …)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise LexiconError(f"{shown}:1: empty file; the first row must name the columns") from None
    unknown = [h for h in header if h not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        raise LexiconError(f"{shown}:1: unknown column '{unknown[0]}'; allowed: "
                           f"{', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}")
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise LexiconError(f"{shown}:1: missing column '{missing[0]}'")
    leanings = (*poles, *GENERIC_LEANINGS)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        where = f"{shown}:{line}"
        if len(row) != len(header):
            raise LexiconError(f"{where}: {len(row)} fields where the header has {len(header)}; "
                               "check the quoting")
        r = {k: v.strip() for k, v in zip(header, row, strict=True)}
        eid, term = r["id"], r["term"]
        if not eid or not _ID_RE.match(eid):
            raise LexiconError(f"{where}: bad id '{eid}'; use lower-case letters, digits, '-', '.', '_'")
        if eid in seen:
            raise LexiconError(f"{where}: duplicate id '{eid}' (first on line {seen[eid]})")
        seen[eid] = line
        if not term:
            raise LexiconError(f"{where}: empty term")
        if r["match"] not in MATCH_TYPES:
            raise LexiconError(f"{where}: unknown match '{r['match']}'; use one of {', '.join(MATCH_TYPES)}")
        if r["category"] not in manifest.categories:
            raise LexiconError(f"{where}: unknown category '{r['category']}'; allowed: "
                               f"{', '.join(manifest.categories)}")
        if r["leaning"] not in leanings:
            raise LexiconError(f"{where}: unknown leaning '{r['leaning']}'; allowed: {', '.join(leanings)}")
        try:
            weight = float(r["weight"])
        except ValueError:
            raise LexiconError(f"{where}: weight '{r['weight']}' is not a number") from None
        if not manifest.weight_min <= weight <= manifest.weight_max:
            raise LexiconError(f"{where}: weight {weight:g} out of range "
                               f"{manifest.weight_min:g}–{manifest.weight_max:g}")
        if r["match"] == "pattern":
            try:
                re.compile(term)
            except re.error as e:
                raise LexiconError(f"{where}: bad pattern '{term}' ({e})") from None
        if r["match"] in ("phrase", "split") and len(term.split()) < 2:
            raise LexiconError(f"{where}: match '{r['match']}' needs at least two words")
        if not r["explanation"]:
            raise LexiconError(f"{where}: empty explanation; say in one sentence why the term is loaded")
        contested = r.get("contested", "").lower()
        if contested not in ("", "yes", "no", "true", "false", "1", "0"):
            raise LexiconError(f"{where}: contested must be yes or no, not '{contested}'")
        words = term.split()
        entries.append(Entry(
            id=eid, term=term, match=r["match"], category=r["category"], leaning=r["leaning"],
            weight=weight, neutral=tuple(n.strip() for n in r["neutral"].split(";") if n.strip()),
            explanation=r["explanation"], contested=contested in ("yes", "true", "1"),
            target_note=r.get("target_note", ""), source=r.get("source", ""), origin=where,
            lemmas=tuple(lemmatise(token_norm(w)).lower() for w in words),
            key=token_norm(term).lower() if len(words) == 1 else term.lower(),
        ))
    return entries


def load_lexicon(lexicon_dir: str | Path | None = None, extra: tuple[str | Path, ...] = ()) -> Lexicon:
    """The shipped lexicon (or the folder `lexicon_dir`), plus extra user CSV files on top."""
    if lexicon_dir is None:
        folder: Traversable | Path = lexicon_root() / "de"
        shown = "lexicons/de"
    else:
        folder = Path(lexicon_dir)
        shown = str(lexicon_dir).rstrip("/")
        if not folder.is_dir():
            raise LexiconError(f"{shown}: no such folder; --lexicon-dir needs a folder with manifest.toml")
    manifest = read_manifest(folder, shown)
    axes = dict(shipped_axes())
    own = folder / "axes.toml"
    if lexicon_dir is not None and own.is_file():  # a user's lexicon may define its own axes
        axes |= parse_axes(_read_text(own, f"{shown}/axes.toml"), f"{shown}/axes.toml")
    if manifest.axis not in axes:
        raise LexiconError(f"{shown}/manifest.toml: unknown axis '{manifest.axis}'; defined in "
                           f"lexicons/axes.toml{' or ' + shown + '/axes.toml' if lexicon_dir else ''}: "
                           f"{', '.join(axes)}")
    axis = axes[manifest.axis]
    poles = (axis.negative, axis.positive)
    entries = parse_entries(_read_text(folder / manifest.file, f"{shown}/{manifest.file}"),
                            f"{shown}/{manifest.file}", manifest, poles)
    version = f"{manifest.name} {manifest.version}"
    ids = {e.id: e.origin for e in entries}
    for path in extra:
        p = Path(path)
        text = _read_text(p, str(p))
        more = parse_entries(text, str(p), manifest, poles)
        for e in more:
            if e.id in ids:
                raise LexiconError(f"{e.origin}: duplicate id '{e.id}' (already in {ids[e.id]})")
            ids[e.id] = e.origin
        entries.extend(more)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        version += f" + {p.name}@{digest}"
    return Lexicon(manifest.name, version, manifest.axis, poles, manifest.categories, tuple(entries), axis)


@cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
