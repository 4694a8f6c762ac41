"""Settings, declared once with types, defaults and bounds; where the station keeps its files.

Secrets never live here: the token is in the OS keyring (``credentials.py``).

Every source (IT's machine file, the user's file, the environment, the command line) goes
through ``check_values``: the pydantic model below decides what is valid; a bad value is
named with its source (file and line) in a ``ConfigProblem`` (worded by the window) and
replaced by the default. An accepted value is within its field's documented range, so
nothing later meets ``nan``, ``inf`` or ``-1``. A line of IT's TOML file that is not TOML is
left out the same way; the rest still counts (``config_toml``): a typo never leaves a bench
unconfigured.
"""

from __future__ import annotations

import json
import logging
import os
import re
import reprlib
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationError,
)

from packstation.config_paths import Paths, machine_config_dir
from packstation.config_returns import DAMAGE_REASONS, DamageReasons
from packstation.config_toml import ConfigProblem, ConfigProblemKind, PrinterProblem, read_toml
from packstation.config_warehouse import LEASE_DEFAULT, LeaseSeconds, WarehouseUrl, shown_value
from packstation.redo.errors import clean_text
from packstation.redo.urls import DEFAULT_BASE_URL, InsecureURLError, check_base_url
from packstation.warehouse.address import AddressError

# Where a station's files are (``config_paths.py``), with the settings as ever.
__all__ = ["DAMAGE_REASONS", "Paths", "Settings", "machine_config_dir"]

log = logging.getLogger("packstation.config")


def _api_url(value: str) -> str:
    return check_base_url(value)  # a ValueError: pydantic reports it for this key


def _hostname() -> str:
    return socket.gethostname()[:40]


class PrinterNameError(ValueError):
    """A ``printer`` setting that is refused: ``problem`` says why."""

    def __init__(self, problem: PrinterProblem) -> None:
        self.problem = problem
        super().__init__(f"printer setting refused: {problem.value}")


def _printer(value: str) -> str:
    """A system printer's name, ``""`` (no printer) or ``pdf:<folder>``."""
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise PrinterNameError(PrinterProblem.CONTROL_CHARACTERS)
    if value.startswith("pdf:") and not value[4:].strip():
        raise PrinterNameError(PrinterProblem.PDF_WITHOUT_FOLDER)
    return value


def _seconds(most: float) -> Any:
    """A finite number of seconds above zero and at most ``most``."""
    return Field(gt=0, le=most, allow_inf_nan=False)


class Settings(BaseModel):
    """The station's settings. Ranges are part of the declaration; see the README."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    api_url: Annotated[str, AfterValidator(_api_url)] = DEFAULT_BASE_URL
    store_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    station_name: Annotated[str, StringConstraints(max_length=40)] = Field(
        default_factory=_hostname
    )
    sounds: StrictBool = True
    volume: Annotated[int, Field(ge=0, le=100)] = 80
    #: Ship by itself, after a visible 2 s countdown, once everything is packed and labelled.
    auto_ship: StrictBool = True
    #: What the bench does at its first start: pack orders, or receive returns. Then it
    #: keeps what the packers last chose (PS-RETURNS / PS-PACKING).
    bench_mode: Literal["packing", "returns"] = "packing"
    #: A barcode catalog CSV (sku, barcode, units per scan) imported at start.
    catalog_path: Annotated[str, StringConstraints(max_length=4096)] = ""
    #: Days of delivered shipments kept; at least one, so a start never empties history.
    history_days: Annotated[int, Field(ge=1, le=3650)] = 30
    connect_timeout: Annotated[float, _seconds(120)] = 5.0
    read_timeout: Annotated[float, _seconds(300)] = 20.0
    #: The whole of one request to Redo (connect, send, answer); past it, it is abandoned.
    request_deadline: Annotated[float, _seconds(600)] = 30.0
    #: This station's Redo location (``locationId``); an order pinned to another one warns.
    location_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    #: The store's name as packing slips print it ("" prints the store ID).
    store_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    #: Where packing slips go: a system printer by name, ``pdf:<folder>``, or ``""`` (none).
    printer: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=1000),
        AfterValidator(_printer),
    ] = ""
    page_size: Literal["A4", "Letter", "4x6"] = "A4"
    #: When a slip prints by itself: on order open, on ship (per box), or only on request.
    print_when: Literal["open", "ship", "request"] = "ship"

    # -- languages and accessibility
    #: The window's language: "" follows the system; "en", "es" or "de" override it.
    language: Literal["", "en", "es", "de"] = ""
    #: Larger type, stronger contrast and thicker focus outlines (resources/styles/).
    high_visibility: StrictBool = False

    # -- people
    #: The shift leads, by the names on their badges (``PS-USER-<name>``): teaching a
    #: barcode (F4) is theirs. Empty: any named person may.
    leads: tuple[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)], ...
    ] = ()

    # -- returns at the bench
    #: The reasons a damaged unit's note is picked from by scanning 1 to 9, in order.
    damage_reasons: DamageReasons = DAMAGE_REASONS

    # -- warehouse mode (``config_warehouse``)
    #: The shared warehouse, a libpq URI without a password; "" (no warehouse): a bench alone.
    warehouse_url: WarehouseUrl = ""
    #: Seconds an order stays claimed by a bench that stopped renewing its claim (15..600).
    warehouse_lease: LeaseSeconds = LEASE_DEFAULT

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes``, validated like any other source (ValidationError)."""
        return type(self).model_validate({**self.model_dump(), **changes})


_SETTING_NAMES = frozenset(Settings.model_fields)
_repr = reprlib.Repr()  # a bounded repr, safe for deeply nested values
_repr.maxlevel, _repr.maxstring, _repr.maxother, _repr.maxlist, _repr.maxdict = 2, 40, 40, 4, 4
_show = _repr.repr


def _line_of(text: str | None, key: str) -> int | None:
    """The line that sets ``key`` in a TOML or JSON text, when it can be found."""
    if not text:
        return None
    pattern = re.compile(rf"""(?:^|[\s{{,])["']?{re.escape(key)}["']?\s*[=:]""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.search(line):
            return number
    return None


def check_values(
    raw: Mapping[str, Any], source: str, text: str | None = None
) -> tuple[dict[str, Any], list[ConfigProblem]]:
    """The valid values among ``raw``'s settings, and a problem for each bad one.

    ``source`` names where they came from (a file path, "the environment"); ``text``, the
    file's contents, lets a problem give the line. Unknown keys are left out silently.
    """
    known = {k: v for k, v in raw.items() if k in _SETTING_NAMES}
    problems: list[ConfigProblem] = []
    try:
        checked = Settings.model_validate(known)
    except ValidationError as exc:
        errors: dict[str, Any] = {}
        for error in exc.errors(include_url=False, include_input=False):
            errors.setdefault(str(error["loc"][0]), error)
        for key in (k for k in known if k in errors):  # in the source's order
            default = Settings.model_fields[key].get_default(call_default_factory=True)
            cause = errors[key].get("ctx", {}).get("error")
            refusal = cause.refusal if isinstance(cause, InsecureURLError) else None
            printer = cause.problem if isinstance(cause, PrinterNameError) else None
            address = cause if isinstance(cause, AddressError) else None
            problems.append(
                ConfigProblem(
                    ConfigProblemKind.INVALID_VALUE,
                    source,
                    line=_line_of(text, key) or 0,
                    last_line=_line_of(text, key) or 0,
                    key=key,
                    value=_show(shown_value(key, known[key])),
                    # Our own validators' refusals are typed; pydantic's words otherwise.
                    reason="" if refusal or printer or address else clean_text(errors[key]["msg"]),
                    default=repr(default),
                    refusal=refusal,
                    printer=printer,
                    warehouse=address.problem if address else None,
                    host=clean_text(address.host, 200) if address else "",
                )
            )
        known = {k: v for k, v in known.items() if k not in errors}
        checked = Settings.model_validate(known)
    return {k: getattr(checked, k) for k in known}, problems


def coerce(
    raw: Mapping[str, Any], base: Settings | None = None, source: str = "settings"
) -> Settings:
    """``base`` with the valid values of ``raw``; each bad one is logged and left out."""
    base = base or Settings()
    values, problems = check_values(raw, source)
    for problem in problems:
        log.warning("%s", problem)
    return base.model_copy(update=values)  # each value was just validated


def load_user_values(path: Path, problems: list[ConfigProblem] | None = None) -> dict[str, Any]:
    """The valid values of the user's own settings file (missing or unreadable: none).

    Each value that is not valid, or the whole file when it cannot be read, is named in
    a problem that is logged and, when given, appended to ``problems``.
    """
    found: list[ConfigProblem] = []
    values: dict[str, Any] = {}
    try:
        text = path.read_text("utf-8")
        raw = json.loads(text)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:  # JSONDecodeError and UnicodeDecodeError included
        found.append(_unreadable(path, exc))
    except RecursionError:
        found.append(ConfigProblem(ConfigProblemKind.FILE_TOO_DEEP, str(path)))
    else:
        if isinstance(raw, dict):
            values, found = check_values(raw, str(path), text)
        else:
            found.append(ConfigProblem(ConfigProblemKind.NOT_AN_OBJECT, str(path)))
    for problem in found:
        log.warning("%s", problem)
    if problems is not None:
        problems.extend(found)
    return values


def load_settings(path: Path, base: Settings | None = None) -> Settings:
    return (base or Settings()).model_copy(update=load_user_values(path))


def save_settings(path: Path, settings: Settings, baseline: Settings | None = None) -> None:
    """Write the user's settings: only what differs from ``baseline`` (the machine defaults).

    Keeping only the differences lets IT change a machine default later and have it
    reach every user who never changed that setting.
    """
    base = baseline.model_dump() if baseline is not None else {}
    values = {k: v for k, v in settings.model_dump().items() if base.get(k, object()) != v}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, indent=2), "utf-8")
    os.replace(tmp, path)


@dataclass(frozen=True)
class MachineConfig:
    """IT's machine-wide defaults, and the keys users may not change."""

    values: dict[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    path: Path | None = None
    #: What could not be read (that line left out) or was not valid (replaced by
    #: defaults), each with the file and line; the app starts anyway.
    problems: tuple[ConfigProblem, ...] = ()

    def defaults(self, base: Settings | None = None) -> Settings:
        return coerce(self.values, base, str(self.path or "machine config"))


def load_machine_config(path: Path | None = None) -> MachineConfig:
    """Read ``config.toml`` from the machine config folder (or ``path``)."""
    path = path or machine_config_dir() / "config.toml"
    try:
        text = path.read_text("utf-8-sig")  # Windows Notepad may begin it with a BOM
    except FileNotFoundError:
        return MachineConfig(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        return MachineConfig(path=path, problems=(_unreadable(path, exc),))
    data, text, problems = read_toml(text, str(path))
    unknown = sorted(set(data) - _SETTING_NAMES - {"locked"})
    if unknown:
        log.warning("%s: unknown keys ignored: %s", path, ", ".join(unknown))
    locked_raw = data.get("locked", [])
    names = [k for k in locked_raw if isinstance(k, str)] if isinstance(locked_raw, list) else []
    if names != locked_raw:  # a typo too: the other settings still count
        line = _line_of(text, "locked") or 0
        problems.append(
            ConfigProblem(
                ConfigProblemKind.LOCKED_NOT_A_LIST,
                str(path),
                line=line,
                last_line=line,
                key="locked",
                value=_show(locked_raw),
                count=len(names),
            )
        )
    values, bad_values = check_values(data, str(path), text)
    return MachineConfig(values, frozenset(names) & _SETTING_NAMES, path, (*problems, *bad_values))


def _unreadable(path: Path, exc: BaseException) -> ConfigProblem:
    """The whole file cannot be read: the system's or the parser's words, bounded."""
    return ConfigProblem(
        ConfigProblemKind.FILE_UNREADABLE, str(path), reason=clean_text(str(exc), 200)
    )


def layered_settings(
    machine: MachineConfig,
    user_values: dict[str, Any],
    env: dict[str, str],
    cli: dict[str, str | None],
    problems: list[ConfigProblem] | None = None,
) -> tuple[Settings, Settings, frozenset[str]]:
    """A locked machine key, then the command line, the environment, the user, machine defaults.

    A locked key beats the command line and the environment too: the API address and the
    store decide where the store's token goes, so an ``--api-url`` on a shortcut must not
    send it elsewhere. Such a value is refused (``LOCKED_KEY``, naming the lock); it and
    every invalid value are logged and, when given, appended to ``problems``.

    Returns the settings in force, the baseline a user's changes are measured against
    (machine defaults), and the names a user cannot change here.
    """
    baseline = machine.defaults()
    user = {k: v for k, v in user_values.items() if k not in machine.locked}
    settings = coerce(user, baseline, "the user's settings")
    settings = coerce(
        {k: v for k, v in machine.values.items() if k in machine.locked},
        settings,
        str(machine.path or "machine config"),
    )
    found: list[ConfigProblem] = []
    fixed = set(machine.locked)
    where = str(machine.path or "machine config")
    for source, given in (("the environment", env), ("the command line", cli)):
        for name, value in given.items():
            if not value:
                continue
            if name in machine.locked:
                kept = getattr(settings, name, "")
                if value.strip() != str(kept):
                    shown = _show(shown_value(name, value.strip()))
                    kind = ConfigProblemKind.LOCKED_KEY
                    found.append(
                        ConfigProblem(
                            kind, source, key=name, value=shown, default=repr(kept), locked_in=where
                        )
                    )
                continue
            values, bad = check_values({name: value.strip()}, source)
            found.extend(bad)
            if values:
                settings = settings.model_copy(update=values)
                fixed.add(name)
    for problem in found:
        log.warning("%s", problem)
    if problems is not None:
        problems.extend(found)
    return settings, baseline, frozenset(fixed)
