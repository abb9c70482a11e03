"""One error catalogue: every message raised or written to an output line
comes from danvan_extract.errors, with a code, and a bug inside the package
is not the caller's InputError."""

import ast
import re
from pathlib import Path

import pytest

from danvan_extract import Pipeline, errors
from danvan_extract.errors import DanvanError, InputError, InternalError

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "danvan_extract"
CATALOGUE = {name: value for name, value in vars(errors).items() if name.startswith("E_")}
FORMATS = ("E_LINE", "E_DOCUMENT")  # "<file>: <message>", "<exception class>: <message>"


def _literal(node) -> bool:
    """A message written in place: a string, an f-string, or one built of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    return False


def inline_messages(source: str) -> list[tuple[int, str]]:
    """(line, what) for each message raised or written as an error line in place."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if any(_literal(a) for a in node.exc.args):
                found.append((node.lineno, "raise with an inline message"))
        elif isinstance(node, ast.Call):
            func = node.func
            if (isinstance(func, ast.Attribute) and func.attr == "append" and isinstance(func.value, ast.Name)
                    and func.value.id == "errors" and any(_literal(a) for a in node.args)):
                found.append((node.lineno, "errors.append with an inline message"))
            for kw in node.keywords:
                if kw.arg == "errors" and isinstance(kw.value, ast.List) and any(map(_literal, kw.value.elts)):
                    found.append((node.lineno, "errors=[...] with an inline message"))
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and len(node.value.elts) == 2:
            first, second = node.value.elts
            if (isinstance(first, ast.Constant) and first.value is None and isinstance(second, ast.List)
                    and any(map(_literal, second.elts))):
                found.append((node.lineno, "an error list returned with an inline message"))
    return found


def test_the_scanner_finds_inline_messages():
    source = ('def f(errors):\n'
              '    raise ValueError(f"bad {x}")\n'
              '    raise RulesError("bad " + name)\n'
              '    errors.append("empty file")\n'
              '    Document(doc_id="a", errors=[f"{n}: gone"])\n'
              '    return None, ["binary file"]\n'
              '    raise InputError(E_NOT_STR.format(kind="int"))\n'
              '    raise TimeoutError\n')
    assert sorted(line for line, _ in inline_messages(source)) == [2, 3, 4, 5, 6]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_inline_messages_in_the_package(path):
    assert inline_messages(path.read_text(encoding="utf-8")) == []


def test_every_catalogue_message_has_its_own_code():
    codes = {}
    for name, message in CATALOGUE.items():
        if name in FORMATS:
            continue
        m = re.match(r"\[E(\d{3})\] \S", message)
        assert m, name
        assert m.group(1) not in codes, (name, codes.get(m.group(1)))
        codes[m.group(1)] = name


def test_a_fault_inside_the_package_is_an_internal_error_not_an_input_error(monkeypatch):
    from danvan_extract.extractors.base import context

    pipeline = Pipeline(context=False)

    def broken(*args, **kwargs):
        raise InputError("[E000] a parser handed a token it should not have")

    monkeypatch.setattr(context, "_parse_spelled", broken)  # (the parse the extractors call)
    with pytest.raises(InternalError, match=r"\[E034\] a bug in danvan-extract") as info:
        pipeline.extract("Huyện có hai mươi mô hình.")
    assert not isinstance(info.value, InputError) and isinstance(info.value, DanvanError)
    doc = pipeline.extract_document("Huyện có hai mươi mô hình.", "x")
    assert doc.errors and doc.errors[0].startswith("InternalError: [E034]")


def test_the_caller_s_bad_input_stays_an_input_error():
    with pytest.raises(InputError, match=r"\[E001\]"):
        Pipeline().extract(b"bytes")
