"""The ``newsextract`` command: ``batch`` and ``explain`` subcommands, and the plain forms still work."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from test_batch_fixtures import FURNITURE, dump, page

from newsextract import cli


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(4):
        (root / f"{i}.html").write_bytes(page(i, furniture=True))
    (root / "4.txt").write_bytes(dump(4))
    (root / "5.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return root


def test_batch_jsonl_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    assert cli.main(["batch", str(root), "-o", str(out), "--jobs", "0"]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in recs] == [str(root / n) for n in ("0.html", "1.html", "2.html", "3.html", "4.txt", "5.bin")]
    assert [r["status"] for r in recs] == ["ok"] * 5 + ["error"]
    assert set(recs[0]) == {"source", "status", "article"}
    assert recs[0]["article"]["paragraphs"]
    assert set(recs[-1]) == {"source", "status", "error"} and set(recs[-1]["error"]) == {"type", "message"}
    err = capsys.readouterr().err
    assert "6 items: 5 ok, 1 errors" in err and "pages/s" in err


def test_batch_to_stdout_csv_learn_dedupe(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    root = _folder(tmp_path)
    (root / "6.html").write_bytes(page(0, furniture=True))
    assert cli.main(["batch", str(root), "-o", "-", "--format", "csv", "--jobs", "0", "--learn", "--dedupe",
                     "--quiet"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8"))))
    assert len(rows) == 7
    assert all(FURNITURE not in r["text"] for r in rows)
    assert rows[-1]["duplicate_of"] == str(root / "0.html")


def test_learn_side_file_and_resume(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "o.jsonl"
    assert cli.main(["batch", str(root), "-o", str(out), "--jobs", "0", "--learn", "-q"]) == 0
    side = tmp_path / "o.jsonl.furniture.json"
    assert FURNITURE in side.read_text(encoding="utf-8")
    first = out.read_bytes()
    out.write_bytes(b"\n".join(first.split(b"\n")[:2]) + b"\n")
    assert cli.main(["batch", str(root), "-o", str(out), "--jobs", "0", "--learn", "--resume", "-q"]) == 0
    assert out.read_bytes() == first


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o.jsonl")])
    assert exc.value.code == 2
    with pytest.raises(SystemExit):
        cli.main(["batch", str(tmp_path), "-o", "-", "--resume"])
    with pytest.raises(SystemExit):
        cli.main(["batch", str(tmp_path), "-o", "x.jsonl", "--learn", "--min-pages", "2"])
    # an unwritable output is a failed run: exit code 1, a message, no traceback
    assert cli.main(["batch", str(tmp_path), "-o", str(tmp_path / "no" / "such" / "dir.jsonl"), "-q"]) == 1
    assert "newsextract batch:" in capsys.readouterr().err


def test_plain_forms_still_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsextract.example as example

    shown: list[object] = []
    monkeypatch.setattr(example, "show_example", lambda out: shown.append(out) or 0)
    assert cli.main(["--example"]) == 0
    assert shown == [sys.stdout]
    f = tmp_path / "a.txt"
    f.write_bytes(dump(1))
    assert cli.main([str(f)]) == 0
    assert json.loads(capsys.readouterr().out)["paragraphs"]


def test_explain_dispatch(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsextract.explain as explain

    seen: list[list[str]] = []
    monkeypatch.setattr(explain, "main", lambda argv: seen.append(list(argv)) or 7)
    assert cli.main(["explain", "page.html", "-o", "r.html"]) == 7
    assert seen == [["page.html", "-o", "r.html"]]


def test_console_entry_reads_sys_argv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "x.jsonl"
    monkeypatch.setattr(sys, "argv", ["newsextract", "batch", str(root), "-o", str(out), "-j", "0", "-q"])
    assert cli.main() == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6


def test_progress_line_and_summary() -> None:
    from newsextract.batch.progress import Progress

    buf = io.StringIO()
    p = Progress(buf, total=4, live=True, every=0.0)
    p.add(True)
    p.add(False)
    p.add(True, duplicate=True)
    line = buf.getvalue().split("\r")[-1]
    assert line.startswith("3/4 items  1 errors") and "/s" in line and "ETA" in line
    p.close(skipped=2)
    last = buf.getvalue().splitlines()[-1]
    assert last.startswith("newsextract batch: 3 items (2 already done): 2 ok, 1 errors, 1 duplicates; ")
    assert last.endswith("pages/s")
