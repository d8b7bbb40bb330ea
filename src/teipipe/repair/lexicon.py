"""The language's lexicon, with frequencies, from the maintained `wordfreq` package.

Why wordfreq rather than a Hunspell dictionary: the repair rules must weigh
forms against each other (is `sectarisme` a word, and are `secta` and `risme`
not? is `apart` more likely than `a part`?), and only a frequency list answers
the comparative question; a spelling dictionary says yes or no and accepts
many productive but rare forms. wordfreq is maintained, MIT-licensed with
CC-BY-SA data, has large French and English lists, and needs no system
packages. Its lists hold some noise (typos, English in French), which is why
rules demand clear margins and prefer the text's own vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..language import lexicon as frequencies


@dataclass(frozen=True)
class Lexicon:
    """Zipf frequencies (0 = unknown, 3 = once per million words, 7 = `de`) of one language."""

    language: str
    table: frequencies.FrequencyTable = field(compare=False, repr=False)
    """The language's frequency table; the rules look up every word of a text in it."""

    def zipf(self, word: str) -> float:
        lowered = word.lower()
        if lowered.isalpha():
            return frequencies.zipf_in(self.table, lowered)
        return _phrase_zipf(lowered, self.language)

    def at_least(self, zipf: float) -> frozenset[str]:
        """The single words at least this frequent: a set far smaller than the table, and so
        faster to ask about each pair of words of a text."""
        return _at_least(self.language, zipf)


@cache
def _at_least(language: str, zipf: float) -> frozenset[str]:
    return frozenset(word for word, frequency in frequencies.frequency_table(language).items()
                     if frequencies.zipf_of(frequency) >= zipf)


@lru_cache(maxsize=65536)
def _phrase_zipf(phrase: str, language: str) -> float:
    # Phrases and forms with apostrophes go through wordfreq's tokeniser, which is slow.
    return frequencies.zipf(phrase, language)


def lexicon_for(language: str) -> Lexicon | None:
    """The lexicon of a language code (`fr`, `en-GB`), or None when wordfreq lacks it."""
    base = language.split("-")[0].lower()
    if not frequencies.has_language(base):
        return None
    return Lexicon(base, frequencies.frequency_table(base))
