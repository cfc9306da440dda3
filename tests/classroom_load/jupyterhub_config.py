"""JupyterHub configuration for ``make class-test`` (read by ``jupyterhub -f``; see class_test.py).

Loopback only, every file in the run's temporary folder, a dummy authenticator and a local-process
spawner that needs no system users. Each student gets a home folder of their own holding a copy of the
course notebooks (``~/course``, as nbgitpuller would give them on a real hub), and the course package
writes that student's answers and submission there (``COURSE_ROOT`` and ``COURSE_ANSWERS_DIR``): the
way a real hub keeps students apart is a home folder per user.

``CLASS_TEST_LAYOUT=shared-install`` instead follows docs/deploy.md's single-machine recipe literally: the
package is installed once from one clone (``COURSE_ROOT`` is one folder for everyone) and
``COURSE_ANSWERS_DIR=~/answers`` puts the answers in each home.

Everything comes from environment variables set by class_test.py (``CLASS_TEST_*``). NOT for a real
class: SimpleLocalProcessSpawner gives the students no isolation from each other at all.
"""

# ruff: noqa: F821  (``c`` and ``get_config`` are provided by JupyterHub's config loader)

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # type: ignore[name-defined]  # noqa: F821

STATE = Path(os.environ["CLASS_TEST_STATE"])
COURSE = Path(os.environ["CLASS_TEST_COURSE"])
RUN_ID = os.environ["CLASS_TEST_RUN_ID"]
LAYOUT = os.environ.get("CLASS_TEST_LAYOUT", "home")
BIN = Path(sys.executable).parent

# -- network: loopback only, ports chosen by the driver -------------------------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["CLASS_TEST_PROXY_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["CLASS_TEST_HUB_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['CLASS_TEST_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [os.environ["CLASS_TEST_CHP"]]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.ConfigurableHTTPProxy.should_start = True

# -- state: all of it in the run's temporary folder -------------------------------------------------
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# -- who: anyone (dummy), and the driver as a service with an API token -----------------------------
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.services = [{"name": "class-test", "api_token": os.environ["CLASS_TEST_TOKEN"]}]
c.JupyterHub.load_roles = [
    {
        "name": "class-test-driver",
        "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"],
        "services": ["class-test"],
    }
]

# -- spawner: one local jupyterhub-singleuser process per student, home folder in the temp folder ---
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
c.Spawner.ip = "127.0.0.1"
if LAYOUT == "shared-install":  # the home is the root, so that ~/answers can be seen and downloaded
    c.Spawner.notebook_dir = "~"
    c.Spawner.default_url = "/lab/tree/course/notebooks/04_escalation.ipynb"
else:
    c.Spawner.notebook_dir = "~/course"
    c.Spawner.default_url = "/lab/tree/notebooks/04_escalation.ipynb"
c.Spawner.start_timeout = 900  # 30 servers starting at once on 2 cores: give them time
c.Spawner.http_timeout = 900
c.JupyterHub.concurrent_spawn_limit = 0  # no limit: the test starts the whole class at once
c.JupyterHub.init_spawners_timeout = 60


def copy_course(spawner) -> None:
    """Give the student ``~/course`` (notebooks copied, read-only course data linked) and keep their
    answers and submissions in it."""
    home = Path(spawner.home_dir)
    course = home / "course"
    if not course.exists():
        (course / "notebooks").mkdir(parents=True)
        for notebook in (COURSE / "notebooks").glob("*.ipynb"):
            shutil.copy2(notebook, course / "notebooks" / notebook.name)
        (course / "seeds").symlink_to(COURSE / "seeds", target_is_directory=True)
    if LAYOUT == "shared-install":  # the package installed once from one clone; answers in ~/answers
        where = {"COURSE_ROOT": str(STATE / "shared-course"), "COURSE_ANSWERS_DIR": "~/answers"}
    else:  # the course folder in the student's home is the course root: answers and submissions in it
        where = {"COURSE_ROOT": str(course), "COURSE_ANSWERS_DIR": str(course / "answers")}
    spawner.environment.update(
        {
            **where,
            "CLASS_TEST_RUN_ID": RUN_ID,  # lets the driver find (and always stop) every process of this run
            "PATH": f"{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        }
    )


c.Spawner.pre_spawn_hook = copy_course
