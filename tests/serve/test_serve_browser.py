"""The page in headless Chromium against the real server: choose or drop files, press
Check, read the matrix; keyboard use, the busy state, axe-core on both pages; screenshots
saved in tests/artifacts/serve/ for review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.html_report.browser_helpers import axe_violations, js

from .documents import policy_set
from .server import Server

PNG = b"\x89PNG\r\n\x1a\n"
CHECK_SECONDS = 300


@pytest.fixture()
def page(browser: WebDriver, server: Server) -> Iterator[WebDriver]:
    browser.get("about:blank")
    browser.get(server.url)
    yield browser


@pytest.fixture(scope="module")
def policy_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("browser-uploads")
    paths = []
    for name, data in policy_set():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def choose(driver: WebDriver, paths: list[Path]) -> None:
    driver.find_element(By.ID, "documents").send_keys("\n".join(str(p) for p in paths))


def test_the_upload_page_is_accessible(page: WebDriver, axe_source: str) -> None:
    assert axe_violations(page, axe_source) == []


def test_the_upload_works_from_the_keyboard(page: WebDriver) -> None:
    focused = "return document.activeElement.id || document.activeElement.className"
    order = []
    for _ in range(4):  # keys to whatever has focus, as a person types them
        ActionChains(page).send_keys(Keys.TAB).perform()
        order.append(js(page, focused))
    assert order == ["skip-link", "documents", "set_name", "check-button"]
    label = page.find_element(By.CSS_SELECTOR, "label[for=documents]").text
    assert label == "Policy documents"
    named = page.find_element(By.CSS_SELECTOR, "label[for=set_name]").text
    assert named.startswith("Judge them as one policy set")


def test_dropped_files_are_taken_and_listed(page: WebDriver) -> None:
    listed = js(
        page,
        "const dt = new DataTransfer();"
        "dt.items.add(new File(['# Policy'], '<b>dropped</b>.md', {type: 'text/markdown'}));"
        "const zone = document.getElementById('drop-zone');"
        "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true,"
        " cancelable: true}));"
        "return [document.getElementById('documents').files.length,"
        " document.getElementById('chosen').innerHTML];",
    )
    assert listed == [1, "<li>&lt;b&gt;dropped&lt;/b&gt;.md (1 KB)</li>"], "shown as text"


def test_the_page_is_busy_while_it_checks(page: WebDriver, policy_files: list[Path]) -> None:
    js(page, "window.fetch = () => new Promise(() => {});")  # a check that never ends
    choose(page, policy_files[:2])
    page.find_element(By.ID, "check-button").click()
    state = js(
        page,
        "return {busy: document.getElementById('check-form').getAttribute('aria-busy'),"
        " disabled: document.getElementById('check-button').disabled,"
        " progress: !document.getElementById('progress').hidden,"
        " status: document.getElementById('status').textContent};",
    )
    assert state == {
        "busy": "true", "disabled": True, "progress": True, "status": "Checking 2 documents…",
    }  # fmt: skip


def test_check_then_read_the_matrix(
    page: WebDriver,
    server: Server,
    policy_files: list[Path],
    axe_source: str,
    serve_artifacts: Path,
) -> None:
    choose(page, policy_files)
    chosen = page.find_elements(By.CSS_SELECTOR, "#chosen li")
    assert [item.text.split(" (")[0] for item in chosen] == [p.name for p in policy_files]
    shot = page.get_screenshot_as_png()
    assert shot.startswith(PNG)
    (serve_artifacts / "upload-page.png").write_bytes(shot)

    page.find_element(By.ID, "check-button").click()
    WebDriverWait(page, CHECK_SECONDS).until(lambda d: "/result/" in d.current_url)
    rows = js(
        page,
        "return [...document.querySelectorAll('#matrix tbody tr')]"
        ".map(r => [r.cells[0].getAttribute('data-sort'), r.cells[1].textContent.trim()])",
    )
    assert [path for path, _ in rows] == sorted(p.name for p in policy_files)
    coverage = dict(rows)
    assert coverage["broken.pdf"] == "–", "the damaged file is listed, not scored"
    assert all(value.endswith("%") for name, value in rows if name != "broken.pdf")
    error = page.find_element(By.CSS_SELECTOR, ".alert-error").text
    assert "could not be read corrupt" in error and "truncated or damaged" in error
    assert page.find_elements(By.CSS_SELECTOR, "#matrix thead th button"), "sort.js ran"
    links = [a.text for a in page.find_elements(By.CSS_SELECTOR, "nav.links a")]
    assert links == ["Download HTML", "Download JSON", "Download CSV", "Check other documents"]
    fetched = js(page, "return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(server.url) for url in fetched), fetched
    assert axe_violations(page, axe_source) == []
    shot = page.get_screenshot_as_png()
    assert shot.startswith(PNG)
    (serve_artifacts / "result-page.png").write_bytes(shot)
