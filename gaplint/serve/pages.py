"""The server's own pages (upload form, messages) and static files, from package data.

Rendered with autoescape on, as the report is: every string that came from a client or a
document is escaped. Scripts and styles are files served from here, so the page's
Content-Security-Policy can allow only 'self'.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from gaplint.discover import DEFAULT_INCLUDE
from gaplint.serve.checking import Judge
from gaplint.serve.settings import ServeSettings

STATIC_TYPES = {
    "serve.css": "text/css; charset=utf-8",
    "serve.js": "text/javascript; charset=utf-8",
}
# What the file chooser offers; anything else can still be dropped, and is sniffed.
ACCEPT = ",".join(pattern.lstrip("*") for pattern in DEFAULT_INCLUDE)


@dataclass(frozen=True)
class Static:
    body: bytes
    content_type: str


def static_file(name: str) -> Static | None:
    """One of our own files by its fixed name; no other name is ever looked up."""
    content_type = STATIC_TYPES.get(name)
    if content_type is None:
        return None
    body = resources.files("gaplint.serve").joinpath("static", name).read_bytes()
    return Static(body, content_type)


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:g}"


class Pages:
    def __init__(self, judge: Judge, settings: ServeSettings) -> None:
        self.judge = judge
        self.settings = settings
        self.env = Environment(
            loader=PackageLoader("gaplint.serve", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def upload(self) -> str:
        return self.env.get_template("upload.html.j2").render(
            judge=self.judge,
            accept=ACCEPT,
            max_files=self.settings.max_files,
            max_mb=_megabytes(self.settings.max_upload_bytes),
            keep_minutes=round(self.settings.result_seconds / 60),
        )

    def message(self, title: str, message: str) -> str:
        return self.env.get_template("message.html.j2").render(title=title, message=message)
