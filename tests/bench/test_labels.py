"""A shipping label scanned: recognised, checked against the order, asked about, refused.

That the form shows the label is the window's (``inputs_changed``):
``tests/ui/test_no_clipping.py`` scans one into the real field.
"""

from __future__ import annotations

from packstation.packing import PackingSession, TrackingInput
from packstation.ui.words.feedback import Tone
from tests.helpers.orders import demo_order
from tests.helpers.station import Bench, scan

UPS_LABEL = "1Z999AA10123456784"
WRONG_ZIP = "42010001" + "9400111206206406260787"  # USPS to ZIP 10001


def test_label_scan_fills_carrier_and_tracking(bench: Bench) -> None:
    controller, _ = bench
    shown: list[tuple[str, str]] = []
    controller.inputs_changed.connect(
        lambda: shown.append((controller.inputs.carrier, controller.inputs.tracking))
    )
    scan(controller, "#1001", UPS_LABEL)
    assert (controller.inputs.carrier, controller.inputs.tracking) == ("UPS", UPS_LABEL)
    assert shown[-1] == ("UPS", UPS_LABEL)  # the form is told
    # #1001 ships by UPS Ground: a USPS label asks first; PS-CONFIRM takes it.
    scan(controller, "420972099400111899223197428497")
    assert controller.question is not None
    assert controller.question.title == "Label and shipping method differ"
    assert controller.inputs.tracking == UPS_LABEL
    scan(controller, "PS-CONFIRM")
    assert controller.question is None
    assert controller.inputs.carrier == "USPS"
    assert controller.inputs.tracking == "9400111899223197428497"
    assert shown[-1] == ("USPS", "9400111899223197428497")


def test_cancelling_a_reused_label_leaves_no_countdown(bench: Bench) -> None:
    """The label is checked when it is scanned, before any countdown starts."""
    controller, port = bench
    other = PackingSession(demo_order("#1002"))
    other.scan("BNE-WOOL-CHR")
    port.store.ship(other, "#1002", TrackingInput("UPS", UPS_LABEL))
    port.refresh(labels=True)  # queued behind the port's back, as by another tool
    scan(controller, "#1001", "JKT-RAIN-NVY-M", UPS_LABEL)
    question = controller.question
    assert question is not None
    assert "already used for order #1002" in question.text
    assert not controller.shipping.countdown.active
    assert controller.escape() == "question"  # Esc
    assert controller.question is None
    assert "Shipping in" not in controller.showing.text
    assert "not used" in controller.showing.text
    assert controller.inputs.tracking == ""
    assert not controller.shipping.countdown.active


def test_a_label_for_another_zip_is_refused_when_scanned(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1013", "TEE-MER-BLK-M", WRONG_ZIP)
    assert controller.showing.tone is Tone.ERROR
    assert "This label is for ZIP 10001; the order ships to 97201" in controller.showing.text
    assert controller.inputs.tracking == ""
    assert not controller.shipping.countdown.active
