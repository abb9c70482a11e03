"""The spaCy component: spans, records, entry point, n_process=2."""

import pickle
import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

from danvan_extract.views.spacy_component import SPAN_KEY, blank_vi  # noqa: E402

TEXTS = [
    "Huyện có 285 mô hình, chiếm 73,53%.",
    "Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy phát biểu.",
    "Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013, xã trồng 29,168 ha chè.",
    "Thu nhập bình quân đạt 32,5 triệu đồng/năm; 49.800/67.721 người tham gia.",
]


@pytest.fixture(scope="module")
def nlp():
    nlp = blank_vi()
    nlp.add_pipe("danvan_facts")
    return nlp


def _check(doc, pipeline):
    expected = pipeline.extract(doc.text)
    facts = doc._.facts
    assert [f.model_dump() for f in facts] == [f.model_dump() for f in expected]
    spans = doc.spans[SPAN_KEY]
    assert len(spans) == len(facts)
    for span, fact in zip(spans, facts):
        assert span.label_ == fact.type
        # the span covers the fact (expand alignment) and, with blank_vi's tokenizer, exactly
        assert span.start_char <= fact.start and fact.end <= span.end_char
        assert (span.start_char, span.end_char) == (fact.start, fact.end)
        assert fact.text == doc.text[fact.start:fact.end]


def test_component_sets_spans_and_records(nlp, pipeline):
    for text in TEXTS:
        doc = nlp(text)
        assert doc.spans[SPAN_KEY], text
        _check(doc, pipeline)
    docs = [nlp(t) for t in TEXTS]
    types = {s.label_ for d in docs for s in d.spans[SPAN_KEY]}
    assert {"count", "percentage", "person_role", "document_ref", "area", "money", "ratio"} <= types


def test_pipe_with_two_processes(nlp, pipeline):
    docs = list(nlp.pipe(TEXTS * 2, n_process=2, batch_size=2))
    assert [d.text for d in docs] == TEXTS * 2
    for doc in docs:
        _check(doc, pipeline)


def test_doc_round_trips(nlp, pipeline):
    doc = nlp(TEXTS[2])
    from spacy.tokens import Doc

    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    _check(again, pipeline)
    _check(pickle.loads(pickle.dumps(doc)), pipeline)


def test_config_person_roles_off(pipeline):
    nlp = blank_vi()
    nlp.add_pipe("danvan_facts", config={"person_roles": False})
    doc = nlp(TEXTS[1])
    assert all(f.type != "person_role" for f in doc._.facts)
    assert nlp.get_pipe_config("danvan_facts")["person_roles"] is False


def test_entry_point_without_import():
    """A fresh interpreter finds the factory through the spacy_factories entry point."""
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('vi', config={'nlp': {'tokenizer': {'use_pyvi': False}}})\n"
        "nlp.add_pipe('danvan_facts')\n"
        "doc = nlp('Xã có 12 mô hình.')\n"
        "print([s.label_ for s in doc.spans['facts']], [f.text for f in doc._.facts])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['count'] ['12 mô hình']"


def test_plain_blank_vi_with_pyvi_and_two_processes(pipeline):
    pytest.importorskip("pyvi")  # the [spacy] extra; part of the test extra
    nlp = spacy.blank("vi")
    nlp.add_pipe("danvan_facts")
    docs = list(nlp.pipe(TEXTS, n_process=2))
    assert len(docs) == len(TEXTS)
    for doc in docs:
        expected = pipeline.extract(doc.text)
        assert [f.model_dump() for f in doc._.facts] == [f.model_dump() for f in expected]
        spans = doc.spans[SPAN_KEY]
        assert [s.label_ for s in spans] == [f.type for f in expected]
        for span, fact in zip(spans, expected):
            # pyvi's tokens may be coarser: the span covers the fact
            assert span.start_char <= fact.start and fact.end <= span.end_char


def test_spans_carry_the_context_of_their_facts():
    from danvan_extract.views.spacy_component import blank_vi

    nlp = blank_vi()
    nlp.add_pipe("danvan_facts")
    doc = nlp("Năm 2022, huyện Mường Khương có 285 mô hình.")
    span = [s for s in doc.spans["facts"] if s.label_ == "count"][0]
    assert span._.fact.value == 285
    assert span._.location["name"] == "Mường Khương"
    assert span._.period == {"start": "2022", "end": "2022"}
    assert span._.subject == "mô hình"
