"""Light, dark and sepia themes, and typography fit for Chinese.

The reader pane is styled with its own CSS (line height, measure, paragraph
spacing); the rest of the window gets a palette, so native widgets keep
their look. Colours of highlights are painted translucent, so overlapping
highlights mix instead of hiding each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette

#: Fonts tried in order for Chinese text; the first installed one wins.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "SimSun",
)


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    text: str
    muted: str
    accent: str
    highlight_alpha: int  # 0-255, for highlight backgrounds
    selection: str


THEMES = {
    "light": Theme("light", "#f6f6f4", "#ffffff", "#1f2328", "#6a737d", "#1f6feb", 160, "#b6d4fe"),
    "dark": Theme("dark", "#1e1f22", "#26272b", "#e6e6e6", "#9aa0a6", "#6ea8fe", 90, "#3b5a8a"),
    "sepia": Theme("sepia", "#efe6d2", "#f7f0e1", "#433422", "#7a6a55", "#8a5a1f", 160, "#e0c9a0"),
}


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        try:
            return app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        except AttributeError:  # pragma: no cover - older Qt
            pass
        return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return False


def resolve(name: str) -> Theme:
    if name == "system":
        return THEMES["dark" if system_is_dark() else "light"]
    return THEMES.get(name, THEMES["light"])


def palette_for(theme: Theme) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    p.setColor(role.Window, QColor(theme.window))
    p.setColor(role.Base, QColor(theme.base))
    p.setColor(role.AlternateBase, QColor(theme.window))
    p.setColor(role.Text, QColor(theme.text))
    p.setColor(role.WindowText, QColor(theme.text))
    p.setColor(role.ButtonText, QColor(theme.text))
    p.setColor(role.Button, QColor(theme.window))
    p.setColor(role.ToolTipBase, QColor(theme.base))
    p.setColor(role.ToolTipText, QColor(theme.text))
    p.setColor(role.PlaceholderText, QColor(theme.muted))
    p.setColor(role.Highlight, QColor(theme.selection))
    p.setColor(role.HighlightedText, QColor(theme.text))
    p.setColor(role.Link, QColor(theme.accent))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(theme.muted))
    p.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(theme.muted))
    return p


def cjk_families() -> list[str]:
    """Installed font families that cover Simplified Chinese."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def reading_font(preferred: str = "") -> str:
    """The family to read Chinese in: the user's pick, else the first of CJK_FONTS."""
    installed = set(QFontDatabase.families())
    if preferred and preferred in installed:
        return preferred
    for f in CJK_FONTS:
        if f in installed:
            return f
    cjk = cjk_families()
    return cjk[0] if cjk else QFont().defaultFamily()
