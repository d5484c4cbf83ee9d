"""The JSON Schema of `gaplint check --format json`, generated from the report models."""

from __future__ import annotations

import json
from typing import Any

from gaplint.report import SCHEMA_VERSION, Report


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema()
    # Name the version in the schema itself, so a dashboard can tell which contract it holds.
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"gaplint report (schema_version {SCHEMA_VERSION})",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def render_schema() -> str:
    return json.dumps(report_schema(), indent=2) + "\n"
