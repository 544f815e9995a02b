"""Where the shipped data lives: `framing/lexicons` inside an installed wheel.

In a source checkout (editable install, tests run from the repository) the same files live in
the top-level `lexicons/` folder next to the package; that fallback is found relative to this
file, never relative to the current directory.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def lexicon_root() -> Traversable:
    """The folder holding the shipped lexicons, actor list and outlet table."""
    packaged = files("framing") / "lexicons"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "lexicons"


def read_data_text(*parts: str) -> str:
    """Text of a shipped data file, e.g. read_data_text("de", "loaded.csv")."""
    node = lexicon_root()
    for p in parts:
        node = node / p
    return node.read_text(encoding="utf-8")
