"""``make class-test``: a whole class on one local JupyterHub, driven through notebook 04.

Starts JupyterHub (loopback only, random free ports, every file in a temporary folder; see
``jupyterhub_config.py``) with configurable-http-proxy from ``tests/classroom_load/node_modules``, then
drives N simulated students at once, the way a browser would, through the hub's REST API, the proxy and
each student's Jupyter server (contents, sessions and the kernel websocket, widget messages included):

1. the hub starts the student's server (all N asked for at once, as at the start of a lesson);
2. *open*: read the notebook through the contents API, start a kernel session, wait for the kernel;
3. *Run All*: send every code cell at once (as JupyterLab does) and wait until the last one is done;
4. *answer*: move each forecast slider (a widget ``update`` message, as the browser sends it) to a
   value no other student uses, then read the answers file back through the contents API: the time
   from sending to reading the saved value is the *widget round trip*;
5. *lock*, *reveal*, *hand in*: press the three buttons (widget ``click`` messages);
6. memory: RSS, PSS and USS of each student's single-user server and kernel, with every student on;
7. isolation: read every student's answers and submission files from disk; each must hold all of that
   student's values and no other student's (``--plant-leak`` makes student 1 write student 2's value
   for one question, and the check must then fail).

Every process is stopped at the end, on failure too: the hub, the proxy, the servers and the kernels
all carry this run's id in their environment and are found by it.

Usage::

    python tests/classroom_load/class_test.py [--students 30] [--timeout 600] [--arrive-over SECONDS]
                                              [--plant-leak] [--layout home|shared-install]
                                              [--keep] [--json FILE]

Figures and what they mean for a class server: docs/performance.md, "A class on one server".

Exit status 0 when every student finished and the isolation check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONFIG = HERE / "jupyterhub_config.py"
CHP = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
#: Paths in each student's Jupyter server (its root is ~/course, or ~ with --layout shared-install).
PATHS = {
    "home": {"notebook": "notebooks/04_escalation.ipynb", "answers": "answers/04_escalation.json"},
    "shared-install": {"notebook": "course/notebooks/04_escalation.ipynb", "answers": "answers/04_escalation.json"},
}
SAVED = re.compile(r"to (/\S+_submission\.html) \(to read\)")
DEFAULT_JSON = ROOT / "test-artifacts" / "class-test" / "results.json"

#: Every value a student gives looks like this (0.<question><student, 3 digits>9): unique per student
#: and question, and never produced by the course itself (scores are shown with 2 or 3 decimals).
VALUE = re.compile(r"(?<![\d.])0\.\d{5}(?![\d])")


def student_value(student: int, question: int) -> float:
    """The forecast student ``student`` (1-based) gives question ``question`` (0-based)."""
    return float(f"0.{question + 1}{student:03d}9")


def student_name(student: int) -> str:
    return f"student{student:02d}"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` 0.95 for p95); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float | int]:
    return {
        "n": len(values),
        "p50": statistics.median(values) if values else math.nan,
        "p95": percentile(values, 0.95),
        "max": max(values) if values else math.nan,
    }


# -- one student's kernel, over the websocket -------------------------------------------------------


class Kernel:
    """A kernel websocket as JupyterLab uses it: execute requests, widget models and widget messages."""

    def __init__(self, ws: WebSocketClientConnection, username: str) -> None:
        self.ws = ws
        self.username = username
        self.session = uuid.uuid4().hex
        self.idle: dict[str, asyncio.Future[None]] = {}
        self.replies: dict[str, dict] = {}
        self.errors: list[str] = []
        self.models: dict[str, dict] = {}  # widget comm id -> state, kept up to date like a browser's
        self.reader = asyncio.ensure_future(self._read())

    def _message(self, msg_type: str, content: dict) -> dict:
        return {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "username": self.username,
                "session": self.session,
                "date": datetime.now(UTC).isoformat(),
                "msg_type": msg_type,
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }

    async def send(self, msg_type: str, content: dict) -> asyncio.Future[None]:
        """Send on the shell channel; the future is done when the kernel is idle after this message."""
        message = self._message(msg_type, content)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.idle[message["header"]["msg_id"]] = done
        await self.ws.write_message(json.dumps(message))
        return done

    async def _read(self) -> None:
        try:
            while True:
                raw = await self.ws.read_message()
                if raw is None:
                    break
                if isinstance(raw, bytes):
                    continue
                self._handle(json.loads(raw))
        finally:
            for future in self.idle.values():
                if not future.done():
                    future.set_exception(ConnectionError("the kernel websocket closed"))
                    future.exception()  # whoever awaits it gets the error; nobody else is warned

    def _handle(self, msg: dict) -> None:
        msg_type = msg["header"]["msg_type"]
        parent = msg.get("parent_header", {}).get("msg_id")
        content = msg.get("content", {})
        if msg_type == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content.get("data", {}).get("state", {}))
        elif msg_type == "comm_msg" and msg.get("channel") == "iopub":
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update") and content.get("comm_id") in self.models:
                self.models[content["comm_id"]].update(data.get("state", {}))
        elif msg_type == "error":
            self.errors.append(f"{content.get('ename')}: {content.get('evalue')}")
        elif msg_type in ("execute_reply", "kernel_info_reply"):
            self.replies[parent] = content
        elif msg_type == "status" and content.get("execution_state") == "idle":
            future = self.idle.pop(parent, None)
            if future is not None and not future.done():
                future.set_result(None)

    async def run(self, code: str) -> asyncio.Future[None]:
        return await self.send(
            "execute_request",
            {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
        )

    def find(self, model: str, description: str | None = None) -> list[str]:
        return [
            comm_id
            for comm_id, state in self.models.items()
            if state.get("_model_name") == model and (description is None or state.get("description") == description)
        ]

    async def set_value(self, comm_id: str, value: Any) -> asyncio.Future[None]:
        """What the browser sends when the student moves a slider."""
        data = {"method": "update", "state": {"value": value}, "buffer_paths": []}
        return await self.send("comm_msg", {"comm_id": comm_id, "data": data})

    async def click(self, comm_id: str) -> asyncio.Future[None]:
        """What the browser sends when the student presses a button."""
        data = {"method": "custom", "content": {"event": "click"}}
        return await self.send("comm_msg", {"comm_id": comm_id, "data": data})

    def texts(self) -> str:
        """Every HTML widget's current text (messages, results)."""
        return "\n".join(
            str(state.get("value", "")) for state in self.models.values() if "HTML" in state.get("_model_name", "")
        )

    async def close(self) -> None:
        self.ws.close()
        self.reader.cancel()


# -- one student ----------------------------------------------------------------------------------


@dataclass
class Student:
    index: int
    name: str
    step: str = "waiting"
    error: str | None = None
    times: dict[str, float] = field(default_factory=dict)
    round_trips: list[float] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)  # question id -> the value this student gave
    written: dict[str, float] = field(default_factory=dict)  # what was actually sent (differs with --plant-leak)
    memory: dict[str, float] = field(default_factory=dict)
    submission: str | None = None  # where the hand-in button said it saved the page


class Hub:
    """HTTP to the hub's REST API and, through the proxy, to each student's server."""

    def __init__(self, port: int, token: str) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.token = token
        self.http = AsyncHTTPClient(max_clients=200)

    async def request(self, method: str, path: str, body: Any = None, timeout: float = 600) -> Any:
        request = HTTPRequest(
            self.base + path,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
            body=None if body is None else json.dumps(body),
            allow_nonstandard_methods=True,
            connect_timeout=60,
            request_timeout=timeout,
        )
        response = await self.http.fetch(request)
        return json.loads(response.body) if response.body else None

    async def contents(self, user: str, path: str) -> dict:
        return await self.request("GET", f"/user/{user}/api/contents/{path}?content=1")

    async def websocket(self, path: str) -> WebSocketClientConnection:
        request = HTTPRequest(
            self.base.replace("http://", "ws://") + path,
            headers={"Authorization": f"token {self.token}"},
            connect_timeout=60,
            request_timeout=600,
        )
        return await websocket_connect(request, max_message_size=256 * 1024 * 1024)


def code_cells(notebook: dict) -> list[str]:
    """The code cells a student runs: every one but the teacher's solutions (absent from student copies)."""
    return [
        "".join(cell["source"])
        for cell in notebook["cells"]
        if cell["cell_type"] == "code" and "solution" not in cell.get("metadata", {}).get("tags", [])
    ]


async def drive(
    hub: Hub, student: Student, others: list[Student], plant_leak: bool, layout: str, delay: float = 0
) -> None:
    """One student through notebook 04; timings in ``student.times``, a failure in ``student.error``."""
    name = student.name
    notebook_path, answers_path = PATHS[layout]["notebook"], PATHS[layout]["answers"]
    await asyncio.sleep(delay)
    started = time.monotonic()
    kernel: Kernel | None = None
    try:
        student.step = "spawn"
        await hub.request("POST", f"/hub/api/users/{name}/server", {})
        while True:
            user = await hub.request("GET", f"/hub/api/users/{name}")
            server = (user.get("servers") or {}).get("", {})
            if server.get("ready"):
                break
            if not user.get("pending") and not server:
                raise RuntimeError(f"the hub gave up starting the server: {user}")
            await asyncio.sleep(0.5)
        student.times["spawn"] = time.monotonic() - started

        student.step = "open"
        opened = time.monotonic()
        notebook = (await hub.contents(name, notebook_path))["content"]
        session = await hub.request(
            "POST",
            f"/user/{name}/api/sessions",
            {
                "path": notebook_path,
                "name": Path(notebook_path).name,
                "type": "notebook",
                "kernel": {"name": "python3"},
            },
        )
        ws = await hub.websocket(
            f"/user/{name}/api/kernels/{session['kernel']['id']}/channels?session_id={uuid.uuid4().hex}"
        )
        kernel = Kernel(ws, name)
        await asyncio.wait_for(await kernel.send("kernel_info_request", {}), 600)
        student.times["open"] = time.monotonic() - opened

        student.step = "run all"
        ran = time.monotonic()
        pending = [await kernel.run(code) for code in code_cells(notebook)]
        _, late = await asyncio.wait(pending, timeout=900)
        if late:
            raise TimeoutError(f"{len(late)} cell(s) still running after 900 s")
        for cell in pending:
            cell.result()  # a closed websocket says so here
        student.times["run_all"] = time.monotonic() - ran
        failed = [reply for reply in kernel.replies.values() if reply.get("status") not in (None, "ok")]
        if failed or kernel.errors:
            raise RuntimeError(f"Run All failed: {kernel.errors or failed}")

        student.step = "answer"
        sliders = sorted((kernel.models[c]["description"], c) for c in kernel.find("FloatSliderModel"))
        if not sliders:
            raise RuntimeError("no forecast sliders were displayed")
        for position, (qid, comm_id) in enumerate(sliders):
            value = student_value(student.index, position)
            student.values[qid] = value
            if plant_leak and student.index == 1 and position == 0 and others:
                value = student_value(others[0].index, position)  # the planted cross-write
            student.written[qid] = value
            sent = time.monotonic()
            await asyncio.wait_for(await kernel.set_value(comm_id, value), 300)
            for _ in range(50):
                saved = json.loads((await hub.contents(name, answers_path))["content"])
                if saved["answers"].get(qid, {}).get("value") == value:
                    break
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError(f"the answer to {qid} ({value}) never reached {answers_path}")
            student.round_trips.append(time.monotonic() - sent)

        student.step = "lock"
        clicked = time.monotonic()
        await asyncio.wait_for(await kernel.click(kernel.find("ButtonModel", "Lock my forecasts")[0]), 300)
        saved = json.loads((await hub.contents(name, answers_path))["content"])
        if set(saved.get("locked", {})) < set(student.values):
            raise RuntimeError(f"lock did not lock every forecast: {saved.get('locked')}")
        student.times["lock"] = time.monotonic() - clicked

        student.step = "reveal"
        clicked = time.monotonic()
        await asyncio.wait_for(await kernel.click(kernel.find("ButtonModel", "Reveal what happened")[0]), 300)
        if "Brier score" not in kernel.texts():
            raise RuntimeError("Reveal showed no Brier score")
        student.times["reveal"] = time.monotonic() - clicked

        student.step = "hand in"
        clicked = time.monotonic()
        await asyncio.wait_for(await kernel.click(kernel.find("ButtonModel", "Save my submission")[0]), 300)
        written = SAVED.search(kernel.texts())
        if written is None:
            raise RuntimeError(f"no submission was written: {kernel.texts()[-500:]}")
        student.submission = written.group(1)
        student.times["hand_in"] = time.monotonic() - clicked
        student.times["total"] = time.monotonic() - started
        student.step = "done"
    except HTTPClientError as error:
        body = error.response.body.decode("utf-8", "replace")[:300] if error.response and error.response.body else ""
        student.error = f"{student.step}: HTTP {error.code} {body}"
    except Exception as error:
        student.error = f"{student.step}: {type(error).__name__}: {error}"
    finally:
        if kernel is not None:
            await kernel.close()


# -- processes: find them by this run's id, measure them, always stop them ----------------------------


def run_processes(run_id: str) -> list[tuple[psutil.Process, dict[str, str]]]:
    found = []
    for process in psutil.process_iter():
        try:
            environ = process.environ()
        except (psutil.Error, OSError):
            continue
        if environ.get("CLASS_TEST_RUN_ID") == run_id:
            found.append((process, environ))
    return found


def measure_memory(run_id: str, students: list[Student], hub_pid: int) -> dict[str, float]:
    """Per student: RSS, PSS and USS (MB) of their server and kernel, and CPU seconds; also the hub's."""
    per_user: dict[str, dict[str, float]] = {}
    hub_mb = 0.0
    for process, environ in run_processes(run_id):
        try:
            info = process.memory_full_info()
            cpu = process.cpu_times()
        except (psutil.Error, OSError):
            continue
        user = environ.get("JUPYTERHUB_USER")
        if user is None:  # the hub and the proxy
            hub_mb += info.rss / 2**20
            continue
        row = per_user.setdefault(
            user, {"rss": 0.0, "pss": 0.0, "uss": 0.0, "cpu": 0.0, "processes": 0, "kernel_pss": 0.0, "server_pss": 0.0}
        )
        part = "kernel_pss" if any("ipykernel" in arg for arg in process.cmdline()) else "server_pss"
        row[part] += getattr(info, "pss", 0) / 2**20
        row["rss"] += info.rss / 2**20
        row["pss"] += getattr(info, "pss", 0) / 2**20
        row["uss"] += info.uss / 2**20
        row["cpu"] += cpu.user + cpu.system
        row["processes"] += 1
    for student in students:
        student.memory = per_user.get(student.name, {})
    return {"hub_and_proxy_rss_mb": hub_mb}


def stop_everything(hub: subprocess.Popen | None, run_id: str) -> None:
    """Stop the hub (it stops the servers it started), then anything else of this run, by pid."""
    if hub is not None and hub.poll() is None:
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait(10)
    left = [process for process, _ in run_processes(run_id)]
    for process in left:
        try:
            process.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(left, timeout=10)
    for process in alive:
        try:
            process.kill()
        except psutil.Error:
            pass
    if left:
        log(f"stopped {len(left)} process(es) the hub left behind")


# -- the isolation check ------------------------------------------------------------------------------


def student_files(state: Path, name: str) -> tuple[list[Path], list[Path]]:
    """A student's answers files and submission files: in their home, and in the shared course folder
    (``--layout shared-install``: every answers file there counts as everyone's, a submission as its
    named student's)."""
    home = state / "home" / name
    shared = state / "shared-course"

    def files(folder: Path, prefix: str = "") -> list[Path]:
        return (
            sorted(p for p in folder.rglob("*") if p.is_file() and p.name.startswith(prefix)) if folder.is_dir() else []
        )

    answers = [p for folder in home.rglob("answers") for p in files(folder)] + files(shared / "answers")
    submissions = [p for folder in home.rglob("dist") for p in files(folder)] + files(shared / "dist", f"{name}_")
    return answers, submissions


def check_isolation(state: Path, students: list[Student], started: float) -> list[str]:
    """Problems found: a student's file missing, missing one of their values, or holding anyone else's."""
    owner = {f"{value!r}": student.name for student in students for value in student.values.values()}
    problems = []
    for student in students:
        if not student.values:
            continue
        answers, submissions = student_files(state, student.name)
        own = {f"{value!r}" for value in student.values.values()}
        kinds = {"answers file": [p for p in answers if p.suffix == ".json" and not p.name.startswith(".")]}
        kinds["submission JSON"] = [p for p in submissions if p.suffix == ".json"]
        kinds["submission HTML"] = [p for p in submissions if p.suffix == ".html"]
        for kind, paths in kinds.items():
            if not paths:
                problems.append(f"{student.name}: no {kind}")
            for path in paths:
                found = set(VALUE.findall(path.read_text(encoding="utf-8", errors="replace")))
                if missing := sorted(own - found):
                    problems.append(f"{student.name}: {kind} {path.name} lacks their own value(s) {', '.join(missing)}")
                for value in sorted(found - own):
                    if value in owner:
                        problems.append(f"{student.name}: {kind} {path.name} holds {owner[value]}'s value {value}")
        for path in answers + submissions:
            if path.suffix == ".json" and not path.name.startswith("."):
                data = json.loads(path.read_text(encoding="utf-8"))
                for bundle in data.get("notebooks", [data]):
                    for qid, expected in student.values.items():
                        got = bundle.get("answers", {}).get(qid, {}).get("value")
                        if got is not None and got != expected:
                            problems.append(f"{student.name}: {path.name} has {got!r} for {qid}, not {expected!r}")
    # nothing of this run may land in the shared course folder (answers/ or dist/ of the repository)
    for folder in (ROOT / "answers", ROOT / "dist"):
        for path in folder.rglob("*") if folder.is_dir() else []:
            if path.is_file() and path.stat().st_mtime >= started - 1:
                found = set(VALUE.findall(path.read_text(encoding="utf-8", errors="replace"))) & set(owner)
                if found:
                    problems.append(f"the shared course folder got student values: {path} ({sorted(found)})")
    return problems


# -- main ---------------------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    from importlib.metadata import version

    found = {name: version(name) for name in ("jupyterhub", "jupyter_server", "jupyterlab", "ipykernel", "ipywidgets")}
    found["configurable-http-proxy"] = subprocess.run(
        [str(CHP), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    found["python"] = sys.version.split()[0]
    return found


async def wait_for_hub(hub: Hub, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterHub exited ({process.returncode}):\n{log_path.read_text()[-3000:]}")
        try:
            await hub.request("GET", "/hub/api/", timeout=5)
            return
        except (OSError, HTTPClientError):
            await asyncio.sleep(0.5)
    raise RuntimeError(f"JupyterHub did not answer within 120 s:\n{log_path.read_text()[-3000:]}")


async def run_class(args: argparse.Namespace, state: Path, run_id: str, env: dict[str, str]) -> dict:
    token = env["CLASS_TEST_TOKEN"]
    hub_log = state / "jupyterhub.log"
    result: dict[str, Any] = {}
    process: subprocess.Popen | None = None
    try:
        available_before = psutil.virtual_memory().available
        with hub_log.open("wb") as output:
            process = subprocess.Popen(
                [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
                cwd=state,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: killed as one if it will not stop
            )
        hub = Hub(int(env["CLASS_TEST_PROXY_PORT"]), token)
        await wait_for_hub(hub, process, hub_log)
        log(f"hub up (pid {process.pid}), state in {state}")

        students = [Student(index, student_name(index)) for index in range(1, args.students + 1)]
        await hub.request("POST", "/hub/api/users", {"usernames": [s.name for s in students]})
        began = time.monotonic()
        load_before = os.getloadavg()
        gap = args.arrive_over / len(students)
        tasks = [
            asyncio.ensure_future(drive(hub, s, students[1:2], args.plant_leak, args.layout, gap * (s.index - 1)))
            for s in students
        ]
        progress = asyncio.ensure_future(report_progress(students))
        done, not_done = await asyncio.wait(tasks, timeout=args.timeout)
        progress.cancel()
        for task in not_done:
            task.cancel()
        for student in students:
            if student.step != "done" and student.error is None:
                student.error = f"{student.step}: not finished after {args.timeout} s"
        wall = time.monotonic() - began
        load_after = os.getloadavg()
        memory = measure_memory(run_id, students, process.pid)
        available_after = psutil.virtual_memory().available
        finished = [s for s in students if s.step == "done"]
        log(f"{len(finished)} of {len(students)} students finished in {wall:.1f} s")

        problems = check_isolation(state, students, time.time() - wall - 60)
        shared = [
            f"{s.name}: the submission went to {s.submission}, outside the student's home (a folder all students share)"
            for s in students
            if s.submission and not Path(s.submission).is_relative_to(state / "home" / s.name)
        ]
        result = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "students": len(students),
            "finished": len(finished),
            "plant_leak": args.plant_leak,
            "layout": args.layout,
            "arrive_over_seconds": args.arrive_over,
            "wall_seconds": wall,
            "machine": {
                "cpus": os.cpu_count(),
                "memory_gb": psutil.virtual_memory().total / 2**30,
                "load_before": load_before,
                "load_after": load_after,
            },
            "versions": versions(),
            "times": {
                key: summary([s.times[key] for s in finished if key in s.times])
                for key in ("spawn", "open", "run_all", "lock", "reveal", "hand_in", "total")
            },
            "widget_round_trip": summary([rt for s in finished for rt in s.round_trips]),
            "memory_mb": {
                key: summary([s.memory[key] for s in students if s.memory.get(key)])
                for key in ("rss", "pss", "uss", "cpu", "server_pss", "kernel_pss")
            },
            "memory_available_drop_mb": (available_before - available_after) / 2**20,
            **memory,
            "errors": {s.name: s.error for s in students if s.error},
            "isolation_problems": problems,
            "shared_locations": shared,
            "per_student": [
                {
                    "name": s.name,
                    "step": s.step,
                    "times": s.times,
                    "round_trips": s.round_trips,
                    "memory": s.memory,
                    "submission": s.submission,
                }
                for s in students
            ],
        }
    finally:
        stop_everything(process, run_id)
    return result


async def report_progress(students: list[Student]) -> None:
    while True:
        await asyncio.sleep(15)
        steps: dict[str, int] = {}
        for student in students:
            steps[student.step] = steps.get(student.step, 0) + 1
        log("progress: " + ", ".join(f"{step} {count}" for step, count in sorted(steps.items())))


def print_result(result: dict) -> None:
    def row(label: str, figures: dict, unit: str = "s") -> str:
        return f"  {label:<28} p50 {figures['p50']:8.3f} {unit}   p95 {figures['p95']:8.3f} {unit}   max {figures['max']:8.3f} {unit}   (n={figures['n']})"

    print()
    print(
        f"class test {result['date']}: {result['finished']} of {result['students']} students finished "
        f"(layout {result['layout']}, arrivals over {result['arrive_over_seconds']:.0f} s)"
    )
    print(
        f"  wall time {result['wall_seconds']:.1f} s, load {result['machine']['load_before']} -> {result['machine']['load_after']}"
    )
    for key, label in (
        ("spawn", "server ready (from request)"),
        ("open", "open (notebook + kernel)"),
        ("run_all", "Run All"),
        ("lock", "lock"),
        ("reveal", "reveal"),
        ("hand_in", "hand in"),
        ("total", "whole session"),
    ):
        print(row(label, result["times"][key]))
    print(row("widget round trip", result["widget_round_trip"]))
    for key, label in (
        ("rss", "RSS"),
        ("pss", "PSS"),
        ("uss", "USS"),
        ("server_pss", "PSS server"),
        ("kernel_pss", "PSS kernel"),
    ):
        print(row(f"memory per student ({label})", result["memory_mb"][key], "MB"))
    print(row("CPU per student", result["memory_mb"]["cpu"], "s"))
    print(
        f"  hub + proxy RSS {result['hub_and_proxy_rss_mb']:.0f} MB; MemAvailable dropped {result['memory_available_drop_mb']:.0f} MB"
    )
    for name, error in result["errors"].items():
        print(f"  FAILED {name}: {error}")
    if result["shared_locations"]:
        print(f"  WARNING: {len(result['shared_locations'])} submission(s) outside the students' homes, e.g.")
        print(f"    {result['shared_locations'][0]}")
    if result["isolation_problems"]:
        print(f"  ISOLATION CHECK FAILED ({len(result['isolation_problems'])} problem(s)):")
        for problem in result["isolation_problems"]:
            print(f"    {problem}")
    else:
        print("  isolation check passed: every answers file and submission holds its own student's values only")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the whole class (default 600)")
    parser.add_argument(
        "--plant-leak", action="store_true", help="student 1 writes student 2's value (the check must fail)"
    )
    parser.add_argument(
        "--layout",
        choices=["home", "shared-install"],
        default="home",
        help="home: the course folder in each home is the course root (default); shared-install: "
        "docs/deploy.md's single-machine recipe, one installed clone for all, answers in ~/answers",
    )
    parser.add_argument(
        "--arrive-over",
        type=float,
        default=0,
        metavar="SECONDS",
        help="spread the students' arrivals evenly over this many seconds (default 0: all at once)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, homes) for a look")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"results file (default {DEFAULT_JSON})")
    args = parser.parse_args(argv)
    if shutil.which("jupyterhub", path=str(Path(sys.executable).parent)) is None:
        print(f"JupyterHub is not installed next to {sys.executable}: pip install jupyterhub==6.1.1", file=sys.stderr)
        return 2
    if not CHP.exists():
        print(f"{CHP} is missing: run `npm ci --prefix {HERE}` first.", file=sys.stderr)
        return 2

    run_id = uuid.uuid4().hex
    state = Path(tempfile.mkdtemp(prefix="class-test-"))
    env = {
        **os.environ,
        "CLASS_TEST_STATE": str(state),
        "CLASS_TEST_COURSE": str(ROOT),
        "CLASS_TEST_RUN_ID": run_id,
        "CLASS_TEST_TOKEN": secrets.token_hex(32),
        "CLASS_TEST_PROXY_PORT": str(free_port()),
        "CLASS_TEST_PROXY_API_PORT": str(free_port()),
        "CLASS_TEST_HUB_PORT": str(free_port()),
        "CLASS_TEST_CHP": str(CHP),
        "CLASS_TEST_LAYOUT": args.layout,
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(32),
    }
    if args.layout == "shared-install":
        shared = state / "shared-course"
        shutil.copytree(ROOT / "notebooks", shared / "notebooks")
        (shared / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    for variable in ("COURSE_ROOT", "COURSE_ANSWERS_DIR", "JUPYTERHUB_USER", "STUDENT"):
        env.pop(variable, None)

    def stop(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, stop)
    try:
        result = asyncio.run(run_class(args, state, run_id, env))
    except KeyboardInterrupt as interrupt:
        log(f"interrupted ({interrupt}): the hub, the servers and the kernels of this run were stopped")
        return 130
    finally:
        if args.keep:
            log(f"kept {state}")
        else:
            shutil.rmtree(state, ignore_errors=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_result(result)
    print(f"  results in {args.json}")
    ok = result["finished"] == result["students"] and not result["isolation_problems"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
