"""Imports run one way, down the layers drawn in the README's layout section: a module of kg imports
only from its own layer and the layers below it, at the top of the file or inside a function.

Read with ``ast``, so nothing is imported. A module that needs something from above it is a sign
that the thing lives in the wrong place: move the thing, not the arrow.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"

# From the top down. An entry names a module or a package (and everything in it); "kg" is the
# package's own __init__ only.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("kg", "kg.__main__", "kg.cli", "kg.progress"),  # the command line and the public API
    ("kg.workflow", "kg.pipeline", "kg.corpus"),  # where the stages meet
    ("kg.extract", "kg.resolve", "kg.analyze", "kg.render"),  # the stages
    ("kg.rdf", "kg.nlp", "kg.article", "kg.htmltext"),  # RDF and the store, spaCy, reading articles
    ("kg.model", "kg.errors", "kg.fileio", "kg.resources", "kg.data"),  # what every layer shares
)
# Each third-party library lives in one place.
HOMES: dict[str, tuple[str, ...]] = {
    "spacy": ("kg.nlp", "kg.extract"),
    "rdflib": ("kg.rdf",),
    "pyshacl": ("kg.rdf",),
    "pyoxigraph": ("kg.rdf",),
    "networkx": ("kg.analyze",),
    "pyvis": ("kg.render",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(KG.rglob("*.py"))}


def _owner(module: str, entries) -> str | None:
    """The entry that ``module`` belongs to: itself, or the longest package that holds it."""
    found = [e for e in entries if module == e or (e != "kg" and module.startswith(e + "."))]
    return max(found, key=len) if found else None


def layer(module: str) -> int | None:
    """0 for the top layer, 1 below it, ...; None for a module missing from LAYERS."""
    owner = _owner(module, [entry for entries in LAYERS for entry in entries])
    return next((i for i, entries in enumerate(LAYERS) if owner in entries), None)


def imports(module: str, source: str) -> list[tuple[int, str]]:
    """(line, module) of every import in ``source``, wherever it stands; ``from kg.x import y`` names
    kg.x.y when that is a module of kg, else kg.x."""
    package = module if MODULES.get(module, Path()).name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                found.append((node.lineno, f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base))
    return found


def upward_imports(module: str, source: str) -> list[str]:
    """The imports of ``module`` that reach a layer above its own, or a module of kg with no layer."""
    own = layer(module)
    problems = []
    for line, target in imports(module, source):
        if target != "kg" and not target.startswith("kg."):
            continue
        if layer(target) is None:
            problems.append(f"line {line}: {target} is in no layer of LAYERS")
        elif layer(target) < own:
            problems.append(f"line {line}: {target} is in a layer above {module}'s")
    return problems


def misplaced_libraries(module: str, source: str) -> list[str]:
    """The imports of a third-party library of HOMES outside its home."""
    return [f"line {line}: {target} belongs in {' or '.join(HOMES[target.split('.')[0]])}"
            for line, target in imports(module, source)
            if target.split(".")[0] in HOMES and _owner(module, HOMES[target.split(".")[0]]) is None]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_has_a_layer(module):
    assert layer(module) is not None, f"{module}: add it to LAYERS here and to the README's layout section"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_down(module):
    assert upward_imports(module, MODULES[module].read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_third_party_libraries_stay_home(module):
    assert misplaced_libraries(module, MODULES[module].read_text(encoding="utf-8")) == []


def test_an_upward_import_inside_a_function_is_found():
    source = "import re\nfrom kg.errors import KgError\n\ndef f():\n    from kg.analyze import analyze\n"
    assert upward_imports("kg.model", source) == ["line 5: kg.analyze is in a layer above kg.model's"]
    assert upward_imports("kg.rdf.io", "from . import store\nfrom .. import cli\n") == [
        "line 2: kg.cli is in a layer above kg.rdf.io's"]
    assert misplaced_libraries("kg.render.page", "import networkx as nx\n") == [
        "line 1: networkx belongs in kg.analyze"]
    assert misplaced_libraries("kg.pipeline", "def f():\n    from spacy.tokens import Doc\n") == [
        "line 2: spacy.tokens belongs in kg.nlp or kg.extract"]
    assert misplaced_libraries("kg.cli", "import pyoxigraph\n") == ["line 1: pyoxigraph belongs in kg.rdf"]
    assert misplaced_libraries("kg.extract.entities", "from spacy.tokens import Span\n") == []
