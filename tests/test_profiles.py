"""The profile data and the selector engine that matches it during the door's walk."""

from __future__ import annotations

import pytest
from conftest import PAGES_DIR, page_names
from lxml import html as lxml_html

from newsextract.decode import decode_bytes
from newsextract.html.door import html_blocks
from newsextract.html.profile import ROLES, build_index, compile_selector, default_index
from newsextract.knowledge.profiles import CAPTION_SELECTORS, PROFILES, PRUNE_SELECTORS, Profile
from newsextract.limits import DEFAULT_LIMITS


def test_profile_names_are_unique_and_complete() -> None:
    names = [p.name for p in PROFILES]
    assert len(names) == len(set(names))
    for p in PROFILES:
        assert p.detect, p.name
        assert p.body, p.name


@pytest.mark.parametrize("profile", PROFILES, ids=[p.name for p in PROFILES])
def test_every_selector_compiles(profile: Profile) -> None:
    for role in ROLES:
        for src in getattr(profile, role):
            sel = compile_selector(src)
            assert sel.parts, src


@pytest.mark.parametrize("src", PRUNE_SELECTORS + CAPTION_SELECTORS)
def test_page_wide_selectors_compile(src: str) -> None:
    assert compile_selector(src).parts


def test_families_named_in_the_issue_have_a_profile() -> None:
    names = {p.name for p in PROFILES}
    wanted = {
        "ndsoft", "ndsoft-arl", "ndsoft-table", "arv", "gnuboard", "naver", "naver-legacy", "naver-sports",
        "naver-entertain", "daum", "nate", "chosun-arc", "joongang", "donga", "hani", "khan", "hankook", "seoul",
        "kmib", "segye", "munhwa", "yonhap", "newsis", "news1", "mk", "hankyung", "sedaily", "mt", "edaily",
        "herald", "asiae", "kbs", "mbc", "sbs", "jtbc", "ytn", "mbn", "tvchosun", "yonhapnewstv", "nocut",
        "ohmynews", "pressian", "zdnet", "etnews",
    }  # fmt: skip
    assert wanted <= names


@pytest.mark.parametrize(
    "src",
    ["div..x", "div[", "#", "p:first-child", "a ~ b"],
)
def test_bad_selectors_are_refused(src: str) -> None:
    with pytest.raises(ValueError):
        compile_selector(src)


def _matches(selector: str, markup: str) -> list[str]:
    """Ids of the elements of ``markup`` the selector matches, through the door's own walk."""
    from newsextract.html.blocks import walk_tree
    from newsextract.knowledge.profiles import Profile as P

    prof = P(name="t", detect=(selector,), body=(selector,))
    index = build_index([prof])
    root = lxml_html.document_fromstring(f"<html><body>{markup}</body></html>")
    w = walk_tree(root, index, limits=DEFAULT_LIMITS)
    return [w.elements[n].get("id") or "" for _, n in w.hits.get(("t", "detect"), [])]


def test_descendant_child_and_attribute_forms() -> None:
    markup = (
        '<div class="wrap" id="w"><section id="s"><p id="a" class="x y">t</p></section>'
        '<p id="b" class="x" data-k="alpha-beta">t</p></div><p id="c" class="y">t</p>'
    )
    assert _matches("p.x", markup) == ["a", "b"]
    assert _matches("p.x.y", markup) == ["a"]
    assert _matches(".wrap p", markup) == ["a", "b"]
    assert _matches(".wrap > p", markup) == ["b"]
    assert _matches("div > section > p", markup) == ["a"]
    assert _matches("[data-k]", markup) == ["b"]
    assert _matches("[data-k*=ha-be]", markup) == ["b"]
    assert _matches("[data-k^=alp]", markup) == ["b"]
    assert _matches("[data-k$=beta]", markup) == ["b"]
    assert _matches("[data-k=alpha]", markup) == []
    assert _matches("#c", markup) == ["c"]
    assert _matches("section p.y", markup) == ["a"]


def test_class_substring_selector_matches_hashed_class_names() -> None:
    markup = '<h3 id="t" class="ArticleDetailView_title__a1B2c">x</h3><h3 id="u" class="other">y</h3>'
    assert _matches("[class*=ArticleDetailView_title]", markup) == ["t"]


def test_default_index_without_profiles_keeps_the_page_wide_rules() -> None:
    off = default_index(False)
    assert off.profiles == ()
    assert off.by_tag.get("figcaption") or off.by_class


# --- recognition by markup, on the invented fixture pages ------------------------------------------------

_FAMILY = {
    "articlehtml-no": "arv",
    "chosun-arcxp": "chosun-arc",
    "daum": "daum",
    "gnuboard": "gnuboard",
    "hani-nextjs": "hani",
    "kbs": "kbs",
    "mbc": "mbc",
    "mbn": "mbn",
    "naver-current": "naver",
    "naver-legacy": "naver-legacy",
    "naver-entertain": "naver-entertain",
    "nate": "nate",
    "ndsoft-arl": "ndsoft-arl",
    "ndsoft-breadcrumbs": "ndsoft",
    "ndsoft-current": "ndsoft",
    "ndsoft-table": "ndsoft-table",
    "sbs": "sbs",
    "tvchosun": "tvchosun",
    "ytn": "ytn",
    "yonhap": "yonhap",
    "yonhapnewstv": "yonhapnewstv",
}


def _profile_of(name: str, *, profiles: bool = True) -> str | None:
    text, _ = decode_bytes((PAGES_DIR / f"{name}.html").read_bytes())
    root = lxml_html.document_fromstring(text)
    _, hints = html_blocks(root, url=None, encoding=None, limits=DEFAULT_LIMITS, profiles=profiles)
    return hints.profile


@pytest.mark.parametrize("name", [n for n in page_names() if n.rsplit("-", 1)[0] in _FAMILY])
def test_fixture_family_is_recognised_by_its_markup(name: str) -> None:
    assert _profile_of(name) == _FAMILY[name.rsplit("-", 1)[0]]


@pytest.mark.parametrize("name", [n for n in page_names() if n.startswith("generic-")])
def test_generic_pages_match_no_profile(name: str) -> None:
    assert _profile_of(name) is None


def test_profiles_off_never_names_a_profile() -> None:
    for name in page_names()[:5]:
        assert _profile_of(name, profiles=False) is None
