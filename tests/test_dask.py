"""newsextract.dask: the same records as the batch command, computed on a 2-process local cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_batch_fixtures import dump, make_tar, make_zip, page

from newsextract.batch import clean

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from newsextract.dask import partitions, record_row, records_bag  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def _inputs(root: Path) -> list[Path]:
    root.mkdir()
    for i in range(7):
        (root / f"{i}.html").write_bytes(page(i))
    (root / "sub").mkdir()
    (root / "sub" / "t.txt").write_bytes(dump(7))
    (root / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    z = make_zip(root.parent / "a.zip", {f"z{i}.html": page(20 + i) for i in range(3)})
    t = make_tar(root.parent / "b.tar.gz", {f"t{i}.txt": dump(30 + i) for i in range(2)})
    return [root, z, t]


def test_partitions(tmp_path: Path) -> None:
    root, z, t = _inputs(tmp_path / "in")
    parts = partitions([root, z, t], files_per_partition=4)
    assert parts[-2:] == [[str(z)], [str(t)]]
    assert sum(len(p) for p in parts[:-2]) == 9


def test_bag_on_local_cluster_matches_batch(tmp_path: Path, client: object) -> None:
    inputs = _inputs(tmp_path / "in")
    bag = records_bag(inputs, files_per_partition=3)
    assert bag.npartitions >= 4
    got = bag.compute()
    want = list(clean(inputs, jobs=0))
    assert [r.source for r in got] == [r.source for r in want]
    assert [r.to_dict() for r in got] == [r.to_dict() for r in want]
    assert [r.status for r in got].count("error") == 1
    rows = bag.map(record_row).compute()
    assert rows[0]["source"] == want[0].source and rows[0]["title"]


def test_dataframe(tmp_path: Path, client: object) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("dask.dataframe")
    from newsextract.dask import records_dataframe

    inputs = _inputs(tmp_path / "in")
    df = records_dataframe(inputs).compute()
    want = list(clean(inputs, jobs=0))  # 9 files (one a PNG), 3 zip members, 2 tar members
    assert len(df) == len(want) == 14 and (df["status"] == "ok").sum() == 13
    assert list(df["source"]) == [r.source for r in want]
