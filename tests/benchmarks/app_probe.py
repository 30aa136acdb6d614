"""Child process for the start-up benchmarks.

Prints ``ROWS <time> <n> <rss MB>`` when the table first shows ``expected``
rows, and ``LOADED <time> <n> <rss MB>`` when loading has finished (cache
checks, watermark pass, store reconciliation).
"""

from __future__ import annotations

import resource
import sys
import time

from PySide6.QtCore import QTimer

from reader.ui.app import create_app, open_window


def rss_mb() -> float:
    """This process's peak RSS. Not ``ru_maxrss``: on Linux it keeps, across
    exec, the peak of the process that started this one (the benchmark, with
    100,000 articles loaded: it reported 1,773 MB for a 400 MB app)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    library, store, expected = (
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]) if len(sys.argv) > 3 else 0,
    )
    app = create_app()
    win = open_window(library, store)
    assert win is not None
    win.show()
    seen = {"rows": False}

    def poll() -> None:
        if not seen["rows"] and win.model.rowCount() >= max(expected, 1):
            seen["rows"] = True
            app.processEvents()  # painted
            print(f"ROWS {time.time():.6f} {win.model.rowCount()} {rss_mb():.0f}", flush=True)

    timer = QTimer(interval=5)
    timer.timeout.connect(poll)
    timer.start()

    def loaded() -> None:
        poll()
        app.processEvents()
        print(f"LOADED {time.time():.6f} {win.model.rowCount()} {rss_mb():.0f}", flush=True)
        win.close()
        app.quit()

    win.library_loaded.connect(lambda: QTimer.singleShot(0, loaded))
    app.exec()


if __name__ == "__main__":
    main()
