"""A lead's action asked for on one of the bench's dialogs, by a badge scanned there.

Forgetting a taught barcode, discarding a held shipment and releasing another bench's
claim are a lead's actions (``bench/identity.py`` has the rule). On a dialog the bench's
own question cannot be asked (the dialog is on top), so the dialog asks on its note line
and the next scan is the badge: a lead's badge does the action, any other scan is refused
there with the bench's error sound, and Esc or PS-CANCEL gives the action up, not the
dialog. One piece of code for the three dialogs, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from packstation.packing.commands import Command, parse_command
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.words import bench as words


class Leads(Protocol):
    """Who is at the bench and who is a lead (``bench.identity.Identity``)."""

    @property
    def packer(self) -> str: ...
    @property
    def leads(self) -> frozenset[str]: ...
    def is_lead(self, name: str) -> bool: ...


@dataclass(frozen=True)
class _Waiting:
    action: str
    question: str
    then: Callable[[str], None]
    is_lead: Callable[[str], bool]


class LeadBadge:
    """The one action a dialog is waiting to do as a lead, if any."""

    def __init__(self, note: ScanNote, refused: Callable[[], None]) -> None:
        self.note = note
        #: The bench's error sound, for a scan that is not a lead's badge.
        self.refused = refused
        self._waiting: _Waiting | None = None

    @property
    def waiting(self) -> bool:
        return self._waiting is not None

    def ask(self, leads: Leads, action: str, then: Callable[[str], None], unnamed: str) -> None:
        """Run ``then(who)`` as a lead: the packer at once if they are one, else whoever
        scans a lead's badge next. ``unnamed`` asks for a name when no lead is configured
        (then any named person may, ``Identity``'s rule)."""
        if leads.is_lead(leads.packer):
            then(leads.packer)
            return
        question = words.lead_badge_question(action) if leads.leads else unnamed
        self._waiting = _Waiting(action, question, then, leads.is_lead)
        self.note.say(question)

    def scanned(self, code: str) -> bool:
        """``code`` as the awaited badge; False when no badge is awaited."""
        waiting = self._waiting
        if waiting is None:
            return False
        command = parse_command(code)
        if command is None or command.command is not Command.USER:
            self.note.say(waiting.question, error=True)
            self.refused()
            return True
        if not waiting.is_lead(command.user):
            self.note.say(words.not_a_lead(command.user, waiting.action).text, error=True)
            self.refused()
            return True
        self._waiting = None
        waiting.then(command.user)
        return True

    def give_up(self, said: str) -> bool:
        """Esc or PS-CANCEL: the awaited action is given up (``said`` says so); False
        when none was awaited (the dialog closes)."""
        if self._waiting is None:
            return False
        self._waiting = None
        self.note.say(said)
        return True
