"""Take the README screenshots from the real program on a demo database (run under Xvfb).

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_screenshots.py DEMO.sqlite3
    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_screenshots.py DEMO.sqlite3 es

Starts the program exactly as `her2desk --demo --database DEMO.sqlite3` does (signed in as the demo
pathologist) and writes, next to this file: main-window.png (the worklist), case-form.png (a case open
beside its interpretation) and handout-preview.png (the handout preview of a signed-out case). The demo
database is created with 400 synthetic cases if it does not exist. With a language after the database
(`es`), the program runs in that language at 1280x800 and writes main-window-es.png and case-form-es.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import her2desk.gui  # noqa: F401
from her2desk.domain.records import SignOutState, WorklistQuery
from her2desk.domain.vocabulary import Site, Status
from her2desk.gui import app as gui_app

HERE = Path(__file__).resolve().parent


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("her2desk-screenshots")
    app.setApplicationName("her2desk-screenshots")
    language = sys.argv[2] if len(sys.argv) > 2 else ""
    suffix = f"-{language}" if language else ""
    if language:
        from her2desk.gui.common.translation import install_translators

        install_translators(language)
    started = gui_app.start(sys.argv[1], demo=True)
    if isinstance(started, int):
        return started
    window, pending = started
    if pending is not None:
        pending.start()
    window.resize(1280, 800) if language else window.resize(1400, 860)
    window.show()

    def worklist() -> None:
        window.grab().save(str(HERE / f"main-window{suffix}.png"))
        service = window.service
        # In another language, a case whose rule trail and warnings are on screen (a pending one hides them)
        wanted = (
            WorklistQuery(status=Status.NEGATIVE, site=Site.BREAST)
            if language
            else WorklistQuery(status=Status.PENDING)
        )
        pending_cases = service.worklist_page(wanted, 0, 1)
        window.open_case_id(
            pending_cases[0].case_id if pending_cases else window.worklist_model.row_at(0).case_id
        )
        QTimer.singleShot(300, case_form)

    def case_form() -> None:
        window.grab().save(str(HERE / f"case-form{suffix}.png"))
        if language:  # the handout preview has its own language setting: its screenshot is the English one
            app.quit()
            return
        signed = window.service.worklist_page(
            WorklistQuery(signout_state=SignOutState.SIGNED_OUT, site=Site.BREAST, status=Status.POSITIVE),
            0,
            1,
        )
        window.open_case_id(signed[0].case_id)
        window.handout_actions.open_preview()
        QTimer.singleShot(2500, preview)

    def preview() -> None:
        dialog = window.handout_actions.preview
        dialog.resize(820, 1000)
        QTimer.singleShot(500, lambda: (dialog.grab().save(str(HERE / "handout-preview.png")), app.quit()))

    window.worklist.first_paint.connect(lambda: QTimer.singleShot(300, worklist))
    app.exec()
    window.runner.wait()
    window.service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
