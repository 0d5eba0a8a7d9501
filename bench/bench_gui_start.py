"""GUI benchmarks, each against a baseline measured in the same run.

1. Cold start, as whole processes, side by side:
   `her2desk --demo --database DB --quit-after-paint` on 100,000 demo cases versus a bare PySide6
   script that shows an empty QMainWindow.                                     target <= 2.0x
2. Interpretation panel update per keystroke in the case form.                  target < 16 ms
3. Resident memory with the worklist open on 1,000,000 cases (after scrolling to the middle and
   the end) versus the bare window.                                             target <= 110 MB
4. Responsiveness on 1,000,000 cases: each worklist action's time, and the longest stall of the
   GUI thread meanwhile (the work itself runs on worker threads).

The programs run as an installed one does: from compiled bytecode. A source checkout run with
PYTHONDONTWRITEBYTECODE=1 compiles every her2desk module again at each start (~0.3 s, nothing a user
pays: a wheel's installer and the frozen bundle ship the bytecode); the children therefore write and
read their bytecode under the work folder (PYTHONPYCACHEPREFIX), warmed by the first runs.
`--source-only` measures the old way, every module compiled at each start.

Demo databases are created with `her2desk demo --cases N` when missing (1,000,000 takes minutes).
The timed --demo start includes signing in: the demo pathologist is read with the first page
(`store.first_page`, sqlite3) and signed in without a password, as on any demo database. A demo file
made before the demo accounts existed gets them on its first (warm-up) start.

    python bench/bench_gui_start.py [--runs 7] [--workdir DIR] [--skip-million] [--million DB]
                                    [--source-only]

`--million DB` measures memory and responsiveness on DB instead of the work folder's demo-1m file
(for instance a 100,000-case file when the million-case one is at an older schema revision: opening it
would upgrade it in place)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
if "--rss" in sys.argv:
    import json
    with open("/proc/self/status") as status:
        fields = dict(l.split(":", 1) for l in status if l.startswith(("VmRSS", "RssAnon", "RssFile")))
    print(json.dumps({name: int(value.split()[0]) for name, value in fields.items()}))
"""


# The checkout this script belongs to, first on every path: run from a git worktree, the children and
# the in-process benchmark would otherwise import whichever checkout the environment's editable install
# points at (the script's own folder, not the current directory, heads a script's path).
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

START_RATIO_TARGET = 2.0
RSS_TARGET_MB = 110
_BYTECODE: dict[str, str] = {}  # set by main(): where the children keep their compiled modules


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.setdefault("QT_QPA_PLATFORM", "offscreen")
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), e.get("PYTHONPATH")]))
    if _BYTECODE:
        e.pop("PYTHONDONTWRITEBYTECODE", None)
        e.update(_BYTECODE)
    return e


def verdict(ok: bool) -> str:
    return "OK" if ok else "OVER"


def ensure_demo(path: Path, cases: int) -> None:
    if path.exists():
        return
    print(f"creating {path} with {cases:,} demo cases…", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "her2desk", "demo", "--cases", str(cases), "--database", str(path)],
        check=True,
        env=env(),
        stdout=subprocess.DEVNULL,
    )


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_start(database: Path, runs: int) -> dict[str, float]:
    bare = [sys.executable, "-c", BARE_WINDOW]
    app = [sys.executable, "-m", "her2desk", "--demo", "--database", str(database), "--quit-after-paint"]
    timed(bare), timed(app)  # warm the file cache for both, as a second start of the day would be
    parser = [sys.executable, "-c", "from her2desk.cli import build_parser; build_parser()"]
    # The same start-up without the CLI: shows what importing every sub-command up front costs.
    direct = [
        sys.executable,
        "-c",
        "import os; from her2desk.gui.app import run; "
        f"os._exit(run({str(database)!r}, demo=True, quit_after_paint=True))",
    ]
    times: dict[str, list[float]] = {"bare": [], "app": [], "parser": [], "direct": []}
    for _ in range(runs):  # interleaved, so drifting machine load hits all alike
        for name, command in (("bare", bare), ("app", app), ("parser", parser), ("direct", direct)):
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def keystrokes() -> tuple[float, float, int]:
    """Median and 95th percentile seconds per keystroke, typing counts into the real form."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import her2desk.gui  # noqa: F401
    from her2desk.domain.vocabulary import IhcScore, IshProbe, Laterality, Procedure, Site
    from her2desk.gui.case_entry.case_editor import CaseEditor
    from her2desk.services.case_service import open_case_service

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        service = open_case_service(str(Path(folder) / "bench.sqlite3"))
        editor = CaseEditor(service)
        editor.resize(1300, 850)
        editor.show()
        rows = editor.form.rows
        for key, value in (
            ("site", Site.BREAST),
            ("procedure", Procedure.CORE_NEEDLE_BIOPSY),
            ("specimen.laterality", Laterality.LEFT),
            ("ihc", IhcScore.TWO_PLUS),
            ("ish", IshProbe.DUAL),
        ):
            rows[key].set_value(value)
        app.processEvents()
        timings: list[float] = []
        for key, texts in (
            ("her2", ["4.5", "6.25", "3.9"]),
            ("cep17", ["3.0", "1.95"]),
            ("cells", ["20", "40"]),
        ):
            widget = rows[key].input
            for text in texts * 10:
                widget.selectAll()
                QTest.keyClick(widget, Qt.Key.Key_Delete)
                for char in text:
                    start = time.perf_counter()
                    QTest.keyClick(widget, char)
                    app.processEvents()  # include the repaint the keystroke caused
                    timings.append(time.perf_counter() - start)
        editor.close()
        service.close()
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95)], len(timings)


def worklist_rss_child(database: str) -> None:
    """In a child process: open the window on `database`, then scroll to the middle and the end.

    Prints one JSON object: memory (kB) when the first screen is shown and after scrolling, split
    into private memory (RssAnon) and file-backed pages (RssFile: shared libraries, and the database
    pages SQLite maps with mmap, clean pages the kernel can drop at any time).
    """
    import json

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from her2desk.gui.app import open_service
    from her2desk.gui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    service = open_service(database, True)
    window = MainWindow(service, demo=True)
    window.show()
    model, table = window.worklist_model, window.worklist.table
    steps = iter([0.5, 0.75, 1.0, None])
    report: dict[str, object] = {}

    def step() -> None:
        if model.total is None or model.is_loading():
            QTimer.singleShot(50, step)
            return
        if "opened" not in report:
            report["opened"] = memory_kb()
        fraction = next(steps)
        if fraction is None:
            app.quit()
            return
        row = max(0, int(model.total * fraction) - 1)
        table.scrollTo(model.index(row, 0))
        model.row_at(row)
        QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    app.exec()
    report.update(scrolled=memory_kb(), total=model.total, pages=model.cached_pages())
    print(json.dumps(report))
    sys.stdout.flush()
    os._exit(0)


def responsiveness_child(database: str) -> None:
    """In a child process: time each worklist action on `database` and the longest GUI-thread stall.

    A 5 ms timer runs on the GUI thread; the longest gap between its ticks while pages and counts
    load on the workers is how long the window could not react. Prints one JSON line per action.
    """
    import json

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from her2desk.domain.vocabulary import Site
    from her2desk.gui.app import open_service
    from her2desk.gui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    service = open_service(database, True)
    gaps: list[float] = []
    last = [time.perf_counter()]
    shown = [time.perf_counter()]
    window = MainWindow(service, demo=True)
    window.show()
    model, table, view = window.worklist_model, window.worklist.table, window.worklist

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    def scroll(fraction: float) -> None:
        row = max(0, int(model.rowCount() * fraction) - 1)
        table.scrollTo(model.index(row, 0))
        model.row_at(row)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    actions = [
        ("scroll to the middle", lambda: scroll(0.5)),
        ("scroll to the end", lambda: scroll(1.0)),
        ("filter: site stomach", lambda: view.site_filter.set_value(Site.STOMACH)),
        ("search 'Synth' (name prefix)", lambda: view.search.setText("Synth")),
        ("needs action", lambda: view.needs_action.setChecked(True)),
    ]

    def step() -> None:
        if model.is_loading():
            QTimer.singleShot(20, step)
            return
        if shown:
            opened = {"action": "open: count and first page", "seconds": time.perf_counter() - shown[0]}
            print(json.dumps({**opened, "stall_ms": max(gaps or [0]) * 1000}))
            shown.clear()
        if not actions:
            app.quit()
            return
        name, action = actions.pop(0)
        gaps.clear()
        last[0] = start = time.perf_counter()
        action()

        def done() -> None:
            if model.is_loading() or view._timer.isActive():
                QTimer.singleShot(10, done)
                return
            elapsed = time.perf_counter() - start
            print(json.dumps({"action": name, "seconds": elapsed, "stall_ms": max(gaps or [0]) * 1000}))
            QTimer.singleShot(100, step)

        QTimer.singleShot(10, done)

    QTimer.singleShot(0, step)
    app.exec()
    sys.stdout.flush()
    os._exit(0)


def memory_kb() -> dict[str, int]:
    with open("/proc/self/status") as status:
        fields = dict(
            line.split(":", 1) for line in status if line.startswith(("VmRSS", "RssAnon", "RssFile"))
        )
    return {name: int(value.split()[0]) for name, value in fields.items()}


def rss(database: Path) -> tuple[dict[str, int], dict[str, object]]:
    import json

    bare = subprocess.run(
        [sys.executable, "-c", BARE_WINDOW, "--rss"], check=True, env=env(), capture_output=True, text=True
    )
    child = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(database)],
        check=True,
        env=env(),
        capture_output=True,
        text=True,
    )
    return json.loads(bare.stdout), json.loads(child.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "her2desk-bench")
    parser.add_argument("--skip-million", action="store_true")
    parser.add_argument("--million", type=Path, help="database for the memory and responsiveness runs")
    parser.add_argument("--source-only", action="store_true", help="no bytecode cache: compile at each start")
    parser.add_argument("--rss-child", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--responsiveness-child", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        worklist_rss_child(args.rss_child)
        return 0
    if args.responsiveness_child:
        responsiveness_child(args.responsiveness_child)
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    if not args.source_only:
        _BYTECODE["PYTHONPYCACHEPREFIX"] = str(args.workdir / "pycache")
    hundred_k = args.workdir / "demo-100k.sqlite3"
    ensure_demo(hundred_k, 100_000)

    start = cold_start(hundred_k, args.runs)
    bare, app = start["bare"], start["app"]
    mode = "compiled bytecode, as installed" if _BYTECODE else "sources compiled at each start"
    print(f"cold start, median of {args.runs} interleaved runs (100,000 cases; {mode}):")
    print(f"  bare PySide6 QMainWindow                  {bare:6.3f} s")
    ratio = app / bare
    print(
        f"  her2desk --demo --quit-after-paint        {app:6.3f} s   ratio {ratio:4.2f}x "
        f"(<= {START_RATIO_TARGET}x) {verdict(ratio <= START_RATIO_TARGET)}"
    )
    print(
        f"  `her2desk` argument parser alone          {start['parser']:6.3f} s   (imports every sub-command)"
    )
    direct = start["direct"]
    print(f"  same window without the CLI (gui.app.run) {direct:6.3f} s   ratio {direct / bare:4.2f}x")

    median, p95, count = keystrokes()
    print(f"panel update per keystroke ({count} keystrokes, repaint included):")
    print(f"  median {median * 1000:5.2f} ms   95th percentile {p95 * 1000:5.2f} ms   (target < 16 ms)")

    if not args.skip_million:
        million = args.million or args.workdir / "demo-1m.sqlite3"
        if args.million is None:
            ensure_demo(million, 1_000_000)
        bare_kb, app = rss(million)

        def mb(kb: dict[str, int]) -> str:
            return (
                f"{kb['VmRSS'] / 1024:6.1f} MB   (private {kb['RssAnon'] / 1024:5.1f} MB, "
                f"file-backed {kb['RssFile'] / 1024:5.1f} MB)"
            )

        worst = max(app["opened"]["VmRSS"], app["scrolled"]["VmRSS"]) / 1024  # type: ignore[index]
        print(
            f"resident memory, worklist on {app['total']:,} cases (target <= {RSS_TARGET_MB} MB): "
            f"{worst:.1f} MB {verdict(worst <= RSS_TARGET_MB)}"
        )
        print("  (file-backed = shared libraries + database pages SQLite maps with mmap; clean, reclaimable)")
        print(f"  bare PySide6 QMainWindow          {mb(bare_kb)}")
        print(f"  her2desk, first screen shown      {mb(app['opened'])}")  # type: ignore[arg-type]
        print(f"  her2desk, after scrolling to end  {mb(app['scrolled'])}  {app['pages']} pages cached")  # type: ignore[arg-type]

        import json

        child = subprocess.run(
            [sys.executable, __file__, "--responsiveness-child", str(million)],
            check=True,
            env=env(),
            capture_output=True,
            text=True,
        )
        print(f"worklist actions on {app['total']:,} cases (work on threads; longest GUI-thread stall):")
        for line in child.stdout.splitlines():
            row = json.loads(line)
            print(f"  {row['action']:<30} {row['seconds']:5.2f} s   stall {row['stall_ms']:4.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
