"""HTML from Jinja2 templates in ``helpers/templates/``, autoescaped: escaping is the default.

``render("submission.html", bundle=...)`` returns a string. Text from a seed or a student passes
through ``{{ value }}`` and is escaped; only values marked ``|safe`` in a template (HTML this package
built) are not.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The package's template environment (autoescape on for every template)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("helpers", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context: Any) -> str:
    """Render one template with ``context``."""
    return environment().get_template(name).render(**context)
