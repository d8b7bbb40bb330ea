"""Every RELAX NG error of an invalid document, placed and worded as jing reports it.

libxml2 says whether a document is valid; for an invalid one it stops at the first
bad child of an element and words things its own way. This reporter walks the
document with the derivatives of `rngderive` and recovers from each error as jing
does, so that one run lists them all:

- an element the grammar has nowhere is reported ("not allowed anywhere") and its
  content is skipped; the known elements inside it are checked against their own
  patterns, and at each one's end tag jing repeats its last message, so this does too;
- an element the grammar has elsewhere is reported ("not allowed here", or "not allowed
  yet" when it may come later) and its content is checked against its patterns;
- every attribute not allowed, every bad value, missing attributes, text where none
  may be, and an element that ends too early ("incomplete") are reported.

Places are jing's: the line and the column just after the `>` of the tag being read
(`xml.tagends`). Message texts follow jing's message catalogue. A `Reporter` is
built once per grammar and is not thread-safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..xml.sourcetext import source_text
from ..xml.tagends import Place, TagEnds, tag_ends
from . import rngwords as words
from .rngderive import Deriver
from .rngload import Loaded, load
from .rngpatterns import ATTRIBUTE, Name, Pattern

XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass(frozen=True)
class Found:
    """One error as jing would report it."""

    line: int
    column: int
    code: str
    message: str


class Reporter:
    """jing's errors for documents, against one grammar."""

    def __init__(self, loaded: Loaded) -> None:
        self.grammar = loaded
        self.derive = Deriver(loaded.patterns)
        self._contents: dict[Name, Pattern] = {}

    def errors(self, tree: etree._ElementTree, text: str) -> list[Found] | None:
        """The errors of a parsed document whose source text is `text`; None when the
        tags of the text cannot be matched to the tree's elements."""
        root = tree.getroot()
        ends = tag_ends(text)
        count = sum(1 for _ in root.iter(tag=etree.Element))
        if count != len(ends.starts):
            return None
        walk = _Walk(self, ends)
        walk.element(root, self.grammar.start, ignored=False)
        return walk.found

    def content_of(self, name: Name) -> Pattern:
        """The content of every element pattern that may be named `name`, as one choice;
        notAllowed when the grammar has no such element."""
        found = self._contents.get(name)
        if found is None:
            built = 0
            while built < len(self.grammar.elements):  # every element the start reaches
                self.grammar.elements[built].content  # noqa: B018 (built on first use)
                built += 1
            p = self.grammar.patterns
            members = frozenset(e.content for e in self.grammar.elements
                                if e.name_class.contains(name))
            found = self._contents[name] = p.choices(members)
        return found


def reporter(grammar: etree._Element | None) -> Reporter | None:
    """The reporter of a RELAX NG grammar; None for one `rngload` does not read."""
    loaded = load(grammar) if grammar is not None else None
    return Reporter(loaded) if loaded is not None else None


def errors(reporter_: Reporter | None, tree: etree._ElementTree, data: bytes
           ) -> list[Found] | None:
    """jing's errors of a parsed document and its bytes; None when they cannot be said."""
    if reporter_ is None:
        return None
    try:
        return reporter_.errors(tree, source_text(data))
    except RecursionError:  # a grammar nested past Python's stack: libxml2's messages
        return None


class _Walk:
    """One document's walk: the errors found so far and jing's last message."""

    def __init__(self, reporter: Reporter, tags: TagEnds) -> None:
        self.r = reporter
        self.d = reporter.derive
        self.p = reporter.grammar.patterns
        self.tags = tags
        self.starts = tags.starts
        self.ends = tags.ends
        self.index = 0
        self.found: list[Found] = []
        self.last: tuple[str, str] | None = None

    def report(self, place: Place, code: str, message: str) -> None:
        self.found.append(Found(place[0], place[1], code, message))
        self.last = (code, message)

    def element(self, node: etree._Element, state: Pattern, ignored: bool) -> Pattern:
        """Match one element against `state` (what may come in its parent); return what
        may come after it. `ignored`: the parent is an element jing skips."""
        index = self.index
        self.index += 1
        start, end = self.starts[index], self.ends[index]
        name = _name(node)
        opened = None if ignored else self.d.start_tag_open(state, name)
        if opened is None or self.d.is_not_allowed(opened):
            opened = self._recover(node, state, name, start, ignored)
            if opened is None:
                self._skip(node)
                return state
        opened = self._attributes(node, opened, start)
        closed = self.d.start_tag_close(opened)
        if self.d.is_not_allowed(closed):
            missing = sorted(words.name(n, node, attribute=True)
                             for n in self.d.required(opened, ATTRIBUTE))
            self.report(start, "relaxng.attribute-missing", words.missing_attributes(
                words.qname(node), missing, words.expected_attributes(
                    self.d.attributes(opened), node)))
            closed = self.d.start_tag_close(opened, recover=True)
        started = len(self.found)
        content, finished = self._content(node, closed, index)
        after = self.d.end_tag(content, recover=finished)
        if self.d.is_not_allowed(after):
            self._incomplete(node, content, end)
            after = self.d.end_tag(content, recover=True)
        if ignored:
            said_here = any((f.line, f.column) == end for f in self.found[started:])
            if self.last is not None and not said_here:
                # jing's matcher fails on this end tag without a message of its own, and
                # jing reports the message it holds: the last one.
                self.found.append(Found(end[0], end[1], *self.last))
            return state
        return after

    def _recover(self, node: etree._Element, state: Pattern, name: Name, start: Place,
                 ignored: bool) -> Pattern | None:
        """The state inside an element not allowed here, after reporting it (None: skip
        its content, as jing does for an element the grammar lacks)."""
        content = self.r.content_of(name)
        if ignored:
            return None if self.d.is_not_allowed(content) else self.p.after(content,
                                                                             self.p.dead)
        later = self.d.start_tag_open(state, name, recover=True)
        if not self.d.is_not_allowed(later):
            missing = sorted(words.name(n, node) for n in self.d.required(state))
            self.report(start, "relaxng.element-not-allowed",
                        words.not_yet(words.qname(node), missing, self._expected(state, node)))
            return later
        where = "anywhere" if self.d.is_not_allowed(content) else "here"
        self.report(start, "relaxng.element-not-allowed",
                    f'element "{words.qname(node)}" not allowed {where}'
                    f"{self._expected(state, node)}")
        return None if self.d.is_not_allowed(content) else self.p.after(content, state)

    def _skip(self, node: etree._Element) -> None:
        """Walk the content of an element jing skips: only known elements in it count."""
        for child in node.iterchildren(tag=etree.Element):
            self.element(child, self.p.not_allowed, ignored=True)

    def _attributes(self, node: etree._Element, state: Pattern, start: Place) -> Pattern:
        for key, value in node.attrib.items():
            name = _name_of(str(key))
            shown = words.attribute_qname(str(key), node)
            after = self.d.attribute(state, name, str(value))
            if not self.d.is_not_allowed(after):
                state = after
                continue
            anything = self.d.attribute(state, name, None)
            if not self.d.is_not_allowed(anything):
                failures = words.value_failures(self.d.attribute_values(state, name),
                                                str(value))
                self.report(start, "relaxng.attribute-value",
                            f'value of attribute "{shown}" is invalid{failures}')
                state = anything
                continue
            allowed = self.d.attributes(state)
            if not allowed:
                message = f'found attribute "{shown}", but no attributes allowed here'
            else:
                message = f'attribute "{shown}" not allowed here' + words.expected_attributes(
                    allowed, node)
            self.report(start, "relaxng.attribute-not-allowed", message)
        return state

    def _content(self, node: etree._Element, state: Pattern, index: int
                 ) -> tuple[Pattern, bool]:
        """The state at the end tag, and whether an error in the content already
        excused the end tag."""
        pending = node.text or ""
        had_child = False
        for child in node:
            if isinstance(child.tag, str):
                state = self._text(node, state, pending, self.tags.start_begins[self.index])
                pending = ""
                had_child = True
                state = self.element(child, state, ignored=False)
            pending += child.tail or ""
        if had_child:
            return self._text(node, state, pending, self.tags.end_begins[index]), False
        return self._whole_text(node, state, pending, index)

    def _text(self, node: etree._Element, state: Pattern, text: str, place: Place) -> Pattern:
        """Text between tags: mixed content only; whitespace is never an error here."""
        if not text.strip():
            return state
        after = self.d.text(state, text)
        if not self.d.is_not_allowed(after):
            return after
        self.report(place, "relaxng.text-not-allowed",
                    "text not allowed here" + self._expected(state, node))
        return state

    def _whole_text(self, node: etree._Element, state: Pattern, text: str, index: int
                    ) -> tuple[Pattern, bool]:
        """The content of an element without child elements, matched as one string (a
        datatype sees all of it): a bad value is reported after the end tag, text where
        none may be where the end tag begins."""
        end = self.ends[index]
        matched = self.d.text(state, text)
        if not text.strip():
            matched = self.p.choice(state, matched)
        if not self.d.is_not_allowed(self.d.end_tag(matched)):
            return matched, False
        values = self.d.first_values(state)
        if not text.strip():
            if not values:
                return matched, False  # incomplete, said at the end tag
            self.report(end, "relaxng.value", f'empty content for element '
                        f'"{words.qname(node)}" not allowed'
                        f"{words.value_failures(values, text)}")
            return state, True
        if values:
            self.report(end, "relaxng.value", f'character content of element '
                        f'"{words.qname(node)}" invalid{words.value_failures(values, text)}')
        else:
            self.report(self.tags.end_begins[index], "relaxng.text-not-allowed",
                        "text not allowed here" + self._expected(state, node))
            return state, False
        return state, True

    def _incomplete(self, node: etree._Element, content: Pattern, end: Place) -> None:
        missing = sorted(words.name(n, node) for n in self.d.required(content))
        self.report(end, "relaxng.incomplete",
                    words.incomplete(words.qname(node), missing, self._expected(content, node)))

    def _expected(self, state: Pattern, node: etree._Element) -> str:
        classes, text, end = self.d.expected(state)
        return words.expected(classes, text, end, node)


def _name(node: etree._Element) -> Name:
    qname = etree.QName(node)
    return (qname.namespace or "", qname.localname)


def _name_of(key: str) -> Name:
    qname = etree.QName(key)
    return (qname.namespace or "", qname.localname)
