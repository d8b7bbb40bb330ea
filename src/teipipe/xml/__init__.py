"""XML helpers every room may use: typed XPath, start-tag columns, the Saxon processor."""
