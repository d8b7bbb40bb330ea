"""The foreign-language pass: runs of words in another language become `foreign xml:lang`.

Evidence comes from word frequencies of each language (the `wordfreq`
package, which bundles frequency lists for many languages, so no lexicon is
kept here): a word votes for a language when it is far more common there than
in the document's language. A run of at least MIN_VOTES voting words for one
language, with nothing strongly of the document's language inside it, is a
foreign passage. Two-word loans (`en masse`) stay unmarked on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..language.letters import WordPattern
from ..language.lexicon import zipf
from ..model import Document, Foreign, Inline, Text
from ..walk import rewrite_document
from .base import Context

CANDIDATE_LANGUAGES = ("en", "fr", "de", "it", "es")
MIN_VOTES = 3
_VOTE_MARGIN = 1.5
_VOTE_FLOOR = 2.5
_WORD = WordPattern(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=65536)
def _frequencies(word: str) -> tuple[float, ...]:
    # Common words decide a passage's language, so the small lists do (and save memory).
    return tuple(zipf(word, lang, "small") for lang in CANDIDATE_LANGUAGES)


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    vote: str | None
    """The language this word votes for, if any."""
    native: bool
    """Clearly a word of the document's language: it ends any foreign run."""
    margins: tuple[float, ...] = ()
    """How much more common the word is in each candidate language than in the document's."""


@lru_cache(maxsize=131072)
def _judge(word: str, doc_lang: str) -> tuple[str | None, bool, tuple[float, ...]]:
    """A word's vote, whether it is native, and its margins (memoised: words repeat)."""
    scores = dict(zip(CANDIDATE_LANGUAGES, _frequencies(word), strict=True))
    own = scores.get(doc_lang, 0.0)
    others = {lang: score for lang, score in scores.items() if lang != doc_lang}
    best = max(others, key=lambda lang: others[lang])
    vote = best if others[best] >= _VOTE_FLOOR and others[best] - own >= _VOTE_MARGIN else None
    native = vote is None and own >= 3.0 and own >= others[best] + 0.5
    return vote, native, tuple(score - own for score in scores.values())


def _edges(run: Sequence[_Word], language: str) -> tuple[int, int, str]:
    """The run from its first voting word to its last, carried right over neutral words
    of three letters or more (`… of the union`, a name closing a title)."""
    voting = [index for index, word in enumerate(run) if word.vote]
    last = voting[-1]
    while last + 1 < len(run) and run[last + 1].end - run[last + 1].start >= 3:
        last += 1
    return run[voting[0]].start, run[last].end, language


def _runs(words: Sequence[_Word]) -> list[tuple[int, int, str]]:
    """Spans (start, end, language) of foreign runs in one text."""
    spans: list[tuple[int, int, str]] = []
    current: list[_Word] = []
    for word in [*words, _Word(0, 0, None, True)]:
        if not word.native:
            current.append(word)
            continue
        voting = [w for w in current if w.vote]
        if len(voting) >= MIN_VOTES:
            language = max(CANDIDATE_LANGUAGES, key=lambda lang: sum(
                w.margins[CANDIDATE_LANGUAGES.index(lang)] for w in voting))
            if sum(1 for w in voting if w.vote == language) >= MIN_VOTES - 1:
                spans.append(_edges(current, language))
        current = []
    return spans


# A foreign run never crosses quotation marks or punctuation: a title in quotes is
# one passage, the periodical named after the comma another.
_SEGMENT = re.compile(r"[^«»“”\"„,;:.()\[\]!?]+")


_VOTES: dict[str, dict[str, bool]] = {}
"""By document language: whether a word form (as written) votes for another language. That
depends on the word lists alone, so it is kept from text to text: a form is judged once a
process, and the forms of a text are looked up all at once, without a loop in Python."""
_VOTES_MAX = 100_000
"""Forms kept per language at most (about 10 MB): the memory of a long build stays flat."""


def _voting(forms: list[str], doc_lang: str) -> int:
    """How many of `forms` (repeats counted) vote for a language other than `doc_lang`."""
    known = _VOTES.setdefault(doc_lang, {})
    votes = list(map(known.get, forms))
    if None in votes:
        for index, word in enumerate(forms):
            if votes[index] is None:
                votes[index] = vote = _judge(word.lower(), doc_lang)[0] is not None
                if len(known) < _VOTES_MAX:
                    known[word] = vote
    return votes.count(True)


def _split(node: Text, doc_lang: str) -> list[Inline]:
    # No word crosses a segment's edge (the separators are neither letters nor
    # apostrophes), so a text with too few voting words in all is left as it is
    # without splitting it into segments: almost every text of a letter, most of them
    # without a single voting word.
    word = _WORD.of(node.text)
    if _voting(word.findall(node.text), doc_lang) < MIN_VOTES:
        return [node]
    spans: list[tuple[int, int, str]] = []
    for segment in _SEGMENT.finditer(node.text):
        matches = list(word.finditer(segment.group()))
        judged = [_judge(m.group().lower(), doc_lang) for m in matches]
        if sum(vote is not None for vote, _native, _margins in judged) < MIN_VOTES:
            continue  # most segments: too few voting words to hold a foreign run
        words = [_Word(m.start(), m.end(), vote, native, margins)
                 for m, (vote, native, margins) in zip(matches, judged, strict=True)]
        spans += [(start + segment.start(), end + segment.start(), language)
                  for start, end, language in _runs(words)]
    if not spans:
        return [node]
    out: list[Inline] = []
    position = 0
    for start, end, language in spans:
        if start > position:
            out.append(Text(node.text[position:start], node.loc.shifted(position)))
        out.append(Foreign(language, node.text[start:end], node.loc.shifted(start)))
        position = end
    if position < len(node.text):
        out.append(Text(node.text[position:], node.loc.shifted(position)))
    return out


def mark_foreign(doc: Document, ctx: Context) -> Document:
    """Foreign passages marked, and their languages added to the document's languages."""
    doc_lang = doc.meta.language
    if doc_lang not in CANDIDATE_LANGUAGES:
        return doc
    found: list[str] = []

    def rewrite(run: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in run:
            pieces = _split(node, doc_lang) if isinstance(node, Text) else [node]
            found.extend(p.lang for p in pieces if isinstance(p, Foreign))
            out.extend(pieces)
        return tuple(out)

    doc = rewrite_document(doc, rewrite)
    languages = list(doc.meta.languages or (doc_lang,))
    languages += sorted(set(found) - set(languages))
    return doc.with_(meta=replace(doc.meta, languages=tuple(languages)))
