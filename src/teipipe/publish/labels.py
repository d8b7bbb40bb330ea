"""The site's words in the edition's language, from the labels the stylesheets use
(xslt/labels.xml): one table for the reading pages and for the index and register pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lxml import etree

from ..xml import safexml
from .transform import STYLESHEETS

LABELS = STYLESHEETS / "labels.xml"
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Labels:
    """The words of one interface language. Immutable; share freely."""

    language: str
    """The language tag the labels are in (`en`, `fr`, `de`, ...)."""
    words: dict[str, str]
    months: tuple[str, ...]
    full: str
    """How a whole date is written: {d} day, {m} month name, {y} year."""
    month: str
    first: str
    """The form of the first day of a month, where it has its own (French `1er`)."""

    def __call__(self, key: str) -> str:
        return self.words.get(key, key)

    def date(self, iso: str) -> str:
        """A date written out (`30 juillet 1936`); what is no ISO date stays as it is."""
        found = _ISO.match(iso or "")
        if not found or (found.group(2) and not 1 <= int(found.group(2)) <= 12):
            return iso
        year, month, day = found.groups()
        if month is None:
            return year
        name = self.months[int(month) - 1]
        if day is None:
            return self.month.replace("{m}", name).replace("{y}", year)
        shown = self.first if int(day) == 1 and self.first else str(int(day))
        return self.full.replace("{d}", shown).replace("{m}", name).replace("{y}", year)


@cache
def _table() -> etree._Element:
    tree, problems = safexml.read(LABELS, LABELS.name)
    if tree is None:  # labels.xml ships with teipipe and is tested: a broken install
        raise RuntimeError(problems[0].format())
    return tree.getroot()


def available() -> tuple[str, ...]:
    return tuple(str(node.get("ident")) for node in _table().iterfind("language"))


@cache
def labels(language: str) -> Labels:
    """The labels of `language` (a tag such as `fr` or `de-AT`); English if there are none."""
    primary = (language or "en").replace("_", "-").split("-")[0].lower()
    chosen = primary if primary in available() else "en"
    node = _table().find(f"language[@ident='{chosen}']")
    english = _table().find("language[@ident='en']")
    assert node is not None and english is not None  # labels.xml is tested complete
    words = {str(e.get("key")): e.text or "" for e in english.iterfind("label")}
    words.update({str(e.get("key")): e.text or "" for e in node.iterfind("label")})
    form = node.find("date")
    return Labels(chosen, words, tuple((node.findtext("months") or "").split()),
                  form.get("full", "") if form is not None else "",
                  form.get("month", "") if form is not None else "",
                  form.get("first", "") if form is not None else "")
