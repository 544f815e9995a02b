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
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from framing.errors import LexiconError
from framing.languages import Language, default_language
from framing.resources import lexicon_root
from framing.text import is_known, lemmatise, token_norm

REQUIRED_COLUMNS = ("id", "term", "match", "category", "leaning", "weight", "neutral", "explanation")
OPTIONAL_COLUMNS = ("contested", "target_note", "source", "register", "requires", "excludes", "example", "pack")
ALL_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# a teacher's list needs only these; the rest is filled with defaults (and a note says so)
MINIMAL_COLUMNS = ("term", "category")
# overt: loaded wording, counted; conventional: the standard newsroom term for a contested thing
# (Angriffskrieg), shown apart; technical: a term of art (Sanktionsregime), shown apart
REGISTERS = ("overt", "conventional", "technical")
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
    register: str = "overt"  # overt | conventional | technical (REGISTERS)
    requires: tuple[tuple[str, str], ...] = ()  # sentence context: at least one must occur
    excludes: tuple[tuple[str, str], ...] = ()  # sentence context: none may occur
    example: str = ""  # a sentence the team wrote where the word is loaded
    pack: str = ""  # topic pack ("" = core)


@dataclass(frozen=True, slots=True)
class Lexicon:
    name: str
    version: str
    axis: str
    poles: tuple[str, str]
    categories: dict[str, str]
    entries: tuple[Entry, ...]
    axis_def: Axis | None = None  # the axis with its camps (None only for ad-hoc lexicons)
    notes: tuple[str, ...] = ()  # what the loader filled in by default (a teacher's short list)
    packs: tuple[str, ...] = ()  # topic packs the manifest defines
    packs_on: tuple[str, ...] = ()  # the packs loaded
    language: Language | None = None  # the language its terms are lemmatised in (None: the default, German)

    @property
    def lang(self) -> Language:
        """The lexicon's language (the default one for an ad-hoc lexicon that names none)."""
        return default_language() if self.language is None else self.language

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
        lem = " ".join(lemmatise(token_norm(w, self.lang), self.lang).lower() for w in term.split())
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
    packs: dict[str, Pack] = field(default_factory=dict)
    # named word-sense contexts: `@arts` in a requires/excludes cell stands for this list
    contexts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    file: str
    enabled: bool
    description: str


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
            packs={str(k): Pack(str(k), str(v.get("file", f"packs/{k}.csv")), bool(v.get("enabled", False)),
                                str(v.get("description", "")))
                   for k, v in dict(data.get("packs", {})).items()},
            contexts={str(k): str(v) for k, v in dict(data.get("contexts", {})).items()},
        )
    except KeyError as e:
        raise LexiconError(f"{shown}/manifest.toml: missing key {e.args[0]}") from None
    except (AttributeError, TypeError, ValueError) as e:
        raise LexiconError(f"{shown}/manifest.toml: {e}; [packs.NAME] needs file, enabled, description") from None


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


def _term_lemma(norm: str, language: Language) -> str:
    """Lower-cased lemma of a one-word term. Terms are written in their dictionary form, so an
    unknown word (a new compound) keeps its form: simplemma's guessing costs ~50 µs a word, which
    a list of 100,000 entries would pay at every start."""
    if "-" in norm or is_known(norm, language):
        return lemmatise(norm, language).lower()
    return norm.lower()


def _slug(term: str) -> str:
    s = term.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


def _default_match(term: str) -> str:
    """The match type a list without a `match` column gets: phrases for several words,
    compounds for long single words, whole words for short ones."""
    if len(term.split()) > 1:
        return "phrase"
    return "compound" if len(term) >= 5 else "lemma"


def parse_conditions(text: str, contexts: dict[str, str] | None = None,
                     language: Language | None = None) -> tuple[tuple[str, str], ...]:
    """`requires`/`excludes` cell -> (kind, value) items: ("re", REGEX), ("prefix", lemma
    start), ("phrase", words) or ("lemma", lemma, in the language: German when None); `@name`
    stands for the items of the manifest's `[contexts]` entry `name` (a shared list such as
    the arts or history), and `topic:@name` holds when the whole article uses at least
    TOPIC_MIN_WORDS of its words. Raises ValueError naming a bad item."""
    items: list[tuple[str, str]] = []
    for raw in text.split(";"):
        item = raw.strip()
        if not item:
            continue
        if item.startswith("topic:@"):
            name = item[7:]
            if contexts is None or name not in contexts:
                raise ValueError(f"unknown context '{item[6:]}'; the manifest's [contexts] names: "
                                 f"{', '.join(sorted(contexts or {})) or 'none'}")
            items.append(("topic", contexts[name]))  # the article, not the sentence, is about it
            continue
        if item.startswith("@"):
            name = item[1:]
            if contexts is None or name not in contexts:
                raise ValueError(f"unknown context '{item}'; the manifest's [contexts] names: "
                                 f"{', '.join(sorted(contexts or {})) or 'none'}")
            items.extend(_context_items(contexts[name], language))
            continue
        if item.startswith("re:"):
            rx = item[3:].strip()
            try:
                re.compile(rx)
            except re.error as e:
                raise ValueError(f"bad pattern '{rx}' ({e})") from None
            items.append(("re", rx))
        elif item.endswith("*") and len(item) > 2:
            items.append(("prefix", token_norm(item[:-1], language).lower()))
        elif len(item.split()) > 1:
            items.append(("phrase", " ".join(item.lower().split())))
        else:
            norm = token_norm(item, language)
            items.append(("lemma", norm.lower()))
            lem = lemmatise(norm, language).lower()
            if lem != norm.lower():
                items.append(("lemma", lem))
    return tuple(items)


@lru_cache(maxsize=256)
def _context_items(text: str, language: Language | None) -> tuple[tuple[str, str], ...]:
    """The items of one shared context list, parsed once however many entries use it."""
    return parse_conditions(text, language=language)


def parse_entries(text: str, shown: str, manifest: Manifest, poles: tuple[str, str],
                  pack: str = "", notes: list[str] | None = None, language: Language | None = None) -> list[Entry]:
    """Validate and parse a lexicon CSV. Every problem is collected; if there is any,
    LexiconError lists them all, one `FILE:LINE: …` per line. A list with only `term` and
    `category` (a teacher's list) is filled with defaults, and a note says which (`notes`).
    Terms are lemmatised in the language (German when None)."""
    lang = default_language() if language is None else language
    # an entry of a user's list without an explanation says so in the language
    no_explanation = lang.table("own_list_wording").get("no_explanation", "from a user's list; no explanation")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise LexiconError(f"{shown}:1: empty file; the first row must name the columns") from None
    problems: list[str] = []
    unknown = [h for h in header if h not in ALL_COLUMNS]
    for u in unknown:
        problems.append(f"{shown}:1: unknown column '{u}'; allowed: {', '.join(ALL_COLUMNS)}")
    missing = [c for c in MINIMAL_COLUMNS if c not in header]
    for m in missing:
        problems.append(f"{shown}:1: missing column '{m}'")
    if problems:
        raise LexiconError(_problems(problems, shown))
    defaulted = [c for c in REQUIRED_COLUMNS if c not in header]
    if defaulted and notes is not None:
        notes.append(f"{shown}: columns {', '.join(defaulted)} missing, filled with defaults ("
                     "id from the term, match phrase/compound/lemma by the term's form, leaning target, "
                     "weight 1, explanation from the category; no neutral wording): add them for "
                     "better explanations")
    leanings = (*poles, *GENERIC_LEANINGS)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    width = len(header)
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        where = f"{shown}:{line}"
        if len(row) != width:
            problems.append(f"{where}: {len(row)} fields where the header has {width}; check the quoting")
            continue
        r = {k: v.strip() for k, v in zip(header, row, strict=True)}
        bad: list[str] = []
        term = r.get("term", "")
        eid = r["id"] if "id" in r else f"user-{_slug(term)}"
        if "id" not in r and eid in seen:
            eid = f"{eid}-{line}"
        if not eid or not _ID_RE.match(eid):
            bad.append(f"bad id '{eid}'; use lower-case letters, digits, '-', '.', '_'")
        elif eid in seen:
            bad.append(f"duplicate id '{eid}' (first on line {seen[eid]})")
        else:
            seen[eid] = line
        if not term:
            bad.append("empty term")
        match = r.get("match") or (_default_match(term) if "match" not in r else "")
        if match not in MATCH_TYPES:
            bad.append(f"unknown match '{match}'; use one of {', '.join(MATCH_TYPES)}")
        category = r["category"]
        if category not in manifest.categories:
            bad.append(f"unknown category '{category}'; allowed: {', '.join(manifest.categories)}")
        leaning = r.get("leaning", "target")
        if leaning not in leanings:
            bad.append(f"unknown leaning '{leaning}'; allowed: {', '.join(leanings)}")
        weight = 1.0
        try:
            weight = float(r.get("weight", "1"))
        except ValueError:
            bad.append(f"weight '{r['weight']}' is not a number")
        else:
            if not manifest.weight_min <= weight <= manifest.weight_max:
                bad.append(f"weight {weight:g} out of range {manifest.weight_min:g}–{manifest.weight_max:g}")
        if match == "pattern" and term:
            try:
                re.compile(term)
            except re.error as e:
                bad.append(f"bad pattern '{term}' ({e})")
        if match in ("phrase", "split") and len(term.split()) < 2:
            bad.append(f"match '{match}' needs at least two words")
        explanation = r.get("explanation") if "explanation" in r else (
            f"{manifest.categories.get(category, category)} ({no_explanation})")
        if not explanation:
            bad.append("empty explanation; say in one sentence why the term is loaded")
        contested = r.get("contested", "").lower()
        if contested not in ("", "yes", "no", "true", "false", "1", "0"):
            bad.append(f"contested must be yes or no, not '{contested}'")
        register = r.get("register", "") or "overt"
        if register not in REGISTERS:
            bad.append(f"unknown register '{register}'; use one of {', '.join(REGISTERS)}")
        entry_pack = r.get("pack", "") or pack
        if entry_pack and entry_pack not in manifest.packs:
            bad.append(f"unknown pack '{entry_pack}'; the manifest names: {', '.join(manifest.packs) or 'none'}")
        elif pack and entry_pack != pack:
            bad.append(f"pack '{entry_pack}' in the file of pack '{pack}'")
        conds = []
        for col in ("requires", "excludes"):
            try:
                conds.append(parse_conditions(r.get(col, ""), manifest.contexts, lang))
            except ValueError as e:
                bad.append(f"{col}: {e}")
                conds.append(())
        if bad:
            problems.extend(f"{where}: {b}" for b in bad)
            continue
        words = term.split()
        entries.append(Entry(
            id=eid, term=term, match=match, category=category, leaning=leaning,
            weight=weight, neutral=tuple(n.strip() for n in r.get("neutral", "").split(";") if n.strip()),
            explanation=explanation or "", contested=contested in ("yes", "true", "1"),
            target_note=r.get("target_note", ""), source=r.get("source", ""), origin=where,
            lemmas=(_term_lemma(token_norm(term, lang), lang),) if len(words) == 1 else
            tuple(lemmatise(token_norm(w, lang), lang).lower() for w in words),
            key=token_norm(term, lang).lower() if len(words) == 1 else term.lower(),
            register=register, requires=conds[0], excludes=conds[1], example=r.get("example", ""),
            pack=entry_pack,
        ))
    if problems:
        raise LexiconError(_problems(problems, shown))
    return entries


def _problems(problems: list[str], shown: str) -> str:
    """All problems of one file, one per line; a count at the end when there are several."""
    if len(problems) == 1:
        return problems[0]
    return "\n".join(problems) + f"\n{len(problems)} problems in {shown}; fix them all and run again"


def load_lexicon(lexicon_dir: str | Path | None = None, extra: tuple[str | Path, ...] = (),
                 packs: tuple[str, ...] | None = None, extra_packs: tuple[str, ...] = (),
                 language: Language | None = None) -> Lexicon:
    """The shipped lexicon of the language (German when None; or the folder `lexicon_dir`) with
    the packs its manifest switches on (or exactly `packs`) and `extra_packs` too, plus extra
    user CSV files on top. Terms are lemmatised in the language."""
    lang = default_language() if language is None else language
    if lexicon_dir is None:
        folder: Traversable | Path = lexicon_root() / lang.lexicon_folder
        shown = f"lexicons/{lang.lexicon_folder}"
        if not folder.is_dir():
            raise LexiconError(f"{shown}: no shipped lexicon for {lang.name}; give a lexicon folder "
                               f"(--lexicon-dir, Settings(lexicon_dir=…))")
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
    notes: list[str] = []
    on = tuple(p for p, spec in manifest.packs.items() if spec.enabled) if packs is None else packs
    on += tuple(p for p in extra_packs if p not in on)
    for name in on:
        if name not in manifest.packs:
            raise LexiconError(f"{shown}/manifest.toml: no pack '{name}'; packs: "
                               f"{', '.join(manifest.packs) or 'none'}")
    entries = [e for e in parse_entries(_read_text(folder / manifest.file, f"{shown}/{manifest.file}"),
                                        f"{shown}/{manifest.file}", manifest, poles, notes=notes, language=lang)
               if not e.pack or e.pack in on]
    for name in on:
        f = manifest.packs[name].file
        entries += parse_entries(_read_text(folder / f, f"{shown}/{f}"), f"{shown}/{f}", manifest, poles,
                                 pack=name, notes=notes, language=lang)
    version = f"{manifest.name} {manifest.version}"
    if on:
        version += f" [{'+'.join(on)}]"
    ids: dict[str, str] = {}
    for e in entries:
        if e.id in ids:
            raise LexiconError(f"{e.origin}: duplicate id '{e.id}' (already in {ids[e.id]})")
        ids[e.id] = e.origin
    for path in extra:
        p = Path(path)
        text = _read_text(p, str(p))
        more = parse_entries(text, str(p), manifest, poles, notes=notes, language=lang)
        dups = [f"{e.origin}: duplicate id '{e.id}' (already in {ids[e.id]})" for e in more if e.id in ids]
        if dups:
            raise LexiconError(_problems(dups, str(p)))
        ids.update((e.id, e.origin) for e in more)
        entries.extend(more)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        version += f" + {p.name}@{digest}"
    return Lexicon(manifest.name, version, manifest.axis, poles, manifest.categories, tuple(entries), axis,
                   tuple(notes), tuple(manifest.packs), on, lang)


def default_lexicon(language: Language | None = None) -> Lexicon:
    """The shipped lexicon of the language (German when None), loaded once."""
    return _shipped_lexicon(default_language() if language is None else language)


@cache
def _shipped_lexicon(language: Language) -> Lexicon:
    return load_lexicon(language=language)
