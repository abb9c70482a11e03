"""Layers without cycles: no module of the package imports, directly or
through others, a module that imports it back (imports inside functions
count too); and the rule-only path loads neither spaCy nor pandas nor dask."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "danvan_extract"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def import_graph() -> dict[str, set[str]]:
    """Package module → the package modules it imports (anywhere in its code)."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in files}
    for module, path in files.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(module, is_package, node.level, node.module) if node.level else node.module or ""
                # "from . import x": x may be a module of its own
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            for t in targets:
                # a name inside a module counts as its module
                while t and t not in files:
                    t = t.rpartition(".")[0]
                if not t.startswith("danvan_extract"):
                    continue
                # importing a.b.c runs a.b's __init__ too, unless a.b holds
                # the importer (then it is loading already); the root is
                # always loaded first
                parts = t.split(".")
                for i in range(2, len(parts)):
                    target = ".".join(parts[:i])
                    if target in files and target != module and not module.startswith(target + "."):
                        graph[module].add(target)
                if t in files and t != module:
                    graph[module].add(t)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (a list of modules, first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_graph_sees_imports_inside_functions():
    graph = import_graph()
    assert "danvan_extract.context" in graph["danvan_extract.pipeline"]  # imported lazily in _extract


def test_no_import_cycle_inside_the_package():
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle)


def test_the_rule_only_path_imports_no_spacy_pandas_or_dask():
    code = ("import sys, danvan_extract; "
            "danvan_extract.extract('Huyện có 285 mô hình, chiếm 73,53%. Đồng chí Lê Văn Hùng, Bí thư Huyện ủy.'); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'pandas', 'dask', 'distributed', "
            "'pyarrow', 'underthesea', 'torch'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_requires_python_claims_what_the_code_needs():
    """tomllib (the rules loader) is 3.11: the lowest version claimed, and
    the one CI runs."""
    import tomllib

    pyproject = tomllib.loads((PACKAGE.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == ">=3.11"
    assert sys.version_info >= (3, 11)


CORE = {"registry", "errors", "records", "text", "numbers", "bundled", "segment", "dateline", "nlp"}
# Each layer may import its own modules and those of the layers before it;
# the folders are the layers (core keeps a few modules at the top).
LAYERS = [("core", lambda m: m in CORE or m.startswith(("grammar", "scan"))),
          ("extractors", lambda m: m.startswith("extractors")),
          ("context", lambda m: m.startswith("context")),
          ("pipeline", lambda m: m == "pipeline"),
          ("io", lambda m: m.startswith("io")),
          ("engines", lambda m: m.startswith("engines"))]


def test_the_lower_layers_import_nothing_above_them():
    graph = import_graph()
    allowed = set()
    for name, member in LAYERS:
        mods = {m.split(".", 1)[1] for m in graph if "." in m and member(m.split(".", 1)[1])}
        allowed |= mods
        for m in sorted(mods):
            # the package root is the public face; a lower layer may read its version
            above = {t.split(".", 1)[1] for t in graph[f"danvan_extract.{m}"] if "." in t} - allowed
            assert not above, f"{m} ({name}) imports {sorted(above)}"
