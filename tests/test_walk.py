"""The door's single walk (``walk_tree``): its node lists agree with the tree, blocks keep their white space
rules, and the shortcuts (tag memos, the head's id pre-test, leaf buttons) answer as the long way does."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from newsextract.html.blocks import Walk, walk_tree
from newsextract.html.parse import parse_html
from newsextract.html.profile import build_index, default_index
from newsextract.html.prune import _TIMEISH, tag_pruned, text_content
from newsextract.knowledge.profiles import Profile
from newsextract.limits import DEFAULT_LIMITS

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.htm*"))


def walk(markup: str, *, profiles: bool = True) -> Walk:
    return walk_tree(
        parse_html(markup, limits=DEFAULT_LIMITS), default_index(profiles), limits=DEFAULT_LIMITS
    )


def check_nodes(w: Walk) -> None:
    """Every list of the walk describes the same nodes, as the tree has them."""
    n = len(w.elements)
    assert len(w.parent) == len(w.end) == len(w.tags) == len(w.flags) == len(w.first_block) == n
    for i, el in enumerate(w.elements):
        assert w.tags[i] == el.tag.lower()
        p = w.parent[i]
        if p >= 0:
            assert p < i and el.getparent() is w.elements[p]
            assert w.inside(i, p)
        assert i <= w.end[i] < n
        for j in range(i + 1, w.end[i] + 1):  # the nodes up to end are the element's descendants
            assert any(anc is el for anc in w.elements[j].iterancestors())
        if w.end[i] + 1 < n:
            assert not any(anc is el for anc in w.elements[w.end[i] + 1].iterancestors())
    for k, b in enumerate(w.blocks):
        assert 0 <= b.node < max(n, 1)
        assert w.first_block[b.node] <= k
        assert k in w.block_span(b.node)  # a node's blocks, its descendants' among them, are one run


@pytest.mark.parametrize("path", FIXTURES[:12], ids=lambda p: p.name)
def test_node_lists_agree_with_the_tree(path: Path) -> None:
    root = parse_html(path.read_bytes().decode("utf-8", "replace"), limits=DEFAULT_LIMITS)
    for profiles in (True, False):
        check_nodes(walk_tree(root, default_index(profiles), limits=DEFAULT_LIMITS))


def test_node_lists_of_a_tree_with_comments_and_upper_case_tags() -> None:
    root = lxml_html.document_fromstring(
        "<html><body><DIV class='story'><!-- note --><P>첫 문단 <B>굵게</B> 끝</P><BR><p>둘째</p></DIV></body></html>"
    )
    w = walk_tree(root, default_index(True), limits=DEFAULT_LIMITS)
    check_nodes(w)
    assert [b.text for b in w.blocks] == ["첫 문단 굵게 끝", "둘째"]


@pytest.mark.parametrize(
    "raw",
    [
        "  앞뒤 공백  ",
        "줄\n바꿈\t탭",
        "두  칸   공백",
        "nbsp\xa0와\u3000전각 공백",
        "다음 줄\x85표시와\u2028줄 구분",
        "폭\u200b없는 공백은 글자",
        "보통 문장",
        "\n\t  ",
    ],
)
def test_block_text_collapses_white_space_as_split_and_join(raw: str) -> None:
    root = etree.Element("html")
    body = etree.SubElement(root, "body")
    p = etree.SubElement(body, "p")
    p.text = raw
    w = walk_tree(root, default_index(True), limits=DEFAULT_LIMITS)
    want = " ".join(raw.split())
    assert [b.text for b in w.blocks] == ([want] if want else [])


def test_text_split_over_inline_elements_joins_with_single_spaces() -> None:
    w = walk("<html><body><p>\n  하나 <i>둘</i>\n\t셋 <a href='#'>넷</a>  </p></body></html>")
    assert [b.text for b in w.blocks] == ["하나 둘 셋 넷"]
    assert w.blocks[0].link_chars == 1


@pytest.mark.parametrize(
    "inner",
    [
        "업데이트 2024-05-30 09:12",
        "2024.5.3",
        "2024.5.",
        "공유",
        "",
        "2024년 5월 30일 " + "가" * 80,
        "1234.5.6",
    ],
)
def test_leaf_button_answers_as_the_xpath_text(inner: str) -> None:
    leaf = lxml_html.fragment_fromstring(f"<button>{inner}</button>")
    nested = lxml_html.fragment_fromstring(f"<button><span>{inner}</span></button>")
    for b in (leaf, nested):
        text = text_content(b)
        assert tag_pruned("button", b) == (not (len(text) < 80 and _TIMEISH.search(text)))


def test_a_time_in_a_button_is_kept_and_a_control_is_not() -> None:
    w = walk(
        "<html><body><div><button>업데이트 2024-05-30 09:12</button></div><div><button>공유하기</button></div>"
        "<div><button><span>입력 2024.05.30</span></button></div></body></html>"
    )
    assert [b.text for b in w.blocks] == ["업데이트 2024-05-30 09:12", "입력 2024.05.30"]


def test_an_id_in_the_head_still_names_the_cms() -> None:
    index = build_index([Profile(name="t", detect=("#page-meta",), body=(".story",))])
    page = "<html><head><script id='{}'>{{}}</script><meta id='x'></head><body><p>글</p></body></html>"
    for head_id, found in (("page-meta", True), ("other", False)):
        root = parse_html(page.format(head_id), limits=DEFAULT_LIMITS)
        w = walk_tree(root, index, limits=DEFAULT_LIMITS)
        assert (w.hits.get(("t", "detect")) == [(0, -1)]) is found


def test_shapes_learnt_on_one_page_answer_the_same_on_the_next() -> None:
    index = build_index([Profile(name="t", detect=(".story",), body=(".story",))])
    markup = FIXTURES[0].read_bytes().decode("utf-8", "replace")
    first = walk_tree(parse_html(markup, limits=DEFAULT_LIMITS), index, limits=DEFAULT_LIMITS)
    assert index.shapes and index.tag_shapes  # the walk remembered shapes under this index
    again = walk_tree(parse_html(markup, limits=DEFAULT_LIMITS), index, limits=DEFAULT_LIMITS)
    assert again.blocks == first.blocks and again.parent == first.parent and again.end == first.end
    assert again.hits == first.hits and again.flags == first.flags
