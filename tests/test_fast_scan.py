"""Faster scanning, same results: the time budget at anchors still stops a
slow pattern (one alarm in the main thread, a time-out per call elsewhere),
and a blank text gives what the scans would give."""

import pytest

from danvan_extract import Pipeline
from danvan_extract.extractors.base.context import Context

_PIPELINE = Pipeline(context=False)


# --- the time budget at anchors: one alarm in the main thread, a time-out per call elsewhere ---------


def _slow_at_many_anchors():
    import regex

    from danvan_extract.scan.promises import Anchors, ScanPattern

    slow = ScanPattern("test.slow", regex.compile(r"(?:a|aa)+$", regex.MULTILINE), Anchors.of(line=True))
    return slow, ("a" * 26 + "b\n") * 40


def test_the_budget_stops_a_slow_pattern_in_the_main_thread_and_leaves_no_alarm():
    import signal

    from danvan_extract.errors import ExtractionTimeout

    slow, text = _slow_at_many_anchors()
    ctx = Context(text, _PIPELINE.rules, _PIPELINE.anchor_index, budget=0.05)
    with pytest.raises(ExtractionTimeout, match="test.slow"):
        ctx.scan(slow)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    # a scan that ends in time leaves nothing behind either
    Context("Có 285 mô hình.\n", _PIPELINE.rules, _PIPELINE.anchor_index).scan(_PIPELINE.rules.patterns["count"][0])
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_the_budget_stops_a_slow_pattern_in_another_thread():
    import threading

    from danvan_extract.errors import ExtractionTimeout

    slow, text = _slow_at_many_anchors()
    caught = []

    def run():
        ctx = Context(text, _PIPELINE.rules, _PIPELINE.anchor_index, budget=0.05)
        try:
            ctx.scan(slow)
        except ExtractionTimeout as exc:
            caught.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(60)
    assert not worker.is_alive() and caught and "test.slow" in str(caught[0])


def test_a_caller_s_own_alarm_handler_is_left_alone():
    import signal

    from danvan_extract.errors import ExtractionTimeout

    def mine(signum, frame):
        pass

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        slow, text = _slow_at_many_anchors()
        ctx = Context(text, _PIPELINE.rules, _PIPELINE.anchor_index, budget=0.05)
        with pytest.raises(ExtractionTimeout):
            ctx.scan(slow)  # the per-call time-out, since SIGALRM is taken
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("context", [True, False])
@pytest.mark.parametrize("text", ["", " ", "\n\t \r\n", "\u00a0\u2003"])
def test_a_blank_text_gives_what_a_text_without_facts_gives(text, context):
    pipeline = Pipeline(context=context)
    facts, info = pipeline._extract(text)
    _, info_of_words = pipeline._extract("Không có gì.")
    assert facts == [] and set(info) == set(info_of_words) and all(v is None for v in info.values())
    assert pipeline.extract_document(text, "x").model_dump() == {
        "doc_id": "x", "title": None, "published": None, "location": None, "facts": [], "errors": []}


# --- one alarm per document: the session around a pipeline's scans ---------


def test_the_alarm_session_stops_a_slow_pattern_and_leaves_nothing_behind():
    import signal

    from danvan_extract.errors import ExtractionTimeout
    from danvan_extract.scan.alarm import alarm_session

    slow, text = _slow_at_many_anchors()
    with pytest.raises(ExtractionTimeout, match="test.slow"):
        with alarm_session() as session:
            assert session.open
            ctx = Context(text, _PIPELINE.rules, _PIPELINE.anchor_index, budget=0.05)
            ctx.scan(_PIPELINE.rules.patterns["count"][0])  # in time: the timer stays set for the next
            ctx.scan(slow)
    assert not alarm_session().open
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_alarm_between_scans_raises_nothing_until_the_next_scan():
    import signal
    import time

    from danvan_extract.errors import ExtractionTimeout
    from danvan_extract.scan.alarm import alarm_session

    with alarm_session():
        ctx = Context("Có 285 mô hình.\n", _PIPELINE.rules, _PIPELINE.anchor_index, budget=0.02)
        started = time.monotonic()
        while time.monotonic() - started < 0.1:  # the alarm rings here, outside any pattern
            pass
        with pytest.raises(ExtractionTimeout):
            ctx.scan(_PIPELINE.rules.patterns["count"][0])
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_a_pattern_with_nothing_to_try_still_finds_the_deadline_passed():
    import time

    from danvan_extract.errors import ExtractionTimeout

    ctx = Context("Không có con số nào.\n", _PIPELINE.rules, _PIPELINE.anchor_index, budget=60)
    count = _PIPELINE.rules.patterns["count"][0]
    assert ctx.anchors.positions(count.anchors) == []
    ctx.anchors.spent["user.evil"] = 59.5
    ctx.anchors.deadline = time.monotonic() - 1
    with pytest.raises(ExtractionTimeout, match=r"pattern 'user\.evil' took 59\.5s"):
        ctx.scan(count)


def test_extract_leaves_no_alarm_whether_it_returns_or_raises():
    import signal

    from danvan_extract.errors import ExtractionTimeout

    assert _PIPELINE.extract("Huyện có 285 mô hình, chiếm 73,53%.")
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with pytest.raises(ExtractionTimeout):
        Pipeline(context=False, time_budget=1e-9).extract("Có 285 mô hình.")
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_worker_thread_gets_no_session_while_the_main_thread_has_one():
    import threading

    from danvan_extract.scan.alarm import alarm_session

    seen = []
    with alarm_session():
        worker = threading.Thread(target=lambda: seen.append(alarm_session().__enter__().open))
        worker.start()
        worker.join(10)
    assert seen == [False]
