"""Command barcodes (``PS-...``): a packer drives the whole bench from a printed sheet.

Part of the bench controller (``controller.py``). A command works from any state and
answers the open question first: ``PS-CONFIRM`` / ``PS-SHIP`` say yes, ``PS-CANCEL`` no,
and a badge (``PS-USER-<name>``) answers a question that asks who is doing something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packstation.packing.commands import Command, CommandScan
from packstation.ui.bench.returns import RETURNS_COMMANDS
from packstation.ui.station.sounds import Sound
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController


def run_command(bench: BenchController, scan: CommandScan) -> None:
    """A command barcode: works from any state, and answers the open question."""
    command = scan.command
    question = bench.question
    if question is not None:
        if question.wants_badge and command is Command.USER:
            question.give_badge(scan.user)
        elif command in (Command.CONFIRM, Command.SHIP) and not question.wants_badge:
            question.confirm()
        elif command is Command.CANCEL:
            question.cancel()
        else:
            bench.refuse(feedback.error(question.hint()), command.value)
        return
    if command is Command.USER:
        bench.identity.set_packer(scan.user)
    elif command is Command.CANCEL:
        if not bench.shipping.stop_countdown(announce=True):
            bench.acknowledge()
    elif command is Command.TAKEOVER:
        bench.warehouse.take_over()
    elif command is Command.RETURNS:
        bench.returns.enter()
    elif bench.returns.active and command in RETURNS_COMMANDS:
        bench.returns.command(scan)
    elif command is Command.PACKING:
        bench.say(feedback.info(tr("This bench packs orders already. Scan a packing slip.")))
    elif command is Command.DAMAGED:
        bench.refuse(
            feedback.error(tr("PS-DAMAGED is for receiving returns (PS-RETURNS first).")),
            command.value,
        )
    elif command is Command.CONFIRM:
        # With no question open, "yes" resumes a stopped auto-ship countdown.
        bench.acknowledge()
        bench.shipping.maybe_autoship()
    elif bench.session is None:
        bench.refuse(feedback.error(tr("Scan a packing slip first.")), command.value)
    elif command is Command.SHIP:
        bench.shipping.ship()
    elif command is Command.BOX:
        bench.boxes.close()
    elif command is Command.UNDO:
        bench.edits.undo()
    elif command is Command.CLEAR:
        bench.orders.clear()
    elif command is Command.DUMMY:
        bench.shipping.set_dummy(not bench.inputs.dummy)
    elif command is Command.QTY:
        bench.next_quantity = scan.quantity
        bench.say(
            Feedback(
                tr("The next item scan counts %n.", None, scan.quantity), Tone.INFO, Sound.GOOD
            )
        )
