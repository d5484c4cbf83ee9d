"""The JSON Schemas of gaplint's JSON outputs, generated from their models: `gaplint check
--format json` (the report) and `gaplint diff --format json` (the diff)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from gaplint.report import SCHEMA_VERSION, Report

SCHEMAS = ("check", "diff")


def _schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    # Name the version in the schema itself, so a dashboard can tell which contract it holds.
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def report_schema() -> dict[str, Any]:
    return _schema(Report, f"gaplint report (schema_version {SCHEMA_VERSION})")


def diff_schema() -> dict[str, Any]:
    from gaplint.diff_model import DIFF_SCHEMA_VERSION, DiffReport

    return _schema(DiffReport, f"gaplint diff (schema_version {DIFF_SCHEMA_VERSION})")


def render_schema(kind: str = "check") -> str:
    schema = diff_schema() if kind == "diff" else report_schema()
    return json.dumps(schema, indent=2) + "\n"
