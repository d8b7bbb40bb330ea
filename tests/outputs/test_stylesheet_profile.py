"""A project's own stylesheet is the one that runs, and the one the cache key hashes.

A project puts `xslt/tei-to-html.xsl` beside its corpus; it may build on teipipe's
own stylesheet by importing it through the static parameter `teipipe-xslt`.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from teipipe.machinery.settings import BuildSettings
from teipipe.machinery.steps import build
from teipipe.project.layout import Project
from teipipe.publish.transform import STYLESHEETS, Stylesheets

HOUSE_STYLE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="xs">
  <xsl:param name="teipipe-xslt" static="yes" as="xs:string" select="''"/>
  <xsl:import _href="{$teipipe-xslt}tei-to-html.xsl"/>
  <xsl:template match="/">
    <xsl:comment>the edition's house style</xsl:comment>
    <xsl:next-match/>
  </xsl:template>
</xsl:stylesheet>
"""
LETTER = "Paris, 3 March 1937\n\nDear friend,\n\nThe papers came today.\n\nYours, Victor\n"


def _project(root: Path, house_style: bool) -> Project:
    (root / "corpus" / "texts").mkdir(parents=True)
    (root / "corpus" / "texts" / "letter.txt").write_text(LETTER, encoding="utf-8")
    if house_style:
        (root / "xslt").mkdir()
        (root / "xslt" / "tei-to-html.xsl").write_text(HOUSE_STYLE, encoding="utf-8")
    return Project(root)


def test_the_projects_stylesheet_makes_the_reading_page(tmp_path: Path) -> None:
    own, plain = _project(tmp_path / "own", True), _project(tmp_path / "plain", False)
    for project in (own, plain):
        state = build(project, check=False, stream=io.StringIO(), use_cache=False)
        assert not state.failed, [d.format() for d in state.diagnostics]
    page = (own.build / "site" / "letters" / "letter.html").read_text(encoding="utf-8")
    shipped = (plain.build / "site" / "letters" / "letter.html").read_text(encoding="utf-8")
    assert "<!--the edition's house style-->" in page
    assert "house style" not in shipped
    assert page.replace("<!--the edition's house style-->", "") == shipped  # the rest: teipipe's


def test_the_cache_key_follows_the_stylesheets_that_run(tmp_path: Path) -> None:
    project = _project(tmp_path / "own", True)
    settings = BuildSettings.of(project)
    assert settings.stylesheets.path("tei-to-html.xsl") == project.xslt / "tei-to-html.xsl"
    assert settings.stylesheets.path("tei-to-text.xsl") == STYLESHEETS / "tei-to-text.xsl"
    before = settings.cache_key()
    (project.xslt / "tei-to-html.xsl").write_text(HOUSE_STYLE.replace("house", "own"),
                                                  encoding="utf-8")
    assert settings.cache_key() != before


def test_without_its_own_stylesheets_the_key_hashes_teipipes(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    shutil.copytree(STYLESHEETS, shipped)
    project = _project(tmp_path / "plain", False)
    settings = BuildSettings.of(project)
    assert settings.stylesheets == Stylesheets(None)
    mine = BuildSettings(project, stylesheets=Stylesheets(None, shipped))
    before = mine.cache_key()
    (shipped / "tei-to-html.xsl").write_text("changed", encoding="utf-8")
    assert mine.cache_key() != before
