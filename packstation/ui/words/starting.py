"""Start-up in words: the settings problems IT must see (file, line, key), what opening
the station database had to do, and why the start failed (its steps: ``steps.py``).

The kinds come from below the window (``config_toml.ConfigProblem``, ``store.problems``);
each is worded here once, with a literal ``tr``. The English of the settings problems is
what IT reads in the window; the log keeps their technical form (``str()``).
"""

from __future__ import annotations

from collections.abc import Sequence

from packstation.config_toml import ConfigProblem, ConfigProblemKind, PrinterProblem
from packstation.store.opening import DamagedNotice
from packstation.store.problems import (
    ForeignDatabaseError,
    NewerDatabaseError,
    NoticeKind,
    StationNotice,
    UnopenedDatabaseError,
)
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import url_problem
from packstation.warehouse.address import AddressProblem

# ---------------------------------------------------------------- settings


def _where(problem: ConfigProblem) -> str:
    """The file, and the line or lines, a problem is about."""
    if problem.line and problem.last_line > problem.line:
        return tr("{source}, lines {first} to {last}").format(
            source=problem.source, first=problem.line, last=problem.last_line
        )
    if problem.line:
        return tr("{source}, line {line}").format(source=problem.source, line=problem.line)
    return problem.source


def warehouse_address_text(problem: AddressProblem, host: str = "") -> str:
    """Why a warehouse address (``warehouse_url``, ``--warehouse-url``) is refused."""
    if problem is AddressProblem.HAS_PASSWORD:
        return tr(
            "The warehouse address carries a password: keep it in the keyring instead "
            "(packstation warehouse password)"
        )
    if problem is AddressProblem.PASSWORD_PARAMETER:
        return tr(
            "The warehouse address carries a password= parameter: keep the password in the "
            "keyring instead (packstation warehouse password)"
        )
    if problem is AddressProblem.PLAIN_TEXT_ELSEWHERE:
        return tr(
            "The warehouse {host} is not this computer, so the connection must be encrypted: "
            "leave sslmode out, or use require, verify-ca or verify-full"
        ).format(host=host)
    return tr("Not a PostgreSQL address: it must look like postgresql://user@host/database")


def _invalid_because(problem: ConfigProblem) -> str:
    if problem.refusal is not None:
        return url_problem(problem.refusal)
    if problem.warehouse is not None:
        return warehouse_address_text(problem.warehouse, problem.host)
    if problem.printer is PrinterProblem.CONTROL_CHARACTERS:
        return tr("a printer name cannot hold control characters")
    if problem.printer is PrinterProblem.PDF_WITHOUT_FOLDER:
        return tr("'pdf:' needs a folder, e.g. pdf:C:\\Slips")
    return problem.reason  # the validator's own words


def _line_fault(problem: ConfigProblem) -> str | None:
    """What is wrong with lines left out of IT's file, or None for another kind."""
    kind, value = problem.kind, problem.value
    if kind is ConfigProblemKind.LINE_UNREADABLE:
        return tr("{value} cannot be read ({reason})").format(value=value, reason=problem.reason)
    if kind is ConfigProblemKind.LINE_TOO_DEEP:
        return tr("{value} is nested too deeply to be settings").format(value=value)
    if kind is ConfigProblemKind.OPEN_AT_END:
        return tr("{value} opens a value that is still open at the end of the file").format(
            value=value
        )
    if kind is ConfigProblemKind.OPEN_UNTIL:
        return tr("{value} opens a value that is not closed before line {line}").format(
            value=value, line=problem.until
        )
    if kind is ConfigProblemKind.LINES_NOT_READ:
        return tr("not read, as %n line(s) before them could not be", None, problem.count)
    return None


def config_problem_text(problem: ConfigProblem) -> str:
    """A problem in a settings file, naming the file and line, for IT."""
    kind, where = problem.kind, _where(problem)
    fault = _line_fault(problem)
    if fault is not None:
        # The ignored lines by number: "that line" read as the line the fault names last.
        one = problem.last_line <= problem.line
        if problem.unlocks and one:
            text = tr(
                "{where}: {what}; line {first} is ignored, so the settings it names are not locked."
            )
        elif problem.unlocks:
            text = tr(
                "{where}: {what}; lines {first} to {last} are ignored, so the settings they "
                "name are not locked."
            )
        elif one:
            text = tr("{where}: {what}; line {first} is ignored.")
        else:
            text = tr("{where}: {what}; lines {first} to {last} are ignored.")
        return text.format(where=where, what=fault, first=problem.line, last=problem.last_line)
    if kind is ConfigProblemKind.INVALID_VALUE:
        return tr(
            "{where}: {key} = {value} is not valid ({reason}); using the default {default}."
        ).format(
            where=where,
            key=problem.key,
            value=problem.value,
            reason=_invalid_because(problem),
            default=problem.default,
        )
    if kind is ConfigProblemKind.LOCKED_NOT_A_LIST:
        if problem.count:
            text = tr(
                "{where}: locked = {value} is not a list of setting names; "
                "only the names in it are locked."
            )
        else:
            text = tr(
                "{where}: locked = {value} is not a list of setting names; no setting is locked."
            )
        return text.format(where=where, value=problem.value)
    if kind is ConfigProblemKind.LOCKED_KEY:
        if problem.source == "the command line":
            text = tr(
                "The command line sets {key} = {value}, which IT locked in {file}; using {default}."
            )
        else:
            text = tr(
                "The environment sets {key} = {value}, which IT locked in {file}; using {default}."
            )
        return text.format(
            key=problem.key, value=problem.value, file=problem.locked_in, default=problem.default
        )
    if kind is ConfigProblemKind.FILE_UNREADABLE:
        return tr("{where}: cannot be read ({reason}); using the defaults.").format(
            where=where, reason=problem.reason
        )
    if kind is ConfigProblemKind.FILE_TOO_DEEP:
        return tr("{where}: nested too deeply to be settings; using the defaults.").format(
            where=where
        )
    if kind is ConfigProblemKind.NOT_AN_OBJECT:
        return tr("{where}: not a JSON object of settings; using the defaults.").format(where=where)
    return tr("{where}: too many lines cannot be read; using safe defaults.").format(where=where)


def lock_reason(name: str, *, it_file: str | None, demo: bool) -> str:
    """Why a setting cannot be changed in the Settings window (its tooltip)."""
    if demo and name in ("api_url", "store_id"):
        return tr("The demo uses its own sandbox store on this computer: nothing goes to Redo.")
    if it_file:
        return tr("Locked by IT in {file}.").format(file=it_file)
    return tr("Set by the command line or the environment for this run.")


# ---------------------------------------------------------------- the station database


def notice_text(notice: StationNotice) -> str:
    """What opening the station database had to do, said once in the window."""
    if notice.kind is NoticeKind.NOT_LISTENING:
        return tr(
            "A second PackStation started on this computer cannot reach this window (another "
            "program holds its name): it says so and closes instead. Tell IT if this repeats."
        )
    if notice.kind is NoticeKind.UNREADABLE_HELD:
        return tr(
            "%n waiting shipment(s) could not be read from the station database; "
            "they are kept and listed under Needs attention.",
            None,
            notice.count,
        )
    unread = notice.unread if isinstance(notice, DamagedNotice) else 0
    if unread is None:
        return tr(
            "The station database was damaged: it was moved aside to {name} and a new one "
            "was started. Shipments not yet delivered that were carried over: {carried}. "
            "The shipments waiting in it could not be read, so how many were lost is not "
            "known: check in Redo the orders packed here before packing them again."
        ).format(name=notice.aside, carried=notice.count)
    if unread:
        return tr(
            "The station database was damaged: it was moved aside to {name} and a new one "
            "was started. Shipments not yet delivered that were carried over: {carried}. "
            "%n waiting shipment(s) in it could not be read: check in Redo the orders "
            "packed here before packing them again.",
            None,
            unread,
        ).format(name=notice.aside, carried=notice.count)
    if notice.count:
        return tr(
            "The station database was damaged: it was moved aside to {name} and a new one "
            "was started. Shipments not yet delivered that were carried over: %n.",
            None,
            notice.count,
        ).format(name=notice.aside)
    return tr(
        "The station database was damaged: it was moved aside to {name} and a new one "
        "was started. No shipment waiting to be sent was found in it."
    ).format(name=notice.aside)


def startup_failed_text(exc: BaseException) -> str:
    """Why PackStation could not start, after "PackStation could not start."."""
    if isinstance(exc, ForeignDatabaseError):
        return tr(
            "The file {path} is not a PackStation station database (it belongs to another "
            "program), so PackStation did not change or use it. Move that file away, or "
            "start PackStation with another data folder."
        ).format(path=exc.path)
    if isinstance(exc, NewerDatabaseError):
        return tr(
            "The station database {path} was written by a newer PackStation (schema "
            "{schema}); update this PackStation."
        ).format(path=exc.path, schema=exc.schema)
    if isinstance(exc, UnopenedDatabaseError):
        return tr("The station database {path} cannot be opened ({error}).").format(
            path=exc.path, error=exc.error
        )
    return tr("What went wrong was written to the log ({error}).").format(error=type(exc).__name__)


def notices_text(notices: Sequence[ConfigProblem | StationNotice]) -> str:
    """What start-up found, each in its words, one after the other."""
    return " ".join(
        notice_text(n) if isinstance(n, StationNotice) else config_problem_text(n) for n in notices
    )
