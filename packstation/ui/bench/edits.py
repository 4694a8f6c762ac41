"""Changes to what is in the box: a scan that packs, + / −, undo, and their journal.

Part of the bench controller (``controller.py``). Every change is committed to the
journal (``port.save``, on the store thread) before the window shows it; if the disk
refuses, the change is undone in memory and the packer is told.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.packing import Packed, PackingSession
from packstation.ui.station.port_types import BenchState
from packstation.ui.words import feedback
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")


class EditFlow:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench

    def pack(self, code: str, first: str = "") -> None:
        """A scan of an item; ``first`` is said before what it packed, in one message (a
        barcode just taught: who taught it must not be overwritten by "packed")."""
        session = self.bench.session
        assert session is not None
        multiplier, self.bench.next_quantity = self.bench.next_quantity, 1
        outcome = session.scan(code, multiplier)
        if not isinstance(outcome, Packed):
            if hasattr(outcome, "line_index"):
                self.bench.row_scanned.emit(outcome.line_index)
            self.bench.refuse(feedback.refused(outcome, session), code)
            self.journal_mis_scan(getattr(outcome, "code", code))
            return

        def shown() -> None:
            line = session.line(outcome.line_index)
            self.bench.rows_changed.emit((outcome.line_index,))
            self.bench.row_scanned.emit(outcome.line_index)
            said = feedback.packed(outcome, line, session, self.bench.inputs_ready)
            if first:
                said = dataclasses.replace(said, text=f"{first} {said.text}")
            self.bench.say(said)

        self.commit("scan", code, shown)

    def state_of(self, session: PackingSession) -> BenchState:
        """What the journal records of ``session`` with the bench's label and packer."""
        return BenchState(
            session.packed_by_line(),
            self.bench.inputs,
            self.bench.packer,
            session.marks_by_line(),
        )

    def commit(self, kind: str, detail: str, then: Callable[[], None]) -> None:
        """Journal the session's new state on the store thread; show it once it is on disk."""
        session = self.bench.session
        assert session is not None

        def done(_: object) -> None:
            if self.bench.session is session:
                then()
                self.bench.progress_changed.emit()
                self.bench.shipping.maybe_autoship()

        def failed(exc: BaseException) -> None:
            if self.bench.session is session:
                session.undo()
                self.bench.rows_changed.emit(None)
                self.bench.progress_changed.emit()
            self.storage_failed(exc)

        self.bench.port.save(
            session.order_id,
            self.state_of(session),
            kind=kind,
            detail=detail,
            done=done,
            failed=failed,
        )
        # The ship button counts what is in the box now; the row shows once it is on disk.
        self.bench.progress_changed.emit()

    def storage_failed(self, exc: BaseException) -> None:
        log.error("could not write to the station database: %s", exc)
        self.bench.refuse(feedback.storage_failed(exc))

    def journal_mis_scan(self, code: str) -> None:
        session = self.bench.session
        if session is None:
            return
        state = BenchState(session.packed_by_line(), self.bench.inputs, self.bench.packer)
        self.bench.port.save(
            session.order_id,
            state,
            kind="mis-scan",
            detail=code,
            done=lambda _: None,
            failed=lambda exc: log.warning("could not journal a mis-scan: %s", exc),
        )

    def change_line(self, row: int | None, delta: int) -> None:
        """+ / −: one more or one less of a selected line (items without a barcode)."""
        session = self.bench.session
        if session is None:
            return
        if row is None:
            self.bench.refuse(feedback.error(tr("Select a line first (arrow keys or a click).")))
            return
        line = session.line(row)
        after = session.set_quantity(row, line.packed + delta)
        if after == line.packed:
            if not line.packable:
                self.bench.refuse(
                    feedback.error(
                        tr("{title}: this item was already shipped.").format(title=line.item.title)
                    )
                )
            elif delta > 0:
                self.bench.refuse(
                    feedback.error(tr("{title} is already complete.").format(title=line.item.title))
                )
            else:
                self.bench.say(
                    feedback.info(tr("{title}: none packed yet.").format(title=line.item.title))
                )
            return

        def shown() -> None:
            self.bench.rows_changed.emit((row,))
            now = session.line(row)
            self.bench.say(
                feedback.added(now, session.all_packed) if delta > 0 else feedback.removed(now)
            )

        self.commit("edit", f"{row}:{after}", shown)

    def undo(self) -> None:
        if self.bench.returns.active:  # Ctrl+Z on the receiving bench
            self.bench.returns.undo()
            return
        session = self.bench.session
        if session is None:
            return
        rows = session.undo()
        if rows is None:
            self.bench.say(feedback.info(tr("Nothing to undo.")))
            return
        self.bench.shipping.stop_countdown()

        def shown() -> None:
            self.bench.rows_changed.emit(rows)
            self.bench.say(feedback.undone([session.line(row) for row in rows]))

        self.commit("undo", "", shown)
