"""Text stays text: every piece of HTML the course shows carries the classes that stop MathJax.

MathJax (JupyterLab 4, Voila, nbconvert pages) typesets "$5 billion and $6 billion" as italic maths
and a ``$$…$$`` as display maths. The course puts ``tex2jax_ignore mathjax_ignore``
(:data:`helpers.templates.TEXT_ONLY_CLASSES`) on the outermost element of everything it shows. These
tests render every template and every container with dollar signs in the text and check (1) each
top-level element carries both classes and (2) the dollars are still there, as text, with the
markup around them escaped. tests/browser/test_mathjax.py checks the same in JupyterLab itself.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import pytest

import helpers
from helpers import templates
from helpers.notebook import answering, display, exercises
from helpers.notebook.session import Session

from ..conftest import SEED

CLASSES = {"tex2jax_ignore", "mathjax_ignore"}
DOLLARS = "$5 and $10, $x$ and $$y^2$$ <b>z</b>"
#: What the text must still read (tags are text too: the markup was escaped, not rendered).
SHOWN = ["$5 and $10", "$x$", "$$y^2$$", "<b>z</b>"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

DOLLAR_ARTICLE = (
    "KYIV, Nov 18 (Reuters) - Russia said the strikes cost $5 billion and $10 billion, a price of $x$ per day. "
    'Kremlin spokesman Dmitry Peskov said on Monday that "$$x^2$$ is not a price we accept" and warned of a '
    "response.\n\nUkraine may answer within 24 hours, officials said. "
    'Zelensky said "$5 and $10 are not $$y$$ <b>z</b>."'
)


class _Outline(HTMLParser):
    """The top-level elements of a fragment (tag, classes), top-level text, the <body>'s classes and all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.top: list[tuple[str, set[str]]] = []
        self.loose_text: list[str] = []
        self.body: set[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "body":
            self.body = classes
        if self.depth == 0:
            self.top.append((tag, classes))
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            self.top.append((tag, set((dict(attrs).get("class") or "").split())))

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.depth = max(self.depth - 1, 0)

    def handle_data(self, data):
        self.text.append(data)
        if self.depth == 0 and data.strip():
            self.loose_text.append(data.strip())


def outline(markup: str) -> _Outline:
    parser = _Outline()
    parser.feed(markup)
    parser.close()
    return parser


def assert_text_only(markup: str, shown: list[str] | None = None, where: str = "") -> None:
    """Every top-level element carries both classes (a whole page: its <body>); no loose text; and
    each of ``shown`` appears in the text as written."""
    parsed = outline(markup)
    if markup.lstrip().lower().startswith("<!doctype"):
        assert parsed.body is not None and CLASSES <= parsed.body, f"{where}: <body> lacks {CLASSES}: {parsed.body}"
    else:
        assert parsed.top, f"{where}: no element at all in {markup[:200]!r}"
        assert parsed.loose_text == [], f"{where}: text outside any element: {parsed.loose_text}"
        bare = [(tag, sorted(classes)) for tag, classes in parsed.top if not CLASSES <= classes]
        assert bare == [], f"{where}: top-level elements without {sorted(CLASSES)}: {bare}"
    text = "".join(parsed.text)
    for piece in shown or []:
        assert piece in text, f"{where}: {piece!r} is not shown as text in {text[:300]!r}"


def html_values(widget: widgets.Widget) -> list[str]:
    """The HTML of every HTML widget in a widget tree (and of display outputs in Output widgets)."""
    found: list[str] = []
    if isinstance(widget, widgets.HTML) and widget.value:
        found.append(widget.value)
    if isinstance(widget, widgets.Output):
        found += [o["data"]["text/html"] for o in widget.outputs if "text/html" in o.get("data", {})]
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found


def assert_widget_text_only(widget: widgets.Widget, where: str) -> list[str]:
    values = html_values(widget)
    assert values, f"{where}: no HTML in the widget"
    for number, value in enumerate(values):
        assert_text_only(value, where=f"{where}, HTML #{number}")
    return values


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A private answers folder, no cached stores, one answers file per notebook (a fresh kernel)."""
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setattr(answering, "_STORES", {})
    monkeypatch.setattr(answering, "_WHO", answering.Answering())
    return tmp_path / "answers"


@pytest.fixture(scope="module")
def dollar_article():
    return helpers.parse_text(DOLLAR_ARTICLE)


# -- templates -------------------------------------------------------------------------------------

#: A context for every template in helpers/templates, every text value carrying DOLLARS.
TEMPLATE_CONTEXTS: dict[str, list[dict]] = {
    "escalation_evidence.html": [{"evidence_id": "E1", "source": DOLLARS, "text": DOLLARS}],
    "escalation_hypotheses.html": [
        {"header": True, "hypothesis_id": "H1", "hypothesis": DOLLARS},
        {"header": False, "hypotheses": [{"hypothesis_id": "H1", "hypothesis": DOLLARS}]},
    ],
    "escalation_item.html": [{"label": DOLLARS, "cite": "¶1.1", "text": DOLLARS}],
    "positions_actor_summary.html": [
        {
            "actor": DOLLARS,
            "mentions": 2,
            "sentences": 1,
            "forms": DOLLARS,
            "statements": [{"citation": "¶1.1", "verb": "said", "content": DOLLARS, "direct": True}],
            "registry": {"role": DOLLARS, "description": DOLLARS, "facts": "A1"},
        }
    ],
    "positions_statement.html": [
        {"citation": "¶1.1", "speaker": DOLLARS, "verb": "said", "content": DOLLARS, "direct": False}
    ],
    "reveal_ach.html": [
        {
            "scores": "",
            "agree": 1,
            "marked": 2,
            "yours": DOLLARS,
            "reference": DOLLARS,
            "hypothesis_ids": ["H1"],
            "rows": [
                {
                    "evidence_id": "E1",
                    "evidence": DOLLARS,
                    "source": DOLLARS,
                    "cells": [{"reference": "C", "yours": "I"}],
                    "reasoning": DOLLARS,
                    "confidence": "high",
                }
            ],
        }
    ],
    "reveal_forecast.html": [
        {
            "score": 0.1,
            "baseline": 0.25,
            "verdict": "better than",
            "rows": [
                {
                    "question_id": "Q1",
                    "question": DOLLARS,
                    "forecast": 0.7,
                    "answer": "Yes",
                    "said": DOLLARS,
                    "fact_ids": "D1",
                    "as_of": DOLLARS,
                    "squared_error": 0.09,
                    "link": True,
                    "url": "https://example.org/",
                    "source": DOLLARS,
                }
            ],
            "chart": "",
            "course_questions": True,
            "as_of": DOLLARS,
        }
    ],
    "reveal_ladder.html": [
        {
            "rows": [
                {
                    "label": DOLLARS,
                    "cite": "¶1.1",
                    "your_unit": DOLLARS,
                    "reference_unit": "3",
                    "agreement": DOLLARS,
                    "reasoning": DOLLARS,
                    "fact_ids": "D4",
                    "confidence": "interpretation",
                }
            ]
        }
    ],
    "reveal_stance.html": [
        {
            "message": "",
            "agreement": "",
            "disagreements": [
                {
                    "citation": "¶1.1",
                    "speaker": DOLLARS,
                    "verb": "said",
                    "yours": DOLLARS,
                    "reason": DOLLARS,
                    "reference": DOLLARS,
                    "rationale": DOLLARS,
                }
            ],
        },
        {"message": "", "agreement": "", "disagreements": []},
    ],
    "site_index.html": [
        {"pages": [{"file": "01.html", "title": DOLLARS, "label": DOLLARS, "time": DOLLARS}], "built": DOLLARS}
    ],
    "submission.html": [
        {
            "student": DOLLARS,
            "created": DOLLARS,
            "notebooks": [
                {
                    "name": DOLLARS,
                    "updated": DOLLARS,
                    "answered": 1,
                    "rows": [{"prompt": DOLLARS, "id": "q1", "answer": DOLLARS, "saved": DOLLARS, "locked": DOLLARS}],
                }
            ],
            "skipped": [(DOLLARS, DOLLARS)],
        }
    ],
    "table.html": [
        {"caption": DOLLARS, "columns": [DOLLARS], "rows": [[(DOLLARS, "")]], "empty": ""},
        {"caption": DOLLARS, "columns": [DOLLARS], "rows": [], "empty": display.message_html(DOLLARS)},
    ],
}


def test_every_template_is_covered():
    """A new template must get a context here, so that it is checked too."""
    folder = Path(templates.__file__).parent / "templates"
    assert sorted(p.name for p in folder.glob("*.html")) == sorted(TEMPLATE_CONTEXTS)


#: Contexts whose dollar text is not shown as text: a hypothesis only in a ``title`` attribute, and
#: a reveal with no disagreements (nothing from the student at all).
NO_TEXT = {("escalation_hypotheses.html", 0), ("reveal_stance.html", 1)}


@pytest.mark.parametrize(
    ("name", "index"),
    [(name, index) for name, contexts in TEMPLATE_CONTEXTS.items() for index in range(len(contexts))],
)
def test_every_template_keeps_text_as_text(name, index):
    markup = templates.render(name, **TEMPLATE_CONTEXTS[name][index])
    shows_text = (name, index) not in NO_TEXT
    assert_text_only(markup, SHOWN if shows_text else [], where=name)
    assert "<b>z</b>" not in markup  # autoescape kept
    if (name, index) != ("reveal_stance.html", 1):
        assert "&lt;b&gt;z&lt;/b&gt;" in markup


def test_text_only_wraps_once_with_both_classes():
    assert templates.TEXT_ONLY_CLASSES.split() == ["tex2jax_ignore", "mathjax_ignore"]
    assert templates.text_only("<b>x</b>") == '<div class="tex2jax_ignore mathjax_ignore"><b>x</b></div>'


# -- display.py ------------------------------------------------------------------------------------


def test_display_containers_keep_text_as_text(dollar_article):
    from matplotlib.figure import Figure

    table = pd.DataFrame({DOLLARS: [DOLLARS], "n": [1]})
    fig = Figure()
    fig.subplots().plot([0, 1])
    cases = {
        "message_html": display.message_html(DOLLARS, "warning"),
        "Message": display.Message(DOLLARS)._repr_html_(),
        "table_html": display.table_html(table, caption=DOLLARS),
        "table_html (empty)": display.table_html(table.iloc[0:0], caption=DOLLARS),
        "table_details_html": display.table_details_html(table, summary=DOLLARS),
        "figure_html": display.figure_html(fig, alt=DOLLARS, caption=DOLLARS),
        "figure_bundle": display.figure_bundle(fig, DOLLARS, table, DOLLARS)["data"]["text/html"],
        "article_html": display.article_html(dollar_article, highlight=["1.1"], marks=[(0, 4)]),
    }
    for where, markup in cases.items():
        shown = ["$5 and $10", "$$y$$"] if where == "article_html" else (SHOWN[:3] if "figure" in where else SHOWN)
        assert_text_only(markup, shown, where=where)


def test_show_html_and_the_article_card_keep_text_as_text(monkeypatch, tmp_path, fresh):
    import IPython.display

    shown: list[str] = []

    def capture(*objects, **_kwargs):
        for obj in objects:
            shown.append(obj.data if hasattr(obj, "data") else obj._repr_html_())

    monkeypatch.setattr(IPython.display, "display", capture)
    display.show_html(display.escape(DOLLARS))
    seed = tmp_path / "dollars.txt"
    seed.write_text(DOLLAR_ARTICLE, encoding="utf-8")
    session = helpers.start(seed, notebook="03_actor_positions", per_user=False)
    shown = [s for s in shown if "__courseAccessibility" not in s]  # the accessibility script (no text)
    assert len(shown) == 2
    assert_text_only(shown[0], SHOWN, where="show_html")
    assert_text_only(shown[1], where="the article card")
    # pandas tables shown directly in a cell carry the classes too (start sets the option)
    frame_html = session.article.sentences[["text"]]._repr_html_()
    assert "mathjax_ignore" in frame_html and "tex2jax_ignore" in frame_html


# -- widgets ---------------------------------------------------------------------------------------


def test_exercise_widgets_keep_text_as_text(fresh):
    question = exercises.ChoiceQuestion("00_start_here", "q", DOLLARS, [DOLLARS, "b"], DOLLARS, explanation=DOLLARS)
    question.input.value = DOLLARS
    assert question.check()
    values = assert_widget_text_only(question.widget, "ChoiceQuestion")
    assert any(all(piece in "".join(outline(v).text) for piece in SHOWN) for v in values)

    text = exercises.TextQuestion("00_start_here", "t", DOLLARS, model_answer=DOLLARS, min_words=1)
    text.input.value = DOLLARS
    text.check()
    assert_widget_text_only(text.widget, "TextQuestion")

    button = exercises.SubmissionButton("00_start_here", out_dir=fresh.parent / "out")
    button.name.value = DOLLARS
    assert button.submit() is not None
    assert_widget_text_only(button.widget, "SubmissionButton")
    assert_widget_text_only(exercises.NamePrompt().widget, "NamePrompt")


def test_lesson_widgets_keep_text_as_text(fresh, dollar_article):
    from helpers.lessons import escalation, positions, timeline

    explorer = positions.ActorExplorer(dollar_article)
    explorer.actor.value = "volodymyr_zelensky"
    values = assert_widget_text_only(explorer.widget, "ActorExplorer")
    assert any("$$y$$" in "".join(outline(v).text) for v in values)

    coder = positions.StanceCoder(Session(dollar_article, "03_actor_positions"))
    coder.compare()
    assert_widget_text_only(coder.widget, "StanceCoder")

    session = Session(dollar_article, escalation.NOTEBOOK)
    items = pd.DataFrame(
        [
            {
                "item_id": "x",
                "label": DOLLARS,
                "sentence_id": "1.1",
                "cite": "¶1.1",
                "text": DOLLARS,
                "article_rule": "",
                "unit_order": 1,
                "reference_unit": "",
                "reasoning": DOLLARS,
                "fact_ids": "D4",
                "confidence": "interpretation",
            }
        ]
    )
    ladder = escalation.LadderExercise(session, items=items)
    ladder.reveal_button.click()
    assert_widget_text_only(ladder.widget, "LadderExercise")

    seed_article = helpers.load_article(SEED)
    course = Session(seed_article, escalation.NOTEBOOK)
    forecast = escalation.ForecastExercise(course)
    forecast.lock()
    forecast.reveal()
    assert_widget_text_only(forecast.widget, "ForecastExercise")
    ach = escalation.ACHMatrix(course)
    assert_widget_text_only(ach.widget, "ACHMatrix")

    times = seed_article.time_expressions
    events = timeline.article_events(seed_article, times[times["start_date"].notna()].sort_values("start_date"))
    table = timeline.timeline_table(events, timeline.background_for(Session(seed_article, "02_timeline")))
    explorer_t = timeline.TimelineExplorer(table, seed_article.reference_date)
    assert_widget_text_only(explorer_t.widget, "TimelineExplorer")


def test_lesson_html_keeps_text_as_text(dollar_article):
    from helpers.lessons import context, escalation

    assert_text_only(context.sentence_html(dollar_article, "2.2"), ["$5 and $10", "$$y$$", "<b>z</b>"], "sentence")
    view = escalation.hedges_view(escalation.certainty_table(dollar_article), dollar_article).data
    assert_text_only(view, ["$5 billion and $10 billion", "$$x^2$$"], "hedges_view")


def test_the_checks_catch_bare_html():
    """The checker itself: HTML without the classes, or with loose text, fails."""
    for bare in ("<b>$x$</b>", '<div class="tex2jax_ignore">$x$</div>', "$x$", '<div class="x">a</div>b'):
        with pytest.raises(AssertionError):
            assert_text_only(bare)
    with pytest.raises(AssertionError):
        assert_text_only("<!DOCTYPE html><html><body>$x$</body></html>")
    with pytest.raises(AssertionError, match="not shown"):
        assert_text_only(templates.text_only("<b>x</b>"), ["$x$"])
