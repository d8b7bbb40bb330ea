"""What every room says about TEI alike: namespaces, language names, the schema's file names.

The namespace URIs are spelled out here and nowhere else in the Python code, so that
the writer, the publishing steps, the validation and the ODD compiler cannot disagree.
"""

from __future__ import annotations

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"

LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "ru": "Russian", "es": "Spanish",
    "it": "Italian", "la": "Latin", "nl": "Dutch", "pl": "Polish", "yi": "Yiddish",
}
"""English names of the languages a letter may be written in, for teiHeader and the site."""

ODD_FILE = "teipipe.odd"
RNG_FILE = "teipipe.rng"
SCH_FILE = "teipipe.sch"
REFERENCE_FILE = "reference.html"
SCHEMA_FILES = (ODD_FILE, RNG_FILE, SCH_FILE)
"""The ODD and what `teipipe schema compile` makes of it, as a schema folder holds them."""
