"""Who is at the bench, and who may do a lead's action.

The packer says who they are with their badge (``PS-USER-<name>``); the bench remembers
it across restarts (the station's journal), records it with every shipment, and prints
it on slips. A lead's action (teaching a barcode) is done by a lead: the machine config
names them (``leads = ["Ana", "Sam"]``). When the packer at the bench is not one, the
bench asks for a lead's badge for that one action; the packer at the bench stays.
Without leads in the config, any named person may, and a bench without a named packer
asks who it is: an action is done by a person, never by "the station".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from packstation.ui.bench.questions import Question
from packstation.ui.words import bench as words
from packstation.ui.words.feedback import info
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController

log = logging.getLogger("packstation.bench")


class Identity:
    def __init__(self, bench: BenchController) -> None:
        self.bench = bench
        self.packer = ""

    def restore(self) -> None:
        """The packer who was at the bench when it last closed, quietly."""

        def known(name: str) -> None:
            if name and not self.packer:
                self.packer = name
                self.bench.packer_changed.emit()

        self.bench.port.last_packer(known, lambda exc: log.warning("packer not read: %s", exc))

    def set_packer(self, name: str) -> None:
        self.packer = name
        self.bench.port.remember_packer(name)
        self.bench.packer_changed.emit()
        self.bench.say(words.hello(name))

    @property
    def leads(self) -> frozenset[str]:
        """The machine config's leads and, in a warehouse, those the warehouse names."""
        return frozenset(self.bench.port.settings.leads) | self.bench.warehouse.leads

    def is_lead(self, name: str) -> bool:
        leads = self.leads
        return bool(name) and (not leads or name.casefold() in {n.casefold() for n in leads})

    def as_lead(self, action: str, then: Callable[[str], None]) -> None:
        """Run ``then(who)`` as a lead: the packer if they are one, else whoever scans a
        lead's badge now (asked on the bench; Esc or PS-CANCEL gives up)."""
        bench = self.bench
        if self.is_lead(self.packer):
            then(self.packer)
            return
        leads = self.leads
        text = words.lead_badge_question(action) if leads else words.badge_for_teaching()
        title = tr("A lead's badge") if leads else tr("Who is doing this?")
        question = Question.badge(title, text, parent=bench)

        def badged(name: str) -> None:
            if self.is_lead(name):
                then(name)
            else:
                bench.refuse(words.not_a_lead(name, action))

        question.badged.connect(badged)
        question.cancelled.connect(lambda: bench.say(info(words.lead_action_dropped(action))))
        bench.ask(question)
