"""Tests for helpers.notebook.answers (answers are saved atomically and never lost) and the bundles read from them."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.classroom.bundles import collect_submissions, make_bundle, read_answers_file
from helpers.notebook import answers as answers_module
from helpers.notebook.answers import (
    ANSWERS_DIR_ENV,
    AnswerLockedError,
    AnswerStore,
    AnswerStoreError,
    default_answers_dir,
    write_text_atomically,
)


def files_in(folder: Path) -> list[str]:
    """All file names under ``folder`` (including hidden ones, but not the ``.lock`` files), relative and sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.suffix != ".lock")


# -- basics ---------------------------------------------------------------------


def test_default_dir_uses_env(monkeypatch, tmp_path):
    monkeypatch.setenv(ANSWERS_DIR_ENV, str(tmp_path / "elsewhere"))
    assert default_answers_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv(ANSWERS_DIR_ENV)
    assert default_answers_dir() == Path(answers_module.__file__).resolve().parents[2] / "answers"


def test_missing_file_is_empty_and_not_created(tmp_path):
    store = AnswerStore("forecasts", tmp_path)
    assert store.all() == {}
    assert store.get("q1", "nothing") == "nothing"
    assert store.is_locked("q1") is False
    assert store.warning is None
    assert files_in(tmp_path) == []


def test_round_trip_across_new_instance(tmp_path):
    store = AnswerStore("forecasts", tmp_path)
    store.set("q1", 0.7)
    store.set("q2", "Because the poll was small.")
    store.set("q3", {"choice": ["a", "b"], "sure": True, "n": 3, "none": None})
    store.set("q1", 0.65)  # overwrite

    restarted = AnswerStore("forecasts", tmp_path)  # simulates a kernel restart
    assert restarted.get("q1") == 0.65
    assert restarted.get("q2") == "Because the poll was small."
    assert restarted.get("q3") == {"choice": ["a", "b"], "sure": True, "n": 3, "none": None}
    assert restarted.all() == {
        "q1": 0.65,
        "q2": "Because the poll was small.",
        "q3": {"choice": ["a", "b"], "sure": True, "n": 3, "none": None},
    }
    assert files_in(tmp_path) == ["forecasts.json"]


def test_tuple_is_stored_as_list(tmp_path):
    # ipywidgets SelectMultiple.value is a tuple
    store = AnswerStore("nb", tmp_path)
    store.set("q", ("a", "b"))
    assert AnswerStore("nb", tmp_path).get("q") == ["a", "b"]


def test_two_stores_do_not_overwrite_each_other(tmp_path):
    first = AnswerStore("nb", tmp_path)
    second = AnswerStore("nb", tmp_path)
    first.set("q1", 1)
    second.set("q2", 2)
    assert AnswerStore("nb", tmp_path).all() == {"q1": 1, "q2": 2}


def test_file_is_valid_json_of_our_format(tmp_path):
    store = AnswerStore("forecasts", tmp_path, student="ana")
    store.set("q1", 0.7)
    store.lock("q1")
    data = json.loads((tmp_path / "ana" / "forecasts.json").read_text(encoding="utf-8"))
    assert data["format"] == "news-course-answers"
    assert data["version"] == 1
    assert data["notebook"] == "forecasts"
    assert data["student"] == "ana"
    assert set(data) == {"format", "version", "notebook", "student", "updated", "answers", "locked"}
    assert data["answers"]["q1"]["value"] == 0.7
    saved = pd.Timestamp(data["answers"]["q1"]["saved"])
    assert saved.tzinfo is not None and saved.utcoffset() == pd.Timedelta(0)
    assert pd.Timestamp(data["updated"]) >= saved
    assert set(data["locked"]) == {"q1"}
    assert store.export() == data


def test_export_before_first_save(tmp_path):
    data = AnswerStore("nb", tmp_path).export()
    assert data["format"] == "news-course-answers"
    assert data["answers"] == {} and data["locked"] == {}
    assert data["updated"] is None


# -- locking ------------------------------------------------------------------------


def test_lock_then_set_raises_and_file_unchanged(tmp_path):
    store = AnswerStore("forecasts", tmp_path)
    store.set("election", 0.6)
    store.lock("election")
    before = (tmp_path / "forecasts.json").read_bytes()

    with pytest.raises(AnswerLockedError, match=r"Your answer to 'election' was locked at .*cannot be changed"):
        store.set("election", 0.99)

    assert (tmp_path / "forecasts.json").read_bytes() == before
    assert store.get("election") == 0.6
    assert isinstance(AnswerLockedError("x"), ValueError)


def test_lock_survives_reload_and_is_idempotent(tmp_path):
    store = AnswerStore("forecasts", tmp_path)
    store.set("q1", 0.3)
    store.lock("q1")
    first_lock_time = store.export()["locked"]["q1"]

    reloaded = AnswerStore("forecasts", tmp_path)
    assert reloaded.is_locked("q1")
    assert not reloaded.is_locked("q2")
    reloaded.lock("q1")
    assert reloaded.export()["locked"]["q1"] == first_lock_time
    with pytest.raises(AnswerLockedError):
        reloaded.set("q1", 0.9)
    reloaded.set("q2", 0.1)  # other questions still work
    assert reloaded.get("q2") == 0.1


def test_lock_without_answer(tmp_path):
    store = AnswerStore("nb", tmp_path)
    store.lock("q1")
    assert AnswerStore("nb", tmp_path).is_locked("q1")
    with pytest.raises(AnswerLockedError):
        store.set("q1", 0.5)


# -- atomic writes ---------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_interrupted_write_keeps_previous_file(tmp_path, monkeypatch, failing):
    store = AnswerStore("forecasts", tmp_path)
    store.set("q1", 0.4)
    before = (tmp_path / "forecasts.json").read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(answers_module.os, failing, boom)
    with pytest.raises(AnswerStoreError, match=r"Could not save answers to .*unchanged"):
        store.set("q1", 0.9)
    monkeypatch.undo()

    assert (tmp_path / "forecasts.json").read_bytes() == before
    assert files_in(tmp_path) == ["forecasts.json"]  # no temp file left behind
    assert AnswerStore("forecasts", tmp_path).get("q1") == 0.4


def test_interrupted_first_write_creates_nothing(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise OSError("simulated")

    monkeypatch.setattr(answers_module.os, "replace", boom)
    with pytest.raises(AnswerStoreError):
        AnswerStore("nb", tmp_path).set("q1", 1)
    assert files_in(tmp_path) == []


def test_interrupt_during_write_keeps_previous_file(tmp_path, monkeypatch):
    store = AnswerStore("nb", tmp_path)
    store.set("q1", "first")
    before = (tmp_path / "nb.json").read_bytes()

    class Interrupted(BaseException):
        pass

    def interrupt(*args, **kwargs):
        raise Interrupted()

    monkeypatch.setattr(answers_module.os, "fsync", interrupt)
    with pytest.raises(Interrupted):  # e.g. KeyboardInterrupt: re-raised as is
        store.set("q1", "second")
    monkeypatch.undo()
    assert (tmp_path / "nb.json").read_bytes() == before
    assert files_in(tmp_path) == ["nb.json"]


def test_successful_writes_leave_no_temp_files(tmp_path):
    store = AnswerStore("nb", tmp_path, student="bo")
    for i in range(5):
        store.set(f"q{i}", i)
    store.lock("q0")
    assert files_in(tmp_path) == ["bo/nb.json"]


# -- corrupt and foreign files --------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\xff{not json at all\x9c", "not valid JSON"),
        (b"", "not valid JSON"),
        (b'{"some": "other tool"}', "not a course answers file"),
        (b"[1, 2, 3]", "not a course answers file"),
        (
            json.dumps(
                {"format": "news-course-answers", "version": 1, "notebook": "other", "answers": {}, "locked": {}}
            ).encode(),
            "notebook 'other'",
        ),
        (
            json.dumps(
                {"format": "news-course-answers", "version": 1, "notebook": "forecasts", "answers": [1]}
            ).encode(),
            "damaged",
        ),
    ],
)
def test_corrupt_or_foreign_file_is_moved_aside(tmp_path, content, reason):
    target = tmp_path / "forecasts.json"
    target.write_bytes(content)

    store = AnswerStore("forecasts", tmp_path)  # must not raise

    assert store.all() == {}
    assert not target.exists()
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("forecasts.corrupt-")]
    assert len(aside) == 1
    assert aside[0].name.endswith(".json")
    assert aside[0].read_bytes() == content  # preserved byte for byte
    assert store.warning is not None
    assert str(aside[0]) in store.warning
    assert reason in store.warning

    store.set("q1", 0.5)  # next set writes a fresh file
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "news-course-answers"
    assert data["answers"]["q1"]["value"] == 0.5
    assert aside[0].read_bytes() == content


def test_moved_aside_names_never_collide(tmp_path, monkeypatch):
    target = tmp_path / "nb.json"
    # Freeze the clock so both moves want the same timestamped name.
    frozen = answers_module.datetime(2025, 1, 2, 3, 4, 5, tzinfo=answers_module.UTC)

    class FrozenDatetime(answers_module.datetime):
        @classmethod
        def now(cls, tz=None):
            return frozen

    monkeypatch.setattr(answers_module, "datetime", FrozenDatetime)
    target.write_bytes(b"garbage one")
    AnswerStore("nb", tmp_path)
    target.write_bytes(b"garbage two")
    AnswerStore("nb", tmp_path)

    assert (tmp_path / "nb.corrupt-20250102T030405Z.json").read_bytes() == b"garbage one"
    assert (tmp_path / "nb.corrupt-20250102T030405Z-2.json").read_bytes() == b"garbage two"


# -- values and names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "type_name"),
    [(object(), "object"), ({1, 2}, "set"), ([1, b"x"], "bytes"), ({1: "a"}, "int")],
)
def test_non_serialisable_value_raises(tmp_path, value, type_name):
    store = AnswerStore("nb", tmp_path)
    with pytest.raises(AnswerStoreError, match=rf"question 'q7'.*{type_name}"):
        store.set("q7", value)
    assert files_in(tmp_path) == []


def test_non_finite_number_raises(tmp_path):
    with pytest.raises(AnswerStoreError, match="finite"):
        AnswerStore("nb", tmp_path).set("q", float("nan"))


def test_bad_question_id_raises(tmp_path):
    with pytest.raises(AnswerStoreError, match="question id"):
        AnswerStore("nb", tmp_path).set("", 1)


def test_student_name_sanitised_for_the_folder_and_kept_in_the_file(tmp_path):
    store = AnswerStore("forecasts", tmp_path, student="Ana María / 3B")
    assert store.student == "Ana María / 3B"
    store.set("q1", 1)
    [path] = files_in(tmp_path)
    assert re.fullmatch(r"Ana_María_3B-[0-9a-f]{8}/forecasts\.json", path), path
    assert json.loads((tmp_path / path).read_text(encoding="utf-8"))["student"] == "Ana María / 3B"


@pytest.mark.parametrize(
    ("name", "file_name"),
    [
        ("李明", "李明"),
        ("Zoë Łukasz-Müller", "Zoë_Łukasz-Müller"),
        ("Ana García", "Ana_García"),
        ("a/b\\c\x00d\ne", "a_b_c_d_e"),
        ("ｆｕｌｌ ｗｉｄｔｈ", "full_width"),
        ("../../x", "x"),
        ("अनुष्का", "अनुष्का"),
    ],
)
def test_safe_name_keeps_letters_of_every_script(name, file_name):
    assert answers_module.safe_name(name) == file_name


def test_safe_name_fits_a_file_name():
    assert len(answers_module.safe_name("李" * 200).encode("utf-8")) <= 120


def test_path_traversal_is_neutralised(tmp_path):
    store = AnswerStore("../secret", tmp_path / "answers", student="../bob")
    assert store.path.parent.parent == tmp_path / "answers" and store.path.name == "secret.json"
    assert store.path.parent.name.startswith("bob-")
    store = AnswerStore("../../etc/passwd", tmp_path / "answers")
    assert store.path == tmp_path / "answers" / "etc_passwd.json"


@pytest.mark.parametrize("name", ["", "   ", "???", "..", "/"])
def test_empty_names_rejected(tmp_path, name):
    with pytest.raises(AnswerStoreError, match="empty"):
        AnswerStore("nb", tmp_path, student=name)
    with pytest.raises(AnswerStoreError, match="empty"):
        AnswerStore(name, tmp_path)


# -- collecting submissions ----------------------------------------------------------------------


def test_collect_submissions_two_students(tmp_path):
    ana = AnswerStore("forecasts", tmp_path, student="ana")
    ana.set("q2", "no")
    ana.set("q1", 0.7)
    ana.lock("q1")
    bo = AnswerStore("forecasts", tmp_path, student="bo")
    bo.set("q1", 0.2)
    AnswerStore("reading", tmp_path, student="bo").set("r1", ["a", "b"])
    (tmp_path / "bo" / "broken.json").write_bytes(b"{oops")
    (tmp_path / "bo" / ".hidden.json").write_bytes(b"ignored")

    table = collect_submissions(tmp_path)

    assert list(table.columns) == ["student", "notebook", "question_id", "value", "saved", "locked", "file"]
    rows = table[["student", "notebook", "question_id", "value", "locked"]].to_dict("records")
    assert rows == [
        {"student": "ana", "notebook": "forecasts", "question_id": "q1", "value": 0.7, "locked": True},
        {"student": "ana", "notebook": "forecasts", "question_id": "q2", "value": "no", "locked": False},
        {"student": "bo", "notebook": "forecasts", "question_id": "q1", "value": 0.2, "locked": False},
        {"student": "bo", "notebook": "reading", "question_id": "r1", "value": ["a", "b"], "locked": False},
    ]
    assert table["saved"].notna().all()
    assert str(table["saved"].dt.tz) == "UTC"
    skipped = table.attrs["skipped"]
    assert len(skipped) == 1
    assert skipped[0][0] == tmp_path / "bo" / "broken.json"
    assert "not valid JSON" in skipped[0][1]


def test_collect_submissions_student_from_folder_name(tmp_path):
    AnswerStore("nb", tmp_path / "carla").set("q1", True)  # saved without a student name
    table = collect_submissions(tmp_path)
    assert table["student"].tolist() == ["carla"]
    assert table["value"].tolist() == [True]


def test_collect_submissions_empty_and_missing(tmp_path):
    table = collect_submissions(tmp_path)
    assert table.empty
    assert list(table.columns) == ["student", "notebook", "question_id", "value", "saved", "locked", "file"]
    assert table.attrs["skipped"] == []
    with pytest.raises(AnswerStoreError, match="does not exist"):
        collect_submissions(tmp_path / "nope")


def test_errors_are_value_errors():
    assert issubclass(AnswerStoreError, ValueError)
    assert issubclass(AnswerLockedError, AnswerStoreError)
    assert os.path.basename(answers_module.__file__) == "answers.py"


# -- question prompts (the optional "questions" section) --------------------------------------------


def test_prompt_is_saved_with_the_answer_only(tmp_path):
    store = AnswerStore("nb", tmp_path)
    store.describe("q1", "Will it happen?")
    assert files_in(tmp_path) == []  # no answer yet: nothing written
    assert store.questions() == {"q1": "Will it happen?"}
    store.set("q1", 0.4)
    store.set("q2", "no prompt known")
    data = json.loads((tmp_path / "nb.json").read_text(encoding="utf-8"))
    assert data["questions"] == {"q1": "Will it happen?"}
    assert AnswerStore("nb", tmp_path).questions() == {"q1": "Will it happen?"}


def test_prompt_added_to_an_earlier_answer_without_changing_it(tmp_path):
    old = AnswerStore("nb", tmp_path)
    old.set("q1", 0.4)
    old.lock("q1")
    before = json.loads((tmp_path / "nb.json").read_text(encoding="utf-8"))
    assert "questions" not in before  # files of the previous version look exactly like this

    later = AnswerStore("nb", tmp_path)
    later.describe("q1", "Will it happen?")
    after = json.loads((tmp_path / "nb.json").read_text(encoding="utf-8"))
    assert after["questions"] == {"q1": "Will it happen?"}
    assert {k: after[k] for k in before} == before  # answers, lock and times unchanged
    later.describe("q1", "Will it happen?")  # same text: no write
    assert (tmp_path / "nb.json").read_text(encoding="utf-8") == json.dumps(after, ensure_ascii=False, indent=2) + "\n"


def test_damaged_questions_section_is_moved_aside(tmp_path):
    bad = {
        "format": "news-course-answers",
        "version": 1,
        "notebook": "nb",
        "answers": {},
        "locked": {},
        "questions": {"q1": ["not", "text"]},
    }
    (tmp_path / "nb.json").write_text(json.dumps(bad), encoding="utf-8")
    store = AnswerStore("nb", tmp_path)
    assert "'questions' section is damaged" in store.warning
    assert len(list(tmp_path.glob("nb.corrupt-*.json"))) == 1


def test_bad_prompt_raises(tmp_path):
    with pytest.raises(AnswerStoreError, match="prompt"):
        AnswerStore("nb", tmp_path).describe("q1", 3)


# -- submission bundles ------------------------------------------------------------------------------


def test_bundle_is_read_like_answers_files(tmp_path):
    store = AnswerStore("forecasts", tmp_path / "answers")
    store.describe("q1", "Will it happen?")
    store.set("q1", 0.7)
    store.lock("q1")
    AnswerStore("reading", tmp_path / "answers").set("r1", "yes")
    files = [AnswerStore(name, tmp_path / "answers").export() for name in ("forecasts", "reading")]
    bundle = make_bundle(files, "Ana María", created="2025-01-02T09:00:00+00:00")
    assert bundle["format"] == "news-course-submission" and bundle["student"] == "Ana María"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ana_submission.json").write_text(json.dumps(bundle), encoding="utf-8")

    table = collect_submissions(tmp_path / "in")
    assert table[["student", "notebook", "question_id", "value", "locked"]].to_dict("records") == [
        {"student": "Ana María", "notebook": "forecasts", "question_id": "q1", "value": 0.7, "locked": True},
        {"student": "Ana María", "notebook": "reading", "question_id": "r1", "value": "yes", "locked": False},
    ]
    assert table.attrs["questions"] == {"forecasts": {"q1": "Will it happen?"}, "reading": {}}
    assert read_answers_file(tmp_path / "in" / "ana_submission.json")[0]["student"] == "Ana María"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"version": 9}, "submission version 9"),
        ({"notebooks": []}, "'notebooks' section is empty"),
        ({"notebooks": [{"format": "news-course-answers", "version": 1, "answers": [1]}]}, "notebook #1"),
    ],
)
def test_damaged_bundle_is_skipped_with_a_reason(tmp_path, change, reason):
    bundle = {
        "format": "news-course-submission",
        "version": 1,
        "student": "ana",
        "created": None,
        "notebooks": [AnswerStore("nb", tmp_path / "x").export()],
        **change,
    }
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.json").write_text(json.dumps(bundle), encoding="utf-8")
    table = collect_submissions(tmp_path / "in")
    assert table.empty
    assert reason in table.attrs["skipped"][0][1]


def test_make_bundle_refuses_foreign_data():
    with pytest.raises(AnswerStoreError, match="Cannot bundle"):
        make_bundle([{"some": "thing"}], "ana")
    with pytest.raises(AnswerStoreError, match="empty"):
        make_bundle([], " \u202e\t")


def test_interrupted_text_write_keeps_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "page.html"
    write_text_atomically(target, "first")

    def boom(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(answers_module.os, "replace", boom)
    with pytest.raises(AnswerStoreError, match="unchanged"):
        write_text_atomically(target, "second")
    monkeypatch.undo()
    assert target.read_text() == "first"
    assert files_in(tmp_path) == ["page.html"]


# -- two kernels, one file; files the teacher can read -------------------------------------------------

WRITER = """
import sys
from helpers.notebook.answers import AnswerStore
store = AnswerStore("nb", sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()  # both start together
for k in range(100):
    store.set(f"{sys.argv[2]}{k}", k)
"""


def test_two_processes_saving_the_same_notebook_lose_nothing(tmp_path):
    root = Path(answers_module.__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), prefix],
            env=env,
            cwd=root,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for prefix in ("a", "b")
    ]
    assert [writer.stdout.readline().strip() for writer in writers] == ["ready", "ready"]
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        assert writer.wait(timeout=300) == 0, writer.stderr.read()
    saved = AnswerStore("nb", tmp_path).all()
    assert len(saved) == 200 and saved["a99"] == saved["b99"] == 99
    assert (tmp_path / ".nb.json.lock").exists() and files_in(tmp_path) == ["nb.json"]


def test_saved_files_are_readable_by_the_group(tmp_path):
    AnswerStore("nb", tmp_path).set("q1", 1)
    write_text_atomically(tmp_path / "page.html", "text")
    for name in ("nb.json", "page.html"):
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode & 0o640 == 0o640 and not mode & 0o002, oct(mode)
