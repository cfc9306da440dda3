"""The code-free Voila apps (notebooks/app/*.ipynb, ``make app``) and the static site
(``python -m helpers.classroom site --out DIR``), in Chromium.

Voila: each app loads with its widgets rendered, shows no code, and responds the way a student
expects (choose an actor → other sentences highlighted; move a slider, lock, reveal → sliders
disabled and the outcomes shown). The expected number of widgets is read from the HTML Voila sent
(one ``application/vnd.jupyter.widget-view+json`` output per widget displayed).

Site: built once per session into a temporary folder and served by ``python -m http.server`` on a
free loopback port (the ``site`` fixture of conftest.py, shared with test_site_offline_text.py and
test_accessibility.py). index.html and every page it links load (HTTP 200); each figure has alt text and the pages
have at least as many figures as their notebook shows (``show_figure`` calls); every internal link
(``a[href]`` that is not http(s)/mailto/#) answers HTTP 200. The browser is kept off the network
(everything not on 127.0.0.1 is aborted), so CDN scripts fail quietly, as they would offline.

Parts a colleague has not delivered yet are skipped with the reason, never passed.
"""

from __future__ import annotations

import functools
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import nbformat
import pytest

from .course_ui import (
    COURSE_NOTEBOOKS,
    COURSE_SEED,
    dropdown_labels,
    highlighted_sentences,
    joined_text,
    scroll_to,
    use_actor_explorer,
    use_forecast,
    wait_text_change,
)
from .lab import (
    REPO_ROOT,
    WIDGET_MIME,
    VoilaServer,
    error_outputs,
    screenshot,
    unrendered_widgets,
    wait_widgets,
    widget_count,
)

pytestmark = pytest.mark.browser

APP_DIR = REPO_ROOT / "notebooks" / "app"
APPS = {
    "actor_explorer": ".course-actor-explorer",
    "forecast": ".course-question:has(.widget-slider)",
    "compare": ".course-compare-app",
}


def keep_off_network(page) -> None:
    """Abort every request that does not go to 127.0.0.1 (CDN scripts, fonts)."""

    def handle(route):
        host = urllib.parse.urlsplit(route.request.url).hostname
        if route.request.url.startswith("data:") or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)


# --------------------------------------------------------------------------------------------
# (a) Voila apps
# --------------------------------------------------------------------------------------------


@functools.cache
def actor_oracle() -> list[tuple[str, tuple[str, ...]]]:
    import helpers
    from helpers.lessons import positions

    explorer = positions.ActorExplorer(helpers.load_article(str(COURSE_SEED)))
    return [(label, tuple(explorer.sentence_ids(actor_id))) for label, actor_id in explorer.actor.options]


def use_actor_app(page) -> float:
    oracle = actor_oracle()
    explorer = page.locator(".course-actor-explorer").first
    select = explorer.locator(".widget-dropdown select").first
    labels = [t.replace("\xa0", " ") for t in dropdown_labels(select)]
    assert labels == [label for label, _ in oracle], (labels, oracle)
    assert highlighted_sentences(explorer.element_handle()) == list(oracle[0][1])
    target = next(i for i, (_, ids) in enumerate(oracle) if set(ids) != set(oracle[0][1]))
    result = use_actor_explorer(page, dropdown_labels(select)[target])
    assert result.after == list(oracle[target][1]), (result.after, oracle[target])
    return result.round_trip_s


def give_name(page, name: str) -> None:
    """Voilà has no login: the app asks for the student's name before the first answer (each name its own file)."""
    prompt = page.locator(".course-name-prompt").first
    scroll_to(prompt)
    prompt.locator("input").fill(name)
    prompt.get_by_role("button", name="Start").click()
    page.wait_for_function(
        "() => { const t = [...document.querySelectorAll('.widget-slider .noUi-target')];"
        " return t.length > 0 && t.every(e => !e.hasAttribute('disabled')); }",
        timeout=30_000,
        polling=50,
    )


def use_forecast_app(page) -> float:
    give_name(page, "Zoë Ångström")
    result = use_forecast(page)
    assert result.before != result.after, "the slider did not move"
    assert all(s["disabled"] for s in result.details["states_after"]), result.details["states_after"]
    assert result.after in result.details["lock_message"], result.details["lock_message"]
    assert "mid-December 2025" in result.details["text"]
    return result.round_trip_s


def use_compare_app(page) -> float:
    """Choose another text B; the comparison names the new pair and its tables change."""
    app = page.locator(".course-compare-app").first
    scroll_to(app)
    second = app.locator(".widget-dropdown select").nth(1)
    labels = [t.replace("\xa0", " ") for t in dropdown_labels(second)]
    current = second.evaluate("s => s.options[s.selectedIndex].textContent").replace("\xa0", " ")
    target = next(label for label in reversed(labels) if label.endswith(".txt") and label != current)
    root = app.element_handle()
    before = joined_text(root, ".course-scroll")
    assert "Text A" in (app.text_content() or "") and before, "the app shows no comparison at first"
    t0 = time.perf_counter()
    second.select_option(label=dropdown_labels(second)[labels.index(target)])
    after = wait_text_change(page, root, ".course-scroll", before)
    round_trip = time.perf_counter() - t0
    assert target.removesuffix(".txt") in (app.text_content() or ""), "the status does not name the new text B"
    assert after != before
    return round_trip


USE_APP = {"actor_explorer": use_actor_app, "forecast": use_forecast_app, "compare": use_compare_app}


@pytest.mark.timeout(240)
@pytest.mark.parametrize("app", list(APPS))
def test_voila_app(app, page, tmp_path, timings):
    path = APP_DIR / f"{app}.ipynb"
    if not path.exists():
        pytest.skip(f"{path.relative_to(REPO_ROOT)} does not exist yet (the Voila app is a colleague's part)")
    answers = tmp_path / "answers"
    answers.mkdir()
    keep_off_network(page)
    with VoilaServer(path, env={"COURSE_ANSWERS_DIR": str(answers)}) as voila:
        t0 = time.perf_counter()
        response = page.goto(voila.url, wait_until="domcontentloaded", timeout=120_000)
        assert response is not None and response.status == 200, response and response.status
        expected = response.text().count(WIDGET_MIME)  # widget outputs Voila rendered into the page
        assert expected >= 1, "Voila's page holds no widget output"
        page.locator(APPS[app]).first.wait_for(timeout=90_000)
        wait_widgets(page, minimum=expected, timeout=60_000)
        t_load = timings("load", time.perf_counter() - t0)
        assert widget_count(page) >= expected
        assert unrendered_widgets(page) == [], unrendered_widgets(page)
        assert error_outputs(page) == [], error_outputs(page)

        # no code: no code input area, no editor, no source text
        assert page.locator(".jp-CodeCell .jp-InputArea:visible, .jp-InputArea-editor").count() == 0
        body = page.locator("body").text_content() or ""
        source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        for line in (ln.strip() for ln in source.splitlines()):
            if len(line) > 12:
                assert line not in body, f"code is visible in the app: {line!r}"

        round_trip = timings("round_trip", USE_APP[app](page))
        assert error_outputs(page) == [], error_outputs(page)
        if app == "forecast":  # the forecasts are saved and locked; choosing an actor saves nothing
            saved = [p.relative_to(answers).as_posix() for p in answers.rglob("*.json")]
            assert any(p.startswith("Zo") and "/" in p for p in saved), f"no answers file under the name: {saved}"
        scroll_to(page.locator(APPS[app]).first)
        screenshot(page, f"voila-{app}")
        print(
            f"\nvoila {app}: load {t_load:.2f} s ({widget_count(page)} widget views, {expected} displayed), "
            f"round trip {round_trip * 1000:.0f} ms"
        )
        assert page.page_errors == [], page.page_errors


# --------------------------------------------------------------------------------------------
# (b) static site
# --------------------------------------------------------------------------------------------


def expected_figures(page_file: str) -> int:
    """How many figures the page's notebook shows: its code cells that call ``show_figure``."""
    nb_path = REPO_ROOT / "notebooks" / (Path(page_file).stem + ".ipynb")
    if not nb_path.exists():
        return 0
    nb = nbformat.read(nb_path, as_version=4)
    return sum(
        1
        for c in nb.cells
        if c.cell_type == "code" and "show_figure(" in c.source and "solution" not in c.metadata.get("tags", [])
    )


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=15) as r:
            return r.status
    except urllib.error.HTTPError as error:
        return error.code


_JS_PAGE = """() => ({
  imgs: [...document.querySelectorAll('img')].map(i => ({src: (i.getAttribute('src') || '').slice(0, 60),
                                                         alt: (i.getAttribute('alt') || '').trim()})),
  links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
})"""


def internal(href: str) -> bool:
    return not re.match(r"^(https?:|mailto:|#|//)", href, re.I)


@pytest.mark.timeout(240)
def test_static_site(page, site, timings):
    timings("build", site["build_s"])
    keep_off_network(page)
    t0 = time.perf_counter()
    response = page.goto(site["base"] + "index.html", wait_until="load")
    assert response is not None and response.status == 200
    index = page.evaluate(_JS_PAGE)
    pages = [h for h in index["links"] if internal(h)]
    course = sorted(p.stem for p in (REPO_ROOT / "notebooks").glob("[0-9]*.ipynb"))
    assert set(COURSE_NOTEBOOKS) <= set(course)
    assert sorted(Path(p).stem for p in pages) == course, pages

    problems, report = [], []
    for href in pages:
        url = urllib.parse.urljoin(site["base"], href)
        response = page.goto(url, wait_until="load")
        status = response.status if response else None
        if status != 200:
            problems.append(f"{href}: HTTP {status}")
            continue
        try:  # the widget JavaScript is the site's own: widgets render with the network cut off
            page.locator(".jupyter-widgets").first.wait_for(timeout=20_000)
        except Exception:
            problems.append(f"{href}: no widget rendered (offline)")
        info = page.evaluate(_JS_PAGE)
        want = expected_figures(href)
        if len(info["imgs"]) < max(want, 0):
            problems.append(f"{href}: {len(info['imgs'])} img, the notebook shows {want} figure(s)")
        if want >= 1 and not info["imgs"]:
            problems.append(f"{href}: no figure")
        no_alt = [i["src"] for i in info["imgs"] if not i["alt"]]
        if no_alt:
            problems.append(f"{href}: img without alt text: {no_alt}")
        errors = error_outputs(page)
        if errors:
            problems.append(f"{href}: error outputs: {errors}")
        broken = {}
        for link in dict.fromkeys(h for h in info["links"] if internal(h)):
            target = urllib.parse.urljoin(url, link).split("#")[0]
            code = http_status(target)
            if code != 200:
                broken[link] = code
        if broken:
            problems.append(f"{href}: internal links that do not resolve: {broken}")
        report.append(
            f"{href}: {len(info['imgs'])} img (notebook shows {want}), "
            f"{sum(internal(h) for h in info['links'])} internal link(s)"
        )
    timings("load_all_pages", time.perf_counter() - t0)
    screenshot(page, "site-last-page")
    print(f"\nsite built in {site['build_s']:.1f} s; " + "; ".join(report))
    assert problems == [], "static site problems:\n" + "\n".join(problems)


@pytest.mark.timeout(240)
def test_site_checks_fail_on_a_broken_link(page, site_copy):
    """The link check can fail: a page with a link to a file that is not in the site gets 404. The page
    is added to a copy of the site (``site_copy``), so the shared build stays as it was built."""
    extra = site_copy["dir"] / "broken_on_purpose.html"
    extra.write_text("<a href='missing.ipynb'>x</a>", encoding="utf-8")
    url = site_copy["base"] + "broken_on_purpose.html"
    page.goto(url)
    links = page.evaluate(_JS_PAGE)["links"]
    assert links == ["missing.ipynb"]
    assert http_status(urllib.parse.urljoin(url, links[0])) == 404
