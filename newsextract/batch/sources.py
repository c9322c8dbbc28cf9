"""Walk batch inputs (folders, archives, WARC, JSON Lines) into :class:`Item` s, one per page, streaming.

Every item has a stable source id:

- a file: its path as given (joined under the folder that was given);
- an archive member: ``archive path + "!" + member name`` (zip, tar, tar.gz/bz2/xz);
- a WARC response: ``warc path + "!" + record id + " " + target URI`` (the URI also becomes ``Article.url``);
- a JSON Lines record: ``jsonl path + "!" + line number``.

Nothing is ever extracted to disk: member names are ids, never joined to a filesystem path, so a hostile
``../../x`` name cannot escape anywhere. Members larger than ``max_bytes`` or inflating more than
``max_ratio`` times are not read: they become error items, as do unreadable files, symlinks that lead out
of the input tree and a broken archive (after the members read before the break).
"""

from __future__ import annotations

import json
import os
import stat
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from ..limits import DEFAULT_LIMITS
from ..source import check_paths

GZIP_MAGIC = b"\x1f\x8b"
JSON_FIELDS = ("html", "raw_html", "content", "body", "text")
"""Fields tried, in order, for the page of a JSON Lines record when ``field`` is not given."""
TEXT_FIELDS = frozenset({"text"})
"""JSON fields whose value is read as a text dump, not sniffed."""


@dataclass(frozen=True, slots=True)
class SourceLimits:
    """Archive safety limits."""

    max_bytes: int = DEFAULT_LIMITS.max_bytes
    """Largest item, in bytes after decompression."""
    max_ratio: float = 200.0
    """Largest compression ratio of one member (zip, gzip) once it inflates past ``ratio_floor``."""
    ratio_floor: int = 1024 * 1024
    """Sizes up to this are never refused for their ratio (small repetitive pages compress well)."""


DEFAULT_SOURCE_LIMITS = SourceLimits()


@dataclass(frozen=True, slots=True)
class Item:
    """One page to clean: its data in memory, or a path the worker reads, or an error found while reading."""

    source: str
    data: bytes | str | None = None
    path: str | None = None
    url: str | None = None
    kind: str | None = None
    """``"text"`` forces the text door; ``None`` sniffs."""
    error: tuple[str, str] | None = None
    """``(type, message)`` when the item could not even be read."""


def _failed(source: str, kind: str, message: str) -> Item:
    return Item(source=source, error=(kind, message))


def iter_sources(
    *paths: str | os.PathLike[str],
    field: str | None = None,
    limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
    skip: frozenset[str] | set[str] | None = None,
) -> Iterator[Item]:
    """Yield one :class:`Item` per page found under ``paths``, in a stable order (sorted folder walk).

    ``field`` names the JSON Lines field holding the page; ``skip`` is a set of source ids not to read.
    A path given twice, or inside a folder also given, is read once (as part of the first).
    """
    for p in _distinct(check_paths(paths)):  # InputTypeError for a path that is not str/PathLike
        for item in _iter_path(p, field=field, limits=limits):
            if skip is None or item.source not in skip:
                yield item


def _distinct(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    names = [os.path.normpath(os.fspath(p)) for p in paths]
    folders = [n for n in names if os.path.isdir(n)]
    out: list[str] = []
    for n in names:
        if n in out or any(_inside(n, f) and n != f for f in folders):
            continue
        out.append(n)
    return out


def _iter_path(path: str, *, field: str | None, limits: SourceLimits) -> Iterator[Item]:
    try:
        st = os.stat(path)
    except OSError as exc:
        yield _failed(path, "SourceReadError", f"cannot read {path!r}: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _iter_folder(path, field=field, limits=limits)
    else:
        yield from _iter_file(path, field=field, limits=limits)


def _iter_folder(root: str, *, field: str | None, limits: SourceLimits) -> Iterator[Item]:
    for path, failed in walk_folder(root):
        if failed is not None:
            yield failed
        else:
            yield from _iter_file(path, field=field, limits=limits)


def walk_folder(root: str) -> Iterator[tuple[str, Item | None]]:
    """The files under ``root`` (sorted, recursive), each with ``None`` or the error item it becomes.

    Symlinks are followed only when they resolve inside the tree; a symlinked folder inside the tree is
    not walked twice (its files are reached through their real path).
    """
    real_root = os.path.realpath(root)
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield folder, _failed(folder, "SourceReadError", f"cannot list {folder!r}: {exc.strerror or exc}")
            continue
        subdirs = []
        for entry in entries:
            path = os.path.join(folder, entry.name)
            if entry.is_symlink():
                target = os.path.realpath(path)
                if not _inside(target, real_root):
                    yield path, _failed(path, "UnsafePathError", "symlink leads out of the input tree; not followed")
                elif not os.path.isdir(target):
                    yield path, None
            elif entry.is_dir(follow_symlinks=False):
                subdirs.append(path)
            elif entry.is_file(follow_symlinks=False):
                yield path, None
            else:
                yield path, _failed(path, "SourceReadError", "not a regular file (device, socket or pipe)")
        stack.extend(reversed(subdirs))


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def archive_kind(name: str) -> str | None:
    """What kind of container a file name says it is: zip, tar, warc, jsonl, or None for one page."""
    low = name.lower()
    if low.endswith(".zip"):
        return "zip"
    if low.endswith((".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")):
        return "tar"
    if low.endswith((".tar.zst", ".tzst")):
        return "tar.zst"
    if low.endswith((".warc", ".warc.gz")):
        return "warc"
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    return None


def iter_file(path: str, *, field: str | None = None, limits: SourceLimits = DEFAULT_SOURCE_LIMITS) -> Iterator[Item]:
    """The items of one file that is not a folder: itself, or the members of the archive it is."""
    return _iter_file(path, field=field, limits=limits)


def _iter_file(path: str, *, field: str | None, limits: SourceLimits) -> Iterator[Item]:
    kind = archive_kind(path)
    try:
        if kind == "zip":
            yield from _iter_zip(path, limits)
        elif kind == "tar":
            with tarfile.open(path, mode="r:*") as tf:
                yield from _iter_tar(path, tf, limits)
        elif kind == "tar.zst":
            yield from _iter_tar_zst(path, limits)
        elif kind == "warc":
            yield from _iter_warc(path, limits)
        elif kind == "jsonl":
            yield from _iter_jsonl(path, field, limits)
        else:
            yield Item(source=path, path=path)  # read (and gunzipped) in the worker
    except (OSError, EOFError, tarfile.TarError, zipfile.BadZipFile, ValueError) as exc:
        yield _failed(path, "ArchiveError", f"cannot read the {kind or 'file'} {path!r}: {exc}")
    except Exception as exc:  # a reader's own error types, e.g. warcio's ArchiveLoadFailed on a broken WARC
        yield _failed(path, "ArchiveError", f"cannot read the {kind or 'file'} {path!r}: {type(exc).__name__}: {exc}")


def _iter_zip(path: str, limits: SourceLimits) -> Iterator[Item]:
    with zipfile.ZipFile(path) as zf:
        seen: dict[str, int] = {}
        for info in zf.infolist():
            if info.is_dir():
                continue
            source = _unique(f"{path}!{info.filename}", seen)
            if info.file_size > limits.max_bytes:
                yield _failed(source, "InputTooLargeError", f"member inflates to {info.file_size} bytes; "
                              f"the limit is {limits.max_bytes}")
                continue
            if _bad_ratio(info.file_size, info.compress_size, limits):
                yield _failed(source, "ArchiveBombError", f"member compression ratio "
                              f"{info.file_size / max(info.compress_size, 1):.0f} exceeds {limits.max_ratio:.0f}")
                continue
            try:
                with zf.open(info) as fh:
                    data = fh.read(limits.max_bytes + 1)  # never trust the header alone
            except (OSError, EOFError, zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError) as exc:
                yield _failed(source, "ArchiveError", f"cannot read member: {exc}")
                continue
            if len(data) > limits.max_bytes:
                yield _failed(source, "InputTooLargeError", f"member is larger than {limits.max_bytes} bytes")
                continue
            yield Item(source=source, data=data)


def _bad_ratio(size: int, packed: int, limits: SourceLimits) -> bool:
    return size > limits.ratio_floor and size > limits.max_ratio * max(packed, 1)


def _unique(source: str, seen: dict[str, int]) -> str:
    """Keep ids unique when an archive repeats a member name: the n-th copy gets ``#n``."""
    n = seen.get(source, 0) + 1
    seen[source] = n
    return source if n == 1 else f"{source}#{n}"


def _iter_tar(path: str, tf: tarfile.TarFile, limits: SourceLimits) -> Iterator[Item]:
    seen: dict[str, int] = {}
    for info in tf:
        if info.isdir():
            continue
        source = _unique(f"{path}!{info.name}", seen)
        if not info.isfile():
            yield _failed(source, "UnsafePathError", "link or special member; not followed")
            continue
        if info.size > limits.max_bytes:
            yield _failed(source, "InputTooLargeError", f"member is {info.size} bytes; the limit is {limits.max_bytes}")
            continue
        fh = tf.extractfile(info)
        if fh is None:
            yield _failed(source, "ArchiveError", "member has no data")
            continue
        yield Item(source=source, data=fh.read(limits.max_bytes + 1))


def _iter_tar_zst(path: str, limits: SourceLimits) -> Iterator[Item]:
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        yield _failed(path, "ArchiveError", "reading .tar.zst needs the optional 'zstandard' package")
        return
    with open(path, "rb") as raw:
        reader = zstandard.ZstdDecompressor().stream_reader(raw)
        with tarfile.open(fileobj=reader, mode="r|") as tf:
            yield from _iter_tar(path, tf, limits)


def _open_maybe_gz(path: str) -> IO[bytes]:
    import gzip

    fh = open(path, "rb")  # noqa: SIM115 - returned to the caller, closed there
    if fh.read(2) == GZIP_MAGIC:
        fh.seek(0)
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    fh.seek(0)
    return fh


def _iter_jsonl(path: str, field: str | None, limits: SourceLimits) -> Iterator[Item]:
    with _open_maybe_gz(path) as fh:
        for n, raw in enumerate(_capped_lines(fh, limits.max_bytes), start=1):
            source = f"{path}!{n}"
            if raw is None:
                yield _failed(source, "InputTooLargeError", f"line is longer than {limits.max_bytes} bytes")
                continue
            if not raw.strip():
                continue  # a blank line holds no record
            yield _json_item(source, raw, field)


def _capped_lines(fh: IO[bytes], cap: int) -> Iterator[bytes | None]:
    """Lines of ``fh``; ``None`` for a line longer than ``cap`` (its rest is skipped, memory stays bounded)."""
    while True:
        line = fh.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _json_item(source: str, raw: bytes, field: str | None) -> Item:
    try:
        rec = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: [[[[... 100,000 deep
        return _failed(source, "JSONError", f"line is not JSON: {exc}")
    if not isinstance(rec, dict):
        return _failed(source, "JSONError", "line is not a JSON object")
    names: Iterable[str] = (field,) if field else JSON_FIELDS
    for name in names:
        value = rec.get(name)
        if isinstance(value, str):
            url = rec.get("url")
            return Item(
                source=source,
                data=value,
                url=url if isinstance(url, str) else None,
                kind="text" if name in TEXT_FIELDS else None,
            )
    wanted = field or " or ".join(JSON_FIELDS)
    return _failed(source, "JSONError", f"record has no string field {wanted!r}")


def _iter_warc(path: str, limits: SourceLimits) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        yield _failed(path, "ArchiveError", "reading WARC needs the optional extra: pip install 'newsextract[warc]'")
        return
    with open(path, "rb") as fh:
        seen: dict[str, int] = {}
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
            if ctype and not _is_page_type(ctype):
                continue  # images, scripts, CSS: not pages
            rid = rec.rec_headers.get_header("WARC-Record-ID") or ""
            uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
            source = _unique(f"{path}!{rid} {uri}", seen)
            data = rec.content_stream().read(limits.max_bytes + 1)
            if len(data) > limits.max_bytes:
                yield _failed(source, "InputTooLargeError", f"record is larger than {limits.max_bytes} bytes")
                continue
            yield Item(source=source, data=data, url=uri or None)


def _is_page_type(ctype: str) -> bool:
    low = ctype.lower()
    return "html" in low or low.startswith("text/")


def count_items(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """A cheap item count for progress: folders and zips are counted, streams (tar, WARC, JSONL) are not."""
    total = 0
    for p in paths:
        name = os.fspath(p)
        if os.path.isdir(name):
            for folder, _dirs, files in os.walk(name):
                for f in files:
                    kind = archive_kind(f)
                    if kind == "zip":
                        n = _zip_count(os.path.join(folder, f))
                        if n is None:
                            return None
                        total += n
                    elif kind is not None:
                        return None
                    else:
                        total += 1
        else:
            kind = archive_kind(name)
            if kind == "zip":
                n = _zip_count(name)
                if n is None:
                    return None
                total += n
            elif kind is None:
                total += 1
            else:
                return None
    return total


def _zip_count(path: str) -> int | None:
    try:
        with zipfile.ZipFile(path) as zf:
            return sum(1 for i in zf.infolist() if not i.is_dir())
    except (OSError, zipfile.BadZipFile):
        return None
