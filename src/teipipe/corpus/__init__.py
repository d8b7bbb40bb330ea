"""Corpus-level passes: functions from all TEI trees of a corpus to new trees, run in order.

They work on the TEI (not the Document model) because what they add, @xml:id,
@corresp and correspContext, relates files to each other and only exists once every
file has been written. Each pass takes `{name: tree}` and returns a new mapping
without touching its input; the build runs them before the TEI is written.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from .align import align_translations
from .context import link_correspondence

Trees = dict[str, etree._ElementTree]
CorpusPass = Callable[[Trees], Trees]

# Order matters: alignment first gives paragraphs their ids; the context pass only adds refs.
PASSES: list[tuple[str, CorpusPass]] = [
    ("align-translations", align_translations),
    ("correspondence-context", link_correspondence),
]


def run(trees: Trees) -> Trees:
    for _name, corpus_pass in PASSES:
        trees = corpus_pass(trees)
    return trees
