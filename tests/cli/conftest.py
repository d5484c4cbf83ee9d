"""The `project` fixture: a temporary project with its own rule pack, as the working folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.cli.helpers import RULES, RULES_2, Project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "project"
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "TS1-safety.yaml").write_text(RULES, encoding="utf-8")
    (root / "rules" / "TS2-records.yaml").write_text(RULES_2, encoding="utf-8")
    monkeypatch.chdir(root)
    yield Project(root=root, runner=CliRunner())
    os.chdir(tmp_path)
