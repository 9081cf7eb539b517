"""Light and dark themes: a palette for each, applied while the app runs.

The theme is a preference (:data:`desktop.ui.settings.THEME`): ``"system"``
(the default) follows the platform's light or dark choice, ``"light"`` and
``"dark"`` force one. Following the system leaves the platform's own palette
and style alone as long as they agree with the system's scheme; a platform
that says "dark" but paints light (a style that knows no dark palette) gets
this module's dark palette, and the platform's later changes of scheme are
followed (``QStyleHints.colorSchemeChanged``). Forcing a scheme sets this
module's palette; where the native style ignores palettes (Windows' and
macOS' own), the Fusion style is used meanwhile.

Widgets follow by themselves: Qt sends every widget a ``PaletteChange``, the
reader blends its highlights into the new base colour and the plots redraw
their background and axes.

Asking Qt for the system's scheme returns a value of the ``Qt`` namespace,
whose first use builds all its enums (~20 ms, see desktop.ui.reader): at
start-up it is asked after the window's first paint (:func:`follow_system`).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

AA_TEXT = 4.5
"""The contrast ratio WCAG 2 level AA asks of body text and its background."""

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

# Each scheme's colours by role, then the disabled group's own. The text colours
# reach AA on the backgrounds they are drawn on (Base, Window, Button, Highlight).
_COLORS: dict[str, dict[str, str]] = {
    LIGHT: {
        "Window": "#efefef", "WindowText": "#1b1b1b", "Base": "#ffffff",
        "AlternateBase": "#f6f6f6", "Text": "#1b1b1b", "Button": "#efefef",
        "ButtonText": "#1b1b1b", "BrightText": "#ffffff", "Light": "#ffffff",
        "Midlight": "#cacaca", "Mid": "#b8b8b8", "Dark": "#9f9f9f", "Shadow": "#767676",
        "Highlight": "#2c6fb7", "HighlightedText": "#ffffff", "Link": "#1a5fb4",
        "LinkVisited": "#6a3fa0", "ToolTipBase": "#ffffdc", "ToolTipText": "#1b1b1b",
        "PlaceholderText": "#6b6b6b", "Accent": "#2c6fb7",
    },
    DARK: {
        "Window": "#2b2b2b", "WindowText": "#e8e8e8", "Base": "#1e1e1e",
        "AlternateBase": "#262626", "Text": "#e8e8e8", "Button": "#353535",
        "ButtonText": "#e8e8e8", "BrightText": "#ffffff", "Light": "#5a5a5a",
        "Midlight": "#454545", "Mid": "#3a3a3a", "Dark": "#1c1c1c", "Shadow": "#101010",
        "Highlight": "#2f66b3", "HighlightedText": "#ffffff", "Link": "#8ab4f8",
        "LinkVisited": "#c58af9", "ToolTipBase": "#3a3a3a", "ToolTipText": "#e8e8e8",
        "PlaceholderText": "#9e9e9e", "Accent": "#2f66b3",
    },
}
_DISABLED: dict[str, dict[str, str]] = {
    LIGHT: {"WindowText": "#8c8c8c", "Text": "#8c8c8c", "ButtonText": "#8c8c8c",
            "Base": "#efefef", "Highlight": "#a8a8a8", "HighlightedText": "#ffffff"},
    DARK: {"WindowText": "#7a7a7a", "Text": "#7a7a7a", "ButtonText": "#7a7a7a",
           "Base": "#252525", "Button": "#2f2f2f", "Highlight": "#505050",
           "HighlightedText": "#c8c8c8"},
}
# Native styles that draw with the platform's colours whatever the palette says.
_IGNORE_PALETTES = frozenset({"windowsvista", "windows11", "macos"})


def palette(scheme: str) -> QPalette:
    """The palette of ``scheme`` (:data:`LIGHT` or :data:`DARK`)."""
    result = QPalette()
    for name, value in _COLORS[scheme].items():
        # The colours by name: QColor(str) would make PySide6 weigh the
        # QColor(Qt.GlobalColor) overload and build the Qt namespace.
        result.setColor(getattr(_Role, name), QColor.fromString(value))
    for name, value in _DISABLED[scheme].items():
        result.setColor(_Group.Disabled, getattr(_Role, name), QColor.fromString(value))
    return result


def system_scheme() -> str:
    """:data:`DARK` if the system asks for dark colours, else :data:`LIGHT`.

    Builds the Qt namespace the first time (see the module's note).
    """
    from PySide6.QtCore import Qt

    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return DARK if dark else LIGHT


def is_dark(colors: QPalette) -> bool:
    """Whether ``colors`` draws light text on a dark window."""
    return colors.color(_Role.Window).lightnessF() < 0.5


def luminance(color: QColor) -> float:
    """The relative luminance of ``color`` (WCAG 2), from 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    rgb = color.toRgb()
    return (0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF())
            + 0.0722 * linear(rgb.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours, from 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def error_color(background: QColor) -> QColor:
    """The red of error messages and invalid fields, readable (WCAG AA) on
    ``background``: a deep red on a light theme, a light one on a dark theme."""
    red = QColor("#c62828")
    return red if contrast_ratio(red, background) >= AA_TEXT else QColor("#ff8a80")


def readable_on(background: QColor, preferred: QColor) -> QColor:
    """``preferred`` if text in it is readable on ``background`` (WCAG AA), else
    black or white, whichever contrasts more (one of them always reaches AA)."""
    if contrast_ratio(preferred, background) >= AA_TEXT:
        return preferred
    black, white = QColor.fromRgbF(0, 0, 0), QColor.fromRgbF(1, 1, 1)
    return black if contrast_ratio(black, background) >= contrast_ratio(white, background) \
        else white


class _Theme(QObject):
    """The application's theme: what was chosen, and what is applied.

    Attributes:
        choice: :data:`SYSTEM`, :data:`LIGHT` or :data:`DARK`.
        forced: the scheme whose palette this module set, or None while the
            platform's own palette is in use.
    """

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.choice = SYSTEM
        self.forced: str | None = None
        self._native_style = ""  # the style replaced by Fusion while forcing, if any
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    def apply(self, choice: str, ask_system: bool) -> None:
        self.choice = choice if choice in THEMES else SYSTEM
        if self.choice != SYSTEM:
            self._force(self.choice)
            return
        self._release()
        if ask_system:
            self.follow_system()

    def follow_system(self) -> None:
        """Under "system": the dark palette where the system is dark and the
        platform paints light; the platform's own palette otherwise."""
        if self.choice != SYSTEM:
            return
        wanted = system_scheme()
        if self.forced == wanted:
            return  # the platform could not paint it before either
        self._release()
        if is_dark(QGuiApplication.palette()) != (wanted == DARK):
            self._force(wanted)

    def _on_scheme_changed(self, _scheme: object) -> None:
        self.follow_system()

    def _force(self, scheme: str) -> None:
        from PySide6.QtWidgets import QApplication

        # Elsewhere the styles (Fusion, Breeze…) draw with the palette.
        style = QApplication.style() if sys.platform in ("win32", "darwin") else None
        if style is not None and style.name().lower() in _IGNORE_PALETTES:
            self._native_style = style.name()
            QApplication.setStyle("Fusion")
        QGuiApplication.setPalette(palette(scheme))
        self.forced = scheme
        _deliver_palette()

    def _release(self) -> None:
        """Back to the platform's palette (and style) if this module had set its own."""
        if self.forced is None:
            return
        from PySide6.QtWidgets import QApplication

        if self._native_style:
            QApplication.setStyle(self._native_style)
            self._native_style = ""
        QGuiApplication.setPalette(QPalette())  # an empty palette: the platform's again
        self.forced = None
        _deliver_palette()


def _deliver_palette() -> None:
    """Gives the widgets the new palette now: Qt posts it to each, and a caller
    (the Preferences' OK, a test) expects the window to show it on return."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)


_theme: _Theme | None = None


def _current() -> _Theme:
    global _theme
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("themes need a QApplication")
    if _theme is None or _theme.parent() is not app:
        _theme = _Theme(app)  # type: ignore[arg-type]
    return _theme


def apply_theme(choice: str, ask_system: bool = True) -> None:
    """Shows the application in ``choice``'s colours, at once.

    Args:
        choice: :data:`SYSTEM`, :data:`LIGHT` or :data:`DARK` (anything else
            counts as :data:`SYSTEM`).
        ask_system: under :data:`SYSTEM`, check now that the platform paints
            in the system's scheme; at start-up pass False and call
            :func:`follow_system` after the first paint.
    """
    _current().apply(choice, ask_system)


def follow_system() -> None:
    """Under :data:`SYSTEM`, makes the colours agree with the system's scheme."""
    _current().follow_system()


def current_choice() -> str:
    """The theme chosen last (:data:`SYSTEM` until one is applied)."""
    return _current().choice


def current_scheme() -> str:
    """:data:`DARK` or :data:`LIGHT`: what the application is painted in now."""
    return DARK if is_dark(QGuiApplication.palette()) else LIGHT
