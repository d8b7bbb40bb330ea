"""The head of a letter: address lines, salutations and datelines above its text.

Lines written for these tests in the shapes real editions print, in the five languages.
"""

from __future__ import annotations

import pytest

from teipipe.readers.address import is_address_line


@pytest.mark.parametrize("line", [
    "An den Präsidenten der Eisenbahngesellschaft Herrn Dr. Karl Meier in Basel",
    "An das Tit. Direktorium der Nordbahn Basel.",
    "An die Hochwürdige Philosophische Fakultät der Universität Jena",
    "An den ordentlichen Professor Herrn Dr. Anton Huber in Graz",
    "MHHerrn Pfarrer Keller, Präsidenten des h. Schulrathes.",
    "To Mrs J B Morton Council Bluffs Ia",
    "To His EXCELLENCY. GEORGE CLINTON, ESQUIRE, &c.",
    "To the Gentlemen of the Committee of Correspondence of the City of Boston.",
    "Hon. T. R. Walker",
    "Monsieur le Dr Paul Favre, Conseiller d'État, à Neuchâtel.",
    "À l'attention de la baronne de Saint-Aubin",
    "All' on. Sigr. Avvocato Pietro Bianchi Milano.",
    "Alla gentile Signora Maria Rossi",
    "A la Señora Doña Carmen López, Sevilla",
    "Al Excmo. Sr. D. Juan Pérez, Ministro de Hacienda",
])
def test_addresses_of_five_languages(line: str) -> None:
    assert is_address_line(line)


@pytest.mark.parametrize("line", [
    "An Exchange on the Strike",
    "An dem Tag kam er nicht.",
    "To the end of the war we stayed there",
    "To be or not to be",
    "A Letter and Some Notes",
    "Al final llegamos tarde a la estación",
])
def test_sentences_and_titles_are_no_addresses(line: str) -> None:
    assert not is_address_line(line)
