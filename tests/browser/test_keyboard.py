"""Each exercise type completed with the keyboard alone in JupyterLab (issue 11).

The gallery notebook (gallery.py) shows one blank question of each type the course's exercises use
(choice, free text, number, date, ordering). For each, the focus is put on the question's first
control (where Tab from the question before lands), then only keys are pressed: arrows to choose,
typing, Tab to move, Space or Enter to press the button. The feedback must appear, and the answer
must be in the answers file the kernel writes.
"""

from __future__ import annotations

import json
import time

import pytest

from .course_ui import (
    UPDATE_TIMEOUT,
    joined_text,
    notebook_path,
    open_run_and_check,
    question_with_button,
    rel,
    scroll_to,
    wait_text_change,
)
from .gallery import NOTEBOOK_ID, PROMPTS, write_gallery

pytestmark = pytest.mark.browser


def question(page, key: str):
    return page.locator(".course-question").filter(has_text=PROMPTS[key]).first


def saved(answers_dir, question_id: str, expected=None, timeout: float = 10.0):
    """The value saved under ``question_id`` in the notebook's answers file: polls until it is there
    (and equals ``expected``, when given; every key press is saved on its own, so the file holds the
    partial values first). Returns the last value read."""
    deadline = time.monotonic() + timeout
    found = None
    while True:
        for path in answers_dir.rglob(f"{NOTEBOOK_ID}*.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            found = _find(data, question_id)
        if found is not None and (expected is None or found == expected):
            return found
        if time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _find(data, question_id: str):
    if isinstance(data, dict):
        if question_id in data:
            value = data[question_id]
            return value.get("value", value) if isinstance(value, dict) else value
        for child in data.values():
            found = _find(child, question_id)
            if found is not None:
                return found
    return None


def focus_first(q, selector: str):
    scroll_to(q)
    control = q.locator(selector).first
    control.focus()
    return control


def press_button(page, q, key: str = "Enter") -> str:
    """Tab from the focused control to the question's button (at most 8 presses), press ``key``,
    and return the new feedback text."""
    root = q.element_handle()
    before = joined_text(root, ".course-message")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.tagName") == "BUTTON":
            break
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused, "Tab never reached the question's button"
    page.keyboard.press(key)
    return wait_text_change(page, root, ".course-message", before, timeout=UPDATE_TIMEOUT)


@pytest.fixture(scope="module")
def gallery_path():
    return str(write_gallery())


@pytest.mark.timeout(300)
def test_every_exercise_type_with_the_keyboard(page, lab_server, fresh_answers, gallery_path):
    open_run_and_check(page, lab_server, gallery_path)

    # choice: focus the radio group, arrows move the choice (stone -> apple), Space presses Check
    q = question(page, "choice")
    focus_first(q, "input[type=radio]")
    page.keyboard.press("ArrowDown")
    assert q.locator("input[type=radio]:checked").count() == 1
    feedback = press_button(page, q, "Space")
    assert "Yes" in feedback, feedback
    assert saved(fresh_answers, "gallery.choice") == "apple"

    # free text: type, Tab to the button, Enter
    q = question(page, "text")
    focus_first(q, "textarea")
    page.keyboard.type("The date fixes what a reader could know.")
    # each key press reaches the kernel as its own change; check once the last one has arrived
    assert saved(fresh_answers, "gallery.text", "The date fixes what a reader could know.")
    feedback = press_button(page, q)
    assert "model answer" in feedback.lower(), feedback
    assert saved(fresh_answers, "gallery.text") == "The date fixes what a reader could know."

    # number
    q = question(page, "number")
    box = focus_first(q, "input")
    box.press("Control+a")
    page.keyboard.type("7")
    page.keyboard.press("Enter")  # a number box sends its value on Enter or when it loses focus
    assert saved(fresh_answers, "gallery.number", 7) == 7
    feedback = press_button(page, q)
    assert "Yes" in feedback, feedback
    assert saved(fresh_answers, "gallery.number") == 7

    # date: Chromium's date field takes the digits in the locale's order (en-US: month, day, year)
    q = question(page, "date")
    focus_first(q, "input[type=date]")
    page.keyboard.type("11182024")
    assert saved(fresh_answers, "gallery.date", "2024-11-18") == "2024-11-18"
    feedback = press_button(page, q)
    assert "Yes" in feedback, feedback
    assert saved(fresh_answers, "gallery.date") == "2024-11-18"

    # ordering: in each position's dropdown, ArrowDown until it shows the right item, Tab to the next
    q = question(page, "order")
    focus_first(q, "select")
    for position, wanted in enumerate(["one", "two", "three"]):
        select = q.locator("select").nth(position)
        for _ in range(6):
            if select.evaluate("s => s.value") == wanted:
                break
            page.keyboard.press("ArrowDown")
        assert select.evaluate("s => s.value") == wanted
        assert saved(fresh_answers, f"gallery.order.{position + 1}", wanted) == wanted
        if position < 2:
            page.keyboard.press("Tab")
    feedback = press_button(page, q)
    assert "All 3 in the right order" in feedback, feedback
    assert saved(fresh_answers, "gallery.order.3") == "three"


def _saved_in(answers_dir, notebook: str, question_id: str, expected=None, timeout: float = 10.0):
    """Like :func:`saved`, for a course notebook's answers file."""
    deadline = time.monotonic() + timeout
    found = None
    while True:
        for path in answers_dir.rglob(f"{notebook}*.json"):
            try:
                found = _find(json.loads(path.read_text(encoding="utf-8")), question_id)
            except (OSError, ValueError):
                continue
        if (found is not None and (expected is None or found == expected)) or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.mark.timeout(300)
def test_forecast_slider_reason_and_two_step_lock_with_the_keyboard(page, lab_server, fresh_answers):
    """Notebook 04's forecast: arrow keys move a slider (JupyterLab must not take them), Tab reaches the
    reason box, then the Lock button and its confirmation, each pressed with Enter."""
    open_run_and_check(page, lab_server, rel(notebook_path("04_escalation")))
    forecast = question_with_button(page, "Lock my forecasts")
    scroll_to(forecast)
    handle = forecast.locator(".noUi-handle").first
    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    # every key press reaches the kernel and the file on its own: wait until the file holds what the slider shows
    deadline = time.monotonic() + 10
    while True:
        shown = float(forecast.locator(".widget-readout").first.text_content() or "nan")  # what the student reads
        moved = _saved_in(fresh_answers, "04_escalation", "q1", timeout=0)
        if (moved is not None and float(moved) == shown) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert shown > 0.5, f"the arrow keys did not move q1: {shown}"
    assert moved is not None and float(moved) == shown, (moved, shown)
    # what a screen reader announces: noUiSlider rounds aria-valuenow to one decimal (0.65 -> "0.7") but gives
    # the value itself in aria-valuetext, which screen readers read in its place
    spoken = handle.get_attribute("aria-valuetext")
    assert spoken is not None and float(spoken) == shown, f"a screen reader hears {spoken!r}, the readout says {shown}"
    for _ in range(4):  # past the slider's editable readout
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "TEXTAREA":
            break
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA", "Tab did not reach the reason"
    page.keyboard.type("Strikes were reported as imminent")
    assert _saved_in(fresh_answers, "04_escalation", "q1.reason", "Strikes were reported as imminent")
    root = forecast.element_handle()
    forecast.get_by_role("button", name="Lock my forecasts").focus()
    page.keyboard.press("Enter")
    confirm = forecast.get_by_role("button", name="Yes, lock them")
    confirm.wait_for(state="visible", timeout=UPDATE_TIMEOUT)
    before = joined_text(root, ".course-message")  # the confirmation's question
    confirm.focus()
    page.keyboard.press("Enter")
    message = wait_text_change(page, root, ".course-message", before, timeout=UPDATE_TIMEOUT, must_contain="Locked")
    assert "Locked" in message, message
    assert float(_saved_in(fresh_answers, "04_escalation", "q1")) == float(moved)
