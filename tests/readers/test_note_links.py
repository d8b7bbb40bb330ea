"""Markers linked to their notes where the notes' order and the markers' order part (#12)."""

from __future__ import annotations

from pathlib import Path

from teipipe import readers, source
from teipipe.diagnostics import Reporter
from teipipe.model import Document, NoteRef, Text, inline_text
from teipipe.walk import iter_inline_runs


def _read(tmp_path: Path, text: str, reader: str) -> tuple[Document, Reporter]:
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    reporter = Reporter()
    return readers.get(reader).read(source.read(path, path.name), reporter), reporter


def _refs(doc: Document) -> list[tuple[str, str]]:
    """(the word before, the note id) of every marker, in document order."""
    found = []
    for run in iter_inline_runs(doc):
        for before, node in zip(run, run[1:], strict=False):
            if isinstance(node, NoteRef) and isinstance(before, Text):
                found.append((before.text.split()[-1], node.note_id))
    return found


def _pieces(first: str, second: str, third: str) -> str:
    return ("Lieber Paul!\n\nDein lieber Geburtstagsbrief" + first + " hat mich sehr erfreut."
            "\n\nHabe Dank für Deine Karte" + second + ", sie kam gestern.\n\n"
            "Mama läßt fragen, ob Du eine Pekesche" + third + " brauchst.\n\nDeine Mutter\n\n")


def test_bracketed_markers_out_of_the_notes_order_are_linked_where_they_stand(
        tmp_path: Path) -> None:
    text = (_pieces("[1]", "[3]", "[2]")
            + "\n1. Der Brief liegt nicht vor.\n\n2. Eine verschnürte Jacke.\n\n"
              "3. Die Karte liegt nicht vor.\n")
    doc, reporter = _read(tmp_path, text, "web-archive")
    assert _refs(doc) == [("Geburtstagsbrief", "n1"), ("Karte", "n3"), ("Pekesche", "n2")]
    assert all(note.cited for note in doc.notes)
    assert not [d for d in reporter if d.code.startswith("notes.")]


def test_glued_markers_out_of_the_notes_order_are_linked_where_they_stand(
        tmp_path: Path) -> None:
    text = (_pieces("1", "3", "2").replace("\n\n", " \n\n")
            + "                              \n1 Der Brief liegt nicht vor. \n"
              "2 Eine verschnürte Jacke. \n3 Die Karte liegt nicht vor. \n")
    doc, _ = _read(tmp_path, text, "pdf-text")
    assert sorted(_refs(doc)) == [("Geburtstagsbrief", "n1"), ("Karte", "n3"),
                                  ("Pekesche", "n2")]


def test_numbered_lines_of_the_letter_before_its_endnotes_stay_in_the_letter(
        tmp_path: Path) -> None:
    # Titles the writer numbers after signing (`1) …`, `1. …`) are not the notes `1.` … `2.`.
    text = ("Lieber Herr Tillich!\n\nDie Arbeit sei zu philosophisch.[1] Die Referenten[2] "
            "haben es gesagt.\n\nMit bestem Gruss Ihr\n\nW. Lütgert\n\n"
            "1) Das Übernatürliche, 2) Die Dialektik des Supranaturalismus.\n\n"
            "1. Die Begriffsbildung, 2. Die logischen Probleme.\n\n\n"
            "1. Für die Gutachten vgl. Neugebauer.\n\n2. Begutachtet von Kattenbusch.\n")
    doc, reporter = _read(tmp_path, text, "web-archive")
    assert [(n.label, inline_text(n.blocks[0].inlines)) for n in doc.notes] == [
        ("1", "Für die Gutachten vgl. Neugebauer."), ("2", "Begutachtet von Kattenbusch.")]
    assert _refs(doc) == [("philosophisch.", "n1"), ("Referenten", "n2")]
    kept = " ".join(inline_text(run) for run in iter_inline_runs(doc))
    assert "Das Übernatürliche" in kept and "Die Begriffsbildung" in kept
    assert not [d for d in reporter if d.code == "notes.unreferenced"]
