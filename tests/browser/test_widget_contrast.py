"""Every course widget and message, measured in JupyterLab's light and dark themes (issue 11).

The gallery notebook (gallery.py) shows each question type blank and after a check (every kind of
feedback box), the article with a highlighted sentence, a table and the hand-in button. For each
theme: axe-core finds no serious or critical violation in the outputs, and the text of every
feedback box, highlighted sentence and table cell has a contrast of at least 4.5:1 with the colour
behind it, computed from the colours the browser uses (alpha blended over what is behind). The
ratios are printed and written to test-artifacts/contrast.json.
"""

from __future__ import annotations

import json

import pytest

from .a11y import (
    CONTRAST_JS,
    COURSE_SCOPE_LAB,
    audit,
    axe_available,
    draw_every_cell,
    screenshots_at_both_sizes,
    set_theme,
)
from .course_ui import open_run_and_check
from .gallery import write_gallery
from .lab import ARTIFACTS_DIR

pytestmark = pytest.mark.browser

#: What is measured: CSS selector -> what it is.
MEASURED = {
    ".course-message": "feedback box",
    ".course-highlight": "highlighted sentence",
    ".course-article .course-sentence:not(.course-highlight)": "article text",
    ".course-sentence sup": "sentence id",
    ".course-table td": "table cell",
    ".course-question b": "question prompt",
}


@pytest.fixture(scope="module")
def gallery_path():
    return str(write_gallery())


@pytest.mark.timeout(300)
def test_widgets_and_messages_readable_in_both_themes(page, lab_server, fresh_answers, gallery_path):
    reason = axe_available()
    if reason:
        pytest.fail(reason, pytrace=False)
    open_run_and_check(page, lab_server, gallery_path)
    draw_every_cell(page)
    page.locator(".course-message").first.wait_for(state="attached")
    report, problems = {}, []
    for dark in (False, True):
        theme = "dark" if dark else "light"
        set_theme(page, dark)
        ratios = page.evaluate(CONTRAST_JS, list(MEASURED))
        assert ratios[".course-message"], "no feedback box on the page to measure"
        report[theme] = {MEASURED[sel]: {"min": min(r), "count": len(r)} for sel, r in ratios.items() if r}
        for sel, values in ratios.items():
            low = [v for v in values if v < 4.5]
            if low:
                problems.append(
                    f"{theme}: {MEASURED[sel]} contrast {min(values)}:1 < 4.5:1 ({len(low)} of {len(values)})"
                )
        result = audit(page, f"gallery/{theme}", scope=COURSE_SCOPE_LAB)
        if result.serious("course"):
            problems.append(f"{theme}: axe\n{result.describe('course')}")
        print(f"\ngallery ({theme}): contrast {report[theme]}; axe course {result.serious('course')}")
        screenshots_at_both_sizes(page, f"gallery-{theme}", focus_selector=".course-message")
    set_theme(page, False)
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS_DIR / "contrast.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    assert problems == [], "\n".join(problems)
