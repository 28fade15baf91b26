from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def type_keys(text: str) -> None:
    """Type *text* into whichever widget has the keyboard focus."""
    QTest.keyClicks(QApplication.focusWidget(), text)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def tab(times: int = 1) -> None:
    for _ in range(times):
        press(Qt.Key.Key_Tab)


def by_name(window: QWidget, name: str) -> QWidget:
    """The one visible widget whose accessible name is *name*."""
    found = [w for w in window.findChildren(QWidget) if w.accessibleName() == name
             and w.isVisibleTo(window)]
    assert len(found) == 1, f"{len(found)} widgets named {name!r}"
    return found[0]


def menu_action(window: QWidget, menu: str, text: str) -> QAction:
    """The command *text* of the menu bar's menu *menu*, as a person finds it (e.g. "&File")."""
    menus = [m for m in window.menuBar().findChildren(QMenu) if m.title() == menu]
    assert len(menus) == 1, f"{len(menus)} menus titled {menu!r}"
    found = [a for a in menus[0].actions() if a.text() == text]
    assert len(found) == 1, f"{len(found)} commands {text!r} in {menu!r}"
    return found[0]
