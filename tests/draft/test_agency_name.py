"""The {agency} placeholder in example clauses, and the agency's name read from a policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.agency import PLACEHOLDER, detect_agency, fill_agency
from gaplint.rules import RuleError, load_pack

PACK = load_pack()


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["City of Riverton Social Media Policy"], "the City of Riverton"),
        (["Marion County Social Media Policy"], "Marion County"),
        (
            ["The Lakeside Police Department Social Media Guidelines"],
            "the Lakeside Police Department",
        ),
        ([None, "Social Media Policy", "Town of North Bend"], "the Town of North Bend"),
        (["HILLCREST POLICE DEPARTMENT"], "the Hillcrest Police Department"),
        (["Council Name: Brookfield Community Council"], "the Brookfield Community Council"),
        (["Avon and Severn Parish Council Policy"], "the Avon and Severn Parish Council"),
        (["DIVISION: Finance and Administration", "SOCIAL MEDIA USE"], None),
        (["Social Media Policy", "Purpose"], None),
        (["SOCIAL MEDIA POLICY"], None),
        (["Policy on Social Media Use by Staff"], None),
    ],
)
def test_agency_is_read_from_titles_and_headings(
    lines: list[str | None], expected: str | None
) -> None:
    assert detect_agency(lines) == expected


def test_placeholder_is_filled_and_capitalised_at_a_sentence_start() -> None:
    clause = "{agency} posts news. Staff speak for {agency}'s accounts."
    assert fill_agency(clause, "the City of Riverton") == (
        "The City of Riverton posts news. Staff speak for the City of Riverton's accounts."
    )
    assert fill_agency(clause) == "The agency posts news. Staff speak for the agency's accounts."


def test_builtin_clauses_use_the_placeholder_and_read_as_before_without_a_name() -> None:
    with_placeholder = [sub for _, sub in PACK.subpoints() if PLACEHOLDER in sub.example_clause]
    assert len(with_placeholder) >= 15
    for sub in with_placeholder:
        shown = PACK.get(sub.id)
        assert shown is not None and PLACEHOLDER not in shown.example_clause
        assert "Riverton" in sub.clause("the City of Riverton")


def test_an_unknown_placeholder_is_a_rule_error(tmp_path: Path) -> None:
    (tmp_path / "TS1.yaml").write_text(
        "element:\n  id: TS1\n  title: T\n  subpoints:\n"
        "    - {id: TS101, name: x, title: X, rationale: r, recommendation: r,\n"
        "       example_clause: 'Ask {city} first.', match: [password],\n"
        "       examples: {covered: [a], missing: [b]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"example_clause: .*unknown placeholder '\{city\}'"):
        load_pack([tmp_path], builtin=False)
