"""A real (non-editable) wheel: the shipped data is found through importlib.resources, and
the modules compiled by hatch_build.py (mypyc) give the same output as the sources."""

import importlib.util
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import ROOT, SEEDS


def _compiled_modules() -> list[str]:
    """The module names hatch_build.py compiles ("framing/text.py" -> "text"), read from it."""
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return [Path(p).stem for p in hook.COMPILED]


COMPILED = _compiled_modules()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    if r.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{r.stderr[-2000:]}")
    return next(out.glob("framing-*.whl"))


def test_wheel_contains_lexicons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "framing/lexicons/outlets.csv" in names
    assert "framing/py.typed" in names


def test_installed_wheel_finds_data_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True)
    code = ("import framing.resources as r, framing.outlets as o; "
            "print(r.lexicon_root()); print(o.canonical_outlet('RT Deutsch'))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": ""})
    assert r.returncode == 0, r.stderr
    root, name = r.stdout.splitlines()
    assert root.startswith(str(target)) and name == "RT DE"


def _can_compile() -> bool:
    """A C compiler and the Python headers: what mypyc needs (the build hook falls back to a
    pure-Python wheel without them)."""
    has_cc = any(shutil.which(c) for c in ("cc", "gcc", "clang"))
    return has_cc and (Path(sysconfig.get_paths()["include"]) / "Python.h").exists()


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True)
    return target


def _run_installed(target: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True,
                          cwd=target.parent, env={"PYTHONPATH": str(target), "PATH": ""})


def test_wheel_holds_compiled_modules_where_a_compiler_is(wheel, installed):
    if not _can_compile():
        pytest.skip("no C compiler or Python headers: the wheel is pure Python (slower, same results)")
    names = zipfile.ZipFile(wheel).namelist()
    for mod in COMPILED:
        assert any(n.startswith(f"framing/{mod}.") and n.endswith((".so", ".pyd")) for n in names), names
    code = "import importlib; " + "; ".join(f"print(importlib.import_module('framing.{m}').__file__)" for m in COMPILED)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=installed.parent, env={"PYTHONPATH": str(installed), "PATH": ""})
    assert r.returncode == 0, r.stderr
    files = r.stdout.split()
    assert len(files) == len(COMPILED)
    assert all(f.endswith((".so", ".pyd")) for f in files), files  # the extensions are imported, not the sources


@pytest.mark.parametrize("command", [
    ("score", "--format", "jsonl"),
    ("quotes", "--format", "json"),
    ("compare", "--format", "json"),
])
def test_installed_wheel_gives_the_output_of_the_sources(installed, command):
    """Byte-identical output of the installed (compiled) wheel and of the sources this test
    runs on, for the seeds: tokens, quotations, hits, scores, stance, comparison."""
    args = [command[0], str(SEEDS), *command[1:]]
    got = _run_installed(installed, *args)
    assert got.returncode == 0, got.stderr
    want = CliRunner().invoke(main, args)
    assert want.exit_code == 0, want.output
    assert got.stdout == want.stdout


def test_installed_wheel_equals_the_sources_on_thousands_of_texts(installed, tmp_path):
    """bench/equivalence.py on the installed (compiled) wheel, checked against the sources:
    tokens, quotations, score and stance records of 5,421 texts, among them random
    concatenations and character edits that reach the rare paths of the compiled code."""
    script, base = str(ROOT / "bench" / "equivalence.py"), str(tmp_path / "wheel.pkl")
    saved = subprocess.run([sys.executable, script, "save", base, "--stance"], capture_output=True, text=True,
                           cwd=tmp_path, env={"PYTHONPATH": str(installed), "PATH": ""})
    assert saved.returncode == 0, saved.stderr
    checked = subprocess.run([sys.executable, script, "check", base, "--stance"], capture_output=True, text=True,
                             cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr[-2000:]
    assert "0 differences; 0 stance differences" in checked.stdout
