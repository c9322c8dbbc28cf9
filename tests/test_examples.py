"""The scripts in examples/ run and produce what they promise (on the bundled sample)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsextract.example import sample_bytes, sample_html_bytes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a-dump.txt").write_bytes(sample_bytes())
    html = sample_html_bytes()
    if html is not None:
        (pages / "b-page.html").write_bytes(html)
    (pages / "c-broken.html").write_bytes(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f" * 8)
    return pages


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_clean_folder_both_ways(folder: Path) -> None:
    mod = _module("clean_folder")
    simple = list(mod.simple(folder))
    batch = list(mod.batch(folder, 0))
    n = len(list(folder.iterdir()))
    assert len(simple) == len(batch) == n
    assert [r["status"] for r in simple] == [r["status"] for r in batch] == ["ok"] * (n - 1) + ["error"]
    ok = [r for r in batch if r["status"] == "ok"]
    assert all(r["article"]["title"] for r in ok)  # type: ignore[index]
    assert simple[0]["article"] == batch[0]["article"]


def test_clean_folder_script_and_pandas(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "clean_folder.py"), str(folder), str(out), "--jobs", "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "errors" in run.stdout
    rows = _lines(out)
    assert len(rows) == len(list(folder.iterdir()))
    pd = pytest.importorskip("pandas")
    df = _module("load_pandas").load(out)
    assert len(df) == len(rows)
    ok = df[df["status"] == "ok"]
    assert ok["title"].notna().all() and (ok["n_paragraphs"] > 0).all()
    assert str(ok["published"].dt.tz) == "Asia/Seoul"
    assert isinstance(df, pd.DataFrame)


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
def test_clean_folder_shell(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.jsonl"
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    subprocess.run(
        ["sh", str(EXAMPLES / "clean_folder.sh"), str(folder), str(out)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    rows = _lines(out)
    assert [r["status"] for r in rows].count("error") == 1 and len(rows) == len(list(folder.iterdir()))


def test_dask_example(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    out = tmp_path / "parts"
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "dask_clean.py"), str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    rows = [row for part in sorted(out.glob("*.jsonl")) for row in _lines(part)]
    assert len(rows) == len(list(folder.iterdir()))
    assert "error: DecodeError" in run.stdout
