"""spaCy is imported without its CLI (and the HTTP libraries it pulls in), and still works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gaplint.spacy_import import only_info_from_cli
from tests.cli.helpers import FULL

LEAN = """
import sys
from gaplint.spacy_import import import_spacy
import_spacy()
import spacy
left_out = [name for name in ("spacy.cli", "requests", "httpx", "typer", "weasel")
            if name in sys.modules]
assert left_out == [], left_out
words = [t.text for t in spacy.blank("en")("Posts aren't kept.")]
assert words == ["Posts", "are", "n't", "kept", "."], words
assert spacy.info()["spacy_version"] == spacy.__version__  # the real command, imported when called
import spacy.cli
assert callable(spacy.cli.download)
print("ok")
"""

# A cold `gaplint check` in a fresh interpreter: which of spaCy's CLI modules did it import?
CHECK = """
import sys
from gaplint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    print("EXIT", done.code, [n for n in ("spacy", "spacy.cli", "requests") if n in sys.modules])
"""


def test_spacy_without_its_cli_still_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", LEAN], capture_output=True, text=True, timeout=300
    )
    assert proc.stdout.strip() == "ok", proc.stderr


def test_a_cold_check_never_imports_spacys_cli(tmp_path: Path) -> None:
    (tmp_path / "policy.md").write_text(FULL, encoding="utf-8")
    args = ["check", "--isolated", "--no-cache", "-q", "policy.md"]
    proc = subprocess.run(
        [sys.executable, "-c", CHECK, *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.stdout.strip().splitlines()[-1] == "EXIT 1 ['spacy']", proc.stderr


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from . import util\nfrom .cli.info import info  # noqa: F401\n", True),
        ("from .cli.info import info\nfrom .cli import app\n", False),  # more of the CLI
        ("from . import cli\nfrom .cli.info import info\n", False),
        ("from . import util\n", False),  # no CLI import at all: nothing to leave out
    ],
)
def test_the_cli_is_left_out_only_when_init_imports_just_info(source: str, expected: bool) -> None:
    assert only_info_from_cli(source) is expected
