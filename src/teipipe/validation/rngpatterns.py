"""The patterns of a simplified RELAX NG grammar, shared and compared by identity.

A pattern is made only through the constructors below, which apply the
simplification rules of RELAX NG section 4.20 (`notAllowed` absorbs a group, a
choice drops it, `empty` leaves a group) and return the one existing object for
an equal pattern: the derivatives of `rngderive` can then be memoised by pattern.
Element contents are built lazily (`Element.content`), as grammars are recursive.
A pattern table belongs to one grammar and is not thread-safe.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

Name = tuple[str, str]
"""(namespace URI, local name)."""


@dataclass(frozen=True)
class NameClass:
    """A RELAX NG name class: `name`, `any` (anyName), `ns` (nsName) or `choice`."""

    kind: str
    uri: str = ""
    local: str = ""
    left: NameClass | None = None
    """For `choice`: one side; for `any` and `ns`: the names excepted (or None)."""
    right: NameClass | None = None

    def contains(self, name: Name) -> bool:
        if self.kind == "name":
            return (self.uri, self.local) == name
        if self.kind == "choice":
            return bool(self.left and self.left.contains(name)) or bool(
                self.right and self.right.contains(name))
        if self.kind == "ns" and name[0] != self.uri:
            return False
        return self.left is None or not self.left.contains(name)

    def names(self) -> Iterator[Name]:
        """The plain names of this class (an open class yields none of its own)."""
        if self.kind == "name":
            yield (self.uri, self.local)
        elif self.kind == "choice":
            for side in (self.left, self.right):
                if side is not None:
                    yield from side.names()

    def is_open(self) -> bool:
        """Whether the class holds names it does not list (anyName, nsName)."""
        if self.kind == "choice":
            return any(s is not None and s.is_open() for s in (self.left, self.right))
        return self.kind in ("any", "ns")


class Datatype(Protocol):
    """A datatype of `data` and `value` patterns (see `rngtypes`)."""

    def allows(self, text: str) -> bool: ...

    def same(self, text: str, value: str) -> bool: ...

    def describe(self) -> str: ...


_SERIAL = itertools.count()
EMPTY, NOT_ALLOWED, TEXT, CHOICE, GROUP, INTERLEAVE, ONE_OR_MORE, ELEMENT, ATTRIBUTE, DATA, \
    VALUE, LIST, AFTER = range(13)


@dataclass(eq=False)
class Pattern:
    """One pattern; equal patterns are the same object, so identity is equality."""

    kind: int
    a: Pattern | None = None
    b: Pattern | None = None
    alternatives: frozenset[Pattern] = frozenset()
    """The members of a choice (never choices themselves)."""
    name_class: NameClass | None = None
    datatype: Datatype | None = None
    value: str = ""
    nullable: bool = False
    element: Element | None = None
    serial: int = field(default_factory=lambda: next(_SERIAL))
    """When this pattern was made, for messages that list patterns in grammar order."""
    textual: bool = False
    """Whether text may come first here (else a text step is notAllowed at once)."""
    attributed: bool = False
    """Whether an attribute may come here (else an attribute step is notAllowed)."""

    def members(self) -> frozenset[Pattern]:
        """The alternatives of a choice, else the pattern alone."""
        return self.alternatives if self.kind == CHOICE else frozenset((self,))


@dataclass(eq=False)
class Element:
    """An `element` pattern of the grammar: its name class and its content, built on demand."""

    name_class: NameClass
    build: Callable[[], Pattern]
    _content: Pattern | None = field(default=None, repr=False)

    @property
    def content(self) -> Pattern:
        if self._content is None:
            self._content = self.build()
        return self._content


class Patterns:
    """Makes patterns of one grammar, sharing equal ones."""

    def __init__(self) -> None:
        self._made: dict[tuple[object, ...], Pattern] = {}
        self.empty = self._make((EMPTY,), Pattern(EMPTY, nullable=True))
        self.not_allowed = self._make((NOT_ALLOWED,), Pattern(NOT_ALLOWED))
        self.text = self._make((TEXT,), Pattern(TEXT, nullable=True, textual=True))
        self.dead = Pattern(ELEMENT, name_class=NameClass("choice"))
        """What follows an element jing checks inside an element it skips: nothing can,
        not even the end tag of the skipped element (jing says so at each such end tag)."""

    def _make(self, key: tuple[object, ...], pattern: Pattern) -> Pattern:
        found = self._made.get(key)
        if found is None:
            self._made[key] = found = pattern
        return found

    def choice(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or a is b:
            return b
        if b.kind == NOT_ALLOWED:
            return a
        return self.choices(a.members() | b.members())

    def choices(self, members: frozenset[Pattern]) -> Pattern:
        members = frozenset(m for m in members if m.kind != NOT_ALLOWED)
        if not members:
            return self.not_allowed
        if len(members) == 1:
            return next(iter(members))
        key = (CHOICE, members)
        found = self._made.get(key)
        if found is None:
            found = Pattern(CHOICE, alternatives=members,
                            nullable=any(m.nullable for m in members),
                            textual=any(m.textual for m in members),
                            attributed=any(m.attributed for m in members))
            self._made[key] = found
        return found

    def group(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        return self._make((GROUP, a, b), Pattern(
            GROUP, a, b, nullable=a.nullable and b.nullable,
            textual=a.textual or (a.nullable and b.textual),
            attributed=a.attributed or b.attributed))

    def interleave(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        return self._make((INTERLEAVE, a, b), Pattern(
            INTERLEAVE, a, b, nullable=a.nullable and b.nullable, textual=a.textual or b.textual,
            attributed=a.attributed or b.attributed))

    def after(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        return self._make((AFTER, a, b), Pattern(AFTER, a, b, textual=a.textual,
                                                 attributed=a.attributed))

    def one_or_more(self, a: Pattern) -> Pattern:
        if a.kind in (NOT_ALLOWED, EMPTY):
            return a
        return self._make((ONE_OR_MORE, a), Pattern(ONE_OR_MORE, a, nullable=a.nullable,
                                                     textual=a.textual,
                                                     attributed=a.attributed))

    def optional(self, a: Pattern) -> Pattern:
        return self.choice(a, self.empty)

    def zero_or_more(self, a: Pattern) -> Pattern:
        return self.optional(self.one_or_more(a))

    def element(self, element: Element) -> Pattern:
        return self._make((ELEMENT, element), Pattern(ELEMENT, name_class=element.name_class,
                                                      element=element))

    def attribute(self, name_class: NameClass, value: Pattern) -> Pattern:
        if value.kind == NOT_ALLOWED:
            return value
        return self._make((ATTRIBUTE, name_class, value),
                          Pattern(ATTRIBUTE, value, name_class=name_class, attributed=True))

    def data(self, datatype: Datatype, excepted: Pattern | None = None) -> Pattern:
        return self._make((DATA, datatype, excepted), Pattern(DATA, excepted,
                                                              datatype=datatype, textual=True))

    def value(self, datatype: Datatype, text: str) -> Pattern:
        return self._make((VALUE, datatype, text), Pattern(VALUE, datatype=datatype,
                                                           value=text, textual=True))

    def list(self, a: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED:
            return a
        return self._make((LIST, a), Pattern(LIST, a, textual=True))
