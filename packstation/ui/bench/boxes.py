"""Several boxes per order, and the packing slip of each box.

Part of the bench controller (``controller.py``). ``PS-BOX`` (or Ctrl+B) closes the box
on the bench: it goes to the outbox as a fulfillment of its own, with its own label, in
the same transaction that empties the box on the journal, and the order stays open with
what is left. Splitting is deliberate, so no partial-shipment question is asked. The last
box ships as any order does (auto-ship included). Undo never reaches into a closed box:
each box starts a new session.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.packing import PackingSession
from packstation.store import OutboxItem
from packstation.ui.bench.mode import Mode
from packstation.ui.printing.slips import Slip, should_print, slip_for_shipment
from packstation.ui.station.port_types import ShipmentRecord
from packstation.ui.station.sounds import Sound
from packstation.ui.words import bench as words
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.redo.models import Order
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")

#: Where the outcome of a lead's reprint is said: the bench's banner, or the dialog
#: the lead asked from (the History), which would otherwise hide it.
Report = Callable[[Feedback], None]


class BoxFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        #: The boxes of the open order already closed at this bench, in order.
        self.closed: list[OutboxItem] = []
        #: A slip that did not print, for "print again" (F6).
        self.failed_slip: Slip | None = None

    @property
    def number(self) -> int:
        """The number of the box on the bench (1 until a box is closed)."""
        return len(self.closed) + 1

    def reset(self, closed: list[OutboxItem] | None = None) -> None:
        self.closed = list(closed or [])

    def latest(self) -> list[OutboxItem]:
        """The closed boxes as the last snapshot has them (sent, waiting, held)."""
        current = {i.fulfillment_id: i for i in self.bench.port.snapshot.order_items}
        return [current.get(item.fulfillment_id, item) for item in self.closed]

    # ------------------------------------------------------------------ closing a box

    def close(self) -> None:
        """PS-BOX / Ctrl+B: ship what is in the box with its own label; the order stays open."""
        bench = self.bench
        session = bench.session
        if session is None or bench.mode is not Mode.ORDER or bench.question is not None:
            return
        bench.shipping.stop_countdown()
        if not session.total_packed:
            bench.refuse(feedback.error(tr("This box is empty: scan items into it first.")))
            return
        if session.all_packed:
            bench.shipping.ship()  # the last box: everything left is in it
            return
        inputs = bench.inputs
        if not bench.inputs_ready:
            bench.refuse(
                feedback.error(
                    tr("Scan this box's shipping label first (or PS-DUMMY for dummy tracking).")
                )
            )
            return
        if not inputs.dummy and any(b.summary.tracking == inputs.tracking for b in self.closed):
            bench.refuse(
                feedback.error(
                    tr(
                        "Label {code} is already on an earlier box: scan this box's own label."
                    ).format(code=inputs.tracking)
                )
            )
            return
        shipping = bench.shipping.checked_shipping(session)
        if shipping is None:
            return
        number, ref = self.number, bench.order_ref
        bench.hold_scans(True)  # the next scans belong in the next box: wait for it
        self.print_slip(session, number, final=False)

        def queued(item: OutboxItem) -> None:
            self.closed.append(item)
            bench.shipment_queued.emit(item.fulfillment_id)
            fresh = bench.orders.new_session(session.order)
            next_inputs = dataclasses.replace(inputs, tracking="")
            bench.orders.show(ref, fresh, next_inputs)
            bench.hold_scans(False)
            bench.say(
                Feedback(
                    tr("Box {n} closed: {items}. Box {next} started: {left} left to pack.").format(
                        n=number,
                        items=feedback.items(item.summary.units),
                        next=number + 1,
                        left=feedback.items(fresh.total_remaining),
                    ),
                    Tone.SUCCESS,
                    Sound.SHIPPED,
                )
            )

        def failed(exc: BaseException) -> None:
            bench.hold_scans(False)
            bench.edits.storage_failed(exc)

        bench.port.ship(
            session,
            ref,
            shipping,
            packer=bench.packer,
            box=number,
            last=False,
            done=queued,
            failed=failed,
        )

    # ------------------------------------------------------------------ slips

    def print_slip(self, session: PackingSession, number: int, *, final: bool) -> None:
        """The box's slip, when the settings say slips print on ship."""
        if should_print(self.bench.port.settings, "ship"):
            boxes = number if final and self.closed else None
            self._print(self._slip(session, session.packed_by_line(), number, boxes))

    def print_for_open(self, session: PackingSession) -> None:
        """On order open (a setting): the slip of everything left to pack."""
        if should_print(self.bench.port.settings, "open") and not session.nothing_to_ship:
            left = {line.item.id: line.remaining for line in session.lines() if line.remaining}
            self._print(self._slip(session, left, 1, 1))

    def reprint(self, fulfillment_id: str, report: Report | None = None) -> None:
        """History: the slip of a box already queued or sent; the order (address, method)
        is read from Redo again, its lines and lots from this station's record. Every
        outcome, printed or not, is said through ``report`` (default: the banner)."""
        bench = self.bench
        say = report or bench.say
        settings = bench.port.settings
        if not settings.printer:
            say(words.no_printer())
            return

        def found(record: ShipmentRecord | None) -> None:
            if record is None or not bench.port.configured:
                say(feedback.error(tr("That shipment's slip cannot be printed here.")))
                return
            item = record.item
            say(Feedback(tr("Printing the slip of {ref}…").format(ref=item.order_ref), Tone.BUSY))

            def fetched(order: Order) -> None:
                slip = slip_for_shipment(
                    order,
                    item,
                    store_name=settings.store_name or settings.store_id,
                    box=item.summary.box or 1,
                    boxes=record.boxes,
                )
                self._print(slip, say)

            bench.port.fetch_order(
                item.order_id, fetched, lambda exc: say(feedback.load_failed(exc))
            )

        bench.port.records.shipment(fulfillment_id, found)

    def print_again(self) -> None:
        """F6: the slip that did not print."""
        slip, self.failed_slip = self.failed_slip, None
        if slip is None:
            self.bench.say(feedback.info(tr("No slip is waiting to be printed again.")))
            return
        self._print(slip, self.bench.say)

    def _slip(
        self, session: PackingSession, packed: dict[str, int], number: int, boxes: int | None
    ) -> Slip:
        settings = self.bench.port.settings
        several = number > 1 or boxes is None
        return Slip.build(
            session.order,
            self.bench.order_ref,
            packed,
            store_name=settings.store_name or settings.store_id,
            marks=session.marks_by_line(),
            packer=self.bench.packer,
            box=number,
            boxes=boxes if several else 1,
        )

    def _print(self, slip: Slip, report: Report | None = None) -> None:
        """Print ``slip``; with ``report`` (a lead asked for it) the outcome is said there
        either way; without, only a failure is said, on the bench, with F6 to retry."""
        bench = self.bench

        def printed(where: str) -> None:
            log.info("slip printed to %s", where)
            if report is not None:
                report(
                    Feedback(
                        tr("The slip of {ref} box {box} was printed ({where}).").format(
                            ref=slip.order_ref, box=slip.box, where=where
                        ),
                        Tone.SUCCESS,
                    )
                )

        def failed(exc: BaseException) -> None:
            self.failed_slip = slip
            (report or bench.say)(error_with_retry(words.print_failed(slip, exc)))

        if not bench.port.print_slip(slip, printed, failed) and report is not None:
            report(words.no_printer())


def error_with_retry(sentence: str) -> Feedback:
    return Feedback(sentence + " " + tr("Press F6 to print it again."), Tone.WARNING, Sound.ERROR)
