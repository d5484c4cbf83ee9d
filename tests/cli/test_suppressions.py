"""Suppressions in the policy itself (`<!-- gaplint: ignore ID reason -->`), through the CLI."""

from __future__ import annotations

import time

from gaplint.suppressions import find_suppressions
from tests.cli.helpers import FULL, NO_RECORDS, Project

REASON = "kept under the state schedule, not this policy"  # no TS201 term in it


def _subpoint(doc: dict[str, object], rule: str) -> dict[str, object]:
    for element in doc["elements"]:  # type: ignore[attr-defined]
        for sub in element["subpoints"]:
            if sub["id"] == rule:
                return sub  # type: ignore[no-any-return]
    raise AssertionError(rule)


def test_a_markdown_comment_suppresses_a_gap_with_its_reason(project: Project) -> None:
    project.config()
    comment = f"<!-- gaplint: ignore TS2 {REASON} -->"
    text = NO_RECORDS + f"\n{comment}\n"
    project.write("policy.md", text)
    line = text.splitlines().index(comment) + 1
    for _ in range(2):  # the second run is served from the cache: the same verdict
        result, data = project.json("policy.md")
        assert result.exit_code == 0, result.stdout
        (doc,) = data["documents"]
        assert [(f["rule"], f["waived"]) for f in doc["findings"]] == [
            ("TS2", True),
            ("TS201", True),
        ]
        waiver = _subpoint(doc, "TS201")["waiver"]
        assert waiver["reason"] == f"{REASON} (line {line})"  # type: ignore[index]
        assert doc["notices"] == []
    # Text counts it as a configuration waiver is counted; JSON, SARIF and HTML carry the reason.
    text = project.run("check", "policy.md").stdout
    assert "0 gaps (0 error, 0 warning, 0 info), 2 waived" in text


def test_only_the_named_rule_is_suppressed(project: Project) -> None:
    project.config()
    text = NO_RECORDS + "<!--gaplint: ignore TS201-->\n"
    project.write("policy.md", text)
    line = len(text.splitlines())
    result, data = project.json("policy.md")
    assert result.exit_code == 1  # TS2, the missing element, still fails
    (doc,) = data["documents"]
    assert {f["rule"]: f["waived"] for f in doc["findings"]} == {"TS2": False, "TS201": True}
    waiver = _subpoint(doc, "TS201")["waiver"]
    assert waiver["reason"] == f"no reason given (line {line})"  # type: ignore[index]


def test_a_suppression_that_suppresses_nothing_is_reported(project: Project) -> None:
    project.config()
    text = FULL + "<!-- gaplint: ignore TS101,TS9 passwords are elsewhere -->\n"
    project.write("policy.md", text)
    line = len(text.splitlines())
    result, data = project.json("policy.md")
    assert result.exit_code == 0
    unused = "suppresses nothing; remove it"
    assert [(n["code"], n["message"]) for n in data["documents"][0]["notices"]] == [
        ("unused-suppression", f"line {line}: `gaplint: ignore TS101` {unused}"),
        ("unused-suppression", f"line {line}: `gaplint: ignore TS9` {unused}"),
    ]
    assert "note[unused-suppression]" in project.run("check", "policy.md").stdout


def test_html_comments_suppress_and_text_files_have_none(project: Project) -> None:
    project.config()
    body = "".join(f"<p>{line}</p>" for line in NO_RECORDS.splitlines()[2:] if line)
    page = f"<html><body><main><h1>Social media policy</h1>{body}\n"
    comment = f"<!-- gaplint: ignore TS2 {REASON} -->"
    project.write("policy.html", f"{page}{comment}\n</main></body></html>")
    project.write("policy.txt", NO_RECORDS + f"\n<!-- gaplint: ignore TS2 {REASON} -->\n")
    result, data = project.json("policy.html", "policy.txt")
    waived = {d["path"]: [f["waived"] for f in d["findings"]] for d in data["documents"]}
    assert waived == {"policy.html": [True, True], "policy.txt": [False, False]}
    assert result.exit_code == 1


def test_finding_suppressions_is_linear_on_hostile_text() -> None:
    hostile = b"<!-- gaplint: ignore GL1 " + b"x" * 2_000_000 + b"\n" * 1000
    many = b"<!-- gaplint: ignore GL405 why -->\n" * 50_000
    start = time.perf_counter()
    assert find_suppressions(hostile) == []
    assert len(find_suppressions(many)) == 50_000
    assert find_suppressions(many)[-1].line == 50_000
    assert time.perf_counter() - start < 5


def test_sarif_marks_an_in_document_suppression_in_source_with_its_reason(
    project: Project,
) -> None:
    import json

    project.config(
        """
        [[waivers]]
        rule = "TS102"
        reason = "phishing is covered by the IT policy"
        expires = 2099-12-31
        """
    )
    project.write(
        "policy.md",
        NO_RECORDS.replace("phishing", "scams") + f"\n<!-- gaplint: ignore TS2 {REASON} -->\n",
    )
    result = project.run("check", "--format", "sarif", "policy.md")
    results = json.loads(result.stdout)["runs"][0]["results"]
    kinds = {r["ruleId"]: r["suppressions"][0] for r in results}
    assert kinds["TS201"]["kind"] == "inSource"
    assert kinds["TS201"]["justification"].startswith(REASON)
    assert kinds["TS102"] == {
        "kind": "external",
        "justification": "waived in gaplint configuration: phishing is covered by the IT policy",
    }
