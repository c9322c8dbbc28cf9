"""The fuzz harness: its seeds (and simple mutations of them) replay cleanly; a short atheris run if installed."""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", FUZZ / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeds_and_mutations_replay() -> None:
    harness, seeds = _load("fuzz_extract"), _load("seeds")
    corpus = seeds.seeds()
    assert len(corpus) > 20
    inputs: list[bytes] = []
    rng = random.Random(5)
    for seed in corpus[::4]:
        inputs.append(seed)
        data = bytearray(seed)
        for _ in range(3):  # flip, cut, repeat: what a fuzzer does first
            if len(data) > 2:
                data[rng.randrange(1, len(data))] = rng.randrange(256)
                del data[rng.randrange(1, len(data)) :]
                data += data[1:][: rng.randrange(1, 200)]
            inputs.append(bytes(data))
    for mode in range(12):
        for payload in (b"", b"\x00", b"<", b"\xff" * 50, b"<div>" * 3000, b"\x1f\x8b\x08"):
            inputs.append(bytes([mode]) + payload)
    for data in inputs:
        harness.one_input(data)  # raises on a finding


@pytest.mark.parametrize("name", sorted(p.name for p in (FUZZ / "regressions").iterdir()))
def test_past_findings_replay(name: str) -> None:
    """Inputs the fuzzer once failed on (fuzz/regressions/, named after the bug)."""
    _load("fuzz_extract").one_input((FUZZ / "regressions" / name).read_bytes())


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_short_fuzz_run(tmp_path: Path) -> None:
    seconds = os.environ.get("NEWSEXTRACT_FUZZ_SECONDS", "10")
    subprocess.run([sys.executable, str(FUZZ / "seeds.py"), str(tmp_path / "corpus")], check=True)
    run = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz_extract.py"), f"-max_total_time={seconds}", "-max_len=65536",
         "-timeout=20", "-rss_limit_mb=4096", f"-artifact_prefix={tmp_path}/", str(tmp_path / "corpus")],
        capture_output=True, text=True, errors="replace", timeout=int(seconds) + 300,
    )
    assert run.returncode == 0, run.stderr[-4000:]
