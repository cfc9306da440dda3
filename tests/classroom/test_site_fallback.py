"""The static site teaches without widgets: every widget also appears as escaped static text, and
the pages are numbered once, with previous and next links.

One tiny course of two notebooks (real exercise widgets: a choice, an ordering, a free text) is built
once; the checks read only the text a browser shows without JavaScript (no ``<script>``, no ``<style>``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from helpers import classroom
from helpers.classroom.site_fallback import add_fallbacks, clean_html, fallback_html
from helpers.classroom.site_layout import NavPage, decorate, nav_html, page_label

PROMPT = "Which source is primary? <img src=x onerror=alert(1)> costs $5 & $10"
OPTIONS = ["The transcript <b>itself</b>", "A blog post", "A tweet"]
ORDER_PROMPT = "Put these events in order."
ORDER_ITEMS = ["Election day", "Missiles approved", "First strike"]
TEXT_PROMPT = "In one sentence: what did the article leave out?"


class _VisibleText(HTMLParser):
    """The text of a page outside ``<script>``, ``<style>`` and ``<title>``, and its start tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self._skip += 1
        elif not self._skip:
            self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible(page: str) -> tuple[str, list[tuple[str, dict[str, str | None]]]]:
    parser = _VisibleText()
    parser.feed(page)
    return re.sub(r"\s+", " ", "".join(parser.parts)), parser.tags


def _tiny_course(folder: Path) -> Path:
    notebooks = folder / "notebooks"
    notebooks.mkdir(parents=True)
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    first = nbformat.v4.new_notebook(metadata=kernel)
    first.cells = [
        nbformat.v4.new_markdown_cell(
            "# 0. Tiny start\n\n| Use case | Completion time |\n|---|---|\n| x | 5 minutes |"
        ),
        nbformat.v4.new_code_cell("from helpers.notebook.exercises import ChoiceQuestion, OrderQuestion, TextQuestion"),
        nbformat.v4.new_code_cell(f"ChoiceQuestion('00_tiny', 'q1', {PROMPT!r}, {OPTIONS!r}, {OPTIONS[0]!r})"),
        nbformat.v4.new_code_cell(
            f"OrderQuestion('00_tiny', 'q2', {ORDER_PROMPT!r}, {ORDER_ITEMS!r}, {ORDER_ITEMS!r})",
        ),
        nbformat.v4.new_code_cell(f"TextQuestion('00_tiny', 'q3', {TEXT_PROMPT!r}, model_answer='It left out x.')"),
    ]
    nbformat.write(first, notebooks / "00_tiny.ipynb")
    second = nbformat.v4.new_notebook(metadata=kernel)
    second.cells = [
        nbformat.v4.new_markdown_cell("# 1. Second page\n\nNo widgets here."),
        nbformat.v4.new_code_cell("1"),
    ]
    nbformat.write(second, notebooks / "01_second.ipynb")
    return notebooks


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tiny_site")
    classroom.build_site(root / "site", _tiny_course(root / "course"))
    return root / "site"


def test_every_question_and_option_is_in_the_static_page(tiny_site):
    page = (tiny_site / "00_tiny.html").read_text(encoding="utf-8")
    text, tags = visible(page)
    for expected in [PROMPT, *OPTIONS, ORDER_PROMPT, *ORDER_ITEMS, TEXT_PROMPT]:
        assert expected in text, f"{expected!r} is not shown without widgets"
    assert text.count("To answer, open this notebook (00_tiny.ipynb) in JupyterLab") == 3
    # the untrusted text stays text: no image tag and no markup from the prompt or the options
    assert not [attrs for tag, attrs in tags if tag == "img" or "onerror" in attrs]
    assert "<b>itself</b>" not in re.sub(r"<script.*?</script>", "", page, flags=re.S)


def test_the_static_copy_hides_once_the_widget_renders(tiny_site):
    page = (tiny_site / "00_tiny.html").read_text(encoding="utf-8")
    # the widget library puts div.widget-subarea just before the view script, the copy follows it
    assert ".widget-subarea ~ .course-static { display: none; }" in page
    views = re.findall(r'widget-view\+json">\s*\{[^<]*\}\s*</script>\s*<div class="course-static', page)
    assert len(views) == 3


def test_pages_are_numbered_once_with_previous_and_next(tiny_site):
    index, _ = visible((tiny_site / "index.html").read_text(encoding="utf-8"))
    assert "00 Tiny start" in index and "01 Second page" in index
    assert not re.search(r"\b\d+\.\s+\d+\.", index) and "0. Tiny" not in index.replace("00 Tiny", "")
    first = (tiny_site / "00_tiny.html").read_text(encoding="utf-8")
    second = (tiny_site / "01_second.html").read_text(encoding="utf-8")
    assert "<title>00 Tiny start | Reading the news with data</title>" in first
    assert 'href="01_second.html" rel="next"' in first and 'rel="prev"' not in first
    assert 'href="00_tiny.html" rel="prev"' in second and 'rel="next"' not in second
    assert '<span aria-current="page">01 Second page</span>' in second


# --- the pieces, on small inputs of their own -------------------------------------------------------


def _state(**models) -> dict:
    return {key: {"model_name": name, "state": values} for key, (name, values) in models.items()}


def test_dropdowns_with_the_same_options_are_listed_once_without_their_placeholder():
    state = _state(
        box=("VBoxModel", {"children": ["IPY_MODEL_a", "IPY_MODEL_b"]}),
        a=("DropdownModel", {"description": "1.", "_options_labels": ["(choose)", "x", "y"], "index": 0}),
        b=("DropdownModel", {"description": "2.", "_options_labels": ["(choose)", "x", "y"], "index": 0}),
    )
    out = fallback_html("box", state, "nb.ipynb")
    assert out.count("<li>") == 2 and "(choose)" not in out and "2 choices (1., 2.)" in out


def test_an_exercise_says_how_to_answer_and_an_explorer_how_to_use_its_controls():
    explorer = _state(
        box=("VBoxModel", {"children": ["IPY_MODEL_a"], "_dom_classes": ["course-actor-explorer"]}),
        a=("DropdownModel", {"description": "Actor", "_options_labels": ["Russia", "Ukraine"], "index": 0}),
    )
    exercise = _state(
        box=("VBoxModel", {"children": ["IPY_MODEL_a"], "_dom_classes": ["course-question"]}),
        a=("RadioButtonsModel", {"description": "Pick", "_options_labels": ["x", "y"], "index": None}),
    )
    reading = _state(box=("HTMLModel", {"value": "<p>Only text</p>"}))
    assert "To use these controls, open this notebook" in fallback_html("box", explorer, "nb.ipynb")
    assert "To answer" not in fallback_html("box", explorer, "nb.ipynb")
    assert "To answer, open this notebook" in fallback_html("box", exercise, "nb.ipynb")
    assert "open this notebook" not in fallback_html("box", reading, "nb.ipynb")


def test_hidden_widgets_buttons_and_unknown_models_show_nothing():
    state = _state(
        box=("VBoxModel", {"children": ["IPY_MODEL_h", "IPY_MODEL_b", "IPY_MODEL_missing"]}),
        h=("HTMLModel", {"value": "secret", "layout": "IPY_MODEL_l"}),
        l=("LayoutModel", {"display": "none"}),
        b=("ButtonModel", {"description": "Check"}),
    )
    assert fallback_html("box", state, "nb.ipynb") == ""


def test_html_values_lose_scripts_and_handlers_but_keep_formatting():
    cleaned = clean_html(
        '<b style="color:red">ok</b><script>bad()</script><img src="x" onerror="bad()"><a href="javascript:x">l</a>'
    )
    assert "<b" in cleaned and "ok" in cleaned
    assert "<script" not in cleaned and "onerror" not in cleaned and "javascript" not in cleaned
    assert 'src="x"' not in cleaned
    links = clean_html('<a href="data:text/html,x">d</a><a href="01_context.html#top">ok</a><a href="../x">up</a>')
    assert "data:" not in links and 'href="01_context.html#top"' in links and "../x" not in links


def test_text_from_the_state_is_escaped():
    state = _state(
        box=("HBoxModel", {"children": ["IPY_MODEL_r", "IPY_MODEL_l"]}),
        r=("RadioButtonsModel", {"description": "<i>d</i>", "_options_labels": ["<b>o</b>"], "index": None}),
        l=("LabelModel", {"value": "<u>label</u>"}),
    )
    out = fallback_html("box", state, "<nb>.ipynb")
    assert "&lt;u&gt;label&lt;/u&gt;" in out
    assert "&lt;b&gt;o&lt;/b&gt;" in out and "&lt;i&gt;d&lt;/i&gt;" in out and "&lt;nb&gt;" in out
    assert "<b>" not in out and "<i>" not in out


def test_fallbacks_go_after_view_scripts_of_known_models_only():
    state = _state(t=("TextareaModel", {"description": "Your answer", "placeholder": "Type"}))
    script = '<script type="application/vnd.jupyter.widget-view+json">\n{"model_id": "%s"}\n</script>'
    body = script % "t" + script % "gone" + script.replace("model_id", "broken") % "x"
    out = add_fallbacks(body, state, "nb.ipynb")
    assert out.count('<div class="course-static ') == 1 and out.index("course-static") > out.index("</script>")


@pytest.mark.parametrize(
    ("file", "title", "label"),
    [
        ("00_start_here.html", "0. Start here: reading the news", "00 Start here: reading the news"),
        ("01_context.html", "1. Context: who, what, where", "01 Context: who, what, where"),
        ("12_x.html", "12) Twelve", "12 Twelve"),
        ("03_y.html", "Actor positions", "03 Actor positions"),
        ("03_y.html", "2024 in review", "03 2024 in review"),
        ("extra.html", "Extra", "Extra"),
    ],
)
def test_page_label_numbers_once(file, title, label):
    assert page_label(file, title) == label


def test_the_navigation_names_pages_up_to_the_colon():
    assert page_label("01_context.html", "1. Context: who, what, where", short=True) == "01 Context"
    assert page_label("02_t.html", "Timeline", short=True) == "02 Timeline"
    assert page_label("03_t.html", ": odd", short=True) == "03 : odd"


def test_nav_names_the_current_page_and_its_neighbours():
    pages = [NavPage(f"0{i}_p.html", f"0{i} P<{i}>") for i in range(3)]
    middle = nav_html(pages, "01_p.html")
    assert 'href="00_p.html" rel="prev">Previous: 00 P&lt;0&gt;' in middle
    assert 'href="02_p.html" rel="next">Next: 02 P&lt;2&gt;' in middle
    assert 'aria-current="page">01 P&lt;1&gt;' in middle
    page = decorate("<html><head><title>Notebook</title></head><body><main>x</main></body></html>", pages, "00_p.html")
    assert "<title>00 P&lt;0&gt; | Reading" in page and page.count("<nav") == 2 and "overflow-x: auto" in page


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_page_frame_colours_reach_4_5_to_1_on_the_code_background():
    """nbconvert's prompts, code comments and numbers were 2.2:1, 4.2:1 and 4.3:1 (axe, site pages)."""
    from helpers.classroom.site_layout import FRAME_CSS, SITE_CSS

    assert FRAME_CSS in SITE_CSS
    colours = re.findall(r"color: (#[0-9a-f]{6})", FRAME_CSS)
    assert len(colours) == 3
    background = _luminance("#f5f5f5")
    for colour in colours:
        ratio = (background + 0.05) / (_luminance(colour) + 0.05)
        assert ratio >= 4.5, f"{colour}: {ratio:.2f}:1"
    assert "text-decoration: underline" in FRAME_CSS
