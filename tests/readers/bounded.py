"""Read a document in a child process with a time limit: a hang fails the test, never the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, sys, time
from gaplint.errors import InputError
from gaplint.readers import read_document
import gaplint.readers.html, gaplint.readers.markdown, gaplint.readers.docx  # not timed
started = time.perf_counter()
try:
    document = read_document(sys.argv[1])
except InputError as error:
    result = {"error": error.line(), "code": error.code.value}
else:
    blocks = [[b.kind.value, b.text, b.level, b.line] for b in document.blocks]
    result = {"blocks": blocks, "skipped": [s.what for s in document.skipped]}
result["seconds"] = time.perf_counter() - started
print(json.dumps(result))
"""


def read_bounded(path: Path, seconds: float = 20) -> dict[str, Any]:
    """The child's result: "blocks" or "error"/"code", and "seconds" the read itself took.
    Fails the test when the child runs over `seconds`."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=seconds,
            cwd=ROOT,
            check=True,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"reading {path.name} took over {seconds} s") from None
    result: dict[str, Any] = json.loads(done.stdout)
    return result
