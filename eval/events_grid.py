"""Event grouping on the development set across a grid of its main parameters: is the figure a
knife-edge?

    python eval/events_grid.py [--texts .cache/dev] [--set ../shared/dev]

Reads the dev articles as `eval/devset.py` does, scores them once, and prints the adjusted Rand
index against the manifest's events (distractors each alone) for LINK (the centroid cosine two
groups need to merge) × the window in days, then for ACTOR_WEIGHT × LINK. The defaults are
framing.events.LINK, WINDOW_DAYS and ACTOR_WEIGHT.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from devset import dev_articles  # eval/ is on the path when this script runs

from framing.compare import collect
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring_batches import score_articles

ROOT = Path(__file__).resolve().parent.parent
LINKS = (0.10, 0.125, 0.15, 0.175, 0.20)
WINDOWS = (3, 7, 14, 28)
ACTOR_WEIGHTS = (0.5, 1.0, 2.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=ROOT / ".cache" / "dev")
    ap.add_argument("--set", dest="set_dir", type=Path, default=ROOT.parent / "shared" / "dev")
    args = ap.parse_args(argv)
    ev = importlib.import_module("framing.events")  # the module (framing.events is also a function name)
    manifest, articles = dev_articles(args.texts, args.set_dir)  # the reading of eval/devset.py
    if not articles:
        print(f"no texts in {args.texts}: refill them as {args.set_dir / 'README.md'} says", file=sys.stderr)
        return 1
    got = collect(score_articles(articles, Matcher(default_lexicon()), None), digests=False)
    gold = {i: "" if m["event"] == "x" else m["event"] for i, m in manifest.items()}
    gold = {i: e or f"(alone) {i}" for i, e in gold.items()}

    def ari(window: int, link: float) -> float:
        evs = ev.events_of(got.features, got.features, got.vocab, window_days=window, link=link)
        return ev.evaluate_grouping(evs, gold).ari

    print(f"dev ARI, {len(got.features)} articles; defaults LINK {ev.LINK}, window {ev.WINDOW_DAYS}, "
          f"ACTOR_WEIGHT {ev.ACTOR_WEIGHT}\n")
    print("| LINK \\ window (days) | " + " | ".join(map(str, WINDOWS)) + " |")
    print("|---:|" + "---:|" * len(WINDOWS))
    for link in LINKS:
        print(f"| {link} | " + " | ".join(f"{ari(w, link):.3f}" for w in WINDOWS) + " |")
    default = ev.ACTOR_WEIGHT
    print("\n| ACTOR_WEIGHT \\ LINK | " + " | ".join(map(str, LINKS)) + " |")
    print("|---:|" + "---:|" * len(LINKS))
    try:
        for weight in ACTOR_WEIGHTS:
            ev.ACTOR_WEIGHT = weight
            print(f"| {weight} | " + " | ".join(f"{ari(ev.WINDOW_DAYS, link):.3f}" for link in LINKS) + " |")
    finally:
        ev.ACTOR_WEIGHT = default
    return 0


if __name__ == "__main__":
    sys.exit(main())
