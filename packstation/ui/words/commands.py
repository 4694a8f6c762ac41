"""What each command barcode does, in the packer's language: the printed sheet, F1, About."""

from __future__ import annotations

from packstation.packing.commands import Command, CommandScan, parse_command, sheet_codes
from packstation.ui.words.i18n import tr


def command_text(scan: CommandScan) -> str:
    """What a command barcode does, in the packer's language."""
    texts = {
        Command.SHIP: tr("Ship now (also confirms a partial shipment)"),
        Command.BOX: tr("Close this box: ship it with its label, start the next box"),
        Command.UNDO: tr("Undo the last scan or change"),
        Command.CLEAR: tr("Clear the order (asks if anything is packed)"),
        Command.DUMMY: tr("Dummy tracking on / off (testing)"),
        Command.CONFIRM: tr("Yes: answer the open question"),
        Command.CANCEL: tr("No: answer the open question, stop the auto-ship countdown"),
        Command.USER: tr("The packer at this bench"),
        Command.TAKEOVER: tr("Lead: take over the order open at another bench (warehouse)"),
        Command.RETURNS: tr("Receive returned parcels at this bench"),
        Command.PACKING: tr("Pack orders at this bench (leave returns)"),
        Command.DAMAGED: tr("Returns: the next item scanned arrived damaged"),
    }
    if scan.command is Command.QTY:
        return tr("The next item scan counts %n", None, scan.quantity)
    return texts[scan.command]


def command_rows() -> list[tuple[str, str]]:
    """(barcode text, what it does) of every command on the printed sheet, and PS-USER."""
    rows = []
    for code, _ in sheet_codes():
        scan = parse_command(code)
        if scan is not None:
            rows.append((code, command_text(scan)))
    rows.append(("PS-USER-<name>", command_text(CommandScan(Command.USER))))
    return rows
