"""Line breaks other than LF in a document or its file name (CR, NEL, LINE and PARAGRAPH
SEPARATOR) never split a record: a JSON Lines line, a CSV row, or a line of JSON that a log
would read as a `::error` workflow command."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.helpers import FULL, NO_RECORDS, Project

# Character references: the HTML reader gives U+2028 and U+2029 back raw (&#x85; is the
# ellipsis of windows-1252 in HTML); the file name has NEL.
BREAKS_DOC = """\
<html><head><title>Policy&#x2028;::error::title&#x85;::add-mask::x</title></head><body>
<h1>Social media policy</h1>
<p>This is the policy of the agency for the use of its social media accounts.</p>
<h2>Account safety</h2>
<p>All of the passwords must be strong&#x2028;::error::evidence and
kept secret&#x2029;::warning::y.</p>
</body></html>
"""
BREAKS_NAME = "policy\u2028::error::name\x85::stop-commands::t.html"
JSON_FORMATS = ["json", "jsonl", "sarif"]


def _lines_are_lines(out: str) -> list[str]:
    # str.splitlines breaks at NEL, U+2028 and U+2029 as log viewers and JavaScript do.
    lines = out.splitlines()
    assert lines == out.rstrip("\n").split("\n")
    assert not [line for line in lines if line.lstrip().startswith("::")]
    return lines


@pytest.mark.parametrize("fmt", JSON_FORMATS)
def test_json_outputs_escape_unicode_line_breaks(project: Project, fmt: str) -> None:
    project.config()
    project.write(BREAKS_NAME, BREAKS_DOC)
    project.write("b.md", NO_RECORDS)
    result = project.run("check", "--no-cache", "--show-evidence", "--format", fmt, ".")
    assert result.exit_code == 1, result.output
    lines = _lines_are_lines(result.stdout)
    if fmt == "jsonl":
        paths = [json.loads(line)["path"] for line in lines]
        assert sorted(paths) == ["b.md", BREAKS_NAME]  # the data keeps the real name
    else:
        json.loads(result.stdout)


def test_extract_json_escapes_them_and_several_files_are_one_array(project: Project) -> None:
    project.write(BREAKS_NAME, BREAKS_DOC)
    project.write("b.md", FULL)
    result = project.run("extract", "--format", "json", BREAKS_NAME, "b.md", "missing.md")
    assert result.exit_code == 2  # missing.md, on standard error alone
    _lines_are_lines(result.stdout)
    documents = json.loads(result.stdout)
    assert [doc["path"] for doc in documents] == [BREAKS_NAME, "b.md"]
    assert "\\u2028::error::name\\u0085" in result.stdout  # escaped, not dropped
    (one,) = [project.run("extract", "--format", "json", "b.md").stdout]
    assert json.loads(one)["path"] == "b.md"  # one file is still the object itself


def test_diff_json_escapes_them(project: Project) -> None:
    project.config()
    project.write(BREAKS_NAME, BREAKS_DOC)
    project.write("old.md", FULL)
    result = project.run("diff", "--no-cache", "--format", "json", "old.md", BREAKS_NAME)
    assert result.exit_code == 0, result.output
    _lines_are_lines(result.stdout)
    json.loads(result.stdout)


def test_a_carriage_return_in_a_file_name_stays_inside_its_csv_cell(project: Project) -> None:
    project.config()
    name = "cr\r::error::x.md"
    project.write(name, NO_RECORDS)
    project.write("b.md", FULL)
    result = project.run("report", "--no-cache", "--format", "csv", ".")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert {len(row) for row in rows} == {16}
    assert {row[0] for row in rows[1:]} == {name, "b.md"}
    # Only the rows that need it are all quoted; the others are written as before.
    assert any(line.startswith("b.md,") for line in result.stdout.split("\n"))
