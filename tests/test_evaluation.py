import json

import pytest

from framing.errors import InputError
from framing.evaluation import evaluate_hits, load_gold
from framing.lexicon import default_lexicon
from framing.matching import Matcher


def write(tmp_path, recs):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    return p


def test_precision_recall_counts(tmp_path):
    p = write(tmp_path, [
        {"id": "a", "text": "Der Autokrat sprach mit dem Präsidenten.",
         "spans": [{"surface": "Autokrat", "category": "pejorative-label", "voice": "outlet"},
                   {"surface": "Präsidenten", "category": "pejorative-label", "voice": "outlet"}]},
        {"id": "b", "text": "Die Lage ist massiv angespannt.", "spans": []},
    ])
    rep = evaluate_hits(load_gold(p), Matcher(default_lexicon()))
    assert (rep.overall.gold, rep.overall.predicted, rep.overall.tp_gold) == (2, 2, 1)
    assert rep.overall.precision == pytest.approx(0.5) and rep.overall.recall == pytest.approx(0.5)


def test_bad_gold(tmp_path):
    p = write(tmp_path, [{"id": "a", "text": "Kein Treffer hier.",
                          "spans": [{"surface": "Autokrat", "voice": "outlet"}]}])
    with pytest.raises(InputError, match=r"gold.jsonl:1: 'Autokrat' \(occurrence 1\) not found"):
        load_gold(p)
