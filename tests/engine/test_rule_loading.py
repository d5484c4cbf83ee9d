"""Rule-pack mistakes name the file, the rule and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.rules import RuleError, load_pack

GOOD_SUB = """
    - id: TS101
      name: x
      title: X
      rationale: r
      recommendation: r
      example_clause: e
      match: {match}
      examples: {{covered: [a], missing: [b]}}
"""


def pack_with(tmp_path: Path, match: str, extra: str = "") -> Path:
    text = "element:\n  id: TS1\n  title: T\n  subpoints:" + GOOD_SUB.format(match=match) + extra
    (tmp_path / "TS1.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_valid_pack_loads(tmp_path: Path) -> None:
    pack = load_pack([pack_with(tmp_path, "[password]")])
    assert pack.subpoint("TS101").title == "X"


@pytest.mark.parametrize(
    ("match", "words"),
    [
        ("[{pattern: [{LOWERR: x}]}]", ["TS101", "match", "LOWERR"]),
        ("{regex: '(unclosed'}", ["TS101", "regular expression"]),
        ("{wrong: [x]}", ["TS101", "match"]),
        ("{concept: nowhere}", ["TS101", "nowhere"]),
    ],
)
def test_mistakes_name_file_rule_and_field(tmp_path: Path, match: str, words: list[str]) -> None:
    with pytest.raises(RuleError) as caught:
        load_pack([pack_with(tmp_path, match)])
    message = str(caught.value)
    assert "TS1.yaml" in message or "TS101" in message
    for word in words:
        assert word in message


def test_duplicate_rule_ids_are_refused(tmp_path: Path) -> None:
    folder = pack_with(tmp_path, "[x]")
    (folder / "TS1-copy.yaml").write_text((folder / "TS1.yaml").read_text(), encoding="utf-8")
    with pytest.raises(RuleError, match="already defined"):
        load_pack([folder])


def test_missing_field_is_named(tmp_path: Path) -> None:
    (tmp_path / "TS1.yaml").write_text(
        "element:\n  id: TS1\n  title: T\n  subpoints:\n    - id: TS101\n      name: x\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as caught:
        load_pack([tmp_path])
    assert "TS101" in str(caught.value)
    assert "title" in str(caught.value)
