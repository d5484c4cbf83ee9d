"""HTML reader: main text kept, site furniture and server code dropped, whatever the extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.document import BlockKind, DocFormat, Document
from gaplint.errors import ErrorCode, InputError
from gaplint.readers import read_bytes, read_document
from tests.builders import html as pages

H, P, L, C = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL
# The shared dev set sits beside the repository (../shared), when it is there at all.
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Social Media Policy | City of Exampleton</title>
<meta name="author" content="Office of Communications">
<style>body { color: red }</style><script>var tracking = "do not read me";</script></head>
<body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><a href="/">Exampleton</a>
<nav><ul><li><a href="/">Home</a></li><li>Services</li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; Policies</div>
<main>
  <h1>Social Media Policy</h1>
  <p>Employees must <em>not</em> post confidential information.</p>
  <section id="cookies"><h2>Cookies</h2><p>Our pages set one session cookie.</p></section>
  <h2>Accounts</h2>
  <ul><li>Register every account.</li><li>Name <b>two</b> administrators.</li></ul>
  <table><tr><th>Platform</th><th>Owner</th></tr><tr><td>Facebook</td><td>Clerk</td></tr></table>
  <noscript>Enable JavaScript</noscript>
  <div style="display: none">hidden text</div>
</main>
<aside><h2>Related</h2><p>Other policies</p></aside>
<footer><p>Copyright 2024 City of Exampleton</p></footer>
<script>document.write("late script");</script>
</body></html>"""

EXPECTED = [
    (H, "Social Media Policy", [], 1),
    (P, "Employees must not post confidential information.", ["Social Media Policy"], None),
    (H, "Cookies", ["Social Media Policy"], 2),
    (P, "Our pages set one session cookie.", ["Social Media Policy", "Cookies"], None),
    (H, "Accounts", ["Social Media Policy"], 2),
    (L, "Register every account.", ["Social Media Policy", "Accounts"], None),
    (L, "Name two administrators.", ["Social Media Policy", "Accounts"], None),
    (C, "Platform", ["Social Media Policy", "Accounts"], None),
    (C, "Owner", ["Social Media Policy", "Accounts"], None),
    (C, "Facebook", ["Social Media Policy", "Accounts"], None),
    (C, "Clerk", ["Social Media Policy", "Accounts"], None),
]


def rows(document: Document) -> list[tuple[BlockKind, str, list[str], int | None]]:
    return [(block.kind, block.text, block.section, block.level) for block in document.blocks]


def test_main_content_kept_and_furniture_removed() -> None:
    document = read_bytes(PAGE.encode(), "policy.html")
    assert document.format is DocFormat.HTML
    assert rows(document) == EXPECTED
    assert document.metadata.title == "Social Media Policy | City of Exampleton"
    assert document.metadata.author == "Office of Communications"
    assert any("outside the main content" in item.what for item in document.skipped)


def test_without_main_element_page_furniture_still_goes() -> None:
    page = PAGE.replace("<main>", '<div id="content">').replace("</main>", "</div>")
    document = read_bytes(page.encode(), "policy.htm")
    assert rows(document) == EXPECTED
    for furniture in ("Home", "Related", "Copyright", "cookies.", "script", "hidden"):
        assert furniture not in document.text


@pytest.mark.parametrize("name", ["policy.php", "policy.aspx", "policy", "Default.asp"])
def test_any_extension_or_none_is_read_as_html(name: str) -> None:
    page = (
        "<?php include 'header.php'; if ($count > 1) { echo '<p>leak</p>'; } ?>\n"
        '<h1>Online Policy</h1>\n<% Response.Write("asp leak") %>\n'
        "<p>Councillors must follow the Code of Conduct.</p>\n<?php echo $footer;"
    )
    document = read_bytes(page.encode(), name)
    assert document.format is DocFormat.HTML
    assert rows(document) == [
        (H, "Online Policy", [], 1),
        (P, "Councillors must follow the Code of Conduct.", ["Online Policy"], None),
    ]


def test_list_items_holding_headings_and_paragraphs() -> None:
    page = (
        "<h1>Policy</h1><ol><li><h2>Introduction</h2><p>First.</p><p>Second.</p></li>"
        "<li>Plain item</li></ol>"
    )
    assert rows(read_bytes(page.encode(), "p.html")) == [
        (H, "Policy", [], 1),
        (H, "Introduction", ["Policy"], 2),
        (P, "First.", ["Policy", "Introduction"], None),
        (P, "Second.", ["Policy", "Introduction"], None),
        (L, "Plain item", ["Policy", "Introduction"], None),
    ]


def test_whole_page_form_and_sidebar_class_on_wrapper_do_not_hide_the_policy() -> None:
    # ASP.NET WebForms wrap the whole page in <form>; themes put "has-sidebar" on the wrapper.
    page = (
        '<html><body><form id="aspnetForm"><div class="page has-sidebar">'
        "<h1>Policy</h1><p>Staff must not post as the agency without approval.</p>"
        '<div class="sidebar"><a href="/x">Links</a></div>'
        '<form class="search"><input name="q"> Search</form>'
        "</div></form></body></html>"
    )
    assert rows(read_bytes(page.encode(), "page.aspx")) == [
        (H, "Policy", [], 1),
        (P, "Staff must not post as the agency without approval.", ["Policy"], None),
    ]


def test_footnote_markers_do_not_glue_digits_to_words() -> None:
    page = (
        '<p>According to Statista<sup id="fn2"><a href="#footnote2" rel="footnote">2</a></sup>, '
        'usage grew.</p><ol><li id="footnote2">Statista (2017).<a href="#fn2">&crarr;</a></li></ol>'
    )
    assert [block.text for block in read_bytes(page.encode(), "p.html").blocks] == [
        "According to Statista, usage grew.",
        "Statista (2017).",
    ]


def test_meta_charset_windows_1252_is_respected() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><p>The Council\x92s policy \x93applies\x94 \x96 always.</p></body></html>"
    )
    document = read_bytes(page.encode("latin-1"), "p.html")
    assert document.blocks[0].text == "The Council’s policy “applies” – always."


def test_entities_and_utf16_html() -> None:
    page = "<html><body><p>Don&#8217;t &amp; won&rsquo;t.</p></body></html>"
    document = read_bytes(page.encode("utf-16"), "p.html")
    assert document.blocks[0].text == "Don’t & won’t."


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>Policy &xxe; text.</p></body></html>"
    )
    document = read_bytes(page.encode(), "p.xhtml")
    assert "TOP SECRET" not in document.text
    assert "Policy" in document.text


@pytest.mark.skipif(not DEV.exists(), reason=f"dev corpus not found at {DEV}")
@pytest.mark.parametrize("pattern", ["08-*.php", "09-*.php"])
def test_dev_corpus_php_pages(pattern: str) -> None:
    path = next(DEV.glob(pattern))
    document = read_document(path)
    assert document.format is DocFormat.HTML
    headings = [block for block in document.blocks if block.kind is BlockKind.HEADING]
    assert headings[0].level == 1 and headings[0].text.startswith("Manordeilo & Salem")
    assert len(headings) >= 8 and all(block.level in (1, 2) for block in headings)
    assert "<" not in document.text and "?>" not in document.text and "↵" not in document.text
    assert document.word_count > 1000


# --- issue 10: real-page structure, server code, source lines ------------------------------


def _as_reference(document: Document) -> list[tuple[str, str, int | None]]:
    return [(block.kind.value, block.text, block.level) for block in document.blocks]


def test_structure_survives_an_unknown_wrapper_element() -> None:
    # Was one paragraph holding every heading, list item and paragraph of the article.
    page = pages.unknown_wrapper_page()
    document = read_bytes(page.source.encode(), "policy.html")
    assert _as_reference(document) == page.reference
    assert document.blocks[-1].section == [page.reference[0][1], "Review"]
    assert not [phrase for phrase in page.furniture if phrase in document.text]


def test_html_inside_a_php_heredoc_is_read() -> None:
    # Was "document has no text": stripping the PHP block removed the page it wraps.
    page = pages.heredoc_php_page()
    document = read_bytes(page.source.encode(), "guidelines.php")
    assert _as_reference(document) == page.reference
    assert not [phrase for phrase in page.furniture if phrase in document.text]
    assert "$" not in document.text


def test_a_whole_php_script_is_read_from_its_strings() -> None:
    # Was: the code ended at the first tag inside a string, and "', 'key' => ..." read as prose.
    page = pages.php_messages_page()
    document = read_bytes(page.source.encode(), "messages.php")
    assert _as_reference(document) == page.reference
    assert not [phrase for phrase in page.furniture if phrase in document.text]
    heading = next(block for block in document.blocks if block.kind is BlockKind.HEADING)
    assert heading.line is not None
    assert "<h1" in page.source.splitlines()[heading.line - 1]  # lines are still true


@pytest.mark.parametrize(
    "source",
    [
        "<?php\n$a = 'never closed <p>Hello there.</p>\n",  # an unclosed string
        "<?php\n$a = 1;\n?>\n<p>Hello there.</p>\n",  # HTML resumes after the code
    ],
)
def test_a_php_script_the_scan_cannot_follow_is_left_to_the_generic_clean_up(source: str) -> None:
    assert [block.text for block in read_bytes(source.encode(), "p.php").blocks] == [
        "Hello there."
    ]


def test_nowdoc_body_is_literal_and_code_after_it_is_still_removed() -> None:
    source = "<?php $x = <<<'EOT'\n<p>Costs $5 a month.</p>\nEOT;\necho 'secret';\n?><p>After.</p>"
    assert [b.text for b in read_bytes(source.encode(), "p.php").blocks] == [
        "Costs $5 a month.",
        "After.",
    ]


def _source_line(source: str, number: int) -> str:
    return source.split("\n")[number - 1]


@pytest.mark.parametrize(
    "page", [pages.standard_page(), pages.unknown_wrapper_page(), pages.heredoc_php_page()]
)
def test_every_block_carries_its_source_line(page: pages.Page) -> None:
    document = read_bytes(page.source.encode(), "policy.php")
    for block in document.blocks:
        assert block.line is not None
        first_words = " ".join(block.text.split()[:3]).replace("'", "&#39;")
        assert first_words in _source_line(page.source, block.line), block


def test_lines_of_loose_text_and_multi_line_elements() -> None:
    source = (
        "<div>\n\nLoose text\n<p>\nWrapped\nparagraph</p>\n<ul>\n<li>A</li></ul>\nTail text\n</div>"
    )
    document = read_bytes(source.encode(), "p.html")
    assert [(b.text, b.line) for b in document.blocks] == [
        ("Loose text", 3),
        ("Wrapped paragraph", 5),
        ("A", 8),
        ("Tail text", 9),
    ]


def test_past_libxml2s_16_bit_line_numbers_blocks_have_no_line_rather_than_a_false_one() -> None:
    source = "<p>Near the top.</p>" + "\n" * 70_000 + "<p>Far down.</p>"
    document = read_bytes(source.encode(), "p.html")
    assert [(b.text, b.line) for b in document.blocks] == [
        ("Near the top.", 1),
        ("Far down.", None),
    ]


def test_short_open_tags_closed_in_place_are_code_and_declarations_stay_out() -> None:
    source = '<?xml version="1.0"?>\n<p>Hello <? echo $name ?> there, 5 <% of 7.</p><p>Next.</p>'
    assert [b.text for b in read_bytes(source.encode(), "p.html").blocks] == [
        "Hello there, 5 <% of 7.",
        "Next.",
    ]


def test_a_short_all_bold_paragraph_is_a_heading_below_the_last_real_one() -> None:
    source = (
        "<h1>Guidelines</h1><p><b>General Rules </b></p><p>Be kind.</p>"
        "<p><strong>Posting:</strong></p><p>Post <b>only</b> facts.</p>"
        "<p><b>Staff must never share passwords.</b></p>"
    )
    assert rows(read_bytes(source.encode(), "p.html")) == [
        (H, "Guidelines", [], 1),
        (H, "General Rules", ["Guidelines"], 2),
        (P, "Be kind.", ["Guidelines", "General Rules"], None),
        (H, "Posting:", ["Guidelines"], 2),
        (P, "Post only facts.", ["Guidelines", "Posting:"], None),
        (P, "Staff must never share passwords.", ["Guidelines", "Posting:"], None),
    ]


@pytest.mark.parametrize(
    "page",
    [
        "<?php echo 1; ?>\n",
        # A heredoc that never closes: all of the rest is code, so no page is left.
        "<?php echo <<<EOT\n<h1>Policy</h1><p>Staff must keep passwords secret.</p>\n",
    ],
)
def test_a_page_that_is_all_server_code_is_empty_not_corrupt(page: str) -> None:
    with pytest.raises(InputError) as raised:
        read_bytes(page.encode(), "page.php")
    assert raised.value.code is ErrorCode.EMPTY  # was corrupt: "Document is empty"
    assert raised.value.message == "no text outside server code (<?php … ?>, <% … %>)"
