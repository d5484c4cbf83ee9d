"""The Python API: read, analyse and judge documents with a rule pack compiled once."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from gaplint.document import Document
from gaplint.engine import CompiledPack, compile_pack
from gaplint.errors import InputError
from gaplint.judge import Selection, judge, not_judged
from gaplint.language import detect_language
from gaplint.nlp import build_pipeline
from gaplint.readers import Limits, read_document
from gaplint.report import DocumentError, DocumentReport
from gaplint.rules import load_pack


@lru_cache(maxsize=4)
def _compiled(rule_dirs: tuple[Path, ...], builtin: bool, model: str | None) -> CompiledPack:
    return compile_pack(load_pack(rule_dirs, builtin), build_pipeline(model))


class Checker:
    """Holds the compiled rules and pipeline so a batch pays for them once."""

    def __init__(
        self,
        rule_dirs: Iterable[Path | str] = (),
        model: str | None = None,
        selection: Selection | None = None,
        limits: Limits | None = None,
        builtin: bool = True,
    ) -> None:
        """`builtin=False` uses only the given rule folders (a pack of one's own)."""
        self.compiled = _compiled(tuple(Path(d).resolve() for d in rule_dirs), builtin, model)
        self.selection = selection or Selection()
        self.limits = limits or Limits()

    def check_document(self, document: Document) -> DocumentReport:
        language = detect_language(document.text)
        if language != self.compiled.pack.language:
            return not_judged(document, language, self.compiled.pack.language)
        sentences = self.compiled.find(document)
        return judge(self.compiled, document, sentences, self.selection)

    def check_path(self, path: str | Path) -> DocumentReport:
        try:
            document = read_document(path, self.limits)
        except InputError as error:
            return error_report(error)
        return self.check_document(document)


def error_report(error: InputError) -> DocumentReport:
    return DocumentReport(
        path=error.path,
        judged=False,
        error=DocumentError(code=error.code.value, message=error.message),
    )


def check(
    path: str | Path,
    rule_dirs: Iterable[Path | str] = (),
    model: str | None = None,
    selection: Selection | None = None,
) -> DocumentReport:
    """Check one document; input problems come back in `report.error`, never as exceptions."""
    return Checker(rule_dirs, model, selection).check_path(path)
