"""The result cache: hits skip spaCy entirely, damage is rebuilt, configuration is in the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import FULL, NO_RECORDS, Project

# Document entries sit in two-letter folders; compiled rule packs in packs/.
DOCUMENT_ENTRIES = "[0-9a-f][0-9a-f]/*.json"
# Runs the CLI in a fresh interpreter and reports whether spaCy was ever imported.
DRIVER = """
import sys
from gaplint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
print("SPACY", "spacy" in sys.modules, "EXIT", code, file=sys.stderr)
"""


def _drive(cwd: Path, *args: str) -> tuple[bool, int, str]:
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    last = proc.stderr.strip().splitlines()[-1].split()
    assert last[0] == "SPACY", proc.stderr
    return last[1] == "True", int(last[3]), proc.stdout


def test_cached_run_does_not_import_spacy(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    project.write("b.md", NO_RECORDS)
    cold_spacy, cold_exit, cold_out = _drive(project.root, "check", "--format", "json", ".")
    warm_spacy, warm_exit, warm_out = _drive(project.root, "check", "--format", "json", ".")
    assert cold_spacy  # the driver can see spaCy when it is loaded
    assert not warm_spacy
    assert (cold_exit, warm_exit) == (1, 1)
    assert cold_out == warm_out


def test_cache_entries_live_beside_the_config(project: Project) -> None:
    project.config()
    project.write("docs/a.md", FULL)
    project.run("check", "docs/a.md")
    entries = list((project.root / ".gaplint_cache").glob(DOCUMENT_ENTRIES))
    assert len(entries) == 1
    assert (project.root / ".gaplint_cache" / ".gitignore").read_text() == "*\n"


def test_damaged_entry_is_ignored_and_rebuilt(project: Project) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    first = project.run("check", "--format", "json", "a.md").stdout
    (entry,) = (project.root / ".gaplint_cache").glob(DOCUMENT_ENTRIES)
    # The entry and the rendered piece kept beside it (which a re-run reads instead).
    (piece,) = (project.root / ".gaplint_cache").glob("[0-9a-f][0-9a-f]/*.txt")
    for damaged in (entry, piece):
        damaged.write_text('{"path": "a.md", "findings": [', encoding="utf-8")
    assert project.run("check", "--format", "json", "a.md").stdout == first
    assert '"report":{"path":"a.md"' in entry.read_text(encoding="utf-8")  # rebuilt
    (stored_pack,) = (project.root / ".gaplint_cache").glob("rules-*.json")
    stored_pack.write_text("[{", encoding="utf-8")
    assert project.run("check", "--format", "json", "a.md").stdout == first


def test_changed_content_or_configuration_misses_the_cache(project: Project) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)
    project.run("check", "a.md")
    project.write("a.md", FULL)
    assert project.run("check", "a.md").exit_code == 0  # not the cached failing result
    project.config("ignore = ['TS1']\n")
    _, data = project.json("a.md")
    assert [e["id"] for e in data["documents"][0]["elements"]] == ["TS2"]
    assert len(list((project.root / ".gaplint_cache").glob(DOCUMENT_ENTRIES))) == 3


def test_no_cache_and_cache_dir(project: Project, tmp_path: Path) -> None:
    project.config()
    project.write("a.md", FULL)
    project.run("check", "--no-cache", "a.md")
    assert not (project.root / ".gaplint_cache").exists()
    project.run("check", "--cache-dir", str(tmp_path / "c"), "a.md")
    assert len(list((tmp_path / "c").glob(DOCUMENT_ENTRIES))) == 1
