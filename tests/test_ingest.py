import json

import pytest

from framing.articles import build_article, looks_like_title
from framing.errors import InputError
from framing.readers import decode_bytes, read_articles

from .conftest import SEEDS

GERMAN = "„Wir erwarten viel“, sagte Peskow über den Autokraten."


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b""),
     ("utf-16-le", b""), ("utf-16-be", b"")],
)
def test_decode_keeps_german_quotes(encoding, prefix):
    data = prefix + GERMAN.encode(encoding)
    text, _ = decode_bytes(data)
    assert text.lstrip("\ufeff") == GERMAN


def test_latin1_bytes_are_read_as_cp1252():
    # 0x84/0x93 are „ and “ in cp1252; latin-1 would make control characters of them
    text, enc = decode_bytes(b"\x84Hallo\x93 sagte er \xfcber alles.")
    assert text == "„Hallo“ sagte er über alles." and enc == "cp1252"


def test_binary_is_rejected():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 4)


def test_seed_titles_and_leads(seed_articles):
    a = seed_articles["003"]
    assert a.title is None
    assert a.parts[0].kind == "lead"
    assert a.text.startswith("Über Chinas Schritte")
    assert seed_articles["002"].title.startswith("Putin und Kim Jong-un verstärken")


def test_boilerplate_removed_but_recorded(seed_articles):
    a = seed_articles["002"]
    rules = {r.rule for r in a.removed}
    assert {"breadcrumb", "comments-print", "photo-credit", "author-code", "also-interesting",
            "comments"} <= rules
    for junk in ("Startseite", "KommentareDrucken", "IMAGO", "(sischr)", "Auch interessant"):
        assert junk not in a.text
    caption = [a.text[p.start : p.end] for p in a.parts if p.kind == "caption"]
    assert caption and "Zwei Diktatoren unter sich" in caption[0]
    b = seed_articles["004"]
    assert "Mehr zum Thema" not in b.text and b.author == "Armin Schmitt"
    c = seed_articles["003"]
    assert "Quelle: RT DE" not in c.text and c.reprint_of == "RT DE"


def test_outlet_inferred_with_evidence_without_manifest(tmp_path, seed_articles):
    for name in ("002_fb5708521e04c5c4.txt", "003_1afb9acc236d71f6.txt", "004_d9b40e93f68ca003.txt"):
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    res = read_articles([str(tmp_path)])
    by = {a.id[:3]: a for a in res.articles}
    assert by["002"].outlet == "Ippen Media" and by["002"].outlet_inferred
    assert "sischr" in by["002"].outlet_evidence
    assert by["003"].outlet == "RT DE" and "Quelle: RT DE" in by["003"].outlet_evidence
    assert by["004"].outlet == "RT DE" and "Mehr zum Thema" in by["004"].outlet_evidence
    assert by["002"].date is None  # no header, no manifest: unknown stays unknown


def test_unknown_outlet_stays_unknown():
    a = build_article("Ein Titel über nichts Besonderes\n\nEin Text ohne Hinweis auf die Herkunft.",
                      id="x", source="x.txt")
    assert a.outlet is None and not a.outlet_inferred


@pytest.mark.parametrize(
    ("line", "is_title"),
    [("USA in Alarmstimmung wegen möglichen Militärpakt", True),
     ("Putins Besuch in Nordkorea: Neue Sicherheitsstruktur", True),
     ("Über Chinas Schritte zeigt sich Washington besorgt. Moskau bestätigt die Zusammenarbeit.", False),
     ("Wort", False)],
)
def test_looks_like_title(line, is_title):
    assert looks_like_title(line) is is_title


def test_csv_reader_reports_bad_rows_and_keeps_good_ones(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,outlet,date,title,text,url\n'
                 '1,RT DE,2024-06,Titel,"Ein Text, mit Komma.",\n'
                 '2,RT DE,2024-06,Titel,Zu,viele,Felder\n'
                 '3,,,,"",\n'
                 '1,FR,2024-06,T,Noch ein Text.,\n', encoding="utf-8")
    res = read_articles([str(p)])
    assert [a.id for a in res.articles] == ["1", "1-2"]
    msgs = [str(pr) for pr in res.problems]
    assert any(m.startswith(f"{p}:3:") and "7 fields" in m for m in msgs)
    assert any(m.startswith(f"{p}:4:") and "empty 'text'" in m for m in msgs)
    assert any("duplicate id '1'" in m for m in msgs)


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text("id,body\n1,Text\n", encoding="utf-8")
    res = read_articles([str(p)])
    assert not res.articles and "no 'text' column" in str(res.problems[0])


def test_jsonl_reader_and_bad_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a", "outlet": "RT DE", "text": "Putin sprach."}) + "\n{kaputt\n"
                 + json.dumps({"id": "b", "body": "x"}) + "\n", encoding="utf-8")
    res = read_articles([str(p)])
    assert [a.id for a in res.articles] == ["a"]
    assert res.articles[0].outlet == "RT DE"
    assert any(":2:" in str(pr) and "not valid JSON" in str(pr) for pr in res.problems)
    assert any(":3:" in str(pr) and "no 'text' field" in str(pr) for pr in res.problems)


def test_html_reader(tmp_path):
    p = tmp_path / "page.html"
    p.write_text((DATA_HTML), encoding="utf-8")
    res = read_articles([str(p)])
    a = res.articles[0]
    assert a.title == "Putin in Pjöngjang: ein Besuch mit Folgen"
    assert a.outlet == "Beispielblatt" and a.date == "2024-06-19"
    assert "Impressum" not in a.text and "Staatschef Kim Jong-un" in a.text


def test_html_without_article(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>", encoding="utf-8")
    res = read_articles([str(p)])
    assert not res.articles and "no article text" in str(res.problems[0])


def test_bad_paths_and_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "ok.txt").write_text("Ein Titel hier\n\nEin Satz.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("geheim", encoding="utf-8")
    res = read_articles([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [a.id for a in res.articles] == ["ok"]
    msgs = " | ".join(map(str, res.problems))
    assert "empty file" in msgs and "binary" in msgs and "no such file" in msgs
    assert "hidden" not in msgs
    assert res.summary() == "read 1 article from 3 files; skipped 3"


def test_empty_folder(tmp_path):
    res = read_articles([str(tmp_path)])
    assert "holds no readable file" in str(res.problems[0])


def test_stdin():
    res = read_articles(["-"], stdin=b"Ein Titel hier\n\nPutin sprach.")
    assert res.articles[0].title == "Ein Titel hier"


def test_manifest_merges_metadata(seed_articles):
    a = seed_articles["000"]
    assert a.url.startswith("https://de.rt.com/") and not a.outlet_inferred
    assert seed_articles["001"].outlet_inferred


DATA_HTML = """<html><head><title>Putin in Pjöngjang</title>
<meta property="og:site_name" content="Beispielblatt">
<meta property="article:published_time" content="2024-06-19T10:00:00Z">
<meta property="og:title" content="Putin in Pjöngjang: ein Besuch mit Folgen"></head>
<body><nav>Startseite Politik</nav><article><h1>Putin in Pjöngjang: ein Besuch mit Folgen</h1>
<p>Der russische Präsident reiste am Mittwoch nach Pjöngjang. Dort traf er den Staatschef
Kim Jong-un zu Gesprächen über die Zusammenarbeit beider Länder.</p>
<p>„Wir werden die Beziehungen vertiefen“, sagte Putin nach dem Treffen vor Journalisten in der
Hauptstadt des Landes.</p>
<p>Beobachter im Westen zeigten sich besorgt über die neue Partnerschaft der beiden Staaten und
ihre möglichen Folgen für die Region.</p></article><footer>Impressum</footer></body></html>"""


def test_semicolon_tables_from_german_spreadsheets(tmp_path):
    from framing.readers import guess_delimiter, read_articles

    assert guess_delimiter("id;outlet;text\n1;a;b") == ";"
    assert guess_delimiter("id,outlet,text\n") == "," and guess_delimiter("id\ttext", "\t") == "\t"
    assert guess_delimiter("text\n", ",") == ","
    p = tmp_path / "export.csv"
    p.write_text("id;outlet;text\nx1;RT DE;Der Kreml erklärte am Montag, die Gespräche seien beendet.\n",
                 encoding="utf-8")
    arts = read_articles([str(p)]).articles
    assert len(arts) == 1 and arts[0].outlet == "RT DE" and arts[0].text.startswith("Der Kreml")


def test_parts_at_agrees_with_part_at(seed_articles):
    from framing.articles import Article, Part

    for a in seed_articles.values():
        offsets = sorted({0, len(a.text), *(p.start for p in a.parts), *(p.end for p in a.parts),
                          *range(0, len(a.text), 97)})
        assert a.parts_at(offsets) == [a.part_at(o) for o in offsets]
    # parts out of text order take the search per offset
    odd = Article(id="x", text="Titel\n\nText", source="t", parts=(Part("body", 7, 11), Part("headline", 0, 5)))
    assert odd.parts_at([0, 5, 6, 8]) == ["headline", "body", "body", "body"]


def test_csv_title_column_is_scored_as_the_headline(tmp_path):
    """A title given as metadata is the headline, as the first line of a .txt file is: the
    same text, parts and hits (seed 000 as .txt and as a CSV row with a title column)."""
    import csv

    from framing.lexicon import default_lexicon
    from framing.matching import Matcher
    from framing.scoring import score_article
    from framing.textlayer import analyse

    txt = read_articles([str(SEEDS / "000_5a3915b3181bdd4f.txt")]).articles[0]
    _header, rest = (SEEDS / "000_5a3915b3181bdd4f.txt").read_text(encoding="utf-8").split("\n", 1)
    table = tmp_path / "seed.csv"
    with open(table, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "date", "title", "text"])
        w.writerow(["000", "2024-06", txt.title, rest])
    row = read_articles([str(table)]).articles[0]
    assert row.text == txt.text and row.parts == txt.parts
    matcher = Matcher(default_lexicon())
    own = lambda a: [(h.surface, h.part, h.voice) for h in score_article(analyse(a), matcher).own]  # noqa: E731
    headline = [h for h in own(txt) if h[1] == "headline"]
    assert headline and own(row) == own(txt)


# --- one set of CSV row rules for tables read whole and streamed (framing export) -----------

_FILLER = "Die Regierung hat am Montag neue Regeln für den Handel vorgestellt und lange beraten."


def _both(tmp_path, content: str, encoding: str = "utf-8", name: str = "t.csv"):
    from framing.readers import iter_articles

    src = tmp_path / name
    src.write_bytes(content.encode(encoding))
    whole = read_articles([str(src)])
    streamed = list(iter_articles([str(src)], stream_tables=True))
    arts = [(a.id, a.text, a.source) for a in streamed if not hasattr(a, "message")]
    probs = [str(p) for p in streamed if hasattr(p, "message")]
    return (arts, probs), ([(a.id, a.text, a.source) for a in whole.articles], [str(p) for p in whole.problems])


def test_a_lost_quote_char_resyncs_at_the_next_line_when_streamed_too(tmp_path):
    # row 3 opens a quotation mark it never closes: both readers skip that line only and read
    # row 4 and 5 again as rows of their own (no invented rows, no swallowed articles)
    content = (f'id,text\na1,"{_FILLER}"\na2,"{_FILLER} Er sagte: ""Nein.\n'
               f'a3,"{_FILLER}"\na4,{_FILLER}\n')
    streamed, whole = _both(tmp_path, content)
    assert streamed == whole
    assert [a[0] for a in streamed[0]] == ["a1", "a3", "a4"]
    assert len(streamed[1]) == 1 and ":3: unreadable row (unclosed quotation mark)" in streamed[1][0]


@pytest.mark.parametrize("content", [
    f'id,text\na1,"{_FILLER}\r\nZweite Zeile."\r\na2,{_FILLER}\r\n',  # CRLF, a line break inside a field
    f'id,text\ra1,"{_FILLER}"\ra2,{_FILLER}\r',  # CR-only line ends (old Mac files)
    f'id,text\na1,{_FILLER}\ra2 bleibt im Text\na3,{_FILLER}\n',  # a lone CR inside a line
    f'id,text\na1,"{_FILLER}" danach\na2,{_FILLER}\n',  # a quote inside an unquoted field
    f'id,text,text\na1,{_FILLER},zweiter Text\na2,{_FILLER},x\n',  # duplicate column: the first is read
    f'id,text\na1,"{_FILLER}\nzwei","x"\na2,{_FILLER}\na3,{_FILLER}\n',  # a multi-line row with too many fields
    f'\ufeffid,text\na1,{_FILLER}\n',  # BOM
    f'id,text\na1,"{_FILLER}',  # unclosed at the end of the file
])
def test_streamed_and_whole_tables_read_alike(tmp_path, content):
    streamed, whole = _both(tmp_path, content)
    assert streamed == whole


def test_streamed_and_whole_tables_read_alike_on_random_tables(tmp_path_factory):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(['"', '""', ",", "\n", "\r\n", "\r", " ", _FILLER, "a", "x1", ";"])

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.lists(pieces, max_size=8).map("".join), min_size=1, max_size=8))
    def check(rows):
        folder = tmp_path_factory.mktemp("rand")
        content = "id,text\n" + "\n".join(f"r{i},{row}" for i, row in enumerate(rows)) + "\n"
        streamed, whole = _both(folder, content)
        assert streamed == whole

    check()
