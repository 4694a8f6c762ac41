"""F4: an unknown barcode taught to a line of the order, by a person, in one step.

F4 and the line's number key are pressed in ``tests/ui/test_zero_touch.py``; the
leads' rules are in ``test_flows.py``.
"""

from __future__ import annotations

from packstation.ui.bench.teach import teach
from packstation.ui.words.feedback import Tone
from tests.helpers.station import Bench, packed, scan


def test_unknown_barcode_is_taught_in_one_step(bench: Bench) -> None:
    """With no leads named in the config, a named person teaches: the bench asks who."""
    controller, port = bench
    scan(controller, "#1002", "2000000123457")
    assert controller.showing.tone is Tone.ERROR
    assert controller.last_unknown == "2000000123457"
    teach(controller)  # F4; Redo is asked whether it is a SKU first
    assert ("find_inventory_levels", "2000000123457") in port.redo.calls
    question = controller.question
    assert question is not None and question.wants_badge
    scan(controller, "PS-USER-Sam")
    question = controller.question
    assert question is not None and question.choice
    assert len(question.options) == 3
    question.answer(2)  # the third line: the beanie
    assert packed(controller) == [0, 0, 1]
    (taught,) = port.store.catalog.taught()
    assert (taught.barcode, taught.sku) == ("2000000123457", "BNE-WOOL-CHR")
    assert taught.taught_by == "Sam"  # a person, never the station
    assert controller.last_unknown == ""
    # Who taught it and what it packed, in one message: "packed" does not replace it.
    assert "2000000123457 is now BNE-WOOL-CHR on this station (taught by Sam)." in (
        controller.showing.text
    )
    assert controller.showing.tone is Tone.SUCCESS


def test_a_complete_line_is_not_offered_for_teaching(bench: Bench) -> None:
    """Teaching to a line that is already complete would pack nothing."""
    controller, _ = bench
    scan(controller, "PS-USER-Sam", "#1002", "BNE-WOOL-CHR", "2000000123457")
    assert packed(controller) == [0, 0, 1]  # the beanie's line is complete
    teach(controller)
    question = controller.question
    assert question is not None and question.choice
    assert len(question.options) == 2
    assert not any("BNE-WOOL-CHR" in option for option in question.options)
