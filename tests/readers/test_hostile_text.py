"""Hostile HTML and Markdown that hung, crashed or lost text: each is read in a child process
with a time limit (issue 12), and must give all its text or one explicit error line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import html as pages
from tests.readers.bounded import read_bounded


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _reference(page: pages.Page) -> list[list[object]]:
    return [[kind, text, level] for kind, text, level in page.reference]


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("tags.md", "<span> " * 30 + "x\n"),  # exponential in the tag-only-line regex
        ("heading.md", "# " + "word " * 1000 + " " * 5000 + "x\n"),  # cubic in the ATX regex
        ("spaces.md", "Text\n" + " " * 300_000 + "x\n"),  # quadratic in the template regex
        ("indented.md", "".join(" " * 4000 + f"- item {n}\n" for n in range(1000))),  # 4 MB
        ("cells.md", "| " * 150_000 + "x\n"),  # 150,000 empty table cells: 6.4 s of cleaning
        ("quotes.md", "> " * 150_000 + "x\n"),  # 150,000 quote markers
    ],
)
def test_markdown_that_backtracked_reads_in_under_a_second(
    tmp_path: Path, name: str, source: str
) -> None:
    # Each took over 10 s before (some hours); now 0.01-0.3 s on a quiet machine, so a
    # second leaves room for a loaded one.
    result = read_bounded(_write(tmp_path, name, source))
    assert result.get("blocks"), result
    assert result["seconds"] < 1


def test_element_with_80000_attributes_is_bounded(tmp_path: Path) -> None:
    page = pages.attribute_flood_page(80_000)
    result = read_bounded(_write(tmp_path, "flood.html", page.source))
    assert [block[:3] for block in result["blocks"]] == _reference(page)
    assert "tags with too many attributes" in result["skipped"]
    assert result["seconds"] < 2


@pytest.mark.parametrize("depth", [300, 3000, 100_000])
def test_nesting_deeper_than_the_parser_allows_loses_nothing(tmp_path: Path, depth: int) -> None:
    page = pages.nested_page(depth)
    result = read_bounded(_write(tmp_path, "deep.html", page.source))
    assert [block[:3] for block in result["blocks"]] == _reference(page)


@pytest.mark.parametrize("opener", ["<?", "<%"])
def test_a_stray_server_code_opener_does_not_swallow_the_page(tmp_path: Path, opener: str) -> None:
    page = pages.stray_opener_page(opener)
    result = read_bounded(_write(tmp_path, "stray.html", page.source))
    assert [block[:3] for block in result["blocks"]] == _reference(page)


def test_thousands_of_openers_and_unclosed_heredocs_scan_in_linear_time(tmp_path: Path) -> None:
    # Each stray opener or unclosed heredoc used to rescan the rest of the page.
    strays = "".join(f"<p>Fee {n} rises by <? or <% each year.</p>\n" for n in range(20_000))
    heredocs = "".join(f"<?php $a = <<<E{n}\nnot closed ?>\n" for n in range(20_000))
    result = read_bounded(_write(tmp_path, "many.php", strays + heredocs + "<p>The end.</p>"))
    texts = [block[1] for block in result["blocks"]]
    assert texts[0] == "Fee 0 rises by <? or <% each year."
    assert len(texts) == 20_001 and texts[-1] == "The end."
    assert result["seconds"] < 5


def test_a_php_script_of_many_strings_and_one_unclosed_one_scans_in_linear_time(
    tmp_path: Path,
) -> None:
    strings = "".join(f"'k{n}' => \"<p>Line {n} of text.</p>\", // it's\n" for n in range(50_000))
    whole = "<?php\n$m = array(\n" + strings + ");\n"
    result = read_bounded(_write(tmp_path, "strings.php", whole))
    assert len(result["blocks"]) == 50_000 and result["seconds"] < 5
    broken = whole + "$x = '" + "a \\' " * 100_000
    result = read_bounded(_write(tmp_path, "broken.php", broken))
    assert "blocks" in result and result["seconds"] < 5


def test_a_deep_page_with_a_tag_that_never_closes_reads_in_linear_time(tmp_path: Path) -> None:
    # Found by the fuzzer: "<a" and a long run of letters with no ">" made the tag pattern of
    # the nesting flattener try every split of the run (47 s for 100,000 letters).
    page = pages.nested_page(3000)
    source = page.source.replace("</main>", "<a" + "b" * 100_000 + "</main>", 1)
    result = read_bounded(_write(tmp_path, "unclosed.html", source))
    assert result.get("blocks"), result
    assert result["seconds"] < 5
