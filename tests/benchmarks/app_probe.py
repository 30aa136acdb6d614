"""Child process for the startup benchmark: prints the wall time when the window is usable."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer

from reader.ui.app import create_app, open_window


def main() -> None:
    app = create_app()
    win = open_window(sys.argv[1], sys.argv[2])
    assert win is not None
    win.show()

    def ready() -> None:
        app.processEvents()
        print(f"READY {time.time():.6f} {len(win.model.articles)}", flush=True)
        win.close()
        app.quit()

    win.library_loaded.connect(lambda: QTimer.singleShot(0, ready))
    app.exec()


if __name__ == "__main__":
    main()
