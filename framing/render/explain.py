"""`framing explain` (and `framing exercise check`) as text (a terminal, with or without colour) and as markdown: the
classroom view of one article (framing.classroom.article_view) put into words and marks.
"""

from __future__ import annotations

import os
import re
import textwrap
from typing import Any

from framing.classroom import Labels, _num

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# one private-use character marks where a colour starts / ends, so wrapping counts one column
_ON = {"outlet": "\ue001", "scare-quote": "\ue002", "quote": "\ue003", "reported": "\ue004"}
_OFF = "\ue000"
_KEEP = "\ue005"  # a space inside a marker tag: not broken by wrapping
_ANSI = {"\ue001": "\x1b[1;30;43m", "\ue002": "\x1b[1;30;45m", "\ue003": "\x1b[1;30;46m",
         "\ue004": "\x1b[1;30;47m", _OFF: "\x1b[0m"}


def use_colour(isatty: bool, environ: dict[str, str] | None = None) -> bool:
    """Colour when writing to a terminal, unless NO_COLOR is set (no-color.org); FORCE_COLOR
    (not empty, not 0) forces it on."""
    env = os.environ if environ is None else environ
    force = env.get("FORCE_COLOR", "")
    if force and force != "0":
        return True
    if env.get("NO_COLOR", ""):
        return False
    return isatty


def _marked_text(view: dict[str, Any], L: Labels, colour: bool, markdown: bool = False) -> str:
    by_n = {f["n"]: f for f in view["flags"]}
    out = []
    for piece, ns in view["segments"]:
        if not ns:
            out.append(piece)
            continue
        f = by_n[ns[0]]
        voice = L.voice(f["voice"])
        if f["voice"] in ("quote", "reported") and f["speaker"]:
            voice += f" {f['speaker']}"
        tag = f"{','.join(map(str, ns))} {voice}: {L.category(f['category'])}"
        if markdown:
            out.append(f"**{piece}**<sup>[{tag}]</sup>")
        elif colour:
            out.append(f"{_ON.get(f['voice'], _ON['outlet'])}{piece}{_OFF}{','.join(map(str, ns)).translate(_SUP)}")
        else:
            out.append(f"[{piece}][{tag.replace(' ', _KEEP)}]" if len(tag) < 40 else f"[{piece}][{tag}]")
    return "".join(out)


def explain_text(view: dict[str, Any], L: Labels, width: int, colour: bool = False) -> str:
    """The reader's view of one article for a terminal: the marked text, then every flag with
    its sentence, why it is loaded, a neutral wording and whom it is aimed at; the stance with
    its evidence and what it measures; whom the article quotes."""

    def wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
        return textwrap.fill(" ".join(text.split()), width, initial_indent=first if first is not None else indent,
                             subsequent_indent=indent, break_on_hyphens=False) + "\n"

    out = _heading(view, L, wrap)
    marked = _marked_text(view, L, colour)
    for para in marked.split("\n"):
        if para.strip():
            out += textwrap.fill(" ".join(para.split()), width, break_on_hyphens=False) + "\n\n"
    out = out.replace(_KEEP, " ")
    if colour:
        for k, v in _ANSI.items():
            out = out.replace(k, v)
    out += _tail(view, L, width)
    out += _flags_text(view, L, wrap)
    out += _stance_text(view, L, wrap)
    out += _quotes_text(view, L, wrap)
    return out


def _heading(view: dict[str, Any], L: Labels, wrap: Any) -> str:
    title = view["title"] or L["no_title"]
    return wrap(f"{view['id']} · {view['outlet'] or L['unknown_outlet']} · {view['date'] or L['undated']} · {title}",
                "", "") + "\n"


def _tail(view: dict[str, Any], L: Labels, width: int) -> str:
    if view["shown_chars"] < len(view["text"]):
        return textwrap.fill(L["truncated"].format(shown=view["shown_words"], total=view["words"]), width) + "\n\n"
    return ""


def _flag_lines(f: dict[str, Any], L: Labels) -> list[tuple[str, str]]:
    """(label, text) lines that explain one flag, in reading order."""
    voice = L.voice(f["voice"])
    if f["voice"] in ("quote", "reported"):
        voice += f", {L['speaker']}: {f['speaker'] or L['unnamed_speaker']}"
    lines = [("", f"„{f['term']}“ — {voice}; {L.category(f['category'])}"
                  + (f"; {L['sentence']} {f['sentence_no']}" if f["sentence_no"] else ""))]
    if f["sentence_text"]:
        lines.append((L["sentence"], f["sentence_text"]))
    if f["explanation"]:
        lines.append((L["why"], f["explanation"]))
    if f["neutral"]:
        lines.append((L["neutral"], "; ".join(f["neutral"])))
    if isinstance(f.get("register"), str) and f["register"]:
        lines.append((L["register"], f["register"]))
    if f["aimed_at"]:
        lines.append((L["aimed_at"], f"{f['aimed_at']} ({L.direction(f['direction'])})" if f["direction"]
                      else f["aimed_at"]))
    return lines


def _flags_text(view: dict[str, Any], L: Labels, wrap: Any) -> str:
    out = wrap(L["own_count"].format(n=view["own"], per=view["loaded_per_1000"]), "", "")
    if view.get("loaded_measures"):
        out += wrap(f"{L['measures']}: {view['loaded_measures']}.", "  ", "  ")
    if view["quoted"]:
        out += wrap(L["quoted_count"].format(n=view["quoted"]), "", "")
    if not view["flags"]:
        return out + wrap(L["no_flags"], "", "") + "\n"
    out += wrap(f"{L['flags']} ({L['sentence_note']})", "", "") + "\n"
    for f in view["flags"]:
        lines = _flag_lines(f, L)
        out += wrap(lines[0][1], "     ", f"{f['n']:>3}. ")
        for label, text in lines[1:]:
            out += wrap(f"{label}: {text}", "         ", "     ")
    return out + "\n"


def _stance_text(view: dict[str, Any], L: Labels, wrap: Any) -> str:
    st = view["stance"]
    if st is None:
        return wrap(L["stance_none"].format(reason=L["stance_off"]), "", "") + "\n"
    axis = st["axis"]
    if st["score"] is None:
        reason = st["reason"] or L["stance_insufficient"]
        out = wrap(f"{L['stance']} ({axis}): {L['stance_none'].format(reason=reason)}", "", "")
    else:
        sig = st["signals"]
        sig_text = ", ".join(f"{k} {_num(v):+.2f}" for k, v in sig.items())
        out = wrap(f"{L['stance']} ({axis}): {st['score']:+.2f} {L.stance_label(st['label'])}, {L['confidence']} "
                   f"{st['confidence']:.2f}" + (f" ({sig_text})" if sig_text else ""), "", "")
    for i, ev in enumerate(st["evidence"], 1):
        terms = f" [{', '.join(ev['terms'])}]" if ev["terms"] else ""
        if ev.get("classifier_words"):
            terms += f" ({L['classifier_words']}: {', '.join(ev['classifier_words'])})"
        where = f"{L['sentence']} {ev['sentence_no']}, " if ev["sentence_no"] else ""
        out += wrap(f"{i}. ({where}{L['contribution']} {ev['contribution']:+.2f}) {ev['text']}{terms}", "     ", "  ")
    out += wrap(L["stance_explained"].format(axis=axis), "  ", "  ")
    if st.get("measures"):
        out += wrap(f"{L['measures']}: {st['measures']}.", "  ", "  ")
    if st.get("shares"):
        out += wrap(f"{L['shares']}: " + ", ".join(f"{k} {100 * v:+.0f} %" for k, v in st["shares"].items()),
                    "  ", "  ")
    out += wrap(L["stance_not"], "  ", "  ")
    return out + "\n"


def _quotes_text(view: dict[str, Any], L: Labels, wrap: Any) -> str:
    if not view["quotes"]:
        return wrap(f"{L['quotes']}: {L['quotes_none']}", "", "")
    out = wrap(f"{L['quotes']}:", "", "")
    for q in view["quotes"]:
        parts = [f"{L['quote_direct']} {q['direct']}{L['times']}" if q["direct"] else "",
                 f"{L['quote_reported']} {q['reported']}{L['times']}" if q["reported"] else ""]
        out += wrap(f"{q['speaker'] or L['unnamed_speaker']}: {', '.join(p for p in parts if p)}", "    ", "  ")
    return out


def explain_markdown(view: dict[str, Any], L: Labels) -> str:
    """The same content as `explain_text`, as markdown (loaded words bold, the tag after them)."""

    def esc(s: str) -> str:
        return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", s)

    def line(text: str, indent: str = "", first: str | None = None) -> str:
        return f"{first if first is not None else indent}{text}\n"

    title = view["title"] or L["no_title"]
    out = f"# {esc(title)}\n\n{esc(view['id'])} · {esc(view['outlet'] or L['unknown_outlet'])} · " \
          f"{esc(view['date'] or L['undated'])}\n\n"
    safe = dict(view)
    safe["segments"] = [(esc(p), ns) for p, ns in view["segments"]]
    safe["flags"] = [{**f, "speaker": esc(f["speaker"])} for f in view["flags"]]
    for para in _marked_text(safe, L, colour=False, markdown=True).split("\n"):
        if para.strip():
            out += " ".join(para.split()) + "\n\n"
    if view["shown_chars"] < len(view["text"]):
        out += f"*{L['truncated'].format(shown=view['shown_words'], total=view['words'])}*\n\n"
    out += f"## {L['flags']}\n\n{L['sentence_note']}\n\n"
    out += L["own_count"].format(n=view["own"], per=view["loaded_per_1000"]) + "\n\n"
    if not view["flags"]:
        out += L["no_flags"] + "\n\n"
    for f in view["flags"]:
        lines = _flag_lines(f, L)
        out += f"{f['n']}. {esc(lines[0][1])}\n"
        for label, text in lines[1:]:
            out += f"   - *{label}*: {esc(text)}\n"
    out += f"\n## {L['stance']}\n\n"
    st = view["stance"]
    out += _stance_text(view, L, lambda t, i="", f=None: " ".join(t.split()) + "\n\n") if st else \
        L["stance_none"].format(reason=L["stance_off"]) + "\n\n"
    out += f"## {L['quotes']}\n\n"
    out += "".join(f"- {esc(q['speaker'] or L['unnamed_speaker'])}: {q['direct']} / {q['reported']}\n"
                   for q in view["quotes"]) or L["quotes_none"] + "\n"
    return out


def explain_json_record(view: dict[str, Any]) -> dict[str, Any]:
    """The JSON record: the view without the rendering helpers (segments are kept: they are
    the text cut at the flags)."""
    out = dict(view)
    out.pop("language", None)  # a rendering helper (the pages' lang attribute), not part of the record
    out["segments"] = [{"text": t, "flags": ns} for t, ns in view["segments"]]
    return out


def check_text(result: dict[str, Any], L: Any) -> str:
    """`framing exercise check` as plain text for a terminal."""

    def fmt(v: float | None) -> str:
        return "–" if v is None else f"{v:+.2f}"

    a = result["article"]
    ag = result["agreement"]
    out = [f"{L['check_title']}: {a['id']} · {a['outlet'] or L['unknown_outlet']} · {a['title'] or L['no_title']}",
           f"{L['student']}: {', '.join(result['students']) or L['nothing']} ({result['marks']} markings)", "",
           f"{L['agreement']} ({ag['units']} {L['words']}):",
           f"  {L['alpha']}: {fmt(ag['alpha'])}"]
    for st, k in ag["kappa_tool"].items():
        out.append(f"  {L['kappa_tool']} ({st}): {fmt(k)}")
    if len(result["students"]) > 1:
        out.append(f"  {L['kappa_students']}: {fmt(ag['kappa_students'])}")
    out += textwrap.wrap(L["agreement_note"], 96, initial_indent="  ", subsequent_indent="  ")
    out += ["", f"{L['found_by_students']}:"]
    for c in result["candidates"]:
        out.append(f"  „{c['term']}“ — {L['marked_by']} {', '.join(c['students'])}"
                   + (f"; {L['reasons']}: {' | '.join(c['reasons'])}" if c["reasons"] else ""))
    if not result["candidates"]:
        out.append(f"  {L['nothing']}")
    else:
        out += textwrap.wrap(L["found_by_all_note"], 96, initial_indent="  ", subsequent_indent="  ")
    out += ["", f"{L['found_by_tool']}:"]
    for t in result["tool_only"]:
        out.append(f"  {t['n']}. „{t['term']}“ ({L.voice(t['voice'])}; {L.category(t['category'])}; "
                   f"{L['sentence']} {t['sentence_no']}): {t['explanation']}"
                   + (f" {L['neutral']}: {'; '.join(t['neutral'])}" if t["neutral"] else ""))
    if not result["tool_only"]:
        out.append(f"  {L['nothing']}")
    out += ["", f"{L['found_by_both']}:"]
    for t in result["both"]:
        out.append(f"  {t['n']}. „{t['term']}“ — {L['marked_by']} {', '.join(t['students'])}")
    if not result["both"]:
        out.append(f"  {L['nothing']}")
    if result["skipped"]:
        out += ["", f"{L['skipped']}:", *(f"  {s}" for s in result["skipped"])]
    return "\n".join(out) + "\n"
