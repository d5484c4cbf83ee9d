"""Words Snowball would fold into another sense keep their own normal form."""

from __future__ import annotations

import pytest

from gaplint.api import Checker
from gaplint.examples import judged_covered
from gaplint.nlp import STEMMER, normalise
from gaplint.word_senses import SENSE_OF


@pytest.mark.parametrize(
    ("word", "other_sense"),
    [
        ("polite", "political"),
        ("information", "inform"),
        ("followers", "follow"),
        ("government", "governed"),
        ("terminals", "termination"),
        ("directive", "directly"),
        ("person", "personal"),
        ("relations", "related"),
        ("authority", "authorized"),
        ("manager", "manage"),
    ],
)
def test_a_word_and_its_stems_other_sense_no_longer_meet(word: str, other_sense: str) -> None:
    assert STEMMER.stem(word) == STEMMER.stem(other_sense)  # what Snowball alone does
    assert normalise(word) != normalise(other_sense)


def test_the_words_of_one_sense_still_meet_and_no_stem_is_a_senses_form() -> None:
    assert normalise("Organisations") == normalise("organisation") == normalise("organisational")
    assert normalise("disability") == normalise("Disabilities")
    senses = set(SENSE_OF.values())
    assert all(sense.endswith("~") for sense in senses)
    assert not senses & {STEMMER.stem(word) for word in SENSE_OF}


def test_a_rule_on_political_activity_does_not_read_politeness() -> None:
    checker = Checker()
    assert judged_covered(checker, "GL303", "Staff must never post political campaign material.")
    polite = "Staff must never be anything but polite and courteous to residents."
    assert not judged_covered(checker, "GL303", polite)
