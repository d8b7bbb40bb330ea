"""Word frequencies of a language, from the maintained `wordfreq` package, fast enough per word.

`wordfreq.zipf_frequency` tokenises and normalises its argument on every call,
which dominates conversion time when every word of a corpus is looked up.
teipipe asks only about single lower-cased words, so it reads wordfreq's
frequency table once per language and process and looks words up directly,
giving the same Zipf value (log10 of frequency per billion words).
"""

from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import available_languages, get_frequency_dict, zipf_frequency


@lru_cache(maxsize=16)
def _table(language: str, wordlist: str) -> dict[str, float]:
    # Read once per process: the tables are immutable data of the package.
    return dict(get_frequency_dict(language, wordlist=wordlist))


def zipf(word: str, language: str, wordlist: str = "best") -> float:
    """Zipf frequency of a lower-case word: 0 unknown, 3 once per million words, 7 `de`.

    A phrase or a form with an apostrophe or hyphen goes through wordfreq's own
    tokeniser, which combines the frequencies of its parts. `wordlist="small"`
    (words down to about once per million) costs a tenth of the memory of the
    full list and is enough where only common words matter.
    """
    if not word.isalpha():
        return float(zipf_frequency(word, language, wordlist=wordlist))
    frequency = _table(language, wordlist).get(word, 0.0)
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0


def has_language(language: str) -> bool:
    return language in available_languages()
