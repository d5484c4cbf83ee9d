"""The documents the server tests upload, built by tests/builders (no dev-set text)."""

from __future__ import annotations

from tests.builders import docx as build_docx
from tests.builders.html import policy_html, policy_markdown
from tests.builders.pdf import policy_pdf, truncated_pdf

NOTES = """SOCIAL MEDIA RULES FOR STAFF

Only staff named by the Communications Manager may post on the agency's official accounts.
Passwords for official accounts must be kept secret and changed every ninety days.
Comments that contain threats or personal attacks will be removed.
"""


def policy_set() -> list[tuple[str, bytes]]:
    """One of each format gaplint reads, and one damaged PDF."""
    return [
        ("policy.pdf", policy_pdf()),
        ("policy.docx", build_docx.policy_docx()),
        ("policy.html", policy_html().encode("utf-8")),
        ("policy.md", policy_markdown().encode("utf-8")),
        ("notes.txt", NOTES.encode("utf-8")),
        ("broken.pdf", truncated_pdf()),
    ]
