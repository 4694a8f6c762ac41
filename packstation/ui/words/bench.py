"""What the bench says about itself: waiting, connecting, identity, teaching.

Sentences of the bench's own state and of a lead's actions; the sentences made from the
packing session's outcomes and the outbox's events are in ``feedback.py``.
"""

from __future__ import annotations

from packstation.packing.catalog import CatalogProblem, CatalogReason
from packstation.ui.printing.slips import PrintError, Slip
from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Feedback, Tone, error, items
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import client_failed_text

# ---------------------------------------------------------------- waiting


def connecting() -> Feedback:
    """The hint while the API token is read and the client built: never "not set up"."""
    return Feedback(
        tr("Connecting to Redo… Scan a packing slip: it opens as soon as the bench is ready."),
        Tone.BUSY,
    )


def restoring() -> str:
    return tr("Restoring the order left on the bench…")


def closing_box() -> str:
    return tr("Closing the box…")


def loading(ref: str) -> str:
    return tr("Loading order {ref}…").format(ref=ref)


def scan_not_handled(code: str) -> str:
    return tr("That scan could not be handled ({code}). Scan it again.").format(code=code[:40])


def already_open(ref: str) -> str:
    return tr("Order {ref} is already open.").format(ref=ref)


def other_slip(code: str) -> str:
    return tr("{code} is another order's slip. Ship or clear this order first (Esc).").format(
        code=code
    )


def shipping_first(ref: str, n: int) -> str:
    """Said before the next order when its slip shipped this one during the countdown."""
    return tr("Order {ref} is shipping ({items}).").format(ref=ref, items=items(n))


def dummy_tracking(on: bool) -> str:
    return tr("Dummy tracking on.") if on else tr("Dummy tracking off.")


def autoship_stopped() -> str:
    return tr("Auto-ship stopped.")


def back_to_scanning() -> str:
    return tr("Back to scanning. F2 types a code by hand.")


def client_failed(exc: BaseException) -> Feedback:
    """Building the API client failed: an API address refused, or the keyring."""
    return error(client_failed_text(exc))


def print_failed(slip: Slip, exc: BaseException) -> str:
    """Which slip did not print, and why (a ``PrintError`` says why in words)."""
    reason = (
        str(exc)
        if isinstance(exc, PrintError)
        else tr("{error} while printing.").format(error=type(exc).__name__)
    )
    return tr("The slip for {ref} box {box} did not print: {reason}").format(
        ref=slip.order_ref, box=slip.box, reason=reason
    )


# ---------------------------------------------------------------- who is at the bench


def hello(name: str) -> Feedback:
    return Feedback(
        tr("Hello {name}: you are packing at this bench.").format(name=name), Tone.INFO, Sound.GOOD
    )


def welcome_back(name: str) -> Feedback:
    return Feedback(
        tr(
            "{name} is packing at this bench (scan your own PS-USER badge if that is not you)."
        ).format(name=name),
        Tone.INFO,
    )


# ---------------------------------------------------------------- teaching (F4)


def nothing_to_teach() -> Feedback:
    return Feedback(tr("Nothing to teach: scan the unknown item first."), Tone.INFO)


def no_line_to_teach() -> Feedback:
    return error(tr("No line of this order can take a barcode."))


def teach_question(code: str) -> str:
    return tr("Which line is {code}? It will be remembered on this station.").format(code=code)


def lead_badge_question(action: str) -> str:
    return tr(
        "{action} is for a lead. A lead scans their badge (PS-USER-name) now, or Esc / PS-CANCEL."
    ).format(action=action)


def not_a_lead(name: str, action: str) -> Feedback:
    return error(
        tr("{name} is not a lead here. {action} needs a lead's badge.").format(
            name=name, action=action
        )
    )


def teaching_action() -> str:
    return tr("Teaching a barcode")


def forgetting_action() -> str:
    return tr("Forgetting a taught barcode")


def badge_for_forgetting() -> str:
    return tr(
        "Who is forgetting it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. "
        "A barcode is forgotten by a person, not by the station."
    )


def discarding_action() -> str:
    return tr("Discarding a held shipment")


def badge_for_discarding() -> str:
    return tr(
        "Who is discarding it? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. "
        "A shipment is discarded by a person, not by the station."
    )


def badge_for_teaching() -> str:
    return tr(
        "Who is teaching? Scan your badge (PS-USER-name) now, or Esc / PS-CANCEL. "
        "A barcode is taught by a person, not by the station."
    )


def already_known(code: str, title: str) -> Feedback:
    return error(
        tr("{code} is already {product}: it cannot be taught to another line.").format(
            code=code, product=title
        )
    )


def taught(code: str, sku: str, who: str) -> Feedback:
    return Feedback(
        tr("{code} is now {sku} on this station (taught by {who}).").format(
            code=code, sku=sku, who=who
        ),
        Tone.SUCCESS,
    )


# ---------------------------------------------------------------- labels


def tracking_unrecognised(code: str, carrier: str) -> Feedback:
    """A number no carrier's format knows: taken as typed, never shown as a success."""
    if carrier:
        text = tr(
            "Tracking {code}: no {carrier} number has this format. Check it against the "
            "label before shipping."
        ).format(code=code, carrier=carrier)
    else:
        text = tr(
            "Tracking {code}: no carrier's format fits this number. Check it, and choose "
            "the carrier."
        ).format(code=code)
    return Feedback(text, Tone.WARNING, Sound.ERROR)


# ---------------------------------------------------------------- the catalog


def catalog_imported(result: object) -> tuple[str, bool]:
    """What an import did, for the status bar, and whether lines were left out (or the
    file could not be read), which the packer's banner says too."""
    from packstation.store.catalog import CatalogImport, CatalogTooLarge

    if isinstance(result, CatalogImport):
        text = tr("Catalog {file}: %n barcode(s) imported.", None, result.entries).format(
            file=result.path.name
        )
        if result.problems:
            text += " " + catalog_problems(result.problems)
        return text, bool(result.problems)
    if isinstance(result, CatalogTooLarge):
        return tr(
            "The catalog {file} is {size} MB, more than the {limit} MB PackStation reads: "
            "it was not imported."
        ).format(
            file=result.path.name,
            size=f"{result.size / 1e6:.0f}",
            limit=f"{result.limit / 1e6:.0f}",
        ), True
    if isinstance(result, OSError):
        return tr("The catalog could not be read: {reason}").format(
            reason=result.strerror or type(result).__name__
        ), True
    return "", False


def catalog_problems(problems: list[CatalogProblem]) -> str:
    """The lines of a catalog file left out, and why, the first three in words."""
    shown = "; ".join(catalog_problem(p) for p in problems[:3])
    more = len(problems) - 3
    text = tr("%n line(s) skipped:", None, len(problems)) + " " + shown
    if more > 0:
        text += " " + tr("and %n more (see the log).", None, more)
    return text


def catalog_problem(problem: CatalogProblem) -> str:
    reason = problem.reason
    texts = {
        CatalogReason.NOT_UTF8: tr("is not UTF-8 text"),
        CatalogReason.CARRIAGE_RETURN: tr(
            "has a carriage return inside it (lines end with LF or CR LF)"
        ),
        CatalogReason.TOO_LONG: tr("is longer than {n} characters").format(n=problem.limit),
        CatalogReason.NOT_CSV: tr("cannot be read as CSV"),
        CatalogReason.NO_SKU_OR_BARCODE: tr("needs a SKU and a barcode"),
        CatalogReason.FIELD_TOO_LONG: tr("a SKU or barcode is longer than {n} characters").format(
            n=problem.limit
        ),
        CatalogReason.CONTROL_CHARACTERS: tr(
            "has characters a scanner never sends (control characters)"
        ),
        CatalogReason.BAD_UNITS: tr("units per scan must be 1 to 1000"),
        CatalogReason.REPEATED: tr("repeats the code of line {other} (kept once)").format(
            other=problem.other_line
        ),
        CatalogReason.CONFLICT: tr(
            "names the code of line {other} for another SKU ({sku}): neither packs"
        ).format(other=problem.other_line, sku=problem.sku),
        CatalogReason.TRACKING_NUMBER: tr("is a carrier's tracking number, never an item"),
        CatalogReason.TAUGHT_HERE: tr(
            "is a code taught at this station for {sku}: the taught code stays"
        ).format(sku=problem.sku),
        CatalogReason.OTHER_FILE: tr(
            "is already in another catalog file, for {sku}: that one stays"
        ).format(sku=problem.sku),
    }
    return tr("line {n} {reason}").format(n=problem.line, reason=texts[reason])


def lead_action_dropped(action: str) -> str:
    """A lead's badge was asked for and nobody gave one (Esc, PS-CANCEL)."""
    return tr("{action}: not done.").format(action=action)


def no_printer() -> Feedback:
    """A print asked for with no printer set up (a slip, a receipt)."""
    return error(tr("No printer is chosen: pick one in Settings, Printing."))
