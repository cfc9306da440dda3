"""Names for the controls ipywidgets leaves unnamed, and cell checks that notice a failed exercise cell.

ipywidgets 8.1 gives a slider's handle (``role="slider"``) no accessible name, a scrolling box no
keyboard access, a control without a description a hidden ``<label>``, and radio buttons no group
(each is its own Tab stop, and the arrow keys do nothing); in JupyterLab the notebook's shortcuts
take the arrow keys of radio buttons, lists and sliders (they move to the next cell). :data:`ACCESSIBILITY_JS`,
displayed once per page by :func:`install` (``helpers.start`` does it), names each from what the page
shows next to it (the control's description, else the nearest text before it in its exercise box)
and makes scrolling boxes focusable. Widgets the course builds should still name themselves
(:func:`name_control`): the script is the safety net, not the rule.
"""

from __future__ import annotations

import ipywidgets as widgets

#: Runs in JupyterLab, Voila and the static site (a JavaScript output of the course's own, no seed text).
ACCESSIBILITY_JS = r"""
(() => {
  if (window.__courseAccessibility) return;
  window.__courseAccessibility = true;
  // long options wrap instead of running into the next one (ipywidgets gives each a fixed-height row)
  const style = document.createElement('style');
  style.textContent = '.jupyter-widgets .widget-radio-box label { height: auto; min-height: var(--jp-widgets-radio-item-height, 20px);'
    + ' line-height: 1.35; white-space: normal; display: flex; align-items: flex-start; padding: 2px 0; }'
    + ' .jupyter-widgets .widget-radio-box label input { flex: none; order: -1; margin: 0.2em 6px 0 0; }';
  document.head.appendChild(style);
  const textBefore = (el) => {
    for (let node = el; node && !node.classList.contains('jp-OutputArea-output'); node = node.parentElement) {
      for (let p = node.previousElementSibling; p; p = p.previousElementSibling) {
        const t = (p.textContent || '').replace(/\s+/g, ' ').trim();
        if (t) return t.slice(0, 120);
      }
      if (node.classList.contains('course-question')) break;
    }
    return '';
  };
  const ownLabel = (el, box) => {
    const label = box && box.querySelector(':scope > .widget-label');
    const t = label && label.style.display !== 'none' ? label.textContent.trim() : '';
    return t || textBefore(box || el);
  };
  let groups = 0;
  const CONTROLS = '.widget-radio, .widget-dropdown, .widget-select, .widget-select-multiple, .widget-slider, '
    + '.widget-text, .widget-textarea, .widget-datepicker, .widget-toggle-buttons';
  const fix = () => {
    // keys pressed in a control belong to it: JupyterLab's notebook shortcuts (arrows move between
    // cells in command mode) would otherwise take the arrow keys of radio buttons, lists and sliders
    // (JupyterLab skips its shortcuts for an element that carries data-lm-suppress-shortcuts itself)
    const inside = ':is(' + CONTROLS + ') :is(input, select, textarea, [role=slider]):not([data-lm-suppress-shortcuts])';
    for (const c of document.querySelectorAll(inside)) c.setAttribute('data-lm-suppress-shortcuts', 'true');
    // radio buttons: one named group per widget, so Tab stops once and the arrows choose
    for (const input of document.querySelectorAll('.widget-radio-box input[type=radio]:not([name])')) {
      const box = input.closest('.widget-radio-box');
      if (!box.dataset.courseGroup) {
        box.dataset.courseGroup = 'course-radio-' + (++groups);
        box.setAttribute('role', 'radiogroup');
        box.setAttribute('aria-label', ownLabel(box, box.closest('.widget-radio')) || 'Options');
      }
      input.setAttribute('name', box.dataset.courseGroup);
    }
    for (const h of document.querySelectorAll('.jupyter-widgets .noUi-handle[role=slider]:not([aria-label])')) {
      const box = h.closest('.widget-slider');
      const many = box && box.querySelectorAll('.noUi-handle').length > 1;
      const end = many ? (h.classList.contains('noUi-handle-lower') ? ' (from)' : ' (to)') : '';
      h.setAttribute('aria-label', (ownLabel(h, box) || 'Value') + end);
    }
    for (const s of document.querySelectorAll('.jupyter-widgets select:not([aria-label]), .jupyter-widgets input:not([aria-label]):not([type=radio]):not([type=checkbox]), .jupyter-widgets textarea:not([aria-label])')) {
      const box = s.closest('.widget-inline-hbox, .widget-inline-vbox, .widget-select, .widget-dropdown, .widget-text, .widget-textarea') || s.parentElement;
      const label = box && box.querySelector(':scope > .widget-label');
      if (label && label.style.display !== 'none' && label.textContent.trim()) continue;
      const t = ownLabel(s, box);
      if (t) s.setAttribute('aria-label', t);
    }
    for (const b of document.querySelectorAll('.jupyter-widgets.widget-html:not([tabindex]), .jupyter-widgets.widget-output:not([tabindex])')) {
      const style = getComputedStyle(b);
      if (/(auto|scroll)/.test(style.overflowY) && b.scrollHeight > b.clientHeight) {
        b.setAttribute('tabindex', '0');
        b.setAttribute('role', 'region');
        b.setAttribute('aria-label', (textBefore(b) || 'Scrolling text').slice(0, 80));
      }
    }
  };
  let queued = false;
  const later = () => { if (!queued) { queued = true; setTimeout(() => { queued = false; fix(); }, 200); } };
  fix();
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
})();
"""


_SHOWN = {"done": False}


def install(force: bool = False) -> None:
    """Display :data:`ACCESSIBILITY_JS` once per kernel (``force``: again, e.g. from ``helpers.start``,
    whose cell is the first a reopened notebook runs); the script itself acts once per page."""
    from IPython.display import Javascript, display

    if _SHOWN["done"] and not force:
        return
    _SHOWN["done"] = True
    display(Javascript(ACCESSIBILITY_JS))


def name_control(control: widgets.DOMWidget, name: str, visible: bool = True) -> widgets.DOMWidget:
    """Give a control an accessible name: its description (a ``<label>`` tied to it). ``visible=False``
    keeps the label for screen readers only (zero width), where the text beside it already says it."""
    control.description = name
    control.style.description_width = "initial" if visible else "0px"
    return control
