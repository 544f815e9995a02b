"""Precision on ordinary news: own-voice hits per 1,000 words on 10kGNAD sections.

    python bench/ordinary_news.py [--corpus ../shared/corpora/10kgnad/test.csv]
        [--labels Sport,Wissenschaft,Kultur,Wirtschaft] [--top 25] [--sample 50 --seed 1]

The corpus (Der Standard articles, `label;text`, `;`-separated, `'` as quote character, no
header) is read where it lies and never copied. Sport and science news should carry little
loaded wording: every own-voice hit there is a candidate false positive. Prints per section
the words, own-voice hits (overt register), hits per 1,000 words, conventional/technical hits
shown apart, and the most frequent terms; `--sample N` prints N own-voice hits drawn at random
(fixed seed) with their sentence, for checking by hand.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

if not __package__:  # run as `python bench/NAME.py`: the checkout, not bench/, on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.shared import GNAD_PARTS, existing_file, shared_file
from framing.articles import build_article
from framing.lexicon import load_lexicon
from framing.matching import Matcher
from framing.scoring import score_article
from framing.textlayer import analyse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = shared_file(*GNAD_PARTS)


def read_corpus(path: Path, labels: set[str]) -> list[tuple[str, str]]:
    csv.field_size_limit(10_000_000)
    with open(path, newline="", encoding="utf-8") as f:
        return [(r[0], r[1]) for r in csv.reader(f, delimiter=";", quotechar="'") if len(r) >= 2 and r[0] in labels]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=existing_file, default=str(DEFAULT))
    ap.add_argument("--labels", default="Sport,Wissenschaft,Kultur,Wirtschaft")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--all-packs", action="store_true", help="switch on every topic pack")
    args = ap.parse_args(argv)
    labels = args.labels.split(",")
    if not args.corpus.exists():
        print(f"{args.corpus}: not found", file=sys.stderr)
        return 1
    lex = load_lexicon()
    if args.all_packs:
        lex = load_lexicon(packs=lex.packs)
    matcher = Matcher(lex)
    words: Counter[str] = Counter()
    own: Counter[str] = Counter()
    conv: Counter[str] = Counter()
    terms: dict[str, Counter[str]] = {lab: Counter() for lab in labels}
    pool: list[tuple[str, str, str, str]] = []
    for i, (label, text) in enumerate(read_corpus(args.corpus, set(labels))):
        s = score_article(analyse(build_article(text, id=str(i), source="10kgnad", parse_header=False)), matcher)
        words[label] += s.words
        own[label] += len(s.own)
        conv[label] += len(s.own_conventional)
        doc = s.analysed.doc
        for h in s.own:
            terms[label][f"{h.entry.term} [{h.entry.id}]"] += 1
            sent = doc.sentences[h.sentence]
            pool.append((label, h.surface, h.entry.id, doc.text[sent.start:sent.end].replace("\n", " ")))
    print(f"lexicon: {lex.version} ({len(lex.entries)} entries)")
    print(f"{'section':<14}{'words':>9}{'own hits':>10}{'per 1000':>10}{'conv/tech':>11}")
    for lab in labels:
        per = 1000 * own[lab] / words[lab] if words[lab] else 0.0
        print(f"{lab:<14}{words[lab]:>9}{own[lab]:>10}{per:>10.2f}{conv[lab]:>11}")
    for lab in labels:
        print(f"\n{lab}: " + ", ".join(f"{t} {c}" for t, c in terms[lab].most_common(args.top)))
    if args.sample:
        print(f"\nsample of {args.sample} own-voice hits (seed {args.seed}):")
        for label, surface, eid, sent in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
            print(f"- [{label}] {surface} ({eid}): {sent[:220]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
