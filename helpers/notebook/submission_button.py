"""The "Save my submission" button: the student's answers (every notebook found) as one HTML page and
one JSON file to hand in, with download links that work in Voila too."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import ipywidgets as widgets

from ..paths import course_root
from ..templates import text_only
from . import answering
from .answers import ASK_NAME, AnswerStoreError, default_answers_dir, student_folder
from .display import BORDER_COLOUR, escape, message_html


def _download_link(path: Path, mime: str) -> str:
    """A link that downloads the file's bytes (embedded, so it works in Voila without a file browser)."""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (
        f'<a download="{escape(path.name)}" href="data:{mime};base64,{data}" '
        f'style="margin-right:1em">Download {escape(path.name)}</a>'
    )


class SubmissionButton:
    """Save the student's answers (every notebook found) as one HTML page and one JSON file to hand in.

    ``.name`` (Text, filled from ``$JUPYTERHUB_USER`` on a hub), ``.button``, ``.status`` (HTML) and
    ``.widget``. ``.submit()`` does what a click does and returns the paths written (or None);
    it never raises: a problem is shown in ``.status``.
    """

    def __init__(self, notebook: str, out_dir: Path | str | None = None) -> None:
        self.notebook = notebook
        self.out_dir = out_dir
        self.name = widgets.Text(
            value=os.environ.get("JUPYTERHUB_USER", ""),
            description="Your name:",
            placeholder="e.g. Ana Garcia",
            layout=widgets.Layout(width="320px"),
        )
        self.button = widgets.Button(
            description="Save my submission",
            button_style="primary",
            icon="download",
            tooltip="Write your answers to a file you can hand in",
            layout=widgets.Layout(width="auto"),
        )
        self.status = widgets.HTML()
        self.button.on_click(lambda _: self.submit())
        if answering._WHO.per_user:  # a shared server: hand in only the answers of the student on this page
            self.name.value = answering._WHO.student or ""
            self.name.disabled = True
            answering.store_for(notebook).when_student_set(
                lambda: setattr(self.name, "value", answering._WHO.student or "")
            )
        intro = widgets.HTML(
            text_only(
                "<b>Hand in your work.</b> Type your name, then press the button: your answers "
                "from every notebook are written to a web page you can read and a JSON file for "
                "your teacher."
            )
        )
        self.widget = widgets.VBox(
            [intro, widgets.HBox([self.name, self.button]), self.status],
            layout=widgets.Layout(border=f"1px solid {BORDER_COLOUR}", padding="8px", margin="6px 0"),
        )
        self.widget.add_class("course-submission")

    def submit(self) -> tuple[Path, Path] | None:
        """Export now; show the file paths (or why it failed) in ``.status``."""
        try:
            from ..classroom import export_submission

            if answering._WHO.per_user:
                if answering._WHO.student is None:
                    raise AnswerStoreError(ASK_NAME)
                own = student_folder(answering._WHO.student)
                out_dir = Path(self.out_dir) if self.out_dir is not None else course_root() / "dist" / "submission"
                result = export_submission(
                    answering._WHO.student, answers_dir=default_answers_dir() / own, out_dir=out_dir / own
                )
            else:
                result = export_submission(self.name.value, out_dir=self.out_dir)
        except Exception as error:  # never raise in a widget callback
            self.status.value = message_html(f"Nothing was saved: {error}", "warning")
            return None
        note = (
            ""
            if self.notebook in result.notebooks
            else (f" This notebook ({self.notebook}) has no answers yet, so only the others are included.")
        )
        skipped = "".join(f" Not included: {path.name} ({reason})." for path, reason in result.skipped)
        self.status.value = text_only(
            message_html(
                f"Saved the answers of {result.student} from {len(result.notebooks)} notebook(s) "
                f"({', '.join(result.notebooks)}) to {result.html_path} (to read) and {result.json_path} "
                f"(for your teacher). Download both with the links below{_file_browser_tip()}, then hand them "
                f"in.{note}{skipped}",
                "ok",
            )
            + " ".join(
                _download_link(path, kind)
                for path, kind in ((result.html_path, "text/html"), (result.json_path, "application/json"))
            )
        )
        return result.html_path, result.json_path

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def _file_browser_tip() -> str:
    """JupyterLab has a file browser to download from; Voila (the code-free apps) has only the links."""
    from .session import in_voila

    return "" if in_voila() else " (or, in JupyterLab's file browser, right-click each file and choose Download)"
