"""How faithful are the HTML and Markdown readers? Words, headings and furniture.

    python bench/text_fidelity.py [--dev DIR] [--compare]

Built pages (tests/builders/html.py, invented text with a known reference): the share of the
reference's words recovered (multiset; CJK counted per character), the share of reference
headings recovered with their level, and how many furniture phrases (navigation, cookie
banner, footer, script) leak into the body (target 0).

Dev documents (HTML 08, 09, 18; Markdown 01, 03, 04): words recovered against the visible text,
computed independently of the readers: for HTML the page as a browser shows it (PHP heredoc
output, no scripts, styles or head), for Markdown the markdown-it rendering without front
matter, comments or template tags.

--compare runs trafilatura and readability-lxml, when importable, on the same HTML.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from gaplint.document import BlockKind  # noqa: E402
from gaplint.readers import read_bytes  # noqa: E402
from tests.builders import html as pages  # noqa: E402

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
DEV_HTML = ("08-*.php", "09-*.php", "18-*.php")
DEV_MARKDOWN = ("01-*.md", "03-*.md", "04-*.md")


class Extracted(NamedTuple):
    text: str
    headings: list[tuple[str, int | None]]


Extractor = Callable[[str, str], Extracted]


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def recall(reference: str, text: str) -> float:
    wanted, got = tokens(reference), tokens(text)
    total = sum(wanted.values())
    return sum(min(count, got[word]) for word, count in wanted.items()) / max(total, 1)


# ------------------------------------------------------------------ extractors


def gaplint_extract(source: str, name: str) -> Extracted:
    document = read_bytes(source.encode(), name)
    headings = [(b.text, b.level) for b in document.blocks if b.kind is BlockKind.HEADING]
    return Extracted(document.text, headings)


def _markdown_headings(text: str) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []
    for line in text.splitlines():
        match = re.match(r"^(#{1,6})\s+(.*?)\s*$", line)
        if match:
            found.append((match.group(2), len(match.group(1))))
    return found


def _trafilatura() -> Extractor | None:
    try:
        module: Any = importlib.import_module("trafilatura")
    except ImportError:
        return None

    def run(source: str, name: str) -> Extracted:
        text = module.extract(
            source, output_format="markdown", include_formatting=True, favor_recall=True
        )
        text = text or ""
        plain = "\n".join(re.sub(r"^[#*\-\s]+", "", line) for line in text.splitlines())
        return Extracted(plain, _markdown_headings(text))

    return run


def _readability() -> Extractor | None:
    try:
        module: Any = importlib.import_module("readability")
    except ImportError:
        return None

    def run(source: str, name: str) -> Extracted:
        summary = module.Document(source).summary(html_partial=True)
        tree = lxml.html.fromstring(summary or "<div></div>")
        headings: list[tuple[str, int | None]] = [
            (" ".join(h.text_content().split()), int(h.tag[1]))
            for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")
        ]
        return Extracted(" ".join(tree.itertext()), headings)

    return run


# ------------------------------------------------------------------ references for dev files

_HEREDOC = re.compile(r"<<<\s*[\"']?(\w+)[\"']?\n(.*?)\n\s*\1;", re.S)
_PHP = re.compile(r"<\?php.*?(?:\?>|\Z)", re.S)


def visible_html(source: str) -> str:
    """What a browser shows: PHP replaced by its heredoc output, no head, scripts or styles."""
    source = _PHP.sub(lambda m: "\n".join(body for _, body in _HEREDOC.findall(m.group(0))), source)
    source = re.sub(r"\$\w+", "", source)
    tree = lxml.html.document_fromstring(source)
    for element in tree.xpath("//script | //style | //head | //noscript"):
        element.drop_tree()
    return " ".join(tree.itertext())


def visible_markdown(source: str) -> str:
    """markdown-it's rendering, without front matter, comments or Hugo/Liquid tags."""
    module: Any = importlib.import_module("markdown_it")
    source = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)
    source = re.sub(r"<!--.*?-->|\{\{.*?\}\}|\{%.*?%\}", "", source, flags=re.S)
    rendered = module.MarkdownIt("commonmark").enable("table").render(source)
    return " ".join(lxml.html.fromstring(f"<div>{rendered}</div>").itertext())


# ------------------------------------------------------------------ runs


def built_cases() -> list[tuple[str, str, pages.Page]]:
    return [
        ("standard <main>", "policy.html", pages.standard_page()),
        ("unknown wrapper", "policy.html", pages.unknown_wrapper_page()),
        ("PHP heredoc", "policy.php", pages.heredoc_php_page()),
        ("nested 3000 deep", "policy.html", pages.nested_page(3000)),
        ("80,000 attributes", "policy.html", pages.attribute_flood_page(80_000)),
        ("stray '<?'", "policy.html", pages.stray_opener_page("<?")),
        ("markdown", "policy.md", pages.Page(pages.policy_markdown(), furniture=[])),
    ]


def timed(extractor: Extractor, source: str, name: str) -> tuple[Extracted | str, float]:
    started = time.perf_counter()
    try:
        result: Extracted | str = extractor(source, name)
    except Exception as error:  # a bench reports failures, it does not stop on them
        result = f"{type(error).__name__}: {str(error)[:60]}"
    return result, (time.perf_counter() - started) * 1000


def run_built(extractors: dict[str, Extractor]) -> None:
    print("Built pages: words recovered, headings recovered (text+level), furniture leaked, ms")
    for label, name, page in built_cases():
        for tool, extractor in extractors.items():
            if tool != "gaplint" and name.endswith(".md"):
                continue
            result, ms = timed(extractor, page.source, name)
            if isinstance(result, str):
                print(f"  {label:18} {tool:12} FAILED {result}")
                continue
            reference = " ".join(page.words)
            heads = [(text, level) for kind, text, level in page.reference if kind == "heading"]
            found = sum(1 for heading in heads if heading in result.headings)
            leaked = sum(1 for phrase in page.furniture if phrase in result.text)
            print(
                f"  {label:18} {tool:12} words {recall(reference, result.text):6.1%}"
                f"  headings {found:2}/{len(heads)}  furniture {leaked}  {ms:7.1f} ms"
            )


def run_dev(dev: Path, extractors: dict[str, Extractor]) -> None:
    print(f"Dev documents ({dev}): words recovered against the visible text, headings, ms")
    for pattern in DEV_HTML + DEV_MARKDOWN:
        path = next(dev.glob(pattern), None)
        if path is None:
            continue
        source = path.read_text(encoding="utf-8")
        is_html = path.suffix != ".md"
        reference = visible_html(source) if is_html else visible_markdown(source)
        for tool, extractor in extractors.items():
            if tool != "gaplint" and not is_html:
                continue
            result, ms = timed(extractor, source, path.name)
            if isinstance(result, str):
                print(f"  {path.name[:40]:40} {tool:12} FAILED {result}")
                continue
            print(
                f"  {path.name[:40]:40} {tool:12} words {recall(reference, result.text):6.1%}"
                f"  headings {len(result.headings):3}  {ms:7.1f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--compare", action="store_true", help="also trafilatura, readability")
    args = parser.parse_args()
    extractors: dict[str, Extractor] = {"gaplint": gaplint_extract}
    if args.compare:
        for tool, factory in (("trafilatura", _trafilatura), ("readability", _readability)):
            extractor = factory()
            if extractor is None:
                print(f"({tool} is not installed; skipped)")
            else:
                extractors[tool] = extractor
    run_built(extractors)
    if args.dev.exists():
        run_dev(args.dev, extractors)
    else:
        print(f"(no dev documents at {args.dev})")


if __name__ == "__main__":
    main()
