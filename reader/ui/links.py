"""``reader://`` links: the way back from an exported note to its passage.

``reader://highlight/ID`` opens the highlight's article at the highlight;
``reader://article/ID`` opens an article. The desktop file registers the
scheme (``x-scheme-handler/reader``), so a click in Obsidian or a browser
runs ``reader-gui LINK``; when an app is already running, the link is handed
to it over a local socket (one per user and store) and the new process exits:
one window answers every link.
"""

from __future__ import annotations

import getpass
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

_LINK = re.compile(r"^reader://(highlight|article)/([\w-]{1,64})/?$")
MAX_MESSAGE = 64 * 1024


def parse(link: str) -> tuple[str, str] | None:
    """("highlight" | "article", id), or None for anything else."""
    m = _LINK.match(link.strip())
    return (m.group(1), m.group(2).lower()) if m else None


def server_name(store_path: Path) -> str:
    """One name per user and store: the app that has this store open."""
    key = f"{getpass.getuser()}\x1f{store_path.resolve()}"
    return "reader-" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:16]


def hand_over(name: str, messages: list[str], timeout_ms: int = 1000) -> bool:
    """Give ``messages`` (links, file paths) to the running app; False if none answers."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write("\n".join(messages).encode("utf-8") + b"\n\n")
    ok = sock.waitForBytesWritten(timeout_ms)
    sock.disconnectFromServer()
    return ok


class LinkServer(QObject):
    """Listens for links handed over by later ``reader-gui`` runs."""

    received = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a stale socket left by a crash
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            buf = bytearray()

            def read(s: QLocalSocket = sock, b: bytearray = buf) -> None:
                b += bytes(s.readAll().data())
                if len(b) > MAX_MESSAGE:
                    s.abort()
                    return
                if b.endswith(b"\n\n"):
                    for line in b.decode("utf-8", "replace").splitlines():
                        if line.strip():
                            self.received.emit(line.strip())
                    s.disconnectFromServer()

            sock.readyRead.connect(read)
            sock.disconnected.connect(sock.deleteLater)


class LinkRouter(QObject):
    """Takes links (and files) to the window: ``goto`` shows a highlight,
    ``open_article`` an article; links that come before the library has
    loaded wait for it."""

    def __init__(
        self,
        highlight_article: Callable[[str], str | None],
        goto: Callable[[str], None],
        open_article: Callable[[str], None],
        add_files: Callable[[list[Path]], None],
        raise_window: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.highlight_article = highlight_article
        self.goto = goto
        self.open_article = open_article
        self.add_files = add_files
        self.raise_window = raise_window
        self.ready = False
        self.pending: list[str] = []

    def take(self, message: str) -> None:
        if not self.ready:
            self.pending.append(message)
            return
        link = parse(message)
        if link is not None:
            kind, ident = link
            if kind == "highlight" and self.highlight_article(ident) is not None:
                self.goto(ident)
            elif kind == "article":
                self.open_article(ident)
        elif not message.startswith("reader:"):
            p = Path(message[7:] if message.startswith("file://") else message)
            if p.is_file():
                self.add_files([p])
        self.raise_window()

    def library_ready(self) -> None:
        self.ready = True
        waiting, self.pending = self.pending, []
        for m in waiting:
            self.take(m)


def bring_forward(window: QWidget) -> None:
    """Un-minimise and raise ``window`` (a link was opened from elsewhere)."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()
