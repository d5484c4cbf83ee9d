"""Rule-pack mistakes name the file, the rule and the field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gaplint import rules
from gaplint.engine import compile_pack
from gaplint.nlp import build_pipeline
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


def test_bad_token_pattern_is_refused_when_compiled_naming_file_and_rule(tmp_path: Path) -> None:
    # Validating a pack needs no spaCy; spaCy's schema checks token patterns at compile time.
    pack = load_pack([pack_with(tmp_path, "[{pattern: [{LOWERR: x}]}]")], builtin=False)
    with pytest.raises(RuleError) as caught:
        compile_pack(pack, build_pipeline())
    message = str(caught.value)
    for word in ("TS1.yaml", "TS101", "match", "LOWERR"):
        assert word in message


def test_a_pack_loads_without_spacy(tmp_path: Path) -> None:
    script = (
        "import sys; from gaplint.rules import load_pack; pack = load_pack();"
        "print(len(pack.ids()), 'spacy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    count, spacy_loaded = done.stdout.split()
    assert int(count) > 40 and spacy_loaded == "False"


def test_cached_pack_is_the_validated_pack(tmp_path: Path) -> None:
    first = load_pack(cache=tmp_path)
    (stored,) = tmp_path.glob("rules-*.json")
    rules._loaded.clear()  # as a new process would: read from the JSON
    assert load_pack(cache=tmp_path) == first
    stored.write_text("{", encoding="utf-8")  # damaged: parsed again from the YAML
    rules._loaded.clear()
    assert load_pack(cache=tmp_path) == first


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
