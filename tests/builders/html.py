"""Build HTML and Markdown fixtures, each with the reference its reader should recover.

A `Page` holds the source and the body blocks a faithful reader returns (kind, text, level),
plus the furniture phrases that must not appear. Tests and bench/text_fidelity.py share them.
The policy wording is invented here; none of it comes from the dev documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADING, PARAGRAPH, LIST_ITEM = "heading", "paragraph", "list_item"

# (kind, text, level) of an invented policy with sections, lists and paragraphs.
POLICY: list[tuple[str, str, int | None]] = [
    ("heading", "Riverbend Parish Council Social Media Policy", 1),
    ("heading", "Purpose", 2),
    ("paragraph", "This policy explains how the Council uses social media to reach people.", None),
    ("paragraph", "It applies to councillors, the Clerk and any volunteer posting for us.", None),
    ("heading", "Accounts", 2),
    ("paragraph", "The Clerk keeps a register of each account opened in the Council's name.", None),
    ("list_item", "Each account has two named administrators.", None),
    ("list_item", "Passwords are changed when an administrator leaves.", None),
    ("list_item", "Accounts that lie unused for a year are closed.", None),
    ("heading", "Comments from the public", 2),
    ("paragraph", "We welcome comments but remove abuse, spam and personal attacks.", None),
    ("heading", "Records", 3),
    ("paragraph", "Posts are public records and are kept for six years under the schedule.", None),
    ("heading", "Review", 2),
    ("paragraph", "The Council reviews this policy every two years or when the law changes.", None),
]  # fmt: skip

FURNITURE = [
    "Skip to main content",
    "Home Council Meetings Contact",
    "We use cookies to improve this site",
    "Accept all cookies",
    "Copyright Riverbend Parish Council",
    "trackVisitor",
]


@dataclass
class Page:
    source: str
    reference: list[tuple[str, str, int | None]] = field(default_factory=lambda: list(POLICY))
    furniture: list[str] = field(default_factory=lambda: list(FURNITURE))

    @property
    def words(self) -> list[str]:
        return " ".join(text for _, text, _ in self.reference).split()


def policy_html(blocks: list[tuple[str, str, int | None]] = POLICY) -> str:
    """The policy as plain, valid HTML elements, one per line."""
    lines: list[str] = []
    in_list = False
    for kind, text, level in blocks:
        if kind == LIST_ITEM and not in_list:
            lines.append("<ul>")
        if kind != LIST_ITEM and in_list:
            lines.append("</ul>")
        in_list = kind == LIST_ITEM
        if kind == HEADING:
            lines.append(f"<h{level}>{text}</h{level}>")
        elif kind == LIST_ITEM:
            lines.append(f"  <li>{text}</li>")
        else:
            lines.append(f"<p>{text}</p>")
    if in_list:
        lines.append("</ul>")
    return "\n".join(lines).replace("'", "&#39;")


def _frame(body: str) -> str:
    """A whole page around `body`: head, skip link, navigation, cookie banner and footer."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Policy | Riverbend</title>
<script>function trackVisitor() {{ return 1; }}</script>
<style>.cookie-banner {{ position: fixed }}</style></head>
<body>
<a class="skip-link" href="#content">Skip to main content</a>
<div class="cookie-banner">We use cookies to improve this site
<button>Accept all cookies</button></div>
<nav><ul><li>Home Council Meetings Contact</li></ul></nav>
{body}
<footer><p>Copyright Riverbend Parish Council</p></footer>
<script>trackVisitor();</script>
</body></html>
"""


def standard_page() -> Page:
    """The policy inside <main>: the easy case every extractor should get right."""
    return Page(_frame(f"<main>\n{policy_html()}\n</main>"))


def unknown_wrapper_page() -> Page:
    """The article inside a non-standard element (<description>) inside <div id="content">:
    the structure must survive the unknown tag."""
    return Page(_frame(f'<div id="content"><description>\n{policy_html()}\n</description></div>'))


def heredoc_php_page() -> Page:
    """A page saved from a PHP site: the HTML is the body of a heredoc, with interpolations."""
    body = policy_html().replace("Riverbend Parish Council Social", "$council Social")
    reference = [
        (kind, text.replace("Riverbend Parish Council Social", "Social"), level)
        for kind, text, level in POLICY
    ]
    source = (
        "<?php\n    include 'config.php';\n    $council = site_name();\n"
        f"    $page .= <<< END\n{body}\nEND;\n    echo $page;\n?>\n"
    )
    return Page(source, reference, furniture=["include", "config.php", "echo", "site_name"])


def php_messages_page() -> Page:
    """A whole PHP script, never closed, whose strings hold the page (a site's messages file):
    array keys, comments with apostrophes, escaped quotes, one-word labels and a heredoc."""
    half = len(POLICY) // 2
    first = policy_html(POLICY[:half]).replace("<h1>", '<h1 class=\\"title\\">')
    source = (
        "<?php\n/**\n * Messages for the policy page (it's generated; don't edit).\n */\n"
        "$messages = array();\n// The council's English strings\n$messages['en'] = array(\n"
        "\t'button-close' => \"Close\",\n"
        f"\t'policy-first-half' => \"{first}\",\n"
        "\t'button-accept' => 'Accept', # one word: a label, not text\n"
        f"\t'policy-second-half' => <<<EOT\n{policy_html(POLICY[half:])}\nEOT\n);\n"
    )
    return Page(source, furniture=["button-close", "$messages", "=>", "Messages for", "\\"])


def nested_page(depth: int) -> Page:
    """Valid but deep: the policy sits `depth` <div>s down, with more policy after it."""
    half = len(POLICY) // 2
    deep, after = policy_html(POLICY[:half]), policy_html(POLICY[half:])
    body = "<div>" * depth + deep + "</div>" * depth + "\n" + after
    return Page(_frame(f"<main>{body}</main>"))


def attribute_flood_page(attributes: int) -> Page:
    """One element with a great many attributes before the policy text."""
    flood = " ".join(f"data-x{number}='{number}'" for number in range(attributes))
    return Page(_frame(f"<main><div {flood}>\n{policy_html()}\n</div></main>"))


def stray_opener_page(opener: str) -> Page:
    """A stray server-code opener ("<?" or "<%") in prose, never closed, early in the policy."""
    source = _frame(f"<main>\n{policy_html()}\n</main>")
    marker = "<p>This policy explains"
    stray = f"Fees rise by {opener} each year."
    reference = [*POLICY[:2], (PARAGRAPH, stray, None), *POLICY[2:]]
    return Page(source.replace(marker, f"<p>{stray}</p>\n{marker}"), reference)


def policy_markdown() -> str:
    """The policy as Markdown, with front matter, a comment and a template tag."""
    lines = ["---", "title: Social media policy", "---", ""]
    for kind, text, level in POLICY:
        if kind == HEADING:
            lines += [f"{'#' * (level or 1)} {text}", ""]
        elif kind == LIST_ITEM:
            lines.append(f"- {text}")
        else:
            lines += ["", "<!-- reviewed\nby the Clerk -->", f"{text} {{{{< note >}}}}", ""]
    return "\n".join(lines) + "\n"
