"""The located document model every reader produces; no parsing happens here."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gaplint.errors import ErrorCode, InputError
from gaplint.fields import split_field_run


class DocFormat(str, Enum):
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    DOC = "doc"
    RTF = "rtf"
    HTML = "html"
    MARKDOWN = "markdown"
    TEXT = "text"


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


class Block(BaseModel):
    """One unit of text with where it came from."""

    model_config = ConfigDict(frozen=True)

    kind: BlockKind
    text: str
    page: int | None = Field(default=None, description="1-based page; only for paged formats")
    line: int | None = Field(
        default=None,
        description="1-based source line where the block starts (Markdown, text, HTML)",
    )
    paragraph: int | None = Field(
        default=None,
        description="1-based DOCX paragraph number, counting w:p elements in the part's order",
    )
    section: list[str] = Field(default_factory=list, description="headings above this block")
    level: int | None = Field(default=None, description="heading level (1 = top) for headings")
    start: int = Field(description="offset of the block's text in Document.text")
    end: int
    source: Literal["ocr"] | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description='"ocr" for text read by OCR from a scanned page; absent for a text layer',
    )


class Metadata(BaseModel):
    title: str | None = None
    author: str | None = None
    created: str | None = None
    modified: str | None = None


class Skipped(BaseModel):
    """Content a reader saw but could not turn into blocks, so it is never dropped silently."""

    what: str
    count: int = 1
    detail: str | None = None


class ReadWarning(BaseModel):
    """Something the reader overruled or worked around, for the user to see."""

    code: str
    message: str

    def line(self, path: str) -> str:
        return f"{path}: warning[{self.code}]: {self.message}"


class Document(BaseModel):
    path: str
    format: DocFormat
    sha256: str
    pages: int | None = None
    metadata: Metadata = Field(default_factory=Metadata)
    blocks: list[Block] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    warnings: list[ReadWarning] = Field(
        default_factory=list,
        description="what the reader overruled, for the user to see (e.g. a mismatched type)",
    )

    @property
    def text(self) -> str:
        """The full text: blocks joined by blank lines; Block offsets index into it."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.blocks)


# A block costs about 1.5 KB read and twice that judged: a 4 MB Markdown table of 20,000
# columns (2.2 million cells) took 3.9 GB and a minute. Real policies have under 1,000
# blocks; 100,000 is 50 a page at the 2,000-page limit.
MAX_BLOCKS = 100_000


class DocumentBuilder:
    """Accumulates blocks, tracking the heading path and offsets, so readers stay simple.
    Past MAX_BLOCKS it refuses the document (too-large) while reading, before the memory
    is spent."""

    SEPARATOR = "\n\n"

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._headings: list[tuple[int, str]] = []
        self._offset = 0

    @property
    def section(self) -> list[str]:
        return [text for _, text in self._headings]

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int | None = None,
        level: int | None = None,
        line: int | None = None,
        paragraph: int | None = None,
    ) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if kind is BlockKind.PARAGRAPH:
            fields = split_field_run(text)
            if fields:  # a title block's fields run into one line: one block each
                for field in fields:
                    self._add(kind, field, page=page, level=level, line=line, paragraph=paragraph)
                return
        self._add(kind, text, page=page, level=level, line=line, paragraph=paragraph)

    def _add(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int | None,
        level: int | None,
        line: int | None,
        paragraph: int | None,
    ) -> None:
        if kind is BlockKind.HEADING:
            level = level or 1
            while self._headings and self._headings[-1][0] >= level:
                self._headings.pop()
        if len(self.blocks) >= MAX_BLOCKS:
            raise InputError(
                ErrorCode.TOO_LARGE,
                f"over {MAX_BLOCKS:,} blocks (paragraphs, list items, table cells); "
                "not a policy gaplint can judge",
            )
        start = self._offset + (len(self.SEPARATOR) if self.blocks else 0)
        # model_construct: every field is built right here, so validation would only cost time
        # (it was a tenth of reading an 800-page PDF).
        self.blocks.append(
            Block.model_construct(
                kind=kind,
                text=text,
                page=page,
                line=line,
                paragraph=paragraph,
                section=self.section,
                level=level if kind is BlockKind.HEADING else None,
                start=start,
                end=start + len(text),
            )
        )
        self._offset = start + len(text)
        if kind is BlockKind.HEADING:
            self._headings.append((level or 1, text))

    def add_apart(
        self,
        label: str,
        kind: BlockKind,
        text: str,
        *,
        page: int | None = None,
        line: int | None = None,
        paragraph: int | None = None,
    ) -> None:
        """Text outside the body's flow (page headers and footers, footnotes), added under a
        section of its own, e.g. ["(footer)"], so it never joins the body's headings."""
        before = len(self.blocks)
        kind = BlockKind.PARAGRAPH if kind is BlockKind.HEADING else kind
        self.add(kind, text, page=page, line=line, paragraph=paragraph)
        if len(self.blocks) > before:
            self.blocks[-1] = self.blocks[-1].model_copy(update={"section": [label]})
