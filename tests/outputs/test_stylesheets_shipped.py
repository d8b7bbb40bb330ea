"""The package reaches the project's xslt/ folder, and a wheel would carry every stylesheet."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from support.outputs_paths import REPO
from teipipe.publish import transform


def test_package_folder_is_the_project_folder() -> None:
    # one source of truth: teipipe/xslt is a link to xslt/, not a copy
    assert transform.STYLESHEETS.resolve() == (REPO / "xslt").resolve()


def test_every_registered_stylesheet_exists_and_is_package_data() -> None:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["teipipe"]
    for output in [*transform.OUTPUTS.values(), transform.PARALLEL, transform.SITE_PAGE]:
        assert (transform.STYLESHEETS / output.stylesheet).is_file()
        assert any(fnmatch(f"xslt/{output.stylesheet}", p) for p in patterns)


def test_interface_labels_are_package_data_and_complete() -> None:
    from lxml import etree
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["teipipe"]
    assert any(fnmatch("xslt/labels.xml", p) for p in patterns)
    labels = etree.parse(str(transform.STYLESHEETS / "labels.xml")).getroot()
    english = {k for k in labels.xpath("language[@ident='en']/label/@key")}
    for language in labels.iterfind("language"):
        assert set(language.xpath("label/@key")) == english, language.get("ident")
        assert len(language.findtext("months", "").split()) == 12
