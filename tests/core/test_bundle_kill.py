"""kill -9 in the middle of an export: no file at the final name, the portfolio untouched, the next export fine."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.portfolio_factory import make_ready

CHILD = """
import sys, time
from pathlib import Path
from portfolio_builder.core.bundle.bundle_export import export_bundle
from portfolio_builder.core.storage.portfolio_file import Portfolio

portfolio_path, out, marker = map(Path, sys.argv[1:4])

def slow(done, total, name):
    marker.write_text(name)
    time.sleep(0.5)

with Portfolio.open(portfolio_path, read_only=True) as portfolio:
    export_bundle(portfolio, out, progress=slow)
"""


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.timeout(120)
def test_kill_during_export_leaves_no_bundle(fpa_portfolio, tmp_path):
    """After kill -9 midway there is no bundle under the final name, the portfolio is byte-identical,
    and the next export replaces the stale .part and succeeds."""
    make_ready(fpa_portfolio)
    fpa_portfolio.close()
    before = _hash(fpa_portfolio.path)
    out, marker = tmp_path / "bundle.zip", tmp_path / "started"
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(fpa_portfolio.path), str(out), str(marker)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the export finished or failed before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    assert not out.exists()
    assert _hash(fpa_portfolio.path) == before
    with Portfolio.open(fpa_portfolio.path, read_only=True) as portfolio:
        result = export_bundle(portfolio, out)
    assert result.path == out and verify_bundle(out).valid
    assert not out.with_name("bundle.zip.part").exists()
    assert _hash(fpa_portfolio.path) == before
