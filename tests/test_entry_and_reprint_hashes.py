"""Each article is checked once on entry; MinHash word hashes and column lemma sums taken from
compact arrays give what the per-word versions give."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from click.testing import CliRunner

import framing
from framing.articles import Article
from framing.cli import main
from framing.compare import Digest, _counter
from framing.events import Vocabulary
from framing.languages import UNDETERMINED, Language, get_language
from framing.readers import Admitted, admit
from framing.records import Term, as_dict
from framing.reprints import minhash, signature, word_hashes, words_of
from framing.text import tokenize

GERMAN = ("Der Kanzler sagte am Montag in Berlin, die Regierung werde die Hilfen für die Ukraine fortsetzen. "
          "Die Opposition kritisierte das als zu wenig, und die Länder verlangten mehr Geld vom Bund.")
ENGLISH = ("The chancellor said on Monday in Berlin that the government would continue its aid to Ukraine, "
           "and the opposition called it far too little while the states asked for more money.")


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts whose language is checked, in order."""
    seen: list[str] = []
    real = Language.looks_like

    def counting(self: Language, text: str) -> tuple[bool, float]:
        seen.append(text)
        return real(self, text)

    monkeypatch.setattr(Language, "looks_like", counting)
    return seen


def test_admit_with_checked_makes_ids_unique_but_does_not_check_the_language_again(checks):
    de = get_language("de")
    seen: dict[str, str] = {}
    first = list(admit(Article(id="a", text=ENGLISH, source="x"), seen, de))
    assert first[-1].language == UNDETERMINED and len(checks) == 1
    again = list(admit(Article(id="a", text=GERMAN, source="y"), seen, de, checked=True))
    assert again[-1].id == "a-2" and "duplicate id" in str(again[0]) and len(checks) == 1


def test_articles_read_from_a_path_are_checked_once(tmp_path, checks):
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    with pytest.warns(framing.ReadWarning, match="does not look like German"):
        arts = list(framing.read(str(tmp_path)))
    assert len(checks) == 2
    assert {a.id: a.language for a in arts} == {"a": "de", "b": UNDETERMINED}


def test_articles_given_as_objects_are_still_checked(checks):
    with pytest.warns(framing.ReadWarning, match="does not look like German"):
        arts = list(framing.read([Article(id="e", text=ENGLISH, source="x")]))
    assert arts[0].language == UNDETERMINED and len(checks) == 1


def test_an_admitted_stream_is_passed_on_as_it_is(checks):
    arts = [Article(id="a", text=GERMAN, source="x"), Article(id="a", text=ENGLISH, source="y")]
    assert list(framing.read(Admitted(arts))) == arts and not checks


@pytest.mark.parametrize("command", ["score", "compare", "events"])
def test_the_commands_check_each_article_once(tmp_path, checks, command):
    for k, text in enumerate([GERMAN, ENGLISH, GERMAN + " Nachtrag."]):
        (tmp_path / f"t{k}.txt").write_text(text, encoding="utf-8")
    r = CliRunner().invoke(main, [command, str(tmp_path), "--format", "json", "-q"])
    assert r.exit_code == 0, r.output
    assert len(checks) == 3


def test_word_hashes_give_the_signature_of_the_words():
    doc = tokenize("„Das ist“, sagte er, „ein Test – mit 3 Zahlen, Bindestrich-Wörtern und Satzzeichen!“ " * 3)
    words = words_of(doc)
    h = word_hashes(doc)
    assert len(h) == len(words)
    sig, n = minhash(h)
    old_sig, old_n = signature(words)
    assert n == old_n > 0 and np.array_equal(sig, old_sig)
    assert minhash(word_hashes(tokenize("Zu kurz .")))[1] == 0


def _digest(ids: list[int], counts: list[float]) -> Digest:
    return Digest("x", "s", "o", None, None, None, 0, None, (), (), (), Counter(), {}, {}, (),
                  np.array(ids, dtype=np.int32), np.array(counts, dtype=np.float32))


def test_column_lemma_sums_add_up_every_digest():
    lemmas = Vocabulary()
    a_ids, a_counts = lemmas.encode(Counter({"gipfel": 2, "nato": 1}))
    b_ids, b_counts = lemmas.encode(Counter({"nato": 3, "panzer": 1}))
    got = _counter([_digest(a_ids.tolist(), a_counts.tolist()), _digest(b_ids.tolist(), b_counts.tolist())], lemmas)
    assert got == Counter({"gipfel": 2, "nato": 4, "panzer": 1})
    assert all(type(v) is int for v in got.values())
    assert _counter([], lemmas) == Counter()


def test_as_dict_of_records_and_plain_values():
    assert as_dict([Term("a", 1), {"k": (Term("b", 2),)}, 3]) == \
        [{"term": "a", "count": 1}, {"k": [{"term": "b", "count": 2}]}, 3]
    assert as_dict(Term) is Term  # a class is not a record


def test_top_log_odds_gives_the_best_words_of_log_odds_to_the_last_bit():
    from framing.compare import Background, log_odds, top_log_odds

    rng = np.random.default_rng(7)
    words = [f"w{k:03d}" for k in range(300)]
    for trial in range(20):
        target = Counter({w: int(c) for w, c in zip(words, rng.integers(0, 6, len(words)), strict=True) if c})
        rest = Counter({w: int(c) for w, c in zip(words, rng.integers(0, 30, len(words)), strict=True) if c})
        background = Background({w: target[w] + rest[w] + int(c) for w, c in
                                 zip(words, rng.integers(0, 3 if trial % 2 else 1, len(words)), strict=True)})
        background.n = sum(background.values())
        n_rest = sum(rest.values())
        expected = [t for t in log_odds(target, rest, background, n_rest=n_rest) if t[2] >= 1.0][:5]
        terms = sorted(target)
        got = top_log_odds(np.arange(len(terms)), terms, np.array([target[w] for w in terms], dtype=float),
                           np.array([rest[w] for w in terms], dtype=float),
                           np.array([background[w] for w in terms], dtype=float),
                           sum(target.values()), n_rest, background.n, z_min=1.0, n=5)
        assert got == expected and expected
