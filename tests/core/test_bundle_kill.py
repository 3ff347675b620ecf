"""kill -9 in the middle of an export: no file at the final name, the portfolio untouched, the next export fine."""

import hashlib
import signal
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

portfolio_path, out = map(Path, sys.argv[1:3])

def slow(done, total, name):
    print(name, flush=True)  # the .part is open and being written: the test kills now
    time.sleep(0.5)

with Portfolio.open(portfolio_path, read_only=True) as portfolio:
    export_bundle(portfolio, out, progress=slow)
"""


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.timeout(120)
def test_kill_during_export_leaves_no_bundle(fpa_portfolio, tmp_path, forking_child):
    """After kill -9 midway there is no bundle under the final name, the portfolio is byte-identical,
    and the next export replaces the stale .part and succeeds."""
    make_ready(fpa_portfolio)
    fpa_portfolio.close()
    before = _hash(fpa_portfolio.path)
    out = tmp_path / "bundle.zip"
    child = forking_child.start(["-c", CHILD, fpa_portfolio.path, out])
    try:
        assert child.readline(timeout=60), "the export finished or failed before it could be killed"
    finally:
        child.kill(group=False)
    assert child.returncode == -signal.SIGKILL
    assert not out.exists()
    assert _hash(fpa_portfolio.path) == before
    with Portfolio.open(fpa_portfolio.path, read_only=True) as portfolio:
        result = export_bundle(portfolio, out)
    assert result.path == out and verify_bundle(out).valid
    assert not out.with_name("bundle.zip.part").exists()
    assert _hash(fpa_portfolio.path) == before
