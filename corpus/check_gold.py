"""Check the gold files of the gaplint evaluation corpus.

    python corpus/check_gold.py           # check every document in corpus/
    python corpus/check_gold.py --stats   # also print per-sub-point coverage counts

For every document NAME.EXT beside this script it verifies that NAME.gold.json exists, names the
document, lists the 38 sub-points GL101...GL904 exactly once and in order, has covered ==
bool(evidence), and that every evidence sentence occurs in the document's text (whitespace
normalised). PDF and DOCX evidence is checked against the sources in build.py and, in addition,
against the text extracted from the built files (pdfplumber / python-docx).
"""

from __future__ import annotations

import html.parser
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import ClassVar

HERE = Path(__file__).resolve().parent
ELEMENTS = [(1, 3), (2, 4), (3, 3), (4, 5), (5, 4), (6, 4), (7, 7), (8, 4), (9, 4)]
IDS = [f"GL{e}{s:02d}" for e, n in ELEMENTS for s in range(1, n + 1)]
DOC_EXTS = {".md", ".txt", ".html", ".htm", ".aspx", ".php", ".pdf", ".docx"}
NOT_DOCS = {"README.md", "FIRST-LOOK.md"}


def norm(text: str) -> str:
    return " ".join(text.split())


class _HTMLText(html.parser.HTMLParser):
    SKIP: ClassVar[set[str]] = {"script", "style", "head", "noscript"}
    BLOCK: ClassVar[set[str]] = {
        "p",
        "li",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "div",
        "br",
        "tr",
        "ul",
        "ol",
        "table",
        "section",
        "main",
        "header",
        "footer",
        "nav",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _load_build() -> object:
    spec = importlib.util.spec_from_file_location("corpus_build", HERE / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_build"] = module
    spec.loader.exec_module(module)
    return module


def texts_for(path: Path, build: object) -> list[tuple[str, str]]:
    """(label, normalised text) pairs that evidence must occur in."""
    ext = path.suffix.lower()
    if ext in (".md", ".txt"):
        raw = path.read_text(encoding="utf-8")
        if ext == ".md":
            raw = raw.replace("**", "").replace("*", "").replace("|", " ")
        return [("file", norm(raw))]
    if ext in (".html", ".htm", ".aspx", ".php"):
        parser = _HTMLText()
        parser.feed(path.read_text(encoding="utf-8"))
        return [("file", norm("".join(parser.parts)))]
    sources = {d["file"]: d["source"] for d in build.DOCS}  # type: ignore[attr-defined]
    out = []
    if path.name in sources:  # otherwise made by corpus/generators/ (36-43): the file alone
        out.append(("build.py source", norm(build.plain_text(sources[path.name]))))  # type: ignore[attr-defined]
    if ext == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        out.append(("docx text", norm("\n".join(parts))))
    elif ext == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            pages = [(page.extract_text() or "").splitlines() for page in pdf.pages]
        if out:  # build.py's PDFs: drop the running header and "Page N of M"
            lines = [line for page_lines in pages for line in page_lines[1:-1]]
        else:  # others: drop lines that run on at least half the pages, numbers aside
            def bare(line: str) -> str:
                return re.sub(r"\d+", "#", line.strip())

            runs = Counter(bare(line) for page_lines in pages for line in set(page_lines))
            running = {key for key, n in runs.items() if len(pages) > 1 and n * 2 >= len(pages)}
            lines = [line for page in pages for line in page if bare(line) not in running]
        text = " ".join(re.sub(r"^\u00b7\s*", "", line) for line in lines)
        text = re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a hyphen at a line's end
        out.append(("pdf text", norm(text)))
    return out


def check(stats: bool) -> int:
    build = _load_build()
    errors: list[str] = []
    coverage: dict[str, dict[str, bool]] = {}
    docs = sorted(
        p
        for p in HERE.iterdir()
        if p.suffix.lower() in DOC_EXTS
        and p.name not in NOT_DOCS
        and not p.name.endswith(".gold.json")
    )
    golds = sorted(HERE.glob("*.gold.json"))
    doc_names = {p.name for p in docs}
    for gold_path in golds:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        if data.get("document") not in doc_names:
            errors.append(f"{gold_path.name}: document {data.get('document')!r} not found")
    for doc in docs:
        gold_path = doc.with_name(doc.name.rsplit(".", 1)[0] + ".gold.json")
        if not gold_path.exists():
            errors.append(f"{doc.name}: no gold file")
            continue
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        if set(data) != {"document", "annotator", "subpoints"}:
            errors.append(f"{gold_path.name}: unexpected top-level keys {sorted(data)}")
        if data.get("document") != doc.name:
            found = data.get("document")
            errors.append(f"{gold_path.name}: document is {found!r}, not {doc.name!r}")
        subpoints = data.get("subpoints", {})
        if list(subpoints) != IDS:
            errors.append(f"{gold_path.name}: sub-point IDs are not GL101..GL904 in order")
        texts = texts_for(doc, build)
        coverage[doc.name] = {}
        for sid, entry in subpoints.items():
            covered, evidence = entry.get("covered"), entry.get("evidence")
            if (
                set(entry) != {"covered", "evidence"}
                or not isinstance(covered, bool)
                or not isinstance(evidence, list)
            ):
                errors.append(f"{gold_path.name} {sid}: malformed entry")
                continue
            if covered != bool(evidence):
                n = len(evidence)
                errors.append(f"{gold_path.name} {sid}: covered={covered} but {n} evidence")
            coverage[doc.name][sid] = covered
            for sentence in evidence:
                needle = norm(sentence)
                if doc.suffix.lower() == ".md":  # a quoted table row, as the file text is read
                    needle = norm(sentence.replace("**", "").replace("*", "").replace("|", " "))
                for label, text in texts:
                    if label == "pdf text":  # hyphens a PDF's text layer may drop or add
                        needle, text = needle.replace("-", ""), text.replace("-", "")
                    if needle not in text:
                        errors.append(f"{gold_path.name} {sid}: not in {label}: {needle[:70]!r}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(docs)} documents, {len(golds)} gold files, {len(errors)} errors")
    if stats:
        print()
        for name, cov in coverage.items():
            print(f"{sum(cov.values()):2d}/38  {name}")
        print()
        for sid in IDS:
            n = sum(cov.get(sid, False) for cov in coverage.values())
            flag = "" if 3 <= n <= len(coverage) - 3 else "   <-- unbalanced"
            print(f"{sid}: covered in {n:2d}, missing in {len(coverage) - n:2d}{flag}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(check("--stats" in sys.argv[1:]))
