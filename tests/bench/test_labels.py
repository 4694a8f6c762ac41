"""A shipping label scanned: recognised, checked against the order, asked about, refused.

That the form shows the label is the window's (``inputs_changed``):
``tests/ui/test_no_clipping.py`` scans one into the real field.
"""

from __future__ import annotations

import dataclasses

from packstation.packing import PackingSession, TrackingInput
from packstation.ui.bench.controller import BenchController
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


def _type(controller: BenchController, text: str) -> None:
    """The packer types into the tracking field: every keystroke reaches the inputs."""
    for end in range(1, len(text) + 1):
        controller.set_inputs(dataclasses.replace(controller.inputs, tracking=text[:end]))


def test_a_typed_label_gets_the_checks_of_a_scanned_one_before_it_ships(bench: Bench) -> None:
    """Typed, never entered, Ctrl+Enter: the carrier follows the label, not the combo."""
    controller, port = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M")
    controller.set_inputs(dataclasses.replace(controller.inputs, carrier="USPS"))
    _type(controller, "1z999aa1 0123456784")
    assert not controller.shipping.countdown.active  # a typed label does not count down
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    controller.shipping.ship()
    assert len(queued) == 1
    port.send_all()
    shipped = dict(port.redo.state.all_fulfillments())["5801001"]
    assert shipped["trackingNumber"] == UPS_LABEL
    assert shipped["trackingCompany"] == "UPS"


def test_a_typed_label_for_another_zip_is_refused_at_ship(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1013", "TEE-MER-BLK-M")
    _type(controller, WRONG_ZIP)
    controller.shipping.ship()
    assert controller.showing.tone is Tone.ERROR
    assert "This label is for ZIP 10001" in controller.showing.text
    assert controller.session is not None  # nothing shipped
    assert port.store.outbox.counts().pending == 0


def test_a_typed_number_no_carrier_knows_is_shown_in_amber_before_it_ships(
    bench: Bench,
) -> None:
    """A typo fails the carrier's check digit: the packer sees it before the box goes."""
    controller, port = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M")
    controller.set_inputs(dataclasses.replace(controller.inputs, carrier="UPS"))
    _type(controller, "1Z999AA10123456785")  # one digit off
    controller.shipping.ship()
    assert controller.session is not None
    assert controller.showing.tone is Tone.WARNING
    assert "1Z999AA10123456785: no UPS number has this format" in controller.showing.text
    assert port.store.outbox.counts().pending == 0
    controller.shipping.ship()  # looked at, and shipped on purpose
    assert controller.session is None
    assert port.store.outbox.counts().pending == 1


def test_enter_then_tab_in_the_tracking_field_checks_the_label_once(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M")
    said: list[str] = []
    controller.feedback.connect(lambda f: said.append(f.text))
    _type(controller, UPS_LABEL)
    controller.shipping.tracking_entered(UPS_LABEL)  # Enter
    controller.shipping.tracking_entered(UPS_LABEL)  # then focus leaves (Tab)
    assert controller.inputs.carrier == "UPS"
    assert sum(UPS_LABEL in text for text in said) == 1


def test_a_carrier_chosen_after_the_amber_message_is_checked_before_it_ships(
    bench: Bench,
) -> None:
    """The amber message says "choose the carrier": choosing one must not make the
    unknown number count as checked (a wrong check digit shipped so)."""
    controller, port = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M")
    _type(controller, "1Z999AA10123456785")
    controller.shipping.tracking_entered("1Z999AA10123456785")  # Tab: no carrier yet
    assert "choose the carrier" in controller.showing.text
    controller.set_inputs(dataclasses.replace(controller.inputs, carrier="UPS"))
    controller.shipping.ship()
    assert controller.session is not None  # not shipped on the first Ctrl+Enter
    assert "no UPS number has this format" in controller.showing.text
    assert port.store.outbox.counts().pending == 0
    controller.shipping.ship()
    assert port.store.outbox.counts().pending == 1


def test_an_unknown_number_with_a_carrier_off_the_shipping_method_asks(bench: Bench) -> None:
    """#1001 ships by UPS Ground: a number no format knows, sent as FedEx, is asked about."""
    controller, port = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M")
    controller.set_inputs(dataclasses.replace(controller.inputs, carrier="FedEx"))
    _type(controller, "ZZ12345678")
    controller.shipping.ship()  # said in amber first
    controller.shipping.ship()
    question = controller.question
    assert question is not None
    assert "ships by UPS Ground" in question.text
    question.accept_default()  # Enter: keep packing
    assert controller.session is not None
    assert port.store.outbox.counts().pending == 0
    controller.shipping.ship()
    assert controller.question is not None
    scan(controller, "PS-CONFIRM")  # "Ship as FedEx"
    assert controller.session is None
    port.send_all()
    shipped = dict(port.redo.state.all_fulfillments())["5801001"]
    assert (shipped["trackingCompany"], shipped["trackingNumber"]) == ("FedEx", "ZZ12345678")


def test_dummy_tracking_ticked_in_the_form_is_said_as_ps_dummy_is(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1002", "SOCK-HIK-GRY-M")  # more to pack: no countdown to say
    controller.set_inputs(dataclasses.replace(controller.inputs, dummy=True))
    assert controller.showing.text == "Dummy tracking on."
    scan(controller, "PS-DUMMY")
    assert controller.showing.text == "Dummy tracking off."
