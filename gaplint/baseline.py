"""Baselines: record today's gaps so that only new ones fail, as teams adopt gaplint gradually.

Gaps are keyed by document (path relative to the repository root) and rule, never by line:
a gap is an absence, and editing the policy must not turn an old gap into a new one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from gaplint.errors import UserError
from gaplint.paths import write_named_text
from gaplint.report import DocumentReport, FindingKind
from gaplint.user_files import read_user_text

BASELINE_VERSION = 1
# Only gaps are baselined: an expired waiver is a configuration matter, not a document's gap.
_BASELINED_KINDS = {FindingKind.GAP, FindingKind.ELEMENT_MISSING, FindingKind.EXCLUDED}


class BaselineError(UserError):
    """A baseline file that cannot be read; the message names the file."""


Key = tuple[str, str]


def open_gaps(doc: DocumentReport, rel: str) -> set[Key]:
    """(rel, rule) of the document's open gaps; `rel` is its path relative to the repository."""
    return {
        (rel, finding.rule)
        for finding in doc.findings
        if finding.kind in _BASELINED_KINDS and not finding.waived
    }


def write_baseline(path: Path, keys: Iterable[Key]) -> int:
    """Write the baseline of these gaps (as a batch collects them, document by document)."""
    gaps = [{"path": rel, "rule": rule} for rel, rule in sorted(set(keys))]
    payload = {"version": BASELINE_VERSION, "tool": "gaplint", "gaps": gaps}
    write_named_text(path, json.dumps(payload, indent=2) + "\n")
    return len(gaps)


def read_baseline(path: Path) -> set[Key]:
    try:
        data = json.loads(read_user_text(path))
        if data.get("version") != BASELINE_VERSION:
            raise ValueError(f"unsupported version {data.get('version')!r}")
        return {(str(gap["path"]), str(gap["rule"])) for gap in data["gaps"]}
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BaselineError(f"{path}: not a gaplint baseline: {error}") from None
    except RecursionError:  # json recurses once per level of nesting
        raise BaselineError(f"{path}: not a gaplint baseline: nested too deeply") from None


def mark_baselined(doc: DocumentReport, rel: str, known: set[Key]) -> int:
    """Mark the document's gaps found in the baseline; how many."""
    baselined = 0
    for finding in doc.findings:
        if finding.kind in _BASELINED_KINDS and (rel, finding.rule) in known:
            finding.baselined = True
            baselined += 1
    return baselined


def closed_gaps(known: set[Key], judged: set[str], open_now: set[Key]) -> list[Key]:
    """Baseline entries now closed. Only documents judged in this run (`judged`, their rels)
    can close a gap; others were simply not looked at."""
    return sorted(key for key in known if key[0] in judged and key not in open_now)
