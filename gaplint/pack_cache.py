"""The compiled rule pack kept in the cache folder, so a cold run loads it instead of compiling.

What is kept is the pack's atom plan (gaplint.atoms): the token hashes of every phrase term,
the normalised token patterns, the regex sources and the stems of the words met, in JSON
(never pickle: the cache folder may be shared, and a file there is data, not code). Its
header says what it was compiled for: the format, gaplint's and spaCy's versions, the
pack's digest (every rule file's name and bytes), the pipeline, the stemmer and a hash of the
compiler's own modules. A file whose
header differs, or that is damaged, truncated or does not fit the pack, is compiled afresh
and replaced; one that cannot be written leaves the run compiling in memory, as without a
cache. The predicates are rebuilt from the validated pack on every load: that is cheap.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from gaplint import __version__
from gaplint.atoms import AtomPlan
from gaplint.cache import prepare_folder, read_regular_file
from gaplint.engine import CompiledPack, compile_with_plan
from gaplint.nlp import STEMMER, build_pipeline, forget_stems, seed_stems
from gaplint.paths import atomic_write
from gaplint.rules import RulePack

FORMAT_VERSION = 1
PACKS_FOLDER = "packs"
"""The subfolder of the cache folder that holds compiled packs."""
MAX_PACK_BYTES = 32_000_000
"""A compiled pack larger than this is damage: it is not read (the built-in one: ~0.4 MB)."""
DEFAULT_PIPELINE = "blank:en"


class PackHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format: int
    gaplint: str
    spacy: str
    pack: str
    """RulePack.digest: a hash of every rule file's name and bytes."""
    model: str
    stemmer: str
    code: str
    """A hash of the modules that shape a plan, so a changed compiler (between releases,
    while developing) never loads a plan the old one made."""


class StoredPack(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    header: PackHeader
    plan: AtomPlan


def code_digest() -> str:
    import gaplint.atoms
    import gaplint.engine
    import gaplint.nlp
    import gaplint.regex_budget
    import gaplint.rules
    import gaplint.sequence

    modules = (
        gaplint.atoms, gaplint.engine, gaplint.nlp, gaplint.regex_budget, gaplint.rules,
        gaplint.sequence,
    )  # fmt: skip
    digest = hashlib.sha256()
    for module in modules:
        with contextlib.suppress(OSError, TypeError):  # no source file: the version decides
            digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()


def pipeline_id(model: str | None) -> str | None:
    """The pipeline as the header names it; None for a trained pipeline whose version cannot
    be found (a folder), which is then compiled in memory every time."""
    if model is None:
        return DEFAULT_PIPELINE
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}=={version(model)}"
    except (PackageNotFoundError, ValueError):
        return None


def header_for(pack: RulePack, model: str | None) -> PackHeader | None:
    from spacy.about import __version__ as spacy_version

    pipeline = pipeline_id(model)
    if pipeline is None or not pack.digest:
        return None
    return PackHeader(
        format=FORMAT_VERSION,
        gaplint=__version__,
        spacy=spacy_version,
        pack=pack.digest,
        model=pipeline,
        stemmer=STEMMER.name,
        code=code_digest(),
    )


def pack_path(folder: Path, header: PackHeader) -> Path:
    key = hashlib.sha256(header.model_dump_json().encode()).hexdigest()
    return folder / PACKS_FOLDER / f"{key[:32]}.json"


def read_plan(folder: Path, header: PackHeader) -> AtomPlan | None:
    """The stored plan for exactly this header; None when missing, damaged or foreign."""
    data = read_regular_file(pack_path(folder, header), MAX_PACK_BYTES)
    if data is None:
        return None
    try:
        stored = StoredPack.model_validate_json(data)
    except (ValidationError, ValueError):
        return None
    return stored.plan if stored.header == header else None


def write_plan(folder: Path, header: PackHeader, plan: AtomPlan) -> None:
    # A read-only or missing folder only costs the next run a compile.
    with contextlib.suppress(OSError):
        prepare_folder(folder)
        stored = StoredPack(header=header, plan=plan)
        atomic_write(pack_path(folder, header), stored.model_dump_json())


def compiled_pack(pack: RulePack, model: str | None, folder: Path | None) -> CompiledPack:
    """The pack compiled for the pipeline: loaded from `folder` when it holds it, else
    compiled and stored there. Without a folder, compiled in memory."""
    header = header_for(pack, model) if folder is not None else None
    stored = read_plan(folder, header) if folder is not None and header is not None else None
    if stored is not None:
        seed_stems(stored.stems)  # before the pipeline stems its vocabulary
    nlp = build_pipeline(model)
    if stored is not None:
        try:
            return compile_with_plan(pack, nlp, stored)[0]
        except Exception:
            # A damaged or foreign plan, whatever it breaks, is compiled afresh below (the
            # pack's own mistakes surface there, with their usual messages), and the stems
            # that came with it are not trusted either.
            forget_stems(nlp.vocab)
    compiled, plan = compile_with_plan(pack, nlp)
    if folder is not None and header is not None:
        write_plan(folder, header, plan)
    return compiled
