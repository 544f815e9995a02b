"""List the own-voice gold rows of an annotated real-article set that `framing` misses, each with
its sentence and a failure class, and count the classes (to find *kinds* of failure, not words
to copy into the lexicon).

    PYTHONPATH=. python eval/misses.py [--texts .cache/dev] [--set ../shared/dev] [--class NAME]
        [--unsupported] [--csv OUT.csv]

A gold row counts as found as the set's scorer counts it (`../shared/dev/score.py`: a hit whose
term or lemma contains the gold term or lemma, or the reverse, both at least 4 characters, in
the outlet's voice or a scare quote). The class is assigned by rules, in this order:

- scare-quoted word: the row is a scare quote (in_quote = scare);
- irony/sarcasm: the annotator marked the lemma "(ironisch)";
- inflected form not matched: the lemma (or term) is a lexicon entry, yet no hit covers it (an
  unknown form, a word-sense or register filter, or the word found in a speaker's voice);
- verb + particle / separable verb: a one-word verb lemma written apart ("mordet weg");
- multi-word idiom: a lemma of several words without an adjective + noun shape ("auf das Konto
  gehen", "Zeit schinden", "nach der Pfeife tanzen");
- noun phrase with evaluative adjective: adjective + noun ("eisernes Schweigen", "billiger Trick");
- compound with evaluative part: one word, absent, but a part of it (hyphenated or a head or
  modifier of at least 4 letters) is a lexicon term ("Putschtheater", "Troll-Fabrik");
- single word absent from the lexicon: anything else of one word;
- other.

`--unsupported` lists the own-voice hits no gold row supports instead (the precision side).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from framing.lexicon import Lexicon, default_lexicon
from framing.matching import Matcher
from framing.scoring_batches import score_articles
from framing.text import lemmatise, token_norm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import ROOT, dev_articles

CLASSES = (
    "multi-word idiom", "verb + particle / separable verb", "noun phrase with evaluative adjective",
    "scare-quoted word", "irony/sarcasm", "compound with evaluative part", "inflected form not matched",
    "single word absent from the lexicon", "other",
)
QUOTED = {"quote", "reported"}
_ANNOTATION_MARKS = ("(ironisch)", "(anführungszeichen)", "(versalien)", "(distanzierend)", "(bekräftigend)")
_QUOTE_CHARS = "\"„“”«»‚‘’'"
_PARTICLES = ("ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach", "vor",
              "weg", "zu", "zurück", "zusammen", "hinaus", "heraus", "herunter", "hoch", "um", "durch", "über")
_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())


def norm(s: str | None) -> str:
    """The scorer's normal form: stripped, lower-cased, ß as ss."""
    return (s or "").strip().lower().replace("ß", "ss")


def matches(gold_term: str, gold_lemma: str, hit: dict[str, Any]) -> bool:
    """The scorer's rule: either string contains the other, both at least 4 characters."""
    g = {norm(gold_term), norm(gold_lemma)} - {""}
    h = {norm(hit.get("term")), norm(hit.get("lemma"))} - {""}
    return any(x in y or y in x for x in g for y in h if len(x) >= 4 and len(y) >= 4)


def clean_lemma(lemma: str) -> str:
    """The gold lemma without the annotator's marks ("Wumms (ironisch)" -> "Wumms")."""
    low = lemma
    for mark in _ANNOTATION_MARKS:
        i = low.lower().find(mark)
        if i >= 0:
            low = low[:i] + low[i + len(mark):]
    return " ".join(low.strip(_QUOTE_CHARS + " ").split())


def _entry_keys(lex: Lexicon) -> set[str]:
    keys: set[str] = set()
    for e in lex.entries:
        if e.match == "pattern":
            continue
        keys.add(norm(e.term))
        if e.key:
            keys.add(norm(e.key))
        keys.add(norm(" ".join(e.lemmas)))
    return keys


def _lemma_of(word: str) -> str:
    return norm(lemmatise(token_norm(word)))


def _is_adjective_noun(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _ARTICLES]
    return (len(content) == 2 and content[0][:1].islower() and content[1][:1].isupper()
            and content[0].lower().endswith(("e", "er", "es", "en", "em", "ig", "isch", "lich", "bar", "los",
                                             "sam", "haft", "iert", "ert", "t", "end")))


def _has_evaluative_part(word: str, keys: set[str]) -> str:
    low = norm(word)
    if "-" in low:
        for p in low.split("-"):
            if p in keys or _lemma_of(p) in keys:
                return p
    for i in range(3, len(low) - 3):  # head: the last part, modifier: the first
        head, mod = low[i:], low[:i]
        if len(head) >= 4 and head in keys:
            return head
        if len(mod) >= 4 and mod in keys:
            return mod
    return ""


def classify(row: dict[str, str], keys: set[str], found_quoted: bool) -> tuple[str, str]:
    """(class, detail) of a missed own-voice gold row."""
    term, raw = row["term"], row["lemma"]
    lemma = clean_lemma(raw)
    words = lemma.split()
    if norm(row["in_quote"]) == "scare":
        return "scare-quoted word", ""
    if "ironisch" in raw.lower():
        return "irony/sarcasm", ""
    if found_quoted:
        return "inflected form not matched", "found, but in a speaker's voice"
    forms = {norm(lemma), _lemma_of(lemma) if len(words) == 1 else norm(lemma),
             norm(term.strip(_QUOTE_CHARS)), " ".join(_lemma_of(w) for w in words)}
    if forms & keys:
        return "inflected form not matched", "the lemma is a lexicon entry"
    if len(words) == 1 and len(term.split()) > 1 and lemma[:1].islower() and lemma.endswith("n"):
        particle = next((p for p in sorted(_PARTICLES, key=len, reverse=True)
                         if lemma.lower().startswith(p) and p in {w.lower() for w in term.split()}), "")
        if particle:
            return "verb + particle / separable verb", f"particle {particle}"
    if len(words) > 1:
        if _is_adjective_noun(words):
            return "noun phrase with evaluative adjective", ""
        return "multi-word idiom", ""
    if len(words) == 1:
        part = _has_evaluative_part(words[0], keys)
        if part:
            return "compound with evaluative part", f"part {part}"
        return "single word absent from the lexicon", ""
    return "other", ""


def _sentence(doc: Any, term: str) -> str:
    text = doc.text
    needle = term.strip(_QUOTE_CHARS + " ")
    at = text.find(needle)
    if at < 0:
        at = text.lower().find(needle.lower())
    if at < 0:
        return ""
    s = doc.sentences[doc.sentence_at(at)]
    return " ".join(text[s.start:s.end].split())


def run(texts: Path, set_dir: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(missed own-voice gold rows with class, detail and sentence; own-voice hits no gold row
    supports, with their sentence)."""
    manifest, articles = dev_articles(texts, set_dir)
    lex = default_lexicon()
    matcher = Matcher(lex)
    keys = _entry_keys(lex)
    with open(set_dir / "gold.csv", newline="", encoding="utf-8") as f:
        gold = [g for g in csv.DictReader(f) if g["id"] in manifest]
    gold2: list[dict[str, str]] = []
    if (set_dir / "gold2.csv").exists():
        with open(set_dir / "gold2.csv", newline="", encoding="utf-8") as f:
            gold2 = [g for g in csv.DictReader(f) if g["id"] in manifest]
    hits: dict[str, list[dict[str, Any]]] = {}
    docs: dict[str, Any] = {}
    for s in score_articles(articles, matcher):
        aid = s.analysed.article.id
        hits[aid] = [h.record() for h in s.hits]
        docs[aid] = s.analysed.doc
    missed = []
    for g in gold:
        if norm(g["in_quote"]) not in ("no", "scare") or g["id"] not in docs:
            continue
        mine = [h for h in hits[g["id"]] if matches(g["term"], g["lemma"], h)]
        if any(h["voice"] not in QUOTED for h in mine):
            continue
        cls, detail = classify(g, keys, bool(mine))
        missed.append({"id": g["id"], "class": cls, "detail": detail, "term": g["term"], "lemma": g["lemma"],
                       "category": g["category"], "in_quote": g["in_quote"],
                       "sentence": _sentence(docs[g["id"]], g["term"])})
    supported: dict[str, set[str]] = {}
    for g in gold + gold2:
        supported.setdefault(g["id"], set()).update((norm(g["term"]), norm(g["lemma"])))
    unsupported = []
    for aid, hs in sorted(hits.items()):
        for h in hs:
            if h["voice"] in QUOTED or any(matches(t, t, h) for t in supported.get(aid, ())):
                continue
            doc = docs[aid]
            s = doc.sentences[doc.sentence_at(int(h["start"]))]
            unsupported.append({"id": aid, "term": str(h["term"]), "entry": str(h["entry"]),
                                "match": str(h["match"]), "voice": str(h["voice"]),
                                "register": str(h["register"]),
                                "sentence": " ".join(doc.text[s.start:s.end].split())})
    return missed, unsupported


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=ROOT / ".cache" / "dev")
    ap.add_argument("--set", dest="set_dir", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--class", dest="only", default="", help="list only the rows of this class")
    ap.add_argument("--unsupported", action="store_true", help="list own-voice hits no gold row supports")
    ap.add_argument("--csv", type=Path, default=None, help="also write the rows as CSV")
    args = ap.parse_args(argv)
    if not (args.set_dir / "gold.csv").exists():
        print(f"no gold.csv in {args.set_dir}", file=sys.stderr)
        return 1
    missed, unsupported = run(args.texts, args.set_dir)
    if not missed and not unsupported:
        print(f"no texts in {args.texts}: refill them as {args.set_dir / 'README.md'} says", file=sys.stderr)
        return 1
    rows = unsupported if args.unsupported else [m for m in missed if not args.only or m["class"] == args.only]
    for r in rows:
        if args.unsupported:
            print(f"{r['id']}  {r['term']}  [{r['entry']}, {r['match']}, {r['voice']}, {r['register']}]\n"
                  f"      {r['sentence']}")
        else:
            detail = f" ({r['detail']})" if r["detail"] else ""
            print(f"{r['id']}  {r['class']}{detail}: {r['term']}  [{r['lemma']}; {r['category']}]\n"
                  f"      {r['sentence']}")
    if args.csv and rows:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    counts = Counter(m["class"] for m in missed)
    print(f"\n{len(missed)} own-voice gold rows missed; {len(unsupported)} own-voice hits unsupported")
    for cls in CLASSES:
        print(f"{counts.get(cls, 0):4d}  {cls}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
