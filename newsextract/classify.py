"""Stage 5: label every block (body, title, subtitle, caption, byline, info line, furniture), with a reason.

Shared by both doors.

- Blocks the HTML door placed in a zone (``body``, ``head``, ``outside``) are labelled by zone, then by
  the line rules (phrase catalog, captions, bylines, credits, sign-offs) inside the article.
- Blocks of unknown zone (text dumps, or a page where no container was found) go through the span path:
  find the main run of prose (a maximum-sum segment over per-line scores), cut it at the first tail
  marker (copyright, comment widget, reporter card, related list, tip line) and at a reprint of its first
  paragraph, find the headline before it (a line repeated on the page, a heading, the line over the time
  line), read the header between them (info lines, bylines, deck) and label inside the span.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from .blocks import Block, Decision, Label, PageHints
from .fields.byline import EMAIL, is_label_line, parse_byline
from .knowledge import names, phrases
from .knowledge.labels import ROLE_WORDS
from .memo import page_memo
from .text import shapes
from .text.shapes import norm

_PROMO = shapes.LineCatalog(phrases.PROMO_PATTERNS, phrases.SHORT_PROMO_PATTERNS, phrases.PROMO_LINE)
_CREDIT_EMAIL = regex.compile(
    r"^[\[(<]?\s{0,4}(?:[\p{Hangul}A-Za-z0-9]{1,12}\s+)?\p{Hangul}{2,4}\s{0,4}(?:\p{Hangul}{1,4}\s{0,4})?[(\[<]?\s{0,4}"
    + EMAIL.pattern
    + r"\s{0,4}[)\]>]?\s{0,4}$"
)
_BYLINE_LEFTOVER = regex.compile(r"[\p{Hangul}]")
_TRANSCRIPT_HEAD = regex.compile(phrases.TRANSCRIPT_HEAD)
_GLUED_CREDIT = regex.compile(
    r"\.\s[^.\s][^.]{0,30}?\s?(?:"
    + "|".join(phrases.CREDIT_TAIL_WORDS)
    + r")\s?(?![하했된받할함되돼]|한[\s다.,]|해[\s서야,])(?=\p{Hangul})"
)
"""A caption's credit flush against the first paragraph ("…모습. 해오름시 제공해오름시가 …"); a verb
("제공한다", "제공해") is not one."""
_SITE_SUFFIX = regex.compile(r"^(?P<title>.{8,200}?) (?:-|\||:|::|–|—|ㅣ) (?P<site>[^-|:]{1,24})$")
_HANGUL = regex.compile(r"\p{Hangul}")
_NAME = regex.compile(r"\p{Hangul}{2,4}")
_NAME3 = regex.compile(r"\p{Hangul}{3}")
_WORD = regex.compile(r"\p{Hangul}{2,}")
_WIDE = 400
"""How far before the body the headline and header are looked for (blocks)."""
_ARTICLE_SCORE = 2.5
"""Least span score that counts as an article before a copyright line."""
_LEAD = 3
"""How many leading body paragraphs may carry the dateline."""
_GAP = 6
"""Most non-prose lines a span grows over to reach more prose."""


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int  # exclusive


LEARNED_FURNITURE = "learned furniture (recurs across the site's pages)"
"""The reason given to a block dropped for a line learned by ``newsextract batch --learn``."""


def furniture_key(text: str) -> str:
    """A line in the form learned furniture is stored and compared in: whitespace collapsed, NFC."""
    return unicodedata.normalize("NFC", norm(text))


def classify(blocks: list[Block], hints: PageHints, furniture: frozenset[str] | None = None) -> list[Decision]:
    """Label each block; the result is in block order.

    ``furniture``: learned furniture lines (:func:`furniture_key` form); a block showing one is labelled
    furniture first, so it neither reaches the article nor sways the search for it.
    """
    if furniture:
        learned = [b.kind != "image" and furniture_key(b.text) in furniture for b in blocks]
        if any(learned):
            rest = [b for b, drop in zip(blocks, learned, strict=True) if not drop]
            others = iter(classify(rest, hints))
            return [
                Decision(block=b, label="furniture", reason=LEARNED_FURNITURE) if drop else next(others)
                for b, drop in zip(blocks, learned, strict=True)
            ]
    if any(b.zone == "body" for b in blocks):
        return _classify_zoned(blocks, hints)
    if any(b.zone == "outside" for b in blocks):
        # no article container: the span path reads what the door did not rule out
        inside = [i for i, b in enumerate(blocks) if b.zone != "outside"]
        found = _classify_span([blocks[i] for i in inside], hints)
        out = [Decision(block=b, label="furniture", reason="outside the article container") for b in blocks]
        for i, d in zip(inside, found, strict=True):
            out[i] = d
        return out
    return _classify_span(blocks, hints)


# ---------------------------------------------------------------- line rules


@page_memo
def is_furniture(text: str) -> bool:
    """True when the line is in the boilerplate phrase catalog (or a press promo)."""
    return shapes.is_furniture(text) or _PROMO.matches(text)


@page_memo
def is_byline_line(text: str) -> bool:
    """True for a line that only credits reporters ("김시은 기자 a@b.kr", "YTN 나혜인 (a@b.kr)")."""
    mailed = "@" in text  # (every address pattern needs one: most lines skip them all)
    if len(text) > 100 or (shapes.is_prose(text) and not (mailed and EMAIL.search(text))):
        return False
    if shapes.is_credit_only(text) or shapes.is_production_credit(text):
        return False
    if mailed and (EMAIL.fullmatch(text.strip("[]()<> ")) or _CREDIT_EMAIL.match(text)):
        return True
    if is_label_line(text):
        return True
    if shapes.NAME_WITH_ID.match(text):
        return True
    tail = EMAIL.search(text) if mailed else None
    if (
        tail
        and len(text) <= 60
        and not text[tail.end() :].strip(" )]>")
        and not any(w in text[: tail.start()] for w in phrases.TIP_WORDS)
        and len(text[: tail.start()]) <= 25
        and "다." not in text
    ):
        return True
    if shapes.SLASH_CREDIT.match(text) and len(text) <= 50:
        return True
    found = [(r.name, r.role or "") for r in parse_byline(text)] or shapes.loose_bylines(text)
    if not found:
        return False
    rest = EMAIL.sub("", text)
    for name, role in found:
        rest = rest.replace(name, "").replace(role or "\0", "")
    for word in phrases.BYLINE_CARD_WORDS:
        rest = rest.replace(word, "")
    leftover = _BYLINE_LEFTOVER.findall(rest)
    return len(leftover) <= 6 and not rest.rstrip(" .").endswith(("니다", "했다", "한다"))


def _line_rule(text: str, block: Block, *, image_near: bool = True) -> tuple[Label, str] | None:
    """The label the line rules give a block inside (or next to) the article, or None for body.

    ``image_near`` says an image stands beside the block: a "▲" line with no credit is a caption only then.
    """
    if not text or block.kind == "image":
        return ("furniture", "image")
    if block.kind == "caption":
        return ("caption", "caption element")
    if is_byline_line(text):
        return ("byline", "byline line")
    so = shapes.sign_off(text)
    if so is not None and so.start() == 0:
        return ("byline", "TV sign-off")
    if shapes.is_speaker_marker(text):
        return None
    if shapes.is_credit_only(text):
        return ("furniture", "photo credit")
    if shapes.is_end_marker(text):
        return ("furniture", "tail marker (copyright, tip line, widget)")
    if is_furniture(text):
        return ("furniture", "phrase catalog")
    if shapes.is_caption_line(text) and (image_near or not shapes.needs_image(text)):
        return ("caption", "caption line")
    return None


def _image_near(texts: list[str], blocks: list[Block], i: int, *, dump: bool) -> bool:
    """True when an image stands beside block ``i``: an image block (in a dump, the image's zoom button or
    file name, or its alt line that the caption repeats), perhaps past the other captions of a photo row."""
    if dump and i > 0 and _is_alt_of(texts[i - 1], texts[i]):
        return True
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and abs(j - i) <= 4:
            t = texts[j]
            if blocks[j].kind == "image" or (dump and shapes.is_image_mark(t)):
                return True
            pointer = t.startswith(phrases.CAPTION_POINTERS) and not shapes.is_prose(t)
            if not (not t or blocks[j].kind == "caption" or pointer or shapes.is_credit_only(t)):
                break
            j += step
    return False


def _captionable(text: str, block: Block) -> bool:
    """True when a line printed twice in a row can be an image's alt and caption."""
    return (
        len(text) >= 6
        and block.kind in ("text", "caption", "quote")
        and not is_furniture(text)
        and not shapes.is_speaker_marker(text)
        and not is_byline_line(text)
    )


def is_bare_name(text: str) -> bool:
    """True for a line that is only a person's name (three syllables, a family name first)."""
    return (
        len(text) == 3
        and bool(_NAME3.fullmatch(text))
        and text[0] in names.SURNAMES
        and text not in names.NOT_NAMES
    )


def _is_alt_of(text: str, following: str) -> bool:
    """True when ``text`` is an image's alt printed over the caption that repeats it with a credit."""
    return (
        4 <= len(text) < len(following) <= len(text) + 40
        and following.startswith(text)
        and shapes.is_caption_line(following)
    )


_OPENERS = frozenset("([【［<")
"""The brackets a head dateline or credit opens with (:data:`~newsextract.text.shapes.DATELINE`, ``HEAD_CREDIT``,
``BARE_DATELINE``)."""


def _has_any(text: str, words: tuple[str, ...], end: int) -> bool:
    """True when one of ``words`` lies wholly within ``text[:end]``."""
    return any(text.find(w, 0, end) >= 0 for w in words)


def _clean_body(text: str, lead: bool) -> tuple[str, bool]:
    """Body text without a leading dateline byline (lead paragraphs) or a trailing TV sign-off, and
    whether a dateline was cut. A dateline after page junk on the same line cuts the junk too."""
    out = text
    dated = False
    if lead:
        # Each pattern below holds a literal its match needs within the span it reads: tested first, a
        # plain paragraph skips the patterns (six searches of up to 300 characters each).
        glued = _GLUED_CREDIT.search(out, 0, 300) if _has_any(out, phrases.CREDIT_TAIL_WORDS, 300) else None
        if glued and shapes.is_prose(out[glued.end() :]) and len(_WORD.findall(out[: glued.start()])) >= 2:
            out = out[glued.end() :]  # a caption printed flush against the first paragraph
        m = None
        if not _OPENERS.isdisjoint(out[:5]):  # each match opens with a bracket after four spaces at most
            m = shapes.DATELINE.match(out) or shapes.HEAD_CREDIT.match(out) or shapes.BARE_DATELINE.match(out)
        if m is None and out.find("=", 0, 300) >= 0:  # a dateline's "서울=연합뉴스"
            m = shapes.DATELINE.search(out, 0, 300) or shapes.BARE_DATELINE.search(out, 0, 300)
            if m is not None and shapes.is_prose(out[: m.start()].strip()):
                m = None
        if m and m.end() < len(out):
            out = out[m.end() :].lstrip()
            dated = True
    so = shapes.sign_off(out)
    if so is None and "@" in out:  # both trailing patterns need an address
        so = shapes.TRAILING_BYLINE.search(out) or shapes.TRAILING_EMAIL.search(out)
    if so and so.start() > 0:
        out = out[: so.start()].rstrip()
    return out, dated


# ---------------------------------------------------------------- span path (text dumps)


def _score(text: str, block: Block) -> float:
    if not text or block.kind == "image" or is_furniture(text):
        return -2.0
    if shapes.is_end_marker(text):
        return -4.0
    prose = shapes.is_prose(text)
    if block.link_density > 0.5 and not prose:
        return -1.5
    if block.kind == "item":
        return 0.5 if prose and len(text) >= 40 else -1.5
    if shapes.is_time_line(text) and not prose:
        return -3.0
    if prose and (len(text) >= 40 or shapes.is_sentence(text)):
        return 1.0 + min(len(text) / 40.0, 5.0)
    if prose:
        return 0.2
    if shapes.is_speaker_marker(text):
        return 0.0
    if len(text) >= 40 and shapes.hangul_share(text) > 0.5:
        return 0.5
    return -1.0


def _opens_body(text: str) -> bool:
    """True for a line that can open the body: a sentence, not a headline ending in "…다"."""
    return shapes.is_sentence(text) or (shapes.is_prose(text) and len(text) >= 40)


def _best_span(scores: list[float], limit: int | None = None) -> tuple[_Span, float] | None:
    """The maximum-sum run of ``scores[:limit]`` and its sum, or None."""
    best, best_at = 0.0, None
    run, run_start = 0.0, 0
    for i, s in enumerate(scores[:limit]):
        if run <= 0:
            run, run_start = s, i
        else:
            run += s
        if run > best:
            best, best_at = run, (run_start, i + 1)
    if best_at is None:
        return None
    return _Span(*best_at), best


def _first_article_span(texts: list[str], scores: list[float]) -> _Span | None:
    """The best run before the first copyright line that has a real article before it, else the best run.

    Reader comments and other pages' texts after a copyright line can outweigh a short article.
    """
    for i, t in enumerate(texts):
        if shapes.is_copyright(t):
            found = _best_span(scores, i)
            if found is not None and found[1] >= _ARTICLE_SCORE:
                return found[0]
    found = _best_span(scores)
    return found[0] if found else None


def _main_span(texts: list[str], blocks: list[Block]) -> _Span | None:
    scores = [_score(t, b) for t, b in zip(texts, blocks, strict=True)]
    span = _first_article_span(texts, scores)
    if span is None:
        return None
    start, end = span.start, span.end
    while start < end and not _opens_body(texts[start]):
        start += 1
    first = texts[start] if start < end else ""
    for i in range(start + 1, end):
        if first and texts[i] == first:
            end = i
            break
        if shapes.is_end_marker(texts[i]):
            # a related-news box inside the article: the text goes on after it
            after = [x for x in scores[i + 1 : end] if x > 0]
            if _is_soft_end(texts[i]) and len(after) >= 2 and sum(after) >= _ARTICLE_SCORE:
                continue
            end = i
            break
    while end > start and not (shapes.is_prose(texts[end - 1]) or shapes.is_caption_line(texts[end - 1])):
        end -= 1
    start, end = _bridge(texts, blocks, start, end)
    end = _past_related_box(texts, blocks, scores, end)
    # a byline with an address closes the article: what little follows it is the reporter card
    for i in range(start + 1, end):
        if end - i <= 3 and EMAIL.search(texts[i]) and is_byline_line(texts[i]):
            end = i + 1
            break
    # speaker markers ("[앵커]") glued to the first paragraph belong to the body
    while start > 0 and (
        shapes.is_speaker_marker(texts[start - 1]) or _TRANSCRIPT_HEAD.match(texts[start - 1])
    ):
        start -= 1
    if end <= start:
        return None
    return _Span(start, end)


def _is_content(text: str, block: Block) -> bool:
    return (
        len(text) >= 10
        and block.kind in ("text", "quote")
        and bool(_HANGUL.search(text))
        and not is_furniture(text)
        and not shapes.is_end_marker(text)
        and not shapes.is_time_line(text)
        and not is_byline_line(text)
        and not shapes.is_caption_line(text)
    )


def _short_article(texts: list[str], blocks: list[Block], after: int) -> _Span | None:
    """The run of plain text lines under a headline when the page has no prose paragraph at all."""
    i = after
    while i < len(texts) and i - after <= 30 and not _is_content(texts[i], blocks[i]):
        if shapes.is_end_marker(texts[i]):
            return None
        i += 1
    if i >= len(texts) or i - after > 30:
        return None
    start = end = i
    j = i
    while j < len(texts) and not shapes.is_end_marker(texts[j]) and j - end <= 3:
        if _is_content(texts[j], blocks[j]):
            end = j + 1
        elif blocks[j].kind == "item":
            break
        j += 1
    return _Span(start, end)


def _past_related_box(texts: list[str], blocks: list[Block], scores: list[float], end: int) -> int:
    """The span's end, moved past a related-news box when the article text goes on after it."""
    while end < len(texts) and _is_soft_end(texts[end]):
        j = end + 1
        while j < len(texts) and j - end <= 12 and not shapes.is_sentence(texts[j]):
            if shapes.is_end_marker(texts[j]):
                return end
            j += 1
        last, total, lines = j, 0.0, 0
        while j < len(texts) and not shapes.is_end_marker(texts[j]):
            if scores[j] > 0:
                total += scores[j]
                lines += 1
                last = j + 1
            elif scores[j] <= -2.0 and j > last + 2:
                break
            j += 1
        if lines < 2 or total < _ARTICLE_SCORE:
            return end
        end = last
    return end


def _is_soft_end(text: str) -> bool:
    """True for a tail marker that also heads boxes inside articles ("관련기사")."""
    return text.startswith(phrases.SOFT_END_PREFIXES)


def _bridgeable(text: str, block: Block) -> bool:
    return (
        block.kind not in ("item", "heading")
        and not shapes.is_end_marker(text)
        and not text.startswith(phrases.SUMMARY_MARKERS)
        and not (shapes.is_time_line(text) and not shapes.is_prose(text))
    )


def _bridge(texts: list[str], blocks: list[Block], start: int, end: int) -> tuple[int, int]:
    """Grow the span over short gaps (image alts, credits) to prose just beyond them."""
    inside = set(texts[start:end])
    grown = True
    while grown:
        grown = False
        j = start - 1
        while (
            j >= 0
            and start - j <= _GAP
            and not shapes.is_prose(texts[j])
            and _bridgeable(texts[j], blocks[j])
        ):
            j -= 1
        if (
            j >= 0
            and j <= start - 1
            and shapes.is_prose(texts[j])
            and len(texts[j]) >= 20
            and _bridgeable(texts[j], blocks[j])
            and not is_furniture(texts[j])
        ):
            inside.update(texts[j:start])
            start, grown = j, True
        j = end
        while (
            j < len(texts)
            and j - end < _GAP
            and not shapes.is_prose(texts[j])
            and _bridgeable(texts[j], blocks[j])
        ):
            j += 1
        if (
            j < len(texts)
            and j >= end
            and shapes.is_prose(texts[j])
            and len(texts[j]) >= 20
            and _bridgeable(texts[j], blocks[j])
            and not is_furniture(texts[j])
            and texts[j] not in inside
        ):
            inside.update(texts[end : j + 1])
            end, grown = j + 1, True
    return start, end


def _page_title_line(texts: list[str]) -> int | None:
    """A document title line at the very top ("제목 - 사이트"), the headline of last resort."""
    for i, t in enumerate(texts[:3]):
        m = _SITE_SUFFIX.match(t)
        if m and len(_WORD.findall(m["title"])) >= 2 and not is_furniture(t) and t.count("|") <= 1:
            return i
    return None


def _title_candidate(t: str, block: Block) -> bool:
    if not 8 <= len(t) <= 200 or is_furniture(t) or shapes.is_time_line(t) or is_byline_line(t):
        return False
    if t.count("|") >= 2 or t.startswith("|"):
        return False
    if shapes.is_end_marker(t) or shapes.is_caption_line(t) or shapes.is_speaker_marker(t):
        return False
    if EMAIL.search(t) or shapes.DATELINE.match(t) or is_bare_name(t):
        return False
    return not (shapes.is_sentence(t) and len(t) > 80)


def _find_title(
    texts: list[str], blocks: list[Block], before: int, hints: PageHints
) -> tuple[int | None, int | None]:
    """(headline, deck right under it) before the body, by score; either may be None."""
    if hints.title:
        want = norm(hints.title)
        for i in range(before - 1, -1, -1):
            if texts[i] == want:
                return i, None
    counts = Counter(texts)
    body_words = set(_WORD.findall(" ".join(texts[before : before + 6])))
    scores: dict[int, float] = {}
    for i in range(max(0, before - _WIDE), before):
        t = texts[i]
        if _title_candidate(t, blocks[i]):
            scores[i] = _title_score(texts, blocks, i, before, counts, body_words)
    best_at = max(scores, key=lambda i: (scores[i], i), default=None)
    if best_at is None or scores[best_at] <= 1.5:
        return None, None
    # a headline sits over its deck: the line right above a winner that is itself a good headline wins
    above = best_at - 1
    lead_in = scores.get(above - 1)
    if (
        above in scores
        and scores[above] >= scores[best_at] - 3.0
        and (lead_in is None or lead_in < scores[above] - 3.0)
        and texts[best_at] not in texts[above]
        and blocks[above].kind != "item"
        and len(_WORD.findall(texts[above])) >= 2
    ):
        # headline and deck, in either order: the one shaped like a headline ("주어, 서술") wins
        if _headline_cue(texts[best_at]) > _headline_cue(texts[above]):
            return best_at, above
        return above, best_at
    return best_at, None


def _headline_cue(text: str) -> int:
    """+1 for a headline's "subject, predicate" comma early on; -1 for a deck's ellipsis."""
    cue = 0
    comma = text.find(", ")
    if 0 < comma <= 12:
        cue += 1
    if "…" in text or "..." in text:
        cue -= 1
    return cue


def _title_score(
    texts: list[str], blocks: list[Block], i: int, before: int, counts: Counter[str], body_words: set[str]
) -> float:
    t = texts[i]
    s = 0.0
    if counts[t] > 1:
        s += 3.0
    if blocks[i].kind == "heading":
        s += 2.5
    if any(shapes.is_time_line(texts[j]) for j in range(i + 1, min(before, i + 5))):
        s += 2.5
    if blocks[i].kind == "item":
        s -= 2.5
    if blocks[i].link_density > 0.5:
        s -= 1.5
    if 10 <= len(t) <= 120:
        s += 1.0
    words = _WORD.findall(t)
    if len(set(words)) < 2:
        s -= 1.5
    if words:
        share = sum(1 for w in words if w in body_words) / len(words)
        s += 2.0 * share * min(1.0, len(set(words)) / 3.0)
    if i + 1 < before and shapes.is_time_line(texts[i + 1]):
        s += 1.0
    if shapes.is_prose(t) and len(t) > 60:
        s -= 2.0
    return s - (before - i) / 60.0


def _classify_span(blocks: list[Block], hints: PageHints) -> list[Decision]:
    n = len(blocks)
    texts = [norm(b.text) for b in blocks]
    labels: list[tuple[Label, str, str] | None] = [None] * n
    span = _main_span(texts, blocks)
    start, end = (span.start, span.end) if span else (n, n)
    title_at, deck_at = _find_title(texts, blocks, start, hints)
    if span is None and title_at is not None:
        # no prose at all (a video clip's one-liner, a numbered rundown): the text under the header
        short = _short_article(texts, blocks, title_at + 1)
        if short is not None:
            start, end = short.start, short.end
    if deck_at is not None and title_at is not None and texts[deck_at] != texts[title_at]:
        labels[deck_at] = ("subtitle", "deck under the headline", "")
    if title_at is None and not hints.title:
        title_at = _page_title_line(texts)
        if title_at is not None:
            m = _SITE_SUFFIX.match(texts[title_at])
            shown = m["title"] if m else texts[title_at]
            labels[title_at] = ("title", "the page's title line, site name cut", shown)
            texts[title_at] = shown
    title = texts[title_at] if title_at is not None else (norm(hints.title) if hints.title else "")
    if title_at is not None and labels[title_at] is None:
        labels[title_at] = ("title", "headline", "")
        for i in range(max(0, title_at - 5), title_at):
            if texts[i] == title:
                labels[i] = ("furniture", "repeated headline", "")
    head_from = title_at + 1 if title_at is not None else max(0, start - 40)
    _label_header(texts, blocks, labels, head_from, start, title)
    # reporter labels just before the headline ("기자이미지 신지영", or the bare name)
    for i in range(max(0, head_from - 6), head_from):
        bare = is_bare_name(texts[i]) and blocks[i].kind == "text" and i >= head_from - 3
        if labels[i] is None and title_at is not None and shapes.is_time_line(texts[i]):
            labels[i] = ("info", "time line over the headline", "")
        elif labels[i] is None and (is_label_line(texts[i]) or bare):
            labels[i] = ("byline", "reporter label", "")
    _label_article(texts, blocks, labels, start, end, title)
    _label_tail(texts, blocks, labels, end)
    return _decisions(blocks, labels, "outside the article")


def _label_header(
    texts: list[str],
    blocks: list[Block],
    labels: list[tuple[Label, str, str] | None],
    lo: int,
    hi: int,
    title: str,
) -> None:
    """Label the header between the headline and the body: info lines, bylines, captions, the deck."""
    deck: list[int] = []
    for i in range(lo, hi):
        t = texts[i]
        if labels[i] is not None:
            continue
        if t == title:
            labels[i] = ("furniture", "repeated headline", "")
        elif shapes.is_time_line(t) or shapes.NAME_BEFORE_TIME.match(t):
            labels[i] = ("info", "time line", "")
        elif blocks[i].kind == "item" and i < lo + 8 and (parse_byline(t) or shapes.COMMENTS.match(t)):
            labels[i] = ("info", "info bullet", "")
        elif is_byline_line(t) or (len(t) <= 80 and parse_byline(t) and not shapes.is_prose(t)):
            labels[i] = ("byline", "byline line", "")
        elif i + 1 < hi and texts[i + 1] in ROLE_WORDS and _NAME.fullmatch(t) and t not in names.NOT_NAMES:
            labels[i] = ("byline", "name over its role word", f"{t} {texts[i + 1]}")
            labels[i + 1] = ("furniture", "role word of the byline above", "")
        elif i + 1 < hi and texts[i + 1] == t and _captionable(t, blocks[i]):
            labels[i] = ("caption", "caption (image alt and caption)", "")
            labels[i + 1] = ("furniture", "repeated caption", "")
        elif is_furniture(t):
            labels[i] = ("furniture", "phrase catalog", "")
        elif shapes.is_caption_line(t) and blocks[i].kind != "item":
            labels[i] = ("caption", "caption line", "")
        elif shapes.is_programme_line(t) and i >= hi - 3:
            labels[i] = ("body", "guest or programme line opening the body", "")
    # a plain sentence right above the body, with only an image, its caption or alt between: the lead
    i = hi - 1
    while i >= lo and (
        blocks[i].kind == "image"
        or ((lab := labels[i]) is not None and lab[0] == "caption")
        or (lab == ("furniture", "phrase catalog", "") and len(texts[i]) <= 30)  # an image's alt
    ):
        i -= 1
    t = texts[i] if i >= lo else ""
    if len(t) >= 10 and labels[i] is None and shapes.ends_sentence_plainly(t) and shapes.is_prose(t):
        labels[i] = ("body", "lead sentence above the article's image", "")
    # the deck: the run of plain lines right above the body (captions and images may sit between)
    i = hi - 1
    while i >= lo and len(deck) < 5:
        t = texts[i]
        lab = labels[i]
        if (lab is not None and lab[0] in ("caption",)) or blocks[i].kind == "image" or t in ("",):
            i -= 1
            continue
        if lab is not None or is_furniture(t) or not 6 <= len(t) <= 200 or blocks[i].kind == "item":
            break
        if blocks[i].link_density > 0.5 or shapes.is_end_marker(t) or not _HANGUL.search(t):
            break
        deck.append(i)
        i -= 1
    for i in deck:
        labels[i] = ("subtitle", "deck above the body", "")
    for i in range(lo, hi):
        if labels[i] is None:
            labels[i] = ("furniture", "page header", "")


def _label_article(
    texts: list[str],
    blocks: list[Block],
    labels: list[tuple[Label, str, str] | None],
    lo: int,
    hi: int,
    title: str,
) -> None:
    """Label the blocks of the article body."""
    seen: set[str] = set()
    lead = _LEAD
    in_box = False
    said = 0  # body lines so far
    closed = False  # a byline line has closed the text: only plain sentences may follow
    for i in range(lo, hi):
        t = texts[i]
        if labels[i] is not None:
            continue
        if _is_soft_end(t):
            labels[i] = ("furniture", "related box inside the article", "")
            in_box = True
            continue
        if in_box and not shapes.is_sentence(t):
            labels[i] = ("furniture", "related box inside the article", "")
            continue
        in_box = False
        if i + 1 < hi and texts[i + 1] == t and _captionable(t, blocks[i]):
            labels[i] = ("caption", "caption (image alt and caption)", "")
            labels[i + 1] = ("furniture", "repeated caption", "")
            continue
        repeated = _repeated(t, title, seen)
        if repeated is not None:
            labels[i] = repeated
            continue
        if i + 1 < hi and _is_alt_of(t, texts[i + 1]):
            labels[i] = ("furniture", "image alt text over its caption", "")
            continue
        # a dump may have lost the image: a "▲" line that is no sentence is still taken for its caption
        near = not shapes.needs_image(t) or not shapes.is_prose(t) or _image_near(texts, blocks, i, dump=True)
        rule = _line_rule(t, blocks[i], image_near=near)
        if rule is not None:
            labels[i] = (rule[0], rule[1], "")
            closed = closed or (rule[0] == "byline" and said >= 2)
            continue
        if closed and not shapes.ends_sentence_plainly(t):
            labels[i] = ("furniture", "after the closing byline", "")  # a slogan or promo under the byline
            continue
        closed = False
        seen.add(t)
        labels[i], lead = _body_text(t, lead, "article text")
        said += 1


def _repeated(t: str, title: str, seen: set[str]) -> tuple[Label, str, str] | None:
    """The headline again, or a long line already taken into the body: furniture."""
    if title and t == title:
        return ("furniture", "repeated headline", "")
    if len(t) >= 20 and t in seen:
        return ("furniture", "repeated text", "")
    return None


def _body_text(t: str, lead: int, reason: str) -> tuple[tuple[Label, str, str], int]:
    """A body line with a leading dateline byline cut off (only a dateline: a byline), and the new lead."""
    cleaned, dated = _clean_body(t, lead > 0)
    lead = 0 if dated else lead - 1
    if not cleaned:
        return ("byline", "dateline only", ""), lead
    return ("body", reason, cleaned if cleaned != t else ""), lead


def _label_tail(
    texts: list[str], blocks: list[Block], labels: list[tuple[Label, str, str] | None], lo: int
) -> None:
    """Bylines just after the body, or under a reporter-card header; everything else is furniture."""
    card_until = -1
    for i in range(lo, len(texts)):
        if labels[i] is not None:
            continue
        t = texts[i]
        if t.startswith(("기자 정보", "기자 프로필")):
            card_until = i + 5
        near = i < lo + 8 or i <= card_until
        before_card = i + 1 < len(texts) and texts[i + 1].startswith(("기자 정보", "기자 프로필"))
        if (before_card or i == card_until - 4) and is_bare_name(t):
            labels[i] = ("byline", "reporter name by the reporter card", "")
        elif near and (is_byline_line(t) or (shapes.sign_off(t) and len(t) < 40)):
            labels[i] = ("byline", "byline after the body", "")
        else:
            labels[i] = ("furniture", "after the article", "")


def _decisions(
    blocks: list[Block], labels: list[tuple[Label, str, str] | None], default: str
) -> list[Decision]:
    fallback: tuple[Label, str, str] = ("furniture", default, "")
    return [Decision(b, *(lab or fallback)) for b, lab in zip(blocks, labels, strict=True)]


# ---------------------------------------------------------------- zoned path (HTML door)


def _classify_zoned(blocks: list[Block], hints: PageHints) -> list[Decision]:
    n = len(blocks)
    texts = [norm(b.text) for b in blocks]
    labels: list[tuple[Label, str, str] | None] = [None] * n
    want = norm(hints.title) if hints.title else ""
    title_at = None
    head = [i for i in range(n) if blocks[i].zone == "head"]
    for i in head:
        if want and texts[i] == want:
            title_at = i
            break
    if title_at is None:
        title_at = next((i for i in head if blocks[i].kind == "heading"), None)
    if title_at is None and want:
        title_at = next((i for i in range(n) if texts[i] == want), None)
    title = texts[title_at] if title_at is not None else want
    if title_at is not None:
        labels[title_at] = ("title", "headline", "")
    for i in range(n):
        if labels[i] is not None:
            continue
        z = blocks[i].zone
        if z == "outside" or z == "unknown":
            labels[i] = ("furniture", "outside the article container", "")
    # head: info lines, bylines, deck
    if head:
        lo = min(head)
        hi = max(head) + 1
        sub = [i for i in range(lo, hi) if labels[i] is None and blocks[i].zone == "head"]
        for i in sub:
            t = texts[i]
            if t == title:
                labels[i] = ("furniture", "repeated headline", "")
            elif shapes.is_time_line(t) or shapes.NAME_BEFORE_TIME.match(t):
                labels[i] = ("info", "time line", "")
            elif is_byline_line(t) or (len(t) <= 80 and parse_byline(t) and not shapes.is_prose(t)):
                labels[i] = ("byline", "byline line", "")
            elif is_furniture(t) or shapes.is_end_marker(t) or not t:
                labels[i] = ("furniture", "phrase catalog", "")
            elif blocks[i].kind == "caption":
                labels[i] = ("caption", "caption element", "")
            elif blocks[i].kind == "meta":
                labels[i] = ("info", "info line in the article header", "")  # never a deck
            elif title_at is not None and i > title_at and len(t) >= 6:
                labels[i] = ("subtitle", "deck in the article header", "")
            else:
                labels[i] = ("furniture", "article header", "")
    body = [i for i in range(n) if labels[i] is None and blocks[i].zone == "body"]
    if body:
        _label_zoned_body(texts, blocks, labels, body, title)
    return _decisions(blocks, labels, "outside the article container")


def _label_zoned_body(
    texts: list[str],
    blocks: list[Block],
    labels: list[tuple[Label, str, str] | None],
    body: list[int],
    title: str,
) -> None:
    seen: set[str] = set()
    lead = _LEAD
    ended = False
    for k, i in enumerate(body):
        t = texts[i]
        if ended:
            if is_byline_line(t) and k < len(body):
                labels[i] = ("byline", "byline after the body", "")
            else:
                labels[i] = ("furniture", "after the end of the article", "")
            continue
        if k + 1 < len(body) and texts[body[k + 1]] == t and _captionable(t, blocks[i]):
            labels[i] = ("caption", "caption (image alt and caption)", "")
            labels[body[k + 1]] = ("furniture", "repeated caption", "")
            continue
        if labels[i] is not None:
            continue
        repeated = _repeated(t, title, seen)
        if repeated is not None:
            labels[i] = repeated
            continue
        if shapes.is_end_marker(t) and lead < _LEAD:
            labels[i] = ("furniture", "tail marker (copyright, tip line, widget)", "")
            ended = shapes.is_copyright(t)
            continue
        near = not shapes.needs_image(t) or _image_near(texts, blocks, i, dump=False)
        rule = _line_rule(t, blocks[i], image_near=near)
        if rule is not None:
            labels[i] = (rule[0], rule[1], "")
            continue
        if len(t) < 60 and shapes.is_time_line(t) and not shapes.is_prose(t):
            labels[i] = ("info", "time line", "")
            continue
        seen.add(t)
        labels[i], lead = _body_text(t, lead, "inside the article container")
