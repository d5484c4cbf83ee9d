"""What every reader shares: limits, the result type and the reader signature."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gaplint.document import Block, Metadata, ReadWarning, Skipped

OcrMode = Literal["off", "auto"]
MAX_SECONDS = 1_000_000  # 11.6 days: any longer is no limit, which 0 already says


class Limits(BaseModel):
    """Safety limits on input; configurable, with defaults that stop abuse but fit real policies."""

    model_config = ConfigDict(extra="forbid")

    max_bytes: int = Field(default=50_000_000, ge=0, description="largest file read, in bytes")
    max_pages: int = Field(default=2_000, ge=0, description="most PDF pages read")
    max_uncompressed_bytes: int = Field(
        default=200_000_000,
        ge=0,
        description="largest total uncompressed size of a DOCX (zip) file",
    )
    max_compression_ratio: int = Field(
        default=200, ge=0, description="largest uncompressed/compressed ratio of one DOCX part"
    )
    # Times are capped (TOML allows `inf`): a timer past the platform's time_t overflowed.
    timeout_seconds: float = Field(
        default=60,
        ge=0,
        le=MAX_SECONDS,
        description="longest time one document may take (0: no limit)",
    )
    ocr: OcrMode = Field(
        default="off",
        description="read PDF pages without a text layer by OCR (Tesseract): off or auto; "
        "set by the top-level `ocr` key or `--ocr`",
    )
    ocr_page_seconds: float = Field(
        default=60,
        ge=0,
        le=MAX_SECONDS,
        description="longest time OCR of one page may take (0: no limit)",
    )
    convert_seconds: float = Field(
        default=60,
        ge=0,
        le=MAX_SECONDS,
        description="longest time LibreOffice may take to convert a .doc or .rtf (0: no limit)",
    )


@dataclass
class ReadResult:
    """A reader's output; `read_document` adds path, format and hash to make a Document."""

    blocks: list[Block]
    pages: int | None = None
    metadata: Metadata = field(default_factory=Metadata)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    """What the reader worked around (pages read by OCR), for the report's notices."""


Reader = Callable[[bytes, Limits], ReadResult]
