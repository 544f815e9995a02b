"""A real (non-editable) wheel, built once: the shipped data is found through
importlib.resources from outside the checkout, and the installed package gives the output of
the sources."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import ROOT, SEEDS


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
    for t in ("labels.toml", "style.css", "macros.html.j2", "report.html.j2", "explain.html.j2",
              "worksheet.html.j2", "check.html.j2"):
        assert f"framing/templates/{t}" in names


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


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True)
    return target


def _run_installed(target: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True,
                          cwd=target.parent, env={"PYTHONPATH": str(target), "PATH": ""})


@pytest.mark.parametrize("command", [
    ("score", "--format", "jsonl"),
    ("quotes", "--format", "json"),
    ("compare", "--format", "json"),
    ("report", "--lang", "de"),
    ("explain", "--format", "html", "--lang", "en"),
])
def test_installed_wheel_gives_the_output_of_the_sources(installed, command):
    """Byte-identical output of the installed wheel and of the sources this test runs on, for
    the seeds: tokens, quotations, hits, scores, stance, comparison."""
    args = [command[0], str(SEEDS), *command[1:]]
    got = _run_installed(installed, *args)
    assert got.returncode == 0, got.stderr
    want = CliRunner().invoke(main, args)
    assert want.exit_code == 0, want.output
    assert got.stdout == want.stdout
