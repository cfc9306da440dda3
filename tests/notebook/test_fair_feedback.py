"""Fair feedback and help for a stuck student (issues 10 and 11), driving the widgets from Python.

Free answers are never marked right for their length; a poor score is not shown as good; a check
notices that the exercise cell it grades failed; a check leaves nothing but its feedback under the
cell; ordering questions start shuffled; every message and every input has a name that does not
depend on an emoji font.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from helpers.notebook import accessibility, answering, display, exercises, freshness, scoring
from helpers.notebook.display import Message

EMOJI = re.compile("[\u2600-\u27bf\U0001f300-\U0001faff\ufe0f]")


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setattr(answering, "_STORES", {})
    monkeypatch.setattr(answering, "_WHO", answering.Answering())
    monkeypatch.setattr(freshness, "FAILED", {})
    return tmp_path / "answers"


# -- free text ---------------------------------------------------------------------------------


def test_a_long_free_answer_is_not_marked_right(fresh):
    q = exercises.TextQuestion(
        "00_start_here",
        "t",
        "Why does the date matter?",
        model_answer="Because the article reports events of 18 November.",
        checklist=["names the date", "gives the evidence"],
    )
    q.input.value = "banana " * 40
    verdict = q.check()
    assert verdict.ok is None and not verdict
    assert "course-ok" not in q.feedback.value, "a free answer got the 'right' colour for its length"
    assert "course-info" in q.feedback.value
    assert "Because the article reports events of 18 November." in q.feedback.value
    assert "names the date" in q.feedback.value and "gives the evidence" in q.feedback.value


def test_a_short_free_answer_asks_for_more(fresh):
    q = exercises.TextQuestion("00_start_here", "t", "Why?", model_answer="x y z", min_words=5)
    q.input.value = "too short"
    assert q.check().ok is None
    assert "2 word(s)" in q.feedback.value and "x y z" not in q.feedback.value


def test_free_text_button_label_is_whole(fresh):
    q = exercises.TextQuestion("00_start_here", "t", "Why?", model_answer="x")
    assert q.button.description == "Compare with the model answer"
    assert q.button.layout.width == "auto"


# -- scores ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "verdict", "kind"),
    [(0.10, "better than", "ok"), (0.25, "the same as", "info"), (0.40, "worse than", "warning")],
)
def test_brier_verdict_shows_a_poor_score_as_poor(score, verdict, kind):
    assert scoring.brier_verdict(score, 0.25) == (verdict, kind)


def test_a_matrix_filled_at_random_is_not_better_than_chance():
    # 12 cells, 3 marks (C, I, N): guessing agrees about 4 times; 5 agreements is what guessing does
    assert not scoring.better_than_chance(5, 12, 1 / 3)
    assert scoring.better_than_chance(10, 12, 1 / 3)
    assert not scoring.better_than_chance(0, 0, 1 / 3)
    with pytest.raises(ValueError, match="probability"):
        scoring.better_than_chance(1, 2, 1.5)


# -- checks that notice a failed exercise cell ------------------------------------------------


def _ran(source: str, failed: bool) -> None:
    info = SimpleNamespace(raw_cell=source)
    freshness.before_cell(info)
    result = SimpleNamespace(info=info, execution_count=3, error_in_exec=ValueError("x") if failed else None)
    freshness.after_cell(result)


@freshness.checks_fresh_answers
def check_answer(answer: object) -> Message:
    return Message("Yes." if answer == 1000 else "Not yet.", "ok" if answer == 1000 else "warning")


def test_check_notices_a_failed_exercise_cell(fresh):
    _ran("my_day = 1000", failed=False)
    freshness.before_cell(SimpleNamespace(raw_cell="context.check_answer(my_day)"))
    assert check_answer(1000).kind == "ok"

    _ran("my_day = int('x')", failed=True)  # the value from the first run is still there
    freshness.before_cell(SimpleNamespace(raw_cell="context.check_answer(my_day)"))
    stale = check_answer(1000)
    assert stale.kind == "warning" and "`my_day`" in stale.text and "stopped with an error" in stale.text

    _ran("my_day = 1000", failed=False)  # fixed and run again
    freshness.before_cell(SimpleNamespace(raw_cell="check_answer(answer=my_day)"))
    assert check_answer(1000).kind == "ok"


def test_assigned_and_called_names():
    assert freshness.assigned_names("a = 1\nb, c = 2, 3\nfor d in []: pass\nimport numpy as np") == {
        "a",
        "b",
        "c",
        "d",
        "np",
    }
    assert freshness.assigned_names("%%time\nx = 1") == set()  # not Python: nothing claimed
    assert freshness.called_with("m.f(a, b=c)\ng(d)", "f") == {"a", "c"}


def test_a_missing_name_gets_a_plain_message():
    from helpers.notebook.session import friendly_error

    text = friendly_error(NameError("name 'my_day' is not defined", name="my_day"))
    assert "`my_day` does not exist yet" in text and "Run the cell that sets it" in text


# -- no stray True/False -------------------------------------------------------------------------


def test_a_check_shows_nothing_but_its_feedback(fresh):
    from IPython.core.formatters import DisplayFormatter

    q = exercises.ChoiceQuestion("00_start_here", "c", "Pick", ["a", "b"], "a")
    q.input.value = "a"
    verdict = q.check()
    assert verdict == True and bool(verdict)  # noqa: E712 - Verdict compares equal to the bool
    q.input.value = "b"
    assert q.check() == False and not q.check()  # noqa: E712
    shown, _ = DisplayFormatter().format(verdict)
    assert shown == {}, f"the check's value shows as {shown}"


# -- ordering starts shuffled -------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 6])
def test_ordering_starts_shuffled_and_never_right(fresh, n):
    correct = [f"event {i}" for i in range(n)]
    q = exercises.OrderQuestion("02_timeline", f"order{n}", "Order them", correct, correct)
    listed = q.slots[0].options[1:]
    assert sorted(listed) == sorted(correct)
    assert all(a != b for a, b in zip(listed, correct)), listed
    again = exercises.OrderQuestion("02_timeline", f"order{n}", "Order them", correct, correct)
    assert again.slots[0].options == q.slots[0].options  # the same order on every run


def test_shuffled_depends_on_the_key_not_on_chance():
    items = [str(i) for i in range(8)]
    orders = {tuple(exercises.shuffled(items, items, f"k{i}")) for i in range(10)}
    assert len(orders) > 1


# -- names and icons -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["info", "ok", "warning", "error"])
def test_messages_use_theme_colours_and_svg_icons(kind):
    markup = display.message_html("Text", kind)
    assert not EMOJI.search(markup), markup
    assert "<svg" in markup and 'aria-label="' in markup
    assert "var(--jp-content-font-color1" in markup and "var(--jp-layout-color2" in markup
    assert not re.search(r"background:#", markup)


def test_every_exercise_input_has_a_name(fresh):
    import datetime

    inputs = [
        exercises.TextQuestion("00_start_here", "t", "Why?").input,
        exercises.DateQuestion("01_context", "d", "When?", datetime.date(2024, 11, 18)).input,
        exercises.NumberQuestion("02_timeline", "n", "How many?", 3, unit="days").input,
    ]
    assert all(w.description for w in inputs), [type(w).__name__ for w in inputs if not w.description]
    order = exercises.OrderQuestion("02_timeline", "o", "Order", ["a", "b"], ["a", "b"])
    assert all(slot.description for slot in order.slots)


def test_name_control_keeps_a_label():
    import ipywidgets as widgets

    box = accessibility.name_control(widgets.Dropdown(options=["a"]), "Stance", visible=False)
    assert box.description == "Stance" and box.style.description_width == "0px"
    assert "aria-label" in accessibility.ACCESSIBILITY_JS


# -- in a real kernel --------------------------------------------------------------------------


def test_in_a_kernel_a_check_after_a_failed_cell_says_so(tmp_path, monkeypatch):
    """Run All with a failing exercise cell: the check cell after it warns instead of grading the
    value of the earlier run, and a name that was never set gets a plain message."""
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "answers"))
    cells = [
        "import helpers\nfrom helpers.notebook.display import Message\n"
        "from helpers.notebook.freshness import checks_fresh_answers\n"
        'session = helpers.start(notebook="00_start_here")',
        "@checks_fresh_answers\ndef check_it(answer):\n    return Message('Yes.' if answer == 1 else 'No.', 'ok')",
        "my_answer = 1",
        "check_it(my_answer)",
        'my_answer = int("not a number")',
        "check_it(my_answer)",
        "check_it(never_set)",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()

    def shown(i: int) -> str:
        texts = []
        for output in nb.cells[i].outputs:
            data = output.get("data", {})
            texts.append(str(data.get("text/html", "")) + str(data.get("text/plain", "")))
            texts.extend(output.get("traceback", []))
        return " ".join(texts)

    assert "Yes." in shown(3)
    assert "stopped with an error" in shown(5) and "Yes." not in shown(5)
    assert "does not exist yet" in shown(6)
    assert "True" not in shown(3) + shown(5)
