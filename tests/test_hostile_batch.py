"""The batch functions on hostile input: one record per item, typed error records, never an exception."""

from __future__ import annotations

import gzip
import importlib.util
import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from newsextract.batch import Item, clean, process_item

PAGE = (
    "<html><head><title>가상일보</title></head><body><div id='article'><h1>도서관 야간 개방</h1>"
    "<p>가상시는 다음 달부터 시립도서관의 야간 개방을 늘린다고 밝혔다. 시민 요청이 많았다.</p>"
    "<p>도서관 관계자는 열람실 좌석도 함께 늘릴 계획이라고 말했다.</p></div></body></html>"
)
UNEXPECTED = {"InternalError", "RecursionError", "MemoryError"}

HOSTILE: dict[str, bytes] = {
    "good.html": PAGE.encode(),
    "empty.html": b"",
    "png.html": b"\x89PNG\r\n\x1a\n" + bytes(300),
    "pdf.html": b"%PDF-1.4\n" + bytes(range(256)) * 4,
    "random.html": bytes((i * 7919 + 13) % 256 for i in range(3000)),
    "nul.html": PAGE.encode().replace(b"<p>", b"<p>\x00\x00"),
    "deep.html": b"<html><body>" + b"<div>" * 100_000 + b"x",
    "truncated.html": PAGE.encode()[:97],
    "cp949.html": PAGE.encode("cp949"),
    "bomb.html.gz": gzip.compress(b" " * 5_000_000),
    "broken.html.gz": gzip.compress(PAGE.encode())[:30],
    "broken.zip": b"PK\x03\x04" + bytes(100),
    "broken.tar.gz": gzip.compress(b"not a tar at all" * 10),
    "broken.jsonl": b'{"html": "<p>\xff</p>"}\n{"html": 5}\nnot json\n\n{"nohtml": 1}\n[1,2]\n',
    "deep.jsonl": b"[" * 100_000 + b"]" * 100_000 + b'\n{"html": "<p>x</p>"}\n',
}


def _tar_with_hostile_member() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name, data in (("a.html", PAGE.encode()), ("b.html", b"\x89PNG\r\n\x1a\n" + bytes(50))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _zip_with_hostile_members() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.html", PAGE)
        zf.writestr("../../escape.html", PAGE)
        zf.writestr("bomb.html", b" " * 3_000_000)
    return buf.getvalue()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_process_item_never_raises(name: str) -> None:
    record = process_item(Item(source=name, data=HOSTILE[name]))
    assert record.status in ("ok", "error")
    assert record.error_type not in UNEXPECTED, record.error_message
    if record.status == "error":
        assert record.error_message


def test_clean_gives_one_record_per_item(tmp_path: Path) -> None:
    files = {**HOSTILE, "ok.tar": _tar_with_hostile_member(), "ok.zip": _zip_with_hostile_members()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    records = list(clean([tmp_path], jobs=0))
    assert len(records) >= len(files)
    for rec in records:
        assert rec.error_type not in UNEXPECTED, (rec.source, rec.error_message)
    by_source = {Path(r.source.split("!")[0]).name: r for r in records}
    assert by_source["good.html"].status == "ok"
    assert by_source["png.html"].error_type == "DecodeError"
    assert not (tmp_path.parent / "escape.html").exists()


@pytest.mark.skipif(importlib.util.find_spec("warcio") is None, reason="warcio is not installed")
def test_broken_warc_is_an_error_record(tmp_path: Path) -> None:
    """Found by the fuzzer: warcio's ArchiveLoadFailed used to escape from clean()."""
    (tmp_path / "broken.warc").write_bytes(b"\xff" * 60 + b"\n" + PAGE.encode())
    records = list(clean([tmp_path / "broken.warc"], jobs=0))
    assert records and all(r.status == "error" for r in records)


@pytest.mark.parametrize("paths", [None, 123, [None], [123], [b"/tmp"], b"/tmp"], ids=repr)
def test_wrong_path_types(paths: object) -> None:
    from newsextract import InputTypeError
    from newsextract.batch import iter_sources, learn

    with pytest.raises(InputTypeError):
        list(clean(paths, jobs=0))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        learn(paths, jobs=0)  # type: ignore[arg-type]
    if isinstance(paths, list):
        with pytest.raises(InputTypeError):
            list(iter_sources(*paths))


@pytest.mark.parametrize("item", [None, 5, "page.html", b"<p>x</p>"], ids=repr)
def test_process_item_wants_an_item(item: object) -> None:
    from newsextract import InputTypeError

    with pytest.raises(InputTypeError):
        process_item(item)  # type: ignore[arg-type]
