"""Jurisdiction: detected from the laws, bodies, places and spellings a policy names (the
rule pack's table), or set in configuration; gaps are worded for it; every jurisdiction's
laws count as coverage for the sub-points they are about."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.api import Checker
from gaplint.examples import judged_covered
from gaplint.jurisdiction import decide, detect
from gaplint.report import DocumentReport, JurisdictionSource
from gaplint.rules import Jurisdiction, LawTopic, RuleError, load_pack
from gaplint.selection import Selection
from tests.builders.jurisdiction import JURISDICTIONS, policy_docx_for, policy_for

PACK = load_pack()
TABLES = PACK.jurisdictions


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize("code", [c for c in JURISDICTIONS if c != "generic"])
def test_each_jurisdiction_is_detected_from_its_laws(code: str) -> None:
    found = detect(policy_for(code), TABLES)
    assert (found.code, found.source) == (code, JurisdictionSource.DETECTED)
    assert found.reason.startswith("names ")
    assert found.names and all(name in TABLES[Jurisdiction(code)].names() for name in found.names)


def test_the_reason_names_laws_then_spellings_then_places() -> None:
    found = detect(policy_for("uk"), TABLES)
    assert found.reason == (
        "names the Data Protection Act 2018, UK GDPR and the Information Commissioner; "
        "British spellings; mentions Wales and England"
    )
    assert found.describe() == f"uk ({found.reason})"


def test_a_policy_naming_no_law_is_generic() -> None:
    found = detect(policy_for("generic"), TABLES)
    assert found.code == "generic"
    assert found.reason == "names no jurisdiction's laws, bodies or places"


def test_laws_several_countries_share_do_not_decide() -> None:
    # The Freedom of Information Act and the Privacy Act are the names of laws in several
    # countries: a third of a point or so each, not enough to tell which.
    text = "Requests under the Freedom of Information Act and the Privacy Act are answered."
    found = detect(text, TABLES)
    assert found.code == "generic"
    assert found.reason.startswith("too little to tell: names the Freedom of Information Act")


def test_spellings_and_places_alone_do_not_decide() -> None:
    found = detect("Our colour, behaviour and organisation are recognised in Wales.", TABLES)
    assert found.code == "generic"
    assert found.reason == "too little to tell: British spellings; mentions Wales"


def test_a_close_call_is_generic_and_says_between_what() -> None:
    text = "We follow the Data Protection Act 2018 and the Privacy Act 2020."
    found = detect(text, TABLES)
    assert found.code == "generic"
    assert found.reason.startswith("unsure between ")


def test_the_longest_name_wins_so_a_dated_act_is_not_shared() -> None:
    # "Privacy Act 2020" is New Zealand's alone, though "Privacy Act" is four countries'.
    found = detect("Personal information is handled under the Privacy Act 2020.", TABLES)
    assert found.code == "nz" and found.names == ["Privacy Act 2020"]


def test_acronyms_and_places_count_only_as_written() -> None:
    assert detect("Ada from the wales team asked about ada.", TABLES).code == "generic"
    assert detect("Official posts meet the ADA.", TABLES).names == ["ADA"]


def test_a_name_repeated_counts_once() -> None:
    once = detect("The Data Protection Act 2018 applies.", TABLES)
    often = detect("The Data Protection Act 2018 applies. " * 20, TABLES)
    assert once == often


def test_the_configured_jurisdiction_wins_over_the_document() -> None:
    found = decide(policy_for("uk"), TABLES, "nz")
    assert (found.code, found.name, found.source) == (
        "nz",
        "New Zealand",
        JurisdictionSource.CONFIGURED,
    )
    assert found.reason == "set in configuration"
    assert decide(policy_for("uk"), TABLES, "generic").name == "no particular jurisdiction"
    assert decide(policy_for("uk"), TABLES, None).code == "uk"


# --- the report: gaps worded for the jurisdiction ------------------------------------------


def _gap(report: DocumentReport, rule: str) -> str:
    return next(f.recommendation for f in report.findings if f.rule == rule)


def test_a_generated_word_document_is_detected(checker: Checker) -> None:
    report = checker.check_bytes(policy_docx_for("ca"), "policy.docx")
    assert report.judged and report.jurisdiction is not None
    assert report.jurisdiction.code == "ca"


@pytest.mark.parametrize("code", ["uk", "ca", "au", "nz"])
def test_gaps_carry_the_jurisdictions_recommendation(checker: Checker, code: str) -> None:
    report = checker.check_bytes(policy_for(code).encode(), "policy.md")
    assert report.jurisdiction is not None and report.jurisdiction.code == code
    worded = PACK.subpoint("GL704").localised(code)
    assert _gap(report, "GL704") == worded.recommendation.strip()
    assert _gap(report, "GL704") != PACK.subpoint("GL704").recommendation.strip()
    # Nobody outside the United States is told about Section 508 or the First Amendment.
    assert "Section 508" not in _gap(report, "GL704")


def test_the_recommendation_switches_with_the_setting(checker: Checker) -> None:
    text = policy_for("uk").encode()
    detected = checker.check_bytes(text, "policy.md")
    as_us = checker.check_bytes(text, "policy.md", Selection(jurisdiction="us"))
    as_generic = checker.check_bytes(text, "policy.md", Selection(jurisdiction="generic"))
    assert "Equality Act 2010" in _gap(detected, "GL704")
    assert _gap(as_us, "GL704") == PACK.subpoint("GL704").recommendation.strip()
    assert "Section 508" in _gap(as_us, "GL704")
    assert "Section 508" not in _gap(as_generic, "GL704")
    assert as_us.jurisdiction is not None and as_us.jurisdiction.reason == "set in configuration"
    # The wording changes, never the verdicts.
    assert [e.model_dump() for e in detected.elements] == [e.model_dump() for e in as_us.elements]


def test_an_unjudged_document_has_no_jurisdiction(checker: Checker) -> None:
    report = checker.check_bytes(b"# Notes\n\nThe Data Protection Act 2018.\n", "notes.md")
    assert not report.judged and report.jurisdiction is None


# --- laws as coverage ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "covers", "not_covers"),
    [
        ("Messages to our page can be requested under LGOIMA.", "GL703", "GL701"),
        ("Personal information from our pages is handled in accordance with PIPEDA.",
         "GL701", "GL703"),
        ("Posts must be kept as the Library and Archives of Canada Act requires.",
         "GL702", "GL703"),
        ("All official content must comply with the Accessible Canada Act.", "GL704", "GL701"),
        ("Moderators must respect the New Zealand Bill of Rights Act 1990.", "GL705", "GL704"),
        ("Staff must not use official accounts in breach of the Electoral Act 1993.",
         "GL303", "GL705"),
        ("Requests made under the Government Information (Public Access) Act 2009 must be "
         "forwarded to the Right to Information Officer.", "GL703", "GL702"),
    ],
)  # fmt: skip
def test_a_jurisdictions_law_counts_for_its_topic_only(
    checker: Checker, sentence: str, covers: str, not_covers: str
) -> None:
    assert judged_covered(checker, covers, sentence)
    assert not judged_covered(checker, not_covers, sentence)


def test_naming_a_law_without_a_rule_is_not_coverage(checker: Checker) -> None:
    assert not judged_covered(checker, "GL704", "The Accessible Canada Act was passed in 2019.")


def test_every_jurisdiction_lists_laws_on_every_topic() -> None:
    for code, table in TABLES.items():
        missing = [t.value for t in LawTopic if not table.statutes.get(t)]
        assert missing == [], f"{code.value} has no statutes for {missing}"
    assert {c.value for c in TABLES} == {c for c in JURISDICTIONS if c != "generic"}


# --- the pack data is validated like the rest ---------------------------------------------

_SUB = """\
element:
  id: TS1
  title: T
  subpoints:
    - id: TS101
      name: x
      title: X
      rationale: r
      recommendation: base advice
      example_clause: e
      match: [password]
      examples: {covered: [a password], missing: [b]}
"""


def _pack(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _load(tmp_path: Path, files: dict[str, str]) -> None:
    load_pack([_pack(tmp_path, files)], builtin=False)


def test_an_unknown_jurisdiction_in_a_rules_advice_is_rejected(tmp_path: Path) -> None:
    advice = "      jurisdictions:\n        fr: {recommendation: Suivez la CNIL.}\n"
    with pytest.raises(RuleError) as caught:
        _load(tmp_path, {"TS1.yaml": _SUB + advice})
    message = str(caught.value)
    assert message.endswith(
        "TS1.yaml: rule TS101: field element.subpoints.0.jurisdictions.fr.[key]: "
        "Input should be 'us', 'uk', 'ca', 'au', 'nz' or 'generic'"
    )


def test_advice_that_says_nothing_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="give at least one of rationale, recommendation"):
        _load(tmp_path, {"TS1.yaml": _SUB + "      jurisdictions:\n        uk: {}\n"})


def test_advice_replaces_only_the_fields_it_gives(tmp_path: Path) -> None:
    advice = "      jurisdictions:\n        nz: {recommendation: Follow the OIA.}\n"
    pack = load_pack([_pack(tmp_path, {"TS1.yaml": _SUB + advice})], builtin=False)
    sub = pack.subpoint("TS101")
    assert sub.localised("nz").recommendation == "Follow the OIA."
    assert sub.localised("nz").rationale == "r"
    assert sub.localised("uk") is sub and sub.localised(None) is sub


def test_an_unknown_topic_or_jurisdiction_in_the_law_table_is_rejected(tmp_path: Path) -> None:
    table = "jurisdictions:\n  uk:\n    name: UK\n    statutes: {taxes: [Finance Act]}\n"
    with pytest.raises(RuleError, match=r"_laws.yaml: field jurisdictions.uk.statutes.taxes"):
        _load(tmp_path, {"TS1.yaml": _SUB, "_laws.yaml": table})
    with pytest.raises(RuleError, match=r"field jurisdictions.fr"):
        _load(tmp_path, {"TS1.yaml": _SUB, "_laws.yaml": "jurisdictions:\n  fr: {name: France}\n"})


def test_a_jurisdiction_defined_twice_is_rejected(tmp_path: Path) -> None:
    table = "jurisdictions:\n  nz: {name: New Zealand}\n"
    with pytest.raises(RuleError, match="jurisdiction 'nz' is defined twice"):
        _load(tmp_path, {"TS1.yaml": _SUB, "_a.yaml": table, "_b.yaml": table})


def test_the_law_table_makes_concepts_rules_can_use(tmp_path: Path) -> None:
    table = "jurisdictions:\n  nz:\n    name: New Zealand\n    statutes: {foi: [LGOIMA]}\n"
    sub = _SUB.replace("match: [password]", "match: {concept: law-foi}")
    pack = load_pack([_pack(tmp_path, {"TS1.yaml": sub, "_laws.yaml": table})], builtin=False)
    assert pack.concepts["law-foi"].phrase == ["LGOIMA"]  # type: ignore[union-attr]
    clash = "concepts:\n  law-foi: [foi]\n"
    with pytest.raises(RuleError, match="concept 'law-foi' is made from the jurisdictions"):
        _load(tmp_path, {"_clash.yaml": clash})


def test_a_cached_pack_keeps_its_law_table(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    first = load_pack(cache=cache)
    again = load_pack(cache=cache)
    assert list(cache.glob("rules-*.json"))
    assert again.jurisdictions == first.jurisdictions
    assert again.subpoint("GL703").jurisdictions == first.subpoint("GL703").jurisdictions
