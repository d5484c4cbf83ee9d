"""CLI test helpers: a temporary project with its own two-element rule pack (TS1, TS2).

Tests select only that pack, so they do not depend on how the built-in rules are tuned.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from gaplint.cli import main

RULES = """\
element:
  id: TS1
  title: Account safety
  heading: [safety]
  subpoints:
    - id: TS101
      name: passwords
      title: Passwords
      rationale: Shared passwords let anyone speak for the agency.
      recommendation: Require strong, secret passwords.
      example_clause: Passwords must be strong and changed when an administrator leaves.
      match: {phrase: [password]}
      examples:
        covered: ["Passwords must be strong."]
        missing: ["Call the desk."]
    - id: TS102
      name: phishing
      title: Phishing
      severity: info
      rationale: Staff are the target of scams.
      recommendation: Warn staff about phishing.
      example_clause: Staff must report phishing messages to the help desk.
      match: {phrase: [phishing]}
      examples:
        covered: ["Report phishing at once."]
        missing: ["Call the desk."]
"""

RULES_2 = """\
element:
  id: TS2
  title: Records
  subpoints:
    - id: TS201
      name: retention
      title: Retention
      rationale: Posts can be public records.
      recommendation: Say how posts are retained.
      example_clause: Posts are retained for three years.
      match: {phrase: [retain, retention, archive]}
      examples:
        covered: ["Posts are retained for three years."]
        missing: ["Call the desk."]
"""

FULL = """\
# Social media policy

This is the policy of the agency for the use of its social media accounts.

## Account safety

All of the passwords for the accounts must be strong and they must be kept secret.

Every member of the staff must report phishing to the help desk as soon as they see it.

## Records

All of the posts on the accounts are retained by the agency for three years.
"""

NO_PHISHING = FULL.replace(
    "Every member of the staff must report phishing to the help desk as soon as they see it.\n\n",
    "",
)
NO_RECORDS = FULL.split("## Records")[0]


@dataclass
class Project:
    root: Path
    runner: CliRunner

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def config(self, body: str = "", name: str = ".gaplint.toml") -> Path:
        base = 'rules = ["rules"]\nselect = ["TS"]\n'
        return self.write(name, base + textwrap.dedent(body))

    def run(
        self, *args: str, input: str | bytes | None = None, env: dict[str, str] | None = None
    ) -> Result:
        return self.runner.invoke(main, list(args), input=input, env=env, catch_exceptions=False)

    def json(self, *args: str) -> tuple[Result, dict[str, Any]]:
        result = self.run("check", "--format", "json", *args)
        return result, json.loads(result.stdout)
