"""`gaplint eval`: accuracy against gold files, as defined in the project's metrics spec.

Gaps are the positive class. All (document, sub-point) decisions are pooled. A naive keyword
baseline (covered if any of the sub-point's keywords appears anywhere) is scored beside it.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from gaplint.api import Checker
from gaplint.discover import glob_match
from gaplint.errors import InputError
from gaplint.readers import read_document
from gaplint.report import DocumentReport, SetReport, SubpointStatus
from gaplint.rules import RulePack
from gaplint.sets import judge_set
from gaplint.user_files import read_user_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 needs the backport
    import tomli as tomllib

EVIDENCE_OVERLAP = 0.6


class GoldSubpoint(BaseModel):
    covered: bool
    evidence: list[str] = Field(default_factory=list)


class Gold(BaseModel):
    document: str
    annotator: str = ""
    subpoints: dict[str, GoldSubpoint]


class Scores(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold_gap: bool, system_gap: bool) -> None:
        if gold_gap and system_gap:
            self.tp += 1
        elif system_gap:
            self.fp += 1
        elif gold_gap:
            self.fn += 1
        else:
            self.tn += 1

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return round(precision, 4), round(recall, 4), round(f1, 4)

    @property
    def gap(self) -> tuple[float, float, float]:
        return self._f1(self.tp, self.fp, self.fn)

    @property
    def covered(self) -> tuple[float, float, float]:
        return self._f1(self.tn, self.fn, self.fp)


class Error(BaseModel):
    kind: str = Field(description="false-alarm (reported gap, gold covered) or miss")
    document: str
    rule: str
    system_evidence: list[str] = Field(default_factory=list)
    gold_evidence: list[str] = Field(default_factory=list)


class SystemScore(BaseModel):
    gap_precision: float
    gap_recall: float
    gap_f1: float
    covered_precision: float
    covered_recall: float
    covered_f1: float
    element_accuracy: float
    decisions: int


class DocumentScore(BaseModel):
    gaplint: SystemScore
    baseline: SystemScore
    evidence_match: float | None
    judged: bool = True


class SetScore(BaseModel):
    """A policy set scored as one: its gold is the union of its members' gold (a sub-point
    is covered when any member's gold covers it), gaplint's verdict the set's."""

    members: list[str]
    gaplint: SystemScore
    baseline: SystemScore
    evidence_match: float | None
    one_by_one: SystemScore = Field(
        description="the same members judged one by one against their own gold, pooled"
    )


class EvalResult(BaseModel):
    folder: str
    documents: list[str]
    skipped: list[str] = Field(
        default_factory=list,
        description="documents with gold that were not judged (unreadable, other language); "
        "they are scored as if nothing were covered",
    )
    gaplint: SystemScore
    baseline: SystemScore
    evidence_match: float | None
    per_element: dict[str, SystemScore]
    per_subpoint: dict[str, SystemScore]
    per_document: dict[str, DocumentScore] = Field(default_factory=dict)
    sets: dict[str, SetScore] = Field(
        default_factory=dict, description="policy sets scored as one (eval --set, --sets)"
    )
    errors: list[Error]


@dataclass
class _Tally:
    pooled: Scores = field(default_factory=Scores)
    elements_right: int = 0
    elements_total: int = 0
    by_element: dict[str, Scores] = field(default_factory=dict)
    by_subpoint: dict[str, Scores] = field(default_factory=dict)
    element_hits: dict[str, list[int]] = field(default_factory=dict)

    def score(self, pooled: Scores | None = None, hits: list[int] | None = None) -> SystemScore:
        pooled = pooled or self.pooled
        gp, gr, gf = pooled.gap
        cp, cr, cf = pooled.covered
        right, total = hits if hits else (self.elements_right, self.elements_total)
        return SystemScore(
            gap_precision=gp,
            gap_recall=gr,
            gap_f1=gf,
            covered_precision=cp,
            covered_recall=cr,
            covered_f1=cf,
            element_accuracy=round(right / total, 4) if total else 1.0,
            decisions=pooled.tp + pooled.fp + pooled.fn + pooled.tn,
        )

    def add_document(self, pack: RulePack, gold: Gold, covered: set[str]) -> None:
        for element in pack.elements:
            ids = [sub.id for sub in element.subpoints if sub.id in gold.subpoints]
            if not ids:
                continue
            for rule_id in ids:
                gold_gap = not gold.subpoints[rule_id].covered
                system_gap = rule_id not in covered
                self.pooled.add(gold_gap, system_gap)
                self.by_element.setdefault(element.id, Scores()).add(gold_gap, system_gap)
                self.by_subpoint.setdefault(rule_id, Scores()).add(gold_gap, system_gap)
            right = _status(ids, covered) == _status(
                ids, {i for i in ids if gold.subpoints[i].covered}
            )
            self.elements_right += right
            self.elements_total += 1
            hits = self.element_hits.setdefault(element.id, [0, 0])
            hits[0] += right
            hits[1] += 1


def _status(ids: list[str], covered: set[str]) -> str:
    n = sum(1 for i in ids if i in covered)
    return "covered" if n == len(ids) else "partial" if n else "missing"


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def evidence_matches(system: Iterable[str], gold: Iterable[str]) -> bool:
    """True when a cited sentence shares >= 60% of the shorter sentence's words with a gold one."""
    gold_sets = [set(_words(g)) for g in gold]
    for sentence in system:
        words = set(_words(sentence))
        for gold_words in gold_sets:
            shorter = min(len(words), len(gold_words))
            if shorter and len(words & gold_words) / shorter >= EVIDENCE_OVERLAP:
                return True
    return False


GOLD_SUFFIX = ".gold.json"


def find_gold(paths: Path | Iterable[Path]) -> list[tuple[Path, Path]]:
    """(document, gold file) pairs: each gold file under a folder, or a document's own one."""
    gold_paths: list[Path] = []
    for path in [paths] if isinstance(paths, Path) else paths:
        if path.is_dir():
            gold_paths += sorted(path.rglob(f"*{GOLD_SUFFIX}"))
        elif path.name.endswith(GOLD_SUFFIX):
            gold_paths.append(path)
        else:
            gold_paths.append(path.with_name(path.name.rsplit(".", 1)[0] + GOLD_SUFFIX))
    pairs = []
    for gold_path in gold_paths:
        name = json.loads(gold_path.read_text(encoding="utf-8")).get("document", "")
        pairs.append((gold_path.parent / name, gold_path))
    return pairs


@dataclass
class _Evidence:
    total: int = 0
    good: int = 0

    @property
    def share(self) -> float | None:
        return round(self.good / self.total, 4) if self.total else None


@dataclass
class _Scored:
    """One document (or set) as the eval loop saw it."""

    gold: Gold
    report: DocumentReport | SetReport | None
    keyword_covered: set[str]


@dataclass
class _Run:
    """The pooled tallies of an eval run, and what one scored document (or set) adds."""

    pack: RulePack
    ours: _Tally = field(default_factory=_Tally)
    baseline: _Tally = field(default_factory=_Tally)
    evidence: _Evidence = field(default_factory=_Evidence)
    errors: list[Error] = field(default_factory=list)

    def score(self, name: str, unit: _Scored, pooled: bool = True) -> DocumentScore:
        """Score one document or set; `pooled` adds it to the run's own figures too."""
        covered = _covered(unit.report) if unit.report else set()
        mine, keywords, own_evidence = _Tally(), _Tally(), _Evidence()
        for tally in (self.ours, mine) if pooled else (mine,):
            tally.add_document(self.pack, unit.gold, covered)
        for tally in (self.baseline, keywords) if pooled else (keywords,):
            tally.add_document(self.pack, unit.gold, unit.keyword_covered)
        known = {s.id for _, s in self.pack.subpoints()}
        for rule_id, label in unit.gold.subpoints.items():
            if rule_id not in known:
                continue
            cited = [e.text for e in unit.report.subpoint(rule_id).evidence] if unit.report else []
            if label.covered and rule_id in covered:
                matched = evidence_matches(cited, label.evidence)
                for tally_evidence in (self.evidence, own_evidence) if pooled else (own_evidence,):
                    tally_evidence.total += 1
                    tally_evidence.good += matched
            elif label.covered != (rule_id in covered) and pooled:
                self.errors.append(
                    Error(
                        kind="false-alarm" if label.covered else "miss",
                        document=name,
                        rule=rule_id,
                        system_evidence=cited,
                        gold_evidence=label.evidence,
                    )
                )
        return DocumentScore(
            gaplint=mine.score(),
            baseline=keywords.score(),
            evidence_match=own_evidence.share,
            judged=unit.report is not None,
        )


def evaluate(
    paths: Path | Iterable[Path], checker: Checker, sets: Sequence[EvalSet] = ()
) -> EvalResult:
    """Score every document with a gold file. A document gaplint could not judge (unreadable,
    another language) counts as covering nothing: that is what its user was told. Each set
    in `sets` (and in a folder's sets.toml) is scored as one as well."""
    pack = checker.compiled.pack
    run = _Run(pack)
    documents: list[str] = []
    skipped: list[str] = []
    per_document: dict[str, DocumentScore] = {}
    scored: dict[Path, _Scored] = {}
    path_list = [paths] if isinstance(paths, Path) else list(paths)
    for doc_path, gold_path in find_gold(path_list):
        gold = Gold.model_validate_json(gold_path.read_text(encoding="utf-8"))
        report, text = _judge(doc_path, checker)
        if report is None or not report.judged:
            skipped.append(text if report is None else _not_judged_line(doc_path, report))
            report, text = None, ""
        documents.append(doc_path.name)
        unit = _Scored(gold, report, _keyword_covered(pack, text))
        scored[doc_path] = unit
        per_document[doc_path.name] = run.score(doc_path.name, unit)
    set_scores = {
        declared.name: _score_set(declared, scored, run)
        for declared in [*folder_sets(path_list), *sets]
    }
    folders = {str(p if p.is_dir() else p.parent) for p in path_list}
    ours = run.ours
    return EvalResult(
        folder=", ".join(sorted(folders)),
        documents=documents,
        skipped=skipped,
        gaplint=ours.score(),
        baseline=run.baseline.score(),
        evidence_match=run.evidence.share,
        per_element={
            k: ours.score(v, ours.element_hits[k]) for k, v in sorted(ours.by_element.items())
        },
        per_subpoint={k: ours.score(v, [0, 0]) for k, v in sorted(ours.by_subpoint.items())},
        per_document=per_document,
        sets=set_scores,
        errors=run.errors,
    )


# --- sets ---------------------------------------------------------------------------------

SETS_FILE = "sets.toml"


@dataclass(frozen=True)
class EvalSet:
    """A set to score: its members are the scored documents whose path matches a glob
    (relative to `folder`), or, without globs, every scored document (`eval --set NAME`)."""

    name: str
    globs: tuple[str, ...] = ()
    folder: Path | None = None

    def members(self, documents: Iterable[Path]) -> list[Path]:
        if not self.globs:
            return sorted(documents)
        found = []
        folder = os.path.abspath(self.folder or Path.cwd())
        for path in documents:
            # relpath, not paths.relative_to: a set file may name documents beside its folder.
            rel = Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()
            if any(glob_match(rel, glob) for glob in self.globs):
                found.append(path)
        return sorted(found)


def read_sets_file(path: Path) -> list[EvalSet]:
    """`[[sets]]` tables with `name` and `paths` (globs relative to the file's folder), as
    `[[tool.gaplint.sets]]` takes them; a mistake is a ConfigError naming the file."""
    from gaplint.config import ConfigError, SetsFile, check_set_names, key_error

    try:
        data = tomllib.loads(read_user_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        raise ConfigError(f"{path}: not a sets file: {error or 'nested too deeply'}") from None
    try:
        declared = SetsFile.model_validate(data).sets
    except ValidationError as error:
        raise ConfigError(f"{path}: {key_error(error)}") from None
    check_set_names(path, declared)
    return [EvalSet(s.name, tuple(s.paths), path.parent) for s in declared]


def folder_sets(paths: Iterable[Path]) -> list[EvalSet]:
    """The sets in each evaluated folder's sets.toml, beside its gold files."""
    found: list[EvalSet] = []
    for path in paths:
        if path.is_dir() and (path / SETS_FILE).is_file():
            found += read_sets_file(path / SETS_FILE)
    return found


def _union_gold(name: str, golds: list[Gold]) -> Gold:
    """Covered when any member's gold covers it, with every member's evidence sentences."""
    merged: dict[str, GoldSubpoint] = {}
    for gold in golds:
        for rule_id, label in gold.subpoints.items():
            known = merged.setdefault(rule_id, GoldSubpoint(covered=False))
            known.covered = known.covered or label.covered
            known.evidence = [*known.evidence, *label.evidence]
    return Gold(document=name, annotator="union of members", subpoints=merged)


def _score_set(declared: EvalSet, scored: dict[Path, _Scored], run: _Run) -> SetScore:
    members = declared.members(scored)
    units = [scored[path] for path in members]
    reports = [unit.report for unit in units if isinstance(unit.report, DocumentReport)]
    union = _Scored(
        _union_gold(declared.name, [unit.gold for unit in units]),
        judge_set(declared.name, reports, run.pack) if reports else None,
        set().union(*(unit.keyword_covered for unit in units)),
    )
    as_one = run.score(declared.name, union, pooled=False)
    one_by_one = _Tally()
    for unit in units:
        covered = _covered(unit.report) if unit.report else set()
        one_by_one.add_document(run.pack, unit.gold, covered)
    return SetScore(
        members=[path.name for path in members],
        gaplint=as_one.gaplint,
        baseline=as_one.baseline,
        evidence_match=as_one.evidence_match,
        one_by_one=one_by_one.score(),
    )


def _judge(path: Path, checker: Checker) -> tuple[DocumentReport | None, str]:
    """The report and the text read, or (None, the error line) for an unreadable document."""
    try:
        document = read_document(path, checker.limits)
    except InputError as error:
        return None, error.line()
    return checker.check_document(document), document.text


def _not_judged_line(path: Path, report: DocumentReport) -> str:
    reason = report.notices[0].message if report.notices else "not judged"
    return f"{path}: not judged ({reason})"


def _covered(report: DocumentReport | SetReport) -> set[str]:
    return {
        sub.id
        for element in report.elements
        for sub in element.subpoints
        if sub.status is SubpointStatus.COVERED
    }


def _keyword_covered(pack: RulePack, text: str) -> set[str]:
    lowered = " ".join(text.lower().split())
    return {
        sub.id
        for _, sub in pack.subpoints()
        if any(keyword.lower() in lowered for keyword in sub.keywords)
    }


def render_eval(result: EvalResult) -> str:
    def row(name: str, s: SystemScore) -> str:
        return (
            f"{name:<10} {s.gap_precision:>7.3f} {s.gap_recall:>7.3f} {s.gap_f1:>7.3f} "
            f"{s.covered_f1:>9.3f} {s.element_accuracy:>8.3f} {s.decisions:>6}"
        )

    header = (
        f"{'':<10} {'gap P':>7} {'gap R':>7} {'gap F1':>7} {'cov. F1':>9} {'elem.':>8} {'n':>6}"
    )
    lines = [f"gaplint eval {result.folder}: {len(result.documents)} documents", header]
    lines.append(row("gaplint", result.gaplint))
    lines.append(row("keywords", result.baseline))
    if result.evidence_match is not None:
        lines.append(f"evidence match (cited sentence is a gold one): {result.evidence_match:.3f}")
    lines += ["", "per element", header]
    lines += [row(k, v) for k, v in result.per_element.items()]
    lines += ["", "per sub-point", header]
    lines += [row(k, v) for k, v in result.per_subpoint.items()]
    lines += ["", "per document", header.replace("          ", f"{'':<10}", 1)]
    for name, score in result.per_document.items():
        evidence = "" if score.evidence_match is None else f"  evidence {score.evidence_match:.2f}"
        lines.append(row(name[:10], score.gaplint) + evidence + f"  {name}")
    if result.sets:
        lines += ["", "per policy set (gold: the union of its members'; scored as one)", header]
    for name, set_score in result.sets.items():
        share = set_score.evidence_match
        evidence = "" if share is None else f"  evidence {share:.2f}"
        lines.append(row("as one", set_score.gaplint) + evidence + f"  {name}")
        lines.append(row("keywords", set_score.baseline))
        lines.append(row("1 by 1", set_score.one_by_one) + f"  {', '.join(set_score.members)}")
    for skipped in result.skipped:
        lines.append(f"not judged (scored as covering nothing): {skipped}")
    if result.errors:
        lines += ["", "errors"]
    for err in result.errors:
        lines.append(f"{err.kind:<12} {err.rule} {err.document}")
        for text in err.system_evidence[:2]:
            lines.append(f"    cited: {text[:200]}")
        for text in err.gold_evidence[:2]:
            lines.append(f"    gold:  {text[:200]}")
    return "\n".join(lines)
