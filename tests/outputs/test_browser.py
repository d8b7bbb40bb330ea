"""The built site in headless Chromium: notes, side by side, sorting, no network requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from support.outputs_paths import REPO
from teipipe.machinery import steps as build

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = REPO / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,900"]
EN = "1936-08-10_serge-to-trotsky_en"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.fail("Debian's chromium and chromium-driver are not installed: "
                    "`apt-get install chromium chromium-driver` (CI installs them)")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def _open(driver: webdriver.Chrome, built: build.BuildResult, page: str) -> None:
    driver.get((built.project.build / "site" / page).resolve().as_uri())


def _in_viewport(driver: webdriver.Chrome, element_id: str) -> bool:
    return bool(driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.top < window.innerHeight;", element_id))


def _assert_clean(driver: webdriver.Chrome) -> None:
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name);")
    assert all(name.startswith("file:") for name in resources), resources


def test_note_marker_and_back_link(browser: webdriver.Chrome, built: build.BuildResult) -> None:
    _open(browser, built, f"letters/{EN}.html")
    browser.find_element(By.ID, "ref-n3").click()
    assert browser.execute_script("return location.hash") == "#note-n3"
    assert _in_viewport(browser, "note-n3")
    browser.save_screenshot(str(ARTIFACTS / "note.png"))
    browser.find_element(By.CSS_SELECTOR, "#note-n3 a.backlink").click()
    assert browser.execute_script("return location.hash") == "#ref-n3"
    assert _in_viewport(browser, "ref-n3")
    _assert_clean(browser)


def test_letter_page_looks_like_a_letter(browser: webdriver.Chrome,
                                        built: build.BuildResult) -> None:
    _open(browser, built, f"letters/{EN}.html")
    browser.save_screenshot(str(ARTIFACTS / "letter.png"))
    facts = browser.find_element(By.CSS_SELECTOR, "header.facts").text
    assert "Victor Serge" in facts and "Leon Trotsky" in facts and "10 August 1936" in facts
    _assert_clean(browser)


def test_side_by_side_shows_both_languages(browser: webdriver.Chrome,
                                           built: build.BuildResult) -> None:
    _open(browser, built, f"letters/{EN}.parallel.html")
    browser.save_screenshot(str(ARTIFACTS / "parallel.png"))
    columns = browser.find_elements(By.CSS_SELECTOR, "article.column")
    assert [c.get_attribute("lang") for c in columns] == ["fr", "en"]
    assert columns[0].location["y"] == columns[1].location["y"]  # side by side, not stacked
    assert "Excusez-moi" in columns[0].text and "Excuse me" in columns[1].text
    _assert_clean(browser)


def test_index_sorts_on_header_click(browser: webdriver.Chrome, built: build.BuildResult) -> None:
    _open(browser, built, "index.html")

    def column(index: int) -> list[str]:
        return [row.find_elements(By.TAG_NAME, "td")[index].text
                for row in browser.find_elements(By.CSS_SELECTOR, "#corpus tbody tr")]

    dates = [row.get_attribute("data-date")
             for row in browser.find_elements(By.CSS_SELECTOR, "#corpus tbody tr")]
    assert dates == sorted(dates, key=lambda d: d or "9999")  # readable without the script
    assert "30 July 1936" in column(0)  # the corpus is mostly English: dates in English
    browser.find_element(By.CSS_SELECTOR, "th[data-key='sender'] button").click()
    senders = column(2)
    assert senders == sorted(senders)
    browser.find_element(By.CSS_SELECTOR, "th[data-key='sender'] button").click()
    assert column(2) == sorted(senders, reverse=True)
    browser.save_screenshot(str(ARTIFACTS / "index.png"))
    _assert_clean(browser)


FR = "1936-07-30_trotsky-to-serge_fr"
# Rectangles of the text and of the page labels, in the page's coordinates; a label
# overlaps when its box meets the box of any line of text outside it.
_OVERLAPS = """
const labels = [...document.querySelectorAll('.pb-n')].map(e => e.getBoundingClientRect());
const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
const text = [];
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim() || node.parentElement.closest('.pb-n')) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) text.push([r, node.textContent.trim().slice(0, 30)]);
}
const overlaps = [];
for (const l of labels) for (const [t, words] of text) {
  const w = Math.min(l.right, t.right) - Math.max(l.left, t.left);
  const h = Math.min(l.bottom, t.bottom) - Math.max(l.top, t.top);
  if (w > 0.5 && h > 0.5) overlaps.push(words);
}
return {labels: labels.length, overlaps: overlaps};
"""


def test_parallel_page_note_links_and_ids(browser: webdriver.Chrome,
                                          built: build.BuildResult) -> None:
    _open(browser, built, f"letters/{EN}.parallel.html")
    dead = browser.execute_script(
        "return [...document.querySelectorAll('a[href^=\"#\"]')]"
        ".map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1)));")
    assert dead == []
    duplicated = browser.execute_script(
        "const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
        "return ids.filter((id, i) => ids.indexOf(id) !== i);")
    assert duplicated == []
    markers = browser.find_elements(By.CSS_SELECTOR, "article.column a.noteref")
    assert len(markers) >= 2
    target = markers[-1].get_attribute("href").split("#")[1]
    markers[-1].click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    assert _in_viewport(browser, target)
    _assert_clean(browser)


@pytest.mark.parametrize("page", [f"letters/{FR}.html", f"letters/{EN}.parallel.html"])
@pytest.mark.parametrize("width", [1280, 700])
def test_page_labels_do_not_overlap_text(browser: webdriver.Chrome, built: build.BuildResult,
                                         page: str, width: int) -> None:
    browser.set_window_size(width, 900)
    try:
        _open(browser, built, page)
        measured = browser.execute_script(_OVERLAPS)
    finally:
        browser.set_window_size(1280, 900)
    assert measured["labels"] >= 2
    assert measured["overlaps"] == []


def test_dates_in_the_facts_stay_on_one_line(browser: webdriver.Chrome,
                                             built: build.BuildResult) -> None:
    browser.set_window_size(420, 900)
    try:
        _open(browser, built, f"letters/{FR}.html")
        lines = browser.execute_script(
            "return [...document.querySelectorAll('header.facts time')]"
            ".map(t => t.getClientRects().length);")
    finally:
        browser.set_window_size(1280, 900)
    assert lines and all(n == 1 for n in lines), lines


def test_french_letter_page_in_french(browser: webdriver.Chrome, built: build.BuildResult) -> None:
    _open(browser, built, f"letters/{FR}.html")
    browser.save_screenshot(str(ARTIFACTS / "letter-fr.png"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    facts = browser.find_element(By.CSS_SELECTOR, "header.facts").text
    assert "30 juillet 1936" in facts and "De" in facts.split() and "À" in facts.split()
    nav = browser.find_element(By.CSS_SELECTOR, "nav.site").text
    assert "Index du corpus" in nav
    _assert_clean(browser)


def test_german_letter_page_in_german(browser: webdriver.Chrome, tmp_path: Path) -> None:
    from support.outputs_paths import SHARED
    from teipipe.publish.transform import OUTPUTS, Transformer
    source = SHARED / "realworld" / "tei" / "schnitzler" / "L00591.xml"
    page = tmp_path / "letters" / "L00591.html"
    page.parent.mkdir()
    page.write_text(Transformer().apply_file(OUTPUTS["html"], source), encoding="utf-8")
    browser.get(page.as_uri())
    browser.save_screenshot(str(ARTIFACTS / "letter-de.png"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de-AT"
    facts = browser.find_element(By.CSS_SELECTOR, "header.facts").text
    assert "15. September 1896" in facts and "Von" in facts.split() and "An" in facts.split()
    assert "zwischen 16. September 1896 und 20. September 1896" in facts
    measured = browser.execute_script(_OVERLAPS)
    assert measured["labels"] >= 2 and measured["overlaps"] == []
