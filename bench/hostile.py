"""Benchmark: one very large article, end to end through the text layer, quotations and
lexicon hits, to show the work grows linearly with the text (issue 18).

    python bench/hostile.py [--sizes 1 10 50] [--kind prose|unclosed|marks]

For each size (MB of text) it builds one article from team-written German sentences
(`prose`: quotations, reported speech, loaded words in every paragraph), from unclosed
quotation marks (`unclosed`: „ after „ with no closing mark), or from mixed stray marks
(`marks`: „ “ » « " ' in every sentence), and prints seconds for building the article,
the text layer with quotations, and the hits with their voices, plus seconds per MB. Linear
work shows as a flat seconds-per-MB column. Figures are for this machine only.
"""

from __future__ import annotations

import argparse
import time

from framing.articles import build_article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring import score_article
from framing.textlayer import analyse

UNITS = {
    "prose": ("Der Minister sprach von einer „Zeitenwende“. Die Opposition erklärte, der Plan sei gescheitert. "
              "Der Autokrat tönte laut, das Land sei „isoliert“. „Wir bleiben“, sagte die Sprecherin.\n\n"),
    "unclosed": "Er sagte „ ",
    "marks": "Sie nannte » es „ gut « und ' sagte \" nichts “ mehr. ",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    ap.add_argument("--kind", choices=sorted(UNITS), default="prose")
    args = ap.parse_args()
    matcher = Matcher(default_lexicon())
    analyse(build_article("Warm „up“.", id="w", source="w"))
    unit = UNITS[args.kind]
    print(f"{'MB':>6} {'build s':>8} {'text+quotes s':>14} {'hits s':>8} {'s per MB':>9} {'hits':>8}")
    for mb in args.sizes:
        text = unit * int(mb * 1_000_000 / len(unit.encode("utf-8")))
        t0 = time.perf_counter()
        article = build_article(text, id="big", source="bench")
        t1 = time.perf_counter()
        an = analyse(article)
        t2 = time.perf_counter()
        hits = score_article(an, matcher).hits
        t3 = time.perf_counter()
        print(f"{mb:>6g} {t1 - t0:>8.2f} {t2 - t1:>14.2f} {t3 - t2:>8.2f} {(t3 - t0) / mb:>9.2f} {len(hits):>8}",
              flush=True)


if __name__ == "__main__":
    main()
