"""The `jurisdiction` setting through the real CLI: configuration, --jurisdiction, the cache,
and how every format shows it (text, JSON, Markdown, SARIF, HTML)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from markupsafe import escape

from gaplint.cli import main
from gaplint.config import JURISDICTIONS, load_config
from gaplint.rules import Jurisdiction, load_pack
from tests.builders.jurisdiction import policy_for
from tests.cli.helpers import Project
from tests.shared_data import DEV, REPO, need

GL704 = load_pack().subpoint("GL704")


def _setup(project: Project, code: str = "uk", setting: str | None = None) -> None:
    body = 'select = ["GL7"]\n' + (f'jurisdiction = "{setting}"\n' if setting else "")
    project.write(".gaplint.toml", body)
    project.write("policy.md", policy_for(code))


def _jurisdiction(project: Project, *args: str) -> dict[str, str]:
    result, data = project.json("--no-cache", *args, "policy.md")
    assert result.exit_code == 1, result.stderr
    found: dict[str, str] = data["documents"][0]["jurisdiction"]
    return found


def test_detected_by_default_and_shown_with_its_reason(project: Project) -> None:
    _setup(project)
    found = _jurisdiction(project)
    assert found["code"] == "uk" and found["source"] == "detected"
    assert found["reason"].startswith("names the Data Protection Act 2018")
    text = project.run("check", "--no-cache", "policy.md").stdout
    assert f"  jurisdiction: uk ({found['reason'][:40]}" in text
    gap = GL704.localised("uk").recommendation.strip()
    assert "→ " + gap[:60] in text


def test_configuration_sets_it_and_the_option_overrides_that(project: Project) -> None:
    _setup(project, "uk", setting="nz")
    found = _jurisdiction(project)
    assert (found["code"], found["source"], found["reason"]) == (
        "nz",
        "configured",
        "set in configuration",
    )
    assert _jurisdiction(project, "--jurisdiction", "ca")["code"] == "ca"
    assert _jurisdiction(project, "--jurisdiction", "auto")["code"] == "uk"


def test_changing_the_setting_is_not_served_from_the_cache(project: Project) -> None:
    _setup(project, "uk")
    assert project.json("policy.md")[1]["documents"][0]["jurisdiction"]["code"] == "uk"
    project.write(".gaplint.toml", 'select = ["GL7"]\njurisdiction = "au"\n')
    again = project.json("policy.md")[1]["documents"][0]
    assert again["jurisdiction"]["code"] == "au"
    gap = next(f for f in again["findings"] if f["rule"] == "GL704")
    assert gap["recommendation"] == GL704.localised("au").recommendation.strip()


def test_an_unknown_jurisdiction_in_configuration_is_one_line_exit_2(project: Project) -> None:
    _setup(project, setting="fr")
    result = project.run("check", "policy.md")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "key `jurisdiction`: Value error, 'fr' is not one of auto, us, uk, ca, au, nz, " in (
        result.stderr
    )


def test_an_unknown_jurisdiction_on_the_command_line_is_a_usage_error(project: Project) -> None:
    _setup(project)
    result = project.run("check", "--jurisdiction", "fr", "policy.md")
    assert result.exit_code == 2 and "Invalid value for '--jurisdiction'" in result.stderr


def test_the_option_offers_exactly_the_configurations_values() -> None:
    command = main.get_command(click.Context(main), "check")
    assert command is not None
    option = next(p for p in command.params if p.name == "jurisdiction")
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == JURISDICTIONS


def test_markdown_and_sarif_show_it(project: Project) -> None:
    _setup(project, "nz")
    markdown = project.run("check", "--no-cache", "--format", "markdown", "policy.md").stdout
    assert re.search(r"^Jurisdiction: nz \(names ", markdown, re.M)
    sarif = json.loads(project.run("check", "--no-cache", "--format", "sarif", "policy.md").stdout)
    results = sarif["runs"][0]["results"]
    assert results and all(r["properties"]["jurisdiction"] == "nz" for r in results)
    gl704 = next(r for r in results if r["ruleId"] == "GL704")
    assert GL704.localised("nz").recommendation.strip()[:50] in gl704["message"]["text"]
    assert gl704["properties"]["jurisdictionReason"].startswith("names ")


def test_the_html_report_shows_it_and_the_jurisdictions_advice(project: Project) -> None:
    _setup(project, "ca")
    result = project.run("report", "--no-cache", "policy.md", "-o", "report.html")
    assert result.exit_code == 0, result.stderr
    page = (project.root / "report.html").read_text(encoding="utf-8")
    assert "<dt>Jurisdiction</dt><dd>ca: Canada (names " in page
    localised = GL704.localised("ca")
    assert str(escape(localised.recommendation.strip())) in page
    assert str(escape(localised.example_clause.strip())) in page
    assert str(escape(GL704.recommendation.strip())) not in page


def _readme_block(heading: str) -> tuple[str, str]:
    """The command and output of the first console block after `heading` in the README."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split(heading, 1)[1]
    block = section.split("```text\n", 1)[1].split("```", 1)[0]
    command, output = block.split("\n", 1)
    return command, output


def test_the_readme_example_is_real_output(project: Project) -> None:
    policy = need(DEV / "02-caerwent-community-council-social-media-policy.pdf")
    command, shown = _readme_block("## Jurisdiction")
    args = command.removeprefix("$ gaplint ").split()
    path = args.pop()
    assert path.endswith(policy.name)
    result = project.run(*args, "--isolated", "--no-cache", str(policy))
    assert result.exit_code == 1
    assert result.stdout.replace(str(policy), path) == shown


@pytest.mark.parametrize("code", ["us", "generic"])
def test_no_jurisdiction_line_names_a_law_the_document_does_not(
    project: Project, code: str
) -> None:
    _setup(project, code)
    found = _jurisdiction(project)
    assert found["code"] == code
    assert all(name in policy_for(code) for name in found.get("names", []))


def test_the_readmes_configuration_example_is_valid(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Configuration", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    assert 'jurisdiction = "auto"' in block
    path = tmp_path / "pyproject.toml"
    path.write_text(block, encoding="utf-8")
    assert load_config(path).config.jurisdiction == "auto"


def test_the_readmes_rule_advice_snippet_is_the_packs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Jurisdiction", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    shown = " ".join(block.split("recommendation: >-", 1)[1].split()).removesuffix(" ...")
    advice = load_pack().subpoint("GL703").jurisdictions[Jurisdiction.NZ]
    assert advice.recommendation.startswith(shown)


def test_explain_words_a_rule_for_a_jurisdiction(project: Project) -> None:
    worded = project.run("explain", "GL704", "--jurisdiction", "uk").stdout
    assert GL704.localised("uk").recommendation.strip() in worded
    assert GL704.localised("uk").example_clause.strip() in worded
    assert GL704.recommendation.strip() in project.run("explain", "GL704").stdout
    # A rule with no wording of its own for the jurisdiction is explained as written.
    plain = project.run("explain", "GL101").stdout
    assert project.run("explain", "GL101", "--jurisdiction", "nz").stdout == plain
