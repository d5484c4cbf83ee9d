"""The README's `gaplint serve` section: every command in it parses, its defaults are the
command's, and the extra it installs is the one pyproject declares and the command names."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from gaplint.serve.command import INSTALL_HINT, serve_command
from gaplint.serve.settings import DEFAULT_HOST, DEFAULT_PORT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def _section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## The web page: `gaplint serve`")
    return readme[start : readme.index("\n## ", start + 1)]


def _commands() -> list[str]:
    block = re.search(r"```console\n(.*?)```", _section(), re.S)
    assert block is not None
    return [line.removeprefix("$ ") for line in block.group(1).splitlines()]


def test_every_serve_command_in_the_readme_parses(tmp_path: Path) -> None:
    (tmp_path / "gaplint.toml").write_text('select = ["GL"]\n', encoding="utf-8")
    (tmp_path / "state-rules").mkdir()
    lines = [line for line in _commands() if line.startswith("gaplint serve")]
    assert len(lines) == 3
    for line in lines:
        words = shlex.split(line, comments=True)[2:]
        # Paths in the README are relative to the folder the server runs in.
        words = [str(tmp_path / w) if (tmp_path / w).exists() else w for w in words]
        context = serve_command.make_context("serve", words)
        assert context.params["port"] == DEFAULT_PORT
    default = serve_command.make_context("serve", [])
    assert (default.params["host"], default.params["port"]) == (DEFAULT_HOST, DEFAULT_PORT)
    assert f"http://{DEFAULT_HOST}:{DEFAULT_PORT}/" in _commands()[1]


def test_the_extra_the_readme_installs_is_declared() -> None:
    [install] = [line for line in _commands() if line.startswith("pip install")]
    assert shlex.split(install, comments=True) == ["pip", "install", ".[serve]"]
    assert 'pip install ".[serve]"' in INSTALL_HINT
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    serve = project["optional-dependencies"]["serve"]
    assert {re.split(r"[<>=]", dep)[0] for dep in serve} == {"werkzeug", "waitress"}
    assert "gaplint-policy[serve]" in project["optional-dependencies"]["test"]


def test_the_screenshots_it_shows_exist() -> None:
    images = re.findall(r"\]\((docs/[^)]+\.png)\)", _section())
    assert images == ["docs/serve-page.png", "docs/serve-report.png"]
    for image in images:
        data = (ROOT / image).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < 100_000
