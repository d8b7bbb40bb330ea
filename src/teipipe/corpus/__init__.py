"""Corpus level: what ties documents to each other (neighbouring letters, translations).

`links.plan_links` reads the ties from the sidecars of the whole corpus before
any conversion; each document's task then uses its own ties (`context` finds
the neighbouring letters of a correspondence, `align` aligns a translation with
its original).
"""
