"""A README, a changelog or minutes in a policy repository is not a social media policy: it
gets a `not-a-policy` notice and no gaps, unless `judge-all` says to judge everything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gaplint.cli import main

README = "# Policies\n\nThis repository holds the county's drafts.\nRun `make` to build the PDFs.\n"
CHANGELOG = (
    "# Changelog\n\n## 2.1\n\n- Fixed: Facebook links in the footer open in a new tab.\n"
    "- Added: a section on comment moderation to the social media policy.\n"
)
MINUTES = (
    "MINUTES OF THE REGULAR MEETING OF THE TOWN COUNCIL\n\nPresent: the Mayor and four "
    "councillors. The clerk recorded the minutes.\n\n1. Roads. The council approved the "
    "resurfacing contract for Mill Lane and asked the engineer to report on the bridge in "
    "March. The meeting adjourned at 8:40 pm.\n"
)


def _check(folder: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("name", "text", "why"),
    [
        ("README.md", README, "never mentions social media"),
        ("CHANGELOG.md", CHANGELOG, "only 24 words address 1 of 38"),
        ("minutes.txt", MINUTES, "never mentions social media"),
    ],
)
def test_a_document_that_is_not_a_policy_gets_a_notice_not_gaps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, why: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = _check(tmp_path, "--isolated", "--format", "json", name)
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["judged"] is False and doc["findings"] == []
    (notice,) = doc["notices"]
    assert notice["code"] == "not-a-policy" and why in notice["message"]


def test_judge_all_judges_it_anyway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "gaplint.toml").write_text("judge-all = true\n", encoding="utf-8")
    result = _check(tmp_path, "--format", "json", "README.md")
    assert result.exit_code == 1  # 38 gaps, as asked
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["judged"] is True and doc["findings"]


def test_a_short_real_policy_is_still_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    memo = (
        "# Interim social media memo\n\nOnly the communications officer may post on the "
        "agency's Facebook and Twitter accounts. Passwords for the accounts must be changed "
        "every 90 days. Comments that contain threats or profanity will be removed.\n"
    )
    (tmp_path / "memo.md").write_text(memo, encoding="utf-8")
    result = _check(tmp_path, "--isolated", "--format", "json", "memo.md")
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["judged"] is True
