"""The frozen app's entry point: the same `helpdesk` command as the venv's console script.

$HELPDESK_BENCH_T0 (a time.time() taken by bench/package.py just before it started this
process) makes the app print the seconds until its first window is shown and painted, then quit:
the same measurement for the packaged app and the venv, with no test code in the app itself.
With $HELPDESK_BENCH_SCREENSHOT it also saves the window there as a PNG.
"""

import os
import sys
import time


def _quit_when_shown(t0: float) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from helpdesk import app

    build_window = app.build_window

    def build_and_watch(*args, **kwargs):  # type: ignore[no-untyped-def]
        window = build_window(*args, **kwargs)

        def shown() -> None:
            window.repaint()  # painted, not only shown
            if os.environ.get("HELPDESK_BENCH_SCREENSHOT"):
                window.grab().save(os.environ["HELPDESK_BENCH_SCREENSHOT"])
            print(f"HELPDESK_SHOWN {time.time() - t0:.4f}", file=sys.stderr, flush=True)
            QApplication.quit()

        QTimer.singleShot(0, shown)  # runs once the event loop has shown the window
        return window

    app.build_window = build_and_watch


if __name__ == "__main__":
    if os.environ.get("HELPDESK_BENCH_T0"):
        _quit_when_shown(float(os.environ["HELPDESK_BENCH_T0"]))
    from helpdesk.cli import main

    sys.exit(main())
