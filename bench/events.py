"""Benchmark: `framing events` and `framing compare` against `framing score` on archives of real text.

    python bench/events.py [--sizes 1000 10000 100000] [--corpus ../shared/corpora/10kgnad/test.csv] [--parallel]

Builds, for each size N, a CSV of N articles by cycling a corpus of real German news (the 10kGNAD
test split: `label;text`, `;`-separated, `'` quote char, no header). Copy k of an article drops
its (k mod sentences)-th sentence, gets one of 40 outlets and a date spread over three years
(2021–2023), so copies of one text are reprints at different dates, as syndicated copy is.
Each command runs in its own process (`/usr/bin/time`: wall time and peak resident memory);
the table gives wall and CPU seconds, peak MB and the CPU-time ratio to `score` on the same
file (CPU time: other processes on a shared machine do not count). Figures are for
this machine only; on a shared machine, read them as upper bounds.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import subprocess
import sys
import tempfile
from pathlib import Path

if not __package__:  # run as `python bench/NAME.py`: the checkout, not bench/, on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.shared import GNAD_PARTS, existing_file, shared_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = shared_file(*GNAD_PARTS)
OUTLETS = 40
DAYS = 3 * 365
START = dt.date(2021, 1, 1)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")


def read_corpus(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as f:
        return [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2 and row[1].strip()]


def build(texts: list[str], n: int, out: Path) -> None:
    """N articles: the texts cycled, copy k without its (k mod sentences)-th sentence."""
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "outlet", "date", "text"])
        for i in range(n):
            j, k = i % len(texts), i // len(texts)
            sentences = _SENTENCE.split(texts[j])
            if k and len(sentences) > 3:
                del sentences[k % len(sentences)]
            day = START + dt.timedelta(days=(j * 7919 + k * 104729) % DAYS)
            w.writerow([f"a{i}", f"Outlet {(j + k) % OUTLETS}", day.isoformat(), " ".join(sentences)])


def start(args: list[str], out: Path) -> subprocess.Popen[bytes]:
    """A command run under /usr/bin/time (its output discarded), the figures written to `out`."""
    cmd = ["/usr/bin/time", "-o", str(out), "-f", "%e %U %S %M", *args]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def figures(out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB from a /usr/bin/time file."""
    wall, user, system, kb = out.read_text().split()[-4:]
    return float(wall), float(user) + float(system), int(kb) / 1024


def timed(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB of a command."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "time"
        if start(args, out).wait():
            raise SystemExit(f"failed: {' '.join(args)}")
        return figures(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--corpus", type=existing_file, default=str(CORPUS))
    ap.add_argument("--parallel", action="store_true",
                    help="Run score, events and compare of a size at the same time (each its own process; CPU "
                         "seconds and peak memory stay per command, wall time is shared).")
    args = ap.parse_args(argv)
    texts = read_corpus(args.corpus)
    exe = [sys.executable, "-m", "framing"]
    print("| articles | command | wall s | CPU s | peak MB | CPU × score |")
    print("|---:|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            data = Path(tmp) / f"corpus-{n}.csv"
            build(texts, n, data)
            base = None
            runs = (("score", ["score", "--format", "csv"]), ("events", ["events", "--format", "csv"]),
                    ("compare", ["compare", "--format", "json"]))
            if args.parallel:
                outs = {name: Path(tmp) / f"{name}-{n}.time" for name, _ in runs}
                procs = [(name, start([*exe, *extra, str(data), "-q"], outs[name])) for name, extra in runs]
                if any(p.wait() for _, p in procs):
                    raise SystemExit(f"a command failed on {data}")
                got = {name: figures(outs[name]) for name, _ in runs}
            for name, extra in runs:
                wall, cpu, mb = got[name] if args.parallel else timed([*exe, *extra, str(data), "-q"])
                base = base or cpu
                print(f"| {n:,} | {name} | {wall:.1f} | {cpu:.1f} | {mb:.0f} | {cpu / base:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
