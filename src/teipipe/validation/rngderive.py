"""Derivatives of RELAX NG patterns (James Clark's algorithm), with the recovering
variants and the questions ("what was expected here?") that error messages need.

A document is matched one event at a time: a start tag opens, attributes come, the
start tag closes, text and child elements come, the end tag comes. Each step maps
the pattern of what may still come to a new one; `notAllowed` means the step is an
error. A `Deriver` memoises steps by pattern and belongs to one `Patterns` table.
"""

from __future__ import annotations

from collections.abc import Callable

from .rngpatterns import (
    AFTER,
    ATTRIBUTE,
    CHOICE,
    DATA,
    ELEMENT,
    GROUP,
    INTERLEAVE,
    LIST,
    NOT_ALLOWED,
    ONE_OR_MORE,
    TEXT,
    VALUE,
    Name,
    NameClass,
    Pattern,
    Patterns,
)

Then = Callable[[Pattern], Pattern]
_MEMO = 100_000
"""Entries a memo table of attribute or text steps holds before it starts again."""


def _order(pattern: Pattern) -> int:
    """Patterns in the order they were made (the grammar's order, near enough)."""
    return pattern.serial


class Deriver:
    """The derivative steps over one grammar's patterns; not thread-safe (memo tables)."""

    def __init__(self, patterns: Patterns) -> None:
        self.p = patterns
        self._open: dict[tuple[Pattern, Name, bool], Pattern] = {}
        self._close: dict[tuple[Pattern, bool], Pattern] = {}
        self._end: dict[Pattern, Pattern] = {}
        self._attribute: dict[tuple[Pattern, Name, str | None], Pattern] = {}
        self._text: dict[tuple[Pattern, str], Pattern] = {}

    # -- elements -------------------------------------------------------------------------

    def start_tag_open(self, pattern: Pattern, name: Name, recover: bool = False) -> Pattern:
        """What may follow the opening of a start tag `name`: `after(content, rest)`
        choices. With `recover`, a required pattern before the element may be skipped
        (jing's "not allowed yet")."""
        key = (pattern, name, recover)
        found = self._open.get(key)
        if found is None:
            found = self._open[key] = self._start(pattern, name, recover)
        return found

    def _start(self, pattern: Pattern, name: Name, recover: bool) -> Pattern:
        p = self.p
        kind = pattern.kind
        if kind == CHOICE:
            return p.choices(frozenset(self.start_tag_open(m, name, recover)
                                       for m in pattern.alternatives))
        if kind == ELEMENT:
            element = pattern.element
            if element is not None and element.name_class.contains(name):
                return p.after(element.content, p.empty)
            return p.not_allowed
        a, b = pattern.a, pattern.b
        if kind == GROUP and a is not None and b is not None:
            first = self._then(self.start_tag_open(a, name, recover), lambda x: p.group(x, b))
            if a.nullable or recover:
                return p.choice(first, self.start_tag_open(b, name, recover))
            return first
        if kind == INTERLEAVE and a is not None and b is not None:
            return p.choice(
                self._then(self.start_tag_open(a, name, recover), lambda x: p.interleave(x, b)),
                self._then(self.start_tag_open(b, name, recover), lambda x: p.interleave(a, x)))
        if kind == ONE_OR_MORE and a is not None:
            more = p.optional(pattern)
            return self._then(self.start_tag_open(a, name, recover), lambda x: p.group(x, more))
        if kind == AFTER and a is not None and b is not None:
            return self._then(self.start_tag_open(a, name, recover), lambda x: p.after(x, b))
        return p.not_allowed

    def _then(self, pattern: Pattern, then: Then) -> Pattern:
        """`after(x, then(y))` for every `after(x, y)` of a choice of afters."""
        results = []
        for member in pattern.members():
            if member.kind == AFTER and member.a is not None and member.b is not None:
                results.append(self.p.after(member.a, then(member.b)))
        return self.p.choices(frozenset(results))

    def attribute(self, pattern: Pattern, name: Name, value: str | None) -> Pattern:
        """What may follow attribute `name` with `value` (any value when None)."""
        if not pattern.attributed:
            return self.p.not_allowed
        key = (pattern, name, value)
        found = self._attribute.get(key)
        if found is None:
            if len(self._attribute) > _MEMO:
                self._attribute.clear()  # values are many: keep the table bounded
            found = self._attribute[key] = self._attributed(pattern, name, value)
        return found

    def _attributed(self, pattern: Pattern, name: Name, value: str | None) -> Pattern:
        p = self.p
        kind, a, b = pattern.kind, pattern.a, pattern.b
        if kind == AFTER and a is not None and b is not None:
            return p.after(self.attribute(a, name, value), b)
        if kind == CHOICE:
            return p.choices(frozenset(self.attribute(m, name, value)
                                       for m in pattern.alternatives if m.attributed))
        if kind in (GROUP, INTERLEAVE) and a is not None and b is not None:
            join = p.group if kind == GROUP else p.interleave
            return p.choice(join(self.attribute(a, name, value), b),
                            join(a, self.attribute(b, name, value)))
        if kind == ONE_OR_MORE and a is not None:
            return p.group(self.attribute(a, name, value), p.optional(pattern))
        if kind == ATTRIBUTE and a is not None and pattern.name_class is not None and (
                pattern.name_class.contains(name)) and (value is None or self.value_matches(
                    a, value)):
            return p.empty
        return p.not_allowed

    def start_tag_close(self, pattern: Pattern, recover: bool = False) -> Pattern:
        """The content once the start tag is closed (no attribute may follow); with
        `recover`, missing attributes are forgiven."""
        key = (pattern, recover)
        found = self._close.get(key)
        if found is None:
            found = self._close[key] = self._closed(pattern, recover)
        return found

    def _closed(self, pattern: Pattern, recover: bool) -> Pattern:
        p = self.p
        kind, a, b = pattern.kind, pattern.a, pattern.b
        if kind == AFTER and a is not None and b is not None:
            return p.after(self.start_tag_close(a, recover), b)
        if kind == CHOICE:
            return p.choices(frozenset(self.start_tag_close(m, recover)
                                       for m in pattern.alternatives))
        if kind in (GROUP, INTERLEAVE) and a is not None and b is not None:
            join = p.group if kind == GROUP else p.interleave
            return join(self.start_tag_close(a, recover), self.start_tag_close(b, recover))
        if kind == ONE_OR_MORE and a is not None:
            return p.one_or_more(self.start_tag_close(a, recover))
        if kind == ATTRIBUTE:
            return p.empty if recover else p.not_allowed
        return pattern

    def end_tag(self, pattern: Pattern, recover: bool = False) -> Pattern:
        """What may follow the end tag; with `recover`, whatever the content still lacked."""
        if not recover and pattern in self._end:
            return self._end[pattern]
        results = []
        for member in pattern.members():
            if member.kind == AFTER and member.b is not None and member.a is not None and (
                    recover or member.a.nullable):
                results.append(member.b)
        found = self.p.choices(frozenset(results))
        if not recover:
            self._end[pattern] = found
        return found

    # -- text -----------------------------------------------------------------------------

    def text(self, pattern: Pattern, text: str) -> Pattern:
        """What may follow `text` (an attribute value, or text between tags)."""
        if not pattern.textual:
            return self.p.not_allowed
        key = (pattern, text)
        found = self._text.get(key)
        if found is None:
            if len(self._text) > _MEMO:
                self._text.clear()
            found = self._text[key] = self._texted(pattern, text)
        return found

    def _texted(self, pattern: Pattern, text: str) -> Pattern:
        p = self.p
        kind, a, b = pattern.kind, pattern.a, pattern.b
        if kind == CHOICE:
            return p.choices(frozenset(self.text(m, text) for m in pattern.alternatives
                                       if m.textual))
        if kind == INTERLEAVE and a is not None and b is not None:
            return p.choice(p.interleave(self.text(a, text), b),
                            p.interleave(a, self.text(b, text)))
        if kind == GROUP and a is not None and b is not None:
            first = p.group(self.text(a, text), b)
            return p.choice(first, self.text(b, text)) if a.nullable else first
        if kind == AFTER and a is not None and b is not None:
            return p.after(self.text(a, text), b)
        if kind == ONE_OR_MORE and a is not None:
            return p.group(self.text(a, text), p.optional(pattern))
        if kind == TEXT:
            return pattern
        if kind == VALUE and pattern.datatype is not None:
            return p.empty if pattern.datatype.same(text, pattern.value) else p.not_allowed
        if kind == DATA and pattern.datatype is not None:
            if not pattern.datatype.allows(text) or (
                    a is not None and self.value_matches(a, text)):
                return p.not_allowed
            return p.empty
        if kind == LIST and a is not None:
            rest = a
            for word in text.split():
                rest = self.text(rest, word)
            return p.empty if rest.nullable else p.not_allowed
        return p.not_allowed

    def value_matches(self, pattern: Pattern, text: str) -> bool:
        """Whether an attribute value or a whole element content `text` matches."""
        return (pattern.nullable and not text.strip()) or self.text(pattern, text).nullable

    # -- questions for messages -----------------------------------------------------------

    def expected(self, pattern: Pattern) -> tuple[list[NameClass], bool, bool]:
        """The element name classes that may come next, whether text may, and whether the
        end tag may, in the content of the element now open."""
        firsts = _Firsts()
        end = False
        for member in pattern.members():
            if member.kind == AFTER and member.a is not None:
                firsts.walk(member.a)
                end = end or (member.a.nullable and member.b is not self.p.dead)
            else:
                firsts.walk(member)  # the start pattern, before the root element
        return firsts.classes, bool(firsts.values) or firsts.text, end

    def first_values(self, pattern: Pattern) -> list[Pattern]:
        """The data, value and list patterns that may come first in the open element."""
        firsts = _Firsts()
        for member in pattern.members():
            firsts.walk(member.a if member.kind == AFTER and member.a is not None else member)
        return firsts.values

    def required(self, pattern: Pattern, kind: int = ELEMENT) -> set[Name]:
        """The names of the elements (or attributes) that the content of the element now
        open still needs, as jing counts them: a choice needs nothing (jing does not look
        for what all its branches need), a group what its first required part needs, an
        interleave what either side needs."""
        def need(node: Pattern) -> set[Name]:
            a, b = node.a, node.b
            if node.kind == GROUP and a is not None and b is not None and kind == ELEMENT:
                return need(b) if a.nullable else need(a)
            if node.kind == GROUP and a is not None and b is not None:
                return need(a) | need(b)  # attributes come in any order
            if node.kind == INTERLEAVE and a is not None and b is not None:
                return need(a) | need(b)
            if node.kind == ONE_OR_MORE and a is not None:
                return need(a)
            if node.kind == kind and node.name_class is not None and (
                    node.name_class.kind == "name"):
                return set(node.name_class.names())
            return set()

        sets = [need(m.a) if m.kind == AFTER and m.a is not None else need(m)
                for m in pattern.members()]
        return set.intersection(*sets) if sets else set()

    def attributes(self, pattern: Pattern) -> list[NameClass]:
        """The name classes of the attributes that may still come on the open element."""
        return [node.name_class for node in _open_attributes(pattern)
                if node.name_class is not None]

    def attribute_values(self, pattern: Pattern, name: Name) -> list[Pattern]:
        """The value patterns of the attributes named `name` that may still come."""
        return [node.a for node in _open_attributes(pattern)
                if node.name_class is not None and node.name_class.contains(name)
                and node.a is not None]

    def is_not_allowed(self, pattern: Pattern) -> bool:
        return pattern.kind == NOT_ALLOWED


class _Firsts:
    """What may come first in a content: element name classes, text, data and values."""

    def __init__(self) -> None:
        self.classes: list[NameClass] = []
        self.values: list[Pattern] = []
        self.text = False
        self.seen: set[Pattern] = set()

    def walk(self, node: Pattern) -> None:
        if node in self.seen:
            return
        self.seen.add(node)
        a, b = node.a, node.b
        if node.kind == ELEMENT and node.name_class is not None:
            self.classes.append(node.name_class)
        elif node.kind == TEXT:
            self.text = True
        elif node.kind in (DATA, VALUE, LIST):
            self.values.append(node)
        elif node.kind == CHOICE:
            for member in sorted(node.alternatives, key=_order):
                self.walk(member)
        elif node.kind in (GROUP, INTERLEAVE) and a is not None and b is not None:
            self.walk(a)
            if node.kind == INTERLEAVE or a.nullable:
                self.walk(b)
        elif node.kind == ONE_OR_MORE and a is not None:
            self.walk(a)


def _open_attributes(pattern: Pattern) -> list[Pattern]:
    """The attribute patterns that may still come on the open element, in the order a
    walk of the pattern meets them (not inside child elements, nor after its end)."""
    found: list[Pattern] = []
    seen: set[Pattern] = set()

    def walk(node: Pattern) -> None:
        if node in seen or node.kind == ELEMENT:
            return
        seen.add(node)
        if node.kind == ATTRIBUTE:
            found.append(node)
            return
        for child in (*node.alternatives, node.a, node.b):
            if child is not None and (node.kind != AFTER or child is node.a):
                walk(child)

    walk(pattern)
    return found
