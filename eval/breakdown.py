"""Own-voice recall and precision of a dev-set run, broken down by gold category, event and
outlet group, with the missed gold rows and the unsupported own-voice hits listed.

    PYTHONPATH=. python eval/breakdown.py EXPORT.jsonl [--set ../shared/dev] [--misses] [--unsupported]

EXPORT.jsonl is what `eval/devset.py -o EXPORT.jsonl` writes. Matching follows the set's own
scorer (`score.py`): a gold row is found when a hit's term or lemma contains the gold term or
lemma (or the other way round; both at least 4 characters, case and ß/ss folded) and the hit
is not in a speaker's voice (quote, reported). Use it to find classes of failure, not to
fit the dev words.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTED = {"quote", "reported"}


def norm(s: str | None) -> str:
    return (s or "").strip().lower().replace("ß", "ss")


def matches(gold_term: str, gold_lemma: str, hit: dict[str, object]) -> bool:
    """The scorer's matching rule (../shared/dev/score.py)."""
    g = {norm(gold_term), norm(gold_lemma)} - {""}
    h = {norm(str(hit.get("term") or "")), norm(str(hit.get("lemma") or ""))} - {""}
    return any(x in y or y in x for x in g for y in h if len(x) >= 4 and len(y) >= 4)


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def breakdown(export: Path, set_dir: Path) -> dict[str, object]:
    """Per category / event / outlet group: own-voice gold rows found; per category of the
    lexicon: own-voice hits and how many of them the gold supports."""
    recs = {str(r["id"]): r for r in map(json.loads, export.read_text(encoding="utf-8").splitlines()) if r}
    manifest = {r["id"]: r for r in _read(set_dir / "manifest.csv")}
    gold = [g for g in _read(set_dir / "gold.csv") if g["id"] in manifest]
    own = [g for g in gold if norm(g["in_quote"]) in ("no", "scare")]
    found: dict[str, Counter[str]] = {k: Counter() for k in ("category", "event", "group")}
    total: dict[str, Counter[str]] = {k: Counter() for k in ("category", "event", "group")}
    misses = []
    for g in own:
        hits = recs.get(g["id"], {}).get("hits", [])
        ok = any(matches(g["term"], g["lemma"], h) and h.get("voice") not in QUOTED for h in hits)
        m = manifest[g["id"]]
        for key, val in (("category", g["category"]), ("event", m["event"]), ("group", m["outlet_group"])):
            total[key][val] += 1
            found[key][val] += ok
        if not ok:
            misses.append(g)
    gold_terms: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        gold_terms[g["id"]] |= {norm(g["term"]), norm(g["lemma"])}
    hits_by_cat: Counter[str] = Counter()
    supported_by_cat: Counter[str] = Counter()
    unsupported = []
    for i, r in recs.items():
        if i not in manifest:
            continue
        for h in r.get("hits", []):
            if h.get("voice") in QUOTED:
                continue
            cat = str(h.get("category"))
            hits_by_cat[cat] += 1
            if any(matches(t, t, h) for t in gold_terms.get(i, ())):
                supported_by_cat[cat] += 1
            else:
                unsupported.append((i, h))
    return {"found": found, "total": total, "misses": misses, "hits": hits_by_cat,
            "supported": supported_by_cat, "unsupported": unsupported}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("--set", dest="set_dir", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--misses", action="store_true", help="list the own-voice gold rows not found")
    ap.add_argument("--unsupported", action="store_true", help="list the own-voice hits the gold does not support")
    args = ap.parse_args(argv)
    if not args.export.exists():
        print(f"{args.export}: not found (write it with eval/devset.py -o)", file=sys.stderr)
        return 1
    b = breakdown(args.export, args.set_dir)
    found, total = b["found"], b["total"]
    assert isinstance(found, dict) and isinstance(total, dict)
    for key in ("category", "event", "group"):
        print(f"\nown-voice recall by {key}")
        for val, n in sorted(total[key].items(), key=lambda kv: -kv[1]):
            print(f"  {val:<22}{found[key][val]:>4}/{n:<4}{found[key][val] / n:>7.3f}")
        n_all = sum(total[key].values())
        print(f"  {'all':<22}{sum(found[key].values()):>4}/{n_all:<4}{sum(found[key].values()) / n_all:>7.3f}")
    hits, sup = b["hits"], b["supported"]
    assert isinstance(hits, Counter) and isinstance(sup, Counter)
    print("\nown-voice hits by lexicon category (supported by gold)")
    for cat, n in hits.most_common():
        print(f"  {cat:<24}{sup[cat]:>4}/{n:<4}{sup[cat] / n:>7.3f}")
    n_hits = sum(hits.values())
    if n_hits:
        print(f"  {'all':<24}{sum(sup.values()):>4}/{n_hits:<4}{sum(sup.values()) / n_hits:>7.3f}")
    if args.misses:
        print("\nmissed own-voice gold rows (id, category, term | lemma)")
        for g in b["misses"]:  # type: ignore[attr-defined]
            print(f"  {g['id']} {g['category']:<20}{g['term']} | {g['lemma']}")
    if args.unsupported:
        print("\nown-voice hits the gold does not support (id, entry, term)")
        for i, h in b["unsupported"]:  # type: ignore[attr-defined]
            print(f"  {i} {h.get('entry')!s:<32}{h.get('term')}  [{h.get('voice')}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
