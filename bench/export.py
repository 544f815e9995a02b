"""Benchmark what a user runs: `framing export` end to end, as a subprocess, on real text.

    python bench/export.py [--sizes 10000 100000] [--jobs 1 2] [--gnad PATH]

Builds CSV corpora in a temporary folder: the 1,028 real Der Standard articles of 10kGNAD
(`../shared/corpora/10kgnad/test.csv`, `label;text`, `'` as quote char) cycled to each size,
and the bundled seeds cycled to the smallest size. Every copy varies: its own id, one of six
outlets, a date of its own, digits shifted by the copy number, and one sentence with a word no
other article has (as a real archive keeps bringing new words). Then, for each corpus and each
--jobs, it runs `python -m framing export CORPUS -o OUT.csv --hits HITS.csv` (full scoring:
text layer, quotations, loaded words, targets, stance) and reports

    articles/s and words/s of wall time, articles/s per core (articles / CPU seconds of all
    processes), peak memory of the process tree sampled every 0.1 s: PSS (shared pages split
    among the processes that share them: what the run costs the machine) and RSS summed

and, in the same run, a bare peer pipeline on the same text (sentence split, regex tokens,
cached simplemma lemmas, a set lookup of the lexicon's terms), with the ratio. The last line
extrapolates one million articles on 2 cores from the largest size measured with the most jobs.
Figures hold for this machine and its load at that moment (printed first).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

if not __package__:  # run as `python bench/NAME.py`: the checkout, not bench/, on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.shared import GNAD_PARTS, existing_file, shared_file

ROOT = Path(__file__).resolve().parent.parent
GNAD = shared_file(*GNAD_PARTS)
SEEDS = ROOT / "seeds"
OUTLETS = ("Blatt A", "Blatt B", "Blatt C", "Blatt D", "Blatt E", "Blatt F")
_DIGIT = re.compile(r"\d")


def gnad_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2]


def seed_texts() -> list[str]:
    from framing.readers import read_articles

    return [a.text for a in read_articles([str(SEEDS)]).articles]


def varied(texts: list[str], n: int) -> Iterator[tuple[str, str, str, str]]:
    """(id, outlet, date, text) for n rows cycling `texts`, every copy varied (module docstring)."""
    for i in range(n):
        copy, k = divmod(i, len(texts))
        text = texts[k]
        if copy:
            text = _DIGIT.sub(lambda m, c=copy: str((int(m.group()) + c) % 10), text)
        text += f" Archivnummer{copy}x{k} wurde ergänzt."
        day = 1 + (i * 7919) % 700
        date = f"{2015 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d}"
        yield f"r{i}", OUTLETS[i % len(OUTLETS)], date, text


def write_corpus(path: Path, texts: list[str], n: int) -> int:
    chars = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "outlet", "date", "text"])
        for row in varied(texts, n):
            chars += len(row[3])
            w.writerow(row)
    return chars


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes summed over a process and all its descendants (Linux /proc). PSS
    shares each page among the processes that map it: forked workers share the lexicon, lemma
    tables and model with the parent, so the RSS sum counts those pages once per process."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return rss, pss


def run_export(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-m", "framing", "export", str(corpus), "-o", str(out), "--hits",
           str(out.with_suffix(".hits.csv")), "--jobs", str(jobs), "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak = peak_pss = 0
    while proc.poll() is None:
        rss, pss = tree_memory(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.1)
    wall = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"framing export failed ({proc.returncode}): {err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    words = sum(int(r["words"]) for r in rows)
    return {"articles": len(rows), "words": words, "wall": wall, "cpu": cpu, "peak": peak, "pss": peak_pss}


def peer(texts: list[str]) -> float:
    """CPU seconds of the bare peer pipeline over `texts`: sentence split, regex tokens,
    cached simplemma lemmas, a set lookup of the lexicon's one-word terms."""
    import simplemma

    from framing.lexicon import default_lexicon

    terms = {e.key for e in default_lexicon().entries if e.key}
    sent = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
    tok = re.compile(r"\w+(?:-\w+)*|[^\w\s]")

    @lru_cache(maxsize=200_000)
    def lemma(w: str) -> str:
        return str(simplemma.lemmatize(w, lang="de")).lower()

    start = time.process_time()
    found = 0
    for t in texts:
        for s in sent.split(t):
            for w in tok.findall(s):
                if lemma(w) in terms:
                    found += 1
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--gnad", type=existing_file, default=str(GNAD))
    ap.add_argument("--no-seeds", action="store_true", help="Skip the seeds corpus.")
    ap.add_argument("--keep", type=Path, default=None, help="Build the corpora in this folder and keep them.")
    args = ap.parse_args()
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          f"(a loaded machine slows wall time; CPU-time figures suffer less)")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="framing-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    gnad = gnad_texts(args.gnad)
    corpora = [(f"10kGNAD x{n:,}", n, gnad) for n in args.sizes]
    if not args.no_seeds:
        corpora.append((f"seeds x{min(args.sizes):,}", min(args.sizes), seed_texts()))
    print(f"{'corpus':<18} {'jobs':>4} {'articles':>9} {'wall s':>8} {'art/s':>7} {'words/s':>9} "
          f"{'art/s/core':>10} {'PSS MB':>7} {'RSS MB':>7}")
    best: tuple[int, int, float] | None = None
    for name, n, texts in corpora:
        path = folder / f"{name.split()[0]}-{n}.csv"
        write_corpus(path, texts, n)
        for jobs in args.jobs:
            r = run_export(path, folder / f"out-{name.split()[0]}-{n}-{jobs}.csv", jobs)
            print(f"{name:<18} {jobs:>4} {r['articles']:>9,} {r['wall']:>8.1f} {r['articles'] / r['wall']:>7.0f} "
                  f"{r['words'] / r['wall']:>9,.0f} {r['articles'] / r['cpu']:>10.0f} "
                  f"{r['pss'] / 2**20:>7.0f} {r['peak'] / 2**20:>7.0f}",
                  flush=True)
            if name.startswith("10kGNAD") and (best is None or (n, jobs) >= best[:2]):
                best = (n, jobs, r["wall"] / n)
        sample = [row[3] for row in varied(texts, min(n, 10_000))]
        cpu = peer(sample)
        framing_cpu = r["cpu"] / r["articles"]
        print(f"{'':<18} peer pipeline: {len(sample) / cpu:,.0f} art/s per core; framing export does "
              f"{(len(sample) / cpu) * framing_cpu:.1f}x its CPU per article "
              f"(ratio framing/peer = {1 / ((len(sample) / cpu) * framing_cpu):.2f})", flush=True)
    if best:
        n, jobs, per = best
        print(f"1,000,000 articles with --jobs {jobs}: {per * 1e6 / 60:.1f} min (extrapolated from {n:,})")
    if args.keep is None:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
