"""The datatypes of RELAX NG `data` and `value` patterns: the built-in string and token,
and the XML Schema datatypes that TEI grammars use, with their facets.

Lexical forms are checked by regular expressions written from XML Schema Part 2;
a datatype this module does not know accepts every value (the verdict is libxml2's
anyway; this only decides which messages to give). Messages use jing's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

XSD = "http://www.w3.org/2001/XMLSchema-datatypes"

_TZ = r"(Z|[+-]\d\d:\d\d)?"
_YEAR = r"-?\d{4,}"
_NAME_START = r"[^\W\d]|:"
_NAME_CHAR = r"[\w.\-:\u00b7]"
_NCNAME = r"[^\W\d][\w.\-\u00b7]*"
_INTEGER = r"[+-]?\d+"
_FLOAT = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN"
# name → (regular expression of the lexical space, jing's words for it, is it a number)
_LEXICAL: dict[str, tuple[str, str, bool]] = {
    "boolean": (r"true|false|1|0", "a boolean", False),
    "decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", "a decimal number", True),
    "integer": (_INTEGER, "an integer", True),
    "float": (_FLOAT, "a floating-point number", True),
    "double": (_FLOAT, "a floating-point number", True),
    "duration": (r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?",
                 "a duration", False),
    "dateTime": (_YEAR + r"-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?" + _TZ,
                 "an ISO date and time", False),
    "time": (r"\d\d:\d\d:\d\d(\.\d+)?" + _TZ, "an ISO time", False),
    "date": (_YEAR + r"-\d\d-\d\d" + _TZ, "an ISO date", False),
    "gYearMonth": (_YEAR + r"-\d\d" + _TZ, "an ISO year and month", False),
    "gYear": (_YEAR + _TZ, "a year", False),
    "gMonthDay": (r"--\d\d-\d\d" + _TZ, "an ISO month and day (of the form --MM-DD)", False),
    "gDay": (r"---\d\d" + _TZ, "an ISO day of the month (of the form ---DD)", False),
    "gMonth": (r"--\d\d" + _TZ, "an ISO month (of the form --MM)", False),
    "hexBinary": (r"([0-9a-fA-F]{2})*", "a hexadecimal string", False),
    "base64Binary": (r"[A-Za-z0-9+/=\s]*", "a base64 string", False),
    "anyURI": (r"(?:[^\x00-\x1f#%]|%[0-9A-Fa-f]{2})*(?:#(?:[^\x00-\x1f#%]|%[0-9A-Fa-f]{2})*)?",
               "a URI", False),
    "language": (r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", "an RFC 3066 language identifier",
                 False),
    "Name": (f"({_NAME_START}){_NAME_CHAR}*", "an XML name", False),
    "NCName": (_NCNAME, "an XML name without colons", False),
    "ID": (_NCNAME, "an XML name without colons", False),
    "IDREF": (_NCNAME, "an XML name without colons", False),
    "ENTITY": (_NCNAME, "an XML name without colons", False),
    "IDREFS": (rf"{_NCNAME}(\s+{_NCNAME})*", "a list of XML names without colons", False),
    "ENTITIES": (rf"{_NCNAME}(\s+{_NCNAME})*", "a list of XML names without colons", False),
    "NMTOKEN": (f"{_NAME_CHAR}+", "an XML NMTOKEN", False),
    "NMTOKENS": (rf"{_NAME_CHAR}+(\s+{_NAME_CHAR}+)*", "a list of XML NMTOKENs", False),
    "QName": (rf"({_NCNAME}:)?{_NCNAME}", "an XML QName", False),
}
_INTEGERS = {"nonNegativeInteger": (0, None), "positiveInteger": (1, None),
             "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
             "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1),
             "byte": (-128, 127), "unsignedLong": (0, 2**64 - 1),
             "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 65535),
             "unsignedByte": (0, 255)}
_COLLAPSED = {"string", "normalizedString"}  # whitespace kept; every other type collapses it


@dataclass(frozen=True)
class Datatype:
    """One datatype with its parameters (facets)."""

    library: str
    name: str
    params: tuple[tuple[str, str], ...] = ()

    def _text(self, text: str) -> str:
        if self.name in _COLLAPSED and self.library:
            return text
        if not self.library and self.name == "string":
            return text
        return " ".join(text.split())

    def failure(self, text: str) -> str | None:
        """Why `text` is not a value of this datatype, in jing's words; None if it is."""
        if not self.library:
            return None
        if self.library != XSD:
            return None
        value = self._text(text)
        base = _base(self.name)
        lexical = _LEXICAL.get(base)
        if lexical is not None and not (_compiled(lexical[0]).fullmatch(value) and (
                _calendar_ok(value)) and (base != "anyURI" or _brackets_ok(value))):
            return f"must be {lexical[1]}"
        if self.name in _INTEGERS and lexical is not None:
            low, high = _INTEGERS[self.name]
            if low is not None and int(value) < low:
                return f"must be {lexical[1]} greater than or equal to {low}"
            if high is not None and int(value) > high:
                return f"must be {lexical[1]} less than or equal to {high}"
        return self._facets(value, lexical[1] if lexical else "a string",
                            bool(lexical and lexical[2]))

    def _facets(self, value: str, words: str, numeric: bool) -> str | None:
        for name, limit in self.params:
            if name == "pattern":
                expression = _xsd_regex(limit)
                if expression is not None and not expression.fullmatch(value):
                    return f'must be {words} matching the regular expression "{limit}"'
            elif name in ("length", "minLength", "maxLength"):
                size = len(value.split()) if self.name.endswith("S") else len(value)
                wanted = int(limit)
                broken = {"length": size != wanted, "minLength": size < wanted,
                          "maxLength": size > wanted}[name]
                if broken:
                    how = {"length": "equal to", "minLength": "at least",
                           "maxLength": "at most"}[name]
                    return f"must be {words} with length {how} {limit} (actual length was {size})"
            elif numeric and name in _ORDER:
                broken_order = _out_of_order(value, name, limit)
                if broken_order:
                    return f"must be {words} {_ORDER[name]} {limit}"
        return None

    def allows(self, text: str) -> bool:
        return self.failure(text) is None

    def same(self, text: str, value: str) -> bool:
        if self.library == XSD and _base(self.name) in ("decimal", "integer", "float",
                                                         "double"):
            try:
                return Decimal(self._text(text)) == Decimal(self._text(value))
            except InvalidOperation:
                return False
        return self._text(text) == self._text(value)

    def describe(self) -> str:
        return self.name


_ORDER = {"minInclusive": "greater than or equal to", "minExclusive": "greater than",
          "maxInclusive": "less than or equal to", "maxExclusive": "less than"}


def _out_of_order(value: str, name: str, limit: str) -> bool:
    try:
        number, bound = Decimal(value), Decimal(limit)
    except InvalidOperation:
        return False
    if number.is_nan():
        return False
    return {"minInclusive": number < bound, "minExclusive": number <= bound,
            "maxInclusive": number > bound, "maxExclusive": number >= bound}[name]



_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _calendar_ok(value: str) -> bool:
    """Whether the months, days and times of a date or time value exist (a value that
    is not a date or time passes)."""
    date = re.match(r"(-?\d{4,})?-{1,3}(\d\d)(?:-(\d\d))?", value)
    if date and "-" in value[1:] and not value.startswith("---"):
        year, month, day = date.group(1), date.group(2), date.group(3)
        if value.startswith("--"):
            year, month, day = None, date.group(2), date.group(3)
        if not 1 <= int(month) <= 12:
            return False
        if day is not None:
            leap = year is None or (int(year) % 4 == 0 and (
                int(year) % 100 != 0 or int(year) % 400 == 0))
            limit = _DAYS[int(month) - 1] - (1 if int(month) == 2 and not leap else 0)
            if not 1 <= int(day) <= limit:
                return False
    elif value.startswith("---") and not 1 <= int(value[3:5]) <= 31:
        return False
    time = re.search(r"(\d\d):(\d\d):(\d\d)", value)
    return not (time and (int(time[1]) > 24 or int(time[2]) > 59 or int(time[3]) > 59))


_IP_LITERAL = re.compile(r"[A-Za-z][\w+.\-]*://\[[0-9A-Fa-f:.]*\]")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")


def _brackets_ok(uri: str) -> bool:
    """Square brackets belong only around an IP address as a URI's host, and a colon
    before any `/`, `?` or `#` ends a scheme."""
    head = re.split(r"[/?#]", uri, maxsplit=1)[0]
    if ":" in head and not _SCHEME.fullmatch(head.split(":", 1)[0]):
        return False
    literal = _IP_LITERAL.match(uri)
    rest = uri[literal.end():] if literal else uri
    return "[" not in rest and "]" not in rest


def _base(name: str) -> str:
    return "integer" if name in _INTEGERS else name


@lru_cache(maxsize=256)
def _compiled(expression: str) -> re.Pattern[str]:
    return re.compile(expression)


# XML Schema's escapes that Python's `re` lacks, as near equivalents.
_ESCAPES = {r"\i": r"[^\W\d]|:", r"\c": r"[\w.\-:\u00b7]", r"\I": r"[\W\d]",
            r"\C": r"[^\w.\-:\u00b7]"}
_CLASS_ESCAPES = {r"\i": r"^\W\d:", r"\c": r"\w.\-:\u00b7"}
_PROPERTY = re.compile(r"\\([pP])\{(\w+)\}")


@lru_cache(maxsize=256)
def _xsd_regex(expression: str) -> re.Pattern[str] | None:
    """An XML Schema regular expression as a Python one; None when it has a construct
    that has no near equivalent (the value is then not checked against it)."""
    out = []
    in_class = False
    index = 0
    while index < len(expression):
        char = expression[index]
        pair = expression[index:index + 2]
        if char == "\\":
            prop = _PROPERTY.match(expression, index)
            if prop:
                letters = r"^\W\d_" if prop[2].startswith("L") else r"\d"
                if prop[2][0] not in "LN":
                    return None
                negated = prop[1] == "P"
                body = letters if not negated else (r"\W\d_" if letters.startswith("^")
                                                    else r"\D")
                out.append(body if in_class else f"[{body}]")
                index = prop.end()
                continue
            if pair in (_CLASS_ESCAPES if in_class else _ESCAPES):
                found = (_CLASS_ESCAPES if in_class else _ESCAPES)[pair]
                out.append(found if in_class else f"(?:{found})")
            else:
                out.append(pair)
            index += 2
            continue
        if char == "[":
            if in_class:
                return None  # class subtraction
            in_class = True
        elif char == "]":
            in_class = False
        elif char in "^$" and not (in_class and char == "^" and out[-1] == "["):
            out.append("\\" + char)
            index += 1
            continue
        out.append(char)
        index += 1
    try:
        return re.compile("".join(out))
    except re.error:
        return None


def datatype(library: str, name: str, params: tuple[tuple[str, str], ...]) -> Datatype:
    """The datatype `name` of `library` ('' for RELAX NG's built-in string and token)."""
    return Datatype(library, name, params)
