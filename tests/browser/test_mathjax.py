"""Text stays text in JupyterLab: MathJax never typesets an article's or a student's dollar signs.

JupyterLab typesets ``$…$`` and ``$$…$$`` in HTML outputs with MathJax, so "$5 billion and $10
billion" would read as italic maths. Every container the course outputs carries
``tex2jax_ignore mathjax_ignore`` (tests/notebook/test_text_stays_text.py checks each one in Python).
Here, as in test_hostile_browser.py, a copy of a course notebook is written into the git-ignored
test-artifacts/mathjax/ folder with one cell after its ``parameters`` cell that sets ``SEED`` to an
article full of dollar signs; the copy is run on a fresh kernel in JupyterLab. Two cells at the end
hand in a submission whose answer and student name carry dollars too, and display a *control*:
the same kind of text without the classes, which MathJax must typeset (so the check below is not
passing only because MathJax never ran). (ipywidgets 8.1's ``HTML`` widget is not typeset in
JupyterLab 4.6, only ``HTMLMath`` is; widget HTML carries the classes all the same, for Voila and
other front ends, and the check covers it.) Then: no MathJax element (``mjx-container``, ``.MathJax``)
inside any course output, and the dollar text is there and visible, as written.
"""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from .course_ui import notebook_path, open_run_and_check, rel, scroll_to
from .lab import ARTIFACTS_DIR, screenshot

pytestmark = pytest.mark.browser

MATHJAX_DIR = ARTIFACTS_DIR / "mathjax"
DOLLAR_ARTICLE = (
    "KYIV, Nov 18 (Reuters) - Russia said the strikes cost $5 billion and $10 billion, a price of $x$ per day. "
    'Kremlin spokesman Dmitry Peskov said on Monday that "$$x^2$$ is not a price we accept" and warned of a '
    "response.\n\nUkraine may answer within 24 hours, officials said. "
    'Zelensky said "$5 and $10 are not $$y$$."\n'
)
#: Text that must be shown as written (MathJax would turn each into maths and drop the dollars).
LITERAL = ["$5 billion and $10 billion", "$$x^2$$", "$5 and $10 are not $$y$$"]
SUBMITTED = "$5 and $10 … $$x^2$$"

_CONTROL_CELL = """\
from IPython.display import HTML
# control (not course output): no classes, so MathJax must typeset it
HTML('<p class="mathjax-control">control $$a^2$$ and $b$</p>')
"""

_JS_MATH_IN_COURSE_OUTPUT = """() => {
  const math = 'mjx-container, .MathJax, .MathJax_Display, .MathJax_Preview, script[type^="math/tex"]';
  const found = [];
  for (const out of document.querySelectorAll('.jp-OutputArea-output')) {
    if (out.querySelector('.mathjax-control')) continue;
    for (const m of out.querySelectorAll(math)) found.push((out.textContent || '').slice(0, 120));
  }
  return [...new Set(found)];
}"""

_JS_TYPESET_CONTROLS = """() => [...document.querySelectorAll('.mathjax-control')]
  .filter(c => c.querySelector('mjx-container, .MathJax')).length"""

_JS_OUTPUT_TEXT = "() => [...document.querySelectorAll('.jp-OutputArea-output')].map(e => e.textContent).join('\\n')"


def dollar_copy(name: str) -> str:
    """test-artifacts/mathjax/<name>.ipynb: the notebook on the dollar article, plus a submission
    with dollars in it and the control cell. Returns the path relative to the Lab root."""
    MATHJAX_DIR.mkdir(parents=True, exist_ok=True)
    seed = MATHJAX_DIR / "dollars.txt"
    seed.write_text(DOLLAR_ARTICLE, encoding="utf-8")
    nb = nbformat.read(notebook_path(name), as_version=4)
    index = next(
        (i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])),
        None,
    )
    assert index is not None, f"{name} has no cell tagged 'parameters'"
    nb.cells.insert(index + 1, new_code_cell(f"SEED = {str(seed)!r}  # dollar signs (browser test)"))
    nb.cells.append(
        new_code_cell(
            "from helpers.notebook.exercises import SubmissionButton, store_for\n"
            f"store_for(session.notebook).set('mathjax.answer', {SUBMITTED!r})\n"
            f"hand_in = SubmissionButton(session.notebook, out_dir={str(MATHJAX_DIR / 'out')!r})\n"
            "hand_in.name.value = 'Ana $x$ García'\n"
            "hand_in.submit()\n"
            "hand_in"
        )
    )
    nb.cells.append(new_code_cell(_CONTROL_CELL))
    target = MATHJAX_DIR / f"{name}.ipynb"
    nbformat.write(nb, target)
    return rel(target)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", ["03_actor_positions", "01_context"])
def test_dollar_signs_stay_text_in_jupyterlab(name, page, lab_server, fresh_answers, timings):
    path = dollar_copy(name)
    run = open_run_and_check(page, lab_server, path)
    timings("ready", run.ready_s)

    # MathJax is on in this JupyterLab: the control gets typeset (MathJax loads on first use)
    page.wait_for_function(f"() => ({_JS_TYPESET_CONTROLS})() >= 1", timeout=30_000)
    page.wait_for_timeout(1_000)  # any typesetting of course output started with the controls' is done
    assert page.evaluate(_JS_MATH_IN_COURSE_OUTPUT) == [], "MathJax typeset course output"

    text = page.evaluate(_JS_OUTPUT_TEXT)
    for piece in LITERAL:
        assert piece in text, f"{piece!r} is not shown as written"
    assert "Ana $x$ García" in text, "the submission's student name is not shown as written"
    shown = page.locator(".jp-OutputArea-output").get_by_text("$5 billion and $10 billion", exact=False)
    first = shown.first
    scroll_to(first, block="center")
    assert first.is_visible(), "the article's dollar text is not visible"

    if name == "03_actor_positions":  # a widget update re-renders the article: still text
        explorer = page.locator(".course-actor-explorer").first
        select = explorer.locator(".widget-dropdown select").first
        zelensky = next(o for o in select.locator("option").all_text_contents() if "Zelensky" in o)
        scroll_to(explorer)
        select.select_option(label=zelensky)
        explorer.locator(".course-highlight", has_text="$5 and $10 are not $$y$$").first.wait_for(timeout=20_000)
        page.wait_for_timeout(1_000)
        assert page.evaluate(_JS_MATH_IN_COURSE_OUTPUT) == [], "MathJax typeset the re-rendered article"
    submitted = (MATHJAX_DIR / "out").rglob("*_submission.html")
    assert any(SUBMITTED in p.read_text(encoding="utf-8") for p in submitted)
    screenshot(page, f"mathjax-{name}")
