"""The command line, run the way a teacher would run it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from .conftest import ROOT, SEED


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_show_quotes_as_json():
    result = run("show", str(SEED), "--table", "quotes", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["text"], r["speaker_id"], r["sentence_id"]) for r in rows] == [
        ("appropriate and tangible", "russia_foreign_ministry", "4.1"),
        ("adding oil to the fire", "vladimir_putin_spokesman", "4.3"),
        ("speak for themselves", "volodymyr_zelensky", "5.1"),
    ]


def test_show_quantities_as_csv():
    result = run("show", str(SEED), "--table", "quantities", "--format", "csv")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "text,value,unit,qualifier,sentence_id,start,end"
    assert '"over 10,000 North Korean troops",10000.0,troops,over,3.1' in result.stdout
    assert len(lines) == 7


def test_show_text_table_and_dates_as_iso():
    result = run("show", str(SEED), "--table", "time_expressions", "--format", "json")
    rows = json.loads(result.stdout)
    dates = {r["text"]: r["start_date"] for r in rows}
    assert dates["January 20th"].startswith("2025-01-20")
    assert dates["recent"] is None
    assert "¶" not in run("show", str(SEED)).stderr


def test_check_passes_on_the_course_seeds():
    result = run("check", "seeds")
    assert result.returncode == 0, result.stderr
    shipped = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(shipped) > 1  # the course article and the real texts shipped beside it
    assert f"{len(shipped)} article(s) checked, 0 problem(s)" in result.stdout
    assert all(f"ok  seeds/{path.name}:" in result.stdout for path in shipped)
    assert "curated data is valid" in result.stdout


def test_show_a_transcript_names_each_turns_speaker():
    transcript = next((ROOT / "seeds").glob("*finer_press_gaggle*.txt"))
    result = run("show", str(transcript), "--table", "statements", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    by_label = {row["speaker"] for row in rows if row["basis"] == "speaker label"}
    assert by_label == {"Jon Finer", "reporter"}


def test_check_fails_clearly_on_a_bad_seed(tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "latin.txt").write_bytes("d\u00e9j\u00e0 vu".encode("latin-1"))
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert "empty.txt: the article is empty" in result.stderr
    assert "latin.txt: the file is not UTF-8 text" in result.stderr
    assert "Traceback" not in result.stderr
    assert "3 article(s) checked, 2 problem(s)" in result.stdout


def test_check_reports_broken_curated_data(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    events = tmp_path / "seeds" / "curated" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("2022-02-24", "2022-02-30", 1), encoding="utf-8")
    result = run("check", str(tmp_path / "seeds"))
    assert result.returncode == 1
    assert "events.csv" in result.stderr and "Traceback" not in result.stderr


def test_errors_are_messages_not_tracebacks(tmp_path):
    result = run("show", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert run("check", str(tmp_path / "nofolder")).returncode == 2
    bad = run("show", str(SEED), "--table", "nope")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
