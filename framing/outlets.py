"""Outlets: the shipped outlet table (`lexicons/outlets.csv`) and outlet inference.

Metadata always wins; this module only answers when metadata is silent, and every answer
carries its evidence so the user sees that (and why) the outlet was inferred.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from framing.languages import Language, default_language
from framing.resources import read_data_text


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    group: str
    notes: str


@dataclass(frozen=True, slots=True)
class OutletSignal:
    outlet: str
    evidence: str
    reprint: bool = False


@cache
def load_outlets() -> tuple[Outlet, ...]:
    rows = csv.DictReader(io.StringIO(read_data_text("outlets.csv")))
    return tuple(
        Outlet(
            r["outlet"],
            tuple(a for a in r["aliases"].split("|") if a),
            tuple(d for d in r["domains"].split("|") if d),
            r["group"],
            r["notes"],
        )
        for r in rows
    )


def canonical_outlet(name: str) -> str:
    """The table's name for an outlet name or alias (case-insensitive); else the name itself."""
    key = name.strip().strip("\"'„“”»«").strip()
    low = key.casefold()
    for o in load_outlets():
        if low == o.name.casefold() or low in (a.casefold() for a in o.aliases):
            return o.name
    return key


def outlet_from_url(url: str) -> str | None:
    """Outlet whose domain (or a parent domain) hosts the URL."""
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    host = host.removeprefix("www.")
    for o in load_outlets():
        for d in o.domains:
            if host == d or host.endswith("." + d):
                return o.name
    return None


@dataclass(frozen=True, slots=True)
class _Cues:
    """What names an outlet in the text of one language, made from its lists once (`_cues`)."""

    reprint: re.Pattern[str]  # a hand-over to another outlet's report; group 1 or 2: the outlet
    house_styles: tuple[tuple[str, bool, str, str], ...]  # (removed rule, needs author code, outlet, evidence)


def _alternatives(phrases: tuple[str, ...]) -> str:
    """A regex matching any of the phrases, their words separated by any whitespace."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) or "(?!)"


@cache
def _cues(lang: Language) -> _Cues:
    # "Dies berichtet das Magazin "RT DE"" / "Weiter berichtet RT DE:" - a text that hands over to
    # another outlet's report. The pronoun and verb alone only name a source, so a media noun or
    # the hand-over colon is required, and the name must be a known outlet.
    pronoun = _alternatives(lang.sequence("reprint_pronouns"))
    verb = _alternatives(lang.sequence("reprint_verbs"))
    media = _alternatives(lang.sequence("reprint_media"))
    handover = _alternatives(lang.sequence("reprint_handovers"))
    reprint = re.compile(
        rf"(?:{pronoun})\s+(?:{verb})\s+(?:{media})\s+[\"„“»]?([^\"“”«\n.]{{2,40}})[\"“”«]?"
        rf"|(?:{handover})\s+([^:\n]{{2,40}}):",
    )
    return _Cues(reprint, lang.sequence("house_styles"))


def _known(name: str) -> bool:
    low = canonical_outlet(name).casefold()
    return any(low == o.name.casefold() for o in load_outlets())


def infer_outlet(
    text: str, source_line: str | None, author_code: str | None, removed: list, language: Language | None = None,
    *, source_label: str = "",
) -> OutletSignal | None:
    """Outlet named by the text itself: a source line (`source_label`: its label as written), a
    reprint formula or a house style, as written in `language` (German by default)."""
    cues = _cues(language or default_language())
    if source_line:
        name = canonical_outlet(source_line)
        reprint = any(_known(m.group(1) or m.group(2)) for m in cues.reprint.finditer(text))
        how = "reprint formula and " if reprint else ""
        return OutletSignal(name, f"{how}source line \"{source_label}: {source_line}\"", reprint)
    for rm in cues.reprint.finditer(text):
        name = rm.group(1) or rm.group(2)
        if _known(name):
            formula = rm.group().strip()
            return OutletSignal(canonical_outlet(name), f"reprint formula \"{formula}\"", True)
    rules = {r.rule for r in removed}
    for rule, needs_code, outlet, evidence in cues.house_styles:
        if rule in rules and (author_code or not needs_code):
            code = f" and author code \"({author_code})\"" if needs_code else ""
            return OutletSignal(outlet, f"house style: {evidence}{code} ({outlet})")
    return None


_MEDIA_CACHE: dict[str, str | None] = {}
_MEDIA_RE: list[tuple[re.Pattern[str], list[str], list[int]]] = []  # pattern, outlet and rank per alternative


def _media_pattern() -> tuple[re.Pattern[str], list[str], list[int]]:
    """One regex for all outlet names, alternatives in load order: at any position it matches
    the name of the earliest outlet that fits there (what trying outlet by outlet would find)."""
    if not _MEDIA_RE:
        names: list[str] = []
        owners: list[str] = []
        for o in load_outlets():
            for name in (o.name, *o.aliases):
                n = name.casefold()
                if len(n) >= 3 and "." not in n:
                    names.append(n)
                    owners.append(o.name)
        pattern = "|".join(f"({re.escape(n)})" for n in names) or "(?!)"
        rank = {o: k for k, o in enumerate(dict.fromkeys(owners))}
        _MEDIA_RE.append((re.compile(rf"(?<!\w)(?=(?:{pattern})(?!\w))"), owners, [rank[o] for o in owners]))
    return _MEDIA_RE[0]


def media_named(text: str) -> str | None:
    """The outlet a speaker string names ("WSJ-Bericht", "der Guardian", "Reuters"), if any: of
    several, the first in the outlet list."""
    if text in _MEDIA_CACHE:
        return _MEDIA_CACHE[text]
    pattern, owners, rank = _media_pattern()
    hits = [m.lastindex - 1 for m in pattern.finditer(text.casefold()) if m.lastindex]
    found = owners[min(hits, key=rank.__getitem__)] if hits else None
    if len(_MEDIA_CACHE) > 100_000:
        _MEDIA_CACHE.clear()
    _MEDIA_CACHE[text] = found
    return found
