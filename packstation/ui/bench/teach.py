"""F4: a lead teaches the last unknown barcode to a line of the order, in one step.

Teaching changes what every later scan of that barcode packs, so it is a lead's action
(``identity.py``): a packer who is not a lead gets the bench asking for a lead's badge.
A code that already names another product (its barcode in the station's catalog, in any
GTIN form, or its SKU in Redo's inventory) is refused with that product's name: the
wrong item must stay out of the box, not be taught into it. The barcode is remembered
with the person who taught it, never "the station".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.ui.bench.questions import Question
from packstation.ui.station.port_types import KnownCode
from packstation.ui.words import bench as words
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController


def teach(bench: BenchController) -> None:
    code, session = bench.last_unknown, bench.session
    if not code or session is None:
        bench.say(words.nothing_to_teach())
        return
    # A complete line cannot take the unit: teaching its barcode would pack nothing.
    lines = [
        line for line in session.lines() if line.item.sku and line.packable and not line.complete
    ]
    if not lines:
        bench.refuse(words.no_line_to_teach(), code)
        return

    def checked(known: KnownCode | None) -> None:
        if bench.session is not session or bench.last_unknown != code:
            return  # the bench moved on while Redo was asked
        if known is not None:
            bench.refuse(words.already_known(code, known.title), code)
            return
        bench.identity.as_lead(words.teaching_action(), _choose_line)

    def _choose_line(who: str) -> None:
        question = Question(
            tr("Teach a barcode"),
            words.teach_question(code),
            [f"{line.item.title}  ({line.item.sku})" for line in lines],
            cancel_label=tr("Do not teach it"),
            choice=True,
            parent=bench,
        )
        question.answered.connect(lambda index: _teach(who, lines[index].item.sku or ""))
        bench.ask(question)

    def _teach(who: str, sku: str) -> None:
        def taught(entry: CatalogEntry) -> None:
            bench.last_unknown = ""
            if isinstance(session.matcher, CatalogMatcher):
                session.matcher.add(entry)
            if bench.session is session:
                bench.edits.pack(code, first=words.taught(code, sku, who).text)
            else:
                bench.say(words.taught(code, sku, who))

        bench.port.catalog.teach(sku, code, who, taught, bench.edits.storage_failed)

    bench.port.catalog.identify_code(code, checked)
