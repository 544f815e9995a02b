"""Benchmark: text layer + quotation spans + lexicon matching on seed-sized articles, one core.

    python bench/run.py [--articles N]

Builds N articles by cycling the bundled seeds with a counter appended to every word-final
position of the first sentence (so the per-type caches see some new word types, as in a real
corpus), then prints articles/s and words/s for (1) the text layer with quotations and (2) the
text layer plus lexicon matching and scoring. Figures are for this machine only.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from framing.analysis import analyse
from framing.articles import Article
from framing.ingest import read_articles
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring import score_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def corpus(n: int) -> list[Article]:
    seeds = read_articles([str(SEEDS)]).articles
    out = []
    for i in range(n):
        a = seeds[i % len(seeds)]
        text = a.text + f"\n\nArtikelnummer{i} wurde am Ende ergänzt."
        out.append(Article(id=f"{a.id}-{i}", text=text, source=a.source, parts=a.parts))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    n = ap.parse_args().articles
    arts = corpus(n)
    matcher = Matcher(default_lexicon())
    score_article(analyse(arts[0]), matcher)  # warm-up: lexicon index, imports

    t0 = time.perf_counter()
    analysed = [analyse(a) for a in arts]
    t1 = time.perf_counter()
    words = sum(an.doc.words for an in analysed)
    for an in analysed:
        score_article(an, matcher)
    t2 = time.perf_counter()
    text_s, total_s = t1 - t0, t2 - t0
    print(f"articles: {n}, words: {words} ({words / n:.0f} per article)")
    print(f"text layer + quotes:            {n / text_s:8.0f} articles/s  {words / text_s:10.0f} words/s")
    print(f"text layer + quotes + lexicon:  {n / total_s:8.0f} articles/s  {words / total_s:10.0f} words/s")


if __name__ == "__main__":
    main()
