"""The fixed split of the development set, and leave-one-edition-out folds.

A letter is in `test` when the first 8 hex digits of sha256(letter id) are 0
modulo 5 (about a fifth), else in `dev`. The id is `edition/file id`, so all
three shapes of a letter fall on the same side, and the split never moves when
letters are added. `test` is held out: never look at it while tuning rules or
training a model. Anything learned reports leave-one-edition-out figures: it is
trained on the dev letters of every other edition and scored on one edition.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T", bound=Mapping[str, object])


def split_of(letter_id: str) -> str:
    digest = int(hashlib.sha256(letter_id.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if digest % 5 == 0 else "dev"


def leave_one_edition_out(records: Sequence[T]) -> Iterator[tuple[str, list[T], list[T]]]:
    """(edition, train records, scored records) for each edition of the dev split."""
    dev = [r for r in records if r["split"] == "dev"]
    for edition in sorted({str(r["edition"]) for r in dev}):
        yield (edition, [r for r in dev if r["edition"] != edition],
               [r for r in dev if r["edition"] == edition])
