"""Check that a speed change leaves every output as it was.

    python -m bench.equivalence save BASE.pkl     # on the code before the change
    python -m bench.equivalence check BASE.pkl    # after it: lists every text whose output differs

Run it from the checkout whose code it is to test (`-m` puts the current folder first on the
path; `python bench/equivalence.py` would import an installed framing, e.g. another checkout's
editable install): it stops when the framing it imports is not this checkout's.

The texts: the seeds, the gold and stance sentences, 3,000 random concatenations of those
sentences with separators that stress the text layer (quotation marks, line breaks, exotic
spaces and dashes, "Asyl- und"), and 1,500 copies with random characters deleted or inserted
(seeded, so the same texts every time). For each text it records the tokens (offsets, surfaces,
sentences), the quotation spans and the full `score` record; with --stance also the stance
records of the first 1,500 texts (slower).
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import random
import sys
from pathlib import Path

import framing
from framing.articles import Article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.readers import read_articles
from framing.scoring import score_article
from framing.text import split_sentences, tokenize
from framing.textlayer import analyse

ROOT = Path(__file__).resolve().parent.parent
SEPARATORS = ["- und ", "-\nund ", "\u2014", " \u2011 ", "\u2012-", "- oder- und ", "- bzw. ", "- bzw.X ", " ", "\n",
              "\n\n", " „", "“ ", ": „", "“, sagte er. ", " – ", "\u00a0", "... ", " (", ") ", '"', "' ", "»", "« "]
EDITS = "„“”\"'.,:;!?–- \n»«()ÄÖÜäöüß\u00adabcXYZ0123456789\u2014\u2011\u00a0\u2009\u200b"


def texts() -> list[str]:
    out = [a.text for a in read_articles([str(ROOT / "seeds")]).articles]
    for name in ("eval/gold-sentences.jsonl", "eval/gold-seeds.jsonl"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if "text" in d:
                out.append(d["text"])
    sentences = []
    for name in ("lexicons/de/stance-sentences.csv", "lexicons/de/stance-seeds.csv"):
        with open(ROOT / name, encoding="utf-8", newline="") as f:
            sentences += [row["text"] for row in csv.DictReader(f)]
    out += sentences
    seed_sentences = [t[a:b] for t in out[:5] for a, b in split_sentences(t)]
    pool = sentences + seed_sentences + out[5:]
    rng = random.Random(7)
    for _ in range(3000):
        out.append("".join(rng.choice(pool) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 8))))
    for _ in range(1500):
        chars = list(rng.choice(pool + out[:5]))
        for _ in range(rng.randint(1, 10)):
            p = rng.randrange(len(chars) + 1)
            if rng.random() < 0.5 and chars:
                del chars[min(p, len(chars) - 1)]
            else:
                chars.insert(p, rng.choice(EDITS))
        out.append("".join(chars))
    return out


def signature(matcher: Matcher, text: str) -> tuple[object, ...]:
    doc = tokenize(text)
    tokens = (tuple(doc.starts), tuple(doc.ends), tuple(t.text for t in doc.types), tuple(doc.sent), doc.words,
              tuple(tuple(s) for s in doc.sentences))
    an = analyse(Article(id="x", text=text, source="x"))
    quotes = tuple(tuple(q) for q in an.quotes)
    score = json.dumps(score_article(an, matcher).record(), sort_keys=True, default=str)
    return tokens, quotes, score


def stance_records(matcher: Matcher, ts: list[str]) -> list[str]:
    from framing.scoring_batches import score_articles
    from framing.stance import default_model

    arts = [Article(id=f"x{i}", text=t, source="x") for i, t in enumerate(ts)]
    return [json.dumps(s.record(), sort_keys=True, default=str)
            for s in score_articles(arts, matcher, default_model(matcher))]


def main() -> None:
    tested = Path(framing.__file__).resolve().parent.parent
    if tested != ROOT:
        sys.exit(f"this would test the framing in {tested}, not this checkout's ({ROOT}): run "
                 "`python -m bench.equivalence …` from the checkout (or set PYTHONPATH to it)")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("file")
    ap.add_argument("--stance", action="store_true", help="also compare the stance of the first 1,500 texts")
    args = ap.parse_args()
    matcher = Matcher(default_lexicon())
    ts = texts()
    result = {"texts": [signature(matcher, t) for t in ts]}
    if args.stance:
        result["stance"] = stance_records(matcher, ts[:1500])
    if args.action == "save":
        Path(args.file).write_bytes(pickle.dumps(result))
        print(f"{len(ts)} texts saved to {args.file}")
        return
    base = pickle.loads(Path(args.file).read_bytes())  # a file this script wrote
    parts = ("tokens", "quotes", "score")
    bad = [(i, parts[k]) for i, (a, b) in enumerate(zip(base["texts"], result["texts"], strict=True))
           for k in range(3) if a[k] != b[k]]
    for i, part in bad[:20]:
        print(f"text {i}: {part} differ: {ts[i][:100]!r}")
    stance_bad = []
    if args.stance and "stance" in base:
        stance_bad = [i for i, (a, b) in enumerate(zip(base["stance"], result["stance"], strict=True)) if a != b]
        for i in stance_bad[:20]:
            print(f"text {i}: stance differs: {ts[i][:100]!r}")
    stance_note = f"; {len(stance_bad)} stance differences" if args.stance else ""
    print(f"{len(ts)} texts; {len(bad)} differences{stance_note}")
    sys.exit(1 if bad or stance_bad else 0)


if __name__ == "__main__":
    main()
