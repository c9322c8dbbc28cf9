"""No file access and no network from inside a page: external entities, DTDs, XInclude are never loaded.

A secret file and a listening socket on 127.0.0.1 stand in for what an attacker would point at; the page
names both in every way XML and HTML allow, and neither may be touched.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import newsextract
from newsextract import Article, NewsExtractError

SECRET = "XXE-SECRET-7f3a9c"
BODY = "<p>가상시는 도서관 개방 시간을 늘린다고 밝혔다. 시민들의 요청이 많았다고 시는 설명했다.</p>"


class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lis = Listener()
    yield lis
    lis.close()


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def payloads(secret: Path, port: int) -> dict[str, str]:
    file_url = secret.as_uri()
    http = f"http://127.0.0.1:{port}"
    dtd = f'<!DOCTYPE html [<!ENTITY e SYSTEM "{file_url}"><!ENTITY n SYSTEM "{http}/e"><!ENTITY % p SYSTEM "{http}/p"> %p;]>'
    return {
        "xxe-file": f"{dtd}<html><body><h1>제목 &e;</h1>{BODY}<p>&e; &n;</p></body></html>",
        "xxe-passwd": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body>'
        f"{BODY}<p>&e;</p></body></html>",
        "xhtml-declared": f'<?xml version="1.0" encoding="utf-8"?>\n{dtd}'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{BODY}<p>&e;</p></body></html>',
        "external-dtd": f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{http}/x.dtd">'
        f"<html><body>{BODY}</body></html>",
        "xinclude": f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>{BODY}'
        f'<xi:include href="{file_url}" parse="text"/><xi:include href="{http}/inc"/></body></html>',
        "resources": f'<html><head><link rel="stylesheet" href="{http}/s.css"><script src="{http}/s.js"></script>'
        f'<meta http-equiv="refresh" content="0;url={http}/r"><base href="{http}/"></head>'
        f'<body>{BODY}<img src="{http}/i.png"><iframe src="{file_url}"></iframe>'
        f'<object data="{http}/o"></object><svg><image href="{http}/svg.png"/></svg></body></html>',
        "stylesheet-pi": f'<?xml-stylesheet type="text/xsl" href="{http}/x.xsl"?><html><body>{BODY}</body></html>',
    }


@pytest.mark.parametrize(
    "name", ["xxe-file", "xxe-passwd", "xhtml-declared", "external-dtd", "xinclude", "resources", "stylesheet-pi"]
)
def test_nothing_is_loaded(name: str, secret_file: Path, listener: Listener) -> None:
    page = payloads(secret_file, listener.port)[name]
    results = []
    for value in (page, page.encode("utf-8")):
        results.append(newsextract.extract(value))
        results.append(newsextract.extract_html(value))
    results.append(newsextract.extract(BeautifulSoup(page, "html.parser")))
    for article in results:
        assert isinstance(article, Article)
        dumped = article.to_json(removed=True)
        assert SECRET not in dumped
        assert "root:x:0:0" not in dumped
        assert "도서관 개방" in article.text
    assert listener.hits == 0, "the page made a network connection"


def test_python_sockets_are_never_opened(
    secret_file: Path, listener: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Belt and braces: any socket opened from Python during extraction fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("newsextract opened a socket")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for page in payloads(secret_file, listener.port).values():
        with contextlib.suppress(NewsExtractError):
            newsextract.extract(page)
