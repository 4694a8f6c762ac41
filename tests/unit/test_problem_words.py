"""Every typed outcome from below the window has its own sentence, and only the window
makes sentences.

``SAMPLES`` walks every kind of every outcome type the layers below ``ui/`` report: a kind
added without a sentence falls into another kind's words (or none) and fails here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from packstation.config_toml import ConfigProblem, ConfigProblemKind, PrinterProblem
from packstation.credentials import KeyringProblem, KeyringProblemKind
from packstation.packing.details import DetailsError, DetailsField
from packstation.packing.shipment import (
    Missing,
    NothingPackedError,
    PackingError,
    TrackingDetailsError,
    TrackingIncompleteError,
)
from packstation.redo.errors import Problem, ProblemKind, Subject
from packstation.redo.urls import InsecureURLError, UrlProblem, UrlRefusal
from packstation.store.problems import (
    ForeignDatabaseError,
    NewerDatabaseError,
    NoticeKind,
    ShipmentProblem,
    ShipmentProblemKind,
    StationDatabaseError,
    StationNotice,
    UnopenedDatabaseError,
)
from packstation.ui.words import problems, starting, steps

PACKAGE = Path(problems.__file__).resolve().parents[3]
CONFIG = "/etc/packstation/config.toml"


def _redo(kind: ProblemKind) -> Problem:
    return Problem(
        kind,
        host="api.example",
        status=503,
        wait=5,
        subject=Subject.ORDER,
        reference="#1009",
        said="line 3 is bad",
    )


def _config(kind: ConfigProblemKind, **facts: object) -> ConfigProblem:
    defaults: dict[str, object] = {
        "line": 3,
        "last_line": 3,
        "key": "volume",
        "value": "'loud'",
        "reason": "Input should be a valid integer",
        "default": "80",
        "until": 7,
        "count": 50,
    }
    return ConfigProblem(kind, CONFIG, **{**defaults, **facts})  # type: ignore[arg-type]


def _samples() -> Iterator[tuple[str, str, Callable[[], str]]]:
    """(outcome type, kind, the words for it) for every kind there is."""
    for kind in ProblemKind:
        yield "redo", kind.value, lambda k=kind: problems.redo_text(_redo(k))
    yield "redo", "busy, no wait said", lambda: problems.redo_text(Problem(ProblemKind.BUSY))
    for subject in Subject:
        problem = Problem(ProblemKind.NOT_FOUND, subject=subject, reference="R-7", order="O-9")
        yield "subject", subject.value, lambda p=problem: problems.redo_text(p)
    for kind in ShipmentProblemKind:
        problem = ShipmentProblem(
            kind, line="L9", title="Wool Beanie", left=0, held=2, order_ref="#1009"
        )
        yield "shipment", kind.value, lambda p=problem: problems.shipment_text(p)
    for url_kind in UrlProblem:
        refusal = UrlRefusal(url_kind, url="ftp://x", host="example.com")
        yield "url", url_kind.value, lambda r=refusal: problems.url_problem(r)
    for missing in Missing:
        yield (
            "packing",
            missing.value,
            lambda m=missing: problems.packing_problem(TrackingIncompleteError(m)),
        )
    yield "packing", "nothing packed", lambda: problems.packing_problem(NothingPackedError())
    yield (
        "packing",
        "tracking details",
        lambda: problems.packing_problem(
            TrackingDetailsError(DetailsError(DetailsField.EVENT_TIME, "at noon"))
        ),
    )
    for field in DetailsField:
        yield (
            "details",
            field.value,
            lambda f=field: problems.details_problem(DetailsError(f, "tomorrow")),
        )
    for keyring_kind in KeyringProblemKind:
        problem_k = KeyringProblem(keyring_kind, "PlaintextKeyring")
        yield "keyring", keyring_kind.value, lambda p=problem_k: problems.keyring_text(p)
    yield "keyring", "read failed", lambda: problems.client_failed_text(OSError())
    for config_kind in ConfigProblemKind:
        config = _config(config_kind)
        yield "config", config_kind.value, lambda c=config: starting.config_problem_text(c)
    for printer in PrinterProblem:
        config = _config(ConfigProblemKind.INVALID_VALUE, key="printer", printer=printer)
        yield "printer", printer.value, lambda c=config: starting.config_problem_text(c)
    for notice_kind in NoticeKind:
        notice = StationNotice(notice_kind, count=2, aside="station.sqlite3.damaged-1")
        yield "notice", notice_kind.value, lambda n=notice: starting.notice_text(n)
    yield (
        "notice",
        "damaged, nothing carried",
        lambda: starting.notice_text(
            StationNotice(NoticeKind.DAMAGED_REPLACED, aside="station.sqlite3.damaged-1")
        ),
    )
    path = Path("/data/station.sqlite3")
    for error in (
        ForeignDatabaseError(path),
        NewerDatabaseError(path, 9),
        UnopenedDatabaseError(path, PermissionError(13, "Permission denied")),
        RuntimeError("anything else"),
    ):
        yield "start", type(error).__name__, lambda e=error: starting.startup_failed_text(e)
    for step in steps.StartupStep:
        yield "step", step.value, lambda s=step: steps.step_text(s)


SAMPLES = list(_samples())


def sentences() -> list[tuple[str, str, str]]:
    """(outcome type, kind, sentence) of every sample, in the language installed now."""
    return [(group, kind, words()) for group, kind, words in SAMPLES]


@pytest.mark.parametrize(
    ("group", "kind", "words"), SAMPLES, ids=[f"{g}-{k}" for g, k, _ in SAMPLES]
)
def test_every_kind_has_a_sentence_with_its_facts_filled_in(
    group: str, kind: str, words: Callable[[], str]
) -> None:
    text = words()
    assert len(text) > 5
    assert not re.search(r"\{\w*\}|%n", text), f"a placeholder was left: {text!r}"


def test_the_samples_cover_every_error_class() -> None:
    """Errors below the window are worded by class and kind: a new class needs a sample."""
    sampled = {kind for group, kind, _ in SAMPLES if group == "start"}
    assert {c.__name__ for c in StationDatabaseError.__subclasses__()} <= sampled
    assert set(PackingError.__subclasses__()) == {
        NothingPackedError,
        TrackingIncompleteError,
        TrackingDetailsError,
    }


def test_no_two_kinds_share_a_sentence() -> None:
    """A kind without its own words falls into another's: that is caught here."""
    seen: dict[str, tuple[str, str]] = {}
    for group, kind, text in sentences():
        assert text not in seen, f"{group}/{kind} says what {seen[text]} says: {text!r}"
        seen[text] = (group, kind)


def test_the_facts_reach_the_words() -> None:
    host_kinds = [
        ProblemKind.REDIRECTED,
        ProblemKind.CONNECT_TIMED_OUT,
        ProblemKind.UNREACHABLE,
        ProblemKind.ANSWER_TIMED_OUT,
        ProblemKind.CONNECTION_BROKE,
    ]
    for kind in host_kinds:
        assert "api.example" in problems.redo_text(_redo(kind))
    assert "503" in problems.redo_text(_redo(ProblemKind.SERVER_FAILED))
    assert "order #1009" in problems.redo_text(_redo(ProblemKind.NOT_FOUND))
    assert problems.redo_text(_redo(ProblemKind.REFUSED)).endswith(": line 3 is bad")
    assert "5 s" in problems.redo_text(_redo(ProblemKind.BUSY))
    assert "15 min" in problems.redo_text(Problem(ProblemKind.BUSY, wait=900))
    shipped = ShipmentProblem(ShipmentProblemKind.SHIPPED_ELSEWHERE, title="Cap", left=1, held=3)
    assert "'Cap' now has 1 left to ship, but this box holds 3" in problems.shipment_text(shipped)
    assert "example.com" in problems.url_problem(
        InsecureURLError(UrlRefusal(UrlProblem.PLAIN_HTTP_ELSEWHERE, host="example.com"))
    )
    details = TrackingDetailsError(DetailsError(DetailsField.EVENT_TIME, "noon"))
    assert "'noon'" in problems.packing_problem(details)
    assert "PlaintextKeyring" in problems.keyring_text(
        KeyringProblem(KeyringProblemKind.UNENCRYPTED, "PlaintextKeyring")
    )
    unopened = UnopenedDatabaseError(Path("/x/s.db"), PermissionError(13, "Permission denied"))
    assert "PermissionError: Permission denied" in starting.startup_failed_text(unopened)


def test_config_problems_name_file_line_key_and_value() -> None:
    text = starting.config_problem_text(_config(ConfigProblemKind.INVALID_VALUE))
    assert text == (
        f"{CONFIG}, line 3: volume = 'loud' is not valid (Input should be a valid integer); "
        "using the default 80."
    )
    refused = _config(
        ConfigProblemKind.INVALID_VALUE,
        key="api_url",
        reason="",
        refusal=UrlRefusal(UrlProblem.HAS_CREDENTIALS),
    )
    assert "(The API address must not contain a user name or password.)" in (
        starting.config_problem_text(refused)
    )
    many = _config(ConfigProblemKind.LINE_UNREADABLE, last_line=5, unlocks=True)
    assert starting.config_problem_text(many).startswith(f"{CONFIG}, lines 3 to 5: 'loud' ")
    assert starting.config_problem_text(many).endswith(
        "lines 3 to 5 are ignored, so the settings they name are not locked."
    )


# ---------------------------------------------------------------- only the window makes sentences

#: The layers below the window, and start-up: none of them words anything for the packer.
BELOW = [
    "redo",
    "store",
    "packing/session.py",
    "packing/details.py",
    "credentials.py",
    "config.py",
    "config_toml.py",
    "startup.py",
]
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%n|\((?:s|es)\)")


def _tr_sources() -> set[str]:
    """The source text of every ``tr(...)`` in the window's words."""
    found = set()
    for path in (PACKAGE / "packstation" / "ui" / "words").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(str(node.args[0].value))
    return found


def _fragments(source: str) -> Iterator[str]:
    """The fixed parts of a sentence long enough to be recognised (4 words or more)."""
    for part in _PLACEHOLDER.split(source):
        part = part.strip(" .,;:'()")
        if len(part.split()) >= 4:
            yield part


def _literals(path: Path) -> Iterator[str]:
    """The string constants of a module (f-strings' fixed parts too), without docstrings."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.value


def _below() -> Iterator[Path]:
    for name in BELOW:
        path = PACKAGE / "packstation" / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def test_the_check_below_sees_the_words_it_looks_for() -> None:
    fragments = {f for source in _tr_sources() for f in _fragments(source)}
    assert "Check the number and scan again" in fragments
    assert (
        "is not a PackStation station database (it belongs to another program), so PackStation did not change or use it. Move that file away, or start PackStation with another data folder"
        in fragments
    )
    assert len(fragments) > 100
    code = "x = 'Not found: order 1. Check the number and scan again.'"
    assert any(f in c for c in [code] for f in fragments)  # it would bite


def test_nothing_below_the_window_makes_a_sentence_for_the_packer() -> None:
    fragments = {f for source in _tr_sources() for f in _fragments(source)}
    made = [
        f"{path.relative_to(PACKAGE)}: {fragment!r}"
        for path in _below()
        for literal in _literals(path)
        for fragment in fragments
        if fragment in literal
    ]
    assert not made, "sentences made below the window:\n" + "\n".join(made)


def test_errors_below_the_window_carry_no_message_attribute() -> None:
    """The old English attributes are gone: the window reads kinds and facts."""
    error = InsecureURLError(UrlRefusal(UrlProblem.QUERY_OR_FRAGMENT))
    assert not hasattr(error, "message")
    from packstation.redo.errors import RedoError

    assert not hasattr(RedoError(ProblemKind.QUEUE_FULL), "message")
