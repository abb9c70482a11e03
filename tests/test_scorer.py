"""The scorer on hand-made cases."""

from danvan_extract.scoring.evaluate import attribute_score, score


def fact(t, start, end, **kw):
    return {"type": t, "start": start, "end": end, "text": "x" * (end - start), **kw}


def run(gold, pred):
    return score([("d", gold, pred)])


def test_miss_and_false_positive():
    r = run([fact("count", 0, 5, value=3)], [fact("count", 10, 15, value=3)])
    assert (r.lenient["count"].tp, r.lenient["count"].gold, r.lenient["count"].pred) == (0, 1, 1)
    assert len(r.misses) == 1 and len(r.false_positives) == 1


def test_two_predictions_for_one_gold():
    r = run([fact("percentage", 0, 5, value=88.0)],
            [fact("percentage", 0, 5, value=88.0), fact("percentage", 1, 4, value=88.0)])
    assert r.lenient["percentage"].tp == 1
    assert r.lenient["percentage"].precision == 0.5


def test_strict_vs_lenient():
    r = run([fact("money", 0, 10, amount=4.22e9)], [fact("money", 2, 10, amount=4.22e9)])
    assert r.lenient["money"].tp == 1 and r.strict["money"].tp == 0


def test_key_field_must_agree():
    r = run([fact("area", 0, 5, hectares=29.168)], [fact("area", 0, 5, hectares=29168)])
    assert r.lenient["area"].tp == 0
    r = run([fact("area", 0, 5, hectares=29.168)], [fact("area", 0, 5, hectares=29.168 * (1 + 1e-8))])
    assert r.lenient["area"].tp == 1


def test_document_number_comparison_ignores_case_dashes_and_d():
    r = run([fact("document_ref", 0, 8, number="25-NQ/TW")], [fact("document_ref", 0, 8, number="25 – nq/tw")])
    assert r.lenient["document_ref"].tp == 1
    r = run([fact("document_ref", 0, 8, number="134/CĐ-TTg")], [fact("document_ref", 0, 8, number="134/CD-TTg")])
    assert r.lenient["document_ref"].tp == 1


def test_attribute_error_is_counted():
    g = fact("count", 0, 5, value=3, noun="mô hình", qualifier="over")
    p = fact("count", 0, 5, value=3, noun="hộ")
    r = run([g], [p])
    assert r.attributes["qualifier"].value == 0.0
    assert r.attributes["noun"].value == 0.0


def test_attribute_rules():
    assert attribute_score("noun", {"noun": "mô hình"}, {"noun": "mô hình dân vận"}) == 1.0
    assert attribute_score("unit", {"unit": "m²"}, {"unit": "m2"}) == 1.0
    assert attribute_score("issuer", {"issuer": "Bộ Chính trị"}, {"issuer": "bộ chính trị khóa XIII"}) == 1.0
    assert attribute_score("qualifier", {"type": "count"}, {"type": "count", "qualifier": "exact"}) == 1.0
    assert attribute_score("qualifier", {"type": "count"}, {"type": "count", "qualifier": "over"}) == 0.0
    assert attribute_score("honorific", {"type": "person_role"}, {"type": "person_role"}) is None
    assert attribute_score("roles", {"roles": ["Bí thư", "Trưởng ban Dân vận"]}, {"roles": ["Bí thư"]}) == 2 / 3


def test_model_row():
    g = [fact("count", 0, 5, value=3, noun="mô hình"), fact("count", 6, 9, value=2, noun="hộ")]
    r = run(g, [fact("count", 0, 5, value=3, noun="mô hình")])
    assert r.lenient["count[mô hình]"].recall == 1.0
    assert r.lenient["count"].recall == 0.5


def test_person_match_is_case_and_space_insensitive():
    r = run([fact("person_role", 0, 9, person="Nguyễn  Xuân Dậu")], [fact("person_role", 0, 9, person="nguyễn xuân dậu")])
    assert r.lenient["person_role"].tp == 1
