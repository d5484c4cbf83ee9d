"""A policy set in the HTML report: one matrix row per set, drilling down to its members, and
a section that says which member covers each sub-point; checked as text and in Chromium."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gaplint.report import DocumentError, DocumentReport, Report
from gaplint.reporters.html import build_portfolio
from gaplint.rules import RulePack
from gaplint.sets import judge_set

from .html_report_models import ALL_SUBPOINTS, MakeDoc, html_page
from .test_html_render import outline

EMPLOYEE = {s for s in ALL_SUBPOINTS if s[:3] in {"GL1", "GL3", "GL4"}}
COMMENTS = {s for s in ALL_SUBPOINTS if s[:3] in {"GL5", "GL7", "GL8"}}


@pytest.fixture(scope="module")
def set_report(
    make_doc: MakeDoc, make_report: Callable[[list[DocumentReport]], Report], pack: RulePack
) -> Report:
    employee = make_doc("policies/employee-use.md", EMPLOYEE)
    comments = make_doc("policies/comment-policy.md", COMMENTS)
    alone = make_doc("policies/other-agency.md", EMPLOYEE | COMMENTS)
    report = make_report([comments, employee, alone])
    report.sets = [judge_set("Exampleton social media", [comments, employee], pack)]
    return report


@pytest.fixture(scope="module")
def set_html(set_report: Report, pack: RulePack) -> str:
    return html_page(set_report, pack)


def test_the_matrix_has_a_row_for_the_set_that_links_to_it_and_its_members(
    set_html: str,
) -> None:
    page = outline(set_html)
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert "set-1" in ids
    links = [attrs.get("href") for attrs in page.named("a")]
    # The set's row: its own section, then each member's section.
    row = set_html.split('<tr class="set-row">')[1].split("</tr>")[0]
    assert '<a href="#set-1">Set: Exampleton social media</a>' in row
    assert 'href="#doc-1"' in row and 'href="#doc-2"' in row
    assert 'href="#doc-3"' not in row
    # Its cells drill into the set's own elements, which exist.
    for element in ("GL1", "GL6"):
        assert f'href="#set-1-{element}"' in row
        assert f"set-1-{element}" in ids
    assert "</span> covered</span>" in row and "</span> missing</span>" in row
    # Each member's row says it is judged in the set; the other document's does not.
    assert links.count("#set-1") >= 3


def test_the_tallies_count_the_set_once_not_its_members(set_report: Report, pack: RulePack) -> None:
    portfolio = build_portfolio(set_report, pack)
    assert portfolio.checked_documents == 3
    assert portfolio.judged == 2  # the set and the document outside it
    for bar in portfolio.bars:
        assert bar.covered + bar.partial + bar.missing == 2
    assert portfolio.top_missing and all(m.of == 2 for m in portfolio.top_missing)


def test_the_set_section_names_its_members_and_the_member_behind_each_sentence(
    set_html: str,
) -> None:
    section = set_html.split('id="set-1"')[1].split("</section>")[0]
    assert "Policy set 1:</span> Exampleton social media" in section
    members = section.split('<table class="members">')[1].split("</table>")[0]
    assert members.index("policies/<wbr>comment-policy.md") < members.index("employee-use.md")
    assert members.count("% on its own") == 2
    gl5 = section.split('id="set-1-GL5"')[1].split('id="set-1-GL6"')[0]
    assert "Document: <code>policies/<wbr>comment-policy.md</code>" in gl5
    assert "employee-use" not in gl5
    assert "68 % (26 of 38 sub-points)" in section  # GL1, GL3, GL4, GL5, GL7, GL8


def test_an_incomplete_set_says_so_in_its_row_and_section(
    make_doc: MakeDoc, make_report: Callable[[list[DocumentReport]], Report], pack: RulePack
) -> None:
    employee = make_doc("policies/employee-use.md", EMPLOYEE)
    broken = DocumentReport(
        path="policies/terms.pdf",
        judged=False,
        error=DocumentError(code="corrupt", message="bad deflate data"),
    )
    report = make_report([employee, broken])
    report.sets = [judge_set("S", [employee, broken], pack)]
    html = html_page(report, pack)
    row = html.split('<tr class="set-row">')[1].split("</tr>")[0]
    assert "(incomplete)" in row
    assert "Incomplete: a member could not be read" in html
    assert "policies/terms.pdf: error[corrupt]" in html


@pytest.fixture(scope="module")
def set_page(browser: WebDriver, set_html: str, artifacts: Path) -> WebDriver:
    path = artifacts / "set.html"
    path.write_text(set_html, encoding="utf-8")
    browser.get(path.as_uri())
    return browser


def test_in_the_browser_the_set_row_drills_down_to_a_member(
    set_page: WebDriver, artifacts: Path, axe_source: str
) -> None:
    set_page.get((artifacts / "set.html").as_uri())
    row = set_page.find_element(By.CSS_SELECTOR, "#matrix tr.set-row")
    row.find_element(By.CSS_SELECTOR, "a[href='#set-1']").click()
    assert set_page.execute_script("return location.hash") == "#set-1"
    member = set_page.find_element(By.CSS_SELECTOR, "#set-1 table.members a")
    member.click()
    assert set_page.execute_script("return location.hash") == "#doc-1"
    set_page.execute_script(axe_source)
    result = set_page.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done({violations: r.violations.map(v => v.id)}))"
        ".catch(e => done({error: String(e)}));"
    )
    assert result == {"violations": []}
