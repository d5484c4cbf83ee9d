"""Policy sets through the real CLI: declared in the configuration or with --set, judged as
one, gated as one, and valid against the report schema."""

from __future__ import annotations

import json

import jsonschema

from tests.cli.helpers import Project
from tests.sets.helpers import RECORDS, SAFETY, SAFETY_NO_PHISHING, SET_CONFIG


def _halves(project: Project, safety: str = SAFETY) -> None:
    project.write("policy/a-safety.md", safety)
    project.write("policy/b-records.md", RECORDS)


def test_each_half_alone_fails_but_the_configured_set_passes(project: Project) -> None:
    _halves(project)
    project.config()
    alone = project.run("check", "policy/a-safety.md", "policy/b-records.md")
    assert alone.exit_code == 1
    project.config(SET_CONFIG)
    result, data = project.json("policy")
    assert result.exit_code == 0, result.output
    jsonschema.validate(data, json.loads(project.run("schema").stdout))
    [policy_set] = data["sets"]
    assert policy_set["name"] == "Riverton social media"
    assert [m["path"] for m in policy_set["members"]] == [
        "policy/a-safety.md",
        "policy/b-records.md",
    ]
    assert policy_set["coverage"] == 1.0
    assert policy_set["findings"] == []
    records = policy_set["elements"][1]["subpoints"][0]
    assert records["covered_by"] == ["policy/b-records.md"]
    [evidence] = records["evidence"]
    assert evidence["document"] == "policy/b-records.md"
    assert evidence["section"] == ["Social media records policy", "Records"]
    # Each member is still reported on its own, with its own gaps.
    assert [len(d["findings"]) for d in data["documents"]] == [2, 3]


def test_sets_in_pyproject_are_read_too(project: Project) -> None:
    _halves(project)
    body = SET_CONFIG.replace("[[sets]]", "[[tool.gaplint.sets]]")
    project.write(
        "pyproject.toml",
        '[tool.gaplint]\nrules = ["rules"]\nselect = ["TS"]\n\n' + body,
    )
    result, data = project.json("policy")
    assert result.exit_code == 0, result.output
    assert data["sets"][0]["members"][1]["path"] == "policy/b-records.md"


def test_set_on_the_command_line(project: Project) -> None:
    _halves(project)
    project.config()
    result, data = project.json("--set", "Urbana PD", "policy/a-safety.md", "policy/b-records.md")
    assert result.exit_code == 0, result.output
    assert data["sets"][0]["name"] == "Urbana PD"
    assert data["sets"][0]["coverage"] == 1.0


def test_a_gap_no_member_fills_fails_and_is_located_on_the_member_with_the_heading(
    project: Project,
) -> None:
    _halves(project, SAFETY_NO_PHISHING)
    project.config("fail-on = 'info'\n")
    # b-records.md has no section on account safety, so the gap goes to a-safety.md's.
    result, data = project.json("--set", "S", "policy/b-records.md", "policy/a-safety.md")
    assert result.exit_code == 1
    [gap] = data["sets"][0]["findings"]
    assert gap["rule"] == "TS102"
    assert gap["location"]["path"] == "policy/a-safety.md"
    assert gap["location"]["line"] == 5
    assert data["sets"][0]["elements"][0]["section_document"] == "policy/a-safety.md"


def test_gaps_without_a_section_go_to_the_first_member(project: Project) -> None:
    project.write(
        "policy/a.md",
        "# Staff policy\n\nAll of the posts that staff make on the social media accounts of "
        "the agency are retained by the agency for three years.\n",
    )
    project.write(
        "policy/b.md",
        "# Account policy\n\nThe passwords for all of the social media accounts of the agency "
        "must be strong and they must be kept secret.\n",
    )
    project.config("fail-on = 'info'\n")
    result, data = project.json("--set", "S", "policy/a.md", "policy/b.md")
    assert result.exit_code == 1
    [gap] = data["sets"][0]["findings"]
    assert (gap["rule"], gap["location"]["path"], gap["location"]["line"]) == (
        "TS102",
        "policy/a.md",
        None,
    )


def test_min_coverage_and_fail_on_judge_members_through_their_set(project: Project) -> None:
    _halves(project)
    project.config("min-coverage = 0.9\nfail-on = 'info'\n" + SET_CONFIG)
    result = project.run("check", "policy")
    assert result.exit_code == 0, result.output
    assert "below min-coverage" not in result.stderr


def test_a_waiver_on_one_member_waives_the_sets_gap(project: Project) -> None:
    _halves(project, SAFETY_NO_PHISHING)
    waiver = (
        "[[waivers]]\nrule = 'TS102'\nreason = 'phishing is in the IT handbook'\n"
        "expires = 2099-01-01\npaths = ['policy/b-records.md']\n"
    )
    project.config("fail-on = 'info'\n" + waiver + SET_CONFIG)
    result, data = project.json("policy")
    assert result.exit_code == 0, result.output
    [gap] = data["sets"][0]["findings"]
    assert gap["waived"] is True
    assert gap["waiver"]["reason"] == "phishing is in the IT handbook"


def test_an_unreadable_member_makes_the_set_say_so(project: Project) -> None:
    _halves(project)
    project.write("policy/c-empty.md", "   \n")
    project.config(SET_CONFIG)
    result, data = project.json("policy")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("policy/c-empty.md: error[empty]: ")
    [policy_set] = data["sets"]
    assert policy_set["complete"] is False
    assert policy_set["error"]["code"] == "member-unreadable"
    assert "policy/c-empty.md: error[empty]" in policy_set["error"]["message"]
    # What the readable members cover is still judged.
    assert policy_set["coverage"] == 1.0
    assert policy_set["members"][2]["error"]["code"] == "empty"
    jsonschema.validate(data, json.loads(project.run("schema").stdout))


def test_set_configuration_mistakes_name_the_key(project: Project) -> None:
    project.write("a.md", SAFETY)
    project.config("[[sets]]\nname = 'S'\npath = ['a.md']\n")
    result = project.run("check", "a.md")
    assert result.exit_code == 2
    assert "key `sets.0.path`: Extra inputs are not permitted; did you mean `paths`?" in (
        result.stderr
    )
    project.config("[[sets]]\nname = 'S'\npaths = ['a.md']\n[[sets]]\nname = 'S'\npaths = ['b']\n")
    result = project.run("check", "a.md")
    assert result.exit_code == 2
    assert "key `sets`: the set name 'S' is used twice" in result.stderr
    project.config("[[sets]]\nname = 'S'\npaths = []\n")
    assert "key `sets.0.paths`" in project.run("check", "a.md").stderr


def test_a_member_that_is_not_a_policy_adds_nothing_and_is_named(project: Project) -> None:
    _halves(project)
    project.write("policy/c-readme.md", "# Read me\n\nThese files are kept by the clerk.\n")
    project.config(SET_CONFIG)
    result, data = project.json("policy")
    assert result.exit_code == 0, result.output
    [policy_set] = data["sets"]
    assert policy_set["coverage"] == 1.0
    [notice] = policy_set["notices"]
    assert notice["code"] == "member-not-judged"
    assert notice["message"].startswith("policy/c-readme.md was not judged (it never mentions")
    assert policy_set["members"][2]["judged"] is False


def test_a_set_of_members_none_of_which_is_judged_is_not_judged(project: Project) -> None:
    project.write("policy/c-readme.md", "# Read me\n\nThese files are kept by the clerk.\n")
    project.config(SET_CONFIG)
    result, data = project.json("policy")
    assert result.exit_code == 0
    assert data["sets"][0]["judged"] is False
    assert data["sets"][0]["coverage"] is None


def test_set_on_the_command_line_replaces_a_configured_set_of_that_name(
    project: Project,
) -> None:
    _halves(project)
    project.write("other.md", SAFETY)
    project.config(SET_CONFIG)
    result, data = project.json("--set", "Riverton social media", "other.md", "policy")
    assert [s["name"] for s in data["sets"]] == ["Riverton social media"]
    assert [m["path"] for m in data["sets"][0]["members"]] == [
        "other.md",
        "policy/a-safety.md",
        "policy/b-records.md",
    ]
    assert result.exit_code == 0, result.output
