"""The benchmark scripts start from any folder and name a missing corpus instead of failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("script", "option"), [("events.py", "--corpus"), ("export.py", "--gnad"),
                                                ("ordinary_news.py", "--corpus")])
def test_a_missing_corpus_is_a_usage_error_naming_it(tmp_path, script, option):
    missing = tmp_path / "nowhere.csv"
    r = subprocess.run([sys.executable, str(ROOT / "bench" / script), option, str(missing)],
                       capture_output=True, text=True, cwd=tmp_path)  # not the checkout: imports still work
    assert r.returncode == 2, r.stderr
    assert f"{missing}: no such file" in r.stderr and "Traceback" not in r.stderr


def test_the_shared_folder_is_found_beside_the_checkout_or_one_level_up(tmp_path, monkeypatch):
    from bench import shared

    checkout = tmp_path / "wt" / "branch"
    corpus = tmp_path / "shared" / "corpora" / "10kgnad" / "test.csv"
    corpus.parent.mkdir(parents=True)
    corpus.write_text("x", encoding="utf-8")
    (tmp_path / "wt" / "shared").mkdir(parents=True)  # a `shared` folder without the corpus is passed over
    monkeypatch.setattr(shared, "ROOT", checkout)
    assert shared.shared_file(*shared.GNAD_PARTS) == corpus
    monkeypatch.setattr(shared, "ROOT", tmp_path / "elsewhere" / "deeper" / "checkout")
    assert shared.shared_file(*shared.GNAD_PARTS) == tmp_path / "elsewhere" / "deeper" / "shared" / Path(
        *shared.GNAD_PARTS)
