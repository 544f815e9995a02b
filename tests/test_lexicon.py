import pytest

from framing.errors import LexiconError
from framing.lexicon import default_lexicon, load_lexicon

HEADER = "id,term,match,category,leaning,weight,neutral,explanation\n"


def test_shipped_lexicon_is_valid_and_large():
    lex = default_lexicon()
    assert len(lex.entries) >= 300
    assert lex.axis == "kremlin" and lex.poles == ("critical", "aligned")
    cats = {e.category for e in lex.entries}
    for c in ("pejorative-label", "fear-alarm", "doubt-distancing", "attribution-verb", "hyperbole",
              "moralising-ideological", "euphemism", "war-terminology", "dehumanising-metaphor"):
        assert c in cats
    # both directions are covered
    leanings = [e.leaning for e in lex.entries]
    assert leanings.count("critical") >= 30 and leanings.count("aligned") >= 30
    for e in lex.entries:
        assert e.explanation and e.neutral, e.id


def test_find_inflected_form():
    assert [e.id for e in default_lexicon().find("Autokraten")] == ["de-autokrat"]


@pytest.mark.parametrize(
    ("row", "message"),
    [("x1,Wort,lemma,hype,none,1,neutral,Weil.", "unknown category 'hype'"),
     ("x1,,lemma,hyperbole,none,1,neutral,Weil.", "empty term"),
     ("x1,Wort,lemma,hyperbole,none,9,neutral,Weil.", "weight 9 out of range"),
     ("x1,(,pattern,hyperbole,none,1,neutral,Weil.", "bad pattern"),
     ("x1,Wort,lemma,hyperbole,sideways,1,neutral,Weil.", "unknown leaning 'sideways'"),
     ("x1,Wort,fuzzy,hyperbole,none,1,neutral,Weil.", "unknown match 'fuzzy'"),
     ("de-autokrat,Wort,lemma,hyperbole,none,1,neutral,Weil.", "duplicate id 'de-autokrat'"),
     ("x1,Wort,lemma,hyperbole,none,1,neutral", "7 fields where the header has 8")],
)
def test_user_lexicon_errors_name_file_and_line(tmp_path, row, message):
    p = tmp_path / "klasse.csv"
    p.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        load_lexicon(extra=(p,))
    assert str(exc.value).startswith(f"{p}:2: ")
    assert message in str(exc.value)


def test_unknown_column_and_encoding(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("id,term,colour\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"a.csv:1: unknown column 'colour'"):
        load_lexicon(extra=(p,))
    q = tmp_path / "b.csv"
    q.write_bytes((HEADER + "x1,Größenwahn,lemma,hyperbole,none,1,n,Weil.\n").encode("cp1252"))
    with pytest.raises(LexiconError, match=r"b.csv:2: not UTF-8"):
        load_lexicon(extra=(q,))


def test_user_lexicon_adds_entries_and_changes_version(tmp_path):
    p = tmp_path / "klasse.csv"
    p.write_text(HEADER + "klasse-1,Schurkenregierung,compound,pejorative-label,none,2,Regierung,Weil.\n",
                 encoding="utf-8")
    lex = load_lexicon(extra=(p,))
    assert lex.by_id("klasse-1") is not None
    assert lex.version.startswith("de-loaded ") and "klasse.csv@" in lex.version


def test_lexicon_dir_replaces(tmp_path):
    (tmp_path / "manifest.toml").write_text(
        'name = "mini"\nversion = "0.1"\naxis = "kremlin"\nfile = "l.csv"\nweight_min = 1\nweight_max = 2\n'
        '[categories]\nhyperbole = "x"\n', encoding="utf-8")
    (tmp_path / "l.csv").write_text(HEADER + "m1,gigantisch,lemma,hyperbole,none,1,groß,Weil.\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert lex.version == "mini 0.1" and len(lex.entries) == 1
