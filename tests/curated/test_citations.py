"""Canonical citations (issue 10): every source the course cites is the original, never a copy on a proxy,
mirror, flashcard, document-dump or shadow-library host; every bibliography row gives publisher, title, date
and an address (URL, DOI or ISBN); the primary source in ``seeds/sources/`` is the unchanged White House
transcript and does not change which article the course opens.

Each check is also run on a copy of the data with one bad row put back, to prove it would fail.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from helpers.curated import REFERENCE_DATE, load_table, source_pages, validate_curated
from helpers.curated.pages import STATED_DATE, title_in
from helpers.paths import curated_dir, default_seed
from tests.curated.test_curated import FACTS_MD, assert_reported, copy_data, edit_cell

ROOT = Path(__file__).resolve().parents[2]

#: Hosts a newsroom would not accept as the source of anything: proxies, mirrors, flashcards, document
#: dumps, shadow libraries, paper aggregators and sites that copy other outlets' reports. A subdomain of a
#: listed host is banned too (``pl.scribd.com``).
BANNED_HOSTS: dict[str, str] = {
    # web proxies, readers and paywall removers
    "webproxy.stealthy.co": "web proxy",
    "1.800.gay": "web proxy",
    "translate.goog": "translation proxy",
    "translate.google.com": "translation proxy",
    "translate.yandex.net": "translation proxy",
    "r.jina.ai": "reader proxy",
    "12ft.io": "paywall remover",
    "archive.ph": "archive copy",
    "archive.today": "archive copy",
    "archive.is": "archive copy",
    "archive.li": "archive copy",
    "archive.md": "archive copy",
    "web.archive.org": "archive copy (cite the original while it exists)",
    # mirrors
    "omega.jstor.org": "JSTOR mirror host",
    "profilbaru.com": "Wikipedia mirror",
    "probsee.com": "wiki mirror",
    "wikiwand.com": "Wikipedia mirror",
    "dcyh5l5lgidpq.cloudfront.net": "RFE/RL mirror",
    "stage.edge.org": "staging copy of edge.org",
    # flashcards and homework sites
    "brainscape.com": "flashcards",
    "quizlet.com": "flashcards",
    "cram.com": "flashcards",
    "studocu.com": "homework dump",
    "coursehero.com": "homework dump",
    "studylib.net": "document dump",
    # document dumps
    "scribd.com": "document dump",
    "fdocuments.in": "document dump",
    "fdocuments.net": "document dump",
    "vdocuments.mx": "document dump",
    "documents.pub": "document dump",
    "readkong.com": "document dump",
    "docplayer.net": "document dump",
    "yumpu.com": "document dump",
    "issuu.com": "document dump",
    "issuhub.com": "document dump",
    "pdfcoffee.com": "document dump",
    "dokumen.pub": "document dump",
    "doku.pub": "document dump",
    "kupdf.net": "document dump",
    "epdf.pub": "document dump",
    "123docz.net": "document dump",
    "slideshare.net": "document dump",
    "vlex.com": "reposted journal articles",
    # shadow libraries and download sites
    "zlibrary.cc": "shadow library",
    "z-lib.org": "shadow library",
    "libgen.rs": "shadow library",
    "pdfdrive.com": "download site",
    "download-pdf-free-ebooks.firebaseapp.com": "download site",
    # paper aggregators
    "paperexplained.cn": "paper aggregator",
    # fan and student wikis
    "fandom.com": "fan wiki",
    # sites that copy other outlets' reports (the fact sheet's "copies"; cite the outlet's own page)
    "orrao.com": "copy of a BBC report",
    "journosnews.com": "copy of a BBC report",
    "tmynewspaper.com": "copy of a BBC live page",
    "cnnworldtoday.com": "copy of a CNN live page",
    "faulknernewsnetwork.online": "copy of a Washington Examiner report",
    "1375.topnews.com": "copy of a Mirror report",
    "mynrination.com": "copy of a Reuters report",
    "exbulletin.com": "copy of a CBS report",
    "am1.news": "copy of a Le Monde report",
    "funandflip.com": "copy of an AFP report",
    "elrisala.com": "copy of a Daily Mail report",
    "avice.org": "copy of a DOD News report",
    "tacticsinstitute.com": "copy of an AP report",
    "winenfood.com": "machine-generated content (fact C26)",
}

#: Where the course now cites an original instead of a copy listed in the fact sheet: original → copy.
#: (Originals that are books, papers or the primary source are in bibliography.csv instead.)
ORIGINALS_OF_COPIES: dict[str, str] = {
    "https://www.rferl.org/a/trump-putin-ukraine-war-talks-deal-jeddah-concessions-minerals/33343776.html": (
        "https://dcyh5l5lgidpq.cloudfront.net/amp/trump-putin-ukraine-war-talks-deal-jeddah-concessions-minerals/33343776.html"
    ),
    "https://www.edge.org/memberbio/philip_tetlock": "https://stage.edge.org/memberbio/philip_tetlock",
    "https://en.wikipedia.org/wiki/The_Good_Judgment_Project": "https://profilbaru.com/en/The_Good_Judgment_Project",
}

URL = re.compile(r"https?://[^\s\"'<>)\]|`]+", re.I)
IP_HOST = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
PRIMARY = ROOT / "seeds" / "sources" / "2024-11-18_finer_press_gaggle_rio.md"
WHITE_HOUSE = (
    "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2024/11/18/"
    "on-the-record-press-gaggle-by-deputy-national-security-advisor-jon-finer-on-the-presidents-engagements-at-the-g20-summit/"
)

#: Tables whose rows cite a source by URL, and the column that names the publisher.
CITING_TABLES = {
    "events": "source",
    "troop_estimates": "citation",
    "forecast_questions": "source",
    "translations": "outlet",
}


def banned_reason(url: str) -> str | None:
    """Why ``url`` may not be cited (its host is a proxy, mirror, dump …), or None if it may."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return "not a valid URL"
    if IP_HOST.match(host) and not host.startswith("127."):
        return "a bare IP address (a copy; cite the site's own address)"
    if any(label.endswith("proxy") or label.startswith("proxy") for label in host.split(".")):
        return "web proxy"
    for banned, reason in BANNED_HOSTS.items():
        if host == banned or host.endswith("." + banned):
            return reason
    return None


def scanned_files(root: Path) -> list[Path]:
    """The course's data, notebooks and docs: where a citation can appear."""
    files = sorted((root / "seeds" / "curated").glob("*.csv"))
    files += sorted((root / "seeds").rglob("*.md"))
    files += sorted((root / "notebooks").glob("*.ipynb"))
    files += sorted((root / "docs").glob("*.md"))
    files += [root / "README.md"]
    return [path for path in files if path.is_file()]


def text_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":  # every cell's source and any output, as text (no JSON escapes in URLs)
        cells = json.loads(text)["cells"]
        return "\n".join(
            "".join(cell["source"]) + json.dumps(cell.get("outputs", []), ensure_ascii=False) for cell in cells
        )
    return text


def banned_urls(root: Path) -> list[str]:
    """Every URL in the scanned files whose host is banned, as 'file: url (reason)'."""
    found = []
    for path in scanned_files(root):
        for url in URL.findall(text_of(path)):
            reason = banned_reason(url)
            if reason:
                found.append(f"{path.relative_to(root)}: {url} ({reason})")
    return found


# ------------------------------------------------------------------------------------ banned hosts


@pytest.mark.parametrize(
    "url",
    [
        "http://webproxy.stealthy.co/index.php?q=https%3A%2F%2Fwww.economist.com%2Fbriefing",
        "https://slave2.omega.jstor.org/stable/j.ctt5vm52s",
        "https://profilbaru.com/en/The_Good_Judgment_Project",
        "https://paperexplained.cn/articles/paper/detail/0b4a1ef5",
        "https://www.readkong.com/page/the-psychology-of-intelligence-analysis-drivers-of-9000065",
        "https://fdocuments.in/document/structured-analysis-of-competing.html",
        "https://brainscape.com/flashcards/competing-hypothesis-2324118/packs/4101201",
        "https://pl.scribd.com/document/397929026/ACH",
        "https://quizlet.com/123/flashcards",
        "https://www.studocu.com/en-us/document/x",
        "https://archive.ph/AbCdE",
        "https://web.archive.org/web/2024/https://www.bbc.com/news",
        "https://www-bbc-com.translate.goog/news?_x_tr_sl=en",
        "https://r.jina.ai/https://example.org/",
        "https://12ft.io/https://www.economist.com/",
        "http://47.251.13.51:8081/24659192",
        "https://some.proxyhost.example/page",
        "https://orrao.com/russia-vows-tangible-response-if-us-missiles-used-against-its-territory",
    ],
)
def test_the_detector_catches_proxy_mirror_and_dump_hosts(url: str) -> None:
    assert banned_reason(url)


@pytest.mark.parametrize(
    "url",
    [
        WHITE_HOUSE,
        "https://www.economist.com/briefing/2022/03/19/the-risk-of-escalation-past-the-nuclear-threshold",
        "https://www.jstor.org/stable/j.ctt5vm52s",
        "https://doi.org/10.1037/xap0000040",
        "https://pubmed.ncbi.nlm.nih.gov/24659192/",
        "https://kyivindependent.com/ukraine-marks-1000-days-war/",
        "https://www.cia.gov/resources/csi/books-monographs/psychology-of-intelligence-analysis-2",
    ],
)
def test_the_detector_lets_originals_through(url: str) -> None:
    assert banned_reason(url) is None


def test_no_data_notebook_or_doc_cites_a_banned_host() -> None:
    assert banned_urls(ROOT) == []


def test_the_scan_covers_data_notebooks_docs_and_readme() -> None:
    names = {str(path.relative_to(ROOT)) for path in scanned_files(ROOT)}
    assert "seeds/curated/facts.csv" in names and "README.md" in names
    assert any(name.startswith("notebooks/") for name in names)
    assert any(name.startswith("docs/") for name in names)


@pytest.mark.parametrize(
    ("relative", "old", "new"),
    [
        # the fact sheet's proxy copy of The Economist, back in facts.csv
        (
            "seeds/curated/facts.csv",
            "https://www.economist.com/briefing/2022/03/19/",
            "http://webproxy.stealthy.co/index.php?q=https%3A%2F%2Fwww.economist.com%2Fbriefing%2F2022%2F03%2F19%2F",
        ),
        # the JSTOR mirror, back in the notebook's references
        ("notebooks/04_escalation.ipynb", "https://www.jstor.org/stable/", "https://slave2.omega.jstor.org/stable/"),
        # B10's BBC copy, back in events.csv
        ("seeds/curated/events.csv", WHITE_HOUSE, "https://orrao.com/russia-vows-tangible-response"),
    ],
)
def test_a_bad_row_put_back_is_caught(tmp_path: Path, relative: str, old: str, new: str) -> None:
    for part in ("seeds", "notebooks", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    assert banned_urls(tmp_path) == []
    path = tmp_path / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = banned_urls(tmp_path)
    assert found and all(relative in line for line in found), found


# ------------------------------------------------------------------- complete source rows


def test_every_bibliography_row_has_publisher_title_date_and_an_address() -> None:
    table = load_table("bibliography")
    assert len(table) >= 10
    for row in table.to_dict("records"):
        assert row["publisher"].strip() and row["title"].strip(), row["source_id"]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"].strip()), row["source_id"]
        address = row["url"].strip() or row["doi"].strip() or row["isbn"].strip()
        assert address, f"{row['source_id']}: give the original URL, or a DOI or ISBN"
        if row["url"].strip():
            assert row["url"].startswith(("https://", "http://")) and banned_reason(row["url"]) is None
        if row["doi"].strip():
            assert row["url"].startswith("https://doi.org/10."), f"{row['source_id']}: link the DOI itself"


def test_the_books_and_papers_the_notebooks_cite_have_a_doi_or_isbn() -> None:
    table = load_table("bibliography").set_index("source_id")
    for source_id in (
        "kahn_on_escalation",
        "schelling_arms_and_influence",
        "brier_1950",
        "tetlock_expert_political_judgment",
        "mellers_2014_psychological_science",
        "mellers_2015_jep_applied",
    ):
        assert table.loc[source_id, "doi"] or table.loc[source_id, "isbn"], source_id


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("publisher", "", "'publisher'"),
        ("title", "", "'title'"),
        ("date", "", "'date'"),
        ("date", "19 Nov 2024", "not a publication date"),
        ("url", "www.whitehouse.gov", "not a web address"),
        ("isbn", "978-0-300-14337-0", "not a valid ISBN"),
        ("doi", "doi:10.1037/xap0000040", "not a DOI"),
    ],
)
def test_a_bibliography_row_with_a_gap_is_reported(tmp_path: Path, column: str, value: str, expected: str) -> None:
    folder = copy_data(tmp_path)
    assert validate_curated(folder) == []
    row = list(load_table("bibliography")["source_id"]).index("schelling_arms_and_influence")
    edit_cell(folder, "bibliography", row, column, value)
    assert_reported(validate_curated(folder), "bibliography.csv", f"row {row + 2}", expected)


def test_a_bibliography_row_without_any_address_is_reported(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    row = list(load_table("bibliography")["source_id"]).index("tetlock_expert_political_judgment")
    edit_cell(folder, "bibliography", row, "isbn", "")
    assert_reported(validate_curated(folder), "bibliography.csv", f"row {row + 2}", "no address")


def _fact_urls() -> dict[str, bool]:
    facts = load_table("facts")
    return {fid: bool(re.search(r"https?://", sources)) for fid, sources in zip(facts["fact_id"], facts["sources"])}


def cited_row_problems(folder: Path | None = None) -> list[str]:
    """Rows of the citing tables without a publisher or with a URL that is not an original web address."""
    has_url = _fact_urls()
    problems = []
    for name, publisher in CITING_TABLES.items():
        table = load_table(name, folder)
        for i, row in enumerate(table.to_dict("records"), start=2):
            url = str(row["url"]).strip()
            where = f"{name}.csv row {i}"
            if not str(row[publisher]).strip():
                problems.append(f"{where}: no publisher in '{publisher}'")
            if url:
                if not url.startswith(("https://", "http://")):
                    problems.append(f"{where}: {url!r} is not a web address")
                elif banned_reason(url):
                    problems.append(f"{where}: {url} is a copy ({banned_reason(url)})")
                continue
            fact_id = str(row["fact_id"] if "fact_id" in row else row["fact_ids"]).split(";")[0].strip()
            note = str(row.get("note", "")) + " " + str(row[publisher])
            cites_article = str(row[publisher]).startswith("this article")
            if has_url.get(fact_id) and not cites_article and "no link is given" not in note:
                problems.append(f"{where}: no URL although fact {fact_id} has one")
    return problems


def test_every_cited_source_row_names_its_publisher_and_an_original_url() -> None:
    assert cited_row_problems() == []


def test_a_cited_row_that_loses_its_url_or_gets_a_copy_is_caught(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    events = list(load_table("events")["event_id"])
    edit_cell(folder, "events", events.index("E031"), "url", "https://journosnews.com/russia-threatens-retaliation")
    edit_cell(folder, "translations", 1, "url", "")
    problems = cited_row_problems(folder)
    assert any("events.csv" in p and "journosnews" in p for p in problems), problems
    assert any("translations.csv row 3" in p and "no URL" in p for p in problems), problems


def test_urls_new_to_the_fact_sheet_are_originals_of_its_copies() -> None:
    """A URL in facts.csv that the shared fact sheet does not list replaces one of its copies."""
    if not FACTS_MD.is_file():
        pytest.skip("the shared fact sheet is only present in the authoring workspace")
    sheet = FACTS_MD.read_text(encoding="utf-8")
    bibliography = " ".join(" ".join(row) for row in load_table("bibliography").astype(str).values.tolist())
    for sources in load_table("facts")["sources"]:
        for url in re.findall(r"https?://\S+", sources):
            if url in sheet or url in bibliography:
                continue
            assert url in ORIGINALS_OF_COPIES, f"{url} is neither in the fact sheet nor in bibliography.csv"
            copy = ORIGINALS_OF_COPIES[url]
            assert copy in sheet and banned_reason(copy), copy


# ------------------------------------------------------------------------ the primary source


def test_the_primary_source_is_the_unchanged_white_house_transcript() -> None:
    data = PRIMARY.read_bytes()
    readme = (ROOT / "seeds" / "sources" / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in readme
    assert WHITE_HOUSE in readme and "The White House" in readme and "18 Nov 2024" in readme
    assert f"source_url: {WHITE_HOUSE}" in data.decode("utf-8")
    shared = ROOT.parent / "shared" / "sources" / PRIMARY.name
    if shared.is_file():
        assert shared.read_bytes() == data


def test_the_primary_source_does_not_change_the_course_article() -> None:
    from helpers.lessons.context.start import available_articles

    assert default_seed().name == "000_0c51e7aa6578d068.txt"
    # other articles may sit beside the course article (the transcript too, as a practice article):
    # the course article stays the default and stays the first seed
    assert sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0] == "000_0c51e7aa6578d068.txt"
    assert not any("sources" in seed for seed in available_articles()["SEED"])


def test_b10_and_e031_cite_the_primary_source() -> None:
    facts = load_table("facts").set_index("fact_id")
    assert WHITE_HOUSE in facts.loc["B10", "sources"]
    assert "orrao" not in facts.loc["B10", "sources"] and "not confirming any decisions" in facts.loc["B10", "fact"]
    events = load_table("events").set_index("event_id")
    assert events.loc["E031", "url"] == WHITE_HOUSE
    bibliography = load_table("bibliography").set_index("source_id")
    assert bibliography.loc["whitehouse_finer_gaggle", "url"] == WHITE_HOUSE


# ----------------------------------------------------------------------- rows the issue names


def test_notebook_0_does_not_promise_a_source_for_every_glossary_line() -> None:
    notebook = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    if load_table("glossary")["source"].str.contains("general definition").any():
        assert "never adds a fact without a source" not in markdown
        assert "general definition" in markdown


def test_caveat_x7_on_source_quality_is_shown_in_notebook_1() -> None:
    glossary = load_table("glossary")
    assert glossary["fact_ids"].str.contains(r"\bX7\b").any()
    notebook = json.loads((ROOT / "notebooks" / "01_context.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    assert "context.glossary_table()" in code and "context.references_table()" in code
    from helpers.lessons.context import references_table

    assert "X7" in set(references_table()["fact_id"])


def test_e036_title_and_url_are_the_same_article() -> None:
    row = load_table("events").set_index("event_id").loc["E036"]
    assert "West marks 1,000 days" in row["source"]
    assert (
        row["url"]
        == "https://kyivindependent.com/west-marks-1-000-days-of-russias-full-scale-war-with-solidarity-with-ukraine/"
    )


def test_e052_and_e058_state_no_more_than_their_facts() -> None:
    events = load_table("events").set_index("event_id")
    assert "any ceasefire" not in events.loc["E052", "detail"]  # C14 records a partial pause
    assert not events.loc["E058", "detail"].startswith("Never")  # C15: the outcome is unverified
    assert "unverified" in events.loc["E058", "detail"]


def _date_in_url(url: str) -> date | None:
    match = re.search(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/", url)
    return date(int(match[1]), int(match[2]), int(match[3])) if match else None


def test_no_forecast_reveal_cites_a_source_published_before_its_outcome() -> None:
    """The page's own date where source_pages.csv has it, else the date in its address."""
    pages = source_pages()
    for row in load_table("forecast_questions").to_dict("records"):
        page = pages.get(row["url"], {"date": "", "date_kind": ""})
        own = page["date"] if page["date_kind"] == "published" else ""
        published = date.fromisoformat(own) if own else _date_in_url(row["url"])
        if published is None:
            continue
        window_end = REFERENCE_DATE + timedelta(days=int(row["window_days"]))
        outcome_known = window_end if row["resolution"] == "no" else REFERENCE_DATE
        assert published >= outcome_known, (row["question_id"], row["url"])


def test_the_check_catches_the_old_q5_source() -> None:
    old = "https://www.abc.net.au/news/2024-11-07/when-does-trump-become-president-explainer/104571630"
    assert _date_in_url(old) == date(2024, 11, 7) < REFERENCE_DATE + timedelta(days=63)


def test_ceasefire_questions_say_what_counts() -> None:
    questions = load_table("forecast_questions").set_index("question_id")["question"]
    assert "general ceasefire" in questions["q5"] and "general ceasefire" in questions["q6"]
    assert "do not count" in questions["q6"]


def test_glossary_claims_only_what_its_facts_say() -> None:
    glossary = load_table("glossary").set_index("term")["definition"]
    assert not glossary["deterrence"].startswith("Thomas Schelling's word")
    assert "British name" not in glossary["Storm Shadow / SCALP-EG"]


def test_finers_reported_words_are_not_shown_as_a_quote() -> None:
    actor = load_table("actors").set_index("actor_id").loc["jon_finer", "description"]
    coding = load_table("reference_coding")
    rationale = coding.loc[coding["speaker_id"] == "jon_finer", "rationale"].iloc[0]
    for text in (actor, rationale):
        assert not re.search(r"[\"“]\s*(Washington )?would respond", text), text


def test_the_curated_folder_is_the_course_folder() -> None:
    assert curated_dir() == ROOT / "seeds" / "curated"
    assert isinstance(load_table("bibliography"), pd.DataFrame)


# ------------------------------------------------------------------- titles of cited sources

#: Tables whose rows cite a source by URL: table → (column with the citation text, column with the URL).
#: ``facts.csv`` is read separately: its ``sources`` cell holds several ``;``-separated citations with URLs.
CITATION_COLUMNS: dict[str, tuple[str, str]] = {
    "events": ("source", "url"),
    "troop_estimates": ("citation", "url"),
    "forecast_questions": ("source", "url"),
    "translations": ("outlet", "url"),
}

#: A URL in a ``facts.csv`` citation: up to the next space (a DOI's parentheses are part of it).
CITED_URL = re.compile(r"https?://\S+")
#: How many distinct cited URLs have a full title recorded (bibliography.csv, the citation text or the page's own
#: headline in source_pages.csv) and how many have a stated date. Raise them when titles or dates are added.
#: Titles come only from the course fact sheet (facts.md) or from the page itself, never from the URL's words.
#: Measured on 6 Dec 2026: 147 distinct cited URLs; 12 with a title and 16 with a date from the fact sheet and
#: bibliography; with the headlines and dates read on the pages themselves, 62 with a title and 71 with a date.
TITLED_URL_FLOOR = 62
DATED_URL_FLOOR = 71


def citations_by_url(folder: Path | None = None) -> dict[str, list[str]]:
    """Every distinct URL the curated tables cite, with the citation texts that cite it."""
    cited: dict[str, list[str]] = {}
    for name, (text_column, url_column) in CITATION_COLUMNS.items():
        for row in load_table(name, folder).to_dict("records"):
            url = str(row[url_column]).strip()
            if url:
                cited.setdefault(url, []).append(str(row[text_column]))
    for sources in load_table("facts", folder)["sources"]:
        for part in str(sources).split(" ; "):
            for url in CITED_URL.findall(part):
                cited.setdefault(url.rstrip(".,;"), []).append(part)
    for row in load_table("bibliography", folder).to_dict("records"):
        if str(row["url"]).strip():
            cited.setdefault(str(row["url"]).strip(), [])
    return cited


def citation_record(folder: Path | None = None) -> pd.DataFrame:
    """One row per cited URL: its title and its stated date, from bibliography.csv, a citation text or the
    page itself (source_pages.csv), in that order."""
    bibliography = {
        str(row["url"]).strip(): row for row in load_table("bibliography", folder).to_dict("records") if row["url"]
    }
    pages = source_pages(folder)
    rows = []
    for url, texts in sorted(citations_by_url(folder).items()):
        entry = bibliography.get(url)
        page = pages.get(url, {"title": "", "date": ""})
        titles = [t for t in map(title_in, texts) if t] + [page["title"].strip()]
        dates = [m[1] for text in texts for m in [STATED_DATE.search(text)] if m] + [page["date"].strip()]
        rows.append(
            {
                "url": url,
                "title": str(entry["title"]) if entry else next(filter(None, titles), ""),
                "date": str(entry["date"]) if entry else next(filter(None, dates), ""),
                "in_bibliography": entry is not None,
            }
        )
    return pd.DataFrame(rows, columns=["url", "title", "date", "in_bibliography"])


def test_the_title_parser_reads_titles_and_skips_quotes_and_cut_titles() -> None:
    assert title_in('Kyiv Independent, "Ukraine marks 1,000 days of war", https://x.org/') == (
        "Ukraine marks 1,000 days of war"
    )
    assert title_in('KYMA (AP), "A Russian missile kills 11", 18 Nov 2024, https://x.org/') == (
        "A Russian missile kills 11"
    )
    assert title_in('Kyiv Independent ("maximum range of 300 kilometers (190 miles)"), https://x.org/') is None
    assert title_in('CTV/AP: Putin\'s doctrine signing "comes on the 1,000th day", https://x.org/') is None
    assert title_in('"West marks 1,000 days…", https://x.org/') is None
    assert title_in("Politico, 5 Jan 2021, https://x.org/") is None


def test_the_date_parser_reads_the_sources_date_not_an_events_date() -> None:
    def stated(text: str) -> str | None:
        match = STATED_DATE.search(text)
        return match[1] if match else None

    assert stated("Politico, 5 Jan 2021, https://x.org/") == "5 Jan 2021"
    assert stated("Just the News (AP), published 17 Nov 2024 3:52pm, https://x.org/") == "17 Nov 2024"
    assert stated("CNN live 11 Jul 2023, https://x.org/") == "11 Jul 2023"
    assert stated("Kyiv Independent (dated ~18–19 Oct 2024 in the fact sheet)") is None
    assert stated("RFE/RL (reports the pause being lifted on 11 Mar 2025; fact C12)") is None
    assert stated("DW live blog 13 Nov") is None


def test_the_number_of_cited_urls_with_a_title_and_a_date_does_not_drop() -> None:
    record = citation_record()
    untitled = record.loc[record["title"] == "", "url"].tolist()
    undated = record.loc[record["date"] == "", "url"].tolist()
    titled, dated = len(record) - len(untitled), len(record) - len(undated)
    assert titled >= TITLED_URL_FLOOR, (
        f"only {titled} of {len(record)} cited URLs have a title (floor {TITLED_URL_FLOOR}); "
        "give the fact sheet's title (bibliography.csv) or the page's own headline (source_pages.csv). "
        "URLs without a title:\n" + "\n".join(untitled)
    )
    assert dated >= DATED_URL_FLOOR, (
        f"only {dated} of {len(record)} cited URLs have a stated date (floor {DATED_URL_FLOOR}). "
        "URLs without a date:\n" + "\n".join(undated)
    )


def test_a_lost_title_takes_the_count_below_the_floor(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    before = (citation_record(folder)["title"] != "").sum()
    assert before >= TITLED_URL_FLOOR
    row = list(load_table("bibliography")["source_id"]).index("dod_news_north_korean_troops_kursk")
    edit_cell(folder, "bibliography", row, "url", "")
    facts = list(load_table("facts")["fact_id"])
    edit_cell(folder, "facts", facts.index("B4"), "sources", "DOD News, https://www.defense.gov/News/")
    after = citation_record(folder)
    assert (after["title"] != "").sum() == before - 1
    assert "https://www.defense.gov/News/" in after.loc[after["title"] == "", "url"].tolist()


def _words(title: str) -> list[str]:
    return re.findall(r"\w+", title.lower())


def test_one_url_carries_one_title() -> None:
    """The same address is never cited under two different titles (E036 once had another article's title)."""
    bibliography = {row["url"]: row["title"] for row in load_table("bibliography").to_dict("records") if row["url"]}
    pages = {url: row["title"] for url, row in source_pages().items() if row["title"]}
    for url, texts in citations_by_url().items():
        titles = {t for t in map(title_in, texts) if t}
        assert len(titles) <= 1, (url, titles)
        if titles and url in pages:  # the page's own headline and the fact sheet's title are the same words
            assert _words(next(iter(titles))) == _words(pages[url]), (url, titles, pages[url])
        if titles and url in bibliography:
            title = titles.pop()
            assert title in bibliography[url] or bibliography[url] in title, (url, title, bibliography[url])


def test_titles_in_the_data_are_the_fact_sheets_titles_for_the_same_url() -> None:
    """A title quoted in facts.csv for a URL is the one the shared fact sheet gives for that URL, unless the
    row is in bibliography.csv (whose note says where its title comes from)."""
    if not FACTS_MD.is_file():
        pytest.skip("the shared fact sheet is only present in the authoring workspace")
    sheet = FACTS_MD.read_text(encoding="utf-8")
    bibliography = {row["url"] for row in load_table("bibliography").to_dict("records") if row["url"]}
    for url, texts in citations_by_url().items():
        for title in {t for t in map(title_in, texts) if t}:
            if url in bibliography:
                continue
            assert f'"{title}", {url}' in sheet, f"{url}: the title {title!r} is not the fact sheet's"


#: What the ``note`` of a bibliography row says when its title was taken from the course fact sheet.
FACT_SHEET_TITLE_NOTE = "title from the course fact sheet, facts.md"


def fact_sheet_title_problems(folder: Path | None = None) -> list[str]:
    """Bibliography rows that say their title comes from the fact sheet, but whose title facts.csv (the fact
    sheet's verbatim copy) does not give, in full, for the same URL."""
    titles = {url: {t for t in map(title_in, texts) if t} for url, texts in citations_by_url(folder).items()}
    problems = []
    for row in load_table("bibliography", folder).to_dict("records"):
        if FACT_SHEET_TITLE_NOTE in str(row["note"]) and row["title"] not in titles.get(row["url"], set()):
            problems.append(f"{row['source_id']}: the fact sheet gives no title {row['title']!r} for {row['url']}")
    return problems


def test_titles_said_to_come_from_the_fact_sheet_do() -> None:
    assert fact_sheet_title_problems() == []


def test_a_title_not_in_the_fact_sheet_is_caught(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "bibliography.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    base = {column: "" for column in table.columns}
    good = base | {
        "source_id": "kyiv_independent_1000_days",
        "publisher": "Kyiv Independent",
        "title": "Ukraine marks 1,000 days of war",
        "date": "2024",
        "url": "https://kyivindependent.com/ukraine-marks-1000-days-war/",
        "fact_ids": "A1",
        "note": FACT_SHEET_TITLE_NOTE,
    }
    # test data only: the fact sheet gives this article no date, so the shipped bibliography has no row for it
    guessed = good | {  # a title read off the URL's slug, which the fact sheet does not give
        "source_id": "kyiv_independent_west_marks",
        "title": "West marks 1,000 days of Russia's full-scale war with solidarity with Ukraine",
        "url": "https://kyivindependent.com/west-marks-1-000-days-of-russias-full-scale-war-with-solidarity-with-ukraine/",
        "fact_ids": "A2",
    }
    pd.concat([table, pd.DataFrame([good, guessed])]).to_csv(path, index=False)
    problems = fact_sheet_title_problems(folder)
    assert len(problems) == 1 and "kyiv_independent_west_marks" in problems[0], problems
