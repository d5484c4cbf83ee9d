"""Shared data for the HTML report tests (a module, not conftest, so tests can import it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gaplint.report import DocumentReport, Report
from gaplint.reporters import RenderContext, csv_, html
from gaplint.rules import Examples, Phrase, RulePack, Subpoint

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

# The checklist's shape (ids and titles from spec/elements.md); wording is the tests' own.
CHECKLIST: list[tuple[str, str, list[str]]] = [
    ("GL1", "Employee access", ["Who may access", "Which sites", "How access is granted"]),
    (
        "GL2",
        "Account management",
        ["Approval to create", "Register of accounts", "Administration", "Closing accounts"],
    ),
    (
        "GL3",
        "Acceptable use",
        ["Personal, professional, official", "Limits on use at work", "Prohibited uses"],
    ),
    (
        "GL4",
        "Employee conduct",
        [
            "Existing codes apply",
            "Professional standard",
            "Consequences",
            "Personal-site conduct",
            "Advice versus grounds for discipline",
        ],
    ),
    (
        "GL5",
        "Content",
        [
            "Who creates and approves",
            "Employee disclaimer",
            "Professional participation elsewhere",
            "Accuracy and corrections",
        ],
    ),
    (
        "GL6",
        "Security",
        ["Passwords", "Identity and authentication", "Technical safeguards", "Behavioural threats"],
    ),
    (
        "GL7",
        "Legal issues",
        [
            "Privacy",
            "Records and retention",
            "Public disclosure",
            "Accessibility",
            "Free speech",
            "Standard disclaimers",
            "Terms of service and IP",
        ],
    ),
    (
        "GL8",
        "Citizen conduct",
        [
            "Two-way communication",
            "Rules for the public",
            "Moderation and removal",
            "Posted comment policy",
        ],
    ),
    (
        "GL9",
        "Policy foundations",
        ["Goals and objectives", "Cross-functional ownership", "Related policies", "Review"],
    ),
]
ALL_SUBPOINTS = [f"{eid}{i:02d}" for eid, _, subs in CHECKLIST for i in range(1, len(subs) + 1)]

MakeDoc = Callable[..., DocumentReport]


def subpoint(rule_id: str, title: str) -> Subpoint:
    return Subpoint(
        id=rule_id,
        name=title.lower().replace(" ", "-").replace(",", ""),
        title=title,
        rationale=f"Without a rule on {title.lower()}, staff guess.",
        recommendation=f"Add a rule on {title.lower()} ({rule_id}).",
        example_clause=f"Example wording for {rule_id}: the agency states its rule.",
        match=Phrase(phrase=[title.lower()]),
        examples=Examples(),
    )


def html_page(report: Report, pack: RulePack) -> str:
    """The HTML reporter's page, as `gaplint report` renders it."""
    return html.render(report, RenderContext(pack=pack, root=Path.cwd()))


def csv_text(report: Report) -> str:
    """The CSV reporter's text; CSV takes nothing from the rule pack."""
    return csv_.render(report, RenderContext(pack=RulePack(), root=Path.cwd()))
