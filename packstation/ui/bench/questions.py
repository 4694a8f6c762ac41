"""A question to the packer as an object, never a nested event loop.

As qutebrowser's ``Question``: whoever asks connects ``answered`` and ``cancelled`` and
returns; the flow goes on in those slots. The same object is answered by a key (Enter,
Esc, 1-9), a click, or a command barcode (``PS-CONFIRM``, ``PS-CANCEL``), whichever
comes first, and only once. A badge question (:meth:`Question.badge`) is answered by a
person's badge (``PS-USER-<name>``): ``badged(name)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from packstation.ui.words.i18n import tr


class Question(QObject):
    """``options`` are the answers, numbered from 0; ``default`` is what Enter picks.

    A yes/no question has two options, yes first. ``cancel_label`` names what Esc does.
    """

    answered = Signal(int)
    cancelled = Signal()
    #: A badge question was answered with this name.
    badged = Signal(str)
    #: Either way, once, before ``answered`` or ``cancelled``: the flow that goes on in
    #: those slots finds no question open.
    closed = Signal()

    def __init__(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        *,
        default: int = 0,
        cancel_label: str = "",
        choice: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.text = text
        self.options = list(options)
        self.default = default
        self.cancel_label = cancel_label or tr("Cancel")
        #: A pick from a list (1-9 keys) rather than a yes/no.
        self.choice = choice
        #: Answered by a badge scan (``PS-USER-<name>``), not by Enter or a number.
        self.wants_badge = False
        self.open = True

    @classmethod
    def yes_no(
        cls,
        title: str,
        text: str,
        yes: str,
        no: str,
        *,
        default_yes: bool = True,
        parent: QObject | None = None,
    ) -> Question:
        """Esc and ``PS-CANCEL`` always mean no; Enter means whichever is the default."""
        return cls(
            title, text, [yes, no], default=0 if default_yes else 1, cancel_label=no, parent=parent
        )

    @classmethod
    def badge(cls, title: str, text: str, *, parent: QObject | None = None) -> Question:
        """Who is doing this? Answered by a badge scan; Esc and ``PS-CANCEL`` give up."""
        question = cls(title, text, [], cancel_label=tr("Cancel"), parent=parent)
        question.wants_badge = True
        return question

    def give_badge(self, name: str) -> None:
        if not self.open or not self.wants_badge or not name:
            return
        self._close()
        self.badged.emit(name)

    def answer(self, index: int) -> None:
        if not self.open or not 0 <= index < len(self.options):
            return
        self._close()
        if not self.choice and index == 1:
            self.cancelled.emit()  # a yes/no question's second answer is "no"
        else:
            self.answered.emit(index)

    def confirm(self) -> None:
        """``PS-CONFIRM``: yes, or the first choice."""
        self.answer(0)

    def accept_default(self) -> None:
        """Enter."""
        self.answer(self.default)

    def cancel(self) -> None:
        if not self.open:
            return
        self._close()
        self.cancelled.emit()

    def _close(self) -> None:
        self.open = False
        self.closed.emit()

    def hint(self) -> str:
        """What to do instead of scanning: the keys and barcodes that answer this question."""
        if self.wants_badge:
            return tr("Answer the question first: scan a badge (PS-USER-name), or Esc / PS-CANCEL.")
        if self.choice:
            return tr(
                "Answer the question first: press a number (PS-CONFIRM takes the first), "
                "or Esc / PS-CANCEL for {no}."
            ).format(no=self.cancel_label)
        return tr(
            "Answer the question first: PS-CONFIRM for {yes}, Esc or PS-CANCEL for {no}. "
            "Enter: {default}."
        ).format(yes=self.options[0], no=self.options[1], default=self.options[self.default])
