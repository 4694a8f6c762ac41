"""A question on the bench itself, under the message line: big, keyboard-first, no window.

Enter picks the default (or the highlighted choice), 1-9 pick a numbered choice, Esc
(the window's shortcut) and ``PS-CANCEL`` say no, ``PS-CONFIRM`` says yes. Nothing is
modal, so scans keep arriving: a command barcode answers, anything else is refused with
the question's own hint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from packstation.ui.bench.questions import Question
from packstation.ui.words.i18n import tr

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class QuestionPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Question"))
        self._question: Question | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("questionTitle")
        self.text = QLabel(self)
        self.text.setObjectName("questionText")
        self.text.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("questionNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.list = QListWidget(self)
        self.list.setObjectName("choiceList")
        self.list.itemActivated.connect(lambda _: self._answer(self.list.currentRow()))
        self.list.installEventFilter(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.list)
        # The note shares the buttons' line (it wraps there): on a line of its own it made
        # the bench taller than a 1366x768 screen in high visibility.
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        self.buttons = QHBoxLayout()
        row.addLayout(self.buttons)
        layout.addLayout(row)
        self.setVisible(False)

    @property
    def question(self) -> Question | None:
        return self._question

    def show_question(self, question: Question | None) -> None:
        self._question = question
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.show_note("")
        if question is None:
            self.setVisible(False)
            return
        self.title.setText(question.title)
        self.text.setText(question.text)
        self.setAccessibleDescription(question.text + " " + question.hint())
        self.list.clear()
        self.list.setVisible(question.choice)
        if question.wants_badge:  # answered by a badge scan; only "cancel" is a button
            labels = [(tr("{no} (Esc)").format(no=question.cancel_label), question.cancel)]
        elif question.choice:
            for number, option in enumerate(question.options, start=1):
                self.list.addItem(f"{number}   {option}" if number <= 9 else option)
            self.list.setCurrentRow(question.default)
            labels = [(tr("Choose (Enter)"), lambda: self._answer(self.list.currentRow()))]
        else:
            labels = [
                (self._label(question, 0), lambda: question.answer(0)),
                (self._label(question, 1), lambda: question.answer(1)),
            ]
        if question.choice:  # a yes/no question's second answer already is "no"
            labels.append((tr("{no} (Esc)").format(no=question.cancel_label), question.cancel))
        self.buttons.addStretch(1)
        for text, slot in labels:
            button = QPushButton(text, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            self.buttons.addWidget(button)
        self.setVisible(True)
        (self.list if question.choice else self).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_note(self, text: str) -> None:
        """A scan refused while the question is open, with what answers it instead."""
        self.note.setText(("✖  " + text) if text else "")
        self.note.setVisible(bool(text))

    @staticmethod
    def _label(question: Question, index: int) -> str:
        keys = []
        if index == question.default:
            keys.append(tr("Enter"))
        keys.append("PS-CONFIRM" if index == 0 else tr("Esc"))
        return f"{question.options[index]} ({' / '.join(keys)})"

    def _answer(self, index: int) -> None:
        if self._question is not None:
            self._question.answer(index)

    def _key(self, event: QKeyEvent) -> bool:
        question = self._question
        if question is None:
            return False
        if event.key() in _ENTER:
            if question.choice:
                self._answer(self.list.currentRow())
            else:
                question.accept_default()
            return True
        text = event.text()
        if question.choice and text.isdigit() and 1 <= int(text) <= min(9, len(question.options)):
            self._answer(int(text) - 1)
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)
