"""Which of the five languages a letter is written in, by its commonest short words.

Each language is known by function words that the others do not share (`und`,
`the`, `et`, `che`, `los`), so that a few lines are enough; the sidecar's
`language` states it for sure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .datewords import words
from .letters import WordPattern

_DISTINCT: dict[str, frozenset[str]] = {
    "en": words("the of and to is that was it for with you this have not but be at by my your "
                "which would were been are"),
    "fr": words("et les des est pas je vous nous qui dans du au pour sur ne ce mais avec été "
                "cette sont avait votre aux"),
    "de": words("der die das und ist nicht ich sie wir mit zu den von ein eine auf dem sich "
                "auch ihr ihnen haben wird"),
    "it": words("di che il non per sono ho gli della è anche questo molto nel alla questa ma "
                "mi ti ci più lettera"),
    "es": words("el y los las por para su muy pero lo usted este esta más también me ha "
                "carta hay"),
}
_WORD = WordPattern(r"[^\W\d_]+")
SAMPLE = 20_000  # characters: the start of a text tells its language as well as the whole


def guess(text: str, default: str = "en") -> str:
    """The language (ISO 639-1) whose distinctive words occur most often in `text`."""
    sample = text[:SAMPLE]
    return guess_by_words(_WORD.of(sample).findall(sample), default)


def guess_by_words(words: Iterable[str], default: str = "en") -> str:
    """`guess` for a text already cut into its runs of letters (`[^\\W\\d_]+`), as a
    reader that has them for other ends passes them."""
    counts = Counter(map(str.lower, words))
    scores = {lang: sum(counts[w] for w in distinct) for lang, distinct in _DISTINCT.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] else default
