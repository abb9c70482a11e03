"""The README's first `extract(...)` example prints what Python prints.

If this fails after a change to the fact records, paste the block from the
failure message into README.md ("## Use")."""

import re
import textwrap

from danvan_extract import extract

from .conftest import ROOT

_CALL = re.compile(r'^extract\("([^"]+)"\)\n((?:# .*\n)+)', re.M)


def readme_block(sentence: str) -> str:
    """The comment block the README shows under ``extract(sentence)``."""
    lines = textwrap.wrap(repr(extract(sentence)), width=100, break_long_words=False, break_on_hyphens=False,
                          subsequent_indent=" ")
    return "".join(f"# {line}\n" for line in lines)


def test_readme_extract_output_is_what_python_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = _CALL.search(readme)
    assert m, "README.md lost its extract(...) example"
    sentence, shown = m.groups()
    printed = " ".join(line[2:].strip() for line in shown.splitlines())
    assert printed == repr(extract(sentence)), "README should show:\n" + readme_block(sentence)
