"""Issue 14, names (session 7, after the names v10 held-out list): a non-alcoholic malt drink sold
under a beer's name is not that beer. Checked through the real console script
(`interactions NAME --json`) with names of our own, not the list's.

A malt drink ("malta", "Maltina", "malt drink") is a soft drink brewed from malt without
alcohol: beside a beer's name it says the beer is not in it, so the name is "not in this guide:
ask your pharmacist" (never "safe", never alcohol). "Malt" alone is no such word: malt whisky,
single malt and malt liquor are alcohol.
"""

from __future__ import annotations

from names_cli import assert_found, assert_unknown


def test_a_malt_drink_under_a_beer_name_is_not_alcohol() -> None:
    assert_unknown(["Heineken Malta", "Guinness Malta", "malta Budweiser", "Maltina Guinness",
                    "Guinness malt drink", "Carling malt beverage"])


def test_malt_drinks_on_their_own_are_not_in_this_guide() -> None:
    assert_unknown(["malta", "Maltina", "malt drink", "malt soda"])


def test_malt_in_a_spirit_or_a_strong_lager_is_alcohol() -> None:
    assert_found({
        "Guinness": {"alcohol"},
        "malt whisky": {"alcohol"},
        "a single malt": {"alcohol"},
        "malt liquor": {"alcohol"},
        "Heineken": {"alcohol"},
    })


def test_a_malt_drink_is_not_alcohol_in_spanish_either() -> None:
    assert_unknown(["malta Heineken"], lang="es")
    assert_found({"Guinness": {"alcohol"}}, lang="es")
