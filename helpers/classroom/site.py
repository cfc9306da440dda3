"""The static site: every course notebook run and saved as an HTML page, plus an index page."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..paths import course_root
from ..templates import render
from .common import ClassroomError
from .site_fallback import add_fallbacks, widget_state
from .site_layout import NavPage, decorate, page_label
from .student import student_cells


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables (inherited by kernels started inside) and restore them after."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


#: The widget JavaScript the site serves itself: installed by ``npm ci --prefix helpers/classroom/site_js``
#: (``make site`` does it), copied into ``<site>/static/``, so pages show their widgets offline.
SITE_JS = Path(__file__).with_name("site_js")
_WIDGET_FILES = (".js", ".woff", ".woff2", ".ttf", ".eot", ".svg")


def _html_manager_version() -> str:
    manifest = json.loads((SITE_JS / "package.json").read_text(encoding="utf-8"))
    return str(manifest["dependencies"]["@jupyter-widgets/html-manager"])


def site_js_installed() -> bool:
    """Whether the widget JavaScript is installed for the site to serve itself."""
    modules = SITE_JS / "node_modules"
    return (modules / "@jupyter-widgets/html-manager/dist/embed-amd.js").is_file() and (
        modules / "requirejs/require.js"
    ).is_file()


def widget_assets(out_dir: Path) -> dict[str, str]:
    """Settings for the HTML exporter: the widget JavaScript copied into ``out_dir/static`` when installed
    (no request leaves the site), else the same pinned version from the jsDelivr CDN. MathJax is never
    loaded: the course's text is text."""
    if not site_js_installed():
        return {"html_manager_semver_range": _html_manager_version(), "mathjax_url": ""}
    static = out_dir / "static"
    static.mkdir(parents=True, exist_ok=True)
    dist = SITE_JS / "node_modules/@jupyter-widgets/html-manager/dist"
    for path in dist.iterdir():
        if path.suffix in _WIDGET_FILES and path.name not in ("embed.js", "libembed-amd.js"):
            shutil.copyfile(path, static / path.name)
    shutil.copyfile(SITE_JS / "node_modules/requirejs/require.js", static / "require.js")
    return {"widget_renderer_url": "static/embed-amd.js", "require_js_url": "static/require.js", "mathjax_url": ""}


@dataclass
class Page:
    """One notebook rendered for the site."""

    file: str
    title: str
    time: str
    seconds: float

    @property
    def label(self) -> str:
        """How the site names the page: its number once, then its title ("01 Context: …")."""
        return page_label(self.file, self.title)


def notebook_title(nb) -> tuple[str, str]:
    """The notebook's first ``# `` heading and its "Completion time" (or "Time to learn")."""
    title, minutes = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        if not title:
            found = re.search(r"^#\s+(.+)$", cell.source, re.M)
            title = found[1].strip() if found else ""
        if not minutes:
            lines = [line for line in cell.source.splitlines() if line.startswith("|")]
            if len(lines) >= 3 and "Completion time" in lines[0]:
                header = [c.strip() for c in lines[0].strip("|").split("|")]
                values = [c.strip() for c in lines[2].strip("|").split("|")]
                minutes = dict(zip(header, values)).get("Completion time", "")
            found = re.search(r"Time to learn\W*(\d+\s*min\w*)", cell.source)
            minutes = minutes or (found[1] if found else "")
    return title, minutes


def index_html(pages: list[Page]) -> str:
    """The site's front page: a link to every notebook page, with its completion time (all escaped)."""
    built = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return render("site_index.html", pages=pages, built=built)


_NOTEBOOK_LINK = re.compile(r'href="(\d\d_[\w-]+)\.ipynb(#[^"]*)?"')


def _link_pages(body: str) -> str:
    """Links between course notebooks (``01_context.ipynb``) point at their pages (``01_context.html``)."""
    return _NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)


def build_site(
    out_dir: Path | str | None = None, notebooks_dir: Path | str | None = None, timeout: int = 120
) -> list[Page]:
    """Run every ``[0-9]*.ipynb`` course notebook, as students get it (the student copy: no solutions, no notes for teachers), and
    write it as HTML (lab template) plus ``index.html``.

    Widget state is embedded. Answers go to a temporary folder, never to the real ``answers/``.
    Raises ClassroomError naming each notebook that failed (the others are still written).
    """
    import nbformat

    out_dir = course_root() / "site" if out_dir is None else out_dir
    notebooks_dir = course_root() / "notebooks" if notebooks_dir is None else notebooks_dir
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor

    out_dir, notebooks_dir = Path(out_dir), Path(notebooks_dir)
    sources = sorted(notebooks_dir.glob("[0-9]*.ipynb"))
    if not sources:
        raise ClassroomError(f"There is no course notebook (00_….ipynb) in {notebooks_dir}.")
    out_dir.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab", **widget_assets(out_dir))
    pages, failures, bodies = [], [], {}
    with tempfile.TemporaryDirectory() as scratch, _environment(COURSE_ANSWERS_DIR=scratch, MPLBACKEND="Agg"):
        for path in sources:
            nb = nbformat.read(path, as_version=4)
            # the site is for students: built from the student copy, without solutions or teachers' notes
            nb = student_cells(nb)
            started = time.perf_counter()
            try:
                ExecutePreprocessor(timeout=timeout, kernel_name="python3", store_widget_state=True).preprocess(
                    nb, {"metadata": {"path": str(notebooks_dir)}}
                )
            except CellExecutionError as error:
                failures.append(f"{path.name}: {error.ename}: {error.evalue}")
                continue
            seconds = time.perf_counter() - started
            body, _ = exporter.from_notebook_node(nb)
            name = f"{path.stem}.html"
            # each widget also as static text, for browsers that cannot run it
            bodies[name] = add_fallbacks(_link_pages(body), widget_state(nb), path.name)
            title, minutes = notebook_title(nb)
            pages.append(Page(name, title or path.stem, minutes, seconds))
    nav = [NavPage(page.file, page_label(page.file, page.title, short=True)) for page in pages]
    for name, body in bodies.items():
        (out_dir / name).write_text(decorate(body, nav, name), encoding="utf-8")
    (out_dir / "index.html").write_text(index_html(pages), encoding="utf-8")
    if failures:
        raise ClassroomError("These notebooks failed to run, so the site lacks them: " + "; ".join(failures))
    return pages
