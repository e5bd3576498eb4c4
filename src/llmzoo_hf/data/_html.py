"""Turn the HTML that ShareGPT scrapes left in replies (``<div class="markdown prose"><p>…</p></div>``) into text.

Only a value that *is* an HTML fragment (it opens with a block tag and closes one) is converted; a question that
mentions ``<div>`` in prose is left alone. Paragraphs become blank-line breaks, list items ``- `` lines, ``<pre>``
blocks fenced code, inline ``<code>`` backticks; the scraped "Copy code" buttons and icons are dropped, entities
unescaped. The standard library's parser is enough for that and never executes anything.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_FRAGMENT = re.compile(r"^\s*<(div|p|ol|ul|pre|table|h[1-6]|blockquote)\b[^>]*>.*</[a-z0-9]+>\s*$", re.I | re.S)
_BLOCK_TAGS = {"p", "div", "ol", "ul", "table", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED_TAGS = {"button", "svg", "script", "style"}


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` is an HTML fragment as scraped from a chat page."""
    return bool(_HTML_FRAGMENT.match(text))


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_pre = 0
        self.pre_start: int | None = None  # index in parts where the open <pre> began, until its <code> opens

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag in _BLOCK_TAGS and not self.in_pre:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "pre":
            self.in_pre += 1
            self.pre_start = len(self.parts)
        elif tag == "code" and self.pre_start is not None:
            # ChatGPT pages put the language label ("python") in a header before the code: it names the fence.
            label = "".join(self.parts[self.pre_start :]).strip()
            del self.parts[self.pre_start :]
            self.parts.append(f"\n\n```{label}\n")
            self.pre_start = None
        elif tag == "code" and not self.in_pre:
            self.parts.append("`")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(self.skipping - 1, 0)
        elif self.skipping:
            return
        elif tag in _BLOCK_TAGS and not self.in_pre:
            self.parts.append("\n\n")
        elif tag == "pre":
            if self.pre_start is not None:  # a <pre> without <code>: all of it is code
                self.parts.insert(self.pre_start, "\n\n```\n")
                self.pre_start = None
            self.in_pre = max(self.in_pre - 1, 0)
            self.parts.append("\n```\n\n")
        elif tag == "code" and not self.in_pre:
            self.parts.append("`")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """Return the text of an HTML fragment, with paragraph, list and code structure kept as Markdown."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts)
    lines = [line.rstrip() for line in joined.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
