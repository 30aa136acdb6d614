"""The reader pane makes no network request, whatever the page asks for."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.store import Store
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings


class Listener:
    """A TCP listener on the loopback that counts connections (bounded: stops itself)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for _ in range(200):  # at most ~40 s
            if self._stop.is_set():
                break
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()
        self.sock.close()

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(5)


def test_no_request_reaches_a_local_listener(tmp_path: Path, qtbot: QtBot, monkeypatch) -> None:
    listener = Listener()
    base = f"http://127.0.0.1:{listener.port}"
    opened: list[str] = []
    monkeypatch.setattr(
        "reader.ui.reader_view.QDesktopServices.openUrl", lambda u: opened.append(u.toString())
    )
    lib = tmp_path / "lib"
    lib.mkdir()
    para = (
        "这是一篇带有各种外部资源的网页，阅读器不应该去下载其中任何一个资源，连一个请求都不能发。"
    )
    (lib / "page.html").write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>外部资源测试</title>
        <link rel="stylesheet" href="{base}/style.css"><script src="{base}/app.js"></script>
        <style>body {{ background: url({base}/bg.png) }} @import url("{base}/more.css");</style>
        <meta http-equiv="refresh" content="0; url={base}/refresh"></head>
        <body><h1>外部资源测试</h1><div class="content">
        <p>{para}</p><p><img src="{base}/a.png" srcset="{base}/b.png 2x"> {para}</p>
        <iframe src="{base}/frame"></iframe><object data="{base}/obj"></object>
        <video poster="{base}/poster.jpg" src="{base}/v.mp4"></video>
        <p style="background-image: url({base}/inline.png)">{para}<a href="{base}/link">链接</a></p>
        <p>网址 {base}/in-text 也只是文字。{para}</p></div></body></html>""",
        "utf-8",
    )
    win = MainWindow(Store.open(tmp_path / "s.json"), Settings(str(tmp_path / "s.ini")), lib)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.library_loaded, timeout=20000):
        win.start_load()
    (art,) = win.model.articles
    win.select_article(art.id)
    qtbot.wait(300)
    win.reading.original_button.setChecked(True)  # the original view too
    qtbot.wait(300)
    win.reading.original_button.setChecked(False)
    win.reader.viewport().repaint()
    qtbot.wait(500)
    listener.stop()
    assert listener.connections == 0
    assert opened == []  # nothing opened without a click
    assert "这是一篇带有各种外部资源的网页" in win.reader.toPlainText()
    win.close()
