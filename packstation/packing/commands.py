"""Command barcodes: a packer can drive the whole bench from a printed sheet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Command(StrEnum):
    SHIP = "PS-SHIP"
    BOX = "PS-BOX"
    UNDO = "PS-UNDO"
    CLEAR = "PS-CLEAR"
    DUMMY = "PS-DUMMY"
    QTY = "PS-QTY"
    CONFIRM = "PS-CONFIRM"
    CANCEL = "PS-CANCEL"
    USER = "PS-USER"
    #: Warehouse mode: a lead moves an order open at another bench to this one.
    TAKEOVER = "PS-TAKEOVER"
    #: Returns: the bench receives returned parcels; PACKING turns it back.
    RETURNS = "PS-RETURNS"
    PACKING = "PS-PACKING"
    #: Returns: the next item scanned arrived damaged (a note is asked for).
    DAMAGED = "PS-DAMAGED"


@dataclass(frozen=True, slots=True)
class CommandScan:
    command: Command
    quantity: int = 0
    user: str = ""


#: What each command does, for the printed sheet and the help.
DESCRIPTIONS: dict[Command, str] = {
    Command.SHIP: "Ship now (also confirms a partial shipment)",
    Command.BOX: "Close this box: ship it with its label, start the next box",
    Command.UNDO: "Undo the last scan or change",
    Command.CLEAR: "Clear the order (asks if anything is packed)",
    Command.DUMMY: "Dummy tracking on / off (testing)",
    Command.QTY: "The next item scan counts this many",
    Command.CONFIRM: "Yes: answer the open question",
    Command.CANCEL: "No: answer the open question, stop the auto-ship countdown",
    Command.USER: "The packer at this bench",
    Command.TAKEOVER: "Lead: take over the order open at another bench (warehouse)",
    Command.RETURNS: "Receive returned parcels at this bench",
    Command.PACKING: "Pack orders at this bench (leave returns)",
    Command.DAMAGED: "Returns: the next item scanned arrived damaged",
}

_QTY = re.compile(r"^PS-QTY-(\d{1,4})$")
_USER = re.compile(r"^PS-USER-([\w .'-]{1,40})$", re.UNICODE)
MAX_QTY = 1000


def parse_command(code: str) -> CommandScan | None:
    """The command a code stands for, or None if it is not a command barcode."""
    text = code.strip()
    upper = text.upper()
    if not upper.startswith("PS-"):
        return None
    for command in (
        Command.SHIP,
        Command.BOX,
        Command.UNDO,
        Command.CLEAR,
        Command.DUMMY,
        Command.CONFIRM,
        Command.CANCEL,
        Command.TAKEOVER,
        Command.RETURNS,
        Command.PACKING,
        Command.DAMAGED,
    ):
        if upper == command.value:
            return CommandScan(command)
    qty = _QTY.match(upper)
    if qty and 1 <= int(qty.group(1)) <= MAX_QTY:
        return CommandScan(Command.QTY, quantity=int(qty.group(1)))
    user = _USER.match(text[:8].upper() + text[8:]) if upper.startswith("PS-USER-") else None
    if user:
        return CommandScan(Command.USER, user=user.group(1).strip())
    return None


def is_command_like(code: str) -> bool:
    """Starts like a command but is not one (a misprint): refuse rather than guess."""
    return code.strip().upper().startswith("PS-") and parse_command(code) is None


def sheet_codes() -> list[tuple[str, str]]:
    """(barcode text, description) for the printable command sheet."""
    rows = [(c.value, DESCRIPTIONS[c]) for c in Command if c not in (Command.QTY, Command.USER)]
    rows += [(f"PS-QTY-{n}", f"The next item scan counts {n}") for n in (2, 3, 5, 6, 10, 12, 24)]
    return rows
