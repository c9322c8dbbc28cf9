"""Batch cleaning: inputs, ids, order, one record per item, archive safety, time limits, dedupe."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from test_batch_fixtures import dump, gz, make_tar, make_zip, page, slow_or_crash

from newsextract.batch import Item, SourceLimits, clean, iter_sources, process_item
from newsextract.batch.runner import run_items


def _tree(root: Path) -> Path:
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.html").write_bytes(page(1))
    (root / "b" / "c.txt").write_bytes(dump(2))
    (root / "b" / "deep" / "d.html.gz").write_bytes(gz(page(3)))
    make_zip(root / "b" / "z.zip", {"p/4.html": page(4), "p/5.txt": dump(5)})
    make_tar(root / "t.tar.gz", {"6.html": page(6), "7.txt": dump(7)})
    lines = [json.dumps({"url": "https://news.example.kr/8", "html": page(8).decode()}, ensure_ascii=False), "",
             json.dumps({"text": dump(9).decode()}, ensure_ascii=False)]
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_iter_sources_ids_and_order(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    ids = [it.source for it in iter_sources(root)]
    r = str(root)
    assert ids == [
        f"{r}/a.html",
        f"{r}/dump.jsonl!1",
        f"{r}/dump.jsonl!3",
        f"{r}/t.tar.gz!6.html",
        f"{r}/t.tar.gz!7.txt",
        f"{r}/b/c.txt",
        f"{r}/b/z.zip!p/4.html",
        f"{r}/b/z.zip!p/5.txt",
        f"{r}/b/deep/d.html.gz",
    ]
    assert ids == [it.source for it in iter_sources(root)]  # stable
    jsonl = [it for it in iter_sources(root) if "jsonl" in it.source]
    assert jsonl[0].url == "https://news.example.kr/8"
    assert jsonl[1].kind == "text"


@pytest.mark.parametrize("jobs", [0, 2])
def test_clean_one_record_per_item_in_order(tmp_path: Path, jobs: int) -> None:
    root = _tree(tmp_path / "in")
    recs = list(clean(root, jobs=jobs, timeout=30))
    assert [r.source for r in recs] == [it.source for it in iter_sources(root)]
    assert all(r.status == "ok" for r in recs), [(r.source, r.error_message) for r in recs if r.status != "ok"]
    by = {Path(r.source.split("!")[-1]).name: r for r in recs}
    assert by["d.html.gz"].article is not None
    assert "3번 기사의" in by["d.html.gz"].article.text
    assert "4번 기사의" in by["4.html"].article.text  # type: ignore[union-attr]
    url_rec = next(r for r in recs if r.source.endswith("dump.jsonl!1"))
    assert url_rec.article is not None and url_rec.article.url == "https://news.example.kr/8"


def test_bad_items_become_error_records(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "01-empty.html").write_bytes(b"")
    (root / "02-blank.txt").write_bytes(b"   \n\n  ")
    (root / "03-image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (root / "04-random.bin").write_bytes(os.urandom(5000))
    (root / "05-broken.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    (root / "06-nested.html").write_bytes(b"<html><body>" + b"<div>" * 50000 + "깊다".encode() + b"</body></html>")
    (root / "07-nul.txt").write_bytes(b"\x00" * 10000)
    (root / "08-dangling").symlink_to(root / "missing-target")
    (root / "09-broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "10-bad.jsonl").write_text('{"html": "<p>x</p>"\n[1, 2]\n{"other": 1}\n', encoding="utf-8")
    (root / "11-good.html").write_bytes(page(11))
    expected = [it.source for it in iter_sources(root)]
    t0 = time.monotonic()
    recs = list(clean(root, jobs=2, timeout=60))
    assert time.monotonic() - t0 < 60
    assert [r.source for r in recs] == expected
    assert len(expected) == 13  # ten files, the bad JSON Lines file holds three records
    status = {Path(r.source).name: (r.status, r.error_type) for r in recs}
    for name in ("01-empty.html", "02-blank.txt", "03-image.png", "04-random.bin", "05-broken.gz",
                 "07-nul.txt", "08-dangling", "09-broken.zip"):
        assert status[name][0] == "error", name
        assert status[name][1], name
    assert status["11-good.html"] == ("ok", None)
    assert [s for n, s in status.items() if n.startswith("10-bad.jsonl")] == [("error", "JSONError")] * 3
    for r in recs:
        if r.status == "error":
            assert r.article is None and r.error_message


def test_symlinks_never_lead_out_of_the_tree(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.html").write_bytes(page(99))
    root = tmp_path / "in"
    (root / "real").mkdir(parents=True)
    (root / "real" / "a.html").write_bytes(page(1))
    (root / "link-out.html").symlink_to(outside / "secret.html")
    (root / "dir-out").symlink_to(outside, target_is_directory=True)
    (root / "link-in.html").symlink_to(root / "real" / "a.html")
    (root / "dir-in").symlink_to(root / "real", target_is_directory=True)
    items = {Path(it.source).name: it for it in iter_sources(root)}
    assert set(items) == {"a.html", "link-out.html", "dir-out", "link-in.html"}
    assert items["link-out.html"].error is not None and items["link-out.html"].error[0] == "UnsafePathError"
    assert items["dir-out"].error is not None
    assert items["link-in.html"].error is None
    recs = {Path(r.source).name: r for r in clean(root, jobs=0)}
    assert all("99번" not in (r.article.text if r.article else "") for r in recs.values())


def test_zip_traversal_names_are_only_ids(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    z = make_zip(work / "evil.zip", {"../../escaped.html": page(1), "/abs/x.html": page(2)})
    before = sorted(p.name for p in tmp_path.rglob("*"))
    recs = list(clean(z, jobs=0))
    assert [r.source for r in recs] == [f"{z}!../../escaped.html", f"{z}!/abs/x.html"]
    assert all(r.status == "ok" for r in recs)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written anywhere


def test_zip_bomb_limits(tmp_path: Path) -> None:
    bomb = b"<p>" + b"A" * (8 * 1024 * 1024) + b"</p>"
    z = make_zip(tmp_path / "bomb.zip", {"bomb.html": bomb, "ok.html": page(1)})
    recs = list(clean(z, jobs=0))
    assert [(r.status, r.error_type) for r in recs] == [("error", "ArchiveBombError"), ("ok", None)]
    small = SourceLimits(max_bytes=200)
    recs = list(clean(z, jobs=0, source_limits=small))
    assert [r.error_type for r in recs] == ["InputTooLargeError", "InputTooLargeError"]
    # a gzip'd single file is held to the same limits
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(bomb))
    rec = next(iter(clean(tmp_path / "bomb.html.gz", jobs=0)))
    assert rec.status == "error" and rec.error_type == "InputTooLargeError"


def test_zip_repeated_member_names_get_unique_ids(tmp_path: Path) -> None:
    path = tmp_path / "dup.zip"
    with zipfile.ZipFile(path, "w") as zf, pytest.warns(UserWarning):
        zf.writestr("a.html", page(1))
        zf.writestr("a.html", page(2))
    assert [it.source for it in iter_sources(path)] == [f"{path}!a.html", f"{path}!a.html#2"]


def test_truncated_tar_gz_keeps_members_read_and_reports_the_break(tmp_path: Path) -> None:
    full = make_tar(tmp_path / "full.tar.gz", {f"{i}.html": page(i) + os.urandom(3000) for i in range(6)})
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    items = list(iter_sources(cut))
    assert items[-1].source == str(cut) and items[-1].error is not None
    assert items[-1].error[0] == "ArchiveError"
    assert all(it.error is None for it in items[:-1])


def test_jsonl_field_option(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl.gz"
    rows = [{"id": 1, "raw": page(1).decode()}, {"id": 2, "raw": page(2).decode()}]
    path.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))
    recs = list(clean(path, jobs=0, field="raw"))
    assert [r.status for r in recs] == ["ok", "ok"]
    recs = list(clean(path, jobs=0, field="missing"))
    assert [r.error_type for r in recs] == ["JSONError", "JSONError"]


def test_warc_responses(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in [
            ("https://news.example.kr/a/1", "text/html; charset=utf-8", page(1)),
            ("https://news.example.kr/logo.png", "image/png", b"\x89PNG\r\n\x1a\n0000"),
            ("https://news.example.kr/a/2", "text/html", page(2)),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(rec)
        writer.write_record(writer.create_warc_record("https://news.example.kr/a/1", "request",
                                                      payload=io.BytesIO(b"GET /a/1 HTTP/1.1\r\n\r\n")))
    recs = list(clean(path, jobs=0))
    assert [r.status for r in recs] == ["ok", "ok"]
    urls = [r.article.url for r in recs if r.article]
    assert urls == ["https://news.example.kr/a/1", "https://news.example.kr/a/2"]
    for r, u in zip(recs, urls, strict=True):
        assert r.source.startswith(f"{path}!<urn:uuid:") and r.source.endswith(f"> {u}")
    assert "1번 기사의" in recs[0].article.text  # type: ignore[union-attr]


def test_dedupe_flags_exact_copies(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.html").write_bytes(page(1))
    (root / "b.html").write_bytes(page(2))
    (root / "c.txt").write_bytes(page(1).replace(b"<title>", b"<title>[copy] "))  # same body, new title
    recs = list(clean(root, jobs=0, dedupe=True))
    assert [r.duplicate_of for r in recs] == [None, None, str(root / "a.html")]


def test_in_flight_work_is_bounded() -> None:
    pulled = 0

    def endless() -> itertools.count[int]:
        return itertools.count()

    def items():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for i in endless():
            pulled += 1
            yield Item(source=f"mem!{i}", data=dump(i))

    out = run_items(items(), jobs=1, window=32)
    got = [next(out).source for _ in range(100)]
    assert got == [f"mem!{i}" for i in range(100)]
    assert pulled <= 100 + 32
    out.close()  # type: ignore[attr-defined]


# ---- time limits and crashes (slow_or_crash lives in test_batch_fixtures: workers import it by name)


def test_runaway_item_is_stopped_and_the_rest_completes() -> None:
    names = ["a", "hang", "b", "c", "crash", "d", "e", "f"]
    items = [Item(source=f"mem!{n}", data=dump(i)) for i, n in enumerate(names)]
    t0 = time.monotonic()
    recs = list(run_items(items, jobs=2, timeout=3.0, func=slow_or_crash, chunk_size=2))
    assert time.monotonic() - t0 < 60
    assert [r.source for r in recs] == [it.source for it in items]
    kinds = {r.source.split("!")[1]: (r.status, r.error_type) for r in recs}
    assert kinds["hang"] == ("error", "Timeout")
    assert kinds["crash"] == ("error", "WorkerCrashed")
    assert all(kinds[n] == ("ok", None) for n in "abcdef")


def test_records_are_plain_json() -> None:
    ok = process_item(Item(source="x", data=dump(1)))
    bad = process_item(Item(source="y", data=b""))
    assert json.loads(json.dumps(ok.to_dict(), ensure_ascii=False))["article"]["paragraphs"]
    assert bad.to_dict() == {"source": "y", "status": "error",
                             "error": {"type": bad.error_type, "message": bad.error_message}}


def test_tar_variants_and_optional_zst(tmp_path: Path) -> None:
    for mode, suffix in (("w", ".tar"), ("w:bz2", ".tar.bz2"), ("w:xz", ".tar.xz")):
        t = make_tar(tmp_path / f"a{suffix}", {"x.html": page(1), "y.txt": dump(2)}, mode=mode)
        assert [r.status for r in clean(t, jobs=0)] == ["ok", "ok"], suffix
    zst = tmp_path / "a.tar.zst"
    zst.write_bytes(b"\x28\xb5\x2f\xfd not really zstd")
    items = list(iter_sources(zst))
    assert len(items) == 1 and items[0].error is not None  # unreadable or no zstandard: one error, no crash


def test_same_input_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page(1))
    assert [it.source for it in iter_sources(tmp_path / "a.html", tmp_path, str(tmp_path) + "/")] == [str(tmp_path / "a.html")]
    assert [it.source for it in iter_sources(tmp_path, tmp_path / "a.html")] == [str(tmp_path / "a.html")]
