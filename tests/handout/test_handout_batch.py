"""Writing many handouts: every file complete, results in order, a bad case reported not raised."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from support.handout_cases import make_entry, pypdf_text, request_for, synthetic, unadjudicated

from her2desk.handout import HandoutRequest, batch
from her2desk.handout.batch import write_handouts


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_writes_every_file_in_order(tmp_path: Path, workers: int) -> None:
    jobs = [
        (request_for("positive", entry=make_entry(accession=f"S26-{i:05d}")), tmp_path / f"{i}.pdf")
        for i in range(6)
    ]
    no_result = synthetic(None)
    bad = HandoutRequest(make_entry(accession="S26-BAD"), no_result, reported=unadjudicated(no_result))
    jobs.insert(3, (bad, tmp_path / "bad.pdf"))
    seen = []
    results = write_handouts(jobs, workers=workers, progress=lambda done, total: seen.append((done, total)))
    assert [r.path for r in results] == [path for _, path in jobs]
    assert seen[-1] == (7, 7)
    failed = results[3]
    assert failed.sha256 is None
    assert "HandoutRefusedError" in failed.error
    assert not (tmp_path / "bad.pdf").exists()
    for i, result in enumerate(r for r in results if r.error is None):
        pdf = result.path.read_bytes()
        assert hashlib.sha256(pdf).hexdigest() == result.sha256
        assert f"S26-{i:05d}" in pypdf_text(pdf)
    assert list(tmp_path.glob("*.part")) == []


def test_small_batches_stay_in_this_process_and_large_ones_use_each_cpu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch, "usable_cpus", lambda: 4)
    assert batch.default_workers(1) == 1
    assert batch.default_workers(batch.IN_PROCESS_BELOW - 1) == 1
    assert batch.default_workers(120) == 2  # each worker gets at least PER_WORKER_AT_LEAST handouts
    assert batch.default_workers(1000) == 4
    monkeypatch.setattr(batch, "usable_cpus", lambda: 64)
    assert batch.default_workers(100_000) == batch.MAX_WORKERS
    monkeypatch.setattr(batch, "usable_cpus", lambda: 1)
    assert batch.default_workers(1000) == 1


def test_the_entry_module_does_not_start_the_program_in_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes (forkserver, spawn) import __main__ again as '__mp_main__': it must do nothing."""
    import runpy

    monkeypatch.setattr("sys.argv", ["her2desk", "--version"])
    runpy.run_module("her2desk.__main__", run_name="__mp_main__")  # would raise SystemExit if it ran
    with pytest.raises(SystemExit) as stopped:
        runpy.run_module("her2desk.__main__", run_name="__main__")
    assert stopped.value.code == 0
