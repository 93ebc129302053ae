"""
YAML for the exchange format: safe loading with JSON's scalars, and unambiguous dumping.

Loading resolves unquoted scalars as JSON does (YAML 1.2's JSON schema), not as
YAML 1.1: only ``true`` and ``false`` are booleans, only ``null``, ``~`` and an
empty value are null, and numbers are written as in JSON. Anything else
unquoted is text, so ``2019-08-01``, ``yes``, ``off``, ``091``, ``020``,
``1_000`` and ``12:30`` read as written. Keys are always text, as in JSON and
TOML. Duplicate keys, aliases and tags other than the core ones are refused.

Dumping quotes every string that some YAML reader would take for something
else: a YAML 1.1 reader (PyYAML's ``safe_load``), a YAML 1.2 core-schema reader
and this module's loader all read the same document back.

Needs PyYAML, the ``yaml`` extra. Loading uses libyaml's parser when PyYAML
was built with it, which reads the same, only faster. Dumping always uses
PyYAML's own emitter: libyaml's writes some strings differently (it leaves
characters beyond U+FFFF unescaped in double quotes), and the same structure
must give the same bytes on every installation.
"""

from __future__ import annotations

import re

from typing import Any, ClassVar, NoReturn

from oppilashuolto.errors import ExtraNotInstalledError, StructureError


try:
    import yaml
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ExtraNotInstalledError("YAML files", "yaml") from exc

from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.representer import BaseRepresenter
from yaml.resolver import Resolver


try:
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _FastLoader  # type: ignore[assignment]  # the pure-Python class, not a subclass of CSafeLoader


__all__ = ["dump", "parse"]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_DIGITS = list("0123456789")
_WIDTH = 2**31 - 1  # never fold long lines

# Plain scalars that JSON reads as something other than text; \Z, not $, which
# also matches before a final newline.
_NULL_RE = re.compile(r"^(?:~|null|)\Z")
_BOOL_RE = re.compile(r"^(?:true|false)\Z")
_INT_RE = re.compile(r"^-?(?:0|[1-9][0-9]*)\Z")
_FLOAT_RE = re.compile(
    r"""^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))\Z""",
    re.VERBOSE,
)
# (tag, pattern, first characters) for add_implicit_resolver
_JSON_SCALARS = (
    (_NULL, _NULL_RE, ["~", "n", ""]),
    (_BOOL, _BOOL_RE, ["t", "f"]),
    (_INT, _INT_RE, ["-", *_DIGITS]),
    (_FLOAT, _FLOAT_RE, ["-", "+", ".", *_DIGITS]),
)
# What other readers take for something other than text, besides YAML 1.1 as
# PyYAML reads it: y and n (booleans in the YAML 1.1 type list), and YAML 1.2
# core-schema numbers such as 091, 0o17 and 1e5.
_OTHER_READERS = (
    (_BOOL, re.compile(r"^(?:y|Y|n|N)\Z"), list("yYnN")),
    (
        _INT,
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z"),
        ["-", "+", *_DIGITS],
    ),
    (
        _FLOAT,
        re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z"),
        ["-", "+", ".", *_DIGITS],
    ),
)
# Characters YAML does not allow in a file, even inside quotes.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Text written in double quotes with escapes: control characters, the line
# breaks of YAML 1.1 that YAML 1.2 reads as text, and the byte order mark.
_NEEDS_ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _refuse(node: Node, problem: str) -> NoReturn:
    raise ConstructorError(None, None, problem, node.start_mark)


class _JSONConstructing:
    """Builds plain dicts, lists and scalars from the composed nodes."""

    # empty here, so that add_implicit_resolver starts each loader from nothing
    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}
    _seen: set[Node]

    def construct_document(self, node: Node) -> Any:
        self._seen = set()
        return self._construct(node)

    def _first_visit(self, node: Node) -> None:
        # An alias is its anchor's node met again. Refusing it refuses
        # every "billion laughs" document too.
        if node in self._seen:
            _refuse(
                node,
                "anchors and aliases (&name, *name) are not supported; "
                "the value anchored here is used again",
            )
        self._seen.add(node)

    def _construct(self, node: Node) -> Any:
        self._first_visit(node)
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if isinstance(node, SequenceNode) and node.tag == _SEQ:
            return [self._construct(item) for item in node.value]
        if isinstance(node, MappingNode) and node.tag == _MAP:
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                self._first_visit(key_node)
                if not isinstance(key_node, ScalarNode):
                    _refuse(key_node, "a key must be text, not a list or a table")
                key: str = key_node.value
                if key in mapping:
                    _refuse(key_node, f"duplicate key {key[:40]!r}")
                mapping[key] = self._construct(value_node)
            return mapping
        _refuse(node, f"unsupported tag {node.tag!r}")


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == _STR:
        return value
    if tag == _INT and _INT_RE.match(value):
        try:
            return int(value)
        except ValueError:  # more digits than int() reads
            _refuse(node, "the number has too many digits")
    if tag == _FLOAT and (_FLOAT_RE.match(value) or _INT_RE.match(value)):
        # float() reads "inf" and "nan" but not YAML's ".inf" and ".nan"
        return float(value.replace(".", "", 1) if "n" in value.lower() else value)
    if tag == _BOOL and _BOOL_RE.match(value):
        return value == "true"
    if tag == _NULL and _NULL_RE.match(value):
        return None
    if tag in (_INT, _FLOAT, _BOOL, _NULL):
        kind = tag.rsplit(":", 1)[1]
        _refuse(node, f"the value is not a JSON {kind} (quote it to make it text)")
    _refuse(node, f"unsupported tag {tag!r}")


class _Loader(_JSONConstructing, _FastLoader):
    """PyYAML's safe loader (libyaml's when built in) with JSON's scalars."""


class _PureLoader(_JSONConstructing, yaml.SafeLoader):
    """The same in pure Python, to check that both read alike."""


for _loader in (_Loader, _PureLoader):
    for _tag, _pattern, _first in _JSON_SCALARS:
        _loader.add_implicit_resolver(_tag, _pattern, _first)


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def parse(text: str, source: str, loader: type[_Loader | _PureLoader] = _Loader) -> Any:
    """
    Return the document of YAML *text*, naming *source* in errors.

    Raises:
        StructureError: If the text holds no document or is not YAML that
            this module reads; the message gives the line and column.
    """
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        where = _position(text, bad.start())
        problem = f"character U+{ord(bad[0]):04X} is not allowed, not even in quotes"
        raise StructureError(source, [f"broken YAML: {problem} ({where}) @ $"])
    reader = loader(text)
    try:
        node = reader.get_single_node()
        if node is None:  # nothing but comments and document markers
            raise StructureError(
                source, ["file is empty; expected a welfare structure @ $"]
            )
        return reader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        if exc.problem == "exceeded maximum nesting depth":  # libyaml's limit
            raise StructureError(source, ["input is nested too deeply @ $"]) from None
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not YAML"
        if exc.context and problem.startswith("but "):  # "expected ... but found ..."
            problem = f"{exc.context} {problem}"
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise StructureError(source, [f"broken YAML: {problem}{where} @ $"]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - the reader's check is above
        raise StructureError(source, [f"broken YAML: {exc} @ $"]) from None
    finally:
        reader.dispose()


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting whatever any YAML reader would not read as text."""

    def ignore_aliases(self, _data: Any) -> bool:
        # never anchors and aliases: every value is written where it is
        return True


def _represent_str(dumper: BaseRepresenter, data: str) -> ScalarNode:
    if _NEEDS_ESCAPES.search(data):
        style: str | None = '"'
    elif "\n" in data:  # a literal block, or double quotes where one cannot hold it
        style = "|"
    else:
        style = None
    return dumper.represent_scalar(_STR, data, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(tuple, _Dumper.represent_list)
# a plain scalar must be text to YAML 1.1 (PyYAML's resolver) ...
_Dumper.yaml_implicit_resolvers = {
    first: list(resolvers)
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}
# ... to other readers, and to this module's loader
for _tag, _pattern, _first in (*_OTHER_READERS, *_JSON_SCALARS):
    _Dumper.add_implicit_resolver(_tag, _pattern, _first)


def dump(document: dict[str, Any]) -> str:
    """Return the block-style YAML text of *document*, keys in their order."""
    return yaml.dump(
        document,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=_WIDTH,
    )
