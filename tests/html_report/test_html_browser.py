"""The report in a real headless Chromium: navigation, sorting, escaping, axe-core, print."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gaplint.report import Report
from gaplint.rules import RulePack

from .browser_helpers import axe_violations, js
from .html_report_models import XSS_IMG, XSS_SCRIPT, html_page

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def page(
    browser: WebDriver, portfolio: Report, pack: RulePack, artifacts: Path
) -> Iterator[WebDriver]:
    path = artifacts / "portfolio.html"
    path.write_text(html_page(portfolio, pack), encoding="utf-8")
    browser.get(path.as_uri())
    yield browser


@pytest.fixture()
def fresh(page: WebDriver, artifacts: Path) -> WebDriver:
    """The page loaded anew at its top, so one test's sorting or scrolling never leaks."""
    page.get("about:blank")
    page.get((artifacts / "portfolio.html").as_uri())
    return page


def row_paths(driver: WebDriver) -> list[str]:
    return cast(
        list[str],
        js(
            driver,
            "return [...document.querySelectorAll('#matrix tbody tr')]"
            ".map(r => r.cells[0].getAttribute('data-sort'))",
        ),
    )


def header_button(driver: WebDriver, index: int) -> Any:
    return driver.find_elements(By.CSS_SELECTOR, "#matrix thead th")[index].find_element(
        By.TAG_NAME, "button"
    )


def test_matrix_has_a_row_per_document_and_nine_element_columns(
    fresh: WebDriver, portfolio: Report
) -> None:
    assert row_paths(fresh) == [d.path for d in portfolio.documents]
    heads = fresh.find_elements(By.CSS_SELECTOR, "#matrix thead th[data-element]")
    assert [h.get_attribute("data-element") for h in heads] == [f"GL{i}" for i in range(1, 10)]
    cells = js(fresh, "return document.querySelectorAll('#matrix tbody td.cell').length")
    assert cells == 9 * len(portfolio.documents)


def test_clicking_a_document_goes_to_its_section(fresh: WebDriver) -> None:
    fresh.find_element(By.CSS_SELECTOR, '#matrix a[href="#doc-3"]').click()
    assert js(fresh, "return location.hash") == "#doc-3"
    top = js(fresh, "return document.getElementById('doc-3').getBoundingClientRect().top")
    assert abs(top) < 5, "the document's section is scrolled to the top of the window"
    heading = fresh.find_element(By.ID, "doc-3-h").text
    assert heading == "Document 3: policies/harbour-<b>authority</b>.html"


def test_clicking_a_cell_goes_to_the_element(fresh: WebDriver) -> None:
    fresh.find_element(By.CSS_SELECTOR, '#matrix a[href="#doc-2-GL7"]').click()
    assert js(fresh, "return location.hash") == "#doc-2-GL7"
    block = fresh.find_element(By.ID, "doc-2-GL7")
    assert "GL7 Legal issues" in block.text and "records retention" in block.text


def test_sorting_by_document_and_by_element(fresh: WebDriver, portfolio: Report) -> None:
    paths = [d.path for d in portfolio.documents]
    header_button(fresh, 0).click()
    assert row_paths(fresh) == sorted(paths, key=str.lower)
    header_button(fresh, 0).click()
    assert row_paths(fresh) == sorted(paths, key=str.lower, reverse=True)
    th = fresh.find_elements(By.CSS_SELECTOR, "#matrix thead th")[0]
    assert th.get_attribute("aria-sort") == "descending"
    # GL2 column (index 2 + 1): best-covered documents first, unchecked last.
    header_button(fresh, 3).click()
    first_two = set(row_paths(fresh)[:2])
    assert first_two == {"policies/city-of-exampleton.md", "policies/harbour-<b>authority</b>.html"}
    assert row_paths(fresh)[2] == "policies/county-parks.txt"


def test_hostile_policy_text_is_shown_not_run(fresh: WebDriver) -> None:
    with pytest.raises(NoAlertPresentException):
        _ = fresh.switch_to.alert.text
    assert js(fresh, "return document.querySelectorAll('script').length") == 1
    assert js(fresh, "return document.querySelectorAll('img, [onerror]').length") == 0
    text = js(fresh, "return document.body.innerText")
    assert XSS_SCRIPT in text and XSS_IMG in text


def test_everything_is_visible_without_javascript(page: WebDriver, portfolio: Report) -> None:
    page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        page.refresh()
        rows = page.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
        assert len(rows) == len(portfolio.documents)
        assert not page.find_elements(By.CSS_SELECTOR, "#matrix button")
        assert "partial 2/3" in rows[1].text
    finally:
        page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        page.refresh()


def test_nothing_is_fetched(fresh: WebDriver) -> None:
    resources = js(fresh, "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []


def test_axe_finds_no_accessibility_violations(fresh: WebDriver, axe_source: str) -> None:
    assert axe_violations(fresh, axe_source) == []


def test_print_layout(page: WebDriver, artifacts: Path) -> None:
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        style = js(
            page,
            "const s = (q, p) => getComputedStyle(document.querySelector(q))[p];"
            "return {nav: s('nav', 'display'), head: s('#matrix thead th', 'position'),"
            " block: s('.element', 'breakInside'), skip: s('.skip-link', 'display')};",
        )
        assert style == {"nav": "none", "head": "static", "block": "avoid", "skip": "none"}
        pdf = page.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
        data = base64.b64decode(pdf["data"])
        assert data.startswith(b"%PDF")
        (artifacts / "portfolio.pdf").write_bytes(data)
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_screenshots_for_review(fresh: WebDriver, artifacts: Path) -> None:
    shots = {"portfolio-top.png": None, "elements.png": "elements-h", "document-3.png": "doc-3"}
    for name, anchor in shots.items():
        if anchor:
            js(fresh, "document.getElementById(arguments[0]).scrollIntoView()", anchor)
        png = fresh.get_screenshot_as_png()
        assert png.startswith(PNG)
        (artifacts / name).write_bytes(png)


def test_matrix_cells_are_not_underlined_until_pointed_at(fresh: WebDriver) -> None:
    link = fresh.find_element(By.CSS_SELECTOR, '#matrix a[href="#doc-2-GL7"]')
    line = "return getComputedStyle(arguments[0]).textDecorationLine"
    assert js(fresh, line, link) == "none"
    js(fresh, "arguments[0].focus()", link)
    assert js(fresh, line, link) == "underline"


def test_document_sections_collapse_and_still_print(fresh: WebDriver) -> None:
    details = fresh.find_element(By.CSS_SELECTOR, "#doc-2 details.findings")
    assert details.get_attribute("open") is not None, "open by default, so links land on text"
    fresh.find_element(By.CSS_SELECTOR, "#doc-2 details.findings > summary").click()
    visible = "return document.getElementById('doc-2-GL7').checkVisibility()"
    assert js(fresh, visible) is False, "the summary closes the section"
    fresh.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert js(fresh, visible) is True, "print CSS shows a closed section's content"
    finally:
        fresh.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    js(fresh, "window.dispatchEvent(new Event('beforeprint'))")
    assert js(fresh, "return arguments[0].open", details) is True, "opened for printing"
    js(fresh, "window.dispatchEvent(new Event('afterprint'))")
    assert js(fresh, "return arguments[0].open", details) is False, "and closed again after"


def test_a_titled_document_shows_its_title_and_its_path(fresh: WebDriver) -> None:
    title = "City of Exampleton <i>social media</i> policy"
    assert fresh.find_element(By.ID, "doc-1-h").text == f"Document 1: {title}"
    row = fresh.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")[0]
    assert row.find_element(By.TAG_NAME, "th").text.splitlines() == [
        title,
        "policies/city-of-exampleton.md",
    ]
    assert "Author\nOffice of the Mayor" in fresh.find_element(By.ID, "doc-1").text
    stamp = fresh.find_element(By.CSS_SELECTOR, ".banner time")
    assert stamp.text == "2026-01-01 00:00 UTC"
    assert "rule pack 0123456789ab" in fresh.find_element(By.CSS_SELECTOR, ".banner").text
