"""Accessibility audit with axe-core (npm, pinned by tests/browser/axe/package-lock.json).

``make test`` runs ``npm ci`` in tests/browser/axe; the script is injected from there by Playwright
(``page.add_script_tag(path=...)``), so nothing is fetched from a CDN at test time.

:func:`audit` runs ``axe.run`` with the WCAG 2 A and AA rules on the whole page and splits every
violation's elements into the course's own (inside a notebook output area, or anywhere on a page
the course generates) and the host's (JupyterLab's or Voila's own interface), so the course can be
held to zero serious or critical violations without hiding what the host gets wrong.

:func:`audit_notebook_in_lab` is the whole audit of one course notebook in JupyterLab (both themes,
buttons' contrast, choice options at 768 px); test_course_notebooks.py runs it in the page it has
opened and run, so each notebook is opened once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .lab import ARTIFACTS_DIR, SCREENSHOT_DIR

AXE_DIR = Path(__file__).resolve().parent / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa"]
SERIOUS = ("serious", "critical")
#: Where the course's own output lives in JupyterLab and Voila (everything else there is the host's).
COURSE_SCOPE_LAB = ".jp-OutputArea-output"
REPORT_PATH = ARTIFACTS_DIR / "axe-report.json"
#: The two window sizes of issue 11: a school Chromebook and a tablet held upright.
VIEWPORTS = {"1366x768": {"width": 1366, "height": 768}, "768x1024": {"width": 768, "height": 1024}}

# JupyterLab draws cells with ``content-visibility: auto``: cells outside the window are not laid
# out, and axe cannot compute their colours. A student scrolls to every cell; the audit draws them all.
_DRAW_EVERY_CELL = ".jp-Cell, .jp-WindowedPanel-viewport > * { content-visibility: visible !important; }"

_RUN_JS = """async ([tags, scope]) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, elementRef: true,
                                          resultTypes: ['violations']});
  const inScope = n => !scope || !!(n.element && n.element.closest && n.element.closest(scope));
  const incomplete = {};
  for (const v of result.incomplete) {
    const k = v.nodes.filter(inScope).length;
    if (k) incomplete[v.id] = k;
  }
  const passes = result.passes.reduce((a, v) => a + v.nodes.filter(inScope).length, 0);
  return {incomplete, passes, violations: result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({
      target: n.target.map(String).join(' '),
      html: n.html.slice(0, 300),
      summary: (n.failureSummary || '').slice(0, 400),
      course: inScope(n),
    })),
  }))};
}"""


# WCAG 2 relative luminance and contrast; each colour is blended over the first opaque background
# found going up the tree (semi-transparent theme colours such as rgba(0,0,0,.87) included).
CONTRAST_JS = """(selectors) => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(s => parseFloat(s)); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = el => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const out = {};
  for (const sel of selectors) {
    const ratios = [];
    for (const el of document.querySelectorAll(sel)) {
      if (!el.closest('.jp-OutputArea-output')) continue;
      const bg = background(el);
      const fg = over(parse(getComputedStyle(el).color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      ratios.push(Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100);
    }
    out[sel] = ratios;
  }
  return out;
}"""

#: Buttons the course shows, enabled (ipywidgets' coloured button styles are not all readable).
BUTTONS = ".jupyter-button:not(:disabled)"


def low_contrast(page, selectors: list[str], minimum: float = 4.5) -> dict[str, list[float]]:
    """``{selector: [ratios below minimum]}`` for the course's elements (inside output areas)."""
    ratios = page.evaluate(CONTRAST_JS, selectors)
    return {
        sel: [r for r in values if r < minimum] for sel, values in ratios.items() if any(r < minimum for r in values)
    }


@dataclass
class Violation:
    rule: str
    impact: str
    help: str
    targets: list[dict] = field(default_factory=list)


@dataclass
class AuditResult:
    name: str
    course: list[Violation]
    host: list[Violation]
    #: ``{rule: elements}`` axe could not decide in the course's part (e.g. colours over an image)
    incomplete: dict[str, int] = field(default_factory=dict)
    #: checks passed by elements in the course's part (0 would mean the audit saw none of it)
    passes: int = 0

    def serious(self, which: str = "course") -> dict[str, int]:
        """``{rule: number of elements}`` of the serious and critical violations."""
        found = self.course if which == "course" else self.host
        return {v.rule: len(v.targets) for v in found if v.impact in SERIOUS}

    def describe(self, which: str = "course") -> str:
        found = self.course if which == "course" else self.host
        lines = []
        for v in found:
            if v.impact not in SERIOUS:
                continue
            lines.append(f"{v.rule} ({v.impact}, {len(v.targets)} element(s)): {v.help}")
            for t in v.targets[:6]:
                lines.append(f"    {t['target']}: {t['html'][:160]}")
                if t["summary"]:
                    lines.append("      " + t["summary"].replace("\n", " | ")[:300])
        return "\n".join(lines)

    def as_json(self) -> dict:
        def rows(found: list[Violation]) -> list[dict]:
            return [
                {
                    "rule": v.rule,
                    "impact": v.impact,
                    "help": v.help,
                    "elements": len(v.targets),
                    "nodes": v.targets[:20],
                }
                for v in found
            ]

        return {
            "course_serious": self.serious("course"),
            "host_serious": self.serious("host"),
            "course_incomplete": self.incomplete,
            "course_passes": self.passes,
            "course": rows(self.course),
            "host": rows(self.host),
        }


def axe_available() -> str | None:
    """None when axe-core is installed, else how to install it."""
    if AXE_JS.exists():
        return None
    return (
        f"axe-core is not installed: run `npm ci --prefix {AXE_DIR.relative_to(AXE_DIR.parents[2])}` (make test does)"
    )


def draw_every_cell(page):
    """Lay out every cell (see ``_DRAW_EVERY_CELL``); returns the style element (``.evaluate("e => e.remove()")``)."""
    return page.add_style_tag(content=_DRAW_EVERY_CELL)


def set_theme(page, dark: bool) -> None:
    """Switch JupyterLab's theme (Settings > Theme) and wait until the body says so."""
    name = "JupyterLab Dark" if dark else "JupyterLab Light"
    page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})", name)
    page.wait_for_function(
        "d => document.body.dataset.jpThemeLight === (d ? 'false' : 'true')", arg=dark, timeout=30_000
    )
    page.wait_for_timeout(500)  # the theme's stylesheet is applied after the attribute changes


def first_course_widget(page) -> str:
    for selector in (".course-question", ".course-actor-explorer", ".course-timeline-explorer", ".jupyter-widgets"):
        if page.locator(selector).count():
            return selector
    return ".jp-Notebook"


def audit(page, name: str, scope: str | None = None) -> AuditResult:
    """Run axe-core (WCAG 2 A and AA) on the page. ``scope`` is the CSS selector of the course's
    own part of the page (None: the whole page is the course's). Records the result in
    test-artifacts/axe-report.json under ``name``."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    found = page.evaluate(_RUN_JS, [AXE_TAGS, scope])
    raw = found["violations"]
    course: list[Violation] = []
    host: list[Violation] = []
    for v in raw:
        mine = [n for n in v["nodes"] if n["course"]]
        theirs = [n for n in v["nodes"] if not n["course"]]
        if mine:
            course.append(Violation(v["id"], v["impact"] or "", v["help"], mine))
        if theirs:
            host.append(Violation(v["id"], v["impact"] or "", v["help"], theirs))
    result = AuditResult(name, course, host, found["incomplete"], found["passes"])
    record(result)
    return result


def record(result: AuditResult) -> None:
    """Add one audit to test-artifacts/axe-report.json (keyed by name; other entries are kept)."""
    try:
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        data = json.loads(REPORT_PATH.read_text(encoding="utf-8")) if REPORT_PATH.exists() else {}
    except (OSError, ValueError):
        data = {}
    data[result.name] = result.as_json()
    try:
        REPORT_PATH.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass


def screenshots_at_both_sizes(
    page, name: str, focus_selector: str | None = None, full_page: bool = False
) -> list[Path]:
    """Screenshots at 1366x768 and 768x1024 in test-artifacts/screenshots/<name>-<size>.png; the
    window size is restored afterwards. ``focus_selector``: scroll that element to the top first."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    before = page.viewport_size
    paths = []
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_")
    try:
        for size, viewport in VIEWPORTS.items():
            page.set_viewport_size(viewport)
            page.wait_for_timeout(300)  # let the layout settle after the resize (no assertion on time)
            if focus_selector and page.locator(focus_selector).count():
                page.locator(focus_selector).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            path = SCREENSHOT_DIR / f"{safe}-{size}.png"
            page.screenshot(path=str(path), full_page=full_page)
            paths.append(path)
    finally:
        if before:
            page.set_viewport_size(before)
    return paths


def overlapping_choices(page) -> list[str]:
    """Radio options whose text overflows its row (a long label wrapped in a fixed-height row runs into the
    next option): the first words of each. Every radio group is scrolled into view first."""
    found: list[str] = []
    for box in page.locator(".widget-radio-box").all():
        box.scroll_into_view_if_needed()
        found += box.evaluate(
            """b => [...b.querySelectorAll('label')]
                 .filter(l => l.clientHeight > 0 && l.scrollHeight > l.clientHeight + 1)
                 .map(l => l.textContent.trim().slice(0, 40))"""
        )
    return found


def audit_notebook_in_lab(page, name: str) -> list[str]:
    """Audit the course notebook ``name`` already opened and run in ``page`` (JupyterLab): axe-core
    and the buttons' contrast in the light theme, then in the dark theme (screenshots of both), then
    choice options that run into each other at 768 px. Returns the problems found (empty: none),
    each saying which theme or check it comes from. Leaves the page as it found it: light theme, the
    same window size, cells drawn as JupyterLab draws them."""
    reason = axe_available()
    if reason:
        return [reason]
    problems = []
    style = draw_every_cell(page)
    before = page.viewport_size
    try:
        for dark in (False, True):
            theme = "dark" if dark else "light"
            if dark:
                set_theme(page, True)
            result = audit(page, f"lab/{name}/{theme}", scope=COURSE_SCOPE_LAB)
            print(
                f"\n{name} ({theme}): course {result.serious('course')} (undecided {result.incomplete}, "
                f"passes {result.passes}); JupyterLab {result.serious('host')}"
            )
            if result.serious("course"):
                problems.append(f"{theme} theme:\n{result.describe('course')}")
            if low := low_contrast(page, [BUTTONS]):
                problems.append(f"{theme} theme: buttons below 4.5:1: {low}")
            screenshots_at_both_sizes(page, f"lab-{name}-{theme}", focus_selector=first_course_widget(page))
        set_theme(page, False)
        page.set_viewport_size(VIEWPORTS["768x1024"])  # a tablet: long options wrap
        if overlapping := overlapping_choices(page):
            problems.append(f"options that run into each other at 768 px: {overlapping}")
    finally:
        if before:
            page.set_viewport_size(before)
        style.evaluate("e => e.remove()")
    return problems
