"""What the site adds to each page nbconvert writes: a title, the course navigation, and its CSS.

Pages are named once by their number and title ("01 Context: who, what, where"): the number comes from
the file name (``01_context``), and a number the notebook's heading starts with ("# 1. Context…") is
dropped, so no list shows "1. 1. Context". Each page gets the list of pages (the current one marked)
and links to the previous and next page. Figures keep their natural size (text in them at least the
size it was drawn at) and scroll sideways inside their own box where the page is narrower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..templates import environment
from .site_fallback import FALLBACK_CSS

#: Figures at their natural size (the course draws figure text at 9 pt or more, at 100 dpi), in a box
#: that scrolls sideways when the page is narrower, never shrunk until their text is unreadable.
FIGURE_CSS = """
figure.course-figure { overflow-x: auto; max-width: 100%; }
figure.course-figure img { max-width: none !important; height: auto; }
"""

NAV_CSS = """
nav.course-site-nav { font-family: sans-serif; font-size: 15px; line-height: 1.5; margin: 0.5em 0 1em;
  padding: 0.4em 1em; border: 1px solid #767676; border-radius: 4px; }
nav.course-site-nav ol { list-style: none; margin: 0; padding: 0; display: inline; }
nav.course-site-nav li { display: inline-block; margin: 0 1em 0.1em 0; }
nav.course-site-nav a { color: #0b57d0; }
nav.course-site-nav [aria-current="page"] { font-weight: bold; }
.course-site-steps { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 0.5em; }
"""

#: nbconvert's page frame, readable: prompts and code colours at 4.5:1 or more on their background
#: (measured: prompts #616161 6.2:1, comments #3d6b6b 5.5:1 and numbers #006400 6.8:1 on #f5f5f5; they were
#: 2.2:1, 4.2:1 and 4.3:1), and links in text underlined so they do not rely on colour alone.
FRAME_CSS = """
.jp-InputPrompt, .jp-OutputPrompt { color: #616161; }
.highlight .c, .highlight .c1, .highlight .cm, .highlight .ch { color: #3d6b6b; }
.highlight .m, .highlight .mi, .highlight .mf { color: #006400; }
.jp-RenderedHTMLCommon a { text-decoration: underline; }
"""

SITE_CSS = FIGURE_CSS + NAV_CSS + FALLBACK_CSS + FRAME_CSS

_NAV = """<nav class="course-site-nav {{ text_only_classes }}" aria-label="{{ label }}">
{% if pages %}
<a href="index.html">All pages</a>:
<ol>
{% for page in pages %}
<li>{% if page.file == current %}<span aria-current="page">{{ page.label }}</span>{% else %}<a href="{{ page.file }}">{{ page.label }}</a>{% endif %}</li>
{% endfor %}
</ol>
{% endif %}
<div class="course-site-steps">
<span>{% if previous %}<a href="{{ previous.file }}" rel="prev">Previous: {{ previous.label }}</a>{% endif %}</span>
<span>{% if next %}<a href="{{ next.file }}" rel="next">Next: {{ next.label }}</a>{% endif %}</span>
</div>
</nav>"""

_LEADING_NUMBER = re.compile(r"^\s*\d+\s*[.:)]\s+")


@dataclass(frozen=True)
class NavPage:
    """A page as the navigation names it."""

    file: str
    label: str


def page_label(file: str, title: str, short: bool = False) -> str:
    """The page's number once, then its title: "01 Context: who, what, where" for ``01_context.html``
    titled "1. Context: who, what, where"; ``short``: up to the colon ("01 Context"), for the navigation."""
    stem = Path(file).stem
    number = re.match(r"\d+", stem)
    name = _LEADING_NUMBER.sub("", title).strip() or stem
    if short:
        name = name.split(":", 1)[0].strip() or name
    return f"{number[0]} {name}" if number else name


def nav_html(pages: list[NavPage], current: str, *, full: bool = True) -> str:
    """The navigation of the page ``current``: every page (``full``) and the previous and next page."""
    files = [page.file for page in pages]
    at = files.index(current) if current in files else -1
    previous = pages[at - 1] if at > 0 else None
    following = pages[at + 1] if 0 <= at < len(pages) - 1 else None
    template = environment().from_string(_NAV)
    return template.render(
        pages=pages if full else [],
        current=current,
        previous=previous,
        next=following,
        label="Course pages" if full else "Previous and next page",
    )


def decorate(body: str, pages: list[NavPage], current: str) -> str:
    """``body`` (a page by nbconvert's lab template) with the site's CSS, title and navigation."""
    title = next((page.label for page in pages if page.file == current), "")
    if title:
        page_title = environment().from_string("<title>{{ t }} | Reading the news with data</title>").render(t=title)
        body = re.sub(r"<title>.*?</title>", lambda _: page_title, body, count=1, flags=re.S)
    body = body.replace("</head>", f"<style>{SITE_CSS}</style>\n</head>", 1)
    body = re.sub(r"(<main[^>]*>)", lambda m: m.group(1) + nav_html(pages, current), body, count=1)
    body = body.replace("</main>", nav_html(pages, current, full=False) + "</main>", 1)
    # a figure that scrolls sideways can be scrolled with the keyboard
    return re.sub(r'<figure class="course-figure', '<figure tabindex="0" class="course-figure', body)
