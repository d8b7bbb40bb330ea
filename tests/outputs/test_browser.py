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
from teipipe.build import steps as build

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

    dates = column(0)
    assert dates == sorted(dates, key=lambda d: d or "9999")  # readable without the script
    browser.find_element(By.CSS_SELECTOR, "th[data-key='sender'] button").click()
    senders = column(2)
    assert senders == sorted(senders)
    browser.find_element(By.CSS_SELECTOR, "th[data-key='sender'] button").click()
    assert column(2) == sorted(senders, reverse=True)
    browser.save_screenshot(str(ARTIFACTS / "index.png"))
    _assert_clean(browser)
