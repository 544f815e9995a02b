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


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True)
    return target


def test_installed_wheel_finds_data_outside_the_checkout(installed):
    code = ("import framing.resources as r, framing.outlets as o; "
            "print(r.lexicon_root()); print(o.canonical_outlet('RT Deutsch'))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=installed.parent, env={"PYTHONPATH": str(installed), "PATH": ""})
    assert r.returncode == 0, r.stderr
    root, name = r.stdout.splitlines()
    assert root.startswith(str(installed)) and name == "RT DE"


COMMANDS = [
    ("score", "--format", "jsonl"),
    ("quotes", "--format", "json"),
    ("compare", "--format", "json"),
    ("report", "--lang", "de"),
    ("explain", "--format", "html", "--lang", "en"),
]
# runs every command in one process of the installed package (lexicon and model loaded once)
_RUN_ALL = """
import json, sys
from click.testing import CliRunner
from framing.cli import main
import framing
assert framing.__file__.startswith(sys.argv[1]), framing.__file__
out = []
for args in json.loads(sys.argv[2]):
    r = CliRunner().invoke(main, args)
    out.append([r.exit_code, r.stdout, r.stderr])
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def installed_outputs(installed) -> list[tuple[int, str, str]]:
    import json

    args = [[c[0], str(SEEDS), *c[1:]] for c in COMMANDS]
    r = subprocess.run([sys.executable, "-c", _RUN_ALL, str(installed), json.dumps(args)], capture_output=True,
                       text=True, cwd=installed.parent, env={"PYTHONPATH": str(installed), "PATH": ""})
    assert r.returncode == 0, r.stderr[-2000:]
    return [tuple(x) for x in json.loads(r.stdout)]


@pytest.mark.parametrize("k", range(len(COMMANDS)), ids=[c[0] for c in COMMANDS])
def test_installed_wheel_gives_the_output_of_the_sources(installed_outputs, k):
    """Byte-identical output of the installed wheel and of the sources this test runs on, for
    the seeds: tokens, quotations, hits, scores, stance, comparison."""
    command = COMMANDS[k]
    args = [command[0], str(SEEDS), *command[1:]]
    code, stdout, stderr = installed_outputs[k]
    assert code == 0, stderr
    want = CliRunner().invoke(main, args)
    assert want.exit_code == 0, want.output
    assert stdout == want.stdout
