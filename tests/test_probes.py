"""Every probe sentence (tests/probes/*.txt) extracts without error, every
fact's offsets hold, and the text in NFD gives the same facts."""

import unicodedata
from pathlib import Path

import pytest

from danvan_extract import Pipeline

PROBES = Path(__file__).parent / "probes"
LINES = [(path.name, n, line.rstrip("\n").replace("\\n", "\n"))
         for path in sorted(PROBES.glob("*.txt"))
         for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
         if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def test_there_are_probes():
    assert len(LINES) > 500


@pytest.mark.parametrize("name,n,text", LINES, ids=[f"{name}:{n}" for name, n, _ in LINES])
def test_probe_sentence_holds_its_offsets_in_nfc_and_nfd(pipeline, name, n, text):
    facts = pipeline.extract(text)
    for f in facts:
        assert text[f.start:f.end] == f.text, f
    nfd = unicodedata.normalize("NFD", text)
    again = pipeline.extract(nfd)
    for f in again:
        assert nfd[f.start:f.end] == f.text, f
    # NFD offsets differ; what is found and where (in characters of the NFC text) must not
    assert [(f.type, unicodedata.normalize("NFC", f.text)) for f in again] == [(f.type, f.text) for f in facts]


@pytest.fixture(scope="module")
def checking_pipeline():
    return Pipeline(context=False, check_anchors=True)


def test_every_anchor_promise_holds_on_the_probes(checking_pipeline):
    """Each rule tried only at its anchors finds what a scan of the whole
    text finds, on every probe text (the check raises a RulesError naming
    the rule otherwise)."""
    for name, n, text in LINES:
        checking_pipeline.extract(text)
