"""The classroom views' data: an article with its loaded words marked, in words a class reads.

`article_view` turns one scored article into a plain dict (JSON-ready) that every classroom
view renders: the cleaned text the offsets point into, the marked segments of that text, each
flag with its full sentence, the stance with its evidence, whom the article quotes.

Sentence numbers for people count from 1 (the text's first sentence, usually the headline, is 1): every `sentence_no`
key and every "sentence N" a view prints. The `sentence` keys of the score records
(`framing score --format json`) stay 0-based indexes, as other tools read them.

Labels in English and German come from `framing/templates/labels.toml` (`labels(lang)`);
`default_lang()` picks German when the locale (LC_ALL, LC_MESSAGES, LANG) is German.

Records are read defensively: keys that other stages add (`register` on hits, a stance that
is null with a reason) pass through; keys that are missing get plain defaults.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from framing.compare import UNKNOWN_OUTLET
from framing.scoring import OWN_VOICES, ArticleScore

LANGS = ("de", "en")
VOICES = ("outlet", "scare-quote", "quote", "reported")
#: a page shows at most this many words of one article; the rest is named as left out
MAX_SHOWN_WORDS = 20_000


@cache
def _label_table() -> dict[str, Any]:
    raw = resources.files("framing").joinpath("templates", "labels.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


@dataclass(frozen=True)
class Labels:
    """The interface words of one language: `L["stance"]`, `L.category("hyperbole")`."""

    lang: str
    table: dict[str, Any]

    def __getitem__(self, key: str) -> str:
        v = self.table.get(key)
        return v if isinstance(v, str) else key

    def get(self, key: str, default: str) -> str:
        v = self.table.get(key)
        return v if isinstance(v, str) else default

    def voice(self, voice: str) -> str:
        return self.get(f"voice_{voice.replace('-', '_')}", voice)

    def voice_long(self, voice: str) -> str:
        return self.get(f"voice_{voice.replace('-', '_')}_long", voice)

    def category(self, cat: str) -> str:
        return str(self.table.get("categories", {}).get(cat, [cat, ""])[0])

    def category_long(self, cat: str) -> str:
        return str(self.table.get("categories", {}).get(cat, ["", ""])[1])

    def direction(self, d: str) -> str:
        return self.get(f"direction_{d}", d)

    def stance_label(self, label: str) -> str:
        return self.get(f"stance_label_{label}", label)

    def camp(self, camp: str) -> str:
        return self.get(f"camp_{camp}", camp)

    @property
    def categories(self) -> dict[str, list[str]]:
        return dict(self.table.get("categories", {}))


def labels(lang: str) -> Labels:
    table = _label_table()
    return Labels(lang, table[lang if lang in table else "en"])


def default_lang(environ: dict[str, str] | None = None) -> str:
    """`de` when the locale is German (LC_ALL, then LC_MESSAGES, then LANG), else `en`."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


# --- one article -------------------------------------------------------------------------------


def _num(v: Any, default: float = 0.0) -> float:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else default


def _sentence_no(hit_sentence: Any) -> int | None:
    return hit_sentence + 1 if isinstance(hit_sentence, int) and hit_sentence >= 0 else None


def article_view(sc: ArticleScore, max_words: int = MAX_SHOWN_WORDS) -> dict[str, Any]:
    """The classroom record of one scored article (see the module docstring).

    Keys: id, outlet, date, title, words, text (the cleaned text the offsets point into),
    shown_chars (how much of `text` a page shows; < len(text) for very long articles),
    segments ([text, [flag numbers]] pairs covering the shown text), flags, own, quoted,
    loaded_per_1000, stance (None when not computed) or stance_reason, quotes, lexicon_version.
    """
    rec: dict[str, Any] = sc.record()
    an = sc.analysed
    text = an.article.text
    sentences = an.doc.sentences

    def sentence_text(i: Any) -> str:
        if isinstance(i, int) and 0 <= i < len(sentences):
            s = sentences[i]
            return " ".join(an.doc.text[s.start : s.end].split())
        return ""

    hits = [h for h in rec.get("hits", []) if isinstance(h, dict)]
    hits.sort(key=lambda h: (int(h.get("start", 0)), -int(h.get("end", 0))))
    flags = []
    for n, h in enumerate(hits, 1):
        start, end = int(h.get("start", 0)), int(h.get("end", 0))
        f: dict[str, Any] = {
            "n": n, "term": str(h.get("term") or text[start:end]), "start": start, "end": end,
            "voice": str(h.get("voice") or "outlet"), "category": str(h.get("category") or "other"),
            "leaning": str(h.get("leaning") or ""), "speaker": str(h.get("speaker") or ""),
            "sentence": h.get("sentence"), "sentence_no": _sentence_no(h.get("sentence")),
            "sentence_text": sentence_text(h.get("sentence")), "part": str(h.get("part") or ""),
            "explanation": str(h.get("explanation") or ""),
            "neutral": [str(x) for x in h.get("neutral") or []],
            "contested": bool(h.get("contested")),
            "aimed_at": str(h.get("aimed_at") or ""), "direction": str(h.get("direction") or ""),
            "lexicon_term": str(h.get("lexicon_term") or ""),
        }
        for k, v in h.items():  # keys other stages add (register, …) pass through
            if k not in f and k not in ("lemma", "entry", "weight", "match"):
                f[k] = v
        flags.append(f)
    # the shown part of the text: all of it, or the first max_words words
    shown = len(text)
    if an.doc.words > max_words:
        for k, m in enumerate(re.finditer(r"\S+", text), 1):
            if k > max_words:
                shown = m.start()
                break
    segments = _segments(text[:shown], [f for f in flags if f["start"] < shown])
    stance: dict[str, Any] | None = None
    stance_reason = ""
    if "stance_label" in rec or "stance" in rec:
        score = rec.get("stance")
        stance = {
            "score": score if isinstance(score, int | float) else None,
            "label": str(rec.get("stance_label") or ""),
            "axis": str(rec.get("stance_axis") or ""),
            "confidence": _num(rec.get("stance_confidence")),
            "signals": dict(rec.get("stance_signals") or {}),
            "reason": str(rec.get("stance_reason") or ""),
            # what this figure measures, as the stance stage states it (framing.stance), and each
            # signal's share of the figure
            "measures": str(rec.get("stance_measures") or ""),
            "shares": {str(k): _num(v) for k, v in (rec.get("stance_shares") or {}).items()},
            "evidence": [
                {"sentence": e.get("sentence"), "sentence_no": _sentence_no(e.get("sentence")),
                 "text": " ".join(str(e.get("text", "")).split()), "contribution": _num(e.get("contribution")),
                 "terms": [str(t) for t in e.get("terms") or []],
                 "classifier_words": [str(w) for w in e.get("classifier_words") or []]}
                for e in rec.get("evidence") or [] if isinstance(e, dict)
            ],
        }
    else:
        stance_reason = "off"
    quotes: Counter[tuple[str, str]] = Counter()
    for q in an.quotes:
        if q.kind in ("direct", "reported"):
            quotes[(q.speaker, q.kind)] += 1
    by_speaker: dict[str, dict[str, int]] = {}
    for (speaker, kind), c in sorted(quotes.items(), key=lambda kv: (kv[0][0] == "", kv[0][0].lower(), kv[0][1])):
        by_speaker.setdefault(speaker, {})[kind] = c
    return {
        "id": rec.get("id", an.article.id), "outlet": rec.get("outlet") or "", "date": rec.get("date") or "",
        "title": rec.get("title") or "", "words": rec.get("words", an.doc.words), "text": text,
        "language": an.article.language,  # of the text ("und": not the run's; the pages' lang attribute)
        "shown_chars": shown, "shown_words": min(an.doc.words, max_words), "segments": segments,
        "flags": flags,
        "own": sum(1 for f in flags if f["voice"] in OWN_VOICES),
        "quoted": sum(1 for f in flags if f["voice"] not in OWN_VOICES),
        "loaded_per_1000": _num(rec.get("loaded_per_1000")),
        "loaded_measures": str(rec.get("loaded_measures") or ""),
        "stance": stance, "stance_reason": stance_reason,
        "quotes": [{"speaker": s, "direct": k.get("direct", 0), "reported": k.get("reported", 0)}
                   for s, k in by_speaker.items()],
        "lexicon_version": rec.get("lexicon_version", ""),
        "headline": next(([p.start, p.end] for p in an.article.parts if p.kind == "headline"), None),
    }


def _segments(text: str, flags: list[dict[str, Any]]) -> list[tuple[str, list[int]]]:
    """The text cut into plain and marked pieces; a flag overlapping an earlier marked piece
    (a phrase inside a phrase) is added to that piece's numbers."""
    out: list[tuple[str, list[int]]] = []
    pos = 0
    last: list[int] | None = None
    last_end = 0
    for f in flags:
        s, e = max(0, f["start"]), min(len(text), f["end"])
        if e <= s:
            continue
        if s < pos:
            if last is not None and s < last_end:
                last.append(f["n"])
            continue
        if s > pos:
            out.append((text[pos:s], []))
        last = [f["n"]]
        last_end = e
        out.append((text[s:e], last))
        pos = e
    if pos < len(text):
        out.append((text[pos:], []))
    return out


# --- one event, several outlets ---------------------------------------------------------------

_COUNTED = re.compile(r"^(.*) \((\d+)\)$")
MAX_PROMPTS = 6


def _counted(items: Any) -> list[tuple[str, int]]:
    """("Autokrat", 3) pairs from the comparison's "Autokrat (3)" cells."""
    out = []
    for x in items or []:
        if isinstance(x, dict) and "count" in x:  # framing.compare's cells: {"term", "count"}
            out.append((str(x["term"]), int(x["count"])))
            continue
        m = _COUNTED.match(str(x))
        out.append((m.group(1), int(m.group(2))) if m else (str(x), 1))
    return out


def slice_segments(segments: list[tuple[str, list[int]]], start: int, end: int) -> list[tuple[str, list[int]]]:
    """The pieces of `segments` between two offsets of the text (cut where needed)."""
    out, pos = [], 0
    for piece, ns in segments:
        a, b = pos, pos + len(piece)
        pos = b
        if b <= start or a >= end:
            continue
        out.append((piece[max(0, start - a) : min(len(piece), end - a)], ns))
    return out


def event_view(event: Any, columns: list[Any], views: dict[str, dict[str, Any]], L: Labels) -> dict[str, Any]:
    """One event for the report: per outlet column its articles (views), marked headlines,
    stance, naming of the key actors, quoted sides; and discussion prompts from the differences."""
    cols = []
    for c in columns:
        cells = c.cells
        arts = [views[d.id] for d in c.digests if d.id in views]
        heads = []
        for v in arts:
            if v["headline"]:
                heads.append((slice_segments(v["segments"], *v["headline"]), v["flags"]))
            elif v["title"]:
                heads.append(([(v["title"], [])], v["flags"]))
        score = cells.get("stance")
        col: dict[str, Any] = {
            "name": L["unknown_outlet"] if c.name == UNKNOWN_OUTLET else c.name, "articles": arts, "headlines": heads,
            "stance": score if isinstance(score, int | float) else None,
            "stance_label": str(cells.get("stance_label") or ""),
            "stance_confidence": _num(cells.get("stance_confidence")),
            "naming": {a: [*_counted(v), *([("name only", n)] if (n := (cells.get("name_only") or {}).get(a)) else [])]
                       for a, v in (cells.get("naming") or {}).items()},
            "aimed": {a: _counted(v) for a, v in (cells.get("aimed") or {}).items()},
            "quoted": {camp: _counted(v) for camp, v in (cells.get("quoted_sources") or {}).items()},
        }
        cols.append(col)
    actors = list(cols[0]["naming"]) if cols else []
    camps = sorted({camp for c in cols for camp in c["quoted"]})
    return {
        "id": event.id, "label": event.label, "dates": event.dates, "outlets": [c["name"] for c in cols],
        "n_articles": len(event.scores), "columns": cols, "actors": actors, "camps": camps,
        "prompts": discussion_prompts(cols, L),
    }


def _descriptors(named: list[tuple[str, int]]) -> list[str]:
    return [t for t, _ in named if not t.startswith("name only")]


def _norm(phrase: str) -> str:
    """A descriptor without case and inflection endings ("russischen Autokraten" ~ "russische Autokrat")."""
    return " ".join(re.sub(r"(en|er|es|em|e|n|s)$", "", w) for w in phrase.lower().split())


def _naming_pair(cols: list[dict[str, Any]], actor: str) -> tuple[str, str, str, str] | None:
    """(outlet A, its word, outlet B, its word) for an actor that A names with a word B never
    uses; A's words that carry a loaded term aimed at the actor come first."""
    best: tuple[int, str, str, str, str] | None = None
    for i, ca in enumerate(cols):
        aimed = [t.lower() for t, _ in ca["aimed"].get(actor, [])]
        for cb in cols[:i] + cols[i + 1 :]:
            theirs = _descriptors(cb["naming"].get(actor, []))
            if not theirs:
                continue
            seen = {_norm(t) for t in theirs}
            for rank, d in enumerate(_descriptors(ca["naming"].get(actor, []))):
                if _norm(d) in seen:
                    continue
                loaded = any(t.strip("„“") in d.lower() for t in aimed)
                key = (0 if loaded else 1) * 100 + rank
                if best is None or key < best[0]:
                    best = (key, ca["name"], d, cb["name"], theirs[0])
                break
    return best[1:] if best else None


def discussion_prompts(cols: list[dict[str, Any]], L: Labels) -> list[str]:
    """Questions drawn from the differences between the columns, in a fixed order: naming,
    words one outlet alone uses, the stance gap, whom each quotes; for a single outlet, its own
    loaded words. Deterministic: the same comparison gives the same questions."""
    out: list[str] = []
    if len(cols) >= 2:
        for actor in cols[0]["naming"]:
            pair = _naming_pair(cols, actor)
            if pair:
                a, x, b, y = pair
                out.append(L["prompt_naming"].format(a=a, b=b, actor=actor, x=x, y=y))
        own = []
        for c in cols:
            terms: Counter[str] = Counter()
            neutral: dict[str, str] = {}
            for v in c["articles"]:
                for f in v["flags"]:
                    if f["voice"] in OWN_VOICES:
                        key = f["lexicon_term"] or f["term"]
                        terms[key] += 1
                        if f["neutral"]:
                            neutral.setdefault(key, f["neutral"][0])
            own.append((c["name"], terms, neutral))
        for name, terms, neutral in own:
            others = [o for o, t, _ in own if o != name]
            alone = [t for t, _ in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0].lower()))
                     if all(t not in ot for o, ot, _ in own if o != name) and not t.startswith("„…“")]
            if alone:
                t = alone[0]
                who = ", ".join(others) if len(others) <= 2 else L["and_others"]
                key = "prompt_own_word" if t in neutral else "prompt_own_word_plain"
                out.append(L[key].format(a=name, term=t, others=who, neutral=neutral.get(t, "")))
        scored = [(c["stance"], c["name"]) for c in cols if c["stance"] is not None]
        if len(scored) >= 2:
            lo, hi = min(scored), max(scored)
            if hi[0] - lo[0] >= 0.3:
                out.append(L["prompt_stance"].format(a=lo[1], x=f"{lo[0]:+.2f}", b=hi[1], y=f"{hi[0]:+.2f}"))
        sides = []
        for c in cols:
            named_sides = {camp: sum(n for _, n in v) for camp, v in c["quoted"].items()
                           if camp not in ("unattributed",)}
            if named_sides:
                top = sorted(named_sides.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                sides.append((c["name"], top))
        pair2 = next(((x, y) for i, x in enumerate(sides) for y in sides[i + 1 :] if x[1] != y[1]), None)
        if pair2:
            (a, x), (b, y) = pair2
            out.append(L["prompt_sources"].format(a=a, x=L.camp(x), b=b, y=L.camp(y)))
    else:
        for c in cols:
            flags = [f for v in c["articles"] for f in v["flags"] if f["voice"] in OWN_VOICES]
            scare = next((f for f in flags if f["voice"] == "scare-quote"), None)
            plain = [f for f in flags if f["voice"] == "outlet"]
            plain.sort(key=lambda f: (not f["aimed_at"], f["n"]))
            first: dict[str, dict[str, Any]] = {}
            for f in plain:
                first.setdefault(f["term"].lower(), f)
            plain = list(first.values())
            for f in plain[:2]:
                out.append(L["prompt_single"].format(a=c["name"], term=f["term"], sentence=f["sentence_no"] or "?"))
            if scare:
                out.append(L["prompt_scare"].format(a=c["name"], term=scare["term"].strip("„“\"")))
            if not flags:
                out.append(L["prompt_none"])
    return out[:MAX_PROMPTS]


def report_events(scores: Sequence[ArticleScore], events: Sequence[Any], lang: str) -> list[dict[str, Any]]:
    """The report's events: each compared by outlet (framing.compare), events covered by more
    outlets first, then in the events' own order (date)."""
    from framing.compare import compare_event, find_reprints, lemma_counts

    L = labels(lang)
    background: Counter[str] = Counter()
    for s in scores:
        background.update(lemma_counts(s))
    reprints = find_reprints(scores)
    views = {s.analysed.article.id: article_view(s) for s in scores}
    out = [event_view(e, compare_event(e, by="outlet", reprints=reprints, background=background), views, L)
           for e in events]
    order = {e.id: n for n, e in enumerate(events)}
    out.sort(key=lambda e: (-len(e["outlets"]), order[e["id"]]))
    return out
