"""HTML from Jinja2 templates in ``helpers/templates/``, autoescaped: escaping is the default.

``render("submission.html", bundle=...)`` returns a string. Text from a seed or a student passes
through ``{{ value }}`` and is escaped; only values marked ``|safe`` in a template (HTML this package
built) are not.

Text stays text: MathJax (JupyterLab, Voila, nbconvert pages) would typeset "$5 and $10" as maths.
Every piece of HTML the course shows carries :data:`TEXT_ONLY_CLASSES` on its outermost element:
:func:`render` wraps each fragment in :func:`text_only`, and the two whole pages (``<!DOCTYPE``)
put the classes on ``<body>`` (``{{ text_only_classes }}``). Code that builds HTML itself uses
:func:`text_only` or puts the classes on its outer element.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

#: The classes that stop MathJax from typesetting what is inside: ``tex2jax_ignore`` (MathJax 2
#: and the classic notebook) and ``mathjax_ignore`` (MathJax 3/4, JupyterLab 4, Voila).
TEXT_ONLY_CLASSES = "tex2jax_ignore mathjax_ignore"


def text_only(markup: str) -> str:
    """``markup`` (HTML this package built, untrusted text in it already escaped) inside one
    ``<div>`` that MathJax leaves alone, so "$5 and $10" and "$$x$$" stay as written."""
    return f'<div class="{TEXT_ONLY_CLASSES}">{markup}</div>'


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The package's template environment (autoescape on for every template)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("helpers", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["text_only_classes"] = TEXT_ONLY_CLASSES
    return env


def render(name: str, **context: Any) -> str:
    """Render one template with ``context``: a fragment comes back inside :func:`text_only`; a whole
    page (``<!DOCTYPE html>``) carries :data:`TEXT_ONLY_CLASSES` on its ``<body>`` itself."""
    markup = environment().get_template(name).render(**context)
    if markup.lstrip().lower().startswith("<!doctype"):
        return markup
    return text_only(markup)
