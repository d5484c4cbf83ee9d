"""The drafted addendum as Markdown. The agency's name, the policy's title and its section
headings come from the document, so every text passes through neutralise.markdown_text."""

from __future__ import annotations

from gaplint.draft import SEVERITIES, Addendum
from gaplint.neutralise import markdown_text


def render_markdown(addendum: Addendum) -> str:
    out = [f"# {markdown_text(addendum.title)}", "", markdown_text(addendum.intro), ""]
    out += ["## Gaps by element and severity", ""]
    out.append("| Element | Status | " + " | ".join(s.value.title() for s in SEVERITIES) + " |")
    out.append("|---|---|" + "---:|" * len(SEVERITIES))
    for row in addendum.rows:
        counts = " | ".join(str(row.missing[level]) for level in SEVERITIES)
        out.append(f"| {row.element} {markdown_text(row.title)} | {row.status.value} | {counts} |")
    for number, section in enumerate(addendum.sections, start=1):
        out += ["", f"## {number}. {markdown_text(section.title)}", "",
                f"*{markdown_text(section.placement)}*"]  # fmt: skip
        for sub_number, clause in enumerate(section.clauses, start=1):
            out += [
                "",
                f"### {number}.{sub_number}. {markdown_text(clause.title)} "
                f"({clause.rule}, {clause.severity.value})",
                "",
                f"**Recommendation.** {markdown_text(clause.recommendation)}",
                "",
                f"> {markdown_text(clause.clause)}",
            ]
    return "\n".join(out) + "\n"
