"""The HTML as text: structure, escaping, self-containment, headings, contrast of the palette."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from html.parser import HTMLParser
from importlib import resources

import pytest

from gaplint.report import DocumentReport, Report
from gaplint.reporters.html import build_portfolio, script_hash
from gaplint.rules import RulePack

from .html_report_models import ALL_SUBPOINTS, XSS_IMG, XSS_SCRIPT, MakeDoc, html_page


class Outline(HTMLParser):
    """Collects what the tests look at: tags with attributes, headings, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def html(portfolio: Report, pack: RulePack) -> str:
    return html_page(portfolio, pack)


def test_policy_text_is_escaped_never_markup(html: str) -> None:
    assert XSS_SCRIPT not in html
    assert XSS_IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # The path is untrusted too.
    assert "harbour-&lt;b&gt;authority&lt;/b&gt;.html" in html
    parsed = outline(html)
    assert len(parsed.scripts) == 1, "only the report's own sorting script"
    assert not parsed.named("img")
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)


def test_only_the_hashed_inline_script_may_run(html: str) -> None:
    (script,) = outline(html).scripts
    csp = next(
        m["content"] or ""
        for m in outline(html).named("meta")
        if m.get("http-equiv") == "Content-Security-Policy"
    )
    assert f"script-src '{script_hash(script)}'" in csp
    assert "default-src 'none'" in csp


def test_self_contained_no_external_resources(html: str) -> None:
    parsed = outline(html)
    assert not parsed.named("link"), "stylesheets are inlined"
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "data"):
            value = attrs.get(name) or ""
            assert not re.match(r"^(https?:)?//", value), f"<{tag} {name}={value}> fetches"
            if tag == "a" and name == "href":
                assert value.startswith("#"), f"link {value} leaves the page"
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)


def test_matrix_has_a_row_per_document_and_a_column_per_element(
    html: str, portfolio: Report
) -> None:
    table = html[html.index('<table id="matrix"') : html.index("</table>")]
    cols = re.findall(r'<th scope="col"[^>]*data-element="(GL\d)"', table)
    assert cols == [f"GL{i}" for i in range(1, 10)]
    rows = re.findall(r'<th scope="row" data-sort="[^"]*"><a href="#(doc-\d+)">', table)
    assert rows == [f"doc-{i}" for i in range(1, len(portfolio.documents) + 1)]
    # Status as text with the share, not colour alone.
    text = " ".join(re.sub(r"<[^>]+>", " ", table).split())
    assert "◐ partial 2/3" in text  # weak policy, GL1: GL101 and GL102 of three
    assert "✓ covered 4/4" in text
    assert "✗ missing 0/4" in text
    assert text.count("– not checked") == 2 * 9, "unreadable and other-language rows"
    assert "<caption>" in table


def test_every_matrix_link_has_a_target(html: str) -> None:
    ids = {attrs["id"] for _, attrs in outline(html).tags if attrs.get("id")}
    links = {
        (attrs.get("href") or "")[1:]
        for tag, attrs in outline(html).tags
        if tag == "a" and (attrs.get("href") or "").startswith("#")
    }
    assert links, "the page links to its sections"
    assert links <= ids, f"dangling anchors: {sorted(links - ids)}"
    assert {f"doc-3-GL{i}" for i in range(1, 10)} <= links


def test_headings_never_skip_a_level(html: str) -> None:
    levels = outline(html).headings
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"h{before} followed by h{after}"
    assert 3 in levels


def test_landmarks_language_and_skip_link(html: str) -> None:
    parsed = outline(html)
    assert parsed.named("html")[0].get("lang") == "en"
    assert len(parsed.named("main")) == 1 and parsed.named("main")[0].get("id") == "main"
    assert parsed.named("nav")
    first_link = parsed.named("a")[0]
    assert first_link.get("href") == "#main" and first_link.get("class") == "skip-link"


def test_document_view_shows_evidence_gaps_waivers_notices_errors(html: str) -> None:
    doc = html[html.index('id="doc-2"') : html.index('id="doc-3"')]
    assert "Page 1 · Section: Social media policy › Section for GL1" in doc
    assert "Add a rule on approval to create (GL201)." in doc  # recommendation from the pack
    assert "Example wording for GL201" in doc
    assert "This policy does not address records retention." in doc
    assert "explicitly declines" in doc
    hostile = html[html.index('id="doc-3"') : html.index('id="doc-4"')]
    assert "Covered by the union agreement, see HR-12." in hostile
    assert "expires 2031-06-30" in hostile
    unreadable = html[html.index('id="doc-4"') : html.index('id="doc-5"')]
    assert "could not be read" in unreadable and "no text layer" in unreadable
    foreign = html[html.index('id="doc-5"') :]
    assert "language-mismatch" in foreign and "it was not judged" in foreign


def test_coverage_score_per_document(html: str) -> None:
    total = len(ALL_SUBPOINTS)
    doc = html[html.index('id="doc-1"') : html.index('id="doc-2"')]
    covered = total - 4
    assert f"{round(100 * covered / total)} % ({covered} of {total} sub-points)" in doc


def test_bars_count_documents_per_element(portfolio: Report, pack: RulePack) -> None:
    bars = {b.column.id: b for b in build_portfolio(portfolio, pack).bars}
    # GL2: strong covers it, weak misses it, hostile covers all four sub-points.
    assert (bars["GL2"].covered, bars["GL2"].partial, bars["GL2"].missing) == (2, 0, 1)
    assert (bars["GL1"].covered, bars["GL1"].partial, bars["GL1"].missing) == (1, 2, 0)
    assert bars["GL2"].percent(2) == pytest.approx(66.67)


def test_top_missing_counts_across_portfolio(portfolio: Report, pack: RulePack) -> None:
    top = build_portfolio(portfolio, pack).top_missing
    assert len(top) == 10
    # GL404 and GL603 are missing from all three checked documents.
    assert [(m.id, m.count, m.of) for m in top[:3]] == [
        ("GL404", 3, 3),
        ("GL502", 3, 3),
        ("GL603", 3, 3),
    ]
    assert [m.count for m in top] == sorted((m.count for m in top), reverse=True)


def test_a_single_policy_renders_without_portfolio_noise(
    make_doc: MakeDoc, make_report: Callable[[list[DocumentReport]], Report], pack: RulePack
) -> None:
    html = html_page(make_report([make_doc("one.md", set(ALL_SUBPOINTS))]), pack)
    assert "No sub-point is missing from any checked document." in html
    assert "covered 7/7" in html


def test_report_from_another_pack_falls_back_to_findings(
    make_doc: MakeDoc, make_report: Callable[[list[DocumentReport]], Report]
) -> None:
    html = html_page(make_report([make_doc("one.md", set())]), RulePack())
    assert "Add a rule on approval to create (GL201)." in html  # Finding.recommendation
    assert "Example wording" not in html


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_palette_meets_wcag_aa() -> None:
    css = resources.files("gaplint").joinpath("templates", "report.css").read_text("utf-8")
    root = css[css.index(":root") : css.index("}")]
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", root))
    pairs = [name[:-3] for name in colours if name.endswith("-fg")]
    bars = [name for name in colours if name.endswith("-bar")]
    assert len(pairs) >= 8 and len(bars) == 3
    for name in pairs:
        ratio = contrast(colours[f"{name}-fg"], colours[f"{name}-bg"])
        assert ratio >= 4.5, f"--{name}-fg on --{name}-bg is {ratio:.2f}:1"
    for name in bars:
        ratio = contrast(colours[name], colours["page-bg"])
        assert ratio >= 3.0, f"--{name} on the page is {ratio:.2f}:1"
    # Links and muted text sit on every status background too.
    for status in ("covered", "partial", "missing", "unchecked", "quote"):
        assert contrast(colours["link-fg"], colours[f"{status}-bg"]) >= 4.5, status
        assert contrast(colours["muted-fg"], colours[f"{status}-bg"]) >= 4.5, status
