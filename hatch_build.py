"""Wheel build hook: compile the hot modules with mypyc.

`framing/text.py` (text layer), `framing/quotes.py` (quotation finder) and `framing/stance.py`
(sentence views and features of the stance) are plain, type-checked Python. When a wheel is
built (`pip install .`), this hook compiles them with mypyc (from PyPI, listed in
`[build-system] requires`) into C extensions that sit beside the sources in the wheel; Python
imports an extension before a source file of the same name. The results are the same, byte for
byte (tests/test_packaging.py compares the compiled wheel with the sources on the seeds); the
speed is not (bench/run.py, see README "Benchmarks").

Nothing is compiled for editable installs (`pip install -e .`, the development set-up: an
extension would shadow the sources you edit) nor with FRAMING_PURE_PYTHON=1. When compilation
fails (no C compiler, no Python headers, an unsupported Python), the hook says so and the wheel
is built from the sources alone: slower, never broken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

COMPILED = ("framing/text.py", "framing/quotes.py", "framing/stance.py")


class MypycHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._tmp: str | None = None
        if self.target_name != "wheel" or version == "editable" or os.environ.get("FRAMING_PURE_PYTHON"):
            return
        self._tmp = tempfile.mkdtemp(prefix="framing-mypyc-")
        try:
            built = self._compile(Path(self._tmp))
        except (OSError, RuntimeError, subprocess.SubprocessError) as e:
            self.app.display_warning(
                f"framing: compiling {', '.join(COMPILED)} with mypyc failed; building a pure-Python "
                f"wheel instead (same results, slower).\n{e}")
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(self._tmp).as_posix()
        self.app.display_info(f"framing: compiled {', '.join(COMPILED)} with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def _compile(self, tmp: Path) -> list[Path]:
        """Compile a copy of the package in `tmp` (nothing is written into the source tree);
        returns the extension files, relative paths inside `tmp` as they go into the wheel."""
        src = Path(self.root) / "framing"
        shutil.copytree(src, tmp / "framing", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
        proc = subprocess.run(
            [sys.executable, "-m", "mypyc", "--ignore-missing-imports", *COMPILED],
            cwd=tmp, capture_output=True, text=True, timeout=900,
        )
        if proc.returncode != 0:
            raise RuntimeError((proc.stdout + proc.stderr)[-3000:])
        built = [p for p in tmp.rglob("*") if p.suffix in (".so", ".pyd") and "build" not in p.relative_to(tmp).parts]
        if len(built) < len(COMPILED):
            raise RuntimeError(f"mypyc produced too few extension modules: {[str(p) for p in built]}")
        return built
