"""F4: a lead teaches the last unknown barcode to a line of the order, in one step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.ui.bench.questions import Question
from packstation.ui.words import feedback
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.bench.controller import BenchController


def teach(bench: BenchController) -> None:
    code, session = bench.last_unknown, bench.session
    if not code or session is None:
        bench.say(feedback.info(tr("Nothing to teach: scan the unknown item first.")))
        return
    lines = [line for line in session.lines() if line.item.sku and line.packable]
    if not lines:
        bench.refuse(feedback.error(tr("No line of this order can take a barcode.")), code)
        return
    question = Question(
        tr("Teach a barcode"),
        tr("Which line is {code}? It will be remembered on this station.").format(code=code),
        [f"{line.item.title}  ({line.item.sku})" for line in lines],
        cancel_label=tr("do not teach it"),
        choice=True,
        parent=bench,
    )

    def chosen(index: int) -> None:
        sku = lines[index].item.sku or ""
        who = bench.packer or bench.services.settings.station_name
        catalog = bench.services.store.catalog

        def taught(entry: CatalogEntry) -> None:
            bench.last_unknown = ""
            if isinstance(session.matcher, CatalogMatcher):
                session.matcher.add(entry)
            if bench.session is session:
                bench.say(
                    Feedback(
                        tr("{code} is now {sku} on this station.").format(code=code, sku=sku),
                        Tone.SUCCESS,
                    )
                )
                bench.edits.pack(code)

        bench.runtime.writes.submit(
            lambda: catalog.teach(sku, code, who), taught, bench.edits.storage_failed
        )

    question.answered.connect(chosen)
    bench.ask(question)
