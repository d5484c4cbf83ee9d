"""YAML from users (rule packs), parsed safely and within bounds.

PyYAML's safe loader builds no objects, but an alias bomb (`b: [*a, *a, ...]` nested ten
deep) is a few hundred bytes that expand to billions of nodes once anything walks the data
(validation, normalising, caching): 4 GB of memory and more. The document is composed
first, its size *with aliases expanded* is counted on the node graph (each node counted
once, so counting itself stays linear), and only a document within bounds is constructed.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

try:  # libyaml is ten times faster; fall back to the pure-Python loader.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# The built-in rule files are at most a few tens of KB and a few thousand nodes.
MAX_YAML_BYTES = 2_000_000
MAX_EXPANDED_NODES = 200_000


class YAMLLimitError(yaml.YAMLError):
    """A YAML document over the size bounds; callers report it like any YAML error."""


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def expanded_size(node: Node, limit: int = MAX_EXPANDED_NODES) -> int:
    """How many nodes the document has once every alias is replaced by what it names.
    Iterative (deep nesting cannot overflow the stack); raises over `limit` or on a cycle."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        key = id(current)
        if children_done:
            in_progress.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(current))
            if size > limit:
                raise YAMLLimitError(
                    f"too large once its aliases are expanded (over {limit:,} nodes; "
                    "an alias bomb?)"
                )
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in in_progress:
            raise YAMLLimitError("an alias refers to a node that contains it")
        in_progress.add(key)
        stack.append((current, True))
        stack.extend((child, False) for child in _children(current) if id(child) not in sizes)
    return sizes[id(node)]


def load_yaml(data: bytes | str) -> Any:
    """Parse one YAML document safely, refusing one over the byte or expanded-node bounds."""
    if len(data) > MAX_YAML_BYTES:
        raise YAMLLimitError(f"file is {len(data):,} bytes, over the limit of {MAX_YAML_BYTES:,}")
    loader = _Loader(data)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()
