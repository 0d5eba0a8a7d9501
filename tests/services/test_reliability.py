"""Reliability: acknowledged saves survive SIGKILL; concurrent editors never lose an update.

The child processes are real `python` processes using the real service against a real database.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from support.backends import make_entry

from her2desk.domain.case import SpecimenDetails
from her2desk.services.case_service import open_case_service
from her2desk.store.backup import integrity_problems

TESTS = str(Path(__file__).resolve().parent.parent)  # the child processes import support.backends

SAVER = """
import sys
sys.path.insert(0, {tests!r})
from dataclasses import replace
from support.backends import make_entry
from her2desk.services.case_service import open_case_service

url, run = sys.argv[1], int(sys.argv[2])
service = open_case_service(url, f"crash-{{run}}")
print("ready", flush=True)
previous = None
for i in range(1_000_000):
    accession = f"C{{run:03d}}-{{i:06d}}"
    stored = service.save(make_entry(accession=accession, mrn=f"DEMO{{run:03d}}{{i % 7:04d}}"), None)
    print(accession, flush=True)
    if previous is not None and i % 3 == 0:
        changed = previous.entry.with_changes(specimen=replace(previous.entry.specimen, block="Z9"))
        service.save(changed, previous.version)
        print("updated " + previous.entry.accession, flush=True)
    previous = stored
"""

EDITOR = """
import json, random, sys, time
sys.path.insert(0, {tests!r})
from dataclasses import replace
from her2desk.domain.records import CaseConflictError
from her2desk.services.case_service import open_case_service

url, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
accessions = sys.argv[4:]
service = open_case_service(url, name)
rng = random.Random(name)
saves = {{a: 0 for a in accessions}}
conflicts = 0
import glob
open(f"{{sys.argv[0]}}.ready.{{name}}", "w").close()  # both editors start together, however slow
while len(glob.glob(sys.argv[0] + ".ready.*")) < 2:
    time.sleep(0.001)
for i in range(rounds):
    accession = accessions[i % len(accessions)]
    while True:
        current = service.load(accession)
        minutes = current.entry.specimen.cold_ischaemia_minutes + 1
        time.sleep(rng.random() * 0.004)
        try:
            specimen = replace(current.entry.specimen, cold_ischaemia_minutes=minutes)
            service.save(current.entry.with_changes(specimen=specimen), current.version)
        except CaseConflictError as conflict:
            assert conflict.current_version > current.version
            assert conflict.changed_by in ("editor-a", "editor-b")
            conflicts += 1
            continue
        saves[accession] += 1
        break
print(json.dumps({{"saves": saves, "conflicts": conflicts}}), flush=True)
"""


@pytest.mark.slow
def test_every_acknowledged_save_survives_sigkill(tmp_path: Path) -> None:
    url = str(tmp_path / "crash.sqlite3")
    script = tmp_path / "saver.py"
    script.write_text(SAVER.format(tests=TESTS), encoding="utf-8")
    open_case_service(url).close()  # created once; the children open an existing database
    rng = random.Random(6)
    acknowledged: set[str] = set()
    updated: set[str] = set()
    # A fixed number of kills (not a time budget), so a slow machine runs the same test, only slower.
    kills = 16
    runs = 0
    while runs < kills:
        child = subprocess.Popen(
            [sys.executable, str(script), url, str(runs)], stdout=subprocess.PIPE, text=True, bufsize=1
        )
        lines: list[str] = []
        ready = threading.Event()

        def read(stream=child.stdout, lines=lines, ready=ready) -> None:
            for line in stream:
                if line.endswith("\n"):
                    lines.append(line.strip())
                    ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        assert ready.wait(30), "the saver did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        reader.join(5)
        acknowledged.update(line for line in lines if line.startswith("C"))
        updated.update(line.split()[1] for line in lines if line.startswith("updated "))
        runs += 1
    assert len(acknowledged) > kills  # the children really were saving when they were killed
    service = open_case_service(url)
    try:
        assert integrity_problems(service.database.engine) == []
        missing = sorted(a for a in acknowledged if service.load(a) is None)
        assert missing == []
        lost_updates = sorted(a for a in updated if service.load(a).entry.specimen.block != "Z9")
        assert lost_updates == []
    finally:
        service.close()


@pytest.mark.slow
def test_two_processes_editing_the_same_cases_lose_no_update(db_url: str, tmp_path: Path) -> None:
    accessions = ["S26-00001", "S26-00002", "S26-00003"]
    service = open_case_service(db_url)
    try:
        for accession in accessions:
            entry = make_entry(accession=accession)
            specimen: SpecimenDetails = entry.specimen.__class__(
                **{**entry.specimen.__dict__, "cold_ischaemia_minutes": 0}
            )
            service.save(entry.with_changes(specimen=specimen), None)
    finally:
        service.close()
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(tests=TESTS), encoding="utf-8")
    rounds = 45
    editors = [
        subprocess.Popen(
            [sys.executable, str(script), db_url, name, str(rounds), *accessions],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("editor-a", "editor-b")
    ]
    reports = []
    for editor in editors:
        out, err = editor.communicate(timeout=120)
        assert editor.returncode == 0, err
        reports.append(json.loads(out))
    service = open_case_service(db_url)
    try:
        for accession in accessions:
            stored = service.load(accession)
            successes = sum(r["saves"][accession] for r in reports)
            assert stored.entry.specimen.cold_ischaemia_minutes == successes
            assert stored.version == successes + 1
        assert sum(sum(r["saves"].values()) for r in reports) == 2 * rounds
        assert sum(r["conflicts"] for r in reports) > 0
        updates = [
            a for a in service.audit_for_case(accessions[0]) if a.table == "specimen" and a.action == "update"
        ]
        assert len(updates) == sum(r["saves"][accessions[0]] for r in reports)
    finally:
        service.close()
