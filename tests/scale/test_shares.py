"""The build keeps each document's index row and CMIF entries on disk, not in memory."""

from __future__ import annotations

from pathlib import Path

from support.scale import run_build
from teipipe.machinery.shares import DocumentShares
from teipipe.project.edition import load as load_edition
from teipipe.project.layout import Project
from teipipe.project.register import load as load_register
from teipipe.publish import site
from teipipe.publish.site import DocumentRow


def row(name: str, date: str, refs: set[str]) -> DocumentRow:
    return DocumentRow(name=name, title=f"Letter {name}", date=date, sender="Ida Body",
                       addressee="Otto Weil", language="fr", language_name="French",
                       parallel="", refs=frozenset(refs))


def test_shares_come_back_in_corpus_order_whatever_the_order_they_came_in() -> None:
    shares = DocumentShares(5)
    shares.put(3, "d", row("d", "1936-01-04", {"weil"}), b"<correspDesc>d</correspDesc>")
    shares.put(0, "a", row("a", "1936-01-01", {"body", "weil"}), "é".encode())
    shares.put(2, "c", None, b"")
    shares.put(0, "a", row("a", "1936-01-02", {"body"}), b"<correspDesc>a</correspDesc>")
    assert list(shares.names()) == ["a", "c", "d"]  # 1 and 4 were never put
    assert list(shares.entries()) == [("a", b"<correspDesc>a</correspDesc>"), ("c", b""),
                                      ("d", b"<correspDesc>d</correspDesc>")]
    rows = shares.rows()
    assert len(rows) == 2  # "c" has no row
    assert [r.name for r in rows] == ["a", "d"]
    assert rows[0] == row("a", "1936-01-02", {"body"})  # the later put replaced the first
    assert rows[-1].refs == frozenset({"weil"})
    shares.close()


def test_shares_of_no_document_are_empty() -> None:
    shares = DocumentShares(3)
    assert len(shares) == 0
    assert list(shares) == []
    assert len(shares.rows()) == 0
    shares.close()


def test_index_and_register_pages_from_the_spooled_rows_equal_those_from_the_tei(
        synth: Project, tmp_path: Path) -> None:
    state = run_build(synth)
    assert not state.failed
    register, _ = load_register(synth.register, "register.toml")
    edition, _ = load_edition(synth.edition, "edition.toml")
    again = tmp_path / "site"
    rows = [site.row_of_file(p) for p in state.tei_files]
    site.write_index([r for r in rows if isinstance(r, site.DocumentRow)], register, edition,
                     again)
    built = synth.build / "site"
    pages = sorted(p.relative_to(again) for p in again.rglob("*.html"))
    assert Path("index.html") in pages and len(pages) > 10
    for page in pages:
        assert (built / page).read_bytes() == (again / page).read_bytes(), page
    index = (built / "index.html").read_text(encoding="utf-8")
    assert index.count('<a href="letters/') >= len(state.tei_files)
