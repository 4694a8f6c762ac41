"""Receiving returned parcels at the bench: the returns mode of the bench controller.

``PS-RETURNS`` (or the Station menu) turns the bench into a receiving bench, ``PS-PACKING``
back; the mode is kept in the station database with the return on the bench, so a
restart comes back to it. In returns mode a scan that is not a command is, in turn:

- with no return open: the parcel's label, the original order's slip or the return's ID,
  looked up through the port (``port.returns.find``; scans meanwhile are held);
- the note of the damaged unit just received: ``1`` to ``9`` picks a reason from the list,
  other text is the note (an item's code is not a note: it is received);
- an item: one unit received, sellable, or damaged after ``PS-DAMAGED``; a code on no item
  is refused aloud and recorded as undeclared.

Ctrl+Enter or ``PS-SHIP`` processes the return (``PS-CONFIRM`` confirms when units are
missing); ``PS-UNDO``, ``PS-QTY-n`` and ``PS-CLEAR`` work as in packing. Everything that
takes time goes through the port; the rules are ``packing/receiving.py``'s.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.packing.commands import Command, CommandScan
from packstation.packing.receiving import (
    AllArrived,
    Condition,
    Received,
    ReceivingSession,
    Undeclared,
)
from packstation.store.returns_sender import ReturnDone, ReturnEvent, ReturnProcessed
from packstation.ui.bench.mode import Mode
from packstation.ui.bench.questions import Question
from packstation.ui.bench.return_jobs import claim_key, job_for, receipt_printer
from packstation.ui.station.port_returns import Finished, NoReturn, OnBench, Several
from packstation.ui.words import feedback
from packstation.ui.words import returns as words
from packstation.ui.words import warehouse as warehouse_words
from packstation.ui.words.feedback import Tone
from packstation.ui.words.i18n import tr
from packstation.warehouse.claims import HeldElsewhere

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController
    from packstation.ui.station.port_returns import FindOutcome
    from packstation.ui.station.warehouse_claims import ClaimOutcome

log = logging.getLogger("packstation.returns")

#: Commands the receiving bench answers itself (the rest: ``commands.run_command``).
RETURNS_COMMANDS = frozenset(
    {Command.SHIP, Command.UNDO, Command.CLEAR, Command.DAMAGED, Command.QTY, Command.PACKING}
)


class ReturnsFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self.active = False
        self.on_bench: OnBench | None = None
        self.session: ReceivingSession | None = None
        #: ``PS-DAMAGED``: the next item scanned arrived damaged.
        self.damaged_next = False
        #: The line whose damaged unit waits for its note (a reason's number, or text).
        self.note_for: int | None = None
        #: The items' pictures, by SKU key (read from the return's order after it shows).
        self.images: dict[str, str] = {}
        bench.port.returns_news.connect(self._news)

    # --- the mode ----------------------------------------------------------------------

    def enter(self) -> None:
        bench = self.bench
        if self.active:
            bench.say(words.mode_on())
            return
        if bench.session is not None:
            bench.refuse(words.finish_first(), Command.RETURNS.value)
            return
        self._switch(on=True)
        bench.say(words.mode_on())

    def toggle(self) -> None:
        """The Station menu's entry and its key (F8)."""
        if self.active:
            self.leave()
        else:
            self.enter()

    def leave(self) -> None:
        bench = self.bench
        if self.on_bench is not None:
            bench.refuse(words.process_first(self.on_bench.order_name), Command.PACKING.value)
            return
        self.damaged_next = False
        self._switch(on=False)
        bench.say(words.mode_off())

    def _switch(self, *, on: bool, remember: bool = True) -> None:
        self.active = on
        if remember:
            self.bench.port.remember_mode("returns" if on else "packing")
        self.bench.returns_changed.emit()
        if on:  # the index brought up to date while the first parcel is reached for
            self.bench.port.returns.refresh(lambda _: None, self._index_failed)

    def restore(self) -> None:
        """The bench's mode as the packers last left it (else as the settings say), and
        the return left on the bench at the last close, as it was."""
        port = self.bench.port

        def mode(last: str) -> None:
            if (last or port.settings.bench_mode) == "returns" and not self.active:
                self._switch(on=True, remember=False)

        def restored(left: tuple[OnBench, dict[str, Any]] | None) -> None:
            if left is None:
                port.last_mode(mode, self._storage_failed)
                return
            ret, kept = left
            self.active = True
            self._open(ret)
            assert self.session is not None
            self.session.restore(kept)
            self.bench.returns_changed.emit()
            door = port.warehouse
            if door is not None:  # claimed again; another bench holding it by now is said

                def said(outcome: ClaimOutcome) -> None:
                    self._held_elsewhere(ret, outcome, "")

                door.claims.claim(claim_key(ret.return_id), ret.order_name, self.bench.packer, said)

        self.bench.port.returns.restore(restored, self._storage_failed)

    # --- scans -------------------------------------------------------------------------

    def scan(self, code: str) -> None:
        session = self.session
        if session is None:
            self._find(code)
            return
        if self.note_for is not None and self._take_note(code):
            return
        self._receive(session, code)

    def command(self, scan: CommandScan) -> None:
        bench, command = self.bench, scan.command
        if command is Command.PACKING:
            self.leave()
        elif command is Command.QTY:
            bench.next_quantity = scan.quantity
            bench.say(feedback.info(tr("The next item scan counts %n.", None, scan.quantity)))
        elif self.session is None:
            bench.refuse(feedback.error(words.prompt() + "."), command.value)
        elif command is Command.DAMAGED:
            self.damaged_next = True
            bench.say(words.damaged_next())
        elif command is Command.UNDO:
            self.undo()
        elif command is Command.CLEAR:
            self.clear()
        elif command is Command.SHIP:
            self.process()

    def _find(self, code: str) -> None:
        bench = self.bench
        bench.set_mode(Mode.LOADING)
        bench.say(words.looking(code))

        def found(outcome: FindOutcome) -> None:
            bench.set_mode(Mode.IDLE)
            if isinstance(outcome, OnBench):
                self._claim(outcome, code)
            elif isinstance(outcome, Finished):
                bench.refuse(words.finished(outcome.order_name, outcome.status), code)
            elif isinstance(outcome, Several):
                bench.refuse(words.several(outcome.order_name, outcome.count), code)
            else:
                assert isinstance(outcome, NoReturn)
                bench.refuse(words.no_return(code), code)

        def failed(exc: BaseException) -> None:
            bench.set_mode(Mode.IDLE)
            log.warning("finding the return of %r failed: %r", code[:40], exc)
            bench.refuse(feedback.error(words.find_failed(exc)), code)

        bench.port.returns.find(code, found, failed)

    def _claim(self, ret: OnBench, code: str) -> None:
        """In a warehouse, the return is claimed first, as an order is: one bench receives
        a parcel. Out of reach, it opens unchecked (the claim says why in the log)."""
        bench, door = self.bench, self.bench.port.warehouse

        def opened() -> None:
            self._open(ret)
            self._keep()
            expected = sum(line.expected for line in ret.lines)
            bench.say(words.opened(ret.order_name, expected, ret.exchange))

        if door is None:
            opened()
            return

        def answered(outcome: ClaimOutcome) -> None:
            if not self._held_elsewhere(ret, outcome, code):
                opened()

        door.claims.claim(claim_key(ret.return_id), ret.order_name, bench.packer, answered)

    def _held_elsewhere(self, ret: OnBench, outcome: ClaimOutcome, code: str) -> bool:
        if isinstance(outcome, HeldElsewhere):
            said = warehouse_words.return_held_elsewhere(ret.order_name, outcome.holder)
            self.bench.refuse(said, code)
            return True
        return False

    def _open(self, ret: OnBench) -> None:
        matcher = CatalogMatcher()
        self.on_bench, self.damaged_next, self.note_for = ret, False, None
        self.session = ReceivingSession(ret.return_id, ret.lines, matcher)
        self.bench.returns_changed.emit()
        skus = [line.sku for line in ret.lines if line.sku]

        # Redo gives each item's UPC on the return: it receives the item from the first scan.
        upcs = [CatalogEntry(line.sku, line.upc) for line in ret.lines if line.sku and line.upc]
        matcher.replace(upcs)

        def codes(entries: list[CatalogEntry]) -> None:
            if self.session is not None and self.session.matcher is matcher:
                matcher.replace([*entries, *upcs])

        self.bench.port.catalog.entries_for(skus, codes, self._storage_failed)
        self.images = {}

        def pictures(found: dict[str, str]) -> None:
            if self.on_bench is ret:
                self.images = found
                self.bench.returns_changed.emit()

        self.bench.port.returns.images(
            ret.order_name, pictures, lambda exc: log.info("no pictures for the return: %r", exc)
        )

    def _receive(self, session: ReceivingSession, code: str) -> None:
        bench = self.bench
        condition = Condition.DAMAGED if self.damaged_next else Condition.SELLABLE
        multiplier, bench.next_quantity = bench.next_quantity, 1
        self.damaged_next, self.note_for = False, None
        outcome = session.scan(code, condition, multiplier=multiplier)
        if isinstance(outcome, Received):
            line = session.lines[outcome.line_index]
            if condition is Condition.DAMAGED:
                self.note_for = outcome.line_index
            bench.say(words.received(line, outcome.received, outcome.unit))
            bench.rows_changed.emit((outcome.line_index,))
            bench.row_scanned.emit(outcome.line_index)
        elif isinstance(outcome, AllArrived):
            bench.refuse(words.all_arrived(session.lines[outcome.line_index]), code)
        elif isinstance(outcome, Undeclared):
            bench.refuse(words.undeclared(outcome.code), code)
        else:
            bench.refuse(feedback.error(tr("Unreadable scan: scan it again.")), code)
            return
        self._keep()
        bench.returns_changed.emit()

    def _take_note(self, code: str) -> bool:
        """``code`` as the note of the damaged unit just received: ``1`` to ``9`` picks a
        reason, words typed by hand (a space or a small letter in them) are the note.
        Anything else reads as a scan (a barcode is all capitals, digits and signs): it
        is received or refused as an item, and the unit's note stays empty."""
        session, index = self.session, self.note_for
        assert session is not None
        assert index is not None
        text = code.strip()
        reasons = self.bench.port.settings.damage_reasons
        if len(text) == 1 and text.isdigit() and 1 <= int(text) <= len(reasons):
            note = reasons[int(text) - 1]
        elif (" " in text or any(c.islower() for c in text)) and not session.names_an_item(text):
            note = text
        else:
            return False
        session.note_last(index, note)
        self.note_for = None
        self._keep()
        self.bench.say(words.noted(note))
        self.bench.returns_changed.emit()
        return True

    # --- changes -----------------------------------------------------------------------

    def undo(self) -> None:
        if self.session is None or self.session.undo() is None:
            self.bench.refuse(feedback.error(tr("Nothing to undo.")), Command.UNDO.value)
            return
        self.note_for = None
        self._keep()
        self.bench.say(feedback.info(tr("Undone.")))
        self.bench.returns_changed.emit()

    def set_received(self, index: int, count: int) -> None:
        """+/- on a line (the page's buttons)."""
        if self.session is not None:
            self.session.set_received(index, count)
            self._keep()
            self.bench.returns_changed.emit()

    def clear(self) -> None:
        ret, session = self.on_bench, self.session
        if ret is None or session is None:
            return
        if not session.total_received and not session.undeclared:
            self._clear(ret)
            return
        question = Question.yes_no(
            tr("Clear this return?"),
            words.clear_question(ret.order_name),
            tr("Clear the return"),
            tr("Keep receiving"),
            default_yes=False,
            parent=self.bench,
        )
        question.answered.connect(lambda _: self._clear(ret))
        self.bench.ask(question)

    def _clear(self, ret: OnBench) -> None:
        self._close()
        self.bench.port.returns.close(self._storage_failed)
        self.bench.say(words.cleared(ret.order_name))

    def _close(self) -> None:
        door = self.bench.port.warehouse
        if door is not None and self.on_bench is not None:
            door.claims.release(claim_key(self.on_bench.return_id))  # another bench may now
        self.on_bench, self.session, self.note_for, self.damaged_next = None, None, None, False
        self.bench.returns_changed.emit()

    def _keep(self) -> None:
        if self.on_bench is not None and self.session is not None:
            self.bench.port.returns.keep(
                self.on_bench, self.session.to_json(), self._storage_failed
            )

    # --- processing --------------------------------------------------------------------

    def process(self) -> None:
        session = self.session
        if session is None:
            return
        missing = sum(session.missing().values())
        if not missing:
            self._process()
            return
        question = Question.yes_no(
            tr("Process with units missing?"),
            words.missing_question(missing),
            tr("Process the return"),
            tr("Keep receiving"),
            parent=self.bench,
        )
        question.answered.connect(lambda _: self._process())
        self.bench.ask(question)

    def _process(self) -> None:
        ret, session, bench = self.on_bench, self.session, self.bench
        if ret is None or session is None:
            return
        job = job_for(ret, session, bench=bench.port.settings.station_name, packer=bench.packer)
        print_receipt = receipt_printer(bench, ret, session, str(job["job_id"]))

        def queued(_: str) -> None:
            self._close()
            bench.say(words.queued(ret.order_name))
            print_receipt()

        bench.port.returns.process(job, queued, self._storage_failed)

    def _news(self, event: ReturnEvent) -> None:
        """What the returns sender did with a return processed earlier at this bench."""
        name, bench = event.job.order_name, self.bench
        if isinstance(event, ReturnDone):
            return  # said when it was processed
        if isinstance(event, ReturnProcessed):
            # Said only between parcels, and never over a refusal still to be read.
            if self.session is None and bench.showing.tone is not Tone.ERROR:
                bench.say(words.processed(name, event.triggered))
        else:
            bench.say(words.held(name))

    def _storage_failed(self, exc: BaseException) -> None:
        log.error("returns: the station database failed: %r", exc)
        self.bench.edits.storage_failed(exc)

    def _index_failed(self, exc: BaseException) -> None:
        log.info("returns index not refreshed: %r", exc)
