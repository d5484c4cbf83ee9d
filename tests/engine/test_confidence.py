"""Each decision says how sure it is: strong where several sentences state the point, or one
states it in the element's own section, or nothing came close to a gap; weak otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gaplint.api import Checker
from gaplint.cli import main
from gaplint.document import Document
from gaplint.readers import read_bytes
from gaplint.report import Confidence, DocumentReport, SubpointResult


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _check(checker: Checker, markdown: str) -> DocumentReport:
    document: Document = read_bytes(markdown.encode(), "policy.md")
    return checker.check_document(document)


def _sub(report: DocumentReport, rule: str) -> SubpointResult:
    return next(s for e in report.elements for s in e.subpoints if s.id == rule)


SECURITY = (
    "# Social media policy\n\n## Account security\n\n"
    "Passwords for official social media accounts must be at least 14 characters long.\n"
)


def test_a_statement_in_the_elements_own_section_is_strong(checker: Checker) -> None:
    passwords = _sub(_check(checker, SECURITY), "GL601")
    assert passwords.status.value == "covered"
    assert passwords.confidence is Confidence.STRONG
    assert passwords.confidence_reason == "stated in the element's own section"


def test_one_sentence_elsewhere_is_weak_and_two_are_strong(checker: Checker) -> None:
    one = SECURITY.replace("## Account security", "## Miscellaneous")
    assert _sub(_check(checker, one), "GL601").confidence is Confidence.WEAK
    two = one + "\nStaff must change the password of an account when an administrator leaves.\n"
    both = _sub(_check(checker, two), "GL601")
    assert both.confidence is Confidence.STRONG and both.confidence_reason.startswith("2 ")


ORDER = (
    "# Customer service order\n\n## General\n\n"
    "Officers must be courteous and professional with callers at all times.\n\n"
    "Letters sent to residents must be truthful and respectful.\n\n## Channels\n\n"
    "The Media Office runs the department's social media accounts and approves every post before "
    "it is published. Posts on the department's social media accounts are public records and are "
    "kept for three years under the records schedule. Comments on those accounts that contain "
    "threats, profanity or personal data will be hidden by the Media Office. Staff who breach "
    "this order may face discipline up to and including dismissal.\n"
)


def test_two_sentences_elsewhere_are_strong_only_if_both_are_about_social_media(
    checker: Checker,
) -> None:
    # The same standard for phone calls and letters may be the order's, not its social media's.
    offline = _sub(_check(checker, ORDER), "GL402")
    assert offline.status.value == "covered" and offline.confidence is Confidence.WEAK
    assert "not both about social media" in (offline.confidence_reason or "")
    online = ORDER.replace("with callers", "on social media").replace(
        "Letters sent to residents", "Replies posted on social media"
    )
    both = _sub(_check(checker, online), "GL402")
    assert both.confidence is Confidence.STRONG and both.confidence_reason == "2 sentences state it"


def test_a_gap_is_weak_when_a_sentence_comes_close(checker: Checker) -> None:
    close = "# Social media policy\n\nFor help resetting your password, contact the IT Help Desk.\n"
    near = _sub(_check(checker, close), "GL601")
    assert near.status.value == "missing" and near.confidence is Confidence.WEAK
    far = _sub(
        _check(checker, "# Social media policy\n\nThe parks open at dawn every day of the year.\n"),
        "GL601",
    )
    assert far.status.value == "missing" and far.confidence is Confidence.STRONG


def test_weak_gaps_carry_their_confidence_into_the_findings(checker: Checker) -> None:
    report = _check(
        checker,
        "# Social media policy\n\nFor help resetting your password, contact the IT Help Desk.\n",
    )
    (finding,) = [f for f in report.findings if f.rule == "GL601"]
    assert finding.confidence is Confidence.WEAK


def test_the_text_and_html_reports_mark_weak_decisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "help.md").write_text(
        "# Social media policy\n\nFor help resetting your password, contact the IT Help Desk.\n",
        encoding="utf-8",
    )
    text = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "help.md"]).stdout
    passwords = " ".join(text.split("GL601", 1)[1].split("→", 1)[0].split())
    assert passwords.endswith("[check this]")  # the message may wrap
    parks = " ".join(text.split("GL101", 1)[1].split("→", 1)[0].split())
    assert "[check this]" not in parks  # nothing came close: a strong gap
    result = CliRunner().invoke(main, ["report", "--isolated", "--no-cache", "help.md"])
    assert "check this: 1 sentence(s) use its terms without stating it" in result.stdout


def test_a_decision_resting_on_sentences_that_lean_back_is_weak(checker: Checker) -> None:
    leaning = SECURITY.replace(
        "Passwords for official social media accounts must be at least 14 characters long.",
        "Each administrator receives the password of the official social media account. "
        "It must be at least 14 characters long.",
    )
    passwords = _sub(_check(checker, leaning), "GL601")
    assert passwords.status.value == "covered" and passwords.confidence is Confidence.WEAK
    assert passwords.confidence_reason == "only read with the sentence or question before it"
    assert _sub(_check(checker, SECURITY), "GL601").confidence is Confidence.STRONG
