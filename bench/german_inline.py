"""List German words in string literals of the package outside framing/languages.

    python bench/german_inline.py [ROOT] [--skip quotes.py ...]

Every string constant that is not a docstring is split into words of three or more letters; a
word counts as German when simplemma's German dictionary knows it and its English one does not,
or when it has ä, ö, ü or ß. Prints FILE:LINE, the German words and the string (shortened), then
the number of such strings per file. Word lists belong in framing/languages (issue 11); what this
finds is either such a list still inline or a false friend to judge by eye (`lexicon_dir`).
"""

from __future__ import annotations

import argparse
import ast
import re
from collections import Counter
from pathlib import Path

import simplemma

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
UMLAUT = re.compile("[äöüÄÖÜß]")


def german(word: str) -> bool:
    if UMLAUT.search(word):
        return True
    forms = {word, word.lower(), word.capitalize()}
    known_de = any(simplemma.is_known(f, lang="de") for f in forms)
    known_en = any(simplemma.is_known(f, lang="en") for f in (word, word.lower()))
    return known_de and not known_en


def docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--skip", nargs="*", default=[], help="file names to leave out (e.g. quotes.py)")
    args = ap.parse_args()
    package = Path(args.root) / "framing"
    per_file: Counter[str] = Counter()
    for path in sorted(package.rglob("*.py")):
        if "languages" in path.relative_to(package).parts or path.name in args.skip:
            continue
        rel = str(path.relative_to(package.parent))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                words = sorted({w for w in WORD.findall(node.value) if german(w)})
                if words:
                    per_file[rel] += 1
                    shown = node.value.replace("\n", "\\n")[:70]
                    print(f"{rel}:{node.lineno}: {' '.join(words)[:80]}  | {shown!r}")
    print("\nstrings with German words, per file:")
    for rel, n in per_file.most_common():
        print(f"{n:4d}  {rel}")


if __name__ == "__main__":
    main()
