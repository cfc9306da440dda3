"""Headlines and dates read on the cited pages themselves (``source_pages.csv``, issue 10).

The rules: a citation that lacks a title or a date gets the page's own; one that has them keeps its own;
notebooks 0-3 never show the headline of a page dated after the article (nor of an undated page); every
recorded page is one the course cites; a row records something and says when it was read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from helpers.curated import REFERENCE_DATE, fact_citation, load_table, page_label, source_pages, validate_curated
from helpers.curated.pages import page_date, with_page
from tests.curated.test_citations import citations_by_url
from tests.curated.test_curated import copy_data

URL = "https://news.example.org/2024/05/31/story"


def _pages(**row: str) -> dict[str, dict[str, str]]:
    base = {"url": URL, "title": "", "date": "", "date_kind": "", "publisher": "", "read_on": "2026-12-06"}
    return {URL: base | {"note": ""} | row}


def test_a_citation_without_title_or_date_gets_the_pages_own() -> None:
    pages = _pages(title="Officials: limited use allowed", date="2024-05-31", date_kind="published")
    assert with_page(f"LBC (Reuters), {URL}", pages) == (
        f'LBC (Reuters), "Officials: limited use allowed", 31 May 2024, {URL}'
    )


def test_a_citation_keeps_its_own_title_and_date() -> None:
    pages = _pages(title="The page's headline", date="2024-05-31", date_kind="published")
    own_title = f'LBC, "The sheet\'s title", {URL}'
    assert with_page(own_title, pages) == f'LBC, "The sheet\'s title", 31 May 2024, {URL}'
    own_date = f"LBC, 1 Jun 2024, {URL}"
    assert with_page(own_date, pages) == f'LBC, 1 Jun 2024, "The page\'s headline", {URL}'


def test_a_citation_of_an_unrecorded_page_or_without_an_address_is_unchanged() -> None:
    pages = _pages(title="Headline", date="2024-05-31", date_kind="published")
    assert with_page("LBC, https://other.example.org/x", pages) == "LBC, https://other.example.org/x"
    assert with_page("Fact sheet, item 6", pages) == "Fact sheet, item 6"


def test_a_date_that_is_not_the_publication_date_says_what_it_is() -> None:
    assert page_date({"date": "2025-03-01", "date_kind": "updated"}) == "updated 1 Mar 2025"
    assert page_date({"date": "2024-11-20", "date_kind": "aired"}) == "aired 20 Nov 2024"
    assert page_date({"date": "", "date_kind": ""}) == ""


def test_before_the_article_only_pages_dated_by_then_are_shown() -> None:
    day = date(2024, 11, 18)
    earlier = _pages(title="Earlier headline", date="2024-11-18", date_kind="published")
    later = _pages(title="Kursk retaken", date="2025-04-26", date_kind="published")
    undated = _pages(title="Summit ends without a deal")
    assert page_label(URL, earlier, known_by=day) == '"Earlier headline", 18 Nov 2024'
    assert page_label(URL, later, known_by=day) == ""
    assert page_label(URL, undated, known_by=day) == ""
    assert page_label(URL, later) == '"Kursk retaken", 26 Apr 2025'
    assert with_page(f"KI, {URL}", later, known_by=day) == f"KI, {URL}"


def test_before_the_article_a_date_the_citation_states_counts_for_an_undated_page() -> None:
    day = date(2024, 11, 18)
    undated = _pages(title="Biden to tap more vets")
    assert with_page(f"Politico, 5 Jan 2021, {URL}", undated, known_by=day) == (
        f'Politico, 5 Jan 2021, "Biden to tap more vets", {URL}'
    )
    assert with_page(f"Politico, 5 January 2025, {URL}", undated, known_by=day) == f"Politico, 5 January 2025, {URL}"
    assert with_page(f"Politico, {URL}", undated, known_by=day) == f"Politico, {URL}"


def test_fact_citation_adds_the_pages_headline_and_notebooks_0_to_3_hide_later_pages() -> None:
    pages = source_pages()
    cited = {fid: fact_citation(fid) for fid in load_table("facts")["fact_id"]}
    late = [
        (fid, url)
        for fid, citation in cited.items()
        for url, row in pages.items()
        if url in citation and row["date"] > REFERENCE_DATE.isoformat()
    ]
    fid, url = late[0]
    title = pages[url]["title"]
    full, early = fact_citation(fid), fact_citation(fid, known_by=REFERENCE_DATE)
    assert url in full and url in early
    assert page_date(pages[url]) in full and page_date(pages[url]) not in early
    if title and f'"{title}"' in full:
        assert title not in early


def test_the_lbc_citation_reads_as_a_reader_would_cite_it() -> None:
    citation = fact_citation("B7")
    assert '"US officials: Biden allows Ukraine limited use of US arms to strike inside Russia", 31 May 2024' in (
        citation
    )


def test_every_recorded_page_is_cited_by_the_course() -> None:
    cited = set(citations_by_url())
    orphans = [url for url in source_pages() if url not in cited]
    assert orphans == [], f"source_pages.csv records pages no table cites: {orphans}"


def test_recorded_pages_hold_a_headline_or_a_date_and_say_when_they_were_read() -> None:
    table = load_table("source_pages")
    assert len(table) >= 50
    assert (table["read_on"] != "").all()
    assert ((table["title"] != "") | (table["date"] != "")).all()
    assert validate_curated() == []


def _write(folder: Path, row: dict[str, str]) -> None:
    path = folder / "source_pages.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    pd.concat([table, pd.DataFrame([{column: "" for column in table.columns} | row])]).to_csv(path, index=False)


def test_the_checker_reports_an_empty_row_a_bad_date_and_a_date_without_its_kind(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    _write(folder, {"url": "https://a.example.org/1", "read_on": "2026-12-06"})
    _write(folder, {"url": "https://a.example.org/2", "title": "T", "date": "19/11/2024", "date_kind": "published"})
    _write(folder, {"url": "https://a.example.org/3", "date": "2024-11-19", "read_on": "2026-12-06"})
    _write(folder, {"url": "a.example.org/4", "title": "T", "read_on": "2026-12-06"})
    problems = "\n".join(validate_curated(folder))
    assert "neither a headline nor a date" in problems
    assert "'19/11/2024' is not a date" in problems
    assert "column 'read_on'" in problems  # row 2 has no read_on: a required cell
    assert "give a date kind" in problems
    assert "'a.example.org/4' is not a web address" in problems


def test_a_folder_without_the_table_still_cites(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "source_pages.csv").unlink()
    assert fact_citation("B7", folder).startswith("facts B7: LBC (Reuters), https://")
    assert any("source_pages.csv" in problem for problem in validate_curated(folder))
