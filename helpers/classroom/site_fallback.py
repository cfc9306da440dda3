"""A static copy of every widget on a site page, for readers whose browser cannot run widgets.

The site embeds each widget's state; the widget library turns it into controls. Without JavaScript, or
without the library, a page would show nothing where an exercise is. :func:`add_fallbacks` puts, after
each widget's ``<script type="application/vnd.jupyter.widget-view+json">``, a ``<div class="course-static">``
rendered from that state: the question text, the options of a choice, the items of an ordering, the range
of a slider, a note that text boxes are answered in JupyterLab. The widget library inserts its rendered
view (``div.widget-subarea``) just before that script, so :data:`FALLBACK_CSS` hides the copy exactly
when the widget has rendered.

Text from the state (descriptions, options, placeholders) is escaped; HTML widget values (built by the
course, article text already escaped) are cleaned with bleach to a short list of tags and attributes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

from ..templates import TEXT_ONLY_CLASSES

State = dict[str, dict[str, Any]]

#: CSS for the site pages: the static copy shows until the widget library has rendered the widget.
FALLBACK_CSS = """
.widget-subarea ~ .course-static { display: none; }
.course-static { border: 1px dashed #767676; padding: 0.4em 0.8em; margin: 0.3em 0;
  font-family: var(--jp-content-font-family, sans-serif); font-size: 15px; line-height: 1.5; }
.course-static-short li { display: inline-block; margin-right: 1.5em; }
.course-static ul { margin: 0.2em 0 0.4em; }
.course-static-note { font-style: italic; color: #4a4a4a; }
"""

_RELATIVE = re.compile(r"[\w.-]+(?:#[\w.-]*)?")
_VIEW = re.compile(r'(<script type="application/vnd\.jupyter\.widget-view\+json">\s*(\{.*?\})\s*</script>)', re.S)
_BOXES = {"BoxModel", "VBoxModel", "HBoxModel", "GridBoxModel"}
_TITLED = {"TabModel", "AccordionModel", "StackModel"}
_CHOICES = {"RadioButtonsModel", "DropdownModel", "SelectModel", "ToggleButtonsModel", "SelectMultipleModel"}
_TEXTS = {"TextModel", "TextareaModel", "PasswordModel", "ComboboxModel"}
_NUMBERS = {"FloatTextModel", "IntTextModel", "BoundedFloatTextModel", "BoundedIntTextModel"}
_SLIDERS = {"FloatSliderModel", "IntSliderModel", "FloatLogSliderModel", "FloatRangeSliderModel", "IntRangeSliderModel"}
#: The class every exercise's box carries (helpers.notebook.exercises and the lessons' own exercises).
EXERCISE_CLASS = "course-question"
_SKIPPED = {"ButtonModel", "ImageModel", "VideoModel", "AudioModel", "PlayModel"}

_TAGS = [
    "a", "b", "blockquote", "br", "caption", "code", "details", "div", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "mark", "ol", "p", "pre", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
]  # fmt: skip


def _attribute_allowed(tag: str, name: str, value: str) -> bool:
    if name in ("class", "title", "style", "role", "colspan", "rowspan", "open") or name.startswith("aria-"):
        return True
    if tag == "img":
        return name in ("alt", "width", "height") or (name == "src" and value.startswith("data:image/"))
    if tag == "a" and name == "href":  # web links and links inside the site (01_context.html#part)
        return value.startswith(("http://", "https://", "#", "mailto:")) or bool(_RELATIVE.fullmatch(value))
    return False


def clean_html(markup: str) -> str:
    """``markup`` reduced to plain formatting tags (no script, no event handler, no remote image)."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    cleaner = bleach.Cleaner(
        tags=_TAGS,
        attributes=_attribute_allowed,
        protocols=["http", "https", "mailto", "data"],
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(),
    )
    return cleaner.clean(markup)


def _esc(value: Any) -> str:
    return html.escape(str(value))


def _ref(value: Any) -> str | None:
    return value[len("IPY_MODEL_") :] if isinstance(value, str) and value.startswith("IPY_MODEL_") else None


class _Renderer:
    """Render one widget tree from the page's widget state; remembers whether it has controls (``asks``) and
    whether it is an exercise (a box with the ``course-question`` class) rather than an explorer."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.asks = False
        self.exercise = False

    def model(self, model_id: str | None) -> tuple[str, dict[str, Any]] | None:
        entry = self.state.get(model_id or "")
        if not entry:
            return None
        return str(entry.get("model_name", "")), entry.get("state", {})

    def hidden(self, values: dict[str, Any]) -> bool:
        layout = self.model(_ref(values.get("layout")))
        if layout is None:
            return False
        style = layout[1]
        return style.get("display") == "none" or style.get("visibility") == "hidden"

    def render(self, model_id: str | None) -> str:
        found = self.model(model_id)
        if found is None:
            return ""
        name, values = found
        if name in _SKIPPED or self.hidden(values):
            return ""
        if EXERCISE_CLASS in values.get("_dom_classes", ()):
            self.exercise = True
        return self._dispatch(name)(values)

    def _dispatch(self, name: str) -> Callable[[dict[str, Any]], str]:
        if name in _BOXES:
            return self.box
        if name in _TITLED:
            return self.titled
        if name in ("HTMLModel", "HTMLMathModel"):
            return self.html_value
        if name == "LabelModel":  # plain text, shown as text
            return lambda v: self.label(v.get("value", ""))
        if name in _CHOICES:
            return lambda v: self.choice(v, name)
        if name in _TEXTS:
            return self.text
        if name in _NUMBERS:
            return lambda v: self.field(v, "a number")
        if name == "DatePickerModel":
            return lambda v: self.field(v, "a date")
        if name in ("CheckboxModel", "ToggleButtonModel"):
            return lambda v: self.field(v, "a tick box")
        if name in _SLIDERS:
            return self.slider
        if name in ("SelectionSliderModel", "SelectionRangeSliderModel"):
            return self.selection_slider
        if name == "OutputModel":
            return self.output
        return lambda v: self.label(v.get("description", "")) if v.get("description") else ""

    # --- one per kind of widget ---------------------------------------------------------------------

    @staticmethod
    def label(text: Any) -> str:
        text = str(text).strip()
        return f"<p>{_esc(text)}</p>" if text else ""

    @staticmethod
    def _description(values: dict[str, Any]) -> str:
        text = str(values.get("description") or "").strip()
        return f"<strong>{_esc(text)}</strong> " if text else ""

    def box(self, values: dict[str, Any]) -> str:
        children = [_ref(child) for child in values.get("children", [])]
        parts: list[str] = []
        i = 0
        while i < len(children):
            # several dropdowns offering the same options (an ordering: one per position): list them once
            group = [children[i]]
            found = self.model(children[i])
            if found and found[0] in _CHOICES:
                options = found[1].get("_options_labels")
                while i + len(group) < len(children):
                    nxt = self.model(children[i + len(group)])
                    if not (nxt and nxt[0] == found[0] and nxt[1].get("_options_labels") == options):
                        break
                    group.append(children[i + len(group)])
            if len(group) > 1:
                parts.append(self.choice_group(group))
            else:
                parts.append(self.render(children[i]))
            i += len(group)
        return "<div>" + "".join(parts) + "</div>"

    def titled(self, values: dict[str, Any]) -> str:
        titles = list(values.get("titles") or values.get("_titles", {}).values() or [])
        parts = []
        for i, child in enumerate(values.get("children", [])):
            title = titles[i] if i < len(titles) and titles[i] else ""
            heading = f"<h4>{_esc(title)}</h4>" if title else ""
            parts.append(heading + self.render(_ref(child)))
        return "<div>" + "".join(parts) + "</div>"

    def html_value(self, values: dict[str, Any]) -> str:
        value = str(values.get("value") or "")
        return self._description(values) + clean_html(value) if value.strip() else ""

    def _options(self, values: dict[str, Any], mark: bool = True) -> str:
        labels = [str(label) for label in values.get("_options_labels", [])]
        chosen = values.get("index") if mark else None
        chosen_set = set(chosen) if isinstance(chosen, list) else {chosen}
        items = "".join(
            f"<li>{_esc(label)}{' <em>(selected)</em>' if i in chosen_set else ''}</li>"
            for i, label in enumerate(labels)
        )
        short = len(labels) <= 8 and all(len(label) <= 12 for label in labels)
        return f'<ul class="course-static-options{" course-static-short" if short else ""}">{items}</ul>'

    def choice(self, values: dict[str, Any], name: str = "") -> str:
        self.asks = True
        # a dropdown always shows some entry, usually a "choose" line: not an answer worth marking
        return f"<div>{self._description(values)}{self._options(values, mark=name != 'DropdownModel')}</div>"

    def choice_group(self, model_ids: list[str | None]) -> str:
        self.asks = True
        models = [self.model(model_id) for model_id in model_ids]
        names = [str(m[1].get("description") or "").strip() for m in models if m]
        first = dict(models[0][1]) if models[0] else {}
        labels = list(first.get("_options_labels", []))
        starts = {m[1].get("index") for m in models if m}
        if len(starts) == 1 and isinstance(index := starts.pop(), int) and 0 <= index < len(labels):
            del labels[index]  # every place starts on the same entry: a placeholder, not an item
        slots = ", ".join(_esc(name) for name in names if name)
        head = f"<p><strong>{len(models)} choices{f' ({slots})' if slots else ''}</strong>, each one of:</p>"
        return f"<div>{head}{self._options({'_options_labels': labels, 'index': None})}</div>"

    def text(self, values: dict[str, Any]) -> str:
        self.asks = True
        value = str(values.get("value") or "").strip()
        hint = str(values.get("placeholder") or "").strip()
        shown = _esc(value) if value else f"<em>a text box{': ' + _esc(hint) if hint else ''}</em>"
        return f"<p>{self._description(values)}{shown}</p>"

    def field(self, values: dict[str, Any], kind: str) -> str:
        self.asks = True
        value = values.get("value")
        shown = f" (now {_esc(value)})" if value not in (None, "", False) else ""
        return f"<p>{self._description(values)}<em>{_esc(kind)}</em>{shown}</p>"

    def slider(self, values: dict[str, Any]) -> str:
        self.asks = True
        low, high, value = values.get("min"), values.get("max"), values.get("value")
        return (
            f"<p>{self._description(values)}<em>a slider from {_esc(low)} to {_esc(high)}</em> (now {_esc(value)})</p>"
        )

    def selection_slider(self, values: dict[str, Any]) -> str:
        self.asks = True
        labels = [str(label) for label in values.get("_options_labels", [])]
        index = values.get("index")
        picked = index if isinstance(index, list) else [index]
        now = " to ".join(_esc(labels[i]) for i in picked if isinstance(i, int) and 0 <= i < len(labels))
        span = f"{_esc(labels[0])} to {_esc(labels[-1])}" if labels else ""
        return f"<p>{self._description(values)}<em>a slider over {span}</em>{f' (now {now})' if now else ''}</p>"

    def output(self, values: dict[str, Any]) -> str:
        parts = []
        for out in values.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(f"<pre>{_esc(out.get('text', ''))}</pre>")
                continue
            data = out.get("data", {})
            view = data.get("application/vnd.jupyter.widget-view+json")
            if view:
                parts.append(self.render(view.get("model_id")))
            elif "text/html" in data:
                markup = data["text/html"]
                parts.append(clean_html("".join(markup) if isinstance(markup, list) else str(markup)))
            elif "image/png" in data:
                alt = out.get("metadata", {}).get("image/png", {}).get("alt") or data.get("text/plain", "")
                parts.append(f'<img src="data:image/png;base64,{_esc(data["image/png"])}" alt="{_esc(alt)}">')
            elif "text/plain" in data:
                parts.append(f"<pre>{_esc(data['text/plain'])}</pre>")
        return "<div>" + "".join(parts) + "</div>"


def fallback_html(model_id: str, state: State, notebook: str) -> str:
    """The static copy of one displayed widget (empty when the state has nothing to show)."""
    renderer = _Renderer(state)
    body = renderer.render(model_id)
    if not re.sub(r"<[^>]*>", "", body).strip() and "<img" not in body:
        return ""
    note = ""
    if renderer.asks:
        action = "To answer" if renderer.exercise else "To use these controls"
        note = (
            f'<p class="course-static-note">{action}, open this notebook '
            f"(<code>{_esc(notebook)}</code>) in JupyterLab.</p>"
        )
    return f'<div class="course-static {TEXT_ONLY_CLASSES}" data-model-id="{_esc(model_id)}">{body}{note}</div>'


def widget_state(nb: Any) -> State:
    """The widget state a run notebook carries (``store_widget_state``), by model id."""
    widgets = nb.get("metadata", {}).get("widgets", {})
    return dict(widgets.get("application/vnd.jupyter.widget-state+json", {}).get("state", {}))


def add_fallbacks(body: str, state: State, notebook: str) -> str:
    """``body`` (a page by nbconvert) with the static copy of each widget after its view script."""

    def replace(match: re.Match[str]) -> str:
        try:
            model_id = str(json.loads(match.group(2))["model_id"])
        except (ValueError, KeyError, TypeError):
            return match.group(1)
        return match.group(1) + fallback_html(model_id, state, notebook)

    return _VIEW.sub(replace, body)
