"""The shipped data is found through importlib.resources from a real (non-editable) wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


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
