"""A server started with --config and --rules judges as the CLI does with them, shows which
rule pack judges, and a document that takes too long times out with a message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.report import Report
from tests.cli.helpers import FULL, NO_PHISHING, RULES, RULES_2

from .documents import NOTES
from .server import Server, start_server

CONFIG = """\
select = ["TS"]
rules = ["records-rules"]

[limits]
timeout_seconds = 1

[[waivers]]
rule = "TS102"
reason = "Phishing is covered by the IT security policy."
expires = 2099-12-31
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve-config")
    (root / "settings").mkdir()
    (root / "settings" / "gaplint.toml").write_text(CONFIG, encoding="utf-8")
    for folder, rules in (("settings/records-rules", RULES_2), ("safety-rules", RULES)):
        (root / folder).mkdir()
        (root / folder / "rules.yaml").write_text(rules, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def configured(project: Path) -> Iterator[Server]:
    running = start_server(project, "--config", "settings/gaplint.toml", "--rules", "safety-rules")
    try:
        yield running
    finally:
        assert running.stop() == 0


def test_the_page_names_the_rule_pack_that_judges(configured: Server, project: Path) -> None:
    page = configured.request("GET", "/").text
    # As JSON's tool.rules says: configuration folders as written, --rules ones made absolute.
    assert f"builtin, records-rules, {project / 'safety-rules'} (41 sub-points)" in page
    assert "<dd>gaplint.toml</dd>" in page and str(project) + "/settings/gaplint" not in page
    assert "1 s per document" in page


def test_configuration_and_rules_judge_as_in_the_cli(
    configured: Server, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [("full.md", FULL.encode()), ("no-phishing.md", NO_PHISHING.encode())]
    where = configured.check(files)
    served = configured.request("GET", f"{where}/report.json").text
    report = Report.model_validate_json(served)
    assert sorted(e.id for e in report.documents[0].elements) == ["TS1", "TS2"]
    [waived] = [f for f in report.documents[1].findings if f.rule == "TS102"]
    assert waived.waived, "the configuration's waiver applies to uploads too"

    for name, data in files:
        (project / name).write_bytes(data)
    monkeypatch.chdir(project)
    args = ["--config", "settings/gaplint.toml", "--rules", "safety-rules", "--no-cache"]
    cli = CliRunner().invoke(main, ["check", "--format", "json", *args, *(n for n, _ in files)])
    assert served == cli.stdout


def test_a_slow_document_times_out_and_the_others_are_judged(configured: Server) -> None:
    slow = ("slow.txt", (NOTES * 30_000).encode("utf-8"))  # about 7 MB of text
    answer = configured.upload([slow, ("full.md", FULL.encode())], {"Accept": "application/json"})
    assert answer.status == 200, answer.text
    [line] = answer.json()["errors"]
    assert line == "slow.txt: error[timeout]: took longer than the time limit of 1 s; not judged"
    report = Report.model_validate_json(
        configured.request("GET", f"{answer.json()['result']}/report.json").body
    )
    assert [doc.judged for doc in report.documents] == [True, False]
