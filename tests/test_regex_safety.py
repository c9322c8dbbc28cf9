"""Every compiled pattern in newsextract runs in linear time on adversarial text (no backtracking traps).

The patterns are found, not listed: every ``regex``/``re`` Pattern held by a module of the package (also
inside tuples, lists and dicts), so a pattern added tomorrow is checked too. Each one is run on strings
built to trigger the classic traps (``\\s*X?\\s*``, unanchored leading ``\\s*``, nested or overlapping
quantifiers) at two lengths; a pattern is flagged when 4x the input costs much more than 4x the time,
or when it runs into the timeout.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from typing import Any

import regex

import newsextract

SMALL, LARGE = 3_000, 12_000
TIMEOUT = 2.0
FLOOR = 0.15
"""Calls faster than this at LARGE are linear enough whatever the ratio (timer noise)."""
MAX_RATIO = 9.0
"""Linear: ~4x time for 4x input; quadratic: ~16x."""

TOKENS = [
    " ", "가", "a", "1", ".", "@", "=", "(", ")", "[", "]", "<", ">", "-", "/", ":", "|", "*", "#", "&", "&#",
    "\n", "·", ",", "_", "\"", "'", "**", "](", "a@", "a.", "2023.", "기자", "입력", "사진", "다.", "▲", "ⓒ", "【",
]
_HANGUL_WORD = regex.compile(r"\p{Hangul}{1,6}")


def patterns() -> Iterator[tuple[str, Any]]:
    seen: set[int] = set()
    for info in pkgutil.walk_packages(newsextract.__path__, "newsextract."):
        module = importlib.import_module(info.name)
        for key, value in list(vars(module).items()):
            for name, pat in _collect(f"{info.name}.{key}", value, 0):
                if id(pat) not in seen:
                    seen.add(id(pat))
                    yield name, pat


def _collect(name: str, value: Any, depth: int) -> Iterator[tuple[str, Any]]:
    if isinstance(value, (regex.Pattern, re.Pattern)):
        if isinstance(value.pattern, str):
            yield name, value
    elif depth < 2 and isinstance(value, (tuple, list, frozenset, set)):
        for i, item in enumerate(value):
            yield from _collect(f"{name}[{i}]", item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for k, item in value.items():
            yield from _collect(f"{name}[{k!r}]", item, depth + 1)


def adversarial(pattern: str, n: int) -> Iterator[str]:
    """Strings of about ``n`` characters that make backtracking patterns blow up."""
    words = sorted(set(_HANGUL_WORD.findall(pattern)))[:6]
    for tok in TOKENS + words:
        yield tok * max(1, n // len(tok))
        yield tok + " " * n + "\x01"
        yield (tok + " ") * max(1, n // (len(tok) + 1))
    for tok in ("(", "[", "<", "【", "\"", "a", "1", "@", *words[:3]):
        yield tok + "가" * n
        yield tok + "a" * n
        yield tok + "1" * n


def cost(pat: Any, text: str) -> float:
    """Seconds for a full scan (finditer) and a fullmatch of ``text``; TIMEOUT when it times out."""
    start = time.perf_counter()
    try:
        if isinstance(pat, regex.Pattern):
            for _ in pat.finditer(text, timeout=TIMEOUT):
                pass
            pat.fullmatch(text, timeout=TIMEOUT)
        else:  # the stdlib has no timeout: keep to the small size
            for _ in pat.finditer(text[:SMALL]):
                pass
            pat.fullmatch(text[:SMALL])
    except TimeoutError:
        return TIMEOUT
    return time.perf_counter() - start


def superlinear(pat: Any) -> list[str]:
    found = []
    small = list(adversarial(pat.pattern, SMALL))
    double = list(adversarial(pat.pattern, 2 * LARGE))
    for i, text in enumerate(adversarial(pat.pattern, LARGE)):
        big = cost(pat, text)
        if big < FLOOR:
            continue
        little = max(cost(pat, small[i]), 1e-4)
        if big < TIMEOUT and big / little <= MAX_RATIO:
            continue
        bigger = cost(pat, double[i])  # confirm: a busy machine can make one timing look bad
        if big >= TIMEOUT or bigger >= TIMEOUT or bigger / big > 3.0:
            found.append(
                f"{text[:12]!r}... x{len(text)}: {big:.2f} s (x{len(small[i])}: {little:.3f} s, "
                f"x{len(double[i])}: {bigger:.2f} s)"
            )
            if len(found) == 3:
                break
    return found


def test_patterns_are_found() -> None:
    names = [name for name, _ in patterns()]
    assert len(names) > 20
    assert any(name.startswith("newsextract.fields.") for name in names)


def test_no_pattern_backtracks_superlinearly() -> None:
    problems = {}
    for name, pat in patterns():
        found = superlinear(pat)
        if found:
            problems[name] = found
    assert not problems, "super-linear patterns (fix them, or give them a timeout=):\n" + "\n".join(
        f"{name} /{pat_src(name)}/: {'; '.join(found[:3])}" for name, found in problems.items()
    )


def pat_src(name: str) -> str:
    for n, pat in patterns():
        if n == name:
            return str(pat.pattern)[:160]
    return "?"
