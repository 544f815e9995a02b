"""Evaluating who speaks: quotation spans against span gold, voices against annotated articles.

`evaluate_quote_spans` reads span gold in JSONL (one record per span: id, type direct |
indirect | …, start, end, optional speaker; the texts in `texts/ID.txt` beside the file, as in
the REDEWIEDERGABE sample), runs `find_quotes` on each text and scores predicted direct quotes
against gold direct speech and predicted reported speech against gold indirect speech:

* span level: a predicted and a gold span match when their overlap is at least half the
  longer one (one-to-one, greedy by overlap); precision = matched / predicted, recall =
  matched / gold;
* character level: micro-averaged over the union of gold and of predicted characters;
* before comparing, whitespace and quotation marks at both ends of every span are trimmed;
* speaker accuracy: of the matched spans whose gold names a speaker, how many predicted
  speakers share a word with it.

`evaluate_voice` runs the whole analysis over an annotated article set (manifest.csv with
ids, gold.csv with term, lemma, in_quote no | scare | yes, optional speakers.csv) and counts how
many quoted gold terms get a quote or reported voice, how many own-voice gold terms are given
to a speaker only, and how many quoted speakers are found as the speaker of some quotation.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from framing.actors import actor_named
from framing.errors import InputError
from framing.languages import Language, default_language
from framing.quotes import find_quotes
from framing.text import tokenize

_QUOTE_MARKS = set("„“”\"»«‚‘’›‹'")
# predicted kind -> gold type it is scored against
SCORED: dict[str, str] = {"direct": "direct", "reported": "indirect"}
QUOTED_VOICES = frozenset({"quote", "reported"})


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _QUOTE_MARKS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _QUOTE_MARKS):
        e -= 1
    return s, e


@dataclass(slots=True)
class SpanScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    chars_gold: int = 0
    chars_predicted: int = 0
    chars_matched: int = 0
    speakers_gold: int = 0  # matched spans whose gold names a speaker
    speakers_right: int = 0

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def span(self) -> tuple[float, float, float]:
        return self._prf(self.matched, self.predicted, self.gold)

    def char(self) -> tuple[float, float, float]:
        return self._prf(self.chars_matched, self.chars_predicted, self.chars_gold)


@dataclass(slots=True)
class QuoteReport:
    documents: int
    scores: dict[str, SpanScore] = field(default_factory=dict)

    def rows(self) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        for kind, s in self.scores.items():
            sp, sc = s.span(), s.char()
            out.append({
                "kind": kind, "gold": s.gold, "predicted": s.predicted, "matched": s.matched,
                "span_precision": round(sp[0], 4), "span_recall": round(sp[1], 4), "span_f1": round(sp[2], 4),
                "char_precision": round(sc[0], 4), "char_recall": round(sc[1], 4), "char_f1": round(sc[2], 4),
                "speaker_accuracy": round(s.speakers_right / s.speakers_gold, 4) if s.speakers_gold else None,
                "speakers_scored": s.speakers_gold,
            })
        return out


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, object]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror}); check the path") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{n}: a gold record must be a JSON object")
        out.append((n, rec))
    return out


@dataclass(frozen=True, slots=True)
class _SpeakerRules:
    """What comparing speaker names needs of a language (framing.languages), made once per
    language: its words that name no one, the letters its names keep (umlauts) and the ones
    written another way (ß as ss), its genitive endings of names, its word pattern."""

    not_content: frozenset[str]
    kept: frozenset[str]
    folds: dict[str, str]
    genitive_endings: tuple[str, ...]
    word_re: re.Pattern[str]


@cache
def _speaker_rules(language: Language) -> _SpeakerRules:
    umlauts = "".join(u for _, u in language.sequence("umlauts"))
    kept = umlauts + umlauts.upper()
    # words of three letters, and two-letter acronyms (EU, UN)
    word_re = re.compile(r"\w{3,}|\b[A-Z" + "".join(map(re.escape, umlauts.upper())) + r"]{2}\b")
    return _SpeakerRules(language.words("speaker_function_words"), frozenset(kept),
                         dict(language.sequence("letter_folds")), language.sequence("genitive_name_endings"), word_re)


def _fold(word: str, rules: _SpeakerRules) -> str:
    """A word without diacritics ("Rinkēvičs" ~ "Rinkevics"); the language's umlauts are kept,
    its folded letters written so (ß as ss, the Swiss spelling: "Aussenministerium" ~
    "Außenministerium")."""
    out = []
    for ch in word:
        if ch in rules.kept:
            out.append(ch)
            continue
        if ch in rules.folds:
            out.append(rules.folds[ch])
            continue
        out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out)


def _speaker_words(name: str, rules: _SpeakerRules) -> set[str]:
    """Content words of a speaker's name: capitalised words (names, nouns, acronyms) of three
    letters or more, lower-cased, without diacritics, genitive -s dropped ("Putins" ~ "Putin").
    Adjectives ("russische", "ehemalige") name no one and are left out."""
    words = set()
    for w in rules.word_re.findall(name):
        if not w[:1].isupper():
            continue
        w = _fold(w.lower(), rules)
        end = next((e for e in rules.genitive_endings if w.endswith(e)), "") if len(w) > 4 else ""
        words.add(w[: len(w) - len(end)])
    return words - rules.not_content


def _one_edit(a: str, b: str) -> bool:
    """Do two long words differ by one letter (a typo or a transliteration: "Ruckwied" ~
    "Rukwied", "Podolyak" ~ "Podoljak")? Both at least 7 letters, same first letter."""
    if min(len(a), len(b)) < 7 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1 :]


def same_speaker(gold: str, predicted: str, language: Language | None = None) -> bool:
    """Do two speaker names share a content word ("Kremlsprecher Dmitri Peskow" ~ "Peskow"), or
    name the same actor of the actor list ("Kremlchef" ~ "Wladimir Putin")? Content words are
    the capitalised ones (an adjective alone, "russische", names no one); a name word may differ
    by one letter when both are long ("Ruckwied" ~ "Rukwied"); a gold speaker without such a
    word ("er", "man", "ich") must be named the same. Names are read in `language` (German when
    None)."""
    rules = _speaker_rules(default_language() if language is None else language)
    g, p = _speaker_words(gold, rules), _speaker_words(predicted, rules)
    if not g:
        return bool(predicted.strip()) and _fold(gold.strip().lower(), rules) == _fold(predicted.strip().lower(), rules)
    if g & p:
        return True
    if p:
        a = actor_named(gold)
        if a is not None and a is actor_named(predicted):
            return True
    # compounds: "Kremlsprecher" ~ "Sprecher", "Nawalny-Team" ~ "Team Nawalny"
    return any((len(a) >= 5 and len(b) >= 5 and (a in b or b in a)) or _one_edit(a, b) for a in g for b in p)


def evaluate_quote_spans(gold_path: str | Path, texts: str | Path | None = None,
                         language: Language | None = None) -> QuoteReport:
    """Span and character P/R/F1 of direct and reported speech, and speaker accuracy; the texts
    read in `language` (German when None)."""
    path = Path(gold_path)
    tdir = Path(texts) if texts else path.parent / "texts"
    gold: dict[str, dict[str, list[tuple[int, int, str]]]] = {}
    for n, rec in _read_jsonl(path):
        where = f"{path}:{n}"
        doc_id, kind, s, e = rec.get("id"), rec.get("type"), rec.get("start"), rec.get("end")
        if not isinstance(doc_id, str) or not doc_id:
            raise InputError(f"{where}: 'id' must be a non-empty string")
        if not isinstance(s, int) or not isinstance(e, int) or s < 0 or e < s:
            raise InputError(f"{where}: 'start' and 'end' must be offsets with 0 <= start <= end")
        by_kind = gold.setdefault(doc_id, {k: [] for k in SCORED.values()})
        if kind in by_kind:
            speaker = rec.get("speaker")
            by_kind[str(kind)].append((s, e, speaker if isinstance(speaker, str) else ""))
    # every text beside the gold counts, also those without a gold span (their predictions are
    # false positives), as in the REDEWIEDERGABE scorer
    ids = set(gold) | ({f.stem for f in tdir.glob("*.txt")} if tdir.is_dir() else set())
    report = QuoteReport(len(ids), {k: SpanScore() for k in SCORED})
    for doc_id in sorted(ids):
        f = tdir / f"{doc_id}.txt"
        try:
            text = f.read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"{f}: cannot read the text of gold id {doc_id} ({err.strerror})") from None
        except UnicodeDecodeError:
            raise InputError(f"{f}: not UTF-8 text") from None
        quotes = find_quotes(tokenize(text, language))
        for kind, gtype in SCORED.items():
            g = []
            for s, e, spk in gold.get(doc_id, {}).get(gtype, []):
                if e > len(text):
                    raise InputError(f"{path}: span {s}-{e} of {doc_id} lies beyond its text ({len(text)} chars)")
                a, b = _trim(text, s, e)
                if b > a:
                    g.append((a, b, spk))
            p = []
            for q in quotes:
                if q.kind == kind:
                    a, b = _trim(text, q.start, q.end)
                    if b > a:
                        p.append((a, b, q.speaker))
            _score_doc(report.scores[kind], g, p, language)
    return report


def _score_doc(sc: SpanScore, gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]],
               language: Language | None = None) -> None:
    pairs = []
    for gi, (gs, ge, _) in enumerate(gold):
        for pi, (ps, pe, _) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0 and ov >= 0.5 * max(ge - gs, pe - ps):
                pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        gspk = gold[gi][2]
        if gspk:
            sc.speakers_gold += 1
            sc.speakers_right += same_speaker(gspk, pred[pi][2], language)
    sc.gold += len(gold)
    sc.predicted += len(pred)
    sc.matched += len(used_g)
    gch = _chars(gold)
    pch = _chars(pred)
    sc.chars_gold += len(gch)
    sc.chars_predicted += len(pch)
    sc.chars_matched += len(gch & pch)


def _chars(spans: Iterable[tuple[int, int, str]]) -> set[int]:
    out: set[int] = set()
    for s, e, _ in spans:
        out.update(range(s, e))
    return out


# --- voices on an annotated article set ---------------------------------------------------


def _norm(s: str) -> str:
    return s.strip().lower().replace("ß", "ss")


def _term_matches(term: str, lemma: str, hit: dict[str, object]) -> bool:
    """The set's own matching rule: a gold term or lemma and a hit's term or lemma of at least
    four characters, one inside the other."""
    g = {_norm(term), _norm(lemma)} - {""}
    h = {_norm(str(hit.get("term") or "")), _norm(str(hit.get("lemma") or ""))} - {""}
    return any(x in y or y in x for x in g for y in h if len(x) >= 4 and len(y) >= 4)


@dataclass(slots=True)
class VoiceReport:
    articles: int
    quoted_terms: int = 0
    quoted_found: int = 0
    quoted_attributed: int = 0
    own_terms: int = 0
    own_found: int = 0
    own_given: int = 0
    speakers: int = 0
    speakers_found: int = 0
    missed: list[str] = field(default_factory=list)

    def rows(self) -> list[dict[str, object]]:
        """The measures as rows: "count" is {"found", "total"} (the renderer shows "found/total")."""

        def share(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return [
            {"measure": "quoted gold terms found", "count": {"found": self.quoted_found, "total": self.quoted_terms},
             "share": share(self.quoted_found, self.quoted_terms)},
            {"measure": "found quoted terms with a quote/reported voice",
             "count": {"found": self.quoted_attributed, "total": self.quoted_found},
             "share": share(self.quoted_attributed, self.quoted_found)},
            {"measure": "own-voice gold terms given to a speaker only",
             "count": {"found": self.own_given, "total": self.own_terms},
             "share": share(self.own_given, self.own_terms)},
            {"measure": "quoted speakers found", "count": {"found": self.speakers_found, "total": self.speakers},
             "share": share(self.speakers_found, self.speakers)},
        ]


# a gold speaker the annotators could not name ("unbekannt (Zitat abgeschnitten)") is found by
# a quotation the analysis gives no speaker either
_UNKNOWN = "unbekannt"


def _read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
            fields = set(rows[0]) if rows else set()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror}); check the path") from None
    except (UnicodeDecodeError, csv.Error) as e:
        raise InputError(f"{path}: not a UTF-8 CSV file ({e})") from None
    missing = [c for c in required if rows and c not in fields]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
    return rows


def evaluate_voice(set_dir: str | Path, texts: str | Path, language: Language | None = None) -> VoiceReport:
    """Voices and speakers of the analysis against an annotated set (see the module docstring);
    the texts read in `language` (German when None), with its shipped lexicon."""
    from framing.lexicon import default_lexicon
    from framing.matching import Matcher
    from framing.readers import ReadOptions, read_articles
    from framing.textlayer import analyse

    language = default_language() if language is None else language

    sdir, tdir = Path(set_dir), Path(texts)
    manifest = _read_csv(sdir / "manifest.csv", ("id",))
    gold = _read_csv(sdir / "gold.csv", ("id", "term", "lemma", "in_quote"))
    speakers = _read_csv(sdir / "speakers.csv", ("id", "speaker")) if (sdir / "speakers.csv").exists() else []
    files = [str(tdir / f"{r['id']}.txt") for r in manifest if (tdir / f"{r['id']}.txt").exists()]
    if not files:
        raise InputError(f"{tdir}: no text named like the ids of {sdir / 'manifest.csv'} (ID.txt)")
    matcher = Matcher(default_lexicon(language))
    hits: dict[str, list[dict[str, object]]] = {}
    spoken: dict[str, list[str]] = {}
    for a in read_articles(files, ReadOptions(language=language.code)).articles:
        doc_id = Path(a.source).stem
        an = analyse(a, language)
        hits[doc_id] = [h.record() for h in matcher.find_hits(an)]
        spoken[doc_id] = [q.speaker for q in an.quotes if q.kind in ("direct", "reported")]
    rep = VoiceReport(len(hits))
    for g in gold:
        if g["id"] not in hits:
            continue
        found = [h for h in hits[g["id"]] if _term_matches(g["term"], g["lemma"], h)]
        quoted = all(h.get("voice") in QUOTED_VOICES for h in found)
        if _norm(g["in_quote"]) == "yes":
            rep.quoted_terms += 1
            rep.quoted_found += bool(found)
            rep.quoted_attributed += bool(found) and quoted
        else:
            rep.own_terms += 1
            rep.own_found += bool(found)
            rep.own_given += bool(found) and quoted
    for s in speakers:
        if s["id"] not in spoken:
            continue
        rep.speakers += 1
        if any(same_speaker(s["speaker"], p, language) for p in spoken[s["id"]] if p) or (
                _norm(s["speaker"]).startswith(_UNKNOWN) and any(not p for p in spoken[s["id"]])):
            rep.speakers_found += 1
        else:
            rep.missed.append(f"{s['id']}: {s['speaker']}")
    return rep
