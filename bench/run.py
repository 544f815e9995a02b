"""Benchmark: text layer + quotation spans + lexicon matching on seed-sized articles, one core.

    python bench/run.py [--articles N]

Builds N articles by cycling the bundled seeds with a counter appended to every word-final
position of the first sentence (so the per-type caches see some new word types, as in a real
corpus), then prints articles/s and words/s for (1) the text layer with quotations and (2) the
text layer plus lexicon matching and scoring, and (3) all of that plus the article stance
(sentence classifier, lexicon and sourcing signals). Figures are for this machine only.
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
from framing.pipeline import score_articles
from framing.scoring import score_article
from framing.stance import article_stances, default_model

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
    model = default_model(matcher)
    list(score_articles(arts[:5], matcher, model))  # warm-up: lexicon index, model, imports

    t0 = time.perf_counter()
    analysed = [analyse(a) for a in arts]
    t1 = time.perf_counter()
    words = sum(an.doc.words for an in analysed)
    scores = [score_article(an, matcher) for an in analysed]
    t2 = time.perf_counter()
    for k in range(0, n, 256):  # stance in the batches the pipeline uses
        article_stances([(s.analysed, s.hits) for s in scores[k : k + 256]], model)
    t3 = time.perf_counter()
    text_s, lex_s, stance_s = t1 - t0, t2 - t0, t3 - t0
    print(f"articles: {n}, words: {words} ({words / n:.0f} per article)")
    print(f"text layer + quotes:                    {n / text_s:8.0f} articles/s  {words / text_s:10.0f} words/s")
    print(f"text layer + quotes + lexicon:          {n / lex_s:8.0f} articles/s  {words / lex_s:10.0f} words/s")
    print(f"text layer + quotes + lexicon + stance: {n / stance_s:8.0f} articles/s  {words / stance_s:10.0f} words/s")
    print(f"stance adds {100 * (t3 - t2) / lex_s:.0f}% to the scoring time")


if __name__ == "__main__":
    main()
