"""Write the seed corpus for fuzz_extract.py from the project's own (invented) fixtures.

    python fuzz/seeds.py OUT_DIR

Each seed is one mode byte (which entry point, see fuzz_extract.one_input) followed by a payload.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SMALL = {
    4: ["김하늘 기자 sky@example.com", "(서울=가상일보) 홍길동 이몽룡 기자 =", "[가상일보 김하늘 기자]"],
    5: ["입력 2024.03.05 09:12", "2024년 3월 5일 오후 9시 12분", "Tue, 05 Mar 2024 09:12:00 +0900"],
    6: ["<b>굵게</b> &#x110000; &amp;", "김하늘 기자 = 본문", "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;"],
}
MAX = 60_000


def seeds() -> list[bytes]:
    out: list[bytes] = []
    for page in sorted((FIXTURES / "pages").glob("*.html")):
        data = page.read_bytes()[:MAX]
        out += [bytes([0]) + data, bytes([2]) + data, bytes([9]) + data, bytes([11, 0]) + data]
    for dump in sorted((FIXTURES / "dumps").glob("*.txt")):
        out.append(bytes([3]) + dump.read_bytes()[:MAX])
    for mode, texts in SMALL.items():
        out += [bytes([mode]) + t.encode() for t in texts]
    out += [p.read_bytes() for p in sorted((ROOT / "fuzz" / "regressions").glob("*"))]
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "fuzz/corpus")
    out.mkdir(parents=True, exist_ok=True)
    for seed in seeds():
        (out / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{len(seeds())} seeds in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
