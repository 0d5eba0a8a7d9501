"""Writing many handouts: every file complete, results in order, a bad case reported not raised."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from handout_cases import make_entry, pypdf_text, request_for, synthetic

from her2desk.handout import HandoutRequest
from her2desk.handout.batch import write_handouts


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_writes_every_file_in_order(tmp_path: Path, workers: int) -> None:
    jobs = [
        (request_for("positive", entry=make_entry(accession=f"S26-{i:05d}")), tmp_path / f"{i}.pdf")
        for i in range(6)
    ]
    bad = HandoutRequest(make_entry(accession="S26-BAD"), synthetic(None))
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
