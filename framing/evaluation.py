"""Evaluating lexicon hits against hand-annotated gold spans (precision, recall, F1).

Gold files are JSONL, one document per line:
    {"id": "...", "file": "../seeds/000_….txt", "spans": [...]}   (a file, relative to the gold file)
    {"id": "...", "text": "Der Autokrat sprach.", "spans": [...]}  (an inline sentence)
Each span: {"surface": "Autokrat", "occurrence": 1, "category": "...", "voice": "outlet"};
`occurrence` counts matches of `surface` in the article text as read (default 1).

A predicted hit and a gold span match when their character ranges overlap; each counts once.
Overall scores ignore category and voice; the per-category and per-voice rows require both
sides to agree on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from framing.articles import build_article
from framing.errors import InputError
from framing.languages import Language
from framing.matching import Matcher
from framing.readers import ReadOptions, read_articles
from framing.textlayer import Analysed, analyse

VOICES = ("outlet", "scare-quote", "quote", "reported")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    category: str
    voice: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    analysed: Analysed
    spans: tuple[Span, ...]


def load_gold(path: str | Path, language: Language | None = None) -> list[GoldDoc]:
    """The gold documents of a JSONL file, their texts read in `language` (German when None)."""
    opts = ReadOptions() if language is None else ReadOptions(language=language.code)
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror}); check the path") from None
    docs = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{p}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: not valid JSON ({e.msg})") from None
        if "file" in rec:
            res = read_articles([str(p.parent / rec["file"])], opts)
            if not res.articles:
                raise InputError(f"{where}: cannot read {rec['file']}: {res.problems[0] if res.problems else ''}")
            article = res.articles[0]
        elif "text" in rec:
            article = build_article(rec["text"], id=str(rec.get("id", n)), source=where, parse_header=False)
        else:
            raise InputError(f"{where}: a gold record needs 'file' or 'text'")
        text = article.text
        spans = []
        for s in rec.get("spans", []):
            surface, occ = s["surface"], int(s.get("occurrence", 1))
            pos = -1
            for _ in range(occ):
                pos = text.find(surface, pos + 1)
                if pos == -1:
                    raise InputError(f"{where}: '{surface}' (occurrence {occ}) not found in {rec.get('id')}")
            if s.get("voice") not in VOICES:
                raise InputError(f"{where}: voice of '{surface}' must be one of {', '.join(VOICES)}")
            spans.append(Span(pos, pos + len(surface), s.get("category", ""), s["voice"]))
        docs.append(GoldDoc(str(rec.get("id", n)), analyse(article, language), tuple(spans)))
    return docs


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    tp_gold: int = 0
    tp_pred: int = 0

    def add(self, gold: list[Span], pred: list[Span]) -> None:
        self.gold += len(gold)
        self.predicted += len(pred)
        self.tp_gold += sum(1 for g in gold if any(_overlap(g, p) for p in pred))
        self.tp_pred += sum(1 for p in pred if any(_overlap(g, p) for g in gold))

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass(slots=True)
class Report:
    documents: int
    gold_total: int
    overall: Counts
    by_category: dict[str, Counts]
    by_voice: dict[str, Counts]

    def rows(self) -> list[dict[str, object]]:
        def row(scope: str, group: str, c: Counts) -> dict[str, object]:
            return {"scope": scope, "group": group, "gold": c.gold, "predicted": c.predicted,
                    "tp": c.tp_gold, "precision": c.precision, "recall": c.recall, "f1": c.f1}

        out = [row("overall", "all", self.overall)]
        out += [row("category", k, v) for k, v in sorted(self.by_category.items())]
        out += [row("voice", k, v) for k, v in self.by_voice.items()]
        return out


def evaluate_hits(docs: list[GoldDoc], matcher: Matcher) -> Report:
    overall = Counts()
    by_cat: dict[str, Counts] = {}
    by_voice: dict[str, Counts] = {v: Counts() for v in VOICES}
    for d in docs:
        pred = [Span(h.start, h.end, h.entry.category, h.voice) for h in matcher.find_hits(d.analysed)]
        gold = list(d.spans)
        overall.add(gold, pred)
        for cat in {s.category for s in gold} | {s.category for s in pred}:
            by_cat.setdefault(cat, Counts()).add([g for g in gold if g.category == cat],
                                                 [p for p in pred if p.category == cat])
        for v in VOICES:
            by_voice[v].add([g for g in gold if g.voice == v], [p for p in pred if p.voice == v])
    return Report(len(docs), overall.gold, overall, by_cat, by_voice)


# --- agreement between two annotations ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agreement:
    labels: str  # "loaded" (loaded or not) or "category"
    items: int  # word tokens compared
    alpha: float | None  # Krippendorff's alpha (None: undefined, e.g. one label only)
    kappa: float | None  # Cohen's kappa

    def row(self) -> dict[str, object]:
        return {"labels": self.labels, "items": self.items,
                "krippendorff_alpha": "n/a" if self.alpha is None else round(self.alpha, 4),
                "cohen_kappa": "n/a" if self.kappa is None else round(self.kappa, 4)}


def _token_labels(doc: GoldDoc, spans: list[Span], by_category: bool) -> list[str]:
    d = doc.analysed.doc
    out = []
    for k, tt in enumerate(d.types):
        if not tt.is_word:
            continue
        start = d.starts[k]
        end = start + tt.length
        hit = next((s for s in spans if s.start < end and start < s.end), None)
        out.append("none" if hit is None else (hit.category or "loaded") if by_category else "loaded")
    return out


def agreement(first: list[GoldDoc], second: list[GoldDoc] | None, matcher: Matcher | None = None,
              second_name: str = "second file") -> list[Agreement]:
    """Krippendorff's α and Cohen's κ (nltk.metrics.agreement) between two annotations of the
    same documents, word by word: is the word marked loaded (and: with which category)? With
    `second` None the tool is the second annotator (its hits, every voice)."""
    from nltk.metrics.agreement import AnnotationTask  # imported here: only this measure needs it

    if second is None and matcher is None:
        raise InputError("agreement needs a second annotation file or the tool's matcher")
    others = {d.id: d for d in second} if second is not None else {}
    if second is not None:
        missing = [d.id for d in first if d.id not in others]
        if missing:
            raise InputError(f"{second_name}: no annotation for document(s) {', '.join(missing[:10])}; "
                             "both files must cover the same ids")
    out = []
    for by_category in (False, True):
        data: list[tuple[str, str, str]] = []
        for d in first:
            if second is not None:
                other_spans = list(others[d.id].spans)
            else:
                assert matcher is not None
                other_spans = [Span(h.start, h.end, h.entry.category, h.voice) for h in matcher.find_hits(d.analysed)]
            a = _token_labels(d, list(d.spans), by_category)
            b = _token_labels(d, other_spans, by_category)
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                data += [("A", f"{d.id}:{i}", x), ("B", f"{d.id}:{i}", y)]
        items = len(data) // 2
        alpha = kappa = None
        if items:
            task = AnnotationTask(data=data)
            try:
                alpha = float(task.alpha())
            except ZeroDivisionError:
                alpha = None
            try:
                kappa = float(task.kappa())
            except ZeroDivisionError:
                kappa = None
        out.append(Agreement("category" if by_category else "loaded", items, alpha, kappa))
    return out
