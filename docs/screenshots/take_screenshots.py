"""Take the README screenshots from the real program on a demo database (run under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_screenshots.py DEMO.sqlite3

Writes main-window.png (the worklist) and case-form.png (a case open beside its interpretation)
next to this file. The demo database is created with 400 synthetic cases if it does not exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import her2desk.gui  # noqa: F401
from her2desk.domain.records import WorklistQuery
from her2desk.domain.vocabulary import Status
from her2desk.gui.app import open_service
from her2desk.gui.main_window import MainWindow

HERE = Path(__file__).resolve().parent


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("her2desk-screenshots")
    app.setApplicationName("her2desk-screenshots")
    service = open_service(sys.argv[1], True)
    window = MainWindow(service, demo=True, location=str(Path(sys.argv[1]).name))
    window.resize(1400, 860)
    window.show()

    def worklist() -> None:
        window.grab().save(str(HERE / "main-window.png"))
        pending = service.worklist_page(WorklistQuery(status=Status.PENDING), 0, 1)
        window.open_case_id(pending[0].case_id if pending else window.worklist_model.row_at(0).case_id)
        QTimer.singleShot(300, case_form)

    def case_form() -> None:
        window.grab().save(str(HERE / "case-form.png"))
        app.quit()

    window.worklist.first_paint.connect(lambda: QTimer.singleShot(300, worklist))
    app.exec()
    window.runner.wait()
    service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
