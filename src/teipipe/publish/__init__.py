"""Publishing: XSLT outputs, the static site, CMIF and the archival bag, read from TEI."""
