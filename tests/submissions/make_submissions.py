"""Write the synthetic class used by tests/test_classroom.py and notebooks/instructor/class_summary.ipynb.

Six students, one folder each, with answers files in the AnswerStore format (helpers.notebook.answers), plus one
deliberately broken file (``fatima/03_actor_positions.json``, cut off mid-way). Deterministic: fixed
values and timestamps. Run ``python tests/submissions/make_submissions.py [FOLDER]`` (default: this folder).

Notebook names and question ids are the ones the course modules use: ``00_start_here`` and ``01_context``
(helpers.lessons.context), ``02_timeline`` (helpers.lessons.timeline), ``03_actor_positions`` with ``stance.<sentence>.<verb>``
(helpers.lessons.positions.StanceCoder), ``04_escalation`` with forecasts ``q1``…``q6`` (helpers.lessons.escalation).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

S, O, N = "supports the decision", "opposes the decision", "not about the decision"
# The 12 statements of the course article, in article order, and the reference coding (reference_coding.csv).
STANCE_IDS = [
    "stance.3.2.suggest",
    "stance.4.1.condemned",
    "stance.4.1.warning",
    "stance.4.2.views",
    "stance.4.3.accused",
    "stance.5.1.suggested",
    "stance.5.1.stating",
    "stance.6.1.sees",
    "stance.6.2.emphasized",
    "stance.8.2.promised",
    "stance.8.2.claimed",
    "stance.9.1.indicated",
]
REFERENCE = [N, O, O, O, O, N, S, S, S, N, N, N]
SWAP = {S: O, O: S, N: N}

FORECASTS = {  # q1..q6; the outcomes are yes, yes, yes, yes, no, no
    "ana": [0.9, 0.8, 0.6, 0.7, 0.2, 0.3],
    "ben": [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    "carla": [0.2, 0.3, 0.1, 0.4, 0.8, 0.6],
    "dev": [1.0, 0.9, 0.5, 0.8, 0.0, 0.1],
    "emil": [0.7, 0.6, 0.4, "70%"],  # q4 is not a probability (typed as text); no lock
}
STANCE_CODES = {
    "ana": list(REFERENCE),
    "ben": [S if i in (5, 9) else code for i, code in enumerate(REFERENCE)],  # 5.1.suggested, 8.2.promised
    "carla": [O] * 12,
    "dev": [N, N, O, O, O, N, "(choose)"],  # codes the first 6 (differs on 4.1.condemned), then resets one
    "emil": [SWAP[code] for code in REFERENCE],
}
START = {"first_quote": "¶4.1", "expectations": "I want to check who is quoted and whether numbers match."}
CONTEXT = {
    "troop_highest": "South Korea's NIS: 100,000",
    "why_disagree": "They count different things.",
    "day_1000": "2024-11-19",
}
TIMELINE = {
    "order.1": "Full-scale invasion",
    "order.2": "Kursk incursion",
    "order.3": "Article",
    "undatable": "lately",
    "reflection": "A vague word only places something before the article.",
}


def answers_file(notebook: str, student: str | None, answers: dict, day: int, locked: bool = False) -> dict:
    """One AnswerStore file; answer k is saved at 10:<k> on 2025-03-<day>, the lock a minute after."""
    times = {qid: f"2025-03-{day:02d}T10:{k:02d}:00+00:00" for k, qid in enumerate(answers)}
    last = max(times.values()) if times else None
    lock_time = f"2025-03-{day:02d}T11:00:00+00:00"
    return {
        "format": "news-course-answers",
        "version": 1,
        "notebook": notebook,
        "student": student,
        "updated": lock_time if locked else last,
        "answers": {qid: {"value": value, "saved": times[qid]} for qid, value in answers.items()},
        "locked": {qid: lock_time for qid in answers} if locked else {},
    }


def class_files() -> dict[str, dict | bytes]:
    """Relative path -> file content (a dict for JSON, bytes for the broken file)."""
    files: dict[str, dict | bytes] = {}

    def add(student: str, notebook: str, answers: dict, day: int, locked: bool = False, named: bool = True):
        files[f"{student}/{notebook}.json"] = answers_file(notebook, student if named else None, answers, day, locked)

    for student in ("ana", "ben", "carla", "emil"):
        add(student, "00_start_here", START, 3, named=student != "carla")  # carla's files carry no name
    add("dev", "00_start_here", {**START, "expectations": ""}, 3)  # saved, but empty: not an answer
    add("fatima", "00_start_here", {**START, "expectations": "<img src=x onerror=alert(1)> check the numbers"}, 3)
    for student in ("ana", "ben", "dev", "fatima"):
        add(student, "01_context", CONTEXT, 4)
    add("carla", "01_context", {k: v for k, v in CONTEXT.items() if k != "day_1000"}, 4, named=False)
    for student in ("ana", "ben", "fatima"):
        add(student, "02_timeline", TIMELINE, 5)
    add("dev", "02_timeline", {k: TIMELINE[k] for k in ("order.1", "order.2", "order.3")}, 5)
    for student, codes in STANCE_CODES.items():
        answers = dict(zip(STANCE_IDS, codes))
        if student in ("ana", "ben"):
            answers["actors.most_sentences"] = "Russia"
        add(student, "03_actor_positions", answers, 6, named=student != "carla")
    for student, values in FORECASTS.items():
        answers = {f"q{k}": value for k, value in enumerate(values, 1)}
        add(student, "04_escalation", answers, 7, locked=student != "emil", named=student != "carla")
        if student in ("ana", "carla"):
            files[f"{student}/04_escalation.json"]["answers"]["deterrence"] = {
                "value": "signalling",
                "saved": "2025-03-07T11:30:00+00:00",
            }
    broken = json.dumps(answers_file("03_actor_positions", "fatima", {STANCE_IDS[0]: N}, 6), indent=2)
    files["fatima/03_actor_positions.json"] = broken[: len(broken) // 2].encode("utf-8")
    return files


def write(folder: Path) -> list[Path]:
    """Write every file under ``folder`` and return their paths."""
    written = []
    for relative, content in class_files().items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    print(f"wrote {len(write(target))} files to {target}")
