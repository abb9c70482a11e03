"""Context of figures (subject, location, period) and of documents:
the corpus of examples beside the context package, scoring helpers and
the document fields."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import danvan_extract.context as context_pkg
from danvan_extract import Pipeline
from danvan_extract.scoring.context_scoring import periods_agree, place_name, subject_f1

# one file per concern (general, subject, location, period): cases of every file
CORPUS = [case for path in sorted((Path(context_pkg.__file__).parent / "corpus").glob("*.toml"))
          for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])]


def _find(pipeline: Pipeline, text: str, fact_text: str):
    # the fact whose span is ``fact_text``; the context is what is tested
    # here, so a span that the extractor cuts shorter ("18 ủy") still counts
    facts = ([f for f in pipeline.extract(text) if f.text == fact_text]
             or [f for f in pipeline.extract(text) if fact_text.startswith(f.text) and f.type != "year"])
    assert facts, f"no fact {fact_text!r} in {[f.text for f in pipeline.extract(text)]}"
    return facts[0]


def _place(spec: str):
    if not spec:
        return None
    name, level, province = spec.split("|")
    return {"name": name, "level": level, "province": province or None}  # "" = province null


def _period(spec: str):
    if not spec:
        return None
    start, end = spec.split("..")
    return {"start": start or None, "end": end or None}


@pytest.mark.parametrize("case", CORPUS, ids=[f"{c['fact']}@{c['text'][:30]}" for c in CORPUS])
def test_context_corpus(pipeline, case, request):
    if case.get("xfail"):  # a known failure: strict, so a fix shows up as a failure to update the corpus
        request.applymarker(pytest.mark.xfail(reason=case["xfail"], strict=True))
    fact = _find(pipeline, case["text"], case["fact"])
    if "subject" in case:
        if case["subject"]:
            assert subject_f1(case["subject"], fact.subject) >= 0.8, fact.subject
        else:
            assert fact.subject is None
    want = _place(case["location"])
    got = fact.location.model_dump() if fact.location else None
    if want is None:
        assert got is None
    else:
        assert got is not None, "no location"
        assert (place_name(got["name"]), got["level"], got["province"]) == (
            place_name(want["name"]), want["level"], want["province"])
    got_period = fact.period.model_dump() if fact.period else None
    assert periods_agree(_period(case["period"]), got_period), got_period


def test_context_off_gives_no_context():
    facts = Pipeline(context=False).extract("Năm 2022, huyện Mường Khương có 285 mô hình.")
    assert facts and all(getattr(f, "period", None) is None and getattr(f, "location", None) is None for f in facts)


def test_known_units_carry_their_code(pipeline):
    fact = _find(pipeline, "Năm 2022, huyện Mường Khương có 285 mô hình.", "285 mô hình")
    assert fact.location.code == "083"  # the official district code


def test_a_provinces_city_carries_the_citys_code(pipeline):
    # "thành phố Yên Bái" is the provincial city (a district-tier unit), not the province
    # of the same name; "thành phố Đà Nẵng" is the centrally governed city, a province
    city = _find(pipeline, "Năm 2024, thành phố Yên Bái có 90 hộ nghèo.", "90 hộ")
    assert (city.location.level, city.location.code) == ("thành phố", "132")
    central = _find(pipeline, "Năm 2024, thành phố Đà Nẵng có 90 hộ nghèo.", "90 hộ")
    assert (central.location.level, central.location.code) == ("thành phố", "48")


def test_unknown_place_keeps_name_and_level_without_code(pipeline):
    fact = _find(pipeline, "Năm 2022, xã Zzyzx Quớt có 12 mô hình.", "12 mô hình")
    assert fact.location.name == "Zzyzx Quớt" and fact.location.level == "xã" and fact.location.code is None


def test_document_title_date_and_place(pipeline):
    text = ("Huyện Mường Khương có 285 mô hình dân vận khéo\n\nCập nhật: Thứ sáu, 6/1/2023 | 7:46\n\n"
            "Năm 2022, huyện Mường Khương, tỉnh Lào Cai có 285 mô hình. Huyện Mường Khương có 16 xã.")
    doc = pipeline.extract_document(text, "a")
    assert doc.title == "Huyện Mường Khương có 285 mô hình dân vận khéo"
    assert doc.published == "2023-01-06"
    assert doc.location.name == "Mường Khương" and doc.location.province == "Lào Cai"


def test_document_without_place_or_date_gets_nulls(pipeline):
    doc = pipeline.extract_document("Hội nghị có 120 đại biểu tham dự.", "b")
    assert doc.published is None and doc.location is None
    fact = doc.facts[0]
    assert fact.location is None and fact.period is None


def test_context_offsets_refer_to_the_callers_string(pipeline):
    text = "Năm\u00a02022, huyện Mu\u031bo\u031b\u0300ng Khương có 285 mô hình."  # NBSP and NFD
    fact = [f for f in pipeline.extract(text) if f.type == "count"][0]
    assert text[fact.start:fact.end] == fact.text
    assert fact.period.start == "2022"


@pytest.mark.parametrize("gold,pred,ok", [
    ({"start": "2022", "end": "2022"}, {"start": "2022-01", "end": "2022-12-31"}, True),
    ({"start": None, "end": "2023-06"}, {"start": None, "end": "2023-06-30"}, True),
    ({"start": "2022", "end": "2022"}, None, False),
    (None, None, True),
])
def test_periods_widen_to_days(gold, pred, ok):
    assert periods_agree(gold, pred) is ok


def test_place_names_compare_as_the_contract_says():
    assert place_name("TP.HCM") == place_name("Hồ Chí Minh")
    assert place_name("TP. Hồ Chí Minh") == place_name("thành phố Hồ Chí Minh")
    assert place_name("Bà Rịa - Vũng Tàu") == place_name("Bà Rịa Vũng Tàu")
    assert place_name("Lào Cai") != place_name("Lai Châu")
    # every level word of the registry, short forms too, is dropped at the start
    assert place_name("đặc khu Hòn Mây") == place_name("Hòn Mây")
    assert place_name("khu phố Tân Phước") == place_name("Tân Phước")
    assert place_name("TX. Sơn Hà") == place_name("thị xã Sơn Hà") == place_name("Sơn Hà")


def test_subject_f1_is_syllable_f1():
    assert subject_f1("tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo") == 1.0
    assert subject_f1("hộ nghèo", "tỷ lệ hộ nghèo") == pytest.approx(2 * 1 * 0.5 / 1.5)
    assert subject_f1("mô hình “Dân vận khéo”", "mô hình Dân vận khéo") == 1.0


def test_legacy_units_carry_the_code_of_the_unit_that_replaced_them(pipeline):
    fact = _find(pipeline, "Năm 2022, xã Suối Giàng, huyện Văn Chấn có 12 mô hình.", "12 mô hình")
    assert fact.location.code == "04657"  # the commune before 1 July 2025
    assert fact.location.new_code and fact.location.new_code != fact.location.code
    district = _find(pipeline, "Năm 2022, huyện Văn Chấn có 20 hợp tác xã.", "20 hợp tác xã")
    assert district.location.code == "140" and district.location.new_code is None  # districts were abolished


def test_show_page_groups_figures_by_place_and_period(pipeline):
    from danvan_extract.views.html_view import fact_title, render_page

    text = "Năm 2022, huyện Mường Khương có 285 mô hình. Năm 2023, huyện có 300 mô hình."
    facts = pipeline.extract(text)
    page = render_page(text, facts)
    assert "Figures by place and period" in page
    assert "Mường Khương (huyện, Lào Cai) · 2022" in page and "Mường Khương (huyện, Lào Cai) · 2023" in page
    count = [f for f in facts if f.type == "count"][0]
    assert "location: Mường Khương (huyện, Lào Cai)" in fact_title(count)
    assert "period: 2022" in fact_title(count)


@pytest.mark.parametrize("head,published", [
    ("Thứ tư, ngày 24 tháng 4 năm 2024\nTin tức\nThứ ba, ngày 24 tháng 1 năm 2023 | 10:31\n", "2023-01-24"),
    ("Thứ Tư, 22/5/2019\nTiêu đề bài\n1/8/2018 23:7' Gửi bài này In bài này\n", "2018-08-01"),
    ("date 2025-07-21 title\n", "2025-07-21"),
    ("Số: 135 /BC-CTK\nLai Châu, ngày 24 tháng 3 năm 2023\n", "2023-03-24"),
    ("08:51 - 09/11/2023\n", "2023-11-09"),
    # a date stamp that the body follows on the same line
    (" date 2024-03-05 Trong giai đoạn 2021 - 2025, tỉnh đã hỗ trợ hàng nghìn hộ dân vay vốn ưu đãi để phát triển sản xuất.\n",
     "2024-03-05"),
    ("Tính đến ngày 30/6/2023, cả nước có 5.000 xã.\n", None),  # a sentence, not a date line
    ("Ngày 16/6/2025, Hội đồng nhân dân tỉnh thông qua nghị quyết.\n", None),  # a sentence opened by its date
    # a publication stamp under other labels
    ("Thời gian đăng: 15/04/2024 08:30\n", "2024-04-15"),
    ("Ngày xuất bản: 15/04/2024\n", "2024-04-15"),
    ("Posted: 15/04/2024\n", "2024-04-15"),
    # a newspaper's or portal's name before its date
    ("Tiêu đề bài\nBáo Tuyên Quang - 20/6/2024\n", "2024-06-20"),
    ("Tiêu đề bài\nĐài PT-TH Lào Cai | Thứ Năm, 20/6/2024\n", "2024-06-20"),
    ("Báo cáo - 20/6/2024 kết quả thực hiện\n", None),  # a report's word, no paper's name
    # a date in words without "ngày"; a byline's name before the date
    ("Tiêu đề bài\nThứ hai, 15 tháng 4 năm 2024\n", "2024-04-15"),
    ("Tiêu đề bài\nTác giả: Minh Anh | 15/04/2024\n", "2024-04-15"),
    ("Tiêu đề bài\nMinh Anh - 15/04/2024 10:20\n", "2024-04-15"),
    # a news dateline opening the lead: place or bracketed source, date, dash
    ("Tiêu đề bài viết ở đây\nHÀ GIANG, 15/6/2024 - Tỉnh đã sắp xếp các thôn, tổ dân phố theo nghị quyết.\n", "2024-06-15"),
    ("Tiêu đề bài viết ở đây\n(Daklak.gov.vn) - 11/11/2023 - Theo kết quả rà soát, huyện còn nhiều hộ nghèo.\n",
     "2023-11-11"),
    # "Place, d/m/y" alone on its line, "ngày" left out
    ("Tiêu đề bài viết ở đây\nSi Ma Cai, 28/6/2025\n", "2025-06-28"),
    ("Tiêu đề bài viết ở đây\nSi Ma Cai, 28/6/2025 là ngày huyện ra mắt mô hình mới của thanh niên.\n", None),
    # a labelled stamp in the ISO order; "Ngày:" with a time zone after the date
    ("Tiêu đề bài\nCập nhật: 2025-10-14 08:30\n", "2025-10-14"),
    ("Tiêu đề bài\nNgày: 02/08/2024 (GMT+7)\n", "2024-08-02"),
    ("Tiêu đề bài\nNgày: 02/08/2024, Liên đoàn Lao động tỉnh tổ chức đại hội.\n", None),
    # a weekday is no place of a lead's dateline: the whole line, its clock time too, is the date line
    ("Tiêu đề bài\nThứ Năm, 21/03/2024 - 08:25\n", "2024-03-21"),
    # "15 Tháng 4, 2021" (a comma for "năm"), "Ngày phát hành:", a weekday's short form "T5,"
    ("Tiêu đề bài\nĐăng ngày 15 Tháng 4, 2021\n", "2021-04-15"),
    ("Tiêu đề bài\nNgày phát hành: 15/04/2021\n", "2021-04-15"),
    ("Tiêu đề bài\nT5, 15/04/2021 - 08:05\n", "2021-04-15"),
    ("Tiêu đề bài\nNgày 15 tháng 4, 2021, UBND huyện tổ chức hội nghị tổng kết công tác.\n", None),
    # a page's counter or its poster before the date
    ("Tiêu đề bài\nLượt xem: 1.245 | 15/04/2021\n", "2021-04-15"),
    ("Tiêu đề bài\nĐăng bởi: Ban biên tập - 15/04/2021\n", "2021-04-15"),
    ("Tiêu đề bài\nLượt xem: 1.245\n", None),
])
def test_the_articles_date_line(head, published):
    from danvan_extract.dateline import find_published

    assert find_published(head + "Nội dung bài viết.\n") == published


@pytest.mark.parametrize("head,title", [
    # a date line with a weekday is no headline, whatever its date
    ("Thời sự\nThứ hai, ngày 4 tháng 3 năm 2024\nThứ ba, ngày 5 tháng 3 năm 2024 | 9:15\n\nMùa xuân trên bản vùng cao\n\n",
     "Mùa xuân trên bản vùng cao"),
    # body text after a date stamp: the page kept no headline
    (" date 2024-03-05 Ngày 5-3, huyện tổ chức hội nghị tổng kết công tác dân vận năm 2023.\n\nẢnh minh họa hội nghị\n\n", None),
    # an official document: its title follows the document type, after the header
    ("Trang 1 of 9\nUBND HUYỆN AN PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHÒNG THỐNG KÊ Độc lập - Tự do - Hạnh phúc\n"
     "Số: 12/BC-TK An Phú, ngày 2 tháng 4 năm 2024\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2024\n\n",
     "Tình hình kinh tế - xã hội quý I năm 2024"),
    ("ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 7/KH-UBND |\n"
     "Căn cứ Kế hoạch số 3/KH-UBND của Ủy ban nhân dân huyện về công tác dân vận năm 2024.\n", None),
    ("You are on page 1of 12\n\nNông thôn mới ở vùng biên\n\n", "Nông thôn mới ở vùng biên"),
    # a site's name in capitals and a menu between bars are the page's
    ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN BẢO THẮNG\nChính trị | Kinh tế | Văn hóa | Xã hội | Quốc tế\n"
     "Huyện Bảo Thắng ra quân xây dựng nông thôn mới\n", "Huyện Bảo Thắng ra quân xây dựng nông thôn mới"),
    ("BÁO NGHỆ AN ĐIỆN TỬ\nKỳ Sơn có thêm 3 xã nông thôn mới\n", "Kỳ Sơn có thêm 3 xã nông thôn mới"),
    # an outlet's, a unit's, a province's or a section's name alone on its line is no headline
    ("Báo Quảng Ninh\nBa Chẽ trồng mới 1.500 ha rừng\n", "Ba Chẽ trồng mới 1.500 ha rừng"),
    ("Cổng thông tin điện tử tỉnh Cao Bằng\nBảo Lâm hỗ trợ nhà ở cho hộ nghèo\n", "Bảo Lâm hỗ trợ nhà ở cho hộ nghèo"),
    ("Huyện Tam Nông (Phú Thọ)\nTam Nông đào tạo nghề cho lao động\n", "Tam Nông đào tạo nghề cho lao động"),
    ("Thừa Thiên Huế\nPhong Điền làm lúa hữu cơ\n", "Phong Điền làm lúa hữu cơ"),
    # every Vietnamese level word of the levels registry opens such a line, a special zone's too
    ("Đặc khu Côn Đảo (Bà Rịa - Vũng Tàu)\nCôn Đảo có thêm 300 hộ dùng nước sạch\n", "Côn Đảo có thêm 300 hộ dùng nước sạch"),
    ("Trang thông tin điện tử Thị trấn Phố Ràng\nPhố Ràng ra quân làm đường\n", "Phố Ràng ra quân làm đường"),
    ("Xây dựng Đảng\nKiểm tra tổ chức đảng năm 2023\n", "Kiểm tra tổ chức đảng năm 2023"),
    ("Báo Nhân Dân trao quà Tết cho hộ nghèo\n", "Báo Nhân Dân trao quà Tết cho hộ nghèo"),
    # a section named by two fields joined by a dash, a document type alone
    ("Dân tộc - Tôn giáo\nVùng cao Lạng Sơn đổi thay\n", "Vùng cao Lạng Sơn đổi thay"),
    ("THÔNG CÁO BÁO CHÍ\nKết quả hoạt động 9 tháng năm 2024 của ngân hàng\n", "Kết quả hoạt động 9 tháng năm 2024 của ngân hàng"),
    ("Hà Giang - Cao Bằng hợp tác phát triển du lịch\n", "Hà Giang - Cao Bằng hợp tác phát triển du lịch"),
    # a headline about a portal, or with a bar before the site's name, stays the headline
    ("Cổng thông tin điện tử tỉnh ra mắt giao diện mới\n", "Cổng thông tin điện tử tỉnh ra mắt giao diện mới"),
    ("Kỳ Sơn có thêm 3 xã nông thôn mới | Báo Nghệ An\n", "Kỳ Sơn có thêm 3 xã nông thôn mới | Báo Nghệ An"),
    # an agency's name in capitals: an organization's own name ("CHỮ THẬP ĐỎ") counts as its
    # words, and the capitals may run over the whole line
    ("HỘI CHỮ THẬP ĐỎ TỈNH BẾN TRE\nTrao hơn 12.000 phần quà Tết nhân ái\n", "Trao hơn 12.000 phần quà Tết nhân ái"),
    ("TRUYỀN HÌNH QUẢNG BÌNH\nMặt trận tỉnh hỗ trợ người dân vùng lũ\n", "Mặt trận tỉnh hỗ trợ người dân vùng lũ"),
    ("HỘI NGƯỜI CAO TUỔI MỪNG THỌ CÁC CỤ XÃ AN THỦY\n", "HỘI NGƯỜI CAO TUỔI MỪNG THỌ CÁC CỤ XÃ AN THỦY"),
    ("PHÁT TRIỂN DU LỊCH QUẢNG BÌNH\n", "PHÁT TRIỂN DU LỊCH QUẢNG BÌNH"),
    # "Trang tin điện tử …" is a site's name; an agency's name in capitals may hold commas
    ("TRANG TIN ĐIỆN TỬ ĐẢNG BỘ XÃ TÂN LẬP\nĐại hội chi bộ thôn điểm nhiệm kỳ mới\n", "Đại hội chi bộ thôn điểm nhiệm kỳ mới"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH NINH BÌNH\nKhai mạc lễ hội Hoa Lư năm 2024\n", "Khai mạc lễ hội Hoa Lư năm 2024"),
    ("HỖ TRỢ, ĐỘNG VIÊN NGƯỜI DÂN TỈNH NINH BÌNH\n", "HỖ TRỢ, ĐỘNG VIÊN NGƯỜI DÂN TỈNH NINH BÌNH"),
    # "Chuyên mục: …" names the page's section, no headline
    ("Chuyên mục: Dân vận khéo\nCập nhật: 14/05/2024\nNa Hang hỗ trợ 300 hộ phát triển sinh kế\n",
     "Na Hang hỗ trợ 300 hộ phát triển sinh kế"),
    ("Chuyên mục dân vận khéo mở rộng ra toàn tỉnh\n", "Chuyên mục dân vận khéo mở rộng ra toàn tỉnh"),
    # a menu with a campaign's longer section
    ("Thời sự | Bầu cử ĐBQH và HĐND các cấp | Kinh tế | Xã hội\nHiệp thương lần thứ ba lập danh sách ứng cử viên\n",
     "Hiệp thương lần thứ ba lập danh sách ứng cử viên"),
])
def test_the_articles_title(head, title):
    from danvan_extract.context.document_info import find_title

    text = head + "Nội dung bài viết.\n"
    found = find_title(text, [])
    assert (text[found[0]:found[1]] if found else None) == title


def test_article_fields_are_scored():
    from danvan_extract.scoring.context_scoring import DocumentScores

    scores = DocumentScores()
    scores.add({"title": "Huyện A có 12 mô hình", "published": "2023-01-06", "location": {"name": "Lào Cai"}},
               {"title": "huyện A có 12 mô hình", "published": "2023-01-06", "location": {"name": "Yên Bái"}})
    scores.add({"title": None, "published": None, "location": None}, {"title": None, "published": "2020-01-01"})
    assert scores.title.value == 1.0 and scores.title.total == 1
    assert scores.published.value == 0.5 and scores.published.total == 2
    assert scores.location.value == 0.0


def test_full_row_needs_subject_place_and_period():
    from danvan_extract.scoring.context_scoring import row_right

    gold = {"subject": "mô hình", "location": {"name": "Mường Khương"}, "period": {"start": "2022", "end": "2022"}}
    assert row_right(gold, dict(gold))
    assert not row_right(gold, {**gold, "period": None})
    assert not row_right(gold, {**gold, "location": {"name": "Lào Cai"}})
    assert not row_right(gold, None)


def test_a_central_body_acting_on_a_named_province_is_about_the_province(pipeline):
    text = ("Ngày 3/10/2025, Đại hội đại biểu Đảng bộ tỉnh Gia Lai khai mạc. Bộ Chính trị chỉ định Ban Chấp hành "
            "Đảng bộ tỉnh Gia Lai gồm 60 ủy viên.")
    doc = pipeline.extract_document(text, "a")
    assert doc.location is not None and doc.location.name == "Gia Lai"
    national = pipeline.extract_document("Quốc hội thông qua nghị quyết.\n\nSáng 12/6/2025, Quốc hội biểu quyết với "
                                         "461 đại biểu tán thành.", "b")
    assert national.location is not None and national.location.name == "Việt Nam"


@pytest.mark.parametrize("text,place", [
    # a date line right above the lead: the lead that follows names the article's unit
    ("Khám sàng lọc cho người cao tuổi\n08:20 | 12/10/2024\nTrung tâm Y tế thị xã Nghĩa Lộ khám sàng lọc cho người cao tuổi.",
     "Nghĩa Lộ"),
    ("Cập nhật ngày 15/12/2023\nNăm qua, huyện Yên Minh đã hỗ trợ xây dựng nhiều căn nhà Đại đoàn kết.", "Yên Minh"),
    # a unit named once in the lead as one of a list is none of the article's own
    ("Cập nhật: 08/10/2024\nMưa lũ làm nhiều người chết ở các huyện Hướng Hóa, Gio Linh.", "Quảng Trị"),
    # the venue of a provincial body's meeting is not the article's unit
    ("Sơ kết mô hình dân vận\n12/3/2024 10:00\nSáng 12/3/2024, tại huyện Bảo Yên, Ban Dân vận Tỉnh ủy Lào Cai tổ chức"
     " hội nghị sơ kết.\nRiêng huyện Bảo Yên có nhiều mô hình.", "Lào Cai"),
    # the country named for the average compared with is not the article's unit
    ("Thu nhập bình quân tăng khá\n05/01/2025\nNăm 2024, thu nhập bình quân của tỉnh Lai Châu đạt 50 triệu đồng/người,"
     " bằng 52% bình quân cả nước.", "Lai Châu"),
])
def test_the_articles_place(pipeline, text, place):
    doc = pipeline.extract_document(text, "x")
    assert doc.location is not None and doc.location.name == place
