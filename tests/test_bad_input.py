"""The bad-input suite: every kind of bad input, through every command that reads input.

Each case is a small fixture the test makes itself. For each case and command it asserts the
exit code, that no traceback appears, that the warning names the file (and line or row where
there is one), and, through `framing articles --format json`, the exact set of good records
that survive. The rules it checks are those of README "What happens to bad input".
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

GOOD = "Der Kanzler sprach am Montag in Berlin über die Lage. Die Opposition kritisierte den Plan scharf."
GOOD2 = "Die Ministerin besuchte am Dienstag die Werft in Kiel. Sie lobte die Arbeit der Beschäftigten."
UML = "Über die Gespräche in Moskau äußerte sich der Sprecher „zurückhaltend“, berichtete die Zeitung."


@dataclass
class Case:
    args: list[str]  # input arguments (paths or "-")
    survive: set[str]  # ids of the good records that must be read
    says: list[str] = field(default_factory=list)  # fragments the warnings/errors must hold
    stdin: bytes | None = None
    exit_code: int = 0
    options: list[str] = field(default_factory=list)


def _w(p: Path, data: bytes | str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8", newline="")
    else:
        p.write_bytes(data)
    return p


def _csv(*rows: str) -> str:
    return "\n".join(rows) + "\n"


CASES: dict[str, Callable[[Path], Case]] = {}


def case(name: str) -> Callable[[Callable[[Path], Case]], Callable[[Path], Case]]:
    def deco(f: Callable[[Path], Case]) -> Callable[[Path], Case]:
        CASES[name] = f
        return f
    return deco


# --- encodings ------------------------------------------------------------------------------

for _name, _enc, _bom in [("utf8", "utf-8", b""), ("utf8-bom", "utf-8", codecs.BOM_UTF8),
                          ("utf16le-bom", "utf-16-le", codecs.BOM_UTF16_LE),
                          ("utf16be-bom", "utf-16-be", codecs.BOM_UTF16_BE),
                          ("utf16le-nobom", "utf-16-le", b""), ("utf16be-nobom", "utf-16-be", b""),
                          ("cp1252", "cp1252", b""), ("latin1", "latin-1", b"")]:
    def _enc_case(tmp: Path, enc: str = _enc, bom: bytes = _bom, name: str = _name) -> Case:
        text = UML.replace("„", "»").replace("“", "«") if enc == "latin-1" else UML
        _w(tmp / f"{name}.txt", bom + text.encode(enc))
        table = _csv("id,text", f"row1,{GOOD}", f'row2,"{text}"')
        _w(tmp / f"{name}.csv", bom + table.encode(enc))
        return Case([str(tmp)], {name, "row1", "row2"})
    CASES[f"encoding-{_name}"] = _enc_case


@case("utf8-with-one-bad-byte")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", UML.encode() + b"\n\nNoch ein Satz mit \xff am Ende.")
    return Case([str(tmp)], {"a"}, ["a.txt:3", "cp1252"])


@case("mixed-encoding-per-row")
def _(tmp: Path) -> Case:
    data = _csv("id,text", f"u,\"{UML}\"").encode() + "c,Die Stra\u00dfe war voll.\n".encode("cp1252")
    _w(tmp / "t.csv", data)
    return Case([str(tmp / "t.csv")], {"u", "c"}, ["t.csv:3", "cp1252"])


@case("bom-only")
def _(tmp: Path) -> Case:
    _w(tmp / "bom.txt", codecs.BOM_UTF8)
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["bom.txt", "empty"])


# --- empty, binary, control characters -------------------------------------------------------

@case("empty-file")
def _(tmp: Path) -> Case:
    _w(tmp / "empty.txt", b"")
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["empty.txt", "empty file"])


@case("whitespace-only")
def _(tmp: Path) -> Case:
    _w(tmp / "ws.txt", "  \n\n\t \n")
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["ws.txt", "empty"])


@case("header-only-csv")
def _(tmp: Path) -> Case:
    _w(tmp / "h.csv", "id,text\n")
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"})


@case("binary-as-txt")
def _(tmp: Path) -> Case:
    _w(tmp / "bin.txt", bytes(range(256)) * 8)
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["bin.txt", "binary"])


@case("png-as-csv")
def _(tmp: Path) -> Case:
    _w(tmp / "pic.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["pic.csv", "binary"])


@case("one-nul-byte")
def _(tmp: Path) -> Case:
    _w(tmp / "nul.txt", GOOD.encode() + b"\x00" + b" Ende.")
    return Case([str(tmp)], {"nul"}, ["nul.txt:1", "NUL"])


@case("two-vertical-tabs")
def _(tmp: Path) -> Case:
    _w(tmp / "vt.txt", GOOD.replace(" am ", "\v am \v"))
    return Case([str(tmp)], {"vt"})


@case("a-few-control-characters")
def _(tmp: Path) -> Case:
    _w(tmp / "cc.txt", GOOD + "\x01\x02" + GOOD2)
    return Case([str(tmp)], {"cc"})


@case("ansi-escape-in-title")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,title,text", f'esc,"\x1b[31mROT\x1b[0m \x1b]0;pwned\x07",{GOOD}'))
    return Case([str(tmp / "t.csv")], {"esc"})


# --- CSV -------------------------------------------------------------------------------------

@case("csv-missing-text-column")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,body", f"1,{GOOD}"))
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["t.csv:1", "--text-column"])


@case("csv-duplicate-columns")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,text,text", f"d1,{GOOD},anderes"))
    return Case([str(tmp / "t.csv")], {"d1"}, ["t.csv:1", "duplicate column"])


@case("csv-duplicate-ids")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,text", f"x,{GOOD}", f"x,{GOOD2}"))
    return Case([str(tmp / "t.csv")], {"x", "x-2"}, ["t.csv:3", "duplicate id"])


@case("csv-unclosed-quote")
def _(tmp: Path) -> Case:
    rows = [f"r{i},{GOOD}" for i in range(1, 6)]
    rows.insert(2, f'bad,"{GOOD} und dann nichts mehr')
    rows.append(f'r6,"{GOOD2} mit ""Zitat"""')
    _w(tmp / "t.csv", _csv("id,text", *rows))
    return Case([str(tmp / "t.csv")], {"r1", "r2", "r3", "r4", "r5", "r6"}, ["t.csv:4", "quotation mark"])


@case("csv-field-longer-than-131072")
def _(tmp: Path) -> Case:
    long = " ".join([GOOD] * 1500)  # about 150,000 characters
    _w(tmp / "t.csv", _csv("id,text", f'long,"{long}"', f"after,{GOOD2}"))
    return Case([str(tmp / "t.csv")], {"long", "after"})


@case("csv-wrong-field-count")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,outlet,text", f"a,X,{GOOD}", "b,nur zwei", f"c,Y,{GOOD2}"))
    return Case([str(tmp / "t.csv")], {"a", "c"}, ["t.csv:3", "fields"])


@case("csv-quote-inside-unquoted-field")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,text", f'a,Er sagte "Nein" dazu. {GOOD}', f"b,{GOOD2}"))
    return Case([str(tmp / "t.csv")], {"a", "b"})  # read as written, quotation marks included


@case("csv-blank-rows")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,text", "", f"a,{GOOD}", ",", f"b,{GOOD2}"))
    return Case([str(tmp / "t.csv")], {"a", "b"})


@case("csv-empty-text")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,outlet,text", "a,X,", f"b,Y,{GOOD}"))
    return Case([str(tmp / "t.csv")], {"b"}, ["t.csv:2", "empty 'text'"])


@case("csv-semicolons")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id;outlet;text", f"a;X;{GOOD}", f'b;Y;"{GOOD2}; mit Semikolon"'))
    return Case([str(tmp / "t.csv")], {"a", "b"})


@case("tsv")
def _(tmp: Path) -> Case:
    _w(tmp / "t.tsv", _csv("id\ttext", f"a\t{GOOD}", f"b\t{GOOD2}"))
    return Case([str(tmp / "t.tsv")], {"a", "b"})


@case("csv-crlf-and-cr-in-field")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", f'id,text\r\na,"{GOOD}\r{GOOD2}"\r\nb,{GOOD2}\r\n')
    return Case([str(tmp / "t.csv")], {"a", "b"})


@case("csv-formula-cells")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,outlet,title,text", f'=1+1,@SUM(A1),"=HYPERLINK(""http://x"")",{GOOD}'))
    return Case([str(tmp / "t.csv")], {"=1+1"})


@case("csv-invalid-date")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,date,text", f"a,2024-13,{GOOD}", f"b,gestern,{GOOD2}", f"c,2024-02-29,{GOOD}"))
    return Case([str(tmp / "t.csv")], {"a", "b", "c"}, ["t.csv:2", "2024-13", "t.csv:3", "gestern"])


@case("csv-future-and-ancient-dates")
def _(tmp: Path) -> Case:
    _w(tmp / "t.csv", _csv("id,date,text", f"a,2031-05-01,{GOOD}", f"b,0999-01-01,{GOOD2}"))
    return Case([str(tmp / "t.csv")], {"a", "b"}, ["t.csv:3", "0999-01-01"])


# --- JSON / JSONL ----------------------------------------------------------------------------

def _jsonl(*recs: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in recs)


@case("jsonl-bad-line")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", _jsonl({"id": "a", "text": GOOD}, '{"id": "b", "text": ', {"id": "c", "text": GOOD2}))
    return Case([str(tmp / "t.jsonl")], {"a", "c"}, ["t.jsonl:2", "not valid JSON"])


@case("jsonl-non-object-lines")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", _jsonl(42, [1, 2], "\"nur Text\"", True, None, {"id": "ok", "text": GOOD}))
    return Case([str(tmp / "t.jsonl")], {"ok"}, ["t.jsonl:1", "t.jsonl:2", "t.jsonl:3", "not a JSON object"])


@case("jsonl-text-is-object-or-list")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", _jsonl({"id": "o", "text": {"a": GOOD}}, {"id": "l", "text": [GOOD]},
                               {"id": "ok", "text": GOOD}))
    return Case([str(tmp / "t.jsonl")], {"ok"}, ["t.jsonl:1", "a JSON object", "t.jsonl:2", "a JSON list"])


@case("jsonl-text-is-number-or-boolean")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", _jsonl({"id": "n", "text": 12}, {"id": "b", "text": False}, {"id": "ok", "text": GOOD}))
    return Case([str(tmp / "t.jsonl")], {"ok"}, ["t.jsonl:1", "a number", "t.jsonl:2", "a boolean"])


@case("jsonl-null-and-missing-text")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", _jsonl({"id": "n", "text": None}, {"id": "m"}, {"id": "ok", "text": GOOD}))
    return Case([str(tmp / "t.jsonl")], {"ok"}, ["t.jsonl:1", "t.jsonl:2"])


@case("jsonl-lone-surrogate")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", '{"id": "s", "text": "' + GOOD + ' \\ud800 Ende."}\n' + _jsonl({"id": "ok", "text": GOOD2}))
    return Case([str(tmp / "t.jsonl")], {"s", "ok"}, ["t.jsonl:1", "surrogate"])


@case("json-nested-50000-deep")
def _(tmp: Path) -> Case:
    _w(tmp / "deep.json", "[" * 50000 + "]" * 50000)
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["deep.json", "nested too deeply"])


@case("jsonl-line-nested-deep")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", '{"text": ' + "[" * 50000 + "]" * 50000 + "}\n" + _jsonl({"id": "ok", "text": GOOD}))
    return Case([str(tmp / "t.jsonl")], {"ok"}, ["t.jsonl:1"])


@case("json-array-file")
def _(tmp: Path) -> Case:
    _w(tmp / "t.json", json.dumps([{"id": "a", "text": GOOD}, {"id": "b", "text": GOOD2}, 7]))
    return Case([str(tmp / "t.json")], {"a", "b"}, ["t.json:record 3"])


@case("json-single-object-file")
def _(tmp: Path) -> Case:
    _w(tmp / "t.json", json.dumps({"id": "one", "text": GOOD}))
    return Case([str(tmp / "t.json")], {"one"})


@case("json-array-malformed")
def _(tmp: Path) -> Case:
    _w(tmp / "t.json", '[{"id": "a", "text": "x"},')
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["t.json", "not valid JSON"])


@case("jsonl-numeric-id-and-metadata-types")
def _(tmp: Path) -> Case:
    _w(tmp / "t.jsonl", _jsonl({"id": 7, "outlet": ["X"], "date": 2024.5, "text": GOOD}))
    return Case([str(tmp / "t.jsonl")], {"7"}, ["t.jsonl:1", "'outlet' is a JSON list", "'date' is a number"])


# --- HTML ------------------------------------------------------------------------------------

@case("html-with-script")
def _(tmp: Path) -> Case:
    body = " ".join([GOOD, GOOD2] * 3)
    page = (f"<html><head><title>Titel</title><script>alert(1)</script></head><body><article><h1>Titel</h1>"
            f"<p>{body}</p><script>document.write('x')</script></article></body></html>")
    _w(tmp / "p.html", page)
    return Case([str(tmp / "p.html")], {"p"})


@case("html-without-article")
def _(tmp: Path) -> Case:
    _w(tmp / "nav.html", "<html><body><nav>Start | Politik</nav></body></html>")
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"g"}, ["nav.html", "no article text"])


# --- stdin -----------------------------------------------------------------------------------

@case("stdin-text")
def _(tmp: Path) -> Case:
    return Case(["-"], {"<stdin>"}, stdin=GOOD.encode())


@case("stdin-csv")
def _(tmp: Path) -> Case:
    return Case(["-"], {"a", "b"}, stdin=_csv("id,text", f"a,{GOOD}", f"b,{GOOD2}").encode())


@case("stdin-semicolon-csv-with-option")
def _(tmp: Path) -> Case:
    return Case(["-"], {"a"}, stdin=_csv("id;text", f"a;{GOOD}").encode(), options=["--input-format", "csv"])


@case("stdin-jsonl")
def _(tmp: Path) -> Case:
    return Case(["-"], {"a", "b"}, stdin=_jsonl({"id": "a", "text": GOOD}, {"id": "b", "text": GOOD2}).encode())


@case("stdin-text-starting-with-bracket")
def _(tmp: Path) -> Case:
    return Case(["-"], {"<stdin>"}, stdin=("[Eilmeldung] " + GOOD).encode())


@case("stdin-utf16-without-bom")
def _(tmp: Path) -> Case:
    return Case(["-"], {"<stdin>"}, stdin=UML.encode("utf-16-le"))


@case("stdin-empty")
def _(tmp: Path) -> Case:
    return Case(["-"], set(), ["<stdin>"], stdin=b"", exit_code=1)


@case("stdin-binary")
def _(tmp: Path) -> Case:
    return Case(["-"], set(), ["<stdin>", "binary"], stdin=bytes(range(256)) * 8, exit_code=1)


@case("stdin-html")
def _(tmp: Path) -> Case:
    page = f"<!doctype html><html><body><article><p>{' '.join([GOOD, GOOD2] * 3)}</p></article></body></html>"
    return Case(["-"], {"<stdin>"}, stdin=page.encode())


# --- paths, folders, special files ----------------------------------------------------------

@case("missing-path")
def _(tmp: Path) -> Case:
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp / "nope.txt"), str(tmp / "g.txt")], {"g"}, ["nope.txt", "no such file"])


@case("empty-path")
def _(tmp: Path) -> Case:
    _w(tmp / "g.txt", GOOD)
    return Case(["", str(tmp / "g.txt")], {"g"}, ["empty path"])


@case("nothing-readable")
def _(tmp: Path) -> Case:
    _w(tmp / "x.pdf", b"%PDF-1.4")
    return Case([str(tmp)], set(), ["no readable file"], exit_code=1)


@case("symlinked-subfolder")
def _(tmp: Path) -> Case:
    _w(tmp / "real" / "a.txt", GOOD)
    (tmp / "corpus").mkdir()
    _w(tmp / "corpus" / "b.txt", GOOD2)
    os.symlink(tmp / "real", tmp / "corpus" / "linked")
    return Case([str(tmp / "corpus")], {"a", "b"})


@case("symlink-loop")
def _(tmp: Path) -> Case:
    _w(tmp / "c" / "a.txt", GOOD)
    os.symlink(tmp / "c", tmp / "c" / "loop")
    return Case([str(tmp / "c")], {"a"}, ["loop", "read already"])


@case("broken-symlink")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", GOOD)
    os.symlink(tmp / "missing.txt", tmp / "b.txt")
    return Case([str(tmp)], {"a"}, ["b.txt", "cannot read"])


def _remove_deep(top: Path) -> None:
    """Remove a deeply nested folder without recursion (os.walk, shutil.rmtree and pytest's own
    clean-up of old temporary folders recurse, and fail on 1,000 levels)."""
    stack, order = [top], []
    while stack:
        folder = stack.pop()
        order.append(folder)
        for p in folder.iterdir():
            if p.is_dir() and not p.is_symlink():
                stack.append(p)
            else:
                p.unlink()
    for folder in reversed(order):
        folder.rmdir()


@pytest.fixture(autouse=True)
def _no_deep_folders_left(tmp_path):
    yield
    for top in tmp_path.glob("top"):
        _remove_deep(top)


# cases that are costly to make and to remove (1,000 nested folders: seconds of file-system
# work each time), made once per module and read by every command (the commands only read)
SHARED = {"folder-nested-1000-deep"}


@pytest.fixture(scope="module")
def _shared_cases(tmp_path_factory):
    root = tmp_path_factory.mktemp("shared-cases")
    made: dict[str, Case] = {}
    yield root, made
    for top in root.glob("*/top"):
        _remove_deep(top)


def _make(name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Case:
    if name not in SHARED:
        return CASES[name](tmp_path)
    root, made = request.getfixturevalue("_shared_cases")
    if name not in made:
        (root / name).mkdir()
        made[name] = CASES[name](root / name)
    return made[name]


@case("folder-nested-1000-deep")
def _(tmp: Path) -> Case:
    deep = tmp / "top"
    deep.mkdir()
    _w(deep / "a.txt", GOOD)
    p = deep
    for _ in range(1000):
        p = p / "d"
        os.mkdir(p)
    (p / "lost.txt").write_text(GOOD2, encoding="utf-8")
    return Case([str(deep)], {"a"}, ["nested deeper"])


@case("named-pipe")
def _(tmp: Path) -> Case:
    os.mkfifo(tmp / "pipe.txt")
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp / "pipe.txt"), str(tmp / "g.txt")], {"g"}, ["pipe.txt", "not a regular file"])


@case("dev-zero")
def _(tmp: Path) -> Case:
    _w(tmp / "g.txt", GOOD)
    return Case(["/dev/zero", str(tmp / "g.txt")], {"g"}, ["/dev/zero", "not a regular file"])


@case("hidden-files-skipped")
def _(tmp: Path) -> Case:
    _w(tmp / ".hidden.txt", GOOD)
    _w(tmp / ".git" / "x.txt", GOOD)
    _w(tmp / "g.txt", GOOD2)
    return Case([str(tmp)], {"g"})


# --- manifests and text headers -------------------------------------------------------------

@case("manifest-bad-row-and-date")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", GOOD)
    _w(tmp / "b.txt", GOOD2)
    _w(tmp / "manifest.csv", _csv("file,outlet,date", "a.txt,X,2024-13", 'b.txt,"Y'))
    return Case([str(tmp)], {"a", "b"}, ["manifest.csv:2", "2024-13"])


@case("manifest-without-file-column")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", GOOD)
    _w(tmp / "manifest.csv", _csv("name,outlet", "a.txt,X"))
    return Case([str(tmp)], {"a"}, ["manifest.csv:1", "'file' column"])


@case("txt-header-invalid-date")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", " date 2024-13 Ein Titel\n\n" + GOOD)
    return Case([str(tmp)], {"a"}, ["a.txt:1", "2024-13"])


@case("long-unbroken-text")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", "x" * 200_000 + " " + GOOD)
    return Case([str(tmp)], {"a"})


@case("many-unclosed-quotation-marks")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", GOOD + " „" * 3000 + " " + GOOD2)
    return Case([str(tmp)], {"a"})


@case("mixed-quotation-styles")
def _(tmp: Path) -> Case:
    _w(tmp / "a.txt", 'Er sagte „Nein" und «Ja» und »vielleicht« und \'so\'. ' + GOOD + " ‚halb")
    return Case([str(tmp)], {"a"})


# commands that read input, with the options that keep them fast; `articles` checks survivors
COMMANDS = {
    "articles": ["articles", "--format", "json"],
    "quotes": ["quotes", "--format", "json"],
    "score": ["score", "--format", "csv", "--no-stance"],
    "events": ["events", "--format", "json"],
    "compare": ["compare", "--format", "json", "--no-stance"],
    "explain": ["explain", "--no-stance"],
}


def _run(cmd: list[str], c: Case):
    return CliRunner().invoke(main, [*cmd, *c.options, *c.args], input=c.stdin)


def _check(r, c: Case) -> None:
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert r.exit_code == c.exit_code, r.stderr[-2000:]
    for fragment in c.says:
        assert fragment in r.stderr, (fragment, r.stderr[-2000:])


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_survivors(name, tmp_path, request):
    c = _make(name, tmp_path, request)
    r = _run(COMMANDS["articles"], c)
    _check(r, c)
    ids = {rec["id"] for rec in json.loads(r.stdout)} if r.exit_code == 0 else set()
    assert ids == c.survive, r.stderr[-2000:]


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "articles"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_every_command(name, command, tmp_path, request):
    if command == "explain" and name == "folder-nested-1000-deep":
        pytest.skip("covered by the other commands; explain prints every article")
    c = _make(name, tmp_path, request)
    _check(_run(COMMANDS[command], c), c)


def test_suite_covers_enough_kinds():
    assert len(CASES) >= 60


def test_unreadable_file_and_folder_are_reported(tmp_path, monkeypatch):
    """Permission errors (simulated: the suite may run as root, who reads everything)."""
    _w(tmp_path / "locked" / "x.txt", GOOD)
    _w(tmp_path / "secret.txt", GOOD2)
    _w(tmp_path / "g.txt", GOOD)
    real_iterdir, real_read = Path.iterdir, Path.read_bytes

    def iterdir(self):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    r = CliRunner().invoke(main, ["articles", "--format", "json", str(tmp_path)])
    assert r.exit_code == 0 and {x["id"] for x in json.loads(r.stdout)} == {"g"}
    assert "locked: cannot read folder (Permission denied)" in r.stderr
    assert "secret.txt: cannot read (Permission denied)" in r.stderr


def test_output_to_missing_folder_and_full_disk(tmp_path):
    _w(tmp_path / "g.txt", GOOD)
    r = CliRunner().invoke(main, ["articles", str(tmp_path), "-o", str(tmp_path / "no" / "out.csv")])
    assert r.exit_code == 1 and "does not exist" in r.stderr and "Traceback" not in r.stderr
    if Path("/dev/full").exists() and stat.S_ISCHR(os.stat("/dev/full").st_mode):
        r = CliRunner().invoke(main, ["articles", str(tmp_path), "-o", "/dev/full"])
        assert r.exit_code == 1 and "No space left" in r.stderr


def test_interrupted_run_leaves_no_file(tmp_path, monkeypatch):
    import framing.api as api

    _w(tmp_path / "g.txt", GOOD)
    out = tmp_path / "out.json"

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "analyse", interrupted)
    r = CliRunner().invoke(main, ["articles", str(tmp_path / "g.txt"), "--format", "json", "-o", str(out)])
    assert r.exit_code != 0 and not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["g.txt"]


def test_csv_output_is_spreadsheet_safe_and_readable(tmp_path):
    import csv
    import io

    c = CASES["csv-formula-cells"](tmp_path)
    r = CliRunner().invoke(main, ["articles", "--format", "csv", *c.args])
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    assert rows[0]["id"] == "'=1+1" and rows[0]["outlet"] == "'@SUM(A1)"
    assert rows[0]["title"].startswith("'=HYPERLINK")


def test_terminal_and_markdown_output_neutralise_input(tmp_path):
    c = CASES["ansi-escape-in-title"](tmp_path)
    for fmt in ("table", "markdown"):
        r = CliRunner().invoke(main, ["articles", "--format", fmt, *c.args])
        assert "\x1b" not in r.stdout and "\x07" not in r.stdout and "␛[31mROT" in r.stdout
    _w(tmp_path / "h.csv", _csv("id,title,text", f'h,"<img src=x onerror=alert(1)>",{GOOD}'))
    r = CliRunner().invoke(main, ["articles", "--format", "markdown", str(tmp_path / "h.csv")])
    assert "<img" not in r.stdout and "&lt;img src=x onerror=alert(1)&gt;" in r.stdout


@case("not-german")
def _(tmp: Path) -> Case:
    _w(tmp / "en.txt", "The president said on Monday that the government would not change its course. Critics in the "
       "opposition called the plan a disaster and demanded that the minister resign before the end of the week.")
    _w(tmp / "g.txt", GOOD)
    return Case([str(tmp)], {"en", "g"}, ["en.txt", "does not look like German"])


def test_text_that_is_not_german_is_read_but_not_scored(tmp_path):
    c = CASES["not-german"](tmp_path)
    r = CliRunner().invoke(main, ["score", "--format", "json", *c.args])
    recs = {x["id"]: x for x in json.loads(r.stdout)}
    assert recs["en"]["language"] == "und" and recs["en"]["hits"] == [] and "stance_label" not in recs["en"]
    assert recs["g"]["language"] == "de" and "stance_label" in recs["g"]  # scored (off-axis here)


def test_model_whose_classifier_is_not_a_classifier_is_refused(tmp_path):
    import sklearn
    import skops.io as sio

    from framing.stance import MODEL_FORMAT

    payload = {"framing_model": "stance", "format": MODEL_FORMAT, "labels": ["critical", "neutral", "aligned"],
               "axis": "kremlin", "sklearn": sklearn.__version__, "lexicon": "x", "data": "x",
               "classifier": [1, 2, 3]}
    path = tmp_path / "m.skops"
    sio.dump(payload, path)
    _w(tmp_path / "g.txt", GOOD)
    r = CliRunner().invoke(main, ["score", str(tmp_path / "g.txt"), "--model", str(path)])
    assert r.exit_code == 1 and "not a classifier" in r.stderr and "Traceback" not in r.output
