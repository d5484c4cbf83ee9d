"""The Python API, and the one check path: bytes or a file → Document → hits → DocumentReport.

`gaplint check` (gaplint.run) calls this same Checker. Importing it costs no spaCy: a Checker
is built from its options and compiles its rule pack on first use, so a batch whose documents
are all cached never loads the NLP stack.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from gaplint.document import Document
from gaplint.errors import InputError
from gaplint.readers import Limits, read_bytes, read_document
from gaplint.report import DocumentError, DocumentReport, SetReport
from gaplint.selection import Selection

if TYPE_CHECKING:
    from gaplint.engine import CompiledPack


@lru_cache(maxsize=4)
def _compiled(
    rule_dirs: tuple[Path, ...], builtin: bool, model: str | None, cache_dir: Path | None
) -> CompiledPack:
    # Keyed on every option that changes the compiled pack, so each pack is compiled (or
    # loaded from the cache folder) once per process: a worker process on its first document.
    from gaplint.spacy_import import import_spacy

    import_spacy()  # before anything else imports spaCy, so its CLI can be left out
    from gaplint.pack_cache import compiled_pack
    from gaplint.rules import load_pack

    return compiled_pack(load_pack(rule_dirs, builtin, cache=cache_dir), model, cache_dir)


class Checker:
    """Checks documents against one rule pack; plain options, so it pickles to workers."""

    def __init__(
        self,
        rule_dirs: Iterable[Path | str] = (),
        model: str | None = None,
        selection: Selection | None = None,
        limits: Limits | None = None,
        builtin: bool = True,
        cache_dir: Path | str | None = None,
    ) -> None:
        """`builtin=False` uses only the given rule folders (a pack of one's own). With
        `cache_dir`, the validated and the compiled rule pack are kept there, so the next
        process loads them instead of compiling; without it, they are compiled in memory."""
        self.rule_dirs = tuple(Path(d).resolve() for d in rule_dirs)
        self.cache_dir = Path(cache_dir).resolve() if cache_dir is not None else None
        self.model = model
        self.builtin = builtin
        self.selection = selection or Selection()
        self.limits = limits or Limits()

    @property
    def compiled(self) -> CompiledPack:
        """The compiled rule pack and pipeline, built on first use."""
        return _compiled(self.rule_dirs, self.builtin, self.model, self.cache_dir)

    def check_document(
        self, document: Document, selection: Selection | None = None
    ) -> DocumentReport:
        """Judge a Document; `selection` overrides the Checker's own for this document."""
        from gaplint.judge import chosen_rules, judge, not_judged
        from gaplint.jurisdiction import decide
        from gaplint.language import detect_language

        compiled = self.compiled
        language = detect_language(document.text)
        if language != compiled.pack.language:
            return not_judged(document, language, compiled.pack.language)
        selection = selection or self.selection
        hits = compiled.hits(document, chosen_rules(compiled.pack, selection))
        jurisdiction = decide(document.text, compiled.pack.jurisdictions, selection.jurisdiction)
        return judge(compiled.pack, document, hits, selection, jurisdiction)

    def check_bytes(
        self, data: bytes, name: str, selection: Selection | None = None
    ) -> DocumentReport:
        """Read and judge a document held in memory; `name` is shown in the report."""
        try:
            document = read_bytes(data, name, self.limits)
        except InputError as error:
            return error_report(error)
        return self.check_document(document, selection)

    def check_path(self, path: str | Path, selection: Selection | None = None) -> DocumentReport:
        """Read and judge a file; input problems come back in `report.error`."""
        try:
            document = read_document(path, self.limits)
        except InputError as error:
            return error_report(error)
        return self.check_document(document, selection)

    def check_set(self, name: str, paths: Iterable[str | Path]) -> SetReport:
        """Check each file, then judge them as one policy set named `name` (a sub-point is
        covered when any member covers it; see gaplint.sets). Each member's own report is in
        `check_path`'s; call gaplint.sets.judge_set on reports already held."""
        return self._judge_set(name, [self.check_path(path) for path in paths])

    def check_set_bytes(self, name: str, files: Iterable[tuple[bytes, str]]) -> SetReport:
        """As check_set, for documents held in memory as (data, name) pairs (uploads)."""
        return self._judge_set(name, [self.check_bytes(data, shown) for data, shown in files])

    def _judge_set(self, name: str, members: list[DocumentReport]) -> SetReport:
        from gaplint.sets import judge_set

        return judge_set(name, members, self.compiled.pack)


def error_report(error: InputError) -> DocumentReport:
    """The report of a document that could not be read."""
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
    cache_dir: Path | str | None = None,
) -> DocumentReport:
    """Check one document; input problems come back in `report.error`, never as exceptions.
    With `cache_dir`, the compiled rule pack is kept there for the next process."""
    return Checker(rule_dirs, model, selection, cache_dir=cache_dir).check_path(path)
