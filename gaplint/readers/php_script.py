"""A page saved as a whole PHP script (a messages file, a template that builds its HTML in
strings): its text is in the string literals, not between the tags.

`<?php` at the top and never closed is how such files end; the generic clean-up would end the
code at the first tag inside a string and read the PHP around it ("'title' => ...") as prose.
Here the code is scanned as PHP: comments and array keys go, string values that hold prose or
markup stay, and every line break is kept so blocks keep their true line numbers. Anything the
scan cannot follow (an unclosed string, a `?>` after which HTML resumes) leaves the page to the
generic clean-up. The scan is linear: pages are hostile input.
"""

from __future__ import annotations

import re

from gaplint.readers.html_source import INTERPOLATION, LineStarts, heredoc_body, newlines

_OPENER = re.compile(r"\A(?:\ufeff)?\s*<\?php\b", re.IGNORECASE)
_CODE_TOKEN = re.compile(r"""'|"|//|\#|/\*|<<<|\?>""")
_SINGLE = re.compile(r"'(?:[^'\\]|\\.)*'", re.S)
_DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_KEY_ARROW = re.compile(r"\s*=>")
_DOUBLE_ESCAPE = re.compile(r"\\(.)", re.S)
_SINGLE_ESCAPE = re.compile(r"\\(['\\])")
# Escapes that stand for whitespace become a space, so no line is added.
_WHITESPACE_ESCAPES = {"n": " ", "t": " ", "r": " ", "v": " ", "f": " "}


def php_script_text(text: str) -> str | None:
    """The markup a whole, unclosed PHP script holds in its strings, or None if `text` is not
    one (or cannot be followed)."""
    opener = _OPENER.match(text)
    if not opener:
        return None
    closers = LineStarts(text)
    out: list[str] = []
    position = opener.end()
    while True:
        token = _CODE_TOKEN.search(text, position)
        if token is None:
            out.append(newlines(text[position:]))
            return "".join(out)
        out.append(newlines(text[position : token.start()]))
        kind, start = token.group(0), token.start()
        if kind == "?>":
            return None  # HTML resumes: a mixed page, for the generic clean-up
        if kind in ("//", "#"):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if "?>" in text[start:end]:
                return None  # "?>" ends a line comment, and PHP mode with it
            position = end
        elif kind == "/*":
            end = text.find("*/", start + 2)
            if end < 0:
                return None
            out.append(newlines(text[start : end + 2]))
            position = end + 2
        elif kind == "<<<":
            kept = heredoc_body(text, start, closers)
            if kept is None:
                position = start + 3
            else:
                out.append(kept[0])
                position = kept[1]
        else:
            literal = (_SINGLE if kind == "'" else _DOUBLE).match(text, start)
            if literal is None:
                return None
            position = literal.end()
            is_key = _KEY_ARROW.match(text, position) is not None
            out.append(_string_value(literal.group(0), is_key))


def _string_value(literal: str, is_key: bool) -> str:
    """What a string literal adds to the page: its value if it holds prose or markup, else
    only its line breaks (array keys, file names, single words of code)."""
    body = literal[1:-1]
    if literal[0] == '"':
        body = _DOUBLE_ESCAPE.sub(lambda m: _WHITESPACE_ESCAPES.get(m.group(1), m.group(1)), body)
        body = INTERPOLATION.sub("", body)
    else:
        body = _SINGLE_ESCAPE.sub(r"\1", body)
    if is_key or not (("<" in body) or len(body.split()) > 1):
        return newlines(literal)
    # A value that is only prose is a paragraph of its own, not run into its neighbour.
    return body if "<" in body else f"<p>{body}</p>"
