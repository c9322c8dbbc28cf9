"""Stage 1: bytes to text (BOM, declared charset, lying declarations, CP949, mojibake, binary input)."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsextract.decode import (
    clean_text,
    declared_encoding,
    decode_bytes,
    looks_like_html,
    normalise_encoding,
    repair_mojibake,
)
from newsextract.errors import DecodeError, NewsExtractError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

BODY = "한빛시 청년 창업마을이 문을 열었다. 옛 학교 건물을 고쳐 작업실 마흔 곳을 마련했다."


def page(charset: str | None, body: str = BODY) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>창업마을</title></head><body><p>{body}</p></body></html>"


def test_plain_utf8() -> None:
    text, enc = decode_bytes(page("utf-8").encode("utf-8"))
    assert enc == "utf-8"
    assert BODY in text


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_bom_wins(bom: bytes, codec: str, name: str) -> None:
    text, enc = decode_bytes(bom + page("euc-kr").encode(codec))
    assert enc == name
    assert BODY in text
    assert not text.startswith("\ufeff")


def test_declared_euc_kr_but_utf8_is_read_as_utf8() -> None:
    """Saved portal copies keep a stale euc-kr declaration over UTF-8 bytes (reference §7.2.4)."""
    text, enc = decode_bytes(page("euc-kr").encode("utf-8"))
    assert enc == "utf-8"
    assert BODY in text


@pytest.mark.parametrize("charset", ["euc-kr", "EUC-KR", "ks_c_5601-1987", None])
def test_cp949_pages(charset: str | None) -> None:
    # "똠" and "햏" are outside EUC-KR proper: only CP949 reads them.
    body = BODY + " 똠방각하 햏"
    text, enc = decode_bytes(page(charset, body).encode("cp949"))
    assert enc == "cp949"
    assert body in text


def test_http_equiv_and_xml_declarations() -> None:
    http_equiv = b'<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=euc-kr">'
    assert declared_encoding(http_equiv) == "cp949"
    assert declared_encoding(b'<?xml version="1.0" encoding="EUC-KR"?><rss>') == "cp949"
    assert declared_encoding(b"<html><head><title>x</title>") is None


def test_lying_latin1_declaration_over_cp949() -> None:
    text, enc = decode_bytes(page("iso-8859-1").encode("cp949"))
    assert enc == "cp949"
    assert BODY in text


def test_a_few_broken_bytes_do_not_change_the_encoding() -> None:
    data = page("utf-8", BODY * 40).encode("utf-8")
    cut = data.index("마련".encode()) + 1  # break one character in the middle
    text, enc = decode_bytes(data[:cut] + data[cut + 1 :])
    assert enc == "utf-8"
    assert text.count("\ufffd") >= 1
    assert BODY in text


def test_utf16_without_bom() -> None:
    text, enc = decode_bytes(page("utf-16").encode("utf-16-le"))
    assert enc == "utf-16-le"
    assert BODY in text


def test_normalise_encoding() -> None:
    assert normalise_encoding("EUC-KR") == "cp949"
    assert normalise_encoding("x-windows-949") == "cp949"
    assert normalise_encoding("UTF8") == "utf-8"
    assert normalise_encoding("no-such-codec") == "no-such-codec"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG"),
        (b"PK\x03\x04" + bytes(100), "ZIP"),
        (b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
    ],
)
def test_binary_magic_numbers(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError, match=what):
        decode_bytes(data)


def test_random_bytes_are_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(20_000))
    with pytest.raises(NewsExtractError, match="binary"):
        decode_bytes(data)


def test_mojibake_repair() -> None:
    shown = "【서울=가나통신】 한빛시 청년 창업마을이 문을 열었다"
    moji = shown.encode("cp949").decode("latin-1")
    assert repair_mojibake(moji) == shown
    # Windows-1252 reading (bytes 0x80-0x9F as typographic characters) is repaired too.
    moji1252 = shown.encode("cp949").decode("cp1252", errors="ignore")
    if "\ufffd" not in moji1252:
        assert "한빛시" in repair_mojibake(moji1252)


def test_lossy_mojibake_keeps_what_survives() -> None:
    """A soft hyphen (byte 0xAD) removed by a normaliser loses that syllable only (reference §7.2.2)."""
    shown = "【서울=가나통신】 한빛시 청년 창업마을이 문을 열었다"
    lossy = shown.encode("cp949").decode("latin-1").replace("\xad", "")
    fixed = repair_mojibake(lossy)
    assert "한빛시 청년 창업마을이 문을" in fixed  # "열" holds byte 0xAD: lost as well
    assert fixed.count("\ufffd") >= 2


def test_mojibake_repair_leaves_real_text_alone() -> None:
    for text in (BODY, "Café crème brûlée, naïve résumé, façade and déjà vu " * 3, "plain ascii " * 10):
        assert repair_mojibake(text) == text


def test_mojibake_in_utf8_bytes_is_repaired_on_decode() -> None:
    moji = BODY.encode("cp949").decode("latin-1")
    text, enc = decode_bytes(page("utf-8", moji).encode("utf-8"))
    assert enc == "utf-8"
    assert BODY in text


def test_control_characters_and_references() -> None:
    raw = "기사&#1; 본문\x01입니다&#x1F;\u200b. &#39;인용&#39; &#34;x&#34;\u3000끝\u00a0!_x000D_"
    cleaned = clean_text(raw)
    assert cleaned == "기사 본문입니다. &#39;인용&#39; &#34;x&#34; 끝 !"


def test_tabs_and_newlines_survive() -> None:
    assert clean_text("a\tb\nc\r\nd") == "a\tb\nc\r\nd"


def test_looks_like_html() -> None:
    assert looks_like_html(page("utf-8"))
    assert not looks_like_html("제목\n\n본문 첫 줄입니다.\n둘째 줄입니다.")


@pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason="shared corpus not present")
def test_dev_corpus_encodings_match_gold() -> None:
    for gold_path in sorted((SHARED / "dev" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        data = (SHARED / "dev" / "pages" / f"{gold['id']}.html").read_bytes()
        _, enc = decode_bytes(data)
        assert enc == gold["encoding"], gold["id"]


@pytest.mark.skipif(not (SHARED / "kinds").is_dir(), reason="shared corpus not present")
def test_kinds_pages_are_cp949_and_hold_their_text() -> None:
    for gold_path in sorted((SHARED / "kinds" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text, enc = decode_bytes((SHARED / "kinds" / "pages" / f"{gold['id']}.html").read_bytes())
        assert enc == gold["encoding"] == "cp949", gold["id"]
        flat = " ".join(lxml_html.document_fromstring(text).text_content().split())
        for para in gold["paragraphs"]:
            assert " ".join(para.split())[:40] in flat, gold["id"]


def test_large_input_decodes_quickly() -> None:
    data = page("euc-kr", BODY * 30_000).encode("cp949")
    assert len(data) > 2_000_000
    text, enc = decode_bytes(data)
    assert enc == "cp949"
    assert text.count("한빛시") == 30_000


def test_one_garbled_block_in_a_korean_page_is_repaired() -> None:
    garbled = "청년 창업마을이 문을 열었다".encode("cp949").decode("latin-1")
    text = f"<p>{BODY}</p><p>{garbled}</p><p>Café crème, déjà vu.</p>"
    fixed = repair_mojibake(text)
    assert "청년 창업마을이 문을 열었다" in fixed
    assert BODY in fixed
    assert "Café crème, déjà vu." in fixed


def test_iso_2022_kr_declared() -> None:
    data = page("iso-2022-kr").encode("iso2022_kr")
    assert data.isascii()
    text, enc = decode_bytes(data)
    assert enc == "iso2022_kr"
    assert BODY in text


def test_real_latin1_page_keeps_its_declaration() -> None:
    body = "Der Ärger über die Öffnungszeiten wächst. " * 5
    data = f'<html><head><meta charset="iso-8859-1"></head><body><p>{body}</p></body></html>'.encode(
        "latin-1"
    )
    text, enc = decode_bytes(data)
    assert enc == "latin-1"
    assert body in text
