"""Who wrote to whom, as title lines, addresses, salutations and signatures say it."""

from __future__ import annotations

import pytest

from teipipe.language.correspondents import (
    address_recipient,
    salutation_recipient,
    signature_sender,
    title_parties,
)


@pytest.mark.parametrize(("line", "sender", "recipient"), [
    ("Victor Serge to Leon trotsky", "Victor Serge", "Leon trotsky"),
    ("Lettre à Marguerite Rosmer, 27 septembre 1936", None, "Marguerite Rosmer"),
    ("Lettre de Calvin à Farel (1538)", "Calvin", "Farel"),
    ("Brief an Arthur Schnitzler", None, "Arthur Schnitzler"),
    ("Carta de Unamuno a Ortega y Gasset, Madrid, 4 de mayo de 1902", "Unamuno",
     "Ortega y Gasset"),
    ("Lettera di Giuseppe Verdi ad Arrigo Boito", "Giuseppe Verdi", "Arrigo Boito"),
    ("Jean-Jacques Rousseau to David Hume", "Jean-Jacques Rousseau", "David Hume"),
    ("Letter from John Bell", "John Bell", None),
])
def test_title_lines_name_sender_and_recipient(line: str, sender: str | None,
                                               recipient: str | None) -> None:
    parties = title_parties(line)
    assert parties is not None
    assert (parties.sender, parties.recipient) == (sender, recipient)


@pytest.mark.parametrize("line", ["A Modern Utopia", "Answer to critics",
                                  "Ich schreibe an Dich heute"])
def test_headings_are_not_title_lines(line: str) -> None:
    assert title_parties(line) is None


@pytest.mark.parametrize(("line", "name"), [
    ("À Louis du Tillet[1]", "Louis du Tillet"),
    ("Dem hochwohlgebornen Herrn Baron Karl von Stein", "Karl von Stein"),
    ("An Herrn Dr. Arthur Schnitzler", "Arthur Schnitzler"),
    ("To Mr. John Bell", "John Bell"),
    ("Al Sig. Giovanni Rossi", "Giovanni Rossi"),
    ("A Don Miguel de Unamuno", "Miguel de Unamuno"),
    ("A few words on this matter", None),
    ("Monsieur,", None),
    ("z. H. Alfred Escher", "Alfred Escher"),
    ("An Herrn Dr Alfred Escher in Zürich", "Alfred Escher"),
    ("À l'attention de Louis du Tillet", "Louis du Tillet"),
    ("A la atención de Juan Pérez", "Juan Pérez"),
    ("A Doge and Senate of Venice", "Doge and Senate of Venice"),
    ("An Exchange on the Strike", None),
    # A firm, a rank, an office after its article (Cody's and Whitman's correspondents).
    ("To Trübner & Company", "Trübner & Company"),
    ("Messrs. Smith & Co.", "Smith & Co"),
    ("Capt. Charles G. Penney", "Charles G. Penney"),
    ("Rev. and Dear Sir,", None),
    ("The Honorable Commissioner of Indian Affairs, Washington, D. C. Sir:",
     "Commissioner of Indian Affairs"),
])
def test_address_lines_name_the_recipient(line: str, name: str | None) -> None:
    assert address_recipient(line) == name


@pytest.mark.parametrize(("line", "name"), [
    ("Dear Leon Davidovich:", "Leon Davidovich"),
    ("Dear Mr. Bell,", "Bell"),
    ("Mon cher Victor,", "Victor"),
    ("Lieber Arthur!", "Arthur"),
    ("Carissimo Giovanni,", "Giovanni"),
    ("Querida Carmen:", "Carmen"),
    # The dash English letters put after a salutation; a hurried hand's stops (Cody).
    ("My Dear Beck—", "Beck"), ("My. Dear O'Dwyer—", "O'Dwyer"), ("My- Dear Beck", "Beck"),
    ("Dear, Tait.", "Tait"), ("Dear Jean-Paul,", "Jean-Paul"), ("Dear Sir:—", None),
    # A word of kinship or friendship before the name.
    ("Dear Brother Jeff,", "Jeff"), ("Friend Walt,", "Walt"),
    ("Dear Friend Walt Whitman,", "Walt Whitman"), ("Lieber Freund Karl!", "Karl"),
    ("Querido hermano Juan:", "Juan"), ("Dear Brother,", None),
    # Salutations that name nobody.
    ("Dear Sir,", None), ("Caro amico", None), ("Querido amigo:", None),
    ("Sehr geehrter Herr Doktor!", None), ("Muy señor mío:", None),
    ("Cher Monsieur et ami,", None), ("Hochverehrter Herr Baron!", None),
])
def test_salutations_name_the_recipient_or_nobody(line: str, name: str | None) -> None:
    assert salutation_recipient(line) == name


@pytest.mark.parametrize(("line", "name"), [
    ("Charles d'Espeville.", "Charles d'Espeville"),
    ("Ihr ergebener Arthur Schnitzler", "Arthur Schnitzler"),
    ("Your friend, John Bell", "John Bell"),
    ("Suyo afectísimo Miguel de Unamuno", "Miguel de Unamuno"),
    ("Yours sincerely", None),
    ("Tout à vous", None),
])
def test_signatures_name_the_sender(line: str, name: str | None) -> None:
    assert signature_sender(line) == name
