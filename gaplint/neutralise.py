"""Make document text and file names inert in each output medium.

A policy document and its file name are untrusted: they may carry terminal escape sequences,
a newline followed by a GitHub workflow command (`::error ...`), Markdown or HTML that a
pull-request comment would render, or SARIF link syntax. Every reporter passes such text
through the one function here for its medium, at the point where it inserts it. The JSON
outputs need one thing (json_text): json.dumps escapes what JSON would interpret, but
keeps the Unicode line breaks that are legal in a JSON string and still end a line elsewhere.
"""

from __future__ import annotations

import re

# C0 controls (tab kept), DEL, C1 controls, and the bidirectional overrides and isolates
# that can make a terminal show text in an order other than the bytes' (Trojan Source).
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# GitHub runs a line as a workflow command when it starts, after leading spaces, with "::"
# (or contains "##[" for the old syntax). Wrapping can start a line anywhere text has a
# space, so the pair itself is broken by an invisible zero-width space.
_WORKFLOW_MARKERS = (("::", ":\u200b:"), ("##[", "#\u200b#["))
_ZERO_WIDTH_SPACE = "\u200b"


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _break_workflow_markers(text: str) -> str:
    for marker, broken in _WORKFLOW_MARKERS:
        text = text.replace(marker, broken)
    return text


def terminal(text: str) -> str:
    """One line of plain text for a terminal or a CI log: control characters (ESC, CR,
    newline, ...) shown as visible escapes such as `\\x1b`, workflow-command markers broken."""
    return _break_workflow_markers(_CONTROL.sub(lambda m: _visible(m.group()), text))


def workflow_data(text: str) -> str:
    """The message part of a GitHub workflow command (after the final `::`); GitHub's own
    escaping of %, CR and LF, with other controls made visible first."""
    shown = _CONTROL.sub(lambda m: m.group() if m.group() in "\r\n" else _visible(m.group()), text)
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=`, `title=`): data escaping plus `:`
    and `,`, which would end the value."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the
# ones Markdown or GitHub interpret inside a line: emphasis, code, links and images (no `[`,
# so no link, whatever follows), table cells, strikethrough. `<` and `&` become entities.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# At the start of a line (after "> ") these would make a heading, list item or quote.
_MARKDOWN_LINE_START = re.compile(r"^([#+\-=>]|\d+[.)])")
_HTML_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"))


def _one_line(text: str) -> str:
    # A newline would end a table row or a paragraph; controls have no place in a comment.
    return " ".join(_CONTROL.sub(" ", text).split())


def markdown_text(text: str) -> str:
    """Inline Markdown (also safe in a GFM table cell) that renders as the literal text:
    no HTML, no links or images, no emphasis, no @mentions, on one line."""
    line = _one_line(text)
    for raw, entity in _HTML_ENTITIES:
        line = line.replace(raw, entity)
    line = _MARKDOWN_SPECIAL.sub(r"\\\1", line)
    line = _MARKDOWN_LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], line)
    # "@name" would notify a user or team; a zero-width space after @ stops the mention.
    line = line.replace("@", "@" + _ZERO_WIDTH_SPACE)
    return _break_workflow_markers(line)


def markdown_code(text: str) -> str:
    """A Markdown code span showing `text` literally, safe in a table cell: the fence is
    longer than any run of backticks inside, and `|` is escaped (GFM splits cells first)."""
    line = _break_workflow_markers(_one_line(text)).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", line)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {line} {fence}" if longest else f"{fence}{line}{fence}"


def sarif_text(text: str) -> str:
    """SARIF `message.text`: plain text in which `[text](target)` is an embedded link, so
    brackets (and the backslash that escapes them) are escaped; controls made visible."""
    shown = _CONTROL.sub(lambda m: m.group() if m.group() == "\n" else _visible(m.group()), text)
    return shown.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


# Legal unescaped in a JSON string, but line breaks to str.splitlines, JavaScript before
# ES2019 and log viewers: raw, they split a JSON Lines record and start a line with whatever
# follows (a `::error` workflow command). Only ever inside strings, so escaping stays JSON.
_JSON_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_text(text: str) -> str:
    """JSON text (as json.dumps or pydantic writes it) with NEL, LINE SEPARATOR and
    PARAGRAPH SEPARATOR written as escapes, so the JSON is the same and a line is a line."""
    return text.translate(_JSON_LINE_BREAKS)


def error_line(path: str, code: str, message: str) -> str:
    """The one stderr line for a document that could not be read: `PATH: error[CODE]: ...`."""
    return f"{terminal(path)}: error[{terminal(code)}]: {terminal(message)}"
