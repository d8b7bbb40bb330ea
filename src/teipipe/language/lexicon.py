"""Word frequencies of a language, from the maintained `wordfreq` package, fast enough per word.

`wordfreq.zipf_frequency` tokenises and normalises its argument on every call,
which dominates conversion time when every word of a corpus is looked up.
teipipe asks mostly about single lower-cased words, so it looks them up in
wordfreq's own frequency table (which wordfreq reads once per process and
keeps; teipipe holds no copy, so the table costs its memory once) and turns
the frequency into the same Zipf value wordfreq gives (log10 of frequency per
billion words, to two decimals).
"""

from __future__ import annotations

import math
from functools import cache
from types import ModuleType

FrequencyTable = dict[str, float]
"""A language's words with their frequencies (proportions from 0 to 1)."""

_ZIPF: dict[float, float] = {}
# wordfreq stores frequencies in centibel buckets, so a table has a few hundred
# distinct values: each is turned into a Zipf value once.


@cache
def _wordfreq() -> ModuleType:
    # Imported on first use: wordfreq and what it imports take about 0.15 s, which
    # commands that look up no word (validate, transform, an up-to-date build) skip.
    import wordfreq

    return wordfreq


def frequency_table(language: str, wordlist: str = "best") -> FrequencyTable:
    """wordfreq's table of a language (read once per process by wordfreq); read-only."""
    table: FrequencyTable = _wordfreq().get_frequency_dict(language, wordlist=wordlist)
    return table


def zipf_of(frequency: float) -> float:
    """The Zipf value of a frequency from a table."""
    value = _ZIPF.get(frequency)
    if value is None:
        value = _ZIPF[frequency] = round(math.log10(frequency) + 9, 2)
    return value


def zipf_in(table: FrequencyTable, word: str) -> float:
    """Zipf frequency of a lower-case single word in a table: 0 when unknown."""
    frequency = table.get(word)
    return 0.0 if frequency is None else zipf_of(frequency)


def zipf(word: str, language: str, wordlist: str = "best") -> float:
    """Zipf frequency of a lower-case word: 0 unknown, 3 once per million words, 7 `de`.

    A phrase or a form with an apostrophe or hyphen goes through wordfreq's own
    tokeniser, which combines the frequencies of its parts. `wordlist="small"`
    (words down to about once per million) costs a tenth of the memory of the
    full list and is enough where only common words matter.
    """
    if not word.isalpha():
        return float(_wordfreq().zipf_frequency(word, language, wordlist=wordlist))
    return zipf_in(frequency_table(language, wordlist), word)


@cache
def has_language(language: str) -> bool:
    # wordfreq lists its data folder on every call of available_languages.
    return language in _wordfreq().available_languages()
