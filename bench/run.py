"""Benchmark: text layer + quotation spans + lexicon matching on seed-sized articles, one core.

    python bench/run.py [--articles N] [--repeat R]

Builds N articles by cycling the bundled seeds, each with one sentence of its own appended
("Artikelnummer<i> wurde am Ende ergänzt.": a word type never seen before, as a real corpus
keeps bringing), then prints articles/s and words/s for (1) the text layer with quotations,
(2) that plus the lexicon hits (matching with voice), (3) that plus the article scores
(targets of aimed words, as `framing score --no-stance` computes them) and (4) all of that plus
the article stance (sentence classifier, lexicon and sourcing signals). Figures are for this
machine only; on a shared machine, run it twice and read the range. The first line says which
copy of the package is measured (and names any module loaded as a compiled extension)."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from functools import cache
from pathlib import Path

from framing.articles import Article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.readers import read_articles
from framing.scoring import score_article
from framing.scoring_batches import score_articles
from framing.stance import default_model
from framing.textlayer import analyse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEGMENT = 256  # articles timed together (four stance batches)


def corpus(n: int, run: str = "", first: int = 0) -> list[Article]:
    """Articles first..n-1: the seeds cycled, each with a sentence holding a word of its own
    ("Artikelnummer<run>x<i>"); a new `run` tag gives every article a word no cache has seen."""
    seeds = _seeds()
    out = []
    for i in range(first, n):
        a = seeds[i % len(seeds)]
        text = a.text + f"\n\nArtikelnummer{run}x{i} wurde am Ende ergänzt."
        out.append(Article(id=f"{a.id}-{i}", text=text, source=a.source, parts=a.parts))
    return out


def build() -> str:
    """Which copy of the package is measured, and which of its modules are compiled extensions."""
    import framing

    compiled = sorted(name.removeprefix("framing.") for name, m in sys.modules.items()
                      if name.startswith("framing.") and (getattr(m, "__file__", "") or "").endswith((".so", ".pyd")))
    where = Path(framing.__file__ or "").parent
    return f"{'compiled: ' + ', '.join(compiled) if compiled else 'pure Python'} from {where}"


@cache
def _seeds() -> tuple[Article, ...]:
    return tuple(read_articles([str(SEEDS)]).articles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5, help="runs per pass and segment; the fastest counts")
    args = ap.parse_args()
    n, repeat = args.articles, args.repeat
    arts = corpus(n)
    matcher = Matcher(default_lexicon())
    model = default_model(matcher)
    list(score_articles(arts[:5], matcher, model))  # warm-up: lexicon index, model, imports
    gc.freeze()  # as the CLI does once lexicon and model are loaded (framing.cli.settle)

    # Each pass streams the articles as `framing score` does: results are used and dropped,
    # nothing is kept for the whole corpus. The corpus is timed in segments of SEGMENT
    # articles; for every segment the passes take turns, each repeated, and the fastest run of
    # a pass on a segment counts (as timeit does: slower runs measure the machine's other load,
    # not the code). Short segments keep a burst of load on a shared machine from spoiling a
    # whole pass; a pass's time is the sum over the segments. Every run gets its own copy of
    # the segment with new words (the run tag), so no run finds the previous run's new word
    # types cached: each article costs what a first-seen word costs, in every run.
    words = sum(analyse(a).doc.words for a in arts)

    def text_pass(part: list[Article]) -> None:
        for a in part:
            analyse(a)

    def matching_pass(part: list[Article]) -> None:
        for a in part:
            matcher.find_hits(analyse(a))

    def lexicon_pass(part: list[Article]) -> None:
        for a in part:
            score_article(analyse(a), matcher)

    def stance_pass(part: list[Article]) -> None:
        for _ in score_articles(part, matcher, model):  # stance in batches (scoring_batches.BATCH), as the CLI runs it
            pass

    passes = (("text", text_pass), ("matching", matching_pass), ("lexicon", lexicon_pass), ("stance", stance_pass))
    totals = dict.fromkeys((name for name, _ in passes), 0.0)
    for k in range(0, n, SEGMENT):
        best = dict.fromkeys(totals, float("inf"))
        for r in range(repeat):
            for name, f in passes:
                part = corpus(min(n, k + SEGMENT), run=f"{r}{name}", first=k)
                t = time.perf_counter()
                f(part)
                best[name] = min(best[name], time.perf_counter() - t)
        for name in totals:
            totals[name] += best[name]
    text_s, match_s, lex_s, stance_s = totals["text"], totals["matching"], totals["lexicon"], totals["stance"]

    print(f"framing {build()}")
    print(f"articles: {n}, words: {words} ({words / n:.0f} per article); "
          f"best of {repeat} runs per pass and segment of {SEGMENT}")
    print(f"text layer + quotes:                    {n / text_s:8.0f} articles/s  {words / text_s:10.0f} words/s")
    print(f"text layer + quotes + lexicon hits:     {n / match_s:8.0f} articles/s  {words / match_s:10.0f} words/s")
    print(f"text layer + quotes + lexicon:          {n / lex_s:8.0f} articles/s  {words / lex_s:10.0f} words/s")
    print(f"text layer + quotes + lexicon + stance: {n / stance_s:8.0f} articles/s  {words / stance_s:10.0f} words/s")
    print(f"stance adds {100 * (stance_s - lex_s) / lex_s:.0f}% to the scoring time")


if __name__ == "__main__":
    main()
