"""Each student's answers are their own on a shared server (Voila).

Voila gives every visitor a kernel on one server, with one answers folder. ``helpers.start`` detects
Voila (the ``VOILA_*`` variables Voila puts in its kernels' environment) and keeps answers per
student: under ``$JUPYTERHUB_USER`` where a hub logged the student in, otherwise under the name the
student types in the :class:`~helpers.notebook.exercises.NamePrompt` before the first answer.

A "student" here is a fresh kernel: the module state of :mod:`helpers.notebook.exercises` is reset
(:func:`kernel`), the answers folder is shared, and the widgets are driven from Python the way a
student uses them (type a name, press Start, move a slider, lock, hand in).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import helpers
from helpers.lessons import escalation
from helpers.notebook import answering, exercises, session
from helpers.notebook.answers import AnswerStore, AnswerStoreError, student_folder

from ..conftest import ROOT

NOTEBOOK = "04_escalation"


@pytest.fixture
def shared(monkeypatch, tmp_path):
    """One Voila server: a shared answers folder, Voila's variables in the environment, no hub."""
    folder = tmp_path / "answers"
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(folder))
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    monkeypatch.setenv("VOILA_SERVER_URL", "/")
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setattr(answering, "_STORES", {})
    monkeypatch.setattr(answering, "_WHO", answering.Answering())
    return folder


class Student:
    """One visitor of the app: a fresh kernel that runs notebooks/app/forecast.ipynb's cells."""

    def __init__(self, monkeypatch) -> None:
        import IPython.display

        monkeypatch.setattr(answering, "_STORES", {})
        monkeypatch.setattr(answering, "_WHO", answering.Answering())
        self.shown: list = []
        monkeypatch.setattr(IPython.display, "display", lambda *objects, **_: self.shown.extend(objects))
        self.session = helpers.start(notebook=NOTEBOOK)
        self.forecast = escalation.forecast_exercise(self.session)
        self.submission = exercises.SubmissionButton(self.session.notebook)

    @property
    def prompt(self) -> exercises.NamePrompt | None:
        return next((o for o in self.shown if isinstance(o, exercises.NamePrompt)), None)

    def start_as(self, name: str) -> str | None:
        assert self.prompt is not None, "the app did not ask for a name"
        self.prompt.name.value = name
        self.prompt.button.click()
        return self.session.student

    def forecast_all(self, value: float) -> None:
        for slider in self.forecast.sliders.values():
            slider.value = value


def kernel(monkeypatch) -> Student:
    return Student(monkeypatch)


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_voila_is_recognised_by_its_kernel_variables(monkeypatch):
    for name in session.VOILA_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert not session.in_voila()
    monkeypatch.setenv("VOILA_KERNEL_ID", "abc")
    assert session.in_voila()


def test_the_variables_are_those_voila_sets():
    """The names come from the installed Voila (handler.py and the preheating kernel manager)."""
    from voila.utils import ENV_VARIABLE

    known = {value for name, value in vars(ENV_VARIABLE).items() if name.startswith("VOILA_")}
    assert set(session.VOILA_VARIABLES) <= known


def test_two_students_of_one_app_keep_their_own_answers(shared, monkeypatch):
    ana = kernel(monkeypatch)
    assert ana.session.per_user and ana.session.student is None
    assert all(s.disabled for s in ana.forecast.sliders.values()), "answers before a name must be impossible"
    assert ana.start_as("Ana García") == "Ana García"
    assert not any(s.disabled for s in ana.forecast.sliders.values())
    ana.forecast_all(0.9)
    assert ana.forecast.lock() is True

    li = kernel(monkeypatch)  # a second visitor, same app, same server, same answers folder
    assert li.start_as("李明") == "李明"
    sliders = li.forecast.sliders.values()
    assert all(s.value == 0.5 and not s.disabled for s in sliders), "李明 sees Ana's forecasts"
    assert not li.forecast.is_locked
    li.forecast_all(0.2)
    assert li.forecast.lock() is True

    ana_file = shared / student_folder("Ana García") / f"{NOTEBOOK}.json"
    li_file = shared / "李明" / f"{NOTEBOOK}.json"
    assert sorted(p.relative_to(shared).as_posix() for p in shared.rglob("*.json")) == sorted(
        [ana_file.relative_to(shared).as_posix(), li_file.relative_to(shared).as_posix()]
    )
    assert read(ana_file)["student"] == "Ana García" and read(li_file)["student"] == "李明"

    def forecasts(path):  # the saved forecasts (their reasons, saved with them, are empty here)
        return {e["value"] for qid, e in read(path)["answers"].items() if not qid.endswith(".reason")}

    assert forecasts(ana_file) == {0.9}
    assert forecasts(li_file) == {0.2}
    # each kernel still reads only its own file
    assert set(ana.forecast.forecasts().values()) == {0.9}
    assert set(li.forecast.forecasts().values()) == {0.2}


def test_nothing_is_saved_before_the_name(shared, monkeypatch):
    student = kernel(monkeypatch)
    assert student.forecast.lock() is False
    assert "Type your name" in student.forecast.status.value
    store = exercises.store_for(NOTEBOOK)
    with pytest.raises(AnswerStoreError, match="Type your name"):
        store.set("q", 1)
    assert student.submission.submit() is None
    assert "Type your name" in student.submission.status.value
    assert not shared.exists() or list(shared.rglob("*.json")) == []


def test_a_returning_student_gets_their_own_answers_back(shared, monkeypatch):
    first = kernel(monkeypatch)
    first.start_as("Мария")
    first.forecast_all(0.7)
    first.forecast.lock()
    kernel(monkeypatch).start_as("Ελένη")  # someone else in between

    again = kernel(monkeypatch)
    again.start_as("Мария")
    assert {s.value for s in again.forecast.sliders.values()} == {0.7}
    assert all(s.disabled for s in again.forecast.sliders.values()), "locked forecasts must stay locked"
    assert again.forecast.reveal() is not None


def test_the_hub_user_keys_the_answers_without_asking(shared, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "ana-hub")
    student = kernel(monkeypatch)
    assert student.prompt is None
    assert student.session.student == "ana-hub"
    student.forecast_all(0.3)
    assert read(shared / "ana-hub" / f"{NOTEBOOK}.json")["student"] == "ana-hub"
    assert student.submission.name.value == "ana-hub" and student.submission.name.disabled


def test_a_submission_holds_only_the_students_own_answers(shared, monkeypatch, tmp_path):
    ana = kernel(monkeypatch)
    ana.start_as("Ana")
    ana.forecast_all(0.9)
    ben = kernel(monkeypatch)
    ben.start_as("Ben")
    ben.forecast_all(0.1)
    ben.submission.out_dir = tmp_path / "out"
    assert ben.submission.name.value == "Ben" and ben.submission.name.disabled
    ben.submission.name.value = "Ana"  # a disabled box cannot be typed in; even if it were, nothing changes
    paths = ben.submission.submit()
    assert paths is not None
    bundle = json.loads(paths[1].read_text(encoding="utf-8"))
    assert bundle["student"] == "Ben"
    values = {e["value"] for nb in bundle["notebooks"] for e in nb["answers"].values()}
    assert values == {0.1}
    assert paths[1].parent == tmp_path / "out" / student_folder("Ben")


def test_unusable_and_second_names_are_refused_with_a_message(shared, monkeypatch):
    student = kernel(monkeypatch)
    assert student.start_as("???") is None
    assert "empty" in student.prompt.status.value and "Traceback" not in student.prompt.status.value
    assert student.start_as("Zoë") == "Zoë"
    assert student.prompt.name.disabled and student.prompt.button.disabled
    with pytest.raises(AnswerStoreError, match="reload the page"):
        exercises.set_student("Zoé")
    assert exercises.set_student("ZOË") == "Zoë"  # the same student (case aside): nothing changes


@pytest.mark.parametrize(
    "names",
    [
        ("Ana García", "Ana_García", "Ana.García", "ana garcía"),
        ("O'Brien", "O Brien", "O_Brien"),
        ("Zoë", "Zoé", "Zoe"),
        ("李明", "李 明", "Мария", "Ελένη"),
        ("李" * 45 + "a", "李" * 45 + "b"),  # both cut to the same 120 bytes
    ],
)
def test_names_that_look_alike_as_file_names_get_their_own_files(tmp_path, names):
    stores = [AnswerStore(NOTEBOOK, tmp_path, student=name) for name in names]
    for number, store in enumerate(stores):
        store.set("q", number)
    folders = [store.path.parent for store in stores]
    assert len(set(folders)) == len(names), folders
    for number, (name, store) in enumerate(zip(names, stores)):
        assert read(store.path)["student"] == name
        assert AnswerStore(NOTEBOOK, tmp_path, student=name).get("q") == number


def test_unicode_names_keep_their_letters_in_the_folder_name():
    assert student_folder("李明") == "李明"
    assert student_folder("Мария") == "Мария"
    assert student_folder("Ana García").startswith("Ana_García-")


def test_a_file_naming_another_student_is_neither_read_nor_overwritten(tmp_path):
    """E.g. two names that share a folder on a case-insensitive disk, or a file copied by hand."""
    ana = AnswerStore(NOTEBOOK, tmp_path, student="ana")
    ana.set("q", "ana's answer")
    data = read(ana.path)
    data["student"] = "eve"
    edited = json.dumps(data)
    ana.path.write_text(edited, encoding="utf-8")
    store = AnswerStore(NOTEBOOK, tmp_path, student="ana")
    assert store.get("q") is None
    assert "belongs to 'eve'" in (store.warning or "")
    with pytest.raises(AnswerStoreError, match="belongs to 'eve'"):
        store.set("q", "mine")
    assert store.path.read_text(encoding="utf-8") == edited  # left exactly as it was


def test_single_user_jupyterlab_is_unchanged(monkeypatch, tmp_path):
    for name in session.VOILA_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path))
    monkeypatch.setattr(answering, "_STORES", {})
    monkeypatch.setattr(answering, "_WHO", answering.Answering())
    run = helpers.start(notebook=NOTEBOOK)
    assert not run.per_user and run.student is None
    exercises.store_for(NOTEBOOK).set("q", 1)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == [f"{NOTEBOOK}.json"]


@pytest.mark.timeout(180)
def test_the_app_notebook_asks_for_a_name_in_a_voila_kernel(tmp_path):
    """notebooks/app/forecast.ipynb run in a real kernel with Voila's variables: it shows the name
    prompt, and two runs (two visitors) that give two names write two separate files."""
    import nbformat
    from nbclient import NotebookClient

    answers = tmp_path / "answers"
    env = {"COURSE_ANSWERS_DIR": str(answers), "VOILA_BASE_URL": "/", "VOILA_APP_PORT": "8866", "MPLBACKEND": "Agg"}
    old = {k: os.environ.get(k) for k in [*env, "JUPYTERHUB_USER"]}
    os.environ.update(env)
    os.environ.pop("JUPYTERHUB_USER", None)
    try:
        for name, value in (("Ana", 0.8), ("Ben", 0.3)):
            nb = nbformat.read(ROOT / "notebooks" / "app" / "forecast.ipynb", as_version=4)
            nb.cells.append(
                nbformat.v4.new_code_cell(
                    "from helpers.notebook import exercises\n"
                    f"exercises.set_student({name!r})\n"
                    "store = exercises.store_for(session.notebook)\n"
                    f"store.set('Q1', {value})\n"
                    "print(sorted(store.all().items()))"
                )
            )
            NotebookClient(
                nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
            ).execute()
            texts = json.dumps([o for c in nb.cells for o in c.get("outputs", [])])
            assert "error" not in [o.get("output_type") for c in nb.cells for o in c.get("outputs", [])], texts[:2000]
            assert "Who is answering" in texts, texts[:2000]
            assert f"[('Q1', {value})]" in texts
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert read(answers / "Ana" / f"{NOTEBOOK}.json")["answers"]["Q1"]["value"] == 0.8
    assert read(answers / "Ben" / f"{NOTEBOOK}.json")["answers"]["Q1"]["value"] == 0.3
