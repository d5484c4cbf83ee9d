"""The compiled-pack cache: a second process loads the pack instead of compiling it; a change
to the rules, gaplint or the file itself makes it compile again; no cache folder is needed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gaplint.engine
import gaplint.pack_cache
from gaplint.api import Checker, _compiled
from gaplint.atoms import AtomPlan, Planner
from gaplint.engine import compile_with_plan
from gaplint.nlp import build_pipeline
from gaplint.pack_cache import PACKS_FOLDER
from gaplint.readers import read_document
from gaplint.rules import load_pack
from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, Project

REPO = Path(__file__).resolve().parents[2]

CLI = "import sys; from gaplint.cli import main; main(sys.argv[1:])"
# Checks a document in a fresh interpreter whose compiler fails if it is ever called.
NO_COMPILER = """
import sys
import gaplint.engine

class NotAgain:
    def __init__(self, *args, **kwargs):
        raise AssertionError("the rule pack was compiled again")

gaplint.engine.Planner = NotAgain
from gaplint.cli import main
main(sys.argv[1:])
"""


# Runs the CLI in a fresh interpreter and prints which rule files it parsed from YAML.
COUNT_PARSES = """
import sys
import gaplint.rules as rules

parsed = []
parse = rules.parse_rule_file

def counting(path, data):
    parsed.append(path.name)
    return parse(path, data)

rules.parse_rule_file = counting
from gaplint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("PARSED", " ".join(sorted(parsed)))
"""


@pytest.fixture(autouse=True)
def _fresh_compiles() -> Iterator[None]:
    _compiled.cache_clear()  # each test sees what a new process would
    yield
    _compiled.cache_clear()


class _Counting(Planner):
    made = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        type(self).made += 1
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> type[_Counting]:
    """Counts fresh compiles of a rule pack."""
    _Counting.made = 0
    monkeypatch.setattr(gaplint.engine, "Planner", _Counting)
    return _Counting


def _stored(cache: Path) -> list[Path]:
    return sorted((cache / PACKS_FOLDER).glob("*.json"))


def _checker(project: Project, cache: Path | None) -> Checker:
    return Checker(rule_dirs=[project.root / "rules"], builtin=False, cache_dir=cache)


def _check(project: Project, cache: Path | None, text: str = FULL) -> dict[str, Any]:
    _compiled.cache_clear()
    report = _checker(project, cache).check_path(project.write("policy.md", text))
    return report.model_dump(mode="json")


def _drop_document_entries(cache: Path) -> None:
    for entry in cache.iterdir():
        if entry.is_dir() and entry.name != PACKS_FOLDER:
            shutil.rmtree(entry)


def test_a_second_process_loads_the_pack_and_never_compiles(project: Project) -> None:
    project.config()
    project.write("a.md", NO_RECORDS)  # a warning gap: exit 1
    args = ["check", "--format", "json", "a.md"]
    first = subprocess.run(
        [sys.executable, "-c", CLI, *args],
        cwd=project.root, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    cache = project.root / ".gaplint_cache"
    assert first.returncode == 1, first.stderr
    assert len(_stored(cache)) == 1
    _drop_document_entries(cache)  # so the document is judged again, not served
    second = subprocess.run(
        [sys.executable, "-c", NO_COMPILER, *args],
        cwd=project.root, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert second.returncode == 1, second.stderr
    assert second.stderr == ""

    def report(out: str) -> object:
        return {k: v for k, v in json.loads(out).items() if k != "generated_at"}

    assert report(second.stdout) == report(first.stdout)


def test_the_no_compiler_driver_fails_without_a_stored_pack(project: Project) -> None:
    # The test above could not fail if the sabotaged compiler were never reached.
    project.config()
    project.write("a.md", FULL)
    proc = subprocess.run(
        [sys.executable, "-c", NO_COMPILER, "check", "a.md"],
        cwd=project.root, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "error[internal]" in proc.stderr


def test_checker_with_a_cache_folder_compiles_once(
    project: Project, tmp_path: Path, compiles: type[_Counting]
) -> None:
    cache = tmp_path / "cache"
    fresh = _check(project, cache)
    assert (compiles.made, len(_stored(cache))) == (1, 1)
    assert _check(project, cache) == fresh
    assert compiles.made == 1
    assert _check(project, None) == fresh  # no folder: compiled in memory, as before
    assert compiles.made == 2


def test_a_changed_rule_file_compiles_again(
    project: Project, tmp_path: Path, compiles: type[_Counting]
) -> None:
    cache = tmp_path / "cache"
    policy = NO_PHISHING + "\nEvery member of the staff must report a scam to the help desk.\n"
    before = _check(project, cache, policy)
    rules = project.root / "rules" / "TS1-safety.yaml"
    rules.write_text(rules.read_text().replace("[phishing]", "[phishing, scam]"))
    after = _check(project, cache, policy)
    assert compiles.made == 2
    assert len(_stored(cache)) == 2

    def phishing(report: dict[str, Any]) -> object:
        subpoints = [sub for element in report["elements"] for sub in element["subpoints"]]
        return next(sub["status"] for sub in subpoints if sub["id"] == "TS102")

    assert (phishing(before), phishing(after)) == ("missing", "covered")


def test_a_new_gaplint_version_compiles_again(
    project: Project, tmp_path: Path, compiles: type[_Counting], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    fresh = _check(project, cache)
    monkeypatch.setattr(gaplint.pack_cache, "__version__", "999.0")
    assert _check(project, cache) == fresh
    assert compiles.made == 2


def test_a_changed_compiler_compiles_again(
    project: Project, tmp_path: Path, compiles: type[_Counting], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    fresh = _check(project, cache)
    real = gaplint.pack_cache.code_digest()
    assert real == gaplint.pack_cache.code_digest()  # stable while the code is
    monkeypatch.setattr(gaplint.pack_cache, "code_digest", lambda: real[::-1])
    assert _check(project, cache) == fresh
    assert compiles.made == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"\x00\xff" * 40,  # not JSON
        lambda data: b"[]",  # JSON, not a stored pack
        lambda data: data.replace(b'"format":1', b'"format":0'),  # another format's header
        lambda data: data.replace(b'"leaves":["', b'"leaves":["x'),  # a leaf the pack lacks
        lambda data: data.replace(b'"atom":0,', b'"atom":99,', 1),  # an atom out of range
    ],
    ids=["truncated", "binary", "wrong-shape", "foreign-header", "stale-leaf", "bad-atom"],
)
def test_a_damaged_or_foreign_file_is_ignored_and_rebuilt(
    project: Project, tmp_path: Path, compiles: type[_Counting], damage: object
) -> None:
    cache = tmp_path / "cache"
    fresh = _check(project, cache)
    (stored,) = _stored(cache)
    good = stored.read_bytes()
    damaged = damage(good)  # type: ignore[operator]
    assert damaged != good
    stored.write_bytes(damaged)
    assert _check(project, cache) == fresh
    assert compiles.made == 2
    assert stored.read_bytes() == good  # replaced by a sound one


def test_an_unwritable_cache_folder_still_checks(
    project: Project, tmp_path: Path, compiles: type[_Counting]
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert _check(project, blocked / "cache") == _check(project, None)
    project.config()
    project.write("a.md", FULL)
    result = project.run("check", "--cache-dir", str(blocked / "cache"), "a.md")
    assert result.exit_code == 0, result.output  # FULL covers every sub-point
    assert blocked.read_text() == "not a folder"


def test_no_cache_neither_reads_nor_writes_the_compiled_pack(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)
    cache = project.root / "elsewhere"
    assert project.run("check", "--no-cache", "--cache-dir", str(cache), "a.md").exit_code == 0
    assert not cache.exists()
    assert project.run("check", "--cache-dir", str(cache), "a.md").exit_code == 0
    assert len(_stored(cache)) == 1


def test_the_builtin_pack_matches_the_same_atoms_from_a_stored_plan() -> None:
    # The plan read back from JSON gives every sentence of every bundled policy the same
    # atoms as the plan just made.
    pack, nlp = load_pack(), build_pipeline()
    fresh, plan = compile_with_plan(pack, nlp)
    loaded, _ = compile_with_plan(pack, nlp, AtomPlan.model_validate_json(plan.model_dump_json()))
    documents = [read_document(path) for path in sorted((REPO / "corpus").glob("*.md"))]
    assert documents
    for document in documents:
        expected = [(hits.atoms, hits.context) for hits in fresh.find(document)]
        assert [(hits.atoms, hits.context) for hits in loaded.find(document)] == expected


def test_each_rule_file_is_parsed_once_then_never(project: Project) -> None:
    project.config()
    project.write("a.md", FULL)

    def parsed() -> list[str]:
        proc = subprocess.run(
            [sys.executable, "-c", COUNT_PARSES, "check", "a.md"],
            cwd=project.root, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        return proc.stdout.strip().splitlines()[-1].split()[1:]

    rule_files = [*(REPO / "rules").glob("*.yaml"), *(project.root / "rules").glob("*.yaml")]
    files = sorted(path.name for path in rule_files)
    assert parsed() == files  # the batch and its Checker: each file once
    _drop_document_entries(project.root / ".gaplint_cache")
    assert parsed() == []  # the validated pack and the compiled pack come from the cache


def test_check_with_a_cache_dir_keeps_the_compiled_pack(project: Project, tmp_path: Path) -> None:
    # The README's `gaplint.check(path, cache_dir=...)`.
    import gaplint

    cache = tmp_path / "cache"
    report = gaplint.check(project.write("policy.md", FULL), cache_dir=cache)
    assert report.judged
    assert len(_stored(cache)) == 1


# Loads the pack (no document) in a fresh interpreter and counts the words it stemmed.
COUNT_STEMS = """
import sys
import gaplint.nlp as nlp

stemmed = []
stemmer = nlp.STEMMER
nlp.STEMMER = type(stemmer)(stemmer.name, lambda word: stemmed.append(word) or stemmer.stem(word))
from gaplint.api import Checker
Checker(cache_dir=sys.argv[1]).compiled
print(len(stemmed))
"""


def test_a_stored_pack_brings_its_stems_so_nothing_is_stemmed_again(tmp_path: Path) -> None:
    def stemmed() -> int:
        proc = subprocess.run(
            [sys.executable, "-c", COUNT_STEMS, str(tmp_path / "cache")],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return int(proc.stdout)

    assert stemmed() > 1000  # the vocabulary and every term of the built-in pack
    assert stemmed() == 0


def test_stems_from_an_unusable_file_are_not_trusted(project: Project) -> None:
    # A file that parses but does not fit (here an atom out of range) may carry wrong stems
    # too: they must not leak into the fresh compile or the file that replaces it.
    project.config()
    project.write("a.md", FULL)
    args = ["check", "--format", "json", "a.md"]

    def run() -> str:
        proc = subprocess.run(
            [sys.executable, "-c", CLI, *args],
            cwd=project.root, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return json.dumps({k: v for k, v in json.loads(proc.stdout).items() if k != "generated_at"})

    first = run()
    cache = project.root / ".gaplint_cache"
    (stored,) = _stored(cache)
    good = stored.read_bytes()
    poisoned = good.replace(b'"password":"password"', b'"password":"zzz"')
    poisoned = poisoned.replace(b'"atom":0,', b'"atom":99,', 1)
    assert b'"zzz"' in poisoned and b'"atom":99,' in poisoned
    stored.write_bytes(poisoned)
    _drop_document_entries(cache)
    assert run() == first
    assert stored.read_bytes() == good
