"""The browser harness works, without the course notebooks: small notebooks written here into the
git-ignored test-artifacts/smoke/ folder (inside the JupyterLab root, which is the repository)."""

from __future__ import annotations

import time

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from .lab import (
    ARTIFACTS_DIR,
    REPO_ROOT,
    LabServer,
    VoilaServer,
    cell_prompts,
    error_outputs,
    open_notebook,
    output_texts,
    run_all,
    screenshot,
    unrendered_widgets,
    wait_widgets,
    widget_count,
)

pytestmark = pytest.mark.browser

SMOKE_DIR = ARTIFACTS_DIR / "smoke"
KERNELSPEC = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}}

WIDGET_CELL = """\
import ipywidgets as w
d = w.Dropdown(options=["a", "b"], value="a", description="pick")
out = w.Output()

def on_change(change):
    with out:
        out.clear_output()
        print(f"picked {change['new']}")

d.observe(on_change, names="value")
display(d, out)"""


def write_notebook(name: str, cells) -> str:
    """Write a notebook into test-artifacts/smoke/ and return its path relative to the Lab root."""
    SMOKE_DIR.mkdir(parents=True, exist_ok=True)
    path = SMOKE_DIR / name
    nbformat.write(new_notebook(cells=cells, metadata=KERNELSPEC), path)
    return path.relative_to(REPO_ROOT).as_posix()


@pytest.fixture(scope="module")
def smoke_notebook() -> str:
    return write_notebook(
        "smoke.ipynb",
        [
            new_markdown_cell("# Smoke test\nA dropdown that prints into an Output widget."),
            new_code_cell(WIDGET_CELL),
            new_code_cell('print("READY")'),
        ],
    )


@pytest.mark.timeout(180)
def test_run_all_widgets_and_round_trip(page, lab_server, smoke_notebook, timings):
    t_open = timings("open_notebook (page load + kernel start)", open_notebook(page, lab_server, smoke_notebook))
    t_run = timings("run_all", run_all(page))

    assert error_outputs(page) == []
    assert wait_widgets(page, minimum=1) >= 1
    assert unrendered_widgets(page) == []
    assert all(p.startswith("[") and p[1:-2].isdigit() for p in cell_prompts(page)), cell_prompts(page)
    assert any("READY" in t for t in output_texts(page))

    select = page.locator(".widget-dropdown select").first
    t0 = time.perf_counter()
    select.select_option("b")
    page.locator(".widget-output").filter(has_text="picked b").first.wait_for(timeout=10_000)
    round_trip_ms = (time.perf_counter() - t0) * 1000
    timings("widget_round_trip", round_trip_ms / 1000)
    print(f"\nopen {t_open:.2f} s, run all {t_run:.2f} s, widget round trip {round_trip_ms:.0f} ms")

    assert error_outputs(page) == []
    shot = screenshot(page, "smoke-lab")
    assert shot.exists() and shot.stat().st_size > 1000
    assert page.page_errors == []
    assert page.console_errors == []


@pytest.mark.timeout(180)
def test_error_outputs_detects_a_failing_cell(page, lab_server, timings):
    nb = write_notebook(
        "smoke_failing.ipynb",
        [
            new_code_cell('import sys\nprint("just a warning", file=sys.stderr)'),
            new_code_cell("1/0"),
            new_code_cell('print("never runs")'),
        ],
    )
    timings("open_notebook", open_notebook(page, lab_server, nb))
    timings("run_all", run_all(page))

    errors = error_outputs(page)
    assert len(errors) == 1, errors
    assert "ZeroDivisionError" in errors[0] and "Traceback" in errors[0]
    # the stderr warning is not an error; Run All stopped at the failing cell
    assert cell_prompts(page) == ["[1]:", "[2]:", "[ ]:"]
    assert widget_count(page) == 0 and unrendered_widgets(page) == []


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_unrendered_widgets_detected_without_widget_extension(page, smoke_notebook, answers_dir, timings):
    # Disable the ipywidgets labextension: JupyterLab falls back to the text/plain repr.
    disabled = {"disabledExtensions": {"@jupyter-widgets/jupyterlab-manager": True}}
    with LabServer(root=REPO_ROOT, env={"COURSE_ANSWERS_DIR": str(answers_dir)}, page_config=disabled) as lab:
        timings("open_notebook", open_notebook(page, lab, smoke_notebook))
        timings("run_all", run_all(page))
        bad = unrendered_widgets(page)
        assert widget_count(page) == 0
        assert any(b.endswith("Dropdown(description='pick', options=('a', 'b'), value='a')") for b in bad), bad
        screenshot(page, "smoke-lab-no-widget-extension")


@pytest.mark.timeout(180)
def test_voila_renders_widgets_and_hides_code(page, smoke_notebook, answers_dir, timings):
    with VoilaServer(REPO_ROOT / smoke_notebook, env={"COURSE_ANSWERS_DIR": str(answers_dir)}) as voila:
        t0 = time.perf_counter()
        page.goto(voila.url, wait_until="domcontentloaded")
        page.locator(".widget-dropdown select").first.wait_for(timeout=60_000)
        page.get_by_text("READY").first.wait_for(timeout=60_000)
        t_load = timings("voila_load", time.perf_counter() - t0)

        assert wait_widgets(page, minimum=1) >= 1
        assert unrendered_widgets(page) == []
        assert error_outputs(page) == []
        # code is hidden: no code input areas (markdown cells also live in a .jp-InputArea),
        # no editor, no source text
        assert page.locator(".jp-CodeCell .jp-InputArea:visible, .jp-InputArea-editor").count() == 0
        body = page.inner_text("body")
        assert "observe" not in body and "import ipywidgets" not in body
        assert "Smoke test" in body  # markdown is shown

        t1 = time.perf_counter()
        page.locator(".widget-dropdown select").first.select_option("b")
        page.locator(".widget-output").filter(has_text="picked b").first.wait_for(timeout=10_000)
        round_trip_ms = (time.perf_counter() - t1) * 1000
        timings("voila_widget_round_trip", round_trip_ms / 1000)
        print(f"\nvoila load {t_load:.2f} s, widget round trip {round_trip_ms:.0f} ms")
        screenshot(page, "smoke-voila")
        assert page.page_errors == []
        # Offline, Voila's two icon stylesheets (a CDN) fail to load; nothing else may fail.
        assert [e for e in page.console_errors if "net::ERR" not in e] == []
