"""Invented pages and archives for the batch tests (no test here: helpers imported by test_batch*.py)."""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import time
import zipfile
from pathlib import Path

from newsextract.batch import Item, Record, WorkOptions, process_item

FURNITURE = "한빛일보 독자 마당에서 오늘의 날씨와 행사 소식을 함께 확인해 보세요"


def page(i: int, *, furniture: bool = False, url: str | None = None) -> bytes:
    """A small invented article page; ``i`` makes its title and text unique."""
    paras = "".join(
        f"<p>한빛시 {i}번 기사의 {j}번째 문단입니다. 시민 {i * 7 + j}명이 새 정책에 대한 의견을 모았다고 전했다.</p>"
        for j in range(3)
    )
    furn = f"<p>{FURNITURE}</p>" if furniture else ""
    canon = f'<link rel="canonical" href="{url}">' if url else ""
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>한빛시 소식 {i}호</title>{canon}</head>'
        f'<body><div id="article-view"><h1>한빛시 소식 {i}호</h1>'
        f'<div class="byline">김하나 기자 hana@example.kr</div>'
        f'<div id="article-body">{paras}{furn}</div></div></body></html>'
    ).encode()


def dump(i: int) -> bytes:
    """A small invented text dump."""
    return (
        f"한빛시 텍스트 소식 {i}호\n\n"
        f"한빛시는 {i}일 시청에서 주민 설명회를 열고 새 버스 노선을 소개했다고 밝혔다.\n\n"
        f"설명회에는 주민 {i + 40}명이 참석해 질문을 이어갔다.\n\n"
        "김하나 기자 hana@example.kr\n"
    ).encode()


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def make_tar(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


def slow_or_crash(item: Item, options: WorkOptions) -> Record:
    """A per-item function for the time-limit and crash tests: "…!hang" sleeps, "…!crash" kills its worker.
    Top level in an importable module, so forkserver and spawned workers find it by name."""
    if item.source.endswith("!hang"):
        time.sleep(600)
    if item.source.endswith("!crash"):
        os._exit(3)
    return process_item(item, options)

