"""Helper process for tests/test_second_process.py: the real window on a database, taking orders on stdin.

    python tests/window_driver.py DB TOWNSHIP_ID

Starts the program exactly as ``outreach-desk --db DB`` does (``cli.main``) and prints ``ready`` once
the main window is shown. Each stdin line ``village NAME`` adds a village through the services on
the GUI thread, as the organisation tree's dialog does, and prints ``added NAME ID`` after the commit
returned (``failed NAME REASON`` if it raised). The parent kills this process with SIGKILL.
"""

from __future__ import annotations

import queue
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from outreach_desk import cli  # noqa: E402

POLL_MS = 50


def _say(text: str) -> None:
    print(text, flush=True)


class Driver:
    def __init__(self, township_id: int):
        self.township_id = township_id
        self.orders: queue.Queue[str] = queue.Queue()
        self.ready = False
        self.timer = QTimer()
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        threading.Thread(target=self._read_stdin, daemon=True).start()

    def _read_stdin(self) -> None:
        for line in sys.stdin:
            self.orders.put(line.strip())

    def poll(self) -> None:
        if not self.ready:
            shown = [w for w in QApplication.topLevelWidgets()
                     if type(w).__name__ == "MainWindow" and w.isVisible()]
            if shown:
                self.ready = True
                _say("ready")
            return
        while True:
            try:
                order = self.orders.get_nowait()
            except queue.Empty:
                return
            self.run(order)

    def run(self, order: str) -> None:
        from outreach_desk.services import organisation

        verb, _, name = order.partition(" ")
        if verb != "village":
            _say(f"unknown {order}")
            return
        try:
            village_id = organisation.add_village(self.township_id, name)
        except Exception as exc:  # noqa: BLE001 - the parent reads what went wrong
            _say(f"failed {name} {type(exc).__name__}: {exc}".replace("\n", " "))
            return
        _say(f"added {name} {village_id}")


def main(db: str, township_id: int) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    driver = Driver(township_id)
    driver.timer.start()
    code = cli.main(["--db", db, "--lang", "zh_CN"])
    del app
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
