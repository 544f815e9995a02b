"""Where the benchmarks find the shared real-text corpora: `../shared` beside the checkout (CI's
layout), or beside the folder of a git worktree (`../../shared`)."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GNAD_PARTS = ("corpora", "10kgnad", "test.csv")


def shared_file(*parts: str) -> Path:
    """The first `shared/PARTS` that exists beside the checkout or one level up; the first
    candidate when none does (the caller's `existing_file` then says what is missing)."""
    candidates = [base / "shared" / Path(*parts) for base in (ROOT.parent, ROOT.parent.parent)]
    return next((p for p in candidates if p.is_file()), candidates[0])


def existing_file(value: str) -> Path:
    """argparse type: a file that exists, or a usage error naming it and what to pass instead."""
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{path}: no such file; pass the corpus with this option "
                                         "(the 10kGNAD test split is ../shared/corpora/10kgnad/test.csv)")
    return path
