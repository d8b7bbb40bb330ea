"""teipipe: plain-text letters to archival TEI P5, validated against an ODD, transformed by XSLT."""

__version__ = "0.1.0"
