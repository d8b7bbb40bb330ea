"""The site and the TEI of a new project (corpus/ only, no schema of its own): no dead link on
any page, xml-model hrefs that resolve, the edition's publisher in the TEI, the register in
surname order, pages of removed letters gone."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib

from support.outputs_paths import REPO
from teipipe.machinery import steps as build
from teipipe.project.layout import Project
from teipipe.project.register import Entry

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XHTML = "{http://www.w3.org/1999/xhtml}"


def _local_links(page: Path) -> list[str]:
    tree = html5lib.parse(page.read_text(encoding="utf-8"), treebuilder="lxml")
    found = []
    for element in tree.getroot().iter():
        for attribute in ("href", "src"):
            value = element.get(attribute) if isinstance(element.tag, str) else None
            if value and not urlsplit(value).scheme and not value.startswith("#"):
                found.append(unquote(urlsplit(value).path))
    return found


def test_no_page_of_a_new_project_links_to_a_missing_file(built: build.BuildResult) -> None:
    site = built.project.build / "site"
    assert (site / "schema" / "reference.html").is_file()
    dead = [f"{page.relative_to(site)} → {link}" for page in sorted(site.rglob("*.html"))
            for link in _local_links(page) if not (page.parent / link).exists()]
    assert dead == []


def test_xml_model_hrefs_resolve_in_a_new_project(built: build.BuildResult) -> None:
    for tei in built.tei_files:
        head = tei.read_text(encoding="utf-8")[:600]
        hrefs = re.findall(r'<\?xml-model href="([^"]+)"', head)
        assert len(hrefs) == 2, tei.name
        for href in hrefs:
            assert (tei.parent / href).is_file(), (tei.name, href)


def test_register_in_surname_order(built: build.BuildResult) -> None:
    page = (built.project.build / "site" / "register" / "index.html").read_text(encoding="utf-8")
    tree = html5lib.parse(page, treebuilder="lxml")
    people = tree.getroot().xpath("//*[local-name()='h2'][1]/following-sibling::*[1]"
                                  "//*[local-name()='a']/text()")
    assert "Victor Serge" in people and "Leon Trotsky" in people
    assert people.index("Victor Serge") < people.index("Leon Trotsky")
    keys = [Entry("person", "x", name).sort_key()[0] for name in people]
    assert keys == sorted(keys)


def test_sort_keys() -> None:
    assert Entry("person", "a", "Victor Serge").sort_key()[0] == "serge victor"
    assert Entry("person", "a", "Beer-Hofmann, Richard").sort_key()[0] == "beer-hofmann richard"
    assert Entry("person", "a", "Émile Zola").sort_key()[0] == "zola emile"
    assert Entry("person", "a", "Charles de Gaulle", sort="Gaulle, Charles de").sort_key()[0] \
        == "gaulle, charles de"
    assert Entry("place", "a", "New York").sort_key()[0] == "new york"


def test_publisher_reaches_the_tei_and_stale_pages_go(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    names = ["1936-07-30_trotsky-to-serge_fr", "1939-02_serge-and-editors_letter-and-some-notes_en"]
    for name in names:
        for suffix in (".txt", ".toml"):
            source = REPO / "corpus" / "texts" / f"{name}{suffix}"
            if source.is_file():
                shutil.copy2(source, corpus / "texts" / source.name)
    shutil.copy2(REPO / "corpus" / "register.toml", corpus / "register.toml")
    (corpus / "edition.toml").write_text(
        '[edition]\ntitle = "Lettres"\npublisher = "Éditions de l’Exemple"\n'
        'base_url = "https://lettres.edition.fr/"\ndate = "2024-03-01"\nlanguage = "fr"\n',
        encoding="utf-8")
    project = Project(tmp_path)
    state = build.build(project, check=False, stream=StringIO())
    assert not state.failed, [d.format() for d in state.diagnostics]
    for tei in state.tei_files:
        assert "<publisher>Éditions de l’Exemple</publisher>" in tei.read_text(encoding="utf-8")
    pages = project.build / "site" / "letters"
    assert (pages / f"{names[1]}.html").is_file()
    # the site's own pages speak the edition's language
    index = (project.build / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in index and "Index du corpus" in index
    assert ">30 juillet 1936</time>" in index and "Expéditeur" in index
    for path in (corpus / "texts").glob(f"{names[1]}.*"):
        path.unlink()
    state = build.build(project, check=False, stream=StringIO())
    assert not state.failed
    assert not (pages / f"{names[1]}.html").exists()
    assert (pages / f"{names[0]}.html").is_file()


def test_dates_written_out_in_each_language() -> None:
    from teipipe.publish.labels import labels
    assert labels("fr").date("1936-07-30") == "30 juillet 1936"
    assert labels("fr").date("1936-07-01") == "1er juillet 1936"
    assert labels("de-AT").date("1936-07-30") == "30. Juli 1936"
    assert labels("es").date("1939-02") == "febrero de 1939"
    assert labels("en").date("1936") == "1936"
    assert labels("pl").language == "en" and labels("pl").date("1936-07-30") == "30 July 1936"
    assert labels("de").date("1936-13-01") == "1936-13-01"
