"""Markdown and plain-text readers, the shared line recogniser, and text encodings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.document import BlockKind, DocFormat, Document
from gaplint.readers import read_bytes, read_document
from gaplint.readers.textblocks import heading_level, join_lines, split_list_marker

H, P, L, C = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL
# The shared dev set sits beside the repository (../shared), when it is there at all.
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


def rows(document: Document) -> list[tuple[BlockKind, str, list[str], int | None]]:
    return [(block.kind, block.text, block.section, block.level) for block in document.blocks]


MARKDOWN = """---
title: "Comment Policy"
date: 2013-12-19 12:58:33 -0400
lastmod: 2021-05-01
author: [GSA, TTS]
---

Site Policies
=============

{{< legacy-img-right src="/meme.jpg" alt="Keep Calm" >}}

We **welcome** your _comments_. You&#8217;re responsible for what you
submit; see [our privacy notice](http://www.gsa.gov/privacy "Privacy") and
<a href="/x">this page</a>.

Moderation
----------

- Off-topic posts
* Spam, including [links](https://example.com/a_(b)) to ads
+ Threats
1. First numbered
2) Second numbered
a) Lettered
(iv) Roman numbered

## Contact ##

Ask us in {% slack_channel "tweet-this" %}.
<!-- an editor's note
that spans lines -->

| Channel | Owner |
|---------|-------|
| Twitter | TTS   |

```
# not a heading
```
"""


def test_markdown_structure_and_cleaning() -> None:
    document = read_bytes(MARKDOWN.encode(), "policy.md")
    assert document.format is DocFormat.MARKDOWN
    moderation = ["Site Policies", "Moderation"]
    contact = ["Site Policies", "Contact"]
    assert rows(document) == [
        (H, "Site Policies", [], 1),
        (
            P,
            "We welcome your comments. You’re responsible for what you submit; see our privacy"
            " notice and this page.",
            ["Site Policies"],
            None,
        ),
        (H, "Moderation", ["Site Policies"], 2),
        (L, "Off-topic posts", moderation, None),
        (L, "Spam, including links to ads", moderation, None),
        (L, "Threats", moderation, None),
        (L, "First numbered", moderation, None),
        (L, "Second numbered", moderation, None),
        (L, "Lettered", moderation, None),
        (L, "Roman numbered", moderation, None),
        (H, "Contact", ["Site Policies"], 2),
        (P, "Ask us in.", contact, None),
        (C, "Channel", contact, None),
        (C, "Owner", contact, None),
        (C, "Twitter", contact, None),
        (C, "TTS", contact, None),
        (P, "# not a heading", contact, None),
        # The front matter's header fields (dates here), after the body and apart from it.
        (P, "date: 2013-12-19 12:58:33 -0400", ["(front matter)"], None),
        (P, "lastmod: 2021-05-01", ["(front matter)"], None),
    ]


def test_front_matter_is_metadata_not_text() -> None:
    document = read_bytes(MARKDOWN.encode(), "policy.md")
    assert document.metadata.title == "Comment Policy"
    assert document.metadata.created == "2013-12-19T12:58:33-04:00"
    assert document.metadata.modified == "2021-05-01"
    assert document.metadata.author == "GSA"
    body = " ".join(b.text for b in document.blocks if b.section != ["(front matter)"])
    assert "lastmod" not in body.lower() and "Comment Policy" not in document.text


def test_yaml_alias_bomb_in_front_matter_is_not_expanded() -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 30):
        bomb += (
            f"a{level}: &a{level} [{', '.join(['*a' if level == 1 else f'*a{level - 1}'] * 10)}]\n"
        )
    bomb += "title: *a29\n---\n\nBody text.\n"
    document = read_bytes(bomb.encode(), "bomb.md")
    assert document.metadata.title is None
    assert [block.text for block in document.blocks] == ["Body text."]


DATA_DRIVEN_PAGE = """---
title: Terms of use
layout: content
pageContent:
  - type: title
    title: Comments on our social media accounts
  - type: copy
    copy: 'We read every comment. <a href="/rules">Comments</a> that contain threats or
      spam will be removed by the moderator.'
  - type: copy
    copy: short setting
---
"""


def test_a_page_whose_text_is_in_its_front_matter_is_read() -> None:
    # Data-driven Jekyll pages keep the whole text in front matter; the body is empty.
    document = read_bytes(DATA_DRIVEN_PAGE.encode(), "terms.md")
    assert [(b.kind, b.text) for b in document.blocks] == [
        (H, "Terms of use"),
        (H, "Comments on our social media accounts"),
        (
            P,
            "We read every comment. Comments that contain threats or spam will be removed by the "
            "moderator.",
        ),
    ]


def test_an_alias_bomb_as_the_whole_page_is_visited_once_per_object() -> None:
    bomb = "---\na: &a [" + ", ".join(["one two three four five six seven"] * 10) + "]\n"
    for level in range(1, 30):
        below = f"*a{level - 1}" if level > 1 else "*a"
        bomb += f"a{level}: &a{level} [{', '.join([below] * 10)}]\n"
    bomb += "---\n"
    document = read_bytes(bomb.encode(), "bomb.md")
    assert len(document.blocks) == 10  # the strings of the one list, not 10**30 copies


@pytest.mark.skipif(not DEV.exists(), reason=f"dev corpus not found at {DEV}")
def test_dev_corpus_markdown() -> None:
    gsa = read_document(next(DEV.glob("03-*.md")))
    assert gsa.metadata.title == "Policies"
    for leftover in ("{{", "}}", "&#", "](", "**"):
        assert leftover not in gsa.text
    assert "You’re fully responsible" in gsa.text
    assert [b.text for b in gsa.blocks if b.kind is H][:3] == [
        "Comment Policy",
        "Privacy",
        "Cookies and Analytics",
    ]
    tts = read_document(next(DEV.glob("04-*.md")))
    assert "{%" not in tts.text and "GSA Social Media Policy when posting" in tts.text
    japan = read_document(next(DEV.glob("01-*.md")))
    headings = [(b.text, b.level) for b in japan.blocks if b.kind is H]
    assert headings[:3] == [
        ("ソーシャルメディア", 1),
        ("公式ソーシャルメディア運用ポリシー", 2),
        ("1. 概要", 3),
    ]
    assert any(b.kind is L and b.text.startswith("Twitter") for b in japan.blocks)


TEXT = """CITY OF EXAMPLETON
SOCIAL MEDIA POLICY

1. PURPOSE
This policy sets rules for official accounts
and for employees' personal use.

3.2 Employee Conduct
Employees must not speak for the City
unless authorised.

Section 4.
Records are kept.

Shopping list:
1. Apples
2. Pears

- first bullet that wraps
  onto a second line
- second bullet
"""


def test_plain_text_headings_lists_and_wrapped_paragraphs() -> None:
    document = read_bytes(TEXT.encode(), "policy.txt")
    assert document.format is DocFormat.TEXT
    assert rows(document) == [
        (H, "CITY OF EXAMPLETON", [], 1),
        (H, "SOCIAL MEDIA POLICY", [], 1),
        (H, "1. PURPOSE", [], 1),
        (
            P,
            "This policy sets rules for official accounts and for employees' personal use.",
            ["1. PURPOSE"],
            None,
        ),
        (H, "3.2 Employee Conduct", ["1. PURPOSE"], 2),
        (
            P,
            "Employees must not speak for the City unless authorised.",
            ["1. PURPOSE", "3.2 Employee Conduct"],
            None,
        ),
        (H, "Section 4.", [], 1),
        (P, "Records are kept.", ["Section 4."], None),
        (P, "Shopping list:", ["Section 4."], None),
        (L, "Apples", ["Section 4."], None),
        (L, "Pears", ["Section 4."], None),
        (L, "first bullet that wraps onto a second line", ["Section 4."], None),
        (L, "second bullet", ["Section 4."], None),
    ]


# The shape `pdftotext -layout` leaves: a page title run into a numbered capitals heading, and
# list markers on lines of their own, their text after a blank line.
PDFTOTEXT = (
    "Use of Social Media\n4.1 PURPOSE AND SCOPE\nThis policy covers official accounts.\n"
    "It does not address:\n\n\u2022\n\nPersonal use by members.\n\n(f)\n\n"
    "Any content posted\nfor personal use.\n\nII.\n\nDEFINITIONS\nA.\n\n"
    "Post: an item of content published\nonline on a platform.\n"
)


def test_text_saved_from_a_pdf_keeps_its_title_and_list_items() -> None:
    document = read_bytes(PDFTOTEXT.encode(), "order.txt")
    assert rows(document) == [
        (H, "Use of Social Media", [], 1),
        (H, "4.1 PURPOSE AND SCOPE", ["Use of Social Media"], 2),
        (
            P,
            "This policy covers official accounts. It does not address:",
            ["Use of Social Media", "4.1 PURPOSE AND SCOPE"],
            None,
        ),
        (L, "Personal use by members.", ["Use of Social Media", "4.1 PURPOSE AND SCOPE"], None),
        (
            L,
            "Any content posted for personal use.",
            ["Use of Social Media", "4.1 PURPOSE AND SCOPE"],
            None,
        ),
        # A numeral alone before a capitals title is a heading; before a wrapped item, an item.
        (H, "II. DEFINITIONS", [], 1),
        (
            L,
            "Post: an item of content published online on a platform.",
            ["II. DEFINITIONS"],
            None,
        ),
    ]
    # A sentence that merely runs on before a heading stays a paragraph.
    running = read_bytes(b"Staff must read this policy.\n4.1 PURPOSE\nText here.\n", "a.txt")
    assert rows(running)[0][:2] == (P, "Staff must read this policy.")


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]
)
def test_encodings(encoding: str) -> None:
    text = "POLICY\nThe Council’s “rules” – café.\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)  # with a BOM, as Windows writes it
    document = read_bytes(data, "policy.txt")
    assert [block.text for block in document.blocks] == ["POLICY", "The Council’s “rules” – café."]


def test_cp1252_smart_quote_bytes_and_latin1_leftovers() -> None:
    data = b"Don\x92t post \x93private\x94 data \x85 ever\x81."
    assert read_bytes(data, "p.txt").blocks[0].text == "Don’t post “private” data … ever\x81."


def test_bomless_utf16_is_recognised() -> None:
    document = read_bytes("Plain policy text here.".encode("utf-16-le"), "p.txt")
    assert document.blocks[0].text == "Plain policy text here."


def test_cjk_lines_join_without_spaces() -> None:
    assert join_lines(["本ポリシーは、デジタル庁の", "運用方針について定めます。"]) == (
        "本ポリシーは、デジタル庁の運用方針について定めます。"
    )
    assert join_lines(["wrapped", "English"]) == "wrapped English"


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("PURPOSE", 1),
        ("II. PROHIBITED CONDUCT", 1),
        ("3.2 Employee Conduct", 2),
        ("3.2.1. Records", 3),
        ("4 Scope", 1),
        ("Section 4.", 1),
        ("ARTICLE IV - SCOPE", 1),
        ("Chapter 2: Use of Accounts", 1),
        ("A. Scope", 2),
        ("3.2 Employees must not post confidential information.", None),
        ("Employees must not post.", None),
        ("a) lower-case item", None),
        ("US", None),
    ],
)
def test_heading_level(line: str, level: int | None) -> None:
    assert heading_level(line) == level


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("- item", "-"),
        ("• item", "•"),
        ("12. item", "12."),
        ("b) item", "b)"),
        ("(iv) item", "(iv)"),
        ("(a) item", "(a)"),
        ("3.2 Employee Conduct", None),
        ("e.g. not a list", None),
        ("-not a list", None),
    ],
)
def test_split_list_marker(line: str, marker: str | None) -> None:
    found = split_list_marker(line)
    assert (found[0] if found else None) == marker


def test_markdown_blocks_carry_their_source_line() -> None:
    # Front matter, a two-line comment and template tags are removed without shifting lines.
    from tests.builders.html import POLICY, policy_markdown

    source = policy_markdown()
    document = read_bytes(source.encode(), "policy.md")
    assert [(b.kind.value, b.text, b.level) for b in document.blocks] == POLICY
    lines = source.split("\n")
    for block in document.blocks:
        assert block.line is not None
        assert block.text.split()[0] in lines[block.line - 1], block


def test_markdown_lines_of_setext_headings_fences_and_wrapped_items() -> None:
    source = "Title\n=====\n\n- first\n  wrapped\n\n```\ncode\n```\n\n| a | b |\n"
    document = read_bytes(source.encode(), "p.md")
    assert [(b.text, b.line) for b in document.blocks] == [
        ("Title", 1),
        ("first wrapped", 4),
        ("code", 8),
        ("a", 11),
        ("b", 11),
    ]


def test_text_blocks_carry_their_source_line() -> None:
    document = read_bytes(TEXT.encode(), "policy.txt")
    lines = TEXT.split("\n")
    for block in document.blocks:
        assert block.line is not None
        assert block.text.split()[0] in lines[block.line - 1], block


def test_a_form_feed_ends_a_block_without_shifting_line_numbers() -> None:
    # pdftotext output starts each page with a form feed; it used to count as two lines.
    source = "INTRODUCTION\nFirst page text.\n\fSECOND PAGE\nMore text.\nend\fmid\n\f\nLast.\n"
    document = read_bytes(source.encode(), "notes.txt")
    assert [(b.line, b.kind, b.text) for b in document.blocks] == [
        (1, H, "INTRODUCTION"),
        (2, P, "First page text."),
        (3, H, "SECOND PAGE"),
        (4, P, "More text. end"),
        (5, P, "mid"),
        (7, P, "Last."),
    ]


FRONT_MATTER_POLICY = """---
title: Social Media Policy
code: POL-14
effective-date: 2024-03-01
policy_owner: Office of Communications
tags: [communications, web]
---

# Social Media Policy

Only staff designated by the Communications Director may post to the city's accounts.
Passwords for official accounts must be changed when an administrator leaves.
Comments that contain threats or profanity may be removed by the moderator.
"""


def test_front_matter_header_fields_are_read_as_text(tmp_path: Path) -> None:
    # A policy repository keeps a policy's dates and owner in front matter, not in the body.
    document = read_bytes(FRONT_MATTER_POLICY.encode(), "policy.md")
    apart = [b.text for b in document.blocks if b.section == ["(front matter)"]]
    assert apart == ["effective date: 2024-03-01", "policy owner: Office of Communications"]
    assert [b.line for b in document.blocks if b.section == ["(front matter)"]] == [4, 5]
    path = tmp_path / "policy.md"
    path.write_text(FRONT_MATTER_POLICY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--no-cache"])
    subpoints = {
        sub["id"]: sub
        for element in json.loads(result.output)["documents"][0]["elements"]
        for sub in element["subpoints"]
    }
    cited = [evidence["text"] for evidence in subpoints["GL904"]["evidence"]]
    assert "effective date: 2024-03-01" in cited
