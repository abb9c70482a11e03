"""`danvan-extract show` in a real browser: headless Chromium renders the
page; every fact is highlighted once with its exact text, and a screenshot
is taken (kept at tests/artifacts/show.png for a person to look at)."""

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from danvan_extract.views.cli import app
from danvan_extract.views.html_view import color_of

from .conftest import GOLD, ROOT

ARTICLE = GOLD / "000_8b3bf6bca0c3d9ae.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    pytest.skip("headless Chromium is not installed (CI installs Debian's chromium package)")


def _run_chromium(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


class _Marks(HTMLParser):
    """Collects, per data-fact-id, the fact type and the text inside its <mark> elements."""

    def __init__(self):
        super().__init__()
        self.stack: list = []
        self.text: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.titles: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            a = dict(attrs)
            fid = a.get("data-fact-id")
            self.stack.append(fid)
            if fid is not None:
                self.types[fid] = a.get("data-fact-type")
                self.titles.setdefault(fid, a.get("title") or "")
                self.text.setdefault(fid, "")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data):
        for fid in self.stack:
            if fid is not None:
                self.text[fid] += data


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("show") / "page.html"
    result = CliRunner().invoke(app, ["show", str(ARTICLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_page_in_browser(page, tmp_path, pipeline):
    chromium = _chromium()
    text = ARTICLE.read_text(encoding="utf-8")
    facts = pipeline.extract(text)
    assert facts

    dom = _run_chromium(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<article" in dom.stdout
    marks = _Marks()
    marks.feed(dom.stdout)
    # one highlight per fact, each carrying exactly the fact's text and type
    assert len(marks.text) == len(facts)
    for i, fact in enumerate(facts):
        key = str(i)
        assert marks.types[key] == fact.type
        assert marks.text[key] == fact.text
        assert fact.type in marks.titles[key]
    # a fact the annotators marked is highlighted with its type
    gold = [json.loads(line) for line in ARTICLE.with_suffix("").with_suffix(".facts.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    first_pct = next(g for g in gold if g["type"] == "percentage")
    assert (first_pct["text"], "percentage") in {(marks.text[k], marks.types[k]) for k in marks.text}
    # the side table has one row per fact
    assert dom.stdout.count("data-row-fact-id=") == len(facts)

    shot = tmp_path / "show.png"
    res = _run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000",
                        "--hide-scrollbars", page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "show.png")

    Image = pytest.importorskip("PIL.Image")
    with Image.open(shot) as img:
        assert img.size == (1280, 2000)
        colours = {c for _, c in img.convert("RGB").getcolors(maxcolors=1 << 24)}
    # the percentage highlight colour is on screen (the first percentage is near the top)
    hexc = color_of("percentage").lstrip("#")
    assert tuple(int(hexc[i:i + 2], 16) for i in (0, 2, 4)) in colours
    assert len(colours) > 50  # text, highlights and table, not a blank page


def test_page_markup_without_browser(tmp_path, pipeline):
    """The same checks on the raw page (runs where Chromium is missing), with
    overlapping facts, markup characters in the text and --html input."""
    text = ("<b>Đồng chí Nguyễn Văn A, Bí thư Chi bộ 12 thôn</b> cho biết xã có 285 mô hình & "
            "chiếm 73,53% \"hộ\" <script>x</script>.")
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "a.html"
    result = CliRunner().invoke(app, ["show", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page
    facts = pipeline.extract(text)
    marks = _Marks()
    marks.feed(page)
    assert len(marks.text) == len(facts) >= 2
    for i, fact in enumerate(facts):
        assert (marks.types[str(i)], marks.text[str(i)]) == (fact.type, fact.text)
    # the article's text survives whole: every character once, in order
    article = page[page.index("<article"):page.index("</article>")]
    plain = _Text()
    plain.feed(article)
    assert "".join(plain.parts) == text

    html_src = tmp_path / "b.html"
    html_src.write_text(f"<html><body><p>{text.replace('<', '&lt;')}</p></body></html>", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(html_src), "--html", "-o", str(tmp_path / "b.page.html")])
    assert result.exit_code == 0, result.output
    assert 'data-fact-type="percentage"' in (tmp_path / "b.page.html").read_text(encoding="utf-8")

    missing = CliRunner().invoke(app, ["show", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "c.html")])
    assert missing.exit_code == 2


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def test_overlapping_facts_render_whole():
    """Nested and partly overlapping facts each keep their exact text."""
    from danvan_extract.views.html_view import render_page
    from danvan_extract.records import Count, Percentage, PersonRole

    text = "Ông Lê Văn Ba, Bí thư Chi bộ 12 thôn, nói 40% hộ."
    outer = PersonRole(start=0, end=35, text=text[0:35], person="Lê Văn Ba", roles=["Bí thư Chi bộ 12 thôn"])
    inner = Count(start=29, end=36, text=text[29:36], value=12, noun="thôn")   # sticks out of `outer`
    nested = Count(start=29, end=31, text=text[29:31], value=12)               # inside both
    pct = Percentage(start=42, end=45, text=text[42:45], value=40.0)
    facts = [outer, nested, inner, pct]
    marks = _Marks()
    marks.feed(render_page(text, facts))
    assert {k: marks.text[k] for k in marks.text} == {str(i): f.text for i, f in enumerate(facts)}
    assert [marks.types[str(i)] for i in range(len(facts))] == [f.type for f in facts]
