"""``newsextract explain``: the HTML report of kept and dropped blocks (pure rendering and the command)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

import newsextract
from newsextract import Article, Image, Reporter
from newsextract.blocks import Block, Decision
from newsextract.example import sample_bytes
from newsextract.explain import main, render_report
from newsextract.pipeline import explain_decisions

HOSTILE_TITLE = """<script>alert('t')</script> 제목에 "따옴표"와 <b>태그</b>"""
HOSTILE_BODY = (
    "본문은 <img src=x onerror=alert(1)> 같은 문자열과 </textarea></style></script>를 담고 있다.",
    '두 번째 문단도 "><svg onload=alert(2)> 같은 조각을 담고 있다.',
)


def _hostile() -> tuple[Article, list[Decision]]:
    """Decisions and an article built by hand, so the test does not depend on the classifier."""
    title = Block(text=HOSTILE_TITLE, index=0, where='line 1 "><b>')
    junk = Block(text="<iframe src=//evil.example></iframe> 공유하기", index=1, where="line 2")
    body = [Block(text=t, index=i + 2, where=f"line {i + 3}") for i, t in enumerate(HOSTILE_BODY)]
    decisions = [
        Decision(block=title, label="title", reason="headline"),
        Decision(block=junk, label="furniture", reason="<u>phrase</u> catalog"),
        *(Decision(block=b, label="body", reason="body") for b in body),
    ]
    article = Article(
        title=HOSTILE_TITLE,
        paragraphs=HOSTILE_BODY,
        reporters=(Reporter(name="<i>홍길동</i>", role="기자", email='a"b@example.kr'),),
        images=(Image(src="javascript:alert(4)", caption="<img src=y>", credit="</td>"),),
        url='https://example.kr/"><script>alert(5)</script>',
        kind="html",
    )
    return article, decisions


def _tree(report: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(report)


def test_report_lists_every_block_in_page_order() -> None:
    article, decisions = explain_decisions(sample_bytes())
    report = render_report(article, source_name="sample", decisions=decisions)
    items = _tree(report).xpath('//ol[@class="blocks"]/li')
    assert len(items) == len(decisions)
    assert [li.get("data-label") for li in items] == [d.label for d in decisions]
    texts = [li.find_class("text")[0].text_content() for li in items]
    assert texts == [d.block.text for d in decisions]


def test_report_shows_fields_text_and_reasons() -> None:
    article, decisions = explain_decisions(sample_bytes())
    report = render_report(article, source_name="sample_ndsoft.txt", decisions=decisions)
    root = _tree(report)
    assert article.title is not None
    assert root.findtext(".//h1") == article.title
    fields = {th.text_content(): th.getparent().find("td").text_content() for th in root.xpath("//table//th")}
    assert fields["title"] == article.title
    assert article.reporters[0].name in fields["reporters"]
    assert article.published is not None
    assert fields["published"] == article.published.isoformat()
    assert [p.text_content() for p in root.xpath('//article[@class="clean"]/p')] == list(article.paragraphs)
    reasons = {r.text_content() for r in root.find_class("reason")}
    assert {d.reason for d in decisions} == reasons
    dropped = root.xpath('//li[contains(@class, "fate-dropped")]')
    assert len(dropped) == sum(d.label == "furniture" for d in decisions)


def test_report_without_decisions_uses_the_audit_trail() -> None:
    article = newsextract.extract(sample_bytes())
    root = _tree(render_report(article, source_name="sample"))
    items = root.xpath('//ol[@class="blocks"]/li')
    assert len(items) == len(article.paragraphs) + len(article.removed)
    kept = [li.find_class("text")[0].text_content() for li in items if li.get("data-label") == "body"]
    assert kept == list(article.paragraphs)
    labels = {li.get("data-label") for li in items}
    assert {"title", "furniture", "body"} <= labels


def test_report_escapes_hostile_text() -> None:
    article, decisions = _hostile()
    report = render_report(article, source_name='"><script>alert(3)</script>.txt', decisions=decisions)
    root = _tree(report)
    scripts = root.xpath("//script")
    assert len(scripts) == 1 and "alert" not in (scripts[0].text or "")
    assert not root.xpath("//img | //svg | //iframe | //link | //textarea | //*[@onerror] | //*[@onload]")
    assert not root.xpath("//*[@src]")
    assert all(a.get("href", "").startswith("#") for a in root.xpath("//a"))
    assert root.findtext(".//h1") == article.title
    visible = root.text_content()
    assert "<img src=x onerror=alert(1)>" in visible
    assert '"><svg onload=alert(2)>' in visible
    assert "</textarea></style></script>" in visible
    assert "<iframe src=//evil.example></iframe>" in visible and "<u>phrase</u> catalog" in visible
    assert "javascript:alert(4)" in visible and "<script>alert(5)</script>" in visible


def test_report_forbids_network_loads() -> None:
    article, decisions = explain_decisions(sample_bytes())
    root = _tree(render_report(article, source_name="s", decisions=decisions))
    csp = root.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert csp and "default-src 'none'" in csp[0]


def test_main_writes_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(sample_bytes())
    out = tmp_path / "report.html"
    assert main([str(page), "-o", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>")
    assert "page.txt" in report
    assert main([str(page)]) == 0
    assert capsys.readouterr().out == report


def test_main_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing.html")]) == 1
    err = capsys.readouterr().err
    assert "missing.html" in err and "Traceback" not in err


def test_report_of_an_empty_article() -> None:
    root = _tree(render_report(Article(), source_name="empty.html", decisions=[]))
    assert root.findtext(".//h1") == "(no title found)"
    assert not root.xpath('//ol[@class="blocks"]/li')
    assert "no paragraphs kept" in root.text_content()


def test_report_shows_cleaned_text_and_image_sources() -> None:
    para = Block(text="(서울=연합뉴스) 박하늘 기자 = 본문이 여기서 시작한다.", index=0, where="p")
    img = Block(text="사진 설명", kind="image", index=1, where="img", src="/photo/1.jpg", alt="사진 설명")
    decisions = [
        Decision(block=para, label="body", reason="inside", text="본문이 여기서 시작한다."),
        Decision(block=img, label="furniture", reason="image"),
    ]
    root = _tree(
        render_report(Article(paragraphs=("본문이 여기서 시작한다.",)), source_name="s", decisions=decisions)
    )
    assert root.find_class("cleaned")[0].text_content() == "→ 본문이 여기서 시작한다."
    assert "image /photo/1.jpg" in root.text_content()
