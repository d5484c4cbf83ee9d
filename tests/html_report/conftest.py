"""Fixtures for the HTML/CSV report tests: reports built straight from the models, a rule
pack of the nine elements, and a headless Chromium driven by Selenium.

Reports are built from pydantic models (not by running the checker) so the rendered page is
deterministic and independent of how good the rules are today.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from gaplint.report import (
    DocumentError,
    DocumentMetadata,
    DocumentReport,
    ElementResult,
    ElementStatus,
    Evidence,
    Finding,
    FindingKind,
    Location,
    Notice,
    Report,
    RulePackInfo,
    Severity,
    SubpointResult,
    SubpointStatus,
    ToolInfo,
    Waiver,
    summarize,
)
from gaplint.rules import Element, RulePack

from .html_report_models import ALL_SUBPOINTS, CHECKLIST, XSS_IMG, XSS_SCRIPT, MakeDoc, subpoint

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts" / "html_report"
CHROMIUM = Path(os.environ.get("GAPLINT_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("GAPLINT_CHROMEDRIVER", "/usr/bin/chromedriver"))
NODE_DIR = Path(
    os.environ.get("GAPLINT_NODE_DIR", Path.home() / ".cache" / "gaplint-tests" / "node")
)
AXE_VERSION = "4"


@pytest.fixture(scope="session")
def pack() -> RulePack:
    elements = [
        Element(
            id=eid,
            title=title,
            summary=f"Add a section on {title.lower()}.",
            subpoints=[subpoint(f"{eid}{i:02d}", t) for i, t in enumerate(subs, 1)],
        )
        for eid, title, subs in CHECKLIST
    ]
    return RulePack(elements=elements)


def _evidence(rule_id: str, text: str | None, page: int) -> Evidence:
    return Evidence(
        text=text or f"The agency has a rule on {rule_id}.",
        page=page,
        section=["Social media policy", f"Section for {rule_id[:3]}"],
        start=0,
        end=40,
        pattern=f"{rule_id}: test",
    )


@pytest.fixture(scope="session")
def make_doc() -> MakeDoc:
    """A judged DocumentReport whose statuses, coverage and findings agree with `covered`."""

    def build(
        path: str,
        covered: set[str],
        *,
        evidence_text: dict[str, str] | None = None,
        waivers: dict[str, Waiver] | None = None,
        excluded: dict[str, str] | None = None,
    ) -> DocumentReport:
        evidence_text = evidence_text or {}
        waivers = waivers or {}
        excluded = excluded or {}
        elements: list[ElementResult] = []
        findings: list[Finding] = []
        for eid, title, subs in CHECKLIST:
            results = []
            for i, sub_title in enumerate(subs, 1):
                rule = f"{eid}{i:02d}"
                is_covered = rule in covered
                severity = Severity.INFO if eid == "GL9" else Severity.WARNING
                results.append(
                    SubpointResult(
                        id=rule,
                        title=sub_title,
                        status=SubpointStatus.COVERED if is_covered else SubpointStatus.MISSING,
                        severity=severity,
                        evidence=[_evidence(rule, evidence_text.get(rule), i)]
                        if is_covered
                        else [],
                        excluded_by=_evidence(rule, excluded[rule], 2)
                        if rule in excluded
                        else None,
                        waiver=waivers.get(rule),
                    )
                )
                if not is_covered:
                    findings.append(
                        Finding(
                            rule=rule,
                            kind=FindingKind.EXCLUDED if rule in excluded else FindingKind.GAP,
                            severity=severity,
                            message=f"{sub_title}: not addressed.",
                            recommendation=f"Add a rule on {sub_title.lower()} ({rule}).",
                            location=Location(path=path),
                            waived=rule in waivers,
                        )
                    )
            n = sum(1 for r in results if r.status is SubpointStatus.COVERED)
            status = (
                ElementStatus.COVERED
                if n == len(results)
                else ElementStatus.PARTIAL
                if n
                else ElementStatus.MISSING
            )
            elements.append(
                ElementResult(
                    id=eid,
                    title=title,
                    status=status,
                    coverage=round(n / len(results), 4),
                    subpoints=results,
                )
            )
        return DocumentReport(
            path=path,
            format="markdown",
            sha256="0" * 64,
            pages=3,
            words=1200,
            language="en",
            coverage=round(len(covered) / len(ALL_SUBPOINTS), 4),
            elements=elements,
            findings=findings,
        )

    return build


def _make_report(documents: list[DocumentReport]) -> Report:
    return Report(
        generated_at="2026-01-01T00:00:00Z",
        tool=ToolInfo(
            version="0.1.0",
            rules=["builtin"],
            rule_pack=RulePackInfo(digest="0123456789abcdef" * 4, files=["GL1-access.yaml"]),
        ),
        documents=documents,
        summary=summarize(documents),
    )


@pytest.fixture(scope="session")
def make_report() -> Callable[[list[DocumentReport]], Report]:
    """A Report around documents, with the summary computed as the CLI computes it."""
    return _make_report


@pytest.fixture(scope="session")
def portfolio(make_doc: MakeDoc) -> Report:
    """Five documents: strong, weak, hostile text with a waiver, unreadable, other language."""
    strong = make_doc(
        "policies/city-of-exampleton.md",
        set(ALL_SUBPOINTS) - {"GL404", "GL502", "GL603", "GL704"},
    )
    # Named by its own title (with a hostile touch), the path shown beneath it.
    strong.title = "City of Exampleton <i>social media</i> policy"
    strong.metadata = DocumentMetadata(title=strong.title, author="Office of the Mayor")
    weak = make_doc(
        "policies/county-parks.txt",
        {"GL101", "GL102", "GL301", "GL303", "GL402", "GL403", "GL801", "GL802", "GL901"},
        excluded={"GL702": "This policy does not address records retention."},
    )
    hostile = make_doc(
        "policies/harbour-<b>authority</b>.html",
        {"GL101", "GL201", "GL202", "GL203", "GL204", "GL401", "GL402", "GL601", "GL701"},
        evidence_text={
            "GL101": f"Only designated staff may post. {XSS_SCRIPT}",
            "GL601": f"Passwords must be strong. {XSS_IMG}",
        },
        waivers={
            "GL404": Waiver(
                rule="GL404",
                reason="Covered by the union agreement, see HR-12.",
                expires=date(2031, 6, 30),
            )
        },
    )
    unreadable = DocumentReport(
        path="policies/scanned-minutes.pdf",
        format="pdf",
        judged=False,
        error=DocumentError(code="no-text", message="The PDF has no text layer (scanned?)."),
    )
    foreign = DocumentReport(
        path="policies/politique-medias-sociaux.md",
        format="markdown",
        language="fr",
        judged=False,
        notices=[
            Notice(
                code="language-mismatch",
                message="The document is in fr; the rules are for en, so it was not judged.",
            )
        ],
    )
    return _make_report([strong, weak, hostile, unreadable, foreign])


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from npm, installed outside the repo; missing npm is a failure, not a skip."""
    script = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(
                f"axe-core is not installed at {script} and npm is not available. "
                f"Install it with: npm install --prefix {NODE_DIR} axe-core@{AXE_VERSION}"
            )
        done = subprocess.run(
            [npm, "install", "--prefix", str(NODE_DIR), f"axe-core@{AXE_VERSION}"],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not script.is_file():
            pytest.fail(f"npm could not install axe-core into {NODE_DIR}:\n{done.stderr}")
    return script.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[WebDriver]:
    """Headless Chromium from Debian's packages; Selenium Manager never downloads anything."""
    for binary, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not binary.exists():
            pytest.fail(f"{binary} is missing: apt-get install -y {package}")
    os.environ["SE_OFFLINE"] = "true"
    profile = tempfile.mkdtemp(prefix="gaplint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
