"""Run framing over the refilled real-article development set and score it with the set's own
scorer (`../shared/dev/score.py`).

    python eval/devset.py [--texts .cache/dev] [--set ../shared/dev] [-o .cache/dev-export.jsonl]

The texts are not in the repository: refill them as `../shared/dev/README.md` says (into the
git-ignored `.cache/dev/NNN.txt`). Outlet and URL come from the set's manifest; the date and
headline from each text's ` date` header, as `framing` reads any `.txt` file. Writes one JSON
record per article (`id`, `outlet`, `hits` [term, lemma, voice, ...], `stance`, `event`) and
prints the scorer's measures.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

from framing.articles import Article
from framing.compare import group_events
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.readers import read_articles
from framing.scoring_batches import score_articles
from framing.stance import default_model

ROOT = Path(__file__).resolve().parent.parent


def dev_articles(texts: Path, set_dir: Path) -> tuple[dict[str, dict[str, str]], list[Article]]:
    """The set's manifest (id -> row) and its articles read from `texts` (ID.txt), with id,
    outlet, url and date from the manifest (none when the texts are missing)."""
    with open(set_dir / "manifest.csv", newline="", encoding="utf-8") as f:
        manifest = {r["id"]: r for r in csv.DictReader(f)}
    files = sorted(str(texts / f"{i}.txt") for i in manifest if (texts / f"{i}.txt").exists())
    articles = []
    for a in read_articles(files).articles if files else ():
        m = manifest[Path(a.source).stem]
        articles.append(dataclasses.replace(a, id=m["id"], outlet=m["outlet"], outlet_inferred=False,
                                            url=m["url"], date=a.date or m["date"] or None))
    return manifest, articles


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=ROOT / ".cache" / "dev")
    ap.add_argument("--set", dest="set_dir", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / ".cache" / "dev-export.jsonl")
    ap.add_argument("--events-out", type=Path, default=None,
                    help="Also write FOLDER/dev-articles.csv (id, outlet, date, text) and FOLDER/dev-events.csv "
                         "(id, event; distractors alone) for `framing evaluate events`.")
    args = ap.parse_args(argv)
    manifest, articles = dev_articles(args.texts, args.set_dir)
    if not articles:
        print(f"no texts in {args.texts}: refill them as {args.set_dir / 'README.md'} says", file=sys.stderr)
        return 1
    if args.events_out:
        _write_event_files(args.events_out, articles, manifest)
    matcher = Matcher(default_lexicon())
    scores = list(score_articles(articles, matcher, default_model(matcher)))
    event_of = {s.analysed.article.id: e.id for e in group_events(scores) for s in e.scores}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        for s in scores:
            rec = s.record()
            rec["event"] = event_of.get(rec["id"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(scores)} articles -> {args.output}", file=sys.stderr)
    return subprocess.call([sys.executable, str(args.set_dir / "score.py"), str(args.output), str(args.set_dir)])


def _write_event_files(folder: Path, articles: list, manifest: dict[str, dict[str, str]]) -> None:
    """The dev articles as one CSV and their true events (`x` distractors: each one alone). The
    headline goes into the `title` column, so the CSV reads back as the same articles (headline
    marked) and `framing evaluate events` gives the figure this script prints."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "dev-articles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "outlet", "date", "title", "text"])
        for a in articles:
            head = next((p for p in a.parts if p.kind == "headline"), None)
            title, body = (a.text[head.start : head.end], a.text[head.end :].lstrip("\n")) if head else ("", a.text)
            w.writerow([a.id, a.outlet, a.date or "", title, body])
    with open(folder / "dev-events.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "event"])
        for a in articles:
            ev = manifest[a.id]["event"]
            w.writerow([a.id, "" if ev == "x" else ev])
    print(f"framing evaluate events {folder / 'dev-articles.csv'} --gold {folder / 'dev-events.csv'}",
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
