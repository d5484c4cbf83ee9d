"""Self-contained HTML report: a portfolio matrix plus one section per document.

Built only from the `Report` model (the same one `--format json` prints), so the HTML and
any dashboard reading the JSON can never disagree. The rule pack adds the wording a reader
needs to close a gap (recommendation, example clause), never the verdicts.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from itertools import chain

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from gaplint.report import (
    DocumentReport,
    ElementResult,
    ElementStatus,
    FindingKind,
    Report,
    SetMember,
    SetReport,
    SubpointResult,
    SubpointStatus,
    iter_gated,
)
from gaplint.reporters import Documents, RenderContext, with_documents
from gaplint.rules import RuleInfo, RulePack

TOP_MISSING = 10

# Status is always carried by text; the symbol and colour only repeat it.
SYMBOLS = {"covered": "✓", "partial": "◐", "missing": "✗", "unchecked": "–"}


@dataclass(frozen=True)
class Column:
    id: str
    title: str


@dataclass(frozen=True)
class Cell:
    element_id: str
    status: str  # covered | partial | missing | unchecked
    covered: int
    total: int
    anchor: str | None

    @property
    def word(self) -> str:
        return "not checked" if self.status == "unchecked" else self.status

    @property
    def share(self) -> str:
        return "" if self.status == "unchecked" else f"{self.covered}/{self.total}"

    @property
    def sort_key(self) -> str:
        # Unchecked sorts below missing so unreadable files never look "best".
        share = self.covered / self.total if self.total else -1.0
        return f"{share:.4f}"


@dataclass(frozen=True)
class SubpointView:
    result: SubpointResult
    recommendation: str
    example_clause: str
    rationale: str
    waiver_expired: bool

    @property
    def status(self) -> str:
        return self.result.status.value


@dataclass(frozen=True)
class ElementView:
    result: ElementResult
    anchor: str
    covered: int
    subpoints: list[SubpointView]


@dataclass(frozen=True)
class DocumentView:
    doc: DocumentReport
    anchor: str
    cells: list[Cell]
    elements: list[ElementView]
    covered: int
    total: int
    in_set: SetLink | None = None
    """The policy set the document is a member of, which judges it."""

    @property
    def state(self) -> str:
        if self.doc.error is not None:
            return "error"
        return "checked" if self.doc.judged else "not judged"


@dataclass(frozen=True)
class SetLink:
    name: str
    anchor: str


@dataclass(frozen=True)
class MemberView:
    member: SetMember
    anchor: str | None
    """The member's own section on the page."""

    @property
    def state(self) -> str:
        if self.member.error is not None:
            return f"error ({self.member.error.code})"
        if not self.member.judged:
            return "not judged"
        return f"{_percent(self.member.coverage)} on its own"


@dataclass(frozen=True)
class SetView:
    """A policy set's row in the matrix and its section, which drills down to its members."""

    set: SetReport
    anchor: str
    cells: list[Cell]
    elements: list[ElementView]
    covered: int
    total: int
    members: list[MemberView]

    @property
    def state(self) -> str:
        if not self.set.judged:
            return "not judged"
        return "checked" if self.set.complete else "incomplete"


@dataclass(frozen=True)
class ElementBar:
    column: Column
    covered: int
    partial: int
    missing: int

    @property
    def total(self) -> int:
        return self.covered + self.partial + self.missing

    def percent(self, count: int) -> float:
        return round(100 * count / self.total, 2) if self.total else 0.0


@dataclass(frozen=True)
class MissingCount:
    id: str
    title: str
    element: str
    count: int
    of: int


class DocumentViews:
    """The documents' views, made each time the page reads them (its contents, matrix and
    sections) from `report.documents`: a batch's spool is read a document at a time, so
    the page never holds every document's report."""

    def __init__(
        self,
        documents: Documents,
        columns: list[Column],
        words: Wording,
        set_of: dict[str, SetLink],
    ) -> None:
        self.documents = documents
        self.columns = columns
        self.words = words
        self.set_of = set_of

    def __iter__(self) -> Iterator[DocumentView]:
        for i, d in enumerate(self.documents, 1):
            texts = self.words.for_document(d)
            yield _document_view(i, d, self.columns, texts, self.set_of.get(d.path))

    def __len__(self) -> int:
        if isinstance(self.documents, Sized):
            return len(self.documents)
        return sum(1 for _ in self.documents)

    def __bool__(self) -> bool:
        return len(self) > 0


@dataclass
class Portfolio:
    report: Report
    columns: list[Column]
    documents: DocumentViews
    sets: list[SetView]
    bars: list[ElementBar]
    top_missing: list[MissingCount]
    judged: int
    """Policies checked: documents outside any set, and each set once."""
    checked_documents: int


def _columns(report: Report, rules: Wording) -> list[Column]:
    """Elements that the report actually judged, in checklist order."""
    seen: dict[str, str] = {}
    judged: Iterable[DocumentReport | SetReport] = chain(report.documents, report.sets)
    for doc in judged:
        for element in doc.elements:
            seen.setdefault(element.id, element.title)
    if not seen:
        return list(rules.elements)
    order = {c.id: i for i, c in enumerate(rules.elements)}
    ids = sorted(seen, key=lambda eid: (order.get(eid, len(order)), eid))
    return [Column(eid, seen[eid]) for eid in ids]


def _covered(element: ElementResult) -> int:
    return sum(1 for s in element.subpoints if s.status is SubpointStatus.COVERED)


@dataclass(frozen=True)
class RuleText:
    rationale: str
    recommendation: str
    example_clause: str


@dataclass(frozen=True)
class Wording:
    """What the page takes from the rules: element order and titles, advice per sub-point."""

    elements: list[Column]
    subpoints: dict[str, RuleText]
    localised: dict[str, dict[str, RuleText]] = field(default_factory=dict)
    """By jurisdiction code, the sub-points whose wording differs there."""

    def for_document(self, doc: DocumentReport) -> dict[str, RuleText]:
        """The advice worded for the document's jurisdiction."""
        code = doc.jurisdiction.code if doc.jurisdiction else ""
        return {**self.subpoints, **self.localised.get(code, {})}


def wording(pack: RulePack) -> Wording:
    elements = [Column(e.id, e.title) for e in pack.elements]
    infos = [sub.info(element.id) for element, sub in pack.subpoints()]
    texts = {i.id: _text(i) for i in infos}
    localised: dict[str, dict[str, RuleText]] = {}
    for element, sub in pack.subpoints():
        for code in sub.jurisdictions:
            info = sub.localised(code).info(element.id)
            localised.setdefault(code.value, {})[sub.id] = _text(info)
    return Wording(elements, texts, localised)


def _text(info: RuleInfo) -> RuleText:
    return RuleText(info.rationale, info.recommendation, info.example_clause)


def _subpoint_view(
    sub: SubpointResult,
    doc: DocumentReport | SetReport,
    texts: dict[str, RuleText],
    expired: set[str],
) -> SubpointView:
    text = texts.get(sub.id)
    if text is None:
        # A report saved with another rule pack: fall back to what the findings carry.
        advice = next((f.recommendation for f in doc.findings if f.rule == sub.id), "")
        text = RuleText("", advice, "")
    return SubpointView(
        sub, text.recommendation, text.example_clause, text.rationale, sub.id in expired
    )


@dataclass(frozen=True)
class _Judged:
    """What a document's and a set's views share: cells, elements and counts."""

    cells: list[Cell]
    elements: list[ElementView]
    covered: int
    total: int


def _anchor(index: int) -> str:
    return f"doc-{index}"


def _document_view(
    index: int,
    doc: DocumentReport,
    columns: list[Column],
    texts: dict[str, RuleText],
    in_set: SetLink | None = None,
) -> DocumentView:
    anchor = _anchor(index)
    judged = _judged(anchor, doc, columns, texts)
    return DocumentView(
        doc,
        anchor,
        judged.cells,
        judged.elements,
        judged.covered,
        judged.total,
        in_set,
    )


def _set_view(
    index: int,
    policy_set: SetReport,
    columns: list[Column],
    texts: dict[str, RuleText],
    anchors: dict[str, str],
) -> SetView:
    anchor = f"set-{index}"
    judged = _judged(anchor, policy_set, columns, texts)
    members = [MemberView(m, anchors.get(m.path)) for m in policy_set.members]
    return SetView(
        policy_set,
        anchor,
        judged.cells,
        judged.elements,
        judged.covered,
        judged.total,
        members,
    )


def _judged(
    anchor: str,
    doc: DocumentReport | SetReport,
    columns: list[Column],
    texts: dict[str, RuleText],
) -> _Judged:
    expired = {f.rule for f in doc.findings if f.kind is FindingKind.EXPIRED_WAIVER}
    by_id = {e.id: e for e in doc.elements}
    cells: list[Cell] = []
    for column in columns:
        element = by_id.get(column.id)
        if element is None:
            cells.append(Cell(column.id, "unchecked", 0, 0, None))
        else:
            cells.append(
                Cell(
                    column.id,
                    element.status.value,
                    _covered(element),
                    len(element.subpoints),
                    f"{anchor}-{element.id}",
                )
            )
    elements = [
        ElementView(
            e,
            f"{anchor}-{e.id}",
            _covered(e),
            [_subpoint_view(s, doc, texts, expired) for s in e.subpoints],
        )
        for e in doc.elements
    ]
    return _Judged(
        cells,
        elements,
        covered=sum(v.covered for v in elements),
        total=sum(len(e.subpoints) for e in doc.elements),
    )


def _bars(columns: list[Column], rows: Iterable[DocumentView | SetView]) -> list[ElementBar]:
    # One pass over the rows (documents come from a spool): a tally per column.
    tallies: list[Counter[str]] = [Counter() for _ in columns]
    for row in rows:
        for tally, cell in zip(tallies, row.cells):
            tally[cell.status] += 1
    bars = []
    for column, statuses in zip(columns, tallies):
        bars.append(
            ElementBar(
                column,
                statuses[ElementStatus.COVERED.value],
                statuses[ElementStatus.PARTIAL.value],
                statuses[ElementStatus.MISSING.value],
            )
        )
    return bars


def _top_missing(judged: Iterable[DocumentReport | SetReport]) -> tuple[list[MissingCount], int]:
    """The sub-points missing most often, and how many policies were judged (one pass)."""
    counts: Counter[str] = Counter()
    titles: dict[str, tuple[str, str]] = {}
    total = 0
    for doc in judged:
        total += 1
        for element in doc.elements:
            for sub in element.subpoints:
                titles[sub.id] = (sub.title, element.title)
                if sub.status is SubpointStatus.MISSING:
                    counts[sub.id] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_MISSING]
    top = [
        MissingCount(rule, titles[rule][0], titles[rule][1], count, total)
        for rule, count in ranked
    ]
    return top, total


def build_portfolio(report: Report, rules: RulePack) -> Portfolio:
    words = wording(rules)
    columns = _columns(report, words)
    set_of = {
        path: SetLink(s.name, f"set-{i}")
        for i, s in reversed(list(enumerate(report.sets, 1)))
        for path in s.paths
    }
    docs = DocumentViews(report.documents, columns, words, set_of)
    anchors = {d.path: _anchor(i) for i, d in enumerate(report.documents, 1)}
    sets = [
        _set_view(i, s, columns, words.subpoints, anchors) for i, s in enumerate(report.sets, 1)
    ]
    # The tallies count a policy set once, as the run's exit status does, not its members.
    outside: Iterable[DocumentView | SetView] = (view for view in docs if view.in_set is None)
    rows = chain(outside, sets)
    judged = (entry for entry in iter_gated(report.documents, report.sets) if entry.elements)
    top_missing, judged_count = _top_missing(judged)
    return Portfolio(
        report=report,
        columns=columns,
        documents=docs,
        sets=sets,
        bars=_bars(columns, rows),
        top_missing=top_missing,
        judged=judged_count,
        checked_documents=sum(1 for d in report.documents if d.elements),
    )


def _asset(name: str) -> str:
    return resources.files("gaplint").joinpath("templates", name).read_text(encoding="utf-8")


def _environment() -> Environment:
    # autoescape=True for every template: policy text is untrusted and is never marked safe.
    env = Environment(
        loader=PackageLoader("gaplint", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = _percent
    env.filters["section"] = _section
    env.filters["generated"] = _generated
    return env


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)} %"


def _generated(stamp: str) -> str:
    """`2026-01-01T00:00:00Z` as `2026-01-01 00:00 UTC`; anything else as saved."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _section(parts: list[str]) -> str:
    return " › ".join(parts)


def script_hash(script: str) -> str:
    """CSP hash of our one inline script, so nothing else inline can ever run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def content_security_policy() -> str:
    """The page's policy: inline styles, our one script by hash, nothing fetched or sent.
    A server showing the page sends it as a header too (gaplint serve)."""
    script = script_hash(_asset("sort.js"))
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src '{script}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True)
class PageLink:
    """A link shown above the report when a server shows it (`gaplint serve`'s downloads)."""

    label: str
    href: str
    download: bool = False


def render(report: Report, context: RenderContext) -> str:
    """The whole report as one HTML page with inline CSS and JS and no external requests.

    The context's pack supplies only wording (recommendation, example clause, rationale)
    and the element order; every status and count comes from `report`.
    """
    return render_page(report, context)


def render_page(report: Report, context: RenderContext, links: Sequence[PageLink] = ()) -> str:
    """`render`, with `links` (same-origin URLs) in a row of buttons under the header."""
    return "".join(_page(report, context, links))


def chunks(header: Report, documents: Documents, context: RenderContext) -> Iterator[str]:
    """The page as the template writes it, reading the documents as it goes: a batch's
    page (tens of megabytes for thousands of documents) is never held whole either."""
    return _page(with_documents(header, documents), context, ())


def _page(report: Report, context: RenderContext, links: Sequence[PageLink]) -> Iterator[str]:
    template = _environment().get_template("report.html.j2")
    return template.generate(
        p=build_portfolio(report, context.pack),
        symbols=SYMBOLS,
        # Our own static assets, read from the package: the only markup marked safe.
        css=Markup(_asset("report.css")),
        script=Markup(_asset("sort.js")),
        csp=Markup(content_security_policy()),
        links=links,
    )
