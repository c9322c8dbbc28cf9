"""The generic article finder, for pages no profile recognises.

Readability-style candidate scoring over the walk's raw blocks: each prose block (long enough, few links,
Korean sentence endings) scores its owner's container and, less, the ancestors above; candidates are
weighed by their link density, what their class/id says, and their position relative to the title.
Siblings scoring close to the best join it. When too little prose is found the search reruns relaxed.
"""

from __future__ import annotations

from .blocks import Walk

_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "body", "table", "tbody", "form"})
_HEADER_TAGS = frozenset({"header"})
_ENDINGS = ("다.", "요.", "죠.", "까?", "다”", '다"', "다'", "니다", ". ")


def _prose_score(text: str, link_chars: int, *, min_len: int, max_links: float) -> float:
    n = len(text)
    if n < min_len or link_chars > max_links * n:
        return 0.0
    if min_len < 25 and sum(1 for ch in text if "가" <= ch <= "힣") < n // 2:
        return 0.0  # relaxed: short lines count only when they are mostly Hangul words
    endings = 0
    for e in _ENDINGS:
        endings += text.count(e)
    return 1.0 + min(endings, 6) + min(n / 100.0, 3.0)


def find_container(
    w: Walk, *, title_block: int | None, hinted: tuple[int, ...] = (), relaxed: bool = False
) -> list[int]:
    """Nodes of the article container (the best candidate and the siblings that join it), or []."""
    min_len, max_links = (10, 0.8) if relaxed else (25, 0.5)
    score: dict[int, float] = {}
    total: dict[int, int] = {}
    linked: dict[int, int] = {}
    last_block: dict[int, int] = {}
    parent = w.parent
    tags = w.tags
    for i, b in enumerate(w.blocks):
        if b.kind == "image" or not b.text:
            continue
        n = len(b.text)
        node = b.node
        # text and link totals on every ancestor
        a = node
        while a >= 0:
            total[a] = total.get(a, 0) + n
            linked[a] = linked.get(a, 0) + b.link_chars
            last_block[a] = i
            a = parent[a]
        s = _prose_score(b.text, b.link_chars, min_len=min_len, max_links=max_links)
        if s <= 0:
            continue
        a = node if tags[node] in _CONTAINERS else parent[node]
        level = 0
        while a >= 0 and level < 4:
            score[a] = score.get(a, 0.0) + s / (1 if level == 0 else (2 if level == 1 else level * 3))
            a = parent[a]
            level += 1
    if not score:
        return [] if relaxed else find_container(w, title_block=title_block, hinted=hinted, relaxed=True)
    title_block_i = title_block if title_block is not None else 0
    title_node = w.blocks[title_block].node if title_block is not None else None
    weighted: dict[int, float] = {}
    for node, s in score.items():
        density = linked.get(node, 0) / max(total.get(node, 1), 1)
        v = s * (1.0 - density)
        flag = w.flags[node]
        if not relaxed:
            v *= 1.25 if flag > 0 else (0.6 if flag < 0 else 1.0)
        if tags[node] in _HEADER_TAGS:
            v *= 0.4
        if node in hinted:
            v *= 1.5
        if title_node is not None:
            if last_block.get(node, 0) < title_block_i:
                v *= 0.3
            elif w.inside(title_node, node):
                v *= 0.5
        weighted[node] = v
    best = max(weighted, key=weighted.__getitem__)
    chosen = [best]
    top = weighted[best]
    p = parent[best]
    if p >= 0:
        cls = w.elements[best].get("class")
        for node, v in weighted.items():
            if node == best or parent[node] != p:
                continue
            same = tags[node] == tags[best] and w.elements[node].get("class") == cls
            if v >= (1.0 if same else max(0.25 * top, 3.0)):
                chosen.append(node)
    chosen.sort()
    if not relaxed and sum(total.get(n, 0) for n in chosen) < 200:
        return find_container(w, title_block=title_block, hinted=hinted, relaxed=True) or chosen
    return chosen
