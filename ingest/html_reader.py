"""Government portal pages to plain text: the article, its title and its publication details.

A portal page is mostly chrome: menus, breadcrumbs, share widgets, related-news lists, footers.
The article sits in a container whose class or id the publishing system gives away (TRS_Editor,
Custom_UnionStyle, zoom, UCAP-CONTENT …); when none is recognisable, the deepest block holding
most of the page's non-link text is taken. The publication details that portals put above the
article (索引号 / 文号 / 发布日期 / 来源) are kept, since they carry the doc number and issue date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from policykg.ingest.limits import Deadline, ReadLimits

# Dropped with everything inside them.
_DROP_TAGS = [
    "script", "style", "noscript", "iframe", "nav", "header", "footer", "template", "svg", "object",
    "embed", "canvas", "input", "select", "button", "textarea", "audio", "video", "map", "head",
]  # fmt: skip

# A line break before and after each of these.
_BLOCK_TAGS = frozenset([
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "body", "html",
])  # fmt: skip

# Class or id words of page chrome (whole words of a class or id, split at - and _).
_CHROME_WORDS = frozenset([
    "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
    "share", "bdshare", "bshare", "jiathis", "sharebox", "footer", "foot", "copyright", "sidebar",
    "qrcode", "ewm", "erweima", "weixin", "wechat", "toolbar", "login", "search", "fontsize", "xgwz",
    "xgxx", "xgxw", "related",
])  # fmt: skip

# Containers the common portal systems put the article in, most specific first.
# (kind, lower-cased name); matched against an element's id or its class words.
_ARTICLE_SPECIFIC = (
    "trs_editor", "trs_ueditor", "custom_unionstyle", "ucap-content", "zoom", "fontzoom",
    "pages_content", "article-content", "article_content", "articlecontent", "detail-content",
    "detail_content", "news_content", "content_text", "xl_content", "zwnr", "wznr",
)  # fmt: skip
_ARTICLE_GENERIC = ("article", "content", "con", "main-content", "main_content", "view", "detail", "text")

_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot", "tr"})
MAX_ROW_CHARS = 1500  # longer table rows are page layout, not data
_SPECIFIC_MIN_SHARE = 0.2  # a named container must still hold a fair part of the page's text
_GENERIC_MIN_SHARE = 0.5
_DENSE_MIN_SHARE = 0.6
_MAX_LINK_RATIO = 0.5

# Labels of the publication details block above the article.
_INFO_LABEL = re.compile(
    r"(索\s*引\s*号|发文字号|文\s*号|发文日期|成文日期|发布日期|发布时间|发布机构|信息来源|来\s*源|主题分类|"
    r"公开方式|时\s*间)\s*[:：]"
)
_INFO_MAX_CHARS = 400
# A details table names its fields in header cells without a colon (索引号 | 发文字号 | 成文日期 | 发布日期).
_INFO_CELL_LABEL = re.compile(r"索\s*引\s*号|发文字号|文\s*号|成文日期|发文日期|发布日期|发布时间|发布机构|发文机关")

_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Source line wraps between two Chinese characters are not spaces (CSS segment-break rule).
_CJK = "\u3000-\u9fff\uff00-\uffef"
_WRAP_BETWEEN_HAN = re.compile(rf"(?<=[{_CJK}])[ \t\r]*\n\s*(?=[{_CJK}])")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_ANYWHERE = re.compile(r"<(html|body)\b[^>]*>|<!doctype\s+html", re.I)
_COMMON_TAG = re.compile(r"</?(p|div|br|span|table|tr|td|li|ul|a|h[1-6]|font|strong|img)\b[^<>]{0,400}>", re.IGNORECASE)


# Tags that never hold others open: void elements, and those the parser closes by themselves when the
# next one of their kind starts (<p>, <li>, <td> … are often left unclosed on real pages).
_NEVER_NESTED = frozenset([
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
    "rp", "rtc", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
])  # fmt: skip
# A start or end tag of an element that nests (attributes up to a bound, so a "<" without its ">" costs
# little). The others are skipped inside the regular expression, so a million <br> cost no Python step.
_NESTING_TAG = re.compile(
    rf"<(/?)(?!(?:{'|'.join(sorted(_NEVER_NESTED))})\b)[A-Za-z][A-Za-z0-9]*\b[^<>]{{0,1000}}?(/?)>", re.IGNORECASE
)
_NESTING_STEPS = 100_000  # tags between two looks at the clock


def check_markup(html: str, limits: ReadLimits, deadline: Deadline | None = None) -> None:
    """Raise LimitExceeded when a page has too many tags or leaves too many open inside each other.

    Tags are counted as the "<" that open them (a "<" in text is written &lt; in HTML), which costs a
    scan in C. The HTML parser's cost grows with the square of the nesting (200,000 unclosed <div>s
    took 150 s), so nesting is estimated on the tags before parsing: tags opened and not yet closed,
    counting only elements that do nest."""
    if html.count("<") > limits.elements:
        raise limits.exceeded("elements", f"the page has more than {limits.elements:,} tags")
    depth = 0
    for step, match in enumerate(_NESTING_TAG.finditer(html), start=1):
        if match.group(1):
            depth = max(depth - 1, 0)
        elif not match.group(2):
            depth += 1
            if depth > limits.nesting:
                what = f"the page leaves more than {limits.nesting:,} tags open inside each other"
                raise limits.exceeded("nesting", what)
        if deadline is not None and step % _NESTING_STEPS == 0:
            deadline.check("reading the page's tags")


def declared_charset(raw: bytes) -> str | None:
    """The charset a page's meta tag declares, if any."""
    match = _CHARSET.search(raw[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def looks_like_html(text: str) -> bool:
    """Markup rather than prose: starts like a page, names html/body, or is full of common tags."""
    head = text[:65536]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head):
        return True
    return len(_COMMON_TAG.findall(head, 0, 65536)) >= 8


def html_to_text(html: str, limits: ReadLimits | None = None, deadline: Deadline | None = None) -> str:
    """The page's title, publication details and article as lines of text ("" if it has none).

    The page's tags are counted and their nesting estimated before it is parsed (check_markup), and the
    walks over the tree keep to the time bound."""
    limits = limits or ReadLimits.from_env()
    deadline = deadline or limits.deadline()
    check_markup(html, limits, deadline)
    tree = LexborHTMLParser(html)
    title = _page_title(tree)
    tree.strip_tags(_DROP_TAGS)
    body = tree.body or tree.root
    if body is None:
        return ""
    page = _measure(body, deadline)
    if page.total == 0:
        return ""  # a title alone is no document (pages drawn by JavaScript look like this)
    _drop_chrome(page)
    main = _find_article(page)
    info = [_render(node, _RowSpans(deadline)) for node in _info_blocks(page, main)]
    article = _render(main.node, _RowSpans(deadline))
    lines = _split_lines("\n".join([*info, article]))
    if title and not (lines and _same_title(lines[0], title)):
        lines.insert(0, title)
    return _join_lines(lines)


# --- measuring the page ---------------------------------------------------------------------


@dataclass
class _Element:
    node: LexborNode
    tag: str
    index: int  # position in _Page.elements (pre-order)
    parent: int  # index of the parent in _Page.elements, -1 for the root
    depth: int
    names: frozenset[str]  # lower-cased id and class words
    text: int = 0  # characters of text in the subtree
    link_text: int = 0  # of which inside <a>
    end: int = 0  # index one past the last element of the subtree (pre-order)
    dropped: bool = False


@dataclass
class _Page:
    elements: list[_Element]
    total: int  # non-link characters in the page

    def share(self, element: _Element) -> float:
        return (element.text - element.link_text) / self.total

    def link_ratio(self, element: _Element) -> float:
        return element.link_text / element.text if element.text else 0.0


def _measure(body: LexborNode, deadline: Deadline) -> _Page:
    """One pre-order pass over the elements, then text counts summed bottom-up: linear in the page."""
    elements: list[_Element] = []
    stack: list[tuple[LexborNode, int, int, bool]] = [(body, -1, 0, False)]
    own_text: list[int] = []
    in_link: list[bool] = []
    while stack:
        node, parent, depth, linked = stack.pop()
        index = len(elements)
        if index % 1000 == 0:
            deadline.check("reading the page")
        elements.append(_Element(node, node.tag or "", index, parent, depth, _names(node)))
        linked = linked or node.tag == "a"
        in_link.append(linked)
        chars = 0
        children = []
        for child in node.iter(include_text=True):
            if child.is_text_node:
                chars += len((child.text_content or "").strip())
            elif child.is_element_node:
                children.append(child)
        own_text.append(chars)
        for child in reversed(children):
            stack.append((child, index, depth + 1, linked))
    for index in range(len(elements) - 1, -1, -1):
        element = elements[index]
        element.text += own_text[index]
        if in_link[index]:
            element.link_text += own_text[index]
        if element.end == 0:
            element.end = index + 1
        if element.parent >= 0:
            container = elements[element.parent]
            container.text += element.text
            container.link_text += element.link_text
            container.end = max(container.end, element.end)
    root = elements[0]
    return _Page(elements, root.text - root.link_text)


def _names(node: LexborNode) -> frozenset[str]:
    attributes = node.attributes
    words: set[str] = set()
    for key in ("id", "class"):
        value = attributes.get(key)
        if value:
            words.update(value.lower().split())
    return frozenset(words)


def _name_parts(names: frozenset[str]) -> set[str]:
    parts: set[str] = set()
    for name in names:
        parts.update(part for part in re.split(r"[-_]", name) if part)
    return parts


def _drop_chrome(page: _Page) -> None:
    """Remove navigation and share widgets found by their class or id, unless they hold the text."""
    for element in page.elements[1:]:
        if element.dropped or not element.names:
            continue
        if _name_parts(element.names) & _CHROME_WORDS and page.share(element) < 0.3:
            for inner in page.elements[element.index : element.end]:
                inner.dropped = True
            _subtract(page, element)
            element.node.decompose()


def _subtract(page: _Page, removed: _Element) -> None:
    parent = removed.parent
    while parent >= 0:
        ancestor = page.elements[parent]
        ancestor.text -= removed.text
        ancestor.link_text -= removed.link_text
        parent = ancestor.parent
    page.total -= removed.text - removed.link_text


# --- finding the article --------------------------------------------------------------------


def _find_article(page: _Page) -> _Element:
    live = [element for element in page.elements if not element.dropped]
    if page.total <= 0:
        return live[0]
    tiers = ((_ARTICLE_SPECIFIC, _SPECIFIC_MIN_SHARE), (_ARTICLE_GENERIC, _GENERIC_MIN_SHARE))
    for names, min_share in tiers:
        for name in names:
            matches = [
                element
                for element in live
                if (name in element.names or (name == "article" and element.tag == "article"))
                and page.share(element) >= min_share
                and page.link_ratio(element) <= _MAX_LINK_RATIO
            ]
            if matches:
                return max(matches, key=lambda element: element.text - element.link_text)
    dense = [
        element
        for element in live
        if page.share(element) >= _DENSE_MIN_SHARE and page.link_ratio(element) <= _MAX_LINK_RATIO
    ]
    return _whole_table(page, max(dense, key=lambda element: element.depth)) if dense else live[0]


def _whole_table(page: _Page, element: _Element) -> _Element:
    """A table's body or rows are never the article by themselves: the table is, header rows included
    (a page that is one task table has most of its text in <tbody>, its column names in <thead>)."""
    while element.tag in _TABLE_PARTS and element.parent >= 0:
        element = page.elements[element.parent]
    return element


def _info_blocks(page: _Page, main: _Element) -> list[LexborNode]:
    """Publication-detail blocks before the article and outside it, innermost first-found."""
    start = main.index
    picked: list[_Element] = []
    for index, element in enumerate(page.elements[:start]):
        if element.dropped or element.end > start or element.text == 0 or element.text > _INFO_MAX_CHARS:
            continue  # an ancestor of the article, or too big to be a details block
        if picked and index < picked[-1].end:
            continue  # inside a block already taken
        text = element.node.text(separator=" ")
        if _INFO_LABEL.search(text) or (element.tag == "table" and len(_INFO_CELL_LABEL.findall(text)) >= 2):
            picked.append(element)
    return [element.node for element in picked[-8:]]


# --- rendering ------------------------------------------------------------------------------


def _render(root: LexborNode, spans: _RowSpans) -> str:
    """Text of a subtree: block elements on lines of their own, table rows as tab-joined cells."""
    out: list[str] = []
    stack: list[LexborNode | str] = [root]
    steps = 0
    while stack:
        item = stack.pop()
        steps += 1
        if steps % 1000 == 0:  # counted on steps: nodes that add no text (empty spans) still take time
            spans.deadline.check("reading the page")
        if isinstance(item, str):
            out.append(item)
            continue
        if item.is_text_node:
            text = _WRAP_BETWEEN_HAN.sub("", item.text_content or "")
            out.append(_SPACE_RUN.sub(" ", text))
            continue
        if not item.is_element_node:
            continue
        tag = item.tag or ""
        if tag == "br":
            out.append("\n")
            continue
        if tag == "tr" and _is_flat_row(item, spans.merged_into(item)):
            out.append("\n" + "\t".join(spans.fields(item)) + "\n")
            continue
        block = tag in _BLOCK_TAGS
        if block:
            out.append("\n")
            stack.append("\n")
        children = list(item.iter(include_text=True))
        stack.extend(reversed(children))
    return "".join(out)


class _RowSpans:
    """Cells merged down from rows above (rowspan) keep their place as an empty field, as Word's
    merged cells do, so the columns of every row of a table line up."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self._pending: dict[int, dict[int, tuple[int, int]]] = {}  # table -> column -> (rows left, width)

    def merged_into(self, row: LexborNode) -> int:
        """How many cells of this row are taken by cells merged down from rows above."""
        pending = self._pending.get(_table_key(row), {})
        return sum(1 for rows_left, _ in pending.values() if rows_left > 0)

    def fields(self, row: LexborNode) -> list[str]:
        pending = self._pending.setdefault(_table_key(row), {})
        fields: list[str] = []
        column = 0

        def fill_merged() -> None:
            nonlocal column
            while pending.get(column, (0, 0))[0] > 0:
                rows_left, width = pending[column]
                pending[column] = (rows_left - 1, width)
                fields.append("")
                column += width

        for cell in _cells(row):
            fill_merged()
            fields.append(" ".join(_split_lines(_render(cell, self))))
            width = _span(cell, "colspan")
            rows = _span(cell, "rowspan")
            if rows > 1:
                pending[column] = (rows - 1, width)
            column += width
        fill_merged()
        return fields


def _table_key(row: LexborNode) -> int:
    node = row.parent
    while node is not None and node.tag != "table":
        node = node.parent
    return node.mem_id if node is not None else 0


def _span(cell: LexborNode, attribute: str) -> int:
    try:
        return max(1, min(int((cell.attributes.get(attribute) or "1").strip()), 1000))
    except ValueError:
        return 1


def _cells(row: LexborNode) -> list[LexborNode]:
    return [child for child in row.iter() if child.tag in ("td", "th")]


def _is_flat_row(row: LexborNode, merged_into: int = 0) -> bool:
    """A data row (two cells or more, counting those merged down into it; no table inside; not a whole
    page of text) reads best as one line; a layout row (navigation beside the article) must keep its
    lines."""
    cells = len(_cells(row))
    return (
        cells >= 1 and cells + merged_into >= 2 and row.css_first("table") is None and len(row.text()) <= MAX_ROW_CHARS
    )


def _split_lines(text: str) -> list[str]:
    lines = []
    for line in text.translate(_INVISIBLE).split("\n"):
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        joined = "\t".join(cells)
        if joined.strip():
            lines.append(joined.strip(" "))
    return lines


def _join_lines(lines: list[str]) -> str:
    return "\n".join(lines) + "\n" if lines else ""


def _same_title(line: str, title: str) -> bool:
    """The first line already is the title: the title without the site name <title> adds, or the
    title with a little more (a doc number before it), but not a details row that names it."""
    if "\t" in line:
        return False
    line, title = "".join(line.split()), "".join(title.split())
    if len(line) < 4:
        return False
    return line in title or (title in line and len(line) - len(title) <= 20)


# --- title ----------------------------------------------------------------------------------


def _page_title(tree: LexborHTMLParser) -> str:
    """The article's title: the portal's ArticleTitle meta, else an h1 that is most of <title>
    (the article title without the site name), else <title> itself, else the longest h1.

    An h1 alone is not trusted when <title> says more: on many portals the h1 is the site logo.
    """
    for selector in ('meta[name="ArticleTitle"]', 'meta[name="articletitle"]', 'meta[property="og:title"]'):
        meta = tree.css_first(selector)
        content = _tidy_title(meta.attributes.get("content") or "") if meta else ""
        if content:
            return content
    title_node = tree.css_first("title")
    title = _tidy_title(title_node.text()) if title_node is not None else ""
    headings = [text for h1 in tree.css("h1") if len(text := _tidy_title(h1.text())) >= 4]
    inside = [text for text in headings if text in title and len(text) >= 0.5 * len(title)]
    if inside:
        return max(inside, key=len)
    if title:
        return title
    return max(headings, key=len) if headings else ""


def _tidy_title(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())
