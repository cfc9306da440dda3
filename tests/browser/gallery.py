"""A notebook that shows every kind of course widget and message at once, for the browser tests of
accessibility (test_widget_contrast.py) and keyboard use (test_keyboard.py).

Run All in JupyterLab shows only what the course notebooks show before a student acts: no
feedback boxes. This notebook also shows each question after a check (every message kind), so
their colours are measured in both themes. It is written to test-artifacts/a11y/ (git-ignored)
from the helpers' public API only; answers go to the session's temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from .lab import ARTIFACTS_DIR, REPO_ROOT

GALLERY = ARTIFACTS_DIR / "a11y" / "gallery.ipynb"
NOTEBOOK_ID = "00_start_here"  # answers go to this notebook's file, under question ids "gallery.*"

#: (prompt, what the keyboard test does) of the questions shown blank, for the keyboard test.
PROMPTS = {
    "choice": "Keyboard: which of these is a fruit?",
    "text": "Keyboard: in one sentence, why does a date matter?",
    "number": "Keyboard: how many days are there in a week?",
    "date": "Keyboard: on which day did the week start?",
    "order": "Keyboard: put the numbers in order.",
}

CELLS = [
    f"""import datetime
import helpers
from helpers.notebook import display as d, exercises as ex
session = helpers.start(notebook="{NOTEBOOK_ID}")
NB = "{NOTEBOOK_ID}\"""",
    """for kind in ("info", "ok", "warning", "error"):
    d.show_html(d.message_html(f"A {kind} message: the words say what it means, the colour only helps.", kind))""",
    """first = session.article.sentences["sentence_id"].iloc[0]
d.show_html(d.scroll_box_html(d.article_html(session.article, highlight=[first]), "The article", "240px"))""",
    """d.show_table(session.article.sentences.head(3), caption="Three sentences", columns=["sentence_id", "text"])""",
    f"""choice = ex.ChoiceQuestion(NB, "gallery.choice", {PROMPTS["choice"]!r}, ["stone", "apple", "cloud"], "apple",
                           explanation="An apple grows on a tree.", hints={{"stone": "A stone does not grow."}})
choice""",
    f"""text = ex.TextQuestion(NB, "gallery.text", {PROMPTS["text"]!r}, model_answer="It fixes what a reader could know.",
                       checklist=["names a date", "says why it matters"], min_words=3)
text""",
    f"""number = ex.NumberQuestion(NB, "gallery.number", {PROMPTS["number"]!r}, 7, unit="days")
number""",
    f"""date = ex.DateQuestion(NB, "gallery.date", {PROMPTS["date"]!r}, datetime.date(2024, 11, 18))
date""",
    f"""order = ex.OrderQuestion(NB, "gallery.order", {PROMPTS["order"]!r}, ["one", "two", "three"], ["one", "two", "three"])
order""",
    """# The same questions after a check: every kind of feedback box.
shown = []
for qid, value, make in [
    ("c1", "apple", lambda i: ex.ChoiceQuestion(NB, i, "Checked: a right choice", ["apple", "stone"], "apple")),
    ("c2", "stone", lambda i: ex.ChoiceQuestion(NB, i, "Checked: a wrong choice", ["apple", "stone"], "apple")),
    ("t1", "a long enough free answer here", lambda i: ex.TextQuestion(NB, i, "Checked: free text", model_answer="A model.", min_words=3)),
    ("n1", 8.0, lambda i: ex.NumberQuestion(NB, i, "Checked: a number", 7, unit="days")),
]:
    q = make("gallery.checked." + qid)
    q.input.value = value
    q.check()
    shown.append(q.widget)
ex.widgets.VBox(shown)""",
    """ex.SubmissionButton(NB)""",
]


def write_gallery() -> Path:
    """Write the gallery notebook (kernelspec and language_info like the course notebooks); return
    its path relative to the repository."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    course = nbformat.read(REPO_ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    nb.metadata = course.metadata
    GALLERY.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, GALLERY)
    return GALLERY.relative_to(REPO_ROOT)
