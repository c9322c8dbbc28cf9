"""Pages saved as MHTML ("Webpage, Single File"): the HTML part is read, its address fills ``url``."""

from __future__ import annotations

import base64
import contextlib
import quopri

import pytest

import newsextract
from newsextract.mhtml import looks_like_mhtml, unwrap

URL = "https://news.example.co.kr/article/20260302/77"
PAGE = (
    '<!DOCTYPE html><html><head><meta charset="{charset}"><title>가람시 새 도서관 문 연다 - 한빛일보</title></head>'
    "<body><h1>가람시 새 도서관 문 연다</h1><p>가람시가 새 도서관을 다음 달 연다고 밝혔다. 주민 의견을 모아 "
    "설계했다고 시는 설명했다.</p><p>열람실은 밤 열 시까지 문을 열고, 어린이 책방은 주말에도 운영한다.</p>"
    "</body></html>"
)


def mhtml(html: bytes, *, encoding: str, charset: str | None, location: bool = True) -> bytes:
    body = (
        quopri.encodestring(html).decode("ascii")
        if encoding == "quoted-printable"
        else base64.encodebytes(html).decode("ascii")
    )
    ctype = "text/html" + (f'; charset="{charset}"' if charset else "")
    head = "From: <Saved by Blink>\r\n" + (f"Snapshot-Content-Location: {URL}\r\n" if location else "")
    return (
        head + "Subject: =?utf-8?Q?test?=\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----Boundary--x1----"\r\n\r\n\r\n'
        f"------Boundary--x1----\r\nContent-Type: {ctype}\r\nContent-Transfer-Encoding: {encoding}\r\n"
        + (f"Content-Location: {URL}\r\n" if location else "")
        + "\r\n"
        + body.replace("\n", "\r\n")
        + "\r\n------Boundary--x1----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "iVBORw0KGgo=\r\n------Boundary--x1------\r\n"
    ).encode("ascii")


@pytest.mark.parametrize(
    ("encoding", "charset", "codec"),
    [("quoted-printable", None, "utf-8"), ("base64", "euc-kr", "cp949"), ("quoted-printable", "utf-8", "utf-8")],
)
def test_saved_page_is_read_from_its_html_part(encoding: str, charset: str | None, codec: str) -> None:
    html = PAGE.format(charset=charset or "utf-8").encode(codec)
    data = mhtml(html, encoding=encoding, charset=charset)
    assert looks_like_mhtml(data)
    art = newsextract.extract(data)
    assert art.title == "가람시 새 도서관 문 연다"
    assert art.paragraphs[0].startswith("가람시가 새 도서관을 다음 달 연다고 밝혔다.")
    assert art.url == URL
    assert art.published is not None and (art.published.month, art.published.day) == (3, 2)


def test_without_an_address_the_url_stays_empty() -> None:
    art = newsextract.extract(mhtml(PAGE.format(charset="utf-8").encode(), encoding="base64", charset=None,
                                    location=False))
    assert art.url is None and art.title == "가람시 새 도서관 문 연다"


def test_plain_pages_and_broken_messages_are_not_unwrapped() -> None:
    page = PAGE.format(charset="utf-8").encode()
    assert not looks_like_mhtml(page)
    assert unwrap(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n") is None
    broken = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n" + b"\xff\xfe" * 50
    assert unwrap(broken) is None
    with contextlib.suppress(newsextract.NewsExtractError):  # read as it is: a record or a typed error
        newsextract.extract(broken)
